//! Holdout v11: the bot filter judged on wallets from an eleventh generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them.
//!
//! Measured once unseen with the filter of commit ae528e1 (round 10, tuned on holdouts v1-v10
//! only): 91.0 % (people 1/244 flagged, bots 171/211). The 95 % target is not met.
//! `cargo test -p copycat-core --test botfilter_holdout11 -- --nocapture` prints the figures.

mod holdout11;
mod holdout_measure;

use copycat_core::trade::Side;
use holdout11::{Holdout11, NOW, holdout11};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::Instant;

/// A fill's identity on the tape: hash, wallet, asset, buy, price, size, time.
type Key = (String, String, String, bool, Decimal, Decimal, i64);

fn set() -> &'static Holdout11 {
    static SET: OnceLock<Holdout11> = OnceLock::new();
    SET.get_or_init(|| {
        let t = Instant::now();
        let s = holdout11();
        println!("holdout11 built in {:.2?}", t.elapsed());
        s
    })
}

fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[test]
fn holdout11_is_well_formed() {
    let s = set();
    let ws = &s.wallets;
    assert!(ws.len() >= 340, "{} wallets", ws.len());
    let people = ws.iter().filter(|w| !w.bot).count();
    assert!(people * 2 >= ws.len(), "{people} people of {}", ws.len());

    let mut per: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for w in ws {
        let e = per.entry(w.behaviour).or_insert((w.bot, 0));
        assert_eq!(e.0, w.bot, "behaviour {} is labelled both ways", w.behaviour);
        e.1 += 1;
    }
    let human = per.values().filter(|v| !v.0).count();
    let bot = per.values().filter(|v| v.0).count();
    assert!(human >= 12 && bot >= 12, "{human} human and {bot} bot behaviours");
    for (name, (b, n)) in &per {
        println!("{:<34} {:<6} {n}", name, if *b { "bot" } else { "person" });
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }
    let hard = per.get("llm_agent_trader").map_or(0, |v| v.1);
    assert!(hard * 3 <= ws.len() - people);

    let mut addrs = HashSet::new();
    for w in ws {
        assert!(is_hex(w.wallet.as_str(), 40), "{}", w.wallet);
        assert!(addrs.insert(w.wallet.as_str()), "duplicate {}", w.wallet);
    }

    let window = NOW - 30 * 86_400;
    let (lo, hi, min) = (Decimal::new(1, 2), Decimal::new(99, 2), Decimal::new(5, 0));
    for t in &s.tape {
        let p = t.price.value();
        assert!(p >= lo && p <= hi && (p * Decimal::new(100, 0)).fract().is_zero(), "price {p}");
        let z = t.size.value();
        assert!(z >= min && (z * Decimal::new(100, 0)).fract().is_zero(), "size {z}");
        assert!(is_hex(&t.condition_id, 64) && is_hex(&t.transaction_hash, 64));
        assert!(!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()));
        assert!(!t.title.is_empty() && !t.slug.is_empty() && !t.outcome.is_empty() && t.outcome_index.is_some());
        assert!(t.timestamp.timestamp() < NOW);
    }
    let mut tape_keys: HashMap<Key, usize> = HashMap::new();
    for t in &s.tape {
        let k = (
            t.transaction_hash.clone(),
            t.wallet.to_string(),
            t.asset.clone(),
            t.side == Side::Buy,
            t.price.value(),
            t.size.value(),
            t.timestamp.timestamp(),
        );
        *tape_keys.entry(k).or_default() += 1;
    }
    let mut markets: HashMap<&str, HashSet<&str>> = HashMap::new();
    for t in &s.tape {
        markets.entry(t.condition_id.as_str()).or_default().insert(t.asset.as_str());
    }
    assert!(markets.values().all(|a| a.len() <= 2));
    for w in ws {
        assert!(!w.trades.is_empty(), "{} ({}) has no fills", w.wallet, w.behaviour);
        let mut prev = i64::MAX;
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet);
            let ts = t.timestamp.timestamp();
            assert!(ts >= window && ts < NOW, "{} fill outside the window", w.wallet);
            assert!(ts <= prev, "{} fills not newest first", w.wallet);
            prev = ts;
            assert!(t.size.is_positive());
            let k = (
                t.transaction_hash.clone(),
                t.wallet.to_string(),
                t.asset.clone(),
                t.side == Side::Buy,
                t.price.value(),
                t.size.value(),
                ts,
            );
            let n = tape_keys.get_mut(&k).unwrap_or_else(|| panic!("{} fill missing from the tape", w.wallet));
            assert!(*n > 0, "{} fill missing from the tape", w.wallet);
            *n -= 1;
        }
    }
    let labelled_fills: usize = ws.iter().map(|w| w.trades.len()).sum();
    println!(
        "wallets {} (people {people}, bots {}), behaviours {human}+{bot}, labelled fills {labelled_fills}, tape {} rows, tape wallets {}",
        ws.len(),
        ws.len() - people,
        s.tape.len(),
        s.tape.iter().map(|t| t.wallet.as_str()).collect::<HashSet<_>>().len()
    );
    assert!((150_000..=400_000).contains(&s.tape.len()), "tape {}", s.tape.len());
}

/// The accuracy measured when the set was first run (rounded down to the whole percent).
const FLOOR: f64 = 0.90;
/// The share of people flagged when the set was first run (0.4 %; one person in a hundred of room).
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout11_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v11", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
