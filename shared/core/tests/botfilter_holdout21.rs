//! Holdout v21: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout21 --release -- --nocapture`

mod holdout21;

use holdout21::{NOW, holdout21};

#[test]
fn holdout21_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout21();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit a39b45c (round 19, tuned on holdouts v1-v20
/// only): 83.7 % (343/410; people 22/224 flagged, bots 141/186, 12 of its 46 hard bots). Round
/// 18, read after, judges every wallet the same. The 95 % target is not met. The floor is that
/// figure rounded down.
const FLOOR: f64 = 0.83;
/// 22 of 224 people (9.8 %) were flagged then, above the 5 % target; the ceiling is the next
/// whole percent.
const PEOPLE_CEILING: f64 = 0.10;

#[test]
fn holdout21_wallets_are_judged_within_the_measured_floor() {
    let set = holdout21();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v21", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
