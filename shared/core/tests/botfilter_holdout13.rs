//! Holdout v13: the bot filter judged on wallets from a thirteenth generator, written by a
//! helper who read neither the filter, its config, the other sets, the simulator nor the
//! benchmarks, with the markets' public trades around them; and checks that the set is well
//! formed (enough labelled wallets of enough kinds, valid rows, a tape that holds every
//! labelled fill).
//!
//! `cargo test -p copycat-core --test botfilter_holdout13 -- --nocapture` prints the figures.

mod holdout13;
mod holdout_measure;

use holdout13::{Holdout13, NOW, holdout13};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn set() -> &'static Holdout13 {
    static SET: OnceLock<Holdout13> = OnceLock::new();
    SET.get_or_init(holdout13)
}

fn hex_ok(s: &str, digits: usize) -> bool {
    s.len() == digits + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn row_ok(t: &copycat_core::trade::Trade) -> Result<(), String> {
    let p = t.price.value();
    let s = t.size.value();
    if p < Decimal::new(1, 2) || p > Decimal::new(99, 2) || p.normalize().scale() > 2 {
        return Err(format!("price {p}"));
    }
    if s < Decimal::new(5, 0) || s.normalize().scale() > 2 {
        return Err(format!("size {s}"));
    }
    if !hex_ok(t.wallet.as_str(), 40) || !hex_ok(&t.condition_id, 64) || !hex_ok(&t.transaction_hash, 64) {
        return Err("hex field".into());
    }
    if t.asset.is_empty() || !t.asset.bytes().all(|b| b.is_ascii_digit()) {
        return Err("asset".into());
    }
    if t.timestamp.timestamp() >= NOW || t.timestamp.timestamp() < NOW - 30 * 86_400 {
        return Err("time".into());
    }
    if t.title.is_empty() || t.slug.is_empty() || t.outcome.is_empty() || t.outcome_index.is_none() {
        return Err("labels".into());
    }
    Ok(())
}

#[test]
fn holdout13_is_well_formed() {
    let started = std::time::Instant::now();
    let h = set();
    println!("built in {:.1?}", started.elapsed());
    assert!(h.wallets.len() >= 340, "{} wallets", h.wallets.len());
    let people = h.wallets.iter().filter(|w| !w.bot).count();
    let bots = h.wallets.len() - people;
    assert!(people * 2 >= h.wallets.len(), "{people} people of {}", h.wallets.len());

    let mut kinds: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    for w in &h.wallets {
        let e = kinds.entry(w.behaviour).or_insert((w.bot, 0));
        assert_eq!(e.0, w.bot, "{} labelled both ways", w.behaviour);
        e.1 += 1;
    }
    for (name, (bot, n)) in &kinds {
        println!("{name:32} {:6} {n}", if *bot { "bot" } else { "person" });
        assert!((10..=25).contains(n), "{name} has {n} wallets");
    }
    assert!(kinds.values().filter(|(b, _)| !b).count() >= 12);
    assert!(kinds.values().filter(|(b, _)| *b).count() >= 12);
    let hard = h.wallets.iter().filter(|w| w.bot && w.behaviour.starts_with("hard_")).count();
    assert!(hard * 3 <= bots, "{hard} hard of {bots} bots");
    assert!(!h.wallets.iter().any(|w| !w.bot && w.behaviour.starts_with("hard_")));

    let addrs: BTreeSet<&str> = h.wallets.iter().map(|w| w.wallet.as_str()).collect();
    assert_eq!(addrs.len(), h.wallets.len(), "addresses are unique");

    for (i, t) in h.tape.iter().enumerate() {
        if let Err(e) = row_ok(t) {
            panic!("tape row {i}: {e}: {t:?}");
        }
    }
    for pair in h.tape.windows(2) {
        assert!(pair[0].timestamp >= pair[1].timestamp, "tape is newest first");
    }
    let key = |t: &copycat_core::trade::Trade| {
        (t.transaction_hash.clone(), t.wallet.as_str().to_string(), t.asset.clone(), t.side, t.price, t.size, t.timestamp)
    };
    let mut on_tape: BTreeMap<_, usize> = BTreeMap::new();
    for t in &h.tape {
        *on_tape.entry(key(t)).or_default() += 1;
    }
    let mut fills = 0;
    for w in &h.wallets {
        assert!(!w.trades.is_empty(), "{} has no trades", w.wallet);
        for pair in w.trades.windows(2) {
            assert!(pair[0].timestamp >= pair[1].timestamp, "wallet trades are newest first");
        }
        for t in &w.trades {
            assert_eq!(&t.wallet, &w.wallet);
            if let Err(e) = row_ok(t) {
                panic!("{} ({}): {e}: {t:?}", w.wallet, w.behaviour);
            }
            let n = on_tape.get_mut(&key(t)).unwrap_or_else(|| panic!("fill of {} missing from the tape", w.wallet));
            assert!(*n > 0, "fill of {} missing from the tape", w.wallet);
            *n -= 1;
            fills += 1;
        }
    }
    let per: Vec<usize> = {
        let mut v: Vec<usize> = h.wallets.iter().map(|w| w.trades.len()).collect();
        v.sort();
        v
    };
    println!(
        "wallets {} (people {people}, bots {bots}, hard {hard}); labelled fills {fills}; tape rows {}; fills per wallet min {} median {} max {}",
        h.wallets.len(),
        h.tape.len(),
        per[0],
        per[per.len() / 2],
        per[per.len() - 1]
    );
}

/// Measured once unseen with the filter of commit 46f6d13 (round 12, tuned on holdouts v1-v12
/// only): 86.0 % (356/414 = 85.99 %; people 4/212 flagged, bots 148/202). The 95 % target is
/// not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.85;
/// The share of people flagged then (1.9 %), rounded up.
const PEOPLE_CEILING: f64 = 0.02;

#[test]
fn holdout13_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v13", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
