//! copycat-polymarket: Polymarket over HTTP.
//!
//! - [`PolymarketClient`] implements the `MarketData` port against the Data API v2, Gamma and
//!   the CLOB's public routes: process-wide rate budgets per endpoint family, jittered retries
//!   honouring `Retry-After`, timeouts, bounded paging, typed errors the breakers count.
//! - [`PaperBroker`] paper-trades against the venue's live books.
//! - [`server`], `sim_venue` (feature `sim-venue`) and [`fixtures`] are the local venue: the simulator, or a
//!   scripted bad day, served on 127.0.0.1 in Polymarket's shapes (`copycat sim serve`).
//! - [`discover`] finds and judges candidates many at a time (`copycat discover`).
//! - [`live`] holds the switch to real orders and, with the cargo feature `live`, the
//!   `LiveBroker` that signs them.
//!
//! The copier Lambda builds its venue with [`venue_from_config`] (the other functions only
//! [`market_data`]), `copycat run` with
//! [`venue_for`].

#![warn(missing_docs)]

mod client;
pub mod discover;
mod error;
pub mod fixtures;
pub mod limiter;
pub mod live;
mod paper;
pub mod parse;
pub mod server;
#[cfg(feature = "sim-venue")]
pub mod sim_venue;

pub use client::{BuildError, ClientStats, PolymarketClient, cut_at_second};
pub use error::VenueError;
pub use limiter::{Family, RateLimits, Ticker};
pub use live::Launch;
pub use paper::PaperBroker;

use copycat_core::config::{Config, TradingMode};
use copycat_core::ports::{Broker, MarketData};
use copycat_core::time::Clock;
use std::sync::Arc;

/// Market data and a broker, as the copier's deps take them.
pub type Venue = (Arc<dyn MarketData>, Arc<dyn Broker>);

/// The real venue for a validated config, as a Lambda gets it: the HTTP client as market data,
/// and a paper broker on its books, or the live broker when `trading.mode = "live"` and
/// everything live needs is there (see [`live`]); otherwise an error naming what is missing.
/// The wallet key is read from [`live::PRIVATE_KEY_ENV`].
pub fn venue_from_config(config: &Config, clock: Arc<dyn Clock>) -> Result<Venue, BuildError> {
    venue_for(config, clock, Launch::Lambda)
}

/// The market data of a function that never places orders (discovery, bot-filter, poller,
/// health check): the HTTP client alone. It never reads the wallet key, so `trading.mode =
/// "live"` needs the key in the copier alone, and such a function holds no broker at all.
pub fn market_data(config: &Config) -> Result<Arc<dyn MarketData>, BuildError> {
    Ok(Arc::new(PolymarketClient::from_config(&config.venue)?))
}

/// [`venue_from_config`] for a given launcher (`copycat run` also needs its confirmation flag).
pub fn venue_for(config: &Config, clock: Arc<dyn Clock>, launch: Launch) -> Result<Venue, BuildError> {
    let private_key = match config.trading.mode {
        TradingMode::Live => std::env::var(live::PRIVATE_KEY_ENV).ok(),
        TradingMode::Paper => None,
    };
    venue_with_key(config, clock, launch, private_key.as_deref())
}

/// [`venue_for`] with the wallet key passed in rather than read from the environment.
pub fn venue_with_key(config: &Config, clock: Arc<dyn Clock>, launch: Launch, private_key: Option<&str>) -> Result<Venue, BuildError> {
    let client = PolymarketClient::from_config(&config.venue)?;
    let market: Arc<dyn MarketData> = Arc::new(client);
    if config.trading.mode == TradingMode::Live {
        let missing = live::missing_for_live(config, launch, private_key);
        if !missing.is_empty() {
            return Err(BuildError::LiveRefused { missing });
        }
        return live_venue(config, market, clock, private_key.unwrap_or_default());
    }
    let broker: Arc<dyn Broker> = Arc::new(PaperBroker::new(market.clone(), clock));
    Ok((market, broker))
}

#[cfg(feature = "live")]
fn live_venue(config: &Config, market: Arc<dyn MarketData>, clock: Arc<dyn Clock>, private_key: &str) -> Result<Venue, BuildError> {
    let broker: Arc<dyn Broker> = Arc::new(live::LiveBroker::new(config, market.clone(), clock, private_key)?);
    Ok((market, broker))
}

#[cfg(not(feature = "live"))]
fn live_venue(config: &Config, _: Arc<dyn MarketData>, _: Arc<dyn Clock>, private_key: &str) -> Result<Venue, BuildError> {
    // Unreachable in practice: `missing_for_live` names the feature in this build.
    Err(BuildError::LiveRefused { missing: live::missing_for_live(config, Launch::Lambda, Some(private_key)) })
}
