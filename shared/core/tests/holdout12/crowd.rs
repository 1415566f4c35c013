//! The anonymous crowd: everyone else whose fills make up a market's tape.

use super::ctx::{Fill, MIN_SZ, crowd_wallet, shares_for};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, MIN, Market, World};
use super::{NOW, W0};

fn bump(h: f64, at: f64, sd: f64) -> f64 {
    let d = (h - at).rem_euclid(24.0);
    let d = d.min(24.0 - d);
    (-(d * d) / (2.0 * sd * sd)).exp()
}

/// Platform-wide activity by UTC hour: Americas evening peak, European afternoon, quiet dawn.
pub fn diurnal(t: i64) -> f64 {
    let h = t.rem_euclid(DAY) as f64 / HOUR as f64;
    0.3 + 0.7 * (0.6 * bump(h, 1.0, 3.5) + 0.45 * bump(h, 16.0, 3.5)).min(1.0)
}

/// Expected crowd fills per hour in market `m` at `t`.
pub fn rate(m: &Market, t: i64) -> f64 {
    let r = m.rate;
    if t < m.open || t >= m.close {
        return 0.0;
    }
    let after = |t: i64| {
        let x = (t - m.decided) as f64;
        0.02 + 0.12 * (-x / (40.0 * MIN as f64)).exp()
    };
    match m.cat {
        Cat::Sports => {
            if t < m.start {
                let x = (m.start - t) as f64 / (2.5 * HOUR as f64);
                r * (0.012 * diurnal(t) + 0.3 * (-x).exp())
            } else if t < m.decided {
                r
            } else {
                r * after(t)
            }
        }
        Cat::Crypto => {
            if t < m.start {
                r * 0.06
            } else {
                let prog = (t - m.start) as f64 / (m.decided - m.start) as f64;
                r * (0.5 + 1.4 * prog) * (0.55 + 0.45 * diurnal(t) / 0.8)
            }
        }
        Cat::Weather => {
            if t >= m.decided {
                r * 0.2
            } else if m.decided - t < 14 * HOUR {
                r * 2.2
            } else {
                r * 0.6 * diurnal(t)
            }
        }
        _ => {
            if t >= m.decided {
                return r * after(t) * 3.0;
            }
            let mut x = r * diurnal(t);
            if m.tag == "mentions" && t >= m.start {
                x *= 7.0;
            }
            let to_end = (m.decided - t) as f64;
            x *= 1.0 + 3.0 * (-to_end / (6.0 * HOUR as f64)).exp();
            let k = m.jumps.partition_point(|j| j.0 <= t);
            if k > 0 {
                let since = (t - m.jumps[k - 1].0) as f64;
                x *= 1.0 + 4.0 * (-since / (1.5 * HOUR as f64)).exp();
            }
            x
        }
    }
}

/// A crowd member's stake in dollars: mostly small, a long tail of big tickets.
fn stake(rng: &mut Rng, m: &Market) -> f64 {
    let scale = (1.0 + m.depth / 4000.0).powf(0.35);
    let mut usd = rng.lognormal(13.0 * scale, 1.45).min(60_000.0);
    if rng.chance(0.3) {
        let nice = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0];
        usd = *nice.iter().min_by(|a, b| ((*a - usd).abs()).total_cmp(&(*b - usd).abs())).unwrap_or(&usd);
    } else if rng.chance(0.4) {
        usd = usd.round().max(1.0);
    }
    usd
}

pub fn market_crowd(world: &World, id: u32) -> Vec<Fill> {
    let m = world.m(id);
    let mut rng = Rng::stream("crowd", u64::from(id));
    let from = m.open.max(W0);
    let to = m.close.min(NOW);
    let mut rows = Vec::new();
    if to <= from {
        return rows;
    }
    let piece = match m.cat {
        Cat::Crypto => 30,
        Cat::Sports => 120,
        _ => 600,
    };
    let mut k: u64 = 0;
    let mut t = from;
    while t < to {
        let e = (t + piece).min(to);
        let lam = rate(m, t) * (e - t) as f64 / HOUR as f64;
        let n = rng.poisson(lam);
        for _ in 0..n {
            let ts = rng.int(t, e - 1);
            one(&mut rows, m, id, ts, &mut rng, &mut k);
        }
        t = e;
    }
    rows
}

fn one(rows: &mut Vec<Fill>, m: &Market, id: u32, ts: i64, rng: &mut Rng, k: &mut u64) {
    let (buy, o) = if ts >= m.decided {
        // after the result is known: mostly buying the winner at the top, dumping the loser
        let o = if rng.chance(0.85) { m.winner } else { 1 - m.winner };
        (if o == m.winner { rng.chance(0.75) } else { rng.chance(0.2) }, o)
    } else {
        let p0 = m.mid(0, ts);
        (rng.chance(0.63), if rng.chance(0.3 + 0.4 * p0) { 0 } else { 1 })
    };
    let (bid, ask) = m.quote(o, ts);
    let mut c = if buy { ask } else { bid };
    let w = crowd_wallet(rng);
    let tx = (1u64 << 62) | (u64::from(id) << 24) | *k;
    *k += 1;
    let usd = stake(rng, m);
    let mut left = if buy {
        shares_for(usd, c)
    } else if rng.chance(0.35) {
        (rng.int(1, 40) * 500) as u64 * 10
    } else {
        shares_for(usd, c)
    };
    left = left.max(MIN_SZ);
    let mut levels = 0;
    while left > 0 && (1..=99).contains(&c) && levels < 4 {
        let room = shares_for(m.depth * rng.range(0.4, 1.5), c).max(MIN_SZ);
        let mut take = left.min(room);
        if left - take < MIN_SZ {
            take = left;
        }
        rows.push(Fill { w, m: id, o, buy, c, sz: take, ts, tx });
        left -= take;
        levels += 1;
        c += if buy { 1 } else { -1 };
    }
}
