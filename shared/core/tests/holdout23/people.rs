//! People: how real Polymarket traders behave by hand. Sessions when awake, reaction times of
//! minutes, dollar amounts they type, limit orders at round prices, tilt, cash-outs, gaps of days.

use super::NOW;
use super::agent::Agent;
use super::world::{DAY, ELECTION_NIGHT, HOUR, Kind, League, MIN, START, World};

pub fn us_clock(a: &mut Agent) {
    let tz = a.rng.pick(&[-5, -5, -5, -6, -6, -7, -8, -8]);
    let wake = a.rng.uniform(6.0, 10.0);
    let len = a.rng.uniform(14.5, 17.5);
    a.set_clock(tz, wake, len);
}

pub fn eu_clock(a: &mut Agent) {
    let tz = a.rng.pick(&[0, 0, 1, 1, 1, 2, 3]);
    let wake = a.rng.uniform(6.0, 9.5);
    let len = a.rng.uniform(15.0, 17.5);
    a.set_clock(tz, wake, len);
}

pub fn any_clock(a: &mut Agent) {
    match a.rng.below(10) {
        0..=5 => us_clock(a),
        6..=8 => eu_clock(a),
        _ => {
            let tz = a.rng.pick(&[8, 9, -3, 5, 7]);
            let wake = a.rng.uniform(7.0, 10.5);
            let len = a.rng.uniform(15.0, 17.5);
            a.set_clock(tz, wake, len);
        }
    }
}

fn open_at(w: &World, list: &[usize], t: i64) -> Vec<usize> {
    list.iter().copied().filter(|&m| w.is_open(m, t)).collect()
}

fn league_of(w: &World, m: usize) -> Option<League> {
    match w.markets[m].kind {
        Kind::Game(l) => Some(l),
        _ => None,
    }
}

fn fav_or(a: &mut Agent, m: usize, t: i64, p_fav: f64) -> usize {
    let lead = a.w.leader_o(m, t);
    if a.rng.chance(p_fav) { lead } else { 1 - lead }
}

/// A person following one game: maybe a pre-game bet, then reacting to what happens.
fn watch_game(a: &mut Agent, g: usize, stake: f64, react_p: f64) {
    let w = a.w;
    let (start, end) = w.markets[g].live;
    let mut side: Option<usize> = None;
    if a.rng.chance(0.45) {
        let t = start - a.human_delay(1_800.0);
        let o = fav_or(a, g, t, 0.62);
        let usd = a.nice_usd(stake, 0.6);
        let lv = if usd > 300.0 { 2 } else { 1 };
        if a.buy_usd(g, o, t, usd, lv) > 0 {
            side = Some(o);
        }
    }
    let join = start + a.rng.range(0, (end - start) / 3);
    let events: Vec<(i64, f32)> = w.markets[g].events.clone();
    for (te, dp) in events {
        if te < join || te > end || dp.abs() < 0.04 || !a.rng.chance(react_p) {
            continue;
        }
        let t = te + a.human_delay(75.0);
        let up = if dp > 0.0 { 0 } else { 1 };
        match side {
            None => {
                let o = if a.rng.chance(0.65) { up } else { 1 - up };
                let usd = a.nice_usd(stake, 0.6);
                if a.buy_usd(g, o, t, usd, 1) > 0 {
                    side = Some(o);
                }
            }
            Some(o) if o != up => {
                if a.rng.chance(0.4) {
                    if a.sell_all(g, o, t, 2) > 0 {
                        side = None;
                    }
                } else if a.rng.chance(0.4) {
                    let usd = a.nice_usd(stake * 0.8, 0.5);
                    a.buy_usd(g, o, t, usd, 1);
                }
            }
            Some(o) => {
                if a.rng.chance(0.35) {
                    a.sell_part(g, o, t, a.rng.uniform(0.4, 0.7), 1);
                } else if a.rng.chance(0.3) {
                    let usd = a.nice_usd(stake, 0.5);
                    a.buy_usd(g, o, t, usd, 1);
                }
            }
        }
    }
    for _ in 0..a.rng.range(0, 2) {
        let t = a.rng.range(join, end);
        let o = side.unwrap_or_else(|| a.w.leader_o(g, t));
        let usd = a.nice_usd(stake * 0.7, 0.6);
        if a.buy_usd(g, o, t, usd, 1) > 0 {
            side = Some(o);
        }
    }
    if let Some(o) = side {
        if a.rng.chance(0.3) {
            let t = end - a.rng.range(60, 900);
            if w.mid(g, o, t) >= 85 {
                a.sell_all(g, o, t, 2);
            }
        }
    }
}

pub fn inplay_sports_bettor(a: &mut Agent, i: usize) {
    let eu = i % 3 == 2;
    let leagues: Vec<League> = if eu {
        eu_clock(a);
        let mut v = vec![League::Epl, League::Ucl];
        if a.rng.chance(0.5) {
            v.push(League::LaLiga);
        }
        if a.rng.chance(0.4) {
            v.push(League::SerieA);
        }
        if a.rng.chance(0.3) {
            v.push(League::Tennis);
        }
        v
    } else {
        us_clock(a);
        let mut v: Vec<League> = [League::Nba, League::Nfl, League::Nhl, League::Cfb].into_iter().filter(|_| a.rng.chance(0.55)).collect();
        if v.is_empty() {
            v.push(League::Nba);
        }
        if a.rng.chance(0.25) {
            v.push(League::Ufc);
        }
        v
    };
    let day_p = a.rng.uniform(0.3, 0.85);
    let stake = a.rng.lognormal(40.0, 0.9);
    let react = a.rng.uniform(0.3, 0.7);
    for d in 0..=30 {
        let day = a.local_midnight(d);
        let weekend = a.local_weekday(day + 12 * HOUR) >= 5;
        if !a.rng.chance(if weekend { (day_p * 1.3).min(0.95) } else { day_p }) {
            continue;
        }
        let games: Vec<usize> =
            a.w.games_starting(day + 10 * HOUR, day + 34 * HOUR)
                .iter()
                .copied()
                .filter(|&g| league_of(a.w, g).is_some_and(|l| leagues.contains(&l)) && a.is_awake(a.w.markets[g].live.0 + 30 * MIN))
                .collect();
        if games.is_empty() {
            continue;
        }
        let k = a.rng.range(1, 3.min(games.len() as i64)) as usize;
        let mut picks = games.clone();
        a.rng.shuffle(&mut picks);
        for &g in picks.iter().take(k) {
            watch_game(a, g, stake, react);
        }
    }
}

pub fn crypto_updown_gambler(a: &mut Agent, _i: usize) {
    any_clock(a);
    let day_p = a.rng.uniform(0.25, 0.8);
    let stake0 = a.rng.lognormal(20.0, 0.8).max(2.0);
    let tilt = a.rng.uniform(0.0, 0.6);
    let hourly = a.rng.chance(0.3);
    let asset = *[0usize, 0, 0, 1, 2, 3].get(a.rng.below(6)).unwrap();
    let momentum = a.rng.uniform(0.35, 0.75);
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        let sessions = 1 + a.rng.chance(0.35) as usize;
        for _ in 0..sessions {
            let t0 = a.awake_time(d, 0.6);
            let len = (a.rng.lognormal(50.0 * 60.0, 0.6) as i64).clamp(10 * MIN, 4 * HOUR);
            let mut t = t0;
            let mut stake = stake0;
            while t < t0 + len && t < NOW {
                let m = if hourly { a.w.window60(asset, t) } else { a.w.window15(asset, t) };
                let Some(m) = m else { break };
                let (start, close) = a.w.markets[m].live;
                if a.rng.chance(0.72) {
                    let te = t.max(start + a.rng.range(15, (close - start) / 2)) + a.rng.range(0, 40);
                    let extreme = !(8..=92).contains(&a.w.mid(m, 0, te)) && a.rng.chance(0.85);
                    if te < close - 30 && !extreme {
                        let lead = a.w.leader_o(m, te);
                        let o = if a.rng.chance(momentum) { lead } else { 1 - lead };
                        let usd = if stake < 20.0 { stake.round().max(1.0) } else { (stake / 5.0).round() * 5.0 };
                        if a.buy_usd(m, o, te, usd, 1) > 0 {
                            if a.rng.chance(0.2) {
                                let tx = te + a.rng.range(60, (close - te - 10).max(61));
                                let c = a.w.mid(m, o, tx);
                                if c >= 80 || c <= 20 {
                                    a.sell_all(m, o, tx, 1);
                                }
                            }
                            if let Some(win) = a.w.markets[m].winner {
                                if win != o && a.rng.chance(tilt) {
                                    stake = (stake * 2.0).min(stake0 * 8.0);
                                } else if win == o {
                                    stake = stake0;
                                }
                            }
                        }
                    }
                }
                t = close + a.rng.range(0, 150);
                if a.rng.chance(0.12) {
                    t += a.rng.range(10 * MIN, 40 * MIN);
                }
            }
        }
    }
}

pub fn manual_favourite_buyer(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.7) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let day_p = a.rng.uniform(0.35, 0.9);
    let stake = a.rng.lognormal(600.0, 0.8);
    let lo = a.rng.range(84, 90);
    let hi = a.rng.range(94, 97);
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        let mut t = a.awake_time(d, 0.3);
        for _ in 0..a.rng.range(1, 6) {
            let w = a.w;
            let cands: Vec<(usize, usize)> = w
                .closing(t + 20 * MIN, t + 30 * HOUR)
                .iter()
                .copied()
                .filter(|&m| w.is_open(m, t))
                .filter_map(|m| {
                    let o = w.leader_o(m, t);
                    let c = w.ask(m, o, t);
                    (c >= lo && c <= hi).then_some((m, o))
                })
                .collect();
            if cands.is_empty() {
                break;
            }
            let (m, o) = a.rng.pick(&cands);
            let usd = a.nice_usd(stake, 0.5);
            let lv = if usd >= 1000.0 { 2 } else { 1 };
            if a.buy_usd(m, o, t, usd, lv) > 0 && a.rng.chance(0.5) {
                let t2 = t + a.rng.range(HOUR, 5 * HOUR);
                if a.is_awake(t2) && a.w.is_open(m, t2) && a.w.mid(m, o, t2) < 65 {
                    a.sell_all(m, o, t2, 1);
                }
            }
            t += a.human_delay(200.0);
        }
    }
}

pub fn casual_bettor(a: &mut Agent, _i: usize) {
    any_clock(a);
    let mut n = 1;
    while n < 14 && a.rng.chance(0.78) {
        n += 1;
    }
    for _ in 0..n {
        let d = a.rng.range(0, 30);
        let t = a.awake_time(d, 0.7);
        let w = a.w;
        let m = match a.rng.below(10) {
            0..=3 => {
                let gs = w.games_starting(t + 10 * MIN, t + 20 * HOUR);
                if gs.is_empty() {
                    continue;
                }
                let ws: Vec<f64> = gs.iter().map(|&g| w.markets[g].heat).collect();
                gs[a.rng.weighted(&ws)]
            }
            4 | 5 => {
                let mut l = w.elections.clone();
                l.extend(w.politics.iter().copied());
                a.rng.pick(&l)
            }
            6 => a.rng.pick(&w.culture),
            7 => a.rng.pick(&w.news),
            _ => match w.window60(0, t) {
                Some(m) => m,
                None => continue,
            },
        };
        if !w.is_open(m, t) {
            continue;
        }
        let o = fav_or(a, m, t, 0.55);
        let usd = a.nice_usd(20.0, 0.7);
        if a.buy_usd(m, o, t, usd, 1) > 0 && a.rng.chance(0.2) {
            let t2 = a.next_awake(t + a.rng.range(HOUR, 5 * DAY));
            a.sell_all(m, o, t2, 1);
        }
    }
}

pub fn politics_heavy_trader(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.8) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let w = a.w;
    let mut pool: Vec<usize> = w.elections.clone();
    pool.extend(w.elections.iter().copied());
    pool.extend(w.politics.iter().copied());
    pool.extend(w.news.iter().take(6).copied());
    let nm = a.rng.range(6, 18) as usize;
    let mut mine: Vec<usize> = Vec::new();
    while mine.len() < nm {
        let m = a.rng.pick(&pool);
        if !mine.contains(&m) {
            mine.push(m);
        }
    }
    let day_p = a.rng.uniform(0.55, 0.95);
    let stake = a.rng.lognormal(700.0, 0.9);
    let limit_p = a.rng.uniform(0.1, 0.4);
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        for _ in 0..a.rng.range(1, 3) {
            let mut t = a.awake_time(d, 0.4);
            for _ in 0..a.rng.range(2, 10) {
                let open = open_at(w, &mine, t);
                if open.is_empty() {
                    break;
                }
                let m = a.rng.pick(&open);
                let held: Vec<usize> = (0..2).filter(|&o| a.held(m, o) > 0).collect();
                if !held.is_empty() && a.rng.chance(0.35) {
                    let o = held[0];
                    let f = if a.rng.chance(0.5) { 1.0 } else { a.rng.uniform(0.3, 0.7) };
                    a.sell_part(m, o, t, f, 2);
                } else if a.rng.chance(limit_p) {
                    let o = fav_or(a, m, t, 0.55);
                    let c = w.bid(m, o, t) - a.rng.range(1, 3);
                    let size = a.nice_shares(stake / 0.5, 0.8);
                    if c >= 2 {
                        if let Some(tc) = w.first_cross(m, o, t + 60, t + 3 * DAY, c, false) {
                            let h1 = if a.rng.chance(0.6) { size } else { (size as f64 * a.rng.uniform(0.3, 0.9)) as i64 };
                            a.make(m, o, true, tc + a.rng.range(0, 100), c, h1);
                        }
                    }
                } else {
                    let o = fav_or(a, m, t, 0.55);
                    let usd = a.nice_usd(stake, 0.9);
                    let lv = if usd > 2_000.0 { 3 } else { 1 };
                    a.buy_usd(m, o, t, usd, lv);
                }
                t += a.human_delay(150.0);
            }
        }
    }
    // Election night: up late, trading the swings.
    if a.rng.chance(0.8) {
        let mut t = ELECTION_NIGHT - a.rng.range(0, HOUR);
        let stop = ELECTION_NIGHT + a.rng.range(3 * HOUR, 8 * HOUR);
        let live: Vec<usize> = w.elections.clone();
        while t < stop {
            let m = a.rng.pick(&live);
            if w.is_open(m, t) {
                let o = a.w.leader_o(m, t);
                if a.held(m, 1 - o) > 0 && a.rng.chance(0.5) {
                    a.sell_all(m, 1 - o, t, 2);
                } else {
                    let usd = a.nice_usd(stake, 0.8);
                    a.buy_usd(m, o, t, usd, 2);
                }
            }
            t += a.human_delay(420.0);
        }
    }
}

pub fn resting_limit_orders(a: &mut Agent, _i: usize) {
    any_clock(a);
    let w = a.w;
    let mut pool: Vec<usize> = w.politics.clone();
    pool.extend(w.news.iter().copied());
    pool.extend(w.culture.iter().copied());
    pool.extend(w.elections.iter().copied());
    pool.extend(w.macro_.iter().copied());
    let size_med = a.rng.lognormal(400.0, 0.9);
    let round5 = a.rng.uniform(0.4, 0.9);
    for _ in 0..a.rng.range(8, 30) {
        let d = a.rng.range(0, 28);
        let t = a.awake_time(d, 0.3);
        let use_game = a.rng.chance(0.25);
        let m = if use_game {
            let gs = w.games_starting(t + 3 * HOUR, t + 30 * HOUR);
            if gs.is_empty() {
                continue;
            }
            a.rng.pick(gs)
        } else {
            a.rng.pick(&pool)
        };
        if !w.is_open(m, t) {
            continue;
        }
        let o = a.rng.below(2);
        let cur = w.mid(m, o, t);
        if cur < 8 {
            continue;
        }
        let mut level = cur - a.rng.range(1, 7);
        if a.rng.chance(round5) {
            level = (level / 5) * 5;
        }
        if level < 2 {
            continue;
        }
        let size = a.nice_shares(size_med, 0.8);
        let expiry = if use_game { w.markets[m].live.0 } else { t + a.rng.range(DAY, 14 * DAY) };
        let Some(tc) = w.first_cross(m, o, t + 60, expiry, level, false) else { continue };
        let parts = a.rng.range(1, 4);
        let mut left = size;
        let mut tf = tc + a.rng.range(0, 120);
        for k in 0..parts {
            let part = if k == parts - 1 { left } else { ((left as f64) * a.rng.uniform(0.2, 0.7)) as i64 };
            if part < 500 {
                break;
            }
            if !w.is_open(m, tf) || w.mid(m, o, tf) > level + 2 {
                break;
            }
            a.make(m, o, true, tf, level, part);
            left -= part;
            tf += a.rng.exp(900.0) as i64 + 5;
        }
        if a.held(m, o) > 0 && a.rng.chance(0.55) {
            let mut up = level + a.rng.range(5, 20);
            if a.rng.chance(round5) {
                up = (up / 5) * 5;
            }
            if up <= 98 {
                if let Some(tu) = w.first_cross(m, o, tf + 60, tf + 20 * DAY, up, true) {
                    let h = a.held(m, o);
                    if a.rng.chance(0.5) || h < 1000 {
                        a.make(m, o, false, tu + a.rng.range(0, 60), up, h);
                    } else {
                        let first = h / 2 + a.rng.range(0, h / 4);
                        a.make(m, o, false, tu + a.rng.range(0, 60), up, first);
                        let rest = a.held(m, o);
                        a.make(m, o, false, tu + a.rng.range(300, 7_200), up, rest);
                    }
                }
            }
        }
    }
}

pub fn hand_whale_copier(a: &mut Agent, i: usize) {
    let choices = [0usize, 1, 2, 3, 4, 6, 7, 8];
    let li = choices[i % choices.len()];
    if li == 1 || li == 6 {
        eu_clock(a)
    } else {
        us_clock(a)
    }
    let copy_p = a.rng.uniform(0.3, 0.7);
    let stake = a.rng.lognormal(60.0, 0.8);
    let morning_catchup = a.rng.uniform(0.2, 0.6);
    let moves = a.w.leaders[li].moves.clone();
    for mv in moves {
        if mv.buy {
            if !a.rng.chance(copy_p) {
                continue;
            }
            let mut t = mv.t + a.human_delay(1_200.0);
            if !a.is_awake(t) {
                if !a.rng.chance(morning_catchup) {
                    continue;
                }
                t = a.next_awake(t) + a.rng.range(5 * MIN, HOUR);
            }
            let usd = a.nice_usd(stake, 0.5);
            a.buy_usd(mv.m, mv.o, t, usd, 1);
        } else if a.held(mv.m, mv.o) > 0 && a.rng.chance(0.6) {
            let t = a.next_awake(mv.t + a.human_delay(1_200.0));
            a.sell_all(mv.m, mv.o, t, 1);
        }
    }
}

pub fn weather_bracket_player(a: &mut Agent, _i: usize) {
    let home = a.rng.below(3);
    let cities: Vec<usize> = match home {
        0 => {
            us_clock(a);
            let mut v: Vec<usize> = (0..5).filter(|_| a.rng.chance(0.4)).collect();
            if v.is_empty() {
                v.push(0);
            }
            v
        }
        1 => {
            eu_clock(a);
            if a.rng.chance(0.5) { vec![5, 0] } else { vec![5] }
        }
        _ => {
            a.set_clock(9, a.rng.uniform(7.0, 9.0), a.rng.uniform(15.0, 17.0));
            if a.rng.chance(0.5) { vec![6, 5] } else { vec![6] }
        }
    };
    let day_p = a.rng.uniform(0.3, 0.8);
    let stake = a.rng.lognormal(15.0, 0.8);
    let w = a.w;
    for g in &w.weather {
        if !cities.contains(&g.city) || !a.rng.chance(day_p) {
            continue;
        }
        let t = a.next_awake(g.live.0 - a.rng.range(0, 20 * HOUR));
        if t >= g.live.1 {
            continue;
        }
        let mut ms: Vec<(usize, f64)> = g.markets.iter().map(|&m| (m, w.prob(m, t))).collect();
        ms.sort_by(|x, y| y.1.total_cmp(&x.1));
        let take = a.rng.range(1, 3) as usize;
        let mut bought = Vec::new();
        for &(m, p) in ms.iter().take(take) {
            if p < 0.05 {
                continue;
            }
            let usd = a.nice_usd(stake, 0.5);
            let tt = t + a.rng.range(5, 90);
            if a.buy_usd(m, 0, tt, usd, 1) > 0 {
                bought.push(m);
            }
        }
        if a.rng.chance(0.15) {
            if let Some(&(m, _)) = ms.iter().find(|x| x.1 > 0.05 && x.1 < 0.2) {
                let usd = a.nice_usd(stake * 2.0, 0.5);
                a.buy_usd(m, 1, t + a.rng.range(60, 300), usd, 1);
            }
        }
        if a.rng.chance(0.3) {
            let t2 = t + a.rng.range(2 * HOUR, 10 * HOUR);
            if a.is_awake(t2) {
                for &m in &bought {
                    if w.is_open(m, t2) && w.prob(m, t2) < 0.15 {
                        a.sell_all(m, 0, t2 + a.rng.range(0, 40), 1);
                    }
                }
            }
        }
    }
}

pub fn mention_market_player(a: &mut Agent, _i: usize) {
    us_clock(a);
    let event_p = a.rng.uniform(0.35, 0.8);
    let stake = a.rng.lognormal(40.0, 0.8);
    let w = a.w;
    for g in &w.mentions {
        if !a.rng.chance(event_p) || !a.is_awake(g.live.0) {
            continue;
        }
        let t = g.live.0 - a.human_delay(2_400.0);
        let mut words = g.markets.clone();
        a.rng.shuffle(&mut words);
        for &m in words.iter().take(a.rng.range(2, 5) as usize) {
            let p = w.prob(m, t);
            let tt = t + a.rng.range(5, 120);
            if (0.25..0.85).contains(&p) {
                let usd = a.nice_usd(stake, 0.6);
                a.buy_usd(m, 0, tt, usd, 1);
            } else if (0.08..0.25).contains(&p) && a.rng.chance(0.5) {
                let usd = a.nice_usd(stake, 0.6);
                a.buy_usd(m, 1, tt, usd, 1);
            }
        }
        for &m in &g.markets {
            let evs = w.markets[m].events.clone();
            for (te, _) in evs {
                if a.held(m, 0) > 0 && a.rng.chance(0.6) {
                    let t2 = te + a.human_delay(60.0);
                    a.sell_all(m, 0, t2, 1);
                } else if a.held(m, 0) == 0 && a.rng.chance(0.2) {
                    let usd = a.nice_usd(stake, 0.5);
                    a.buy_usd(m, 0, te + a.human_delay(45.0), usd, 1);
                }
            }
        }
        for _ in 0..a.rng.range(0, 3) {
            let m = a.rng.pick(&g.markets);
            let t3 = a.rng.range(g.live.0, g.live.1);
            if w.is_open(m, t3) && w.prob(m, t3) < 0.3 {
                let usd = a.nice_usd(stake, 0.5);
                a.buy_usd(m, 1, t3, usd, 1);
            }
        }
    }
}

pub fn news_swing_trader(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.6) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let w = a.w;
    let mut pool = w.news.clone();
    pool.extend(w.politics.iter().copied());
    let mut mine = Vec::new();
    let nm = a.rng.range(4, 10) as usize;
    while mine.len() < nm {
        let m = a.rng.pick(&pool);
        if !mine.contains(&m) {
            mine.push(m);
        }
    }
    let stake = a.rng.lognormal(300.0, 0.9);
    let follow = a.rng.uniform(0.55, 0.85);
    for &m in &mine {
        let evs = w.markets[m].events.clone();
        for (te, dp) in evs {
            if dp.abs() < 0.03 || !a.rng.chance(0.5) {
                continue;
            }
            let mut t = te + a.human_delay(1_500.0);
            if !a.is_awake(t) {
                t = a.next_awake(t) + a.human_delay(1_200.0);
            }
            let up = if dp > 0.0 { 0 } else { 1 };
            let o = if a.rng.chance(follow) { up } else { 1 - up };
            let usd = a.nice_usd(stake, 0.8);
            let lv = if usd > 1_500.0 { 2 } else { 1 };
            if a.buy_usd(m, o, t, usd, lv) > 0 && a.rng.chance(0.6) {
                let t2 = a.next_awake(t + a.rng.range(6 * HOUR, 8 * DAY));
                a.sell_all(m, o, t2, 1);
            }
        }
    }
    for _ in 0..a.rng.range(2, 6) {
        let t = a.awake_time(a.rng.range(0, 29), 0.4);
        let m = a.rng.pick(&mine);
        if w.is_open(m, t) {
            let o = fav_or(a, m, t, 0.5);
            let usd = a.nice_usd(stake, 0.8);
            a.buy_usd(m, o, t, usd, 1);
        }
    }
}

pub fn macro_data_trader(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.75) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let stake = a.rng.lognormal(1_500.0, 0.9);
    let w = a.w;
    for g in &w.releases {
        if !a.rng.chance(0.75) {
            continue;
        }
        let release = g.live.0 + HOUR;
        if release > NOW {
            // Still weeks out: trade it after the data days.
            for _ in 0..a.rng.range(1, 4) {
                let t = a.awake_time(a.rng.range(0, 29), 0.3);
                let m = a.rng.pick(&g.markets);
                if w.is_open(m, t) && w.prob(m, t) > 0.1 {
                    let o = fav_or(a, m, t, 0.6);
                    let usd = a.nice_usd(stake, 0.7);
                    a.buy_usd(m, o, t, usd, 2);
                }
            }
            continue;
        }
        let t1 = a.next_awake(release - a.rng.range(DAY, 5 * DAY));
        let mut cands: Vec<usize> = g.markets.iter().copied().filter(|&m| w.is_open(m, t1) && w.prob(m, t1) > 0.15).collect();
        if cands.is_empty() {
            continue;
        }
        cands.sort_by(|x, y| w.prob(*y, t1).total_cmp(&w.prob(*x, t1)));
        let m = if a.rng.chance(0.6) { cands[0] } else { a.rng.pick(&cands) };
        let usd = a.nice_usd(stake, 0.7);
        let lv = a.rng.range(1, 3) as usize;
        a.buy_usd(m, 0, t1, usd, lv);
        let t2 = release - a.rng.range(10 * MIN, 3 * HOUR);
        if a.is_awake(t2) && a.rng.chance(0.6) {
            let usd = a.nice_usd(stake * 0.7, 0.6);
            a.buy_usd(m, 0, t2, usd, 2);
        }
        let t3 = release + a.human_delay(150.0);
        if a.is_awake(t3) && a.rng.chance(0.5) {
            let c = w.mid(m, 0, t3);
            if c <= 10 && a.rng.chance(0.4) {
                a.sell_all(m, 0, t3, 1);
            } else if c >= 90 && a.rng.chance(0.3) {
                let usd = a.nice_usd(stake * 0.5, 0.5);
                a.buy_usd(m, 0, t3, usd, 1);
            }
        }
    }
}

pub fn longshot_buyer(a: &mut Agent, _i: usize) {
    any_clock(a);
    let day_p = a.rng.uniform(0.25, 0.7);
    let stake = a.rng.lognormal(8.0, 0.6);
    let max_c = a.rng.range(4, 9);
    let w = a.w;
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        let mut t = a.awake_time(d, 0.5);
        for _ in 0..a.rng.range(1, 4) {
            for _try in 0..40 {
                let m = match a.rng.below(6) {
                    0 | 1 => {
                        let gs = w.games_starting(t - 4 * HOUR, t + 12 * HOUR);
                        if gs.is_empty() {
                            continue;
                        }
                        a.rng.pick(gs)
                    }
                    2 => a.rng.pick(&w.politics),
                    3 => a.rng.pick(&w.elections),
                    4 => a.rng.pick(&w.news),
                    _ => {
                        let gs = w.closing(t + HOUR, t + 2 * DAY);
                        if gs.is_empty() {
                            continue;
                        }
                        a.rng.pick(gs)
                    }
                };
                if !w.is_open(m, t) {
                    continue;
                }
                let o = 1 - w.leader_o(m, t);
                let c = w.ask(m, o, t);
                if c <= max_c {
                    let usd = a.nice_usd(stake, 0.6);
                    a.buy_usd(m, o, t, usd, 1);
                    break;
                }
            }
            t += a.human_delay(240.0);
        }
    }
}

pub fn conviction_whale(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.6) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let w = a.w;
    let mut pool = w.elections.clone();
    pool.extend(w.politics.iter().copied());
    pool.extend(w.macro_.iter().copied());
    pool.extend(w.news.iter().copied());
    let stake = a.rng.lognormal(20_000.0, 0.8);
    let nm = a.rng.range(2, 5);
    for _ in 0..nm {
        let m = a.rng.pick(&pool);
        let mut days: Vec<i64> = (0..a.rng.range(1, 5)).map(|_| a.rng.range(0, 29)).collect();
        days.sort();
        let mut side: Option<usize> = None;
        for d in days {
            let t = a.awake_time(d, 0.3);
            if !w.is_open(m, t) {
                continue;
            }
            let o = *side.get_or_insert_with(|| {
                let p = w.prob(m, t);
                if (0.25..0.75).contains(&p) { if p < 0.5 { 0 } else { 1 } } else { w.leader_o(m, t) }
            });
            let usd = a.nice_usd(stake, 0.7);
            let lv = a.rng.range(2, 5) as usize;
            a.buy_usd(m, o, t, usd, lv);
        }
        if let Some(o) = side {
            if a.rng.chance(0.25) {
                let t = a.awake_time(a.rng.range(10, 30), 0.3);
                if t <= NOW {
                    a.sell_part(m, o, t, a.rng.uniform(0.3, 0.6), 2);
                }
            }
        }
    }
}

pub fn culture_fan(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.7) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let w = a.w;
    let mut mine = Vec::new();
    let nm = a.rng.range(2, 6) as usize;
    while mine.len() < nm {
        let m = a.rng.pick(&w.culture);
        if !mine.contains(&m) {
            mine.push(m);
        }
    }
    let stake = a.rng.lognormal(30.0, 0.8);
    for _ in 0..a.rng.range(3, 20) {
        let t = a.awake_time(a.rng.range(0, 30), 1.5);
        let m = a.rng.pick(&mine);
        if !w.is_open(m, t) {
            continue;
        }
        if a.held(m, 0) > 0 && a.rng.chance(0.25) {
            a.sell_all(m, 0, t, 1);
        } else if a.held(m, 1) > 0 && a.rng.chance(0.25) {
            a.sell_all(m, 1, t, 1);
        } else {
            let o = fav_or(a, m, t, 0.5);
            let usd = a.nice_usd(stake, 0.7);
            a.buy_usd(m, o, t, usd, 1);
        }
    }
    // Some watch the Thanksgiving broadcast or a live show and bet a word or two.
    if a.rng.chance(0.3) {
        if let Some(g) = w.mentions.iter().find(|g| g.name.contains("Thanksgiving Day")) {
            let t = g.live.0 + a.rng.range(5 * MIN, 50 * MIN);
            if a.is_awake(t) {
                let m = a.rng.pick(&g.markets);
                let usd = a.nice_usd(stake, 0.5);
                a.buy_usd(m, 0, t.min(NOW), usd, 1);
            }
        }
    }
}

pub fn weekend_warrior(a: &mut Agent, i: usize) {
    let eu = i % 4 == 3;
    let leagues: Vec<League> = if eu {
        eu_clock(a);
        vec![League::Epl, League::LaLiga, League::SerieA]
    } else {
        us_clock(a);
        vec![League::Nfl, League::Cfb, League::Nba, League::Nhl, League::Ufc]
    };
    let day_p = a.rng.uniform(0.6, 0.95);
    let stake = a.rng.lognormal(60.0, 0.8);
    for d in 0..=30 {
        let day = a.local_midnight(d);
        if a.local_weekday(day + 12 * HOUR) < 5 || !a.rng.chance(day_p) {
            continue;
        }
        let w = a.w;
        let games: Vec<usize> = w
            .games_starting(day + 9 * HOUR, day + DAY)
            .iter()
            .copied()
            .filter(|&g| league_of(w, g).is_some_and(|l| leagues.contains(&l)))
            .collect();
        if games.is_empty() {
            continue;
        }
        let mut t = day + a.wake + a.rng.range(HOUR, 4 * HOUR);
        for _ in 0..a.rng.range(2, 10) {
            let g = a.rng.pick(&games);
            let (start, end) = w.markets[g].live;
            let tt = if a.rng.chance(0.65) { t.min(start - 60) } else { a.rng.range(start, end) };
            if a.local_weekday(tt) < 5 || !a.is_awake(tt) {
                t += a.human_delay(900.0);
                continue;
            }
            let held: Vec<usize> = (0..2).filter(|&o| a.held(g, o) > 0).collect();
            if !held.is_empty() && tt >= start && a.rng.chance(0.3) {
                a.sell_all(g, held[0], tt, 1);
            } else {
                let o = fav_or(a, g, tt, 0.6);
                let usd = a.nice_usd(stake, 0.6);
                a.buy_usd(g, o, tt, usd, 1);
            }
            t += a.human_delay(900.0);
        }
    }
}

pub fn asia_night_owl(a: &mut Agent, _i: usize) {
    let tz = a.rng.pick(&[8, 8, 9, 7]);
    a.set_clock(tz, a.rng.uniform(10.5, 13.0), a.rng.uniform(15.0, 16.5));
    let day_p = a.rng.uniform(0.5, 0.9);
    let stake = a.rng.lognormal(50.0, 0.9);
    let w = a.w;
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        for _ in 0..a.rng.range(1, 2) {
            let mut t = a.awake_time(d, 1.2);
            for _ in 0..a.rng.range(2, 7) {
                match a.rng.below(5) {
                    0 | 1 => {
                        let asset = if a.rng.chance(0.7) { 0 } else { 1 };
                        let m = if a.rng.chance(0.5) { w.window15(asset, t) } else { w.window60(asset, t) };
                        if let Some(m) = m {
                            let o = fav_or(a, m, t, 0.55);
                            let usd = a.nice_usd(stake, 0.6);
                            a.buy_usd(m, o, t, usd, 1);
                        }
                    }
                    2 | 3 => {
                        let gs: Vec<usize> = w
                            .games_starting(t - 2 * HOUR, t + 6 * HOUR)
                            .iter()
                            .copied()
                            .filter(|&g| {
                                matches!(league_of(w, g), Some(League::Esports | League::Epl | League::Nba | League::Ucl | League::Tennis))
                            })
                            .collect();
                        if !gs.is_empty() {
                            let g = a.rng.pick(&gs);
                            if a.held(g, 0) + a.held(g, 1) > 0 && a.rng.chance(0.3) {
                                let o = if a.held(g, 0) > 0 { 0 } else { 1 };
                                a.sell_all(g, o, t, 1);
                            } else {
                                let o = fav_or(a, g, t, 0.6);
                                let usd = a.nice_usd(stake, 0.6);
                                a.buy_usd(g, o, t, usd, 1);
                            }
                        }
                    }
                    _ => {
                        let m = a.rng.pick(&w.politics);
                        if w.is_open(m, t) {
                            let o = fav_or(a, m, t, 0.5);
                            let usd = a.nice_usd(stake, 0.7);
                            a.buy_usd(m, o, t, usd, 1);
                        }
                    }
                }
                t += a.human_delay(300.0);
            }
        }
    }
}

pub fn student_tiny_stakes(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.7) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    a.wake = (a.rng.uniform(9.0, 11.5) * 3600.0) as i64;
    a.awake = (a.rng.uniform(16.0, 17.5) * 3600.0) as i64;
    let day_p = a.rng.uniform(0.2, 0.6);
    let w = a.w;
    for d in 0..=30 {
        let day = a.local_midnight(d);
        let weekend = a.local_weekday(day + 12 * HOUR) >= 5;
        if !a.rng.chance(if weekend { day_p + 0.2 } else { day_p }) {
            continue;
        }
        let mut t = a.awake_time(d, 1.5);
        for _ in 0..a.rng.range(1, 5) {
            let m = match a.rng.below(8) {
                0..=2 => w.window15(0, t),
                3..=5 => {
                    let gs = w.games_starting(t - 2 * HOUR, t + 8 * HOUR);
                    if gs.is_empty() { None } else { Some(a.rng.pick(gs)) }
                }
                6 => Some(a.rng.pick(&w.culture)),
                _ => {
                    let g = &w.mentions[a.rng.below(w.mentions.len())];
                    Some(a.rng.pick(&g.markets))
                }
            };
            if let Some(m) = m {
                if w.is_open(m, t) {
                    let o = fav_or(a, m, t, 0.5);
                    let usd = a.rng.pick(&[1.0, 1.0, 2.0, 2.0, 3.0, 5.0, 5.0, 1.5, 2.5, 4.0]);
                    let ask = w.ask(m, o, t);
                    let h = Agent::shares_for(usd, ask);
                    let h = if h < 500 { 500 } else { h };
                    a.take(m, o, true, t, h, 1);
                }
            }
            t += a.human_delay(400.0);
        }
    }
}

pub fn arb_minded_human(a: &mut Agent, _i: usize) {
    if a.rng.chance(0.6) {
        us_clock(a)
    } else {
        eu_clock(a)
    }
    let day_p = a.rng.uniform(0.2, 0.6);
    let w = a.w;
    for d in 0..=30 {
        if !a.rng.chance(day_p) {
            continue;
        }
        for _ in 0..a.rng.range(1, 3) {
            let t = a.awake_time(d, 0.5);
            let m = if a.rng.chance(0.6) {
                let gs: Vec<usize> = w.games_starting(t - 3 * HOUR, t).iter().copied().filter(|&g| w.is_open(g, t)).collect();
                if gs.is_empty() {
                    continue;
                }
                a.rng.pick(&gs)
            } else {
                match w.window60(0, t) {
                    Some(m) => m,
                    None => continue,
                }
            };
            if !w.is_open(m, t) {
                continue;
            }
            // First leg: the cheaper side.
            let o = 1 - w.leader_o(m, t);
            let c1 = w.ask(m, o, t);
            if !(10..=60).contains(&c1) {
                continue;
            }
            let h = a.nice_shares(200.0, 0.7);
            if a.take(m, o, true, t, h, 1) == 0 {
                continue;
            }
            // Watch for the other side to get cheap enough to lock a profit.
            let target = 97 - c1;
            let mut t2 = t + 30;
            let stop = (t + a.rng.range(15 * MIN, 90 * MIN)).min(w.markets[m].end);
            let mut done = false;
            while t2 < stop {
                if w.ask(m, 1 - o, t2) <= target {
                    let tt = t2 + a.human_delay(40.0);
                    let h2 = if a.rng.chance(0.7) { h } else { (h as f64 * a.rng.uniform(0.8, 1.1)) as i64 / 100 * 100 };
                    let c2 = w.ask(m, 1 - o, tt);
                    if c2 + c1 <= 99 {
                        a.take(m, 1 - o, true, tt, h2, 1);
                        done = true;
                    }
                    break;
                }
                t2 += 30;
            }
            if !done && a.rng.chance(0.5) {
                let t3 = stop.max(t + 60);
                if a.is_awake(t3) {
                    a.sell_all(m, o, t3, 1);
                }
            }
        }
    }
    let _ = START;
}
