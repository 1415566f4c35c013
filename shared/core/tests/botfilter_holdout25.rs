//! Holdout v25: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism).
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

#[allow(dead_code)]
mod holdout_measure;
