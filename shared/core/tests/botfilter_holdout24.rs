//! Holdout v24: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout24 --release -- --nocapture`

mod holdout24;

use holdout24::{NOW, holdout24};

#[test]
fn holdout24_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout24();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit fdfdcee (round 22, tuned on holdouts v1-v23
/// only): 91.4 % (381/417; people 2/215 flagged, bots 168/202, none of its 31 hard bots). The
/// 95 % target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.91;
/// 2 of 215 people (0.9 %) were flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout24_wallets_are_judged_within_the_measured_floor() {
    let set = holdout24();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v24", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
