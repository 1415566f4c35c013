//! A market stub for the health check's tests: markets by token from a function, books at
//! fixed mids, no leaderboard, trades or positions.

use async_trait::async_trait;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, BookLevel, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::ports::{MarketData, MarketError};
use copycat_core::time::Timestamp;
use copycat_core::trade::{Trade, Wallet};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

/// A binary market `condition_id` over `tokens`; `winner` set once resolved (then closed).
pub fn binary_market(condition_id: &str, question: &str, tokens: [&str; 2], winner: Option<usize>) -> MarketInfo {
    MarketInfo {
        condition_id: condition_id.into(),
        question: question.into(),
        category: "test".into(),
        token_ids: tokens.iter().map(|t| t.to_string()).collect(),
        outcomes: vec!["Yes".into(), "No".into()],
        tick_size: Price(dec!(0.01)),
        min_order_size: Shares(dec!(5)),
        end_date: None,
        accepting_orders: winner.is_none(),
        liquidity: Usd(dec!(1000)),
        taker_fee_rate: dec!(0),
        winning_outcome: winner,
        resolution_unknown: false,
    }
}

/// The stub venue.
pub struct Venue {
    /// The market a token belongs to.
    pub market: fn(&str) -> MarketInfo,
    /// Books by token, a cent either side of these mids; other tokens have none.
    pub mids: BTreeMap<String, Decimal>,
}

#[async_trait]
impl MarketData for Venue {
    async fn leaderboard(&self, _w: LeaderboardWindow, _limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        Ok(vec![])
    }
    async fn wallet_trades(&self, _w: &Wallet, _since: Option<Timestamp>, _limit: usize) -> Result<Vec<Trade>, MarketError> {
        Ok(vec![])
    }
    async fn wallet_positions(&self, _w: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        Ok(vec![])
    }
    async fn market_by_token(&self, token: &str) -> Result<MarketInfo, MarketError> {
        Ok((self.market)(token))
    }
    async fn book(&self, token: &str) -> Result<Book, MarketError> {
        let mid = *self
            .mids
            .get(token)
            .ok_or_else(|| MarketError::NotFound { dependency: Dependency::Clob, what: format!("book of {token}") })?;
        let level = |p: Decimal| vec![BookLevel { price: Price(p), size: Shares(dec!(1000)) }];
        Ok(Book { token_id: token.into(), bids: level(mid - dec!(0.01)), asks: level(mid + dec!(0.01)), at: None })
    }
    async fn market_trades(&self, _c: &str, _f: Timestamp, _t: Timestamp, _l: usize) -> Result<Vec<Trade>, MarketError> {
        Ok(vec![])
    }
    async fn neg_risk(&self, _token: &str) -> Result<bool, MarketError> {
        Ok(false)
    }
}
