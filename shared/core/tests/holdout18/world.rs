//! The markets of the thirty days before [`NOW`]: what is listed, when it trades, its price path,
//! its book, the headlines that move it and how it resolves.

use super::rng::{Rng, expit, logit, phi};
use std::collections::BTreeSet;

/// 2027-06-20 15:40:00 UTC, a Sunday afternoon.
pub const NOW: i64 = 1_813_506_000;
pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
pub const START: i64 = NOW - 30 * DAY;
/// 2027-01-01 00:00 UTC, a Friday.
const Y2027: i64 = 1_798_761_600;
/// Eastern time in June (EDT).
pub const ET: i64 = -4 * HOUR;

/// Monday = 0 … Sunday = 6, in UTC (shift `t` by an offset for local days).
pub fn weekday(t: i64) -> i64 {
    ((t - Y2027).div_euclid(DAY) + 4).rem_euclid(7)
}

pub fn day_start(t: i64) -> i64 {
    t - t.rem_euclid(DAY)
}

/// Midnight UTC of a date in 2027.
pub fn date(month: i64, day: i64) -> i64 {
    let lens = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let before: i64 = lens[..(month - 1) as usize].iter().sum();
    Y2027 + (before + day - 1) * DAY
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// ("June", 12) for a time (UTC date of `t`).
pub fn month_day(t: i64) -> (&'static str, i64) {
    let lens = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = (t - Y2027).div_euclid(DAY);
    for (i, l) in lens.iter().enumerate() {
        if d < *l {
            return (MONTHS[i], d + 1);
        }
        d -= l;
    }
    ("December", 31)
}

fn md(t: i64) -> String {
    let (m, d) = month_day(t);
    format!("{m} {d}")
}

fn md_slug(t: i64) -> String {
    let (m, d) = month_day(t);
    format!("{}-{d}", m.to_ascii_lowercase())
}

fn iso(t: i64) -> String {
    let lens = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = (t - Y2027).div_euclid(DAY);
    for (i, l) in lens.iter().enumerate() {
        if d < *l {
            return format!("2027-{:02}-{:02}", i + 1, d + 1);
        }
        d -= l;
    }
    "2027-12-31".into()
}

/// "3:15PM" on the Eastern clock.
fn et_clock(t: i64, minutes: bool) -> String {
    let l = (t + ET).rem_euclid(DAY);
    let h = l / HOUR;
    let m = (l % HOUR) / MIN;
    let (h12, ap) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    if minutes { format!("{h12}:{m:02}{ap}") } else { format!("{h12}{ap}") }
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    Sports,
    Politics,
    Election,
    Macro,
    Strike,
    UpDown,
    Culture,
    Weather,
    Deadline,
    Tech,
}

pub const KINDS: [Kind; 10] = [
    Kind::Sports,
    Kind::Politics,
    Kind::Election,
    Kind::Macro,
    Kind::Strike,
    Kind::UpDown,
    Kind::Culture,
    Kind::Weather,
    Kind::Deadline,
    Kind::Tech,
];

pub fn kix(k: Kind) -> usize {
    KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sport {
    Nba,
    Nhl,
    Mlb,
    Soccer,
    Tennis,
    Ufc,
    F1,
    Golf,
    Cricket,
}

pub struct Market {
    pub kind: Kind,
    pub sport: Option<Sport>,
    pub title: String,
    pub slug: String,
    pub cond: String,
    pub assets: [String; 2],
    pub outcomes: [String; 2],
    /// Trading is possible in [open, close).
    pub open: i64,
    pub close: i64,
    /// The event: kick-off to final whistle, a release, an interval, a local day.
    pub start: i64,
    pub end: i64,
    /// The winning outcome for a market that closed before NOW.
    pub winner: Option<usize>,
    pub t0: i64,
    pub step: i64,
    /// Price of outcome 0 at t0, t0 + step, …
    pub path: Vec<f32>,
    /// Usual spread in cents.
    pub spread: i64,
    /// How much the crowd trades it.
    pub heat: f64,
    /// Shares resting at the best level, typically.
    pub depth: f64,
    pub group: Option<usize>,
    pub game: Option<usize>,
    pub coin: usize,
    /// Length of an up/down interval (0 for other markets).
    pub window: i64,
    pub topic: usize,
    pub breaks: Vec<(i64, i64)>,
    /// Headline times that moved it.
    pub news: Vec<i64>,
}

impl Market {
    fn blank(kind: Kind, title: String, outcomes: [&str; 2]) -> Market {
        Market {
            kind,
            sport: None,
            slug: slugify(&title),
            title,
            cond: String::new(),
            assets: [String::new(), String::new()],
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            open: 0,
            close: 0,
            start: 0,
            end: 0,
            winner: None,
            t0: 0,
            step: 60,
            path: Vec::new(),
            spread: 1,
            heat: 1.0,
            depth: 1000.0,
            group: None,
            game: None,
            coin: 0,
            window: 0,
            topic: 0,
            breaks: Vec::new(),
            news: Vec::new(),
        }
    }

    /// Can an order fill at `t`?
    pub fn live(&self, t: i64) -> bool {
        t >= self.open && t < self.close && t > START && t <= NOW
    }

    pub fn resolved(&self) -> bool {
        self.close <= NOW
    }

    /// Price of outcome 0 at `t`.
    pub fn p(&self, t: i64) -> f64 {
        let i = ((t - self.t0).max(0) / self.step) as usize;
        self.path[i.min(self.path.len() - 1)] as f64
    }

    pub fn mid(&self, t: i64, o: usize) -> f64 {
        if o == 0 { self.p(t) } else { 1.0 - self.p(t) }
    }

    pub fn in_play(&self, t: i64) -> bool {
        t >= self.start && t < self.end && !self.breaks.iter().any(|(a, b)| t >= *a && t < *b)
    }

    pub fn spread_at(&self, t: i64) -> i64 {
        let p = self.p(t);
        if !(0.04..=0.96).contains(&p) {
            1
        } else if self.kind == Kind::Sports && self.in_play(t) {
            self.spread.min(2)
        } else {
            self.spread
        }
    }

    /// Best bid and ask of outcome 0 in cents; outcome 1's book is its mirror.
    pub fn book(&self, t: i64) -> (i64, i64) {
        let s = self.spread_at(t);
        let mid = self.p(t) * 100.0;
        let bid = ((mid - s as f64 / 2.0).round() as i64).clamp(1, 99 - s);
        (bid, bid + s)
    }

    pub fn bid(&self, t: i64, o: usize) -> i64 {
        let (b, a) = self.book(t);
        if o == 0 { b } else { 100 - a }
    }

    pub fn ask(&self, t: i64, o: usize) -> i64 {
        let (b, a) = self.book(t);
        if o == 0 { a } else { 100 - b }
    }

    /// Last time trading is possible inside the window.
    pub fn last(&self) -> i64 {
        (self.close - 1).min(NOW)
    }

    pub fn first(&self) -> i64 {
        self.open.max(START + 1)
    }

    /// The latest headline at or before `t`, if any.
    pub fn news_before(&self, t: i64) -> Option<i64> {
        let i = self.news.partition_point(|x| *x <= t);
        if i == 0 { None } else { Some(self.news[i - 1]) }
    }
}

pub struct Group {
    pub title: String,
    pub kind: Kind,
    pub markets: Vec<usize>,
    pub resolve: i64,
    /// Exactly one of the markets resolves yes (the bins cover every case).
    pub complete: bool,
}

pub struct Headline {
    pub t: i64,
    pub topic: usize,
    /// Market and the shift of its outcome 0 in log-odds.
    pub hits: Vec<(usize, f64)>,
}

pub struct Game {
    pub sport: Sport,
    pub start: i64,
    pub end: i64,
    pub close: i64,
    pub markets: Vec<usize>,
    pub breaks: Vec<(i64, i64)>,
    pub big: bool,
}

pub struct UpDownSeries {
    pub coin: usize,
    pub len: i64,
    pub first: i64,
    pub markets: Vec<usize>,
}

pub const COINS: [&str; 3] = ["Bitcoin", "Ethereum", "Solana"];
pub const SPOT0: i64 = START - 4 * DAY;
pub const SPOT_STEP: i64 = 10;
const VOL_DAY: [f64; 3] = [0.022, 0.031, 0.043];

pub struct World {
    pub markets: Vec<Market>,
    pub groups: Vec<Group>,
    pub headlines: Vec<Headline>,
    pub games: Vec<Game>,
    pub updown: Vec<UpDownSeries>,
    pub by_kind: Vec<Vec<usize>>,
    pub spot: [Vec<f64>; 3],
    /// Long-running markets (politics, deadlines, tech, culture, macro long shots).
    pub long: Vec<usize>,
}

impl World {
    pub fn spot(&self, c: usize, t: i64) -> f64 {
        let i = ((t - SPOT0).max(0) / SPOT_STEP) as usize;
        self.spot[c][i.min(self.spot[c].len() - 1)]
    }

    pub fn sigma10(c: usize) -> f64 {
        VOL_DAY[c] * (SPOT_STEP as f64 / DAY as f64).sqrt()
    }

    /// Fair price of "Up" for an up/down market at `t` from the live spot (no lag).
    pub fn updown_fair(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        if t < mk.start {
            return 0.5;
        }
        let rem = ((mk.end - t) as f64 / SPOT_STEP as f64).max(1.0);
        let x = (self.spot(mk.coin, t) / self.spot(mk.coin, mk.start)).ln();
        phi(x / (Self::sigma10(mk.coin) * rem.sqrt()))
    }

    /// The up/down market of this coin and length whose interval contains `t`.
    pub fn updown_at(&self, coin: usize, len: i64, t: i64) -> Option<usize> {
        let s = self.updown.iter().find(|s| s.coin == coin && s.len == len)?;
        if t < s.first {
            return None;
        }
        let i = ((t - s.first) / len) as usize;
        s.markets.get(i).copied()
    }

    pub fn kind(&self, k: Kind) -> &[usize] {
        &self.by_kind[kix(k)]
    }

    /// Games whose kick-off is in [from, to).
    pub fn games_starting(&self, from: i64, to: i64) -> Vec<usize> {
        let i = self.games.partition_point(|g| g.start < from);
        let j = self.games.partition_point(|g| g.start < to);
        (i..j).collect()
    }

    /// Games in play at `t` (kick-off passed, not yet over).
    pub fn games_live(&self, t: i64) -> Vec<usize> {
        let j = self.games.partition_point(|g| g.start <= t);
        (0..j).filter(|g| self.games[*g].end > t && self.games[*g].start > t - 4 * DAY).collect()
    }

    /// Headlines in [from, to).
    pub fn headlines_in(&self, from: i64, to: i64) -> &[Headline] {
        let i = self.headlines.partition_point(|h| h.t < from);
        let j = self.headlines.partition_point(|h| h.t < to);
        &self.headlines[i..j]
    }

    /// Markets of these kinds live at `t`.
    pub fn live_of(&self, kinds: &[Kind], t: i64) -> Vec<usize> {
        let mut out = Vec::new();
        for k in kinds {
            for &m in self.kind(*k) {
                if self.markets[m].live(t) {
                    out.push(m);
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Path makers.

/// Log-odds random walk with headline jumps, sampled every `step` seconds over [t0, t1].
#[allow(clippy::too_many_arguments)]
fn walk(
    r: &mut Rng,
    t0: i64,
    t1: i64,
    step: i64,
    x0: f64,
    vol: &dyn Fn(i64) -> f64,
    drift: &dyn Fn(i64) -> f64,
    jumps: &[(i64, f64)],
) -> Vec<f64> {
    let n = ((t1 - t0).max(0) / step + 1) as usize;
    let mut add = vec![0.0; n + 3];
    for (tj, dx) in jumps {
        if *tj < t0 || *tj > t1 {
            continue;
        }
        let i = ((tj - t0) / step + 1) as usize;
        if i < n {
            add[i] += dx * 0.6;
        }
        if i + 2 < n {
            add[i + 2] += dx * 0.4;
        } else if i < n {
            add[i] += dx * 0.4;
        }
    }
    let dt = step as f64 / DAY as f64;
    let mut x = x0;
    let mut out = Vec::with_capacity(n);
    for (i, a) in add.iter().enumerate().take(n) {
        let t = t0 + i as i64 * step;
        if i > 0 {
            x += drift(t) * dt + vol(t) * dt.sqrt() * r.normal() + a;
            x = x.clamp(-5.6, 5.6);
        }
        out.push(x);
    }
    out
}

/// Settles a path at `te`: the winner's price climbs to 99.7c over `ramp` steps, then stays.
fn settle(path: &mut [f32], t0: i64, step: i64, te: i64, win0: bool, ramp: usize) {
    if te < t0 {
        for v in path.iter_mut() {
            *v = if win0 { 0.997 } else { 0.003 };
        }
        return;
    }
    let i0 = ((te - t0) / step) as usize;
    if i0 >= path.len() {
        return;
    }
    let from = path[i0.saturating_sub(1)];
    let target = if win0 { 0.997f32 } else { 0.003 };
    for (k, v) in path.iter_mut().enumerate().skip(i0) {
        let f = (((k - i0) + 1) as f32 / ramp.max(1) as f32).min(1.0);
        *v = from + (target - from) * f;
    }
}

/// Small dislocations of each bin of a group: a big order pushes one bin for a few minutes.
fn dislocate(r: &mut Rng, paths: &mut [Vec<f32>], step: i64, per_day: f64) {
    let n = paths.iter().map(|p| p.len()).min().unwrap_or(0);
    let per_step = per_day * step as f64 / DAY as f64;
    let keep = (-(step as f64) / 240.0).exp();
    for p in paths.iter_mut() {
        let mut d = 0.0f64;
        for v in p.iter_mut().take(n) {
            d *= keep;
            d += 0.002 * r.normal();
            if r.chance(per_step) {
                d += r.range(0.015, 0.05) * if r.chance(0.5) { 1.0 } else { -1.0 };
            }
            let base = *v as f64;
            if base > 0.02 && base < 0.98 {
                *v = (base + d * (base * (1.0 - base)).sqrt() * 2.0).clamp(0.003, 0.997) as f32;
            }
        }
    }
}

/// Probabilities of bins (edges between them) for a normal forecast.
fn bins(mu: f64, sd: f64, edges: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(edges.len() + 1);
    let mut prev = 0.0;
    for e in edges {
        let c = phi((e - mu) / sd.max(1e-6));
        out.push(c - prev);
        prev = c;
    }
    out.push(1.0 - prev);
    out
}

// ---------------------------------------------------------------------------------------------
// The builder.

struct Builder {
    r: Rng,
    w: World,
    slugs: BTreeSet<String>,
    topic_markets: Vec<Vec<usize>>,
}

const TOPICS: usize = 14;

impl Builder {
    fn push(&mut self, mut m: Market) -> usize {
        m.cond = format!("0x{}", self.r.hex(64));
        let n0 = 76 + self.r.below(3);
        let n1 = 76 + self.r.below(3);
        m.assets = [self.r.digits(n0), self.r.digits(n1)];
        let mut slug = m.slug.clone();
        if slug.is_empty() {
            slug = "market".into();
        }
        if self.slugs.contains(&slug) {
            let mut k = 2;
            while self.slugs.contains(&format!("{slug}-{k}")) {
                k += 1;
            }
            slug = format!("{slug}-{k}");
        }
        self.slugs.insert(slug.clone());
        m.slug = slug;
        if m.t0 == 0 {
            m.t0 = m.open.max(START);
        }
        assert!(!m.path.is_empty(), "market {} has no path", m.title);
        let id = self.w.markets.len();
        self.w.by_kind[kix(m.kind)].push(id);
        if matches!(m.kind, Kind::Politics | Kind::Deadline | Kind::Tech | Kind::Culture | Kind::Macro) && m.close - m.open > 10 * DAY {
            self.w.long.push(id);
        }
        if m.topic < TOPICS && matches!(m.kind, Kind::Politics | Kind::Deadline | Kind::Tech | Kind::Culture | Kind::Macro | Kind::Election)
        {
            self.topic_markets[m.topic].push(id);
        }
        self.w.markets.push(m);
        id
    }

    fn group(&mut self, title: &str, kind: Kind, markets: Vec<usize>, resolve: i64) -> usize {
        let g = self.w.groups.len();
        for &m in &markets {
            self.w.markets[m].group = Some(g);
        }
        self.w.groups.push(Group { title: title.to_string(), kind, markets, resolve, complete: true });
        g
    }

    fn headline(&mut self, t: i64, topic: usize, hits: Vec<(usize, f64)>) {
        for (m, _) in &hits {
            self.w.markets[*m].news.push(t);
        }
        self.w.headlines.push(Headline { t, topic, hits });
    }
}

fn build_spot(r: &mut Rng) -> [Vec<f64>; 3] {
    let n = ((NOW + 2 * HOUR - SPOT0) / SPOT_STEP + 1) as usize;
    let s0 = [118_400.0f64, 4_310.0, 212.0];
    let beta = [1.0, 1.15, 1.35];
    let mut out: [Vec<f64>; 3] = [Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n)];
    let mut s = s0;
    let mut h = 0.0f64;
    let jump_p = 3.0 / (DAY / SPOT_STEP) as f64;
    for i in 0..n {
        let t = SPOT0 + i as i64 * SPOT_STEP;
        h = h * 0.9995 + 0.012 * r.normal();
        let hod = (t.rem_euclid(DAY)) / HOUR;
        let mut f = (h.clamp(-1.2, 1.2)).exp();
        if (13..16).contains(&hod) {
            f *= 1.45;
        }
        if weekday(t) >= 5 {
            f *= 0.7;
        }
        let common = r.normal();
        let mut jump = 0.0;
        if r.chance(jump_p) {
            jump = r.gauss(0.0, 0.005);
        }
        for c in 0..3 {
            let sig = World::sigma10(c) * f;
            let idio = r.normal();
            let ret = sig * (0.8 * common + 0.6 * idio) + jump * beta[c];
            s[c] *= ret.exp();
            out[c].push(s[c]);
        }
    }
    out
}

pub fn build(seed: &mut Rng) -> World {
    let r = seed.fork(18);
    let w = World {
        markets: Vec::new(),
        groups: Vec::new(),
        headlines: Vec::new(),
        games: Vec::new(),
        updown: Vec::new(),
        by_kind: vec![Vec::new(); KINDS.len()],
        spot: [Vec::new(), Vec::new(), Vec::new()],
        long: Vec::new(),
    };
    let mut b = Builder { r, w, slugs: BTreeSet::new(), topic_markets: vec![Vec::new(); TOPICS] };
    let mut sr = b.r.fork(1);
    b.w.spot = build_spot(&mut sr);
    long_markets(&mut b);
    elections(&mut b);
    macro_events(&mut b);
    culture_events(&mut b);
    weather(&mut b);
    strikes(&mut b);
    updowns(&mut b);
    sports(&mut b);
    topic_headlines(&mut b);
    let mut w = b.w;
    w.headlines.sort_by(|a, b| a.t.cmp(&b.t).then(a.topic.cmp(&b.topic)));
    for m in w.markets.iter_mut() {
        m.news.sort();
        m.news.dedup();
    }
    let mut order: Vec<usize> = (0..w.games.len()).collect();
    order.sort_by_key(|g| (w.games[*g].start, *g));
    let mut games = Vec::with_capacity(order.len());
    let mut old = std::mem::take(&mut w.games).into_iter().map(Some).collect::<Vec<_>>();
    let mut remap = vec![0usize; order.len()];
    for (new, g) in order.iter().enumerate() {
        remap[*g] = new;
        games.push(old[*g].take().expect("each game once"));
    }
    for m in w.markets.iter_mut() {
        if let Some(g) = m.game {
            m.game = Some(remap[g]);
        }
    }
    w.games = games;
    w
}

// ---------------------------------------------------------------------------------------------
// Long-running markets and the headlines that move them.

/// How a long market ends.
#[derive(Clone, Copy)]
enum Ends {
    /// Open past NOW.
    Open,
    /// A deadline: resolves No at this time unless the thing happens first.
    By(i64),
    /// Decided at a scheduled moment (a ruling, a keynote) by the odds then.
    At(i64),
}

struct LongSpec {
    kind: Kind,
    topic: usize,
    title: &'static str,
    p0: f64,
    vol: f64,
    ends: Ends,
    /// Chance that the thing happens inside the window (a deadline market resolving Yes).
    happens: f64,
}

const T_US: usize = 0;
const T_MIDEAST: usize = 1;
const T_UKRAINE: usize = 2;
const T_FED: usize = 3;
const T_AI: usize = 4;
const T_TRADE: usize = 5;
const T_SCOTUS: usize = 6;
const T_CULTURE: usize = 7;
const T_EUROPE: usize = 8;
const T_ASIA: usize = 9;
const T_CRYPTO: usize = 10;
const T_SPACE: usize = 11;
const T_WEATHER: usize = 12;
const T_ELECTION: usize = 13;

fn long_specs() -> Vec<LongSpec> {
    let jun30 = date(6, 30) + 23 * HOUR + 59 * MIN + 4 * HOUR;
    let jun15 = date(6, 16) + 3 * HOUR + 59 * MIN;
    let may31 = date(6, 1) + 3 * HOUR + 59 * MIN;
    let jun7 = date(6, 7) + 17 * HOUR + 40 * MIN;
    let ls = |kind, topic, title, p0, vol, ends, happens| LongSpec { kind, topic, title, p0, vol, ends, happens };
    use Kind::*;
    vec![
        ls(Politics, T_US, "Will the Senate pass the FY2028 NDAA by June 30?", 0.12, 0.5, Ends::By(jun30), 0.05),
        ls(Politics, T_US, "Trump approval rating above 44% on June 30?", 0.35, 0.7, Ends::Open, 0.0),
        ls(Politics, T_US, "Government shutdown before October 1, 2027?", 0.31, 0.4, Ends::Open, 0.0),
        ls(Politics, T_US, "Will a Cabinet secretary leave office by June 30?", 0.27, 0.6, Ends::By(jun30), 0.2),
        ls(Deadline, T_US, "Will Trump sign an executive order on AI chip exports by June 15?", 0.3, 0.8, Ends::By(jun15), 0.25),
        ls(Politics, T_US, "Will JD Vance announce a 2028 presidential run by June 30?", 0.04, 0.5, Ends::By(jun30), 0.0),
        ls(Deadline, T_MIDEAST, "Israel x Hezbollah ceasefire collapses by June 30?", 0.15, 0.7, Ends::By(jun30), 0.06),
        ls(Deadline, T_MIDEAST, "US military strike on Iran by June 30?", 0.08, 0.8, Ends::By(jun30), 0.04),
        ls(Politics, T_MIDEAST, "Will Netanyahu remain Prime Minister through June 30?", 0.93, 0.5, Ends::Open, 0.0),
        ls(Deadline, T_MIDEAST, "Gaza reconstruction conference held by June 15?", 0.42, 0.7, Ends::By(jun15), 0.35),
        ls(Deadline, T_UKRAINE, "Russia x Ukraine ceasefire by June 30?", 0.1, 0.7, Ends::By(jun30), 0.03),
        ls(Deadline, T_UKRAINE, "Will Putin meet Zelenskyy by June 30?", 0.05, 0.6, Ends::By(jun30), 0.0),
        ls(Deadline, T_UKRAINE, "Will Russia capture Kostiantynivka by June 30?", 0.35, 0.6, Ends::By(jun30), 0.15),
        ls(Deadline, T_UKRAINE, "New US sanctions on Russian oil announced by May 31?", 0.3, 0.8, Ends::By(may31), 0.3),
        ls(Deadline, T_TRADE, "US x China trade deal announced by June 30?", 0.2, 0.7, Ends::By(jun30), 0.06),
        ls(Deadline, T_TRADE, "Will the US raise tariffs on EU goods by June 30?", 0.18, 0.7, Ends::By(jun30), 0.05),
        ls(Deadline, T_TRADE, "Trump x Xi in-person meeting by June 30?", 0.22, 0.6, Ends::By(jun30), 0.05),
        ls(Politics, T_SCOTUS, "Supreme Court rules for the administration in Trump v. Barbara?", 0.28, 0.4, Ends::At(0), 0.0),
        ls(Politics, T_SCOTUS, "Supreme Court rules for the FTC in FTC v. Meta Platforms?", 0.45, 0.4, Ends::At(0), 0.0),
        ls(Politics, T_SCOTUS, "Supreme Court sides with the states in Texas v. EPA?", 0.62, 0.4, Ends::At(0), 0.0),
        ls(Politics, T_SCOTUS, "Supreme Court strikes down the Illinois assault weapons ban?", 0.55, 0.4, Ends::At(0), 0.0),
        ls(Tech, T_AI, "OpenAI releases GPT-6 by June 30?", 0.3, 0.8, Ends::By(jun30), 0.1),
        ls(Tech, T_AI, "Apple announces Gemini-powered Siri at WWDC?", 0.6, 0.6, Ends::At(jun7), 0.0),
        ls(Tech, T_AI, "Will Apple announce a foldable iPhone at WWDC?", 0.08, 0.6, Ends::At(jun7 + 20 * MIN), 0.0),
        ls(Tech, T_AI, "xAI releases Grok 6 by June 30?", 0.4, 0.8, Ends::By(jun30), 0.15),
        ls(Tech, T_AI, "Will Nvidia be the largest company in the world on June 30?", 0.7, 0.5, Ends::Open, 0.0),
        ls(Culture, T_CULTURE, "Taylor Swift announces a new album by June 30?", 0.15, 0.7, Ends::By(jun30), 0.05),
        ls(Culture, T_CULTURE, "Will GTA VI be delayed again by June 30?", 0.1, 0.6, Ends::By(jun30), 0.0),
        ls(Culture, T_CULTURE, "Kanye West releases a new album by June 30?", 0.2, 0.8, Ends::By(jun30), 0.05),
        ls(Politics, T_EUROPE, "Will Keir Starmer remain UK Prime Minister through June 30?", 0.8, 0.6, Ends::Open, 0.0),
        ls(Politics, T_EUROPE, "UK general election called by June 30?", 0.05, 0.6, Ends::By(jun30), 0.0),
        ls(Macro, T_FED, "Will the ECB cut rates in July?", 0.4, 0.6, Ends::Open, 0.0),
        ls(Deadline, T_ASIA, "China x Taiwan military clash by June 30?", 0.03, 0.6, Ends::By(jun30), 0.0),
        ls(Deadline, T_ASIA, "North Korea nuclear test by June 30?", 0.04, 0.6, Ends::By(jun30), 0.0),
        ls(Politics, T_ASIA, "Will Japan's Prime Minister call a snap election by June 30?", 0.12, 0.7, Ends::By(jun30), 0.04),
        ls(Politics, T_CRYPTO, "CLARITY Act signed into law by June 30?", 0.3, 0.7, Ends::By(jun30), 0.08),
        ls(Deadline, T_CRYPTO, "Will the US government announce Bitcoin purchases by June 30?", 0.06, 0.6, Ends::By(jun30), 0.0),
        ls(Tech, T_SPACE, "SpaceX Starship launch by June 15?", 0.6, 0.8, Ends::By(jun15), 0.55),
        ls(Tech, T_SPACE, "Will Starship's ship be caught by the tower by June 30?", 0.15, 0.7, Ends::By(jun30), 0.0),
        ls(Macro, T_FED, "US recession in 2027?", 0.22, 0.4, Ends::Open, 0.0),
        ls(Macro, T_FED, "Will the 10-year Treasury yield close June above 4.75%?", 0.35, 0.7, Ends::Open, 0.0),
        ls(Macro, T_FED, "Will gold hit $5,000 by June 30?", 0.2, 0.8, Ends::By(jun30), 0.04),
        ls(Deadline, T_WEATHER, "Named storm forms in the Atlantic before June 15?", 0.45, 0.7, Ends::By(jun15), 0.45),
        ls(Deadline, T_WEATHER, "Will Central Park hit 95°F in June?", 0.3, 0.6, Ends::By(jun30), 0.12),
        ls(
            Politics,
            T_US,
            "Will Trump say \"rigged\" during a public speech this week?",
            0.7,
            0.9,
            Ends::By(date(6, 20) + 4 * HOUR - 1),
            0.8,
        ),
        ls(Deadline, T_EUROPE, "Will Marine Le Pen's appeal ruling be delivered by June 30?", 0.5, 0.5, Ends::By(jun30), 0.2),
    ]
}

fn long_markets(b: &mut Builder) {
    let opinion_days = [date(6, 1), date(6, 3), date(6, 8), date(6, 10), date(6, 15), date(6, 17), date(6, 22)];
    for spec in long_specs() {
        let mut r = b.r.fork(spec.title.len() as u64);
        let open = START - r.int(10, 90) * DAY;
        let t0 = START;
        let mut ends = spec.ends;
        if let Ends::At(0) = ends {
            let d = *r.pick(&opinion_days);
            ends = Ends::At(d + 14 * HOUR + r.int(0, 40) * MIN);
        }
        // When the thing happens (a jump to yes) for deadline markets.
        let deadline = match ends {
            Ends::By(t) => t,
            _ => NOW + 30 * DAY,
        };
        let happen =
            if r.chance(spec.happens) { Some(START + r.int(2 * HOUR, (deadline.min(NOW) - START - 3 * HOUR).max(3 * HOUR))) } else { None };
        let decay = match ends {
            Ends::By(t) => Some(t),
            _ => None,
        };
        let x0 = logit(spec.p0);
        let vol = spec.vol * 0.4;
        let vf = move |_t: i64| vol;
        let drift = move |t: i64| match decay {
            Some(d) => {
                let left = ((d - t) as f64 / DAY as f64).max(0.3);
                -0.8 / left
            }
            None => 0.0,
        };
        let mut jumps = Vec::new();
        if let Some(h) = happen {
            jumps.push((h, 7.0));
        }
        let t1 = match ends {
            Ends::By(t) | Ends::At(t) => t.min(NOW),
            Ends::Open => NOW,
        };
        let happen_close = happen.map(|h| h + r.int(2, 30) * HOUR);
        let t1 = match happen_close {
            Some(c) => c.min(NOW),
            None => t1,
        };
        let xs = walk(&mut r, t0, t1, 60, x0, &vf, &drift, &jumps);
        let mut path: Vec<f32> = xs.iter().map(|x| expit(*x) as f32).collect();
        let (close, winner) = if let (Some(h), Some(c)) = (happen, happen_close) {
            settle(&mut path, t0, 60, h + 5 * MIN, true, 3);
            if c < NOW { (c, Some(0)) } else { (NOW + 5 * DAY, None) }
        } else {
            match ends {
                Ends::Open => (NOW + r.int(10, 200) * DAY, None),
                Ends::By(t) => {
                    if t <= NOW {
                        settle(&mut path, t0, 60, t - 20 * MIN, false, 10);
                        (t, Some(1))
                    } else {
                        (t, None)
                    }
                }
                Ends::At(t) => {
                    if t <= NOW {
                        let pe = path[((t - t0) / 60 - 1).max(0) as usize] as f64;
                        let yes = r.chance(pe);
                        settle(&mut path, t0, 60, t, yes, 2);
                        (t + r.int(1, 20) * HOUR, Some(if yes { 0 } else { 1 }))
                    } else {
                        (t + 2 * HOUR, None)
                    }
                }
            }
        };
        let close = if winner.is_some() { close.min(NOW) } else { close };
        let mut m = Market::blank(spec.kind, spec.title.to_string(), ["Yes", "No"]);
        m.open = open;
        m.close = if winner.is_some() { close.max(t0 + 3 * HOUR) } else { close };
        m.start = open;
        m.end = close;
        m.winner = winner;
        m.t0 = t0;
        m.step = 60;
        // Extend the path to the close if it stopped earlier (after a settlement).
        let need = ((m.close.min(NOW) - t0) / 60 + 1) as usize;
        let lastv = *path.last().unwrap_or(&0.5);
        while path.len() < need {
            path.push(lastv);
        }
        m.path = path;
        m.spread = *r.pick(&[1, 1, 1, 2, 2, 3]);
        m.heat = r.lognormal(1.0, 0.6);
        m.depth = r.lognormal(2500.0, 0.8);
        m.topic = spec.topic;
        let id = b.push(m);
        if let Some(h) = happen {
            b.headline(h, spec.topic, vec![(id, 7.0)]);
        }
        if let Ends::At(t) = ends
            && t <= NOW
        {
            let sgn = if b.w.markets[id].winner == Some(0) { 4.0 } else { -4.0 };
            b.headline(t, spec.topic, vec![(id, sgn)]);
        }
    }

    // Long multi-outcome groups.
    let fed_cuts = ["0", "1", "2", "3 or more"];
    long_group(
        b,
        "How many Fed rate cuts in 2027?",
        "Will the Fed cut rates {} times in 2027?",
        &fed_cuts,
        &[0.25, 0.35, 0.28, 0.12],
        Kind::Macro,
        T_FED,
    );
    let ai = ["OpenAI", "Google", "Anthropic", "xAI", "DeepSeek"];
    long_group(
        b,
        "Which company has the best AI model end of June?",
        "Will {} have the best AI model at the end of June 2027?",
        &ai,
        &[0.3, 0.38, 0.2, 0.08, 0.04],
        Kind::Tech,
        T_AI,
    );
    let nom = ["Marco Rubio", "J.D. Vance", "Donald Trump Jr.", "Tucker Carlson", "Ron DeSantis"];
    long_group(
        b,
        "Republican presidential nominee 2028",
        "Will {} win the 2028 Republican presidential nomination?",
        &nom,
        &[0.12, 0.52, 0.07, 0.05, 0.04],
        Kind::Politics,
        T_US,
    );
    let dem = ["Gavin Newsom", "Alexandria Ocasio-Cortez", "Josh Shapiro", "Pete Buttigieg", "Andy Beshear", "Wes Moore"];
    long_group(
        b,
        "Democratic presidential nominee 2028",
        "Will {} win the 2028 Democratic presidential nomination?",
        &dem,
        &[0.3, 0.14, 0.11, 0.08, 0.05, 0.05],
        Kind::Politics,
        T_US,
    );
}

fn long_group(b: &mut Builder, title: &str, template: &str, names: &[&str], w0: &[f64], kind: Kind, topic: usize) {
    let mut r = b.r.fork(title.len() as u64 * 7);
    let t0 = START;
    let n = ((NOW - t0) / 60 + 1) as usize;
    let k = names.len();
    let mut lw: Vec<f64> = w0.iter().map(|w| w.ln()).collect();
    let mut paths = (0..k).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
    let dt = 60.0 / DAY as f64;
    for _ in 0..n {
        for x in lw.iter_mut() {
            *x += 0.35 * dt.sqrt() * r.normal();
        }
        let mx = lw.iter().cloned().fold(f64::MIN, f64::max);
        let z: f64 = lw.iter().map(|x| (x - mx).exp()).sum();
        let total_other = 1.0 - w0.iter().sum::<f64>();
        for i in 0..k {
            let p = (lw[i] - mx).exp() / z * (1.0 - total_other.max(0.0));
            paths[i].push(p.clamp(0.003, 0.997) as f32);
        }
    }
    dislocate(&mut r, &mut paths, 60, 2.0);
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let q = template.replace("{}", name);
        let mut m = Market::blank(kind, q, ["Yes", "No"]);
        m.open = START - r.int(20, 200) * DAY;
        m.close = NOW + r.int(15, 500) * DAY;
        m.start = m.open;
        m.end = m.close;
        m.t0 = t0;
        m.path = std::mem::take(&mut paths[i]);
        m.spread = 1;
        m.heat = r.lognormal(0.8, 0.5);
        m.depth = r.lognormal(4000.0, 0.7);
        m.topic = topic;
        ids.push(b.push(m));
    }
    let g = b.group(title, kind, ids, NOW + 400 * DAY);
    b.w.groups[g].complete = w0.iter().sum::<f64>() > 0.99;
}

/// Leaves room for the competitors not listed: every price before `until` scaled by `keep`.
fn shrink_group(b: &mut Builder, ids: &[usize], keep: f32, until: i64) {
    for &m in ids {
        let mk = &mut b.w.markets[m];
        let (t0, step) = (mk.t0, mk.step);
        for (i, v) in mk.path.iter_mut().enumerate() {
            if t0 + i as i64 * step < until {
                *v = (*v * keep).max(0.003);
            }
        }
        if let Some(g) = mk.group {
            b.w.groups[g].complete = false;
        }
    }
}

/// Random headlines per topic: each moves one to three of the topic's open markets.
fn topic_headlines(b: &mut Builder) {
    let mut r = b.r.fork(99);
    let rates = [1.6, 1.2, 1.0, 0.8, 1.3, 0.9, 0.5, 0.7, 0.6, 0.5, 0.6, 0.5, 0.5, 0.8];
    for (topic, rate) in rates.iter().copied().enumerate() {
        let ms: Vec<usize> = b.topic_markets[topic].clone();
        if ms.is_empty() {
            continue;
        }
        let mut t = START + r.exp(DAY as f64 / rate) as i64;
        while t < NOW - 10 * MIN {
            // Headlines come more in the US day.
            let hod = t.rem_euclid(DAY) / HOUR;
            if (4..11).contains(&hod) && r.chance(0.6) {
                t += r.exp(DAY as f64 / rate) as i64;
                continue;
            }
            let live: Vec<usize> = ms
                .iter()
                .copied()
                .filter(|m| b.w.markets[*m].group.is_none() && b.w.markets[*m].live(t) && b.w.markets[*m].live(t + 30 * MIN))
                .collect();
            if !live.is_empty() {
                let k = 1 + r.below(live.len().min(3));
                let dir = if r.chance(0.5) { 1.0 } else { -1.0 };
                let mut hits = Vec::new();
                for _ in 0..k {
                    let m = *r.pick(&live);
                    if hits.iter().any(|(x, _)| *x == m) {
                        continue;
                    }
                    let size = r.lognormal(0.45, 0.6).min(2.5) * dir * if r.chance(0.8) { 1.0 } else { -1.0 };
                    hits.push((m, size));
                }
                for (m, dx) in &hits {
                    apply_jump(&mut b.w.markets[*m], t, *dx);
                }
                b.headline(t, topic, hits);
            }
            t += r.exp(DAY as f64 / rate) as i64 + 20 * MIN;
        }
    }
}

/// Moves a generated path after the fact: log-odds shift from one step after `t` on (until a
/// settlement, which stays).
fn apply_jump(m: &mut Market, t: i64, dx: f64) {
    if t < m.t0 {
        return;
    }
    let i = ((t - m.t0) / m.step + 1) as usize;
    for (k, v) in m.path.iter_mut().enumerate().skip(i) {
        let p = *v as f64;
        if !(0.004..=0.996).contains(&p) {
            continue;
        }
        let f = if k < i + 2 { 0.6 } else { 1.0 };
        *v = expit(logit(p) + dx * f).clamp(0.004, 0.996) as f32;
    }
}

// ---------------------------------------------------------------------------------------------
// Elections on results nights.

fn elections(b: &mut Builder) {
    let nights = [
        (
            date(6, 7) + 30 * MIN,
            "Nuevo León governor election winner",
            "Will {} win the 2027 Nuevo León governor election?",
            vec!["Mariana Rodríguez", "Adrián de la Garza", "Clara Luz Flores", "Waldo Fernández"],
            vec![0.46, 0.31, 0.15, 0.08],
        ),
        (
            date(6, 7) + 30 * MIN,
            "Mexico Chamber of Deputies: largest party",
            "Will {} win the most seats in Mexico's 2027 Chamber of Deputies election?",
            vec!["Morena", "PAN", "Movimiento Ciudadano", "PRI"],
            vec![0.84, 0.09, 0.05, 0.02],
        ),
        (
            date(6, 7) + 30 * MIN,
            "Querétaro governor election winner",
            "Will {} win the 2027 Querétaro governor election?",
            vec!["Luis Nava", "Santiago Nieto", "Agustín Dorantes"],
            vec![0.4, 0.44, 0.16],
        ),
        (
            date(6, 16) + 30 * MIN,
            "Florida 2nd district special election runoff",
            "Will {} win the FL-02 special election runoff?",
            vec!["Dana Whitfield", "Marcus Ortega"],
            vec![0.58, 0.42],
        ),
        (
            date(6, 13) + 19 * HOUR,
            "Iceland parliamentary election: largest party",
            "Will {} win the most seats in the 2027 Icelandic parliamentary election?",
            vec!["Social Democratic Alliance", "Independence Party", "Liberal Reform Party", "Centre Party"],
            vec![0.5, 0.3, 0.12, 0.08],
        ),
    ];
    for (gi, (polls_close, title, template, names, w0)) in nights.into_iter().enumerate() {
        let mut r = b.r.fork(700 + gi as u64);
        let t0 = START;
        let results_end = polls_close + r.int(4, 8) * HOUR;
        let k = names.len();
        let t1 = NOW;
        let n = ((t1 - t0) / 60 + 1) as usize;
        let mut lw: Vec<f64> = w0.iter().map(|w: &f64| w.ln()).collect();
        let mut paths = (0..k).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
        let dt = 60.0 / DAY as f64;
        // Result drops: every 10–40 minutes a batch of counted votes moves one candidate.
        let mut drops = Vec::new();
        let mut td = polls_close + r.int(10, 40) * MIN;
        while td < results_end {
            drops.push((td, r.below(k), r.gauss(0.0, 0.45)));
            td += r.int(10, 40) * MIN;
        }
        let mut winner = None;
        let decided = results_end;
        let mut headline_hits: Vec<(i64, usize, f64)> = Vec::new();
        for i in 0..n {
            let t = t0 + i as i64 * 60;
            let night = t >= polls_close - 6 * HOUR && t < results_end;
            let vol = if night { 1.6 } else { 0.45 };
            if winner.is_none() {
                for x in lw.iter_mut() {
                    *x += vol * dt.sqrt() * r.normal();
                }
                for (tt, c, dx) in &drops {
                    if *tt >= t && *tt < t + 60 {
                        lw[*c] += dx;
                        headline_hits.push((*tt, *c, *dx));
                    }
                }
            }
            let mx = lw.iter().cloned().fold(f64::MIN, f64::max);
            let z: f64 = lw.iter().map(|x| (x - mx).exp()).sum();
            let probs: Vec<f64> = lw.iter().map(|x| (x - mx).exp() / z).collect();
            if winner.is_none() && t >= decided && decided <= NOW {
                let w = r.weighted(&probs);
                winner = Some(w);
                for (c, x) in lw.iter_mut().enumerate() {
                    *x = if c == w { 6.0 } else { -6.0 };
                }
            }
            for c in 0..k {
                paths[c].push(probs[c].clamp(0.003, 0.997) as f32);
            }
        }
        dislocate(&mut r, &mut paths, 60, 3.0);
        let close = results_end + r.int(8, 30) * HOUR;
        let resolved = close <= NOW;
        let mut ids = Vec::new();
        for (c, name) in names.iter().enumerate() {
            let mut m = Market::blank(Kind::Election, template.replace("{}", name), ["Yes", "No"]);
            m.open = START - r.int(20, 90) * DAY;
            m.close = if resolved { close } else { close.max(NOW + DAY) };
            m.start = polls_close;
            m.end = results_end;
            m.t0 = t0;
            let need = ((m.close.min(NOW) - t0) / 60 + 1) as usize;
            let mut p = std::mem::take(&mut paths[c]);
            p.truncate(need);
            m.path = p;
            m.winner = if resolved { winner.map(|w| if w == c { 0 } else { 1 }) } else { None };
            m.spread = if w0[c] > 0.1 { 1 } else { 2 };
            m.heat = r.lognormal(1.3, 0.4);
            m.depth = r.lognormal(3000.0, 0.6);
            m.topic = T_ELECTION;
            ids.push(b.push(m));
        }
        for (t, c, dx) in headline_hits {
            b.headline(t, T_ELECTION, vec![(ids[c], dx)]);
        }
        b.group(title, Kind::Election, ids, close);
    }
}

// ---------------------------------------------------------------------------------------------
// Scheduled releases: a forecast that tightens, then the number.

/// A group of bins over a number whose forecast is `mu0 ± sd0` at t0 and whose truth is
/// published at `release`. Returns the market ids.
#[allow(clippy::too_many_arguments)]
fn forecast_group(
    b: &mut Builder,
    kind: Kind,
    topic: usize,
    title: &str,
    questions: Vec<String>,
    edges: &[f64],
    open: i64,
    release: i64,
    close: i64,
    mu0: f64,
    sd0: f64,
    sd_end: f64,
    step: i64,
    heat: f64,
    shocks: &[(i64, f64)],
) -> Vec<usize> {
    let mut r = b.r.fork(title.len() as u64 * 31 + release as u64);
    let truth = r.gauss(mu0, sd0);
    let t0 = open.max(START);
    let t1 = close.min(NOW);
    let n = ((t1 - t0).max(0) / step + 1) as usize;
    let k = edges.len() + 1;
    let mut paths = (0..k).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
    let span = (release - t0).max(step) as f64;
    let mut noise = 0.0f64;
    let mut shock_sum = 0.0;
    let mut known = false;
    for i in 0..n {
        let t = t0 + i as i64 * step;
        let g = ((release - t) as f64 / span).clamp(0.0, 1.0);
        noise = noise * 0.999 + 0.01 * sd0 * r.normal() * g.sqrt();
        for (ts, dx) in shocks {
            if *ts >= t && *ts < t + step {
                shock_sum += dx;
            }
        }
        let (mu, sd) = if t >= release {
            known = true;
            (truth, 1e-6)
        } else {
            let mu = truth + (mu0 - truth) * g.powf(0.7) + noise + shock_sum * g;
            (mu, sd_end + (sd0 - sd_end) * g.sqrt())
        };
        let ps = bins(mu, sd, edges);
        for c in 0..k {
            paths[c].push(ps[c].clamp(0.003, 0.997) as f32);
        }
    }
    dislocate(&mut r, &mut paths, step, 4.0);
    let win_bin = {
        let ps = bins(truth, 1e-6, edges);
        ps.iter().enumerate().max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal)).map(|x| x.0).unwrap_or(0)
    };
    let resolved = close <= NOW && known;
    let mut ids = Vec::new();
    for (c, q) in questions.into_iter().enumerate() {
        let mut m = Market::blank(kind, q, ["Yes", "No"]);
        m.open = open;
        m.close = close;
        m.start = release;
        m.end = release;
        m.t0 = t0;
        m.step = step;
        m.path = std::mem::take(&mut paths[c]);
        m.winner = if resolved { Some(if c == win_bin { 0 } else { 1 }) } else { None };
        m.spread = if c == 0 || c == k - 1 { 2 } else { 1 };
        m.heat = heat * r.lognormal(1.0, 0.3);
        m.depth = r.lognormal(2000.0 * heat, 0.5);
        m.topic = topic;
        ids.push(b.push(m));
    }
    if release <= NOW && release > START {
        let hits: Vec<(usize, f64)> = ids.iter().enumerate().map(|(c, m)| (*m, if c == win_bin { 4.0 } else { -4.0 })).collect();
        b.headline(release, topic, hits);
    }
    for (ts, _) in shocks {
        if *ts > START && *ts <= NOW && *ts < release {
            b.headline(*ts, topic, ids.iter().map(|m| (*m, 0.3)).collect());
        }
    }
    b.group(title, kind, ids.clone(), close);
    ids
}

fn range_questions(template: &str, labels: &[String]) -> Vec<String> {
    labels.iter().map(|l| template.replace("{}", l)).collect()
}

fn macro_events(b: &mut Builder) {
    let rel = |m, d| date(m, d) + 12 * HOUR + 30 * MIN;
    // Payrolls.
    let labels: Vec<String> = ["below 0", "0-50k", "50k-100k", "100k-150k", "150k or more"].iter().map(|s| s.to_string()).collect();
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "May jobs report: nonfarm payrolls",
        range_questions("Will the May jobs report show {} nonfarm payrolls?", &labels),
        &[0.0, 50.0, 100.0, 150.0],
        START - 12 * DAY,
        rel(6, 4),
        rel(6, 4) + 5 * HOUR,
        95.0,
        45.0,
        25.0,
        60,
        2.0,
        &[(date(6, 2) + 12 * HOUR + 15 * MIN, -12.0), (date(6, 3) + 12 * HOUR + 15 * MIN, 8.0)],
    );
    let labels: Vec<String> = ["4.4% or lower", "4.5%", "4.6%", "4.7% or higher"].iter().map(|s| s.to_string()).collect();
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "May unemployment rate",
        range_questions("Will the May unemployment rate be {}?", &labels),
        &[4.45, 4.55, 4.65],
        START - 12 * DAY,
        rel(6, 4),
        rel(6, 4) + 4 * HOUR,
        4.55,
        0.09,
        0.07,
        60,
        1.2,
        &[],
    );
    let labels: Vec<String> = ["0.0% or lower", "0.1%", "0.2%", "0.3%", "0.4% or higher"].iter().map(|s| s.to_string()).collect();
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "May CPI month over month",
        range_questions("Will May CPI rise {} month over month?", &labels),
        &[0.05, 0.15, 0.25, 0.35],
        START - 5 * DAY,
        rel(6, 10),
        rel(6, 10) + 6 * HOUR,
        0.22,
        0.1,
        0.07,
        60,
        2.2,
        &[(date(6, 9) + 13 * HOUR, 0.03)],
    );
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "May CPI year over year",
        vec!["Will May CPI be 3.0% or below year over year?".into(), "Will May CPI be above 3.0% year over year?".into()],
        &[3.05],
        START - 5 * DAY,
        rel(6, 10),
        rel(6, 10) + 3 * HOUR,
        3.0,
        0.12,
        0.08,
        60,
        1.5,
        &[],
    );
    for d in [(5, 27), (6, 3), (6, 10), (6, 17)] {
        let t = rel(d.0, d.1);
        let q = format!("Initial jobless claims above 235k for the week ending {}?", md(t - 5 * DAY));
        forecast_group(
            b,
            Kind::Macro,
            T_FED,
            &format!("Jobless claims {}", iso(t)),
            vec![format!("Initial jobless claims 235k or below for the week ending {}?", md(t - 5 * DAY)), q],
            &[235.0],
            t - 6 * DAY,
            t,
            t + 2 * HOUR,
            233.0,
            9.0,
            7.0,
            60,
            0.6,
            &[],
        );
    }
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "Q1 GDP second estimate",
        vec!["Will the Q1 GDP second estimate be 1.5% or below?".into(), "Will the Q1 GDP second estimate be above 1.5%?".into()],
        &[1.5],
        START - 10 * DAY,
        rel(5, 27),
        rel(5, 27) + 3 * HOUR,
        1.6,
        0.35,
        0.25,
        60,
        0.8,
        &[],
    );
    forecast_group(
        b,
        Kind::Macro,
        T_FED,
        "April PCE inflation",
        vec!["Will April core PCE be 2.6% or below year over year?".into(), "Will April core PCE be above 2.6% year over year?".into()],
        &[2.6],
        START - 10 * DAY,
        rel(5, 28),
        rel(5, 28) + 3 * HOUR,
        2.62,
        0.07,
        0.05,
        60,
        0.9,
        &[],
    );
    // The Fed's June decision: a discrete group decided at 18:00 UTC on June 16.
    let fed_t = date(6, 16) + 18 * HOUR;
    let mut r = b.r.fork(1616);
    let names = ["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"];
    let w0 = [0.78, 0.18, 0.02, 0.02];
    let t0 = START;
    let n = ((NOW - t0) / 60 + 1) as usize;
    let mut lw: Vec<f64> = w0.iter().map(|w: &f64| w.ln()).collect();
    let mut paths = (0..4).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
    let mut winner = None;
    let cpi = rel(6, 10);
    let jobs = rel(6, 4);
    let dt = 60.0 / DAY as f64;
    let cpi_shift = r.gauss(0.0, 0.7);
    let jobs_shift = r.gauss(0.0, 0.6);
    for i in 0..n {
        let t = t0 + i as i64 * 60;
        if winner.is_none() {
            for x in lw.iter_mut() {
                *x += 0.5 * dt.sqrt() * r.normal();
            }
            if t >= cpi && t < cpi + 60 {
                lw[1] += cpi_shift;
            }
            if t >= jobs && t < jobs + 60 {
                lw[1] += jobs_shift;
            }
        }
        let mx = lw.iter().cloned().fold(f64::MIN, f64::max);
        let z: f64 = lw.iter().map(|x| (x - mx).exp()).sum();
        let probs: Vec<f64> = lw.iter().map(|x| (x - mx).exp() / z).collect();
        if winner.is_none() && t >= fed_t {
            let w = r.weighted(&probs);
            winner = Some(w);
            for (c, x) in lw.iter_mut().enumerate() {
                *x = if c == w { 6.0 } else { -6.0 };
            }
        }
        for c in 0..4 {
            paths[c].push(probs[c].clamp(0.003, 0.997) as f32);
        }
    }
    dislocate(&mut r, &mut paths, 60, 3.0);
    let close = fed_t + 3 * HOUR;
    let mut ids = Vec::new();
    for (c, name) in names.iter().enumerate() {
        let mut m = Market::blank(Kind::Macro, format!("Fed decision in June: {name}?"), ["Yes", "No"]);
        m.open = START - 40 * DAY;
        m.close = close;
        m.start = fed_t;
        m.end = fed_t;
        m.t0 = t0;
        let need = ((close - t0) / 60 + 1) as usize;
        let mut p = std::mem::take(&mut paths[c]);
        p.truncate(need);
        m.path = p;
        m.winner = winner.map(|w| if w == c { 0 } else { 1 });
        m.spread = 1;
        m.heat = if c < 2 { 2.5 } else { 0.8 };
        m.depth = r.lognormal(8000.0, 0.4);
        m.topic = T_FED;
        ids.push(b.push(m));
    }
    let w = winner.unwrap_or(0);
    b.headline(fed_t, T_FED, ids.iter().enumerate().map(|(c, m)| (*m, if c == w { 4.0 } else { -4.0 })).collect());
    b.headline(cpi, T_FED, vec![(ids[1], cpi_shift), (ids[0], -cpi_shift)]);
    b.headline(jobs, T_FED, vec![(ids[1], jobs_shift), (ids[0], -jobs_shift)]);
    b.group("Fed decision in June", Kind::Macro, ids, close);

    // Words during the press conference: each resolves yes when first said, else no at the end.
    let words = ["recession", "tariff", "inflation expectations", "AI", "soft landing", "stagflation"];
    let presser = fed_t + 30 * MIN;
    for wd in words {
        let mut r = b.r.fork(wd.len() as u64 * 13 + 5);
        let p0 = r.range(0.2, 0.85);
        let said = if r.chance(p0) { Some(presser + r.int(2, 55) * MIN) } else { None };
        let open = date(6, 11);
        let t1 = presser + 60 * MIN;
        let xs = walk(
            &mut r,
            open,
            t1,
            60,
            logit(p0),
            &|t| if t >= presser { 2.5 } else { 0.6 },
            &|t| if t >= presser { -2.0 } else { 0.0 },
            &[],
        );
        let mut path: Vec<f32> = xs.iter().map(|x| expit(*x) as f32).collect();
        let close;
        let winner;
        if let Some(ts) = said {
            settle(&mut path, open, 60, ts, true, 1);
            winner = Some(0);
            close = ts + 20 * MIN;
        } else {
            settle(&mut path, open, 60, t1 - MIN, false, 2);
            winner = Some(1);
            close = t1;
        }
        let need = ((close - open) / 60 + 1) as usize;
        path.truncate(need);
        let mut m =
            Market::blank(Kind::Culture, format!("Will the Fed Chair say \"{wd}\" during the June press conference?"), ["Yes", "No"]);
        m.open = open;
        m.close = close;
        m.start = presser;
        m.end = t1;
        m.t0 = open;
        m.path = path;
        m.winner = winner;
        m.spread = 2;
        m.heat = r.lognormal(1.0, 0.3);
        m.depth = r.lognormal(800.0, 0.5);
        m.topic = T_FED;
        let id = b.push(m);
        if let Some(ts) = said {
            b.headline(ts, T_FED, vec![(id, 6.0)]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Culture: box office, awards, charts, tweet counts, keynote words.

fn culture_events(b: &mut Builder) {
    let films: [(&str, f64, i64); 4] = [
        ("Neon Tides", 70.0, date(5, 28)),
        ("The Last Orchard", 38.0, date(6, 4)),
        ("Paper Kingdoms 2", 125.0, date(6, 11)),
        ("Salt & Iron", 55.0, date(6, 18)),
    ];
    for (name, mu, fri) in films {
        let edges = [mu * 0.7, mu * 0.9, mu * 1.1, mu * 1.3].map(|x| (x / 5.0).round() * 5.0);
        let labels = vec![
            format!("under ${}M", edges[0]),
            format!("${}M-{}M", edges[0], edges[1]),
            format!("${}M-{}M", edges[1], edges[2]),
            format!("${}M-{}M", edges[2], edges[3]),
            format!("${}M or more", edges[3]),
        ];
        let qs = range_questions(&format!("Will \"{name}\" gross {{}} in its opening weekend?"), &labels);
        let release = fri + 2 * DAY + 17 * HOUR; // Sunday estimates
        let shocks = [(fri + 16 * HOUR, 0.0), (fri + DAY + 16 * HOUR, 0.0)];
        let mut r = b.r.fork(name.len() as u64);
        let sh: Vec<(i64, f64)> = shocks.iter().map(|(t, _)| (*t, r.gauss(0.0, mu * 0.08))).collect();
        forecast_group(
            b,
            Kind::Culture,
            T_CULTURE,
            &format!("{name} opening weekend box office"),
            qs,
            &edges,
            fri - 9 * DAY,
            release,
            release + DAY + 4 * HOUR,
            mu,
            mu * 0.22,
            mu * 0.06,
            60,
            0.9,
            &sh,
        );
    }
    // Tony Awards on the night of June 13 (ET): each category revealed during the ceremony.
    let cats = [
        ("Best Musical", vec!["Starling", "The Ferryman's Daughter", "Glass Houses", "Heartland Radio"], vec![0.45, 0.25, 0.2, 0.1]),
        ("Best Play", vec!["A Quiet Republic", "Ironwood", "The Understudy", "Salt"], vec![0.5, 0.2, 0.18, 0.12]),
        ("Best Revival of a Musical", vec!["Company", "Pippin", "Sunday in the Park with George"], vec![0.55, 0.3, 0.15]),
        (
            "Best Leading Actress in a Musical",
            vec!["Rachel Zegler", "Lea Salonga", "Ariana DeBose", "Kelli O'Hara"],
            vec![0.35, 0.3, 0.2, 0.15],
        ),
    ];
    let ceremony = date(6, 14);
    for (ci, (cat, names, w0)) in cats.into_iter().enumerate() {
        let reveal = ceremony + 20 * MIN + ci as i64 * 40 * MIN + b.r.int(0, 15) * MIN;
        softmax_event(
            b,
            Kind::Culture,
            T_CULTURE,
            &format!("Tony Awards 2027: {cat}"),
            &format!("Will {{}} win {cat} at the 2027 Tony Awards?"),
            &names,
            &w0,
            START - 20 * DAY,
            reveal,
            reveal + 10 * HOUR,
            0.5,
            &[],
            0.7,
        );
    }
    // Billboard Hot 100 number one, revealed Monday afternoons.
    let songs = ["Golden Hour (Remix)", "Paper Planes Again", "Sunday Girl", "Velvet", "Low Tide"];
    for (i, mon) in [date(5, 24), date(5, 31), date(6, 7), date(6, 14), date(6, 21)].iter().enumerate() {
        let reveal = mon + 16 * HOUR + 30 * MIN;
        let mut rr = b.r.fork(900 + i as u64);
        let mut picks: Vec<&str> = songs.to_vec();
        rr.shuffle(&mut picks);
        picks.truncate(4);
        let mut w0 = vec![0.55, 0.25, 0.12, 0.08];
        rr.shuffle(&mut w0[1..]);
        softmax_event(
            b,
            Kind::Culture,
            T_CULTURE,
            &format!("Billboard Hot 100 #1 on {}", md(*mon)),
            &format!("Will \"{{}}\" be #1 on the Billboard Hot 100 revealed {}?", md(*mon)),
            &picks,
            &w0,
            mon - 7 * DAY,
            reveal,
            reveal + 6 * HOUR,
            0.6,
            &[(mon - 3 * DAY + 14 * HOUR, 0.5)],
            0.6,
        );
    }
    // Elon Musk's posts per week: a count that accumulates.
    let weeks = [date(5, 21), date(5, 28), date(6, 4), date(6, 11), date(6, 18)];
    for (i, fri) in weeks.iter().enumerate() {
        let s = fri + 16 * HOUR;
        let e = s + 7 * DAY;
        let labels: Vec<String> =
            ["fewer than 200", "200-299", "300-399", "400-499", "500 or more"].iter().map(|x| x.to_string()).collect();
        let qs = range_questions(&format!("Will Elon Musk post {{}} times from {} to {}?", md(s), md(e)), &labels);
        let mut r = b.r.fork(1300 + i as u64);
        let mu = r.gauss(340.0, 60.0);
        let t0 = (s - 2 * DAY).max(START);
        let t1 = e.min(NOW);
        let step = 120;
        let n = ((t1 - t0) / step + 1) as usize;
        let rate = mu / (7.0 * 24.0);
        let mut count = 0.0f64;
        let edges = [200.0, 300.0, 400.0, 500.0];
        let mut paths = (0..5).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
        let mut est = rate;
        for k in 0..n {
            let t = t0 + k as i64 * step;
            if t >= s {
                let hod = (t.rem_euclid(DAY)) / HOUR;
                let awake = if (8..14).contains(&hod) { 0.3 } else { 1.2 };
                let lam = rate * awake * step as f64 / HOUR as f64 * r.lognormal(1.0, 0.5);
                count += r.poisson(lam) as f64;
                let elapsed = ((t - s) as f64 / HOUR as f64).max(1.0);
                est = 0.9 * est + 0.1 * (count / elapsed);
            }
            let left = ((e - t).max(0) as f64 / HOUR as f64).min(7.0 * 24.0);
            let mu_t = count + est * left;
            let sd = (est * left * 2.5).sqrt() + 3.0;
            let ps = bins(mu_t, sd, &edges);
            for c in 0..5 {
                paths[c].push(ps[c].clamp(0.003, 0.997) as f32);
            }
        }
        dislocate(&mut r, &mut paths, step, 3.0);
        let resolved = e + 2 * HOUR <= NOW;
        let final_bin = bins(count, 1e-6, &edges).iter().position(|p| *p > 0.5).unwrap_or(0);
        let mut ids = Vec::new();
        for (c, q) in qs.into_iter().enumerate() {
            let mut m = Market::blank(Kind::Culture, q, ["Yes", "No"]);
            m.open = s - 2 * DAY;
            m.close = e + 2 * HOUR;
            m.start = s;
            m.end = e;
            m.t0 = t0;
            m.step = step;
            let need = ((m.close.min(NOW) - t0) / step + 1) as usize;
            let mut p = std::mem::take(&mut paths[c]);
            let lastv = *p.last().unwrap_or(&0.5);
            while p.len() < need {
                p.push(lastv);
            }
            p.truncate(need);
            m.path = p;
            if resolved {
                m.winner = Some(if c == final_bin { 0 } else { 1 });
                let win0 = c == final_bin;
                settle(&mut m.path, t0, step, e, win0, 3);
            }
            m.spread = 1 + (c == 0 || c == 4) as i64;
            m.heat = r.lognormal(0.9, 0.3);
            m.depth = r.lognormal(1500.0, 0.5);
            m.topic = T_CULTURE;
            ids.push(b.push(m));
        }
        b.group(&format!("Elon Musk # of posts {} - {}", md(s), md(e)), Kind::Culture, ids, e + 2 * HOUR);
    }
    // WWDC keynote words.
    let keynote = date(6, 7) + 17 * HOUR;
    for wd in ["Gemini", "Vision Pro", "Siri", "OpenAI", "tariffs"] {
        let mut r = b.r.fork(wd.len() as u64 * 101);
        let p0 = r.range(0.15, 0.9);
        let said = if r.chance(p0) { Some(keynote + r.int(3, 100) * MIN) } else { None };
        let open = date(6, 2);
        let t1 = keynote + 110 * MIN;
        let xs = walk(
            &mut r,
            open,
            t1,
            60,
            logit(p0),
            &|t| if t >= keynote { 2.0 } else { 0.7 },
            &|t| if t >= keynote { -1.5 } else { 0.0 },
            &[],
        );
        let mut path: Vec<f32> = xs.iter().map(|x| expit(*x) as f32).collect();
        let (close, winner) = if let Some(ts) = said {
            settle(&mut path, open, 60, ts, true, 1);
            (ts + 30 * MIN, Some(0))
        } else {
            settle(&mut path, open, 60, t1 - MIN, false, 2);
            (t1 + 10 * MIN, Some(1))
        };
        let need = ((close - open) / 60 + 1) as usize;
        let lastv = *path.last().unwrap_or(&0.5);
        while path.len() < need {
            path.push(lastv);
        }
        path.truncate(need);
        let mut m = Market::blank(Kind::Culture, format!("Will Apple say \"{wd}\" during the WWDC 2027 keynote?"), ["Yes", "No"]);
        m.open = open;
        m.close = close;
        m.start = keynote;
        m.end = t1;
        m.t0 = open;
        m.path = path;
        m.winner = winner;
        m.spread = 2;
        m.heat = r.lognormal(0.9, 0.3);
        m.depth = r.lognormal(900.0, 0.4);
        m.topic = T_AI;
        let id = b.push(m);
        if let Some(ts) = said {
            b.headline(ts, T_AI, vec![(id, 6.0)]);
        }
    }
}

/// A multi-outcome event whose winner is drawn at `decide` from the odds then.
#[allow(clippy::too_many_arguments)]
fn softmax_event(
    b: &mut Builder,
    kind: Kind,
    topic: usize,
    title: &str,
    template: &str,
    names: &[&str],
    w0: &[f64],
    open: i64,
    decide: i64,
    close: i64,
    vol: f64,
    shocks: &[(i64, f64)],
    heat: f64,
) -> Vec<usize> {
    let mut r = b.r.fork(title.len() as u64 * 17 + decide as u64);
    let t0 = open.max(START);
    let t1 = close.min(NOW);
    let n = ((t1 - t0).max(0) / 60 + 1) as usize;
    let k = names.len();
    let mut lw: Vec<f64> = w0.iter().map(|w| w.ln()).collect();
    let mut paths = (0..k).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
    let dt = 60.0 / DAY as f64;
    let mut winner = None;
    let mut shock_hits = Vec::new();
    for i in 0..n {
        let t = t0 + i as i64 * 60;
        if winner.is_none() {
            for x in lw.iter_mut() {
                *x += vol * dt.sqrt() * r.normal();
            }
            for (ts, sz) in shocks {
                if *ts >= t && *ts < t + 60 {
                    let c = r.below(k);
                    let dx = r.gauss(0.0, *sz);
                    lw[c] += dx;
                    shock_hits.push((*ts, c, dx));
                }
            }
        }
        let mx = lw.iter().cloned().fold(f64::MIN, f64::max);
        let z: f64 = lw.iter().map(|x| (x - mx).exp()).sum();
        let probs: Vec<f64> = lw.iter().map(|x| (x - mx).exp() / z).collect();
        if winner.is_none() && t >= decide {
            let w = r.weighted(&probs);
            winner = Some(w);
            for (c, x) in lw.iter_mut().enumerate() {
                *x = if c == w { 6.0 } else { -6.0 };
            }
        }
        for c in 0..k {
            paths[c].push(probs[c].clamp(0.003, 0.997) as f32);
        }
    }
    dislocate(&mut r, &mut paths, 60, 3.0);
    let resolved = close <= NOW;
    let mut ids = Vec::new();
    for (c, name) in names.iter().enumerate() {
        let mut m = Market::blank(kind, template.replace("{}", name), ["Yes", "No"]);
        m.open = open;
        m.close = close;
        m.start = decide;
        m.end = decide;
        m.t0 = t0;
        m.path = std::mem::take(&mut paths[c]);
        m.winner = if resolved { winner.map(|w| if w == c { 0 } else { 1 }) } else { None };
        m.spread = if w0[c] > 0.15 { 1 } else { 2 };
        m.heat = heat * r.lognormal(1.0, 0.3);
        m.depth = r.lognormal(1500.0, 0.5);
        m.topic = topic;
        ids.push(b.push(m));
    }
    if decide <= NOW && decide > START {
        let w = winner.unwrap_or(0);
        b.headline(decide, topic, ids.iter().enumerate().map(|(c, m)| (*m, if c == w { 4.0 } else { -4.0 })).collect());
    }
    for (ts, c, dx) in shock_hits {
        b.headline(ts, topic, vec![(ids[c], dx)]);
    }
    b.group(title, kind, ids.clone(), close);
    ids
}

// ---------------------------------------------------------------------------------------------
// Weather: the day's highest temperature, in bins, per city.

fn weather(b: &mut Builder) {
    // (name, UTC offset hours, unit, climatology, bin width)
    let cities = [("NYC", -4i64, "°F", 81.0, 2.0), ("London", 1, "°C", 21.0, 1.0), ("Seoul", 9, "°C", 27.0, 1.0)];
    for (ci, (city, off, unit, clim, width)) in cities.into_iter().enumerate() {
        let mut r = b.r.fork(3000 + ci as u64);
        let mut regime = 0.0f64;
        let first = day_start(START) - 3 * DAY;
        let mut day = first;
        while day < NOW + 2 * DAY {
            regime = regime * 0.6 + r.gauss(0.0, 2.2 * width);
            let local_midnight = day - off * HOUR;
            let open = local_midnight - 2 * DAY;
            let known = local_midnight + 18 * HOUR;
            let close = local_midnight + DAY + 10 * HOUR;
            day += DAY;
            if close <= START || open >= NOW {
                continue;
            }
            let truth = (clim + regime + r.gauss(0.0, width)).round();
            let centre = (clim + regime * 0.7).round();
            let lo = centre - width * 2.0;
            let mut edges = Vec::new();
            let mut labels = Vec::new();
            for k in 0..4 {
                edges.push(lo + width * k as f64 + width - 0.5);
            }
            for k in 0..5 {
                let a = lo + width * k as f64;
                let l = if k == 0 {
                    format!("{}{unit} or below", a + width - 1.0)
                } else if k == 4 {
                    format!("{a}{unit} or higher")
                } else if width > 1.0 {
                    format!("{a}-{}{unit}", a + width - 1.0)
                } else {
                    format!("{a}{unit}")
                };
                labels.push(l);
            }
            let t0 = open.max(START);
            let t1 = close.min(NOW);
            let step = 120;
            let n = ((t1 - t0) / step + 1) as usize;
            let mut paths = (0..5).map(|_| Vec::with_capacity(n)).collect::<Vec<Vec<f32>>>();
            let span = (known - open) as f64;
            let mut drift = 0.0f64;
            let mu0 = truth + r.gauss(0.0, 1.6 * width);
            for k in 0..n {
                let t = t0 + k as i64 * step;
                let g = ((known - t) as f64 / span).clamp(0.0, 1.0);
                drift = drift * 0.995 + 0.02 * width * r.normal();
                let mu = truth + (mu0 - truth) * g + drift * g.sqrt();
                let sd = 0.25 + 1.8 * width * g.sqrt();
                let ps = bins(mu, sd, &edges);
                for c in 0..5 {
                    paths[c].push(ps[c].clamp(0.003, 0.997) as f32);
                }
            }
            dislocate(&mut r, &mut paths, step, 2.0);
            let win = bins(truth, 1e-6, &edges).iter().position(|p| *p > 0.5).unwrap_or(0);
            let resolved = close <= NOW;
            let (mo, dd) = month_day(local_midnight + 12 * HOUR);
            let mut ids = Vec::new();
            for c in 0..5 {
                let q = format!("Will the highest temperature in {city} be {} on {mo} {dd}?", labels[c]);
                let mut m = Market::blank(Kind::Weather, q, ["Yes", "No"]);
                m.slug = format!(
                    "highest-temperature-in-{}-on-{}-{dd}-{}",
                    city.to_ascii_lowercase(),
                    mo.to_ascii_lowercase(),
                    slugify(&labels[c])
                );
                m.open = open;
                m.close = close;
                m.start = local_midnight;
                m.end = known;
                m.t0 = t0;
                m.step = step;
                m.path = std::mem::take(&mut paths[c]);
                m.winner = if resolved { Some(if c == win { 0 } else { 1 }) } else { None };
                m.spread = if c == 0 || c == 4 { 2 } else { 1 };
                m.heat = r.lognormal(0.35, 0.4);
                m.depth = r.lognormal(600.0, 0.5);
                m.topic = T_WEATHER;
                m.coin = ci;
                ids.push(b.push(m));
            }
            b.group(&format!("Highest temperature in {city} on {mo} {dd}?"), Kind::Weather, ids, close);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Crypto: daily strikes and up/down intervals, both priced from the spot path.

fn strikes(b: &mut Builder) {
    let steps = [2000.0, 100.0, 5.0];
    let slug_coin = ["bitcoin", "ethereum", "solana"];
    let mut day = day_start(START);
    while day < NOW + 3 * DAY {
        let resolve = day + 16 * HOUR;
        let open = resolve - 3 * DAY;
        day += DAY;
        if resolve <= START || open >= NOW {
            continue;
        }
        for c in 0..3 {
            let s_open = b.w.spot[c][((open.max(SPOT0) - SPOT0) / SPOT_STEP) as usize];
            let base = (s_open / steps[c]).round() * steps[c];
            let mut ids = Vec::new();
            for k in 0..6 {
                let strike = base + (k as f64 - 3.0) * steps[c];
                let t0 = open.max(START);
                let t1 = resolve.min(NOW);
                let n = ((t1 - t0) / 60 + 1) as usize;
                let sig_day = VOL_DAY[c];
                let mut path = Vec::with_capacity(n);
                for i in 0..n {
                    let t = t0 + i as i64 * 60;
                    let tau = ((resolve - t) as f64 / DAY as f64).max(1.0 / 1440.0);
                    let s = b.w.spot(c, t - 30);
                    path.push(phi((s / strike).ln() / (sig_day * tau.sqrt())).clamp(0.003, 0.997) as f32);
                }
                let (mo, dd) = month_day(resolve);
                let price = if c == 2 { format!("{strike:.0}") } else { thousands(strike) };
                let title = format!("Will the price of {} be above ${price} on {mo} {dd}?", COINS[c]);
                let mut m = Market::blank(Kind::Strike, title, ["Yes", "No"]);
                m.slug = format!("{}-above-{}-on-{}", slug_coin[c], strike as i64, md_slug(resolve));
                m.open = open;
                m.close = resolve;
                m.start = open;
                m.end = resolve;
                m.t0 = t0;
                m.path = path;
                if resolve <= NOW {
                    let win0 = b.w.spot(c, resolve) > strike;
                    m.winner = Some(if win0 { 0 } else { 1 });
                }
                m.spread = 1;
                m.heat = if c == 0 { 1.0 } else { 0.5 } * if (2..=3).contains(&k) { 1.5 } else { 0.6 };
                m.depth = if c == 0 { 3000.0 } else { 1200.0 };
                m.coin = c;
                let id = b.push(m);
                ids.push(id);
            }
            let (mo, dd) = month_day(resolve);
            // A ladder of thresholds, not exclusive outcomes.
            let g = b.group(&format!("{} above ___ on {mo} {dd}?", COINS[c]), Kind::Strike, ids, resolve);
            b.w.groups[g].complete = false;
        }
    }
}

fn thousands(x: f64) -> String {
    let v = x.round() as i64;
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn updowns(b: &mut Builder) {
    let specs: [(usize, i64); 5] = [(0, 15 * MIN), (1, 15 * MIN), (0, HOUR), (1, HOUR), (2, HOUR)];
    let short = ["btc", "eth", "sol"];
    for (si, (c, len)) in specs.into_iter().enumerate() {
        let mut r = b.r.fork(5000 + si as u64);
        let first = (START / len) * len;
        let mut markets = Vec::new();
        let mut start = first;
        while start < NOW {
            let end = start + len;
            let open = start - len.max(30 * MIN);
            let t0 = open.max(START);
            let t1 = end.min(NOW);
            let n = ((t1 - t0) / SPOT_STEP + 1) as usize;
            let lag = r.int(1, 3) * SPOT_STEP;
            let s0 = b.w.spot(c, start);
            let sig = World::sigma10(c);
            let mut path = Vec::with_capacity(n);
            let mut wob = 0.0f64;
            for i in 0..n {
                let t = t0 + i as i64 * SPOT_STEP;
                wob = wob * 0.9 + 0.004 * r.normal();
                let p = if t < start {
                    0.5 + wob
                } else {
                    let rem = ((end - t) as f64 / SPOT_STEP as f64).max(1.0);
                    let x = (b.w.spot(c, t - lag) / s0).ln();
                    phi(x / (sig * rem.sqrt())) + wob
                };
                path.push(p.clamp(0.005, 0.995) as f32);
            }
            let (mo, dd) = month_day(start + ET);
            let title = if len == HOUR {
                format!("{} Up or Down - {mo} {dd}, {} ET", COINS[c], et_clock(start, false))
            } else {
                format!("{} Up or Down - {mo} {dd}, {}-{} ET", COINS[c], et_clock(start, true), et_clock(end, true))
            };
            let mut m = Market::blank(Kind::UpDown, title, ["Up", "Down"]);
            m.slug = if len == HOUR {
                format!(
                    "{}-up-or-down-{}-{}-et",
                    COINS[c].to_ascii_lowercase(),
                    md_slug(start + ET),
                    et_clock(start, false).to_ascii_lowercase()
                )
            } else {
                format!("{}-updown-15m-{}", short[c], start)
            };
            m.open = open;
            m.close = end;
            m.start = start;
            m.end = end;
            m.t0 = t0;
            m.step = SPOT_STEP;
            m.path = path;
            if end <= NOW {
                m.winner = Some(if b.w.spot(c, end) >= s0 { 0 } else { 1 });
            }
            m.spread = 1;
            m.heat = if c == 0 { 1.0 } else { 0.6 } * if len == HOUR { 1.2 } else { 1.0 };
            m.depth = if c == 0 { 2500.0 } else { 1200.0 };
            m.coin = c;
            m.window = len;
            markets.push(b.push(m));
            start += len;
        }
        b.w.updown.push(UpDownSeries { coin: c, len, first, markets });
    }
}

// ---------------------------------------------------------------------------------------------
// Sports.

struct GameSpec {
    sport: Sport,
    league: &'static str,
    start: i64,
    home: String,
    away: String,
    big: bool,
}

const NBA: [&str; 4] = ["Thunder", "Nuggets", "Knicks", "Celtics"];
const NHL: [&str; 4] = ["Panthers", "Hurricanes", "Oilers", "Stars"];
const MLB: [&str; 24] = [
    "Yankees",
    "Dodgers",
    "Mets",
    "Phillies",
    "Braves",
    "Cubs",
    "Astros",
    "Orioles",
    "Padres",
    "Mariners",
    "Red Sox",
    "Guardians",
    "Tigers",
    "Brewers",
    "Twins",
    "Rangers",
    "Giants",
    "Blue Jays",
    "Royals",
    "Diamondbacks",
    "Cardinals",
    "Reds",
    "Pirates",
    "Rays",
];
const SOCCER: [(&str, &str, i64, i64); 14] = [
    ("Serie A", "Inter vs. Napoli", 5, 23),
    ("Serie A", "Juventus vs. Roma", 5, 23),
    ("La Liga", "Real Madrid vs. Sevilla", 5, 23),
    ("La Liga", "Barcelona vs. Villarreal", 5, 23),
    ("Europa League", "Tottenham vs. Athletic Club", 5, 26),
    ("Conference League", "Chelsea vs. Fiorentina", 5, 27),
    ("Champions League", "Arsenal vs. Bayern Munich", 6, 5),
    ("International Friendly", "USA vs. Mexico", 6, 8),
    ("International Friendly", "Brazil vs. Argentina", 6, 10),
    ("Gold Cup", "Mexico vs. Jamaica", 6, 15),
    ("Gold Cup", "USA vs. Canada", 6, 16),
    ("Gold Cup", "Costa Rica vs. Panama", 6, 17),
    ("MLS", "Inter Miami vs. LAFC", 6, 13),
    ("MLS", "Seattle Sounders vs. LA Galaxy", 6, 19),
];
const TENNIS: [&str; 20] = [
    "Sinner",
    "Alcaraz",
    "Djokovic",
    "Zverev",
    "Draper",
    "Fritz",
    "Musetti",
    "Ruud",
    "Mensik",
    "Fonseca",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Andreeva",
    "Paolini",
    "Rybakina",
    "Pegula",
    "Mboko",
    "Keys",
    "Zheng",
];
const UFC: [&str; 20] = [
    "Topuria",
    "Oliveira",
    "Makhachev",
    "Pereira",
    "Ankalaev",
    "Aspinall",
    "Du Plessis",
    "Chimaev",
    "Holloway",
    "Gaethje",
    "O'Malley",
    "Merab",
    "Pantoja",
    "Royval",
    "Della Maddalena",
    "Muhammad",
    "Shevchenko",
    "Grasso",
    "Harrison",
    "Pena",
];
const F1: [&str; 5] = ["Verstappen", "Norris", "Piastri", "Leclerc", "Russell"];
const GOLF: [&str; 6] = ["Scottie Scheffler", "Rory McIlroy", "Xander Schauffele", "Jon Rahm", "Ludvig Åberg", "Bryson DeChambeau"];
const IPL: [(&str, i64, i64); 4] = [
    ("Mumbai Indians vs. Gujarat Titans", 5, 25),
    ("Royal Challengers vs. Punjab Kings", 5, 26),
    ("Mumbai Indians vs. Punjab Kings", 5, 28),
    ("Royal Challengers vs. Mumbai Indians", 5, 30),
];

fn sports(b: &mut Builder) {
    let mut r = b.r.fork(8000);
    let mut specs: Vec<GameSpec> = Vec::new();
    // NBA: conference finals then the Finals, 8:30pm ET.
    let nba_days = [
        (5, 21),
        (5, 22),
        (5, 23),
        (5, 24),
        (5, 25),
        (5, 26),
        (5, 27),
        (5, 28),
        (5, 30),
        (6, 3),
        (6, 5),
        (6, 8),
        (6, 10),
        (6, 13),
        (6, 16),
        (6, 19),
    ];
    for (i, (mo, d)) in nba_days.iter().enumerate() {
        let (h, a) = if i < 9 {
            if i % 2 == 0 { (NBA[0], NBA[1]) } else { (NBA[2], NBA[3]) }
        } else if i % 2 == 0 {
            (NBA[0], NBA[2])
        } else {
            (NBA[2], NBA[0])
        };
        let (h, a) = if i < 9 && (i / 2) % 2 == 1 { (a, h) } else { (h, a) };
        specs.push(GameSpec {
            sport: Sport::Nba,
            league: "NBA",
            start: date(*mo, *d) + DAY + 30 * MIN,
            home: h.into(),
            away: a.into(),
            big: i >= 9,
        });
    }
    let nhl_days =
        [(5, 21), (5, 22), (5, 23), (5, 24), (5, 26), (5, 27), (5, 29), (6, 2), (6, 4), (6, 7), (6, 9), (6, 12), (6, 14), (6, 17)];
    for (i, (mo, d)) in nhl_days.iter().enumerate() {
        let (h, a) = if i < 7 {
            if i % 2 == 0 { (NHL[0], NHL[1]) } else { (NHL[2], NHL[3]) }
        } else if i % 2 == 0 {
            (NHL[0], NHL[2])
        } else {
            (NHL[2], NHL[0])
        };
        specs.push(GameSpec { sport: Sport::Nhl, league: "NHL", start: date(*mo, *d) + DAY, home: h.into(), away: a.into(), big: i >= 7 });
    }
    // MLB: five televised games a day.
    let mut day = day_start(START) - DAY;
    while day < NOW + 2 * DAY {
        let slots = [17 * HOUR + 5 * MIN, 23 * HOUR + 5 * MIN, 23 * HOUR + 10 * MIN, 24 * HOUR + 10 * MIN, 26 * HOUR + 10 * MIN];
        let mut teams: Vec<&str> = MLB.to_vec();
        r.shuffle(&mut teams);
        for (k, s) in slots.iter().enumerate() {
            if k == 0 && weekday(day) < 5 && r.chance(0.5) {
                continue;
            }
            specs.push(GameSpec {
                sport: Sport::Mlb,
                league: "MLB",
                start: day + s,
                home: teams[2 * k].into(),
                away: teams[2 * k + 1].into(),
                big: false,
            });
        }
        day += DAY;
    }
    for (league, pair, mo, d) in SOCCER {
        let (h, a) = pair.split_once(" vs. ").unwrap_or((pair, "Away"));
        let hour = match league {
            "Serie A" | "La Liga" => 18 * HOUR + 45 * MIN,
            "MLS" | "Gold Cup" => 23 * HOUR + 30 * MIN,
            "International Friendly" => 24 * HOUR + 30 * MIN,
            _ => 19 * HOUR,
        };
        specs.push(GameSpec {
            sport: Sport::Soccer,
            league,
            start: date(mo, d) + hour,
            home: h.into(),
            away: a.into(),
            big: league == "Champions League",
        });
    }
    // French Open: May 23 – June 6, then grass from June 15.
    let mut day = date(5, 23);
    while day < NOW + DAY {
        let roland = day <= date(6, 6);
        let grass = day >= date(6, 15);
        if roland || grass {
            let nmatch = if day >= date(6, 4) && day <= date(6, 6) {
                1
            } else if roland {
                5
            } else {
                3
            };
            for k in 0..nmatch {
                let men = r.chance(0.5);
                let pool = if men { &TENNIS[..10] } else { &TENNIS[10..] };
                let i = r.below(pool.len());
                let mut j = r.below(pool.len());
                if j == i {
                    j = (i + 1) % pool.len();
                }
                let league = if roland {
                    "Roland Garros"
                } else if r.chance(0.5) {
                    "Queen's Club"
                } else {
                    "Halle Open"
                };
                let st = day + 9 * HOUR + k as i64 * 2 * HOUR + r.int(0, 50) * MIN + if nmatch == 1 { 4 * HOUR } else { 0 };
                specs.push(GameSpec {
                    sport: Sport::Tennis,
                    league,
                    start: st,
                    home: pool[i].into(),
                    away: pool[j].into(),
                    big: nmatch == 1,
                });
            }
        }
        day += DAY;
    }
    // UFC: Saturday nights (US), five fights back to back.
    for sat in [date(5, 22), date(5, 29), date(6, 5), date(6, 12), date(6, 19)] {
        let mut names: Vec<&str> = UFC.to_vec();
        r.shuffle(&mut names);
        let mut st = sat + DAY + 2 * HOUR;
        for k in 0..5 {
            specs.push(GameSpec {
                sport: Sport::Ufc,
                league: "UFC",
                start: st,
                home: names[2 * k].into(),
                away: names[2 * k + 1].into(),
                big: k == 4,
            });
            st += r.int(22, 40) * MIN;
        }
    }
    for (pair, mo, d) in IPL {
        let (h, a) = pair.split_once(" vs. ").unwrap_or((pair, "Away"));
        specs.push(GameSpec {
            sport: Sport::Cricket,
            league: "IPL",
            start: date(mo, d) + 14 * HOUR,
            home: h.into(),
            away: a.into(),
            big: d == 30,
        });
    }
    for (gi, spec) in specs.into_iter().enumerate() {
        let mut gr = r.fork(gi as u64);
        game(b, &mut gr, spec);
    }
    // Races and tournaments: multi-competitor groups.
    for (gp, mo, d, hour) in [("Monaco Grand Prix", 5, 30, 13), ("Spanish Grand Prix", 6, 13, 13), ("Canadian Grand Prix", 6, 20, 18)] {
        let st = date(mo, d) + hour * HOUR;
        let w0 = [0.34, 0.24, 0.2, 0.12, 0.1];
        let ids = softmax_event(
            b,
            Kind::Sports,
            99,
            &format!("{gp} winner"),
            &format!("Will {{}} win the 2027 {gp}?"),
            &F1,
            &w0,
            st - 6 * DAY,
            st + 100 * MIN,
            st + 150 * MIN,
            0.8,
            &[(st + 30 * MIN, 0.9), (st + 60 * MIN, 0.9)],
            1.2,
        );
        shrink_group(b, &ids, 0.95, st + 100 * MIN);
        for m in ids {
            let mk = &mut b.w.markets[m];
            mk.sport = Some(Sport::F1);
            mk.start = st;
            mk.end = st + 100 * MIN;
        }
    }
    for (name, s0, len) in [("Memorial Tournament", date(6, 3), 4), ("U.S. Open", date(6, 17), 4)] {
        let w0 = [0.22, 0.12, 0.08, 0.07, 0.06, 0.05];
        let fin = s0 + (len - 1) * DAY + 23 * HOUR;
        let shocks: Vec<(i64, f64)> = (0..len).flat_map(|dd| (0..4).map(move |k| (s0 + dd * DAY + (13 + 3 * k) * HOUR, 0.5))).collect();
        let ids = softmax_event(
            b,
            Kind::Sports,
            99,
            &format!("2027 {name} winner"),
            &format!("Will {{}} win the 2027 {name}?"),
            &GOLF,
            &w0,
            s0 - 10 * DAY,
            fin,
            fin + 3 * HOUR,
            0.9,
            &shocks,
            0.9,
        );
        shrink_group(b, &ids, 0.62, fin);
        for m in ids {
            let mk = &mut b.w.markets[m];
            mk.sport = Some(Sport::Golf);
            mk.start = s0 + 11 * HOUR;
            mk.end = fin;
        }
    }
}

/// One game: its clock, a score process and the markets priced from it.
fn game(b: &mut Builder, r: &mut Rng, g: GameSpec) {
    let (play, breaks_at): (i64, Vec<(i64, i64)>) = match g.sport {
        Sport::Nba => (150 * MIN, vec![(35 * MIN, 3 * MIN), (70 * MIN, 16 * MIN), (115 * MIN, 3 * MIN)]),
        Sport::Nhl => (155 * MIN, vec![(40 * MIN, 18 * MIN), (95 * MIN, 18 * MIN)]),
        Sport::Mlb => (r.int(150, 200) * MIN, vec![]),
        Sport::Soccer => (112 * MIN, vec![(48 * MIN, 15 * MIN)]),
        Sport::Tennis => (r.int(80, 230) * MIN, vec![]),
        Sport::Ufc => (r.int(5, 25) * MIN + 4 * MIN, vec![]),
        Sport::Cricket => (210 * MIN, vec![(100 * MIN, 20 * MIN)]),
        _ => (120 * MIN, vec![]),
    };
    let start = g.start;
    let mut end = start + play;
    let breaks: Vec<(i64, i64)> = breaks_at.iter().map(|(o, d)| (start + o, start + o + d)).collect();
    let open = start - if g.sport == Sport::Mlb || g.sport == Sport::Tennis { DAY + r.int(0, 12) * HOUR } else { 3 * DAY };
    if end + HOUR < START || open >= NOW {
        return;
    }
    let active: i64 = play - breaks.iter().map(|(a, b)| b - a).sum::<i64>();
    // Strength of the home side in standard units; a moving pre-game line.
    let d0 = r.gauss(0.0, 0.55);
    let goals = matches!(g.sport, Sport::Soccer | Sport::Nhl | Sport::Mlb);
    let rate = match g.sport {
        Sport::Soccer => 2.7,
        Sport::Nhl => 5.8,
        Sport::Mlb => 8.8,
        _ => 0.0,
    };
    let early_finish = g.sport == Sport::Ufc;
    let t0 = open.max(START);
    let t1 = (end + 60 * MIN).min(NOW);
    let n = ((t1 - t0).max(0) / 60 + 1) as usize;
    let mut lead = 0.0f64;
    let mut total = 0.0f64;
    let mut d = d0;
    let mut finished: Option<i64> = None;
    let mut states = Vec::with_capacity(n);
    let mut elapsed = 0i64;
    for i in 0..n {
        let t = t0 + i as i64 * 60;
        let in_break = breaks.iter().any(|(a, b)| t >= *a && t < *b);
        if t < start {
            d += 0.015 * r.normal();
        } else if finished.is_none() && t < end && !in_break {
            elapsed += 60;
            let frac = 60.0 / active as f64;
            if goals {
                let (la, lb) = (rate * frac * phi(d) * 1.2, rate * frac * (1.0 - phi(d)) * 1.2);
                if r.chance(la) {
                    lead += 1.0;
                    total += 1.0;
                }
                if r.chance(lb) {
                    lead -= 1.0;
                    total += 1.0;
                }
            } else {
                lead += frac.sqrt() * r.normal();
                if r.chance(0.03) {
                    lead += r.gauss(0.0, 0.25);
                }
                total += frac * r.lognormal(1.0, 0.4);
            }
            if early_finish && r.chance(0.045) {
                finished = Some(t);
                end = t + 60;
            }
        }
        let rem = if t < start { 1.0 } else { ((active - elapsed).max(0) as f64 / active as f64).max(0.0) };
        states.push((rem, lead, total, d));
    }
    // Final outcome.
    let (_, lead_f, total_f, d_f) = *states.last().unwrap_or(&(1.0, 0.0, 0.0, 0.0));
    let over = end <= NOW;
    let home_wins = if goals && g.sport != Sport::Soccer && lead_f == 0.0 {
        r.chance(phi(d_f))
    } else if early_finish {
        r.chance(phi(lead_f * 2.0 + d_f * 0.3))
    } else {
        lead_f > 0.0
    };
    let mut ids = Vec::new();
    let close = end + r.int(4, 35) * MIN;
    let resolved = over && close <= NOW;
    let home = g.home.clone();
    let away = g.away.clone();
    let (mo, dd) = month_day(start + ET);
    let short = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric()).take(3).collect::<String>().to_ascii_lowercase();
    let base_slug = format!("{}-{}-{}-{}", g.league.to_ascii_lowercase().replace(' ', "-"), short(&away), short(&home), iso(start + ET));
    let heat = match g.sport {
        Sport::Nba | Sport::Nhl => 3.0,
        Sport::Soccer => 2.0,
        Sport::Mlb => 0.9,
        Sport::Tennis => 1.0,
        Sport::Ufc => 1.5,
        _ => 1.0,
    } * if g.big { 2.0 } else { 1.0 };
    let make = |b: &mut Builder,
                r: &mut Rng,
                title: String,
                slug: String,
                outcomes: [&str; 2],
                f: &dyn Fn(f64, f64, f64, f64) -> f64,
                win0: bool,
                heat: f64| {
        let mut path: Vec<f32> = states.iter().map(|(rem, l, tt, dd)| f(*rem, *l, *tt, *dd).clamp(0.005, 0.995) as f32).collect();
        if over {
            settle(&mut path, t0, 60, end, win0, 2);
        }
        let mut wob = 0.0f32;
        for v in path.iter_mut() {
            wob = wob * 0.8 + 0.003 * r.normal() as f32;
            if *v > 0.03 && *v < 0.97 {
                *v = (*v + wob).clamp(0.01, 0.99);
            }
        }
        let mut m = Market::blank(Kind::Sports, title, outcomes);
        m.slug = slug;
        m.sport = Some(g.sport);
        m.open = open;
        m.close = close;
        m.start = start;
        m.end = end;
        m.t0 = t0;
        let need = ((close.min(NOW) - t0) / 60 + 1) as usize;
        let lastv = *path.last().unwrap_or(&0.5);
        while path.len() < need {
            path.push(lastv);
        }
        path.truncate(need);
        m.path = path;
        m.winner = if resolved { Some(if win0 { 0 } else { 1 }) } else { None };
        m.spread = if heat > 2.0 { 1 } else { r.int(1, 2) };
        m.heat = heat;
        m.depth = r.lognormal(1500.0 * heat, 0.5);
        m.breaks = breaks.clone();
        b.push(m)
    };
    let sd_score = if goals { rate.sqrt() } else { 1.0 };
    match g.sport {
        Sport::Soccer => {
            let mu_rate = rate;
            let p_home = move |rem: f64, l: f64, _t: f64, d: f64| {
                let mean = l + (phi(d) - 0.5) * 2.0 * mu_rate * 0.35 * rem;
                let sd = (mu_rate * rem + 0.08).sqrt();
                1.0 - phi((0.5 - mean) / sd)
            };
            let p_away = move |rem: f64, l: f64, _t: f64, d: f64| {
                let mean = l + (phi(d) - 0.5) * 2.0 * mu_rate * 0.35 * rem;
                let sd = (mu_rate * rem + 0.08).sqrt();
                phi((-0.5 - mean) / sd)
            };
            let p_draw = move |rem: f64, l: f64, t: f64, d: f64| (1.0 - p_home(rem, l, t, d) - p_away(rem, l, t, d)).max(0.005);
            let a = make(
                b,
                r,
                format!("Will {home} win on {mo} {dd}?"),
                format!("{base_slug}-{}", short(&home)),
                ["Yes", "No"],
                &p_home,
                lead_f > 0.0,
                heat,
            );
            let c = make(
                b,
                r,
                format!("Will {home} vs. {away} end in a draw?"),
                format!("{base_slug}-draw"),
                ["Yes", "No"],
                &p_draw,
                lead_f == 0.0,
                heat * 0.6,
            );
            let e = make(
                b,
                r,
                format!("Will {away} win on {mo} {dd}?"),
                format!("{base_slug}-{}", short(&away)),
                ["Yes", "No"],
                &p_away,
                lead_f < 0.0,
                heat * 0.8,
            );
            ids.extend([a, c, e]);
            let line = 2.5;
            let p_over = move |rem: f64, _l: f64, t: f64, _d: f64| 1.0 - phi((line - t - mu_rate * rem) / (mu_rate * rem + 0.1).sqrt());
            ids.push(make(
                b,
                r,
                format!("{home} vs. {away}: O/U {line}"),
                format!("{base_slug}-total-{}", 25),
                ["Over", "Under"],
                &p_over,
                total_f > line,
                heat * 0.4,
            ));
            b.group(&format!("{home} vs. {away}"), Kind::Sports, ids[..3].to_vec(), close);
        }
        _ => {
            let title = match g.sport {
                Sport::Ufc => format!("UFC: {home} vs. {away}"),
                Sport::Tennis => format!("{}: {home} vs. {away}", g.league),
                Sport::Cricket => format!("IPL: {home} vs. {away}"),
                _ => format!("{away} vs. {home}"),
            };
            let s = sd_score;
            let win = move |rem: f64, l: f64, _t: f64, d: f64| {
                if rem >= 1.0 {
                    return phi(d);
                }
                phi((l / s + d * rem) / (rem.sqrt() + 0.05))
            };
            // Outcome 0 is the home side (listed second in US titles, as the venue does).
            let a = make(b, r, title.clone(), base_slug.clone(), [home.as_str(), away.as_str()], &win, home_wins, heat);
            ids.push(a);
            if matches!(g.sport, Sport::Nba) || (g.sport == Sport::Mlb && r.chance(0.3)) || (g.sport == Sport::Nhl && r.chance(0.6)) {
                let (line, per) = match g.sport {
                    Sport::Nba => (r.int(208, 232) as f64 + 0.5, 220.0),
                    Sport::Nhl => (5.5, 5.8),
                    _ => (8.5, 8.8),
                };
                let total_final = if goals { total_f } else { total_f * per };
                let p_over = move |rem: f64, _l: f64, t: f64, _d: f64| {
                    let so_far = if goals { t } else { t * per };
                    let sd = if goals { (per * rem + 0.1).sqrt() } else { 12.0 * rem.sqrt() + 0.3 };
                    1.0 - phi((line - so_far - per * rem) / sd)
                };
                ids.push(make(
                    b,
                    r,
                    format!("{away} vs. {home}: O/U {line}"),
                    format!("{base_slug}-total-{}", (line * 10.0) as i64),
                    ["Over", "Under"],
                    &p_over,
                    total_final > line,
                    heat * 0.5,
                ));
            }
            if g.sport == Sport::Nba {
                let spread = (d0 * 9.0 * 2.0).round() / 2.0 + 0.5;
                let fav = if spread > 0.0 { home.clone() } else { away.clone() };
                let line = spread.abs();
                let p_cover = move |rem: f64, l: f64, _t: f64, d: f64| {
                    let margin = l * 12.0 + d * 12.0 * rem;
                    let sd = 12.0 * rem.sqrt() + 0.3;
                    let m = if spread > 0.0 { margin } else { -margin };
                    phi((m - line) / sd)
                };
                let final_margin = if spread > 0.0 { lead_f * 12.0 } else { -lead_f * 12.0 };
                ids.push(make(
                    b,
                    r,
                    format!("Spread: {fav} (-{line})"),
                    format!("{base_slug}-spread-{}", (line * 10.0) as i64),
                    [fav.as_str(), if fav == home { away.as_str() } else { home.as_str() }],
                    &p_cover,
                    final_margin > line,
                    heat * 0.5,
                ));
            }
        }
    }
    let gid = b.w.games.len();
    for &m in &ids {
        b.w.markets[m].game = Some(gid);
    }
    b.w.games.push(Game { sport: g.sport, start, end, close, markets: ids, breaks, big: g.big });
}
