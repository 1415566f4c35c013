//! Bots: wallets whose orders software places without a person deciding each one — as their
//! authors describe them in READMEs, forum posts and write-ups.

use super::people::{Persona, games_starting, live_games, open_longs, pick_leagues, series_at};
use super::rng::Rng;
use super::world::{ACT_FROM, Amt, DAY, HOUR, Kind, MakerSpec, NOW, Order, World};
use std::collections::HashMap;

/// Shares held by market and outcome.
type Pos = HashMap<(usize, u8), f64>;

fn downtime(r: &mut Rng, most: i64) -> Vec<(i64, i64)> {
    let n = r.int(0, most);
    (0..n)
        .map(|_| {
            let a = r.int(ACT_FROM, NOW);
            (a, a + r.int(1, 10) * HOUR)
        })
        .collect()
}

fn is_down(down: &[(i64, i64)], t: i64) -> bool {
    down.iter().any(|d| t >= d.0 && t < d.1)
}

fn add(pos: &mut Pos, m: usize, tok: u8, d: f64) {
    *pos.entry((m, tok)).or_insert(0.0) += d;
}

fn held(pos: &Pos, m: usize, tok: u8) -> f64 {
    pos.get(&(m, tok)).copied().unwrap_or(0.0)
}

fn two_dp(x: f64) -> f64 {
    (x * 100.0).floor() / 100.0
}

/// Market maker: quotes both sides of many markets around the clock with a fixed quote size,
/// re-quoting as the price moves, and is filled by whoever takes — a share of the first-level
/// fills in its markets (served once every other order exists), with inventory netted by
/// selling what it holds or buying the other outcome.
pub(super) fn market_maker(w: &mut World, r: &mut Rng, id: u32) {
    let markets: Vec<usize> = match r.below(3) {
        0 => {
            let leagues = pick_leagues(r, 1, 1);
            w.games.iter().copied().filter(|&g| leagues.contains(&w.markets[g].league)).collect()
        }
        1 => {
            let mut v = open_longs(w, ACT_FROM);
            r.shuffle(&mut v);
            v.truncate(r.int(5, 15) as usize);
            v
        }
        _ => {
            let s = r.pick(&[0, 1, 2]);
            let mut v = w.series[s].clone();
            if r.chance(0.5) {
                v.extend(w.strikes.iter().copied());
            }
            v
        }
    };
    let share = r.range(0.05, 0.2);
    let quote = r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]);
    let down = downtime(r, 4);
    w.makers.push(MakerSpec { w: id, markets, share, quote, down });
}

/// Up/down pair arbitrage: watches the Bitcoin and Ether up/down books and, whenever the two
/// outcomes' asks add up to less than a dollar, buys the same number of shares of both at once,
/// holding the pair to resolution; runs around the clock.
pub(super) fn updown_arb(w: &mut World, r: &mut Rng, id: u32) {
    let mut series: Vec<usize> = (0..3).filter(|_| r.chance(0.6)).collect();
    if series.is_empty() {
        series.push(r.below(3));
    }
    let thr = if r.chance(0.6) { 99 } else { 98 };
    let size = r.pick(&[50.0, 100.0, 200.0, 300.0, 500.0, 1000.0]);
    let per_day = r.range(8.0, 35.0) / 0.12;
    let down = downtime(r, 3);
    let mut t = ACT_FROM;
    loop {
        t += r.exp(DAY as f64 / per_day) as i64 + 1;
        if t >= NOW {
            break;
        }
        let s = r.pick(&series);
        let Some(m) = series_at(w, s, t) else { continue };
        if is_down(&down, t) || !w.is_open(m, t) || t < w.markets[m].start {
            continue;
        }
        let (_, a0) = w.quote(m, 0, t);
        let (_, a1) = w.quote(m, 1, t);
        if a0 + a1 > thr {
            continue;
        }
        let Some(e) = w.take(id, m, 0, true, Amt::Sh(size), a0, t) else { continue };
        w.take(id, m, 1, true, Amt::Sh(two_dp(e.shares)), a1, t + r.int(0, 1));
    }
}

/// Expiry sniper: reads the exchange price feed and, in the last minute or two of an up/down
/// window, buys the outcome that is all but decided at 85–99 cents, a shot or a few per window,
/// window after window, day and night.
pub(super) fn expiry_sniper(w: &mut World, r: &mut Rng, id: u32) {
    let s = r.weighted(&[3.0, 1.5, 1.0]);
    let part = r.range(0.2, 0.6);
    let th = r.range(0.85, 0.95);
    let max_tick = r.int(95, 99);
    let usd = r.lognormal(400.0, 0.8).clamp(50.0, 5000.0);
    let window = r.int(20, 120);
    let shots = r.int(1, 2);
    let ms: Vec<usize> = w.series[s].iter().copied().filter(|&m| w.markets[m].close > ACT_FROM && w.markets[m].close < NOW).collect();
    for m in ms {
        if !r.chance(part) {
            continue;
        }
        let close = w.markets[m].close;
        let mut t = close - window;
        let mut fired = 0;
        while t < close - 3 && fired < shots {
            let p = w.prob(m, t);
            let (tok, pw) = if p >= 0.5 { (0, p) } else { (1, 1.0 - p) };
            if pw >= th && w.take(id, m, tok, true, Amt::Usd(usd * r.range(0.9, 1.1)), max_tick, t).is_some() {
                fired += 1;
                t += r.int(2, 6);
                continue;
            }
            t += 2;
        }
    }
}

fn leader_orders(w: &World, leaders: &[u32]) -> Vec<Order> {
    let mut v: Vec<Order> = leaders.iter().flat_map(|l| w.lead_orders.get(l).cloned().unwrap_or_default()).collect();
    v.sort_by_key(|o| o.t);
    v
}

fn some_leaders(w: &World, r: &mut Rng, most: i64) -> Vec<u32> {
    let n = r.int(1, most);
    let mut v: Vec<u32> = Vec::new();
    for _ in 0..n * 3 {
        if v.len() as i64 >= n {
            break;
        }
        let l = w.pick_leader(r);
        if !v.contains(&l) {
            v.push(l);
        }
    }
    v
}

/// Copies one leader order at `t`; returns whether anything filled.
#[allow(clippy::too_many_arguments)]
fn mirror(w: &mut World, id: u32, o: &Order, t: i64, buy_shares: f64, sell_shares: Option<f64>, slip: i64, pos: &mut Pos) -> bool {
    let lt = (o.price * 100.0).round() as i64;
    if o.buy {
        let sh = two_dp(buy_shares.max(5.0));
        if let Some(e) = w.take(id, o.m, o.tok, true, Amt::Sh(sh), (lt + slip).min(99), t) {
            add(pos, o.m, o.tok, e.shares);
            return true;
        }
    } else {
        let h = held(pos, o.m, o.tok);
        let sh = two_dp(sell_shares.unwrap_or(h).min(h));
        if sh >= 5.0
            && let Some(e) = w.take(id, o.m, o.tok, false, Amt::Sh(sh), (lt - slip).max(1), t)
        {
            add(pos, o.m, o.tok, -e.shares);
            return true;
        }
    }
    false
}

/// Fast copy bot (on-chain): watches the exchange contract's fill events for one to three
/// leaders and mirrors each trade a block or two later — a fixed dollar amount or a fixed
/// fraction of the leader's size with the venue minimum as a floor — sells included.
pub(super) fn copy_chain(w: &mut World, r: &mut Rng, id: u32) {
    let leaders = some_leaders(w, r, 3);
    let fixed = if r.chance(0.5) { Some(r.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0])) } else { None };
    let ratio = r.range(0.005, 0.05);
    let cap = r.lognormal(300.0, 0.6);
    let slip = r.int(2, 5);
    let max_price = r.range(0.9, 0.97);
    let down = downtime(r, 3);
    let mut pos = Pos::new();
    for o in leader_orders(w, &leaders) {
        if o.t < ACT_FROM || is_down(&down, o.t) {
            continue;
        }
        let t = o.t + r.int(2, 7) + if r.chance(0.03) { r.int(5, 20) } else { 0 };
        if o.buy && (o.price > max_price || o.price < 0.03) {
            continue;
        }
        let buy_sh = match fixed {
            Some(u) => u / o.price,
            None => (o.shares * ratio).min(cap / o.price),
        };
        let sell_sh = if fixed.is_some() { None } else { Some((o.shares * ratio).max(5.0)) };
        mirror(w, id, &o, t, buy_sh, sell_sh, slip, &mut pos);
    }
}

/// Polling copy bot: asks the Data API for its leaders' trades every few seconds, sees each
/// trade only after the API's lag, and mirrors it at the next poll in proportion to the leader's
/// size (never under the 5-share minimum); now and then misses one or fires one twice.
pub(super) fn copy_poller(w: &mut World, r: &mut Rng, id: u32) {
    let leaders = some_leaders(w, r, 5);
    let poll = r.int(3, 30);
    let phase = r.int(0, poll - 1);
    let lag = r.range(4.0, 12.0);
    let ratio = r.range(0.01, 0.1);
    let cap = r.lognormal(200.0, 0.7);
    let miss = r.range(0.01, 0.08);
    let dupe = r.range(0.0, 0.02);
    let slip = r.int(2, 6);
    let mut pos = Pos::new();
    for o in leader_orders(w, &leaders) {
        if o.t < ACT_FROM || r.chance(miss) {
            continue;
        }
        let seen = o.t + r.lognormal(lag, 0.5).clamp(2.0, 60.0) as i64;
        let t = seen + (poll - (seen - phase).rem_euclid(poll)) % poll;
        let buy_sh = (o.shares * ratio).min(cap / o.price.max(0.01));
        let sell_sh = Some((o.shares * ratio).max(5.0));
        if mirror(w, id, &o, t, buy_sh, sell_sh, slip, &mut pos) && r.chance(dupe) {
            mirror(w, id, &o, t + poll, buy_sh, sell_sh, slip, &mut pos);
        }
    }
}

/// Filtered copy bot: follows a single person it picked from the leaderboard, copies only buys
/// above a dollar size and within a price band, a fixed round amount each, at most a few a day,
/// and late — the trades endpoint it polls is served from a cache for up to five minutes.
pub(super) fn copy_filtered(w: &mut World, r: &mut Rng, id: u32) {
    let mut leader = w.pick_leader(r);
    for _ in 0..10 {
        if w.lead_orders.get(&leader).map(|v| v.len()).unwrap_or(0) >= 15 {
            break;
        }
        leader = w.pick_leader(r);
    }
    let min_usd = r.lognormal(300.0, 0.7);
    let lo = r.range(0.08, 0.2);
    let hi = r.range(0.8, 0.92);
    let cap = r.int(3, 10);
    let usd = r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0]);
    let cache = r.int(60, 300);
    let poll = r.int(10, 60);
    let mut pos = Pos::new();
    let mut per_day: HashMap<i64, i64> = HashMap::new();
    for o in leader_orders(w, &[leader]) {
        if o.t < ACT_FROM {
            continue;
        }
        let t = o.t + r.int(5, cache) + r.int(1, poll);
        if o.buy {
            let n = per_day.entry(o.t.div_euclid(DAY)).or_insert(0);
            if o.shares * o.price < min_usd || o.price < lo || o.price > hi || *n >= cap {
                continue;
            }
            *n += 1;
            mirror(w, id, &o, t, usd / o.price, None, 3, &mut pos);
        } else {
            mirror(w, id, &o, t, 0.0, None, 3, &mut pos);
        }
    }
}

/// Bond sweeper: scans every market on a timer, day and night, for outcomes at 95–99 cents that
/// settle within hours, and buys what the book offers up to its price, market after market.
pub(super) fn bond_sweeper(w: &mut World, r: &mut Rng, id: u32) {
    let all = [(Kind::Sports, 0.7), (Kind::Weather, 0.6), (Kind::Strike, 0.6), (Kind::Deadline, 0.6), (Kind::CryptoHour, 0.15)];
    let mut kinds: Vec<Kind> = all.iter().filter(|k| r.chance(k.1)).map(|k| k.0).collect();
    if kinds.is_empty() {
        kinds.push(Kind::Sports);
    }
    let scan = r.int(60, 900);
    let phase = r.int(0, scan - 1);
    let horizon = r.int(1, 12) * HOUR;
    let min_p = r.range(0.95, 0.975);
    let max_tick = r.pick(&[98, 99, 99]);
    let budget = r.lognormal(1500.0, 0.7);
    let part = r.range(0.4, 0.9);
    let ms: Vec<usize> = (0..w.markets.len())
        .filter(|&m| kinds.contains(&w.markets[m].kind) && w.markets[m].close > ACT_FROM && w.markets[m].close < NOW)
        .collect();
    for m in ms {
        if !r.chance(part) {
            continue;
        }
        let i = w.info(m);
        let mut t = (i.close - horizon).max(i.open).max(ACT_FROM);
        while t < i.close - 60 {
            let p = w.prob(m, t);
            if p.max(1.0 - p) >= min_p {
                break;
            }
            t += 600;
        }
        t += (scan - (t - phase).rem_euclid(scan)) % scan;
        for _ in 0..2 {
            if t >= i.close - 30 {
                break;
            }
            let p = w.prob(m, t);
            let (tok, pt) = if p >= 0.5 { (0, p) } else { (1, 1.0 - p) };
            if pt >= min_p {
                w.take(id, m, tok, true, Amt::Usd(budget * r.range(0.7, 1.3)), max_tick, t);
            }
            if !r.chance(0.3) {
                break;
            }
            t += scan * r.int(1, 4);
        }
    }
}

/// Scheduled accumulator: a cron job that buys a fixed dollar amount of one to three long-dated
/// positions every few hours at the same minute, skipping when the price is above its cap; the
/// server is down now and then.
pub(super) fn cron_dca(w: &mut World, r: &mut Rng, id: u32) {
    // Positions it believes in that still have room to grow.
    let mut v: Vec<usize> =
        open_longs(w, ACT_FROM).into_iter().filter(|&m| w.markets[m].close > NOW && (0.1..0.9).contains(&w.prob(m, ACT_FROM))).collect();
    r.shuffle(&mut v);
    v.truncate(r.int(1, 3) as usize);
    let toks: Vec<u8> = v.iter().map(|&m| if w.prob(m, ACT_FROM) <= 0.8 { 0 } else { 1 }).collect();
    let every = r.pick(&[2, 4, 4, 6, 6, 8, 12, 12, 24]) * HOUR;
    let minute = if r.chance(0.5) { 0 } else { r.int(1, 59) * 60 };
    let amount = r.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let caps: Vec<f64> = v.iter().zip(&toks).map(|(&m, &k)| (w.mid(m, k, ACT_FROM) + r.range(0.05, 0.2)).min(0.97)).collect();
    let down = downtime(r, 3);
    let mut t = (ACT_FROM / every + 1) * every + minute;
    while t < NOW {
        if !is_down(&down, t) {
            let mut at = t + r.int(1, 4);
            for (k, &m) in v.iter().enumerate() {
                if w.is_open(m, at) && w.mid(m, toks[k], at) <= caps[k] {
                    w.take_slip(id, m, toks[k], true, Amt::Usd(amount), 2, at);
                }
                at += r.int(1, 3);
            }
        }
        t += every;
    }
}

/// LLM trading agent: every few hours an agent reads the news on a list of political and
/// culture markets, estimates probabilities, and trades where its estimate differs enough from
/// the price, sized by a Kelly fraction (odd share counts), as resting or marketable limit
/// orders; a headline in one of its markets triggers a run within seconds.
pub(super) fn llm_agent(w: &mut World, r: &mut Rng, id: u32) {
    let mut universe = w.longs.clone();
    r.shuffle(&mut universe);
    universe.truncate(r.int(8, 20) as usize);
    let culture = r.chance(0.6);
    let cycle = r.range(1.0, 6.0) * HOUR as f64;
    let bank = r.lognormal(2000.0, 0.8);
    let thr = r.range(0.04, 0.1);
    let kelly = r.range(0.1, 0.5);
    let maker = r.range(0.2, 0.7);
    let mut runs: Vec<(i64, Option<(usize, u8)>)> = Vec::new();
    let mut t = ACT_FROM + r.int(0, cycle as i64);
    while t < NOW {
        runs.push((t, None));
        t += (cycle * r.range(0.85, 1.15)) as i64;
    }
    let mut watched = universe.clone();
    if culture {
        watched.extend(w.culture.iter().copied());
    }
    for &m in &watched {
        let evs: Vec<(i64, f32)> =
            w.markets[m].events.iter().copied().filter(|e| e.0 >= ACT_FROM && e.0 < NOW && e.1.abs() > 0.3).collect();
        for (te, j) in evs {
            if r.chance(0.7) {
                runs.push((te + r.int(4, 40), Some((m, u8::from(j < 0.0)))));
            }
        }
    }
    runs.sort_by_key(|x| x.0);
    for (t0, trigger) in runs {
        let mut t = t0;
        let picks: Vec<(usize, u8, f64)> = match trigger {
            Some((m, tok)) => vec![(m, tok, thr + r.range(0.0, 0.1))],
            None => {
                let open: Vec<usize> = watched.iter().copied().filter(|&m| w.is_open(m, t)).collect();
                if open.is_empty() {
                    continue;
                }
                (0..r.int(3, 8))
                    .filter_map(|_| {
                        let m = r.pick(&open);
                        let edge = r.normal() * 0.08;
                        (edge.abs() >= thr).then_some((m, u8::from(edge < 0.0), edge.abs()))
                    })
                    .collect()
            }
        };
        for (m, tok, edge) in picks {
            t += r.int(5, 40);
            if !w.is_open(m, t) {
                continue;
            }
            let price = w.mid(m, tok, t).max(0.02);
            let f = kelly * edge / (1.0 - price).max(0.05);
            let sh = two_dp((bank * f / price).max(5.0));
            let (bid, ask) = w.quote(m, tok, t);
            if trigger.is_none() && r.chance(maker) && bid >= 1 {
                let until = t + r.int(1, 3) * HOUR;
                w.rest(id, m, tok, true, bid, sh, t, until);
            } else {
                w.take(id, m, tok, true, Amt::Sh(sh), ask + 2, t);
            }
        }
    }
}

/// Wash ring: a script drives two to four wallets that trade with each other — one takes the
/// other's order at the midpoint, often reversed seconds later — to manufacture volume for a
/// hoped-for airdrop or to dress up a market, in bursts or around the clock.
pub(super) fn wash_ring(w: &mut World, r: &mut Rng, ids: &[u32]) {
    let mut markets: Vec<usize> = open_longs(w, ACT_FROM).into_iter().filter(|&m| w.markets[m].close > NOW).collect();
    r.shuffle(&mut markets);
    markets.truncate(r.int(1, 4) as usize);
    let interval = r.range(20.0, 80.0) * 60.0;
    let size = r.pick(&[100.0, 200.0, 500.0, 1000.0, 2000.0]);
    let vary = r.chance(0.5);
    let always = r.chance(0.4);
    let mut windows: HashMap<i64, (i64, i64)> = HashMap::new();
    for d in ACT_FROM.div_euclid(DAY)..=NOW.div_euclid(DAY) {
        if r.chance(0.7) {
            let a = d * DAY + r.int(0, 20) * HOUR;
            windows.insert(d, (a, a + r.int(4, 20) * HOUR));
        }
    }
    let mut t = ACT_FROM;
    loop {
        t += r.exp(interval) as i64 + 1;
        if t >= NOW {
            break;
        }
        if !always && !windows.get(&t.div_euclid(DAY)).is_some_and(|x| t >= x.0 && t < x.1) {
            continue;
        }
        let a = ids[r.below(ids.len())];
        let mut b = ids[r.below(ids.len())];
        if a == b {
            b = ids[(ids.iter().position(|&x| x == a).unwrap_or(0) + 1) % ids.len()];
        }
        let m = r.pick(&markets);
        let tok = u8::from(r.chance(0.5));
        let (bid, ask) = w.quote(m, tok, t);
        let tick = ((bid + ask) / 2).clamp(1, 99);
        let sh = if vary { (size * r.range(0.5, 1.5)).round() } else { size };
        let buys = r.chance(0.5);
        w.cross(a, b, m, tok, buys, tick, sh, t);
        if r.chance(0.5) {
            w.cross(b, a, m, tok, buys, tick, sh, t + r.int(2, 30));
        }
    }
}

/// In-play feed bot: subscribes to a fast sports data feed and, within a few seconds of a score,
/// buys the side it favours before the book has moved, exits minutes later; it trades only
/// while games are on, so its hours follow the sports calendar.
pub(super) fn inplay_feed(w: &mut World, r: &mut Rng, id: u32) {
    let leagues = pick_leagues(r, 1, 3);
    let part = r.range(0.6, 1.0);
    let react = r.range(0.5, 0.9);
    let base = r.lognormal(500.0, 0.6);
    let exit = r.range(0.3, 0.8);
    let mut pos = Pos::new();
    for g in games_starting(w, ACT_FROM, NOW) {
        let i = w.info(g);
        if !leagues.contains(&i.league) || !r.chance(part) {
            continue;
        }
        let evs: Vec<(i64, f32)> = w.markets[g].events.iter().copied().filter(|e| e.0 >= i.start).collect();
        for (te, j) in evs {
            if !r.chance(react) {
                continue;
            }
            let tok = u8::from(j < 0.0);
            let t = te + r.int(1, 4);
            let p = w.prob(g, te + 40);
            let fair = if tok == 0 { p } else { 1.0 - p };
            let lim = ((fair * 100.0).floor() as i64 - r.int(1, 3)).clamp(1, 99);
            let usd = base * (j.abs() as f64) * r.range(0.8, 1.2);
            if let Some(e) = w.take(id, g, tok, true, Amt::Usd(usd), lim, t) {
                add(&mut pos, g, tok, e.shares);
                if r.chance(exit) {
                    let ts = t + r.lognormal(480.0, 0.8) as i64;
                    let h = two_dp(held(&pos, g, tok));
                    if let Some(x) = w.take_slip(id, g, tok, false, Amt::Sh(h), 2, ts) {
                        add(&mut pos, g, tok, -x.shares);
                    }
                }
            }
        }
    }
}

/// Multi-outcome arbitrage: watches events whose outcomes are mutually exclusive (a city's
/// temperature buckets, a field of candidates) and, when every outcome's Yes can be bought for
/// less than a dollar in all, buys one lot of each within the same second or two.
pub(super) fn negrisk_arb(w: &mut World, r: &mut Rng, id: u32) {
    let politics: Vec<u32> = (0..w.groups.len() as u32).filter(|&g| w.markets[w.groups[g as usize][0]].kind == Kind::Long).collect();
    let weather_share = r.range(0.6, 0.95);
    let thr = r.int(1, 3);
    let size = r.pick(&[20.0, 50.0, 100.0, 200.0]);
    let per_day = r.range(5.0, 30.0) / 0.06;
    let down = downtime(r, 3);
    let mut t = ACT_FROM;
    loop {
        t += r.exp(DAY as f64 / per_day) as i64 + 1;
        if t >= NOW {
            break;
        }
        if is_down(&down, t) {
            continue;
        }
        let g = if r.chance(weather_share) {
            let c = r.below(5) as u8;
            let d = t.div_euclid(DAY) + r.int(0, 1);
            match w.weather.get(&(c, d)) {
                Some(&g) => g,
                None => continue,
            }
        } else {
            r.pick(&politics)
        };
        let members = w.groups[g as usize].clone();
        if !members.iter().all(|&m| w.is_open(m, t)) {
            continue;
        }
        let asks: Vec<i64> = members.iter().map(|&m| w.quote(m, 0, t).1).collect();
        if asks.iter().sum::<i64>() > 100 - thr {
            continue;
        }
        let mut at = t;
        for (k, &m) in members.iter().enumerate() {
            w.take(id, m, 0, true, Amt::Sh(size), asks[k], at);
            if r.chance(0.3) {
                at += 1;
            }
        }
    }
}

/// Grid bot: lays a ladder of resting buys a tick or few apart under a long market's price and,
/// each time one fills, a sell one step higher (and again a buy when that fills), the same size
/// at every rung; it re-centres the grid every few days.
pub(super) fn grid_trader(w: &mut World, r: &mut Rng, id: u32) {
    // A ranging market away from the extremes, as grid bots are set up on.
    let mut ms: Vec<usize> =
        open_longs(w, ACT_FROM).into_iter().filter(|&m| w.markets[m].close > NOW && (0.15..0.85).contains(&w.prob(m, ACT_FROM))).collect();
    r.shuffle(&mut ms);
    ms.truncate(r.int(1, 2) as usize);
    let g = r.int(1, 3);
    let levels = r.int(3, 6);
    let q = r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0]);
    let period = r.int(3, 10) * DAY;
    for m in ms {
        let mut epoch = ACT_FROM + r.int(0, DAY);
        while epoch < NOW {
            let end = (epoch + period).min(NOW);
            let (bid, ask) = w.quote(m, 0, epoch);
            let centre = (bid + ask) / 2;
            for k in 1..=levels {
                let mut tick = centre - g * k;
                if tick < 1 {
                    break;
                }
                let mut t = epoch + r.int(0, 20);
                let mut buying = true;
                for _ in 0..200 {
                    let (got, last) = w.rest(id, m, 0, buying, tick, q, t, end);
                    if got < q - 0.01 {
                        break;
                    }
                    t = last + r.int(1, 3);
                    tick = if buying { tick + g } else { tick - g };
                    buying = !buying;
                }
            }
            epoch = end;
        }
    }
}

/// Jittered momentum bot: a script its owner runs from morning to late evening (and not on
/// days off) that polls a watch list, buys what has just moved after a random pause with a
/// randomised dollar amount — its author added the jitter to look less like a bot — and exits
/// some tens of minutes later.
pub(super) fn jitter_momentum(w: &mut World, r: &mut Rng, id: u32) {
    let op = Persona::draw(r);
    let on = r.range(7.0, 10.0);
    let off = r.range(21.0, 24.0);
    let days_off = r.range(0.05, 0.25);
    let check = r.range(30.0, 120.0);
    let thr = r.range(0.03, 0.08);
    let cap = r.int(10, 40);
    let mut pos = Pos::new();
    let mut exits: Vec<(i64, usize, u8)> = Vec::new();
    for d in op.local_day(ACT_FROM)..op.local_day(NOW) {
        if r.chance(days_off) {
            continue;
        }
        let mut t = op.at_local(d, on + r.normal() * 0.2);
        let begin = t;
        let end = op.at_local(d, off);
        let mut n = 0;
        while t < end && t < NOW {
            t += (check * r.range(0.5, 1.5)) as i64;
            exits.sort_by_key(|x| std::cmp::Reverse(x.0));
            while exits.last().is_some_and(|x| x.0 <= t) {
                let Some((te, m, tok)) = exits.pop() else { break };
                // An exit due while the script was off runs when it is started again.
                let when = if te < begin { t } else { te };
                let h = two_dp(held(&pos, m, tok));
                if let Some(x) = w.take_slip(id, m, tok, false, Amt::Sh(h), 2, when) {
                    add(&mut pos, m, tok, -x.shares);
                }
            }
            if n >= cap {
                continue;
            }
            let x = r.f();
            let m = if x < 0.5 {
                let live = live_games(w, t);
                if live.is_empty() { None } else { Some(r.pick(&live)) }
            } else if x < 0.8 {
                series_at(w, r.pick(&[1, 2]), t)
            } else {
                let v = open_longs(w, t);
                if v.is_empty() { None } else { Some(r.pick(&v)) }
            };
            let Some(m) = m else { continue };
            let dp = w.prob(m, t) - w.prob(m, t - 600);
            if dp.abs() < thr {
                continue;
            }
            let tok = u8::from(dp < 0.0);
            let at = t + r.int(5, 90);
            let usd = (r.range(20.0, 200.0) * 100.0).round() / 100.0;
            if let Some(e) = w.take_slip(id, m, tok, true, Amt::Usd(usd), 3, at) {
                add(&mut pos, m, tok, e.shares);
                exits.push((at + r.int(600, 7200), m, tok));
                n += 1;
            }
        }
    }
}
