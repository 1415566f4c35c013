//! The venue of the functions that place no orders: built in live mode without the wallet key
//! (the key is the copier's alone), and its broker refuses every order.

use copycat_core::config::{Config, TradingMode};
use copycat_core::money::{Price, Shares};
use copycat_core::ports::{BrokerError, CopyOrder, TimeInForce};
use copycat_core::signal::SignalKey;
use copycat_core::time::{ManualClock, from_secs};
use copycat_core::trade::Side;
use rust_decimal::Decimal;
use std::sync::Arc;

#[tokio::test]
async fn data_venue_needs_no_key_in_live_mode_and_refuses_orders() {
    let mut config = Config::default();
    config.trading.mode = TradingMode::Live;
    // No key, no confirmation: the trading venue is refused, the data venue is not.
    assert!(
        copycat_polymarket::venue_with_key(&config, Arc::new(ManualClock::new(from_secs(0))), copycat_polymarket::Launch::Lambda, None)
            .is_err()
    );
    let (_market, broker) =
        copycat_polymarket::data_venue(&config, Arc::new(ManualClock::new(from_secs(0)))).expect("a data venue needs no key");
    let order = CopyOrder {
        key: SignalKey("00000000000000000000000000000001".into()),
        token_id: "1001".into(),
        side: Side::Buy,
        shares: Shares(Decimal::TEN),
        limit_price: Price(Decimal::ONE),
        time_in_force: TimeInForce::Fok,
    };
    match broker.place(&order).await {
        Err(BrokerError::Rejected { code: None, reason }) => assert!(reason.contains("does not place orders"), "{reason}"),
        other => panic!("a data venue's broker refuses every order, got {other:?}"),
    }
}
