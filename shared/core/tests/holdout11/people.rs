//! People: how individuals actually use Polymarket.

use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, MIN, W0};
use super::{Ctx, Gen, NOW};

pub const PEOPLE: &[(&str, Gen)] = &[
    ("casual_sports_bettor", casual_sports),
    ("politics_position_holder", politics_holder),
    ("inplay_sports_trader", inplay_trader),
    ("crypto_updown_phone_punter", crypto_punter),
    ("longshot_lottery_buyer", longshot_buyer),
    ("news_reactor", news_reactor),
    ("swing_day_trader", swing_trader),
    ("whale_few_big_bets", whale),
    ("manual_limit_ladder", limit_ladder),
    ("manual_alert_copier", alert_copier),
    ("position_hedger", hedger),
    ("newcomer_first_deposit", newcomer),
    ("weekend_football_hobbyist", weekend_hobbyist),
    ("near_certain_grinder_person", grinder),
    ("heavy_degen", degen),
    ("night_shift_worker", night_shift),
    ("big_event_night_bettor", big_event),
    ("weather_forecast_hobbyist", weather_hobbyist),
];

#[derive(Clone, Copy)]
pub enum Prof {
    Evening,
    Office,
    NightOwl,
    NightShift,
    Early,
}

const EVENING: [f64; 24] =
    [0.35, 0.2, 0.08, 0.03, 0.02, 0.02, 0.05, 0.15, 0.25, 0.3, 0.3, 0.35, 0.5, 0.45, 0.35, 0.35, 0.45, 0.6, 0.8, 0.95, 1.0, 1.0, 0.9, 0.6];
const OFFICE: [f64; 24] =
    [0.15, 0.05, 0.02, 0.01, 0.01, 0.02, 0.1, 0.35, 0.6, 0.8, 0.8, 0.7, 0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.5, 0.6, 0.7, 0.6, 0.45, 0.3];
const NIGHTOWL: [f64; 24] =
    [0.9, 0.9, 0.8, 0.6, 0.35, 0.15, 0.03, 0.02, 0.02, 0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0, 1.0];
const NIGHTSHIFT: [f64; 24] =
    [0.9, 0.8, 1.0, 1.0, 0.9, 0.8, 0.6, 0.4, 0.15, 0.03, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.3, 0.35, 0.3, 0.3, 0.45, 0.6, 0.8, 0.9];
const EARLY: [f64; 24] =
    [0.02, 0.01, 0.01, 0.01, 0.05, 0.3, 0.8, 1.0, 0.9, 0.7, 0.6, 0.6, 0.7, 0.6, 0.5, 0.5, 0.5, 0.6, 0.7, 0.6, 0.4, 0.2, 0.08, 0.03];

/// Time zones (hours from UTC) and how many Polymarket users live there, roughly.
const TZS: [(f64, f64); 15] = [
    (-5.0, 0.27),
    (-6.0, 0.08),
    (-8.0, 0.12),
    (-7.0, 0.03),
    (0.0, 0.08),
    (1.0, 0.12),
    (2.0, 0.04),
    (-3.0, 0.06),
    (3.0, 0.03),
    (5.5, 0.04),
    (8.0, 0.07),
    (9.0, 0.03),
    (11.0, 0.03),
    (4.0, 0.02),
    (7.0, 0.02),
];

pub struct Habit {
    pub tz: i64,
    w: [f64; 24],
}

impl Habit {
    pub fn with_tz(r: &Rng, prof: Prof, tz_hours: f64) -> Habit {
        let base = match prof {
            Prof::Evening => EVENING,
            Prof::Office => OFFICE,
            Prof::NightOwl => NIGHTOWL,
            Prof::NightShift => NIGHTSHIFT,
            Prof::Early => EARLY,
        };
        let mut w = [0.0; 24];
        let shift = r.range(-1, 2);
        for h in 0..24 {
            w[h] = (base[(h as i64 - shift).rem_euclid(24) as usize] * r.uni(0.6, 1.4)).min(1.0);
        }
        Habit { tz: (tz_hours * 3600.0) as i64, w }
    }
    pub fn new(r: &Rng, prof: Prof) -> Habit {
        let i = r.weighted(&TZS.map(|x| x.1));
        Habit::with_tz(r, prof, TZS[i].0)
    }
    pub fn any(r: &Rng) -> Habit {
        let p = *r.pick(&[Prof::Evening, Prof::Evening, Prof::Office, Prof::Office, Prof::NightOwl, Prof::Early]);
        Habit::new(r, p)
    }
    pub fn hour(&self, t: i64) -> usize {
        ((t + self.tz).rem_euclid(DAY) / HOUR) as usize
    }
    pub fn weekday(&self, t: i64) -> i64 {
        ((t + self.tz).div_euclid(DAY) + 4).rem_euclid(7)
    }
    pub fn awake(&self, r: &Rng, t: i64) -> bool {
        r.f() < self.w[self.hour(t)]
    }
    /// A time in [t0, t1) when this person is likely at the screen.
    pub fn when(&self, r: &Rng, t0: i64, t1: i64) -> i64 {
        let mut t = r.range(t0, t1);
        for _ in 0..60 {
            if self.awake(r, t) {
                return t;
            }
            t = r.range(t0, t1);
        }
        t
    }
    /// The first likely waking moment at or after `t`.
    pub fn next_awake(&self, r: &Rng, mut t: i64) -> i64 {
        for _ in 0..72 {
            if self.awake(r, t) {
                return t;
            }
            t += HOUR / 2 + r.range(0, HOUR);
        }
        t
    }
}

/// Amounts people type: mostly round.
pub fn nice(r: &Rng, usd: f64) -> f64 {
    const STEPS: [f64; 22] = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0, 750.0, 1000.0,
        1500.0, 2000.0,
    ];
    if r.chance(0.7) {
        if usd > 2000.0 {
            return (usd / 1000.0).round().max(1.0) * 1000.0;
        }
        let mut best = STEPS[0];
        for s in STEPS {
            if (s - usd).abs() < (best - usd).abs() {
                best = s;
            }
        }
        best
    } else if r.chance(0.6) {
        usd.round().max(1.0)
    } else {
        usd
    }
}

fn window_time(r: &Rng) -> i64 {
    r.range(W0 + 60, NOW - 60)
}

/// A game in the given leagues (any league when empty) starting in [t0, t1).
pub fn game(c: &mut Ctx, t0: i64, t1: i64, leagues: &[&str]) -> Option<u32> {
    let list: Vec<u32> =
        c.u.games_between(t0, t1)
            .iter()
            .copied()
            .filter(|&m| leagues.is_empty() || leagues.contains(&c.u.markets[m as usize].league))
            .collect();
    if list.is_empty() { None } else { Some(*c.r.pick(&list)) }
}

fn leagues_for(r: &Rng, tz: i64) -> Vec<&'static str> {
    let h = tz / HOUR;
    let pool: &[&str] = if h <= -3 {
        if h <= -4 { &["nba", "nba", "nhl", "cbb", "cbb", "ufc", "epl", "atp"] } else { &["euro", "epl", "ucl", "ufc", "atp"] }
    } else if h <= 3 {
        &["epl", "epl", "euro", "ucl", "atp", "cs2", "nba"]
    } else {
        &["epl", "lol", "cs2", "nba", "atp", "ucl"]
    };
    let n = 1 + r.below(2);
    (0..n).map(|_| *r.pick(pool)).collect()
}

/// Which outcome a bettor backs: usually the favourite, sometimes their team.
fn side(c: &mut Ctx, m: u32, t: i64, fav: f64) -> u8 {
    let mk = &c.u.markets[m as usize];
    if mk.group.is_some() {
        return if c.r.chance(0.88) { 0 } else { 1 };
    }
    let p = c.u.p(m, t);
    let favourite = if p >= 0.5 { 0 } else { 1 };
    if c.r.chance(fav) { favourite } else { 1 - favourite }
}

fn casual_sports(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let leagues = leagues_for(&c.r, h.tz);
        let n = 1 + c.r.poisson(c.r.lognormal(2.5, 0.8));
        let stake = *c.r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
        for _ in 0..n {
            let d = window_time(&c.r);
            let Some(m) = game(c, d, d + 36 * HOUR, &leagues) else { continue };
            let (open, start, end) = {
                let mk = &c.u.markets[m as usize];
                (mk.open, mk.start, mk.end)
            };
            let lag = c.r.exp(4.0 * HOUR as f64) as i64 + c.r.range(60, 900);
            let mut t = start - lag;
            if !h.awake(&c.r, t) {
                t = h.when(&c.r, (start - 30 * HOUR).max(open), start);
            }
            let o = side(c, m, t, 0.62);
            let usd = nice(&c.r, stake * c.r.lognormal(1.0, 0.5));
            let got = c.take_usd(w, m, o, true, t, usd, 1);
            if got > 0.0 && c.r.chance(0.12) {
                let t2 = c.r.range(start + 10 * MIN, end);
                c.take(w, m, o, false, t2, got, 1);
            }
        }
    }
}

fn politics_pool(c: &mut Ctx) -> u32 {
    let v = &c.u.politics;
    v[c.r.below(v.len())]
}

fn politics_holder(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = if c.r.chance(0.7) { Habit::with_tz(&c.r, Prof::Office, *c.r.pick(&[-5.0, -5.0, -6.0, -8.0])) } else { Habit::any(&c.r) };
        let k = 1 + c.r.below(4);
        for _ in 0..k {
            let m = politics_pool(c);
            let t0 = h.when(&c.r, W0 - 20 * DAY, NOW - DAY);
            let p = c.u.q(m, 0, t0);
            let o = if c.r.chance(0.65) == (p >= 0.5) { 0 } else { 1 };
            let base = nice(&c.r, c.r.lognormal(700.0, 1.0).clamp(20.0, 40_000.0));
            let lv = if base > 2500.0 { 2 } else { 1 };
            let mut held = c.take_usd(w, m, o, true, t0, base, lv);
            let adds = c.r.poisson(1.4);
            let mut t = t0;
            for _ in 0..adds {
                t += (c.r.exp(6.0 * DAY as f64) as i64).max(HOUR);
                t = h.next_awake(&c.r, t);
                if t >= NOW {
                    break;
                }
                let usd = nice(&c.r, base * c.r.uni(0.3, 1.2));
                held += c.take_usd(w, m, o, true, t, usd, lv);
            }
            if held > 10.0 && c.r.chance(0.18) {
                let t2 = h.next_awake(&c.r, t + (c.r.exp(5.0 * DAY as f64) as i64));
                c.take(w, m, o, false, t2, (held * c.r.uni(0.3, 0.7)).floor(), 1);
            }
        }
    }
}

fn inplay_trader(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::new(&c.r, Prof::Evening);
        let leagues: Vec<&str> = (0..2).map(|_| *c.r.pick(&["nba", "nba", "epl", "ucl", "atp", "cs2", "nhl", "cbb"])).collect();
        let sessions = 1 + c.r.poisson(c.r.lognormal(4.0, 0.6));
        let base = c.r.lognormal(60.0, 0.7);
        let contrarian = c.r.chance(0.4);
        for _ in 0..sessions {
            let d = window_time(&c.r);
            let Some(m) = game(c, d, d + 2 * DAY, &leagues) else { continue };
            let (start, end) = (c.u.markets[m as usize].start, c.u.markets[m as usize].end);
            if !h.awake(&c.r, start + 30 * MIN) && !h.awake(&c.r, start + 30 * MIN) {
                continue;
            }
            let mut pos = [0.0f64; 2];
            let mut t = start + c.r.range(0, 20 * MIN);
            let n = 3 + c.r.poisson(6.0);
            for _ in 0..n {
                t += (c.r.exp(7.0 * MIN as f64) as i64).max(20);
                if t >= end - 2 * MIN {
                    break;
                }
                let moved = c.u.q(m, 0, t) - c.u.q(m, 0, t - 5 * MIN);
                let held = if pos[0] > pos[1] { 0 } else { 1 };
                if pos[held] > 5.0 && c.r.chance(0.45) {
                    let q = if c.r.chance(0.6) { pos[held] } else { (pos[held] * 0.5).floor() };
                    pos[held] -= c.take(w, m, held as u8, false, t, q, 1);
                } else {
                    let up = if moved >= 0.0 { 0 } else { 1 };
                    let o = if contrarian { 1 - up } else { up };
                    let usd = nice(&c.r, base * c.r.lognormal(1.0, 0.5));
                    pos[o as usize] += c.take_usd(w, m, o, true, t, usd, 1);
                }
            }
        }
    }
}

fn crypto_punter(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let p = *c.r.pick(&[Prof::Evening, Prof::Office, Prof::NightOwl]);
        let h = Habit::new(&c.r, p);
        let coin = if c.r.chance(0.7) { 0 } else { 1 + c.r.below(3) };
        let iv = [900, 3600, 300][c.r.weighted(&[0.45, 0.35, 0.2])];
        let sessions = 1 + c.r.poisson(c.r.lognormal(4.0, 0.7));
        for _ in 0..sessions {
            let mut t = h.when(&c.r, W0, NOW - HOUR);
            let bets = 1 + c.r.poisson(1.8);
            for _ in 0..bets {
                let m = c.u.crypto(coin, iv, t);
                let q = c.u.q(m, 0, t);
                let o = if (q >= 0.5) ^ c.r.chance(0.35) { 0 } else { 1 };
                let usd = *c.r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
                let got = c.take_usd(w, m, o, true, t, usd, 1);
                if got > 0.0 && c.r.chance(0.2) {
                    let end = c.u.markets[m as usize].end;
                    let t2 = t + c.r.range(30, (end - t).max(31));
                    if c.u.q(m, o, t2) < c.u.q(m, o, t) - 0.1 {
                        c.take(w, m, o, false, t2, got, 1);
                    }
                }
                t += iv * (1 + c.r.below(2) as i64) + c.r.range(-60, 120);
            }
        }
    }
}

fn longshot_markets(c: &mut Ctx, t: i64) -> Vec<u32> {
    let mut v: Vec<u32> = Vec::new();
    v.extend(c.u.politics.iter().copied());
    v.extend(c.u.culture.iter().copied());
    v.extend(c.u.oscars.iter().copied());
    v.extend(c.u.tweets.iter().copied());
    v.extend(c.u.games_between(t - 3 * HOUR, t + DAY).iter().copied());
    v
}

fn longshot_buyer(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let n = 2 + c.r.poisson(c.r.lognormal(6.0, 0.7));
        for _ in 0..n {
            for _ in 0..25 {
                let t = h.when(&c.r, W0, NOW);
                let pool = longshot_markets(c, t);
                let m = pool[c.r.below(pool.len())];
                if !c.u.markets[m as usize].is_open(t) {
                    continue;
                }
                let o = if c.u.q(m, 0, t) < 0.5 { 0 } else { 1 };
                let (_, ask) = c.u.quote(m, o, t);
                if ask > 8 {
                    continue;
                }
                let usd = nice(&c.r, c.r.lognormal(6.0, 0.8).max(1.0));
                c.take_usd(w, m, o, true, t, usd, 1);
                break;
            }
        }
    }
}

fn news_pool(c: &Ctx) -> Vec<u32> {
    let mut v: Vec<u32> = c.u.politics.clone();
    v.extend(c.u.culture.iter().copied());
    v.extend(c.u.mentions.iter().copied());
    v.extend(c.u.oscars.iter().copied());
    for (_, ms) in &c.u.releases {
        v.extend(ms.iter().copied());
    }
    v
}

fn news_reactor(c: &mut Ctx, ws: &[u32]) {
    let pool = news_pool(c);
    for &w in ws {
        let h = Habit::new(&c.r, if c.r.chance(0.5) { Prof::Office } else { Prof::Evening });
        let base = c.r.lognormal(120.0, 0.9);
        let n = 2 + c.r.poisson(3.5);
        for _ in 0..n {
            let m = pool[c.r.below(pool.len())];
            let (open, end) = (c.u.markets[m as usize].open, c.u.markets[m as usize].end);
            let jumps = c.u.jumps(m, open.max(W0), end.min(NOW), 2 * HOUR, 0.07);
            if jumps.is_empty() {
                continue;
            }
            let (tj, d) = jumps[c.r.below(jumps.len())];
            let mut t = tj + c.r.lognormal(25.0 * MIN as f64, 0.8) as i64;
            if !h.awake(&c.r, t) {
                t = h.next_awake(&c.r, t);
            }
            let o = if d > 0.0 { 0 } else { 1 };
            let usd = nice(&c.r, base * c.r.lognormal(1.0, 0.6));
            let got = c.take_usd(w, m, o, true, t, usd, 1 + (usd > 1500.0) as usize);
            if got > 0.0 && c.r.chance(0.35) {
                let t2 = h.next_awake(&c.r, t + c.r.lognormal(20.0 * HOUR as f64, 1.0) as i64);
                c.take(w, m, o, false, t2, got, 1);
            }
        }
    }
}

fn liquid_market(c: &mut Ctx, t: i64) -> u32 {
    match c.r.below(4) {
        0 => c.u.crypto(0, 3600, t),
        1 => game(c, t, t + 12 * HOUR, &["nba", "epl", "ucl", "nhl"]).unwrap_or_else(|| c.u.politics[0]),
        2 => c.u.culture[c.r.below(c.u.culture.len())],
        _ => c.u.politics[c.r.below(c.u.politics.len())],
    }
}

fn swing_trader(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::new(&c.r, Prof::Office);
        let trips = 4 + c.r.poisson(c.r.lognormal(14.0, 0.5));
        let base = c.r.lognormal(300.0, 0.6);
        for _ in 0..trips {
            let t = h.when(&c.r, W0, NOW - HOUR);
            let m = liquid_market(c, t);
            if !c.u.markets[m as usize].is_open(t) {
                continue;
            }
            let trend = c.u.q(m, 0, t) - c.u.q(m, 0, t - 6 * HOUR);
            let o = if trend >= 0.0 { 0 } else { 1 };
            let usd = nice(&c.r, base * c.r.lognormal(1.0, 0.4));
            let got = c.take_usd(w, m, o, true, t, usd, 1);
            if got <= 0.0 {
                continue;
            }
            let end = c.u.markets[m as usize].end;
            let hold = c.r.lognormal(5.0 * HOUR as f64, 1.0) as i64;
            let t2 = h.next_awake(&c.r, t + hold).min(end - 5 * MIN);
            if t2 <= t {
                continue;
            }
            if c.r.chance(0.3) {
                let half = (got / 2.0).floor();
                c.take(w, m, o, false, t2, half, 1);
                let t3 = h.next_awake(&c.r, t2 + c.r.range(HOUR, 12 * HOUR)).min(end - MIN);
                c.take(w, m, o, false, t3, got - half, 1);
            } else {
                c.take(w, m, o, false, t2, got, 1);
            }
        }
    }
}

fn whale(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let n = 1 + c.r.poisson(2.0).min(5);
        for _ in 0..n {
            let t = h.when(&c.r, W0, NOW - HOUR);
            let m = match c.r.below(3) {
                0 => politics_pool(c),
                1 => game(c, t, t + DAY, &["nba", "ucl", "epl", "ufc"]).unwrap_or_else(|| c.u.politics[1]),
                _ => {
                    let v = news_pool(c);
                    v[c.r.below(v.len())]
                }
            };
            if !c.u.markets[m as usize].is_open(t) {
                continue;
            }
            let o = side(c, m, t, 0.7);
            let usd = c.r.lognormal(25_000.0, 0.8).clamp(4_000.0, 250_000.0);
            let usd = (usd / 1000.0).round() * 1000.0;
            let got = if c.r.chance(0.6) {
                c.take_usd(w, m, o, true, t, usd, 3 + c.r.below(4))
            } else {
                let parts = 2 + c.r.below(4);
                let mut got = 0.0;
                let mut tt = t;
                for _ in 0..parts {
                    got += c.take_usd(w, m, o, true, tt, usd / parts as f64, 2);
                    tt += c.r.range(3 * MIN, 40 * MIN);
                }
                got
            };
            if got > 0.0 && c.r.chance(0.2) {
                let t2 = h.next_awake(&c.r, t + c.r.range(HOUR, 5 * DAY));
                c.take(w, m, o, false, t2, (got * c.r.uni(0.2, 0.6)).floor(), 2);
            }
        }
    }
}

fn limit_ladder(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let k = 1 + c.r.below(3);
        for _ in 0..k {
            let t0 = h.when(&c.r, W0 - 5 * DAY, NOW - DAY);
            let m = match c.r.below(3) {
                0 => politics_pool(c),
                1 => c.u.culture[c.r.below(c.u.culture.len())],
                _ => game(c, t0 + 6 * HOUR, t0 + 2 * DAY, &[]).unwrap_or_else(|| c.u.politics[2]),
            };
            let mk_end = c.u.markets[m as usize].end;
            if !c.u.markets[m as usize].is_open(t0) {
                continue;
            }
            let o = if c.r.chance(0.5) { 0 } else { 1 };
            let (bid, _) = c.u.quote(m, o, t0);
            let gap = 1 + c.r.below(3) as i64;
            let levels = 3 + c.r.below(4) as i64;
            let size = *c.r.pick(&[50.0, 100.0, 100.0, 200.0, 250.0, 500.0, 1000.0]);
            let first = if c.r.chance(0.5) { (bid - 1) / 5 * 5 } else { bid - 2 };
            let mut ladder: Vec<(i64, f64)> =
                (0..levels).map(|i| (first - i * gap, size * if c.r.chance(0.3) { 1.0 + i as f64 * 0.5 } else { 1.0 })).collect();
            ladder.retain(|l| l.0 >= 2);
            let cancel = t0 + c.r.range(2 * DAY, 20 * DAY);
            let step = if c.u.markets[m as usize].kind == Kind::Politics || c.u.markets[m as usize].kind == Kind::Culture {
                10 * MIN
            } else {
                MIN
            };
            let mut held = 0.0;
            let mut cost = 0.0;
            let mut t = t0;
            while t < NOW.min(mk_end).min(cancel) && !ladder.is_empty() {
                let (b, _) = c.u.quote(m, o, t);
                if b <= ladder[0].0 {
                    let (px, sz) = ladder.remove(0);
                    let pieces = 1 + c.r.below(3);
                    let mut tt = t;
                    for i in 0..pieces {
                        let part =
                            if i + 1 == pieces { sz - (sz / pieces as f64).floor() * i as f64 } else { (sz / pieces as f64).floor() };
                        held += c.at(w, m, o, true, px, tt, part);
                        cost += part * px as f64;
                        tt += c.r.range(5, 20 * MIN);
                    }
                }
                t += step;
            }
            if held > 5.0 && c.r.chance(0.5) {
                let avg = cost / held.max(1.0);
                let target = (avg + c.r.range(5, 16) as f64).round() as i64;
                let mut t = t + step;
                while t < NOW.min(mk_end) {
                    let (_, a) = c.u.quote(m, o, t);
                    if a >= target && target <= 99 {
                        c.at(w, m, o, false, target, t, held);
                        break;
                    }
                    t += step * 3;
                }
            }
        }
    }
}

fn alert_copier(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let nl = 1 + c.r.below(2);
        let frac = c.r.uni(0.15, 0.6);
        let stake = c.r.lognormal(30.0, 0.6);
        for _ in 0..nl {
            let li = c.r.below(c.leaders.len());
            let fills = c.leader_fills[li].clone();
            let mut pos: Vec<(u32, u8, f64)> = Vec::new();
            for i in fills {
                let f = c.fills[i];
                if f.t < W0 - DAY {
                    continue;
                }
                if f.buy {
                    if !c.r.chance(frac) {
                        continue;
                    }
                    let mut t = f.t + c.r.lognormal(20.0 * MIN as f64, 1.0) as i64 + 30;
                    if !h.awake(&c.r, t) {
                        t = h.next_awake(&c.r, t);
                    }
                    let usd = nice(&c.r, stake * c.r.lognormal(1.0, 0.4));
                    let got = c.take_usd(w, f.m, f.o, true, t, usd, 1);
                    if got > 0.0 {
                        pos.push((f.m, f.o, got));
                    }
                } else if let Some(k) = pos.iter().position(|p| p.0 == f.m && p.1 == f.o)
                    && c.r.chance(0.5)
                {
                    let t = h.next_awake(&c.r, f.t + c.r.lognormal(40.0 * MIN as f64, 1.0) as i64);
                    c.take(w, f.m, f.o, false, t, pos[k].2, 1);
                    pos.remove(k);
                }
            }
        }
    }
}

fn hedger(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let n = 1 + c.r.poisson(2.5);
        for _ in 0..n {
            let t = h.when(&c.r, W0, NOW - 6 * HOUR);
            let m = if c.r.chance(0.6) {
                match game(c, t + HOUR, t + DAY, &[]) {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                politics_pool(c)
            };
            let o = side(c, m, t, 0.5);
            let usd = nice(&c.r, c.r.lognormal(150.0, 0.8));
            let got = c.take_usd(w, m, o, true, t, usd, 1);
            if got <= 0.0 {
                continue;
            }
            let (start, end) = (c.u.markets[m as usize].start, c.u.markets[m as usize].end);
            let p0 = c.u.q(m, o, t);
            let mut t2 = t.max(start);
            let step = if c.u.markets[m as usize].kind == Kind::Politics { HOUR } else { MIN };
            while t2 < end.min(NOW) {
                let q = c.u.q(m, o, t2);
                if q > p0 + 0.15 || q < p0 - 0.2 {
                    break;
                }
                t2 += step;
            }
            if t2 >= end.min(NOW) {
                continue;
            }
            let t2 = if step == HOUR { h.next_awake(&c.r, t2) } else { t2 + c.r.range(30, 10 * MIN) };
            if c.r.chance(0.7) {
                let (_, ask) = c.u.quote(m, 1 - o, t2);
                let lock = got * (1.0 - c.r.uni(0.0, 0.5));
                c.at(w, m, 1 - o, true, ask, t2, lock.floor());
            } else {
                c.take(w, m, o, false, t2, (got * c.r.uni(0.4, 1.0)).floor(), 1);
            }
        }
    }
}

fn newcomer(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let first = NOW - (c.r.f().powf(1.5) * 29.5 * DAY as f64) as i64;
        let n = 1 + c.r.poisson(1.3);
        for _ in 0..n {
            let t = h.when(&c.r, first, (first + 3 * DAY).min(NOW - 60));
            let m = match c.r.below(4) {
                0 => game(c, t, t + DAY, &["nba", "epl", "ucl", "ufc"]).unwrap_or_else(|| c.u.politics[0]),
                1 => c.u.crypto(0, 3600, t),
                2 => politics_pool(c),
                _ => {
                    let v = &c.u.oscars;
                    if v.is_empty() { c.u.politics[3] } else { v[c.r.below(v.len())] }
                }
            };
            if !c.u.markets[m as usize].is_open(t) {
                continue;
            }
            let o = side(c, m, t, 0.75);
            let usd = *c.r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 5.0]);
            let got = c.take_usd(w, m, o, true, t, usd, 1);
            if got > 0.0 && c.r.chance(0.3) {
                let t2 = t + c.r.range(10 * MIN, 8 * HOUR);
                if c.u.q(m, o, t2) < c.u.q(m, o, t) {
                    c.take(w, m, o, false, t2, got, 1);
                }
            }
        }
    }
}

fn weekend_hobbyist(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let eu = c.r.chance(0.6);
        let tz = if eu { *c.r.pick(&[0.0, 1.0, 1.0, 2.0]) } else { *c.r.pick(&[-5.0, -6.0, -8.0]) };
        let h = Habit::with_tz(&c.r, Prof::Evening, tz);
        let leagues: &[&str] = if eu { &["epl", "euro"] } else { &["nba", "ufc", "cbb", "nhl"] };
        let mut day = (W0 + h.tz).div_euclid(DAY) * DAY - h.tz;
        let keen = c.r.uni(0.35, 0.9);
        while day < NOW {
            let wd = h.weekday(day + 12 * HOUR);
            if (wd == 0 || wd == 6) && c.r.chance(keen) {
                let bets = 1 + c.r.poisson(1.3);
                for _ in 0..bets {
                    let Some(m) = game(c, day + 10 * HOUR, day + 36 * HOUR, leagues) else { continue };
                    let start = c.u.markets[m as usize].start;
                    let t = (start - c.r.range(5 * MIN, 5 * HOUR)).max(day + 9 * HOUR);
                    if h.weekday(t) != 0 && h.weekday(t) != 6 {
                        continue;
                    }
                    let o = side(c, m, t, 0.6);
                    let usd = nice(&c.r, c.r.lognormal(15.0, 0.6));
                    c.take_usd(w, m, o, true, t, usd, 1);
                }
            }
            day += DAY;
        }
    }
}

fn grinder(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::new(&c.r, Prof::Office);
        let n = 3 + c.r.poisson(c.r.lognormal(10.0, 0.6));
        let stake = c.r.lognormal(1200.0, 0.7);
        let mut done = 0;
        for _ in 0..n * 12 {
            if done >= n {
                break;
            }
            let t = h.when(&c.r, W0, NOW);
            let cand: Vec<u32> =
                c.u.games_between(t - 4 * HOUR, t)
                    .iter()
                    .copied()
                    .filter(|&m| {
                        let mk = &c.u.markets[m as usize];
                        mk.live(t) && mk.end - t < 50 * MIN
                    })
                    .collect();
            let m = if !cand.is_empty() {
                cand[c.r.below(cand.len())]
            } else if c.r.chance(0.3) {
                let iv = 3600;
                let m = c.u.crypto(0, iv, t);
                if c.u.markets[m as usize].end - t > 12 * MIN {
                    continue;
                }
                m
            } else {
                continue;
            };
            let o = if c.u.q(m, 0, t) >= 0.5 { 0 } else { 1 };
            let (_, ask) = c.u.quote(m, o, t);
            if !(92..=98).contains(&ask) {
                continue;
            }
            let usd = nice(&c.r, stake * c.r.lognormal(1.0, 0.4));
            if c.take_usd(w, m, o, true, t, usd, 1 + (usd > 3000.0) as usize) > 0.0 {
                done += 1;
            }
        }
    }
}

fn degen(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::new(&c.r, Prof::NightOwl);
        let active = c.r.uni(0.5, 0.9);
        let base = c.r.lognormal(50.0, 0.8);
        let mut day = W0;
        while day < NOW {
            if c.r.chance(active) {
                let mut t = h.when(&c.r, day, day + DAY);
                let acts = 3 + c.r.poisson(c.r.lognormal(9.0, 0.6));
                let mut pos: Vec<(u32, u8, f64)> = Vec::new();
                for _ in 0..acts {
                    t += (c.r.exp(6.0 * MIN as f64) as i64).max(8);
                    if t >= NOW {
                        break;
                    }
                    if !pos.is_empty() && c.r.chance(0.3) {
                        let k = c.r.below(pos.len());
                        let (m, o, s) = pos.remove(k);
                        c.take(w, m, o, false, t, s, 1);
                        continue;
                    }
                    let m = match c.r.below(5) {
                        0 => c.u.crypto(0, 300, t),
                        1 => c.u.crypto(c.r.below(4), 900, t),
                        2 => match game(c, t - 2 * HOUR, t + 3 * HOUR, &[]) {
                            Some(m) => m,
                            None => c.u.crypto(0, 3600, t),
                        },
                        3 => c.u.crypto(0, 3600, t),
                        _ => {
                            let v = news_pool(c);
                            v[c.r.below(v.len())]
                        }
                    };
                    let o = if c.r.chance(0.5) { 0 } else { 1 };
                    let usd = c.r.lognormal(base, 1.1).clamp(2.0, 5000.0);
                    let usd = if c.r.chance(0.5) { nice(&c.r, usd) } else { usd.round().max(2.0) };
                    let got = c.take_usd(w, m, o, true, t, usd, 1);
                    if got > 0.0 {
                        pos.push((m, o, got));
                    }
                }
            }
            day += DAY + c.r.range(-4 * HOUR, 4 * HOUR);
        }
    }
}

fn night_shift(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::new(&c.r, Prof::NightShift);
        let n = 3 + c.r.poisson(c.r.lognormal(10.0, 0.6));
        for _ in 0..n {
            let t = h.when(&c.r, W0, NOW - 10 * MIN);
            let m = match c.r.below(4) {
                0 => c.u.crypto(c.r.below(2), 3600, t),
                1 => c.u.crypto(0, 900, t),
                2 => match game(c, t - 90 * MIN, t + 6 * HOUR, &[]) {
                    Some(m) => m,
                    None => continue,
                },
                _ => politics_pool(c),
            };
            let o = side(c, m, t, 0.55);
            let usd = nice(&c.r, c.r.lognormal(35.0, 0.7));
            let got = c.take_usd(w, m, o, true, t, usd, 1);
            if got > 0.0 && c.r.chance(0.25) {
                let t2 = t + c.r.range(5 * MIN, 5 * HOUR);
                if h.hour(t2) < 8 || h.hour(t2) >= 21 {
                    c.take(w, m, o, false, t2, got, 1);
                }
            }
        }
    }
}

fn big_event(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let h = Habit::any(&c.r);
        let (markets, t0, t1): (Vec<u32>, i64, i64) = match c.r.below(4) {
            0 => {
                let m0 = c.u.oscars[0];
                let s = c.u.markets[m0 as usize].start;
                (c.u.oscars.clone(), s - 3 * HOUR, s + 3 * HOUR)
            }
            1 => {
                let (t, ms) = c.u.releases[c.r.below(c.u.releases.len())].clone();
                (ms, t - 3 * HOUR, t + 30 * MIN)
            }
            2 => {
                let v = &c.u.mentions;
                let m0 = v[c.r.below(v.len())];
                let s = c.u.markets[m0 as usize].start;
                let ms: Vec<u32> = v.iter().copied().filter(|&m| c.u.markets[m as usize].start == s).collect();
                (ms, s - 2 * HOUR, s + 70 * MIN)
            }
            _ => {
                let d = window_time(&c.r);
                let Some(g) = game(c, d, d + 3 * DAY, &["ucl", "ufc", "nba", "epl"]) else { continue };
                let s = c.u.markets[g as usize].start;
                let lg = c.u.markets[g as usize].league;
                let ms: Vec<u32> =
                    c.u.games_between(s - 3 * HOUR, s + 4 * HOUR)
                        .iter()
                        .copied()
                        .filter(|&m| c.u.markets[m as usize].league == lg)
                        .collect();
                (ms, s - 2 * HOUR, s + 4 * HOUR)
            }
        };
        let n = 3 + c.r.below(6);
        let stake = c.r.lognormal(40.0, 0.8);
        for _ in 0..n {
            let m = markets[c.r.below(markets.len())];
            let t = c.r.range(t0, t1);
            let o = side(c, m, t, 0.6);
            let usd = nice(&c.r, stake * c.r.lognormal(1.0, 0.5));
            c.take_usd(w, m, o, true, t, usd, 1);
        }
        for _ in 0..c.r.poisson(1.0) {
            let t = h.when(&c.r, W0, NOW);
            if let Some(m) = game(c, t, t + DAY, &[]) {
                let o = side(c, m, t, 0.6);
                c.take_usd(w, m, o, true, t, nice(&c.r, stake), 1);
            }
        }
    }
}

fn weather_hobbyist(c: &mut Ctx, ws: &[u32]) {
    for &w in ws {
        let ev0 = c.u.weather[c.r.below(c.u.weather.len())];
        let city = c.u.markets[c.u.events[ev0 as usize].markets[0] as usize].league;
        let tz = match city {
            "london" => 0.0,
            "seoul" => 9.0,
            "chicago" => -6.0,
            _ => -5.0,
        };
        let h = Habit::with_tz(&c.r, Prof::Early, tz);
        let evs: Vec<u32> =
            c.u.weather.iter().copied().filter(|&e| c.u.markets[c.u.events[e as usize].markets[0] as usize].league == city).collect();
        let keen = c.r.uni(0.15, 0.6);
        let stake = c.r.lognormal(20.0, 0.7);
        for e in evs {
            if !c.r.chance(keen) {
                continue;
            }
            let ms = c.u.events[e as usize].markets.clone();
            let start = c.u.events[e as usize].start;
            let t = h.next_awake(&c.r, start + c.r.range(0, 4 * HOUR) - if c.r.chance(0.3) { DAY } else { 0 });
            let best = ms.iter().copied().max_by(|&a, &b| c.u.q(a, 0, t).total_cmp(&c.u.q(b, 0, t))).unwrap_or(ms[0]);
            let k = 1 + c.r.below(2);
            let bi = ms.iter().position(|&m| m == best).unwrap_or(0);
            for j in 0..k {
                let idx = (bi + j).min(ms.len() - 1);
                let usd = nice(&c.r, stake * c.r.lognormal(1.0, 0.4));
                let got = c.take_usd(w, ms[idx], 0, true, t + j as i64 * c.r.range(20, 200), usd, 1);
                if got > 0.0 && c.r.chance(0.2) {
                    c.take(w, ms[idx], 0, false, t + c.r.range(HOUR, 8 * HOUR), got, 1);
                }
            }
        }
    }
}
