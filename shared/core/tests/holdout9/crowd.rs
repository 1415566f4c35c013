//! Unlabelled participants: the leaders copiers follow, the background crowd of ordinary
//! wallets, unlabelled market makers on the other side of crowd orders, and a few unlabelled bots.

use super::ctx::*;
use super::markets::{Cat, DAY, HOUR, MIN};
use super::people::{Person, buy_usd, by_vol, live_now, sell, union, upcoming};
use super::rng::Rng;
use super::{NOW, W0};

/// Forty wallets with public track records: the ones alert channels and copy bots follow.
pub fn leaders(ctx: &mut Ctx, rng: &mut Rng) {
    let games: Vec<u32> = union(ctx, &["game"]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let pol = union(ctx, &["politics", "election", "econ", "culture", "nominee", "mentions"]);
    for i in 0..40 {
        let group = [0, 0, 0, 1, 1, 2, 3][i % 7];
        let w = ctx.wallet();
        let first = ctx.fills.len();
        let p = Person::new(rng);
        let per_day = rng.lognormal(3.0, 0.7).clamp(0.5, 25.0);
        let active = rng.uni(0.5, 0.95);
        let stake = rng.lognormal(900.0, 0.9);
        let (a, b) = p.days();
        let mut held: Vec<(u32, u8, u64)> = Vec::new();
        for d in a..=b {
            if !rng.chance(active) {
                continue;
            }
            let k = rng.poisson(per_day);
            let mut ts: Vec<i64> = (0..k).map(|_| p.time_on(rng, d)).filter(|&t| in_window(t)).collect();
            ts.sort_unstable();
            for t in ts {
                held.retain(|h| ctx.mk.is_open(h.0, t));
                if !held.is_empty() && rng.chance(0.3) {
                    let j = rng.below(held.len() as u64) as usize;
                    let (m, o, sz) = held[j];
                    let part = if rng.chance(0.6) { sz } else { sz / 2 };
                    let s = sell(ctx, rng, w, m, o, part, t, 2);
                    held[j].2 = sz.saturating_sub(s);
                    if held[j].2 < MIN_SZ {
                        held.swap_remove(j);
                    }
                    continue;
                }
                let g = if group == 3 { rng.below(3) as usize } else { group };
                let m = match g {
                    0 => {
                        let mut c = upcoming(ctx, &games, t, DAY);
                        c.extend(live_now(ctx, &games, t));
                        by_vol(ctx, rng, &c)
                    }
                    1 => ctx.mk.pick_open(rng, &pol, t),
                    _ => {
                        let len = [15 * MIN, HOUR, 15 * MIN, 5 * MIN][rng.below(4) as usize];
                        let start = t - t.rem_euclid(len);
                        Some(ctx.mk.updown(rng.weighted(&[6.0, 3.0, 1.0, 0.5]) as u8, len, start))
                    }
                };
                let Some(m) = m else { continue };
                let o = if rng.chance(0.6) { if ctx.mk.p(m, 0, t) >= 0.5 { 0 } else { 1 } } else { rng.below(2) as u8 };
                let h7 = human_usd(rng, stake, 0.7);
                let got = buy_usd(ctx, rng, w, m, o, h7, t, 3);
                if got > 0 {
                    held.push((m, o, got));
                }
            }
        }
        let fills: Vec<usize> = (first..ctx.fills.len()).filter(|&i| ctx.fills[i].w == w).collect();
        ctx.leaders.push(Leader { w, group, fills });
    }
}

/// How many background trades a market gets, before the overall scale.
fn crowd_count(ctx: &Ctx, rng: &mut Rng, m: u32) -> f64 {
    let mk = &ctx.mk.list[m as usize];
    let a = mk.open.max(W0);
    let b = mk.close.min(NOW);
    if b <= a {
        return 0.0;
    }
    let days = (b - a) as f64 / DAY as f64;
    let base = match mk.cat {
        Cat::UpDown => 2.5,
        Cat::CryptoStrike => 28.0,
        Cat::Weather => 16.0,
        Cat::Mentions => 35.0,
        c if c.is_sport() && c != Cat::Futures => 55.0,
        _ => 11.0 * days.min(30.0),
    };
    base * mk.vol * rng.lognormal(1.0, 0.45)
}

fn crowd_time(ctx: &Ctx, rng: &mut Rng, m: u32) -> i64 {
    let mk = &ctx.mk.list[m as usize];
    let a = mk.open.max(W0 + 1);
    let b = mk.close.min(NOW);
    match mk.cat {
        Cat::UpDown => {
            if rng.chance(0.2) && mk.live > a {
                rng.int(a, mk.live)
            } else {
                rng.int(mk.live.max(a), b)
            }
        }
        _ if mk.live < mk.close && mk.live > a => {
            let x = rng.f();
            if x < 0.45 {
                rng.int(mk.live, b)
            } else if x < 0.8 {
                mk.live - (rng.exp(3.0 * HOUR as f64) as i64).min(mk.live - a)
            } else {
                rng.int(a, mk.live)
            }
        }
        _ => {
            if !mk.shocks.is_empty() && rng.chance(0.25) {
                let s = mk.shocks[rng.below(mk.shocks.len() as u64) as usize].0;
                s + rng.exp(2.0 * HOUR as f64) as i64
            } else {
                // ordinary hours, mostly American and European afternoons and evenings
                let d = rng.int(a / DAY, b / DAY);
                let h = rng.weighted(&[
                    3.0, 2.5, 2.0, 1.5, 1.0, 0.8, 0.6, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0, 2.4, 2.8, 3.0, 3.2, 3.3, 3.3, 3.4, 3.5, 3.6, 3.5, 3.2,
                ]) as i64;
                d * DAY + h * HOUR + rng.int(0, HOUR - 1)
            }
        }
    }
}

/// The background crowd in every market a labelled wallet or a leader traded.
pub fn background(ctx: &mut Ctx, rng: &mut Rng, scale: f64) {
    let n_markets = ctx.mk.list.len();
    for m in 0..n_markets as u32 {
        if ctx.mk.touched[m as usize] == 0 {
            continue;
        }
        let h6 = crowd_count(ctx, rng, m);
        let n = rng.poisson(h6 * scale) + 1;
        let cat = ctx.mk.list[m as usize].cat;
        for _ in 0..n {
            let t = crowd_time(ctx, rng, m);
            if !ctx.mk.is_open(m, t) {
                continue;
            }
            let ci = ctx.crowd_pick(rng, cat);
            let w = ctx.crowd.ws[ci];
            let stake = ctx.crowd.stake[ci] as f64;
            let p0 = ctx.mk.p(m, 0, t);
            let o = if rng.chance(0.55) {
                if p0 >= 0.5 { 0 } else { 1 }
            } else if p0 >= 0.5 {
                1
            } else {
                0
            };
            let buy = rng.chance(0.7);
            let usd = human_usd(rng, stake, 0.7);
            let pc = if buy { ctx.mk.ask(m, o, t, 0.0) } else { ctx.mk.bid(m, o, t, 0.0) };
            let sz = usd_to_sz(usd, pc);
            let levels = if rng.chance(0.06) { 2 } else { 1 };
            let idx = ctx.take(rng, w, m, o, buy, sz, t, levels, 0.0);
            if let Some(&i) = idx.first()
                && rng.chance(0.14)
            {
                let f = ctx.fills[i];
                let mw = ctx.makers[rng.below(ctx.makers.len() as u64) as usize];
                ctx.put(mw, f.m, f.o, !f.buy, f.pc, f.sz, f.ts, f.tx);
            }
        }
    }
}

/// Unlabelled bots in the same markets: late sweepers and an interval trader.
pub fn unlabelled_bots(ctx: &mut Ctx, rng: &mut Rng) {
    let sweepers: Vec<u32> = (0..3).map(|_| ctx.wallet()).collect();
    let n_markets = ctx.mk.list.len();
    for m in 0..n_markets as u32 {
        if ctx.mk.touched[m as usize] == 0 || !rng.chance(0.25) {
            continue;
        }
        let close = ctx.mk.list[m as usize].close;
        if close > NOW {
            continue;
        }
        let t = close - rng.int(4, 150);
        if !ctx.mk.is_open(m, t) {
            continue;
        }
        let o = if ctx.mk.p(m, 0, t) >= 0.5 { 0 } else { 1 };
        if ctx.mk.p(m, o, t) < 0.94 {
            continue;
        }
        let w = sweepers[rng.below(3) as usize];
        let sz = shares(rng.lognormal(800.0, 0.7));
        ctx.take(rng, w, m, o, true, sz, t, 3, 0.0);
    }
    // an unlabelled 15-minute interval trader on Bitcoin
    let w = ctx.wallet();
    let mut t = W0 + 3 * DAY - (W0 + 3 * DAY).rem_euclid(15 * MIN);
    while t < NOW - 15 * MIN {
        if rng.chance(0.55) {
            let m = ctx.mk.updown(0, 15 * MIN, t);
            let ts = t + 95 + rng.int(0, 4);
            let o = if ctx.mk.spot.at(0, ts) >= ctx.mk.spot.at(0, t) { 0 } else { 1 };
            ctx.take(rng, w, m, o, true, shares(40.0), ts, 1, 0.0);
        }
        t += 15 * MIN;
    }
}
