//! health-check: probes the dependencies, marks the portfolio (settling resolved markets),
//! applies the drawdown ladder and the emergency stop, changes the mode when the balance
//! crosses a tier (a conditional write, so two health checks never both apply it), fires
//! milestones once each, and sends the daily summary. With a chain node it probes the node under
//! the `chain` breaker, and in live mode redeems winning positions on chain exactly once
//! ([`redeem`]).

pub mod redeem;

use chrono::Timelike;
use copycat_core::Usd;
use copycat_core::breaker::{BreakerState, Phase};
use copycat_core::dependency::Dependency;
use copycat_core::events::{Event, last_closed_window, summarize_refusals};
use copycat_core::market::{LeaderboardWindow, MarketInfo};
use copycat_core::mode::{PortfolioView, current_tier, day_of, drawdown_multiplier, emergency_stop, initial_mode, ladder_alert, next_mode};
use copycat_core::portfolio::{mark, roll_day, settle};
use copycat_core::ports::MarketData;
use copycat_core::ports::StoreError;
use copycat_core::records::{Control, LeaderSet, LedgerEntry, MissedTrade, ModeState, PortfolioState, Position, SignalOutcome, keys};
use copycat_core::report;
use copycat_core::report::percentile;
use copycat_core::store::Write;
use copycat_core::time::Timestamp;
use copycat_state::{BreakerGate, GateError, Reporting, StateError, Versioned, decode, load, notify, to_body};
use lambda_runtime::{Diagnostic, LambdaEvent};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub use redeem::ChainDeps;

/// The schedule's input (SAM `ScheduleV2` `Input`, `{}`); nothing is required. Also taken as the
/// `detail` of an EventBridge event (see [`copycat_core::schedule`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value")]
pub struct HealthInput {}

/// The fields the function takes: none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HealthInputFields {}

impl TryFrom<serde_json::Value> for HealthInput {
    type Error = copycat_core::schedule::ScheduleInputError;
    fn try_from(payload: serde_json::Value) -> Result<Self, Self::Error> {
        let HealthInputFields {} = copycat_core::schedule::schedule_input(payload)?;
        Ok(HealthInput {})
    }
}

/// What one health check found and did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthReport {
    /// Probes that failed (by dependency).
    pub probes_failed: Vec<String>,
    /// Positions re-marked.
    pub positions_marked: u32,
    /// Positions settled at resolution.
    pub positions_settled: u32,
    /// Equity after marking.
    pub equity: Usd,
    /// Drawdown after marking (fraction).
    pub drawdown: f64,
    /// Mode change applied by this check (`FROM→TO`).
    pub mode_change: Option<String>,
    /// Milestones fired by this check.
    pub milestones: Vec<Usd>,
    /// Trading stopped by the emergency rule in this check.
    pub emergency_stop: bool,
    /// Held markets closed without a known winner, reported (once each, ever) by this check.
    pub resolution_unknown: Vec<String>,
    /// The chain node's probe.
    #[serde(default)]
    pub chain: ChainProbe,
    /// Markets redeemed on chain and booked by this check (condition ids).
    #[serde(default)]
    pub redeemed: Vec<String>,
    /// Redemptions in flight or not started yet, left to the next check (condition ids).
    #[serde(default)]
    pub redemptions_waiting: Vec<String>,
    /// Redemptions refused or failed in this check, with the reason.
    #[serde(default)]
    pub redemptions_failed: Vec<String>,
}

/// What the chain probe found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainProbe {
    /// `chain.rpc_url` is empty: no chain, not a failure.
    #[default]
    NotConfigured,
    /// The node answered on the right chain.
    Ok {
        /// Its latest block.
        block: u64,
    },
    /// The node failed, answered for another chain, or its breaker is open.
    Failed {
        /// Why.
        error: String,
    },
}

/// A health-check failure that fails the invocation.
#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    /// The state store failed.
    #[error("state store: {0}")]
    State(#[from] StateError),
}

impl From<StoreError> for HealthError {
    fn from(e: StoreError) -> Self {
        HealthError::State(StateError::Store(e))
    }
}

impl From<HealthError> for Diagnostic {
    fn from(e: HealthError) -> Diagnostic {
        Diagnostic { error_type: "HealthError::State".into(), error_message: e.to_string() }
    }
}

/// What the health check may use: market data (probes, marks, resolutions), besides what every
/// reporting function has. It places no orders and feeds no queue but notifications.
#[derive(Clone)]
pub struct HealthDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// Probes, books and markets.
    pub market: Arc<dyn MarketData>,
}

copycat_state::function_deps!(HealthDeps, sends[Notifications]);

/// The Lambda handler.
pub async fn handle(_event: LambdaEvent<HealthInput>, deps: &HealthDeps) -> Result<HealthReport, HealthError> {
    run_health_check(deps).await
}

/// The Lambda handler with a chain node (and, live, a redeemer).
pub async fn handle_with_chain(
    _event: LambdaEvent<HealthInput>,
    deps: &HealthDeps,
    chain: &ChainDeps,
) -> Result<HealthReport, HealthError> {
    run_health_check_with_chain(deps, chain).await
}

/// One health check without a chain node: resolved positions settle at resolution.
pub async fn run_health_check(deps: &HealthDeps) -> Result<HealthReport, HealthError> {
    run_health_check_with_chain(deps, &ChainDeps::default()).await
}

/// One health check; `chain` adds the node's probe and on-chain redemption.
pub async fn run_health_check_with_chain(deps: &HealthDeps, chain: &ChainDeps) -> Result<HealthReport, HealthError> {
    let mut report = HealthReport { chain: probe_chain(deps, chain).await, ..HealthReport::default() };
    if matches!(report.chain, ChainProbe::Failed { .. }) {
        report.probes_failed.push(Dependency::Chain.to_string());
    }
    let mut data = BreakerGate::read(deps, Dependency::DataApi, "health-check").await;
    let mut gamma = BreakerGate::read(deps, Dependency::Gamma, "health-check").await;
    let mut clob = BreakerGate::read(deps, Dependency::Clob, "health-check").await;
    probe(deps, &mut data, &mut report, Dependency::DataApi, async {
        deps.market.leaderboard(LeaderboardWindow::Day, 1).await.map(|_| ())
    })
    .await;

    let (mut portfolio, resolved) = mark_portfolio(deps, chain.redeems(deps), &mut gamma, &mut clob, &mut report).await?;
    // A node that failed its probe is not asked again in the same check: the redemptions wait
    // (and the outage counts once against the `chain` breaker, not once per call).
    let redeemed = if matches!(report.chain, ChainProbe::Failed { .. }) {
        for r in resolved {
            if !report.redemptions_waiting.contains(&r.market.condition_id) {
                report.redemptions_waiting.push(r.market.condition_id);
            }
        }
        false
    } else {
        redeem::redeem_resolved(deps, chain, resolved, &mut report).await?
    };
    if redeemed && let Some(p) = load::<PortfolioState>(deps.store.as_ref(), &keys::portfolio()).await? {
        portfolio = p;
    }
    let now = deps.clock.now();
    let equity = portfolio.value.equity();
    let drawdown = portfolio.value.drawdown();
    report.equity = equity;
    report.drawdown = drawdown.to_f64().unwrap_or(0.0);

    // Mode: create on first sight, then at most one conditional transition.
    let cfg = &deps.config;
    let mode = match load::<ModeState>(deps.store.as_ref(), &keys::mode()).await? {
        Some(m) => m,
        None => {
            let m = initial_mode(&cfg.modes, equity, now);
            match deps.store.put_if_absent(&keys::mode(), to_body(&m), None).await {
                Ok(r) => Versioned { value: m, version: r.version },
                Err(StoreError::Conflict { current: Some(r), .. }) => decode(&r)?,
                Err(e) => return Err(e.into()),
            }
        }
    };
    let tier = current_tier(&cfg.modes, &mode.value).clone();

    // Drawdown ladder: alert once per deeper step since the last peak.
    let step = drawdown_multiplier(&tier, drawdown).map(|(_, s)| s).unwrap_or(tier.drawdown_ladder.len() as u32 + 1);
    let (recorded, alert) = ladder_alert(portfolio.value.ladder_step, step, drawdown);
    if recorded != portfolio.value.ladder_step {
        let mut next = portfolio.value.clone();
        next.ladder_step = recorded;
        // A conflict means a copier booked a fill meanwhile: the next check decides again.
        if deps.store.put_if_version(&keys::portfolio(), to_body(&next), portfolio.version, None).await.is_ok() && alert {
            let multiplier = drawdown_multiplier(&tier, drawdown).map(|(m, _)| m).unwrap_or_default();
            notify(
                deps,
                &format!("ladder|{step}|{}", now.timestamp()),
                now,
                Event::DrawdownAlert { drawdown: report.drawdown, multiplier },
            )
            .await;
        }
    }

    if emergency_stop(&cfg.modes, drawdown) {
        let reason = format!(
            "emergency stop: drawdown {:.1}% reached {:.1}%",
            report.drawdown * 100.0,
            cfg.modes.emergency_stop_drawdown.to_f64().unwrap_or(0.0) * 100.0
        );
        let stopped = set_stop(deps, &reason, now).await?;
        if stopped {
            report.emergency_stop = true;
            notify(deps, &format!("stop|{}", now.timestamp()), now, Event::TradingStopped { reason }).await;
        }
    }

    let view = PortfolioView { equity, drawdown, win_streak: portfolio.value.win_streak };
    if let Some(t) = next_mode(&cfg.modes, &mode.value, &view, now) {
        match deps.store.put_if_version(&keys::mode(), to_body(&t.next), mode.version, None).await {
            Ok(_) => {
                deps.metrics.count("ModeChanged", 1, &[("From", &t.from), ("To", &t.to)]);
                tracing::info!(from = %t.from, to = %t.to, reason = %t.reason, "mode changed");
                notify(
                    deps,
                    &format!("mode|{}", t.next.transitions_total),
                    now,
                    Event::ModeChanged { from: t.from.clone(), to: t.to.clone(), balance: equity },
                )
                .await;
                report.mode_change = Some(format!("{}→{}", t.from, t.to));
            }
            // Another health check applied a transition first: it will be re-decided next time.
            Err(e) if e.is_conflict() => {}
            Err(e) => return Err(e.into()),
        }
    }

    // Milestones: put-if-absent, so each fires once however many checks race.
    // Only milestones above where we started: a $20 milestone is no news to a $24 account.
    let reached: Vec<Usd> = cfg.milestones.amounts.iter().copied().filter(|a| *a > cfg.trading.starting_balance && equity >= *a).collect();
    if !reached.is_empty() {
        let ks: Vec<_> = reached.iter().map(|a| keys::milestone(*a)).collect();
        let existing = deps.store.get_many(&ks).await?;
        for (amount, rec) in reached.iter().zip(existing) {
            if rec.is_some() {
                continue;
            }
            let body = serde_json::json!({ "amount": amount, "equity": equity, "at": now });
            if deps.store.put_if_absent(&keys::milestone(*amount), body, None).await.is_ok() {
                deps.metrics.count("MilestoneReached", 1, &[]);
                notify(deps, &format!("milestone|{}", amount.0), now, Event::MilestoneReached { amount: *amount, equity }).await;
                report.milestones.push(*amount);
            }
        }
    }

    daily_summary(deps, &portfolio.value, &mode.value, now).await?;
    if let Err(e) = record_snapshot(deps, &portfolio.value, now).await {
        tracing::warn!(error = %e, "history snapshot not recorded; the next health check records one");
    }
    // Refused trades: one summary per closed window, by reason (never one message per refusal).
    if let Err(e) = send_refusal_summaries(deps, now).await {
        tracing::warn!(error = %e, "refusal summary not sent; the next health check tries again");
    }
    Ok(report)
}

async fn probe<F: std::future::Future<Output = Result<(), copycat_core::ports::MarketError>>>(
    deps: &HealthDeps,
    gate: &mut BreakerGate,
    report: &mut HealthReport,
    dep: Dependency,
    call: F,
) {
    match gate.call(deps, call).await {
        Ok(()) => {}
        Err(GateError::Open { .. }) => report.probes_failed.push(dep.to_string()),
        Err(GateError::Call(e)) => {
            report.probes_failed.push(dep.to_string());
            let now = deps.clock.now();
            notify(
                deps,
                &format!("health|{dep}|{}", now.timestamp() / 60),
                now,
                Event::HealthCheckFailed { dependency: dep, error: e.to_string() },
            )
            .await;
        }
    }
}

/// Probes the chain node under the `chain` breaker: its chain id (checked by the client before
/// anything else) and latest block. "Not configured" without a node is not a failure.
async fn probe_chain(deps: &HealthDeps, chain: &ChainDeps) -> ChainProbe {
    let Some(rpc) = chain.rpc.as_deref() else { return ChainProbe::NotConfigured };
    let mut gate = BreakerGate::read(deps, Dependency::Chain, "health-check").await;
    let now = deps.clock.now();
    if let Err(e) = gate.admit(deps, now).await {
        return ChainProbe::Failed { error: e.to_string() };
    }
    let result = rpc.call("eth_blockNumber", serde_json::json!([])).await.and_then(|v| {
        block_number(&v).map_err(|reason| copycat_core::ports::ChainError::BadResponse { method: "eth_blockNumber".into(), reason })
    });
    let now = deps.clock.now();
    match result {
        Ok(block) => {
            gate.record(deps, now, Ok(())).await;
            ChainProbe::Ok { block }
        }
        Err(e) => {
            let error = e.to_string();
            gate.record(deps, now, if e.counts_as_failure() { Err(error.as_str()) } else { Ok(()) }).await;
            notify(
                deps,
                &format!("health|{}|{}", Dependency::Chain, now.timestamp() / 60),
                now,
                Event::HealthCheckFailed { dependency: Dependency::Chain, error: error.clone() },
            )
            .await;
            ChainProbe::Failed { error }
        }
    }
}

/// A JSON-RPC quantity (`0x…` hex) as a block number; names what was wrong.
fn block_number(v: &serde_json::Value) -> Result<u64, String> {
    let s = v.as_str().ok_or_else(|| format!("expected a hex quantity, got {v}"))?;
    let digits = s.strip_prefix("0x").ok_or_else(|| format!("quantity {s:?} has no 0x prefix"))?;
    u64::from_str_radix(digits, 16).map_err(|e| format!("quantity {s:?}: {e}"))
}

/// Re-marks every position at its book's mid and settles resolved ones, in one transaction
/// with the portfolio (re-read and re-done on a conflict with a copier). With `defer_winners`
/// (live redemption on chain), a winning position is not settled here but returned, to be
/// redeemed; a losing one still closes at zero, which needs no transaction.
async fn mark_portfolio(
    deps: &HealthDeps,
    defer_winners: bool,
    gamma: &mut BreakerGate,
    clob: &mut BreakerGate,
    report: &mut HealthReport,
) -> Result<(Versioned<PortfolioState>, Vec<redeem::Resolved>), HealthError> {
    let cfg = &deps.config;
    for _ in 0..copycat_state::MAX_ATTEMPTS {
        let mut resolved = Vec::new();
        let now = deps.clock.now();
        let stored = load::<PortfolioState>(deps.store.as_ref(), &keys::portfolio()).await?;
        let positions = deps.store.query(keys::PORTFOLIO_PK, keys::POSITION_PREFIX).await?;
        let mut p = stored.as_ref().map(|v| v.value.clone()).unwrap_or_else(|| PortfolioState::new(cfg.trading.starting_balance, now));
        roll_day(&mut p, now);
        // The peak is the equity after every mark, not between two: one position marked up
        // before another is marked down is not a new high.
        let peak_before = p.peak_equity;
        let mut writes = Vec::new();
        let (mut marked, mut settled) = (0, 0);
        let mut unknown: Vec<(MarketInfo, String)> = Vec::new();
        for rec in &positions {
            // Room for this position's two writes (a settlement's delete and record) and the
            // portfolio's; the rest are marked by the next check.
            if writes.len() + 3 > copycat_core::store::MAX_TRANSACTION_WRITES {
                break;
            }
            let pos: Versioned<Position> = decode(rec)?;
            let market = match gamma.call(deps, deps.market.market_by_token(&pos.value.token_id)).await {
                Ok(m) => m,
                Err(_) => continue,
            };
            if market.resolution_unknown {
                // Closed with nothing saying who won: keep the last mark (no book to ask, and
                // asking would count a failure against the CLOB's breaker); never settle at 0.
                unknown.push((market, pos.value.token_id.clone()));
                continue;
            }
            if let Some(price) = market.settlement_price(&pos.value.token_id) {
                if defer_winners && price.0 > rust_decimal::Decimal::ZERO {
                    resolved.push(redeem::Resolved { market, token_id: pos.value.token_id.clone(), price });
                    continue;
                }
                p = settle(&p, &pos.value, price, now);
                writes.push(Write::DeleteIfVersion { key: rec.key.clone(), expected_version: pos.version });
                // What it paid and to whose copies: the report's profit by leader.
                writes.push(Write::PutIfAbsent {
                    key: report::settlement_key(now, &pos.value.token_id),
                    body: to_body(&report::Settlement::of(&pos.value, price, now)),
                    expires_at: Some(now + history_retention(deps)),
                });
                settled += 1;
                continue;
            }
            let Ok(book) = clob.call(deps, deps.market.book(&pos.value.token_id)).await else { continue };
            let Some(mid) = book.mid() else { continue };
            if mid == pos.value.mark {
                continue;
            }
            let (next_p, next_pos) = mark(&p, &pos.value, mid, now);
            p = next_p;
            writes.push(Write::PutIfVersion {
                key: rec.key.clone(),
                body: to_body(&next_pos),
                expected_version: pos.version,
                expires_at: None,
            });
            marked += 1;
        }
        p.peak_equity = peak_before.max(p.equity());
        let changed = stored.as_ref().map(|v| v.value != p).unwrap_or(true);
        if !changed && writes.is_empty() {
            report_resolution_unknown(deps, &unknown, now, report).await;
            return Ok((stored.unwrap_or(Versioned { value: p, version: 0 }), resolved));
        }
        writes.push(match &stored {
            None => Write::PutIfAbsent { key: keys::portfolio(), body: to_body(&p), expires_at: None },
            Some(v) => Write::PutIfVersion { key: keys::portfolio(), body: to_body(&p), expected_version: v.version, expires_at: None },
        });
        match deps.store.transact(writes).await {
            Ok(()) => {
                report.positions_marked = marked;
                report.positions_settled = settled;
                report_resolution_unknown(deps, &unknown, now, report).await;
                let version = stored.map(|v| v.version + 1).unwrap_or(1);
                return Ok((Versioned { value: p, version }, resolved));
            }
            Err(e) if e.is_conflict() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(HealthError::State(StateError::Contended { key: keys::portfolio(), attempts: copycat_state::MAX_ATTEMPTS }))
}

fn history_retention(deps: &HealthDeps) -> copycat_core::time::Span {
    copycat_core::time::Span::days(i64::from(deps.config.report.history_retention_days))
}

/// Records what this check saw (`HISTORY/<millis>`): the report's equity curve, mode changes,
/// breaker trips and followed-set history. Read after the mode transition and the emergency stop,
/// so the snapshot shows their outcome.
async fn record_snapshot(deps: &HealthDeps, p: &PortfolioState, now: Timestamp) -> Result<(), HealthError> {
    let s = deps.store.as_ref();
    let breaker_keys: Vec<_> = Dependency::ALL.iter().map(|d| keys::breaker(*d)).collect();
    let breakers: Vec<BreakerState> =
        s.get_many(&breaker_keys).await?.iter().flatten().filter_map(|r| decode::<BreakerState>(r).ok()).map(|v| v.value).collect();
    let mode = load::<ModeState>(s, &keys::mode()).await?.map(|m| m.value.tier).unwrap_or_default();
    let leaders = load::<LeaderSet>(s, &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    let stopped = load::<Control>(s, &keys::control()).await?.is_some_and(|c| c.value.stopped);
    let snapshot = report::Snapshot {
        at: now,
        equity: p.equity(),
        cash: p.cash,
        positions_value: p.positions_value,
        peak_equity: p.peak_equity,
        drawdown: p.drawdown(),
        mode,
        breaker_trips: breakers.iter().map(|b| b.trips).sum(),
        breakers_open: breakers.iter().filter(|b| b.phase != Phase::Closed).map(|b| b.dependency.to_string()).collect(),
        open_positions: p.open_positions,
        leaders: leaders.leaders.into_iter().map(|l| l.wallet).collect(),
        stopped,
    };
    match s.put_if_absent(&report::snapshot_key(now), to_body(&snapshot), Some(now + history_retention(deps))).await {
        // Another check recorded this very millisecond: one snapshot is enough.
        Err(e) if e.is_conflict() => Ok(()),
        r => r.map(|_| ()).map_err(HealthError::from),
    }
}

/// Reports each held market closed without a known winner once: the first check to write its
/// record (put-if-absent) sends the notification; later checks, and racing ones, stay quiet.
async fn report_resolution_unknown(deps: &HealthDeps, unknown: &[(MarketInfo, String)], now: Timestamp, report: &mut HealthReport) {
    for (market, token_id) in unknown {
        let key = keys::resolution_unknown(&market.condition_id);
        let body = serde_json::json!({ "condition_id": market.condition_id, "token_id": token_id, "at": now });
        match deps.store.put_if_absent(&key, body, None).await {
            Ok(_) => {
                deps.metrics.count("ResolutionUnknown", 1, &[]);
                let event = Event::ResolutionUnknown {
                    market: market.question.clone(),
                    condition_id: market.condition_id.clone(),
                    token_id: token_id.clone(),
                };
                notify(deps, &format!("resolution-unknown|{}", market.condition_id), now, event).await;
                report.resolution_unknown.push(market.condition_id.clone());
            }
            Err(e) if e.is_conflict() => {}
            Err(e) => {
                tracing::warn!(error = %e, condition_id = %market.condition_id, "resolution-unknown record not written; the next check reports it")
            }
        }
    }
}

async fn set_stop(deps: &HealthDeps, reason: &str, now: Timestamp) -> Result<bool, HealthError> {
    let mut changed = false;
    copycat_state::update_with_retry::<Control, _>(deps.store.as_ref(), &keys::control(), |cur| {
        changed = !cur.is_some_and(|c| c.stopped);
        changed.then(|| Control { stopped: true, reason: reason.to_string(), at: now })
    })
    .await?;
    Ok(changed)
}

/// How long refusal-window records are kept (garbage collection only).
const REFUSAL_WINDOW_TTL: copycat_core::time::Span = copycat_core::time::Span::days(7);

/// Queues the refused-trades summary of every closed window (`notifications.refusal_summary_secs`)
/// not summarised yet, oldest first, looking back `notifications.refusal_catch_up_windows`
/// windows, so windows no health check saw are summarised late rather than never. Each window
/// is summarised once however many health checks run (a put-if-absent window record). Returns
/// the events queued.
pub async fn send_refusal_summaries(deps: &HealthDeps, now: Timestamp) -> Result<Vec<Event>, StoreError> {
    let cfg = &deps.config.notifications;
    let secs = cfg.refusal_summary_secs;
    let windows: Vec<(Timestamp, Timestamp)> = (0..u64::from(cfg.refusal_catch_up_windows.max(1)))
        .rev()
        .map(|back| last_closed_window(now - copycat_core::time::secs(secs.saturating_mul(back)), secs))
        .collect();
    let window_keys: Vec<copycat_core::store::Key> = windows.iter().map(|(start, _)| refusal_window_key(*start)).collect();
    let seen = deps.store.get_many(&window_keys).await?;
    let open: Vec<((Timestamp, Timestamp), copycat_core::store::Key)> =
        windows.into_iter().zip(window_keys).zip(seen).filter(|(_, record)| record.is_none()).map(|(w, _)| w).collect();
    let (Some(((first, _), _)), Some(((_, last), _))) = (open.first(), open.last()) else { return Ok(Vec::new()) };
    // Ledger keys start with the 13-digit time: read only the rows whose time shares the digits
    // every open window shares.
    let prefix = common_prefix(&millis13(*first), &millis13(*last - copycat_core::time::Span::milliseconds(1)));
    let ledger = deps.store.query(keys::LEDGER_PK, &prefix).await?;
    let entries: Vec<LedgerEntry> = ledger.iter().filter_map(|r| decode::<LedgerEntry>(r).ok()).map(|v| v.value).collect();
    let mut sent = Vec::new();
    for ((start, end), key) in open {
        let body = serde_json::json!({ "start": start, "end": end, "at": now });
        match deps.store.put_if_absent(&key, body, Some(now + REFUSAL_WINDOW_TTL)).await {
            Ok(_) => {}
            Err(e) if e.is_conflict() => continue, // another health check took this window
            Err(e) => return Err(e),
        }
        if let Some(event) = summarize_refusals(&entries, start, end) {
            notify(deps, &format!("refusals|{}", start.timestamp_millis()), now, event.clone()).await;
            sent.push(event);
        }
    }
    Ok(sent)
}

/// `REFUSALS` / `<window start millis>`: the refusal window that has been summarised.
fn refusal_window_key(start: Timestamp) -> copycat_core::store::Key {
    copycat_core::store::Key::new("REFUSALS", millis13(start))
}

/// A time as the 13-digit milliseconds that start ledger and window sort keys.
fn millis13(t: Timestamp) -> String {
    format!("{:013}", t.timestamp_millis().max(0))
}

fn common_prefix(a: &str, b: &str) -> String {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
}

async fn daily_summary(deps: &HealthDeps, p: &PortfolioState, mode: &ModeState, now: Timestamp) -> Result<(), HealthError> {
    if now.hour() < deps.config.notifications.daily_summary_hour_utc {
        return Ok(());
    }
    let day = day_of(now);
    let key = keys::daily_summary(&day);
    if deps.store.get(&key).await?.is_some() {
        return Ok(());
    }
    let ledger = deps.store.query(keys::LEDGER_PK, "").await?;
    let (mut copies, mut refusals) = (0, 0);
    let mut detections = Vec::new();
    for rec in &ledger {
        let Ok(e) = decode::<LedgerEntry>(rec) else { continue };
        if day_of(e.value.at) != day {
            continue;
        }
        detections.extend(e.value.detection_secs());
        match e.value.outcome {
            SignalOutcome::Copied { .. } => copies += 1,
            SignalOutcome::Refused { .. } => refusals += 1,
        }
    }
    let missed = deps.store.query(keys::MISSED_PK, "").await?;
    let missed = missed.iter().filter_map(|r| decode::<MissedTrade>(r).ok()).filter(|m| day_of(m.value.leader_at) == day).count() as u64;
    let detection_secs = percentile(&detections, 0.5).zip(percentile(&detections, 0.99));
    let body = serde_json::json!({ "day": day, "at": now });
    if deps.store.put_if_absent(&key, body, None).await.is_ok() {
        let pnl = p.equity() - p.day_start_equity;
        let event = Event::DailySummary {
            day: day.clone(),
            pnl,
            copies,
            refusals,
            mode: mode.tier.clone(),
            open_positions: p.open_positions as u64,
            missed,
            detection_secs,
        };
        notify(deps, &format!("summary|{day}"), now, event).await;
    }
    Ok(())
}
