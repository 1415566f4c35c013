//! Copyable edge: what copying a leader would have earned *us*, not what the leader earned.
//!
//! The input is one [`CopyRecord`] per market a follower would have copied (from a replay of the
//! leader's trades through the production decision path, or from our own booked copies). The
//! score is the follower's return per dollar copied, shrunk toward zero for few markets (a lower
//! confidence bound), discounted when the profit sits in one or two bets, times how much of the
//! account the leader's copies would use (a small edge over many dollars beats a large edge over
//! a few). Every threshold is a policy in [`SelectionConfig`].

use crate::money::Usd;
use crate::quality::dollars;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// `[selection]`: how leaders are chosen and dropped by their copyable edge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SelectionConfig {
    /// Days of a candidate's history the copyable edge is measured over (the training window).
    pub training_days: u32,
    /// Standard errors subtracted from the mean return per dollar (the lower confidence bound).
    pub confidence_z: f64,
    /// Fewest markets with a copy before a wallet can be followed.
    pub min_markets: u32,
    /// The score (lower-bound return per dollar × turnover) a wallet must reach to be followed.
    pub min_edge: f64,
    /// Share of the positive profit that the two best markets may hold before the edge is
    /// discounted in proportion.
    pub concentration_share: f64,
    /// The account the replay that scores a candidate copies into (dollars): large enough that
    /// the venue minimum does not refuse the copies of a small-staked leader.
    pub scoring_balance: Usd,
    /// Out-of-sample markets (copies made since the leader was followed) needed before a drop on
    /// results is considered.
    pub drop_min_markets: u32,
    /// A followed leader is dropped when its out-of-sample upper confidence bound of the return
    /// per dollar falls below this.
    pub drop_floor: f64,
    /// Detection delay assumed by the replay: leader's trade → our order sent (milliseconds).
    pub detection_delay_ms: u64,
    /// Order round trip assumed by the replay (milliseconds).
    pub order_round_trip_ms: u64,
    /// Half the bid-ask spread, in price units, the price-history fill model adds to a buy and
    /// takes from a sell (no historical books exist).
    pub half_spread: f64,
    /// How long after our arrival a trade on the same side still prices our copy (seconds).
    pub fill_window_secs: u64,
    /// How often the replay looks at the balance tiers, as the health check would (seconds).
    pub replay_mode_every_secs: u64,
    /// Most windows of market trades read to price one candidate's copies (each is a Data API
    /// `/trades` request, from the budget the poller shares): the largest buys get them, the
    /// other copies are priced at the spread.
    pub max_trade_windows: u32,
}

impl Default for SelectionConfig {
    fn default() -> Self {
        SelectionConfig {
            training_days: 21,
            confidence_z: 1.0,
            min_markets: 5,
            min_edge: 0.0,
            concentration_share: 0.6,
            scoring_balance: Usd(rust_decimal::Decimal::new(5000, 0)),
            drop_min_markets: 8,
            drop_floor: 0.0,
            detection_delay_ms: 1000,
            order_round_trip_ms: 120,
            half_spread: 0.01,
            fill_window_secs: 60,
            replay_mode_every_secs: 3600,
            max_trade_windows: 30,
        }
    }
}

impl SelectionConfig {
    /// Checks the section's rules; `Err((key, rule))` names the first broken one.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.training_days == 0 {
            return Err(("selection.training_days", "must be at least 1".into()));
        }
        if !(self.confidence_z.is_finite() && self.confidence_z >= 0.0) {
            return Err(("selection.confidence_z", format!("must be a number ≥ 0, got {}", self.confidence_z)));
        }
        if self.min_markets == 0 {
            return Err(("selection.min_markets", "must be at least 1".into()));
        }
        if !self.min_edge.is_finite() {
            return Err(("selection.min_edge", "must be a number".into()));
        }
        if !(self.concentration_share > 0.0 && self.concentration_share <= 1.0) {
            return Err(("selection.concentration_share", format!("must be in (0, 1], got {}", self.concentration_share)));
        }
        if self.scoring_balance.0 < rust_decimal::Decimal::ONE {
            return Err(("selection.scoring_balance", "must be at least $1".into()));
        }
        if self.drop_min_markets == 0 {
            return Err(("selection.drop_min_markets", "must be at least 1".into()));
        }
        if !self.drop_floor.is_finite() {
            return Err(("selection.drop_floor", "must be a number".into()));
        }
        if !(self.half_spread >= 0.0 && self.half_spread < 0.5) {
            return Err(("selection.half_spread", format!("must be in [0, 0.5), got {}", self.half_spread)));
        }
        Ok(())
    }

    /// Leader's trade → our order at the venue, in milliseconds.
    pub fn latency_ms(&self) -> u64 {
        self.detection_delay_ms.saturating_add(self.order_round_trip_ms)
    }

    /// Leader's trade → our order at the venue.
    pub fn latency(&self) -> crate::time::Span {
        crate::time::millis(self.latency_ms())
    }
}

/// What copying a leader in one market made: money in, money out (sales, settlement, or the
/// mark of what is still held).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CopyRecord {
    /// The market (condition id).
    pub condition_id: String,
    /// Dollars paid for the copies, fees included.
    pub cost: Usd,
    /// Profit: proceeds + settlement + marked value of what is held − cost.
    pub pnl: Usd,
    /// When the first copy filled.
    pub opened_at: Timestamp,
    /// Whether the result is final (sold out or settled) rather than marked.
    pub closed: bool,
}

/// A leader's copyable edge, with the figures behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EdgeScore {
    /// Markets with a copy.
    pub markets: u32,
    /// Dollars copied.
    pub cost: Usd,
    /// Follower profit.
    pub pnl: Usd,
    /// Profit per dollar copied.
    pub per_dollar: f64,
    /// Standard error of `per_dollar` across markets.
    pub std_error: f64,
    /// `per_dollar − z · std_error`.
    pub lower_bound: f64,
    /// Share of the positive profit held by the two best markets.
    pub concentration: f64,
    /// Dollars copied as a share of the scoring account.
    pub turnover: f64,
    /// The score: discounted lower bound × turnover.
    pub score: f64,
}

impl EdgeScore {
    /// `per_dollar + z · std_error`: the most the results say the edge could be.
    pub fn upper_bound(&self, z: f64) -> f64 {
        self.per_dollar + z * self.std_error
    }

    /// The figures as one line for people.
    pub fn describe(&self) -> String {
        format!(
            "copyable edge {:+.4} (lower bound {:+.2}% per dollar over {} markets, {} copied = {:.0}% of the account, best two markets {:.0}% of profit); follower PnL {}",
            self.score,
            self.lower_bound * 100.0,
            self.markets,
            dollars(self.cost.value()),
            self.turnover * 100.0,
            self.concentration * 100.0,
            dollars(self.pnl.value())
        )
    }
}

/// Scores copy results: the lower confidence bound of the return per dollar (markets weighted
/// by dollars copied), discounted when the two best markets hold more than
/// `concentration_share` of the profit, times the turnover against `balance`.
pub fn copyable_edge(records: &[CopyRecord], balance: Usd, cfg: &SelectionConfig) -> EdgeScore {
    let costs: Vec<f64> = records.iter().map(|r| r.cost.to_f64().max(0.0)).collect();
    let pnls: Vec<f64> = records.iter().map(|r| r.pnl.to_f64()).collect();
    let total_cost: f64 = costs.iter().sum();
    let total_pnl: f64 = pnls.iter().sum();
    let n = records.len();
    let per_dollar = if total_cost > 0.0 { total_pnl / total_cost } else { 0.0 };
    // Weighted variance of per-market returns; the effective count (Kish) shrinks the bound
    // when a few markets carry most of the dollars.
    let (mut var, mut w2) = (0.0, 0.0);
    for (c, p) in costs.iter().zip(&pnls) {
        if *c > 0.0 {
            let w = c / total_cost;
            var += w * (p / c - per_dollar).powi(2);
            w2 += w * w;
        }
    }
    let n_eff = if w2 > 0.0 { 1.0 / w2 } else { 0.0 };
    // With one market there is no spread to measure: treat its own size as the uncertainty.
    let std_error = if n_eff > 1.0 { (var / (n_eff - 1.0)).sqrt() } else { per_dollar.abs().max(1.0) };
    let lower_bound = per_dollar - cfg.confidence_z * std_error;
    let mut gains: Vec<f64> = pnls.iter().copied().filter(|p| *p > 0.0).collect();
    gains.sort_by(|a, b| b.total_cmp(a));
    let positive: f64 = gains.iter().sum();
    let concentration = if positive > 0.0 { gains.iter().take(2).sum::<f64>() / positive } else { 0.0 };
    let discount = if concentration > cfg.concentration_share { cfg.concentration_share / concentration } else { 1.0 };
    let turnover = if balance.to_f64() > 0.0 { total_cost / balance.to_f64() } else { 0.0 };
    let discounted = if lower_bound > 0.0 { lower_bound * discount } else { lower_bound };
    EdgeScore {
        markets: n as u32,
        cost: Usd(rust_decimal::Decimal::from_f64_retain(total_cost).unwrap_or_default().round_dp(2)),
        pnl: records.iter().map(|r| r.pnl).sum(),
        per_dollar,
        std_error,
        lower_bound,
        concentration,
        turnover,
        score: discounted * turnover,
    }
}

/// Whether an edge is good enough to follow, with the reasons in numbers.
pub fn judge_edge(edge: &EdgeScore, cfg: &SelectionConfig) -> (bool, Vec<String>) {
    if edge.markets < cfg.min_markets {
        return (
            false,
            vec![format!(
                "copies in {} markets over the training window, fewer than {} to judge a copyable edge",
                edge.markets, cfg.min_markets
            )],
        );
    }
    if edge.score <= cfg.min_edge {
        return (false, vec![format!("{}: not above the minimum {:+.3}", edge.describe(), cfg.min_edge)]);
    }
    (true, vec![edge.describe()])
}

/// Whether a followed leader's out-of-sample copy results say to drop it: enough markets, and
/// even the optimistic bound of the return per dollar is below the floor.
pub fn drop_on_results(out_of_sample: &EdgeScore, cfg: &SelectionConfig) -> Option<String> {
    let upper = out_of_sample.upper_bound(cfg.confidence_z);
    (out_of_sample.markets >= cfg.drop_min_markets && upper < cfg.drop_floor).then(|| {
        format!(
            "our copies since following lost: {:+.1}% per dollar over {} markets (at best {:+.1}%, floor {:+.1}%), follower PnL {}",
            out_of_sample.per_dollar * 100.0,
            out_of_sample.markets,
            upper * 100.0,
            cfg.drop_floor * 100.0,
            dollars(out_of_sample.pnl.value())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_secs;
    use rust_decimal::Decimal;

    fn rec(i: u32, cost: i64, pnl: i64) -> CopyRecord {
        CopyRecord {
            condition_id: format!("0xm{i}"),
            cost: Usd(Decimal::new(cost, 0)),
            pnl: Usd(Decimal::new(pnl, 0)),
            opened_at: from_secs(i64::from(i)),
            closed: true,
        }
    }

    fn balance() -> Usd {
        Usd(Decimal::new(1000, 0))
    }

    #[test]
    fn steady_small_wins_score_above_one_lucky_bet() {
        let cfg = SelectionConfig::default();
        let steady: Vec<_> = (0..12).map(|i| rec(i, 50, if i % 4 == 0 { -10 } else { 8 })).collect();
        let mut lucky: Vec<_> = (0..11).map(|i| rec(i, 50, -20)).collect();
        lucky.push(rec(99, 50, 400));
        let s = copyable_edge(&steady, balance(), &cfg);
        let l = copyable_edge(&lucky, balance(), &cfg);
        assert!(l.per_dollar > s.per_dollar, "the lucky wallet made more per dollar: {l:?} vs {s:?}");
        assert!(s.score > 0.0 && judge_edge(&s, &cfg).0, "{s:?}");
        assert!(l.score < s.score, "but its edge is one bet: {l:?}");
        assert!(!judge_edge(&l, &cfg).0);
        assert!(l.concentration > 0.99);
    }

    #[test]
    fn the_same_edge_over_more_copyable_volume_scores_higher() {
        let cfg = SelectionConfig::default();
        let small: Vec<_> = (0..10).map(|i| rec(i, 10, if i % 3 == 0 { -1 } else { 2 })).collect();
        let big: Vec<_> = (0..10).map(|i| rec(i, 100, if i % 3 == 0 { -10 } else { 20 })).collect();
        let (s, b) = (copyable_edge(&small, balance(), &cfg), copyable_edge(&big, balance(), &cfg));
        assert!((s.per_dollar - b.per_dollar).abs() < 1e-12);
        assert!(b.score > s.score * 9.0, "{b:?} vs {s:?}");
    }

    #[test]
    fn too_few_markets_cannot_be_judged_and_say_so() {
        let cfg = SelectionConfig { min_markets: 5, ..SelectionConfig::default() };
        let few: Vec<_> = (0..4).map(|i| rec(i, 50, 10)).collect();
        let (passes, reasons) = judge_edge(&copyable_edge(&few, balance(), &cfg), &cfg);
        assert!(!passes);
        assert!(reasons[0].contains("4 markets") && reasons[0].contains("fewer than 5"), "{reasons:?}");
    }

    #[test]
    fn a_leader_is_dropped_only_when_enough_results_are_clearly_bad() {
        let cfg = SelectionConfig { drop_min_markets: 8, ..SelectionConfig::default() };
        let faded: Vec<_> = (0..8).map(|i| rec(i, 50, if i == 0 { 2 } else { -12 })).collect();
        let too_soon: Vec<_> = (0..7).map(|i| rec(i, 50, -12)).collect();
        let unlucky: Vec<_> = (0..9).map(|i| rec(i, 50, if i % 2 == 0 { 30 } else { -32 })).collect();
        let why = drop_on_results(&copyable_edge(&faded, balance(), &cfg), &cfg).expect("faded leader dropped");
        assert!(why.contains("8 markets"), "{why}");
        assert_eq!(drop_on_results(&copyable_edge(&too_soon, balance(), &cfg), &cfg), None, "7 markets are too few");
        assert_eq!(drop_on_results(&copyable_edge(&unlucky, balance(), &cfg), &cfg), None, "noisy results are not proof");
    }

    #[test]
    fn bad_selection_settings_name_their_key() {
        let bad = SelectionConfig { concentration_share: 0.0, ..SelectionConfig::default() };
        assert_eq!(bad.check().unwrap_err().0, "selection.concentration_share");
        let bad = SelectionConfig { half_spread: 0.7, ..SelectionConfig::default() };
        assert_eq!(bad.check().unwrap_err().0, "selection.half_spread");
        assert!(SelectionConfig::default().check().is_ok());
    }
}
