//! Detection at scale: the signal-poller following 10, 100 and 500 leaders on the simulated
//! chain (a block every 2 s, the demo's bad days) for one simulated hour, with the Data API
//! reconciliation as the backstop. Prints, per leader count: detection p50 / p99 (leader's block
//! time → signal queued), JSON-RPC calls per minute and per block, Data API `/trades` calls per
//! minute and their share of the 200-per-10-s budget, and the state-store and queue requests
//! per hour the cost model in BENCHMARKS.md is built from. Each signal is claimed as the copier
//! claims it (outside the counted store), so the reconciliation sees what was queued; `missed`
//! is what the reconciliation found that the chain path had not queued.
//!
//! `cargo bench -p copycat-tests --bench detection` (a plain program: it prints numbers).

use async_trait::async_trait;
use copycat_core::config::Config;
use copycat_core::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::ports::{MarketData, MarketError, Queue, StateStore, StoreError};
use copycat_core::records::{Claim, ClaimStatus, Leader, LeaderSet, RefusalReason, SignalOutcome, keys};
use copycat_core::signal::Signal;
use copycat_core::store::{Key, Record, Write};
use copycat_core::time::{Clock, ManualClock, Span, Timestamp};
use copycat_core::trade::{Trade, Wallet};
use copycat_embedded::EmbeddedBackend;
use copycat_engine::FunctionDeps;
use copycat_local::LocalQueues;
use copycat_sim::{ChainParams, SimBroker, SimChain, SimMarket, SimParams, SimWorld};
use copycat_state::{Base, CounterMetrics, to_body};
use rust_decimal_macros::dec;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts the state-store traffic in DynamoDB's billing units: a read request unit per item read
/// (`get_many` reads each key; a query one per 4 KB returned), a write request unit per item
/// written (two per item inside a transaction). Items here are under 1 KB.
struct CountingStore {
    inner: Arc<dyn StateStore>,
    reads: AtomicU64,
    writes: AtomicU64,
}

#[async_trait]
impl StateStore for CountingStore {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        self.inner.get(key).await
    }
    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        self.reads.fetch_add(keys.len().max(1) as u64, Ordering::Relaxed);
        self.inner.get_many(keys).await
    }
    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        self.writes.fetch_add(1, Ordering::Relaxed);
        self.inner.put_if_absent(key, body, expires_at).await
    }
    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        v: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError> {
        self.writes.fetch_add(1, Ordering::Relaxed);
        self.inner.put_if_version(key, body, v, expires_at).await
    }
    async fn delete_if_version(&self, key: &Key, v: u64) -> Result<(), StoreError> {
        self.writes.fetch_add(1, Ordering::Relaxed);
        self.inner.delete_if_version(key, v).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.writes.fetch_add(2 * writes.len() as u64, Ordering::Relaxed);
        self.inner.transact(writes).await
    }
    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        let found = self.inner.query(pk, sk_prefix).await?;
        let bytes: usize = found.iter().map(|r| r.body.to_string().len()).sum();
        self.reads.fetch_add(bytes.div_ceil(4096).max(1) as u64, Ordering::Relaxed);
        Ok(found)
    }
}

/// Counts the Data API `/trades` reads.
struct CountingMarket {
    inner: SimMarket,
    trades: AtomicU64,
}

#[async_trait]
impl MarketData for CountingMarket {
    async fn leaderboard(&self, w: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        self.inner.leaderboard(w, limit).await
    }
    async fn wallet_trades(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.trades.fetch_add(1, Ordering::Relaxed);
        self.inner.wallet_trades(wallet, since, limit).await
    }
    async fn wallet_positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        self.inner.wallet_positions(wallet).await
    }
    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError> {
        self.inner.market_by_token(token_id).await
    }
    async fn book(&self, token_id: &str) -> Result<Book, MarketError> {
        self.inner.book(token_id).await
    }
    async fn market_trades(&self, c: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        self.inner.market_trades(c, from, to, limit).await
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

struct Row {
    leaders: usize,
    signals: usize,
    missed: u32,
    p50: f64,
    p99: f64,
    rpc_per_min: f64,
    rpc_per_block: f64,
    logs_per_block: f64,
    data_api_per_min: f64,
    budget_share: f64,
    store_reads_per_hour: u64,
    store_writes_per_hour: u64,
    sqs_per_hour: u64,
}

async fn run(world: &Arc<SimWorld>, leaders: &[Wallet], start: Timestamp, minutes: i64) -> Row {
    let config = Config::default();
    let clock = Arc::new(ManualClock::new(start - Span::minutes(15)));
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).expect("in-memory state");
    let queues = LocalQueues::open(&backend, &config.queues);
    let uncounted = backend.store();
    let store = Arc::new(CountingStore { inner: backend.store(), reads: AtomicU64::new(0), writes: AtomicU64::new(0) });
    let market = Arc::new(CountingMarket { inner: SimMarket::new(world.clone(), clock.clone()), trades: AtomicU64::new(0) });
    let broker = Arc::new(SimBroker::new(world.clone(), clock.clone()));
    let metrics = Arc::new(CounterMetrics::default());
    let base = Base { config: Arc::new(config.clone()), store: store.clone(), clock: clock.clone(), metrics };
    let mut deps = FunctionDeps::new(base, &queues.ports(), market.clone(), broker);
    let chain = Arc::new(SimChain::new(world.clone(), clock.clone(), ChainParams::default()));
    deps.poller.chain = Some(chain.clone());
    let set = LeaderSet {
        leaders: leaders
            .iter()
            .map(|w| Leader { wallet: w.clone(), score: 0.9, roi: 0.3, allocation: dec!(1), since: clock.now(), judged_at: clock.now() })
            .collect(),
    };
    store.put_if_absent(&keys::leaders(), to_body(&set), None).await.expect("leaders");
    let mut poller = signal_poller::Poller::new("bench");
    // Warm up for 15 minutes (the first reconciliation of every leader), then measure.
    let tick = Span::milliseconds(config.poller.poll_interval_ms as i64);
    let end = start + Span::minutes(minutes);
    let mut detections = Vec::new();
    let mut measuring = false;
    let (mut rpc0, mut api0, mut reads0, mut writes0, mut head0) = (0, 0, 0, 0, 0);
    let mut sqs = 0u64;
    let mut missed = 0u32;
    let mut get_logs0 = 0;
    while clock.now() < end {
        if !measuring && clock.now() >= start {
            measuring = true;
            rpc0 = chain.calls();
            get_logs0 = chain.calls_by_method().get("eth_getLogs").copied().unwrap_or(0);
            api0 = market.trades.load(Ordering::Relaxed);
            reads0 = store.reads.load(Ordering::Relaxed);
            writes0 = store.writes.load(Ordering::Relaxed);
            head0 = chain.head_at(clock.now());
        }
        let report = poller.poll_once(&deps.poller).await.expect("poll");
        if measuring {
            missed += report.missed_found;
        }
        loop {
            let msgs = queues.signals.receive(10).await.expect("receive");
            if msgs.is_empty() {
                break;
            }
            for m in &msgs {
                let Ok(s) = serde_json::from_str::<Signal>(&m.body) else { continue };
                // Claimed as the copier claims a signal it decided (the reconciliation looks
                // for these); written past the counting store, as the copier's cost is not
                // the poller's.
                let claim = Claim {
                    key: s.key.clone(),
                    owner: "bench".into(),
                    status: ClaimStatus::Completed {
                        result: SignalOutcome::Refused { reason: RefusalReason::NoEdge, detail: "bench".into() },
                    },
                };
                if let Err(e) = uncounted.put_if_absent(&keys::claim(&s.key), to_body(&claim), None).await
                    && !e.is_conflict()
                {
                    panic!("claim: {e}");
                }
                if measuring {
                    detections.push((s.seen_at - s.trade.timestamp).num_milliseconds() as f64 / 1000.0);
                    // One SendMessageBatch entry, one receive, one delete per signal (upper bound).
                    sqs += 3;
                }
                queues.signals.ack(&m.receipt).await.expect("ack");
            }
        }
        clock.advance(tick);
    }
    detections.sort_by(f64::total_cmp);
    let mins = minutes as f64;
    let blocks = (chain.head_at(clock.now()) - head0).max(1) as f64;
    let rpc = (chain.calls() - rpc0) as f64;
    let api = (market.trades.load(Ordering::Relaxed) - api0) as f64;
    let get_logs = (chain.calls_by_method().get("eth_getLogs").copied().unwrap_or(0) - get_logs0) as f64;
    let per_hour = |n: u64| (n as f64 * 60.0 / mins).round() as u64;
    // The poller is one Lambda looping inside its invocation: its schedule fires once a minute.
    Row {
        leaders: leaders.len(),
        signals: detections.len(),
        missed,
        p50: percentile(&detections, 0.5),
        p99: percentile(&detections, 0.99),
        rpc_per_min: rpc / mins,
        rpc_per_block: rpc / blocks,
        logs_per_block: get_logs / blocks,
        data_api_per_min: api / mins,
        budget_share: api / mins / 6.0 / 200.0,
        store_reads_per_hour: per_hour(store.reads.load(Ordering::Relaxed) - reads0),
        store_writes_per_hour: per_hour(store.writes.load(Ordering::Relaxed) - writes0),
        sqs_per_hour: per_hour(sqs),
    }
}

/// Prices for the cost model: AWS on-demand, US East (N. Virginia), as published on the AWS
/// pricing pages (Lambda, DynamoDB on-demand, SQS) and read for this bench; check them before
/// relying on the dollars. Free tiers are left out.
mod price {
    /// Lambda arm64, dollars per GB-second.
    pub const LAMBDA_GB_SECOND: f64 = 0.000_013_333_4;
    /// Lambda, dollars per request.
    pub const LAMBDA_REQUEST: f64 = 0.20 / 1e6;
    /// DynamoDB on-demand, dollars per read request unit.
    pub const DYNAMODB_RRU: f64 = 0.125 / 1e6;
    /// DynamoDB on-demand, dollars per write request unit.
    pub const DYNAMODB_WRU: f64 = 0.625 / 1e6;
    /// SQS FIFO, dollars per request (64 KB chunk).
    pub const SQS_FIFO_REQUEST: f64 = 0.50 / 1e6;
}

/// The deployed shape the model prices (template.yaml): the poller starts once a minute and
/// loops until `deadline_margin_ms` before its 60 s timeout, at the stack's 256 MB.
const POLLER_MEMORY_GB: f64 = 0.25;
const POLLER_TIMEOUT_S: f64 = 60.0;
const MINUTES_PER_MONTH: f64 = 30.0 * 24.0 * 60.0;
/// One copy on AWS, from the emulator test in BENCHMARKS.md ("DynamoDB calls per copied signal":
/// a claim put, one batched read of about five items, the followed set, one transaction of about
/// five items) and the copier's queue traffic (a tenth each of a receive and a batched delete, a
/// tenth of a notification send, the notifier's receive and delete of it).
const COPY_RRU: f64 = 6.0;
const COPY_WRU: f64 = 1.0 + 2.0 * 5.0;
const COPY_SQS: f64 = 0.5;
/// The copier's time per copy on Lambda is not measured here (the embedded pipeline does 7,500
/// copies a second; on AWS it waits on three DynamoDB round trips): priced at 100 ms of 256 MB.
const COPY_LAMBDA_GB_S: f64 = 0.1 * 0.25;

/// Dollars a month of the poller following `r.leaders` with no copies (Lambda, DynamoDB, SQS; the
/// RPC node is priced by the provider's plan, so its calls are given, not dollars), and dollars per
/// 1,000 copies on top.
fn cost(r: &Row, poll_deadline_margin_s: f64) -> (f64, f64, f64) {
    let hours = MINUTES_PER_MONTH / 60.0;
    let lambda = MINUTES_PER_MONTH
        * ((POLLER_TIMEOUT_S - poll_deadline_margin_s) * POLLER_MEMORY_GB * price::LAMBDA_GB_SECOND + price::LAMBDA_REQUEST);
    let dynamo = hours * (r.store_reads_per_hour as f64 * price::DYNAMODB_RRU + r.store_writes_per_hour as f64 * price::DYNAMODB_WRU);
    let idle = lambda + dynamo;
    let per_copy = COPY_RRU * price::DYNAMODB_RRU
        + COPY_WRU * price::DYNAMODB_WRU
        + COPY_SQS * price::SQS_FIFO_REQUEST
        + COPY_LAMBDA_GB_S * price::LAMBDA_GB_SECOND
        + 0.1 * price::LAMBDA_REQUEST;
    // The signals the poller queued are on the signals queue whether or not they are copied.
    let sqs_per_signal = 3.0 * price::SQS_FIFO_REQUEST;
    (idle, 1000.0 * (per_copy + sqs_per_signal), r.rpc_per_min * MINUTES_PER_MONTH)
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let minutes: i64 = std::env::var("DETECTION_BENCH_MINUTES").ok().and_then(|m| m.parse().ok()).unwrap_or(60);
    let mut demo = Config::default().demo;
    demo.wallets = 800;
    let start = copycat_engine::demo_start();
    let world = Arc::new(SimWorld::generate(SimParams::from_demo_config(&demo, start)));
    let at = start + Span::days(1);
    // The most active wallets over the measured hour and the day before it: leaders that trade.
    let mut active: Vec<(usize, Wallet)> = world
        .wallets()
        .iter()
        .map(|w| (world.leader_trades_between(w, at - Span::days(1), at + Span::minutes(minutes)).len(), w.clone()))
        .collect();
    active.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    println!("detection bench: {minutes} simulated minutes per run, a block every 2 s, the demo's bad days (1 % 429s, 0.5 % timeouts)");
    println!(
        "{:>7} {:>7} {:>6} {:>8} {:>8} {:>9} {:>10} {:>10} {:>10} {:>8} {:>11} {:>11} {:>9}",
        "leaders",
        "signals",
        "missed",
        "p50 s",
        "p99 s",
        "rpc/min",
        "rpc/block",
        "logs/blk",
        "dataapi/m",
        "budget",
        "RRU/h",
        "WRU/h",
        "sqs/h"
    );
    let mut rows = Vec::new();
    for n in [10usize, 100, 500] {
        let leaders: Vec<Wallet> = active.iter().take(n).map(|(_, w)| w.clone()).collect();
        let wall = std::time::Instant::now();
        let r = rt.block_on(run(&world, &leaders, at, minutes));
        println!(
            "{:>7} {:>7} {:>6} {:>8.2} {:>8.2} {:>9.1} {:>10.2} {:>10.2} {:>10.2} {:>7.1}% {:>11} {:>11} {:>9}   ({:.1} s wall)",
            r.leaders,
            r.signals,
            r.missed,
            r.p50,
            r.p99,
            r.rpc_per_min,
            r.rpc_per_block,
            r.logs_per_block,
            r.data_api_per_min,
            r.budget_share * 100.0,
            r.store_reads_per_hour,
            r.store_writes_per_hour,
            r.sqs_per_hour,
            wall.elapsed().as_secs_f64()
        );
        rows.push(r);
    }
    let margin = Config::default().poller.deadline_margin_ms as f64 / 1000.0;
    println!();
    println!("cost model (AWS us-east-1 on-demand list prices in the bench, no free tier; RPC calls priced by your provider's plan)");
    println!("{:>7} {:>14} {:>16} {:>16}", "leaders", "idle $/month", "$ per 1,000 copies", "RPC calls/month");
    for r in &rows {
        let (idle, per_1000, rpc) = cost(r, margin);
        println!("{:>7} {:>14.2} {:>18.4} {:>16.0}", r.leaders, idle, per_1000, rpc);
    }
}
