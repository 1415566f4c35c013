//! The bot filter measured on holdout v3 (`tests/holdout3/`): a third independent generator,
//! written and committed before the filter's third round of tuning and never tuned on.
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

use copycat_core::botfilter::{Verdict, classify_wallet, too_busy_to_read};
use copycat_core::config::{BotFilterConfig, DiscoveryConfig};
use std::collections::BTreeMap;

/// The target: at least this share of wallets judged right.
const TARGET_ACCURACY: f64 = 0.95;
/// What the filter reached on this holdout, each time measured once: before any tuning against
/// it (the filter of commit c7565ed, measured in d473e95), 79.3 % (257/324; people 1/184
/// flagged, bots 74/140); after the third round of tuning on the other sets only (commit
/// 9b746e0), 82.1 % (266/324; people 1/184, bots 83/140). The target above is not met: an
/// end-of-day rebalancer (one batch a day at a fixed minute), icebergs and liquidity-reward
/// farmers (resting orders filled by the flow, around the clock), copy bots whose only sign is
/// the clock or the stake, and TWAP executors that keep desk hours show one sign or none. The
/// floor holds the measured figure to catch regressions; raising it needs a change justified
/// on the tuning sets and then a *new* holdout (this one has now been seen).
const MEASURED_ACCURACY_FLOOR: f64 = 0.82;
/// The target: at most this share of people flagged as bots.
const TARGET_HUMAN_FLAG_RATE: f64 = 0.05;

/// What one behaviour's wallets came to.
#[derive(Default)]
struct Tally {
    wallets: usize,
    flagged: usize,
    insufficient: usize,
    too_busy: usize,
    orders: usize,
}

#[test]
fn holdout3_wallets_are_judged_within_the_measured_floor() {
    let wallets = holdout3::holdout3();
    let people = wallets.iter().filter(|w| !w.bot).count();
    assert!(
        wallets.len() >= 300 && 2 * people >= wallets.len(),
        "holdout v3 too small or too few people: {} wallets, {people} people",
        wallets.len()
    );
    let cfg = BotFilterConfig::default();
    let bound = DiscoveryConfig::default().history_limit as usize;
    let verbose = std::env::var_os("COPYCAT_HOLDOUT_VERBOSE").is_some();
    let mut by_behaviour: BTreeMap<(bool, &str), Tally> = BTreeMap::new();
    let (mut right, mut humans, mut humans_flagged, mut bots, mut bots_flagged) = (0, 0, 0, 0, 0);
    for w in &wallets {
        let busy = w.trades.len() > bound;
        let c = if busy { too_busy_to_read(&w.wallet, bound) } else { classify_wallet(&w.wallet, &w.trades, &cfg) };
        let flagged = c.verdict == Verdict::Bot;
        let e = by_behaviour.entry((w.bot, w.behaviour)).or_default();
        e.wallets += 1;
        e.flagged += usize::from(flagged);
        e.insufficient += usize::from(c.verdict == Verdict::InsufficientData);
        e.too_busy += usize::from(busy);
        e.orders += c.features.orders;
        if w.bot {
            bots += 1;
            bots_flagged += usize::from(flagged);
        } else {
            humans += 1;
            humans_flagged += usize::from(flagged);
        }
        right += usize::from(flagged == w.bot);
        if verbose && flagged != w.bot {
            println!("  {} {} judged {:?} score {:.2}: {}", w.wallet, w.behaviour, c.verdict, c.score, c.reasons.join("; "));
        }
    }
    let accuracy = right as f64 / wallets.len() as f64;
    let human_rate = humans_flagged as f64 / humans as f64;
    println!("holdout v3: {} wallets ({humans} people, {bots} bots)", wallets.len());
    for ((bot, behaviour), Tally { wallets: n, flagged, insufficient, too_busy: busy, orders }) in &by_behaviour {
        let label = if *bot { "bot" } else { "human" };
        println!(
            "  {label:<5} {behaviour:<18} {n:>3} wallets, {flagged:>3} flagged bot, {insufficient:>2} insufficient data, {busy:>2} too busy to read, {:>5.0} orders each",
            *orders as f64 / *n as f64
        );
    }
    println!(
        "accuracy {:.1}% (target ≥ {:.0}%), people flagged {humans_flagged}/{humans} = {:.1}% (target ≤ {:.0}%), bots flagged {bots_flagged}/{bots} = {:.1}%",
        accuracy * 100.0,
        TARGET_ACCURACY * 100.0,
        human_rate * 100.0,
        TARGET_HUMAN_FLAG_RATE * 100.0,
        bots_flagged as f64 / bots as f64 * 100.0
    );
    assert!(
        accuracy >= MEASURED_ACCURACY_FLOOR,
        "accuracy {:.1}% below the measured {:.0}% (target {:.0}%)",
        accuracy * 100.0,
        MEASURED_ACCURACY_FLOOR * 100.0,
        TARGET_ACCURACY * 100.0
    );
    assert!(
        human_rate <= TARGET_HUMAN_FLAG_RATE,
        "{:.1}% of people flagged (allowed ≤ {:.0}%)",
        human_rate * 100.0,
        TARGET_HUMAN_FLAG_RATE * 100.0
    );
}
