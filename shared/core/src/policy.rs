//! Copy policy: whom we follow and how much of a stake each gets, which markets we touch, and
//! how exits are copied.

use crate::config::{CopyConfig, QualityConfig};
use crate::market::MarketInfo;
use crate::money::Shares;
use crate::records::{Leader, LeaderSet};
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

/// Leaders due to be judged again.
pub fn due_for_rejudge<'a>(cfg: &QualityConfig, set: &'a LeaderSet, now: Timestamp) -> Vec<&'a Leader> {
    set.leaders.iter().filter(|l| (now - l.judged_at).num_seconds() >= cfg.rejudge_every_secs).collect()
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
