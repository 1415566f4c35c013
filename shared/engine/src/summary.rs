//! The demo's persisted progress (for `--resume`) and its end-of-run summary.

use crate::EngineError;
use crate::engine::Engine;
use copycat_core::breaker::BreakerState;
use copycat_core::config::Config;
use copycat_core::dependency::Dependency;
use copycat_core::records::{
    LeaderSet, LedgerEntry, ModeState, PortfolioState, SignalOutcome, TraderProfile, TraderStatus, TraderVerdict, keys,
};
use copycat_core::store::Key;
use copycat_core::time::Timestamp;
use copycat_sim::SimWorld;
use copycat_state::{Base, decode, load, update_with_retry};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The demo's own record: where simulated time had got to, so `--resume` continues from there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemoState {
    /// Seed, days, wallets and markets: a resume must use the same world.
    pub fingerprint: String,
    /// Simulated time of the last save.
    pub clock: Timestamp,
    /// Next discovery run.
    pub next_discovery: Timestamp,
    /// Next health check.
    pub next_health: Timestamp,
    /// Worst drawdown seen by a health check (fraction).
    pub max_drawdown: f64,
    /// Mode at the start.
    pub first_mode: Option<String>,
    /// Counters at the last save.
    pub counters: BTreeMap<String, u64>,
    /// The run reached its end.
    pub finished: bool,
}

fn demo_key() -> Key {
    Key::new("DEMO", "STATE")
}

fn fingerprint(c: &Config) -> String {
    format!("seed={} days={} wallets={} markets={}", c.demo.seed, c.demo.days, c.demo.wallets, c.demo.markets)
}

impl DemoState {
    /// Creates the record for a fresh demo, or loads it to resume.
    pub async fn load_or_create(deps: &Base, config: &Config, start: Timestamp, resume: bool) -> Result<DemoState, EngineError> {
        let existing = load::<DemoState>(deps.store.as_ref(), &demo_key()).await?;
        match (existing, resume) {
            (Some(s), true) => {
                if s.value.fingerprint != fingerprint(config) {
                    return Err(EngineError::Usage(format!(
                        "the database holds a different demo ({}); resume with the same --seed/--days/--wallets, or start afresh without --resume",
                        s.value.fingerprint
                    )));
                }
                if s.value.finished {
                    return Err(EngineError::Usage("that demo already finished; run `copycat demo` to start a new one".into()));
                }
                Ok(s.value)
            }
            (None, true) => Err(EngineError::Usage("the database has no demo to resume; run `copycat demo` to start one".into())),
            (_, false) => {
                let s = DemoState {
                    fingerprint: fingerprint(config),
                    clock: start,
                    next_discovery: start,
                    next_health: start,
                    max_drawdown: 0.0,
                    first_mode: None,
                    counters: BTreeMap::new(),
                    finished: false,
                };
                s.save(deps).await?;
                Ok(s)
            }
        }
    }

    /// Persists it.
    pub async fn save(&self, deps: &Base) -> Result<(), EngineError> {
        let me = self.clone();
        update_with_retry::<DemoState, _>(deps.store.as_ref(), &demo_key(), |_| Some(me.clone())).await?;
        Ok(())
    }

    /// Folds in a health check's findings.
    pub fn observe(&mut self, r: &health_check::HealthReport) {
        self.max_drawdown = self.max_drawdown.max(r.drawdown);
    }
}

/// What the demo did, for people (table) and machines (`--json`).
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Seed of the world.
    pub seed: u64,
    /// Simulated days.
    pub days: u32,
    /// Wall-clock seconds the run took (this process only, after a resume).
    pub wall_secs: f64,
    /// Wallets discovery found and the bot filter judged.
    pub wallets_seen: u64,
    /// Of those, bots by the simulator's ground truth.
    pub bots_seen: u64,
    /// Wallets the bot filter rejected as bots.
    pub bots_rejected: u64,
    /// Precision of `bot` verdicts against ground truth.
    pub bot_precision: f64,
    /// Recall of `bot` verdicts against ground truth (judged bots).
    pub bot_recall: f64,
    /// Humans wrongly called bots.
    pub humans_flagged_as_bots: u64,
    /// Leaders followed at the end.
    pub leaders_followed: u64,
    /// Leaders dropped along the way.
    pub leaders_dropped: u64,
    /// Of the leaders followed at the end, how many are bots by ground truth.
    pub bots_followed: u64,
    /// Signals handled (copied + refused).
    pub signals_seen: u64,
    /// Signals copied.
    pub signals_copied: u64,
    /// Signals refused.
    pub signals_refused: u64,
    /// Refusals by reason.
    pub refused_by_reason: BTreeMap<String, u64>,
    /// Signal keys with more than one recorded fill (must be 0).
    pub duplicate_fills: u64,
    /// Fills recorded.
    pub fills: u64,
    /// Starting balance.
    pub starting_balance: f64,
    /// Equity at the end.
    pub final_equity: f64,
    /// Equity minus starting balance.
    pub pnl: f64,
    /// Realised PnL.
    pub realized_pnl: f64,
    /// Fees paid.
    pub fees_paid: f64,
    /// Worst drawdown seen (fraction of peak).
    pub max_drawdown: f64,
    /// Open positions at the end.
    pub open_positions: u32,
    /// Mode at the start.
    pub mode_start: String,
    /// Mode at the end.
    pub mode_end: String,
    /// Mode transitions applied.
    pub mode_transitions: u64,
    /// Breaker trips (all dependencies).
    pub breaker_trips: u64,
    /// Breaker recoveries.
    pub breaker_recoveries: u64,
    /// Notifications delivered.
    pub notifications: u64,
    /// Notifications by kind.
    pub notifications_by_kind: BTreeMap<String, u64>,
    /// Messages in dead-letter queues.
    pub dead_lettered: u64,
    /// Leader trade → our fill, simulated seconds, median.
    pub latency_p50_secs: f64,
    /// Leader trade → our fill, simulated seconds, 99th percentile.
    pub latency_p99_secs: f64,
    /// Leader trades the polls missed and the reconciliation found.
    pub missed_trades: u64,
    /// Leader trade → signal queued, simulated seconds, median.
    pub detection_p50_s: f64,
    /// Leader trade → signal queued, simulated seconds, 99th percentile.
    pub detection_p99_s: f64,
    /// Where fills were detected: `chain` or `data-api`.
    pub detection: String,
    /// JSON-RPC calls the simulated node answered (0 with Data API detection).
    pub chain_calls: u64,
    /// Polls that fell back to the Data API while the chain breaker was open.
    pub detection_fallbacks: u64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn f(d: copycat_core::Usd) -> f64 {
    (d.0.round_dp(4)).to_f64().unwrap_or(0.0)
}

/// Builds the summary from the state table, the counters and the simulator's ground truth.
pub async fn build(
    engine: &Engine,
    world: &SimWorld,
    config: &Config,
    state: &DemoState,
    wall: std::time::Duration,
) -> Result<Summary, EngineError> {
    let deps = &engine.deps;
    let store = deps.store.as_ref();

    // Judged wallets, against ground truth.
    let wallets: Vec<_> = world.wallets().to_vec();
    let (mut seen, mut bots_seen, mut tp, mut fp, mut fn_, mut dropped) = (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    for chunk in wallets.chunks(100) {
        let ks: Vec<_> = chunk.iter().map(keys::trader).collect();
        for (w, rec) in chunk.iter().zip(store.get_many(&ks).await?) {
            let Some(rec) = rec else { continue };
            let Ok(p) = decode::<TraderProfile>(&rec) else { continue };
            if p.value.status == TraderStatus::Candidate {
                continue;
            }
            seen += 1;
            let is_bot = world.is_bot(w);
            let said_bot = p.value.verdict == TraderVerdict::Bot;
            bots_seen += is_bot as u64;
            match (said_bot, is_bot) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
            dropped += (p.value.status == TraderStatus::Dropped) as u64;
        }
    }
    let leaders = load::<LeaderSet>(store, &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    let bots_followed = leaders.leaders.iter().filter(|l| world.is_bot(&l.wallet)).count() as u64;

    // The ledger: every signal's outcome.
    let ledger = store.query(keys::LEDGER_PK, "").await?;
    let (mut copied, mut refused) = (0u64, 0u64);
    let mut reasons: BTreeMap<String, u64> = BTreeMap::new();
    let mut fills_per_key: HashMap<String, u64> = HashMap::new();
    let mut latencies = Vec::new();
    let mut detections = Vec::new();
    for rec in &ledger {
        let e = decode::<LedgerEntry>(rec)?.value;
        detections.extend(e.detection_secs());
        match &e.outcome {
            SignalOutcome::Copied { fill, .. } => {
                copied += 1;
                *fills_per_key.entry(e.key.0.clone()).or_insert(0) += 1;
                latencies.push((fill.at - e.leader_at).num_milliseconds() as f64 / 1000.0);
            }
            SignalOutcome::Refused { reason, .. } => {
                refused += 1;
                *reasons.entry(reason.code()).or_insert(0) += 1;
            }
        }
    }
    latencies.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    detections.sort_by(f64::total_cmp);
    let missed_trades = store.query(keys::MISSED_PK, "").await?.len() as u64;
    let duplicate_fills = fills_per_key.values().filter(|n| **n > 1).map(|n| n - 1).sum();

    let portfolio = load::<PortfolioState>(store, &keys::portfolio())
        .await?
        .map(|v| v.value)
        .unwrap_or_else(|| PortfolioState::new(config.trading.starting_balance, state.clock));
    let mode = load::<ModeState>(store, &keys::mode()).await?.map(|v| v.value);
    let (mut trips, mut recoveries) = (0, 0);
    for d in Dependency::ALL {
        if let Some(b) = load::<BreakerState>(store, &keys::breaker(d)).await? {
            trips += b.value.trips;
            recoveries += b.value.recoveries;
        }
    }
    let by_kind = engine.sink.counts();
    let restored: u64 = state.counters.get("NotificationSent").copied().unwrap_or(0);
    let notifications = engine.metrics.get("NotificationSent").max(restored);
    let start_tier = config.modes.tier_for_balance(config.trading.starting_balance).name.clone();
    Ok(Summary {
        seed: config.demo.seed,
        days: config.demo.days,
        wall_secs: (wall.as_secs_f64() * 100.0).round() / 100.0,
        wallets_seen: seen,
        bots_seen,
        bots_rejected: tp + fp,
        bot_precision: if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 },
        bot_recall: if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 },
        humans_flagged_as_bots: fp,
        leaders_followed: leaders.leaders.len() as u64,
        leaders_dropped: dropped,
        bots_followed,
        signals_seen: copied + refused,
        signals_copied: copied,
        signals_refused: refused,
        refused_by_reason: reasons,
        duplicate_fills,
        fills: copied,
        starting_balance: f(config.trading.starting_balance),
        final_equity: f(portfolio.equity()),
        pnl: f(portfolio.equity() - config.trading.starting_balance),
        realized_pnl: f(portfolio.realized_pnl),
        fees_paid: f(portfolio.fees_paid),
        max_drawdown: (state.max_drawdown * 10_000.0).round() / 10_000.0,
        open_positions: portfolio.open_positions,
        mode_start: state.first_mode.clone().unwrap_or(start_tier),
        mode_end: mode.as_ref().map(|m| m.tier.clone()).unwrap_or_default(),
        mode_transitions: mode.map(|m| m.transitions_total as u64).unwrap_or(0),
        breaker_trips: trips,
        breaker_recoveries: recoveries,
        notifications,
        notifications_by_kind: by_kind,
        dead_lettered: engine.metrics.get("DeadLettered").max(state.counters.get("DeadLettered").copied().unwrap_or(0)),
        latency_p50_secs: percentile(&latencies, 0.5),
        latency_p99_secs: percentile(&latencies, 0.99),
        missed_trades,
        detection_p50_s: percentile(&detections, 0.5),
        detection_p99_s: percentile(&detections, 0.99),
        detection: config.chain.detection.as_str().to_string(),
        chain_calls: 0,
        detection_fallbacks: engine.metrics.get("DetectionFallback").max(state.counters.get("DetectionFallback").copied().unwrap_or(0)),
    })
}

/// Prints the summary as a table.
pub fn print(s: &Summary) {
    let row = |k: &str, v: String| println!("  {k:<34} {v}");
    println!();
    println!("CopyCat demo — {} simulated days, seed {} ({:.1} s wall)", s.days, s.seed, s.wall_secs);
    println!("  {:-<60}", "");
    row("wallets judged", s.wallets_seen.to_string());
    row("bots rejected (of bots judged)", format!("{} (of {})", s.bots_rejected, s.bots_seen));
    row("bot filter precision / recall", format!("{:.1}% / {:.1}%", s.bot_precision * 100.0, s.bot_recall * 100.0));
    row("leaders followed / dropped", format!("{} / {} (bots among them: {})", s.leaders_followed, s.leaders_dropped, s.bots_followed));
    row("signals seen", s.signals_seen.to_string());
    row("signals copied", s.signals_copied.to_string());
    row("signals refused", s.signals_refused.to_string());
    for (reason, n) in &s.refused_by_reason {
        row(&format!("  refused: {reason}"), n.to_string());
    }
    row("fills (duplicate fills)", format!("{} ({})", s.fills, s.duplicate_fills));
    row("detection (chain calls, fallbacks)", format!("{} ({}, {})", s.detection, s.chain_calls, s.detection_fallbacks));
    row("detection latency p50 / p99", format!("{:.2} s / {:.2} s", s.detection_p50_s, s.detection_p99_s));
    row("trade → fill latency p50 / p99", format!("{:.2} s / {:.2} s", s.latency_p50_secs, s.latency_p99_secs));
    row("missed trades (found late)", s.missed_trades.to_string());
    row("balance start → end", format!("${:.2} → ${:.2}", s.starting_balance, s.final_equity));
    row("PnL (realised) / fees", format!("${:.2} (${:.2}) / ${:.2}", s.pnl, s.realized_pnl, s.fees_paid));
    row("max drawdown", format!("{:.1}%", s.max_drawdown * 100.0));
    row("open positions", s.open_positions.to_string());
    row("mode start → end (transitions)", format!("{} → {} ({})", s.mode_start, s.mode_end, s.mode_transitions));
    row("breaker trips / recoveries", format!("{} / {}", s.breaker_trips, s.breaker_recoveries));
    row("notifications", s.notifications.to_string());
    row("dead-lettered messages", s.dead_lettered.to_string());
    println!();
}
