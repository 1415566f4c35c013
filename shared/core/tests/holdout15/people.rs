//! People: the ways humans trade on Polymarket.

use super::exec::{Limit, Me, Person, Region, Shape, Sim, Want, cents, human_shares, human_usd, hund};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, League, MIN, NOW, START, World};

/// Long-running markets open at `t` with a live price, not closing within a day.
pub fn long_markets(w: &World, t: i64, min_pop: f64) -> Vec<u32> {
    let mut out = Vec::new();
    for list in [&w.elections, &w.politics, &w.news, &w.culture] {
        for &m in list.iter() {
            let mk = w.m(m);
            if mk.is_open(t) && mk.close > t + DAY && mk.pop >= min_pop && mk.live.is_none_or(|l| l.0 > t + DAY) {
                let p = mk.mid(t);
                if (0.05..=0.95).contains(&p) {
                    out.push(m);
                }
            }
        }
    }
    out
}

/// A market drawn in proportion to its popularity.
pub fn by_pop(rng: &Rng, w: &World, ms: &[u32]) -> Option<u32> {
    if ms.is_empty() {
        return None;
    }
    let wts: Vec<f64> = ms.iter().map(|&m| w.m(m).pop.sqrt()).collect();
    Some(ms[rng.weighted(&wts)])
}

pub fn league(w: &World, m: u32) -> Option<League> {
    match w.m(m).cat {
        Cat::Sports(l) => Some(l),
        _ => None,
    }
}

/// Games of the given leagues starting in [t + a, t + b).
pub fn games(w: &World, t: i64, a: i64, b: i64, leagues: &[League]) -> Vec<u32> {
    w.games_between(t + a, t + b).iter().map(|g| g.1).filter(|&m| league(w, m).is_some_and(|l| leagues.contains(&l))).collect()
}

const ALL: &[League] = &[League::Nfl, League::Nba, League::Nhl, League::Cfb, League::Soccer];

/// The favourite (0 or 1) of a market at `t`.
fn fav(w: &World, m: u32, t: i64) -> u8 {
    if w.m(m).mid(t) >= 0.5 { 0 } else { 1 }
}

fn side(rng: &Rng, w: &World, m: u32, t: i64, p_fav: f64) -> u8 {
    let f = fav(w, m, t);
    if rng.chance(p_fav) { f } else { 1 - f }
}

fn price(w: &World, m: u32, o: u8, t: i64) -> f64 {
    let p = w.m(m).mid(t);
    if o == 0 { p } else { 1.0 - p }
}

pub fn casual_weekend_bettor(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = if rng.chance(0.8) { Region::us(rng) } else { Region::draw(rng) };
    let daily = rng.range(0.03, 0.1);
    let mut p = Person::new(rng, region, Shape::Evening, daily);
    p.weekend = rng.range(6.0, 14.0);
    let base = rng.lognormal(20.0, 0.6);
    let p_fav = rng.range(0.45, 0.8);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for &(s, _) in &sessions {
        let mut t = s + me.rng.int(30, 400);
        for _ in 0..1 + me.rng.poisson(0.6) {
            let m = if me.rng.chance(0.7) {
                let g = games(&me.sim.w, t, 10 * MIN, 30 * HOUR, ALL);
                if g.is_empty() {
                    continue;
                }
                *me.rng.pick(&g)
            } else {
                let l = long_markets(&me.sim.w, t, 2.0);
                match by_pop(me.rng, &me.sim.w, &l) {
                    Some(m) => m,
                    None => continue,
                }
            };
            let o = side(me.rng, &me.sim.w, m, t, p_fav);
            let usd = human_usd(me.rng, base, 0.5);
            me.buy(m, o, t, Want::Usd(usd), 1);
            t += me.rng.int(40, 500);
        }
        me.settle(t);
        if !me.pos.is_empty() && me.rng.chance(0.15) {
            let keys: Vec<(u32, u8)> = me.pos.keys().copied().collect();
            let k = *me.rng.pick(&keys);
            me.sell_all(k.0, k.1, t + me.rng.int(30, 300));
        }
    }
}

pub fn inplay_sports_fan(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let euro = rng.chance(0.25);
    let region = if euro { *rng.pick(&[Region::Uk, Region::Europe]) } else { Region::us(rng) };
    let mut leagues: Vec<League> = Vec::new();
    if euro {
        leagues.push(League::Soccer);
        if rng.chance(0.4) {
            leagues.push(*rng.pick(&[League::Nfl, League::Nba]));
        }
    } else {
        leagues.push(*rng.pick(&[League::Nfl, League::Nba, League::Nhl, League::Cfb, League::Nfl]));
        if rng.chance(0.5) {
            leagues.push(*rng.pick(&[League::Nfl, League::Nba, League::Nhl, League::Cfb]));
        }
    }
    let p = Person::new(rng, region, Shape::Evening, 0.5);
    let base = rng.lognormal(35.0, 0.7);
    let watch_mult = rng.range(0.6, 1.6);
    let react = rng.range(0.25, 0.55);
    let mut me = Me::new(sim, rng, ids[i]);
    let gl: Vec<(i64, u32)> = me.sim.w.games_between(START, NOW).to_vec();
    for (g0, m) in gl {
        let Some(lg) = league(&me.sim.w, m) else { continue };
        if !leagues.contains(&lg) || !p.awake(g0 + 30 * MIN) {
            continue;
        }
        let chance = match lg {
            League::Nfl => 0.35,
            League::Cfb => 0.12,
            League::Soccer => 0.12,
            _ => 0.1,
        } * watch_mult;
        if !me.rng.chance(chance) {
            continue;
        }
        let (_, g1) = me.sim.w.m(m).live.unwrap_or((g0, g0 + 3 * HOUR));
        let mut o = if me.rng.chance(0.6) { fav(&me.sim.w, m, g0) } else { me.rng.int(0, 1) as u8 };
        if me.rng.chance(0.4) {
            let t = g0 - me.rng.int(3, 90) * MIN;
            me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
        }
        let evs: Vec<(i64, f64)> = me.sim.w.events_of(m).filter(|e| e.t >= g0 && e.t < g1).map(|e| (e.t, f64::from(e.d))).collect();
        for (te, d) in evs {
            if !me.rng.chance(react) {
                continue;
            }
            let t = te + me.rng.lognormal(100.0, 0.6) as i64;
            let gained = if o == 0 { d } else { -d };
            let held = me.held(m, o);
            if held > 0 {
                if gained > 0.0 && me.rng.chance(0.3) {
                    let q = if me.rng.chance(0.5) { held } else { held / 2 };
                    me.sell(m, o, t, q, 1);
                } else if gained < 0.0 {
                    if me.rng.chance(0.35) {
                        me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1);
                    } else if me.rng.chance(0.25) {
                        me.sell_all(m, o, t);
                    }
                }
            } else if me.rng.chance(0.55) {
                o = if d > 0.0 { 0 } else { 1 };
                me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1);
            }
        }
    }
}

pub fn hourly_scalper(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let daily = rng.range(0.6, 1.3);
    let mut p = Person::new(rng, region, Shape::Day, daily);
    p.weekend = rng.range(0.1, 0.5);
    p.sess = rng.range(40.0, 120.0);
    let med = rng.range(100.0, 900.0);
    let crypto = rng.range(0.0, 0.4);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut last: Option<u32> = None;
    for (s, e) in sessions {
        let mut t = s + me.rng.int(10, 200);
        while t < e {
            let m = match last.filter(|&m| me.sim.w.m(m).is_open(t) && me.rng.chance(0.6)) {
                Some(m) => m,
                None => {
                    let r = me.rng.f();
                    let pick = if r < crypto {
                        let a = if me.rng.chance(0.7) { 0 } else { 1 };
                        Some(me.sim.w.crypto(a, 1, t))
                    } else if r < crypto + 0.3 {
                        let g = games(&me.sim.w, t, -2 * HOUR, 5 * HOUR, ALL);
                        if g.is_empty() { None } else { Some(*me.rng.pick(&g)) }
                    } else {
                        let l = long_markets(&me.sim.w, t, 2.0);
                        by_pop(me.rng, &me.sim.w, &l)
                    };
                    match pick {
                        Some(m) => m,
                        None => {
                            t += 10 * MIN;
                            continue;
                        }
                    }
                }
            };
            last = Some(m);
            let o = me.rng.int(0, 1) as u8;
            let Some((bid, ask)) = me.sim.quote(m, o, t) else {
                t += 5 * MIN;
                continue;
            };
            if ask - bid > 3 || !(8..=92).contains(&ask) {
                t += me.rng.int(60, 400);
                continue;
            }
            let size = human_shares(me.rng, med);
            let got = if me.rng.chance(0.75) {
                me.buy(m, o, t, Want::Sh(size), 1).map(|x| x.cents)
            } else {
                let parts = me.rest(Limit { m, o, buy: true, c: bid, size }, t, t + 20 * MIN);
                if parts.is_empty() { None } else { Some(bid) }
            };
            let hold = (me.rng.lognormal(15.0, 0.8).clamp(1.0, 90.0) * 60.0) as i64;
            let t_exit = t + hold;
            if let Some(entry) = got {
                if me.rng.chance(0.35) {
                    let h = me.held(m, o);
                    let c = (entry + me.rng.int(1, 2) as u8).min(99);
                    me.rest(Limit { m, o, buy: false, c, size: h }, t + 30, t_exit + 30 * MIN);
                }
                if me.held(m, o) > 0 {
                    me.sell_all(m, o, t_exit + me.rng.int(0, 40));
                }
            }
            t = t_exit + (me.rng.lognormal(5.0, 0.8) * 60.0) as i64;
        }
    }
}

pub fn dip_buyer(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, if rng.chance(0.5) { Shape::Spread } else { Shape::Day }, 1.0);
    let base = rng.lognormal(150.0, 0.7);
    let mut me = Me::new(sim, rng, ids[i]);
    let pool = long_markets(&me.sim.w, START + DAY, 0.8);
    let n = me.rng.int(5, 14) as usize;
    let mut watch: Vec<u32> = Vec::new();
    for _ in 0..n * 3 {
        if let Some(m) = by_pop(me.rng, &me.sim.w, &pool)
            && !watch.contains(&m)
        {
            watch.push(m);
        }
        if watch.len() >= n {
            break;
        }
    }
    let thr = me.rng.range(0.03, 0.06);
    let take_profit = me.rng.range(0.04, 0.1);
    for m in watch {
        let evs: Vec<(i64, f64)> = me.sim.w.events_of(m).filter(|e| f64::from(e.d).abs() >= thr).map(|e| (e.t, f64::from(e.d))).collect();
        for (te, d) in evs {
            if !me.rng.chance(0.5) {
                continue;
            }
            let od: u8 = if d < 0.0 { 0 } else { 1 };
            let t = p.notice(me.rng, te, 40.0);
            let usd = human_usd(me.rng, base * (1.0 + d.abs() * 5.0), 0.5);
            let Some(x) = me.buy(m, od, t, Want::Usd(usd), 1) else { continue };
            if me.rng.chance(0.65) {
                let level = f64::from(x.cents) / 100.0 + take_profit;
                if let Some(tu) = me.sim.w.m(m).first_cross(od, t + HOUR, NOW, level, false) {
                    let ts = p.notice(me.rng, tu, 120.0);
                    let h = me.held(m, od);
                    let q = if me.rng.chance(0.6) { h } else { h / 2 };
                    me.sell(m, od, ts, q, 1);
                }
            }
        }
    }
}

pub fn ladder_limit_builder(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let mut p = Person::new(rng, region, if rng.chance(0.5) { Shape::Evening } else { Shape::Day }, rng.range(0.15, 0.35));
    p.sess = 20.0;
    let med = rng.range(100.0, 600.0);
    let grow = rng.chance(0.5);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, _) in sessions.into_iter().take(10) {
        let t = s + me.rng.int(60, 600);
        let pool: Vec<u32> = long_markets(&me.sim.w, t, 1.0).into_iter().filter(|&m| me.sim.w.m(m).close > t + 3 * DAY).collect();
        let Some(m) = by_pop(me.rng, &me.sim.w, &pool) else { continue };
        let o = me.rng.int(0, 1) as u8;
        let Some((bid, _)) = me.sim.quote(m, o, t) else { continue };
        if !(10..=90).contains(&bid) {
            continue;
        }
        let k = me.rng.int(3, 6) as u8;
        let step = *me.rng.pick(&[1u8, 2, 2, 3, 5]);
        let start = bid.saturating_sub(me.rng.int(0, 2) as u8);
        let base = human_shares(me.rng, med);
        let expiry = t + me.rng.int(DAY, 10 * DAY);
        let mut filled = 0u64;
        let mut cost = 0.0;
        let mut last_fill = t;
        for j in 0..k {
            let c = start.saturating_sub(j * step);
            if c < 2 {
                break;
            }
            let size = if grow { hund((shares(base) * (1.0 + 0.5 * f64::from(j)) / 10.0).round() * 10.0) } else { base };
            for (tf, q) in me.rest(Limit { m, o, buy: true, c, size }, t + i64::from(j) * me.rng.int(5, 40), expiry) {
                filled += q;
                cost += shares(q) * f64::from(c);
                last_fill = last_fill.max(tf);
            }
        }
        if filled >= 1000 && me.rng.chance(0.55) {
            let avg = cost / shares(filled);
            let levels = me.rng.int(2, 3) as u64;
            let per = (filled / levels / 1000).max(1) * 1000;
            let mut left = me.held(m, o);
            for j in 0..levels {
                if left < 500 {
                    break;
                }
                let q = if j + 1 == levels { left } else { per.min(left) };
                let c = cents(avg / 100.0 + 0.04 + 0.04 * j as f64 + me.rng.range(0.0, 0.04));
                if c >= 97 {
                    break;
                }
                let parts = me.rest(Limit { m, o, buy: false, c, size: q }, last_fill + me.rng.int(HOUR, DAY), NOW);
                left -= parts.iter().map(|p| p.1).sum::<u64>().min(left);
            }
        }
    }
}

fn shares(h: u64) -> f64 {
    h as f64 / 100.0
}

pub fn whale_conviction(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, Shape::Spread, 0.3);
    let base = rng.lognormal(15_000.0, 0.7);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let n_bets = 2 + me.rng.poisson(5.0) as usize;
    let mut picked = Vec::new();
    for _ in 0..n_bets {
        if sessions.is_empty() {
            break;
        }
        picked.push(sessions[me.rng.below(sessions.len())]);
    }
    picked.sort();
    for (s, _) in picked {
        let mut t = s + me.rng.int(60, 900);
        let m = if me.rng.chance(0.3) {
            let g = games(&me.sim.w, t, HOUR, 2 * DAY, &[League::Nfl, League::Cfb, League::Nba, League::Soccer]);
            if g.is_empty() {
                continue;
            }
            *me.rng.pick(&g)
        } else {
            let l = long_markets(&me.sim.w, t, 2.5);
            let Some(m) = by_pop(me.rng, &me.sim.w, &l) else { continue };
            m
        };
        let o = if me.rng.chance(0.6) { fav(&me.sim.w, m, t) } else { 1 - fav(&me.sim.w, m, t) };
        let total = human_usd(me.rng, base, 0.6).clamp(2000.0, 150_000.0);
        let chunks = me.rng.int(2, 6);
        for _ in 0..chunks {
            let usd = human_usd(me.rng, total / chunks as f64, 0.3);
            me.buy(m, o, t, Want::Usd(usd), me.rng.int(1, 3) as u8);
            t += me.rng.int(20, 200);
        }
        if me.rng.chance(0.25) {
            let later = t + me.rng.int(6 * HOUR, 6 * DAY);
            if p.awake(later) {
                if me.rng.chance(0.6) {
                    me.buy(m, o, later, Want::Usd(human_usd(me.rng, total / 3.0, 0.4)), 2);
                } else {
                    let h = me.held(m, o) / 3;
                    me.sell(m, o, later, h, 2);
                }
            }
        }
    }
}

pub fn news_reader(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, if rng.chance(0.5) { Shape::Day } else { Shape::Spread }, 0.6);
    let base = rng.lognormal(120.0, 0.8);
    let attention = rng.range(0.1, 0.3);
    let delay = rng.range(8.0, 45.0);
    let with_news = rng.range(0.6, 0.9);
    let cap = rng.int(8, 40);
    let mut me = Me::new(sim, rng, ids[i]);
    let evs: Vec<(i64, u32, f64)> = me
        .sim
        .w
        .events_in(START, NOW)
        .iter()
        .filter(|e| f64::from(e.d).abs() >= 0.05)
        .filter(|e| matches!(me.sim.w.m(e.m).cat, Cat::Election | Cat::Politics | Cat::News | Cat::Culture))
        .map(|e| (e.t, e.m, f64::from(e.d)))
        .collect();
    let mut count = 0;
    for (te, m, d) in evs {
        if count >= cap || !me.rng.chance(attention) || p.is_away(te) {
            continue;
        }
        let t = p.notice(me.rng, te, delay);
        if t - te > 14 * HOUR {
            continue;
        }
        let up: u8 = if d > 0.0 { 0 } else { 1 };
        let o = if me.rng.chance(with_news) { up } else { 1 - up };
        if me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1).is_some() {
            count += 1;
            if me.rng.chance(0.4) {
                let later = p.notice(me.rng, t + me.rng.int(6 * HOUR, 5 * DAY), 30.0);
                me.sell_all(m, o, later);
            }
        }
    }
    let sessions = p.sessions(me.rng, START, NOW);
    for (s, _) in sessions {
        if me.rng.chance(0.12) {
            let l = long_markets(&me.sim.w, s, 1.5);
            if let Some(m) = by_pop(me.rng, &me.sim.w, &l) {
                let o = me.rng.int(0, 1) as u8;
                me.buy(m, o, s + 120, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
            }
        }
    }
}

/// Markets closing within `h` hours of `t` whose favourite trades between lo and hi.
fn near_close(w: &World, t: i64, h: i64, lo: u8, hi: u8) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    for m in 0..w.n_static as u32 {
        let mk = w.m(m);
        if !mk.is_open(t) || mk.close > t + h * HOUR {
            continue;
        }
        let o = if mk.mid(t) >= 0.5 { 0 } else { 1 };
        if let Some((_, ask)) = mk.quote(o, t)
            && (lo..=hi).contains(&ask)
        {
            out.push((m, o));
        }
    }
    out
}

pub fn favourite_near_close_buyer(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, if rng.chance(0.5) { Shape::Day } else { Shape::Evening }, rng.range(0.4, 1.2));
    let base = rng.lognormal(300.0, 0.8);
    let lo = rng.int(86, 91) as u8;
    let hi = rng.int(95, 98) as u8;
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, e) in sessions {
        let t = s + me.rng.int(30, 300);
        let c = near_close(&me.sim.w, t, 20, lo, hi);
        if c.is_empty() {
            continue;
        }
        let mut t = t;
        for _ in 0..me.rng.int(1, 3) {
            let (m, o) = *me.rng.pick(&c);
            if me.held(m, o) > 0 {
                continue;
            }
            me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
            t += me.rng.int(30, 240);
            if t > e + 10 * MIN {
                break;
            }
        }
    }
}

pub fn asia_timezone_trader(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::Fixed(*rng.pick(&[7, 8, 8, 9, 9, 10]));
    let p = Person::new(rng, region, if rng.chance(0.5) { Shape::Evening } else { Shape::Spread }, rng.range(0.6, 1.6));
    let base = rng.lognormal(60.0, 0.8);
    let mix_w = [rng.range(0.1, 0.5), rng.range(0.1, 0.4), rng.range(0.1, 0.4), rng.range(0.0, 0.3)];
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, e) in sessions {
        let mut t = s + me.rng.int(20, 300);
        for _ in 0..1 + me.rng.poisson(1.5) {
            if t > e + 5 * MIN {
                break;
            }
            match me.rng.weighted(&mix_w) {
                0 => {
                    let a = *me.rng.pick(&[0u8, 0, 1, 2]);
                    let hz = if me.rng.chance(0.7) { 1 } else { 0 };
                    let m = me.sim.w.crypto(a, hz, t);
                    let o = me.rng.int(0, 1) as u8;
                    if me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1).is_some() && me.rng.chance(0.3) {
                        let close = me.sim.w.m(m).close;
                        let ts = t + me.rng.int(2 * MIN, (close - t - 60).max(2 * MIN + 1));
                        me.sell_all(m, o, ts);
                    }
                }
                1 => {
                    let l = long_markets(&me.sim.w, t, 1.0);
                    if let Some(m) = by_pop(me.rng, &me.sim.w, &l) {
                        let o = me.rng.int(0, 1) as u8;
                        me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1);
                    }
                }
                2 => {
                    let g = games(&me.sim.w, t, -2 * HOUR, 10 * HOUR, &[League::Soccer, League::Nba, League::Nfl]);
                    if !g.is_empty() {
                        let m = *me.rng.pick(&g);
                        let o = side(me.rng, &me.sim.w, m, t, 0.6);
                        me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1);
                    }
                }
                _ => {
                    let wx: Vec<u32> = me.sim.w.wx.iter().filter(|x| x.0 == 2 && x.1 > t && x.1 < t + 30 * HOUR).map(|x| x.2).collect();
                    if let Some(&g) = wx.first() {
                        let ms = me.sim.w.groups[g as usize].clone();
                        let best = ms.iter().copied().max_by(|a, b| me.sim.w.m(*a).mid(t).total_cmp(&me.sim.w.m(*b).mid(t)));
                        if let Some(m) = best {
                            me.buy(m, 0, t, Want::Usd(human_usd(me.rng, base * 0.3, 0.5)), 1);
                        }
                    }
                }
            }
            t += me.rng.int(40, 600);
        }
        me.settle(t);
        if !me.pos.is_empty() && me.rng.chance(0.15) {
            let keys: Vec<(u32, u8)> = me.pos.keys().copied().collect();
            let k = *me.rng.pick(&keys);
            me.sell_all(k.0, k.1, t + 60);
        }
    }
}

pub fn rotating_shift_worker(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::us(rng);
    let p = Person::new(rng, region, Shape::Spread, 1.0);
    let phase = rng.int(0, 13);
    let base = rng.lognormal(40.0, 0.6);
    let per_session = rng.range(1.0, 3.0);
    // build sessions from the rota: day-shift weeks, night-shift weeks, days off
    let mut sessions = Vec::new();
    let mut d = p.day_start(START);
    while d < NOW {
        let idx = (p.local(d + 12 * HOUR)).div_euclid(DAY) + phase;
        let night = (idx / 7) % 2 == 1;
        let off = (idx % 7) >= 5 || rng.chance(0.08);
        let windows: Vec<(f64, f64, f64)> = if off {
            vec![(10.0, 14.0, 0.6), (17.0, 23.5, 1.2)]
        } else if night {
            vec![(7.5, 10.5, 1.0), (0.5, 3.5, 0.8), (19.0, 19.5, 0.3)]
        } else {
            vec![(12.0, 12.8, 0.5), (19.5, 23.5, 1.3)]
        };
        for (a, b, rate) in windows {
            for _ in 0..rng.poisson(rate) {
                let s = d + (rng.range(a, b) * HOUR as f64) as i64;
                sessions.push((s, s + rng.int(5 * MIN, 50 * MIN)));
            }
        }
        d = p.day_start(d + DAY + 2 * HOUR);
    }
    sessions.sort();
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, e) in sessions {
        if p.is_away(s) {
            continue;
        }
        let mut t = s + me.rng.int(20, 200);
        for _ in 0..me.rng.poisson(per_session) {
            if t > e {
                break;
            }
            let r = me.rng.f();
            let m = if r < 0.45 {
                let g = games(&me.sim.w, t, -2 * HOUR, 12 * HOUR, &[League::Nba, League::Nhl, League::Nfl]);
                if g.is_empty() {
                    continue;
                }
                *me.rng.pick(&g)
            } else if r < 0.7 {
                me.sim.w.crypto(0, if me.rng.chance(0.6) { 0 } else { 1 }, t)
            } else {
                let l = long_markets(&me.sim.w, t, 1.5);
                let Some(m) = by_pop(me.rng, &me.sim.w, &l) else { continue };
                m
            };
            let o = side(me.rng, &me.sim.w, m, t, 0.55);
            me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1);
            t += me.rng.int(30, 400);
        }
        me.settle(t);
        if !me.pos.is_empty() && me.rng.chance(0.12) {
            let keys: Vec<(u32, u8)> = me.pos.keys().copied().collect();
            let k = *me.rng.pick(&keys);
            me.sell_all(k.0, k.1, t + 30);
        }
    }
}

pub fn morning_routine_trader(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, Shape::Day, 1.0);
    let at = rng.range(6.3, 8.8);
    let city: u8 = match region {
        Region::Uk | Region::Europe => 1,
        Region::Fixed(h) if h >= 7 => 2,
        _ => 0,
    };
    let base = rng.lognormal(25.0, 0.6);
    let weekend_p = rng.range(0.3, 0.7);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut d = p.day_start(START + DAY);
    while d < NOW {
        let wd = p.weekday(d + 12 * HOUR);
        let go = if wd == 0 || wd == 6 { weekend_p } else { 0.88 };
        if p.is_away(d + 12 * HOUR) || !me.rng.chance(go) {
            d = p.day_start(d + DAY + 2 * HOUR);
            continue;
        }
        let late = if wd == 0 || wd == 6 { me.rng.range(0.5, 2.5) } else { 0.0 };
        let mut t = d + ((at + late) * HOUR as f64 + me.rng.normal() * 8.0 * 60.0) as i64;
        let wx: Vec<u32> = me.sim.w.wx.iter().filter(|x| x.0 == city && x.1 > t && x.1 < t + 20 * HOUR).map(|x| x.2).collect();
        if let Some(&g) = wx.first()
            && me.rng.chance(0.8)
        {
            let ms = me.sim.w.groups[g as usize].clone();
            let mut best = ms[0];
            for &m in &ms {
                if me.sim.w.m(m).mid(t) > me.sim.w.m(best).mid(t) {
                    best = m;
                }
            }
            let pick = if me.rng.chance(0.7) { best } else { *me.rng.pick(&ms) };
            me.buy(pick, 0, t, Want::Usd(human_usd(me.rng, base * 0.6, 0.5)), 1);
            t += me.rng.int(40, 240);
        }
        for _ in 0..me.rng.int(0, 2) {
            let l = long_markets(&me.sim.w, t, 2.0);
            if let Some(m) = by_pop(me.rng, &me.sim.w, &l) {
                let o = side(me.rng, &me.sim.w, m, t, 0.6);
                me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
            }
            t += me.rng.int(40, 300);
        }
        me.settle(t);
        if !me.pos.is_empty() && me.rng.chance(0.2) {
            let keys: Vec<(u32, u8)> = me.pos.keys().copied().collect();
            let k = *me.rng.pick(&keys);
            me.sell_all(k.0, k.1, t + me.rng.int(20, 120));
        }
        if me.rng.chance(0.25) {
            let tl = d + (me.rng.range(12.1, 13.0) * HOUR as f64) as i64;
            let g = games(&me.sim.w, tl, HOUR, 14 * HOUR, ALL);
            if !g.is_empty() {
                let m = *me.rng.pick(&g);
                let o = side(me.rng, &me.sim.w, m, tl, 0.6);
                me.buy(m, o, tl, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
            }
        }
        d = p.day_start(d + DAY + 2 * HOUR);
    }
}

pub fn crypto_updown_gambler(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let mut p = Person::new(rng, region, if rng.chance(0.6) { Shape::Evening } else { Shape::Night }, rng.range(0.2, 0.6));
    p.weekend = rng.range(1.2, 2.2);
    p.sess = rng.range(25.0, 70.0);
    let base = rng.lognormal(15.0, 0.7);
    let martingale = rng.chance(0.6);
    let follow = rng.range(0.3, 0.75);
    let hz_pref = rng.range(0.6, 0.95);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut losses = 0u32;
    for (s, e) in sessions {
        let a: u8 = *me.rng.pick(&[0, 0, 0, 1, 1, 2]);
        let hz: u8 = if me.rng.chance(hz_pref) { 0 } else { 1 };
        let len = if hz == 0 { 15 * MIN } else { HOUR };
        let mut w0 = s - s.rem_euclid(len);
        while w0 < e {
            let t = w0.max(s) + me.rng.int(5, if hz == 0 { 8 * MIN } else { 30 * MIN });
            if t >= w0 + len - 30 || t > e + 5 * MIN {
                w0 += len;
                continue;
            }
            let m = me.sim.w.crypto(a, hz, w0);
            let prev = me.sim.w.spot(a, w0) >= me.sim.w.spot(a, w0 - len);
            let up = if me.rng.chance(follow) { prev } else { !prev };
            let o: u8 = if up { 0 } else { 1 };
            let mult = if martingale { f64::from(1u32 << losses.min(3)) } else { 1.0 };
            let usd = human_usd(me.rng, base * mult, 0.3);
            if me.buy(m, o, t, Want::Usd(usd), 1).is_some() {
                if me.rng.chance(0.25) {
                    me.buy(m, o, t + me.rng.int(30, 180), Want::Usd(human_usd(me.rng, base, 0.4)), 1);
                }
                let end = w0 + len;
                if me.rng.chance(0.2) {
                    let ts = t + me.rng.int(60, (end - t - 20).max(61));
                    me.sell_all(m, o, ts);
                }
                let won = me.sim.w.spot(a, end) >= me.sim.w.spot(a, w0);
                if won == up {
                    losses = 0;
                } else {
                    losses += 1;
                }
            }
            w0 += len;
        }
        me.settle(e + HOUR);
    }
}

pub fn manual_copier(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let mut p = Person::new(rng, region, if rng.chance(0.5) { Shape::Spread } else { Shape::Evening }, rng.range(1.5, 4.0));
    p.sess = 6.0;
    let l = i % sim.leaders.len();
    let lead: Vec<_> = sim.leaders[l].1.clone();
    let base = rng.lognormal(60.0, 0.8);
    let take = rng.range(0.35, 0.75);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut last = START;
    let mut seen_tx = 0u64;
    for (s, _) in sessions {
        let mut t = s + me.rng.int(30, 180);
        for f in lead.iter().filter(|f| f.ts > last && f.ts <= s) {
            if f.tx == seen_tx {
                continue;
            }
            seen_tx = f.tx;
            if f.buy {
                if !me.rng.chance(take) || me.held(f.m, f.o) > 0 {
                    continue;
                }
                let usd = human_usd(me.rng, base, 0.4);
                if me.buy(f.m, f.o, t, Want::Usd(usd), 1).is_some() {
                    t += me.rng.int(40, 240);
                }
            } else if me.held(f.m, f.o) > 0 && me.rng.chance(0.6) {
                me.sell_all(f.m, f.o, t);
                t += me.rng.int(30, 200);
            }
        }
        last = s;
        me.settle(s);
    }
}

pub fn both_sides_hedger(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, Shape::Evening, rng.range(0.3, 0.8));
    let base = rng.lognormal(80.0, 0.7);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut busy_until = START;
    for (s, _) in sessions {
        if s < busy_until {
            continue;
        }
        let t = s + me.rng.int(30, 300);
        let sports = me.rng.chance(0.6);
        let m = if sports {
            let g = games(&me.sim.w, t, -30 * MIN, 8 * HOUR, ALL);
            if g.is_empty() {
                continue;
            }
            *me.rng.pick(&g)
        } else {
            let l = long_markets(&me.sim.w, t, 1.0);
            let Some(m) = by_pop(me.rng, &me.sim.w, &l) else { continue };
            m
        };
        let o = me.rng.int(0, 1) as u8;
        if me.rng.chance(0.15) {
            // a straddle: both sides at once, then drop the loser's twin later
            me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.3)), 1);
            me.buy(m, 1 - o, t + me.rng.int(15, 90), Want::Usd(human_usd(me.rng, base, 0.3)), 1);
            busy_until = t + HOUR;
            continue;
        }
        let Some(x) = me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.5)), 1) else { continue };
        let entry = f64::from(x.cents) / 100.0;
        let mk = me.sim.w.m(m);
        let horizon = if sports { mk.close } else { (t + 10 * DAY).min(mk.close) };
        let up = mk.first_cross(o, t + 5 * MIN, horizon, entry + me.rng.range(0.1, 0.2), false);
        let down = mk.first_cross(o, t + 5 * MIN, horizon, entry - me.rng.range(0.12, 0.25), true);
        let trigger = match (up, down) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(tt) = trigger
            && me.rng.chance(0.75)
        {
            let th = p.notice(me.rng, tt, if sports { 3.0 } else { 60.0 });
            let q = me.held(m, o);
            me.buy(m, 1 - o, th, Want::Sh(q), 1);
            busy_until = th;
        }
    }
}

pub fn pro_sports_grinder(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::us(rng);
    let mut p = Person::new(rng, region, Shape::Day, rng.range(1.0, 1.8));
    p.sess = rng.range(90.0, 200.0);
    p.weekend = rng.range(1.0, 1.5);
    let leagues: Vec<League> = match rng.int(0, 3) {
        0 => vec![League::Nba, League::Nhl],
        1 => vec![League::Nfl, League::Cfb],
        2 => vec![League::Nba, League::Nfl],
        _ => vec![League::Soccer, League::Nba, League::Nhl],
    };
    let base = rng.lognormal(600.0, 0.6);
    let limit_pref = rng.range(0.2, 0.7);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut done: Vec<u32> = Vec::new();
    for (s, e) in sessions {
        let mut t = s + me.rng.int(60, 600);
        let g = games(&me.sim.w, t, HOUR, 14 * HOUR, &leagues);
        for m in g {
            if done.contains(&m) || !me.rng.chance(0.6) || t > e {
                continue;
            }
            done.push(m);
            let o = me.rng.int(0, 1) as u8;
            let g0 = me.sim.w.m(m).live.map(|l| l.0).unwrap_or(t + HOUR);
            if me.rng.chance(limit_pref) {
                if let Some((bid, _)) = me.sim.quote(m, o, t) {
                    let size = human_shares(me.rng, base / 0.5 * 0.8);
                    me.rest(Limit { m, o, buy: true, c: bid, size }, t, g0);
                }
            } else {
                me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.5)), 2);
            }
            t += me.rng.int(30, 300);
        }
        // in-play adjustments on games running during the session
        for (g0, m) in me.sim.w.games_between(s - 3 * HOUR, e).to_vec() {
            if g0 > e || !leagues.contains(&league(&me.sim.w, m).unwrap_or(League::Nba)) || !me.rng.chance(0.15) {
                continue;
            }
            let tt = g0.max(s) + me.rng.int(5 * MIN, 60 * MIN);
            let o = me.rng.int(0, 1) as u8;
            if me.held(m, o) > 0 && me.rng.chance(0.5) {
                me.sell_all(m, o, tt);
            } else {
                me.buy(m, o, tt, Want::Usd(human_usd(me.rng, base * 0.5, 0.5)), 1);
            }
        }
        me.settle(e);
    }
}

pub fn volume_farming_human(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let mut p = Person::new(rng, region, if rng.chance(0.5) { Shape::Evening } else { Shape::Spread }, rng.range(0.3, 0.9));
    p.sess = rng.range(20.0, 60.0);
    let base = rng.lognormal(25.0, 0.5);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, e) in sessions {
        let mut t = s + me.rng.int(20, 120);
        let mut m_opt: Option<u32> = None;
        let reps = me.rng.int(6, 35);
        for _ in 0..reps {
            if t > e + 10 * MIN {
                break;
            }
            let m = match m_opt.filter(|&m| me.sim.w.m(m).is_open(t + 5 * MIN) && me.rng.chance(0.85)) {
                Some(m) => m,
                None => {
                    let l: Vec<u32> = long_markets(&me.sim.w, t, 4.0);
                    let pick = if me.rng.chance(0.2) { Some(me.sim.w.crypto(0, 1, t)) } else { by_pop(me.rng, &me.sim.w, &l) };
                    let Some(m) = pick else { break };
                    m
                }
            };
            m_opt = Some(m);
            let o = if me.rng.chance(0.8) { fav(&me.sim.w, m, t) } else { 1 - fav(&me.sim.w, m, t) };
            let usd = human_usd(me.rng, base, 0.35);
            if me.buy(m, o, t, Want::Usd(usd), 1).is_some() {
                let back = t + me.rng.lognormal(50.0, 0.6).clamp(8.0, 600.0) as i64;
                let h = me.held(m, o);
                let q = if me.rng.chance(0.15) { h * 99 / 100 } else { h };
                me.sell(m, o, back, q, 1);
                t = back + me.rng.lognormal(40.0, 0.7).clamp(5.0, 900.0) as i64;
            } else {
                t += 60;
            }
        }
        me.settle(e + DAY);
    }
}

pub fn momentum_chaser(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let p = Person::new(rng, region, if rng.chance(0.5) { Shape::Evening } else { Shape::Spread }, 0.8);
    let base = rng.lognormal(70.0, 0.8);
    let attention = rng.range(0.12, 0.3);
    let cap = rng.int(6, 30);
    let mut me = Me::new(sim, rng, ids[i]);
    let evs: Vec<(i64, u32, f64)> =
        me.sim.w.events_in(START, NOW).iter().filter(|e| f64::from(e.d).abs() >= 0.07).map(|e| (e.t, e.m, f64::from(e.d))).collect();
    let mut n = 0;
    for (te, m, d) in evs {
        if n >= cap || !me.rng.chance(attention * 0.5) || p.is_away(te) {
            continue;
        }
        let t = p.notice(me.rng, te, 35.0);
        if t - te > 8 * HOUR {
            continue;
        }
        let o: u8 = if d > 0.0 { 0 } else { 1 };
        let Some(x) = me.buy(m, o, t, Want::Usd(human_usd(me.rng, base, 0.6)), 1) else { continue };
        n += 1;
        let entry = f64::from(x.cents) / 100.0;
        let mk = me.sim.w.m(m);
        let stop = mk.first_cross(o, t + 60, (t + 3 * DAY).min(mk.close), entry - me.rng.range(0.04, 0.08), true);
        let tp = mk.first_cross(o, t + 60, (t + 3 * DAY).min(mk.close), entry + me.rng.range(0.06, 0.14), false);
        match (stop, tp) {
            (Some(a), b) if b.is_none_or(|b| a < b) => {
                let ts = p.notice(me.rng, a, 15.0);
                me.sell_all(m, o, ts);
            }
            (_, Some(b)) => {
                let ts = p.notice(me.rng, b, 30.0);
                let h = me.held(m, o);
                let q = if me.rng.chance(0.5) { h } else { h / 2 };
                me.sell(m, o, ts, q, 1);
            }
            _ => {}
        }
    }
}

pub fn weather_local_bettor(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let city: u8 = (i % 3) as u8;
    let region = match city {
        0 => Region::UsEast,
        1 => Region::Uk,
        _ => Region::Fixed(9),
    };
    let p = Person::new(rng, region, Shape::Day, 1.0);
    let base = rng.lognormal(20.0, 0.6);
    let at = rng.range(6.5, 9.5);
    let days_p = rng.range(0.5, 0.9);
    let mut me = Me::new(sim, rng, ids[i]);
    let list: Vec<(u8, i64, u32)> = me.sim.w.wx.iter().filter(|x| x.0 == city).copied().collect();
    for (_, peak, g) in list {
        if !me.rng.chance(days_p) {
            continue;
        }
        let tomorrow = me.rng.chance(0.3);
        let d = p.day_start(peak) - if tomorrow { DAY } else { 0 };
        let t = d + ((at + me.rng.normal() * 0.7) * HOUR as f64) as i64;
        if p.is_away(t) {
            continue;
        }
        let ms = me.sim.w.groups[g as usize].clone();
        let mut order = ms.clone();
        order.sort_by(|a, b| me.sim.w.m(*b).mid(t).total_cmp(&me.sim.w.m(*a).mid(t)));
        let pick = if me.rng.chance(0.65) { order[0] } else { order[1.min(order.len() - 1)] };
        me.buy(pick, 0, t, Want::Usd(human_usd(me.rng, base, 0.5)), 1);
        if me.rng.chance(0.3) {
            let far = order[order.len() - 1 - me.rng.below(2)];
            me.buy(far, 1, t + me.rng.int(30, 200), Want::Usd(human_usd(me.rng, base, 0.5)), 1);
        }
        if me.rng.chance(0.35) {
            let ta = p.day_start(peak) + ((me.rng.range(14.0, 18.5)) * HOUR as f64) as i64;
            if me.held(pick, 0) > 0 && price(&me.sim.w, pick, 0, ta) < 0.2 {
                me.sell_all(pick, 0, ta);
            } else {
                let top = ms.iter().copied().max_by(|a, b| me.sim.w.m(*a).mid(ta).total_cmp(&me.sim.w.m(*b).mid(ta)));
                if let Some(top) = top
                    && price(&me.sim.w, top, 0, ta) >= 0.7
                {
                    me.buy(top, 0, ta, Want::Usd(human_usd(me.rng, base * 2.0, 0.5)), 1);
                }
            }
        }
    }
}

pub fn limit_order_tool_user(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let region = Region::draw(rng);
    let mut p = Person::new(rng, region, if rng.chance(0.5) { Shape::Day } else { Shape::Evening }, rng.range(0.2, 0.45));
    p.sess = 30.0;
    let med = rng.range(50.0, 400.0);
    let tp_width = rng.range(0.08, 0.2);
    let sessions = p.sessions(rng, START, NOW);
    let mut me = Me::new(sim, rng, ids[i]);
    for (s, _) in sessions {
        let mut t = s + me.rng.int(60, 400);
        let mut pool = long_markets(&me.sim.w, t, 0.5);
        pool.extend(games(&me.sim.w, t, 2 * HOUR, 3 * DAY, ALL));
        me.rng.shuffle(&mut pool);
        for &m in pool.iter().take(me.rng.int(3, 10) as usize) {
            let o = me.rng.int(0, 1) as u8;
            let Some((bid, _)) = me.sim.quote(m, o, t) else { continue };
            let c = bid.saturating_sub(me.rng.int(2, 8) as u8);
            if c < 3 {
                continue;
            }
            let size = human_shares(me.rng, med);
            let mk = me.sim.w.m(m);
            let until = mk.live.map(|l| l.0).unwrap_or(mk.close).min(t + me.rng.int(3, 8) * DAY);
            let parts = me.rest(Limit { m, o, buy: true, c, size }, t, until);
            if let Some(&(tf, _)) = parts.last() {
                let tgt = cents((f64::from(c) / 100.0 + tp_width).min(0.97));
                let h = me.held(m, o);
                me.rest(Limit { m, o, buy: false, c: tgt, size: h }, tf + 60, NOW);
            }
            t += me.rng.int(20, 120);
        }
    }
}

/// The person behaviours: (name, count, generator).
pub type Gen = fn(&mut Sim, &Rng, &[u32], usize);

pub const PEOPLE: &[(&str, usize, Gen)] = &[
    ("casual_weekend_bettor", 14, casual_weekend_bettor),
    ("inplay_sports_fan", 13, inplay_sports_fan),
    ("hourly_scalper", 12, hourly_scalper),
    ("dip_buyer", 12, dip_buyer),
    ("ladder_limit_builder", 12, ladder_limit_builder),
    ("whale_conviction", 12, whale_conviction),
    ("news_reader", 13, news_reader),
    ("favourite_near_close_buyer", 12, favourite_near_close_buyer),
    ("asia_timezone_trader", 12, asia_timezone_trader),
    ("rotating_shift_worker", 11, rotating_shift_worker),
    ("morning_routine_trader", 12, morning_routine_trader),
    ("crypto_updown_gambler", 13, crypto_updown_gambler),
    ("manual_copier", 12, manual_copier),
    ("both_sides_hedger", 12, both_sides_hedger),
    ("pro_sports_grinder", 12, pro_sports_grinder),
    ("volume_farming_human", 11, volume_farming_human),
    ("momentum_chaser", 12, momentum_chaser),
    ("weather_local_bettor", 12, weather_local_bettor),
    ("limit_order_tool_user", 12, limit_order_tool_user),
];
