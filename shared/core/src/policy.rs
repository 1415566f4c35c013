//! Copy policy: whom we follow and how much of a stake each gets, which markets we touch, and
//! how exits are copied.

use crate::botfilter::{Classification, Verdict};
use crate::config::{CopyConfig, QualityConfig};
use crate::edge::{EdgeScore, SelectionConfig, judge_edge};
use crate::market::MarketInfo;
use crate::money::Shares;
use crate::quality::QualityReport;
use crate::records::{Leader, LeaderSet, TraderStatus};
use crate::time::Timestamp;
use crate::trade::Wallet;
use rust_decimal::Decimal;

/// Allocation share of a leader ranked `rank` (1-based) by quality.
pub fn allocation_for_rank(cfg: &CopyConfig, rank: u32) -> Decimal {
    cfg.allocation_tiers.iter().find(|t| rank <= t.up_to_rank).map(|t| t.share).unwrap_or(cfg.default_share)
}

/// Sorts a set best-first and re-assigns allocation shares by rank.
pub fn rerank(cfg: &CopyConfig, set: &mut LeaderSet) {
    set.leaders.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal).then_with(|| a.wallet.cmp(&b.wallet)));
    for (i, l) in set.leaders.iter_mut().enumerate() {
        l.allocation = allocation_for_rank(cfg, i as u32 + 1);
    }
}

/// What admitting a judged, passing wallet does to the followed set.
#[derive(Clone, Debug, PartialEq)]
pub enum Admit {
    /// Followed; `replaced` was dropped to make room (it ranked lowest and below the newcomer).
    Followed {
        /// The next set.
        set: LeaderSet,
        /// A leader dropped for a better one.
        replaced: Option<Wallet>,
    },
    /// Already followed: scores refreshed.
    Refreshed {
        /// The next set.
        set: LeaderSet,
    },
    /// The set is full of better leaders.
    Full,
}

/// Admits a passing wallet into the followed set, keeping at most `max_leaders`, best-first.
pub fn admit_leader(cfg: &CopyConfig, set: &LeaderSet, wallet: &Wallet, score: f64, roi: f64, now: Timestamp) -> Admit {
    let mut next = set.clone();
    if let Some(l) = next.leaders.iter_mut().find(|l| &l.wallet == wallet) {
        l.score = score;
        l.roi = roi;
        l.judged_at = now;
        rerank(cfg, &mut next);
        return Admit::Refreshed { set: next };
    }
    let entry = Leader { wallet: wallet.clone(), score, roi, allocation: Decimal::ZERO, since: now, judged_at: now };
    if (next.leaders.len() as u32) < cfg.max_leaders {
        next.leaders.push(entry);
        rerank(cfg, &mut next);
        return Admit::Followed { set: next, replaced: None };
    }
    rerank(cfg, &mut next);
    let worst = next.leaders.last().map(|l| (l.wallet.clone(), l.score));
    match worst {
        Some((w, s)) if score > s => {
            next.leaders.pop();
            next.leaders.push(entry);
            rerank(cfg, &mut next);
            Admit::Followed { set: next, replaced: Some(w) }
        }
        _ => Admit::Full,
    }
}

/// Removes a leader from the set; None if it was not there.
pub fn drop_leader(cfg: &CopyConfig, set: &LeaderSet, wallet: &Wallet) -> Option<LeaderSet> {
    set.get(wallet)?;
    let mut next = set.clone();
    next.leaders.retain(|l| &l.wallet != wallet);
    rerank(cfg, &mut next);
    Some(next)
}

/// Whether a judged wallet may be followed, with the reasons recorded on its profile.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateVerdict {
    /// A human whose quality passes.
    pub passes: bool,
    /// Why, for people, with the numbers.
    pub reasons: Vec<String>,
}

/// The bot filter's judgement of a wallet: a human whose quality passes may be followed; a bot,
/// a wallet with too little history, or a human below the quality floors may not.
pub fn judge_candidate(classification: &Classification, quality: &QualityReport) -> CandidateVerdict {
    let mut reasons = Vec::new();
    let passes = match classification.verdict {
        Verdict::Bot => {
            reasons.extend(classification.reasons.iter().cloned());
            false
        }
        Verdict::InsufficientData => {
            reasons.push("insufficient data to judge".into());
            reasons.extend(classification.reasons.iter().cloned());
            false
        }
        Verdict::Human if !quality.passes => {
            reasons.extend(quality.reasons.iter().cloned());
            false
        }
        Verdict::Human => {
            reasons.push(format!("human (bot score {:.2}); quality {:.2}", classification.score, quality.score));
            true
        }
    };
    CandidateVerdict { passes, reasons }
}

/// The bot filter's judgement of a wallet by what copying it would have earned us: a human
/// whose copyable edge passes (and, if followed, whose copies since have not clearly lost) may be
/// followed; a bot, a wallet with too little history, or one whose copies would not pay may not.
pub fn judge_copyable(
    classification: &Classification,
    edge: Option<&EdgeScore>,
    dropped_on_results: Option<String>,
    cfg: &SelectionConfig,
) -> CandidateVerdict {
    let mut reasons = Vec::new();
    let passes = match (classification.verdict, edge) {
        (Verdict::Bot, _) => {
            reasons.extend(classification.reasons.iter().cloned());
            false
        }
        (Verdict::InsufficientData, _) | (Verdict::Human, None) => {
            reasons.push("insufficient data to judge".into());
            reasons.extend(classification.reasons.iter().cloned());
            false
        }
        (Verdict::Human, Some(edge)) => {
            let (passes, why) = judge_edge(edge, cfg);
            if let Some(drop) = dropped_on_results {
                reasons.push(drop);
                reasons.extend(why);
                false
            } else {
                if passes {
                    reasons.push(format!("human (bot score {:.2})", classification.score));
                }
                reasons.extend(why);
                passes
            }
        }
    };
    CandidateVerdict { passes, reasons }
}

/// What judging a wallet does to the followed set and to the wallet's standing.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowChange {
    /// The followed set to write; `None` when it stays as it is.
    pub set: Option<LeaderSet>,
    /// Where the judged wallet stands now.
    pub status: TraderStatus,
    /// The wallet is newly followed.
    pub newly_followed: bool,
    /// Leaders that left the set, each with why: the judged wallet itself when it no longer
    /// passes, or the leader it replaced.
    pub dropped: Vec<(Wallet, Vec<String>)>,
}

/// Applies a verdict on `wallet` (scored `score`, realised return `roi`) to the followed set
/// `set`: a passing wallet is admitted (replacing the worst leader if it is better and the set
/// is full), a failing one that was followed is dropped.
pub fn follow_change(
    cfg: &CopyConfig,
    set: &LeaderSet,
    wallet: &Wallet,
    verdict: &CandidateVerdict,
    score: f64,
    roi: f64,
    now: Timestamp,
) -> FollowChange {
    let unchanged = |status| FollowChange { set: None, status, newly_followed: false, dropped: vec![] };
    if !verdict.passes {
        return match drop_leader(cfg, set, wallet) {
            Some(next) => FollowChange {
                set: Some(next),
                status: TraderStatus::Dropped,
                newly_followed: false,
                dropped: vec![(wallet.clone(), verdict.reasons.clone())],
            },
            None => unchanged(TraderStatus::Rejected),
        };
    }
    match admit_leader(cfg, set, wallet, score, roi, now) {
        Admit::Followed { set, replaced } => FollowChange {
            set: Some(set),
            status: TraderStatus::Followed,
            newly_followed: true,
            dropped: replaced.into_iter().map(|w| (w, vec![format!("replaced by a better leader {}", wallet.short())])).collect(),
        },
        Admit::Refreshed { set } => FollowChange { set: Some(set), ..unchanged(TraderStatus::Followed) },
        Admit::Full => unchanged(TraderStatus::Approved),
    }
}

/// Leaders due to be judged again.
pub fn due_for_rejudge<'a>(cfg: &QualityConfig, set: &'a LeaderSet, now: Timestamp) -> Vec<&'a Leader> {
    set.leaders.iter().filter(|l| now - l.judged_at >= crate::time::secs(cfg.rejudge_every_secs)).collect()
}

/// Why a market is excluded by the filters, if it is.
pub fn market_filter(cfg: &CopyConfig, m: &MarketInfo) -> Option<String> {
    let cat = m.category.to_ascii_lowercase();
    if !cfg.allow_markets.is_empty() && !cfg.allow_markets.iter().any(|x| x == &m.condition_id) {
        return Some("market not in copy.allow_markets".into());
    }
    if cfg.deny_markets.iter().any(|x| x == &m.condition_id) {
        return Some("market in copy.deny_markets".into());
    }
    if !cfg.allow_categories.is_empty() && !cfg.allow_categories.iter().any(|c| c.to_ascii_lowercase() == cat) {
        return Some(format!("category `{}` not in copy.allow_categories", m.category));
    }
    if cfg.deny_categories.iter().any(|c| c.to_ascii_lowercase() == cat) {
        return Some(format!("category `{}` in copy.deny_categories", m.category));
    }
    None
}

/// The share of our holding to sell when a leader sells `sold` out of `held_before`:
/// a leader selling 40 % of their position sells 40 % of ours. Clamped to [0, 1].
pub fn exit_fraction(sold: Shares, held_before: Shares) -> Decimal {
    if !held_before.is_positive() {
        return Decimal::ONE;
    }
    (sold.0 / held_before.0).clamp(Decimal::ZERO, Decimal::ONE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_secs;
    use rust_decimal_macros::dec;

    fn w(n: u8) -> Wallet {
        Wallet::parse(&format!("0x{:040x}", n)).unwrap()
    }

    #[test]
    fn the_set_fills_best_first_and_replaces_the_worst() {
        let cfg = CopyConfig { max_leaders: 2, ..CopyConfig::default() };
        let mut set = LeaderSet::default();
        for (n, score) in [(1, 0.5), (2, 0.9)] {
            match admit_leader(&cfg, &set, &w(n), score, 0.1, from_secs(0)) {
                Admit::Followed { set: s, .. } => set = s,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(set.leaders[0].wallet, w(2));
        assert_eq!(admit_leader(&cfg, &set, &w(3), 0.4, 0.1, from_secs(0)), Admit::Full);
        let Admit::Followed { set, replaced } = admit_leader(&cfg, &set, &w(4), 0.7, 0.1, from_secs(0)) else { panic!() };
        assert_eq!(replaced, Some(w(1)));
        assert_eq!(set.leaders.iter().map(|l| l.wallet.clone()).collect::<Vec<_>>(), vec![w(2), w(4)]);
    }

    fn passing(passes: bool) -> CandidateVerdict {
        CandidateVerdict { passes, reasons: vec![if passes { "good".into() } else { "quality below floor".into() }] }
    }

    #[test]
    fn a_failing_leader_is_dropped_with_its_reasons_and_a_failing_stranger_is_only_rejected() {
        let cfg = CopyConfig::default();
        let followed = follow_change(&cfg, &LeaderSet::default(), &w(1), &passing(true), 0.8, 0.2, from_secs(0));
        assert_eq!((followed.status, followed.newly_followed), (TraderStatus::Followed, true));
        let set = followed.set.expect("the set changes");
        let dropped = follow_change(&cfg, &set, &w(1), &passing(false), 0.1, -0.2, from_secs(60));
        assert_eq!(dropped.status, TraderStatus::Dropped);
        assert_eq!(dropped.dropped, vec![(w(1), vec!["quality below floor".to_string()])]);
        assert!(dropped.set.expect("the set changes").leaders.is_empty());
        let stranger = follow_change(&cfg, &set, &w(2), &passing(false), 0.1, -0.2, from_secs(60));
        assert_eq!((stranger.status, stranger.set, stranger.dropped.len()), (TraderStatus::Rejected, None, 0));
        let again = follow_change(&cfg, &set, &w(1), &passing(true), 0.9, 0.3, from_secs(60));
        assert_eq!((again.status, again.newly_followed), (TraderStatus::Followed, false), "a re-judged leader is refreshed");
    }

    #[test]
    fn a_better_newcomer_replaces_the_worst_leader_of_a_full_set_and_says_so() {
        let cfg = CopyConfig { max_leaders: 1, ..CopyConfig::default() };
        let set = follow_change(&cfg, &LeaderSet::default(), &w(1), &passing(true), 0.5, 0.1, from_secs(0)).set.unwrap();
        let worse = follow_change(&cfg, &set, &w(2), &passing(true), 0.4, 0.1, from_secs(0));
        assert_eq!((worse.status, worse.set), (TraderStatus::Approved, None), "approved but the set is full of better leaders");
        let better = follow_change(&cfg, &set, &w(3), &passing(true), 0.9, 0.1, from_secs(0));
        assert_eq!(better.status, TraderStatus::Followed);
        assert_eq!(better.dropped.len(), 1);
        assert_eq!(better.dropped[0].0, w(1));
        assert!(better.dropped[0].1[0].starts_with("replaced by a better leader"), "{:?}", better.dropped);
    }

    #[test]
    fn best_leaders_get_the_larger_share() {
        let cfg = CopyConfig::default();
        assert_eq!(allocation_for_rank(&cfg, 1), dec!(1.0));
        assert_eq!(allocation_for_rank(&cfg, 3), dec!(0.7));
        assert_eq!(allocation_for_rank(&cfg, 9), dec!(0.4));
    }

    #[test]
    fn exits_are_proportional() {
        assert_eq!(exit_fraction(Shares(dec!(40)), Shares(dec!(100))), dec!(0.4));
        assert_eq!(exit_fraction(Shares(dec!(140)), Shares(dec!(100))), dec!(1));
    }
}
