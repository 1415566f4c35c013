//! The unlabelled participants: the background crowd (heavy-tailed activity), professional
//! makers that take the other side of most fills, leaders that copiers follow, tipster channels,
//! and a few unlabelled bots in the crypto intervals.

use super::market::{Kind, League};
use super::people::{EVENING, human_usd, person_tz};
use super::{Ctx, DAYS, F, HOUR, MIN, NOW, START, ask, day_at, local_hour, sh, usd_centi};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

/// A wallet that others copy, with its fills.
pub(crate) struct Leader {
    pub wallet: Wallet,
    pub fills: Vec<F>,
}

/// A pick posted by a tipster channel at `t`: buy outcome `o` of market `m`, `units` stakes.
#[derive(Clone, Copy)]
pub(crate) struct Tip {
    pub tipster: usize,
    pub t: i64,
    pub m: usize,
    pub o: usize,
    pub units: f64,
}

/// Crowd activity by UTC hour (US evenings and European evenings).
const CROWD_UTC: [f64; 24] =
    [8.0, 8.0, 7.0, 6.0, 4.5, 3.5, 2.5, 2.0, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.0, 8.0, 8.0];

pub(crate) fn setup(c: &mut Ctx) {
    let mut acc = 0.0;
    for _ in 0..15_000 {
        let w = c.new_wallet();
        acc += c.rng.pareto(1.0, 1.15).min(3_000.0);
        c.crowd.push(w);
        c.crowd_cum.push(acc);
    }
    let mut acc = 0.0;
    for _ in 0..45 {
        let w = c.new_wallet();
        acc += c.rng.pareto(1.0, 0.9).min(200.0);
        c.makers.push(w);
        c.maker_cum.push(acc);
    }
    for i in 0..22 {
        let w = c.new_wallet();
        let fills = leader_fills(c, &w, i % 3);
        c.leaders.push(Leader { wallet: w, fills });
    }
    for tipster in 0..3 {
        for d in 0..DAYS {
            for _ in 0..c.rng.poisson(1.6) {
                let t = day_at(
                    &mut c.rng,
                    d,
                    -4,
                    &[
                        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0, 3.0, 3.0, 2.0, 1.0, 0.5, 0.0,
                        0.0,
                    ],
                );
                let games: Vec<usize> =
                    c.uni.games_in(t + HOUR, t + 10 * HOUR).iter().copied().filter(|&g| c.uni.m[g].pop >= 0.8).collect();
                if games.is_empty() {
                    continue;
                }
                let m = c.rng.pick(&games);
                let o = if c.px(m, 0, t) > 0.5 || c.rng.chance(0.3) { 0 } else { 1 };
                let units = c.rng.pick(&[1.0, 1.0, 1.0, 1.5, 2.0, 3.0]);
                c.tips.push(Tip { tipster, t, m, o, units });
            }
        }
    }
    c.tips.sort_by_key(|t| t.t);
}

/// A leader: an active, followed trader (sports, politics or crypto hourly).
fn leader_fills(c: &mut Ctx, w: &Wallet, style: usize) -> Vec<F> {
    let tz = person_tz(&mut c.rng);
    let median = c.rng.lognormal(700.0, 0.8);
    let per_day = c.rng.uni(1.0, 5.0);
    let mut fills = Vec::new();
    let mut pos: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for d in 0..DAYS {
        for _ in 0..c.rng.poisson(per_day) {
            let t = day_at(&mut c.rng, d, tz, &EVENING);
            let held: Vec<(usize, usize)> = pos.iter().filter(|(_, v)| **v >= 500).map(|(k, _)| *k).collect();
            if !held.is_empty() && c.rng.chance(0.2) {
                let (m, o) = c.rng.pick(&held);
                let q = pos[&(m, o)];
                if let Some((cents, got)) = c.take(w, m, o, Side::Sell, q, t) {
                    *pos.entry((m, o)).or_default() -= got;
                    fills.push(F { m, o, side: Side::Sell, cents, centi: got, ts: t });
                }
                continue;
            }
            let m = match style {
                0 => {
                    let games: Vec<usize> = c.uni.games_in(t, t + 12 * HOUR).iter().copied().filter(|&g| c.uni.m[g].pop >= 0.8).collect();
                    if games.is_empty() {
                        continue;
                    }
                    c.rng.pick(&games)
                }
                1 => {
                    let g = c.rng.pick(&c.uni.futures);
                    if c.rng.chance(0.5) { c.rng.pick(&c.uni.groups[g].members) } else { c.rng.pick(&c.uni.longs) }
                }
                _ => c.uni.updown(c.rng.weighted(&[75.0, 25.0, 0.0, 0.0]), 3600, t),
            };
            let o = c.rng.range(0, 2) as usize;
            let p = c.px(m, o, t);
            if !(0.05..0.95).contains(&p) {
                continue;
            }
            let usd = human_usd(&mut c.rng, median, 0.8);
            if let Some((cents, got)) = c.take(w, m, o, Side::Buy, usd_centi(usd, ask(p)), t) {
                *pos.entry((m, o)).or_default() += got;
                fills.push(F { m, o, side: Side::Buy, cents, centi: got, ts: t });
            }
        }
    }
    fills
}

/// The crowd, makers and unlabelled bots in every market the labelled wallets traded.
pub(crate) fn background(c: &mut Ctx) {
    let unl_bots: Vec<Wallet> = (0..25).map(|_| c.new_wallet()).collect();
    let sweepers: Vec<Wallet> = (0..6).map(|_| c.new_wallet()).collect();
    let n_markets = c.uni.m.len();
    for m in 0..n_markets {
        if !c.uni.touched[m] {
            continue;
        }
        let (kind, pop, open, live, decided, close) = {
            let mk = &c.uni.m[m];
            (mk.kind, mk.pop, mk.open, mk.live, mk.decided, mk.close)
        };
        let base = match kind {
            Kind::Game(League::Mlb) => 30.0,
            Kind::Game(_) => 40.0,
            Kind::Long => 300.0,
            Kind::Member => 60.0,
            Kind::UpDown(300) => 3.0,
            Kind::UpDown(900) => 5.0,
            Kind::UpDown(_) => 14.0,
        };
        let n = (0.6 * base * pop * c.rng.lognormal(1.0, 0.5)) as i64;
        let lo = open.max(START + 1);
        let hi = close.min(NOW);
        if hi <= lo {
            continue;
        }
        for _ in 0..n {
            let t = match kind {
                Kind::Game(_) => {
                    let r = c.rng.f();
                    if r < 0.3 {
                        live - c.rng.exp(4.0 * HOUR as f64) as i64
                    } else if r < 0.95 {
                        c.rng.range(live, decided)
                    } else {
                        c.rng.range(decided, close)
                    }
                }
                Kind::UpDown(_) => {
                    if c.rng.chance(0.85) {
                        c.rng.range(live, close)
                    } else {
                        c.rng.range(open, live)
                    }
                }
                _ => {
                    let mut t = c.rng.range(lo, hi);
                    for _ in 0..4 {
                        if c.rng.f() * 8.0 < CROWD_UTC[local_hour(t, 0) as usize] {
                            break;
                        }
                        t = c.rng.range(lo, hi);
                    }
                    t
                }
            };
            if t < lo || t > hi {
                continue;
            }
            let w = c.crowd_pick();
            let p0 = c.px(m, 0, t);
            let o = if c.rng.chance(0.5 + (p0 - 0.5) * 0.4) { 0 } else { 1 };
            let p = c.px(m, o, t);
            let side = if c.rng.chance(0.66) { Side::Buy } else { Side::Sell };
            let usd = c.rng.lognormal(14.0, 1.3).min(30_000.0);
            let centi = usd_centi(usd, ask(p));
            let centi = if c.rng.chance(0.3) { ((centi as f64 / 1000.0).round() as i64).max(1) * 1000 } else { centi };
            c.take(&w, m, o, side, centi, t);
        }
        // Unlabelled interval bots and post-decision sweepers.
        match kind {
            Kind::UpDown(secs) => {
                for _ in 0..c.rng.range(0, 5) {
                    let b = c.rng.range(0, unl_bots.len() as i64) as usize;
                    let t = live + (b as i64 * 7) % secs.max(60) + c.rng.range(0, 3);
                    let o = if c.px(m, 0, t) >= 0.5 { 0 } else { 1 };
                    let size = sh([10.0, 20.0, 25.0, 50.0, 100.0][b % 5]);
                    c.take(&unl_bots[b].clone(), m, o, Side::Buy, size, t);
                }
            }
            Kind::Game(_) if close > decided + 10 * MIN && c.rng.chance(0.7) => {
                let s = c.rng.range(0, sweepers.len() as i64) as usize;
                let t = decided + c.rng.range(30, 10 * MIN);
                let o = c.uni.m[m].winner.unwrap_or(0);
                let size = sh(c.rng.lognormal(2000.0, 0.8));
                c.take(&sweepers[s].clone(), m, o, Side::Buy, size, t);
            }
            _ => {}
        }
    }
}
