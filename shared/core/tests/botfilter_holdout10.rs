//! Holdout v10: the bot filter judged on wallets from a tenth generator, written by a helper
//! who read neither the filter, its config, the other sets, the simulator nor the benchmarks,
//! with the markets' public trades around them.
//!
//! Measured unseen with the filter of round 9 (commit 3716391, tuned on holdouts v1-v9 only):
//! 82.7 % (people 8/243 flagged, bots 142/213). The 95 % target is not met. The generator as
//! first merged iterated `HashMap`s, so each run drew a different set (the first run read
//! 84.2 %, people 8/243); it now uses ordered maps and draws one set, on which round 9 was
//! measured again for the figure above.
//! `cargo test -p copycat-core --test botfilter_holdout10 -- --nocapture` prints the figures.

mod holdout10;
mod holdout_measure;

use copycat_core::money::{Price, Shares};
use copycat_core::trade::Side;
use holdout10::{Holdout10, NOW, holdout10};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::Instant;

fn set() -> &'static Holdout10 {
    static SET: OnceLock<Holdout10> = OnceLock::new();
    SET.get_or_init(|| {
        let t = Instant::now();
        let s = holdout10();
        println!("built holdout10 in {:.2?}", t.elapsed());
        s
    })
}

fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[test]
fn holdout10_is_well_formed() {
    let set = set();
    let now = copycat_core::time::from_secs(NOW);
    let start = copycat_core::time::from_secs(NOW - 30 * 86_400);
    let tick = Price(Decimal::new(1, 2));
    let min_size = Shares(Decimal::new(5, 0));

    assert!(set.wallets.len() >= 340, "{} wallets", set.wallets.len());
    let people = set.wallets.iter().filter(|w| !w.bot).count();
    assert!(people * 2 >= set.wallets.len(), "{people} people of {}", set.wallets.len());

    let mut per: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for w in &set.wallets {
        let e = per.entry(w.behaviour).or_insert((w.bot, 0));
        assert_eq!(e.0, w.bot, "behaviour {} is labelled both ways", w.behaviour);
        e.1 += 1;
    }
    let human_behaviours = per.values().filter(|(bot, _)| !bot).count();
    let bot_behaviours = per.values().filter(|(bot, _)| *bot).count();
    assert!(human_behaviours >= 12 && bot_behaviours >= 12, "{human_behaviours} human and {bot_behaviours} bot behaviours");
    for (name, (_, n)) in &per {
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }

    let mut seen = HashSet::new();
    for w in &set.wallets {
        assert!(is_hex(w.wallet.as_str(), 40), "bad address {}", w.wallet);
        assert!(seen.insert(w.wallet.clone()), "duplicate address {}", w.wallet);
    }

    // The tape, keyed by everything that identifies a fill, counting duplicates.
    type Key = (String, String, String, Side, Decimal, Decimal, i64);
    let key = |t: &copycat_core::trade::Trade| -> Key {
        (
            t.transaction_hash.clone(),
            t.wallet.as_str().to_string(),
            t.asset.clone(),
            t.side,
            t.price.value().normalize(),
            t.size.value().normalize(),
            t.timestamp.timestamp(),
        )
    };
    let mut tape: HashMap<Key, usize> = HashMap::new();
    for t in &set.tape {
        *tape.entry(key(t)).or_default() += 1;
    }
    let mut assets: HashMap<&str, (&str, u32)> = HashMap::new();
    for t in &set.tape {
        assert!(is_hex(&t.condition_id, 64), "bad condition id {}", t.condition_id);
        assert!(is_hex(&t.transaction_hash, 64), "bad tx {}", t.transaction_hash);
        assert!(!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()), "bad asset {}", t.asset);
        assert!(t.price.is_tradable() && t.price.floor_to_tick(tick) == t.price, "bad tape price {}", t.price);
        assert!(t.size >= min_size, "tape size {} below the minimum", t.size);
        assert!(t.size.value().scale() <= 2 || t.size.value().normalize().scale() <= 2);
        let idx = t.outcome_index.expect("outcome index");
        let e = assets.entry(&t.asset).or_insert((&t.condition_id, idx));
        assert_eq!(*e, (t.condition_id.as_str(), idx), "asset {} changes market", t.asset);
    }
    for w in &set.tape.windows(2).collect::<Vec<_>>()[..] {
        assert!(w[0].timestamp >= w[1].timestamp, "tape is not newest first");
    }

    let mut used: HashMap<Key, usize> = HashMap::new();
    for w in &set.wallets {
        assert!(!w.trades.is_empty(), "{} ({}) has no fill", w.wallet, w.behaviour);
        for pair in w.trades.windows(2) {
            assert!(pair[0].timestamp >= pair[1].timestamp, "{} fills not newest first", w.wallet);
        }
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet);
            assert!(t.timestamp > start && t.timestamp <= now, "{} fill at {} outside the window", w.wallet, t.timestamp);
            assert!(t.price >= Price(Decimal::new(1, 2)) && t.price <= Price(Decimal::new(99, 2)), "price {}", t.price);
            assert_eq!(t.price.floor_to_tick(tick), t.price, "price {} off the tick", t.price);
            assert!(t.size.is_positive() && t.size >= min_size, "size {}", t.size);
            assert!(t.size.value().normalize().scale() <= 2, "size {} has more than 2 decimals", t.size);
            assert!(!t.title.is_empty() && !t.slug.is_empty() && !t.outcome.is_empty());
            let k = key(t);
            let u = used.entry(k.clone()).or_default();
            *u += 1;
            assert!(*u <= tape.get(&k).copied().unwrap_or(0), "labelled fill of {} missing from the tape", w.wallet);
        }
    }

    let labelled: usize = set.wallets.iter().map(|w| w.trades.len()).sum();
    println!("wallets: {} ({} people, {} bots)", set.wallets.len(), people, set.wallets.len() - people);
    for (name, (bot, n)) in &per {
        let fills: usize = set.wallets.iter().filter(|w| w.behaviour == *name).map(|w| w.trades.len()).sum();
        println!("  {:<34} {:<6} {:>3} wallets {:>7} fills", name, if *bot { "bot" } else { "person" }, n, fills);
    }
    println!("labelled fills: {labelled}; tape: {} rows, {} markets", set.tape.len(), assets.len() / 2);
    assert!((150_000..=400_000).contains(&set.tape.len()), "tape has {} rows", set.tape.len());
}

/// The accuracy measured when the set was first run (rounded down to the whole percent).
const FLOOR: f64 = 0.82;
/// The share of people flagged when the set was first run (3.3 %; about one person in a hundred
/// of room).
const PEOPLE_CEILING: f64 = 0.045;

#[test]
fn holdout10_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v10", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
