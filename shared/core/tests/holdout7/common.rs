//! Fills, order helpers and human daily rhythms shared by every participant.

use super::NOW;
use super::markets::{DAY, HOUR, Universe, W0};
use super::rng::{Cumulative, Rng};
use std::collections::HashMap;

/// One fill, compactly: sizes in hundredths of a share, prices in cents.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub who: u32,
    pub m: u32,
    pub tok: u8,
    pub buy: bool,
    pub centi: u64,
    pub cents: u32,
    pub ts: i64,
    pub tx: u64,
}

/// How big an order is: dollars to spend (market order) or shares (in hundredths).
#[derive(Clone, Copy, Debug)]
pub enum Amt {
    Usd(f64),
    Sh(u64),
}

/// Shares (hundredths) that `usd` buys at `cents`.
pub fn shares_for(usd: f64, cents: u32) -> u64 {
    ((usd * 10_000.0) / cents.max(1) as f64).floor().max(1.0) as u64
}

/// Whole shares as hundredths.
pub fn sh(n: f64) -> u64 {
    (n * 100.0).round().max(1.0) as u64
}

/// A "nice" amount people type: 5, 10, 20, 25, 50, 100 …
pub fn nice_usd(x: f64) -> f64 {
    let steps: [f64; 33] = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0, 750.0, 1000.0,
        1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0, 50000.0, 75000.0, 100000.0,
    ];
    let mut best = steps[0];
    for &s in &steps {
        if (s.ln() - x.max(0.5).ln()).abs() < (best.ln() - x.max(0.5).ln()).abs() {
            best = s;
        }
    }
    best
}

/// Round share counts for limit orders: 10, 20, 25, 50, 100, 150, 200, 250, 500 …
pub fn nice_shares(x: f64) -> u64 {
    let steps: [f64; 25] = [
        5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0, 1000.0, 1500.0,
        2000.0, 2500.0, 3000.0, 5000.0, 10000.0, 20000.0,
    ];
    let mut best = steps[0];
    for &s in &steps {
        if (s.ln() - x.max(1.0).ln()).abs() < (best.ln() - x.max(1.0).ln()).abs() {
            best = s;
        }
    }
    sh(best)
}

/// A marketable order: takes the best level and, for larger orders, a few more levels in one
/// transaction. Returns the shares filled (hundredths) and the average price in cents.
#[allow(clippy::too_many_arguments)]
pub fn take(u: &Universe, who: u32, m: u32, tok: u8, buy: bool, amt: Amt, t: i64, out: &mut Vec<Fill>, rng: &mut Rng) -> (u64, u32) {
    if !u.trading(m, t) {
        return (0, 0);
    }
    let base = if buy { u.ask(m, tok, t) } else { u.bid(m, tok, t) };
    let total = match amt {
        Amt::Usd(x) => shares_for(x, base),
        Amt::Sh(c) => c,
    };
    if total == 0 {
        return (0, 0);
    }
    let notional = total as f64 * base as f64 / 10_000.0;
    let p_multi = 0.08 + 0.5 * (notional / 4000.0).min(1.0);
    let mut n = if rng.chance(p_multi) { 2 + (rng.poisson(0.3 + notional / 6000.0) as usize).min(10) } else { 1 };
    n = n.min(total as usize).max(1);
    let tx = rng.next_u64();
    let parts = split(total, n, rng);
    let mut cents = base;
    let mut cost = 0u64;
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 && rng.chance(0.45) {
            cents = if buy { (cents + 1).min(99) } else { cents.saturating_sub(1).max(1) };
        }
        cost += part * cents as u64;
        out.push(Fill { who, m, tok, buy, centi: part, cents, ts: t, tx });
    }
    (total, (cost / total.max(1)) as u32)
}

/// Splits `total` into `n` positive random parts.
pub fn split(total: u64, n: usize, rng: &mut Rng) -> Vec<u64> {
    if n <= 1 || total <= n as u64 {
        return vec![total];
    }
    let w: Vec<f64> = (0..n).map(|_| rng.range(0.15, 1.0)).collect();
    let sum: f64 = w.iter().sum();
    let mut parts: Vec<u64> = w.iter().map(|x| ((x / sum) * total as f64).floor().max(1.0) as u64).collect();
    let assigned: u64 = parts.iter().sum();
    if assigned <= total {
        parts[0] += total - assigned;
    } else {
        let mut extra = assigned - total;
        for p in parts.iter_mut() {
            let cut = extra.min(p.saturating_sub(1));
            *p -= cut;
            extra -= cut;
        }
    }
    parts.retain(|&p| p > 0);
    parts
}

/// A resting limit order filled by someone else: one fill at the order's own price.
#[allow(clippy::too_many_arguments)]
pub fn make(who: u32, m: u32, tok: u8, buy: bool, centi: u64, cents: u32, t: i64, out: &mut Vec<Fill>, rng: &mut Rng) -> Fill {
    let f = Fill { who, m, tok, buy, centi, cents: cents.clamp(1, 99), ts: t, tx: rng.next_u64() };
    out.push(f);
    f
}

/// The taker on the other side of a maker fill, in the same transaction: the opposite side of
/// the same token, or (a quarter of the time) the same side of the complementary token.
pub fn counterparty(f: &Fill, other: u32, out: &mut Vec<Fill>, rng: &mut Rng) {
    if rng.chance(0.25) {
        out.push(Fill { who: other, tok: 1 - f.tok, cents: 100 - f.cents, ..*f });
    } else {
        out.push(Fill { who: other, buy: !f.buy, ..*f });
    }
}

/// Positions per (market, token), in hundredths of a share.
#[derive(Default, Clone, Debug)]
pub struct Book(pub HashMap<(u32, u8), u64>);

impl Book {
    pub fn add(&mut self, m: u32, tok: u8, c: u64) {
        *self.0.entry((m, tok)).or_default() += c;
    }
    pub fn get(&self, m: u32, tok: u8) -> u64 {
        self.0.get(&(m, tok)).copied().unwrap_or(0)
    }
    pub fn sub(&mut self, m: u32, tok: u8, c: u64) {
        let e = self.0.entry((m, tok)).or_default();
        *e = e.saturating_sub(c);
    }
    /// Applies the fills of `who` in `fills`.
    pub fn apply(&mut self, fills: &[Fill], who: u32) {
        for f in fills.iter().filter(|f| f.who == who) {
            if f.buy {
                self.add(f.m, f.tok, f.centi);
            } else {
                self.sub(f.m, f.tok, f.centi);
            }
        }
    }
}

/// Where a person lives (UTC offset in seconds), by a rough Polymarket user mix.
pub fn random_tz(rng: &mut Rng) -> i64 {
    let zones: [(f64, f64); 12] = [
        (-5.0, 0.30),
        (-6.0, 0.10),
        (-7.0, 0.03),
        (-8.0, 0.12),
        (0.0, 0.10),
        (1.0, 0.13),
        (2.0, 0.04),
        (-3.0, 0.05),
        (5.5, 0.03),
        (8.0, 0.05),
        (9.0, 0.02),
        (11.0, 0.03),
    ];
    let w: Vec<f64> = zones.iter().map(|z| z.1).collect();
    let i = rng.weighted(&w);
    (zones[i].0 * 3600.0) as i64
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Phone after work, evenings heavy.
    Evening,
    /// At a desk during the day.
    Daytime,
    /// Late riser, late sleeper.
    NightOwl,
    /// Weekends and evenings only.
    Leisure,
}

/// A person's daily rhythm in local time.
#[derive(Clone, Debug)]
pub struct Habits {
    pub tz: i64,
    pub wake: f64,
    /// Hour of going to sleep, may exceed 24 (after midnight).
    pub sleep: f64,
    pub prof: [f64; 24],
    pub weekend: f64,
    pub style: Style,
}

impl Habits {
    pub fn new(style: Style, rng: &mut Rng) -> Self {
        let tz = random_tz(rng);
        Self::with_tz(style, tz, rng)
    }

    pub fn with_tz(style: Style, tz: i64, rng: &mut Rng) -> Self {
        let base: [f64; 24] = match style {
            Style::Evening | Style::Leisure => [
                0.35, 0.15, 0.05, 0.02, 0.02, 0.02, 0.1, 0.35, 0.5, 0.45, 0.45, 0.5, 0.8, 0.7, 0.55, 0.55, 0.65, 0.8, 1.0, 1.2, 1.35, 1.35,
                1.1, 0.7,
            ],
            Style::Daytime => [
                0.1, 0.05, 0.02, 0.02, 0.02, 0.02, 0.1, 0.4, 0.8, 1.0, 1.1, 1.1, 1.0, 1.0, 1.1, 1.1, 1.0, 0.8, 0.6, 0.6, 0.6, 0.5, 0.4, 0.2,
            ],
            Style::NightOwl => [
                1.1, 1.0, 0.8, 0.5, 0.2, 0.05, 0.02, 0.02, 0.02, 0.05, 0.2, 0.4, 0.6, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.3, 1.2,
            ],
        };
        let mut prof = [0.0; 24];
        for (p, b) in prof.iter_mut().zip(base) {
            *p = b * rng.lognormal(1.0, 0.35);
        }
        let (wake, sleep) = match style {
            Style::NightOwl => (rng.range(9.5, 13.0), rng.range(25.5, 28.5)),
            Style::Daytime => (rng.range(5.5, 7.5), rng.range(22.0, 23.8)),
            _ => (rng.range(6.0, 9.0), rng.range(22.5, 25.8)),
        };
        let weekend = match style {
            Style::Leisure => 4.0,
            Style::Daytime => rng.range(0.3, 0.8),
            _ => rng.range(0.9, 1.8),
        };
        Habits { tz, wake, sleep, prof, weekend, style }
    }

    pub fn local(&self, t: i64) -> i64 {
        t + self.tz
    }

    pub fn hour(&self, t: i64) -> f64 {
        self.local(t).rem_euclid(DAY) as f64 / 3600.0
    }

    /// Local weekday, Monday = 0.
    pub fn weekday(&self, t: i64) -> i64 {
        (self.local(t).div_euclid(DAY) + 3).rem_euclid(7)
    }

    pub fn awake(&self, t: i64) -> bool {
        let h = self.hour(t);
        if self.sleep >= 24.0 { h >= self.wake || h < self.sleep - 24.0 } else { h >= self.wake && h < self.sleep }
    }

    fn weekendish(&self, t: i64) -> bool {
        let wd = self.weekday(t);
        let h = self.hour(t);
        wd >= 5 || (wd == 4 && h >= 17.0)
    }

    /// How likely this person is on the app at `t` (0 when asleep).
    pub fn weight(&self, t: i64) -> f64 {
        if !self.awake(t) {
            return 0.0;
        }
        let h = self.hour(t);
        let mut w = self.prof[h as usize % 24];
        if self.weekendish(t) {
            w *= self.weekend;
        } else if self.style == Style::Leisure && h < 17.5 {
            w = 0.0;
        }
        w
    }

    /// A random moment in [t0, t1) when this person would plausibly open the app.
    pub fn pick(&self, rng: &mut Rng, t0: i64, t1: i64) -> Option<i64> {
        if t1 <= t0 {
            return None;
        }
        let wmax = self.prof.iter().cloned().fold(0.0, f64::max) * self.weekend.max(1.0);
        for _ in 0..300 {
            let t = rng.int(t0, t1 - 1);
            if rng.f() * wmax < self.weight(t) {
                return Some(t);
            }
        }
        None
    }

    /// `t` if awake, otherwise the next time this person wakes up.
    pub fn next_awake(&self, t: i64) -> i64 {
        let mut x = t;
        for _ in 0..48 {
            if self.awake(x) {
                return x;
            }
            x += HOUR / 2;
        }
        x
    }
}

/// Human reaction delay in seconds: a log-normal with the given median.
pub fn delay(median: f64, sigma: f64, rng: &mut Rng) -> i64 {
    rng.lognormal(median, sigma).round().max(1.0) as i64
}

/// Picks one of `list` that trades at `t`, weighted by popularity (and an extra weight function).
pub fn pick_market(u: &Universe, list: &[u32], t: i64, extra: impl Fn(u32) -> f64, rng: &mut Rng) -> Option<u32> {
    let c: Vec<u32> = list.iter().copied().filter(|&m| u.trading(m, t) && extra(m) > 0.0).collect();
    if c.is_empty() {
        return None;
    }
    let w: Vec<f64> = c.iter().map(|&m| u.m(m).pop * extra(m)).collect();
    Some(c[rng.weighted(&w)])
}

/// The window the labelled set covers.
pub fn in_window(t: i64) -> bool {
    (W0..=NOW).contains(&t)
}

/// Shared context for the generators.
pub struct Cx<'a> {
    pub u: &'a Universe,
    pub leaders: &'a [Leader],
    pub leader_pick: Cumulative,
    pub crowd0: u32,
    pub crowd_w: Cumulative,
}

impl Cx<'_> {
    /// A member of the background crowd, busier ones more often.
    pub fn crowd(&self, rng: &mut Rng) -> u32 {
        self.crowd0 + self.crowd_w.draw(rng) as u32
    }

    /// A leader to follow (well-known ones more often), as an index into `leaders`.
    pub fn leader(&self, rng: &mut Rng) -> usize {
        self.leader_pick.draw(rng)
    }
}

/// A known trader that others copy (an unlabelled wallet in the tape).
pub struct Leader {
    pub who: u32,
    /// Fills ordered by time.
    pub fills: Vec<Fill>,
    pub fame: f64,
}

impl Leader {
    /// The leader's orders: fills grouped by transaction and token, in time order.
    pub fn orders(&self) -> Vec<Vec<Fill>> {
        let mut out: Vec<Vec<Fill>> = Vec::new();
        for f in &self.fills {
            match out.last_mut() {
                Some(last) if last[0].tx == f.tx && last[0].tok == f.tok && last[0].m == f.m => last.push(*f),
                _ => out.push(vec![*f]),
            }
        }
        out
    }
}
