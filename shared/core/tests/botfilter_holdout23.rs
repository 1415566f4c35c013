//! Holdout v23: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout23 --release -- --nocapture`

mod holdout23;

use holdout23::{NOW, holdout23};

#[test]
fn holdout23_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout23();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 5495952 (round 21, tuned on holdouts v1-v22
/// only): 90.6 % (365/403; people 1/218 flagged, bots 148/185, 7 of its 34 hard bots). The 95 %
/// target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.90;
/// 1 of 218 people (0.5 %) was flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout23_wallets_are_judged_within_the_measured_floor() {
    let set = holdout23();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v23", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
