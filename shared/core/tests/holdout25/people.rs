//! People: how real Polymarket traders behave by hand.

use super::acc::*;
use super::world::{DAY, Kind, Rng};
use copycat_core::trade::{Side, Trade};

const B: Side = Side::Buy;
const S: Side = Side::Sell;

fn us_tz(rng: &mut Rng) -> f64 {
    *rng.pick(&[-4.0, -5.0, -6.0, -7.0, -4.0, -5.0, 0.0, 1.0])
}

/// Watches games and trades in and out while they are on.
pub fn inplay_sports_bettor(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let sports: Vec<u8> = if tz >= 0.0 { vec![3, 3, 4] } else { vec![0, 1, 2, 0, 3] };
    let games = rng.range(3, 22);
    let (lo, hi) = (rng.uf(5.0, 40.0), rng.uf(60.0, 600.0));
    for _ in 0..games {
        let d = rng.range(0, 31);
        let t0 = human_t(rng, a.w, d, tz);
        let sp = *rng.pick(&sports);
        let c = a.w.live(t0, 1800, &|k| k == Kind::Sport(sp));
        let c: Vec<usize> = c.into_iter().filter(|&m| a.w.markets[m].start <= t0 + 1800).collect();
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let mk = &a.w.markets[m];
        let mut t = t0.max(mk.start - rng.range(0, 1200));
        let mut idx = if rng.chance(0.5) { 0 } else { 1 };
        for _ in 0..rng.range(1, 6) {
            let cents = a.w.markets[m].px(idx, t);
            let h = human_h(rng, cents, lo, hi);
            if !a.take(rng, m, idx, B, t, h) {
                break;
            }
            t += rng.range(240, 2400);
            if rng.chance(0.55) {
                let held = a.held(m, idx);
                if held >= 500 {
                    let part = if rng.chance(0.6) { held } else { (held / 2).max(500) };
                    a.take(rng, m, idx, S, t, part);
                    t += rng.range(120, 1800);
                }
            }
            if rng.chance(0.3) {
                idx = 1 - idx;
            }
        }
    }
}

/// Plays crypto up/down windows in evening sessions.
pub fn crypto_updown_gambler(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let sessions = rng.range(2, 16);
    let hourly = rng.chance(0.35);
    let (lo, hi) = (5.0, rng.uf(20.0, 300.0));
    for _ in 0..sessions {
        let d = rng.range(0, 31);
        let mut t = human_t(rng, a.w, d, tz);
        let end = t + rng.range(900, 7200);
        let asset = if rng.chance(0.7) { 0 } else { 1 };
        while t < end {
            let m = if hourly { a.w.c60_at(asset, t) } else { a.w.c15_at(asset, t) };
            let Some(m) = m else { break };
            let mk = &a.w.markets[m];
            let tt = t.max(mk.open + rng.range(30, (mk.close - mk.open) * 2 / 3));
            let idx = if rng.chance(0.5) { 0 } else { 1 };
            let c = mk.px(idx, tt);
            let h = human_h(rng, c, lo, hi);
            a.take(rng, m, idx, B, tt, h);
            if rng.chance(0.2) {
                let t2 = tt + rng.range(60, (mk.close - tt - 20).max(61));
                let held = a.held(m, idx);
                a.take(rng, m, idx, S, t2, held);
            }
            t = mk.close + rng.range(0, if hourly { 3600 } else { 1800 });
        }
    }
}

/// Buys favourites by hand when an event is nearly over.
pub fn manual_favourite_buyer(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let (lo, hi) = (rng.uf(20.0, 100.0), rng.uf(200.0, 3000.0));
    for d in days(rng, (4, 22)) {
        for _ in 0..rng.range(1, 4) {
            let t = human_t(rng, a.w, d, tz);
            let c: Vec<usize> =
                a.w.live(t, 120, &|k| !matches!(k, Kind::Politics | Kind::Culture | Kind::Listing))
                    .into_iter()
                    .filter(|&m| a.w.markets[m].close - t < 6 * 3600)
                    .collect();
            let fav: Vec<(usize, u32)> = c
                .iter()
                .flat_map(|&m| (0..2).map(move |i| (m, i)))
                .filter(|&(m, i)| (88..=97).contains(&a.w.markets[m].px(i, t)))
                .collect();
            if fav.is_empty() {
                continue;
            }
            let (m, i) = *rng.pick(&fav);
            let h = h_usd(human_usd(rng, lo, hi), a.w.markets[m].px(i, t));
            a.take(rng, m, i, B, t, h);
        }
    }
}

/// A handful of small bets, no pattern.
pub fn casual_bettor(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let n = rng.range(1, 9);
    for _ in 0..n {
        let d = rng.range(0, 31);
        let t = human_t(rng, a.w, d, tz);
        let c = a.w.live(t, 3600, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Sport(_) | Kind::Macro));
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let i = if rng.chance(0.6) { 0 } else { 1 };
        let h = human_h(rng, a.w.markets[m].px(i, t), 5.0, 60.0);
        a.take(rng, m, i, B, t, h);
    }
    if a.v.is_empty() {
        let t = a.w.now - rng.range(3600, 20 * DAY);
        let c = a.w.live(t, 3600, &|k| k == Kind::Politics);
        let m = *rng.pick(&c);
        a.usd(rng, m, 0, B, t, 20.0);
    }
}

/// Lives in the politics markets: many trades, in and out over days.
pub fn politics_heavy_trader(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let (lo, hi) = (rng.uf(50.0, 300.0), rng.uf(800.0, 8000.0));
    let mut fav: Vec<usize> = a.w.live(a.w.start + DAY, 0, &|k| k == Kind::Politics);
    rng.shuffle(&mut fav);
    fav.truncate(rng.range(4, 12) as usize);
    for d in days(rng, (12, 30)) {
        for _ in 0..rng.range(1, 9) {
            let t = human_t(rng, a.w, d, tz);
            let m = *rng.pick(&fav);
            let i = if rng.chance(0.55) { 0 } else { 1 };
            let held = a.held(m, i);
            if held > 1000 && rng.chance(0.4) {
                let part = if rng.chance(0.5) { held } else { held / 2 };
                a.take(rng, m, i, S, t, part);
            } else {
                let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
                a.take(rng, m, i, B, t, h);
            }
        }
    }
}

/// Rests limit orders at round prices and lets them fill over hours, partly.
pub fn limit_order_human(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for _ in 0..rng.range(4, 20) {
        let d = rng.range(0, 29);
        let t0 = human_t(rng, a.w, d, tz);
        let c = a.w.live(t0, 2 * DAY, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Macro | Kind::Sport(_) | Kind::Listing));
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let i = if rng.chance(0.5) { 0 } else { 1 };
        let mk = &a.w.markets[m];
        let p = mk.px(i, t0);
        let step = if rng.chance(0.5) { 5 } else { 1 };
        let lim = (((p - rng.range(2, 8)) / step) * step).clamp(2, 97);
        let side = if rng.chance(0.8) { B } else { S };
        let lim = if side == S { (p + rng.range(3, 9)).min(98) } else { lim };
        let total = human_h(rng, lim, 20.0, 1500.0);
        // The order fills when the fair price reaches it, in a few pieces.
        let mut left = total;
        let mut t = t0 + 300;
        let until = (t0 + 10 * DAY).min(mk.close);
        while t < until && left >= 500 {
            let now_p = mk.px(i, t);
            let hit = if side == B { now_p <= lim } else { now_p >= lim };
            if hit {
                let piece = if rng.chance(0.5) || left < 1000 { left } else { rng.range(500, left) };
                if side == S && a.held(m, i) < piece {
                    break;
                }
                let dt = rng.range(0, 600);
                a.put(rng, m, i, side, t + dt, lim, piece);
                left -= piece;
                t += rng.range(600, 4 * 3600);
            } else {
                t += 900;
            }
        }
    }
}

/// Copies a well-known wallet by hand: minutes later, round sums, only while awake.
pub fn manual_whale_copier(rng: &mut Rng, a: &mut Acc, leaders: &[(bool, Vec<Trade>)]) {
    let tz = us_tz(rng);
    let humans: Vec<usize> = (0..leaders.len()).filter(|&i| leaders[i].0).collect();
    let mut follow = vec![*rng.pick(&humans)];
    if rng.chance(0.4) {
        follow.push(*rng.pick(&humans));
    }
    let p = rng.uf(0.25, 0.7);
    let amounts = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0];
    let k = rng.range(0, 5) as usize;
    for &l in &follow {
        let mut lt: Vec<&Trade> = leaders[l].1.iter().collect();
        lt.sort_by_key(|t| t.timestamp);
        for t in lt {
            if !rng.chance(p) {
                continue;
            }
            let Some(m) = a.w.by_cid(&t.condition_id) else { continue };
            let i = t.outcome_index.unwrap_or(0);
            let lag = (rng.logn(600.0, 0.8) as i64).clamp(90, 5400);
            let at = wake_shift(rng, t.timestamp.timestamp() + lag, tz, 8.0, 24.5);
            if t.side == B {
                let usd = amounts[(k + rng.range(0, 3) as usize).min(amounts.len() - 1)];
                a.usd(rng, m, i, B, at, usd);
            } else {
                let held = a.held(m, i);
                if held >= 500 {
                    a.take(rng, m, i, S, at, held);
                }
            }
        }
    }
}

/// Weather brackets and mention markets: small punts on a few outcomes.
pub fn weather_mention_player(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let weather = rng.chance(0.6);
    for d in days(rng, (3, 18)) {
        let t = human_t(rng, a.w, d, tz);
        let kind = if weather || rng.chance(0.3) { Kind::Weather } else { Kind::Mention };
        let c = a.w.live(t, 1800, &|k| k == kind);
        if c.is_empty() {
            continue;
        }
        let g = a.w.markets[*rng.pick(&c)].group;
        let same: Vec<usize> = c.into_iter().filter(|&m| a.w.markets[m].group == g).collect();
        let mut tt = t;
        for _ in 0..rng.range(1, 4) {
            let m = *rng.pick(&same);
            let i = if kind == Kind::Mention && rng.chance(0.3) { 1 } else { 0 };
            let h = human_h(rng, a.w.markets[m].px(i, tt), 3.0, 80.0);
            a.take(rng, m, i, B, tt, h);
            tt += rng.range(20, 600);
        }
        if rng.chance(0.2) {
            let m = *rng.pick(&same);
            let held = a.held(m, 0);
            if held >= 500 {
                let dt = rng.range(1800, 20000);
                a.take(rng, m, 0, S, tt + dt, held);
            }
        }
    }
}

/// Reads the news, then trades it some minutes later; exits days after.
pub fn news_swing_trader(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let mut ev: Vec<(usize, i64, i8)> =
        a.w.others
            .iter()
            .filter(|&&m| matches!(a.w.markets[m].kind, Kind::Politics | Kind::Culture | Kind::Listing))
            .flat_map(|&m| a.w.markets[m].events.iter().map(move |&(t, d)| (m, t, d)))
            .collect();
    rng.shuffle(&mut ev);
    let (lo, hi) = (rng.uf(30.0, 200.0), rng.uf(400.0, 4000.0));
    for &(m, te, dir) in ev.iter().take(rng.range(5, 25) as usize) {
        let lag = (rng.logn(1500.0, 0.9) as i64).clamp(180, 4 * 3600);
        let t = wake_shift(rng, te + lag, tz, 7.5, 24.5);
        let i = if dir > 0 { 0 } else { 1 };
        let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
        if a.take(rng, m, i, B, t, h) && rng.chance(0.6) {
            let dt = rng.range(DAY / 2, 6 * DAY);
            let t2 = wake_shift(rng, t + dt, tz, 7.5, 24.5);
            let held = a.held(m, i);
            a.take(rng, m, i, S, t2, held);
        }
    }
}

/// Trades the Fed / CPI / jobs markets in the days before a release and around it.
pub fn macro_data_trader(rng: &mut Rng, a: &mut Acc) {
    let tz = *rng.pick(&[-4.0, -5.0, 0.0, 1.0]);
    let mac: Vec<usize> = a.w.others.iter().copied().filter(|&m| a.w.markets[m].kind == Kind::Macro).collect();
    let (lo, hi) = (rng.uf(50.0, 500.0), rng.uf(1000.0, 10000.0));
    for &m in &mac {
        if !rng.chance(0.7) {
            continue;
        }
        let rel = a.w.markets[m].start;
        for _ in 0..rng.range(1, 5) {
            let d = (rel - a.w.base) / DAY - rng.range(0, 5);
            let t = human_t(rng, a.w, d, tz).min(rel - 120);
            let i = if rng.chance(0.5) { 0 } else { 1 };
            let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
            a.take(rng, m, i, B, t, h);
        }
        if rng.chance(0.5) {
            let t = rel + rng.range(60, 900);
            let i = a.w.markets[m].winner();
            let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
            a.take(rng, m, i, B, t, h);
        }
    }
}

/// Buys cheap long shots across many markets.
pub fn longshot_buyer(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for d in days(rng, (3, 25)) {
        for _ in 0..rng.range(1, 5) {
            let t = human_t(rng, a.w, d, tz);
            let c = a.w.live(t, 1800, &|k| !matches!(k, Kind::Crypto15 | Kind::Crypto60));
            let cheap: Vec<(usize, u32)> =
                c.iter().flat_map(|&m| (0..2).map(move |i| (m, i))).filter(|&(m, i)| (1..=9).contains(&a.w.markets[m].px(i, t))).collect();
            if cheap.is_empty() {
                continue;
            }
            let (m, i) = *rng.pick(&cheap);
            let c = a.w.markets[m].px(i, t);
            let usd = human_usd(rng, 2.0, 50.0).max(c as f64 * 0.06);
            a.put(rng, m, i, B, t, c, h_usd(usd, c));
        }
    }
}

/// Few, very large, held positions; big orders walk the book in one transaction.
pub fn conviction_whale(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for _ in 0..rng.range(2, 9) {
        let d = rng.range(0, 31);
        let t = human_t(rng, a.w, d, tz);
        let c = a.w.live(t, DAY, &|k| matches!(k, Kind::Politics | Kind::Macro | Kind::Sport(_) | Kind::Culture));
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let i = if rng.chance(0.5) { 0 } else { 1 };
        let usd = human_usd(rng, 3000.0, 50000.0);
        let p = a.w.markets[m].px(i, t);
        let tx = rng.hex(64);
        let legs = rng.range(1, 4);
        for l in 0..legs {
            let c = (p + l).min(99);
            a.put_tx(m, i, B, t, c, h_usd(usd / legs as f64, c), &tx);
        }
        if rng.chance(0.25) {
            let t2 = t + rng.range(DAY, 8 * DAY);
            let held = a.held(m, i);
            let t3 = wake_shift(rng, t2, tz, 8.0, 24.0);
            a.take(rng, m, i, S, t3, held);
        }
    }
}

/// Entertainment, awards, box office, tweet counts.
pub fn culture_fan(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for d in days(rng, (3, 16)) {
        for _ in 0..rng.range(1, 4) {
            let t = human_t(rng, a.w, d, tz);
            let c = a.w.live(t, 3600, &|k| matches!(k, Kind::Culture | Kind::Listing | Kind::Mention));
            if c.is_empty() {
                continue;
            }
            let m = *rng.pick(&c);
            let i = if rng.chance(0.65) { 0 } else { 1 };
            if a.held(m, i) > 0 && rng.chance(0.3) {
                let held = a.held(m, i);
                a.take(rng, m, i, S, t, held);
            } else {
                let h = human_h(rng, a.w.markets[m].px(i, t), 5.0, 150.0);
                a.take(rng, m, i, B, t, h);
            }
        }
    }
}

/// Tennis and cricket fans in Asia and Europe: their own evenings, their own sports.
pub fn overseas_sports_fan(rng: &mut Rng, a: &mut Acc) {
    let tz = *rng.pick(&[5.5, 8.0, 9.0, 1.0, 2.0, 5.5]);
    let sp: u8 = if tz == 5.5 {
        5
    } else if rng.chance(0.6) {
        4
    } else {
        3
    };
    let (lo, hi) = (rng.uf(5.0, 30.0), rng.uf(50.0, 500.0));
    for d in days(rng, (4, 24)) {
        let t0 = a.w.base + d * DAY + rng.range(8 * 3600, 23 * 3600) - (tz * 3600.0) as i64;
        let c = a.w.live(t0, 1200, &|k| k == Kind::Sport(sp) || (sp == 5 && k == Kind::Sport(4)));
        let c: Vec<usize> = c.into_iter().filter(|&m| a.w.markets[m].start < t0 + 3 * 3600).collect();
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let mut t = t0.max(a.w.markets[m].start - 1800);
        for _ in 0..rng.range(1, 4) {
            let i = if rng.chance(0.5) { 0 } else { 1 };
            if !awake(t, tz, 8.0, 24.5) {
                break;
            }
            let held = a.held(m, i);
            if held >= 500 && rng.chance(0.4) {
                a.take(rng, m, i, S, t, held);
            } else {
                let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
                a.take(rng, m, i, B, t, h);
            }
            t += rng.range(300, 3000);
        }
    }
}

/// Only trades on weekday lunch breaks.
pub fn lunch_break_trader(rng: &mut Rng, a: &mut Acc) {
    let tz = *rng.pick(&[-5.0, -4.0, 0.0, 1.0, -7.0]);
    let p = rng.uf(0.3, 0.9);
    for d in 0..31 {
        let t0 = a.w.base + d * DAY + ((12.0 - tz) * 3600.0) as i64 + rng.range(0, 1200);
        if weekday(t0, tz) >= 5 || !rng.chance(p) {
            continue;
        }
        let mut t = t0;
        for _ in 0..rng.range(1, 5) {
            let c = a.w.live(t, 3600, &|k| !matches!(k, Kind::Crypto15 | Kind::Crypto60));
            let m = *rng.pick(&c);
            let i = if rng.chance(0.55) { 0 } else { 1 };
            let held = a.held(m, i);
            if held >= 500 && rng.chance(0.3) {
                a.take(rng, m, i, S, t, held);
            } else {
                let h = human_h(rng, a.w.markets[m].px(i, t), 10.0, 400.0);
                a.take(rng, m, i, B, t, h);
            }
            t += rng.range(60, 900);
        }
    }
}

/// Full-time trader: long days at the screen, six days a week, all categories, both sides.
pub fn fulltime_pro_trader(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    let (lo, hi) = (rng.uf(50.0, 300.0), rng.uf(1000.0, 6000.0));
    let off = rng.range(0, 7);
    for d in 0..31 {
        if (d + off) % 7 == 0 || rng.chance(0.1) {
            continue;
        }
        let begin = a.w.base + d * DAY + ((rng.uf(8.0, 11.0) - tz) * 3600.0) as i64;
        let end = begin + rng.range(8 * 3600, 13 * 3600);
        let mut t = begin;
        let mut book: Vec<usize> = Vec::new();
        while t < end {
            if rng.chance(0.08) {
                t += rng.range(1800, 5400); // lunch, gym, calls
            }
            if book.is_empty() || rng.chance(0.25) {
                let c = a.w.live(t, 1800, &|k| !matches!(k, Kind::Crypto15));
                if !c.is_empty() {
                    book.push(*rng.pick(&c));
                }
            }
            if let Some(&m) = book.last() {
                let m = if rng.chance(0.5) { m } else { *rng.pick(&book) };
                let i = if rng.chance(0.5) { 0 } else { 1 };
                let held = a.held(m, i);
                if held >= 500 && rng.chance(0.45) {
                    let part = if rng.chance(0.5) { held } else { (held * rng.range(20, 80) / 100).max(500) };
                    a.take(rng, m, i, S, t, part);
                } else {
                    let h = human_h(rng, a.w.markets[m].px(i, t), lo, hi);
                    a.take(rng, m, i, B, t, h);
                }
            }
            t += (rng.logn(900.0, 1.0) as i64).clamp(20, 7200);
        }
    }
}

/// Buys more as the price falls against them.
pub fn average_down_holder(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for _ in 0..rng.range(2, 8) {
        let d = rng.range(0, 25);
        let t0 = human_t(rng, a.w, d, tz);
        let c = a.w.live(t0, 4 * DAY, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Listing | Kind::Macro));
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let i = if rng.chance(0.5) { 0 } else { 1 };
        let mk = &a.w.markets[m];
        let usd = human_usd(rng, 20.0, 1000.0);
        let mut last = mk.px(i, t0);
        a.usd(rng, m, i, B, t0, usd);
        let mut t = t0;
        let mut n = 0;
        while t < t0 + 12 * DAY && n < 6 {
            t += rng.range(3 * 3600, 20 * 3600);
            let t = wake_shift(rng, t, tz, 8.0, 24.0);
            let p = mk.px(i, t);
            if p <= last - 4 && p > 2 {
                let mult = if rng.chance(0.5) { 1.0 } else { 2.0 };
                a.usd(rng, m, i, B, t, usd * mult);
                last = p;
                n += 1;
            } else if p > last + 15 && rng.chance(0.3) {
                let held = a.held(m, i);
                a.take(rng, m, i, S, t, held);
                break;
            }
        }
    }
}

/// Holds one side of a market and hedges with a related market minutes later.
pub fn cross_market_hedger(rng: &mut Rng, a: &mut Acc) {
    let tz = us_tz(rng);
    for _ in 0..rng.range(3, 14) {
        let d = rng.range(0, 31);
        let t = human_t(rng, a.w, d, tz);
        let c = a.w.live(t, 3 * 3600, &|k| matches!(k, Kind::Politics | Kind::Weather | Kind::Mention | Kind::Macro | Kind::Sport(_)));
        if c.len() < 2 {
            continue;
        }
        let m1 = *rng.pick(&c);
        let g = a.w.markets[m1].group;
        let kind = a.w.markets[m1].kind;
        let sib: Vec<usize> =
            c.iter().copied().filter(|&m| m != m1 && (a.w.markets[m].group == g || a.w.markets[m].kind == kind)).collect();
        if sib.is_empty() {
            continue;
        }
        let m2 = *rng.pick(&sib);
        let usd = human_usd(rng, 25.0, 2000.0);
        a.usd(rng, m1, 0, B, t, usd);
        let hedge = (usd * rng.uf(0.3, 0.8) / 10.0).round() * 10.0;
        let dt = rng.range(60, 1500);
        a.usd(rng, m2, 1, B, t + dt, hedge.max(10.0));
    }
}
