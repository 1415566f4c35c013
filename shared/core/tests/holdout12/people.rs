//! People: how humans click through Polymarket on a phone or a laptop.

use super::ctx::{CROWD, Ctx, Fill, MIN_SZ, POOL, shares_for};
use super::rng::Rng;
use super::world::{Cat, DAY, FAR, HOUR, MIN, weekday};
use super::{NOW, W0};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- daily life

#[derive(Clone, Debug)]
pub struct Persona {
    /// Hours from UTC.
    pub tz: f64,
    /// Local hour they get up.
    pub wake: f64,
    /// Local hour they go to sleep (past 24 means after midnight).
    pub bed: f64,
    pub from: i64,
    pub to: i64,
    pub weekday_p: f64,
    pub weekend_p: f64,
    /// Mean sessions on a day they open the app.
    pub sessions: f64,
    /// When in their day they tend to look: (local hour, spread in hours, weight).
    pub peaks: Vec<(f64, f64, f64)>,
}

impl Persona {
    pub fn hour(&self, t: i64) -> f64 {
        (t as f64 / HOUR as f64 + self.tz).rem_euclid(24.0)
    }

    fn awake_h(&self, h: f64) -> bool {
        if self.bed <= 24.0 { h >= self.wake && h < self.bed } else { h >= self.wake || h < self.bed - 24.0 }
    }

    pub fn awake(&self, t: i64) -> bool {
        self.awake_h(self.hour(t))
    }

    pub fn active(&self, t: i64) -> bool {
        t >= self.from && t < self.to && t < NOW
    }

    /// Local midnight (in UTC seconds) of the local day holding `t`.
    pub fn midnight(&self, t: i64) -> i64 {
        let off = (self.tz * HOUR as f64) as i64;
        (t + off).div_euclid(DAY) * DAY - off
    }

    pub fn sessions(&self, rng: &mut Rng) -> Vec<i64> {
        let mut out = Vec::new();
        let mut mood = 1.0;
        let w: Vec<f64> = self.peaks.iter().map(|p| p.2).collect();
        for d in (self.from / DAY - 1)..=(self.to.min(NOW) / DAY + 1) {
            if d.rem_euclid(7) == 0 || out.is_empty() && mood == 1.0 {
                mood = rng.lognormal(1.0, 0.45).min(2.5);
            }
            let mid = d * DAY - (self.tz * HOUR as f64) as i64;
            let wd = weekday(mid + 12 * HOUR);
            let p = if wd >= 5 { self.weekend_p } else { self.weekday_p } * mood;
            if !rng.chance(p.min(0.97)) {
                continue;
            }
            let n = 1 + rng.poisson((self.sessions - 1.0).max(0.0) * mood.sqrt());
            for _ in 0..n {
                for _ in 0..15 {
                    let k = rng.weighted(&w);
                    let (h0, sd, _) = self.peaks[k];
                    let h = (h0 + sd * rng.normal()).rem_euclid(24.0);
                    if self.awake_h(h) {
                        let t = mid + (h * HOUR as f64) as i64;
                        if self.active(t) && t >= W0 {
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
}

/// Where Polymarket users live, as an offset from UTC.
pub fn tz_world(rng: &mut Rng) -> f64 {
    let zones = [
        (-7.0, 0.1),
        (-6.0, 0.07),
        (-5.0, 0.12),
        (-4.0, 0.2),
        (-3.0, 0.06),
        (0.0, 0.04),
        (1.0, 0.1),
        (2.0, 0.1),
        (3.0, 0.05),
        (5.5, 0.03),
        (7.0, 0.03),
        (8.0, 0.05),
        (9.0, 0.03),
        (10.0, 0.02),
    ];
    let w: Vec<f64> = zones.iter().map(|z| z.1).collect();
    zones[rng.weighted(&w)].0
}

pub fn tz_us(rng: &mut Rng) -> f64 {
    *rng.pick(&[-4.0, -4.0, -4.0, -5.0, -5.0, -6.0, -7.0, -7.0])
}

pub fn tz_europe(rng: &mut Rng) -> f64 {
    *rng.pick(&[0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0])
}

/// A span inside the window: some joined late, some drifted away.
pub fn span(rng: &mut Rng, late: f64, quit: f64) -> (i64, i64) {
    let from = if rng.chance(late) { W0 + rng.int(0, 24) * DAY + rng.int(0, DAY) } else { W0 };
    let to = if rng.chance(quit) { (from + rng.int(3, 25) * DAY).min(NOW) } else { NOW };
    (from, to)
}

pub fn persona(tz: f64, weekday_p: f64, weekend_p: f64, sessions: f64, peaks: Vec<(f64, f64, f64)>, rng: &mut Rng) -> Persona {
    let (from, to) = span(rng, 0.15, 0.12);
    Persona { tz, wake: rng.range(6.0, 9.0), bed: rng.range(22.5, 25.5), from, to, weekday_p, weekend_p, sessions, peaks }
}

/// Ordinary waking-life peaks: commute, lunch, evening couch.
pub fn everyday_peaks(rng: &mut Rng) -> Vec<(f64, f64, f64)> {
    vec![
        (rng.range(7.0, 9.0), 0.8, rng.range(0.1, 0.3)),
        (rng.range(12.0, 13.5), 0.8, rng.range(0.1, 0.3)),
        (rng.range(19.0, 22.5), 1.5, rng.range(0.4, 0.8)),
    ]
}

// ---------------------------------------------------------------- what they pick

#[derive(Clone, Debug)]
pub struct Taste {
    pub cats: Vec<(Cat, f64)>,
    /// Market tags they follow; empty for any.
    pub tags: Vec<&'static str>,
    /// Price band of the outcome they back.
    pub lo: f64,
    pub hi: f64,
    /// How soon the market must be decided: [lo, hi] seconds from now.
    pub horizon: (i64, i64),
    /// Only in-play (Some(true)) or only before the start (Some(false)).
    pub live: Option<bool>,
    /// Chance of backing the favourite.
    pub fav: f64,
}

impl Taste {
    pub fn new(cats: Vec<(Cat, f64)>) -> Taste {
        Taste { cats, tags: Vec::new(), lo: 0.05, hi: 0.95, horizon: (0, FAR), live: None, fav: 0.6 }
    }
}

pub fn pick(ctx: &Ctx, rng: &mut Rng, taste: &Taste, t: i64) -> Option<(u32, u8)> {
    let w: Vec<f64> = taste.cats.iter().map(|c| c.1).collect();
    for _ in 0..6 {
        let cat = taste.cats[rng.weighted(&w)].0;
        let hi = match cat {
            Cat::Crypto => taste.horizon.1.min(2 * HOUR),
            Cat::Sports | Cat::Weather => taste.horizon.1.min(4 * DAY),
            _ => taste.horizon.1,
        };
        let mut cands = ctx.world.candidates(cat, t, taste.horizon.0, hi);
        if !taste.tags.is_empty() {
            cands.retain(|&id| taste.tags.contains(&ctx.m(id).tag));
        }
        if let Some(live) = taste.live {
            cands.retain(|&id| ctx.m(id).live(t) == live);
        }
        if cands.is_empty() {
            continue;
        }
        let pw: Vec<f64> = cands.iter().map(|&id| ctx.m(id).pop.max(0.01)).collect();
        let id = cands[rng.weighted(&pw)];
        let m = ctx.m(id);
        let fav = m.favourite(t);
        let o = if rng.chance(taste.fav) { fav } else { 1 - fav };
        for o in [o, 1 - o] {
            let a = f64::from(m.ask(o, t)) / 100.0;
            if a >= taste.lo && a <= taste.hi {
                return Some((id, o));
            }
        }
    }
    None
}

// ---------------------------------------------------------------- how much

const NICE: [f64; 37] = [
    1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 80.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0,
    500.0, 600.0, 750.0, 1000.0, 1200.0, 1500.0, 2000.0, 2500.0, 3000.0, 4000.0, 5000.0, 7500.0, 10000.0, 20000.0, 50000.0,
];

pub fn nice(x: f64) -> f64 {
    *NICE.iter().min_by(|a, b| ((*a).ln() - x.max(0.5).ln()).abs().total_cmp(&((*b).ln() - x.max(0.5).ln()).abs())).unwrap_or(&x)
}

/// A person's stake: a round figure most of the time, typed by hand otherwise.
pub fn stake(rng: &mut Rng, med: f64, sig: f64, round_p: f64) -> f64 {
    let x = rng.lognormal(med, sig);
    if rng.chance(round_p) {
        nice(x)
    } else if rng.chance(0.6) {
        x.round().max(1.0)
    } else {
        (x * 100.0).round() / 100.0
    }
}

/// Share counts typed into a limit ticket.
pub fn nice_shares(x: f64) -> u64 {
    let s: [f64; 25] = [
        5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0, 1000.0, 1500.0,
        2000.0, 2500.0, 5000.0, 10000.0, 20000.0, 50000.0,
    ];
    let v = *s.iter().min_by(|a, b| (a.ln() - x.max(1.0).ln()).abs().total_cmp(&(b.ln() - x.max(1.0).ln()).abs())).unwrap_or(&5.0);
    (v * 100.0) as u64
}

// ---------------------------------------------------------------- a trader with a wallet

#[derive(Clone, Copy, Debug)]
pub struct Pos {
    pub sz: u64,
    pub avg: f64,
    pub since: i64,
}

pub struct Trader {
    pub w: u32,
    pub p: Persona,
    pub taste: Taste,
    pub med: f64,
    pub sig: f64,
    pub round_p: f64,
    pub limit_p: f64,
    pub sell_p: f64,
    /// Mean actions per session.
    pub clicks: f64,
    /// Median seconds between actions in a session.
    pub gap: f64,
    /// Chance the next action is in the same market as the last.
    pub again_p: f64,
    pub pos: BTreeMap<(u32, u8), Pos>,
}

impl Trader {
    pub fn new(w: u32, p: Persona, taste: Taste, med: f64) -> Trader {
        Trader {
            w,
            p,
            taste,
            med,
            sig: 0.6,
            round_p: 0.75,
            limit_p: 0.08,
            sell_p: 0.1,
            clicks: 1.6,
            gap: 45.0,
            again_p: 0.2,
            pos: BTreeMap::new(),
        }
    }

    pub fn stake(&self, rng: &mut Rng) -> f64 {
        stake(rng, self.med, self.sig, self.round_p)
    }

    fn add(&mut self, m: u32, o: u8, sz: u64, c: f64, t: i64) {
        let e = self.pos.entry((m, o)).or_insert(Pos { sz: 0, avg: 0.0, since: t });
        let tot = e.sz + sz;
        e.avg = (e.avg * e.sz as f64 + c * sz as f64) / tot.max(1) as f64;
        e.sz = tot;
    }

    fn remove(&mut self, m: u32, o: u8, sz: u64) {
        if let Some(e) = self.pos.get_mut(&(m, o)) {
            e.sz = e.sz.saturating_sub(sz);
            if e.sz < MIN_SZ {
                self.pos.remove(&(m, o));
            }
        }
    }

    /// Buys `usd` of an outcome: a market order, or now and then a limit a few cents under.
    pub fn buy(&mut self, ctx: &mut Ctx, rng: &mut Rng, m: u32, o: u8, t: i64, usd: f64) -> bool {
        if !ctx.ok(m, t) {
            return false;
        }
        if rng.chance(self.limit_p) {
            let ask = ctx.m(m).ask(o, t);
            let c = (ask - rng.int(1, 4) as i32).max(1);
            let sz = if rng.chance(0.5) { nice_shares(usd * 100.0 / f64::from(c)) } else { shares_for(usd, c) }.max(MIN_SZ);
            let got = rest(ctx, rng, self.w, m, o, true, c, sz, t);
            if got > 0 {
                self.add(m, o, got, f64::from(c), t);
                return true;
            }
            return false;
        }
        let (got, avg) = ctx.buy_usd(self.w, m, o, t, usd, 99);
        if got > 0 {
            self.add(m, o, got, avg, t);
        }
        got > 0
    }

    /// Sells part or all of a position: market order or a limit above.
    pub fn sell(&mut self, ctx: &mut Ctx, rng: &mut Rng, m: u32, o: u8, t: i64, all: bool) -> bool {
        let Some(p) = self.pos.get(&(m, o)).copied() else { return false };
        if !ctx.ok(m, t) {
            return false;
        }
        let sz = if all || p.sz < 2 * MIN_SZ || rng.chance(0.55) {
            p.sz
        } else if rng.chance(0.5) {
            (p.sz / 2).max(MIN_SZ)
        } else {
            nice_shares(p.sz as f64 / 100.0 * rng.range(0.2, 0.8)).min(p.sz)
        };
        let got = if rng.chance(self.limit_p) {
            let c = (ctx.m(m).bid(o, t) + rng.int(1, 4) as i32).min(99);
            rest(ctx, rng, self.w, m, o, false, c, sz, t)
        } else {
            ctx.sell_shares(self.w, m, o, t, sz, 1)
        };
        self.remove(m, o, got);
        got > 0
    }

    pub fn open_positions(&self, ctx: &Ctx, t: i64) -> Vec<(u32, u8)> {
        self.pos.keys().copied().filter(|&(m, _)| ctx.ok(m, t) && ctx.m(m).decided > t).collect()
    }

    pub fn sell_any(&mut self, ctx: &mut Ctx, rng: &mut Rng, t: i64) -> bool {
        let open = self.open_positions(ctx, t);
        if open.is_empty() {
            return false;
        }
        let (m, o) = *rng.pick(&open);
        self.sell(ctx, rng, m, o, t, false)
    }

    /// One sitting: a few taps, a pause, a few more.
    pub fn session(&mut self, ctx: &mut Ctx, rng: &mut Rng, t0: i64) {
        let n = rng.geometric(self.clicks);
        let mut t = t0;
        let mut last: Option<(u32, u8)> = None;
        for i in 0..n {
            if i > 0 {
                t += rng.lognormal(self.gap, 0.9) as i64 + 3;
            }
            if t >= NOW || t >= self.p.to {
                break;
            }
            if rng.chance(self.sell_p) && self.sell_any(ctx, rng, t) {
                continue;
            }
            let target = match last {
                Some(l) if rng.chance(self.again_p) && ctx.ok(l.0, t) => Some(l),
                _ => pick(ctx, rng, &self.taste, t),
            };
            if let Some((m, o)) = target {
                let usd = self.stake(rng);
                self.buy(ctx, rng, m, o, t, usd);
                last = Some((m, o));
            }
        }
    }

    pub fn run(&mut self, ctx: &mut Ctx, rng: &mut Rng) {
        let sessions = self.p.sessions(rng);
        for s in sessions {
            self.session(ctx, rng, s);
        }
    }
}

/// A resting limit order: fills (in one to three pieces) once the market comes to it, if it does.
#[allow(clippy::too_many_arguments)]
pub fn rest(ctx: &mut Ctx, rng: &mut Rng, w: u32, m: u32, o: u8, buy: bool, c: i32, sz: u64, t: i64) -> u64 {
    let mk = ctx.m(m);
    let step = mk.path.step.max(60);
    let horizon = rng.int(2 * HOUR, 3 * DAY);
    let end = (t + horizon).min(mk.close).min(NOW);
    let mut x = t + rng.int(1, step);
    while x < end {
        let (b, a) = mk.quote(o, x);
        if (buy && b <= c) || (!buy && a >= c) {
            let parts = if sz >= 4 * MIN_SZ { rng.int(1, 3) as u64 } else { 1 };
            let mut left = sz;
            let mut when = x;
            for k in 0..parts {
                let piece = if k + 1 == parts { left } else { (left / (parts - k)).max(MIN_SZ) };
                if piece < MIN_SZ || when >= end {
                    break;
                }
                ctx.maker(w, m, o, buy, c, piece, when);
                left -= piece;
                when += rng.int(5, 20 * MIN);
            }
            return sz - left;
        }
        x += step;
    }
    0
}

// ---------------------------------------------------------------- behaviours

type Gen = fn(&mut Ctx, &mut Rng, u32);

pub fn behaviours() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("casual_phone_punter", 22, casual),
        ("pregame_sports_fan", 14, pregame_fan),
        ("inplay_sports_bettor", 12, inplay),
        ("intraday_day_trader", 12, day_trader),
        ("whale", 10, whale),
        ("longshot_degen", 12, degen),
        ("favourites_near_resolution", 11, favourites),
        ("political_junkie", 12, junkie),
        ("daily_routine_checker", 11, routine),
        ("asia_timezone_trader", 10, asia),
        ("night_owl", 10, night_owl),
        ("manual_copier", 12, manual_copier),
        ("crypto_updown_gambler", 12, updown_gambler),
        ("weather_hobbyist", 10, weather_hobbyist),
        ("econ_release_trader", 10, econ_trader),
        ("culture_mentions_fan", 11, mentions_fan),
        ("swing_position_trader", 12, swing),
        ("weekend_warrior", 10, weekend_warrior),
        ("heavy_manual_power_user", 10, power_user),
    ]
}

fn casual(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = everyday_peaks(rng);
    let mut p = persona(tz, rng.range(0.03, 0.2), rng.range(0.08, 0.35), rng.range(1.0, 1.4), peaks, rng);
    let (from, to) = span(rng, 0.4, 0.3);
    p.from = from;
    p.to = to;
    let mut taste = Taste::new(vec![
        (Cat::Sports, 0.45),
        (Cat::Politics, 0.2),
        (Cat::Culture, 0.15),
        (Cat::Crypto, 0.12),
        (Cat::Econ, 0.04),
        (Cat::Weather, 0.04),
    ]);
    taste.lo = 0.08;
    taste.hi = 0.92;
    let mut tr = Trader::new(w, p, taste, rng.range(5.0, 30.0));
    tr.round_p = rng.range(0.75, 0.97);
    tr.sell_p = rng.range(0.0, 0.1);
    tr.limit_p = rng.range(0.0, 0.06);
    tr.clicks = rng.range(1.1, 1.8);
    tr.gap = rng.range(30.0, 120.0);
    tr.run(ctx, rng);
}

const SPORT_GROUPS: [(&[&str], &str); 7] = [
    (&["nba"], "us"),
    (&["nhl"], "us"),
    (&["mlb"], "us"),
    (&["epl", "lal", "sea", "bun", "fl1", "ucl"], "eu"),
    (&["atp", "wta"], "eu"),
    (&["ufc"], "us"),
    (&["ipl"], "in"),
];

fn fan_tags(rng: &mut Rng) -> (Vec<&'static str>, f64) {
    let w = [0.25, 0.1, 0.15, 0.25, 0.08, 0.07, 0.1];
    let g = rng.weighted(&w);
    let mut tags: Vec<&'static str> = SPORT_GROUPS[g].0.to_vec();
    if rng.chance(0.4) {
        let h = rng.weighted(&w);
        if SPORT_GROUPS[h].1 == SPORT_GROUPS[g].1 {
            tags.extend_from_slice(SPORT_GROUPS[h].0);
        }
    }
    let tz = match SPORT_GROUPS[g].1 {
        "us" => tz_us(rng),
        "eu" => tz_europe(rng),
        _ => *rng.pick(&[5.5, 5.5, 4.0, 1.0]),
    };
    (tags, tz)
}

/// Game starts of the tagged sports inside the person's span.
fn games(ctx: &Ctx, tags: &[&str], from: i64, to: i64) -> Vec<(i64, u32)> {
    let mut v: Vec<(i64, u32)> = ctx.world.by_cat[Cat::Sports.idx()]
        .iter()
        .map(|&id| ctx.m(id))
        .filter(|m| tags.contains(&m.tag) && m.start >= from && m.start < to)
        .map(|m| (m.start, m.id))
        .collect();
    v.sort_unstable();
    v
}

fn pregame_fan(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let (tags, tz) = fan_tags(rng);
    let p = persona(tz, 0.0, 0.0, 1.0, vec![(20.0, 2.0, 1.0)], rng);
    let mut taste = Taste::new(vec![(Cat::Sports, 1.0)]);
    taste.tags = tags.clone();
    taste.live = Some(false);
    taste.horizon = (0, 14 * HOUR);
    taste.fav = rng.range(0.45, 0.8);
    taste.lo = 0.15;
    taste.hi = 0.88;
    let mut tr = Trader::new(w, p, taste, rng.range(15.0, 150.0));
    tr.round_p = rng.range(0.8, 0.97);
    tr.clicks = rng.range(1.3, 3.0);
    tr.gap = rng.range(25.0, 90.0);
    tr.again_p = 0.05;
    tr.sell_p = 0.0;
    let day_p = rng.range(0.25, 0.75);
    let inplay_p = rng.range(0.0, 0.25);
    let g = games(ctx, &tags, tr.p.from, tr.p.to);
    let mut done_day = i64::MIN;
    for (start, id) in g {
        let day = tr.p.midnight(start - 6 * HOUR);
        if day == done_day {
            continue;
        }
        done_day = day;
        if !rng.chance(day_p) {
            continue;
        }
        let mut t = start - rng.int(15 * MIN, 5 * HOUR);
        if !tr.p.awake(t) {
            t = start - rng.int(5 * MIN, 40 * MIN);
            if !tr.p.awake(t) {
                continue;
            }
        }
        tr.session(ctx, rng, t);
        if rng.chance(inplay_p) {
            let m = ctx.m(id);
            let x = start + rng.int(10 * MIN, (m.decided - start).max(11 * MIN));
            if let Some(&(mm, o)) = tr.pos.keys().find(|k| ctx.m(k.0).live(x)) {
                let usd = tr.stake(rng) * 0.5;
                tr.buy(ctx, rng, mm, o, x, usd.max(5.0));
            }
        }
    }
}

fn inplay(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let (tags, tz) = fan_tags(rng);
    let mut p = persona(tz, 0.0, 0.0, 1.0, vec![(20.0, 2.0, 1.0)], rng);
    p.bed = rng.range(23.5, 26.0);
    let mut taste = Taste::new(vec![(Cat::Sports, 1.0)]);
    taste.tags = tags.clone();
    taste.live = Some(true);
    taste.horizon = (0, 6 * HOUR);
    taste.fav = rng.range(0.3, 0.7);
    taste.lo = 0.1;
    taste.hi = 0.9;
    let mut tr = Trader::new(w, p, taste, rng.range(10.0, 120.0));
    tr.round_p = rng.range(0.7, 0.95);
    tr.clicks = rng.range(2.5, 8.0);
    tr.gap = rng.range(60.0, 240.0);
    tr.again_p = rng.range(0.3, 0.6);
    tr.sell_p = rng.range(0.15, 0.4);
    let day_p = rng.range(0.2, 0.7);
    let g = games(ctx, &tags, tr.p.from, tr.p.to);
    let mut done_day = i64::MIN;
    for (start, id) in g {
        let day = tr.p.midnight(start);
        if day == done_day || !rng.chance(day_p) {
            continue;
        }
        let m = ctx.m(id);
        let t = start + rng.int(5 * MIN, ((m.decided - start) * 3 / 4).max(6 * MIN));
        if !tr.p.awake(t) {
            continue;
        }
        done_day = day;
        tr.session(ctx, rng, t);
    }
}

fn day_trader(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = vec![(rng.range(9.0, 11.0), 1.5, 0.4), (rng.range(14.0, 17.0), 1.5, 0.4), (rng.range(20.0, 22.0), 1.0, 0.3)];
    let p = persona(tz, rng.range(0.55, 0.9), rng.range(0.1, 0.4), rng.range(1.8, 4.5), peaks, rng);
    let mut taste =
        Taste::new(vec![(Cat::Sports, 0.35), (Cat::Crypto, 0.25), (Cat::Politics, 0.25), (Cat::Econ, 0.1), (Cat::Culture, 0.05)]);
    taste.lo = 0.2;
    taste.hi = 0.8;
    let mut tr = Trader::new(w, p, taste, rng.range(80.0, 900.0));
    tr.round_p = rng.range(0.5, 0.85);
    tr.sig = 0.45;
    let hold_med = rng.range(6.0, 30.0) * MIN as f64;
    let sessions = tr.p.sessions(rng);
    for s in sessions {
        let mean_trips = rng.range(1.2, 2.5);
        let trips = rng.geometric(mean_trips);
        let mut t = s;
        for _ in 0..trips {
            if t >= NOW {
                break;
            }
            let Some((m, o)) = pick(ctx, rng, &tr.taste, t) else { break };
            let usd = tr.stake(rng);
            if !tr.buy(ctx, rng, m, o, t, usd) {
                continue;
            }
            // add once on a dip or a breakout now and then
            let mut x = t + rng.lognormal(hold_med / 2.0, 0.6) as i64;
            if rng.chance(0.25) {
                let more = tr.stake(rng) * 0.5;
                tr.buy(ctx, rng, m, o, x, more);
            }
            x += rng.lognormal(hold_med / 2.0, 0.7) as i64;
            let x = x.min(t + 58 * MIN).min(ctx.m(m).close - MIN);
            if x > t && !tr.sell(ctx, rng, m, o, x, true) {
                let later = x + rng.int(30, 300);
                tr.sell(ctx, rng, m, o, later, true);
            }
            t = x + rng.lognormal(180.0, 1.0) as i64;
        }
    }
}

fn whale(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = everyday_peaks(rng);
    let p = persona(tz, rng.range(0.08, 0.35), rng.range(0.05, 0.3), 1.0, peaks, rng);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.45), (Cat::Sports, 0.35), (Cat::Econ, 0.15), (Cat::Crypto, 0.05)]);
    taste.lo = 0.15;
    taste.hi = 0.9;
    taste.fav = 0.65;
    let mut tr = Trader::new(w, p, taste, rng.range(2500.0, 40000.0));
    tr.sig = 0.7;
    tr.round_p = 0.85;
    tr.limit_p = rng.range(0.1, 0.45);
    let trim_p = rng.range(0.05, 0.25);
    let sessions = tr.p.sessions(rng);
    for s in sessions {
        if rng.chance(trim_p) && tr.sell_any(ctx, rng, s) {
            continue;
        }
        let Some((m, o)) = pick(ctx, rng, &tr.taste, s) else { continue };
        if ctx.m(m).pop < 0.3 && rng.chance(0.7) {
            continue;
        }
        let total = tr.stake(rng);
        // split by hand so as not to walk the book: uneven chunks a minute or two apart
        let chunks = if total > 5000.0 { rng.int(2, 5) } else { 1 };
        let mut t = s;
        for _ in 0..chunks {
            let part = nice(total / chunks as f64 * rng.range(0.6, 1.4));
            tr.buy(ctx, rng, m, o, t, part);
            t += rng.int(20, 400);
        }
    }
}

fn degen(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let mut p = persona(
        tz,
        rng.range(0.25, 0.7),
        rng.range(0.35, 0.8),
        rng.range(1.2, 2.5),
        vec![(rng.range(21.0, 24.5), 2.0, 0.8), (13.0, 2.0, 0.2)],
        rng,
    );
    p.bed = rng.range(24.5, 27.5);
    p.wake = rng.range(8.5, 11.0);
    let mut taste =
        Taste::new(vec![(Cat::Sports, 0.4), (Cat::Crypto, 0.25), (Cat::Culture, 0.15), (Cat::Politics, 0.15), (Cat::Weather, 0.05)]);
    taste.lo = 0.01;
    taste.hi = rng.range(0.08, 0.15);
    taste.fav = 0.0;
    let mut tr = Trader::new(w, p, taste, rng.range(2.0, 20.0));
    tr.sig = 0.8;
    tr.round_p = 0.8;
    tr.clicks = rng.range(2.0, 6.0);
    tr.gap = rng.range(20.0, 80.0);
    tr.sell_p = 0.03;
    tr.run(ctx, rng);
}

fn favourites(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = everyday_peaks(rng);
    let p = persona(tz, rng.range(0.35, 0.8), rng.range(0.3, 0.8), rng.range(1.2, 2.5), peaks, rng);
    let mut taste = Taste::new(vec![
        (Cat::Sports, 0.45),
        (Cat::Crypto, 0.2),
        (Cat::Weather, 0.1),
        (Cat::Culture, 0.1),
        (Cat::Econ, 0.1),
        (Cat::Politics, 0.05),
    ]);
    taste.lo = rng.range(0.82, 0.9);
    taste.hi = rng.range(0.95, 0.98);
    taste.fav = 1.0;
    taste.horizon = (5 * MIN, rng.int(3, 12) * HOUR);
    let mut tr = Trader::new(w, p, taste, rng.range(100.0, 2500.0));
    tr.round_p = 0.85;
    tr.sig = 0.5;
    tr.clicks = rng.range(1.2, 3.0);
    tr.sell_p = 0.02;
    tr.run(ctx, rng);
}

fn junkie(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = if rng.chance(0.7) { tz_us(rng) } else { tz_europe(rng) };
    let peaks = vec![(rng.range(7.0, 9.0), 1.0, 0.3), (rng.range(12.0, 14.0), 1.5, 0.3), (rng.range(19.0, 23.0), 1.5, 0.5)];
    let p = persona(tz, rng.range(0.5, 0.95), rng.range(0.4, 0.9), rng.range(1.5, 4.0), peaks, rng);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.78), (Cat::Econ, 0.14), (Cat::Culture, 0.08)]);
    taste.lo = 0.03;
    taste.hi = 0.97;
    taste.fav = rng.range(0.35, 0.7);
    let mut tr = Trader::new(w, p, taste, rng.range(15.0, 400.0));
    tr.sell_p = rng.range(0.1, 0.3);
    tr.limit_p = rng.range(0.05, 0.25);
    tr.clicks = rng.range(1.3, 3.0);
    let mut times = tr.p.sessions(rng);
    // breaking news pulls them in
    let react = rng.range(0.1, 0.4);
    for &id in &ctx.world.by_cat[Cat::Politics.idx()] {
        for &(jt, d) in &ctx.m(id).jumps {
            if d.abs() >= 0.06 && rng.chance(react * f64::from(d.abs()).min(0.3) / 0.3) {
                let t = jt + rng.int(3 * MIN, 90 * MIN);
                if tr.p.awake(t) && tr.p.active(t) && t >= W0 {
                    times.push(t);
                }
            }
        }
    }
    times.sort_unstable();
    for t in times {
        tr.session(ctx, rng, t);
    }
}

fn routine(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let slots = [rng.range(6.5, 8.5), rng.range(12.0, 13.0), rng.range(17.5, 18.5), rng.range(21.0, 23.0)];
    let at = *rng.pick(&slots);
    let jitter = rng.range(0.1, 0.4);
    let mut p = persona(tz, rng.range(0.7, 0.95), rng.range(0.35, 0.9), 1.0, vec![(at, jitter, 1.0)], rng);
    p.wake = p.wake.min(at - 0.5);
    p.bed = p.bed.max(at + 1.0);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.3), (Cat::Sports, 0.3), (Cat::Crypto, 0.15), (Cat::Culture, 0.15), (Cat::Econ, 0.1)]);
    taste.lo = 0.1;
    taste.hi = 0.9;
    let mut tr = Trader::new(w, p, taste, rng.range(8.0, 90.0));
    tr.clicks = rng.range(1.1, 2.5);
    tr.sell_p = rng.range(0.05, 0.25);
    tr.run(ctx, rng);
}

fn asia(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = *rng.pick(&[7.0, 8.0, 8.0, 9.0, 9.0]);
    let peaks = vec![(rng.range(12.0, 13.0), 1.0, 0.25), (rng.range(20.0, 23.5), 1.5, 0.6), (rng.range(8.0, 9.5), 0.8, 0.15)];
    let p = persona(tz, rng.range(0.3, 0.8), rng.range(0.4, 0.9), rng.range(1.2, 3.0), peaks, rng);
    let mut taste = Taste::new(vec![(Cat::Crypto, 0.35), (Cat::Sports, 0.35), (Cat::Politics, 0.2), (Cat::Culture, 0.1)]);
    taste.lo = 0.05;
    taste.hi = 0.95;
    let mut tr = Trader::new(w, p, taste, rng.range(10.0, 500.0));
    tr.clicks = rng.range(1.3, 4.0);
    tr.round_p = rng.range(0.5, 0.9);
    tr.sell_p = rng.range(0.05, 0.3);
    tr.run(ctx, rng);
}

fn night_owl(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = if rng.chance(0.75) { tz_us(rng) } else { tz_europe(rng) };
    let peaks = vec![(rng.range(23.0, 25.5), 1.3, 0.7), (rng.range(14.0, 17.0), 1.5, 0.3)];
    let mut p = persona(tz, rng.range(0.35, 0.85), rng.range(0.4, 0.9), rng.range(1.2, 2.5), peaks, rng);
    p.wake = rng.range(10.5, 13.0);
    p.bed = rng.range(26.5, 29.5);
    let mut taste = Taste::new(vec![(Cat::Sports, 0.35), (Cat::Crypto, 0.3), (Cat::Culture, 0.15), (Cat::Politics, 0.2)]);
    taste.lo = 0.05;
    taste.hi = 0.95;
    let mut tr = Trader::new(w, p, taste, rng.range(5.0, 200.0));
    tr.clicks = rng.range(1.5, 4.0);
    tr.sell_p = rng.range(0.05, 0.25);
    tr.run(ctx, rng);
}

fn manual_copier(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let li = rng.weighted(&[0.3, 0.25, 0.1, 0.2, 0.08, 0.07]).min(ctx.leaders.len().saturating_sub(1));
    let leader: Vec<Fill> = ctx.leaders.get(li).map(|l| l.1.clone()).unwrap_or_default();
    let tz = tz_world(rng);
    let peaks = everyday_peaks(rng);
    let p = persona(tz, rng.range(0.4, 0.9), rng.range(0.3, 0.8), rng.range(1.5, 4.0), peaks, rng);
    let mut tr = Trader::new(w, p, Taste::new(vec![(Cat::Politics, 1.0)]), rng.range(15.0, 200.0));
    tr.round_p = 0.9;
    tr.sig = 0.35;
    let own_p = rng.range(0.0, 0.2);
    let per_check = rng.int(1, 4) as usize;
    let follow_sells = rng.chance(0.6);
    let mut last = W0;
    let sessions = tr.p.sessions(rng);
    for s in sessions {
        let since = last.max(s - 18 * HOUR);
        last = s;
        // the leader's recent activity, newest first as the profile page shows it
        let mut seen: Vec<(u32, u8, bool, i32)> = Vec::new();
        for f in leader.iter().rev().filter(|f| f.ts > since && f.ts < s) {
            if !seen.iter().any(|x| x.0 == f.m && x.1 == f.o && x.2 == f.buy) {
                seen.push((f.m, f.o, f.buy, f.c));
            }
        }
        let mut t = s + rng.int(20, 120);
        let mut done = 0;
        for (m, o, buy, c) in seen {
            if done >= per_check || !ctx.ok(m, t) {
                continue;
            }
            if buy {
                if (ctx.m(m).ask(o, t) - c).abs() > 8 {
                    continue;
                }
                let usd = tr.stake(rng);
                if tr.buy(ctx, rng, m, o, t, usd) {
                    done += 1;
                }
            } else if follow_sells && tr.pos.contains_key(&(m, o)) {
                tr.sell(ctx, rng, m, o, t, true);
                done += 1;
            }
            t += rng.lognormal(50.0, 0.7) as i64;
        }
        if rng.chance(own_p) {
            tr.taste = Taste::new(vec![(Cat::Sports, 0.5), (Cat::Politics, 0.5)]);
            tr.session(ctx, rng, t + 60);
        }
    }
}

fn updown_gambler(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let mut p = persona(
        tz,
        rng.range(0.2, 0.7),
        rng.range(0.3, 0.8),
        rng.range(1.0, 2.0),
        vec![(rng.range(20.0, 24.0), 2.0, 0.7), (rng.range(12.0, 15.0), 1.5, 0.3)],
        rng,
    );
    p.bed = rng.range(24.0, 27.0);
    let series: u8 = *rng.pick(&[0, 0, 0, 4, 4, 1, 5, 2]);
    let base = nice(rng.range(3.0, 60.0));
    let martingale = rng.chance(0.45);
    let contrarian = rng.chance(0.3);
    let mut tr = Trader::new(w, p, Taste::new(vec![(Cat::Crypto, 1.0)]), base);
    let sessions = tr.p.sessions(rng);
    let len = if series < 4 { 900 } else { 3600 };
    for s in sessions {
        let n = rng.int(2, if len == 900 { 10 } else { 4 });
        let mut stake_now = base;
        let mut t = s;
        for _ in 0..n {
            let Some(id) = ctx.world.window(series, t) else { break };
            let m = ctx.m(id);
            // too late in this window: wait for the next
            if t > m.start + len * 2 / 3 {
                t = m.decided + rng.int(10, 240);
                continue;
            }
            let lead = m.favourite(t);
            let o = if contrarian {
                1 - lead
            } else if rng.chance(0.7) {
                lead
            } else {
                1 - lead
            };
            let usd = if rng.chance(0.8) { stake_now } else { nice(stake_now * rng.range(0.5, 2.0)) };
            if tr.buy(ctx, rng, id, o, t, usd) && martingale {
                stake_now = if m.winner == o { base } else { (stake_now * 2.0).min(base * 16.0) };
            }
            t = m.decided + rng.int(5, 200);
            if t >= NOW {
                break;
            }
        }
    }
}

fn weather_hobbyist(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let cities = [("nyc", -4.0), ("chicago", -5.0), ("miami", -4.0), ("london", 1.0), ("seoul", 9.0)];
    let (city, tz) = *rng.pick(&cities);
    let second = if rng.chance(0.35) { Some(rng.pick(&cities).0) } else { None };
    let at = if rng.chance(0.6) { rng.range(6.5, 9.0) } else { rng.range(19.0, 22.5) };
    let p = persona(tz, rng.range(0.4, 0.9), rng.range(0.4, 0.9), 1.1, vec![(at, 0.6, 1.0)], rng);
    let mut tr = Trader::new(w, p, Taste::new(vec![(Cat::Weather, 1.0)]), rng.range(4.0, 40.0));
    tr.limit_p = rng.range(0.0, 0.3);
    let no_p = rng.range(0.0, 0.35);
    let sessions = tr.p.sessions(rng);
    for s in sessions {
        let mut t = s;
        let evs: Vec<usize> = ctx
            .world
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.cat == Cat::Weather
                    && (e.slug.contains(city) || second.is_some_and(|c| e.slug.contains(c)))
                    && e.decided > t + HOUR
                    && e.decided < t + 40 * HOUR
            })
            .map(|(i, _)| i)
            .collect();
        if evs.is_empty() {
            continue;
        }
        let ev = &ctx.world.events[*rng.pick(&evs)];
        let mut legs: Vec<(u32, f64)> = ev.markets.iter().map(|&id| (id, ctx.m(id).mid(0, t))).collect();
        legs.sort_by(|a, b| b.1.total_cmp(&a.1));
        let n = rng.int(1, 3) as usize;
        for &(id, _) in legs.iter().take(n) {
            let usd = tr.stake(rng);
            tr.buy(ctx, rng, id, 0, t, usd);
            t += rng.int(15, 120);
        }
        if rng.chance(no_p)
            && let Some(&(id, _)) = legs.last()
        {
            let usd = tr.stake(rng) * 2.0;
            tr.buy(ctx, rng, id, 1, t, usd);
        }
    }
}

fn econ_trader(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = if rng.chance(0.6) { tz_us(rng) } else { tz_europe(rng) };
    let p = persona(tz, 0.0, 0.0, 1.0, vec![(12.0, 3.0, 1.0)], rng);
    let mut taste = Taste::new(vec![(Cat::Econ, 1.0)]);
    taste.lo = 0.04;
    taste.hi = 0.93;
    let mut tr = Trader::new(w, p, taste, rng.range(40.0, 700.0));
    tr.clicks = rng.range(1.3, 3.0);
    tr.sell_p = rng.range(0.1, 0.3);
    tr.limit_p = rng.range(0.05, 0.3);
    let mut times = Vec::new();
    for e in ctx.world.events.iter().filter(|e| e.cat == Cat::Econ && e.decided > W0 && e.decided < NOW) {
        if !rng.chance(0.8) {
            continue;
        }
        for _ in 0..rng.int(1, 3) {
            times.push(e.decided - rng.int(2 * HOUR, 5 * DAY));
        }
        if rng.chance(0.7) {
            times.push(e.decided - rng.int(5 * MIN, 90 * MIN));
        }
        if rng.chance(0.4) {
            times.push(e.decided + rng.int(2 * MIN, 40 * MIN));
        }
    }
    times.retain(|&t| tr.p.awake(t) && tr.p.active(t) && t >= W0);
    times.sort_unstable();
    for t in times {
        tr.session(ctx, rng, t);
    }
}

fn mentions_fan(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let p = persona(tz, rng.range(0.05, 0.2), rng.range(0.05, 0.2), 1.0, everyday_peaks(rng), rng);
    let mut taste = Taste::new(vec![(Cat::Culture, 1.0)]);
    taste.lo = 0.04;
    taste.hi = 0.95;
    let mut tr = Trader::new(w, p, taste, rng.range(4.0, 60.0));
    tr.clicks = rng.range(1.5, 4.0);
    tr.gap = rng.range(30.0, 90.0);
    tr.again_p = 0.1;
    tr.sell_p = rng.range(0.05, 0.3);
    let mut times = tr.p.sessions(rng);
    let watch = rng.range(0.3, 0.85);
    for e in ctx.world.events.iter().filter(|e| e.cat == Cat::Culture && e.start > W0 && e.start < NOW && e.decided - e.start < 6 * HOUR) {
        if rng.chance(watch) {
            times.push(e.start - rng.int(30 * MIN, 30 * HOUR));
            times.push(e.start + rng.int(0, (e.decided - e.start).max(60)));
        }
    }
    times.retain(|&t| tr.p.awake(t) && tr.p.active(t) && t >= W0);
    times.sort_unstable();
    for t in times {
        tr.session(ctx, rng, t);
    }
}

fn swing(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = everyday_peaks(rng);
    let p = persona(tz, rng.range(0.5, 0.9), rng.range(0.2, 0.6), 1.0, peaks, rng);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.5), (Cat::Econ, 0.2), (Cat::Culture, 0.2), (Cat::Sports, 0.1)]);
    taste.lo = 0.1;
    taste.hi = 0.85;
    taste.horizon = (2 * DAY, FAR);
    let mut tr = Trader::new(w, p, taste, rng.range(80.0, 800.0));
    tr.limit_p = rng.range(0.1, 0.4);
    let take = rng.range(6.0, 20.0);
    let stop = rng.range(8.0, 25.0);
    let max_pos = rng.int(3, 10) as usize;
    let sessions = tr.p.sessions(rng);
    for s in sessions {
        let mut t = s;
        for (m, o) in tr.open_positions(ctx, t) {
            let Some(pos) = tr.pos.get(&(m, o)).copied() else { continue };
            let now = f64::from(ctx.m(m).bid(o, t));
            if now - pos.avg >= take || pos.avg - now >= stop || (t - pos.since > 12 * DAY && rng.chance(0.3)) {
                let all = rng.chance(0.7);
                tr.sell(ctx, rng, m, o, t, all);
                t += rng.int(20, 200);
            }
        }
        if tr.pos.len() < max_pos
            && rng.chance(0.6)
            && let Some((m, o)) = pick(ctx, rng, &tr.taste, t)
        {
            let usd = tr.stake(rng);
            tr.buy(ctx, rng, m, o, t, usd);
        }
    }
}

fn weekend_warrior(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let p = persona(
        tz,
        rng.range(0.0, 0.08),
        rng.range(0.6, 0.95),
        rng.range(1.5, 3.5),
        vec![(rng.range(13.0, 17.0), 2.5, 0.5), (rng.range(19.0, 23.0), 1.5, 0.5)],
        rng,
    );
    let mut taste = Taste::new(vec![(Cat::Sports, 0.7), (Cat::Crypto, 0.2), (Cat::Culture, 0.1)]);
    taste.lo = 0.1;
    taste.hi = 0.9;
    let mut tr = Trader::new(w, p, taste, rng.range(10.0, 150.0));
    tr.clicks = rng.range(1.8, 4.5);
    tr.sell_p = rng.range(0.05, 0.2);
    tr.run(ctx, rng);
}

fn power_user(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let tz = tz_world(rng);
    let peaks = vec![(rng.range(8.0, 10.0), 1.5, 0.25), (rng.range(12.0, 15.0), 2.0, 0.3), (rng.range(19.0, 23.0), 2.0, 0.45)];
    let mut p = persona(tz, rng.range(0.75, 0.97), rng.range(0.6, 0.95), rng.range(3.5, 8.0), peaks, rng);
    p.wake = rng.range(6.5, 9.5);
    p.bed = p.wake + rng.range(15.5, 17.5);
    let taste = Taste::new(vec![
        (Cat::Sports, 0.35),
        (Cat::Politics, 0.2),
        (Cat::Crypto, 0.2),
        (Cat::Culture, 0.1),
        (Cat::Econ, 0.08),
        (Cat::Weather, 0.07),
    ]);
    let mut tr = Trader::new(w, p, taste, rng.range(10.0, 300.0));
    tr.sig = 0.8;
    tr.round_p = rng.range(0.4, 0.8);
    tr.clicks = rng.range(3.0, 7.0);
    tr.gap = rng.range(25.0, 70.0);
    tr.sell_p = rng.range(0.2, 0.35);
    tr.limit_p = rng.range(0.05, 0.25);
    tr.again_p = 0.3;
    tr.run(ctx, rng);
}

// ---------------------------------------------------------------- well-known wallets others copy

/// Six widely followed wallets (not labelled: they sit in the crowd) and their fills.
pub fn leaders(ctx: &mut Ctx) {
    #[allow(clippy::type_complexity)]
    let specs: [(f64, Vec<(Cat, f64)>, f64, f64, f64); 6] = [
        (-5.0, vec![(Cat::Sports, 1.0)], 6000.0, 0.7, 2.0),
        (-4.0, vec![(Cat::Politics, 0.8), (Cat::Econ, 0.2)], 8000.0, 0.6, 1.5),
        (8.0, vec![(Cat::Crypto, 1.0)], 1500.0, 0.8, 3.0),
        (1.0, vec![(Cat::Sports, 0.4), (Cat::Politics, 0.3), (Cat::Culture, 0.15), (Cat::Econ, 0.15)], 1200.0, 0.85, 3.5),
        (-4.0, vec![(Cat::Weather, 0.6), (Cat::Econ, 0.4)], 400.0, 0.75, 2.0),
        (-7.0, vec![(Cat::Culture, 0.8), (Cat::Politics, 0.2)], 700.0, 0.6, 2.0),
    ];
    let start = ctx.fills.len();
    let mut ids = Vec::new();
    for (i, (tz, cats, med, day_p, sessions)) in specs.into_iter().enumerate() {
        let mut rng = Rng::stream("leader", i as u64);
        let w = CROWD | (POOL + i as u32);
        let peaks = everyday_peaks(&mut rng);
        let mut p = persona(tz, day_p, day_p * 0.8, sessions, peaks, &mut rng);
        p.from = W0 - DAY;
        p.to = NOW;
        let mut taste = Taste::new(cats);
        taste.lo = 0.1;
        taste.hi = 0.92;
        let mut tr = Trader::new(w, p, taste, med);
        tr.sig = 0.6;
        tr.sell_p = 0.25;
        tr.limit_p = 0.15;
        tr.clicks = 2.0;
        tr.run(ctx, &mut rng);
        ids.push(w);
    }
    let mut rows: Vec<Fill> = ctx.fills.split_off(start);
    rows.sort_by_key(|f| (f.ts, f.tx));
    for w in ids {
        let mine: Vec<Fill> = rows.iter().filter(|f| f.w == w).copied().collect();
        ctx.leaders.push((w, mine));
    }
    ctx.background.extend(rows);
}
