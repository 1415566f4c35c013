//! The bot filter measured on holdout v1 (`tests/holdout/`): wallets from a generator of its
//! own, written from descriptions of real behaviour before the filter was re-tuned; a tuning
//! set since the second round.
//!
//! `cargo test -p copycat-core --test botfilter_holdout -- --nocapture` prints the figures
//! (`COPYCAT_HOLDOUT_VERBOSE=1` adds every misjudged wallet with its reasons).
//!
//! A wallet counts as flagged when its verdict is `bot`; `insufficient_data` is not a flag (the
//! handler does not follow it either, but it is not called a bot).

mod holdout;
mod holdout_measure;

use holdout_measure::{Labelled, assert_within, measure};

/// What the filter reached on its first measurement on this holdout, unseen: 92.9 % (274/295;
/// 14 of 15 copy bots and 6 of 20 resolution snipers passed as people). It has been a *tuning*
/// set since (issue 12 part 4, rounds 2 and 3: 99.7 % after round 3), so this floor only catches
/// regressions; what the filter does on wallets it was not tuned on is holdout v3's figure.
const MEASURED_ACCURACY_FLOOR: f64 = 0.92;

#[test]
fn holdout_wallets_are_judged_within_the_targets() {
    let wallets = holdout::holdout();
    assert!(wallets.len() >= 250, "holdout too small: {}", wallets.len());
    let labelled =
        wallets.iter().map(|w| Labelled { wallet: &w.wallet, bot: w.bot, behaviour: w.behaviour, trades: &w.trades, tape: None });
    assert_within(&measure("holdout", labelled, false), MEASURED_ACCURACY_FLOOR);
}
