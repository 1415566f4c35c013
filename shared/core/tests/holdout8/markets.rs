//! The market universe: sports games with in-play scoring, long-dated politics / culture / economics
//! markets, daily weather buckets, tweet-count and mention markets, and crypto up/down markets
//! created on demand from one shared price path per coin.

use super::names::*;
use super::rng::{Rng, logit, mix, phi, sigmoid};
use super::{NOW, W0};
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::collections::HashMap;

pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
/// Clocks moved to daylight time on Sunday 14 March 2027 at 07:00 UTC.
const DST_2027: i64 = 1_805_007_600;
const X_DONE: f32 = 4.6;
/// Super Bowl LXI kick-off, Sunday 14 February 2027.
pub const SB_KICK: i64 = 1_802_647_800;
/// The 99th Academy Awards broadcast starts (01:00 UTC, 15 March 2027).
pub const OSCARS: i64 = 1_805_072_400;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Cat {
    Nba,
    Nhl,
    Ncaab,
    Soccer,
    Tennis,
    Esports,
    Ufc,
    Nfl,
    F1,
    Politics,
    Econ,
    Culture,
    Oscars,
    CryptoPrice,
    UpDown,
    Weather,
    Mentions,
    Tweets,
}

impl Cat {
    pub fn sport(self) -> bool {
        matches!(self, Cat::Nba | Cat::Nhl | Cat::Ncaab | Cat::Soccer | Cat::Tennis | Cat::Esports | Cat::Ufc | Cat::Nfl)
    }
}

pub enum Path {
    Knots { ts: Vec<i64>, xs: Vec<f32> },
    UpDown { asset: u8, start: i64, end: i64 },
}

pub struct Market {
    pub cid: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub cat: Cat,
    /// The headline market of its game or event (moneyline, not a spread or prop).
    pub main: bool,
    pub group: u32,
    pub open: i64,
    /// When the decisive period starts (kick-off, interval start, the release hour).
    pub live: i64,
    /// When the outcome is known.
    pub decided: i64,
    /// When trading stops.
    pub close: i64,
    pub winner: u8,
    /// Quoted spread in cents.
    pub spread: u8,
    /// Crowd interest.
    pub weight: f64,
    pub path: Path,
    /// Moments the price jumps: scores, news, releases.
    pub events: Vec<i64>,
    /// Interval length of an up/down market, 0 otherwise.
    pub period: i64,
    pub asset: u8,
}

/// One log-price path per coin, every ten seconds.
pub struct Assets {
    t0: i64,
    step: i64,
    s: Vec<Vec<f32>>,
    sig: [f64; 4],
}

pub const COINS: [(&str, &str, &str); 4] =
    [("Bitcoin", "btc", "bitcoin"), ("Ethereum", "eth", "ethereum"), ("Solana", "sol", "solana"), ("XRP", "xrp", "xrp")];

impl Assets {
    fn new(r: &Rng) -> Self {
        let t0 = W0 - 2 * DAY;
        let step = 10;
        let n = ((NOW + 2 * DAY - t0) / step) as usize + 2;
        let annual = [0.5, 0.68, 0.85, 0.9];
        let mut sig = [0.0; 4];
        let mut s = Vec::new();
        for (a, vol) in annual.iter().enumerate() {
            sig[a] = vol / ((365.0 * DAY as f64) / step as f64).sqrt();
            let mut v = Vec::with_capacity(n);
            let mut x = 0.0f64;
            let mut regime = 1.0;
            for i in 0..n {
                if i % 360 == 0 {
                    regime = r.lognormal(1.0, 0.35);
                }
                x += sig[a] * regime * (r.f() * 2.0 - 1.0) * 1.732;
                v.push(x as f32);
            }
            s.push(v);
        }
        Assets { t0, step, s, sig }
    }

    pub fn at(&self, a: u8, t: i64) -> f64 {
        let v = &self.s[a as usize];
        let i = ((t - self.t0) / self.step).clamp(0, v.len() as i64 - 2) as usize;
        let frac = ((t - self.t0) - i as i64 * self.step) as f64 / self.step as f64;
        v[i] as f64 + (v[i + 1] as f64 - v[i] as f64) * frac.clamp(0.0, 1.0)
    }

    /// Probability the coin ends the interval at or above where it started.
    pub fn p_up(&self, a: u8, start: i64, end: i64, t: i64) -> f64 {
        if t < start {
            return 0.5;
        }
        let s0 = self.at(a, start);
        if t >= end {
            return if self.at(a, end) >= s0 { 0.995 } else { 0.005 };
        }
        let rem = (end - t) as f64 / self.step as f64;
        let sd = self.sig[a as usize] * rem.sqrt() * 1.1;
        phi((self.at(a, t) - s0) / sd.max(1e-9)).clamp(0.005, 0.995)
    }
}

pub struct Markets {
    pub list: Vec<Market>,
    /// Sport markets sorted by start time.
    pub games: Vec<u32>,
    /// Everything that is neither a game nor an up/down market.
    pub long: Vec<u32>,
    pub groups: HashMap<u32, Vec<u32>>,
    /// (city index, UTC day number) -> the day's temperature buckets, coldest first.
    pub weather_ix: HashMap<(usize, i64), Vec<u32>>,
    updown_ix: HashMap<(u8, i64, i64), u32>,
    pub assets: Assets,
    ids: u64,
    next_group: u32,
}

fn hex(out: &mut String, mut words: impl FnMut() -> u64, nibbles: usize) {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut left = nibbles;
    while left > 0 {
        let w = words();
        for k in 0..16.min(left) {
            out.push(H[((w >> (60 - 4 * k)) & 15) as usize] as char);
        }
        left = left.saturating_sub(16);
    }
}

/// `0x` + `nibbles` hex digits derived from a seed.
pub fn hex_id(seed: u64, nibbles: usize) -> String {
    let mut s = String::with_capacity(nibbles + 2);
    s.push_str("0x");
    let mut k = 0u64;
    hex(
        &mut s,
        || {
            k += 1;
            mix(seed ^ k.wrapping_mul(0xA24B_AED4_963E_E407))
        },
        nibbles,
    );
    s
}

fn token_id(seed: u64) -> String {
    let mut s = String::with_capacity(78);
    let mut k = 0u64;
    while s.len() < 77 {
        k += 1;
        let w = mix(seed ^ k.wrapping_mul(0x9FB2_1C65_1E98_DF25)) % 10_000_000_000_000_000_000;
        let chunk = format!("{w:019}");
        s.push_str(&chunk);
    }
    s.truncate(77);
    if s.starts_with('0') {
        s.replace_range(0..1, "7");
    }
    s
}

pub fn utc(t: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(t, 0).unwrap_or_default()
}

pub fn et_offset(t: i64) -> i64 {
    if t >= DST_2027 { -4 } else { -5 }
}

fn month_day(t: i64) -> (String, u32) {
    let d = utc(t);
    (d.format("%B").to_string(), d.day())
}

fn date_slug(t: i64) -> String {
    utc(t).format("%Y-%m-%d").to_string()
}

fn clock12(t: i64, minutes: bool) -> String {
    let d = utc(t);
    let (h, m) = (d.hour(), d.minute());
    let (h12, ampm) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    if minutes { format!("{h12}:{m:02}{ampm}") } else { format!("{h12}{ampm}") }
}

/// Interpolated value of a knot path at `t`.
fn interp(ts: &[i64], xs: &[f32], t: i64) -> f64 {
    let i = ts.partition_point(|&k| k <= t);
    if i == 0 {
        return xs[0] as f64;
    }
    if i >= ts.len() {
        return xs[xs.len() - 1] as f64;
    }
    let (t0, t1) = (ts[i - 1], ts[i]);
    let (x0, x1) = (xs[i - 1] as f64, xs[i] as f64);
    x0 + (x1 - x0) * (t - t0) as f64 / (t1 - t0).max(1) as f64
}

#[derive(Clone, Copy)]
enum Line {
    Win2,
    Home3,
    Draw3,
    Away3,
    Spread(f64),
    Total(f64),
}

struct Sim {
    start: i64,
    end: i64,
    /// (time, home points, away points)
    ev: Vec<(i64, i32, i32)>,
    mu: f64,
    sig: f64,
    tot_mean: f64,
    tot_sig: f64,
}

impl Sim {
    fn score_at(&self, t: i64) -> (f64, f64) {
        let mut d = 0;
        let mut tot = 0;
        for &(te, h, a) in &self.ev {
            if te > t {
                break;
            }
            d += h - a;
            tot += h + a;
        }
        (d as f64, tot as f64)
    }

    /// Probability of the line's first outcome at `t` (home perspective).
    fn p(&self, line: Line, t: i64) -> f64 {
        let (d, tot) = if t < self.start { (0.0, 0.0) } else { self.score_at(t) };
        self.p_with(line, t, d, tot)
    }

    /// Knot times from `from` every 30 s to the end, plus both edges of every score, each with
    /// the score at that moment.
    fn live_knots(&self, from: i64) -> Vec<(i64, f64, f64)> {
        let mut ts: Vec<i64> = (0..).map(|k| from + 30 * k).take_while(|&tk| tk < self.end).collect();
        for &(te, _, _) in &self.ev {
            ts.push(te - 1);
            ts.push(te + 3);
        }
        ts.sort_unstable();
        ts.dedup();
        let mut out = Vec::with_capacity(ts.len());
        let (mut d, mut tot, mut i) = (0, 0, 0);
        for tk in ts {
            if tk < from || tk >= self.end {
                continue;
            }
            while i < self.ev.len() && self.ev[i].0 <= tk {
                d += self.ev[i].1 - self.ev[i].2;
                tot += self.ev[i].1 + self.ev[i].2;
                i += 1;
            }
            out.push((tk, d as f64, tot as f64));
        }
        out
    }

    fn p_with(&self, line: Line, t: i64, d: f64, tot: f64) -> f64 {
        let r = ((self.end - t) as f64 / (self.end - self.start) as f64).clamp(0.0, 1.0);
        let sr = r.sqrt();
        let p = match line {
            Line::Win2 => phi((d + self.mu * r) / (self.sig * sr + 0.3)),
            Line::Home3 => phi((d + self.mu * r - 0.5) / (self.sig * sr + 0.2)),
            Line::Away3 => phi((-d - self.mu * r - 0.5) / (self.sig * sr + 0.2)),
            Line::Draw3 => {
                let h = phi((d + self.mu * r - 0.5) / (self.sig * sr + 0.2));
                let a = phi((-d - self.mu * r - 0.5) / (self.sig * sr + 0.2));
                1.0 - h - a
            }
            Line::Spread(l) => phi((d + self.mu * r - l) / (self.sig * sr + 0.3)),
            Line::Total(l) => phi((tot + self.tot_mean * r - l) / (self.tot_sig * sr + 0.3)),
        };
        p.clamp(0.006, 0.994)
    }

    fn final_wins(&self, line: Line) -> bool {
        let (d, tot) = self.score_at(i64::MAX);
        match line {
            Line::Win2 | Line::Home3 => d > 0.0,
            Line::Away3 => d < 0.0,
            Line::Draw3 => d == 0.0,
            Line::Spread(l) => d > l,
            Line::Total(l) => tot > l,
        }
    }
}

struct GameMarket {
    title: String,
    slug: String,
    outcomes: [String; 2],
    line: Line,
    /// The first outcome is the away side: the path is 1 - p.
    flip: bool,
    main: bool,
    weight: f64,
}

/// (title, outcomes, decided at, opening price, revealed at once, winner, crowd weight)
type Prop = (String, [&'static str; 2], i64, f64, bool, Option<u8>, f64);
/// (coin, (price level, opening price) list, open, decided)
type LevelSet = (&'static str, &'static [(i64, f64)], i64, i64);

pub struct LongSpec {
    pub cat: Cat,
    pub title: String,
    pub slug: String,
    pub outcomes: [&'static str; 2],
    pub open: i64,
    pub live: i64,
    pub decided: i64,
    pub close: i64,
    pub p0: f64,
    /// Logit volatility per square-root day.
    pub vol: f64,
    /// Logit volatility per square-root day during the live period.
    pub live_vol: f64,
    pub news: u32,
    /// The outcome is revealed at once (a release, an announcement) rather than drifted into.
    pub jump: bool,
    pub winner: Option<u8>,
    pub weight: f64,
    pub spread: u8,
    pub group: u32,
    pub main: bool,
}

impl Markets {
    pub fn new(seed: u64) -> Self {
        let r = Rng::new(seed);
        let assets = Assets::new(&r.fork());
        let mut m = Markets {
            list: Vec::new(),
            games: Vec::new(),
            long: Vec::new(),
            groups: HashMap::new(),
            weather_ix: HashMap::new(),
            updown_ix: HashMap::new(),
            assets,
            ids: seed.wrapping_mul(0x2545_F491_4F6C_DD1D),
            next_group: 1,
        };
        m.sports(&r.fork());
        m.super_bowl(&r.fork());
        m.politics(&r.fork());
        m.economy(&r.fork());
        m.culture(&r.fork());
        m.crypto_prices(&r.fork());
        m.weather(&r.fork());
        m.tweets(&r.fork());
        m.mentions(&r.fork());
        let list = &m.list;
        m.games.sort_by_key(|&i| (list[i as usize].live, i));
        m
    }

    fn group(&mut self) -> u32 {
        self.next_group += 1;
        self.next_group
    }

    fn ids(&mut self) -> (String, [String; 2]) {
        self.ids = self.ids.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let s = mix(self.ids);
        (hex_id(s, 64), [token_id(s ^ 0x1111), token_id(s ^ 0x2222)])
    }

    fn push(&mut self, mut mk: Market) -> u32 {
        let i = self.list.len() as u32;
        let (cid, tokens) = self.ids();
        mk.cid = cid;
        mk.tokens = tokens;
        self.groups.entry(mk.group).or_default().push(i);
        if mk.cat.sport() {
            self.games.push(i);
        } else if mk.cat != Cat::UpDown {
            self.long.push(i);
        }
        self.list.push(mk);
        i
    }

    pub fn get(&self, m: u32) -> &Market {
        &self.list[m as usize]
    }

    pub fn tradable(&self, m: u32, t: i64) -> bool {
        let mk = &self.list[m as usize];
        t >= mk.open && t < mk.close && t > W0 && t < NOW
    }

    /// Midpoint of outcome `o` at `t`.
    pub fn mid(&self, m: u32, o: u8, t: i64) -> f64 {
        let mk = &self.list[m as usize];
        let p0 = match &mk.path {
            Path::Knots { ts, xs } => sigmoid(interp(ts, xs, t)),
            Path::UpDown { asset, start, end } => self.assets.p_up(*asset, *start, *end, t),
        };
        if o == 0 { p0 } else { 1.0 - p0 }
    }

    /// The price in cents a trade gets: buyers that take and sellers that make trade at the ask.
    pub fn cents(&self, m: u32, o: u8, t: i64, buy: bool, taker: bool) -> u8 {
        let mk = &self.list[m as usize];
        let p = self.mid(m, o, t);
        let hs = mk.spread as f64 / 200.0;
        let c = if buy == taker { ((p + hs) * 100.0 - 1e-9).ceil() } else { ((p - hs) * 100.0 + 1e-9).floor() };
        c.clamp(1.0, 99.0) as u8
    }

    /// Games (all sport markets) starting in (from, to].
    pub fn starting(&self, from: i64, to: i64) -> &[u32] {
        let a = self.games.partition_point(|&i| self.list[i as usize].live <= from);
        let b = self.games.partition_point(|&i| self.list[i as usize].live <= to);
        &self.games[a..b]
    }

    /// Sport markets in play at `t`.
    pub fn in_play(&self, t: i64) -> Vec<u32> {
        self.starting(t - 5 * HOUR, t).iter().copied().filter(|&i| self.list[i as usize].decided > t).collect()
    }

    /// The up/down market of `asset` whose interval of `period` seconds contains `t`.
    pub fn updown(&mut self, asset: u8, period: i64, t: i64) -> u32 {
        let start = if period == DAY { (t - 17 * HOUR).div_euclid(DAY) * DAY + 17 * HOUR } else { t.div_euclid(period) * period };
        if let Some(&i) = self.updown_ix.get(&(asset, period, start)) {
            return i;
        }
        let (name, tick, long) = COINS[asset as usize];
        let et = start + et_offset(start) * HOUR;
        let et_end = start + period + et_offset(start) * HOUR;
        let (month, day) = month_day(et);
        let (title, slug) = match period {
            DAY => (format!("{name} Up or Down on {month} {day}?"), format!("{long}-up-or-down-on-{}-{day}", month.to_lowercase())),
            HOUR => (
                format!("{name} Up or Down - {month} {day}, {} ET", clock12(et, false)),
                format!("{long}-up-or-down-{}-{day}-{}-et", month.to_lowercase(), clock12(et, false).to_lowercase()),
            ),
            _ => (
                format!("{name} Up or Down - {month} {day}, {}-{} ET", clock12(et, true), clock12(et_end, true)),
                format!("{tick}-updown-{}m-{start}", period / 60),
            ),
        };
        let end = start + period;
        let winner = if self.assets.at(asset, end) >= self.assets.at(asset, start) { 0 } else { 1 };
        let weight = match period {
            300 => 0.35,
            900 => 0.8,
            HOUR => 1.6,
            _ => 4.0,
        } * [1.0, 0.55, 0.4, 0.3][asset as usize];
        let group = self.group();
        let i = self.push(Market {
            cid: String::new(),
            tokens: [String::new(), String::new()],
            outcomes: ["Up".into(), "Down".into()],
            title,
            slug,
            cat: Cat::UpDown,
            main: true,
            group,
            open: start - DAY,
            live: start,
            decided: end,
            close: end,
            winner,
            spread: 1,
            weight,
            path: Path::UpDown { asset, start, end },
            events: Vec::new(),
            period,
            asset,
        });
        self.updown_ix.insert((asset, period, start), i);
        i
    }

    // ---------------------------------------------------------------- sports

    fn sports(&mut self, r: &Rng) {
        let d0 = W0.div_euclid(DAY) - 3;
        let d1 = NOW.div_euclid(DAY) + 2;
        for d in d0..=d1 {
            let day = d * DAY;
            // 1 January 2027 was a Friday.
            let wd = (d - 20_819).rem_euclid(7); // 0 = Friday
            let weekend = wd == 1 || wd == 2;
            // NBA: no games over the All-Star break.
            let allstar = (1_802_390_400..1_802_822_400).contains(&day);
            if !allstar {
                let n = r.poisson(if weekend { 8.0 } else { 6.5 }).clamp(2, 13) as usize;
                let mut teams: Vec<usize> = (0..30).collect();
                r.shuffle(&mut teams);
                for g in 0..n {
                    let start = if weekend && g < 2 {
                        day + r.pick(&[17, 18, 20]) * HOUR + r.pick(&[0, 1800])
                    } else {
                        day + DAY + r.pick(&[0, 0, 1800, 1800, 3600, 5400, 7200, 9000, 10800])
                    };
                    let (h, a) = (NBA[teams[2 * g]], NBA[teams[2 * g + 1]]);
                    self.game(r, Cat::Nba, "nba", (h.0, h.1), (a.0, a.1), start);
                }
            }
            let n = r.poisson(if weekend { 7.0 } else { 5.0 }).clamp(1, 14) as usize;
            let mut teams: Vec<usize> = (0..32).collect();
            r.shuffle(&mut teams);
            for g in 0..n {
                let start = if weekend && g < 2 {
                    day + r.pick(&[17, 18, 20]) * HOUR
                } else {
                    day + DAY + r.pick(&[0, 1800, 3600, 5400, 7200, 9000])
                };
                let (h, a) = (NHL[teams[2 * g]], NHL[teams[2 * g + 1]]);
                self.game(r, Cat::Nhl, "nhl", (h.0, h.1), (a.0, a.1), start);
            }
            let conf_tourney = day >= 1_804_550_400;
            let n = r
                .poisson(if conf_tourney {
                    12.0
                } else if weekend {
                    9.0
                } else {
                    5.0
                })
                .clamp(1, 20) as usize;
            let mut teams: Vec<usize> = (0..NCAAB.len()).collect();
            r.shuffle(&mut teams);
            for g in 0..n {
                let start = day + 16 * HOUR + r.int(0, 22) * 1800;
                let (h, a) = (NCAAB[teams[2 * g]], NCAAB[teams[2 * g + 1]]);
                self.game(r, Cat::Ncaab, "cbb", (h, &slugify(h)), (a, &slugify(a)), start);
            }
            // Soccer: league weekends, Champions League midweek.
            for (li, (league, clubs)) in SOCCER.iter().enumerate() {
                let n = if li == 4 {
                    let ucl_days = [1_802_736_000, 1_802_822_400, 1_803_340_800, 1_803_427_200, 1_804_550_400, 1_804_636_800];
                    if ucl_days.contains(&day) { 4 } else { 0 }
                } else if weekend {
                    r.int(3, (clubs.len() / 2) as i64 - 2) as usize
                } else if wd == 0 || wd == 3 {
                    r.int(0, 1) as usize
                } else {
                    0
                };
                let mut c: Vec<usize> = (0..clubs.len()).collect();
                r.shuffle(&mut c);
                for g in 0..n {
                    let start = if li == 4 {
                        day + if g == 0 { 17 * HOUR + 2700 } else { 20 * HOUR }
                    } else if weekend {
                        day + r.pick(&[11 * HOUR + 1800, 12 * HOUR + 1800, 14 * HOUR, 15 * HOUR, 17 * HOUR + 1800, 19 * HOUR + 2700])
                    } else {
                        day + 19 * HOUR + 2700
                    };
                    let (h, a) = (clubs[c[2 * g]], clubs[c[2 * g + 1]]);
                    let (hs, as_) = (slugify(h).replace('-', ""), slugify(a).replace('-', ""));
                    self.game(r, Cat::Soccer, league, (h, &hs[..3]), (a, &as_[..3]), start);
                }
            }
            // Tennis: Doha / Dubai in late February, Indian Wells in March.
            let iw = (1_804_118_400..1_805_241_600).contains(&day);
            let n = if iw { r.int(8, 16) } else { r.int(3, 7) } as usize;
            let mut p: Vec<usize> = (0..TENNIS.len()).collect();
            r.shuffle(&mut p);
            for g in 0..n.min(20) {
                let start = if iw { day + 18 * HOUR + r.int(0, 20) * 1800 } else { day + 9 * HOUR + r.int(0, 18) * 1800 };
                let tour = if iw { "indian-wells" } else { "dubai" };
                let (h, a) = (TENNIS[p[2 * g]], TENNIS[p[2 * g + 1]]);
                self.game(r, Cat::Tennis, tour, (h, &slugify(h)), (a, &slugify(a)), start);
            }
            let n = r.int(2, 6) as usize;
            for _ in 0..n {
                let i = r.below(ESPORTS.len());
                let mut j = r.below(ESPORTS.len());
                while j == i || ESPORTS[j].1 != ESPORTS[i].1 {
                    j = r.below(ESPORTS.len());
                }
                let start = day + if ESPORTS[i].1 == "lol" { 8 * HOUR + r.int(0, 4) * 3600 } else { 12 * HOUR + r.int(0, 18) * 1800 };
                let (h, a) = (ESPORTS[i].0, ESPORTS[j].0);
                self.game(r, Cat::Esports, ESPORTS[i].1, (h, &slugify(h)), (a, &slugify(a)), start);
            }
            if wd == 1 {
                let mut f: Vec<usize> = (0..FIGHTERS.len()).collect();
                r.shuffle(&mut f);
                let base = if r.chance(0.75) { day + DAY + 2 * HOUR } else { day + 18 * HOUR };
                for g in 0..5 {
                    let (h, a) = (FIGHTERS[f[2 * g]], FIGHTERS[f[2 * g + 1]]);
                    self.game(r, Cat::Ufc, "ufc", (h, &slugify(h)), (a, &slugify(a)), base + g as i64 * 1800);
                }
            }
        }
    }

    fn sim(&self, r: &Rng, cat: Cat, start: i64, p_home: f64) -> Sim {
        let z = logit(p_home) / 1.7;
        let (dur, sig, tot_sig) = match cat {
            Cat::Nba => (8_400 + r.int(-600, 900), 13.0, 17.0),
            Cat::Ncaab => (7_200 + r.int(-600, 900), 11.0, 14.0),
            Cat::Nhl => (9_000 + r.int(-600, 900), 2.2, 2.3),
            Cat::Soccer => (6_900 + r.int(0, 600), 1.5, 1.6),
            Cat::Nfl => (13_500, 13.5, 13.0),
            Cat::Tennis => (r.int(4_800, 11_000), 1.3, 1.0),
            Cat::Esports => (r.int(5_000, 10_000), 1.2, 1.0),
            _ => (r.int(900, 1_500), 2.0, 1.0),
        };
        let mu = z * sig;
        let end = start + dur;
        let mut ev: Vec<(i64, i32, i32)> = Vec::new();
        let place = |r: &Rng| start + 60 + r.int(0, dur - 120);
        match cat {
            Cat::Nba | Cat::Ncaab | Cat::Nfl => {
                let (per_team, avg) = match cat {
                    Cat::Nba => (50.0, 2.3),
                    Cat::Ncaab => (34.0, 2.1),
                    _ => (3.4, 6.0),
                };
                let bias = mu / (2.0 * per_team * avg);
                for (side, n) in [(0, r.poisson(per_team * (1.0 + bias))), (1, r.poisson(per_team * (1.0 - bias)))] {
                    for _ in 0..n {
                        let pts = if cat == Cat::Nfl {
                            if r.chance(0.6) { 7 } else { 3 }
                        } else if r.chance(0.3) {
                            3
                        } else if r.chance(0.1) {
                            1
                        } else {
                            2
                        };
                        let t = place(r);
                        ev.push(if side == 0 { (t, pts, 0) } else { (t, 0, pts) });
                    }
                }
            }
            Cat::Nhl | Cat::Soccer => {
                let lam = if cat == Cat::Nhl { 6.0 } else { 2.7 };
                let lh = ((lam + mu * 0.9) / 2.0).max(0.2);
                let la = ((lam - mu * 0.9) / 2.0).max(0.2);
                for (side, n) in [(0, r.poisson(lh)), (1, r.poisson(la))] {
                    for _ in 0..n {
                        let mut t = place(r);
                        if cat == Cat::Soccer && t > start + 2_820 && t < start + 3_720 {
                            t += 900;
                        }
                        ev.push(if side == 0 { (t, 1, 0) } else { (t, 0, 1) });
                    }
                }
            }
            _ => {
                // Sets, maps, rounds: a race to two.
                let q = phi(z * 0.8);
                let (mut h, mut a) = (0, 0);
                let mut t = start;
                while h < 2 && a < 2 {
                    t += (dur / 3).max(300) + r.int(-300, 300);
                    if r.chance(q) {
                        h += 1;
                        ev.push((t.min(end - 60), 1, 0));
                    } else {
                        a += 1;
                        ev.push((t.min(end - 60), 0, 1));
                    }
                }
            }
        }
        ev.sort_unstable();
        let tot_mean = ev.iter().map(|e| (e.1 + e.2) as f64).sum::<f64>().max(1.0) * r.range(0.9, 1.1);
        let mut sim = Sim { start, end, ev, mu, sig, tot_mean, tot_sig };
        // Ties in two-way sports go to overtime / a shoot-out / a tie-break.
        let (d, _) = sim.score_at(i64::MAX);
        if d == 0.0 && cat != Cat::Soccer {
            sim.end += if cat == Cat::Nhl { 900 } else { 600 };
            let pts = if matches!(cat, Cat::Nba | Cat::Ncaab | Cat::Nfl) { 3 } else { 1 };
            let t = sim.end - 60;
            sim.ev.push(if r.chance(phi(z)) { (t, pts, 0) } else { (t, 0, pts) });
        }
        sim
    }

    fn game(&mut self, r: &Rng, cat: Cat, league: &str, home: (&str, &str), away: (&str, &str), start: i64) {
        let open = start - r.int(30, 72) * HOUR;
        if open >= NOW || start + 6 * HOUR < W0 {
            return;
        }
        let p_home = sigmoid(r.normal() * 0.85 + if cat == Cat::Soccer { 0.0 } else { 0.15 });
        let sim = self.sim(r, cat, start, p_home);
        let date = date_slug(start);
        let base_slug = format!("{league}-{}-{}-{date}", away.1, home.1);
        let big = |name: &str| {
            [
                "Lakers",
                "Celtics",
                "Warriors",
                "Knicks",
                "Real Madrid",
                "Barcelona",
                "Arsenal",
                "Liverpool",
                "Manchester City",
                "Duke",
                "Kentucky",
            ]
            .contains(&name)
        };
        let star = if big(home.0) || big(away.0) { 1.8 } else { 1.0 };
        let w = star
            * match cat {
                Cat::Nba => 3.0,
                Cat::Nhl => 1.1,
                Cat::Ncaab => 1.3,
                Cat::Soccer if league == "ucl" => 3.5,
                Cat::Soccer => 1.4,
                Cat::Tennis => 0.8,
                Cat::Esports => 0.6,
                _ => 1.4,
            };
        let mut ms: Vec<GameMarket> = Vec::new();
        let prefix = match cat {
            Cat::Tennis => if league == "indian-wells" { "Indian Wells: " } else { "Dubai: " }.to_string(),
            Cat::Esports => if league == "lol" { "LoL: " } else { "Counter-Strike: " }.to_string(),
            Cat::Ufc => "UFC Fight Night: ".to_string(),
            _ => String::new(),
        };
        if cat == Cat::Soccer {
            for (line, title, suffix, weight) in [
                (Line::Home3, format!("Will {} win on {date}?", home.0), home.1.to_string(), w),
                (Line::Draw3, format!("Will {} vs. {} end in a draw?", home.0, away.0), "draw".to_string(), w * 0.5),
                (Line::Away3, format!("Will {} win on {date}?", away.0), away.1.to_string(), w * 0.8),
            ] {
                ms.push(GameMarket {
                    title,
                    slug: format!("{base_slug}-{suffix}"),
                    outcomes: ["Yes".into(), "No".into()],
                    line,
                    flip: false,
                    main: matches!(line, Line::Home3),
                    weight,
                });
            }
        } else {
            ms.push(GameMarket {
                title: format!("{prefix}{} vs. {}", away.0, home.0),
                slug: base_slug.clone(),
                outcomes: [away.0.to_string(), home.0.to_string()],
                line: Line::Win2,
                flip: true,
                main: true,
                weight: w,
            });
            if matches!(cat, Cat::Nba | Cat::Ncaab) && r.chance(if cat == Cat::Nba { 1.0 } else { 0.4 }) {
                let l = (sim.mu.abs()).floor() + 0.5;
                let (fav, dog, flip) = if sim.mu >= 0.0 { (home.0, away.0, false) } else { (away.0, home.0, true) };
                ms.push(GameMarket {
                    title: format!("Spread: {fav} (-{l:.1})"),
                    slug: format!("{base_slug}-spread-{}-{}pt5", if flip { "away" } else { "home" }, l.floor()),
                    outcomes: [fav.to_string(), dog.to_string()],
                    line: Line::Spread(if flip { -l } else { l }),
                    flip,
                    main: false,
                    weight: w * 0.35,
                });
                let tl = sim.tot_mean.floor() + 0.5 + r.pick(&[-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]);
                ms.push(GameMarket {
                    title: format!("{} vs. {}: O/U {tl:.1}", away.0, home.0),
                    slug: format!("{base_slug}-total-{}pt5", tl.floor()),
                    outcomes: ["Over".into(), "Under".into()],
                    line: Line::Total(tl),
                    flip: false,
                    main: false,
                    weight: w * 0.3,
                });
            }
            if cat == Cat::Nhl && r.chance(0.5) {
                let tl: f64 = 5.5 + r.pick(&[0.0, 1.0]);
                ms.push(GameMarket {
                    title: format!("{} vs. {}: O/U {tl:.1}", away.0, home.0),
                    slug: format!("{base_slug}-total-{}pt5", tl.floor()),
                    outcomes: ["Over".into(), "Under".into()],
                    line: Line::Total(tl),
                    flip: false,
                    main: false,
                    weight: w * 0.3,
                });
            }
        }
        let group = self.group();
        let close = sim.end + r.int(1_800, 3 * 3_600);
        // Pre-game knots, shared shape: a drift bridged to the line at tip-off, maybe an injury report.
        let news = if r.chance(0.3) { Some(open + r.int(HOUR, (start - open - HOUR).max(HOUR + 1))) } else { None };
        let mut pre_t = Vec::new();
        let mut t = open;
        while t < start {
            pre_t.push(t);
            t += 1_800;
        }
        let mut walk = Vec::with_capacity(pre_t.len());
        let mut x = 0.0;
        for _ in &pre_t {
            walk.push(x);
            x += 0.03 * r.normal();
        }
        let last = x;
        let shift = r.normal() * 0.25;
        let clutch_from = sim.end - (sim.end - sim.start) / 8;
        let mut events: Vec<i64> =
            sim.ev.iter().map(|e| e.0).filter(|&te| !matches!(cat, Cat::Nba | Cat::Ncaab) || te >= clutch_from).collect();
        if let Some(n) = news {
            events.push(n);
        }
        events.sort_unstable();
        events.dedup();
        let live = sim.live_knots(start);
        for gm in ms {
            let mut ts: Vec<i64> = Vec::new();
            let mut xs: Vec<f32> = Vec::new();
            let p_start = sim.p(gm.line, start);
            let x_start = logit(if gm.flip { 1.0 - p_start } else { p_start });
            let n = pre_t.len().max(1) as f64;
            for (k, &tk) in pre_t.iter().enumerate() {
                let frac = k as f64 / n;
                let mut xk = x_start + walk[k] - last * frac;
                let moved = match news {
                    Some(tn) => tk < tn,
                    None => frac < 0.5,
                };
                if moved {
                    xk += shift * if news.is_some() { 1.0 } else { 1.0 - 2.0 * frac };
                }
                if let Some(tn) = news
                    && tk < tn
                    && k + 1 < pre_t.len()
                    && pre_t[k + 1] > tn
                {
                    ts.push(tk);
                    xs.push(xk as f32);
                    ts.push(tn);
                    xs.push(xk as f32);
                    continue;
                }
                ts.push(tk);
                xs.push(xk as f32);
            }
            // In play: every 30 s plus both edges of every scoring moment.
            for &(tk, d, tot) in &live {
                let p = sim.p_with(gm.line, tk, d, tot);
                let p = if gm.flip { 1.0 - p } else { p };
                ts.push(tk);
                xs.push((logit(p) + 0.04 * r.normal()).clamp(-4.9, 4.9) as f32);
            }
            let won = sim.final_wins(gm.line) != gm.flip;
            let fin = if won { X_DONE } else { -X_DONE };
            ts.push(sim.end);
            xs.push(fin);
            ts.push(close);
            xs.push(fin);
            self.push(Market {
                cid: String::new(),
                tokens: [String::new(), String::new()],
                outcomes: gm.outcomes,
                title: gm.title,
                slug: gm.slug,
                cat,
                main: gm.main,
                group,
                open,
                live: start,
                decided: sim.end,
                close,
                winner: if won { 0 } else { 1 },
                spread: if gm.weight > 1.5 {
                    1
                } else if gm.weight > 0.5 {
                    2
                } else {
                    3
                },
                weight: gm.weight,
                path: Path::Knots { ts, xs },
                events: events.clone(),
                period: 0,
                asset: 0,
            });
        }
    }

    // ---------------------------------------------------------------- long-dated

    pub fn add_long(&mut self, r: &Rng, s: LongSpec) -> u32 {
        let begin = s.open.max(W0 - 2 * DAY);
        let end = s.decided.min(NOW + HOUR);
        let step = if s.live - begin > 20 * DAY { 3_600 } else { 1_800 };
        let live_step = if s.decided - s.live > 3 * DAY {
            1_800
        } else if s.decided - s.live > 6 * HOUR {
            900
        } else {
            120
        };
        let mut ts: Vec<i64> = Vec::new();
        let mut t = begin;
        while t < end {
            ts.push(t);
            t += if t < s.live { step } else { live_step };
        }
        let mut news: Vec<i64> = (0..s.news).map(|_| r.int(begin + HOUR, end - 60)).collect();
        news.sort_unstable();
        for &n in &news {
            ts.push(n - 1);
            ts.push(n + 5);
        }
        ts.sort_unstable();
        ts.dedup();
        ts.retain(|&k| k >= begin && k < end);
        if ts.is_empty() {
            ts.push(begin);
        }
        let mut xs: Vec<f64> = Vec::with_capacity(ts.len());
        let mut var: Vec<f64> = Vec::with_capacity(ts.len());
        let mut x = logit(s.p0);
        let mut v = 0.0;
        let mut ni = 0;
        for (k, &tk) in ts.iter().enumerate() {
            if k > 0 {
                let dt = (tk - ts[k - 1]) as f64 / DAY as f64;
                let vol = if tk >= s.live { s.live_vol } else { s.vol };
                let inc = vol * dt.sqrt();
                x += inc * r.normal();
                v += inc * inc;
                while ni < news.len() && news[ni] + 5 <= tk {
                    let j = r.normal() * 0.7;
                    x += j;
                    v += 0.49;
                    ni += 1;
                }
                // Keep undecided prices off the rails.
                if x.abs() > 4.4 {
                    x -= 0.2 * x.signum();
                }
            }
            xs.push(x);
            var.push(v);
        }
        let last = *xs.last().unwrap_or(&x);
        let winner = s.winner.unwrap_or(if r.chance(sigmoid(last)) { 0 } else { 1 });
        let target = if winner == 0 { X_DONE as f64 } else { -(X_DONE as f64) };
        let decided_in_view = s.decided <= NOW + HOUR;
        if decided_in_view && !s.jump {
            let vn = var.last().copied().unwrap_or(1.0).max(1e-9);
            for (x, v) in xs.iter_mut().zip(&var) {
                *x += (v / vn) * (target - last);
            }
        }
        let mut xs: Vec<f32> = xs.into_iter().map(|x| x.clamp(-4.9, 4.9) as f32).collect();
        let mut events = news;
        if decided_in_view {
            ts.push(s.decided);
            xs.push(target as f32);
            ts.push(s.close.max(s.decided + 1));
            xs.push(target as f32);
            if s.jump {
                events.push(s.decided);
            }
        }
        self.push(Market {
            cid: String::new(),
            tokens: [String::new(), String::new()],
            outcomes: [s.outcomes[0].into(), s.outcomes[1].into()],
            title: s.title,
            slug: s.slug,
            cat: s.cat,
            main: s.main,
            group: s.group,
            open: s.open,
            live: s.live,
            decided: s.decided,
            close: s.close,
            winner,
            spread: s.spread,
            weight: s.weight,
            path: Path::Knots { ts, xs },
            events,
            period: 0,
            asset: 0,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn simple(&mut self, r: &Rng, cat: Cat, title: String, open: i64, decided: i64, p0: f64, weight: f64, group: u32) -> u32 {
        let slug = slugify(&title);
        let spread = if weight > 2.0 {
            1
        } else if weight > 0.7 {
            2
        } else {
            3
        };
        self.add_long(
            r,
            LongSpec {
                cat,
                title,
                slug,
                outcomes: ["Yes", "No"],
                open,
                live: decided - 3 * DAY,
                decided,
                close: decided + r.int(2, 30) * HOUR,
                p0,
                vol: r.range(0.08, 0.25),
                live_vol: r.range(0.3, 0.6),
                news: r.int(0, 4) as u32,
                jump: false,
                winner: None,
                weight,
                spread,
                group,
                main: true,
            },
        )
    }

    fn politics(&mut self, r: &Rng) {
        let far = NOW + 400 * DAY;
        let g = self.group();
        let ps = [0.28, 0.15, 0.09, 0.07, 0.05, 0.05, 0.04, 0.03, 0.03, 0.02];
        for (i, name) in DEM_2028.iter().enumerate() {
            let t = format!("Will {name} win the 2028 Democratic presidential nomination?");
            self.simple(r, Cat::Politics, t, W0 - 500 * DAY, far + 100 * DAY, ps[i], 3.0 - i as f64 * 0.25, g);
        }
        let g = self.group();
        let ps = [0.52, 0.17, 0.06, 0.04, 0.03, 0.02];
        for (i, name) in GOP_2028.iter().enumerate() {
            let t = format!("Will {name} win the 2028 Republican presidential nomination?");
            self.simple(r, Cat::Politics, t, W0 - 500 * DAY, far + 100 * DAY, ps[i], 2.4 - i as f64 * 0.3, g);
        }
        let g = self.group();
        for (name, p) in
            [("JD Vance", 0.29), ("Gavin Newsom", 0.19), ("Alexandria Ocasio-Cortez", 0.07), ("Marco Rubio", 0.08), ("Josh Shapiro", 0.06)]
        {
            let t = format!("Will {name} win the 2028 US Presidential Election?");
            self.simple(r, Cat::Politics, t, W0 - 600 * DAY, far + 200 * DAY, p, 2.5, g);
        }
        let g = self.group();
        let ps = [0.34, 0.07, 0.23, 0.07, 0.05, 0.06, 0.06];
        let first_round = 1_807_401_600; // 11 April 2027
        for (i, name) in FRANCE_2027.iter().enumerate() {
            let t = format!("Will {name} win the 2027 French presidential election?");
            self.simple(r, Cat::Politics, t, W0 - 300 * DAY, first_round + 14 * DAY, ps[i], 2.8 - i as f64 * 0.3, g);
        }
        let g = self.group();
        let fomc = 1_805_306_400; // 17 March 2027 18:00 UTC
        for (t, p) in [
            ("Fed decreases interest rates by 25 bps after March 2027 meeting?", 0.36),
            ("No change in Fed interest rates after March 2027 meeting?", 0.58),
            ("Fed decreases interest rates by 50+ bps after March 2027 meeting?", 0.04),
            ("Fed increases interest rates after March 2027 meeting?", 0.02),
        ] {
            self.simple(r, Cat::Econ, t.to_string(), W0 - 60 * DAY, fomc, p, 3.5, g);
        }
        let singles: [(&str, f64, i64, f64); 14] = [
            ("Russia x Ukraine ceasefire in 2027?", 0.27, NOW + 290 * DAY, 3.0),
            ("Russia x Ukraine ceasefire by February 28?", 0.05, 1_803_859_140, 1.5),
            ("US government shutdown by March 31?", 0.16, NOW + 16 * DAY, 1.2),
            ("Will Trump meet Xi Jinping before April?", 0.22, NOW + 17 * DAY, 1.0),
            ("Will Zelensky and Putin meet before April?", 0.06, NOW + 17 * DAY, 0.8),
            ("US recession in 2027?", 0.21, NOW + 290 * DAY, 1.8),
            ("Will the Senate confirm the new Fed Governor by March 10?", 0.8, 1_804_723_140, 0.7),
            ("Will Trump's approval rating be above 42% on March 13?", 0.45, 1_804_982_000, 0.9),
            ("Will the Supreme Court strike down the tariffs by February 28?", 0.12, 1_803_859_140, 1.4),
            ("Will Iran and the US sign a nuclear deal in 2027?", 0.18, NOW + 290 * DAY, 0.9),
            ("Greenland purchase announced in 2027?", 0.07, NOW + 290 * DAY, 0.8),
            ("Will Elon Musk launch a new political party by March 31?", 0.05, NOW + 16 * DAY, 0.5),
            ("Will the UK hold a general election in 2027?", 0.09, NOW + 290 * DAY, 0.6),
            ("Will Netanyahu remain Prime Minister through March?", 0.9, NOW + 16 * DAY, 0.7),
        ];
        for (t, p, dec, w) in singles {
            let g = self.group();
            self.simple(r, Cat::Politics, t.to_string(), W0 - 90 * DAY, dec, p, w, g);
        }
    }

    fn economy(&mut self, r: &Rng) {
        // Scheduled releases: the price jumps the second the number is out.
        let releases: [(&str, i64, f64); 8] = [
            ("Q4 GDP second estimate above 2.0%?", 1_803_562_200, 0.55),
            ("Will NVIDIA beat quarterly earnings estimates?", 1_803_504_000, 0.82),
            ("January PCE inflation above 2.6%?", 1_803_648_600, 0.4),
            ("February jobs report: more than 150k jobs added?", 1_804_253_400, 0.48),
            ("February unemployment rate 4.4% or higher?", 1_804_253_400, 0.36),
            ("February CPI year-over-year above 2.8%?", 1_804_681_800, 0.42),
            ("February core CPI month-over-month 0.3% or more?", 1_804_681_800, 0.5),
            ("Initial jobless claims above 230k this week?", 1_804_768_200, 0.44),
        ];
        for (title, at, p0) in releases {
            let g = self.group();
            self.add_long(
                r,
                LongSpec {
                    cat: Cat::Econ,
                    slug: slugify(title),
                    title: title.to_string(),
                    outcomes: ["Yes", "No"],
                    open: at - 20 * DAY,
                    live: at - 6 * HOUR,
                    decided: at,
                    close: at + r.int(3, 26) * HOUR,
                    p0,
                    vol: 0.18,
                    live_vol: 0.25,
                    news: 2,
                    jump: true,
                    winner: None,
                    weight: 1.8,
                    spread: 1,
                    group: g,
                    main: true,
                },
            );
        }
    }

    fn culture(&mut self, r: &Rng) {
        // The 99th Academy Awards, Sunday 14 March 2027, awards announced 01:00-04:00 UTC on the 15th.
        let show = OSCARS;
        let cats: [(&str, &[&str], i64, [f64; 8]); 3] = [
            ("Best Picture", &OSCAR_FILMS, show + 3 * HOUR + 1_500, [0.34, 0.22, 0.12, 0.06, 0.14, 0.04, 0.03, 0.05]),
            ("Best Actor", &OSCAR_ACTORS, show + 2 * HOUR + 2_400, [0.55, 0.2, 0.1, 0.05, 0.05, 0.05, 0.0, 0.0]),
            ("Best Actress", &OSCAR_ACTRESSES, show + 2 * HOUR + 2_000, [0.62, 0.12, 0.1, 0.08, 0.04, 0.04, 0.0, 0.0]),
        ];
        for (category, names, at, ps) in cats {
            let g = self.group();
            let won = r.weighted(&ps[..names.len()]);
            for (i, name) in names.iter().enumerate() {
                let title = format!("Will {name} win {category} at the 2027 Oscars?");
                self.add_long(
                    r,
                    LongSpec {
                        cat: Cat::Oscars,
                        slug: slugify(&title),
                        title,
                        outcomes: ["Yes", "No"],
                        open: W0 - 50 * DAY,
                        live: show - DAY,
                        decided: at,
                        close: at + 20 * HOUR,
                        p0: ps[i].max(0.02),
                        vol: 0.12,
                        live_vol: 0.3,
                        news: r.int(1, 3) as u32,
                        jump: true,
                        winner: Some(if i == won { 0 } else { 1 }),
                        weight: 2.5 - i as f64 * 0.2,
                        spread: 1,
                        group: g,
                        main: i == 0,
                    },
                );
            }
        }
        // Weekend box office, decided each Sunday evening.
        for week in 0..5 {
            let sunday = 1_802_563_200 + week * 7 * DAY + 20 * HOUR; // first is 14 Feb
            let g = self.group();
            for (film, p) in [("Project Hail Mary", 0.45), ("The Bride!", 0.25), ("Hoppers", 0.2), ("Scream 7", 0.1)] {
                let (mo, d) = month_day(sunday);
                let t = format!("Will {film} be the #1 movie at the box office on the weekend of {mo} {d}?");
                self.simple(r, Cat::Culture, t, sunday - 6 * DAY, sunday, p, 0.6, g);
            }
        }
        let g = self.group();
        for (lab, p) in [("Google", 0.46), ("OpenAI", 0.28), ("Anthropic", 0.14), ("xAI", 0.08), ("DeepSeek", 0.04)] {
            let t = format!("Will {lab} have the best AI model at the end of March 2027?");
            self.simple(r, Cat::Culture, t, W0 - 60 * DAY, NOW + 17 * DAY, p, 1.6, g);
        }
        let singles: [(&str, f64, i64, f64); 8] = [
            ("Will GTA VI be delayed again?", 0.12, NOW + 200 * DAY, 1.3),
            ("Will Taylor Swift announce a new album by March 31?", 0.1, NOW + 16 * DAY, 0.7),
            ("Will Drake release an album before April?", 0.2, NOW + 17 * DAY, 0.5),
            ("Will MrBeast's next video get 100M views in its first week?", 0.35, NOW + 9 * DAY, 0.4),
            ("Will Sweden win Eurovision 2027?", 0.18, NOW + 70 * DAY, 0.5),
            ("Will Kanye West release an album in February?", 0.06, 1_803_859_140, 0.4),
            ("Will 'Sinners' pass $400M worldwide by March 1?", 0.9, 1_803_981_600, 0.3),
            ("Will the Pope visit the United States in 2027?", 0.15, NOW + 290 * DAY, 0.4),
        ];
        for (t, p, dec, w) in singles {
            let g = self.group();
            self.simple(r, Cat::Culture, t.to_string(), W0 - 80 * DAY, dec, p, w, g);
        }
        // F1: Australian Grand Prix, Sunday 7 March 04:00 UTC.
        let race = 1_804_392_000;
        let g = self.group();
        let ps = [0.24, 0.27, 0.22, 0.14, 0.08, 0.05];
        let won = r.weighted(&ps);
        for (i, d) in F1_DRIVERS.iter().enumerate() {
            let title = format!("Will {d} win the 2027 Australian Grand Prix?");
            self.add_long(
                r,
                LongSpec {
                    cat: Cat::F1,
                    slug: slugify(&title),
                    title,
                    outcomes: ["Yes", "No"],
                    open: race - 25 * DAY,
                    live: race,
                    decided: race + 5_700,
                    close: race + 8 * HOUR,
                    p0: ps[i],
                    vol: 0.15,
                    live_vol: 8.0,
                    news: 2,
                    jump: false,
                    winner: Some(if i == won { 0 } else { 1 }),
                    weight: 1.2,
                    spread: 2,
                    group: g,
                    main: i == 0,
                },
            );
        }
    }

    fn super_bowl(&mut self, r: &Rng) {
        // Super Bowl LXI, Sunday 14 February 2027, kick-off 23:30 UTC.
        let kick = SB_KICK;
        let open = W0 - 20 * DAY;
        let p_home = 0.46;
        let sim = self.sim(r, Cat::Nfl, kick, p_home);
        let g = self.group();
        let mut pre_t: Vec<i64> = Vec::new();
        let mut t = W0 - 2 * DAY;
        while t < kick {
            pre_t.push(t);
            t += 1_800;
        }
        let lines = [
            (Line::Win2, "Super Bowl LXI: Bills vs. Eagles".to_string(), ["Bills", "Eagles"], true, 40.0),
            (Line::Spread(1.5), "Super Bowl LXI Spread: Eagles (-1.5)".to_string(), ["Eagles", "Bills"], false, 8.0),
            (Line::Total(48.5), "Super Bowl LXI: O/U 48.5".to_string(), ["Over", "Under"], false, 8.0),
        ];
        let sim = Sim { mu: 1.2, tot_mean: 48.0, ..sim };
        let mut events: Vec<i64> = sim.ev.iter().map(|e| e.0).collect();
        events.sort_unstable();
        for (line, title, outcomes, flip, weight) in lines {
            let mut ts = Vec::new();
            let mut xs = Vec::new();
            let p_start = sim.p(line, kick);
            let x0 = logit(if flip { 1.0 - p_start } else { p_start });
            let mut x = 0.0;
            let n = pre_t.len() as f64;
            let mut walk = Vec::new();
            for _ in &pre_t {
                walk.push(x);
                x += 0.02 * r.normal();
            }
            for (k, &tk) in pre_t.iter().enumerate() {
                ts.push(tk);
                xs.push((x0 + walk[k] - x * k as f64 / n) as f32);
            }
            for (tk, d, tot) in sim.live_knots(kick) {
                let p = sim.p_with(line, tk, d, tot);
                ts.push(tk);
                xs.push(logit(if flip { 1.0 - p } else { p }) as f32);
            }
            let won = sim.final_wins(line) != flip;
            let fin = if won { X_DONE } else { -X_DONE };
            ts.push(sim.end);
            xs.push(fin);
            ts.push(sim.end + 5 * HOUR);
            xs.push(fin);
            self.push(Market {
                cid: String::new(),
                tokens: [String::new(), String::new()],
                outcomes: [outcomes[0].into(), outcomes[1].into()],
                slug: slugify(&title),
                title,
                cat: Cat::Nfl,
                main: matches!(line, Line::Win2),
                group: g,
                open,
                live: kick,
                decided: sim.end,
                close: sim.end + 5 * HOUR,
                winner: if won { 0 } else { 1 },
                spread: 1,
                weight,
                path: Path::Knots { ts, xs },
                events: events.clone(),
                period: 0,
                asset: 0,
            });
        }
        let eagles_won = sim.final_wins(Line::Win2);
        let props: Vec<Prop> = vec![
            ("Super Bowl LXI coin toss: Heads or Tails?".into(), ["Heads", "Tails"], kick - 300, 0.5, true, None, 4.0),
            (
                "Will the Super Bowl LXI national anthem last longer than 2 minutes?".into(),
                ["Yes", "No"],
                kick - 900,
                0.55,
                true,
                None,
                3.0,
            ),
            ("Gatorade shower color at Super Bowl LXI: Orange?".into(), ["Yes", "No"], sim.end, 0.3, true, None, 2.0),
            ("Gatorade shower color at Super Bowl LXI: Blue?".into(), ["Yes", "No"], sim.end, 0.2, true, None, 1.5),
            ("Will there be a safety in Super Bowl LXI?".into(), ["Yes", "No"], sim.end, 0.09, false, None, 1.5),
            ("Will the Super Bowl LXI halftime show feature a surprise guest?".into(), ["Yes", "No"], kick + 5_400, 0.6, true, None, 2.0),
            ("Will Super Bowl LXI go to overtime?".into(), ["Yes", "No"], sim.end, 0.06, false, Some(1), 1.5),
            ("Will the announcers say 'Taylor Swift' during Super Bowl LXI?".into(), ["Yes", "No"], sim.end, 0.5, true, None, 2.0),
        ];
        for (title, outcomes, at, p0, jump, winner, weight) in props {
            self.add_long(
                r,
                LongSpec {
                    cat: Cat::Nfl,
                    slug: slugify(&title),
                    title,
                    outcomes,
                    open,
                    live: kick - 2 * HOUR,
                    decided: at,
                    close: sim.end + 6 * HOUR,
                    p0,
                    vol: 0.08,
                    live_vol: if jump { 0.2 } else { 2.0 },
                    news: 1,
                    jump,
                    winner,
                    weight,
                    spread: 1,
                    group: g,
                    main: false,
                },
            );
        }
        let ps = [0.34, 0.05, 0.03, 0.02, 0.3, 0.12, 0.05, 0.03];
        for (i, name) in SB_PLAYERS.iter().enumerate() {
            let bills = i < 4;
            let mvp = if bills != eagles_won { i == 0 || i == 4 } else { false };
            let title = format!("Will {name} be named Super Bowl LXI MVP?");
            self.add_long(
                r,
                LongSpec {
                    cat: Cat::Nfl,
                    slug: slugify(&title),
                    title,
                    outcomes: ["Yes", "No"],
                    open,
                    live: kick,
                    decided: sim.end + 600,
                    close: sim.end + 6 * HOUR,
                    p0: ps[i],
                    vol: 0.1,
                    live_vol: 3.0,
                    news: 1,
                    jump: false,
                    winner: Some(if mvp { 0 } else { 1 }),
                    weight: 2.0,
                    spread: 1,
                    group: g,
                    main: false,
                },
            );
        }
    }

    fn crypto_prices(&mut self, r: &Rng) {
        let end_feb = 1_803_859_140;
        let end_mar = NOW + 16 * DAY + 41_000;
        let sets: [LevelSet; 4] = [
            ("Bitcoin", &[(150_000, 0.04), (130_000, 0.12), (120_000, 0.3), (90_000, 0.25), (80_000, 0.08)], W0 - 14 * DAY, end_feb),
            ("Bitcoin", &[(150_000, 0.06), (130_000, 0.15), (120_000, 0.33), (90_000, 0.3), (80_000, 0.12)], end_feb - 2 * DAY, end_mar),
            ("Ethereum", &[(6_000, 0.06), (5_000, 0.2), (3_000, 0.22), (2_500, 0.08)], end_feb - 2 * DAY, end_mar),
            ("Solana", &[(300, 0.08), (250, 0.2), (150, 0.18)], end_feb - 2 * DAY, end_mar),
        ];
        for (coin, levels, open, dec) in sets {
            let g = self.group();
            let (mo, _) = month_day(dec - DAY);
            for &(lvl, p) in levels {
                let up = lvl >= 100_000 || (coin != "Bitcoin" && lvl >= 5_000) || (coin == "Solana" && lvl >= 250);
                let title = if up { format!("Will {coin} reach ${lvl} in {mo}?") } else { format!("Will {coin} dip to ${lvl} in {mo}?") };
                self.simple(r, Cat::CryptoPrice, title, open, dec, p, 1.4, g);
            }
        }
        for (t, p) in [
            ("Will MicroStrategy announce a Bitcoin purchase this week?", 0.8),
            ("Will a spot SOL ETF see $1B inflows by March 31?", 0.15),
            ("Will Tether be depegged before April?", 0.02),
            ("Will Pump.fun launch a token airdrop by March 31?", 0.3),
        ] {
            let g = self.group();
            self.simple(r, Cat::CryptoPrice, t.to_string(), W0 - 30 * DAY, NOW + 12 * DAY, p, 0.6, g);
        }
    }

    fn weather(&mut self, r: &Rng) {
        let d0 = W0.div_euclid(DAY) - 1;
        let d1 = NOW.div_euclid(DAY) + 1;
        for (ci, (name, slug, fahrenheit, tz, base)) in CITIES.into_iter().enumerate() {
            for d in d0..=d1 {
                let day = d * DAY - tz * HOUR;
                let decided = day + 17 * HOUR;
                let (mo, dn) = month_day(d * DAY);
                let season = (d - d0) as f64 * if fahrenheit { 0.35 } else { 0.18 };
                let forecast = base as f64 + season + r.normal() * if fahrenheit { 6.0 } else { 3.0 };
                let actual = forecast + r.normal() * if fahrenheit { 3.0 } else { 1.5 };
                let width = if fahrenheit { 2 } else { 1 };
                let lo = (forecast as i64 / width) * width - 2 * width - width;
                let g = self.group();
                let bucket_of = |v: f64| {
                    let k = ((v.floor() as i64 - lo).div_euclid(width)).clamp(-1, 5);
                    (k + 1) as usize
                };
                let won = bucket_of(actual);
                let probs: Vec<f64> = (0..7)
                    .map(|b| {
                        let centre = lo as f64 + (b as f64 - 0.5) * width as f64;
                        let sd = if fahrenheit { 4.0 } else { 2.0 };
                        let z = (centre - forecast) / sd;
                        (-z * z / 2.0).exp()
                    })
                    .collect();
                let total: f64 = probs.iter().sum();
                let unit = if fahrenheit { "°F" } else { "°C" };
                let ulow = if fahrenheit { "f" } else { "c" };
                for (b, prob) in probs.iter().enumerate() {
                    let (label, lslug) = if b == 0 {
                        (format!("{}{unit} or below", lo - 1), format!("{}{ulow}orbelow", lo - 1))
                    } else if b == 6 {
                        let v = lo + 5 * width;
                        (format!("{v}{unit} or higher"), format!("{v}{ulow}orhigher"))
                    } else {
                        let a = lo + (b as i64 - 1) * width;
                        if width == 1 {
                            (format!("{a}{unit}"), format!("{a}{ulow}"))
                        } else {
                            (format!("{a}-{}{unit}", a + 1), format!("{a}-{}{ulow}", a + 1))
                        }
                    };
                    let title = format!("Will the highest temperature in {name} be {label} on {mo} {dn}?");
                    let mslug = format!("highest-temperature-in-{slug}-on-{}-{dn}-2027-{lslug}", mo.to_lowercase());
                    let p0 = (prob / total).clamp(0.01, 0.9);
                    let id = self.add_long(
                        r,
                        LongSpec {
                            cat: Cat::Weather,
                            title,
                            slug: mslug,
                            outcomes: ["Yes", "No"],
                            open: day - 2 * DAY + 16 * HOUR,
                            live: day + 6 * HOUR,
                            decided,
                            close: day + DAY + 14 * HOUR,
                            p0,
                            vol: 0.5,
                            live_vol: 2.5,
                            news: 1,
                            jump: false,
                            winner: Some(if b == won { 0 } else { 1 }),
                            weight: if slug == "nyc" || slug == "london" { 0.6 } else { 0.3 },
                            spread: 2,
                            group: g,
                            main: b == 3,
                        },
                    );
                    self.weather_ix.entry((ci, d)).or_default().push(id);
                }
            }
        }
    }

    fn tweets(&mut self, r: &Rng) {
        // Weekly windows ending Friday 17:00 UTC.
        let first_end = 1_803_056_400; // Friday 19 February, 17:00 UTC
        for w in 0..5 {
            let end = first_end + w * 7 * DAY;
            let start = end - 7 * DAY;
            let g = self.group();
            let count = r.range(300.0, 520.0);
            let buckets = [(0, 279), (280, 319), (320, 359), (360, 399), (400, 439), (440, 479), (480, 9999)];
            let (ms, ds) = month_day(start);
            let (me, de) = month_day(end);
            for (k, &(a, b)) in buckets.iter().enumerate() {
                let label = if k == 0 {
                    format!("less than {}", b + 1)
                } else if b == 9999 {
                    format!("{a} or more")
                } else {
                    format!("{a}-{b}")
                };
                let title = format!("Will Elon Musk post {label} tweets from {ms} {ds} to {me} {de}, 2027?");
                let centre = (a as f64 + b.min(520) as f64) / 2.0;
                let p0 = (0.6 * (-(centre - 400.0).powi(2) / 8000.0).exp()).clamp(0.02, 0.5);
                let won = (count as i64) >= a && (count as i64) <= b;
                self.add_long(
                    r,
                    LongSpec {
                        cat: Cat::Tweets,
                        slug: slugify(&title),
                        title,
                        outcomes: ["Yes", "No"],
                        open: start - 3 * DAY,
                        live: start + 4 * DAY,
                        decided: end,
                        close: end + 4 * HOUR,
                        p0,
                        vol: 0.5,
                        live_vol: 1.2,
                        news: 1,
                        jump: false,
                        winner: Some(if won { 0 } else { 1 }),
                        weight: 0.7,
                        spread: 2,
                        group: g,
                        main: k == 3,
                    },
                );
            }
        }
    }

    fn mentions(&mut self, r: &Rng) {
        // Live speeches: a word either comes up (jump) or the market bleeds out by the end.
        let speeches: [(&str, i64, i64); 4] = [
            ("Trump's address to Congress", 1_804_212_000, 4_200),
            ("the Fed Chair's Senate testimony", 1_803_480_000, 7_200),
            ("Trump's press conference with the Japanese Prime Minister", 1_804_780_800, 2_700),
            ("the White House press briefing on March 12", 1_804_870_800, 2_400),
        ];
        let words = ["Tariff", "Crypto", "Greenland", "Border", "Biden", "Rigged", "Inflation", "China", "Bitcoin", "Fake News"];
        for (event, at, dur) in speeches {
            let g = self.group();
            for (k, w) in words.iter().enumerate() {
                if r.chance(0.35) && k > 2 {
                    continue;
                }
                let p0 = r.range(0.15, 0.9);
                let yes = r.chance(p0);
                let decided = if yes { at + r.int(60, dur - 60) } else { at + dur };
                let title = format!("Will {w} be said during {event}?");
                self.add_long(
                    r,
                    LongSpec {
                        cat: Cat::Mentions,
                        slug: slugify(&title),
                        title,
                        outcomes: ["Yes", "No"],
                        open: at - 4 * DAY,
                        live: at,
                        decided,
                        close: at + dur + 2 * HOUR,
                        p0,
                        vol: 0.3,
                        live_vol: 0.8,
                        news: 0,
                        jump: yes,
                        winner: Some(if yes { 0 } else { 1 }),
                        weight: 0.8,
                        spread: 2,
                        group: g,
                        main: k == 0,
                    },
                );
            }
        }
    }
}
