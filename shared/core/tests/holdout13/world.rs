//! The market universe of the window: events, their price paths, quotes and depth.

use super::rng::Rng;
use super::{NOW, W0};
use chrono::{FixedOffset, TimeZone};
use std::collections::BTreeMap;

pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Sports,
    Soccer,
    Crypto,
    Politics,
    Econ,
    Weather,
    Mentions,
    Culture,
}

/// A group of outcomes sharing one path: a binary market (one series, logit of outcome 0) or a
/// negRisk event (one series per outcome, softmax).
pub struct Event {
    pub kind: Kind,
    pub title: String,
    pub t0: i64,
    pub step: i64,
    pub xs: Vec<Vec<f32>>,
    pub neg_risk: bool,
    pub live: Option<(i64, i64)>,
    /// When the outcome became known, if before NOW.
    pub decided: Option<i64>,
    /// Binary: winning outcome index. negRisk: the winning member.
    pub winner: Option<usize>,
    pub close: i64,
    /// Sudden moves: (time, series, logit change).
    pub jumps: Vec<(i64, usize, f32)>,
    pub markets: Vec<usize>,
    pub league: usize,
    pub asset: usize,
    pub len: i64,
    pub start: i64,
}

impl Event {
    fn idx(&self, t: i64) -> usize {
        let n = self.xs[0].len() as i64;
        ((t - self.t0) / self.step).clamp(0, n - 1) as usize
    }

    /// Fair probability of member k (binary: outcome 0) at t.
    pub fn prob(&self, k: usize, t: i64) -> f64 {
        let i = self.idx(t);
        if self.xs.len() == 1 {
            sigmoid(self.xs[0][i] as f64)
        } else {
            let m = self.xs.iter().map(|s| s[i]).fold(f32::MIN, f32::max) as f64;
            let tot: f64 = self.xs.iter().map(|s| (s[i] as f64 - m).exp()).sum();
            (self.xs[k][i] as f64 - m).exp() / tot
        }
    }
}

pub struct Market {
    pub ev: usize,
    pub k: usize,
    pub kind: Kind,
    pub cid: String,
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub assets: [String; 2],
    pub open: i64,
    pub close: i64,
    /// Typical quoted spread, in probability units.
    pub spread: f64,
    /// Typical shares resting on one price level.
    pub depth: f64,
    /// Crowd trades per hour in an ordinary hour.
    pub busy: f64,
}

pub struct World {
    pub events: Vec<Event>,
    pub markets: Vec<Market>,
    pub crypto: BTreeMap<(usize, i64, i64), usize>,
    pub by_kind: BTreeMap<Kind, Vec<usize>>,
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn erf(x: f64) -> f64 {
    let s = x.signum();
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-x * x).exp();
    s * y
}

pub fn phi(x: f64) -> f64 {
    0.5 * (1.0 + erf(x / std::f64::consts::SQRT_2))
}

pub fn date(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0).unwrap_or_default().format("%Y-%m-%d").to_string()
}

pub fn et_label(t: i64) -> String {
    let et = FixedOffset::west_opt(4 * 3600).expect("offset");
    et.timestamp_opt(t, 0).single().map(|d| d.format("%B %-d, %-I:%M%p ET").to_string()).unwrap_or_default()
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Hour-of-day crowd activity (UTC), heaviest in the American evening.
pub fn tod(t: i64) -> f64 {
    const W: [f64; 24] =
        [1.45, 1.5, 1.35, 1.1, 0.8, 0.55, 0.4, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45];
    W[(t.rem_euclid(DAY) / HOUR) as usize]
}

struct Seg {
    until: i64,
    vol: f64,
    jump_rate: f64,
    jump_sd: f64,
}

#[allow(clippy::too_many_arguments)]
fn walk(rng: &mut Rng, t0: i64, step: i64, n: usize, x0: f64, segs: &[Seg], k: usize, jumps: &mut Vec<(i64, usize, f32)>) -> Vec<f32> {
    let mut xs = Vec::with_capacity(n);
    let mut x = x0;
    let dt = step as f64 / HOUR as f64;
    for i in 0..n {
        xs.push(x as f32);
        let t = t0 + i as i64 * step;
        let seg = segs.iter().find(|s| t < s.until).unwrap_or(&segs[segs.len() - 1]);
        x += seg.vol * dt.sqrt() * rng.normal();
        if seg.jump_rate > 0.0 && rng.chance(seg.jump_rate * dt) {
            let j = seg.jump_sd * rng.normal();
            x += j;
            jumps.push((t + step, k, j as f32));
        }
        // Long-dated prices rarely wander to the very edges.
        if x > 4.2 {
            x -= 0.02;
        } else if x < -4.2 {
            x += 0.02;
        }
    }
    xs
}

/// Moves a series smoothly from `from` so that it reaches `target` at `to`, then holds it.
fn bridge(xs: &mut [f32], from: usize, to: usize, target: f32) {
    let n = xs.len();
    if n == 0 {
        return;
    }
    let to = to.min(n - 1);
    let from = from.min(to);
    let d = target - xs[to];
    let span = (to - from).max(1) as f32;
    for (i, x) in xs.iter_mut().enumerate().take(to + 1).skip(from) {
        *x += d * (i - from) as f32 / span;
    }
    for x in xs.iter_mut().skip(to + 1) {
        *x = target;
    }
}

impl World {
    pub fn mid(&self, m: usize, oi: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        let p = self.events[mk.ev].prob(mk.k, t);
        if oi == 0 { p } else { 1.0 - p }
    }

    /// Best bid and ask in cents.
    pub fn quote(&self, m: usize, oi: usize, t: i64) -> (i64, i64) {
        let p = self.mid(m, oi, t);
        let half = self.markets[m].spread / 2.0;
        let mut bid = ((p - half) * 100.0).floor() as i64;
        let mut ask = ((p + half) * 100.0).ceil() as i64;
        bid = bid.clamp(1, 98);
        ask = ask.clamp(2, 99);
        if ask <= bid {
            if bid >= 98 {
                bid = ask - 1;
            } else {
                ask = bid + 1;
            }
        }
        (bid, ask)
    }

    pub fn tradable(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.open && t < mk.close && (W0..NOW).contains(&t)
    }

    pub fn open_markets(&self, kinds: &[Kind], t: i64) -> Vec<usize> {
        let mut v = Vec::new();
        for k in kinds {
            if let Some(list) = self.by_kind.get(k) {
                v.extend(list.iter().copied().filter(|&m| self.tradable(m, t)));
            }
        }
        v
    }

    pub fn crypto_market(&self, asset: usize, len: i64, t: i64) -> Option<usize> {
        let start = t.div_euclid(len) * len;
        self.crypto.get(&(asset, len, start)).copied()
    }

    fn add_event(&mut self, e: Event) -> usize {
        self.events.push(e);
        self.events.len() - 1
    }

    #[allow(clippy::too_many_arguments)]
    fn add_market(
        &mut self,
        ev: usize,
        k: usize,
        title: String,
        slug: String,
        outcomes: [&str; 2],
        open: i64,
        spread: f64,
        depth: f64,
        busy: f64,
        rng: &mut Rng,
    ) -> usize {
        let e = &self.events[ev];
        let kind = e.kind;
        let m = Market {
            ev,
            k,
            kind: e.kind,
            cid: rng.hex(64),
            title,
            slug,
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            assets: [rng.token_id(), rng.token_id()],
            open,
            close: e.close,
            spread,
            depth: (depth * 2.0).max(120.0),
            busy,
        };
        self.markets.push(m);
        let id = self.markets.len() - 1;
        self.events[ev].markets.push(id);
        self.by_kind.entry(kind).or_default().push(id);
        id
    }
}

fn blank_event(kind: Kind, title: String, t0: i64, step: i64, close: i64) -> Event {
    Event {
        kind,
        title,
        t0,
        step,
        xs: Vec::new(),
        neg_risk: false,
        live: None,
        decided: None,
        winner: None,
        close,
        jumps: Vec::new(),
        markets: Vec::new(),
        league: 0,
        asset: 0,
        len: 0,
        start: 0,
    }
}

pub const LEAGUES: [&str; 6] = ["nba", "nhl", "mlb", "soccer", "ufc", "tennis"];

const NBA: [&str; 16] = [
    "Lakers",
    "Celtics",
    "Knicks",
    "Nuggets",
    "Thunder",
    "Cavaliers",
    "Warriors",
    "Bucks",
    "Heat",
    "Suns",
    "Mavericks",
    "Timberwolves",
    "Pacers",
    "Magic",
    "Rockets",
    "Grizzlies",
];
const NHL: [&str; 12] = [
    "Rangers",
    "Bruins",
    "Oilers",
    "Panthers",
    "Stars",
    "Avalanche",
    "Maple Leafs",
    "Jets",
    "Hurricanes",
    "Golden Knights",
    "Kings",
    "Lightning",
];
const MLB: [&str; 16] = [
    "Yankees",
    "Dodgers",
    "Braves",
    "Astros",
    "Phillies",
    "Orioles",
    "Mets",
    "Cubs",
    "Padres",
    "Mariners",
    "Red Sox",
    "Guardians",
    "Twins",
    "Giants",
    "Rangers",
    "Brewers",
];
const SOCCER: [&str; 16] = [
    "Arsenal",
    "Liverpool",
    "Man City",
    "Chelsea",
    "Tottenham",
    "Newcastle",
    "Aston Villa",
    "Man United",
    "Brighton",
    "West Ham",
    "Real Madrid",
    "Barcelona",
    "Bayern",
    "PSG",
    "Inter",
    "Dortmund",
];
const FIGHTERS: [&str; 20] = [
    "Okafor",
    "Lindqvist",
    "Barros",
    "Tanaka",
    "Mokhtar",
    "Reyes",
    "Kowalczyk",
    "Duarte",
    "Volkov",
    "Adeyemi",
    "Harlan",
    "Petrescu",
    "Nakamura",
    "Salgado",
    "Ivanov",
    "Brennan",
    "Costa",
    "Yilmaz",
    "Moreau",
    "Achterberg",
];
const TENNIS: [&str; 14] = [
    "Sinner",
    "Alcaraz",
    "Djokovic",
    "Zverev",
    "Medvedev",
    "Rune",
    "Fritz",
    "Draper",
    "Mensik",
    "Fonseca",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Rybakina",
];

pub fn build(rng: &mut Rng) -> World {
    let mut w = World { events: Vec::new(), markets: Vec::new(), crypto: BTreeMap::new(), by_kind: BTreeMap::new() };
    build_sports(&mut w, &mut rng.fork(1));
    build_crypto(&mut w, &mut rng.fork(2));
    build_politics(&mut w, &mut rng.fork(3));
    build_econ(&mut w, &mut rng.fork(4));
    build_weather(&mut w, &mut rng.fork(5));
    build_mentions(&mut w, &mut rng.fork(6));
    build_culture(&mut w, &mut rng.fork(7));
    w
}

fn pair<'a>(rng: &mut Rng, names: &'a [&'a str]) -> (&'a str, &'a str) {
    let a = rng.below(names.len());
    let mut b = rng.below(names.len());
    while b == a {
        b = rng.below(names.len());
    }
    (names[a], names[b])
}

fn abbr(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphabetic()).take(3).collect::<String>().to_ascii_lowercase()
}

#[allow(clippy::too_many_arguments)]
fn sports_game(w: &mut World, league: usize, a: &str, b: &str, start: i64, dur: i64, busy: f64, rng: &mut Rng) {
    let soccer = LEAGUES[league] == "soccer";
    let open = start - rng.int(if league == 2 { DAY } else { 2 * DAY }, 5 * DAY);
    let decided = start + dur + rng.int(0, 900);
    let close = decided + rng.int(HOUR, 5 * HOUR);
    let step = 60;
    let n = ((close - open) / step + 2) as usize;
    let title = if soccer {
        format!("{a} vs. {b}")
    } else if league == 4 {
        format!("UFC: {a} vs. {b}")
    } else {
        format!("{a} vs. {b}")
    };
    let mut e = blank_event(if soccer { Kind::Soccer } else { Kind::Sports }, title.clone(), open, step, close);
    e.league = league;
    e.live = Some((start, start + dur));
    e.start = start;
    let segs = [
        Seg { until: start - 6 * HOUR, vol: 0.05, jump_rate: 0.01, jump_sd: 0.35 },
        Seg { until: start, vol: 0.09, jump_rate: 0.02, jump_sd: 0.3 },
        Seg {
            until: start + dur,
            vol: if soccer { 0.35 } else { 0.55 },
            jump_rate: match league {
                0 => 2.0,
                1 | 3 => 1.2,
                2 => 1.0,
                4 => 0.6,
                _ => 1.5,
            },
            jump_sd: if soccer { 1.1 } else { 0.55 },
        },
        Seg { until: i64::MAX, vol: 0.0, jump_rate: 0.0, jump_sd: 0.0 },
    ];
    let si = ((start - open) / step) as usize;
    let di = ((decided - open) / step) as usize;
    if soccer {
        let base = [rng.normal() * 0.6 + 0.25, -0.25 + rng.normal() * 0.15, rng.normal() * 0.6];
        for (k, x0) in base.iter().enumerate() {
            let s = walk(rng, open, step, n, *x0, &segs, k, &mut e.jumps);
            e.xs.push(s);
        }
        // The draw drifts down as the game goes on unless it is level.
        let probs: Vec<f64> = (0..3).map(|k| e.prob(k, start)).collect();
        let win = rng.weighted(&probs);
        let others = (0..3).filter(|&k| k != win).map(|k| e.xs[k][di.min(n - 1)]).fold(f32::MIN, f32::max);
        bridge(&mut e.xs[win], si, di, others + 7.0);
        e.neg_risk = true;
        if decided < NOW {
            e.decided = Some(decided);
            e.winner = Some(win);
        }
    } else {
        let x0 = rng.normal() * 0.9;
        let s = walk(rng, open, step, n, x0, &segs, 0, &mut e.jumps);
        e.xs.push(s);
        let p = e.prob(0, start);
        let win = if rng.chance(p) { 0 } else { 1 };
        bridge(&mut e.xs[0], si, di, if win == 0 { 5.6 } else { -5.6 });
        if decided < NOW {
            e.decided = Some(decided);
            e.winner = Some(win);
        }
    }
    let ev = w.add_event(e);
    let day = date(start);
    let spread = match league {
        0 => 0.01,
        3 => 0.015,
        1 => 0.02,
        _ => 0.03,
    } * rng.range(0.8, 1.6);
    let depth = busy * rng.range(15.0, 40.0);
    if soccer {
        let slug = format!("{}-{}-{}-{day}", LEAGUES[league], abbr(a), abbr(b));
        for (k, name) in
            [format!("Will {a} win?"), format!("Will {a} vs. {b} end in a draw?"), format!("Will {b} win?")].into_iter().enumerate()
        {
            let s = format!("{slug}-{}", ["home", "draw", "away"][k]);
            w.add_market(
                ev,
                k,
                format!("{name} ({day})"),
                s,
                ["Yes", "No"],
                open,
                spread * 1.3,
                depth * 0.6,
                busy * [0.45, 0.2, 0.35][k],
                rng,
            );
        }
    } else {
        let slug = format!("{}-{}-{}-{day}", LEAGUES[league], abbr(a), abbr(b));
        w.add_market(ev, 0, title, slug, [a, b], open, spread, depth, busy, rng);
    }
}

fn build_sports(w: &mut World, rng: &mut Rng) {
    let first = (W0 - 3 * DAY).div_euclid(DAY) * DAY;
    let last = NOW + 4 * DAY;
    let mut d = first;
    while d < last {
        let weekday = (d / DAY + 4).rem_euclid(7); // 0 = Sunday
        // NBA playoffs: evening games in America.
        for _ in 0..rng.int(2, 4) {
            let (a, b) = pair(rng, &NBA);
            let start = d + DAY - HOUR + rng.int(0, 7) * 1800;
            sports_game(w, 0, a, b, start, 150 * 60, rng.lognormal(55.0, 0.5), rng);
        }
        for _ in 0..rng.int(1, 3) {
            let (a, b) = pair(rng, &NHL);
            let start = d + 23 * HOUR + rng.int(0, 6) * 1800;
            sports_game(w, 1, a, b, start, 160 * 60, rng.lognormal(16.0, 0.5), rng);
        }
        for _ in 0..rng.int(3, 6) {
            let (a, b) = pair(rng, &MLB);
            let start = d + 17 * HOUR + rng.int(0, 18) * 1800;
            sports_game(w, 2, a, b, start, 180 * 60, rng.lognormal(6.0, 0.6), rng);
        }
        let soccer_games = match weekday {
            6 | 0 => rng.int(3, 5),
            2 | 3 => rng.int(0, 2),
            _ => 0,
        };
        for _ in 0..soccer_games {
            let (a, b) = pair(rng, &SOCCER);
            let start = if weekday == 2 || weekday == 3 { d + 19 * HOUR } else { d + 11 * HOUR + 1800 + rng.int(0, 5) * HOUR };
            sports_game(w, 3, a, b, start, 115 * 60, rng.lognormal(28.0, 0.5), rng);
        }
        if weekday == 0 {
            for i in 0..5 {
                let (a, b) = pair(rng, &FIGHTERS);
                let start = d + HOUR + i * 40 * 60;
                sports_game(w, 4, a, b, start, 25 * 60, rng.lognormal(20.0, 0.6), rng);
            }
        }
        for _ in 0..rng.int(1, 3) {
            let (a, b) = pair(rng, &TENNIS);
            let start = d + 9 * HOUR + rng.int(0, 24) * 1800;
            sports_game(w, 5, a, b, start, rng.int(90, 200) * 60, rng.lognormal(9.0, 0.6), rng);
        }
        d += DAY;
    }
}

const COINS: [(&str, &str, f64, f64); 2] = [("Bitcoin", "btc", 95_000.0, 9.5e-5), ("Ethereum", "eth", 3_400.0, 1.3e-4)];

fn build_crypto(w: &mut World, rng: &mut Rng) {
    let step = 10;
    let base = W0 - 2 * HOUR;
    let n = ((NOW + 2 * HOUR - base) / step) as usize;
    for (ai, (name, tick, s0, sig)) in COINS.iter().enumerate() {
        // Log price with stochastic volatility.
        let mut ls = Vec::with_capacity(n);
        let mut x = s0.ln();
        let mut vm = 1.0f64;
        for i in 0..n {
            ls.push(x);
            if i % 360 == 0 {
                vm = (vm * rng.lognormal(1.0, 0.25)).clamp(0.4, 3.0);
                let hour = ((base + i as i64 * step).rem_euclid(DAY) / HOUR) as usize;
                if (13..=20).contains(&hour) {
                    vm *= 1.02;
                } else {
                    vm *= 0.99;
                }
            }
            x += sig * vm * (step as f64).sqrt() * rng.normal();
            if rng.chance(0.0004) {
                x += sig * 60.0 * rng.normal();
            }
        }
        let at = |t: i64| ls[((t - base) / step).clamp(0, n as i64 - 1) as usize];
        for (len, from, busy) in [(HOUR, W0 - HOUR, 34.0), (900, NOW - 10 * DAY, 52.0)] {
            let mut a = from.div_euclid(len) * len;
            while a + len <= NOW + len {
                let open = a - if len == HOUR { HOUR } else { 900 };
                let close = a + len;
                let label = if len == HOUR {
                    let et = FixedOffset::west_opt(4 * 3600).expect("offset");
                    let d = et.timestamp_opt(a, 0).single().map(|d| d.format("%B %-d, %-I%p ET").to_string()).unwrap_or_default();
                    format!("{name} Up or Down - {d}")
                } else {
                    let et = FixedOffset::west_opt(4 * 3600).expect("offset");
                    let d0 = et.timestamp_opt(a, 0).single().map(|d| d.format("%B %-d, %-I:%M").to_string()).unwrap_or_default();
                    let d1 = et.timestamp_opt(close, 0).single().map(|d| d.format("%-I:%M%p ET").to_string()).unwrap_or_default();
                    format!("{name} Up or Down - {d0}-{d1}")
                };
                let slug = format!("{tick}-updown-{}-{a}", if len == HOUR { "1h" } else { "15m" });
                let mut e = blank_event(Kind::Crypto, label.clone(), open, step, close);
                e.asset = ai;
                e.len = len;
                e.start = a;
                e.live = Some((a, close));
                let steps = ((close - open) / step + 1) as usize;
                let s_open = at(a);
                let mut xs = Vec::with_capacity(steps);
                let mut jumps_prev = 0.5;
                for i in 0..steps {
                    let t = open + i as i64 * step;
                    let p = if t < a {
                        0.5 + 0.015 * rng.normal()
                    } else {
                        let rem = (close - t) as f64 + 5.0;
                        phi((at(t) - s_open) / (sig * rem.sqrt()))
                    };
                    let p = p.clamp(0.004, 0.996);
                    if (p - jumps_prev).abs() > 0.2 {
                        e.jumps.push((t, 0, (logit(p) - logit(jumps_prev)) as f32));
                    }
                    jumps_prev = p;
                    xs.push(logit(p) as f32);
                }
                e.xs.push(xs);
                if close < NOW {
                    e.decided = Some(close);
                    e.winner = Some(if at(close) >= s_open { 0 } else { 1 });
                }
                let ev = w.add_event(e);
                let b = busy * rng.lognormal(1.0, 0.35);
                let m = w.add_market(ev, 0, label, slug, ["Up", "Down"], open, 0.01 * rng.range(1.0, 2.0), b * 25.0, b, rng);
                w.crypto.insert((ai, len, a), m);
                a += len;
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn long_binary(
    w: &mut World,
    kind: Kind,
    title: &str,
    x0: f64,
    vol: f64,
    jr: f64,
    busy: f64,
    resolve: Option<(i64, i64, bool)>,
    rng: &mut Rng,
) -> usize {
    let t0 = W0 - 2 * HOUR;
    let close = match resolve {
        Some((_, to, _)) => to + rng.int(HOUR, 6 * HOUR),
        None => NOW + rng.int(10, 240) * DAY,
    };
    let step = 300;
    let n = ((close.min(NOW + DAY) - t0) / step + 2) as usize;
    let mut e = blank_event(kind, title.to_string(), t0, step, close);
    let segs = [Seg { until: i64::MAX, vol, jump_rate: jr, jump_sd: 0.8 }];
    let s = walk(rng, t0, step, n, x0, &segs, 0, &mut e.jumps);
    e.xs.push(s);
    if let Some((from, to, yes)) = resolve {
        deadline(&mut e, rng, from, to, yes);
    }
    let ev = w.add_event(e);
    let slug = slugify(title);
    let open = W0 - rng.int(5, 120) * DAY;
    w.add_market(ev, 0, title.to_string(), slug, ["Yes", "No"], open, 0.01 * rng.range(1.0, 3.5), busy * rng.range(20.0, 60.0), busy, rng);
    ev
}

/// Resolution of a yes/no question during [from, to]: a sudden Yes at a random moment, or a
/// slow fade to No by the deadline.
fn deadline(e: &mut Event, rng: &mut Rng, from: i64, to: i64, yes: bool) {
    let fi = ((from - e.t0) / e.step).max(0) as usize;
    let ti = ((to - e.t0) / e.step).max(0) as usize;
    if yes {
        let tau = rng.int(from, to);
        let ji = ((tau - e.t0) / e.step).max(0) as usize;
        let start = ji.saturating_sub(1);
        bridge(&mut e.xs[0], start, ji, 5.6);
        e.jumps.push((tau, 0, 3.0));
        e.close = e.close.min(tau + rng.int(2 * HOUR, 8 * HOUR));
        if tau < NOW {
            e.decided = Some(tau);
            e.winner = Some(0);
        }
    } else {
        bridge(&mut e.xs[0], fi, ti, -5.6);
        if to < NOW {
            e.decided = Some(to);
            e.winner = Some(1);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn neg_risk_event(
    w: &mut World,
    kind: Kind,
    title: &str,
    names: &[&str],
    step: i64,
    t0: i64,
    close: i64,
    vol: f64,
    jr: f64,
    busy: f64,
    resolve: Option<(i64, i64)>,
    open: i64,
    rng: &mut Rng,
) -> usize {
    let n = ((close.min(NOW + DAY) - t0) / step + 2) as usize;
    let mut e = blank_event(kind, title.to_string(), t0, step, close);
    e.neg_risk = true;
    let segs = [Seg { until: i64::MAX, vol, jump_rate: jr, jump_sd: 0.7 }];
    let lead = rng.below(names.len());
    for k in 0..names.len() {
        let x0 = if k == lead { 1.0 } else { -0.5 - rng.range(0.0, 2.5) };
        let s = walk(rng, t0, step, n, x0, &segs, k, &mut e.jumps);
        e.xs.push(s);
    }
    if let Some((from, to)) = resolve {
        let probs: Vec<f64> = (0..names.len()).map(|k| e.prob(k, from)).collect();
        let win = rng.weighted(&probs);
        let ti = (((to - t0) / step) as usize).min(n - 1);
        let fi = (((from - t0) / step) as usize).min(ti);
        let others = (0..names.len()).filter(|&k| k != win).map(|k| e.xs[k][ti]).fold(f32::MIN, f32::max);
        bridge(&mut e.xs[win], fi, ti, others + 7.5);
        if to < NOW {
            e.decided = Some(to);
            e.winner = Some(win);
        }
    }
    let ev = w.add_event(e);
    let base = slugify(title);
    let spread = 0.01 * rng.range(1.0, 3.0);
    for (k, name) in names.iter().enumerate() {
        let share = 1.0 / (k as f64 + 1.5);
        w.add_market(
            ev,
            k,
            format!("{title}: {name}"),
            format!("{base}-{}", slugify(name)),
            ["Yes", "No"],
            open,
            spread,
            busy * share * rng.range(15.0, 40.0),
            busy * share * rng.range(0.6, 1.4),
            rng,
        );
    }
    ev
}

fn build_politics(w: &mut World, rng: &mut Rng) {
    let qs = [
        "Will the Senate pass the border funding bill by June 30?",
        "Will the President veto the tariff rollback bill?",
        "Will the Supreme Court rule on the birthright case by June?",
        "Will the Fed chair be replaced before July?",
        "Will there be a government shutdown in 2027?",
        "Will Ukraine and Russia sign a ceasefire by June 30?",
        "Will Israel and Saudi Arabia normalize relations in 2027?",
        "Will the UK hold a general election in 2027?",
        "Will France's government fall before July?",
        "Will the Speaker of the House be removed in 2027?",
        "Will China announce new rare-earth export limits by June?",
        "Will the US announce new tariffs on the EU by May 31?",
        "Will a cabinet secretary resign by May 31?",
        "Will Canada call a snap election by June?",
        "Will Venezuela hold elections in 2027?",
        "Will the debt-limit deal pass by July 31?",
        "Will the President's approval be above 45% on May 31?",
        "Will Germany's coalition collapse in 2027?",
        "Will North Korea conduct a nuclear test in 2027?",
        "Will the US strike Iran before July?",
        "Will Trump Jr. announce a 2028 run before July?",
        "Will Newsom announce a 2028 run before July?",
    ];
    for q in qs {
        let x0 = rng.normal() * 1.4 - 0.8;
        long_binary(w, Kind::Politics, q, x0, rng.range(0.03, 0.09), rng.range(0.003, 0.02), rng.lognormal(8.0, 0.8), None, rng);
    }
    // Questions with a deadline inside the window.
    let dl = [
        ("Will the House pass the crypto market-structure bill by April 30?", W0 + 10 * DAY, W0 + 27 * DAY - 10 * HOUR),
        ("Will the President sign an executive order on AI chips in April?", W0 + 2 * DAY, W0 + 27 * DAY - 10 * HOUR),
        ("Will the Pope visit the United States by April 30?", W0 + DAY, W0 + 27 * DAY - 10 * HOUR),
        ("Will a Supreme Court justice announce retirement by April 25?", W0 + DAY, W0 + 22 * DAY),
        ("Will the Senate confirm the new Treasury nominee by April 20?", W0 + 3 * DAY, W0 + 17 * DAY),
        ("Will the government announce a TikTok deal by April 15?", W0 + DAY, W0 + 12 * DAY),
    ];
    for (q, from, to) in dl {
        let yes = rng.chance(0.4);
        long_binary(w, Kind::Politics, q, rng.normal() * 0.8 - 0.5, 0.06, 0.01, rng.lognormal(18.0, 0.6), Some((from, to, yes)), rng);
    }
    let t0 = W0 - 2 * HOUR;
    neg_risk_event(
        w,
        Kind::Politics,
        "Democratic nominee for NY governor 2026 rematch",
        &["Hochul", "Delgado", "Torres", "Ritchie", "Other"],
        300,
        t0,
        NOW + 60 * DAY,
        0.05,
        0.01,
        16.0,
        None,
        W0 - 90 * DAY,
        rng,
    );
    neg_risk_event(
        w,
        Kind::Politics,
        "Republican nominee 2028",
        &["Vance", "Rubio", "DeSantis", "Trump Jr.", "Haley", "Ramaswamy", "Other"],
        300,
        t0,
        NOW + 400 * DAY,
        0.04,
        0.005,
        35.0,
        None,
        W0 - 200 * DAY,
        rng,
    );
    neg_risk_event(
        w,
        Kind::Politics,
        "Democratic nominee 2028",
        &["Newsom", "Shapiro", "Buttigieg", "Ocasio-Cortez", "Whitmer", "Beshear", "Pritzker", "Other"],
        300,
        t0,
        NOW + 400 * DAY,
        0.04,
        0.005,
        32.0,
        None,
        W0 - 200 * DAY,
        rng,
    );
    let election = W0 + 19 * DAY + 20 * HOUR;
    neg_risk_event(
        w,
        Kind::Politics,
        "Philippine Senate race winner",
        &["Aquino", "Tulfo", "Go", "Pangilinan", "Marcos"],
        300,
        t0,
        election + 30 * HOUR,
        0.07,
        0.02,
        14.0,
        Some((election, election + 8 * HOUR)),
        W0 - 60 * DAY,
        rng,
    );
    let runoff = W0 + 26 * DAY + 18 * HOUR;
    neg_risk_event(
        w,
        Kind::Politics,
        "Romanian presidential runoff winner",
        &["Dan", "Simion"],
        300,
        t0,
        runoff + 20 * HOUR,
        0.08,
        0.03,
        24.0,
        Some((runoff, runoff + 4 * HOUR)),
        W0 - 30 * DAY,
        rng,
    );
}

fn build_econ(w: &mut World, rng: &mut Rng) {
    let day = |d: i64| W0.div_euclid(DAY) * DAY + d * DAY;
    // CPI release, 12:30 UTC.
    let cpi = day(8) + 12 * HOUR + 1800;
    for (q, x0) in [
        ("Will April CPI come in above 0.3% MoM?", -0.4),
        ("Will April CPI come in at 0.2% MoM?", -0.2),
        ("Will annual CPI be 2.9% or higher?", 0.3),
    ] {
        let yes = rng.chance(sigmoid(x0));
        let ev =
            long_binary(w, Kind::Econ, q, x0 + rng.normal() * 0.2, 0.04, 0.004, rng.lognormal(10.0, 0.5), Some((cpi, cpi + 60, yes)), rng);
        w.events[ev].live = Some((cpi - HOUR, cpi + HOUR));
    }
    let gdp = day(25) + 12 * HOUR + 1800;
    for (q, x0) in [("Will Q1 GDP growth be above 2.0%?", 0.2), ("Will Q1 GDP growth be negative?", -2.2)] {
        let yes = rng.chance(sigmoid(x0));
        let ev = long_binary(w, Kind::Econ, q, x0, 0.04, 0.004, rng.lognormal(8.0, 0.5), Some((gdp, gdp + 60, yes)), rng);
        w.events[ev].live = Some((gdp - HOUR, gdp + HOUR));
    }
    let fed = day(24) + 18 * HOUR;
    let ev = neg_risk_event(
        w,
        Kind::Econ,
        "Fed decision in April",
        &["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"],
        120,
        W0 - 2 * HOUR,
        fed + 20 * HOUR,
        0.05,
        0.01,
        60.0,
        Some((fed, fed + 120)),
        W0 - 40 * DAY,
        rng,
    );
    w.events[ev].live = Some((fed - 2 * HOUR, fed + 2 * HOUR));
    for (q, x0) in [
        ("US recession in 2027?", -1.0),
        ("Fed rate cut in June?", -0.4),
        ("Will unemployment be 4.5% or higher in May?", -0.7),
        ("Will gas prices average over $3.50 in May?", -0.3),
    ] {
        long_binary(w, Kind::Econ, q, x0, 0.05, 0.01, rng.lognormal(9.0, 0.5), None, rng);
    }
}

fn build_weather(w: &mut World, rng: &mut Rng) {
    let cities = [("New York City", "nyc", 4 * HOUR, 58.0), ("London", "london", -HOUR, 15.0)];
    let mut d = W0.div_euclid(DAY) * DAY;
    while d < NOW + 2 * DAY {
        for (ci, (city, tag, off, base)) in cities.iter().enumerate() {
            let day_start = d + off;
            let open = day_start - 2 * DAY;
            let decided = day_start + DAY + 2 * HOUR;
            let close = decided + 6 * HOUR;
            let center = base + rng.normal() * 5.0;
            let unit = if ci == 0 { "°F" } else { "°C" };
            let width = if ci == 0 { 2.0 } else { 1.0 };
            let lo = (center - 2.0 * width).round();
            let names: Vec<String> = (0..5)
                .map(|k| {
                    let a = lo + k as f64 * width;
                    match k {
                        0 => format!("{a}{unit} or below"),
                        4 => format!("{a}{unit} or higher"),
                        _ => format!("{a}-{}{unit}", a + width - 1.0),
                    }
                })
                .collect();
            let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
            let title = format!("Highest temperature in {city} on {}?", date(day_start));
            let ev = neg_risk_event(
                w,
                Kind::Weather,
                &title,
                &refs,
                600,
                open,
                close,
                0.12,
                0.02,
                rng.lognormal(6.0, 0.4),
                Some((day_start + 6 * HOUR, decided)),
                open,
                rng,
            );
            w.events[ev].league = ci;
            w.events[ev].start = day_start;
            let _ = tag;
        }
        d += DAY;
    }
}

fn build_mentions(w: &mut World, rng: &mut Rng) {
    let speakers = [
        ("Press Secretary", "White House press briefing"),
        ("Trump", "Trump rally"),
        ("Powell", "Powell press conference"),
        ("Elon Musk", "Tesla earnings call"),
        ("Trump", "Trump interview"),
        ("Vance", "Vance speech"),
    ];
    let words = [
        "tariff",
        "crypto",
        "China",
        "border",
        "inflation",
        "fake news",
        "AI",
        "Bitcoin",
        "Iran",
        "Biden",
        "robotaxi",
        "recession",
        "Canada",
        "golden dome",
    ];
    let mut t = W0 + rng.int(6, 30) * HOUR;
    while t < NOW + 2 * DAY {
        let (who, what) = *rng.pick(&speakers);
        let start = t.div_euclid(1800) * 1800;
        let dur = rng.int(30, 90) * 60;
        let open = start - rng.int(2, 4) * DAY;
        let close = start + dur + HOUR;
        let nwords = rng.int(4, 6);
        let busy = rng.lognormal(8.0, 0.5);
        let mut used = Vec::new();
        for _ in 0..nwords {
            let word = *rng.pick(&words);
            if used.contains(&word) {
                continue;
            }
            used.push(word);
            let title = format!("Will {who} say \"{word}\" during the {what} on {}?", date(start));
            let step = 60;
            let n = ((close - open) / step + 2) as usize;
            let mut e = blank_event(Kind::Mentions, title.clone(), open, step, close);
            e.live = Some((start, start + dur));
            e.start = start;
            let x0 = rng.normal() * 1.3 + 0.2;
            let segs = [
                Seg { until: start, vol: 0.06, jump_rate: 0.0, jump_sd: 0.0 },
                Seg { until: i64::MAX, vol: 0.3, jump_rate: 0.0, jump_sd: 0.0 },
            ];
            e.xs.push(walk(rng, open, step, n, x0, &segs, 0, &mut e.jumps));
            let yes = rng.chance(sigmoid(x0));
            deadline(&mut e, rng, start, start + dur, yes);
            let ev = w.add_event(e);
            let slug = slugify(&title);
            w.add_market(ev, 0, title, slug, ["Yes", "No"], open, 0.01 * rng.range(2.0, 5.0), busy * 12.0, busy * rng.range(0.6, 1.3), rng);
        }
        t += rng.int(14, 40) * HOUR;
    }
}

fn build_culture(w: &mut World, rng: &mut Rng) {
    let qs = [
        "Will the new Marvel film gross over $150M opening weekend?",
        "Will Taylor Swift announce a new album by June 30?",
        "Will GTA VI release before November?",
        "Will OpenAI release GPT-6 by June 30?",
        "Will MrBeast's video top 200M views in a week?",
        "Will a Kardashian announce a pregnancy in 2027?",
        "Will Drake release an album before July?",
        "Will the Eurovision winner be from a Nordic country?",
    ];
    for (i, q) in qs.iter().enumerate() {
        let x0 = rng.normal() * 1.2 - 0.4;
        let resolve = if i == 0 {
            Some((W0 + 20 * DAY, W0 + 23 * DAY, rng.chance(0.5)))
        } else if i == 4 {
            Some((W0 + 5 * DAY, W0 + 12 * DAY, rng.chance(0.4)))
        } else {
            None
        };
        long_binary(w, Kind::Culture, q, x0, 0.05, 0.01, rng.lognormal(6.0, 0.6), resolve, rng);
    }
    let t0 = W0 - 2 * HOUR;
    neg_risk_event(
        w,
        Kind::Culture,
        "Top Spotify artist in April",
        &["Bad Bunny", "Taylor Swift", "The Weeknd", "Sabrina Carpenter", "Billie Eilish"],
        300,
        t0,
        W0 + 28 * DAY,
        0.06,
        0.01,
        8.0,
        Some((W0 + 18 * DAY, W0 + 28 * DAY - HOUR)),
        W0 - 20 * DAY,
        rng,
    );
    neg_risk_event(
        w,
        Kind::Culture,
        "Which company has the best AI model end of May?",
        &["OpenAI", "Google", "Anthropic", "xAI", "DeepSeek"],
        300,
        t0,
        NOW + 30 * DAY,
        0.05,
        0.01,
        20.0,
        None,
        W0 - 30 * DAY,
        rng,
    );
}
