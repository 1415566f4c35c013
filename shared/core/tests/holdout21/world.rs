//! The world: markets of the kinds Polymarket lists in late August and September 2026, each with
//! a fair-price path, the time its outcome became known, its resolution time and its winner.

use super::rng::Rng;
use chrono::{FixedOffset, TimeZone};

pub const NOW: i64 = 1_790_000_000; // Mon 2026-09-21 14:13:20 UTC
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
pub const MIN: i64 = 60;
pub const START: i64 = NOW - 30 * DAY; // Sat 2026-08-22 14:13:20 UTC
/// Sat 2026-08-22 00:00 UTC.
pub const D0: i64 = 1_787_356_800;
/// Where stored paths and the spot series begin.
pub const T0: i64 = D0 - 4 * DAY;
pub const SPOT_DT: i64 = 10;
/// US Eastern (daylight) offset.
pub const ET: i64 = -4 * HOUR;

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Cat {
    Politics,
    News,
    Econ,
    Sports,
    Weather,
    Mention,
    Culture,
    UpDown,
    Above,
}
pub const CATS: [Cat; 9] =
    [Cat::Politics, Cat::News, Cat::Econ, Cat::Sports, Cat::Weather, Cat::Mention, Cat::Culture, Cat::UpDown, Cat::Above];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum League {
    Nfl,
    Cfb,
    Mlb,
    Wnba,
    Epl,
    Ucl,
    Mls,
    Tennis,
}

pub enum Model {
    /// Yes-probability samples every `dt` seconds from `t0`, held between samples.
    Path { t0: i64, dt: i64, p: Vec<f32> },
    /// "Up or Down" over [start, start+len): Up wins when the close is at or above the open.
    UpDown { coin: usize, start: i64, len: i64 },
    /// "Above `strike` at `expiry`".
    Above { coin: usize, strike: f64, expiry: i64 },
}

pub struct Market {
    pub cat: Cat,
    pub league: Option<League>,
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub open: i64,
    /// Trading ends (resolution); may be after NOW.
    pub close: i64,
    /// When the outcome became public (i64::MAX when not yet).
    pub decided: i64,
    pub winner: Option<u8>,
    pub group: Option<usize>,
    pub game: Option<usize>,
    pub pop: f64,
    pub spread: i64,
    pub model: Model,
}

pub struct Game {
    pub league: League,
    pub home: String,
    pub away: String,
    pub start: i64,
    pub end: i64,
    /// (time, side 0 home / 1 away, points)
    pub scores: Vec<(i64, u8, i32)>,
    pub markets: Vec<usize>,
}

pub struct Group {
    pub title: String,
    pub cat: Cat,
    pub markets: Vec<usize>,
    pub decided: i64,
    pub close: i64,
}

pub struct Speech {
    pub title: String,
    pub start: i64,
    pub end: i64,
    pub markets: Vec<usize>,
    /// (time said, market)
    pub said: Vec<(i64, usize)>,
}

/// A piece of news: market `m`'s fair logit moved by `dx` at `t`.
#[derive(Clone, Copy)]
pub struct News {
    pub t: i64,
    pub m: usize,
    pub dx: f64,
}

pub struct Release {
    pub t: i64,
    pub group: usize,
}

pub struct WxEvent {
    pub city: usize,
    pub group: usize,
    pub day_start: i64,
    pub decided: i64,
}

pub struct UdSeries {
    pub coin: usize,
    pub len: i64,
    pub first: i64,
    pub markets: Vec<usize>,
}

pub struct World {
    pub markets: Vec<Market>,
    pub games: Vec<Game>,
    pub groups: Vec<Group>,
    pub speeches: Vec<Speech>,
    pub news: Vec<News>,
    pub releases: Vec<Release>,
    pub weather: Vec<WxEvent>,
    pub model_runs: Vec<i64>,
    pub spot: Vec<Vec<f64>>,
    pub by_cat: Vec<Vec<usize>>,
    pub ud: Vec<UdSeries>,
    pub above: Vec<(usize, i64, Vec<usize>)>,
    ids: Rng,
}

pub const COINS: [(&str, &str, f64, f64); 4] =
    [("Bitcoin", "btc", 112_400.0, 0.42), ("Ethereum", "eth", 4_310.0, 0.64), ("Solana", "sol", 206.0, 0.80), ("XRP", "xrp", 2.86, 0.82)];

pub fn erf(x: f64) -> f64 {
    let s = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-x * x).exp();
    s * y
}

pub fn phi(z: f64) -> f64 {
    0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2))
}

pub fn inv_phi(p: f64) -> f64 {
    let (mut lo, mut hi) = (-8.0, 8.0);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if phi(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// Monday = 0 .. Sunday = 6, for a unix time already shifted to local.
pub fn weekday(local: i64) -> i64 {
    (local.div_euclid(DAY) + 3).rem_euclid(7)
}

pub fn fmt(t: i64, off: i64, f: &str) -> String {
    FixedOffset::east_opt(off as i32).unwrap().timestamp_opt(t, 0).unwrap().format(f).to_string()
}

pub fn day_title(t: i64, off: i64) -> String {
    fmt(t, off, "%B %-d")
}

pub fn day_slug(t: i64, off: i64) -> String {
    fmt(t, off, "%B-%-d").to_lowercase()
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn yn() -> [String; 2] {
    ["Yes".to_string(), "No".to_string()]
}

impl World {
    pub fn p_yes(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        let p = match &mk.model {
            Model::Path { t0, dt, p } => {
                let i = ((t - t0).max(0) / dt) as usize;
                p[i.min(p.len() - 1)] as f64
            }
            Model::UpDown { coin, start, len } => {
                if t <= *start {
                    0.5
                } else {
                    let s0 = self.spot_at(*coin, *start);
                    let end = start + len;
                    let s = self.spot_at(*coin, t.min(end));
                    let rem = (end - t).max(0) as f64;
                    if rem < 2.0 { if s >= s0 { 0.999 } else { 0.001 } } else { phi((s / s0).ln() / (self.sig(*coin) * rem.sqrt())) }
                }
            }
            Model::Above { coin, strike, expiry } => {
                let s = self.spot_at(*coin, t.min(*expiry));
                let rem = (expiry - t).max(0) as f64;
                if rem < 2.0 { if s > *strike { 0.999 } else { 0.001 } } else { phi((s / strike).ln() / (self.sig(*coin) * rem.sqrt())) }
            }
        };
        p.clamp(0.002, 0.998)
    }

    pub fn prob(&self, m: usize, o: u8, t: i64) -> f64 {
        let p = self.p_yes(m, t);
        if o == 0 { p } else { 1.0 - p }
    }

    pub fn spread_at(&self, m: usize, t: i64) -> i64 {
        let mk = &self.markets[m];
        let mut s = mk.spread;
        if let Some(g) = mk.game {
            let g = &self.games[g];
            if t >= g.start && t < g.end {
                s += 1;
            }
        }
        if let Model::UpDown { start, len, .. } = mk.model {
            if t > start + len - 90 {
                s += 1;
            }
        }
        let p = self.p_yes(m, t);
        if !(0.04..=0.96).contains(&p) {
            s = 1;
        }
        s.max(1)
    }

    /// Best bid and ask in cents for outcome `o` at `t`.
    pub fn book(&self, m: usize, o: u8, t: i64) -> (i64, i64) {
        let p = self.prob(m, o, t) * 100.0;
        let s = self.spread_at(m, t);
        let bid = (p - s as f64 / 2.0).round() as i64;
        let bid = bid.clamp(1, 98);
        let ask = (bid + s).clamp(bid + 1, 99);
        (bid, ask)
    }

    pub fn ask(&self, m: usize, o: u8, t: i64) -> i64 {
        self.book(m, o, t).1
    }

    pub fn bid(&self, m: usize, o: u8, t: i64) -> i64 {
        self.book(m, o, t).0
    }

    pub fn tradable(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.open && t < mk.close && t > START && t <= NOW
    }

    pub fn sig(&self, coin: usize) -> f64 {
        COINS[coin].3 / (365.0 * 86_400.0f64).sqrt()
    }

    pub fn spot_at(&self, coin: usize, t: i64) -> f64 {
        let v = &self.spot[coin];
        let x = (t - T0) as f64 / SPOT_DT as f64;
        let i = (x.floor().max(0.0) as usize).min(v.len() - 2);
        let f = (x - i as f64).clamp(0.0, 1.0);
        v[i] * (1.0 - f) + v[i + 1] * f
    }

    /// The Up/Down window of `coin` and length `len` containing `t`.
    pub fn updown(&self, coin: usize, len: i64, t: i64) -> Option<usize> {
        let s = self.ud.iter().find(|s| s.coin == coin && s.len == len)?;
        if t < s.first {
            return None;
        }
        let i = ((t - s.first) / len) as usize;
        s.markets.get(i).copied()
    }

    pub fn window(&self, m: usize) -> Option<(usize, i64, i64)> {
        match self.markets[m].model {
            Model::UpDown { coin, start, len } => Some((coin, start, len)),
            _ => None,
        }
    }

    /// Markets of `cat` tradable at `t`.
    pub fn live(&self, cat: Cat, t: i64) -> Vec<usize> {
        self.by_cat[cat as usize].iter().copied().filter(|&m| self.tradable(m, t)).collect()
    }

    /// A popularity-weighted pick among `ms`.
    pub fn pick_pop(&self, rng: &mut Rng, ms: &[usize]) -> Option<usize> {
        if ms.is_empty() {
            return None;
        }
        let w: Vec<f64> = ms.iter().map(|&m| self.markets[m].pop).collect();
        Some(ms[rng.weighted(&w)])
    }

    /// The live game of market `m` at `t`, as elapsed fraction.
    pub fn in_play(&self, m: usize, t: i64) -> Option<f64> {
        let g = &self.games[self.markets[m].game?];
        if t >= g.start && t < g.end { Some((t - g.start) as f64 / (g.end - g.start) as f64) } else { None }
    }

    fn add(
        &mut self,
        cat: Cat,
        title: String,
        slug: String,
        outcomes: [String; 2],
        open: i64,
        close: i64,
        pop: f64,
        spread: i64,
        model: Model,
    ) -> usize {
        let cond = self.ids.hex(64);
        let n0 = 76 + self.ids.idx(2);
        let n1 = 76 + self.ids.idx(2);
        let tokens = [self.ids.digits(n0), self.ids.digits(n1)];
        let id = self.markets.len();
        self.markets.push(Market {
            cat,
            league: None,
            cond,
            tokens,
            outcomes,
            title,
            slug,
            open,
            close,
            decided: i64::MAX,
            winner: None,
            group: None,
            game: None,
            pop,
            spread,
            model,
        });
        self.by_cat[cat as usize].push(id);
        id
    }

    fn settle(&mut self, m: usize, decided: i64, winner: u8) {
        if decided <= NOW {
            self.markets[m].decided = decided;
            self.markets[m].winner = Some(winner);
        }
    }

    pub fn build(seed: u64) -> World {
        let mut w = World {
            markets: Vec::new(),
            games: Vec::new(),
            groups: Vec::new(),
            speeches: Vec::new(),
            news: Vec::new(),
            releases: Vec::new(),
            weather: Vec::new(),
            model_runs: Vec::new(),
            spot: Vec::new(),
            by_cat: vec![Vec::new(); CATS.len()],
            ud: Vec::new(),
            above: Vec::new(),
            ids: Rng::sub(seed, "ids", 0),
        };
        w.build_spot(&mut Rng::sub(seed, "spot", 0));
        w.build_politics(&mut Rng::sub(seed, "politics", 0));
        w.build_news(&mut Rng::sub(seed, "news", 0));
        w.build_econ(&mut Rng::sub(seed, "econ", 0));
        w.build_culture(&mut Rng::sub(seed, "culture", 0));
        w.build_sports(&mut Rng::sub(seed, "sports", 0));
        w.build_weather(&mut Rng::sub(seed, "weather", 0));
        w.build_mentions(&mut Rng::sub(seed, "mentions", 0));
        w.build_updown();
        w.build_above(&mut Rng::sub(seed, "above", 0));
        w.news.sort_by_key(|n| (n.t, n.m));
        w
    }

    fn build_spot(&mut self, rng: &mut Rng) {
        let n = ((NOW + 2 * DAY - T0) / SPOT_DT) as usize;
        let dt_year = SPOT_DT as f64 / (365.0 * 86_400.0);
        let mut s: Vec<f64> = COINS.iter().map(|c| c.2).collect();
        let mut out: Vec<Vec<f64>> = vec![Vec::with_capacity(n); 4];
        let mut vol_state = 0.0f64;
        let revert = SPOT_DT as f64 / (12.0 * DAY as f64);
        for _ in 0..n {
            vol_state = 0.9999 * vol_state + 0.004 * rng.normal();
            let vm = (vol_state).exp().clamp(0.5, 2.2);
            let common = rng.normal();
            let jump = if rng.chance(0.000_04) { rng.gauss(0.0, 0.006) } else { 0.0 };
            for (c, coin) in COINS.iter().enumerate() {
                let sd = coin.3 * dt_year.sqrt() * vm;
                let z = 0.75 * common + 0.66 * rng.normal();
                let j = if c == 0 { jump } else { jump * 1.3 };
                let pull = -revert * (s[c] / coin.2).ln();
                s[c] *= (sd * z + j + pull).exp();
                out[c].push(s[c]);
            }
        }
        self.spot = out;
    }

    /// A binary market's logit random walk with news jumps, optionally decided at `decide`.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &mut self,
        rng: &mut Rng,
        m: usize,
        open: i64,
        end: i64,
        dt: i64,
        p0: f64,
        vol_day: f64,
        drift_day: f64,
        news_per_day: f64,
        news_sd: f64,
        decide: Option<i64>,
    ) -> (Vec<f32>, Option<u8>) {
        let n = ((end - T0) / dt + 1) as usize;
        let mut x = logit(p0);
        let sd = vol_day * (dt as f64 / DAY as f64).sqrt();
        let drift = drift_day * dt as f64 / DAY as f64;
        let mut out = Vec::with_capacity(n);
        let mut winner = None;
        let mut resolved_at = None;
        for i in 0..n {
            let t = T0 + i as i64 * dt;
            if let Some(dec) = decide {
                if winner.is_none() && t >= dec {
                    let p = logistic(x);
                    let wn = if rng.f() < p { 0u8 } else { 1u8 };
                    winner = Some(wn);
                    resolved_at = Some(t);
                    x = if wn == 0 { 5.8 } else { -5.8 };
                }
            }
            if winner.is_some() {
                x += 0.02 * rng.normal();
                out.push(logistic(x) as f32);
                continue;
            }
            x += sd * rng.normal() + drift;
            if t >= open && rng.chance(news_per_day * dt as f64 / DAY as f64) {
                let dx = rng.gauss(0.0, news_sd);
                let dx = if dx.abs() < 0.25 { 0.25 * dx.signum() } else { dx };
                x += dx;
                if t > START && t <= NOW {
                    self.news.push(News { t, m, dx });
                }
            }
            x = x.clamp(-5.5, 5.5);
            out.push(logistic(x) as f32);
        }
        let _ = resolved_at;
        (out, winner)
    }

    fn build_politics(&mut self, rng: &mut Rng) {
        let long: [(&str, f64, f64); 26] = [
            ("Will Democrats win the House in the 2026 midterms?", 0.71, 0.10),
            ("Will Republicans keep control of the Senate in 2026?", 0.67, 0.10),
            ("Will Democrats win 225 or more House seats?", 0.44, 0.14),
            ("Will the Democrat win the North Carolina Senate race?", 0.57, 0.16),
            ("Will the Democrat win the Maine Senate race?", 0.52, 0.18),
            ("Will the Democrat win the Ohio Senate race?", 0.37, 0.15),
            ("Will the Democrat win the Texas Senate race?", 0.21, 0.16),
            ("Will the Republican win the Michigan Senate race?", 0.41, 0.16),
            ("Will the Republican win the Georgia Senate race?", 0.43, 0.15),
            ("Will the Democrat win the Iowa Senate race?", 0.18, 0.2),
            ("Will the Democrat win the Alaska Senate race?", 0.27, 0.2),
            ("Will the Democrat win the Arizona governor race?", 0.55, 0.15),
            ("Will the Democrat win the Georgia governor race?", 0.47, 0.15),
            ("Will the Democrat win the Wisconsin governor race?", 0.58, 0.15),
            ("Will the Republican win the Pennsylvania governor race?", 0.16, 0.18),
            ("Will the Democrat win the Nevada governor race?", 0.49, 0.16),
            ("Will the Democrat win the Florida governor race?", 0.12, 0.2),
            ("Will the US government shut down on October 1?", 0.42, 0.35),
            ("Will Congress pass a continuing resolution before October 1?", 0.55, 0.33),
            ("Will Lula win the 2026 Brazilian presidential election?", 0.47, 0.14),
            ("Will the Brazil presidential election go to a runoff?", 0.83, 0.14),
            ("Will the Social Democrats lead the next Swedish government?", 0.61, 0.2),
            ("Will United Russia win a majority in the State Duma election?", 0.96, 0.1),
            ("Will Trump's approval rating be 42% or higher on September 30?", 0.38, 0.3),
            ("Will the Senate confirm a new Fed governor by September 30?", 0.64, 0.3),
            ("Will the Supreme Court rule on the tariff case by October 31?", 0.33, 0.25),
        ];
        for (i, (title, p0, vol)) in long.iter().enumerate() {
            let open = T0 - rng.range(20, 300) * DAY;
            let close = NOW + rng.range(10, 60) * DAY;
            let pop = rng.lognorm(if i < 3 { 4.0 } else { 1.0 }, 0.6);
            let m = self.add(
                Cat::Politics,
                title.to_string(),
                slugify(title),
                yn(),
                open,
                close,
                pop,
                if pop > 2.0 { 1 } else { 2 },
                Model::Path { t0: T0, dt: 1, p: vec![] },
            );
            let (p, _) = self.walk(rng, m, open, NOW, 300, *p0, *vol, 0.0, 0.12, 0.35, None);
            self.markets[m].model = Model::Path { t0: T0, dt: 300, p };
        }
        // Primaries and elections decided inside the window.
        let elections: [(&str, i64, &[&str]); 5] = [
            (
                "Massachusetts Republican Governor Primary Winner",
                D0 + 10 * DAY + 2 * HOUR,
                &["Dana Whitfield", "Mark Colby", "Regina Shaw"],
            ),
            (
                "New Hampshire Democratic Senate Primary Winner",
                D0 + 17 * DAY + 1 * HOUR,
                &["Ellen Marsh", "Tom Brandt", "Priya Natarajan", "Owen Kelleher"],
            ),
            ("New Hampshire Republican Governor Primary Winner", D0 + 17 * DAY + 2 * HOUR, &["Scott Durant", "Kelly Ayotte-Reyes"]),
            ("Delaware Democratic Governor Primary Winner", D0 + 24 * DAY + 2 * HOUR, &["Maya Ellison", "Robert Kwan", "Lena Ortiz"]),
            (
                "Largest party in the 2026 Swedish general election",
                D0 + 22 * DAY + 19 * HOUR,
                &["Social Democrats", "Sweden Democrats", "Moderates"],
            ),
        ];
        for (title, dec0, names) in elections.iter() {
            let decided = dec0 + rng.range(0, 4 * HOUR);
            let close = decided + rng.range(8 * HOUR, 40 * HOUR);
            let open = T0 - rng.range(30, 120) * DAY;
            let k = names.len();
            let mut xs: Vec<f64> = (0..k).map(|i| if i == 0 { 1.2 } else { -0.4 * i as f64 } + rng.gauss(0.0, 0.6)).collect();
            if title.contains("Swedish") {
                xs = vec![2.2, 0.0, -2.8];
            }
            let g = self.groups.len();
            self.groups.push(Group { title: title.to_string(), cat: Cat::Politics, markets: vec![], decided, close });
            let mut ms = vec![];
            for name in names.iter() {
                let q = if title.contains("Swedish") {
                    format!("Will the {name} win the most seats in the Swedish election?")
                } else {
                    format!("Will {name} win the {}?", title.trim_end_matches(" Winner"))
                };
                let m = self.add(
                    Cat::Politics,
                    q.clone(),
                    slugify(&q),
                    yn(),
                    open,
                    close,
                    rng.lognorm(1.2, 0.5),
                    1,
                    Model::Path { t0: T0, dt: 1, p: vec![] },
                );
                self.markets[m].group = Some(g);
                ms.push(m);
            }
            let dt = 300;
            let n = ((close - T0) / dt + 1) as usize;
            let mut paths = vec![Vec::with_capacity(n); k];
            let mut winner = None;
            for i in 0..n {
                let t = T0 + i as i64 * dt;
                if winner.is_none() && t >= decided {
                    let pr = softmax(&xs);
                    winner = Some(rng.weighted(&pr));
                }
                if let Some(wn) = winner {
                    let r = reveal(t - decided);
                    for (j, p) in paths.iter_mut().enumerate() {
                        p.push(if j == wn { r } else { (1.0 - r) / (k - 1) as f32 });
                    }
                    continue;
                }
                let near = ((decided - t) as f64 / DAY as f64).max(0.05);
                let sd = 0.12 * (dt as f64 / DAY as f64).sqrt() * (1.0 + 1.5 / near.sqrt());
                for x in xs.iter_mut() {
                    *x += sd * rng.normal();
                    if t >= START && rng.chance(0.1 * dt as f64 / DAY as f64) {
                        *x += rng.gauss(0.0, 0.3);
                    }
                }
                // Election night: counts come in during the last hours.
                let pr = softmax(&xs);
                for (j, p) in paths.iter_mut().enumerate() {
                    p.push(pr[j] as f32);
                }
            }
            for (j, &m) in ms.iter().enumerate() {
                let p = std::mem::take(&mut paths[j]);
                self.markets[m].model = Model::Path { t0: T0, dt, p };
                if let Some(wn) = winner {
                    self.settle(m, decided, if wn == j { 0 } else { 1 });
                }
            }
            self.groups[g].markets = ms;
        }
    }

    fn build_news(&mut self, rng: &mut Rng) {
        let sep30 = D0 + 39 * DAY + 4 * HOUR - 1; // 23:59:59 ET Sep 30
        let aug31 = D0 + 10 * DAY + 4 * HOUR - 1;
        let items: [(&str, f64, i64); 28] = [
            ("Russia x Ukraine ceasefire by September 30?", 0.07, sep30),
            ("Will Russia capture Kostiantynivka by September 30?", 0.22, sep30),
            ("US x Iran nuclear deal by September 30?", 0.05, sep30),
            ("Will Israel strike Iran by September 30?", 0.12, sep30),
            ("Will a hurricane make landfall in Florida by September 30?", 0.34, sep30),
            ("Will a Category 5 hurricane form in the Atlantic by September 30?", 0.18, sep30),
            ("Will OpenAI release GPT-6 by September 30?", 0.09, sep30),
            ("Will Google release Gemini 4 by September 30?", 0.17, sep30),
            ("Will Tesla launch unsupervised FSD in a new city by September 30?", 0.28, sep30),
            ("Will the US announce new tariffs on the EU by September 30?", 0.25, sep30),
            ("Will Trump meet Xi Jinping by September 30?", 0.14, sep30),
            ("Will Zelensky and Putin meet by September 30?", 0.04, sep30),
            ("Will the UK Prime Minister be out by September 30?", 0.05, sep30),
            ("Will Macron dissolve the National Assembly by September 30?", 0.08, sep30),
            ("Will the Bank of Japan hike rates in September?", 0.31, D0 + 27 * DAY + 4 * HOUR),
            ("Will the Bank of England cut rates in September?", 0.27, D0 + 25 * DAY + 11 * HOUR),
            ("Will the ECB cut rates in September?", 0.21, D0 + 18 * DAY + 12 * HOUR),
            ("Will the US strike Venezuela by September 30?", 0.1, sep30),
            ("Will Elon Musk's xAI raise at a $300B+ valuation by September 30?", 0.36, sep30),
            ("Will Nvidia be the largest company in the world on September 30?", 0.79, sep30),
            ("Will Apple announce a foldable iPhone at its September event?", 0.58, D0 + 18 * DAY + 18 * HOUR),
            ("Will Taylor Swift announce a new album by September 30?", 0.11, sep30),
            ("Will Trump pardon Ghislaine Maxwell by September 30?", 0.06, sep30),
            ("Will the Epstein files be released by September 30?", 0.19, sep30),
            ("Will Russia x Ukraine ceasefire happen by August 31?", 0.02, aug31),
            ("Will the US and India sign a trade deal by August 31?", 0.08, aug31),
            ("Will Kim Jong Un visit Russia by August 31?", 0.05, aug31),
            ("Will the Fed hold an emergency meeting by September 30?", 0.03, sep30),
        ];
        for (title, p0, deadline) in items.iter() {
            let open = T0 - rng.range(10, 120) * DAY;
            let pop = rng.lognorm(1.0, 0.7);
            let decides_at_deadline = *deadline <= NOW;
            let decide = if decides_at_deadline { Some(*deadline) } else { None };
            let close = if decides_at_deadline { deadline + rng.range(6 * HOUR, 30 * HOUR) } else { deadline + rng.range(HOUR, 2 * DAY) };
            let m = self.add(
                Cat::News,
                title.to_string(),
                slugify(title),
                yn(),
                open,
                close,
                pop,
                if pop > 1.5 { 1 } else { 2 },
                Model::Path { t0: T0, dt: 1, p: vec![] },
            );
            let days_left = ((deadline - START) as f64 / DAY as f64).max(1.0);
            let drift = -0.6 / days_left.sqrt() * if *p0 < 0.5 { 1.0 } else { 0.3 };
            let (p, wn) = self.walk(rng, m, open, close.min(NOW + DAY), 120, *p0, 0.25, drift, 0.22, 0.6, decide);
            self.markets[m].model = Model::Path { t0: T0, dt: 120, p };
            if let Some(wn) = wn {
                self.settle(m, *deadline, wn);
            }
        }
    }

    /// A multi-outcome event whose outcome is revealed at `release`.
    #[allow(clippy::too_many_arguments)]
    fn bracket_group(
        &mut self,
        rng: &mut Rng,
        cat: Cat,
        title: &str,
        names: &[String],
        prior: &[f64],
        open: i64,
        release: i64,
        close: i64,
        pop: f64,
        question: impl Fn(&str) -> String,
    ) -> usize {
        let g = self.groups.len();
        let decided = release;
        self.groups.push(Group { title: title.to_string(), cat, markets: vec![], decided, close });
        let mut ms = vec![];
        for name in names {
            let q = question(name);
            let m = self.add(
                cat,
                q.clone(),
                slugify(&q),
                yn(),
                open,
                close,
                pop * rng.lognorm(1.0, 0.3),
                1,
                Model::Path { t0: T0, dt: 1, p: vec![] },
            );
            self.markets[m].group = Some(g);
            ms.push(m);
        }
        let mut xs: Vec<f64> = prior.iter().map(|p| p.max(0.003).ln()).collect();
        let dt = 120;
        let end = close.min(NOW + DAY);
        let n = ((end - T0) / dt + 1) as usize;
        let mut paths = vec![Vec::with_capacity(n); names.len()];
        let mut winner = None;
        for i in 0..n {
            let t = T0 + i as i64 * dt;
            if winner.is_none() && t >= release && release <= NOW {
                let pr = softmax(&xs);
                winner = Some(rng.weighted(&pr));
            }
            if let Some(wn) = winner {
                let r = reveal(t - release);
                let k = names.len();
                for (j, p) in paths.iter_mut().enumerate() {
                    p.push(if j == wn { r } else { ((1.0 - r) / (k - 1) as f32).max(0.002) });
                }
                continue;
            }
            let sd = 0.2 * (dt as f64 / DAY as f64).sqrt();
            for x in xs.iter_mut() {
                *x += sd * rng.normal();
            }
            if t >= open && t > START && t <= NOW && rng.chance(0.25 * dt as f64 / DAY as f64) {
                let j = rng.idx(xs.len());
                let dx = rng.gauss(0.0, 0.5);
                xs[j] += dx;
                self.news.push(News { t, m: ms[j], dx });
            }
            let pr = softmax(&xs);
            for (j, p) in paths.iter_mut().enumerate() {
                p.push(pr[j] as f32);
            }
        }
        for (j, &m) in ms.iter().enumerate() {
            let p = std::mem::take(&mut paths[j]);
            self.markets[m].model = Model::Path { t0: T0, dt, p };
            if let Some(wn) = winner {
                self.settle(m, decided, if wn == j { 0 } else { 1 });
            }
        }
        self.groups[g].markets = ms;
        if release <= NOW {
            self.releases.push(Release { t: release, group: g });
        }
        g
    }

    fn build_econ(&mut self, rng: &mut Rng) {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // Jobs report, Friday Sep 4 08:30 ET.
        let jobs = D0 + 13 * DAY + 12 * HOUR + 30 * MIN;
        self.bracket_group(
            rng,
            Cat::Econ,
            "Unemployment rate in August?",
            &s(&["4.2%", "4.3%", "4.4%", "4.5%", "4.6% or higher"]),
            &[0.08, 0.27, 0.38, 0.2, 0.07],
            jobs - 25 * DAY,
            jobs,
            jobs + 3 * HOUR,
            1.5,
            |n| format!("Will the August unemployment rate be {n}?"),
        );
        self.bracket_group(
            rng,
            Cat::Econ,
            "Nonfarm payrolls in August?",
            &s(&["Below 0", "0-50k", "50k-100k", "100k-150k", "150k+"]),
            &[0.12, 0.3, 0.33, 0.18, 0.07],
            jobs - 25 * DAY,
            jobs,
            jobs + 3 * HOUR,
            1.0,
            |n| format!("Will August nonfarm payrolls be {n}?"),
        );
        // CPI, Friday Sep 11 08:30 ET.
        let cpi = D0 + 20 * DAY + 12 * HOUR + 30 * MIN;
        self.bracket_group(
            rng,
            Cat::Econ,
            "August CPI YoY?",
            &s(&["2.7% or lower", "2.8%", "2.9%", "3.0%", "3.1% or higher"]),
            &[0.1, 0.24, 0.34, 0.22, 0.1],
            cpi - 25 * DAY,
            cpi,
            cpi + 4 * HOUR,
            1.3,
            |n| format!("Will August CPI YoY be {n}?"),
        );
        self.bracket_group(
            rng,
            Cat::Econ,
            "August core CPI MoM?",
            &s(&["0.1% or lower", "0.2%", "0.3%", "0.4% or higher"]),
            &[0.08, 0.36, 0.42, 0.14],
            cpi - 25 * DAY,
            cpi,
            cpi + 4 * HOUR,
            0.8,
            |n| format!("Will August core CPI MoM be {n}?"),
        );
        // FOMC, Wednesday Sep 16 14:00 ET.
        let fomc = D0 + 25 * DAY + 18 * HOUR;
        let fed = s(&["50+ bps decrease", "25 bps decrease", "No change", "25+ bps increase"]);
        self.bracket_group(
            rng,
            Cat::Econ,
            "Fed decision in September?",
            &fed,
            &[0.06, 0.71, 0.22, 0.01],
            fomc - 60 * DAY,
            fomc,
            fomc + 2 * HOUR,
            6.0,
            |n| format!("Fed {n} after the September 2026 meeting?"),
        );
        // October FOMC (Oct 28) and the count of cuts: still open at NOW.
        let oct = D0 + 67 * DAY + 18 * HOUR;
        self.bracket_group(
            rng,
            Cat::Econ,
            "Fed decision in October?",
            &fed,
            &[0.05, 0.52, 0.42, 0.01],
            oct - 60 * DAY,
            oct,
            oct + 2 * HOUR,
            2.5,
            |n| format!("Fed {n} after the October 2026 meeting?"),
        );
        let cuts = s(&["0", "1", "2", "3", "4+"]);
        let ye = D0 + 131 * DAY;
        self.bracket_group(
            rng,
            Cat::Econ,
            "How many Fed rate cuts in 2026?",
            &cuts,
            &[0.04, 0.12, 0.36, 0.33, 0.15],
            T0 - 200 * DAY,
            ye,
            ye + DAY,
            1.5,
            |n| format!("Will the Fed cut rates {n} times in 2026?"),
        );
        // A recession binary.
        let title = "US recession in 2026?";
        let m = self.add(
            Cat::Econ,
            title.to_string(),
            slugify(title),
            yn(),
            T0 - 200 * DAY,
            NOW + 100 * DAY,
            1.4,
            1,
            Model::Path { t0: T0, dt: 1, p: vec![] },
        );
        let (p, _) = self.walk(rng, m, T0, NOW, 300, 0.21, 0.25, 0.0, 0.15, 0.3, None);
        self.markets[m].model = Model::Path { t0: T0, dt: 300, p };
    }

    fn build_culture(&mut self, rng: &mut Rng) {
        // Elon Musk tweet counts, weekly from Friday 12:00 ET.
        for wk in 0..5 {
            let start = D0 - DAY + wk * 7 * DAY + 16 * HOUR; // Fri Aug 21 16:00 UTC, ...
            let end = start + 7 * DAY;
            let g = self.groups.len();
            let decided = end;
            let close = end + rng.range(2 * HOUR, 12 * HOUR);
            let title = format!("Elon Musk # of tweets {} - {}, 2026?", day_title(start, ET), day_title(end, ET));
            self.groups.push(Group { title: title.clone(), cat: Cat::Culture, markets: vec![], decided, close });
            let edges: Vec<(i64, i64)> = (0..8)
                .map(|k| {
                    if k == 0 {
                        (0, 239)
                    } else if k == 7 {
                        (540, 9999)
                    } else {
                        (240 + 50 * (k - 1), 289 + 50 * (k - 1))
                    }
                })
                .collect();
            let mut ms = vec![];
            for &(lo, hi) in &edges {
                let label = if lo == 0 {
                    "less than 240".to_string()
                } else if hi > 9000 {
                    "540 or more".to_string()
                } else {
                    format!("{lo}-{hi}")
                };
                let q = format!("Will Elon Musk post {label} tweets from {} to {}, 2026?", day_title(start, ET), day_title(end, ET));
                let m = self.add(
                    Cat::Culture,
                    q.clone(),
                    slugify(&q),
                    yn(),
                    start - 5 * DAY,
                    close,
                    rng.lognorm(0.9, 0.4),
                    1,
                    Model::Path { t0: T0, dt: 1, p: vec![] },
                );
                self.markets[m].group = Some(g);
                ms.push(m);
            }
            // Tweet process: a daily rate that wanders; forecasts are normal around the run rate.
            let dt = 600;
            let n = ((close.min(NOW + DAY) - T0) / dt + 1) as usize;
            let mut count = 0.0f64;
            let mut rate = rng.uni(45.0, 70.0); // per day
            let mut paths = vec![Vec::with_capacity(n); edges.len()];
            let mut final_count = None;
            for i in 0..n {
                let t = T0 + i as i64 * dt;
                if t >= start && t < end {
                    rate = (rate + rng.gauss(0.0, 1.5)).clamp(20.0, 110.0);
                    let lh = local_hour(t, -7 * HOUR);
                    let diurnal = if !(2.0..8.0).contains(&lh) { 1.25 } else { 0.4 };
                    count += rng.poisson(rate * diurnal * dt as f64 / DAY as f64) as f64;
                }
                if t >= end && final_count.is_none() && end <= NOW {
                    final_count = Some(count);
                }
                let rem_days = ((end - t.max(start)) as f64 / DAY as f64).max(0.0);
                let mean = count + rate * rem_days;
                let sd = (rate * rem_days).sqrt() * 1.3 + rem_days * 9.0 + 0.3;
                for (k, &(lo, hi)) in edges.iter().enumerate() {
                    let p = if let Some(fc) = final_count {
                        if fc >= lo as f64 && fc <= hi as f64 { 0.997 } else { 0.002 }
                    } else {
                        phi((hi as f64 + 0.5 - mean) / sd) - phi((lo as f64 - 0.5 - mean) / sd)
                    };
                    paths[k].push(p.clamp(0.002, 0.998) as f32);
                }
            }
            for (k, &m) in ms.iter().enumerate() {
                let p = std::mem::take(&mut paths[k]);
                self.markets[m].model = Model::Path { t0: T0, dt, p };
                if let Some(fc) = final_count {
                    let (lo, hi) = edges[k];
                    self.settle(m, decided, if fc >= lo as f64 && fc <= hi as f64 { 0 } else { 1 });
                }
            }
            self.groups[g].markets = ms;
        }
        // Emmys (Sunday Sep 13, evening ET) and VMAs.
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let emmys = D0 + 23 * DAY + 2 * HOUR + 40 * MIN;
        self.bracket_group(
            rng,
            Cat::Culture,
            "Emmys 2026: Outstanding Drama Series winner",
            &s(&["Severance", "The Pitt", "Andor", "The Last of Us", "Slow Horses"]),
            &[0.38, 0.34, 0.14, 0.08, 0.06],
            emmys - 50 * DAY,
            emmys,
            emmys + 20 * HOUR,
            1.0,
            |n| format!("Will {n} win Outstanding Drama Series at the 2026 Emmys?"),
        );
        self.bracket_group(
            rng,
            Cat::Culture,
            "Emmys 2026: Outstanding Comedy Series winner",
            &s(&["The Studio", "Hacks", "The Bear", "Abbott Elementary"]),
            &[0.46, 0.3, 0.14, 0.1],
            emmys - 50 * DAY,
            emmys - 40 * MIN,
            emmys + 20 * HOUR,
            0.7,
            |n| format!("Will {n} win Outstanding Comedy Series at the 2026 Emmys?"),
        );
        let vmas = D0 + 17 * DAY + 2 * HOUR;
        self.bracket_group(
            rng,
            Cat::Culture,
            "MTV VMAs 2026: Video of the Year",
            &s(&["Sabrina Carpenter", "Kendrick Lamar", "Lady Gaga", "Billie Eilish", "Bad Bunny"]),
            &[0.3, 0.25, 0.2, 0.15, 0.1],
            vmas - 30 * DAY,
            vmas,
            vmas + 12 * HOUR,
            0.5,
            |n| format!("Will {n} win Video of the Year at the 2026 VMAs?"),
        );
        let box_office = D0 + 29 * DAY + 16 * HOUR;
        self.bracket_group(
            rng,
            Cat::Culture,
            "Top grossing movie of the weekend (Sep 18-20)?",
            &s(&["Resident Evil", "The Conjuring 4", "Spider-Man: Brand New Day", "Other"]),
            &[0.22, 0.18, 0.5, 0.1],
            box_office - 8 * DAY,
            box_office,
            box_office + 10 * HOUR,
            0.5,
            |n| format!("Will {n} be the top grossing movie of the Sep 18-20 weekend?"),
        );
        let binaries: [(&str, f64); 8] = [
            ("Will GTA VI be delayed again before release?", 0.2),
            ("Will MrBeast hit 450M YouTube subscribers by September 30?", 0.42),
            ("Will Drake release a new album by September 30?", 0.12),
            ("Will Time name an AI leader Person of the Year 2026?", 0.24),
            ("Will Kanye West release Bully by September 30?", 0.14),
            ("Will 'Taylor Swift' be the top Google search of the week of September 14?", 0.07),
            ("Will a new Pope encyclical be published by September 30?", 0.3),
            ("Will Spotify raise US prices by September 30?", 0.26),
        ];
        for (title, p0) in binaries.iter() {
            let open = T0 - rng.range(5, 90) * DAY;
            let close = NOW + rng.range(9, 120) * DAY;
            let m = self.add(
                Cat::Culture,
                title.to_string(),
                slugify(title),
                yn(),
                open,
                close,
                rng.lognorm(0.5, 0.5),
                2,
                Model::Path { t0: T0, dt: 1, p: vec![] },
            );
            let (p, _) = self.walk(rng, m, open, NOW, 300, *p0, 0.3, -0.02, 0.15, 0.5, None);
            self.markets[m].model = Model::Path { t0: T0, dt: 300, p };
        }
    }

    fn build_sports(&mut self, rng: &mut Rng) {
        let nfl: [(&str, &str); 32] = [
            ("Chiefs", "kc"),
            ("Ravens", "bal"),
            ("Bills", "buf"),
            ("Eagles", "phi"),
            ("49ers", "sf"),
            ("Lions", "det"),
            ("Cowboys", "dal"),
            ("Packers", "gb"),
            ("Bengals", "cin"),
            ("Dolphins", "mia"),
            ("Jets", "nyj"),
            ("Patriots", "ne"),
            ("Steelers", "pit"),
            ("Browns", "cle"),
            ("Texans", "hou"),
            ("Colts", "ind"),
            ("Jaguars", "jax"),
            ("Titans", "ten"),
            ("Broncos", "den"),
            ("Raiders", "lv"),
            ("Chargers", "lac"),
            ("Giants", "nyg"),
            ("Commanders", "was"),
            ("Bears", "chi"),
            ("Vikings", "min"),
            ("Falcons", "atl"),
            ("Saints", "no"),
            ("Panthers", "car"),
            ("Buccaneers", "tb"),
            ("Cardinals", "ari"),
            ("Rams", "lar"),
            ("Seahawks", "sea"),
        ];
        let cfb = [
            "Georgia",
            "Alabama",
            "Ohio State",
            "Texas",
            "Michigan",
            "Oregon",
            "Penn State",
            "Notre Dame",
            "LSU",
            "Clemson",
            "Tennessee",
            "Miami",
            "Ole Miss",
            "Oklahoma",
            "Florida State",
            "USC",
            "Utah",
            "Missouri",
            "Auburn",
            "Florida",
            "Texas A&M",
            "Wisconsin",
            "Iowa",
            "Kansas State",
            "SMU",
            "Arizona State",
            "Nebraska",
            "Louisville",
            "South Carolina",
            "Colorado",
        ];
        let mlb: [(&str, &str); 30] = [
            ("Yankees", "nyy"),
            ("Red Sox", "bos"),
            ("Dodgers", "lad"),
            ("Giants", "sf"),
            ("Cubs", "chc"),
            ("Mets", "nym"),
            ("Braves", "atl"),
            ("Phillies", "phi"),
            ("Astros", "hou"),
            ("Rangers", "tex"),
            ("Mariners", "sea"),
            ("Padres", "sd"),
            ("Orioles", "bal"),
            ("Blue Jays", "tor"),
            ("Guardians", "cle"),
            ("Twins", "min"),
            ("Tigers", "det"),
            ("Royals", "kc"),
            ("Brewers", "mil"),
            ("Cardinals", "stl"),
            ("Reds", "cin"),
            ("Pirates", "pit"),
            ("Diamondbacks", "ari"),
            ("Rockies", "col"),
            ("Marlins", "mia"),
            ("Nationals", "wsh"),
            ("Rays", "tb"),
            ("White Sox", "cws"),
            ("Angels", "laa"),
            ("Athletics", "ath"),
        ];
        let wnba: [(&str, &str); 13] = [
            ("Liberty", "ny"),
            ("Aces", "lv"),
            ("Lynx", "min"),
            ("Fever", "ind"),
            ("Sky", "chi"),
            ("Sun", "con"),
            ("Storm", "sea"),
            ("Mercury", "phx"),
            ("Wings", "dal"),
            ("Dream", "atl"),
            ("Sparks", "la"),
            ("Mystics", "was"),
            ("Valkyries", "gsv"),
        ];
        let epl: [(&str, &str); 20] = [
            ("Arsenal", "ars"),
            ("Chelsea", "che"),
            ("Liverpool", "liv"),
            ("Manchester City", "mci"),
            ("Manchester United", "mun"),
            ("Tottenham", "tot"),
            ("Newcastle", "new"),
            ("Aston Villa", "avl"),
            ("Brighton", "bha"),
            ("West Ham", "whu"),
            ("Brentford", "bre"),
            ("Crystal Palace", "cry"),
            ("Fulham", "ful"),
            ("Everton", "eve"),
            ("Wolves", "wol"),
            ("Bournemouth", "bou"),
            ("Nottingham Forest", "nfo"),
            ("Leeds", "lee"),
            ("Burnley", "bur"),
            ("Sunderland", "sun"),
        ];
        let ucl: [(&str, &str); 24] = [
            ("Real Madrid", "rma"),
            ("Barcelona", "bar"),
            ("Bayern Munich", "bay"),
            ("PSG", "psg"),
            ("Inter", "int"),
            ("Juventus", "juv"),
            ("Dortmund", "bvb"),
            ("Atletico Madrid", "atm"),
            ("Benfica", "ben"),
            ("Porto", "por"),
            ("Napoli", "nap"),
            ("AC Milan", "acm"),
            ("Leverkusen", "lev"),
            ("Ajax", "aja"),
            ("Sporting CP", "scp"),
            ("Celtic", "cel"),
            ("PSV", "psv"),
            ("Club Brugge", "bru"),
            ("Arsenal", "ars"),
            ("Liverpool", "liv"),
            ("Manchester City", "mci"),
            ("Chelsea", "che"),
            ("Newcastle", "new"),
            ("Tottenham", "tot"),
        ];
        let mls: [(&str, &str); 12] = [
            ("Inter Miami", "mia"),
            ("LA Galaxy", "lag"),
            ("LAFC", "lafc"),
            ("Seattle Sounders", "sea"),
            ("Columbus Crew", "clb"),
            ("FC Cincinnati", "cin"),
            ("Atlanta United", "atl"),
            ("NYCFC", "nyc"),
            ("Philadelphia Union", "phi"),
            ("Orlando City", "orl"),
            ("Nashville SC", "nsh"),
            ("Vancouver Whitecaps", "van"),
        ];
        let men = [
            "Jannik Sinner",
            "Carlos Alcaraz",
            "Novak Djokovic",
            "Alexander Zverev",
            "Taylor Fritz",
            "Jack Draper",
            "Daniil Medvedev",
            "Holger Rune",
            "Alex de Minaur",
            "Ben Shelton",
            "Casper Ruud",
            "Frances Tiafoe",
            "Tommy Paul",
            "Lorenzo Musetti",
            "Jakub Mensik",
            "Joao Fonseca",
            "Stefanos Tsitsipas",
            "Ugo Humbert",
            "Jiri Lehecka",
            "Karen Khachanov",
        ];
        let women = [
            "Aryna Sabalenka",
            "Iga Swiatek",
            "Coco Gauff",
            "Jessica Pegula",
            "Amanda Anisimova",
            "Elena Rybakina",
            "Qinwen Zheng",
            "Jasmine Paolini",
            "Madison Keys",
            "Mirra Andreeva",
            "Emma Navarro",
            "Karolina Muchova",
            "Naomi Osaka",
            "Elina Svitolina",
            "Paula Badosa",
            "Victoria Mboko",
            "Ekaterina Alexandrova",
            "Belinda Bencic",
        ];

        let pair = |rng: &mut Rng, n: usize| -> (usize, usize) {
            let a = rng.idx(n);
            let mut b = rng.idx(n);
            while b == a {
                b = rng.idx(n);
            }
            (a, b)
        };
        // NFL: Week 1 (Thu Sep 10 .. Mon Sep 14), Week 2 (Thu Sep 17 .. Mon Sep 21), Week 3 openers.
        let mut nfl_slots: Vec<i64> = vec![];
        for wk in 0..3 {
            let thu = D0 + 19 * DAY + wk * 7 * DAY; // Fri 00:20 UTC = Thu 20:20 ET
            nfl_slots.push(thu + 20 * MIN);
            let sun = D0 + 22 * DAY + wk * 7 * DAY;
            for _ in 0..9 {
                nfl_slots.push(sun + 17 * HOUR);
            }
            for k in 0..4 {
                nfl_slots.push(sun + 20 * HOUR + if k < 2 { 5 * MIN } else { 25 * MIN });
            }
            nfl_slots.push(sun + DAY + 20 * MIN);
            nfl_slots.push(sun + 2 * DAY + 15 * MIN);
            if wk == 0 {
                nfl_slots.push(sun + 2 * DAY - HOUR);
            }
        }
        let mut used_nfl: Vec<usize> = vec![];
        for (i, &st) in nfl_slots.iter().enumerate() {
            if i % 16 == 0 {
                used_nfl.clear();
            }
            let (mut a, mut b) = pair(rng, 32);
            while used_nfl.contains(&a) || used_nfl.contains(&b) {
                (a, b) = pair(rng, 32);
            }
            used_nfl.push(a);
            used_nfl.push(b);
            let (h, hs) = nfl[a];
            let (aw, as_) = nfl[b];
            let title = format!("{aw} vs. {h}");
            let slug = format!("nfl-{as_}-{hs}-{}", fmt(st, ET, "%Y-%m-%d"));
            self.game(rng, League::Nfl, h, aw, st, title, slug, 6 * DAY, 5.0);
        }
        // College football Saturdays.
        for sat in [D0 + 7 * DAY, D0 + 14 * DAY, D0 + 21 * DAY, D0 + 28 * DAY] {
            let n = 9 + rng.idx(4);
            let mut used = vec![];
            for k in 0..n {
                let slot = [
                    16 * HOUR,
                    16 * HOUR,
                    19 * HOUR + 30 * MIN,
                    19 * HOUR + 30 * MIN,
                    23 * HOUR + 30 * MIN,
                    23 * HOUR + 30 * MIN,
                    DAY + 2 * HOUR + 30 * MIN,
                ][k % 7];
                let (mut a, mut b) = pair(rng, cfb.len());
                while used.contains(&a) || used.contains(&b) {
                    (a, b) = pair(rng, cfb.len());
                }
                used.push(a);
                used.push(b);
                let st = sat + slot + rng.range(0, 3) * 15 * MIN;
                let title = format!("{} vs. {}", cfb[b], cfb[a]);
                let slug = format!("cfb-{}-{}-{}", slugify(cfb[b]), slugify(cfb[a]), fmt(st, ET, "%Y-%m-%d"));
                self.game(rng, League::Cfb, cfb[a], cfb[b], st, title, slug, 4 * DAY, 2.0);
            }
        }
        // MLB: featured games every day.
        for d in -1..31 {
            let day = D0 + d * DAY;
            let n = 4 + rng.idx(3);
            let mut used = vec![];
            for k in 0..n {
                let slot = [
                    17 * HOUR + 10 * MIN,
                    20 * HOUR + 10 * MIN,
                    23 * HOUR + 5 * MIN,
                    23 * HOUR + 40 * MIN,
                    DAY + 10 * MIN,
                    DAY + 2 * HOUR + 10 * MIN,
                ][k % 6];
                let (mut a, mut b) = pair(rng, 30);
                while used.contains(&a) || used.contains(&b) {
                    (a, b) = pair(rng, 30);
                }
                used.push(a);
                used.push(b);
                let st = day + slot;
                let title = format!("{} vs. {}", mlb[b].0, mlb[a].0);
                let slug = format!("mlb-{}-{}-{}", mlb[b].1, mlb[a].1, fmt(st, ET, "%Y-%m-%d"));
                self.game(rng, League::Mlb, mlb[a].0, mlb[b].0, st, title, slug, DAY + 6 * HOUR, 1.0);
            }
        }
        // WNBA: end of the regular season and first playoff games.
        for d in -1..29 {
            let day = D0 + d * DAY;
            let n = if d < 22 { 1 + rng.idx(3) } else { rng.idx(2) };
            for k in 0..n {
                let (a, b) = pair(rng, 13);
                let st = day + [23 * HOUR + 30 * MIN, DAY, DAY + 2 * HOUR][k % 3];
                let title = format!("{} vs. {}", wnba[b].0, wnba[a].0);
                let slug = format!("wnba-{}-{}-{}", wnba[b].1, wnba[a].1, fmt(st, ET, "%Y-%m-%d"));
                self.game(rng, League::Wnba, wnba[a].0, wnba[b].0, st, title, slug, DAY + 4 * HOUR, 0.7);
            }
        }
        // Premier League weekends (international break Sep 5-6).
        for sat in [D0, D0 + 7 * DAY, D0 + 21 * DAY, D0 + 28 * DAY] {
            let mut order: Vec<usize> = (0..20).collect();
            rng.shuffle(&mut order);
            for k in 0..10 {
                let slot = [
                    11 * HOUR + 30 * MIN,
                    14 * HOUR,
                    14 * HOUR,
                    14 * HOUR,
                    14 * HOUR,
                    16 * HOUR + 30 * MIN,
                    DAY + 13 * HOUR,
                    DAY + 13 * HOUR,
                    DAY + 15 * HOUR + 30 * MIN,
                    2 * DAY + 19 * HOUR,
                ][k];
                let (h, a) = (epl[order[2 * k]], epl[order[2 * k + 1]]);
                self.soccer(rng, League::Epl, h, a, sat + slot, 5 * DAY, 2.5);
            }
        }
        // Champions League matchday 1 (Tue-Thu Sep 15-17).
        let mut order: Vec<usize> = (0..24).collect();
        rng.shuffle(&mut order);
        for k in 0..12 {
            let day = D0 + (24 + (k as i64 % 3)) * DAY;
            let slot = if k % 4 == 0 { 16 * HOUR + 45 * MIN } else { 19 * HOUR };
            self.soccer(rng, League::Ucl, ucl[order[2 * k]], ucl[order[2 * k + 1]], day + slot, 6 * DAY, 2.0);
        }
        // MLS Saturdays.
        for sat in [D0, D0 + 7 * DAY, D0 + 14 * DAY, D0 + 21 * DAY, D0 + 28 * DAY] {
            let mut order: Vec<usize> = (0..12).collect();
            rng.shuffle(&mut order);
            for k in 0..3 {
                let slot = [23 * HOUR + 30 * MIN, DAY + 30 * MIN, DAY + 2 * HOUR + 30 * MIN][k];
                self.soccer(rng, League::Mls, mls[order[2 * k]], mls[order[2 * k + 1]], sat + slot, 3 * DAY, 0.6);
            }
        }
        // US Open: Aug 31 - Sep 13.
        for d in 9..23 {
            let day = D0 + d * DAY;
            let n = match d {
                9..=12 => 10,
                13..=16 => 8,
                17..=18 => 4,
                _ => 2,
            };
            for k in 0..n {
                let womens = k % 2 == 1 || d == 19 || d == 21;
                let womens = if d == 20 || d == 22 { false } else { womens };
                let pool: &[&str] = if womens { &women } else { &men };
                let (a, b) = pair(rng, pool.len());
                let st = day + 15 * HOUR + (k as i64 / 2) * 100 * MIN + if d >= 19 { 4 * HOUR } else { 0 } + rng.range(0, 4) * 10 * MIN;
                self.tennis(rng, pool[a], pool[b], st, !womens);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn game(
        &mut self,
        rng: &mut Rng,
        league: League,
        home: &str,
        away: &str,
        start: i64,
        title: String,
        slug: String,
        listed: i64,
        pop: f64,
    ) {
        let (sd_full, dur, ev_rate) = match league {
            League::Nfl => (13.5, 3 * HOUR + 10 * MIN, 9.0),
            League::Cfb => (16.0, 3 * HOUR + 25 * MIN, 10.0),
            League::Mlb => (4.2, 2 * HOUR + 45 * MIN, 6.0),
            _ => (11.0, 2 * HOUR + 5 * MIN, 40.0),
        };
        let dur = dur + rng.range(-15 * MIN, 20 * MIN);
        let p0 = logistic(rng.gauss(0.25, 0.9));
        let open = start - listed;
        // Pregame drift of the line.
        let dt = 30;
        let mut x = logit(p0);
        let mut pre: Vec<f32> = vec![];
        let mut t = T0.max(open - dt);
        let t_first = t;
        while t < start {
            x += 0.18 * (dt as f64 / DAY as f64).sqrt() * rng.normal();
            if rng.chance(dt as f64 / (2.0 * DAY as f64)) {
                x += rng.gauss(0.0, 0.15); // injury news, line move
            }
            pre.push(logistic(x) as f32);
            t += dt;
        }
        let p_start = logistic(x);
        let mu = sd_full * inv_phi(p_start);
        // Scoring events.
        let mut scores = vec![];
        let n_ev = rng.poisson(ev_rate);
        let mut times: Vec<i64> = (0..n_ev).map(|_| start + rng.range(2 * MIN, dur - MIN)).collect();
        times.sort();
        let avg_pts = match league {
            League::Nfl | League::Cfb => 5.5,
            League::Mlb => 1.5,
            _ => 4.0,
        };
        let total_pts = avg_pts * ev_rate;
        let p_home = (0.5 + 0.5 * mu / total_pts).clamp(0.2, 0.8);
        for &tt in &times {
            let side = if rng.chance(p_home) { 0u8 } else { 1u8 };
            let pts = match league {
                League::Nfl | League::Cfb => [7, 7, 7, 3, 3, 7, 3, 6, 2, 8][rng.idx(10)],
                League::Mlb => [1, 1, 1, 1, 2, 2, 3, 1, 1, 4][rng.idx(10)],
                _ => [2, 2, 3, 4, 5, 6, 2, 3, 7, 4][rng.idx(10)],
            };
            scores.push((tt, side, pts));
        }
        let mut diff: i32 = scores.iter().map(|s| if s.1 == 0 { s.2 } else { -s.2 }).sum();
        let mut end = start + dur;
        if diff == 0 {
            let side = rng.idx(2) as u8;
            end += rng.range(8 * MIN, 25 * MIN);
            let pts = match league {
                League::Nfl | League::Cfb => 6,
                League::Mlb => 1,
                _ => 5,
            };
            scores.push((end - 2 * MIN, side, pts));
            diff = if side == 0 { pts } else { -pts };
        }
        let winner: u8 = if diff > 0 { 0 } else { 1 };
        let close = end + rng.range(25 * MIN, 150 * MIN);
        let mut p = pre;
        let mut t = t_first + p.len() as i64 * dt;
        while t < close.min(NOW + DAY) {
            let v = if t < end {
                let e = (t - start) as f64 / (end - start) as f64;
                let d: i32 = scores.iter().filter(|s| s.0 <= t).map(|s| if s.1 == 0 { s.2 } else { -s.2 }).sum();
                let rem = (1.0 - e).max(0.003);
                let z = (d as f64 + mu * rem) / (sd_full * rem.sqrt());
                phi(z).clamp(0.01, 0.99)
            } else if winner == 0 {
                0.997
            } else {
                0.003
            };
            p.push(v as f32);
            t += dt;
        }
        let outcomes = [away.to_string(), home.to_string()];
        // Outcome 0 is the away team (listed first), as in "Away vs. Home".
        let p: Vec<f32> = p.into_iter().map(|v| 1.0 - v).collect();
        let m = self.add(
            Cat::Sports,
            title,
            slug,
            outcomes,
            open,
            close,
            pop * rng.lognorm(1.0, 0.4),
            1 + (pop < 1.5) as i64,
            Model::Path { t0: t_first, dt, p },
        );
        self.markets[m].league = Some(league);
        let gi = self.games.len();
        self.markets[m].game = Some(gi);
        let scores: Vec<(i64, u8, i32)> = scores.into_iter().map(|(t, s, pts)| (t, 1 - s, pts)).collect();
        self.games.push(Game { league, home: home.to_string(), away: away.to_string(), start, end, scores, markets: vec![m] });
        self.settle(m, end, 1 - winner);
    }

    #[allow(clippy::too_many_arguments)]
    fn soccer(&mut self, rng: &mut Rng, league: League, home: (&str, &str), away: (&str, &str), start: i64, listed: i64, pop: f64) {
        let lh0 = rng.uni(0.9, 2.1);
        let la0 = rng.uni(0.7, 1.8);
        let open = start - listed;
        let end = start + 113 * MIN + rng.range(0, 6 * MIN);
        // Goals in play minutes 0..95 mapped to wall time (halftime 15 min after minute 45).
        let wall = |minute: f64| -> i64 { start + (minute * 60.0) as i64 + if minute >= 45.0 { 17 * MIN } else { 0 } };
        let mut goals: Vec<(i64, u8)> = vec![];
        for (side, lam) in [(0u8, lh0), (1u8, la0)] {
            for _ in 0..rng.poisson(lam) {
                goals.push((wall(rng.uni(1.0, 94.0)), side));
            }
        }
        goals.sort();
        let close = end + rng.range(30 * MIN, 3 * HOUR);
        let dt = 30;
        let t_first = T0.max(open - dt);
        let mut eps = 0.0f64;
        let mut paths: [Vec<f32>; 3] = [vec![], vec![], vec![]];
        let (hg, ag) = (goals.iter().filter(|g| g.1 == 0).count(), goals.iter().filter(|g| g.1 == 1).count());
        let fin = if hg > ag {
            0
        } else if hg == ag {
            1
        } else {
            2
        };
        let mut t = t_first;
        while t < close.min(NOW + DAY) {
            let pr = if t < start {
                eps += 0.12 * (dt as f64 / DAY as f64).sqrt() * rng.normal();
                three_way(lh0 * eps.exp(), la0 * (-eps).exp(), 0, 0)
            } else if t < end {
                let e = t - start;
                let played = if e < 45 * MIN {
                    e as f64 / 60.0
                } else if e < 62 * MIN {
                    45.0
                } else {
                    (e - 17 * MIN) as f64 / 60.0
                }
                .clamp(0.0, 95.0);
                let rem = ((95.0 - played) / 95.0).max(0.0);
                let h = goals.iter().filter(|g| g.0 <= t && g.1 == 0).count();
                let a = goals.iter().filter(|g| g.0 <= t && g.1 == 1).count();
                three_way(lh0 * eps.exp() * rem, la0 * (-eps).exp() * rem, h as i32, a as i32)
            } else {
                let mut v = [0.002; 3];
                v[fin] = 0.997;
                v
            };
            for k in 0..3 {
                paths[k].push(pr[k].clamp(0.003, 0.997) as f32);
            }
            t += dt;
        }
        let gi = self.games.len();
        let g = self.groups.len();
        let date = fmt(start, ET, "%Y-%m-%d");
        let lg = match league {
            League::Epl => "epl",
            League::Ucl => "ucl",
            _ => "mls",
        };
        self.groups.push(Group { title: format!("{} vs. {}", home.0, away.0), cat: Cat::Sports, markets: vec![], decided: end, close });
        let mut ms = vec![];
        for k in 0..3 {
            let (q, s) = match k {
                0 => (format!("Will {} win on {date}?", home.0), format!("{lg}-{}-{}-{date}-{}", home.1, away.1, home.1)),
                1 => (format!("Will {} vs. {} end in a draw?", home.0, away.0), format!("{lg}-{}-{}-{date}-draw", home.1, away.1)),
                _ => (format!("Will {} win on {date}?", away.0), format!("{lg}-{}-{}-{date}-{}", home.1, away.1, away.1)),
            };
            let p = std::mem::take(&mut paths[k]);
            let m = self.add(
                Cat::Sports,
                q,
                s,
                yn(),
                open,
                close,
                pop * rng.lognorm(1.0, 0.3) * if k == 1 { 0.5 } else { 1.0 },
                1 + (pop < 2.0) as i64,
                Model::Path { t0: t_first, dt, p },
            );
            self.markets[m].league = Some(league);
            self.markets[m].game = Some(gi);
            self.markets[m].group = Some(g);
            self.settle(m, end, if k == fin { 0 } else { 1 });
            ms.push(m);
        }
        let scores = goals.iter().map(|&(t, s)| (t, s, 1)).collect();
        self.groups[g].markets = ms.clone();
        self.games.push(Game { league, home: home.0.to_string(), away: away.0.to_string(), start, end, scores, markets: ms });
    }

    fn tennis(&mut self, rng: &mut Rng, a: &str, b: &str, start: i64, best_of_5: bool) {
        let need = if best_of_5 { 3 } else { 2 };
        let p0 = logistic(rng.gauss(0.0, 1.1));
        // Set probability matching the match probability.
        let (mut lo, mut hi) = (0.01, 0.99);
        for _ in 0..40 {
            let mid = 0.5 * (lo + hi);
            if match_prob(mid, 0, 0, need) < p0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let q = 0.5 * (lo + hi);
        // Simulate sets: (start, end, winner, break events).
        let mut sets: Vec<(i64, i64, u8, Vec<(i64, i32)>)> = vec![];
        let (mut sa, mut sb) = (0, 0);
        let mut t = start;
        while sa < need && sb < need {
            let len = rng.range(32 * MIN, 62 * MIN);
            let wn = if rng.chance(q) { 0u8 } else { 1u8 };
            let sign = if wn == 0 { 1 } else { -1 };
            let mut evs = vec![];
            if rng.chance(0.25) {
                evs.push((t + (len as f64 * rng.uni(0.1, 0.4)) as i64, -sign));
                evs.push((t + (len as f64 * rng.uni(0.45, 0.65)) as i64, sign));
            }
            evs.push((t + (len as f64 * rng.uni(0.66, 0.85)) as i64, sign));
            sets.push((t, t + len, wn, evs));
            if wn == 0 {
                sa += 1;
            } else {
                sb += 1;
            }
            t += len + rng.range(2 * MIN, 5 * MIN);
        }
        let end = sets.last().unwrap().1;
        let winner = if sa == need { 0u8 } else { 1u8 };
        let open = start - DAY - rng.range(0, 12 * HOUR);
        let close = end + rng.range(20 * MIN, 90 * MIN);
        let dt = 30;
        let t_first = T0.max(open - dt);
        let mut p = vec![];
        let mut x = logit(p0);
        let mut tt = t_first;
        while tt < close.min(NOW + DAY) {
            let v = if tt < start {
                x += 0.1 * (dt as f64 / DAY as f64).sqrt() * rng.normal();
                logistic(x)
            } else if tt < end {
                let (mut ca, mut cb) = (0, 0);
                let mut v = 0.5;
                for (s0, s1, wn, evs) in &sets {
                    if tt >= *s1 {
                        if *wn == 0 {
                            ca += 1;
                        } else {
                            cb += 1;
                        }
                        continue;
                    }
                    let prog = ((tt - s0) as f64 / (s1 - s0) as f64).clamp(0.0, 1.0);
                    let lead: i32 = evs.iter().filter(|e| e.0 <= tt).map(|e| e.1).sum();
                    let ps = logistic(logit(q) + lead as f64 * (1.0 + 2.5 * prog));
                    v = ps * match_prob(q, ca + 1, cb, need) + (1.0 - ps) * match_prob(q, ca, cb + 1, need);
                    break;
                }
                v
            } else if winner == 0 {
                0.997
            } else {
                0.003
            };
            p.push(v.clamp(0.005, 0.995) as f32);
            tt += dt;
        }
        let title = format!("US Open: {} vs. {}", a, b);
        let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_lowercase();
        let slug = format!("usopen-{}-{}-{}", last(a), last(b), fmt(start, ET, "%Y-%m-%d"));
        let m = self.add(
            Cat::Sports,
            title,
            slug,
            [a.to_string(), b.to_string()],
            open,
            close,
            rng.lognorm(if best_of_5 { 1.2 } else { 0.9 }, 0.5),
            2,
            Model::Path { t0: t_first, dt, p },
        );
        self.markets[m].league = Some(League::Tennis);
        let gi = self.games.len();
        self.markets[m].game = Some(gi);
        let mut scores = vec![];
        for (_, s1, wn, evs) in &sets {
            for e in evs {
                scores.push((e.0, if e.1 > 0 { 0u8 } else { 1u8 }, 1));
            }
            scores.push((*s1, *wn, 3));
        }
        self.games.push(Game { league: League::Tennis, home: a.to_string(), away: b.to_string(), start, end, scores, markets: vec![m] });
        self.settle(m, end, winner);
    }

    fn build_weather(&mut self, rng: &mut Rng) {
        // (display, short, slug, utc offset, climatological max, degrees F?)
        let cities: [(&str, &str, i64, f64, bool); 4] = [
            ("New York City", "NYC", -4 * HOUR, 81.0, true),
            ("Chicago", "Chicago", -5 * HOUR, 79.0, true),
            ("London", "London", HOUR, 20.0, false),
            ("Seoul", "Seoul", 9 * HOUR, 28.0, false),
        ];
        for h in [3, 9, 15, 21] {
            for d in -4..32 {
                let t = D0 + d * DAY + h * HOUR + 30 * MIN;
                self.model_runs.push(t);
            }
        }
        self.model_runs.sort();
        for (ci, (name, short, off, climo, fahr)) in cities.iter().enumerate() {
            let mut anomaly = rng.gauss(0.0, if *fahr { 4.0 } else { 2.2 });
            for d in -1..32 {
                let day_start = D0 + d * DAY - off; // local midnight in UTC
                anomaly = 0.6 * anomaly + rng.gauss(0.0, if *fahr { 3.5 } else { 2.0 });
                let seasonal = if *fahr { -0.18 * d as f64 } else { -0.1 * d as f64 };
                let truth = (climo + seasonal + anomaly).round();
                let open = day_start - 2 * DAY;
                let decided = day_start + 18 * HOUR;
                let close = day_start + DAY + 12 * HOUR + rng.range(0, 4 * HOUR);
                if close < START || open > NOW {
                    continue;
                }
                let unit = if *fahr { "°F" } else { "°C" };
                let scale = if *fahr { 1.0 } else { 0.55 };
                // Forecast error shrinks with lead time; updated at model runs.
                let first_err = rng.gauss(0.0, 3.4 * scale);
                let center = (truth + first_err).round() as i64;
                let (w, half) = if *fahr { (2i64, 3i64) } else { (1, 3) };
                let mut edges: Vec<(i64, i64, String)> = vec![];
                let low = center - w * half + if *fahr { 1 } else { 0 };
                edges.push((-999, low - 1, format!("{}{unit} or below", low - 1)));
                for k in 0..(2 * half - 1) {
                    let lo = low + k * w;
                    let hi = lo + w - 1;
                    let label = if w == 1 { format!("{lo}{unit}") } else { format!("{lo}-{hi}{unit}") };
                    edges.push((lo, hi, label));
                }
                let top = low + (2 * half - 1) * w;
                edges.push((top, 999, format!("{top}{unit} or higher")));
                let date = day_title(day_start + 12 * HOUR, *off);
                let gtitle = format!("Highest temperature in {short} on {date}?");
                let g = self.groups.len();
                self.groups.push(Group { title: gtitle, cat: Cat::Weather, markets: vec![], decided, close });
                let mut ms = vec![];
                let pop = rng.lognorm(if ci < 2 { 1.0 } else { 0.7 }, 0.3);
                for (lo, hi, label) in &edges {
                    let q = format!("Will the highest temperature in {name} be {label} on {date}?");
                    let _ = (lo, hi);
                    let m = self.add(
                        Cat::Weather,
                        q.clone(),
                        slugify(&format!("highest-temperature-in-{short}-on-{date}-2026-{label}")),
                        yn(),
                        open,
                        close,
                        pop,
                        1,
                        Model::Path { t0: T0, dt: 1, p: vec![] },
                    );
                    self.markets[m].group = Some(g);
                    ms.push(m);
                }
                let dt = 600;
                let wt0 = open - dt;
                let n = ((close.min(NOW + DAY) - wt0) / dt + 1) as usize;
                let mut paths = vec![Vec::with_capacity(n); edges.len()];
                let mut err = first_err;
                let mut last_run = i64::MIN;
                for i in 0..n {
                    let t = wt0 + i as i64 * dt;
                    let lead_h = ((day_start + 17 * HOUR - t) as f64 / HOUR as f64).max(0.0);
                    let spread_now = (0.35 + 0.045 * lead_h) * scale;
                    // New model run: the error shrinks toward the new spread.
                    let run = (t - 3 * HOUR - 30 * MIN).div_euclid(6 * HOUR);
                    if run != last_run {
                        last_run = run;
                        err = 0.7 * err + rng.gauss(0.0, 0.7 * spread_now);
                    }
                    let (mean, sd) = if t >= decided {
                        (truth, 0.08)
                    } else if lead_h < 8.0 {
                        // Daytime observations pull toward the truth.
                        let f = lead_h / 8.0;
                        (truth + err * f, (spread_now * f + 0.2 * scale).max(0.15))
                    } else {
                        (truth + err, spread_now)
                    };
                    for (k, (lo, hi, _)) in edges.iter().enumerate() {
                        let p = phi((*hi as f64 + 0.5 - mean) / sd) - phi((*lo as f64 - 0.5 - mean) / sd);
                        paths[k].push(p.clamp(0.002, 0.998) as f32);
                    }
                }
                for (k, &m) in ms.iter().enumerate() {
                    let p = std::mem::take(&mut paths[k]);
                    self.markets[m].model = Model::Path { t0: wt0, dt, p };
                    let (lo, hi, _) = &edges[k];
                    let wins = truth as i64 >= *lo && truth as i64 <= *hi;
                    self.settle(m, decided, if wins { 0 } else { 1 });
                }
                self.groups[g].markets = ms;
                self.weather.push(WxEvent { city: ci, group: g, day_start, decided });
            }
        }
    }

    fn build_mentions(&mut self, rng: &mut Rng) {
        let trump = [
            "Tariff",
            "Crypto",
            "Sleepy Joe",
            "Fake News",
            "Border",
            "Inflation",
            "China",
            "Rigged",
            "Tremendous",
            "Nobel",
            "Putin",
            "Golden Dome",
            "Epstein",
            "Shutdown",
        ];
        let powell = [
            "Recession",
            "Tariff",
            "Inflation",
            "Soft landing",
            "Uncertain",
            "Labor market",
            "AI",
            "Shutdown",
            "Stagflation",
            "Independence",
        ];
        let apple = ["AI", "Apple Intelligence", "Siri", "Foldable", "Tariff", "Privacy", "Revolutionary", "ChatGPT", "Vision Pro"];
        let press = ["Schumer", "Shutdown", "Fake News", "Tariff", "Biden", "Autopen", "Border", "Ukraine", "Gaza", "Crypto"];
        let snf = ["Taylor Swift", "Injury", "Flag", "Rookie", "Overtime", "Fantasy", "Replay review", "Super Bowl"];
        let events: Vec<(&str, i64, i64, &[&str])> = vec![
            ("What will Trump say during his rally in Pennsylvania?", D0 + 6 * DAY + 23 * HOUR, 80, &trump),
            ("What will Karoline Leavitt say during the next White House press briefing?", D0 + 10 * DAY + 17 * HOUR, 45, &press),
            ("What will Trump say during his Oval Office remarks?", D0 + 12 * DAY + 19 * HOUR, 40, &trump),
            ("What will Karoline Leavitt say during the White House press briefing on September 8?", D0 + 17 * DAY + 17 * HOUR, 40, &press),
            ("What will Tim Cook say during the Apple event?", D0 + 18 * DAY + 17 * HOUR, 95, &apple),
            ("What will Trump say during his rally in Ohio?", D0 + 20 * DAY + 23 * HOUR + 30 * MIN, 75, &trump),
            ("What will the announcers say during Sunday Night Football?", D0 + 23 * DAY + 20 * MIN, 190, &snf),
            ("What will Powell say during his September press conference?", D0 + 25 * DAY + 18 * HOUR + 30 * MIN, 60, &powell),
            (
                "What will Karoline Leavitt say during the White House press briefing on September 17?",
                D0 + 26 * DAY + 17 * HOUR,
                40,
                &press,
            ),
            ("What will Trump say during his interview on Fox News?", D0 + 27 * DAY + HOUR, 35, &trump),
            ("What will Trump say during his press conference with the UK Prime Minister?", D0 + 28 * DAY + 15 * HOUR, 45, &trump),
            ("What will Trump say during his UN General Assembly speech?", D0 + 32 * DAY + 14 * HOUR, 50, &trump),
        ];
        for (title, start, mins, words) in events {
            let end = start + mins * MIN + rng.range(-5 * MIN, 15 * MIN);
            let close = end + rng.range(HOUR, 8 * HOUR);
            let open = start - rng.range(2, 5) * DAY;
            if open > NOW {
                continue;
            }
            let k = 6 + rng.idx(3);
            let mut idx: Vec<usize> = (0..words.len()).collect();
            rng.shuffle(&mut idx);
            let sp = self.speeches.len();
            let mut ms = vec![];
            let mut said = vec![];
            let event_slug = slugify(title);
            for &wi in idx.iter().take(k) {
                let word = words[wi];
                let q_true = logistic(rng.gauss(0.2, 1.4));
                let q_mkt = logistic(logit(q_true) + rng.gauss(0.0, 0.5));
                let when = if rng.chance(q_true) { Some(start + (rng.f().powf(1.3) * (end - start) as f64) as i64) } else { None };
                let body = title.trim_start_matches("What will ").trim_end_matches('?');
                let (subject, rest) = body.split_once(" say ").unwrap_or((body, ""));
                let q = format!("Will {subject} say \"{word}\" {rest}?");
                let m = self.add(
                    Cat::Mention,
                    q,
                    format!("{event_slug}-{}", slugify(word)),
                    yn(),
                    open,
                    close,
                    rng.lognorm(0.8, 0.4),
                    1 + rng.idx(2) as i64,
                    Model::Path { t0: T0, dt: 1, p: vec![] },
                );
                let dt = 30;
                let n = ((close.min(NOW + DAY) - T0) / dt + 1) as usize;
                let mut p = Vec::with_capacity(n);
                let mut x = logit(q_mkt);
                for i in 0..n {
                    let t = T0 + i as i64 * dt;
                    let v = if let Some(w) = when.filter(|&w| t >= w) {
                        reveal(t - w) as f64
                    } else if t >= end {
                        0.004
                    } else if t >= start {
                        let rem = (end - t) as f64 / (end - start) as f64;
                        let q0 = logistic(x);
                        let r = rem.powf(1.3);
                        q0 * r / (1.0 - q0 + q0 * r)
                    } else {
                        x += 0.25 * (dt as f64 / DAY as f64).sqrt() * rng.normal();
                        logistic(x)
                    };
                    p.push(v.clamp(0.003, 0.997) as f32);
                }
                self.markets[m].model = Model::Path { t0: T0, dt, p };
                match when {
                    Some(w) => {
                        self.settle(m, w, 0);
                        if w <= NOW {
                            said.push((w, m));
                        }
                    }
                    None => self.settle(m, end, 1),
                }
                ms.push(m);
            }
            said.sort();
            self.speeches.push(Speech { title: title.to_string(), start, end, markets: ms, said });
            let _ = sp;
        }
    }

    fn build_updown(&mut self) {
        // (coin, window length, how long before the window it is listed, popularity)
        let series: [(usize, i64, i64, f64); 7] = [
            (0, 15 * MIN, HOUR, 2.0),
            (1, 15 * MIN, HOUR, 0.9),
            (0, HOUR, 6 * HOUR, 1.6),
            (1, HOUR, 6 * HOUR, 0.8),
            (2, HOUR, 6 * HOUR, 0.4),
            (0, DAY, 2 * DAY, 1.2),
            (1, DAY, 2 * DAY, 0.6),
        ];
        for (coin, len, listed, pop) in series {
            let first = if len == DAY { D0 - DAY + 16 * HOUR } else { (START / len) * len };
            let mut ms = vec![];
            let mut start = first;
            while start - listed <= NOW {
                let end = start + len;
                let (name, short, _, _) = COINS[coin];
                let (title, slug) = if len == 15 * MIN {
                    (
                        format!(
                            "{name} Up or Down - {}, {}-{} ET",
                            day_title(start, ET),
                            fmt(start, ET, "%-I:%M%p"),
                            fmt(end, ET, "%-I:%M%p")
                        ),
                        format!("{short}-updown-15m-{start}"),
                    )
                } else if len == HOUR {
                    (
                        format!("{name} Up or Down - {}, {} ET", day_title(start, ET), fmt(start, ET, "%-I%p")),
                        format!("{}-up-or-down-{}-{}-et", name.to_lowercase(), day_slug(start, ET), fmt(start, ET, "%-I%p").to_lowercase()),
                    )
                } else {
                    (
                        format!("{name} Up or Down on {}?", day_title(end, ET)),
                        format!("{}-up-or-down-on-{}", name.to_lowercase(), day_slug(end, ET)),
                    )
                };
                let m = self.add(
                    Cat::UpDown,
                    title,
                    slug,
                    ["Up".to_string(), "Down".to_string()],
                    start - listed,
                    end,
                    pop,
                    1,
                    Model::UpDown { coin, start, len },
                );
                if end <= NOW {
                    let up = self.spot_at(coin, end) >= self.spot_at(coin, start);
                    self.settle(m, end, if up { 0 } else { 1 });
                }
                ms.push(m);
                start += len;
            }
            self.ud.push(UdSeries { coin, len, first, markets: ms });
        }
    }

    fn build_above(&mut self, rng: &mut Rng) {
        for coin in 0..2 {
            let step = if coin == 0 { 2000.0 } else { 100.0 };
            for d in -1..34 {
                let expiry = D0 + d * DAY + 16 * HOUR; // 12:00 ET
                let open = expiry - 3 * DAY;
                if expiry < START || open > NOW {
                    continue;
                }
                let s_open = self.spot_at(coin, open);
                let center = (s_open / step).round() * step;
                let mut ms = vec![];
                let n = if coin == 0 { 7 } else { 5 };
                for k in 0..n {
                    let strike = center + (k as f64 - (n / 2) as f64) * step;
                    let (name, _, _, _) = COINS[coin];
                    let strike_txt = commas(strike as i64);
                    let title = format!("Will the price of {name} be above ${strike_txt} on {}?", day_title(expiry, ET));
                    let slug = format!("{}-above-{}-on-{}", name.to_lowercase(), strike as i64, day_slug(expiry, ET));
                    let dist = ((k as f64) - (n / 2) as f64).abs();
                    let m = self.add(
                        Cat::Above,
                        title,
                        slug,
                        yn(),
                        open,
                        expiry,
                        rng.lognorm(0.8, 0.3) / (1.0 + dist),
                        1 + (dist > 1.5) as i64,
                        Model::Above { coin, strike, expiry },
                    );
                    if expiry <= NOW {
                        let yes = self.spot_at(coin, expiry) > strike;
                        self.settle(m, expiry, if yes { 0 } else { 1 });
                    }
                    ms.push(m);
                }
                self.above.push((coin, expiry, ms));
            }
        }
    }
}

/// The winner's price `dt` seconds after the outcome became public: a minute or two of
/// digestion before it pins near a dollar.
pub fn reveal(dt: i64) -> f32 {
    if dt < 60 {
        0.93
    } else if dt < 180 {
        0.96
    } else if dt < 600 {
        0.985
    } else {
        0.997
    }
}

pub fn commas(n: i64) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn local_hour(t: i64, off: i64) -> f64 {
    ((t + off).rem_euclid(DAY)) as f64 / HOUR as f64
}

pub fn softmax(xs: &[f64]) -> Vec<f64> {
    let mx = xs.iter().cloned().fold(f64::MIN, f64::max);
    let e: Vec<f64> = xs.iter().map(|x| (x - mx).exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|v| v / s).collect()
}

/// P(home win), P(draw), P(away win) from remaining goal rates and the current score.
pub fn three_way(lh: f64, la: f64, h: i32, a: i32) -> [f64; 3] {
    let pois = |lam: f64, k: i32| -> f64 {
        let mut p = (-lam).exp();
        for i in 1..=k {
            p *= lam / i as f64;
        }
        p
    };
    let mut r = [0.0; 3];
    for i in 0..9 {
        let pi = pois(lh, i);
        for j in 0..9 {
            let pj = pois(la, j);
            let (fh, fa) = (h + i, a + j);
            let k = if fh > fa {
                0
            } else if fh == fa {
                1
            } else {
                2
            };
            r[k] += pi * pj;
        }
    }
    let s = r[0] + r[1] + r[2];
    [r[0] / s, r[1] / s, r[2] / s]
}

/// P(player A wins the match) from set score (a, b) with set probability q.
pub fn match_prob(q: f64, a: i32, b: i32, need: i32) -> f64 {
    if a >= need {
        return 1.0;
    }
    if b >= need {
        return 0.0;
    }
    q * match_prob(q, a + 1, b, need) + (1.0 - q) * match_prob(q, a, b + 1, need)
}
