//! Holdout v19: an independently written, labelled set of Polymarket wallets (people and trading
//! programs) and the public tape of every market they trade in, over the 30 days before [`NOW`].
//!
//! Written from descriptions of how people and bots really trade on Polymarket; it is meant to be
//! measured against once.
#![allow(
    dead_code,
    clippy::too_many_arguments,
    clippy::type_complexity,
    clippy::manual_range_contains,
    clippy::needless_range_loop,
    clippy::collapsible_if,
    clippy::if_same_then_else
)]

mod bots;
mod crowd;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rng::{Rng, scramble};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
pub use world::NOW;
use world::{START, World};

pub struct Holdout19Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout19 {
    pub wallets: Vec<Holdout19Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// One fill before it becomes a Data API row. `size` is in hundredths of a share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fill {
    pub t: i64,
    pub m: usize,
    pub o: usize,
    pub buy: bool,
    pub cents: i64,
    pub size: i64,
    pub tx: u64,
    /// A resting order that someone else's order hit.
    pub maker: bool,
    /// Whether the crowd supplies the other side of this fill on the tape.
    pub cp: bool,
}

pub struct Ctx {
    pub w: World,
    next_tx: u64,
    /// Well-known unlabelled traders (copied by copy bots and followers): their fills.
    pub leaders: Vec<Vec<Fill>>,
}

/// Hundredths of a share that `usd` buys at `cents` (at least five shares).
pub fn shares_for(usd: f64, cents: i64) -> i64 {
    ((usd * 100.0 / cents.max(1) as f64) * 100.0).round().max(500.0) as i64
}

/// Rounds hundredths of a share down to whole shares (at least five).
pub fn whole(size: i64) -> i64 {
    (size / 100 * 100).max(500)
}

impl Ctx {
    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A marketable order for about `usd` dollars that may walk `levels` price levels.
    pub fn take(&mut self, t: i64, m: usize, o: usize, buy: bool, usd: f64, levels: usize) -> Vec<Fill> {
        let c0 = if buy { self.w.ask(m, t, o) } else { self.w.bid(m, t, o) };
        let size = shares_for(usd, c0);
        self.take_sh(t, m, o, buy, size, levels)
    }

    /// A marketable order for `size` hundredths of a share over up to `levels` levels.
    pub fn take_sh(&mut self, t: i64, m: usize, o: usize, buy: bool, size: i64, levels: usize) -> Vec<Fill> {
        let c0 = if buy { self.w.ask(m, t, o) } else { self.w.bid(m, t, o) };
        let tx = self.tx();
        let mut out = Vec::new();
        let mut left = size.max(500);
        let levels = levels.max(1);
        for k in 0..levels {
            let c = if buy { c0 + k as i64 } else { c0 - k as i64 };
            if !(1..=99).contains(&c) {
                break;
            }
            let share = 40 + (scramble(tx ^ (k as u64 * 7919)) % 45) as i64;
            let mut part = if k + 1 == levels { left } else { left * share / 100 };
            if part < 500 || left - part < 500 {
                part = left;
            }
            out.push(Fill { t, m, o, buy, cents: c, size: part, tx, maker: false, cp: true });
            left -= part;
            if left <= 0 {
                break;
            }
        }
        if left > 0 {
            if let Some(f) = out.last_mut() {
                f.size += left;
            } else {
                out.push(Fill { t, m, o, buy, cents: c0.clamp(1, 99), size: left, tx, maker: false, cp: true });
            }
        }
        out
    }

    /// A resting order at `cents`, hit by someone else at `t`.
    pub fn rest(&mut self, t: i64, m: usize, o: usize, buy: bool, cents: i64, size: i64) -> Fill {
        let tx = self.tx();
        Fill { t, m, o, buy, cents: cents.clamp(1, 99), size: size.max(500), tx, maker: true, cp: true }
    }
}

/// A behaviour: makes `n` wallets' fills.
pub type Gen = fn(&mut Rng, &mut Ctx, usize) -> Vec<Vec<Fill>>;

pub fn valid(w: &World, f: &Fill) -> bool {
    f.t > START && f.t <= NOW && w.markets[f.m].trading(f.t) && (1..=99).contains(&f.cents) && f.size >= 500
}

/// Runs a one-wallet behaviour `n` times; a wallet left with no valid fill is drawn again.
pub fn each(r: &mut Rng, ctx: &mut Ctx, n: usize, f: fn(&mut Rng, &mut Ctx) -> Vec<Fill>) -> Vec<Vec<Fill>> {
    let mut out = Vec::new();
    for i in 0..n {
        let mut fills = Vec::new();
        for k in 0..30u64 {
            let mut rr = r.fork(i as u64 * 1000 + k);
            fills = f(&mut rr, ctx);
            fills.retain(|x| valid(&ctx.w, x));
            if !fills.is_empty() {
                break;
            }
        }
        out.push(fills);
    }
    out
}

pub fn tx_hash(id: u64) -> String {
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for k in 0..4u64 {
        s.push_str(&format!("{:016x}", scramble(id.wrapping_mul(0x100).wrapping_add(k) ^ 0x1919_0000_beef)));
    }
    s
}

pub fn to_trade(w: &World, wallet: &Wallet, f: &Fill) -> Trade {
    let m = &w.markets[f.m];
    Trade {
        wallet: wallet.clone(),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: m.assets[f.o].clone(),
        condition_id: m.cond.clone(),
        size: Shares(Decimal::new(f.size, 2)),
        price: Price(Decimal::new(f.cents, 2)),
        timestamp: from_secs(f.t),
        transaction_hash: tx_hash(f.tx),
        outcome: m.outcomes[f.o].clone(),
        outcome_index: Some(f.o as u32),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

fn order(fills: &mut [Fill]) {
    fills.sort_by(|a, b| b.t.cmp(&a.t).then(b.tx.cmp(&a.tx)).then(a.cents.cmp(&b.cents)).then(a.o.cmp(&b.o)));
}

pub fn holdout19() -> Holdout19 {
    let mut r = Rng::new(19);
    let w = world::build(&mut r.fork(1));
    let mut ctx = Ctx { w, next_tx: 19_000_000, leaders: Vec::new() };
    ctx.leaders = crowd::leaders(&mut r.fork(2), &mut ctx);

    let mut groups: Vec<(&'static str, bool, usize, Gen)> = Vec::new();
    for (n, c, g) in people::all() {
        groups.push((n, false, c, g));
    }
    for (n, c, g) in bots::all() {
        groups.push((n, true, c, g));
    }
    let mut made: Vec<(&'static str, bool, Vec<Fill>)> = Vec::new();
    for (gi, (name, bot, count, make)) in groups.into_iter().enumerate() {
        let mut gr = r.fork(100 + gi as u64);
        for mut fills in make(&mut gr, &mut ctx, count) {
            fills.retain(|f| valid(&ctx.w, f));
            if fills.is_empty() {
                continue;
            }
            order(&mut fills);
            made.push((name, bot, fills));
        }
    }
    // A fixed shuffle, so the set is not grouped by behaviour.
    let mut sr = r.fork(3);
    sr.shuffle(&mut made);

    let mut seen = BTreeSet::new();
    let mut ar = r.fork(4);
    let mut wallets = Vec::new();
    let mut labelled: Vec<(usize, Fill)> = Vec::new();
    for (wi, (name, bot, fills)) in made.into_iter().enumerate() {
        let addr = loop {
            let a = format!("0x{}", ar.hex(40));
            if seen.insert(a.clone()) {
                break a;
            }
        };
        let wallet = Wallet::parse(&addr).expect("well-formed address");
        let trades = fills.iter().map(|f| to_trade(&ctx.w, &wallet, f)).collect();
        labelled.extend(fills.iter().map(|f| (wi, *f)));
        wallets.push((wallet, bot, name, trades, fills));
    }

    let touched: BTreeSet<usize> = labelled.iter().map(|(_, f)| f.m).collect();
    let people_fills: Vec<(&'static str, &Vec<Fill>)> = wallets.iter().filter(|w| !w.1).map(|w| (w.2, &w.4)).collect();
    let crowd = crowd::crowd(&mut r.fork(5), &mut ctx, &touched, &labelled, &people_fills, &mut seen);

    let mut rows: Vec<(i64, u64, usize, Trade)> = Vec::with_capacity(crowd.fills.len() + labelled.len());
    for (ci, f) in &crowd.fills {
        if touched.contains(&f.m) && valid(&ctx.w, f) {
            rows.push((f.t, f.tx, rows.len(), to_trade(&ctx.w, &crowd.wallets[*ci], f)));
        }
    }
    for (wi, f) in &labelled {
        rows.push((f.t, f.tx, rows.len(), to_trade(&ctx.w, &wallets[*wi].0, f)));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let tape = rows.into_iter().map(|x| x.3).collect();
    let wallets =
        wallets.into_iter().map(|(wallet, bot, behaviour, trades, _)| Holdout19Wallet { wallet, bot, behaviour, trades }).collect();
    Holdout19 { wallets, tape }
}
