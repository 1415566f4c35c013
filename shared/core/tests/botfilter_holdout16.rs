//! Holdout v16 is well formed: enough labelled wallets of enough kinds, valid Data API rows,
//! newest-first order, and a tape that holds every labelled fill; and the bot filter judged on
//! it with the markets' public trades.
//!
//! `cargo test -p copycat-core --test botfilter_holdout16 -- --nocapture` prints the figures.

mod holdout16;

use copycat_core::trade::{Side, Trade};
use holdout16::{NOW, holdout16};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

const PERIOD: i64 = 30 * 86_400;

fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn whole_hundredths(d: Decimal) -> bool {
    (d * Decimal::from(100)).fract().is_zero()
}

/// Why a row is not a valid trade row, if it is not.
fn row_problem(t: &Trade) -> Option<String> {
    let ts = t.timestamp.timestamp();
    let cents = t.price.value() * Decimal::from(100);
    let checks: [(bool, &str); 11] = [
        (is_hex(t.wallet.as_str(), 40), "wallet"),
        (is_hex(&t.condition_id, 64), "condition id"),
        (is_hex(&t.transaction_hash, 64), "transaction hash"),
        (!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()) && !t.asset.starts_with('0'), "asset"),
        (cents.fract().is_zero() && (Decimal::from(1)..=Decimal::from(99)).contains(&cents), "price"),
        (whole_hundredths(t.size.value()) && t.size.value() >= Decimal::from(5), "size"),
        ((NOW - PERIOD..=NOW).contains(&ts), "timestamp"),
        (!t.title.is_empty(), "title"),
        (!t.slug.is_empty(), "slug"),
        (!t.outcome.is_empty(), "outcome"),
        (t.outcome_index.is_some_and(|i| i <= 1), "outcome index"),
    ];
    checks.iter().find(|(ok, _)| !ok).map(|(_, what)| format!("bad {what} in {t:?}"))
}

type Key = (String, String, String, Side, Decimal, Decimal, i64);

fn key(t: &Trade) -> Key {
    (
        t.transaction_hash.clone(),
        t.wallet.as_str().to_string(),
        t.asset.clone(),
        t.side,
        t.price.value(),
        t.size.value(),
        t.timestamp.timestamp(),
    )
}

fn newest_first(rows: &[Trade]) -> bool {
    rows.windows(2).all(|w| w[0].timestamp >= w[1].timestamp)
}

#[test]
fn holdout16_is_well_formed() {
    let started = Instant::now();
    let set = holdout16();
    let built = started.elapsed();

    // counts and labels per behaviour
    let mut per: BTreeMap<&str, (usize, BTreeSet<bool>, usize)> = BTreeMap::new();
    for w in &set.wallets {
        let e = per.entry(w.behaviour).or_insert((0, BTreeSet::new(), 0));
        e.0 += 1;
        e.1.insert(w.bot);
        e.2 += w.trades.len();
    }
    println!("{:<28} {:>5} {:>7} {:>8}", "behaviour", "label", "wallets", "fills");
    for (name, (n, labels, fills)) in &per {
        let label = if labels.len() == 1 { if labels.contains(&true) { "bot" } else { "human" } } else { "MIXED" };
        println!("{name:<28} {label:>5} {n:>7} {fills:>8}");
    }
    let bots = set.wallets.iter().filter(|w| w.bot).count();
    let people = set.wallets.len() - bots;
    let hard = set.wallets.iter().filter(|w| w.bot && w.behaviour.starts_with("hard_")).count();
    let person_kinds = per.values().filter(|v| v.1.contains(&false)).count();
    let bot_kinds = per.values().filter(|v| v.1.contains(&true)).count();
    println!(
        "wallets {} (people {people}, bots {bots}, hard bots {hard}); behaviours {} ({person_kinds} human, {bot_kinds} bot); tape rows {}; built in {:.2?}",
        set.wallets.len(),
        per.len(),
        set.tape.len(),
        built
    );

    assert!(set.wallets.len() >= 340, "only {} wallets", set.wallets.len());
    assert!(people * 2 >= set.wallets.len(), "people are {people} of {}", set.wallets.len());
    assert!(person_kinds >= 12, "only {person_kinds} person behaviours");
    assert!(bot_kinds >= 12, "only {bot_kinds} bot behaviours");
    for (name, (n, labels, _)) in &per {
        assert!((10..=25).contains(n), "{name} has {n} wallets");
        assert_eq!(labels.len(), 1, "{name} carries both labels");
        if name.starts_with("hard_") {
            assert!(labels.contains(&true), "{name} is a hard_ behaviour but not a bot");
        }
    }
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // addresses
    let mut addrs = BTreeSet::new();
    for w in &set.wallets {
        assert!(is_hex(w.wallet.as_str(), 40), "bad address {}", w.wallet);
        assert!(addrs.insert(w.wallet.as_str().to_string()), "duplicate address {}", w.wallet);
    }

    // each wallet's rows
    let mut labelled: BTreeMap<Key, usize> = BTreeMap::new();
    for w in &set.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no trades", w.wallet, w.behaviour);
        assert!(newest_first(&w.trades), "{} trades are not newest first", w.wallet);
        for t in &w.trades {
            if let Some(p) = row_problem(t) {
                panic!("{} ({}): {p}", w.wallet, w.behaviour);
            }
            assert_eq!(t.wallet, w.wallet, "a row of {} belongs to {}", w.wallet, t.wallet);
            *labelled.entry(key(t)).or_insert(0) += 1;
        }
    }

    // the tape
    assert!(newest_first(&set.tape), "tape is not newest first");
    assert!(set.tape.len() <= 450_000, "tape has {} rows", set.tape.len());
    let mut in_tape: BTreeMap<Key, usize> = BTreeMap::new();
    for t in &set.tape {
        if let Some(p) = row_problem(t) {
            panic!("tape: {p}");
        }
        if addrs.contains(t.wallet.as_str()) {
            *in_tape.entry(key(t)).or_insert(0) += 1;
        }
    }
    for (k, n) in &labelled {
        let got = in_tape.get(k).copied().unwrap_or(0);
        assert!(got >= *n, "labelled fill {k:?} is on the tape {got} times, expected {n}");
    }
    // one transaction happens at one time
    let mut tx_time: BTreeMap<&str, i64> = BTreeMap::new();
    for t in &set.tape {
        let ts = t.timestamp.timestamp();
        let first = *tx_time.entry(t.transaction_hash.as_str()).or_insert(ts);
        assert_eq!(first, ts, "transaction {} has rows at two times", t.transaction_hash);
    }
    let labelled_rows: usize = labelled.values().sum();
    let tape_labelled_rows: usize = in_tape.values().sum();
    assert_eq!(labelled_rows, tape_labelled_rows, "the tape holds labelled rows that no wallet lists");
    let crowd = set.tape.len() - tape_labelled_rows;
    assert!(crowd >= tape_labelled_rows, "the tape has only {crowd} unlabelled rows against {tape_labelled_rows} labelled");
}

mod holdout_measure;

/// Measured once unseen with the filter of commit 8efbe66 (round 15, tuned on holdouts v1-v15
/// only): 84.3 % (365/433 = 84.30 %; people 13/232 = 5.6 % flagged, bots 146/201). Neither
/// target is met (95 %, and at most 5 % of people). The floor is that figure rounded down.
const FLOOR: f64 = 0.84;
/// 5.6 % of people were flagged then, above the target's 5 %: the ceiling is the next whole
/// percent, so the test fails if more are flagged, and does not pretend the target is met.
const PEOPLE_CEILING: f64 = 0.06;

#[test]
fn holdout16_wallets_are_judged_within_the_measured_floor() {
    let set = holdout16::holdout16();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v16", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
