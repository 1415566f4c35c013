//! Holdout v17: checks that the independently written set of labelled wallets is well formed
//! (built twice, the same set each time), and the bot filter judged on it with the markets'
//! public trades.
//!
//! `cargo test -p copycat-core --test botfilter_holdout17 -- --nocapture` prints the figures.

mod holdout17;

use copycat_core::trade::{Side, Trade};
use holdout17::{Holdout17, NOW, holdout17};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

const PERIOD: i64 = 30 * 86_400;

fn is_hex(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Why a row is not a valid trade, if it is not.
fn row_problem(t: &Trade) -> Option<String> {
    let hundred = Decimal::from(100);
    let cents = t.price.value() * hundred;
    let hundredths = t.size.value() * hundred;
    let ts = t.timestamp.timestamp();
    let problem = if !is_hex(t.wallet.as_str(), 40) {
        "wallet"
    } else if !is_hex(&t.condition_id, 64) {
        "condition id"
    } else if !is_hex(&t.transaction_hash, 64) {
        "transaction hash"
    } else if t.asset.is_empty() || t.asset.starts_with('0') || !t.asset.bytes().all(|b| b.is_ascii_digit()) {
        "asset"
    } else if cents.fract() != Decimal::ZERO || cents < Decimal::ONE || cents > Decimal::from(99) {
        "price"
    } else if hundredths.fract() != Decimal::ZERO || t.size.value() < Decimal::from(5) {
        "size"
    } else if ts <= NOW - PERIOD || ts > NOW {
        "timestamp"
    } else if t.title.is_empty() || t.slug.is_empty() || t.outcome.is_empty() {
        "text"
    } else if t.outcome_index.is_none() {
        "outcome index"
    } else {
        return None;
    };
    Some(format!("{problem}: {t:?}"))
}

type Key<'a> = (&'a str, &'a str, &'a str, Side, Decimal, Decimal, i64);

fn key(t: &Trade) -> Key<'_> {
    (t.wallet.as_str(), &t.transaction_hash, &t.asset, t.side, t.price.value(), t.size.value(), t.timestamp.timestamp())
}

fn newest_first(trades: &[Trade]) -> bool {
    trades.windows(2).all(|w| w[0].timestamp >= w[1].timestamp)
}

#[test]
fn holdout17_is_well_formed() {
    let started = Instant::now();
    let set: Holdout17 = holdout17();
    let build = started.elapsed();

    // Size and balance.
    let total = set.wallets.len();
    let people = set.wallets.iter().filter(|w| !w.bot).count();
    let bots = total - people;
    assert!(total >= 340, "only {total} wallets");
    assert!(people * 2 >= total, "{people} people of {total} wallets");

    // Behaviours: counts, one label each, enough of each kind.
    let mut per: BTreeMap<&str, (usize, BTreeSet<bool>, usize)> = BTreeMap::new();
    for w in &set.wallets {
        let e = per.entry(w.behaviour).or_default();
        e.0 += 1;
        e.1.insert(w.bot);
        e.2 += w.trades.len();
    }
    for (name, (n, labels, _)) in &per {
        assert!((10..=25).contains(n), "behaviour {name} has {n} wallets");
        assert_eq!(labels.len(), 1, "behaviour {name} carries both labels");
    }
    let person_behaviours = per.values().filter(|(_, l, _)| l.contains(&false)).count();
    let bot_behaviours = per.values().filter(|(_, l, _)| l.contains(&true)).count();
    assert!(person_behaviours >= 12, "{person_behaviours} person behaviours");
    assert!(bot_behaviours >= 12, "{bot_behaviours} bot behaviours");

    // Hard bots: only bots, at most a third of them.
    let hard = set.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).count();
    assert!(set.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).all(|w| w.bot), "a hard_ behaviour is labelled a person");
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // Addresses.
    let addresses: BTreeSet<&str> = set.wallets.iter().map(|w| w.wallet.as_str()).collect();
    assert_eq!(addresses.len(), total, "addresses repeat");
    for a in &addresses {
        assert!(is_hex(a, 40), "bad address {a}");
    }

    // Every wallet's trades: non-empty, its own, valid, newest first.
    for w in &set.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no trades", w.wallet, w.behaviour);
        assert!(newest_first(&w.trades), "{} ({}) is not newest first", w.wallet, w.behaviour);
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet, "a trade of {} belongs to {}", w.wallet, t.wallet);
            if let Some(p) = row_problem(t) {
                panic!("{} ({}): {p}", w.wallet, w.behaviour);
            }
        }
    }

    // The tape: valid, newest first, holding every labelled fill and nothing more of theirs.
    assert!(!set.tape.is_empty());
    assert!(newest_first(&set.tape), "the tape is not newest first");
    for t in &set.tape {
        if let Some(p) = row_problem(t) {
            panic!("tape: {p}");
        }
    }
    let mut on_tape: HashMap<Key<'_>, usize> = HashMap::new();
    for t in &set.tape {
        *on_tape.entry(key(t)).or_default() += 1;
    }
    let mut labelled: HashMap<Key<'_>, usize> = HashMap::new();
    for w in &set.wallets {
        for t in &w.trades {
            *labelled.entry(key(t)).or_default() += 1;
        }
    }
    for (k, n) in &labelled {
        let there = on_tape.get(k).copied().unwrap_or(0);
        assert!(there >= *n, "labelled fill missing from the tape: {k:?}");
    }
    let labelled_rows: usize = set.wallets.iter().map(|w| w.trades.len()).sum();
    let tape_rows_of_labelled = set.tape.iter().filter(|t| addresses.contains(t.wallet.as_str())).count();
    assert_eq!(labelled_rows, tape_rows_of_labelled, "the tape holds fills of labelled wallets that their trades do not");
    let crowd: BTreeSet<&str> = set.tape.iter().map(|t| t.wallet.as_str()).filter(|a| !addresses.contains(a)).collect();
    assert!(crowd.len() >= 1000, "only {} unlabelled traders on the tape", crowd.len());

    // Deterministic.
    let again = holdout17();
    assert_eq!(again.wallets.len(), set.wallets.len());
    for (a, b) in set.wallets.iter().zip(&again.wallets) {
        assert_eq!(a.wallet, b.wallet);
        assert_eq!(a.bot, b.bot);
        assert_eq!(a.behaviour, b.behaviour);
        assert!(a.trades == b.trades, "{} differs between builds", a.wallet);
    }
    assert!(set.tape == again.tape, "the tape differs between builds");

    println!("{:<28} {:>5} {:>7} {:>9}", "behaviour", "label", "wallets", "fills");
    for (name, (n, labels, fills)) in &per {
        let label = if labels.contains(&true) { "bot" } else { "human" };
        println!("{name:<28} {label:>5} {n:>7} {fills:>9}");
    }
    println!(
        "wallets {total}, people {people}, bots {bots} (hard {hard}), person behaviours {person_behaviours}, bot behaviours {bot_behaviours}"
    );
    println!(
        "labelled fills {labelled_rows}, tape rows {}, unlabelled traders {}, build {:.2}s",
        set.tape.len(),
        crowd.len(),
        build.as_secs_f64()
    );
}

mod holdout_measure;

/// Measured once unseen with the filter of commit f1c4e3d (round 16, tuned on holdouts v1-v16
/// only): 81.8 % (328/401 = 81.80 %; people 9/203 = 4.43 % flagged, bots 134/198). The 95 %
/// target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.81;
/// 4.43 % of people were flagged then; the ceiling is the next whole percent (the target's 5 %).
const PEOPLE_CEILING: f64 = 0.05;

#[test]
fn holdout17_wallets_are_judged_within_the_measured_floor() {
    let set = holdout17();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v17", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
