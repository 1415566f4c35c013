//! The bot filter measured on holdout v2 (`tests/holdout2/`): a second independent generator,
//! written and committed before the filter's second round of tuning, a tuning set since the
//! third.
//!
//! `cargo test -p copycat-core --test botfilter_holdout2 -- --nocapture` prints the figures per
//! behaviour. `COPYCAT_HOLDOUT_VERBOSE=1` adds every misjudged wallet with its reasons.
//!
//! Each wallet is judged as discovery judges it: more fills in the window than
//! `discovery.history_limit` is a bot without reading further (`too_busy_to_read`), otherwise
//! `classify_wallet`. A wallet counts as flagged when its verdict is `bot`;
//! `insufficient_data` is not a flag.

mod holdout2;
mod holdout_measure;

use holdout_measure::{Labelled, assert_within, measure};

/// What the filter reached on this holdout. Measured twice while unseen, each time once: before
/// any tuning against it, 90.1 % (302/335; people 4/190 flagged), and after the second round of
/// tuning on the other sets (commit "Bot filter: copy bots and sparse resolution snipers"),
/// 90.1 % again (302/335; people 5/190, bots 117/145). It has been a *tuning* set since (issue
/// 12 part 4, round 3: TWAP executors, fraction copiers and in-play bettors were fixed on it):
/// after that round 97.6 % (327/335; people 0/190). The floor holds that figure to catch
/// regressions; it says nothing about wallets the filter was not tuned on (holdout v3 does).
const MEASURED_ACCURACY_FLOOR: f64 = 0.97;

#[test]
fn holdout2_wallets_are_judged_within_the_measured_floor() {
    let wallets = holdout2::holdout2();
    let people = wallets.iter().filter(|w| !w.bot).count();
    assert!(
        wallets.len() >= 300 && 2 * people >= wallets.len(),
        "holdout v2 too small or too few people: {} wallets, {people} people",
        wallets.len()
    );
    let labelled =
        wallets.iter().map(|w| Labelled { wallet: &w.wallet, bot: w.bot, behaviour: w.behaviour, trades: &w.trades, tape: None });
    assert_within(&measure("holdout v2", labelled, true), MEASURED_ACCURACY_FLOOR);
}
