//! copycat-polymarket: Polymarket over HTTP.
//!
//! - [`PolymarketClient`] implements the `MarketData` port against the Data API v2, Gamma and
//!   the CLOB's public routes: process-wide rate budgets per endpoint family, jittered retries
//!   honouring `Retry-After`, timeouts, bounded paging, typed errors the breakers count.
//! - [`PaperBroker`] paper-trades against the venue's live books.
//! - [`server`], [`sim_venue`] and [`fixtures`] are the local venue: the simulator, or a
//!   scripted bad day, served on 127.0.0.1 in Polymarket's shapes (`copycat sim serve`).
//! - [`discover`] finds and judges candidates many at a time (`copycat discover`).
//!
//! The Lambda binaries build the venue with [`venue_from_config`].

#![warn(missing_docs)]

mod client;
pub mod discover;
mod error;
pub mod fixtures;
pub mod limiter;
mod paper;
pub mod parse;
pub mod server;
pub mod sim_venue;

pub use client::{BuildError, ClientStats, PolymarketClient, cut_at_second};
pub use error::VenueError;
pub use limiter::{Family, RateLimits, Ticker};
pub use paper::PaperBroker;

use copycat_core::config::{Config, TradingMode};
use copycat_core::ports::{Broker, MarketData};
use copycat_core::time::Clock;
use std::sync::Arc;

/// Market data and a broker, as handler `Deps` take them.
pub type Venue = (Arc<dyn MarketData>, Arc<dyn Broker>);

/// The real venue for a validated config: the HTTP client as market data and a paper broker on
/// its books. Refuses `trading.mode = "live"`: this build has no live broker, and paper fills
/// must never be mistaken for real ones.
pub fn venue_from_config(config: &Config, clock: Arc<dyn Clock>) -> Result<Venue, BuildError> {
    if config.trading.mode == TradingMode::Live {
        return Err(BuildError::Config(copycat_core::config::ConfigError::Invalid {
            key: "trading.mode".into(),
            rule: "live trading needs the live broker, which this build does not have; use \"paper\"".into(),
        }));
    }
    let client = PolymarketClient::from_config(&config.venue)?;
    let market: Arc<dyn MarketData> = Arc::new(client);
    let broker: Arc<dyn Broker> = Arc::new(PaperBroker::new(market.clone(), clock));
    Ok((market, broker))
}
