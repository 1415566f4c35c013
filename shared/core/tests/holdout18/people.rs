//! People: how real Polymarket users trade — they sleep, work, watch games, react late, click in
//! round amounts, forget, chase and cash out.

use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, MIN, NOW, START, Sport, weekday};
use super::{Ctx, Fill, Gen, Pos, pick_longshot, pick_market};

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("weekend_sports_bettor", 14, weekend_sports_bettor as Gen),
        ("inplay_sports_trader", 13, inplay_sports_trader),
        ("political_scalper", 12, political_scalper),
        ("news_reactor", 14, news_reactor),
        ("longshot_collector", 13, longshot_collector),
        ("limit_ladderer", 12, limit_ladderer),
        ("asia_pacific_trader", 12, asia_pacific_trader),
        ("heavy_degen", 11, heavy_degen),
        ("split_order_whale", 12, split_order_whale),
        ("swing_profit_taker", 12, swing_profit_taker),
        ("round_stake_casual", 15, round_stake_casual),
        ("hand_copier", 12, hand_copier),
        ("crypto_strike_punter", 13, crypto_strike_punter),
        ("macro_release_trader", 11, macro_release_trader),
        ("weather_regular", 12, weather_regular),
        ("election_night_junkie", 11, election_night_junkie),
    ]
}

// ---------------------------------------------------------------------------------------------
// A person's days.

pub struct Day {
    /// Local midnight, as a UTC time.
    pub t0: i64,
    pub wake: i64,
    pub bed: i64,
    /// Local weekday, Monday = 0.
    pub wd: i64,
    pub mood: f64,
    pub off: bool,
}

pub struct Human {
    pub tz: i64,
    pub wake: f64,
    pub bed: f64,
    pub jitter: f64,
    pub works: bool,
    pub work: (f64, f64),
    pub late_weekend: f64,
    pub off: f64,
    pub days: Vec<Day>,
}

impl Human {
    pub fn new(r: &mut Rng, tz: i64) -> Human {
        let wake = r.range(5.5, 9.5);
        let mut h = Human {
            tz,
            wake,
            bed: wake + r.range(15.0, 17.8),
            jitter: r.range(0.3, 1.1),
            works: r.chance(0.6),
            work: (r.range(8.0, 9.8), r.range(16.5, 18.5)),
            late_weekend: r.range(0.0, 2.5),
            off: r.range(0.03, 0.18),
            days: Vec::new(),
        };
        h.make_days(r);
        h
    }

    /// A person in one of the usual American time zones (EDT, CDT, MDT, PDT in June).
    pub fn us(r: &mut Rng) -> Human {
        let tz = *r.pick(&[-4i64, -4, -4, -5, -5, -6, -7, -7]);
        Human::new(r, tz)
    }

    pub fn among(r: &mut Rng, tzs: &[i64]) -> Human {
        let tz = *r.pick(tzs);
        Human::new(r, tz)
    }

    pub fn anywhere(r: &mut Rng) -> Human {
        let tz = *r.pick(&[-7i64, -5, -4, -4, -4, -3, 0, 1, 1, 2, 2, 3, 5, 8, 9, 10]);
        Human::new(r, tz)
    }

    pub fn make_days(&mut self, r: &mut Rng) {
        self.days.clear();
        let first = START - START.rem_euclid(DAY) - DAY;
        let mut d = first;
        while d < NOW + DAY {
            let t0 = d - self.tz * HOUR;
            let wd = weekday(d);
            let weekend_sleep_in = if wd >= 5 { r.range(0.5, 2.0) } else { 0.0 };
            let late = if wd == 4 || wd == 5 { self.late_weekend } else { 0.0 };
            let wake = self.wake + self.jitter * r.normal() + weekend_sleep_in;
            let bed = self.bed + self.jitter * r.normal() + late;
            self.days.push(Day {
                t0,
                wake: t0 + (wake * HOUR as f64) as i64,
                bed: t0 + (bed.max(wake + 10.0) * HOUR as f64) as i64,
                wd,
                mood: r.lognormal(1.0, 0.45),
                off: r.chance(self.off),
            });
            d += DAY;
        }
    }

    pub fn local_hour(&self, t: i64) -> f64 {
        (t + self.tz * HOUR).rem_euclid(DAY) as f64 / HOUR as f64
    }

    pub fn local_wd(&self, t: i64) -> i64 {
        weekday(t + self.tz * HOUR)
    }

    pub fn awake(&self, t: i64) -> bool {
        self.days.iter().any(|d| t >= d.wake && t < d.bed)
    }

    pub fn at_work(&self, t: i64) -> bool {
        let h = self.local_hour(t);
        self.works && self.local_wd(t) < 5 && h >= self.work.0 && h < self.work.1 && !(12.0..13.0).contains(&h)
    }

    /// Free to look at the phone: awake, and not at work (or sneaking a look).
    pub fn free(&self, r: &mut Rng, t: i64) -> bool {
        self.awake(t) && (!self.at_work(t) || r.chance(0.2))
    }

    /// Trading sessions: (start, length). `pref` weighs a local hour on a local weekday.
    pub fn sessions(&self, r: &mut Rng, per_day: f64, len_median: f64, pref: &dyn Fn(f64, i64) -> f64) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        for d in &self.days {
            if d.off {
                continue;
            }
            let n = r.poisson(per_day * d.mood);
            for _ in 0..n {
                for _ in 0..25 {
                    let t = r.int(d.wake, d.bed - 60);
                    let mut w = pref(self.local_hour(t), d.wd);
                    if self.at_work(t) {
                        w *= 0.2;
                    }
                    if r.chance(w.min(1.0)) {
                        let len = r.lognormal(len_median, 0.7).clamp(60.0, 5.0 * HOUR as f64) as i64;
                        let len = len.min(d.bed - t).max(60);
                        out.push((t, len));
                        break;
                    }
                }
            }
        }
        out.sort();
        let mut merged: Vec<(i64, i64)> = Vec::new();
        for (s, l) in out {
            if let Some(last) = merged.last_mut()
                && s <= last.0 + last.1
            {
                last.1 = last.1.max(s + l - last.0);
                continue;
            }
            merged.push((s, l));
        }
        merged.retain(|(s, l)| s + l > START && *s <= NOW);
        merged
    }
}

/// A headline as a person sees it: when, its topic, and the markets it moved (by how much).
type Headline = (i64, usize, Vec<(usize, f64)>);

/// Seconds between two clicks of a person.
pub fn think(r: &mut Rng) -> i64 {
    r.lognormal(40.0, 0.9).clamp(5.0, 900.0) as i64
}

/// The round amount a person types for about `x` dollars.
pub fn round_usd(x: f64) -> f64 {
    const OPTS: [f64; 30] = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0, 1000.0,
        1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 15000.0, 25000.0,
    ];
    let lx = x.max(1.0).ln();
    let mut best = OPTS[0];
    for o in OPTS {
        if (o.ln() - lx).abs() < (best.ln() - lx).abs() {
            best = o;
        }
    }
    best
}

/// A person's dollar amount: round most of the time for some, never for others.
pub fn stake(r: &mut Rng, base: f64, roundness: f64) -> f64 {
    let x = base * r.lognormal(1.0, 0.55);
    if r.chance(roundness) { round_usd(x) } else { (x * 100.0).round() / 100.0 }
}

fn sell_all(r: &mut Rng, ctx: &mut Ctx, pos: &mut Pos, t: i64, m: usize, o: usize) -> Vec<Fill> {
    let held = pos.get(m, o);
    if held < 500 || !ctx.w.markets[m].live(t) {
        return Vec::new();
    }
    let f = ctx.take(r, t, m, o, false, held, 2);
    pos.add(&f);
    f
}

#[allow(clippy::too_many_arguments)]
fn buy(r: &mut Rng, ctx: &mut Ctx, pos: &mut Pos, t: i64, m: usize, o: usize, usd: f64, levels: usize) -> Vec<Fill> {
    let f = ctx.take_usd(r, t, m, o, true, usd, levels);
    pos.add(&f);
    f
}

/// The favourite side (0 or 1) of market `m` at `t`.
fn fav(ctx: &Ctx, m: usize, t: i64) -> usize {
    if ctx.w.markets[m].p(t) >= 0.5 { 0 } else { 1 }
}

// ---------------------------------------------------------------------------------------------
// 1. Casual weekend sports bettor: a few bets before Friday–Sunday games, round stakes, holds.

fn weekend_sports_bettor(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::us(r);
    let base = *r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0]);
    let fav_bias = r.range(0.45, 0.85);
    let weekday_p = r.range(0.0, 0.2);
    let cash_out = r.range(0.0, 0.2);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for di in 0..h.days.len() {
        let (wd, t0, wake, bed, off, mood) = {
            let d = &h.days[di];
            (d.wd, d.t0, d.wake, d.bed, d.off, d.mood)
        };
        let p_active = if wd >= 4 { 0.7 } else { weekday_p };
        if off || !r.chance(p_active) {
            continue;
        }
        let sessions = 1 + r.below(2);
        for _ in 0..sessions {
            let local = if wd == 4 {
                r.range(17.0, 23.0)
            } else if wd >= 5 {
                r.range(11.0, 22.5)
            } else {
                r.range(18.0, 22.5)
            };
            let t = t0 + (local * HOUR as f64) as i64;
            if t < wake || t >= bed {
                continue;
            }
            let games = ctx.w.games_starting(t + 15 * MIN, t + 6 * HOUR);
            if games.is_empty() {
                continue;
            }
            let nbets = 1 + r.below(4);
            let mut tt = t;
            for _ in 0..nbets {
                let g = *r.pick(&games);
                let (m, big) = {
                    let gm = &ctx.w.games[g];
                    let m = if gm.markets.len() > 1 && r.chance(0.15) { gm.markets[1] } else { gm.markets[0] };
                    (m, gm.big)
                };
                if !big && r.chance(0.3) {
                    continue;
                }
                let o = if r.chance(fav_bias) { fav(ctx, m, tt) } else { 1 - fav(ctx, m, tt) };
                let usd = round_usd(base * mood.sqrt() * r.lognormal(1.0, 0.3));
                let f = buy(r, ctx, &mut pos, tt, m, o, usd, 1);
                out.extend(f);
                // Cashing out during the game when it swings a lot.
                if r.chance(cash_out) {
                    let (start, end) = {
                        let mk = &ctx.w.markets[m];
                        (mk.start, mk.end)
                    };
                    let tc = r.int(start + 20 * MIN, (end - 5 * MIN).max(start + 21 * MIN));
                    if h.awake(tc) {
                        out.extend(sell_all(r, ctx, &mut pos, tc, m, o));
                    }
                }
                tt += think(r) + r.int(10, 120);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 2. In-play trader: watches games and trades in and out within minutes.

fn inplay_sports_trader(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = if r.chance(0.7) { Human::us(r) } else { Human::among(r, &[0, 1, 2]) };
    let base = r.lognormal(60.0, 0.7);
    let watch_p = r.range(0.04, 0.14);
    let all = [Sport::Nba, Sport::Nhl, Sport::Mlb, Sport::Soccer, Sport::Tennis, Sport::Ufc, Sport::Cricket];
    let mut likes: Vec<Sport> = all.iter().copied().filter(|_| r.chance(0.4)).collect();
    if likes.is_empty() {
        likes.push(Sport::Nba);
    }
    let trade_gap = r.range(3.0, 12.0) * MIN as f64;
    let chase = r.range(0.5, 0.85);
    let roundness = r.range(0.2, 0.9);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let games: Vec<usize> = ctx.w.games_starting(START, NOW);
    for g in games {
        let (start, end, m0, big, breaks) = {
            let gm = &ctx.w.games[g];
            if !likes.contains(&gm.sport) {
                continue;
            }
            (gm.start, gm.end, gm.markets[0], gm.big, gm.breaks.clone())
        };
        if !h.awake(start + 10 * MIN) || h.at_work(start + 10 * MIN) {
            continue;
        }
        let p = if big { watch_p * 2.0 } else { watch_p };
        if !r.chance(p) {
            continue;
        }
        let mut t = start + r.int(0, 20 * MIN);
        let leave = if r.chance(0.6) { end } else { r.int(t + 20 * MIN, end.max(t + 21 * MIN)) };
        let mut mood = r.lognormal(1.0, 0.4);
        while t < leave.min(NOW) {
            let in_break = breaks.iter().any(|(a, b)| t >= *a && t < *b);
            let gap = r.exp(trade_gap * if in_break { 2.5 } else { 1.0 }) as i64 + 15;
            t += gap;
            if t >= leave || !ctx.w.markets[m0].live(t) {
                break;
            }
            let held: Vec<(usize, usize, i64)> = pos.held().into_iter().filter(|(m, _, _)| *m == m0).collect();
            if !held.is_empty() && r.chance(0.55) {
                let (m, o, sz) = held[0];
                let part = if r.chance(0.7) { sz } else { sz / 2 };
                let f = ctx.take(r, t, m, o, false, part.max(500), 1);
                pos.add(&f);
                out.extend(f);
            } else {
                let mk = &ctx.w.markets[m0];
                let moved = mk.p(t) - mk.p(t - 3 * MIN);
                let up = if moved.abs() < 0.005 { r.chance(0.5) } else { (moved > 0.0) == r.chance(chase) };
                let o = if up { 0 } else { 1 };
                let usd = stake(r, base * mood, roundness);
                out.extend(buy(r, ctx, &mut pos, t, m0, o, usd, 1));
                mood *= r.lognormal(1.0, 0.2);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 3. Political day trader by hand: buys dips, offers a few cents higher, works the same markets.

fn political_scalper(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = if r.chance(0.7) { Human::us(r) } else { Human::among(r, &[0, 1, 2]) };
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro, Kind::Election];
    let mut book = Vec::new();
    for _ in 0..r.int(4, 9) {
        if let Some(m) = pick_market(r, &ctx.w, &kinds, START + HOUR, 10 * DAY, 0.08, 0.92)
            && !book.contains(&m)
        {
            book.push(m);
        }
    }
    if book.is_empty() {
        return Vec::new();
    }
    let base = r.lognormal(250.0, 0.7);
    let dip = r.int(2, 4) as f64 / 100.0;
    let target = r.int(2, 5);
    let limit_p = r.range(0.2, 0.6);
    let roundness = r.range(0.3, 0.9);
    let per_day = r.range(2.5, 6.0);
    let sessions = h.sessions(r, per_day, 25.0 * MIN as f64, &|hr, _| if (9.0..23.5).contains(&hr) { 1.0 } else { 0.3 });
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (s, len) in sessions {
        let mut t = s;
        while t < s + len {
            let m = *r.pick(&book);
            let live = ctx.w.markets[m].live(t) && ctx.w.markets[m].live(t + HOUR);
            if live {
                let mk = &ctx.w.markets[m];
                let now_p = mk.p(t);
                let avg = (0..8).map(|k| mk.p(t - k * 30 * MIN)).sum::<f64>() / 8.0;
                let o = if r.chance(0.5) { 0 } else { 1 };
                let (px, pavg) = if o == 0 { (now_p, avg) } else { (1.0 - now_p, 1.0 - avg) };
                if px < pavg - dip {
                    let usd = stake(r, base, roundness);
                    let fills = if r.chance(limit_p) {
                        let c = ctx.w.markets[m].bid(t, o);
                        match ctx.first_touch(m, o, true, c, t + 30, t + 6 * HOUR) {
                            Some(tf) => vec![ctx.maker(tf + r.int(0, 59), m, o, true, c, super::shares_for(usd, c))],
                            None => Vec::new(),
                        }
                    } else {
                        ctx.take_usd(r, t, m, o, true, usd, 1)
                    };
                    pos.add(&fills);
                    if let Some(f) = fills.first().copied() {
                        // The offer a few cents higher waits, through the night if it must.
                        let sc = (f.cents + target).min(99);
                        let size: i64 = fills.iter().map(|x| x.size).sum();
                        if let Some(ts) = ctx.first_touch(m, o, false, sc, f.t + 60, f.t + 3 * DAY) {
                            let sf = ctx.maker(ts + r.int(0, 59), m, o, false, sc, size);
                            pos.add(&[sf]);
                            out.push(sf);
                        }
                    }
                    out.extend(fills);
                } else if px > pavg + dip && pos.get(m, o) >= 500 && r.chance(0.5) {
                    out.extend(sell_all(r, ctx, &mut pos, t, m, o));
                }
            }
            t += think(r) + r.int(30, 240);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 4. News reactor: reads a headline and buys minutes later, at the moved price.

fn news_reactor(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = if r.chance(0.65) { Human::us(r) } else { Human::anywhere(r) };
    let q = r.range(0.12, 0.4);
    let delay = r.range(150.0, 600.0);
    let base = r.lognormal(150.0, 0.8);
    let roundness = r.range(0.4, 0.95);
    let mut topics: Vec<usize> = (0..14).collect();
    r.shuffle(&mut topics);
    topics.truncate(r.int(4, 10) as usize);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let heads: Vec<Headline> =
        ctx.w.headlines_in(START, NOW).iter().filter(|hd| topics.contains(&hd.topic)).map(|hd| (hd.t, hd.topic, hd.hits.clone())).collect();
    for (th, _, hits) in heads {
        if !h.awake(th) || !r.chance(q) || (h.at_work(th) && !r.chance(0.3)) {
            continue;
        }
        let Some(&(m, dx)) = hits.iter().max_by(|a, b| a.1.abs().partial_cmp(&b.1.abs()).unwrap_or(std::cmp::Ordering::Equal)) else {
            continue;
        };
        let t = th + r.lognormal(delay, 0.6).max(40.0) as i64;
        if !ctx.w.markets[m].live(t) {
            continue;
        }
        let o = if dx > 0.0 { 0 } else { 1 };
        if ctx.w.markets[m].ask(t, o) >= 97 {
            continue;
        }
        let usd = stake(r, base, roundness);
        let extra_levels = r.below(3);
        out.extend(buy(r, ctx, &mut pos, t, m, o, usd, 1 + extra_levels));
        if r.chance(0.35) {
            let t2 = t + r.int(2 * MIN, 15 * MIN);
            let usd_now = stake(r, base * 0.6, roundness);
            out.extend(buy(r, ctx, &mut pos, t2, m, o, usd_now, 1));
        }
        if r.chance(0.5) {
            let te = t + r.int(2 * HOUR, 3 * DAY);
            if h.awake(te) {
                out.extend(sell_all(r, ctx, &mut pos, te, m, o));
            }
        }
    }
    // Ordinary browsing in between.
    let per_day = r.range(0.1, 0.5);
    let sessions = h.sessions(r, per_day, 10.0 * MIN as f64, &|_, _| 1.0);
    for (s, _) in sessions {
        if let Some(m) = pick_market(r, &ctx.w, &[Kind::Politics, Kind::Deadline, Kind::Tech], s, DAY, 0.05, 0.95) {
            let o = if r.chance(0.5) { 0 } else { 1 };
            let usd_now = stake(r, base * 0.5, roundness);
            out.extend(buy(r, ctx, &mut pos, s, m, o, usd_now, 1));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 5. Long-shot collector: every few evenings, a handful of 1–8 cent tickets.

fn longshot_collector(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let kinds = [Kind::Deadline, Kind::Politics, Kind::Culture, Kind::Tech, Kind::Sports, Kind::Weather, Kind::Election, Kind::Macro];
    let every = r.range(1.0, 4.0);
    let tickets = r.range(3.0, 9.0);
    let base = *r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0]);
    let max_p = r.range(0.04, 0.09);
    let sessions = h.sessions(r, 1.0 / every, 20.0 * MIN as f64, &|hr, _| if !(1.0..18.0).contains(&hr) { 1.0 } else { 0.25 });
    let mut pos = Pos::default();
    let mut entry: std::collections::BTreeMap<(usize, usize), i64> = Default::default();
    let mut out = Vec::new();
    for (s, len) in sessions {
        let mut t = s;
        let n = r.poisson(tickets).max(1);
        for _ in 0..n {
            if t > s + len + 10 * MIN {
                break;
            }
            if let Some((m, o)) = pick_longshot(r, &ctx.w, &kinds, t, 0.01, max_p) {
                let usd = if r.chance(0.8) { base } else { round_usd(base * r.range(1.5, 4.0)) };
                let f = buy(r, ctx, &mut pos, t, m, o, usd, 1);
                if let Some(x) = f.first() {
                    entry.entry((m, o)).or_insert(x.cents);
                }
                out.extend(f);
            }
            t += think(r) + r.int(10, 150);
        }
        // Selling half of a ticket that has multiplied.
        for (m, o, sz) in pos.held() {
            let mk = &ctx.w.markets[m];
            if !mk.live(t) {
                continue;
            }
            let e = entry.get(&(m, o)).copied().unwrap_or(50);
            if mk.bid(t, o) >= 3 * e.max(1) && r.chance(0.6) {
                let f = ctx.take(r, t, m, o, false, (sz / 2).max(500), 1);
                pos.add(&f);
                out.extend(f);
                t += think(r);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 6. Limit ladderer: several resting bids at once, filled whenever the price comes down.

fn limit_ladderer(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro, Kind::Culture, Kind::Sports, Kind::Strike];
    let every = r.range(1.5, 4.0);
    let rungs = r.int(3, 6);
    let gap = r.int(1, 3);
    let shares = *r.pick(&[50i64, 100, 100, 200, 250, 500, 1000]) * 100;
    let deeper_more = r.chance(0.5);
    let sessions = h.sessions(r, 1.0 / every, 15.0 * MIN as f64, &|_, _| 1.0);
    let mut out = Vec::new();
    for (s, _) in sessions {
        let Some(m) = pick_market(r, &ctx.w, &kinds, s, 2 * DAY, 0.12, 0.88) else {
            continue;
        };
        let o = if r.chance(0.5) { 0 } else { 1 };
        let bid = ctx.w.markets[m].bid(s, o);
        let expiry = s + r.int(DAY, 6 * DAY);
        let mut placed = s;
        let mut bought = 0i64;
        let mut last_fill = s;
        for k in 0..rungs {
            let c = bid - 1 - gap * k;
            if c < 2 {
                break;
            }
            placed += r.int(8, 40);
            let size = if deeper_more { shares * (k + 1) } else { shares };
            if let Some(tf) = ctx.first_touch(m, o, true, c, placed + 60, expiry) {
                // A rung often fills in two or three pieces a little apart.
                let pieces = 1 + r.below(3) as i64;
                let mut left = size;
                let mut tt = tf + r.int(0, 59);
                for p in 0..pieces {
                    let part = if p + 1 == pieces { left } else { (left as f64 * r.range(0.3, 0.7)) as i64 };
                    if part < 500 {
                        continue;
                    }
                    if ctx.w.markets[m].live(tt) {
                        out.push(ctx.maker(tt, m, o, true, c, part));
                        bought += part;
                        last_fill = last_fill.max(tt);
                    }
                    left -= part;
                    tt += r.int(20, 1800);
                }
            }
        }
        // Later, offers above for what was bought, placed at the next look.
        if bought >= 500 && r.chance(0.6) {
            let ts = last_fill + r.int(2 * HOUR, 2 * DAY);
            if ctx.w.markets[m].live(ts) && h.awake(ts) {
                let ask = ctx.w.markets[m].ask(ts, o);
                let n = r.int(2, 3);
                let mut left = bought;
                for k in 0..n {
                    let c = (ask + 1 + gap * k).min(99);
                    let part = if k + 1 == n { left } else { bought / n };
                    if part < 500 {
                        continue;
                    }
                    if let Some(tf) = ctx.first_touch(m, o, false, c, ts + 60, ts + 5 * DAY) {
                        out.push(ctx.maker(tf + r.int(0, 59), m, o, false, c, part));
                        left -= part;
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 7. Asia/Pacific trader: a normal day in UTC+8..+10 is the American night.

fn asia_pacific_trader(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let tz = *r.pick(&[8i64, 8, 9, 10]);
    let h = Human::new(r, tz);
    let base = r.lognormal(80.0, 0.8);
    let roundness = r.range(0.3, 0.9);
    let per_day = r.range(0.8, 2.5);
    let likes_crypto = r.range(0.2, 0.7);
    let sessions = h.sessions(r, per_day, 12.0 * MIN as f64, &|hr, _| {
        if (7.0..9.5).contains(&hr) || (12.0..13.5).contains(&hr) || hr >= 19.0 { 1.0 } else { 0.35 }
    });
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (s, len) in sessions {
        let mut t = s;
        let n = 1 + r.poisson(1.5);
        for _ in 0..n {
            if t > s + len {
                break;
            }
            let m = if r.chance(likes_crypto) {
                pick_market(r, &ctx.w, &[Kind::Strike, Kind::UpDown], t, 10 * MIN, 0.15, 0.85)
            } else {
                let live: Vec<usize> = ctx.w.games_live(t).into_iter().map(|g| ctx.w.games[g].markets[0]).collect();
                if !live.is_empty() && r.chance(0.6) {
                    Some(*r.pick(&live))
                } else {
                    pick_market(r, &ctx.w, &[Kind::Politics, Kind::Sports, Kind::Tech, Kind::Deadline], t, HOUR, 0.08, 0.92)
                }
            };
            let Some(m) = m else {
                t += think(r);
                continue;
            };
            if pos.get(m, 0) + pos.get(m, 1) >= 500 && r.chance(0.5) {
                let o = if pos.get(m, 0) >= 500 { 0 } else { 1 };
                out.extend(sell_all(r, ctx, &mut pos, t, m, o));
            } else {
                let o = if r.chance(0.6) { fav(ctx, m, t) } else { 1 - fav(ctx, m, t) };
                let usd_now = stake(r, base, roundness);
                out.extend(buy(r, ctx, &mut pos, t, m, o, usd_now, 1));
            }
            t += think(r) + r.int(5, 200);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 8. Heavy degen: hundreds of trades in long sessions, but sleeps; stakes swing with a bankroll.

fn heavy_degen(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut h = Human::us(r);
    h.wake = r.range(9.0, 11.5);
    h.bed = h.wake + r.range(15.5, 17.5);
    h.works = r.chance(0.35);
    h.late_weekend = r.range(1.0, 4.0);
    h.make_days(r);
    let mut bank = r.lognormal(800.0, 0.8);
    let frac = r.range(0.02, 0.08);
    let per_day = r.range(1.5, 4.0);
    let kinds_mix = [r.range(0.2, 1.0), r.range(0.1, 0.8), r.range(0.1, 0.6), r.range(0.1, 0.6)];
    let sessions = h.sessions(r, per_day, 30.0 * MIN as f64, &|hr, wd| if !(2.5..19.0).contains(&hr) || wd >= 5 { 1.0 } else { 0.55 });
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (s, len) in sessions {
        let mut t = s;
        let mood = r.lognormal(1.0, 0.35);
        while t < s + len {
            let which = r.weighted(&kinds_mix);
            let m = match which {
                0 => {
                    let live: Vec<usize> = ctx.w.games_live(t).into_iter().map(|g| ctx.w.games[g].markets[0]).collect();
                    if live.is_empty() { pick_market(r, &ctx.w, &[Kind::Sports], t, HOUR, 0.1, 0.9) } else { Some(*r.pick(&live)) }
                }
                1 => pick_market(r, &ctx.w, &[Kind::UpDown], t, 3 * MIN, 0.1, 0.9),
                2 => pick_market(r, &ctx.w, &[Kind::Strike], t, 30 * MIN, 0.1, 0.9),
                _ => pick_market(r, &ctx.w, &[Kind::Politics, Kind::Election, Kind::Culture, Kind::Deadline], t, HOUR, 0.05, 0.95),
            };
            if let Some(m) = m {
                let held = pos.get(m, 0).max(pos.get(m, 1));
                if held >= 500 && r.chance(0.45) {
                    let o = if pos.get(m, 0) >= 500 { 0 } else { 1 };
                    let f = sell_all(r, ctx, &mut pos, t, m, o);
                    bank += f.iter().map(|x| x.size as f64 * x.cents as f64 / 10_000.0).sum::<f64>();
                    out.extend(f);
                } else {
                    let usd = (bank * frac * mood * r.lognormal(1.0, 0.5)).clamp(3.0, 20_000.0);
                    let usd = if r.chance(0.5) { round_usd(usd) } else { usd.round() };
                    let o = if r.chance(0.5) { 0 } else { 1 };
                    let extra_levels = r.below(2);
                    let f = buy(r, ctx, &mut pos, t, m, o, usd, 1 + extra_levels);
                    bank -= f.iter().map(|x| x.size as f64 * x.cents as f64 / 10_000.0).sum::<f64>();
                    out.extend(f);
                }
            }
            // Reload after going broke: a deposit, sometimes bigger than before.
            if bank < 50.0 {
                bank = r.lognormal(600.0, 0.8);
            }
            t += r.lognormal(150.0, 0.8).clamp(8.0, 1800.0) as i64;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 9. Whale who splits one decision into several clicks, minutes apart.

fn split_order_whale(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let per_day = r.range(0.3, 1.4);
    let size = r.lognormal(9000.0, 0.7);
    let roundness = r.range(0.3, 0.9);
    let kinds = [Kind::Politics, Kind::Election, Kind::Macro, Kind::Deadline, Kind::Sports, Kind::Tech];
    let sessions = h.sessions(r, per_day, 20.0 * MIN as f64, &|_, _| 1.0);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (s, _) in sessions {
        let held = pos.held();
        if !held.is_empty() && r.chance(0.3) {
            // Exit split the same way.
            let (m, o, sz) = *r.pick(&held);
            let parts = r.int(2, 5);
            let mut t = s;
            for k in 0..parts {
                if !ctx.w.markets[m].live(t) {
                    break;
                }
                let part = if k + 1 == parts { pos.get(m, o) } else { sz / parts };
                if part >= 500 {
                    let extra_levels = r.below(2);
                    let f = ctx.take(r, t, m, o, false, part, 1 + extra_levels);
                    pos.add(&f);
                    out.extend(f);
                }
                t += r.int(15, 150);
            }
            continue;
        }
        let Some(m) = pick_market(r, &ctx.w, &kinds, s, 6 * HOUR, 0.1, 0.9) else {
            continue;
        };
        let o = if r.chance(0.6) { fav(ctx, m, s) } else { 1 - fav(ctx, m, s) };
        let total = size * r.lognormal(1.0, 0.5);
        let parts = r.int(3, 8);
        let mut t = s;
        for _ in 0..parts {
            let usd = stake(r, total / parts as f64, roundness);
            let extra_levels = r.below(2);
            out.extend(buy(r, ctx, &mut pos, t, m, o, usd, 1 + extra_levels));
            t += r.int(15, 150);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 10. Swing trader: takes profit on a run and buys back on the dip, days apart.

fn swing_profit_taker(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let base = r.lognormal(300.0, 0.7);
    let roundness = r.range(0.3, 0.9);
    let take_at = r.int(5, 12);
    let rebuy_at = r.int(3, 8);
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro, Kind::Culture];
    let per_day = r.range(1.2, 2.5);
    let sessions =
        h.sessions(r, per_day, 10.0 * MIN as f64, &|hr, _| if (7.0..9.5).contains(&hr) || (18.0..23.5).contains(&hr) { 1.0 } else { 0.3 });
    let mut pos = Pos::default();
    let mut entry: std::collections::BTreeMap<(usize, usize), (i64, i64)> = Default::default(); // (entry cents, last exit cents)
    let mut out = Vec::new();
    for (s, _) in sessions {
        let mut t = s;
        let keys: Vec<(usize, usize)> = entry.keys().copied().collect();
        for (m, o) in keys {
            if !ctx.w.markets[m].live(t) {
                continue;
            }
            let (e, last_exit) = entry[&(m, o)];
            let held = pos.get(m, o);
            let bid = ctx.w.markets[m].bid(t, o);
            let ask = ctx.w.markets[m].ask(t, o);
            if held >= 500 && bid >= e + take_at {
                let part = (held as f64 * r.range(0.3, 0.6)) as i64;
                let f = ctx.take(r, t, m, o, false, part.max(500), 1);
                pos.add(&f);
                out.extend(f);
                entry.insert((m, o), (e, bid));
                t += think(r);
            } else if last_exit > 0 && ask <= last_exit - rebuy_at {
                let usd_now = stake(r, base * 0.6, roundness);
                out.extend(buy(r, ctx, &mut pos, t, m, o, usd_now, 1));
                entry.insert((m, o), (ask, 0));
                t += think(r);
            }
        }
        if entry.len() < 8
            && r.chance(0.35)
            && let Some(m) = pick_market(r, &ctx.w, &kinds, t, 5 * DAY, 0.1, 0.85)
        {
            let o = if r.chance(0.5) { 0 } else { 1 };
            let usd_now = stake(r, base, roundness);
            let f = buy(r, ctx, &mut pos, t, m, o, usd_now, 1);
            if let Some(x) = f.first() {
                entry.insert((m, o), (x.cents, 0));
            }
            out.extend(f);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 11. Casual with round stakes: one or two bets a few times a week.

fn round_stake_casual(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let amounts: Vec<f64> = {
        let all = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0];
        let k = r.int(0, 4) as usize;
        all[k..(k + 3).min(all.len())].to_vec()
    };
    let per_week = r.range(1.0, 3.5);
    let kinds = [Kind::Culture, Kind::Politics, Kind::Weather, Kind::Sports, Kind::Tech, Kind::Election, Kind::Deadline];
    let sessions = h.sessions(r, per_week / 7.0, 8.0 * MIN as f64, &|hr, wd| if hr >= 18.0 || wd >= 5 { 1.0 } else { 0.4 });
    let mut out = Vec::new();
    let mut pos = Pos::default();
    for (s, _) in sessions {
        let n = 1 + r.below(2);
        let mut t = s;
        for _ in 0..n {
            if let Some(m) = pick_market(r, &ctx.w, &kinds, t, 3 * HOUR, 0.05, 0.95) {
                let o = if r.chance(0.6) { fav(ctx, m, t) } else { 1 - fav(ctx, m, t) };
                let usd = *r.pick(&amounts);
                out.extend(buy(r, ctx, &mut pos, t, m, o, usd, 1));
            }
            t += think(r) + r.int(20, 300);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 12. Copying a famous wallet by hand: sees its trades on a tracker when looking at the phone.

fn hand_copier(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let leader = r.below(ctx.leaders.len());
    let checks = r.range(2.0, 7.0);
    let copy_p = r.range(0.35, 0.8);
    let base = r.lognormal(60.0, 0.8);
    let roundness = r.range(0.4, 0.95);
    let follow_sells = r.range(0.3, 0.9);
    let looks = h.sessions(r, checks, 6.0 * MIN as f64, &|_, _| 1.0);
    let fills: Vec<Fill> = ctx.leaders[leader].fills.clone();
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let mut seen_until = START;
    let mut last_tx = 0;
    for (s, len) in looks {
        let mut t = s;
        for f in fills.iter().filter(|f| f.t > seen_until && f.t < s) {
            if f.tx == last_tx {
                continue;
            }
            last_tx = f.tx;
            if s - f.t > 10 * HOUR {
                continue;
            }
            if f.buy {
                if !r.chance(copy_p) {
                    continue;
                }
                let usd = stake(r, base, roundness);
                out.extend(buy(r, ctx, &mut pos, t, f.m, f.o, usd, 1));
                t += think(r);
            } else if pos.get(f.m, f.o) >= 500 && r.chance(follow_sells) {
                out.extend(sell_all(r, ctx, &mut pos, t, f.m, f.o));
                t += think(r);
            }
            if t > s + len + 5 * MIN {
                break;
            }
        }
        seen_until = s;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 13. Crypto punter: daily strikes and the hourly up/down, a few bets a day.

fn crypto_strike_punter(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let base = r.lognormal(40.0, 0.8);
    let roundness = r.range(0.5, 0.95);
    let per_day = r.range(0.8, 3.0);
    let updown_p = r.range(0.2, 0.6);
    let coin = if r.chance(0.7) { 0 } else { 1 };
    let sessions = h.sessions(r, per_day, 10.0 * MIN as f64, &|_, _| 1.0);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (s, _) in sessions {
        let mut t = s;
        let n = 1 + r.poisson(0.8);
        for _ in 0..n {
            if r.chance(updown_p) {
                if let Some(m) = ctx.w.updown_at(coin, HOUR, t) {
                    let (start, live) = (ctx.w.markets[m].start, ctx.w.markets[m].live(t));
                    if live && t - start > 5 * MIN {
                        let o = if ctx.w.spot(coin, t) >= ctx.w.spot(coin, start) { 0 } else { 1 };
                        let o = if r.chance(0.75) { o } else { 1 - o };
                        let usd_now = stake(r, base, roundness);
                        out.extend(buy(r, ctx, &mut pos, t, m, o, usd_now, 1));
                    }
                }
            } else {
                let ms: Vec<usize> = ctx
                    .w
                    .kind(Kind::Strike)
                    .iter()
                    .copied()
                    .filter(|m| {
                        let mk = &ctx.w.markets[*m];
                        mk.coin == coin && mk.live(t) && mk.close > t + HOUR && mk.close < t + 2 * DAY && (0.12..0.88).contains(&mk.p(t))
                    })
                    .collect();
                if !ms.is_empty() {
                    let m = *r.pick(&ms);
                    let o = if r.chance(0.6) { 0 } else { 1 };
                    let usd_now = stake(r, base, roundness);
                    out.extend(buy(r, ctx, &mut pos, t, m, o, usd_now, 1));
                }
            }
            t += think(r);
        }
        // Panic sell or cash out something still open.
        if r.chance(0.25) {
            let held = pos.held();
            if !held.is_empty() {
                let (m, o, _) = *r.pick(&held);
                let pause = think(r);
                out.extend(sell_all(r, ctx, &mut pos, t + pause, m, o));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 14. Macro trader: positions before a release, a last add, then trades it minutes after.

fn macro_release_trader(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = if r.chance(0.75) { Human::us(r) } else { Human::among(r, &[0, 1]) };
    let base = r.lognormal(200.0, 0.8);
    let roundness = r.range(0.4, 0.9);
    let react = r.range(120.0, 600.0);
    let join = r.range(0.6, 0.95);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let groups: Vec<(i64, Vec<usize>)> = ctx
        .w
        .groups
        .iter()
        .filter(|g| g.kind == Kind::Macro && g.markets.len() >= 2)
        .filter_map(|g| {
            let rel = ctx.w.markets[g.markets[0]].start;
            if rel > START + DAY && rel < NOW { Some((rel, g.markets.clone())) } else { None }
        })
        .collect();
    for (rel, ms) in groups {
        if !r.chance(join) {
            continue;
        }
        // Days before: one to three buys of the bin they believe in.
        let nb = r.int(1, 3);
        for _ in 0..nb {
            let t = rel - r.int(3 * HOUR, 4 * DAY);
            if !h.free(r, t) {
                continue;
            }
            let best = *ms
                .iter()
                .max_by(|a, b| ctx.w.markets[**a].p(t).partial_cmp(&ctx.w.markets[**b].p(t)).unwrap_or(std::cmp::Ordering::Equal))
                .unwrap_or(&ms[0]);
            let m = if r.chance(0.65) { best } else { *r.pick(&ms) };
            let usd_now = stake(r, base, roundness);
            out.extend(buy(r, ctx, &mut pos, t, m, 0, usd_now, 1));
        }
        // The last hour.
        if r.chance(0.6) {
            let t = rel - r.int(2 * MIN, 55 * MIN);
            if h.awake(t) {
                let m = *r.pick(&ms);
                let usd_now = stake(r, base, roundness);
                out.extend(buy(r, ctx, &mut pos, t, m, 0, usd_now, 1));
            }
        }
        // After the number: read it, then click.
        let t = rel + r.lognormal(react, 0.5) as i64;
        if !h.awake(t) {
            continue;
        }
        let mut tt = t;
        for &m in &ms {
            if !ctx.w.markets[m].live(tt) {
                continue;
            }
            let p = ctx.w.markets[m].p(tt);
            if pos.get(m, 0) >= 500 && p < 0.5 {
                out.extend(sell_all(r, ctx, &mut pos, tt, m, 0));
                tt += think(r);
            } else if p > 0.75 && ctx.w.markets[m].ask(tt, 0) <= 97 && r.chance(0.6) {
                let usd_now = stake(r, base * 1.5, roundness);
                out.extend(buy(r, ctx, &mut pos, tt, m, 0, usd_now, 1));
                tt += think(r);
            }
        }
    }
    // Long Fed markets now and then.
    let per_day = r.range(0.1, 0.4);
    let sessions = h.sessions(r, per_day, 10.0 * MIN as f64, &|_, _| 1.0);
    for (s, _) in sessions {
        if let Some(m) = pick_market(r, &ctx.w, &[Kind::Macro], s, 2 * DAY, 0.05, 0.95) {
            let o = if r.chance(0.5) { 0 } else { 1 };
            let usd_now = stake(r, base * 0.5, roundness);
            out.extend(buy(r, ctx, &mut pos, s, m, o, usd_now, 1));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 15. Weather regular: checks the forecast for the home city most mornings.

fn weather_regular(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let city = r.below(3);
    let tz = [-4i64, 1, 9][city];
    let mut h = Human::new(r, tz);
    h.works = r.chance(0.7);
    let daily = r.range(0.45, 0.85);
    let morning = r.range(6.5, 9.0);
    let base = r.lognormal(20.0, 0.7);
    let roundness = r.range(0.5, 0.95);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let days: Vec<(i64, i64, bool)> = h.days.iter().map(|d| (d.t0, d.wake, d.off)).collect();
    for (t0, wake, off) in days {
        if off || !r.chance(daily) {
            continue;
        }
        let t = (t0 + ((morning + r.gauss(0.0, 0.7)) * HOUR as f64) as i64).max(wake);
        let tomorrow = r.chance(0.3);
        let target_day = if tomorrow { t0 + DAY } else { t0 };
        let Some(g) = ctx.w.groups.iter().position(|g| {
            g.kind == Kind::Weather && {
                let mk = &ctx.w.markets[g.markets[0]];
                mk.coin == city && mk.start == target_day
            }
        }) else {
            continue;
        };
        let ms = ctx.w.groups[g].markets.clone();
        if !ctx.w.markets[ms[0]].live(t) {
            continue;
        }
        let mut order: Vec<usize> = ms.clone();
        order.sort_by(|a, b| ctx.w.markets[*b].p(t).partial_cmp(&ctx.w.markets[*a].p(t)).unwrap_or(std::cmp::Ordering::Equal));
        let picks = if r.chance(0.35) { 2 } else { 1 };
        let mut tt = t;
        for &m in order.iter().take(picks) {
            let m = if r.chance(0.2) { *r.pick(&order) } else { m };
            let usd_now = stake(r, base, roundness);
            out.extend(buy(r, ctx, &mut pos, tt, m, 0, usd_now, 1));
            tt += think(r);
        }
        // Afternoon look: drop a bin that fell out of favour, or add the clear winner.
        if r.chance(0.35) {
            let ta = t0 + ((r.range(14.5, 18.5)) * HOUR as f64) as i64;
            if h.awake(ta) {
                for &m in &ms {
                    if !ctx.w.markets[m].live(ta) {
                        continue;
                    }
                    let p = ctx.w.markets[m].p(ta);
                    if pos.get(m, 0) >= 500 && p < 0.15 {
                        out.extend(sell_all(r, ctx, &mut pos, ta, m, 0));
                    } else if (0.7..0.95).contains(&p) && r.chance(0.4) {
                        let usd_now = stake(r, base, roundness);
                        out.extend(buy(r, ctx, &mut pos, ta, m, 0, usd_now, 1));
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 16. Election-night junkie: quiet most of the month, up all night when the results come in.

fn election_night_junkie(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = if r.chance(0.6) { Human::us(r) } else { Human::among(r, &[-6, 0]) };
    let base = r.lognormal(90.0, 0.8);
    let roundness = r.range(0.4, 0.9);
    let gap = r.range(2.0, 10.0) * MIN as f64;
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let nights: Vec<(i64, i64, Vec<usize>)> = ctx
        .w
        .groups
        .iter()
        .filter(|g| g.kind == Kind::Election)
        .map(|g| {
            let mk = &ctx.w.markets[g.markets[0]];
            (mk.start, mk.end, g.markets.clone())
        })
        .collect();
    let mut nights = nights;
    r.shuffle(&mut nights);
    let take_n = r.int(1, 3) as usize;
    for (polls, end, ms) in nights.into_iter().take(take_n) {
        let mut t = polls - r.int(0, 90 * MIN);
        let stop = end + r.int(-2 * HOUR, HOUR);
        while t < stop.min(NOW) {
            t += r.exp(gap) as i64 + 20;
            let m = *r.pick(&ms);
            if !ctx.w.markets[m].live(t) {
                continue;
            }
            let mk = &ctx.w.markets[m];
            let moved = mk.p(t) - mk.p(t - 20 * MIN);
            if pos.get(m, 0) >= 500 && moved < -0.03 {
                out.extend(sell_all(r, ctx, &mut pos, t, m, 0));
            } else if moved > 0.02 || r.chance(0.3) {
                let o = if moved >= 0.0 { 0 } else { 1 };
                if ctx.w.markets[m].ask(t, o) < 97 {
                    let usd_now = stake(r, base, roundness);
                    out.extend(buy(r, ctx, &mut pos, t, m, o, usd_now, 1));
                }
            }
        }
    }
    // The rest of the month: a few politics bets.
    let per_day = r.range(0.1, 0.4);
    let sessions = h.sessions(r, per_day, 10.0 * MIN as f64, &|hr, _| if hr >= 18.0 { 1.0 } else { 0.4 });
    for (s, _) in sessions {
        if let Some(m) = pick_market(r, &ctx.w, &[Kind::Politics, Kind::Election], s, DAY, 0.05, 0.95) {
            let o = if r.chance(0.5) { 0 } else { 1 };
            let usd_now = stake(r, base, roundness);
            out.extend(buy(r, ctx, &mut pos, s, m, o, usd_now, 1));
        }
    }
    out
}
