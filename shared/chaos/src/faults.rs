//! Ports that inject the fault plan around the real ones, in one worker process.
//!
//! Every port call passes two fault points, one before it and one after it: before, it may be
//! answered as throttled or timed out (the call never reaches its target); before or after, the
//! worker may be killed. A kill is a real `SIGKILL` of this process (sent with `kill -KILL`), at
//! a point chosen when the handler invocation began: whatever the handler had in flight is cut
//! off as a crash would cut it off. The broker may also lose an answer after the order filled.

use async_trait::async_trait;
use copycat_core::config::ChaosConfig;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::order::{CopyOrder, Fill, OrderTicket};
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError, StateStore, StoreError};
use copycat_core::store::{Key, Record, Write};
use copycat_core::time::{Clock, Span, SystemClock, Timestamp};
use copycat_core::trade::{Trade, Wallet};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

/// Fault points a handler invocation passes per message, about (a claim, reads, a market
/// lookup, a book, an order, a transaction; each before and after): the kill point is drawn
/// among this many per message.
const FAULT_POINTS_PER_MESSAGE: u32 = 16;

/// Faults injected so far, by kind.
pub type FaultCounts = BTreeMap<String, u64>;

/// One worker's fault plan and its dice.
pub struct Faults {
    plan: ChaosConfig,
    rng: Mutex<ChaCha8Rng>,
    /// Fault points left before the kill; negative when no kill is armed.
    kill_in: AtomicI64,
    /// Where injected faults are counted (the venue's file, so a killed worker's count survives).
    record: Box<dyn Fn(&str) + Send + Sync>,
    /// When false, nothing is injected (the drain after the soak).
    enabled: bool,
}

/// What a fault point decided.
enum Injected {
    Throttle,
    Timeout,
}

impl Faults {
    /// Faults drawn from `seed` under `plan`; `record` counts each injected fault by kind.
    pub fn new(plan: ChaosConfig, seed: u64, enabled: bool, record: impl Fn(&str) + Send + Sync + 'static) -> Arc<Faults> {
        Arc::new(Faults {
            plan,
            rng: Mutex::new(ChaCha8Rng::seed_from_u64(seed)),
            kill_in: AtomicI64::new(-1),
            record: Box::new(record),
            enabled,
        })
    }

    fn roll(&self) -> f64 {
        self.rng.lock().unwrap_or_else(|p| p.into_inner()).random::<f64>()
    }

    /// Before a handler invocation over `messages` messages: arms a kill at a random fault
    /// point inside it with probability `1 − (1 − kill_rate)^messages`.
    pub fn arm(&self, messages: usize) {
        if !self.enabled || self.plan.kill_rate <= 0.0 {
            return;
        }
        let p = 1.0 - (1.0 - self.plan.kill_rate).powi(i32::try_from(messages).unwrap_or(i32::MAX));
        if self.roll() < p {
            let points = FAULT_POINTS_PER_MESSAGE * u32::try_from(messages.max(1)).unwrap_or(1);
            let at = self.rng.lock().unwrap_or_else(|p| p.into_inner()).random_range(1..=points);
            self.kill_in.store(i64::from(at), Ordering::SeqCst);
        } else {
            self.kill_in.store(-1, Ordering::SeqCst);
        }
    }

    /// After an invocation: a kill armed but not reached is dropped.
    pub fn disarm(&self) {
        self.kill_in.store(-1, Ordering::SeqCst);
    }

    /// A fault point: the worker dies here if its armed kill has come.
    fn point(&self) {
        if self.kill_in.load(Ordering::SeqCst) < 0 {
            return;
        }
        if self.kill_in.fetch_sub(1, Ordering::SeqCst) == 1 {
            kill_this_process();
        }
    }

    /// The fault point before a call: maybe killed, maybe throttled or timed out.
    fn before(&self) -> Option<Injected> {
        if !self.enabled {
            return None;
        }
        self.point();
        let r = self.roll();
        if r < self.plan.throttle_rate {
            (self.record)("throttled");
            Some(Injected::Throttle)
        } else if r < self.plan.throttle_rate + self.plan.timeout_rate {
            (self.record)("timed_out");
            Some(Injected::Timeout)
        } else {
            None
        }
    }

    /// The fault point after a call.
    fn after(&self) {
        if self.enabled {
            self.point();
        }
    }

    /// Whether the answer to an order that filled is lost on its way back.
    fn lose_answer(&self) -> bool {
        if self.enabled && self.roll() < self.plan.lost_answer_rate {
            (self.record)("answer_lost");
            true
        } else {
            false
        }
    }
}

/// Sends this process a real `SIGKILL` and waits for it to land.
fn kill_this_process() -> ! {
    let pid = std::process::id().to_string();
    let _ = std::process::Command::new("kill").args(["-KILL", &pid]).status();
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

/// The state store with faults.
pub struct ChaosStore {
    inner: Arc<dyn StateStore>,
    faults: Arc<Faults>,
}

impl ChaosStore {
    /// `inner` with `faults`.
    pub fn new(inner: Arc<dyn StateStore>, faults: Arc<Faults>) -> Self {
        ChaosStore { inner, faults }
    }
    fn check(&self) -> Result<(), StoreError> {
        match self.faults.before() {
            None => Ok(()),
            Some(Injected::Throttle) => Err(StoreError::Throttled("chaos: throttled".into())),
            Some(Injected::Timeout) => Err(StoreError::Unavailable("chaos: timed out".into())),
        }
    }
}

#[async_trait]
impl StateStore for ChaosStore {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        self.check()?;
        let r = self.inner.get(key).await;
        self.faults.after();
        r
    }
    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        self.check()?;
        let r = self.inner.get_many(keys).await;
        self.faults.after();
        r
    }
    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        self.check()?;
        let r = self.inner.put_if_absent(key, body, expires_at).await;
        self.faults.after();
        r
    }
    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        expected_version: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError> {
        self.check()?;
        let r = self.inner.put_if_version(key, body, expected_version, expires_at).await;
        self.faults.after();
        r
    }
    async fn delete_if_version(&self, key: &Key, expected_version: u64) -> Result<(), StoreError> {
        self.check()?;
        let r = self.inner.delete_if_version(key, expected_version).await;
        self.faults.after();
        r
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.check()?;
        let r = self.inner.transact(writes).await;
        self.faults.after();
        r
    }
    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        self.check()?;
        let r = self.inner.query(pk, sk_prefix).await;
        self.faults.after();
        r
    }
}

/// Market data with faults.
pub struct ChaosMarket {
    inner: Arc<dyn MarketData>,
    faults: Arc<Faults>,
}

impl ChaosMarket {
    /// `inner` with `faults`.
    pub fn new(inner: Arc<dyn MarketData>, faults: Arc<Faults>) -> Self {
        ChaosMarket { inner, faults }
    }
    fn check(&self, dependency: Dependency) -> Result<(), MarketError> {
        match self.faults.before() {
            None => Ok(()),
            Some(Injected::Throttle) => Err(MarketError::RateLimited { dependency, retry_after_ms: Some(100) }),
            Some(Injected::Timeout) => Err(MarketError::Unavailable { dependency, reason: "chaos: timed out".into() }),
        }
    }
}

#[async_trait]
impl MarketData for ChaosMarket {
    async fn leaderboard(&self, window: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        self.check(Dependency::DataApi)?;
        self.inner.leaderboard(window, limit).await
    }
    async fn wallet_trades(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.check(Dependency::DataApi)?;
        self.inner.wallet_trades(wallet, since, limit).await
    }
    async fn wallet_positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        self.check(Dependency::DataApi)?;
        self.inner.wallet_positions(wallet).await
    }
    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError> {
        self.check(Dependency::Gamma)?;
        let r = self.inner.market_by_token(token_id).await;
        self.faults.after();
        r
    }
    async fn book(&self, token_id: &str) -> Result<Book, MarketError> {
        self.check(Dependency::Clob)?;
        let r = self.inner.book(token_id).await;
        self.faults.after();
        r
    }
    async fn market_trades(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.check(Dependency::DataApi)?;
        self.inner.market_trades(condition_id, from, to, limit).await
    }
}

/// The broker with faults: throttled or timed out before the order leaves, its answer lost after
/// it filled, or the worker killed on either side of it.
pub struct ChaosBroker {
    inner: Arc<dyn Broker>,
    faults: Arc<Faults>,
}

impl ChaosBroker {
    /// `inner` with `faults`.
    pub fn new(inner: Arc<dyn Broker>, faults: Arc<Faults>) -> Self {
        ChaosBroker { inner, faults }
    }
    fn check(&self) -> Result<(), BrokerError> {
        match self.faults.before() {
            None => Ok(()),
            Some(Injected::Throttle) => Err(BrokerError::Unavailable("chaos: throttled before sending".into())),
            Some(Injected::Timeout) => Err(BrokerError::Unavailable("chaos: timed out before sending".into())),
        }
    }
    fn answer(&self, r: Result<Fill, BrokerError>) -> Result<Fill, BrokerError> {
        self.faults.after();
        match r {
            Ok(_) if self.faults.lose_answer() => Err(BrokerError::Unavailable("chaos: the order's answer was lost".into())),
            other => other,
        }
    }
}

#[async_trait]
impl Broker for ChaosBroker {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        self.check()?;
        let r = self.inner.place(order).await;
        self.answer(r)
    }
    async fn prepare(&self, order: &CopyOrder) -> Result<Option<OrderTicket>, BrokerError> {
        self.check()?;
        let r = self.inner.prepare(order).await;
        self.faults.after();
        r
    }
    async fn place_prepared(&self, order: &CopyOrder, ticket: Option<&OrderTicket>) -> Result<Fill, BrokerError> {
        self.check()?;
        let r = self.inner.place_prepared(order, ticket).await;
        self.answer(r)
    }
}

/// The real clock, off by a fixed skew (each worker gets its own).
pub struct SkewedClock {
    skew: Span,
}

impl SkewedClock {
    /// A clock `skew_ms` ahead (or behind, when negative) of the real one.
    pub fn new(skew_ms: i64) -> Self {
        SkewedClock { skew: Span::milliseconds(skew_ms) }
    }
}

impl Clock for SkewedClock {
    fn now(&self) -> Timestamp {
        SystemClock.now() + self.skew
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_faults_enabled_nothing_is_injected_or_armed() {
        let plan = ChaosConfig { throttle_rate: 1.0, kill_rate: 1.0, ..ChaosConfig::default() };
        let f = Faults::new(plan, 1, false, |_| panic!("nothing is recorded"));
        f.arm(10);
        for _ in 0..1000 {
            assert!(f.before().is_none());
            f.after();
        }
    }

    #[test]
    fn the_plan_rates_are_what_is_injected() {
        let plan = ChaosConfig { throttle_rate: 0.1, timeout_rate: 0.05, kill_rate: 0.0, ..ChaosConfig::default() };
        let counts = Arc::new(Mutex::new(FaultCounts::new()));
        let c = counts.clone();
        let f = Faults::new(plan, 7, true, move |k| *c.lock().unwrap().entry(k.to_string()).or_default() += 1);
        for _ in 0..20_000 {
            let _ = f.before();
        }
        let counts = counts.lock().unwrap();
        let throttled = counts["throttled"] as f64 / 20_000.0;
        let timed_out = counts["timed_out"] as f64 / 20_000.0;
        assert!((0.09..0.11).contains(&throttled), "{throttled}");
        assert!((0.04..0.06).contains(&timed_out), "{timed_out}");
    }
}
