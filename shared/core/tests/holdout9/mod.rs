//! Holdout set 9: labelled synthetic Polymarket wallets (people and bots) and the public tape of
//! the markets they trade, written from descriptions of how people and programs trade on the
//! venue. Deterministic: every draw comes from seeded generators below.
#![allow(dead_code)]

mod bots;
mod crowd;
mod ctx;
mod markets;
mod names;
mod people;
mod rng;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;

/// When the set is taken: 2027-11-09 21:14:37 UTC.
pub const NOW: i64 = 1_825_794_877;
/// Start of the 30-day window.
pub const W0: i64 = NOW - 30 * 86_400;

pub struct Holdout9Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout9 {
    pub wallets: Vec<Holdout9Wallet>,
    /// The public trades of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// Names of behaviours written as automated programs that trade at a person's pace.
pub const HARD_BOTS: &[&str] = bots::HARD;

fn run(c: &mut ctx::Ctx, rng: &mut rng::Rng, name: &'static str, n: usize, generate: people::Gen, bot: bool) {
    let ws: Vec<u32> = (0..n).map(|_| c.wallet()).collect();
    let from = c.fills.len();
    generate(c, rng, &ws);
    for &w in &ws {
        for attempt in 0..12u64 {
            if c.fills[from..].iter().any(|f| f.w == w) {
                break;
            }
            let mut r = rng.fork(1000 + attempt);
            generate(c, &mut r, &[w]);
        }
        c.label(w, bot, name);
    }
}

fn tx_hash(tx: u64) -> String {
    let mut x = tx ^ 0x7e57_7a9e_0009_0009;
    let words = [rng::splitmix(&mut x), rng::splitmix(&mut x), rng::splitmix(&mut x), rng::splitmix(&mut x)];
    markets::hex_from(&words)
}

pub fn holdout9() -> Holdout9 {
    let mk = markets::Markets::build(0x0009_a11c_e5ee_d001);
    let mut c = ctx::Ctx::new(mk, 0x0009_b0b5_eed0_0002);
    let mut rng = rng::Rng::new(0x0009_0000_0000_0003);
    crowd::leaders(&mut c, &mut rng.fork(1));
    for (i, &(name, n, generate)) in people::PEOPLE.iter().enumerate() {
        run(&mut c, &mut rng.fork(100 + i as u64), name, n, generate, false);
    }
    for (i, &(name, n, generate)) in bots::BOTS.iter().enumerate() {
        run(&mut c, &mut rng.fork(200 + i as u64), name, n, generate, true);
    }
    crowd::unlabelled_bots(&mut c, &mut rng.fork(2));
    crowd::background(&mut c, &mut rng.fork(3), 1.0);
    finish(c)
}

fn finish(c: ctx::Ctx) -> Holdout9 {
    let wallets: Vec<Wallet> = c.addrs.iter().map(|a| Wallet::parse(a).expect("generated address")).collect();
    let convert = |f: &ctx::Fill| -> Trade {
        let mk = &c.mk.list[f.m as usize];
        Trade {
            wallet: wallets[f.w as usize].clone(),
            side: if f.buy { Side::Buy } else { Side::Sell },
            asset: mk.tokens[f.o as usize].clone(),
            condition_id: mk.cond.clone(),
            size: Shares(Decimal::new(f.sz as i64, 2)),
            price: Price(Decimal::new(f.pc as i64, 2)),
            timestamp: from_secs(f.ts),
            transaction_hash: tx_hash(f.tx),
            outcome: mk.outcomes[f.o as usize].to_string(),
            outcome_index: Some(f.o as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        }
    };
    let mut order: Vec<usize> = (0..c.fills.len()).collect();
    order.sort_by(|&a, &b| c.fills[b].ts.cmp(&c.fills[a].ts).then(a.cmp(&b)));
    let mut per: std::collections::HashMap<u32, Vec<usize>> = std::collections::HashMap::new();
    let labelled: std::collections::HashSet<u32> = c.labelled.iter().map(|x| x.0).collect();
    for &i in &order {
        let w = c.fills[i].w;
        if labelled.contains(&w) {
            per.entry(w).or_default().push(i);
        }
    }
    let out_wallets = c
        .labelled
        .iter()
        .map(|&(w, bot, behaviour)| Holdout9Wallet {
            wallet: wallets[w as usize].clone(),
            bot,
            behaviour,
            trades: per.get(&w).map(|v| v.iter().map(|&i| convert(&c.fills[i])).collect()).unwrap_or_default(),
        })
        .collect();
    let tape = order.iter().map(|&i| convert(&c.fills[i])).collect();
    Holdout9 { wallets: out_wallets, tape }
}
