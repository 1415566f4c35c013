//! Holdout v19: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout19 --release -- --nocapture`

mod holdout19;

use holdout19::{NOW, holdout19};

#[test]
fn holdout19_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout19();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 61cfd1f (round 17, tuned on holdouts v1-v17
/// only; v18 was measured with it, not tuned on): 90.6 % (397/438 = 90.64 %; people 0/222
/// flagged, bots 175/216, 17 of its 50 hard bots). The 95 % target is not met. The floor is
/// that figure rounded down.
const FLOOR: f64 = 0.90;
/// No person was flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout19_wallets_are_judged_within_the_measured_floor() {
    let set = holdout19();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v19", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
