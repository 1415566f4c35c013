//! The market universe of the window: what was listed, how each price moved, when each was decided.

use super::rng::{Rng, phi, phi_inv};
use super::{NOW, W0};
use chrono::{DateTime, Datelike, Utc};
use std::collections::BTreeMap;

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
/// A decision date well after the window (markets still open when the set is taken).
pub const FAR: i64 = NOW + 200 * DAY;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cat {
    Sports,
    Crypto,
    Politics,
    Econ,
    Weather,
    Culture,
}

impl Cat {
    pub fn idx(self) -> usize {
        self as usize
    }
}

pub const ALL_CATS: [Cat; 6] = [Cat::Sports, Cat::Crypto, Cat::Politics, Cat::Econ, Cat::Weather, Cat::Culture];

/// Mid price of outcome 0 sampled every `step` seconds from `t0`.
#[derive(Clone, Debug)]
pub struct Path {
    pub t0: i64,
    pub step: i64,
    pub p: Vec<f32>,
}

impl Path {
    pub fn at(&self, t: i64) -> f64 {
        let i = if t <= self.t0 { 0 } else { ((t - self.t0) / self.step) as usize };
        f64::from(self.p[i.min(self.p.len() - 1)])
    }
}

pub struct Market {
    pub id: u32,
    pub cat: Cat,
    pub tag: &'static str,
    pub title: String,
    pub slug: String,
    pub condition_id: String,
    pub outcomes: [String; 2],
    pub tokens: [String; 2],
    pub open: i64,
    /// Game start, interval start, release or speech start; `open` for slow markets.
    pub start: i64,
    /// When the result became known (FAR when not in the window).
    pub decided: i64,
    /// When trading stops.
    pub close: i64,
    pub winner: u8,
    pub path: Path,
    pub spread: i32,
    /// Crowd fills per hour at the market's busiest.
    pub rate: f64,
    /// Dollars resting at each price level near the touch.
    pub depth: f64,
    /// How likely people are to open it, relative to its category.
    pub pop: f64,
    pub event: Option<u32>,
    /// Sudden moves of outcome 0's price: (time, change).
    pub jumps: Vec<(i64, f32)>,
}

impl Market {
    pub fn mid(&self, o: u8, t: i64) -> f64 {
        let p = self.path.at(t);
        if o == 0 { p } else { 1.0 - p }
    }

    /// Best bid and ask of outcome `o` in cents.
    pub fn quote(&self, o: u8, t: i64) -> (i32, i32) {
        let m = self.path.at(t) * 100.0;
        let s = self.spread;
        let bid = ((m - f64::from(s) / 2.0).round() as i32).clamp(1, 99 - s);
        let ask = bid + s;
        if o == 0 { (bid, ask) } else { (100 - ask, 100 - bid) }
    }

    pub fn bid(&self, o: u8, t: i64) -> i32 {
        self.quote(o, t).0
    }

    pub fn ask(&self, o: u8, t: i64) -> i32 {
        self.quote(o, t).1
    }

    pub fn trading(&self, t: i64) -> bool {
        t >= self.open && t < self.close
    }

    pub fn live(&self, t: i64) -> bool {
        t >= self.start && t < self.decided
    }

    /// The outcome priced higher at `t`.
    pub fn favourite(&self, t: i64) -> u8 {
        if self.path.at(t) >= 0.5 { 0 } else { 1 }
    }
}

pub struct Event {
    pub title: String,
    pub slug: String,
    pub cat: Cat,
    pub markets: Vec<u32>,
    pub neg_risk: bool,
    pub start: i64,
    pub decided: i64,
}

/// The up/down series: (asset name, slug prefix, interval seconds, crowd rate, depth, coin).
pub const SERIES: [(&str, &str, i64, f64, f64, usize); 7] = [
    ("Bitcoin", "btc", 900, 40.0, 2500.0, 0),
    ("Ethereum", "eth", 900, 26.0, 1200.0, 1),
    ("Solana", "sol", 900, 18.0, 600.0, 2),
    ("XRP", "xrp", 900, 14.0, 500.0, 3),
    ("Bitcoin", "bitcoin", 3600, 25.0, 4000.0, 0),
    ("Ethereum", "ethereum", 3600, 18.0, 2000.0, 1),
    ("Solana", "solana", 3600, 10.0, 800.0, 2),
];

const SPOT_STEP: i64 = 10;

pub struct World {
    pub markets: Vec<Market>,
    pub events: Vec<Event>,
    /// Market ids per category, sorted by decision time.
    pub by_cat: Vec<Vec<u32>>,
    /// (series, window start) → market.
    pub crypto: BTreeMap<(u8, i64), u32>,
}

impl World {
    pub fn m(&self, id: u32) -> &Market {
        &self.markets[id as usize]
    }

    /// Markets of `cat` trading at `t` whose decision falls in [t+lo, t+hi].
    pub fn candidates(&self, cat: Cat, t: i64, lo: i64, hi: i64) -> Vec<u32> {
        let v = &self.by_cat[cat.idx()];
        let a = v.partition_point(|&id| self.m(id).decided < t + lo);
        let b = v.partition_point(|&id| self.m(id).decided <= t.saturating_add(hi));
        v[a..b.max(a)].iter().copied().filter(|&id| self.m(id).trading(t) && t < self.m(id).close - 2 * MIN).collect()
    }

    /// The up/down window of `series` running at `t`.
    pub fn window(&self, series: u8, t: i64) -> Option<u32> {
        let len = SERIES[series as usize].2;
        let start = t.div_euclid(len) * len;
        self.crypto.get(&(series, start)).copied()
    }

    pub fn build() -> World {
        let mut b = Builder { rng: Rng::stream("world", 0), markets: Vec::new(), events: Vec::new() };
        b.sports();
        b.crypto();
        b.politics();
        b.econ();
        b.weather();
        b.culture();
        let Builder { markets, events, .. } = b;
        let mut by_cat = vec![Vec::new(); ALL_CATS.len()];
        for m in &markets {
            by_cat[m.cat.idx()].push(m.id);
        }
        for v in &mut by_cat {
            v.sort_by_key(|&id| (markets[id as usize].decided, id));
        }
        let mut crypto = BTreeMap::new();
        for m in &markets {
            if m.cat == Cat::Crypto {
                let series = SERIES.iter().position(|s| m.tag == s.1).unwrap_or(0) as u8;
                crypto.insert((series, m.start), m.id);
            }
        }
        World { markets, events, by_cat, crypto }
    }
}

// ---------------------------------------------------------------- text helpers

fn dt(t: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(t, 0).unwrap_or_default()
}

pub fn ymd(t: i64) -> String {
    dt(t).format("%Y-%m-%d").to_string()
}

fn month_day(t: i64) -> String {
    dt(t).format("%B %-d").to_string()
}

fn month_day_slug(t: i64) -> String {
    dt(t).format("%B-%-d").to_string().to_lowercase()
}

fn et(t: i64) -> i64 {
    t - 4 * HOUR
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        let c = match ch {
            'é' | 'è' | 'ê' => 'e',
            'ü' => 'u',
            'ö' => 'o',
            'ç' => 'c',
            _ => ch,
        };
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

fn abbr(s: &str) -> String {
    slugify(s).replace('-', "").chars().take(3).collect()
}

/// Unix seconds of a UTC date and time.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(y, mo, d).and_then(|x| x.and_hms_opt(h, mi, 0)).map(|x| x.and_utc().timestamp()).unwrap_or(0)
}

pub fn weekday(t: i64) -> u32 {
    dt(t).weekday().num_days_from_monday()
}

// ---------------------------------------------------------------- price paths

/// A price series being built and the jumps seen in it.
type Track = (Vec<f32>, Vec<(i64, f32)>);

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn sigm(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn cp(p: f64) -> f32 {
    p.clamp(0.004, 0.996) as f32
}

fn steps(t0: i64, t1: i64, step: i64) -> usize {
    ((t1 - t0).max(0) / step + 1) as usize
}

/// A belief random walk in log-odds with news jumps, bridged to its result when decided in range.
#[allow(clippy::too_many_arguments)]
fn belief_path(
    rng: &mut Rng,
    t0: i64,
    t1: i64,
    step: i64,
    p0: f64,
    vol_day: f64,
    jumps_day: f64,
    resolve: Option<(i64, u8)>,
) -> (Path, Vec<(i64, f32)>) {
    let n = steps(t0, t1, step);
    let mut x = logit(p0.clamp(0.01, 0.99));
    let sd = vol_day * (step as f64 / DAY as f64).sqrt();
    let pj = jumps_day * step as f64 / DAY as f64;
    let mut p = Vec::with_capacity(n);
    let mut jumps = Vec::new();
    let mut last = p0;
    for i in 0..n {
        let t = t0 + i as i64 * step;
        x += sd * rng.normal();
        // news lands in waking hours of the Americas and Europe
        let h = t.rem_euclid(DAY) / HOUR;
        if (11..=23).contains(&h) && rng.chance(pj * 1.8) {
            x += 0.55 * rng.normal();
        }
        x = x.clamp(-5.3, 5.3);
        let q = match resolve {
            Some((d, w)) if t >= d => {
                if w == 0 {
                    0.995
                } else {
                    0.005
                }
            }
            Some((d, w)) => {
                let f = ((t - t0) as f64 / (d - t0).max(1) as f64).clamp(0.0, 1.0);
                let dir = if w == 0 { 1.0 } else { -1.0 };
                sigm(x + dir * 6.0 * f.powi(8))
            }
            None => sigm(x),
        };
        if i > 0 && (q - last).abs() >= 0.04 {
            jumps.push((t, (q - last) as f32));
        }
        last = q;
        p.push(cp(q));
    }
    (Path { t0, step, p }, jumps)
}

/// Several exclusive outcomes (a negRisk event): log-score walks through a softmax.
#[allow(clippy::too_many_arguments)]
fn multi_paths(
    rng: &mut Rng,
    t0: i64,
    t1: i64,
    step: i64,
    w0: &[f64],
    vol_day: f64,
    jumps_day: f64,
    resolve: Option<(i64, usize)>,
) -> Vec<(Path, Vec<(i64, f32)>)> {
    let k = w0.len();
    let n = steps(t0, t1, step);
    let tot: f64 = w0.iter().sum();
    let mut s: Vec<f64> = w0.iter().map(|w| (w / tot).max(1e-4).ln()).collect();
    let sd = vol_day * (step as f64 / DAY as f64).sqrt();
    let pj = jumps_day * step as f64 / DAY as f64;
    let mut out: Vec<Track> = (0..k).map(|_| (Vec::with_capacity(n), Vec::new())).collect();
    let mut last: Vec<f64> = w0.iter().map(|w| w / tot).collect();
    for i in 0..n {
        let t = t0 + i as i64 * step;
        for v in s.iter_mut() {
            *v += sd * rng.normal();
        }
        if rng.chance(pj) {
            let j = rng.below(k);
            s[j] += 0.6 * rng.normal();
        }
        let probs: Vec<f64> = match resolve {
            Some((d, w)) if t >= d => (0..k).map(|j| if j == w { 0.995 } else { 0.005 }).collect(),
            _ => {
                let f = match resolve {
                    Some((d, _)) => ((t - t0) as f64 / (d - t0).max(1) as f64).clamp(0.0, 1.0).powi(8),
                    None => 0.0,
                };
                let e: Vec<f64> = (0..k).map(|j| (s[j] + if Some(j) == resolve.map(|r| r.1) { 7.0 * f } else { 0.0 }).exp()).collect();
                let z: f64 = e.iter().sum();
                e.iter().map(|x| x / z).collect()
            }
        };
        for j in 0..k {
            if i > 0 && (probs[j] - last[j]).abs() >= 0.04 {
                out[j].1.push((t, (probs[j] - last[j]) as f32));
            }
            last[j] = probs[j];
            out[j].0.push(cp(probs[j]));
        }
    }
    out.into_iter().map(|(p, j)| (Path { t0, step, p }, j)).collect()
}

/// Buckets of a number forecast until released (`decided`), then the bucket holding `truth` wins.
#[allow(clippy::too_many_arguments)]
fn bucket_paths(
    rng: &mut Rng,
    t0: i64,
    decided: i64,
    t1: i64,
    step: i64,
    buckets: &[(f64, f64)],
    truth: f64,
    sd0: f64,
    sd_end: f64,
) -> Vec<(Path, Vec<(i64, f32)>)> {
    let n = steps(t0, t1, step);
    let k = buckets.len();
    let mut z = rng.normal();
    let rho: f64 = 0.985;
    let mut out: Vec<Track> = (0..k).map(|_| (Vec::with_capacity(n), Vec::new())).collect();
    let mut last = vec![0.0; k];
    for i in 0..n {
        let t = t0 + i as i64 * step;
        z = rho * z + (1.0 - rho * rho).sqrt() * rng.normal();
        let tau = ((decided - t) as f64 / (decided - t0).max(1) as f64).clamp(0.0, 1.0);
        let sd = sd_end + (sd0 - sd_end) * tau;
        let mu = truth + sd * 0.8 * z;
        for (j, &(lo, hi)) in buckets.iter().enumerate() {
            let q = if t >= decided {
                if truth >= lo && truth < hi { 0.995 } else { 0.005 }
            } else {
                phi((hi - mu) / sd) - phi((lo - mu) / sd)
            };
            if i > 0 && (q - last[j]).abs() >= 0.05 {
                out[j].1.push((t, (q - last[j]) as f32));
            }
            last[j] = q;
            out[j].0.push(cp(q));
        }
    }
    out.into_iter().map(|(p, j)| (Path { t0, step, p }, j)).collect()
}

struct Game {
    open: i64,
    start: i64,
    dur: i64,
    p0: f64,
    lambda: f64,
    share: f64,
    finish_p: f64,
}

/// A two-sided game: pregame line drift, in-play scoring, then the final.
fn game_path(rng: &mut Rng, g: &Game) -> (Path, Vec<(i64, f32)>, u8, i64, i64) {
    let step = MIN;
    let mut m = phi_inv(g.p0);
    let mut z = 0.0;
    let sb = (1.0 - g.share).max(0.05).sqrt();
    let js = if g.lambda > 0.0 { (g.share / g.lambda).sqrt() } else { 0.0 };
    let finish = if rng.chance(g.finish_p) { Some(g.start + (rng.range(0.05, 1.0) * g.dur as f64) as i64) } else { None };
    let end = finish.unwrap_or(g.start + g.dur);
    let close = end + rng.int(40 * MIN, 150 * MIN);
    let n = steps(g.open, close, step);
    let pre_steps = ((g.start - g.open) / step).max(1) as f64;
    let mut p = Vec::with_capacity(n);
    let mut jumps = Vec::new();
    let mut last = g.p0;
    let mut winner: Option<u8> = None;
    for i in 0..n {
        let t = g.open + i as i64 * step;
        let q = if t < g.start {
            m += 0.0035 * rng.normal();
            if rng.chance(0.5 / pre_steps) {
                m += 0.25 * rng.normal();
            }
            phi(m)
        } else if t < end {
            let dt = step as f64 / g.dur as f64;
            let s = (t - g.start) as f64 / g.dur as f64;
            z += sb * dt.sqrt() * rng.normal();
            if js > 0.0 && rng.chance(g.lambda * dt) {
                z += if rng.chance(phi(m)) { js } else { -js };
            }
            phi((m + z) / (1.0 - s).max(0.003).sqrt())
        } else {
            let w = *winner.get_or_insert_with(|| if finish.is_some() { u8::from(!rng.chance(last)) } else { u8::from(m + z <= 0.0) });
            if w == 0 { 0.995 } else { 0.005 }
        };
        if i > 0 && (q - last).abs() >= 0.05 {
            jumps.push((t, (q - last) as f32));
        }
        last = q;
        p.push(cp(q));
    }
    let w = winner.unwrap_or(u8::from(m + z <= 0.0));
    (Path { t0: g.open, step, p }, jumps, w, end, close)
}

fn pois_pmf(l: f64, n: usize) -> Vec<f64> {
    let mut v = Vec::with_capacity(n);
    let mut p = (-l).exp();
    for k in 0..n {
        v.push(p);
        p *= l / (k as f64 + 1.0);
    }
    v
}

/// Home win / draw / away win given the score and the goals still expected.
fn soccer_probs(h: u32, a: u32, lh: f64, la: f64) -> [f64; 3] {
    let ph = pois_pmf(lh, 9);
    let pa = pois_pmf(la, 9);
    let mut r = [0.0; 3];
    for (i, x) in ph.iter().enumerate() {
        for (j, y) in pa.iter().enumerate() {
            let (hh, aa) = (h + i as u32, a + j as u32);
            let k = if hh > aa {
                0
            } else if hh == aa {
                1
            } else {
                2
            };
            r[k] += x * y;
        }
    }
    let s: f64 = r.iter().sum();
    [r[0] / s, r[1] / s, r[2] / s]
}

// ---------------------------------------------------------------- the builder

struct Spec {
    cat: Cat,
    tag: &'static str,
    title: String,
    slug: String,
    outcomes: [String; 2],
    open: i64,
    start: i64,
    decided: i64,
    close: i64,
    winner: u8,
    path: Path,
    jumps: Vec<(i64, f32)>,
    spread: i32,
    rate: f64,
    depth: f64,
    pop: f64,
    event: Option<u32>,
}

struct Builder {
    rng: Rng,
    markets: Vec<Market>,
    events: Vec<Event>,
}

fn yes_no() -> [String; 2] {
    ["Yes".to_string(), "No".to_string()]
}

const NBA: [(&str, &str); 16] = [
    ("Celtics", "bos"),
    ("Knicks", "nyk"),
    ("Cavaliers", "cle"),
    ("Pacers", "ind"),
    ("Bucks", "mil"),
    ("Magic", "orl"),
    ("Pistons", "det"),
    ("Hawks", "atl"),
    ("Thunder", "okc"),
    ("Nuggets", "den"),
    ("Lakers", "lal"),
    ("Warriors", "gsw"),
    ("Timberwolves", "min"),
    ("Rockets", "hou"),
    ("Clippers", "lac"),
    ("Spurs", "sas"),
];
const NHL: [(&str, &str); 16] = [
    ("Panthers", "fla"),
    ("Lightning", "tb"),
    ("Maple Leafs", "tor"),
    ("Senators", "ott"),
    ("Hurricanes", "car"),
    ("Devils", "nj"),
    ("Capitals", "wsh"),
    ("Canadiens", "mtl"),
    ("Oilers", "edm"),
    ("Kings", "la"),
    ("Stars", "dal"),
    ("Avalanche", "col"),
    ("Jets", "wpg"),
    ("Blues", "stl"),
    ("Golden Knights", "vgk"),
    ("Wild", "min"),
];
const MLB: [(&str, &str); 30] = [
    ("Yankees", "nyy"),
    ("Red Sox", "bos"),
    ("Blue Jays", "tor"),
    ("Orioles", "bal"),
    ("Rays", "tb"),
    ("Guardians", "cle"),
    ("Tigers", "det"),
    ("Royals", "kc"),
    ("Twins", "min"),
    ("White Sox", "cws"),
    ("Astros", "hou"),
    ("Mariners", "sea"),
    ("Rangers", "tex"),
    ("Athletics", "ath"),
    ("Angels", "laa"),
    ("Phillies", "phi"),
    ("Mets", "nym"),
    ("Braves", "atl"),
    ("Marlins", "mia"),
    ("Nationals", "wsh"),
    ("Cubs", "chc"),
    ("Brewers", "mil"),
    ("Cardinals", "stl"),
    ("Reds", "cin"),
    ("Pirates", "pit"),
    ("Dodgers", "lad"),
    ("Padres", "sd"),
    ("Giants", "sf"),
    ("Diamondbacks", "ari"),
    ("Rockies", "col"),
];
const SOCCER: [(&str, &[&str]); 5] = [
    (
        "epl",
        &[
            "Arsenal",
            "Liverpool",
            "Manchester City",
            "Chelsea",
            "Manchester United",
            "Tottenham",
            "Newcastle",
            "Aston Villa",
            "Brighton",
            "Nottingham Forest",
        ],
    ),
    ("lal", &["Real Madrid", "Barcelona", "Atlético Madrid", "Athletic Club", "Villarreal", "Real Sociedad", "Real Betis", "Sevilla"]),
    ("sea", &["Inter", "Napoli", "Juventus", "AC Milan", "Atalanta", "Roma", "Lazio", "Fiorentina", "Bologna"]),
    (
        "bun",
        &["Bayern München", "Bayer Leverkusen", "Borussia Dortmund", "RB Leipzig", "Eintracht Frankfurt", "VfB Stuttgart", "SC Freiburg"],
    ),
    ("fl1", &["PSG", "Marseille", "Monaco", "Lille", "Lyon", "Nice", "Lens"]),
];
const UCL: [&str; 4] = ["Arsenal", "Barcelona", "Inter", "PSG"];
const TENNIS_M: [&str; 14] = [
    "Jannik Sinner",
    "Carlos Alcaraz",
    "Alexander Zverev",
    "Novak Djokovic",
    "Taylor Fritz",
    "Jack Draper",
    "Ben Shelton",
    "Jakub Mensik",
    "Joao Fonseca",
    "Holger Rune",
    "Casper Ruud",
    "Lorenzo Musetti",
    "Alex de Minaur",
    "Daniil Medvedev",
];
const TENNIS_W: [&str; 12] = [
    "Aryna Sabalenka",
    "Iga Swiatek",
    "Coco Gauff",
    "Elena Rybakina",
    "Jessica Pegula",
    "Mirra Andreeva",
    "Madison Keys",
    "Jasmine Paolini",
    "Qinwen Zheng",
    "Amanda Anisimova",
    "Emma Navarro",
    "Clara Tauson",
];
const IPL: [&str; 10] = [
    "Mumbai Indians",
    "Chennai Super Kings",
    "Royal Challengers Bengaluru",
    "Kolkata Knight Riders",
    "Delhi Capitals",
    "Sunrisers Hyderabad",
    "Rajasthan Royals",
    "Punjab Kings",
    "Gujarat Titans",
    "Lucknow Super Giants",
];
const CS2: [&str; 12] =
    ["Vitality", "MOUZ", "Spirit", "FaZe", "Natus Vincere", "G2", "Falcons", "The MongolZ", "Aurora", "Team Liquid", "FURIA", "3DMAX"];
const LOL: [&str; 8] = ["T1", "Gen.G", "Hanwha Life", "Bilibili Gaming", "JD Gaming", "G2 Esports", "Fnatic", "Movistar KOI"];
const UFC: [&str; 24] = [
    "Islam Makhachev",
    "Ilia Topuria",
    "Alex Pereira",
    "Magomed Ankalaev",
    "Tom Aspinall",
    "Merab Dvalishvili",
    "Sean O'Malley",
    "Dricus du Plessis",
    "Khamzat Chimaev",
    "Belal Muhammad",
    "Jack Della Maddalena",
    "Alexandre Pantoja",
    "Kayla Harrison",
    "Arman Tsarukyan",
    "Charles Oliveira",
    "Justin Gaethje",
    "Max Holloway",
    "Diego Lopes",
    "Movsar Evloev",
    "Shavkat Rakhmonov",
    "Jiri Prochazka",
    "Umar Nurmagomedov",
    "Paddy Pimblett",
    "Bo Nickal",
];

impl Builder {
    fn add(&mut self, s: Spec) -> u32 {
        let id = self.markets.len() as u32;
        let condition_id = self.rng.hex(64);
        let tokens = [self.rng.token_id(), self.rng.token_id()];
        self.markets.push(Market {
            id,
            cat: s.cat,
            tag: s.tag,
            title: s.title,
            slug: s.slug,
            condition_id,
            outcomes: s.outcomes,
            tokens,
            open: s.open,
            start: s.start,
            decided: s.decided,
            close: s.close,
            winner: s.winner,
            path: s.path,
            spread: s.spread,
            rate: s.rate,
            depth: s.depth,
            pop: s.pop,
            event: s.event,
            jumps: s.jumps,
        });
        id
    }

    fn event(&mut self, title: String, slug: String, cat: Cat, neg_risk: bool, start: i64, decided: i64) -> u32 {
        self.events.push(Event { title, slug, cat, markets: Vec::new(), neg_risk, start, decided });
        (self.events.len() - 1) as u32
    }

    fn days(&self) -> std::ops::Range<i64> {
        (W0 / DAY - 3)..(NOW / DAY + 3)
    }

    #[allow(clippy::too_many_arguments)]
    fn game(
        &mut self,
        tag: &'static str,
        league: &str,
        a: (&str, &str),
        b: (&str, &str),
        start: i64,
        dur: i64,
        lambda: f64,
        share: f64,
        finish_p: f64,
        rate: f64,
        depth: f64,
    ) {
        let open = start - self.rng.int(20 * HOUR, 60 * HOUR);
        if start + dur + 3 * HOUR < W0 || open > NOW {
            return;
        }
        let p0 = self.rng.range(0.22, 0.78);
        let g = Game { open, start, dur, p0, lambda, share, finish_p };
        let (path, jumps, winner, decided, close) = game_path(&mut self.rng, &g);
        let pop = rate / 100.0;
        let spread = if rate > 60.0 { 1 } else { self.rng.int(1, 2) as i32 };
        self.add(Spec {
            cat: Cat::Sports,
            tag,
            title: format!("{} vs. {}", a.0, b.0),
            slug: format!("{league}-{}-{}-{}", a.1, b.1, ymd(start)),
            outcomes: [a.0.to_string(), b.0.to_string()],
            open,
            start,
            decided,
            close,
            winner,
            path,
            jumps,
            spread,
            rate,
            depth,
            pop,
            event: None,
        });
    }

    fn sports(&mut self) {
        for d in self.days() {
            let day = d * DAY;
            let wd = weekday(day);
            // NBA and NHL playoffs: evenings in North America
            let round = if day < at(2027, 5, 4, 0, 0) { 8 } else { 4 };
            for (tag, teams, dur, lambda, share, rate, depth) in
                [("nba", &NBA, 150 * MIN, 0.0, 0.0, 80.0, 3000.0), ("nhl", &NHL, 160 * MIN, 5.5, 0.85, 40.0, 1500.0)]
            {
                let n = self.rng.int(2, if round == 8 { 4 } else { 2 });
                let first = self.rng.below(round);
                for k in 0..n as usize {
                    let pair = (first + k) % round;
                    let (i, j) = if round == 8 { (2 * pair, 2 * pair + 1) } else { (4 * pair / 2 % 16, (4 * pair / 2 + 3) % 16) };
                    let (a, b) = if self.rng.chance(0.5) { (teams[i], teams[j]) } else { (teams[j], teams[i]) };
                    let start = day + 23 * HOUR + self.rng.int(0, 7) * 30 * MIN;
                    let r = rate * self.rng.range(0.7, 1.4);
                    self.game(tag, tag, a, b, start, dur, lambda, share, 0.0, r, depth);
                }
            }
            // MLB: a daily slate; only the games people follow get listed here
            let mut idx: Vec<usize> = (0..30).collect();
            for i in (1..idx.len()).rev() {
                let j = self.rng.below(i + 1);
                idx.swap(i, j);
            }
            for k in 0..7 {
                let (a, b) = (MLB[idx[2 * k]], MLB[idx[2 * k + 1]]);
                let start = day + if self.rng.chance(0.25) { 17 * HOUR } else { 23 * HOUR } + self.rng.int(0, 6) * 20 * MIN;
                let r = self.rng.range(12.0, 32.0);
                self.game("mlb", "mlb", a, b, start, 175 * MIN, 6.0, 0.8, 0.0, r, 700.0);
            }
            // tennis: clay season in Europe
            for k in 0..4 {
                let pool: &[&str] = if k % 2 == 0 { &TENNIS_M } else { &TENNIS_W };
                let i = self.rng.below(pool.len());
                let j = (i + 1 + self.rng.below(pool.len() - 1)) % pool.len();
                let start = day + 9 * HOUR + self.rng.int(0, 18) * 30 * MIN;
                let dur = self.rng.int(80, 190) * MIN;
                let (a, b) = (pool[i], pool[j]);
                let tag = if k % 2 == 0 { "atp" } else { "wta" };
                let r = self.rng.range(8.0, 28.0);
                self.game(tag, tag, (a, &slugify(a)), (b, &slugify(b)), start, dur, 6.0, 0.5, 0.0, r, 400.0);
            }
            // IPL cricket
            let ipl_n = if wd >= 5 { 2 } else { 1 };
            for k in 0..ipl_n {
                let i = self.rng.below(10);
                let j = (i + 1 + self.rng.below(9)) % 10;
                let start = day + if k == 0 && ipl_n == 2 { 10 * HOUR } else { 14 * HOUR };
                let r = self.rng.range(14.0, 32.0);
                self.game("ipl", "cricipl", (IPL[i], &abbr(IPL[i])), (IPL[j], &abbr(IPL[j])), start, 210 * MIN, 0.0, 0.0, 0.0, r, 800.0);
            }
            // esports around the clock
            for _ in 0..3 {
                let (pool, tag, pre): (&[&str], &'static str, &str) =
                    if self.rng.chance(0.6) { (&CS2, "cs2", "cs2") } else { (&LOL, "lol", "lol") };
                let i = self.rng.below(pool.len());
                let j = (i + 1 + self.rng.below(pool.len() - 1)) % pool.len();
                let start = day + self.rng.int(0, 47) * 30 * MIN;
                let dur = self.rng.int(70, 150) * MIN;
                let r = self.rng.range(8.0, 25.0);
                self.game(tag, pre, (pool[i], &slugify(pool[i])), (pool[j], &slugify(pool[j])), start, dur, 3.0, 0.6, 0.0, r, 300.0);
            }
            // UFC cards on Saturday nights (early Sunday UTC)
            if wd == 6 {
                let card_start = day + 2 * HOUR;
                for k in 0..5 {
                    let i = self.rng.below(UFC.len());
                    let j = (i + 1 + self.rng.below(UFC.len() - 1)) % UFC.len();
                    let start = card_start + k * 35 * MIN;
                    let dur = if k == 4 { 25 * MIN } else { 15 * MIN };
                    let rate = if k == 4 { 260.0 } else { 120.0 };
                    self.game(
                        "ufc",
                        "ufc",
                        (UFC[i], &slugify(UFC[i])),
                        (UFC[j], &slugify(UFC[j])),
                        start,
                        dur,
                        0.0,
                        0.0,
                        0.55,
                        rate,
                        2000.0,
                    );
                }
            }
            // soccer: weekend league rounds, midweek Champions League semis
            let matches: Vec<(&'static str, &str, &str, f64)> = if wd >= 5 {
                let mut v = Vec::new();
                for (league, teams) in SOCCER {
                    for _ in 0..2 {
                        let i = self.rng.below(teams.len());
                        let j = (i + 1 + self.rng.below(teams.len() - 1)) % teams.len();
                        v.push((league, teams[i], teams[j], self.rng.range(18.0, 50.0)));
                    }
                }
                v
            } else if (wd == 1 || wd == 2) && (at(2027, 4, 27, 0, 0)..at(2027, 5, 7, 0, 0)).contains(&day) {
                let k = if wd == 1 { 0 } else { 2 };
                vec![("ucl", UCL[k], UCL[k + 1], 110.0)]
            } else {
                Vec::new()
            };
            for (league, home, away, rate) in matches {
                let start = day + if league == "ucl" { 19 * HOUR } else { self.rng.int(23, 38) * 30 * MIN };
                self.soccer(league, home, away, start, rate);
            }
        }
        // the Kentucky Derby, a one-evening multi-outcome race
        let post = at(2027, 5, 1, 22, 57);
        let horses = [
            "Sovereign Reign",
            "Iron Lantern",
            "Dust Devil Dan",
            "Bourbon Street",
            "Captain Clover",
            "Midnight Ledger",
            "Tall Order",
            "Quiet Storm",
            "Gallant Fox II",
            "Rebel Bluegrass",
        ];
        let w: Vec<f64> = (0..horses.len()).map(|i| 1.0 / (1.0 + i as f64 * 0.6)).collect();
        let win = self.rng.weighted(&w);
        let open = post - 14 * DAY;
        let ev = self.event("Kentucky Derby Winner".into(), "kentucky-derby-winner-2027".into(), Cat::Sports, true, post, post + 3 * MIN);
        let paths = multi_paths(&mut self.rng, W0 - DAY, post + 5 * HOUR, 5 * MIN, &w, 0.15, 0.3, Some((post + 3 * MIN, win)));
        for (j, (path, jumps)) in paths.into_iter().enumerate() {
            let id = self.add(Spec {
                cat: Cat::Sports,
                tag: "derby",
                title: format!("Will {} win the 2027 Kentucky Derby?", horses[j]),
                slug: format!("will-{}-win-the-2027-kentucky-derby", slugify(horses[j])),
                outcomes: yes_no(),
                open,
                start: post,
                decided: post + 3 * MIN,
                close: post + 5 * HOUR,
                winner: u8::from(j != win),
                path,
                jumps,
                spread: 1,
                rate: 25.0,
                depth: 1500.0,
                pop: 0.4,
                event: Some(ev),
            });
            self.events[ev as usize].markets.push(id);
        }
    }

    fn soccer(&mut self, league: &'static str, home: &str, away: &str, start: i64, rate: f64) {
        let open = start - self.rng.int(30 * HOUR, 80 * HOUR);
        if start + 3 * HOUR < W0 || open > NOW {
            return;
        }
        let total = self.rng.range(2.3, 3.2);
        let share = self.rng.range(0.3, 0.7);
        let (mut lh, mut la) = (total * share, total * (1.0 - share));
        let step = MIN;
        let play = 115 * MIN;
        let decided = start + play;
        let close = decided + self.rng.int(40 * MIN, 120 * MIN);
        let n = steps(open, close, step);
        let (mut h, mut a) = (0u32, 0u32);
        let mut probs = soccer_probs(0, 0, lh, la);
        let mut paths: [Vec<f32>; 3] = [Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n)];
        let mut jumps: [Vec<(i64, f32)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut result = 1usize;
        for i in 0..n {
            let t = open + i as i64 * step;
            let prev = probs;
            if t < start {
                lh *= (0.004 * self.rng.normal()).exp();
                la *= (0.004 * self.rng.normal()).exp();
                if i % 15 == 0 {
                    probs = soccer_probs(0, 0, lh, la);
                }
            } else if t < decided {
                let f = step as f64 / play as f64;
                if self.rng.chance(lh * f) {
                    h += 1;
                }
                if self.rng.chance(la * f) {
                    a += 1;
                }
                let r = ((decided - t) as f64 / play as f64).clamp(0.0, 1.0);
                probs = soccer_probs(h, a, lh * r, la * r);
            } else {
                result = if h > a {
                    0
                } else if h == a {
                    1
                } else {
                    2
                };
                probs = [0.005; 3];
                probs[result] = 0.995;
            }
            for k in 0..3 {
                if i > 0 && (probs[k] - prev[k]).abs() >= 0.05 {
                    jumps[k].push((t, (probs[k] - prev[k]) as f32));
                }
                paths[k].push(cp(probs[k]));
            }
        }
        let date = ymd(start);
        let ev_slug = format!("{league}-{}-{}-{date}", abbr(home), abbr(away));
        let ev = self.event(format!("{home} vs. {away}"), ev_slug.clone(), Cat::Sports, true, start, decided);
        let titles = [
            format!("Will {home} win on {date}?"),
            format!("Will {home} vs. {away} end in a draw?"),
            format!("Will {away} win on {date}?"),
        ];
        let slugs = [format!("{ev_slug}-{}", abbr(home)), format!("{ev_slug}-draw"), format!("{ev_slug}-{}", abbr(away))];
        for k in 0..3 {
            let p = std::mem::take(&mut paths[k]);
            let id = self.add(Spec {
                cat: Cat::Sports,
                tag: league,
                title: titles[k].clone(),
                slug: slugs[k].clone(),
                outcomes: yes_no(),
                open,
                start,
                decided,
                close,
                winner: u8::from(k != result),
                path: Path { t0: open, step, p },
                jumps: std::mem::take(&mut jumps[k]),
                spread: if rate > 50.0 { 1 } else { 2 },
                rate: rate * if k == 1 { 0.6 } else { 1.0 },
                depth: rate * 25.0,
                pop: rate / 120.0,
                event: Some(ev),
            });
            self.events[ev as usize].markets.push(id);
        }
    }

    fn crypto(&mut self) {
        // spot prices every 10 s with a shared factor and a daily volatility rhythm
        let t0 = W0 - 3 * HOUR;
        let t1 = NOW + 3 * HOUR;
        let n = steps(t0, t1, SPOT_STEP);
        let vols = [0.48, 0.62, 0.85, 0.8];
        let year = 365.0 * DAY as f64;
        let mut spot: Vec<Vec<f64>> = (0..4).map(|_| Vec::with_capacity(n)).collect();
        let mut lv = [0.0f64; 4];
        let mut regime = 1.0;
        for i in 0..n {
            let t = t0 + i as i64 * SPOT_STEP;
            if i % 2160 == 0 {
                regime = self.rng.lognormal(1.0, 0.35);
            }
            let h = t.rem_euclid(DAY) / HOUR;
            let rhythm = if (13..21).contains(&h) {
                1.3
            } else if (2..8).contains(&h) {
                0.75
            } else {
                1.0
            };
            let common = self.rng.normal();
            let shock = if self.rng.chance(0.0004) { self.rng.normal() * 6.0 } else { 0.0 };
            for c in 0..4 {
                let sd = vols[c] * (SPOT_STEP as f64 / year).sqrt() * rhythm * regime;
                let e = 0.75 * common + 0.66 * self.rng.normal() + shock;
                lv[c] += sd * e;
                spot[c].push(lv[c]);
            }
        }
        let sidx = |t: i64| (((t - t0) / SPOT_STEP).max(0) as usize).min(n - 1);
        for (series, &(name, short, len, rate, depth, coin)) in SERIES.iter().enumerate() {
            let _ = series;
            let sd_step = vols[coin] * (SPOT_STEP as f64 / year).sqrt();
            let first = (W0 - len).div_euclid(len) * len + len;
            let mut s = first;
            while s < NOW + len {
                let e = s + len;
                let open = s - if len == 900 { 15 * MIN } else { HOUR };
                let base = spot[coin][sidx(s)];
                let np = steps(open, e, SPOT_STEP);
                let mut p = Vec::with_capacity(np);
                let mut jumps = Vec::new();
                let mut last = 0.5;
                let noise = 0.012;
                for i in 0..np {
                    let t = open + i as i64 * SPOT_STEP;
                    let q = if t < s {
                        0.5 + 0.02 * self.rng.normal()
                    } else {
                        let x = spot[coin][sidx(t)] - base;
                        let rem = ((e - t) / SPOT_STEP).max(1) as f64;
                        let fair = phi(x / (sd_step * rem.sqrt()));
                        (fair + noise * self.rng.normal() * (fair * (1.0 - fair) * 4.0)).clamp(0.005, 0.995)
                    };
                    if i > 0 && (q - last).abs() >= 0.06 {
                        jumps.push((t, (q - last) as f32));
                    }
                    last = q;
                    p.push(cp(q));
                }
                let winner = u8::from(spot[coin][sidx(e)] < base);
                let d = dt(et(s));
                let title = if len == 900 {
                    format!("{name} Up or Down - {}, {}-{} ET", month_day(et(s)), d.format("%-I:%M%p"), dt(et(e)).format("%-I:%M%p"))
                } else {
                    format!("{name} Up or Down - {}, {} ET", month_day(et(s)), d.format("%-I%p"))
                };
                let slug = if len == 900 {
                    format!("{short}-updown-15m-{s}")
                } else {
                    format!("{short}-up-or-down-{}-{}-et", month_day_slug(et(s)), d.format("%-I%p").to_string().to_lowercase())
                };
                let rate = rate * self.rng.range(0.75, 1.3);
                self.add(Spec {
                    cat: Cat::Crypto,
                    tag: short,
                    title,
                    slug,
                    outcomes: ["Up".to_string(), "Down".to_string()],
                    open,
                    start: s,
                    decided: e,
                    close: e,
                    winner,
                    path: Path { t0: open, step: SPOT_STEP, p },
                    jumps,
                    spread: 1,
                    rate,
                    depth,
                    pop: rate / 100.0,
                    event: None,
                });
                s = e;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn binary(
        &mut self,
        cat: Cat,
        tag: &'static str,
        title: &str,
        p0: f64,
        vol: f64,
        jumps: f64,
        decided: i64,
        spread: i32,
        rate: f64,
        depth: f64,
    ) {
        let open = W0 - self.rng.int(20, 200) * DAY;
        let t0 = W0 - DAY;
        let resolve = decided < NOW;
        let winner = u8::from(!self.rng.chance(p0));
        let close = if resolve { decided + self.rng.int(2, 30) * HOUR } else { FAR };
        let t1 = if resolve { close } else { NOW + HOUR };
        let (path, j) = belief_path(&mut self.rng, t0, t1, 5 * MIN, p0, vol, jumps, if resolve { Some((decided, winner)) } else { None });
        self.add(Spec {
            cat,
            tag,
            title: title.to_string(),
            slug: slugify(title),
            outcomes: yes_no(),
            open,
            start: open,
            decided,
            close,
            winner,
            path,
            jumps: j,
            spread,
            rate,
            depth,
            pop: rate / 5.0,
            event: None,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn multi(
        &mut self,
        cat: Cat,
        tag: &'static str,
        title: &str,
        q: &dyn Fn(&str) -> String,
        names: &[&str],
        w: &[f64],
        decided: i64,
        vol: f64,
        rate: f64,
        depth: f64,
    ) {
        let open = W0 - self.rng.int(20, 300) * DAY;
        let t0 = W0 - DAY;
        let resolve = decided < NOW;
        let win = self.rng.weighted(w);
        let close = if resolve { decided + self.rng.int(2, 20) * HOUR } else { FAR };
        let t1 = if resolve { close } else { NOW + HOUR };
        let paths = multi_paths(&mut self.rng, t0, t1, 5 * MIN, w, vol, 0.4, if resolve { Some((decided, win)) } else { None });
        let ev = self.event(title.to_string(), slugify(title), cat, true, open, decided);
        let tot: f64 = w.iter().sum();
        for (j, (path, jumps)) in paths.into_iter().enumerate() {
            let share = (w[j] / tot).sqrt();
            let spread = if share > 0.3 { 1 } else { self.rng.int(1, 3) as i32 };
            let id = self.add(Spec {
                cat,
                tag,
                title: q(names[j]),
                slug: slugify(&q(names[j])),
                outcomes: yes_no(),
                open,
                start: open,
                decided,
                close,
                winner: u8::from(j != win),
                path,
                jumps,
                spread,
                rate: rate * 0.7 * (0.15 + share),
                depth: depth * (0.1 + share),
                pop: (0.15 + share) * rate / 5.0,
                event: Some(ev),
            });
            self.events[ev as usize].markets.push(id);
        }
    }

    fn politics(&mut self) {
        let p = Cat::Politics;
        #[allow(clippy::type_complexity)]
        let binaries: [(&str, f64, f64, f64, i64, i32, f64, f64); 16] = [
            ("Russia x Ukraine ceasefire in 2027?", 0.31, 0.25, 0.25, FAR, 1, 6.0, 15000.0),
            ("Will Zelenskyy and Putin meet by June 30?", 0.12, 0.3, 0.2, FAR, 1, 2.5, 4000.0),
            ("US x Iran nuclear deal by June 30?", 0.18, 0.3, 0.2, FAR, 1, 2.0, 3000.0),
            ("Will Trump's approval rating be above 44% on May 31?", 0.38, 0.35, 0.3, FAR, 2, 1.2, 1200.0),
            ("US government shutdown by October 1?", 0.27, 0.2, 0.15, FAR, 1, 1.5, 2500.0),
            ("Will Keir Starmer be out as UK Prime Minister by June 30?", 0.16, 0.35, 0.25, FAR, 1, 2.0, 3000.0),
            ("Will Xi Jinping visit the US in 2027?", 0.34, 0.2, 0.1, FAR, 2, 0.8, 1000.0),
            ("Israel x Saudi Arabia normalization in 2027?", 0.14, 0.2, 0.1, FAR, 2, 0.6, 800.0),
            ("Will the Supreme Court rule on birthright citizenship by June 30?", 0.72, 0.2, 0.1, FAR, 2, 0.7, 900.0),
            ("Will Trump sign the reconciliation bill by April 30?", 0.35, 0.5, 0.4, at(2027, 4, 30, 23, 59), 1, 2.5, 3000.0),
            ("Will the Senate confirm the new Fed governor by May 15?", 0.6, 0.4, 0.3, at(2027, 5, 15, 3, 0), 2, 1.0, 1200.0),
            ("Will Elon Musk post about the Senate race in May?", 0.55, 0.3, 0.2, FAR, 3, 0.3, 300.0),
            ("Will the Canadian government fall by June 30?", 0.08, 0.3, 0.1, FAR, 2, 0.4, 600.0),
            ("Will a new EU tariff on US goods take effect by May 10?", 0.22, 0.5, 0.4, at(2027, 5, 10, 22, 0), 1, 1.8, 2000.0),
            ("Trump out as President before 2028?", 0.07, 0.15, 0.05, FAR, 1, 1.2, 8000.0),
            ("Will the Democrats win the Virginia governor special primary?", 0.62, 0.4, 0.3, at(2027, 5, 4, 1, 30), 2, 1.5, 1200.0),
        ];
        for (title, p0, vol, jumps, decided, spread, rate, depth) in binaries {
            self.binary(p, "politics", title, p0, vol, jumps, decided, spread, rate, depth);
        }
        self.multi(
            p,
            "elections",
            "French Presidential Election Winner",
            &|n| format!("Will {n} win the 2027 French presidential election?"),
            &["Jordan Bardella", "Édouard Philippe", "Jean-Luc Mélenchon", "Gabriel Attal", "Bruno Retailleau", "Raphaël Glucksmann"],
            &[0.52, 0.36, 0.05, 0.03, 0.02, 0.02],
            at(2027, 4, 25, 18, 0),
            0.35,
            9.0,
            20000.0,
        );
        self.multi(
            p,
            "elections",
            "Democratic Presidential Nominee 2028",
            &|n| format!("Will {n} win the 2028 Democratic presidential nomination?"),
            &[
                "Gavin Newsom",
                "Alexandria Ocasio-Cortez",
                "Josh Shapiro",
                "Pete Buttigieg",
                "Andy Beshear",
                "Wes Moore",
                "JB Pritzker",
                "Jon Ossoff",
                "Kamala Harris",
                "Gretchen Whitmer",
            ],
            &[0.32, 0.12, 0.1, 0.08, 0.06, 0.05, 0.05, 0.05, 0.04, 0.03],
            FAR,
            0.08,
            6.0,
            12000.0,
        );
        self.multi(
            p,
            "elections",
            "Republican Presidential Nominee 2028",
            &|n| format!("Will {n} win the 2028 Republican presidential nomination?"),
            &["JD Vance", "Marco Rubio", "Donald Trump Jr.", "Ron DeSantis", "Tucker Carlson", "Vivek Ramaswamy"],
            &[0.55, 0.16, 0.08, 0.05, 0.04, 0.03],
            FAR,
            0.07,
            4.5,
            12000.0,
        );
        self.multi(
            p,
            "elections",
            "Presidential Election Winner 2028",
            &|n| format!("Will {n} win the 2028 US Presidential Election?"),
            &["JD Vance", "Gavin Newsom", "Marco Rubio", "Alexandria Ocasio-Cortez", "Josh Shapiro", "Andy Beshear"],
            &[0.3, 0.19, 0.08, 0.06, 0.05, 0.03],
            FAR,
            0.06,
            5.0,
            20000.0,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn buckets(
        &mut self,
        cat: Cat,
        tag: &'static str,
        ev_title: &str,
        ev_slug: &str,
        labels: &[(String, String)],
        edges: &[(f64, f64)],
        truth: f64,
        sd0: f64,
        sd_end: f64,
        open: i64,
        decided: i64,
        close: i64,
        step: i64,
        rate: f64,
        depth: f64,
        spread: (i64, i64),
    ) {
        if close < W0 || open > NOW {
            return;
        }
        let t0 = open.max(W0 - DAY);
        let t1 = close.min(NOW + HOUR).max(t0 + step);
        let paths = bucket_paths(&mut self.rng, t0, decided, t1, step, edges, truth, sd0, sd_end);
        let ev = self.event(ev_title.to_string(), ev_slug.to_string(), cat, true, open, decided);
        for (j, (path, jumps)) in paths.into_iter().enumerate() {
            let win = truth >= edges[j].0 && truth < edges[j].1;
            let spread = self.rng.int(spread.0, spread.1) as i32;
            let rate = rate * self.rng.range(0.6, 1.4);
            let id = self.add(Spec {
                cat,
                tag,
                title: labels[j].0.clone(),
                slug: format!("{ev_slug}-{}", labels[j].1),
                outcomes: yes_no(),
                open,
                start: open,
                decided,
                close,
                winner: u8::from(!win),
                path,
                jumps,
                spread,
                rate,
                depth,
                pop: rate,
                event: Some(ev),
            });
            self.events[ev as usize].markets.push(id);
        }
    }

    fn econ(&mut self) {
        let e = Cat::Econ;
        let fed = ["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"];
        self.multi(
            e,
            "fed",
            "Fed decision in April?",
            &|n| format!("Fed {n} after April 2027 meeting?"),
            &fed,
            &[0.8, 0.17, 0.02, 0.01],
            at(2027, 4, 28, 18, 0),
            0.2,
            6.0,
            15000.0,
        );
        self.multi(
            e,
            "fed",
            "Fed decision in June?",
            &|n| format!("Fed {n} after June 2027 meeting?"),
            &fed,
            &[0.55, 0.38, 0.05, 0.02],
            FAR,
            0.25,
            3.0,
            8000.0,
        );
        let boe = ["No change", "25 bps decrease", "50+ bps decrease", "Increase"];
        self.multi(
            e,
            "boe",
            "Bank of England decision in May?",
            &|n| format!("Bank of England {n} in May 2027?"),
            &boe,
            &[0.4, 0.55, 0.03, 0.02],
            at(2027, 5, 6, 11, 0),
            0.3,
            1.2,
            2000.0,
        );
        self.binary(e, "macro", "US recession in 2027?", 0.21, 0.12, 0.15, FAR, 1, 1.5, 6000.0);
        self.binary(e, "macro", "Will the Fed cut rates 3+ times in 2027?", 0.28, 0.2, 0.2, FAR, 1, 0.8, 2000.0);
        // releases at 8:30 ET
        let nfp = at(2027, 5, 7, 12, 30);
        let edges = [(-1e9, 50.0), (50.0, 100.0), (100.0, 150.0), (150.0, 200.0), (200.0, 250.0), (250.0, 1e9)];
        let labels: Vec<(String, String)> = ["less than 50k", "50k-100k", "100k-150k", "150k-200k", "200k-250k", "more than 250k"]
            .iter()
            .map(|l| (format!("Will the US add {l} jobs in April?"), slugify(l)))
            .collect();
        let truth = self.rng.range(40.0, 240.0);
        self.buckets(
            e,
            "jobs",
            "How many jobs added in April?",
            "jobs-added-in-april-2027",
            &labels,
            &edges,
            truth,
            70.0,
            45.0,
            nfp - 12 * DAY,
            nfp,
            nfp + 6 * HOUR,
            5 * MIN,
            2.0,
            1500.0,
            (1, 2),
        );
        let edges: Vec<(f64, f64)> = (0..6).map(|k| (4.15 + 0.1 * k as f64, 4.25 + 0.1 * k as f64)).collect();
        let labels: Vec<(String, String)> = (0..6)
            .map(|k| {
                let v = format!("{:.1}%", 4.2 + 0.1 * k as f64);
                (format!("Will the unemployment rate be {v} in April?"), slugify(&v))
            })
            .collect();
        let truth = 4.2 + self.rng.int(0, 5) as f64 * 0.1;
        self.buckets(
            e,
            "jobs",
            "Unemployment in April?",
            "unemployment-in-april-2027",
            &labels,
            &edges,
            truth,
            0.15,
            0.09,
            nfp - 12 * DAY,
            nfp,
            nfp + 6 * HOUR,
            5 * MIN,
            1.2,
            900.0,
            (1, 3),
        );
        let cpi = at(2027, 5, 12, 12, 30);
        let edges: Vec<(f64, f64)> = (0..7).map(|k| (2.35 + 0.1 * k as f64, 2.45 + 0.1 * k as f64)).collect();
        let labels: Vec<(String, String)> = (0..7)
            .map(|k| {
                let v = format!("{:.1}%", 2.4 + 0.1 * k as f64);
                (format!("Will annual inflation be {v} in April?"), slugify(&v))
            })
            .collect();
        let truth = 2.4 + self.rng.int(1, 5) as f64 * 0.1;
        self.buckets(
            e,
            "cpi",
            "April inflation US annual?",
            "april-inflation-us-annual-2027",
            &labels,
            &edges,
            truth,
            0.18,
            0.09,
            cpi - 14 * DAY,
            cpi,
            cpi + 8 * HOUR,
            5 * MIN,
            2.5,
            2500.0,
            (1, 2),
        );
        let gdp = at(2027, 4, 29, 12, 30);
        let edges = [(-1e9, 0.0), (0.0, 1.0), (1.0, 2.0), (2.0, 3.0), (3.0, 1e9)];
        let labels: Vec<(String, String)> = ["less than 0%", "0-1%", "1-2%", "2-3%", "3% or more"]
            .iter()
            .map(|l| (format!("Will US GDP growth in Q1 2027 be {l}?"), slugify(l)))
            .collect();
        let truth = self.rng.range(-0.5, 3.2);
        self.buckets(
            e,
            "gdp",
            "US GDP growth in Q1 2027?",
            "us-gdp-growth-in-q1-2027",
            &labels,
            &edges,
            truth,
            1.1,
            0.6,
            gdp - 20 * DAY,
            gdp,
            gdp + 6 * HOUR,
            5 * MIN,
            1.5,
            1200.0,
            (1, 2),
        );
    }

    fn weather(&mut self) {
        // (short, long, slug, utc offset, fahrenheit, mean high, sd)
        let cities: [(&str, &str, &str, i64, bool, f64, f64); 5] = [
            ("NYC", "New York City", "nyc", -4, true, 68.0, 7.0),
            ("Chicago", "Chicago", "chicago", -5, true, 65.0, 9.0),
            ("Miami", "Miami", "miami", -4, true, 86.0, 3.0),
            ("London", "London", "london", 1, false, 17.0, 3.5),
            ("Seoul", "Seoul", "seoul", 9, false, 23.0, 3.5),
        ];
        for d in self.days() {
            for &(short, long, slug, tz, fahr, mean, sd) in &cities {
                let midnight = d * DAY - tz * HOUR;
                let decided = midnight + 17 * HOUR;
                let open = midnight - 2 * DAY;
                let close = midnight + DAY + 12 * HOUR;
                let drift = (midnight - W0) as f64 / DAY as f64 * if fahr { 0.2 } else { 0.1 };
                let truth = (mean + drift + sd * self.rng.normal()).round();
                let (w, sd0) = if fahr { (2.0, 3.5) } else { (1.0, 2.0) };
                let center = (truth + sd0 * self.rng.normal()).round();
                let k = 7;
                let lo0 = center - w * 3.0;
                let unit = if fahr { "°F" } else { "°C" };
                let u = if fahr { "f" } else { "c" };
                let date = month_day(midnight + 12 * HOUR);
                let mut edges = Vec::new();
                let mut labels = Vec::new();
                for j in 0..k {
                    let a = lo0 + w * j as f64;
                    let b = a + w - 1.0;
                    let (e, l, s) = if j == 0 {
                        ((-1e9, a + w - 0.5), format!("{b}{unit} or below"), format!("{b}{u}orbelow"))
                    } else if j == k - 1 {
                        ((a - 0.5, 1e9), format!("{a}{unit} or higher"), format!("{a}{u}orhigher"))
                    } else if w > 1.0 {
                        ((a - 0.5, b + 0.5), format!("between {a}-{b}{unit}"), format!("{a}-{b}{u}"))
                    } else {
                        ((a - 0.5, a + 0.5), format!("{a}{unit}"), format!("{a}{u}"))
                    };
                    edges.push(e);
                    labels.push((format!("Will the highest temperature in {long} be {l} on {date}?"), s));
                }
                let ev_title = format!("Highest temperature in {short} on {date}?");
                let ev_slug = format!("highest-temperature-in-{slug}-on-{}-2027", month_day_slug(midnight + 12 * HOUR));
                let rate = if short == "NYC" || short == "London" { 0.4 } else { 0.2 };
                self.buckets(
                    Cat::Weather,
                    "weather",
                    &ev_title,
                    &ev_slug,
                    &labels,
                    &edges,
                    truth,
                    sd0 * 1.2,
                    0.3,
                    open,
                    decided,
                    close,
                    10 * MIN,
                    rate,
                    150.0,
                    (1, 4),
                );
            }
        }
    }

    fn culture(&mut self) {
        let c = Cat::Culture;
        // mention markets: words said (or not) during a scheduled appearance
        let talks: [(&str, &str, i64, i64, &[&str]); 9] = [
            (
                "Elon Musk",
                "the Tesla Q1 earnings call",
                at(2027, 4, 21, 21, 30),
                60,
                &["Robotaxi", "Optimus", "Tariff", "xAI", "Cybercab", "Dojo", "Bitcoin"],
            ),
            (
                "Trump",
                "his press conference on April 24",
                at(2027, 4, 24, 19, 0),
                50,
                &["Tariff", "China", "Biden", "Fake News", "Crypto", "Iran", "Greatest"],
            ),
            (
                "Jerome Powell",
                "his April press conference",
                at(2027, 4, 28, 18, 30),
                55,
                &["Recession", "Tariff", "Uncertainty", "Stagflation", "AI", "Soft landing"],
            ),
            (
                "Tim Cook",
                "Apple's Q2 earnings call",
                at(2027, 4, 29, 21, 0),
                60,
                &["Apple Intelligence", "Tariff", "China", "Vision Pro", "Siri", "Foldable"],
            ),
            (
                "Karoline Leavitt",
                "the White House press briefing on May 5",
                at(2027, 5, 5, 17, 0),
                40,
                &["Biden", "Border", "Fake News", "Tariff", "Ukraine", "Epstein"],
            ),
            (
                "Trump",
                "his rally on May 9",
                at(2027, 5, 9, 23, 0),
                85,
                &["Sleepy Joe", "Crypto", "Tariff", "Third term", "Windmill", "Shark", "Newsom"],
            ),
            ("Trump", "his address on May 13", at(2027, 5, 13, 1, 0), 30, &["Iran", "China", "Peace", "Nuclear", "Tariff", "Oil"]),
            (
                "Jensen Huang",
                "his Computex keynote",
                at(2027, 5, 18, 3, 0),
                90,
                &["Rubin", "Blackwell", "Sovereign AI", "Robotics", "Taiwan", "Quantum", "Feynman"],
            ),
            ("Trump", "his commencement speech on May 22", at(2027, 5, 22, 15, 0), 40, &["Harvard", "Woke", "Tariff", "Greatest", "Biden"]),
        ];
        for (who, occasion, start, mins, words) in talks {
            let end = start + mins * MIN;
            let open = start - self.rng.int(2, 5) * DAY;
            if end + 3 * HOUR < W0 || open > NOW {
                continue;
            }
            let ev_title = format!("What will {who} say during {occasion}?");
            let ev_slug = slugify(&ev_title);
            let close = end + self.rng.int(1, 4) * HOUR;
            let ev = self.event(ev_title, ev_slug.clone(), c, false, start, end);
            for w in words {
                let p0 = self.rng.range(0.12, 0.9);
                let said = self.rng.chance(p0);
                let when = start + (self.rng.range(0.02, 0.98) * (end - start) as f64) as i64;
                let decided = if said { when } else { end };
                let step = MIN;
                let t0 = open.max(W0 - DAY);
                let n = steps(t0, close, step);
                let mut x = logit(p0);
                let mut p = Vec::with_capacity(n);
                let mut jumps = Vec::new();
                let mut last = p0;
                for i in 0..n {
                    let t = t0 + i as i64 * step;
                    let q = if t < start {
                        x += 0.006 * self.rng.normal();
                        sigm(x)
                    } else if t < decided {
                        let rem = (end - t) as f64 / (end - start) as f64;
                        x += 0.03 * self.rng.normal();
                        sigm(x) * rem.powf(1.3) / (sigm(x) * rem.powf(1.3) + (1.0 - sigm(x)))
                    } else if said {
                        0.995
                    } else {
                        0.005
                    };
                    if i > 0 && (q - last).abs() >= 0.05 {
                        jumps.push((t, (q - last) as f32));
                    }
                    last = q;
                    p.push(cp(q));
                }
                let title = format!("Will {who} say \"{w}\" during {occasion}?");
                let spread = self.rng.int(1, 4) as i32;
                let rate = self.rng.range(1.0, 4.0);
                let id = self.add(Spec {
                    cat: c,
                    tag: "mentions",
                    title,
                    slug: format!("{ev_slug}-{}", slugify(w)),
                    outcomes: yes_no(),
                    open,
                    start,
                    decided,
                    close,
                    winner: u8::from(!said),
                    path: Path { t0, step, p },
                    jumps,
                    spread,
                    rate,
                    depth: 300.0,
                    pop: 0.5,
                    event: Some(ev),
                });
                self.events[ev as usize].markets.push(id);
            }
        }
        // weekly post counts
        let mut ws = at(2027, 4, 9, 16, 0);
        while ws < NOW + 3 * DAY {
            let we = ws + 7 * DAY;
            let edges: Vec<(f64, f64)> = (0..9)
                .map(|k| {
                    if k == 0 {
                        (-1e9, 240.0)
                    } else if k == 8 {
                        (520.0, 1e9)
                    } else {
                        (200.0 + 40.0 * k as f64, 240.0 + 40.0 * k as f64)
                    }
                })
                .collect();
            let labels: Vec<(String, String)> = (0..9)
                .map(|k| {
                    let l = if k == 0 {
                        "less than 240".to_string()
                    } else if k == 8 {
                        "520 or more".to_string()
                    } else {
                        format!("{}-{}", 200 + 40 * k, 239 + 40 * k)
                    };
                    (format!("Will Elon Musk post {l} tweets from {} to {}?", month_day(ws), month_day(we)), slugify(&l))
                })
                .collect();
            let truth = self.rng.range(230.0, 520.0);
            let title = format!("Elon Musk # tweets {} - {}, 2027?", month_day(ws), month_day(we));
            let slug = slugify(&title);
            self.buckets(
                c,
                "musk",
                &title,
                &slug,
                &labels,
                &edges,
                truth,
                80.0,
                4.0,
                ws - 2 * DAY,
                we,
                we + 3 * HOUR,
                10 * MIN,
                1.0,
                600.0,
                (1, 3),
            );
            ws = we;
        }
        let final_night = at(2027, 5, 15, 22, 50);
        self.multi(
            c,
            "eurovision",
            "Eurovision Winner 2027",
            &|n| format!("Will {n} win Eurovision 2027?"),
            &["Sweden", "Finland", "Ukraine", "France", "Israel", "Italy", "Netherlands", "Norway", "Austria", "United Kingdom"],
            &[0.24, 0.16, 0.12, 0.1, 0.1, 0.08, 0.06, 0.05, 0.05, 0.04],
            final_night,
            0.2,
            5.0,
            3000.0,
        );
        self.multi(
            c,
            "ai",
            "Which company has best AI model end of May?",
            &|n| format!("Will {n} have the best AI model at the end of May 2027?"),
            &["Google", "OpenAI", "Anthropic", "xAI", "DeepSeek", "Meta"],
            &[0.5, 0.25, 0.14, 0.06, 0.03, 0.02],
            FAR,
            0.15,
            3.0,
            4000.0,
        );
        let culture_bin: [(&str, f64, f64, i64, i32, f64); 6] = [
            ("Will GTA VI be delayed again before June?", 0.12, 0.25, FAR, 2, 1.0),
            ("Will Taylor Swift announce a new album by May 31?", 0.2, 0.3, FAR, 2, 0.8),
            ("Will MrBeast's next video reach 100M views in 7 days?", 0.45, 0.3, FAR, 3, 0.5),
            ("Will 'Shrek 5' gross over $150M opening weekend?", 0.4, 0.2, FAR, 3, 0.4),
            ("Will Drake release a new album in May?", 0.18, 0.3, FAR, 3, 0.4),
            ("Will OpenAI release GPT-6 by June 30?", 0.22, 0.35, FAR, 1, 1.5),
        ];
        for (title, p0, vol, decided, spread, rate) in culture_bin {
            self.binary(c, "pop", title, p0, vol, 0.2, decided, spread, rate, 600.0);
        }
    }
}
