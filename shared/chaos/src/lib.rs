//! copycat-chaos: the parts of `copycat chaos`, a soak that drives seeded leader trades through
//! the real copier in worker processes under a seeded fault plan, then audits the outcome.
//!
//! - [`venue`]: a venue (market data and broker) kept in its own SQLite file, so every worker
//!   process trades on the same books and the audit sees every fill the venue ever made — also
//!   the ones whose worker died before recording them.
//! - [`faults`]: ports that wrap the real ones and inject the plan's faults: throttling and
//!   timeouts from the state store, market data and broker, answers lost after an order filled,
//!   a SIGKILL of the worker at a random port call inside a handler, and a skewed clock.
//! - [`plan`]: the seeded leader trades and the signals they become.
//! - [`stack`]: where the state table and queues are (the embedded file, or fresh resources on
//!   the AWS emulator), written once and opened by every process.
//! - [`runtime_api`]: the Lambda runtime API in front of one function process, for the AWS
//!   backend, where workers are the copier under the official runtime client.
//! - [`mod@audit`]: the ledger, the portfolio and the venue's fills held against the leader trades.

pub mod audit;
pub mod faults;
pub mod plan;
pub mod runtime_api;
pub mod stack;
pub mod venue;

pub use audit::{Audit, audit};
pub use faults::{ChaosBroker, ChaosMarket, ChaosStore, FaultCounts, Faults, SkewedClock};
pub use plan::{chaos_config, leader_set, signals};
pub use venue::ChaosVenue;
