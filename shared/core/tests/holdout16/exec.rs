//! Execution against the world's book: taker orders that walk the levels, resting limit orders
//! that fill when the market comes to them, positions, and the daily lives of people.

use super::rng::Rng;
use super::world::{DAY, HOUR, NOW, START, World};
use std::collections::BTreeMap;

/// One fill before it is dressed as a Data API row; sizes in hundredths of a share.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub sz: u32,
    pub ts: i64,
    pub tx: u64,
}

#[derive(Clone, Copy, Debug)]
pub enum Amt {
    /// Spend this many dollars (the site's market order).
    Usd(f64),
    /// Trade this many shares.
    Sh(f64),
}

#[derive(Clone, Copy, Debug)]
pub struct Taken {
    /// Hundredths of a share.
    pub sz: u32,
    /// Average price in cents.
    pub avg: f64,
    /// First price level in cents.
    pub c: u8,
    pub tx: u64,
}

impl Taken {
    pub fn shares(&self) -> f64 {
        self.sz as f64 / 100.0
    }
}

pub struct Ex<'a> {
    pub world: &'a World,
    pub fills: Vec<Fill>,
    next_tx: u64,
    /// Unlabelled liquidity providers who sit on the other side of taker orders.
    pub makers: Vec<u32>,
    /// Unlabelled takers who hit resting orders.
    pub takers: Vec<u32>,
    cp: Rng,
}

pub const MIN_SZ: u32 = 500;

impl<'a> Ex<'a> {
    pub fn new(world: &'a World, makers: Vec<u32>, takers: Vec<u32>, seed: u64) -> Self {
        Ex { world, fills: Vec::new(), next_tx: 1, makers, takers, cp: Rng::new(seed) }
    }

    pub fn new_tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    fn push(&mut self, f: Fill) {
        debug_assert!(f.c >= 1 && f.c <= 99 && f.sz >= MIN_SZ);
        self.fills.push(f);
    }

    /// A counterparty row for a taker's fill: a maker on the same token, or a maker buying the
    /// complementary token (a mint).
    fn maker_for(&mut self, f: &Fill) {
        if self.makers.is_empty() || !self.cp.chance(0.35) {
            return;
        }
        let w = self.makers[self.cp.below(self.makers.len()).min(self.cp.below(self.makers.len()))];
        if w == f.w {
            return;
        }
        let mint = f.buy && self.cp.chance(0.3);
        let g = if mint { Fill { w, o: 1 - f.o, buy: true, c: 100 - f.c, ..*f } } else { Fill { w, buy: !f.buy, ..*f } };
        self.push(g);
    }

    fn taker_for(&mut self, f: &Fill) {
        if self.takers.is_empty() {
            return;
        }
        let i = self.cp.below(self.takers.len());
        let j = self.cp.below(self.takers.len());
        let w = self.takers[i.min(j)];
        if w == f.w {
            return;
        }
        self.push(Fill { w, buy: !f.buy, ..*f });
    }

    /// A taker order at `ts`, walking at most `slip` cents past the touch. None when the market
    /// is not trading or nothing fills.
    pub fn take(&mut self, w: u32, m: usize, o: u8, buy: bool, amt: Amt, ts: i64) -> Option<Taken> {
        self.take_lim(Tk { w, m, o, buy, amt, ts, slip: 6 })
    }

    pub fn take_lim(&mut self, k: Tk) -> Option<Taken> {
        let Tk { w, m, o, buy, amt, ts, slip } = k;
        if !self.world.tradable(m, ts) {
            return None;
        }
        let (bid, ask) = self.world.quote(m, o, ts);
        let c0 = if buy { ask } else { bid } as i64;
        let tx = self.new_tx();
        let depth = self.world.markets[m].depth;
        let mut rem_usd = match amt {
            Amt::Usd(u) => u,
            Amt::Sh(_) => 0.0,
        };
        let mut rem_sh = match amt {
            Amt::Usd(_) => 0.0,
            Amt::Sh(s) => s,
        };
        let by_usd = matches!(amt, Amt::Usd(_));
        let mut c = c0;
        let mut out: Vec<Fill> = Vec::new();
        for _ in 0..10 {
            let px = c as f64 / 100.0;
            let want = if by_usd { rem_usd / px } else { rem_sh };
            if want * 100.0 < 1.0 {
                break;
            }
            let edge = if !(0.1..=0.9).contains(&px) { 3.0 } else { 1.0 };
            let lvl = (depth * edge * self.cp.lognormal(1.0, 0.7) / px.max(0.05)).max(20.0);
            let got = want.min(lvl);
            let mut sz = (got * 100.0).floor() as u32;
            let last_level = (c - c0).abs() >= slip || !(2..=98).contains(&c);
            if got >= want - 1e-9 || last_level {
                sz = (want.min(if last_level { lvl.max(want * 0.6) } else { want }) * 100.0).floor() as u32;
            }
            if sz < MIN_SZ {
                if let Some(prev) = out.last_mut() {
                    prev.sz += sz;
                } else {
                    sz = MIN_SZ;
                    out.push(Fill { w, m: m as u32, o, buy, c: c as u8, sz, ts, tx });
                }
                break;
            }
            out.push(Fill { w, m: m as u32, o, buy, c: c as u8, sz, ts, tx });
            let sh = sz as f64 / 100.0;
            if by_usd {
                rem_usd -= sh * px;
            } else {
                rem_sh -= sh;
            }
            if last_level || sh >= want - 0.01 {
                break;
            }
            c += if buy { 1 } else { -1 };
        }
        if out.is_empty() {
            return None;
        }
        let tot: u32 = out.iter().map(|f| f.sz).sum();
        let avg = out.iter().map(|f| f.sz as f64 * f.c as f64).sum::<f64>() / tot as f64;
        for f in &out {
            self.push(*f);
            self.maker_for(f);
        }
        Some(Taken { sz: tot, avg, c: c0 as u8, tx })
    }

    /// A fill at an exact price (a maker fill or a taker at a dislocated quote), with a crowd
    /// counterparty (a taker when `maker`, else a maker).
    pub fn fill_at(&mut self, f: FillAt) -> Option<u64> {
        if !self.world.tradable(f.m, f.ts) || f.sz < MIN_SZ || !(1..=99).contains(&f.c) {
            return None;
        }
        let tx = f.tx.unwrap_or_else(|| self.new_tx());
        let row = Fill { w: f.w, m: f.m as u32, o: f.o, buy: f.buy, c: f.c, sz: f.sz, ts: f.ts, tx };
        self.push(row);
        if f.maker {
            self.taker_for(&row);
        } else {
            self.maker_for(&row);
        }
        Some(tx)
    }

    /// A fill with no crowd counterparty (the caller supplies both sides).
    pub fn raw(&mut self, f: Fill) -> bool {
        if !self.world.tradable(f.m as usize, f.ts) || f.sz < MIN_SZ || !(1..=99).contains(&f.c) {
            return false;
        }
        self.push(f);
        true
    }

    /// A resting limit order placed at `from`, live until `until`: fills (maybe in parts) when
    /// the market trades at or through the limit. Returns the fills (time, hundredths).
    pub fn rest(&mut self, o: &Order, rng: &mut Rng) -> Vec<(i64, u32)> {
        let mut out = Vec::new();
        let w = self.world;
        let mk = &w.markets[o.m];
        let end = o.until.min(mk.close - 1).min(NOW - 1);
        let mut left = (o.sh * 100.0).round() as u32;
        if left < MIN_SZ {
            return out;
        }
        let base = (mk.crowd as f64 / ((mk.close.min(NOW) - mk.open.max(START)).max(HOUR) as f64 / 60.0)).clamp(0.002, 0.5);
        let mut t = o.from.max(mk.open).max(START + 1);
        // a marketable limit fills at once as a taker
        let (bid, ask) = w.quote(o.m, o.side_o, t);
        if (o.buy && ask <= o.c) || (!o.buy && bid >= o.c) {
            let c = if o.buy { ask } else { bid };
            if let Some(tx) = self.fill_at(FillAt { w: o.w, m: o.m, o: o.side_o, buy: o.buy, c, sz: left, ts: t, maker: false, tx: None }) {
                let _ = tx;
                out.push((t, left));
            }
            return out;
        }
        while t < end && left >= MIN_SZ {
            let (bid, ask) = w.quote(o.m, o.side_o, t);
            let through = if o.buy { ask <= o.c } else { bid >= o.c };
            let at_touch = if o.buy { bid <= o.c } else { ask >= o.c };
            let p_fill = if through {
                1.0
            } else if at_touch && (if o.buy { o.c as i64 >= bid as i64 } else { o.c as i64 <= ask as i64 }) {
                base * 3.0
            } else {
                0.0
            };
            if p_fill > 0.0 && rng.chance(p_fill.min(1.0)) {
                let part = if through || rng.chance(0.45) { left } else { ((left as f64 * rng.uniform(0.15, 0.8)) as u32).max(MIN_SZ) };
                let part = if left - part.min(left) < MIN_SZ { left } else { part };
                let ts = (t + rng.range(0, 60)).min(end);
                if self.fill_at(FillAt { w: o.w, m: o.m, o: o.side_o, buy: o.buy, c: o.c, sz: part, ts, maker: true, tx: None }).is_some() {
                    out.push((ts, part));
                    left -= part;
                }
            }
            t += 60;
        }
        out
    }
}

/// A taker order that walks at most `slip` cents past the touch.
#[derive(Clone, Copy, Debug)]
pub struct Tk {
    pub w: u32,
    pub m: usize,
    pub o: u8,
    pub buy: bool,
    pub amt: Amt,
    pub ts: i64,
    pub slip: i64,
}

pub struct FillAt {
    pub w: u32,
    pub m: usize,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub sz: u32,
    pub ts: i64,
    pub maker: bool,
    pub tx: Option<u64>,
}

/// A resting limit order.
pub struct Order {
    pub w: u32,
    pub m: usize,
    pub side_o: u8,
    pub buy: bool,
    pub c: u8,
    pub sh: f64,
    pub from: i64,
    pub until: i64,
}

/// Holdings of one wallet, in hundredths of a share, by (market, outcome).
#[derive(Default)]
pub struct Pos(pub BTreeMap<(usize, u8), u32>);

impl Pos {
    pub fn add(&mut self, m: usize, o: u8, sz: u32) {
        *self.0.entry((m, o)).or_insert(0) += sz;
    }
    pub fn sub(&mut self, m: usize, o: u8, sz: u32) {
        let e = self.0.entry((m, o)).or_insert(0);
        *e = e.saturating_sub(sz);
        if *e == 0 {
            self.0.remove(&(m, o));
        }
    }
    pub fn get(&self, m: usize, o: u8) -> u32 {
        self.0.get(&(m, o)).copied().unwrap_or(0)
    }
    /// Open positions in markets still trading at `t`.
    pub fn open_at(&self, w: &World, t: i64) -> Vec<(usize, u8, u32)> {
        self.0.iter().filter(|(k, v)| **v >= MIN_SZ && w.tradable(k.0, t)).map(|(k, v)| (k.0, k.1, *v)).collect()
    }
}

/// A person's day: time zone, waking hours, work, and days away.
#[derive(Clone, Debug)]
pub struct Life {
    /// Offset from UTC in seconds.
    pub tz: i64,
    /// Local hour they get up.
    pub wake: f64,
    /// Local hour they go to sleep (may exceed 24).
    pub sleep: f64,
    /// Local working hours on weekdays, when they trade less.
    pub job: Option<(f64, f64)>,
    /// Days (0..30 local) they do not trade at all.
    pub away: Vec<bool>,
    /// How much later they sleep and rise at weekends.
    pub weekend: f64,
}

pub const TZ_US: [i64; 4] = [-5, -6, -7, -8];

impl Life {
    pub fn new(rng: &mut Rng, tz_hours: f64) -> Life {
        let wake = rng.uniform(6.0, 9.5);
        let sleep = rng.uniform(22.5, 25.5);
        let job = if rng.chance(0.7) {
            let a = rng.uniform(8.0, 10.0);
            Some((a, a + rng.uniform(7.5, 9.5)))
        } else {
            None
        };
        let away_rate = rng.uniform(0.05, 0.3);
        let mut away: Vec<bool> = (0..32).map(|_| rng.chance(away_rate)).collect();
        if rng.chance(0.35) {
            // a trip or a busy stretch
            let a = rng.below(26);
            for x in away.iter_mut().skip(a).take(rng.range(2, 6) as usize) {
                *x = true;
            }
        }
        Life { tz: (tz_hours * HOUR as f64) as i64, wake, sleep, job, away, weekend: rng.uniform(0.5, 2.0) }
    }

    /// A person in one of the common American time zones.
    pub fn us(rng: &mut Rng) -> Life {
        let tz = *rng.pick(&[-5.0, -5.0, -5.0, -6.0, -6.0, -7.0, -8.0, -8.0]);
        Life::new(rng, tz)
    }

    /// Anywhere: mostly America, some Europe, Asia, Latin America, Australia.
    pub fn anywhere(rng: &mut Rng) -> Life {
        let tz = *rng.pick(&[-5.0, -5.0, -6.0, -8.0, -8.0, 0.0, 1.0, 1.0, 2.0, 3.0, -3.0, 5.5, 8.0, 9.0, 10.0, -5.0]);
        Life::new(rng, tz)
    }

    pub fn hour(&self, t: i64) -> f64 {
        (t + self.tz).rem_euclid(DAY) as f64 / HOUR as f64
    }
    /// Local day index relative to the period start (may be -1 at the start).
    pub fn day(&self, t: i64) -> i64 {
        (t + self.tz - START).div_euclid(DAY)
    }
    /// 0 = Sunday.
    pub fn weekday(&self, t: i64) -> i64 {
        self.day(t).rem_euclid(7)
    }
    pub fn weekend(&self, t: i64) -> bool {
        let d = self.weekday(t);
        d == 0 || d == 6
    }
    /// UTC time of local `hour` on local day `day`.
    pub fn at(&self, day: i64, hour: f64) -> i64 {
        START + day * DAY - self.tz + (hour * HOUR as f64) as i64
    }
    pub fn is_away(&self, t: i64) -> bool {
        let d = self.day(t);
        d >= 0 && (d as usize) < self.away.len() && self.away[d as usize]
    }
    pub fn awake(&self, t: i64) -> bool {
        let shift = if self.weekend(t) { self.weekend } else { 0.0 };
        let h = self.hour(t);
        let (a, b) = (self.wake + shift, self.sleep + shift * 0.7);
        (h >= a && h < b) || (b > 24.0 && h < b - 24.0)
    }
    /// How likely they are on their phone at `t` (0 asleep or away).
    pub fn avail(&self, t: i64) -> f64 {
        if self.is_away(t) || !self.awake(t) {
            return 0.0;
        }
        let h = self.hour(t);
        if let Some((a, b)) = self.job
            && !self.weekend(t)
            && (a..b).contains(&h)
        {
            return if (12.0..13.0).contains(&h) { 0.7 } else { 0.2 };
        }
        if !(1.0..19.0).contains(&h) { 1.2 } else { 0.9 }
    }
    /// A random time they are free on local `day`, if any.
    pub fn sample_day(&self, rng: &mut Rng, day: i64) -> Option<i64> {
        for _ in 0..40 {
            let t = self.at(day, rng.uniform(0.0, 24.0));
            if rng.f64() * 1.2 < self.avail(t) && t > START && t < NOW {
                return Some(t);
            }
        }
        None
    }
    /// A random time they are free on a random local day in `[d0, d1)`.
    pub fn sample_in(&self, rng: &mut Rng, d0: i64, d1: i64) -> Option<i64> {
        let d = rng.range(d0, d1);
        self.sample_day(rng, d)
    }
    /// Up to `n` free times on local `day`, in time order.
    pub fn day_times(&self, rng: &mut Rng, day: i64, n: i64) -> Vec<i64> {
        let mut v: Vec<i64> = (0..n).filter_map(|_| self.sample_day(rng, day)).collect();
        v.sort();
        v
    }
    /// Up to `n` free times on random local days in `[d0, d1)`, in time order.
    pub fn times_in(&self, rng: &mut Rng, d0: i64, d1: i64, n: i64) -> Vec<i64> {
        let mut v: Vec<i64> = (0..n).filter_map(|_| self.sample_in(rng, d0, d1)).collect();
        v.sort();
        v
    }
    /// A random time they are free within `[a, b)`.
    pub fn sample_between(&self, rng: &mut Rng, a: i64, b: i64) -> Option<i64> {
        if b <= a {
            return None;
        }
        for _ in 0..40 {
            let t = rng.range(a, b);
            if rng.f64() * 1.2 < self.avail(t) && t > START && t < NOW {
                return Some(t);
            }
        }
        None
    }
    /// The first free moment at or after `t` (checked every few minutes), within two days.
    pub fn next_free(&self, rng: &mut Rng, t: i64) -> Option<i64> {
        let mut x = t;
        while x < t + 2 * DAY {
            if self.avail(x) > 0.0 && rng.f64() < self.avail(x).min(1.0) {
                return Some(x);
            }
            x += rng.range(120, 900);
        }
        None
    }
}

/// A size people type: round dollar amounts mostly.
pub fn round_usd(rng: &mut Rng, median: f64) -> f64 {
    let x = rng.lognormal(median, 0.8);
    let steps = [1.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0];
    let unit = if x < 20.0 {
        1.0
    } else if x < 60.0 {
        5.0
    } else if x < 300.0 {
        if rng.chance(0.5) { 25.0 } else { 10.0 }
    } else if x < 2000.0 {
        100.0
    } else {
        500.0
    };
    let r = ((x / unit).round() * unit).max(3.0);
    if rng.chance(0.6) {
        // snap to a favourite amount
        *steps.iter().min_by(|a, b| (*a - r).abs().partial_cmp(&(*b - r).abs()).unwrap_or(std::cmp::Ordering::Equal)).unwrap_or(&r)
    } else {
        r
    }
}

/// A share count people type for a limit order.
pub fn round_shares(rng: &mut Rng, median: f64) -> f64 {
    let x = rng.lognormal(median, 0.7).max(5.0);
    let unit = if x < 30.0 {
        5.0
    } else if x < 300.0 {
        if rng.chance(0.6) { 50.0 } else { 10.0 }
    } else if x < 3000.0 {
        100.0
    } else {
        1000.0
    };
    ((x / unit).round() * unit).max(5.0)
}
