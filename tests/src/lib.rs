//! Test support for the workspace-level tests: a small fake venue (market data and a paper
//! broker that counts placements per signal key) and a harness that builds each function's deps
//! on a fresh embedded database with a manual clock.

use async_trait::async_trait;
use copycat_core::config::Config;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, BookLevel, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::order::{CopyOrder, Fill, OrderTicket};
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError, StateStore};
use copycat_core::records::{Leader, LeaderSet, LedgerEntry, keys};
use copycat_core::time::{Clock, ManualClock, Span, Timestamp};
use copycat_core::{Price, Shares, Side, Trade, Usd, Wallet};
use copycat_embedded::EmbeddedBackend;
use copycat_engine::FunctionDeps;
use copycat_local::LocalQueues;
use copycat_state::{Base, CounterMetrics, decode, to_body};
use rust_decimal_macros::dec;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The fixture leader used by `events/*.json`.
pub const LEADER: &str = "0x1111111111111111111111111111111111111111";
/// The fixture token (outcome 0) used by `events/*.json`.
pub const TOKEN: &str = "1001";

/// The fixture market's condition id.
pub fn condition() -> String {
    format!("0x{}", "c".repeat(64))
}

/// The repository root (for `events/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Reads an event fixture.
pub fn event_fixture(name: &str) -> String {
    let p = repo_root().join("events").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// A venue with one binary market, a fixed book, and trades the test sets.
pub struct FakeVenue {
    clock: Arc<dyn Clock>,
    trades: Mutex<HashMap<Wallet, Vec<Trade>>>,
    /// While true, every call fails as `Unavailable`.
    pub down: AtomicBool,
    placed: Mutex<HashMap<String, u32>>,
    fills: Mutex<HashMap<String, Fill>>,
    /// Like the live venue: orders are signed (prepared) once and carry their signing time, so
    /// signing a signal again is another order; the copier must keep the ticket.
    pub signs_orders: AtomicBool,
    /// The next order fills but its answer is lost (`Unavailable`): its fate is unknown.
    pub lose_next_answer: AtomicBool,
    /// The next order is lost on the way (`Unavailable`; it never reaches the venue).
    pub drop_next_order: AtomicBool,
    /// When set, every order is refused with this error (it never trades).
    pub refuse_orders: Mutex<Option<BrokerError>>,
    signed: AtomicU64,
    /// The most trades a history read returns; a wallet with more answers `TooMuch`.
    pub history_bound: Mutex<Option<usize>>,
    /// How many times a wallet's positions were asked for.
    pub positions_asked: AtomicU64,
    /// When set, every market lookup fails with this error.
    pub market_lookup_error: Mutex<Option<MarketError>>,
    /// While true, every market answers as an old closed Gamma market: every outcome priced 0,
    /// resolution unknown.
    pub markets_closed_unpriced: AtomicBool,
    /// How many books were asked for.
    pub books_asked: AtomicU64,
}

impl FakeVenue {
    /// A venue on `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        FakeVenue {
            clock,
            trades: Mutex::new(HashMap::new()),
            down: AtomicBool::new(false),
            placed: Mutex::new(HashMap::new()),
            fills: Mutex::new(HashMap::new()),
            signs_orders: AtomicBool::new(false),
            lose_next_answer: AtomicBool::new(false),
            drop_next_order: AtomicBool::new(false),
            refuse_orders: Mutex::new(None),
            signed: AtomicU64::new(0),
            history_bound: Mutex::new(None),
            positions_asked: AtomicU64::new(0),
            market_lookup_error: Mutex::new(None),
            markets_closed_unpriced: AtomicBool::new(false),
            books_asked: AtomicU64::new(0),
        }
    }
    /// Adds trades for a wallet.
    pub fn add_trades(&self, w: &Wallet, t: Vec<Trade>) {
        self.trades.lock().unwrap().entry(w.clone()).or_default().extend(t);
    }
    /// How many times an order with this signal key reached the venue.
    pub fn placements(&self, key: &str) -> u32 {
        self.placed.lock().unwrap().get(key).copied().unwrap_or(0)
    }
    /// Distinct orders that filled at the venue (by signal key; by ticket when it signs orders).
    pub fn fills(&self) -> usize {
        self.fills.lock().unwrap().len()
    }
    fn check(&self, d: Dependency) -> Result<(), MarketError> {
        if self.down.load(Ordering::SeqCst) {
            Err(MarketError::Unavailable { dependency: d, reason: "fake outage".into() })
        } else {
            Ok(())
        }
    }
}

/// The fixture market.
pub fn market() -> MarketInfo {
    market_of(TOKEN).expect("the fixture token has a market")
}

/// The market of a token: tokens `1001 + 2i` and `1002 + 2i` are the two outcomes of market
/// `i` (market 0 is the fixture market of `events/*.json`).
pub fn market_of(token: &str) -> Option<MarketInfo> {
    let t: u64 = token.parse().ok()?;
    let i = t.checked_sub(1001)? / 2;
    let condition_id = if i == 0 { condition() } else { format!("0x{i:064x}") };
    Some(MarketInfo {
        condition_id,
        question: format!("Will fixture market {i} pass?"),
        category: "testing".into(),
        token_ids: vec![(1001 + 2 * i).to_string(), (1002 + 2 * i).to_string()],
        outcomes: vec!["Yes".into(), "No".into()],
        tick_size: Price(dec!(0.01)),
        min_order_size: Shares(dec!(5)),
        end_date: Some(copycat_core::time::from_secs(1_900_000_000)),
        accepting_orders: true,
        liquidity: Usd(dec!(50000)),
        taker_fee_rate: dec!(0),
        winning_outcome: None,
        resolution_unknown: false,
    })
}

#[async_trait]
impl MarketData for FakeVenue {
    async fn leaderboard(&self, _w: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        self.check(Dependency::DataApi)?;
        let t = self.trades.lock().unwrap();
        let mut ws: Vec<_> = t.keys().cloned().collect();
        ws.sort();
        Ok(ws
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, wallet)| LeaderboardEntry { wallet, name: String::new(), rank: i as u32 + 1, pnl: Usd(dec!(1000)) })
            .collect())
    }
    async fn wallet_trades(&self, w: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.check(Dependency::DataApi)?;
        let now = self.clock.now();
        let t = self.trades.lock().unwrap();
        let mut rows: Vec<Trade> = t
            .get(w)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.timestamp <= now && since.is_none_or(|s| t.timestamp >= s))
            .collect();
        rows.sort_by_key(|t| t.timestamp);
        if let Some(bound) = *self.history_bound.lock().unwrap()
            && rows.len() > bound
        {
            return Err(MarketError::TooMuch { dependency: Dependency::DataApi, what: "/v2/trades".into(), bound });
        }
        rows.truncate(limit);
        Ok(rows)
    }
    async fn wallet_positions(&self, _w: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        self.check(Dependency::DataApi)?;
        self.positions_asked.fetch_add(1, Ordering::SeqCst);
        Ok(vec![])
    }
    async fn market_by_token(&self, token: &str) -> Result<MarketInfo, MarketError> {
        self.check(Dependency::Gamma)?;
        if let Some(e) = self.market_lookup_error.lock().unwrap().clone() {
            return Err(e);
        }
        let mut m = market_of(token).ok_or_else(|| MarketError::NotFound { dependency: Dependency::Gamma, what: token.into() })?;
        if self.markets_closed_unpriced.load(Ordering::SeqCst) {
            m.accepting_orders = false;
            m.resolution_unknown = true;
        }
        Ok(m)
    }
    async fn book(&self, token: &str) -> Result<Book, MarketError> {
        self.check(Dependency::Clob)?;
        self.books_asked.fetch_add(1, Ordering::SeqCst);
        Ok(Book {
            token_id: token.into(),
            bids: vec![BookLevel { price: Price(dec!(0.49)), size: Shares(dec!(1000)) }],
            asks: vec![BookLevel { price: Price(dec!(0.51)), size: Shares(dec!(1000)) }],
            at: Some(self.clock.now()),
        })
    }
    async fn market_trades(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.check(Dependency::DataApi)?;
        let now = self.clock.now();
        let t = self.trades.lock().unwrap();
        let mut rows: Vec<Trade> = t
            .values()
            .flatten()
            .filter(|t| t.condition_id == condition_id && t.timestamp >= from && t.timestamp <= to.min(now))
            .cloned()
            .collect();
        rows.sort_by_key(|t| t.timestamp);
        rows.truncate(limit);
        Ok(rows)
    }
}

impl FakeVenue {
    /// Fills the order with venue id `id` once; the same id is the same order.
    fn fill_once(&self, order: &CopyOrder, id: &str) -> Result<Fill, BrokerError> {
        if self.down.load(Ordering::SeqCst) {
            return Err(BrokerError::Unavailable("fake outage".into()));
        }
        if self.drop_next_order.swap(false, Ordering::SeqCst) {
            return Err(BrokerError::Unavailable("the order was lost on the way".into()));
        }
        if let Some(e) = self.refuse_orders.lock().unwrap().clone() {
            return Err(e);
        }
        *self.placed.lock().unwrap().entry(order.key.0.clone()).or_insert(0) += 1;
        let mut fills = self.fills.lock().unwrap();
        let fill = fills.entry(id.to_owned()).or_insert_with(|| {
            let price = if order.side == Side::Buy { Price(dec!(0.51)) } else { Price(dec!(0.49)) };
            Fill { shares: order.shares, avg_price: price, fee: Usd::ZERO, order_id: format!("fake-{id}"), at: self.clock.now() }
        });
        let fill = fill.clone();
        drop(fills);
        if self.lose_next_answer.swap(false, Ordering::SeqCst) {
            return Err(BrokerError::Unavailable("the answer was lost after the order filled".into()));
        }
        Ok(fill)
    }
}

#[async_trait]
impl Broker for FakeVenue {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        // Like a live venue with a salt derived from the key: the same key is the same order.
        self.fill_once(order, &order.key.0)
    }

    async fn prepare(&self, order: &CopyOrder) -> Result<Option<OrderTicket>, BrokerError> {
        if !self.signs_orders.load(Ordering::SeqCst) {
            return Ok(None);
        }
        // Like the live broker, a venue that signs orders refuses before signing (geoblock, size).
        if let Some(e) = self.refuse_orders.lock().unwrap().clone() {
            return Err(e);
        }
        // Each signing is another order, as a V2 order signs its creation time.
        Ok(Some(OrderTicket(format!("{}@{}", order.key, self.signed.fetch_add(1, Ordering::SeqCst)))))
    }

    async fn place_prepared(&self, order: &CopyOrder, ticket: Option<&OrderTicket>) -> Result<Fill, BrokerError> {
        match ticket {
            Some(t) => self.fill_once(order, &t.0),
            None => self.place(order).await,
        }
    }
}

/// Handler dependencies on a fresh embedded database, a manual clock and the fake venue.
pub struct Harness {
    /// Each function's deps (a handler gets its own: `deps.copier`, `deps.poller`, …;
    /// `deps.store`, `deps.config`, … read the shared base).
    pub deps: FunctionDeps,
    /// The clock (move it to test cooldowns and expiries).
    pub clock: Arc<ManualClock>,
    /// The venue.
    pub venue: Arc<FakeVenue>,
    /// Counters.
    pub metrics: Arc<CounterMetrics>,
    /// The queues (with DLQs).
    pub queues: LocalQueues,
    /// The backend.
    pub backend: EmbeddedBackend,
    _dir: tempfile::TempDir,
}

/// When the fixtures' world is: one second after the fixture trades.
pub fn fixture_now() -> Timestamp {
    copycat_core::time::from_secs(1_772_452_801) // 2026-03-02T12:00:01Z
}

impl Harness {
    /// A harness with the default config.
    pub fn new() -> Self {
        Self::with_config(Config::default())
    }

    /// A harness with a given config.
    pub fn with_config(config: Config) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(ManualClock::new(fixture_now()));
        let backend = EmbeddedBackend::open(&dir.path().join("state.db"), clock.clone()).expect("open db");
        Self::on_backend(config, backend, clock, dir)
    }

    fn on_backend(config: Config, backend: EmbeddedBackend, clock: Arc<ManualClock>, dir: tempfile::TempDir) -> Self {
        let venue = Arc::new(FakeVenue::new(clock.clone()));
        let metrics = Arc::new(CounterMetrics::default());
        let queues = LocalQueues::open(&backend, &config.queues);
        let base = Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: metrics.clone() };
        let deps = FunctionDeps::new(base, &queues.ports(), venue.clone(), venue.clone());
        Harness { deps, clock, venue, metrics, queues, backend, _dir: dir }
    }

    /// Follows a leader with a given allocation and realised return.
    pub async fn follow(&self, wallet: &str, roi: f64) {
        let w = Wallet::parse(wallet).unwrap();
        let mut set: LeaderSet =
            copycat_state::load(self.deps.store.as_ref(), &keys::leaders()).await.unwrap().map(|v| v.value).unwrap_or_default();
        let since = self.clock.now() - Span::hours(1);
        set.leaders.push(Leader { wallet: w, score: 0.9, roi, allocation: dec!(1), since, judged_at: since });
        let store: &dyn StateStore = self.deps.store.as_ref();
        match store.get(&keys::leaders()).await.unwrap() {
            None => {
                store.put_if_absent(&keys::leaders(), to_body(&set), None).await.unwrap();
            }
            Some(r) => {
                store.put_if_version(&keys::leaders(), to_body(&set), r.version, None).await.unwrap();
            }
        }
    }

    /// Every ledger entry.
    pub async fn ledger(&self) -> Vec<LedgerEntry> {
        self.deps.store.query(keys::LEDGER_PK, "").await.unwrap().iter().map(|r| decode::<LedgerEntry>(r).unwrap().value).collect()
    }
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

/// A trade of the fixture leader in the fixture market.
pub fn leader_trade(side: Side, price: rust_decimal::Decimal, size: rust_decimal::Decimal, at: Timestamp, tx: &str) -> Trade {
    Trade {
        wallet: Wallet::parse(LEADER).unwrap(),
        side,
        asset: TOKEN.into(),
        condition_id: condition(),
        size: Shares(size),
        price: Price(price),
        timestamp: at,
        transaction_hash: tx.into(),
        outcome: "Yes".into(),
        outcome_index: Some(0),
        title: "Will the fixture pass?".into(),
        slug: "fixture".into(),
    }
}
