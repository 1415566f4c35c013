//! Holdout v9: the bot filter judged on wallets from a ninth generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them.
//!
//! Measured once unseen with the filter of commit 3716391 (round 9, tuned on holdouts v1-v8
//! only): 85.1 % (people 4/233 flagged, bots 142/203). The 95 % target is not met.
//! `cargo test -p copycat-core --test botfilter_holdout9 -- --nocapture` prints the figures.

mod holdout9;
mod holdout_measure;

use copycat_core::trade::Trade;
use holdout9::{HARD_BOTS, Holdout9, NOW, holdout9};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn set() -> &'static (Holdout9, Duration) {
    static SET: OnceLock<(Holdout9, Duration)> = OnceLock::new();
    SET.get_or_init(|| {
        let t = Instant::now();
        let s = holdout9();
        (s, t.elapsed())
    })
}

fn is_hex(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

type Key = (String, String, String, bool, Decimal, Decimal, i64);

fn key(t: &Trade) -> Key {
    (
        t.transaction_hash.clone(),
        t.wallet.as_str().to_string(),
        t.asset.clone(),
        t.side == copycat_core::trade::Side::Buy,
        t.price.value(),
        t.size.value(),
        t.timestamp.timestamp(),
    )
}

fn check_fill(t: &Trade) {
    let p = t.price.value();
    assert!(p >= Decimal::new(1, 2) && p <= Decimal::new(99, 2), "price {p} outside [0.01, 0.99]");
    assert_eq!((p * Decimal::from(100)).fract(), Decimal::ZERO, "price {p} off the 0.01 tick");
    let s = t.size.value();
    assert!(s >= Decimal::from(5), "size {s} below the 5-share minimum");
    assert_eq!((s * Decimal::from(100)).fract(), Decimal::ZERO, "size {s} has more than 2 decimals");
    assert!(is_hex(&t.condition_id, 64), "condition id {}", t.condition_id);
    assert!(is_hex(&t.transaction_hash, 64), "tx hash {}", t.transaction_hash);
    assert!(!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()), "asset {}", t.asset);
    assert!(!t.outcome.is_empty() && !t.title.is_empty() && !t.slug.is_empty());
    assert!(matches!(t.outcome_index, Some(0) | Some(1)));
}

#[test]
fn holdout9_is_well_formed() {
    let (s, took) = set();
    let w0 = NOW - 30 * 86_400;

    // counts
    assert!(s.wallets.len() >= 340, "{} wallets", s.wallets.len());
    let people = s.wallets.iter().filter(|w| !w.bot).count();
    let bots = s.wallets.len() - people;
    assert!(people * 2 >= s.wallets.len(), "{people} people of {}", s.wallets.len());
    let mut per: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for w in &s.wallets {
        let e = per.entry(w.behaviour).or_insert((w.bot, 0));
        assert_eq!(e.0, w.bot, "behaviour {} labelled both person and bot", w.behaviour);
        e.1 += 1;
    }
    let human_b = per.values().filter(|v| !v.0).count();
    let bot_b = per.values().filter(|v| v.0).count();
    assert!(human_b >= 12 && bot_b >= 12, "{human_b} human and {bot_b} bot behaviours");
    for (name, (_, n)) in &per {
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }
    let hard: usize = per.iter().filter(|(k, _)| HARD_BOTS.contains(k)).map(|(_, v)| v.1).sum();
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // addresses
    let mut seen = HashSet::new();
    for w in &s.wallets {
        assert!(is_hex(w.wallet.as_str(), 40), "address {}", w.wallet);
        assert!(seen.insert(w.wallet.as_str()), "duplicate address {}", w.wallet);
    }

    // fills
    let mut on_tape: HashMap<Key, usize> = HashMap::new();
    let mut prev = i64::MAX;
    for t in &s.tape {
        check_fill(t);
        let ts = t.timestamp.timestamp();
        assert!(ts <= prev, "tape not newest first");
        prev = ts;
        *on_tape.entry(key(t)).or_insert(0) += 1;
    }
    let mut markets = HashMap::new();
    for t in &s.tape {
        markets.entry(t.condition_id.as_str()).or_insert_with(HashSet::new).insert(t.asset.as_str());
    }
    assert!(markets.values().all(|a| a.len() <= 2), "a market with more than two outcome tokens");
    let mut labelled_fills = 0;
    for w in &s.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no fills", w.wallet, w.behaviour);
        let mut prev = i64::MAX;
        for t in &w.trades {
            check_fill(t);
            assert_eq!(&t.wallet, &w.wallet);
            let ts = t.timestamp.timestamp();
            assert!(ts > w0 && ts <= NOW, "fill at {ts} outside the window");
            assert!(ts <= prev, "{} fills not newest first", w.wallet);
            prev = ts;
            let c = on_tape.get_mut(&key(t)).unwrap_or_else(|| panic!("fill of {} missing from the tape", w.wallet));
            assert!(*c > 0, "fill of {} appears more often than on the tape", w.wallet);
            *c -= 1;
            labelled_fills += 1;
        }
    }

    // report
    println!("holdout9: {} wallets ({people} people, {bots} bots), built in {:.2?}", s.wallets.len(), took);
    for (name, (bot, n)) in &per {
        println!("  {:<6} {:<28} {:>3} wallets", if *bot { "bot" } else { "person" }, name, n);
    }
    let mut h = blake3::Hasher::new();
    for t in &s.tape {
        h.update(
            format!(
                "{}|{}|{}|{}|{}|{}|{}\n",
                t.wallet,
                t.asset,
                t.side.as_str(),
                t.price.value(),
                t.size.value(),
                t.timestamp.timestamp(),
                t.transaction_hash
            )
            .as_bytes(),
        );
    }
    println!(
        "tape: {} trades in {} markets ({} of them labelled fills), digest {}",
        s.tape.len(),
        markets.len(),
        labelled_fills,
        &h.finalize().to_hex()[..16]
    );
    assert!(s.tape.len() >= 150_000 && s.tape.len() <= 400_000, "tape of {} rows", s.tape.len());
}

/// The accuracy measured when the set was first run (rounded down to the whole percent).
const FLOOR: f64 = 0.85;
/// The share of people flagged when the set was first run (1.7 %; one person in a hundred of room).
const PEOPLE_CEILING: f64 = 0.03;

#[test]
fn holdout9_wallets_are_judged_within_the_measured_floor() {
    let (set, _) = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v9", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
