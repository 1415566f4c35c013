//! `SimMarket`: the `MarketData` port over a simulated world, revealing only what has happened
//! by the clock's `now`.

use crate::world::SimWorld;
use async_trait::async_trait;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::ports::{MarketData, MarketError};
use copycat_core::time::{Clock, Timestamp};
use copycat_core::trade::{Trade, Wallet};
use std::sync::Arc;

/// Market data from a [`SimWorld`] at the clock's `now`: trades up to now, resolutions once
/// they have happened, `Unavailable` inside outages.
pub struct SimMarket {
    world: Arc<SimWorld>,
    clock: Arc<dyn Clock>,
}

impl SimMarket {
    /// Market data over `world`, seen at `clock`'s time.
    pub fn new(world: Arc<SimWorld>, clock: Arc<dyn Clock>) -> SimMarket {
        SimMarket { world, clock }
    }

    /// The world behind it.
    pub fn world(&self) -> &Arc<SimWorld> {
        &self.world
    }

    /// Turns a manual outage of `dependency` on or off (shared with every broker on the world).
    pub fn set_outage(&self, dependency: Dependency, on: bool) {
        self.world.set_outage(dependency, on);
    }

    /// Fails with `Unavailable` when `dependency` is down at `now`.
    fn guard(&self, dependency: Dependency, now: Timestamp) -> Result<(), MarketError> {
        if self.world.is_down(dependency, now) {
            return Err(MarketError::Unavailable { dependency, reason: "simulated outage".into() });
        }
        Ok(())
    }

    /// [`MarketData::wallet_trades`] without the async wrapper (for benches and tight loops).
    pub fn wallet_trades_now(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::DataApi, now)?;
        self.world.trades_since(wallet, since, limit, now).ok_or_else(|| unknown_wallet(wallet))
    }
}

fn unknown_wallet(wallet: &Wallet) -> MarketError {
    MarketError::NotFound { dependency: Dependency::DataApi, what: format!("wallet {wallet}") }
}

fn unknown_token(dependency: Dependency, token_id: &str) -> MarketError {
    MarketError::NotFound { dependency, what: format!("token {token_id}") }
}

#[async_trait]
impl MarketData for SimMarket {
    async fn leaderboard(&self, window: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::DataApi, now)?;
        Ok(self.world.leaderboard_at(window, limit, now))
    }

    async fn wallet_trades(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.wallet_trades_now(wallet, since, limit)
    }

    async fn wallet_positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::DataApi, now)?;
        self.world.positions_at(wallet, now).ok_or_else(|| unknown_wallet(wallet))
    }

    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::Gamma, now)?;
        self.world.market_info_at(token_id, now).ok_or_else(|| unknown_token(Dependency::Gamma, token_id))
    }

    async fn book(&self, token_id: &str) -> Result<Book, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::Clob, now)?;
        self.world.book_at(token_id, now).ok_or_else(|| unknown_token(Dependency::Clob, token_id))
    }

    async fn market_trades(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        let now = self.clock.now();
        self.guard(Dependency::DataApi, now)?;
        // Nothing after `now` is known yet.
        self.world
            .market_trades_between(condition_id, from, to.min(now), limit)
            .ok_or_else(|| MarketError::NotFound { dependency: Dependency::DataApi, what: format!("market {condition_id}") })
    }
}
