//! Market-side values: leaderboard rows, markets, order books, wallet positions.

use crate::money::{Price, Shares, Usd};
use crate::time::Timestamp;
use crate::trade::Wallet;
use serde::{Deserialize, Serialize};

/// A leaderboard time window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeaderboardWindow {
    /// Last day.
    Day,
    /// Last week.
    Week,
    /// Last month.
    Month,
    /// All time.
    All,
}

impl LeaderboardWindow {
    /// The Data API's spelling (`time_period=`).
    pub fn as_str(self) -> &'static str {
        match self {
            LeaderboardWindow::Day => "day",
            LeaderboardWindow::Week => "week",
            LeaderboardWindow::Month => "month",
            LeaderboardWindow::All => "all",
        }
    }
}

/// One leaderboard row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardEntry {
    /// The wallet.
    pub wallet: Wallet,
    /// Display name, if any.
    pub name: String,
    /// Rank in the window.
    pub rank: u32,
    /// PnL in the window (lifetime PnL is realised only).
    pub pnl: Usd,
}

/// A market's metadata needed to trade it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketInfo {
    /// Condition id.
    pub condition_id: String,
    /// The question, for people.
    pub question: String,
    /// Category (for allow/deny filters).
    pub category: String,
    /// Outcome token ids, in outcome order.
    pub token_ids: Vec<String>,
    /// Outcome labels, in outcome order.
    pub outcomes: Vec<String>,
    /// Price increment.
    pub tick_size: Price,
    /// Smallest order, in shares.
    pub min_order_size: Shares,
    /// When trading ends.
    pub end_date: Option<Timestamp>,
    /// Whether the book accepts orders.
    pub accepting_orders: bool,
    /// Liquidity in dollars, as the venue reports it.
    pub liquidity: Usd,
    /// The taker fee rate (fee per fill = shares × rate × p × (1 − p)).
    pub taker_fee_rate: rust_decimal::Decimal,
    /// Set once resolved: index of the winning outcome.
    pub winning_outcome: Option<usize>,
    /// Closed by the venue without saying who won (old Gamma markets: every outcome priced 0):
    /// neither tradable nor settled; the health check reports it once and keeps the last mark.
    #[serde(default)]
    pub resolution_unknown: bool,
}

impl MarketInfo {
    /// Index of a token in this market.
    pub fn outcome_of(&self, token_id: &str) -> Option<usize> {
        self.token_ids.iter().position(|t| t == token_id)
    }
    /// Settlement price of a token once resolved: 1 for the winner, 0 otherwise.
    pub fn settlement_price(&self, token_id: &str) -> Option<Price> {
        let w = self.winning_outcome?;
        let i = self.outcome_of(token_id)?;
        Some(if i == w { Price::ONE } else { Price::default() })
    }
}

/// One price level of a book.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookLevel {
    /// Price.
    pub price: Price,
    /// Shares available.
    pub size: Shares,
}

/// An order book, levels best-first (bids descending, asks ascending).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Book {
    /// Outcome token.
    pub token_id: String,
    /// Bids, best (highest) first.
    pub bids: Vec<BookLevel>,
    /// Asks, best (lowest) first.
    pub asks: Vec<BookLevel>,
    /// When the book was read.
    pub at: Option<Timestamp>,
}

impl Book {
    /// Sorts levels best-first (the CLOB sends them worst-first).
    pub fn sort(&mut self) {
        self.bids.sort_by_key(|l| std::cmp::Reverse(l.price));
        self.asks.sort_by_key(|l| l.price);
    }
    /// Best bid.
    pub fn best_bid(&self) -> Option<Price> {
        self.bids.first().map(|l| l.price)
    }
    /// Best ask.
    pub fn best_ask(&self) -> Option<Price> {
        self.asks.first().map(|l| l.price)
    }
    /// Midpoint of best bid and ask.
    pub fn mid(&self) -> Option<Price> {
        match (self.best_bid(), self.best_ask()) {
            (Some(b), Some(a)) => Some(Price((b.0 + a.0) / rust_decimal::Decimal::TWO)),
            (Some(p), None) | (None, Some(p)) => Some(p),
            _ => None,
        }
    }
}

/// One of a wallet's positions, as the Data API reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletPosition {
    /// Market.
    pub condition_id: String,
    /// Outcome token.
    pub token_id: String,
    /// Shares held now.
    pub size: Shares,
    /// Average entry price.
    pub avg_price: Price,
    /// Realised PnL on this position.
    pub realized_pnl: Usd,
    /// Unrealised PnL at the current mark.
    pub unrealized_pnl: Usd,
    /// Whether it is closed or redeemed.
    pub closed: bool,
}
