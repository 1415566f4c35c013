//! People (bot = false): each written from how that kind of trader behaves on Polymarket.

use super::human::*;
use super::rng::*;
use super::tape::*;
use super::world::*;
use super::{NOW, START};
use std::collections::BTreeMap;

pub type Pos = BTreeMap<(usize, u8), u64>;

/// A market buy of `usd` dollars; records the position.
pub fn buy(ctx: &mut Ctx, rng: &Rng, w: u32, pos: &mut Pos, m: usize, o: u8, usd: f64, t: i64) -> u64 {
    let (f, _) = ctx.take(rng, m, o, w, true, Qty::Usd(usd), t, Some(99));
    if f > 0 {
        *pos.entry((m, o)).or_default() += f;
    }
    f
}

/// Sells a fraction of a position (all of it when little would be left).
pub fn sell(ctx: &mut Ctx, rng: &Rng, w: u32, pos: &mut Pos, m: usize, o: u8, frac: f64, t: i64) -> u64 {
    let have = pos.get(&(m, o)).copied().unwrap_or(0);
    if have < 500 || (ctx.world.tradable(m, t) && ctx.world.bid(m, o, t) <= 1) {
        return 0;
    }
    let mut sz = ((have as f64 * frac) as u64).min(have);
    if have - sz < 1000 || sz < 500 {
        sz = have;
    }
    let (f, _) = ctx.take(rng, m, o, w, false, Qty::Sh(sz), t, None);
    if f > 0 {
        let left = have.saturating_sub(f);
        if left < 500 {
            pos.remove(&(m, o));
        } else {
            pos.insert((m, o), left);
        }
    }
    f
}

/// When a resting order at `c` cents would next be reached, scanning from `from` to `to`.
pub fn first_cross(w: &World, m: usize, o: u8, buy: bool, c: u8, from: i64, to: i64, step: i64) -> Option<i64> {
    let lvl = c as f64 / 100.0;
    let mut t = from;
    let to = to.min(w.markets[m].close - 1).min(NOW);
    while t <= to {
        let p = w.p(m, o, t);
        if (buy && p <= lvl + 0.002) || (!buy && p >= lvl - 0.002) {
            return Some(t);
        }
        t += step;
    }
    None
}

/// A resting limit order: filled by crowd takers in one or more pieces while the price sits at it.
pub fn rest(ctx: &mut Ctx, rng: &Rng, w: u32, pos: &mut Pos, m: usize, o: u8, buy: bool, c: u8, sz: u64, placed: i64, expire: i64) -> u64 {
    rest_at(ctx, rng, w, pos, m, o, buy, c, sz, placed, expire).0
}

/// As `rest`, also returning the time of the last fill.
pub fn rest_at(
    ctx: &mut Ctx,
    rng: &Rng,
    w: u32,
    pos: &mut Pos,
    m: usize,
    o: u8,
    buy: bool,
    c: u8,
    sz: u64,
    placed: i64,
    expire: i64,
) -> (u64, i64) {
    let mut left = sz;
    let mut t = placed + rng.int(30, 600);
    let mut done = 0;
    let mut last = placed;
    while left >= 500 && t < expire {
        let Some(tau) = first_cross(&ctx.world, m, o, buy, c, t, expire, 120) else { break };
        let tau = tau + rng.int(0, 110);
        let chunk = if left < 1000 || rng.chance(0.45) {
            left
        } else {
            let x = ((left as f64 * rng.range(0.15, 0.7)) as u64).max(500);
            if left - x < 500 { left } else { x }
        };
        if !buy {
            let have = pos.get(&(m, o)).copied().unwrap_or(0);
            if have < chunk {
                break;
            }
        }
        if ctx.make(rng, m, o, w, buy, c, chunk, tau) {
            left -= chunk;
            done += chunk;
            last = tau;
            let e = pos.entry((m, o)).or_default();
            if buy {
                *e += chunk;
            } else {
                *e -= chunk;
                if *e < 500 {
                    pos.remove(&(m, o));
                }
            }
        }
        t = tau + rng.exp(40.0 * MIN as f64) as i64 + 60;
    }
    (done, last)
}

fn sports_for(rng: &Rng, region: u8) -> Vec<Sport> {
    let pool: &[Sport] = match region {
        0 => &[Sport::Nfl, Sport::Cfb, Sport::Mlb, Sport::Nhl, Sport::Ufc],
        1 => &[Sport::Soccer, Sport::Tennis, Sport::Nfl],
        2 => &[Sport::Esports, Sport::Tennis, Sport::Soccer],
        _ => &[Sport::Soccer, Sport::Ufc, Sport::Tennis],
    };
    let mut v = vec![pool[0]];
    for s in pool.iter().skip(1) {
        if rng.chance(0.45) {
            v.push(*s);
        }
    }
    v
}

/// Buys and sells during games, in and out within the hour.
pub fn inplay_scalper(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let sports = sports_for(rng, p.region.home());
    let stake = rng.lognormal(60.0, 0.9);
    let watch = rng.range(0.12, 0.5);
    let reentry = rng.range(1.3, 3.5);
    let exit_p = rng.range(0.55, 0.9);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.games.len() {
        let (sport, start, end, big) = {
            let g = &ctx.world.games[gi];
            (g.sport, g.start, g.end, g.big)
        };
        if !sports.contains(&sport) || start < START || end > NOW {
            continue;
        }
        if !p.awake(start + 10 * MIN) || !p.awake(start + (end - start) / 2) {
            continue;
        }
        let mult = p.day_mult(start).max(if big { 0.5 } else { 0.0 });
        if !rng.chance((watch * mult * if big { 1.7 } else { 1.0 }).min(0.95)) {
            continue;
        }
        let markets = ctx.world.games[gi].markets.clone();
        let events = ctx.world.games[gi].events.clone();
        let n = rng.geometric(reentry);
        let mut t = start + rng.int(1, 25) * MIN + rng.int(0, 59);
        for _ in 0..n {
            if t >= end - 5 * MIN {
                break;
            }
            if let Some(ev) = events.iter().find(|e| e.0 > t && e.0 < t + 25 * MIN) {
                if rng.chance(0.6) {
                    t = ev.0 + rng.int(20, 160);
                }
            }
            let (m, o) = if markets.len() == 3 {
                let home_fav = ctx.world.fair(markets[0], t) > ctx.world.fair(markets[2], t);
                let k = if rng.chance(0.12) {
                    1
                } else if home_fav ^ rng.chance(0.35) {
                    0
                } else {
                    2
                };
                (markets[k], if rng.chance(0.85) { 0 } else { 1 })
            } else {
                let l = ctx.world.leader(markets[0], t);
                (markets[0], if rng.chance(0.6) { l } else { 1 - l })
            };
            let price = ctx.world.p(m, o, t);
            if !(0.05..=0.93).contains(&price) {
                t += rng.int(3, 9) * MIN;
                continue;
            }
            let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.5));
            if buy(ctx, rng, w, &mut pos, m, o, usd, t) == 0 {
                t += 3 * MIN;
                continue;
            }
            if rng.chance(exit_p) {
                let hold = ((rng.lognormal(11.0, 0.7) * 60.0) as i64).clamp(90, 55 * MIN);
                let ts = (t + hold).min(end - 30);
                if ts > t + 30 {
                    let frac = if rng.chance(0.15) { 0.5 } else { 1.0 };
                    sell(ctx, rng, w, &mut pos, m, o, frac, ts);
                }
                t = ts + rng.int(1, 12) * MIN;
            } else {
                t += rng.int(8, 30) * MIN;
            }
        }
    }
}

/// Crypto Up/Down windows by hand: short sessions, in and out within minutes.
pub fn crypto_daytrader(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(40.0, 0.8);
    let per_day = rng.range(0.6, 2.2);
    let r15 = rng.range(0.45, 0.95);
    let aw = [rng.range(0.5, 1.0), rng.range(0.0, 0.4), rng.range(0.0, 0.15), rng.range(0.0, 0.1)];
    let scalp = rng.range(0.35, 0.75);
    let mut pos = Pos::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let dur = ((rng.lognormal(40.0, 0.6) * 60.0) as i64).clamp(10 * MIN, 3 * HOUR);
        let mut t = s;
        while t < s + dur && t < NOW {
            let kind = if rng.chance(r15) { Ck::M15 } else { Ck::H1 };
            let a = rng.weighted(&aw);
            let start = kind.window_at(t);
            let end = start + kind.len();
            if t > end - 40 {
                t = end + rng.int(5, 60);
                continue;
            }
            let m = ctx.world.crypto(kind, a, start, 0);
            let f = ctx.world.fair(m, t);
            let mom = if f >= 0.5 { 0 } else { 1 };
            let o = if rng.chance(0.65) { mom } else { 1 - mom };
            let price = ctx.world.p(m, o, t);
            if !(0.06..=0.92).contains(&price) {
                t += rng.int(30, 120);
                continue;
            }
            let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.4));
            if buy(ctx, rng, w, &mut pos, m, o, usd, t) == 0 {
                t += 60;
                continue;
            }
            if rng.chance(scalp) {
                let hold = ((rng.lognormal(150.0, 0.8)) as i64).clamp(20, (end - t - 10).max(21));
                let ts = t + hold;
                if ts < end - 5 {
                    sell(ctx, rng, w, &mut pos, m, o, 1.0, ts);
                }
                t = ts + rng.int(15, 240);
            } else {
                pos.remove(&(m, o));
                t = end + rng.int(10, 180);
            }
        }
    }
}

fn near_certain(ctx: &Ctx, t: i64, lo: f64, hi: f64, horizon: i64, cats: &[Cat]) -> Vec<(usize, u8)> {
    let w = &ctx.world;
    let mut v = Vec::new();
    for &cat in cats {
        for &m in &w.by_cat[cat as usize] {
            let mk = &w.markets[m];
            if !(mk.open <= t && t + 10 * MIN < mk.close && t > START && t <= NOW) || mk.close - t > horizon {
                continue;
            }
            let o = w.leader(m, t);
            let p = w.p(m, o, t);
            if p >= lo && p <= hi && w.ask(m, o, t) <= 99 {
                v.push((m, o));
            }
        }
    }
    v
}

pub fn near_certain_pub(ctx: &Ctx, t: i64, lo: f64, hi: f64, horizon: i64, cats: &[Cat]) -> Vec<(usize, u8)> {
    near_certain(ctx, t, lo, hi, horizon, cats)
}

/// Buys near-certain outcomes by hand, big round stakes, holds to resolution.
pub fn favourite_buyer(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(400.0, 0.9);
    let lo = rng.range(0.88, 0.95);
    // Most stop short of 99c: the last cent is not worth their time.
    let hi = if rng.chance(0.3) { 0.999 } else { rng.range(0.96, 0.985) };
    let horizon = rng.int(6, 48) * HOUR;
    let per_day = rng.range(0.7, 2.2);
    let mut cats = vec![Cat::Sports];
    for c in [Cat::News, Cat::Econ, Cat::Weather, Cat::Mention, Cat::Culture, Cat::Politics] {
        if rng.chance(0.5) {
            cats.push(c);
        }
    }
    let mut pos = Pos::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let mut t = s;
        // Check what they hold first: cut a favourite that turned.
        let held: Vec<(usize, u8)> = pos.keys().copied().collect();
        for (m, o) in held {
            if ctx.world.tradable(m, t) && ctx.world.p(m, o, t) < 0.7 && rng.chance(0.5) {
                t += rng.int(20, 120);
                sell(ctx, rng, w, &mut pos, m, o, 1.0, t);
            }
        }
        let cands = near_certain(ctx, t, lo, hi, horizon, &cats);
        if cands.is_empty() {
            continue;
        }
        for _ in 0..rng.geometric(1.8) {
            let (m, o) = *rng.pick(&cands);
            t += rng.int(30, 300);
            let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.5));
            buy(ctx, rng, w, &mut pos, m, o, usd, t);
        }
    }
}

fn popular(ctx: &mut Ctx, rng: &Rng, t: i64) -> Option<usize> {
    let mut v: Vec<usize> = Vec::new();
    for cat in [Cat::Politics, Cat::News, Cat::Sports, Cat::Econ, Cat::Culture] {
        for &m in &ctx.world.by_cat[cat as usize] {
            let mk = &ctx.world.markets[m];
            if (mk.big || mk.flow >= 14.0) && mk.open <= t && t + HOUR < mk.close && t > START && t <= NOW {
                v.push(m);
            }
        }
    }
    if rng.chance(0.12) {
        let start = Ck::Day.window_at(t);
        return Some(ctx.world.crypto(Ck::Day, 0, start, 0));
    }
    if v.is_empty() { None } else { Some(*rng.pick(&v)) }
}

/// A few bets in popular markets, round stakes.
pub fn casual(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let target = 1 + rng.weighted(&[0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.05, 0.05]);
    let stake = rng.lognormal(20.0, 0.8);
    let per_day = rng.range(0.08, 0.35);
    let mut pos = Pos::new();
    let mut n = 0;
    let mut sessions = p.sessions(rng, START, NOW, per_day);
    if sessions.is_empty() {
        sessions = p.sessions(rng, START, NOW, 1.0);
        sessions.truncate(1);
    }
    let mut last: Option<(usize, u8)> = None;
    for s in sessions {
        if n >= target {
            break;
        }
        let t = s + rng.int(30, 400);
        if let Some((m, o)) = last {
            if rng.chance(0.2) && ctx.world.tradable(m, t) {
                if rng.chance(0.5) {
                    if sell(ctx, rng, w, &mut pos, m, o, 1.0, t) > 0 {
                        n += 1;
                    }
                } else {
                    let usd = round_usd(rng, stake);
                    if buy(ctx, rng, w, &mut pos, m, o, usd, t) > 0 {
                        n += 1;
                    }
                }
                continue;
            }
        }
        let Some(m) = popular(ctx, rng, t) else { continue };
        let l = ctx.world.leader(m, t);
        let o = if rng.chance(0.6) { l } else { 1 - l };
        if ctx.world.p(m, o, t) > 0.97 {
            continue;
        }
        let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.5));
        if buy(ctx, rng, w, &mut pos, m, o, usd, t) > 0 {
            n += 1;
            last = Some((m, o));
        }
    }
    if n == 0 {
        // Their one bet: the big election market.
        let t = START + rng.int(DAY, 29 * DAY);
        let m = ctx.world.by_cat[Cat::Politics as usize][rng.below(2)];
        buy(ctx, rng, w, &mut pos, m, rng.below(2) as u8, round_usd(rng, stake), p.next_awake(t));
    }
}

/// Heavy but human: midterm markets, many trades, sleeps, reacts to news, mixes market and limit orders.
pub fn politics_heavy(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let us = rng.chance(0.7);
    let mut p = Person::random(rng, if us { &[Region::UsEast, Region::UsCentral, Region::UsWest] } else { &[] });
    for d in p.days.iter_mut() {
        if *d == 0.0 && rng.chance(0.6) {
            *d = rng.range(0.4, 1.0);
        }
    }
    let pool: Vec<usize> = [ctx.world.by_cat[Cat::Politics as usize].clone(), ctx.world.by_cat[Cat::News as usize].clone()].concat();
    let k = rng.int(8, 26) as usize;
    let favs: Vec<usize> = rng.sample(pool.len(), k).into_iter().map(|i| pool[i]).collect();
    let stake = rng.lognormal(450.0, 0.7);
    let per_day = rng.range(1.8, 4.5);
    let limit_share = rng.range(0.1, 0.35);
    let mut pos = Pos::new();
    let mut seen_jump: i64 = START;
    let mut pending: Vec<(i64, usize, u8, u64)> = Vec::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let mut t = s;
        // Resting orders that have filled by now.
        pending.retain(|&(at, m, o, got)| {
            if at <= t {
                *pos.entry((m, o)).or_default() += got;
                false
            } else {
                true
            }
        });
        // News since last look, in their markets.
        let mut news: Vec<(i64, usize, f32)> = Vec::new();
        for &m in &favs {
            for &(jt, d) in &ctx.world.markets[m].jumps {
                if jt > seen_jump.max(t - 8 * HOUR) && jt <= t {
                    news.push((jt, m, d));
                }
            }
        }
        seen_jump = t;
        for _ in 0..rng.geometric(2.4) {
            t += rng.int(20, 600);
            let (m, react) = if !news.is_empty() && rng.chance(0.6) {
                let j = news[rng.below(news.len())];
                (j.1, Some(j.2))
            } else {
                (favs[rng.below(favs.len())], None)
            };
            if !ctx.world.tradable(m, t) {
                continue;
            }
            let held: Vec<u8> = (0..2u8).filter(|o| pos.contains_key(&(m, *o))).collect();
            if !held.is_empty() && rng.chance(0.3) {
                let frac = if rng.chance(0.5) { 0.5 } else { 1.0 };
                sell(ctx, rng, w, &mut pos, m, held[0], frac, t);
                continue;
            }
            let o = match react {
                Some(d) => (if d > 0.0 { 0 } else { 1 }) ^ (rng.chance(0.25) as u8),
                None => {
                    if rng.chance(0.55) {
                        ctx.world.leader(m, t)
                    } else {
                        1 - ctx.world.leader(m, t)
                    }
                }
            };
            let price = ctx.world.p(m, o, t);
            if !(0.03..=0.97).contains(&price) {
                continue;
            }
            if rng.chance(limit_share) {
                let c = (ctx.world.bid(m, o, t) as i64 - rng.int(0, 3)).clamp(1, 98) as u8;
                let sz = round_shares(rng, stake * rng.lognormal(1.0, 0.5) / price);
                let mut later = Pos::new();
                let (got, at) = rest_at(ctx, rng, w, &mut later, m, o, true, c, sz, t, t + rng.int(6, 96) * HOUR);
                if got > 0 {
                    pending.push((at, m, o, got));
                }
            } else {
                let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.6));
                buy(ctx, rng, w, &mut pos, m, o, usd, t);
            }
        }
    }
}

/// Resting limit orders at round prices for round share counts; fills arrive at any hour.
pub fn limit_orders(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let per_day = rng.range(0.4, 1.6);
    let stake = rng.lognormal(150.0, 0.8);
    let step5 = rng.chance(0.6);
    let cats = [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture, Cat::Sports];
    let mut pos = Pos::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let mut t = s;
        for _ in 0..rng.geometric(1.7) {
            t += rng.int(40, 500);
            let cat = cats[rng.weighted(&[0.35, 0.25, 0.1, 0.1, 0.2])];
            let cands = ctx.world.open_in(cat, t, 12 * HOUR);
            if cands.is_empty() {
                continue;
            }
            let m = *rng.pick(&cands);
            let o = rng.below(2) as u8;
            let price = ctx.world.p(m, o, t);
            if !(0.06..=0.9).contains(&price) {
                continue;
            }
            // A bid below the market at a round price.
            let target = price - rng.range(0.01, 0.08);
            let c = if step5 { ((target * 20.0).floor() / 20.0 * 100.0).round() } else { (target * 100.0).floor() };
            let c = c.clamp(1.0, 97.0) as u8;
            let sz = round_shares(rng, stake * rng.lognormal(1.0, 0.5) / (c as f64 / 100.0));
            let expire = (t + rng.int(1, 10) * DAY).min(ctx.world.markets[m].close - HOUR);
            let (got, filled_at) = rest_at(ctx, rng, w, &mut pos, m, o, true, c, sz, t, expire);
            if got >= 500 && rng.chance(0.65) {
                // Take-profit at a round price above, placed when they next look after the fill.
                let up = if step5 { 5 * rng.int(1, 3) } else { rng.int(3, 12) };
                let c2 = (c as i64 + up).clamp(2, 99) as u8;
                let placed = p.next_awake(filled_at + rng.int(5, 180) * MIN) + rng.int(0, 900);
                rest(ctx, rng, w, &mut pos, m, o, false, c2, got, placed, expire + rng.int(0, 10) * DAY);
            }
        }
    }
}

/// Follows a well-known wallet by hand: sees its trades when they look, copies some, rounds.
pub fn hand_copier(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let li = rng.weighted(&[0.2, 0.2, 0.1, 0.2, 0.1, 0.05, 0.05, 0.1]);
    let fills = ctx.leaders[li].fills.clone();
    let per_day = rng.range(1.5, 4.5);
    let copy_p = rng.range(0.3, 0.85);
    let sell_p = rng.range(0.3, 0.8);
    let stake = rng.lognormal(60.0, 0.9);
    let max_slip = rng.range(0.03, 0.12);
    let mut pos = Pos::new();
    let mut last = START;
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let mut t = s;
        let new: Vec<LFill> = fills.iter().copied().filter(|f| f.t > last.max(s - DAY) && f.t <= s).collect();
        last = s;
        for f in new {
            t += rng.int(25, 240);
            if !ctx.world.tradable(f.m, t) {
                continue;
            }
            if f.buy {
                if !rng.chance(copy_p) {
                    continue;
                }
                let price = ctx.world.p(f.m, f.o, t);
                if price > f.c as f64 / 100.0 + max_slip || price > 0.97 {
                    continue;
                }
                let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.4));
                buy(ctx, rng, w, &mut pos, f.m, f.o, usd, t);
            } else if pos.contains_key(&(f.m, f.o)) && rng.chance(sell_p) {
                sell(ctx, rng, w, &mut pos, f.m, f.o, 1.0, t);
            }
        }
    }
}

/// Weather brackets for a city or two: a morning look at the forecast, small bets.
pub fn weather_hobbyist(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let home: Vec<usize> = CITIES.iter().enumerate().filter(|(_, c)| c.region == p.region.home()).map(|(i, _)| i).collect();
    let mut cities = Vec::new();
    cities.push(if !home.is_empty() && rng.chance(0.7) { *rng.pick(&home) } else { rng.below(CITIES.len()) });
    for _ in 0..rng.weighted(&[0.5, 0.35, 0.15]) {
        cities.push(rng.below(CITIES.len()));
    }
    let stake = rng.lognormal(12.0, 0.7);
    let p_day = rng.range(0.35, 0.9);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.groups.len() {
        let (kind, city, start, release, open, ms) = {
            let g = &ctx.world.groups[gi];
            (g.kind, g.city, g.start, g.release, g.open, g.markets.clone())
        };
        if kind != GroupKind::Weather || !cities.contains(&city) {
            continue;
        }
        let look = start - rng.int(2, 16) * HOUR;
        if !rng.chance(p_day * p.day_mult(look).min(1.3)) {
            continue;
        }
        let t = p.next_awake(look.max(open)) + rng.int(2, 40) * MIN + rng.int(0, 59);
        if t >= release || t <= START {
            continue;
        }
        let mut ranked: Vec<(f64, usize)> = ms.iter().map(|&m| (ctx.world.p(m, 0, t), m)).collect();
        ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
        let k = if rng.chance(0.7) { 0 } else { 1 };
        let m = ranked[k].1;
        let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.4));
        buy(ctx, rng, w, &mut pos, m, 0, usd, t);
        if rng.chance(0.3) {
            let m2 = ranked[1 - k].1;
            buy(ctx, rng, w, &mut pos, m2, 0, round_usd(rng, stake * 0.6), t + rng.int(20, 200));
        }
        // A second look later that day.
        if rng.chance(0.35) {
            let t2 = t + rng.int(3, 10) * HOUR;
            if p.awake(t2) && t2 < release {
                if ctx.world.p(m, 0, t2) < 0.2 {
                    sell(ctx, rng, w, &mut pos, m, 0, 1.0, t2);
                } else if rng.chance(0.4) {
                    buy(ctx, rng, w, &mut pos, m, 0, round_usd(rng, stake), t2);
                }
            }
        }
    }
}

/// Mention markets around live speeches, briefings and calls.
pub fn mention_player(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(40.0, 0.8);
    let join = rng.range(0.3, 0.85);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.groups.len() {
        let (kind, start, end, ms) = {
            let g = &ctx.world.groups[gi];
            (g.kind, g.start, g.release, g.markets.clone())
        };
        if kind != GroupKind::Mention || start < START || end > NOW || !p.awake(start + 10 * MIN) {
            continue;
        }
        if !rng.chance(join * p.day_mult(start).max(0.3).min(1.3)) {
            continue;
        }
        // Before: a couple of positions on words they believe in.
        for _ in 0..rng.int(0, 2) {
            let t = start - rng.int(10, 300) * MIN + rng.int(0, 59);
            if !p.awake(t) {
                continue;
            }
            let m = *rng.pick(&ms);
            let f = ctx.world.p(m, 0, t);
            if !(0.12..=0.88).contains(&f) {
                continue;
            }
            let o = if rng.chance(f) { 0 } else { 1 };
            buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, stake * rng.lognormal(1.0, 0.4)), t);
        }
        // During: react to what is said.
        let mut t = start + rng.int(1, 10) * MIN + rng.int(0, 59);
        for _ in 0..rng.geometric(4.0) {
            if t >= end {
                break;
            }
            let m = *rng.pick(&ms);
            let f = ctx.world.p(m, 0, t);
            if pos.contains_key(&(m, 0)) && f > 0.9 && rng.chance(0.5) {
                sell(ctx, rng, w, &mut pos, m, 0, 1.0, t);
            } else if (0.08..=0.92).contains(&f) {
                let late = (t - start) as f64 / (end - start) as f64;
                let o = if late > 0.6 && f < 0.5 {
                    1
                } else if rng.chance(0.6) {
                    0
                } else {
                    1
                };
                buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, stake * rng.lognormal(1.0, 0.5)), t);
            }
            t += rng.int(40, 900);
        }
    }
}

/// Reacts to news by hand within minutes to hours, holds for days.
pub fn news_swing(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let pool: Vec<usize> =
        [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture].iter().flat_map(|c| ctx.world.by_cat[*c as usize].clone()).collect();
    let k = rng.int(10, 30) as usize;
    let interest: Vec<usize> = rng.sample(pool.len(), k).into_iter().map(|i| pool[i]).collect();
    let mut jumps: Vec<(i64, usize, f32)> = Vec::new();
    for &m in &interest {
        for &(t, d) in &ctx.world.markets[m].jumps {
            if t > START && t < NOW && d.abs() >= 0.05 {
                jumps.push((t, m, d));
            }
        }
    }
    jumps.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let react = rng.range(0.25, 0.65);
    let stake = rng.lognormal(150.0, 0.8);
    let fade = rng.range(0.1, 0.35);
    let mut pos = Pos::new();
    for (jt, m, d) in jumps {
        if !rng.chance(react * p.day_mult(jt).max(0.2).min(1.3)) {
            continue;
        }
        let t = if p.awake(jt) {
            jt + (rng.lognormal(20.0, 0.8) * 60.0) as i64
        } else {
            p.next_awake(jt) + rng.int(5, 60) * MIN + rng.int(0, 59)
        };
        if t > jt + 18 * HOUR || !ctx.world.tradable(m, t) {
            continue;
        }
        let o = (if d > 0.0 { 0 } else { 1 }) ^ (rng.chance(fade) as u8);
        let price = ctx.world.p(m, o, t);
        if !(0.04..=0.95).contains(&price) {
            continue;
        }
        if buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, stake * rng.lognormal(1.0, 0.5)), t) > 0 && rng.chance(0.6) {
            let ts = p.next_awake(t + (rng.lognormal(1.5, 0.8) * DAY as f64) as i64) + rng.int(5, 120) * MIN + rng.int(0, 59);
            if ts < NOW {
                sell(ctx, rng, w, &mut pos, m, o, if rng.chance(0.3) { 0.5 } else { 1.0 }, ts);
            }
        }
    }
    for s in p.sessions(rng, START, NOW, 0.3) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let m = *rng.pick(&interest);
        if ctx.world.tradable(m, s) {
            let l = ctx.world.leader(m, s);
            if ctx.world.p(m, l, s) < 0.95 {
                buy(ctx, rng, w, &mut pos, m, l, round_usd(rng, stake), s);
            }
        }
    }
}

/// Bets before kick-off and holds; weekends heavy.
pub fn pregame_bettor(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let sports = sports_for(rng, p.region.home());
    let stake = rng.lognormal(50.0, 0.9);
    let bet_p = rng.range(0.06, 0.35);
    let fav = rng.range(0.45, 0.8);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.games.len() {
        let (sport, start, end, big, ms) = {
            let g = &ctx.world.games[gi];
            (g.sport, g.start, g.end, g.big, g.markets.clone())
        };
        if !sports.contains(&sport) || start < START + HOUR || start > NOW {
            continue;
        }
        let wd = p.local(start).2;
        let boost = if wd >= 5 { 1.4 } else { 1.0 } * if big { 1.8 } else { 1.0 };
        if !rng.chance((bet_p * boost * p.day_mult(start).max(0.2)).min(0.9)) {
            continue;
        }
        let t = p.next_awake(start - rng.int(20, 30 * 60) * MIN) + rng.int(0, 30) * MIN + rng.int(0, 59);
        if t >= start - 60 || !ctx.world.tradable(ms[0], t) {
            continue;
        }
        let (m, o) = if ms.len() == 3 {
            let home_fav = ctx.world.fair(ms[0], t) > ctx.world.fair(ms[2], t);
            let k = if rng.chance(0.1) {
                1
            } else if home_fav ^ !rng.chance(fav) {
                0
            } else {
                2
            };
            (ms[k], 0)
        } else {
            let l = ctx.world.leader(ms[0], t);
            (ms[0], if rng.chance(fav) { l } else { 1 - l })
        };
        buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, stake * rng.lognormal(1.0, 0.5)), t);
        if ms.len() == 3 && rng.chance(0.2) {
            buy(ctx, rng, w, &mut pos, ms[1], 0, round_usd(rng, stake * 0.5), t + rng.int(20, 180));
        }
        if rng.chance(0.08) {
            let tc = start + rng.int(10, ((end - start) / 60).max(11)) * MIN + rng.int(0, 59);
            if p.awake(tc) && tc < end {
                sell(ctx, rng, w, &mut pos, m, o, 1.0, tc);
            }
        }
    }
}

/// Cheap outcomes, small stakes, many markets.
pub fn longshot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(6.0, 0.6);
    let max_c = rng.int(4, 12) as u8;
    let per_day = rng.range(0.35, 1.4);
    let cats = [Cat::Weather, Cat::Mention, Cat::Culture, Cat::News, Cat::Sports, Cat::Politics, Cat::Econ];
    let mut pos = Pos::new();
    let mut bought: Vec<(usize, u8, u8)> = Vec::new();
    for s in p.sessions(rng, START, NOW, per_day) {
        let s = ctx.after_last(rng, w, s);
        if s >= NOW {
            break;
        }
        let mut t = s;
        // Sell any that multiplied.
        for &(m, o, c) in &bought.clone() {
            if ctx.world.tradable(m, t) && pos.contains_key(&(m, o)) && ctx.world.bid(m, o, t) >= c.saturating_mul(3).max(c + 6) {
                t += rng.int(20, 120);
                sell(ctx, rng, w, &mut pos, m, o, 1.0, t);
            }
        }
        for _ in 0..rng.geometric(2.5) {
            t += rng.int(20, 300);
            let cat = cats[rng.weighted(&[0.2, 0.15, 0.15, 0.2, 0.15, 0.08, 0.07])];
            let cands = ctx.world.open_in(cat, t, 30 * MIN);
            let mut tries = 0;
            while tries < 12 && !cands.is_empty() {
                tries += 1;
                let m = *rng.pick(&cands);
                let o = 1 - ctx.world.leader(m, t);
                let a = ctx.world.ask(m, o, t);
                if a <= max_c && a >= 1 && ctx.world.p(m, o, t) > 0.004 {
                    let usd = round_usd(rng, stake * rng.lognormal(1.0, 0.4));
                    if buy(ctx, rng, w, &mut pos, m, o, usd, t) > 0 {
                        bought.push((m, o, a));
                    }
                    break;
                }
            }
        }
    }
}

/// Few large trades on conviction; walks the book, sometimes splits or rests a big order.
pub fn conviction_whale(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(15_000.0, 0.8);
    let ideas = rng.int(2, 9);
    let mut pos = Pos::new();
    let sessions = p.sessions(rng, START, NOW, 0.8);
    if sessions.is_empty() {
        return;
    }
    for _ in 0..ideas {
        let s = sessions[rng.below(sessions.len())];
        let mut cands: Vec<usize> = Vec::new();
        for cat in [Cat::Politics, Cat::News, Cat::Econ, Cat::Sports] {
            for m in ctx.world.open_in(cat, s, 6 * HOUR) {
                if ctx.world.markets[m].big || ctx.world.markets[m].flow >= 20.0 {
                    cands.push(m);
                }
            }
        }
        if cands.is_empty() {
            continue;
        }
        let m = *rng.pick(&cands);
        let l = ctx.world.leader(m, s);
        let o = if rng.chance(0.65) { l } else { 1 - l };
        let price = ctx.world.p(m, o, s);
        if !(0.1..=0.93).contains(&price) {
            continue;
        }
        let total = round_usd(rng, stake * rng.lognormal(1.0, 0.5));
        let clips = rng.weighted(&[0.4, 0.3, 0.2, 0.1]) + 1;
        let mut t = s;
        if rng.chance(0.25) {
            let c = ((price - 0.02) * 100.0).floor().clamp(1.0, 97.0) as u8;
            let sz = round_shares(rng, total / (c as f64 / 100.0));
            rest(ctx, rng, w, &mut pos, m, o, true, c, sz, t, t + rng.int(1, 5) * DAY);
        } else {
            for _ in 0..clips {
                buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, total / clips as f64), t);
                t += rng.int(2, 15) * MIN;
            }
        }
        if rng.chance(0.25) {
            let ts = p.next_awake(t + rng.int(1, 8) * DAY);
            if ts < NOW {
                sell(ctx, rng, w, &mut pos, m, o, 0.5, ts);
            }
        }
    }
}

/// Fed, CPI and jobs markets: positions before releases, trades around them.
pub fn macro_trader(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(250.0, 0.8);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.groups.len() {
        let (kind, release, open, ms) = {
            let g = &ctx.world.groups[gi];
            (g.kind, g.release, g.open, g.markets.clone())
        };
        if kind != GroupKind::Econ || release < START || !rng.chance(0.75) {
            continue;
        }
        for _ in 0..rng.int(1, 4) {
            let look = release - rng.int(2, 7 * 24) * HOUR;
            let t = p.next_awake(look.max(open).max(START + 60)) + rng.int(1, 90) * MIN + rng.int(0, 59);
            if t >= release - 5 * MIN || t > NOW {
                continue;
            }
            let mut ranked: Vec<(f64, usize)> = ms.iter().map(|&m| (ctx.world.p(m, 0, t), m)).collect();
            ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            let (pm, m) = ranked[if rng.chance(0.6) || ranked.len() == 1 { 0 } else { 1 }];
            let o = if pm > 0.9 && rng.chance(0.3) { 1 } else { 0 };
            if ctx.world.p(m, o, t) > 0.96 {
                continue;
            }
            buy(ctx, rng, w, &mut pos, m, o, round_usd(rng, stake * rng.lognormal(1.0, 0.5)), t);
        }
        // Right after the release, if awake.
        let t = release + rng.int(60, 900);
        if p.awake(t) && t < NOW && rng.chance(0.6) {
            for &m in &ms {
                if ctx.world.tradable(m, t) && ctx.world.p(m, 0, t) > 0.5 && ctx.world.ask(m, 0, t) <= 98 {
                    buy(ctx, rng, w, &mut pos, m, 0, round_usd(rng, stake * 2.0), t);
                }
            }
        }
    }
    for m in ctx.world.by_cat[Cat::Econ as usize].clone() {
        if ctx.world.markets[m].group.is_none() && rng.chance(0.5) {
            let t = p.next_awake(START + rng.int(HOUR, 29 * DAY));
            if t < NOW {
                buy(ctx, rng, w, &mut pos, m, rng.below(2) as u8, round_usd(rng, stake), t);
            }
        }
    }
}

/// Nobel prizes, Billboard, tweet counts: evening browsing.
pub fn culture_fan(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let p = Person::random(rng, &[]);
    let stake = rng.lognormal(30.0, 0.8);
    let join = rng.range(0.3, 0.8);
    let mut pos = Pos::new();
    for gi in 0..ctx.world.groups.len() {
        let (kind, release, open, close, ms) = {
            let g = &ctx.world.groups[gi];
            (g.kind, g.release, g.open, g.close, g.markets.clone())
        };
        if kind != GroupKind::Culture || close < START || !rng.chance(join) {
            continue;
        }
        let until = release.min(NOW);
        let mut times: Vec<i64> = (0..rng.int(1, 4))
            .map(|_| p.next_awake((open.max(START) + rng.int(0, (until - open.max(START)).max(1))).min(until)) + rng.int(0, 60) * MIN)
            .collect();
        times.sort();
        for t in times {
            if t >= until {
                continue;
            }
            let m = *rng.pick(&ms);
            let f = ctx.world.p(m, 0, t);
            if !(0.03..=0.85).contains(&f) {
                continue;
            }
            if pos.contains_key(&(m, 0)) && rng.chance(0.4) {
                sell(ctx, rng, w, &mut pos, m, 0, 1.0, t);
            } else {
                buy(ctx, rng, w, &mut pos, m, 0, round_usd(rng, stake * rng.lognormal(1.0, 0.5)), t);
            }
        }
    }
}
