//! People: the variety of humans who trade on Polymarket.

use super::Behaviour;
use super::out::{Actor, MIN_SZ, Order, Out, Rest, shares_for};
use super::rng::Rng;
use super::world::{DAY, ELECTION_NIGHT, HOUR, Kind, MIN, NOW, Path, Region, START, Sport, World, weekday_of_day};
use copycat_core::trade::Side;
use std::collections::BTreeMap;

pub fn behaviours() -> Vec<Behaviour> {
    vec![
        Behaviour { name: "casual_bettor", bot: false, count: 13, play: casual_bettor },
        Behaviour { name: "inplay_sports_fan", bot: false, count: 12, play: inplay_fan },
        Behaviour { name: "intraday_trader", bot: false, count: 11, play: day_trader },
        Behaviour { name: "dip_buyer", bot: false, count: 11, play: dip_buyer },
        Behaviour { name: "ladder_builder", bot: false, count: 11, play: ladder_builder },
        Behaviour { name: "whale", bot: false, count: 11, play: whale },
        Behaviour { name: "news_reader", bot: false, count: 12, play: news_reader },
        Behaviour { name: "favourite_holder", bot: false, count: 11, play: favourite_holder },
        Behaviour { name: "night_shift_worker", bot: false, count: 11, play: night_shift },
        Behaviour { name: "asia_evening_trader", bot: false, count: 11, play: asia_trader },
        Behaviour { name: "resting_limit_user", bot: false, count: 11, play: limit_user },
        Behaviour { name: "manual_copier", bot: false, count: 12, play: manual_copier },
        Behaviour { name: "crypto_updown_gambler", bot: false, count: 12, play: crypto_gambler },
        Behaviour { name: "routine_checker", bot: false, count: 11, play: routine_checker },
        Behaviour { name: "two_sided_hedger", bot: false, count: 11, play: hedger },
        Behaviour { name: "election_night_junkie", bot: false, count: 11, play: election_junkie },
        Behaviour { name: "inplay_scalper", bot: false, count: 11, play: scalper },
        Behaviour { name: "weather_hobbyist", bot: false, count: 10, play: weather_hobbyist },
    ]
}

// ---------------------------------------------------------------------------------------------
// Human habits.

struct Habit {
    region: Region,
    p_day: f64,
    weekend: f64,
    /// Local hour centre, spread in hours, weight.
    hours: Vec<(f64, f64, f64)>,
    per_day: (i64, i64),
    away_days: i64,
}

fn sessions(rng: &mut Rng, h: &Habit) -> Vec<i64> {
    let d0 = h.region.day(START + HOUR);
    let d1 = h.region.day(NOW - HOUR);
    let away = if h.away_days > 0 { d0 + rng.range(0, 30) } else { i64::MAX };
    // Some weeks are busier than others.
    let moods: Vec<f64> = (0..6).map(|_| rng.lognormal(1.0, 0.35)).collect();
    let weights: Vec<f64> = h.hours.iter().map(|x| x.2).collect();
    let mut out = Vec::new();
    for day in d0..=d1 {
        if day >= away && day < away + h.away_days {
            continue;
        }
        let wd = weekday_of_day(day);
        let mood = moods[((day - d0) / 7).clamp(0, 5) as usize];
        let p = h.p_day * mood * if wd == 0 || wd == 6 { h.weekend } else { 1.0 };
        if !rng.chance(p.min(0.97)) {
            continue;
        }
        let k = rng.range(h.per_day.0, h.per_day.1 + 1);
        for _ in 0..k {
            let (c, sd, _) = h.hours[rng.weighted(&weights)];
            let hour = (c + sd * rng.normal()).rem_euclid(24.0);
            let t = h.region.at(day, (hour * HOUR as f64) as i64);
            if t > START + MIN && t < NOW - 10 * MIN {
                out.push(t);
            }
        }
    }
    out.sort_unstable();
    out.dedup_by(|a, b| *a - *b < 20 * MIN);
    out
}

fn pick_region(rng: &mut Rng, options: &[(Region, f64)]) -> Region {
    let w: Vec<f64> = options.iter().map(|x| x.1).collect();
    options[rng.weighted(&w)].0
}

fn us(rng: &mut Rng) -> Region {
    pick_region(rng, &[(Region::UsEast, 5.0), (Region::UsCentral, 3.0), (Region::UsWest, 3.0)])
}

/// Seconds a person takes between two clicks.
fn think(rng: &mut Rng) -> i64 {
    rng.lognormal(40.0, 0.8).clamp(5.0, 900.0) as i64
}

const NICE_USD: [f64; 22] = [
    5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0, 1000.0, 1500.0,
    2000.0, 2500.0,
];
const NICE_SHARES: [i64; 21] = [10, 20, 25, 30, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3000, 5000, 10000];

fn nearest(xs: &[f64], x: f64) -> f64 {
    let mut best = xs[0];
    for &v in xs {
        if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
            best = v;
        }
    }
    best
}

/// A dollar amount as a person types it: mostly round, sometimes whatever is left.
fn usd(rng: &mut Rng, median: f64) -> f64 {
    let x = rng.lognormal(median, 0.75).max(2.0);
    if rng.chance(0.68) {
        if x > 3000.0 { (x / 1000.0).round() * 1000.0 } else { nearest(&NICE_USD, x) }
    } else if rng.chance(0.5) {
        x.round().max(3.0)
    } else {
        (x * 100.0).round() / 100.0
    }
}

/// A share count as a person types it into the limit-order box, in hundredths.
fn nice_shares(rng: &mut Rng, median: f64) -> i64 {
    let x = rng.lognormal(median, 0.7);
    if rng.chance(0.85) {
        let v = NICE_SHARES.iter().map(|&s| s as f64).collect::<Vec<_>>();
        (nearest(&v, x) * 100.0) as i64
    } else {
        (x.round().max(5.0) * 100.0) as i64
    }
}

fn by_volume(rng: &mut Rng, w: &World, cands: &[u32]) -> Option<u32> {
    if cands.is_empty() {
        return None;
    }
    let weights: Vec<f64> = cands.iter().map(|&m| w.m(m).volume.max(1.0)).collect();
    Some(cands[rng.weighted(&weights)])
}

fn fav(w: &World, m: u32, t: i64) -> u8 {
    if w.p(m, t) >= 0.5 { 0 } else { 1 }
}

fn price_of(w: &World, m: u32, o: u8, t: i64) -> f64 {
    let p = w.p(m, t);
    if o == 0 { p } else { 1.0 - p }
}

fn long_kinds(k: Kind) -> bool {
    matches!(k, Kind::Politics | Kind::Election | Kind::Deadline | Kind::Econ | Kind::Culture)
}

fn sport_of(k: Kind) -> Option<Sport> {
    match k {
        Kind::Game(s) | Kind::Spread(s) => Some(s),
        _ => None,
    }
}

/// Sells part of something held, when the market still trades.
fn sell_some(o: &mut Out, a: &mut Actor, t: i64, frac: f64) -> i64 {
    let held: Vec<(u32, u8, i64)> = a.holdings().into_iter().filter(|&(m, _, _)| o.w.live(m, t)).collect();
    if held.is_empty() {
        return 0;
    }
    let (m, out, sz) = *a.rng.pick(&held);
    let part = if frac >= 1.0 { sz } else { ((sz as f64 * frac) as i64 / 100) * 100 };
    o.sell(a, m, out, t, part.max(MIN_SZ))
}

// ---------------------------------------------------------------------------------------------
// Behaviours.

fn casual_bettor(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 4.0), (Region::UsCentral, 2.0), (Region::UsWest, 2.0), (Region::Uk, 1.0)]);
    let all = [Sport::Nfl, Sport::Nba, Sport::Cfb, Sport::Nhl, Sport::Soccer, Sport::Ufc];
    let liked: Vec<Sport> = (0..a.rng.range(1, 3)).map(|_| *a.rng.pick(&all)).collect();
    let likes_favourites = a.rng.chance(0.6);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.08, 0.2),
        weekend: 2.5,
        hours: vec![(20.5, 1.5, 0.6), (14.0, 2.0, 0.3), (12.5, 0.6, 0.1)],
        per_day: (1, 2),
        away_days: if a.rng.chance(0.3) { a.rng.range(3, 8) } else { 0 },
    };
    let median = a.rng.uniform(10.0, 40.0);
    for t0 in sessions(&mut a.rng, &h) {
        let mut t = t0;
        for _ in 0..1 + a.rng.poisson(0.8) {
            let mut cands: Vec<u32> = w.upcoming(t, 30 * HOUR);
            cands.extend(w.in_play(t));
            cands.retain(|&m| sport_of(w.m(m).kind).is_some_and(|s| liked.contains(&s)));
            if cands.is_empty() || a.rng.chance(0.12) {
                cands = w.live_of(t, |k| matches!(k, Kind::Election | Kind::Politics | Kind::Culture));
            }
            let Some(mut m) = by_volume(&mut a.rng, w, &cands) else { break };
            if let Some(s) = w.m(m).sibling
                && a.rng.chance(0.15)
            {
                m = s;
            }
            let out = if likes_favourites == a.rng.chance(0.75) { fav(w, m, t) } else { a.rng.below(2) as u8 };
            let stake = usd(&mut a.rng, median);
            o.take_usd(a, m, out, t, stake, None);
            t += 2 * think(&mut a.rng);
        }
        if a.rng.chance(0.08) {
            sell_some(o, a, t + 10 * MIN, 1.0);
        }
    }
}

fn inplay_fan(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(
        &mut a.rng,
        &[
            (Region::UsEast, 3.0),
            (Region::UsCentral, 2.0),
            (Region::UsWest, 2.0),
            (Region::Uk, 2.0),
            (Region::Europe, 2.0),
            (Region::India, 1.0),
        ],
    );
    let liked: Vec<Sport> = match region {
        Region::Uk | Region::Europe => vec![Sport::Soccer, Sport::Tennis],
        Region::India => vec![Sport::Soccer, Sport::Tennis, Sport::Esports],
        _ => {
            let mut v = vec![Sport::Nba, Sport::Nfl];
            if a.rng.chance(0.5) {
                v.push(Sport::Nhl);
            }
            if a.rng.chance(0.5) {
                v.push(Sport::Cfb);
            }
            v
        }
    };
    let p_watch = a.rng.uniform(0.15, 0.4);
    let median = a.rng.uniform(15.0, 80.0);
    let chase = a.rng.uniform(0.4, 0.75);
    let mut per_day: BTreeMap<i64, u32> = BTreeMap::new();
    for &g in &w.games {
        let mk = w.m(g);
        let (Some((g0, g1)), Some(s)) = (mk.game, sport_of(mk.kind)) else { continue };
        if !liked.contains(&s) || g0 < START || g1 > NOW {
            continue;
        }
        let lh = region.hour(g0);
        let day = region.day(g0);
        if !(11.0..23.5).contains(&lh) || !a.rng.chance(p_watch) || *per_day.get(&day).unwrap_or(&0) >= 2 {
            continue;
        }
        *per_day.entry(day).or_insert(0) += 1;
        let ws = g0 + a.rng.range(-20 * MIN, 40 * MIN);
        let we = g1 - a.rng.range(-5 * MIN, 35 * MIN);
        if a.rng.chance(0.5) {
            let out = fav(w, g, ws);
            let stake = usd(&mut a.rng, median);
            o.take_usd(a, g, out, ws, stake, None);
        }
        let events: Vec<(i64, bool)> =
            w.events_between(ws, we).iter().filter(|e| e.market == g).map(|e| (e.t, e.after > e.before)).collect();
        for (et, up) in events {
            if !a.rng.chance(0.5) {
                continue;
            }
            let t = et + a.rng.lognormal(70.0, 0.7).clamp(15.0, 600.0) as i64;
            let riser: u8 = if up { 0 } else { 1 };
            let r = a.rng.f64();
            if r < chase {
                let stake = usd(&mut a.rng, median);
                o.take_usd(a, g, riser, t, stake, None);
            } else if r < 0.85 || a.held(g, 1 - riser) < MIN_SZ {
                let stake = usd(&mut a.rng, median);
                o.take_usd(a, g, 1 - riser, t, stake, None);
            } else {
                let held = a.held(g, 1 - riser);
                o.sell(a, g, 1 - riser, t, held);
            }
        }
        for _ in 0..a.rng.poisson(0.7) {
            let t = a.rng.range(ws, we.max(ws + 1));
            let out = a.rng.below(2) as u8;
            let stake = usd(&mut a.rng, median * 0.6);
            o.take_usd(a, g, out, t, stake, None);
        }
        // Cash out a near-certain winner before the end, sometimes.
        let t = we - a.rng.range(MIN, 8 * MIN);
        for out in 0..2u8 {
            if a.held(g, out) >= MIN_SZ && price_of(w, g, out, t) > 0.92 && a.rng.chance(0.25) {
                let held = a.held(g, out);
                o.sell(a, g, out, t, held);
            }
        }
    }
}

fn day_trader(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 4.0), (Region::UsCentral, 2.0), (Region::Uk, 2.0), (Region::Europe, 1.0)]);
    let momentum = a.rng.chance(0.55);
    let median = a.rng.uniform(200.0, 1500.0);
    let p_weekday = a.rng.uniform(0.45, 0.85);
    let d0 = region.day(START + HOUR);
    let d1 = region.day(NOW - HOUR);
    for day in d0..=d1 {
        let wd = weekday_of_day(day);
        let p = if wd == 0 || wd == 6 { 0.12 } else { p_weekday };
        if !a.rng.chance(p) {
            continue;
        }
        let start = region.at(day, ((9.0 + a.rng.normal()) * HOUR as f64) as i64);
        let end = start + a.rng.range(3 * HOUR, 7 * HOUR);
        let lunch = if a.rng.chance(0.5) { Some(region.at(day, 12 * HOUR + a.rng.range(0, 50 * MIN))) } else { None };
        let mut t = start;
        let mut guard = 0;
        while t < end && t < NOW - HOUR && guard < 40 {
            guard += 1;
            if let Some(l) = lunch
                && t >= l
                && t < l + 45 * MIN
            {
                t = l + a.rng.range(40 * MIN, 75 * MIN);
                continue;
            }
            let cands: Vec<u32> = w
                .live_of(t, |k| {
                    matches!(k, Kind::Politics | Kind::Election | Kind::Deadline | Kind::Econ | Kind::CryptoDaily | Kind::Culture)
                })
                .into_iter()
                .filter(|&m| w.m(m).volume >= 120.0)
                .collect();
            let Some(m) = by_volume(&mut a.rng, w, &cands) else { break };
            let up = w.p(m, t) >= w.p(m, t - 30 * MIN);
            let out: u8 = if up == momentum { 0 } else { 1 };
            let sz = nice_shares(&mut a.rng, median);
            let (got, t_in) = if a.rng.chance(0.6) {
                (o.buy(a, m, out, t, sz), t)
            } else {
                let c = w.quote(m, t).bid[out as usize];
                o.rest(a, Rest { m, o: out, side: Side::Buy, c, sz, from: t, until: t + 20 * MIN, step: 60, share: 0.5 })
            };
            if got < MIN_SZ {
                t += think(&mut a.rng) * 3;
                continue;
            }
            let hold = a.rng.lognormal(25.0 * 60.0, 0.6).clamp(180.0, 5400.0) as i64;
            let mut t_out = t_in + hold;
            if a.rng.chance(0.08) {
                t_out += 18 * HOUR;
            }
            let held = a.held(m, out);
            if a.rng.chance(0.3) {
                let c = w.quote(m, t_out).ask[out as usize];
                let (sold, t_sold) = o
                    .rest(a, Rest { m, o: out, side: Side::Sell, c, sz: held, from: t_out, until: t_out + 15 * MIN, step: 60, share: 0.5 });
                t_out = if sold > 0 { t_sold } else { t_out + 15 * MIN };
            }
            let rest = a.held(m, out);
            if rest >= MIN_SZ {
                o.sell(a, m, out, t_out, rest);
            }
            t = t_out + think(&mut a.rng) * a.rng.range(2, 12);
        }
    }
}

fn dip_buyer(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(
        &mut a.rng,
        &[(Region::UsEast, 3.0), (Region::UsWest, 2.0), (Region::Uk, 1.0), (Region::Europe, 1.0), (Region::Brazil, 1.0)],
    );
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.55, 0.9),
        weekend: 0.8,
        hours: vec![(8.0, 1.0, 0.35), (13.0, 1.5, 0.25), (21.0, 1.5, 0.4)],
        per_day: (1, 3),
        away_days: if a.rng.chance(0.25) { a.rng.range(2, 6) } else { 0 },
    };
    let thr = a.rng.uniform(0.05, 0.1);
    let tp = a.rng.uniform(0.05, 0.12);
    let median = a.rng.uniform(40.0, 250.0);
    let mut watch: Vec<u32> = Vec::new();
    let mut entries: BTreeMap<(u32, u8), f64> = BTreeMap::new();
    for t in sessions(&mut a.rng, &h) {
        watch.retain(|&m| w.live(m, t));
        while watch.len() < 6 {
            let cands: Vec<u32> = w.live_of(t, long_kinds).into_iter().filter(|m| !watch.contains(m)).collect();
            let Some(m) = by_volume(&mut a.rng, w, &cands) else { break };
            watch.push(m);
        }
        for &m in &watch.clone() {
            let p = w.p(m, t);
            let hist: Vec<f64> = (1..=12).map(|k| w.p(m, t - k * HOUR)).collect();
            let peak = hist.iter().cloned().fold(0.0, f64::max);
            let trough = hist.iter().cloned().fold(1.0, f64::min);
            for (out, drop) in [(0u8, peak - p), (1u8, p - trough)] {
                let px = price_of(w, m, out, t);
                if drop >= thr && (0.1..0.9).contains(&px) && (!entries.contains_key(&(m, out)) || a.rng.chance(0.3)) && a.rng.chance(0.8) {
                    let when = t + think(&mut a.rng);
                    let stake = usd(&mut a.rng, median);
                    if o.take_usd(a, m, out, when, stake, None) > 0 {
                        entries.insert((m, out), price_of(w, m, out, when));
                    }
                }
            }
            for out in 0..2u8 {
                let held = a.held(m, out);
                if held >= MIN_SZ {
                    let entry = entries.get(&(m, out)).copied().unwrap_or(0.5);
                    if price_of(w, m, out, t) >= entry + tp {
                        let part = if a.rng.chance(0.6) { held } else { held / 2 };
                        let pause = think(&mut a.rng);
                        o.sell(a, m, out, t + pause, part);
                    }
                }
            }
        }
        if a.rng.chance(0.06) {
            let cands = w.live_of(t, |k| k.is_sports() || long_kinds(k));
            if let Some(m) = by_volume(&mut a.rng, w, &cands) {
                let out = a.rng.below(2) as u8;
                let stake = usd(&mut a.rng, median * 0.5);
                o.take_usd(a, m, out, t + 5 * MIN, stake, None);
            }
        }
    }
}

fn ladder_builder(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = us(&mut a.rng);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.15, 0.35),
        weekend: 1.3,
        hours: vec![(10.0, 2.0, 0.4), (21.0, 1.5, 0.6)],
        per_day: (1, 1),
        away_days: 0,
    };
    let median = a.rng.uniform(100.0, 600.0);
    let constant = a.rng.chance(0.5);
    let mut ladders = 0;
    for t in sessions(&mut a.rng, &h) {
        let held = a.holdings();
        if !held.is_empty() && a.rng.chance(0.4) {
            let (m, out, sz) = *a.rng.pick(&held);
            if !w.live(m, t) {
                continue;
            }
            let bid = w.quote(m, t).bid[out as usize];
            let rungs = a.rng.range(2, 4);
            let step = a.rng.range(2, 6);
            for j in 0..rungs {
                let part = if j == rungs - 1 { a.held(m, out) } else { ((sz / rungs) / 1000) * 1000 };
                let c = (bid + 2 + (j + 1) * step).min(99);
                let until = (t + a.rng.range(DAY, 10 * DAY)).min(w.last(m));
                o.rest(a, Rest { m, o: out, side: Side::Sell, c, sz: part, from: t + j * 15, until, step: 300, share: 0.25 });
            }
            continue;
        }
        if ladders >= 8 {
            continue;
        }
        let cands: Vec<u32> = w
            .live_of(t, |k| long_kinds(k) || matches!(k, Kind::Game(_)))
            .into_iter()
            .filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > t + DAY))
            .collect();
        let Some(m) = by_volume(&mut a.rng, w, &cands) else { continue };
        ladders += 1;
        let out = if a.rng.chance(0.6) { fav(w, m, t) } else { 1 - fav(w, m, t) };
        let top = w.quote(m, t).bid[out as usize];
        let step = a.rng.range(1, 4);
        let k = a.rng.range(3, 7);
        let base = nice_shares(&mut a.rng, median);
        let until = (t + a.rng.range(DAY, 7 * DAY)).min(w.last(m));
        for j in 0..k {
            let c = top - 1 - j * step;
            if c < 2 {
                break;
            }
            let sz = if constant { base } else { base * (j + 1) };
            let jitter = a.rng.range(8, 40);
            o.rest(a, Rest { m, o: out, side: Side::Buy, c, sz, from: t + j * jitter, until, step: 300, share: 0.25 });
        }
    }
}

fn whale(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 3.0), (Region::UsWest, 2.0), (Region::Europe, 2.0), (Region::Asia, 1.0)]);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.12, 0.3),
        weekend: 1.0,
        hours: vec![(11.0, 2.0, 0.5), (19.0, 2.5, 0.5)],
        per_day: (1, 1),
        away_days: 0,
    };
    let median = a.rng.uniform(3000.0, 20000.0);
    let sports_too = a.rng.chance(0.5);
    for t in sessions(&mut a.rng, &h) {
        if !a.holdings().is_empty() && a.rng.chance(0.2) {
            let frac = a.rng.uniform(0.3, 0.6);
            sell_some(o, a, t, frac);
            continue;
        }
        let cands: Vec<u32> = w
            .live_of(t, |k| {
                matches!(k, Kind::Election | Kind::Politics | Kind::Econ)
                    || (sports_too && matches!(k, Kind::Game(Sport::Nfl | Sport::Nba | Sport::Soccer)))
            })
            .into_iter()
            .filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > t && g0 - t < 2 * DAY))
            .collect();
        let weights: Vec<f64> = cands.iter().map(|&m| w.m(m).volume.powf(1.5)).collect();
        if cands.is_empty() {
            continue;
        }
        let m = cands[a.rng.weighted(&weights)];
        let out = if a.rng.chance(0.65) { fav(w, m, t) } else { 1 - fav(w, m, t) };
        if !(0.04..0.96).contains(&price_of(w, m, out, t)) {
            continue;
        }
        let total = (a.rng.lognormal(median, 0.8) / 500.0).round().max(2.0) * 500.0;
        let chunks = a.rng.range(1, 5);
        let mut tt = t;
        for _ in 0..chunks {
            let part = (total / chunks as f64 * a.rng.uniform(0.8, 1.2) / 100.0).round() * 100.0;
            let ask = w.quote(m, tt).ask[out as usize];
            o.take_usd(a, m, out, tt, part, Some((ask + 5).min(99)));
            tt += a.rng.range(MIN, 15 * MIN);
        }
    }
}

fn news_reader(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 4.0), (Region::UsWest, 2.0), (Region::Uk, 2.0), (Region::Europe, 1.0)]);
    let p_see = a.rng.uniform(0.12, 0.3);
    let follow = a.rng.uniform(0.6, 0.9);
    let median = a.rng.uniform(25.0, 200.0);
    let mut per_day: BTreeMap<i64, u32> = BTreeMap::new();
    for e in &w.events {
        let k = w.m(e.market).kind;
        if !(k.is_newsy() || k == Kind::Culture) || (e.after - e.before).abs() < 0.07 {
            continue;
        }
        let lh = region.hour(e.t);
        if !(7.0..23.5).contains(&lh) || !a.rng.chance(p_see) {
            continue;
        }
        let day = region.day(e.t);
        if *per_day.get(&day).unwrap_or(&0) >= 4 {
            continue;
        }
        let t = e.t + a.rng.lognormal(8.0 * 60.0, 0.8).clamp(60.0, 7200.0) as i64;
        let riser: u8 = if e.after > e.before { 0 } else { 1 };
        let out = if a.rng.chance(follow) { riser } else { 1 - riser };
        let stake = usd(&mut a.rng, median);
        if o.take_usd(a, e.market, out, t, stake, None) > 0 {
            *per_day.entry(day).or_insert(0) += 1;
            if a.rng.chance(0.3) {
                let later = t + a.rng.range(HOUR, 5 * DAY);
                let part = a.held(e.market, out);
                o.sell(a, e.market, out, later, part);
            }
        }
    }
    let h = Habit { region, p_day: 0.2, weekend: 1.0, hours: vec![(8.0, 1.0, 0.5), (20.0, 2.0, 0.5)], per_day: (1, 1), away_days: 0 };
    for t in sessions(&mut a.rng, &h) {
        let cands = w.live_of(t, long_kinds);
        if let Some(m) = by_volume(&mut a.rng, w, &cands) {
            let out = a.rng.below(2) as u8;
            let stake = usd(&mut a.rng, median * 0.5);
            o.take_usd(a, m, out, t, stake, None);
        }
    }
}

fn favourite_holder(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 3.0), (Region::UsCentral, 2.0), (Region::Uk, 1.0), (Region::Australia, 1.0)]);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.3, 0.6),
        weekend: 1.4,
        hours: vec![(21.5, 1.5, 0.6), (16.0, 2.0, 0.4)],
        per_day: (1, 2),
        away_days: 0,
    };
    let median = a.rng.uniform(100.0, 1500.0);
    let floor = a.rng.uniform(0.82, 0.9);
    for t in sessions(&mut a.rng, &h) {
        let mut cands: Vec<(u32, u8)> = Vec::new();
        for g in w.in_play(t) {
            let (_, g1) = w.m(g).game.unwrap_or((0, 0));
            if g1 - t < 45 * MIN {
                let f = fav(w, g, t);
                if price_of(w, g, f, t) >= floor {
                    cands.push((g, f));
                }
            }
        }
        for m in w.live_of(t, |k| matches!(k, Kind::Election | Kind::Deadline | Kind::Econ | Kind::Culture | Kind::CryptoDaily)) {
            let mk = w.m(m);
            if mk.ends > t && mk.ends - t < 3 * DAY {
                let f = fav(w, m, t);
                if price_of(w, m, f, t) >= floor + 0.03 {
                    cands.push((m, f));
                }
            }
        }
        if cands.is_empty() {
            let up = w.upcoming(t, 6 * HOUR);
            if let Some(&g) = up.iter().find(|&&g| price_of(w, g, fav(w, g, t), t) > 0.72) {
                cands.push((g, fav(w, g, t)));
            }
        }
        let mut tt = t;
        for _ in 0..a.rng.range(1, 4) {
            if cands.is_empty() {
                break;
            }
            let i = a.rng.below(cands.len());
            let (m, out) = cands.remove(i);
            let stake = usd(&mut a.rng, median);
            o.take_usd(a, m, out, tt, stake, Some(97));
            tt += think(&mut a.rng);
        }
    }
}

fn night_shift(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = us(&mut a.rng);
    let phase = a.rng.range(0, 7);
    let on = a.rng.range(3, 5);
    let median = a.rng.uniform(10.0, 60.0);
    let d0 = region.day(START + HOUR);
    let d1 = region.day(NOW - HOUR);
    for day in d0..=d1 {
        let mut working = (day + phase).rem_euclid(7) < on;
        if a.rng.chance(0.12) {
            working = !working;
        }
        let times: Vec<i64> = if working {
            (0..a.rng.range(1, 4)).map(|_| region.at(day, (a.rng.uniform(0.5, 5.5) * HOUR as f64) as i64)).collect()
        } else if a.rng.chance(0.55) {
            (0..a.rng.range(1, 3)).map(|_| region.at(day, (a.rng.uniform(13.0, 18.5) * HOUR as f64) as i64)).collect()
        } else {
            Vec::new()
        };
        for t0 in times {
            if t0 <= START || t0 >= NOW - HOUR {
                continue;
            }
            let mut t = t0;
            for _ in 0..a.rng.range(1, 5) {
                let r = a.rng.f64();
                let m = if r < 0.35 {
                    let g = w.in_play(t);
                    by_volume(&mut a.rng, w, &g)
                } else if r < 0.6 {
                    w.updown60_at(0, t)
                } else if r < 0.75 {
                    let c = w.live_of(t, |k| k == Kind::CryptoDaily);
                    by_volume(&mut a.rng, w, &c)
                } else if r < 0.9 {
                    let c = w.live_of(t, long_kinds);
                    by_volume(&mut a.rng, w, &c)
                } else {
                    sell_some(o, a, t, 1.0);
                    None
                };
                if let Some(m) = m {
                    let out = if a.rng.chance(0.6) { fav(w, m, t) } else { 1 - fav(w, m, t) };
                    let stake = usd(&mut a.rng, median);
                    o.take_usd(a, m, out, t, stake, None);
                }
                t += think(&mut a.rng) * 2;
            }
        }
    }
}

fn asia_trader(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::Asia, 4.0), (Region::Japan, 2.0), (Region::Australia, 1.0)]);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.35, 0.7),
        weekend: 1.2,
        hours: vec![(9.5, 1.2, 0.4), (21.5, 1.5, 0.6)],
        per_day: (1, 2),
        away_days: if a.rng.chance(0.3) { a.rng.range(2, 6) } else { 0 },
    };
    let median = a.rng.uniform(20.0, 150.0);
    for t0 in sessions(&mut a.rng, &h) {
        let mut t = t0;
        for _ in 0..a.rng.range(2, 7) {
            let r = a.rng.f64();
            let m = if r < 0.3 {
                let g = w.in_play(t);
                by_volume(&mut a.rng, w, &g)
            } else if r < 0.55 {
                w.updown60_at(a.rng.below(2), t)
            } else if r < 0.8 {
                let c = w.live_of(t, |k| k == Kind::CryptoDaily);
                by_volume(&mut a.rng, w, &c)
            } else {
                let c = w.live_of(t, long_kinds);
                by_volume(&mut a.rng, w, &c)
            };
            if let Some(m) = m {
                let out = if a.rng.chance(0.5) { fav(w, m, t) } else { 1 - fav(w, m, t) };
                let stake = usd(&mut a.rng, median);
                let got = o.take_usd(a, m, out, t, stake, None);
                if got > 0 && w.m(m).kind.is_crypto() && a.rng.chance(0.4) {
                    let later = t + a.rng.range(5 * MIN, 40 * MIN);
                    let held = a.held(m, out);
                    o.sell(a, m, out, later, held);
                }
            }
            t += think(&mut a.rng) * 2;
        }
    }
}

fn limit_user(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 3.0), (Region::UsWest, 2.0), (Region::Europe, 2.0), (Region::Brazil, 1.0)]);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.15, 0.4),
        weekend: 1.5,
        hours: vec![(9.0, 1.5, 0.3), (20.0, 2.0, 0.7)],
        per_day: (1, 1),
        away_days: 0,
    };
    let median = a.rng.uniform(80.0, 800.0);
    let round_to = if a.rng.chance(0.6) { 5 } else { 1 };
    for t in sessions(&mut a.rng, &h) {
        for _ in 0..a.rng.range(1, 5) {
            let cands: Vec<u32> = w
                .live_of(t, |k| long_kinds(k) || matches!(k, Kind::Game(_) | Kind::CryptoDaily))
                .into_iter()
                .filter(|&m| w.m(m).game.is_none_or(|(g0, _)| g0 > t + 12 * HOUR))
                .collect();
            let Some(m) = by_volume(&mut a.rng, w, &cands) else { break };
            let out = a.rng.below(2) as u8;
            let bid = w.quote(m, t).bid[out as usize];
            let c = ((bid - a.rng.range(0, 8)) / round_to) * round_to;
            if c < 2 {
                continue;
            }
            let sz = nice_shares(&mut a.rng, median);
            if a.rng.chance(0.2) {
                o.take(a, Order { m, o: out, side: Side::Buy, t, sz, limit: None });
                continue;
            }
            let until = (t + a.rng.range(2 * DAY, 14 * DAY)).min(w.last(m));
            let (got, t_fill) = o.rest(a, Rest { m, o: out, side: Side::Buy, c, sz, from: t, until, step: 300, share: 0.3 });
            if got >= MIN_SZ && a.rng.chance(0.6) {
                let tp = (((c + 10) / round_to) * round_to).min(99);
                let from = t_fill.max(t) + a.rng.range(HOUR, 2 * DAY);
                o.rest(a, Rest { m, o: out, side: Side::Sell, c: tp, sz: got, from, until: w.last(m), step: 300, share: 0.3 });
            }
        }
    }
}

fn manual_copier(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 3.0), (Region::UsWest, 2.0), (Region::Uk, 2.0), (Region::Europe, 2.0)]);
    let pool = [0usize, 1, 2, 3, 4, 9, 11];
    let leader = *a.rng.pick(&pool);
    let p_attention = a.rng.uniform(0.35, 0.75);
    let median = a.rng.uniform(15.0, 120.0);
    let fills = o.leaders[leader].fills.clone();
    let mut seen_tx = 0u64;
    let mut per_day: BTreeMap<i64, u32> = BTreeMap::new();
    for f in fills {
        if f.tx == seen_tx {
            continue;
        }
        seen_tx = f.tx;
        let lh = region.hour(f.t);
        let awake = (8.0..24.0).contains(&lh);
        if !awake || !a.rng.chance(p_attention) {
            continue;
        }
        let day = region.day(f.t);
        if *per_day.get(&day).unwrap_or(&0) >= 8 {
            continue;
        }
        let t = f.t + a.rng.lognormal(420.0, 0.9).clamp(40.0, 3.0 * HOUR as f64) as i64;
        match f.side {
            Side::Buy => {
                let lim = Some((f.c + a.rng.range(3, 12)).min(99));
                let stake = usd(&mut a.rng, median);
                if o.take_usd(a, f.m, f.o, t, stake, lim) > 0 {
                    *per_day.entry(day).or_insert(0) += 1;
                }
            }
            Side::Sell => {
                let held = a.held(f.m, f.o);
                if held >= MIN_SZ && a.rng.chance(0.45) {
                    o.sell(a, f.m, f.o, t, held);
                }
            }
        }
    }
    // Their own bets now and then.
    let h = Habit { region, p_day: 0.12, weekend: 1.5, hours: vec![(20.0, 2.0, 1.0)], per_day: (1, 1), away_days: 0 };
    for t in sessions(&mut a.rng, &h) {
        let c = w.upcoming(t, DAY);
        if let Some(m) = by_volume(&mut a.rng, w, &c) {
            let out = fav(w, m, t);
            let stake = usd(&mut a.rng, median * 0.7);
            o.take_usd(a, m, out, t, stake, None);
        }
    }
}

fn crypto_gambler(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(
        &mut a.rng,
        &[(Region::UsEast, 3.0), (Region::UsWest, 2.0), (Region::Uk, 1.0), (Region::Asia, 2.0), (Region::Brazil, 1.0)],
    );
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.2, 0.5),
        weekend: 1.4,
        hours: vec![(21.5, 1.5, 0.6), (1.0, 1.0, 0.2), (13.0, 2.0, 0.2)],
        per_day: (1, 2),
        away_days: if a.rng.chance(0.3) { a.rng.range(2, 7) } else { 0 },
    };
    let base = *a.rng.pick(&[5.0, 5.0, 10.0, 10.0, 20.0, 25.0, 50.0]);
    let chase = a.rng.uniform(0.4, 0.8);
    for t0 in sessions(&mut a.rng, &h) {
        let asset = a.rng.weighted(&[7.0, 2.0, 1.0]);
        let hourly = a.rng.chance(0.2);
        let len = a.rng.range(30 * MIN, 3 * HOUR);
        let mut stake = base;
        let mut losses = 0;
        let mut t = t0;
        while t < t0 + len && t < NOW - HOUR {
            let m = if hourly { w.updown60_at(asset.min(1), t) } else { w.updown15_at(asset, t) };
            let Some(m) = m else { break };
            let (ws, we) = match w.m(m).path {
                Path::Crypto { start, .. } => (start, w.m(m).ends),
                _ => break,
            };
            if a.rng.chance(0.75) {
                let len_w = we - ws;
                let r = a.rng.f64();
                let bet_t = if r < 0.4 {
                    ws + a.rng.range(10, len_w / 5)
                } else if r < 0.7 {
                    ws + a.rng.range(len_w / 5, len_w * 3 / 4)
                } else {
                    we - a.rng.range(20, 240)
                };
                let bet_t = bet_t.max(t);
                let up_now = w.p(m, bet_t) >= 0.5;
                let out: u8 = if up_now == a.rng.chance(chance_clamp(chase)) { 0 } else { 1 };
                if price_of(w, m, out, bet_t) > 0.95 && a.rng.chance(0.7) {
                    t = we + a.rng.range(0, 60);
                    continue;
                }
                let got = o.take_usd(a, m, out, bet_t, stake, None);
                if got > 0 {
                    if a.rng.chance(0.2) && we - bet_t > 90 {
                        let sell_t = bet_t + a.rng.range(30, we - bet_t - 30);
                        if price_of(w, m, out, sell_t) > 0.85 || price_of(w, m, out, sell_t) < 0.15 {
                            let held = a.held(m, out);
                            o.sell(a, m, out, sell_t, held);
                        }
                    }
                    if w.m(m).winner == out {
                        stake = base;
                        losses = 0;
                    } else {
                        losses += 1;
                        stake = (stake * 2.0).min(base * 8.0);
                    }
                }
                if losses >= 4 {
                    break;
                }
            }
            t = we + a.rng.range(0, 60);
        }
    }
}

fn chance_clamp(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

fn routine_checker(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = pick_region(&mut a.rng, &[(Region::UsEast, 3.0), (Region::UsCentral, 2.0), (Region::Uk, 2.0), (Region::Europe, 2.0)]);
    let morning = a.rng.uniform(6.5, 8.5) * HOUR as f64;
    let lunch = a.rng.uniform(12.0, 13.0) * HOUR as f64;
    let evening = if a.rng.chance(0.5) { Some(a.rng.uniform(20.5, 22.5) * HOUR as f64) } else { None };
    let amount = *a.rng.pick(&[10.0, 20.0, 25.0, 25.0, 50.0, 100.0]);
    let d0 = region.day(START + HOUR);
    let d1 = region.day(NOW - HOUR);
    let away = d0 + a.rng.range(0, 26);
    let mut book: Vec<(u32, u8)> = Vec::new();
    for day in d0..=d1 {
        if day >= away && day < away + a.rng.range(3, 6) {
            continue;
        }
        if a.rng.chance(0.07) {
            continue;
        }
        let wd = weekday_of_day(day);
        let mut checks: Vec<i64> = Vec::new();
        if wd == 0 || wd == 6 {
            if a.rng.chance(0.5) {
                checks.push(region.at(day, (a.rng.uniform(9.0, 22.0) * HOUR as f64) as i64));
            }
        } else {
            checks.push(region.at(day, (morning + 360.0 * a.rng.normal()) as i64));
            if a.rng.chance(0.8) {
                checks.push(region.at(day, (lunch + 480.0 * a.rng.normal()) as i64));
            }
            if let Some(e) = evening
                && a.rng.chance(0.6)
            {
                checks.push(region.at(day, (e + 900.0 * a.rng.normal()) as i64));
            }
        }
        for t in checks {
            if t <= START || t >= NOW - HOUR {
                continue;
            }
            book.retain(|&(m, o)| w.live(m, t) && price_of(w, m, o, t) < 0.95);
            if book.len() < 3 || a.rng.chance(0.05) {
                let cands = w.live_of(t, |k| matches!(k, Kind::Politics | Kind::Econ | Kind::Culture | Kind::Election));
                if let Some(m) = by_volume(&mut a.rng, w, &cands) {
                    let out = fav(w, m, t);
                    if price_of(w, m, out, t) < 0.93 {
                        book.push((m, out));
                    }
                }
            }
            if book.is_empty() || !a.rng.chance(0.6) {
                continue;
            }
            let (m, out) = *a.rng.pick(&book);
            let t_act = t + a.rng.range(20, 240);
            if a.rng.chance(0.06) {
                let held = a.held(m, out);
                o.sell(a, m, out, t_act, held);
            } else {
                let usd = if a.rng.chance(0.9) { amount } else { amount * 2.0 };
                o.take_usd(a, m, out, t_act, usd, None);
            }
        }
    }
}

fn hedger(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = us(&mut a.rng);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.2, 0.4),
        weekend: 1.6,
        hours: vec![(19.5, 1.5, 0.7), (12.0, 2.0, 0.3)],
        per_day: (1, 2),
        away_days: 0,
    };
    let median = a.rng.uniform(30.0, 300.0);
    let lock = a.rng.uniform(0.08, 0.15);
    for t in sessions(&mut a.rng, &h) {
        let mut cands = w.upcoming(t, 20 * HOUR);
        if t < ELECTION_NIGHT + 2 * DAY {
            cands.extend(w.live_of(t, |k| k == Kind::Election));
        }
        let Some(m) = by_volume(&mut a.rng, w, &cands) else { continue };
        let first = a.rng.below(2) as u8;
        let stake = usd(&mut a.rng, median);
        let got = o.take_usd(a, m, first, t, stake, None);
        if got < MIN_SZ {
            continue;
        }
        let entry = price_of(w, m, first, t);
        // Check again later: at big moves (with a delay) or every few hours.
        let mut checks: Vec<i64> = w.m(m).jumps.iter().copied().filter(|&j| j > t).map(|j| j + a.rng.range(40, 500)).collect();
        let mut c = t;
        while c < w.last(m) && checks.len() < 40 {
            c += a.rng.range(2 * HOUR, 10 * HOUR);
            checks.push(c);
        }
        checks.sort_unstable();
        for c in checks {
            if !w.live(m, c) {
                break;
            }
            let now = price_of(w, m, first, c);
            if now >= entry + lock || (now <= entry - 2.0 * lock && a.rng.chance(0.5)) {
                let q = w.quote(m, c);
                let other_c = q.ask[1 - first as usize];
                let target = if now >= entry { got } else { got / 2 };
                let sz = ((target as f64 * a.rng.uniform(0.85, 1.1)) as i64 / 500) * 500;
                if sz >= MIN_SZ {
                    o.take(a, Order { m, o: 1 - first, side: Side::Buy, t: c, sz, limit: Some(other_c + 1) });
                }
                break;
            }
        }
    }
}

fn election_junkie(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = us(&mut a.rng);
    let median = a.rng.uniform(20.0, 200.0);
    let races = w.live_of(ELECTION_NIGHT - HOUR, |k| k == Kind::Election);
    // The run-up.
    for _ in 0..a.rng.range(2, 9) {
        let t = START + a.rng.range(DAY, ELECTION_NIGHT - START - 6 * HOUR);
        let lh = region.hour(t);
        if !(8.0..23.5).contains(&lh) {
            continue;
        }
        if let Some(m) = by_volume(&mut a.rng, w, &races) {
            let out = if a.rng.chance(0.7) { fav(w, m, t) } else { 1 - fav(w, m, t) };
            let stake = usd(&mut a.rng, median);
            o.take_usd(a, m, out, t, stake, None);
        }
    }
    // The night itself: from the first poll closings until they give up.
    let mut t = ELECTION_NIGHT - a.rng.range(0, 90 * MIN);
    let stop = ELECTION_NIGHT + a.rng.range(3 * HOUR, 9 * HOUR);
    let mut guard = 0;
    while t < stop && guard < 120 {
        guard += 1;
        let recent: Vec<u32> =
            w.events_between(t - 20 * MIN, t).iter().filter(|e| w.m(e.market).kind == Kind::Election).map(|e| e.market).collect();
        let m = if !recent.is_empty() && a.rng.chance(0.7) { Some(*a.rng.pick(&recent)) } else { by_volume(&mut a.rng, w, &races) };
        if let Some(m) = m {
            if a.held(m, 0) + a.held(m, 1) >= MIN_SZ && a.rng.chance(0.3) {
                let out = if a.held(m, 0) >= a.held(m, 1) { 0 } else { 1 };
                let part = a.held(m, out);
                let part = if a.rng.chance(0.5) { part } else { part / 2 };
                o.sell(a, m, out, t, part);
            } else {
                let rising = w.p(m, t) >= w.p(m, t - 15 * MIN);
                let out: u8 = if rising == a.rng.chance(0.7) { 0 } else { 1 };
                let big = if a.rng.chance(0.1) { 4.0 } else { 1.0 };
                let stake = usd(&mut a.rng, median * big);
                o.take_usd(a, m, out, t, stake, None);
            }
        }
        t += a.rng.lognormal(100.0, 0.9).clamp(10.0, 1800.0) as i64;
    }
    // Slow counts in the days after, and a few other bets.
    for _ in 0..a.rng.range(1, 6) {
        let t = ELECTION_NIGHT + a.rng.range(DAY, 8 * DAY) + a.rng.range(0, 6 * HOUR);
        let open: Vec<u32> = races.iter().copied().filter(|&m| w.live(m, t)).collect();
        if let Some(m) = by_volume(&mut a.rng, w, &open) {
            let out = fav(w, m, t);
            let stake = usd(&mut a.rng, median);
            o.take_usd(a, m, out, t, stake, None);
        }
    }
}

fn scalper(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let region = us(&mut a.rng);
    let h = Habit {
        region,
        p_day: a.rng.uniform(0.1, 0.22),
        weekend: 1.6,
        hours: vec![(19.8, 0.8, 0.8), (13.5, 1.0, 0.2)],
        per_day: (1, 1),
        away_days: if a.rng.chance(0.4) { a.rng.range(2, 6) } else { 0 },
    };
    let median = a.rng.uniform(300.0, 2000.0);
    for t0 in sessions(&mut a.rng, &h) {
        let stop = t0 + a.rng.range(90 * MIN, 4 * HOUR);
        let mut t = t0;
        let mut active_since = t0;
        let mut guard = 0;
        while t < stop && guard < 40 {
            guard += 1;
            let games = w.in_play(t);
            let Some(g) = by_volume(&mut a.rng, w, &games) else {
                t += a.rng.range(10 * MIN, 30 * MIN);
                continue;
            };
            let out = if a.rng.chance(0.5) { fav(w, g, t) } else { 1 - fav(w, g, t) };
            let sz = if a.rng.chance(0.8) { nice_shares(&mut a.rng, median) } else { shares_for(usd(&mut a.rng, median * 0.5), 50) };
            let (got, t_in) = if a.rng.chance(0.5) {
                let c = w.quote(g, t).bid[out as usize];
                o.rest(a, Rest { m: g, o: out, side: Side::Buy, c, sz, from: t, until: t + 3 * MIN, step: 20, share: 3.0 })
            } else {
                (o.buy(a, g, out, t, sz), t)
            };
            if got >= MIN_SZ {
                let t_out = t_in + a.rng.lognormal(120.0, 0.7).clamp(20.0, 900.0) as i64;
                let held = a.held(g, out);
                let mut sold = 0;
                if a.rng.chance(0.6) {
                    let c = w.quote(g, t_out).ask[out as usize];
                    sold = o
                        .rest(
                            a,
                            Rest { m: g, o: out, side: Side::Sell, c, sz: held, from: t_out, until: t_out + 4 * MIN, step: 20, share: 3.0 },
                        )
                        .0;
                }
                if held - sold >= MIN_SZ {
                    let left = a.held(g, out);
                    o.sell(a, g, out, t_out + if sold > 0 { 0 } else { 4 * MIN }, left);
                }
                t = t_out + think(&mut a.rng);
            } else {
                t += 3 * MIN + think(&mut a.rng);
            }
            if t - active_since > a.rng.range(30 * MIN, 60 * MIN) {
                t += a.rng.range(5 * MIN, 15 * MIN);
                active_since = t;
            }
        }
    }
}

fn weather_hobbyist(o: &mut Out, a: &mut Actor) {
    let w = o.w;
    let (region, city) = if a.rng.chance(0.6) { (Region::UsEast, "NYC") } else { (Region::Uk, "London") };
    let median = a.rng.uniform(5.0, 30.0);
    let groups: Vec<usize> =
        w.groups.iter().enumerate().filter(|(_, g)| g.kind == Kind::Weather && g.name.contains(city)).map(|(i, _)| i).collect();
    let p_day = a.rng.uniform(0.3, 0.7);
    let d0 = region.day(START + HOUR);
    let d1 = region.day(NOW - HOUR);
    for day in d0..=d1 {
        if !a.rng.chance(p_day) {
            continue;
        }
        let t = region.at(day, (a.rng.uniform(6.8, 9.0) * HOUR as f64) as i64);
        // Today's or tomorrow's question.
        let live: Vec<usize> =
            groups.iter().copied().filter(|&g| w.groups[g].markets.iter().any(|&m| w.live(m, t) && w.m(m).ends > t)).collect();
        if live.is_empty() {
            continue;
        }
        let g = if a.rng.chance(0.7) { live[0] } else { *a.rng.pick(&live) };
        let mut ms: Vec<(f64, u32)> = w.groups[g].markets.iter().map(|&m| (w.p(m, t), m)).collect();
        ms.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let pick = if a.rng.chance(0.65) { ms[0].1 } else { ms[1.min(ms.len() - 1)].1 };
        let stake = usd(&mut a.rng, median);
        o.take_usd(a, pick, 0, t, stake, None);
        if a.rng.chance(0.2) && ms.len() > 2 {
            let stake = usd(&mut a.rng, median * 0.5);
            let pause = think(&mut a.rng);
            o.take_usd(a, ms[2].1, 0, t + pause, stake, None);
        }
        if a.rng.chance(0.3) {
            let later = region.at(day, (a.rng.uniform(15.0, 17.5) * HOUR as f64) as i64);
            let held = a.held(pick, 0);
            if held >= MIN_SZ && price_of(w, pick, 0, later) > price_of(w, pick, 0, t) + 0.1 {
                o.sell(a, pick, 0, later, held);
            } else if a.rng.chance(0.4) {
                let stake = usd(&mut a.rng, median);
                o.take_usd(a, pick, 0, later, stake, None);
            }
        }
    }
}
