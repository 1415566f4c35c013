//! Holdout v8: the bot filter judged on wallets from an eighth generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them.
//!
//! Measured once unseen with the filter of commit b56628c (round 8, tuned on holdouts v1-v7
//! only): 85.3 % (people 1/239 flagged, bots 127/189). The 95 % target is not met.
//! `cargo test -p copycat-core --test botfilter_holdout8 -- --nocapture` prints the figures.

mod holdout8;
mod holdout_measure;

use copycat_core::trade::{Side, Trade};
use holdout8::{Holdout8, NOW, holdout8};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::Instant;

/// Behaviours of programs built to trade like a person (pace, sizes, hours): at most a third of the bots.
const HARD_BOTS: [&str; 2] = ["llm_agent_trader", "forecast_model_script"];

fn set() -> &'static Holdout8 {
    static SET: OnceLock<Holdout8> = OnceLock::new();
    SET.get_or_init(|| {
        let start = Instant::now();
        let s = holdout8();
        println!("holdout8 built in {:.2?}", start.elapsed());
        s
    })
}

fn hex_of(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
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

#[test]
fn holdout8_is_well_formed() {
    let s = set();
    let window_start = NOW - 30 * 86_400;

    // Counts and labels.
    assert!(s.wallets.len() >= 340, "{} wallets", s.wallets.len());
    let people = s.wallets.iter().filter(|w| !w.bot).count();
    let bots = s.wallets.len() - people;
    assert!(people * 2 >= s.wallets.len(), "{people} people of {}", s.wallets.len());
    let mut per: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for w in &s.wallets {
        let e = per.entry(w.behaviour).or_insert((w.bot, 0));
        assert_eq!(e.0, w.bot, "behaviour {} is labelled both ways", w.behaviour);
        e.1 += 1;
    }
    let human_behaviours = per.values().filter(|v| !v.0).count();
    let bot_behaviours = per.values().filter(|v| v.0).count();
    assert!(human_behaviours >= 12, "{human_behaviours} human behaviours");
    assert!(bot_behaviours >= 12, "{bot_behaviours} bot behaviours");
    for (name, (_, n)) in &per {
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }
    assert!(HARD_BOTS.iter().all(|h| per.contains_key(h)));
    let hard: usize = per.iter().filter(|(k, _)| HARD_BOTS.contains(k)).map(|(_, v)| v.1).sum();
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");

    // Addresses.
    let mut addrs = HashSet::new();
    for w in &s.wallets {
        assert!(hex_of(w.wallet.as_str(), 40), "bad address {}", w.wallet);
        assert!(addrs.insert(w.wallet.as_str()), "duplicate address {}", w.wallet);
    }

    // Fills.
    let mut tape_keys: HashMap<Key, u32> = HashMap::with_capacity(s.tape.len());
    for t in &s.tape {
        *tape_keys.entry(key(t)).or_default() += 1;
    }
    let min = Decimal::new(5, 0);
    let tick = Decimal::new(1, 2);
    for w in &s.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no fills", w.wallet, w.behaviour);
        let mut own: HashMap<Key, u32> = HashMap::new();
        for (i, t) in w.trades.iter().enumerate() {
            assert_eq!(t.wallet, w.wallet);
            let ts = t.timestamp.timestamp();
            assert!(ts >= window_start && ts <= NOW, "{} fill at {ts} outside the window", w.behaviour);
            if i > 0 {
                assert!(w.trades[i - 1].timestamp >= t.timestamp, "{} fills not newest first", w.behaviour);
            }
            let p = t.price.value();
            assert!(p >= Decimal::new(1, 2) && p <= Decimal::new(99, 2), "price {p}");
            assert!((p / tick).fract().is_zero(), "price {p} off the 0.01 tick");
            let sz = t.size.value();
            assert!(sz > Decimal::ZERO && sz >= min, "size {sz}");
            assert!(sz.scale() <= 2 || (sz * Decimal::new(100, 0)).fract().is_zero(), "size {sz} has more than 2 decimals");
            assert!(hex_of(&t.condition_id, 64), "condition id {}", t.condition_id);
            assert!(hex_of(&t.transaction_hash, 64), "tx hash {}", t.transaction_hash);
            assert!(!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()), "asset {}", t.asset);
            assert!(matches!(t.outcome_index, Some(0) | Some(1)));
            assert!(!t.outcome.is_empty() && !t.title.is_empty() && !t.slug.is_empty());
            *own.entry(key(t)).or_default() += 1;
        }
        for (k, n) in own {
            assert!(tape_keys.get(&k).copied().unwrap_or(0) >= n, "a fill of {} is missing from the tape", w.wallet);
        }
    }

    // Markets: two outcome tokens each.
    let mut tokens: HashMap<&str, HashSet<&str>> = HashMap::new();
    for t in &s.tape {
        tokens.entry(t.condition_id.as_str()).or_default().insert(t.asset.as_str());
    }
    assert!(tokens.values().all(|a| a.len() <= 2), "a market with more than two tokens");

    let tape_wallets: HashSet<&str> = s.tape.iter().map(|t| t.wallet.as_str()).collect();
    let fills: usize = s.wallets.iter().map(|w| w.trades.len()).sum();
    println!("wallets {} (people {people}, bots {bots}); behaviours {human_behaviours} human + {bot_behaviours} bot", s.wallets.len());
    for (name, (bot, n)) in &per {
        println!("  {:<34} {:>3}  {}", name, n, if *bot { "bot" } else { "person" });
    }
    println!("labelled fills {fills}; tape {} rows, {} wallets, {} markets", s.tape.len(), tape_wallets.len(), tokens.len());
}

/// The accuracy measured when the set was first run (rounded down to the whole percent).
const FLOOR: f64 = 0.85;
/// The share of people flagged when the set was first run (0.4 %; one person in a hundred of room).
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout8_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v8", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
