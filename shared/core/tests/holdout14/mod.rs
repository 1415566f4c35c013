//! Holdout v14: an independently written set of labelled Polymarket wallets and the public tape
//! of the markets they trade in, over the 30 days before [`NOW`].
#![allow(dead_code, clippy::collapsible_if, clippy::collapsible_match, clippy::manual_range_contains, clippy::type_complexity)]

mod bots;
mod crowd;
mod people;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rng::{Rng, mix};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
pub use world::NOW;
use world::World;

pub struct Holdout14Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout14 {
    pub wallets: Vec<Holdout14Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// One fill before it is dressed as a Data API row. Sizes are in hundredths of a share.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub t: i64,
    pub m: usize,
    pub o: usize,
    pub buy: bool,
    pub cents: i64,
    pub size: i64,
    pub tx: u64,
}

pub struct Ctx {
    pub w: World,
    pub next_tx: u64,
    /// Well-known crowd wallets (unlabelled) that others follow: their fills.
    pub famous: Vec<Vec<Fill>>,
}

/// Shares (in hundredths) that `usd` buys at `cents`.
pub fn shares_for(usd: f64, cents: i64) -> i64 {
    ((usd / (cents as f64 / 100.0)) * 100.0).round().max(500.0) as i64
}

impl Ctx {
    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A marketable order for about `usd` dollars that may sweep `levels` price levels.
    pub fn take(&mut self, t: i64, m: usize, o: usize, buy: bool, usd: f64, levels: usize) -> Vec<Fill> {
        let mk = &self.w.markets[m];
        let c0 = if buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let size = shares_for(usd, c0);
        self.take_shares(t, m, o, buy, size, levels)
    }

    /// A marketable order for `size` hundredths of a share over up to `levels` levels.
    pub fn take_shares(&mut self, t: i64, m: usize, o: usize, buy: bool, size: i64, levels: usize) -> Vec<Fill> {
        let mk = &self.w.markets[m];
        let c0 = if buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let tx = self.tx();
        let levels = levels.max(1);
        let mut out = Vec::new();
        let mut left = size.max(500);
        let mut k = 0usize;
        while left > 0 {
            let c = if buy { c0 + k as i64 } else { c0 - k as i64 };
            if !(1..=99).contains(&c) {
                break;
            }
            let part = if k + 1 >= levels { left } else { (left * (55 + (mix(tx + k as u64) % 30) as i64) / 100).max(500) };
            let part = if left - part < 500 { left } else { part };
            out.push(Fill { t, m, o, buy, cents: c, size: part, tx });
            left -= part;
            k += 1;
        }
        if out.is_empty() {
            out.push(Fill { t, m, o, buy, cents: c0.clamp(1, 99), size: size.max(500), tx });
        }
        out
    }

    /// A resting order filled by someone else's taker order: at the bid for a buy, the ask for a sell.
    pub fn maker(&mut self, t: i64, m: usize, o: usize, buy: bool, size: i64) -> Fill {
        let mk = &self.w.markets[m];
        let cents = if buy { mk.bid(t, o) } else { mk.ask(t, o) };
        let tx = self.tx();
        Fill { t, m, o, buy, cents, size: size.max(500), tx }
    }
}

pub type Gen = fn(&mut Rng, &mut Ctx, usize) -> Vec<Vec<Fill>>;

/// Runs a one-wallet generator `n` times, retrying a wallet that ended with no fill at all.
pub fn each(r: &mut Rng, ctx: &mut Ctx, n: usize, f: fn(&mut Rng, &mut Ctx) -> Vec<Fill>) -> Vec<Vec<Fill>> {
    let mut out = Vec::new();
    for i in 0..n {
        let mut fills = Vec::new();
        for k in 0..40 {
            let mut rr = r.fork((i * 100 + k) as u64);
            fills = f(&mut rr, ctx);
            if !fills.is_empty() {
                break;
            }
        }
        out.push(fills);
    }
    out
}

fn tx_hash(id: u64) -> String {
    let mut s = String::from("0x");
    for k in 0..4u64 {
        s.push_str(&format!("{:016x}", mix(id.wrapping_mul(4).wrapping_add(k) ^ 0x7e57_da7a)));
    }
    s
}

fn to_trade(w: &World, wallet: &Wallet, f: &Fill) -> Trade {
    let m = &w.markets[f.m];
    Trade {
        wallet: wallet.clone(),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: m.assets[f.o].clone(),
        condition_id: m.cond.clone(),
        size: Shares(Decimal::new(f.size, 2)),
        price: Price(Decimal::new(f.cents.clamp(1, 99), 2)),
        timestamp: from_secs(f.t),
        transaction_hash: tx_hash(f.tx),
        outcome: m.outcomes[f.o].clone(),
        outcome_index: Some(f.o as u32),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

fn valid(w: &World, f: &Fill) -> bool {
    let m = &w.markets[f.m];
    f.t >= world::START && f.t < NOW && m.live(f.t) && (1..=99).contains(&f.cents) && f.size >= 500
}

pub fn holdout14() -> Holdout14 {
    let mut r = Rng::new(14);
    let w = world::build(&mut r.fork(1));
    let mut ctx = Ctx { w, next_tx: 1_000, famous: Vec::new() };
    let crowd = crowd::crowd(&mut r.fork(2), &mut ctx);

    let mut wallets = Vec::new();
    let mut labelled: Vec<(usize, Fill)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut groups: Vec<(&'static str, bool, usize, Gen)> = Vec::new();
    for (n, c, g) in people::all() {
        groups.push((n, false, c, g));
    }
    for (n, c, g) in bots::all() {
        groups.push((n, true, c, g));
    }
    for (gi, (name, bot, count, make)) in groups.into_iter().enumerate() {
        let mut gr = r.fork(1_000 + gi as u64);
        let sets = make(&mut gr, &mut ctx, count);
        for fills in sets {
            let mut fills: Vec<Fill> = fills.into_iter().filter(|f| valid(&ctx.w, f)).collect();
            if fills.is_empty() {
                continue;
            }
            let addr = loop {
                let a = format!("0x{}", gr.hex(40));
                if seen.insert(a.clone()) {
                    break a;
                }
            };
            let wallet = Wallet::parse(&addr).expect("well-formed address");
            fills.sort_by(|a, b| b.t.cmp(&a.t).then(b.tx.cmp(&a.tx)));
            let wi = wallets.len();
            let trades = fills.iter().map(|f| to_trade(&ctx.w, &wallet, f)).collect();
            labelled.extend(fills.iter().map(|f| (wi, *f)));
            wallets.push(Holdout14Wallet { wallet, bot, behaviour: name, trades });
        }
    }

    let touched: BTreeSet<usize> = labelled.iter().map(|(_, f)| f.m).collect();
    let mut rows: Vec<(i64, u64, usize, Trade)> = Vec::new();
    for (ci, f) in &crowd.fills {
        if touched.contains(&f.m) && valid(&ctx.w, f) {
            rows.push((f.t, f.tx, rows.len(), to_trade(&ctx.w, &crowd.wallets[*ci], f)));
        }
    }
    for (wi, f) in &labelled {
        rows.push((f.t, f.tx, rows.len(), to_trade(&ctx.w, &wallets[*wi].wallet, f)));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let tape = rows.into_iter().map(|x| x.3).collect();
    Holdout14 { wallets, tape }
}
