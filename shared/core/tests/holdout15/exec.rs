//! Recording fills against the world's quotes, and the daily rhythms of people and programs.

use super::rng::{Rng, hex_from, mix};
use super::world::{DAY, DST_EU_END, DST_US_END, HOUR, MIN, NOW, START, World};
use std::collections::BTreeSet;

/// One fill before it is dressed as a Data API row. Sizes are in hundredths of a share.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub who: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub cents: u8,
    pub size: u64,
    pub ts: i64,
    pub tx: u64,
}

#[derive(Clone, Copy, Debug)]
pub enum Want {
    /// Spend (or raise) about this many dollars.
    Usd(f64),
    /// This many hundredths of a share.
    Sh(u64),
}

/// Who does what, where, when.
#[derive(Clone, Copy, Debug)]
pub struct Act {
    pub who: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub t: i64,
}

/// What an order got.
#[derive(Clone, Copy, Debug)]
pub struct Exec {
    pub size: u64,
    pub cents: u8,
}

pub struct Sim {
    pub w: World,
    pub fills: Vec<Fill>,
    pub addrs: Vec<String>,
    seen: BTreeSet<String>,
    next_tx: u64,
    pub crowd: Vec<u32>,
    pub makers: Vec<u32>,
    /// Famous traders people and programs copy: (wallet, their fills oldest first).
    pub leaders: Vec<(u32, Vec<Fill>)>,
    /// Probability that a labelled fill shows its counterparty on the tape.
    pub cp: f64,
    /// Basket arbitrage moments, computed once.
    pub opps: Option<Vec<(i64, u32, bool)>>,
}

/// Hundredths of a share from a share count (floored to the hundredth).
pub fn hund(sh: f64) -> u64 {
    (sh * 100.0).floor().max(0.0) as u64
}

impl Sim {
    pub fn new(w: World) -> Sim {
        let mut s = Sim {
            w,
            fills: Vec::new(),
            addrs: Vec::new(),
            seen: BTreeSet::new(),
            next_tx: 1,
            crowd: Vec::new(),
            makers: Vec::new(),
            leaders: Vec::new(),
            cp: 0.3,
            opps: None,
        };
        for i in 0..5200u64 {
            let id = s.wallet(mix(0xC40D, i));
            s.crowd.push(id);
        }
        for i in 0..36u64 {
            let id = s.wallet(mix(0x3A4E, i));
            s.makers.push(id);
        }
        s
    }

    /// A new wallet address from a seed (unique).
    pub fn wallet(&mut self, seed: u64) -> u32 {
        let mut k = 0u64;
        loop {
            let a = format!("0x{}", hex_from(mix(seed, k), 40));
            if self.seen.insert(a.clone()) {
                self.addrs.push(a);
                return (self.addrs.len() - 1) as u32;
            }
            k += 1;
        }
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    pub fn valid(&self, m: u32, t: i64, cents: u8, size: u64) -> bool {
        t > START && t <= NOW && (1..=99).contains(&cents) && size >= 500 && self.w.m(m).is_open(t)
    }

    pub fn quote(&self, m: u32, o: u8, t: i64) -> Option<(u8, u8)> {
        self.w.m(m).quote(o, t)
    }

    /// Records a fill as is (no counterparty); false if it cannot have happened.
    pub fn raw(&mut self, f: Fill) -> bool {
        if !self.valid(f.m, f.ts, f.cents, f.size) {
            return false;
        }
        self.fills.push(f);
        true
    }

    /// A crowd wallet standing on the other side of a fill.
    fn other(&self, rng: &Rng, m: u32, maker: bool) -> u32 {
        if maker && rng.chance(0.8) {
            let k = rng.below(6) as u64;
            let i = (mix(u64::from(m), k) % self.makers.len() as u64) as usize;
            self.makers[i]
        } else {
            let local = rng.chance(0.6);
            let i = if local {
                (mix(u64::from(m), 100 + rng.below(40) as u64) % self.crowd.len() as u64) as usize
            } else {
                rng.zipf(self.crowd.len(), 1.15)
            };
            self.crowd[i]
        }
    }

    fn counterparty(&mut self, rng: &Rng, f: Fill, maker: bool) {
        let who = self.other(rng, f.m, maker);
        let mut parts = vec![f.size];
        if f.size >= 2000 && rng.chance(0.25) {
            let a = (f.size as f64 * rng.range(0.2, 0.8)) as u64;
            if a >= 500 && f.size - a >= 500 {
                parts = vec![a, f.size - a];
            }
        }
        for (k, size) in parts.into_iter().enumerate() {
            let who = if k == 0 { who } else { self.other(rng, f.m, maker) };
            let g = if rng.chance(0.72) {
                Fill { who, buy: !f.buy, size, ..f }
            } else {
                Fill { who, o: 1 - f.o, cents: 100 - f.cents, size, ..f }
            };
            self.fills.push(g);
        }
    }

    /// A marketable order at the best price, sweeping up to `levels` price levels.
    pub fn take(&mut self, rng: &Rng, a: Act, want: Want, levels: u8) -> Option<Exec> {
        let mk = self.w.m(a.m);
        let (bid, ask) = mk.quote(a.o, a.t)?;
        let first = if a.buy { ask } else { bid };
        let total = match want {
            Want::Usd(u) => hund(u / (f64::from(first) / 100.0)),
            Want::Sh(h) => h,
        };
        if !self.valid(a.m, a.t, first, total) {
            return None;
        }
        let depth = mk.depth * 100.0;
        let tx = self.tx();
        let mut left = total;
        let mut px = first;
        let mut rows: Vec<(u8, u64)> = Vec::new();
        for lvl in 0..levels.max(1) {
            let last = lvl + 1 == levels.max(1) || !(2..=98).contains(&px);
            let avail = (depth * rng.range(0.3, 1.6)) as u64;
            let mut q = if last { left } else { left.min(avail.max(500)) };
            if left - q < 500 {
                q = left;
            }
            rows.push((px, q));
            left -= q;
            if left == 0 {
                break;
            }
            px = if a.buy { px + 1 } else { px - 1 };
        }
        for &(c, q) in &rows {
            let f = Fill { who: a.who, m: a.m, o: a.o, buy: a.buy, cents: c, size: q, ts: a.t, tx };
            self.fills.push(f);
            if rng.chance(self.cp) {
                self.counterparty(rng, f, true);
            }
        }
        Some(Exec { size: total, cents: first })
    }

    /// A resting order filled at its own price by someone else's marketable order.
    pub fn make(&mut self, rng: &Rng, a: Act, cents: u8, size: u64) -> Option<Exec> {
        if !self.valid(a.m, a.t, cents, size) {
            return None;
        }
        let tx = self.tx();
        let f = Fill { who: a.who, m: a.m, o: a.o, buy: a.buy, cents, size, ts: a.t, tx };
        self.fills.push(f);
        if rng.chance(self.cp) {
            self.counterparty(rng, f, false);
        }
        Some(Exec { size, cents })
    }

    /// Two known wallets trading with each other in one transaction.
    pub fn cross(&mut self, buyer: u32, seller: u32, a: Act, cents: u8, size: u64) -> bool {
        if !self.valid(a.m, a.t, cents, size) {
            return false;
        }
        let tx = self.tx();
        self.fills.push(Fill { who: buyer, m: a.m, o: a.o, buy: true, cents, size, ts: a.t, tx });
        self.fills.push(Fill { who: seller, m: a.m, o: a.o, buy: false, cents, size, ts: a.t, tx });
        true
    }
}

/// Where a person lives: their clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    UsEast,
    UsCentral,
    UsWest,
    Uk,
    Europe,
    /// A fixed offset in hours, no daylight saving (Asia, Latin America, ...).
    Fixed(i64),
}

impl Region {
    pub fn offset(self, t: i64) -> i64 {
        let us = if t < DST_US_END { HOUR } else { 0 };
        let eu = if t < DST_EU_END { HOUR } else { 0 };
        match self {
            Region::UsEast => -5 * HOUR + us,
            Region::UsCentral => -6 * HOUR + us,
            Region::UsWest => -8 * HOUR + us,
            Region::Uk => eu,
            Region::Europe => HOUR + eu,
            Region::Fixed(h) => h * HOUR,
        }
    }

    /// A region drawn like Polymarket's users: mostly the Americas, then Europe and Asia.
    pub fn draw(rng: &Rng) -> Region {
        match rng.weighted(&[0.34, 0.12, 0.16, 0.1, 0.14, 0.05, 0.05, 0.04]) {
            0 => Region::UsEast,
            1 => Region::UsCentral,
            2 => Region::UsWest,
            3 => Region::Uk,
            4 => Region::Europe,
            5 => Region::Fixed(8),
            6 => Region::Fixed(-3),
            _ => Region::Fixed(*rng.pick(&[9, 10, 7, 3, 2])),
        }
    }

    pub fn us(rng: &Rng) -> Region {
        *rng.pick(&[Region::UsEast, Region::UsEast, Region::UsCentral, Region::UsWest])
    }
}

/// When in the local day someone is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Evenings and weekends, a glance at lunch.
    Evening,
    /// Office hours.
    Day,
    /// Any waking hour.
    Spread,
    /// Awake at night, asleep by day.
    Night,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub region: Region,
    pub hours: [f64; 24],
    /// Sessions per ordinary weekday.
    pub daily: f64,
    /// Weekend multiplier.
    pub weekend: f64,
    /// Days away (travel, busy weeks, lost interest).
    pub away: Vec<(i64, i64)>,
    /// Median session length in minutes.
    pub sess: f64,
}

impl Person {
    pub fn new(rng: &Rng, region: Region, shape: Shape, daily: f64) -> Person {
        let mut hours = [0.0f64; 24];
        let (sleep, wake) = match shape {
            Shape::Night => (rng.range(8.0, 10.5), rng.range(15.0, 17.5)),
            _ => {
                let s = rng.range(22.3, 25.8);
                (s, rng.range(5.8, 9.2).max(s - 24.0 + 5.5))
            }
        };
        for (h, w) in hours.iter_mut().enumerate() {
            let hf = h as f64 + 0.5;
            let asleep = if sleep < wake {
                hf >= sleep && hf < wake
            } else {
                let s = if sleep >= 24.0 { sleep - 24.0 } else { sleep };
                if sleep >= 24.0 { hf >= s && hf < wake } else { hf >= s || hf < wake }
            };
            if asleep {
                continue;
            }
            let base = match shape {
                Shape::Evening => {
                    if (17.0..24.0).contains(&hf) {
                        1.6
                    } else if (12.0..13.5).contains(&hf) {
                        0.8
                    } else if (7.0..9.0).contains(&hf) {
                        0.5
                    } else {
                        0.3
                    }
                }
                Shape::Day => {
                    if (12.0..13.5).contains(&hf) {
                        1.5
                    } else if (8.5..18.0).contains(&hf) {
                        1.0
                    } else if (19.0..23.0).contains(&hf) {
                        0.5
                    } else {
                        0.2
                    }
                }
                Shape::Spread => 1.0,
                Shape::Night => {
                    if !(7.0..18.0).contains(&hf) {
                        1.2
                    } else {
                        0.5
                    }
                }
            };
            *w = base * rng.lognormal(1.0, 0.35);
        }
        let mut away = Vec::new();
        for _ in 0..rng.poisson(1.2) {
            let a = rng.int(START - 3 * DAY, NOW);
            away.push((a, a + rng.int(DAY, 6 * DAY)));
        }
        Person { region, hours, daily, weekend: rng.range(0.7, 1.8), away, sess: rng.range(6.0, 25.0) }
    }

    pub fn local(&self, t: i64) -> i64 {
        t + self.region.offset(t)
    }

    pub fn hour(&self, t: i64) -> usize {
        (self.local(t).rem_euclid(DAY) / HOUR) as usize
    }

    /// 0 = Sunday.
    pub fn weekday(&self, t: i64) -> i64 {
        (self.local(t).div_euclid(DAY) + 4).rem_euclid(7)
    }

    pub fn is_away(&self, t: i64) -> bool {
        self.away.iter().any(|&(a, b)| t >= a && t < b)
    }

    pub fn awake(&self, t: i64) -> bool {
        self.hours[self.hour(t)] > 0.0 && !self.is_away(t)
    }

    /// The start (UTC) of the local day containing `t`.
    pub fn day_start(&self, t: i64) -> i64 {
        let l = self.local(t);
        l - l.rem_euclid(DAY) - self.region.offset(t)
    }

    /// Sessions (start, end) in [t0, t1), sorted and merged.
    pub fn sessions(&self, rng: &Rng, t0: i64, t1: i64) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        let mut d = self.day_start(t0);
        while d < t1 {
            let mid = d + 12 * HOUR;
            if !self.is_away(mid) {
                let wd = self.weekday(mid);
                let f = if wd == 0 || wd == 6 { self.weekend } else { 1.0 };
                let n = rng.poisson(self.daily * f * rng.lognormal(1.0, 0.5));
                for _ in 0..n {
                    let h = rng.weighted(&self.hours) as i64;
                    let s = d + h * HOUR + rng.int(0, HOUR - 1);
                    let len = (rng.lognormal(self.sess, 0.7) * 60.0).clamp(120.0, 6.0 * 3600.0) as i64;
                    if s >= t0 && s < t1 {
                        out.push((s, (s + len).min(t1)));
                    }
                }
            }
            d = self.day_start(d + DAY + 2 * HOUR);
        }
        out.sort();
        let mut merged: Vec<(i64, i64)> = Vec::new();
        for (a, b) in out {
            if let Some(last) = merged.last_mut()
                && a <= last.1
            {
                last.1 = last.1.max(b);
                continue;
            }
            merged.push((a, b));
        }
        merged
    }

    /// When this person next looks at their phone after `t`: soon if awake, after waking if not.
    pub fn notice(&self, rng: &Rng, t: i64, median_min: f64) -> i64 {
        let mut s = t;
        let mut guard = 0;
        while !self.awake(s) && guard < 24 * 14 {
            s = s - s.rem_euclid(HOUR) + HOUR;
            guard += 1;
        }
        let extra = if s > t { rng.lognormal(25.0, 0.8) * 60.0 } else { 0.0 };
        s + extra as i64 + (rng.lognormal(median_min, 0.9) * 60.0) as i64
    }
}

/// A program's downtime: late starts, crashes, deploys and outages.
#[derive(Clone, Debug)]
pub struct Uptime {
    pub down: Vec<(i64, i64)>,
}

impl Uptime {
    pub fn new(rng: &Rng, crashes_per_day: f64, deploy_hour: Option<i64>) -> Uptime {
        let mut down = Vec::new();
        if rng.chance(0.3) {
            down.push((START - DAY, START + rng.int(DAY, 14 * DAY)));
        }
        if rng.chance(0.15) {
            down.push((NOW - rng.int(DAY, 9 * DAY), NOW + DAY));
        }
        for _ in 0..rng.poisson(crashes_per_day * 30.0) {
            let a = rng.int(START, NOW);
            let len = (rng.lognormal(35.0, 1.2) * 60.0).clamp(90.0, 3.0 * DAY as f64) as i64;
            down.push((a, a + len));
        }
        if rng.chance(0.25) {
            let a = rng.int(START, NOW);
            down.push((a, a + rng.int(6 * HOUR, 3 * DAY)));
        }
        if let Some(h) = deploy_hour {
            let mut d = START - START.rem_euclid(DAY);
            while d < NOW {
                if rng.chance(0.8) {
                    let a = d + h * HOUR + rng.int(0, 12 * MIN);
                    down.push((a, a + rng.int(40, 6 * MIN)));
                }
                d += DAY;
            }
        }
        down.sort();
        Uptime { down }
    }

    pub fn up(&self, t: i64) -> bool {
        let i = self.down.partition_point(|d| d.0 <= t);
        !self.down[..i].iter().any(|&(a, b)| t < b && t >= a)
    }
}

/// Dollar amounts people type: mostly round.
pub fn human_usd(rng: &Rng, median: f64, sigma: f64) -> f64 {
    let x = rng.lognormal(median, sigma).max(1.0);
    let r = rng.f();
    if r < 0.72 {
        let steps: [f64; 33] = [
            1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0,
            1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10_000.0, 15_000.0, 20_000.0, 25_000.0, 50_000.0, 100_000.0,
        ];
        let mut best = steps[0];
        for &s in &steps {
            if (s.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
                best = s;
            }
        }
        best
    } else if r < 0.9 {
        x.round()
    } else {
        (x * 100.0).round() / 100.0
    }
}

/// Share counts people type into a limit order: round-ish.
pub fn human_shares(rng: &Rng, median: f64) -> u64 {
    let x = rng.lognormal(median, 0.7).max(5.0);
    let step = if x >= 1000.0 {
        500.0
    } else if x >= 200.0 {
        50.0
    } else if x >= 40.0 {
        10.0
    } else {
        5.0
    };
    let r = if rng.chance(0.8) { (x / step).round().max(1.0) * step } else { x.round().max(5.0) };
    hund(r)
}

/// Local cents for a fraction of a dollar, clamped to a tradable price.
pub fn cents(p: f64) -> u8 {
    (p * 100.0).round().clamp(1.0, 99.0) as u8
}

/// A resting limit order: market, outcome, side, price in cents, size in hundredths.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub size: u64,
}

/// One wallet's view while it trades: its positions and its orders.
pub struct Me<'a> {
    pub sim: &'a mut Sim,
    pub rng: &'a Rng,
    pub who: u32,
    pub pos: std::collections::BTreeMap<(u32, u8), u64>,
}

impl<'a> Me<'a> {
    pub fn new(sim: &'a mut Sim, rng: &'a Rng, who: u32) -> Me<'a> {
        Me { sim, rng, who, pos: std::collections::BTreeMap::new() }
    }

    pub fn held(&self, m: u32, o: u8) -> u64 {
        self.pos.get(&(m, o)).copied().unwrap_or(0)
    }

    fn add(&mut self, m: u32, o: u8, h: u64) {
        *self.pos.entry((m, o)).or_insert(0) += h;
    }

    fn sub(&mut self, m: u32, o: u8, h: u64) {
        let left = self.held(m, o).saturating_sub(h);
        if left == 0 {
            self.pos.remove(&(m, o));
        } else {
            self.pos.insert((m, o), left);
        }
    }

    /// Forgets positions in markets that have closed by `t`.
    pub fn settle(&mut self, t: i64) {
        let sim = &*self.sim;
        self.pos.retain(|&(m, _), _| sim.w.m(m).close > t);
    }

    pub fn buy(&mut self, m: u32, o: u8, t: i64, want: Want, levels: u8) -> Option<Exec> {
        let a = Act { who: self.who, m, o, buy: true, t };
        let x = self.sim.take(self.rng, a, want, levels)?;
        self.add(m, o, x.size);
        Some(x)
    }

    /// Sells up to `h` hundredths of what is held (all of it if the rest would be dust).
    pub fn sell(&mut self, m: u32, o: u8, t: i64, h: u64, levels: u8) -> Option<Exec> {
        let have = self.held(m, o);
        let mut q = h.min(have);
        if have - q < 500 {
            q = have;
        }
        if q < 500 {
            return None;
        }
        let a = Act { who: self.who, m, o, buy: false, t };
        let x = self.sim.take(self.rng, a, Want::Sh(q), levels)?;
        self.sub(m, o, x.size);
        Some(x)
    }

    pub fn sell_all(&mut self, m: u32, o: u8, t: i64) -> Option<Exec> {
        let h = self.held(m, o);
        self.sell(m, o, t, h, 1)
    }

    /// A maker fill at our price.
    pub fn made(&mut self, m: u32, o: u8, buy: bool, t: i64, c: u8, h: u64) -> Option<Exec> {
        let h = if buy { h } else { h.min(self.held(m, o)) };
        let a = Act { who: self.who, m, o, buy, t };
        let x = self.sim.make(self.rng, a, c, h)?;
        if buy {
            self.add(m, o, h);
        } else {
            self.sub(m, o, h);
        }
        Some(x)
    }

    /// A resting limit order placed at `t0`, cancelled at `t1`: it fills (maybe in parts) once
    /// the market comes to it. Returns (time, hundredths) of each part.
    pub fn rest(&mut self, l: Limit, t0: i64, t1: i64) -> Vec<(i64, u64)> {
        let Limit { m, o, buy, c, size } = l;
        let mut out = Vec::new();
        let Some((bid, ask)) = self.sim.quote(m, o, t0) else { return out };
        if (buy && c >= ask) || (!buy && c <= bid) {
            // marketable: it takes at once
            let x = if buy { self.buy(m, o, t0, Want::Sh(size), 1) } else { self.sell(m, o, t0, size, 1) };
            if let Some(x) = x {
                out.push((t0, x.size));
            }
            return out;
        }
        let mk = self.sim.w.m(m);
        let half = f64::from(mk.spread) / 200.0;
        let level = if buy { f64::from(c) / 100.0 + half } else { f64::from(c) / 100.0 - half };
        let Some(hit) = mk.first_cross(o, t0 + 1, t1, level, buy) else { return out };
        let wait = (3600.0 / (mk.pop * 0.5).max(0.05)).clamp(40.0, 5.0 * 3600.0);
        let t_end = t1.min(mk.close - 1);
        let pieces = if size >= 3000 { 1 + self.rng.poisson(0.9).min(3) as usize } else { 1 };
        let mut left = size;
        let mut t = hit + self.rng.exp(wait * 0.5) as i64;
        for k in 0..pieces {
            if t >= t_end || left < 500 {
                break;
            }
            let q = if k + 1 == pieces { left } else { ((left as f64 * self.rng.range(0.25, 0.7)) as u64).max(500).min(left) };
            let q = if left - q < 500 { left } else { q };
            if self.made(m, o, buy, t, c, q).is_some() {
                out.push((t, q));
                left -= q;
            }
            t += self.rng.exp(wait) as i64 + 1;
        }
        out
    }
}
