//! Holdout v7: the bot filter judged on wallets from a seventh generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them.
//!
//! Measured once unseen with the filter of commit 090769c (round 7, tuned on holdouts v1-v6
//! only): 85.7 % (people 0/220 flagged, bots 116/172). The round-6 filter (c5dca26) scored
//! 84.7 % on it. The 95 % target is not met.
//! `cargo test -p copycat-core --test botfilter_holdout7 -- --nocapture` prints the figures.

mod holdout7;
mod holdout_measure;

use copycat_core::money::{Price, Shares};
use holdout7::{NOW, holdout7};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The set, built once per test binary, and how long it took.
fn set() -> &'static (holdout7::Holdout7, Duration) {
    static SET: OnceLock<(holdout7::Holdout7, Duration)> = OnceLock::new();
    SET.get_or_init(|| {
        let started = Instant::now();
        let h = holdout7();
        (h, started.elapsed())
    })
}

#[test]
fn holdout7_is_well_formed() {
    let (set, took) = set();

    let w = &set.wallets;
    assert!(w.len() >= 320, "{} wallets", w.len());
    let people = w.iter().filter(|x| !x.bot).count();
    assert!(people * 2 >= w.len(), "{people} people of {}", w.len());

    let mut per: BTreeMap<(&str, bool), usize> = BTreeMap::new();
    for x in w {
        *per.entry((x.behaviour, x.bot)).or_default() += 1;
    }
    let names: HashSet<&str> = per.keys().map(|k| k.0).collect();
    assert_eq!(names.len(), per.len(), "a behaviour is labelled both bot and person");
    let human = per.keys().filter(|k| !k.1).count();
    let botb = per.keys().filter(|k| k.1).count();
    assert!(human >= 10, "{human} human behaviours");
    assert!(botb >= 12, "{botb} bot behaviours");
    for ((name, _), n) in &per {
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }

    let unique: HashSet<&str> = w.iter().map(|x| x.wallet.as_str()).collect();
    assert_eq!(unique.len(), w.len(), "wallets are not unique");

    let lo = NOW - 30 * 86_400;
    let cent = Decimal::new(1, 2);
    let tape: HashSet<(&str, &str, &str, Shares, Price, i64)> = set
        .tape
        .iter()
        .map(|t| (t.wallet.as_str(), t.transaction_hash.as_str(), t.asset.as_str(), t.size, t.price, t.timestamp.timestamp()))
        .collect();
    for x in w {
        assert!(!x.trades.is_empty(), "{} ({}) has no fills", x.wallet, x.behaviour);
        for pair in x.trades.windows(2) {
            assert!(pair[0].timestamp >= pair[1].timestamp, "{} fills not newest first", x.wallet);
        }
        for t in &x.trades {
            assert_eq!(t.wallet, x.wallet);
            let p = t.price.value();
            assert!(p >= Decimal::new(1, 2) && p <= Decimal::new(99, 2), "price {p}");
            assert!((p / cent).fract().is_zero(), "price {p} not on a whole cent");
            assert!(t.size.is_positive(), "size {}", t.size);
            assert!(matches!(t.outcome_index, Some(0) | Some(1)));
            assert_eq!(t.transaction_hash.len(), 66);
            assert!(t.transaction_hash.starts_with("0x"));
            let ts = t.timestamp.timestamp();
            assert!((lo..=NOW).contains(&ts), "timestamp {ts} outside the window");
            let key = (t.wallet.as_str(), t.transaction_hash.as_str(), t.asset.as_str(), t.size, t.price, ts);
            assert!(tape.contains(&key), "a fill of {} is missing from the tape", x.wallet);
        }
    }
    assert!(set.tape.len() < 400_000, "tape has {} rows", set.tape.len());

    println!(
        "holdout7: {} wallets ({} people, {} bots), {} behaviours, tape {} rows, generated in {:.2?}",
        w.len(),
        people,
        w.len() - people,
        per.len(),
        set.tape.len(),
        took
    );
}

/// The accuracy measured when the set was first run (rounded down to the whole percent).
const FLOOR: f64 = 0.85;
/// The share of people flagged when the set was first run (0 %; one person in a hundred of room).
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout7_wallets_are_judged_within_the_measured_floor() {
    let (set, _) = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v7", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
