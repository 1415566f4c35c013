//! People. Each behaviour is written from how people are seen to use Polymarket: from a phone
//! or a browser, in their own time zone and waking hours, typing dollar amounts or share counts,
//! mostly buying and holding, now and then selling, usually a handful of times a month.

use super::market::{CITIES, Kind, League};
use super::{Ctx, DAY, DAY0, DAYS, F, HOUR, MIN, NOW, Rng, START, Spec, ask, bid, dow, local_hour, sh, usd_centi};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

pub(crate) const SPECS: [Spec; 18] = [
    Spec { name: "casual_sports_bettor", bot: false, count: 20, group: 1, run: casual_sports },
    Spec { name: "politics_position_holder", bot: false, count: 14, group: 1, run: politics_holder },
    Spec { name: "in_play_sports_trader", bot: false, count: 15, group: 1, run: in_play },
    Spec { name: "crypto_updown_phone_punter", bot: false, count: 18, group: 1, run: updown_punter },
    Spec { name: "longshot_ticket_buyer", bot: false, count: 14, group: 1, run: longshot },
    Spec { name: "breaking_news_reactor", bot: false, count: 14, group: 1, run: news_reactor },
    Spec { name: "swing_day_trader", bot: false, count: 12, group: 1, run: swing_trader },
    Spec { name: "whale_conviction_bettor", bot: false, count: 10, group: 1, run: whale },
    Spec { name: "limit_ladder_builder", bot: false, count: 11, group: 1, run: ladder },
    Spec { name: "alert_hand_copier", bot: false, count: 12, group: 1, run: hand_copier },
    Spec { name: "position_hedger", bot: false, count: 10, group: 1, run: hedger },
    Spec { name: "first_month_newcomer", bot: false, count: 22, group: 1, run: newcomer },
    Spec { name: "weekend_hobbyist", bot: false, count: 14, group: 1, run: weekend },
    Spec { name: "favourite_grinder_by_hand", bot: false, count: 12, group: 1, run: grinder },
    Spec { name: "hyperactive_degen", bot: false, count: 12, group: 1, run: degen },
    Spec { name: "night_shift_trader", bot: false, count: 11, group: 1, run: night_shift },
    Spec { name: "big_event_night_bettor", bot: false, count: 12, group: 1, run: event_night },
    Spec { name: "weather_enthusiast", bot: false, count: 10, group: 1, run: weather },
];

// Local-hour activity profiles.
pub(crate) const EVENING: [f64; 24] =
    [2.0, 1.0, 0.4, 0.1, 0.1, 0.1, 0.3, 1.0, 1.5, 1.5, 1.5, 2.0, 3.0, 2.5, 2.0, 2.0, 2.5, 3.5, 5.0, 6.0, 7.0, 7.0, 6.0, 4.0];
pub(crate) const WORKDAY: [f64; 24] =
    [1.0, 0.4, 0.1, 0.1, 0.1, 0.2, 1.0, 4.0, 5.0, 2.0, 2.0, 3.0, 5.0, 4.0, 2.0, 2.0, 3.0, 5.0, 4.0, 3.0, 3.0, 3.0, 2.0, 1.5];
const NIGHT: [f64; 24] =
    [6.0, 7.0, 7.0, 6.0, 6.0, 5.0, 3.0, 4.0, 3.0, 1.0, 0.3, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.0, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0];
const DESK: [f64; 24] =
    [0.5, 0.2, 0.0, 0.0, 0.0, 0.0, 0.5, 2.0, 4.0, 6.0, 6.0, 5.0, 5.0, 5.0, 6.0, 5.0, 4.0, 3.0, 2.0, 2.0, 2.0, 1.5, 1.0, 1.0];
const LATE: [f64; 24] =
    [6.0, 5.0, 4.0, 2.0, 1.0, 0.5, 0.2, 0.3, 1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 5.0, 6.0, 7.0, 8.0, 8.0, 7.0];

/// A person's UTC offset: mostly the Americas and Europe, some Asia and Oceania.
pub(crate) fn person_tz(r: &mut Rng) -> i64 {
    let tzs = [-4, -5, -7, -3, 1, 2, 3, 8, 9, 10, 5];
    let ws = [34.0, 10.0, 14.0, 6.0, 10.0, 12.0, 3.0, 4.0, 2.0, 3.0, 2.0];
    tzs[r.weighted(&ws)]
}

/// A dollar amount a person types: usually a round figure, sometimes an odd one (a balance).
pub(crate) fn human_usd(r: &mut Rng, median: f64, sigma: f64) -> f64 {
    let x = r.lognormal(median, sigma).clamp(1.0, 250_000.0);
    if r.chance(0.18) {
        return (x * 100.0).floor() / 100.0;
    }
    let nice = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0,
        750.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0, 50000.0, 100000.0, 250000.0,
    ];
    let mut best = nice[0];
    for n in nice {
        if (n / x).ln().abs() < (best / x).ln().abs() {
            best = n;
        }
    }
    best
}

/// A share count a person types into a limit order.
pub(crate) fn human_shares(r: &mut Rng, median: f64) -> i64 {
    let x = r.lognormal(median, 0.7);
    let step = if x < 20.0 {
        5.0
    } else if x < 200.0 {
        10.0
    } else if x < 2000.0 {
        50.0
    } else {
        500.0
    };
    sh(((x / step).round() * step).max(5.0))
}

/// Moves a time out of the small hours (local 1-7) to the evening before.
fn awake(t: i64, tz: i64, r: &mut Rng) -> i64 {
    let h = local_hour(t, tz);
    if (1..7).contains(&h) { t - (h + 1) * HOUR - r.range(0, 90 * MIN) } else { t }
}

type Pos = BTreeMap<(usize, usize), i64>;

/// Market buy for `usd` dollars.
fn buy(c: &mut Ctx, w: &Wallet, pos: &mut Pos, m: usize, o: usize, usd: f64, t: i64) -> Option<i64> {
    if !c.open(m, t) || t > NOW {
        return None;
    }
    let p = c.px(m, o, t);
    let centi = usd_centi(usd, ask(p));
    let (px, got) = c.take(w, m, o, Side::Buy, centi, t)?;
    *pos.entry((m, o)).or_default() += got;
    Some(px)
}

/// Market sell of `frac` of the position.
fn sell(c: &mut Ctx, w: &Wallet, pos: &mut Pos, m: usize, o: usize, frac: f64, t: i64) -> bool {
    let held = pos.get(&(m, o)).copied().unwrap_or(0);
    let mut q = ((held as f64 * frac) as i64 / 100) * 100;
    if held - q < 500 {
        q = held;
    }
    if q < 500 {
        return false;
    }
    if let Some((_, got)) = c.take(w, m, o, Side::Sell, q, t) {
        *pos.entry((m, o)).or_default() -= got;
        true
    } else {
        false
    }
}

/// First moment in [from, to) when the fair value of outcome `o` is at or below (`below`) or at
/// or above `level` (checked every `step` seconds).
#[allow(clippy::too_many_arguments)]
pub(crate) fn first_touch(c: &Ctx, m: usize, o: usize, from: i64, to: i64, level: f64, below: bool, step: i64) -> Option<i64> {
    let mut t = from;
    while t < to {
        let p = c.px(m, o, t);
        if (below && p <= level) || (!below && p >= level) {
            return Some(t);
        }
        t += step;
    }
    None
}

fn team_games(c: &Ctx, team: u16, t0: i64, t1: i64) -> Vec<usize> {
    c.uni.games_in(t0, t1).iter().copied().filter(|&g| c.uni.m[g].teams.contains(&team)).collect()
}

fn league_games(c: &Ctx, league: League, t0: i64, t1: i64) -> Vec<usize> {
    c.uni.games_in(t0, t1).iter().copied().filter(|&g| c.uni.m[g].league() == Some(league)).collect()
}

/// Markets a politics or news follower looks at.
fn opinion_markets(c: &Ctx) -> Vec<usize> {
    let mut v = c.uni.longs.clone();
    for &g in &c.uni.futures {
        v.extend(c.uni.groups[g].members.iter().copied());
    }
    v
}

fn casual_sports(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let lg = c.rng.weighted(&[45.0, 22.0, 10.0, 12.0, 11.0]);
    let team: u16 = match lg {
        0 => c.rng.range(0, 30) as u16,
        1 => 100 + c.rng.range(0, 4) as u16,
        2 => 110 + c.rng.range(0, 4) as u16,
        3 => 200 + c.rng.range(0, 16) as u16,
        _ => u16::MAX,
    };
    let rate = c.rng.uni(0.06, 0.45);
    let median = c.rng.lognormal(15.0, 0.8);
    let games = if lg == 4 { league_games(c, League::Ufc, START, NOW + DAY) } else { team_games(c, team, START - DAY, NOW + DAY) };
    let mut pos = Pos::new();
    for g in games {
        if !c.rng.chance(rate) {
            continue;
        }
        let live = c.uni.m[g].live;
        let t = awake(live - c.rng.range(5 * MIN, 9 * HOUR), tz, &mut c.rng);
        let teams = c.uni.m[g].teams;
        let mut o = if teams[1] == team { 1 } else { 0 };
        if lg == 4 {
            o = if c.px(g, 0, t) > 0.5 { 0 } else { c.rng.range(0, 2) as usize };
        }
        if c.rng.chance(0.12) {
            o = 1 - o;
        }
        let usd = human_usd(&mut c.rng, median, 0.6);
        if buy(c, w, &mut pos, g, o, usd, t).is_some() && c.rng.chance(0.12) {
            let ts = live + c.rng.range(40 * MIN, 150 * MIN);
            sell(c, w, &mut pos, g, o, 1.0, ts);
        }
    }
    if c.rng.chance(0.35) {
        let finals = league_games(c, League::Nba, START, NOW);
        if !finals.is_empty() {
            let g = c.rng.pick(&finals);
            let t = awake(c.uni.m[g].live - c.rng.range(10 * MIN, 5 * HOUR), tz, &mut c.rng);
            let o = c.rng.range(0, 2) as usize;
            let usd = human_usd(&mut c.rng, median, 0.5);
            buy(c, w, &mut pos, g, o, usd, t);
        }
    }
}

fn politics_holder(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let pool = opinion_markets(c);
    let k = c.rng.range(2, 6) as usize;
    let mine: Vec<(usize, usize)> = (0..k)
        .map(|_| {
            let m = c.rng.pick(&pool);
            let o = if c.px(m, 0, START) > 0.15 || c.rng.chance(0.3) { 0 } else { 1 };
            (m, o)
        })
        .collect();
    let n = (1 + c.rng.poisson(2.5)).min(12);
    let median = c.rng.lognormal(120.0, 1.0);
    let prof = if c.rng.chance(0.5) { &EVENING } else { &WORKDAY };
    let mut pos = Pos::new();
    let mut days: Vec<i64> = (0..n).map(|_| c.rng.range(0, DAYS)).collect();
    days.sort();
    for d in days {
        let t = super::day_at(&mut c.rng, d, tz, prof);
        let (m, o) = c.rng.pick(&mine);
        let held = pos.get(&(m, o)).copied().unwrap_or(0);
        if held > 0 && c.rng.chance(0.25) {
            let frac = c.rng.pick(&[0.25, 0.5, 1.0]);
            sell(c, w, &mut pos, m, o, frac, t);
        } else if c.rng.chance(0.35) {
            // A limit bid a little under the market, in round shares.
            let p = c.px(m, o, t);
            let cents = (bid(p) - c.rng.range(0, 4)).max(1);
            let centi = human_shares(&mut c.rng, median / (cents as f64 / 100.0));
            if let Some(ft) = first_touch(c, m, o, t, t + 7 * DAY, cents as f64 / 100.0 + 0.005, true, 20 * MIN) {
                let ft = ft.max(t + c.rng.range(30, 3600));
                if c.rest(w, F { m, o, side: Side::Buy, cents, centi, ts: ft }) {
                    *pos.entry((m, o)).or_default() += centi;
                }
            }
        } else {
            let usd = human_usd(&mut c.rng, median, 0.8);
            buy(c, w, &mut pos, m, o, usd, t);
        }
    }
}

fn in_play(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let leagues = [League::Nba, League::Mlb, League::Tennis, League::Soccer, League::Nhl, League::Esports];
    let fav = leagues[c.rng.weighted(&[30.0, 25.0, 20.0, 12.0, 8.0, 5.0])];
    let momentum = c.rng.chance(0.5);
    let unit = c.rng.lognormal(60.0, 0.9);
    let in_shares = c.rng.chance(0.5);
    let mut cands: Vec<usize> = c
        .uni
        .games_in(START, NOW)
        .iter()
        .copied()
        .filter(|&g| {
            let mk = &c.uni.m[g];
            let h = local_hour(mk.live, tz);
            (mk.league() == Some(fav) || mk.pop >= 4.0) && (10..24).contains(&h)
        })
        .collect();
    let n_games = c.rng.range(2, 9) as usize;
    let mut pos = Pos::new();
    for _ in 0..n_games {
        if cands.is_empty() {
            break;
        }
        let gi = c.rng.range(0, cands.len() as i64) as usize;
        let g = cands.swap_remove(gi);
        let (live, decided) = (c.uni.m[g].live, c.uni.m[g].decided);
        let mut t = live + c.rng.range(2 * MIN, 30 * MIN);
        let trades = c.rng.range(4, 21);
        let mut done = 0;
        let mut held: Option<(usize, f64, i64)> = None;
        while done < trades && t < decided - 5 * MIN {
            t += c.rng.exp(4.0 * MIN as f64) as i64 + 30;
            if let Some((o, entry, since)) = held {
                let p = c.px(g, o, t);
                if (p - entry).abs() > c.rng.uni(0.03, 0.10) || t - since > 40 * MIN {
                    if sell(c, w, &mut pos, g, o, 1.0, t) {
                        done += 1;
                    }
                    held = None;
                }
            } else {
                let d = c.px(g, 0, t) - c.px(g, 0, t - 4 * MIN);
                if d.abs() < 0.015 && c.rng.chance(0.4) {
                    continue;
                }
                let o = if (d > 0.0) == momentum { 0 } else { 1 };
                let p = c.px(g, o, t);
                if !(0.06..=0.94).contains(&p) {
                    continue;
                }
                let usd = if in_shares { human_shares(&mut c.rng, unit / p) as f64 / 100.0 * p } else { human_usd(&mut c.rng, unit, 0.5) };
                if let Some(px) = buy(c, w, &mut pos, g, o, usd, t) {
                    held = Some((o, px as f64 / 100.0, t));
                    done += 1;
                }
            }
        }
        if let Some((o, _, _)) = held
            && c.rng.chance(0.5)
        {
            let ts = decided - c.rng.range(MIN, 10 * MIN);
            sell(c, w, &mut pos, g, o, 1.0, ts);
        }
    }
}

fn updown_punter(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let mean = c.rng.uni(2.0, 14.0);
    let sessions = (1 + c.rng.poisson(mean)).min(30);
    let scale = c.rng.lognormal(6.0, 0.8);
    let chaser = c.rng.uni(0.3, 0.8);
    let mut pos = Pos::new();
    for _ in 0..sessions {
        let d = c.rng.range(0, DAYS);
        let mut t = super::day_at(&mut c.rng, d, tz, &WORKDAY);
        for _ in 0..c.rng.range(1, 9) {
            let asset = c.rng.weighted(&[70.0, 20.0, 7.0, 3.0]);
            let secs = [900, 3600, 300][c.rng.weighted(&[50.0, 30.0, 20.0])];
            let m = c.uni.updown(asset, secs, t);
            let up = c.px(m, 0, t);
            let o = if c.rng.chance(chaser) == (up >= 0.5) { 0 } else { 1 };
            let usd = human_usd(&mut c.rng, scale, 0.7);
            if buy(c, w, &mut pos, m, o, usd, t).is_some() && c.rng.chance(0.15) {
                let end = c.uni.m[m].close;
                let ts = t + c.rng.range(30, (end - t).max(31));
                sell(c, w, &mut pos, m, o, 1.0, ts.min(end - 5));
            }
            t += c.rng.range(40, 12 * MIN);
        }
    }
}

fn cheap_outcome(c: &mut Ctx, t: i64, max: f64) -> Option<(usize, usize)> {
    for _ in 0..60 {
        let m = match c.rng.range(0, 5) {
            0 => {
                let g = c.rng.pick(&c.uni.futures);
                c.rng.pick(&c.uni.groups[g].members)
            }
            1 => {
                let g = c.rng.pick(&c.uni.tweets);
                c.rng.pick(&c.uni.groups[g].members)
            }
            2 => {
                let (_, g) = c.rng.pick(&c.uni.weather);
                c.rng.pick(&c.uni.groups[g].members)
            }
            3 => c.rng.pick(&c.uni.longs),
            _ => {
                let live = c.uni.live_at(t);
                if live.is_empty() {
                    continue;
                }
                c.rng.pick(&live)
            }
        };
        if !c.open(m, t) {
            continue;
        }
        for o in 0..2 {
            let p = c.px(m, o, t);
            if p <= max && ask(p) <= (max * 100.0) as i64 {
                return Some((m, o));
            }
        }
    }
    None
}

fn longshot(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let n = c.rng.range(3, 26);
    let median = c.rng.lognormal(8.0, 0.7);
    let mut pos = Pos::new();
    for _ in 0..n {
        let d = c.rng.range(0, DAYS);
        let t = super::day_at(&mut c.rng, d, tz, &EVENING);
        if let Some((m, o)) = cheap_outcome(c, t, 0.07) {
            let usd = human_usd(&mut c.rng, median, 0.7);
            if buy(c, w, &mut pos, m, o, usd, t).is_some() && c.rng.chance(0.25) {
                let ft = first_touch(c, m, o, t + HOUR, NOW, 0.2, false, 30 * MIN);
                if let Some(ft) = ft {
                    let ts = awake(ft + c.rng.range(10 * MIN, 6 * HOUR), tz, &mut c.rng).max(ft);
                    let frac = c.rng.pick(&[0.5, 1.0]);
                    sell(c, w, &mut pos, m, o, frac, ts);
                }
            }
        }
    }
}

fn news_reactor(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let news: Vec<_> = c.uni.news.iter().copied().filter(|n| n.t > START && n.t < NOW).collect();
    let k = c.rng.range(2, 7);
    let median = c.rng.lognormal(80.0, 0.9);
    let mut pos = Pos::new();
    for _ in 0..k {
        if news.is_empty() {
            break;
        }
        let n = c.rng.pick(&news);
        let mut t = n.t + c.rng.lognormal(20.0 * MIN as f64, 1.0) as i64;
        let h = local_hour(t, tz);
        if (1..7).contains(&h) {
            t += (8 - h) * HOUR + c.rng.range(0, 2 * HOUR);
        }
        let o = if c.rng.chance(0.85) { n.up } else { 1 - n.up };
        let usd = human_usd(&mut c.rng, median, 0.8);
        if buy(c, w, &mut pos, n.m, o, usd, t).is_some() {
            if c.rng.chance(0.3) {
                // adds on the follow-through
                let usd = human_usd(&mut c.rng, median, 0.8);
                let ts = t + c.rng.range(5 * MIN, 3 * HOUR);
                buy(c, w, &mut pos, n.m, o, usd, ts);
            }
            if c.rng.chance(0.45) {
                let ts = awake(t + c.rng.range(HOUR, 3 * DAY), tz, &mut c.rng);
                sell(c, w, &mut pos, n.m, o, 1.0, ts.max(t + 10 * MIN));
            }
        }
    }
}

fn swing_trader(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = c.rng.pick(&[-4, -4, -5, -7, 1]);
    let pool: Vec<usize> = opinion_markets(c).into_iter().filter(|&m| c.uni.m[m].pop >= 1.0).collect();
    let mine: Vec<usize> = (0..c.rng.range(2, 5)).map(|_| c.rng.pick(&pool)).collect();
    let median = c.rng.lognormal(300.0, 0.8);
    let active = c.rng.uni(0.35, 0.8);
    for d in 0..DAYS {
        let noon = DAY0 + d * DAY + 12 * HOUR - tz * HOUR;
        if dow(noon) >= 5 || !c.rng.chance(active) {
            continue;
        }
        for _ in 0..c.rng.range(1, 6) {
            let t = super::day_at(&mut c.rng, d, tz, &DESK);
            let m = c.rng.pick(&mine);
            if !c.open(m, t) {
                continue;
            }
            let o = if c.px(m, 0, t) - c.px(m, 0, t - 6 * HOUR) < 0.0 { 0 } else { 1 };
            let p = c.px(m, o, t);
            if !(0.05..0.95).contains(&p) {
                continue;
            }
            let cents = bid(p);
            let centi = human_shares(&mut c.rng, median / p);
            let fill = if c.rng.chance(0.6) {
                first_touch(c, m, o, t, t + 8 * HOUR, cents as f64 / 100.0, true, 5 * MIN).map(|ft| ft.max(t + 20))
            } else {
                Some(t)
            };
            let Some(ft) = fill else { continue };
            let entry = if ft == t {
                match c.take(w, m, o, Side::Buy, centi, t) {
                    Some((px, _)) => px,
                    None => continue,
                }
            } else if c.rest(w, F { m, o, side: Side::Buy, cents, centi, ts: ft }) {
                cents
            } else {
                continue;
            };
            let target = entry + c.rng.range(2, 6);
            let until = ft + c.rng.range(4 * HOUR, 2 * DAY);
            match first_touch(c, m, o, ft + 5 * MIN, until, target as f64 / 100.0, false, 5 * MIN) {
                Some(x) => {
                    let ts = x + c.rng.range(10, 600);
                    if c.rng.chance(0.4) && centi >= 1000 {
                        let half = (centi / 200) * 100;
                        c.rest(w, F { m, o, side: Side::Sell, cents: target, centi: half, ts });
                        let later = ts + c.rng.range(60, 3 * HOUR);
                        c.rest(w, F { m, o, side: Side::Sell, cents: target, centi: centi - half, ts: later });
                    } else {
                        c.rest(w, F { m, o, side: Side::Sell, cents: target, centi, ts });
                    }
                }
                None => {
                    let ts = awake(until, tz, &mut c.rng);
                    c.take(w, m, o, Side::Sell, centi, ts.max(ft + HOUR));
                }
            }
        }
    }
}

fn whale(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let mut pool = opinion_markets(c);
    pool.retain(|&m| c.uni.m[m].pop >= 1.0);
    let big: Vec<usize> = c.uni.games.iter().copied().filter(|&g| c.uni.m[g].pop >= 4.0).collect();
    let n = c.rng.range(1, 6);
    let median = c.rng.lognormal(12_000.0, 0.8);
    let mut pos = Pos::new();
    for _ in 0..n {
        let (m, t) = if c.rng.chance(0.4) && !big.is_empty() {
            let g = c.rng.pick(&big);
            (g, awake(c.uni.m[g].live - c.rng.range(10 * MIN, 30 * HOUR), tz, &mut c.rng))
        } else {
            let d = c.rng.range(0, DAYS);
            (c.rng.pick(&pool), super::day_at(&mut c.rng, d, tz, &EVENING))
        };
        if !c.open(m, t) {
            continue;
        }
        let o = if c.px(m, 0, t) >= 0.35 { 0 } else { 1 };
        let usd = human_usd(&mut c.rng, median, 0.7);
        if c.rng.chance(0.5) {
            buy(c, w, &mut pos, m, o, usd, t);
        } else {
            // Split by hand into a few round-share orders over the next hour.
            let parts = c.rng.range(2, 6);
            let p = c.px(m, o, t);
            let per = usd / parts as f64;
            let mut ts = t;
            for _ in 0..parts {
                let centi = human_shares(&mut c.rng, per / p);
                if let Some((_, got)) = c.take(w, m, o, Side::Buy, centi, ts) {
                    *pos.entry((m, o)).or_default() += got;
                }
                ts += c.rng.range(2 * MIN, 25 * MIN);
            }
        }
        if c.rng.chance(0.3) {
            let ts = awake(t + c.rng.range(DAY, 10 * DAY), tz, &mut c.rng);
            let frac = c.rng.pick(&[0.3, 0.5, 1.0]);
            sell(c, w, &mut pos, m, o, frac, ts);
        }
    }
}

fn ladder(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let mut pool = opinion_markets(c);
    pool.extend(c.uni.games_in(START, NOW).iter().copied().filter(|&g| c.uni.m[g].pop >= 1.0));
    let k = c.rng.range(1, 5);
    let base = c.rng.lognormal(150.0, 0.8);
    for _ in 0..k {
        let d = c.rng.range(0, DAYS - 1);
        let t = super::day_at(&mut c.rng, d, tz, &EVENING);
        let m = c.rng.pick(&pool);
        if !c.open(m, t) {
            continue;
        }
        let o = c.rng.range(0, 2) as usize;
        let p = c.px(m, o, t);
        if !(0.08..0.9).contains(&p) {
            continue;
        }
        let levels = c.rng.range(3, 7);
        let gap = c.rng.range(1, 4);
        let size = human_shares(&mut c.rng, base);
        let growing = c.rng.chance(0.4);
        let horizon = (c.uni.m[m].close).min(t + 10 * DAY);
        let mut got = 0;
        let mut cost = 0;
        let mut last = t;
        for l in 0..levels {
            let cents = bid(p) - l * gap;
            if cents < 1 {
                break;
            }
            let centi = if growing { size + l * size / 2 / 100 * 100 } else { size };
            if let Some(ft) = first_touch(c, m, o, t + MIN, horizon, cents as f64 / 100.0, true, 10 * MIN) {
                // Resting orders often fill in pieces.
                let pieces = if centi >= 2000 { c.rng.range(1, 4) } else { 1 };
                let mut left = centi;
                let mut ts = ft + c.rng.range(5, 300);
                for k in 0..pieces {
                    let q = if k + 1 == pieces { left } else { ((left / 2) / 100).max(5) * 100 };
                    if q < 500 {
                        continue;
                    }
                    if c.rest(w, F { m, o, side: Side::Buy, cents, centi: q, ts }) {
                        got += q;
                        cost += q * cents;
                        last = last.max(ts);
                    }
                    left -= q;
                    ts += c.rng.range(30, 2 * HOUR);
                }
            }
        }
        if got >= 500 && c.rng.chance(0.6) {
            let avg = cost / got;
            let up = c.rng.range(3, 10);
            let parts = c.rng.range(1, 4);
            let mut left = got;
            for k in 0..parts {
                let q = if k + 1 == parts { left } else { ((got / parts) / 100).max(5) * 100 };
                if q < 500 || left < q {
                    continue;
                }
                let cents = (avg + up + k * gap).min(99);
                let lag = c.rng.range(5, 600);
                if let Some(ft) = first_touch(c, m, o, last + 10 * MIN, horizon, cents as f64 / 100.0, false, 10 * MIN)
                    && c.rest(w, F { m, o, side: Side::Sell, cents, centi: q, ts: ft + lag })
                {
                    left -= q;
                }
            }
        }
    }
}

fn hand_copier(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let nl = c.leaders.len() as i64;
    let follow: Vec<usize> = (0..c.rng.range(1, 4)).map(|_| c.rng.range(0, nl) as usize).collect();
    let rate = c.rng.uni(0.2, 0.7);
    let median = c.rng.lognormal(25.0, 0.7);
    let copy_sells = c.rng.uni(0.2, 0.8);
    let joined = START + c.rng.range(0, 20 * DAY);
    let mut pos = Pos::new();
    let mut fills = Vec::new();
    for &l in &follow {
        fills.extend(c.leaders[l].fills.iter().copied());
    }
    fills.sort_by_key(|f| f.ts);
    for f in fills {
        if f.ts < joined || !c.rng.chance(rate) {
            continue;
        }
        let mut t = f.ts + c.rng.lognormal(9.0 * MIN as f64, 0.9) as i64 + 60;
        let h = local_hour(t, tz);
        if (1..8).contains(&h) {
            if c.rng.chance(0.7) {
                continue;
            }
            t += (8 - h) * HOUR + c.rng.range(0, HOUR);
        }
        if f.side == Side::Buy {
            let usd = human_usd(&mut c.rng, median, 0.4);
            buy(c, w, &mut pos, f.m, f.o, usd, t);
        } else if c.rng.chance(copy_sells) {
            sell(c, w, &mut pos, f.m, f.o, 1.0, t);
        }
    }
}

fn hedger(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let n = c.rng.range(2, 7);
    let median = c.rng.lognormal(80.0, 0.8);
    let mut pos = Pos::new();
    let mut done = 0;
    for _ in 0..n * 4 {
        if done >= n {
            break;
        }
        let (m, t, watch_end, step) = if c.rng.chance(0.65) {
            let games: Vec<usize> = c.uni.games_in(START + DAY, NOW).iter().copied().filter(|&g| c.uni.m[g].pop >= 0.8).collect();
            if games.is_empty() {
                continue;
            }
            let g = c.rng.pick(&games);
            let t = awake(c.uni.m[g].live - c.rng.range(20 * MIN, 6 * HOUR), tz, &mut c.rng);
            (g, t, c.uni.m[g].decided - 3 * MIN, 4 * MIN)
        } else {
            let pool = opinion_markets(c);
            let m = c.rng.pick(&pool);
            let d = c.rng.range(0, DAYS - 3);
            let t = super::day_at(&mut c.rng, d, tz, &EVENING);
            (m, t, (t + 20 * DAY).min(c.uni.m[m].close), 2 * HOUR)
        };
        let o = c.rng.range(0, 2) as usize;
        let p0 = c.px(m, o, t);
        if !(0.2..0.8).contains(&p0) {
            continue;
        }
        let usd = human_usd(&mut c.rng, median, 0.5);
        if buy(c, w, &mut pos, m, o, usd, t).is_none() {
            continue;
        }
        done += 1;
        let held = pos[&(m, o)];
        let mv = c.rng.uni(0.12, 0.25);
        let up = first_touch(c, m, o, t + step, watch_end, p0 + mv, false, step);
        let down = first_touch(c, m, o, t + step, watch_end, p0 - mv, true, step);
        let when = match (up, down) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(x) = when {
            let ts = awake(x + c.rng.range(MIN, 40 * MIN), tz, &mut c.rng).max(x);
            if c.rng.chance(0.75) {
                // buy the other side: locks the profit or caps the loss
                let q = ((held as f64 * c.rng.uni(0.6, 1.0)) as i64 / 100).max(5) * 100;
                if let Some((_, got)) = c.take(w, m, 1 - o, Side::Buy, q, ts) {
                    *pos.entry((m, 1 - o)).or_default() += got;
                }
            } else {
                sell(c, w, &mut pos, m, o, 0.5, ts);
            }
        }
    }
}

fn newcomer(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let d0 = c.rng.range(8, DAYS);
    let n = c.rng.weighted(&[30.0, 25.0, 20.0, 15.0, 10.0]) + 1;
    let mut pos = Pos::new();
    let big: Vec<usize> = c.uni.games_in(DAY0 + d0 * DAY, NOW + DAY).iter().copied().filter(|&g| c.uni.m[g].pop >= 2.0).collect();
    for _ in 0..n {
        let d = c.rng.range(d0, DAYS);
        let t = super::day_at(&mut c.rng, d, tz, &EVENING);
        let m = match c.rng.range(0, 4) {
            0 if !big.is_empty() => {
                let g = c.rng.pick(&big);
                if c.uni.m[g].live > t { g } else { c.uni.updown(0, 3600, t) }
            }
            1 => c.uni.updown(0, 3600, t),
            2 => c.rng.pick(&c.uni.longs),
            _ => {
                let g = c.rng.pick(&c.uni.futures);
                c.rng.pick(&c.uni.groups[g].members)
            }
        };
        let o = if c.px(m, 0, t) > 0.1 && c.rng.chance(0.65) { 0 } else { 1 };
        let usd = c.rng.pick(&[5.0, 5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 3.0]);
        if buy(c, w, &mut pos, m, o, usd, t).is_some() && c.rng.chance(0.3) {
            let ts = t + c.rng.range(3 * MIN, 5 * HOUR);
            sell(c, w, &mut pos, m, o, 1.0, ts);
        }
    }
}

fn weekend(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let median = c.rng.lognormal(20.0, 0.7);
    let weekends = c.rng.range(1, 5);
    let mut pos = Pos::new();
    let sat_days: Vec<i64> = (1..DAYS).filter(|&d| dow(DAY0 + d * DAY + 12 * HOUR) == 5).collect();
    for _ in 0..weekends {
        let sat = c.rng.pick(&sat_days);
        for d in [sat, sat + 1] {
            if d >= DAYS || c.rng.chance(0.2) {
                continue;
            }
            for _ in 0..c.rng.range(1, 7) {
                let t = super::day_at(&mut c.rng, d, tz, &EVENING);

                let games: Vec<usize> =
                    c.uni.games_in(t - 30 * MIN, t + 20 * HOUR).iter().copied().filter(|&g| c.uni.m[g].pop >= 1.0).collect();
                let m = if games.is_empty() || c.rng.chance(0.08) {
                    let g = c.rng.pick(&c.uni.tweets);
                    c.rng.pick(&c.uni.groups[g].members)
                } else {
                    c.rng.pick(&games)
                };
                let o = c.rng.range(0, 2) as usize;
                let p = c.px(m, o, t);
                if !(0.05..0.95).contains(&p) {
                    continue;
                }
                let usd = human_usd(&mut c.rng, median, 0.6);
                buy(c, w, &mut pos, m, o, usd, t);
            }
        }
        if c.rng.chance(0.3) {
            let held: Vec<(usize, usize)> = pos.iter().filter(|(_, v)| **v > 0).map(|(k, _)| *k).collect();
            if !held.is_empty() {
                let (m, o) = c.rng.pick(&held);
                let ts = super::day_at(&mut c.rng, (sat + 1).min(DAYS - 1), tz, &EVENING);
                sell(c, w, &mut pos, m, o, 1.0, ts);
            }
        }
    }
}

fn grinder(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let days = c.rng.range(4, 20);
    let median = c.rng.lognormal(400.0, 0.8);
    let mut pos = Pos::new();
    for _ in 0..days {
        let d = c.rng.range(0, DAYS);
        for _ in 0..c.rng.range(1, 5) {
            let t = super::day_at(&mut c.rng, d, tz, &EVENING);
            let mut cands: Vec<(usize, usize)> = Vec::new();
            for g in c.uni.live_at(t) {
                for o in 0..2 {
                    let p = c.px(g, o, t);
                    if (0.88..=0.97).contains(&p) {
                        cands.push((g, o));
                    }
                }
            }
            for &m in &c.uni.longs {
                let mk = &c.uni.m[m];
                if mk.decided > t && mk.decided < t + 3 * DAY {
                    for o in 0..2 {
                        if (0.88..=0.97).contains(&mk.p(o, t)) {
                            cands.push((m, o));
                        }
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            let (m, o) = c.rng.pick(&cands);
            let usd = human_usd(&mut c.rng, median, 0.6);
            if buy(c, w, &mut pos, m, o, usd, t).is_some()
                && c.rng.chance(0.12)
                && let Some(ft) = first_touch(c, m, o, t + MIN, c.uni.m[m].close, 0.99, false, 2 * MIN)
            {
                let ts = ft + c.rng.range(30, 900);
                sell(c, w, &mut pos, m, o, 1.0, ts);
            }
        }
    }
}

fn degen(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let first = c.rng.range(0, 12);
    let median = c.rng.lognormal(40.0, 0.8);
    let mut pos = Pos::new();
    for d in first..DAYS {
        if c.rng.chance(0.2) {
            continue;
        }
        for _ in 0..c.rng.range(1, 4) {
            let mut t = super::day_at(&mut c.rng, d, tz, &LATE);
            for _ in 0..c.rng.range(3, 11) {
                t += c.rng.range(20, 15 * MIN);
                let r = c.rng.f();
                if r < 0.15 {
                    let held: Vec<(usize, usize)> = pos.iter().filter(|(_, v)| **v >= 500).map(|(k, _)| *k).collect();
                    if !held.is_empty() {
                        let (m, o) = c.rng.pick(&held);
                        let frac = c.rng.pick(&[0.5, 1.0, 1.0]);
                        sell(c, w, &mut pos, m, o, frac, t);
                    }
                    continue;
                }
                let m = if r < 0.6 {
                    let secs = c.rng.pick(&[300, 900, 900, 3600]);
                    let a = c.rng.weighted(&[60.0, 25.0, 10.0, 5.0]);
                    c.uni.updown(a, secs, t)
                } else if r < 0.9 {
                    let live = c.uni.live_at(t);
                    if live.is_empty() {
                        continue;
                    }
                    c.rng.pick(&live)
                } else {
                    c.rng.pick(&c.uni.longs)
                };
                let o = c.rng.range(0, 2) as usize;
                let usd = human_usd(&mut c.rng, median, 1.1);
                buy(c, w, &mut pos, m, o, usd, t);
            }
        }
    }
}

fn night_shift(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let n = c.rng.range(5, 41);
    let median = c.rng.lognormal(30.0, 0.8);
    let mut pos = Pos::new();
    for _ in 0..n {
        let d = c.rng.range(0, DAYS);
        let t = super::day_at(&mut c.rng, d, tz, &NIGHT);
        let r = c.rng.f();
        let m = if r < 0.45 {
            let live = c.uni.live_at(t);
            if live.is_empty() { c.uni.updown(0, 3600, t) } else { c.rng.pick(&live) }
        } else if r < 0.7 {
            c.uni.updown(c.rng.weighted(&[70.0, 30.0, 0.0, 0.0]), 900, t)
        } else {
            let pool = opinion_markets(c);
            c.rng.pick(&pool)
        };
        let held = pos.get(&(m, 0)).copied().unwrap_or(0).max(pos.get(&(m, 1)).copied().unwrap_or(0));
        if held > 0 && c.rng.chance(0.5) {
            let o = if pos.get(&(m, 0)).copied().unwrap_or(0) > 0 { 0 } else { 1 };
            sell(c, w, &mut pos, m, o, 1.0, t);
            continue;
        }
        let o = c.rng.range(0, 2) as usize;
        let p = c.px(m, o, t);
        if !(0.04..0.96).contains(&p) {
            continue;
        }
        let usd = human_usd(&mut c.rng, median, 0.7);
        buy(c, w, &mut pos, m, o, usd, t);
    }
}

fn event_night(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = person_tz(&mut c.rng);
    let evs: Vec<usize> = (0..c.uni.events.len()).filter(|&e| !c.uni.events[e].markets.is_empty() && c.uni.events[e].t0 > START).collect();
    let e = c.rng.pick(&evs);
    let (t0, t1) = (c.uni.events[e].t0, c.uni.events[e].t1);
    let markets = c.uni.events[e].markets.clone();
    let median = c.rng.lognormal(35.0, 0.8);
    let mut pos = Pos::new();
    let mut t = t0 - c.rng.range(0, 90 * MIN);
    for _ in 0..c.rng.range(3, 13) {
        t += c.rng.range(2 * MIN, 25 * MIN);
        if t > t1 {
            break;
        }
        let m = c.rng.pick(&markets);
        let held: Vec<usize> = (0..2).filter(|&o| pos.get(&(m, o)).copied().unwrap_or(0) >= 500).collect();
        if !held.is_empty() && c.rng.chance(0.3) {
            sell(c, w, &mut pos, m, held[0], 1.0, t);
            continue;
        }
        let o = if c.uni.m[m].kind == Kind::Member { if c.rng.chance(0.8) { 0 } else { 1 } } else { c.rng.range(0, 2) as usize };
        let p = c.px(m, o, t);
        if !(0.02..0.97).contains(&p) {
            continue;
        }
        let usd = human_usd(&mut c.rng, median, 0.7);
        buy(c, w, &mut pos, m, o, usd, t);
    }
    for _ in 0..c.rng.range(0, 3) {
        let d = c.rng.range(0, DAYS);
        let ts = super::day_at(&mut c.rng, d, tz, &EVENING);
        let games: Vec<usize> = c.uni.games_in(ts, ts + 6 * HOUR).to_vec();
        if !games.is_empty() {
            let g = c.rng.pick(&games);
            let o = c.rng.range(0, 2) as usize;
            let usd = human_usd(&mut c.rng, median, 0.6);
            buy(c, w, &mut pos, g, o, usd, ts);
        }
    }
}

fn weather(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let city = c.rng.range(0, CITIES.len() as i64) as usize;
    let tz = CITIES[city].1;
    let groups: Vec<usize> = c.uni.weather.iter().filter(|(ci, _)| *ci == city).map(|(_, g)| *g).collect();
    let days = c.rng.range(4, 20);
    let median = c.rng.lognormal(12.0, 0.7);
    let mut pos = Pos::new();
    for _ in 0..days {
        let g = c.rng.pick(&groups);
        let decided = c.uni.groups[g].decided;
        let members = c.uni.groups[g].members.clone();
        let morning = decided - 20 * HOUR + tz * HOUR + c.rng.range(6 * HOUR, 10 * HOUR);
        let t = if c.rng.chance(0.6) { morning } else { morning - c.rng.range(10 * HOUR, 14 * HOUR) };
        let mut ranked: Vec<(usize, f64)> = members.iter().map(|&m| (m, c.px(m, 0, t))).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        for &(m, p) in ranked.iter().take(c.rng.range(1, 4) as usize) {
            if !(0.05..0.8).contains(&p) {
                continue;
            }
            let usd = human_usd(&mut c.rng, median, 0.6);
            let ts = t + c.rng.range(10, 300);
            if buy(c, w, &mut pos, m, 0, usd, ts).is_some() && c.rng.chance(0.15) {
                let later = t + c.rng.range(2 * HOUR, 9 * HOUR);
                sell(c, w, &mut pos, m, 0, 1.0, later);
            }
        }
    }
}
