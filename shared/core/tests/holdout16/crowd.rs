//! Unlabelled traders: famous leaders whom others copy, and the crowd that fills the tape.

use super::exec::{Amt, Ex, Life, round_usd};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, MIN, NOW, START, World, crowd_diurnal};
use std::collections::BTreeSet;

/// One order of a leader (all its fills in one transaction taken together).
#[derive(Clone, Copy, Debug)]
pub struct LTrade {
    pub ts: i64,
    pub m: usize,
    pub o: u8,
    pub buy: bool,
    pub sh: f64,
    pub c: u8,
}

/// Famous traders' orders, one list per leader.
pub struct Leaders {
    pub trades: Vec<Vec<LTrade>>,
    /// Whether the leader mainly trades short crypto markets.
    pub crypto: Vec<bool>,
}

pub fn leaders(ex: &mut Ex, rng: &mut Rng, ids: &[u32]) -> Leaders {
    let w = ex.world;
    let mut all = Vec::new();
    let mut crypto = Vec::new();
    let sports: Vec<usize> = w.games.clone();
    let long: Vec<usize> = (0..w.markets.len()).filter(|&m| w.markets[m].cat.is_longform()).collect();
    for (k, &id) in ids.iter().enumerate() {
        let mut r = rng.fork(k as u64);
        let kind = k % 5; // 0,1 sports; 2 politics; 3 crypto; 4 mixed
        let life = Life::anywhere(&mut r);
        let mut out = Vec::new();
        let mut pos = super::exec::Pos::default();
        let per_day = r.uniform(2.0, 9.0);
        let size = r.lognormal(if kind == 3 { 300.0 } else { 1500.0 }, 0.5);
        let mut t = START + r.range(0, 6 * HOUR);
        while t < NOW - HOUR {
            t += (r.exp(DAY as f64 / per_day)) as i64 + 30;
            let t1 = match life.next_free(&mut r, t) {
                Some(x) => x,
                None => continue,
            };
            t = t1;
            if t >= NOW - 60 {
                break;
            }
            let m = match kind {
                0 | 1 => {
                    let live: Vec<usize> = sports
                        .iter()
                        .copied()
                        .filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 - t < 30 * HOUR))
                        .collect();
                    if live.is_empty() {
                        continue;
                    }
                    live[r.below(live.len())]
                }
                3 => {
                    let s = r.below(w.updown.len());
                    match w.updown_at(s, t) {
                        Some(m) => m,
                        None => continue,
                    }
                }
                _ => {
                    let pool = if kind == 4 && r.chance(0.5) { &sports } else { &long };
                    let cand: Vec<usize> = pool.iter().copied().filter(|&m| w.tradable(m, t)).collect();
                    if cand.is_empty() {
                        continue;
                    }
                    cand[r.below(cand.len())]
                }
            };
            // sell an open position sometimes, else buy the side the leader likes
            let open = pos.open_at(w, t);
            if !open.is_empty() && r.chance(0.25) {
                let (pm, po, sz) = open[r.below(open.len())];
                let sell = if r.chance(0.6) { sz } else { sz / 2 };
                if sell >= 500
                    && let Some(tk) = ex.take(id, pm, po, false, Amt::Sh(sell as f64 / 100.0), t)
                {
                    pos.sub(pm, po, tk.sz);
                    out.push(LTrade { ts: t, m: pm, o: po, buy: false, sh: tk.shares(), c: tk.c });
                }
                continue;
            }
            // leaders are good: lean towards the eventual winner
            let o = match w.markets[m].winner {
                Some(win) if r.chance(0.62) => win,
                _ => r.below(2) as u8,
            };
            let q = w.po(m, o, t);
            if !(0.12..=0.9).contains(&q) && !r.chance(0.15) {
                continue;
            }
            let usd = (size * r.lognormal(1.0, 0.6)).round();
            if let Some(tk) = ex.take(id, m, o, true, Amt::Usd(usd), t) {
                pos.add(m, o, tk.sz);
                out.push(LTrade { ts: t, m, o, buy: true, sh: tk.shares(), c: tk.c });
            }
        }
        all.push(out);
        crypto.push(kind == 3);
    }
    Leaders { trades: all, crypto }
}

/// Fills the tape of the touched markets with crowd orders.
pub fn crowd(ex: &mut Ex, rng: &mut Rng, pool: &[u32], touched: &BTreeSet<usize>) {
    let w: &World = ex.world;
    let mut ev_by: Vec<Vec<i64>> = vec![Vec::new(); w.markets.len()];
    for e in &w.events {
        ev_by[e.m].push(e.ts);
    }
    for &m in touched {
        let mk = &w.markets[m];
        let a = mk.open.max(START + 1);
        let b = mk.close.min(NOW - 1);
        if b <= a {
            continue;
        }
        let mut r = rng.fork(m as u64);
        let bin = if mk.cat.is_updown() { 30 } else { 5 * MIN };
        let nb = ((b - a) / bin + 1) as usize;
        let mut cum = Vec::with_capacity(nb);
        let mut acc = 0.0;
        for i in 0..nb {
            let t = a + i as i64 * bin;
            let mut wgt = crowd_diurnal(t);
            if let Some((ls, le)) = mk.live {
                if mk.cat.is_updown() {
                    wgt = if t < ls {
                        0.25
                    } else if le - t < 180 {
                        2.2
                    } else {
                        1.0
                    };
                } else if t >= ls && t < le {
                    wgt *= if mk.cat == Cat::Election { 6.0 } else { 4.0 };
                } else if t < ls && ls - t < 2 * HOUR {
                    wgt *= 2.0;
                }
            }
            if mk.close - t < DAY && mk.cat.is_longform() {
                wgt *= 2.0;
            }
            if mk.open >= START && t - mk.open < HOUR {
                wgt *= 3.0;
            }
            for &e in &ev_by[m] {
                if t >= e && t - e < 6 * HOUR {
                    wgt *= 1.0 + 6.0 * (-((t - e) as f64) / 1800.0).exp();
                }
            }
            acc += wgt;
            cum.push(acc);
        }
        let n = mk.crowd;
        for _ in 0..n {
            let x = r.f64() * acc;
            let i = cum.partition_point(|c| *c < x).min(nb - 1);
            let t = (a + i as i64 * bin + r.range(0, bin)).clamp(a, b - 1);
            let p = w.p(m, t);
            let past = w.p(m, t - 20 * MIN);
            let lean = 0.5 + 0.3 * (p - 0.5) + (p - past).clamp(-0.2, 0.2) * 1.5;
            let o = if r.chance(lean.clamp(0.1, 0.9)) { 0 } else { 1 };
            let buy = r.chance(0.66);
            let u = r.f64();
            let idx = ((pool.len() as f64) * u.powf(2.3)) as usize;
            let shift = (mk.cat as usize) * 131 + if r.chance(0.5) { 0 } else { 1_777 };
            let wid = pool[(idx + shift) % pool.len()];
            let amt = if buy {
                let med = if mk.cat.is_updown() { 9.0 } else { 18.0 };
                if r.chance(0.35) {
                    Amt::Usd(round_usd(&mut r, med))
                } else {
                    Amt::Usd((r.lognormal(med, 1.3) * 100.0).round().clamp(100.0, 2_500_000.0) / 100.0)
                }
            } else {
                Amt::Sh((r.lognormal(40.0, 1.2) * 100.0).round().max(500.0) / 100.0)
            };
            ex.take(wid, m, o, buy, amt, t);
        }
    }
}
