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

use copycat_core::botfilter::{Verdict, classify_wallet, too_busy_to_read};
use copycat_core::config::{BotFilterConfig, DiscoveryConfig};
use std::collections::BTreeMap;

/// The target: at least this share of wallets judged right.
const TARGET_ACCURACY: f64 = 0.95;
/// What the filter reached on this holdout. Measured twice while unseen, each time once: before
/// any tuning against it, 90.1 % (302/335; people 4/190 flagged), and after the second round of
/// tuning on the other sets (commit "Bot filter: copy bots and sparse resolution snipers"),
/// 90.1 % again (302/335; people 5/190, bots 117/145). It has been a *tuning* set since (issue
/// 12 part 4, round 3: TWAP executors, fraction copiers and in-play bettors were fixed on it):
/// after that round 97.6 % (327/335; people 0/190). The floor holds that figure to catch
/// regressions; it says nothing about wallets the filter was not tuned on (holdout v3 does).
const MEASURED_ACCURACY_FLOOR: f64 = 0.97;
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
fn holdout2_wallets_are_judged_within_the_measured_floor() {
    let wallets = holdout2::holdout2();
    let people = wallets.iter().filter(|w| !w.bot).count();
    assert!(
        wallets.len() >= 300 && 2 * people >= wallets.len(),
        "holdout v2 too small or too few people: {} wallets, {people} people",
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
    println!("holdout v2: {} wallets ({humans} people, {bots} bots)", wallets.len());
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
