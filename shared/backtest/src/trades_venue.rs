//! A venue rebuilt from market trades: no historical order books exist, so a copy arriving at
//! `t` is priced by the trades that followed it.
//!
//! The fill model, with its limits (README "Fill model"):
//! - a copy fills at the price of the first trade on the same side of the same token within
//!   `fill_window` after our arrival (someone else paid that price then);
//! - when nobody traded on that side in the window, at the last trade price before arrival
//!   plus `half_spread` for a buy (minus for a sell);
//! - it fills in full when that price is inside our limit and not at all otherwise (no depth is
//!   known: large copies in thin markets look better than they would be);
//! - the market resolves at its resolution time when known, else at its end date; what is
//!   still held is marked at the last trade price known.

use crate::ReplayVenue;
use copycat_core::market::{Book, BookLevel, MarketInfo};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::BrokerError;
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::{Side, Trade};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What the venue knows: markets by token, and trades by token (oldest first).
#[derive(Clone, Debug, Default)]
pub struct TradesVenueData {
    markets: HashMap<String, MarketInfo>,
    resolved_at: HashMap<String, Timestamp>,
    trades: HashMap<String, Vec<(Timestamp, Side, Price)>>,
}

impl TradesVenueData {
    /// Adds a market (under each of its tokens); `resolved_at` when the venue says when it
    /// resolved.
    pub fn add_market(&mut self, info: MarketInfo, resolved_at: Option<Timestamp>) {
        if let Some(at) = resolved_at {
            self.resolved_at.insert(info.condition_id.clone(), at);
        }
        for t in &info.token_ids {
            self.markets.insert(t.clone(), info.clone());
        }
    }

    /// Adds trades (any wallet's) to what is known of their tokens.
    pub fn add_trades(&mut self, trades: &[Trade]) {
        for t in trades {
            self.trades.entry(t.asset.clone()).or_default().push((t.timestamp, t.side, t.price));
        }
    }

    /// Whether a token's market is known.
    pub fn knows(&self, token_id: &str) -> bool {
        self.markets.contains_key(token_id)
    }

    fn finish(mut self) -> Self {
        for v in self.trades.values_mut() {
            v.sort_by_key(|a| a.0);
            v.dedup();
        }
        self
    }
}

/// [`ReplayVenue`] over [`TradesVenueData`] with the fill model above.
#[derive(Clone, Debug)]
pub struct TradesVenue {
    data: TradesVenueData,
    half_spread: Decimal,
    fill_window: Span,
}

impl TradesVenue {
    /// A venue over `data`, adding `half_spread` when no trade prices a copy and looking
    /// `fill_window` past arrival for one that does.
    pub fn new(data: TradesVenueData, half_spread: Decimal, fill_window: Span) -> TradesVenue {
        TradesVenue { data: data.finish(), half_spread, fill_window }
    }

    fn last_price(&self, token_id: &str, at: Timestamp) -> Option<Price> {
        let t = self.data.trades.get(token_id)?;
        let i = t.partition_point(|x| x.0 <= at);
        (i > 0).then(|| t[i - 1].2)
    }

    fn next_same_side(&self, token_id: &str, side: Side, at: Timestamp) -> Option<Price> {
        let t = self.data.trades.get(token_id)?;
        let i = t.partition_point(|x| x.0 < at);
        t[i..].iter().take_while(|x| x.0 <= at + self.fill_window).find(|x| x.1 == side).map(|x| x.2)
    }

    fn resolved_at(&self, m: &MarketInfo) -> Option<Timestamp> {
        m.winning_outcome?;
        self.data.resolved_at.get(&m.condition_id).copied().or(m.end_date)
    }
}

fn clamp_price(p: Decimal) -> Price {
    Price(p.clamp(Decimal::new(1, 3), Decimal::new(999, 3)))
}

impl ReplayVenue for TradesVenue {
    fn market_at(&self, token_id: &str, at: Timestamp) -> Result<MarketInfo, String> {
        let m = self.data.markets.get(token_id).ok_or_else(|| format!("token {token_id} is in no market the venue knows"))?;
        let mut m = m.clone();
        if self.resolved_at(&m).is_none_or(|r| at < r) {
            m.winning_outcome = None;
            m.accepting_orders = m.end_date.is_none_or(|e| at < e);
        }
        Ok(m)
    }

    fn book_at(&self, token_id: &str, at: Timestamp) -> Book {
        let level = |p: Decimal| BookLevel { price: clamp_price(p), size: Shares(Decimal::new(1_000_000, 0)) };
        match self.last_price(token_id, at) {
            Some(p) => Book {
                token_id: token_id.into(),
                bids: vec![level(p.0 - self.half_spread)],
                asks: vec![level(p.0 + self.half_spread)],
                at: Some(at),
            },
            None => Book { token_id: token_id.into(), bids: vec![], asks: vec![], at: Some(at) },
        }
    }

    fn fill(&self, order: &CopyOrder, at: Timestamp) -> Result<Fill, BrokerError> {
        let none = Fill { shares: Shares::ZERO, avg_price: Price::ZERO, fee: Usd::ZERO, order_id: String::new(), at };
        let Some(m) = self.data.markets.get(&order.token_id) else {
            return Err(BrokerError::Rejected { code: None, reason: format!("unknown token {}", order.token_id) });
        };
        let price = match self.next_same_side(&order.token_id, order.side, at) {
            Some(p) => p,
            None => match self.last_price(&order.token_id, at) {
                Some(p) if order.side == Side::Buy => clamp_price(p.0 + self.half_spread),
                Some(p) => clamp_price(p.0 - self.half_spread),
                None => return Ok(none),
            },
        };
        let inside = match order.side {
            Side::Buy => price.0 <= order.limit_price.0,
            Side::Sell => price.0 >= order.limit_price.0,
        };
        if !inside {
            return Ok(none);
        }
        let fee = taker_fee(order.shares, price, m.taker_fee_rate);
        Ok(Fill { shares: order.shares, avg_price: price, fee, order_id: format!("replay-{}", order.key.as_str()), at })
    }

    fn resolution(&self, token_id: &str) -> Option<(Timestamp, Price)> {
        let m = self.data.markets.get(token_id)?;
        Some((self.resolved_at(m)?, m.settlement_price(token_id)?))
    }

    fn mark_at(&self, token_id: &str, at: Timestamp) -> Option<Price> {
        self.last_price(token_id, at)
    }
}
