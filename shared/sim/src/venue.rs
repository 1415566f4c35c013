//! [`SimVenue`]: the simulated market as a replay venue — the exact book at the moment a copy
//! would have arrived, filled the way [`SimBroker`] fills paper orders.

use crate::broker::SimBroker;
use crate::world::SimWorld;
use copycat_backtest::ReplayVenue;
use copycat_core::market::{Book, MarketInfo};
use copycat_core::money::Price;
use copycat_core::order::{CopyOrder, Fill};
use copycat_core::ports::BrokerError;
use copycat_core::time::{ManualClock, Timestamp, from_secs};
use rust_decimal::Decimal;
use std::sync::Arc;

/// A replay venue over a simulated world.
pub struct SimVenue {
    world: Arc<SimWorld>,
    broker: SimBroker,
}

impl SimVenue {
    /// A venue over `world`.
    pub fn new(world: Arc<SimWorld>) -> SimVenue {
        let clock = Arc::new(ManualClock::new(world.params().history_start()));
        SimVenue { broker: SimBroker::new(world.clone(), clock), world }
    }
}

impl ReplayVenue for SimVenue {
    fn market_at(&self, token_id: &str, at: Timestamp) -> Result<MarketInfo, String> {
        self.world.market_info_at(token_id, at).ok_or_else(|| format!("token {token_id} is in no simulated market open at {at}"))
    }

    fn book_at(&self, token_id: &str, at: Timestamp) -> Book {
        self.world.book_at(token_id, at).unwrap_or(Book { token_id: token_id.into(), bids: vec![], asks: vec![], at: Some(at) })
    }

    fn fill(&self, order: &CopyOrder, at: Timestamp) -> Result<Fill, BrokerError> {
        self.broker.place_at(order, at)
    }

    fn resolution(&self, token_id: &str) -> Option<(Timestamp, Price)> {
        let (m, o) = self.world.market_of_token(token_id)?;
        let end = from_secs(m.end_date.timestamp());
        Some((end, if m.winner == o { Price::ONE } else { Price(Decimal::ZERO) }))
    }

    fn mark_at(&self, token_id: &str, at: Timestamp) -> Option<Price> {
        let (m, o) = self.world.market_of_token(token_id)?;
        m.exists_at(at).then(|| m.book_at(o, at).mid()).flatten()
    }
}
