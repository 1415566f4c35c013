//! Fills, wallets, transactions and the order-book arithmetic every trader goes through.

use super::crowd;
use super::rng::{Rng, mix};
use super::world::{Market, World};
use super::{NOW, W0};
use std::collections::BTreeMap;

/// Wallet ids at or above this are anonymous crowd wallets; below are labelled wallets.
pub const CROWD: u32 = 1 << 31;
/// Anonymous wallets that trade the tape (ids CROWD..CROWD+POOL); well-known traders follow.
pub const POOL: u32 = 70_000;

/// One fill of one wallet. Sizes are hundredths of a share, prices whole cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: i32,
    pub sz: u64,
    pub ts: i64,
    pub tx: u64,
}

pub const MIN_SZ: u64 = 500;

/// A tip posted in a tipster channel: (time, market, outcome, units).
#[derive(Clone, Copy, Debug)]
pub struct Tip {
    pub t: i64,
    pub m: u32,
    pub o: u8,
    pub units: f64,
}

pub struct Ctx<'a> {
    pub world: &'a World,
    /// Labelled fills, their counterparties, and well-known traders' fills.
    pub fills: Vec<Fill>,
    /// Fills of well-known wallets, per leader.
    pub leaders: Vec<(u32, Vec<Fill>)>,
    /// Tipster channels.
    pub tips: Vec<Vec<Tip>>,
    /// Fills of unlabelled wallets that are not crowd rows (well-known wallets, their counterparties).
    pub background: Vec<Fill>,
    crowd: BTreeMap<u32, Vec<Fill>>,
    claimed: BTreeMap<u32, Vec<bool>>,
    next_tx: u64,
    rng: Rng,
}

pub fn tx_hash(id: u64) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for j in 0..4u64 {
        let mut word = mix(id.wrapping_mul(0x9e37_79b9).wrapping_add(j).wrapping_add(0x7a5c_0de5_2027_0000) ^ (j << 56));
        for _ in 0..16 {
            s.push(H[(word & 15) as usize] as char);
            word >>= 4;
        }
    }
    s
}

pub fn crowd_wallet(rng: &mut Rng) -> u32 {
    let k = if rng.chance(0.55) { (f64::from(POOL) * rng.f64().powf(2.6)) as u32 } else { rng.below(POOL as usize) as u32 };
    CROWD | k.min(POOL - 1)
}

/// Shares (hundredths) that `usd` buys at `c` cents.
pub fn shares_for(usd: f64, c: i32) -> u64 {
    ((usd * 10_000.0) / f64::from(c.max(1))).floor().max(0.0) as u64
}

impl<'a> Ctx<'a> {
    pub fn new(world: &'a World) -> Self {
        Ctx {
            world,
            fills: Vec::new(),
            leaders: Vec::new(),
            tips: Vec::new(),
            background: Vec::new(),
            crowd: BTreeMap::new(),
            claimed: BTreeMap::new(),
            next_tx: 1,
            rng: Rng::stream("ctx", 0),
        }
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    pub fn m(&self, id: u32) -> &'a Market {
        self.world.m(id)
    }

    /// Can an order rest or fill in market `m` at `t`?
    pub fn ok(&self, m: u32, t: i64) -> bool {
        (W0..NOW).contains(&t) && self.world.m(m).trading(t)
    }

    /// The crowd's fills of market `m` (taker rows), generated once.
    pub fn crowd(&mut self, m: u32) -> &[Fill] {
        let world = self.world;
        let rows = self.crowd.entry(m).or_insert_with(|| crowd::market_crowd(world, m));
        self.claimed.entry(m).or_insert_with(|| vec![false; rows.len()]);
        rows
    }

    pub fn crowd_rows(&mut self, m: u32) -> Vec<Fill> {
        self.crowd(m).to_vec()
    }

    /// Takes crowd row `k` of market `m` as matched against a labelled maker; false if already taken.
    pub fn claim(&mut self, m: u32, k: usize) -> bool {
        self.crowd(m);
        let v = self.claimed.get_mut(&m).expect("claimed flags exist");
        if v[k] {
            return false;
        }
        v[k] = true;
        true
    }

    pub fn push(&mut self, f: Fill) {
        if f.ts >= W0 && f.ts < NOW && f.sz >= MIN_SZ && (1..=99).contains(&f.c) {
            self.fills.push(f);
        }
    }

    /// A market buy of `usd` dollars; sweeps up through the book when larger than a level holds.
    /// Returns the shares bought (hundredths) and the average price in cents.
    pub fn buy_usd(&mut self, w: u32, m: u32, o: u8, t: i64, usd: f64, max_c: i32) -> (u64, f64) {
        if !self.ok(m, t) || usd <= 0.0 {
            return (0, 0.0);
        }
        let mk = self.m(m);
        let mut c = mk.ask(o, t);
        if c > max_c {
            return (0, 0.0);
        }
        let tx = self.tx();
        let mut left = usd;
        let mut got = 0u64;
        let mut cost = 0.0;
        let mut levels = 0;
        while left > 0.5 && c <= max_c.min(99) && levels < 6 {
            let room = mk.depth * self.rng.range(0.3, 1.4);
            let take = left.min(room);
            let mut sz = shares_for(take, c);
            if sz < MIN_SZ {
                if levels > 0 {
                    break;
                }
                sz = MIN_SZ;
            }
            self.push(Fill { w, m, o, buy: true, c, sz, ts: t, tx });
            got += sz;
            cost += sz as f64 * f64::from(c);
            left -= take;
            levels += 1;
            c += 1;
        }
        (got, if got > 0 { cost / got as f64 } else { 0.0 })
    }

    /// A marketable buy of `sz` shares (hundredths) up to `max_c`.
    pub fn buy_shares(&mut self, w: u32, m: u32, o: u8, t: i64, sz: u64, max_c: i32) -> u64 {
        if !self.ok(m, t) || sz == 0 {
            return 0;
        }
        let mk = self.m(m);
        let mut c = mk.ask(o, t);
        if c > max_c {
            return 0;
        }
        let tx = self.tx();
        let mut left = sz.max(MIN_SZ);
        let mut got = 0;
        let mut levels = 0;
        while left > 0 && c <= max_c.min(99) && levels < 6 {
            let room = shares_for(mk.depth * self.rng.range(0.3, 1.4), c).max(MIN_SZ);
            let mut take = left.min(room);
            if left - take < MIN_SZ && left - take > 0 {
                take = left;
            }
            self.push(Fill { w, m, o, buy: true, c, sz: take, ts: t, tx });
            got += take;
            left -= take;
            levels += 1;
            c += 1;
        }
        got
    }

    /// A marketable sell of `sz` shares (hundredths) down to `min_c`.
    pub fn sell_shares(&mut self, w: u32, m: u32, o: u8, t: i64, sz: u64, min_c: i32) -> u64 {
        if !self.ok(m, t) || sz < MIN_SZ {
            return 0;
        }
        let mk = self.m(m);
        let mut c = mk.bid(o, t);
        if c < min_c {
            return 0;
        }
        let tx = self.tx();
        let mut left = sz;
        let mut got = 0;
        let mut levels = 0;
        while left > 0 && c >= min_c.max(1) && levels < 6 {
            let room = shares_for(mk.depth * self.rng.range(0.3, 1.4), c).max(MIN_SZ);
            let mut take = left.min(room);
            if left - take < MIN_SZ && left - take > 0 {
                take = left;
            }
            self.push(Fill { w, m, o, buy: false, c, sz: take, ts: t, tx });
            got += take;
            left -= take;
            levels += 1;
            c -= 1;
        }
        got
    }

    /// A resting order of `w` filled against a crowd taker at `c` (the taker's row shares the hash).
    #[allow(clippy::too_many_arguments)]
    pub fn maker(&mut self, w: u32, m: u32, o: u8, buy: bool, c: i32, sz: u64, t: i64) -> u64 {
        if !self.ok(m, t) || sz < MIN_SZ || !(1..=99).contains(&c) {
            return 0;
        }
        let tx = self.tx();
        let taker = crowd_wallet(&mut self.rng);
        self.push(Fill { w: taker, m, o, buy: !buy, c, sz, ts: t, tx });
        self.push(Fill { w, m, o, buy, c, sz, ts: t, tx });
        sz
    }

    /// Two known wallets matched against each other in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn cross(&mut self, taker: u32, maker: u32, m: u32, o: u8, taker_buys: bool, c: i32, sz: u64, t: i64) -> bool {
        if !self.ok(m, t) || sz < MIN_SZ || !(1..=99).contains(&c) {
            return false;
        }
        let tx = self.tx();
        self.push(Fill { w: taker, m, o, buy: taker_buys, c, sz, ts: t, tx });
        self.push(Fill { w: maker, m, o, buy: !taker_buys, c, sz, ts: t, tx });
        true
    }

    /// Several legs in one transaction at given prices (batched orders of an arbitrage).
    pub fn batch(&mut self, w: u32, legs: &[(u32, u8, bool, i32, u64)], t: i64) -> bool {
        if legs.iter().any(|l| !self.ok(l.0, t) || !(1..=99).contains(&l.3) || l.4 < MIN_SZ) {
            return false;
        }
        let tx = self.tx();
        for &(m, o, buy, c, sz) in legs {
            self.push(Fill { w, m, o, buy, c, sz, ts: t, tx });
        }
        true
    }

    /// Market ids the labelled wallets traded in.
    pub fn touched(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self.fills.iter().filter(|f| f.w < CROWD).map(|f| f.m).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}
