//! The market world: a catalogue of markets over November 2026, each with a price path, a quoted
//! book around it, its news and score events, and how it resolves.

use super::rng::{Rng, mix, phi};

/// 2026-12-01 00:00:00 UTC: the end of the 30-day period.
pub const NOW: i64 = 1_796_083_200;
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
pub const MIN: i64 = 60;
/// 2026-11-01 00:00:00 UTC, a Sunday.
pub const START: i64 = NOW - 30 * DAY;
/// US Eastern (standard time all month).
pub const ET: i64 = -5 * HOUR;
const STEP: i64 = 60;
const SERIES_STEP: i64 = 10;
const SERIES_T0: i64 = START - 3 * DAY;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cat {
    Nfl,
    Nba,
    Nhl,
    Soccer,
    Cfb,
    Tennis,
    Esports,
    Ufc,
    Election,
    Politics,
    Macro,
    Crypto15,
    Crypto60,
    CryptoStrike,
    Weather,
    Culture,
    News,
}

impl Cat {
    pub fn is_sport(self) -> bool {
        matches!(self, Cat::Nfl | Cat::Nba | Cat::Nhl | Cat::Soccer | Cat::Cfb | Cat::Tennis | Cat::Esports | Cat::Ufc)
    }
    pub fn is_updown(self) -> bool {
        matches!(self, Cat::Crypto15 | Cat::Crypto60)
    }
    pub fn is_longform(self) -> bool {
        matches!(self, Cat::Election | Cat::Politics | Cat::Macro | Cat::Culture | Cat::News | Cat::CryptoStrike)
    }
}

pub enum Path {
    /// Probability of outcome 0, one value per minute from `t0`.
    Grid { t0: i64, p: Vec<f32> },
    /// Derived from a crypto price series: above `strike`, or (no strike) up from the price at `start`.
    Crypto { asset: usize, strike: Option<f64>, start: i64 },
}

pub struct Market {
    pub cat: Cat,
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub tokens: [String; 2],
    pub condition: String,
    /// First second it can trade.
    pub open: i64,
    /// Trading stops (resolution); may lie after NOW.
    pub close: i64,
    /// The winning outcome when it resolved before NOW.
    pub winner: Option<u8>,
    /// In-play period (sports, election count) or the up/down window.
    pub live: Option<(i64, i64)>,
    pub group: Option<usize>,
    /// How many crowd taker orders it gets over its life in the period.
    pub crowd: u32,
    /// Quoted spread in cents away from the extremes.
    pub spread: u8,
    /// Dollars resting per price level.
    pub depth: f64,
    /// Mispricing at listing, fading over the first minutes.
    pub kick: f32,
    pub path: Path,
    /// A salt for small deterministic wobbles.
    pub salt: u64,
}

pub struct Series {
    pub px: Vec<f64>,
    /// Per-10-second log volatility the up/down markets price with.
    pub sigma: f64,
}

impl Series {
    pub fn at(&self, t: i64) -> f64 {
        let i = ((t - SERIES_T0).max(0) / SERIES_STEP) as usize;
        self.px[i.min(self.px.len() - 1)]
    }
    /// Log return over the `secs` before `t`.
    pub fn ret(&self, t: i64, secs: i64) -> f64 {
        (self.at(t) / self.at(t - secs)).ln()
    }
}

/// A recurring up/down series: market `first + k` covers `[t_first + k*len, t_first + (k+1)*len)`.
pub struct UpDown {
    pub asset: usize,
    pub len: i64,
    pub first: usize,
    pub count: usize,
    pub t_first: i64,
}

#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub ts: i64,
    pub m: usize,
    /// Change of outcome 0's probability across the event.
    pub dp: f32,
}

pub struct World {
    pub markets: Vec<Market>,
    pub groups: Vec<Vec<usize>>,
    pub series: Vec<Series>,
    pub updown: Vec<UpDown>,
    /// Score, news and count events in grid markets, by time.
    pub events: Vec<Event>,
    /// Sports games (market indices) by start time.
    pub games: Vec<usize>,
}

/// Share of the crowd awake and trading at a UTC time (the crowd is mostly American).
pub fn crowd_diurnal(t: i64) -> f64 {
    const H: [f64; 24] = [
        1.0, 1.0, 0.95, 0.85, 0.7, 0.55, 0.45, 0.4, 0.42, 0.48, 0.55, 0.6, 0.68, 0.75, 0.82, 0.88, 0.9, 0.92, 0.92, 0.92, 0.93, 0.95, 0.97,
        1.0,
    ];
    H[(t.rem_euclid(DAY) / HOUR) as usize]
}

pub fn inv_phi(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
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

fn day_label(t: i64) -> String {
    let d = chrono::DateTime::from_timestamp(t + ET, 0).unwrap_or_default();
    d.format("%B %-d").to_string()
}

fn slug_day(t: i64) -> String {
    let d = chrono::DateTime::from_timestamp(t + ET, 0).unwrap_or_default();
    d.format("%Y-%m-%d").to_string()
}

fn clock_label(t: i64, minutes: bool) -> String {
    let d = chrono::DateTime::from_timestamp(t + ET, 0).unwrap_or_default();
    if minutes { d.format("%-I:%M%p").to_string() } else { d.format("%-I%p").to_string() }
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
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

/// A time of day weighted to American waking hours, within `[lo, hi)`.
fn news_time(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    loop {
        let t = rng.range(lo, hi);
        if rng.f64() < crowd_diurnal(t) {
            return t;
        }
    }
}

struct Game<'a> {
    cat: Cat,
    tag: &'a str,
    a: &'a str,
    b: &'a str,
    start: i64,
    dur: i64,
    crowd: f64,
}

impl<'a> Game<'a> {
    fn new(cat: Cat, tag: &'a str, a: &'a str, b: &'a str, start: i64, dur: i64, crowd: f64) -> Self {
        Game { cat, tag, a, b, start, dur, crowd }
    }
}

/// A long-form market's parameters; `rate` is news jumps per day (or the hazard per day).
struct Long<'a> {
    cat: Cat,
    title: &'a str,
    open: i64,
    close: i64,
    p0: f64,
    rate: f64,
    crowd: f64,
}

struct Spec<'a> {
    cat: Cat,
    title: String,
    slug: String,
    outcomes: [&'a str; 2],
    open: i64,
    close: i64,
    crowd: f64,
    spread: u8,
}

impl World {
    pub fn build(seed: u64) -> World {
        let mut rng = Rng::new(seed);
        let mut w = World {
            markets: Vec::new(),
            groups: Vec::new(),
            series: Vec::new(),
            updown: Vec::new(),
            events: Vec::new(),
            games: Vec::new(),
        };
        w.build_series(&mut rng.fork(1));
        w.build_sports(&mut rng.fork(2));
        w.build_elections(&mut rng.fork(3));
        w.build_politics(&mut rng.fork(4));
        w.build_macro(&mut rng.fork(5));
        w.build_culture(&mut rng.fork(6));
        w.build_news(&mut rng.fork(7));
        w.build_weather(&mut rng.fork(8));
        w.build_strikes(&mut rng.fork(9));
        w.build_updown(&mut rng.fork(10));
        w.collect_events();
        let mut games: Vec<usize> = (0..w.markets.len()).filter(|&i| w.markets[i].cat.is_sport()).collect();
        games.sort_by_key(|&i| (w.markets[i].live.map(|l| l.0).unwrap_or(0), i));
        w.games = games;
        w
    }

    fn push(&mut self, rng: &mut Rng, s: Spec<'_>, path: Path) -> usize {
        let scale = if s.cat.is_updown() { 1.0 } else { 2.0 };
        let crowd = (s.crowd * scale * rng.lognormal(1.0, 0.45)).round().max(4.0) as u32;
        let depth = (150.0 + s.crowd * 2.0) * rng.lognormal(1.0, 0.5);
        let kick = if s.open >= START && !s.cat.is_updown() { (0.05 * rng.normal()) as f32 } else { 0.0 };
        let m = Market {
            cat: s.cat,
            title: s.title,
            slug: s.slug,
            outcomes: [s.outcomes[0].to_string(), s.outcomes[1].to_string()],
            tokens: [rng.digits(77), rng.digits(77)],
            condition: format!("0x{}", rng.hex(64)),
            open: s.open,
            close: s.close,
            winner: None,
            live: None,
            group: None,
            crowd,
            spread: s.spread,
            depth,
            kick,
            path,
            salt: rng.next_u64(),
        };
        self.markets.push(m);
        self.markets.len() - 1
    }

    // ---------------------------------------------------------------- queries

    /// Probability of outcome 0 at `t`.
    pub fn p(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        let raw = match &mk.path {
            Path::Grid { t0, p } => {
                let i = ((t - t0).max(0) / STEP) as usize;
                p[i.min(p.len() - 1)] as f64
            }
            Path::Crypto { asset, strike, start } => {
                let s = &self.series[*asset];
                let rem = ((mk.close - t).max(1) as f64 / SERIES_STEP as f64).max(0.1);
                match strike {
                    Some(k) => phi((s.at(t) / k).ln() / (s.sigma * 1.15 * rem.sqrt() + 1e-5)),
                    None if t < *start => {
                        let wob = (mix((t / 53) as u64 ^ mk.salt) % 1000) as f64 / 1000.0 - 0.5;
                        let lean = s.ret(t, 600) * 20.0;
                        0.5 + 0.02 * wob + lean.clamp(-0.03, 0.03)
                    }
                    None => phi((s.at(t) / s.at(*start)).ln() / (s.sigma * rem.sqrt() + 1e-6)),
                }
            }
        };
        let kicked = if mk.kick != 0.0 && t >= mk.open { raw + mk.kick as f64 * (-((t - mk.open) as f64) / 1500.0).exp() } else { raw };
        kicked.clamp(0.002, 0.998)
    }

    /// Probability of outcome `o` at `t`.
    pub fn po(&self, m: usize, o: u8, t: i64) -> f64 {
        let p = self.p(m, t);
        if o == 0 { p } else { 1.0 - p }
    }

    /// Best bid and ask in cents for outcome `o`.
    pub fn quote(&self, m: usize, o: u8, t: i64) -> (u8, u8) {
        let mk = &self.markets[m];
        let p = self.p(m, t);
        let mut sp = mk.spread as i64;
        if !(0.06..=0.94).contains(&p) {
            sp = 1;
        }
        // the spread widens a little at night and just after listing
        if crowd_diurnal(t) < 0.5 && sp < 3 && mix(mk.salt ^ (t / 900) as u64).is_multiple_of(3) {
            sp += 1;
        }
        let mid = p * 100.0;
        let bid = ((mid - sp as f64 / 2.0).round() as i64).clamp(1, 98);
        let ask = (bid + sp).clamp(2, 99);
        let bid = bid.min(ask - 1);
        if o == 0 { (bid as u8, ask as u8) } else { ((100 - ask) as u8, (100 - bid) as u8) }
    }

    pub fn tradable(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.open && t < mk.close && t > START && t < NOW
    }

    /// The up/down market covering time `t` in series `s`, if any.
    pub fn updown_at(&self, s: usize, t: i64) -> Option<usize> {
        let u = &self.updown[s];
        if t < u.t_first {
            return None;
        }
        let k = ((t - u.t_first) / u.len) as usize;
        if k < u.count { Some(u.first + k) } else { None }
    }

    /// Markets whose trading period overlaps `[a, b)` and match a filter.
    pub fn live_between(&self, a: i64, b: i64, f: impl Fn(&Market) -> bool) -> Vec<usize> {
        (0..self.markets.len()).filter(|&i| self.markets[i].open < b && self.markets[i].close > a && f(&self.markets[i])).collect()
    }

    /// Events in `[a, b)`, in time order.
    pub fn events_between(&self, a: i64, b: i64) -> &[Event] {
        let lo = self.events.partition_point(|e| e.ts < a);
        let hi = self.events.partition_point(|e| e.ts < b);
        &self.events[lo..hi]
    }

    fn collect_events(&mut self) {
        let mut ev = Vec::new();
        for (m, mk) in self.markets.iter().enumerate() {
            if let Path::Grid { t0, p } = &mk.path {
                let thr = if mk.cat.is_sport() {
                    0.06
                } else if mk.cat == Cat::Weather {
                    0.07
                } else {
                    0.045
                };
                for i in 1..p.len() {
                    let dp = p[i] - p[i - 1];
                    let ts = t0 + i as i64 * STEP;
                    if dp.abs() as f64 >= thr && ts > START + 60 && ts < NOW - 60 && ts > mk.open && ts < mk.close {
                        ev.push(Event { ts, m, dp });
                    }
                }
            }
        }
        ev.sort_by_key(|e| (e.ts, e.m));
        self.events = ev;
    }

    // ---------------------------------------------------------------- crypto

    fn build_series(&mut self, rng: &mut Rng) {
        let n = ((NOW + 2 * DAY - SERIES_T0) / SERIES_STEP) as usize;
        let specs = [(97_400.0, 2.9e-4), (3_420.0, 3.8e-4), (188.0, 4.6e-4)];
        let mut shocks_btc = Vec::with_capacity(n);
        let mut volm = 1.0f64;
        for _ in 0..n {
            volm = (volm + 0.0004 * (1.0 - volm) + 0.004 * rng.normal()).clamp(0.5, 2.5);
            let jump = if rng.chance(1.0 / 26_000.0) { 0.012 * rng.normal() } else { 0.0 };
            shocks_btc.push((rng.normal() * volm, jump));
        }
        for (a, (p0, sig)) in specs.iter().enumerate() {
            let mut px = Vec::with_capacity(n);
            let mut x = f64::ln(*p0);
            for (z, j) in &shocks_btc {
                let own = rng.normal();
                let e = if a == 0 { *z } else { 0.8 * z + 0.6 * own };
                let jj = if a == 0 { *j } else { j * 1.3 };
                x += sig * e + jj - 0.5 * sig * sig;
                px.push(x.exp());
            }
            self.series.push(Series { px, sigma: *sig });
        }
    }

    fn build_updown(&mut self, rng: &mut Rng) {
        let names = ["Bitcoin", "Ethereum", "Solana"];
        let ticks = ["btc", "eth", "sol"];
        for (asset, len) in [(0usize, 900i64), (1, 900), (0, 3600), (1, 3600), (2, 3600)] {
            let first = self.markets.len();
            let count = ((NOW - START) / len) as usize;
            for k in 0..count {
                let s = START + k as i64 * len;
                let e = s + len;
                let (title, slug, cat) = if len == 900 {
                    (
                        format!("{} Up or Down - {}, {}-{} ET", names[asset], day_label(s), clock_label(s, true), clock_label(e, true)),
                        format!("{}-updown-15m-{}", ticks[asset], s),
                        Cat::Crypto15,
                    )
                } else {
                    (
                        format!("{} Up or Down - {}, {} ET", names[asset], day_label(s), clock_label(s, false)),
                        format!(
                            "{}-up-or-down-{}-{}-et",
                            names[asset].to_ascii_lowercase(),
                            slugify(&day_label(s)),
                            slugify(&clock_label(s, false))
                        ),
                        Cat::Crypto60,
                    )
                };
                let open = s - if len == 900 { 30 * MIN } else { HOUR };
                let crowd = if len == 900 { 6.0 } else { 10.0 } * if asset == 2 { 0.7 } else { 1.0 };
                let spec = Spec { cat, title, slug, outcomes: ["Up", "Down"], open, close: e, crowd, spread: 1 };
                let m = self.push(rng, spec, Path::Crypto { asset, strike: None, start: s });
                let ser = &self.series[asset];
                self.markets[m].winner = Some(if ser.at(e) >= ser.at(s) { 0 } else { 1 });
                self.markets[m].live = Some((s, e));
            }
            self.updown.push(UpDown { asset, len, first, count, t_first: START });
        }
    }

    fn build_strikes(&mut self, rng: &mut Rng) {
        // weekly "above X on Friday noon ET" ladders for BTC and ETH
        let fridays = [START + 5 * DAY, START + 12 * DAY, START + 19 * DAY, START + 26 * DAY];
        for &fri in &fridays {
            let close = fri + 17 * HOUR;
            let open = close - 5 * DAY;
            for (asset, name, stepk) in [(0usize, "Bitcoin", 2_000.0), (1, "Ethereum", 100.0)] {
                let s0 = self.series[asset].at(open.max(SERIES_T0));
                let base = (s0 / stepk).round() * stepk;
                let mut members = Vec::new();
                let g = self.groups.len();
                for j in -2i32..=2 {
                    let k = base + j as f64 * stepk;
                    let title = format!("{} above ${} on {}?", name, thousands(k), day_label(fri));
                    let slug = format!("{}-above-{}-on-{}", name.to_ascii_lowercase(), k as i64, slugify(&day_label(fri)));
                    let spec = Spec { cat: Cat::CryptoStrike, title, slug, outcomes: ["Yes", "No"], open, close, crowd: 70.0, spread: 2 };
                    let m = self.push(rng, spec, Path::Crypto { asset, strike: Some(k), start: open });
                    let win = self.series[asset].at(close) > k;
                    self.markets[m].winner = if close <= NOW { Some(if win { 0 } else { 1 }) } else { None };
                    self.markets[m].group = Some(g);
                    members.push(m);
                }
                self.groups.push(members);
            }
        }
    }

    // ---------------------------------------------------------------- sports

    fn build_sports(&mut self, rng: &mut Rng) {
        let nfl = [
            "Chiefs",
            "Bills",
            "Eagles",
            "Ravens",
            "Lions",
            "49ers",
            "Packers",
            "Cowboys",
            "Bengals",
            "Texans",
            "Rams",
            "Vikings",
            "Steelers",
            "Chargers",
            "Broncos",
            "Buccaneers",
            "Commanders",
            "Seahawks",
            "Dolphins",
            "Jets",
            "Falcons",
            "Bears",
            "Colts",
            "Jaguars",
        ];
        let nba = [
            "Celtics",
            "Knicks",
            "Bucks",
            "Cavaliers",
            "76ers",
            "Heat",
            "Magic",
            "Pacers",
            "Nuggets",
            "Thunder",
            "Timberwolves",
            "Mavericks",
            "Suns",
            "Lakers",
            "Warriors",
            "Clippers",
            "Kings",
            "Pelicans",
            "Rockets",
            "Grizzlies",
            "Spurs",
            "Hawks",
        ];
        let nhl = [
            "Rangers",
            "Bruins",
            "Maple Leafs",
            "Panthers",
            "Oilers",
            "Avalanche",
            "Stars",
            "Golden Knights",
            "Canucks",
            "Lightning",
            "Devils",
            "Jets",
        ];
        let soccer = [
            "Arsenal",
            "Liverpool",
            "Man City",
            "Chelsea",
            "Tottenham",
            "Man United",
            "Newcastle",
            "Aston Villa",
            "Real Madrid",
            "Barcelona",
            "Atletico Madrid",
            "Bayern Munich",
            "Dortmund",
            "Inter",
            "Juventus",
            "PSG",
        ];
        let cfb = [
            "Georgia",
            "Ohio State",
            "Texas",
            "Alabama",
            "Oregon",
            "Michigan",
            "Penn State",
            "Notre Dame",
            "LSU",
            "Tennessee",
            "Miami",
            "Clemson",
        ];
        let tennis = ["Sinner", "Alcaraz", "Zverev", "Djokovic", "Fritz", "Medvedev", "Ruud", "de Minaur"];
        let esports = ["T1", "Gen.G", "BLG", "Hanwha Life", "Team Vitality", "NAVI", "FaZe", "G2", "MOUZ", "Team Spirit"];
        let ufc = ["Pereira", "Ankalaev", "Makhachev", "Topuria", "Holloway", "Du Plessis", "Chimaev", "Aspinall", "Jones", "O'Malley"];

        // NFL: Sundays (early, late, night), Monday and Thursday nights, Thanksgiving
        for wk in 0..5 {
            let sun = START + wk * 7 * DAY;
            let mut slots = vec![
                sun + 18 * HOUR,
                sun + 18 * HOUR,
                sun + 18 * HOUR,
                sun + 18 * HOUR,
                sun + 21 * HOUR + 25 * MIN,
                sun + 21 * HOUR + 25 * MIN,
            ];
            slots.push(sun + DAY + HOUR + 20 * MIN); // SNF 8:20 PM ET
            if wk < 4 {
                slots.push(sun + 2 * DAY + HOUR + 15 * MIN); // MNF
                slots.push(sun + 5 * DAY + HOUR + 15 * MIN); // TNF
            }
            if wk == 3 {
                slots.push(sun + 4 * DAY + 17 * HOUR + 30 * MIN);
                slots.push(sun + 4 * DAY + 21 * HOUR + 30 * MIN);
            }
            let mut teams: Vec<&str> = nfl.to_vec();
            rng.shuffle(&mut teams);
            for (i, s) in slots.iter().enumerate() {
                let big = if *s - sun >= DAY { 1.8 } else { 1.0 };
                self.game(rng, Game::new(Cat::Nfl, "nfl", teams[2 * i], teams[2 * i + 1], *s, 3 * HOUR + 15 * MIN, 190.0 * big));
            }
        }
        // NBA: about two tracked games a night, 7:30 PM and 10 PM ET
        for d in 0..30 {
            let night = START + d * DAY;
            let k = if d % 7 == 6 || d % 7 == 2 { 1 } else { 2 };
            let mut teams: Vec<&str> = nba.to_vec();
            rng.shuffle(&mut teams);
            for i in 0..k {
                let tip = night + DAY + if i == 0 { 30 * MIN } else { 3 * HOUR };
                if tip < NOW - 3 * HOUR {
                    self.game(rng, Game::new(Cat::Nba, "nba", teams[2 * i], teams[2 * i + 1], tip, 2 * HOUR + 20 * MIN, 170.0));
                }
            }
        }
        // NHL: every other night
        for d in (1..30).step_by(2) {
            let mut teams: Vec<&str> = nhl.to_vec();
            rng.shuffle(&mut teams);
            let s = START + d * DAY + DAY;
            if s < NOW - 3 * HOUR {
                self.game(rng, Game::new(Cat::Nhl, "nhl", teams[0], teams[1], s, 2 * HOUR + 40 * MIN, 70.0));
            }
        }
        // Soccer: Saturdays and Sundays in European afternoons, midweek Champions League nights
        for wk in 0..5 {
            let sat = START - DAY + wk * 7 * DAY;
            let mut teams: Vec<&str> = soccer.to_vec();
            rng.shuffle(&mut teams);
            let slots = [
                sat + 12 * HOUR + 30 * MIN,
                sat + 15 * HOUR,
                sat + 17 * HOUR + 30 * MIN,
                sat + DAY + 14 * HOUR,
                sat + DAY + 16 * HOUR + 30 * MIN,
            ];
            for (i, s) in slots.iter().enumerate() {
                if *s > START + 2 * HOUR {
                    self.game(rng, Game::new(Cat::Soccer, "epl", teams[2 * i], teams[2 * i + 1], *s, HOUR + 55 * MIN, 130.0));
                }
            }
            for i in 0..2 {
                let s = sat + 4 * DAY + 20 * HOUR + i * DAY;
                if s < NOW - 3 * HOUR {
                    self.game(
                        rng,
                        Game::new(Cat::Soccer, "ucl", teams[10 + 2 * i as usize], teams[11 + 2 * i as usize], s, HOUR + 55 * MIN, 200.0),
                    );
                }
            }
        }
        // College football Saturdays
        for wk in 0..4 {
            let sat = START + 6 * DAY + wk * 7 * DAY;
            let mut teams: Vec<&str> = cfb.to_vec();
            rng.shuffle(&mut teams);
            for (i, h) in [(0usize, 17 * HOUR), (1, 20 * HOUR + 30 * MIN), (2, DAY + 30 * MIN)].iter() {
                self.game(rng, Game::new(Cat::Cfb, "cfb", teams[2 * i], teams[2 * i + 1], sat + h, 3 * HOUR + 30 * MIN, 110.0));
            }
        }
        // Tennis: year-end finals, mid-month
        for d in 8..16 {
            let mut p: Vec<&str> = tennis.to_vec();
            rng.shuffle(&mut p);
            self.game(rng, Game::new(Cat::Tennis, "atp", p[0], p[1], START + d * DAY + 13 * HOUR, HOUR + 50 * MIN, 90.0));
            if d % 2 == 0 {
                self.game(rng, Game::new(Cat::Tennis, "atp", p[2], p[3], START + d * DAY + 19 * HOUR, 2 * HOUR, 90.0));
            }
        }
        // Esports: Korean / European evenings
        for d in (0..30).step_by(3) {
            let mut p: Vec<&str> = esports.to_vec();
            rng.shuffle(&mut p);
            let s = START + d * DAY + if d % 2 == 0 { 8 * HOUR } else { 17 * HOUR };
            self.game(rng, Game::new(Cat::Esports, "lol", p[0], p[1], s, 2 * HOUR + 10 * MIN, 60.0));
        }
        // UFC cards, Saturday nights
        for wk in 0..4 {
            let sat = START + 6 * DAY + wk * 7 * DAY;
            for i in 0..2 {
                let s = sat + DAY + 3 * HOUR + i as i64 * 40 * MIN;
                let a = ufc[(wk as usize * 2 + i) % ufc.len()];
                let b = ufc[(wk as usize * 2 + i + 5) % ufc.len()];
                self.game(rng, Game::new(Cat::Ufc, "ufc", a, b, s, 25 * MIN, 160.0));
            }
        }
    }

    fn game(&mut self, rng: &mut Rng, g: Game<'_>) {
        let Game { cat, tag, a, b, start, dur, crowd } = g;
        let open = start - rng.range(2 * DAY, 6 * DAY);
        let close = start + dur + rng.range(0, 12 * MIN);
        let (title, outcomes): (String, [&str; 2]) = if cat == Cat::Soccer {
            (format!("Will {} win on {}?", a, slug_day(start)), ["Yes", "No"])
        } else {
            (format!("{} vs. {}", a, b), [a, b])
        };
        let slug = format!("{}-{}-{}-{}", tag, slugify(a), slugify(b), slug_day(start));
        let spread = if crowd >= 150.0 { 1 } else { rng.range(1, 4) as u8 };
        let t0 = open.max(START) - rng.range(0, STEP);
        let n = ((close - t0) / STEP + 2) as usize;
        let goals = matches!(cat, Cat::Soccer | Cat::Nhl);
        let sigma = match cat {
            Cat::Nfl => 13.5,
            Cat::Nba => 12.0,
            Cat::Cfb => 16.0,
            _ => 10.0,
        };
        let mut mu = match cat {
            Cat::Soccer => 0.45 * rng.normal(),
            Cat::Nhl => 0.35 * rng.normal(),
            _ => 0.55 * sigma * rng.normal(),
        };
        let total_goals = if cat == Cat::Soccer { 2.7 } else { 5.5 };
        let tilt = if cat == Cat::Soccer { 0.8 } else { 0.5 };
        let mut d = 0.0f64;
        let mut p = Vec::with_capacity(n);
        let news: Vec<i64> = (0..rng.poisson(1.3)).map(|_| news_time(rng, open.max(START - DAY), start)).collect();
        let reg_end = if cat == Cat::Nhl { start + dur - 12 * MIN } else { start + dur };
        let mut ot_goal: Option<i64> = None;
        for i in 0..n {
            let t = t0 + i as i64 * STEP;
            if t < start {
                for &nt in &news {
                    if nt >= t && nt < t + STEP {
                        mu += if goals { 0.3 } else { 0.3 * sigma } * rng.normal();
                    }
                }
                mu += if goals { 0.004 } else { 0.004 * sigma } * rng.normal();
            } else if t < reg_end {
                let g = (reg_end - start) as f64 / 60.0;
                if goals {
                    let share = phi(mu * tilt);
                    let la = total_goals * share / g;
                    let lb = total_goals * (1.0 - share) / g;
                    if rng.chance(la) {
                        d += 1.0;
                    }
                    if rng.chance(lb) {
                        d -= 1.0;
                    }
                } else if cat == Cat::Nfl || cat == Cat::Cfb {
                    let rate = 9.5 / g;
                    if rng.chance(rate) {
                        let pts = if rng.chance(0.62) { 7.0 } else { 3.0 };
                        let pa = (0.5 + mu / 45.0).clamp(0.15, 0.85);
                        d += if rng.chance(pa) { pts } else { -pts };
                    }
                } else {
                    d += mu / g + sigma / g.sqrt() * rng.normal();
                }
            } else if cat == Cat::Nhl && d == 0.0 {
                let when = *ot_goal.get_or_insert_with(|| reg_end + rng.range(60, 11 * MIN));
                if t >= when {
                    d = if rng.chance(phi(mu)) { 1.0 } else { -1.0 };
                }
            }
            let r = ((reg_end - t.max(start)) as f64 / (reg_end - start) as f64).clamp(0.0, 1.0);
            let prob = if goals {
                let share = phi(mu * tilt);
                let mean = total_goals * (2.0 * share - 1.0) * r;
                let var = total_goals * r;
                if cat == Cat::Soccer { phi((d + mean - 0.5) / (var + 0.02).sqrt()) } else { phi((d + mean) / (var + 0.35).sqrt()) }
            } else {
                phi((d + mu * r) / (sigma * r.sqrt() + 0.4))
            };
            p.push(prob as f32);
        }
        let winner = if cat == Cat::Soccer {
            if d >= 1.0 { 0 } else { 1 }
        } else if d > 0.0 || (d == 0.0 && rng.chance(0.5)) {
            0
        } else {
            1
        };
        let spec = Spec { cat, title, slug, outcomes, open, close, crowd, spread };
        let m = self.push(rng, spec, Path::Grid { t0, p });
        self.markets[m].winner = if close <= NOW { Some(winner) } else { None };
        self.markets[m].live = Some((start, start + dur));
    }

    // ---------------------------------------------------------------- long-form markets

    /// A binary market whose probability is a latent random walk with news jumps, resolving when
    /// `close` falls in the period.
    fn latent(&mut self, rng: &mut Rng, l: Long<'_>) -> usize {
        let Long { cat, title, open, close, p0, rate: jumps_per_day, crowd } = l;
        let t0 = open.max(START) - rng.range(0, STEP);
        let end = close.min(NOW + STEP);
        let n = ((end - t0) / STEP + 2) as usize;
        let sig = 0.9 * rng.lognormal(1.0, 0.3); // per sqrt(day), in latent units
        let s = |t: i64| sig * (((close - t).max(0) as f64 / DAY as f64) + 0.01).sqrt();
        let mut l = inv_phi(p0) * s(t0);
        let jumps: Vec<i64> = (0..rng.poisson(jumps_per_day * (end - t0) as f64 / DAY as f64)).map(|_| news_time(rng, t0, end)).collect();
        let dl = sig * (STEP as f64 / DAY as f64).sqrt();
        let mut p = Vec::with_capacity(n);
        for i in 0..n {
            let t = t0 + i as i64 * STEP;
            l += dl * rng.normal();
            for &jt in &jumps {
                if jt >= t && jt < t + STEP {
                    l += s(t) * rng.uniform(0.25, 1.1) * if rng.chance(0.5) { 1.0 } else { -1.0 };
                }
            }
            p.push(phi(l / s(t)) as f32);
        }
        let spec = Spec {
            cat,
            title: title.to_string(),
            slug: slugify(title),
            outcomes: ["Yes", "No"],
            open,
            close,
            crowd,
            spread: rng.range(1, 3) as u8,
        };
        let m = self.push(rng, spec, Path::Grid { t0, p });
        if close <= NOW {
            self.markets[m].winner = Some(if l > 0.0 { 0 } else { 1 });
        }
        m
    }

    /// A multi-outcome event: one Yes/No market per option, probabilities a softmax of latents.
    fn group(&mut self, rng: &mut Rng, titles: &[String], p0: &[f64], l: Long<'_>) -> Vec<usize> {
        let Long { cat, open, close, rate: jumps_per_day, crowd, .. } = l;
        let k = titles.len();
        let t0 = open.max(START) - rng.range(0, STEP);
        let end = close.min(NOW + STEP);
        let n = ((end - t0) / STEP + 2) as usize;
        let sig = 0.35 * rng.lognormal(1.0, 0.3);
        let temp = |t: i64| 0.5 * (((close - t).max(0) as f64 / DAY as f64) + 0.02).sqrt();
        let tot: f64 = p0.iter().sum();
        let mut l: Vec<f64> = p0.iter().map(|x| temp(t0) * (x / tot).max(1e-3).ln()).collect();
        let jumps: Vec<(i64, usize)> =
            (0..rng.poisson(jumps_per_day * (end - t0) as f64 / DAY as f64)).map(|_| (news_time(rng, t0, end), rng.below(k))).collect();
        let dl = sig * (STEP as f64 / DAY as f64).sqrt();
        let mut paths: Vec<Vec<f32>> = (0..k).map(|_| Vec::with_capacity(n)).collect();
        for i in 0..n {
            let t = t0 + i as i64 * STEP;
            let tt = temp(t);
            for x in l.iter_mut() {
                *x += dl * tt.sqrt() * rng.normal();
            }
            for &(jt, who) in &jumps {
                if jt >= t && jt < t + STEP {
                    l[who] += tt * rng.uniform(0.4, 1.6) * if rng.chance(0.55) { 1.0 } else { -1.0 };
                }
            }
            let mx = l.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = l.iter().map(|x| ((x - mx) / tt).exp()).collect();
            let z: f64 = e.iter().sum();
            for (j, path) in paths.iter_mut().enumerate() {
                path.push((e[j] / z) as f32);
            }
        }
        let win = (0..k).max_by(|&a, &b| l[a].partial_cmp(&l[b]).unwrap_or(std::cmp::Ordering::Equal)).unwrap_or(0);
        let g = self.groups.len();
        let mut members = Vec::new();
        for (j, path) in paths.into_iter().enumerate() {
            let spec = Spec {
                cat,
                title: titles[j].clone(),
                slug: slugify(&titles[j]),
                outcomes: ["Yes", "No"],
                open,
                close,
                crowd: crowd * (0.3 + 1.5 * p0[j] / tot),
                spread: rng.range(1, 3) as u8,
            };
            let m = self.push(rng, spec, Path::Grid { t0, p: path });
            self.markets[m].group = Some(g);
            if close <= NOW {
                self.markets[m].winner = Some(if j == win { 0 } else { 1 });
            }
            members.push(m);
        }
        self.groups.push(members.clone());
        members
    }

    /// "Will X happen by <deadline>?": a hazard belief that may jump to certainty when it happens.
    fn hazard(&mut self, rng: &mut Rng, l: Long<'_>) -> usize {
        let Long { cat, title, open, close: deadline, rate: per_day, crowd, .. } = l;
        let happens = open.max(START) + (rng.exp(1.0 / per_day) * DAY as f64) as i64;
        let happens = if happens < deadline && happens < NOW - 3 * HOUR {
            Some(news_time(rng, happens, (happens + 6 * HOUR).min(NOW - 3 * HOUR)))
        } else {
            None
        };
        let close = match happens {
            Some(h) => h + rng.range(HOUR, 8 * HOUR),
            None => deadline,
        };
        let t0 = open.max(START) - rng.range(0, STEP);
        let end = close.min(NOW + STEP);
        let n = ((end - t0) / STEP + 2) as usize;
        let mut z = 0.4 * rng.normal();
        let jumps: Vec<i64> = (0..rng.poisson(0.15 * (end - t0) as f64 / DAY as f64)).map(|_| news_time(rng, t0, end)).collect();
        let mut p = Vec::with_capacity(n);
        let mut happened = false;
        for i in 0..n {
            let t = t0 + i as i64 * STEP;
            z += 0.12 * (STEP as f64 / DAY as f64).sqrt() * rng.normal();
            for &jt in &jumps {
                if jt >= t && jt < t + STEP {
                    z += 0.7 * rng.normal();
                }
            }
            if happens.is_some_and(|h| t >= h) {
                happened = true;
            }
            let rem = (deadline - t).max(0) as f64 / DAY as f64;
            let prob = if happened {
                let since = (t - happens.unwrap_or(t)) as f64 / HOUR as f64;
                0.9 + 0.095 * (1.0 - (-since).exp())
            } else {
                1.0 - (-per_day * z.exp() * rem).exp()
            };
            p.push(prob.clamp(0.004, 0.996) as f32);
        }
        let spec = Spec {
            cat,
            title: title.to_string(),
            slug: slugify(title),
            outcomes: ["Yes", "No"],
            open,
            close,
            crowd,
            spread: rng.range(1, 3) as u8,
        };
        let m = self.push(rng, spec, Path::Grid { t0, p });
        if close <= NOW {
            self.markets[m].winner = Some(if happens.is_some() { 0 } else { 1 });
        }
        m
    }

    fn build_elections(&mut self, rng: &mut Rng) {
        // US midterms on Tuesday 2026-11-03; polls close from 7 PM ET (00:00 UTC Nov 4)
        let polls = START + 3 * DAY + 24 * HOUR;
        let races = [
            ("Georgia Senate", 0.52, 6.0),
            ("Michigan Senate", 0.55, 5.0),
            ("North Carolina Senate", 0.48, 6.0),
            ("Maine Senate", 0.44, 4.0),
            ("Ohio Senate", 0.38, 3.0),
            ("Texas Senate", 0.25, 2.5),
            ("Iowa Senate", 0.3, 2.0),
            ("New Hampshire Senate", 0.6, 2.0),
            ("Alaska Senate", 0.35, 1.5),
            ("Arizona Governor", 0.5, 3.0),
            ("Pennsylvania Governor", 0.7, 2.5),
            ("Wisconsin Governor", 0.5, 3.0),
            ("Nevada Governor", 0.45, 2.0),
        ];
        for (name, pd, heat) in races {
            let call = polls + rng.range(HOUR, 10 * HOUR) + if rng.chance(0.2) { rng.range(DAY, 6 * DAY) } else { 0 };
            let title = format!("{}: Will the Democrat win in 2026?", name);
            let close = call + rng.range(2 * HOUR, 30 * HOUR);
            let start = polls + rng.range(0, 2 * HOUR);
            self.contest(
                rng,
                Long { cat: Cat::Election, title: &title, open: START - 60 * DAY, close, p0: pd, rate: 0.0, crowd: 170.0 * heat },
                start,
                call,
            );
        }
        for (name, pd) in [("House", 0.68), ("Senate", 0.31)] {
            let call = polls + rng.range(3 * HOUR, 20 * HOUR);
            let title = format!("Which party will win the {} in 2026? Democrats", name);
            let close = call + rng.range(3 * HOUR, 24 * HOUR);
            self.contest(
                rng,
                Long { cat: Cat::Election, title: &title, open: START - 200 * DAY, close, p0: pd, rate: 0.0, crowd: 1_100.0 },
                polls,
                call,
            );
        }
    }

    /// A contest decided over a counting or playing period `[start, call)`: a latent margin that
    /// wanders before and moves fast during the count.
    fn contest(&mut self, rng: &mut Rng, l: Long<'_>, start: i64, call: i64) -> usize {
        let Long { cat, title, open, close, p0, crowd, .. } = l;
        let t0 = open.max(START) - rng.range(0, STEP);
        let n = ((close.min(NOW + STEP) - t0) / STEP + 2) as usize;
        let sigma = 4.0;
        let mut mu = inv_phi(p0) * (sigma + 0.4);
        let mut d = 0.0;
        let news: Vec<i64> = (0..rng.poisson(3.0)).map(|_| news_time(rng, t0, start)).collect();
        let mut p = Vec::with_capacity(n);
        let g = ((call - start) / STEP).max(1) as f64;
        for i in 0..n {
            let t = t0 + i as i64 * STEP;
            if t < start {
                mu += 0.01 * rng.normal();
                for &nt in &news {
                    if nt >= t && nt < t + STEP {
                        mu += 0.8 * rng.normal();
                    }
                }
            } else if t < call {
                d += mu / g + sigma / g.sqrt() * rng.normal();
            }
            let r = ((call - t.max(start)) as f64 / (call - start) as f64).clamp(0.0, 1.0);
            p.push(phi((d + mu * r) / (sigma * r.sqrt() + 0.05)) as f32);
        }
        let spec = Spec { cat, title: title.to_string(), slug: slugify(title), outcomes: ["Yes", "No"], open, close, crowd, spread: 1 };
        let m = self.push(rng, spec, Path::Grid { t0, p });
        if close <= NOW {
            self.markets[m].winner = Some(if d > 0.0 { 0 } else { 1 });
        }
        self.markets[m].live = Some((start, call));
        m
    }

    fn build_politics(&mut self, rng: &mut Rng) {
        let far = NOW + 700 * DAY;
        let dems = ["Gavin Newsom", "Alexandria Ocasio-Cortez", "Josh Shapiro", "Pete Buttigieg", "Wes Moore", "Gretchen Whitmer"];
        let dp = [0.34, 0.16, 0.12, 0.1, 0.07, 0.06];
        let titles: Vec<String> = dems.iter().map(|n| format!("Will {} win the 2028 Democratic presidential nomination?", n)).collect();
        self.group(
            rng,
            &titles,
            &dp,
            Long { cat: Cat::Politics, title: "", open: START - 300 * DAY, close: far, p0: 0.0, rate: 0.12, crowd: 600.0 },
        );
        let reps = ["JD Vance", "Marco Rubio", "Donald Trump Jr.", "Ron DeSantis", "Tucker Carlson"];
        let rp = [0.55, 0.12, 0.08, 0.06, 0.04];
        let titles: Vec<String> = reps.iter().map(|n| format!("Will {} win the 2028 Republican presidential nomination?", n)).collect();
        self.group(
            rng,
            &titles,
            &rp,
            Long { cat: Cat::Politics, title: "", open: START - 300 * DAY, close: far, p0: 0.0, rate: 0.1, crowd: 450.0 },
        );
        let singles = [
            ("Russia x Ukraine ceasefire in 2026?", 0.12, 0.25, 500.0),
            ("Will Trump meet Xi Jinping in 2026?", 0.55, 0.2, 250.0),
            ("US government shutdown by December 31?", 0.22, 0.3, 400.0),
            ("Will the Supreme Court rule on tariffs by December 31?", 0.64, 0.2, 200.0),
            ("Will Netanyahu remain Prime Minister through 2026?", 0.86, 0.15, 150.0),
            ("Will Zelensky and Putin meet in 2026?", 0.07, 0.2, 160.0),
            ("Trump impeached before 2027?", 0.05, 0.1, 90.0),
            ("Will Elon Musk launch a third party candidate in 2026?", 0.09, 0.1, 80.0),
            ("Will the US acquire Greenland in 2026?", 0.03, 0.1, 120.0),
            ("Will Keir Starmer be out as UK Prime Minister by end of 2026?", 0.18, 0.2, 140.0),
        ];
        for (t, p0, j, c) in singles {
            let close = NOW + rng.range(20 * DAY, 60 * DAY);
            self.latent(rng, Long { cat: Cat::Politics, title: t, open: START - 200 * DAY, close, p0, rate: j, crowd: c });
        }
        // approval rating brackets on November 28
        let titles: Vec<String> = ["below 40.0%", "40.0% to 41.9%", "42.0% to 43.9%", "44.0% or higher"]
            .iter()
            .map(|b| format!("Trump approval rating on November 28: {}?", b))
            .collect();
        self.group(
            rng,
            &titles,
            &[0.2, 0.35, 0.3, 0.15],
            Long {
                cat: Cat::Politics,
                title: "",
                open: START - 10 * DAY,
                close: START + 27 * DAY + 22 * HOUR,
                p0: 0.0,
                rate: 0.3,
                crowd: 140.0,
            },
        );
    }

    fn build_macro(&mut self, rng: &mut Rng) {
        let fed: Vec<String> = ["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"]
            .iter()
            .map(|b| format!("Fed decision in December: {}?", b))
            .collect();
        self.group(
            rng,
            &fed,
            &[0.42, 0.52, 0.04, 0.02],
            Long { cat: Cat::Macro, title: "", open: START - 40 * DAY, close: NOW + 9 * DAY, p0: 0.0, rate: 0.25, crowd: 900.0 },
        );
        // October CPI, released Nov 12 at 8:30 ET; jobs report Nov 6
        let cpi: Vec<String> = ["2.7% or lower", "2.8%", "2.9%", "3.0%", "3.1% or higher"]
            .iter()
            .map(|b| format!("October CPI year-over-year: {}?", b))
            .collect();
        self.group(
            rng,
            &cpi,
            &[0.12, 0.22, 0.3, 0.24, 0.12],
            Long {
                cat: Cat::Macro,
                title: "",
                open: START - 14 * DAY,
                close: START + 11 * DAY + 13 * HOUR + 30 * MIN,
                p0: 0.0,
                rate: 0.2,
                crowd: 160.0,
            },
        );
        let jobs: Vec<String> = ["below 50k", "50k to 99k", "100k to 149k", "150k or more"]
            .iter()
            .map(|b| format!("October nonfarm payrolls: {}?", b))
            .collect();
        self.group(
            rng,
            &jobs,
            &[0.2, 0.35, 0.3, 0.15],
            Long {
                cat: Cat::Macro,
                title: "",
                open: START - 20 * DAY,
                close: START + 5 * DAY + 13 * HOUR + 30 * MIN,
                p0: 0.0,
                rate: 0.2,
                crowd: 120.0,
            },
        );
        self.latent(
            rng,
            Long {
                cat: Cat::Macro,
                title: "US recession in 2026?",
                open: START - 300 * DAY,
                close: NOW + 31 * DAY,
                p0: 0.09,
                rate: 0.08,
                crowd: 180.0,
            },
        );
        self.latent(
            rng,
            Long {
                cat: Cat::Macro,
                title: "Will the 10-year Treasury yield close above 4.5% in 2026?",
                open: START - 100 * DAY,
                close: NOW + 30 * DAY,
                p0: 0.2,
                rate: 0.15,
                crowd: 60.0,
            },
        );
    }

    fn build_culture(&mut self, rng: &mut Rng) {
        for wk in 0..4 {
            let sun = START + 7 * DAY * (wk + 1) - 2 * HOUR;
            let films = [
                ["Wicked: For Good", "Zootopia 2", "The Running Man", "Now You See Me 3"],
                ["Zootopia 2", "Wicked: For Good", "Predator: Badlands", "Hamnet"],
            ][wk as usize % 2];
            let titles: Vec<String> =
                films.iter().map(|f| format!("Top grossing movie this weekend ({}): {}?", day_label(sun), f)).collect();
            self.group(
                rng,
                &titles,
                &[0.45, 0.35, 0.12, 0.08],
                Long { cat: Cat::Culture, title: "", open: sun - 6 * DAY, close: sun + 17 * HOUR, p0: 0.0, rate: 0.4, crowd: 90.0 },
            );
        }
        let poy: Vec<String> = ["Donald Trump", "Pope Leo XIV", "Jensen Huang", "Sam Altman", "Taylor Swift", "Elon Musk"]
            .iter()
            .map(|n| format!("Time 2026 Person of the Year: {}?", n))
            .collect();
        self.group(
            rng,
            &poy,
            &[0.28, 0.2, 0.16, 0.12, 0.1, 0.08],
            Long { cat: Cat::Culture, title: "", open: START - 40 * DAY, close: NOW + 8 * DAY, p0: 0.0, rate: 0.25, crowd: 260.0 },
        );
        let goty: Vec<String> =
            ["Hollow Knight: Silksong", "Clair Obscur: Expedition 33", "Death Stranding 2", "Ghost of Yotei", "Hades II"]
                .iter()
                .map(|g| format!("The Game Awards 2026 Game of the Year: {}?", g))
                .collect();
        self.group(
            rng,
            &goty,
            &[0.3, 0.35, 0.12, 0.15, 0.08],
            Long { cat: Cat::Culture, title: "", open: START - 20 * DAY, close: NOW + 11 * DAY, p0: 0.0, rate: 0.2, crowd: 120.0 },
        );
        let singles = [
            ("Will Taylor Swift announce a new tour before 2027?", 0.2, 40.0),
            ("Will GTA VI be delayed again before 2027?", 0.15, 120.0),
            ("Will MrBeast's next video hit 100M views in a week?", 0.4, 50.0),
            ("Will Drake release a new album in 2026?", 0.3, 45.0),
            ("Spotify most streamed artist of 2026: Bad Bunny?", 0.35, 70.0),
        ];
        for (t, p0, c) in singles {
            let close = NOW + rng.range(10 * DAY, 40 * DAY);
            self.latent(rng, Long { cat: Cat::Culture, title: t, open: START - 60 * DAY, close, p0, rate: 0.15, crowd: c });
        }
        self.hazard(
            rng,
            Long {
                cat: Cat::Culture,
                title: "Will Kanye West release an album in November?",
                open: START - 5 * DAY,
                close: NOW - 2 * HOUR,
                p0: 0.0,
                rate: 0.01,
                crowd: 40.0,
            },
        );
        self.hazard(
            rng,
            Long {
                cat: Cat::Culture,
                title: "Will Beyonce announce a new album by November 30?",
                open: START - 10 * DAY,
                close: NOW - 2 * HOUR,
                p0: 0.0,
                rate: 0.006,
                crowd: 30.0,
            },
        );
    }

    fn build_news(&mut self, rng: &mut Rng) {
        let hz = [
            ("Will OpenAI release GPT-6 by November 30?", 0.012, 220.0),
            ("Will SpaceX launch Starship again by November 30?", 0.06, 110.0),
            ("Will Google release Gemini 4 by November 30?", 0.02, 120.0),
            ("Will there be a 7.0+ earthquake in Japan in November?", 0.01, 40.0),
            ("Will Israel strike Iran in November?", 0.008, 260.0),
            ("Will the US strike Venezuela by November 30?", 0.02, 300.0),
            ("Will Elon Musk post about Dogecoin on November 30?", 0.5, 30.0),
            ("Will Apple announce a foldable iPhone by November 30?", 0.004, 50.0),
            ("Will a hurricane make landfall in the US in November?", 0.004, 45.0),
            ("Will Bitcoin ETF daily inflows top $1B in November?", 0.03, 70.0),
            ("Will Tesla launch unsupervised FSD in a new city by November 30?", 0.02, 60.0),
            ("Will the Louvre reopen the Apollo gallery by November 30?", 0.05, 25.0),
        ];
        for (t, h, c) in hz {
            let open = if rng.chance(0.35) { START + rng.range(DAY, 12 * DAY) } else { START - rng.range(5 * DAY, 40 * DAY) };
            let close = NOW - rng.range(HOUR, 4 * HOUR);
            self.hazard(rng, Long { cat: Cat::News, title: t, open, close, p0: 0.0, rate: h, crowd: c });
        }
        // weekly post-count brackets for a prolific poster, Tuesday to Tuesday
        for wk in 0..4 {
            let a = START + 2 * DAY + 17 * HOUR + wk * 7 * DAY;
            let b = a + 7 * DAY;
            if b > NOW {
                break;
            }
            let titles: Vec<String> = ["0-199", "200-299", "300-399", "400-499", "500+"]
                .iter()
                .map(|r| format!("Elon Musk # of tweets {} - {}: {}?", day_label(a), day_label(b), r))
                .collect();
            self.group(
                rng,
                &titles,
                &[0.05, 0.2, 0.4, 0.25, 0.1],
                Long { cat: Cat::News, title: "", open: a - 2 * DAY, close: b, p0: 0.0, rate: 0.8, crowd: 110.0 },
            );
        }
        let singles = [
            ("Will Nvidia be the largest company in the world on December 31?", 0.78, 80.0),
            ("Will Anthropic release Claude 5 in 2026?", 0.35, 90.0),
            ("Will TikTok be banned in the US before 2027?", 0.06, 100.0),
        ];
        for (t, p0, c) in singles {
            self.latent(rng, Long { cat: Cat::News, title: t, open: START - 90 * DAY, close: NOW + 30 * DAY, p0, rate: 0.12, crowd: c });
        }
    }

    fn build_weather(&mut self, rng: &mut Rng) {
        // daily highest temperature in New York City, five buckets; London every other day
        let mut clim = 52.0;
        for d in 0..30 {
            for (city, every, cw, tz) in [("New York City", 1, 1.0, ET), ("London", 2, 0.6, 0)] {
                if d % every != 0 {
                    continue;
                }
                let day0 = START + d * DAY - tz; // local midnight
                let close = day0 + DAY - HOUR;
                let open = close - 3 * DAY;
                if close > NOW {
                    continue;
                }
                let (base, unit) = if city == "London" { (11.0 - d as f64 * 0.1, "°C") } else { (clim, "°F") };
                let actual = base + rng.normal() * if city == "London" { 2.0 } else { 5.0 };
                let width = if city == "London" { 1.0 } else { 2.0 };
                let first_forecast = actual + rng.normal() * 2.2 * width;
                let lo = (first_forecast / width).round() * width - 2.0 * width;
                let bounds: Vec<f64> = (0..4).map(|j| lo + j as f64 * width + width * 0.5).collect();
                let mut titles = Vec::new();
                for j in 0..5 {
                    let label = if j == 0 {
                        format!("{}{} or below", (lo) as i64, unit)
                    } else if j == 4 {
                        format!("{}{} or higher", (lo + 4.0 * width) as i64, unit)
                    } else if width > 1.0 {
                        format!("{}-{}{}", (lo + j as f64 * width) as i64, (lo + j as f64 * width + 1.0) as i64, unit)
                    } else {
                        format!("{}{}", (lo + j as f64 * width) as i64, unit)
                    };
                    titles.push(format!("Highest temperature in {} on {}: {}?", city, day_label(day0 + 12 * HOUR), label));
                }
                let t0 = open.max(START) - rng.range(0, STEP);
                let n = ((close - t0) / STEP + 2) as usize;
                let mut paths: Vec<Vec<f32>> = (0..5).map(|_| Vec::with_capacity(n)).collect();
                let mut err = (first_forecast - actual) / (2.2 * width);
                for i in 0..n {
                    let t = t0 + i as i64 * STEP;
                    let rem = ((close - HOUR * 6 - t).max(0) as f64 / (3.0 * DAY as f64)).clamp(0.0, 1.0);
                    // forecast runs every six hours (arriving ~4 h after 00/06/12/18 UTC) nudge the error
                    if (t + 4 * HOUR).rem_euclid(6 * HOUR) < STEP {
                        err = 0.75 * err + 0.35 * rng.normal();
                    }
                    let sd = (2.2 * width * rem.sqrt()).max(0.25) * 1.0;
                    let f = actual + err * 2.2 * width * rem.sqrt();
                    let mut prev = 0.0;
                    for (j, path) in paths.iter_mut().enumerate() {
                        let c = if j < 4 { phi((bounds[j] - f) / sd) } else { 1.0 };
                        path.push((c - prev) as f32);
                        prev = c;
                    }
                }
                let win = bounds.iter().filter(|b| actual.round() > **b).count();
                let g = self.groups.len();
                let mut members = Vec::new();
                for (j, path) in paths.into_iter().enumerate() {
                    let spec = Spec {
                        cat: Cat::Weather,
                        title: titles[j].clone(),
                        slug: slugify(&titles[j]),
                        outcomes: ["Yes", "No"],
                        open,
                        close,
                        crowd: 20.0 * cw,
                        spread: rng.range(1, 4) as u8,
                    };
                    let m = self.push(rng, spec, Path::Grid { t0, p: path });
                    self.markets[m].group = Some(g);
                    self.markets[m].winner = Some(if j == win { 0 } else { 1 });
                    members.push(m);
                }
                self.groups.push(members);
            }
            clim -= 0.35;
        }
    }
}

fn thousands(x: f64) -> String {
    let n = x.round() as i64;
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
