//! Holdout v17: an independently written, labelled set of Polymarket wallets (people and trading
//! programs) and the public tape of the markets they trade in, over the 30 days before [`NOW`].
//!
//! The set is a small market world: games with in-play periods, elections, long political and
//! world questions, deadlines, economic releases, culture and weather buckets, daily crypto
//! strikes and 15-minute / hourly crypto up-or-down windows, each with a price path and a
//! bid/ask, a crowd of unlabelled traders, and the labelled wallets acting in it.
#![allow(dead_code)]

mod bots;
mod crowd;
mod out;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
pub use world::NOW;

pub struct Holdout17Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout17 {
    pub wallets: Vec<Holdout17Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// A labelled behaviour: its name, label, how many wallets, and the function that plays one.
pub struct Behaviour {
    pub name: &'static str,
    pub bot: bool,
    pub count: usize,
    pub play: fn(&mut out::Out, &mut out::Actor),
}

pub fn holdout17() -> Holdout17 {
    let w = world::build();
    let mut o = out::Out::new(&w);
    crowd::leaders(&mut o);
    let mut behaviours: Vec<Behaviour> = people::behaviours();
    behaviours.extend(bots::behaviours());
    let mut labelled: Vec<(u32, &'static str, bool)> = Vec::new();
    let mut who = 0u32;
    for (bi, b) in behaviours.iter().enumerate() {
        for k in 0..b.count {
            // A wallet that happened to do nothing this month is replaced by another of its kind.
            for attempt in 0..8u64 {
                let mut actor = out::Actor::new(who, rng::Rng::new(&[0x17, bi as u64, k as u64, attempt]));
                (b.play)(&mut o, &mut actor);
                if actor.n > 0 {
                    break;
                }
            }
            labelled.push((who, b.name, b.bot));
            who += 1;
        }
    }
    // Every market a labelled wallet touched gets its crowd.
    let touched: BTreeSet<u32> = o.rows.iter().filter(|f| f.who < out::CROWD).map(|f| f.m).collect();
    let mut rows: Vec<out::Fill> = o.rows.iter().copied().filter(|f| touched.contains(&f.m)).collect();
    for &m in &touched {
        crowd::market(&w, m, &mut rows);
    }
    rows.retain(|f| f.t > world::START && f.t < NOW);
    rows.sort_by(|a, b| b.t.cmp(&a.t).then(b.tx.cmp(&a.tx)).then(a.seq.cmp(&b.seq)));

    let mut wallets_by_id: BTreeMap<u32, Wallet> = BTreeMap::new();
    let mut tape = Vec::with_capacity(rows.len());
    let mut per_wallet: BTreeMap<u32, Vec<Trade>> = BTreeMap::new();
    for f in &rows {
        let wallet = wallets_by_id.entry(f.who).or_insert_with(|| out::wallet_of(f.who)).clone();
        let m = w.m(f.m);
        let t = Trade {
            wallet,
            side: f.side,
            asset: m.tokens[f.o as usize].clone(),
            condition_id: m.cond.clone(),
            size: Shares(Decimal::new(f.sz, 2)),
            price: Price(Decimal::new(f.c, 2)),
            timestamp: from_secs(f.t),
            transaction_hash: out::tx_hash(f.tx),
            outcome: m.outcomes[f.o as usize].clone(),
            outcome_index: Some(f.o as u32),
            title: m.title.clone(),
            slug: m.slug.clone(),
        };
        if f.who < out::CROWD {
            per_wallet.entry(f.who).or_default().push(t.clone());
        }
        tape.push(t);
    }
    // Present the wallets in a shuffled (but fixed) order rather than grouped by behaviour.
    let mut order = rng::Rng::new(&[0x17, 0x5bu64]);
    for i in (1..labelled.len()).rev() {
        let j = order.below(i + 1);
        labelled.swap(i, j);
    }
    let wallets = labelled
        .into_iter()
        .map(|(id, behaviour, bot)| Holdout17Wallet {
            wallet: out::wallet_of(id),
            bot,
            behaviour,
            trades: per_wallet.remove(&id).unwrap_or_default(),
        })
        .collect();
    Holdout17 { wallets, tape }
}
