//! Concurrency on the wire: the real handlers on DynamoDB and SQS (moto), many workers at once,
//! each with its own SDK clients (as separate Lambdas would be).

mod common;

use async_trait::async_trait;
use common::AwsBackend;
use copycat_aws::EmfMetrics;
use copycat_core::config::Config;
use copycat_core::dependency::Dependency;
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::records::{Claim, ClaimStatus, Leader, LeaderSet, ModeState, PortfolioState, keys};
use copycat_core::signal::{Signal, SignalKey};
use copycat_core::store::{Key, Record, Write};
use copycat_core::time::{Clock, ManualClock, Span, Timestamp};
use copycat_core::{Side, Usd, Wallet};
use copycat_state::{Base, BreakerGate, Reporting, Sender, load, to_body};
use copycat_tests::{FakeVenue, LEADER, fixture_now, leader_trade};
use health_check::HealthDeps;
use rust_decimal_macros::dec;
use signal_copier::CopierDeps;
use signal_copier::{CopyError, CopyResult, copy_signal};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

/// A store that counts the DynamoDB calls it makes (one port call is one API call here:
/// `get_many` of at most 100 keys is one BatchGetItem, a query of one page one Query).
struct CountingStore {
    inner: Arc<dyn StateStore>,
    reads: AtomicU32,
    writes: AtomicU32,
}

impl CountingStore {
    fn new(inner: Arc<dyn StateStore>) -> Self {
        CountingStore { inner, reads: AtomicU32::new(0), writes: AtomicU32::new(0) }
    }
    fn read(&self) {
        self.reads.fetch_add(1, Ordering::SeqCst);
    }
    fn write(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }
}

#[async_trait]
impl StateStore for CountingStore {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        self.read();
        self.inner.get(key).await
    }
    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        if !keys.is_empty() {
            self.read();
        }
        self.inner.get_many(keys).await
    }
    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        self.write();
        self.inner.put_if_absent(key, body, expires_at).await
    }
    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        v: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError> {
        self.write();
        self.inner.put_if_version(key, body, v, expires_at).await
    }
    async fn delete_if_version(&self, key: &Key, v: u64) -> Result<(), StoreError> {
        self.write();
        self.inner.delete_if_version(key, v).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        if !writes.is_empty() {
            self.write();
        }
        self.inner.transact(writes).await
    }
    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        self.read();
        self.inner.query(pk, sk_prefix).await
    }
}

/// One "deployment" on the emulator: a fresh table and queues, a fake venue, a manual clock
/// and EMF metrics captured in memory.
struct Stack {
    backend: AwsBackend,
    table: String,
    notifications: Arc<dyn copycat_core::ports::Queue>,
    config: Arc<Config>,
    clock: Arc<ManualClock>,
    venue: Arc<FakeVenue>,
    emf: Arc<Mutex<Vec<String>>>,
}

impl Stack {
    async fn new(config: Config) -> Self {
        let backend = AwsBackend::new().await;
        let table = backend.store().await.table().to_string();
        let vis = Span::seconds(30);
        let (notifications, _) = backend.queue(false, vis, 5).await;
        let notifications = Arc::new(notifications);
        let clock = Arc::new(ManualClock::new(fixture_now()));
        let venue = Arc::new(FakeVenue::new(clock.clone()));
        Stack { backend, table, notifications, config: Arc::new(config), clock, venue, emf: Arc::default() }
    }

    /// A copier for one worker, with its own SDK clients (a separate connection pool, as a
    /// separate Lambda would have).
    async fn worker(&self) -> CopierDeps {
        let own = AwsBackend::new().await;
        self.deps_on(Arc::new(copycat_aws::DynamoStore::new(own.clients.dynamodb, &self.table)))
    }

    fn deps_on(&self, store: Arc<dyn StateStore>) -> CopierDeps {
        let emf = self.emf.clone();
        let metrics = EmfMetrics::with_writer("test", self.clock.clone(), move |line| emf.lock().unwrap().push(line.to_string()));
        let base = Base { config: self.config.clone(), store, clock: self.clock.clone(), metrics: Arc::new(metrics) };
        let reporting = Reporting { base, notifications: Sender::new(self.notifications.clone()) };
        CopierDeps { reporting, market: self.venue.clone(), broker: self.venue.clone() }
    }

    fn store(&self) -> Arc<dyn StateStore> {
        Arc::new(copycat_aws::DynamoStore::new(self.backend.clients.dynamodb.clone(), &self.table))
    }

    /// EMF lines that carry metric `name`.
    fn emf_lines(&self, name: &str) -> usize {
        let lines = self.emf.lock().unwrap();
        lines
            .iter()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|doc| doc["_aws"]["CloudWatchMetrics"][0]["Metrics"][0]["Name"] == name && doc.get(name).is_some())
            .count()
    }

    async fn follow(&self, wallet: &str) {
        let since = self.clock.now() - Span::hours(1);
        let leader = Leader { wallet: Wallet::parse(wallet).unwrap(), score: 0.9, roi: 0.4, allocation: dec!(1), since, judged_at: since };
        let set = LeaderSet { leaders: vec![leader] };
        self.store().put_if_absent(&keys::leaders(), to_body(&set), None).await.expect("follow");
    }

    fn signal(&self, key: &str) -> Signal {
        let trade = leader_trade(Side::Buy, dec!(0.5), dec!(20), self.clock.now() - Span::seconds(1), "0xtx");
        Signal { key: SignalKey(key.into()), leader: Wallet::parse(LEADER).unwrap(), trade, seen_at: self.clock.now() }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_copiers_handed_the_same_signal_fill_once() {
    let stack = Stack::new(Config::default()).await;
    stack.follow(LEADER).await;
    let signal = stack.signal("wire-race");
    let mut tasks = Vec::new();
    for i in 0..16 {
        let deps = stack.worker().await;
        let signal = signal.clone();
        tasks.push(tokio::spawn(async move { copy_signal(&deps, &signal, &format!("copier-{i}"), Span::seconds(30)).await }));
    }
    let mut copied = 0;
    for task in tasks {
        match task.await.expect("copier task") {
            Ok(CopyResult::Copied(_)) => copied += 1,
            Ok(CopyResult::Duplicate) | Err(CopyError::InProgressElsewhere { .. }) => {}
            other => panic!("a losing copier reports a duplicate or in-progress, got {other:?}"),
        }
    }
    assert_eq!(copied, 1, "exactly one copier copies");
    assert_eq!(stack.venue.fills(), 1, "exactly one fill at the venue");
    assert_eq!(stack.venue.placements("wire-race"), 1, "the losers never reached the venue");
    let claim: Claim = load(stack.store().as_ref(), &keys::claim(&signal.key)).await.unwrap().expect("claim").value;
    assert!(matches!(claim.status, ClaimStatus::Completed { .. }), "the claim is COMPLETED: {claim:?}");
    assert_eq!(stack.emf_lines("SignalCopied"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn dynamodb_calls_per_copied_signal_stay_within_budget() {
    let stack = Stack::new(Config::default()).await;
    stack.follow(LEADER).await;
    // Warm up: the first copy creates the portfolio record; measure a later one.
    let first = copy_signal(&stack.deps_on(stack.store()), &stack.signal("warm"), "copier", Span::seconds(30)).await.unwrap();
    assert!(matches!(first, CopyResult::Copied(_)), "{first:?}");
    stack.clock.advance(Span::seconds(5));
    let counting = Arc::new(CountingStore::new(stack.store()));
    let deps = stack.deps_on(counting.clone());
    let second = copy_signal(&deps, &stack.signal("measured"), "copier", Span::seconds(30)).await.unwrap();
    assert!(matches!(second, CopyResult::Copied(_)), "{second:?}");
    let (reads, writes) = (counting.reads.load(Ordering::SeqCst), counting.writes.load(Ordering::SeqCst));
    println!("DynamoDB calls per copied signal (broker keeps nothing, e.g. paper): {reads} reads, {writes} writes");
    assert!(writes <= 3 && reads <= 2, "budget is 3 writes and 2 reads per copied signal; measured {reads} reads, {writes} writes");

    // A broker that signs its orders (live): the signed order is written into the claim before
    // it is sent, one write more.
    stack.venue.signs_orders.store(true, Ordering::SeqCst);
    stack.clock.advance(Span::seconds(5));
    let counting = Arc::new(CountingStore::new(stack.store()));
    let live = copy_signal(&stack.deps_on(counting.clone()), &stack.signal("measured-live"), "copier", Span::seconds(30)).await.unwrap();
    assert!(matches!(live, CopyResult::Copied(_)), "{live:?}");
    let (reads, writes) = (counting.reads.load(Ordering::SeqCst), counting.writes.load(Ordering::SeqCst));
    println!("DynamoDB calls per copied signal (signing broker, e.g. live): {reads} reads, {writes} writes");
    assert!(writes <= 3 && reads <= 2, "budget is 3 writes and 2 reads per copied signal; measured {reads} reads, {writes} writes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_failure_reports_trip_the_breaker_once() {
    let stack = Stack::new(Config::default()).await;
    let mut tasks = Vec::new();
    for i in 0..16 {
        let deps = stack.worker().await;
        let now = stack.clock.now();
        tasks.push(tokio::spawn(async move {
            let mut gate = BreakerGate::read(&deps, Dependency::DataApi, &format!("worker-{i}")).await;
            gate.record(&deps, now, Err("data api timed out")).await
        }));
    }
    let mut trips = 0;
    for task in tasks {
        if task.await.expect("reporter task").is_some() {
            trips += 1;
        }
    }
    assert_eq!(trips, 1, "exactly one report applies the OPEN transition");
    assert_eq!(stack.emf_lines("BreakerTripped"), 1, "and exactly one BreakerTripped EMF line is written");
    let state: copycat_core::breaker::BreakerState =
        load(stack.store().as_ref(), &keys::breaker(Dependency::DataApi)).await.unwrap().expect("breaker record").value;
    assert_eq!((state.phase, state.trips), (copycat_core::breaker::Phase::Open, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_health_checks_racing_a_mode_upgrade_apply_one_transition() {
    let mut config = Config::default();
    config.modes.min_secs_in_tier = 0;
    config.modes.min_profitable_streak = 0;
    // One transition a day: run one after the other, the second check would change nothing;
    // racing on the same read, only the conditional write keeps it to one.
    config.modes.max_transitions_per_day = 1;
    let stack = Stack::new(config).await;
    let setup = health(&stack.deps_on(stack.store()));
    health_check::run_health_check(&setup).await.expect("first check creates mode and portfolio");
    let before: ModeState = load(stack.store().as_ref(), &keys::mode()).await.unwrap().expect("mode").value;
    assert_eq!(before.tier, "MICRO");

    // Equity reaches $30: at least MINI's $25 × 1.10.
    let store = stack.store();
    let p = load::<PortfolioState>(store.as_ref(), &keys::portfolio()).await.unwrap().expect("portfolio");
    let mut richer = p.value.clone();
    richer.cash = Usd(dec!(30));
    richer.peak_equity = richer.cash;
    store.put_if_version(&keys::portfolio(), to_body(&richer), p.version, None).await.expect("fund");

    let (a, b) = (health(&stack.worker().await), health(&stack.worker().await));
    let first = tokio::spawn(async move { health_check::run_health_check(&a).await });
    let second = tokio::spawn(async move { health_check::run_health_check(&b).await });
    let reports = [first.await.unwrap().expect("check a"), second.await.unwrap().expect("check b")];
    let changes: Vec<_> = reports.iter().filter_map(|r| r.mode_change.clone()).collect();
    assert_eq!(changes, ["MICRO→MINI"], "exactly one check applies the upgrade");
    assert_eq!(stack.emf_lines("ModeChanged"), 1);
    let after: ModeState = load(stack.store().as_ref(), &keys::mode()).await.unwrap().expect("mode").value;
    assert_eq!((after.tier.as_str(), after.transitions_total), ("MINI", before.transitions_total + 1));
}

/// The health check's deps on the same store, clock and venue as a copier's.
fn health(copier: &CopierDeps) -> HealthDeps {
    HealthDeps { reporting: copier.reporting.clone(), market: copier.market.clone() }
}
