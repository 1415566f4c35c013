//! People: each function writes one person's month of orders the way that kind of trader acts.

use super::engine::{Gen, Intent, Pos};
use super::persona::{Persona, Region, human_usd, nice_usd};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, League, MIN, NOW, START, World};

/// What behaviours may look at besides the world.
pub struct Ctx {
    /// Well-known wallets in the crowd and their orders, oldest first.
    pub leaders: Vec<(u32, Vec<Intent>)>,
    /// (time the outcome became known, market), oldest first.
    pub decided: Vec<(i64, usize)>,
}

pub fn secs(rng: &mut Rng, median: f64, sigma: f64) -> i64 {
    (rng.lognorm(median, sigma).round() as i64).max(1)
}

/// The market and outcome backing side `side` of game `gi` (0 = listed first).
pub fn team_pick(world: &World, gi: usize, side: u8) -> (usize, u8) {
    let g = &world.games[gi];
    if g.markets.len() == 1 {
        (g.markets[0], side)
    } else if side == 0 {
        (g.markets[0], 0)
    } else {
        (g.markets[2], 0)
    }
}

pub fn games_of(world: &World, leagues: &[League]) -> Vec<usize> {
    (0..world.games.len())
        .filter(|&i| {
            let g = &world.games[i];
            leagues.contains(&g.league) && g.end > START && g.start - 2 * DAY < NOW
        })
        .collect()
}

fn usd_to_sh(usd: f64, c: i64) -> i64 {
    (((usd * 100.0 / c as f64) * 100.0).floor() as i64).max(500)
}

fn round_shares(rng: &mut Rng) -> i64 {
    [100, 200, 250, 500, 500, 1000, 1000, 2000, 2500, 5000][rng.idx(10)] * 100
}

/// A live market of one of `cats` at `t`, by popularity.
pub fn any_live(world: &World, rng: &mut Rng, cats: &[Cat], t: i64) -> Option<usize> {
    let cat = cats[rng.idx(cats.len())];
    let ms = if cat == Cat::UpDown {
        let coin = if rng.chance(0.75) { 0 } else { 1 };
        let len = [15 * MIN, HOUR][rng.idx(2)];
        return world.updown(coin, len, t).filter(|&m| world.tradable(m, t));
    } else {
        world.live(cat, t)
    };
    world.pick_pop(rng, &ms)
}

/// A market and outcome a person would bet on: live, believed in, at a price they would pay.
fn pick_bet(world: &World, rng: &mut Rng, cats: &[Cat], t: i64, fav: f64, lo: i64, hi: i64) -> Option<(usize, u8)> {
    for _ in 0..8 {
        let Some(m) = any_live(world, rng, cats, t) else { continue };
        let o = belief(world, rng, m, t, fav);
        let c = world.ask(m, o, t);
        if c >= lo && c <= hi {
            return Some((m, o));
        }
    }
    None
}

/// The outcome a person believes in: mostly the favourite, sometimes the underdog.
fn belief(world: &World, rng: &mut Rng, m: usize, t: i64, fav: f64) -> u8 {
    let p = world.prob(m, 0, t);
    let favourite = if p >= 0.5 { 0 } else { 1 };
    if rng.chance(fav) { favourite } else { 1 - favourite }
}

pub fn casual_sports_fan(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let region = Region::us(rng);
    let p = Persona::new(rng, region);
    let leagues: Vec<League> = match rng.idx(7) {
        0 => vec![League::Nfl, League::Cfb],
        1 => vec![League::Nfl],
        2 => vec![League::Nfl, League::Mlb],
        3 => vec![League::Cfb],
        4 => vec![League::Mlb],
        5 => vec![League::Nfl, League::Cfb, League::Mlb],
        _ => vec![League::Wnba, League::Nfl],
    };
    let games = games_of(world, &leagues);
    if games.is_empty() {
        return;
    }
    let fav_team = world.games[games[rng.idx(games.len())]].home.clone();
    let unit = [5.0, 10.0, 20.0, 25.0, 50.0, 100.0][rng.idx(6)];
    let n_target = 1 + rng.poisson_uni(1.0, 7.0) as usize;
    let mut chosen: Vec<usize> = games
        .iter()
        .copied()
        .filter(|&gi| (world.games[gi].home == fav_team || world.games[gi].away == fav_team) && rng.chance(0.8))
        .collect();
    let mut tries = 0;
    while chosen.len() < n_target && tries < 200 {
        let gi = games[rng.idx(games.len())];
        if !chosen.contains(&gi) {
            chosen.push(gi);
        }
        tries += 1;
    }
    for gi in chosen {
        let game = &world.games[gi];
        let fav_side = if game.home == fav_team {
            Some(1u8)
        } else if game.away == fav_team {
            Some(0u8)
        } else {
            None
        };
        let inplay = rng.chance(0.3);
        let mut t = 0;
        for _ in 0..12 {
            let c = if inplay {
                game.start + ((game.end - game.start) as f64 * rng.uni(0.05, 0.7)) as i64
            } else {
                game.start - secs(rng, 3.0 * HOUR as f64, 1.0)
            };
            if p.awake(c) && c > START && c <= NOW {
                t = c;
                break;
            }
        }
        if t == 0 {
            continue;
        }
        let (m0, _) = team_pick(world, gi, 0);
        let side = fav_side.unwrap_or_else(|| {
            let pa = world.prob(m0, 0, t);
            let favourite = if pa >= 0.5 { 0 } else { 1 };
            if rng.chance(0.6) { favourite } else { 1 - favourite }
        });
        let (m, o) = team_pick(world, gi, side);
        if !(4..=93).contains(&world.ask(m, o, t)) {
            continue;
        }
        let usd = human_usd(rng, unit, 0.35);
        if let Some(sh) = g.buy_usd(w, m, o, t, usd) {
            if rng.chance(0.12) {
                let t2 = t + secs(rng, 40.0 * MIN as f64, 0.8);
                if p.awake(t2) {
                    g.buy_usd(w, m, o, t2, human_usd(rng, unit, 0.3));
                }
            } else if rng.chance(0.1) {
                // Cash out during the game when it looks settled either way.
                let mut tt = game.start + 20 * MIN;
                while tt < game.end {
                    let q = world.prob(m, o, tt);
                    if (q > 0.85 || q < 0.15) && p.awake(tt) {
                        g.sell(w, m, o, tt + secs(rng, 60.0, 0.5), sh);
                        break;
                    }
                    tt += 5 * MIN;
                }
            }
        }
    }
}

pub fn casual_politics_bettor(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = [10.0, 20.0, 25.0, 50.0, 100.0, 250.0, 500.0][rng.idx(7)];
    let n = 1 + rng.poisson_uni(0.5, 5.0) as usize;
    let mut sessions = p.sessions(rng, 1.0);
    rng.shuffle(&mut sessions);
    let mut ts: Vec<i64> = sessions.into_iter().take(n).collect();
    ts.sort();
    let mut pos = Pos::default();
    let mut held: Vec<(usize, u8)> = vec![];
    for t in ts {
        if !held.is_empty() && rng.chance(0.12) {
            let (m, o) = held[rng.idx(held.len())];
            let q = pos.get(m, o);
            if q >= 500 && g.sell(w, m, o, t, q) {
                pos.take(m, o, q);
            }
            continue;
        }
        if !held.is_empty() && rng.chance(0.2) {
            let (m, o) = held[rng.idx(held.len())];
            if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.3)) {
                pos.add(m, o, sh);
            }
            continue;
        }
        let cats: &[Cat] = if rng.chance(0.75) { &[Cat::Politics] } else { &[Cat::News, Cat::Econ] };
        if let Some((m, o)) = pick_bet(world, rng, cats, t, 0.65, 5, 94) {
            if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.4)) {
                pos.add(m, o, sh);
                held.push((m, o));
            }
        }
    }
}

pub fn inplay_sports_trader(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let us = rng.chance(0.65);
    let region = if us { Region::us(rng) } else { [Region::Uk, Region::Europe, Region::LatAm][rng.idx(3)] };
    let p = Persona::new(rng, region);
    let leagues: Vec<League> = if us {
        let all = [League::Nfl, League::Cfb, League::Mlb, League::Wnba];
        let mut v: Vec<League> = all.iter().copied().filter(|_| rng.chance(0.5)).collect();
        if v.is_empty() {
            v.push(League::Nfl);
            v.push(League::Mlb);
        }
        v
    } else {
        let all = [League::Epl, League::Ucl, League::Tennis, League::Mls];
        let mut v: Vec<League> = all.iter().copied().filter(|_| rng.chance(0.55)).collect();
        if v.is_empty() {
            v.push(League::Epl);
            v.push(League::Tennis);
        }
        v
    };
    let momentum = rng.chance(0.6);
    let react_p = rng.uni(0.3, 0.75);
    let lag = rng.uni(20.0, 90.0);
    let hold = rng.uni(5.0, 25.0) * MIN as f64;
    let unit = nice_usd(rng.lognorm(120.0, 0.7));
    let watch_p = rng.uni(0.2, 0.6);
    let mut per_day: std::collections::BTreeMap<i64, u32> = Default::default();
    for gi in games_of(world, &leagues) {
        let game = &world.games[gi];
        if game.start <= START || game.end > NOW {
            continue;
        }
        if !p.awake(game.start + 15 * MIN) || !p.awake(game.end - 15 * MIN) || !rng.chance(watch_p) {
            continue;
        }
        let day = p.midnight(game.start);
        let c = per_day.entry(day).or_default();
        if *c >= 3 {
            continue;
        }
        *c += 1;
        let mut open: Option<(usize, u8, i64, i64)> = None; // market, outcome, shares, since
        if rng.chance(0.3) {
            let t = game.start - secs(rng, 20.0 * MIN as f64, 0.8);
            let side = rng.idx(2) as u8;
            let (m, o) = team_pick(world, gi, side);
            if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.4)) {
                open = Some((m, o, sh, t));
            }
        }
        for &(te, side, _) in &game.scores {
            if te >= game.end {
                break;
            }
            // Timed exit before this event.
            if let Some((m, o, sh, since)) = open {
                let exit_at = since + (hold * rng.uni(0.5, 1.8)) as i64;
                if exit_at < te {
                    g.sell(w, m, o, exit_at, sh);
                    open = None;
                }
            }
            if !rng.chance(react_p) {
                continue;
            }
            let t = te + secs(rng, lag, 0.6);
            match open {
                Some((m, o, sh, _)) => {
                    // Event against the position: get out; for it: sometimes add.
                    let (sm, so) = team_pick(world, gi, side);
                    if sm == m && so == o {
                        if rng.chance(0.35) {
                            if let Some(more) = g.buy_usd(w, m, o, t, human_usd(rng, unit * 0.5, 0.4)) {
                                open = Some((m, o, sh + more, t));
                            }
                        } else if rng.chance(0.4) {
                            g.sell(w, m, o, t, sh);
                            open = None;
                        }
                    } else {
                        g.sell(w, m, o, t, sh);
                        open = None;
                    }
                }
                None => {
                    let s = if momentum { side } else { 1 - side };
                    let (m, o) = team_pick(world, gi, s);
                    let q = world.prob(m, o, t);
                    if !(0.08..=0.92).contains(&q) {
                        continue;
                    }
                    if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5)) {
                        open = Some((m, o, sh, t));
                    }
                }
            }
        }
        if let Some((m, o, sh, since)) = open {
            if rng.chance(0.7) {
                let t = (since + (hold * rng.uni(0.5, 2.0)) as i64).min(game.end - MIN);
                if !g.sell(w, m, o, t.max(since + 30), sh) {
                    g.sell(w, m, o, game.end - 2 * MIN, sh);
                }
            }
        }
    }
}

pub fn news_day_trader(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    p.office = rng.chance(0.2);
    p.day_p = rng.uni(0.5, 0.9);
    let cats = [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture];
    let unit = nice_usd(rng.lognorm(150.0, 0.8));
    let fade = rng.uni(0.1, 0.35);
    let mut pos = Pos::default();
    let mut carried: Vec<(usize, u8)> = vec![];
    for s in p.sessions_u(rng, 1.3, 2.8) {
        let len = secs(rng, 45.0 * MIN as f64, 0.6);
        let mut opened: Vec<(usize, u8, i64)> = vec![];
        // Close what was carried from earlier sessions, sometimes.
        for (m, o) in std::mem::take(&mut carried) {
            let q = pos.get(m, o);
            if q >= 500 {
                if rng.chance(0.55) {
                    let t = s + secs(rng, 4.0 * MIN as f64, 0.8);
                    if g.sell(w, m, o, t, q) {
                        pos.take(m, o, q);
                        continue;
                    }
                }
                carried.push((m, o));
            }
        }
        // News that broke just before or during the session.
        for n in world.news.iter().filter(|n| n.t > s - 2 * HOUR && n.t < s + len && cats.contains(&world.markets[n.m].cat)) {
            if !rng.chance(0.55) {
                continue;
            }
            let t = n.t.max(s) + secs(rng, if n.t >= s { 150.0 } else { 60.0 }, 0.8);
            let up = n.dx > 0.0;
            let up = if rng.chance(fade) { !up } else { up };
            let o = if up { 0 } else { 1 };
            if let Some(sh) = g.buy_usd(w, n.m, o, t, human_usd(rng, unit, 0.6)) {
                pos.add(n.m, o, sh);
                opened.push((n.m, o, t));
            }
        }
        // A couple of scalps in whatever is moving.
        for _ in 0..rng.poisson(1.4) {
            let t = s + rng.range(0, len);
            if let Some(m) = any_live(world, rng, &cats, t) {
                let o = rng.idx(2) as u8;
                if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.6)) {
                    pos.add(m, o, sh);
                    opened.push((m, o, t));
                }
            }
        }
        for (m, o, t) in opened {
            let q = pos.get(m, o);
            if q < 500 {
                continue;
            }
            let out = t + secs(rng, 22.0 * MIN as f64, 1.0);
            if out < s + len + 30 * MIN && rng.chance(0.8) {
                let part = if rng.chance(0.25) { q / 2 } else { q };
                if g.sell(w, m, o, out, part) {
                    pos.take(m, o, part);
                }
            }
            if pos.get(m, o) >= 500 {
                carried.push((m, o));
            }
        }
        carried.sort();
        carried.dedup();
    }
}

pub fn whale_conviction_bettor(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let n_ideas = 2 + rng.idx(7);
    let sessions = p.sessions(rng, 1.2);
    if sessions.is_empty() {
        return;
    }
    for _ in 0..n_ideas {
        let t0 = sessions[rng.idx(sessions.len())];
        let cats: &[Cat] = match rng.idx(10) {
            0..=5 => &[Cat::Politics],
            6 | 7 => &[Cat::Econ],
            8 => &[Cat::Sports],
            _ => &[Cat::News],
        };
        let Some((m, o)) = pick_bet(world, rng, cats, t0, 0.7, 8, 93) else { continue };
        let total = nice_usd(rng.lognorm(18_000.0, 0.9).clamp(2_500.0, 250_000.0));
        let days = 1 + rng.idx(3);
        let entry_c = world.ask(m, o, t0);
        let mut held = 0i64;
        for d in 0..days {
            let day_t = if d == 0 { t0 } else { sessions.iter().copied().find(|&s| s > t0 + d as i64 * DAY - 6 * HOUR).unwrap_or(NOW + 1) };
            if day_t > NOW {
                break;
            }
            let n = 2 + rng.idx(7);
            let mut t = day_t;
            for _ in 0..n {
                let usd = nice_usd(total / (n * days) as f64 * rng.uni(0.6, 1.4));
                if rng.chance(0.25) {
                    let tf = t + secs(rng, 8.0 * MIN as f64, 0.8);
                    let c = world.bid(m, o, tf);
                    let sh = (nice_usd(usd * 100.0 / c as f64) * 100.0) as i64;
                    if g.maker(w, m, o, true, tf, c, sh) {
                        held += sh;
                    }
                } else if let Some(sh) = g.buy_usd(w, m, o, t, usd) {
                    held += sh;
                }
                t += secs(rng, 100.0, 1.0);
            }
        }
        // Trim after a strong move in their favour.
        if held >= 1000 && rng.chance(0.35) {
            if let Some(&ts) = sessions.iter().find(|&&s| s > t0 + 2 * DAY && world.bid(m, o, s) >= entry_c + 8) {
                let part = held * rng.range(25, 55) / 100;
                g.sell(w, m, o, ts + rng.range(0, 20 * MIN), part);
            }
        }
    }
}

/// Copying a well-known wallet by hand from alerts or its profile page.
pub fn manual_copier(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let (_, log) = &ctx.leaders[rng.idx(ctx.leaders.len())];
    let alerts = rng.chance(0.55);
    let copy_p = rng.uni(0.4, 0.85);
    let fixed = if rng.chance(0.5) { Some([10.0, 20.0, 25.0, 50.0, 100.0, 200.0][rng.idx(6)]) } else { None };
    let ratio = rng.uni(0.004, 0.04);
    let sessions = p.sessions_u(rng, 1.0, 2.5);
    let mut pos = Pos::default();
    let mut leader_pos = Pos::default();
    for it in log {
        let (m, o) = (it.m as usize, it.o);
        let before = leader_pos.get(m, o);
        if it.buy {
            leader_pos.add(m, o, it.sh);
        } else {
            leader_pos.take(m, o, it.sh);
        }
        let seen = if alerts {
            let t = it.t + secs(rng, 6.0 * MIN as f64, 1.0);
            if p.awake(t) { t } else { p.next_awake(rng, t) + secs(rng, 15.0 * MIN as f64, 0.8) }
        } else {
            match sessions.iter().find(|&&s| s > it.t) {
                Some(&s) => s + rng.range(30, 15 * MIN),
                None => continue,
            }
        };
        if seen - it.t > 16 * HOUR {
            continue;
        }
        if it.buy {
            if !rng.chance(copy_p) {
                continue;
            }
            let then = world.ask(m, o, it.t.max(START + 1));
            if !world.tradable(m, seen) || world.ask(m, o, seen) > then + 8 {
                continue;
            }
            let usd = match fixed {
                Some(f) => f,
                None => {
                    let lusd = it.sh as f64 / 100.0 * then as f64 / 100.0;
                    (nice_usd(lusd * ratio) / 5.0).round().max(1.0) * 5.0
                }
            };
            if let Some(sh) = g.buy_usd(w, m, o, seen, usd) {
                pos.add(m, o, sh);
            }
        } else {
            let mine = pos.get(m, o);
            if mine >= 500 && rng.chance(0.7) {
                let frac = if before > 0 { it.sh as f64 / before as f64 } else { 1.0 };
                let q = if frac > 0.8 { mine } else { ((mine as f64 * frac) as i64).max(500).min(mine) };
                let t = seen + secs(rng, 20.0 * MIN as f64, 1.0);
                if g.sell(w, m, o, t, q) {
                    pos.take(m, o, q);
                }
            }
        }
    }
    // A few bets of their own.
    for _ in 0..rng.poisson(2.5) {
        if sessions.is_empty() {
            break;
        }
        let t = sessions[rng.idx(sessions.len())];
        if let Some((m, o)) = pick_bet(world, rng, &[Cat::Politics, Cat::Sports, Cat::News], t, 0.6, 5, 94) {
            g.buy_usd(w, m, o, t, fixed.unwrap_or(25.0));
        }
    }
}

pub fn crypto_updown_gambler(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    p.bed = p.wake + rng.uni(16.0, 19.0);
    p.evening = rng.uni(1.5, 3.0);
    let eth = rng.chance(0.35);
    let short = rng.uni(0.5, 0.95);
    let unit = [2.0, 5.0, 5.0, 10.0, 10.0, 20.0, 25.0, 50.0][rng.idx(8)];
    let martingale = rng.chance(0.4);
    let bet_p = rng.uni(0.55, 0.95);
    let momentum = rng.uni(0.4, 0.8);
    for s in p.sessions_u(rng, 1.0, 2.2) {
        let len_s = secs(rng, 45.0 * MIN as f64, 0.6);
        let mut t = s;
        let mut mult = 1.0;
        while t < s + len_s && t <= NOW {
            let coin = if eth && rng.chance(0.4) { 1 } else { 0 };
            let len = if rng.chance(short) { 15 * MIN } else { HOUR };
            let Some(m) = world.updown(coin, len, t) else { break };
            let Some((_, ws, wl)) = world.window(m) else { break };
            let we = ws + wl;
            let entry = (t + ((we - t) as f64 * rng.uni(0.0, 0.6)) as i64).min(we - 20);
            if rng.chance(bet_p) {
                let pu = world.prob(m, 0, entry);
                let lead = if pu >= 0.5 { 0 } else { 1 };
                let o = if rng.chance(momentum) { lead } else { 1 - lead };
                let usd: f64 = (unit * mult as f64).min(unit * 8.0);
                if let Some(sh) = g.buy_usd(w, m, o, entry, usd) {
                    if rng.chance(0.12) {
                        let te = entry + ((we - entry) as f64 * rng.uni(0.3, 0.9)) as i64;
                        g.sell(w, m, o, te, sh);
                    }
                    let lost = world.markets[m].winner.map(|wn| wn != o).unwrap_or(false);
                    mult = if martingale && lost && rng.chance(0.7) { mult * 2.0 } else { 1.0 };
                }
            }
            t = we + secs(rng, 35.0, 0.9);
        }
    }
}

pub fn weather_hobbyist(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let (region, city) = match rng.idx(4) {
        0 => (Region::UsEast, 0),
        1 => (Region::UsCentral, 1),
        2 => ([Region::Uk, Region::Europe][rng.idx(2)], 2),
        _ => ([Region::Korea, Region::Asia][rng.idx(2)], 3),
    };
    let mut p = Persona::new(rng, region);
    p.day_p = rng.uni(0.2, 0.55);
    let unit = [5.0, 10.0, 15.0, 20.0, 25.0, 50.0][rng.idx(6)];
    let mut pos = Pos::default();
    for d in p.active_days(rng) {
        let t = d + ((p.wake + rng.uni(0.2, 2.5)) * HOUR as f64) as i64;
        let target = if rng.chance(0.5) { d } else { d + DAY };
        let Some(ev) = world.weather.iter().find(|e| e.city == city && (e.day_start - target).abs() < 14 * HOUR) else { continue };
        let ms = &world.groups[ev.group].markets;
        let mut ranked: Vec<(f64, usize)> = ms.iter().map(|&m| (world.prob(m, 0, t), m)).collect();
        ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
        let k = 1 + rng.idx(3);
        let mut tt = t;
        for (i, &(_, m)) in ranked.iter().enumerate().take(k + 1) {
            if i == 0 && k > 1 && rng.chance(0.3) {
                continue;
            }
            if world.ask(m, 0, tt) >= 3 {
                if let Some(sh) = g.buy_usd(w, m, 0, tt, human_usd(rng, unit, 0.35)) {
                    pos.add(m, 0, sh);
                }
            }
            tt += secs(rng, 50.0, 0.7);
        }
        if rng.chance(0.3) {
            let t2 = t + ((rng.uni(7.0, 12.0)) * HOUR as f64) as i64;
            if p.awake(t2) {
                for &m in ms {
                    let q = pos.get(m, 0);
                    if q >= 500 && world.prob(m, 0, t2) < 0.2 && g.sell(w, m, 0, t2, q) {
                        pos.take(m, 0, q);
                        break;
                    }
                }
            }
        }
    }
}

pub fn mention_market_player(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let region = if rng.chance(0.7) { Region::us(rng) } else { Region::random(rng) };
    let p = Persona::new(rng, region);
    let unit = nice_usd(rng.lognorm(40.0, 0.8));
    let join_p = rng.uni(0.4, 0.85);
    let mut pos = Pos::default();
    for sp in &world.speeches {
        if sp.start > NOW || !rng.chance(join_p) {
            continue;
        }
        let pre = sp.start - secs(rng, 5.0 * HOUR as f64, 1.0);
        if p.awake(pre) {
            let mut ms = sp.markets.clone();
            rng.shuffle(&mut ms);
            let mut t = pre;
            for &m in ms.iter().take(2 + rng.idx(4)) {
                let q = world.prob(m, 0, t);
                let o = if q < 0.45 && rng.chance(0.5) { 1 } else { 0 };
                if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5)) {
                    pos.add(m, o, sh);
                }
                t += secs(rng, 45.0, 0.8);
            }
        }
        if !p.awake(sp.start + 10 * MIN) || !rng.chance(0.75) {
            continue;
        }
        for &(ts, m) in &sp.said {
            if !rng.chance(0.6) {
                continue;
            }
            let t = ts + secs(rng, 45.0, 0.7);
            let no = pos.get(m, 1);
            if no >= 500 {
                if g.sell(w, m, 1, t, no) {
                    pos.take(m, 1, no);
                }
            } else if rng.chance(0.3) && world.ask(m, 0, t) <= 97 {
                if let Some(sh) = g.buy_usd(w, m, 0, t, human_usd(rng, unit, 0.4)) {
                    pos.add(m, 0, sh);
                }
            }
        }
        let late = sp.start + ((sp.end - sp.start) as f64 * rng.uni(0.7, 0.92)) as i64;
        let mut t = late;
        for &m in &sp.markets {
            let qn = world.prob(m, 1, t);
            if (0.8..0.96).contains(&qn) && rng.chance(0.4) {
                if let Some(sh) = g.buy_usd(w, m, 1, t, human_usd(rng, unit * 2.0, 0.4)) {
                    pos.add(m, 1, sh);
                }
                t += secs(rng, 30.0, 0.7);
            }
        }
    }
}

pub fn longshot_lottery_buyer(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let n = 3 + rng.poisson_uni(2.0, 22.0) as usize;
    let by_shares = rng.chance(0.6);
    let max_c = rng.range(3, 9);
    let usd_unit = [2.0, 5.0, 5.0, 10.0, 20.0][rng.idx(5)];
    let sessions = p.sessions(rng, 1.0);
    if sessions.is_empty() {
        return;
    }
    let cats = [Cat::Politics, Cat::News, Cat::Culture, Cat::Weather, Cat::Sports, Cat::Econ, Cat::Mention, Cat::Above];
    let mut pos = Pos::default();
    for _ in 0..n {
        let t = sessions[rng.idx(sessions.len())] + rng.range(0, 20 * MIN);
        for _ in 0..25 {
            let Some(m) = any_live(world, rng, &cats, t) else { continue };
            let o = if world.prob(m, 0, t) < 0.5 { 0 } else { 1 };
            let c = world.ask(m, o, t);
            if c <= max_c {
                let sh = if by_shares { round_shares(rng) } else { usd_to_sh(usd_unit, c) };
                if g.buy(w, m, o, t, sh) {
                    pos.add(m, o, sh);
                }
                break;
            }
        }
    }
    // Sell half of anything that popped.
    for (m, o, q) in pos.held() {
        if let Some(&t) = sessions.iter().find(|&&s| world.tradable(m, s) && world.prob(m, o, s) > 0.3) {
            g.sell(w, m, o, t, q / 2);
        }
    }
}

pub fn swing_trader(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = nice_usd(rng.lognorm(400.0, 0.6));
    let sessions = p.sessions(rng, 1.0);
    if sessions.len() < 2 {
        return;
    }
    let cats = [Cat::Politics, Cat::News, Cat::Culture, Cat::Econ, Cat::Above, Cat::Politics];
    for _ in 0..(3 + rng.idx(10)) {
        let t_in = sessions[rng.idx(sessions.len() * 85 / 100 + 1).min(sessions.len() - 1)];
        let Some(m) = any_live(world, rng, &cats, t_in) else { continue };
        // Buy what dipped over the last two days.
        let then = (t_in - 2 * DAY).max(world.markets[m].open);
        let drop0 = world.prob(m, 0, then) - world.prob(m, 0, t_in);
        let o = if drop0 > 0.03 {
            0
        } else if drop0 < -0.03 {
            1
        } else {
            rng.idx(2) as u8
        };
        if !(6..=92).contains(&world.ask(m, o, t_in)) {
            continue;
        }
        let mut held = 0;
        if let Some(sh) = g.buy_usd(w, m, o, t_in, human_usd(rng, unit, 0.4)) {
            held += sh;
        }
        if rng.chance(0.4) {
            if let Some(sh) = g.buy_usd(w, m, o, t_in + secs(rng, 30.0 * MIN as f64, 0.8), human_usd(rng, unit * 0.6, 0.4)) {
                held += sh;
            }
        }
        if held < 500 {
            continue;
        }
        let out = t_in + secs(rng, 3.0 * DAY as f64, 0.7);
        if let Some(&ts) = sessions.iter().find(|&&s| s >= out) {
            if rng.chance(0.35) && held >= 1000 {
                g.sell(w, m, o, ts, held / 2);
                if let Some(&t2) = sessions.iter().find(|&&s| s > ts + DAY) {
                    g.sell(w, m, o, t2, held - held / 2);
                }
            } else {
                g.sell(w, m, o, ts, held);
            }
        }
    }
}

pub fn new_user_first_bets(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    let d0 = START + (rng.uni(0.3, 29.3) * DAY as f64) as i64;
    p.first = d0;
    let unit = [1.0, 2.0, 5.0, 5.0, 10.0, 20.0][rng.idx(6)];
    let mut day = p.midnight(d0);
    let mut k = 0;
    let mut made = 0;
    while day < NOW && k < 12 {
        let active = if k == 0 { 1.0 } else { 0.6f64.powi(k) };
        if rng.chance(active) {
            if let Some(s) = p.session_start(rng, day).or_else(|| if k == 0 { Some(d0.min(NOW - 60)) } else { None }) {
                let n = 1 + rng.idx(if k == 0 { 4 } else { 2 });
                let mut t = s;
                for _ in 0..n {
                    let cats: &[Cat] = match rng.idx(4) {
                        0 => &[Cat::Sports],
                        1 => &[Cat::UpDown],
                        2 => &[Cat::Politics],
                        _ => &[Cat::News, Cat::Culture],
                    };
                    if let Some((m, o)) = pick_bet(world, rng, cats, t, 0.6, 5, 92) {
                        let c = world.ask(m, o, t);
                        let sh = usd_to_sh(human_usd(rng, unit, 0.3), c);
                        if g.buy(w, m, o, t, sh) {
                            made += 1;
                            if rng.chance(0.3) {
                                g.sell(w, m, o, t + secs(rng, 20.0 * MIN as f64, 0.9), sh);
                            }
                        }
                    }
                    t += secs(rng, 4.0 * MIN as f64, 0.9);
                }
            }
        }
        day += DAY;
        k += 1;
    }
    if made == 0 {
        let t = d0.clamp(START + 60, NOW - 60);
        if let Some(m) = any_live(world, rng, &[Cat::Politics], t) {
            g.buy_usd(w, m, 0, t, 5.0);
        }
    }
}

pub fn crypto_price_target_trader(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = nice_usd(rng.lognorm(200.0, 0.7));
    let btc = rng.uni(0.5, 0.95);
    let contrarian = rng.uni(0.1, 0.4);
    let mut pos: Vec<(usize, u8, i64, i64)> = vec![];
    let sessions = p.sessions_u(rng, 1.0, 2.0);
    for &t in &sessions {
        // Exits first.
        let mut keep = vec![];
        for (m, o, sh, tin) in pos.drain(..) {
            if t - tin > 3 * HOUR && world.tradable(m, t) && rng.chance(0.5) {
                g.sell(w, m, o, t + rng.range(10, 120), sh);
            } else {
                keep.push((m, o, sh, tin));
            }
        }
        pos = keep;
        if !rng.chance(0.7) {
            continue;
        }
        let coin = if rng.chance(btc) { 0 } else { 1 };
        let Some((_, _, ms)) = world.above.iter().find(|(c, e, _)| *c == coin && *e > t + HOUR && *e < t + 3 * DAY) else { continue };
        let near: Vec<usize> = ms.iter().copied().filter(|&m| (0.2..0.8).contains(&world.prob(m, 0, t))).collect();
        if near.is_empty() {
            continue;
        }
        let m = near[rng.idx(near.len())];
        let up = world.spot_at(coin, t) > world.spot_at(coin, t - 6 * HOUR);
        let up = if rng.chance(contrarian) { !up } else { up };
        let o = if up { 0 } else { 1 };
        if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5)) {
            pos.push((m, o, sh, t));
        }
    }
}

pub fn heavy_multi_category_degen(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    p.wake = rng.uni(8.5, 12.5);
    p.bed = p.wake + rng.uni(15.5, 17.5);
    p.day_p = rng.uni(0.7, 0.95);
    p.office = false;
    let unit = rng.lognorm(120.0, 0.7);
    let mut pos = Pos::default();
    let mut held: Vec<(usize, u8)> = vec![];
    for s in p.sessions_u(rng, 1.3, 2.6) {
        let len = secs(rng, 45.0 * MIN as f64, 0.6);
        let mut t = s;
        while t < s + len && t <= NOW {
            let sell_now = !held.is_empty() && rng.chance(0.35);
            if sell_now {
                let i = rng.idx(held.len());
                let (m, o) = held[i];
                let q = pos.get(m, o);
                if q >= 500 && world.tradable(m, t) {
                    let part = if rng.chance(0.7) { q } else { q / 2 };
                    if g.sell(w, m, o, t, part) {
                        pos.take(m, o, part);
                    }
                }
                if pos.get(m, o) < 500 {
                    held.swap_remove(i);
                }
            } else {
                let live_games: Vec<usize> = world.live(Cat::Sports, t).into_iter().filter(|&m| world.in_play(m, t).is_some()).collect();
                let m = if !live_games.is_empty() && rng.chance(0.5) {
                    Some(live_games[rng.idx(live_games.len())])
                } else {
                    any_live(world, rng, &[Cat::UpDown, Cat::Politics, Cat::News, Cat::Mention, Cat::Sports, Cat::Above], t)
                };
                let pick = m.map(|m| (m, belief(world, rng, m, t, 0.55))).filter(|&(m, o)| (3..=96).contains(&world.ask(m, o, t)));
                if let Some((m, o)) = pick {
                    let usd = human_usd(rng, unit, 0.9);
                    let clicks = if usd > 300.0 && rng.chance(0.3) { 2 + rng.idx(2) } else { 1 };
                    let mut tc = t;
                    for _ in 0..clicks {
                        if let Some(sh) = g.buy_usd(w, m, o, tc, (usd / clicks as f64).round()) {
                            pos.add(m, o, sh);
                            if !held.contains(&(m, o)) {
                                held.push((m, o));
                            }
                        }
                        tc += secs(rng, 8.0, 0.6);
                    }
                }
            }
            t += if rng.chance(0.1) { secs(rng, 12.0, 0.6) } else { secs(rng, 210.0, 1.0) };
        }
    }
}

pub fn macro_data_trader(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let region = [Region::UsEast, Region::UsEast, Region::UsCentral, Region::Uk, Region::Europe][rng.idx(5)];
    let p = Persona::new(rng, region);
    let unit = (rng.lognorm(1200.0, 0.6) / 100.0).round().max(1.0) * 100.0;
    let sessions = p.sessions(rng, 1.0);
    let mut pos = Pos::default();
    for rel in &world.releases {
        let grp = &world.groups[rel.group];
        if grp.cat != Cat::Econ || !rng.chance(0.85) {
            continue;
        }
        // Position a day or three before.
        let pre = sessions.iter().copied().filter(|&s| s < rel.t - 3 * HOUR && s > rel.t - 4 * DAY).last();
        if let Some(t) = pre {
            let mut ranked: Vec<(f64, usize)> = grp.markets.iter().map(|&m| (world.prob(m, 0, t), m)).collect();
            ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            for &(_, m) in ranked.iter().take(1 + rng.idx(2)) {
                if let Some(sh) = g.buy_usd(w, m, 0, t, human_usd(rng, unit, 0.4)) {
                    pos.add(m, 0, sh);
                }
            }
        }
        // At the print: most set an alarm.
        if p.awake(rel.t) || rng.chance(0.7) {
            let mut t = rel.t + secs(rng, 100.0, 0.7);
            for &m in &grp.markets {
                let q = pos.get(m, 0);
                if q >= 500 && world.markets[m].winner == Some(1) && rng.chance(0.6) {
                    if g.sell(w, m, 0, t, q) {
                        pos.take(m, 0, q);
                    }
                    t += secs(rng, 25.0, 0.6);
                }
            }
            if let Some(&wm) = grp.markets.iter().find(|&&m| world.markets[m].winner == Some(0)) {
                if world.ask(wm, 0, t) <= 97 && rng.chance(0.6) {
                    g.buy_usd(w, wm, 0, t, human_usd(rng, unit, 0.4));
                }
            }
        }
    }
    // Positioning in the open Fed markets.
    for &t in &sessions {
        if !rng.chance(0.25) {
            continue;
        }
        if let Some((m, o)) = pick_bet(world, rng, &[Cat::Econ], t, 0.6, 5, 94) {
            {
                if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5)) {
                    pos.add(m, o, sh);
                }
            }
        }
    }
}

pub fn soccer_weekend_bettor(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let region = [Region::Uk, Region::Uk, Region::Europe, Region::Europe, Region::UsEast, Region::LatAm][rng.idx(6)];
    let p = Persona::new(rng, region);
    let unit = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0][rng.idx(6)];
    let leagues = if region == Region::UsEast { vec![League::Epl, League::Mls, League::Ucl] } else { vec![League::Epl, League::Ucl] };
    let games = games_of(world, &leagues);
    if games.is_empty() {
        return;
    }
    let fav = world.games[games[rng.idx(games.len())]].home.clone();
    let watch_p = rng.uni(0.12, 0.4);
    for gi in games {
        let game = &world.games[gi];
        let mine = game.home == fav || game.away == fav;
        if !(mine || rng.chance(watch_p)) {
            continue;
        }
        let t = game.start - secs(rng, 2.0 * HOUR as f64, 0.8);
        if !p.awake(t) {
            continue;
        }
        let ms = &game.markets;
        let pr: Vec<f64> = ms.iter().map(|&m| world.prob(m, 0, t)).collect();
        let k = if mine {
            if game.home == fav { 0 } else { 2 }
        } else if rng.chance(0.2) {
            1
        } else if pr[0] >= pr[2] {
            if rng.chance(0.7) { 0 } else { 2 }
        } else if rng.chance(0.7) {
            2
        } else {
            0
        };
        let m = ms[k];
        let Some(sh) = g.buy_usd(w, m, 0, t, human_usd(rng, unit, 0.3)) else { continue };
        if rng.chance(0.35) {
            let ht = game.start + 47 * MIN + rng.range(0, 12 * MIN);
            if p.awake(ht) {
                if rng.chance(0.3) {
                    g.sell(w, m, 0, ht, sh);
                } else {
                    let j = if rng.chance(0.5) { 1 } else { k };
                    g.buy_usd(w, ms[j], 0, ht, human_usd(rng, unit, 0.3));
                }
            }
        }
    }
}

pub fn tennis_inplay_fan(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = nice_usd(rng.lognorm(60.0, 0.7));
    let watch_p = rng.uni(0.15, 0.5);
    let lag = rng.uni(25.0, 80.0);
    for gi in games_of(world, &[League::Tennis]) {
        let game = &world.games[gi];
        if game.end > NOW || !p.awake((game.start + game.end) / 2) || !rng.chance(watch_p) {
            continue;
        }
        let m = game.markets[0];
        let mut open: Option<(u8, i64, i64)> = None;
        for &(te, side, kind) in &game.scores {
            if let Some((o, sh, since)) = open {
                if kind == 3 || te - since > secs(rng, 15.0 * MIN as f64, 0.6) {
                    g.sell(w, m, o, te + secs(rng, lag, 0.5), sh);
                    open = None;
                    continue;
                }
            }
            if kind == 1 && open.is_none() && rng.chance(0.5) {
                let o = if rng.chance(0.65) { side } else { 1 - side };
                let t = te + secs(rng, lag, 0.6);
                let q = world.prob(m, o, t);
                if (0.1..0.9).contains(&q) {
                    if let Some(sh) = g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5)) {
                        open = Some((o, sh, t));
                    }
                }
            }
        }
    }
}

pub fn manual_high_prob_grinder(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = [200.0, 250.0, 500.0, 1000.0, 2000.0, 2500.0][rng.idx(6)];
    let by_shares = rng.chance(0.3);
    let min_q = rng.uni(0.9, 0.95);
    let mut p = p;
    p.day_p = rng.uni(0.25, 0.6);
    for s in p.sessions_u(rng, 1.0, 1.6) {
        let mut t = s;
        for _ in 0..(1 + rng.idx(3)) {
            // Results already in but not yet resolved.
            let lo = ctx.decided.partition_point(|d| d.0 < t - 12 * HOUR);
            let hi = ctx.decided.partition_point(|d| d.0 <= t);
            let mut cands: Vec<(usize, u8)> = ctx.decided[lo..hi]
                .iter()
                .filter(|d| world.tradable(d.1, t))
                .map(|d| (d.1, world.markets[d.1].winner.unwrap_or(0)))
                .collect();
            for m in world.live(Cat::Sports, t) {
                if world.in_play(m, t).map(|e| e > 0.85).unwrap_or(false) {
                    let o = if world.prob(m, 0, t) > 0.5 { 0 } else { 1 };
                    if world.prob(m, o, t) >= min_q {
                        cands.push((m, o));
                    }
                }
            }
            cands.retain(|&(m, o)| world.markets[m].cat != Cat::UpDown && world.ask(m, o, t) <= 99);
            if let Some(&(m, o)) = cands.get(rng.idx(cands.len().max(1))) {
                let c = world.ask(m, o, t);
                let sh = if by_shares { round_shares(rng).max(50_000) } else { usd_to_sh(human_usd(rng, unit, 0.3), c) };
                g.buy(w, m, o, t, sh);
            }
            t += secs(rng, 5.0 * MIN as f64, 0.8);
        }
    }
}

pub fn culture_tweet_counter(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let unit = nice_usd(rng.lognorm(40.0, 0.7));
    let sessions = p.sessions(rng, 1.0);
    let mut pos = Pos::default();
    for grp in world.groups.iter().filter(|g| g.title.starts_with("Elon Musk # of tweets")) {
        if !rng.chance(0.85) {
            continue;
        }
        let open = world.markets[grp.markets[0]].open.max(grp.decided - 7 * DAY);
        let checks: Vec<i64> = sessions.iter().copied().filter(|&s| s > open && s < grp.decided).collect();
        let k = 2 + rng.idx(4);
        let step = (checks.len() / k).max(1);
        for &t in checks.iter().step_by(step) {
            for &m in &grp.markets {
                let q = pos.get(m, 0);
                let pr = world.prob(m, 0, t);
                if q >= 500 && (pr < 0.08 || (pr > 0.75 && rng.chance(0.3))) && g.sell(w, m, 0, t, q) {
                    pos.take(m, 0, q);
                }
            }
            let mut ranked: Vec<(f64, usize)> = grp.markets.iter().map(|&m| (world.prob(m, 0, t), m)).collect();
            ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            let mut tt = t + rng.range(20, 200);
            for &(pr, m) in ranked.iter().take(1 + rng.idx(2)) {
                if pos.get(m, 0) < 500 && pr < 0.7 {
                    if let Some(sh) = g.buy_usd(w, m, 0, tt, human_usd(rng, unit, 0.5)) {
                        pos.add(m, 0, sh);
                    }
                    tt += secs(rng, 40.0, 0.6);
                }
            }
        }
    }
    for _ in 0..rng.poisson(1.5) {
        if sessions.is_empty() {
            break;
        }
        let t = sessions[rng.idx(sessions.len())];
        if let Some((m, o)) = pick_bet(world, rng, &[Cat::Culture], t, 0.6, 4, 94) {
            g.buy_usd(w, m, o, t, human_usd(rng, unit, 0.5));
        }
    }
}

/// A well-known wallet (in the crowd) that others copy.
pub fn leader_whale(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    p.day_p = rng.uni(0.55, 0.9);
    let unit = rng.lognorm(2500.0, 0.7);
    let mut pos = Pos::default();
    let mut held: Vec<(usize, u8)> = vec![];
    for s in p.sessions_u(rng, 1.2, 2.0) {
        let mut t = s;
        for _ in 0..(1 + rng.idx(4)) {
            if !held.is_empty() && rng.chance(0.25) {
                let i = rng.idx(held.len());
                let (m, o) = held[i];
                let q = pos.get(m, o);
                let part = if rng.chance(0.6) { q } else { q / 2 };
                if part >= 500 && g.sell(w, m, o, t, part) {
                    pos.take(m, o, part);
                }
                if pos.get(m, o) < 500 {
                    held.swap_remove(i);
                }
            } else {
                let cats: &[Cat] = match rng.idx(20) {
                    0..=6 => &[Cat::Politics],
                    7..=11 => &[Cat::Sports],
                    12 | 13 => &[Cat::Econ],
                    14..=16 => &[Cat::News],
                    17 | 18 => &[Cat::Above],
                    _ => &[Cat::Culture],
                };
                if let Some(m) = any_live(world, rng, cats, t) {
                    let o = belief(world, rng, m, t, 0.6);
                    if world.ask(m, o, t) <= 92 {
                        if let Some(sh) = g.buy_usd(w, m, o, t, nice_usd(rng.lognorm(unit, 0.8))) {
                            pos.add(m, o, sh);
                            if !held.contains(&(m, o)) {
                                held.push((m, o));
                            }
                        }
                    }
                }
            }
            t += secs(rng, 4.0 * MIN as f64, 1.0);
        }
    }
}
