//! `PaperBroker`: paper trading on a real venue's books. Walks the current book (from any
//! `MarketData`, usually the HTTP client) up to the limit price, FOK or FAK, charging the
//! market's taker fee; one fill per order key, so a retried copy never fills twice.

use async_trait::async_trait;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill, TimeInForce};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError};
use copycat_core::signal::SignalKey;
use copycat_core::time::Clock;
use copycat_core::trade::Side;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Paper fills against the venue's live book.
pub struct PaperBroker {
    market: Arc<dyn MarketData>,
    clock: Arc<dyn Clock>,
    fills: tokio::sync::Mutex<HashMap<SignalKey, Fill>>,
    next_id: Mutex<u64>,
}

impl PaperBroker {
    /// Paper trading on `market`'s books, at `clock`'s time.
    pub fn new(market: Arc<dyn MarketData>, clock: Arc<dyn Clock>) -> PaperBroker {
        PaperBroker { market, clock, fills: tokio::sync::Mutex::new(HashMap::new()), next_id: Mutex::new(0) }
    }
}

fn venue_error(e: MarketError) -> BrokerError {
    match e {
        MarketError::NotFound { what, .. } => BrokerError::Rejected { code: None, reason: format!("{what} not found") },
        other => BrokerError::Unavailable(other.to_string()),
    }
}

#[async_trait]
impl Broker for PaperBroker {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        // Held for the whole order: two concurrent places of one key give one fill.
        let mut fills = self.fills.lock().await;
        if let Some(f) = fills.get(&order.key) {
            return Ok(f.clone());
        }
        if !order.shares.is_positive() {
            return Err(BrokerError::Rejected { code: None, reason: format!("order size must be positive, got {}", order.shares) });
        }
        if !order.limit_price.is_tradable() {
            return Err(BrokerError::Rejected {
                code: None,
                reason: format!("limit price {} is not between 0 and 1", order.limit_price.0),
            });
        }
        let info = self.market.market_by_token(&order.token_id).await.map_err(venue_error)?;
        if !info.accepting_orders {
            return Err(BrokerError::Rejected { code: None, reason: format!("market {} is not accepting orders", info.condition_id) });
        }
        let book = self.market.book(&order.token_id).await.map_err(venue_error)?;
        let levels = match order.side {
            Side::Buy => &book.asks,
            Side::Sell => &book.bids,
        };
        let (mut filled, mut notional, mut fee) = (Decimal::ZERO, Decimal::ZERO, Usd::ZERO);
        for level in levels {
            let remaining = order.shares.0 - filled;
            if remaining <= Decimal::ZERO {
                break;
            }
            let inside = match order.side {
                Side::Buy => level.price <= order.limit_price,
                Side::Sell => level.price >= order.limit_price,
            };
            if !inside {
                break;
            }
            let take = remaining.min(level.size.0);
            filled += take;
            notional += take * level.price.0;
            fee += taker_fee(Shares(take), level.price, info.taker_fee_rate);
        }
        let now = self.clock.now();
        let id = {
            let mut n = self.next_id.lock().unwrap_or_else(|p| p.into_inner());
            *n += 1;
            format!("paper-{:08}", *n)
        };
        let killed = order.time_in_force == TimeInForce::Fok && filled < order.shares.0;
        let fill = if killed || filled.is_zero() {
            Fill { shares: Shares::ZERO, avg_price: Price::ZERO, fee: Usd::ZERO, order_id: id, at: now }
        } else {
            Fill { shares: Shares(filled), avg_price: Price((notional / filled).round_dp(6)), fee, order_id: id, at: now }
        };
        fills.insert(order.key.clone(), fill.clone());
        Ok(fill)
    }
}
