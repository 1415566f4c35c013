//! People: how real people use Polymarket from a phone or a browser.

use super::rng::Rng;
use super::world::{DAY, Kind, NOW, START, weekday};
use super::{Ctx, Fill, Gen, each, shares_for};

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("casual_phone_punter", 22, casual as Gen),
        ("sports_fan_pregame_inplay", 18, sports_fan),
        ("day_trader_in_and_out", 15, day_trader),
        ("whale", 12, whale),
        ("degen_longshots", 16, degen),
        ("favourites_near_resolution", 14, favourites),
        ("political_junkie", 17, junkie),
        ("same_time_every_day", 13, checkin),
        ("asia_pacific_trader", 14, asia),
        ("shift_worker", 12, shift),
        ("night_owl", 13, night_owl),
        ("manual_copier_of_famous_wallet", 14, manual_copier),
        ("weekend_sports_bettor", 16, weekend),
        ("crypto_chart_watcher", 15, crypto_watcher),
        ("weather_hobbyist", 11, weather_fan),
        ("mentions_and_culture_fan", 12, mentions_fan),
    ]
}

pub struct Habit {
    pub tz: i64,
    /// (local hour from, to, weight); hours may run past 24.
    pub windows: Vec<(f64, f64, f64)>,
    pub wd: f64,
    pub we: f64,
    pub per_day: f64,
}

pub fn local_day(t: i64, tz: i64) -> i64 {
    weekday(t + tz * 3600)
}

/// Start times of the sessions a person opens the app, over the window.
pub fn sessions(r: &mut Rng, h: &Habit) -> Vec<i64> {
    let mut out = Vec::new();
    let away_from = r.int(0, 40);
    let away_len = if r.chance(0.35) { r.int(2, 8) } else { 0 };
    let ws: Vec<f64> = h.windows.iter().map(|w| w.2).collect();
    for d in -1..31 {
        if d >= away_from && d < away_from + away_len {
            continue;
        }
        let day_local = START - START.rem_euclid(DAY) + d * DAY - h.tz * 3600;
        let wd = weekday(day_local + h.tz * 3600);
        let p = if wd >= 5 { h.we } else { h.wd };
        if !r.chance(p) {
            continue;
        }
        let n = 1 + r.poisson((h.per_day - 1.0).max(0.0));
        for _ in 0..n {
            let w = h.windows[r.weighted(&ws)];
            let t = day_local + (r.range(w.0, w.1) * 3600.0) as i64;
            if (START..NOW).contains(&t) {
                out.push(t);
            }
        }
    }
    out.sort();
    out
}

const NICE: [f64; 27] = [
    1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0, 750.0, 1000.0, 1500.0, 2000.0,
    2500.0, 5000.0, 10000.0, 20000.0, 25000.0, 50000.0,
];

/// A stake the way people type it: mostly a round number, sometimes what is left in the balance.
pub fn stake(r: &mut Rng, typical: f64, round_p: f64) -> f64 {
    let x = r.lognormal(typical, 0.6);
    if r.chance(round_p) {
        let mut best = NICE[0];
        for v in NICE {
            if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
                best = v;
            }
        }
        best
    } else if r.chance(0.5) {
        x.round().max(1.0)
    } else {
        (x * 100.0).round() / 100.0
    }
}

#[derive(Clone)]
pub struct Taste {
    pub kinds: Vec<(Kind, f64)>,
    pub fav: f64,
    pub lo: i64,
    pub hi: i64,
    pub stake: f64,
    pub round_p: f64,
    pub sell_p: f64,
    pub clicks: f64,
    pub closing_within: Option<i64>,
    pub inplay: bool,
    pub limit_p: f64,
    pub levels: usize,
}

impl Taste {
    fn new(kinds: &[(Kind, f64)], stake: f64) -> Taste {
        Taste {
            kinds: kinds.to_vec(),
            fav: 0.6,
            lo: 3,
            hi: 97,
            stake,
            round_p: 0.8,
            sell_p: 0.12,
            clicks: 1.6,
            closing_within: None,
            inplay: false,
            limit_p: 0.1,
            levels: 1,
        }
    }
}

pub type Held = Vec<(usize, usize, i64)>;

fn choose_market(r: &mut Rng, ctx: &Ctx, taste: &Taste, t: i64) -> Option<usize> {
    let kw: Vec<f64> = taste.kinds.iter().map(|k| k.1).collect();
    for _ in 0..4 {
        let k = taste.kinds[r.weighted(&kw)].0;
        if k == Kind::Crypto {
            if let Some(m) = ctx.w.crypto_at(r.weighted(&[3.0, 1.5, 1.0]), t) {
                return Some(m);
            }
            continue;
        }
        let live: Vec<usize> = ctx
            .w
            .live_of(&[k], t)
            .into_iter()
            .filter(|&m| {
                let mk = &ctx.w.markets[m];
                let soon = taste.closing_within.is_none_or(|s| mk.close - t < s);
                let play = !taste.inplay || mk.kind != Kind::Sports || t >= mk.start || mk.start - t < 3 * 3600;
                soon && play
            })
            .collect();
        if live.is_empty() {
            continue;
        }
        let ws: Vec<f64> = live.iter().map(|&m| ctx.w.markets[m].busy.sqrt()).collect();
        return Some(live[r.weighted(&ws)]);
    }
    None
}

/// One visit to the app: a few orders, sometimes closing something held.
pub fn session(r: &mut Rng, ctx: &mut Ctx, t0: i64, taste: &Taste, held: &mut Held) -> Vec<Fill> {
    let mut out = Vec::new();
    let n = 1 + r.poisson((taste.clicks - 1.0).max(0.0));
    let mut t = t0;
    for _ in 0..n {
        if !held.is_empty() && r.chance(taste.sell_p) {
            let i = r.below(held.len());
            let (m, o, sz) = held[i];
            if ctx.w.markets[m].live(t) {
                let part = if r.chance(0.6) { sz } else { (sz / 200).max(5) * 100 };
                if part >= 500 {
                    out.extend(ctx.take_shares(t, m, o, false, part, 1));
                    held[i].2 -= part;
                    if held[i].2 < 500 {
                        held.swap_remove(i);
                    }
                }
                t += r.lognormal(35.0, 0.8) as i64 + 3;
                continue;
            }
        }
        let Some(m) = choose_market(r, ctx, taste, t) else { continue };
        let p0 = ctx.w.markets[m].mid(t, 0);
        let want_fav = r.chance(taste.fav);
        let mut o = if (p0 >= 0.5) == want_fav { 0 } else { 1 };
        let mut c = ctx.w.markets[m].ask(t, o);
        if c < taste.lo || c > taste.hi {
            o = 1 - o;
            c = ctx.w.markets[m].ask(t, o);
            if c < taste.lo || c > taste.hi {
                continue;
            }
        }
        let usd = stake(r, taste.stake, taste.round_p);
        let fills = if r.chance(taste.limit_p) {
            let ft = t + r.exp(1200.0) as i64 + 5;
            if !ctx.w.markets[m].live(ft) {
                continue;
            }
            let cc = (c - 1).max(1);
            vec![ctx.maker(ft, m, o, true, shares_for(usd, cc))]
        } else if r.chance(0.12) {
            let sh = *r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0]) * (taste.stake / 30.0).max(1.0).round();
            ctx.take_shares(t, m, o, true, (sh * 100.0) as i64, taste.levels)
        } else {
            let levels = if usd > 2000.0 { taste.levels.max(1) + r.below(3) } else { taste.levels };
            ctx.take(t, m, o, true, usd, levels)
        };
        let sz: i64 = fills.iter().map(|f| f.size).sum();
        held.push((m, o, sz));
        out.extend(fills);
        if r.chance(0.03) {
            // A second tap on the same button.
            t += r.int(2, 9);
            out.extend(ctx.take(t, m, o, true, usd, 1));
        }
        t += r.lognormal(50.0, 0.9) as i64 + 4;
    }
    out
}

fn run(r: &mut Rng, ctx: &mut Ctx, h: &Habit, taste: &Taste) -> Vec<Fill> {
    let mut held = Vec::new();
    let mut out = Vec::new();
    for t in sessions(r, h) {
        out.extend(session(r, ctx, t, taste, &mut held));
    }
    out
}

fn us_tz(r: &mut Rng) -> i64 {
    *r.pick(&[-5, -5, -5, -6, -6, -7, -8, -8, 0, 1, -3])
}

fn casual(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(7.0, 9.0, 1.0), (12.0, 13.5, 1.0), (18.0, 23.5, 3.0)],
            wd: r.range(0.04, 0.3),
            we: r.range(0.1, 0.45),
            per_day: r.range(1.0, 1.4),
        };
        let mut t = Taste::new(
            &[(Kind::Sports, 3.0), (Kind::Politics, 2.0), (Kind::NegRisk, 1.0), (Kind::Culture, 0.7), (Kind::Crypto, 0.5)],
            r.lognormal(20.0, 0.7),
        );
        t.clicks = r.range(1.0, 2.2);
        t.round_p = 0.85;
        run(r, ctx, &h, &t)
    })
}

fn junkie(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[-5, -5, -8, -6, 0]),
            windows: vec![(6.5, 9.0, 2.0), (11.0, 14.0, 1.0), (17.0, 24.5, 2.5)],
            wd: r.range(0.4, 0.95),
            we: r.range(0.3, 0.8),
            per_day: r.range(1.2, 4.0),
        };
        let mut t = Taste::new(
            &[(Kind::Politics, 5.0), (Kind::NegRisk, 2.0), (Kind::Economics, 0.6), (Kind::Culture, 0.8)],
            r.lognormal(80.0, 0.9),
        );
        t.sell_p = r.range(0.1, 0.35);
        t.clicks = r.range(1.2, 3.5);
        t.fav = r.range(0.35, 0.65);
        t.limit_p = r.range(0.05, 0.3);
        let mut out = run(r, ctx, &h, &t);
        // Reacting to news they follow: they open the app within the hour of a big move.
        let pol = ctx.w.by_kind[super::world::kind_ix(Kind::Politics)].clone();
        let mut held = Vec::new();
        let pol: Vec<usize> = pol.into_iter().filter(|_| r.chance(0.3)).collect();
        for m in pol {
            for j in ctx.w.markets[m].jumps.clone() {
                let lt = (j + h.tz * 3600).rem_euclid(DAY) as f64 / 3600.0;
                if !(7.0..24.0).contains(&lt) || !r.chance(0.5) {
                    continue;
                }
                let t0 = j + r.lognormal(900.0, 0.9) as i64;
                if t0 < NOW && ctx.w.markets[m].live(t0) {
                    let up = ctx.w.markets[m].p(t0) > ctx.w.markets[m].p(j - 120);
                    let o = if up == r.chance(0.7) { 0 } else { 1 };
                    let c = ctx.w.markets[m].ask(t0, o);
                    if (3..=97).contains(&c) {
                        let usd = stake(r, t.stake, 0.8);
                        let f = ctx.take(t0, m, o, true, usd, 1);
                        held.push((m, o, f.iter().map(|x| x.size).sum::<i64>()));
                        out.extend(f);
                    }
                }
            }
        }
        out
    })
}

fn whale(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[-5, -8, 0, 1, 8, 4, -5]),
            windows: vec![(8.0, 12.0, 1.5), (13.0, 19.0, 1.5), (20.0, 24.0, 1.0)],
            wd: r.range(0.15, 0.6),
            we: r.range(0.05, 0.4),
            per_day: r.range(1.0, 2.0),
        };
        let mut t = Taste::new(
            &[(Kind::Politics, 3.0), (Kind::NegRisk, 2.0), (Kind::Sports, 2.0), (Kind::Economics, 1.0)],
            r.lognormal(6000.0, 0.7),
        );
        t.levels = r.int(1, 3) as usize;
        t.sell_p = r.range(0.05, 0.3);
        t.lo = 10;
        t.hi = 92;
        t.limit_p = r.range(0.1, 0.45);
        t.clicks = r.range(1.0, 2.5);
        run(r, ctx, &h, &t)
    })
}

fn degen(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(10.0, 16.0, 1.0), (19.0, 27.0, 3.0)],
            wd: r.range(0.3, 0.85),
            we: r.range(0.4, 0.95),
            per_day: r.range(1.5, 4.0),
        };
        let mut t = Taste::new(
            &[(Kind::Sports, 2.0), (Kind::Crypto, 2.0), (Kind::Culture, 1.0), (Kind::NegRisk, 1.0), (Kind::Weather, 0.5)],
            r.lognormal(12.0, 0.8),
        );
        t.fav = r.range(0.0, 0.15);
        t.lo = 1;
        t.hi = r.int(8, 20);
        t.clicks = r.range(2.0, 6.0);
        t.sell_p = 0.04;
        t.inplay = true;
        run(r, ctx, &h, &t)
    })
}

fn favourites(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(7.0, 10.0, 1.0), (12.0, 14.0, 1.0), (19.0, 25.0, 2.5)],
            wd: r.range(0.3, 0.9),
            we: r.range(0.3, 0.9),
            per_day: r.range(1.0, 3.0),
        };
        let mut t = Taste::new(
            &[(Kind::Sports, 3.0), (Kind::Economics, 1.0), (Kind::Weather, 1.0), (Kind::Culture, 1.0), (Kind::Crypto, 0.7)],
            r.lognormal(300.0, 0.9),
        );
        t.fav = 1.0;
        t.lo = r.int(82, 90);
        t.hi = r.int(96, 99);
        t.closing_within = Some(r.int(2, 10) * 3600);
        t.clicks = r.range(1.0, 3.0);
        t.sell_p = 0.02;
        t.inplay = true;
        run(r, ctx, &h, &t)
    })
}

fn checkin(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let at = r.range(6.5, 22.5);
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(at, at + r.range(0.2, 0.6), 1.0)],
            wd: r.range(0.55, 0.95),
            we: r.range(0.2, 0.8),
            per_day: 1.0,
        };
        let mut t = Taste::new(
            &[(Kind::Politics, 2.0), (Kind::Sports, 2.0), (Kind::NegRisk, 1.0), (Kind::Economics, 0.5), (Kind::Crypto, 0.5)],
            r.lognormal(40.0, 0.8),
        );
        t.clicks = r.range(1.0, 3.5);
        t.sell_p = r.range(0.1, 0.3);
        run(r, ctx, &h, &t)
    })
}

fn asia(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[8, 8, 9, 9, 7, 10, 5]),
            windows: vec![(7.0, 9.0, 1.5), (12.0, 13.5, 1.0), (20.0, 25.5, 2.5)],
            wd: r.range(0.2, 0.8),
            we: r.range(0.3, 0.9),
            per_day: r.range(1.0, 3.0),
        };
        let mut t =
            Taste::new(&[(Kind::Crypto, 2.5), (Kind::Sports, 2.0), (Kind::Politics, 1.5), (Kind::NegRisk, 1.0)], r.lognormal(60.0, 1.0));
        t.clicks = r.range(1.0, 4.0);
        t.sell_p = r.range(0.05, 0.3);
        t.inplay = r.chance(0.5);
        run(r, ctx, &h, &t)
    })
}

fn shift(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let tz = us_tz(r);
        let mut t =
            Taste::new(&[(Kind::Sports, 2.0), (Kind::Politics, 1.5), (Kind::Crypto, 1.0), (Kind::Culture, 0.5)], r.lognormal(35.0, 0.8));
        t.clicks = r.range(1.0, 3.0);
        let mut out = Vec::new();
        let mut held = Vec::new();
        // Rotating shifts: the free hours move week to week.
        let base = r.below(3);
        for week in 0..5 {
            let (a, b) = [(9.0, 14.0), (17.0, 23.0), (1.0, 6.0)][(base + week) % 3];
            let h = Habit { tz, windows: vec![(a, b, 1.0)], wd: r.range(0.2, 0.6), we: r.range(0.2, 0.6), per_day: r.range(1.0, 2.0) };
            for s in sessions(r, &h) {
                let wk = ((s - START) / (7 * DAY)) as usize;
                if wk == week {
                    out.extend(session(r, ctx, s, &t, &mut held));
                }
            }
        }
        out
    })
}

fn night_owl(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(23.0, 28.5, 4.0), (14.0, 18.0, 0.5)],
            wd: r.range(0.3, 0.8),
            we: r.range(0.4, 0.9),
            per_day: r.range(1.0, 2.5),
        };
        let mut t =
            Taste::new(&[(Kind::Crypto, 2.0), (Kind::Sports, 2.0), (Kind::Politics, 1.0), (Kind::Weather, 0.5)], r.lognormal(30.0, 0.9));
        t.clicks = r.range(1.5, 5.0);
        t.sell_p = r.range(0.05, 0.25);
        t.inplay = true;
        run(r, ctx, &h, &t)
    })
}

fn weekend(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[0, 0, 1, -5, -5, 2]),
            windows: vec![(10.0, 14.0, 2.0), (14.0, 22.0, 2.0)],
            wd: r.range(0.0, 0.06),
            we: r.range(0.5, 0.95),
            per_day: r.range(1.5, 3.5),
        };
        let mut t = Taste::new(&[(Kind::Sports, 1.0)], r.lognormal(25.0, 0.8));
        t.clicks = r.range(2.0, 6.0);
        t.fav = r.range(0.5, 0.8);
        t.inplay = true;
        t.sell_p = r.range(0.02, 0.15);
        run(r, ctx, &h, &t)
    })
}

fn weather_fan(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[-5, 0, -5, 0, -6]),
            windows: vec![(6.0, 9.0, 2.0), (17.0, 22.0, 1.0)],
            wd: r.range(0.3, 0.8),
            we: r.range(0.2, 0.7),
            per_day: 1.2,
        };
        let mut t = Taste::new(&[(Kind::Weather, 6.0), (Kind::Sports, 0.5)], r.lognormal(15.0, 0.7));
        t.clicks = r.range(1.0, 3.0);
        t.fav = r.range(0.5, 0.9);
        t.sell_p = 0.05;
        run(r, ctx, &h, &t)
    })
}

fn mentions_fan(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: us_tz(r),
            windows: vec![(11.0, 16.0, 1.0), (17.0, 23.0, 2.0)],
            wd: r.range(0.2, 0.7),
            we: r.range(0.1, 0.5),
            per_day: r.range(1.0, 2.0),
        };
        let mut t = Taste::new(&[(Kind::Culture, 5.0), (Kind::Politics, 1.0)], r.lognormal(25.0, 0.8));
        t.clicks = r.range(1.5, 5.0);
        t.fav = r.range(0.3, 0.6);
        t.sell_p = r.range(0.05, 0.3);
        run(r, ctx, &h, &t)
    })
}

fn sports_fan(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let tz = us_tz(r);
        let k = r.int(1, 4) as usize;
        let teams: Vec<usize> = (0..k).map(|_| r.below(34)).collect();
        let loyal = r.range(0.6, 0.95);
        let usd0 = r.lognormal(30.0, 0.9);
        let follow = r.range(0.5, 0.95);
        let sports = ctx.w.by_kind[super::world::kind_ix(Kind::Sports)].clone();
        let mut out = Vec::new();
        for m in sports {
            let mk = &ctx.w.markets[m];
            let side = if teams.contains(&mk.team[0]) {
                0
            } else if teams.contains(&mk.team[1]) {
                1
            } else if r.chance(0.015) {
                r.below(2)
            } else {
                continue;
            };
            if !r.chance(follow) {
                continue;
            }
            let (start, close) = (mk.start, mk.close);
            let mut held = 0i64;
            if r.chance(0.75) {
                let t = start - r.lognormal(2.0 * 3600.0, 1.0) as i64;
                let lt = (t + tz * 3600).rem_euclid(DAY) as f64 / 3600.0;
                if lt > 7.0 && ctx.w.markets[m].live(t) {
                    let o = if r.chance(loyal) { side } else { 1 - side };
                    let f = ctx.take(t, m, o, true, stake(r, usd0, 0.85), 1);
                    if o == side {
                        held += f.iter().map(|x| x.size).sum::<i64>();
                    }
                    out.extend(f);
                }
            }
            let lam = r.range(0.3, 2.5);
            let inplay = r.poisson(lam);
            let mut t = start + r.int(5, 40) * 60;
            for _ in 0..inplay {
                t += r.exp(1500.0) as i64;
                if t >= close || !ctx.w.markets[m].live(t) {
                    break;
                }
                let p = ctx.w.markets[m].mid(t, side);
                if held > 0 && p > 0.8 && r.chance(0.4) {
                    out.extend(ctx.take_shares(t, m, side, false, held, 1));
                    held = 0;
                } else if (6..=94).contains(&ctx.w.markets[m].ask(t, side)) {
                    let f = ctx.take(t, m, side, true, stake(r, usd0 * 0.7, 0.85), 1);
                    held += f.iter().map(|x| x.size).sum::<i64>();
                    out.extend(f);
                    // A quick burst: a second bet as the play unfolds.
                    if r.chance(0.2) {
                        t += r.int(8, 60);
                        if ctx.w.markets[m].live(t) {
                            out.extend(ctx.take(t, m, side, true, stake(r, usd0 * 0.5, 0.85), 1));
                        }
                    }
                }
            }
        }
        out
    })
}

fn day_trader(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[-5, -5, -6, -8, 0, 1]),
            windows: vec![(8.5, 12.0, 2.0), (13.0, 17.0, 2.0), (19.0, 23.0, 1.0)],
            wd: r.range(0.5, 0.95),
            we: r.range(0.05, 0.5),
            per_day: r.range(1.0, 2.5),
        };
        let usd0 = r.lognormal(400.0, 0.8);
        let taste = Taste::new(
            &[(Kind::Politics, 2.0), (Kind::Sports, 2.0), (Kind::Crypto, 1.5), (Kind::NegRisk, 1.0), (Kind::Economics, 0.5)],
            usd0,
        );
        let mut out = Vec::new();
        for s in sessions(r, &h) {
            let trips = r.int(1, 6);
            let mut t = s;
            for _ in 0..trips {
                let Some(m) = choose_market(r, ctx, &taste, t) else { continue };
                let o = r.below(2);
                let c = ctx.w.markets[m].ask(t, o);
                if !(10..=90).contains(&c) {
                    continue;
                }
                let usd = stake(r, usd0, 0.7);
                let f = ctx.take(t, m, o, true, usd, 1 + usize::from(usd > 1500.0));
                let sz: i64 = f.iter().map(|x| x.size).sum();
                out.extend(f);
                let hold = r.lognormal(900.0, 0.8) as i64 + 60;
                let te = (t + hold).min(ctx.w.markets[m].end() - 1);
                if te > t {
                    if r.chance(0.3) && sz >= 1000 {
                        let half = (sz / 200) * 100;
                        out.extend(ctx.take_shares(te, m, o, false, half, 1));
                        let te2 = te + r.int(60, 1500);
                        if ctx.w.markets[m].live(te2) && sz - half >= 500 {
                            out.extend(ctx.take_shares(te2, m, o, false, sz - half, 1));
                        }
                    } else {
                        out.extend(ctx.take_shares(te, m, o, false, sz, 1));
                    }
                }
                t += r.lognormal(600.0, 0.9) as i64;
            }
        }
        out
    })
}

fn manual_copier(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let tz = us_tz(r);
        let target = r.below(ctx.famous.len());
        let follow = r.range(0.2, 0.8);
        let usd0 = r.lognormal(40.0, 0.8);
        let src = ctx.famous[target].clone();
        let mut out = Vec::new();
        let mut held: Vec<(usize, usize, i64)> = Vec::new();
        let mut last_tx = 0;
        for f in src {
            if f.tx == last_tx {
                continue;
            }
            last_tx = f.tx;
            if !r.chance(follow) {
                continue;
            }
            // They see it when they next look at the leader's profile.
            let mut t = f.t + r.lognormal(1800.0, 1.2) as i64 + 60;
            let lt = ((t + tz * 3600).rem_euclid(DAY) as f64) / 3600.0;
            if lt < 7.5 {
                t += ((7.5 - lt) * 3600.0) as i64 + r.int(0, 5400);
            }
            if t >= NOW || !ctx.w.markets[f.m].live(t) {
                continue;
            }
            if f.buy {
                let c = ctx.w.markets[f.m].ask(t, f.o);
                if (3..=97).contains(&c) {
                    let fs = ctx.take(t, f.m, f.o, true, stake(r, usd0, 0.85), 1);
                    held.push((f.m, f.o, fs.iter().map(|x| x.size).sum()));
                    out.extend(fs);
                }
            } else if let Some(i) = held.iter().position(|h| h.0 == f.m && h.1 == f.o) {
                if r.chance(0.7) {
                    let sz = held[i].2;
                    held.swap_remove(i);
                    out.extend(ctx.take_shares(t, f.m, f.o, false, sz, 1));
                }
            }
        }
        out
    })
}

fn crypto_watcher(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let h = Habit {
            tz: *r.pick(&[-5, -8, 0, 1, 3, 8, -3]),
            windows: vec![(9.0, 12.0, 1.0), (13.0, 18.0, 1.0), (19.0, 25.0, 2.0)],
            wd: r.range(0.2, 0.7),
            we: r.range(0.3, 0.9),
            per_day: r.range(1.0, 2.0),
        };
        let usd0 = r.lognormal(20.0, 0.8);
        let coin_w = [1.0, r.range(0.0, 0.8), r.range(0.0, 0.5)];
        let mut out = Vec::new();
        for s in sessions(r, &h) {
            let clicks = r.int(2, 14);
            let mut t = s;
            let mut held: Option<(usize, usize, i64)> = None;
            for _ in 0..clicks {
                t += r.lognormal(150.0, 1.0) as i64;
                let coin = r.weighted(&coin_w);
                let Some(m) = ctx.w.crypto_at(coin, t) else { continue };
                if let Some((hm, ho, hs)) = held {
                    if hm == m && r.chance(0.3) {
                        out.extend(ctx.take_shares(t, m, ho, false, hs, 1));
                        held = None;
                        continue;
                    }
                }
                let mv = ctx.w.markets[m].p(t) - ctx.w.markets[m].p(t - 600);
                let o = if (mv > 0.0) == r.chance(0.65) { 0 } else { 1 };
                let c = ctx.w.markets[m].ask(t, o);
                if !(5..=95).contains(&c) {
                    continue;
                }
                let f = ctx.take(t, m, o, true, stake(r, usd0, 0.9), 1);
                held = Some((m, o, f.iter().map(|x| x.size).sum()));
                out.extend(f);
            }
        }
        out
    })
}
