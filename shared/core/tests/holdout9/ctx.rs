//! The working state while the set is generated: wallets, fills, the background crowd, leaders,
//! and helpers for pricing, sizing and timing fills.

use super::markets::{Cat, DAY, HOUR, Markets};
use super::rng::{Cdf, Rng};
use super::{NOW, W0};
use std::collections::HashSet;

/// One fill, compactly: wallet, market, outcome, side, price in cents, size in hundredths of a
/// share, time, transaction.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub pc: u8,
    pub sz: u64,
    pub ts: i64,
    pub tx: u64,
}

pub struct Leader {
    pub w: u32,
    pub group: usize,
    pub fills: Vec<usize>,
}

pub struct Crowd {
    pub ws: Vec<u32>,
    pub stake: Vec<f32>,
    cdf: Vec<Cdf>,
}

pub struct Ctx {
    pub mk: Markets,
    pub addrs: Vec<String>,
    seen: HashSet<String>,
    pub fills: Vec<Fill>,
    next_tx: u64,
    arng: Rng,
    pub crowd: Crowd,
    pub makers: Vec<u32>,
    pub leaders: Vec<Leader>,
    pub labelled: Vec<(u32, bool, &'static str)>,
}

/// Five shares, the venue's minimum order size, in hundredths.
pub const MIN_SZ: u64 = 500;

pub fn usd_to_sz(usd: f64, pc: u8) -> u64 {
    let sh = usd / (pc.max(1) as f64 / 100.0);
    ((sh * 100.0).floor() as u64).max(MIN_SZ)
}

pub fn shares(n: f64) -> u64 {
    ((n * 100.0).round() as u64).max(MIN_SZ)
}

/// A dollar amount the way people type it: mostly round, sometimes the whole odd balance.
pub fn human_usd(rng: &mut Rng, median: f64, sigma: f64) -> f64 {
    let x = rng.lognormal(median, sigma).clamp(1.0, 2_000_000.0);
    if rng.chance(0.22) {
        return (x * 100.0).round() / 100.0;
    }
    let step = if x < 12.0 {
        1.0
    } else if x < 40.0 {
        5.0
    } else if x < 150.0 {
        [10.0, 25.0][rng.below(2) as usize]
    } else if x < 1500.0 {
        [50.0, 100.0][rng.below(2) as usize]
    } else if x < 15_000.0 {
        [500.0, 1000.0][rng.below(2) as usize]
    } else {
        5000.0
    };
    ((x / step).round() * step).max(step)
}

pub type Hours = [f64; 24];

pub const EVENING: Hours =
    [0.5, 0.25, 0.1, 0.05, 0.03, 0.05, 0.2, 0.5, 0.7, 0.6, 0.6, 0.7, 0.9, 0.8, 0.7, 0.7, 0.8, 1.0, 1.3, 1.6, 1.9, 2.0, 1.7, 1.1];
pub const OFFICE: Hours =
    [0.2, 0.08, 0.03, 0.02, 0.02, 0.05, 0.3, 0.8, 1.4, 1.6, 1.6, 1.5, 1.7, 1.5, 1.5, 1.4, 1.3, 1.0, 0.9, 0.9, 0.9, 0.8, 0.6, 0.4];
pub const NIGHT_OWL: Hours =
    [1.6, 1.4, 1.1, 0.7, 0.3, 0.1, 0.05, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 1.7];
pub const NIGHT_SHIFT: Hours =
    [1.5, 1.7, 1.8, 1.6, 1.5, 1.1, 0.3, 0.05, 0.02, 0.02, 0.02, 0.05, 0.1, 0.2, 0.5, 0.7, 0.8, 0.7, 0.5, 0.3, 0.3, 0.5, 0.8, 1.2];
pub const MORNING: Hours =
    [0.05, 0.02, 0.02, 0.05, 0.2, 0.8, 1.6, 1.9, 1.6, 1.2, 1.0, 0.9, 1.0, 0.8, 0.6, 0.6, 0.6, 0.7, 0.7, 0.6, 0.5, 0.4, 0.2, 0.1];

/// Time zones people trade from, in hours east of UTC, with weights.
pub const TZS: &[(f64, f64)] = &[
    (-4.0, 10.0),
    (-5.0, 6.0),
    (-7.0, 5.0),
    (-6.0, 2.0),
    (0.0, 6.0),
    (1.0, 6.0),
    (2.0, 3.0),
    (-3.0, 4.0),
    (3.0, 2.0),
    (4.0, 1.0),
    (5.5, 2.0),
    (7.0, 1.0),
    (8.0, 4.0),
    (9.0, 2.0),
    (11.0, 1.5),
    (-8.0, 0.5),
];

pub fn pick_tz(rng: &mut Rng) -> i64 {
    let ws: Vec<f64> = TZS.iter().map(|x| x.1).collect();
    (TZS[rng.weighted(&ws)].0 * HOUR as f64) as i64
}

pub fn pick_hours(rng: &mut Rng) -> &'static Hours {
    match rng.weighted(&[5.0, 2.5, 1.5, 0.4, 1.0]) {
        0 => &EVENING,
        1 => &OFFICE,
        2 => &NIGHT_OWL,
        3 => &NIGHT_SHIFT,
        _ => &MORNING,
    }
}

/// Local day numbers (days since the epoch in the person's zone) that overlap the window.
pub fn local_days(tz: i64) -> (i64, i64) {
    ((W0 + tz).div_euclid(DAY), (NOW + tz).div_euclid(DAY))
}

/// Monday = 0 .. Sunday = 6.
pub fn weekday(local_day: i64) -> i64 {
    (local_day + 3).rem_euclid(7)
}

/// A moment on a local day, drawn from an hour-of-day profile.
pub fn day_time(rng: &mut Rng, local_day: i64, tz: i64, hours: &Hours) -> i64 {
    let h = rng.weighted(hours) as i64;
    local_day * DAY - tz + h * HOUR + rng.int(0, HOUR - 1)
}

pub fn in_window(t: i64) -> bool {
    t > W0 && t <= NOW
}

impl Ctx {
    pub fn new(mk: Markets, seed: u64) -> Ctx {
        let mut c = Ctx {
            mk,
            addrs: Vec::new(),
            seen: HashSet::new(),
            fills: Vec::with_capacity(320_000),
            next_tx: 1,
            arng: Rng::new(seed),
            crowd: Crowd { ws: Vec::new(), stake: Vec::new(), cdf: Vec::new() },
            makers: Vec::new(),
            leaders: Vec::new(),
            labelled: Vec::new(),
        };
        c.build_crowd(seed ^ 0xc0_4d);
        c
    }

    pub fn wallet(&mut self) -> u32 {
        loop {
            let a = self.arng.u64();
            let b = self.arng.u64();
            let c = self.arng.u64() >> 32;
            let mut s = String::with_capacity(42);
            s.push_str("0x");
            for (w, n) in [(a, 16), (b, 16), (c, 8)] {
                for i in (0..n).rev() {
                    s.push(b"0123456789abcdef"[((w >> (i * 4)) & 15) as usize] as char);
                }
            }
            if self.seen.insert(s.clone()) {
                self.addrs.push(s);
                return (self.addrs.len() - 1) as u32;
            }
        }
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    fn build_crowd(&mut self, seed: u64) {
        let mut rng = Rng::new(seed);
        let n = 9_000;
        let mut pref = Vec::with_capacity(n);
        let mut act = Vec::with_capacity(n);
        for _ in 0..n {
            let w = self.wallet();
            self.crowd.ws.push(w);
            self.crowd.stake.push(rng.lognormal(22.0, 1.15).min(60_000.0) as f32);
            act.push(rng.pareto(1.0, 1.1).min(400.0));
            pref.push(rng.weighted(&[40.0, 24.0, 26.0, 3.0, 7.0]));
        }
        for g in 0..4 {
            let ws: Vec<f64> = (0..n).map(|i| act[i] * if pref[i] == g || pref[i] == 4 { 1.0 } else { 0.04 }).collect();
            self.crowd.cdf.push(Cdf::new(&ws));
        }
        for _ in 0..9 {
            let w = self.wallet();
            self.makers.push(w);
        }
    }

    /// A background wallet for a market category, drawn by its activity.
    pub fn crowd_pick(&self, rng: &mut Rng, cat: Cat) -> usize {
        self.crowd.cdf[cat.group()].draw(rng)
    }

    /// Records a fill when it is possible (market open, within the window); returns its index.
    #[allow(clippy::too_many_arguments)]
    pub fn put(&mut self, w: u32, m: u32, o: u8, buy: bool, pc: u8, sz: u64, ts: i64, tx: u64) -> Option<usize> {
        if !self.mk.is_open(m, ts) || !(1..=99).contains(&pc) {
            return None;
        }
        self.mk.touch(m);
        self.fills.push(Fill { w, m, o, buy, pc, sz: sz.max(MIN_SZ), ts, tx });
        Some(self.fills.len() - 1)
    }

    /// A marketable order of `sz` hundredths of a share walking up to `levels` price levels of the
    /// book (one transaction, one fill per level). `slip` moves the first level away from the touch.
    #[allow(clippy::too_many_arguments)]
    pub fn take(&mut self, rng: &mut Rng, w: u32, m: u32, o: u8, buy: bool, sz: u64, ts: i64, levels: u32, slip: f64) -> Vec<usize> {
        let mut out = Vec::new();
        if !self.mk.is_open(m, ts) {
            return out;
        }
        let tx = self.tx();
        let first = if buy { self.mk.ask(m, o, ts, slip) } else { self.mk.bid(m, o, ts, slip) };
        let vol = self.mk.list[m as usize].vol;
        let mut left = sz.max(MIN_SZ);
        let mut k = 0u32;
        while left > 0 {
            let pc = if buy { first as i64 + k as i64 } else { first as i64 - k as i64 };
            if !(1..=99).contains(&pc) {
                break;
            }
            let depth_usd = 400.0 * vol.max(0.2) * rng.lognormal(1.0, 0.8);
            // a large order walks the book: the levels it reaches hold a share of it each
            let spread_share = (sz as f64 / levels.max(1) as f64 * rng.uni(0.5, 1.4)) as u64;
            let depth = usd_to_sz(depth_usd, pc as u8).max(spread_share);
            let mut take = if k + 1 >= levels { left } else { left.min(depth) };
            if left - take < MIN_SZ {
                take = left;
            }
            if let Some(i) = self.put(w, m, o, buy, pc as u8, take, ts, tx) {
                out.push(i);
            }
            left -= take;
            k += 1;
        }
        out
    }

    /// A crowd wallet on the other side of a resting order's fill (same transaction).
    pub fn counterparty(&mut self, rng: &mut Rng, fi: usize) {
        let f = self.fills[fi];
        let cat = self.mk.list[f.m as usize].cat;
        let ci = self.crowd_pick(rng, cat);
        let w = self.crowd.ws[ci];
        if rng.chance(0.2) {
            // the taker bought the other outcome: a complementary mint / merge
            let pc = 100 - f.pc;
            self.put(w, f.m, 1 - f.o, f.buy, pc.clamp(1, 99), f.sz, f.ts, f.tx);
        } else {
            self.put(w, f.m, f.o, !f.buy, f.pc, f.sz, f.ts, f.tx);
        }
    }

    pub fn label(&mut self, w: u32, bot: bool, behaviour: &'static str) {
        self.labelled.push((w, bot, behaviour));
    }
}
