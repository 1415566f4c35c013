//! Holdout set 11: synthetic Polymarket wallets, each labelled person or bot, written from
//! descriptions of how people and programs trade, plus the public tape of their markets.
#![allow(dead_code)]

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
use std::collections::HashSet;
use world::{TAPE0, Universe, W0};

/// When the set is taken: 2027-03-15 12:45:37 UTC.
pub const NOW: i64 = 1_805_114_737;

pub struct Holdout11Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout11 {
    pub wallets: Vec<Holdout11Wallet>,
    /// The public trades of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// One fill, compact.
#[derive(Clone, Copy)]
pub struct F {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub sz: u32,
    pub t: i64,
    pub tx: u32,
}

pub struct Ctx {
    pub r: Rng,
    pub u: Universe,
    pub fills: Vec<F>,
    pub addrs: Vec<String>,
    seen: HashSet<String>,
    ntx: u32,
    /// Fills per wallet inside the labelled window.
    pub in_window: Vec<u32>,
    pub leaders: Vec<u32>,
    pub leader_fills: Vec<Vec<usize>>,
}

impl Ctx {
    fn new(seed: u64) -> Ctx {
        Ctx {
            r: Rng::new(seed),
            u: Universe::build(seed ^ 0xA11CE),
            fills: Vec::new(),
            addrs: Vec::new(),
            seen: HashSet::new(),
            ntx: 0,
            in_window: Vec::new(),
            leaders: Vec::new(),
            leader_fills: Vec::new(),
        }
    }

    pub fn wallet(&mut self) -> u32 {
        loop {
            let a = self.r.hex(40);
            if self.seen.insert(a.clone()) {
                self.addrs.push(a);
                self.in_window.push(0);
                return (self.addrs.len() - 1) as u32;
            }
        }
    }

    pub fn tx(&mut self) -> u32 {
        self.ntx += 1;
        self.ntx
    }

    /// Records a fill if the market is open, the time is on the tape and the size is at least
    /// the venue minimum (5 shares). Returns the shares filled (0 when refused).
    #[allow(clippy::too_many_arguments)]
    pub fn put(&mut self, w: u32, m: u32, o: u8, buy: bool, c: i64, shares: f64, t: i64, tx: u32) -> f64 {
        let mk = &self.u.markets[m as usize];
        if !mk.is_open(t) || !(TAPE0..NOW).contains(&t) || !shares.is_finite() {
            return 0.0;
        }
        let sz = (shares * 100.0).floor();
        if !(500.0..=4.0e9).contains(&sz) {
            return 0.0;
        }
        self.fills.push(F { w, m, o, buy, c: c.clamp(1, 99) as u8, sz: sz as u32, t, tx });
        if t >= W0 {
            self.in_window[w as usize] += 1;
        }
        sz / 100.0
    }

    /// A marketable order for `shares`, walking up to `levels` price levels in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn take(&mut self, w: u32, m: u32, o: u8, buy: bool, t: i64, shares: f64, levels: usize) -> f64 {
        let (bid, ask) = self.u.quote(m, o, t);
        let tx = self.tx();
        let mut left = shares.max(5.0);
        let mut px = if buy { ask } else { bid };
        let mut done = 0.0;
        for l in 0..levels.max(1) {
            let last = l + 1 == levels.max(1) || left < 15.0 || !(2..=98).contains(&px);
            let part = if last { left } else { (left * self.r.uni(0.35, 0.75)).max(5.0) };
            done += self.put(w, m, o, buy, px, part, t, tx);
            left -= part;
            if last || left < 5.0 {
                break;
            }
            px += if buy { 1 } else { -1 };
        }
        done
    }

    /// Spends (or raises) about `usd` with a marketable order.
    #[allow(clippy::too_many_arguments)]
    pub fn take_usd(&mut self, w: u32, m: u32, o: u8, buy: bool, t: i64, usd: f64, levels: usize) -> f64 {
        let (bid, ask) = self.u.quote(m, o, t);
        let px = if buy { ask } else { bid } as f64 / 100.0;
        let shares = ((usd / px) * 100.0).floor() / 100.0;
        self.take(w, m, o, buy, t, shares.max(5.0), levels)
    }

    /// A resting order filled at the near side of the book (bid for a buy, ask for a sell).
    pub fn rest(&mut self, w: u32, m: u32, o: u8, buy: bool, t: i64, shares: f64) -> f64 {
        let (bid, ask) = self.u.quote(m, o, t);
        let tx = self.tx();
        self.put(w, m, o, buy, if buy { bid } else { ask }, shares, t, tx)
    }

    /// A fill at an explicit price, in its own transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn at(&mut self, w: u32, m: u32, o: u8, buy: bool, c: i64, t: i64, shares: f64) -> f64 {
        let tx = self.tx();
        self.put(w, m, o, buy, c, shares, t, tx)
    }
}

type Gen = fn(&mut Ctx, &[u32]);
type Table = &'static [(&'static str, Gen)];

fn tx_hash(i: u32) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for k in 0..4u64 {
        let mut word = mix(0x7A5E_0011_u64.wrapping_mul(k + 1) ^ ((i as u64) << 8) ^ k);
        for _ in 0..16 {
            s.push(H[(word & 15) as usize] as char);
            word >>= 4;
        }
    }
    s
}

fn to_trade(u: &Universe, addrs: &[String], f: &F) -> Trade {
    let mk = &u.markets[f.m as usize];
    Trade {
        wallet: Wallet::parse(&addrs[f.w as usize]).expect("address"),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: mk.tokens[f.o as usize].clone(),
        condition_id: mk.cid.clone(),
        size: Shares(Decimal::new(f.sz as i64, 2)),
        price: Price(Decimal::new(f.c as i64, 2)),
        timestamp: from_secs(f.t),
        transaction_hash: tx_hash(f.tx),
        outcome: mk.outcomes[f.o as usize].clone(),
        outcome_index: Some(f.o as u32),
        title: mk.title.clone(),
        slug: mk.slug.clone(),
    }
}

pub fn holdout11() -> Holdout11 {
    let mut c = Ctx::new(0x11_C0FF_EE11_2027);
    crowd::leaders(&mut c);
    let mut labelled: Vec<(u32, bool, &'static str)> = Vec::new();
    let tables: [(Table, bool, (i64, i64)); 2] = [(people::PEOPLE, false, (12, 16)), (bots::BOTS, true, (10, 13))];
    for (table, bot, (lo, hi)) in tables {
        for &(name, generate) in table {
            let n = c.r.range(lo, hi) as usize;
            let ws: Vec<u32> = (0..n).map(|_| c.wallet()).collect();
            generate(&mut c, &ws);
            for &w in &ws {
                let mut tries = 0;
                while c.in_window[w as usize] == 0 && tries < 40 {
                    generate(&mut c, &[w]);
                    tries += 1;
                }
                labelled.push((w, bot, name));
            }
        }
    }
    crowd::background(&mut c);

    let mut order: Vec<usize> = (0..c.fills.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(c.fills[i].t), std::cmp::Reverse(c.fills[i].tx), i));
    let mut per_wallet: Vec<Vec<usize>> = vec![Vec::new(); c.addrs.len()];
    let mut tape = Vec::with_capacity(order.len());
    for (k, &i) in order.iter().enumerate() {
        let f = &c.fills[i];
        if f.t >= W0 {
            per_wallet[f.w as usize].push(k);
        }
        tape.push(to_trade(&c.u, &c.addrs, f));
    }
    let wallets = labelled
        .into_iter()
        .map(|(w, bot, behaviour)| Holdout11Wallet {
            wallet: Wallet::parse(&c.addrs[w as usize]).expect("address"),
            bot,
            behaviour,
            trades: per_wallet[w as usize].iter().map(|&k| tape[k].clone()).collect(),
        })
        .collect();
    Holdout11 { wallets, tape }
}
