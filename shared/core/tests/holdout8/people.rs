//! People: each function writes the month of every wallet it is given.

use super::ctx::{Ctx, Fill, Person, in_window, nice, shares_for, whole};
use super::markets::{Cat, DAY, HOUR, OSCARS, SB_KICK};
use super::names::CITIES;
use super::rng::Rng;
use super::{NOW, W0};

use Cat::*;

fn sports_for(p: &Person) -> Vec<Cat> {
    if p.european() {
        vec![Soccer, Soccer, Soccer, Tennis, Nba]
    } else if p.american() {
        vec![Nba, Nba, Nhl, Ncaab, Ncaab, Ufc]
    } else {
        vec![Nba, Soccer, Esports, Esports, Tennis]
    }
}

pub fn sb_market(c: &Ctx) -> Option<u32> {
    c.mk.games.iter().copied().find(|&m| c.mk.get(m).cat == Nfl && c.mk.get(m).main)
}

/// Every market of the Super Bowl night.
pub fn sb_group(c: &Ctx) -> Vec<u32> {
    match sb_market(c) {
        Some(m) => c.mk.groups.get(&c.mk.get(m).group).cloned().unwrap_or_default(),
        None => Vec::new(),
    }
}

fn oscar_markets(c: &Ctx) -> Vec<u32> {
    c.mk.long.iter().copied().filter(|&m| c.mk.get(m).cat == Oscars).collect()
}

/// A last resort so every person has at least one fill: one ordinary bet.
fn ensure(c: &mut Ctx, r: &Rng, w: u32, p: &Person) {
    let (d0, d1) = p.days();
    let mut guard = 0;
    while c.n(w) == 0 && guard < 300 {
        guard += 1;
        let d = r.int(d0, d1);
        let t = p.time_on(r, d);
        if !in_window(t) {
            continue;
        }
        let m = match c.upcoming(r, t, 30 * HOUR, &[Nba, Soccer, Nhl, Ncaab, Tennis], false) {
            Some(m) => Some(m),
            None => {
                let ms = c.long_open(t, &[Politics, Culture, Econ]);
                c.by_weight(r, &ms)
            }
        };
        if let Some(m) = m {
            let o = c.favourite(m, t);
            let usd = p.usd(r, 15.0, 0.6);
            c.take_usd(r, w, m, o, true, t, usd);
        }
    }
}

/// Bets a few times a month on tonight's games, mostly favourites, holds to the final whistle.
pub fn casual_sports(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let sb = sb_market(c);
    for &w in ws {
        let p = Person::new(r);
        let cats = sports_for(&p);
        let n = (r.pareto(1.4, 1.3) as usize).clamp(1, 14);
        let (d0, d1) = p.days();
        let from = if r.chance(0.3) { r.int(d0, d1 - 2) } else { d0 };
        let times = p.sessions(r, n, from, d1, 2.3);
        for t in times {
            let sport = r.pick(&cats);
            let side = r.chance(0.15);
            let m = match sb {
                Some(sb) if p.american() && t > SB_KICK - 3 * DAY && t < SB_KICK + 3 * HOUR && r.chance(0.8) => Some(sb),
                _ => c.upcoming(r, t, 9 * HOUR, &[sport], side).or_else(|| c.upcoming(r, t, 30 * HOUR, &cats, false)),
            };
            let Some(m) = m else { continue };
            let fav = c.favourite(m, t);
            let o = if r.chance(0.68) { fav } else { 1 - fav };
            let usd = p.usd(r, 20.0, 0.9);
            if let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, usd)
                && r.chance(0.1)
            {
                let ts = c.mk.get(m).live + r.int(15 * 60, 100 * 60);
                if p.awake(ts) && c.mk.mid(m, o, ts) > 0.15 {
                    c.take(r, w, m, o, false, ts, sz);
                }
            }
            if r.chance(0.2) {
                let t2 = t + r.int(20, 400);
                if let Some(m2) = c.upcoming(r, t2, 12 * HOUR, &cats, false)
                    && m2 != m
                {
                    let o2 = c.favourite(m2, t2);
                    let usd = p.usd(r, 15.0, 0.7);
                    c.take_usd(r, w, m2, o2, true, t2, usd);
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Holds views on elections and the Fed; buys a few times, adds on dips, rarely sells.
pub fn politics_holder(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let mut p = Person::new(r);
        p.scale *= 2.0;
        let (d0, d1) = p.days();
        let pool: Vec<u32> =
            c.long_open(W0 + DAY, &[Politics, Econ]).into_iter().filter(|&m| c.mk.get(m).decided > W0 + 12 * DAY).collect();
        let k = r.int(1, 3);
        let mut picks: Vec<(u32, u8)> = Vec::new();
        for _ in 0..k {
            if let Some(m) = c.by_weight(r, &pool) {
                let p0 = c.mk.mid(m, 0, W0 + DAY);
                let o = if p0 < 0.15 && r.chance(0.6) {
                    1
                } else if r.chance(0.72) {
                    0
                } else {
                    1
                };
                picks.push((m, o));
            }
        }
        if picks.is_empty() {
            ensure(c, r, w, &p);
            continue;
        }
        let n = r.int(1, 7) as usize;
        let times = p.sessions(r, n, d0, d1, 0.8);
        for t in times {
            let (m, o) = r.pick(&picks);
            if !c.mk.tradable(m, t) {
                continue;
            }
            let usd = p.usd(r, 300.0, 1.0);
            if r.chance(0.4) {
                let bid = c.mk.cents(m, o, t, true, false);
                let limit = bid.saturating_sub(r.int(0, 3) as u8).max(1);
                let sz = if r.chance(0.5) { whole(nice(usd / (limit as f64 / 100.0))) } else { shares_for(usd, limit) };
                let until = t + r.int(6, 120) * HOUR;
                c.rest(r, w, m, o, true, t, until, limit, sz);
            } else {
                c.take_usd(r, w, m, o, true, t, usd);
            }
        }
        if r.chance(0.15) {
            let d = r.int(d0, d1);
            let t = p.time_on(r, d);
            let (m, o) = picks[0];
            let h = c.held(mark, w, m, o);
            if h >= 1_000 && c.mk.tradable(m, t) {
                c.take(r, w, m, o, false, t, h / 2);
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Watches games live and trades swings: in and out within the hour, several times a game.
pub fn in_play_trader(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(r);
        let cats = sports_for(&p);
        let n_games = (r.pareto(1.0, 1.1) as usize).clamp(1, 10);
        let (d0, d1) = p.days();
        for _ in 0..n_games {
            let day = r.int(d0, d1);
            let weekend_day = p.weekend(p.at(day, 12 * HOUR));
            let t0 = if weekend_day && p.european() { p.between(r, day, 13, 22) } else { p.between(r, day, 18, 24) };
            let side = r.chance(0.1);
            let (m, mut t) = match c.live(r, t0, &cats, side) {
                Some(m) => (m, t0),
                None => match c.upcoming(r, t0, 2 * HOUR, &cats, false) {
                    Some(m) => {
                        let live = c.mk.get(m).live;
                        (m, live + r.int(300, 1_800))
                    }
                    None => continue,
                },
            };
            let dec = c.mk.get(m).decided;
            let mut actions = r.int(1, 5);
            while actions > 0 && t < dec - 60 {
                let before = c.mk.mid(m, 0, t - 600);
                let now = c.mk.mid(m, 0, t);
                let dip = r.chance(0.55);
                let o = if (now < before) == dip { 0 } else { 1 };
                let usd = p.usd(r, 120.0, 0.8);
                let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, usd) else { break };
                let ts = t + r.lognormal(900.0, 0.8) as i64;
                if ts < dec && r.chance(0.85) {
                    if r.chance(0.25) && sz >= 2_000 {
                        c.take(r, w, m, o, false, ts, sz / 2);
                        let ts2 = ts + r.lognormal(600.0, 0.7) as i64;
                        if ts2 < dec {
                            c.take(r, w, m, o, false, ts2, sz - sz / 2);
                        }
                    } else {
                        c.take(r, w, m, o, false, ts, sz);
                    }
                }
                t = ts + r.lognormal(400.0, 0.9) as i64;
                actions -= 1;
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Punts on 15-minute / hourly coin moves from a phone, chasing losses for a few intervals.
pub fn crypto_phone_punter(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mut p = Person::new(r);
        p.shift += r.int(0, 2);
        let asset = if r.chance(0.72) { 0 } else { r.int(1, 3) as u8 };
        let period = [900, HOUR, 300, DAY][r.weighted(&[0.45, 0.3, 0.17, 0.08])];
        let (d0, d1) = p.days();
        let n = (r.pareto(2.0, 1.1) as usize).clamp(1, 16);
        let times = p.sessions(r, n, d0, d1, 1.3);
        for t0 in times {
            let k = r.int(1, 5);
            let mut stake = p.usd(r, 10.0, 0.6).max(3.0);
            let mut t = t0;
            for _ in 0..k {
                if !in_window(t) {
                    break;
                }
                let m = c.mk.updown(asset, period, t);
                let end = c.mk.get(m).close;
                if end - t < 20 {
                    t = end + r.int(5, 60);
                    continue;
                }
                let up = c.mk.mid(m, 0, t);
                let o = if r.chance(0.6) {
                    if up >= 0.5 { 0 } else { 1 }
                } else if r.chance(0.5) {
                    0
                } else {
                    1
                };
                if let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, stake) {
                    if r.chance(0.2) {
                        let ts = t + r.int(30, (end - t - 5).max(31));
                        if c.mk.mid(m, o, ts) > 0.8 {
                            c.take(r, w, m, o, false, ts, sz);
                        }
                    }
                    if c.mk.get(m).winner != o && end < NOW && r.chance(0.4) {
                        stake = (stake * 2.0).min(400.0);
                    }
                }
                t = end + r.int(5, (period / 2).max(10));
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Buys tokens at one to eight cents everywhere and waits for a miracle.
pub fn longshot_buyer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let n = (r.pareto(3.0, 1.3) as usize).clamp(3, 22);
        let times = p.sessions(r, n, d0, d1, 1.2);
        let mut last: Option<(u32, u8)> = None;
        for t in times {
            if let Some((m, o)) = last
                && r.chance(0.2)
                && c.mk.tradable(m, t)
                && c.mk.mid(m, o, t) < 0.1
            {
                let usd = p.usd(r, 6.0, 0.7);
                c.take_usd(r, w, m, o, true, t, usd);
                continue;
            }
            let longs = c.long_open(t, &[Politics, Culture, Oscars, Tweets, Weather, CryptoPrice, Mentions, F1, Nfl]);
            let mut cands: Vec<(u32, u8)> = Vec::new();
            for _ in 0..40 {
                if longs.is_empty() {
                    break;
                }
                let m = r.pick(&longs);
                for o in 0..2u8 {
                    let x = c.mk.mid(m, o, t);
                    if (0.006..0.08).contains(&x) {
                        cands.push((m, o));
                    }
                }
            }
            for m in c.mk.in_play(t) {
                for o in 0..2u8 {
                    if c.mk.mid(m, o, t) < 0.09 {
                        cands.push((m, o));
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            let (m, o) = r.pick(&cands);
            let usd = p.usd(r, 8.0, 0.8);
            if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                last = Some((m, o));
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Moments prices jumped on news, outside resolution: (time, market).
pub fn news_moments(c: &Ctx) -> Vec<(i64, u32)> {
    let mut out = Vec::new();
    for &m in &c.mk.long {
        let k = c.mk.get(m);
        if !matches!(k.cat, Politics | Econ | Culture | CryptoPrice | Oscars | F1 | Nfl) {
            continue;
        }
        for &e in &k.events {
            if in_window(e) && e < k.decided - 600 {
                out.push((e, m));
            }
        }
    }
    for &m in &c.mk.games {
        let k = c.mk.get(m);
        if !k.main {
            continue;
        }
        for &e in &k.events {
            if in_window(e) && e < k.live {
                out.push((e, m));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Reads the news, then buys where it moved the price — minutes to hours later.
pub fn news_reactor(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let news = news_moments(c);
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let bursts = r.int(1, 5);
        for _ in 0..bursts {
            for _ in 0..30 {
                let (te, m) = r.pick(&news);
                let t = p.next_awake(r, te + r.lognormal(1_200.0, 0.9) as i64);
                if t - te > 16 * HOUR || !c.mk.tradable(m, t) {
                    continue;
                }
                let before = c.mk.mid(m, 0, te - 60);
                let after = c.mk.mid(m, 0, te + 600);
                let o = if (after > before) == r.chance(0.82) { 0 } else { 1 };
                let usd = p.usd(r, 150.0, 1.0);
                let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, usd) else { continue };
                if r.chance(0.4) {
                    let g = c.mk.get(m).group;
                    let others: Vec<u32> = c.mk.groups.get(&g).cloned().unwrap_or_default().into_iter().filter(|&x| x != m).collect();
                    if !others.is_empty() {
                        let m2 = r.pick(&others);
                        let t2 = t + r.int(60, 900);
                        let o2 = if r.chance(0.6) { 1 } else { 0 };
                        let usd = p.usd(r, 80.0, 0.8);
                        c.take_usd(r, w, m2, o2, true, t2, usd);
                    }
                }
                if r.chance(0.3) {
                    let ts = p.next_awake(r, t + r.int(HOUR, 3 * DAY));
                    let h = c.held(mark, w, m, o).min(sz);
                    if h > 0 {
                        c.take(r, w, m, o, false, ts, h);
                    }
                }
                break;
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Trades a handful of medium-term markets on work days: buys dips, sells bounces.
pub fn swing_trader(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let mut p = Person::new(r);
        p.scale *= 1.8;
        let pool: Vec<u32> = c
            .long_open(W0 + 2 * DAY, &[Politics, Econ, CryptoPrice, Culture, Oscars])
            .into_iter()
            .filter(|&m| c.mk.get(m).decided > W0 + 10 * DAY)
            .collect();
        let k = r.int(3, 8);
        let uni: Vec<u32> = (0..k).filter_map(|_| c.by_weight(r, &pool)).collect();
        let (d0, d1) = p.days();
        let busy = r.range(0.2, 0.6);
        let mut entry: Vec<(u32, u8, u8, i64)> = Vec::new();
        for d in d0..=d1 {
            if (p.weekend(p.at(d, 12 * HOUR)) && r.chance(0.8)) || !r.chance(busy) {
                continue;
            }
            let n = r.int(1, 3);
            for _ in 0..n {
                let t = if r.chance(0.7) { p.between(r, d, 9, 18) } else { p.between(r, d, 19, 23) };
                if !in_window(t) || uni.is_empty() {
                    continue;
                }
                let m = r.pick(&uni);
                if !c.mk.tradable(m, t) {
                    continue;
                }
                if let Some(i) = entry.iter().position(|e| e.0 == m) {
                    let (_, o, ec, et) = entry[i];
                    let bid = c.mk.cents(m, o, t, false, true);
                    if bid >= ec + r.int(2, 5) as u8 || (t - et > 2 * DAY && r.chance(0.4)) || bid + 6 < ec {
                        let h = c.held(mark, w, m, o);
                        if h > 0 {
                            if r.chance(0.7) {
                                c.take(r, w, m, o, false, t, h);
                            } else {
                                let ask = c.mk.cents(m, o, t, false, false);
                                c.rest(r, w, m, o, false, t, t + DAY, ask + 1, h);
                            }
                        }
                        entry.remove(i);
                    }
                    continue;
                }
                let o = if c.mk.mid(m, 0, t) < c.mk.mid(m, 0, t - DAY) - 0.015 { 0 } else { r.below(2) as u8 };
                let usd = p.usd(r, 400.0, 0.8);
                if r.chance(0.35) {
                    let bid = c.mk.cents(m, o, t, true, false);
                    let sz = shares_for(usd, bid);
                    if c.rest(r, w, m, o, true, t, t + 8 * HOUR, bid, sz) > 0 {
                        entry.push((m, o, bid, t));
                    }
                } else if let Some((cp, _)) = c.take_usd(r, w, m, o, true, t, usd) {
                    entry.push((m, o, cp, t));
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// A few very large bets in the biggest markets, often sweeping the book.
pub fn whale(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let sb = sb_market(c);
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let n = r.int(1, 5) as usize;
        let times = p.sessions(r, n, d0, d1, 1.0);
        for t in times {
            let m = match sb {
                Some(sb) if c.mk.tradable(sb, t) && t < SB_KICK && r.chance(0.6) => Some(sb),
                _ => {
                    if r.chance(0.3) {
                        c.upcoming(r, t, 24 * HOUR, &[Soccer, Nba], false)
                    } else {
                        let ms: Vec<u32> =
                            c.long_open(t, &[Politics, Econ, Oscars]).into_iter().filter(|&m| c.mk.get(m).weight >= 2.0).collect();
                        c.by_weight(r, &ms)
                    }
                }
            };
            let Some(m) = m else { continue };
            let fav = c.favourite(m, t);
            let o = if r.chance(0.6) { fav } else { 1 - fav };
            let usd = r.lognormal(12_000.0, 0.9).clamp(2_000.0, 250_000.0);
            let usd = if r.chance(0.6) { nice(usd) } else { usd.round() };
            if r.chance(0.55) {
                c.take_usd(r, w, m, o, true, t, usd);
            } else {
                let k = r.int(2, 6);
                let mut ts = t;
                for _ in 0..k {
                    if r.chance(0.25) {
                        let bid = c.mk.cents(m, o, ts, true, false);
                        let sz = shares_for(usd / k as f64, bid);
                        c.rest(r, w, m, o, true, ts, ts + 6 * HOUR, bid, sz);
                    } else {
                        c.take_usd(r, w, m, o, true, ts, usd / k as f64);
                    }
                    ts += r.int(120, 1_800);
                }
            }
            if r.chance(0.2) {
                let ts = p.next_awake(r, t + r.int(3 * HOUR, 5 * DAY));
                let h = c.held(mark, w, m, o);
                if h > 0 {
                    c.take(r, w, m, o, false, ts, h / 2);
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Places ladders of limit buys under the market in round share sizes, then a ladder of sells.
pub fn limit_ladder(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let n = r.int(1, 4) as usize;
        let times = p.sessions(r, n, d0, d1.max(d0 + 1) - 1, 1.0);
        for t in times {
            let m = if r.chance(0.3) {
                c.upcoming(r, t, 48 * HOUR, &[Nba, Soccer, Nhl, Ncaab], false)
            } else {
                let ms = c.long_open(t, &[Politics, Econ, Culture, CryptoPrice, Oscars, Tweets]);
                c.by_weight(r, &ms)
            };
            let Some(m) = m else { continue };
            let o = r.below(2) as u8;
            let bid = c.mk.cents(m, o, t, true, false);
            if bid < 4 {
                continue;
            }
            let rungs = r.int(2, 5);
            let gap = r.int(1, 3) as u8;
            let unit = nice(r.lognormal(100.0 * p.scale, 0.7)).max(10.0);
            let pyramid = r.chance(0.5);
            let until = t + r.int(1, 7) * DAY;
            let mut filled = 0u32;
            let mut cost = 0u64;
            let mut tp = t;
            for k in 0..rungs {
                let limit = bid.saturating_sub(gap * k as u8).max(1);
                let shares = if pyramid { unit * (1.0 + k as f64 * 0.5) } else { unit };
                tp += r.int(5, 40);
                let f = c.rest(r, w, m, o, true, tp, until, limit, whole(shares));
                filled += f;
                cost += f as u64 * limit as u64;
            }
            if filled >= 1_000 && r.chance(0.7) {
                let avg = (cost / filled as u64) as u8;
                let t2 = p.next_awake(r, t + r.int(HOUR, 48 * HOUR));
                let k = r.int(2, 4) as u32;
                let per = (filled / k / 100).max(5) * 100;
                let mut left = filled;
                for i in 0..k {
                    let sz = if i + 1 == k { left } else { per.min(left) };
                    if sz < 500 {
                        break;
                    }
                    let limit = (avg as i64 + r.int(3, 10) + 2 * i as i64).min(99) as u8;
                    c.rest(r, w, m, o, false, t2 + i as i64 * r.int(5, 30), NOW, limit, sz);
                    left -= sz;
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Gets alerts of what a few followed wallets do and copies some of it by hand.
pub fn manual_copier(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let k = r.int(1, 3) as usize;
        let q = r.range(0.05, 0.3);
        let cap = r.int(3, 25) as u32;
        let mut copied: Vec<Fill> = Vec::new();
        for _ in 0..k {
            let li = r.below(c.leaders.len());
            copied.extend(c.leader_fills[li].iter().map(|&i| c.fills[i]));
        }
        copied.sort_by_key(|f| f.t);
        for f in copied {
            if c.n(w) >= cap {
                break;
            }
            if (f.buy && !r.chance(q)) || (!f.buy && !r.chance(0.35)) {
                continue;
            }
            let lag =
                if p.awake(f.t) { r.lognormal(420.0, 1.0) as i64 } else { p.next_awake(r, f.t) - f.t + r.lognormal(1_800.0, 0.8) as i64 };
            let t = f.t + lag.max(40);
            if !c.mk.tradable(f.m, t) {
                continue;
            }
            if f.buy {
                let now = c.mk.cents(f.m, f.o, t, true, true);
                if now as i64 - f.c as i64 > 8 && r.chance(0.6) {
                    continue;
                }
                let usd = p.usd(r, 40.0, 0.7);
                c.take_usd(r, w, f.m, f.o, true, t, usd);
            } else {
                let h = c.held(mark, w, f.m, f.o);
                if h > 0 {
                    c.take(r, w, f.m, f.o, false, t, h);
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Takes a position, then protects it with the other side or a related market.
pub fn hedger(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let (d0, d1) = p.days();
        let episodes = r.int(1, 5);
        for _ in 0..episodes {
            let d = r.int(d0, d1);
            let t = p.time_on(r, d);
            match r.below(4) {
                0 => {
                    let cats = sports_for(&p);
                    let Some(m) = c.upcoming(r, t, 12 * HOUR, &cats, false) else { continue };
                    let o = r.below(2) as u8;
                    let usd = p.usd(r, 150.0, 0.8);
                    let Some((cp, sz)) = c.take_usd(r, w, m, o, true, t, usd) else { continue };
                    let (live, dec) = (c.mk.get(m).live, c.mk.get(m).decided);
                    let mut ts = live + 300;
                    let mut done = false;
                    while ts < dec && !done {
                        if p.awake(ts) && c.mk.mid(m, o, ts) * 100.0 >= cp as f64 + 15.0 {
                            let other = c.mk.cents(m, 1 - o, ts, true, true);
                            let lock = (sz as f64 * r.range(0.5, 1.0)) as u32;
                            if other < 60 {
                                c.take(r, w, m, 1 - o, true, ts, lock);
                            }
                            done = true;
                        }
                        ts += 120 + r.int(0, 240);
                    }
                }
                1 => {
                    let names = ["Newsom", "Vance", "Ocasio-Cortez", "Shapiro", "Rubio"];
                    let name = r.pick(&names);
                    let ms: Vec<u32> = c.long_open(t, &[Politics]).into_iter().filter(|&m| c.mk.get(m).title.contains(name)).collect();
                    if ms.len() < 2 {
                        continue;
                    }
                    let usd = p.usd(r, 200.0, 0.8);
                    c.take_usd(r, w, ms[0], 0, true, t, usd);
                    let t2 = t + r.int(60, 1_800);
                    let usd2 = usd * r.range(0.3, 0.8);
                    c.take_usd(r, w, ms[1], 1, true, t2, usd2);
                }
                2 => {
                    let ms: Vec<u32> =
                        c.long_open(t, &[Econ]).into_iter().filter(|&m| c.mk.get(m).title.contains("March 2027 meeting")).collect();
                    if ms.len() < 2 {
                        continue;
                    }
                    let usd = p.usd(r, 250.0, 0.8);
                    c.take_usd(r, w, ms[0], 0, true, t, usd);
                    let t2 = p.next_awake(r, t + r.int(600, 2 * DAY));
                    c.take_usd(r, w, ms[1], 0, true, t2, usd * r.range(0.3, 0.7));
                }
                _ => {
                    let ms: Vec<u32> =
                        c.long_open(t, &[CryptoPrice]).into_iter().filter(|&m| c.mk.get(m).title.contains("Bitcoin")).collect();
                    if ms.is_empty() {
                        continue;
                    }
                    let m = r.pick(&ms);
                    let usd = p.usd(r, 200.0, 0.8);
                    c.take_usd(r, w, m, 0, true, t, usd);
                    let t2 = t + r.int(120, 3 * HOUR);
                    let ud = c.mk.updown(0, DAY, t2);
                    let usd2 = usd * r.range(0.2, 0.5);
                    c.take_usd(r, w, ud, 1, true, t2, usd2);
                    if r.chance(0.3) {
                        let t3 = p.next_awake(r, t2 + r.int(2 * HOUR, 3 * DAY));
                        let h = c.held(mark, w, m, 0);
                        if h > 0 {
                            c.take(r, w, m, 0, false, t3, h);
                        }
                    }
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Signed up recently; tries a few small bets in whatever is trending, sometimes sells in a panic.
pub fn newcomer(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let sb = sb_market(c);
    for &w in ws {
        let p = Person::new(r);
        let first = p.next_awake(r, NOW - r.int(1, 24) * DAY - r.int(0, DAY));
        let n = r.int(1, 6);
        let mut t = first;
        for _ in 0..n {
            if !in_window(t) {
                break;
            }
            let m = match r.below(4) {
                0 => match sb {
                    Some(sb) if c.mk.tradable(sb, t) && t < SB_KICK + 3 * HOUR => Some(sb),
                    _ => c.upcoming(r, t, 12 * HOUR, &[Nba, Soccer, Ncaab], false),
                },
                1 => Some(c.mk.updown(0, if r.chance(0.6) { HOUR } else { 900 }, t)),
                2 => c.upcoming(r, t, 12 * HOUR, &[Nba, Soccer, Ncaab, Nhl], false),
                _ => {
                    let ms: Vec<u32> =
                        c.long_open(t, &[Politics, Culture, Oscars, Econ]).into_iter().filter(|&m| c.mk.get(m).weight >= 1.5).collect();
                    c.by_weight(r, &ms)
                }
            };
            if let Some(m) = m {
                let o = if r.chance(0.6) { c.favourite(m, t) } else { r.below(2) as u8 };
                let usd = p.usd(r, 10.0, 0.8);
                if let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, usd)
                    && r.chance(0.3)
                {
                    c.take(r, w, m, o, false, t + r.int(60, 1_800), sz);
                }
            }
            t += if r.chance(0.2) { r.int(DAY / 2, 2 * DAY) } else { r.lognormal(600.0, 1.2) as i64 };
            t = p.next_awake(r, t);
        }
        ensure(c, r, w, &p);
    }
}

/// Only on Saturdays and Sundays: football, fights, college hoops.
pub fn weekend_hobbyist(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(r);
        let cats = if p.european() { vec![Soccer, Soccer, Tennis, Ufc] } else { vec![Ncaab, Ufc, Nba, Nhl, Soccer] };
        let (d0, d1) = p.days();
        let weekend_days: Vec<i64> = (d0..=d1).filter(|&d| p.weekend(p.at(d, 12 * HOUR))).collect();
        let k = r.int(2, 6).min(weekend_days.len() as i64) as usize;
        let mut days = weekend_days.clone();
        r.shuffle(&mut days);
        days.truncate(k);
        if r.chance(0.08) {
            days.push(r.int(d0, d1));
        }
        for d in days {
            let bets = r.int(1, 4);
            for _ in 0..bets {
                let t = p.between(r, d, 11, 23);
                let m = if r.chance(0.3) { c.live(r, t, &cats, false) } else { c.upcoming(r, t, 6 * HOUR, &cats, false) };
                let Some(m) = m else { continue };
                let o = if r.chance(0.6) { c.favourite(m, t) } else { r.below(2) as u8 };
                let usd = p.usd(r, 25.0, 0.7);
                c.take_usd(r, w, m, o, true, t, usd);
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Buys outcomes at 93–98 cents that look settled, for a small sure return.
pub fn certainty_grinder(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mut p = Person::new(r);
        p.scale *= 1.5;
        let (d0, d1) = p.days();
        let days = r.int(1, 8) as usize;
        let mut checks = Vec::new();
        for _ in 0..days {
            let d = r.int(d0, d1);
            for _ in 0..r.int(1, 2) {
                checks.push(p.time_on(r, d));
            }
        }
        checks.sort_unstable();
        for t in checks {
            if !in_window(t) {
                continue;
            }
            let mut cands: Vec<(u32, u8)> = Vec::new();
            for m in c.mk.in_play(t) {
                for o in 0..2u8 {
                    let x = c.mk.mid(m, o, t);
                    if (0.93..0.985).contains(&x) {
                        cands.push((m, o));
                    }
                }
            }
            for m in c.long_open(t, &[Politics, Econ, Culture, CryptoPrice, Weather, Tweets, Mentions, Nfl]) {
                if c.mk.get(m).decided > t + 7 * DAY {
                    continue;
                }
                for o in 0..2u8 {
                    let x = c.mk.mid(m, o, t);
                    if (0.93..0.985).contains(&x) {
                        cands.push((m, o));
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            for _ in 0..r.int(1, 2) {
                let (m, o) = r.pick(&cands);
                let usd = p.usd(r, 600.0, 0.9);
                c.take_usd(r, w, m, o, true, t + r.int(0, 300), usd);
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Online most nights for hours: in-play flips, 5-minute coin bets, anything that moves.
pub fn degen(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let mut p = Person::new(r);
        p.shift = r.int(1, 4);
        p.round = r.range(0.2, 0.6);
        let cap = r.int(150, 700) as u32;
        let (d0, d1) = p.days();
        let active = r.range(0.45, 0.95);
        let cats = [Nba, Nhl, Ncaab, Soccer, Tennis, Esports, Ufc];
        let mut holds: Vec<(u32, u8)> = Vec::new();
        'days: for d in d0..=d1 {
            if !r.chance(active) {
                continue;
            }
            for _ in 0..r.int(1, 2) {
                let mut t = p.between(r, d, 19 + p.shift.min(3), 24) + r.int(0, 2 * HOUR);
                let end = t + r.lognormal(2.0 * HOUR as f64, 0.5) as i64;
                while t < end {
                    if c.n(w) >= cap {
                        break 'days;
                    }
                    if !in_window(t) {
                        break;
                    }
                    let a = r.weighted(&[0.35, 0.3, 0.12, 0.23]);
                    match a {
                        0 => {
                            let side = r.chance(0.2);
                            if let Some(m) = c.live(r, t, &cats, side) {
                                let o = r.below(2) as u8;
                                let usd = p.usd(r, 60.0, 1.3);
                                if let Some((_, sz)) = c.take_usd(r, w, m, o, true, t, usd) {
                                    let ts = t + r.lognormal(600.0, 0.9) as i64;
                                    if r.chance(0.7) {
                                        c.take(r, w, m, o, false, ts, sz);
                                    } else {
                                        holds.push((m, o));
                                    }
                                }
                            }
                        }
                        1 => {
                            let m = c.mk.updown(r.pick(&[0, 0, 1, 2]), if r.chance(0.5) { 300 } else { 900 }, t);
                            let o = r.below(2) as u8;
                            let usd = p.usd(r, 40.0, 1.1);
                            c.take_usd(r, w, m, o, true, t, usd);
                        }
                        2 => {
                            let ms = c.long_open(t, &[Mentions, Tweets, Culture, CryptoPrice, Politics]);
                            if let Some(m) = c.by_weight(r, &ms) {
                                let o = r.below(2) as u8;
                                let usd = p.usd(r, 50.0, 1.2);
                                if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                                    holds.push((m, o));
                                }
                            }
                        }
                        _ => {
                            if let Some(i) = (!holds.is_empty()).then(|| r.below(holds.len())) {
                                let (m, o) = holds.swap_remove(i);
                                let h = c.held(mark, w, m, o);
                                if h > 0 {
                                    c.take(r, w, m, o, false, t, h);
                                }
                            }
                        }
                    }
                    t += r.lognormal(240.0, 1.0) as i64 + 5;
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Busy on one big night (Super Bowl, Oscars): many props and markets within a few hours.
pub fn event_night(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let sb = sb_group(c);
    let osc = oscar_markets(c);
    for &w in ws {
        let mark = c.fills.len();
        let p = if r.chance(0.7) { Person::with_tz(r, r.pick(&[-5, -5, -6, -8])) } else { Person::new(r) };
        let do_sb = r.chance(0.6);
        let do_osc = !do_sb || r.chance(0.3);
        let mut nights: Vec<(Vec<u32>, i64, i64)> = Vec::new();
        if do_sb && !sb.is_empty() {
            nights.push((sb.clone(), SB_KICK - 2 * HOUR, SB_KICK + 4 * HOUR + 1_800));
        }
        if do_osc && !osc.is_empty() {
            nights.push((osc.clone(), OSCARS - HOUR, OSCARS + 4 * HOUR));
        }
        for (ms, from, to) in nights {
            let n = r.int(4, 18);
            let mut t = from + r.int(0, HOUR);
            let mut mine: Vec<(u32, u8)> = Vec::new();
            for _ in 0..n {
                if t >= to {
                    break;
                }
                let open: Vec<u32> = ms.iter().copied().filter(|&m| c.mk.tradable(m, t) && c.mk.get(m).decided > t).collect();
                if !open.is_empty() {
                    if !mine.is_empty() && r.chance(0.2) {
                        let (m, o) = mine[r.below(mine.len())];
                        let h = c.held(mark, w, m, o);
                        if h > 0 {
                            c.take(r, w, m, o, false, t, h);
                        }
                    } else {
                        let m = c.by_weight(r, &open).unwrap_or(open[0]);
                        let o = if r.chance(0.55) { c.favourite(m, t) } else { r.below(2) as u8 };
                        let usd = p.usd(r, 40.0, 1.0);
                        if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                            mine.push((m, o));
                        }
                    }
                }
                t += r.lognormal(500.0, 0.9) as i64;
            }
        }
        let (d0, d1) = p.days();
        for _ in 0..r.int(0, 3) {
            let d = r.int(d0, d1);
            let t = p.time_on(r, d);
            if let Some(m) = c.upcoming(r, t, 20 * HOUR, &[Nba, Soccer, Nhl], false) {
                let o = c.favourite(m, t);
                let usd = p.usd(r, 25.0, 0.8);
                c.take_usd(r, w, m, o, true, t, usd);
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Bets on tomorrow's high in their own city after reading the morning forecast.
pub fn weather_local(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    for &w in ws {
        let mark = c.fills.len();
        let ci = r.below(CITIES.len());
        let tz = CITIES[ci].3;
        let p = Person::with_tz(r, tz);
        let (d0, d1) = p.days();
        let n = r.int(1, 10);
        for _ in 0..n {
            let d = r.int(d0, d1);
            let t = p.between(r, d, 7, 11);
            let key_day = if r.chance(0.3) { d + 1 } else { d };
            let Some(ms) = c.mk.weather_ix.get(&(ci, key_day)).cloned() else { continue };
            let mids: Vec<f64> = ms.iter().map(|&m| c.mk.mid(m, 0, t)).collect();
            let fav = (0..mids.len()).max_by(|&a, &b| mids[a].total_cmp(&mids[b])).unwrap_or(3);
            let k = r.int(1, 3) as usize;
            let lo = fav.saturating_sub(k / 2);
            let mut bought = Vec::new();
            for &m in ms.iter().skip(lo).take(k) {
                let usd = p.usd(r, 15.0, 0.8);
                if c.take_usd(r, w, m, 0, true, t + r.int(10, 120), usd).is_some() {
                    bought.push(m);
                }
            }
            if r.chance(0.25) && !bought.is_empty() {
                let t2 = p.between(r, d, 13, 17);
                let m = r.pick(&bought);
                if c.mk.tradable(m, t2) && c.mk.mid(m, 0, t2) < 0.2 {
                    let h = c.held(mark, w, m, 0);
                    if h > 0 {
                        c.take(r, w, m, 0, false, t2, h);
                    }
                }
            }
        }
        ensure(c, r, w, &p);
    }
}

/// Plays tweet-count buckets and "will X say Y" markets, live during the speech.
pub fn mentions_player(c: &mut Ctx, r: &Rng, ws: &[u32]) {
    let tweet_groups: Vec<Vec<u32>> = {
        let mut gs: Vec<u32> = c.mk.long.iter().copied().filter(|&m| c.mk.get(m).cat == Tweets).map(|m| c.mk.get(m).group).collect();
        gs.dedup();
        gs.iter().filter_map(|g| c.mk.groups.get(g).cloned()).collect()
    };
    let speech_groups: Vec<Vec<u32>> = {
        let mut gs: Vec<u32> = c.mk.long.iter().copied().filter(|&m| c.mk.get(m).cat == Mentions).map(|m| c.mk.get(m).group).collect();
        gs.dedup();
        gs.iter().filter_map(|g| c.mk.groups.get(g).cloned()).collect()
    };
    for &w in ws {
        let mark = c.fills.len();
        let p = Person::new(r);
        let n = r.int(1, 4);
        for _ in 0..n {
            if r.chance(0.5) && !tweet_groups.is_empty() {
                let g = &tweet_groups[r.below(tweet_groups.len())];
                let (open, dec) = (c.mk.get(g[0]).open, c.mk.get(g[0]).decided);
                for _ in 0..r.int(1, 3) {
                    let at = r.int(open.max(W0), dec.min(NOW));
                    let t = p.time_on(r, p.day_of(at));
                    let mids: Vec<f64> = g.iter().map(|&m| c.mk.mid(m, 0, t)).collect();
                    let fav = (0..mids.len()).max_by(|&a, &b| mids[a].total_cmp(&mids[b])).unwrap_or(3);
                    for &m in g.iter().skip(fav.saturating_sub(1)).take(r.int(1, 3) as usize) {
                        let usd = p.usd(r, 20.0, 0.8);
                        c.take_usd(r, w, m, 0, true, t + r.int(5, 90), usd);
                    }
                }
            } else if !speech_groups.is_empty() {
                let g = &speech_groups[r.below(speech_groups.len())];
                let live = c.mk.get(g[0]).live;
                let mut t = live - r.int(600, 3 * HOUR);
                let mut mine: Vec<(u32, u8)> = Vec::new();
                for _ in 0..r.int(2, 8) {
                    let m = r.pick(g);
                    if c.mk.tradable(m, t) && c.mk.get(m).decided > t {
                        if !mine.is_empty() && r.chance(0.3) {
                            let (m, o) = mine[r.below(mine.len())];
                            let h = c.held(mark, w, m, o);
                            if h > 0 {
                                c.take(r, w, m, o, false, t, h);
                            }
                        } else {
                            let o = if r.chance(0.65) { 0 } else { 1 };
                            let usd = p.usd(r, 25.0, 0.9);
                            if c.take_usd(r, w, m, o, true, t, usd).is_some() {
                                mine.push((m, o));
                            }
                        }
                    }
                    t += r.lognormal(400.0, 0.8) as i64;
                }
            }
        }
        ensure(c, r, w, &p);
    }
}
