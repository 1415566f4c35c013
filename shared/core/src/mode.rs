//! Trading modes: balance tiers with hysteresis.
//!
//! Tiers compare by their explicit ordinal (the older design compared names as strings, so the
//! lowest tier could never upgrade). Upgrade when equity ≥ next tier's minimum × upgrade buffer
//! (and time in tier, profitable streak, drawdown and the daily cap allow); downgrade when
//! equity < current tier's minimum × downgrade buffer. Applying a transition is a conditional
//! write on the mode record's version.

use crate::config::{ModeTier, ModesConfig};
use crate::money::Usd;
use crate::records::ModeState;
use crate::time::{Timestamp, secs};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the mode decision looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioView {
    /// Current equity.
    pub equity: Usd,
    /// Current drawdown from peak (fraction).
    pub drawdown: Decimal,
    /// Consecutive profitable closed positions.
    pub win_streak: u32,
}

/// A decided change of mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeTransition {
    /// Tier left.
    pub from: String,
    /// Tier entered.
    pub to: String,
    /// Why, with the numbers.
    pub reason: String,
    /// The record to write (conditional on the version read).
    pub next: ModeState,
}

/// The first mode record, for a starting balance.
pub fn initial_mode(cfg: &ModesConfig, equity: Usd, now: Timestamp) -> ModeState {
    let t = cfg.tier_for_balance(equity);
    ModeState { tier: t.name.clone(), ordinal: t.ordinal, since: now, day: day_of(now), transitions_today: 0, transitions_total: 0 }
}

/// UTC day of a timestamp, `YYYY-MM-DD`.
pub fn day_of(t: Timestamp) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// The tier a mode record is in (the lowest tier if the record names an unknown one).
pub fn current_tier<'a>(cfg: &'a ModesConfig, state: &ModeState) -> &'a ModeTier {
    cfg.tiers.iter().find(|t| t.ordinal == state.ordinal).unwrap_or(&cfg.tiers[0])
}

/// Decides whether the mode should change now; None when it should not.
pub fn next_mode(cfg: &ModesConfig, current: &ModeState, view: &PortfolioView, now: Timestamp) -> Option<ModeTransition> {
    let tier = current_tier(cfg, current);
    let idx = cfg.tiers.iter().position(|t| t.ordinal == tier.ordinal).unwrap_or(0);
    let today = day_of(now);
    let transitions_today = if current.day == today { current.transitions_today } else { 0 };

    // Downgrade first: it protects money, so neither time in tier nor the daily cap holds it back.
    let floor = tier.min_balance.0 * cfg.downgrade_buffer;
    if idx > 0 && view.equity.0 < floor {
        let target = cfg.tiers[..idx].iter().rev().find(|t| view.equity >= t.min_balance).unwrap_or(&cfg.tiers[0]);
        let reason = format!("equity {} below {} × {} = {}", view.equity, tier.min_balance, cfg.downgrade_buffer, Usd(floor));
        return Some(transition(current, tier, target, reason, now, &today, transitions_today));
    }

    let next = cfg.tiers.get(idx + 1)?;
    let threshold = next.min_balance.0 * cfg.upgrade_buffer;
    if view.equity.0 < threshold {
        return None;
    }
    if now - current.since < secs(cfg.min_secs_in_tier) {
        return None;
    }
    if view.win_streak < cfg.min_profitable_streak {
        return None;
    }
    if view.drawdown >= tier.max_drawdown {
        return None;
    }
    if transitions_today >= cfg.max_transitions_per_day {
        return None;
    }
    let reason = format!("equity {} at or above {} × {} = {}", view.equity, next.min_balance, cfg.upgrade_buffer, Usd(threshold));
    Some(transition(current, tier, next, reason, now, &today, transitions_today))
}

fn transition(
    current: &ModeState,
    from: &ModeTier,
    to: &ModeTier,
    reason: String,
    now: Timestamp,
    today: &str,
    transitions_today: u32,
) -> ModeTransition {
    ModeTransition {
        from: from.name.clone(),
        to: to.name.clone(),
        reason,
        next: ModeState {
            tier: to.name.clone(),
            ordinal: to.ordinal,
            since: now,
            day: today.to_string(),
            transitions_today: transitions_today + 1,
            transitions_total: current.transitions_total + 1,
        },
    }
}

/// The position multiplier the drawdown ladder puts in force, and the step index (0 = none);
/// None once drawdown reaches the tier's maximum (no new buys).
pub fn drawdown_multiplier(tier: &ModeTier, drawdown: Decimal) -> Option<(Decimal, u32)> {
    if drawdown >= tier.max_drawdown {
        return None;
    }
    let mut out = (Decimal::ONE, 0);
    for (i, step) in tier.drawdown_ladder.iter().enumerate() {
        if drawdown >= step.at {
            out = (step.multiplier, i as u32 + 1);
        }
    }
    Some(out)
}

/// The ladder step to record and whether to alert: an alert fires when drawdown reaches a
/// deeper step than any since the last peak, so a drawdown wavering around one step alerts
/// once; back at the peak (no drawdown) the record resets.
pub fn ladder_alert(recorded_step: u32, step: u32, drawdown: Decimal) -> (u32, bool) {
    if drawdown.is_zero() {
        (0, false)
    } else if step > recorded_step {
        (step, true)
    } else {
        (recorded_step, false)
    }
}

/// Whether drawdown has reached the emergency stop.
pub fn emergency_stop(cfg: &ModesConfig, drawdown: Decimal) -> bool {
    drawdown >= cfg.emergency_stop_drawdown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Span, from_secs};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn cfg() -> ModesConfig {
        ModesConfig { min_secs_in_tier: 0, min_profitable_streak: 0, ..ModesConfig::default() }
    }

    fn view(equity: Decimal) -> PortfolioView {
        PortfolioView { equity: Usd(equity), drawdown: Decimal::ZERO, win_streak: 5 }
    }

    #[test]
    fn lowest_tier_can_upgrade() {
        let c = cfg();
        let m = initial_mode(&c, Usd(dec!(10)), from_secs(0));
        assert_eq!(m.tier, "NANO");
        assert_eq!(next_mode(&c, &m, &view(dec!(16.4)), from_secs(10)), None, "15 × 1.10 = 16.5 not reached");
        let t = next_mode(&c, &m, &view(dec!(16.5)), from_secs(10)).unwrap();
        assert_eq!((t.from.as_str(), t.to.as_str()), ("NANO", "MICRO"));
    }

    #[test]
    fn downgrade_only_below_eighty_percent_of_tier_minimum() {
        let c = cfg();
        let m = initial_mode(&c, Usd(dec!(30)), from_secs(0));
        assert_eq!(m.tier, "MINI");
        assert_eq!(next_mode(&c, &m, &view(dec!(20)), from_secs(10)), None, "25 × 0.8 = 20 is inside the band");
        let t = next_mode(&c, &m, &view(dec!(19.99)), from_secs(10)).unwrap();
        assert_eq!(t.to, "MICRO");
    }

    #[test]
    fn crash_downgrades_straight_to_the_matching_tier() {
        let c = cfg();
        let m = initial_mode(&c, Usd(dec!(300)), from_secs(0));
        let t = next_mode(&c, &m, &view(dec!(20)), from_secs(10)).unwrap();
        assert_eq!(t.to, "MICRO");
    }

    #[test]
    fn upgrade_waits_for_time_in_tier_streak_and_daily_cap() {
        let c = ModesConfig { min_secs_in_tier: 3600, min_profitable_streak: 2, max_transitions_per_day: 1, ..ModesConfig::default() };
        let m = initial_mode(&c, Usd(dec!(20)), from_secs(0));
        let rich = PortfolioView { equity: Usd(dec!(28)), drawdown: Decimal::ZERO, win_streak: 2 };
        assert_eq!(next_mode(&c, &m, &rich, from_secs(3599)), None);
        assert_eq!(next_mode(&c, &m, &PortfolioView { win_streak: 1, ..rich.clone() }, from_secs(3600)), None);
        let t = next_mode(&c, &m, &rich, from_secs(3600)).unwrap();
        let richer = PortfolioView { equity: Usd(dec!(60)), ..rich };
        assert_eq!(next_mode(&c, &t.next, &richer, from_secs(3600 * 3)), None, "daily cap of 1 reached");
        assert!(next_mode(&c, &t.next, &richer, from_secs(86_400 + 3600 * 3)).is_some(), "a new UTC day resets the cap");
    }

    #[test]
    fn drawdown_ladder_steps_then_stops_buys() {
        let c = ModesConfig::default();
        let nano = c.tier("NANO").unwrap();
        assert_eq!(drawdown_multiplier(nano, dec!(0.0)), Some((Decimal::ONE, 0)));
        assert_eq!(drawdown_multiplier(nano, dec!(0.12)), Some((dec!(0.75), 1)));
        assert_eq!(drawdown_multiplier(nano, dec!(0.25)), Some((dec!(0.5), 2)));
        assert_eq!(drawdown_multiplier(nano, dec!(0.30)), None);
    }

    #[test]
    fn ladder_alerts_once_per_deeper_step_until_a_new_peak() {
        let mut recorded = 0;
        let mut alerts = 0;
        for (step, dd) in [
            (1, dec!(0.11)),
            (0, dec!(0.05)),
            (1, dec!(0.12)),
            (2, dec!(0.21)),
            (1, dec!(0.15)),
            (2, dec!(0.22)),
            (0, dec!(0)),
            (1, dec!(0.1)),
        ] {
            let (next, alert) = ladder_alert(recorded, step, dd);
            recorded = next;
            alerts += alert as u32;
        }
        assert_eq!(alerts, 3, "step 1, step 2, then step 1 again only after a new peak");
    }

    proptest! {
        /// A balance that wanders anywhere inside the hysteresis band around a tier boundary
        /// never changes the mode, whichever side of the boundary it started on.
        #[test]
        fn modes_never_flap_inside_the_hysteresis_band(
            boundary in 1usize..6,
            start_above in any::<bool>(),
            path in proptest::collection::vec(0u32..=1000, 1..300),
        ) {
            let c = cfg();
            let upper = &c.tiers[boundary];
            let lower = &c.tiers[boundary - 1];
            // band: [upper.min × 0.8, upper.min × 1.1), clipped to lower's own downgrade floor
            let lo = (upper.min_balance.0 * c.downgrade_buffer).max(lower.min_balance.0 * c.downgrade_buffer);
            let hi = upper.min_balance.0 * c.upgrade_buffer;
            let start = if start_above { upper } else { lower };
            let mut m = ModeState { tier: start.name.clone(), ordinal: start.ordinal, since: from_secs(0), day: day_of(from_secs(0)), transitions_today: 0, transitions_total: 0 };
            let mut now = from_secs(0);
            for step in path {
                now += Span::seconds(3600);
                let eq = lo + (hi - lo) * Decimal::from(step) / Decimal::from(1001);
                if let Some(t) = next_mode(&c, &m, &view(eq), now) {
                    // only a lower tier's own downgrade floor may be crossed inside this band
                    prop_assert!(false, "flapped {} → {} at equity {}", t.from, t.to, eq);
                    m = t.next;
                }
            }
        }

        /// On any balance path, every transition is justified by the thresholds.
        #[test]
        fn every_transition_crosses_a_threshold(path in proptest::collection::vec(1u32..3000, 1..200)) {
            let c = cfg();
            let mut m = initial_mode(&c, Usd(dec!(24)), from_secs(0));
            let mut now = from_secs(0);
            for cents in path {
                now += Span::seconds(600);
                let eq = Decimal::from(cents) / dec!(10);
                let before = current_tier(&c, &m).clone();
                if let Some(t) = next_mode(&c, &m, &view(eq), now) {
                    if t.next.ordinal > before.ordinal {
                        let next = c.tiers.iter().find(|x| x.ordinal == t.next.ordinal).unwrap();
                        prop_assert!(eq >= next.min_balance.0 * c.upgrade_buffer);
                    } else {
                        prop_assert!(eq < before.min_balance.0 * c.downgrade_buffer);
                    }
                    m = t.next;
                }
            }
        }
    }
}
