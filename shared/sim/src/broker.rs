//! `SimBroker`: a paper venue that fills marketable limit orders against the simulated book.

use crate::world::SimWorld;
use async_trait::async_trait;
use copycat_core::dependency::Dependency;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill, TimeInForce};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::{Broker, BrokerError};
use copycat_core::signal::SignalKey;
use copycat_core::time::{Clock, Timestamp};
use copycat_core::trade::Side;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Paper broker: walks the book at `now` up to the limit price, FOK or FAK, with the world's
/// slippage and the market's taker fee; one fill per order key, like a venue keyed by salt.
pub struct SimBroker {
    world: Arc<SimWorld>,
    clock: Arc<dyn Clock>,
    state: Mutex<Ledger>,
}

#[derive(Default)]
struct Ledger {
    by_key: HashMap<SignalKey, Fill>,
    fills: Vec<(SignalKey, Fill)>,
    next_id: u64,
}

impl SimBroker {
    /// A paper broker on `world`, filling at `clock`'s time.
    pub fn new(world: Arc<SimWorld>, clock: Arc<dyn Clock>) -> SimBroker {
        SimBroker { world, clock, state: Mutex::new(Ledger::default()) }
    }

    /// Every order outcome it produced, in order, one per key (empty fills included: a killed
    /// FOK or nothing inside the limit).
    pub fn fills(&self) -> Vec<(SignalKey, Fill)> {
        self.ledger().fills.clone()
    }

    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Places `order` at `now` (what [`Broker::place`] does at the clock's time).
    pub fn place_at(&self, order: &CopyOrder, now: Timestamp) -> Result<Fill, BrokerError> {
        if self.world.is_down(Dependency::Clob, now) {
            return Err(BrokerError::Unavailable("simulated CLOB outage".into()));
        }
        // Held for the whole order: two concurrent places of one key give one fill.
        let mut ledger = self.ledger();
        if let Some(fill) = ledger.by_key.get(&order.key) {
            return Ok(fill.clone());
        }
        let Some((market, outcome)) = self.world.market_of_token(&order.token_id).filter(|(m, _)| m.exists_at(now)) else {
            return Err(BrokerError::Rejected { code: None, reason: format!("unknown token {}", order.token_id) });
        };
        if !market.is_open_at(now) {
            let state = if market.is_resolved_at(now) { "resolved" } else { "closed" };
            return Err(BrokerError::Rejected {
                code: None,
                reason: format!("market {} is {state} and not accepting orders", market.condition_id),
            });
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

        let quotes = market.quotes(now.timestamp(), outcome as u8);
        let levels: Vec<(u8, u32)> = match order.side {
            Side::Buy => quotes.asks().collect(),
            Side::Sell => quotes.bids().collect(),
        };
        let slip = Decimal::new(i64::from(self.world.params().slippage_bps), 4);
        let (mut filled, mut notional, mut fee) = (Decimal::ZERO, Decimal::ZERO, Usd::ZERO);
        for (ticks, size) in levels {
            let remaining = order.shares.0 - filled;
            if remaining <= Decimal::ZERO {
                break;
            }
            let quoted = Decimal::new(i64::from(ticks), 2);
            let price = match order.side {
                Side::Buy => quoted * (Decimal::ONE + slip),
                Side::Sell => quoted * (Decimal::ONE - slip),
            };
            let inside = match order.side {
                Side::Buy => price <= order.limit_price.0,
                Side::Sell => price >= order.limit_price.0,
            };
            if !inside {
                break;
            }
            let take = remaining.min(Decimal::new(i64::from(size), 2));
            filled += take;
            notional += take * price;
            fee += taker_fee(Shares(take), Price(price), market.taker_fee_rate);
        }
        let killed = order.time_in_force == TimeInForce::Fok && filled < order.shares.0;
        let fill = if killed || filled.is_zero() {
            Fill { shares: Shares::ZERO, avg_price: Price::ZERO, fee: Usd::ZERO, order_id: String::new(), at: now }
        } else {
            Fill { shares: Shares(filled), avg_price: Price((notional / filled).round_dp(6)), fee, order_id: String::new(), at: now }
        };
        ledger.next_id += 1;
        let fill = Fill { order_id: format!("sim-{:08}", ledger.next_id), ..fill };
        ledger.by_key.insert(order.key.clone(), fill.clone());
        ledger.fills.push((order.key.clone(), fill.clone()));
        Ok(fill)
    }
}

#[async_trait]
impl Broker for SimBroker {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        self.place_at(order, self.clock.now())
    }
}
