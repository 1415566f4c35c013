//! People: how someone trading from the web site, the phone app or a chat bot's buttons spends
//! a month on Polymarket. Every order here is one a person decided on.
//!
//! A person lives in a time zone, sleeps (later at weekends, at drifting hours on rotating
//! shifts), opens the app in sessions weighted toward lunch and evening, taps one order at a time
//! (seconds to minutes apart), types round amounts, and sells what they hold.

use super::rng::{Rng, mix};
use super::world::{ACT_FROM, Amt, CITIES, DAY, Exec, HOUR, Kind, LEAGUES, NOW, World, weekday};
use std::collections::{HashMap, HashSet};

/// Shares held by market and outcome.
pub(super) type Pos = HashMap<(usize, u8), f64>;

/// When a person is awake and how likely they are to open the app at a given hour.
pub(super) struct Persona {
    /// UTC offset, seconds.
    pub tz: i64,
    wake: f64,
    bed: f64,
    work: bool,
    evening: f64,
    active: f64,
    weekend: f64,
    shift: Option<i64>,
    salt: u64,
}

const ZONES: [(f64, f64); 15] = [
    (-5.0, 25.0),
    (-6.0, 8.0),
    (-8.0, 10.0),
    (-7.0, 3.0),
    (-4.0, 3.0),
    (0.0, 10.0),
    (1.0, 14.0),
    (2.0, 6.0),
    (3.0, 4.0),
    (-3.0, 6.0),
    (5.5, 3.0),
    (8.0, 5.0),
    (9.0, 4.0),
    (10.0, 3.0),
    (7.0, 3.0),
];

impl Persona {
    /// A person with their own time zone, sleep, job and habits.
    pub(super) fn draw(r: &mut Rng) -> Persona {
        let w: Vec<f64> = ZONES.iter().map(|z| z.1).collect();
        let tz = (ZONES[r.weighted(&w)].0 * HOUR as f64) as i64;
        let wake = r.range(5.5, 10.0);
        let bed = (wake + r.range(14.5, 18.0)).min(27.5);
        Persona {
            tz,
            wake,
            bed,
            work: r.chance(0.65),
            evening: r.range(0.3, 2.0),
            active: r.range(0.45, 0.95),
            weekend: r.range(0.8, 1.6),
            shift: None,
            salt: r.u64(),
        }
    }

    /// A shift worker whose sleep moves every few days (day, evening and night shifts).
    pub(super) fn draw_shift(r: &mut Rng) -> Persona {
        let mut p = Persona::draw(r);
        p.shift = Some(r.int(3, 7));
        p.work = false;
        p.evening = r.range(0.0, 0.4);
        p
    }

    /// The local day index of `t`.
    pub(super) fn local_day(&self, t: i64) -> i64 {
        (t + self.tz).div_euclid(DAY)
    }

    /// The UTC second of local hour `h` on local day `d`.
    pub(super) fn at_local(&self, d: i64, h: f64) -> i64 {
        d * DAY + (h * HOUR as f64) as i64 - self.tz
    }

    fn day_shift(&self, d: i64) -> f64 {
        let h = mix(self.salt ^ d as u64);
        let jitter = ((h & 0xFFFF) as f64 / 65535.0 - 0.5) * 1.6;
        let wd = (d + 4).rem_euclid(7);
        let lazy = if wd == 0 || wd == 6 { 1.0 } else { 0.0 };
        let rot = match self.shift {
            Some(len) => [0.0, 8.0, 16.0][((d + (self.salt % 7) as i64).div_euclid(len)).rem_euclid(3) as usize],
            None => 0.0,
        };
        jitter + lazy + rot
    }

    /// Awake at `t`.
    pub(super) fn awake(&self, t: i64) -> bool {
        let lt = t + self.tz;
        let d = lt.div_euclid(DAY);
        let h = (lt - d * DAY) as f64 / HOUR as f64;
        for (day, hh) in [(d, h), (d - 1, h + 24.0), (d - 2, h + 48.0)] {
            let s = self.day_shift(day);
            if hh >= self.wake + s && hh < self.bed + s {
                return true;
            }
        }
        false
    }

    /// How likely the person is to pick the phone up at `t` (0 asleep).
    pub(super) fn weight(&self, t: i64) -> f64 {
        if !self.awake(t) {
            return 0.0;
        }
        let lt = t + self.tz;
        let h = lt.rem_euclid(DAY) as f64 / HOUR as f64;
        let wd = weekday(lt - lt.rem_euclid(DAY) + 12 * HOUR);
        let weekend = wd == 0 || wd == 6;
        let mut v = 1.0;
        if (19.0..23.5).contains(&h) {
            v += self.evening;
        }
        if (12.0..13.5).contains(&h) {
            v += 0.4;
        }
        if self.work && !weekend && (9.0..17.0).contains(&h) {
            v *= 0.35;
        }
        v
    }

    /// Session start times over the acting span, about `per_day` a day.
    pub(super) fn sessions(&self, r: &mut Rng, per_day: f64) -> Vec<i64> {
        let mut out = Vec::new();
        let wmax = 1.4 + self.evening;
        for d in self.local_day(ACT_FROM)..=self.local_day(NOW) {
            let wd = (d + 4).rem_euclid(7);
            let weekend = wd == 0 || wd == 6;
            let act = if weekend { (self.active * self.weekend).min(1.0) } else { self.active };
            if !r.chance(act) {
                continue;
            }
            let n = r.poisson(per_day / self.active * if weekend { self.weekend } else { 1.0 });
            for _ in 0..n {
                for _ in 0..60 {
                    let t = self.at_local(d, r.range(0.0, 24.0));
                    if r.f() * wmax < self.weight(t) {
                        if (ACT_FROM..NOW).contains(&t) {
                            out.push(t);
                        }
                        break;
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// A random moment of local day `d` when the person is up, if any.
    pub(super) fn some_time(&self, r: &mut Rng, d: i64) -> Option<i64> {
        for _ in 0..40 {
            let t = self.at_local(d, r.range(0.0, 24.0));
            if self.awake(t) {
                return Some(t);
            }
        }
        None
    }

    /// The first time at or after `t` when the person is up.
    pub(super) fn next_awake(&self, t: i64) -> i64 {
        let mut x = t;
        while !self.awake(x) && x < t + 2 * DAY {
            x += 600;
        }
        x
    }
}

/// A dollar amount as people type it: mostly a round figure near `x`.
pub(super) fn usd_round(r: &mut Rng, x: f64) -> f64 {
    const ROUND: [f64; 33] = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0,
        750.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0,
    ];
    let x = x.max(1.0);
    if r.chance(0.75) {
        let mut best = ROUND[0];
        for v in ROUND {
            if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
                best = v;
            }
        }
        best
    } else if x > 20.0 {
        x.round()
    } else {
        (x * 100.0).round() / 100.0
    }
}

/// A round dollar amount drawn around `median`.
pub(super) fn usd_draw(r: &mut Rng, median: f64, sigma: f64) -> f64 {
    let x = r.lognormal(median, sigma);
    usd_round(r, x)
}

/// A person's pause between two taps, seconds (never under four).
pub(super) fn gap(r: &mut Rng, median: f64) -> i64 {
    r.lognormal(median, 0.7).max(4.0) as i64
}

/// Buys `usd` of an outcome as a market order with `slip` cents of tolerance, recording the position.
#[allow(clippy::too_many_arguments)]
pub(super) fn buy_slip(w: &mut World, id: u32, m: usize, tok: u8, usd: f64, slip: i64, t: i64, pos: &mut Pos) -> Option<Exec> {
    let e = w.take_slip(id, m, tok, true, Amt::Usd(usd), slip, t)?;
    *pos.entry((m, tok)).or_insert(0.0) += e.shares;
    Some(e)
}

/// Buys from the app (its default tolerance of a few cents).
#[allow(clippy::too_many_arguments)]
pub(super) fn buy(w: &mut World, r: &mut Rng, id: u32, m: usize, tok: u8, usd: f64, t: i64, pos: &mut Pos) -> Option<Exec> {
    let slip = r.int(2, 5);
    buy_slip(w, id, m, tok, usd, slip, t, pos)
}

/// Sells `frac` of what is held of an outcome as a market order.
#[allow(clippy::too_many_arguments)]
pub(super) fn sell(w: &mut World, r: &mut Rng, id: u32, m: usize, tok: u8, frac: f64, t: i64, pos: &mut Pos) -> Option<Exec> {
    let held = *pos.get(&(m, tok)).unwrap_or(&0.0);
    let sh = (held * frac * 100.0).floor() / 100.0;
    if sh < 5.0 {
        return None;
    }
    let slip = r.int(2, 6);
    let e = w.take_slip(id, m, tok, false, Amt::Sh(sh), slip, t)?;
    *pos.entry((m, tok)).or_insert(0.0) -= e.shares;
    Some(e)
}

/// Games starting in [a, b).
pub(super) fn games_starting(w: &World, a: i64, b: i64) -> Vec<usize> {
    let i = w.games.partition_point(|&g| w.markets[g].start < a);
    let j = w.games.partition_point(|&g| w.markets[g].start < b);
    w.games[i..j].to_vec()
}

/// Games being played at `t`.
pub(super) fn live_games(w: &World, t: i64) -> Vec<usize> {
    games_starting(w, t - 4 * HOUR, t + 1).into_iter().filter(|&g| t < w.markets[g].close - 60).collect()
}

/// The market of up/down series `s` (0 BTC 15 min, 1 BTC hourly, 2 ETH hourly) running at `t`.
pub(super) fn series_at(w: &World, s: usize, t: i64) -> Option<usize> {
    let v = &w.series[s];
    let first = *v.first()?;
    let s0 = w.markets[first].start;
    let len = w.markets[first].close - s0;
    if t < s0 {
        return None;
    }
    let i = ((t - s0) / len) as usize;
    v.get(i).copied()
}

/// Long questions open at `t`.
pub(super) fn open_longs(w: &World, t: i64) -> Vec<usize> {
    w.longs.iter().copied().filter(|&m| w.is_open(m, t)).collect()
}

/// Any market a generalist might open at `t`: a live game, a crypto window, a long question or
/// a culture question.
pub(super) fn any_market(w: &World, r: &mut Rng, t: i64) -> Option<usize> {
    let x = r.f();
    if x < 0.35 {
        let live = live_games(w, t);
        if !live.is_empty() {
            return Some(r.pick(&live));
        }
        let soon = games_starting(w, t, t + 12 * HOUR);
        if !soon.is_empty() {
            return Some(r.pick(&soon));
        }
    }
    if x < 0.6 {
        return series_at(w, r.pick(&[0, 1, 1, 2]), t);
    }
    if x < 0.85 {
        let v = open_longs(w, t);
        return if v.is_empty() { None } else { Some(r.pick(&v)) };
    }
    let v: Vec<usize> = w.culture.iter().copied().filter(|&m| w.is_open(m, t)).collect();
    if v.is_empty() { None } else { Some(r.pick(&v)) }
}

/// `n` distinct leagues, the popular ones more often.
pub(super) fn pick_leagues(r: &mut Rng, lo: i64, hi: i64) -> Vec<u8> {
    let n = r.int(lo, hi);
    let weights = [3.0, 3.0, 1.0, 2.0, 1.5, 1.5, 0.4];
    let mut out = Vec::new();
    while out.len() < n as usize {
        let l = r.weighted(&weights) as u8;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// Casual sports fan: follows one to three leagues and a favourite team or two, bets on nearly
/// every game of their team and now and then another, from the phone before the game or during
/// it (evenings, weekends), small round stakes, once in a while a cash-out while ahead.
pub(super) fn sports_fan(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let leagues = pick_leagues(r, 1, 3);
    let mut favs: Vec<(u8, u16)> = Vec::new();
    for &l in &leagues {
        for _ in 0..r.int(1, 2) {
            favs.push((l, r.below(LEAGUES[l as usize].teams.len()) as u16));
        }
    }
    let other = r.range(0.02, 0.18);
    let stake = r.lognormal(25.0, 0.8).clamp(3.0, 500.0);
    let live = r.range(0.1, 0.6);
    let lead = r.lognormal(5400.0, 0.6);
    let mut pos = Pos::new();
    for g in games_starting(w, ACT_FROM, NOW) {
        let i = w.info(g);
        if !leagues.contains(&i.league) {
            continue;
        }
        let fav = favs.iter().find_map(|f| if f.0 == i.league { i.teams.iter().position(|&x| x == f.1) } else { None });
        let bet = if fav.is_some() { r.chance(0.8) } else { r.chance(other) };
        if !bet {
            continue;
        }
        let tok = match fav {
            Some(k) => k as u8,
            None => {
                let f = if w.prob(g, i.start - HOUR) >= 0.5 { 0 } else { 1 };
                if r.chance(0.65) { f } else { 1 - f }
            }
        };
        let dur = i.close - i.start;
        let mut t = i.start - r.lognormal(lead, 0.9) as i64;
        if t < i.open || !p.awake(t) {
            t = i.start + r.int(300, (dur / 2).max(600));
        }
        if !p.awake(t) {
            continue;
        }
        let u = usd_draw(r, stake, 0.5);
        buy(w, r, id, g, tok, u, t, &mut pos);
        if r.chance(live) {
            let mut tl = i.start + (dur as f64 * r.range(0.1, 0.3)) as i64;
            for _ in 0..r.int(1, 3) {
                if p.awake(tl) && tl > t {
                    let k = if r.chance(0.25) { 1 - tok } else { tok };
                    let u = usd_draw(r, stake * 0.8, 0.5);
                    buy(w, r, id, g, k, u, tl, &mut pos);
                }
                tl += (dur as f64 * r.range(0.05, 0.12)) as i64;
            }
        }
        if r.chance(0.15) {
            let tc = i.start + (dur as f64 * r.range(0.6, 0.93)) as i64;
            if p.awake(tc) && w.mid(g, tok, tc) > 0.6 {
                sell(w, r, id, g, tok, 1.0, tc, &mut pos);
            }
        }
    }
}

/// Politics holder: keeps a handful of long political and economic positions, looks at them a
/// few times a week, adds after news hours later, trims now and then; a good part of the buys
/// are limit orders at the bid that fill whenever sellers come.
pub(super) fn politics_position(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let mut picks = open_longs(w, ACT_FROM);
    r.shuffle(&mut picks);
    picks.truncate(r.int(3, 8) as usize);
    let side: Vec<u8> = picks
        .iter()
        .map(|&m| {
            let fav = if w.prob(m, ACT_FROM) >= 0.5 { 0 } else { 1 };
            if r.chance(0.6) { fav } else { 1 - fav }
        })
        .collect();
    let stake = r.lognormal(150.0, 1.0).clamp(10.0, 6000.0);
    let limit_pref = r.range(0.1, 0.6);
    let mut plan: Vec<(i64, usize, bool)> = Vec::new();
    let per_day = r.range(0.2, 0.8);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        for _ in 0..r.int(1, 3) {
            plan.push((t, r.below(picks.len()), false));
            t += gap(r, 90.0);
        }
    }
    for (k, &m) in picks.iter().enumerate() {
        let evs: Vec<(i64, f32)> =
            w.markets[m].events.iter().copied().filter(|e| e.0 >= ACT_FROM && e.0 < NOW && e.1.abs() > 0.3).collect();
        for (te, _) in evs {
            if r.chance(0.3) {
                let t = te + r.lognormal(5400.0, 1.0) as i64;
                if p.awake(t) {
                    plan.push((t, k, true));
                }
            }
        }
    }
    plan.sort_by_key(|x| x.0);
    let mut pos = Pos::new();
    for (t, k, news) in plan {
        let m = picks[k];
        if !w.is_open(m, t) || t >= NOW {
            continue;
        }
        let mut tok = side[k];
        if news && let Some((_, j)) = w.recent_event(m, t, 2 * DAY) {
            tok = if j > 0.0 { 0 } else { 1 };
        }
        let held = *pos.get(&(m, tok)).unwrap_or(&0.0);
        if held > 5.0 && r.chance(0.2) {
            let f = r.pick(&[0.25, 0.5, 1.0]);
            sell(w, r, id, m, tok, f, t, &mut pos);
            continue;
        }
        let usd = usd_draw(r, stake, 0.6);
        if r.chance(limit_pref) {
            let (bid, _) = w.quote(m, tok, t);
            let tick = (bid - r.int(0, 2)).max(1);
            let sh = (usd / (tick as f64 / 100.0)).round();
            let until = t + r.lognormal(8.0 * HOUR as f64, 1.0) as i64;
            let (got, _) = w.rest(id, m, tok, true, tick, sh, t, until);
            *pos.entry((m, tok)).or_insert(0.0) += got;
        } else {
            buy(w, r, id, m, tok, usd, t, &mut pos);
        }
    }
}

/// Crypto punter: evenings at home betting on the next Bitcoin or Ether hour or quarter-hour, a
/// few rounds a sitting, leaning with the move, some doubling the stake after a loss.
pub(super) fn crypto_punter(w: &mut World, r: &mut Rng, id: u32) {
    let mut p = Persona::draw(r);
    p.evening += 1.5;
    let base = r.lognormal(15.0, 0.7).clamp(2.0, 250.0);
    let martingale = r.chance(0.4);
    let pref = [r.range(0.2, 1.0), r.range(0.3, 1.0), r.range(0.0, 0.5)];
    let mut pos = Pos::new();
    let per_day = r.range(0.3, 1.0);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        let mut stake = base;
        for _ in 0..r.int(1, 6) {
            let sr = r.weighted(&pref);
            let Some(m) = series_at(w, sr, t) else { break };
            let i = w.info(m);
            if i.close - t < 45 {
                t = i.close + gap(r, 60.0);
                continue;
            }
            let up = w.prob(m, t);
            let tok = if r.chance(if up > 0.5 { 0.65 } else { 0.4 }) { 0 } else { 1 };
            let u = usd_round(r, stake);
            if buy(w, r, id, m, tok, u, t, &mut pos).is_some() && r.chance(0.2) {
                let ts = t + r.int(60, (i.close - t - 20).max(61));
                sell(w, r, id, m, tok, 1.0, ts, &mut pos);
            }
            let won = w.winner(m) == tok;
            stake = if martingale && !won { (stake * 2.0).min(base * 16.0) } else { base };
            t = if sr != 0 && i.close - t > 20 * 60 { t + gap(r, 300.0) } else { i.close + gap(r, 45.0) };
            if !p.awake(t) || t >= NOW {
                break;
            }
        }
    }
}

/// Culture casual: a handful of small bets a week on tweet counts, box office, charts and
/// mentions, often on a long shot for fun.
pub(super) fn culture_casual(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let stake = r.lognormal(8.0, 0.8).clamp(1.0, 150.0);
    let longshot = r.range(0.1, 0.6);
    let mut pos = Pos::new();
    let per_day = r.range(0.15, 0.6);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        for _ in 0..r.int(1, 2) {
            let open: Vec<usize> = w.culture.iter().copied().filter(|&m| w.is_open(m, t)).collect();
            if open.is_empty() {
                break;
            }
            let m = r.pick(&open);
            let cheap = if w.prob(m, t) < 0.5 { 0 } else { 1 };
            let tok = if r.chance(longshot) {
                cheap
            } else if r.chance(0.5) {
                0
            } else {
                1
            };
            if pos.get(&(m, tok)).copied().unwrap_or(0.0) > 5.0 && r.chance(0.3) {
                sell(w, r, id, m, tok, 1.0, t, &mut pos);
            } else {
                let u = usd_draw(r, stake, 0.5);
                buy(w, r, id, m, tok, u, t, &mut pos);
            }
            t += gap(r, 60.0);
        }
    }
}

/// Whale with limit orders: a big, well-known bettor on games and politics who works large
/// orders — resting bids that fill in many pieces over hours, or a market order split by hand
/// into similar chunks a minute or two apart to limit slippage. Copy bots follow such wallets.
pub(super) fn whale_limit(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let stake = r.lognormal(6000.0, 0.8).clamp(800.0, 80_000.0);
    let limit_share = r.range(0.4, 0.85);
    let sports = r.range(0.3, 0.8);
    let mut pos = Pos::new();
    let per_day = r.range(0.4, 2.0);
    for t in p.sessions(r, per_day) {
        let m = if r.chance(sports) {
            let gs = games_starting(w, t + 2 * HOUR, t + 30 * HOUR);
            if gs.is_empty() {
                continue;
            }
            r.pick(&gs)
        } else {
            let v = open_longs(w, t);
            if v.is_empty() {
                continue;
            }
            r.pick(&v)
        };
        let i = w.info(m);
        let tok = if r.chance(0.5) { 0 } else { 1 };
        let usd = (stake * r.lognormal(1.0, 0.5) / 100.0).round().max(1.0) * 100.0;
        if r.chance(limit_share) {
            let (bid, ask) = w.quote(m, tok, t);
            let tick = if ask - bid >= 2 { bid + 1 } else { bid };
            let sh = (usd / (tick as f64 / 100.0) / 50.0).round().max(1.0) * 50.0;
            let until = t + r.lognormal(6.0 * HOUR as f64, 0.9) as i64;
            let (got, _) = w.rest(id, m, tok, true, tick, sh, t, until);
            *pos.entry((m, tok)).or_insert(0.0) += got;
        } else {
            let chunks = r.int(2, 6);
            let mut tc = t;
            for _ in 0..chunks {
                let u = (usd / chunks as f64 * r.range(0.85, 1.15) / 50.0).round().max(1.0) * 50.0;
                buy_slip(w, id, m, tok, u, 2, tc, &mut pos);
                tc += gap(r, 90.0);
            }
        }
        if i.kind == Kind::Sports && r.chance(0.3) {
            let tx = i.start + ((i.close - i.start) as f64 * r.range(0.4, 0.9)) as i64;
            if p.awake(tx) {
                sell(w, r, id, m, tok, 1.0, tx, &mut pos);
            }
        }
    }
}

/// Day trader: a person who sits at the screen for hours most evenings scalping live games and
/// crypto windows — dozens of quick in-and-out trades, riding moves, usually re-using the
/// amount already typed in the order box.
pub(super) fn day_trader(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let default_usd = r.pick(&[25.0, 50.0, 50.0, 100.0, 100.0, 200.0, 250.0, 500.0]);
    let sticky = r.range(0.5, 0.85);
    let active = r.range(0.4, 0.85);
    let hold_med = r.range(60.0, 400.0);
    let gap_med = r.range(30.0, 150.0);
    let from_h = r.range(16.0, 20.5);
    let mut pos = Pos::new();
    for d in p.local_day(ACT_FROM)..p.local_day(NOW) {
        if !r.chance(active) {
            continue;
        }
        let mut t = p.at_local(d, from_h + r.normal() * 0.7);
        let end = t + (r.lognormal(3.0, 0.4).clamp(1.0, 7.0) * HOUR as f64) as i64;
        let mut n = 0;
        while t < end && n < 150 && (ACT_FROM..NOW).contains(&t) {
            let live = live_games(w, t);
            let m = if !live.is_empty() && r.chance(0.7) {
                r.pick(&live)
            } else {
                match series_at(w, r.pick(&[0, 0, 1]), t) {
                    Some(m) => m,
                    None => break,
                }
            };
            let dp = w.prob(m, t) - w.prob(m, t - 120);
            let tok = if dp.abs() > 0.01 {
                if dp > 0.0 { 0 } else { 1 }
            } else if r.chance(0.5) {
                0
            } else {
                1
            };
            let usd = if r.chance(sticky) { default_usd } else { usd_draw(r, default_usd, 0.6) };
            if buy(w, r, id, m, tok, usd, t, &mut pos).is_some() {
                n += 1;
                let ts = t + r.lognormal(hold_med, 0.9).clamp(15.0, 2400.0) as i64;
                if w.is_open(m, ts) && sell(w, r, id, m, tok, 1.0, ts, &mut pos).is_some() {
                    n += 1;
                }
                t = ts + gap(r, gap_med);
            } else {
                t += gap(r, gap_med);
            }
            if r.chance(0.04) {
                t += r.int(600, 2400);
            }
        }
    }
}

/// Weather ladder: checks the forecast for one to three cities with the morning coffee, most
/// days at about the same time, and buys two to four neighbouring temperature buckets, usually
/// the same amount on each; in the evening sometimes sells a bucket that came good.
pub(super) fn weather_ladder(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let habit = r.range(6.5, 9.0);
    let mut cities: Vec<u8> = (0..CITIES.len() as u8).collect();
    r.shuffle(&mut cities);
    cities.truncate(r.int(1, 3) as usize);
    let stake = if r.chance(0.7) { r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0]) } else { usd_draw(r, 15.0, 0.7) };
    let same = r.chance(0.75);
    let daily = r.range(0.55, 0.95);
    let width = r.int(2, 4) as usize;
    let limit = r.range(0.0, 0.4);
    let mut pos = Pos::new();
    for d in p.local_day(ACT_FROM)..p.local_day(NOW) {
        if !r.chance(daily) {
            continue;
        }
        let mut t = p.at_local(d, habit + r.normal() * 0.3);
        for &c in &cities {
            // The city's own date; once its afternoon has passed, today's high is known, so tomorrow's.
            let local = t + CITIES[c as usize].1 * HOUR;
            let late = local.rem_euclid(DAY) >= 14 * HOUR;
            let cd = local.div_euclid(DAY) + i64::from(late || r.chance(0.35));
            let Some(&g) = w.weather.get(&(c, cd)) else { continue };
            let members = w.groups[g as usize].clone();
            if !w.is_open(members[0], t) {
                continue;
            }
            let mut mode = 0;
            let mut best = -1.0;
            for (k, &m) in members.iter().enumerate() {
                let pr = w.prob(m, t);
                if pr > best {
                    best = pr;
                    mode = k;
                }
            }
            let lo = (mode as i64 - (width as i64 - 1) / 2 - i64::from(r.chance(0.3))).clamp(0, (members.len() - width) as i64) as usize;
            for &m in &members[lo..lo + width] {
                let u = if same { stake } else { usd_draw(r, stake, 0.4) };
                if r.chance(limit) {
                    let (_, ask) = w.quote(m, 0, t);
                    let tick = (ask - 1).max(1);
                    let sh = (u / (tick as f64 / 100.0)).round();
                    let (got, _) = w.rest(id, m, 0, true, tick, sh, t, t + 8 * HOUR);
                    *pos.entry((m, 0)).or_insert(0.0) += got;
                } else {
                    buy(w, r, id, m, 0, u, t, &mut pos);
                }
                t += gap(r, 20.0);
            }
            t += gap(r, 60.0);
        }
        if r.chance(0.25) {
            let te = p.at_local(d, r.range(18.0, 22.0));
            let mut held: Vec<(usize, u8)> = pos.iter().filter(|(_, v)| **v >= 5.0).map(|(k, _)| *k).collect();
            held.sort_unstable();
            for (m, tok) in held {
                if w.is_open(m, te) && w.mid(m, tok, te) > 0.6 {
                    sell(w, r, id, m, tok, 1.0, te, &mut pos);
                }
            }
        }
    }
}

/// Habit bettor: one bet a weekday at the same moment of their routine (the commute, the lunch
/// break), always the same amount or share count, on the day's Bitcoin market; a bet or two at
/// odd times at weekends.
pub(super) fn habit_bettor(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let habit = if r.chance(0.6) { r.range(7.0, 9.0) } else { r.range(12.0, 13.5) };
    let jitter = r.range(3.0, 12.0) / 60.0;
    let weekday_p = r.range(0.75, 0.95);
    let amount = r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let shares = if r.chance(0.4) { Some(r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0])) } else { None };
    let hourly = r.chance(0.4);
    let optimism = r.range(0.45, 0.8);
    let mut pos = Pos::new();
    for d in p.local_day(ACT_FROM)..p.local_day(NOW) {
        let wd = (d + 4).rem_euclid(7);
        let times: Vec<i64> = if wd == 0 || wd == 6 {
            (0..r.int(0, 2)).filter_map(|_| p.some_time(r, d)).collect()
        } else if r.chance(weekday_p) {
            vec![p.at_local(d, habit + r.normal() * jitter)]
        } else {
            Vec::new()
        };
        for t in times {
            let m = if hourly {
                series_at(w, 1, t)
            } else {
                let mut v: Vec<usize> =
                    w.strikes.iter().copied().filter(|&m| w.is_open(m, t) && w.markets[m].close > t + 2 * HOUR).collect();
                v.sort_by_key(|&m| (w.markets[m].close, (w.prob(m, t) * 100.0 - 50.0).abs() as i64));
                v.first().copied()
            };
            let Some(m) = m else { continue };
            let tok = if r.chance(optimism) { 0 } else { 1 };
            match shares {
                Some(s) => {
                    let (_, ask) = w.quote(m, tok, t);
                    if let Some(e) = w.take(id, m, tok, true, Amt::Sh(s), ask + 3, t) {
                        *pos.entry((m, tok)).or_insert(0.0) += e.shares;
                    }
                }
                None => {
                    buy(w, r, id, m, tok, amount, t, &mut pos);
                }
            }
        }
    }
}

/// News chaser: follows breaking news and sports on social media with notifications on, and
/// jumps into the market the story moves within a minute or a few, with everyone else; sells
/// some of it later.
pub(super) fn news_chaser(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let react = r.range(0.05, 0.2);
    let quick = r.range(30.0, 150.0);
    let stake = r.lognormal(120.0, 0.9).clamp(10.0, 3000.0);
    let mut plan: Vec<(i64, usize, u8)> = Vec::new();
    let pool: Vec<usize> = w.longs.iter().chain(w.culture.iter()).copied().collect();
    for m in pool {
        let evs: Vec<(i64, f32)> =
            w.markets[m].events.iter().copied().filter(|e| e.0 >= ACT_FROM && e.0 < NOW && e.1.abs() > 0.25).collect();
        for (te, j) in evs {
            if p.awake(te) && r.chance(react) {
                plan.push((te + 10 + r.lognormal(quick, 0.8) as i64, m, if j > 0.0 { 0 } else { 1 }));
            }
        }
    }
    let lg = pick_leagues(r, 1, 1)[0];
    for g in games_starting(w, ACT_FROM, NOW) {
        let i = w.info(g);
        if i.league != lg {
            continue;
        }
        let evs: Vec<(i64, f32)> = w.markets[g].events.iter().copied().filter(|e| e.0 >= i.start && e.1.abs() > 0.6).collect();
        for (te, j) in evs {
            if p.awake(te) && r.chance(react * 0.5) {
                plan.push((te + 10 + r.lognormal(quick * 0.6, 0.7) as i64, g, if j > 0.0 { 0 } else { 1 }));
            }
        }
    }
    for s in p.sessions(r, 0.15) {
        if let Some(m) = any_market(w, r, s) {
            plan.push((s, m, if r.chance(0.5) { 0 } else { 1 }));
        }
    }
    plan.sort_by_key(|x| x.0);
    let mut pos = Pos::new();
    for (t, m, tok) in plan {
        if t >= NOW {
            continue;
        }
        let u = usd_draw(r, stake, 0.6);
        let slip = r.int(3, 8);
        if buy_slip(w, id, m, tok, u, slip, t, &mut pos).is_some() && r.chance(0.35) {
            let ts = p.next_awake(t + r.lognormal(6.0 * HOUR as f64, 1.2) as i64);
            if ts < NOW {
                sell(w, r, id, m, tok, 1.0, ts, &mut pos);
            }
        }
    }
}

fn near_certain(w: &World, t: i64, horizon: i64, min_p: f64, kinds: &[Kind]) -> Vec<(usize, u8)> {
    let mut v: Vec<usize> = Vec::new();
    if kinds.contains(&Kind::Sports) {
        v.extend(live_games(w, t));
    }
    if kinds.contains(&Kind::Weather) {
        for d in t.div_euclid(DAY) - 1..=t.div_euclid(DAY) + 1 {
            for c in 0..CITIES.len() as u8 {
                if let Some(&g) = w.weather.get(&(c, d)) {
                    v.extend(w.groups[g as usize].iter().copied());
                }
            }
        }
    }
    if kinds.contains(&Kind::Strike) {
        v.extend(w.strikes.iter().copied());
    }
    if kinds.contains(&Kind::Deadline) {
        v.extend(w.longs.iter().copied().filter(|&m| w.markets[m].kind == Kind::Deadline));
    }
    let mut out = Vec::new();
    for m in v {
        let c = w.markets[m].close;
        if !w.is_open(m, t) || c > t + horizon {
            continue;
        }
        let p0 = w.prob(m, t);
        for (tok, pt) in [(0u8, p0), (1u8, 1.0 - p0)] {
            if pt >= min_p && w.quote(m, tok, t).1 <= 99 {
                out.push((m, tok));
            }
        }
    }
    out
}

/// Bond buyer: collects "sure things" by hand — outcomes at 94–99 cents in markets that settle
/// within a day or so (a blown-out game, a deadline about to pass, the afternoon's temperature) —
/// checking the app a few times a day and putting larger sums on each.
pub(super) fn bond_buyer(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let bank = r.lognormal(400.0, 0.9).clamp(50.0, 5000.0);
    let min_p = r.range(0.93, 0.96);
    let horizon = (r.range(2.0, 36.0) * HOUR as f64) as i64;
    let all = [Kind::Sports, Kind::Weather, Kind::Strike, Kind::Deadline];
    let kinds: Vec<Kind> = all.iter().copied().filter(|_| r.chance(0.6)).collect();
    let kinds = if kinds.is_empty() { vec![Kind::Sports] } else { kinds };
    let mut done: HashSet<usize> = HashSet::new();
    let mut pos = Pos::new();
    let per_day = r.range(0.7, 2.5);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        let mut c = near_certain(w, t, horizon, min_p, &kinds);
        r.shuffle(&mut c);
        for (m, tok) in c.into_iter().take(r.int(1, 6) as usize) {
            if !done.insert(m) {
                continue;
            }
            let u = usd_draw(r, bank, 0.5);
            if r.chance(0.3) {
                let tick = r.pick(&[97, 98, 98, 99]);
                let sh = (u / (tick as f64 / 100.0)).round();
                let (got, _) = w.rest(id, m, tok, true, tick, sh, t, t + r.int(1, 6) * HOUR);
                *pos.entry((m, tok)).or_insert(0.0) += got;
            } else {
                buy_slip(w, id, m, tok, u, 1, t, &mut pos);
            }
            t += gap(r, 40.0);
        }
    }
}

/// Limit ladder: sets ladders of resting buy orders a few cents under the market ("buy the
/// dip"), sometimes on both outcomes, in round lots, and good until cancelled — they fill
/// whenever the price comes down, night or day — then a take-profit sell once they notice.
pub(super) fn limit_ladder(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let lot = r.pick(&[20.0, 50.0, 100.0, 100.0, 200.0, 250.0, 500.0, 1000.0]);
    let step = r.int(1, 4);
    let both = r.range(0.1, 0.5);
    let tp = r.int(4, 12);
    let per_day = r.range(0.15, 0.6);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        let x = r.f();
        let m = if x < 0.4 {
            let gs = games_starting(w, t + 6 * HOUR, t + 48 * HOUR);
            if gs.is_empty() { None } else { Some(r.pick(&gs)) }
        } else if x < 0.8 {
            let v = open_longs(w, t);
            if v.is_empty() { None } else { Some(r.pick(&v)) }
        } else {
            let v: Vec<usize> = w.strikes.iter().copied().filter(|&m| w.is_open(m, t) && w.markets[m].close > t + 12 * HOUR).collect();
            if v.is_empty() { None } else { Some(r.pick(&v)) }
        };
        let Some(m) = m else { continue };
        let close = w.markets[m].close;
        let toks: Vec<u8> = if r.chance(both) { vec![0, 1] } else { vec![u8::from(r.chance(0.5))] };
        for tok in toks {
            let (bid, _) = w.quote(m, tok, t);
            for k in 0..r.int(2, 5) {
                let tick = bid - 1 - step * k;
                if tick < 2 {
                    break;
                }
                let until = (t + r.lognormal(1.5 * DAY as f64, 0.7) as i64).min(close);
                let (got, last) = w.rest(id, m, tok, true, tick, lot, t, until);
                if got >= 5.0 && r.chance(0.6) {
                    let at = p.next_awake(last + r.int(600, 8 * HOUR));
                    if at < NOW {
                        w.rest(id, m, tok, false, tick + tp, got, at, at + 3 * DAY);
                    }
                }
                t += gap(r, 20.0);
            }
        }
    }
}

/// Night owl: a shift worker (nurse, driver, student with no timetable) whose sleep moves every
/// few days, so over a month they trade at every hour; a generalist with modest stakes.
pub(super) fn night_owl(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw_shift(r);
    let stake = r.lognormal(30.0, 0.9).clamp(2.0, 600.0);
    let mut pos = Pos::new();
    let per_day = r.range(1.5, 4.0);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        for _ in 0..r.int(1, 4) {
            if let Some(m) = any_market(w, r, t) {
                let tok = u8::from(r.chance(0.5));
                if pos.get(&(m, tok)).copied().unwrap_or(0.0) >= 5.0 && r.chance(0.5) {
                    sell(w, r, id, m, tok, 1.0, t, &mut pos);
                } else {
                    let u = usd_draw(r, stake, 0.6);
                    buy(w, r, id, m, tok, u, t, &mut pos);
                }
            }
            t += gap(r, 60.0);
        }
    }
}

/// Manual copier: gets a phone alert (a wallet-tracker channel, the whale's profile) when a
/// well-known trader buys, and copies some of those bets by hand minutes later with their own
/// round amount; sells when the whale sells, if they notice.
pub(super) fn manual_copier(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let mut leaders: Vec<u32> = Vec::new();
    for _ in 0..r.int(1, 3) {
        let l = w.pick_leader(r);
        if !leaders.contains(&l) {
            leaders.push(l);
        }
    }
    let copy_p = r.range(0.3, 0.8);
    let stake = r.lognormal(40.0, 0.7).clamp(5.0, 500.0);
    let delay = r.range(120.0, 600.0);
    let mut plan: Vec<(i64, usize, u8, bool)> = Vec::new();
    let mut last: HashMap<(usize, u8), i64> = HashMap::new();
    for l in leaders {
        let orders = w.lead_orders.get(&l).cloned().unwrap_or_default();
        for o in orders {
            if o.t < ACT_FROM || !p.awake(o.t) {
                continue;
            }
            if let Some(&lt) = last.get(&(o.m, o.tok))
                && o.t - lt < 3 * HOUR
            {
                continue;
            }
            if (o.buy && r.chance(copy_p)) || (!o.buy && r.chance(0.5)) {
                last.insert((o.m, o.tok), o.t);
                plan.push((o.t + 30 + r.lognormal(delay, 0.9) as i64, o.m, o.tok, o.buy));
            }
        }
    }
    for s in p.sessions(r, 0.1) {
        if let Some(m) = any_market(w, r, s) {
            plan.push((s, m, u8::from(r.chance(0.5)), true));
        }
    }
    plan.sort_by_key(|x| x.0);
    let mut pos = Pos::new();
    for (t, m, tok, is_buy) in plan {
        if t >= NOW {
            continue;
        }
        if is_buy {
            let u = usd_draw(r, stake, 0.4);
            let slip = r.int(3, 6);
            buy_slip(w, id, m, tok, u, slip, t, &mut pos);
        } else {
            sell(w, r, id, m, tok, 1.0, t, &mut pos);
        }
    }
}

/// Points farmer: hoping for an airdrop or a volume reward, sits down a few times a week and
/// buys then sells the same liquid outcome over and over by hand for half an hour, the same
/// amount each time, losing a little spread for volume.
pub(super) fn points_farmer(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let amount = r.pick(&[20.0, 25.0, 50.0, 100.0, 100.0, 200.0, 300.0]);
    let hold = r.range(8.0, 25.0);
    let pause = r.range(10.0, 35.0);
    let sure = r.chance(0.4);
    let mut pos = Pos::new();
    let per_day = r.range(0.15, 0.5);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        let mut v: Vec<usize> = open_longs(w, t).into_iter().filter(|&m| w.markets[m].spread == 1).collect();
        if v.is_empty() {
            continue;
        }
        r.shuffle(&mut v);
        v.truncate(3);
        let m = v.iter().copied().max_by(|&a, &b| w.markets[a].depth.total_cmp(&w.markets[b].depth)).unwrap_or(v[0]);
        let tok = if sure { u8::from(w.prob(m, t) < 0.5) } else { u8::from(r.chance(0.5)) };
        for _ in 0..r.int(10, 40) {
            if buy_slip(w, id, m, tok, amount, 1, t, &mut pos).is_some() {
                t += r.lognormal(hold, 0.5).clamp(4.0, 90.0) as i64;
                sell(w, r, id, m, tok, 1.0, t, &mut pos);
            }
            t += gap(r, pause);
        }
    }
}

/// Telegram trader: a person who trades through a chat trading bot's buttons — preset amounts,
/// a fixed slippage setting, "sell 50%" and "sell 100%" — each order still tapped by them, at
/// their own hours.
pub(super) fn telegram_trader(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let sets: [&[f64]; 4] = [&[10.0, 25.0, 50.0, 100.0], &[5.0, 20.0, 50.0], &[25.0, 100.0, 250.0], &[50.0, 100.0, 500.0, 1000.0]];
    let presets = sets[r.below(4)];
    let slip = r.int(2, 10);
    let mut pos = Pos::new();
    let per_day = r.range(0.5, 2.0);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        for _ in 0..r.int(1, 6) {
            if let Some(m) = any_market(w, r, t) {
                let held: Vec<u8> = (0..2u8).filter(|&k| pos.get(&(m, k)).copied().unwrap_or(0.0) >= 10.0).collect();
                if !held.is_empty() && r.chance(0.35) {
                    let f = if r.chance(0.5) { 0.5 } else { 1.0 };
                    let tok = held[0];
                    sell(w, r, id, m, tok, f, t, &mut pos);
                } else {
                    let tok = u8::from(r.chance(0.5));
                    let u = r.pick(presets);
                    buy_slip(w, id, m, tok, u, slip, t, &mut pos);
                }
            }
            t += gap(r, 25.0);
        }
    }
}

/// An unlabelled sharp bettor whose wallet copy bots and copiers follow: a few sizeable market
/// orders a day on games and politics, some sold before the end.
pub(super) fn sharp_leader(w: &mut World, r: &mut Rng, id: u32) {
    let p = Persona::draw(r);
    let stake = r.lognormal(1500.0, 0.8).clamp(200.0, 30_000.0);
    let sports = r.range(0.3, 0.9);
    let mut pos = Pos::new();
    let per_day = r.range(0.6, 2.5);
    for s in p.sessions(r, per_day) {
        let mut t = s;
        for _ in 0..r.int(1, 4) {
            let m = if r.chance(sports) {
                let mut gs = live_games(w, t);
                gs.extend(games_starting(w, t + HOUR, t + 20 * HOUR));
                if gs.is_empty() { None } else { Some(r.pick(&gs)) }
            } else {
                let v = open_longs(w, t);
                if v.is_empty() { None } else { Some(r.pick(&v)) }
            };
            if let Some(m) = m {
                let tok = u8::from(r.chance(0.5));
                let u = usd_draw(r, stake, 0.5);
                if buy_slip(w, id, m, tok, u, 3, t, &mut pos).is_some() && r.chance(0.25) {
                    let ts = p.next_awake(t + r.lognormal(4.0 * HOUR as f64, 1.0) as i64);
                    if ts < NOW {
                        sell(w, r, id, m, tok, 1.0, ts, &mut pos);
                    }
                }
            }
            t += gap(r, 120.0);
        }
    }
}
