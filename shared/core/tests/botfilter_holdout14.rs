//! Holdout v14: the bot filter judged on wallets from a fourteenth generator, written by a
//! helper who read neither the filter, its config, the other sets, the simulator nor the
//! benchmarks, with the markets' public trades around them; and checks that the set is well
//! formed (enough labelled wallets and behaviours, valid rows, a complete tape).
//!
//! `cargo test -p copycat-core --test botfilter_holdout14 -- --nocapture` prints the figures.

mod holdout14;
mod holdout_measure;

use holdout14::{Holdout14, NOW, holdout14};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn set() -> &'static Holdout14 {
    static SET: OnceLock<Holdout14> = OnceLock::new();
    SET.get_or_init(|| {
        let t = std::time::Instant::now();
        let s = holdout14();
        println!("holdout14 built in {:.1?}: {} wallets, {} tape rows", t.elapsed(), s.wallets.len(), s.tape.len());
        s
    })
}

fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn row_ok(t: &copycat_core::trade::Trade) -> bool {
    let p = t.price.value();
    let sz = t.size.value();
    let cents = p * rust_decimal::Decimal::from(100);
    is_hex(t.wallet.as_str(), 40)
        && is_hex(&t.condition_id, 64)
        && is_hex(&t.transaction_hash, 64)
        && !t.asset.is_empty()
        && t.asset.bytes().all(|b| b.is_ascii_digit())
        && cents.fract().is_zero()
        && p >= rust_decimal::Decimal::new(1, 2)
        && p <= rust_decimal::Decimal::new(99, 2)
        && sz >= rust_decimal::Decimal::from(5)
        && (sz * rust_decimal::Decimal::from(100)).fract().is_zero()
        && t.timestamp.timestamp() < NOW
        && t.timestamp.timestamp() >= NOW - 30 * 86_400
        && !t.title.is_empty()
        && !t.slug.is_empty()
        && !t.outcome.is_empty()
        && t.outcome_index.is_some()
}

type Key = (String, String, String, String, String, String, i64);

fn key(t: &copycat_core::trade::Trade) -> Key {
    (
        t.transaction_hash.clone(),
        t.wallet.as_str().to_string(),
        t.asset.clone(),
        t.side.as_str().to_string(),
        t.price.value().to_string(),
        t.size.value().to_string(),
        t.timestamp.timestamp(),
    )
}

#[test]
fn holdout14_is_well_formed() {
    let s = set();
    let people = s.wallets.iter().filter(|w| !w.bot).count();
    let bots = s.wallets.len() - people;
    assert!(s.wallets.len() >= 340, "{} wallets", s.wallets.len());
    assert!(people * 2 >= s.wallets.len(), "{people} people of {}", s.wallets.len());

    let mut by: BTreeMap<&str, (bool, usize)> = BTreeMap::new();
    let mut labels: BTreeMap<&str, BTreeSet<bool>> = BTreeMap::new();
    for w in &s.wallets {
        by.entry(w.behaviour).or_insert((w.bot, 0)).1 += 1;
        labels.entry(w.behaviour).or_default().insert(w.bot);
    }
    for (b, l) in &labels {
        assert_eq!(l.len(), 1, "{b} is labelled both ways");
    }
    for (b, (bot, c)) in &by {
        println!("{:<36} {:<6} {}", b, if *bot { "bot" } else { "person" }, c);
        assert!((10..=25).contains(c), "{b} has {c} wallets");
    }
    assert!(by.values().filter(|v| !v.0).count() >= 12);
    assert!(by.values().filter(|v| v.0).count() >= 12);
    let hard = s.wallets.iter().filter(|w| w.bot && w.behaviour.starts_with("hard_")).count();
    assert!(hard * 3 <= bots, "{hard} hard bots of {bots}");
    assert!(s.wallets.iter().all(|w| !w.bot || !w.behaviour.is_empty()));
    assert!(s.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).all(|w| w.bot), "hard_ names bots only");

    let addrs: BTreeSet<&str> = s.wallets.iter().map(|w| w.wallet.as_str()).collect();
    assert_eq!(addrs.len(), s.wallets.len(), "addresses are unique");
    for w in &s.wallets {
        assert!(is_hex(w.wallet.as_str(), 40));
        assert!(!w.trades.is_empty(), "{} has no fills", w.wallet);
        assert!(w.trades.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "newest first");
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet);
            assert!(row_ok(t), "bad fill {t:?}");
        }
    }

    assert!(s.tape.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "tape newest first");
    let mut tape: BTreeMap<Key, usize> = BTreeMap::new();
    for t in &s.tape {
        assert!(row_ok(t), "bad tape row {t:?}");
        *tape.entry(key(t)).or_default() += 1;
    }
    let mut need: BTreeMap<Key, usize> = BTreeMap::new();
    for w in &s.wallets {
        for t in &w.trades {
            *need.entry(key(t)).or_default() += 1;
        }
    }
    for (k, n) in &need {
        assert!(tape.get(k).copied().unwrap_or(0) >= *n, "labelled fill missing from the tape: {k:?}");
    }
    println!("{} wallets: {people} people, {bots} bots ({hard} hard); {} tape rows", s.wallets.len(), s.tape.len());
}

/// Measured once unseen with the filter of commit e28369a (round 13, tuned on holdouts v1-v13
/// only): 91.4 % (391/428 = 91.36 %; people 0/234 flagged, bots 157/194). The 95 % target is
/// not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.91;
/// No person was flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.01;

#[test]
fn holdout14_wallets_are_judged_within_the_measured_floor() {
    let set = set();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v14", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
