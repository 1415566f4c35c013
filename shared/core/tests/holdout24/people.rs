//! People: how real Polymarket traders behave, by hand.

use super::world::{Kind, World};
use super::{DAYS, NOW, Persona, Rng, START, row, usd_sh};
use copycat_core::{Side, Trade, Wallet};

/// A dollar amount people type: round numbers around their budget.
fn bet(r: &mut Rng, budget: f64) -> f64 {
    let x = budget * (0.6 * r.normal()).exp();
    let steps = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0];
    let mut best = steps[0];
    for s in steps {
        if (s - x).abs() < (best - x).abs() {
            best = s;
        }
    }
    if r.chance(0.15) { (x * 1.0).round().max(2.0) } else { best }
}

/// A round share count people type into a limit order.
fn round_shares(r: &mut Rng, budget: f64) -> i64 {
    let s = *r.pick(&[10, 20, 25, 50, 50, 100, 100, 150, 200, 250, 500, 1000]);
    ((s as f64 * (budget / 50.0).max(0.2)).round() as i64 / 5 * 5).max(5) * 100
}

/// Buys (and sometimes sells back) one position by hand in market `mi` from `t`.
fn position(
    w: &World,
    me: &Wallet,
    out: &mut Vec<Trade>,
    mi: usize,
    oi: usize,
    t: i64,
    usd: f64,
    sell_p: f64,
    hold: (i64, i64),
    p: &Persona,
    r: &mut Rng,
) {
    if !w.m[mi].live(t) {
        return;
    }
    let c = w.taker(r, mi, t, oi, Side::Buy);
    let h = usd_sh(usd, c);
    out.push(row(w, me, mi, oi, Side::Buy, c, h, t, &r.tx()));
    if r.chance(sell_p) {
        let mut t2 = t + r.range(hold.0, hold.1);
        if !p.awake(t2) {
            t2 = p.next_awake(r, t2);
        }
        if w.m[mi].live(t2) {
            let c2 = w.taker(r, mi, t2, oi, Side::Sell);
            let h2 = if r.chance(0.7) { h } else { (h / 2).max(500) };
            out.push(row(w, me, mi, oi, Side::Sell, c2, h2, t2, &r.tx()));
        }
    }
}

pub fn in_play_sports(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::us(r);
    let act = r.uf(0.25, 0.85);
    let budget = *r.pick(&[10.0, 25.0, 50.0, 100.0, 300.0]);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        let games: Vec<usize> = w.sports_by_day[day as usize].iter().copied().filter(|&mi| p.awake(w.m[mi].start + 1800)).collect();
        if games.is_empty() {
            continue;
        }
        for _ in 0..r.range(1, 4) {
            let mi = *r.pick(&games);
            let m = &w.m[mi];
            let mut t = m.start + r.range(120, (m.close - m.start) / 2);
            let mut oi = r.below(2);
            let mut held = 0i64;
            for _ in 0..r.range(1, 7) {
                if t >= m.close - 60 || !p.awake(t) {
                    break;
                }
                if held > 0 && r.chance(0.45) {
                    let c = w.taker(r, mi, t, oi, Side::Sell);
                    out.push(row(w, me, mi, oi, Side::Sell, c, held, t, &r.tx()));
                    held = 0;
                    if r.chance(0.3) {
                        oi = 1 - oi;
                    }
                } else {
                    let c = w.taker(r, mi, t, oi, Side::Buy);
                    let h = usd_sh(bet(r, budget), c);
                    held += h;
                    out.push(row(w, me, mi, oi, Side::Buy, c, h, t, &r.tx()));
                }
                t += r.range(90, 1800);
            }
        }
    }
    out
}

pub fn crypto_gambler(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let act = r.uf(0.2, 0.7);
    let budget = *r.pick(&[5.0, 10.0, 20.0, 50.0, 100.0]);
    let hourly_fan = r.chance(0.35);
    let ai = if r.chance(0.7) { 0 } else { r.below(2) };
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        for _ in 0..r.range(1, 3) {
            let s0 = p.moment(r, day);
            let len = r.range(20 * 60, 150 * 60);
            let mut t = s0;
            while t < s0 + len {
                let mi = match w.crypto_at(ai, hourly_fan, t) {
                    Some(x) => x,
                    None => break,
                };
                if r.chance(0.65) && w.m[mi].live(t) {
                    let oi = r.below(2);
                    let c = w.taker(r, mi, t, oi, Side::Buy);
                    if (5..=95).contains(&c) {
                        let h = usd_sh(bet(r, budget), c);
                        out.push(row(w, me, mi, oi, Side::Buy, c, h, t, &r.tx()));
                        if r.chance(0.25) {
                            let t2 = t + r.range(40, 400);
                            if w.m[mi].live(t2) {
                                let c2 = w.taker(r, mi, t2, oi, Side::Sell);
                                out.push(row(w, me, mi, oi, Side::Sell, c2, h, t2, &r.tx()));
                            }
                        }
                    }
                }
                t += r.range(200, if hourly_fan { 4000 } else { 1500 });
            }
        }
    }
    out
}

pub fn favourite_by_hand(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let act = r.uf(0.3, 0.8);
    let budget = *r.pick(&[100.0, 250.0, 500.0, 1000.0, 2500.0]);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        for _ in 0..r.range(3, 9) {
            let t = p.moment(r, day);
            // Something that ends within a few hours and has a clear favourite.
            let mut cands: Vec<usize> = Vec::new();
            for list in [&w.sports_by_day[day as usize], &w.esports_by_day[day as usize], &w.mentions] {
                for &mi in list.iter() {
                    let m = &w.m[mi];
                    if m.live(t) && m.close - t < 8 * 3600 && m.close - t > 300 {
                        cands.push(mi);
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            let mi = *r.pick(&cands);
            let oi = if w.m[mi].p(t, 0) > 0.5 { 0 } else { 1 };
            let c = w.taker(r, mi, t, oi, Side::Buy);
            if (80..=97).contains(&c) {
                out.push(row(w, me, mi, oi, Side::Buy, c, usd_sh(bet(r, budget), c), t, &r.tx()));
            }
        }
    }
    out
}

pub fn casual(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let mut out = Vec::new();
    let n = r.range(2, 12);
    for _ in 0..n {
        let day = r.range(0, DAYS);
        let t = p.moment(r, day);
        let pool: Vec<usize> = match r.below(5) {
            0 => w.sports_by_day[day as usize].iter().copied().filter(|&mi| w.m[mi].live(t)).collect(),
            1 => w.live_in(&w.culture, t),
            2 => w.live_in(&w.news, t),
            3 => w.crypto_at(0, true, t).into_iter().collect(),
            _ => w.live_in(&w.politics, t),
        };
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        position(w, me, &mut out, mi, r.below(2), t, bet(r, 15.0), 0.2, (3600, 5 * 86_400), &p, r);
    }
    out
}

pub fn politics_heavy(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::new(r, &[-4, -4, -5, -7, 1]);
    let budget = *r.pick(&[100.0, 300.0, 1000.0, 3000.0]);
    let favs: Vec<usize> = (0..r.range(4, 12)).map(|_| *r.pick(&w.politics)).collect();
    let mut out = Vec::new();
    for day in 0..DAYS {
        if r.chance(0.12) {
            continue;
        }
        for _ in 0..r.range(2, 16) {
            let t = p.moment(r, day);
            let mi = *r.pick(&favs);
            if !w.m[mi].live(t) {
                continue;
            }
            let oi = r.below(2);
            let side = if r.chance(0.4) { Side::Sell } else { Side::Buy };
            let c = w.taker(r, mi, t, oi, side);
            let h = usd_sh(bet(r, budget), c);
            // Big orders walk the book: a few fills a cent apart within a minute.
            let parts = if r.chance(0.2) { r.range(2, 4) } else { 1 };
            for k in 0..parts {
                let ck = if side == Side::Buy { c + k } else { c - k };
                out.push(row(w, me, mi, oi, side, ck, h / parts + r.range(0, 300), t + k * r.range(0, 20), &r.tx()));
            }
        }
    }
    out
}

pub fn resting_limit(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let budget = *r.pick(&[30.0, 100.0, 300.0]);
    let mut out = Vec::new();
    for _ in 0..r.range(6, 30) {
        let day = r.range(0, DAYS);
        let t = p.moment(r, day);
        let pool = match r.below(3) {
            0 => w.live_in(&w.politics, t),
            1 => w.live_in(&w.news, t),
            _ => w.live_in(&w.culture, t),
        };
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        let oi = r.below(2);
        let now_c = w.cents(mi, t, oi);
        let buy = r.chance(0.75);
        let off = r.range(2, 8);
        let limit = if buy { now_c - off } else { now_c + off };
        let limit = if r.chance(0.5) { limit / 5 * 5 } else { limit };
        if !(2..=98).contains(&limit) {
            continue;
        }
        let total = round_shares(r, budget);
        if let Some(ft) = w.cross(mi, oi, limit, buy, t + 60, t + r.range(86_400, 10 * 86_400)) {
            // Filled by one or several takers, any time of day.
            let parts = if r.chance(0.4) { r.range(2, 5) } else { 1 };
            let mut left = total;
            let mut ft = ft;
            for k in 0..parts {
                let h = if k == parts - 1 { left } else { (left * r.range(20, 70) / 100).max(500) };
                if h < 500 || left < 500 {
                    break;
                }
                left -= h;
                out.push(row(w, me, mi, oi, if buy { Side::Buy } else { Side::Sell }, limit, h, ft, &r.tx()));
                ft += r.range(5, 3600);
            }
        }
    }
    out
}

pub fn hand_copier(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::us(r);
    let li = r.below(w.leaders.len());
    let keen = r.uf(0.3, 0.8);
    let unit = *r.pick(&[10.0, 25.0, 50.0, 100.0]);
    let mut out = Vec::new();
    let mut mine: Vec<(String, usize, i64)> = Vec::new();
    for lt in &w.leaders[li].1 {
        let t0 = lt.timestamp.timestamp();
        let mut t = t0 + r.range(180, 3600);
        if !p.awake(t) {
            if !r.chance(0.3) {
                continue;
            }
            t = p.next_awake(r, t);
        }
        if !r.chance(keen) {
            continue;
        }
        let mi = match w.m.iter().position(|m| m.cid == lt.condition_id) {
            Some(x) => x,
            None => continue,
        };
        if !w.m[mi].live(t) {
            continue;
        }
        let oi = lt.outcome_index.unwrap_or(0) as usize;
        if lt.side == Side::Buy {
            let c = w.taker(r, mi, t, oi, Side::Buy);
            let h = usd_sh(bet(r, unit), c);
            mine.push((lt.condition_id.clone(), oi, h));
            out.push(row(w, me, mi, oi, Side::Buy, c, h, t, &r.tx()));
        } else if let Some(k) = mine.iter().position(|x| x.0 == lt.condition_id && x.1 == oi) {
            let h = mine.remove(k).2;
            let c = w.taker(r, mi, t, oi, Side::Sell);
            out.push(row(w, me, mi, oi, Side::Sell, c, h, t, &r.tx()));
        }
    }
    out
}

pub fn weather_player(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let city = r.below(6);
    let city2 = r.below(6);
    let act = r.uf(0.3, 0.8);
    let mut out = Vec::new();
    for (gi, g) in w.weather.iter().enumerate() {
        let c = w.weather_city[gi];
        if (c != city && c != city2) || !r.chance(act) {
            continue;
        }
        let day_start = w.m[g[0]].start;
        let mut t = day_start - 86_400 + r.range(7 * 3600, 12 * 3600);
        if !p.awake(t) {
            t = p.next_awake(r, t);
        }
        // Buy the bracket or two around what the forecast says.
        let mut order: Vec<usize> = g.clone();
        order.sort_by(|a, b| w.m[*b].p(t, 0).partial_cmp(&w.m[*a].p(t, 0)).unwrap_or(std::cmp::Ordering::Equal));
        for &mi in order.iter().take(r.range(1, 4) as usize) {
            position(w, me, &mut out, mi, 0, t + r.range(0, 300), bet(r, 10.0), 0.3, (3 * 3600, 20 * 3600), &p, r);
        }
    }
    out
}

pub fn mention_player(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::us(r);
    let act = r.uf(0.08, 0.3);
    let budget = *r.pick(&[10.0, 25.0, 100.0]);
    let mut out = Vec::new();
    let mut last_event = i64::MIN;
    for &mi in &w.mentions {
        let m = &w.m[mi];
        if m.start != last_event {
            last_event = m.start;
        }
        if !r.chance(act) || !p.awake(m.start) {
            continue;
        }
        let t = m.start - r.range(-1200, 4 * 3600);
        let oi = if r.chance(0.7) { 0 } else { 1 };
        position(w, me, &mut out, mi, oi, t, bet(r, budget), 0.35, (300, 3600), &p, r);
    }
    out
}

pub fn news_swing(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let budget = *r.pick(&[50.0, 200.0, 500.0]);
    let mut out = Vec::new();
    for &mi in w.news.iter().chain(w.politics.iter()) {
        for &(et, fav) in &w.m[mi].events {
            if !r.chance(0.45) {
                continue;
            }
            let mut t = et + r.range(300, 7200);
            if !p.awake(t) {
                t = p.next_awake(r, t);
            }
            position(w, me, &mut out, mi, fav, t, bet(r, budget), 0.7, (2 * 3600, 4 * 86_400), &p, r);
        }
    }
    for _ in 0..r.range(0, 10) {
        let d = r.range(0, DAYS);
        let t = p.moment(r, d);
        let pool = w.live_in(&w.news, t);
        if !pool.is_empty() {
            let mi = *r.pick(&pool);
            position(w, me, &mut out, mi, r.below(2), t, bet(r, budget), 0.5, (3600, 3 * 86_400), &p, r);
        }
    }
    out
}

pub fn macro_trader(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::new(r, &[-4, -4, -5, 0, 1]);
    let budget = *r.pick(&[200.0, 500.0, 2000.0, 5000.0]);
    let mut out = Vec::new();
    for &mi in &w.macro_ {
        let m = &w.m[mi];
        if !r.chance(0.6) {
            continue;
        }
        for _ in 0..r.range(1, 4) {
            let t = m.start - r.range(3600, 6 * 86_400);
            let t = if p.awake(t) { t } else { p.next_awake(r, t) };
            position(w, me, &mut out, mi, if r.chance(0.6) { 0 } else { 1 }, t, bet(r, budget), 0.25, (3600, 2 * 86_400), &p, r);
        }
        if r.chance(0.5) && p.awake(m.start) {
            // Reacting to the print by hand: a couple of minutes, not seconds.
            let t = m.start + r.range(90, 1200);
            let oi = if m.p(m.start + 60, 0) > 0.5 { 0 } else { 1 };
            position(w, me, &mut out, mi, oi, t, bet(r, budget), 0.1, (600, 1200), &p, r);
        }
    }
    out
}

pub fn long_shot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let act = r.uf(0.2, 0.7);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        for _ in 0..r.range(1, 5) {
            let t = p.moment(r, day);
            let mut pool: Vec<usize> = w.live_in(&w.politics, t);
            pool.extend(w.live_in(&w.culture, t));
            pool.extend(w.sports_by_day[day as usize].iter().copied().filter(|&mi| w.m[mi].live(t)));
            pool.extend(w.live_in(&w.news, t));
            if pool.is_empty() {
                continue;
            }
            let mi = *r.pick(&pool);
            let oi = if w.m[mi].p(t, 0) < 0.5 { 0 } else { 1 };
            let c = w.taker(r, mi, t, oi, Side::Buy);
            if c <= 12 {
                out.push(row(w, me, mi, oi, Side::Buy, c, usd_sh(bet(r, 5.0), c), t, &r.tx()));
            }
        }
    }
    out
}

pub fn conviction_whale(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let mut out = Vec::new();
    for _ in 0..r.range(2, 9) {
        let d = r.range(0, DAYS);
        let t = p.moment(r, d);
        let mut pool = w.live_in(&w.politics, t);
        pool.extend(w.live_in(&w.macro_, t));
        pool.extend(w.live_in(&w.news, t));
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        let oi = r.below(2);
        let usd = bet(r, 15_000.0);
        let c = w.taker(r, mi, t, oi, Side::Buy);
        if !(10..=90).contains(&c) {
            continue;
        }
        let parts = r.range(1, 4);
        for k in 0..parts {
            out.push(row(w, me, mi, oi, Side::Buy, (c + k).min(99), usd_sh(usd / parts as f64, c + k), t + k * r.range(5, 240), &r.tx()));
        }
    }
    out
}

pub fn culture_fan(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let favs: Vec<usize> = (0..r.range(2, 6)).map(|_| *r.pick(&w.culture)).collect();
    let act = r.uf(0.15, 0.5);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        for _ in 0..r.range(1, 3) {
            let t = p.moment(r, day);
            let mi = *r.pick(&favs);
            position(w, me, &mut out, mi, r.below(2), t, bet(r, 30.0), 0.3, (3600, 6 * 86_400), &p, r);
        }
    }
    out
}

pub fn esports_fan(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::new(r, &[1, 2, 3, 8, 9, 3, 2]);
    let act = r.uf(0.3, 0.8);
    let game = *r.pick(&["Counter-Strike", "LoL", "Dota 2", "Valorant"]);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if !r.chance(act) {
            continue;
        }
        for &mi in &w.esports_by_day[day as usize] {
            let m = &w.m[mi];
            if !m.title.starts_with(game) && !r.chance(0.15) {
                continue;
            }
            let t = if r.chance(0.4) { m.start - r.range(300, 5 * 3600) } else { m.start + r.range(300, (m.close - m.start) * 3 / 4) };
            if !p.awake(t) {
                continue;
            }
            position(w, me, &mut out, mi, r.below(2), t, bet(r, 20.0), 0.4, (300, 2400), &p, r);
        }
    }
    out
}

pub fn hand_ladder(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let mut out = Vec::new();
    for _ in 0..r.range(2, 7) {
        let d = r.range(0, DAYS - 2);
        let t = p.moment(r, d);
        let mut pool = w.live_in(&w.politics, t);
        pool.extend(w.live_in(&w.news, t));
        pool.extend(w.live_in(&w.culture, t));
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        let oi = r.below(2);
        let c0 = w.cents(mi, t, oi);
        let gap = *r.pick(&[1, 2, 2, 3, 5]);
        let size = round_shares(r, 60.0);
        // Typed one at a time: a few seconds between placements, each a resting order.
        for k in 1..=r.range(3, 6) {
            let lvl = c0 - k * gap;
            if lvl < 2 {
                break;
            }
            if let Some(ft) = w.cross(mi, oi, lvl, true, t + 30, t + 14 * 86_400) {
                let sz = if r.chance(0.2) { size + size / 2 } else { size };
                out.push(row(w, me, mi, oi, Side::Buy, lvl, sz, ft + r.range(0, 300), &r.tx()));
            }
        }
    }
    out
}

pub fn retiree(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::us(r);
    let mut minute = r.uf(7.5, 10.0) * 60.0;
    let drift = r.uf(-3.0, 3.0);
    let favs: Vec<usize> = (0..r.range(3, 8)).map(|_| *r.pick(&w.politics)).collect();
    let mut out = Vec::new();
    for day in 0..DAYS {
        minute += drift + r.normal() * 6.0;
        if r.chance(0.12) {
            continue;
        }
        let mut t = p.midnight(day) + (minute * 60.0) as i64 + r.range(0, 60);
        for _ in 0..r.range(1, 4) {
            let mi = *r.pick(&favs);
            position(w, me, &mut out, mi, r.below(2), t, bet(r, 10.0), 0.1, (86_400, 5 * 86_400), &p, r);
            t += r.range(60, 900);
        }
    }
    out
}

pub fn shift_worker(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let mut p = Persona::us(r);
    let day_p = p;
    let night = Persona { tz: p.tz, wake: 15.0, sleep: 30.0 };
    let rota = r.range(0, 7);
    let mut out = Vec::new();
    for day in 0..DAYS {
        p = if ((day + rota) / 7) % 2 == 0 { day_p } else { night };
        if r.chance(0.3) {
            continue;
        }
        for _ in 0..r.range(1, 6) {
            let t = p.moment(r, day);
            let mut pool: Vec<usize> = w.sports.iter().copied().filter(|&mi| w.m[mi].live(t) && w.m[mi].start <= t).collect();
            if pool.is_empty() || r.chance(0.4) {
                pool = w.crypto_at(r.below(2), r.chance(0.5), t).into_iter().collect();
            }
            if pool.is_empty() {
                continue;
            }
            let mi = *r.pick(&pool);
            position(w, me, &mut out, mi, r.below(2), t, bet(r, 25.0), 0.3, (300, 3600), &p, r);
        }
    }
    out
}

pub fn holiday(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let away0 = r.range(10, 16);
    let away1 = away0 + r.range(6, 11);
    let budget = *r.pick(&[20.0, 50.0, 150.0]);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if (day >= away0 && day < away1) || r.chance(0.25) {
            continue;
        }
        for _ in 0..r.range(1, 6) {
            let t = p.moment(r, day);
            let pool: Vec<usize> = match r.below(3) {
                0 => w.sports_by_day[day as usize].iter().copied().filter(|&mi| w.m[mi].live(t)).collect(),
                1 => w.live_in(&w.news, t),
                _ => w.live_in(&w.politics, t),
            };
            if pool.is_empty() {
                continue;
            }
            let mi = *r.pick(&pool);
            position(w, me, &mut out, mi, r.below(2), t, bet(r, budget), 0.35, (1800, 3 * 86_400), &p, r);
        }
    }
    let _ = (NOW, START, Kind::News);
    out
}
