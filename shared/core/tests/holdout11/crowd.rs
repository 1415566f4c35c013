//! Unlabelled participants on the tape: the leaders people and bots copy, the background crowd
//! (heavy-tailed), and unlabelled makers and bots.

use super::people::{Habit, game, nice};
use super::world::{HOUR, Kind, MIN, TAPE0};
use super::{Ctx, NOW};

pub fn leaders(c: &mut Ctx) {
    for _ in 0..40 {
        let w = c.wallet();
        let first = c.fills.len();
        let h = Habit::any(&c.r);
        let style = c.r.below(3);
        let n = 12 + c.r.poisson(c.r.lognormal(45.0, 0.6));
        let base = c.r.lognormal(1500.0, 0.7);
        for _ in 0..n {
            let t = h.when(&c.r, TAPE0, NOW - 30 * MIN);
            let m = match style {
                0 => match game(c, t, t + 12 * HOUR, &["nba", "epl", "ucl", "atp", "nhl", "cbb", "ufc"]) {
                    Some(m) => m,
                    None => continue,
                },
                1 => {
                    let mut v = c.u.politics.clone();
                    v.extend(c.u.culture.iter().copied());
                    v.extend(c.u.oscars.iter().copied());
                    v[c.r.below(v.len())]
                }
                _ => c.u.crypto(c.r.below(2), 3600, t),
            };
            let o = if (c.u.q(m, 0, t) >= 0.5) ^ c.r.chance(0.3) { 0 } else { 1 };
            let usd = nice(&c.r, base * c.r.lognormal(1.0, 0.5));
            let got = c.take_usd(w, m, o, true, t, usd, 1 + c.r.below(2));
            if got > 0.0 && c.r.chance(0.45) {
                let end = c.u.markets[m as usize].end;
                let t2 = (t + c.r.lognormal(6.0 * HOUR as f64, 1.0) as i64).min(end - MIN);
                if t2 > t {
                    c.take(w, m, o, false, t2, got, 1);
                }
            }
        }
        let mine: Vec<usize> = (first..c.fills.len()).filter(|&i| c.fills[i].w == w).collect();
        let mut mine = mine;
        mine.sort_by_key(|&i| (c.fills[i].t, i));
        c.leaders.push(w);
        c.leader_fills.push(mine);
    }
}

fn crowd_time(c: &Ctx, m: u32, lo: i64, hi: i64) -> i64 {
    let mk = &c.u.markets[m as usize];
    let (s, e) = (mk.start, mk.end);
    let x = c.r.f();
    let (a, b) = match mk.kind {
        Kind::Sports | Kind::Soccer | Kind::Esports => {
            if x < 0.4 {
                (lo, s)
            } else if x < 0.58 {
                (s - 2 * HOUR, s)
            } else {
                (s, e)
            }
        }
        Kind::Crypto => {
            if x < 0.2 {
                (lo, s)
            } else {
                (s, e)
            }
        }
        Kind::Econ => {
            if x < 0.5 {
                (lo, s)
            } else if x < 0.8 {
                (s, s + 15 * MIN)
            } else {
                (s, e)
            }
        }
        Kind::Mentions | Kind::Weather => {
            if x < 0.35 {
                (lo, s)
            } else {
                (s, e)
            }
        }
        _ => (lo, hi),
    };
    let (a, b) = (a.max(lo), b.min(hi));
    if b > a { c.r.range(a, b) } else { c.r.range(lo, hi) }
}

/// Crowd trades in every market a labelled wallet or leader touched.
pub fn background(c: &mut Ctx) {
    let mut touched = vec![false; c.u.markets.len()];
    for f in &c.fills {
        touched[f.m as usize] = true;
    }
    let crowd: Vec<u32> = (0..9000).map(|_| c.wallet()).collect();
    let mut cum = Vec::with_capacity(crowd.len());
    let mut acc = 0.0;
    for i in 0..crowd.len() {
        acc += 1.0 / ((i + 1) as f64).powf(0.95) * c.r.uni(0.5, 1.5);
        cum.push(acc);
    }
    let makers: Vec<u32> = (0..70).map(|_| c.wallet()).collect();
    let bots: Vec<u32> = (0..30).map(|_| c.wallet()).collect();
    let bot_size: Vec<f64> = bots.iter().map(|_| *c.r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0])).collect();
    for m in 0..touched.len() as u32 {
        if !touched[m as usize] {
            continue;
        }
        let (lo, hi, kind, n) = {
            let mk = &c.u.markets[m as usize];
            (mk.open.max(TAPE0), mk.end.min(NOW), mk.kind, mk.crowd)
        };
        if hi <= lo {
            continue;
        }
        let n = c.r.poisson(n * 0.9);
        let mm = [makers[(m as usize * 7) % makers.len()], makers[(m as usize * 13 + 5) % makers.len()]];
        for _ in 0..n {
            let t = crowd_time(c, m, lo, hi);
            let x = c.r.f() * acc;
            let who = crowd[cum.partition_point(|&v| v < x).min(crowd.len() - 1)];
            let o = if c.r.chance(0.5) { 0 } else { 1 };
            let buy = c.r.chance(0.72);
            let usd = c.r.lognormal(12.0, 1.3).clamp(1.0, 60_000.0);
            let (bid, ask) = c.u.quote(m, o, t);
            let px = if buy { ask } else { bid };
            let shares = (usd / (px as f64 / 100.0)).max(5.0);
            let tx = c.tx();
            let got = c.put(who, m, o, buy, px, shares, t, tx);
            if got > 0.0 && c.r.chance(0.4) {
                let maker = mm[c.r.below(2)];
                c.put(maker, m, o, !buy, px, got, t, tx);
            }
        }
        if kind == Kind::Crypto {
            for _ in 0..c.r.poisson(1.5) {
                let k = c.r.below(bots.len());
                let t = crowd_time(c, m, lo, hi);
                let o = if c.u.q(m, 0, t) >= 0.5 { 0 } else { 1 };
                c.take(bots[k], m, o, true, t, bot_size[k], 1);
            }
        }
        if matches!(kind, Kind::Politics | Kind::Culture) {
            for _ in 0..c.r.poisson(n as f64 * 0.1) {
                let t = c.r.range(lo, hi);
                let o = if c.r.chance(0.5) { 0 } else { 1 };
                let sz = nice(&c.r, c.r.lognormal(150.0, 0.5));
                c.rest(mm[0], m, o, c.r.chance(0.5), t, sz);
            }
        }
    }
}
