//! Holdout v20: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout20 --release -- --nocapture`

mod holdout20;

use holdout20::{NOW, holdout20};

#[test]
fn holdout20_is_well_formed() {
    holdout_measure::assert_well_formed(NOW, 420_000, || {
        let h = holdout20();
        (h.wallets.into_iter().map(|w| (w.wallet, w.bot, w.behaviour, w.trades)).collect(), h.tape)
    });
}

mod holdout_measure;

/// Measured once unseen with the filter of commit a698a69 (round 18, tuned on holdouts v1-v19
/// only): 86.9 % (338/389 = 86.89 %; people 5/205 flagged, bots 138/184, 13 of its 44 hard
/// bots). The 95 % target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.86;
/// 5 of 205 people (2.4 %) were flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.03;

#[test]
fn holdout20_wallets_are_judged_within_the_measured_floor() {
    let set = holdout20();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v20", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
