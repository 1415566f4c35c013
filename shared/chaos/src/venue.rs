//! A venue every worker process shares through one SQLite file: fixed books per token, and an
//! order book of record — each order id fills at most once, whoever sends it and however often.
//!
//! `prepare` draws a fresh order id (as signing an order again makes another order at the real
//! venue), so a copier that loses its ticket and prepares again *would* fill twice: the audit
//! counts that as a duplicate fill. `place_prepared` with a ticket first looks the order up, as
//! the live broker does.

use async_trait::async_trait;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, BookLevel, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill, OrderTicket};
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError};
use copycat_core::time::{Clock, Timestamp};
use copycat_core::trade::{Side, Trade, Wallet};
use rand::Rng;
use rusqlite::{Connection, OptionalExtension, params};
use rust_decimal::Decimal;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Token ids of market `m`: `"{1_000_000 + 2m}"` and the next one.
pub fn tokens_of(m: u32) -> [String; 2] {
    let base = 1_000_000 + 2 * u64::from(m);
    [base.to_string(), (base + 1).to_string()]
}

/// The market of a token, and which outcome it is.
fn market_index(token: &str) -> Option<(u32, usize)> {
    let t: u64 = token.parse().ok()?;
    let off = t.checked_sub(1_000_000)?;
    Some((u32::try_from(off / 2).ok()?, (off % 2) as usize))
}

/// Condition id of market `m`.
pub fn condition_of(m: u32) -> String {
    format!("0x{m:064x}")
}

/// The mid price of outcome 0 of market `m` (outcome 1 is its complement): 0.20 to 0.79.
pub fn price_of(m: u32) -> Decimal {
    Decimal::new(20 + i64::from(m % 60), 2)
}

/// Mid price of a token.
fn token_mid(m: u32, outcome: usize) -> Decimal {
    if outcome == 0 { price_of(m) } else { Decimal::ONE - price_of(m) }
}

/// One cent either side of the mid.
const HALF_SPREAD: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// The venue over `venue.db`.
pub struct ChaosVenue {
    conn: Mutex<Connection>,
    clock: Arc<dyn Clock>,
}

/// A fill the venue made, as the audit reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct VenueFill {
    /// The order's id.
    pub order_id: String,
    /// The signal it copies.
    pub key: String,
    /// Buy or sell.
    pub side: Side,
    /// Shares filled.
    pub shares: Decimal,
    /// Price.
    pub price: Decimal,
}

impl ChaosVenue {
    /// Opens (creating) the venue at `path`.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> rusqlite::Result<ChaosVenue> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS orders (order_id TEXT PRIMARY KEY, key TEXT NOT NULL, side TEXT NOT NULL,
                                                 shares TEXT NOT NULL, price TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS faults (kind TEXT PRIMARY KEY, n INTEGER NOT NULL);",
        )?;
        Ok(ChaosVenue { conn: Mutex::new(conn), clock })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds `n` to the fault counter `kind` (kept with the venue, so a killed worker's faults count).
    pub fn count_fault(&self, kind: &str, n: u64) {
        let conn = self.lock();
        let _ = conn.execute(
            "INSERT INTO faults (kind, n) VALUES (?1, ?2) ON CONFLICT(kind) DO UPDATE SET n = n + ?2",
            params![kind, i64::try_from(n).unwrap_or(i64::MAX)],
        );
    }

    /// Every fault counter.
    pub fn faults(&self) -> rusqlite::Result<Vec<(String, u64)>> {
        let conn = self.lock();
        let mut stmt = conn.prepare("SELECT kind, n FROM faults ORDER BY kind")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0))))?;
        rows.collect()
    }

    /// Every fill the venue made.
    pub fn fills(&self) -> rusqlite::Result<Vec<VenueFill>> {
        let conn = self.lock();
        let mut stmt = conn.prepare("SELECT order_id, key, side, shares, price FROM orders ORDER BY order_id")?;
        let rows = stmt.query_map([], |r| {
            let side: String = r.get(2)?;
            let num = |i: usize| -> rusqlite::Result<Decimal> { Ok(r.get::<_, String>(i)?.parse().unwrap_or_default()) };
            Ok(VenueFill {
                order_id: r.get(0)?,
                key: r.get(1)?,
                side: if side == "BUY" { Side::Buy } else { Side::Sell },
                shares: num(3)?,
                price: num(4)?,
            })
        })?;
        rows.collect()
    }

    /// Fills `order` as order `order_id` unless that order already filled; the fill either way.
    fn fill_once(&self, order: &CopyOrder, order_id: &str) -> Result<Fill, BrokerError> {
        let (m, outcome) =
            market_index(&order.token_id).ok_or_else(|| BrokerError::Rejected { code: None, reason: "unknown token".into() })?;
        let mid = token_mid(m, outcome);
        let price = match order.side {
            Side::Buy => mid + HALF_SPREAD,
            Side::Sell => mid - HALF_SPREAD,
        };
        let conn = self.lock();
        let existing: Option<(String, String)> = conn
            .query_row("SELECT shares, price FROM orders WHERE order_id = ?1", params![order_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| BrokerError::Unavailable(format!("venue db: {e}")))?;
        let (shares, price) = match existing {
            Some((s, p)) => (s.parse().unwrap_or_default(), p.parse().unwrap_or_default()),
            None => {
                let within = match order.side {
                    Side::Buy => price <= order.limit_price.0,
                    Side::Sell => price >= order.limit_price.0,
                };
                let shares = if within { order.shares.0 } else { Decimal::ZERO };
                conn.execute(
                    "INSERT INTO orders (order_id, key, side, shares, price) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![order_id, order.key.0, order.side.as_str(), shares.to_string(), price.to_string()],
                )
                .map_err(|e| BrokerError::Unavailable(format!("venue db: {e}")))?;
                (shares, price)
            }
        };
        let avg = if shares > Decimal::ZERO { Price(price) } else { Price::ZERO };
        Ok(Fill { shares: Shares(shares), avg_price: avg, fee: Usd::ZERO, order_id: order_id.to_owned(), at: self.clock.now() })
    }
}

#[async_trait]
impl MarketData for ChaosVenue {
    async fn leaderboard(&self, _window: LeaderboardWindow, _limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        Ok(Vec::new())
    }
    async fn wallet_trades(&self, _wallet: &Wallet, _since: Option<Timestamp>, _limit: usize) -> Result<Vec<Trade>, MarketError> {
        Ok(Vec::new())
    }
    async fn wallet_positions(&self, _wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        Ok(Vec::new())
    }
    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError> {
        let (m, _) =
            market_index(token_id).ok_or_else(|| MarketError::NotFound { dependency: Dependency::Gamma, what: token_id.into() })?;
        Ok(MarketInfo {
            condition_id: condition_of(m),
            question: format!("Chaos market {m}?"),
            category: "chaos".into(),
            token_ids: tokens_of(m).to_vec(),
            outcomes: vec!["Yes".into(), "No".into()],
            tick_size: Price(Decimal::new(1, 2)),
            min_order_size: Shares(Decimal::new(5, 0)),
            end_date: Some(self.clock.now() + chrono::TimeDelta::days(30)),
            accepting_orders: true,
            liquidity: Usd(Decimal::new(1_000_000, 0)),
            taker_fee_rate: Decimal::ZERO,
            winning_outcome: None,
            resolution_unknown: false,
        })
    }
    async fn book(&self, token_id: &str) -> Result<Book, MarketError> {
        let (m, outcome) =
            market_index(token_id).ok_or_else(|| MarketError::NotFound { dependency: Dependency::Clob, what: token_id.into() })?;
        let mid = token_mid(m, outcome);
        let deep = Shares(Decimal::new(1_000_000, 0));
        Ok(Book {
            token_id: token_id.into(),
            bids: vec![BookLevel { price: Price(mid - HALF_SPREAD), size: deep }],
            asks: vec![BookLevel { price: Price(mid + HALF_SPREAD), size: deep }],
            at: Some(self.clock.now()),
        })
    }
    async fn market_trades(&self, _condition_id: &str, _from: Timestamp, _to: Timestamp, _limit: usize) -> Result<Vec<Trade>, MarketError> {
        // The soak copies; it judges no one.
        Ok(Vec::new())
    }
}

#[async_trait]
impl Broker for ChaosVenue {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        let id = format!("{}:{:016x}", order.key.0, rand::rng().random::<u64>());
        self.fill_once(order, &id)
    }
    async fn prepare(&self, order: &CopyOrder) -> Result<Option<OrderTicket>, BrokerError> {
        // Like signing: every preparation is another order.
        Ok(Some(OrderTicket(format!("{}:{:016x}", order.key.0, rand::rng().random::<u64>()))))
    }
    async fn place_prepared(&self, order: &CopyOrder, ticket: Option<&OrderTicket>) -> Result<Fill, BrokerError> {
        match ticket {
            Some(t) => self.fill_once(order, &t.0),
            None => self.place(order).await,
        }
    }
}
