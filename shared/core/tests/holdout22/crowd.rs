//! The unlabelled crowd: market makers, ordinary people, other programs, and a few well-known
//! wallets that others copy.

use super::human::*;
use super::rng::*;
use super::tape::*;
use super::world::*;
use super::{NOW, START};

pub const N_PEOPLE: usize = 2300;
pub const N_PROGRAMS: usize = 110;
pub const N_MMS: usize = 40;

pub fn setup(ctx: &mut Ctx, rng: &Rng) {
    for _ in 0..N_MMS {
        let w = ctx.new_wallet(rng, false);
        ctx.mms.push(w);
    }
    for _ in 0..N_PROGRAMS {
        let w = ctx.new_wallet(rng, false);
        ctx.programs.push(w);
    }
    let mut acc = 0.0;
    for i in 0..N_PEOPLE {
        let w = ctx.new_wallet(rng, false);
        let p = Person::random(rng, &[]);
        // Zipf-like activity: a few busy people, a long tail of occasional ones.
        acc += 1.0 / (1.0 + i as f64).powf(0.75) * rng.lognormal(1.0, 0.5);
        ctx.people.push(CrowdPerson { w, p });
        ctx.people_cum.push(acc);
    }
    // Shuffle the weights' order relative to creation so address order says nothing.
    let n = ctx.people.len();
    let mut idx: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut idx);
    let ws: Vec<u32> = idx.iter().map(|&i| ctx.people[i].w).collect();
    for (i, w) in ws.into_iter().enumerate() {
        ctx.people[i].w = w;
    }
}

/// Well-known wallets: big, visible traders others follow.
pub fn leaders(ctx: &mut Ctx, rng: &Rng) {
    for style in 0..8usize {
        let w = ctx.new_wallet(rng, false);
        let r = rng.derive_child(style as u64);
        let mut fills = leader_trades(ctx, &r, w, style);
        fills.sort_by_key(|f| f.t);
        ctx.leaders.push(Leader { w, style, fills });
    }
}

trait Child {
    fn derive_child(&self, tag: u64) -> Rng;
}
impl Child for Rng {
    fn derive_child(&self, tag: u64) -> Rng {
        Rng::derive(self.u64(), tag)
    }
}

fn leader_trades(ctx: &mut Ctx, rng: &Rng, w: u32, style: usize) -> Vec<LFill> {
    let regions: &[Region] = match style {
        6 => &[Region::China, Region::Korea, Region::SeAsia],
        1 | 5 => &[Region::UsEast, Region::UsCentral],
        2 => &[Region::Europe, Region::Uk],
        _ => &[],
    };
    let mut p = Person::random(rng, regions);
    for d in p.days.iter_mut() {
        if *d == 0.0 && rng.chance(0.6) {
            *d = 0.8;
        }
    }
    let per_day = [3.0, 3.5, 4.0, 3.0, 3.0, 1.5, 2.5, 2.0][style];
    let stake = [6000.0, 3000.0, 1500.0, 2500.0, 12000.0, 4000.0, 1200.0, 2500.0][style];
    let mut fills = Vec::new();
    let mut pos: Vec<(usize, u8, u64)> = Vec::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let n = rng.geometric(2.0);
        let mut t = s;
        for _ in 0..n {
            t += rng.int(20, 400);
            // Sometimes exit something first.
            if !pos.is_empty() && rng.chance(0.25) {
                let k = rng.below(pos.len());
                let (m, o, sz) = pos[k];
                if ctx.world.tradable(m, t) {
                    let (f, usd) = ctx.take(rng, m, o, w, false, Qty::Sh(sz), t, None);
                    if f > 0 {
                        fills.push(LFill {
                            m,
                            o,
                            buy: false,
                            c: ((usd / (f as f64 / 100.0)) * 100.0).round().clamp(1.0, 99.0) as u8,
                            sz: f,
                            t,
                        });
                        pos.swap_remove(k);
                        continue;
                    }
                }
            }
            let pick = leader_pick(ctx, rng, style, t);
            let Some((m, o)) = pick else { continue };
            let usd = round_usd(rng, rng.lognormal(stake, 0.7));
            let (f, cost) = ctx.take(rng, m, o, w, true, Qty::Usd(usd), t, Some(99));
            if f > 0 {
                fills.push(LFill { m, o, buy: true, c: ((cost / (f as f64 / 100.0)) * 100.0).round().clamp(1.0, 99.0) as u8, sz: f, t });
                pos.push((m, o, f));
            }
        }
    }
    fills
}

fn leader_pick(ctx: &mut Ctx, rng: &Rng, style: usize, t: i64) -> Option<(usize, u8)> {
    let w = &ctx.world;
    let cands: Vec<usize> = match style {
        0 => [w.open_in(Cat::Politics, t, HOUR), w.open_in(Cat::News, t, HOUR)].concat(),
        1 => w
            .games
            .iter()
            .filter(|g| g.start > t - 2 * HOUR && g.start < t + 30 * HOUR && g.region == 0)
            .flat_map(|g| g.markets.clone())
            .filter(|&m| w.tradable(m, t))
            .collect(),
        2 => {
            let a = if rng.chance(0.7) { 0 } else { 1 };
            let kind = *rng.pick(&[Ck::H1, Ck::H4, Ck::Day, Ck::Above]);
            let start = kind.window_at(t) + if kind == Ck::H1 && rng.chance(0.3) { HOUR } else { 0 };
            let strike = rng.int(1, 5) as usize;
            let m = ctx.world.crypto(kind, a, start, strike);
            let f = ctx.world.fair(m, t);
            let o = if f > 0.5 { 0 } else { 1 };
            return if ctx.world.tradable(m, t) && (0.06..=0.94).contains(&f) {
                Some((m, if rng.chance(0.7) { o } else { 1 - o }))
            } else {
                None
            };
        }
        3 => {
            let cat = *rng.pick(&[Cat::Politics, Cat::Sports, Cat::News, Cat::Econ, Cat::Culture]);
            w.open_in(cat, t, HOUR)
        }
        4 => {
            let mut v = Vec::new();
            for cat in [Cat::Sports, Cat::News, Cat::Econ, Cat::Weather, Cat::Mention, Cat::Culture, Cat::Politics] {
                for m in w.open_in(cat, t, 10 * MIN) {
                    let mk = &w.markets[m];
                    if mk.close - t < 2 * DAY && (w.fair(m, t) > 0.9 || w.fair(m, t) < 0.1) {
                        v.push(m);
                    }
                }
            }
            if v.is_empty() {
                return None;
            }
            let m = *rng.pick(&v);
            return Some((m, w.leader(m, t)));
        }
        5 => [w.open_in(Cat::Econ, t, HOUR)].concat(),
        6 => w
            .games
            .iter()
            .filter(|g| {
                matches!(g.sport, Sport::Esports | Sport::Tennis | Sport::Soccer) && g.start > t - 2 * HOUR && g.start < t + 20 * HOUR
            })
            .flat_map(|g| g.markets.clone())
            .filter(|&m| w.tradable(m, t))
            .collect(),
        _ => [w.open_in(Cat::News, t, HOUR), w.open_in(Cat::Politics, t, HOUR), w.open_in(Cat::Mention, t, HOUR)].concat(),
    };
    if cands.is_empty() {
        return None;
    }
    let mut m = *rng.pick(&cands);
    for _ in 0..6 {
        if (0.06..=0.94).contains(&w.fair(m, t)) {
            break;
        }
        m = *rng.pick(&cands);
    }
    let f = w.fair(m, t);
    let o = if f > 0.97 {
        0
    } else if f < 0.03 {
        1
    } else if rng.chance(0.6) {
        w.leader(m, t)
    } else {
        1 - w.leader(m, t)
    };
    Some((m, o))
}

/// Crowd copy-trading programs following the leaders (unlabelled).
pub fn crowd_copiers(ctx: &mut Ctx, rng: &Rng) {
    for k in 0..6 {
        let w = ctx.new_wallet(rng, false);
        let li = k % ctx.leaders.len();
        let fills = ctx.leaders[li].fills.clone();
        let ratio = rng.range(0.02, 0.2);
        let delay = rng.int(2, 40);
        for f in fills {
            let t = f.t + delay + rng.int(0, 5);
            let sz = ((f.sz as f64 * ratio) as u64).max(500);
            if f.buy {
                ctx.take(rng, f.m, f.o, w, true, Qty::Sh(sz), t, Some((f.c + 3).min(99)));
            } else {
                ctx.take(rng, f.m, f.o, w, false, Qty::Sh(sz), t, None);
            }
        }
    }
}

fn live_mult(cat: Cat) -> f64 {
    match cat {
        Cat::Sports => 9.0,
        Cat::Mention => 7.0,
        Cat::Econ => 12.0,
        Cat::Crypto => 3.0,
        Cat::Weather => 2.0,
        Cat::Culture => 6.0,
        Cat::Politics => 6.0,
        Cat::News => 3.0,
    }
}

fn rate(w: &World, m: usize, t: i64) -> f64 {
    let mk = &w.markets[m];
    let mut r = mk.flow / DAY as f64 * tod(t);
    if let Some((a, b)) = mk.live {
        if t >= a && t < b {
            r *= live_mult(mk.cat);
        }
    }
    if mk.cat != Cat::Crypto && mk.end > t && mk.end - t < 6 * HOUR {
        r *= 1.8;
    }
    if t >= mk.end {
        r *= 0.3;
    }
    r
}

/// The crypto markets Polymarket lists whether or not a labelled wallet touches them.
pub fn crypto_listing(ctx: &mut Ctx) {
    for (kind, assets) in
        [(Ck::M15, vec![0, 1]), (Ck::H1, vec![0, 1]), (Ck::H4, vec![0, 1]), (Ck::Day, vec![0, 1, 2, 3]), (Ck::Above, vec![0, 1])]
    {
        for a in assets {
            let mut s = kind.window_at(START) - if matches!(kind, Ck::Day | Ck::Above) { DAY } else { 0 };
            while s < NOW + DAY {
                let strikes = if kind == Ck::Above { 0..7 } else { 0..1 };
                for k in strikes {
                    let probe_open = match kind {
                        Ck::M15 => s - 30 * MIN,
                        Ck::H1 => s - 4 * HOUR,
                        Ck::H4 => s - 8 * HOUR,
                        Ck::Day => s - DAY,
                        Ck::Above => s + DAY - 2 * DAY,
                    };
                    if s + kind.len() > START && probe_open < NOW {
                        ctx.world.crypto(kind, a, s, k);
                    }
                }
                s += kind.len();
            }
        }
    }
}

/// Background crowd flow on every market.
pub fn background(ctx: &mut Ctx, rng: &Rng, scale: f64) {
    let n = ctx.world.markets.len();
    for m in 0..n {
        let (open, close, flow, cat) = {
            let mk = &ctx.world.markets[m];
            (mk.open, mk.close, mk.flow, mk.cat)
        };
        let a = open.max(START + 1);
        let b = close.min(NOW);
        if b <= a {
            continue;
        }
        let scale = scale
            * match cat {
                Cat::Crypto => 0.38,
                Cat::Sports => 0.6,
                Cat::Weather => 0.5,
                _ => 1.0,
            };
        let rmax = flow * scale / DAY as f64 * live_mult(cat) * 1.8;
        let mut t = a as f64;
        loop {
            t += rng.exp(1.0 / rmax);
            if t >= b as f64 {
                break;
            }
            let ti = t as i64;
            if rng.f() * rmax > rate(&ctx.world, m, ti) * scale {
                continue;
            }
            arrival(ctx, rng, m, ti);
        }
    }
}

fn arrival(ctx: &mut Ctx, rng: &Rng, m: usize, t: i64) {
    let taker = ctx.crowd_taker(rng, m, t, &[]);
    let is_prog = ctx.programs.contains(&taker);
    let f = ctx.world.fair(m, t);
    let after = t >= ctx.world.markets[m].end;
    let buy = after || rng.chance(0.72);
    let o = if after {
        ctx.world.leader(m, t)
    } else {
        let w0 = 0.5 + 0.6 * (f - 0.5) + if f < 0.1 { 0.08 } else { 0.0 };
        if rng.chance(w0) { 0 } else { 1 }
    };
    let price = ctx.world.p(m, o, t).max(0.01);
    if buy {
        let usd = if is_prog { rng.lognormal(60.0, 1.2) } else { round_usd(rng, rng.lognormal(25.0, 1.3)) };
        ctx.take(rng, m, o, taker, true, Qty::Usd(usd.min(25_000.0)), t, None);
    } else {
        let sh = rng.lognormal(25.0, 1.3) / price.max(0.05);
        let sz = ((sh * 100.0) as u64).max(500);
        ctx.take(rng, m, o, taker, false, Qty::Sh(sz), t, None);
    }
}
