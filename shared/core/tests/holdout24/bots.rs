//! Programs: market makers, arbitrageurs, snipers, feeds, schedulers and copiers.

use super::world::World;
use super::{DAY0, DAYS, NOW, Persona, Rng, START, row, usd_sh};
use copycat_core::{Side, Trade, Wallet};

fn mm_markets(w: &World, n: usize, r: &mut Rng) -> Vec<usize> {
    let mut v = Vec::new();
    for _ in 0..n {
        let mi = match r.below(3) {
            0 => *r.pick(&w.politics),
            1 => *r.pick(&w.news),
            _ => *r.pick(&w.culture),
        };
        v.push(mi);
    }
    v
}

pub fn market_maker(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let mk = mm_markets(w, r.range(3, 9) as usize, r);
    let quote = r.range(2, 12) * 5000;
    let rate = r.range(8, 30);
    let mut out = Vec::new();
    for &mi in &mk {
        let mut t = START + r.range(1, 3600);
        while t <= NOW {
            if w.m[mi].live(t) {
                let side = if r.chance(0.5) { Side::Buy } else { Side::Sell };
                let oi = r.below(2);
                let c = w.maker(mi, t, oi, side);
                if (3..=97).contains(&c) {
                    let h = if r.chance(0.5) { quote } else { (quote * r.range(5, 100) / 100).max(500) };
                    out.push(row(w, me, mi, oi, side, c, h, t, &r.tx()));
                }
            }
            t += (86_400 / rate) * r.range(1, 200) / 100 + r.range(1, 30);
        }
    }
    out
}

pub fn sweeper(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let take = r.uf(0.15, 0.4);
    let lead = r.range(20, 240);
    let mut out = Vec::new();
    let lists: Vec<usize> = w.sports.iter().chain(w.c60[r.below(4)].iter()).chain(w.mentions.iter()).copied().collect();
    for mi in lists {
        let m = &w.m[mi];
        let t = m.close - lead - r.range(0, 30);
        if !m.live(t) || !r.chance(take) {
            continue;
        }
        let oi = if m.p(t, 0) > 0.5 { 0 } else { 1 };
        let c = w.taker(r, mi, t, oi, Side::Buy);
        if (96..=99).contains(&c) {
            out.push(row(w, me, mi, oi, Side::Buy, c, r.range(2_000, 400_000), t, &r.tx()));
        }
    }
    out
}

pub fn window_sniper(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let ai = r.below(2);
    let cover = r.uf(0.3, 0.6);
    let secs = r.range(5, 40);
    let usd = r.range(20, 400) as f64;
    let mut out = Vec::new();
    for &mi in &w.c15[ai] {
        let m = &w.m[mi];
        let t = m.close - secs - r.range(0, 4);
        if !m.live(t) || !r.chance(cover) {
            continue;
        }
        let oi = if m.p(t, 0) > 0.5 { 0 } else { 1 };
        let c = w.taker(r, mi, t, oi, Side::Buy);
        if c >= 80 {
            out.push(row(w, me, mi, oi, Side::Buy, c, usd_sh(usd, c), t, &r.tx()));
        }
    }
    out
}

pub fn complement_arb(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let per_day = r.range(8, 40);
    let size = r.range(5, 60) * 1000;
    let mut out = Vec::new();
    for _ in 0..per_day * DAYS {
        let t = START + r.range(1, 30 * 86_400);
        let mi = match r.below(3) {
            0 => w.crypto_at(r.below(2), false, t),
            1 => w.crypto_at(r.below(4), true, t),
            _ => w.live_in(&w.sports, t).first().copied(),
        };
        let mi = match mi {
            Some(x) if w.m[x].live(t) => x,
            _ => continue,
        };
        // Both asks momentarily sum below a dollar: buy both legs in one transaction.
        let c0 = w.maker(mi, t, 0, Side::Buy).max(1);
        let c1 = (98 - c0).clamp(1, 99);
        if c0 + c1 > 99 || c0 < 2 {
            continue;
        }
        let tx = r.tx();
        out.push(row(w, me, mi, 0, Side::Buy, c0, size, t, &tx));
        out.push(row(w, me, mi, 1, Side::Buy, c1, size, t, &tx));
    }
    out
}

fn copy(w: &World, r: &mut Rng, me: &Wallet, delay: (i64, i64), ratio: f64, round_usd: bool, p: Option<&Persona>, skip: f64) -> Vec<Trade> {
    let li = r.below(w.leaders.len());
    let mut out = Vec::new();
    for lt in &w.leaders[li].1 {
        let t = lt.timestamp.timestamp() + r.range(delay.0, delay.1);
        if let Some(p) = p {
            if !p.awake(t) {
                continue;
            }
        }
        if r.chance(skip) {
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
        let c = w.taker(r, mi, t, oi, lt.side);
        let lh = (lt.size.0 * rust_decimal::Decimal::from(100)).trunc().to_string().parse::<i64>().unwrap_or(500);
        let h = if round_usd {
            let usd = (lh as f64 * c as f64 / 10_000.0 * ratio / 5.0).round().max(1.0) * 5.0;
            usd_sh(usd, c)
        } else {
            ((lh as f64 * ratio) as i64).max(500)
        };
        out.push(row(w, me, mi, oi, lt.side, c, h, t, &r.tx()));
    }
    out
}

pub fn copy_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let ratio = r.uf(0.02, 0.3);
    let d = r.range(1, 4);
    copy(w, r, me, (d, d + 5), ratio, false, None, 0.03)
}

pub fn hard_copy_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let ratio = r.uf(0.02, 0.2);
    let p = Persona::us(r);
    copy(w, r, me, (40, 420), ratio, true, Some(&p), 0.15)
}

pub fn news_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let size = r.range(2, 40) * 2500;
    let lag = r.range(1, 4);
    let mut out = Vec::new();
    let lists: Vec<usize> = w.news.iter().chain(w.politics.iter()).chain(w.mentions.iter()).chain(w.macro_.iter()).copied().collect();
    for mi in lists {
        for &(et, fav) in &w.m[mi].events {
            let t = et + lag + r.range(0, 3);
            if !w.m[mi].live(t) || r.chance(0.1) {
                continue;
            }
            // Buys at the pre-news price level plus a little: the book has not caught up yet.
            let c = (w.cents(mi, et - 60, fav) + r.range(1, 6)).min(99);
            out.push(row(w, me, mi, fav, Side::Buy, c, size, t, &r.tx()));
        }
    }
    out
}

pub fn score_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let size = r.range(4, 80) * 1250;
    let lag = r.range(1, 6);
    let cover = r.uf(0.2, 0.45);
    let mut out = Vec::new();
    for &mi in &w.sports {
        if !r.chance(cover) {
            continue;
        }
        for &(et, fav) in &w.m[mi].events {
            let t = et + lag + r.range(0, 2);
            if !w.m[mi].live(t) {
                continue;
            }
            let c = (w.cents(mi, et - 60, fav) + r.range(0, 4)).clamp(2, 98);
            out.push(row(w, me, mi, fav, Side::Buy, c, size, t, &r.tx()));
        }
    }
    out
}

pub fn cron_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let every = *r.pick(&[900, 1800, 3600, 3600, 14_400]);
    let at = r.range(0, 60);
    let size = r.range(1, 20) * 1000;
    let hourly = r.chance(0.5);
    let ai = r.below(4);
    let fixed = *r.pick(&w.politics);
    let mut out = Vec::new();
    let mut t = START - START.rem_euclid(every) + every + at;
    while t <= NOW {
        let ts = t + r.range(0, 3);
        let mi = if hourly { w.crypto_at(ai, true, ts) } else { Some(fixed) };
        if let Some(mi) = mi {
            if w.m[mi].live(ts) {
                let oi = if w.m[mi].p(ts, 0) >= 0.5 { 0 } else { 1 };
                let c = w.taker(r, mi, ts, oi, Side::Buy);
                out.push(row(w, me, mi, oi, Side::Buy, c, size, ts, &r.tx()));
            }
        }
        t += every;
    }
    out
}

pub fn latency_arb(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let ai = r.below(2);
    let thresh = r.uf(0.07, 0.11);
    let usd = r.uf(50.0, 800.0);
    let mut out = Vec::new();
    for &mi in &w.c15[ai] {
        let m = &w.m[mi];
        for k in 1..m.path.len() {
            let d = (m.path[k] - m.path[k - 1]) as f64;
            if d.abs() < thresh {
                continue;
            }
            let t = m.open + k as i64 * m.step - r.range(1, 6);
            if !m.live(t) {
                continue;
            }
            let oi = if d > 0.0 { 0 } else { 1 };
            // The spot feed moved first: buy at the stale price before the book reprices.
            let c = (((m.path[k - 1] as f64) * 100.0).round() as i64).clamp(1, 99);
            let c = if oi == 0 { c } else { 100 - c };
            let h = ((usd * (0.8 + 0.4 * r.f())) * 10_000.0 / c.clamp(1, 99) as f64) as i64;
            out.push(row(w, me, mi, oi, Side::Buy, c.clamp(1, 99), h.max(500), t, &r.tx()));
        }
    }
    out
}

pub fn reward_farmer(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let mk = mm_markets(w, r.range(8, 20) as usize, r);
    let size = *r.pick(&[10_000, 20_000, 25_000, 50_000]);
    let band = r.range(1, 3);
    let mut out = Vec::new();
    for &mi in &mk {
        let mut t = START + r.range(60, 86_400);
        while t <= NOW {
            if w.m[mi].live(t) {
                let side = if r.chance(0.5) { Side::Buy } else { Side::Sell };
                let oi = r.below(2);
                let mid = w.cents(mi, t, oi);
                let c = if side == Side::Buy { mid - band } else { mid + band };
                if (5..=95).contains(&c) {
                    out.push(row(w, me, mi, oi, side, c, size, t, &r.tx()));
                    if r.chance(0.3) {
                        out.push(row(w, me, mi, oi, side, c, size, t + r.range(1, 8), &r.tx()));
                    }
                }
            }
            t += r.range(3 * 3600, 30 * 3600);
        }
    }
    out
}

pub fn grid_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let gap = *r.pick(&[1, 2, 2, 3]);
    let size = r.range(2, 20) * 2500;
    let mut out = Vec::new();
    for _ in 0..r.range(1, 4) {
        let mi = match r.below(3) {
            0 => *r.pick(&w.politics),
            1 => *r.pick(&w.news),
            _ => *r.pick(&w.culture),
        };
        let m = &w.m[mi];
        let mut last = w.cents(mi, START + 1, 0) / gap;
        let mut t = START + 1;
        while t <= NOW && t < m.close {
            let lvl = ((m.p(t, 0) * 100.0) as i64) / gap;
            if lvl != last {
                let side = if lvl < last { Side::Buy } else { Side::Sell };
                let c = (if lvl < last { lvl + 1 } else { lvl } * gap).clamp(1, 99);
                out.push(row(w, me, mi, 0, side, c, size, t + r.range(0, 3), &r.tx()));
                last = lvl;
            }
            t += m.step;
        }
    }
    out
}

pub fn twap(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let mut out = Vec::new();
    for _ in 0..r.range(2, 6) {
        let t0 = START + r.range(3600, 28 * 86_400);
        let mut pool = w.live_in(&w.politics, t0);
        pool.extend(w.live_in(&w.news, t0));
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        let oi = r.below(2);
        let side = if r.chance(0.75) { Side::Buy } else { Side::Sell };
        let slices = r.range(20, 120);
        let slice = r.range(20, 400) * 100;
        let every = *r.pick(&[30, 60, 60, 120, 300]);
        for k in 0..slices {
            let t = t0 + k * every + r.range(0, 2);
            if !w.m[mi].live(t) {
                break;
            }
            let c = w.taker(r, mi, t, oi, side);
            out.push(row(w, me, mi, oi, side, c, slice, t, &r.tx()));
        }
    }
    out
}

pub fn weather_bot(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let delay = r.range(600, 4000);
    let edge = r.uf(0.03, 0.08);
    let mut out = Vec::new();
    for g in &w.weather {
        // Runs after each model cycle (00z, 06z, 12z, 18z) while the day's markets trade.
        let m0 = &w.m[g[0]];
        let mut t = m0.open - m0.open.rem_euclid(21_600) + 21_600 + delay;
        while t < m0.close && t <= NOW {
            for &mi in g {
                let fair = w.m[mi].p(t + 3 * 3600, 0);
                let now = w.m[mi].p(t, 0);
                if fair - now > edge && w.m[mi].live(t) {
                    let c = w.taker(r, mi, t, 0, Side::Buy);
                    let h = (((fair - now) * 4000.0 / (c as f64 / 100.0)) * 100.0) as i64;
                    out.push(row(w, me, mi, 0, Side::Buy, c, h.max(500), t + r.range(0, 4), &r.tx()));
                }
            }
            t += 21_600;
        }
    }
    out
}

pub fn negrisk_arb(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let cover = r.uf(0.2, 0.6);
    let size = r.range(10, 200) * 100;
    let mut out = Vec::new();
    for g in &w.groups {
        let m0 = &w.m[g[0]];
        let lo = m0.open.max(START + 1);
        let hi = m0.close.min(NOW);
        if hi <= lo {
            continue;
        }
        for _ in 0..r.range(1, 4) {
            if !r.chance(cover) {
                continue;
            }
            let t = r.range(lo, hi);
            let tx = r.tx();
            let cs: Vec<i64> = g.iter().map(|&mi| w.maker(mi, t, 0, Side::Buy).max(1)).collect();
            if cs.iter().sum::<i64>() > 99 {
                continue;
            }
            for (k, &mi) in g.iter().enumerate() {
                out.push(row(w, me, mi, 0, Side::Buy, cs[k], size, t, &tx));
            }
        }
    }
    out
}

pub fn stop_manager(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let sl = r.range(5, 15);
    let tp = r.range(5, 20);
    let size = r.range(4, 60) * 2500;
    let mut out = Vec::new();
    for _ in 0..r.range(15, 60) {
        let t = START + r.range(1, 29 * 86_400);
        let mut pool = w.live_in(&w.politics, t);
        pool.extend(w.live_in(&w.news, t));
        pool.extend(w.live_in(&w.culture, t));
        if pool.is_empty() {
            continue;
        }
        let mi = *r.pick(&pool);
        let oi = r.below(2);
        let c = w.taker(r, mi, t, oi, Side::Buy);
        if !(10..=90).contains(&c) {
            continue;
        }
        out.push(row(w, me, mi, oi, Side::Buy, c, size, t, &r.tx()));
        let down = w.cross(mi, oi, c - sl, true, t + 1, NOW);
        let up = w.cross(mi, oi, c + tp, false, t + 1, NOW);
        let exit = match (down, up) {
            (Some(a), Some(b)) => Some((a.min(b), if a < b { c - sl } else { c + tp })),
            (Some(a), None) => Some((a, c - sl)),
            (None, Some(b)) => Some((b, c + tp)),
            _ => None,
        };
        if let Some((et, ec)) = exit {
            out.push(row(w, me, mi, oi, Side::Sell, ec.clamp(1, 99), size, et + r.range(1, 4), &r.tx()));
        }
    }
    out
}

pub fn volume_farmer(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let size = r.range(5, 100) * 1000;
    let per_day = r.range(10, 50);
    let mut out = Vec::new();
    for _ in 0..per_day * DAYS {
        let t = START + r.range(1, 30 * 86_400);
        let mi = match w.crypto_at(r.below(4), true, t) {
            Some(x) if w.m[x].live(t + 120) => x,
            _ => continue,
        };
        let oi = r.below(2);
        let c = w.taker(r, mi, t, oi, Side::Buy);
        if !(20..=80).contains(&c) {
            continue;
        }
        out.push(row(w, me, mi, oi, Side::Buy, c, size, t, &r.tx()));
        let t2 = t + r.range(3, 60);
        out.push(row(w, me, mi, oi, Side::Sell, w.taker(r, mi, t2, oi, Side::Sell), size, t2, &r.tx()));
    }
    out
}

pub fn hard_market_maker(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let mk = mm_markets(w, r.range(2, 6) as usize, r);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if r.chance(0.1) {
            continue;
        }
        // Quotes only in "sessions" with breaks, sleeps at night, sizes people would type.
        for _ in 0..r.range(1, 4) {
            let s0 = p.moment(r, day);
            let mut t = s0;
            while t < s0 + r.range(1800, 3 * 3600) {
                let mi = *r.pick(&mk);
                if w.m[mi].live(t) {
                    let side = if r.chance(0.5) { Side::Buy } else { Side::Sell };
                    let oi = r.below(2);
                    let c = w.maker(mi, t, oi, side);
                    if (3..=97).contains(&c) {
                        let h =
                            *r.pick(&[2500, 5000, 5000, 10_000, 15_000, 20_000, 7500]) + if r.chance(0.1) { r.range(1, 2000) } else { 0 };
                        out.push(row(w, me, mi, oi, side, c, h, t, &r.tx()));
                    }
                }
                t += (r.f().powf(2.0) * 1500.0) as i64 + r.range(20, 200);
            }
        }
    }
    out
}

pub fn hard_sniper(w: &World, r: &mut Rng, me: &Wallet) -> Vec<Trade> {
    let p = Persona::anywhere(r);
    let ai = r.below(2);
    let mut out = Vec::new();
    for day in 0..DAYS {
        if r.chance(0.2) {
            continue;
        }
        for _ in 0..r.range(1, 3) {
            let s0 = p.moment(r, day);
            let s1 = s0 + r.range(3600, 4 * 3600);
            let mut t = s0;
            while t < s1 {
                if let Some(mi) = w.crypto_at(ai, false, t) {
                    let m = &w.m[mi];
                    let ts = m.close - r.range(8, 90);
                    if m.live(ts) && r.chance(0.7) {
                        let oi = if m.p(ts, 0) > 0.5 { 0 } else { 1 };
                        let c = w.taker(r, mi, ts, oi, Side::Buy);
                        if c >= 75 {
                            let usd = *r.pick(&[20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0])
                                + if r.chance(0.15) { r.range(1, 9) as f64 } else { 0.0 };
                            out.push(row(w, me, mi, oi, Side::Buy, c, usd_sh(usd, c), ts, &r.tx()));
                        }
                    }
                }
                t += 900;
            }
        }
    }
    let _ = DAY0;
    out
}
