//! The market data of the functions that place no orders: built in live mode without the wallet
//! key (the key is the copier's alone), while the trading venue is refused without it.

use copycat_core::config::{Config, TradingMode};
use copycat_core::time::{ManualClock, from_secs};
use std::sync::Arc;

#[test]
fn market_data_needs_no_key_in_live_mode_while_the_trading_venue_does() {
    let mut config = Config::default();
    config.trading.mode = TradingMode::Live;
    // No key, no confirmation: the trading venue is refused, the market data is not.
    let refused =
        copycat_polymarket::venue_with_key(&config, Arc::new(ManualClock::new(from_secs(0))), copycat_polymarket::Launch::Lambda, None);
    assert!(matches!(refused, Err(copycat_polymarket::BuildError::LiveRefused { .. })), "{:?}", refused.err());
    copycat_polymarket::market_data(&config).expect("market data needs no key");
}
