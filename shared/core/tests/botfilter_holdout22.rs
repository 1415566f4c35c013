//! Holdout v22: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout22 --release -- --nocapture`

mod holdout22;

use holdout22::{NOW, holdout22};

#[test]
fn holdout22_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout22();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 700c7b4 (round 20, tuned on holdouts v1-v21
/// only): 85.2 % (333/391; people 2/200 flagged, bots 135/191, 3 of its 35 hard bots). Read
/// after: round 19 the same, round 18 84.9 %. The 95 % target is not met. The floor is that
/// figure rounded down.
const FLOOR: f64 = 0.85;
/// 2 of 200 people (1.0 %) were flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.02;

#[test]
fn holdout22_wallets_are_judged_within_the_measured_floor() {
    let set = holdout22();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v22", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
