//! The market world: markets, their price paths, the news that moves them, and quotes.

use super::rng::{Rng, digits_from, hash_str, hex_from, logit, mix, phi, sigmoid};
use chrono::DateTime;
use std::collections::BTreeMap;

/// The end of the 30-day period: 2026-11-17 15:00:00 UTC.
pub const NOW: i64 = 1_794_927_600;
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
pub const MIN: i64 = 60;
/// The start of the period (exclusive).
pub const START: i64 = NOW - 30 * DAY;
/// 2026-11-01 06:00 UTC: US clocks go back.
pub const DST_US_END: i64 = 1_793_512_800;
/// 2026-10-25 01:00 UTC: European clocks go back.
pub const DST_EU_END: i64 = 1_792_890_000;
/// 2026-11-04 00:00 UTC: the first polls close on US election night.
pub const ELECTION_NIGHT: i64 = 1_793_750_400;

const SEED: u64 = 0x15C0_FFEE_2026_1117;
/// The crypto price grid: one point every 10 s from U0.
const U0: i64 = START - 2 * DAY;
const USTEP: i64 = 10;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum League {
    Nba,
    Nfl,
    Nhl,
    Cfb,
    Soccer,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    Sports(League),
    Election,
    Politics,
    Crypto,
    Weather,
    Culture,
    News,
}

pub struct Market {
    pub cat: Cat,
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub cond: String,
    pub tokens: [String; 2],
    /// Trading opens / stops (resolution).
    pub open: i64,
    pub close: i64,
    /// Crowd trades per hour in an ordinary phase.
    pub pop: f64,
    /// Quoted spread in cents.
    pub spread: u8,
    /// Shares resting at the best level, typically.
    pub depth: f64,
    /// Price path of outcome 0: knot times and mid prices (step function).
    pub kt: Vec<i64>,
    pub kp: Vec<f32>,
    /// Sports: (start, end) of play. Mentions: (start, end) of the speech.
    pub live: Option<(i64, i64)>,
    pub group: Option<u32>,
    /// Crypto up/down: (asset, horizon 0 = 15 min / 1 = 1 h, window start).
    pub crypto: Option<(u8, u8, i64)>,
    /// Eligible for liquidity rewards.
    pub reward: bool,
    /// Winning outcome index if the market resolves before NOW.
    pub winner: Option<u8>,
}

impl Market {
    pub fn mid(&self, t: i64) -> f64 {
        let i = self.kt.partition_point(|&x| x <= t);
        f64::from(if i == 0 { self.kp[0] } else { self.kp[i - 1] })
    }

    pub fn is_open(&self, t: i64) -> bool {
        t >= self.open && t < self.close
    }

    /// Best bid and ask of outcome `o` in cents at `t`, if the market trades then.
    pub fn quote(&self, o: u8, t: i64) -> Option<(u8, u8)> {
        if !self.is_open(t) {
            return None;
        }
        let m100 = self.mid(t) * 100.0;
        let mut s = f64::from(self.spread);
        if let Some((a, b)) = self.live
            && t >= a
            && t < b
            && matches!(self.cat, Cat::Sports(_))
        {
            s += 1.0;
        }
        if !(4.0..=96.0).contains(&m100) {
            s = s.min(2.0);
        }
        let bid0 = (m100 - s / 2.0).round().clamp(1.0, 98.0) as u8;
        let ask0 = ((f64::from(bid0) + s).round() as u8).clamp(bid0 + 1, 99);
        if o == 0 { Some((bid0, ask0)) } else { Some((100 - ask0, 100 - bid0)) }
    }

    /// The first time in [t0, t1) at which outcome `o`'s mid is at or below (`below`) or at or
    /// above the level (a probability).
    pub fn first_cross(&self, o: u8, t0: i64, t1: i64, level: f64, below: bool) -> Option<i64> {
        let hit = |p0: f64| {
            let p = if o == 0 { p0 } else { 1.0 - p0 };
            if below { p <= level } else { p >= level }
        };
        let t0 = t0.max(self.open);
        let t1 = t1.min(self.close);
        if t0 >= t1 {
            return None;
        }
        if hit(self.mid(t0)) {
            return Some(t0);
        }
        let i = self.kt.partition_point(|&x| x <= t0);
        for k in i..self.kt.len() {
            if self.kt[k] >= t1 {
                break;
            }
            if hit(f64::from(self.kp[k])) {
                return Some(self.kt[k]);
            }
        }
        None
    }

    pub fn live_at(&self, t: i64) -> bool {
        self.live.is_some_and(|(a, b)| t >= a && t < b)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub t: i64,
    pub m: u32,
    /// Change of outcome 0's price over the jump.
    pub d: f32,
}

pub struct World {
    pub markets: Vec<Market>,
    pub groups: Vec<Vec<u32>>,
    pub events: Vec<Event>,
    pub sports: Vec<u32>,
    pub elections: Vec<u32>,
    pub politics: Vec<u32>,
    pub news: Vec<u32>,
    pub culture: Vec<u32>,
    pub weather: Vec<u32>,
    crypto_ix: BTreeMap<(u8, u8, i64), u32>,
    under: Vec<Vec<f32>>,
    pub n_static: usize,
    /// Sports markets by start of play: (start, market).
    pub games: Vec<(i64, u32)>,
    /// Weather events: (city 0 = NYC / 1 = London / 2 = Seoul, local 15:00 of the day, group).
    pub wx: Vec<(u8, i64, u32)>,
    /// Event indices per static market.
    pub ev_by_m: Vec<Vec<u32>>,
    /// Stretches when crypto is busy and short-horizon traders switch their programs on.
    pub hot: Vec<(i64, i64)>,
}

pub const ASSETS: [(&str, &str, f64); 4] =
    [("Bitcoin", "btc", 0.50), ("Ethereum", "eth", 0.66), ("Solana", "sol", 0.85), ("XRP", "xrp", 0.80)];

/// US Eastern offset in seconds at `t`.
pub fn et_offset(t: i64) -> i64 {
    if t >= DST_US_END { -5 * HOUR } else { -4 * HOUR }
}

fn fmt(t: i64, f: &str) -> String {
    DateTime::from_timestamp(t, 0).map(|d| d.format(f).to_string()).unwrap_or_default()
}

fn et_fmt(t: i64, f: &str) -> String {
    fmt(t + et_offset(t), f)
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

struct Spec<'a> {
    key: String,
    cat: Cat,
    title: String,
    slug: String,
    outcomes: [&'a str; 2],
    open: i64,
    close: i64,
    pop: f64,
    spread: u8,
    depth: f64,
}

fn market(s: Spec<'_>, kt: Vec<i64>, kp: Vec<f32>) -> Market {
    let h = hash_str(&s.key);
    let tok_len = |k: u64| if mix(h, k).is_multiple_of(5) { 76 } else { 77 };
    Market {
        cat: s.cat,
        title: s.title,
        slug: s.slug,
        outcomes: [s.outcomes[0].to_string(), s.outcomes[1].to_string()],
        cond: format!("0x{}", hex_from(h, 64)),
        tokens: [digits_from(mix(h, 1), tok_len(11)), digits_from(mix(h, 2), tok_len(12))],
        open: s.open,
        close: s.close,
        pop: s.pop,
        spread: s.spread,
        depth: s.depth,
        kt,
        kp,
        live: None,
        group: None,
        crypto: None,
        reward: false,
        winner: None,
    }
}

/// Sorted knots from (time, price) samples, clamped to tradable prices.
fn knots(mut pts: Vec<(i64, f64)>) -> (Vec<i64>, Vec<f32>) {
    pts.sort_by_key(|p| p.0);
    pts.dedup_by_key(|p| p.0);
    let kt = pts.iter().map(|p| p.0).collect();
    let kp = pts.iter().map(|p| p.1.clamp(0.004, 0.996) as f32).collect();
    (kt, kp)
}

const NBA: &[(&str, &str)] = &[
    ("atl", "Hawks"),
    ("bos", "Celtics"),
    ("bkn", "Nets"),
    ("cha", "Hornets"),
    ("chi", "Bulls"),
    ("cle", "Cavaliers"),
    ("dal", "Mavericks"),
    ("den", "Nuggets"),
    ("det", "Pistons"),
    ("gsw", "Warriors"),
    ("hou", "Rockets"),
    ("ind", "Pacers"),
    ("lac", "Clippers"),
    ("lal", "Lakers"),
    ("mem", "Grizzlies"),
    ("mia", "Heat"),
    ("mil", "Bucks"),
    ("min", "Timberwolves"),
    ("nop", "Pelicans"),
    ("nyk", "Knicks"),
    ("okc", "Thunder"),
    ("orl", "Magic"),
    ("phi", "76ers"),
    ("phx", "Suns"),
    ("por", "Trail Blazers"),
    ("sac", "Kings"),
    ("sas", "Spurs"),
    ("tor", "Raptors"),
    ("uta", "Jazz"),
    ("was", "Wizards"),
];
const NFL: &[(&str, &str)] = &[
    ("ari", "Cardinals"),
    ("atl", "Falcons"),
    ("bal", "Ravens"),
    ("buf", "Bills"),
    ("car", "Panthers"),
    ("chi", "Bears"),
    ("cin", "Bengals"),
    ("cle", "Browns"),
    ("dal", "Cowboys"),
    ("den", "Broncos"),
    ("det", "Lions"),
    ("gb", "Packers"),
    ("hou", "Texans"),
    ("ind", "Colts"),
    ("jax", "Jaguars"),
    ("kc", "Chiefs"),
    ("lv", "Raiders"),
    ("lac", "Chargers"),
    ("lar", "Rams"),
    ("mia", "Dolphins"),
    ("min", "Vikings"),
    ("ne", "Patriots"),
    ("no", "Saints"),
    ("nyg", "Giants"),
    ("nyj", "Jets"),
    ("phi", "Eagles"),
    ("pit", "Steelers"),
    ("sf", "49ers"),
    ("sea", "Seahawks"),
    ("tb", "Buccaneers"),
    ("ten", "Titans"),
    ("was", "Commanders"),
];
const NHL: &[(&str, &str)] = &[
    ("ana", "Ducks"),
    ("bos", "Bruins"),
    ("buf", "Sabres"),
    ("cgy", "Flames"),
    ("car", "Hurricanes"),
    ("chi", "Blackhawks"),
    ("col", "Avalanche"),
    ("cbj", "Blue Jackets"),
    ("dal", "Stars"),
    ("det", "Red Wings"),
    ("edm", "Oilers"),
    ("fla", "Panthers"),
    ("la", "Kings"),
    ("min", "Wild"),
    ("mtl", "Canadiens"),
    ("nsh", "Predators"),
    ("njd", "Devils"),
    ("nyi", "Islanders"),
    ("nyr", "Rangers"),
    ("ott", "Senators"),
    ("phi", "Flyers"),
    ("pit", "Penguins"),
    ("sj", "Sharks"),
    ("sea", "Kraken"),
    ("stl", "Blues"),
    ("tb", "Lightning"),
    ("tor", "Maple Leafs"),
    ("uta", "Mammoth"),
    ("van", "Canucks"),
    ("vgk", "Golden Knights"),
    ("wsh", "Capitals"),
    ("wpg", "Jets"),
];
const CFB: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("uga", "Georgia"),
    ("osu", "Ohio State"),
    ("mich", "Michigan"),
    ("tex", "Texas"),
    ("lsu", "LSU"),
    ("ore", "Oregon"),
    ("psu", "Penn State"),
    ("nd", "Notre Dame"),
    ("miss", "Ole Miss"),
    ("tenn", "Tennessee"),
    ("okla", "Oklahoma"),
    ("usc", "USC"),
    ("clem", "Clemson"),
    ("fsu", "Florida State"),
    ("mia", "Miami"),
    ("aub", "Auburn"),
    ("tamu", "Texas A&M"),
    ("wis", "Wisconsin"),
    ("iowa", "Iowa"),
    ("utah", "Utah"),
    ("byu", "BYU"),
    ("ind", "Indiana"),
    ("smu", "SMU"),
];
const EPL: &[(&str, &str)] = &[
    ("ars", "Arsenal"),
    ("avl", "Aston Villa"),
    ("bou", "Bournemouth"),
    ("bre", "Brentford"),
    ("bha", "Brighton"),
    ("bur", "Burnley"),
    ("che", "Chelsea"),
    ("cry", "Crystal Palace"),
    ("eve", "Everton"),
    ("ful", "Fulham"),
    ("lee", "Leeds"),
    ("liv", "Liverpool"),
    ("mci", "Manchester City"),
    ("mun", "Manchester United"),
    ("new", "Newcastle"),
    ("nfo", "Nottingham Forest"),
    ("sun", "Sunderland"),
    ("tot", "Tottenham"),
    ("whu", "West Ham"),
    ("wol", "Wolves"),
];
const UCL: &[(&str, &str)] = &[
    ("rma", "Real Madrid"),
    ("bar", "Barcelona"),
    ("bay", "Bayern Munich"),
    ("psg", "PSG"),
    ("int", "Inter"),
    ("juv", "Juventus"),
    ("bvb", "Dortmund"),
    ("atm", "Atletico Madrid"),
    ("ben", "Benfica"),
    ("nap", "Napoli"),
    ("ars", "Arsenal"),
    ("liv", "Liverpool"),
    ("mci", "Manchester City"),
    ("che", "Chelsea"),
    ("spo", "Sporting CP"),
    ("psv", "PSV"),
];

/// (league, expected scoring events per team, points per event choices, final-margin sd, minutes of play, real minutes)
fn league_params(l: League) -> (f64, &'static [f64], f64, f64) {
    match l {
        League::Nfl => (4.3, &[3.0, 7.0, 7.0, 6.0], 13.5, 190.0),
        League::Cfb => (5.0, &[3.0, 7.0, 7.0, 7.0, 6.0], 16.0, 210.0),
        League::Nhl => (3.0, &[1.0], 2.4, 150.0),
        League::Nba => (0.0, &[1.0], 12.5, 140.0),
        League::Soccer => (1.35, &[1.0], 1.7, 115.0),
    }
}

fn poisson_pmf(lambda: f64, k: usize) -> f64 {
    let mut p = (-lambda).exp();
    for i in 1..=k {
        p *= lambda / i as f64;
    }
    p
}

/// Soccer 1X2 probabilities given the current goal difference (home minus away) and the
/// expected remaining goals of each side.
fn soccer_probs(diff: i64, lh: f64, la: f64) -> [f64; 3] {
    let mut out = [0.0; 3];
    for h in 0..9usize {
        let ph = poisson_pmf(lh, h);
        for a in 0..9usize {
            let p = ph * poisson_pmf(la, a);
            let d = diff + h as i64 - a as i64;
            let k = if d > 0 {
                0
            } else if d == 0 {
                1
            } else {
                2
            };
            out[k] += p;
        }
    }
    let s: f64 = out.iter().sum();
    out.map(|x| x / s)
}

/// A sticky noise process: one value per `every` seconds, slowly varying.
struct Ar {
    x: f64,
    sd: f64,
    keep: f64,
}

impl Ar {
    fn new(sd: f64, keep: f64) -> Self {
        Ar { x: 0.0, sd, keep }
    }
    fn step(&mut self, rng: &Rng) -> f64 {
        self.x = self.keep * self.x + (1.0 - self.keep * self.keep).sqrt() * self.sd * rng.normal();
        self.x
    }
}

/// A multi-outcome event: title, slug, (candidate, prior), popularity.
type GroupSpec = (&'static str, &'static str, &'static [(&'static str, f64)], f64);
/// A news market: title, prior, popularity, resolution (day offset from START, winner).
type NewsSpec = (&'static str, f64, f64, Option<(i64, u8)>);
/// A mentions event: show, start offset from START, (word, prior).
type ShowSpec = (&'static str, i64, &'static [(&'static str, f64)]);

#[derive(Clone, Copy)]
enum L {
    Sports,
    Elections,
    Politics,
    News,
    Culture,
    Weather,
}

struct Builder {
    w: World,
    rng: Rng,
}

impl World {
    pub fn build() -> World {
        let w = World {
            markets: Vec::new(),
            groups: Vec::new(),
            events: Vec::new(),
            sports: Vec::new(),
            elections: Vec::new(),
            politics: Vec::new(),
            news: Vec::new(),
            culture: Vec::new(),
            weather: Vec::new(),
            crypto_ix: BTreeMap::new(),
            under: Vec::new(),
            n_static: 0,
            games: Vec::new(),
            wx: Vec::new(),
            ev_by_m: Vec::new(),
            hot: Vec::new(),
        };
        let mut b = Builder { w, rng: Rng::new(SEED) };
        b.underlying();
        b.sports();
        b.elections();
        b.politics();
        b.news();
        b.culture();
        b.weather();
        let mut w = b.w;
        w.n_static = w.markets.len();
        w.events.sort_by_key(|e| (e.t, e.m));
        w.ev_by_m = vec![Vec::new(); w.n_static];
        for (i, e) in w.events.iter().enumerate() {
            w.ev_by_m[e.m as usize].push(i as u32);
        }
        w.games = w.sports.iter().filter_map(|&m| w.markets[m as usize].live.map(|l| (l.0, m))).collect();
        w.games.sort();
        let r = Rng::new(SEED ^ 0x407);
        for _ in 0..9 {
            let a = r.int(START, NOW - 6 * HOUR);
            w.hot.push((a, a + r.int(6 * HOUR, 30 * HOUR)));
        }
        w.hot.sort();
        w
    }

    /// A stretch of `len` seconds: inside a hot period with probability `p_hot`.
    pub fn stretch(&self, rng: &Rng, len: i64, p_hot: f64) -> (i64, i64) {
        let a = if rng.chance(p_hot) {
            let (h0, h1) = *rng.pick(&self.hot);
            rng.int(h0 - len / 2, (h1 - len / 2).max(h0 - len / 2))
        } else {
            rng.int(START, NOW - HOUR)
        };
        (a, a + len)
    }

    /// Sports markets whose play starts in [t0, t1).
    pub fn games_between(&self, t0: i64, t1: i64) -> &[(i64, u32)] {
        let a = self.games.partition_point(|g| g.0 < t0);
        let b = self.games.partition_point(|g| g.0 < t1);
        &self.games[a..b]
    }

    /// Events of one static market.
    pub fn events_of(&self, m: u32) -> impl Iterator<Item = &Event> + '_ {
        let ix: &[u32] = self.ev_by_m.get(m as usize).map(|v| v.as_slice()).unwrap_or(&[]);
        ix.iter().map(move |&i| &self.events[i as usize])
    }

    pub fn m(&self, m: u32) -> &Market {
        &self.markets[m as usize]
    }

    /// The log price of a crypto asset at `t` (on the 10 s grid, at or before `t`).
    pub fn spot(&self, asset: u8, t: i64) -> f64 {
        let v = &self.under[asset as usize];
        let i = ((t - U0) / USTEP).clamp(0, v.len() as i64 - 1) as usize;
        f64::from(v[i])
    }

    /// The fair probability that `asset` closes its window [s, e) up, seen at `t`.
    pub fn updown_fair(&self, asset: u8, s: i64, e: i64, t: i64) -> f64 {
        if t < s {
            return 0.5;
        }
        let r = self.spot(asset, t) - self.spot(asset, s);
        let sig = ASSETS[asset as usize].2 / (365.0f64 * 86_400.0).sqrt();
        let tau = (e - t).max(1) as f64;
        phi(r / (sig * tau.sqrt()))
    }

    /// The up/down market of `asset` for the window starting at `s` (horizon 0 = 15 min, 1 = 1 h).
    pub fn crypto(&mut self, asset: u8, hz: u8, s: i64) -> u32 {
        let len = if hz == 0 { 15 * MIN } else { HOUR };
        let s = s - s.rem_euclid(len);
        if let Some(&m) = self.crypto_ix.get(&(asset, hz, s)) {
            return m;
        }
        let e = s + len;
        let (name, tick, _) = ASSETS[asset as usize];
        let (title, slug) = if hz == 0 {
            let a = et_fmt(s, "%-I:%M%p");
            let b = et_fmt(e, "%-I:%M%p");
            (format!("{name} Up or Down - {}, {a}-{b} ET", et_fmt(s, "%B %-d")), format!("{tick}-updown-15m-{s}"))
        } else {
            let h = et_fmt(s, "%-I%p");
            let title = format!("{name} Up or Down - {}, {h} ET", et_fmt(s, "%B %-d"));
            let slug = slugify(&title.replace(" - ", " ").replace(" ET", " et"));
            (title, slug)
        };
        let pop = [1.0, 0.65, 0.35, 0.3][asset as usize] * if hz == 0 { 36.0 } else { 24.0 };
        let open = s - len;
        let rng = Rng::new(mix(SEED, mix(u64::from(asset) * 7 + u64::from(hz), s as u64)));
        let mut noise = Ar::new(0.012, 0.9);
        let lag = 20;
        let mut pts = Vec::new();
        let mut t = open;
        while t < e {
            let fair = self.updown_fair(asset, s, e, t - lag);
            let n = if t < s { noise.step(&rng) * 1.5 } else { noise.step(&rng) * (fair * (1.0 - fair) * 4.0).max(0.15) };
            pts.push((t, (fair + n).clamp(0.01, 0.99)));
            t += USTEP;
        }
        let (kt, kp) = knots(pts);
        let spec = Spec {
            key: format!("updown/{tick}/{hz}/{s}"),
            cat: Cat::Crypto,
            title,
            slug,
            outcomes: ["Up", "Down"],
            open,
            close: e,
            pop,
            spread: 1,
            depth: [3000.0, 1800.0, 900.0, 700.0][asset as usize],
        };
        let mut mk = market(spec, kt, kp);
        mk.crypto = Some((asset, hz, s));
        mk.winner = if e <= NOW { Some(if self.spot(asset, e) >= self.spot(asset, s) { 0 } else { 1 }) } else { None };
        let id = self.markets.len() as u32;
        self.markets.push(mk);
        self.crypto_ix.insert((asset, hz, s), id);
        id
    }

    /// Events of markets in `cats` (by predicate) between t0 and t1.
    pub fn events_in(&self, t0: i64, t1: i64) -> &[Event] {
        let a = self.events.partition_point(|e| e.t < t0);
        let b = self.events.partition_point(|e| e.t < t1);
        &self.events[a..b]
    }

    /// Static markets of a kind open at `t`.
    pub fn open_at<'a>(&'a self, list: &'a [u32], t: i64) -> impl Iterator<Item = u32> + 'a {
        list.iter().copied().filter(move |&m| self.markets[m as usize].is_open(t))
    }
}

impl Builder {
    fn push(&mut self, m: Market, list: L) -> u32 {
        let id = self.w.markets.len() as u32;
        self.w.markets.push(m);
        let w = &mut self.w;
        match list {
            L::Sports => w.sports.push(id),
            L::Elections => w.elections.push(id),
            L::Politics => w.politics.push(id),
            L::News => w.news.push(id),
            L::Culture => w.culture.push(id),
            L::Weather => w.weather.push(id),
        }
        id
    }

    fn add_events(&mut self, m: u32, times: &[i64]) {
        let mk = &self.w.markets[m as usize];
        let mut evs = Vec::new();
        for &t in times {
            if t <= mk.open || t >= mk.close {
                continue;
            }
            let before = mk.mid(t - 1);
            let after = mk.mid(t);
            evs.push(Event { t, m, d: (after - before) as f32 });
        }
        self.w.events.extend(evs);
    }

    fn underlying(&mut self) {
        let n = ((NOW + 2 * DAY - U0) / USTEP) as usize;
        for (a, &(_, _, vol)) in ASSETS.iter().enumerate() {
            let rng = self.rng.fork(900 + a as u64);
            let mut v = Vec::with_capacity(n);
            let mut x = 0.0f64;
            let base = vol / (365.0f64 * 8_640.0).sqrt();
            let mut regime = 1.0;
            for i in 0..n {
                let t = U0 + i as i64 * USTEP;
                if i % 360 == 0 {
                    // hourly regime: US hours and random storms are more volatile
                    let h = (t.rem_euclid(DAY) / HOUR) as usize;
                    let tod = if (13..21).contains(&h) {
                        1.3
                    } else if (1..7).contains(&h) {
                        0.7
                    } else {
                        1.0
                    };
                    regime = tod * rng.lognormal(1.0, 0.35);
                }
                x += base * regime * rng.normal();
                if rng.chance(1.0 / 60_000.0) {
                    x += base * 40.0 * rng.normal();
                }
                v.push(x as f32);
            }
            self.w.under.push(v);
        }
    }

    fn sports(&mut self) {
        let rng = self.rng.fork(1);
        let first = START - 4 * DAY;
        let last = NOW + 3 * DAY;
        let mut day = first - first.rem_euclid(DAY);
        while day < last {
            let wd = ((day / DAY) + 4).rem_euclid(7); // 0 = Sunday
            let mut games: Vec<(League, i64)> = Vec::new();
            // NBA and NHL nightly (US evening = next UTC day early hours)
            if day >= 1_792_540_800 {
                let n = rng.int(3, 6);
                for _ in 0..n {
                    let slot = *rng.pick(&[23 * 60, 23 * 60 + 30, 24 * 60, 24 * 60 + 30, 25 * 60, 26 * 60, 26 * 60 + 30, 27 * 60]);
                    games.push((League::Nba, day + slot * MIN));
                }
            }
            for _ in 0..rng.int(2, 4) {
                let slot = *rng.pick(&[23 * 60, 23 * 60 + 30, 24 * 60, 25 * 60, 26 * 60]);
                games.push((League::Nhl, day + slot * MIN));
            }
            match wd {
                0 => {
                    for _ in 0..5 {
                        games.push((League::Nfl, day + 18 * HOUR));
                    }
                    games.push((League::Nfl, day + 21 * HOUR + 5 * MIN));
                    games.push((League::Nfl, day + 21 * HOUR + 25 * MIN));
                    games.push((League::Nfl, day + 25 * HOUR + 20 * MIN));
                    for s in [14 * HOUR, 16 * HOUR + 30 * MIN] {
                        games.push((League::Soccer, day + s));
                    }
                }
                1 => games.push((League::Nfl, day + 25 * HOUR + 15 * MIN)),
                2 | 3 => {
                    for _ in 0..2 {
                        games.push((League::Soccer, day + 20 * HOUR));
                    }
                }
                4 => games.push((League::Nfl, day + 25 * HOUR + 15 * MIN)),
                6 => {
                    for s in [12 * HOUR + 30 * MIN, 15 * HOUR, 15 * HOUR, 17 * HOUR + 30 * MIN] {
                        games.push((League::Soccer, day + s));
                    }
                    for s in [16 * HOUR, 19 * HOUR + 30 * MIN, 23 * HOUR + 30 * MIN, 24 * HOUR + 30 * MIN, 27 * HOUR] {
                        games.push((League::Cfb, day + s));
                    }
                }
                _ => {}
            }
            let mut used: Vec<(League, usize)> = Vec::new();
            for (lg, g0) in games {
                let teams: &[(&str, &str)] = match lg {
                    League::Nba => NBA,
                    League::Nfl => NFL,
                    League::Nhl => NHL,
                    League::Cfb => CFB,
                    League::Soccer => {
                        if wd == 2 || wd == 3 {
                            UCL
                        } else {
                            EPL
                        }
                    }
                };
                let mut pick = || loop {
                    let i = rng.below(teams.len());
                    if !used.contains(&(lg, i)) {
                        used.push((lg, i));
                        return i;
                    }
                };
                let a = pick();
                let b = pick();
                let g0 = g0 + rng.int(0, 3) * MIN;
                if lg == League::Soccer {
                    self.soccer(g0, teams[a], teams[b], wd == 2 || wd == 3);
                } else {
                    self.game(lg, g0, teams[a], teams[b]);
                }
            }
            day += DAY;
        }
    }

    fn game(&mut self, lg: League, g0: i64, a: (&str, &str), b: (&str, &str)) {
        let key = format!("{lg:?}/{}/{}/{g0}", a.0, b.0);
        let rng = Rng::new(hash_str(&key));
        let (rate, pts_choice, sd, real_min) = league_params(lg);
        let g1 = g0 + (real_min * rng.range(0.92, 1.12) * 60.0) as i64;
        let lead = match lg {
            League::Nfl => rng.int(5, 7),
            League::Cfb => rng.int(4, 8),
            _ => rng.int(1, 2),
        };
        let open = g0 - lead * DAY - rng.int(0, 12) * HOUR;
        let close = g1 + rng.int(15, 110) * MIN;
        if close <= START || open >= NOW {
            return;
        }
        // pregame: a line that moves a little, with a chance of injury news
        let mut x = logit(rng.range(0.2, 0.8));
        let mut pts = Vec::new();
        let mut ev = Vec::new();
        let news: Vec<i64> = (0..rng.poisson(0.8)).map(|_| rng.int(open + HOUR, g0 - 10 * MIN)).collect();
        let mut t = open;
        while t < g0 {
            x += 0.12 * (20.0 / 1440.0f64).sqrt() * rng.normal();
            for &n in &news {
                if n >= t && n < t + 20 * MIN {
                    x += 0.45 * rng.normal();
                    pts.push((n, sigmoid(x)));
                    ev.push(n);
                }
            }
            pts.push((t, sigmoid(x)));
            t += 20 * MIN;
        }
        let p0 = sigmoid(x);
        let mu = sd * (logit(p0) / 1.702);
        // in play, one knot a minute
        let minutes = ((g1 - g0) / MIN).max(1);
        let mut d = 0.0f64;
        let mut p_last = p0;
        let avg_pts = pts_choice.iter().sum::<f64>() / pts_choice.len() as f64;
        let tilt = if rate > 0.0 { (mu / (2.0 * rate * avg_pts)).clamp(-0.6, 0.6) } else { 0.0 };
        for k in 0..minutes {
            let tk = g0 + k * MIN;
            let f = 1.0 - (k + 1) as f64 / minutes as f64;
            if rate > 0.0 {
                for (side, s) in [(1.0, 1.0 + tilt), (-1.0, 1.0 - tilt)] {
                    if rng.chance(rate * s / minutes as f64) {
                        d += side * *rng.pick(pts_choice);
                    }
                }
            } else {
                d += mu / minutes as f64 + sd / (minutes as f64).sqrt() * rng.normal();
            }
            let p = if f > 0.0 {
                phi((d + mu * f) / (sd * f.sqrt() + 0.5))
            } else if d > 0.0 {
                1.0
            } else if d < 0.0 {
                0.0
            } else {
                p0
            };
            let p = p.clamp(0.01, 0.99);
            if (p - p_last).abs() >= 0.045 {
                ev.push(tk);
            }
            p_last = p;
            pts.push((tk, p + 0.006 * rng.normal()));
        }
        let winner: u8 = if d > 0.0 || (d == 0.0 && rng.chance(p0)) { 0 } else { 1 };
        // after the final whistle the winner trades at 97-99.5 until resolution
        let mut t = g1;
        let mut settle = 0.975;
        while t < close {
            let v = if winner == 0 { settle } else { 1.0 - settle };
            pts.push((t, v));
            settle = (settle + rng.range(0.0, 0.004)).min(0.995);
            t += rng.int(2, 8) * MIN;
        }
        ev.push(g1);
        let (kt, kp) = knots(pts);
        let (lgname, pop, spread, depth) = match lg {
            League::Nfl => ("nfl", 4.5, 1, 4000.0),
            League::Cfb => ("cfb", 2.5, 1, 1500.0),
            League::Nhl => ("nhl", 1.3, 2, 600.0),
            League::Nba => ("nba", 2.4, 1, 1500.0),
            League::Soccer => ("epl", 2.0, 1, 800.0),
        };
        let date = et_fmt(g0, "%Y-%m-%d");
        let spec = Spec {
            key,
            cat: Cat::Sports(lg),
            title: format!("{} vs. {}", a.1, b.1),
            slug: format!("{lgname}-{}-{}-{date}", a.0, b.0),
            outcomes: [a.1, b.1],
            open,
            close,
            pop: pop * rng.lognormal(1.0, 0.4),
            spread,
            depth: depth * rng.lognormal(1.0, 0.3),
        };
        let mut mk = market(spec, kt, kp);
        mk.live = Some((g0, g1));
        mk.winner = if close <= NOW { Some(winner) } else { None };
        mk.reward = lg == League::Nfl || rng.chance(0.3);
        let id = self.push(mk, L::Sports);
        self.add_events(id, &ev);
    }

    fn soccer(&mut self, g0: i64, home: (&str, &str), away: (&str, &str), ucl: bool) {
        let key = format!("soccer/{}/{}/{g0}", home.0, away.0);
        let rng = Rng::new(hash_str(&key));
        let g1 = g0 + (rng.range(112.0, 120.0) * 60.0) as i64;
        let open = g0 - rng.int(3, 6) * DAY;
        let close = g1 + rng.int(20, 90) * MIN;
        if close <= START || open >= NOW {
            return;
        }
        let mut s = rng.range(-0.9, 0.9);
        let total = rng.range(2.3, 3.2);
        let mut traj: Vec<(i64, [f64; 3], bool)> = Vec::new();
        let mut ev = Vec::new();
        let mut t = open;
        while t < g0 {
            s += 0.05 * rng.normal();
            let lh = total / 2.0 * (s / 2.0).exp();
            let la = total / 2.0 * (-s / 2.0).exp();
            traj.push((t, soccer_probs(0, lh, la), false));
            t += 30 * MIN;
        }
        let lh = total / 2.0 * (s / 2.0).exp();
        let la = total / 2.0 * (-s / 2.0).exp();
        let minutes = (g1 - g0) / MIN;
        let mut diff = 0i64;
        for k in 0..minutes {
            let f = 1.0 - (k + 1) as f64 / minutes as f64;
            let mut goal = false;
            if rng.chance(lh / minutes as f64) {
                diff += 1;
                goal = true;
            }
            if rng.chance(la / minutes as f64) {
                diff -= 1;
                goal = true;
            }
            let tk = g0 + k * MIN;
            if goal {
                ev.push(tk);
            }
            traj.push((tk, soccer_probs(diff, lh * f, la * f), goal));
        }
        let res = if diff > 0 {
            0
        } else if diff == 0 {
            1
        } else {
            2
        };
        let date = et_fmt(g0, "%Y-%m-%d");
        let lg = if ucl { "ucl" } else { "epl" };
        let titles = [
            (format!("Will {} win on {date}?", home.1), format!("{lg}-{}-{}-{date}-{}", home.0, away.0, home.0)),
            (format!("Will {} vs. {} end in a draw?", home.1, away.1), format!("{lg}-{}-{}-{date}-draw", home.0, away.0)),
            (format!("Will {} win on {date}?", away.1), format!("{lg}-{}-{}-{date}-{}", home.0, away.0, away.0)),
        ];
        let gid = self.w.groups.len() as u32;
        let mut ids = Vec::new();
        for (k, (title, slug)) in titles.into_iter().enumerate() {
            let mut noise = Ar::new(0.012, 0.85);
            let mut pts: Vec<(i64, f64)> = Vec::with_capacity(traj.len() + 8);
            let mut prev = traj.first().map(|x| x.1[k]).unwrap_or(0.3);
            for &(t, p, goal) in &traj {
                let v = p[k] + noise.step(&rng);
                if goal && rng.chance(0.7) {
                    // this book reprices the goal a little late
                    pts.push((t, prev));
                    pts.push((t + rng.int(3, 50), v));
                } else {
                    pts.push((t, v));
                }
                prev = v;
            }
            let mut t = g1;
            let mut settle = 0.975;
            while t < close {
                pts.push((t, if k == res { settle } else { 1.0 - settle }));
                settle = (settle + rng.range(0.0, 0.004)).min(0.995);
                t += rng.int(2, 8) * MIN;
            }
            let (kt, kp) = knots(pts);
            let spec = Spec {
                key: format!("{key}/{k}"),
                cat: Cat::Sports(League::Soccer),
                title,
                slug,
                outcomes: ["Yes", "No"],
                open,
                close,
                pop: (if k == 1 { 0.8 } else { 1.3 }) * rng.lognormal(1.0, 0.4) * (if ucl { 1.5 } else { 1.0 }),
                spread: if k == 1 { 2 } else { 1 },
                depth: 700.0 * rng.lognormal(1.0, 0.4),
            };
            let mut mk = market(spec, kt, kp);
            mk.live = Some((g0, g1));
            mk.group = Some(gid);
            mk.winner = if close <= NOW { Some(if k == res { 0 } else { 1 }) } else { None };
            mk.reward = rng.chance(0.4);
            let id = self.push(mk, L::Sports);
            let mut e2 = ev.clone();
            e2.push(g1);
            self.add_events(id, &e2);
            ids.push(id);
        }
        self.w.groups.push(ids);
    }

    /// A long-running market's path: a logit walk with news jumps; optionally resolved at `res`
    /// = (decided at, winner known from then, close).
    fn long_path(rng: &Rng, open: i64, close: i64, p0: f64, vol: f64, ev_rate: f64, jumps: &[(i64, f64)]) -> (Vec<(i64, f64)>, Vec<i64>) {
        let from = open.max(START - 3 * DAY);
        let to = close.min(NOW + DAY);
        let mut news: Vec<(i64, f64)> = jumps.to_vec();
        let n = rng.poisson(ev_rate * (to - from) as f64 / DAY as f64);
        for _ in 0..n {
            let t = rng.int(from, to);
            // news breaks mostly in US waking hours
            let h = (t.rem_euclid(DAY)) / HOUR;
            let t = if (5..12).contains(&h) && rng.chance(0.6) { t + 8 * HOUR } else { t };
            news.push((t, 0.5 * rng.normal()));
        }
        news.sort_by_key(|a| a.0);
        let mut x = logit(p0);
        let anchor = x;
        let mut pts = Vec::new();
        let mut ev = Vec::new();
        let dt = 20 * MIN;
        let mut t = from;
        let mut ni = 0;
        while t < to {
            x += vol * (dt as f64 / DAY as f64).sqrt() * rng.normal() - 0.02 * (x - anchor) * dt as f64 / DAY as f64;
            pts.push((t, sigmoid(x)));
            while ni < news.len() && news[ni].0 < t + dt {
                let (tn, j) = news[ni];
                if tn >= t {
                    x += j;
                    x = x.clamp(-4.6, 4.6);
                    pts.push((tn, sigmoid(x)));
                    ev.push(tn);
                }
                ni += 1;
            }
            x = x.clamp(-4.6, 4.6);
            t += dt;
        }
        (pts, ev)
    }

    fn elections(&mut self) {
        let rng = self.rng.fork(2);
        let senate: &[(&str, f64, f64, bool)] = &[
            ("Georgia", 0.56, 0.0, false),
            ("Michigan", 0.61, 1.0, false),
            ("North Carolina", 0.49, 0.5, false),
            ("Maine", 0.52, 1.0, true),
            ("Ohio", 0.36, 0.5, false),
            ("Texas", 0.2, 1.0, false),
            ("Iowa", 0.24, 2.0, false),
            ("New Hampshire", 0.71, 1.0, false),
            ("Alaska", 0.3, 5.0, true),
            ("Nebraska", 0.3, 1.0, false),
            ("Minnesota", 0.8, 1.0, false),
            ("Florida", 0.14, 0.5, false),
        ];
        let gov: &[(&str, f64, f64)] = &[
            ("Arizona", 0.5, 2.0),
            ("Wisconsin", 0.55, 1.0),
            ("Pennsylvania", 0.79, 1.0),
            ("Georgia", 0.41, 0.0),
            ("Nevada", 0.44, 3.0),
            ("Michigan", 0.52, 1.0),
            ("Kansas", 0.38, 1.0),
        ];
        struct Race {
            key: String,
            title: String,
            slug: String,
            outcomes: [&'static str; 2],
            p0: f64,
            close_h: f64,
            slow: bool,
            pop: f64,
        }
        let mut races = Vec::new();
        races.push(Race {
            key: "house-2026".into(),
            title: "Which party will win the House in 2026?".into(),
            slug: "which-party-will-win-the-house-in-2026".into(),
            outcomes: ["Democrats", "Republicans"],
            p0: 0.77,
            close_h: 3.0,
            slow: false,
            pop: 4.5,
        });
        races.push(Race {
            key: "senate-2026".into(),
            title: "Which party will win the Senate in 2026?".into(),
            slug: "which-party-will-win-the-senate-in-2026".into(),
            outcomes: ["Democrats", "Republicans"],
            p0: 0.31,
            close_h: 2.0,
            slow: false,
            pop: 3.5,
        });
        for &(st, p, h, slow) in senate {
            races.push(Race {
                key: format!("senate/{st}"),
                title: format!("Will the Democrats win the {st} Senate race?"),
                slug: format!("{}-senate-election-2026-democrat", slugify(st)),
                outcomes: ["Yes", "No"],
                p0: p,
                close_h: h,
                slow,
                pop: 0.7 + 1.3 * (1.0 - (p - 0.5).abs() * 2.0),
            });
        }
        for &(st, p, h) in gov {
            races.push(Race {
                key: format!("gov/{st}"),
                title: format!("{st} Governor Election: Democrat or Republican?"),
                slug: format!("{}-governor-election-2026", slugify(st)),
                outcomes: ["Democrat", "Republican"],
                p0: p,
                close_h: h,
                slow: false,
                pop: 0.6 + 1.1 * (1.0 - (p - 0.5).abs() * 2.0),
            });
        }
        for r in races {
            let rr = rng.fork(hash_str(&r.key));
            let open = START - rr.int(60, 200) * DAY;
            let polls = ELECTION_NIGHT + (r.close_h * HOUR as f64) as i64;
            let closeness = 1.0 - (r.p0 - 0.5).abs() * 2.0;
            let call = if r.slow {
                NOW + rr.int(1, 6) * DAY
            } else if closeness > 0.7 {
                polls + rr.int(4 * HOUR, 60 * HOUR)
            } else {
                polls + rr.int(10 * MIN, 3 * HOUR)
            };
            let close = if call > NOW { NOW + 20 * DAY } else { call + rr.int(DAY, 4 * DAY) };
            let (mut pts, mut ev) = Builder::long_path(&rr, open, ELECTION_NIGHT, r.p0, 0.35, 0.35, &[]);
            let pe = pts.last().map(|p| p.1).unwrap_or(r.p0);
            let winner: u8 = if rr.chance(pe) { 0 } else { 1 };
            let target = if winner == 0 { 4.4 } else { -4.4 };
            let mut x = logit(pe);
            // returns come in: a few jumps towards the result, then the call
            let steps = if call > NOW { 3 } else { rr.int(2, 6) };
            let last = call.min(NOW + DAY);
            let mut ts: Vec<i64> = (0..steps).map(|_| rr.int(polls, last)).collect();
            ts.sort();
            for (k, &tk) in ts.iter().enumerate() {
                let f = (k + 1) as f64 / (steps + 1) as f64;
                let lean = if call > NOW { 0.55 } else { 1.0 };
                x = x + (target * lean - x) * f.powf(0.7) + 0.25 * rr.normal();
                pts.push((tk, sigmoid(x)));
                ev.push(tk);
            }
            if call <= NOW {
                pts.push((call, sigmoid(target)));
                ev.push(call);
                let mut t = call + rr.int(20, 90) * MIN;
                while t < close.min(NOW + DAY) {
                    pts.push((t, sigmoid(target + 0.3 * rr.normal()).clamp(0.005, 0.995)));
                    t += rr.int(2, 10) * HOUR;
                }
            } else {
                let mut t = last;
                while t < NOW + DAY {
                    x += 0.1 * rr.normal();
                    pts.push((t, sigmoid(x)));
                    t += 2 * HOUR;
                }
            }
            let (kt, kp) = knots(pts);
            let spec = Spec {
                key: r.key.clone(),
                cat: Cat::Election,
                title: r.title,
                slug: r.slug,
                outcomes: r.outcomes,
                open,
                close,
                pop: r.pop,
                spread: if r.pop > 5.0 { 1 } else { 2 },
                depth: 500.0 * r.pop * rr.lognormal(1.0, 0.3),
            };
            let mut mk = market(spec, kt, kp);
            mk.live = Some((ELECTION_NIGHT - 2 * HOUR, ELECTION_NIGHT + 12 * HOUR));
            mk.winner = if close <= NOW { Some(winner) } else { None };
            mk.reward = true;
            let id = self.push(mk, L::Elections);
            self.add_events(id, &ev);
        }
    }

    fn politics(&mut self) {
        let rng = self.rng.fork(3);
        let singles: &[(&str, f64, f64)] = &[
            ("Will Trump's approval rating be 45% or higher on November 30?", 0.18, 6.0),
            ("Will Trump meet Xi Jinping in person in 2026?", 0.62, 3.0),
            ("Will Zelenskyy and Putin meet in 2026?", 0.07, 2.0),
            ("Will the U.S. government shut down again by January 31?", 0.34, 4.0),
            ("Will Kamala Harris announce a 2028 presidential run in 2026?", 0.06, 1.5),
            ("Will the Supreme Court rule Trump's tariffs unlawful?", 0.58, 5.0),
            ("Will Trump pardon Ghislaine Maxwell in 2026?", 0.08, 2.5),
            ("Will Trump invoke the Insurrection Act in 2026?", 0.11, 2.0),
            ("Will a new country join NATO in 2026?", 0.04, 0.8),
            ("Will JD Vance be Time's Person of the Year?", 0.05, 0.8),
        ];
        for &(title, p0, pop) in singles {
            let rr = rng.fork(hash_str(title));
            let open = START - rr.int(20, 200) * DAY;
            let close = NOW + rr.int(10, 80) * DAY;
            let (pts, ev) = Builder::long_path(&rr, open, close, p0, 0.45, 0.3, &[]);
            let (kt, kp) = knots(pts);
            let spec = Spec {
                key: title.to_string(),
                cat: Cat::Politics,
                title: title.to_string(),
                slug: slugify(title),
                outcomes: ["Yes", "No"],
                open,
                close,
                pop,
                spread: if pop > 3.0 { 1 } else { 2 },
                depth: 600.0 * pop,
            };
            let spec = Spec { pop: pop * 0.5, ..spec };
            let mut mk = market(spec, kt, kp);
            mk.reward = pop > 2.0;
            let id = self.push(mk, L::Politics);
            self.add_events(id, &ev);
        }
        let groups: &[GroupSpec] = &[
            (
                "Who will Trump nominate as Fed Chair?",
                "who-will-trump-nominate-as-fed-chair",
                &[
                    ("Kevin Hassett", 0.46),
                    ("Kevin Warsh", 0.24),
                    ("Christopher Waller", 0.12),
                    ("Rick Rieder", 0.08),
                    ("Michelle Bowman", 0.04),
                ],
                5.0,
            ),
            (
                "Democratic Presidential Nominee 2028",
                "democratic-presidential-nominee-2028",
                &[
                    ("Gavin Newsom", 0.33),
                    ("Alexandria Ocasio-Cortez", 0.11),
                    ("Josh Shapiro", 0.08),
                    ("Pete Buttigieg", 0.07),
                    ("Andy Beshear", 0.05),
                    ("JB Pritzker", 0.05),
                ],
                3.0,
            ),
            (
                "Republican Presidential Nominee 2028",
                "republican-presidential-nominee-2028",
                &[("JD Vance", 0.55), ("Marco Rubio", 0.13), ("Donald Trump Jr.", 0.05), ("Ron DeSantis", 0.05), ("Tucker Carlson", 0.03)],
                2.5,
            ),
        ];
        for &(gtitle, gslug, cands, pop) in groups {
            self.group_markets(&rng, gtitle, gslug, cands, pop, Cat::Politics);
        }
    }

    /// A multi-outcome event: each candidate is a Yes/No market; the prices come from one latent
    /// model plus each book's own noise, so they need not sum to one.
    fn group_markets(&mut self, rng: &Rng, gtitle: &str, gslug: &str, cands: &[(&str, f64)], pop: f64, cat: Cat) {
        let rr = rng.fork(hash_str(gtitle));
        let open = START - rr.int(30, 300) * DAY;
        let close = NOW + rr.int(20, 400) * DAY;
        let from = START - 3 * DAY;
        let to = NOW + DAY;
        let dt = 20 * MIN;
        let mut lat: Vec<f64> = cands.iter().map(|c| c.1.ln()).collect();
        let other = (1.0 - cands.iter().map(|c| c.1).sum::<f64>()).max(0.02).ln();
        let n_news = rr.poisson(0.25 * 34.0);
        let mut news: Vec<(i64, usize, f64)> = (0..n_news).map(|_| (rr.int(from, to), rr.below(cands.len()), 0.45 * rr.normal())).collect();
        news.sort_by_key(|a| a.0);
        let mut noises: Vec<Ar> = cands.iter().map(|_| Ar::new(0.01, 0.97)).collect();
        let mut pts: Vec<Vec<(i64, f64)>> = vec![Vec::new(); cands.len()];
        let mut evs: Vec<Vec<i64>> = vec![Vec::new(); cands.len()];
        let mut t = from;
        let mut ni = 0;
        while t < to {
            for l in lat.iter_mut() {
                *l += 0.25 * (dt as f64 / DAY as f64).sqrt() * rr.normal();
            }
            let z: f64 = lat.iter().map(|l| l.exp()).sum::<f64>() + other.exp();
            let noise: Vec<f64> = noises.iter_mut().map(|n| n.step(&rr)).collect();
            let value = |lat: &[f64], c: usize| lat[c].exp() / z + noise[c] * (lat[c].exp() / z).sqrt().max(0.2);
            for (c, p) in pts.iter_mut().enumerate() {
                p.push((t, value(&lat, c)));
            }
            let mut jumped = None;
            while ni < news.len() && news[ni].0 < t + dt {
                let (tn, c, j) = news[ni];
                lat[c] += j;
                jumped = Some((tn, c));
                evs[c].push(tn);
                ni += 1;
            }
            if let Some((tn, jc)) = jumped {
                let z2: f64 = lat.iter().map(|l| l.exp()).sum::<f64>() + other.exp();
                for (c, p) in pts.iter_mut().enumerate() {
                    let v = lat[c].exp() / z2 + noise[c] * (lat[c].exp() / z2).sqrt().max(0.2);
                    // the candidate in the news reprices at once; the other books catch up late
                    let at = if c == jc { tn } else { tn + rr.int(30, 12 * MIN) };
                    p.push((at, v));
                }
            }
            t += dt;
        }
        let gid = self.w.groups.len() as u32;
        let mut ids = Vec::new();
        for (c, (name, _)) in cands.iter().enumerate() {
            let (kt, kp) = knots(std::mem::take(&mut pts[c]));
            let title = format!("{gtitle}: {name}?");
            let spec = Spec {
                key: format!("{gslug}/{name}"),
                cat,
                title: if gtitle.starts_with("Who") { format!("Will Trump nominate {name} as the next Fed Chair?") } else { title },
                slug: format!("{gslug}-{}", slugify(name)),
                outcomes: ["Yes", "No"],
                open,
                close,
                pop: pop * 0.5 * (0.3 + cands[c].1 * 3.0),
                spread: if c < 2 { 1 } else { 2 },
                depth: 1500.0 * pop * (0.3 + cands[c].1),
            };
            let mut mk = market(spec, kt, kp);
            mk.group = Some(gid);
            mk.reward = c < 3;
            let id = self.push(mk, if cat == Cat::Culture { L::Culture } else { L::Politics });
            let e = std::mem::take(&mut evs[c]);
            self.add_events(id, &e);
            ids.push(id);
        }
        self.w.groups.push(ids);
    }

    fn news(&mut self) {
        let rng = self.rng.fork(4);
        // (title, p0, pop, resolves at (offset days from START, winner) or never)
        let items: &[NewsSpec] = &[
            ("Fed decreases interest rates by 25 bps after December 2026 meeting?", 0.64, 6.0, None),
            ("Will the government shutdown end by October 31?", 0.35, 7.0, Some((13, 1))),
            ("Will the government shutdown end by November 15?", 0.55, 6.0, Some((25, 0))),
            ("Russia x Ukraine ceasefire in 2026?", 0.13, 4.0, None),
            ("Israel x Hamas phase two agreement by November 30?", 0.28, 2.5, None),
            ("Will Bitcoin reach $150,000 by December 31?", 0.09, 5.0, None),
            ("Will OpenAI release GPT-6 in 2026?", 0.15, 2.0, None),
            ("US x China trade deal signed by November 30?", 0.4, 3.0, None),
            ("Will Nvidia be the largest company in the world on December 31?", 0.78, 2.0, None),
            ("Will the Fed announce an emergency rate cut in 2026?", 0.03, 1.0, None),
            ("Will Apple release a foldable iPhone in 2026?", 0.05, 1.0, None),
            ("Will Maduro leave office by December 31?", 0.22, 3.0, None),
            ("Will the CPI print for October be above 3.0%?", 0.45, 3.5, Some((27, 0))),
            ("Will there be a U.S. recession declared in 2026?", 0.07, 1.2, None),
        ];
        for &(title, p0, pop, res) in items {
            let rr = rng.fork(hash_str(title));
            let open = START - rr.int(5, 120) * DAY;
            let (close, decided, winner) = match res {
                Some((d, w)) => {
                    let t = START + d * DAY + rr.int(13 * HOUR, 20 * HOUR);
                    (t + rr.int(2 * HOUR, 30 * HOUR), Some(t), Some(w))
                }
                None => (NOW + rr.int(10, 120) * DAY, None, None),
            };
            let jumps: Vec<(i64, f64)> = match (decided, winner) {
                (Some(t), Some(w)) => vec![(t, if w == 0 { 9.0 } else { -9.0 })],
                _ => Vec::new(),
            };
            let (pts, mut ev) = Builder::long_path(&rr, open, close, p0, 0.5, 0.45, &jumps);
            // a decided market drifts towards its answer over the last days
            let pts: Vec<(i64, f64)> = match (decided, winner) {
                (Some(td), Some(w)) => pts
                    .into_iter()
                    .map(|(t, p)| {
                        let lead = (td - t) as f64 / DAY as f64;
                        let p = if lead < 4.0 && lead > 0.0 {
                            let f = (1.0 - lead / 4.0) * 0.6;
                            let tgt = if w == 0 { 0.9 } else { 0.1 };
                            p + (tgt - p) * f
                        } else {
                            p
                        };
                        (t, p)
                    })
                    .collect(),
                _ => pts,
            };
            if let Some(td) = decided {
                ev.push(td);
            }
            let (kt, kp) = knots(pts);
            let spec = Spec {
                key: title.to_string(),
                cat: Cat::News,
                title: title.to_string(),
                slug: slugify(title),
                outcomes: ["Yes", "No"],
                open,
                close,
                pop,
                spread: if pop > 3.0 { 1 } else { 2 },
                depth: 500.0 * pop,
            };
            let spec = Spec { pop: pop * 0.5, ..spec };
            let mut mk = market(spec, kt, kp);
            mk.winner = if close <= NOW { winner } else { None };
            mk.reward = pop >= 3.0;
            let id = self.push(mk, L::News);
            self.add_events(id, &ev);
        }
    }

    fn culture(&mut self) {
        let rng = self.rng.fork(5);
        // Mentions markets: a speech or show at a set time, several words.
        let shows: &[ShowSpec] = &[
            (
                "Trump's rally in Pennsylvania",
                6 * DAY + 23 * HOUR,
                &[("Crypto", 0.35), ("Tariff", 0.92), ("Sleepy Joe", 0.55), ("Fake News", 0.88), ("Bitcoin", 0.22)],
            ),
            (
                "Powell's press conference",
                11 * DAY + 18 * HOUR + 30 * MIN,
                &[("Recession", 0.4), ("Tariff", 0.7), ("Shutdown", 0.82), ("AI", 0.3)],
            ),
            (
                "Trump's election night speech",
                16 * DAY + 18 * HOUR,
                &[("Rigged", 0.45), ("Biggest", 0.85), ("Mamdani", 0.3), ("Golden Age", 0.5)],
            ),
            (
                "the Saturday Night Live cold open",
                20 * DAY + 4 * HOUR + 30 * MIN,
                &[("Trump", 0.9), ("Epstein", 0.38), ("Election", 0.6), ("Vance", 0.45)],
            ),
            ("Trump's Veterans Day remarks", 24 * DAY + 16 * HOUR, &[("Biden", 0.75), ("Tariff", 0.5), ("Drone", 0.2), ("Greatest", 0.8)]),
            (
                "Elon Musk's Tesla shareholder call",
                28 * DAY + 21 * HOUR,
                &[("Optimus", 0.93), ("Robotaxi", 0.8), ("Mars", 0.5), ("DOGE", 0.25)],
            ),
        ];
        for &(show, at, words) in shows {
            let t0 = START + at;
            let t0 = t0 - t0.rem_euclid(MIN);
            let rr = rng.fork(hash_str(show));
            let t1 = t0 + rr.int(45, 90) * MIN;
            let open = t0 - rr.int(3, 6) * DAY;
            let day = et_fmt(t0, "%B %-d");
            for &(word, p0) in words {
                let close = t1 + rr.int(20, 120) * MIN;
                let said = rr.chance(p0);
                let t_said = rr.int(t0 + 2 * MIN, t1 - 2 * MIN);
                let (mut pts, mut ev) = Builder::long_path(&rr, open, t0, p0, 0.3, 0.2, &[]);
                let mut p = pts.last().map(|q| q.1).unwrap_or(p0);
                let mut t = t0;
                while t < close {
                    if said && t >= t_said {
                        pts.push((t, rr.range(0.975, 0.995)));
                    } else if !said && t >= t1 {
                        pts.push((t, rr.range(0.005, 0.02)));
                    } else {
                        // as the clock runs without the word, its price bleeds away
                        let f = (t1 - t) as f64 / (t1 - t0) as f64;
                        p = (p * (0.985 + 0.015 * f) + 0.01 * rr.normal()).clamp(0.02, 0.97);
                        pts.push((t, p));
                    }
                    t += MIN;
                }
                if said {
                    ev.push(t_said - t_said.rem_euclid(MIN) + MIN);
                }
                ev.push(t1);
                let (kt, kp) = knots(pts);
                let title = format!("Will \"{word}\" be said during {show} on {day}?");
                let spec = Spec {
                    key: format!("{show}/{word}"),
                    cat: Cat::Culture,
                    slug: slugify(&title),
                    title,
                    outcomes: ["Yes", "No"],
                    open,
                    close,
                    pop: 1.5,
                    spread: 2,
                    depth: 400.0,
                };
                let mut mk = market(spec, kt, kp);
                mk.live = Some((t0, t1));
                mk.winner = if close <= NOW { Some(if said { 0 } else { 1 }) } else { None };
                let id = self.push(mk, L::Culture);
                self.add_events(id, &ev);
            }
        }
        let singles: &[(&str, f64, f64)] = &[
            ("Will \"Wicked: For Good\" gross over $150M on its opening weekend?", 0.57, 2.5),
            ("Will Taylor Swift have the #1 song on the Billboard Hot 100 on November 21?", 0.44, 2.0),
            ("Will \"Stranger Things\" season 5 be the most-watched Netflix show in its release week?", 0.81, 1.2),
            ("Will GTA VI be delayed again?", 0.16, 2.0),
            ("Will MrBeast reach 450M YouTube subscribers by December 31?", 0.52, 1.0),
            ("Will Drake release a new album in 2026?", 0.3, 1.0),
        ];
        for &(title, p0, pop) in singles {
            let rr = rng.fork(hash_str(title));
            let open = START - rr.int(5, 90) * DAY;
            let close = NOW + rr.int(4, 60) * DAY;
            let (pts, ev) = Builder::long_path(&rr, open, close, p0, 0.5, 0.25, &[]);
            let (kt, kp) = knots(pts);
            let spec = Spec {
                key: title.to_string(),
                cat: Cat::Culture,
                title: title.to_string(),
                slug: slugify(title),
                outcomes: ["Yes", "No"],
                open,
                close,
                pop,
                spread: 2,
                depth: 500.0 * pop,
            };
            let id = self.push(market(spec, kt, kp), L::Culture);
            self.add_events(id, &ev);
        }
        self.group_markets(
            &rng,
            "Time 2026 Person of the Year",
            "time-2026-person-of-the-year",
            &[("Donald Trump", 0.3), ("Pope Leo XIV", 0.18), ("Jensen Huang", 0.14), ("Sam Altman", 0.08), ("Zohran Mamdani", 0.07)],
            1.5,
            Cat::Culture,
        );
    }

    fn weather(&mut self) {
        let rng = self.rng.fork(6);
        // (slug name, display, unit F?, utc offset hours, climate mean at start, trend per day)
        let cities: &[(&str, &str, bool, i64, f64, f64)] = &[
            ("nyc", "New York City", true, -5, 62.0, -0.45),
            ("london", "London", false, 0, 14.0, -0.15),
            ("seoul", "Seoul", false, 9, 17.0, -0.3),
        ];
        for (ci, &(code, name, fahr, off, mean0, trend)) in cities.iter().enumerate() {
            let mut day = START - START.rem_euclid(DAY) - DAY;
            while day < NOW + 2 * DAY {
                let rr = rng.fork(mix(hash_str(code), day as u64));
                let peak = day - off * HOUR + 15 * HOUR; // local 15:00
                let d_idx = (day - START) as f64 / DAY as f64;
                let clim = mean0 + trend * d_idx;
                let sd = if fahr { 5.0 } else { 2.8 };
                let truth = clim + sd * rr.normal();
                let w = if fahr { 2.0 } else { 1.0 };
                let c = (clim / w).round() * w;
                // six buckets centred on climate
                let edges: Vec<(f64, f64)> = (0..6)
                    .map(|k| {
                        let lo = c + (k as f64 - 3.0) * w;
                        let hi = lo + w - 1.0;
                        (if k == 0 { -999.0 } else { lo }, if k == 5 { 999.0 } else { hi })
                    })
                    .collect();
                let open = peak - 2 * DAY - 3 * HOUR;
                let close = peak + 21 * HOUR;
                if close <= START || open >= NOW {
                    day += DAY;
                    continue;
                }
                // forecast error shrinks as the day nears; model runs every 6 hours
                let mut pts: Vec<Vec<(i64, f64)>> = vec![Vec::new(); 6];
                let mut evs: Vec<Vec<i64>> = vec![Vec::new(); 6];
                let mut noises: Vec<Ar> = (0..6).map(|_| Ar::new(0.012, 0.9)).collect();
                let mut t = open;
                let mut err = sd * 0.45 * rr.normal();
                let mut prev: Vec<f64> = vec![0.0; 6];
                while t < close {
                    let hours_left = (peak + 3 * HOUR - t) as f64 / HOUR as f64;
                    let is_run = (t.rem_euclid(DAY) / HOUR) % 6 == 4 && t.rem_euclid(HOUR) < 30 * MIN;
                    if is_run {
                        err = err * 0.6 + sd * (0.08 + 0.006 * hours_left.max(0.0)) * rr.normal();
                    }
                    let unc = if hours_left > 0.0 { (0.25 + 0.035 * hours_left) * sd / 2.0 } else { 0.05 };
                    let mu = truth + if hours_left > 0.0 { err * (hours_left / 50.0).min(1.0) } else { 0.0 };
                    for k in 0..6 {
                        let (lo, hi) = edges[k];
                        let p = phi((hi + 0.5 - mu) / unc) - phi((lo - 0.5 - mu) / unc);
                        let v = p + noises[k].step(&rr) * (p * (1.0 - p)).sqrt().max(0.1);
                        if is_run && (v - prev[k]).abs() > 0.07 {
                            evs[k].push(t);
                        }
                        if is_run && rr.chance(0.6) {
                            // some books reprice minutes after the model run
                            pts[k].push((t, prev[k]));
                            pts[k].push((t + rr.int(20, 20 * MIN), v));
                        } else {
                            pts[k].push((t, v));
                        }
                        prev[k] = v;
                    }
                    t += 30 * MIN;
                }
                let date = fmt(peak, "%B %-d");
                let gid = self.w.groups.len() as u32;
                let mut ids = Vec::new();
                for k in 0..6 {
                    let (lo, hi) = edges[k];
                    let unit = if fahr { "°F" } else { "°C" };
                    let label = if k == 0 {
                        format!("{}{unit} or below", (hi) as i64)
                    } else if k == 5 {
                        format!("{}{unit} or higher", lo as i64)
                    } else if fahr {
                        format!("{}-{}{unit}", lo as i64, hi as i64)
                    } else {
                        format!("{}{unit}", lo as i64)
                    };
                    let title = format!("Will the highest temperature in {name} be {label} on {date}?");
                    let won = truth.round() >= lo && truth.round() <= hi;
                    let (kt, kp) = knots(std::mem::take(&mut pts[k]));
                    let spec = Spec {
                        key: format!("weather/{code}/{day}/{k}"),
                        cat: Cat::Weather,
                        slug: format!("highest-temperature-in-{code}-on-{}-{}", slugify(&date), slugify(&label)),
                        title,
                        outcomes: ["Yes", "No"],
                        open,
                        close,
                        pop: 0.45 * if code == "nyc" { 1.5 } else { 1.0 },
                        spread: 2,
                        depth: 300.0,
                    };
                    let mut mk = market(spec, kt, kp);
                    mk.group = Some(gid);
                    mk.live = Some((peak - 9 * HOUR, peak + 4 * HOUR));
                    mk.winner = if close <= NOW { Some(if won { 0 } else { 1 }) } else { None };
                    let id = self.push(mk, L::Weather);
                    let e = std::mem::take(&mut evs[k]);
                    self.add_events(id, &e);
                    ids.push(id);
                }
                self.w.wx.push((ci as u8, peak, gid));
                self.w.groups.push(ids);
                day += DAY;
            }
        }
    }
}
