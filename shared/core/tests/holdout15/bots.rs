//! Programs: the ways software trades on Polymarket.

use super::crowd::{phase, tod};
use super::exec::{Act, Me, Person, Region, Shape, Sim, Uptime, Want, cents, hund};
use super::people::{Gen, by_pop, games, league, long_markets};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, League, MIN, NOW, START, World};

/// Runs a Poisson fill process over [a, b) at up to `peak` fills per hour, thinned by `rate(t)`
/// (a fraction of the peak), calling `f` at each accepted time.
fn poisson_times(rng: &Rng, a: i64, b: i64, peak: f64, mut rate: impl FnMut(i64) -> f64) -> Vec<i64> {
    let mut out = Vec::new();
    if peak <= 0.0 {
        return out;
    }
    let mut t = a as f64;
    loop {
        t += rng.exp(3600.0 / peak);
        if t >= b as f64 {
            break;
        }
        let ti = t as i64;
        if rng.f() < rate(ti).clamp(0.0, 1.0) {
            out.push(ti);
        }
    }
    out
}

/// True if a market had a big move in the last `secs` seconds before `t`.
fn recent_event(w: &World, m: u32, t: i64, secs: i64) -> bool {
    w.events_of(m).any(|e| e.t <= t && e.t > t - secs && f64::from(e.d).abs() >= 0.04)
}

/// Quote-driven maker fills in one market over [a, b): the wallet sits at the best bid and ask of
/// both outcomes and gets hit by the crowd.
struct Quoting {
    share: f64,
    size: f64,
    size2: f64,
    switch: i64,
    inv_limit: f64,
    pull_secs: i64,
    full_fill: f64,
}

fn quote_market(me: &mut Me<'_>, up: &Uptime, m: u32, a: i64, b: i64, q: &Quoting) {
    let mk = me.sim.w.m(m);
    let a = a.max(mk.open).max(START);
    let b = b.min(mk.close).min(NOW);
    if a >= b {
        return;
    }
    let peak = mk.pop * q.share * 5.0;
    let w = &me.sim.w;
    let times = poisson_times(me.rng, a, b, peak, |t| {
        let mk = w.m(m);
        mk.pop * q.share * tod(t) * phase(mk, t).min(5.0) / peak
    });
    for t in times {
        if !up.up(t) || (q.pull_secs > 0 && recent_event(&me.sim.w, m, t, q.pull_secs)) {
            continue;
        }
        let o = me.rng.int(0, 1) as u8;
        let inv = shares_of(me, m, o) - shares_of(me, m, 1 - o);
        let p_buy = (0.5 - inv / (4.0 * q.inv_limit)).clamp(0.1, 0.9);
        let buy = me.rng.chance(p_buy);
        let Some((bid, ask)) = me.sim.quote(m, o, t) else { continue };
        let base = if t < q.switch { q.size } else { q.size2 };
        let size = if me.rng.chance(q.full_fill) { hund(base) } else { hund(base * me.rng.range(0.08, 1.0)).max(500) };
        if buy {
            me.made(m, o, true, t, bid, size);
        } else if me.held(m, o) >= size {
            me.made(m, o, false, t, ask, size);
        } else {
            // short the outcome by buying its complement at the complement's bid
            let c = 100 - ask;
            me.made(m, 1 - o, true, t, c, size);
        }
    }
}

fn shares_of(me: &Me<'_>, m: u32, o: u8) -> f64 {
    me.held(m, o) as f64 / 100.0
}

pub fn two_sided_market_maker(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let deploy = if rng.chance(0.5) { Some(rng.int(0, 23)) } else { None };
    let up = Uptime::new(rng, 0.25, deploy);
    let size = *rng.pick(&[50.0, 100.0, 150.0, 200.0, 250.0, 500.0]);
    let q = Quoting {
        share: rng.range(0.05, 0.12),
        size,
        size2: size * *rng.pick(&[0.5, 1.5, 2.0, 1.0]),
        switch: rng.int(START + 5 * DAY, NOW - 5 * DAY),
        inv_limit: size * rng.range(3.0, 10.0),
        pull_secs: *rng.pick(&[0, 120, 300, 600]),
        full_fill: rng.range(0.2, 0.5),
    };
    let sports_share = rng.range(0.0, 0.6);
    let mut me = Me::new(sim, rng, ids[i]);
    let pool = long_markets(&me.sim.w, START + DAY, 2.0);
    let n = me.rng.int(3, 7);
    let mut chosen: Vec<u32> = Vec::new();
    for _ in 0..n {
        if let Some(m) = by_pop(me.rng, &me.sim.w, &pool)
            && !chosen.contains(&m)
        {
            chosen.push(m);
        }
    }
    for m in chosen {
        quote_market(&mut me, &up, m, START, NOW, &q);
    }
    // a second book: the day's games, quoted until kick-off
    let leagues = [League::Nfl, League::Nba, League::Cfb, League::Nhl];
    let gl: Vec<(i64, u32)> = me.sim.w.games_between(START, NOW + DAY).to_vec();
    for (g0, m) in gl {
        if !league(&me.sim.w, m).is_some_and(|l| leagues.contains(&l)) || !me.rng.chance(sports_share * 0.4) {
            continue;
        }
        quote_market(&mut me, &up, m, g0 - 30 * HOUR, g0 - 2 * MIN, &q);
    }
}

pub fn updown_pair_accumulator(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.3, None);
    let assets: Vec<u8> = if rng.chance(0.5) { vec![0] } else { vec![0, 1] };
    let clip = *rng.pick(&[5.0, 10.0, 10.0, 15.0, 20.0, 25.0]);
    let target = rng.range(95.0, 98.5);
    let step = rng.int(2, 8);
    let participate = rng.range(0.3, 0.7);
    // the operator runs it in stretches
    let mut blocks = Vec::new();
    for _ in 0..rng.int(3, 6) {
        let len = rng.int(2 * HOUR, 10 * HOUR);
        blocks.push(sim.w.stretch(rng, len, 0.85));
    }
    let mut me = Me::new(sim, rng, ids[i]);
    for (ba, bb) in blocks {
        let mut s = ba - ba.rem_euclid(15 * MIN) + 15 * MIN;
        while s + 15 * MIN <= bb.min(NOW) {
            for &a in &assets {
                if !up.up(s) || !me.rng.chance(participate) {
                    continue;
                }
                let m = me.sim.w.crypto(a, 0, s);
                let e = s + 15 * MIN;
                let mut qty = [0.0f64; 2];
                let mut cost = [0.0f64; 2];
                let mut t = s + me.rng.int(1, 20);
                let mut n = 0;
                while t < e - 15 && n < 40 {
                    for o in [0u8, 1] {
                        let Some((_, ask)) = me.sim.quote(m, o, t) else { continue };
                        let other = 1 - o as usize;
                        let ok = if qty[other] > 0.0 {
                            cost[other] / qty[other] + f64::from(ask) <= target && qty[o as usize] <= qty[other] + clip
                        } else {
                            f64::from(ask) <= 49.0 && qty[o as usize] < clip * 3.0
                        };
                        if ok && me.rng.chance(0.7) {
                            let sz = clip * if me.rng.chance(0.2) { 2.0 } else { 1.0 };
                            if let Some(x) = me.buy(m, o, t, Want::Sh(hund(sz)), 1) {
                                qty[o as usize] += sz;
                                cost[o as usize] += sz * f64::from(x.cents);
                                n += 1;
                            }
                        }
                    }
                    t += step + me.rng.int(0, step);
                }
            }
            s += 15 * MIN;
        }
    }
}

/// Moments when a multi-outcome event's books are out of line: (time, group, buy Yes basket).
pub fn basket_opportunities(w: &World) -> Vec<(i64, u32, bool)> {
    let mut out = Vec::new();
    for (g, ms) in w.groups.iter().enumerate() {
        if ms.is_empty() {
            continue;
        }
        let complete = !matches!(w.m(ms[0]).cat, Cat::Politics | Cat::Culture);
        let mut times: Vec<i64> = Vec::new();
        for &m in ms {
            let mk = w.m(m);
            times.extend(mk.kt.iter().copied().filter(|&t| t > START && t < NOW && mk.is_open(t)));
        }
        times.sort();
        times.dedup();
        let n = ms.len() as i64;
        let mut last_hit: Option<i64> = None;
        for t in times {
            let mut yes_ask = 0i64;
            let mut no_ask = 0i64;
            let mut ok = true;
            for &m in ms {
                match (w.m(m).quote(0, t), w.m(m).quote(1, t)) {
                    (Some((_, ya)), Some((_, na))) => {
                        yes_ask += i64::from(ya);
                        no_ask += i64::from(na);
                    }
                    _ => ok = false,
                }
            }
            if !ok || last_hit.is_some_and(|h| t - h < 3 * MIN) {
                continue;
            }
            if complete && yes_ask <= 96 {
                out.push((t, g as u32, true));
                last_hit = Some(t);
            } else if no_ask <= 100 * (n - 1) - 4 {
                out.push((t, g as u32, false));
                last_hit = Some(t);
            }
        }
    }
    out.sort();
    out
}

pub fn negrisk_basket_arb(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, if rng.chance(0.4) { Some(rng.int(0, 23)) } else { None });
    let latency = rng.int(0, 6);
    let win = rng.range(0.25, 0.8);
    let max_usd = rng.lognormal(400.0, 0.6);
    let cats: Vec<u8> = match i % 3 {
        0 => vec![0, 1],
        1 => vec![1, 2],
        _ => vec![0, 1, 2],
    };
    let round_to = *rng.pick(&[0u64, 0, 1000, 500]);
    if sim.opps.is_none() {
        sim.opps = Some(basket_opportunities(&sim.w));
    }
    let opps = sim.opps.clone().unwrap_or_default();
    let mut me = Me::new(sim, rng, ids[i]);
    for (t0, g, yes) in opps {
        let ms = me.sim.w.groups[g as usize].clone();
        let kind = match me.sim.w.m(ms[0]).cat {
            Cat::Weather => 0,
            Cat::Sports(_) => 1,
            _ => 2,
        };
        if !cats.contains(&kind) || !up.up(t0) || !me.rng.chance(win) {
            continue;
        }
        let t = t0 + latency + me.rng.int(0, 1);
        let o = if yes { 0 } else { 1 };
        let mut total = 0.0;
        let mut depth = f64::MAX;
        for &m in &ms {
            let Some((_, ask)) = me.sim.quote(m, o, t) else { continue };
            total += f64::from(ask) / 100.0;
            depth = depth.min(me.sim.w.m(m).depth);
        }
        let limit = if yes { 0.985 } else { ms.len() as f64 - 1.015 };
        if total > limit || total <= 0.0 {
            continue;
        }
        let mut size = hund((max_usd / total).min(depth * me.rng.range(0.3, 1.0)));
        if let Some(q) = size.checked_div(round_to) {
            size = q * round_to;
        }
        if size < 500 {
            continue;
        }
        for &m in &ms {
            let tl = t + if me.rng.chance(0.2) { 1 } else { 0 };
            me.buy(m, o, tl, Want::Sh(size), 1);
        }
    }
}

pub fn resolution_sniper(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, None);
    let poll = *rng.pick(&[3, 5, 10, 15, 30]);
    let max_usd = rng.lognormal(3000.0, 0.8);
    let min_ask = rng.int(95, 97) as u8;
    let do_sports = i % 4 != 1;
    let do_crypto = i % 4 == 1;
    let do_events = i % 4 != 2;
    let crypto_share = rng.range(0.2, 0.5);
    let mut me = Me::new(sim, rng, ids[i]);
    let size_for = |me: &mut Me<'_>, m: u32, ask: u8| -> u64 {
        let d = me.sim.w.m(m).depth * me.rng.range(0.3, 1.5);
        hund((max_usd / (f64::from(ask) / 100.0)).min(d))
    };
    if do_sports {
        let gl: Vec<(i64, u32)> = me.sim.w.games_between(START - DAY, NOW).to_vec();
        for (_, m) in gl {
            let mk = me.sim.w.m(m);
            let Some((_, g1)) = mk.live else { continue };
            if g1 <= START || g1 >= NOW {
                continue;
            }
            let win: u8 = if mk.mid(g1 + 1) >= 0.5 { 0 } else { 1 };
            let close = mk.close;
            let mut t = g1 + me.rng.int(1, poll) + 1;
            let mut k = 0;
            while t < close && k < 3 && (k == 0 || me.rng.chance(0.5)) {
                if up.up(t)
                    && let Some((_, ask)) = me.sim.quote(m, win, t)
                    && (min_ask..=99).contains(&ask)
                {
                    let s = size_for(&mut me, m, ask);
                    me.buy(m, win, t, Want::Sh(s), 2);
                }
                k += 1;
                t += me.rng.int(3 * MIN, 20 * MIN);
            }
        }
    }
    if do_crypto {
        let mut s = START - START.rem_euclid(15 * MIN) + 15 * MIN;
        while s + 15 * MIN < NOW {
            let hot = me.sim.w.hot.iter().any(|h| s >= h.0 && s < h.1);
            for a in [0u8, 1] {
                if !hot || !me.rng.chance(crypto_share) {
                    continue;
                }
                let e = s + 15 * MIN;
                let t = e - me.rng.int(8, 45);
                if !up.up(t) {
                    continue;
                }
                let f = me.sim.w.updown_fair(a, s, e, t);
                if !(0.015..=0.985).contains(&f) {
                    let m = me.sim.w.crypto(a, 0, s);
                    let o = if f > 0.5 { 0 } else { 1 };
                    if let Some((_, ask)) = me.sim.quote(m, o, t)
                        && (min_ask..=99).contains(&ask)
                    {
                        let sz = size_for(&mut me, m, ask) / 4;
                        me.buy(m, o, t, Want::Sh(sz), 1);
                    }
                }
            }
            s += 15 * MIN;
        }
    }
    if do_events {
        let evs: Vec<(i64, u32)> = me
            .sim
            .w
            .events_in(START, NOW)
            .iter()
            .filter(|e| f64::from(e.d).abs() >= 0.08 && !matches!(me.sim.w.m(e.m).cat, Cat::Sports(_)))
            .map(|e| (e.t, e.m))
            .collect();
        for (te, m) in evs {
            let p = me.sim.w.m(m).mid(te);
            if (0.04..=0.96).contains(&p) {
                continue;
            }
            let o = if p > 0.5 { 0 } else { 1 };
            let t = te + me.rng.int(1, poll) + 1;
            if !up.up(t) {
                continue;
            }
            if let Some((_, ask)) = me.sim.quote(m, o, t)
                && (min_ask..=99).contains(&ask)
            {
                let s = size_for(&mut me, m, ask);
                me.buy(m, o, t, Want::Sh(s), 2);
            }
        }
    }
}

pub fn copy_trade_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.6, if rng.chance(0.3) { Some(rng.int(0, 23)) } else { None });
    let poll = *rng.pick(&[2, 4, 5, 10, 15, 30, 60]);
    let l1 = (i + 3) % sim.leaders.len();
    let l2 = (i + 5) % sim.leaders.len();
    let switch = if rng.chance(0.4) { rng.int(START + 5 * DAY, NOW - 3 * DAY) } else { NOW + 1 };
    let ratio = rng.range(0.005, 0.08);
    let fixed_usd = if rng.chance(0.4) { Some(*rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0])) } else { None };
    let max_usd = rng.lognormal(300.0, 0.6);
    let mut trades: Vec<_> = sim.leaders[l1].1.iter().filter(|f| f.ts < switch).copied().collect();
    trades.extend(sim.leaders[l2].1.iter().filter(|f| f.ts >= switch).copied());
    let mut me = Me::new(sim, rng, ids[i]);
    let mut last_tx = 0;
    for f in trades {
        if f.tx == last_tx {
            continue;
        }
        last_tx = f.tx;
        let lag = me.rng.int(0, poll) + me.rng.int(1, 3) + if me.rng.chance(0.05) { me.rng.int(20, 120) } else { 0 };
        let t = f.ts + lag;
        if !up.up(t) {
            continue;
        }
        if f.buy {
            let mut h = match fixed_usd {
                Some(u) => hund(u / (f64::from(f.cents) / 100.0)),
                None => (f.size as f64 * ratio) as u64,
            };
            h = h.min(hund(max_usd / (f64::from(f.cents) / 100.0))).max(500);
            me.buy(f.m, f.o, t, Want::Sh(h), 2);
        } else {
            let held = me.held(f.m, f.o);
            if held == 0 {
                continue;
            }
            let q = match fixed_usd {
                Some(_) => held,
                None => ((f.size as f64 * ratio) as u64).max(500),
            };
            me.sell(f.m, f.o, t, q, 2);
        }
    }
}

pub fn crypto_latency_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.3, None);
    let assets: Vec<u8> = match i % 3 {
        0 => vec![0],
        1 => vec![0, 1],
        _ => vec![0, 2],
    };
    let hz_set: Vec<u8> = if rng.chance(0.6) { vec![0] } else { vec![0, 1] };
    let trig = rng.range(0.1, 0.18);
    let edge = rng.range(0.05, 0.09);
    let size_sh = *rng.pick(&[20.0, 25.0, 50.0, 60.0, 100.0, 150.0]);
    let flip = rng.range(0.2, 0.6);
    let cool_s = rng.int(60, 240);
    let per_market = rng.int(1, 3);
    // the strategy is switched on for stretches (when its owner thinks the edge is there)
    let mut blocks: Vec<(i64, i64)> = Vec::new();
    for _ in 0..rng.int(3, 7) {
        let len = rng.int(3 * HOUR, 16 * HOUR);
        blocks.push(sim.w.stretch(rng, len, 0.85));
    }
    blocks.sort();
    let mut me = Me::new(sim, rng, ids[i]);
    let mut cool = START;
    let mut traded: Vec<(u32, i64)> = Vec::new();
    for (ba, bb) in blocks {
        let mut t = ba.max(cool);
        while t < bb.min(NOW - 60) {
            if t < cool || !up.up(t) {
                t += 10;
                continue;
            }
            for &a in &assets {
                for &hz in &hz_set {
                    let len = if hz == 0 { 15 * MIN } else { HOUR };
                    let s = t - t.rem_euclid(len);
                    let e = s + len;
                    if t - s < 20 || e - t < 120 {
                        continue;
                    }
                    let now_f = me.sim.w.updown_fair(a, s, e, t);
                    let lag_f = me.sim.w.updown_fair(a, s, e, t - 20);
                    if (now_f - lag_f).abs() < trig {
                        continue;
                    }
                    let m = me.sim.w.crypto(a, hz, s);
                    let n_here = traded.iter().filter(|x| x.0 == m).count() as i64;
                    if n_here >= per_market {
                        continue;
                    }
                    let o: u8 = if now_f > lag_f { 0 } else { 1 };
                    let fair_o = if o == 0 { now_f } else { 1.0 - now_f };
                    let te = t + me.rng.int(0, 2);
                    let Some((_, ask)) = me.sim.quote(m, o, te) else { continue };
                    if f64::from(ask) / 100.0 > fair_o - edge {
                        continue;
                    }
                    let k = ((fair_o - f64::from(ask) / 100.0) / edge).min(3.0);
                    let sz = hund((size_sh * k).round());
                    if me.buy(m, o, te, Want::Sh(sz), 2).is_some() {
                        traded.push((m, te));
                        if me.rng.chance(flip) {
                            let tx = te + me.rng.int(20, 150);
                            if tx < e - 5 {
                                me.sell_all(m, o, tx);
                            }
                        }
                        cool = te + cool_s;
                    }
                }
            }
            t += 10;
        }
    }
}

pub fn twap_slicer(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, None);
    let interval = *rng.pick(&[60, 90, 120, 180, 300, 600]);
    let jitter = rng.range(0.0, 0.15);
    let iceberg = rng.range(0.0, 0.08);
    let n_parents = rng.int(3, 7);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut parents: Vec<i64> = (0..n_parents).map(|_| me.rng.int(START, NOW - 2 * HOUR)).collect();
    parents.sort();
    let mut held: Vec<(u32, u8)> = Vec::new();
    for p0 in parents {
        let sell = !held.is_empty() && me.rng.chance(0.3);
        let (m, o) = if sell {
            held[me.rng.below(held.len())]
        } else {
            let l = long_markets(&me.sim.w, p0, 2.0);
            let mut pool = l;
            pool.extend(games(&me.sim.w, p0, 6 * HOUR, 2 * DAY, &[League::Nfl, League::Cfb]));
            let Some(m) = by_pop(me.rng, &me.sim.w, &pool) else { continue };
            (m, me.rng.int(0, 1) as u8)
        };
        let total = if sell { me.held(m, o) } else { hund(me.rng.lognormal(20_000.0, 0.8).round()) };
        let dur = me.rng.int(HOUR, 8 * HOUR);
        let n = (dur / interval).max(2) as u64;
        let slice = (total / n).max(500);
        let cap = me.sim.quote(m, o, p0).map(|q| q.1).unwrap_or(50);
        let mut t = p0;
        let mut done = 0u64;
        while done < total && t < p0 + dur * 2 {
            t += (interval as f64 * (1.0 + jitter * me.rng.normal())).max(5.0) as i64;
            if !up.up(t) {
                continue;
            }
            let sz = ((slice as f64) * (1.0 + iceberg * me.rng.normal())).max(500.0) as u64;
            let sz = sz.min(total - done).max(500);
            let x = if sell {
                me.sell(m, o, t, sz, 1)
            } else {
                match me.sim.quote(m, o, t) {
                    Some((_, ask)) if ask <= cap + 3 => me.buy(m, o, t, Want::Sh(sz), 1),
                    _ => None,
                }
            };
            match x {
                Some(x) => done += x.size,
                None if !me.sim.w.m(m).is_open(t) => break,
                None => {}
            }
            if sell && me.held(m, o) == 0 {
                break;
            }
        }
        if !sell && !held.contains(&(m, o)) {
            held.push((m, o));
        }
        held.retain(|k| me.held(k.0, k.1) > 0);
    }
}

pub fn news_latency_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.25, if rng.chance(0.3) { Some(rng.int(0, 23)) } else { None });
    let thr = rng.range(0.04, 0.09);
    let lat_max = rng.int(1, 6);
    let usd = rng.lognormal(800.0, 0.6);
    let hold = rng.range(0.3, 0.8);
    let round10 = rng.chance(0.5);
    let mut me = Me::new(sim, rng, ids[i]);
    let evs: Vec<(i64, u32, f64)> = me
        .sim
        .w
        .events_in(START, NOW)
        .iter()
        .filter(|e| f64::from(e.d).abs() >= thr && matches!(me.sim.w.m(e.m).cat, Cat::Election | Cat::Politics | Cat::News | Cat::Culture))
        .map(|e| (e.t, e.m, f64::from(e.d)))
        .collect();
    for (te, m, d) in evs {
        let t = te + me.rng.int(0, lat_max);
        if !up.up(t) {
            continue;
        }
        let o: u8 = if d > 0.0 { 0 } else { 1 };
        let mut sz = hund(usd * (d.abs() / thr).min(4.0) / me.sim.w.m(m).mid(t).max(0.05));
        if round10 {
            sz = (sz / 1000).max(1) * 1000;
        }
        let stale = me.rng.chance(0.4);
        let mk = me.sim.w.m(m);
        let res = match (mk.quote(o, te - 1), mk.quote(o, t)) {
            // resting orders the news made stale are picked off at their old price first
            (Some((_, old)), Some((_, new))) if stale && old < new => {
                let first = (sz / 3).max(500).min(sz);
                me.made(m, o, true, t, old, first);
                if sz - first >= 500 { me.buy(m, o, t, Want::Sh(sz - first), 2) } else { None }
            }
            _ => me.buy(m, o, t, Want::Sh(sz), 2),
        };
        if res.is_some() && !me.rng.chance(hold) {
            let ts = t + me.rng.int(15 * MIN, 6 * HOUR);
            me.sell_all(m, o, ts);
        }
    }
}

pub fn momentum_trend_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, Some(rng.int(0, 23)));
    let poll = *rng.pick(&[60, 120, 180, 300]);
    let window = rng.int(30, 180) * MIN;
    let thr = rng.range(0.05, 0.1);
    let stop = rng.range(0.03, 0.06);
    let max_hold = rng.int(4, 36) * HOUR;
    let usd = *rng.pick(&[100.0, 150.0, 200.0, 250.0, 500.0, 1000.0]);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut watch = long_markets(&me.sim.w, START + DAY, 1.0);
    me.rng.shuffle(&mut watch);
    watch.truncate(me.rng.int(8, 20) as usize);
    for m in watch {
        let mut t = START + me.rng.int(0, poll);
        let mut open: Option<(u8, i64, f64)> = None;
        let close = me.sim.w.m(m).close.min(NOW);
        while t < close {
            if up.up(t) {
                let mk = me.sim.w.m(m);
                let p = mk.mid(t);
                match open {
                    None => {
                        let d = p - mk.mid(t - window);
                        if d.abs() >= thr {
                            let o: u8 = if d > 0.0 { 0 } else { 1 };
                            if me.buy(m, o, t, Want::Usd(usd), 1).is_some() {
                                let po = if o == 0 { p } else { 1.0 - p };
                                open = Some((o, t, po));
                            }
                        }
                    }
                    Some((o, t0, best)) => {
                        let po = if o == 0 { p } else { 1.0 - p };
                        let best = best.max(po);
                        if po <= best - stop || t - t0 >= max_hold {
                            me.sell_all(m, o, t);
                            open = None;
                            t += 6 * poll;
                        } else {
                            open = Some((o, t0, best));
                        }
                    }
                }
            }
            t += poll + me.rng.int(-2, 2);
        }
    }
}

pub fn liquidity_reward_farmer(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.15, None);
    let min_size = *rng.pick(&[20.0, 50.0, 100.0, 200.0, 250.0]);
    let q = Quoting {
        share: rng.range(0.015, 0.04),
        size: min_size,
        size2: min_size,
        switch: NOW,
        inv_limit: min_size * 4.0,
        pull_secs: 0,
        full_fill: rng.range(0.6, 0.9),
    };
    let hedge = rng.range(0.1, 0.4);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut pool: Vec<u32> =
        (0..me.sim.w.n_static as u32).filter(|&m| me.sim.w.m(m).reward && !matches!(me.sim.w.m(m).cat, Cat::Sports(_))).collect();
    me.rng.shuffle(&mut pool);
    pool.truncate(me.rng.int(8, 20) as usize);
    let n0 = me.sim.fills.len();
    for m in pool {
        quote_market(&mut me, &up, m, START, NOW, &q);
    }
    // flatten some fills at once as a taker
    let mine: Vec<_> = me.sim.fills[n0..].iter().filter(|f| f.who == me.who).copied().collect();
    for f in mine {
        if me.rng.chance(hedge) {
            let t = f.ts + me.rng.int(5, 90);
            if f.buy {
                me.sell(f.m, f.o, t, f.size, 1);
            }
        }
    }
}

pub fn wash_volume_farmer(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    // wallets come in pairs that trade with each other; an odd one out trades alone
    let partner = if i.is_multiple_of(2) { ids.get(i + 1).copied() } else { None };
    if i % 2 == 1 {
        return; // the even wallet of the pair drives both
    }
    let r2 = rng.fork(77);
    let up = Uptime::new(&r2, 0.2, None);
    let every = rng.int(180, 600) * MIN;
    let lo = rng.range(20.0, 80.0);
    let hi = lo * rng.range(1.2, 3.0);
    let round = rng.chance(0.4);
    let me_id = ids[i];
    let mut t = START + rng.int(0, every);
    while t < NOW {
        if up.up(t) {
            let pool = long_markets(&sim.w, t, 4.0);
            let m = if rng.chance(0.25) { Some(sim.w.crypto(0, 1, t)) } else { by_pop(rng, &sim.w, &pool) };
            if let Some(m) = m {
                let o = rng.int(0, 1) as u8;
                let mut tt = t;
                for _ in 0..rng.int(2, 6) {
                    let Some((bid, ask)) = sim.quote(m, o, tt) else { break };
                    let c = if rng.chance(0.5) { bid } else { ask };
                    let sh = rng.range(lo, hi);
                    let size = if round { hund(sh.round()) } else { hund(sh) };
                    match partner {
                        Some(p) => {
                            sim.cross(me_id, p, Act { who: me_id, m, o, buy: true, t: tt }, c, size);
                            let t2 = tt + rng.int(3, 40);
                            sim.cross(p, me_id, Act { who: p, m, o, buy: true, t: t2 }, c, size);
                            tt = t2 + rng.int(5, 60);
                        }
                        None => {
                            let a = Act { who: me_id, m, o, buy: true, t: tt };
                            if sim.take(rng, a, Want::Sh(size), 1).is_some() {
                                let t2 = tt + rng.int(2, 30);
                                sim.take(rng, Act { buy: false, t: t2, ..a }, Want::Sh(size), 1);
                                tt = t2 + rng.int(5, 60);
                            }
                        }
                    }
                }
            }
        }
        t += (every as f64 * rng.range(0.7, 1.3)) as i64;
    }
}

pub fn new_market_sniper(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, None);
    let lat = rng.int(1, 20);
    let focus = i % 3;
    let size = *rng.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0]);
    let flip = rng.range(0.4, 0.8);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut targets: Vec<(i64, u32)> = Vec::new();
    for m in 0..me.sim.w.n_static as u32 {
        let mk = me.sim.w.m(m);
        if mk.open <= START || mk.open >= NOW {
            continue;
        }
        let want = match (focus, mk.cat) {
            (0, Cat::Sports(_)) => 0.5,
            (1, Cat::Weather) => 0.25,
            (1, Cat::Culture) => 0.8,
            (2, Cat::Sports(League::Nfl | League::Nba | League::Soccer)) => 0.3,
            (2, Cat::Weather) => 0.08,
            _ => 0.0,
        };
        if me.rng.chance(want) {
            targets.push((mk.open, m));
        }
    }
    if focus == 2 {
        let mut s = START - START.rem_euclid(HOUR) + HOUR;
        while s < NOW {
            if me.rng.chance(0.08) {
                let m = me.sim.w.crypto(0, 1, s + HOUR);
                targets.push((me.sim.w.m(m).open, m));
            }
            s += HOUR;
        }
    }
    targets.sort();
    for (open, m) in targets {
        let t = open + lat + me.rng.int(0, 3);
        if !up.up(t) {
            continue;
        }
        let p = me.sim.w.m(m).mid(t);
        let o: u8 = if me.rng.chance(0.5 + (0.5 - p)) { 0 } else { 1 };
        if me.buy(m, o, t, Want::Sh(hund(size)), 1).is_some() && me.rng.chance(flip) {
            let ts = t + me.rng.int(5 * MIN, 8 * HOUR);
            me.sell_all(m, o, ts);
        }
    }
}

pub fn grid_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, Some(rng.int(0, 23)));
    let step = *rng.pick(&[1u8, 2, 2, 3]);
    let levels = rng.int(4, 8) as u8;
    let size = *rng.pick(&[10.0, 20.0, 25.0, 40.0, 50.0, 100.0]);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut pool = long_markets(&me.sim.w, START + DAY, 1.0);
    me.rng.shuffle(&mut pool);
    pool.truncate(me.rng.int(2, 4) as usize);
    for m in pool {
        let o = me.rng.int(0, 1) as u8;
        let mk = me.sim.w.m(m);
        let t0 = START + me.rng.int(0, DAY);
        let mut center = cents(if o == 0 { mk.mid(t0) } else { 1.0 - mk.mid(t0) });
        let mut last_level: Option<i64> = None;
        let mut outside_since: Option<i64> = None;
        let kts: Vec<i64> = mk.kt.iter().copied().filter(|&t| t > t0 && t < NOW).collect();
        for t in kts {
            let p = me.sim.w.m(m).mid(t);
            let po = if o == 0 { p } else { 1.0 - p };
            let c = (po * 100.0).round() as i64;
            let lo = i64::from(center) - i64::from(step) * i64::from(levels);
            let hi = i64::from(center) + i64::from(step) * i64::from(levels);
            if c < lo || c > hi {
                let since = *outside_since.get_or_insert(t);
                if t - since > DAY {
                    center = cents(po);
                    last_level = None;
                    outside_since = None;
                }
                continue;
            }
            outside_since = None;
            let lvl = (c - i64::from(center)).div_euclid(i64::from(step));
            if let Some(prev) = last_level
                && lvl != prev
                && up.up(t)
            {
                let tf = t + me.rng.exp(120.0) as i64;
                let grid_px = (i64::from(center) + lvl.max(prev) * i64::from(step)).clamp(1, 99) as u8;
                if lvl < prev {
                    me.made(m, o, true, tf, grid_px.saturating_sub(step).max(1), hund(size));
                } else if me.held(m, o) >= hund(size) {
                    me.made(m, o, false, tf, grid_px, hund(size));
                }
            }
            last_level = Some(lvl);
        }
    }
}

pub fn sports_inplay_feed_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.25, None);
    let leagues: Vec<League> = match i % 3 {
        0 => vec![League::Nfl, League::Cfb],
        1 => vec![League::Nba, League::Nhl],
        _ => vec![League::Soccer, League::Nhl, League::Nfl],
    };
    let usd = rng.lognormal(700.0, 0.6);
    let scalp = rng.range(0.4, 0.9);
    let lat = rng.int(1, 4);
    let mut me = Me::new(sim, rng, ids[i]);
    let gl: Vec<(i64, u32)> = me.sim.w.games_between(START - 4 * HOUR, NOW).to_vec();
    for (g0, m) in gl {
        if !league(&me.sim.w, m).is_some_and(|l| leagues.contains(&l)) {
            continue;
        }
        let g1 = me.sim.w.m(m).live.map(|l| l.1).unwrap_or(g0);
        let evs: Vec<(i64, f64)> = me.sim.w.events_of(m).filter(|e| e.t > g0 && e.t < g1).map(|e| (e.t, f64::from(e.d))).collect();
        for (te, d) in evs {
            if d.abs() < 0.06 || !me.rng.chance(0.35) {
                continue;
            }
            let t = te + lat + me.rng.int(0, 2);
            if !up.up(t) {
                continue;
            }
            let o: u8 = if d > 0.0 { 0 } else { 1 };
            let k = (d.abs() / 0.08).min(3.0);
            if me.buy(m, o, t, Want::Usd(usd * k), 2).is_some() && me.rng.chance(scalp) {
                let ts = t + me.rng.int(40, 10 * MIN);
                me.sell_all(m, o, ts);
            }
        }
    }
}

pub fn hard_model_bettor(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    // runs when the operator starts it, or on a loose schedule
    let region = Region::us(rng);
    let manual = i.is_multiple_of(2);
    let p = Person::new(rng, region, Shape::Day, rng.range(0.8, 1.6));
    let cron: Vec<f64> = (0..rng.int(1, 3)).map(|_| rng.range(12.0, 23.0)).collect();
    let bank = rng.lognormal(8000.0, 0.6);
    let kelly = rng.range(0.1, 0.3);
    let min_edge = rng.range(0.03, 0.06);
    let per_run = rng.int(1, 3);
    let runs: Vec<i64> = if manual {
        p.sessions(rng, START, NOW).into_iter().map(|s| s.0).collect()
    } else {
        let mut v = Vec::new();
        let mut d = START - START.rem_euclid(DAY);
        while d < NOW {
            for &h in &cron {
                if rng.chance(0.85) {
                    v.push(d + (h * HOUR as f64) as i64 + rng.int(0, 25 * MIN));
                }
            }
            d += DAY;
        }
        v
    };
    let mut me = Me::new(sim, rng, ids[i]);
    for t in runs {
        let mut cands: Vec<u32> =
            games(&me.sim.w, t, HOUR, 26 * HOUR, &[League::Nfl, League::Nba, League::Nhl, League::Cfb, League::Soccer]);
        cands.extend(long_markets(&me.sim.w, t, 1.0));
        let mut bets = 0;
        let mut tt = t + me.rng.int(5, 90);
        for m in cands {
            if bets >= per_run {
                break;
            }
            let mk = me.sim.w.m(m);
            // the model's view leans towards where the price is going
            let horizon = mk.live.map(|l| l.0).unwrap_or(t + 2 * DAY).min(mk.close - 1);
            let fut = mk.mid(horizon);
            let now = mk.mid(t);
            let model = now + 0.6 * (fut - now) + 0.02 * me.rng.normal();
            let o: u8 = if model > now { 0 } else { 1 };
            let Some((_, ask)) = me.sim.quote(m, o, tt) else { continue };
            let pm = if o == 0 { model } else { 1.0 - model };
            let px = f64::from(ask) / 100.0;
            let e = pm - px;
            if e < min_edge || me.held(m, o) > 0 {
                continue;
            }
            let stake = bank * kelly * e / (1.0 - px);
            if me.buy(m, o, tt, Want::Usd(stake), 1).is_some() {
                bets += 1;
                tt += me.rng.int(2, 40);
            }
        }
        me.settle(t);
    }
}

pub fn hard_delayed_copy_bot(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let l = (i + 1) % sim.leaders.len();
    let lead = sim.leaders[l].1.clone();
    let every = rng.int(8, 25) * MIN;
    let region = Region::draw(rng);
    let on_from = rng.range(7.0, 10.0);
    let on_to = rng.range(21.0, 24.0);
    let min_notional = rng.lognormal(400.0, 0.5);
    let usd = rng.lognormal(80.0, 0.6);
    let skip = rng.range(0.15, 0.4);
    let up = Uptime::new(rng, 0.1, None);
    let mut me = Me::new(sim, rng, ids[i]);
    let mut last_tx = 0;
    for f in lead {
        if f.tx == last_tx {
            continue;
        }
        last_tx = f.tx;
        let poll_at = f.ts - f.ts.rem_euclid(every) + every + me.rng.int(2, 40);
        let local_h = ((poll_at + region.offset(poll_at)).rem_euclid(DAY)) as f64 / HOUR as f64;
        if local_h < on_from || local_h > on_to || !up.up(poll_at) {
            continue;
        }
        let notional = f.size as f64 / 100.0 * f64::from(f.cents) / 100.0;
        if f.buy {
            if notional < min_notional || me.rng.chance(skip) || me.held(f.m, f.o) > 0 {
                continue;
            }
            let u = (usd * me.rng.range(0.8, 1.2)).round();
            me.buy(f.m, f.o, poll_at, Want::Usd(u), 1);
        } else if me.held(f.m, f.o) > 0 {
            me.sell_all(f.m, f.o, poll_at);
        }
    }
}

pub fn hard_quiet_market_maker(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.1, None);
    let size = *rng.pick(&[50.0, 75.0, 100.0, 150.0, 300.0]);
    let q = Quoting {
        share: rng.range(0.05, 0.12),
        size,
        size2: size * rng.range(0.7, 1.4),
        switch: rng.int(START, NOW),
        inv_limit: size * 3.0,
        pull_secs: 1800,
        full_fill: rng.range(0.1, 0.4),
    };
    let mut me = Me::new(sim, rng, ids[i]);
    let mut pool: Vec<u32> = Vec::new();
    for &m in me.sim.w.culture.iter().chain(me.sim.w.politics.iter()).chain(me.sim.w.news.iter()) {
        let mk = me.sim.w.m(m);
        if mk.pop <= 2.5 && mk.live.is_none() && mk.close > START + 5 * DAY {
            pool.push(m);
        }
    }
    me.rng.shuffle(&mut pool);
    pool.truncate(me.rng.int(2, 5) as usize);
    // switched off now and then by its owner
    let mut off: Vec<(i64, i64)> = Vec::new();
    for _ in 0..me.rng.int(0, 3) {
        let a = me.rng.int(START, NOW);
        off.push((a, a + me.rng.int(DAY, 5 * DAY)));
    }
    for m in pool {
        let mut a = START;
        for &(oa, ob) in &off {
            if oa > a {
                quote_market(&mut me, &up, m, a, oa, &q);
            }
            a = a.max(ob);
        }
        quote_market(&mut me, &up, m, a, NOW, &q);
    }
    let wx: Vec<u32> = me.sim.w.wx.iter().filter(|x| x.0 == (i % 3) as u8 && x.1 > START + 2 * DAY).map(|x| x.2).collect();
    for g in wx.into_iter().step_by(3) {
        let ms = me.sim.w.groups[g as usize].clone();
        let m = ms[me.rng.below(ms.len())];
        quote_market(&mut me, &up, m, START, NOW, &q);
    }
}

pub fn hard_odds_feed_bettor(sim: &mut Sim, rng: &Rng, ids: &[u32], i: usize) {
    let up = Uptime::new(rng, 0.2, None);
    let poll = rng.int(5, 15) * MIN;
    let min_edge = rng.range(0.03, 0.05);
    let scale = rng.lognormal(4000.0, 0.5);
    let leagues: Vec<League> = match i % 3 {
        0 => vec![League::Nfl, League::Cfb],
        1 => vec![League::Nba, League::Nhl],
        _ => vec![League::Soccer, League::Nba],
    };
    let max_per_day = rng.int(2, 7);
    let mut me = Me::new(sim, rng, ids[i]);
    let gl: Vec<(i64, u32)> = me.sim.w.games_between(START, NOW + DAY).to_vec();
    let mut per_day: std::collections::BTreeMap<i64, i64> = std::collections::BTreeMap::new();
    for (g0, m) in gl {
        if !league(&me.sim.w, m).is_some_and(|l| leagues.contains(&l)) {
            continue;
        }
        let open = me.sim.w.m(m).open.max(START);
        // the sharp book's line: where this market settles by kick-off
        let sharp = me.sim.w.m(m).mid(g0 - MIN);
        let mut t = open + me.rng.int(0, poll);
        let mut entered: Option<u8> = None;
        while t < g0 - 5 * MIN {
            if up.up(t) {
                let p = me.sim.w.m(m).mid(t);
                match entered {
                    None => {
                        let e = sharp - p;
                        let o: u8 = if e > 0.0 { 0 } else { 1 };
                        let day = t.div_euclid(DAY);
                        let used = per_day.get(&day).copied().unwrap_or(0);
                        if e.abs() >= min_edge && used < max_per_day {
                            let usd = scale * (e.abs() - 0.01);
                            if me.buy(m, o, t, Want::Usd(usd), 1).is_some() {
                                entered = Some(o);
                                per_day.insert(day, used + 1);
                            }
                        }
                    }
                    Some(o) => {
                        let po = if o == 0 { p } else { 1.0 - p };
                        let so = if o == 0 { sharp } else { 1.0 - sharp };
                        if po >= so - 0.005 && me.rng.chance(0.4) {
                            me.sell_all(m, o, t);
                            break;
                        }
                    }
                }
            }
            t += poll + me.rng.int(-30, 30);
        }
    }
}

pub const BOTS: &[(&str, usize, Gen)] = &[
    ("two_sided_market_maker", 12, two_sided_market_maker),
    ("updown_pair_accumulator", 11, updown_pair_accumulator),
    ("negrisk_basket_arb", 11, negrisk_basket_arb),
    ("resolution_sniper", 12, resolution_sniper),
    ("copy_trade_bot", 12, copy_trade_bot),
    ("crypto_latency_bot", 11, crypto_latency_bot),
    ("twap_slicer", 11, twap_slicer),
    ("news_latency_bot", 11, news_latency_bot),
    ("momentum_trend_bot", 11, momentum_trend_bot),
    ("liquidity_reward_farmer", 11, liquidity_reward_farmer),
    ("wash_volume_farmer", 12, wash_volume_farmer),
    ("new_market_sniper", 11, new_market_sniper),
    ("grid_bot", 11, grid_bot),
    ("sports_inplay_feed_bot", 11, sports_inplay_feed_bot),
    ("hard_model_bettor", 12, hard_model_bettor),
    ("hard_delayed_copy_bot", 12, hard_delayed_copy_bot),
    ("hard_quiet_market_maker", 12, hard_quiet_market_maker),
    ("hard_odds_feed_bettor", 12, hard_odds_feed_bettor),
];
