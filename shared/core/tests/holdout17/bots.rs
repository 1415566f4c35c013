//! Trading programs, each with the imperfections real ones have: jitter, restarts and downtime,
//! several strategies at once, parameters that change part-way through the month.

use super::Behaviour;
use super::crowd::{BUSY_LEADERS, QUIET_LEADERS};
use super::out::{Actor, Fill, Leg, MIN_SZ, Order, Out, Rest, shares_for};
use super::rng::{Rng, phi};
use super::world::{DAY, HOUR, Kind, MIN, NOW, Path, Region, START, Sport, World};
use copycat_core::trade::Side;
use std::collections::BTreeMap;

pub fn behaviours() -> Vec<Behaviour> {
    vec![
        Behaviour { name: "market_maker", bot: true, count: 11, play: market_maker },
        Behaviour { name: "complement_arbitrage", bot: true, count: 11, play: complement_arb },
        Behaviour { name: "negrisk_basket_arbitrage", bot: true, count: 10, play: basket_arb },
        Behaviour { name: "resolution_sniper", bot: true, count: 11, play: resolution_sniper },
        Behaviour { name: "copy_bot_polling", bot: true, count: 11, play: copy_polling },
        Behaviour { name: "copy_bot_onchain", bot: true, count: 10, play: copy_onchain },
        Behaviour { name: "crypto_updown_latency", bot: true, count: 11, play: updown_latency },
        Behaviour { name: "crypto_updown_scheduled", bot: true, count: 10, play: updown_scheduled },
        Behaviour { name: "twap_slicer", bot: true, count: 10, play: twap },
        Behaviour { name: "grid_bot", bot: true, count: 10, play: grid },
        Behaviour { name: "news_latency_bot", bot: true, count: 10, play: news_latency },
        Behaviour { name: "momentum_bot", bot: true, count: 10, play: momentum },
        Behaviour { name: "liquidity_reward_farmer", bot: true, count: 10, play: reward_farmer },
        Behaviour { name: "wash_volume_farmer", bot: true, count: 10, play: wash },
        Behaviour { name: "new_market_sniper", bot: true, count: 10, play: new_market_sniper },
        Behaviour { name: "hard_model_trader", bot: true, count: 11, play: hard_model_trader },
        Behaviour { name: "hard_slow_copy_bot", bot: true, count: 11, play: hard_slow_copy },
        Behaviour { name: "hard_cross_market_arb", bot: true, count: 10, play: hard_cross_arb },
        Behaviour { name: "hard_sports_model", bot: true, count: 11, play: hard_sports_model },
    ]
}

// ---------------------------------------------------------------------------------------------
// What every program has: a process that is sometimes down.

struct Uptime {
    from: i64,
    to: i64,
    down: Vec<(i64, i64)>,
}

impl Uptime {
    fn new(rng: &mut Rng, short_per_week: f64, long_max: i64) -> Self {
        let long = rng.range(0, long_max);
        let from = if rng.chance(0.25) { START + rng.range(HOUR, 12 * DAY) } else { START };
        let to = if rng.chance(0.1) { NOW - rng.range(DAY, 8 * DAY) } else { NOW };
        let mut down = Vec::new();
        for _ in 0..rng.poisson(short_per_week * 30.0 / 7.0) {
            let s = START + rng.range(0, 30 * DAY);
            down.push((s, s + rng.lognormal(20.0 * 60.0, 1.0).clamp(120.0, 6.0 * HOUR as f64) as i64));
        }
        for _ in 0..long {
            let s = START + rng.range(0, 29 * DAY);
            down.push((s, s + rng.range(6 * HOUR, 40 * HOUR)));
        }
        down.sort_unstable();
        Uptime { from, to, down }
    }

    fn up(&self, t: i64) -> bool {
        t >= self.from && t < self.to && !self.down.iter().any(|&(a, b)| t >= a && t < b)
    }
}

/// Whole-second latency of a program's reaction.
fn lat(rng: &mut Rng, median: f64) -> i64 {
    rng.lognormal(median, 0.5).round().max(0.0) as i64
}

/// A moment inside the period when a parameter set is switched.
fn switch_time(rng: &mut Rng) -> i64 {
    START + rng.range(5 * DAY, 25 * DAY)
}

fn price_of(w: &World, m: u32, o: u8, t: i64) -> f64 {
    let p = w.p(m, t);
    if o == 0 { p } else { 1.0 - p }
}

fn odd_shares(rng: &mut Rng, median: f64) -> i64 {
    ((rng.lognormal(median, 0.8) * 100.0) as i64).max(MIN_SZ)
}

fn by_volume(rng: &mut Rng, w: &World, cands: &[u32]) -> Option<u32> {
    if cands.is_empty() {
        return None;
    }
    let weights: Vec<f64> = cands.iter().map(|&m| w.m(m).volume.max(1.0)).collect();
    Some(cands[rng.weighted(&weights)])
}

fn flow_rate(w: &World, m: u32) -> f64 {
    let life = (w.last(m) - w.first(m)).max(HOUR) as f64;
    w.m(m).volume / life
}

fn recent_jump(w: &World, m: u32, t: i64, within: i64) -> bool {
    let j = &w.m(m).jumps;
    let i = j.partition_point(|&u| u <= t);
    i > 0 && t - j[i - 1] < within
}

/// Fill groups of a leader (one per transaction): (first fill, total size).
fn leader_trades(o: &Out, leader: usize) -> Vec<(Fill, i64)> {
    let mut out: Vec<(Fill, i64)> = Vec::new();
    for f in &o.leaders[leader].fills {
        match out.last_mut() {
            Some((g, sz)) if g.tx == f.tx => *sz += f.sz,
            _ => out.push((*f, f.sz)),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Programs.

fn market_maker(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 2.0, 3);
    let cat = a.rng.below(3);
    let want = move |k: Kind| match cat {
        0 => matches!(k, Kind::Game(_)),
        1 => matches!(k, Kind::Politics | Kind::Election | Kind::Deadline | Kind::Econ),
        _ => matches!(k, Kind::Culture | Kind::CryptoDaily | Kind::Politics),
    };
    let slots = if cat == 0 { a.rng.range(2, 5) } else { a.rng.range(6, 14) };
    let sizes = [50.0, 100.0, 150.0, 200.0, 250.0, 500.0];
    let q0 = *a.rng.pick(&sizes);
    let q1 = ((q0 * a.rng.uniform(0.5, 2.0)) / 10.0).round() * 10.0;
    let switch = switch_time(&mut a.rng);
    let share = if cat == 0 { a.rng.uniform(0.03, 0.09) } else { a.rng.uniform(0.2, 0.4) };
    let pull_inplay = a.rng.chance(0.75);
    let inv_mult = a.rng.uniform(3.0, 8.0);
    for _ in 0..slots {
        let mut t = START + a.rng.range(0, 6 * HOUR);
        let mut guard = 0;
        while t < NOW - HOUR && guard < 200 {
            guard += 1;
            let cands: Vec<u32> = w.live_of(t, want).into_iter().filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > t + 2 * HOUR)).collect();
            let Some(m) = by_volume(&mut a.rng, w, &cands) else {
                t += 6 * HOUR;
                continue;
            };
            let mk = w.m(m);
            let mut end = w.last(m).min(t + a.rng.range(DAY, 8 * DAY));
            if pull_inplay && let Some((g0, _)) = mk.game {
                end = end.min(g0 - a.rng.range(0, 10 * MIN));
            }
            let rate = flow_rate(w, m) * share;
            let mut s = t;
            while s < end {
                if up.up(s) && !recent_jump(w, m, s, 5 * MIN) {
                    let q = if s < switch { q0 } else { q1 };
                    let limit = (q * inv_mult * 100.0) as i64;
                    for _ in 0..a.rng.poisson(rate * 60.0) {
                        let when = s + a.rng.range(0, 60);
                        let quote = w.quote(m, when);
                        let taker = odd_shares(&mut a.rng, 60.0);
                        let fill = taker.min((q * 100.0) as i64);
                        let inv = a.held(m, 0) - a.held(m, 1);
                        if a.rng.chance(0.5) {
                            // Someone sells outcome 0 into our bid.
                            if inv < limit {
                                o.maker(a, Leg { m, o: 0, side: Side::Buy, c: quote.bid[0], sz: fill }, when);
                            }
                        } else if a.held(m, 0) >= fill {
                            o.maker(a, Leg { m, o: 0, side: Side::Sell, c: quote.ask[0], sz: fill }, when);
                        } else if -inv < limit {
                            o.maker(a, Leg { m, o: 1, side: Side::Buy, c: quote.bid[1], sz: fill }, when);
                        }
                    }
                }
                s += 60;
            }
            // Occasionally flatten a lopsided book before leaving the market.
            let inv = a.held(m, 0) - a.held(m, 1);
            if inv.abs() > (q0 * 300.0) as i64 && a.rng.chance(0.3) && up.up(end) {
                let out = if inv > 0 { 0 } else { 1 };
                let held = a.held(m, out);
                o.sell(a, m, out, end, held / 2);
            }
            t = end + a.rng.range(MIN, 3 * HOUR);
        }
    }
}

fn complement_arb(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.5, 2);
    let per_day = a.rng.uniform(4.0, 12.0);
    let crypto = a.rng.chance(0.5);
    let switch = switch_time(&mut a.rng);
    let median = a.rng.uniform(30.0, 150.0);
    let n = a.rng.poisson(per_day * 30.0);
    let mut times: Vec<(i64, Option<u32>)> = Vec::new();
    for _ in 0..n {
        let r = a.rng.f64();
        if r < 0.45 && !w.events.is_empty() {
            let e = w.events[a.rng.below(w.events.len())];
            times.push((e.t + a.rng.range(1, 40), Some(e.market)));
        } else if r < 0.7 && crypto {
            let t = START + a.rng.range(HOUR, 30 * DAY - HOUR);
            times.push((t, w.updown15_at(a.rng.below(2), t)));
        } else {
            times.push((START + a.rng.range(HOUR, 30 * DAY - HOUR), None));
        }
    }
    times.sort_unstable();
    for (t, m) in times {
        if !up.up(t) {
            continue;
        }
        let m = match m {
            Some(m) => m,
            None => {
                let cands = w.live_of(t, |k| !matches!(k, Kind::Weather));
                match by_volume(&mut a.rng, w, &cands) {
                    Some(m) => m,
                    None => continue,
                }
            }
        };
        if !w.live(m, t) {
            continue;
        }
        let q = w.quote(m, t);
        let s = q.ask[0] + q.ask[1] - 100;
        let g = if t < switch { a.rng.range(1, 4) } else { a.rng.range(2, 4) };
        let r = s + g;
        let x = a.rng.range(0, r + 1);
        let (c0, c1) = (q.ask[0] - x, q.ask[1] - (r - x));
        if !(1..=99).contains(&c0) || !(1..=99).contains(&c1) {
            continue;
        }
        let sz = odd_shares(&mut a.rng, median);
        if a.rng.chance(0.7) {
            o.batch(a, &[Leg { m, o: 0, side: Side::Buy, c: c0, sz }, Leg { m, o: 1, side: Side::Buy, c: c1, sz }], t);
        } else {
            let partial = a.rng.chance(0.25);
            let sz1 = if partial { (sz as f64 * a.rng.uniform(0.5, 0.9)) as i64 } else { sz };
            o.batch(a, &[Leg { m, o: 0, side: Side::Buy, c: c0, sz }], t);
            let t1 = t + a.rng.range(0, 3);
            o.batch(a, &[Leg { m, o: 1, side: Side::Buy, c: c1, sz: sz1.max(MIN_SZ) }], t1);
            let t2 = t + a.rng.range(5, 60);
            if partial && sz - sz1 >= MIN_SZ {
                o.sell(a, m, 0, t2, sz - sz1);
            }
        }
    }
}

fn basket_arb(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.5, 2);
    let per_day = a.rng.uniform(1.5, 5.0);
    let median = a.rng.uniform(40.0, 200.0);
    let no_side = a.rng.uniform(0.0, 0.5);
    let n = a.rng.poisson(per_day * 30.0);
    let mut times: Vec<i64> = (0..n).map(|_| START + a.rng.range(HOUR, 30 * DAY - HOUR)).collect();
    times.sort_unstable();
    for t in times {
        if !up.up(t) {
            continue;
        }
        let live: Vec<usize> =
            (0..w.groups.len()).filter(|&g| w.groups[g].markets.iter().all(|&m| w.live(m, t) && w.m(m).ends > t)).collect();
        if live.is_empty() {
            continue;
        }
        let g = &w.groups[*a.rng.pick(&live)];
        let no = a.rng.chance(no_side);
        let out: u8 = if no { 1 } else { 0 };
        let mut asks: Vec<i64> = g.markets.iter().map(|&m| w.quote(m, t).ask[out as usize]).collect();
        let k = asks.len() as i64;
        let target = if no { (k - 1) * 100 } else { 100 } - a.rng.range(1, 5);
        let mut excess: i64 = asks.iter().sum::<i64>() - target;
        let mut guard = 0;
        while excess > 0 && guard < 200 {
            guard += 1;
            let i = (0..asks.len()).max_by_key(|&i| (asks[i], i)).unwrap_or(0);
            if asks[i] <= 1 {
                break;
            }
            asks[i] -= 1;
            excess -= 1;
        }
        if excess > 0 {
            continue;
        }
        let sz = odd_shares(&mut a.rng, median);
        let legs: Vec<Leg> = g.markets.iter().zip(&asks).map(|(&m, &c)| Leg { m, o: out, side: Side::Buy, c, sz }).collect();
        o.batch(a, &legs, t);
    }
}

fn resolution_sniper(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 2);
    let mut sports = a.rng.chance(0.7);
    let crypto = a.rng.chance(0.55);
    let ended = a.rng.chance(0.6);
    let weather = a.rng.chance(0.35);
    if !(sports || crypto || ended || weather) {
        sports = true;
    }
    let base = a.rng.uniform(300.0, 3000.0);
    let th0 = a.rng.uniform(0.93, 0.97);
    let switch = switch_time(&mut a.rng);
    let assets: Vec<usize> = if a.rng.chance(0.5) { vec![0] } else { vec![0, 1] };
    let coverage = a.rng.uniform(0.08, 0.3);
    let feed = a.rng.uniform(2.0, 30.0);
    let hit = |o: &mut Out, a: &mut Actor, m: u32, t: i64, lo: i64| {
        if !up.up(t) {
            return;
        }
        let win = w.m(m).winner;
        let c = a.rng.range(lo, 100).min(99);
        let sz = odd_shares(&mut a.rng, base);
        o.batch(a, &[Leg { m, o: win, side: Side::Buy, c, sz }], t);
        for _ in 0..a.rng.range(0, 3) {
            let later = t + a.rng.range(30, 20 * MIN);
            let c = a.rng.range(98, 100);
            let sz = odd_shares(&mut a.rng, base * 0.4);
            o.batch(a, &[Leg { m, o: win, side: Side::Buy, c, sz }], later);
        }
    };
    if sports {
        for &g in &w.games {
            let mut ms = vec![g];
            if let Some(s) = w.m(g).sibling {
                ms.push(s);
            }
            for m in ms {
                let end = w.m(m).ends;
                if end > START && end < NOW && a.rng.chance(0.8) {
                    let t = end + lat(&mut a.rng, feed);
                    hit(o, a, m, t, 95);
                }
            }
        }
    }
    if ended {
        for &m in &w.regular {
            let mk = w.m(m);
            if matches!(mk.kind, Kind::Election | Kind::Econ | Kind::Deadline | Kind::CryptoDaily) && mk.ends > START && mk.ends < mk.close
            {
                let t = mk.ends + lat(&mut a.rng, feed * 3.0);
                hit(o, a, m, t, 96);
            }
        }
    }
    if weather {
        for g in &w.groups {
            if g.kind == Kind::Weather {
                let m = g.markets.iter().copied().find(|&m| w.m(m).winner == 0).unwrap_or(g.markets[0]);
                let t = w.m(m).ends + a.rng.range(10 * MIN, 3 * HOUR);
                hit(o, a, m, t, 92);
            }
        }
    }
    if crypto {
        for &asset in &assets {
            for &m in &w.updown15[asset] {
                if !a.rng.chance(coverage) {
                    continue;
                }
                let t = w.m(m).ends - a.rng.range(4, 40);
                if !up.up(t) {
                    continue;
                }
                let th = if t < switch { th0 } else { th0 - 0.02 };
                let p = w.p(m, t);
                let out: u8 = if p >= 0.5 { 0 } else { 1 };
                if price_of(w, m, out, t) >= th {
                    let sz = odd_shares(&mut a.rng, base * 0.3);
                    o.take(a, Order { m, o: out, side: Side::Buy, t, sz, limit: Some(99) });
                }
            }
        }
    }
}

fn copy_polling(o: &mut Out, a: &mut Actor) {
    let up = Uptime::new(&mut a.rng, 2.5, 3);
    let n_leaders = a.rng.range(1, 4) as usize;
    let mut leaders: Vec<usize> = Vec::new();
    while leaders.len() < n_leaders {
        let l = a.rng.below(o.leaders.len());
        if !leaders.contains(&l) {
            leaders.push(l);
        }
    }
    let poll = *a.rng.pick(&[5i64, 10, 15, 30, 60]);
    let phase = a.rng.range(0, poll);
    let proportional = a.rng.chance(0.6);
    let ratio = a.rng.uniform(0.02, 0.3);
    let fixed = *a.rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0]);
    let max_usd = a.rng.uniform(200.0, 2000.0);
    let slip = a.rng.range(3, 9);
    let mut stalls: Vec<(i64, i64, bool)> = Vec::new();
    for _ in 0..a.rng.poisson(4.0) {
        let s = START + a.rng.range(0, 30 * DAY);
        stalls.push((s, s + a.rng.range(20 * MIN, 2 * HOUR), a.rng.chance(0.5)));
    }
    let mut trades: Vec<(Fill, i64)> = leaders.iter().flat_map(|&l| leader_trades(o, l)).collect();
    trades.sort_by_key(|(f, _)| (f.t, f.tx));
    for (f, total) in trades {
        if !up.up(f.t) {
            continue;
        }
        let mut seen = f.t + (poll - (f.t - phase).rem_euclid(poll));
        if a.rng.chance(0.15) {
            seen += a.rng.range(15, 300);
        }
        if let Some(&(_, end, catch_up)) = stalls.iter().find(|&&(s, e, _)| f.t >= s && f.t < e) {
            if !catch_up {
                continue;
            }
            seen = end + a.rng.range(1, 6);
        }
        let t = seen + lat(&mut a.rng, 1.2);
        match f.side {
            Side::Buy => {
                let ask = o.w.quote(f.m, t).ask[f.o as usize];
                let mut sz = if proportional { (total as f64 * ratio) as i64 } else { shares_for(fixed, ask) };
                sz = sz.min(shares_for(max_usd, ask));
                if sz < MIN_SZ {
                    if ask * 5 >= 100 {
                        sz = MIN_SZ;
                    } else {
                        continue;
                    }
                }
                o.take(a, Order { m: f.m, o: f.o, side: Side::Buy, t, sz, limit: Some((f.c + slip).min(99)) });
            }
            Side::Sell => {
                let held = a.held(f.m, f.o);
                if held >= MIN_SZ {
                    let sz = if proportional { ((total as f64 * ratio) as i64).max(MIN_SZ).min(held) } else { held };
                    o.sell(a, f.m, f.o, t, sz);
                }
            }
        }
    }
}

fn copy_onchain(o: &mut Out, a: &mut Actor) {
    let up = Uptime::new(&mut a.rng, 1.5, 3);
    let leader = if a.rng.chance(0.7) { *a.rng.pick(&BUSY_LEADERS) } else { a.rng.below(o.leaders.len()) };
    let usd = *a.rng.pick(&[2.0, 5.0, 10.0, 15.0, 25.0, 50.0]);
    let blocks = a.rng.uniform(2.0, 5.0);
    let double_fire = a.rng.uniform(0.0, 0.04);
    for (f, _) in leader_trades(o, leader) {
        let t = f.t + lat(&mut a.rng, blocks).max(1);
        if !up.up(t) {
            continue;
        }
        match f.side {
            Side::Buy => {
                let ask = o.w.quote(f.m, t).ask[f.o as usize];
                let sz = shares_for(usd, ask).max(MIN_SZ);
                o.take(a, Order { m: f.m, o: f.o, side: Side::Buy, t, sz, limit: None });
                if a.rng.chance(double_fire) {
                    let t2 = t + a.rng.range(0, 3);
                    o.take(a, Order { m: f.m, o: f.o, side: Side::Buy, t: t2, sz, limit: None });
                }
            }
            Side::Sell => {
                let held = a.held(f.m, f.o);
                o.sell(a, f.m, f.o, t, held);
            }
        }
    }
}

fn updown_latency(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 2.0, 3);
    let assets: Vec<usize> = match a.rng.below(3) {
        0 => vec![0],
        1 => vec![0, 1],
        _ => vec![0, 1, 2, 3],
    };
    let hourly = a.rng.chance(0.4);
    let edge0 = a.rng.uniform(0.12, 0.2);
    let edge1 = edge0 * a.rng.uniform(0.8, 1.2);
    let switch = switch_time(&mut a.rng);
    let base = a.rng.uniform(20.0, 200.0);
    let scan = a.rng.range(3, 8);
    let coverage = a.rng.uniform(0.1, 0.3);
    let mut windows: Vec<u32> = Vec::new();
    for &asset in &assets {
        windows.extend(w.updown15[asset].iter().copied());
        if hourly && asset < 2 {
            windows.extend(w.updown60[asset].iter().copied());
        }
    }
    for m in windows {
        let mk = w.m(m);
        let Path::Crypto { asset, start, .. } = mk.path else { continue };
        if !a.rng.chance(coverage) || !up.up(start) {
            continue;
        }
        let u = &w.assets[asset];
        let s0 = u.at(start);
        let mut t = start + 20;
        let mut trades = 0;
        while t < mk.ends - 2 && trades < 2 {
            let rem = ((mk.ends - t) as f64 / 10.0).max(0.5);
            let fair = phi((u.at(t) / s0).ln() / (u.vol10 * rem.sqrt()));
            let q = w.quote(m, t);
            let edge = if t < switch { edge0 } else { edge1 };
            let e0 = fair - q.ask[0] as f64 / 100.0;
            let e1 = (1.0 - fair) - q.ask[1] as f64 / 100.0;
            let (out, e) = if e0 >= e1 { (0u8, e0) } else { (1u8, e1) };
            if e > edge {
                let t_fill = t + lat(&mut a.rng, 1.0);
                let sz = ((base * e / edge).min(base * 4.0) * 100.0) as i64;
                if o.take(a, Order { m, o: out, side: Side::Buy, t: t_fill, sz, limit: Some((q.ask[out as usize] + 2).min(99)) }) > 0 {
                    trades += 1;
                    t += a.rng.range(15, 60);
                    continue;
                }
            }
            t += scan;
        }
    }
}

fn updown_scheduled(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 3.0, 3);
    let asset = a.rng.weighted(&[5.0, 3.0, 1.0, 1.0]);
    let hourly = a.rng.chance(0.4) && asset < 2;
    let offset_after = a.rng.chance(0.5);
    let offset = if hourly { a.rng.range(30, 600) } else { a.rng.range(10, 240) };
    let rule = a.rng.below(3);
    let size_shares = a.rng.chance(0.5);
    let size = *a.rng.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let band = a.rng.uniform(0.08, 0.25);
    let (h0, len) = if a.rng.chance(0.3) { (0, 24) } else { (a.rng.range(0, 24), a.rng.range(5, 12)) };
    let windows: Vec<u32> = if hourly { w.updown60[asset].clone() } else { w.updown15[asset].clone() };
    let mut last_winner: Option<u8> = None;
    let mut switch = switch_time(&mut a.rng);
    let mut offset = offset;
    for m in windows {
        let mk = w.m(m);
        let Path::Crypto { start, .. } = mk.path else { continue };
        let h = (start.rem_euclid(DAY) / HOUR + 24 - h0) % 24;
        let prev = last_winner;
        last_winner = Some(mk.winner);
        if h >= len {
            continue;
        }
        if start >= switch {
            // A redeploy with a new offset.
            offset = (offset as f64 * a.rng.uniform(0.6, 1.4)) as i64 + 1;
            switch = NOW + DAY;
        }
        let base_t = if offset_after { start + offset } else { mk.ends - offset };
        let t = base_t + lat(&mut a.rng, 1.0) + if a.rng.chance(0.03) { a.rng.range(5, 40) } else { 0 };
        if !up.up(t) {
            continue;
        }
        let p = w.p(m, t);
        if (p - 0.5).abs() > band {
            continue;
        }
        let out: u8 = match rule {
            0 => prev.unwrap_or(0),
            1 => 1 - prev.unwrap_or(0),
            _ => {
                if p < 0.5 {
                    0
                } else {
                    1
                }
            }
        };
        let ask = w.quote(m, t).ask[out as usize];
        let sz = if size_shares { (size * 100.0) as i64 } else { shares_for(size, ask) };
        o.take(a, Order { m, o: out, side: Side::Buy, t, sz: sz.max(MIN_SZ), limit: Some(ask + 1) });
    }
}

fn twap(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 2);
    let parents = a.rng.range(3, 9);
    let interval = *a.rng.pick(&[30i64, 60, 60, 120, 300]);
    let jitter = a.rng.uniform(0.0, 0.15);
    let random_size = a.rng.chance(0.4);
    let mut starts: Vec<i64> = (0..parents).map(|_| START + a.rng.range(HOUR, 29 * DAY)).collect();
    starts.sort_unstable();
    for s in starts {
        let cands: Vec<u32> = w
            .live_of(s, |k| {
                matches!(k, Kind::Election | Kind::Politics | Kind::Econ | Kind::CryptoDaily | Kind::Game(Sport::Nfl | Sport::Nba))
            })
            .into_iter()
            .filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > s + 12 * HOUR))
            .collect();
        let Some(m) = by_volume(&mut a.rng, w, &cands) else { continue };
        // Sometimes the parent unwinds an earlier one.
        let held = a.holdings().into_iter().find(|&(hm, _, _)| w.live(hm, s));
        let (m, out, side, total) = match held {
            Some((hm, ho, sz)) if a.rng.chance(0.35) => (hm, ho, Side::Sell, sz),
            _ => {
                let out = if a.rng.chance(0.5) { 0 } else { 1 };
                (m, out, Side::Buy, (a.rng.lognormal(8000.0, 0.8) as i64 / 100) * 10_000)
            }
        };
        let slices = a.rng.range(20, 120);
        let slice = (total / slices / 100) * 100;
        if slice < MIN_SZ {
            continue;
        }
        let p_ref = w.quote(m, s);
        let limit = if side == Side::Buy { (p_ref.ask[out as usize] + 4).min(99) } else { (p_ref.bid[out as usize] - 4).max(1) };
        let mut t = s;
        let mut left = total;
        let mut guard = 0;
        while left >= MIN_SZ && guard < 400 {
            guard += 1;
            if !w.live(m, t) {
                break;
            }
            if up.up(t) {
                let mut sz = if random_size { (slice as f64 * a.rng.uniform(0.8, 1.2)) as i64 } else { slice };
                if left - sz < MIN_SZ {
                    sz = left;
                }
                let got = o.take(a, Order { m, o: out, side, t, sz: sz.min(left), limit: Some(limit) });
                left -= got;
                if got == 0 && side == Side::Sell && a.held(m, out) < MIN_SZ {
                    break;
                }
            }
            let dt = interval as f64 * (1.0 + jitter * (2.0 * a.rng.f64() - 1.0));
            t += dt.round() as i64;
        }
    }
}

fn grid(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.5, 2);
    let step = a.rng.range(1, 4);
    let levels = a.rng.range(4, 9);
    let size = if a.rng.chance(0.5) { (*a.rng.pick(&[20.0, 25.0, 50.0, 100.0, 200.0]) * 100.0) as i64 } else { 0 };
    let usd_per_level = a.rng.uniform(5.0, 40.0);
    let inplay = a.rng.chance(0.3);
    let mut t = START + a.rng.range(0, DAY);
    let mut guard = 0;
    while t < NOW - HOUR && guard < 60 {
        guard += 1;
        let cands: Vec<u32> = w
            .live_of(t, |k| {
                matches!(k, Kind::Election | Kind::Politics | Kind::Deadline | Kind::Culture | Kind::Econ)
                    || (inplay && matches!(k, Kind::Game(_)))
            })
            .into_iter()
            .filter(|&m| w.m(m).game.is_none_or(|(g0, g1)| g0 > t && g1 - t < DAY))
            .collect();
        let Some(m) = by_volume(&mut a.rng, w, &cands) else {
            t += 6 * HOUR;
            continue;
        };
        let run_end = w.last(m).min(t + a.rng.range(2 * DAY, 12 * DAY));
        let centre = w.quote(m, t).bid[0];
        let grid_px: Vec<i64> = (1..=levels).map(|j| centre - j * step).filter(|&c| c >= 2 && c + step <= 98).collect();
        let mut holding: BTreeMap<i64, i64> = BTreeMap::new();
        let mut s = t;
        while s < run_end {
            if up.up(s) {
                let q = w.quote(m, s);
                for &c in &grid_px {
                    let when = s + a.rng.range(0, 60);
                    let have = holding.get(&c).copied().unwrap_or(0);
                    if have == 0 && q.ask[0] <= c {
                        let sz = if size > 0 { size } else { shares_for(usd_per_level, c) };
                        if o.maker(a, Leg { m, o: 0, side: Side::Buy, c, sz }, when) {
                            holding.insert(c, sz);
                        }
                    } else if have > 0 && q.bid[0] >= c + step && o.maker(a, Leg { m, o: 0, side: Side::Sell, c: c + step, sz: have }, when)
                    {
                        holding.insert(c, 0);
                    }
                }
            }
            s += 60;
        }
        t = run_end + a.rng.range(10 * MIN, DAY);
    }
}

fn news_latency(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.5, 2);
    let sports_feed = a.rng.chance(0.5);
    let newsy = !sports_feed || a.rng.chance(0.3);
    let leagues: Vec<Sport> =
        [Sport::Nba, Sport::Nfl, Sport::Nhl, Sport::Soccer, Sport::Tennis, Sport::Cfb].into_iter().filter(|_| a.rng.chance(0.35)).collect();
    let base = a.rng.uniform(100.0, 1500.0);
    let act = a.rng.uniform(0.15, 0.4);
    let delay = a.rng.uniform(1.0, 4.0);
    let hold_min = a.rng.uniform(5.0, 60.0);
    for e in w.events.clone() {
        let k = w.m(e.market).kind;
        let wanted = match k {
            Kind::Game(s) | Kind::Spread(s) => sports_feed && leagues.contains(&s),
            Kind::Weather => false,
            _ => newsy,
        };
        if !wanted || !a.rng.chance(act) {
            continue;
        }
        let t = e.t + lat(&mut a.rng, delay).max(1);
        if !up.up(t) {
            continue;
        }
        let riser: u8 = if e.after > e.before { 0 } else { 1 };
        let (b, f) = if riser == 0 { (e.before, e.after) } else { (1.0 - e.before, 1.0 - e.after) };
        let c = ((b + (f - b) * a.rng.uniform(0.3, 0.8)) * 100.0).round() as i64 + 1;
        let c = c.clamp(2, 98);
        let sz = ((base * (f - b).abs() * 10.0).min(base * 3.0) * 100.0) as i64;
        // Now and then a misread headline sends it the wrong way, at the other side's price.
        let out = if a.rng.chance(0.04) { 1 - riser } else { riser };
        let c = if out == riser { c } else { (100 - c + 2).clamp(2, 98) };
        if o.batch(a, &[Leg { m: e.market, o: out, side: Side::Buy, c, sz: sz.max(MIN_SZ) }], t) > 0 && a.rng.chance(0.7) {
            let exit = t + (a.rng.lognormal(hold_min, 0.6) * 60.0) as i64;
            let held = a.held(e.market, out);
            if up.up(exit) {
                o.sell(a, e.market, out, exit, held);
            }
        }
    }
}

fn momentum(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 2.0, 3);
    let lookback = a.rng.range(10, 31) * MIN;
    let thr = a.rng.uniform(0.06, 0.12);
    let hold = a.rng.range(15, 91) * MIN;
    let usd = *a.rng.pick(&[20.0, 25.0, 50.0, 100.0, 200.0]);
    let n_markets = a.rng.range(8, 25) as usize;
    let tick = a.rng.range(45, 90);
    let inplay = a.rng.chance(0.4);
    let mut universe: Vec<u32> = Vec::new();
    let mut open: BTreeMap<u32, (u8, i64, f64)> = BTreeMap::new();
    let mut t = START + a.rng.range(0, HOUR);
    let mut next_refresh = t;
    while t < NOW - MIN {
        if t >= next_refresh {
            universe = w
                .live_of(t, |k| !k.is_updown() && k != Kind::Weather && (inplay || !k.is_sports()))
                .into_iter()
                .filter(|&m| w.m(m).volume > 100.0)
                .collect();
            while universe.len() > n_markets {
                let i = a.rng.below(universe.len());
                universe.remove(i);
            }
            if inplay {
                universe.extend(w.in_play(t));
            }
            next_refresh = t + 6 * HOUR;
        }
        if up.up(t) {
            // Exits first.
            let keys: Vec<u32> = open.keys().copied().collect();
            for m in keys {
                let (out, since, entry) = open[&m];
                let now = price_of(w, m, out, t);
                if t - since >= hold || now < entry - thr / 2.0 || !w.live(m, t + 2 * MIN) {
                    let held = a.held(m, out);
                    o.sell(a, m, out, t, held);
                    open.remove(&m);
                }
            }
            for &m in &universe {
                if open.contains_key(&m) || !w.live(m, t) {
                    continue;
                }
                let d = w.p(m, t) - w.p(m, t - lookback);
                if d.abs() >= thr {
                    let out: u8 = if d > 0.0 { 0 } else { 1 };
                    let jitter = a.rng.range(0, 3);
                    if o.take_usd(a, m, out, t + jitter, usd, None) > 0 {
                        open.insert(m, (out, t, price_of(w, m, out, t)));
                    }
                }
            }
        }
        t += tick + a.rng.range(-5, 6);
        if inplay && t >= next_refresh - 5 * HOUR {
            universe.retain(|&m| w.live(m, t));
        }
    }
}

fn reward_farmer(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 2);
    let restart = a.rng.range(0, 24) * HOUR;
    let n_markets = a.rng.range(3, 8) as usize;
    let q = (*a.rng.pick(&[100.0, 200.0, 250.0, 300.0, 500.0, 1000.0]) * 100.0) as i64;
    let d = a.rng.range(2, 5);
    let refresh = a.rng.range(2, 11) * MIN;
    let hedge_merge = a.rng.chance(0.5);
    let share = a.rng.uniform(0.003, 0.01);
    let mut t = START + a.rng.range(0, HOUR);
    while t < NOW - HOUR {
        let day_end = (t + DAY).min(NOW - MIN);
        let mut cands: Vec<u32> = w
            .live_of(t, |k| matches!(k, Kind::Politics | Kind::Election | Kind::Econ | Kind::CryptoDaily | Kind::Culture | Kind::Game(_)))
            .into_iter()
            .filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > t + DAY))
            .collect();
        while cands.len() > n_markets {
            let i = a.rng.below(cands.len());
            cands.remove(i);
        }
        for &m in &cands {
            let rate = flow_rate(w, m) * share;
            let mut quoted_at = t;
            let mut mid = (w.p(m, t) * 100.0).round() as i64;
            let mut s = t;
            while s < day_end.min(w.last(m)) {
                let down_for_restart = (s.rem_euclid(DAY) - restart).rem_euclid(DAY) < 5 * MIN;
                if up.up(s) && !down_for_restart {
                    if s - quoted_at >= refresh {
                        mid = (w.p(m, s) * 100.0).round() as i64;
                        quoted_at = s;
                    }
                    let qt = w.quote(m, s);
                    let my_bid = (mid - d).clamp(1, 98);
                    let my_ask = (mid + d).clamp(2, 99);
                    // Picked off when the book runs through the quote, or filled by ordinary flow
                    // while the quote sits near the top of the book.
                    let hit_bid = qt.ask[0] <= my_bid || (my_bid >= qt.bid[0] - 1 && a.rng.chance(rate * 60.0 * 0.5));
                    let hit_ask = qt.bid[0] >= my_ask || (my_ask <= qt.ask[0] + 1 && a.rng.chance(rate * 60.0 * 0.5));
                    let when = s + a.rng.range(0, 60);
                    let sz = (q as f64 * a.rng.uniform(0.2, 1.0)) as i64;
                    let filled = if hit_bid && o.maker(a, Leg { m, o: 0, side: Side::Buy, c: my_bid, sz }, when) {
                        Some(0u8)
                    } else if hit_ask && o.maker(a, Leg { m, o: 1, side: Side::Buy, c: 100 - my_ask, sz }, when) {
                        Some(1u8)
                    } else {
                        None
                    };
                    if let Some(got) = filled {
                        let after = when + a.rng.range(3, 45);
                        if hedge_merge {
                            o.buy(a, m, 1 - got, after, sz);
                        } else {
                            o.sell(a, m, got, after, sz);
                        }
                        mid = (w.p(m, after) * 100.0).round() as i64;
                        quoted_at = after;
                        s = after;
                    }
                }
                s += 60;
            }
        }
        t = day_end;
    }
}

fn wash(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 3);
    let hours: Vec<i64> = (0..a.rng.range(1, 4)).map(|_| a.rng.range(0, 24)).collect();
    let size = (*a.rng.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0]) * 100.0) as i64;
    let cycles = (a.rng.range(3, 8), a.rng.range(8, 15));
    let gap = a.rng.range(3, 40);
    let skip_days = a.rng.uniform(0.05, 0.4);
    for day in START / DAY..NOW / DAY {
        if a.rng.chance(skip_days) {
            continue;
        }
        for &h in &hours {
            let mut t = day * DAY + h * HOUR + a.rng.range(0, 120);
            if !up.up(t) || t <= START || t >= NOW - HOUR {
                continue;
            }
            let cands: Vec<u32> = w
                .live_of(t, |k| matches!(k, Kind::Politics | Kind::Election | Kind::Econ | Kind::Culture))
                .into_iter()
                .filter(|&m| w.m(m).spread <= 1)
                .collect();
            let Some(m) = by_volume(&mut a.rng, w, &cands) else { continue };
            let out: u8 = if w.p(m, t) < 0.5 { 0 } else { 1 };
            for _ in 0..a.rng.range(cycles.0, cycles.1) {
                if a.rng.chance(0.5) {
                    // Crossed with a sister wallet at one price, same second.
                    let c = w.quote(m, t).ask[out as usize];
                    o.batch(a, &[Leg { m, o: out, side: Side::Buy, c, sz: size }], t);
                    let jitter = a.rng.range(0, 2);
                    o.batch(a, &[Leg { m, o: out, side: Side::Sell, c, sz: size }], t + jitter);
                } else {
                    o.buy(a, m, out, t, size);
                    let held = a.held(m, out);
                    let jitter = a.rng.range(0, 4);
                    o.sell(a, m, out, t + gap + jitter, held);
                }
                t += gap * 2 + a.rng.range(0, 10);
            }
        }
    }
}

fn new_market_sniper(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.5, 2);
    let poll = *a.rng.pick(&[5i64, 10, 30, 60]);
    let kinds = a.rng.below(3);
    let edge = a.rng.uniform(0.06, 0.12);
    let base = a.rng.uniform(100.0, 800.0);
    let exit_p = a.rng.uniform(0.3, 0.8);
    for &m in &w.regular {
        let mk = w.m(m);
        let ok = match kinds {
            0 => mk.kind.is_sports(),
            1 => matches!(mk.kind, Kind::CryptoDaily | Kind::Weather | Kind::Culture),
            _ => !matches!(mk.kind, Kind::Weather),
        };
        if !ok || mk.open <= START || mk.open >= NOW - HOUR || mk.relax == 0 {
            continue;
        }
        let t = mk.open + (poll - mk.open.rem_euclid(poll)) + lat(&mut a.rng, 1.5);
        if !up.up(t) || !a.rng.chance(0.6) {
            continue;
        }
        let fair = w.p(m, mk.open + mk.relax + 5 * MIN);
        let now = w.p(m, t);
        let out: u8 = if fair > now { 0 } else { 1 };
        if (fair - now).abs() < edge {
            continue;
        }
        let sz = odd_shares(&mut a.rng, base);
        let target = if out == 0 { fair } else { 1.0 - fair };
        let limit = ((target - edge / 2.0) * 100.0) as i64;
        if o.take(a, Order { m, o: out, side: Side::Buy, t, sz, limit: Some(limit.clamp(1, 99)) }) > 0 && a.rng.chance(exit_p) {
            let later = t + a.rng.range(2 * HOUR, 48 * HOUR);
            let held = a.held(m, out);
            if up.up(later) {
                o.sell(a, m, out, later, held);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Programs that trade at a person's pace.

fn hard_model_trader(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 4);
    let cron = a.rng.range(0, 15) * MIN;
    let bankroll = a.rng.uniform(2000.0, 20000.0);
    let edge = a.rng.uniform(0.03, 0.07);
    let horizon = a.rng.range(6, 48) * HOUR;
    let maker = a.rng.uniform(0.2, 0.6);
    let data_per_day = a.rng.uniform(1.0, 3.5);
    let mut datas: Vec<i64> = Vec::new();
    for day in START / DAY..NOW / DAY {
        let wd = (day + 4).rem_euclid(7);
        let rate = if wd == 0 || wd == 6 { data_per_day * 0.3 } else { data_per_day };
        for _ in 0..a.rng.poisson(rate) {
            datas.push(day * DAY + a.rng.range(12 * HOUR, 23 * HOUR));
        }
    }
    for e in &w.events {
        if w.m(e.market).kind.is_newsy() && a.rng.chance(0.08) {
            datas.push(e.t);
        }
    }
    datas.sort_unstable();
    let mut last_run = 0;
    for d in datas {
        // The next cron run after the data, plus its run time.
        let run = d + (15 * MIN - (d - cron).rem_euclid(15 * MIN));
        if run == last_run || !up.up(run) {
            continue;
        }
        last_run = run;
        let mut t = run + a.rng.range(20, 240);
        let cands: Vec<u32> = w.live_of(t, |k| matches!(k, Kind::Election | Kind::Politics | Kind::Econ | Kind::Deadline | Kind::Culture));
        // Exits where the edge is gone.
        for (m, out, held) in a.holdings() {
            if w.live(m, t) {
                let now = price_of(w, m, out, t);
                let model = now + 0.5 * (price_of(w, m, out, (t + horizon).min(w.last(m))) - now) + 0.04 * a.rng.normal();
                let bid = w.quote(m, t).bid[out as usize] as f64 / 100.0;
                if model < bid - edge * 0.5 {
                    o.sell(a, m, out, t, held);
                    t += a.rng.range(1, 4);
                }
            }
        }
        let mut best: Option<(f64, u32, u8)> = None;
        for &m in &cands {
            let now = w.p(m, t);
            let model = now + 0.5 * (w.p(m, (t + horizon).min(w.last(m))) - now) + 0.05 * a.rng.normal();
            let q = w.quote(m, t);
            for (out, e) in [(0u8, model - q.ask[0] as f64 / 100.0), (1u8, (1.0 - model) - q.ask[1] as f64 / 100.0)] {
                if e > edge && best.is_none_or(|(b, _, _)| e > b) {
                    best = Some((e, m, out));
                }
            }
        }
        let Some((e, m, out)) = best else { continue };
        let q = w.quote(m, t);
        let price = q.ask[out as usize] as f64 / 100.0;
        let kelly = (e / (1.0 - price).max(0.05)).min(0.2);
        let stake = (bankroll * 0.25 * kelly * 100.0).round() / 100.0;
        if stake < 3.0 {
            continue;
        }
        if a.rng.chance(maker) {
            let c = q.bid[out as usize] + 1;
            let sz = shares_for(stake, c);
            o.rest(a, Rest { m, o: out, side: Side::Buy, c, sz, from: t, until: t + HOUR, step: 120, share: 0.4 });
        } else {
            o.take_usd(a, m, out, t, stake, Some((q.ask[out as usize] + 1).min(99)));
        }
    }
}

fn hard_slow_copy(o: &mut Out, a: &mut Actor) {
    let region = *a.rng.pick(&[Region::UsEast, Region::UsWest, Region::Uk, Region::Europe, Region::Asia]);
    let leader = *a.rng.pick(&QUIET_LEADERS);
    let second = if a.rng.chance(0.4) { Some(*a.rng.pick(&QUIET_LEADERS)).filter(|&l| l != leader) } else { None };
    let poll = a.rng.range(10, 31) * MIN;
    let usd = *a.rng.pick(&[20.0, 25.0, 40.0, 50.0, 100.0]);
    let wake = a.rng.uniform(7.0, 9.5);
    let sleep = a.rng.uniform(23.0, 25.5);
    let weekend_off = a.rng.uniform(0.0, 0.6);
    let max_age = a.rng.range(2, 8) * HOUR;
    let copy_sells = a.rng.chance(0.5);
    let mut off_days: Vec<i64> = Vec::new();
    for day in region.day(START)..=region.day(NOW) {
        let wd = (day + 4).rem_euclid(7);
        if ((wd == 0 || wd == 6) && a.rng.chance(weekend_off)) || a.rng.chance(0.08) {
            off_days.push(day);
        }
    }
    let laptop_on = |t: i64| {
        let h = region.hour(t);
        let hh = if h < 6.0 { h + 24.0 } else { h };
        hh >= wake && hh < sleep && !off_days.contains(&region.day(t))
    };
    let phase = a.rng.range(0, poll);
    let next_poll = |t: i64| t + (poll - (t - phase).rem_euclid(poll));
    let mut trades = leader_trades(o, leader);
    if let Some(l) = second {
        trades.extend(leader_trades(o, l));
        trades.sort_by_key(|(f, _)| (f.t, f.tx));
    }
    for (f, _) in trades {
        // The first poll after the trade at which the laptop is on.
        let mut t = next_poll(f.t);
        let mut guard = 0;
        while !laptop_on(t) && guard < 200 {
            t = next_poll(t + 1);
            guard += 1;
        }
        if t - f.t > max_age || t >= NOW {
            continue;
        }
        let t = t + a.rng.range(2, 30);
        match f.side {
            Side::Buy => {
                o.take_usd(a, f.m, f.o, t, usd, Some((f.c + 6).min(99)));
            }
            Side::Sell if copy_sells => {
                let held = a.held(f.m, f.o);
                o.sell(a, f.m, f.o, t, held);
            }
            Side::Sell => {}
        }
    }
}

fn hard_cross_arb(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 3);
    let per_day = a.rng.uniform(0.4, 1.5);
    let median = a.rng.uniform(30.0, 300.0);
    let n = a.rng.poisson(per_day * 30.0);
    let mut times: Vec<i64> = Vec::new();
    while times.len() < n as usize {
        let t = START + a.rng.range(HOUR, 30 * DAY - HOUR);
        let h = t.rem_euclid(DAY) / HOUR;
        let busy = if (13..24).contains(&h) || h < 3 { 1.0 } else { 0.3 };
        if a.rng.chance(busy) {
            times.push(t);
        }
    }
    times.sort_unstable();
    for t in times {
        if !up.up(t) {
            continue;
        }
        let pairs: Vec<(u32, u32)> = w
            .regular
            .iter()
            .copied()
            .filter(|&m| w.live(m, t))
            .filter_map(|m| w.m(m).sibling.map(|s| (m, s)))
            .filter(|&(m, s)| m < s && w.live(s, t))
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let (m1, m2) = *a.rng.pick(&pairs);
        let k1 = w.m(m1).kind;
        let q1 = w.quote(m1, t);
        let q2 = w.quote(m2, t);
        // Legs that together pay at least $1 in every state, bought a little under the book.
        let (o1, o2) = match k1 {
            Kind::CryptoDaily => (0u8, 1u8),
            Kind::Game(Sport::Soccer) => (1u8, 1u8),
            _ => {
                if w.m(m2).outcomes[0] == w.m(m1).outcomes[0] {
                    (0u8, 1u8)
                } else {
                    (1u8, 1u8)
                }
            }
        };
        let g = a.rng.range(1, 4);
        let c1 = q1.ask[o1 as usize] - a.rng.range(0, 2);
        let c2 = (100 - g - c1).min(q2.ask[o2 as usize]);
        if !(1..=99).contains(&c1) || !(1..=99).contains(&c2) {
            continue;
        }
        let sz = odd_shares(&mut a.rng, median);
        o.batch(a, &[Leg { m: m1, o: o1, side: Side::Buy, c: c1, sz }], t);
        let jitter = a.rng.range(1, 5);
        o.batch(a, &[Leg { m: m2, o: o2, side: Side::Buy, c: c2, sz }], t + jitter);
    }
}

fn hard_sports_model(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let up = Uptime::new(&mut a.rng, 1.0, 4);
    let all = [Sport::Nba, Sport::Nhl, Sport::Nfl, Sport::Soccer, Sport::Cfb];
    let leagues: Vec<Sport> = all.iter().copied().filter(|_| a.rng.chance(0.45)).collect();
    let leagues = if leagues.is_empty() { vec![Sport::Nba] } else { leagues };
    let batch_hour = a.rng.range(11, 20) * HOUR + a.rng.range(0, 60) * MIN;
    let edge = a.rng.uniform(0.03, 0.06);
    let bankroll = a.rng.uniform(3000.0, 30000.0);
    let maker = a.rng.uniform(0.2, 0.6);
    for &g in &w.games {
        let mk = w.m(g);
        let (Some((g0, _)), Kind::Game(s)) = (mk.game, mk.kind) else { continue };
        if !leagues.contains(&s) || g0 < START {
            continue;
        }
        // Two looks: the daily batch after the market opens, and the lineup news before start.
        let open_day = mk.open.max(START).div_euclid(DAY);
        let mut first = open_day * DAY + batch_hour + a.rng.range(0, 8 * MIN);
        if first < mk.open {
            first += DAY;
        }
        let lineup =
            g0 - match s {
                Sport::Nfl => 90 * MIN,
                Sport::Soccer => 60 * MIN,
                _ => a.rng.range(45, 100) * MIN,
            } + a.rng.range(30, 600);
        for t in [first, lineup] {
            if t >= g0 || !up.up(t) || !w.live(g, t) {
                continue;
            }
            let now = w.p(g, t);
            let model = now + 0.6 * (w.p(g, g0 - MIN) - now) + 0.04 * a.rng.normal();
            let q = w.quote(g, t);
            let (out, e) = if model - q.ask[0] as f64 / 100.0 > (1.0 - model) - q.ask[1] as f64 / 100.0 {
                (0u8, model - q.ask[0] as f64 / 100.0)
            } else {
                (1u8, (1.0 - model) - q.ask[1] as f64 / 100.0)
            };
            if e < edge || a.held(g, out) > 0 {
                continue;
            }
            let price = q.ask[out as usize] as f64 / 100.0;
            let stake = (bankroll * 0.2 * (e / (1.0 - price).max(0.05)).min(0.15) * 100.0).round() / 100.0;
            if stake < 3.0 {
                continue;
            }
            if a.rng.chance(maker) {
                let c = q.bid[out as usize];
                o.rest(a, Rest { m: g, o: out, side: Side::Buy, c, sz: shares_for(stake, c), from: t, until: g0, step: 120, share: 0.4 });
            } else {
                o.take_usd(a, g, out, t, stake, Some((q.ask[out as usize] + 1).min(99)));
            }
        }
    }
}
