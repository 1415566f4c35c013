//! The bot filter measured on holdout v4 (`tests/holdout4/`): a fourth independent generator,
//! written from how Polymarket's people and bots behave without reading the filter or the
//! other sets, and committed before any tuning against it.
//!
//! `cargo test -p copycat-core --test botfilter_holdout4 -- --nocapture` prints the set's size
//! and the figures per behaviour. `COPYCAT_HOLDOUT_VERBOSE=1` adds every misjudged wallet with
//! its reasons: do not read those while tuning, or v4 stops being unseen.
//!
//! Each wallet is judged as discovery judges it: more fills in the window than
//! `discovery.history_limit` is a bot without reading further (`too_busy_to_read`), otherwise
//! `classify_wallet_with_tape`, the tape (every fill in the window, by everyone) answering the
//! windows of market trades the filter asks for, as the venue would. A wallet counts as flagged
//! when its verdict is `bot`; `insufficient_data` is not a flag.

mod holdout4;
mod holdout_measure;

use holdout_measure::{assert_measured, measure_with_tape};
use holdout4::{Holdout4, holdout4};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// What the filter reached on this holdout, each time measured once. Before any tuning against
/// it (the filter of commit 64a5cce, by the set's writer, without the tape): 71.5 % (248/347;
/// people 21/182 = 11.5 % flagged, bots 87/165). With round 4 (commit e852f2b, tuned on
/// holdouts v1-v3 only, written at the same time as this set and without seeing it; the tape
/// read as discovery reads it): 74.4 % (people 29/182 = 15.9 %, bots 105/165). The targets
/// (95 %, people ≤ 5 %) are not met. Since then this set is a tuning set: round 5 (a rush of
/// wallets after news is no leader; one exact size read on buys only) gives 74.6 % (people
/// 26/182 = 14.3 %, bots 103/165); round 6 (near-identical sizes and trading in and out are one
/// sign, not two) gives 76.4 % (people 19/182 = 10.4 %, bots 102/165). The floors hold that
/// figure to catch regressions.
const MEASURED_ACCURACY_FLOOR: f64 = 0.76;
/// The share of people flagged measured after round 6 (10.4 %), rounded up.
const MEASURED_PEOPLE_CEILING: f64 = 0.11;

/// The set, built once for both tests, with how long generation took.
fn set() -> &'static (Holdout4, Duration) {
    static SET: OnceLock<(Holdout4, Duration)> = OnceLock::new();
    SET.get_or_init(|| {
        let t = Instant::now();
        let h = holdout4();
        (h, t.elapsed())
    })
}

#[test]
fn holdout4_is_well_formed() {
    let (h, took) = set();
    let people = h.wallets.iter().filter(|w| !w.bot).count();
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    for t in &h.tape {
        for b in t.transaction_hash.bytes().chain(t.wallet.as_str().bytes()).chain(t.size.to_string().bytes()) {
            digest = (digest ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!(
        "holdout v4: {} wallets ({people} people, {} bots), tape {} fills (digest {digest:016x}), generated in {:.1} s",
        h.wallets.len(),
        h.wallets.len() - people,
        h.tape.len(),
        took.as_secs_f64()
    );
    assert!(h.wallets.len() >= 320 && 2 * people >= h.wallets.len());

    let mut per: BTreeMap<(bool, &str), Vec<usize>> = BTreeMap::new();
    for w in &h.wallets {
        per.entry((w.bot, w.behaviour)).or_default().push(w.trades.len());
    }
    let humans = per.keys().filter(|k| !k.0).count();
    assert!(humans >= 10 && per.len() - humans >= 12, "{humans} human and {} bot behaviours", per.len() - humans);
    for ((bot, name), counts) in &per {
        assert!((10..=25).contains(&counts.len()), "{name}: {} wallets", counts.len());
        let mut c = counts.clone();
        c.sort_unstable();
        println!(
            "  {:<5} {name:<18} fills per wallet: min {} median {} max {}",
            if *bot { "bot" } else { "human" },
            c[0],
            c[c.len() / 2],
            c[c.len() - 1]
        );
    }

    assert!(h.tape.len() < 400_000, "tape too large: {}", h.tape.len());
    let addresses: HashSet<&str> = h.wallets.iter().map(|w| w.wallet.as_str()).collect();
    assert_eq!(addresses.len(), h.wallets.len(), "labelled addresses are distinct");
    let window = (holdout_now() - 30 * 86_400)..holdout_now();
    let mut tokens: HashMap<&str, HashSet<(&str, u32)>> = HashMap::new();
    for w in &h.wallets {
        assert!(!w.trades.is_empty(), "{} has no fills", w.wallet);
        let s = w.wallet.as_str();
        assert!(s.len() == 42 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        for pair in w.trades.windows(2) {
            assert!(pair[0].timestamp >= pair[1].timestamp, "{}: newest first", w.wallet);
        }
        for t in &w.trades {
            assert_eq!(&t.wallet, &w.wallet);
        }
    }
    for pair in h.tape.windows(2) {
        assert!(pair[0].timestamp >= pair[1].timestamp, "tape newest first");
    }
    let mut in_tape: HashMap<&str, usize> = HashMap::new();
    for t in &h.tape {
        let cents = t.price.value() * rust_decimal::Decimal::from(100);
        assert!(cents.fract().is_zero() && cents >= 1.into() && cents <= 99.into(), "price {} off the tick", t.price);
        assert!(t.size.is_positive());
        assert!(window.contains(&t.timestamp.timestamp()));
        let idx = t.outcome_index.expect("outcome index");
        assert!(idx <= 1);
        tokens.entry(t.condition_id.as_str()).or_default().insert((t.asset.as_str(), idx));
        assert_eq!(t.transaction_hash.len(), 66);
        *in_tape.entry(t.wallet.as_str()).or_default() += 1;
    }
    for (cid, toks) in &tokens {
        assert!(toks.len() <= 2, "{cid} has more than two outcome tokens");
    }
    for w in &h.wallets {
        assert_eq!(in_tape.get(w.wallet.as_str()).copied().unwrap_or(0), w.trades.len(), "{}: every fill is in the tape", w.wallet);
    }
}

/// NOW of holdout v4 as unix seconds (2026-11-20T00:00:00Z).
fn holdout_now() -> i64 {
    1_795_132_800
}

#[test]
fn holdout4_wallets_are_judged_within_the_measured_floor() {
    let (h, _) = set();
    let people = h.wallets.iter().filter(|w| !w.bot).count();
    assert!(
        h.wallets.len() >= 320 && 2 * people >= h.wallets.len(),
        "holdout v4 too small or too few people: {} wallets, {people} people",
        h.wallets.len()
    );
    let wallets = h.wallets.iter().map(|w| (&w.wallet, w.bot, w.behaviour, w.trades.as_slice()));
    assert_measured(&measure_with_tape("holdout v4", &h.tape, wallets), MEASURED_ACCURACY_FLOOR, MEASURED_PEOPLE_CEILING);
}
