//! People: how real punters, fans, traders and followers use Polymarket.

use super::crowd::human_hour;
use super::exec::{Amt, How, Order};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, LEAGUES, World};
use super::{Ctx, Kindred, NOW, W0};
use copycat_core::trade::Side;

pub fn kinds() -> Vec<Kindred> {
    vec![
        Kindred { name: "casual_phone_punter", bot: false, count: 14, split: false, make: casual },
        Kindred { name: "sports_fan_pregame", bot: false, count: 13, split: false, make: fan_pregame },
        Kindred { name: "sports_fan_inplay", bot: false, count: 12, split: false, make: fan_inplay },
        Kindred { name: "intraday_trader", bot: false, count: 12, split: false, make: day_trader },
        Kindred { name: "whale_conviction", bot: false, count: 11, split: false, make: whale },
        Kindred { name: "degen_longshot", bot: false, count: 12, split: false, make: degen },
        Kindred { name: "favourite_near_close", bot: false, count: 11, split: false, make: favourite_near_close },
        Kindred { name: "political_junkie", bot: false, count: 13, split: false, make: junkie },
        Kindred { name: "daily_checkin", bot: false, count: 12, split: false, make: daily_checkin },
        Kindred { name: "asia_morning_bettor", bot: false, count: 11, split: false, make: asia_morning },
        Kindred { name: "night_owl", bot: false, count: 11, split: false, make: night_owl },
        Kindred { name: "manual_copier", bot: false, count: 12, split: false, make: manual_copier },
        Kindred { name: "crypto_updown_gambler", bot: false, count: 13, split: false, make: updown_gambler },
        Kindred { name: "weather_hobbyist", bot: false, count: 10, split: false, make: weather_hobbyist },
        Kindred { name: "mentions_live_watcher", bot: false, count: 11, split: false, make: mentions_watcher },
        Kindred { name: "econ_release_trader", bot: false, count: 10, split: false, make: econ_trader },
        Kindred { name: "weekend_warrior", bot: false, count: 12, split: false, make: weekend_warrior },
        Kindred { name: "swing_holder", bot: false, count: 12, split: false, make: swing_holder },
    ]
}

/// Where and when someone lives.
pub struct Persona {
    pub tz: i64,
    pub wake: f64,
    pub sleep: f64,
    pub weekend: f64,
    pub away: Option<(i64, i64)>,
}

impl Persona {
    pub fn new(rng: &mut Rng) -> Persona {
        let tz = [-4i64, -4, -4, -5, -5, -7, -7, 1, 2, 2, 0, 8, -3, 10, 3, 5][rng.below(16)];
        Persona::with_tz(rng, tz)
    }

    pub fn with_tz(rng: &mut Rng, tz_hours: i64) -> Persona {
        let wake = rng.range(6.0, 9.5);
        let sleep = rng.range(22.5, 25.5);
        let away = if rng.chance(0.3) {
            let s = rng.int(0, 27);
            Some((s, s + rng.int(2, 8)))
        } else {
            None
        };
        Persona { tz: tz_hours * HOUR, wake, sleep, weekend: rng.range(0.6, 1.8), away }
    }

    pub fn local_hour(&self, t: i64) -> f64 {
        (t + self.tz).rem_euclid(DAY) as f64 / HOUR as f64
    }

    pub fn awake(&self, t: i64) -> bool {
        let h = self.local_hour(t);
        let h2 = h + 24.0;
        (h >= self.wake && h < self.sleep) || h2 < self.sleep
    }

    /// Local day index within the window and whether it is a weekend.
    pub fn day_of(&self, t: i64) -> (i64, bool) {
        let d = (t + self.tz - W0).div_euclid(DAY);
        let wd = ((t + self.tz).div_euclid(DAY) + 4).rem_euclid(7);
        (d, wd == 0 || wd == 6)
    }

    pub fn is_away(&self, t: i64) -> bool {
        let (d, _) = self.day_of(t);
        self.away.map(|(a, b)| d >= a && d < b).unwrap_or(false)
    }

    /// The UTC time of local day d (0 = first local day of the window) at local hour h.
    pub fn at(&self, d: i64, h: f64) -> i64 {
        let local_midnight = (W0 + self.tz).div_euclid(DAY) * DAY + d * DAY;
        local_midnight + (h * HOUR as f64) as i64 - self.tz
    }

    /// Session start times over the window.
    pub fn sessions(&self, per_day: f64, hour: &mut dyn FnMut(&mut Rng) -> f64, rng: &mut Rng) -> Vec<i64> {
        let mut v = Vec::new();
        for d in 0..31 {
            let probe = self.at(d, 12.0);
            if self.is_away(probe) {
                continue;
            }
            let (_, weekend) = self.day_of(probe);
            let n = rng.poisson(per_day * if weekend { self.weekend } else { 1.0 });
            for _ in 0..n {
                let h = hour(rng);
                let t = self.at(d, h);
                if (W0..NOW).contains(&t) && self.awake(t) {
                    v.push(t);
                }
            }
        }
        v.sort();
        v
    }
}

/// Amounts people type: round numbers, sometimes the exact balance left.
pub fn nice(x: f64, rng: &mut Rng) -> f64 {
    if rng.chance(0.12) {
        return (x * 100.0).round() / 100.0;
    }
    let x = x.max(1.0);
    let step = if x < 8.0 {
        1.0
    } else if x < 40.0 {
        5.0
    } else if x < 150.0 {
        if rng.chance(0.5) { 10.0 } else { 25.0 }
    } else if x < 1000.0 {
        50.0
    } else if x < 5000.0 {
        if rng.chance(0.5) { 100.0 } else { 500.0 }
    } else {
        1000.0
    };
    ((x / step).round() * step).max(step)
}

pub fn pick_busy(w: &World, rng: &mut Rng, kinds: &[Kind], t: i64, pow: f64, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
    let c: Vec<usize> = w.open_markets(kinds, t).into_iter().filter(|&m| ok(m)).collect();
    if c.is_empty() {
        return None;
    }
    let wts: Vec<f64> = c.iter().map(|&m| w.markets[m].busy.powf(pow)).collect();
    Some(c[rng.weighted(&wts)])
}

pub fn fav(w: &World, m: usize, t: i64) -> usize {
    usize::from(w.mid(m, 0, t) < 0.5)
}

fn mid_ok(w: &World, m: usize, t: i64, lo: f64, hi: f64) -> bool {
    let p = w.mid(m, 0, t);
    p >= lo && p <= hi
}

fn clicks(t: i64, n: usize, rng: &mut Rng) -> Vec<i64> {
    let mut v = Vec::new();
    let mut c = t;
    for _ in 0..n {
        v.push(c);
        c += 8 + rng.exp(60.0) as i64;
    }
    v
}

fn casual(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let rate = rng.lognormal(0.14, 0.8).min(1.2);
    let bal = rng.lognormal(40.0, 0.9);
    let mut o = Vec::new();
    for t in p.sessions(rate, &mut human_hour, rng) {
        for (j, tt) in clicks(t, rng.int(1, 2) as usize, rng).into_iter().enumerate() {
            let kinds: &[Kind] = if rng.chance(0.15) {
                &[Kind::Crypto]
            } else {
                &[Kind::Sports, Kind::Soccer, Kind::Politics, Kind::Culture, Kind::Mentions]
            };
            let Some(m) = pick_busy(w, rng, kinds, tt, 1.2, &|m| mid_ok(w, m, tt, 0.05, 0.95)) else { continue };
            let oi = if rng.chance(0.62) { fav(w, m, tt) } else { 1 - fav(w, m, tt) };
            let amt = nice(bal * rng.range(0.15, 0.8), rng);
            o.push(Order::buy(tt + j as i64, m, oi, Amt::Usd(amt)));
            if rng.chance(0.1) {
                o.push(Order::sell(tt + rng.int(HOUR, 3 * DAY), m, oi, Amt::All));
            }
        }
    }
    o
}

fn league_pref(rng: &mut Rng) -> Vec<usize> {
    let w = [0.38, 0.1, 0.14, 0.26, 0.06, 0.06];
    let a = rng.weighted(&w);
    let mut v = vec![a];
    if rng.chance(0.45) {
        let b = rng.weighted(&w);
        if b != a {
            v.push(b);
        }
    }
    v
}

fn sports_events(w: &World, leagues: &[usize]) -> Vec<usize> {
    w.events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.kind, Kind::Sports | Kind::Soccer) && leagues.contains(&e.league) && e.start > W0 && e.start < NOW + DAY
        })
        .map(|(i, _)| i)
        .collect()
}

/// The market a fan bets in for an event and the outcome they back.
fn fan_pick(w: &World, rng: &mut Rng, ev: usize, t: i64, team: &str) -> (usize, usize) {
    let e = &w.events[ev];
    if e.kind == Kind::Soccer {
        let k = if rng.chance(0.15) {
            1
        } else if e.prob(0, t) > e.prob(2, t) || rng.chance(0.3) {
            0
        } else {
            2
        };
        let k = if w.markets[e.markets[0]].title.contains(team) && !team.is_empty() {
            0
        } else if w.markets[e.markets[2]].title.contains(team) && !team.is_empty() {
            2
        } else {
            k
        };
        (e.markets[k], 0)
    } else {
        let m = e.markets[0];
        let oi = if w.markets[m].outcomes[0] == team {
            0
        } else if w.markets[m].outcomes[1] == team {
            1
        } else if rng.chance(0.64) {
            fav(w, m, t)
        } else {
            1 - fav(w, m, t)
        };
        (m, oi)
    }
}

fn fan_team(w: &World, rng: &mut Rng, leagues: &[usize]) -> String {
    let evs = sports_events(w, leagues);
    if evs.is_empty() || rng.chance(0.3) {
        return String::new();
    }
    let m = w.events[*rng.pick(&evs)].markets[0];
    let mk = &w.markets[m];
    if mk.kind == Kind::Soccer {
        mk.title.trim_start_matches("Will ").split(" win?").next().unwrap_or("").to_string()
    } else {
        mk.outcomes[rng.below(2)].clone()
    }
}

fn fan_pregame(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [-4i64, -4, -5, -7, 1, 0, 2, -3][rng.below(8)];
    let p = Persona::with_tz(rng, tz);
    let leagues = league_pref(rng);
    let team = fan_team(w, rng, &leagues);
    let base = rng.lognormal(45.0, 0.9);
    let per_game = rng.range(0.06, 0.5);
    let mut o = Vec::new();
    for ev in sports_events(w, &leagues) {
        let e = &w.events[ev];
        let mine = !team.is_empty()
            && w.events[ev].markets.iter().any(|&m| w.markets[m].title.contains(&team) || w.markets[m].outcomes.contains(&team));
        let chance = if mine {
            0.85
        } else if e.league == 2 {
            per_game * 0.35
        } else {
            per_game
        };
        if !rng.chance(chance) {
            continue;
        }
        let mut t = e.start - (rng.exp(3.0 * HOUR as f64) as i64).max(240);
        if !p.awake(t) || p.is_away(t) {
            t = e.start - rng.int(300, 3600);
            if !p.awake(t) {
                continue;
            }
        }
        let (m, oi) = fan_pick(w, rng, ev, t, &team);
        let amt = nice(base * rng.lognormal(1.0, 0.45) * if mine { 1.5 } else { 1.0 }, rng);
        for (j, tt) in clicks(t, if rng.chance(0.2) { 2 } else { 1 }, rng).into_iter().enumerate() {
            o.push(Order::buy(tt, m, oi, Amt::Usd(if j == 0 { amt } else { nice(amt * 0.5, rng) })));
        }
    }
    o
}

fn fan_inplay(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [-4i64, -4, -5, -7, 1, 0, 2][rng.below(7)];
    let p = Persona::with_tz(rng, tz);
    let leagues = league_pref(rng);
    let team = fan_team(w, rng, &leagues);
    let base = rng.lognormal(35.0, 0.9);
    let per_game = rng.range(0.08, 0.45);
    let twitchy = rng.range(0.3, 1.0);
    let mut o = Vec::new();
    for ev in sports_events(w, &leagues) {
        let e = &w.events[ev];
        let Some((s, end)) = e.live else { continue };
        let chance = if e.league == 2 { per_game * 0.4 } else { per_game };
        if !rng.chance(chance) || !p.awake(s + 1800) || p.is_away(s) {
            continue;
        }
        let t0 = if rng.chance(0.4) { s - rng.int(300, 2 * HOUR) } else { s + rng.int(60, 1500) };
        let (m, oi) = fan_pick(w, rng, ev, t0, &team);
        o.push(Order::buy(t0, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.4), rng))));
        for &(jt, _, j) in e.jumps.iter().filter(|j| j.0 > s && j.0 < end) {
            if !rng.chance(twitchy * 0.6) {
                continue;
            }
            let rt = jt + rng.int(15, 240);
            let moved_up = (j > 0.0) == (oi == 0);
            let burst = clicks(rt, rng.int(1, 3) as usize, rng);
            for tt in burst {
                let r = rng.f64();
                if r < 0.25 {
                    o.push(Order::sell(tt, m, oi, if rng.chance(0.5) { Amt::All } else { Amt::Frac(0.5) }));
                } else if r < 0.7 || moved_up {
                    o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.range(0.3, 1.2), rng))));
                } else {
                    o.push(Order::buy(tt, m, 1 - oi, Amt::Usd(nice(base * rng.range(0.2, 0.8), rng))));
                }
            }
        }
    }
    o
}

fn day_trader(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let base = rng.lognormal(250.0, 0.8);
    let days_per_week = rng.range(2.5, 5.5);
    let work = rng.range(8.0, 11.0);
    let mut o = Vec::new();
    for d in 0..31 {
        let probe = p.at(d, 12.0);
        let (_, weekend) = p.day_of(probe);
        if p.is_away(probe) || (weekend && rng.chance(0.75)) || !rng.chance(days_per_week / 5.0) {
            continue;
        }
        for _ in 0..rng.int(1, 2) {
            let mut t = p.at(d, rng.range(work, work + 10.0));
            let end = t + rng.int(30, 150) * 60;
            while t < end {
                let kinds: &[Kind] = &[Kind::Politics, Kind::Sports, Kind::Soccer, Kind::Crypto, Kind::Econ];
                let Some(m) = pick_busy(w, rng, kinds, t, 1.5, &|m| mid_ok(w, m, t, 0.12, 0.88) && w.markets[m].busy > 10.0) else { break };
                let oi = rng.below(2);
                o.push(Order::buy(t, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.35), rng))));
                let hold = (rng.exp(14.0 * 60.0) as i64).clamp(60, 55 * 60);
                if rng.chance(0.25) {
                    o.push(Order::sell(t + hold / 2, m, oi, Amt::Frac(0.5)));
                }
                o.push(Order::sell(t + hold, m, oi, Amt::All));
                t += hold + rng.int(30, 900);
            }
        }
    }
    o
}

fn whale(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let n = rng.int(2, 10);
    let stake = rng.lognormal(9000.0, 0.8);
    let mut o = Vec::new();
    for _ in 0..n {
        let d = rng.int(0, 29);
        let t = p.at(d, human_hour(rng));
        if !(W0..NOW).contains(&t) {
            continue;
        }
        let kinds: &[Kind] = &[Kind::Politics, Kind::Sports, Kind::Soccer, Kind::Econ];
        let Some(m) = pick_busy(w, rng, kinds, t, 1.5, &|m| mid_ok(w, m, t, 0.15, 0.85) && w.markets[m].busy > 12.0) else { continue };
        let oi = rng.below(2);
        let total = nice(stake * rng.lognormal(1.0, 0.6), rng);
        let k = rng.int(1, 5);
        let mut tt = t;
        for _ in 0..k {
            o.push(Order::buy(tt, m, oi, Amt::Usd(nice(total / k as f64 * rng.range(0.7, 1.3), rng))));
            tt += rng.int(40, 1800);
        }
        if rng.chance(0.3) {
            let later = t + rng.int(6 * HOUR, 6 * DAY);
            if p.awake(later) {
                o.push(Order::sell(later, m, oi, Amt::Frac(rng.range(0.3, 0.6))));
            }
        }
    }
    o
}

fn degen(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let rate = rng.lognormal(0.6, 0.7);
    let base = rng.lognormal(12.0, 0.7);
    let mut o = Vec::new();
    let mut hour = |r: &mut Rng| if r.chance(0.6) { r.range(21.0, 26.5) % 24.0 } else { human_hour(r) };
    for t in p.sessions(rate, &mut hour, rng) {
        for tt in clicks(t, rng.int(1, 6) as usize, rng) {
            let kinds: &[Kind] = &[Kind::Sports, Kind::Soccer, Kind::Crypto, Kind::Mentions, Kind::Politics, Kind::Culture, Kind::Weather];
            let Some(m) = pick_busy(w, rng, kinds, tt, 0.6, &|m| {
                let q = w.mid(m, 0, tt);
                (0.015..0.16).contains(&q) || (0.84..0.985).contains(&q)
            }) else {
                continue;
            };
            let oi = usize::from(w.mid(m, 0, tt) > 0.5);
            o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.6), rng))));
            if rng.chance(0.12) {
                o.push(Order::sell(tt + rng.int(HOUR, 2 * DAY), m, oi, Amt::All));
            }
        }
    }
    o
}

fn favourite_near_close(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let rate = rng.range(0.3, 1.8);
    let base = rng.lognormal(350.0, 0.8);
    let floor = rng.range(0.85, 0.93);
    let mut o = Vec::new();
    for t in p.sessions(rate, &mut human_hour, rng) {
        let mut tt = t;
        for _ in 0..rng.int(1, 4) {
            let kinds: &[Kind] = &[Kind::Sports, Kind::Soccer, Kind::Politics, Kind::Weather, Kind::Mentions, Kind::Culture, Kind::Econ];
            let Some(m) = pick_busy(w, rng, kinds, tt, 0.8, &|m| {
                let e = &w.events[w.markets[m].ev];
                let ends = e.decided.unwrap_or(w.markets[m].close);
                let q = w.mid(m, 0, tt).max(1.0 - w.mid(m, 0, tt));
                ends > tt && ends - tt < 12 * HOUR && q >= floor && q <= 0.975
            }) else {
                break;
            };
            o.push(Order::buy(tt, m, fav(w, m, tt), Amt::Usd(nice(base * rng.lognormal(1.0, 0.5), rng))));
            tt += rng.int(30, 400);
        }
    }
    o
}

fn junkie(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [-4i64, -4, -5, -7, 0, 1][rng.below(6)];
    let p = Persona::with_tz(rng, tz);
    let rate = rng.lognormal(1.4, 0.7);
    let base = rng.lognormal(70.0, 0.9);
    let mut held: Vec<(usize, usize)> = Vec::new();
    let mut o = Vec::new();
    let mut times = p.sessions(rate, &mut |r: &mut Rng| r.range(7.0, 24.5) % 24.0, rng);
    for e in w.events.iter().filter(|e| e.kind == Kind::Politics) {
        for &(jt, _, j) in &e.jumps {
            if j.abs() > 0.5 && (W0..NOW).contains(&jt) && rng.chance(0.35) {
                let t = jt + 120 + rng.exp(25.0 * 60.0) as i64;
                if p.awake(t) {
                    times.push(t);
                }
            }
        }
    }
    times.sort();
    for t in times {
        for tt in clicks(t, rng.int(1, 4) as usize, rng) {
            if !held.is_empty() && rng.chance(0.25) {
                let (m, oi) = held[rng.below(held.len())];
                o.push(Order::sell(tt, m, oi, if rng.chance(0.5) { Amt::All } else { Amt::Frac(0.5) }));
                continue;
            }
            let kinds: &[Kind] = if rng.chance(0.15) { &[Kind::Econ] } else { &[Kind::Politics] };
            let Some(m) = pick_busy(w, rng, kinds, tt, 0.7, &|m| mid_ok(w, m, tt, 0.03, 0.97)) else { continue };
            let oi = if w.events[w.markets[m].ev].neg_risk { usize::from(rng.chance(0.2)) } else { rng.below(2) };
            held.push((m, oi));
            o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.6), rng))));
        }
    }
    o
}

fn daily_checkin(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let h0 = [7.25, 7.75, 8.5, 12.5, 13.0, 17.75, 20.0, 21.5, 22.25][rng.below(9)] + rng.range(-0.3, 0.3);
    let jitter = rng.range(4.0, 25.0) * 60.0;
    let prob = rng.range(0.6, 0.95);
    let base = nice(rng.lognormal(25.0, 0.8), rng);
    let mut held: Vec<(usize, usize)> = Vec::new();
    let mut o = Vec::new();
    for d in 0..31 {
        let t = p.at(d, h0) + (rng.normal() * jitter) as i64;
        if !(W0..NOW).contains(&t) || p.is_away(t) || !rng.chance(prob) {
            continue;
        }
        for tt in clicks(t, rng.int(1, 3) as usize, rng) {
            if !held.is_empty() && rng.chance(0.25) {
                let (m, oi) = held[rng.below(held.len())];
                o.push(Order::sell(tt, m, oi, Amt::All));
                continue;
            }
            let kinds: &[Kind] = &[Kind::Sports, Kind::Soccer, Kind::Politics, Kind::Culture, Kind::Econ, Kind::Weather];
            let Some(m) = pick_busy(w, rng, kinds, tt, 1.0, &|m| mid_ok(w, m, tt, 0.08, 0.92)) else { continue };
            let oi = if rng.chance(0.6) { fav(w, m, tt) } else { 1 - fav(w, m, tt) };
            held.push((m, oi));
            let amt = if rng.chance(0.6) { base } else { nice(base * rng.range(0.4, 2.0), rng) };
            o.push(Order::buy(tt, m, oi, Amt::Usd(amt)));
        }
    }
    o
}

fn asia_morning(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [8i64, 8, 9, 7, 10][rng.below(5)];
    let p = Persona::with_tz(rng, tz);
    let rate = rng.lognormal(0.9, 0.6);
    let base = rng.lognormal(50.0, 0.8);
    let mut o = Vec::new();
    let mut hour = |r: &mut Rng| if r.chance(0.7) { r.range(7.0, 12.5) } else { r.range(19.0, 23.5) };
    for t in p.sessions(rate, &mut hour, rng) {
        for tt in clicks(t, rng.int(1, 4) as usize, rng) {
            let kinds: &[Kind] = if rng.chance(0.35) { &[Kind::Crypto] } else { &[Kind::Sports, Kind::Soccer] };
            let Some(m) = pick_busy(w, rng, kinds, tt, 1.3, &|m| mid_ok(w, m, tt, 0.08, 0.92)) else { continue };
            let oi = if rng.chance(0.55) { fav(w, m, tt) } else { 1 - fav(w, m, tt) };
            o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.5), rng))));
            if rng.chance(0.2) {
                o.push(Order::sell(tt + rng.int(300, 3 * HOUR), m, oi, Amt::All));
            }
        }
    }
    o
}

fn night_owl(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [-4i64, -5, -7, 1, 0][rng.below(5)];
    let mut p = Persona::with_tz(rng, tz);
    p.wake = rng.range(10.0, 13.0);
    p.sleep = rng.range(27.0, 29.0);
    let rate = rng.lognormal(0.8, 0.7);
    let base = rng.lognormal(25.0, 1.0);
    let mut o = Vec::new();
    let mut hour = |r: &mut Rng| if r.chance(0.75) { r.range(23.0, 28.5) % 24.0 } else { r.range(14.0, 23.0) };
    for t in p.sessions(rate, &mut hour, rng) {
        for tt in clicks(t, rng.int(1, 5) as usize, rng) {
            let kinds: &[Kind] =
                if rng.chance(0.5) { &[Kind::Crypto] } else { &[Kind::Sports, Kind::Soccer, Kind::Mentions, Kind::Politics] };
            let Some(m) = pick_busy(w, rng, kinds, tt, 1.0, &|m| mid_ok(w, m, tt, 0.05, 0.95)) else { continue };
            let oi = rng.below(2);
            o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.9), rng))));
            if rng.chance(0.25) {
                o.push(Order::sell(tt + rng.int(120, 2 * HOUR), m, oi, Amt::All));
            }
        }
    }
    o
}

fn manual_copier(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let p = Persona::new(rng);
    let leader = &ctx.leaders[rng.below(ctx.leaders.len())];
    let checks = p.sessions(rng.range(1.5, 6.0), &mut human_hour, rng);
    let base = rng.lognormal(40.0, 0.9);
    let follow = rng.range(0.55, 0.9);
    let mut o = Vec::new();
    let mut last = W0;
    for t in checks {
        let mut tt = t + rng.int(20, 120);
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for f in leader.fills.iter().filter(|f| f.t > last && f.t <= t) {
            if seen.contains(&(f.m, f.oi)) {
                continue;
            }
            seen.push((f.m, f.oi));
            if f.side == Side::Sell {
                if rng.chance(0.5) {
                    o.push(Order::sell(tt, f.m, f.oi, Amt::All));
                    tt += rng.int(15, 90);
                }
                continue;
            }
            if !rng.chance(follow) {
                continue;
            }
            o.push(Order::buy(tt, f.m, f.oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.4), rng))));
            tt += rng.int(20, 150);
        }
        last = t;
    }
    o
}

fn updown_gambler(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let rate = rng.lognormal(0.5, 0.7);
    let base = nice(rng.lognormal(20.0, 0.8), rng);
    let len = if rng.chance(0.5) { 900 } else { HOUR };
    let asset = usize::from(rng.chance(0.3));
    let chase = rng.range(0.0, 0.6);
    let mut o = Vec::new();
    for t in p.sessions(rate, &mut human_hour, rng) {
        let end = t + rng.int(15, 120) * 60;
        let mut tt = t;
        let mut stake = base;
        while tt < end {
            let l = if rng.chance(0.85) { len } else { 1800 - len + 900 };
            let Some(m) = w.crypto_market(asset, l, tt) else { break };
            let up = w.mid(m, 0, tt);
            let oi = if rng.chance(0.6) { usize::from(up < 0.5) } else { rng.below(2) };
            o.push(Order::buy(tt, m, oi, Amt::Usd(stake)));
            let e = &w.events[w.markets[m].ev];
            let lost = e.winner.map(|win| win != oi).unwrap_or(false);
            stake = if lost && rng.chance(chase) { nice((stake * 2.0).min(base * 8.0), rng) } else { base };
            let next = e.close + rng.int(20, 240);
            tt = next.max(tt + rng.int(60, 600));
        }
    }
    o
}

fn weather_hobbyist(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let city = rng.below(2);
    let tz = if city == 0 { -4 } else { 1 };
    let p = Persona::with_tz(rng, tz);
    let base = rng.lognormal(10.0, 0.6);
    let prob = rng.range(0.3, 0.85);
    let h0 = rng.range(6.5, 10.0);
    let mut o = Vec::new();
    for d in 0..31 {
        let t = p.at(d, h0 + rng.range(-0.5, 1.5));
        if !(W0..NOW).contains(&t) || p.is_away(t) || !rng.chance(prob) {
            continue;
        }
        let evs: Vec<usize> = w
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::Weather && e.league == city && e.start <= t + DAY && e.start + DAY > t)
            .map(|(i, _)| i)
            .collect();
        for (j, &ev) in evs.iter().enumerate() {
            let e = &w.events[ev];
            let probs: Vec<f64> = (0..e.markets.len()).map(|k| e.prob(k, t)).collect();
            let best = (0..probs.len()).max_by(|a, b| probs[*a].total_cmp(&probs[*b])).unwrap_or(0);
            let n = rng.int(1, 3);
            for b in 0..n {
                let k = (best as i64 + [0, 1, -1][b as usize]).clamp(0, probs.len() as i64 - 1) as usize;
                o.push(Order::buy(
                    t + j as i64 * 90 + b * rng.int(15, 60),
                    e.markets[k],
                    0,
                    Amt::Usd(nice(base * rng.lognormal(1.0, 0.4), rng)),
                ));
            }
        }
    }
    o
}

fn mentions_watcher(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let attend = rng.range(0.25, 0.75);
    let base = rng.lognormal(20.0, 0.8);
    let mut o = Vec::new();
    let mut starts: Vec<i64> = w.events.iter().filter(|e| e.kind == Kind::Mentions).map(|e| e.start).collect();
    starts.dedup();
    for s in starts {
        if !(W0..NOW).contains(&s) || !p.awake(s) || !rng.chance(attend) {
            continue;
        }
        let ms: Vec<usize> = w.events.iter().filter(|e| e.kind == Kind::Mentions && e.start == s).map(|e| e.markets[0]).collect();
        for _ in 0..rng.int(0, 2) {
            let t = s - rng.int(600, 20 * HOUR);
            if p.awake(t) {
                let m = *rng.pick(&ms);
                o.push(Order::buy(t, m, rng.below(2), Amt::Usd(nice(base, rng))));
            }
        }
        let n = rng.int(2, 10);
        let mut t = s + rng.int(0, 600);
        for _ in 0..n {
            let m = *rng.pick(&ms);
            if rng.chance(0.25) {
                o.push(Order::sell(t, m, 0, Amt::All));
            } else {
                o.push(Order::buy(t, m, usize::from(rng.chance(0.3)), Amt::Usd(nice(base * rng.lognormal(1.0, 0.5), rng))));
            }
            t += rng.int(20, 600);
        }
    }
    for t in p.sessions(0.1, &mut human_hour, rng) {
        if let Some(m) = pick_busy(w, rng, &[Kind::Culture], t, 1.0, &|m| mid_ok(w, m, t, 0.05, 0.95)) {
            o.push(Order::buy(t, m, rng.below(2), Amt::Usd(nice(base, rng))));
        }
    }
    o
}

fn econ_trader(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let tz = [-4i64, -4, -5, 0, 1][rng.below(5)];
    let p = Persona::with_tz(rng, tz);
    let base = rng.lognormal(150.0, 0.9);
    let mut o = Vec::new();
    for e in w.events.iter().filter(|e| e.kind == Kind::Econ && e.live.is_some()) {
        let (s, _) = e.live.unwrap_or((0, 0));
        let rel = s + HOUR;
        if !(W0..NOW).contains(&rel) || !rng.chance(0.75) {
            continue;
        }
        let m = *rng.pick(&e.markets);
        let oi = rng.below(2);
        for _ in 0..rng.int(0, 2) {
            let t = rel - rng.int(4 * HOUR, 3 * DAY);
            if p.awake(t) {
                o.push(Order::buy(t, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.4), rng))));
            }
        }
        if p.awake(rel) {
            o.push(Order::buy(rel - rng.int(60, 3600), m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.4), rng))));
            if rng.chance(0.45) {
                o.push(Order::sell(rel + rng.int(120, 1800), m, oi, Amt::All));
            }
        }
    }
    for t in p.sessions(rng.range(0.1, 0.6), &mut human_hour, rng) {
        if let Some(m) = pick_busy(w, rng, &[Kind::Econ, Kind::Politics], t, 1.0, &|m| mid_ok(w, m, t, 0.05, 0.95)) {
            o.push(Order::buy(t, m, rng.below(2), Amt::Usd(nice(base * rng.lognormal(0.6, 0.5), rng))));
        }
    }
    o
}

fn weekend_warrior(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let mut p = Persona::new(rng);
    p.weekend = 1.0;
    let rate = rng.range(1.0, 4.0);
    let base = rng.lognormal(40.0, 0.8);
    let mut o = Vec::new();
    for d in 0..31 {
        let probe = p.at(d, 12.0);
        let wd = ((probe + p.tz).div_euclid(DAY) + 4).rem_euclid(7);
        let (lo, hi) = match wd {
            5 => (18.0, 24.5),
            6 => (9.0, 24.5),
            0 => (9.0, 23.0),
            _ => continue,
        };
        if p.is_away(probe) || rng.chance(0.15) {
            continue;
        }
        for _ in 0..rng.poisson(rate) {
            let t = p.at(d, rng.range(lo, hi));
            if !(W0..NOW).contains(&t) {
                continue;
            }
            for tt in clicks(t, rng.int(1, 4) as usize, rng) {
                let kinds: &[Kind] = if rng.chance(0.2) { &[Kind::Crypto, Kind::Culture] } else { &[Kind::Sports, Kind::Soccer] };
                let Some(m) = pick_busy(w, rng, kinds, tt, 1.2, &|m| mid_ok(w, m, tt, 0.07, 0.93)) else { continue };
                let oi = if rng.chance(0.6) { fav(w, m, tt) } else { 1 - fav(w, m, tt) };
                o.push(Order::buy(tt, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.5), rng))));
                if rng.chance(0.15) {
                    o.push(Order::sell(tt + rng.int(600, 4 * HOUR), m, oi, Amt::All));
                }
            }
        }
    }
    o
}

fn swing_holder(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let p = Persona::new(rng);
    let rate = rng.range(0.2, 0.9);
    let base = rng.lognormal(200.0, 0.8);
    let mut held: Vec<(usize, usize, f64)> = Vec::new();
    let mut o = Vec::new();
    for t in p.sessions(rate, &mut human_hour, rng) {
        let mut keep = Vec::new();
        for (m, oi, entry) in held.drain(..) {
            let now = w.mid(m, oi, t);
            if w.tradable(m, t) && (now - entry > rng.range(0.06, 0.15) || entry - now > 0.2) && rng.chance(0.7) {
                o.push(Order::sell(t + rng.int(10, 120), m, oi, if rng.chance(0.5) { Amt::All } else { Amt::Frac(rng.range(0.3, 0.7)) }));
            } else {
                keep.push((m, oi, entry));
            }
        }
        held = keep;
        if rng.chance(0.7) {
            let kinds: &[Kind] = &[Kind::Politics, Kind::Culture, Kind::Econ, Kind::Sports, Kind::Soccer];
            if let Some(m) = pick_busy(w, rng, kinds, t, 0.8, &|m| mid_ok(w, m, t, 0.1, 0.9) && w.markets[m].close - t > 2 * DAY) {
                let oi = rng.below(2);
                held.push((m, oi, w.mid(m, oi, t)));
                o.push(Order::buy(t, m, oi, Amt::Usd(nice(base * rng.lognormal(1.0, 0.5), rng))));
            }
        }
    }
    let _ = LEAGUES;
    let _ = How::Take;
    o
}
