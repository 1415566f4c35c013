//! Holdout v12: a synthetic month of Polymarket — people and programs, each wallet labelled, and the
//! public tape of every market they traded in.
//!
//! Written from descriptions of how people and programs trade on Polymarket, independently of
//! any classifier. Deterministic: a fixed seed and ordered collections only.
#![allow(dead_code)]

pub mod bots;
pub mod crowd;
pub mod ctx;
pub mod people;
pub mod rng;
pub mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use ctx::{CROWD, Ctx, Fill, tx_hash};
use rng::Rng;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use world::World;

/// When the set is taken: 2027-05-20 17:42:00 UTC.
pub const NOW: i64 = 1_810_834_920;
/// Start of the 30-day window.
pub const W0: i64 = NOW - 30 * 86_400;

pub struct Holdout12Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout12 {
    pub wallets: Vec<Holdout12Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

fn address(label: &str, k: u64) -> String {
    Rng::stream(label, k).hex(40)
}

fn to_trade(world: &World, f: &Fill, addr: &str) -> Trade {
    let m = world.m(f.m);
    let o = usize::from(f.o);
    Trade {
        wallet: Wallet::parse(addr).expect("generated addresses are well formed"),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: m.tokens[o].clone(),
        condition_id: m.condition_id.clone(),
        size: Shares(Decimal::new(f.sz as i64, 2).normalize()),
        price: Price(Decimal::new(i64::from(f.c), 2).normalize()),
        timestamp: from_secs(f.ts),
        transaction_hash: tx_hash(f.tx),
        outcome: m.outcomes[o].clone(),
        outcome_index: Some(u32::from(f.o)),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

pub fn holdout12() -> Holdout12 {
    let world = World::build();
    let mut ctx = Ctx::new(&world);
    people::leaders(&mut ctx);
    bots::tipsters(&mut ctx);

    let mut table: Vec<(&'static str, bool, usize, bots::Gen)> = Vec::new();
    for (name, n, f) in people::behaviours() {
        table.push((name, false, n, bots::Gen::One(f)));
    }
    for (name, n, g) in bots::behaviours() {
        table.push((name, true, n, g));
    }

    let mut labels: Vec<(&'static str, bool)> = Vec::new();
    for (name, bot, n, g) in &table {
        let ids: Vec<u32> = (labels.len() as u32..(labels.len() + n) as u32).collect();
        for _ in 0..*n {
            labels.push((name, *bot));
        }
        match g {
            bots::Gen::One(f) => {
                for (i, &w) in ids.iter().enumerate() {
                    for attempt in 0..6u64 {
                        let start = ctx.fills.len();
                        let mut rng = Rng::stream(name, i as u64 + 1000 * attempt);
                        f(&mut ctx, &mut rng, w);
                        if ctx.fills[start..].iter().any(|x| x.w == w) {
                            break;
                        }
                    }
                }
            }
            bots::Gen::Group(f) => {
                let mut rng = Rng::stream(name, 0);
                f(&mut ctx, &mut rng, &ids);
            }
        }
    }

    // the tape: crowd rows of every touched market, plus every non-crowd fill there
    let touched: BTreeSet<u32> = ctx.touched().into_iter().collect();
    let mut rows: Vec<Fill> = Vec::new();
    for &m in &touched {
        rows.extend_from_slice(ctx.crowd(m));
    }
    rows.extend(ctx.fills.iter().copied().filter(|f| touched.contains(&f.m)));
    rows.extend(ctx.background.iter().copied().filter(|f| touched.contains(&f.m)));
    rows.retain(|f| f.ts >= W0 && f.ts < NOW);
    rows.sort_by_key(|f| (std::cmp::Reverse(f.ts), std::cmp::Reverse(f.tx)));

    let mut addrs: Vec<String> = Vec::with_capacity(labels.len());
    let mut seen = BTreeSet::new();
    let mut k = 0u64;
    while addrs.len() < labels.len() {
        let a = address("labelled-wallet", k);
        k += 1;
        if seen.insert(a.clone()) {
            addrs.push(a);
        }
    }
    let mut crowd_addr: BTreeMap<u32, String> = BTreeMap::new();
    let mut wallets: Vec<Holdout12Wallet> = labels
        .iter()
        .zip(&addrs)
        .map(|(&(behaviour, bot), a)| Holdout12Wallet {
            wallet: Wallet::parse(a).expect("well formed"),
            bot,
            behaviour,
            trades: Vec::new(),
        })
        .collect();
    let mut tape = Vec::with_capacity(rows.len());
    for f in &rows {
        let trade = if f.w < CROWD {
            let t = to_trade(&world, f, &addrs[f.w as usize]);
            wallets[f.w as usize].trades.push(t.clone());
            t
        } else {
            let a = crowd_addr.entry(f.w).or_insert_with(|| {
                let a = address("crowd-wallet", u64::from(f.w & !CROWD));
                if seen.contains(&a) { address("crowd-wallet-b", u64::from(f.w)) } else { a }
            });
            to_trade(&world, f, a)
        };
        tape.push(trade);
    }
    Holdout12 { wallets, tape }
}
