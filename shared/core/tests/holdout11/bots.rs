//! Programs: how automated wallets actually trade on Polymarket.

use super::people::{Habit, Prof, game, nice};
use super::world::{DAY, HOUR, Kind, MIN, W0};
use super::{Ctx, Gen, NOW};

pub const BOTS: &[(&str, Gen)] = &[
    ("two_sided_market_maker", market_maker),
    ("complement_yes_no_arbitrage", complement_arb),
    ("data_api_polling_copy_bot", copy_poll),
    ("onchain_watching_copy_bot", copy_chain),
    ("near_resolution_sweeper", sweeper),
    ("crypto_updown_interval_bot", interval_bot),
    ("twap_iceberg_executor", twap),
    ("daily_portfolio_rebalancer", rebalancer),
    ("grid_bot", grid),
    ("econ_release_sniper", econ_sniper),
    ("live_score_feed_bot", score_feed),
    ("wash_trading_ring", wash_ring),
    ("liquidity_reward_farmer", reward_farmer),
    ("volume_airdrop_farmer", volume_farmer),
    ("cross_venue_arbitrage", cross_venue),
    ("negrisk_basket_arbitrage", basket_arb),
    ("scalping_bot", scalper),
    ("weather_model_bot", weather_model),
    ("llm_agent_trader", llm_agent),
];

/// When a program ran: a start (some are new), an end (some stopped), maybe a pause.
fn active_span(c: &Ctx) -> (i64, i64, (i64, i64)) {
    let start = if c.r.chance(0.25) { c.r.range(W0, NOW - 5 * DAY) } else { W0 - 3 * DAY };
    let end = if c.r.chance(0.15) { c.r.range(start + 3 * DAY, NOW) } else { NOW };
    let pause = if c.r.chance(0.2) {
        let p = c.r.range(start, end);
        (p, p + c.r.range(DAY, 7 * DAY))
    } else {
        (0, 0)
    };
    (start, end, pause)
}

fn running(span: (i64, i64, (i64, i64)), t: i64) -> bool {
    t >= span.0 && t < span.1 && !(t >= span.2.0 && t < span.2.1)
}

fn long_pool(c: &Ctx) -> Vec<u32> {
    let mut v = c.u.politics.clone();
    v.extend(c.u.culture.iter().copied());
    v
}

fn market_maker(c: &mut Ctx, ws: &[u32]) {
    let pool = long_pool(c);
    for &w in ws {
        let span = active_span(c);
        let k = 3 + c.r.below(9);
        let clips: Vec<f64> = (0..2).map(|_| *c.r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1000.0])).collect();
        let rate = c.r.lognormal(0.6, 0.6);
        for _ in 0..k {
            let sports = c.r.chance(0.25);
            let m = if sports {
                let t = c.r.range(span.0.max(W0), span.1);
                match game(c, t, t + DAY, &["nba", "epl", "nhl"]) {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                pool[c.r.below(pool.len())]
            };
            let mut inv = [0.0f64; 2];
            let (open, end) = (c.u.markets[m as usize].open, c.u.markets[m as usize].end);
            let mut t = span.0.max(open).max(W0 - 2 * DAY);
            let r = if sports { rate * 4.0 } else { rate };
            while t < span.1.min(end) {
                t += (c.r.exp(HOUR as f64 / r) as i64).max(2);
                if !running(span, t) || t >= end {
                    continue;
                }
                let o = c.r.below(2) as u8;
                let sell = inv[o as usize] >= 5.0 && c.r.chance(0.5);
                let clip = clips[c.r.below(2)];
                let size = if c.r.chance(0.5) { clip } else { (clip * c.r.uni(0.05, 1.0)).floor() };
                if sell {
                    let s = size.min(inv[o as usize]);
                    inv[o as usize] -= c.rest(w, m, o, false, t, s);
                } else {
                    inv[o as usize] += c.rest(w, m, o, true, t, size);
                }
            }
        }
    }
}

fn complement_arb(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let per_day = c.r.lognormal(12.0, 0.7);
        let lot = c.r.lognormal(300.0, 0.7).round().max(20.0);
        let crypto = c.r.chance(0.6);
        let mut day = span.0.max(W0);
        while day < span.1 {
            for _ in 0..c.r.poisson(per_day) {
                let t = c.r.range(day, day + DAY);
                if !running(span, t) {
                    continue;
                }
                let m = if crypto {
                    c.u.crypto(c.r.below(4), *c.r.pick(&[300, 900, 900, 3600]), t)
                } else {
                    match c.u.games_between(t - 3 * HOUR, t).iter().copied().find(|&m| c.u.markets[m as usize].live(t)) {
                        Some(m) => m,
                        None => continue,
                    }
                };
                let (_, a0) = c.u.quote(m, 0, t);
                let gap = 1 + c.r.below(3) as i64;
                let a1 = 100 - a0 - gap;
                if !(2..=98).contains(&a1) {
                    continue;
                }
                let size = (lot * c.r.uni(0.5, 1.5)).round();
                let tx = c.tx();
                let t1 = t + c.r.range(0, 2);
                if c.put(w, m, 0, true, a0, size, t, tx) > 0.0 {
                    let tx2 = if c.r.chance(0.5) { tx } else { c.tx() };
                    c.put(w, m, 1, true, a1, size, t1, tx2);
                }
            }
            day += DAY;
        }
    }
}

fn copier(c: &mut Ctx, ws: &[u32], onchain: bool) {
    for &w in ws {
        let span = active_span(c);
        let nl = 1 + c.r.below(3);
        let ratio = if c.r.chance(0.5) { Some(c.r.uni(0.01, 0.2)) } else { None };
        let fixed = *c.r.pick(&[5.0, 10.0, 20.0, 25.0, 50.0]);
        let poll = *c.r.pick(&[3, 5, 10, 15, 30]);
        let slip = c.r.below(3) as i64;
        let miss = c.r.uni(0.02, 0.15);
        for _ in 0..nl {
            let li = c.r.below(c.leaders.len());
            let fills = c.leader_fills[li].clone();
            let mut pos: std::collections::HashMap<(u32, u8), f64> = std::collections::HashMap::new();
            for i in fills {
                let f = c.fills[i];
                if !running(span, f.t) || c.r.chance(miss) {
                    continue;
                }
                let lag = if onchain {
                    2 + c.r.range(0, 3) + (c.r.chance(0.1) as i64) * 2
                } else {
                    let base = poll - f.t.rem_euclid(poll) + c.r.range(1, 4) + c.r.range(2, 8);
                    if c.r.chance(0.15) { base + c.r.range(30, 300) } else { base }
                };
                let t = f.t + lag;
                let lsz = f.sz as f64 / 100.0;
                let (bid, ask) = c.u.quote(f.m, f.o, t);
                if f.buy {
                    let px = (f.c as i64 + slip).max(ask).min(99);
                    let sz = match ratio {
                        Some(r) => (lsz * r).max(5.0),
                        None => (fixed / (px as f64 / 100.0)).max(5.0),
                    };
                    let got = c.at(w, f.m, f.o, true, px, t, sz);
                    *pos.entry((f.m, f.o)).or_default() += got;
                } else if let Some(p) = pos.get_mut(&(f.m, f.o))
                    && *p >= 5.0
                {
                    let sz = match ratio {
                        Some(r) => (lsz * r).max(5.0).min(*p),
                        None => *p,
                    };
                    let px = (f.c as i64 - slip).min(bid).max(1);
                    *p -= c.at(w, f.m, f.o, false, px, t, sz);
                }
            }
        }
    }
}

fn copy_poll(c: &mut Ctx, ws: &[u32]) {
    copier(c, ws, false)
}
fn copy_chain(c: &mut Ctx, ws: &[u32]) {
    copier(c, ws, true)
}

fn sweeper(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let per_day = c.r.lognormal(15.0, 0.6);
        let size = c.r.lognormal(1500.0, 0.7);
        let crypto_only = c.r.chance(0.4);
        let mut day = span.0.max(W0);
        while day < span.1 {
            for _ in 0..c.r.poisson(per_day) {
                let t = c.r.range(day, day + DAY);
                if !running(span, t) {
                    continue;
                }
                let m = if crypto_only || c.r.chance(0.5) {
                    let iv = *c.r.pick(&[900, 3600, 300]);
                    let m = c.u.crypto(c.r.below(4), iv, t);
                    let end = c.u.markets[m as usize].end;
                    let tt = end - c.r.range(5, 90);
                    if tt < t {
                        continue;
                    }
                    (m, tt)
                } else {
                    match c.u.games_between(t - 4 * HOUR, t).iter().copied().find(|&m| {
                        let mk = &c.u.markets[m as usize];
                        mk.live(t) && mk.end - t < 30 * MIN
                    }) {
                        Some(m) => (m, t),
                        None => continue,
                    }
                };
                let (m, t) = m;
                let o = if c.u.q(m, 0, t) >= 0.5 { 0 } else { 1 };
                let (_, ask) = c.u.quote(m, o, t);
                if ask < 96 {
                    continue;
                }
                let shares = (size * c.r.uni(0.5, 1.5)).round();
                c.take(w, m, o, true, t, shares, 1 + c.r.below(3));
            }
            day += DAY;
        }
    }
}

fn interval_bot(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let iv = *c.r.pick(&[300, 900, 900, 3600]);
        let coins: Vec<usize> = (0..1 + c.r.below(3)).map(|_| c.r.below(4)).collect();
        let offset = if c.r.chance(0.5) { c.r.range(5, 40) } else { iv - c.r.range(20, 120) };
        let size = *c.r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 250.0]);
        let target = c.r.lognormal(500.0, 0.6).clamp(80.0, 1800.0);
        let intervals = ((span.1 - span.0.max(W0)) / iv).max(1) as f64 * coins.len() as f64;
        let p = (target / intervals).min(0.9);
        let threshold = c.r.chance(0.5);
        let hours: (i64, i64) = if c.r.chance(0.4) { (0, 24) } else { (c.r.range(0, 12), c.r.range(14, 24)) };
        let mut t0 = span.0.max(W0) / iv * iv;
        while t0 < span.1 {
            let hr = (t0 % DAY) / HOUR;
            if running(span, t0) && hr >= hours.0 && hr < hours.1 {
                for &coin in &coins {
                    if !c.r.chance(p) {
                        continue;
                    }
                    let t = t0 + offset + c.r.range(0, 2);
                    let m = c.u.crypto(coin, iv, t0);
                    let q = c.u.q(m, 0, t);
                    if threshold && (0.35..0.65).contains(&q) {
                        continue;
                    }
                    let o = if q >= 0.5 { 0 } else { 1 };
                    let got = c.take(w, m, o, true, t, size, 1);
                    if got > 0.0 && offset < iv / 2 && c.u.q(m, o, t0 + iv - 30) < 0.3 {
                        c.take(w, m, o, false, t0 + iv - 30 + c.r.range(0, 2), got, 1);
                    }
                }
            }
            t0 += iv;
        }
    }
}

fn twap(c: &mut Ctx, ws: &[u32]) {
    let pool = long_pool(c);
    for &w in ws {
        let parents = 1 + c.r.poisson(1.8);
        let every = *c.r.pick(&[30, 60, 60, 120, 300]);
        for _ in 0..parents {
            let m = if c.r.chance(0.7) { pool[c.r.below(pool.len())] } else { c.u.oscars[c.r.below(c.u.oscars.len())] };
            let t0 = c.r.range(W0, NOW - 6 * HOUR);
            if !c.u.markets[m as usize].is_open(t0) {
                continue;
            }
            let o = c.r.below(2) as u8;
            let buy = c.r.chance(0.8);
            let slices = 20 + c.r.below(180);
            let total = c.r.lognormal(20_000.0, 0.7);
            let child = (total / slices as f64).round().max(5.0);
            let (_, a0) = c.u.quote(m, o, t0);
            let limit = a0 + 3;
            let iceberg = c.r.chance(0.3);
            let mut t = t0;
            for _ in 0..slices {
                t += every + c.r.range(-2, 3);
                let (bid, ask) = c.u.quote(m, o, t);
                if iceberg {
                    let px = if buy { bid } else { ask };
                    c.at(w, m, o, buy, px, t + c.r.range(0, 40), child);
                } else if !buy || ask <= limit {
                    c.take(w, m, o, buy, t, child, 1);
                }
            }
        }
    }
}

fn rebalancer(c: &mut Ctx, ws: &[u32]) {
    let pool = long_pool(c);
    for &w in ws {
        let span = active_span(c);
        let k = 5 + c.r.below(10);
        let mut book: Vec<(u32, u8, f64, f64)> = Vec::new();
        for _ in 0..k {
            let m = pool[c.r.below(pool.len())];
            book.push((m, c.r.below(2) as u8, c.r.lognormal(500.0, 0.5), 0.0));
        }
        let at = c.r.range(0, DAY / MIN) * MIN;
        let band = c.r.uni(0.02, 0.1);
        let mut day = span.0.max(W0 - 2 * DAY) / DAY * DAY;
        while day < span.1 {
            let mut t = day + at + c.r.range(0, 40);
            if running(span, t) {
                for b in book.iter_mut() {
                    let (m, o, target, held) = *b;
                    if !c.u.markets[m as usize].is_open(t) {
                        continue;
                    }
                    let q = c.u.q(m, o, t);
                    let value = held * q;
                    let drift = (value - target) / target;
                    if drift.abs() < band && held > 0.0 {
                        continue;
                    }
                    let shares = ((target - value) / q.max(0.02)).abs().floor();
                    let got =
                        if value < target { c.take(w, m, o, true, t, shares, 1) } else { -c.take(w, m, o, false, t, shares.min(held), 1) };
                    b.3 += got;
                    t += c.r.range(1, 4);
                }
            }
            day += DAY;
        }
    }
}

fn grid(c: &mut Ctx, ws: &[u32]) {
    let pool = long_pool(c);
    for &w in ws {
        let span = active_span(c);
        for _ in 0..1 + c.r.below(3) {
            let m = pool[c.r.below(pool.len())];
            let o = c.r.below(2) as u8;
            let step = 1 + c.r.below(2) as i64;
            let size = *c.r.pick(&[25.0, 50.0, 100.0, 150.0, 200.0]);
            let mut t = span.0.max(W0 - DAY);
            let end = span.1.min(c.u.markets[m as usize].end);
            let mut last = c.u.quote(m, o, t).0;
            let mut bought: Vec<i64> = Vec::new();
            while t < end {
                t += 5 * MIN;
                if !running(span, t) {
                    continue;
                }
                let (bid, _) = c.u.quote(m, o, t);
                let mut lvl = last;
                while bid <= lvl - step {
                    lvl -= step;
                    if lvl >= 2 && c.at(w, m, o, true, lvl, t + c.r.range(0, 290), size) > 0.0 {
                        bought.push(lvl);
                    }
                }
                while bid >= lvl + step {
                    lvl += step;
                    if let Some(k) = bought.iter().position(|&b| b == lvl - step) {
                        bought.remove(k);
                        c.at(w, m, o, false, lvl, t + c.r.range(0, 290), size);
                    }
                }
                last = lvl;
            }
        }
    }
}

fn econ_sniper(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let size = c.r.lognormal(2000.0, 0.5);
        let skip = c.r.uni(0.0, 0.4);
        let lat = c.r.range(0, 2);
        let releases = c.u.releases.clone();
        for (t, ms) in releases {
            if c.r.chance(skip) {
                continue;
            }
            let tt = t + 1 + lat;
            for m in ms {
                let o = c.u.markets[m as usize].winner;
                let stale = t - 1;
                let (_, ask) = c.u.quote(m, o, stale);
                let tx = c.tx();
                let shares = (size * c.r.uni(0.6, 1.4)).round();
                let got = c.put(w, m, o, true, ask, shares * 0.6, tt, tx) + c.put(w, m, o, true, (ask + 1).min(99), shares * 0.4, tt, tx);
                if got > 0.0 && c.r.chance(0.5) {
                    c.take(w, m, o, false, tt + c.r.range(5 * MIN, 40 * MIN), got, 1);
                }
            }
        }
    }
}

fn score_feed(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let leagues: Vec<&str> = (0..1 + c.r.below(2)).map(|_| *c.r.pick(&["nba", "epl", "atp", "cs2", "nhl", "ucl", "cbb"])).collect();
        let take = c.r.uni(0.1, 0.5);
        let size = c.r.lognormal(600.0, 0.6);
        let delay = c.r.range(1, 4);
        let games: Vec<u32> = c.u.games_between(span.0.max(W0), span.1).to_vec();
        for m in games {
            if !leagues.contains(&c.u.markets[m as usize].league) || !c.r.chance(take) {
                continue;
            }
            let (s, e) = (c.u.markets[m as usize].start, c.u.markets[m as usize].end);
            for (tj, d) in c.u.jumps(m, s, e.min(NOW), 60, 0.06) {
                let t = tj - 60 + delay + c.r.range(0, 3);
                if !running(span, t) {
                    continue;
                }
                let o = if d > 0.0 { 0 } else { 1 };
                let got = c.take(w, m, o, true, t, (size * c.r.uni(0.7, 1.3)).round(), 1 + c.r.below(2));
                if got > 0.0 && c.r.chance(0.6) {
                    c.take(w, m, o, false, t + c.r.range(60, 10 * MIN), got, 1);
                }
            }
        }
    }
}

fn wash_ring(c: &mut Ctx, ws: &[u32]) {
    let mut i = 0;
    while i < ws.len() {
        let n = (3 + c.r.below(2)).min(ws.len() - i);
        let mut ring: Vec<u32> = ws[i..i + n].to_vec();
        i += n;
        if ring.len() < 2 {
            ring.push(c.wallet());
        }
        let thin: Vec<u32> = {
            let mut v = c.u.mentions.clone();
            v.extend(c.u.tweets.iter().copied());
            v.extend(c.u.culture.iter().copied());
            v
        };
        let first = c.r.range(W0, NOW - 4 * DAY);
        let last = c.r.range(first + 3 * DAY, NOW);
        let lots = [100.0, 250.0, 500.0, 1000.0];
        let lot = *c.r.pick(&lots);
        let per_day = c.r.lognormal(15.0, 0.5);
        let mut inv: Vec<std::collections::HashMap<(u32, u8), f64>> = vec![Default::default(); ring.len()];
        let mut day = first;
        while day < last {
            let open: Vec<u32> = thin.iter().copied().filter(|&m| c.u.markets[m as usize].is_open(day + DAY / 2)).collect();
            if open.is_empty() {
                day += DAY;
                continue;
            }
            let ms: Vec<u32> = (0..2).map(|_| open[c.r.below(open.len())]).collect();
            for _ in 0..c.r.poisson(per_day) {
                let t = c.r.range(day, day + DAY).min(NOW - 1);
                let m = ms[c.r.below(2)];
                let o = c.r.below(2) as u8;
                let a = c.r.below(ring.len());
                let b = (a + 1 + c.r.below(ring.len() - 1)) % ring.len();
                let size = if c.r.chance(0.7) { lot } else { (lot * c.r.uni(0.9, 1.1)).round() };
                let (bid, ask) = c.u.quote(m, o, t);
                let px = (bid + ask) / 2;
                let tx = c.tx();
                let have = inv[b].get(&(m, o)).copied().unwrap_or(0.0);
                if have < size {
                    // The seller first buys the inventory it will hand over.
                    let got = c.put(ring[b], m, o, true, px, size, t - c.r.range(60, 900), tx);
                    *inv[b].entry((m, o)).or_default() += got;
                }
                let got = c.put(ring[a], m, o, true, px, size, t, tx);
                if got > 0.0 {
                    c.put(ring[b], m, o, false, px, got, t, tx);
                    *inv[b].entry((m, o)).or_default() -= got;
                    *inv[a].entry((m, o)).or_default() += got;
                }
            }
            day += DAY;
        }
    }
}

fn reward_farmer(c: &mut Ctx, ws: &[u32]) {
    let pool = long_pool(c);
    for &w in ws {
        let span = active_span(c);
        let k = 3 + c.r.below(10);
        let size = *c.r.pick(&[20.0, 50.0, 100.0, 200.0, 500.0]);
        let dist = 1 + c.r.below(2) as i64;
        let hedge = c.r.chance(0.5);
        for _ in 0..k {
            let m = pool[c.r.below(pool.len())];
            let mut t = span.0.max(W0 - DAY);
            let end = span.1.min(c.u.markets[m as usize].end);
            let mut centre = (c.u.p(m, t) * 100.0).round() as i64;
            let mut held = [0.0f64; 2];
            while t < end {
                t += 10 * MIN;
                if !running(span, t) {
                    continue;
                }
                let mid = (c.u.p(m, t) * 100.0).round() as i64;
                if mid < centre - dist {
                    let px = centre - dist;
                    let tt = t - c.r.range(0, 600);
                    held[0] += c.at(w, m, 0, true, px, tt, size);
                    centre = mid;
                } else if mid > centre + dist {
                    let px = 100 - (centre + dist);
                    let tt = t - c.r.range(0, 600);
                    held[1] += c.at(w, m, 1, true, px, tt, size);
                    centre = mid;
                }
                if hedge {
                    for o in 0..2u8 {
                        if held[o as usize] >= 5.0 && c.r.chance(0.3) {
                            let s = held[o as usize];
                            held[o as usize] -= c.take(w, m, o, false, t + c.r.range(30, 300), s, 1);
                        }
                    }
                }
            }
        }
    }
}

fn volume_farmer(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let at = c.r.range(0, 24) * HOUR + c.r.range(0, 60) * MIN;
        let sessions = 1 + c.r.below(3);
        let lot = *c.r.pick(&[5.0, 5.0, 6.0, 10.0, 12.0, 20.0]);
        let trips = 3 + c.r.below(12);
        let keen = c.r.uni(0.4, 0.95);
        let mut day = span.0.max(W0) / DAY * DAY;
        while day < span.1 {
            if c.r.chance(keen) {
                for s in 0..sessions {
                    let mut t = day + at + s as i64 * 8 * HOUR + c.r.range(-20 * MIN, 20 * MIN);
                    if !running(span, t) {
                        continue;
                    }
                    let m = if c.r.chance(0.6) { c.u.crypto(0, 3600, t + 10 * MIN) } else { c.u.politics[c.r.below(c.u.politics.len())] };
                    for _ in 0..trips {
                        let o = c.r.below(2) as u8;
                        let got = c.take(w, m, o, true, t, lot, 1);
                        t += c.r.range(10, 120);
                        if got > 0.0 {
                            c.take(w, m, o, false, t, got, 1);
                        }
                        t += c.r.range(5, 60);
                    }
                }
            }
            day += DAY;
        }
    }
}

fn cross_venue(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let leagues: Vec<&str> = (0..2).map(|_| *c.r.pick(&["nba", "epl", "ucl", "atp", "nhl", "ufc"])).collect();
        let size = c.r.lognormal(900.0, 0.6);
        let take = c.r.uni(0.2, 0.6);
        let games: Vec<u32> = c.u.games_between(span.0.max(W0), span.1).to_vec();
        for m in games {
            if !leagues.contains(&c.u.markets[m as usize].league) || !c.r.chance(take) {
                continue;
            }
            let (s, e) = (c.u.markets[m as usize].start, c.u.markets[m as usize].end);
            for (tj, d) in c.u.jumps(m, s - 6 * HOUR, e.min(NOW), 120, 0.05) {
                let t = tj - 120 + c.r.range(1, 5);
                if !running(span, t) {
                    continue;
                }
                let o = if d > 0.0 { 0 } else { 1 };
                let shares = (size * c.r.uni(0.6, 1.4)).round();
                let got = c.take(w, m, o, true, t, shares, 1 + c.r.below(3));
                if got > 0.0 && c.r.chance(0.7) {
                    c.take(w, m, o, false, t + c.r.range(2 * MIN, 40 * MIN), got, 1 + c.r.below(2));
                }
            }
        }
        // Long-dated political pairs against the other venue.
        for _ in 0..c.r.poisson(6.0) {
            let m = c.u.politics[c.r.below(c.u.politics.len())];
            let t = c.r.range(span.0.max(W0), span.1);
            if !running(span, t) {
                continue;
            }
            let o = c.r.below(2) as u8;
            let sz = (size * c.r.uni(1.0, 4.0)).round();
            c.take(w, m, o, c.r.chance(0.6), t, sz, 2);
        }
    }
}

fn basket_arb(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let per_day = c.r.lognormal(3.0, 0.6);
        let lot = c.r.lognormal(400.0, 0.6).round();
        let no_side = c.r.chance(0.6);
        let batch = c.r.chance(0.5);
        let mut day = span.0.max(W0);
        while day < span.1 {
            for _ in 0..c.r.poisson(per_day) {
                let t = c.r.range(day, day + DAY);
                if !running(span, t) {
                    continue;
                }
                let evs: Vec<u32> = (0..c.u.events.len() as u32)
                    .filter(|&e| {
                        let ev = &c.u.events[e as usize];
                        ev.markets.len() >= 3 && ev.end > t && c.u.markets[ev.markets[0] as usize].open <= t
                    })
                    .collect();
                if evs.is_empty() {
                    continue;
                }
                let e = evs[c.r.below(evs.len())];
                let ms = c.u.events[e as usize].markets.clone();
                let o = if no_side { 1 } else { 0 };
                let size = (lot * c.r.uni(0.5, 1.5)).round();
                let tx = c.tx();
                for (j, &m) in ms.iter().enumerate() {
                    let (_, ask) = c.u.quote(m, o, t);
                    let tx = if batch { tx } else { c.tx() };
                    let tt = if batch { t } else { t + j as i64 / 3 };
                    c.put(w, m, o, true, ask, size, tt, tx);
                }
            }
            day += DAY;
        }
    }
}

fn scalper(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let sessions_day = c.r.lognormal(1.6, 0.5);
        let size = *c.r.pick(&[100.0, 150.0, 200.0, 300.0, 500.0]);
        let edge = 1 + c.r.below(2) as i64;
        let mut day = span.0.max(W0);
        while day < span.1 {
            for _ in 0..c.r.poisson(sessions_day) {
                let mut t = c.r.range(day, day + DAY);
                let len = c.r.range(30 * MIN, 2 * HOUR);
                let stop = t + len;
                let m0 = if c.r.chance(0.6) { c.u.crypto(0, 3600, t) } else { c.u.politics[c.r.below(c.u.politics.len())] };
                while t < stop {
                    t += (c.r.exp(3.0 * MIN as f64) as i64).max(5);
                    if !running(span, t) {
                        break;
                    }
                    let m = if c.u.markets[m0 as usize].kind == Kind::Crypto { c.u.crypto(0, 3600, t) } else { m0 };
                    let o = c.r.below(2) as u8;
                    let (bid, _) = c.u.quote(m, o, t);
                    let got = c.at(w, m, o, true, bid, t, size);
                    if got <= 0.0 {
                        continue;
                    }
                    let t2 = t + c.r.range(5, 90);
                    let (b2, _) = c.u.quote(m, o, t2);
                    let px = if b2 >= bid { bid + edge } else { b2 };
                    c.at(w, m, o, false, px, t2, got);
                    t = t2;
                }
            }
            day += DAY;
        }
    }
}

fn weather_model(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let span = active_span(c);
        let runs: Vec<i64> = {
            let off = c.r.range(3 * HOUR + 20 * MIN, 4 * HOUR + 30 * MIN);
            (0..4).map(|k| off + k * 6 * HOUR).collect()
        };
        let cities: Vec<&str> = (0..1 + c.r.below(4)).map(|_| *c.r.pick(&["nyc", "london", "chicago", "seoul", "miami"])).collect();
        let size = *c.r.pick(&[50.0, 100.0, 150.0, 200.0, 400.0]);
        let evs: Vec<u32> = c.u.weather.clone();
        let mut day = span.0.max(W0) / DAY * DAY;
        while day < span.1 {
            for &r in &runs {
                let t = day + r + c.r.range(0, 30);
                if !running(span, t) {
                    continue;
                }
                for &e in &evs {
                    let ev_start = c.u.events[e as usize].start;
                    let m0 = c.u.events[e as usize].markets[0];
                    if !(cities.contains(&c.u.markets[m0 as usize].league) && t < ev_start + 12 * HOUR && t > ev_start - DAY) {
                        continue;
                    }
                    let ms = c.u.events[e as usize].markets.clone();
                    for m in ms {
                        let model = c.u.q(m, 0, t + 6 * HOUR);
                        let (bid, ask) = c.u.quote(m, 0, t);
                        if model * 100.0 > ask as f64 + 6.0 {
                            c.take(w, m, 0, true, t, size, 1);
                        } else if model * 100.0 < bid as f64 - 12.0 && c.r.chance(0.5) {
                            let (_, a1) = c.u.quote(m, 1, t);
                            c.at(w, m, 1, true, a1, t, size);
                        }
                    }
                }
            }
            day += DAY;
        }
    }
}

fn llm_agent(c: &mut Ctx, ws: &[u32]) {
    let mut pool = long_pool(c);
    pool.extend(c.u.oscars.iter().copied());
    for (_, ms) in &c.u.releases {
        pool.extend(ms.iter().copied());
    }
    for &w in ws {
        let h = Habit::new(&c.r, *c.r.pick(&[Prof::Office, Prof::Evening, Prof::NightOwl]));
        let span = active_span(c);
        let per_day = c.r.uni(0.3, 2.5);
        let stake = c.r.lognormal(80.0, 0.7);
        let mut day = span.0.max(W0);
        while day < span.1 {
            for _ in 0..c.r.poisson(per_day) {
                let t = h.when(&c.r, day, day + DAY);
                if !running(span, t) {
                    continue;
                }
                let m = if c.r.chance(0.3) {
                    match game(c, t, t + DAY, &[]) {
                        Some(m) => m,
                        None => continue,
                    }
                } else {
                    pool[c.r.below(pool.len())]
                };
                if !c.u.markets[m as usize].is_open(t) {
                    continue;
                }
                let future = c.u.q(m, 0, t + 2 * DAY);
                let o = if (future > c.u.q(m, 0, t)) ^ c.r.chance(0.35) { 0 } else { 1 };
                let usd = stake * c.r.lognormal(1.0, 0.6);
                let usd = if c.r.chance(0.4) { nice(&c.r, usd) } else { (usd * 100.0).round() / 100.0 };
                let got = c.take_usd(w, m, o, true, t, usd, 1);
                if got > 0.0 && c.r.chance(0.3) {
                    let t2 = h.when(&c.r, t + HOUR, t + 5 * DAY);
                    c.take(w, m, o, false, t2, got, 1);
                }
            }
            day += DAY;
        }
    }
}
