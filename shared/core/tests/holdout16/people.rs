//! People: the many ways humans trade on Polymarket.

use super::crowd::Leaders;
use super::exec::{Amt, Ex, Life, MIN_SZ, Order, Pos, Tk, round_shares, round_usd};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, MIN, NOW, START, World};

pub type Run = fn(&mut Ex, &mut Rng, &[u32], &Leaders);

pub const PEOPLE: &[(&str, Run)] = &[
    ("casual_sports_bettor", casual_sports_bettor),
    ("inplay_sports_fan", inplay_sports_fan),
    ("intraday_scalper", intraday_scalper),
    ("dip_buyer", dip_buyer),
    ("ladder_limit_buyer", ladder_limit_buyer),
    ("whale_bettor", whale_bettor),
    ("news_reader", news_reader),
    ("resolution_holder", resolution_holder),
    ("night_shift_worker", night_shift_worker),
    ("asia_timezone_trader", asia_timezone_trader),
    ("resting_order_user", resting_order_user),
    ("manual_copy_follower", manual_copy_follower),
    ("crypto_updown_gambler", crypto_updown_gambler),
    ("favorite_grinder", favorite_grinder),
    ("two_sided_hedger", two_sided_hedger),
    ("routine_morning_trader", routine_morning_trader),
    ("high_volume_degen", high_volume_degen),
    ("event_night_bettor", event_night_bettor),
    ("weather_hobbyist", weather_hobbyist),
];

fn league_weight(c: Cat) -> f64 {
    match c {
        Cat::Nfl => 4.0,
        Cat::Nba => 2.5,
        Cat::Cfb => 1.5,
        Cat::Soccer => 1.0,
        Cat::Ufc => 1.2,
        Cat::Nhl => 0.6,
        Cat::Tennis => 0.5,
        Cat::Esports => 0.3,
        _ => 0.0,
    }
}

/// Games that start within `[a, b)`.
fn games_starting(w: &World, a: i64, b: i64) -> Vec<usize> {
    w.games.iter().copied().filter(|&m| w.markets[m].live.is_some_and(|l| l.0 >= a && l.0 < b)).collect()
}

/// Long-form markets trading at `t` (optionally one category family).
fn long_at(w: &World, t: i64, f: impl Fn(Cat) -> bool) -> Vec<usize> {
    (0..w.markets.len()).filter(|&m| w.markets[m].cat.is_longform() && f(w.markets[m].cat) && w.tradable(m, t)).collect()
}

fn buy_usd(ex: &mut Ex, pos: &mut Pos, w: u32, m: usize, o: u8, usd: f64, t: i64) -> Option<u32> {
    let tk = ex.take(w, m, o, true, Amt::Usd(usd), t)?;
    pos.add(m, o, tk.sz);
    Some(tk.sz)
}

fn buy_sh(ex: &mut Ex, pos: &mut Pos, w: u32, m: usize, o: u8, sh: f64, t: i64) -> Option<u32> {
    let tk = ex.take(w, m, o, true, Amt::Sh(sh), t)?;
    pos.add(m, o, tk.sz);
    Some(tk.sz)
}

/// Sells `frac` of the holding (all of it when close to all).
fn sell_frac(ex: &mut Ex, pos: &mut Pos, w: u32, m: usize, o: u8, frac: f64, t: i64) -> Option<u32> {
    let have = pos.get(m, o);
    let mut sz = (have as f64 * frac).floor() as u32;
    if have - sz.min(have) < MIN_SZ || frac > 0.95 {
        sz = have;
    }
    if sz < MIN_SZ {
        return None;
    }
    let tk = ex.take(w, m, o, false, Amt::Sh(sz as f64 / 100.0), t)?;
    pos.sub(m, o, tk.sz);
    Some(tk.sz)
}

fn weighted_game(r: &mut Rng, w: &World, games: &[usize], fav_team: &str) -> Option<usize> {
    if games.is_empty() {
        return None;
    }
    let wts: Vec<f64> = games
        .iter()
        .map(|&m| {
            let mk = &w.markets[m];
            league_weight(mk.cat) * if mk.title.contains(fav_team) { 12.0 } else { 1.0 }
        })
        .collect();
    Some(games[r.weighted(&wts)])
}

fn fav_team(r: &mut Rng, w: &World) -> String {
    let m = w.games[r.below(w.games.len())];
    let mk = &w.markets[m];
    if mk.cat == Cat::Soccer {
        mk.title.split(" win").next().unwrap_or("").trim_start_matches("Will ").to_string()
    } else {
        mk.outcomes[r.below(2)].clone()
    }
}

fn side_of(w: &World, m: usize, team: &str) -> Option<u8> {
    let mk = &w.markets[m];
    if mk.outcomes[0] == team {
        Some(0)
    } else if mk.outcomes[1] == team {
        Some(1)
    } else if mk.title.contains(team) {
        Some(0)
    } else {
        None
    }
}

// ------------------------------------------------------------------ behaviours

fn casual_sports_bettor(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let team = fav_team(&mut r, w);
        let mut pos = Pos::default();
        let k = r.range(3, 16);
        let stake = r.lognormal(20.0, 0.6);
        for _ in 0..k {
            let day = r.range(0, 30);
            let Some(t) = life.sample_day(&mut r, day) else { continue };
            let games = games_starting(w, t - 20 * MIN, t + 30 * HOUR);
            let Some(m) = weighted_game(&mut r, w, &games, &team) else { continue };
            let o =
                side_of(w, m, &team).unwrap_or_else(|| if r.chance(0.6) { if w.p(m, t) >= 0.5 { 0 } else { 1 } } else { r.below(2) as u8 });
            if buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t).is_none() {
                continue;
            }
            let (ls, le) = w.markets[m].live.unwrap_or((t, t));
            if r.chance(0.15)
                && let Some(t2) = life.sample_between(&mut r, ls.max(t + 10 * MIN), le)
            {
                buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake * 0.7), t2);
            }
            // checks the app during the game and bails out if it looks bad
            if r.chance(0.2)
                && let Some(t3) = life.sample_between(&mut r, ls + 40 * MIN, le)
                && w.po(m, o, t3) < 0.3
            {
                sell_frac(ex, &mut pos, id, m, o, 1.0, t3);
            }
        }
    }
}

fn inplay_sports_fan(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let soccer_fan = r.chance(0.3);
        let life = if soccer_fan { Life::new(&mut r, 0.0) } else { Life::us(&mut r) };
        let team = fav_team(&mut r, w);
        let mut pos = Pos::default();
        let stake = r.lognormal(40.0, 0.6);
        let watch = r.range(6, 15);
        let games: Vec<usize> = w
            .games
            .iter()
            .copied()
            .filter(|&m| {
                let mk = &w.markets[m];
                let ls = mk.live.map(|l| l.0).unwrap_or(0);
                (if soccer_fan {
                    mk.cat == Cat::Soccer || mk.cat == Cat::Tennis
                } else {
                    matches!(mk.cat, Cat::Nfl | Cat::Nba | Cat::Cfb | Cat::Nhl | Cat::Ufc)
                }) && life.avail(ls + 30 * MIN) > 0.5
            })
            .collect();
        for _ in 0..watch {
            let Some(m) = weighted_game(&mut r, w, &games, &team) else { break };
            let (ls, le) = w.markets[m].live.unwrap_or((0, 0));
            let side = side_of(w, m, &team).unwrap_or(r.below(2) as u8);
            let start = ls + r.range(0, 20 * MIN);
            if r.chance(0.6) {
                buy_usd(ex, &mut pos, id, m, side, round_usd(&mut r, stake), start);
            }
            let evs: Vec<(i64, f32)> = w.events_between(ls, le).iter().filter(|e| e.m == m).map(|e| (e.ts, e.dp)).collect();
            let mut last = start;
            for (ts, dp) in evs {
                if !r.chance(0.55) || ts < last {
                    continue;
                }
                let t = ts + r.lognormal(70.0, 0.7) as i64;
                last = t;
                let up = if dp > 0.0 { 0 } else { 1 };
                let held = pos.get(m, 1 - up);
                if held >= MIN_SZ && r.chance(0.35) {
                    sell_frac(ex, &mut pos, id, m, 1 - up, r.uniform(0.4, 1.0), t);
                } else if r.chance(0.65) {
                    buy_usd(ex, &mut pos, id, m, up, round_usd(&mut r, stake * 0.8), t);
                } else {
                    buy_usd(ex, &mut pos, id, m, 1 - up, round_usd(&mut r, stake * 0.5), t);
                }
            }
            // cash out near the end when winning big
            let tend = le - r.range(3 * MIN, 25 * MIN);
            for o in 0..2u8 {
                if pos.get(m, o) >= MIN_SZ && w.po(m, o, tend) > 0.85 && r.chance(0.4) {
                    sell_frac(ex, &mut pos, id, m, o, 1.0, tend + o as i64 * 20);
                }
            }
        }
    }
}

fn liquid_at(w: &World, t: i64) -> Vec<usize> {
    (0..w.markets.len())
        .filter(|&m| {
            let mk = &w.markets[m];
            !mk.cat.is_updown()
                && mk.cat != Cat::Weather
                && mk.crowd >= 150
                && w.tradable(m, t)
                && (!mk.cat.is_sport() || mk.live.is_some_and(|l| l.0 - t < 4 * HOUR))
        })
        .collect()
}

fn intraday_scalper(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let lot = round_shares(&mut r, 250.0);
        let in_usd = r.chance(0.4);
        for day in 0..30 {
            if life.away[day as usize] || r.chance(0.25) {
                continue;
            }
            let k = r.range(1, 4);
            for s0 in life.day_times(&mut r, day, k) {
                let len = r.range(20 * MIN, 2 * HOUR);
                let cands = liquid_at(w, s0);
                if cands.is_empty() {
                    continue;
                }
                let mut focus: Vec<usize> = (0..r.range(1, 4)).map(|_| cands[r.below(cands.len())]).collect();
                focus.dedup();
                let mut t = s0;
                while t < s0 + len {
                    let m = focus[r.below(focus.len())];
                    let p = w.p(m, t);
                    let o = if r.chance(0.5 + (p - w.p(m, t - 30 * MIN)) * 3.0) { 0 } else { 1 };
                    let got = if in_usd {
                        buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, 150.0), t)
                    } else {
                        buy_sh(ex, &mut pos, id, m, o, lot, t)
                    };
                    t += r.lognormal(7.0 * 60.0, 0.8) as i64;
                    if got.is_some() {
                        if r.chance(0.25) {
                            sell_frac(ex, &mut pos, id, m, o, 0.5, t);
                            t += r.lognormal(4.0 * 60.0, 0.8) as i64;
                        }
                        if r.chance(0.9) {
                            sell_frac(ex, &mut pos, id, m, o, 1.0, t);
                        }
                    }
                    t += r.lognormal(3.0 * 60.0, 1.0) as i64;
                }
            }
        }
    }
}

fn dip_buyer(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let mut pos = Pos::default();
        let thr = r.uniform(0.08, 0.15);
        let mut last_buy: std::collections::BTreeMap<usize, i64> = std::collections::BTreeMap::new();
        let stake = r.lognormal(60.0, 0.7);
        let mut buys: Vec<(usize, u8, f64)> = Vec::new();
        for day in 0..30 {
            let k = r.range(1, 4);
            for t in life.day_times(&mut r, day, k) {
                // sells of earlier dips that bounced
                let mut keep = Vec::new();
                for (m, o, paid) in buys.drain(..) {
                    if w.tradable(m, t) && w.po(m, o, t) > paid + r.uniform(0.04, 0.1) && pos.get(m, o) >= MIN_SZ {
                        sell_frac(ex, &mut pos, id, m, o, if r.chance(0.6) { 1.0 } else { 0.5 }, t + r.range(5, 90));
                    } else {
                        keep.push((m, o, paid));
                    }
                }
                buys = keep;
                let mut cands: Vec<usize> = long_at(w, t, |_| true);
                cands.extend(w.games.iter().copied().filter(|&m| w.tradable(m, t)));
                for m in cands {
                    for o in 0..2u8 {
                        let now = w.po(m, o, t);
                        let hi = (1..=12).map(|k| w.po(m, o, t - k * 30 * MIN)).fold(0.0, f64::max);
                        let recent = last_buy.get(&m).is_some_and(|x| t - x < 2 * DAY);
                        if hi - now >= thr && now > 0.08 && !recent && r.chance(0.3) {
                            let usd = round_usd(&mut r, stake);
                            let at = t + r.range(10, 240);
                            if buy_usd(ex, &mut pos, id, m, o, usd, at).is_some() {
                                buys.push((m, o, now));
                                last_buy.insert(m, t);
                            }
                        }
                    }
                }
            }
        }
    }
}

fn ladder_limit_buyer(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let rung_sh = round_shares(&mut r, 100.0);
        for _ in 0..r.range(3, 9) {
            let Some(t) = life.sample_in(&mut r, 0, 28) else { continue };
            let mut cands = long_at(w, t, |_| true);
            cands.extend(w.games.iter().copied().filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 > t + 3 * HOUR)));
            if cands.is_empty() {
                continue;
            }
            let m = cands[r.below(cands.len())];
            let o = r.below(2) as u8;
            let (bid, _) = w.quote(m, o, t);
            if bid < 8 {
                continue;
            }
            let step = r.range(1, 4);
            let rungs = r.range(3, 7);
            let grow = r.chance(0.4);
            let until = t + r.range(DAY, 6 * DAY);
            let mut filled = 0u32;
            for k in 0..rungs {
                let c = bid as i64 - k * step - r.range(0, 2);
                if c < 2 {
                    break;
                }
                let sh = if grow { rung_sh * (1.0 + 0.5 * k as f64) } else { rung_sh };
                let fills = ex.rest(&Order { w: id, m, side_o: o, buy: true, c: c as u8, sh, from: t + k * r.range(5, 40), until }, &mut r);
                filled += fills.iter().map(|f| f.1).sum::<u32>();
            }
            pos.add(m, o, filled);
            if filled >= MIN_SZ && r.chance(0.5) {
                let tsell = life.sample_between(&mut r, t + 6 * HOUR, t + 5 * DAY).unwrap_or(t + DAY);
                let (_, ask) = w.quote(m, o, tsell);
                let c = (ask as i64 + r.range(2, 9)).min(99) as u8;
                let f = ex.rest(
                    &Order { w: id, m, side_o: o, buy: false, c, sh: filled as f64 / 100.0, from: tsell, until: tsell + 4 * DAY },
                    &mut r,
                );
                pos.sub(m, o, f.iter().map(|x| x.1).sum());
            }
        }
    }
}

fn whale_bettor(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let stake = r.lognormal(6_000.0, 0.8);
        for _ in 0..r.range(4, 22) {
            let Some(t) = life.sample_in(&mut r, 0, 30) else { continue };
            let mut cands: Vec<usize> = long_at(w, t, |c| matches!(c, Cat::Election | Cat::Politics | Cat::Macro));
            cands.extend(
                games_starting(w, t - HOUR, t + DAY)
                    .into_iter()
                    .filter(|&m| matches!(w.markets[m].cat, Cat::Nfl | Cat::Nba | Cat::Cfb | Cat::Soccer)),
            );
            if cands.is_empty() {
                continue;
            }
            let m = cands[r.below(cands.len())];
            let o = if r.chance(0.65) { if w.p(m, t) > 0.5 { 0 } else { 1 } } else { r.below(2) as u8 };
            let usd = round_usd(&mut r, stake).max(500.0);
            let parts = if r.chance(0.4) { r.range(2, 5) } else { 1 };
            let mut tt = t;
            for _ in 0..parts {
                if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt: Amt::Usd(usd / parts as f64), ts: tt, slip: r.range(2, 6) })
                {
                    pos.add(m, o, tk.sz);
                }
                tt += r.range(40, 15 * MIN);
            }
            if r.chance(0.3)
                && let Some(t2) = life.sample_between(&mut r, tt + 2 * HOUR, tt + 6 * DAY)
                && w.po(m, o, t2) > w.po(m, o, t) + 0.08
            {
                sell_frac(ex, &mut pos, id, m, o, r.uniform(0.3, 1.0), t2);
            }
        }
    }
}

fn news_reader(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = if r.chance(0.3) { Life::new(&mut r, 1.0) } else { Life::us(&mut r) };
        let mut pos = Pos::default();
        let notice = r.uniform(0.06, 0.18);
        let stake = r.lognormal(60.0, 0.7);
        let react = r.uniform(8.0, 40.0) * 60.0;
        for e in &w.events {
            let mk = &w.markets[e.m];
            if !matches!(mk.cat, Cat::Politics | Cat::News | Cat::Macro | Cat::Culture | Cat::Election) || !r.chance(notice) {
                continue;
            }
            let seen = e.ts + r.lognormal(react, 1.0) as i64;
            let Some(t) = life.next_free(&mut r, seen) else { continue };
            if t - e.ts > 12 * HOUR {
                continue;
            }
            let up = if e.dp > 0.0 { 0 } else { 1 };
            let o = if r.chance(0.75) { up } else { 1 - up };
            if pos.get(e.m, 1 - o) >= MIN_SZ && r.chance(0.6) {
                sell_frac(ex, &mut pos, id, e.m, 1 - o, 1.0, t);
                if r.chance(0.5) {
                    continue;
                }
            }
            buy_usd(ex, &mut pos, id, e.m, o, round_usd(&mut r, stake), t + r.range(5, 120));
        }
    }
}

fn resolution_holder(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let stake = r.lognormal(100.0, 0.8);
        let Some(t0) = life.sample_in(&mut r, 0, 5) else { continue };
        let cands = long_at(w, t0, |c| c != Cat::CryptoStrike);
        if cands.is_empty() {
            continue;
        }
        let picks: Vec<(usize, u8)> = (0..r.range(3, 8))
            .map(|_| {
                let m = cands[r.below(cands.len())];
                (m, if w.p(m, t0) > 0.5 || r.chance(0.3) { 0 } else { 1 })
            })
            .collect();
        for _ in 0..r.range(5, 30) {
            let Some(t) = life.sample_in(&mut r, 0, 30) else { continue };
            let (m, o) = picks[r.below(picks.len())];
            buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t);
        }
    }
}

fn night_shift_worker(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let tz = *r.pick(&[-5i64, -6, -8]) * HOUR;
        let mut pos = Pos::default();
        let phase = r.range(0, 7);
        let stake = r.lognormal(25.0, 0.6);
        let crypto = r.chance(0.6);
        for day in 0..30i64 {
            let on = (day + phase) % 7 < 4;
            let base = START + day * DAY - tz;
            let slots: Vec<(f64, f64)> = if on { vec![(24.2, 24.8), (27.4, 28.1), (30.8, 32.5)] } else { vec![(17.0, 26.0)] };
            for (a, b) in slots {
                if r.chance(0.35) {
                    continue;
                }
                let mut t = base + (r.uniform(a, b) * HOUR as f64) as i64;
                for _ in 0..r.range(1, 5) {
                    if t <= START || t >= NOW {
                        break;
                    }
                    let m = if crypto && r.chance(0.6) {
                        let s = *r.pick(&[2usize, 3, 4, 0]);
                        w.updown_at(s, t)
                    } else {
                        let mut c = long_at(w, t, |_| true);
                        c.extend(w.games.iter().copied().filter(|&m| w.tradable(m, t)));
                        if c.is_empty() { None } else { Some(c[r.below(c.len())]) }
                    };
                    if let Some(m) = m {
                        let open = pos.get(m, 0).max(pos.get(m, 1));
                        if open >= MIN_SZ && r.chance(0.4) {
                            let o = if pos.get(m, 0) >= MIN_SZ { 0 } else { 1 };
                            sell_frac(ex, &mut pos, id, m, o, 1.0, t);
                        } else {
                            let o = if r.chance(0.55) { if w.p(m, t) >= 0.5 { 0 } else { 1 } } else { r.below(2) as u8 };
                            buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t);
                        }
                    }
                    t += r.range(MIN, 12 * MIN);
                }
            }
        }
    }
}

fn asia_timezone_trader(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let tz = *r.pick(&[8.0, 8.0, 9.0, 7.0]);
        let life = Life::new(&mut r, tz);
        let mut pos = Pos::default();
        let stake = r.lognormal(40.0, 0.8);
        let n = r.range(25, 110);
        for t in life.times_in(&mut r, 0, 30, n) {
            let held = pos.open_at(w, t);
            if !held.is_empty() && r.chance(0.3) {
                let (m, o, _) = held[r.below(held.len())];
                sell_frac(ex, &mut pos, id, m, o, if r.chance(0.7) { 1.0 } else { 0.5 }, t);
                continue;
            }
            let roll = r.f64();
            let m = if roll < 0.25 {
                w.updown_at(*r.pick(&[2usize, 3, 0]), t)
            } else if roll < 0.6 {
                let g: Vec<usize> = w
                    .games
                    .iter()
                    .copied()
                    .filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 - t < 12 * HOUR))
                    .collect();
                if g.is_empty() { None } else { Some(g[r.below(g.len())]) }
            } else {
                let c = long_at(w, t, |_| true);
                if c.is_empty() { None } else { Some(c[r.below(c.len())]) }
            };
            if let Some(m) = m {
                let o = if r.chance(0.6) { if w.p(m, t) >= 0.5 { 0 } else { 1 } } else { r.below(2) as u8 };
                buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t);
            }
        }
    }
}

fn resting_order_user(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let sh = round_shares(&mut r, 150.0);
        for _ in 0..r.range(10, 32) {
            let Some(t) = life.sample_in(&mut r, 0, 29) else { continue };
            let mut c = long_at(w, t, |_| true);
            c.extend(w.games.iter().copied().filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 > t + 2 * HOUR)));
            if c.is_empty() {
                continue;
            }
            let m = c[r.below(c.len())];
            let o = r.below(2) as u8;
            let (bid, _) = w.quote(m, o, t);
            let lim = bid as i64 - r.range(0, 6);
            if lim < 3 {
                continue;
            }
            let size = if r.chance(0.7) { sh } else { round_shares(&mut r, sh) };
            let f = ex.rest(
                &Order { w: id, m, side_o: o, buy: true, c: lim as u8, sh: size, from: t, until: t + r.range(6 * HOUR, 5 * DAY) },
                &mut r,
            );
            let got: u32 = f.iter().map(|x| x.1).sum();
            if got >= MIN_SZ && r.chance(0.6) {
                let tl = f.last().map(|x| x.0).unwrap_or(t);
                let wait = r.range(20 * MIN, 10 * HOUR);
                let Some(t2) = life.next_free(&mut r, tl + wait) else { continue };
                let c2 = (lim + r.range(4, 13)).min(99) as u8;
                ex.rest(
                    &Order { w: id, m, side_o: o, buy: false, c: c2, sh: got as f64 / 100.0, from: t2, until: t2 + r.range(DAY, 7 * DAY) },
                    &mut r,
                );
            }
        }
    }
}

fn manual_copy_follower(ex: &mut Ex, rng: &mut Rng, ws: &[u32], ld: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let mut follow: Vec<usize> = (0..ld.trades.len()).filter(|&k| !ld.crypto[k]).collect();
        r.shuffle(&mut follow);
        follow.truncate(r.range(1, 3) as usize);
        let take_rate = r.uniform(0.3, 0.7);
        let stake = r.lognormal(40.0, 0.7);
        let mut trades: Vec<super::crowd::LTrade> = follow.iter().flat_map(|&k| ld.trades[k].iter().copied()).collect();
        trades.sort_by_key(|x| x.ts);
        for lt in trades {
            if !r.chance(take_rate) {
                continue;
            }
            let seen = lt.ts + r.lognormal(6.0 * 60.0, 1.0) as i64;
            let Some(t) = life.next_free(&mut r, seen) else { continue };
            if !w.tradable(lt.m, t) {
                continue;
            }
            let now = w.po(lt.m, lt.o, t) * 100.0;
            if lt.buy {
                if now - lt.c as f64 > 10.0 {
                    continue;
                }
                buy_usd(ex, &mut pos, id, lt.m, lt.o, round_usd(&mut r, stake), t);
            } else if pos.get(lt.m, lt.o) >= MIN_SZ {
                sell_frac(ex, &mut pos, id, lt.m, lt.o, 1.0, t);
            }
        }
    }
}

fn crypto_updown_gambler(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let base = round_usd(&mut r, 10.0).max(5.0);
        let series = if r.chance(0.7) { 0usize } else { 2 };
        let mut stake = base;
        let k = r.range(6, 16);
        for s0 in life.times_in(&mut r, 0, 30, k) {
            let end = s0 + r.range(30 * MIN, 150 * MIN);
            let mut t = s0;
            while t < end {
                let Some(m) = w.updown_at(series, t) else { break };
                let (ls, le) = w.markets[m].live.unwrap_or((t, t + 900));
                let tt = t.max(ls) + r.range(0, ((le - t.max(ls)) * 3 / 4).max(10));
                if r.chance(0.75) {
                    let s = &w.series[w.updown[series].asset];
                    let chase = s.ret(tt, 300) > 0.0;
                    let o = if r.chance(0.65) == chase { 0 } else { 1 };
                    if buy_usd(ex, &mut pos, id, m, o, stake.round(), tt).is_some() {
                        let later = tt + r.range(60, (le - tt).max(61));
                        if w.po(m, o, later) > 0.8 && r.chance(0.3) {
                            sell_frac(ex, &mut pos, id, m, o, 1.0, later);
                            stake = base;
                        } else if w.markets[m].winner == Some(o) {
                            stake = base;
                        } else {
                            stake = (stake * 2.0).min(base * 16.0);
                        }
                    }
                }
                t = le + r.range(0, 60);
            }
        }
    }
}

fn favorite_grinder(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut pos = Pos::default();
        let hour = r.uniform(7.0, 22.0);
        let sizes = [100.0, 200.0, 250.0, 500.0, 1000.0];
        let max_k = r.range(1, 4) as usize;
        for day in 0..30 {
            if life.away[day as usize] || r.chance(0.15) {
                continue;
            }
            let t = life.at(day, hour + r.normal() * 0.6);
            if t <= START || t >= NOW {
                continue;
            }
            let mut c: Vec<(usize, u8)> = Vec::new();
            for m in 0..w.markets.len() {
                let mk = &w.markets[m];
                if mk.cat.is_updown() || !w.tradable(m, t) || mk.close - t > DAY {
                    continue;
                }
                for o in 0..2u8 {
                    let (_, ask) = w.quote(m, o, t);
                    if (93..=98).contains(&ask) {
                        c.push((m, o));
                    }
                }
            }
            r.shuffle(&mut c);
            let mut tt = t;
            for (m, o) in c.into_iter().take(r.range(1, max_k as i64 + 2) as usize) {
                let usd = sizes[r.below(sizes.len().min(2 + max_k))];
                if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt: Amt::Usd(usd), ts: tt, slip: 1 }) {
                    pos.add(m, o, tk.sz);
                }
                tt += r.range(30, 6 * MIN);
            }
        }
    }
}

fn two_sided_hedger(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let mut pos = Pos::default();
        let stake = r.lognormal(80.0, 0.7);
        for _ in 0..r.range(5, 14) {
            let Some(t) = life.sample_in(&mut r, 0, 29) else { continue };
            let mut c = games_starting(w, t, t + DAY);
            c.extend(long_at(w, t, |c| matches!(c, Cat::Election | Cat::Politics | Cat::Culture)));
            if c.is_empty() {
                continue;
            }
            let m = c[r.below(c.len())];
            let o = r.below(2) as u8;
            let Some(sz) = buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t) else { continue };
            let paid = w.po(m, o, t);
            let close = w.markets[m].close.min(NOW - 1);
            let mut checks: Vec<i64> = (0..r.range(3, 8)).filter_map(|_| life.sample_between(&mut r, t + 20 * MIN, close)).collect();
            checks.sort();
            for tc in checks {
                let now = w.po(m, o, tc);
                if now > paid + 0.08 && pos.get(m, 1 - o) < MIN_SZ {
                    // lock in: buy the other side with the same share count
                    buy_sh(ex, &mut pos, id, m, 1 - o, (sz as f64 / 100.0 * r.uniform(0.5, 1.0)).round().max(5.0), tc);
                } else if now < paid - 0.1 && r.chance(0.6) && pos.get(m, 1 - o) < MIN_SZ {
                    buy_usd(ex, &mut pos, id, m, 1 - o, round_usd(&mut r, stake * 0.6), tc);
                } else if r.chance(0.2) && pos.get(m, o) >= MIN_SZ {
                    sell_frac(ex, &mut pos, id, m, o, 0.5, tc);
                }
            }
        }
    }
}

fn routine_morning_trader(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let mut life = Life::anywhere(&mut r);
        life.wake = r.uniform(5.8, 6.8);
        let mut pos = Pos::default();
        let start_h = r.uniform(7.0, 7.8);
        let usd = *r.pick(&[25.0, 50.0, 100.0]);
        let sh = *r.pick(&[50.0, 100.0, 200.0]);
        let fav: Vec<usize> = {
            let c = long_at(w, START + DAY, |c| c != Cat::CryptoStrike);
            (0..r.range(4, 10)).map(|_| c[r.below(c.len())]).collect()
        };
        for day in 0..30 {
            let t0 = life.at(day, start_h);
            let weekend = life.weekend(t0);
            if life.away[day as usize] || (weekend && r.chance(0.7)) || r.chance(0.08) {
                continue;
            }
            let mut t = if weekend { life.at(day, r.uniform(9.5, 12.0)) } else { t0 + r.range(-8 * MIN, 12 * MIN) };
            for _ in 0..r.range(2, 7) {
                let mut c: Vec<usize> = fav.iter().copied().filter(|&m| w.tradable(m, t)).collect();
                c.extend(long_at(w, t, |c| c == Cat::CryptoStrike).into_iter().take(3));
                if c.is_empty() {
                    break;
                }
                let m = c[r.below(c.len())];
                let held = pos.get(m, 0).max(pos.get(m, 1));
                if held >= MIN_SZ && r.chance(0.35) {
                    let o = if pos.get(m, 0) >= MIN_SZ { 0 } else { 1 };
                    sell_frac(ex, &mut pos, id, m, o, if r.chance(0.5) { 1.0 } else { 0.5 }, t);
                } else {
                    let o = if r.chance(0.6) { if w.p(m, t) > 0.5 { 0 } else { 1 } } else { r.below(2) as u8 };
                    if r.chance(0.5) {
                        buy_usd(ex, &mut pos, id, m, o, usd, t)
                    } else {
                        buy_sh(ex, &mut pos, id, m, o, sh, t)
                    };
                }
                t += r.range(40, 7 * MIN);
            }
        }
    }
}

fn high_volume_degen(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let mut life = Life::us(&mut r);
        life.sleep = r.uniform(25.5, 27.5);
        life.job = None;
        let mut pos = Pos::default();
        let stake = r.lognormal(35.0, 0.9);
        for day in 0..30 {
            if life.away[day as usize] && r.chance(0.7) {
                continue;
            }
            let k = r.range(1, 5);
            for s0 in life.day_times(&mut r, day, k) {
                let mut t = s0;
                for _ in 0..r.range(2, 9) {
                    let held = pos.open_at(w, t);
                    if !held.is_empty() && r.chance(0.4) {
                        let (m, o, _) = held[r.below(held.len())];
                        sell_frac(ex, &mut pos, id, m, o, if r.chance(0.7) { 1.0 } else { r.uniform(0.2, 0.8) }, t);
                    } else {
                        let roll = r.f64();
                        let m = if roll < 0.3 {
                            w.updown_at(*r.pick(&[0usize, 2, 3, 4]), t)
                        } else if roll < 0.7 {
                            let g: Vec<usize> = w
                                .games
                                .iter()
                                .copied()
                                .filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 - t < 6 * HOUR))
                                .collect();
                            if g.is_empty() { None } else { Some(g[r.below(g.len())]) }
                        } else {
                            let c = long_at(w, t, |_| true);
                            if c.is_empty() { None } else { Some(c[r.below(c.len())]) }
                        };
                        if let Some(m) = m {
                            let o = r.below(2) as u8;
                            let amt =
                                if r.chance(0.6) { round_usd(&mut r, stake) } else { (r.lognormal(stake, 0.9) * 100.0).round() / 100.0 };
                            buy_usd(ex, &mut pos, id, m, o, amt.max(2.0), t);
                        }
                    }
                    t += r.lognormal(150.0, 1.0) as i64;
                }
            }
        }
    }
}

fn event_night_bettor(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let election: Vec<usize> = (0..w.markets.len()).filter(|&m| w.markets[m].cat == Cat::Election).collect();
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let mut pos = Pos::default();
        let stake = r.lognormal(80.0, 0.7);
        // the midterm night
        let a = START + 4 * DAY - r.range(0, 2 * HOUR);
        let b = a + r.range(3 * HOUR, 7 * HOUR);
        let mine: Vec<usize> = {
            let mut e = election.clone();
            r.shuffle(&mut e);
            e.truncate(r.range(2, 6) as usize);
            e
        };
        let mut t = a;
        while t < b {
            let m = mine[r.below(mine.len())];
            if w.tradable(m, t) {
                let evs = w.events_between(t - 10 * MIN, t);
                let mv = evs.iter().rev().find(|e| e.m == m).map(|e| e.dp);
                let o = match mv {
                    Some(dp) => {
                        if dp > 0.0 {
                            0
                        } else {
                            1
                        }
                    }
                    None => r.below(2) as u8,
                };
                if pos.get(m, 1 - o) >= MIN_SZ && r.chance(0.5) {
                    sell_frac(ex, &mut pos, id, m, 1 - o, 1.0, t);
                } else {
                    buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake), t);
                }
            }
            t += r.lognormal(9.0 * 60.0, 0.9) as i64;
        }
        // one or two other nights: a big game, a data release, a fight card
        for _ in 0..r.range(0, 3) {
            let g = games_starting(w, START + 5 * DAY, NOW - 5 * HOUR);
            let big: Vec<usize> =
                g.into_iter().filter(|&m| matches!(w.markets[m].cat, Cat::Nfl | Cat::Ufc) && w.markets[m].crowd > 300).collect();
            if big.is_empty() {
                continue;
            }
            let m = big[r.below(big.len())];
            let (ls, le) = w.markets[m].live.unwrap_or((0, 0));
            let mut t = ls - r.range(0, HOUR);
            while t < le {
                let o = if r.chance(0.5) { 0 } else { 1 };
                if pos.get(m, o) >= MIN_SZ && r.chance(0.4) {
                    sell_frac(ex, &mut pos, id, m, o, 1.0, t);
                } else {
                    buy_usd(ex, &mut pos, id, m, o, round_usd(&mut r, stake * 0.5), t);
                }
                t += r.lognormal(15.0 * 60.0, 0.8) as i64;
            }
        }
        let _ = life;
    }
}

fn weather_hobbyist(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let groups: Vec<&Vec<usize>> = w.groups.iter().filter(|g| w.markets[g[0]].cat == Cat::Weather).collect();
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let london = r.chance(0.25);
        let life = if london { Life::new(&mut r, 0.0) } else { Life::us(&mut r) };
        let mut pos = Pos::default();
        let hour = r.uniform(6.5, 9.0);
        let stake = *r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0]);
        for day in 0..30 {
            if life.away[day as usize] || r.chance(0.3) {
                continue;
            }
            let t = life.at(day, hour + r.normal() * 0.4);
            let mine: Vec<&&Vec<usize>> = groups
                .iter()
                .filter(|g| {
                    w.markets[g[0]].title.contains("London") == london && w.tradable(g[0], t) && w.markets[g[0]].close - t < 2 * DAY
                })
                .collect();
            let Some(g) = mine.first() else { continue };
            let mut best: Vec<usize> = g.to_vec();
            best.sort_by(|a, b| w.p(*b, t).partial_cmp(&w.p(*a, t)).unwrap_or(std::cmp::Ordering::Equal));
            let mut tt = t;
            for &m in best.iter().take(r.range(1, 3) as usize) {
                if r.chance(0.7) {
                    buy_usd(ex, &mut pos, id, m, 0, stake, tt);
                } else {
                    buy_sh(ex, &mut pos, id, m, 0, *r.pick(&[10.0, 20.0, 50.0]), tt);
                }
                tt += r.range(20, 4 * MIN);
            }
            if r.chance(0.3)
                && let Some(te) = life.sample_between(&mut r, t + 8 * HOUR, t + 14 * HOUR)
            {
                for &m in best.iter().take(2) {
                    if pos.get(m, 0) >= MIN_SZ && w.p(m, te) < 0.15 {
                        sell_frac(ex, &mut pos, id, m, 0, 1.0, te);
                    }
                }
            }
        }
    }
}
