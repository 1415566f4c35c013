//! copycat-core: CopyCat's pure domain.
//!
//! Decisions are pure functions that take values (including `now`) and return values
//! (including the reasons for a refusal). No tokio, no AWS SDK, no HTTP, no clock reads: the
//! ports in [`ports`] are how handlers reach the world.

pub mod botfilter;
pub mod breaker;
pub mod config;
pub mod control;
pub mod datapi;
pub mod decision;
pub mod dependency;
pub mod edge;
pub mod events;
pub mod market;
pub mod message;
pub mod mode;
pub mod money;
pub mod order;
pub mod policy;
pub mod portfolio;
pub mod ports;
pub mod quality;
pub mod queues;
pub mod records;
pub mod report;
pub mod schedule;
pub mod signal;
pub mod store;
pub mod time;
pub mod trade;

pub use config::Config;
pub use money::{Price, Shares, Usd};
pub use time::{Clock, ManualClock, Span, SystemClock, Timestamp};
pub use trade::{Side, Trade, Wallet};
