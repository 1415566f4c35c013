//! Holdout v5: a fifth bot-filter test set, generated independently of the filter.
//!
//! A deterministic simulation (its own PRNG, a frozen seed) of a Polymarket over the 45 days
//! ending at a fixed NOW (2026-12-01T00:00:00Z): sports games on a real league calendar, Bitcoin
//! and Ether up/down windows and daily strikes priced from a simulated underlying, long political
//! questions and candidate fields, deadline questions, daily weather buckets and culture
//! questions, each with a price path, a book with spread and depth, and an anonymous crowd whose
//! activity follows the hour of day, the game clock and the news. Labelled wallets — people and
//! bots, each behaviour modelled on how real participants trade — act on that market, and so do
//! unlabelled leaders that copy bots and copiers follow, and a few unlabelled copy bots.
//!
//! Each labelled wallet comes with its fills of the last 30 days (newest first, as the Data API
//! returns them); the tape holds every fill of the last 31 days by everyone.

mod bots;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rng::Rng;
use rust_decimal::Decimal;
use std::collections::HashMap;
use world::{NOW, TAPE_FROM, WIN_FROM, World};

/// The frozen seed of holdout v5.
pub const SEED: u64 = 0x0005_C0C7_CA75_2026;

/// One labelled wallet of holdout v5.
pub struct Holdout5Wallet {
    /// The wallet.
    pub wallet: Wallet,
    /// Ground truth: software places its orders.
    pub bot: bool,
    /// The behaviour it was generated from.
    pub behaviour: &'static str,
    /// Its fills in the 30-day window, newest first.
    pub trades: Vec<Trade>,
}

/// Holdout v5: the labelled wallets and the public tape.
pub struct Holdout5 {
    /// The labelled wallets.
    pub wallets: Vec<Holdout5Wallet>,
    /// Every fill by everyone over the window (and a day before it), oldest first.
    pub tape: Vec<Trade>,
}

type One = fn(&mut World, &mut Rng, u32);
type Ring = fn(&mut World, &mut Rng, &[u32]);

#[derive(Clone, Copy)]
enum Gen {
    One(One),
    Ring(Ring, &'static [usize]),
}

/// When a behaviour runs: leaders first, copiers after the leaders' orders are indexed.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Leader,
    Plain,
    Copier,
}

struct Behaviour {
    name: &'static str,
    bot: bool,
    count: usize,
    stage: Stage,
    generator: Gen,
}

const fn b(name: &'static str, bot: bool, count: usize, stage: Stage, generator: Gen) -> Behaviour {
    Behaviour { name, bot, count, stage, generator }
}

// People: the first five are ordinary participants; the rest act in ways that look mechanical
// for innocent reasons (same hour and amount every day, hundreds of quick round trips, resting
// orders that fill at night, reacting within a minute, trailing a whale, preset buttons).
// Bots: the copy bots come in three designs; `copy_filtered`, `cron_dca`, `llm_agent`,
// `inplay_feed` and `jitter_momentum` look like people at first sight (few trades, human hours,
// round or randomised amounts, irregular timing).
const BEHAVIOURS: [Behaviour; 29] = [
    b("whale_limit", false, 12, Stage::Leader, Gen::One(people::whale_limit)),
    b("sports_fan", false, 20, Stage::Plain, Gen::One(people::sports_fan)),
    b("politics_position", false, 16, Stage::Plain, Gen::One(people::politics_position)),
    b("crypto_punter", false, 14, Stage::Plain, Gen::One(people::crypto_punter)),
    b("culture_casual", false, 14, Stage::Plain, Gen::One(people::culture_casual)),
    b("day_trader", false, 12, Stage::Plain, Gen::One(people::day_trader)),
    b("weather_ladder", false, 12, Stage::Plain, Gen::One(people::weather_ladder)),
    b("habit_bettor", false, 12, Stage::Plain, Gen::One(people::habit_bettor)),
    b("news_chaser", false, 12, Stage::Plain, Gen::One(people::news_chaser)),
    b("bond_buyer", false, 12, Stage::Plain, Gen::One(people::bond_buyer)),
    b("limit_ladder", false, 12, Stage::Plain, Gen::One(people::limit_ladder)),
    b("night_owl", false, 12, Stage::Plain, Gen::One(people::night_owl)),
    b("manual_copier", false, 12, Stage::Copier, Gen::One(people::manual_copier)),
    b("points_farmer", false, 10, Stage::Plain, Gen::One(people::points_farmer)),
    b("telegram_trader", false, 12, Stage::Plain, Gen::One(people::telegram_trader)),
    b("market_maker", true, 14, Stage::Plain, Gen::One(bots::market_maker)),
    b("updown_arb", true, 13, Stage::Plain, Gen::One(bots::updown_arb)),
    b("expiry_sniper", true, 13, Stage::Plain, Gen::One(bots::expiry_sniper)),
    b("copy_chain", true, 14, Stage::Copier, Gen::One(bots::copy_chain)),
    b("copy_poller", true, 14, Stage::Copier, Gen::One(bots::copy_poller)),
    b("copy_filtered", true, 12, Stage::Copier, Gen::One(bots::copy_filtered)),
    b("bond_sweeper", true, 12, Stage::Plain, Gen::One(bots::bond_sweeper)),
    b("cron_dca", true, 12, Stage::Plain, Gen::One(bots::cron_dca)),
    b("llm_agent", true, 12, Stage::Plain, Gen::One(bots::llm_agent)),
    b("wash_ring", true, 14, Stage::Plain, Gen::Ring(bots::wash_ring, &[3, 2, 4, 3, 2])),
    b("inplay_feed", true, 12, Stage::Plain, Gen::One(bots::inplay_feed)),
    b("negrisk_arb", true, 12, Stage::Plain, Gen::One(bots::negrisk_arb)),
    b("grid_trader", true, 12, Stage::Plain, Gen::One(bots::grid_trader)),
    b("jitter_momentum", true, 12, Stage::Plain, Gen::One(bots::jitter_momentum)),
];

/// Unlabelled sharp bettors that copy bots and copiers follow.
const SHARP_LEADERS: usize = 14;
/// Unlabelled copy bots trading beside the labelled ones.
const CROWD_COPIERS: usize = 8;

fn run(w: &mut World, r: &mut Rng, stage: Stage, ids: &[Vec<u32>]) {
    for (bi, beh) in BEHAVIOURS.iter().enumerate() {
        if beh.stage != stage {
            continue;
        }
        match beh.generator {
            Gen::One(f) => {
                for &id in &ids[bi] {
                    let mut rr = r.fork();
                    f(w, &mut rr, id);
                }
            }
            Gen::Ring(f, sizes) => {
                let mut at = 0;
                for &n in sizes {
                    let mut rr = r.fork();
                    f(w, &mut rr, &ids[bi][at..at + n]);
                    at += n;
                }
            }
        }
    }
}

/// Builds holdout v5 (deterministic: the same set on every call).
pub fn holdout5() -> Holdout5 {
    let mut w = World::new(SEED);
    let mut r = Rng::new(SEED ^ 0x0B5E_55ED);
    let ids: Vec<Vec<u32>> = BEHAVIOURS.iter().map(|beh| (0..beh.count).map(|_| w.new_wallet()).collect()).collect();
    w.crowd();
    for _ in 0..SHARP_LEADERS {
        let id = w.new_wallet();
        let mut rr = r.fork();
        people::sharp_leader(&mut w, &mut rr, id);
        let popularity = rr.lognormal(1.0, 0.8);
        w.leaders.push((id, popularity));
    }
    run(&mut w, &mut r, Stage::Leader, &ids);
    for (bi, beh) in BEHAVIOURS.iter().enumerate() {
        if beh.stage == Stage::Leader {
            for &id in &ids[bi] {
                let popularity = r.lognormal(1.0, 0.8);
                w.leaders.push((id, popularity));
            }
        }
    }
    run(&mut w, &mut r, Stage::Plain, &ids);
    w.index_leaders();
    for k in 0..CROWD_COPIERS {
        let id = w.new_wallet();
        let mut rr = r.fork();
        if k % 2 == 0 {
            bots::copy_chain(&mut w, &mut rr, id);
        } else {
            bots::copy_poller(&mut w, &mut rr, id);
        }
    }
    run(&mut w, &mut r, Stage::Copier, &ids);
    w.serve_makers();
    assemble(&w, &ids)
}

fn assemble(w: &World, ids: &[Vec<u32>]) -> Holdout5 {
    let wallets: Vec<Wallet> = w.addrs.iter().map(|a| Wallet::parse(a).expect("generated addresses are valid")).collect();
    let mut owner: HashMap<u32, usize> = HashMap::new();
    let mut out: Vec<Holdout5Wallet> = Vec::new();
    for (bi, beh) in BEHAVIOURS.iter().enumerate() {
        for &id in &ids[bi] {
            owner.insert(id, out.len());
            out.push(Holdout5Wallet { wallet: wallets[id as usize].clone(), bot: beh.bot, behaviour: beh.name, trades: Vec::new() });
        }
    }
    let mut rows: Vec<usize> = (0..w.fills.len()).filter(|&i| (TAPE_FROM..NOW).contains(&w.fills[i].t)).collect();
    rows.sort_by_key(|&i| w.fills[i].t);
    let mut hashes: HashMap<u64, String> = HashMap::new();
    let mut tape = Vec::with_capacity(rows.len());
    for i in rows {
        let f = w.fills[i];
        let mk = &w.markets[f.m as usize];
        let tx = hashes.entry(f.tx).or_insert_with(|| w.tx_hash(f.tx)).clone();
        let trade = Trade {
            wallet: wallets[f.w as usize].clone(),
            side: if f.buy { Side::Buy } else { Side::Sell },
            asset: mk.tokens[f.tok as usize].clone(),
            condition_id: mk.cond.clone(),
            size: Shares(Decimal::new(f.micro, 6).normalize()),
            price: Price(Decimal::new(f.tick as i64, 2)),
            timestamp: from_secs(f.t),
            transaction_hash: tx,
            outcome: mk.outcomes[f.tok as usize].clone(),
            outcome_index: Some(f.tok as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        };
        if f.t >= WIN_FROM
            && let Some(&k) = owner.get(&f.w)
        {
            out[k].trades.push(trade.clone());
        }
        tape.push(trade);
    }
    for h in &mut out {
        h.trades.reverse();
    }
    Holdout5 { wallets: out, tape }
}
