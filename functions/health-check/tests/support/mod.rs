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

/// A health check's deps on a fresh in-memory backend at 2026-12-01 with `config` and `venue`,
/// holding a $100 portfolio that bought 100 shares at $0.40 of each `(market, token)` in
/// `holdings`; and the notifications queue.
pub async fn holding(
    mut config: copycat_core::config::Config,
    venue: Venue,
    holdings: &[(MarketInfo, &str)],
) -> (health_check::HealthDeps, std::sync::Arc<copycat_core::time::ManualClock>, std::sync::Arc<dyn copycat_core::ports::Queue>) {
    use copycat_core::portfolio::{BookedFill, apply_fill};
    use copycat_core::records::{PortfolioState, keys};
    use copycat_core::time::Clock;
    use copycat_state::{Base, CounterMetrics, Reporting, Sender, to_body};
    use std::sync::Arc;
    let clock = Arc::new(copycat_core::time::ManualClock::new(copycat_core::time::from_secs(1_796_083_200)));
    let backend = copycat_embedded::EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let notifications: Arc<dyn copycat_core::ports::Queue> = backend.queue("notifications", copycat_embedded::QueueSettings::standard());
    config.trading.starting_balance = Usd(dec!(100));
    let base =
        Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: Arc::new(CounterMetrics::default()) };
    let deps = health_check::HealthDeps {
        reporting: Reporting { base, notifications: Sender::new(notifications.clone()) },
        market: Arc::new(venue),
    };
    let now = clock.now();
    let leader = Wallet::parse("0x2222222222222222222222222222222222222222").unwrap();
    let mut p = PortfolioState::new(Usd(dec!(100)), now);
    for (m, token) in holdings {
        let fill = BookedFill {
            leader: &leader,
            side: copycat_core::trade::Side::Buy,
            shares: Shares(dec!(100)),
            price: Price(dec!(0.40)),
            fee: Usd::ZERO,
            market: m,
            token_id: token,
            at: now,
        };
        let (next, pos) = apply_fill(&p, None, &fill);
        p = next;
        deps.store.put_if_absent(&keys::position(token), to_body(&pos.unwrap()), None).await.unwrap();
    }
    deps.store.put_if_absent(&keys::portfolio(), to_body(&p), None).await.unwrap();
    (deps, clock, notifications)
}
