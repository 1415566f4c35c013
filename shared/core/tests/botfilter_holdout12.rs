//! Holdout v12: the bot filter judged on wallets from a twelfth generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them; and checks that the set is well formed.
//!
//! `cargo test -p copycat-core --test botfilter_holdout12 -- --nocapture` prints the figures.

mod holdout12;
mod holdout_measure;

use copycat_core::trade::Trade;
use holdout12::{Holdout12, NOW, W0, holdout12};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::time::Instant;

fn set() -> &'static Holdout12 {
    static SET: OnceLock<Holdout12> = OnceLock::new();
    SET.get_or_init(|| {
        let t = Instant::now();
        let h = holdout12();
        println!("holdout12 built in {:.1} s", t.elapsed().as_secs_f64());
        h
    })
}

fn is_hex(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn key(t: &Trade) -> (String, String, String, bool, String, String, i64) {
    (
        t.transaction_hash.clone(),
        t.wallet.as_str().to_string(),
        t.asset.clone(),
        t.side == copycat_core::trade::Side::Buy,
        t.price.value().normalize().to_string(),
        t.size.value().normalize().to_string(),
        t.timestamp.timestamp(),
    )
}

fn check_row(t: &Trade) {
    let p = t.price.value();
    assert!(p >= Decimal::new(1, 2) && p <= Decimal::new(99, 2), "price {p} out of range");
    assert!((p * Decimal::from(100)).fract().is_zero(), "price {p} not whole cents");
    let s = t.size.value();
    assert!(s >= Decimal::from(5), "size {s} under 5 shares");
    assert!(s.normalize().scale() <= 2, "size {s} has more than 2 decimals");
    assert!(is_hex(t.wallet.as_str(), 40), "wallet {}", t.wallet);
    assert!(is_hex(&t.condition_id, 64), "condition id {}", t.condition_id);
    assert!(is_hex(&t.transaction_hash, 64), "tx hash {}", t.transaction_hash);
    assert!(!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()) && !t.asset.starts_with('0'), "asset {}", t.asset);
    let ts = t.timestamp.timestamp();
    assert!((W0..NOW).contains(&ts), "time {ts} outside the window");
    assert!(!t.title.is_empty() && !t.slug.is_empty() && !t.outcome.is_empty());
    assert!(matches!(t.outcome_index, Some(0) | Some(1)));
}

#[test]
fn holdout12_is_well_formed() {
    let h = set();
    let n = h.wallets.len();
    let bots = h.wallets.iter().filter(|w| w.bot).count();
    let people = n - bots;
    println!("wallets {n}: people {people}, bots {bots}; tape rows {}", h.tape.len());
    assert!(n >= 340, "only {n} wallets");
    assert!(people * 2 >= n, "people are not at least half");

    let mut by: BTreeMap<&str, (BTreeSet<bool>, usize)> = BTreeMap::new();
    for w in &h.wallets {
        let e = by.entry(w.behaviour).or_default();
        e.0.insert(w.bot);
        e.1 += 1;
    }
    for (name, (labels, count)) in &by {
        assert_eq!(labels.len(), 1, "{name} is labelled both ways");
        let bot = labels.contains(&true);
        let fills: usize = h.wallets.iter().filter(|w| w.behaviour == *name).map(|w| w.trades.len()).sum();
        println!("{:<28} {:<6} {:>3} wallets {:>7} fills", name, if bot { "bot" } else { "person" }, count, fills);
        assert!((10..=25).contains(count), "{name} has {count} wallets");
    }
    let person_kinds = by.values().filter(|v| !v.0.contains(&true)).count();
    let bot_kinds = by.values().filter(|v| v.0.contains(&true)).count();
    assert!(person_kinds >= 12 && bot_kinds >= 12, "{person_kinds} person and {bot_kinds} bot behaviours");
    let hard = h.wallets.iter().filter(|w| w.bot && w.behaviour.starts_with("hard_")).count();
    println!("hard bots {hard} of {bots}");
    assert!(hard * 3 <= bots, "hard bots are more than a third of the bots");

    let mut addrs = BTreeSet::new();
    for w in &h.wallets {
        assert!(is_hex(w.wallet.as_str(), 40), "address {}", w.wallet);
        assert!(addrs.insert(w.wallet.as_str().to_string()), "duplicate address {}", w.wallet);
    }

    for t in &h.tape {
        check_row(t);
    }
    assert!(h.tape.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "tape is newest first");

    let mut tape_keys: BTreeMap<_, usize> = BTreeMap::new();
    for t in &h.tape {
        *tape_keys.entry(key(t)).or_default() += 1;
    }
    for w in &h.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no trades", w.wallet, w.behaviour);
        assert!(w.trades.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "trades newest first");
        for t in &w.trades {
            check_row(t);
            assert_eq!(t.wallet, w.wallet);
            let k = key(t);
            let left = tape_keys.get_mut(&k).unwrap_or_else(|| panic!("fill of {} missing from the tape", w.wallet));
            assert!(*left > 0, "fill of {} missing from the tape", w.wallet);
            *left -= 1;
        }
    }
}

/// Measured once unseen with the filter of commit 8ecba96 (round 11, tuned on holdouts v1-v11
/// only): 83.8 % (366/437 = 83.75 %; people 2/223 flagged, bots 145/214). The 95 % target is
/// not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.83;
/// The share of people flagged then (0.9 %), rounded up.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout12_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v12", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
