//! The generation context: wallets, fills, and the ways an order turns into fills.

use super::markets::{Cat, DAY, HOUR, Markets};
use super::rng::Rng;
use super::{NOW, W0};

/// A fill before it becomes a `Trade`: wallet and market by index, price in cents, size in
/// hundredths of a share.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: u8,
    pub sz: u32,
    pub t: i64,
    pub tx: u64,
    pub taker: bool,
    /// Already matched against a known counterparty (no crowd counterparty is added).
    pub paired: bool,
}

pub struct Ctx {
    pub mk: Markets,
    pub fills: Vec<Fill>,
    /// Fills per wallet id.
    pub count: Vec<u32>,
    pub leaders: Vec<u32>,
    /// Fill indices of each leader, oldest first.
    pub leader_fills: Vec<Vec<usize>>,
    next_tx: u64,
}

/// Venue minimum order size, in hundredths of a share.
pub const MIN_SZ: u32 = 500;

pub fn in_window(t: i64) -> bool {
    t > W0 && t < NOW
}

/// Hundredths of a share that `usd` buys at `c` cents, never below the venue minimum or $1.
pub fn shares_for(usd: f64, c: u8) -> u32 {
    let raw = (usd / (c as f64 / 100.0) * 100.0).floor();
    let raw = if raw.is_finite() { raw.min(4.0e9) as u32 } else { MIN_SZ };
    raw.max(min_size(c))
}

/// The smallest marketable size at `c` cents: five shares and a dollar of notional.
pub fn min_size(c: u8) -> u32 {
    let c = c.max(1) as u32;
    MIN_SZ.max(100u32.div_ceil(c) * 100)
}

/// Whole shares (in hundredths).
pub fn whole(shares: f64) -> u32 {
    ((shares.round().max(5.0)) * 100.0) as u32
}

impl Ctx {
    pub fn new(mk: Markets) -> Self {
        Ctx { mk, fills: Vec::with_capacity(300_000), count: Vec::new(), leaders: Vec::new(), leader_fills: Vec::new(), next_tx: 1 }
    }

    pub fn wallet(&mut self) -> u32 {
        self.count.push(0);
        (self.count.len() - 1) as u32
    }

    /// What `w` holds of outcome `o` of `m`, counting its fills from index `since`.
    pub fn held(&self, since: usize, w: u32, m: u32, o: u8) -> u32 {
        let mut h: i64 = 0;
        for f in &self.fills[since..] {
            if f.w == w && f.m == m && f.o == o {
                h += if f.buy { f.sz as i64 } else { -(f.sz as i64) };
            }
        }
        h.max(0) as u32
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    pub fn n(&self, w: u32) -> u32 {
        self.count[w as usize]
    }

    /// Records one fill; refuses anything outside the window or the market's trading hours.
    pub fn push(&mut self, f: Fill) -> bool {
        if !self.mk.tradable(f.m, f.t) || f.sz < MIN_SZ || f.c == 0 || f.c > 99 {
            return false;
        }
        self.count[f.w as usize] += 1;
        self.fills.push(f);
        true
    }

    /// Visible depth at the touch, in hundredths of a share.
    pub fn depth(&self, r: &Rng, m: u32, c: u8) -> u32 {
        let w = self.mk.get(m).weight;
        let usd = r.lognormal(250.0 * w.powf(0.7), 0.9).clamp(20.0, 60_000.0);
        shares_for(usd, c.clamp(5, 95))
    }

    /// A marketable order for `sz` (hundredths of a share): it walks the book when it is larger
    /// than the touch. Returns (first price, size filled).
    #[allow(clippy::too_many_arguments)]
    pub fn take(&mut self, r: &Rng, w: u32, m: u32, o: u8, buy: bool, t: i64, sz: u32) -> Option<(u8, u32)> {
        if !self.mk.tradable(m, t) {
            return None;
        }
        let c0 = self.mk.cents(m, o, t, buy, true);
        let sz = sz.max(min_size(c0));
        let tx = self.tx();
        let mut left = sz;
        let mut c = c0;
        let mut levels = 0;
        while left > 0 {
            let d = self.depth(r, m, c);
            let mut part = if levels >= 4 || left <= d + MIN_SZ { left } else { d.max(MIN_SZ) };
            if left - part < MIN_SZ {
                part = left;
            }
            // Two makers at the same price now and then.
            if part >= 4 * MIN_SZ && r.chance(0.12) {
                let first = (part as f64 * r.range(0.2, 0.8)) as u32;
                let first = first.clamp(MIN_SZ, part - MIN_SZ);
                self.push(Fill { w, m, o, buy, c, sz: first, t, tx, taker: true, paired: false });
                self.push(Fill { w, m, o, buy, c, sz: part - first, t, tx, taker: true, paired: false });
            } else {
                self.push(Fill { w, m, o, buy, c, sz: part, t, tx, taker: true, paired: false });
            }
            left -= part;
            levels += 1;
            c = if buy { (c + 1).min(99) } else { c.saturating_sub(1).max(1) };
        }
        Some((c0, sz))
    }

    /// A marketable order for a dollar amount.
    #[allow(clippy::too_many_arguments)]
    pub fn take_usd(&mut self, r: &Rng, w: u32, m: u32, o: u8, buy: bool, t: i64, usd: f64) -> Option<(u8, u32)> {
        if !self.mk.tradable(m, t) {
            return None;
        }
        let c = self.mk.cents(m, o, t, buy, true);
        self.take(r, w, m, o, buy, t, shares_for(usd, c))
    }

    /// One maker fill at a price the caller rests at.
    #[allow(clippy::too_many_arguments)]
    pub fn make(&mut self, w: u32, m: u32, o: u8, buy: bool, t: i64, c: u8, sz: u32) -> bool {
        let tx = self.tx();
        self.push(Fill { w, m, o, buy, c, sz: sz.max(MIN_SZ), t, tx, taker: false, paired: false })
    }

    /// A resting limit order at `limit` cents from `from` until `until`: filled (maybe in pieces)
    /// whenever the market trades through it. Returns the size filled.
    #[allow(clippy::too_many_arguments)]
    pub fn rest(&mut self, r: &Rng, w: u32, m: u32, o: u8, buy: bool, from: i64, until: i64, limit: u8, sz: u32) -> u32 {
        let mkt = self.mk.get(m);
        let until = until.min(mkt.close).min(NOW - 1);
        let step = if mkt.cat.sport() || mkt.cat == Cat::UpDown { 60 } else { 900 };
        let mut t = from.max(mkt.open);
        let mut left = sz.max(MIN_SZ);
        let mut filled = 0;
        while t < until && left > 0 {
            let inside = if buy { self.mk.cents(m, o, t, true, false) <= limit } else { self.mk.cents(m, o, t, false, false) >= limit };
            if inside {
                let mut part = if r.chance(0.45) { left } else { ((left as f64) * r.range(0.15, 0.7)) as u32 };
                part = part.max(MIN_SZ).min(left);
                if left - part < MIN_SZ {
                    part = left;
                }
                if self.make(w, m, o, buy, t, limit, part) {
                    left -= part;
                    filled += part;
                }
                t += 1 + r.exp(step as f64 * 4.0) as i64;
            } else {
                t += step;
            }
        }
        filled
    }

    /// Markets of the given categories tradable at `t` (long-dated and event markets).
    pub fn long_open(&self, t: i64, cats: &[Cat]) -> Vec<u32> {
        self.mk.long.iter().copied().filter(|&m| cats.contains(&self.mk.get(m).cat) && self.mk.tradable(m, t)).collect()
    }

    /// A market picked by crowd interest.
    pub fn by_weight(&self, r: &Rng, ms: &[u32]) -> Option<u32> {
        if ms.is_empty() {
            return None;
        }
        let ws: Vec<f64> = ms.iter().map(|&m| self.mk.get(m).weight).collect();
        Some(ms[r.weighted(&ws)])
    }

    /// A game (its headline market unless `side_markets`) of the given sports starting within
    /// (t, t + horizon] and already listed.
    pub fn upcoming(&self, r: &Rng, t: i64, horizon: i64, cats: &[Cat], side_markets: bool) -> Option<u32> {
        let ms: Vec<u32> = self
            .mk
            .starting(t, t + horizon)
            .iter()
            .copied()
            .filter(|&m| {
                let k = self.mk.get(m);
                cats.contains(&k.cat) && (side_markets || k.main) && self.mk.tradable(m, t)
            })
            .collect();
        self.by_weight(r, &ms)
    }

    /// A game of the given sports in play at `t`.
    pub fn live(&self, r: &Rng, t: i64, cats: &[Cat], side_markets: bool) -> Option<u32> {
        let ms: Vec<u32> = self
            .mk
            .in_play(t)
            .into_iter()
            .filter(|&m| {
                let k = self.mk.get(m);
                cats.contains(&k.cat) && (side_markets || k.main) && self.mk.tradable(m, t)
            })
            .collect();
        self.by_weight(r, &ms)
    }

    /// The outcome currently priced higher.
    pub fn favourite(&self, m: u32, t: i64) -> u8 {
        if self.mk.mid(m, 0, t) >= 0.5 { 0 } else { 1 }
    }
}

/// A person's clock and habits.
#[derive(Clone, Debug)]
pub struct Person {
    /// UTC offset in hours.
    pub tz: i64,
    /// Chronotype: hours later (or earlier) than the usual day.
    pub shift: i64,
    /// Wealth multiplier on dollar amounts.
    pub scale: f64,
    /// How often amounts are round numbers.
    pub round: f64,
}

/// How likely someone is to be on the app at each local hour.
pub const HOUR_W: [f64; 24] =
    [0.8, 0.45, 0.22, 0.1, 0.06, 0.06, 0.15, 0.45, 0.8, 0.9, 1.0, 1.05, 1.25, 1.1, 1.0, 1.0, 1.1, 1.3, 1.6, 1.9, 2.1, 2.1, 1.8, 1.3];

const NICE: [f64; 36] = [
    1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0,
    600.0, 750.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 4000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0, 50000.0,
];

pub fn nice(x: f64) -> f64 {
    let mut best = NICE[0];
    for &n in &NICE {
        if (n.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
            best = n;
        }
    }
    best
}

impl Person {
    pub fn new(r: &Rng) -> Self {
        let zones = [(-5, 30.0), (-6, 9.0), (-8, 13.0), (-7, 3.0), (0, 9.0), (1, 13.0), (2, 4.0), (-3, 6.0), (8, 5.0), (9, 3.0), (3, 3.0)];
        let ws: Vec<f64> = zones.iter().map(|z| z.1).collect();
        let tz = zones[r.weighted(&ws)].0;
        Person { tz, shift: r.int(-2, 2), scale: r.lognormal(1.0, 0.7), round: r.range(0.45, 0.95) }
    }

    pub fn with_tz(r: &Rng, tz: i64) -> Self {
        Person { tz, ..Person::new(r) }
    }

    pub fn european(&self) -> bool {
        (-1..=3).contains(&self.tz)
    }

    pub fn american(&self) -> bool {
        (-9..=-4).contains(&self.tz)
    }

    /// Local day number of `t`.
    pub fn day_of(&self, t: i64) -> i64 {
        (t + self.tz * HOUR).div_euclid(DAY)
    }

    pub fn hour_of(&self, t: i64) -> i64 {
        (t + self.tz * HOUR).rem_euclid(DAY) / HOUR
    }

    /// Saturday or Sunday where the person lives.
    pub fn weekend(&self, t: i64) -> bool {
        let wd = (self.day_of(t) - 20_819).rem_euclid(7);
        wd == 1 || wd == 2
    }

    /// UTC time of a local day and second of day.
    pub fn at(&self, day: i64, sec: i64) -> i64 {
        day * DAY + sec - self.tz * HOUR
    }

    /// A moment on local `day` when this person tends to be on the app.
    pub fn time_on(&self, r: &Rng, day: i64) -> i64 {
        let mut ws = [0.0; 24];
        for (h, w) in ws.iter_mut().enumerate() {
            *w = HOUR_W[((h as i64 - self.shift).rem_euclid(24)) as usize];
        }
        let h = r.weighted(&ws) as i64;
        self.at(day, h * HOUR + r.int(0, 3_599))
    }

    /// A moment on local `day` between local hours `a` and `b`.
    pub fn between(&self, r: &Rng, day: i64, a: i64, b: i64) -> i64 {
        self.at(day, a * HOUR + r.int(0, ((b - a) * HOUR - 1).max(0)))
    }

    /// Awake and likely to look at the phone.
    pub fn awake(&self, t: i64) -> bool {
        let h = (self.hour_of(t) - self.shift).rem_euclid(24);
        (8..24).contains(&h)
    }

    /// Next moment at or after `t` when the person is awake.
    pub fn next_awake(&self, r: &Rng, t: i64) -> i64 {
        if self.awake(t) {
            return t;
        }
        let day = self.day_of(t);
        let wake = self.at(day, (8 + self.shift) * HOUR) + r.int(0, 2 * HOUR);
        if wake > t { wake } else { wake + DAY }
    }

    /// Local days inside the window.
    pub fn days(&self) -> (i64, i64) {
        (self.day_of(W0 + 1), self.day_of(NOW - 1))
    }

    /// A dollar amount around `median` (scaled by wealth), often a round number.
    pub fn usd(&self, r: &Rng, median: f64, sigma: f64) -> f64 {
        let x = r.lognormal(median * self.scale, sigma).clamp(1.0, 250_000.0);
        if r.chance(self.round) {
            nice(x)
        } else if r.chance(0.5) {
            x.round()
        } else {
            (x * 100.0).round() / 100.0
        }
    }

    /// `n` session times over local days [d0, d1], weekends weighted by `weekend_w`.
    pub fn sessions(&self, r: &Rng, n: usize, d0: i64, d1: i64, weekend_w: f64) -> Vec<i64> {
        let days: Vec<i64> = (d0..=d1).collect();
        let ws: Vec<f64> = days
            .iter()
            .map(|&d| {
                let wd = (d - 20_819).rem_euclid(7);
                if wd == 1 || wd == 2 { weekend_w } else { 1.0 }
            })
            .collect();
        let mut out = Vec::with_capacity(n);
        let mut guard = 0;
        while out.len() < n && guard < n * 20 + 20 {
            guard += 1;
            let d = days[r.weighted(&ws)];
            let t = self.time_on(r, d);
            if in_window(t) {
                out.push(t);
            }
        }
        out.sort_unstable();
        out
    }
}
