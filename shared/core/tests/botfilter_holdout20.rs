//! Holdout v20: one test checks the independently written set is well formed (counts, labels,
//! valid rows, a complete tape, determinism); the other judges it with the bot filter, reading
//! the markets' public trades as discovery does.
//!
//! `cargo test -p copycat-core --test botfilter_holdout20 --release -- --nocapture`

mod holdout20;

use holdout20::{Holdout20, NOW, holdout20};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

fn hex_ok(s: &str, n: usize) -> bool {
    s.len() == n + 2 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn row_ok(t: &copycat_core::trade::Trade) -> Result<(), String> {
    let start = NOW - 30 * 86_400;
    let ts = t.timestamp.timestamp();
    let cents = t.price.0 * Decimal::from(100);
    let hundredths = t.size.0 * Decimal::from(100);
    let checks = [
        (hex_ok(t.wallet.as_str(), 40), "wallet"),
        (hex_ok(&t.condition_id, 64), "condition id"),
        (hex_ok(&t.transaction_hash, 64), "transaction hash"),
        (!t.asset.is_empty() && t.asset.bytes().all(|b| b.is_ascii_digit()) && !t.asset.starts_with('0'), "token id"),
        (cents.fract().is_zero() && cents >= Decimal::from(1) && cents <= Decimal::from(99), "price"),
        (hundredths.fract().is_zero() && t.size.0 >= Decimal::from(5), "size"),
        (ts > start && ts <= NOW, "timestamp"),
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

fn key(t: &copycat_core::trade::Trade) -> String {
    serde_json::to_string(t).expect("serialises")
}

#[test]
fn holdout20_is_well_formed() {
    let t0 = std::time::Instant::now();
    let h: Holdout20 = holdout20();
    let built = t0.elapsed();

    // Counts and balance.
    let n = h.wallets.len();
    let people = h.wallets.iter().filter(|w| !w.bot).count();
    let bots = n - people;
    assert!(n >= 340, "{n} wallets");
    assert!(people * 2 >= n, "{people} people of {n}");

    // Behaviours: 10..=25 wallets each, one label each, enough of both sides.
    let mut per: BTreeMap<&str, (BTreeSet<bool>, usize, usize)> = BTreeMap::new();
    let mut sizes: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for w in &h.wallets {
        let e = per.entry(w.behaviour).or_default();
        e.0.insert(w.bot);
        e.1 += 1;
        e.2 += w.trades.len();
        sizes.entry(w.behaviour).or_default().push(w.trades.len());
    }
    for v in sizes.values_mut() {
        v.sort();
    }
    println!("{:<36} {:>5} {:>7} {:>7} {:>16}", "behaviour", "label", "wallets", "fills", "min/median/max");
    for (b, (labels, count, fills)) in &per {
        let label = if labels.contains(&true) { "bot" } else { "human" };
        let v = &sizes[b];
        let spread = format!("{}/{}/{}", v[0], v[v.len() / 2], v[v.len() - 1]);
        println!("{b:<36} {label:>5} {count:>7} {fills:>7} {spread:>16}");
    }
    for (b, (labels, count, _)) in &per {
        assert_eq!(labels.len(), 1, "{b} has both labels");
        assert!((10..=25).contains(count), "{b}: {count} wallets");
        if b.starts_with("hard_") {
            assert!(labels.contains(&true), "{b} is hard_ but not a bot");
        }
    }
    let person_behaviours = per.values().filter(|v| v.0.contains(&false)).count();
    let bot_behaviours = per.values().filter(|v| v.0.contains(&true)).count();
    assert!(person_behaviours >= 12 && bot_behaviours >= 12, "{person_behaviours} / {bot_behaviours}");
    let hard = h.wallets.iter().filter(|w| w.behaviour.starts_with("hard_")).count();
    assert!(hard * 3 <= bots, "{hard} hard of {bots} bots");

    // Not grouped by behaviour: the first 40 wallets cover many behaviours.
    let first: BTreeSet<&str> = h.wallets.iter().take(40).map(|w| w.behaviour).collect();
    assert!(first.len() >= 12, "wallets look grouped");

    // Wallets: unique, valid, non-empty, own rows, valid rows, newest first.
    let mut addrs = BTreeSet::new();
    for w in &h.wallets {
        assert!(hex_ok(w.wallet.as_str(), 40), "{}", w.wallet);
        assert!(addrs.insert(w.wallet.clone()), "duplicate {}", w.wallet);
        assert!(!w.trades.is_empty(), "{} has no trades", w.wallet);
        for t in &w.trades {
            assert_eq!(t.wallet, w.wallet);
            row_ok(t).unwrap();
        }
        assert!(w.trades.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "{} not newest first", w.wallet);
    }

    // Tape: valid, newest first, exactly the labelled fills plus unlabelled traders.
    assert!(h.tape.len() <= 420_000, "tape has {} rows", h.tape.len());
    assert!(h.tape.windows(2).all(|p| p[0].timestamp >= p[1].timestamp), "tape not newest first");
    let mut on_tape: BTreeMap<String, i64> = BTreeMap::new();
    let mut unlabelled = BTreeSet::new();
    for t in &h.tape {
        row_ok(t).unwrap();
        if addrs.contains(&t.wallet) {
            *on_tape.entry(key(t)).or_default() += 1;
        } else {
            unlabelled.insert(t.wallet.clone());
        }
    }
    let mut labelled: BTreeMap<String, i64> = BTreeMap::new();
    for w in &h.wallets {
        for t in &w.trades {
            *labelled.entry(key(t)).or_default() += 1;
        }
    }
    assert!(on_tape == labelled, "tape's labelled rows differ from the wallets' fills");
    assert!(unlabelled.len() >= 1000, "only {} unlabelled traders", unlabelled.len());
    // Every labelled market has crowd trades too.
    let labelled_markets: BTreeSet<&str> = h.wallets.iter().flat_map(|w| w.trades.iter().map(|t| t.condition_id.as_str())).collect();
    let crowd_markets: BTreeSet<&str> = h.tape.iter().filter(|t| !addrs.contains(&t.wallet)).map(|t| t.condition_id.as_str()).collect();
    let lonely = labelled_markets.iter().filter(|c| !crowd_markets.contains(*c)).count();
    assert!(lonely * 50 <= labelled_markets.len(), "{lonely} of {} labelled markets have no crowd", labelled_markets.len());

    // Deterministic.
    let again = holdout20();
    assert_eq!(again.wallets.len(), h.wallets.len());
    for (a, b) in h.wallets.iter().zip(&again.wallets) {
        assert_eq!(a.wallet, b.wallet);
        assert_eq!(a.bot, b.bot);
        assert_eq!(a.behaviour, b.behaviour);
        assert!(a.trades == b.trades, "trades of {} differ between builds", a.wallet);
    }
    assert!(h.tape == again.tape, "tape differs between builds");

    let fills: usize = h.wallets.iter().map(|w| w.trades.len()).sum();
    println!(
        "total: {n} wallets ({people} people, {bots} bots, {hard} hard_), {} behaviours ({person_behaviours} person, {bot_behaviours} bot), {fills} labelled fills",
        per.len()
    );
    println!(
        "tape: {} rows, {} unlabelled traders, {} markets with labelled fills",
        h.tape.len(),
        unlabelled.len(),
        labelled_markets.len()
    );
    println!("build time: {:.2?}", built);
}

mod holdout_measure;

/// Measured once unseen with the filter of commit a698a69 (round 18, tuned on holdouts v1-v19
/// only): 86.9 % (338/389 = 86.89 %; people 5/205 flagged, bots 138/184, 13 of its 44 hard
/// bots). The 95 % target is not met. The floor is that figure rounded down.
const FLOOR: f64 = 0.86;
/// 5 of 205 people (2.4 %) were flagged then; the ceiling is the next whole percent.
const PEOPLE_CEILING: f64 = 0.03;

#[test]
fn holdout20_wallets_are_judged_within_the_measured_floor() {
    let set = holdout20();
    let wallets = set.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    let m = holdout_measure::measure_with_tape("holdout v20", &set.tape, wallets);
    holdout_measure::assert_measured(&m, FLOOR, PEOPLE_CEILING);
}
