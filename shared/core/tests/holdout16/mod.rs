//! Holdout v16: an independently written, labelled set of Polymarket wallets (people and trading
//! programs) and the public tape of the markets they trade in, over the 30 days before [`NOW`].
//!
//! Everything is built from a small simulated market world (see `world.rs`) with a seeded
//! generator, so the set is identical on every run.
#![allow(dead_code)]

mod bots;
mod crowd;
mod exec;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use exec::{Ex, Fill};
use rng::{Rng, mix};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
pub use world::NOW;
use world::World;

pub struct Holdout16Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout16 {
    pub wallets: Vec<Holdout16Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first, with the
    /// labelled wallets' own fills and the unlabelled crowd's.
    pub tape: Vec<Trade>,
}

const SEED: u64 = 0x1601_D0C5_2026_1130;
const LEADERS: usize = 15;
const MAKERS: usize = 40;
const CROWD: usize = 7_000;

fn tx_hash(tx: u64) -> String {
    format!("0x{:016x}{:016x}{:016x}{:016x}", mix(tx ^ 0xA1), mix(tx ^ 0xB2), mix(tx ^ 0xC3), mix(tx ^ 0xD4))
}

pub fn holdout16() -> Holdout16 {
    let mut rng = Rng::new(SEED);
    let world = World::build(rng.next_u64());

    // who is who: labelled behaviours with their wallet counts
    let mut plan: Vec<(&'static str, bool, people::Run, usize)> = Vec::new();
    for (name, run) in people::PEOPLE {
        plan.push((name, false, *run, rng.range(11, 14) as usize));
    }
    for (name, run) in bots::BOTS {
        plan.push((name, true, *run, rng.range(10, 13) as usize));
    }
    let labelled: usize = plan.iter().map(|p| p.3).sum();
    let total = labelled + LEADERS + MAKERS + CROWD;
    let mut seen = BTreeSet::new();
    let mut addrs: Vec<String> = Vec::with_capacity(total);
    let mut ar = rng.fork(0xADD2);
    while addrs.len() < total {
        let a = format!("0x{}", ar.hex(40));
        if seen.insert(a.clone()) {
            addrs.push(a);
        }
    }
    let leader_ids: Vec<u32> = (labelled..labelled + LEADERS).map(|i| i as u32).collect();
    let maker_ids: Vec<u32> = (labelled + LEADERS..labelled + LEADERS + MAKERS).map(|i| i as u32).collect();
    let crowd_ids: Vec<u32> = (labelled + LEADERS + MAKERS..total).map(|i| i as u32).collect();

    let mut ex = Ex::new(&world, maker_ids, crowd_ids.clone(), rng.next_u64());
    let leaders = crowd::leaders(&mut ex, &mut rng.fork(0x1EAD), &leader_ids);

    // labelled wallets, in a shuffled order of ids so a behaviour's wallets are not adjacent
    let mut ids: Vec<u32> = (0..labelled as u32).collect();
    rng.shuffle(&mut ids);
    let mut owner: Vec<(usize, u32)> = Vec::new();
    let mut k = 0;
    for (b, p) in plan.iter().enumerate() {
        let mine: Vec<u32> = ids[k..k + p.3].to_vec();
        k += p.3;
        let mut br = rng.fork(mix(b as u64 + 1));
        (p.2)(&mut ex, &mut br, &mine, &leaders);
        for id in mine {
            owner.push((b, id));
        }
    }
    // a wallet that never got a fill tries again with other luck
    for round in 0..6u64 {
        let mut has = vec![false; labelled];
        for f in &ex.fills {
            if (f.w as usize) < labelled {
                has[f.w as usize] = true;
            }
        }
        let empty: Vec<(usize, u32)> = owner.iter().copied().filter(|(_, id)| !has[*id as usize]).collect();
        if empty.is_empty() {
            break;
        }
        for (b, id) in empty {
            let mut br = rng.fork(mix(0xE0 + round * 1000 + id as u64));
            (plan[b].2)(&mut ex, &mut br, &[id], &leaders);
        }
    }

    // the crowd in every market a labelled wallet touched
    let touched: BTreeSet<usize> = ex.fills.iter().filter(|f| (f.w as usize) < labelled).map(|f| f.m as usize).collect();
    crowd::crowd(&mut ex, &mut rng.fork(0xC20D), &crowd_ids, &touched);

    // dress the fills as Data API rows, newest first
    let mut fills: Vec<(usize, Fill)> = ex.fills.iter().copied().filter(|f| touched.contains(&(f.m as usize))).enumerate().collect();
    fills.sort_by(|a, b| b.1.ts.cmp(&a.1.ts).then(b.1.tx.cmp(&a.1.tx)).then(a.0.cmp(&b.0)));
    let wallets: Vec<Wallet> = addrs.iter().map(|a| Wallet::parse(a).expect("generated addresses are valid")).collect();
    let mut per: Vec<Vec<Trade>> = vec![Vec::new(); labelled];
    let mut tape = Vec::with_capacity(fills.len());
    for (_, f) in &fills {
        let mk = &world.markets[f.m as usize];
        let o = f.o as usize;
        let t = Trade {
            wallet: wallets[f.w as usize].clone(),
            side: if f.buy { Side::Buy } else { Side::Sell },
            asset: mk.tokens[o].clone(),
            condition_id: mk.condition.clone(),
            size: Shares(Decimal::new(f.sz as i64, 2)),
            price: Price(Decimal::new(f.c as i64, 2)),
            timestamp: from_secs(f.ts),
            transaction_hash: tx_hash(f.tx),
            outcome: mk.outcomes[o].clone(),
            outcome_index: Some(f.o as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        };
        if (f.w as usize) < labelled {
            per[f.w as usize].push(t.clone());
        }
        tape.push(t);
    }
    let mut out = Vec::with_capacity(labelled);
    let mut order: Vec<(usize, u32)> = owner;
    order.sort_by_key(|(_, id)| *id);
    for (b, id) in order {
        out.push(Holdout16Wallet {
            wallet: wallets[id as usize].clone(),
            bot: plan[b].1,
            behaviour: plan[b].0,
            trades: std::mem::take(&mut per[id as usize]),
        });
    }
    Holdout16 { wallets: out, tape }
}
