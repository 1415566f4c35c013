//! Holdout v15: an independently written set of labelled Polymarket wallets (people and
//! programs) and the public tape of the markets they trade in, over the 30 days before [`NOW`].
//!
//! Everything is built from a seeded generator: the same set every time.

mod bots;
mod crowd;
mod exec;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use exec::{Fill, Sim};
use rng::{Rng, hash_str, hex_from, mix};
use rust_decimal::Decimal;
pub use world::NOW;
use world::World;

pub struct Holdout15Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout15 {
    pub wallets: Vec<Holdout15Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

fn row(sim: &Sim, wallets: &[Option<Wallet>], f: &Fill) -> Trade {
    let mk = sim.w.m(f.m);
    let o = usize::from(f.o);
    Trade {
        wallet: wallets[f.who as usize].clone().unwrap_or_else(|| Wallet::parse(&sim.addrs[f.who as usize]).expect("generated address")),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: mk.tokens[o].clone(),
        condition_id: mk.cond.clone(),
        size: Shares(Decimal::new(f.size as i64, 2)),
        price: Price(Decimal::new(i64::from(f.cents), 2)),
        timestamp: from_secs(f.ts),
        transaction_hash: format!("0x{}", hex_from(mix(0x7A5_0015, f.tx), 64)),
        outcome: mk.outcomes[o].clone(),
        outcome_index: Some(u32::from(f.o)),
        title: mk.title.clone(),
        slug: mk.slug.clone(),
    }
}

pub fn holdout15() -> Holdout15 {
    let mut sim = Sim::new(World::build());
    crowd::leaders(&mut sim);
    let mut labelled: Vec<(u32, bool, &'static str)> = Vec::new();
    for (list, bot) in [(people::PEOPLE, false), (bots::BOTS, true)] {
        for &(name, n, gen_fn) in list {
            let ids: Vec<u32> = (0..n).map(|i| sim.wallet(mix(hash_str(name), i as u64))).collect();
            let start = sim.fills.len();
            for i in 0..n {
                let rng = Rng::new(mix(hash_str(name), 1000 + i as u64));
                gen_fn(&mut sim, &rng, &ids, i);
            }
            // a wallet that happened not to trade at all is drawn again
            for i in 0..n {
                let mut k = 0u64;
                while k < 12 && !sim.fills[start..].iter().any(|f| f.who == ids[i]) {
                    let rng = Rng::new(mix(hash_str(name), 5000 + i as u64 + 100 * k));
                    gen_fn(&mut sim, &rng, &ids, i);
                    k += 1;
                }
            }
            labelled.extend(ids.iter().map(|&id| (id, bot, name)));
        }
    }
    let mut is_lab = vec![false; sim.addrs.len()];
    for &(id, _, _) in &labelled {
        is_lab[id as usize] = true;
    }
    let mut touched_v = vec![false; sim.w.markets.len()];
    for f in &sim.fills {
        if is_lab[f.who as usize] {
            touched_v[f.m as usize] = true;
        }
    }
    let touched: std::collections::BTreeSet<u32> = (0..touched_v.len() as u32).filter(|&m| touched_v[m as usize]).collect();
    crowd::crowd(&mut sim, &touched);
    let mut rows: Vec<Fill> = sim.fills.iter().filter(|f| touched_v[f.m as usize]).copied().collect();
    rows.sort_by(|a, b| b.ts.cmp(&a.ts).then(b.tx.cmp(&a.tx)));
    let mut wallets: Vec<Option<Wallet>> = vec![None; sim.addrs.len()];
    for f in &rows {
        let w = &mut wallets[f.who as usize];
        if w.is_none() {
            *w = Wallet::parse(&sim.addrs[f.who as usize]).ok();
        }
    }
    let tape: Vec<Trade> = rows.iter().map(|f| row(&sim, &wallets, f)).collect();
    let mut slot = vec![usize::MAX; sim.addrs.len()];
    let mut out: Vec<Holdout15Wallet> = Vec::new();
    for (k, &(id, bot, name)) in labelled.iter().enumerate() {
        slot[id as usize] = k;
        out.push(Holdout15Wallet {
            wallet: Wallet::parse(&sim.addrs[id as usize]).expect("generated address"),
            bot,
            behaviour: name,
            trades: Vec::new(),
        });
    }
    for (f, t) in rows.iter().zip(&tape) {
        let k = slot[f.who as usize];
        if k != usize::MAX {
            out[k].trades.push(t.clone());
        }
    }
    Holdout15 { wallets: out, tape }
}
