//! Programs: each function writes the month of every wallet it is given.

use super::ctx::{Ctx, Fill, MIN_SZ, Person, in_window, min_size, nice, shares_for, whole};
use super::markets::{Cat, DAY, HOUR};
use super::names::CITIES;
use super::rng::Rng;
use super::{NOW, W0};

use Cat::*;

const SPORTS: [Cat; 8] = [Nba, Nhl, Ncaab, Soccer, Tennis, Esports, Ufc, Nfl];

/// When a program ran this month: all of it, only lately (new), only early (paused), or a stretch.
fn span(r: &Rng) -> (i64, i64) {
    match r.weighted(&[0.55, 0.18, 0.15, 0.12]) {
        0 => (W0 + 1, NOW - 1),
        1 => (NOW - r.int(2, 14) * DAY - r.int(0, DAY), NOW - 1),
        2 => (W0 + 1, NOW - r.int(3, 20) * DAY - r.int(0, DAY)),
        _ => {
            let a = W0 + r.int(1, 12) * DAY + r.int(0, DAY);
            (a, (a + r.int(4, 14) * DAY).min(NOW - 1))
        }
    }
}

/// Crowd activity by UTC hour (mostly American, some European).
pub fn utc_activity(t: i64) -> f64 {
    let h = (t.rem_euclid(DAY) / HOUR) as usize;
    let us = super::ctx::HOUR_W[(h + 19) % 24];
    let eu = super::ctx::HOUR_W[(h + 1) % 24];
    (0.65 * us + 0.35 * eu) / 2.1
}

fn in_span(t: i64, s: (i64, i64)) -> bool {
    t >= s.0 && t < s.1 && in_window(t)
}

/// A random game market of the given sports whose life overlaps the span.
fn game_in(c: &Ctx, r: &Rng, s: (i64, i64), cats: &[Cat], main: bool) -> Option<u32> {
    let ms = c.mk.starting(s.0 - 6 * HOUR, s.1 + 2 * DAY);
    for _ in 0..60 {
        if ms.is_empty() {
            return None;
        }
        let m = ms[r.below(ms.len())];
        let k = c.mk.get(m);
        if cats.contains(&k.cat) && (!main || k.main) {
            return Some(m);
        }
    }
    None
}

fn raw(c: &mut Ctx, f: Fill) -> bool {
    c.push(f)
}

/// Quotes both sides of many books around the clock; fills at its bid and ask in quote-size pieces.
pub fn market_maker(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let s = span(r);
        let n_mk = r.int(4, 45) as usize;
        let cap = r.pareto(300.0, 0.9).min(6_000.0) as u32;
        let q = whole(nice(r.lognormal(150.0, 0.8)).max(20.0));
        let focus = r.below(3);
        let mut ms: Vec<u32> = Vec::new();
        for _ in 0..n_mk * 4 {
            if ms.len() >= n_mk {
                break;
            }
            let main = r.chance(0.8);
            let m = if focus == 0 || (focus == 2 && r.chance(0.5)) {
                game_in(c, r, s, &SPORTS, main)
            } else {
                let pool = c.long_open(r.int(s.0, s.1), &[Politics, Econ, Culture, CryptoPrice, Oscars, Weather, Tweets]);
                c.by_weight(r, &pool)
            };
            if let Some(m) = m
                && !ms.contains(&m)
            {
                ms.push(m);
            }
        }
        let per = (cap as f64 / ms.len().max(1) as f64).max(3.0);
        for &m in &ms {
            let k = c.mk.get(m);
            let a = k.open.max(s.0).max(W0 + 1);
            let b = k.close.min(s.1).min(NOW - 1);
            if b <= a {
                continue;
            }
            let (live, dec, sport) = (k.live, k.decided, k.cat.sport());
            let hours = (b - a) as f64 / HOUR as f64;
            let lam = per * r.range(0.5, 1.5) / hours.max(1.0);
            let mut t = a;
            let mut inv: i64 = 0;
            loop {
                let boost = if sport && t >= live && t < dec {
                    5.0
                } else if sport && t < live - 6 * HOUR {
                    0.4
                } else {
                    1.0
                };
                t += 1 + r.exp(HOUR as f64 / (lam * boost)) as i64;
                if t >= b || c.n(w) >= cap {
                    break;
                }
                if !r.chance(utc_activity(t).clamp(0.15, 1.0)) {
                    continue;
                }
                let o = r.below(2) as u8;
                let lean = (inv as f64 / (20.0 * q as f64)).clamp(-0.3, 0.3);
                let long0 = if o == 0 { 1.0 } else { -1.0 };
                let buy = r.chance(0.5 - lean * long0);
                let cp = c.mk.cents(m, o, t, buy, false);
                let sz = if r.chance(0.4) { q } else { ((q as f64 * r.range(0.1, 1.0)) as u32).max(MIN_SZ) };
                if c.make(w, m, o, buy, t, cp, sz) {
                    inv += (if buy { 1 } else { -1 }) * (if o == 0 { 1 } else { -1 }) * sz as i64;
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 200 {
            guard += 1;
            let t = r.int(s.0, s.1);
            if let Some(m) = c.live(r, t, &SPORTS, false) {
                let o = r.below(2) as u8;
                let cp = c.mk.cents(m, o, t, true, false);
                c.make(w, m, o, true, t, cp, q);
            }
        }
    }
}

/// Buys both outcomes when their asks add up to less than a dollar (and every bucket of a
/// multi-outcome event when those do), the same size on each leg.
pub fn complement_arb(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let s = span(r);
        let style = r.below(3);
        let ops = r.pareto(20.0, 0.8).min(900.0) as usize;
        let size = r.lognormal(80.0, 0.8).max(5.0);
        let asset = if r.chance(0.7) { 0 } else { 1 };
        let period = if r.chance(0.5) { 300 } else { 900 };
        let mut done = 0;
        let mut guard = 0;
        while done < ops && guard < ops * 6 + 50 {
            guard += 1;
            let t = r.int(s.0, s.1);
            let sz = ((size * r.range(0.3, 1.5) * 100.0) as u32 / 100 * 100).max(MIN_SZ);
            if style == 2 {
                let ci = r.below(CITIES.len());
                let Some(ms) = c.mk.weather_ix.get(&(ci, t.div_euclid(DAY))).cloned() else { continue };
                if !ms.iter().all(|&m| c.mk.tradable(m, t) && c.mk.get(m).decided > t) {
                    continue;
                }
                let asks: Vec<u8> = ms.iter().map(|&m| c.mk.cents(m, 0, t, true, true)).collect();
                let sum: i64 = asks.iter().map(|&a| a as i64).sum();
                let mut over = sum - 100 + r.int(1, 3);
                let mut prices = asks.clone();
                let mut i = 0;
                while over > 0 && i < 200 {
                    let k = i % prices.len();
                    if prices[k] > 1 {
                        prices[k] -= 1;
                        over -= 1;
                    }
                    i += 1;
                }
                let tx = c.tx();
                for (k, &m) in ms.iter().enumerate() {
                    raw(c, Fill { w, m, o: 0, buy: true, c: prices[k], sz, t, tx, taker: true, paired: false });
                }
                done += 1;
                continue;
            }
            let m = if style == 0 { Some(c.mk.updown(asset, period, t)) } else { c.live(r, t, &SPORTS, false) };
            let Some(m) = m else { continue };
            if !c.mk.tradable(m, t) {
                continue;
            }
            let a = c.mk.cents(m, 0, t, true, true);
            if !(3..=97).contains(&a) {
                continue;
            }
            let gap = r.int(1, 3);
            let b = (100 - a as i64 - gap).clamp(1, 99) as u8;
            let tx = c.tx();
            raw(c, Fill { w, m, o: 0, buy: true, c: a, sz, t, tx, taker: true, paired: false });
            let (t2, tx2) = if r.chance(0.6) { (t, tx) } else { (t + r.int(0, 2), c.tx()) };
            raw(c, Fill { w, m, o: 1, buy: true, c: b, sz, t: t2, tx: tx2, taker: true, paired: false });
            done += 1;
        }
    }
}

fn copy_bot(c: &mut Ctx, r: &Rng, ws: &[u32], fast: bool) {
    for &w in ws {
        let mark = c.fills.len();
        let mut s = span(r);
        let k = r.int(1, 4) as usize;
        let mut follow: Vec<usize> = Vec::new();
        while follow.len() < k.min(c.leaders.len()) {
            let l = r.below(c.leaders.len());
            if !follow.contains(&l) {
                follow.push(l);
            }
        }
        let poll = r.pick(&[2, 4, 5, 10, 15, 30, 60]);
        let cache = if !fast && r.chance(0.3) { r.int(30, 300) } else { 0 };
        let mode = r.below(3);
        let usd = nice(r.lognormal(15.0, 0.8)).max(2.0);
        let frac = r.range(0.01, 0.2);
        let fixed = whole(nice(r.lognormal(20.0, 0.6)).max(5.0));
        let max_price = if r.chance(0.5) { 95 } else { 99 };
        let miss = r.range(0.0, 0.1);
        let copy_makers = fast || r.chance(0.5);
        let mut fs: Vec<Fill> = follow.iter().flat_map(|&l| c.leader_fills[l].iter().map(|&i| c.fills[i])).collect();
        fs.sort_by_key(|f| (f.t, f.tx));
        for attempt in 0..2 {
            for f in &fs {
                if !in_span(f.t, s) || r.chance(miss) || (!f.taker && !copy_makers) {
                    continue;
                }
                let lag = if fast { r.int(1, 6) } else { r.int(1, poll) + if cache > 0 { r.int(0, cache) } else { 0 } + r.int(0, 2) };
                let t = f.t + lag;
                if f.buy {
                    if f.c > max_price {
                        continue;
                    }
                    let cp = c.mk.cents(f.m, f.o, t, true, true);
                    let sz = match mode {
                        0 => shares_for(usd, cp),
                        1 => ((f.sz as f64 * frac) as u32 / 100 * 100).max(min_size(cp)),
                        _ => fixed,
                    };
                    c.take(r, w, f.m, f.o, true, t, sz);
                } else {
                    let h = c.held(mark, w, f.m, f.o);
                    if h < MIN_SZ {
                        continue;
                    }
                    let sz = if mode == 1 { ((f.sz as f64 * frac) as u32).clamp(MIN_SZ, h) } else { h };
                    let sz = if h - sz < MIN_SZ { h } else { sz };
                    c.take(r, w, f.m, f.o, false, t, sz);
                }
            }
            if c.n(w) > 0 || attempt == 1 {
                break;
            }
            s = (W0 + 1, NOW - 1);
        }
    }
}

/// Polls the Data API for followed wallets and mirrors each trade seconds to minutes later.
pub fn datapi_copy_bot(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    copy_bot(c, r, ws, false);
}

/// Watches fills on chain and mirrors followed wallets within a block or two.
pub fn onchain_copy_bot(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    copy_bot(c, r, ws, true);
}

/// Buys the decided outcome at 97–99 cents the moment a result is in, at any hour.
pub fn resolution_sweeper(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let decided_long: Vec<u32> = c.mk.long.iter().copied().filter(|&m| in_window(c.mk.get(m).decided)).collect();
    for &w in ws {
        let s = span(r);
        let focus = r.below(3);
        let cap = r.pareto(120.0, 0.8).min(3_000.0) as u32;
        let react = r.int(1, 25);
        let cover = r.range(0.25, 0.9);
        let unit = r.lognormal(300.0, 0.9);
        let sweep = |c: &mut Ctx, r: &Rng, m: u32, t0: i64| {
            let (o, close) = (c.mk.get(m).winner, c.mk.get(m).close);
            let mut t = t0;
            for _ in 0..r.int(1, 6) {
                if t >= close.min(NOW) || c.n(w) >= cap {
                    break;
                }
                let cp = (99 - r.weighted(&[0.6, 0.3, 0.1]) as u8).max(1);
                let sz = whole(r.lognormal(unit, 0.9).clamp(5.0, 50_000.0) * if r.chance(0.3) { 1.0 } else { 0.37 });
                let tx = c.tx();
                raw(c, Fill { w, m, o, buy: true, c: cp, sz, t, tx, taker: true, paired: false });
                t += 1 + r.exp(150.0) as i64;
            }
        };
        if focus == 0 || focus == 2 {
            let games: Vec<u32> = c.mk.starting(s.0 - 8 * HOUR, s.1).to_vec();
            for m in games {
                let (dec, close) = (c.mk.get(m).decided, c.mk.get(m).close);
                if !in_span(dec, s) || dec >= close || !r.chance(cover) {
                    continue;
                }
                sweep(c, r, m, dec + react + r.int(0, 5));
            }
        }
        if focus == 2 {
            for &m in &decided_long {
                let dec = c.mk.get(m).decided;
                if in_span(dec, s) && r.chance(cover) {
                    sweep(c, r, m, dec + react + r.int(0, 30));
                }
            }
        }
        if focus == 1 {
            let period = r.pick(&[300, 900, 900, HOUR]);
            let asset = r.pick(&[0, 0, 1, 2]);
            let mut st = (s.0 / period + 1) * period;
            while st + period < s.1 && c.n(w) < cap {
                if r.chance(cover * 0.5) {
                    let m = c.mk.updown(asset, period, st);
                    let t = st + period - r.int(3, 40);
                    let o = c.favourite(m, t);
                    if c.mk.mid(m, o, t) >= 0.93 {
                        let cp = c.mk.cents(m, o, t, true, true);
                        let sz = whole(r.lognormal(unit, 0.7).clamp(5.0, 20_000.0));
                        let tx = c.tx();
                        raw(c, Fill { w, m, o, buy: true, c: cp, sz, t, tx, taker: true, paired: false });
                    }
                }
                st += period;
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 500 {
            guard += 1;
            let ms = c.mk.starting(W0, NOW - 4 * HOUR);
            let m = ms[r.below(ms.len())];
            let dec = c.mk.get(m).decided;
            if dec < c.mk.get(m).close && in_window(dec + 30) {
                sweep(c, r, m, dec + react);
            }
        }
    }
}

/// Trades every (or nearly every) 5 / 15 / 60-minute coin interval at a fixed offset with a fixed size.
pub fn crypto_interval_bot(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let s = span(r);
        let period = [300, 900, HOUR][r.weighted(&[0.3, 0.5, 0.2])];
        let assets: Vec<u8> = if r.chance(0.6) { vec![r.pick(&[0, 0, 1, 2, 3])] } else { vec![0, r.pick(&[1, 2, 3])] };
        let offset = r.int(5, period - 30);
        let jitter = r.int(0, 3);
        let strat = r.below(4);
        let thr = r.range(0.02, 0.15);
        let fixed_shares = r.chance(0.6);
        let sz_fixed = whole(nice(r.lognormal(40.0, 0.9)).max(5.0));
        let usd = nice(r.lognormal(20.0, 0.8)).max(3.0);
        let part = r.range(0.25, 0.95);
        let exit = r.chance(0.3);
        let cap = r.int(150, 2_000) as u32;
        let mut st = (s.0 / period + 1) * period;
        while st + period < s.1 && c.n(w) < cap {
            for &a in &assets {
                if !r.chance(part) {
                    continue;
                }
                let t = if strat == 3 { st + period - 60 + r.int(0, jitter) } else { st + offset + r.int(0, jitter) };
                let m = c.mk.updown(a, period, st);
                let up = c.mk.mid(m, 0, t);
                let o = match strat {
                    0 if (up - 0.5).abs() > thr => {
                        if up > 0.5 {
                            0
                        } else {
                            1
                        }
                    }
                    1 if (up - 0.5).abs() > thr => {
                        if up > 0.5 {
                            1
                        } else {
                            0
                        }
                    }
                    2 => {
                        if r.chance(0.5) {
                            0
                        } else {
                            1
                        }
                    }
                    3 if (up - 0.5).abs() > 0.3 => {
                        if up > 0.5 {
                            0
                        } else {
                            1
                        }
                    }
                    _ => continue,
                };
                let cp = c.mk.cents(m, o, t, true, true);
                let sz = if fixed_shares { sz_fixed } else { shares_for(usd, cp) };
                if c.take(r, w, m, o, true, t, sz).is_some() && exit && strat != 3 {
                    let te = st + period - r.int(20, 90);
                    if c.mk.mid(m, o, te) > c.mk.mid(m, o, t) + 0.1 {
                        let h = c.held(mark.max(c.fills.len().saturating_sub(8)), w, m, o);
                        if h >= MIN_SZ {
                            c.take(r, w, m, o, false, te, h);
                        }
                    }
                }
            }
            st += period;
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let t = r.int(W0 + HOUR, NOW - HOUR);
            let m = c.mk.updown(assets[0], period, t);
            c.take(r, w, m, 0, true, t, sz_fixed);
        }
    }
}

/// Works a large order in equal child orders on a fixed timer.
pub fn twap_slicer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let s = span(r);
        let parents = r.int(1, 6);
        let mut bought: Vec<(u32, u8)> = Vec::new();
        for _ in 0..parents {
            let t0 = r.int(s.0, s.1);
            let sell = !bought.is_empty() && r.chance(0.3);
            let (m, o) = if sell {
                bought[r.below(bought.len())]
            } else {
                let m = if r.chance(0.3) {
                    c.upcoming(r, t0, 36 * HOUR, &[Nba, Soccer, Nhl], false)
                } else {
                    let pool: Vec<u32> = c
                        .long_open(t0, &[Politics, Econ, Culture, Oscars, CryptoPrice])
                        .into_iter()
                        .filter(|&m| c.mk.get(m).weight >= 1.0)
                        .collect();
                    c.by_weight(r, &pool)
                };
                let Some(m) = m else { continue };
                (m, r.below(2) as u8)
            };
            let interval = r.pick(&[15, 30, 60, 60, 120, 300, 600]);
            let n = r.int(20, 160);
            let jitter = r.pick(&[0, 0, 1, 2, interval / 10]);
            let cp = c.mk.cents(m, o, t0, true, true);
            let total = if sell { c.held(mark, w, m, o) } else { shares_for(r.lognormal(15_000.0, 0.8), cp.max(5)) };
            let child = (total / n as u32 / 100).max(5) * 100;
            let wobble = r.chance(0.3);
            let mut left = total;
            for i in 0..n {
                if left < MIN_SZ {
                    break;
                }
                let t = t0 + i * interval + r.int(0, jitter);
                let mut sz = if wobble { ((child as f64 * r.range(0.95, 1.05)) as u32 / 100 * 100).max(MIN_SZ) } else { child };
                if sz > left || left - sz < MIN_SZ {
                    sz = left;
                }
                if c.take(r, w, m, o, !sell, t, sz).is_some() {
                    left -= sz;
                }
            }
            if !sell {
                bought.push((m, o));
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let t0 = r.int(W0 + DAY, NOW - DAY);
            let pool = c.long_open(t0, &[Politics, Econ]);
            if let Some(m) = c.by_weight(r, &pool) {
                for i in 0..40 {
                    c.take(r, w, m, 0, true, t0 + i * 60, 5_000);
                }
            }
        }
    }
}

/// Every few hours on the clock, nudges a portfolio of markets back to model weights.
pub fn rebalancer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let s = span(r);
        let pool: Vec<u32> = c
            .long_open(s.0 + 60, &[Politics, Econ, CryptoPrice, Culture, Oscars])
            .into_iter()
            .filter(|&m| c.mk.get(m).decided > s.1.min(NOW - DAY))
            .collect();
        let k = r.int(6, 20) as usize;
        let mut uni: Vec<u32> = Vec::new();
        for _ in 0..k * 3 {
            if uni.len() >= k {
                break;
            }
            if let Some(m) = c.by_weight(r, &pool)
                && !uni.contains(&m)
            {
                uni.push(m);
            }
        }
        let period = r.pick(&[6 * HOUR, 8 * HOUR, 12 * HOUR, DAY, DAY]);
        let offset = r.int(0, 59) * 60 + r.int(0, 20);
        let budget = r.lognormal(2_000.0, 0.8);
        let thr = r.range(0.02, 0.06);
        let mut target: Vec<f64> = uni.iter().map(|&m| (c.mk.mid(m, 0, s.0 + 60) + r.normal() * 0.05).clamp(0.02, 0.98)).collect();
        let mut at = (s.0 - offset).div_euclid(period) * period + period + offset;
        while at < s.1 {
            let mut t = at;
            for (i, &m) in uni.iter().enumerate() {
                target[i] = (target[i] + r.normal() * 0.01).clamp(0.02, 0.98);
                t += r.int(1, 4);
                if !c.mk.tradable(m, t) {
                    continue;
                }
                let mid = c.mk.mid(m, 0, t);
                let diff = target[i] - mid;
                if diff.abs() < thr {
                    continue;
                }
                let sz = whole(budget * diff.abs() / mid.max(0.05));
                if diff > 0.0 {
                    c.take(r, w, m, 0, true, t, sz);
                } else {
                    let h = c.held(mark, w, m, 0);
                    if h >= MIN_SZ {
                        let sz = sz.min(h);
                        let sz = if h - sz < MIN_SZ { h } else { sz };
                        c.take(r, w, m, 0, false, t, sz);
                    } else {
                        c.take(r, w, m, 1, true, t, sz);
                    }
                }
            }
            at += period;
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 50 && !uni.is_empty() {
            guard += 1;
            let t = r.int(W0 + DAY, NOW - HOUR) / period * period + offset;
            c.take(r, w, uni[0], 0, true, t, 2_000);
        }
    }
}

/// Rests buys on a price grid and sells one step higher, the same size every time.
pub fn grid_bot(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let s = span(r);
        let g = r.int(1, 3);
        let unit = whole(nice(r.lognormal(100.0, 0.8)).max(10.0));
        let cap = r.int(200, 3_000) as u32;
        let k = r.int(1, 3);
        for _ in 0..k {
            let pool: Vec<u32> = c
                .long_open(s.0 + 60, &[CryptoPrice, Politics, Econ, Culture])
                .into_iter()
                .filter(|&m| c.mk.get(m).close > s.0 + 5 * DAY)
                .collect();
            let Some(m) = c.by_weight(r, &pool) else { continue };
            let o = r.below(2) as u8;
            let b = c.mk.get(m).close.min(s.1);
            let mut t = s.0.max(c.mk.get(m).open) + 60;
            let level = |c: &Ctx, t: i64| ((c.mk.mid(m, o, t) * 100.0) as i64).div_euclid(g) * g;
            let mut last = level(c, t);
            let mut stock: Vec<i64> = Vec::new();
            while t < b && c.n(w) < cap {
                t += 120;
                let now = level(c, t);
                if now < last {
                    let mut l = last;
                    while l > now {
                        l -= g;
                        if (1..=98).contains(&l) && stock.len() < 20 {
                            let tt = t - r.int(0, 100);
                            if c.make(w, m, o, true, tt, l as u8, unit) {
                                stock.push(l);
                            }
                        }
                    }
                } else if now > last {
                    let mut l = last;
                    while l < now {
                        l += g;
                        if let Some(i) = stock.iter().position(|&x| x + g <= l) {
                            let tt = t - r.int(0, 100);
                            if c.make(w, m, o, false, tt, l.clamp(1, 99) as u8, unit) {
                                stock.swap_remove(i);
                            }
                        }
                    }
                }
                last = now;
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let t = r.int(W0 + DAY, NOW - HOUR);
            let pool = c.long_open(t, &[CryptoPrice, Politics]);
            if let Some(m) = c.by_weight(r, &pool) {
                let cp = c.mk.cents(m, 0, t, true, false);
                c.make(w, m, 0, true, t, cp, unit);
            }
        }
    }
}

/// Reads a scores / data feed and hits stale quotes one to three seconds after a goal, a set,
/// a data release or an envelope opening.
pub fn latency_bot(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let long_jumps: Vec<u32> =
        c.mk.long
            .iter()
            .copied()
            .filter(|&m| matches!(c.mk.get(m).cat, Econ | Oscars | Nfl | Mentions) && !c.mk.get(m).events.is_empty())
            .collect();
    for &w in ws {
        let mark = c.fills.len();
        let s = span(r);
        let feeds: Vec<Cat> = match r.below(4) {
            0 => vec![Soccer],
            1 => vec![Soccer, Nhl, Nfl],
            2 => vec![Nba, Ncaab, Nfl],
            _ => vec![Tennis, Esports, Nhl],
        };
        let macro_feed = r.chance(0.4);
        let cover = r.range(0.3, 0.9);
        let unit = r.lognormal(400.0, 0.8);
        let cap = r.int(150, 1_500) as u32;
        let mut targets: Vec<(i64, u32)> = Vec::new();
        for &m in c.mk.starting(s.0 - 6 * HOUR, s.1) {
            let k = c.mk.get(m);
            if !k.main || !feeds.contains(&k.cat) || !r.chance(cover) {
                continue;
            }
            for &e in &k.events {
                if e >= k.live && e < k.decided && in_span(e, s) {
                    targets.push((e, m));
                }
            }
        }
        if macro_feed {
            for &m in &long_jumps {
                for &e in &c.mk.get(m).events {
                    if in_span(e, s) {
                        targets.push((e, m));
                    }
                }
            }
        }
        targets.sort_unstable();
        for (e, m) in targets {
            if c.n(w) >= cap {
                break;
            }
            let before = c.mk.mid(m, 0, e - 1);
            let after = c.mk.mid(m, 0, e + 4);
            if (after - before).abs() < 0.03 {
                continue;
            }
            let o = if after > before { 0 } else { 1 };
            let t = e + r.int(1, 3);
            let stale = c.mk.cents(m, o, e - 1, true, true);
            let sz = whole(r.lognormal(unit, 0.6).clamp(5.0, 20_000.0));
            let tx = c.tx();
            let levels = r.int(1, 3) as u32;
            let per = (sz / levels / 100).max(5) * 100;
            for l in 0..levels {
                let cp = (stale as u32 + l + r.int(0, 1) as u32).min(99) as u8;
                raw(c, Fill { w, m, o, buy: true, c: cp, sz: per, t, tx, taker: true, paired: false });
            }
            if r.chance(0.6) {
                let te = t + r.int(20, 900);
                let h = c.held(mark, w, m, o);
                if h >= MIN_SZ && c.mk.get(m).decided > te {
                    c.take(r, w, m, o, false, te, h);
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 300 {
            guard += 1;
            let ms = c.mk.starting(W0, NOW - 4 * HOUR);
            let m = ms[r.below(ms.len())];
            let k = c.mk.get(m);
            if let Some(&e) = k.events.iter().find(|&&e| e >= k.live && e < k.decided && in_window(e)) {
                let o = if c.mk.mid(m, 0, e + 4) > c.mk.mid(m, 0, e - 1) { 0 } else { 1 };
                let cp = c.mk.cents(m, o, e - 1, true, true);
                let tx = c.tx();
                raw(c, Fill { w, m, o, buy: true, c: cp, sz: whole(unit), t: e + 2, tx, taker: true, paired: false });
            }
        }
    }
}

/// Rings of wallets trading the same tokens back and forth among themselves.
pub fn wash_ring(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let mut i = 0;
    while i < ws.len() {
        let left = ws.len() - i;
        let k = if left <= 5 { left } else { (r.int(3, 5) as usize).min(left - 2) };
        let ring: Vec<u32> = ws[i..i + k].to_vec();
        i += k;
        let s = span(r);
        let mut ms: Vec<u32> = Vec::new();
        for _ in 0..40 {
            if ms.len() >= r.int(2, 6) as usize {
                break;
            }
            let t = r.int(s.0, s.1);
            let m = if r.chance(0.5) {
                game_in(c, r, s, &[Esports, Tennis, Nhl, Ncaab], true)
            } else {
                let pool: Vec<u32> =
                    c.long_open(t, &[Culture, Tweets, CryptoPrice, Politics]).into_iter().filter(|&m| c.mk.get(m).weight < 1.5).collect();
                if pool.is_empty() { None } else { Some(pool[r.below(pool.len())]) }
            };
            if let Some(m) = m
                && !ms.contains(&m)
            {
                ms.push(m);
            }
        }
        let gap = r.int(120, 1_800) as f64;
        let unit = nice(r.lognormal(500.0, 0.7)).max(50.0);
        let round = r.chance(0.7);
        let trades = r.int(100, 1_000);
        let mut n = 0;
        let mut guard = 0;
        while n < trades && guard < trades * 4 {
            guard += 1;
            let burst = r.int(s.0, s.1);
            let len = r.int(6 * HOUR, 2 * DAY);
            let mut t = burst;
            let m = ms.get(r.below(ms.len().max(1))).copied();
            let Some(m) = m else { break };
            let o = r.below(2) as u8;
            let mut dir = r.chance(0.5);
            while t < burst + len && n < trades {
                t += (gap * r.range(0.8, 1.2)) as i64;
                if !c.mk.tradable(m, t) || !in_span(t, s) || t > c.mk.get(m).decided - 600 {
                    break;
                }
                let a = ring[r.below(ring.len())];
                let mut b = ring[r.below(ring.len())];
                while b == a {
                    b = ring[r.below(ring.len())];
                }
                let mid = c.mk.mid(m, o, t);
                if !(0.04..=0.96).contains(&mid) {
                    break;
                }
                let cp = ((mid * 100.0).round() as i64).clamp(1, 99) as u8;
                let sz = if round { whole(unit) } else { whole(unit * r.range(0.9, 1.1)) };
                let tx = c.tx();
                let (buyer, seller) = if dir { (a, b) } else { (b, a) };
                raw(c, Fill { w: buyer, m, o, buy: true, c: cp, sz, t, tx, taker: true, paired: true });
                raw(c, Fill { w: seller, m, o, buy: false, c: cp, sz, t, tx, taker: false, paired: true });
                dir = !dir;
                n += 1;
            }
        }
        // Every member trades at least once.
        for &a in &ring {
            let mut guard = 0;
            while c.n(a) == 0 && guard < 200 {
                guard += 1;
                let b = ring[(ring.iter().position(|&x| x == a).unwrap_or(0) + 1) % ring.len()];
                let t = r.int(W0 + HOUR, NOW - HOUR);
                let pool = c.long_open(t, &[Culture, Tweets, CryptoPrice, Politics]);
                if let Some(m) = pool.get(r.below(pool.len().max(1))).copied() {
                    let cp = ((c.mk.mid(m, 0, t) * 100.0).round() as i64).clamp(1, 99) as u8;
                    let sz = whole(unit);
                    let tx = c.tx();
                    raw(c, Fill { w: a, m, o: 0, buy: true, c: cp, sz, t, tx, taker: true, paired: true });
                    raw(c, Fill { w: b, m, o: 0, buy: false, c: cp, sz, t, tx, taker: false, paired: true });
                }
            }
        }
    }
}

/// Keeps reward-sized quotes near the midpoint of many books; when hit, flattens at once.
pub fn reward_farmer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let s = span(r);
        let n_mk = r.int(15, 70) as usize;
        let q = whole(r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0]));
        let hedge_p = r.range(0.5, 0.95);
        let rate = r.range(0.02, 0.15);
        let cap = r.int(100, 2_000) as u32;
        let mut ms: Vec<u32> = Vec::new();
        for _ in 0..n_mk * 3 {
            if ms.len() >= n_mk {
                break;
            }
            let m = if r.chance(0.5) {
                game_in(c, r, s, &[Nba, Nhl, Soccer, Ncaab], true)
            } else {
                let pool = c.long_open(r.int(s.0, s.1), &[Politics, Econ, Culture, Oscars, CryptoPrice]);
                c.by_weight(r, &pool)
            };
            if let Some(m) = m
                && !ms.contains(&m)
            {
                ms.push(m);
            }
        }
        for &m in &ms {
            let k = c.mk.get(m);
            let a = k.open.max(s.0);
            // Quotes are pulled when a game starts.
            let b = if k.cat.sport() { k.live } else { k.close }.min(s.1);
            let mut t = a;
            loop {
                t += 1 + r.exp(HOUR as f64 / rate) as i64;
                if t >= b || c.n(w) >= cap {
                    break;
                }
                let o = r.below(2) as u8;
                let buy = r.chance(0.5);
                let cp = c.mk.cents(m, o, t, buy, false);
                let sz = if r.chance(0.5) { q } else { ((q as f64 * r.range(0.2, 1.0)) as u32).max(MIN_SZ) };
                if !c.make(w, m, o, buy, t, cp, sz) {
                    continue;
                }
                if r.chance(hedge_p) {
                    let th = t + r.int(2, 90);
                    if buy && r.chance(0.5) {
                        c.take(r, w, m, o, false, th, sz);
                    } else if buy {
                        c.take(r, w, m, 1 - o, true, th, sz);
                    } else {
                        c.take(r, w, m, o, true, th, sz);
                    }
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 200 {
            guard += 1;
            let t = r.int(W0 + HOUR, NOW - HOUR);
            let pool = c.long_open(t, &[Politics, Econ]);
            if let Some(m) = c.by_weight(r, &pool) {
                let cp = c.mk.cents(m, 0, t, true, false);
                c.make(w, m, 0, true, t, cp, q);
            }
        }
    }
}

/// Churns minimum-size buys and sells on a timer to pile up volume for a hoped-for airdrop.
pub fn airdrop_farmer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let s = span(r);
        let every = r.int(600, 3_600) as f64;
        let hours = if r.chance(0.5) { (0, 24) } else { (r.int(0, 8), r.int(16, 24)) };
        let shares = r.pick(&[5.0, 5.0, 6.0, 10.0, 10.0, 12.0, 20.0]);
        let cap = r.int(100, 2_000) as u32;
        let mut t = s.0;
        while t < s.1 && c.n(w) < cap {
            t += (every * r.range(0.7, 1.3)) as i64;
            let h = (t.rem_euclid(DAY)) / HOUR;
            if h < hours.0 || h >= hours.1 {
                continue;
            }
            let m = match r.below(3) {
                0 => Some(c.mk.updown(0, if r.chance(0.5) { 900 } else { HOUR }, t)),
                1 => c.live(r, t, &[Nba, Nhl, Soccer, Ncaab], false).or_else(|| c.upcoming(r, t, 12 * HOUR, &[Nba, Nhl, Soccer], false)),
                _ => {
                    let pool: Vec<u32> = c.long_open(t, &[Politics, Econ]).into_iter().filter(|&m| c.mk.get(m).weight >= 2.0).collect();
                    c.by_weight(r, &pool)
                }
            };
            let Some(m) = m else { continue };
            let o = r.below(2) as u8;
            if !c.mk.tradable(m, t + 200) {
                continue;
            }
            let cp = c.mk.cents(m, o, t, true, true);
            let sz = whole(shares).max(min_size(cp));
            if c.take(r, w, m, o, true, t, sz).is_some() {
                c.take(r, w, m, o, false, t + r.int(5, 180), sz);
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let t = r.int(W0 + HOUR, NOW - HOUR);
            let m = c.mk.updown(0, HOUR, t);
            if c.take(r, w, m, 0, true, t, 1_000).is_some() {
                c.take(r, w, m, 0, false, t + 30, 1_000);
            }
        }
    }
}

/// An LLM agent with a news feed and a wallet: a few considered trades a day at its operator's hours.
pub fn llm_agent(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let from = if r.chance(0.3) { r.int(d0, d1 - 3) } else { d0 };
        let active = r.range(0.25, 0.8);
        let bankroll = r.lognormal(2_000.0, 0.8);
        let round = r.chance(0.4);
        let mut pos: Vec<(u32, u8, i64)> = Vec::new();
        for d in from..=d1 {
            if !r.chance(active) {
                continue;
            }
            for _ in 0..r.int(1, 3) {
                let t = p.time_on(r, d);
                if !in_window(t) {
                    continue;
                }
                if !pos.is_empty() && r.chance(0.2) {
                    let i = r.below(pos.len());
                    let (m, o, _) = pos[i];
                    let h = c.held(mark, w, m, o);
                    if h >= MIN_SZ && c.mk.tradable(m, t) {
                        c.take(r, w, m, o, false, t, h);
                        pos.swap_remove(i);
                    }
                    continue;
                }
                let m = match r.weighted(&[0.6, 0.3, 0.1]) {
                    0 => {
                        let pool = c.long_open(t, &[Politics, Econ, Culture, CryptoPrice, Oscars, Mentions]);
                        c.by_weight(r, &pool)
                    }
                    1 => c.upcoming(r, t, 24 * HOUR, &[Nba, Nhl, Soccer, Ncaab, Tennis], false),
                    _ => {
                        let ci = r.below(CITIES.len());
                        c.mk.weather_ix.get(&(ci, p.day_of(t) + 1)).and_then(|ms| ms.get(r.below(ms.len())).copied())
                    }
                };
                let Some(m) = m else { continue };
                let later = (t + 2 * DAY).min(c.mk.get(m).close - 1);
                let up = c.mk.mid(m, 0, later) > c.mk.mid(m, 0, t);
                let o = if r.chance(0.58) == up { 0 } else { 1 };
                let frac = r.range(0.01, 0.05);
                let usd = if round { nice(bankroll * frac) } else { (bankroll * frac * 100.0).round() / 100.0 };
                if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                    pos.push((m, o, t));
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let d = r.int(d0, d1);
            let t = p.time_on(r, d);
            let pool = c.long_open(t, &[Politics, Econ, Culture]);
            if let Some(m) = c.by_weight(r, &pool) {
                c.take_usd(r, w, m, 0, true, t, bankroll * 0.02);
            }
        }
    }
}

/// A forecasting model (weather or team ratings) run once a day; its picks placed by a script.
pub fn forecast_model(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let weather = r.chance(0.5);
        let active = r.range(0.4, 0.9);
        let bankroll = r.lognormal(1_500.0, 0.7);
        let cities: Vec<usize> = (0..r.int(2, 4)).map(|_| r.below(CITIES.len())).collect();
        for d in d0..=d1 {
            if !r.chance(active) {
                continue;
            }
            let t = p.time_on(r, d);
            if !in_window(t) {
                continue;
            }
            if weather {
                for &ci in &cities {
                    if !r.chance(0.6) {
                        continue;
                    }
                    let Some(ms) = c.mk.weather_ix.get(&(ci, d + 1)).cloned() else { continue };
                    let won = ms.iter().position(|&m| c.mk.get(m).winner == 0).unwrap_or(3);
                    let pick =
                        if r.chance(0.45) { won } else { (won as i64 + r.pick(&[-1, 1, -2, 2])).clamp(0, ms.len() as i64 - 1) as usize };
                    let m = ms[pick];
                    if c.mk.mid(m, 0, t) < 0.6 {
                        let usd = (bankroll * r.range(0.005, 0.03) * 100.0).round() / 100.0;
                        c.take_usd(r, w, m, 0, true, t + r.int(0, 40), usd);
                    }
                }
            } else {
                for _ in 0..r.int(1, 4) {
                    let Some(m) = c.upcoming(r, t, 20 * HOUR, &[Nba, Nhl, Soccer, Ncaab], false) else { continue };
                    let o = if r.chance(0.56) { c.mk.get(m).winner } else { 1 - c.mk.get(m).winner };
                    let usd = (bankroll * r.range(0.005, 0.03) * 100.0).round() / 100.0;
                    c.take_usd(r, w, m, o, true, t + r.int(0, 40), usd);
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 100 {
            guard += 1;
            let d = r.int(d0, d1);
            let t = p.time_on(r, d);
            if let Some(m) = c.upcoming(r, t, 20 * HOUR, &[Nba, Nhl, Soccer], false) {
                c.take_usd(r, w, m, 0, true, t, bankroll * 0.01);
            }
        }
    }
}

/// Moves with the sharp sportsbooks: trades pre-game lines seconds after they move elsewhere.
pub fn line_arbitrage(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let s = span(r);
        let leagues: Vec<Cat> = match r.below(3) {
            0 => vec![Nba, Nhl, Ncaab],
            1 => vec![Soccer, Tennis],
            _ => vec![Nba, Soccer, Nhl, Esports, Tennis, Ncaab],
        };
        let cover = r.range(0.08, 0.35);
        let edge_usd = r.lognormal(300.0, 0.6);
        let games: Vec<u32> = c.mk.starting(s.0, s.1 + 2 * DAY).to_vec();
        for m in games {
            let k = c.mk.get(m);
            if !k.main || !leagues.contains(&k.cat) || !r.chance(cover) {
                continue;
            }
            let (open, live) = (k.open, k.live);
            let mut times: Vec<i64> = k.events.iter().copied().filter(|&e| e < live).map(|e| e + r.int(2, 12)).collect();
            for _ in 0..r.int(0, 3) {
                times.push(r.int(open, live - 60));
            }
            times.sort_unstable();
            for t in times {
                if !in_span(t, s) {
                    continue;
                }
                let later = (t + 2 * HOUR).min(live - 1);
                let o = if c.mk.mid(m, 0, later) >= c.mk.mid(m, 0, t) { 0 } else { 1 };
                let cp = c.mk.cents(m, o, t, true, true);
                let usd = edge_usd * r.range(0.4, 1.6);
                c.take(r, w, m, o, true, t, shares_for(usd, cp));
            }
            if r.chance(0.4) {
                let te = live - r.int(60, 600);
                for o in 0..2u8 {
                    let h = c.held(mark, w, m, o);
                    if h >= MIN_SZ && in_span(te, s) {
                        c.take(r, w, m, o, false, te, h);
                    }
                }
            }
        }
        let mut guard = 0;
        while c.n(w) == 0 && guard < 200 {
            guard += 1;
            let t = r.int(W0 + HOUR, NOW - HOUR);
            if let Some(m) = c.upcoming(r, t, 24 * HOUR, &leagues, false) {
                let cp = c.mk.cents(m, 0, t, true, true);
                c.take(r, w, m, 0, true, t, shares_for(edge_usd, cp));
            }
        }
    }
}
