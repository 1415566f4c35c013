//! People: each behaviour is written from how that kind of person trades on Polymarket — when
//! they open the app, what they bet on, how much, and how they get in and out.

use super::NOW;
use super::common::{Amt, Book, Cx, Fill, Habits, Style, delay, make, nice_shares, nice_usd, pick_market, shares_for, split, take};
use super::markets::{Cat, DAY, HOUR, League, MIN, Universe, W0};
use super::rng::Rng;

fn fav_tok(u: &Universe, m: u32, t: i64) -> u8 {
    if u.p0(m, t) >= 0.5 { 0 } else { 1 }
}

fn pick_leagues(rng: &mut Rng, n: usize) -> Vec<League> {
    let all = [
        (League::Nfl, 0.24),
        (League::Nba, 0.24),
        (League::Epl, 0.14),
        (League::Ncaab, 0.07),
        (League::Nhl, 0.07),
        (League::LaLiga, 0.05),
        (League::SerieA, 0.04),
        (League::Ucl, 0.06),
        (League::Tennis, 0.06),
        (League::Ufc, 0.03),
    ];
    let mut out = Vec::new();
    for _ in 0..n * 4 {
        let w: Vec<f64> = all.iter().map(|x| x.1).collect();
        let l = all[rng.weighted(&w)].0;
        if !out.contains(&l) {
            out.push(l);
        }
        if out.len() >= n {
            break;
        }
    }
    out
}

fn games_of(u: &Universe, leagues: &[League], t0: i64, t1: i64) -> Vec<u32> {
    u.games_starting(t0, t1).iter().copied().filter(|&g| u.league(g).is_some_and(|l| leagues.contains(&l))).collect()
}

/// A stake as people type it: mostly round amounts, sometimes whatever is left in the wallet.
fn stake(base: f64, spread: f64, rng: &mut Rng) -> f64 {
    let x = base * rng.lognormal(1.0, spread);
    if rng.chance(0.65) { nice_usd(x) } else { (x * 100.0).round() / 100.0 }
}

/// Latest moment before `t` (going back in half hours) when the person is awake, not before `lo`.
fn awake_before(h: &Habits, t: i64, lo: i64) -> Option<i64> {
    let mut x = t;
    while x > lo {
        if h.awake(x) {
            return Some(x);
        }
        x -= 30 * MIN;
    }
    None
}

/// Casual sports bettor: a handful of pre-game bets a month on one or two leagues, usually the
/// evening before or a few hours before kick-off, round stakes, holds to the final whistle.
pub fn casual_sports_bettor(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.3) { Style::Leisure } else { Style::Evening }, rng);
    let nl = rng.int(1, 2) as usize;
    let leagues = pick_leagues(rng, nl);
    let games = games_of(u, &leagues, W0 + 2 * HOUR, NOW + 2 * DAY);
    if games.is_empty() {
        return;
    }
    let fav: Option<String> = if rng.chance(0.5) {
        let g = *rng.pick(&games);
        let mk = u.m(g);
        Some(if mk.outcomes[0] == "Yes" {
            mk.title.trim_start_matches("Will ").split(" win").next().unwrap_or("").to_string()
        } else {
            mk.outcomes[rng.below(2)].clone()
        })
    } else {
        None
    };
    let lam = rng.lognormal(4.0, 0.7);
    let n = (1 + rng.poisson(lam)).min(30) as usize;
    let base = rng.lognormal(20.0, 0.8).clamp(2.0, 2000.0);
    let mut bets = 0;
    for _ in 0..n * 5 {
        if bets >= n {
            break;
        }
        let g = match &fav {
            Some(f) if rng.chance(0.6) => {
                let mine: Vec<u32> = games.iter().copied().filter(|&g| u.m(g).title.contains(f.as_str())).collect();
                if mine.is_empty() { *rng.pick(&games) } else { *rng.pick(&mine) }
            }
            _ => *rng.pick(&games),
        };
        let mk = u.m(g);
        let tb = (mk.start - delay(2.5 * HOUR as f64, 1.0, rng)).max(mk.open + 10 * MIN);
        let Some(tb) = awake_before(&h, tb, mk.open) else { continue };
        if !(W0..=NOW).contains(&tb) {
            continue;
        }
        let tok = match &fav {
            Some(f) if mk.title.contains(f.as_str()) => {
                if mk.outcomes[0] == "Yes" || mk.outcomes[0] == *f {
                    0
                } else {
                    1
                }
            }
            _ => {
                if rng.chance(0.6) {
                    fav_tok(u, g, tb)
                } else {
                    1 - fav_tok(u, g, tb)
                }
            }
        };
        let (got, _) = take(u, me, g, tok, true, Amt::Usd(stake(base, 0.5, rng)), tb, out, rng);
        if got == 0 {
            continue;
        }
        bets += 1;
        if rng.chance(0.25) {
            // another game the same night, same sitting
            let near: Vec<u32> = games.iter().copied().filter(|&x| x != g && (u.m(x).start - mk.start).abs() < 4 * HOUR).collect();
            if !near.is_empty() {
                let g2 = *rng.pick(&near);
                let t2 = tb + rng.int(20, 240);
                let tok2 = if rng.chance(0.6) { fav_tok(u, g2, t2) } else { 1 - fav_tok(u, g2, t2) };
                take(u, me, g2, tok2, true, Amt::Usd(stake(base, 0.5, rng)), t2, out, rng);
                bets += 1;
            }
        }
        if rng.chance(0.07) {
            let ts = rng.int(mk.start + 10 * MIN, mk.fin - 5 * MIN);
            if h.awake(ts) {
                take(u, me, g, tok, false, Amt::Sh(got), ts, out, rng);
            }
        }
    }
}

/// Politics position holder: holds one to three political or macro positions for weeks, adds on
/// dips or after news, trims after a good move; few orders, larger sizes, often resting limits.
pub fn politics_position_holder(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    let pool: Vec<u32> = u
        .futures
        .iter()
        .chain(u.deadlines.iter())
        .copied()
        .filter(|&m| {
            let c = u.m(m).cat;
            let p = u.p0(m, W0 + 5 * DAY);
            (0.06..=0.94).contains(&p) && (c == Cat::Politics || c == Cat::Econ || (c == Cat::SportsFuture && rng.chance(0.2)))
        })
        .collect();
    let mut mine = Vec::new();
    for _ in 0..rng.int(1, 3) {
        if let Some(m) = pick_market(u, &pool, W0 + 5 * DAY, |m| if mine_contains(&mine, m) { 0.0 } else { 1.0 }, rng) {
            mine.push(m);
        }
    }
    if mine.is_empty() {
        return;
    }
    let base = rng.lognormal(300.0, 1.0).clamp(20.0, 20_000.0);
    let mut book = Book::default();
    let mut entry: Vec<(u32, u8, f64)> = Vec::new();
    for &m in &mine {
        let tok = if rng.chance(0.7) { 0 } else { 1 };
        if rng.chance(0.6) {
            book.add(m, tok, shares_for(base * rng.lognormal(2.0, 0.6), (u.p(m, tok, W0) * 100.0).round().max(1.0) as u32));
        }
        entry.push((m, tok, u.p(m, tok, W0)));
    }
    let n = (1 + rng.poisson(1.8)).min(8);
    for _ in 0..n {
        let k = rng.below(mine.len());
        let (m, tok, ent) = entry[k];
        let mk = u.m(m);
        let jumps: Vec<(i64, f32)> = mk.jumps.iter().copied().filter(|j| j.0 > W0 && j.0 < NOW && j.1.abs() > 0.03).collect();
        let t = if !jumps.is_empty() && rng.chance(0.4) {
            let j = rng.pick(&jumps).0;
            h.next_awake(j + delay(3.0 * HOUR as f64, 1.0, rng))
        } else {
            match h.pick(rng, W0, NOW) {
                Some(t) => t,
                None => continue,
            }
        };
        if !u.trading(m, t) || t > NOW {
            continue;
        }
        let p = u.p(m, tok, t);
        let held = book.get(m, tok);
        if held > 0 && ((p - ent >= 0.06 && rng.chance(0.5)) || rng.chance(0.1)) {
            let q = held * rng.int(30, 100) as u64 / 100;
            let (got, _) = take(u, me, m, tok, false, Amt::Sh(q), t, out, rng);
            book.sub(m, tok, got);
        } else if rng.chance(0.55) {
            // resting limit at the bid, filled a while later, sometimes in two parts
            let cents = u.bid(m, tok, t);
            let q = nice_shares(base * rng.lognormal(1.0, 0.4) / (cents as f64 / 100.0));
            let tf = t + delay(40.0 * MIN as f64, 1.2, rng);
            if u.trading(m, tf) {
                let parts = if rng.chance(0.3) { split(q, 2, rng) } else { vec![q] };
                let mut tt = tf;
                for part in parts {
                    if u.trading(m, tt) {
                        make(me, m, tok, true, part, cents, tt, out, rng);
                        book.add(m, tok, part);
                    }
                    tt += delay(2.0 * HOUR as f64, 1.0, rng);
                }
            }
        } else {
            let (got, _) = take(u, me, m, tok, true, Amt::Usd(stake(base, 0.6, rng)), t, out, rng);
            book.add(m, tok, got);
        }
    }
}

fn mine_contains(v: &[u32], m: u32) -> bool {
    v.contains(&m)
}

/// In-play bettor: watches games live in the evening and bets after swings — chasing the team
/// that just scored or backing the one that fell behind — sometimes cashing out before the end.
pub fn in_play_bettor(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let style = *rng.pick(&[Style::Evening, Style::Leisure, Style::NightOwl]);
    let h = Habits::new(style, rng);
    let mut leagues = vec![League::Nba, League::Nfl, League::Epl, League::Ncaab, League::Tennis, League::Nhl, League::Ucl, League::LaLiga];
    rng.shuffle(&mut leagues);
    leagues.truncate(rng.int(1, 3) as usize);
    let games: Vec<u32> =
        games_of(u, &leagues, W0, NOW - 30 * MIN).into_iter().filter(|&g| h.awake((u.m(g).start + u.m(g).fin) / 2)).collect();
    if games.is_empty() {
        return;
    }
    let n_games = (rng.lognormal(6.0, 0.6).round() as usize).clamp(1, 20);
    let chase = rng.range(0.3, 0.7);
    let base = rng.lognormal(40.0, 0.8).clamp(5.0, 3000.0);
    let mut book = Book::default();
    for _ in 0..n_games {
        let g = *rng.pick(&games);
        let mk = u.m(g);
        let mut moments: Vec<(i64, f32)> =
            mk.jumps.iter().copied().filter(|j| j.0 > mk.start && j.1.abs() > 0.05 && rng.chance(0.45)).collect();
        if moments.is_empty() {
            moments.push((rng.int(mk.start + 5 * MIN, mk.fin - 10 * MIN), 0.0));
        }
        moments.truncate(rng.int(1, 6) as usize);
        let mut last = mk.start;
        for (tj, dp) in moments {
            let t = tj + delay(70.0, 0.8, rng);
            if !h.awake(t) || t > NOW {
                continue;
            }
            let risen = if dp > 0.0 { 0 } else { 1 };
            let tok = if dp == 0.0 {
                rng.below(2) as u8
            } else if rng.chance(chase) {
                risen
            } else {
                1 - risen
            };
            let (got, _) = take(u, me, g, tok, true, Amt::Usd(stake(base, 0.6, rng)), t, out, rng);
            book.add(g, tok, got);
            last = t;
        }
        if rng.chance(0.35) {
            let mut t = last + 2 * MIN;
            while t < mk.fin - 2 * MIN && t < NOW {
                for tok in 0..2u8 {
                    let held = book.get(g, tok);
                    let p = u.p(g, tok, t);
                    if held > 0 && !(0.12..=0.85).contains(&p) && h.awake(t) {
                        let (got, _) = take(u, me, g, tok, false, Amt::Sh(held), t, out, rng);
                        book.sub(g, tok, got);
                    }
                }
                t += 60;
            }
        }
    }
}

/// Crypto up/down phone punter: opens the app a few evenings a week and bets a few dollars on
/// Bitcoin (sometimes Ether) going up or down in the next 15 minutes or hour, a few windows in a
/// row, doubling up after a loss now and then.
pub fn crypto_updown_phone_punter(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.6) { Style::Evening } else { Style::NightOwl }, rng);
    let asset = rng.weighted(&[0.72, 0.2, 0.04, 0.04]);
    let mins = if asset >= 2 || rng.chance(0.35) { 60 } else { 15 };
    let sessions = (rng.lognormal(5.0, 0.8).round() as usize).clamp(1, 30);
    let base = nice_usd(rng.lognormal(12.0, 0.8).clamp(1.0, 500.0));
    for _ in 0..sessions {
        let Some(mut t) = h.pick(rng, W0, NOW) else { continue };
        let bets = (1 + rng.poisson(1.5)).min(8);
        let mut amount = base;
        for _ in 0..bets {
            let Some(m) = u.crypto_at(asset, mins, t) else { break };
            let p_up = u.p0(m, t);
            let tok = if rng.chance(0.55) { if p_up >= 0.5 { 0 } else { 1 } } else { rng.below(2) as u8 };
            let (got, _) = take(u, me, m, tok, true, Amt::Usd(amount), t, out, rng);
            let mk = u.m(m);
            if got > 0 && rng.chance(0.15) {
                let ts = t + rng.int(60, (mk.fin - t - 20).max(61));
                if u.p(m, tok, ts) > 0.75 {
                    take(u, me, m, tok, false, Amt::Sh(got), ts, out, rng);
                }
            }
            amount = if mk.winner != tok && rng.chance(0.35) { (amount * 2.0).min(base * 8.0) } else { base };
            t = mk.fin + delay(40.0, 1.0, rng);
            if !h.awake(t) || t > NOW {
                break;
            }
        }
    }
}

/// Longshot buyer: buys tokens at one to twelve cents — underdogs, unlikely news, far-off
/// weather buckets — a few dollars each for hundreds of shares, and holds for the jackpot.
pub fn longshot_buyer(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Evening } else { Style::Daytime }, rng);
    let n = (rng.lognormal(10.0, 0.6).round() as usize).clamp(2, 50);
    let base = rng.lognormal(8.0, 0.7).clamp(1.0, 200.0);
    let limit_pref = rng.range(0.2, 0.8);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    for _ in 0..n {
        let Some(t) = h.pick(rng, W0, NOW) else { continue };
        let mut found = None;
        for _ in 0..40 {
            let r = rng.f();
            let m = if r < 0.4 {
                let gs = u.games_starting(t - 2 * HOUR, t + 30 * HOUR);
                if gs.is_empty() {
                    continue;
                }
                *rng.pick(gs)
            } else if r < 0.65 {
                *rng.pick(&pool)
            } else if r < 0.8 {
                *rng.pick(&u.weather)
            } else {
                match u.crypto_at(rng.below(2), 60, t) {
                    Some(m) => m,
                    None => continue,
                }
            };
            if !u.trading(m, t) {
                continue;
            }
            for tok in 0..2u8 {
                let p = u.p(m, tok, t);
                if (0.01..=0.12).contains(&p) {
                    found = Some((m, tok));
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((m, tok)) = found else { continue };
        let usd = stake(base, 0.5, rng);
        let got = if rng.chance(limit_pref) {
            let cents = u.bid(m, tok, t).max(1);
            let q = nice_shares(usd / (cents as f64 / 100.0));
            let tf = t + delay(20.0 * MIN as f64, 1.0, rng);
            if u.trading(m, tf) && tf <= NOW {
                make(me, m, tok, true, q, cents, tf, out, rng);
                q
            } else {
                0
            }
        } else {
            take(u, me, m, tok, true, Amt::Usd(usd), t, out, rng).0
        };
        if got > 0 && rng.chance(0.3) {
            let entry = u.p(m, tok, t);
            let mut ts = t + HOUR;
            while ts < u.m(m).end.min(NOW) {
                if u.p(m, tok, ts) >= 3.0 * entry && h.awake(ts) {
                    take(u, me, m, tok, false, Amt::Sh(got / 2), ts, out, rng);
                    break;
                }
                ts += 30 * MIN;
            }
        }
    }
}

/// News-reactive trader: mostly idle; when a headline moves a market they follow and they are
/// awake, they pile in within minutes (a few orders), and sometimes take profit later that day.
pub fn news_reactive_trader(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().filter(|&m| u.m(m).cat != Cat::SportsFuture).collect();
    let mut watch = Vec::new();
    for _ in 0..rng.int(3, 8) {
        if let Some(m) = pick_market(u, &pool, W0 + 3 * DAY, |m| if watch.contains(&m) { 0.0 } else { 1.0 }, rng) {
            watch.push(m);
        }
    }
    let react = rng.range(0.35, 0.8);
    let base = rng.lognormal(80.0, 0.8).clamp(5.0, 5000.0);
    let mut events: Vec<(i64, u32, f32)> = watch
        .iter()
        .flat_map(|&m| u.m(m).jumps.iter().filter(|j| j.0 > W0 && j.0 < NOW && j.1.abs() >= 0.04).map(move |j| (j.0, m, j.1)))
        .collect();
    events.sort_by_key(|e| e.0);
    let mut bursts = 0;
    let mut book = Book::default();
    for (tj, m, dp) in events {
        if bursts >= 10 || !rng.chance(react) {
            continue;
        }
        let mut t = tj + delay(12.0 * MIN as f64, 0.9, rng);
        if !h.awake(t) {
            if rng.chance(0.3) {
                t = h.next_awake(t) + delay(20.0 * MIN as f64, 0.8, rng);
            } else {
                continue;
            }
        }
        let up = if dp > 0.0 { 0 } else { 1 };
        let tok = if rng.chance(0.85) { up } else { 1 - up };
        bursts += 1;
        for _ in 0..rng.int(1, 3) {
            let (got, _) = take(u, me, m, tok, true, Amt::Usd(stake(base, 0.5, rng)), t, out, rng);
            book.add(m, tok, got);
            t += delay(180.0, 0.9, rng);
        }
        if rng.chance(0.3) {
            let ts = t + rng.int(HOUR, 10 * HOUR);
            if h.awake(ts) && book.get(m, tok) > 0 {
                let (got, _) = take(u, me, m, tok, false, Amt::Sh(book.get(m, tok)), ts, out, rng);
                book.sub(m, tok, got);
            }
        }
    }
    for _ in 0..rng.int(0, 3) {
        let Some(t) = h.pick(rng, W0, NOW) else { continue };
        if let Some(m) = pick_market(u, &watch, t, |_| 1.0, rng) {
            take(u, me, m, rng.below(2) as u8, true, Amt::Usd(stake(base, 0.5, rng)), t, out, rng);
        }
    }
}

/// Swing day trader: most days a session of an hour or so, in and out of the same few liquid
/// markets — buying dips, selling bounces within hours — with mixed market and limit orders.
pub fn day_trader_swing(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let style = *rng.pick(&[Style::Daytime, Style::Evening, Style::NightOwl]);
    let h = Habits::new(style, rng);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    let mut mine = Vec::new();
    for _ in 0..rng.int(2, 6) {
        if let Some(m) = pick_market(u, &pool, NOW - 3 * DAY, |m| if mine.contains(&m) { 0.0 } else { 1.0 }, rng) {
            mine.push(m);
        }
    }
    let pday = rng.range(0.5, 0.9);
    let base = rng.lognormal(150.0, 0.7).clamp(10.0, 5000.0);
    let mut book = Book::default();
    let mut avg: std::collections::HashMap<(u32, u8), f64> = std::collections::HashMap::new();
    let mut day = W0;
    while day < NOW {
        let weekend = h.weekday(day + 12 * HOUR) >= 5;
        let go = rng.chance(if weekend { pday * 0.6 } else { pday });
        if go && let Some(start) = h.pick(rng, day, day + DAY) {
            let len = rng.lognormal(60.0 * MIN as f64, 0.6) as i64;
            let mut t = start;
            while t < start + len && t < NOW {
                let Some(m) = pick_market(u, &mine, t, |_| 1.0, rng) else { break };
                let held: Vec<u8> = (0..2u8).filter(|&k| book.get(m, k) > 0).collect();
                if let Some(&tok) = held.first() {
                    let p = u.p(m, tok, t);
                    let a = avg.get(&(m, tok)).copied().unwrap_or(p);
                    if p - a >= 0.02 || rng.chance(0.3) {
                        let q = book.get(m, tok) * rng.int(50, 100) as u64 / 100;
                        let got = if rng.chance(0.4) {
                            let tf = t + delay(10.0 * MIN as f64, 1.0, rng);
                            if u.trading(m, tf) && tf <= NOW {
                                make(me, m, tok, false, q, u.ask(m, tok, t), tf, out, rng);
                                q
                            } else {
                                0
                            }
                        } else {
                            take(u, me, m, tok, false, Amt::Sh(q), t, out, rng).0
                        };
                        book.sub(m, tok, got);
                        t += delay(6.0 * MIN as f64, 0.9, rng);
                        continue;
                    }
                }
                // buy the side that dipped over the last few hours
                let d = u.p0(m, t) - u.p0(m, t - 3 * HOUR);
                let tok = if rng.chance(0.6) { if d < 0.0 { 0 } else { 1 } } else { rng.below(2) as u8 };
                let usd = stake(base, 0.6, rng);
                let (got, px) = if rng.chance(0.4) {
                    let cents = u.bid(m, tok, t);
                    let q = nice_shares(usd / (cents as f64 / 100.0));
                    let tf = t + delay(15.0 * MIN as f64, 1.0, rng);
                    if u.trading(m, tf) && tf <= NOW {
                        make(me, m, tok, true, q, cents, tf, out, rng);
                        (q, cents)
                    } else {
                        (0, 0)
                    }
                } else {
                    take(u, me, m, tok, true, Amt::Usd(usd), t, out, rng)
                };
                if got > 0 {
                    let old = book.get(m, tok) as f64;
                    let a = avg.get(&(m, tok)).copied().unwrap_or(0.0);
                    avg.insert((m, tok), (a * old + px as f64 / 100.0 * got as f64) / (old + got as f64));
                    book.add(m, tok, got);
                }
                t += delay(6.0 * MIN as f64, 0.9, rng);
            }
        }
        day += DAY;
    }
}

/// Whale with a few big bets: one to four large conviction bets a month on the biggest markets,
/// either one market order that sweeps several price levels or worked by hand over an hour.
pub fn whale_few_big_bets(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    let n = (1 + rng.poisson(1.2)).min(5);
    let size = rng.lognormal(20_000.0, 0.7);
    for _ in 0..n {
        let Some(t) = h.pick(rng, W0, NOW - 3 * HOUR) else { continue };
        let big_games: Vec<u32> = u.games_starting(t + 30 * MIN, t + 48 * HOUR).iter().copied().filter(|&g| u.m(g).pop >= 2.0).collect();
        let m = if !big_games.is_empty() && rng.chance(0.5) {
            *rng.pick(&big_games)
        } else {
            match pick_market(u, &u.futures, t, |m| if u.m(m).pop >= 1.5 { 1.0 } else { 0.0 }, rng) {
                Some(m) => m,
                None => continue,
            }
        };
        let tok = if rng.chance(0.6) { fav_tok(u, m, t) } else { 1 - fav_tok(u, m, t) };
        let usd = (size * rng.lognormal(1.0, 0.5)).clamp(3_000.0, 200_000.0);
        let mut got_total = 0;
        if rng.chance(0.5) {
            // one sweep: many levels in one transaction
            let base = u.ask(m, tok, t);
            let levels = rng.int(4, 14) as usize;
            let total = shares_for(usd, base + 2);
            let parts = split(total, levels, rng);
            let tx = rng.next_u64();
            let mut cents = base;
            for part in parts {
                out.push(Fill { who: me, m, tok, buy: true, centi: part, cents: cents.min(99), ts: t, tx });
                if rng.chance(0.5) {
                    cents += 1;
                }
            }
            got_total = total;
        } else {
            let k = rng.int(3, 8);
            let mut tt = t;
            for _ in 0..k {
                got_total += take(u, me, m, tok, true, Amt::Usd(usd / k as f64 * rng.lognormal(1.0, 0.3)), tt, out, rng).0;
                tt += delay(6.0 * MIN as f64, 0.8, rng);
            }
        }
        if rng.chance(0.3) {
            let entry = u.p(m, tok, t);
            let mut ts = t + 6 * HOUR;
            while ts < u.m(m).end.min(NOW) {
                if u.p(m, tok, ts) > entry + 0.08 && h.awake(ts) {
                    take(u, me, m, tok, false, Amt::Sh(got_total * rng.int(30, 60) as u64 / 100), ts, out, rng);
                    break;
                }
                ts += HOUR;
            }
        }
    }
}

/// Limit-ladder person (hard case): places ladders of resting buy orders below the market in
/// round sizes and then a ladder of sells above; the rungs fill whenever the price trades
/// through them — overnight included — while the person only places orders when awake.
pub fn limit_ladder_person(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    let rung_size = rng.lognormal(150.0, 0.7);
    for _ in 0..rng.int(2, 7) {
        let Some(tp) = h.pick(rng, W0 - 2 * DAY, NOW - 2 * HOUR) else { continue };
        let m = if rng.chance(0.3) {
            let gs: Vec<u32> = u.games_starting(tp + 3 * HOUR, tp + 3 * DAY).iter().copied().filter(|&g| u.trading(g, tp)).collect();
            if gs.is_empty() {
                continue;
            }
            *rng.pick(&gs)
        } else {
            match pick_market(
                u,
                &pool,
                tp,
                |m| {
                    let p = u.p0(m, tp);
                    if (0.12..=0.88).contains(&p) { 1.0 } else { 0.0 }
                },
                rng,
            ) {
                Some(m) => m,
                None => continue,
            }
        };
        let mk = u.m(m);
        let tok = rng.below(2) as u8;
        let p_now = u.p(m, tok, tp);
        if !(0.1..=0.9).contains(&p_now) {
            continue;
        }
        let rungs = rng.int(3, 6);
        let step = rng.int(1, 3) as u32;
        let first = u.bid(m, tok, tp).saturating_sub(rng.int(1, 3) as u32);
        let grow = rng.chance(0.3);
        let q0 = nice_shares(rung_size * rng.lognormal(1.0, 0.3));
        let cancel = if u.is_game(m) { if rng.chance(0.3) { mk.fin } else { mk.start } } else { tp + rng.int(1, 10) * DAY };
        let mut filled: Vec<(u64, u32, i64)> = Vec::new();
        for r in 0..rungs {
            let level = first.saturating_sub(step * r as u32);
            if level < 1 {
                break;
            }
            let q = if grow { q0 + q0 * r as u64 / 2 } else { q0 };
            let mut t = tp + 5 * MIN;
            let stepping = if u.is_game(m) { 2 * MIN } else { 5 * MIN };
            while t < cancel.min(mk.end).min(NOW) {
                if u.p(m, tok, t) <= level as f64 / 100.0 + 0.004 {
                    let parts = if rng.chance(0.4) { split(q, rng.int(2, 3) as usize, rng) } else { vec![q] };
                    let mut tf = t;
                    for part in parts {
                        if tf < cancel.min(mk.end) {
                            make(me, m, tok, true, part, level, tf, out, rng);
                            filled.push((part, level, tf));
                        }
                        tf += delay(20.0 * MIN as f64, 1.2, rng);
                    }
                    break;
                }
                t += stepping;
            }
        }
        if filled.is_empty() || !rng.chance(0.6) {
            continue;
        }
        let held: u64 = filled.iter().map(|f| f.0).sum();
        let avg = filled.iter().map(|f| f.0 * f.1 as u64).sum::<u64>() / held.max(1);
        let last = filled.iter().map(|f| f.2).max().unwrap_or(tp);
        let place = h.next_awake(last + 10 * MIN);
        let srungs = rng.int(2, 4) as u64;
        let up = rng.int(5, 12) as u32;
        for r in 0..srungs {
            let level = (avg as u32 + up + r as u32 * step).min(99);
            let q = held / srungs;
            let mut t = place;
            while t < mk.end.min(NOW).min(place + 14 * DAY) {
                if u.p(m, tok, t) >= level as f64 / 100.0 - 0.004 {
                    make(me, m, tok, false, q, level, t, out, rng);
                    break;
                }
                t += 5 * MIN;
            }
        }
    }
}

/// Hand copier (hard case): follows one or two well-known traders through alerts and copies some
/// of their buys by hand minutes to an hour later, at whatever the price is then, with a round
/// stake; asleep means missed, unless it still looks good in the morning.
pub fn hand_copier(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.6) { Style::Evening } else { Style::Daytime }, rng);
    let mut follow = vec![cx.leader(rng)];
    if rng.chance(0.4) {
        let l = cx.leader(rng);
        if !follow.contains(&l) {
            follow.push(l);
        }
    }
    let pc = rng.range(0.3, 0.7);
    let base = nice_usd(rng.lognormal(25.0, 0.6));
    let mut book = Book::default();
    for &li in &follow {
        for order in cx.leaders[li].orders() {
            let f = order[0];
            if f.ts < W0 - DAY || f.ts > NOW {
                continue;
            }
            let lat = rng.int(30, 600) + delay(10.0 * MIN as f64, 1.0, rng);
            let mut t = f.ts + lat;
            if !h.awake(t) {
                if rng.chance(0.4) {
                    t = h.next_awake(t) + delay(15.0 * MIN as f64, 0.8, rng);
                } else {
                    continue;
                }
            }
            if !u.trading(f.m, t) || t > NOW {
                continue;
            }
            if f.buy {
                if !rng.chance(pc) || (u.p(f.m, f.tok, t) - f.cents as f64 / 100.0).abs() > 0.12 {
                    continue;
                }
                let usd = if rng.chance(0.7) { base } else { nice_usd(base * rng.lognormal(1.0, 0.5)) };
                let (got, _) = take(u, me, f.m, f.tok, true, Amt::Usd(usd), t, out, rng);
                book.add(f.m, f.tok, got);
            } else if book.get(f.m, f.tok) > 0 && rng.chance(0.3) {
                let (got, _) = take(u, me, f.m, f.tok, false, Amt::Sh(book.get(f.m, f.tok)), t, out, rng);
                book.sub(f.m, f.tok, got);
            }
        }
    }
}

/// Hedger (hard case): takes a side before a game (or in a long-running market) and later buys
/// the other side to lock in a profit or cap a loss, so ends up holding both outcomes.
pub fn hedger(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(Style::Evening, rng);
    let base = rng.lognormal(60.0, 0.8).clamp(5.0, 5000.0);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    for _ in 0..rng.int(3, 10) {
        if rng.chance(0.7) {
            let Some(t0) = h.pick(rng, W0, NOW - 4 * HOUR) else { continue };
            let gs: Vec<u32> = u.games_starting(t0 + 30 * MIN, t0 + 12 * HOUR).iter().copied().filter(|&g| u.m(g).fin < NOW).collect();
            if gs.is_empty() {
                continue;
            }
            let g = *rng.pick(&gs);
            let mk = u.m(g);
            let tok = if rng.chance(0.6) { fav_tok(u, g, t0) } else { 1 - fav_tok(u, g, t0) };
            let (got, px) = take(u, me, g, tok, true, Amt::Usd(stake(base, 0.5, rng)), t0, out, rng);
            if got == 0 {
                continue;
            }
            let entry = px as f64 / 100.0;
            let lock = rng.range(0.12, 0.25);
            let cut = rng.range(0.15, 0.3);
            let mut t = mk.start + 5 * MIN;
            let mut hedges = 0;
            while t < mk.fin - 5 * MIN && hedges < 2 {
                let p = u.p(g, tok, t);
                if h.awake(t) && (p - entry >= lock || entry - p >= cut) {
                    let q = (got as f64 * rng.range(0.6, 1.0)) as u64;
                    take(u, me, g, 1 - tok, true, Amt::Sh(q.max(100)), t + delay(60.0, 0.8, rng), out, rng);
                    hedges += 1;
                    if !rng.chance(0.2) {
                        break;
                    }
                    t += 15 * MIN;
                }
                t += 60;
            }
        } else {
            let Some(t0) = h.pick(rng, W0, NOW - 2 * DAY) else { continue };
            let Some(m) = pick_market(u, &pool, t0, |_| 1.0, rng) else { continue };
            let (got, px) = take(u, me, m, 0, true, Amt::Usd(stake(base * 2.0, 0.5, rng)), t0, out, rng);
            if got == 0 {
                continue;
            }
            let entry = px as f64 / 100.0;
            let mut t = t0 + HOUR;
            while t < u.m(m).end.min(NOW) {
                let p = u.p0(m, t);
                if h.awake(t) && ((p - entry).abs() > 0.1) {
                    let q = (got as f64 * rng.range(0.5, 1.0)) as u64;
                    take(u, me, m, 1, true, Amt::Sh(q.max(100)), t, out, rng);
                    break;
                }
                t += 30 * MIN;
            }
        }
    }
}

/// Newcomer: signed up in the last days; tiny first bets on whatever is trending, a quick sell
/// to see how it works, then a few more small trades.
pub fn newcomer(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let style = *rng.pick(&[Style::Evening, Style::Daytime, Style::NightOwl, Style::Leisure]);
    let h = Habits::new(style, rng);
    let joined = NOW - rng.int(HOUR, 12 * DAY);
    let sessions = (1 + rng.poisson(1.5)).min(5);
    let mut mult = 1.0;
    let mut book = Book::default();
    for s in 0..sessions {
        let t = if s == 0 { h.pick(rng, joined, (joined + DAY).min(NOW)) } else { h.pick(rng, joined, NOW) };
        let Some(mut t) = t else { continue };
        for _ in 0..rng.int(1, 3) {
            let r = rng.f();
            let m = if r < 0.45 {
                let gs: Vec<u32> = u.games_starting(t + 10 * MIN, t + DAY).iter().copied().filter(|&g| u.m(g).pop >= 1.2).collect();
                if gs.is_empty() {
                    continue;
                }
                *rng.pick(&gs)
            } else if r < 0.7 {
                match u.crypto_at(0, 60, t) {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                match pick_market(u, &u.futures, t, |m| u.m(m).pop, rng) {
                    Some(m) => m,
                    None => continue,
                }
            };
            let usd = *rng.pick(&[1.0, 2.0, 3.0, 5.0, 5.0, 10.0, 7.5, 4.0, 2.5]) * mult;
            let tok = if rng.chance(0.7) { fav_tok(u, m, t) } else { 1 - fav_tok(u, m, t) };
            let (got, _) = take(u, me, m, tok, true, Amt::Usd(usd), t, out, rng);
            book.add(m, tok, got);
            if got > 0 && s == 0 && rng.chance(0.25) {
                let ts = t + delay(180.0, 0.8, rng);
                let (sold, _) = take(u, me, m, tok, false, Amt::Sh(got), ts, out, rng);
                book.sub(m, tok, sold);
            }
            t += delay(150.0, 0.9, rng);
        }
        mult *= rng.range(1.0, 3.0);
    }
}

/// Weekend and evening hobbyist: only on the app on Friday nights, weekends and weekday
/// evenings after work; a mix of football, weather and pop-culture markets, modest stakes.
pub fn weekend_evening_hobbyist(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(Style::Leisure, rng);
    let n = (rng.lognormal(12.0, 0.5).round() as usize).clamp(3, 35);
    let base = rng.lognormal(25.0, 0.7).clamp(2.0, 1000.0);
    let pool: Vec<u32> =
        u.futures.iter().chain(u.deadlines.iter()).copied().filter(|&m| matches!(u.m(m).cat, Cat::Culture | Cat::Politics)).collect();
    let mut book = Book::default();
    for _ in 0..n {
        let Some(t) = h.pick(rng, W0, NOW) else { continue };
        let mut held: Vec<(u32, u8)> = book.0.iter().filter(|(k, v)| **v > 0 && u.trading(k.0, t)).map(|(k, _)| *k).collect();
        held.sort_unstable();
        if !held.is_empty() && rng.chance(0.1) {
            let (m, tok) = held[rng.below(held.len())];
            let (got, _) = take(u, me, m, tok, false, Amt::Sh(book.get(m, tok)), t, out, rng);
            book.sub(m, tok, got);
            continue;
        }
        let r = rng.f();
        let m = if r < 0.55 {
            let gs: Vec<u32> = u.games_starting(t - 2 * HOUR, t + 8 * HOUR).iter().copied().filter(|&g| u.trading(g, t)).collect();
            if gs.is_empty() {
                continue;
            }
            *rng.pick(&gs)
        } else if r < 0.7 {
            match pick_market(u, &u.weather, t, |_| 1.0, rng) {
                Some(m) => m,
                None => continue,
            }
        } else if r < 0.85 {
            match pick_market(u, &pool, t, |_| 1.0, rng) {
                Some(m) => m,
                None => continue,
            }
        } else {
            match u.crypto_at(0, 60, t) {
                Some(m) => m,
                None => continue,
            }
        };
        let tok = if rng.chance(0.6) { fav_tok(u, m, t) } else { 1 - fav_tok(u, m, t) };
        let (got, _) = take(u, me, m, tok, true, Amt::Usd(stake(base, 0.6, rng)), t, out, rng);
        book.add(m, tok, got);
    }
}

/// Near-certainty grinder, by hand (hard case): picks up outcomes at 93–98 cents near the end of
/// games, weather days and deadlines for a small sure-ish return, in big round amounts, whenever
/// they check in during the day.
pub fn near_certainty_grinder_person(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    let pday = rng.range(0.2, 0.6);
    let base = rng.lognormal(1000.0, 0.8).clamp(100.0, 20_000.0);
    let mut day = W0;
    while day < NOW {
        if rng.chance(pday) {
            for _ in 0..rng.int(1, 2) {
                let mut cands: Vec<(u32, u8)> = Vec::new();
                let mut t = 0;
                for _ in 0..6 {
                    let Some(tt) = h.pick(rng, day, (day + DAY).min(NOW)) else { break };
                    t = tt;
                    cands.clear();
                    let check = |m: u32, cands: &mut Vec<(u32, u8)>| {
                        for tok in 0..2u8 {
                            let p = u.p(m, tok, tt);
                            if (0.93..=0.985).contains(&p) {
                                cands.push((m, tok));
                            }
                        }
                    };
                    for g in u.live_games(tt) {
                        if u.m(g).fin - tt <= 40 * MIN {
                            check(g, &mut cands);
                        }
                    }
                    for &m in u.weather.iter().chain(u.deadlines.iter()) {
                        let mk = u.m(m);
                        if u.trading(m, tt) && mk.fin - tt < 10 * HOUR {
                            check(m, &mut cands);
                        }
                    }
                    if rng.chance(0.2)
                        && let Some(m) = u.crypto_at(0, 60, tt)
                        && u.m(m).fin - tt < 4 * MIN
                    {
                        check(m, &mut cands);
                    }
                    if !cands.is_empty() {
                        break;
                    }
                }
                if cands.is_empty() {
                    continue;
                }
                for _ in 0..rng.int(1, 3) {
                    let (m, tok) = cands[rng.below(cands.len())];
                    take(u, me, m, tok, true, Amt::Usd(stake(base, 0.5, rng)), t, out, rng);
                    t += delay(120.0, 0.8, rng);
                }
            }
        }
        day += DAY;
    }
}

/// Heavy active degen (hard case): a very active person with long late sessions scalping live
/// games and crypto windows, dozens of quick trades a session with uneven sizes, then days off.
pub fn heavy_active_degen(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.6) { Style::NightOwl } else { Style::Evening }, rng);
    let active_days = rng.int(15, 26);
    let mut days: Vec<i64> = (0..30).collect();
    rng.shuffle(&mut days);
    days.truncate(active_days as usize);
    let base = rng.lognormal(40.0, 0.7);
    let gap = rng.range(100.0, 300.0);
    let mut book = Book::default();
    let start_n = out.len();
    for d in days {
        let day = W0 + d * DAY;
        for _ in 0..rng.int(1, 3) {
            let Some(start) = h.pick(rng, day, (day + DAY).min(NOW)) else { continue };
            let len = rng.lognormal(45.0 * MIN as f64, 0.6) as i64;
            let crypto_focus = rng.chance(0.4);
            let asset = if rng.chance(0.7) { 0 } else { 1 };
            let mut t = start;
            while t < start + len && t < NOW && out.len() - start_n < 900 {
                let live: Vec<u32> = if crypto_focus {
                    Vec::new()
                } else {
                    u.live_games(t).filter(|&g| u.m(g).pop > 0.8 && (0.06..=0.94).contains(&u.p0(g, t))).collect()
                };
                let m = if live.is_empty() {
                    match u.crypto_at(asset, 15, t) {
                        Some(m) => m,
                        None => break,
                    }
                } else {
                    live[rng.below(live.len())]
                };
                let held: Vec<u8> = (0..2u8).filter(|&k| book.get(m, k) > 0).collect();
                if !held.is_empty() && rng.chance(0.5) {
                    let tok = held[rng.below(held.len())];
                    let q = if rng.chance(0.5) { book.get(m, tok) } else { book.get(m, tok) / 2 };
                    let (got, _) = take(u, me, m, tok, false, Amt::Sh(q.max(1)), t, out, rng);
                    book.sub(m, tok, got);
                } else {
                    let tok = if rng.chance(0.5) { fav_tok(u, m, t) } else { rng.below(2) as u8 };
                    let (got, _) = take(u, me, m, tok, true, Amt::Usd(stake(base, 0.9, rng)), t, out, rng);
                    book.add(m, tok, got);
                }
                t += delay(gap, 1.0, rng);
            }
        }
    }
}

/// One plain trade for a person who would otherwise have none in the window.
pub fn fallback_person(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(Style::Evening, rng);
    for _ in 0..50 {
        let Some(t) = h.pick(rng, W0, NOW) else { continue };
        if let Some(m) = pick_market(u, &u.futures, t, |_| 1.0, rng) {
            take(u, me, m, fav_tok(u, m, t), true, Amt::Usd(nice_usd(rng.lognormal(20.0, 0.7))), t, out, rng);
            return;
        }
    }
}
