//! The venue: every fill is a taker matched against one or more makers, reported once per
//! participant with the transaction hash of the match.

use super::human::Person;
use super::rng::*;
use super::world::*;
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub t: i64,
    pub tx: u32,
    pub m: u32,
    pub w: u32,
    pub sz: u32,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
}

#[derive(Clone, Copy, Debug)]
pub enum Qty {
    Usd(f64),
    Sh(u64),
}

pub struct CrowdPerson {
    pub w: u32,
    pub p: Person,
}

#[derive(Clone, Copy, Debug)]
pub struct LFill {
    pub m: usize,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub sz: u64,
    pub t: i64,
}

pub struct Leader {
    pub w: u32,
    pub style: usize,
    pub fills: Vec<LFill>,
}

pub struct Ctx {
    pub world: World,
    pub rows: Vec<Row>,
    ntx: u32,
    pub addrs: Vec<String>,
    seen: HashSet<String>,
    pub labelled: Vec<bool>,
    pub people: Vec<CrowdPerson>,
    pub people_cum: Vec<f64>,
    pub programs: Vec<u32>,
    pub mms: Vec<u32>,
    pub leaders: Vec<Leader>,
    pub seed: u64,
    /// The last time each wallet sent a taker order (people do one thing at a time).
    pub last_take: std::collections::HashMap<u32, i64>,
}

impl Ctx {
    pub fn new(seed: u64) -> Ctx {
        Ctx {
            world: World::build(seed),
            rows: Vec::with_capacity(420_000),
            ntx: 0,
            addrs: Vec::new(),
            seen: HashSet::new(),
            labelled: Vec::new(),
            people: Vec::new(),
            people_cum: Vec::new(),
            programs: Vec::new(),
            mms: Vec::new(),
            leaders: Vec::new(),
            seed,
            last_take: std::collections::HashMap::new(),
        }
    }

    pub fn new_wallet(&mut self, rng: &Rng, labelled: bool) -> u32 {
        loop {
            let a = format!("0x{:016x}{:016x}{:08x}", rng.u64(), rng.u64(), rng.u64() as u32);
            if self.seen.insert(a.clone()) {
                self.addrs.push(a);
                self.labelled.push(labelled);
                return (self.addrs.len() - 1) as u32;
            }
        }
    }

    fn next_tx(&mut self) -> u32 {
        self.ntx += 1;
        self.ntx
    }

    fn push(&mut self, t: i64, tx: u32, m: usize, w: u32, o: u8, buy: bool, c: u8, sz: u64) {
        debug_assert!((1..=99).contains(&c) && sz >= 500);
        self.rows.push(Row { t, tx, m: m as u32, w, sz: sz as u32, o, buy, c });
    }

    /// A session start that does not begin before the wallet's previous action ended.
    pub fn after_last(&self, rng: &Rng, w: u32, s: i64) -> i64 {
        match self.last_take.get(&w) {
            Some(&l) if l + 60 > s => l + rng.int(120, 900),
            _ => s,
        }
    }

    // ----- crowd picks -----

    pub fn crowd_person(&self, rng: &Rng, t: i64, awake: bool) -> u32 {
        let total = *self.people_cum.last().unwrap();
        let mut last = 0;
        for _ in 0..10 {
            let x = rng.f() * total;
            let i = self.people_cum.partition_point(|c| *c <= x).min(self.people.len() - 1);
            last = i;
            if !awake || self.people[i].p.awake(t) {
                return self.people[i].w;
            }
        }
        self.people[last].w
    }

    pub fn crowd_program(&self, rng: &Rng) -> u32 {
        // Zipf-ish: a few programs do most of the volume.
        let n = self.programs.len();
        let i = ((n as f64).powf(rng.f()) - 1.0) as usize;
        self.programs[i.min(n - 1)]
    }

    pub fn mm_for(&self, rng: &Rng, m: usize) -> u32 {
        let (a, n) = match self.world.markets[m].cat {
            Cat::Sports => (0, 12),
            Cat::Crypto => (12, 10),
            Cat::Weather => (32, 4),
            _ => (22, 10),
        };
        if rng.chance(0.15) {
            return self.mms[36 + rng.below(4)];
        }
        let h = mix(m as u64 ^ 0xABCD) as usize;
        let k = rng.weighted(&[0.5, 0.3, 0.2]);
        self.mms[a + (h + k * 3) % n]
    }

    pub fn crowd_maker(&self, rng: &Rng, m: usize, t: i64, excl: &[u32]) -> u32 {
        for _ in 0..20 {
            let r = rng.f();
            let w = if r < 0.7 {
                self.mm_for(rng, m)
            } else if r < 0.9 {
                self.crowd_person(rng, t, false)
            } else {
                self.crowd_program(rng)
            };
            if !excl.contains(&w) {
                return w;
            }
        }
        self.mms[rng.below(self.mms.len())]
    }

    pub fn crowd_taker(&self, rng: &Rng, m: usize, t: i64, excl: &[u32]) -> u32 {
        let mk = &self.world.markets[m];
        let prog = if mk.cat == Cat::Crypto {
            0.45
        } else if t >= mk.end || mk.close - t < 2 * HOUR {
            0.35
        } else {
            0.12
        };
        for _ in 0..20 {
            let w = if rng.chance(prog) { self.crowd_program(rng) } else { self.crowd_person(rng, t, true) };
            if !excl.contains(&w) {
                return w;
            }
        }
        self.programs[0]
    }

    // ----- matching -----

    fn fill_level(&mut self, rng: &Rng, m: usize, o: u8, taker: u32, buy: bool, c: u8, piece: u64, t: i64, tx: u32) {
        self.push(t, tx, m, taker, o, buy, c, piece);
        let mut k = 1 + rng.chance(0.35) as u64 + rng.chance(0.15) as u64;
        k = k.min(piece / 500).max(1);
        let extra = piece - k * 500;
        let ws: Vec<f64> = (0..k).map(|_| rng.range(0.2, 1.0)).collect();
        let z: f64 = ws.iter().sum();
        let mut sizes: Vec<u64> = ws.iter().map(|x| 500 + (extra as f64 * x / z).floor() as u64).collect();
        let got: u64 = sizes.iter().sum();
        sizes[0] += piece - got;
        let mut excl = vec![taker];
        for sz in sizes {
            let mk = self.crowd_maker(rng, m, t, &excl);
            excl.push(mk);
            if rng.chance(0.55) {
                self.push(t, tx, m, mk, o, !buy, c, sz);
            } else {
                self.push(t, tx, m, mk, 1 - o, buy, 100 - c, sz);
            }
        }
    }

    /// A taker order walking the book from the best price; returns (shares in hundredths, dollars).
    pub fn take(&mut self, rng: &Rng, m: usize, o: u8, w: u32, buy: bool, q: Qty, t: i64, lim: Option<u8>) -> (u64, f64) {
        if !self.world.tradable(m, t) {
            return (0, 0.0);
        }
        let top = if buy { self.world.ask(m, o, t) } else { self.world.bid(m, o, t) } as i32;
        let lim_ok = |c: i32| -> bool {
            match lim {
                Some(l) => (1..=99).contains(&c) && if buy { c <= l as i32 } else { c >= l as i32 },
                None => (1..=99).contains(&c),
            }
        };
        if !lim_ok(top) {
            return (0, 0.0);
        }
        let depth = self.world.markets[m].depth * rng.lognormal(1.0, 0.7);
        let tx = self.next_tx();
        let e = self.last_take.entry(w).or_insert(t);
        *e = (*e).max(t);
        let (mut filled, mut usd) = (0u64, 0.0f64);
        let mut level = 0;
        loop {
            let c = top + if buy { level } else { -level };
            if !lim_ok(c) {
                break;
            }
            let want = match q {
                Qty::Usd(u) => (((u - usd) / (c as f64 / 100.0)) * 100.0).floor().max(0.0) as u64,
                Qty::Sh(s) => s.saturating_sub(filled),
            };
            if want == 0 || (want < 500 && filled > 0) {
                break;
            }
            let avail = ((depth * (1.0 + 0.8 * level as f64)) * 100.0).max(500.0) as u64;
            let next = c + if buy { 1 } else { -1 };
            let next_ok = level < 3 && lim_ok(next);
            let piece = if !next_ok || want <= avail || want - avail < 500 { want.max(500) } else { avail };
            self.fill_level(rng, m, o, w, buy, c as u8, piece, t, tx);
            filled += piece;
            usd += piece as f64 / 100.0 * c as f64 / 100.0;
            if piece >= want {
                break;
            }
            level += 1;
        }
        (filled, usd)
    }

    /// A taker fill at one given price (a stale book, an arbitrage leg, a limit that crosses).
    pub fn take_at(&mut self, rng: &Rng, m: usize, o: u8, w: u32, buy: bool, c: u8, sz: u64, t: i64) -> bool {
        if !self.world.tradable(m, t) || !(1..=99).contains(&c) {
            return false;
        }
        let tx = self.next_tx();
        let e = self.last_take.entry(w).or_insert(t);
        *e = (*e).max(t);
        self.fill_level(rng, m, o, w, buy, c, sz.max(500), t, tx);
        true
    }

    /// A resting order of `w` filled by a crowd taker.
    pub fn make(&mut self, rng: &Rng, m: usize, o: u8, w: u32, buy: bool, c: u8, sz: u64, t: i64) -> bool {
        if !self.world.tradable(m, t) || !(1..=99).contains(&c) || sz < 500 {
            return false;
        }
        let taker = self.crowd_taker(rng, m, t, &[w]);
        let (to, tb, tc) = if rng.chance(0.55) { (o, !buy, c) } else { (1 - o, buy, 100 - c) };
        let extra = if rng.chance(0.3) { 500 + (rng.lognormal(30.0, 1.0) * 100.0) as u64 } else { 0 };
        let tx = self.next_tx();
        self.push(t, tx, m, taker, to, tb, tc, sz + extra);
        self.push(t, tx, m, w, o, buy, c, sz);
        if extra > 0 {
            let mk = self.crowd_maker(rng, m, t, &[w, taker]);
            if rng.chance(0.55) {
                self.push(t, tx, m, mk, to, !tb, tc, extra);
            } else {
                self.push(t, tx, m, mk, 1 - to, tb, 100 - tc, extra);
            }
        }
        true
    }

    // ----- output -----

    pub fn finish(self, labelled: &[(u32, bool, &'static str)]) -> (Vec<(Wallet, bool, &'static str, Vec<Trade>)>, Vec<Trade>) {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let rows = &self.rows;
        order.sort_by(|&a, &b| rows[b].t.cmp(&rows[a].t).then(rows[b].tx.cmp(&rows[a].tx)).then(a.cmp(&b)));
        let wallets: Vec<Wallet> = self.addrs.iter().map(|a| Wallet::parse(a).expect("valid address")).collect();
        let mut slot = vec![usize::MAX; self.addrs.len()];
        for (i, l) in labelled.iter().enumerate() {
            slot[l.0 as usize] = i;
        }
        let mut out: Vec<(Wallet, bool, &'static str, Vec<Trade>)> =
            labelled.iter().map(|l| (wallets[l.0 as usize].clone(), l.1, l.2, Vec::new())).collect();
        let mut tape = Vec::with_capacity(order.len());
        let mut last_tx = u32::MAX;
        let mut hash = String::new();
        for i in order {
            let r = rows[i];
            if r.tx != last_tx {
                hash = hex64(hash2(self.seed ^ 0x7478_6861_7368, r.tx as u64));
                last_tx = r.tx;
            }
            let mk = &self.world.markets[r.m as usize];
            let tr = Trade {
                wallet: wallets[r.w as usize].clone(),
                side: if r.buy { Side::Buy } else { Side::Sell },
                asset: mk.tokens[r.o as usize].clone(),
                condition_id: mk.cond.clone(),
                size: Shares(Decimal::new(r.sz as i64, 2)),
                price: Price(Decimal::new(r.c as i64, 2)),
                timestamp: from_secs(r.t),
                transaction_hash: hash.clone(),
                outcome: mk.outcomes[r.o as usize].clone(),
                outcome_index: Some(r.o as u32),
                title: mk.title.clone(),
                slug: mk.slug.clone(),
            };
            let s = slot[r.w as usize];
            if s != usize::MAX {
                out[s].3.push(tr.clone());
            }
            tape.push(tr);
        }
        (out, tape)
    }
}
