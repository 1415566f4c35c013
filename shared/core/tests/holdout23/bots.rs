//! Programs: what trading bots on Polymarket do. Around the clock, reacting in seconds, fixed
//! sizes and schedules, both sides at once. The `hard_` ones are written to pass for people.

use super::NOW;
use super::agent::Agent;
use super::world::{DAY, HOUR, Kind, League, MIN, MODEL_RUNS, START, World, midnight};

fn is_game(w: &World, m: usize, leagues: &[League]) -> bool {
    matches!(w.markets[m].kind, Kind::Game(l) if leagues.contains(&l))
}

pub fn market_maker(a: &mut Agent, i: usize) {
    let w = a.w;
    let quote = a.rng.pick(&[100i64, 200, 250, 500, 1000, 150]) * 100;
    let target = a.rng.range(700, 2_400) as f64;
    let sports = i % 3 == 1;
    // Which markets, and for how long each is quoted.
    let mut books: Vec<(usize, i64, i64)> = Vec::new();
    if sports {
        let leagues: &[League] =
            if a.rng.chance(0.5) { &[League::Nba, League::Nhl] } else { &[League::Epl, League::LaLiga, League::SerieA, League::Ucl] };
        for &g in &w.games {
            if is_game(w, g, leagues) {
                let mk = &w.markets[g];
                books.push((g, mk.open, mk.live.0 - 60));
            }
        }
    } else {
        let mut pool: Vec<usize> = w.politics.clone();
        pool.extend(w.news.iter().copied());
        pool.extend(w.culture.iter().copied());
        pool.extend(w.elections.iter().copied());
        let n = a.rng.range(3, 7);
        for _ in 0..n {
            let m = a.rng.pick(&pool);
            if books.iter().any(|b| b.0 == m) {
                continue;
            }
            let mk = &w.markets[m];
            let stop = if mk.kind == Kind::Election { mk.live.0 } else { mk.end };
            books.push((m, mk.open, stop));
        }
    }
    let hours: f64 = books.iter().map(|b| (b.2 - b.1).max(0) as f64 / 3600.0).sum();
    if hours <= 0.0 {
        return;
    }
    let rate = target / hours; // fills per hour per book
    for (m, from, to) in books {
        let mut t = from.max(START + 1);
        loop {
            t += (a.rng.exp(3600.0 / rate) as i64).max(1);
            if t >= to || t > NOW {
                break;
            }
            let o = a.rng.below(2);
            let inv = a.held(m, o) - a.held(m, 1 - o);
            let sell_side = inv > 3 * quote || (inv > 0 && a.rng.chance(0.5));
            let size = ((a.rng.lognormal(quote as f64 * 0.35, 0.9)) as i64).clamp(500, quote);
            if sell_side && a.held(m, o) >= size {
                let c = w.ask(m, o, t);
                a.make(m, o, false, t, c, size);
            } else {
                let c = w.bid(m, o, t);
                a.make(m, o, true, t, c, size);
            }
        }
    }
}

pub fn near_resolution_sweeper(a: &mut Agent, i: usize) {
    let w = a.w;
    let thr = a.rng.range(94, 97);
    let horizon = a.rng.range(30 * MIN, 6 * HOUR);
    let lat = a.rng.range(1, 3);
    let budget = a.rng.lognormal(1_500.0, 0.7);
    let cats = i % 4;
    let take_p = a.rng.uniform(0.35, 0.7);
    let cities: Vec<usize> = (0..8).filter(|_| a.rng.chance(0.35)).collect();
    for &m in w.closing(START, NOW + 1) {
        let mk = &w.markets[m];
        let ok = match mk.kind {
            Kind::Game(_) => cats != 2,
            Kind::CryptoDaily(_) => cats != 1,
            Kind::Weather(c) => cats == 2 && cities.contains(&c),
            Kind::Mention => cats != 0,
            Kind::Election | Kind::Macro | Kind::Culture | Kind::News | Kind::Politics => true,
            _ => false,
        };
        if !ok || !a.rng.chance(take_p) {
            continue;
        }
        let from = mk.close - horizon;
        let c0 = w.first_cross(m, 0, from, mk.end, thr, true);
        let c1 = w.first_cross(m, 1, from, mk.end, thr, true);
        let (o, tc) = match (c0, c1) {
            (Some(x), Some(y)) => {
                if x <= y {
                    (0, x)
                } else {
                    (1, y)
                }
            }
            (Some(x), None) => (0, x),
            (None, Some(y)) => (1, y),
            _ => continue,
        };
        let t = tc + lat + a.rng.range(0, 1);
        if !w.is_open(m, t) {
            continue;
        }
        let ask = w.ask(m, o, t);
        if ask > 99 || ask < thr {
            continue;
        }
        let h = Agent::shares_for(budget * a.rng.uniform(0.6, 1.0), ask);
        let levels = (100 - ask).clamp(1, 3) as usize;
        a.take_at(m, o, true, t, h, levels, ask);
        if a.rng.chance(0.25) {
            let t2 = t + a.rng.range(60, horizon.max(120) / 2);
            if w.is_open(m, t2) && w.ask(m, o, t2) <= 99 {
                let h2 = Agent::shares_for(budget * 0.4, 99);
                a.take_at(m, o, true, t2, h2, 1, w.ask(m, o, t2));
            }
        }
    }
}

pub fn crypto_window_sniper(a: &mut Agent, i: usize) {
    let w = a.w;
    let assets: Vec<usize> = match i % 4 {
        0 => vec![0],
        1 => vec![1],
        2 => vec![0, 2],
        _ => vec![3],
    };
    let lead = a.rng.range(5, 50);
    let thr = a.rng.range(85, 93);
    let budget = a.rng.lognormal(400.0, 0.7).round();
    let part = a.rng.uniform(0.35, 0.75);
    for asset in assets {
        for &m in &w.crypto15[asset] {
            let close = w.markets[m].close;
            if close > NOW || !a.rng.chance(part) {
                continue;
            }
            let t = close - lead - a.rng.range(0, 2);
            let o = w.leader_o(m, t);
            let ask = w.ask(m, o, t);
            if ask < thr || ask > 99 {
                continue;
            }
            let h = Agent::shares_for(budget, ask);
            let lv = if ask <= 97 && a.rng.chance(0.3) { 2 } else { 1 };
            a.take_at(m, o, true, t, h, lv, ask);
        }
    }
}

pub fn complement_arb(a: &mut Agent, i: usize) {
    let w = a.w;
    let per_day = a.rng.uniform(8.0, 22.0);
    let crypto = i % 2 == 0;
    let asset = a.rng.below(4);
    let same_tx = a.rng.uniform(0.4, 0.9);
    let depth = a.rng.lognormal(8_000.0, 0.6);
    let mut t = START + 1;
    loop {
        t += a.rng.exp(DAY as f64 / per_day) as i64 + 1;
        if t > NOW {
            break;
        }
        let m = if crypto {
            match w.window15(asset, t) {
                Some(m) => m,
                None => continue,
            }
        } else {
            let gs: Vec<usize> =
                w.games_starting(t - 4 * HOUR, t).iter().copied().filter(|&g| w.is_open(g, t) && t < w.markets[g].live.1).collect();
            if gs.is_empty() {
                continue;
            }
            a.rng.pick(&gs)
        };
        if !w.is_open(m, t) {
            continue;
        }
        let a0 = w.ask(m, 0, t) - a.rng.range(0, 2);
        let edge = a.rng.range(1, 4);
        let a1 = 100 - a0 - edge;
        if !(3..=97).contains(&a0) || !(3..=97).contains(&a1) {
            continue;
        }
        let h = (a.rng.lognormal(depth, 0.5) as i64).max(500);
        let h1 = if a.rng.chance(0.8) { h } else { (h as f64 * a.rng.uniform(0.6, 1.0)) as i64 };
        if a.rng.chance(same_tx) {
            let tx = a.tx();
            a.fill(m, 0, true, t, a0, h, &tx);
            a.fill(m, 1, true, t, a1, h1, &tx);
        } else {
            let tx = a.tx();
            a.fill(m, 0, true, t, a0, h, &tx);
            let tx2 = a.tx();
            a.fill(m, 1, true, t + a.rng.range(0, 2), a1, h1, &tx2);
        }
    }
}

pub fn copy_trading_bot(a: &mut Agent, i: usize) {
    let w = a.w;
    let n = w.leaders.len();
    let mut follow = vec![i % n];
    if a.rng.chance(0.5) {
        follow.push((i * 7 + 3) % n);
    }
    if a.rng.chance(0.25) {
        follow.push(5);
    }
    follow.sort();
    follow.dedup();
    let ratio = a.rng.uniform(0.004, 0.05);
    let poll = if a.rng.chance(0.4) { a.rng.pick(&[5i64, 10, 15, 30]) } else { 0 };
    let cap = a.rng.lognormal(150_000.0, 0.6) as i64;
    // Some are set to a fixed dollar amount per copied trade instead of a ratio.
    let fixed_usd = if i % 3 == 2 { Some(a.rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0])) } else { None };
    let mut moves: Vec<_> = follow.iter().flat_map(|&l| w.leaders[l].moves.iter().copied()).collect();
    moves.sort_by_key(|m| (m.t, m.m));
    for mv in moves {
        let t = if poll > 0 { (mv.t / poll + 1) * poll + a.rng.range(1, 3) } else { mv.t + a.rng.range(1, 6) };
        if !w.is_open(mv.m, t) {
            continue;
        }
        if mv.buy {
            let touch = w.ask(mv.m, mv.o, t).max(mv.cents).min(99);
            let h = match fixed_usd {
                Some(usd) => Agent::shares_for(usd, touch).max(500),
                None => ((mv.h as f64 * ratio) as i64).clamp(500, cap.max(500)),
            };
            a.take_at(mv.m, mv.o, true, t, h, 1, touch);
        } else {
            let held = a.held(mv.m, mv.o);
            let h = if fixed_usd.is_some() { held } else { ((mv.h as f64 * ratio) as i64).max(500).min(held) };
            if h >= 500 {
                let touch = w.bid(mv.m, mv.o, t).min(mv.cents).max(1);
                a.take_at(mv.m, mv.o, false, t, h, 1, touch);
            }
        }
    }
}

pub fn news_feed_bot(a: &mut Agent, _i: usize) {
    let w = a.w;
    let mut pool: Vec<usize> = w.news.clone();
    pool.extend(w.politics.iter().copied());
    if a.rng.chance(0.5) {
        pool.extend(w.macro_.iter().copied());
    }
    if a.rng.chance(0.5) {
        pool.extend(w.elections.iter().copied());
    }
    let thr = a.rng.uniform(0.015, 0.04);
    let lat = a.rng.range(1, 4);
    let size = a.rng.pick(&[100i64, 200, 250, 300, 500, 750]) * 100;
    let hold = a.rng.pick(&[15 * MIN, HOUR, 4 * HOUR, DAY]);
    for m in pool {
        if !a.rng.chance(0.85) {
            continue;
        }
        let evs = w.markets[m].events.clone();
        for (te, dp) in evs {
            if (dp.abs() as f64) < thr {
                continue;
            }
            let o = if dp > 0.0 { 0 } else { 1 };
            let t = te + lat + a.rng.range(0, 1);
            let stale = w.ask_at(m, w.stale_o(m, o, te));
            a.take_at(m, o, true, t, size, 1, stale);
            let tx = t + hold + a.rng.range(0, 3);
            if w.is_open(m, tx) {
                a.sell_all(m, o, tx, 1);
            }
        }
    }
}

pub fn live_score_bot(a: &mut Agent, i: usize) {
    let w = a.w;
    let leagues: Vec<League> = match i % 4 {
        0 => vec![League::Epl, League::LaLiga, League::SerieA, League::Ucl],
        1 => vec![League::Nfl, League::Cfb, League::Nhl],
        2 => vec![League::Tennis, League::Esports, League::Ufc, League::Ucl],
        _ => vec![League::Nba, League::Epl],
    };
    let thr = a.rng.uniform(0.04, 0.08);
    let lat = a.rng.range(1, 3);
    let size = a.rng.pick(&[50i64, 100, 150, 200, 300]) * 100;
    let scalp = a.rng.uniform(0.4, 0.9);
    for &g in &w.games {
        if !is_game(w, g, &leagues) {
            continue;
        }
        let evs = w.markets[g].events.clone();
        for (te, dp) in evs {
            if (dp.abs() as f64) < thr {
                continue;
            }
            let o = if dp > 0.0 { 0 } else { 1 };
            let t = te + lat;
            let stale = w.ask_at(g, w.stale_o(g, o, te));
            if stale > 97 {
                continue;
            }
            a.take_at(g, o, true, t, size, 1, stale);
            if a.rng.chance(scalp) {
                let tx = t + a.rng.range(20, 240);
                if w.is_open(g, tx) {
                    a.sell_all(g, o, tx, 1);
                }
            }
        }
    }
}

pub fn cron_schedule_bot(a: &mut Agent, i: usize) {
    let w = a.w;
    let off = a.rng.range(0, 59);
    match i % 4 {
        0 => {
            // Every hour: a fixed stake on the new bitcoin hourly window.
            let usd = a.rng.pick(&[5.0, 10.0, 20.0, 25.0]);
            let side = a.rng.below(2);
            let mut t = w.w60 + 3600 + off;
            while t <= NOW {
                if let Some(m) = w.window60(0, t) {
                    let ask = w.ask(m, side, t);
                    let h = Agent::shares_for(usd, ask).max(500);
                    a.take_at(m, side, true, t + a.rng.range(0, 2), h, 1, ask);
                }
                t += 3600;
            }
        }
        1 => {
            // Every four hours: accumulate a fixed clip in a long-running market.
            let m = a.rng.pick(&w.politics);
            let o = w.leader_o(m, START + 1);
            let clip = a.rng.pick(&[10i64, 20, 25, 50]) * 100;
            let every = a.rng.pick(&[4 * HOUR, 6 * HOUR, 2 * HOUR]);
            let mut t = midnight(START) + DAY + off;
            while t <= NOW {
                a.take(m, o, true, t + a.rng.range(0, 2), clip, 1);
                t += every;
            }
        }
        2 => {
            // Every 30 minutes: rebalance toward a target position.
            let pool: Vec<usize> = w.news.iter().copied().filter(|&m| w.markets[m].close > NOW).collect();
            let m = a.rng.pick(&pool);
            let o = a.rng.below(2);
            let target = a.rng.pick(&[200i64, 500, 1000]) * 100;
            let clip = target / 10;
            let mut t = midnight(START) + DAY + 30 * MIN + off;
            while t <= NOW {
                let held = a.held(m, o);
                let p = w.prob_o(m, o, t);
                let want = if p < 0.5 { target } else { target / 2 };
                if held < want {
                    a.take(m, o, true, t + a.rng.range(0, 2), clip, 1);
                } else if held > want + clip {
                    a.take(m, o, false, t + a.rng.range(0, 2), clip, 1);
                }
                t += 30 * MIN;
            }
        }
        _ => {
            // Once a day: buy the favourite of today's bitcoin noon strike at a fixed time.
            let at = a.rng.pick(&[8 * HOUR, 12 * HOUR, 14 * HOUR, 15 * HOUR]) + off;
            let usd = a.rng.pick(&[50.0, 100.0, 200.0]);
            let mut day = midnight(START) + DAY;
            while day + at <= NOW {
                let t = day + at;
                let cands: Vec<usize> = w
                    .closing(t, t + DAY)
                    .iter()
                    .copied()
                    .filter(|&m| matches!(w.markets[m].kind, Kind::CryptoDaily(0)) && w.is_open(m, t))
                    .collect();
                if let Some(&m) = cands.iter().min_by_key(|&&m| (w.mid(m, 0, t) - 75).abs()) {
                    let o = w.leader_o(m, t);
                    let ask = w.ask(m, o, t);
                    let h = Agent::shares_for(usd, ask);
                    a.take_at(m, o, true, t + a.rng.range(0, 2), h, 1, ask);
                }
                // And a second scheduled action: trim a quarter of yesterday's position at 23:00.
                day += DAY;
            }
        }
    }
}

pub fn crypto_latency_arb(a: &mut Agent, i: usize) {
    let w = a.w;
    let asset = [0usize, 0, 1, 2][i % 4];
    // Acts on the sharpest few hundred moves of the month (its trigger is a size threshold).
    let mut sizes: Vec<f64> = w.jolts[asset].iter().map(|j| j.2).collect();
    sizes.sort_by(|x, y| y.total_cmp(x));
    let k = (a.rng.range(300, 800) as usize).min(sizes.len().saturating_sub(1));
    let thr = sizes.get(k).copied().unwrap_or(f64::MAX);
    let lat = a.rng.range(0, 2);
    let size = a.rng.lognormal(20_000.0, 0.5);
    let hourly = a.rng.chance(0.5);
    let scalp = a.rng.uniform(0.4, 0.8);
    for &(tj, dir, sz) in &w.jolts[asset] {
        if sz < thr {
            continue;
        }
        let mut targets = Vec::new();
        if let Some(m) = w.window15(asset, tj) {
            targets.push(m);
        }
        if hourly {
            if let Some(m) = w.window60(asset, tj) {
                targets.push(m);
            }
        }
        for m in targets {
            if w.markets[m].close - tj < 20 {
                continue;
            }
            let o = if dir > 0 { 0 } else { 1 };
            let stale = w.ask_at(m, w.prob_o(m, o, tj - 5));
            if !(5..=95).contains(&stale) {
                continue;
            }
            let h = ((size * a.rng.uniform(0.5, 1.0)) as i64).max(500);
            let t = tj + lat;
            if a.take_at(m, o, true, t, h, 1, stale) > 0 && a.rng.chance(scalp) {
                let tx = t + a.rng.range(8, 90);
                if w.is_open(m, tx) {
                    a.sell_all(m, o, tx, 1);
                }
            }
        }
    }
}

pub fn liquidity_reward_farmer(a: &mut Agent, _i: usize) {
    let w = a.w;
    let pool: Vec<usize> = (0..w.markets.len()).filter(|&m| w.markets[m].reward && !matches!(w.markets[m].kind, Kind::Game(_))).collect();
    let size = a.rng.pick(&[100i64, 200, 250, 500, 1000]) * 100;
    let hedge = a.rng.uniform(0.5, 0.9);
    let n = a.rng.range(2, 5);
    let rate = a.rng.uniform(0.15, 0.45);
    for _ in 0..n {
        let m = a.rng.pick(&pool);
        let mk = &w.markets[m];
        let stop = if mk.kind == Kind::Election { mk.live.0 } else { mk.end };
        let mut t = mk.open;
        loop {
            t += a.rng.exp(3600.0 / rate) as i64 + 1;
            if t >= stop {
                break;
            }
            let o = a.rng.below(2);
            let h = if a.rng.chance(0.4) { size } else { (a.rng.f64() * size as f64) as i64 + 500 }.min(size);
            let c = w.bid(m, o, t);
            if a.make(m, o, true, t, c, h) && a.rng.chance(hedge) {
                let t2 = t + a.rng.range(3, 60);
                let bid = w.bid(m, o, t2);
                a.take_at(m, o, false, t2, h, 1, bid);
            }
        }
    }
}

pub fn grid_ladder_bot(a: &mut Agent, i: usize) {
    let w = a.w;
    let daily = i % 2 == 0;
    let grid = if daily { a.rng.pick(&[3i64, 4, 5]) } else { a.rng.pick(&[1i64, 2, 2, 3]) };
    let clip = a.rng.pick(&[25i64, 40, 50, 100, 200]) * 100;
    let mut books: Vec<usize> = Vec::new();
    if daily {
        // A fresh ladder on each day's bitcoin strike nearest the money.
        let days = a.rng.uniform(0.4, 0.8);
        for &m in &w.daily {
            if matches!(w.markets[m].kind, Kind::CryptoDaily(0)) && w.markets[m].heat >= 2.0 && a.rng.chance(days) {
                books.push(m);
            }
        }
    } else {
        let mut pool = w.politics.clone();
        pool.extend(w.news.iter().copied());
        for _ in 0..a.rng.range(1, 3) {
            books.push(a.rng.pick(&pool));
        }
    }
    let check = if daily { a.rng.pick(&[120i64, 180, 300]) } else { a.rng.pick(&[30i64, 60, 120]) };
    let max_lots = if daily { 5 } else { 12 };
    for m in books {
        let mk = &w.markets[m];
        let mut t = mk.open;
        let o = 0;
        let mut prev = w.mid(m, o, t);
        let mut lots: Vec<i64> = Vec::new();
        let stop = mk.end.min(mk.close - 10 * MIN);
        while t < stop {
            t += check;
            let c = w.mid(m, o, t);
            if c < prev {
                let mut level = (prev - 1) / grid * grid;
                while level >= c && level >= 2 {
                    if lots.len() < max_lots && !lots.contains(&level) && a.make(m, o, true, t + a.rng.range(0, check - 1), level, clip) {
                        lots.push(level);
                    }
                    level -= grid;
                }
            } else if c > prev {
                let mut level = (prev / grid + 1) * grid;
                while level <= c && level <= 98 {
                    if let Some(k) = lots.iter().position(|&l| l == level - grid) {
                        if a.make(m, o, false, t + a.rng.range(0, check - 1), level, clip) {
                            lots.remove(k);
                        }
                    }
                    level += grid;
                }
            }
            prev = c;
        }
    }
}

pub fn twap_executor(a: &mut Agent, i: usize) {
    let w = a.w;
    let every = a.rng.pick(&[30i64, 60, 90, 120, 300]);
    let iceberg = i % 3 == 2;
    let mut pool = w.politics.clone();
    pool.extend(w.news.iter().copied());
    pool.extend(w.elections.iter().copied());
    pool.extend(w.culture.iter().copied());
    let parents = a.rng.range(3, 9);
    for _ in 0..parents {
        let t0 = a.rng.range(START + HOUR, NOW - 2 * DAY);
        let m = a.rng.pick(&pool);
        if !w.is_open(m, t0) {
            continue;
        }
        let o = a.rng.below(2);
        let total = a.rng.pick(&[5_000i64, 10_000, 20_000, 25_000, 50_000]) * 100;
        let clip = a.rng.pick(&[100i64, 200, 250, 500]) * 100;
        let n = total / clip;
        if iceberg {
            // A resting order showing one clip at a time, refilled whenever it is taken.
            let level = w.bid(m, o, t0);
            let mut t = t0;
            let mut done = 0;
            while done < n {
                t += a.rng.exp(420.0) as i64 + 1;
                if !w.is_open(m, t) || t > NOW || t > t0 + 4 * DAY {
                    break;
                }
                if w.mid(m, o, t) > level + 3 {
                    continue;
                }
                if a.make(m, o, true, t, level, clip) {
                    done += 1;
                }
            }
        } else {
            let mut t = t0;
            for _ in 0..n {
                if !w.is_open(m, t) || t > NOW {
                    break;
                }
                a.take(m, o, true, t, clip, 1);
                t += every + a.rng.range(0, 2);
            }
        }
    }
}

pub fn weather_model_bot(a: &mut Agent, _i: usize) {
    let w = a.w;
    let cities: Vec<usize> = (0..8).filter(|_| a.rng.chance(0.55)).collect();
    let lat = a.rng.range(20, 300);
    let edge = a.rng.uniform(0.05, 0.12);
    let size = a.rng.pick(&[20i64, 30, 50, 100]) * 100;
    for g in &w.weather {
        if !cities.contains(&g.city) {
            continue;
        }
        let first = w.markets[g.markets[0]].open;
        let mut day = midnight(first);
        while day < g.live.1 {
            for &r in &MODEL_RUNS {
                let run = day + r;
                if run < first || run >= g.live.1 {
                    continue;
                }
                let t = run + lat + a.rng.range(0, 3);
                for &m in &g.markets {
                    if !w.is_open(m, t) {
                        continue;
                    }
                    let now_p = w.prob(m, run + 600);
                    let before = w.prob(m, run - 600);
                    if now_p > before + edge {
                        let c = w.ask_at(m, before);
                        a.take_at(m, 0, true, t, size, 1, c);
                    } else if now_p < before - edge {
                        if a.held(m, 0) >= 500 {
                            let c = w.bid_at(m, before);
                            let h = a.held(m, 0);
                            a.take_at(m, 0, false, t, h, 1, c);
                        } else {
                            let c = w.ask_at(m, 1.0 - before);
                            a.take_at(m, 1, true, t, size, 1, c);
                        }
                    }
                }
            }
            day += DAY;
        }
    }
}

// ---- the hard ones ----

pub fn hard_jittered_copier(a: &mut Agent, i: usize) {
    let w = a.w;
    let choices = [0usize, 1, 2, 3, 4, 7, 8];
    let mut follow = vec![choices[i % choices.len()]];
    if a.rng.chance(0.4) {
        follow.push(choices[(i + 3) % choices.len()]);
    }
    follow.dedup();
    // Quiet hours set in the config: eight hours a night in the operator's zone.
    a.set_clock(a.rng.pick(&[-5, -6, -8, 0, 1]), a.rng.uniform(6.5, 8.5), 16.0);
    let copy_p = a.rng.uniform(0.8, 0.92);
    let menu = [25.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0];
    let mut moves: Vec<_> = follow.iter().flat_map(|&l| w.leaders[l].moves.iter().copied()).collect();
    moves.sort_by_key(|m| (m.t, m.m));
    for mv in moves {
        let t = mv.t + (a.rng.lognormal(90.0, 0.7) as i64).clamp(20, 900);
        if !a.is_awake(t) || !w.is_open(mv.m, t) {
            continue;
        }
        if mv.buy {
            if !a.rng.chance(copy_p) {
                continue;
            }
            let usd_leader = mv.h as f64 * mv.cents as f64 / 10_000.0;
            let bucket = ((usd_leader / 1_000.0).ln().max(0.0) as i64 + a.rng.range(-1, 1)).clamp(0, menu.len() as i64 - 1) as usize;
            a.buy_usd(mv.m, mv.o, t, menu[bucket], 1);
            if a.rng.chance(0.03) {
                a.buy_usd(mv.m, mv.o, t + a.rng.range(3, 20), menu[bucket], 1);
            }
        } else if a.held(mv.m, mv.o) > 0 {
            a.sell_all(mv.m, mv.o, t, 1);
        }
        if a.rng.chance(0.02) {
            // A "mistake": the wrong outcome, sold a few minutes later.
            let o = 1 - mv.o;
            if a.buy_usd(mv.m, o, t + 5, 25.0, 1) > 0 {
                a.sell_all(mv.m, o, t + a.rng.range(120, 400), 1);
            }
        }
    }
}

pub fn hard_session_sweeper(a: &mut Agent, _i: usize) {
    let w = a.w;
    a.set_clock(a.rng.pick(&[-5, -6, 0, 1, 8]), a.rng.uniform(7.0, 9.0), a.rng.uniform(15.5, 16.5));
    let menu = [50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0];
    let lo = a.rng.range(92, 94);
    let hi = a.rng.range(97, 98);
    let buy_p = a.rng.uniform(0.35, 0.6);
    for d in 0..=30 {
        for _ in 0..a.rng.range(2, 4) {
            let start = a.awake_time(d, 0.0);
            let len = a.rng.range(40 * MIN, 150 * MIN);
            let mut t = start;
            while t < start + len && t <= NOW {
                t += (a.rng.lognormal(240.0, 0.5) as i64).max(30);
                if !a.is_awake(t) || !a.rng.chance(buy_p) {
                    continue;
                }
                let cands: Vec<(usize, usize)> = w
                    .closing(t + 5 * MIN, t + 3 * HOUR)
                    .iter()
                    .copied()
                    .filter(|&m| w.is_open(m, t))
                    .filter_map(|m| {
                        let o = w.leader_o(m, t);
                        let c = w.ask(m, o, t);
                        (c >= lo && c <= hi && a.held(m, o) == 0).then_some((m, o))
                    })
                    .collect();
                if cands.is_empty() {
                    continue;
                }
                let (m, o) = a.rng.pick(&cands);
                let usd = a.rng.pick(&menu);
                a.buy_usd(m, o, t, usd, 1);
                if a.rng.chance(0.03) {
                    a.sell_all(m, o, t + a.rng.range(90, 600), 1);
                }
            }
        }
        if a.rng.chance(0.15) {
            // An off-pattern buy of a shakier favourite.
            let t = a.awake_time(d, 0.0);
            let cands: Vec<(usize, usize)> = w
                .closing(t + 30 * MIN, t + 6 * HOUR)
                .iter()
                .copied()
                .filter(|&m| w.is_open(m, t))
                .filter_map(|m| {
                    let o = w.leader_o(m, t);
                    let c = w.ask(m, o, t);
                    (85..=91).contains(&c).then_some((m, o))
                })
                .collect();
            if !cands.is_empty() {
                let (m, o) = a.rng.pick(&cands);
                a.buy_usd(m, o, t, a.rng.pick(&menu), 1);
            }
        }
    }
}

pub fn hard_humanlike_updown_bot(a: &mut Agent, _i: usize) {
    let w = a.w;
    a.set_clock(a.rng.pick(&[-5, -8, 0, 2, 8]), a.rng.uniform(7.0, 10.0), 16.0);
    let menu = [10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0];
    let take_profit = a.rng.range(86, 92);
    let eth = a.rng.uniform(0.0, 0.35);
    for d in 0..=30 {
        if a.rng.chance(0.12) {
            continue;
        }
        for _ in 0..a.rng.range(1, 3) {
            let start = a.awake_time(d, 0.0);
            let len = a.rng.range(45 * MIN, 150 * MIN);
            let mut t = start;
            while t < start + len && t < NOW {
                let asset = if a.rng.chance(eth) { 1 } else { 0 };
                let Some(m) = w.window15(asset, t) else { break };
                let (ws, close) = w.markets[m].live;
                if a.rng.chance(0.85) {
                    let te = (ws + a.rng.range(40, 500)).max(t);
                    if te < close - 60 && a.is_awake(te) {
                        let o = w.leader_o(m, te);
                        let c = w.mid(m, o, te);
                        if (55..=75).contains(&c) && a.buy_usd(m, o, te, a.rng.pick(&menu), 1) > 0 {
                            let mut s = te + 5;
                            while s < close - 60 {
                                if w.mid(m, o, s) >= take_profit {
                                    a.sell_all(m, o, s + a.rng.range(2, 8), 1);
                                    break;
                                }
                                s += 5;
                            }
                        }
                    }
                }
                t = close + 1;
            }
        }
    }
}
