//! copycat-sim: a deterministic, seeded Polymarket for the local demo and for tests.
//!
//! [`SimWorld::generate`] builds binary markets (hidden outcomes, calibrated price paths,
//! books with a realistic spread) and a labelled population of people and bots that trade them
//! over a history period and the demo period. [`SimMarket`] serves it through the `MarketData`
//! port at a clock's `now` (nothing from the future, outages as `Unavailable`), and
//! [`SimBroker`] fills paper orders against its books. The same seed always gives the same world.

#![warn(missing_docs)]

mod broker;
mod chain;
mod data;
mod ledger;
mod market;
mod noise;
mod params;
mod population;
mod venue;
mod world;

pub use broker::SimBroker;
pub use chain::{ChainParams, FIRST_BLOCK, SimChain};
pub use data::SimMarket;
pub use market::Market;
pub use params::{Outage, SimParams};
pub use population::{BotKind, HumanStyle, WalletKind, WalletTruth};
pub use venue::SimVenue;
pub use world::{COPY_STAKE_USD, SimWorld};
