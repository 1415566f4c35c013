//! Holdout v20: an independently written, labelled set of Polymarket wallets (people and
//! programs) with the complete public tape of the markets they trade in.
//!
//! Everything is drawn from one seeded PRNG: a world of markets with fair prices over the 30 days
//! (politics and news, sports with live play, crypto Up/Down, weather brackets, mention markets),
//! a crowd trading those markets, and the labelled wallets, each written from how that kind of
//! trader behaves on Polymarket.
#![allow(dead_code, clippy::too_many_arguments, clippy::type_complexity, clippy::needless_range_loop, clippy::manual_range_contains)]

mod bots;
mod crowd;
mod people;
pub mod rng;
pub mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rng::{Rng, hash_str, hex_of, mix};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use world::World;

pub use world::NOW;

const SEED: u64 = 0x2020_0A1D_C0FF_EE20;

pub struct Holdout20 {
    pub wallets: Vec<Holdout20Wallet>,
    pub tape: Vec<Trade>,
}

pub struct Holdout20Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

/// Crowd ids: market makers, crowd programs, followed whales, then ordinary people.
pub const N_MM: u32 = 70;
pub const CBOT0: u32 = 70;
pub const N_CBOT: u32 = 260;
pub const LEADER0: u32 = 330;
pub const N_LEADERS: u32 = 12;
pub const RETAIL0: u32 = 342;
pub const N_RETAIL: u32 = 9_000;
pub const LABELLED0: u32 = 100_000;

/// One fill, compact; turned into a `Trade` at the end.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub who: u32,
    pub m: u32,
    pub k: u8,
    pub buy: bool,
    pub cents: u8,
    /// Shares in hundredths.
    pub size: u64,
    pub ts: i64,
    pub tx: u64,
}

pub struct Sink {
    pub rows: Vec<Row>,
    next_tx: u64,
}

impl Sink {
    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }
}

/// A crowd market maker quoting market `m`.
pub fn mm_for(m: usize, j: u64) -> u32 {
    (mix(m as u64 * 31 + j % 3) % N_MM as u64) as u32
}

/// Shares (hundredths) that `usd` buys at `cents`.
pub fn shares_for(usd: f64, cents: u8) -> u64 {
    ((usd / (cents as f64 / 100.0)) * 100.0).floor().max(0.0) as u64
}

/// Everything a labelled (or followed) wallet's generator needs.
pub struct Ctx<'a> {
    pub w: &'a mut World,
    pub s: &'a mut Sink,
    pub who: u32,
    pub r: Rng,
    pub pos: BTreeMap<(usize, u8), i64>,
    /// Chance a taker fill shows its crowd maker on the tape.
    pub cp: f64,
}

impl Ctx<'_> {
    pub fn held(&self, m: usize, k: u8) -> u64 {
        self.pos.get(&(m, k)).copied().unwrap_or(0).max(0) as u64
    }

    fn emit(&mut self, m: usize, k: u8, buy: bool, cents: u8, size: u64, ts: i64, tx: u64) -> bool {
        if size < 500 || !self.w.m[m].trading(ts) || !(1..=99).contains(&cents) {
            return false;
        }
        self.s.rows.push(Row { who: self.who, m: m as u32, k, buy, cents, size, ts, tx });
        let e = self.pos.entry((m, k)).or_insert(0);
        if buy {
            *e += size as i64
        } else {
            *e -= size as i64
        }
        true
    }

    /// A sell of shares not held is really a buy of the other outcome.
    fn settle_side(&self, m: usize, k: u8, buy: bool, cents: u8, size: u64) -> (u8, bool, u8) {
        if !buy && self.held(m, k) < size { (1 - k, true, 100 - cents) } else { (k, buy, cents) }
    }

    fn counter_maker(&mut self, m: usize, k: u8, buy: bool, cents: u8, size: u64, ts: i64, tx: u64) {
        if !self.r.chance(self.cp) {
            return;
        }
        let who = mm_for(m, self.r.below(3));
        let (k2, b2, c2) = if buy && self.r.chance(0.3) { (1 - k, true, 100 - cents) } else { (k, !buy, cents) };
        self.s.rows.push(Row { who, m: m as u32, k: k2, buy: b2, cents: c2, size, ts, tx });
    }

    /// A marketable order for `size` shares at the touch, walking up to four levels when large.
    pub fn take(&mut self, m: usize, k: u8, buy: bool, size: u64, ts: i64) -> u64 {
        if !self.w.m[m].trading(ts) {
            return 0;
        }
        let mk = &self.w.m[m];
        let px0 = if buy { mk.ask(k, ts) } else { mk.bid(k, ts) };
        let depth_usd = (mk.pop * 30.0 + 120.0) * self.r.uni(0.4, 1.6);
        let depth = shares_for(depth_usd, px0).max(2_000);
        let (k, buy, px0) = self.settle_side(m, k, buy, px0, size);
        let tx = self.s.tx();
        let mut left = size;
        let mut px = px0;
        let mut filled = 0;
        let mut lvl = 0;
        while left >= 500 && lvl < 4 {
            let mut here = if lvl == 3 { left } else { left.min(depth) };
            if left - here < 500 {
                here = left;
            }
            if self.emit(m, k, buy, px, here, ts, tx) {
                self.counter_maker(m, k, buy, px, here, ts, tx);
                filled += here;
            }
            left -= here;
            lvl += 1;
            px = if buy { px + 1 } else { px - 1 };
            if !(1..=99).contains(&px) {
                break;
            }
        }
        filled
    }

    pub fn buy_usd(&mut self, m: usize, k: u8, usd: f64, ts: i64) -> u64 {
        if !self.w.m[m].trading(ts) {
            return 0;
        }
        let px = self.w.m[m].ask(k, ts);
        let sh = shares_for(usd, px).max(500);
        self.take(m, k, true, sh, ts)
    }

    pub fn sell_all(&mut self, m: usize, k: u8, ts: i64) -> u64 {
        let h = self.held(m, k);
        if h < 500 {
            return 0;
        }
        self.take(m, k, false, h, ts)
    }

    /// One taker fill at an explicit price (a stale book hit by a fast program).
    pub fn at(&mut self, m: usize, k: u8, buy: bool, cents: u8, size: u64, ts: i64) -> bool {
        let (k, buy, cents) = self.settle_side(m, k, buy, cents, size);
        let tx = self.s.tx();
        if self.emit(m, k, buy, cents, size, ts, tx) {
            self.counter_maker(m, k, buy, cents, size, ts, tx);
            true
        } else {
            false
        }
    }

    /// A resting order filled by a crowd taker.
    pub fn maker(&mut self, m: usize, k: u8, buy: bool, cents: u8, size: u64, ts: i64) -> bool {
        let (k, buy, cents) = self.settle_side(m, k, buy, cents, size);
        let tx = self.s.tx();
        if !self.emit(m, k, buy, cents, size, ts, tx) {
            return false;
        }
        if self.r.chance(0.75) {
            let who = RETAIL0 + self.r.below(N_RETAIL as u64) as u32;
            let (k2, b2, c2) = if !buy && self.r.chance(0.3) { (1 - k, true, 100 - cents) } else { (k, !buy, cents) };
            self.s.rows.push(Row { who, m: m as u32, k: k2, buy: b2, cents: c2, size, ts, tx });
        }
        true
    }
}

pub type Gen = fn(&mut Ctx, &Shared);

/// What generators may read: the followed whales' fills.
pub struct Shared {
    pub leaders: Vec<Vec<Row>>,
}

struct Behaviour {
    name: &'static str,
    bot: bool,
    count: usize,
    run: Gen,
}

fn behaviours() -> Vec<Behaviour> {
    let mut v = Vec::new();
    for (name, count, run) in people::ALL {
        v.push(Behaviour { name, bot: false, count: *count, run: *run });
    }
    for (name, count, run) in bots::ALL {
        v.push(Behaviour { name, bot: true, count: *count, run: *run });
    }
    v
}

pub fn address(id: u32) -> String {
    hex_of(mix(id as u64 ^ 0xADD2_E55E_5EED_2020), 40)
}

pub fn holdout20() -> Holdout20 {
    let mut world = World::new(SEED);
    let mut sink = Sink { rows: Vec::with_capacity(420_000), next_tx: 0 };

    // The followed whales trade first: copiers read their fills.
    let mut shared = Shared { leaders: Vec::new() };
    for l in 0..N_LEADERS {
        let start = sink.rows.len();
        let mut ctx =
            Ctx { w: &mut world, s: &mut sink, who: LEADER0 + l, r: Rng::derive(SEED ^ 0x1EAD, l as u64), pos: BTreeMap::new(), cp: 0.4 };
        people::leader(&mut ctx, l);
        let mine: Vec<Row> = sink.rows[start..].iter().filter(|r| r.who == LEADER0 + l).copied().collect();
        shared.leaders.push(mine);
    }

    // Labelled wallets.
    let mut labelled: Vec<(u32, &'static str, bool)> = Vec::new();
    let mut next = LABELLED0;
    for b in behaviours() {
        for j in 0..b.count {
            let who = next;
            next += 1;
            for attempt in 0..8u64 {
                let before = sink.rows.len();
                let r = Rng::derive(SEED ^ hash_str(b.name), j as u64 * 16 + attempt);
                let mut ctx = Ctx { w: &mut world, s: &mut sink, who, r, pos: BTreeMap::new(), cp: 0.45 };
                (b.run)(&mut ctx, &shared);
                if sink.rows[before..].iter().any(|r| r.who == who) {
                    break;
                }
                sink.rows.truncate(before);
            }
            labelled.push((who, b.name, b.bot));
        }
    }

    // The crowd of every market a labelled wallet (or a followed whale) touched.
    crowd::crowd(&world, &mut sink, SEED);

    // Rows to trades.
    let mut addr_cache: HashMap<u32, Wallet> = HashMap::new();
    let mut order: Vec<usize> = (0..sink.rows.len()).collect();
    order.sort_by(|&a, &b| sink.rows[b].ts.cmp(&sink.rows[a].ts).then(a.cmp(&b)));
    let mut tx_cache: HashMap<u64, String> = HashMap::new();
    let mut tape = Vec::with_capacity(order.len());
    let mut per_wallet: HashMap<u32, Vec<usize>> = HashMap::new();
    for &i in &order {
        let r = sink.rows[i];
        let m = &world.m[r.m as usize];
        let wallet = addr_cache.entry(r.who).or_insert_with(|| Wallet::parse(&address(r.who)).expect("address")).clone();
        let tx = tx_cache.entry(r.tx).or_insert_with(|| hex_of(mix(r.tx ^ 0x7A7A_0B0B), 64)).clone();
        if r.who >= LABELLED0 {
            per_wallet.entry(r.who).or_default().push(tape.len());
        }
        tape.push(Trade {
            wallet,
            side: if r.buy { Side::Buy } else { Side::Sell },
            asset: m.tokens[r.k as usize].clone(),
            condition_id: m.cond.clone(),
            size: Shares(Decimal::new(r.size as i64, 2)),
            price: Price(Decimal::new(r.cents as i64, 2)),
            timestamp: from_secs(r.ts),
            transaction_hash: tx,
            outcome: m.outcomes[r.k as usize].clone(),
            outcome_index: Some(r.k as u32),
            title: m.title.clone(),
            slug: m.slug.clone(),
        });
    }

    let mut wallets: Vec<Holdout20Wallet> = labelled
        .iter()
        .map(|&(who, behaviour, bot)| Holdout20Wallet {
            wallet: Wallet::parse(&address(who)).expect("address"),
            bot,
            behaviour,
            trades: per_wallet.get(&who).map(|ix| ix.iter().map(|&i| tape[i].clone()).collect()).unwrap_or_default(),
        })
        .collect();
    let r = Rng::derive(SEED, 0x5AFF1E);
    r.shuffle(&mut wallets);
    Holdout20 { wallets, tape }
}
