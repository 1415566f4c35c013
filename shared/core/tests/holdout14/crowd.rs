//! The anonymous crowd whose trades make up most of the tape, plus a few well-known wallets.

use super::rng::Rng;
use super::world::{DAY, Kind, NOW, START};
use super::{Ctx, Fill};
use copycat_core::trade::Wallet;

pub struct Crowd {
    pub wallets: Vec<Wallet>,
    pub fills: Vec<(usize, Fill)>,
}

const POOL: usize = 30_000;
const FAMOUS: usize = 6;

/// How busy the venue is at this UTC hour (Americas-heavy, with Europe and Asia).
pub const TOD: [f64; 24] =
    [1.3, 1.2, 1.0, 0.8, 0.6, 0.45, 0.4, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1.05, 1.15, 1.2, 1.25, 1.25, 1.25, 1.3, 1.35, 1.4, 1.4, 1.35];

pub fn tod(t: i64) -> f64 {
    TOD[(t.rem_euclid(DAY) / 3600) as usize]
}

fn pace(ctx: &Ctx, m: usize, t: i64) -> f64 {
    let mk = &ctx.w.markets[m];
    let mut f = mk.busy * tod(t);
    match mk.kind {
        Kind::Sports => {
            if t >= mk.start {
                f *= 22.0;
            } else {
                f *= 0.4 + 3.0 * (-((mk.start - t) as f64) / (8.0 * 3600.0)).exp();
            }
        }
        Kind::Crypto => {
            if t >= mk.start {
                f *= 1.0 + 1.5 * (t - mk.start) as f64 / 3600.0;
            } else {
                f *= 0.04;
            }
        }
        Kind::Culture => {
            if t >= mk.start {
                f *= 8.0;
            } else if mk.start - t < 6 * 3600 {
                f *= 2.5;
            }
        }
        Kind::Economics => {
            if t >= mk.start {
                f *= 4.0;
            } else if mk.start - t < DAY {
                f *= 3.0;
            }
        }
        Kind::Weather => {
            if t >= mk.start {
                f *= 2.5;
            }
        }
        _ => {}
    }
    if !matches!(mk.kind, Kind::Crypto | Kind::Sports) && mk.jumps.iter().any(|&j| t >= j && t - j < 1800) {
        f *= 3.0;
    }
    f
}

pub fn crowd(r: &mut Rng, ctx: &mut Ctx) -> Crowd {
    let wallets: Vec<Wallet> = (0..POOL).map(|_| Wallet::parse(&format!("0x{}", r.hex(40))).expect("address")).collect();
    let mut fills = Vec::new();
    for m in 0..ctx.w.markets.len() {
        let (t0, t1) = (ctx.w.markets[m].path0.max(START), ctx.w.markets[m].end());
        let mut b = t0;
        while b < t1 {
            let n = r.poisson(pace(ctx, m, b) / 6.0);
            for _ in 0..n {
                let t = b + r.int(0, 599);
                if t >= t1 {
                    continue;
                }
                let who = FAMOUS + ((POOL - FAMOUS) as f64 * r.f64().powf(2.2)) as usize;
                let o = r.below(2);
                let buy = r.chance(0.63);
                let usd = r.lognormal(22.0, 1.35).min(25_000.0);
                let maker = r.chance(0.18);
                let mut fs = if maker {
                    let c = if buy { ctx.w.markets[m].bid(t, o) } else { ctx.w.markets[m].ask(t, o) };
                    vec![ctx.maker(t, m, o, buy, super::shares_for(usd, c))]
                } else {
                    let levels = if usd > 400.0 && r.chance(0.5) { r.int(2, 4) as usize } else { 1 };
                    if r.chance(0.35) {
                        let c = if buy { ctx.w.markets[m].ask(t, o) } else { ctx.w.markets[m].bid(t, o) };
                        let sh = (super::shares_for(usd, c) / 100).max(5) * 100;
                        ctx.take_shares(t, m, o, buy, sh, levels)
                    } else {
                        ctx.take(t, m, o, buy, usd, levels)
                    }
                };
                for f in fs.drain(..) {
                    fills.push((who, f));
                }
            }
            b += 600;
        }
    }
    // Well-known wallets others follow by hand or by program.
    for k in 0..FAMOUS {
        let mut rr = r.fork(77 + k as u64);
        let kinds: &[Kind] = match k % 3 {
            0 => &[Kind::Politics, Kind::NegRisk],
            1 => &[Kind::Sports],
            _ => &[Kind::Politics, Kind::Sports, Kind::Economics, Kind::NegRisk],
        };
        let tz = [-5i64, -8, 0, 1, -6, 8][k];
        let per_day = rr.range(1.5, 6.0);
        let mut mine = Vec::new();
        let mut held: Vec<(usize, usize, i64)> = Vec::new();
        for d in 0..30 {
            let day = START - START.rem_euclid(DAY) + d * DAY;
            for _ in 0..rr.poisson(per_day) {
                let t = day + ((rr.range(9.0, 25.0) - tz as f64) * 3600.0) as i64;
                if !(START..NOW).contains(&t) {
                    continue;
                }
                if !held.is_empty() && rr.chance(0.2) {
                    let i = rr.below(held.len());
                    let (m, o, sz) = held[i];
                    if ctx.w.markets[m].live(t) {
                        held.swap_remove(i);
                        let fs = ctx.take_shares(t, m, o, false, sz, 2);
                        mine.extend(fs);
                        continue;
                    }
                }
                let live: Vec<usize> = ctx.w.live_of(kinds, t).into_iter().filter(|&m| ctx.w.markets[m].busy > 1.0).collect();
                if live.is_empty() {
                    continue;
                }
                let m = *rr.pick(&live);
                let o = if rr.chance(0.55) { usize::from(ctx.w.markets[m].p(t) < 0.5) } else { rr.below(2) };
                let c = ctx.w.markets[m].ask(t, o);
                if !(8..=93).contains(&c) {
                    continue;
                }
                let usd = (rr.lognormal(2_500.0, 0.9) / 100.0).round() * 100.0;
                let fs = ctx.take(t, m, o, true, usd, rr.int(1, 3) as usize);
                held.push((m, o, fs.iter().map(|f| f.size).sum()));
                mine.extend(fs);
            }
        }
        for f in &mine {
            fills.push((k, *f));
        }
        mine.sort_by_key(|f| f.t);
        ctx.famous.push(mine);
    }
    let _ = NOW;
    Crowd { wallets, fills }
}
