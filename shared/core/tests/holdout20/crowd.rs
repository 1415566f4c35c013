//! The unlabelled crowd: everyone else trading the markets the labelled wallets trade in.

use super::rng::{Rng, mix};
use super::world::{DIURNAL, HOUR, Kind, Market, START, World, utc_hour};
use super::{CBOT0, LEADER0, N_CBOT, N_RETAIL, RETAIL0, Row, Sink, mm_for, shares_for};

const MAX_ROWS: usize = 414_000;

fn intensity(m: &Market, t: i64) -> f64 {
    let mut x = m.pop * DIURNAL[utc_hour(t)];
    match m.kind {
        Kind::Crypto if t < m.t0 => x *= 0.06,
        Kind::Game | Kind::Esport | Kind::Mention => {
            if let Some((s, _)) = m.live {
                if m.is_live(t) {
                    x *= if m.kind == Kind::Mention { 6.0 } else { 7.0 };
                } else if t < s {
                    x *= 0.15 + 0.85 * (-((s - t) as f64) / (5.0 * HOUR as f64)).exp();
                }
            }
        }
        _ => {}
    }
    if t >= m.end {
        x *= 0.3;
    } else if m.end - t < 6 * HOUR && m.kind == Kind::Long {
        x *= 2.0;
    }
    let mut boost = 0.0;
    for &(e, d) in &m.events {
        if e <= t && t - e < 4 * HOUR {
            boost += (2.0 + 60.0 * d.abs() as f64) * (-((t - e) as f64) / 1800.0).exp();
        }
    }
    x * (1.0 + boost.min(12.0))
}

fn slot_len(m: &Market) -> i64 {
    let (a, b) = m.window();
    let span = b - a;
    if span <= 12 * HOUR {
        60
    } else if span <= 4 * 24 * HOUR {
        600
    } else {
        HOUR
    }
}

pub fn crowd(w: &World, s: &mut Sink, seed: u64) {
    let mut touched: Vec<usize> = s.rows.iter().map(|r| r.m as usize).collect();
    touched.sort();
    touched.dedup();
    let existing = s.rows.len();
    let room = MAX_ROWS.saturating_sub(existing) as f64;
    // each crowd order adds ~1.5 rows (a maker shows on about half, big orders sweep)
    let budget = (room / 1.5).max(10_000.0);

    let mut expected = Vec::with_capacity(touched.len());
    let mut total = 0.0;
    for &mi in &touched {
        let m = &w.m[mi];
        let (a, b) = m.window();
        let sl = slot_len(m);
        let mut e = 0.0;
        let mut t = a;
        while t < b {
            e += intensity(m, t) * (sl.min(b - t)) as f64 / HOUR as f64;
            t += sl;
        }
        expected.push(e);
        total += e;
    }
    // quiet markets keep a floor; busy ones are scaled to the budget
    let scale = budget / total.max(1.0);

    for (ix, &mi) in touched.iter().enumerate() {
        let m = &w.m[mi];
        let r = Rng::derive(seed ^ 0xC20D, mi as u64);
        let (a, b) = m.window();
        if b <= a {
            continue;
        }
        let e = expected[ix] * scale;
        // the market's regulars and passers-by
        let n_people = ((e * 0.45) as usize).clamp(4, 700);
        let people: Vec<u32> = (0..n_people).map(|_| RETAIL0 + r.below(N_RETAIL as u64) as u32).collect();
        let bots: Vec<u32> = (0..4).map(|j| CBOT0 + (mix(mi as u64 * 7 + j) % N_CBOT as u64) as u32).collect();
        let sl = slot_len(m);
        let mut times: Vec<i64> = Vec::new();
        let mut t = a;
        while t < b {
            let len = sl.min(b - t);
            let lam = intensity(m, t) * len as f64 / HOUR as f64 * scale;
            let n = r.poisson(lam);
            let ev: Vec<i64> = m.events.iter().map(|x| x.0).filter(|&x| x >= t && x < t + len).collect();
            for _ in 0..n {
                let tt = if !ev.is_empty() && r.chance(0.6) { *r.pick(&ev) + r.exp(600.0) as i64 } else { t + r.range(0, len) };
                if tt >= a && tt < b {
                    times.push(tt);
                }
            }
            t += len;
        }
        let floor = 4 + r.below(6) as usize;
        while times.len() < floor {
            times.push(r.range(a, b));
        }
        for tt in times {
            one_trade(w, s, &r, mi, tt, &people, &bots);
        }
    }

    if s.rows.len() > 419_000 {
        // thin the crowd's own orders evenly (never a labelled fill)
        let over = s.rows.len() - 415_000;
        let crowd_rows = s.rows.len() - existing;
        let keep_p = 1.0 - over as f64 / crowd_rows as f64;
        let r = Rng::derive(seed, 0x7417);
        let tail: Vec<Row> = s.rows.split_off(existing);
        s.rows.extend(tail.into_iter().filter(|_| r.chance(keep_p)));
    }
}

fn one_trade(w: &World, s: &mut Sink, r: &Rng, mi: usize, t: i64, people: &[u32], bots: &[u32]) {
    let m = &w.m[mi];
    if !m.trading(t) {
        return;
    }
    let is_bot = r.chance(0.14);
    let who = if is_bot { *r.pick(bots) } else { people[r.skewed(people.len(), 1.9)] };
    // what moves people: the latest news, the result, the favourite
    let recent = m.events.iter().rev().find(|&&(e, _)| e <= t && t - e < 20 * 60);
    let (k, buy) = if t >= m.end {
        let win = m.winner.unwrap_or(0);
        if r.chance(0.65) { (win, true) } else { (1 - win, false) }
    } else if let Some(&(_, d)) = recent {
        let up = if d > 0.0 { 0 } else { 1 };
        if r.chance(0.7) { (up, true) } else { (1 - up, r.chance(0.4)) }
    } else {
        let fav = if m.p0(t) >= 0.5 { 0 } else { 1 };
        let k = if r.chance(0.56) { fav } else { 1 - fav };
        (k, r.chance(0.66))
    };
    let mut px = if buy { m.ask(k, t) } else { m.bid(k, t) };
    let usd = if is_bot { *r.pick(&[10.0, 25.0, 50.0, 100.0, 250.0]) } else { r.lognormal(14.0, 1.35).min(60_000.0) };
    let size = shares_for(usd, px).max(500 + r.below(2_000));
    let tx = s.tx();
    let levels = if usd > 800.0 && r.chance(0.6) { 2 + (usd > 5_000.0) as u8 } else { 1 };
    let mut left = size;
    for lv in 0..levels {
        let here = if lv + 1 == levels { left } else { (left as f64 * r.uni(0.3, 0.7)) as u64 };
        if here < 500 {
            break;
        }
        s.rows.push(Row { who, m: mi as u32, k, buy, cents: px, size: here, ts: t, tx });
        if r.chance(0.5) {
            let mm = mm_for(mi, r.below(3));
            let (k2, b2, c2) = if buy && r.chance(0.3) { (1 - k, true, 100 - px) } else { (k, !buy, px) };
            if mm != who {
                s.rows.push(Row { who: mm, m: mi as u32, k: k2, buy: b2, cents: c2, size: here, ts: t, tx });
            }
        }
        left -= here;
        px = if buy { (px + 1).min(99) } else { (px - 1).max(1) };
    }
    let _ = (LEADER0, START);
}
