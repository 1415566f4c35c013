//! Messages that travel on the queues: candidates, and notifications for the operator.
//! (Signals are in [`crate::signal`].)

use crate::dependency::Dependency;
use crate::money::Usd;
use crate::records::{LedgerEntry, SignalOutcome};
use crate::time::Timestamp;
use crate::trade::{Side, Wallet};
use serde::{Deserialize, Serialize};

/// Where discovery found a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateSource {
    /// A leaderboard window (`day`, `week`, `month`, `all`).
    Leaderboard(String),
    /// A seed wallet from config.
    Seed,
    /// A followed leader due to be judged again.
    Rejudge,
}

/// A wallet for the bot filter to judge (body of a candidates-queue message).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The wallet.
    pub wallet: Wallet,
    /// Why it is a candidate.
    pub source: CandidateSource,
    /// When discovery queued it.
    pub discovered_at: Timestamp,
}

/// How loud a notification is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Routine.
    Info,
    /// Worth a look.
    Warning,
    /// Act now.
    Critical,
}

/// Something the operator should hear about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A leader trade was copied.
    TradeCopied {
        /// Leader.
        leader: Wallet,
        /// Market title.
        market: String,
        /// Side.
        side: Side,
        /// Average fill price.
        price: rust_decimal::Decimal,
        /// Shares filled.
        shares: rust_decimal::Decimal,
        /// Dollars spent or raised.
        notional: Usd,
    },
    /// A leader trade was not copied, and why.
    TradeRefused {
        /// Leader.
        leader: Wallet,
        /// Market title.
        market: String,
        /// Machine-readable reason code.
        reason: String,
        /// Detail for people.
        detail: String,
    },
    /// A wallet became a followed leader.
    LeaderFollowed {
        /// The wallet.
        wallet: Wallet,
        /// Copyable-edge score (what the followed set ranks by).
        score: f64,
        /// Verdict reasons.
        reasons: Vec<String>,
    },
    /// A leader was dropped.
    LeaderDropped {
        /// The wallet.
        wallet: Wallet,
        /// Why.
        reasons: Vec<String>,
    },
    /// A breaker opened.
    BreakerOpened {
        /// Dependency.
        dependency: Dependency,
        /// Failures that tripped it.
        failures: u32,
        /// Last error seen.
        last_error: String,
    },
    /// A breaker closed after a successful probe.
    BreakerClosed {
        /// Dependency.
        dependency: Dependency,
    },
    /// The trading mode changed.
    ModeChanged {
        /// Old tier.
        from: String,
        /// New tier.
        to: String,
        /// Equity that triggered it.
        balance: Usd,
    },
    /// Drawdown crossed a ladder step.
    DrawdownAlert {
        /// Current drawdown, as a fraction of peak.
        drawdown: f64,
        /// Position multiplier now in force.
        multiplier: rust_decimal::Decimal,
    },
    /// Trading was stopped (kill switch set by an emergency rule or an operator).
    TradingStopped {
        /// Why.
        reason: String,
    },
    /// Equity reached a milestone for the first time.
    MilestoneReached {
        /// The milestone.
        amount: Usd,
        /// Equity at the time.
        equity: Usd,
    },
    /// A health probe failed.
    HealthCheckFailed {
        /// Dependency.
        dependency: Dependency,
        /// Error.
        error: String,
    },
    /// Refused trades over one summary window, counted by reason (one notification per window,
    /// not one per refusal).
    TradesRefused {
        /// Start of the window (inclusive).
        window_start: Timestamp,
        /// End of the window (exclusive).
        window_end: Timestamp,
        /// Refusals in the window.
        total: u64,
        /// Refusals by reason code, most frequent first.
        by_reason: Vec<(String, u64)>,
    },
    /// A market we hold closed without a known winner (every outcome priced 0): the position
    /// is neither settled nor marked until the venue says; reported once per market.
    ResolutionUnknown {
        /// Market title.
        market: String,
        /// Condition id.
        condition_id: String,
        /// Our outcome token in it.
        token_id: String,
    },
    /// A position in a resolved market was redeemed on chain (or, in paper, booked) and its
    /// payout booked once.
    PositionRedeemed {
        /// Market title.
        market: String,
        /// Condition id.
        condition_id: String,
        /// What was booked.
        payout: Usd,
        /// The transaction hash (`None` without a transaction).
        tx: Option<String>,
    },
    /// A redemption that will not complete by itself (reverted, its nonce taken, refused for
    /// the account type): nothing was booked; the operator must act.
    RedemptionFailed {
        /// Market title.
        market: String,
        /// Condition id.
        condition_id: String,
        /// What went wrong and what to do.
        reason: String,
    },
    /// The poller changed where it detects fills: to the Data API while the `chain` breaker is
    /// open, back to the chain once it closes.
    DetectionSwitched {
        /// The source now in use.
        source: crate::records::DetectionSource,
        /// Why.
        reason: String,
    },
    /// A reorg dropped a leader fill whose signal was already queued.
    FillReorged {
        /// Whose fill.
        leader: Wallet,
        /// Token traded.
        token_id: String,
        /// Its transaction hash.
        transaction_hash: String,
        /// True when it had been claimed (copied or being copied): our copy stands without it.
        copied: bool,
    },
    /// The day's result.
    DailySummary {
        /// UTC day, `YYYY-MM-DD`.
        day: String,
        /// PnL over the day.
        pnl: Usd,
        /// Trades copied.
        copies: u64,
        /// Trades refused.
        refusals: u64,
        /// Mode at the end of the day.
        mode: String,
        /// Open positions.
        open_positions: u64,
        /// Leader trades the polls missed that day (found by the reconciliation).
        #[serde(default)]
        missed: u64,
        /// Leader trade → signal queued that day, median and 99th percentile, seconds.
        #[serde(default)]
        detection_secs: Option<(f64, f64)>,
    },
}

/// What kind of event a notification reports: its name in config filters (`kinds`), metrics
/// and records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A leader trade was copied.
    TradeCopied,
    /// A leader trade was refused, with its reason.
    TradeRefused,
    /// A window's refusals, counted by reason.
    TradesRefused,
    /// A wallet is followed.
    LeaderFollowed,
    /// A leader is no longer followed.
    LeaderDropped,
    /// A dependency's breaker opened.
    BreakerOpened,
    /// A dependency's breaker closed again.
    BreakerClosed,
    /// The mode (balance tier) changed.
    ModeChanged,
    /// Drawdown crossed a step of the ladder.
    DrawdownAlert,
    /// Trading was stopped (kill switch).
    TradingStopped,
    /// Equity passed a milestone.
    MilestoneReached,
    /// A health probe failed.
    HealthCheckFailed,
    /// The day's summary.
    DailySummary,
    /// A held market closed without a known winner.
    ResolutionUnknown,
    /// A resolved position was redeemed and its payout booked.
    PositionRedeemed,
    /// A redemption needs the operator.
    RedemptionFailed,
    /// Detection moved between the chain and the Data API.
    DetectionSwitched,
    /// A reorg dropped a leader fill after its signal was queued.
    FillReorged,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 18] = [
        EventKind::TradeCopied,
        EventKind::TradeRefused,
        EventKind::TradesRefused,
        EventKind::LeaderFollowed,
        EventKind::LeaderDropped,
        EventKind::BreakerOpened,
        EventKind::BreakerClosed,
        EventKind::ModeChanged,
        EventKind::DrawdownAlert,
        EventKind::TradingStopped,
        EventKind::MilestoneReached,
        EventKind::HealthCheckFailed,
        EventKind::DailySummary,
        EventKind::ResolutionUnknown,
        EventKind::PositionRedeemed,
        EventKind::RedemptionFailed,
        EventKind::DetectionSwitched,
        EventKind::FillReorged,
    ];

    /// The name, e.g. `trade_copied`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::TradeCopied => "trade_copied",
            EventKind::TradeRefused => "trade_refused",
            EventKind::TradesRefused => "trades_refused",
            EventKind::LeaderFollowed => "leader_followed",
            EventKind::LeaderDropped => "leader_dropped",
            EventKind::BreakerOpened => "breaker_opened",
            EventKind::BreakerClosed => "breaker_closed",
            EventKind::ModeChanged => "mode_changed",
            EventKind::DrawdownAlert => "drawdown_alert",
            EventKind::TradingStopped => "trading_stopped",
            EventKind::MilestoneReached => "milestone_reached",
            EventKind::HealthCheckFailed => "health_check_failed",
            EventKind::DailySummary => "daily_summary",
            EventKind::ResolutionUnknown => "resolution_unknown",
            EventKind::PositionRedeemed => "position_redeemed",
            EventKind::RedemptionFailed => "redemption_failed",
            EventKind::DetectionSwitched => "detection_switched",
            EventKind::FillReorged => "fill_reorged",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Event {
    /// Default severity of the event.
    pub fn severity(&self) -> Severity {
        match self {
            Event::BreakerOpened { .. }
            | Event::TradingStopped { .. }
            | Event::HealthCheckFailed { .. }
            | Event::RedemptionFailed { .. } => Severity::Critical,
            Event::DrawdownAlert { .. }
            | Event::LeaderDropped { .. }
            | Event::ResolutionUnknown { .. }
            | Event::DetectionSwitched { .. }
            | Event::FillReorged { .. } => Severity::Warning,
            _ => Severity::Info,
        }
    }
    /// Its kind.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::TradeCopied { .. } => EventKind::TradeCopied,
            Event::TradeRefused { .. } => EventKind::TradeRefused,
            Event::TradesRefused { .. } => EventKind::TradesRefused,
            Event::LeaderFollowed { .. } => EventKind::LeaderFollowed,
            Event::LeaderDropped { .. } => EventKind::LeaderDropped,
            Event::BreakerOpened { .. } => EventKind::BreakerOpened,
            Event::BreakerClosed { .. } => EventKind::BreakerClosed,
            Event::ModeChanged { .. } => EventKind::ModeChanged,
            Event::DrawdownAlert { .. } => EventKind::DrawdownAlert,
            Event::TradingStopped { .. } => EventKind::TradingStopped,
            Event::MilestoneReached { .. } => EventKind::MilestoneReached,
            Event::HealthCheckFailed { .. } => EventKind::HealthCheckFailed,
            Event::DailySummary { .. } => EventKind::DailySummary,
            Event::ResolutionUnknown { .. } => EventKind::ResolutionUnknown,
            Event::PositionRedeemed { .. } => EventKind::PositionRedeemed,
            Event::RedemptionFailed { .. } => EventKind::RedemptionFailed,
            Event::DetectionSwitched { .. } => EventKind::DetectionSwitched,
            Event::FillReorged { .. } => EventKind::FillReorged,
        }
    }
}

/// A notification on the notifications queue: an id (for de-duplicating redeliveries), when,
/// and the event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// Stable id derived from what caused it, so a re-emitted event has the same id.
    pub id: String,
    /// When it happened.
    pub at: Timestamp,
    /// Severity.
    pub severity: Severity,
    /// What happened.
    pub event: Event,
}

impl Notification {
    /// A notification whose id is derived from `cause` (e.g. a signal key or a transition).
    pub fn new(cause: &str, at: Timestamp, event: Event) -> Self {
        let id = blake3::hash(format!("{}|{}", event.kind(), cause).as_bytes()).to_hex()[..24].to_string();
        Notification { id, at, severity: event.severity(), event }
    }

    /// One line for a terminal or a log.
    pub fn render_line(&self) -> String {
        let body = match &self.event {
            Event::TradeCopied { leader, market, side, price, shares, notional } => {
                format!(
                    "copied {} {} {} sh @ {} ({}) from {}",
                    side.as_str(),
                    market,
                    shares.normalize(),
                    price.normalize(),
                    notional,
                    leader.short()
                )
            }
            Event::TradeRefused { leader, market, reason, detail } => {
                format!("refused {market} from {}: {reason} ({detail})", leader.short())
            }
            Event::LeaderFollowed { wallet, score, reasons } => {
                format!("following {} (copyable edge {score:+.4}): {}", wallet.short(), reasons.join("; "))
            }
            Event::LeaderDropped { wallet, reasons } => format!("dropped {}: {}", wallet.short(), reasons.join("; ")),
            Event::BreakerOpened { dependency, failures, last_error } => {
                format!("breaker OPEN for {dependency} after {failures} failures: {last_error}")
            }
            Event::BreakerClosed { dependency } => format!("breaker CLOSED for {dependency}: probe succeeded"),
            Event::ModeChanged { from, to, balance } => format!("mode {from} → {to} at {balance}"),
            Event::DrawdownAlert { drawdown, multiplier } => {
                format!("drawdown {:.1}%: position multiplier now {}", drawdown * 100.0, multiplier.normalize())
            }
            Event::TradingStopped { reason } => format!("trading STOPPED: {reason}"),
            Event::MilestoneReached { amount, equity } => format!("milestone {amount} reached (equity {equity})"),
            Event::HealthCheckFailed { dependency, error } => format!("health check failed for {dependency}: {error}"),
            Event::TradesRefused { window_start, window_end, total, by_reason } => {
                let reasons: Vec<String> = by_reason.iter().map(|(r, n)| format!("{r} {n}")).collect();
                format!("{total} trades refused {}–{}: {}", window_start.format("%H:%M"), window_end.format("%H:%M"), reasons.join(", "))
            }
            Event::DailySummary { day, pnl, copies, refusals, mode, open_positions, missed, detection_secs } => {
                format!(
                    "{day}: PnL {pnl:+}, {copies} copies, {refusals} refusals, mode {mode}, {open_positions} open positions, {missed} missed trades{}",
                    detection_text(*detection_secs)
                )
            }
            Event::ResolutionUnknown { market, condition_id, .. } => {
                format!("{market} ({condition_id}) closed with every outcome priced 0: resolution unknown, position kept at its last mark")
            }
            Event::PositionRedeemed { market, payout, tx, .. } => match tx {
                Some(tx) => format!("redeemed {market}: {payout} booked (transaction {tx})"),
                None => format!("settled {market}: {payout} booked (no transaction)"),
            },
            Event::RedemptionFailed { market, condition_id, reason } => {
                format!("redemption of {market} ({condition_id}) needs you: {reason}")
            }
            Event::DetectionSwitched { source, reason } => format!("fill detection now from {}: {reason}", detection_source_text(*source)),
            Event::FillReorged { leader, token_id, transaction_hash, copied } => {
                let what = if *copied { "our copy stands (review it)" } else { "its signal will not be copied" };
                format!("a reorg dropped {}'s fill of token {token_id} (tx {transaction_hash}): {what}", leader.short())
            }
        };
        format!("[{}] {} {}", self.at.format("%Y-%m-%d %H:%M:%S"), severity_tag(self.severity), body)
    }
}

fn detection_source_text(s: crate::records::DetectionSource) -> &'static str {
    match s {
        crate::records::DetectionSource::Chain => "the chain",
        crate::records::DetectionSource::DataApi => "the Data API (fallback)",
    }
}

fn severity_tag(s: Severity) -> &'static str {
    match s {
        Severity::Info => "INFO",
        Severity::Warning => "WARN",
        Severity::Critical => "CRIT",
    }
}

/// The last refusal-summary window closed at `now`: `[start, end)`, aligned to multiples of
/// `secs` since the epoch (so hourly windows start on the hour).
pub fn last_closed_window(now: Timestamp, secs: u64) -> (Timestamp, Timestamp) {
    let len = crate::time::secs(secs.max(1)).num_milliseconds();
    let end = now.timestamp_millis().div_euclid(len) * len;
    (crate::time::from_millis(end - len), crate::time::from_millis(end))
}

/// The refused trades of `[start, end)` as one event, counted by reason, most frequent first;
/// None when there were none.
pub fn summarize_refusals<'a>(entries: impl IntoIterator<Item = &'a LedgerEntry>, start: Timestamp, end: Timestamp) -> Option<Event> {
    let mut by_reason: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for e in entries {
        if e.at < start || e.at >= end {
            continue;
        }
        if let SignalOutcome::Refused { reason, .. } = &e.outcome {
            *by_reason.entry(reason.code()).or_insert(0) += 1;
        }
    }
    let total = by_reason.values().sum();
    if total == 0 {
        return None;
    }
    let mut by_reason: Vec<(String, u64)> = by_reason.into_iter().collect();
    by_reason.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(Event::TradesRefused { window_start: start, window_end: end, total, by_reason })
}

#[cfg(test)]
mod refusal_summary_tests {
    use super::*;
    use crate::records::RefusalReason;
    use crate::time::from_secs;

    #[test]
    fn windows_align_to_their_length() {
        let (s, e) = last_closed_window(from_secs(3 * 3600 + 125), 3600);
        assert_eq!((s, e), (from_secs(2 * 3600), from_secs(3 * 3600)));
    }

    #[test]
    fn refusals_are_counted_by_reason_inside_the_window_only() {
        let entry = |at: i64, reason: RefusalReason| -> LedgerEntry {
            serde_json::from_value(serde_json::json!({
                "key": "k", "leader": "0x1111111111111111111111111111111111111111", "token_id": "t",
                "leader_at": from_secs(at), "at": from_secs(at),
                "outcome": { "outcome": "refused", "reason": reason, "detail": "d" },
            }))
            .unwrap()
        };
        let entries = vec![
            entry(3600, RefusalReason::Exposure),
            entry(3700, RefusalReason::KillSwitch),
            entry(3800, RefusalReason::Exposure),
            entry(7200, RefusalReason::Exposure), // next window
            entry(3599, RefusalReason::Exposure), // previous window
        ];
        let Some(Event::TradesRefused { total, by_reason, .. }) = summarize_refusals(&entries, from_secs(3600), from_secs(7200)) else {
            panic!("expected a summary");
        };
        assert_eq!(total, 3);
        assert_eq!(by_reason, [("exposure".to_string(), 2), ("kill_switch".to_string(), 1)]);
        assert!(summarize_refusals(&entries, from_secs(10_800), from_secs(14_400)).is_none());
    }
}

/// `, detection p50 1.0 s / p99 2.9 s`, or nothing when no signal recorded it.
pub fn detection_text(secs: Option<(f64, f64)>) -> String {
    use crate::report::secs_label;
    secs.map(|(p50, p99)| format!(", detection p50 {} / p99 {}", secs_label(Some(p50)), secs_label(Some(p99)))).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_daily_summary_line_reads_money_as_money() {
        let event = Event::DailySummary {
            day: "2026-12-01".into(),
            pnl: Usd(rust_decimal::Decimal::new(1_089_027, 7)),
            copies: 4,
            refusals: 112,
            mode: "MINI".into(),
            open_positions: 2,
            missed: 1,
            detection_secs: Some((1.04, 2.9)),
        };
        let line = Notification::new("summary|2026-12-01", crate::time::from_secs(0), event).render_line();
        assert!(line.contains("PnL +$0.11, 4 copies"), "{line}");
        assert!(line.contains("1 missed trades, detection p50 1.0 s / p99 2.9 s"), "{line}");
        assert!(!line.contains("USD"), "{line}");
    }

    #[test]
    fn every_event_kind_is_named_as_serde_names_it_and_found_by_that_name() {
        for kind in EventKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::Value::String(kind.as_str().into()));
            assert_eq!(EventKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(EventKind::from_name("trade_coppied"), None);
        let names: std::collections::BTreeSet<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), EventKind::ALL.len(), "names are distinct");
    }
}
