//! Holdout v15: checks that the independently written labelled set is well formed (built twice,
//! the same set each time), and the bot filter judged on it with the markets' public trades.
//!
//! `cargo test -p copycat-core --test botfilter_holdout15 -- --nocapture` prints the figures.

mod holdout15;

use copycat_core::trade::Trade;
use holdout15::{Holdout15, NOW, holdout15};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn row_problem(t: &Trade) -> Option<String> {
    let ts = t.timestamp.timestamp();
    let cents = t.price.value() * rust_decimal::Decimal::from(100);
    let hundredths = t.size.value() * rust_decimal::Decimal::from(100);
    if !is_hex(&t.condition_id, 64) {
        return Some(format!("condition id {}", t.condition_id));
    }
    if !is_hex(&t.transaction_hash, 64) {
        return Some(format!("tx hash {}", t.transaction_hash));
    }
    if t.asset.is_empty() || !t.asset.bytes().all(|b| b.is_ascii_digit()) || t.asset.starts_with('0') {
        return Some(format!("asset {}", t.asset));
    }
    if cents.fract() != rust_decimal::Decimal::ZERO || cents < rust_decimal::Decimal::from(1) || cents > rust_decimal::Decimal::from(99) {
        return Some(format!("price {}", t.price));
    }
    if hundredths.fract() != rust_decimal::Decimal::ZERO || hundredths < rust_decimal::Decimal::from(500) {
        return Some(format!("size {}", t.size));
    }
    if ts <= NOW - 30 * 86_400 || ts > NOW {
        return Some(format!("timestamp {ts}"));
    }
    if t.title.is_empty() || t.slug.is_empty() || t.outcome.is_empty() || t.outcome_index.is_none() {
        return Some("missing title, slug, outcome or outcome index".to_string());
    }
    None
}

fn key(t: &Trade) -> (String, String, String, bool, String, String, i64, String) {
    (
        t.transaction_hash.clone(),
        t.wallet.as_str().to_string(),
        t.asset.clone(),
        t.side == copycat_core::trade::Side::Buy,
        t.price.value().normalize().to_string(),
        t.size.value().normalize().to_string(),
        t.timestamp.timestamp(),
        t.condition_id.clone(),
    )
}

/// A fingerprint of the whole set, to check that building it twice gives the same set.
fn digest(h: &Holdout15) -> u64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            x ^= u64::from(b);
            x = x.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for w in &h.wallets {
        eat(w.wallet.as_str());
        eat(w.behaviour);
        eat(if w.bot { "bot" } else { "person" });
        eat(&w.trades.len().to_string());
    }
    for t in &h.tape {
        let k = key(t);
        eat(&format!("{k:?}"));
    }
    x
}

#[test]
fn holdout15_is_well_formed() {
    let started = std::time::Instant::now();
    let set = holdout15();
    let built = started.elapsed();
    let first = digest(&set);
    drop(set);
    let set = holdout15();
    assert_eq!(digest(&set), first, "building the set twice gave different sets");
    let Holdout15 { wallets, tape } = set;
    assert!(tape.len() <= 400_000, "tape has {} rows", tape.len());

    assert!(wallets.len() >= 340, "only {} wallets", wallets.len());
    let people = wallets.iter().filter(|w| !w.bot).count();
    let bots = wallets.len() - people;
    assert!(people * 2 >= wallets.len(), "people are {people} of {}", wallets.len());

    // behaviours: 10-25 wallets each, one label each, enough of each kind
    let mut per: BTreeMap<&str, (usize, BTreeSet<bool>)> = BTreeMap::new();
    for w in &wallets {
        let e = per.entry(w.behaviour).or_insert((0, BTreeSet::new()));
        e.0 += 1;
        e.1.insert(w.bot);
    }
    for (name, (n, labels)) in &per {
        assert!((10..=25).contains(n), "behaviour {name} has {n} wallets");
        assert_eq!(labels.len(), 1, "behaviour {name} has both labels");
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "behaviour name {name}"
        );
    }
    let person_behaviours = per.values().filter(|v| v.1.contains(&false)).count();
    let bot_behaviours = per.values().filter(|v| v.1.contains(&true)).count();
    assert!(person_behaviours >= 12, "{person_behaviours} person behaviours");
    assert!(bot_behaviours >= 12, "{bot_behaviours} bot behaviours");

    // hard_ behaviours are bots, and at most a third of the bots
    let hard = wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).count();
    assert!(wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).all(|w| w.bot), "a hard_ behaviour is labelled a person");
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // addresses
    let mut seen = HashSet::new();
    for w in &wallets {
        let a = w.wallet.as_str();
        assert!(is_hex(a, 40), "address {a}");
        assert!(seen.insert(a.to_string()), "address {a} twice");
    }

    // each wallet's own fills
    for w in &wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no trades", w.wallet, w.behaviour);
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet, "a trade of another wallet in {}", w.wallet);
            if let Some(p) = row_problem(t) {
                panic!("{} ({}): bad row: {p}", w.wallet, w.behaviour);
            }
        }
        assert!(w.trades.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "{} trades not newest first", w.wallet);
    }

    // the tape: valid rows, newest first, holding every labelled fill
    assert!(tape.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "tape not newest first");
    for t in &tape {
        if let Some(p) = row_problem(t) {
            panic!("bad tape row: {p}");
        }
    }
    let mut on_tape: HashMap<_, usize> = HashMap::new();
    for t in &tape {
        *on_tape.entry(key(t)).or_insert(0) += 1;
    }
    for w in &wallets {
        let mut mine: HashMap<_, usize> = HashMap::new();
        for t in &w.trades {
            *mine.entry(key(t)).or_insert(0) += 1;
        }
        for (k, n) in mine {
            assert!(on_tape.get(&k).copied().unwrap_or(0) >= n, "a fill of {} is missing from the tape", w.wallet);
        }
    }
    // an outcome token belongs to one market and one outcome index
    let mut token: HashMap<&str, (&str, Option<u32>)> = HashMap::new();
    for t in &tape {
        let v = token.entry(t.asset.as_str()).or_insert((t.condition_id.as_str(), t.outcome_index));
        assert_eq!(*v, (t.condition_id.as_str(), t.outcome_index), "token {} in two places", t.asset);
        assert!(t.outcome_index.is_some_and(|i| i < 2), "outcome index {:?}", t.outcome_index);
    }
    let labelled: HashSet<&str> = wallets.iter().map(|w| w.wallet.as_str()).collect();
    let crowd: HashSet<&str> = tape.iter().map(|t| t.wallet.as_str()).filter(|a| !labelled.contains(a)).collect();
    let crowd_rows = tape.iter().filter(|t| !labelled.contains(t.wallet.as_str())).count();
    assert!(
        crowd.len() >= 1000 && crowd_rows * 2 >= tape.len(),
        "too little crowd on the tape: {} wallets, {crowd_rows} rows",
        crowd.len()
    );
    let markets: HashSet<&str> = tape.iter().map(|t| t.condition_id.as_str()).collect();

    println!("holdout15: {} behaviours", per.len());
    for (name, (n, labels)) in &per {
        let label = if labels.contains(&true) { "bot" } else { "person" };
        let fills: usize = wallets.iter().filter(|w| w.behaviour == *name).map(|w| w.trades.len()).sum();
        println!("  {name:<28} {label:<6} {n:>3} wallets {fills:>7} fills");
    }
    println!(
        "wallets {} people {people} bots {bots} hard bots {hard}; tape {} rows, {} markets, {} crowd wallets; built in {:.2?}",
        wallets.len(),
        tape.len(),
        markets.len(),
        crowd.len(),
        built
    );
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 6b426ae (round 14, tuned on holdouts v1-v14
/// only): 78.7 % (344/437 = 78.72 %; people 11/231 = 4.76 % flagged, bots 124/206). The 95 %
/// target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.78;
/// 4.76 % of people were flagged then; the ceiling is the next whole percent (the target's 5 %).
const PEOPLE_CEILING: f64 = 0.05;

#[test]
fn holdout15_wallets_are_judged_within_the_measured_floor() {
    let set = holdout15();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v15", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
