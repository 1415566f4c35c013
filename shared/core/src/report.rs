//! What the operator sees: the history the health check records (one snapshot per check, one
//! settlement record per resolved position), and the figures folded from the ledger page by page
//! — per leader (PnL, copies, refusals, detection latency) and refusals by reason over time.
//!
//! Folding is incremental (`add_*` one record at a time) so a report or `copycat status` reads
//! the ledger in bounded pages and never holds all of it.

use crate::money::{Price, Shares, Usd};
use crate::records::{LedgerEntry, Position, RefusalReason, SignalOutcome};
use crate::store::Key;
use crate::time::{Span, Timestamp};
use crate::trade::{Side, Wallet};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `[report]`: how much history is kept and read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportConfig {
    /// Days a health-check snapshot and a settlement record are kept (the table's TTL).
    pub history_retention_days: u32,
    /// Days of history `copycat report` reads by default (`--days` overrides).
    pub window_days: u32,
    /// Records per state-table read when a report pages through the ledger and the history.
    pub page_size: u32,
    /// Ledger entries a report reads at most (the newest are dropped past it, and the page says so).
    pub max_ledger_entries: u32,
    /// How far back `copycat status` counts refusals by reason, in seconds.
    pub status_refusals_secs: u32,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            history_retention_days: 400,
            window_days: 30,
            page_size: 1000,
            max_ledger_entries: 500_000,
            status_refusals_secs: 3600,
        }
    }
}

impl ReportConfig {
    /// Checks the section; an error names the key and the rule.
    pub fn validate(&self) -> Result<(), crate::config::ConfigError> {
        let bad = |key: &str, rule: &str| Err(crate::config::ConfigError::Invalid { key: format!("report.{key}"), rule: rule.into() });
        if self.history_retention_days == 0 {
            return bad("history_retention_days", "must be at least 1");
        }
        if self.window_days == 0 || self.window_days > self.history_retention_days {
            return bad("window_days", "must be at least 1 and at most history_retention_days");
        }
        // DynamoDB returns at most 1 MB per query page; 1..=10000 keeps a page a sensible size.
        if !(1..=10_000).contains(&self.page_size) {
            return bad("page_size", "must be 1 to 10000");
        }
        if self.max_ledger_entries < self.page_size {
            return bad("max_ledger_entries", "must be at least page_size");
        }
        if self.status_refusals_secs < 60 {
            return bad("status_refusals_secs", "must be at least 60");
        }
        Ok(())
    }
}

/// Partition of the health check's snapshots.
pub const HISTORY_PK: &str = "HISTORY";
/// Partition of the settlement records.
pub const SETTLEMENT_PK: &str = "SETTLEMENT";

/// A time as the 13-digit milliseconds that start time-ordered sort keys.
pub fn millis13(t: Timestamp) -> String {
    format!("{:013}", t.timestamp_millis().max(0))
}

/// `HISTORY` / `<millis>`: one health check's snapshot.
pub fn snapshot_key(at: Timestamp) -> Key {
    Key::new(HISTORY_PK, millis13(at))
}

/// `SETTLEMENT` / `<millis>#<token>`: one position settled at resolution.
pub fn settlement_key(at: Timestamp, token_id: &str) -> Key {
    Key::new(SETTLEMENT_PK, format!("{}#{token_id}", millis13(at)))
}

/// Body of `HISTORY/<millis>`: the portfolio, mode, breakers and followed set as one health
/// check saw them. Consecutive snapshots show the equity curve, mode changes, breaker trips and
/// the followed set's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When.
    pub at: Timestamp,
    /// Cash plus marked positions.
    pub equity: Usd,
    /// Cash.
    pub cash: Usd,
    /// Marked value of open positions.
    pub positions_value: Usd,
    /// Highest equity so far.
    pub peak_equity: Usd,
    /// Fall from peak (fraction).
    pub drawdown: Decimal,
    /// Mode tier in force.
    pub mode: String,
    /// Breaker trips so far, summed over dependencies.
    pub breaker_trips: u64,
    /// Dependencies whose breaker was not closed.
    pub breakers_open: Vec<String>,
    /// Open positions.
    pub open_positions: u32,
    /// Followed leaders, best first.
    pub leaders: Vec<Wallet>,
    /// The kill switch was set.
    pub stopped: bool,
}

/// Body of `SETTLEMENT/<millis>#<token>`: what a resolved position paid, and whose trades built it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    /// Outcome token.
    pub token_id: String,
    /// Market title.
    pub title: String,
    /// Paid per share (1 or 0).
    pub price: Price,
    /// Shares held per leader at settlement.
    pub by_leader: BTreeMap<Wallet, Shares>,
    /// When.
    pub at: Timestamp,
}

impl Settlement {
    /// The settlement record of a position settled at `price`.
    pub fn of(pos: &Position, price: Price, at: Timestamp) -> Settlement {
        Settlement { token_id: pos.token_id.clone(), title: pos.title.clone(), price, by_leader: pos.by_leader.clone(), at }
    }
}

/// One leader's figures: what copying it earned and how.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeaderFigures {
    /// Signals copied.
    pub copies: u64,
    /// Signals refused.
    pub refusals: u64,
    /// Paid for buys, fees included.
    pub bought: Usd,
    /// Received for sells, fees deducted.
    pub sold: Usd,
    /// Paid out at resolution for this leader's shares.
    pub settled: Usd,
    /// This leader's shares in open positions at their marks.
    pub open_value: Usd,
    /// Seconds from the leader's trade to our fill, one per copy.
    pub latencies_secs: Vec<f64>,
    /// Seconds from the leader's trade to our seeing it, one per signal that recorded it.
    pub detection_secs: Vec<f64>,
    /// Trades the polls missed and the reconciliation found.
    pub missed: u64,
}

impl LeaderFigures {
    /// Profit attributed to this leader: received + settled + held − paid.
    pub fn pnl(&self) -> Usd {
        self.sold + self.settled + self.open_value - self.bought
    }
    /// Median detection-to-fill latency, seconds (None without copies).
    pub fn latency_p50_secs(&self) -> Option<f64> {
        percentile(&self.latencies_secs, 0.5)
    }
    /// Detection latency (leader's trade to signal queued) at quantile `p`, seconds.
    pub fn detection_secs_at(&self, p: f64) -> Option<f64> {
        percentile(&self.detection_secs, p)
    }
}

/// A duration in seconds as people read it (`1.2 s`), or `—` when there is no figure.
pub fn secs_label(secs: Option<f64>) -> String {
    secs.map(|s| format!("{s:.1} s")).unwrap_or_else(|| "—".into())
}

/// The `p` quantile (0..=1) of `values` by nearest rank, None when empty.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let idx = ((v.len() as f64 - 1.0) * p.clamp(0.0, 1.0)).round() as usize;
    v.get(idx).copied()
}

/// Ledger, settlements and open positions folded into the figures a report shows.
#[derive(Clone, Debug)]
pub struct LedgerFold {
    /// Refusals are counted in buckets this long.
    pub bucket: Span,
    /// Figures per leader.
    pub leaders: BTreeMap<Wallet, LeaderFigures>,
    /// Refusals per bucket start, by reason.
    pub refusals: BTreeMap<Timestamp, BTreeMap<RefusalReason, u64>>,
    /// Ledger entries folded.
    pub entries: u64,
    /// Copies folded.
    pub copies: u64,
    /// Refusals folded.
    pub refused: u64,
    /// Missed trades folded.
    pub missed: u64,
}

impl LedgerFold {
    /// An empty fold counting refusals in buckets of `bucket` (at least a second).
    pub fn new(bucket: Span) -> LedgerFold {
        LedgerFold {
            bucket: bucket.max(Span::seconds(1)),
            leaders: BTreeMap::new(),
            refusals: BTreeMap::new(),
            entries: 0,
            copies: 0,
            refused: 0,
            missed: 0,
        }
    }

    /// The start of the bucket `at` falls in.
    pub fn bucket_of(&self, at: Timestamp) -> Timestamp {
        let len = self.bucket.num_milliseconds().max(1);
        crate::time::from_millis(at.timestamp_millis().div_euclid(len) * len)
    }

    /// Folds one ledger entry.
    pub fn add(&mut self, e: &LedgerEntry) {
        self.entries += 1;
        let figures = self.leaders.entry(e.leader.clone()).or_default();
        if let Some(d) = e.detection_secs() {
            figures.detection_secs.push(d);
        }
        match &e.outcome {
            SignalOutcome::Copied { fill, side } => {
                self.copies += 1;
                figures.copies += 1;
                let gross = fill.shares * fill.avg_price;
                match side {
                    Side::Buy => figures.bought += gross + fill.fee,
                    Side::Sell => figures.sold += gross - fill.fee,
                }
                figures.latencies_secs.push((fill.at - e.leader_at).num_milliseconds() as f64 / 1000.0);
            }
            SignalOutcome::Refused { reason, .. } => {
                self.refused += 1;
                figures.refusals += 1;
                let bucket = self.bucket_of(e.at);
                *self.refusals.entry(bucket).or_default().entry(*reason).or_insert(0) += 1;
            }
        }
    }

    /// Folds a trade the polls missed.
    pub fn add_missed(&mut self, m: &crate::records::MissedTrade) {
        self.missed += 1;
        self.leaders.entry(m.leader.clone()).or_default().missed += 1;
    }

    /// Folds a settlement: each leader's shares paid out at the settlement price.
    pub fn add_settlement(&mut self, s: &Settlement) {
        for (leader, shares) in &s.by_leader {
            self.leaders.entry(leader.clone()).or_default().settled += *shares * s.price;
        }
    }

    /// Folds an open position: each leader's shares at the position's mark.
    pub fn add_open_position(&mut self, p: &Position) {
        for (leader, shares) in &p.by_leader {
            self.leaders.entry(leader.clone()).or_default().open_value += *shares * p.mark;
        }
    }

    /// Refusals by reason over everything folded, most frequent first.
    pub fn refusals_by_reason(&self) -> Vec<(RefusalReason, u64)> {
        let mut total: BTreeMap<RefusalReason, u64> = BTreeMap::new();
        for by_reason in self.refusals.values() {
            for (r, n) in by_reason {
                *total.entry(*r).or_insert(0) += n;
            }
        }
        let mut v: Vec<_> = total.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Leaders by attributed PnL, best first.
    pub fn leaders_by_pnl(&self) -> Vec<(&Wallet, &LeaderFigures)> {
        let mut v: Vec<_> = self.leaders.iter().collect();
        v.sort_by(|a, b| b.1.pnl().cmp(&a.1.pnl()).then(a.0.cmp(b.0)));
        v
    }
}

/// A followed-set change between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowChange {
    /// When the snapshot that first saw it was taken.
    pub at: Timestamp,
    /// The wallet.
    pub wallet: Wallet,
    /// True: started following; false: stopped.
    pub followed: bool,
}

/// A mode change between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModeMark {
    /// When the snapshot that first saw it was taken.
    pub at: Timestamp,
    /// The tier before.
    pub from: String,
    /// The tier after.
    pub to: String,
}

/// What changed from one snapshot to the next: mode changes, breaker trips (by the trip count
/// rising) and followed-set changes, in time order.
pub fn history_marks(snapshots: &[Snapshot]) -> (Vec<ModeMark>, Vec<(Timestamp, u64)>, Vec<FollowChange>) {
    let (mut modes, mut trips, mut follows) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(first) = snapshots.first() {
        follows.extend(first.leaders.iter().map(|w| FollowChange { at: first.at, wallet: w.clone(), followed: true }));
    }
    for pair in snapshots.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.mode != b.mode {
            modes.push(ModeMark { at: b.at, from: a.mode.clone(), to: b.mode.clone() });
        }
        if b.breaker_trips > a.breaker_trips {
            trips.push((b.at, b.breaker_trips - a.breaker_trips));
        }
        for w in b.leaders.iter().filter(|w| !a.leaders.contains(w)) {
            follows.push(FollowChange { at: b.at, wallet: w.clone(), followed: true });
        }
        for w in a.leaders.iter().filter(|w| !b.leaders.contains(w)) {
            follows.push(FollowChange { at: b.at, wallet: w.clone(), followed: false });
        }
    }
    (modes, trips, follows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Fill;
    use crate::signal::SignalKey;
    use crate::time::from_secs;
    use rust_decimal_macros::dec;

    fn wallet(c: char) -> Wallet {
        Wallet::parse(&format!("0x{}", c.to_string().repeat(40))).unwrap()
    }

    fn copied(leader: &Wallet, side: Side, shares: Decimal, price: Decimal, fee: Decimal, at: i64) -> LedgerEntry {
        LedgerEntry {
            key: SignalKey(format!("k{at}")),
            leader: leader.clone(),
            token_id: "t".into(),
            leader_at: from_secs(at - 2),
            at: from_secs(at),
            outcome: SignalOutcome::Copied {
                fill: Fill { shares: Shares(shares), avg_price: Price(price), fee: Usd(fee), order_id: "o".into(), at: from_secs(at) },
                side,
            },
            seen_at: Some(from_secs(at - 1)),
        }
    }

    fn refused(leader: &Wallet, reason: RefusalReason, at: i64) -> LedgerEntry {
        LedgerEntry {
            key: SignalKey(format!("r{at}")),
            leader: leader.clone(),
            token_id: "t".into(),
            leader_at: from_secs(at),
            at: from_secs(at),
            outcome: SignalOutcome::Refused { reason, detail: String::new() },
            seen_at: None,
        }
    }

    #[test]
    fn a_leaders_pnl_is_what_its_copies_paid_and_earned() {
        let (a, b) = (wallet('a'), wallet('b'));
        let mut fold = LedgerFold::new(Span::hours(1));
        // a: buy 10 @ 0.40 (+0.10 fee), sell 4 @ 0.50 (−0.05 fee), 6 left settle at 1.
        fold.add(&copied(&a, Side::Buy, dec!(10), dec!(0.40), dec!(0.10), 100));
        fold.add(&copied(&a, Side::Sell, dec!(4), dec!(0.50), dec!(0.05), 200));
        fold.add_settlement(&Settlement {
            token_id: "t".into(),
            title: "m".into(),
            price: Price::ONE,
            by_leader: [(a.clone(), Shares(dec!(6)))].into(),
            at: from_secs(300),
        });
        // b: buy 5 @ 0.60, still open, marked at 0.50.
        fold.add(&copied(&b, Side::Buy, dec!(5), dec!(0.60), dec!(0), 150));
        fold.add(&refused(&b, RefusalReason::Exposure, 160));
        fold.add_open_position(&Position {
            token_id: "u".into(),
            condition_id: "c".into(),
            title: "n".into(),
            shares: Shares(dec!(5)),
            cost: Usd(dec!(3)),
            by_leader: [(b.clone(), Shares(dec!(5)))].into(),
            mark: Price(dec!(0.5)),
            realized_pnl: Usd::ZERO,
            opened_at: from_secs(150),
        });
        let fa = &fold.leaders[&a];
        assert_eq!(fa.pnl(), Usd(dec!(1.95) + dec!(6) - dec!(4.10)));
        assert_eq!((fa.copies, fa.refusals), (2, 0));
        assert_eq!(fa.latency_p50_secs(), Some(2.0));
        let fb = &fold.leaders[&b];
        assert_eq!(fb.pnl(), Usd(dec!(-0.5)));
        assert_eq!((fb.copies, fb.refusals), (1, 1));
        let order: Vec<&Wallet> = fold.leaders_by_pnl().into_iter().map(|(w, _)| w).collect();
        assert_eq!(order, [&a, &b]);
    }

    #[test]
    fn refusals_are_counted_by_reason_in_their_time_bucket() {
        let a = wallet('a');
        let mut fold = LedgerFold::new(Span::hours(1));
        fold.add(&refused(&a, RefusalReason::Exposure, 10));
        fold.add(&refused(&a, RefusalReason::Exposure, 3599));
        fold.add(&refused(&a, RefusalReason::KillSwitch, 3600));
        assert_eq!(fold.refusals.len(), 2);
        assert_eq!(fold.refusals[&from_secs(0)][&RefusalReason::Exposure], 2);
        assert_eq!(fold.refusals[&from_secs(3600)][&RefusalReason::KillSwitch], 1);
        assert_eq!(fold.refusals_by_reason(), [(RefusalReason::Exposure, 2), (RefusalReason::KillSwitch, 1)]);
    }

    #[test]
    fn snapshots_show_mode_changes_trips_and_followed_set_changes() {
        let (a, b) = (wallet('a'), wallet('b'));
        let snap = |at: i64, mode: &str, trips: u64, leaders: Vec<Wallet>| Snapshot {
            at: from_secs(at),
            equity: Usd(dec!(24)),
            cash: Usd(dec!(24)),
            positions_value: Usd::ZERO,
            peak_equity: Usd(dec!(24)),
            drawdown: Decimal::ZERO,
            mode: mode.into(),
            breaker_trips: trips,
            breakers_open: vec![],
            open_positions: 0,
            leaders,
            stopped: false,
        };
        let snaps = vec![
            snap(0, "MICRO", 0, vec![a.clone()]),
            snap(300, "MICRO", 2, vec![a.clone(), b.clone()]),
            snap(600, "MINI", 2, vec![b.clone()]),
        ];
        let (modes, trips, follows) = history_marks(&snaps);
        assert_eq!(modes, [ModeMark { at: from_secs(600), from: "MICRO".into(), to: "MINI".into() }]);
        assert_eq!(trips, [(from_secs(300), 2)]);
        assert_eq!(
            follows,
            [
                FollowChange { at: from_secs(0), wallet: a.clone(), followed: true },
                FollowChange { at: from_secs(300), wallet: b, followed: true },
                FollowChange { at: from_secs(600), wallet: a, followed: false },
            ]
        );
    }

    #[test]
    fn report_config_rejects_what_cannot_work() {
        assert!(ReportConfig::default().validate().is_ok());
        let err = ReportConfig { page_size: 0, ..Default::default() }.validate().unwrap_err();
        assert!(err.to_string().contains("report.page_size"), "{err}");
        let err = ReportConfig { window_days: 500, ..Default::default() }.validate().unwrap_err();
        assert!(err.to_string().contains("report.window_days"), "{err}");
    }
}
