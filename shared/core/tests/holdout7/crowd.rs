//! Unlabelled participants: the leaders that copiers follow and the background crowd of ordinary
//! traders in every market (with the market makers they trade against).

use super::NOW;
use super::common::{Amt, Book, Fill, Habits, Leader, Style, counterparty, delay, make, nice_usd, pick_market, take};
use super::markets::{Cat, DAY, HOUR, Kind, League, MIN, Universe, W0};
use super::rng::{Cumulative, Rng};

/// Known traders: sharp sports bettors, politics traders, in-play traders and crypto traders.
pub fn leaders(u: &Universe, rng: &mut Rng, ids: &[u32]) -> Vec<Leader> {
    let mut out = Vec::new();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    rng.shuffle(&mut order);
    for (i, &who) in ids.iter().enumerate() {
        let mut r = rng.fork(who as u64);
        let mut fills = Vec::new();
        match i % 6 {
            0 | 1 => sharp_sports(u, &mut r, who, &mut fills),
            2 => politics_trader(u, &mut r, who, &mut fills),
            3 | 4 => inplay_trader(u, &mut r, who, &mut fills),
            _ => crypto_trader(u, &mut r, who, &mut fills),
        }
        fills.sort_by_key(|f| f.ts);
        let fame = 1.0 / ((order[i] + 1) as f64).powf(0.9);
        out.push(Leader { who, fills, fame });
    }
    out
}

fn sharp_sports(u: &Universe, rng: &mut Rng, who: u32, out: &mut Vec<Fill>) {
    let h = Habits::new(Style::Daytime, rng);
    let all = [League::Nba, League::Nfl, League::Nhl, League::Epl, League::Ncaab, League::Tennis, League::Ucl, League::LaLiga];
    let mut leagues: Vec<League> = all.to_vec();
    rng.shuffle(&mut leagues);
    leagues.truncate(rng.int(2, 4) as usize);
    let stake = rng.lognormal(1200.0, 0.6);
    let pday = rng.range(0.5, 0.9);
    let skill = rng.range(0.55, 0.65);
    let mut day = W0 - 2 * DAY;
    while day < NOW {
        if rng.chance(pday) {
            let games: Vec<u32> = u
                .games_starting(day + 8 * HOUR, day + 40 * HOUR)
                .iter()
                .copied()
                .filter(|&g| u.league(g).is_some_and(|l| leagues.contains(&l)))
                .collect();
            let k = rng.poisson(2.5) as usize;
            for _ in 0..k.min(games.len()) {
                let g = *rng.pick(&games);
                let mk = u.m(g);
                let Some(t) = h.pick(rng, day, (day + DAY).min(mk.start - 10 * MIN)) else { continue };
                let tok = if rng.chance(skill) { mk.winner } else { 1 - mk.winner };
                let usd = stake * rng.lognormal(1.0, 0.5);
                let (got, _) = take(u, who, g, tok, true, Amt::Usd(usd), t, out, rng);
                if got > 0 && rng.chance(0.1) {
                    let ts = rng.int(mk.start + 10 * MIN, mk.fin - 5 * MIN);
                    take(u, who, g, tok, false, Amt::Sh(got / 2), ts, out, rng);
                }
            }
        }
        day += DAY;
    }
}

fn politics_trader(u: &Universe, rng: &mut Rng, who: u32, out: &mut Vec<Fill>) {
    let h = Habits::new(Style::Daytime, rng);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    let mut mine = Vec::new();
    for _ in 0..rng.int(4, 10) {
        if let Some(m) = pick_market(u, &pool, NOW - 5 * DAY, |_| 1.0, rng) {
            mine.push(m);
        }
    }
    let stake = rng.lognormal(2500.0, 0.7);
    let mut book = Book::default();
    let mut day = W0 - 2 * DAY;
    while day < NOW {
        for _ in 0..rng.poisson(1.4) {
            let Some(t) = h.pick(rng, day, day + DAY) else { continue };
            let Some(m) = pick_market(u, &mine, t, |_| 1.0, rng) else { continue };
            trade_or_exit(u, rng, who, m, t, stake, &mut book, out);
        }
        day += DAY;
    }
    // quick reactions to news
    for &m in &mine {
        for &(tj, dp) in &u.m(m).jumps {
            if tj > W0 - 2 * DAY && tj < NOW && dp.abs() > 0.04 && rng.chance(0.5) {
                let t = tj + delay(300.0, 0.8, rng);
                if h.awake(t) {
                    let tok = if dp > 0.0 { 0 } else { 1 };
                    let (got, _) = take(u, who, m, tok, true, Amt::Usd(stake * rng.lognormal(1.0, 0.4)), t, out, rng);
                    book.add(m, tok, got);
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn trade_or_exit(u: &Universe, rng: &mut Rng, who: u32, m: u32, t: i64, stake: f64, book: &mut Book, out: &mut Vec<Fill>) {
    let held0 = book.get(m, 0);
    let held1 = book.get(m, 1);
    if (held0 > 0 || held1 > 0) && rng.chance(0.35) {
        let tok = if held0 >= held1 { 0 } else { 1 };
        let q = book.get(m, tok) * rng.int(40, 100) as u64 / 100;
        let (got, _) = take(u, who, m, tok, false, Amt::Sh(q), t, out, rng);
        book.sub(m, tok, got);
    } else {
        let tok = if rng.chance(0.6) { 0 } else { 1 };
        let (got, _) = take(u, who, m, tok, true, Amt::Usd(stake * rng.lognormal(1.0, 0.5)), t, out, rng);
        book.add(m, tok, got);
    }
}

fn inplay_trader(u: &Universe, rng: &mut Rng, who: u32, out: &mut Vec<Fill>) {
    let h = Habits::new(if rng.chance(0.5) { Style::Evening } else { Style::NightOwl }, rng);
    let stake = rng.lognormal(500.0, 0.6);
    let pday = rng.range(0.4, 0.8);
    let mut book = Book::default();
    let mut day = W0 - 2 * DAY;
    while day < NOW {
        if rng.chance(pday) {
            let live: Vec<u32> = u
                .games_starting(day, day + DAY)
                .iter()
                .copied()
                .filter(|&g| h.awake(u.m(g).start + 30 * MIN) && u.m(g).pop > 0.8)
                .collect();
            for _ in 0..rng.int(1, 3) {
                if live.is_empty() {
                    break;
                }
                let g = *rng.pick(&live);
                let mk = u.m(g);
                let mut moments: Vec<i64> =
                    mk.jumps.iter().filter(|j| j.0 > mk.start && j.1.abs() > 0.04).map(|j| j.0 + delay(40.0, 0.7, rng)).collect();
                for _ in 0..rng.int(0, 3) {
                    moments.push(rng.int(mk.start, mk.fin - MIN));
                }
                moments.sort_unstable();
                for t in moments.into_iter().take(rng.int(3, 12) as usize) {
                    let p0 = u.p0(g, t);
                    if book.get(g, 0) + book.get(g, 1) > 0 && rng.chance(0.4) {
                        let tok = if book.get(g, 0) >= book.get(g, 1) { 0 } else { 1 };
                        let (got, _) = take(u, who, g, tok, false, Amt::Sh(book.get(g, tok)), t, out, rng);
                        book.sub(g, tok, got);
                    } else {
                        let tok = if (p0 > 0.5) == rng.chance(0.6) { 0 } else { 1 };
                        let (got, _) = take(u, who, g, tok, true, Amt::Usd(stake * rng.lognormal(1.0, 0.5)), t, out, rng);
                        book.add(g, tok, got);
                    }
                }
            }
        }
        day += DAY;
    }
}

fn crypto_trader(u: &Universe, rng: &mut Rng, who: u32, out: &mut Vec<Fill>) {
    let h = Habits::new(Style::NightOwl, rng);
    let stake = rng.lognormal(400.0, 0.7);
    let per_day = rng.range(5.0, 20.0);
    let mut day = W0 - 2 * DAY;
    while day < NOW {
        if rng.chance(0.85) {
            for _ in 0..rng.poisson(per_day) {
                let Some(t) = h.pick(rng, day, day + DAY) else { continue };
                let asset = if rng.chance(0.7) { 0 } else { 1 };
                let mins = if rng.chance(0.6) { 15 } else { 60 };
                let Some(m) = u.crypto_at(asset, mins, t) else { continue };
                let p = u.p0(m, t);
                let tok = if (p >= 0.5) == rng.chance(0.65) { 0 } else { 1 };
                let (got, _) = take(u, who, m, tok, true, Amt::Usd(stake * rng.lognormal(1.0, 0.5)), t, out, rng);
                if got > 0 && rng.chance(0.25) {
                    let ts = t + rng.int(60, (u.m(m).fin - t - 10).max(61));
                    if u.p(m, tok, ts) > u.p(m, tok, t) {
                        take(u, who, m, tok, false, Amt::Sh(got), ts, out, rng);
                    }
                }
            }
        }
        day += DAY;
    }
}

/// Hour-of-day weight (UTC) of crowd activity: Americas evenings and European afternoons.
fn crowd_hour_weight(t: i64) -> f64 {
    const W: [f64; 24] = [
        1.0, 1.0, 0.95, 0.8, 0.6, 0.45, 0.35, 0.3, 0.3, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0,
    ];
    W[(t.rem_euclid(DAY) / HOUR) as usize]
}

/// The background crowd: every market gets ordinary traders' fills in proportion to its
/// popularity, timed by how the market is traded (pre-game and in-play, after news, late in a
/// crypto window). Some crowd orders trade against unlabelled market makers in the same
/// transaction.
pub fn crowd(cx_crowd: (u32, &Cumulative), u: &Universe, rng: &mut Rng, mm_ids: &[u32], out: &mut Vec<Fill>) {
    let (crowd0, crowd_w) = cx_crowd;
    let pick = |rng: &mut Rng| crowd0 + crowd_w.draw(rng) as u32;
    for m in 0..u.markets.len() as u32 {
        let mk = u.m(m);
        let t0 = mk.open.max(W0);
        let t1 = mk.end.min(NOW + 1);
        if t1 <= t0 {
            continue;
        }
        let share_of_month = (t1 - t0) as f64 / (30 * DAY) as f64;
        let expected = match mk.kind {
            Kind::Game(_) => {
                let live_frac = if mk.start >= t0 && mk.fin <= t1 { 1.0 } else { 0.5 };
                mk.pop * 32.0 * live_frac
            }
            Kind::Future => mk.pop * 260.0 * share_of_month,
            Kind::Deadline => mk.pop * 220.0 * share_of_month,
            Kind::Weather => mk.pop * 60.0,
            Kind::Crypto { mins, .. } => mk.pop * if mins == 15 { 3.0 } else { 6.0 },
        };
        let lam = expected * rng.lognormal(1.0, 0.3);
        let n = rng.poisson(lam);
        let mut tries = 0;
        let mut made = 0;
        while made < n && tries < n * 6 + 10 {
            tries += 1;
            let t = match mk.kind {
                Kind::Game(_) => {
                    let r = rng.f();
                    if r < 0.35 {
                        mk.start - rng.exp(4.0 * HOUR as f64) as i64
                    } else if r < 0.55 && !mk.jumps.is_empty() {
                        let j = rng.pick(&mk.jumps).0;
                        j + rng.exp(100.0) as i64
                    } else if r < 0.95 {
                        rng.int(mk.start, mk.fin)
                    } else {
                        rng.int(mk.fin, mk.end)
                    }
                }
                Kind::Future | Kind::Deadline => {
                    if rng.chance(0.3) && !mk.jumps.is_empty() {
                        let j = rng.pick(&mk.jumps).0;
                        j + rng.exp(2.0 * HOUR as f64) as i64
                    } else {
                        let t = rng.int(t0, t1 - 1);
                        if !rng.chance(crowd_hour_weight(t)) {
                            continue;
                        }
                        t
                    }
                }
                Kind::Weather => rng.int((mk.fin - 20 * HOUR).max(t0), t1 - 1),
                Kind::Crypto { .. } => {
                    if rng.chance(0.4) {
                        mk.fin - rng.int(5, 200)
                    } else {
                        rng.int(mk.start - 10 * MIN, mk.fin - 1)
                    }
                }
            };
            if t < t0 || t >= t1 || !u.trading(m, t) {
                continue;
            }
            made += 1;
            let who = pick(rng);
            let p = u.p0(m, t);
            let tok = if rng.chance(0.55) {
                if p >= 0.5 { 0 } else { 1 }
            } else if rng.chance(0.5) {
                0
            } else {
                1
            };
            let buy = rng.chance(0.74);
            let median = match mk.cat {
                Cat::Crypto => 9.0,
                Cat::Weather => 6.0,
                Cat::Game => 16.0,
                _ => 22.0,
            };
            let mut usd = rng.lognormal(median, 1.25).clamp(1.0, 40_000.0);
            if rng.chance(0.4) {
                usd = nice_usd(usd);
            }
            if rng.chance(0.15) {
                // a resting limit order taken by another crowd member
                let cents = if buy { u.bid(m, tok, t) } else { u.ask(m, tok, t) };
                let c = super::common::shares_for(usd, cents);
                let f = make(who, m, tok, buy, c, cents, t, out, rng);
                let other = pick(rng);
                counterparty(&f, other, out, rng);
            } else {
                let before = out.len();
                take(u, who, m, tok, buy, Amt::Usd(usd), t, out, rng);
                if out.len() > before && rng.chance(0.15) && !mm_ids.is_empty() {
                    let f = out[before];
                    let mm = mm_ids[rng.below(mm_ids.len())];
                    counterparty(&f, mm, out, rng);
                }
            }
        }
    }
}
