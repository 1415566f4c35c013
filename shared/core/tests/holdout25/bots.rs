//! Programs: how trading bots on Polymarket behave.

use super::acc::*;
use super::world::{DAY, Kind, Rng};
use copycat_core::trade::{Side, Trade};

const B: Side = Side::Buy;
const S: Side = Side::Sell;

fn side(rng: &mut Rng) -> Side {
    if rng.chance(0.5) { B } else { S }
}
fn idx(rng: &mut Rng) -> u32 {
    if rng.chance(0.5) { 0 } else { 1 }
}

/// Two-sided quotes around the fair price, partial fills all day and night.
pub fn market_maker(rng: &mut Rng, a: &mut Acc) {
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture));
    rng.shuffle(&mut ms);
    ms.truncate(rng.range(3, 8) as usize);
    let quote = rng.range(5, 40) * 1000;
    let per_day = rng.uf(25.0, 70.0);
    let mut t = a.w.start + rng.range(1, 600);
    while t < a.w.now {
        let m = *rng.pick(&ms);
        let i = idx(rng);
        let s = side(rng);
        let p = a.w.markets[m].px(i, t);
        let c = if s == B { p - 1 } else { p + 1 };
        let h = if rng.chance(0.4) { quote } else { rng.range(500, quote) };
        a.put(rng, m, i, s, t, c, h);
        t += (rng.logn(DAY as f64 / per_day, 0.9) as i64).max(1);
    }
}

/// Sweeps near-certain outcomes in the last minutes before the close, every market, all day.
pub fn near_resolution_sweeper(rng: &mut Rng, a: &mut Acc) {
    let cover = rng.uf(0.2, 0.45);
    let lead = rng.range(60, 900);
    let min_c = rng.range(94, 97);
    for m in 0..a.w.markets.len() {
        let mk = &a.w.markets[m];
        if matches!(mk.kind, Kind::Crypto15 | Kind::Politics | Kind::Culture | Kind::Listing) || !rng.chance(cover) {
            continue;
        }
        if mk.kind == Kind::Crypto60 && !rng.chance(0.3) {
            continue;
        }
        let t = mk.close - lead - rng.range(0, 40);
        let i = mk.winner();
        let p = mk.px(i, t);
        if p < min_c {
            continue;
        }
        let tx = rng.hex(64);
        for l in 0..rng.range(1, 4) {
            let c = (p + l).min(99);
            let h = rng.range(2000, 200_000);
            a.put_tx(m, i, B, t, c, h, &tx);
        }
    }
}

/// Buys the leading side of 15-minute windows seconds before they close.
pub fn crypto_window_sniper(rng: &mut Rng, a: &mut Acc) {
    let asset = rng.range(0, 2) as usize;
    let cover = rng.uf(0.25, 0.5);
    let before = rng.range(6, 45);
    let usd = rng.uf(50.0, 800.0);
    for &m in &a.w.c15[asset] {
        if !rng.chance(cover) {
            continue;
        }
        let mk = &a.w.markets[m];
        let t = mk.close - before - rng.range(0, 3);
        let i = if mk.px(0, t) >= 50 { 0 } else { 1 };
        let p = mk.px(i, t);
        if !(62..=96).contains(&p) {
            continue;
        }
        let tx = rng.hex(64);
        for l in 0..rng.range(1, 3) {
            a.put_tx(m, i, B, t, (p + l).min(99), h_usd(usd, p + l), &tx);
        }
    }
}

/// Buys both outcomes in the same second when their asks sum below a dollar.
pub fn complement_arb(rng: &mut Rng, a: &mut Acc) {
    let per_day = rng.uf(15.0, 45.0);
    let cap = rng.range(3000, 60_000);
    let mut t = a.w.start + rng.range(1, 3600);
    while t < a.w.now {
        let m = if rng.chance(0.5) {
            a.w.c15_at(rng.range(0, 2) as usize, t)
        } else {
            let c = a.w.live(t, 60, &|k| matches!(k, Kind::Sport(_) | Kind::Mention | Kind::Crypto60));
            if c.is_empty() { None } else { Some(*rng.pick(&c)) }
        };
        if let Some(m) = m {
            let p = a.w.markets[m].px(0, t);
            let gap = rng.range(1, 4);
            let (c0, c1) = ((p - gap / 2 - 1).max(1), (100 - p - (gap + 1) / 2).max(1));
            let h = rng.range(500, cap);
            let tx = rng.hex(64);
            if a.put_tx(m, 0, B, t, c0, h, &tx) {
                let tx2 = if rng.chance(0.5) { tx.clone() } else { rng.hex(64) };
                a.put_tx(m, 1, B, t, c1, h, &tx2);
            }
        }
        t += (rng.logn(DAY as f64 / per_day, 1.0) as i64).max(5);
    }
}

/// Copies leaders within seconds at a fixed ratio, sells included.
pub fn copy_trading_bot(rng: &mut Rng, a: &mut Acc, leaders: &[(bool, Vec<Trade>)]) {
    let mut follow = vec![rng.range(0, leaders.len() as i64) as usize];
    for _ in 0..rng.range(0, 3) {
        follow.push(rng.range(0, leaders.len() as i64) as usize);
    }
    follow.sort();
    follow.dedup();
    let ratio = rng.uf(0.02, 0.4);
    for &l in &follow {
        for t in &leaders[l].1 {
            let Some(m) = a.w.by_cid(&t.condition_id) else { continue };
            let i = t.outcome_index.unwrap_or(0);
            let at = t.timestamp.timestamp() + rng.range(1, 7);
            let h = ((t.size.to_f64() * 100.0 * ratio) as i64).max(500);
            let c = (t.price.to_f64() * 100.0).round() as i64 + if t.side == B { rng.range(0, 2) } else { -rng.range(0, 2) };
            if t.side == S && a.held(m, i) < h {
                continue;
            }
            a.put(rng, m, i, t.side, at, c, h);
        }
    }
}

/// Trades every headline within a couple of seconds, fixed size.
pub fn news_feed_bot(rng: &mut Rng, a: &mut Acc) {
    let cover = rng.uf(0.5, 0.9);
    let h = rng.range(10, 80) * 1000;
    let lag = rng.range(0, 3);
    for m in a.w.others.clone() {
        let mk = &a.w.markets[m];
        if !matches!(mk.kind, Kind::Politics | Kind::Culture | Kind::Macro | Kind::Listing | Kind::Mention) {
            continue;
        }
        for &(te, dir) in &mk.events {
            if !rng.chance(cover) {
                continue;
            }
            let i = if dir > 0 { 0 } else { 1 };
            let t = te - 1 + lag + rng.range(0, 2);
            let p = mk.px(i, te - 1);
            let tx = rng.hex(64);
            a.put_tx(m, i, B, t, (p + rng.range(0, 3)).min(99), h, &tx);
            if rng.chance(0.3) {
                a.put_tx(m, i, B, t, (p + 3).min(99), h / 2, &tx);
            }
        }
    }
}

/// Trades score changes from a live feed within seconds, across many games.
pub fn live_score_bot(rng: &mut Rng, a: &mut Acc) {
    let sports: Vec<u8> = (0..6).filter(|_| rng.chance(0.5)).collect();
    let sports = if sports.is_empty() { vec![0, 3] } else { sports };
    let cover = rng.uf(0.3, 0.7);
    let usd = rng.uf(100.0, 2000.0);
    for m in a.w.others.clone() {
        let mk = &a.w.markets[m];
        let Kind::Sport(s) = mk.kind else { continue };
        if !sports.contains(&s) {
            continue;
        }
        for &(te, dir) in &mk.events {
            if !rng.chance(cover) {
                continue;
            }
            let i = if dir > 0 { 0 } else { 1 };
            let t = te + rng.range(0, 4);
            let p = (mk.px(i, te - 1) + rng.range(1, 4)).min(99);
            a.put(rng, m, i, B, t, p, h_usd(usd, p));
        }
    }
}

/// Runs on a timer: every N minutes at the same second, a fixed-size order.
pub fn cron_schedule_bot(rng: &mut Rng, a: &mut Acc) {
    let every = *rng.pick(&[900i64, 1800, 3600, 3600, 7200]);
    let sec = rng.range(0, 60);
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture));
    rng.shuffle(&mut ms);
    ms.truncate(rng.range(2, 7) as usize);
    let h = rng.range(1, 30) * 500;
    let mut t = (a.w.start / every + 1) * every + sec;
    let mut k = 0usize;
    while t <= a.w.now {
        if !rng.chance(0.04) {
            let m = ms[k % ms.len()];
            let i = if rng.chance(0.8) { 0 } else { 1 };
            let jitter = rng.range(0, 3);
            a.take(rng, m, i, B, t + jitter, h);
            k += 1;
        }
        t += every;
    }
}

/// Races the exchange price into the up/down windows: bursts of fills on every move.
pub fn crypto_latency_arb(rng: &mut Rng, a: &mut Acc) {
    let assets: Vec<usize> = (0..2).filter(|_| rng.chance(0.7)).collect();
    let assets = if assets.is_empty() { vec![0] } else { assets };
    let hourly = rng.chance(0.5);
    let cover = rng.uf(0.15, 0.35);
    let h0 = rng.range(20, 300) * 100;
    for &asset in &assets {
        let ms: Vec<usize> = if hourly { a.w.c60[asset].clone() } else { a.w.c15[asset].clone() };
        for m in ms {
            if !rng.chance(cover) {
                continue;
            }
            let mk = &a.w.markets[m];
            for &(te, dir) in &mk.events {
                if te >= mk.close - 2 {
                    continue;
                }
                let i = if dir > 0 { 0 } else { 1 };
                let t = te + rng.range(0, 2);
                let p = mk.px(i, te - 1);
                let tx = rng.hex(64);
                for l in 0..rng.range(1, 4) {
                    a.put_tx(m, i, B, t, (p + l).clamp(1, 99), h0 + rng.range(0, 3) * 100, &tx);
                }
            }
        }
    }
}

/// Quotes inside the reward band with the minimum size; fills are sparse and exact.
pub fn liquidity_reward_farmer(rng: &mut Rng, a: &mut Acc) {
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Macro));
    rng.shuffle(&mut ms);
    ms.truncate(rng.range(4, 12) as usize);
    let size = *rng.pick(&[5000i64, 10_000, 20_000, 25_000, 50_000]);
    let per_day = rng.uf(4.0, 18.0);
    let band = rng.range(1, 3);
    let mut t = a.w.start + rng.range(1, 3600);
    while t < a.w.now {
        let m = *rng.pick(&ms);
        let i = idx(rng);
        let s = side(rng);
        if s == S && a.held(m, i) < size {
            let p = a.w.markets[m].px(i, t) - band;
            a.put(rng, m, i, B, t, p, size);
        } else {
            let p = a.w.markets[m].px(i, t) + if s == B { -band } else { band };
            let h = if rng.chance(0.75) { size } else { size / 2 };
            a.put(rng, m, i, s, t, p, h);
        }
        t += (rng.logn(DAY as f64 / per_day, 0.7) as i64).max(1);
    }
}

/// Resting ladder of orders every few cents: buys on the way down, sells on the way up.
pub fn grid_ladder_bot(rng: &mut Rng, a: &mut Acc) {
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Listing));
    rng.shuffle(&mut ms);
    ms.truncate(rng.range(2, 5) as usize);
    let gap = rng.range(1, 3);
    let h = rng.range(4, 40) * 500;
    for m in ms {
        let mk = &a.w.markets[m];
        let mut prev = mk.px(0, a.w.start + 1);
        let mut t = a.w.start + 1;
        while t < a.w.now.min(mk.close) {
            let p = mk.px(0, t);
            if p != prev {
                let (lo, hi) = (prev.min(p), prev.max(p));
                for lvl in lo..=hi {
                    if lvl % gap != 0 || lvl == prev {
                        continue;
                    }
                    let s = if p < prev { B } else { S };
                    let back = rng.range(0, 300);
                    a.put(rng, m, 0, s, t - back, lvl, h);
                }
                prev = p;
            }
            t += 300;
        }
    }
    a.v.sort_by_key(|t| t.timestamp);
}

/// Works big parent orders in equal child slices at a fixed interval, day or night.
pub fn twap_iceberg_executor(rng: &mut Rng, a: &mut Acc) {
    for _ in 0..rng.range(2, 6) {
        let t0 = a.w.start + rng.range(DAY / 2, 28 * DAY);
        let c = a.w.live(t0, 2 * DAY, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Macro | Kind::Listing));
        if c.is_empty() {
            continue;
        }
        let m = *rng.pick(&c);
        let i = idx(rng);
        let s = if rng.chance(0.8) { B } else { S };
        let every = *rng.pick(&[30i64, 60, 90, 120, 300]);
        let n = rng.range(20, 120);
        let child = rng.range(10, 100) * 100;
        if s == S {
            let back = rng.range(3600, DAY);
            a.put(rng, m, i, B, t0 - back, a.w.markets[m].px(i, t0 - DAY), child * n);
        }
        for k in 0..n {
            let t = t0 + k * every + rng.range(0, 2);
            a.take(rng, m, i, s, t, child);
        }
    }
}

/// Trades the temperature brackets after each weather-model run.
pub fn weather_model_bot(rng: &mut Rng, a: &mut Acc) {
    let runs = [3 * 3600 + 40 * 60, 9 * 3600 + 40 * 60, 15 * 3600 + 40 * 60, 21 * 3600 + 40 * 60];
    let off = rng.range(0, 600);
    let bank = rng.uf(500.0, 5000.0);
    let thr = rng.uf(0.1, 0.18);
    for d in 0..31 {
        for r in runs {
            let t = a.w.base + d * DAY + r + off + rng.range(0, 20);
            let c = a.w.live(t, 1800, &|k| k == Kind::Weather);
            for m in c {
                let mk = &a.w.markets[m];
                if mk.close - t > 30 * 3600 {
                    continue;
                }
                // The model leans towards the bracket that will win, with noise.
                let model = if mk.yes_wins { 0.55 } else { 0.12 } + 0.15 * rng.normal();
                let p = mk.px(0, t) as f64 / 100.0;
                let edge = model - p;
                if edge.abs() < thr {
                    continue;
                }
                let (i, c) = if edge > 0.0 { (0, mk.px(0, t)) } else { (1, mk.px(1, t)) };
                let usd = bank * edge.abs() * 0.25;
                a.put(rng, m, i, B, t, c, h_usd(usd, c));
            }
        }
    }
}

/// A pricing model trades every game at fixed times before the start, Kelly-sized.
pub fn sports_odds_model_bot(rng: &mut Rng, a: &mut Acc) {
    let sports: Vec<u8> = (0..6).filter(|_| rng.chance(0.55)).collect();
    let sports = if sports.is_empty() { vec![2] } else { sports };
    let offs = [6 * 3600 + rng.range(0, 300), 3600 + rng.range(0, 300), 600];
    let bank = rng.uf(2000.0, 20000.0);
    for m in a.w.others.clone() {
        let mk = &a.w.markets[m];
        let Kind::Sport(s) = mk.kind else { continue };
        if !sports.contains(&s) || !rng.chance(0.8) {
            continue;
        }
        for o in offs {
            let t = mk.start - o + rng.range(0, 5);
            let fair = if mk.yes_wins { 0.08 } else { -0.08 } + 0.06 * rng.normal();
            let i = if fair > 0.0 { 0 } else { 1 };
            let c = mk.px(i, t);
            let usd = bank * fair.abs() * 0.2;
            if usd > 5.0 {
                a.put(rng, m, i, B, t, c, h_usd(usd, c));
            }
        }
    }
}

/// Buys new markets within seconds of listing.
pub fn listing_sniper(rng: &mut Rng, a: &mut Acc) {
    let usd = rng.uf(50.0, 1000.0);
    let weather = rng.chance(0.5);
    for m in a.w.others.clone() {
        let mk = &a.w.markets[m];
        let want = match mk.kind {
            Kind::Listing => true,
            Kind::Mention => rng.chance(0.6),
            Kind::Weather => weather && rng.chance(0.4),
            _ => false,
        };
        if !want {
            continue;
        }
        let t = mk.open + rng.range(1, 9);
        let i = if mk.px(0, t) <= 50 { 0 } else { 1 };
        let c = mk.px(i, t);
        a.put(rng, m, i, B, t, c, h_usd(usd, c));
        if rng.chance(0.4) {
            let t2 = t + rng.range(600, 6 * 3600);
            let h = a.held(m, i);
            a.take(rng, m, i, S, t2, h);
        }
    }
}

/// Fades sharp moves within seconds and exits when the price comes back.
pub fn mean_reversion_bot(rng: &mut Rng, a: &mut Acc) {
    let h = rng.range(20, 200) * 100;
    let thr = rng.range(5, 9);
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture));
    ms.extend(a.w.others.iter().copied().filter(|&m| matches!(a.w.markets[m].kind, Kind::Sport(_)) && rng.chance(0.12)));
    for m in ms {
        let mk = &a.w.markets[m];
        let mut t = mk.open.max(a.w.start + 600);
        let end = mk.close.min(a.w.now);
        let mut cool = 0;
        let dt = if matches!(mk.kind, Kind::Sport(_)) { 60 } else { 300 };
        while t < end {
            let d = mk.px(0, t) - mk.px(0, t - 600);
            if d.abs() >= thr && t > cool {
                let i = if d > 0 { 1 } else { 0 };
                let at = t + rng.range(3, 30);
                if a.take(rng, m, i, B, at, h) {
                    let back = at + rng.range(1800, 6 * 3600);
                    a.take(rng, m, i, S, back, h);
                }
                cool = t + 3600;
            }
            t += dt;
        }
    }
    a.v.sort_by_key(|t| t.timestamp);
}

// ---- programs written to look like people ----

/// Copies leaders with human-looking delays, round sums, skipped trades and a night's sleep.
pub fn hard_jittered_copy_bot(rng: &mut Rng, a: &mut Acc, leaders: &[(bool, Vec<Trade>)]) {
    let tz = *rng.pick(&[-5.0, -4.0, 0.0, 1.0]);
    let l = rng.range(0, leaders.len() as i64) as usize;
    let ratio = rng.uf(0.05, 0.3);
    for t in &leaders[l].1 {
        if rng.chance(0.3) {
            continue;
        }
        let Some(m) = a.w.by_cid(&t.condition_id) else { continue };
        let i = t.outcome_index.unwrap_or(0);
        let at = t.timestamp.timestamp() + (rng.logn(150.0, 0.9) as i64).clamp(25, 1200);
        if !awake(at, tz, 7.0 + rng.f(), 23.5) {
            continue;
        }
        if t.side == B {
            let usd = (t.size.to_f64() * t.price.to_f64() * ratio / 5.0).round().max(1.0) * 5.0;
            a.usd(rng, m, i, B, at, usd);
        } else {
            let held = a.held(m, i);
            if held >= 500 {
                a.take(rng, m, i, S, at, held);
            }
        }
    }
}

/// Market making in sessions with breaks and sleep, round human-like sizes.
pub fn hard_session_market_maker(rng: &mut Rng, a: &mut Acc) {
    let tz = *rng.pick(&[-5.0, -4.0, 1.0, 8.0]);
    let mut ms = a.w.live(a.w.start + DAY, 0, &|k| matches!(k, Kind::Politics | Kind::Culture | Kind::Macro));
    rng.shuffle(&mut ms);
    ms.truncate(rng.range(2, 6) as usize);
    for d in 0..31 {
        if rng.chance(0.15) {
            continue;
        }
        for _ in 0..rng.range(1, 4) {
            let mut t = a.w.base + d * DAY + ((rng.uf(8.0, 22.0) - tz) * 3600.0) as i64;
            let end = t + rng.range(3600, 4 * 3600);
            while t < end {
                if !awake(t, tz, 8.0, 24.0) {
                    break;
                }
                let m = *rng.pick(&ms);
                let i = idx(rng);
                let s = side(rng);
                let p = a.w.markets[m].px(i, t);
                let c = if s == B { p - rng.range(1, 3) } else { p + rng.range(1, 3) };
                let h = human_h(rng, c, 10.0, 400.0);
                a.put(rng, m, i, s, t, c, h);
                t += (rng.logn(700.0, 1.0) as i64).clamp(30, 4000);
            }
        }
    }
}

/// Buys favourites before the close with random lead times, awake hours only, varied round
/// sizes, and now and then the wrong side.
pub fn hard_humanlike_sniper(rng: &mut Rng, a: &mut Acc) {
    let tz = *rng.pick(&[-5.0, -4.0, -7.0, 0.0]);
    let cover = rng.uf(0.08, 0.2);
    for m in a.w.others.clone() {
        let mk = &a.w.markets[m];
        if !matches!(mk.kind, Kind::Sport(_) | Kind::Weather | Kind::Mention | Kind::Macro) || !rng.chance(cover) {
            continue;
        }
        let t = mk.close - (rng.logn(900.0, 0.8) as i64).clamp(120, 3 * 3600);
        if !awake(t, tz, 8.0 + rng.f(), 23.0 + rng.f()) {
            continue;
        }
        let mut i = mk.winner();
        if rng.chance(0.04) {
            i = 1 - i;
        }
        let p = mk.px(i, t);
        if !(85..=98).contains(&p) && !(i != mk.winner()) {
            continue;
        }
        let h = human_h(rng, p, 20.0, 1500.0);
        a.take(rng, m, i, B, t, h);
    }
}
