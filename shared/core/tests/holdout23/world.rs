//! The world the set trades in: a month of Polymarket-like markets (games, crypto windows,
//! elections, politics, macro releases, weather brackets, mention markets, culture, news), each
//! with a fair-price path and, when it resolves inside the month, a winner. Every fill in the set
//! happens at a market's book around that path at that second.

use super::NOW;
use super::rng::{Rng, phi, phi_inv};

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
/// Trades must be strictly after this.
pub const START: i64 = NOW - 30 * DAY;
/// US Eastern daylight time ends on Sunday 1 November 2026 at 06:00 UTC.
pub const DST_END: i64 = 1_793_512_800;
/// Polls close on the US east coast (7pm EST, 3 November 2026).
pub const ELECTION_NIGHT: i64 = 1_793_750_400;

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum League {
    Nba,
    Nfl,
    Nhl,
    Cfb,
    Epl,
    LaLiga,
    SerieA,
    Ucl,
    Tennis,
    Esports,
    Ufc,
}

impl League {
    pub fn soccer(self) -> bool {
        matches!(self, League::Epl | League::LaLiga | League::SerieA | League::Ucl)
    }
    pub fn us(self) -> bool {
        matches!(self, League::Nba | League::Nfl | League::Nhl | League::Cfb)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Game(League),
    Crypto15(usize),
    Crypto60(usize),
    CryptoDaily(usize),
    Election,
    Politics,
    Macro,
    News,
    Culture,
    Weather(usize),
    Mention,
}

pub enum Src {
    /// Probability of outcome 0 on a grid from `t0` every `step` seconds.
    Grid { t0: i64, step: i64, p: Vec<f32> },
    /// Priced off an asset's spot path: P(log spot at close > k).
    Spot { asset: usize, k: f64, sigma: f64 },
}

pub struct Market {
    pub kind: Kind,
    pub cid: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    /// First and last second it trades inside the month.
    pub open: i64,
    pub end: i64,
    /// Scheduled resolution (may lie after NOW).
    pub close: i64,
    /// The event itself: a game, a speech, a data release, election night.
    pub live: (i64, i64),
    pub spread: i64,
    pub heat: f64,
    pub reward: bool,
    pub src: Src,
    /// Grid-aligned shocks (scores, news, releases, words said): time and change in P(outcome 0).
    pub events: Vec<(i64, f32)>,
    pub winner: Option<usize>,
}

pub struct Spot {
    pub t0: i64,
    pub logp: Vec<f64>,
    /// Volatility per square-root second the market prices with.
    pub sigma: f64,
}

impl Spot {
    pub fn at(&self, t: i64) -> f64 {
        let i = ((t - self.t0).max(0) / 5) as usize;
        self.logp[i.min(self.logp.len() - 1)]
    }
}

/// Markets that belong together: a city's temperature brackets for a day, the words of a speech.
pub struct Group {
    pub name: String,
    pub markets: Vec<usize>,
    pub live: (i64, i64),
    pub close: i64,
    pub city: usize,
}

/// One trade of a well-known wallet (a leader that people and programs copy).
#[derive(Clone, Copy, Debug)]
pub struct Move {
    pub t: i64,
    pub m: usize,
    pub o: usize,
    pub buy: bool,
    pub h: i64,
    pub cents: i64,
}

pub struct Leader {
    pub wallet: String,
    pub style: &'static str,
    pub moves: Vec<Move>,
}

pub struct World {
    pub markets: Vec<Market>,
    pub spot: Vec<Spot>,
    /// Sharp spot moves per asset: time, direction, size in standard deviations.
    pub jolts: Vec<Vec<(i64, i8, f64)>>,
    pub w15: i64,
    pub w60: i64,
    pub crypto15: Vec<Vec<usize>>,
    pub crypto60: Vec<Vec<usize>>,
    pub daily: Vec<usize>,
    pub games: Vec<usize>,
    pub elections: Vec<usize>,
    pub politics: Vec<usize>,
    pub macro_: Vec<usize>,
    pub news: Vec<usize>,
    pub culture: Vec<usize>,
    pub weather: Vec<Group>,
    pub mentions: Vec<Group>,
    pub releases: Vec<Group>,
    /// Every market but the crypto windows, by scheduled close.
    pub by_close: Vec<usize>,
    pub leaders: Vec<Leader>,
}

pub const ASSETS: [(&str, &str, f64, f64); 4] =
    [("Bitcoin", "btc", 104_250.0, 0.46), ("Ethereum", "eth", 3_870.0, 0.64), ("Solana", "sol", 186.0, 0.82), ("XRP", "xrp", 2.43, 0.78)];

// ---------------------------------------------------------------------------------------------
// Calendar.

pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

pub fn civil(t: i64) -> (i64, usize, i64) {
    let z = t.div_euclid(DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m as usize, d)
}

/// "November 26".
pub fn month_day(t: i64) -> String {
    let (_, m, d) = civil(t);
    format!("{} {}", MONTHS[m - 1], d)
}

/// "november-26".
pub fn month_day_slug(t: i64) -> String {
    month_day(t).to_lowercase().replace(' ', "-")
}

/// "2026-11-26".
pub fn iso(t: i64) -> String {
    let (y, m, d) = civil(t);
    format!("{y}-{m:02}-{d:02}")
}

/// 0 = Monday.
pub fn weekday(t: i64) -> i64 {
    (t.div_euclid(DAY) + 3).rem_euclid(7)
}

pub fn midnight(t: i64) -> i64 {
    t.div_euclid(DAY) * DAY
}

/// US Eastern offset from UTC at `t`.
pub fn et_offset(t: i64) -> i64 {
    if t < DST_END { -4 * HOUR } else { -5 * HOUR }
}

/// Central European offset from UTC (summer time ended 25 October 2026).
pub const CET: i64 = HOUR;

fn clock12(local: i64, minutes: bool) -> String {
    let s = local.rem_euclid(DAY);
    let h = s / HOUR;
    let m = (s % HOUR) / MIN;
    let (h12, ap) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    if minutes { format!("{h12}:{m:02}{ap}") } else { format!("{h12}{ap}") }
}

// ---------------------------------------------------------------------------------------------
// Prices.

impl World {
    /// P(outcome 0) at `t`.
    pub fn prob(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        match &mk.src {
            Src::Grid { t0, step, p } => {
                let i = ((t - t0).max(0) / step) as usize;
                p[i.min(p.len() - 1)] as f64
            }
            Src::Spot { asset, k, sigma } => {
                let tt = t.min(mk.close);
                let x = self.spot[*asset].at(tt) - k;
                let rem = (mk.close - tt) as f64;
                if rem < 1.0 { if x > 0.0 { 1.0 } else { 0.0 } } else { phi(x / (sigma * rem.sqrt())) }
            }
        }
    }

    pub fn prob_o(&self, m: usize, o: usize, t: i64) -> f64 {
        let p = self.prob(m, t);
        if o == 0 { p } else { 1.0 - p }
    }

    /// The book a moment before `t` (what a fast program picks off right after a shock).
    pub fn stale_o(&self, m: usize, o: usize, t: i64) -> f64 {
        let back = match &self.markets[m].src {
            Src::Grid { step, .. } => *step,
            Src::Spot { .. } => 5,
        };
        self.prob_o(m, o, (t - back).max(self.markets[m].open))
    }

    pub fn mid(&self, m: usize, o: usize, t: i64) -> i64 {
        ((self.prob_o(m, o, t) * 100.0).round() as i64).clamp(1, 99)
    }

    pub fn bid_at(&self, m: usize, p: f64) -> i64 {
        let s = self.markets[m].spread;
        ((p * 100.0 - s as f64 / 2.0).round() as i64).clamp(1, 98)
    }

    pub fn ask_at(&self, m: usize, p: f64) -> i64 {
        (self.bid_at(m, p) + self.markets[m].spread).clamp(2, 99)
    }

    pub fn bid(&self, m: usize, o: usize, t: i64) -> i64 {
        self.bid_at(m, self.prob_o(m, o, t))
    }

    pub fn ask(&self, m: usize, o: usize, t: i64) -> i64 {
        self.ask_at(m, self.prob_o(m, o, t))
    }

    pub fn is_open(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.open && t <= mk.end
    }

    /// The outcome priced higher at `t`.
    pub fn leader_o(&self, m: usize, t: i64) -> usize {
        if self.prob(m, t) >= 0.5 { 0 } else { 1 }
    }

    /// First second in [from, to] at which outcome `o`'s mid is at or beyond `level` cents
    /// (`above`: mid >= level; otherwise mid <= level).
    pub fn first_cross(&self, m: usize, o: usize, from: i64, to: i64, level: i64, above: bool) -> Option<i64> {
        let mk = &self.markets[m];
        let from = from.max(mk.open);
        let to = to.min(mk.end);
        if from > to {
            return None;
        }
        let step = match &mk.src {
            Src::Grid { t0, step, .. } => {
                // Walk grid points; the first check is at `from` itself.
                let hit = |t: i64| {
                    let c = self.mid(m, o, t);
                    if above { c >= level } else { c <= level }
                };
                if hit(from) {
                    return Some(from);
                }
                let mut t = t0 + ((from - t0) / step + 1) * step;
                while t <= to {
                    if hit(t) {
                        return Some(t);
                    }
                    t += step;
                }
                return None;
            }
            Src::Spot { .. } => 5,
        };
        let mut t = from;
        while t <= to {
            let c = self.mid(m, o, t);
            if (above && c >= level) || (!above && c <= level) {
                return Some(t);
            }
            t += step;
        }
        None
    }

    pub fn window15(&self, asset: usize, t: i64) -> Option<usize> {
        let k = (t - self.w15).div_euclid(900);
        if k < 0 {
            return None;
        }
        self.crypto15[asset].get(k as usize).copied()
    }

    pub fn window60(&self, asset: usize, t: i64) -> Option<usize> {
        let k = (t - self.w60).div_euclid(3600);
        if k < 0 {
            return None;
        }
        self.crypto60[asset].get(k as usize).copied()
    }

    /// Games whose start lies in [a, b).
    pub fn games_starting(&self, a: i64, b: i64) -> &[usize] {
        let lo = self.games.partition_point(|&g| self.markets[g].live.0 < a);
        let hi = self.games.partition_point(|&g| self.markets[g].live.0 < b);
        &self.games[lo..hi]
    }

    /// Markets (not crypto windows) scheduled to close in [a, b).
    pub fn closing(&self, a: i64, b: i64) -> &[usize] {
        let lo = self.by_close.partition_point(|&g| self.markets[g].close < a);
        let hi = self.by_close.partition_point(|&g| self.markets[g].close < b);
        &self.by_close[lo..hi]
    }
}

// ---------------------------------------------------------------------------------------------
// Building.

/// A variance profile for the latent score behind a market: a base rate, and a higher rate while
/// the event is live.
#[derive(Clone, Copy)]
pub struct Prof {
    pub base: f64,
    pub live: (i64, i64),
    pub rate: f64,
}

impl Prof {
    fn var(&self, a: i64, b: i64) -> f64 {
        if b <= a {
            return 0.0;
        }
        let ov = (b.min(self.live.1) - a.max(self.live.0)).max(0) as f64;
        self.base * (b - a) as f64 + (self.rate - self.base) * ov
    }
}

pub struct Path {
    pub t0: i64,
    pub p: Vec<f32>,
    pub events: Vec<(i64, f32)>,
    pub winner: Option<usize>,
}

/// A latent score X with Gaussian increments (and shocks at given times) decides the market:
/// outcome 0 wins when X > 0 at close. The price is P(X_close > 0 | X_t), so it is a martingale
/// that runs to 0 or 1 as the remaining variance runs out. `force` makes the last shock pick the
/// given winner (for groups where exactly one market resolves Yes).
pub fn latent(rng: &mut Rng, open: i64, close: i64, step: i64, p0: f64, prof: &Prof, shocks: &[(i64, f64)], force: Option<usize>) -> Path {
    let raw = open.max(START + 1);
    let t0 = if close <= NOW { close - ((close - raw) / step) * step } else { raw };
    let tend = close.min(NOW);
    let n = ((tend - t0) / step + 1).max(1) as usize;
    let mut sh: Vec<(i64, f64)> =
        shocks.iter().filter(|s| s.0 > t0 && s.0 <= close).map(|&(t, v)| (t0 + ((t - t0 + step - 1) / step) * step, v)).collect();
    sh.sort_by_key(|s| s.0);
    let mut suf = vec![0.0; sh.len() + 1];
    for j in (0..sh.len()).rev() {
        suf[j] = suf[j + 1] + sh[j].1;
    }
    let last_shock = sh.last().map(|s| s.0);
    let mut j = 0;
    let v0 = prof.var(t0, close) + suf[0];
    let mut x = phi_inv(p0) * v0.max(1e-12).sqrt();
    let mut p = Vec::with_capacity(n);
    let mut events = Vec::new();
    let mut prev = p0;
    p.push(p0 as f32);
    for i in 1..n {
        let t = t0 + i as i64 * step;
        x += rng.normal() * prof.var(t - step, t).sqrt();
        let mut shocked = false;
        while j < sh.len() && sh[j].0 <= t {
            let sign = if rng.chance(0.5) { 1.0 } else { -1.0 };
            x += sign * sh[j].1.sqrt() * rng.uniform(0.6, 1.4);
            if Some(sh[j].0) == last_shock && close <= NOW {
                if let Some(w) = force {
                    if (w == 0) != (x > 0.0) {
                        x = -x;
                    }
                }
            }
            j += 1;
            shocked = true;
        }
        let v = prof.var(t, close) + suf[j];
        let pi = if v > 1e-12 {
            phi(x / v.sqrt())
        } else if x > 0.0 {
            1.0
        } else {
            0.0
        };
        if shocked {
            events.push((t, (pi - prev) as f32));
        }
        prev = pi;
        p.push(pi as f32);
    }
    let winner = if close <= NOW { Some(if x > 0.0 { 0 } else { 1 }) } else { None };
    Path { t0, p, events, winner }
}

struct B {
    rng: Rng,
    markets: Vec<Market>,
}

pub struct Spec<'a> {
    pub kind: Kind,
    pub title: String,
    pub slug: String,
    pub outcomes: [&'a str; 2],
    pub open: i64,
    pub close: i64,
    pub live: (i64, i64),
    pub spread: i64,
    pub heat: f64,
}

impl B {
    fn push(&mut self, s: Spec, src: Src, events: Vec<(i64, f32)>, winner: Option<usize>) -> usize {
        let cid = format!("0x{}", self.rng.hex(64));
        let tokens = [self.rng.digits(77), self.rng.digits(77)];
        let open = match &src {
            Src::Grid { t0, .. } => *t0,
            Src::Spot { .. } => s.open.max(START + 1),
        };
        let reward = matches!(s.kind, Kind::Election | Kind::Politics | Kind::News | Kind::Culture | Kind::Macro)
            || matches!(s.kind, Kind::Game(l) if matches!(l, League::Nfl | League::Nba | League::Epl | League::Ucl));
        self.markets.push(Market {
            kind: s.kind,
            cid,
            tokens,
            outcomes: [s.outcomes[0].to_string(), s.outcomes[1].to_string()],
            title: s.title,
            slug: s.slug,
            open,
            end: s.close.min(NOW),
            close: s.close,
            live: s.live,
            spread: s.spread,
            heat: s.heat,
            reward,
            src,
            events,
            winner,
        });
        self.markets.len() - 1
    }

    fn latent_market(&mut self, s: Spec, step: i64, p0: f64, prof: Prof, shocks: &[(i64, f64)], force: Option<usize>) -> usize {
        let path = latent(&mut self.rng, s.open, s.close, step, p0, &prof, shocks, force);
        self.push(s, Src::Grid { t0: path.t0, step, p: path.p }, path.events, path.winner)
    }
}

impl World {
    pub fn build(seed: u64) -> World {
        let mut b = B { rng: Rng::fork(seed, 1, 0), markets: Vec::new() };
        let (spot, jolts) = spot_paths(&mut Rng::fork(seed, 1, 1));
        let mut w = World {
            markets: Vec::new(),
            spot,
            jolts,
            w15: START.div_euclid(900) * 900,
            w60: START.div_euclid(3600) * 3600,
            crypto15: vec![Vec::new(); 4],
            crypto60: vec![Vec::new(); 4],
            daily: Vec::new(),
            games: Vec::new(),
            elections: Vec::new(),
            politics: Vec::new(),
            macro_: Vec::new(),
            news: Vec::new(),
            culture: Vec::new(),
            weather: Vec::new(),
            mentions: Vec::new(),
            releases: Vec::new(),
            by_close: Vec::new(),
            leaders: Vec::new(),
        };
        crypto_markets(&mut b, &mut w);
        games(&mut b, &mut w, &mut Rng::fork(seed, 1, 2));
        elections(&mut b, &mut w, &mut Rng::fork(seed, 1, 3));
        politics_news_culture(&mut b, &mut w, &mut Rng::fork(seed, 1, 4));
        macro_markets(&mut b, &mut w, &mut Rng::fork(seed, 1, 5));
        weather(&mut b, &mut w, &mut Rng::fork(seed, 1, 6));
        mentions(&mut b, &mut w, &mut Rng::fork(seed, 1, 7));
        w.markets = b.markets;
        let ms = &w.markets;
        w.games.sort_by_key(|&g| (ms[g].live.0, g));
        let mut by_close: Vec<usize> = (0..ms.len()).filter(|&m| !matches!(ms[m].kind, Kind::Crypto15(_) | Kind::Crypto60(_))).collect();
        by_close.sort_by_key(|&m| (ms[m].close, m));
        w.by_close = by_close;
        w
    }
}

fn spot_paths(rng: &mut Rng) -> (Vec<Spot>, Vec<Vec<(i64, i8, f64)>>) {
    let t0 = START.div_euclid(HOUR) * HOUR - HOUR;
    let n = ((NOW + HOUR - t0) / 5 + 1) as usize;
    let year = 365.0 * DAY as f64;
    let mut out: Vec<Spot> = ASSETS.iter().map(|a| Spot { t0, logp: Vec::with_capacity(n), sigma: a.3 / year.sqrt() }).collect();
    let mut jolts = vec![Vec::new(); 4];
    let mut x: Vec<f64> = ASSETS.iter().map(|a| a.2.ln()).collect();
    let mut day_f = 1.0;
    let mut hour_f = 1.0;
    for i in 0..n {
        let t = t0 + i as i64 * 5;
        if (t - t0) % DAY == 0 {
            day_f = rng.lognormal(1.0, 0.25);
        }
        if (t - t0) % HOUR == 0 {
            let h = t.rem_euclid(DAY) / HOUR;
            let diurnal = if (13..21).contains(&h) {
                1.35
            } else if h < 6 {
                0.8
            } else {
                1.0
            };
            let weekend = if weekday(t) >= 5 { 0.75 } else { 1.0 };
            hour_f = day_f * diurnal * weekend * rng.lognormal(1.0, 0.2);
        }
        let common = rng.normal();
        let jump = if rng.chance(7.0 / 17_280.0) { rng.normal() * 6.0 } else { 0.0 };
        for a in 0..4 {
            let sd = out[a].sigma * 5f64.sqrt();
            let rho = if a == 0 { 1.0 } else { 0.78 };
            let z = rho * common + (1.0 - rho * rho).sqrt() * rng.normal();
            let j = if a == 0 { jump } else { jump * rng.uniform(0.8, 1.5) };
            let dx = sd * (z * hour_f + j);
            if i > 0 && dx.abs() > 3.0 * sd && t > START && t <= NOW {
                jolts[a].push((t, if dx > 0.0 { 1 } else { -1 }, dx.abs() / sd));
            }
            x[a] += dx;
            out[a].logp.push(x[a]);
        }
    }
    (out, jolts)
}

fn crypto_markets(b: &mut B, w: &mut World) {
    for (a, asset) in ASSETS.iter().enumerate() {
        let heat = [1.0, 0.7, 0.5, 0.4][a];
        let mut k = 0;
        loop {
            let start = w.w15 + k * 900;
            if start >= NOW {
                break;
            }
            let close = start + 900;
            let et = start + et_offset(start);
            let title = format!("{} Up or Down - {}, {}-{} ET", asset.0, month_day(et), clock12(et, true), clock12(et + 900, true));
            let slug = format!("{}-updown-15m-{}", asset.1, start);
            let spec = Spec {
                kind: Kind::Crypto15(a),
                title,
                slug,
                outcomes: ["Up", "Down"],
                open: start,
                close,
                live: (start, close),
                spread: 1,
                heat,
            };
            let src = Src::Spot { asset: a, k: w.spot[a].at(start), sigma: w.spot[a].sigma };
            let winner = (close <= NOW).then(|| if w.spot[a].at(close) > w.spot[a].at(start) { 0 } else { 1 });
            let m = b.push(spec, src, Vec::new(), winner);
            w.crypto15[a].push(m);
            k += 1;
        }
        let mut k = 0;
        loop {
            let start = w.w60 + k * 3600;
            if start >= NOW {
                break;
            }
            let close = start + 3600;
            let et = start + et_offset(start);
            let title = format!("{} Up or Down - {}, {} ET", asset.0, month_day(et), clock12(et, false));
            let slug = format!("{}-up-or-down-{}-{}-et", asset.0.to_lowercase(), month_day_slug(et), clock12(et, false).to_lowercase());
            let spec = Spec {
                kind: Kind::Crypto60(a),
                title,
                slug,
                outcomes: ["Up", "Down"],
                open: start,
                close,
                live: (start, close),
                spread: 1,
                heat: heat * 1.6,
            };
            let src = Src::Spot { asset: a, k: w.spot[a].at(start), sigma: w.spot[a].sigma };
            let winner = (close <= NOW).then(|| if w.spot[a].at(close) > w.spot[a].at(start) { 0 } else { 1 });
            let m = b.push(spec, src, Vec::new(), winner);
            w.crypto60[a].push(m);
            k += 1;
        }
    }
    // Daily "above K at noon ET" strikes for bitcoin and ethereum.
    let mut day = midnight(START) - DAY;
    while day < NOW + 2 * DAY {
        for (a, step, n) in [(0usize, 2000.0, 5i64), (1, 100.0, 4)] {
            let close = day + 12 * HOUR - et_offset(day + 12 * HOUR);
            let listed = close - 2 * DAY;
            if close <= START + HOUR || listed >= NOW {
                continue;
            }
            let reference = w.spot[a].at(listed.max(w.spot[a].t0));
            let centre = ((reference.exp() / step).round()) * step;
            for s in 0..n {
                let strike = centre + (s - n / 2) as f64 * step;
                let shown = format!("{},{:03}", (strike as i64) / 1000, (strike as i64) % 1000);
                let short = if a == 0 { format!("{}k", (strike as i64) / 1000) } else { format!("{}", strike as i64) };
                let title = format!("{} above {} on {}?", ASSETS[a].0, shown, month_day(close));
                let slug = format!("{}-above-{}-on-{}", ASSETS[a].0.to_lowercase(), short, month_day_slug(close));
                let spec = Spec {
                    kind: Kind::CryptoDaily(a),
                    title,
                    slug,
                    outcomes: ["Yes", "No"],
                    open: listed,
                    close,
                    live: (close - 6 * HOUR, close),
                    spread: 1,
                    heat: if s == n / 2 { 2.0 } else { 1.0 },
                };
                let k = strike.ln();
                let winner = (close <= NOW).then(|| if w.spot[a].at(close) > k { 0 } else { 1 });
                let m = b.push(spec, Src::Spot { asset: a, k, sigma: w.spot[a].sigma }, Vec::new(), winner);
                w.daily.push(m);
            }
        }
        day += DAY;
    }
}

const NBA: [(&str, &str); 30] = [
    ("Hawks", "atl"),
    ("Celtics", "bos"),
    ("Nets", "bkn"),
    ("Hornets", "cha"),
    ("Bulls", "chi"),
    ("Cavaliers", "cle"),
    ("Mavericks", "dal"),
    ("Nuggets", "den"),
    ("Pistons", "det"),
    ("Warriors", "gsw"),
    ("Rockets", "hou"),
    ("Pacers", "ind"),
    ("Clippers", "lac"),
    ("Lakers", "lal"),
    ("Grizzlies", "mem"),
    ("Heat", "mia"),
    ("Bucks", "mil"),
    ("Timberwolves", "min"),
    ("Pelicans", "nop"),
    ("Knicks", "nyk"),
    ("Thunder", "okc"),
    ("Magic", "orl"),
    ("76ers", "phi"),
    ("Suns", "phx"),
    ("Trail Blazers", "por"),
    ("Kings", "sac"),
    ("Spurs", "sas"),
    ("Raptors", "tor"),
    ("Jazz", "uta"),
    ("Wizards", "was"),
];
const NFL: [(&str, &str); 32] = [
    ("Cardinals", "ari"),
    ("Falcons", "atl"),
    ("Ravens", "bal"),
    ("Bills", "buf"),
    ("Panthers", "car"),
    ("Bears", "chi"),
    ("Bengals", "cin"),
    ("Browns", "cle"),
    ("Cowboys", "dal"),
    ("Broncos", "den"),
    ("Lions", "det"),
    ("Packers", "gb"),
    ("Texans", "hou"),
    ("Colts", "ind"),
    ("Jaguars", "jax"),
    ("Chiefs", "kc"),
    ("Raiders", "lv"),
    ("Chargers", "lac"),
    ("Rams", "lar"),
    ("Dolphins", "mia"),
    ("Vikings", "min"),
    ("Patriots", "ne"),
    ("Saints", "no"),
    ("Giants", "nyg"),
    ("Jets", "nyj"),
    ("Eagles", "phi"),
    ("Steelers", "pit"),
    ("49ers", "sf"),
    ("Seahawks", "sea"),
    ("Buccaneers", "tb"),
    ("Titans", "ten"),
    ("Commanders", "was"),
];
const NHL: [(&str, &str); 32] = [
    ("Ducks", "ana"),
    ("Bruins", "bos"),
    ("Sabres", "buf"),
    ("Flames", "cgy"),
    ("Hurricanes", "car"),
    ("Blackhawks", "chi"),
    ("Avalanche", "col"),
    ("Blue Jackets", "cbj"),
    ("Stars", "dal"),
    ("Red Wings", "det"),
    ("Oilers", "edm"),
    ("Panthers", "fla"),
    ("Kings", "la"),
    ("Wild", "min"),
    ("Canadiens", "mtl"),
    ("Predators", "nsh"),
    ("Devils", "nj"),
    ("Islanders", "nyi"),
    ("Rangers", "nyr"),
    ("Senators", "ott"),
    ("Flyers", "phi"),
    ("Penguins", "pit"),
    ("Sharks", "sj"),
    ("Kraken", "sea"),
    ("Blues", "stl"),
    ("Lightning", "tb"),
    ("Maple Leafs", "tor"),
    ("Mammoth", "uta"),
    ("Canucks", "van"),
    ("Golden Knights", "vgk"),
    ("Capitals", "wsh"),
    ("Jets", "wpg"),
];
const CFB: [(&str, &str); 24] = [
    ("Ohio State", "osu"),
    ("Michigan", "mich"),
    ("Georgia", "uga"),
    ("Alabama", "bama"),
    ("Texas", "tex"),
    ("Oregon", "ore"),
    ("Penn State", "psu"),
    ("Notre Dame", "nd"),
    ("LSU", "lsu"),
    ("Tennessee", "tenn"),
    ("Ole Miss", "miss"),
    ("Miami", "mia"),
    ("Clemson", "clem"),
    ("Florida State", "fsu"),
    ("USC", "usc"),
    ("Texas A&M", "tamu"),
    ("Oklahoma", "okla"),
    ("Auburn", "aub"),
    ("Florida", "fla"),
    ("Wisconsin", "wis"),
    ("Iowa", "iowa"),
    ("Utah", "utah"),
    ("Kansas State", "ksu"),
    ("Missouri", "mizz"),
];
const EPL: [(&str, &str); 20] = [
    ("Arsenal FC", "ars"),
    ("Aston Villa FC", "avl"),
    ("AFC Bournemouth", "bou"),
    ("Brentford FC", "bre"),
    ("Brighton & Hove Albion FC", "bha"),
    ("Burnley FC", "bur"),
    ("Chelsea FC", "che"),
    ("Crystal Palace FC", "cry"),
    ("Everton FC", "eve"),
    ("Fulham FC", "ful"),
    ("Leeds United FC", "lee"),
    ("Liverpool FC", "liv"),
    ("Manchester City FC", "mci"),
    ("Manchester United FC", "mun"),
    ("Newcastle United FC", "new"),
    ("Nottingham Forest FC", "nfo"),
    ("Sunderland AFC", "sun"),
    ("Tottenham Hotspur FC", "tot"),
    ("West Ham United FC", "whu"),
    ("Wolverhampton Wanderers FC", "wol"),
];
const LALIGA: [(&str, &str); 12] = [
    ("Real Madrid CF", "rma"),
    ("FC Barcelona", "bar"),
    ("Club Atlético de Madrid", "atm"),
    ("Athletic Club", "ath"),
    ("Real Sociedad", "rso"),
    ("Villarreal CF", "vil"),
    ("Real Betis", "bet"),
    ("Sevilla FC", "sev"),
    ("Valencia CF", "val"),
    ("Girona FC", "gir"),
    ("RC Celta", "cel"),
    ("CA Osasuna", "osa"),
];
const SERIEA: [(&str, &str); 12] = [
    ("FC Internazionale Milano", "int"),
    ("AC Milan", "acm"),
    ("Juventus FC", "juv"),
    ("SSC Napoli", "nap"),
    ("AS Roma", "rom"),
    ("SS Lazio", "laz"),
    ("Atalanta BC", "ata"),
    ("ACF Fiorentina", "fio"),
    ("Bologna FC 1909", "bol"),
    ("Torino FC", "tor"),
    ("Como 1907", "com"),
    ("Genoa CFC", "gen"),
];
const UCL: [(&str, &str); 18] = [
    ("FC Bayern München", "bay"),
    ("Paris Saint-Germain FC", "psg"),
    ("Borussia Dortmund", "bvb"),
    ("SL Benfica", "ben"),
    ("FC Porto", "por"),
    ("PSV", "psv"),
    ("Club Brugge KV", "bru"),
    ("Galatasaray SK", "gal"),
    ("Arsenal FC", "ars"),
    ("Liverpool FC", "liv"),
    ("Real Madrid CF", "rma"),
    ("FC Barcelona", "bar"),
    ("FC Internazionale Milano", "int"),
    ("Manchester City FC", "mci"),
    ("Juventus FC", "juv"),
    ("Bayer 04 Leverkusen", "lev"),
    ("Atalanta BC", "ata"),
    ("Chelsea FC", "che"),
];
const TENNIS: [(&str, &str); 16] = [
    ("Sinner", "sinner"),
    ("Alcaraz", "alcaraz"),
    ("Zverev", "zverev"),
    ("Djokovic", "djokovic"),
    ("Fritz", "fritz"),
    ("Draper", "draper"),
    ("De Minaur", "de-minaur"),
    ("Shelton", "shelton"),
    ("Musetti", "musetti"),
    ("Rune", "rune"),
    ("Medvedev", "medvedev"),
    ("Ruud", "ruud"),
    ("Mensik", "mensik"),
    ("Fonseca", "fonseca"),
    ("Mpetshi Perricard", "mpetshi"),
    ("Lehecka", "lehecka"),
];
const CS2: [(&str, &str); 12] = [
    ("Vitality", "vit"),
    ("MOUZ", "mouz"),
    ("Team Spirit", "spirit"),
    ("Falcons", "falcons"),
    ("Natus Vincere", "navi"),
    ("FaZe", "faze"),
    ("The MongolZ", "mongolz"),
    ("Aurora", "aurora"),
    ("G2", "g2"),
    ("FURIA", "furia"),
    ("Astralis", "astralis"),
    ("Team Liquid", "liquid"),
];
const LOL: [(&str, &str); 8] = [
    ("T1", "t1"),
    ("Gen.G", "gen"),
    ("Hanwha Life Esports", "hle"),
    ("Bilibili Gaming", "blg"),
    ("Top Esports", "tes"),
    ("Anyone's Legend", "al"),
    ("G2 Esports", "g2"),
    ("KT Rolster", "kt"),
];
const UFC: [&str; 18] = [
    "Pereira",
    "Ankalaev",
    "Topuria",
    "Oliveira",
    "Du Plessis",
    "Chimaev",
    "Makhachev",
    "Della Maddalena",
    "Aspinall",
    "Gane",
    "Dvalishvili",
    "O'Malley",
    "Pantoja",
    "Royval",
    "Holloway",
    "Gaethje",
    "Shevchenko",
    "Grasso",
];

struct Fixture {
    league: League,
    start: i64,
    a: (&'static str, &'static str),
    b: (&'static str, &'static str),
    extra: &'static str,
}

fn pairs(
    rng: &mut Rng,
    teams: &[(&'static str, &'static str)],
    n: usize,
) -> Vec<((&'static str, &'static str), (&'static str, &'static str))> {
    let mut idx: Vec<usize> = (0..teams.len()).collect();
    rng.shuffle(&mut idx);
    idx.chunks(2).take(n).filter(|c| c.len() == 2).map(|c| (teams[c[0]], teams[c[1]])).collect()
}

fn fixtures(rng: &mut Rng) -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut day = midnight(START) - DAY;
    let thanksgiving = midnight(NOW);
    while day <= midnight(NOW) + DAY {
        let wd = weekday(day);
        let et = -et_offset(day + 12 * HOUR);
        let at_et = |h: f64| day + (h * HOUR as f64) as i64 + et;
        let at_utc = |h: f64| day + (h * HOUR as f64) as i64;
        let (y, m, d) = civil(day);
        let intl_break = m == 11 && (13..=17).contains(&d);
        // NBA: evenings ET, afternoon games at weekends.
        let n_nba = ([8i64, 5, 10, 4, 9, 6, 7][wd as usize] + rng.range(-1, 1)).max(0) as usize;
        if day != thanksgiving {
            for (i, (a, b)) in pairs(rng, &NBA, n_nba).into_iter().enumerate() {
                let h =
                    if wd >= 5 && i < 2 { rng.pick(&[13.0, 15.5]) } else { rng.pick(&[19.0, 19.0, 19.5, 20.0, 20.5, 21.0, 22.0, 22.5]) };
                out.push(Fixture { league: League::Nba, start: at_et(h), a, b, extra: "" });
            }
        }
        let n_nhl = ([4i64, 9, 5, 9, 4, 11, 5][wd as usize] + rng.range(-1, 1)).max(0) as usize;
        if day != thanksgiving {
            for (a, b) in pairs(rng, &NHL, n_nhl) {
                let h = rng.pick(&[19.0, 19.0, 19.5, 20.0, 21.0, 22.0]);
                out.push(Fixture { league: League::Nhl, start: at_et(h), a, b, extra: "" });
            }
        }
        // NFL.
        let nfl_slots: Vec<f64> = if day == thanksgiving {
            vec![12.5, 16.5, 20.33]
        } else {
            match wd {
                3 => vec![20.25],
                6 => {
                    let mut v = vec![13.0; rng.range(6, 8) as usize];
                    v.extend(std::iter::repeat_n(16.25, rng.range(3, 4) as usize));
                    v.push(20.33);
                    v
                }
                0 => vec![20.25],
                _ => vec![],
            }
        };
        for (i, (a, b)) in pairs(rng, &NFL, nfl_slots.len()).into_iter().enumerate() {
            out.push(Fixture { league: League::Nfl, start: at_et(nfl_slots[i]), a, b, extra: "" });
        }
        if wd == 5 {
            let slots = [12.0, 12.0, 12.0, 15.5, 15.5, 15.5, 19.0, 19.0, 19.5, 19.5, 22.5];
            for (i, (a, b)) in pairs(rng, &CFB, slots.len()).into_iter().enumerate() {
                out.push(Fixture { league: League::Cfb, start: at_et(slots[i]), a, b, extra: "" });
            }
            // UFC card: three fights late Saturday ET.
            let mut f: Vec<(&'static str, &'static str)> = UFC.iter().map(|&n| (n, n)).collect();
            rng.shuffle(&mut f);
            for (i, h) in [22.0, 22.6, 23.3].iter().enumerate() {
                out.push(Fixture { league: League::Ufc, start: at_et(*h), a: f[2 * i], b: f[2 * i + 1], extra: "" });
            }
        }
        if !intl_break {
            let epl: Vec<f64> = match wd {
                5 => vec![12.5, 15.0, 15.0, 15.0, 15.0, 17.5],
                6 => vec![14.0, 14.0, 16.5],
                0 => {
                    if rng.chance(0.5) {
                        vec![20.0]
                    } else {
                        vec![]
                    }
                }
                _ => vec![],
            };
            for (i, (a, b)) in pairs(rng, &EPL, epl.len()).into_iter().enumerate() {
                out.push(Fixture { league: League::Epl, start: at_utc(epl[i]), a, b, extra: "epl" });
            }
            let liga: Vec<f64> = match wd {
                4 => vec![21.0],
                5 | 6 => vec![14.0, 16.25, 18.5, 21.0],
                0 => vec![21.0],
                _ => vec![],
            };
            for (i, (a, b)) in pairs(rng, &LALIGA, liga.len()).into_iter().enumerate() {
                out.push(Fixture { league: League::LaLiga, start: at_utc(liga[i]) - CET, a, b, extra: "lal" });
            }
            let sa: Vec<f64> = match wd {
                5 => vec![15.0, 18.0, 20.75],
                6 => vec![12.5, 15.0, 18.0, 20.75],
                0 => vec![20.75],
                _ => vec![],
            };
            for (i, (a, b)) in pairs(rng, &SERIEA, sa.len()).into_iter().enumerate() {
                out.push(Fixture { league: League::SerieA, start: at_utc(sa[i]) - CET, a, b, extra: "sea" });
            }
        }
        if m == 11 && [3, 4, 24, 25].contains(&d) {
            let slots = [17.75, 17.75, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0];
            for (i, (a, b)) in pairs(rng, &UCL, slots.len()).into_iter().enumerate() {
                out.push(Fixture { league: League::Ucl, start: at_utc(slots[i]) - CET, a, b, extra: "ucl" });
            }
        }
        // Tennis: Paris Masters to 1 November, ATP Finals 8-15 November, Davis Cup Finals from 24 November.
        let tennis: Vec<(f64, &'static str)> = if (m == 10 && d >= 27) || (m == 11 && d == 1) {
            let n = match d {
                27..=29 => 7,
                30 => 4,
                31 => 2,
                _ => 1,
            };
            (0..n).map(|i| (10.0 + i as f64 * 1.6, "Paris Masters")).collect()
        } else if m == 11 && (8..=15).contains(&d) {
            if d >= 14 { vec![(if d == 15 { 17.0 } else { 14.0 }, "ATP Finals")] } else { vec![(12.0, "ATP Finals"), (19.0, "ATP Finals")] }
        } else if m == 11 && d >= 24 {
            vec![(10.0, "Davis Cup Finals"), (15.0, "Davis Cup Finals")]
        } else {
            vec![]
        };
        for (i, (a, b)) in pairs(rng, &TENNIS, tennis.len()).into_iter().enumerate() {
            out.push(Fixture { league: League::Tennis, start: at_utc(tennis[i].0), a, b, extra: tennis[i].1 });
        }
        // Esports: Counter-Strike most days, League of Legends Worlds knockouts.
        let n_cs = rng.range(1, 4) as usize;
        for (a, b) in pairs(rng, &CS2, n_cs) {
            let h = rng.pick(&[11.0, 13.5, 14.0, 16.5, 17.0, 19.5]);
            out.push(Fixture { league: League::Esports, start: at_utc(h), a, b, extra: "cs2" });
        }
        let lol_day = (m == 10 && (29..=31).contains(&d)) || (m == 11 && [1, 7, 8, 15].contains(&d));
        if lol_day {
            for (a, b) in pairs(rng, &LOL, 1) {
                out.push(Fixture { league: League::Esports, start: at_utc(8.0), a, b, extra: "lol" });
            }
        }
        let _ = y;
        day += DAY;
    }
    out
}

fn games(b: &mut B, w: &mut World, rng: &mut Rng) {
    for f in fixtures(rng) {
        let (dur, shock_share, lambda, heat, spread) = match f.league {
            League::Nba => (8_400, 0.35, 10.0, 1.5, 1),
            League::Nfl => (11_400, 0.6, 8.0, 3.0, 1),
            League::Nhl => (9_000, 0.7, 5.8, 0.8, 2),
            League::Cfb => (12_600, 0.6, 9.0, 1.4, 2),
            League::Epl => (6_900, 0.75, 2.7, 1.5, 1),
            League::LaLiga => (6_900, 0.75, 2.6, 0.9, 2),
            League::SerieA => (6_900, 0.75, 2.4, 0.7, 2),
            League::Ucl => (6_900, 0.75, 2.9, 2.0, 1),
            League::Tennis => (rng.range(5_400, 10_800), 0.6, 7.0, 0.7, 2),
            League::Esports => (if f.extra == "lol" { 12_000 } else { 7_200 }, 0.6, 6.0, 0.5, 2),
            League::Ufc => (rng.range(600, 1_500), 0.6, 1.5, 0.8, 2),
        };
        let start = f.start;
        let end = start + dur;
        let open = start - 30 * HOUR;
        let close = end + rng.range(12 * MIN, 50 * MIN);
        if end + HOUR < START || open >= NOW || close <= START + HOUR {
            continue;
        }
        let date = iso(start + et_offset(start));
        let (title, slug, outcomes, p0): (String, String, [&str; 2], f64) = match f.league {
            League::Epl | League::LaLiga | League::SerieA | League::Ucl => (
                format!("Will {} win on {}?", f.a.0, iso(start)),
                format!("{}-{}-{}-{}-{}", f.extra, f.a.1, f.b.1, iso(start), f.a.1),
                ["Yes", "No"],
                rng.uniform(0.2, 0.72),
            ),
            League::Tennis => (
                format!("{}: {} vs {}", f.extra, f.a.0, f.b.0),
                format!("atp-{}-{}-{}", f.a.1, f.b.1, iso(start)),
                [f.a.0, f.b.0],
                rng.uniform(0.22, 0.8),
            ),
            League::Esports => (
                if f.extra == "lol" {
                    format!("LoL: {} vs {} (BO5) - Worlds Playoffs", f.a.0, f.b.0)
                } else {
                    format!("Counter-Strike: {} vs {} (BO3)", f.a.0, f.b.0)
                },
                format!("{}-{}-{}-{}", f.extra, f.a.1, f.b.1, iso(start)),
                [f.a.0, f.b.0],
                rng.uniform(0.25, 0.78),
            ),
            League::Ufc => (
                format!("UFC Fight Night: {} vs. {}", f.a.0, f.b.0),
                format!("ufc-{}-{}-{}", f.a.0.to_lowercase().replace([' ', '\''], ""), f.b.0.to_lowercase().replace([' ', '\''], ""), date),
                [f.a.0, f.b.0],
                rng.uniform(0.2, 0.82),
            ),
            _ => {
                let tag = match f.league {
                    League::Nba => "nba",
                    League::Nfl => "nfl",
                    League::Nhl => "nhl",
                    _ => "cfb",
                };
                (
                    format!("{} vs. {}", f.a.0, f.b.0),
                    format!("{}-{}-{}-{}", tag, f.a.1, f.b.1, date),
                    [f.a.0, f.b.0],
                    rng.uniform(0.18, 0.82),
                )
            }
        };
        let pre_var = rng.uniform(0.01, 0.035);
        let prof = Prof { base: pre_var / (start - open) as f64, live: (start, end), rate: (1.0 - shock_share) / dur as f64 };
        let n = rng.poisson(lambda);
        let per = shock_share / lambda;
        let shocks: Vec<(i64, f64)> = (0..n).map(|_| (rng.range(start + 60, end - 30), per)).collect();
        let spec = Spec {
            kind: Kind::Game(f.league),
            title,
            slug,
            outcomes,
            open,
            close,
            live: (start, end),
            spread,
            heat: heat * rng.uniform(0.6, 1.6),
        };
        let m = b.latent_market(spec, 30, p0, prof, &shocks, None);
        w.games.push(m);
    }
}

fn elections(b: &mut B, w: &mut World, rng: &mut Rng) {
    // (title, slug, outcomes, P(outcome 0), hours after polls close when called, heat)
    let dr = ["Democratic", "Republican"];
    let yn = ["Yes", "No"];
    let races: [(&str, &str, [&str; 2], f64, f64, f64); 26] = [
        ("Which party will win the House in 2026?", "which-party-will-win-the-house-in-2026", dr, 0.78, 9.0, 6.0),
        ("Which party will win the Senate in 2026?", "which-party-will-win-the-senate-in-2026", dr, 0.27, 11.0, 6.0),
        ("Georgia Senate Election Winner", "georgia-senate-election-winner", dr, 0.63, 5.0, 3.0),
        ("Michigan Senate Election Winner", "michigan-senate-election-winner", dr, 0.57, 8.0, 2.5),
        ("North Carolina Senate Election Winner", "north-carolina-senate-election-winner", dr, 0.55, 6.0, 2.5),
        ("Maine Senate Election Winner", "maine-senate-election-winner", dr, 0.52, 62.0, 2.0),
        ("Ohio Senate Election Winner", "ohio-senate-election-winner", dr, 0.38, 5.0, 2.0),
        ("Texas Senate Election Winner", "texas-senate-election-winner", dr, 0.24, 5.5, 2.2),
        ("Iowa Senate Election Winner", "iowa-senate-election-winner", dr, 0.21, 5.0, 1.0),
        ("New Hampshire Senate Election Winner", "new-hampshire-senate-election-winner", dr, 0.71, 6.0, 0.8),
        ("Alaska Senate Election Winner", "alaska-senate-election-winner", dr, 0.29, 330.0, 0.8),
        ("Nebraska Senate Election Winner", "nebraska-senate-election-winner", ["Osborn", "Ricketts"], 0.33, 6.0, 1.0),
        ("Arizona Governor Election Winner", "arizona-governor-election-winner", dr, 0.5, 75.0, 1.5),
        ("Georgia Governor Election Winner", "georgia-governor-election-winner", dr, 0.41, 5.0, 1.2),
        ("Pennsylvania Governor Election Winner", "pennsylvania-governor-election-winner", dr, 0.81, 4.0, 1.0),
        ("Michigan Governor Election Winner", "michigan-governor-election-winner", ["Democratic", "Other"], 0.46, 8.0, 1.4),
        ("Wisconsin Governor Election Winner", "wisconsin-governor-election-winner", dr, 0.55, 7.0, 1.2),
        ("Nevada Governor Election Winner", "nevada-governor-election-winner", dr, 0.45, 50.0, 1.0),
        ("New York Governor Election Winner", "new-york-governor-election-winner", dr, 0.9, 3.0, 0.8),
        ("California Governor Election Winner", "california-governor-election-winner", dr, 0.93, 5.0, 0.6),
        ("Florida Governor Election Winner", "florida-governor-election-winner", dr, 0.12, 2.0, 0.6),
        ("Ohio Governor Election Winner", "ohio-governor-election-winner", dr, 0.31, 4.0, 0.9),
        ("Will Democrats win 225 or more House seats?", "will-democrats-win-225-or-more-house-seats", yn, 0.44, 40.0, 1.4),
        ("Will Republicans win 53 or more Senate seats?", "will-republicans-win-53-or-more-senate-seats", yn, 0.34, 30.0, 1.2),
        ("Balance of Power: Democratic House, Republican Senate?", "balance-of-power-d-house-r-senate-2026", yn, 0.52, 11.0, 2.0),
        ("Missouri Amendment 3 passes?", "missouri-amendment-3-passes", yn, 0.6, 4.0, 0.4),
    ];
    for (title, slug, outcomes, p0, called, heat) in races {
        let live0 = ELECTION_NIGHT - 30 * MIN;
        let close = ELECTION_NIGHT + (called * HOUR as f64) as i64 + rng.range(0, 40 * MIN);
        let live1 = (ELECTION_NIGHT + (called.min(10.0) * HOUR as f64) as i64).min(close);
        let pre = rng.uniform(0.08, 0.16);
        let prof = Prof { base: pre / (live0 - START) as f64, live: (live0, close), rate: 0.8 / (close - live0) as f64 };
        let mut shocks: Vec<(i64, f64)> = (0..rng.range(2, 4)).map(|_| (rng.range(START + DAY, live0 - 2 * HOUR), 0.02)).collect();
        // The first big counties reporting.
        shocks.push((ELECTION_NIGHT + rng.range(20 * MIN, 3 * HOUR), 0.1));
        let spec = Spec {
            kind: Kind::Election,
            title: title.to_string(),
            slug: slug.to_string(),
            outcomes,
            open: START - 200 * DAY,
            close,
            live: (live0, live1),
            spread: if heat > 1.5 { 1 } else { 2 },
            heat,
        };
        let m = b.latent_market(spec, 120, p0, prof, &shocks, None);
        w.elections.push(m);
    }
}

/// A long-running market: the month holds `frac` of the latent variance up to close, plus shocks.
fn long_market(
    b: &mut B,
    rng: &mut Rng,
    kind: Kind,
    title: &str,
    slug: &str,
    p0: f64,
    close: i64,
    n_shocks: usize,
    shock: f64,
    heat: f64,
) -> usize {
    let open = START - 60 * DAY;
    let span = (close - (START + 1)) as f64;
    let prof = Prof { base: 1.0 / span, live: (close, close), rate: 1.0 / span };
    let hi = close.min(NOW);
    let shocks: Vec<(i64, f64)> = (0..n_shocks).map(|_| (rng.range(START + HOUR, hi - 60), shock)).collect();
    let spec = Spec {
        kind,
        title: title.to_string(),
        slug: slug.to_string(),
        outcomes: ["Yes", "No"],
        open,
        close,
        live: (close, close),
        spread: if heat >= 1.5 { 1 } else { rng.range(1, 3) },
        heat,
    };
    b.latent_market(spec, 300, p0, prof, &shocks, None)
}

const DEC31: i64 = 1_798_761_600 - 1;
const NOV30: i64 = 1_796_083_200 - 1;

fn politics_news_culture(b: &mut B, w: &mut World, rng: &mut Rng) {
    let y2028 = 1_849_000_000;
    let politics: [(&str, &str, f64, i64, f64); 16] = [
        ("Democratic Presidential Nominee 2028: Gavin Newsom?", "democratic-presidential-nominee-2028-newsom", 0.34, y2028, 2.5),
        ("Democratic Presidential Nominee 2028: Alexandria Ocasio-Cortez?", "democratic-presidential-nominee-2028-aoc", 0.11, y2028, 1.6),
        ("Democratic Presidential Nominee 2028: Josh Shapiro?", "democratic-presidential-nominee-2028-shapiro", 0.08, y2028, 1.0),
        ("Democratic Presidential Nominee 2028: Pete Buttigieg?", "democratic-presidential-nominee-2028-buttigieg", 0.07, y2028, 0.9),
        ("Republican Presidential Nominee 2028: JD Vance?", "republican-presidential-nominee-2028-vance", 0.52, y2028, 2.2),
        ("Republican Presidential Nominee 2028: Marco Rubio?", "republican-presidential-nominee-2028-rubio", 0.12, y2028, 1.0),
        ("Will Hakeem Jeffries be Speaker of the House on February 1, 2027?", "jeffries-speaker-february-2027", 0.7, 1_801_440_000, 1.4),
        ("Trump approval rating above 42% on December 1?", "trump-approval-above-42-on-december-1", 0.46, 1_796_169_600, 1.2),
        ("US government shutdown by December 31?", "us-government-shutdown-by-december-31", 0.23, DEC31, 1.5),
        ("Will the Supreme Court rule against Trump's tariffs by December 31?", "scotus-tariffs-ruling-by-december-31", 0.41, DEC31, 1.1),
        ("Will Chuck Schumer remain Senate Democratic leader through 2026?", "schumer-remain-leader-through-2026", 0.82, DEC31, 0.6),
        ("Netanyahu out as Prime Minister by December 31?", "netanyahu-out-by-december-31", 0.09, DEC31, 0.8),
        ("French government collapses by December 31?", "french-government-collapses-by-december-31", 0.27, DEC31, 0.7),
        ("Zelensky and Putin meet in 2026?", "zelensky-putin-meet-in-2026", 0.07, DEC31, 0.9),
        ("Trump to pardon Ghislaine Maxwell in 2026?", "trump-pardon-maxwell-2026", 0.12, DEC31, 0.8),
        (
            "Will Kamala Harris announce a 2028 presidential run by December 31?",
            "harris-announce-2028-run-by-december-31",
            0.06,
            DEC31,
            0.5,
        ),
    ];
    for (t, s, p0, close, heat) in politics {
        let n = rng.range(1, 5) as usize;
        let m = long_market(b, rng, Kind::Politics, t, s, p0, close, n, rng.uniform(0.02, 0.12), heat);
        w.politics.push(m);
    }
    // News: geopolitics, tech, business. Some deadlines fall inside the month.
    let nov15 = 1_794_787_200 - 1;
    let nov20 = 1_795_219_200 - 1;
    let news: [(&str, &str, f64, i64, f64); 22] = [
        ("Russia x Ukraine ceasefire by December 31?", "russia-x-ukraine-ceasefire-by-december-31", 0.14, DEC31, 2.5),
        ("US military action against Venezuela by November 30?", "us-military-action-against-venezuela-by-november-30", 0.31, NOV30, 2.0),
        ("Maduro out as President of Venezuela by December 31?", "maduro-out-by-december-31", 0.22, DEC31, 1.6),
        ("Israel strikes Iran by November 30?", "israel-strikes-iran-by-november-30", 0.12, NOV30, 1.4),
        ("OpenAI releases GPT-6 by November 30?", "openai-releases-gpt-6-by-november-30", 0.18, NOV30, 1.2),
        ("Google releases Gemini 4 by December 31?", "google-releases-gemini-4-by-december-31", 0.44, DEC31, 1.0),
        ("Starship Flight 12 launches by November 15?", "starship-flight-12-launches-by-november-15", 0.47, nov15, 1.0),
        ("Largest company in the world at the end of November: NVIDIA?", "largest-company-end-of-november-nvidia", 0.83, NOV30, 0.9),
        ("Will Elon Musk leave Tesla as CEO in 2026?", "elon-musk-leave-tesla-ceo-2026", 0.03, DEC31, 0.5),
        ("TikTok US joint venture closes by November 30?", "tiktok-us-deal-closes-by-november-30", 0.36, NOV30, 0.8),
        ("Will Trump meet Xi Jinping in November?", "trump-meet-xi-in-november", 0.58, NOV30, 1.2),
        ("China x Taiwan military clash by December 31?", "china-taiwan-military-clash-by-december-31", 0.04, DEC31, 0.8),
        ("Hamas releases all remaining hostage remains by November 20?", "hamas-hostage-remains-by-november-20", 0.4, nov20, 0.9),
        ("Will Apple announce a foldable iPhone by December 31?", "apple-foldable-iphone-by-december-31", 0.15, DEC31, 0.6),
        ("US national debt above $39T by November 30?", "us-national-debt-39t-by-november-30", 0.62, NOV30, 0.5),
        ("Measles cases in the US above 3,000 in 2026?", "us-measles-cases-above-3000-in-2026", 0.55, DEC31, 0.4),
        ("Will Bitcoin reach $150,000 by December 31?", "bitcoin-150k-by-december-31", 0.09, DEC31, 1.5),
        ("Gold above $4,500 on November 30?", "gold-above-4500-on-november-30", 0.47, NOV30, 0.8),
        ("Fed Chair nominee confirmed by the Senate by November 30?", "fed-chair-confirmed-by-november-30", 0.5, NOV30, 1.1),
        ("Will Ukraine hold elections in 2026?", "ukraine-elections-in-2026", 0.05, DEC31, 0.5),
        ("Anthropic releases Claude 5 by November 30?", "anthropic-claude-5-by-november-30", 0.3, NOV30, 0.7),
        ("Will the Louvre jewels be recovered by November 20?", "louvre-jewels-recovered-by-november-20", 0.15, nov20, 0.4),
    ];
    for (t, s, p0, close, heat) in news {
        let n = rng.range(3, 8) as usize;
        let m = long_market(b, rng, Kind::News, t, s, p0, close, n, rng.uniform(0.08, 0.3), heat);
        w.news.push(m);
    }
    // Culture and entertainment.
    let nov23 = 1_795_392_000 + 19 * HOUR;
    let nov19 = 1_795_046_400 + 14 * HOUR;
    let culture: [(&str, &str, f64, i64, f64, i64); 16] = [
        ("Sunrise on the Reaping opening weekend above $100M?", "sunrise-on-the-reaping-opening-weekend-100m", 0.74, nov23, 1.0, 4),
        ("Sunrise on the Reaping opening weekend above $130M?", "sunrise-on-the-reaping-opening-weekend-130m", 0.38, nov23, 1.0, 4),
        (
            "Sunrise on the Reaping Rotten Tomatoes score 80% or higher?",
            "sunrise-on-the-reaping-rotten-tomatoes-80",
            0.61,
            nov19 - 2 * DAY,
            0.6,
            2,
        ),
        ("GTA VI released on November 19?", "gta-vi-released-on-november-19", 0.86, nov19, 1.8, 3),
        ("GTA VI Metacritic score 96 or higher?", "gta-vi-metacritic-96-or-higher", 0.42, nov19 - 5 * DAY, 1.0, 2),
        ("Dancing with the Stars Season 35 winner: Jordan Chiles?", "dwts-35-winner-jordan-chiles", 0.36, 1_795_575_600, 0.8, 3),
        ("Dancing with the Stars Season 35 winner: Whitney Leavitt?", "dwts-35-winner-whitney-leavitt", 0.28, 1_795_575_600, 0.7, 3),
        ("Time Person of the Year 2026: Donald Trump?", "time-person-of-the-year-2026-trump", 0.31, 1_796_774_400, 0.9, 2),
        ("Game Awards 2026 Game of the Year: GTA VI?", "game-awards-2026-goty-gta-vi", 0.55, 1_797_033_600, 0.9, 2),
        ("Spotify Wrapped 2026 top artist: Taylor Swift?", "spotify-wrapped-2026-top-artist-taylor-swift", 0.49, 1_796_256_000, 0.8, 2),
        ("Billboard Hot 100 #1 on November 28: Taylor Swift?", "billboard-hot-100-1-november-28-taylor-swift", 0.57, 1_795_453_200, 0.6, 2),
        ("Stranger Things spin-off announced by December 31?", "stranger-things-spinoff-by-december-31", 0.25, DEC31, 0.3, 1),
        ("Avengers: Doomsday Rotten Tomatoes score 85% or higher?", "avengers-doomsday-rotten-tomatoes-85", 0.33, 1_797_292_800, 0.5, 1),
        ("Taylor Swift and Travis Kelce wedding in 2026?", "taylor-swift-travis-kelce-wedding-2026", 0.21, DEC31, 0.9, 2),
        (
            "Most-streamed Netflix show week of November 16: Wednesday?",
            "netflix-top-show-week-of-november-16-wednesday",
            0.4,
            1_795_300_000,
            0.3,
            2,
        ),
        ("MrBeast next video 100M views in first week?", "mrbeast-next-video-100m-first-week", 0.66, 1_795_100_000, 0.3, 1),
    ];
    for (t, s, p0, close, heat, n) in culture {
        let m = long_market(b, rng, Kind::Culture, t, s, p0, close, n as usize, rng.uniform(0.1, 0.35), heat);
        w.culture.push(m);
    }
}

fn macro_markets(b: &mut B, w: &mut World, rng: &mut Rng) {
    // (event, release time, outcomes with prior weights, the Yes/No question pattern, heat)
    let oct28 = 1_793_145_600 + 18 * HOUR;
    let oct29 = 1_793_232_000 + 12 * HOUR + 30 * MIN;
    let nov6 = 1_793_923_200 + 13 * HOUR + 30 * MIN;
    let nov12 = 1_794_441_600 + 13 * HOUR + 30 * MIN;
    let dec9 = 1_796_839_200;
    let events: [(&str, &str, i64, &[(&str, &str, f64)], f64); 6] = [
        (
            "Fed decision in October",
            "fed-decision-in-october",
            oct28,
            &[
                ("25 bps decrease", "25-bps-decrease", 0.86),
                ("No change", "no-change", 0.12),
                ("50+ bps decrease", "50-bps-decrease", 0.02),
            ],
            3.0,
        ),
        (
            "Q3 GDP growth (advance estimate)",
            "us-gdp-growth-q3-2026",
            oct29,
            &[("below 1.5%", "below-1pt5", 0.22), ("1.5% to 2.5%", "1pt5-to-2pt5", 0.51), ("above 2.5%", "above-2pt5", 0.27)],
            0.8,
        ),
        (
            "October jobs report: nonfarm payrolls",
            "october-jobs-report-nonfarm-payrolls",
            nov6,
            &[
                ("below 25k", "below-25k", 0.2),
                ("25k to 75k", "25k-to-75k", 0.38),
                ("75k to 125k", "75k-to-125k", 0.3),
                ("above 125k", "above-125k", 0.12),
            ],
            1.2,
        ),
        (
            "October unemployment rate",
            "october-unemployment-rate",
            nov6,
            &[("4.4% or lower", "4pt4-or-lower", 0.3), ("4.5%", "4pt5", 0.42), ("4.6% or higher", "4pt6-or-higher", 0.28)],
            0.7,
        ),
        (
            "October CPI month over month",
            "october-cpi-mom",
            nov12,
            &[
                ("0.1% or lower", "0pt1-or-lower", 0.12),
                ("0.2%", "0pt2", 0.36),
                ("0.3%", "0pt3", 0.38),
                ("0.4% or higher", "0pt4-or-higher", 0.14),
            ],
            1.5,
        ),
        (
            "Fed decision in December",
            "fed-decision-in-december",
            dec9,
            &[("25 bps decrease", "25-bps-decrease", 0.58), ("No change", "no-change", 0.4), ("50+ bps decrease", "50-bps-decrease", 0.02)],
            3.0,
        ),
    ];
    let data_days = [oct29, nov6, nov12];
    for (name, slug, release, outs, heat) in events {
        let weights: Vec<f64> = outs.iter().map(|o| o.2).collect();
        let winner = rng.weighted(&weights);
        let mut group = Group {
            name: name.to_string(),
            markets: Vec::new(),
            live: (release - HOUR, release + 10 * MIN),
            close: release + 5 * MIN,
            city: 0,
        };
        let close = release + rng.range(3 * MIN, 20 * MIN);
        for (i, o) in outs.iter().enumerate() {
            let open = START - 40 * DAY;
            let pre = rng.uniform(0.04, 0.12);
            let (prof, shocks): (Prof, Vec<(i64, f64)>) = if release > NOW {
                // Still weeks away: data releases move it.
                let span = (release - START) as f64;
                let sh: Vec<(i64, f64)> = data_days.iter().map(|&d| (d, rng.uniform(0.1, 0.25))).collect();
                (Prof { base: 1.0 / span, live: (release, release), rate: 1.0 / span }, sh)
            } else {
                (Prof { base: pre / (release - START) as f64, live: (release, release), rate: 0.0 }, vec![(release, 1.0 - pre)])
            };
            let spec = Spec {
                kind: Kind::Macro,
                title: format!("{name}: {}?", o.0),
                slug: format!("{slug}-{}", o.1),
                outcomes: ["Yes", "No"],
                open,
                close: if release > NOW { release } else { close },
                live: (release - 2 * HOUR, release + 10 * MIN),
                spread: 1,
                heat: heat * o.2.max(0.1).sqrt(),
            };
            let force = if release <= NOW { Some(if i == winner { 0 } else { 1 }) } else { None };
            let m = b.latent_market(spec, 60, o.2.clamp(0.02, 0.97), prof, &shocks, force);
            w.macro_.push(m);
            group.markets.push(m);
        }
        w.releases.push(group);
    }
    // A slow one.
    let m = long_market(b, rng, Kind::Macro, "US recession in 2026?", "us-recession-in-2026", 0.07, DEC31, 3, 0.05, 1.0);
    w.macro_.push(m);
}

/// City, slug, Fahrenheit?, UTC offset (hours), late-November normal high, day-to-day spread.
pub const CITIES: [(&str, &str, bool, i64, f64, f64); 8] = [
    ("NYC", "nyc", true, -5, 52.0, 6.0),
    ("Chicago", "chicago", true, -6, 44.0, 8.0),
    ("Dallas", "dallas", true, -6, 64.0, 8.0),
    ("Miami", "miami", true, -5, 80.0, 3.0),
    ("Seattle", "seattle", true, -8, 50.0, 4.0),
    ("London", "london", false, 0, 11.0, 2.5),
    ("Seoul", "seoul", false, 9, 10.0, 3.5),
    ("Toronto", "toronto", false, -5, 6.0, 4.0),
];

/// Global model runs become available at these UTC hours (00z/06z/12z/18z plus processing).
pub const MODEL_RUNS: [i64; 4] = [3 * HOUR + 40 * MIN, 9 * HOUR + 40 * MIN, 15 * HOUR + 40 * MIN, 21 * HOUR + 40 * MIN];

fn weather(b: &mut B, w: &mut World, rng: &mut Rng) {
    let step = 600;
    for (ci, c) in CITIES.iter().enumerate() {
        let tz = c.3 * HOUR;
        let mut local_day = midnight(START + tz) - DAY;
        while local_day < midnight(NOW + tz) + 2 * DAY {
            let lm = local_day - tz; // local midnight in UTC
            let open = lm - 30 * HOUR;
            let collapse = lm + 17 * HOUR;
            let close = lm + 31 * HOUR;
            local_day += DAY;
            if close <= START + 2 * HOUR || open >= NOW {
                continue;
            }
            let truth = c.4 + rng.normal() * c.5;
            let s0 = c.5 * 0.45 + 0.8;
            let mu0 = truth + rng.normal() * s0;
            let centre = mu0.round() as i64;
            // Forecast path: a bridge from mu0 to the truth, moving mostly at model runs.
            let t0 = close - ((close - open.max(START + 1)) / step) * step;
            let n = ((close.min(NOW) - t0) / step + 1) as usize;
            let full_n = ((collapse - open) / step).max(1) as usize;
            let mut inc = Vec::with_capacity(full_n + 1);
            let mut cum = vec![0.0f64];
            let mut wv = vec![0.0f64];
            let mut t = open;
            for _ in 0..full_n {
                t += step;
                let run = MODEL_RUNS.iter().any(|&r| (t - r).rem_euclid(DAY) < step);
                let v = if run { 0.2 } else { 0.01 };
                inc.push(v);
                cum.push(cum.last().unwrap() + v);
                wv.push(wv.last().unwrap() + rng.normal() * v.sqrt());
            }
            let vt = *cum.last().unwrap();
            let wt = *wv.last().unwrap();
            let mu_at = |tt: i64| -> (f64, f64) {
                let k = (((tt - open) / step).max(0) as usize).min(full_n);
                let frac = cum[k] / vt;
                let bridge = (wv[k] - frac * wt) / vt.sqrt() + frac * (truth - mu0) / s0;
                (mu0 + s0 * bridge, (s0 * (1.0 - frac).max(0.0).sqrt()).max(0.0))
            };
            let (width, lo_edge, count) = if c.2 { (2i64, centre - 5, 7) } else { (1, centre - 3, 7) };
            let unit = if c.2 { "°F" } else { "°C" };
            let date = month_day(lm + 12 * HOUR);
            let date_slug = month_day_slug(lm + 12 * HOUR);
            let mut group = Group {
                name: format!("Highest temperature in {} on {}?", c.0, date),
                markets: Vec::new(),
                live: (lm + 9 * HOUR, collapse),
                close,
                city: ci,
            };
            let actual = truth.round() as i64;
            for k in 0..count {
                let (lo, hi, label, sl) = if k == 0 {
                    (i64::MIN / 4, lo_edge, format!("{lo_edge}{unit} or below"), format!("{lo_edge}{}orbelow", &unit[2..].to_lowercase()))
                } else if k == count - 1 {
                    let l = lo_edge + 1 + (k as i64 - 1) * width;
                    (l, i64::MAX / 4, format!("{l}{unit} or higher"), format!("{l}{}orhigher", &unit[2..].to_lowercase()))
                } else {
                    let l = lo_edge + 1 + (k as i64 - 1) * width;
                    let h = l + width - 1;
                    if width == 1 {
                        (l, h, format!("{l}{unit}"), format!("{l}{}", &unit[2..].to_lowercase()))
                    } else {
                        (l, h, format!("between {l}-{h}{unit}"), format!("{l}-{h}{}", &unit[2..].to_lowercase()))
                    }
                };
                let won = actual >= lo && actual <= hi;
                let mut p = Vec::with_capacity(n);
                for i in 0..n {
                    let tt = t0 + i as i64 * step;
                    let q = if tt >= collapse {
                        if won { 1.0 } else { 0.0 }
                    } else {
                        let (mu, sd) = mu_at(tt);
                        let sd = sd.max(0.35);
                        let up = if hi >= i64::MAX / 8 { 1.0 } else { phi((hi as f64 + 0.5 - mu) / sd) };
                        let dn = if lo <= i64::MIN / 8 { 0.0 } else { phi((lo as f64 - 0.5 - mu) / sd) };
                        (up - dn).clamp(0.0, 1.0)
                    };
                    p.push(q as f32);
                }
                let mut events = Vec::new();
                for i in 1..n {
                    let tt = t0 + i as i64 * step;
                    if MODEL_RUNS.iter().any(|&r| (tt - r).rem_euclid(DAY) < step) && (p[i] - p[i - 1]).abs() > 0.02 {
                        events.push((tt, p[i] - p[i - 1]));
                    }
                }
                let spec = Spec {
                    kind: Kind::Weather(ci),
                    title: if k == 0 || k == count - 1 {
                        format!("Will the highest temperature in {} be {} on {}?", c.0, label, date)
                    } else {
                        format!("Will the highest temperature in {} be {} on {}?", c.0, label, date)
                    },
                    slug: format!("highest-temperature-in-{}-on-{}-{}", c.1, date_slug, sl),
                    outcomes: ["Yes", "No"],
                    open,
                    close,
                    live: (lm + 9 * HOUR, collapse),
                    spread: 2,
                    heat: 0.4,
                };
                let winner = (close <= NOW).then_some(if won { 0 } else { 1 });
                let m = b.push(spec, Src::Grid { t0, step, p }, events, winner);
                group.markets.push(m);
            }
            w.weather.push(group);
        }
    }
}

fn mentions(b: &mut B, w: &mut World, rng: &mut Rng) {
    let trump = ["Tariff", "Biden", "Crypto", "Sleepy Joe", "Fake News", "Border", "Rigged", "Mamdani", "Nobel", "Hottest country"];
    let briefing = ["Democrat shutdown", "Biden", "Fake news", "Epstein", "Venezuela", "Tariff", "Affordability", "Autopen"];
    let powell = ["Uncertain", "Tariff", "Recession", "Inflation", "Labor market", "AI", "Soft landing", "Restrictive", "Shutdown"];
    let nvda = ["Blackwell", "Rubin", "China", "Sovereign", "Tariff", "Agentic", "Bubble", "Robotics"];
    let elon = ["Mars", "Grok", "DOGE", "Starship", "Optimus", "Woke", "Trillion"];
    let nfl = ["Turkey", "Madden", "Thanksgiving", "Gravy", "Drumstick", "Pie"];
    let turkey = ["Gobble", "Biden", "Fake news", "Pardon", "Tariff", "Drumstick"];
    let d = |m: usize, day: i64| -> i64 {
        // UTC midnight of 2026-m-day for October/November.
        if m == 10 { 1_793_145_600 + (day - 28) * DAY } else { 1_793_491_200 + (day - 1) * DAY }
    };
    // (title stem, slug stem, start UTC, minutes, words)
    let events: Vec<(String, String, i64, i64, &[&str])> = vec![
        ("Trump's rally in Pennsylvania".into(), "trump-rally-pennsylvania".into(), d(10, 29) + 23 * HOUR, 90, &trump[..]),
        ("Trump's rally in Georgia".into(), "trump-rally-georgia".into(), d(10, 31) + 22 * HOUR, 80, &trump[..]),
        ("Trump's rally in Michigan".into(), "trump-rally-michigan".into(), d(11, 2) + 23 * HOUR + 30 * MIN, 95, &trump[..]),
        ("Trump's interview on 60 Minutes".into(), "trump-60-minutes".into(), d(11, 2), 45, &trump[..]),
        ("Trump's post-election press conference".into(), "trump-press-conference-nov-5".into(), d(11, 5) + 17 * HOUR, 60, &trump[..]),
        ("Trump's Oval Office remarks".into(), "trump-oval-office-nov-13".into(), d(11, 13) + 20 * HOUR, 40, &trump[..]),
        ("Trump's press conference".into(), "trump-press-conference-nov-18".into(), d(11, 18) + 16 * HOUR, 55, &trump[..]),
        ("Trump's speech at the Saudi investment forum".into(), "trump-saudi-forum".into(), d(11, 20) + 14 * HOUR, 50, &trump[..]),
        ("Karoline Leavitt's press briefing".into(), "leavitt-briefing-oct-28".into(), d(10, 28) + 17 * HOUR, 45, &briefing[..]),
        ("Karoline Leavitt's press briefing".into(), "leavitt-briefing-nov-6".into(), d(11, 6) + 18 * HOUR, 40, &briefing[..]),
        ("Karoline Leavitt's press briefing".into(), "leavitt-briefing-nov-12".into(), d(11, 12) + 18 * HOUR, 50, &briefing[..]),
        ("Karoline Leavitt's press briefing".into(), "leavitt-briefing-nov-17".into(), d(11, 17) + 18 * HOUR, 45, &briefing[..]),
        ("Karoline Leavitt's press briefing".into(), "leavitt-briefing-nov-24".into(), d(11, 24) + 18 * HOUR, 35, &briefing[..]),
        (
            "Powell's October press conference".into(),
            "powell-press-conference-october".into(),
            d(10, 28) + 18 * HOUR + 30 * MIN,
            55,
            &powell[..],
        ),
        ("NVIDIA's Q3 earnings call".into(), "nvidia-earnings-call-q3".into(), d(11, 18) + 22 * HOUR, 60, &nvda[..]),
        ("Elon Musk's appearance on the Joe Rogan Experience".into(), "elon-musk-rogan".into(), d(11, 15) + 20 * HOUR, 170, &elon[..]),
        (
            "the Thanksgiving Day Lions game broadcast".into(),
            "lions-thanksgiving-broadcast".into(),
            d(11, 26) + 17 * HOUR + 30 * MIN,
            195,
            &nfl[..],
        ),
        ("the White House turkey pardon".into(), "white-house-turkey-pardon".into(), d(11, 25) + 19 * HOUR, 30, &turkey[..]),
        ("Trump's Thanksgiving call with troops".into(), "trump-thanksgiving-troops-call".into(), d(11, 26) + 16 * HOUR, 35, &trump[..]),
        ("JD Vance's speech in Ohio".into(), "vance-speech-ohio".into(), d(11, 10) + 21 * HOUR, 45, &trump[..6]),
        ("Trump's address to the nation".into(), "trump-address-to-the-nation".into(), d(11, 22) + 2 * HOUR, 30, &trump[..]),
        ("Zohran Mamdani's press conference".into(), "mamdani-press-conference-nov-9".into(), d(11, 9) + 16 * HOUR, 35, &briefing[..5]),
    ];
    let step = 30;
    for (stem, sslug, ls, minutes, words) in events {
        let le = ls + minutes * MIN;
        let close = le + rng.range(8 * MIN, 25 * MIN);
        let open = ls - 2 * DAY;
        if close <= START + HOUR || open >= NOW {
            continue;
        }
        let speaker = if stem.starts_with("Trump") || stem.contains("turkey pardon") {
            "Trump"
        } else if stem.starts_with("Karoline") {
            "Leavitt"
        } else if stem.starts_with("Powell") {
            "Powell"
        } else if stem.starts_with("NVIDIA") {
            "Jensen Huang"
        } else if stem.starts_with("Elon") {
            "Elon Musk"
        } else if stem.starts_with("JD") {
            "Vance"
        } else if stem.starts_with("Zohran") {
            "Mamdani"
        } else {
            "the announcers"
        };
        let mut group = Group { name: stem.clone(), markets: Vec::new(), live: (ls, le), close, city: 0 };
        let nwords = words.len().min(rng.range(6, 9) as usize);
        let mut picked: Vec<&str> = words.to_vec();
        rng.shuffle(&mut picked);
        for word in picked.into_iter().take(nwords) {
            let q = rng.uniform(0.08, 0.92);
            let said = rng.chance(q);
            let tau = ls + ((rng.f64().powf(0.8)) * (le - ls) as f64) as i64;
            let t0 = close - ((close - open.max(START + 1)) / step) * step;
            let n = ((close.min(NOW) - t0) / step + 1) as usize;
            let mut p = Vec::with_capacity(n);
            let mut z = phi_inv(q);
            let mut events = Vec::new();
            let mut prev = q;
            for i in 0..n {
                let tt = t0 + i as i64 * step;
                if tt < ls {
                    z += rng.normal() * 0.004;
                }
                let pre = phi(z);
                let v = if tt < ls {
                    pre
                } else if said && tt >= tau {
                    if tt - tau < 60 { 0.96 } else { 0.995 }
                } else if tt >= le {
                    0.005
                } else {
                    let r = (le - tt) as f64 / (le - ls) as f64;
                    pre * r / (pre * r + 1.0 - pre)
                };
                if said && tt >= tau && tt - tau < step {
                    events.push((tt, (v - prev) as f32));
                }
                prev = v;
                p.push(v as f32);
            }
            let slug_word = word.to_lowercase().replace(' ', "-");
            let spec = Spec {
                kind: Kind::Mention,
                title: format!("Will {speaker} say \"{word}\" during {stem} on {}?", month_day(ls + et_offset(ls))),
                slug: format!("{sslug}-{slug_word}"),
                outcomes: ["Yes", "No"],
                open,
                close,
                live: (ls, le),
                spread: 2,
                heat: 0.5,
            };
            let winner = (close <= NOW).then_some(if said { 0 } else { 1 });
            let m = b.push(spec, Src::Grid { t0, step, p }, events, winner);
            group.markets.push(m);
        }
        w.mentions.push(group);
    }
}
