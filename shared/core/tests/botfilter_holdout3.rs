//! The bot filter measured on holdout v3 (`tests/holdout3/`): a third independent generator,
//! written and committed before the filter's third round of tuning; a tuning set since round 4.
//!
//! `cargo test -p copycat-core --test botfilter_holdout3 -- --nocapture` prints the figures per
//! behaviour. `COPYCAT_HOLDOUT_VERBOSE=1` adds every misjudged wallet with its reasons: do not
//! read those while tuning, or v3 stops being unseen.
//!
//! Each wallet is judged as discovery judges it: more fills in the window than
//! `discovery.history_limit` is a bot without reading further (`too_busy_to_read`), otherwise
//! `classify_wallet`. A wallet counts as flagged when its verdict is `bot`;
//! `insufficient_data` is not a flag.

mod holdout3;
mod holdout_measure;

use holdout_measure::{assert_within, measure_with_tape};

/// What the filter reached on this holdout, each time measured once: before any tuning against
/// it (the filter of commit c7565ed, measured in d473e95), 79.3 % (257/324; people 1/184
/// flagged, bots 74/140); after the third round of tuning on the other sets only (commit
/// 9b746e0), 82.1 % (266/324; people 1/184, bots 83/140). The target above is not met: an
/// end-of-day rebalancer (one batch a day at a fixed minute), icebergs and liquidity-reward
/// farmers (resting orders filled by the flow, around the clock), copy bots whose only sign is
/// the clock or the stake, and TWAP executors that keep desk hours show one sign or none. The
/// A tuning set since round 4 (commit e852f2b), which reads the markets' trades (the copy bots'
/// leaders are in this set's tape): 98.5 % (people 1/184, bots 136/140). The floor holds that
/// figure; what the filter does on wallets it was not tuned on is holdout v4's first figure.
const MEASURED_ACCURACY_FLOOR: f64 = 0.98;

#[test]
fn holdout3_wallets_are_judged_within_the_measured_floor() {
    let (wallets, tape) = holdout3::holdout3_with_tape();
    let people = wallets.iter().filter(|w| !w.bot).count();
    assert!(
        wallets.len() >= 300 && 2 * people >= wallets.len(),
        "holdout v3 too small or too few people: {} wallets, {people} people",
        wallets.len()
    );
    let labelled = wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    assert_within(&measure_with_tape("holdout v3", &tape, labelled), MEASURED_ACCURACY_FLOOR);
}
