//! The people of holdout v4: each behaviour is someone clicking in the web or mobile app, every
//! order decided by them. Their days have a time zone, a waking day, weekends and trips; their
//! stakes are what people type (round dollars, sometimes a balance-sized odd amount).

use super::world::{Amt, DAY, ET, Kind, LEAGUES, NOW, REGIONS, Rng, Take, Ticket, Tz, UK, WORLD_START, World, league, weekday};
use std::collections::HashMap;

/// Someone's day: where they live, when they wake and sleep, and a trip away.
pub struct Person {
    /// Their time zone.
    pub tz: Tz,
    wake: f64,
    bed: f64,
    late_weekend: f64,
    away: (i64, i64),
}

/// Time zones of people in the Americas.
pub const AMERICAS: &[usize] = &[0, 1, 2, 7];
/// Time zones of people in Europe.
pub const EUROPE: &[usize] = &[3, 4, 5, 6];

impl Person {
    /// A person anywhere, zones weighted by how common they are.
    pub fn draw(r: &mut Rng) -> Person {
        let weights: Vec<f64> = REGIONS.iter().map(|x| x.1).collect();
        let tz = REGIONS[r.weighted(&weights)].0;
        Person::living_in(r, tz)
    }

    /// A person in one of the `zones` (indices into `REGIONS`).
    pub fn draw_in(r: &mut Rng, zones: &[usize]) -> Person {
        let weights: Vec<f64> = zones.iter().map(|&i| REGIONS[i].1).collect();
        let tz = REGIONS[zones[r.weighted(&weights)]].0;
        Person::living_in(r, tz)
    }

    /// A person in zone `tz`.
    pub fn living_in(r: &mut Rng, tz: Tz) -> Person {
        let wake = (7.1 + 1.2 * r.normal()).clamp(4.8, 11.5);
        let bed = wake + r.range(15.0, 18.3);
        let late_weekend = r.range(0.0, 1.6);
        let away = if r.chance(0.35) {
            let s = tz.day(WORLD_START) + r.int(0, 42);
            (s, s + r.int(2, 7))
        } else {
            (0, 0)
        };
        Person { tz, wake, bed, late_weekend, away }
    }

    fn awake_on(&self, day: i64, h: f64) -> bool {
        let shift = if weekday(day) >= 5 { self.late_weekend } else { 0.0 };
        h >= self.wake + shift && h < self.bed + shift && !(self.away.0..self.away.1).contains(&day)
    }

    /// Awake (and not away) at `t`.
    pub fn awake(&self, t: i64) -> bool {
        let (day, h) = (self.tz.day(t), self.tz.hour(t));
        self.awake_on(day, h) || self.awake_on(day - 1, h + 24.0)
    }

    /// Local hour at `t`.
    pub fn hour(&self, t: i64) -> f64 {
        self.tz.hour(t)
    }

    /// The local days of the world.
    pub fn days(&self) -> std::ops::RangeInclusive<i64> {
        self.tz.day(WORLD_START)..=self.tz.day(NOW - 1)
    }

    /// A waking moment on `day` from the weighted (from, to, weight) local-hour windows.
    pub fn time_on(&self, r: &mut Rng, day: i64, windows: &[(f64, f64, f64)]) -> Option<i64> {
        let weights: Vec<f64> = windows.iter().map(|x| x.2).collect();
        for _ in 0..6 {
            let (a, b, _) = windows[r.weighted(&weights)];
            let t = self.tz.at(day, r.range(a, b)) + r.int(0, 59);
            if self.awake(t) && (WORLD_START..NOW).contains(&t) {
                return Some(t);
            }
        }
        None
    }

    /// Session start times: about `per_week` a week, from the windows, oldest first.
    pub fn sessions(&self, r: &mut Rng, per_week: f64, windows: &[(f64, f64, f64)]) -> Vec<i64> {
        let mut out = Vec::new();
        for day in self.days() {
            let weekend = if weekday(day) >= 5 { 1.25 } else { 0.95 };
            for _ in 0..r.poisson(per_week / 7.0 * weekend).min(4) {
                if let Some(t) = self.time_on(r, day, windows) {
                    out.push(t);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// Evenings mostly, some lunch breaks and mornings.
pub const EVENINGS: &[(f64, f64, f64)] = &[(18.0, 24.5, 1.0), (12.0, 14.0, 0.35), (7.0, 9.5, 0.3)];
/// Any waking hour, a little more in the evening.
pub const ANYTIME: &[(f64, f64, f64)] = &[(7.0, 18.0, 1.0), (18.0, 25.0, 0.9)];

/// A pause between two taps in the app.
pub fn gap(r: &mut Rng) -> i64 {
    r.lognormal(35.0, 0.9).clamp(3.0, 1_500.0) as i64
}

const ROUND_USD: [f64; 23] = [
    5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0, 750.0, 1_000.0, 1_500.0, 2_000.0,
    2_500.0, 3_000.0, 5_000.0, 10_000.0,
];

/// A stake near `scale` as people type it: mostly a round amount, sometimes an odd one.
pub fn stake(r: &mut Rng, scale: f64) -> f64 {
    let x = r.lognormal(scale, 0.55).max(2.0);
    if r.chance(0.8) {
        let mut best = ROUND_USD[0];
        for v in ROUND_USD {
            if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
                best = v;
            }
        }
        best
    } else {
        (x * 100.0).round() / 100.0
    }
}

/// The nearest round amount to `x`.
pub fn round_amount(x: f64) -> f64 {
    let mut best = ROUND_USD[0];
    for v in ROUND_USD {
        if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
            best = v;
        }
    }
    best
}

/// What someone holds, as a log of changes (so a later decision sees only earlier fills).
#[derive(Default)]
pub struct Holdings(Vec<(i64, usize, u8, f64)>);

impl Holdings {
    /// Records `d` shares of (`m`, `tok`) at `t`.
    pub fn add(&mut self, t: i64, m: usize, tok: u8, d: f64) {
        if d != 0.0 {
            self.0.push((t, m, tok, d));
        }
    }

    /// Shares of (`m`, `tok`) held at `t`.
    pub fn at(&self, m: usize, tok: u8, t: i64) -> f64 {
        self.0.iter().filter(|x| x.1 == m && x.2 == tok && x.0 <= t).map(|x| x.3).sum::<f64>().max(0.0)
    }

    /// Positions of at least 5 shares held at `t`, in markets still open.
    pub fn open(&self, w: &World, t: i64) -> Vec<(usize, u8, f64)> {
        let mut keys: Vec<(usize, u8)> = self.0.iter().filter(|x| x.0 <= t).map(|x| (x.1, x.2)).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter().map(|(m, tok)| (m, tok, self.at(m, tok, t))).filter(|&(m, _, s)| s >= 5.0 && w.tradable(m, t)).collect()
    }
}

/// Buys `amt` at market and records it.
pub fn buy(w: &mut World, r: &mut Rng, h: &mut Holdings, o: (u32, usize, u8, i64), amt: Amt, levels: i32) -> f64 {
    let (id, m, tok, t) = o;
    let f = w.take(r, Ticket { w: id, m, tok, buy: true, t }, amt, Take::market(levels));
    h.add(t, m, tok, f.shares);
    f.shares
}

/// Sells `shares` (at most what is held) at market and records it.
pub fn sell(w: &mut World, r: &mut Rng, h: &mut Holdings, o: (u32, usize, u8, i64), shares: f64) -> f64 {
    let (id, m, tok, t) = o;
    let held = h.at(m, tok, t);
    let want = (shares.min(held) * 100.0).floor() / 100.0;
    if want < 5.0 {
        return 0.0;
    }
    let f = w.take(r, Ticket { w: id, m, tok, buy: false, t }, Amt::Shares(want), Take::market(3));
    h.add(t, m, tok, -f.shares);
    f.shares
}

/// The outcome of `m` priced above one half at `t`.
fn favourite(w: &World, m: usize, t: i64) -> u8 {
    u8::from(w.p0(m, t) < 0.5)
}

/// The outcome of game `g` that is `team` (for yes/no soccer markets, "Yes" when `team` is named first).
fn team_token(w: &World, g: usize, team: &str) -> Option<u8> {
    let mk = &w.markets[g];
    if mk.outcomes[0] == team {
        Some(0)
    } else if mk.outcomes[1] == team {
        Some(1)
    } else if mk.outcomes[0] == "Yes" && mk.title.contains(team) {
        Some(u8::from(!mk.title.starts_with(&format!("Will {team} win"))))
    } else {
        None
    }
}

/// A person living where the league is followed.
fn fan_of(r: &mut Rng, leagues: &[usize]) -> Person {
    let us = leagues.iter().any(|&l| matches!(LEAGUES[l].code, "nba" | "nfl" | "nhl" | "cfb" | "ufc"));
    if us && r.chance(0.85) {
        Person::draw_in(r, AMERICAS)
    } else if !us && r.chance(0.75) {
        Person::draw_in(r, EUROPE)
    } else {
        Person::draw(r)
    }
}

/// `n` leagues followed on the American side (`us_side`) or the European one.
pub fn pick_leagues(r: &mut Rng, us_side: bool, n: usize) -> Vec<usize> {
    let pool: &[&str] =
        if us_side { &["nba", "nfl", "nfl", "nhl", "cfb", "nba", "ufc"] } else { &["epl", "epl", "lal", "ucl", "atp", "cs2"] };
    let mut out = Vec::new();
    for _ in 0..n * 3 {
        let l = league(r.pick(pool));
        if !out.contains(&l) {
            out.push(l);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// A casual sports fan. Bets on their own teams' games and now and then on another game of a
/// league they follow, a few hours before kick-off or at it, in round dollars, mostly on
/// their phone; sometimes adds during play or cashes out when it goes badly; otherwise holds to
/// the final whistle. A handful of bets a week at most, none while asleep.
pub fn sports_fan(w: &mut World, r: &mut Rng, id: u32) {
    let us_side = r.chance(0.65);
    let v0 = r.int(1, 2) as usize;
    let leagues = pick_leagues(r, us_side, v0);
    let person = fan_of(r, &leagues);
    let teams: Vec<&str> = leagues.iter().flat_map(|&l| LEAGUES[l].teams_sample(r, 2)).collect();
    let p_fav = r.range(0.45, 0.95);
    let p_other = r.range(0.01, 0.1) * w.boost;
    let scale = r.lognormal(30.0, 0.8) * w.boost;
    let (live_add, cash_out) = (r.range(0.0, 0.3), r.range(0.0, 0.2));
    let mut h = Holdings::default();
    for g in w.games_starting(&leagues, WORLD_START - DAY, NOW) {
        let (start, open, end) = (w.markets[g].start, w.markets[g].open, w.markets[g].decided);
        let fav = teams.iter().find_map(|team| team_token(w, g, team));
        if !r.chance(if fav.is_some() { p_fav } else { p_other }) {
            continue;
        }
        let mut when = None;
        for _ in 0..6 {
            let t = start - (r.exp(3.0) * 3600.0) as i64 - r.int(0, 900);
            if person.awake(t) && t > open {
                when = Some(t);
                break;
            }
        }
        if when.is_none() {
            let t = start + r.int(60, 1_500);
            if person.awake(t) {
                when = Some(t);
            }
        }
        let Some(t) = when else { continue };
        let tok = fav.unwrap_or_else(|| if r.chance(0.65) { favourite(w, g, t) } else { 1 - favourite(w, g, t) });
        let v0 = stake(r, scale);
        let got = buy(w, r, &mut h, (id, g, tok, t), Amt::Usd(v0), 3);
        if got == 0.0 {
            continue;
        }
        if r.chance(live_add) {
            let t2 = start + ((end - start) as f64 * r.range(0.1, 0.8)) as i64;
            if person.awake(t2) {
                let v0 = stake(r, scale * 0.7);
                buy(w, r, &mut h, (id, g, tok, t2), Amt::Usd(v0), 3);
            }
        }
        if r.chance(cash_out) {
            let t3 = start + ((end - start) as f64 * r.range(0.3, 0.9)) as i64;
            if person.awake(t3) && (w.p0(g, t3) < 0.5) == (tok == 0) {
                let held = h.at(g, tok, t3);
                sell(w, r, &mut h, (id, g, tok, t3), held);
            }
        }
    }
}

/// A politics follower with a view. Holds positions in a few long-dated political markets and
/// midterm races for weeks, adding after news in the morning or evening, now and then with a
/// limit order below the market that fills whenever sellers come; trims winners; stays up on
/// election night to trade the count, and sells called races at 97–99¢ to free the money.
pub fn politics_holder(w: &mut World, r: &mut Rng, id: u32) {
    let person = if r.chance(0.75) { Person::draw_in(r, AMERICAS) } else { Person::draw(r) };
    let scale = r.lognormal(120.0, 1.0) * w.boost;
    let per_week = r.range(1.5, 6.0) * w.boost;
    let limit_pref = r.range(0.0, 0.5);
    let mut pool: Vec<usize> = w.by_kind[Kind::Politics as usize].clone();
    pool.extend_from_slice(&w.by_kind[Kind::Election as usize]);
    let v0 = r.int(3, 8) as usize;
    let focus: Vec<usize> = r.sample(pool.len(), v0).into_iter().map(|i| pool[i]).collect();
    let side: HashMap<usize, u8> = focus.iter().map(|&m| (m, u8::from(r.chance(0.4)))).collect();
    let mut h = Holdings::default();
    let windows = [(6.5, 9.5, 1.0), (12.0, 13.5, 0.4), (19.0, 24.0, 1.2)];
    for s in person.sessions(r, per_week, &windows) {
        let mut t = s;
        for _ in 0..1 + r.poisson(0.8) {
            let open: Vec<usize> = focus.iter().copied().filter(|&m| w.tradable(m, t)).collect();
            if open.is_empty() {
                break;
            }
            let m = r.pick(&open);
            let tok = side[&m];
            let held = h.at(m, tok, t);
            if held >= 5.0 && r.chance(0.25) {
                let part = if r.chance(0.5) { held } else { (held / 2.0).floor() };
                sell(w, r, &mut h, (id, m, tok, t), part);
            } else if r.chance(limit_pref) {
                let (bid, _) = w.quote(m, tok, t);
                let px = (bid - r.int(0, 2) as i32).max(1);
                let shares = ((stake(r, scale) / (f64::from(px) / 100.0)) / 10.0).round().max(1.0) * 10.0;
                let until = t + r.int(1, 12) * DAY;
                for (ft, got) in w.rest(r, Ticket { w: id, m, tok, buy: true, t }, px, shares, until) {
                    h.add(ft, m, tok, got);
                }
            } else {
                let v0 = stake(r, scale);
                buy(w, r, &mut h, (id, m, tok, t), Amt::Usd(v0), 3);
            }
            t += gap(r);
        }
    }
    let v0 = r.range(0.4, 0.9);
    election_night(w, r, &person, &mut h, id, scale, v0);
}

/// Election night for someone who follows the midterms: trades the count while awake.
fn election_night(w: &mut World, r: &mut Rng, person: &Person, h: &mut Holdings, id: u32, scale: f64, p: f64) {
    if !r.chance(p) {
        return;
    }
    let races = w.by_kind[Kind::Election as usize].clone();
    let first_close = races.iter().map(|&m| w.markets[m].start).min().unwrap_or(NOW);
    let mut t = first_close + r.int(0, 3 * 3600);
    let end = t + r.int(2, 7) * 3600;
    let mut n = 0;
    while t < end && n < 14 {
        if !person.awake(t) {
            break;
        }
        let live: Vec<usize> = races.iter().copied().filter(|&m| w.markets[m].start <= t && t < w.markets[m].decided + 3 * 3600).collect();
        if live.is_empty() {
            t += 600;
            continue;
        }
        let m = r.pick(&live);
        let p0 = w.p0(m, t);
        if t >= w.markets[m].decided {
            let tok = u8::from(p0 < 0.5);
            let held = h.at(m, tok, t);
            if held >= 5.0 {
                sell(w, r, h, (id, m, tok, t), held);
            } else {
                let v0 = stake(r, scale * 2.0);
                buy(w, r, h, (id, m, tok, t), Amt::Usd(v0), 3);
            }
        } else {
            let tok = if r.chance(0.6) { favourite(w, m, t) } else { 1 - favourite(w, m, t) };
            let v0 = stake(r, scale);
            buy(w, r, h, (id, m, tok, t), Amt::Usd(v0), 3);
        }
        n += 1;
        t += gap(r) + r.int(60, 1_500);
    }
}

/// Someone gambling on crypto up/down rounds from their phone. Sessions of half an hour to a
/// couple of hours, mostly late evening, betting on most rounds in a row — at the open, in the
/// last minutes or whenever — the same favourite stake, doubled after a loss by some (a
/// martingale), an extra tap now and then, a panic sell when a round turns against them.
pub fn crypto_round_clicker(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let per_week = r.range(1.0, 5.5) * w.boost;
    let minutes = r.lognormal(45.0, 0.55).clamp(10.0, 180.0);
    let asset = if r.chance(0.75) { 0 } else { r.int(1, 3) as usize };
    let hourly = r.chance(0.3);
    let unit = r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]) * w.boost;
    let martingale = r.chance(0.35);
    let timing = r.below(3);
    let style = r.below(3);
    let bet_rate = r.range(0.6, 0.95);
    let mut h = Holdings::default();
    let windows = [(19.0, 25.5, 1.0), (12.0, 14.0, 0.4), (8.0, 18.0, 0.4)];
    for s in person.sessions(r, per_week, &windows) {
        let end = s + (minutes * r.range(0.5, 1.5) * 60.0) as i64;
        let mut t = s;
        let mut losses = 0;
        while t < end {
            let Some(m) = w.round_at(asset, hourly, t) else { break };
            let (open, close) = (w.markets[m].open, w.markets[m].close);
            let len = close - open;
            if r.chance(bet_rate) {
                let at = match timing {
                    0 => open + r.int(5, len / 5),
                    1 => close - r.int(20, len / 4),
                    _ => open + r.int(10, len - 20),
                }
                .max(t);
                if at < close - 5 {
                    let fav = favourite(w, m, at);
                    let tok = match style {
                        0 => fav,
                        1 => 1 - fav,
                        _ => u8::from(r.chance(0.5)),
                    };
                    let usd = if martingale { unit * f64::from(1 << losses.min(3)) } else { unit };
                    buy(w, r, &mut h, (id, m, tok, at), Amt::Usd(usd), 2);
                    if r.chance(0.2) {
                        let v0 = r.int(4, 40);
                        buy(w, r, &mut h, (id, m, tok, at + v0), Amt::Usd(usd), 2);
                    }
                    let check = at + gap(r);
                    if r.chance(0.12)
                        && check < close - 5
                        && (w.p0(m, check) < 0.5) == (tok == 0)
                        && w.p0(m, check).min(1.0 - w.p0(m, check)) < 0.3
                    {
                        let held = h.at(m, tok, check);
                        sell(w, r, &mut h, (id, m, tok, check), held);
                    }
                    losses = if w.markets[m].winner == tok { 0 } else { losses + 1 };
                }
            }
            t = close + r.int(3, 90);
        }
    }
}

/// An in-play sports trader watching on TV. On game nights trades the swings of one or two
/// games: buys after a run, sells a few minutes later, sometimes buys the other side instead to
/// lock in a profit (both sides of one market within minutes), taps twice by accident now and
/// then; round share counts or round dollars.
pub fn live_scalper(w: &mut World, r: &mut Rng, id: u32) {
    let us_side = r.chance(0.6);
    let v0 = r.int(1, 3) as usize;
    let leagues = pick_leagues(r, us_side, v0);
    let person = fan_of(r, &leagues);
    let nights = r.range(1.5, 5.0) * w.boost.sqrt();
    let shares_style = r.chance(0.5);
    let unit =
        if shares_style { r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0]) } else { r.pick(&[25.0, 50.0, 100.0, 200.0, 250.0]) } * w.boost;
    let hold_min = r.range(3.0, 20.0);
    let hedge = r.range(0.1, 0.4);
    let per_game = r.int(3, 12);
    let mut h = Holdings::default();
    for day in person.days() {
        if !r.chance(nights / 7.0) {
            continue;
        }
        let from = person.tz.at(day, 11.0);
        let mut games = w.games_starting(&leagues, from, from + 13 * 3600);
        games.retain(|&g| person.awake(w.markets[g].start + 1800));
        let v0 = r.int(1, 2) as usize;
        for gi in r.sample(games.len(), v0) {
            let g = games[gi];
            let (start, end) = (w.markets[g].start, w.markets[g].decided);
            let mut t = start + r.int(120, 1_500);
            let mut n = 0;
            while t < end - 60 && n < per_game {
                if !person.awake(t) {
                    break;
                }
                let p = w.p0(g, t);
                let tok = if r.chance(0.55) { u8::from(p >= 0.5) } else { u8::from(p < 0.5) };
                let amt = if shares_style {
                    Amt::Shares(unit * r.pick(&[1.0, 1.0, 0.5, 2.0]))
                } else {
                    Amt::Usd(unit * r.pick(&[1.0, 1.0, 0.5, 2.0]))
                };
                let got = buy(w, r, &mut h, (id, g, tok, t), amt, 3);
                n += 1;
                if r.chance(0.05) {
                    let v0 = r.int(2, 7);
                    buy(w, r, &mut h, (id, g, tok, t + v0), amt, 3);
                }
                let exit = t + (r.lognormal(hold_min, 0.7) * 60.0) as i64;
                if got > 0.0 && exit < end {
                    if r.chance(hedge) {
                        let other = 1.0 - w.p0(g, exit);
                        let px = if tok == 0 { other } else { 1.0 - other };
                        buy(w, r, &mut h, (id, g, 1 - tok, exit), Amt::Usd((got * px).max(5.0).round()), 3);
                    } else {
                        let held = h.at(g, tok, exit);
                        sell(w, r, &mut h, (id, g, tok, exit), held);
                    }
                    n += 1;
                }
                t = exit + (r.exp(5.0) * 60.0) as i64 + gap(r);
            }
        }
    }
}

/// Markets big enough for a whale: the busiest politics and election markets, marquee games
/// before and during play, the Fed.
fn big_markets(w: &World, t: i64) -> Vec<usize> {
    let mut v: Vec<usize> = Vec::new();
    for kind in [Kind::Politics, Kind::Election, Kind::Econ] {
        v.extend(w.open_of(kind, t).into_iter().filter(|&m| w.markets[m].rate >= 1.5));
    }
    v.extend(
        w.games_starting(&[league("nfl"), league("nba"), league("epl"), league("ucl")], t - 3600, t + 20 * 3600)
            .into_iter()
            .filter(|&g| w.tradable(g, t)),
    );
    v
}

/// A whale clicking big orders by hand. Too big for one order without moving the price, so
/// they tap the same amount — $1,000, $2,500, $10,000 — several times a few seconds apart, each
/// order walking a few levels of the book; later they sell the position off the same way.
pub fn whale_splitter(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let unit = r.pick(&[1_000.0, 2_000.0, 2_500.0, 5_000.0, 10_000.0]) * w.boost;
    let per_week = r.range(0.6, 3.0);
    let mut h = Holdings::default();
    for s in person.sessions(r, per_week, ANYTIME) {
        let mut t = s;
        let positions = h.open(w, t);
        if !positions.is_empty() && r.chance(0.35) {
            let (m, tok, held) = positions[r.below(positions.len())];
            let k = r.int(2, 8);
            let piece = (held / k as f64).floor();
            for _ in 0..k {
                sell(w, r, &mut h, (id, m, tok, t), piece);
                t += r.lognormal(18.0, 0.5).clamp(4.0, 120.0) as i64;
            }
            continue;
        }
        let pool = big_markets(w, t);
        if pool.is_empty() {
            continue;
        }
        let m = r.pick(&pool);
        let tok = if r.chance(0.6) { favourite(w, m, t) } else { 1 - favourite(w, m, t) };
        for _ in 0..r.int(3, 12) {
            if !w.tradable(m, t) {
                break;
            }
            buy(w, r, &mut h, (id, m, tok, t), Amt::Usd(unit), 6);
            t += r.lognormal(18.0, 0.5).clamp(4.0, 120.0) as i64;
        }
    }
}

/// Someone who trades long-dated markets with a ladder of limit orders: five buys of 500
/// shares at 41, 40, 39, 38, 37¢, say, left in the book for days; they fill whenever sellers
/// arrive — overnight and at work as much as in the evening — and later a ladder of sells above
/// the market takes the profit. The person sets it up in one sitting and checks back now and then.
pub fn limit_ladder(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let per_week = r.range(0.5, 2.2);
    let rungs = r.int(3, 8);
    let size = r.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0]);
    let step = if r.chance(0.7) { 1 } else { 2 };
    let mut h = Holdings::default();
    for s in person.sessions(r, per_week, EVENINGS) {
        let mut t = s;
        let positions = h.open(w, t);
        if !positions.is_empty() && r.chance(0.4) {
            let (m, tok, held) = positions[r.below(positions.len())];
            let k = rungs.min((held / size).floor() as i64).max(1);
            let (_, ask) = w.quote(m, tok, t);
            for i in 0..k {
                let px = (ask + 1 + (i * step) as i32).min(99);
                let until = t + r.int(4, 20) * DAY;
                for (ft, got) in w.rest(r, Ticket { w: id, m, tok, buy: false, t }, px, (held / k as f64).floor(), until) {
                    h.add(ft, m, tok, -got);
                }
                t += r.int(6, 30);
            }
            continue;
        }
        let mut pool: Vec<usize> = Vec::new();
        for kind in [Kind::Politics, Kind::Culture, Kind::Election, Kind::Econ] {
            pool.extend(w.open_of(kind, t).into_iter().filter(|&m| (0.08..0.92).contains(&w.p0(m, t))));
        }
        if pool.is_empty() {
            continue;
        }
        let m = r.pick(&pool);
        let tok = u8::from(r.chance(0.45));
        let (bid, _) = w.quote(m, tok, t);
        for i in 0..rungs {
            let px = bid - (i * step) as i32 - r.int(0, 1) as i32;
            if px < 1 {
                break;
            }
            let until = t + r.int(3, 21) * DAY;
            for (ft, got) in w.rest(r, Ticket { w: id, m, tok, buy: true, t }, px, size, until) {
                h.add(ft, m, tok, got);
            }
            t += r.int(6, 30);
        }
        if r.chance(0.25) {
            let v0 = gap(r);
            let v1 = stake(r, size * 0.3);
            buy(w, r, &mut h, (id, m, tok, t + v0), Amt::Usd(v1), 2);
        }
    }
}

/// Markets with a token priced at most `max` cents at `t` (longshots), in many kinds.
fn longshots(w: &World, t: i64, max: i32) -> Vec<(usize, u8)> {
    let mut v = Vec::new();
    for kind in [Kind::Politics, Kind::Election, Kind::Culture, Kind::Tweets, Kind::Weather, Kind::Econ, Kind::Daily, Kind::Mentions] {
        for m in w.open_of(kind, t) {
            for tok in 0..2u8 {
                let (_, ask) = w.quote(m, tok, t);
                if ask <= max {
                    v.push((m, tok));
                }
            }
        }
    }
    for g in w.games_starting(&[], t - 2 * 3600, t + 12 * 3600) {
        for tok in 0..2u8 {
            if w.tradable(g, t) && w.quote(g, tok, t).1 <= max {
                v.push((g, tok));
            }
        }
    }
    v
}

/// A longshot collector. Once or twice a week sweeps through the app buying cheap "lottery
/// tickets" — outcomes at 1–6¢ in elections, tweet-count brackets, weather, awards and
/// upsets — the same number of shares each time (or the same few dollars), a tap every
/// minute or so; sells one only when it has multiplied.
pub fn longshot_collector(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let per_week = r.range(0.5, 2.5);
    let max = r.int(3, 7) as i32;
    let by_shares = r.chance(0.6);
    let unit = if by_shares { r.pick(&[100.0, 200.0, 250.0, 500.0, 1_000.0]) } else { r.pick(&[5.0, 10.0, 20.0]) };
    let mut h = Holdings::default();
    for s in person.sessions(r, per_week, EVENINGS) {
        let mut t = s;
        for (m, tok, held) in h.open(w, t) {
            if w.quote(m, tok, t).0 >= 15 && r.chance(0.5) {
                sell(w, r, &mut h, (id, m, tok, t), (held / 2.0).floor());
                t += gap(r);
            }
        }
        let pool = longshots(w, t, max);
        let n = r.int(4, 20) as usize;
        for i in r.sample(pool.len(), n) {
            let (m, tok) = pool[i];
            let amt = if by_shares { Amt::Shares(unit) } else { Amt::Usd(unit) };
            buy(w, r, &mut h, (id, m, tok, t), amt, 2);
            t += r.lognormal(50.0, 0.7).clamp(6.0, 600.0) as i64;
        }
    }
}

/// Markets about to resolve with one side at 93–99¢ at `t`: (market, that side).
fn near_certain(w: &World, t: i64, horizon: i64) -> Vec<(usize, u8)> {
    let mut v = Vec::new();
    let mut consider = |m: usize| {
        if w.tradable(m, t) && w.markets[m].close - t <= horizon {
            let p = w.p0(m, t);
            let tok = u8::from(p < 0.5);
            let (_, ask) = w.quote(m, tok, t);
            if (93..=99).contains(&ask) {
                v.push((m, tok));
            }
        }
    };
    for kind in [Kind::Daily, Kind::Election, Kind::Econ, Kind::Weather, Kind::Tweets, Kind::Mentions] {
        for &m in &w.by_kind[kind as usize] {
            consider(m);
        }
    }
    for g in w.games_starting(&[], t - 6 * 3600, t + 1) {
        consider(g);
    }
    v
}

/// A high-probability grinder ("bonds"): buys outcomes at 93–99¢ shortly before they resolve —
/// games all but won, called races, weather brackets late in the day, daily strikes far from
/// spot — for a 1–5 % return, the same large stake each time, a few times a day; holds to
/// resolution and bails out if the price collapses.
pub fn high_prob_grinder(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let per_week = r.range(4.0, 14.0) * w.boost.sqrt();
    let usual = round_amount(r.lognormal(800.0, 0.8)) * w.boost;
    let horizon = r.int(2, 72) * 3600;
    let mut h = Holdings::default();
    for s in person.sessions(r, per_week, ANYTIME) {
        let mut t = s;
        for (m, tok, held) in h.open(w, t) {
            if w.quote(m, tok, t).0 < 80 && r.chance(0.6) {
                sell(w, r, &mut h, (id, m, tok, t), held);
                t += gap(r);
            }
        }
        let pool = near_certain(w, t, horizon);
        let v0 = r.int(1, 5) as usize;
        for i in r.sample(pool.len(), v0) {
            let (m, tok) = pool[i];
            let usd = if r.chance(0.7) { usual } else { stake(r, usual) };
            buy(w, r, &mut h, (id, m, tok, t), Amt::Usd(usd), 3);
            t += gap(r);
        }
    }
}

/// The weather markets of city `city` for the local day starting at `start`.
fn weather_day(w: &World, city: usize, start: i64) -> Vec<usize> {
    w.by_kind[Kind::Weather as usize].iter().copied().filter(|&m| w.markets[m].tag == city && w.markets[m].start == start).collect()
}

/// Where each weather city is.
const CITY_TZ: [Tz; 3] = [ET, UK, Tz { std_min: 540, dst: super::world::Dst::No }];

/// A weather bettor with a morning routine: checks the forecast over coffee at about the same
/// time every day and buys one to three temperature brackets for today or tomorrow in their
/// city, the same small stake each time; some evenings looks again. Skips days now and then.
pub fn weather_routine(w: &mut World, r: &mut Rng, id: u32) {
    let city = r.below(3);
    let person = if r.chance(0.8) { Person::living_in(r, CITY_TZ[city]) } else { Person::draw(r) };
    let routine = if r.chance(0.75) { r.range(6.0, 9.5) } else { r.range(12.0, 13.5) };
    let active = r.range(0.55, 0.95);
    let usd = r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0]);
    let tomorrow = r.chance(0.4);
    let mut h = Holdings::default();
    for day in person.days() {
        if !r.chance(active) {
            continue;
        }
        let t = person.tz.at(day, routine + 0.3 * r.normal()) + r.int(0, 59);
        if !person.awake(t) || !(WORLD_START..NOW).contains(&t) {
            continue;
        }
        let target = CITY_TZ[city].day(t) + i64::from(tomorrow && r.chance(0.8));
        let brackets = weather_day(w, city, CITY_TZ[city].at(target, 0.0));
        let mut open: Vec<usize> = brackets.into_iter().filter(|&m| w.tradable(m, t)).collect();
        open.sort_by(|&a, &b| w.p0(b, t).total_cmp(&w.p0(a, t)));
        let mut at = t;
        for &m in open.iter().take(r.int(1, 3) as usize) {
            let amount = if r.chance(0.8) { usd } else { stake(r, usd) };
            buy(w, r, &mut h, (id, m, 0, at), Amt::Usd(amount), 2);
            at += gap(r);
        }
        if r.chance(0.25) {
            let later = person.tz.at(day, r.range(18.0, 22.0));
            if person.awake(later) {
                for (m, tok, held) in h.open(w, later) {
                    if w.p0(m, later) < 0.2 {
                        sell(w, r, &mut h, (id, m, tok, later), held);
                    }
                }
            }
        }
    }
}

/// Events whose markets are all of `kind`.
fn events_of(w: &World, kind: Kind) -> Vec<usize> {
    (0..w.events.len()).filter(|&e| w.events[e].first().is_some_and(|&m| w.markets[m].kind == kind)).collect()
}

/// A macro and news trader. Positions in the Fed, jobs and CPI brackets the evening or morning
/// before a release, reacts to the number within minutes by moving the December Fed odds,
/// trades election night, and otherwise makes a trade or two a week on the political news.
pub fn news_trader(w: &mut World, r: &mut Rng, id: u32) {
    let person = if r.chance(0.7) { Person::draw_in(r, AMERICAS) } else { Person::draw_in(r, EUROPE) };
    let scale = r.lognormal(150.0, 0.8);
    let mut h = Holdings::default();
    let econ = events_of(w, Kind::Econ);
    let dec_fed: Vec<usize> = econ.iter().flat_map(|&e| w.events[e].clone()).filter(|&m| w.markets[m].title.contains("December")).collect();
    for &e in &econ {
        let members = w.events[e].clone();
        let release = w.markets[members[0]].start;
        if release >= NOW || !r.chance(0.75) {
            continue;
        }
        let before = release - (r.range(0.3, 16.0) * 3600.0) as i64;
        if person.awake(before) {
            let mut t = before;
            let mut ranked = members.clone();
            ranked.sort_by(|&a, &b| w.p0(b, t).total_cmp(&w.p0(a, t)));
            for &m in ranked.iter().take(r.int(1, 2) as usize) {
                let v0 = stake(r, scale);
                buy(w, r, &mut h, (id, m, 0, t), Amt::Usd(v0), 3);
                t += gap(r);
            }
        }
        let after = release + (r.lognormal(6.0, 0.7) * 60.0) as i64;
        if person.awake(after) && !dec_fed.is_empty() && !w.markets[members[0]].title.contains("December") {
            let mut t = after;
            for _ in 0..r.int(1, 3) {
                let m = r.pick(&dec_fed);
                let v0 = r.chance(0.4);
                let v1 = stake(r, scale);
                buy(w, r, &mut h, (id, m, u8::from(v0), t), Amt::Usd(v1), 3);
                t += gap(r);
            }
        }
    }
    election_night(w, r, &person, &mut h, id, scale, 0.8);
    let politics = w.by_kind[Kind::Politics as usize].clone();
    let v0 = r.range(0.5, 2.0);
    for s in person.sessions(r, v0, EVENINGS) {
        let m = r.pick(&politics);
        let v0 = r.chance(0.5);
        let v1 = stake(r, scale);
        buy(w, r, &mut h, (id, m, u8::from(v0), s), Amt::Usd(v1), 3);
    }
}

/// Someone who copies a well-known trader by hand: a Telegram channel or a whale-alert account
/// posts the leader's trades, and they repeat some of them in the app minutes later with their
/// own round stake — only while awake; a trade posted overnight is copied in the morning if it
/// still looks good, or not at all. Sells when they notice the leader selling.
pub fn hand_copier(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let leader = r.pick(&w.leaders);
    let copy_p = r.range(0.35, 0.85);
    let usd = r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0]);
    let mut h = Holdings::default();
    for e in w.orders_of(leader) {
        if !e.buy {
            let held = h.at(e.m, e.tok, e.t + 3600);
            if held >= 5.0 && r.chance(0.5) {
                let t = e.t + (r.lognormal(20.0, 0.9) * 60.0) as i64;
                if person.awake(t) {
                    sell(w, r, &mut h, (id, e.m, e.tok, t), held);
                }
            }
            continue;
        }
        if !r.chance(copy_p) {
            continue;
        }
        let mut t = e.t + (r.lognormal(5.0, 0.9) * 60.0).max(40.0) as i64;
        if !person.awake(t) {
            if !r.chance(0.3) {
                continue;
            }
            let day = person.tz.day(t) + i64::from(person.hour(t) > 12.0);
            match person.time_on(r, day, &[(7.0, 10.0, 1.0)]) {
                Some(x) if x > t => t = x,
                _ => continue,
            }
        }
        buy(w, r, &mut h, (id, e.m, e.tok, t), Amt::Usd(usd), 3);
    }
}

/// An airdrop farmer by hand: hoping for a token airdrop that rewards activity, they click
/// buy and then sell back the same position seconds to a minute later, over and over, in
/// liquid markets at near-certain prices (so the round trips cost almost nothing): the same
/// round dollar amount every time, a few dozen round trips in an evening session.
pub fn airdrop_farmer(w: &mut World, r: &mut Rng, id: u32) {
    let person = Person::draw(r);
    let per_week = r.range(1.5, 6.0);
    let usd = r.pick(&[20.0, 50.0, 100.0, 100.0, 200.0, 250.0, 500.0]);
    let trips = r.int(5, 22);
    let mut h = Holdings::default();
    for s in person.sessions(r, per_week, EVENINGS) {
        let mut t = s;
        let mut pool: Vec<(usize, u8)> = Vec::new();
        for kind in [Kind::Politics, Kind::Election, Kind::Culture, Kind::Econ] {
            for m in w.open_of(kind, t) {
                let p = w.p0(m, t);
                if w.markets[m].spread == 1 && !(0.1..=0.9).contains(&p) {
                    pool.push((m, u8::from(p < 0.5)));
                }
            }
        }
        if pool.is_empty() {
            continue;
        }
        let mut spot = r.pick(&pool);
        for _ in 0..r.int(trips / 2, trips) {
            if r.chance(0.2) {
                spot = r.pick(&pool);
            }
            let (m, tok) = spot;
            let got = buy(w, r, &mut h, (id, m, tok, t), Amt::Usd(usd), 1);
            t += r.lognormal(20.0, 0.7).clamp(3.0, 300.0) as i64;
            sell(w, r, &mut h, (id, m, tok, t), got);
            t += gap(r);
        }
    }
}

/// A mention-market player watching the event live: bets on words they expect early in the
/// speech or broadcast, then, when a word is said, hammers "Yes" within seconds — the price is
/// already moving — and in the last minutes buys "No" on words not said; many taps in a short
/// burst, round stakes.
pub fn mentions_clicker(w: &mut World, r: &mut Rng, id: u32) {
    let person = if r.chance(0.8) { Person::draw_in(r, AMERICAS) } else { Person::draw(r) };
    let attend = r.range(0.3, 0.9);
    let usd = r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0]);
    let react = r.range(6.0, 25.0);
    let mut h = Holdings::default();
    for e in events_of(w, Kind::Mentions) {
        let members = w.events[e].clone();
        let (start, end) = (w.markets[members[0]].start, w.markets[members[0]].close - 1800);
        if !(WORLD_START..NOW).contains(&start) || !person.awake(start + 600) || !r.chance(attend) {
            continue;
        }
        let mut t = start + r.int(0, 600);
        for &m in &members {
            if r.chance(0.35) {
                let tok = u8::from(w.p0(m, t) < 0.5);
                let v0 = stake(r, usd);
                buy(w, r, &mut h, (id, m, tok, t), Amt::Usd(v0), 2);
                t += gap(r) / 2 + 2;
            }
        }
        for &m in &members {
            let said = w.markets[m].jumps.first().map(|j| j.0);
            if let Some(at) = said.filter(|_| r.chance(0.7)) {
                let tt = at + r.lognormal(react, 0.5).clamp(3.0, 120.0) as i64;
                // the book reprices within seconds of the word: a person seconds late pays most of the move
                let (_, stale) = w.quote(m, 0, at - 1);
                let (_, fresh) = w.quote(m, 0, tt);
                let moved = 1.0 - (-((tt - at) as f64) / 4.0).exp();
                let px = ((f64::from(stale) + f64::from(fresh - stale) * moved).round() as i32).clamp(stale, 99);
                let x = Take { levels: 2, shift: px - stale, quote_at: Some(at - 1), limit: Some(99) };
                let v0 = stake(r, usd);
                let f = w.take(r, Ticket { w: id, m, tok: 0, buy: true, t: tt }, Amt::Usd(v0), x);
                h.add(tt, m, 0, f.shares);
            }
        }
        let mut t = end - r.int(60, 600);
        for &m in &members {
            if w.markets[m].decided > t && r.chance(0.5) {
                let v0 = stake(r, usd * 2.0);
                buy(w, r, &mut h, (id, m, 1, t), Amt::Usd(v0), 2);
                t += r.int(3, 25);
            }
        }
    }
}
