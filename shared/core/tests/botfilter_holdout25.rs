//! Holdout v25: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout25 --release -- --nocapture`

mod holdout25;

use holdout25::{NOW, holdout25};

#[test]
fn holdout25_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout25();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of round 22 (commit fdfdcee, tuned on holdouts v1-v23
/// only; nothing was tuned on v24 before this): 91.0 % (402/442 = 90.95 %; people 1/233
/// flagged, bots 170/209, none of its 33 hard bots). Read after: rounds 20 and 21 90.7 %. The
/// 95 % target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.90;
/// 1 of 233 people (0.4 %) was flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout25_wallets_are_judged_within_the_measured_floor() {
    let set = holdout25();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v25", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
