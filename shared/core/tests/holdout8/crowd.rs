//! Everyone on the tape who is not labelled: the leaders copiers follow, the crowd, the
//! counterparties of labelled fills, and a few unlabelled programs.

use super::bots::utc_activity;
use super::ctx::{Ctx, Fill, MIN_SZ, Person, in_window, nice, whole};
use super::markets::{Cat, DAY, HOUR};
use super::rng::Rng;
use super::{NOW, W0};
use std::collections::HashSet;

use Cat::*;

/// Well-followed traders: busy, sizeable, mostly sports, politics or crypto.
pub fn leaders(c: &mut Ctx, r: &Rng, n: usize) {
    for i in 0..n {
        let w = c.wallet();
        let mark = c.fills.len();
        let mut p = Person::new(r);
        p.scale = r.lognormal(12.0, 0.7);
        p.round = r.range(0.3, 0.8);
        let style = i % 4;
        let (d0, d1) = p.days();
        let active = r.range(0.5, 0.95);
        let per_day = r.range(1.5, 12.0);
        let mut pos: Vec<(u32, u8)> = Vec::new();
        for d in d0..=d1 {
            if !r.chance(active) {
                continue;
            }
            for _ in 0..r.poisson(per_day) {
                let t = p.time_on(r, d);
                if !in_window(t) {
                    continue;
                }
                if !pos.is_empty() && r.chance(0.25) {
                    let k = r.below(pos.len());
                    let (m, o) = pos.swap_remove(k);
                    let h = c.held(mark, w, m, o);
                    if h >= MIN_SZ && c.mk.tradable(m, t) {
                        c.take(r, w, m, o, false, t, h);
                    }
                    continue;
                }
                let s = if style == 3 { r.below(3) } else { style };
                let m = match s {
                    0 => {
                        let live = r.chance(0.35);
                        if live {
                            c.live(r, t, &[Nba, Nhl, Soccer, Ncaab, Tennis, Nfl], false)
                        } else {
                            c.upcoming(r, t, 20 * HOUR, &[Nba, Nhl, Soccer, Ncaab, Tennis, Ufc, Nfl], false)
                        }
                    }
                    1 => {
                        let pool = c.long_open(t, &[Politics, Econ, Culture, Oscars, Mentions, Nfl]);
                        c.by_weight(r, &pool)
                    }
                    _ => {
                        if r.chance(0.7) {
                            let period = if r.chance(0.6) { HOUR } else { DAY };
                            Some(c.mk.updown(r.pick(&[0, 0, 1]), period, t))
                        } else {
                            let pool = c.long_open(t, &[CryptoPrice]);
                            c.by_weight(r, &pool)
                        }
                    }
                };
                let Some(m) = m else { continue };
                let o = if r.chance(0.6) { c.favourite(m, t) } else { r.below(2) as u8 };
                let usd = p.usd(r, 50.0, 1.0);
                if r.chance(0.2) {
                    let bid = c.mk.cents(m, o, t, true, false);
                    let sz = super::ctx::shares_for(usd, bid);
                    if c.rest(r, w, m, o, true, t, t + 6 * HOUR, bid, sz) > 0 {
                        pos.push((m, o));
                    }
                } else if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                    pos.push((m, o));
                }
            }
        }
        c.leaders.push(w);
        let idx: Vec<usize> = (mark..c.fills.len()).filter(|&k| c.fills[k].w == w).collect();
        c.leader_fills.push(idx);
    }
}

/// Ordinary wallets in pools by interest, each with a heavy-tailed share of the pool's activity.
pub struct Crowd {
    pools: Vec<(Vec<u32>, Vec<f64>)>,
}

impl Crowd {
    pub fn new(c: &mut Ctx, r: &Rng, sizes: &[usize]) -> Self {
        let mut pools = Vec::new();
        for &n in sizes {
            let ws: Vec<u32> = (0..n).map(|_| c.wallet()).collect();
            let mut cum = Vec::with_capacity(n);
            let mut acc = 0.0;
            for _ in 0..n {
                // Pareto weights: most wallets trade once or twice, a few hundreds of times.
                acc += r.pareto(1.0, 1.2).min(80.0);
                cum.push(acc);
            }
            pools.push((ws, cum));
        }
        Crowd { pools }
    }

    pub fn pick(&self, r: &Rng, pool: usize) -> u32 {
        let (ws, cum) = &self.pools[pool % self.pools.len()];
        let x = r.f() * cum[cum.len() - 1];
        let i = cum.partition_point(|&v| v <= x).min(ws.len() - 1);
        ws[i]
    }

    pub fn pool_for(r: &Rng, cat: Cat) -> usize {
        if r.chance(0.12) {
            return 4;
        }
        match cat {
            Nba | Nhl | Ncaab | Soccer | Tennis | Esports | Ufc | Nfl | F1 => 0,
            UpDown | CryptoPrice => 1,
            Weather => 3,
            _ => 2,
        }
    }
}

fn touched(c: &Ctx) -> Vec<u32> {
    let mut seen: HashSet<u32> = HashSet::new();
    let mut out = Vec::new();
    for f in &c.fills {
        if seen.insert(f.m) {
            out.push(f.m);
        }
    }
    out.sort_unstable();
    out
}

/// Programs nobody labelled: interval bots, sweepers, a copier or two.
pub fn unlabelled(c: &mut Ctx, r: &Rng) {
    let ms = touched(c);
    let interval_bots: Vec<(u32, i64, u32)> =
        (0..8).map(|_| (c.wallet(), r.int(10, 200), whole(nice(r.lognormal(30.0, 0.7)).max(5.0)))).collect();
    let sweepers: Vec<u32> = (0..4).map(|_| c.wallet()).collect();
    for &m in &ms {
        let k = c.mk.get(m);
        let (cat, live, close, dec, winner, period) = (k.cat, k.live, k.close, k.decided, k.winner, k.period);
        if cat == UpDown {
            if r.chance(0.6) && period <= HOUR {
                let (w, off, sz) = interval_bots[r.below(interval_bots.len())];
                let t = live + off.min(period - 10);
                let o = c.favourite(m, t);
                c.take(r, w, m, o, true, t, sz);
            }
        } else if in_window(dec) && dec < close && r.chance(0.5) {
            let w = sweepers[r.below(sweepers.len())];
            let t = dec + r.int(2, 120);
            let tx = c.tx();
            let sz = whole(r.lognormal(400.0, 1.0).clamp(5.0, 30_000.0));
            c.push(Fill { w, m, o: winner, buy: true, c: 99 - r.below(2) as u8, sz, t, tx, taker: true, paired: false });
        }
    }
    // An unlabelled copier on two leaders.
    for _ in 0..2 {
        let w = c.wallet();
        let l = r.below(c.leaders.len());
        let fs: Vec<Fill> = c.leader_fills[l].iter().map(|&i| c.fills[i]).collect();
        for f in fs {
            if f.buy && r.chance(0.9) {
                let t = f.t + r.int(3, 20);
                c.take(r, w, f.m, f.o, true, t, 1_000);
            }
        }
    }
}

/// The other side of fills recorded so far: unlabelled makers behind takers, crowd takers
/// behind makers, in the same transaction.
pub fn counterparties(c: &mut Ctx, r: &Rng, crowd: &Crowd, makers: &[u32]) {
    let n = c.fills.len();
    // A few makers carry most of the book.
    let maker_w: Vec<f64> = (0..makers.len()).map(|i| 1.0 / (i as f64 + 1.0).powf(0.9)).collect();
    for i in 0..n {
        let f = c.fills[i];
        if f.paired || !r.chance(0.4) {
            continue;
        }
        let cat = c.mk.get(f.m).cat;
        let (cw, taker) = if f.taker {
            let w = if r.chance(0.7) { makers[r.weighted(&maker_w)] } else { crowd.pick(r, Crowd::pool_for(r, cat)) };
            (w, false)
        } else {
            (crowd.pick(r, Crowd::pool_for(r, cat)), true)
        };
        let complement = f.taker && r.chance(0.35);
        let (o, buy, cp) = if complement { (1 - f.o, f.buy, 100 - f.c) } else { (f.o, !f.buy, f.c) };
        if f.sz >= 2 * MIN_SZ && r.chance(0.25) && f.taker {
            let first = ((f.sz as f64 * r.range(0.2, 0.8)) as u32).clamp(MIN_SZ, f.sz - MIN_SZ);
            let other = makers[r.below(makers.len())];
            c.push(Fill { w: cw, m: f.m, o, buy, c: cp, sz: first, t: f.t, tx: f.tx, taker, paired: true });
            c.push(Fill { w: other, m: f.m, o, buy, c: cp, sz: f.sz - first, t: f.t, tx: f.tx, taker, paired: true });
        } else {
            c.push(Fill { w: cw, m: f.m, o, buy, c: cp, sz: f.sz, t: f.t, tx: f.tx, taker, paired: true });
        }
    }
}

fn sample_time(c: &Ctx, r: &Rng, m: u32) -> Option<i64> {
    let k = c.mk.get(m);
    let lo = k.open.max(W0 + 1);
    let hi = k.close.min(NOW - 1);
    if hi <= lo {
        return None;
    }
    for _ in 0..6 {
        let t = if k.cat.sport() {
            match r.weighted(&[0.55, 0.35, 0.1]) {
                0 => r.int(k.live, k.decided - 1),
                1 => k.live - r.exp(5.0 * HOUR as f64) as i64,
                _ => r.int(k.decided, k.close - 1),
            }
        } else if k.cat == UpDown {
            if r.chance(0.85) { r.int(k.live, k.close - 1) } else { k.live - r.exp(1_800.0) as i64 }
        } else {
            let x = r.f();
            if x < 0.25 && !k.events.is_empty() {
                k.events[r.below(k.events.len())] + r.exp(HOUR as f64) as i64
            } else if x < 0.4 && in_window(k.decided) {
                k.decided - DAY + r.int(0, DAY + (k.close - k.decided).max(0))
            } else {
                r.int(lo, hi)
            }
        };
        if t < lo || t >= hi || !c.mk.tradable(m, t) {
            continue;
        }
        if r.chance(utc_activity(t).clamp(0.1, 1.0)) {
            return Some(t);
        }
    }
    None
}

/// Ordinary trades in every market a labelled wallet touched, about `target` of them.
pub fn background(c: &mut Ctx, r: &Rng, crowd: &Crowd, target: usize) {
    let ms = touched(c);
    let base: Vec<f64> = ms
        .iter()
        .map(|&m| {
            let k = c.mk.get(m);
            let days = ((k.close.min(NOW) - k.open.max(W0)) as f64 / DAY as f64).clamp(0.05, 30.0);
            let f = match k.cat {
                UpDown => 1.0,
                x if x.sport() => 1.0,
                Weather => 0.8,
                _ => (days / 4.0).max(0.5),
            };
            k.weight * f
        })
        .collect();
    let sum: f64 = base.iter().sum();
    let scale = target as f64 / sum.max(1.0);
    for (i, &m) in ms.iter().enumerate() {
        let n = r.poisson(base[i] * scale * r.lognormal(1.0, 0.5));
        let cat = c.mk.get(m).cat;
        for _ in 0..n {
            let Some(t) = sample_time(c, r, m) else { continue };
            let pool = Crowd::pool_for(r, cat);
            let w = crowd.pick(r, pool);
            let fav = c.favourite(m, t);
            let o = if r.chance(0.55) { fav } else { 1 - fav };
            let buy = r.chance(0.72);
            let usd = r.lognormal(14.0, 1.35).clamp(1.0, 40_000.0);
            let usd = if r.chance(0.5) { nice(usd) } else { (usd * 100.0).round() / 100.0 };
            if r.chance(0.78) {
                c.take_usd(r, w, m, o, buy, t, usd);
            } else {
                let cp = c.mk.cents(m, o, t, buy, false);
                c.make(w, m, o, buy, t, cp, super::ctx::shares_for(usd, cp));
            }
        }
    }
}
