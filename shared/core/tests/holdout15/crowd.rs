//! The unlabelled crowd that makes up most of every market's tape, and the famous traders
//! others copy.

use super::exec::{Act, Fill, Person, Region, Shape, Sim, Want, human_usd, hund};
use super::rng::{Rng, mix};
use super::world::{Cat, DAY, HOUR, MIN, Market, NOW, START};
use std::collections::{BTreeMap, BTreeSet};

/// Share of the crowd active at each UTC hour.
pub fn tod(t: i64) -> f64 {
    const F: [f64; 24] =
        [1.0, 1.0, 0.9, 0.8, 0.6, 0.45, 0.36, 0.34, 0.38, 0.45, 0.5, 0.55, 0.65, 0.8, 0.95, 1.0, 1.0, 1.0, 1.05, 1.1, 1.1, 1.1, 1.1, 1.05];
    F[(t.rem_euclid(DAY) / HOUR) as usize]
}

/// How busy a market is at `t` relative to its ordinary pace.
pub fn phase(mk: &Market, t: i64) -> f64 {
    match mk.cat {
        Cat::Sports(_) => {
            let (g0, g1) = mk.live.unwrap_or((mk.close, mk.close));
            if t >= g1 {
                0.7
            } else if t >= g0 {
                3.0
            } else if t >= g0 - 3 * HOUR {
                1.2
            } else if t >= g0 - DAY {
                0.45
            } else {
                0.12
            }
        }
        Cat::Crypto => {
            let (_, _, s) = mk.crypto.unwrap_or((0, 0, mk.open));
            if t < s {
                0.15
            } else if mk.close - t < 120 {
                1.6
            } else {
                1.0
            }
        }
        Cat::Election => {
            if mk.live_at(t) {
                7.0
            } else {
                let p = mk.mid(t);
                if !(0.04..=0.96).contains(&p) { 0.3 } else { 1.0 }
            }
        }
        Cat::Weather => {
            if mk.live_at(t) {
                2.5
            } else {
                0.5
            }
        }
        Cat::Culture => {
            if mk.live_at(t) {
                10.0
            } else if mk.live.is_some() {
                0.5
            } else {
                1.0
            }
        }
        Cat::Politics | Cat::News => 1.0,
    }
}

/// The crowd's trades in every market in `touched`.
pub fn crowd(sim: &mut Sim, touched: &BTreeSet<u32>) {
    for &m in touched {
        let rng = Rng::new(mix(0xC20D, u64::from(m)));
        let mk = sim.w.m(m);
        let t0 = mk.open.max(START + 1);
        let t1 = mk.close.min(NOW + 1);
        let slice = if mk.cat == Cat::Crypto { MIN } else { 10 * MIN };
        let evs: Vec<(i64, f64)> = sim.w.events_of(m).map(|e| (e.t, f64::from(e.d))).collect();
        let regulars = 20 + (mix(u64::from(m), 7) % 120) as usize;
        let mut t = t0;
        let mut planned: Vec<(i64, f64)> = Vec::new();
        while t < t1 {
            let mk = sim.w.m(m);
            let mut rate = mk.pop * tod(t) * phase(mk, t);
            let mut drift = 0.0;
            let mut boost = 0.0;
            for &(te, d) in evs.iter().filter(|e| e.0 <= t && e.0 > t - 3 * HOUR) {
                let age = (t - te) as f64 / 60.0;
                let k = (d.abs() / 0.08).min(4.0) * (-age / 40.0).exp();
                boost += 4.0 * k;
                drift += d.signum() * k;
            }
            rate *= 1.0 + boost.min(12.0);
            let n = rng.poisson(rate * slice as f64 / HOUR as f64);
            for _ in 0..n {
                planned.push((rng.int(t, (t + slice - 1).min(t1 - 1)), drift));
            }
            t += slice;
        }
        for (ts, drift) in planned {
            let who = if rng.chance(0.55) {
                let k = rng.below(regulars) as u64;
                sim.crowd[(mix(u64::from(m), k) % sim.crowd.len() as u64) as usize]
            } else {
                sim.crowd[rng.zipf(sim.crowd.len(), 1.1)]
            };
            let p0 = sim.w.m(m).mid(ts);
            let lean = (0.5 + 0.15 * drift.clamp(-2.0, 2.0) + 0.2 * (p0 - 0.5)).clamp(0.1, 0.9);
            let o = if rng.chance(lean) { 0 } else { 1 };
            let buy = rng.chance(0.63);
            let Some((bid, ask)) = sim.quote(m, o, ts) else { continue };
            let usd = rng.lognormal(16.0, 1.45).clamp(1.0, 80_000.0);
            let taker = rng.chance(0.78);
            let c = match (buy, taker) {
                (true, true) | (false, false) => ask,
                _ => bid,
            };
            let mut size = hund(usd / (f64::from(c) / 100.0));
            if rng.chance(0.35) {
                // a typed share count
                let step = if size > 100_000 {
                    10_000
                } else if size > 10_000 {
                    1000
                } else {
                    500
                };
                size = (size / step).max(1) * step;
            }
            size = size.max(500 + rng.int(0, 300) as u64 * rng.int(0, 1) as u64);
            let tx = sim.tx();
            let f = Fill { who, m, o, buy, cents: c, size, ts, tx };
            if !sim.raw(f) {
                continue;
            }
            if rng.chance(0.3) {
                let other = sim.crowd[rng.zipf(sim.crowd.len(), 1.05)];
                let g =
                    if rng.chance(0.7) { Fill { who: other, buy: !buy, ..f } } else { Fill { who: other, o: 1 - o, cents: 100 - c, ..f } };
                sim.raw(g);
            }
        }
    }
}

/// Famous traders: active, well-funded people whose trades others copy.
pub fn leaders(sim: &mut Sim) {
    for l in 0..7u64 {
        let who = sim.wallet(mix(0x1EAD, l));
        let rng = Rng::new(mix(0x1EAD_0001, l));
        let region = if l % 3 == 2 { Region::Europe } else { Region::UsEast };
        let person = Person::new(&rng, region, Shape::Spread, 2.5 + l as f64 * 0.4);
        let sessions = person.sessions(&rng, START - DAY, NOW);
        let mut pos: BTreeMap<(u32, u8), u64> = BTreeMap::new();
        let first = sim.fills.len();
        let sports_bias = [0.2, 0.6, 0.4, 0.1, 0.8, 0.3, 0.5][l as usize];
        let base = [2500.0, 900.0, 5000.0, 1500.0, 600.0, 12_000.0, 3000.0][l as usize];
        for (s, e) in sessions {
            let n = 1 + rng.poisson(2.0);
            let mut t = s;
            for _ in 0..n {
                t += rng.int(20, 600);
                if t >= e.max(s + 20 * MIN) {
                    break;
                }
                // sell something held?
                if !pos.is_empty() && rng.chance(0.25) {
                    let keys: Vec<(u32, u8)> = pos.keys().copied().collect();
                    let k = *rng.pick(&keys);
                    let h = pos[&k];
                    let q = if rng.chance(0.6) { h } else { (h / 2).max(500) };
                    if let Some(x) = sim.take(&rng, Act { who, m: k.0, o: k.1, buy: false, t }, Want::Sh(q.min(h)), 2) {
                        let left = h.saturating_sub(x.size);
                        if left < 500 {
                            pos.remove(&k);
                        } else {
                            pos.insert(k, left);
                        }
                    } else if !sim.w.m(k.0).is_open(t) {
                        pos.remove(&k);
                    }
                    continue;
                }
                let m = if rng.chance(sports_bias) {
                    let g: Vec<u32> = sim.w.games_between(t + 10 * MIN, t + 30 * HOUR).iter().map(|g| g.1).collect();
                    if g.is_empty() {
                        continue;
                    }
                    *rng.pick(&g)
                } else {
                    let mut pool: Vec<u32> = sim.w.open_at(&sim.w.elections, t).collect();
                    pool.extend(sim.w.open_at(&sim.w.politics, t));
                    pool.extend(sim.w.open_at(&sim.w.news, t));
                    pool.retain(|&m| (0.06..=0.94).contains(&sim.w.m(m).mid(t)));
                    if pool.is_empty() {
                        continue;
                    }
                    *rng.pick(&pool)
                };
                // a view: usually the side the news is moving towards
                let p = sim.w.m(m).mid(t);
                let later = sim.w.m(m).mid(t + 6 * HOUR);
                let o = if rng.chance(0.62) {
                    if later >= p { 0 } else { 1 }
                } else if rng.chance(0.5) {
                    0
                } else {
                    1
                };
                let usd = human_usd(&rng, base, 0.8);
                if let Some(x) = sim.take(&rng, Act { who, m, o, buy: true, t }, Want::Usd(usd), 3) {
                    *pos.entry((m, o)).or_insert(0) += x.size;
                }
            }
        }
        let mut mine: Vec<Fill> = sim.fills[first..].iter().filter(|f| f.who == who).copied().collect();
        mine.sort_by_key(|f| (f.ts, f.tx));
        sim.leaders.push((who, mine));
    }
}
