//! The market world: thirty days (14 May – 13 June 2027) of markets of many kinds, each with a
//! price path, a spread, ids, outcomes and, for those that end, a resolution.

use super::rng::{Rng, logit, phi, sigmoid};

pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
/// The end of the period: Sunday 13 June 2027, 15:10 UTC.
pub const NOW: i64 = 1_812_899_400;
pub const START: i64 = NOW - 30 * DAY;
/// Price paths are sampled once a minute.
pub const STEP: i64 = 60;
/// Coin spot prices are sampled every ten seconds from four days before the period.
pub const SPOT_STEP: i64 = 10;
pub const SPOT_T0: i64 = START - 4 * DAY;
const YEAR: f64 = 365.0 * 86_400.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Soccer,
    Basketball,
    Football,
    Tennis,
    Esports,
    Politics,
    Macro,
    Strike,
    UpDown,
    Culture,
    Weather,
    Tech,
    Mention,
}
pub const NKINDS: usize = 13;
pub const ALL_KINDS: [Kind; NKINDS] = [
    Kind::Soccer,
    Kind::Basketball,
    Kind::Football,
    Kind::Tennis,
    Kind::Esports,
    Kind::Politics,
    Kind::Macro,
    Kind::Strike,
    Kind::UpDown,
    Kind::Culture,
    Kind::Weather,
    Kind::Tech,
    Kind::Mention,
];
pub const SPORTS: [Kind; 5] = [Kind::Soccer, Kind::Basketball, Kind::Football, Kind::Tennis, Kind::Esports];

impl Kind {
    pub fn ix(self) -> usize {
        self as usize
    }
    pub fn sport(self) -> bool {
        SPORTS.contains(&self)
    }
}

pub enum Src {
    /// Probability of outcome 0, one value a minute from `t0`.
    Path { t0: i64, v: Vec<f32> },
    /// Derived from a coin's spot price against a strike at `close`.
    Coin { coin: usize, strike: f64 },
}

pub struct Market {
    pub kind: Kind,
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub assets: [String; 2],
    pub cond: String,
    pub open: i64,
    pub close: i64,
    /// The winning outcome, for markets that closed before NOW.
    pub winner: Option<usize>,
    /// In-play, speech, ceremony, count or window period.
    pub live: Option<(i64, i64)>,
    /// News and score events: time and the move of outcome 0's price it caused.
    pub jumps: Vec<(i64, f64)>,
    /// The negRisk event the market belongs to.
    pub group: Option<usize>,
    /// How much the market trades, relative to others of its kind.
    pub pop: f64,
    /// Half the spread, in cents.
    pub hs: i64,
    /// Coin index for crypto markets, league/team tag for sports (index into names).
    pub tag: usize,
    pub src: Src,
}

impl Market {
    /// Open for trading at `t`, inside the period.
    pub fn trading(&self, t: i64) -> bool {
        t >= self.open && t < self.close && t > START && t <= NOW
    }
    pub fn in_live(&self, t: i64) -> bool {
        matches!(self.live, Some((a, b)) if t >= a && t < b)
    }
}

pub struct Group {
    pub title: String,
    pub kind: Kind,
    pub legs: Vec<usize>,
}

pub struct Speech {
    pub speaker: String,
    pub start: i64,
    pub end: i64,
    pub markets: Vec<usize>,
}

pub struct World {
    pub markets: Vec<Market>,
    pub groups: Vec<Group>,
    pub by_kind: Vec<Vec<usize>>,
    pub spot: Vec<Vec<f64>>,
    /// Hourly up/down markets per coin, by hour index since START's hour.
    pub hourly: Vec<Vec<usize>>,
    pub hourly_t0: i64,
    /// Bitcoin 15-minute up/down markets by quarter index since `hourly_t0`.
    pub quarter: Vec<usize>,
    pub speeches: Vec<Speech>,
}

pub const COINS: [&str; 3] = ["Bitcoin", "Ethereum", "Solana"];
pub const COIN_TICK: [&str; 3] = ["btc", "eth", "sol"];
pub const COIN_VOL: [f64; 3] = [0.48, 0.62, 0.85];
const COIN_START: [f64; 3] = [118_400.0, 4_310.0, 212.0];

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Calendar date (year, month 1..=12, day) of a UTC timestamp.
pub fn civil(t: i64) -> (i64, usize, i64) {
    let z = t.div_euclid(DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m as usize, d)
}

pub fn date_text(t: i64) -> String {
    let (_, m, d) = civil(t);
    format!("{} {}", MONTHS[m - 1], d)
}

pub fn date_slug(t: i64) -> String {
    let (_, m, d) = civil(t);
    format!("{}-{}", MONTHS[m - 1].to_ascii_lowercase(), d)
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(t: i64) -> i64 {
    (t.div_euclid(DAY) + 3).rem_euclid(7)
}

pub fn hour_of(t: i64) -> f64 {
    t.rem_euclid(DAY) as f64 / 3600.0
}

fn slugify(s: &str) -> String {
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

pub const SOCCER: [&str; 24] = [
    "Riverside Athletic",
    "Porto Velho FC",
    "Kessling United",
    "Montclair Rovers",
    "Aldmoor City",
    "Santa Brisa",
    "Dunmore Wanderers",
    "Valmont SC",
    "Real Carvela",
    "Sporting Ilhavo",
    "Oberfeld 04",
    "Lindqvist IF",
    "Harlow Town",
    "Castellan CF",
    "Brennau SV",
    "Norrvik BK",
    "Ashcombe Albion",
    "Marisco FC",
    "Vilanova Atletico",
    "Tarrant County SC",
    "Eastbrook FC",
    "Olmeda CD",
    "Greystone",
    "Hafnir United",
];
pub const HOOPS: [&str; 20] = [
    "Harbor City Gulls",
    "Mesa Coyotes",
    "Lakeshore Pilots",
    "Capital Senators",
    "Granite Peaks",
    "Bayou Herons",
    "Desert Vipers",
    "Iron Range Miners",
    "Coastal Tides",
    "Prairie Storm",
    "Summit Elk",
    "Delta Kings",
    "Golden Gate Fog",
    "Motor City Pistons 2",
    "Blue Ridge Hawks",
    "Twin Rivers Otters",
    "Red Rock Bighorns",
    "Bay State Clippers",
    "Sunbelt Flames",
    "North Star Wolves",
];
pub const GRIDIRON: [&str; 16] = [
    "Ozark Thunder",
    "Gulf Marlins",
    "Keystone Forge",
    "Big Sky Stallions",
    "Hudson Knights",
    "Cascade Orcas",
    "Alamo Rangers",
    "Great Lakes Freighters",
    "Peach State Stingers",
    "Bluegrass Colts",
    "Mojave Scorpions",
    "Chesapeake Crabs",
    "Front Range Rams",
    "Bayside Pelicans",
    "Magnolia Gators",
    "Palmetto Sharks",
];
pub const TENNIS: [&str; 20] = [
    "A. Korhonen",
    "M. Delacroix",
    "T. Nakagawa",
    "L. Ferreira",
    "S. Okafor",
    "J. Lindgren",
    "P. Vasquez",
    "E. Marchetti",
    "D. Kovalenko",
    "R. Haddad",
    "N. Sørensen",
    "C. Albescu",
    "F. Moreau",
    "K. Tanaka",
    "B. Novak",
    "H. Iglesias",
    "O. Petrov",
    "V. Castillo",
    "G. Weiss",
    "Y. Chen",
];
pub const ESPORTS: [&str; 20] = [
    "Nightfall",
    "Crimson Tide GG",
    "Team Aurora",
    "Voidwalkers",
    "Kitsune Esports",
    "Northern Lights",
    "Iron Wolves",
    "Zenith",
    "Paper Tigers",
    "Solstice",
    "Obsidian",
    "Blue Monks",
    "Raijin",
    "Vanta",
    "Hollow Point",
    "Mistral",
    "Lotus Gaming",
    "Stormbreakers",
    "Eclipse",
    "Tundra",
];
pub const ESPORT_GAMES: [&str; 4] = ["LoL", "CS2", "Dota 2", "Valorant"];

pub struct Builder<'a> {
    pub r: &'a mut Rng,
    pub w: World,
}

struct PathSpec {
    open: i64,
    close: i64,
    x0: f64,
    vol: f64,
    live: Option<(i64, i64)>,
    live_vol: f64,
    jumps: Vec<(i64, f64)>,
}

enum Pin {
    /// Drifts to the winner from this time on.
    Slow(i64),
    /// Snaps to the winner at this time (an announcement, a release, a word said).
    Fast(i64),
}

fn walk(r: &mut Rng, s: &PathSpec) -> (i64, Vec<f64>) {
    let a = s.open.max(START - DAY);
    let b = s.close.min(NOW + STEP);
    let n = ((b - a) / STEP + 2).max(2) as usize;
    let mut v = Vec::with_capacity(n);
    let mut x = s.x0;
    let base = s.vol * (STEP as f64 / DAY as f64).sqrt();
    let mut ji = 0;
    let mut jumps = s.jumps.clone();
    jumps.sort_by_key(|j| j.0);
    for k in 0..n {
        let t = a + k as i64 * STEP;
        let live = matches!(s.live, Some((la, lb)) if t >= la && t < lb);
        x += base * if live { s.live_vol } else { 1.0 } * r.normal();
        while ji < jumps.len() && jumps[ji].0 <= t {
            x += jumps[ji].1;
            ji += 1;
        }
        x = x.clamp(-5.5, 5.5);
        v.push(x);
    }
    (a, v)
}

fn pin_weight(pin: &Pin, t: i64, close: i64) -> f64 {
    match *pin {
        Pin::Slow(p) => {
            if t <= p {
                0.0
            } else {
                (((t - p) as f64) / ((close - p).max(1) as f64)).min(1.0).powi(3)
            }
        }
        Pin::Fast(p) => {
            if t <= p {
                0.0
            } else {
                (((t - p) as f64) / 150.0).min(1.0)
            }
        }
    }
}

impl<'a> Builder<'a> {
    fn ids(&mut self) -> ([String; 2], String) {
        let a = self.r.digits(77);
        let n = 76 + self.r.below(2);
        let b = self.r.digits(n);
        let c = format!("0x{}", self.r.hex(64));
        ([a, b], c)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: Kind,
        title: String,
        slug_extra: &str,
        outcomes: [&str; 2],
        open: i64,
        close: i64,
        live: Option<(i64, i64)>,
        pop: f64,
        hs: i64,
        tag: usize,
        src: Src,
    ) -> usize {
        let (assets, cond) = self.ids();
        let slug = format!("{}{}", slugify(&title), slug_extra);
        let m = Market {
            kind,
            title,
            slug,
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            assets,
            cond,
            open,
            close,
            winner: None,
            live,
            jumps: Vec::new(),
            group: None,
            pop,
            hs,
            tag,
            src,
        };
        self.w.markets.push(m);
        self.w.markets.len() - 1
    }

    /// One binary market on a logit path; resolves if it closes inside the period.
    #[allow(clippy::too_many_arguments)]
    fn single(
        &mut self,
        kind: Kind,
        title: String,
        outcomes: [&str; 2],
        spec: PathSpec,
        pin: Pin,
        forced: Option<usize>,
        pop: f64,
        hs: i64,
        tag: usize,
    ) -> usize {
        let (t0, x) = walk(self.r, &spec);
        let mut v: Vec<f64> = x.iter().map(|x| sigmoid(*x)).collect();
        let winner = if spec.close <= NOW {
            let pt = match pin {
                Pin::Slow(p) | Pin::Fast(p) => p,
            };
            let i = (((pt - t0).max(0) / STEP) as usize).min(v.len() - 1);
            Some(forced.unwrap_or(if self.r.chance(v[i]) { 0 } else { 1 }))
        } else {
            None
        };
        if let Some(wn) = winner {
            let target = if wn == 0 { 0.995 } else { 0.005 };
            for (k, p) in v.iter_mut().enumerate() {
                let w = pin_weight(&pin, t0 + k as i64 * STEP, spec.close);
                *p = *p * (1.0 - w) + target * w;
            }
        }
        let jumps = spec.jumps.iter().map(|j| j.0).collect::<Vec<_>>();
        let src = Src::Path { t0, v: v.iter().map(|p| *p as f32).collect() };
        let m = self.push(kind, title, "", outcomes, spec.open, spec.close, spec.live, pop, hs, tag, src);
        self.w.markets[m].winner = winner;
        self.record_jumps(m, &jumps);
        m
    }

    /// A negRisk event: one Yes/No market per leg, prices a softmax of leg walks.
    #[allow(clippy::too_many_arguments)]
    fn group(
        &mut self,
        kind: Kind,
        title: String,
        legs: &[(String, String)],
        shares: &[f64],
        spec: PathSpec,
        pin: Pin,
        pop: f64,
        hs: i64,
    ) -> usize {
        let mut walks = Vec::new();
        let mut t0 = 0;
        for (i, _) in legs.iter().enumerate() {
            let mut s = PathSpec {
                open: spec.open,
                close: spec.close,
                x0: shares[i].max(1e-4).ln(),
                vol: spec.vol,
                live: spec.live,
                live_vol: spec.live_vol,
                jumps: Vec::new(),
            };
            // Each news event moves one leg.
            for j in &spec.jumps {
                if scramble_pick(j.0, legs.len()) == i {
                    s.jumps.push(*j);
                }
            }
            let (a, x) = walk(self.r, &s);
            t0 = a;
            walks.push(x);
        }
        let n = walks[0].len();
        let mut probs = vec![vec![0.0f64; n]; legs.len()];
        for k in 0..n {
            let z: f64 = walks.iter().map(|w| w[k].exp()).sum();
            for (i, w) in walks.iter().enumerate() {
                probs[i][k] = (w[k].exp() / z).clamp(0.003, 0.997);
            }
        }
        let winner = if spec.close <= NOW {
            let pt = match pin {
                Pin::Slow(p) | Pin::Fast(p) => p,
            };
            let k = (((pt - t0).max(0) / STEP) as usize).min(n - 1);
            let ws: Vec<f64> = probs.iter().map(|p| p[k]).collect();
            Some(self.r.weighted(&ws))
        } else {
            None
        };
        if let Some(wn) = winner {
            for (i, p) in probs.iter_mut().enumerate() {
                let target = if i == wn { 0.995 } else { 0.004 };
                for (k, x) in p.iter_mut().enumerate() {
                    let w = pin_weight(&pin, t0 + k as i64 * STEP, spec.close);
                    *x = *x * (1.0 - w) + target * w;
                }
            }
        }
        let gi = self.w.groups.len();
        let mut ids = Vec::new();
        let jt: Vec<i64> = spec.jumps.iter().map(|j| j.0).collect();
        for (i, (name, extra)) in legs.iter().enumerate() {
            let src = Src::Path { t0, v: probs[i].iter().map(|p| *p as f32).collect() };
            let m = self.push(kind, name.clone(), extra, ["Yes", "No"], spec.open, spec.close, spec.live, pop, hs, i, src);
            self.w.markets[m].winner = winner.map(|wn| if wn == i { 0 } else { 1 });
            self.w.markets[m].group = Some(gi);
            self.record_jumps(m, &jt);
            ids.push(m);
        }
        self.w.groups.push(Group { title, kind, legs: ids });
        gi
    }

    fn record_jumps(&mut self, m: usize, times: &[i64]) {
        let mut js = Vec::new();
        for &t in times {
            if t <= START || t >= NOW {
                continue;
            }
            let before = self.w.p(m, t - STEP);
            let after = self.w.p(m, t + 2 * STEP);
            js.push((t, after - before));
        }
        js.sort_by_key(|j| j.0);
        self.w.markets[m].jumps = js;
    }
}

fn scramble_pick(t: i64, n: usize) -> usize {
    (super::rng::scramble(t as u64 ^ 0x6a09_e667) % n as u64) as usize
}

impl World {
    pub fn p(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        let p = match &mk.src {
            Src::Path { t0, v } => {
                let i = ((t - t0).max(0) / STEP) as usize;
                v[i.min(v.len() - 1)] as f64
            }
            Src::Coin { coin, strike } => {
                let tt = t.min(mk.close);
                let s = self.spot_at(*coin, tt);
                let rem = (mk.close - tt).max(1) as f64;
                let sd = COIN_VOL[*coin] * (rem / YEAR).sqrt();
                phi((s / strike).ln() / sd)
            }
        };
        p.clamp(0.004, 0.996)
    }

    pub fn spot_at(&self, coin: usize, t: i64) -> f64 {
        let i = ((t - SPOT_T0).max(0) / SPOT_STEP) as usize;
        let v = &self.spot[coin];
        v[i.min(v.len() - 1)]
    }

    /// Probability of outcome `o`.
    pub fn prob(&self, m: usize, t: i64, o: usize) -> f64 {
        let p = self.p(m, t);
        if o == 0 { p } else { 1.0 - p }
    }

    pub fn mid(&self, m: usize, t: i64, o: usize) -> i64 {
        ((self.prob(m, t, o) * 100.0).round() as i64).clamp(1, 99)
    }

    pub fn bid(&self, m: usize, t: i64, o: usize) -> i64 {
        let hs = self.half_spread(m, t);
        (self.mid(m, t, o) - hs).clamp(1, 98)
    }

    pub fn ask(&self, m: usize, t: i64, o: usize) -> i64 {
        let hs = self.half_spread(m, t);
        (self.mid(m, t, o) + hs).clamp(self.bid(m, t, o) + 1, 99)
    }

    /// Spreads are wider in a quiet night hour and right after news.
    pub fn half_spread(&self, m: usize, t: i64) -> i64 {
        let mk = &self.markets[m];
        let mut hs = mk.hs;
        let h = hour_of(t);
        if (5.0..10.0).contains(&h) && mk.hs < 3 && !mk.in_live(t) {
            hs += 1;
        }
        if mk.jumps.iter().any(|j| t >= j.0 && t < j.0 + 90) {
            hs += 1;
        }
        hs
    }

    pub fn live_of(&self, kind: Kind, t: i64) -> Vec<usize> {
        if kind == Kind::UpDown {
            let mut out = Vec::new();
            let k = (t - self.hourly_t0).div_euclid(HOUR);
            for c in 0..3 {
                if k >= 0 && (k as usize) < self.hourly[c].len() {
                    let m = self.hourly[c][k as usize];
                    if self.markets[m].trading(t) {
                        out.push(m);
                    }
                }
            }
            let q = (t - self.hourly_t0).div_euclid(900);
            if q >= 0 && (q as usize) < self.quarter.len() {
                let m = self.quarter[q as usize];
                if self.markets[m].trading(t) {
                    out.push(m);
                }
            }
            return out;
        }
        self.by_kind[kind.ix()].iter().copied().filter(|&m| self.markets[m].trading(t)).collect()
    }

    pub fn live_in(&self, kinds: &[Kind], t: i64) -> Vec<usize> {
        let mut out = Vec::new();
        for k in kinds {
            out.extend(self.live_of(*k, t));
        }
        out
    }

    /// Leading outcome and its price in cents at `t`.
    pub fn leader(&self, m: usize, t: i64) -> (usize, i64) {
        let a = self.mid(m, t, 0);
        if a >= 50 { (0, a) } else { (1, 100 - a) }
    }
}

fn spots(r: &mut Rng) -> Vec<Vec<f64>> {
    let n = ((NOW + DAY - SPOT_T0) / SPOT_STEP) as usize;
    let mut common = Vec::with_capacity(n);
    // A shared market factor with news shocks and a busier US session.
    for k in 0..n {
        let t = SPOT_T0 + k as i64 * SPOT_STEP;
        let h = hour_of(t);
        let busy = if (13.5..21.0).contains(&h) {
            1.35
        } else if (0.0..6.0).contains(&h) {
            0.75
        } else {
            1.0
        };
        let shock = if r.chance(1.0 / 30_000.0) { r.normal() * 0.012 } else { 0.0 };
        common.push(r.normal() * busy + shock * 300.0);
    }
    let mut out = Vec::new();
    for c in 0..3 {
        let sd = COIN_VOL[c] * (SPOT_STEP as f64 / YEAR).sqrt();
        let mut x = COIN_START[c].ln();
        let mut v = Vec::with_capacity(n);
        let own = 0.55 + 0.1 * c as f64;
        for z in common.iter() {
            let e = (1.0 - own * own).sqrt() * r.normal();
            x += sd * (own * z + e) * 0.93;
            v.push(x.exp());
        }
        out.push(v);
    }
    out
}

pub fn build(r: &mut Rng) -> World {
    let w = World {
        markets: Vec::new(),
        groups: Vec::new(),
        by_kind: vec![Vec::new(); NKINDS],
        spot: spots(&mut r.fork(1)),
        hourly: vec![Vec::new(); 3],
        hourly_t0: START - START.rem_euclid(HOUR),
        quarter: Vec::new(),
        speeches: Vec::new(),
    };
    let mut rr = r.fork(2);
    let mut b = Builder { r: &mut rr, w };
    sports(&mut b);
    esports(&mut b);
    politics(&mut b);
    macro_markets(&mut b);
    culture(&mut b);
    weather(&mut b);
    tech(&mut b);
    mentions(&mut b);
    crypto(&mut b);
    let mut w = b.w;
    for (i, m) in w.markets.iter().enumerate() {
        w.by_kind[m.kind.ix()].push(i);
    }
    w
}

fn sports(b: &mut Builder) {
    for d in -4..31 {
        let day = START - START.rem_euclid(DAY) + d * DAY;
        let wd = weekday(day);
        let weekend = wd >= 5;
        // Soccer: weekends busy, a midweek cup night.
        let n_soc = if weekend {
            b.r.int(6, 9)
        } else if wd == 2 {
            b.r.int(2, 4)
        } else {
            b.r.int(0, 2)
        };
        for _ in 0..n_soc {
            let ko = day + b.r.int(11 * 4, 20 * 4) * 900;
            let pair = b.r.sample(SOCCER.len(), 2);
            let title = format!("Will {} beat {} on {}?", SOCCER[pair[0]], SOCCER[pair[1]], date_text(ko));
            let jumps = (0..b.r.poisson(2.6))
                .map(|_| {
                    let at = ko + b.r.int(60, 110 * 60);
                    (at, if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(1.0, 2.2))
                })
                .collect();
            game(b, Kind::Soccer, title, ["Yes", "No"], ko, 115 * 60, jumps, pair[0], (-1.4, 0.9), 2.5);
        }
        let n_nba = if weekend { b.r.int(3, 6) } else { b.r.int(2, 5) };
        for _ in 0..n_nba {
            let tip = day + b.r.int(23 * 4, 27 * 4 + 2) * 900;
            let pair = b.r.sample(HOOPS.len(), 2);
            let title = format!("{} vs. {}", HOOPS[pair[0]], HOOPS[pair[1]]);
            let jumps = (0..b.r.poisson(9.0))
                .map(|_| (tip + b.r.int(120, 140 * 60), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.25, 0.8)))
                .collect();
            game(b, Kind::Basketball, title, [HOOPS[pair[0]], HOOPS[pair[1]]], tip, 150 * 60, jumps, pair[0], (-1.5, 1.5), 1.6);
        }
        let n_nfl = match wd {
            6 => b.r.int(5, 8),
            0 | 3 => 1,
            _ => 0,
        };
        for _ in 0..n_nfl {
            let ko = day + if wd == 6 { b.r.int(17 * 4, 20 * 4 + 1) * 900 } else { (24 * 4 + 1) * 900 };
            let pair = b.r.sample(GRIDIRON.len(), 2);
            let title = format!("{} vs. {}", GRIDIRON[pair[0]], GRIDIRON[pair[1]]);
            let jumps = (0..b.r.poisson(7.0))
                .map(|_| (ko + b.r.int(300, 190 * 60), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.4, 1.2)))
                .collect();
            game(b, Kind::Football, title, [GRIDIRON[pair[0]], GRIDIRON[pair[1]]], ko, 200 * 60, jumps, pair[0], (-1.2, 1.2), 1.8);
        }
        for _ in 0..b.r.int(2, 5) {
            let st = day + b.r.int(9 * 4, 21 * 4) * 900;
            let pair = b.r.sample(TENNIS.len(), 2);
            let title = format!("{} vs. {}", TENNIS[pair[0]], TENNIS[pair[1]]);
            let dur = b.r.int(80, 200) * 60;
            let jumps = (0..b.r.poisson(6.0))
                .map(|_| (st + b.r.int(600, dur - 300), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.4, 1.3)))
                .collect();
            game(b, Kind::Tennis, title, [TENNIS[pair[0]], TENNIS[pair[1]]], st, dur, jumps, pair[0], (-2.0, 2.0), 2.0);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn game(
    b: &mut Builder,
    kind: Kind,
    title: String,
    outcomes: [&str; 2],
    start: i64,
    dur: i64,
    jumps: Vec<(i64, f64)>,
    tag: usize,
    x0: (f64, f64),
    live_vol: f64,
) {
    let x0 = b.r.range(x0.0, x0.1);
    let open = start - b.r.int(30, 100) * HOUR;
    let close = start + dur + b.r.int(3, 20) * 60;
    if close <= START + HOUR {
        return;
    }
    let spec = PathSpec { open, close, x0, vol: 0.35, live: Some((start, start + dur)), live_vol: live_vol * 6.0, jumps };
    let pop = b.r.lognormal(1.0, 0.6);
    let hs = if pop > 1.3 { 1 } else { 2 };
    let m = b.single(kind, title, outcomes, spec, Pin::Slow(start + dur / 3), None, pop, hs, tag);
    let s = format!("{}-{}", b.w.markets[m].slug, date_slug(start));
    b.w.markets[m].slug = s;
}

fn esports(b: &mut Builder) {
    for d in -3..31 {
        let day = START - START.rem_euclid(DAY) + d * DAY;
        let weekend = weekday(day) >= 5;
        for _ in 0..b.r.int(2, if weekend { 7 } else { 5 }) {
            let st = day + b.r.int(7 * 4, 22 * 4) * 900;
            let g = b.r.below(ESPORT_GAMES.len());
            let pair = b.r.sample(ESPORTS.len(), 2);
            let bo = if b.r.chance(0.3) { 5 } else { 3 };
            let title = format!("{}: {} vs {} (BO{})", ESPORT_GAMES[g], ESPORTS[pair[0]], ESPORTS[pair[1]], bo);
            let dur = b.r.int(if bo == 5 { 150 } else { 80 }, if bo == 5 { 260 } else { 170 }) * 60;
            let maps = b.r.int(2, bo);
            let jumps = (0..maps)
                .map(|k| (st + dur * (k + 1) / (maps + 1), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.7, 1.6)))
                .collect();
            let open = st - b.r.int(20, 70) * HOUR;
            let close = st + dur + b.r.int(2, 15) * 60;
            if close <= START + HOUR {
                continue;
            }
            let spec = PathSpec { open, close, x0: b.r.range(-1.6, 1.6), vol: 0.3, live: Some((st, st + dur)), live_vol: 10.0, jumps };
            let pop = b.r.lognormal(0.6, 0.7);
            let slug_tag = format!("{}-{}", ESPORT_GAMES[g], date_slug(st));
            let m = b.single(
                Kind::Esports,
                title,
                [ESPORTS[pair[0]], ESPORTS[pair[1]]],
                spec,
                Pin::Slow(st + dur / 3),
                None,
                pop,
                2,
                pair[0] * 4 + g,
            );
            let s = format!("{}-{}", b.w.markets[m].slug, slugify(&slug_tag));
            b.w.markets[m].slug = s;
        }
    }
}

fn news(b: &mut Builder, from: i64, to: i64, per_day: f64, lo: f64, hi: f64) -> Vec<(i64, f64)> {
    let days = (to - from) as f64 / DAY as f64;
    let n = b.r.poisson(per_day * days.max(0.0));
    (0..n)
        .map(|_| {
            // News breaks mostly in US and European daytime.
            let mut t = b.r.int(from, to);
            let h = hour_of(t);
            if (4.0..11.0).contains(&h) && b.r.chance(0.6) {
                t += 6 * HOUR;
            }
            (t.min(to - 60), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(lo, hi))
        })
        .collect()
}

const PEOPLE: [&str; 18] = [
    "Marisol Vega",
    "Anders Holm",
    "Priya Natarajan",
    "Tomasz Wrobel",
    "Celeste Okoye",
    "Grant Whitaker",
    "Ines Albuquerque",
    "Robert Kane",
    "Hana Suzuki",
    "Elliot Marsh",
    "Fatima Rahimi",
    "Diego Salazar",
    "Margit Lund",
    "Owen Castell",
    "Yolanda Reyes",
    "Victor Lang",
    "Nadia Petrescu",
    "Samuel Adeyemi",
];

fn politics(b: &mut Builder) {
    // Long negRisk: next prime minister of a parliamentary country (does not end in the period).
    let cands: Vec<usize> = b.r.sample(PEOPLE.len(), 6);
    let legs: Vec<(String, String)> =
        cands.iter().map(|&c| (format!("Will {} be the next Prime Minister of Caldora?", PEOPLE[c]), String::new())).collect();
    let shares = [0.42, 0.27, 0.14, 0.09, 0.05, 0.03];
    let j = news(b, START - 2 * DAY, NOW, 0.6, 0.2, 0.9);
    let spec = PathSpec { open: START - 60 * DAY, close: NOW + 120 * DAY, x0: 0.0, vol: 0.25, live: None, live_vol: 1.0, jumps: j };
    b.group(Kind::Politics, "Next Prime Minister of Caldora".into(), &legs, &shares, spec, Pin::Slow(NOW + 100 * DAY), 2.2, 1);

    // Election night inside the period: Harborview mayor.
    let night = START + 19 * DAY - START.rem_euclid(DAY) + 24 * HOUR + HOUR;
    let cands: Vec<usize> = b.r.sample(PEOPLE.len(), 5);
    let legs: Vec<(String, String)> =
        cands.iter().map(|&c| (format!("Will {} win the Harborview mayoral election?", PEOPLE[c]), String::new())).collect();
    let j = news(b, START - 2 * DAY, night, 1.0, 0.2, 0.8);
    let spec = PathSpec {
        open: START - 40 * DAY,
        close: night + 5 * HOUR,
        x0: 0.0,
        vol: 0.35,
        live: Some((night, night + 4 * HOUR)),
        live_vol: 5.0,
        jumps: j,
    };
    b.group(
        Kind::Politics,
        "Harborview Mayoral Election Winner".into(),
        &legs,
        &[0.38, 0.33, 0.17, 0.08, 0.04],
        spec,
        Pin::Slow(night),
        3.0,
        1,
    );

    // Party primary with three candidates, count on day 9.
    let night = START + 9 * DAY - START.rem_euclid(DAY) + 25 * HOUR;
    let cands: Vec<usize> = b.r.sample(PEOPLE.len(), 3);
    let legs: Vec<(String, String)> =
        cands.iter().map(|&c| (format!("Will {} win the Eastern District primary?", PEOPLE[c]), String::new())).collect();
    let j = news(b, START - DAY, night, 0.8, 0.2, 0.7);
    let spec = PathSpec {
        open: START - 25 * DAY,
        close: night + 4 * HOUR,
        x0: 0.0,
        vol: 0.3,
        live: Some((night, night + 3 * HOUR)),
        live_vol: 5.0,
        jumps: j,
    };
    b.group(Kind::Politics, "Eastern District Primary".into(), &legs, &[0.5, 0.35, 0.15], spec, Pin::Slow(night), 1.6, 1);

    let singles: [(&str, i64, f64); 14] = [
        ("Will the Senate pass the Infrastructure Renewal Act by June 30?", 47, -0.4),
        ("Will {p} resign as Finance Minister by June 30?", 47, -2.2),
        ("Will the government shut down before June 1?", 18, -1.8),
        ("Will {p} announce a presidential run by May 31?", 17, -0.9),
        ("Will the President's approval be above 44% on June 10?", 27, -0.2),
        ("Will a ceasefire be announced in the Kessar conflict by June 15?", 32, -1.1),
        ("Will the Supreme Court rule on the tariff case by June 30?", 47, 0.6),
        ("Will {p} be indicted by June 30?", 47, -1.5),
        ("Will the Caldoran parliament hold a no-confidence vote in May?", 17, -0.6),
        ("Will the EU announce new sanctions on Varenia by June 5?", 22, 0.2),
        ("Will {p} win the Westfield by-election?", 11, 0.4),
        ("Will the debt ceiling bill pass the House by June 12?", 29, 0.8),
        ("Will the Governor veto the housing bill?", 24, -0.3),
        ("Will {p} leave the cabinet in 2027?", 200, -0.7),
    ];
    for (i, (t, end_day, x0)) in singles.iter().enumerate() {
        let title = t.replace("{p}", PEOPLE[(i * 7 + 3) % PEOPLE.len()]);
        let close = START - START.rem_euclid(DAY) + end_day * DAY + 4 * HOUR;
        let j = news(b, START - DAY, close.min(NOW), 0.35, 0.3, 1.4);
        let spec = PathSpec { open: START - b.r.int(5, 60) * DAY, close, x0: *x0, vol: 0.3, live: None, live_vol: 1.0, jumps: j };
        let pop = b.r.lognormal(1.2, 0.5);
        b.single(Kind::Politics, title, ["Yes", "No"], spec, Pin::Slow(close - 2 * DAY), None, pop, 1, i);
    }
}

fn macro_markets(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    // Jobs report (day 21, 12:30 UTC) buckets.
    let rel = day0 + 21 * DAY + 12 * HOUR + 30 * 60;
    let legs: Vec<(String, String)> = ["below 100k", "100k-150k", "150k-200k", "above 200k"]
        .iter()
        .map(|x| (format!("Will May nonfarm payrolls be {x}?"), String::new()))
        .collect();
    let j = news(b, START, rel - HOUR, 0.3, 0.1, 0.4);
    let spec = PathSpec {
        open: START - 10 * DAY,
        close: rel + 2 * HOUR,
        x0: 0.0,
        vol: 0.2,
        live: Some((rel, rel + HOUR)),
        live_vol: 1.0,
        jumps: j,
    };
    b.group(Kind::Macro, "May Jobs Report".into(), &legs, &[0.15, 0.35, 0.35, 0.15], spec, Pin::Fast(rel), 1.5, 1);
    // CPI (day 26).
    let rel = day0 + 26 * DAY + 12 * HOUR + 30 * 60;
    let legs: Vec<(String, String)> = ["2.6% or lower", "2.7%", "2.8%", "2.9%", "3.0% or higher"]
        .iter()
        .map(|x| (format!("Will May CPI YoY be {x}?"), String::new()))
        .collect();
    let j = news(b, START, rel - HOUR, 0.2, 0.1, 0.4);
    let spec = PathSpec {
        open: START + 2 * DAY,
        close: rel + 2 * HOUR,
        x0: 0.0,
        vol: 0.2,
        live: Some((rel, rel + HOUR)),
        live_vol: 1.0,
        jumps: j,
    };
    b.group(Kind::Macro, "May CPI".into(), &legs, &[0.1, 0.25, 0.35, 0.2, 0.1], spec, Pin::Fast(rel), 1.3, 1);
    // Fed decision (day 11, 18:00 UTC).
    let rel = day0 + 11 * DAY + 18 * HOUR;
    let legs: Vec<(String, String)> = ["cut 50 bps", "cut 25 bps", "hold rates", "hike 25 bps"]
        .iter()
        .map(|x| (format!("Will the Fed {x} at the May meeting?"), String::new()))
        .collect();
    let j = news(b, START, rel - HOUR, 0.5, 0.1, 0.5);
    let spec = PathSpec {
        open: START - 30 * DAY,
        close: rel + 3 * HOUR,
        x0: 0.0,
        vol: 0.2,
        live: Some((rel, rel + 2 * HOUR)),
        live_vol: 1.0,
        jumps: j,
    };
    b.group(Kind::Macro, "Fed Decision in May".into(), &legs, &[0.05, 0.3, 0.62, 0.03], spec, Pin::Fast(rel), 2.4, 1);
    let singles: [(&str, i64, f64, i64); 5] = [
        ("Will Q1 GDP (second estimate) exceed 2.0%?", 13, 0.3, 12 * 60 + 30),
        ("Will initial jobless claims exceed 240k on May 27?", 13, -0.4, 12 * 60 + 30),
        ("Will the ECB cut rates in June?", 20, 0.9, 12 * 60 + 15),
        ("Will the 10-year yield close above 4.5% on June 11?", 28, -0.1, 20 * 60),
        ("Will US retail sales beat expectations in May?", 2, 0.1, 12 * 60 + 30),
    ];
    for (i, (t, d, x0, minute)) in singles.iter().enumerate() {
        let rel = day0 + d * DAY + minute * 60;
        let j = news(b, START, rel - HOUR, 0.25, 0.1, 0.5);
        let spec = PathSpec {
            open: rel - 14 * DAY,
            close: rel + 90 * 60,
            x0: *x0,
            vol: 0.25,
            live: Some((rel, rel + HOUR)),
            live_vol: 1.0,
            jumps: j,
        };
        let pop = b.r.lognormal(0.9, 0.4);
        b.single(Kind::Macro, t.to_string(), ["Yes", "No"], spec, Pin::Fast(rel), None, pop, 1, i);
    }
}

fn culture(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    let cer = day0 + 24 * DAY + 24 * HOUR;
    let films = ["The Salt Road", "Paper Moons", "Kingfisher", "A Quiet Season", "Northbound", "Glass Harbor"];
    let legs: Vec<(String, String)> =
        films.iter().map(|f| (format!("Will \"{f}\" win Best Picture at the Meridian Awards?"), String::new())).collect();
    let j = news(b, START, cer, 0.3, 0.2, 0.8);
    let announce = cer + 3 * HOUR + 20 * 60;
    let spec = PathSpec {
        open: START - 20 * DAY,
        close: cer + 4 * HOUR,
        x0: 0.0,
        vol: 0.25,
        live: Some((cer, cer + 4 * HOUR)),
        live_vol: 2.0,
        jumps: j,
    };
    b.group(
        Kind::Culture,
        "Meridian Awards: Best Picture".into(),
        &legs,
        &[0.34, 0.22, 0.18, 0.12, 0.09, 0.05],
        spec,
        Pin::Fast(announce),
        1.8,
        2,
    );
    let acts = ["Lumen", "The Marlowes", "Kaya Rivers", "Dusk Parade", "Ollie Brandt"];
    let legs: Vec<(String, String)> =
        acts.iter().map(|a| (format!("Will {a} win Album of the Year at the Meridian Awards?"), String::new())).collect();
    let j = news(b, START, cer, 0.2, 0.2, 0.8);
    let spec = PathSpec {
        open: START - 20 * DAY,
        close: cer + 4 * HOUR,
        x0: 0.0,
        vol: 0.25,
        live: Some((cer, cer + 4 * HOUR)),
        live_vol: 2.0,
        jumps: j,
    };
    b.group(
        Kind::Culture,
        "Meridian Awards: Album of the Year".into(),
        &legs,
        &[0.3, 0.28, 0.2, 0.14, 0.08],
        spec,
        Pin::Fast(cer + 2 * HOUR),
        1.2,
        2,
    );
    // Weekly chart-toppers (four weeks).
    for wk in 0..4 {
        let close = day0 + (6 + wk * 7) * DAY + 17 * HOUR;
        let songs = ["\"Neon Tide\"", "\"Hold the Line\"", "\"Cassette\"", "\"Blue Hours\""];
        let legs: Vec<(String, String)> =
            songs.iter().map(|s| (format!("Will {s} be #1 on the Hot 100 for the week of {}?", date_text(close)), String::new())).collect();
        let j = news(b, close - 7 * DAY, close - HOUR, 0.5, 0.3, 1.0);
        let spec = PathSpec { open: close - 7 * DAY, close, x0: 0.0, vol: 0.4, live: None, live_vol: 1.0, jumps: j };
        b.group(
            Kind::Culture,
            format!("Hot 100 #1 week of {}", date_text(close)),
            &legs,
            &[0.4, 0.3, 0.2, 0.1],
            spec,
            Pin::Slow(close - DAY),
            0.6,
            2,
        );
    }
    let singles: [(&str, i64, f64); 6] = [
        ("Will \"Kingfisher\" gross over $120M on its opening weekend?", 17, 0.2),
        ("Will Lumen announce a world tour by June 30?", 47, 0.4),
        ("Will the Season 4 finale of \"Harrow\" be its highest-rated episode?", 23, -0.3),
        ("Will a celebrity boxing match sell over 1M pay-per-views?", 12, -0.8),
        ("Will the royal couple announce a pregnancy in 2027?", 230, -1.2),
        ("Will \"Paper Moons\" pass 90% on RottenTomatoes?", 9, 0.5),
    ];
    for (i, (t, d, x0)) in singles.iter().enumerate() {
        let close = day0 + d * DAY + 16 * HOUR;
        let j = news(b, START, close.min(NOW), 0.3, 0.3, 1.2);
        let spec = PathSpec { open: START - 8 * DAY, close, x0: *x0, vol: 0.35, live: None, live_vol: 1.0, jumps: j };
        let pop = b.r.lognormal(0.6, 0.5);
        b.single(Kind::Culture, t.to_string(), ["Yes", "No"], spec, Pin::Slow(close - DAY), None, pop, 2, i);
    }
}

fn weather(b: &mut Builder) {
    // Daily highest temperature buckets in two cities, resolving at local midnight.
    let cities: [(&str, i64, i64, &str); 2] = [("New York City", -4, 24, "°F"), ("London", 1, 19, "°C")];
    for d in -1..31 {
        for (ci, (city, off, base, unit)) in cities.iter().enumerate() {
            let day = START - START.rem_euclid(DAY) + d * DAY - off * HOUR;
            let close = day + DAY;
            let center = if *unit == "°F" { base * 9 / 5 + 32 + b.r.int(-6, 8) } else { base + b.r.int(-3, 4) };
            let width = if *unit == "°F" { 2 } else { 1 };
            let lo = center - 2 * width;
            let legs: Vec<(String, String)> = (0..5)
                .map(|k| {
                    let a = lo + k * width;
                    let label = match k {
                        0 => format!("{a}{unit} or below"),
                        4 => format!("{a}{unit} or higher"),
                        _ if width == 1 => format!("{a}{unit}"),
                        _ => format!("{a}-{}{unit}", a + width - 1),
                    };
                    (format!("Will the highest temperature in {city} be {label} on {}?", date_text(day + 12 * HOUR)), String::new())
                })
                .collect();
            // Forecast updates early morning and midday, local.
            let j = vec![
                (day + 6 * HOUR + b.r.int(0, 3600), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.4, 1.2)),
                (day + 12 * HOUR + b.r.int(0, 3600), if b.r.chance(0.5) { 1.0 } else { -1.0 } * b.r.range(0.4, 1.2)),
            ];
            let spec = PathSpec {
                open: day - 2 * DAY,
                close,
                x0: 0.0,
                vol: 0.5,
                live: Some((day + 9 * HOUR, day + 18 * HOUR)),
                live_vol: 2.0,
                jumps: j,
            };
            if close <= START + HOUR {
                continue;
            }
            let g = b.group(
                Kind::Weather,
                format!("Highest temperature in {city} on {}", date_text(day + 12 * HOUR)),
                &legs,
                &[0.12, 0.24, 0.3, 0.22, 0.12],
                spec,
                Pin::Slow(day + 13 * HOUR),
                0.5,
                2,
            );
            for &m in &b.w.groups[g].legs.clone() {
                b.w.markets[m].tag = ci;
            }
        }
    }
}

fn tech(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    let deadlines: [(&str, i64, f64); 7] = [
        ("Will Orbital release its Model 6 AI system by May 31?", 17, -0.6),
        ("Will Nimbus Motors deliver over 480k vehicles in Q2?", 48, 0.1),
        ("Will Halcyon Robotics IPO by June 30?", 47, -1.2),
        ("Will the Vireo smartphone launch be delayed past June 8?", 25, -0.8),
        ("Will Quanta Labs announce a 1,000-qubit chip by June 10?", 27, -1.6),
        ("Will Stratus Cloud suffer a 4+ hour outage in May?", 17, -2.0),
        ("Will Corvid AI top the Chatbot Arena leaderboard on June 12?", 29, 0.3),
    ];
    for (i, (t, d, x0)) in deadlines.iter().enumerate() {
        let close = day0 + d * DAY + 23 * HOUR + 59 * 60;
        let j = news(b, START, close.min(NOW), 0.3, 0.4, 1.6);
        let spec = PathSpec { open: START - 30 * DAY, close, x0: *x0, vol: 0.35, live: None, live_vol: 1.0, jumps: j };
        let pop = b.r.lognormal(0.8, 0.5);
        b.single(Kind::Tech, t.to_string(), ["Yes", "No"], spec, Pin::Slow(close - 3 * DAY), None, pop, 2, i);
    }
    // Keynote: "announced on stage?" markets, resolved by the announcement.
    let key = day0 + 23 * DAY + 17 * HOUR;
    let things = ["a foldable phone", "a new AR headset", "an in-house AI chip", "a price cut for the Pro line", "a car partnership"];
    for (i, th) in things.iter().enumerate() {
        let said = b.r.chance(0.45);
        let at = key + b.r.int(10, 100) * 60;
        let spec = PathSpec {
            open: key - 12 * DAY,
            close: key + 2 * HOUR,
            x0: b.r.range(-1.5, 1.0),
            vol: 0.3,
            live: Some((key, key + 2 * HOUR)),
            live_vol: 1.5,
            jumps: vec![(at, 0.0)],
        };
        let pin = if said { Pin::Fast(at) } else { Pin::Slow(key) };
        let pop = b.r.lognormal(0.9, 0.4);
        b.single(
            Kind::Tech,
            format!("Will Pomelo announce {th} at its June keynote?"),
            ["Yes", "No"],
            spec,
            pin,
            Some(if said { 0 } else { 1 }),
            pop,
            2,
            10 + i,
        );
    }
}

fn mentions(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    let events: [(&str, &str, i64, i64, i64); 9] = [
        ("the President", "White House press conference", 2, 17 * 60 + 30, 45),
        ("Governor Whitaker", "campaign rally", 6, 23 * 60, 70),
        ("the Fed Chair", "press conference", 11, 18 * 60 + 30, 55),
        ("the President", "commencement speech", 15, 15 * 60, 35),
        ("Marisol Vega", "victory speech", 20, 4 * 60 + 30, 25),
        ("Nimbus Motors' CEO", "earnings call", 16, 21 * 60, 60),
        ("the President", "address to Congress", 22, 60, 65),
        ("the commentators", "championship game broadcast", 26, 0, 150),
        ("the Press Secretary", "briefing", 28, 17 * 60, 40),
    ];
    let words = [
        "Tariff",
        "Crypto",
        "China",
        "Inflation",
        "Fake News",
        "Border",
        "Historic",
        "AI",
        "Tremendous",
        "Robot",
        "Record",
        "Weather",
        "Greatest",
    ];
    for (ei, (who, what, d, minute, dur)) in events.iter().enumerate() {
        let start = day0 + d * DAY + minute * 60;
        let end = start + dur * 60;
        let mut ids = Vec::new();
        for wi in b.r.sample_k(words.len(), 5, 8) {
            let p0 = b.r.range(0.12, 0.85);
            let said = b.r.chance(p0);
            let at = b.r.int(start + 60, end - 60);
            let spec = PathSpec {
                open: start - 3 * DAY,
                close: end + 5 * 60,
                x0: logit(p0),
                vol: 0.4,
                live: Some((start, end)),
                live_vol: 1.5,
                jumps: vec![(at, 0.0)],
            };
            let pin = if said { Pin::Fast(at) } else { Pin::Slow(start) };
            let title = format!("Will {who} say \"{}\" during the {what} on {}?", words[wi], date_text(start));
            let pop = b.r.lognormal(0.8, 0.4);
            let m = b.single(Kind::Mention, title, ["Yes", "No"], spec, pin, Some(if said { 0 } else { 1 }), pop, 2, ei);
            ids.push(m);
        }
        b.w.speeches.push(Speech { speaker: who.to_string(), start, end, markets: ids });
    }
}

fn crypto(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    // Daily strike markets resolving at 16:00 UTC, three strikes each for BTC and ETH.
    for d in 0..31 {
        let close = day0 + d * DAY + 16 * HOUR;
        let open = close - 3 * DAY;
        for coin in 0..2 {
            let s0 = b.w.spot_at(coin, open.max(SPOT_T0));
            let step = if coin == 0 { 2000.0 } else { 100.0 };
            for k in -1..=1 {
                let strike = ((s0 / step).round() + k as f64) * step;
                let title = format!("Will {} be above ${} on {}?", COINS[coin], thousands(strike as i64), date_text(close));
                let src = Src::Coin { coin, strike };
                let pop = b.r.lognormal(0.7, 0.4);
                let m = b.push(Kind::Strike, title, "", ["Yes", "No"], open, close, Some((close - 6 * HOUR, close)), pop, 1, coin, src);
                if close <= NOW {
                    let w = if b.w.spot_at(coin, close) > strike { 0 } else { 1 };
                    b.w.markets[m].winner = Some(w);
                }
            }
        }
    }
    // Hourly up/down for three coins; 15-minute windows for Bitcoin.
    let t0 = b.w.hourly_t0;
    let hours = ((NOW - t0) / HOUR + 1) as usize;
    for k in 0..hours {
        let a = t0 + k as i64 * HOUR;
        for coin in 0..3 {
            let et = a - 4 * HOUR;
            let h12 = (et.rem_euclid(DAY) / HOUR) as usize;
            let label = format!("{}{}", if h12.is_multiple_of(12) { 12 } else { h12 % 12 }, if h12 < 12 { "AM" } else { "PM" });
            let title = format!("{} Up or Down - {}, {} ET", COINS[coin], date_text(et), label);
            let extra = format!("-{}", a);
            let strike = b.w.spot_at(coin, a);
            let m = b.push(
                Kind::UpDown,
                title,
                &extra,
                ["Up", "Down"],
                a,
                a + HOUR,
                Some((a, a + HOUR)),
                1.0 - 0.25 * coin as f64,
                1,
                coin,
                Src::Coin { coin, strike },
            );
            if a + HOUR <= NOW {
                let w = if b.w.spot_at(coin, a + HOUR) > strike { 0 } else { 1 };
                b.w.markets[m].winner = Some(w);
            }
            b.w.hourly[coin].push(m);
        }
        for q in 0..4 {
            let a = t0 + k as i64 * HOUR + q * 900;
            let et = a - 4 * HOUR;
            let hh = et.rem_euclid(DAY) / HOUR;
            let mm = (et.rem_euclid(HOUR)) / 60;
            let title = format!(
                "Bitcoin Up or Down - {}, {}:{:02}{} ET (15m)",
                date_text(et),
                if hh % 12 == 0 { 12 } else { hh % 12 },
                mm,
                if hh < 12 { "AM" } else { "PM" }
            );
            let strike = b.w.spot_at(0, a);
            let m = b.push(
                Kind::UpDown,
                title,
                &format!("-{a}"),
                ["Up", "Down"],
                a,
                a + 900,
                Some((a, a + 900)),
                0.8,
                1,
                0,
                Src::Coin { coin: 0, strike },
            );
            if a + 900 <= NOW {
                let w = if b.w.spot_at(0, a + 900) > strike { 0 } else { 1 };
                b.w.markets[m].winner = Some(w);
            }
            b.w.quarter.push(m);
        }
    }
}

fn thousands(x: i64) -> String {
    let s = x.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
