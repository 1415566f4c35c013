//! Holdout v18: an independently written set of labelled Polymarket wallets (people and trading
//! programs) and the public tape of the markets they trade in. One test checks that the set is
//! well formed (built twice, the same set each time) and prints what it holds; the other judges
//! it with the bot filter, reading the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout18 --release -- --nocapture`

mod holdout18;

use copycat_core::trade::Trade;
use holdout18::{Holdout18, NOW, holdout18};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

fn hex_id(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Every field of a row as the Data API would give it, inside the 30 days before NOW.
fn row_is_valid(t: &Trade) -> Result<(), String> {
    let hundred = Decimal::from(100);
    let cents = t.price.value() * hundred;
    let hundredths = t.size.value() * hundred;
    let ts = t.timestamp.timestamp();
    let checks = [
        (hex_id(t.wallet.as_str(), 40), "wallet"),
        (hex_id(&t.condition_id, 64), "condition id"),
        (hex_id(&t.transaction_hash, 64), "transaction hash"),
        (!t.asset.is_empty() && !t.asset.starts_with('0') && t.asset.bytes().all(|b| b.is_ascii_digit()), "token id"),
        (cents.fract().is_zero() && cents >= Decimal::ONE && cents <= Decimal::from(99), "price"),
        (hundredths.fract().is_zero() && t.size.value() >= Decimal::from(5), "size"),
        (ts > NOW - 30 * 86_400 && ts <= NOW, "timestamp"),
        (!t.title.is_empty() && !t.slug.is_empty() && !t.outcome.is_empty(), "labels"),
        (t.outcome_index.is_some(), "outcome index"),
    ];
    for (ok, what) in checks {
        if !ok {
            return Err(format!("bad {what}: {t:?}"));
        }
    }
    Ok(())
}

fn newest_first(rows: &[Trade]) -> bool {
    rows.windows(2).all(|w| w[0].timestamp >= w[1].timestamp)
}

/// A comparable key for a row.
fn key(t: &Trade) -> (String, String, String, String, String, String, i64, String) {
    (
        t.wallet.as_str().to_string(),
        t.transaction_hash.clone(),
        t.asset.clone(),
        format!("{:?}", t.side),
        t.price.value().normalize().to_string(),
        t.size.value().normalize().to_string(),
        t.timestamp.timestamp(),
        t.condition_id.clone(),
    )
}

fn same(a: &Holdout18, b: &Holdout18) -> bool {
    a.wallets.len() == b.wallets.len()
        && a.wallets
            .iter()
            .zip(&b.wallets)
            .all(|(x, y)| x.wallet == y.wallet && x.bot == y.bot && x.behaviour == y.behaviour && x.trades == y.trades)
        && a.tape == b.tape
}

#[test]
fn holdout18_is_well_formed() {
    let clock = std::time::Instant::now();
    let set = holdout18();
    let built_in = clock.elapsed();

    // Size and balance.
    let n = set.wallets.len();
    let people = set.wallets.iter().filter(|w| !w.bot).count();
    let bots = n - people;
    assert!(n >= 340, "only {n} labelled wallets");
    assert!(people * 2 >= n, "people are {people} of {n}");

    // Behaviours: 10..=25 wallets each, one label each, at least 12 per side; hard_ only for bots.
    let mut per: BTreeMap<&str, (usize, usize, BTreeSet<bool>)> = BTreeMap::new();
    for w in &set.wallets {
        let e = per.entry(w.behaviour).or_insert((0, 0, BTreeSet::new()));
        e.0 += 1;
        e.1 += w.trades.len();
        e.2.insert(w.bot);
    }
    for (b, (count, _, labels)) in &per {
        assert!((10..=25).contains(count), "{b} has {count} wallets");
        assert_eq!(labels.len(), 1, "{b} has both labels");
    }
    let person_kinds = per.values().filter(|v| v.2.contains(&false)).count();
    let bot_kinds = per.values().filter(|v| v.2.contains(&true)).count();
    assert!(person_kinds >= 12, "{person_kinds} person behaviours");
    assert!(bot_kinds >= 12, "{bot_kinds} bot behaviours");
    let hard = set.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).count();
    assert!(set.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).all(|w| w.bot), "hard_ is for bots only");
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // Wallets: unique, valid, non-empty, their own rows, newest first.
    let addrs: BTreeSet<&str> = set.wallets.iter().map(|w| w.wallet.as_str()).collect();
    assert_eq!(addrs.len(), n, "addresses repeat");
    for w in &set.wallets {
        assert!(hex_id(w.wallet.as_str(), 40), "bad address {}", w.wallet);
        assert!(!w.trades.is_empty(), "{} ({}) has no trades", w.wallet, w.behaviour);
        assert!(newest_first(&w.trades), "{} trades are not newest first", w.wallet);
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet, "a row of someone else in {}", w.wallet);
            if let Err(e) = row_is_valid(t) {
                panic!("{} ({}): {e}", w.wallet, w.behaviour);
            }
        }
    }
    // Not grouped by behaviour: the order changes behaviour often.
    let switches = set.wallets.windows(2).filter(|p| p[0].behaviour != p[1].behaviour).count();
    assert!(switches * 10 >= n * 8, "wallets look grouped by behaviour ({switches} switches)");

    // Tape: valid, newest first, holds every labelled fill exactly once and no other fill of theirs.
    assert!(newest_first(&set.tape), "tape is not newest first");
    for t in &set.tape {
        if let Err(e) = row_is_valid(t) {
            panic!("tape: {e}");
        }
    }
    let mut on_tape: BTreeMap<_, usize> = BTreeMap::new();
    for t in set.tape.iter().filter(|t| addrs.contains(t.wallet.as_str())) {
        *on_tape.entry(key(t)).or_insert(0) += 1;
    }
    let mut labelled: BTreeMap<_, usize> = BTreeMap::new();
    for w in &set.wallets {
        for t in &w.trades {
            *labelled.entry(key(t)).or_insert(0) += 1;
        }
    }
    assert_eq!(on_tape, labelled, "tape and labelled fills differ");
    for w in &set.wallets {
        let theirs: Vec<&Trade> = set.tape.iter().filter(|t| t.wallet == w.wallet).collect();
        assert_eq!(theirs.len(), w.trades.len(), "{}: tape rows differ", w.wallet);
        assert!(theirs.iter().zip(&w.trades).all(|(a, b)| *a == b), "{}: tape rows differ", w.wallet);
    }
    let unlabelled: BTreeSet<&str> = set.tape.iter().map(|t| t.wallet.as_str()).filter(|a| !addrs.contains(a)).collect();
    assert!(unlabelled.len() >= 1000, "only {} unlabelled traders on the tape", unlabelled.len());
    assert!(set.tape.len() <= 400_000, "tape has {} rows", set.tape.len());
    // Every market a labelled wallet trades has other traders on the tape.
    let mut others: BTreeMap<&str, usize> = BTreeMap::new();
    for t in set.tape.iter().filter(|t| !addrs.contains(t.wallet.as_str())) {
        *others.entry(t.condition_id.as_str()).or_insert(0) += 1;
    }
    for w in &set.wallets {
        for t in &w.trades {
            assert!(others.get(t.condition_id.as_str()).copied().unwrap_or(0) > 0, "market {} has only labelled trades", t.slug);
        }
    }

    // Deterministic.
    let again = holdout18();
    assert!(same(&set, &again), "two builds differ");

    println!("{:<28} {:>6} {:>8} {:>8}", "behaviour", "label", "wallets", "fills");
    for (b, (count, fills, labels)) in &per {
        let label = if labels.contains(&true) { "bot" } else { "person" };
        println!("{b:<28} {label:>6} {count:>8} {fills:>8}");
    }
    let person_fills: usize = set.wallets.iter().filter(|w| !w.bot).map(|w| w.trades.len()).sum();
    let bot_fills: usize = set.wallets.iter().filter(|w| w.bot).map(|w| w.trades.len()).sum();
    println!("people: {people} wallets in {person_kinds} behaviours, {person_fills} fills");
    println!("bots:   {bots} wallets in {bot_kinds} behaviours ({hard} hard_), {bot_fills} fills");
    println!("tape:   {} rows, {} unlabelled traders", set.tape.len(), unlabelled.len());
    println!("built in {built_in:.2?}");
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 61cfd1f (round 17, tuned on holdouts v1-v17
/// only): 88.2 % (322/365 = 88.22 %; people 1/199 = 0.50 % flagged, bots 124/166, none of its
/// 37 hard bots). The 95 % target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.88;
/// 0.50 % of people were flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout18_wallets_are_judged_within_the_measured_floor() {
    let set = holdout18();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v18", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
