//! Fills, the tape being written, and the order helpers every actor uses.

use super::rng::{Rng, mix};
use super::world::{HOUR, World, hex_of};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

/// Wallet ids at or above this are unlabelled crowd traders.
pub const CROWD: u32 = 1_000_000;
/// Famous traders people and programs follow.
pub const LEADERS: u32 = CROWD;
/// Unlabelled liquidity providers that show up as counterparties.
pub const CROWD_MAKERS: u32 = CROWD + 100;
pub const CROWD_MAKERS_N: u32 = 40;
/// Everyone else.
pub const CROWD_PEOPLE: u32 = CROWD + 1_000;
pub const CROWD_PEOPLE_N: u32 = 12_000;

/// Smallest fill, in hundredths of a share.
pub const MIN_SZ: i64 = 500;

/// One fill before it is dressed as a Data API row. Sizes are in hundredths of a share, prices in cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    pub who: u32,
    pub m: u32,
    pub o: u8,
    pub side: Side,
    pub c: i64,
    pub sz: i64,
    pub t: i64,
    pub tx: u64,
    pub seq: u64,
}

pub fn wallet_of(id: u32) -> Wallet {
    let s = hex_of(&[mix(0xa11e_7000 ^ id as u64), mix(0xb0b0_1700 ^ id as u64), mix(0xc0c0_1717 ^ id as u64)], 40);
    Wallet::parse(&s).expect("generated addresses are well formed")
}

pub fn tx_hash(tx: u64) -> String {
    hex_of(&[mix(tx ^ 0x7a11), mix(tx ^ 0x7b22), mix(tx ^ 0x7c33), mix(tx ^ 0x7d44)], 64)
}

/// Someone acting in the world: a labelled wallet or a famous crowd trader.
pub struct Actor {
    pub who: u32,
    pub rng: Rng,
    /// Shares held per (market, outcome), in hundredths.
    pub pos: BTreeMap<(u32, u8), i64>,
    /// Fills made so far.
    pub n: usize,
}

impl Actor {
    pub fn new(who: u32, rng: Rng) -> Self {
        Actor { who, rng, pos: BTreeMap::new(), n: 0 }
    }

    pub fn held(&self, m: u32, o: u8) -> i64 {
        self.pos.get(&(m, o)).copied().unwrap_or(0)
    }

    /// Open positions, in a stable order.
    pub fn holdings(&self) -> Vec<(u32, u8, i64)> {
        self.pos.iter().filter(|(_, v)| **v >= MIN_SZ).map(|(&(m, o), &v)| (m, o, v)).collect()
    }
}

/// A marketable order.
#[derive(Clone, Copy, Debug)]
pub struct Order {
    pub m: u32,
    pub o: u8,
    pub side: Side,
    pub t: i64,
    pub sz: i64,
    pub limit: Option<i64>,
}

/// One priced leg: market, outcome, side, cents, hundredths.
#[derive(Clone, Copy, Debug)]
pub struct Leg {
    pub m: u32,
    pub o: u8,
    pub side: Side,
    pub c: i64,
    pub sz: i64,
}

/// A resting limit order.
#[derive(Clone, Copy, Debug)]
pub struct Rest {
    pub m: u32,
    pub o: u8,
    pub side: Side,
    pub c: i64,
    pub sz: i64,
    pub from: i64,
    pub until: i64,
    /// How often the order's fate is checked, in seconds.
    pub step: i64,
    /// Share of the market's flow that reaches this order while it is at the top of the book.
    pub share: f64,
}

pub struct Leader {
    pub who: u32,
    pub style: &'static str,
    pub fills: Vec<Fill>,
}

pub struct Out<'w> {
    pub w: &'w World,
    pub rows: Vec<Fill>,
    pub leaders: Vec<Leader>,
    next_tx: u64,
    seq: u64,
    rng: Rng,
}

impl<'w> Out<'w> {
    pub fn new(w: &'w World) -> Self {
        Out { w, rows: Vec::new(), leaders: Vec::new(), next_tx: 1, seq: 0, rng: Rng::new(&[0x17, 0xc0de]) }
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A raw fill; refused unless the market takes orders then and the numbers are valid.
    pub fn row(&mut self, a: &mut Actor, f: Fill) -> bool {
        if !self.w.live(f.m, f.t) || f.c < 1 || f.c > 99 || f.sz < MIN_SZ {
            return false;
        }
        self.seq += 1;
        self.rows.push(Fill { seq: self.seq, who: a.who, ..f });
        let p = a.pos.entry((f.m, f.o)).or_insert(0);
        match f.side {
            Side::Buy => *p += f.sz,
            Side::Sell => *p = (*p - f.sz).max(0),
        }
        a.n += 1;
        true
    }

    /// An unlabelled counterparty on the other side of a fill, in the same transaction.
    fn counterparty(&mut self, f: &Fill, maker: bool) {
        let who = if maker || self.rng.chance(0.5) {
            CROWD_MAKERS + self.rng.below(CROWD_MAKERS_N as usize) as u32
        } else {
            CROWD_PEOPLE + (CROWD_PEOPLE_N as f64 * self.rng.f64().powf(2.0)) as u32
        };
        let (o, side, c) = if self.rng.chance(0.65) { (f.o, opposite(f.side), f.c) } else { (1 - f.o, f.side, 100 - f.c) };
        self.seq += 1;
        self.rows.push(Fill { who, o, side, c, seq: self.seq, ..*f });
    }

    fn fill_with_cp(&mut self, a: &mut Actor, f: Fill, cp: f64) -> bool {
        if !self.row(a, f) {
            return false;
        }
        if self.rng.chance(cp) {
            self.counterparty(&f, a.who >= CROWD);
        }
        true
    }

    pub fn buy(&mut self, a: &mut Actor, m: u32, o: u8, t: i64, sz: i64) -> i64 {
        self.take(a, Order { m, o, side: Side::Buy, t, sz, limit: None })
    }

    pub fn sell(&mut self, a: &mut Actor, m: u32, o: u8, t: i64, sz: i64) -> i64 {
        self.take(a, Order { m, o, side: Side::Sell, t, sz, limit: None })
    }

    /// A marketable order, walking the book when it is large; stops at its limit when given.
    /// Returns the hundredths filled.
    pub fn take(&mut self, a: &mut Actor, ord: Order) -> i64 {
        let Order { m, o, side, t, sz, limit } = ord;
        if !self.w.live(m, t) {
            return 0;
        }
        let mut sz = sz;
        if side == Side::Sell {
            sz = sz.min(a.held(m, o));
        }
        if sz < MIN_SZ {
            return 0;
        }
        let q = self.w.quote(m, t);
        let mut c = if side == Side::Buy { q.ask[o as usize] } else { q.bid[o as usize] };
        let depth = self.w.m(m).depth;
        let tx = self.tx();
        let mut left = sz;
        let mut done = 0;
        for level in 0..6 {
            if let Some(l) = limit
                && ((side == Side::Buy && c > l) || (side == Side::Sell && c < l))
            {
                break;
            }
            if !(1..=99).contains(&c) {
                break;
            }
            // What the book holds at this level; a marketable order that runs out of book is
            // cancelled for the rest (fill-and-kill).
            // Books hold more shares at prices near 0 or 1, where a share costs little.
            let p = c as f64 / 100.0;
            let deep = (0.25 / (p * (1.0 - p)).max(0.02)).powf(0.7);
            let cap = ((depth * deep * self.rng.uniform(0.6, 2.5)) * 100.0) as i64;
            let mut chunk = left.min(cap.max(MIN_SZ));
            if left - chunk < MIN_SZ && level < 5 {
                chunk = left;
            }
            let f = Fill { who: a.who, m, o, side, c, sz: chunk, t, tx, seq: 0 };
            if self.fill_with_cp(a, f, 0.4) {
                done += chunk;
            }
            left -= chunk;
            if left < MIN_SZ {
                break;
            }
            c += if side == Side::Buy { 1 } else { -1 };
        }
        done
    }

    /// A marketable buy for about `usd` dollars.
    pub fn take_usd(&mut self, a: &mut Actor, m: u32, o: u8, t: i64, usd: f64, limit: Option<i64>) -> i64 {
        if !self.w.live(m, t) {
            return 0;
        }
        let ask = self.w.quote(m, t).ask[o as usize];
        let sz = ((usd / ask as f64) * 10_000.0).floor() as i64;
        self.take(a, Order { m, o, side: Side::Buy, t, sz: sz.max(MIN_SZ), limit })
    }

    /// A maker fill at `c` cents (someone took the actor's resting order).
    pub fn maker(&mut self, a: &mut Actor, leg: Leg, t: i64) -> bool {
        let Leg { m, o, side, c, sz } = leg;
        let sz = if side == Side::Sell { sz.min(a.held(m, o)) } else { sz };
        let tx = self.tx();
        self.fill_with_cp(a, Fill { who: a.who, m, o, side, c, sz, t, tx, seq: 0 }, 0.5)
    }

    /// Several fills in one transaction (a batch of orders).
    pub fn batch(&mut self, a: &mut Actor, legs: &[Leg], t: i64) -> usize {
        let tx = self.tx();
        let mut n = 0;
        for &Leg { m, o, side, c, sz } in legs {
            if self.fill_with_cp(a, Fill { who: a.who, m, o, side, c, sz, t, tx, seq: 0 }, 0.45) {
                n += 1;
            }
        }
        n
    }

    /// Plays a resting limit order forward; returns the hundredths filled and the last fill time.
    pub fn rest(&mut self, a: &mut Actor, r: Rest) -> (i64, i64) {
        let w = self.w;
        let mk = w.m(r.m);
        let first = w.first(r.m).max(r.from);
        let last = w.last(r.m).min(r.until);
        let life = (w.last(r.m) - w.first(r.m)).max(HOUR) as f64;
        let rate = mk.volume / life * r.share;
        let mut left = r.sz;
        let mut filled = 0;
        let mut last_fill = 0;
        let mut t = first;
        let o = r.o as usize;
        while t < last && left >= MIN_SZ {
            let q = w.quote(r.m, t);
            let (cross, top) = match r.side {
                Side::Buy => (q.ask[o] <= r.c, r.c >= q.bid[o]),
                Side::Sell => (q.bid[o] >= r.c, r.c <= q.ask[o]),
            };
            let when = (t + a.rng.range(0, r.step)).min(last - 1);
            let chunk = if cross {
                if left > 4 * MIN_SZ && a.rng.chance(0.4) { ((left as f64 * a.rng.uniform(0.3, 0.9)) as i64).max(MIN_SZ) } else { left }
            } else if top && a.rng.chance(1.0 - (-rate * r.step as f64).exp()) {
                let price = r.c as f64 / 100.0;
                let shares = a.rng.lognormal(35.0, 1.0) / price.max(0.05);
                ((shares * 100.0) as i64).clamp(MIN_SZ, left)
            } else {
                0
            };
            if chunk >= MIN_SZ {
                let chunk = if left - chunk < MIN_SZ { left } else { chunk };
                if self.maker(a, Leg { m: r.m, o: r.o, side: r.side, c: r.c, sz: chunk }, when) {
                    left -= chunk;
                    filled += chunk;
                    last_fill = when;
                } else if r.side == Side::Sell {
                    break;
                }
            }
            t += r.step;
        }
        (filled, last_fill)
    }
}

pub fn opposite(s: Side) -> Side {
    match s {
        Side::Buy => Side::Sell,
        Side::Sell => Side::Buy,
    }
}

/// Hundredths of a share for `usd` dollars at `c` cents.
pub fn shares_for(usd: f64, c: i64) -> i64 {
    ((usd / c.max(1) as f64) * 10_000.0).floor() as i64
}
