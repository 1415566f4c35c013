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
        /// Quality score.
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
    },
}

impl Event {
    /// Every kind name, as used in config filters.
    pub const KINDS: [&'static str; 13] = [
        "trade_copied",
        "trade_refused",
        "trades_refused",
        "leader_followed",
        "leader_dropped",
        "breaker_opened",
        "breaker_closed",
        "mode_changed",
        "drawdown_alert",
        "trading_stopped",
        "milestone_reached",
        "health_check_failed",
        "daily_summary",
    ];

    /// Default severity of the event.
    pub fn severity(&self) -> Severity {
        match self {
            Event::BreakerOpened { .. } | Event::TradingStopped { .. } | Event::HealthCheckFailed { .. } => Severity::Critical,
            Event::DrawdownAlert { .. } | Event::LeaderDropped { .. } => Severity::Warning,
            _ => Severity::Info,
        }
    }
    /// Kind name, as used in config filters.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::TradeCopied { .. } => "trade_copied",
            Event::TradeRefused { .. } => "trade_refused",
            Event::LeaderFollowed { .. } => "leader_followed",
            Event::LeaderDropped { .. } => "leader_dropped",
            Event::BreakerOpened { .. } => "breaker_opened",
            Event::BreakerClosed { .. } => "breaker_closed",
            Event::ModeChanged { .. } => "mode_changed",
            Event::DrawdownAlert { .. } => "drawdown_alert",
            Event::TradingStopped { .. } => "trading_stopped",
            Event::MilestoneReached { .. } => "milestone_reached",
            Event::HealthCheckFailed { .. } => "health_check_failed",
            Event::TradesRefused { .. } => "trades_refused",
            Event::DailySummary { .. } => "daily_summary",
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
                format!("following {} (score {score:.2}): {}", wallet.short(), reasons.join("; "))
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
            Event::DailySummary { day, pnl, copies, refusals, mode, open_positions } => {
                format!("{day}: PnL {pnl}, {copies} copies, {refusals} refusals, mode {mode}, {open_positions} open positions")
            }
        };
        format!("[{}] {} {}", self.at.format("%Y-%m-%d %H:%M:%S"), severity_tag(self.severity), body)
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
pub fn last_closed_window(now: Timestamp, secs: i64) -> (Timestamp, Timestamp) {
    let len = secs.max(1) * 1000;
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
