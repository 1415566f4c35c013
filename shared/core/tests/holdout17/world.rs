//! The market world: markets with price paths that move over time, their quotes, and the news that
//! moves them. Every market has two outcome tokens; `p` is the fair price of outcome 0.

use super::rng::{Rng, mix, phi};

/// 2026-11-20 00:00:00 UTC, the end of the 30-day period.
pub const NOW: i64 = 1_795_132_800;
pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
pub const START: i64 = NOW - 30 * DAY;
/// 2026-11-01 06:00 UTC: US daylight saving time ends.
pub const US_DST_END: i64 = 1_793_512_800;
/// 2026-10-25 01:00 UTC: European summer time ends.
pub const EU_DST_END: i64 = 1_792_890_000;
/// 2026-11-04 00:00 UTC: the first polls of the US midterms close.
pub const ELECTION_NIGHT: i64 = NOW - 16 * DAY;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Region {
    UsEast,
    UsCentral,
    UsWest,
    Uk,
    Europe,
    Brazil,
    India,
    Asia,
    Japan,
    Australia,
}

impl Region {
    pub fn offset(self, t: i64) -> i64 {
        match self {
            Region::UsEast => {
                if t < US_DST_END {
                    -4 * HOUR
                } else {
                    -5 * HOUR
                }
            }
            Region::UsCentral => {
                if t < US_DST_END + HOUR {
                    -5 * HOUR
                } else {
                    -6 * HOUR
                }
            }
            Region::UsWest => {
                if t < US_DST_END + 3 * HOUR {
                    -7 * HOUR
                } else {
                    -8 * HOUR
                }
            }
            Region::Uk => {
                if t < EU_DST_END {
                    HOUR
                } else {
                    0
                }
            }
            Region::Europe => {
                if t < EU_DST_END {
                    2 * HOUR
                } else {
                    HOUR
                }
            }
            Region::Brazil => -3 * HOUR,
            Region::India => 5 * HOUR + 30 * MIN,
            Region::Asia => 8 * HOUR,
            Region::Japan => 9 * HOUR,
            Region::Australia => 11 * HOUR,
        }
    }

    /// Local hour of day as a fraction (0 ≤ h < 24).
    pub fn hour(self, t: i64) -> f64 {
        (t + self.offset(t)).rem_euclid(DAY) as f64 / HOUR as f64
    }

    /// Local date as days since the epoch.
    pub fn day(self, t: i64) -> i64 {
        (t + self.offset(t)).div_euclid(DAY)
    }

    /// Local weekday, 0 = Sunday.
    pub fn weekday(self, t: i64) -> i64 {
        (self.day(t) + 4).rem_euclid(7)
    }

    /// The UTC instant of local date `day` at `secs` after local midnight.
    pub fn at(self, day: i64, secs: i64) -> i64 {
        let guess = day * DAY + secs;
        let first = guess - self.offset(guess);
        guess - self.offset(first)
    }
}

/// Weekday of a UTC-day number, 0 = Sunday.
pub fn weekday_of_day(day: i64) -> i64 {
    (day + 4).rem_euclid(7)
}

/// (year, month 1-12, day 1-31) of a day number since the epoch.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "November 12".
pub fn day_words(day: i64) -> String {
    let (_, m, d) = civil(day);
    format!("{} {}", MONTHS[m as usize - 1], d)
}

/// "november-12".
pub fn day_slug_words(day: i64) -> String {
    day_words(day).to_lowercase().replace(' ', "-")
}

/// "2026-11-12".
pub fn day_iso(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y}-{m:02}-{d:02}")
}

/// "3:15PM" style clock text.
pub fn clock_words(secs_of_day: i64, with_minutes: bool) -> String {
    let h = secs_of_day / HOUR;
    let m = (secs_of_day % HOUR) / MIN;
    let (h12, ap) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    if with_minutes { format!("{h12}:{m:02}{ap}") } else { format!("{h12}{ap}") }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sport {
    Nfl,
    Nba,
    Nhl,
    Soccer,
    Cfb,
    Ufc,
    Tennis,
    Esports,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A game's winner market.
    Game(Sport),
    /// A game's spread market.
    Spread(Sport),
    Election,
    /// Long-running politics and world questions that do not resolve in the period.
    Politics,
    /// "Will X happen by <date>?"
    Deadline,
    Econ,
    Culture,
    Weather,
    /// "Bitcoin above K on <date>?"
    CryptoDaily,
    UpDown15,
    UpDown60,
}

impl Kind {
    pub fn is_sports(self) -> bool {
        matches!(self, Kind::Game(_) | Kind::Spread(_))
    }
    pub fn is_updown(self) -> bool {
        matches!(self, Kind::UpDown15 | Kind::UpDown60)
    }
    pub fn is_crypto(self) -> bool {
        matches!(self, Kind::UpDown15 | Kind::UpDown60 | Kind::CryptoDaily)
    }
    pub fn is_newsy(self) -> bool {
        matches!(self, Kind::Election | Kind::Politics | Kind::Deadline | Kind::Econ)
    }
}

pub enum Path {
    Stored { t0: i64, dt: i64, p: Vec<f32> },
    Crypto { asset: usize, start: i64, strike: Option<f64> },
}

pub struct Market {
    pub id: u32,
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub kind: Kind,
    /// First second orders are accepted.
    pub open: i64,
    /// When the outcome becomes known (may lie after NOW).
    pub ends: i64,
    /// Last second orders are accepted (resolution).
    pub close: i64,
    pub winner: u8,
    /// Usual spread in cents.
    pub spread: i64,
    /// Usual shares per price level.
    pub depth: f64,
    /// Expected public trades over the market's life inside the period.
    pub volume: f64,
    pub path: Path,
    pub group: Option<u32>,
    /// In-play window of a game.
    pub game: Option<(i64, i64)>,
    /// The other market of the same game or pair.
    pub sibling: Option<u32>,
    /// Seconds after opening during which the price is still settling from 50/50.
    pub relax: i64,
    /// Seconds a crypto market lags its underlying.
    pub lag: i64,
    /// Times of big moves.
    pub jumps: Vec<i64>,
}

#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub t: i64,
    pub market: u32,
    pub before: f64,
    pub after: f64,
}

pub struct Underlying {
    pub name: &'static str,
    pub ticker: &'static str,
    pub t0: i64,
    pub px: Vec<f64>,
    /// Log-price standard deviation per 10 seconds.
    pub vol10: f64,
}

impl Underlying {
    pub fn at(&self, t: i64) -> f64 {
        let i = ((t - self.t0) / 10).clamp(0, self.px.len() as i64 - 1);
        self.px[i as usize]
    }
}

pub struct Group {
    pub name: String,
    pub kind: Kind,
    pub markets: Vec<u32>,
}

pub struct World {
    pub markets: Vec<Market>,
    pub groups: Vec<Group>,
    /// Big moves of stored-path markets, by time.
    pub events: Vec<Event>,
    pub assets: Vec<Underlying>,
    /// Winner markets of games, by start time.
    pub games: Vec<u32>,
    /// Every market that is not a crypto up/down window.
    pub regular: Vec<u32>,
    /// Up/down 15-minute windows per asset, indexed by (start - START) / 900.
    pub updown15: Vec<Vec<u32>>,
    /// Up/down hourly windows per asset (BTC, ETH), indexed by (start - START) / 3600.
    pub updown60: Vec<Vec<u32>>,
}

pub struct Quote {
    pub bid: [i64; 2],
    pub ask: [i64; 2],
}

impl World {
    pub fn m(&self, id: u32) -> &Market {
        &self.markets[id as usize]
    }

    /// Orders are accepted at t (and t lies in the period).
    pub fn live(&self, id: u32, t: i64) -> bool {
        let m = self.m(id);
        t >= m.open && t < m.close && t > START && t < NOW
    }

    /// Fair price of outcome 0 at t.
    pub fn p(&self, id: u32, t: i64) -> f64 {
        let m = self.m(id);
        let fair = match &m.path {
            Path::Stored { t0, dt, p } => {
                let i = ((t - t0) / dt).clamp(0, p.len() as i64 - 1);
                p[i as usize] as f64
            }
            Path::Crypto { asset, start, strike } => {
                let u = &self.assets[*asset];
                if t >= m.ends {
                    if m.winner == 0 { 1.0 } else { 0.0 }
                } else {
                    let reference = match strike {
                        Some(k) => Some(*k),
                        None if t >= *start => Some(u.at(*start)),
                        None => None,
                    };
                    match reference {
                        None => 0.5 + 0.03 * (unit_hash(id as u64, (t / 120) as u64) - 0.5),
                        Some(k) => {
                            let rem = ((m.ends - t) as f64 / 10.0).max(0.5);
                            let x = (u.at(t - m.lag) / k).ln() / (u.vol10 * rem.sqrt());
                            phi(x)
                        }
                    }
                }
            }
        };
        let fair = if m.relax > 0 && t < m.open + m.relax && m.open > START {
            let w = ((t - m.open) as f64 / m.relax as f64).clamp(0.0, 1.0);
            0.5 + (fair - 0.5) * w * w
        } else {
            fair
        };
        fair.clamp(0.005, 0.995)
    }

    /// Best bid and ask, in cents, of both outcomes at t.
    pub fn quote(&self, id: u32, t: i64) -> Quote {
        let m = self.m(id);
        let mut s = m.spread;
        if !m.kind.is_crypto() {
            let h = (t.rem_euclid(DAY)) / HOUR;
            if (6..12).contains(&h) && m.spread < 3 && unit_hash(id as u64 ^ 0x77, (t / 600) as u64) < 0.4 {
                s += 1;
            }
        }
        let noise = unit_hash(id as u64, (t / 45) as u64) - 0.5;
        let mid = self.p(id, t) * 100.0 + 0.8 * noise;
        let bid = (mid - s as f64 / 2.0).round().clamp(1.0, (99 - s) as f64) as i64;
        let ask = bid + s;
        Quote { bid: [bid, 100 - ask], ask: [ask, 100 - bid] }
    }

    /// Last moment of the market inside the period.
    pub fn last(&self, id: u32) -> i64 {
        self.m(id).close.min(NOW - 1)
    }

    /// First moment of the market inside the period.
    pub fn first(&self, id: u32) -> i64 {
        self.m(id).open.max(START + 1)
    }

    pub fn updown15_at(&self, asset: usize, t: i64) -> Option<u32> {
        let k = (t - START).div_euclid(900);
        if k < 0 {
            return None;
        }
        self.updown15.get(asset).and_then(|v| v.get(k as usize)).copied()
    }

    pub fn updown60_at(&self, asset: usize, t: i64) -> Option<u32> {
        let k = (t - START).div_euclid(HOUR);
        if k < 0 {
            return None;
        }
        self.updown60.get(asset).and_then(|v| v.get(k as usize)).copied()
    }

    /// Games in play at t.
    pub fn in_play(&self, t: i64) -> Vec<u32> {
        self.games.iter().copied().filter(|&g| matches!(self.m(g).game, Some((a, b)) if a <= t && t < b)).collect()
    }

    /// Games starting within (t, t + horizon].
    pub fn upcoming(&self, t: i64, horizon: i64) -> Vec<u32> {
        self.games
            .iter()
            .copied()
            .filter(|&g| matches!(self.m(g).game, Some((a, _)) if a > t && a <= t + horizon) && self.live(g, t))
            .collect()
    }

    /// Regular markets of the given kinds that are live at t.
    pub fn live_of(&self, t: i64, want: impl Fn(Kind) -> bool) -> Vec<u32> {
        self.regular.iter().copied().filter(|&m| want(self.m(m).kind) && self.live(m, t)).collect()
    }

    /// Events in [a, b).
    pub fn events_between(&self, a: i64, b: i64) -> &[Event] {
        let lo = self.events.partition_point(|e| e.t < a);
        let hi = self.events.partition_point(|e| e.t < b);
        &self.events[lo..hi]
    }
}

/// A deterministic pseudo-random number in [0, 1) from two words.
pub fn unit_hash(a: u64, b: u64) -> f64 {
    (mix(mix(a) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 11) as f64 / (1u64 << 53) as f64
}

pub fn hex_of(words: &[u64], digits: usize) -> String {
    let mut s = String::with_capacity(digits + 2);
    s.push_str("0x");
    for w in words {
        s.push_str(&format!("{w:016x}"));
    }
    s.truncate(digits + 2);
    s
}

fn token_id(seed: u64) -> String {
    let mut s = format!("{}", 1 + mix(seed) % 9);
    for k in 1..5u64 {
        s.push_str(&format!("{:019}", mix(seed ^ (k << 56)) % 10_000_000_000_000_000_000));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Building the world.

struct Spec {
    kind: Kind,
    title: String,
    slug: String,
    outcomes: [String; 2],
    open: i64,
    ends: i64,
    close: i64,
    winner: u8,
    spread: i64,
    depth: f64,
    volume: f64,
    path: Path,
    game: Option<(i64, i64)>,
    relax: i64,
    lag: i64,
}

fn yes_no() -> [String; 2] {
    ["Yes".to_string(), "No".to_string()]
}

/// One step of information per grid step: a latent walk X with p = Φ((X - c) / √(1 - f)).
struct Latent {
    x: Vec<f64>,
    f: Vec<f64>,
}

fn latent(rng: &mut Rng, df: &[f64], f_start: f64, p0: f64) -> Latent {
    let mut x = Vec::with_capacity(df.len());
    let mut f = Vec::with_capacity(df.len());
    let mut fi = f_start.min(0.99);
    let mut xi = inv_phi(p0) * (1.0 - fi).sqrt();
    for &d in df {
        let d = d.min(1.0 - fi).max(0.0);
        xi += d.sqrt() * rng.normal();
        fi += d;
        x.push(xi);
        f.push(fi);
    }
    Latent { x, f }
}

fn latent_p(l: &Latent, c: f64) -> Vec<f32> {
    l.x.iter()
        .zip(&l.f)
        .map(|(&x, &f)| {
            let r = 1.0 - f;
            if r < 1e-7 { if x > c { 1.0 } else { 0.0 } } else { phi((x - c) / r.sqrt()) as f32 }
        })
        .collect()
}

pub fn inv_phi(p: f64) -> f64 {
    // Bisection is plenty for building paths.
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

fn normalise(w: &mut [f64], total: f64) {
    let s: f64 = w.iter().sum();
    if s > 0.0 {
        for x in w.iter_mut() {
            *x *= total / s;
        }
    }
}

fn grid(open: i64, close: i64, dt: i64) -> (i64, usize) {
    let t0 = open.max(START - HOUR).div_euclid(dt) * dt;
    let n = ((close.max(t0 + dt) - t0) / dt + 1) as usize;
    (t0, n)
}

struct Builder {
    rng: Rng,
    markets: Vec<Market>,
    groups: Vec<Group>,
    assets_len: usize,
}

impl Builder {
    fn add(&mut self, s: Spec) -> u32 {
        let id = self.markets.len() as u32;
        let seed = mix(0x17_0000_0000 ^ id as u64);
        let cond = hex_of(&[mix(seed ^ 1), mix(seed ^ 2), mix(seed ^ 3), mix(seed ^ 4)], 64);
        let tokens = [token_id(seed ^ 0x100), token_id(seed ^ 0x200)];
        self.markets.push(Market {
            id,
            cond,
            tokens,
            outcomes: s.outcomes,
            title: s.title,
            slug: s.slug,
            kind: s.kind,
            open: s.open,
            ends: s.ends,
            close: s.close,
            winner: s.winner,
            spread: s.spread,
            depth: s.depth,
            volume: s.volume,
            path: s.path,
            group: None,
            game: s.game,
            sibling: None,
            relax: s.relax,
            lag: s.lag,
            jumps: Vec::new(),
        });
        id
    }

    fn relax(&mut self, open: i64) -> i64 {
        if open > START { self.rng.range(5 * MIN, 40 * MIN) } else { 0 }
    }
}

struct GameSpec {
    sport: Sport,
    league: &'static str,
    start: i64,
    a: &'static str,
    b: &'static str,
}

const NBA: [&str; 30] = [
    "Lakers",
    "Celtics",
    "Warriors",
    "Knicks",
    "Bucks",
    "Nuggets",
    "Suns",
    "76ers",
    "Heat",
    "Mavericks",
    "Thunder",
    "Cavaliers",
    "Timberwolves",
    "Clippers",
    "Kings",
    "Pacers",
    "Magic",
    "Rockets",
    "Grizzlies",
    "Hawks",
    "Bulls",
    "Nets",
    "Raptors",
    "Spurs",
    "Pelicans",
    "Jazz",
    "Trail Blazers",
    "Hornets",
    "Pistons",
    "Wizards",
];
const NFL: [&str; 32] = [
    "Chiefs",
    "Bills",
    "Eagles",
    "Cowboys",
    "49ers",
    "Ravens",
    "Lions",
    "Packers",
    "Bengals",
    "Dolphins",
    "Jets",
    "Steelers",
    "Browns",
    "Texans",
    "Jaguars",
    "Colts",
    "Titans",
    "Broncos",
    "Raiders",
    "Chargers",
    "Seahawks",
    "Rams",
    "Cardinals",
    "Vikings",
    "Bears",
    "Buccaneers",
    "Saints",
    "Falcons",
    "Panthers",
    "Giants",
    "Commanders",
    "Patriots",
];
const NHL: [&str; 24] = [
    "Rangers",
    "Bruins",
    "Maple Leafs",
    "Canadiens",
    "Oilers",
    "Avalanche",
    "Stars",
    "Lightning",
    "Golden Knights",
    "Devils",
    "Hurricanes",
    "Canucks",
    "Wild",
    "Penguins",
    "Capitals",
    "Flyers",
    "Islanders",
    "Senators",
    "Red Wings",
    "Sabres",
    "Predators",
    "Blues",
    "Kraken",
    "Flames",
];
const EPL: [&str; 20] = [
    "Arsenal",
    "Liverpool",
    "Manchester City",
    "Chelsea",
    "Manchester United",
    "Tottenham",
    "Newcastle",
    "Aston Villa",
    "Brighton",
    "West Ham",
    "Fulham",
    "Brentford",
    "Crystal Palace",
    "Everton",
    "Wolves",
    "Bournemouth",
    "Nottingham Forest",
    "Leeds",
    "Burnley",
    "Sunderland",
];
const EURO: [&str; 16] = [
    "Real Madrid",
    "Barcelona",
    "Bayern Munich",
    "PSG",
    "Inter",
    "Juventus",
    "Dortmund",
    "Atletico Madrid",
    "Benfica",
    "Porto",
    "Napoli",
    "AC Milan",
    "Leverkusen",
    "Ajax",
    "Celtic",
    "Club Brugge",
];
const CFB: [&str; 20] = [
    "Georgia",
    "Alabama",
    "Ohio State",
    "Michigan",
    "Texas",
    "Oregon",
    "Penn State",
    "Notre Dame",
    "LSU",
    "Tennessee",
    "Clemson",
    "Florida State",
    "USC",
    "Ole Miss",
    "Miami",
    "Oklahoma",
    "Texas A&M",
    "Missouri",
    "Utah",
    "Iowa",
];
const TENNIS: [&str; 16] = [
    "Sinner",
    "Alcaraz",
    "Djokovic",
    "Zverev",
    "Medvedev",
    "Fritz",
    "Rune",
    "Draper",
    "de Minaur",
    "Shelton",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Rybakina",
    "Pegula",
    "Andreeva",
];
const UFC: [&str; 16] = [
    "Pereira",
    "Ankalaev",
    "Makhachev",
    "Topuria",
    "Oliveira",
    "Holloway",
    "Du Plessis",
    "Chimaev",
    "Aspinall",
    "O'Malley",
    "Dvalishvili",
    "Pantoja",
    "Shevchenko",
    "Della Maddalena",
    "Tsarukyan",
    "Gaethje",
];
const ESPORTS: [&str; 14] =
    ["T1", "Gen.G", "BLG", "HLE", "JDG", "G2", "Fnatic", "Team Liquid", "FaZe", "Vitality", "NAVI", "MOUZ", "Spirit", "Astralis"];

fn pair(rng: &mut Rng, names: &'static [&'static str]) -> (&'static str, &'static str) {
    let a = rng.below(names.len());
    let mut b = rng.below(names.len() - 1);
    if b >= a {
        b += 1;
    }
    (names[a], names[b])
}

fn short(name: &str) -> String {
    let s: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).take(3).collect();
    s.to_lowercase()
}

impl Builder {
    fn schedule(&mut self) -> Vec<GameSpec> {
        let mut v = Vec::new();
        let et = Region::UsEast;
        let uk = Region::Uk;
        let first = START / DAY - 8;
        let last = NOW / DAY + 3;
        for day in first..=last {
            let wd = weekday_of_day(day);
            let rng = &mut self.rng;
            // NBA: three or four a night.
            let nba_times = [19 * 60, 19 * 60 + 30, 20 * 60, 22 * 60, 22 * 60 + 30];
            let k = if wd == 0 || wd == 5 { 4 } else { 3 };
            for _ in 0..k {
                let (a, b) = pair(rng, &NBA);
                let start = et.at(day, *rng.pick(&nba_times) * 60);
                v.push(GameSpec { sport: Sport::Nba, league: "nba", start, a, b });
            }
            // NHL: two a night.
            for _ in 0..2 {
                let (a, b) = pair(rng, &NHL);
                let start = et.at(day, *rng.pick(&[19 * 60, 19 * 60 + 30, 22 * 60]) * 60);
                v.push(GameSpec { sport: Sport::Nhl, league: "nhl", start, a, b });
            }
            // NFL.
            let nfl: &[i64] = match wd {
                4 => &[20 * 60 + 15],
                0 => &[13 * 60, 13 * 60, 13 * 60, 13 * 60, 16 * 60 + 5, 16 * 60 + 25, 16 * 60 + 25, 20 * 60 + 20],
                1 => &[20 * 60 + 15],
                _ => &[],
            };
            for &m in nfl {
                let (a, b) = pair(rng, &NFL);
                v.push(GameSpec { sport: Sport::Nfl, league: "nfl", start: et.at(day, m * 60), a, b });
            }
            // College football on Saturdays.
            if wd == 6 {
                for m in [12 * 60, 15 * 60 + 30, 19 * 60 + 30] {
                    let (a, b) = pair(rng, &CFB);
                    v.push(GameSpec { sport: Sport::Cfb, league: "cfb", start: et.at(day, m * 60), a, b });
                }
            }
            // Club football, with an international break in mid-November.
            let intl_break = (NOW / DAY - 11..NOW / DAY - 3).contains(&day);
            if !intl_break {
                let soccer: &[i64] = match wd {
                    6 => &[12 * 60 + 30, 15 * 60, 15 * 60, 17 * 60 + 30, 20 * 60],
                    0 => &[14 * 60, 16 * 60 + 30, 19 * 60 + 45],
                    2 | 3 => &[20 * 60, 20 * 60],
                    _ => &[],
                };
                for &m in soccer {
                    let names: &'static [&'static str] = if (wd == 2 || wd == 3 || m >= 19 * 60) && rng.chance(0.8) { &EURO } else { &EPL };
                    let (a, b) = pair(rng, names);
                    let league = if names.len() == EURO.len() { if wd == 2 || wd == 3 { "ucl" } else { "laliga" } } else { "epl" };
                    v.push(GameSpec { sport: Sport::Soccer, league, start: uk.at(day, m * 60), a, b });
                }
            }
            // Tennis: Paris, the WTA Finals, then the ATP Finals.
            if rng.chance(0.8) {
                for m in [13 * 60 + 30, 19 * 60] {
                    let (a, b) = pair(rng, &TENNIS);
                    v.push(GameSpec { sport: Sport::Tennis, league: "atp", start: Region::Europe.at(day, m * 60), a, b });
                }
            }
            // UFC cards on some Saturdays (main card after midnight UTC).
            if wd == 6 && rng.chance(0.5) {
                for m in [22 * 60, 22 * 60 + 30, 23 * 60 + 15] {
                    let (a, b) = pair(rng, &UFC);
                    v.push(GameSpec { sport: Sport::Ufc, league: "ufc", start: et.at(day, m * 60), a, b });
                }
            }
            // Esports series.
            if rng.chance(0.45) {
                let (a, b) = pair(rng, &ESPORTS);
                let start = day * DAY + rng.range(8, 20) * HOUR;
                v.push(GameSpec { sport: Sport::Esports, league: "esports", start, a, b });
            }
        }
        v
    }

    fn games(&mut self) -> Vec<u32> {
        let specs = self.schedule();
        let mut ids = Vec::new();
        for g in specs {
            if let Some(id) = self.game(&g) {
                ids.push(id);
            }
        }
        ids
    }

    fn game(&mut self, g: &GameSpec) -> Option<u32> {
        let rng = &mut self.rng;
        // (minutes of play incl. breaks, breaks as (fraction, minutes), lumps mean, lump size range, lead days)
        let (dur, breaks, lumps, lo, hi, lead): (f64, &[(f64, f64)], f64, f64, f64, f64) = match g.sport {
            Sport::Nfl => (190.0, &[(0.5, 14.0)], 8.5, 0.03, 0.09, 6.0),
            Sport::Cfb => (210.0, &[(0.5, 20.0)], 9.0, 0.03, 0.08, 5.0),
            Sport::Nba => (140.0, &[(0.5, 15.0)], 5.0, 0.03, 0.06, 1.5),
            Sport::Nhl => (150.0, &[(0.33, 18.0), (0.67, 18.0)], 5.5, 0.06, 0.13, 1.5),
            Sport::Soccer => (112.0, &[(0.45, 15.0)], 2.7, 0.12, 0.24, 5.0),
            Sport::Tennis => (100.0, &[], 6.0, 0.05, 0.12, 1.0),
            Sport::Ufc => (18.0, &[], 2.0, 0.1, 0.3, 7.0),
            Sport::Esports => (120.0, &[(0.33, 10.0), (0.67, 10.0)], 2.5, 0.15, 0.3, 2.0),
        };
        let dur_s = ((dur * rng.uniform(0.9, 1.15)) * 60.0) as i64;
        let start = g.start + rng.range(0, 4) * MIN;
        let end = start + dur_s;
        let open = start - (lead * DAY as f64 * rng.uniform(0.7, 1.2)) as i64;
        let close = end + rng.range(50 * MIN, 4 * HOUR);
        if close <= START + HOUR || open >= NOW - HOUR {
            return None;
        }
        let dt = MIN;
        let (t0, n) = grid(open, close, dt);
        let f_pre = rng.uniform(0.06, 0.2);
        let mut pre = vec![0.0; n];
        let mut play = vec![0.0; n];
        let in_break = |t: i64| {
            breaks.iter().any(|&(fr, mins)| {
                let b0 = start + (fr * dur_s as f64) as i64;
                t >= b0 && t < b0 + (mins * 60.0) as i64
            })
        };
        for i in 0..n {
            let t = t0 + i as i64 * dt;
            if t < start {
                let to_go = (start - t) as f64 / (6.0 * HOUR as f64);
                pre[i] = 1.0 + 3.0 * (-to_go).exp();
            } else if t < end && !in_break(t) {
                play[i] = 1.0;
            }
        }
        normalise(&mut pre, f_pre);
        if rng.chance(0.3) {
            let i = rng.below(((start - t0) / dt).max(1) as usize);
            pre[i] += f_pre * 0.4;
        }
        let mut sizes = Vec::new();
        for _ in 0..rng.poisson(lumps) {
            sizes.push(rng.uniform(lo, hi));
        }
        let room = 1.0 - f_pre;
        let total_lumps: f64 = sizes.iter().sum();
        let scale = if total_lumps > 0.7 * room { 0.7 * room / total_lumps } else { 1.0 };
        normalise(&mut play, room - total_lumps * scale);
        let playing: Vec<usize> = (0..n).filter(|&i| play[i] > 0.0).collect();
        let mut df: Vec<f64> = pre.iter().zip(&play).map(|(a, b)| a + b).collect();
        for s in sizes {
            if !playing.is_empty() {
                df[*rng.pick(&playing)] += s * scale;
            }
        }
        let p0 = rng.uniform(0.15, 0.85);
        let lat = latent(rng, &df, 0.0, p0);
        let soccer = g.sport == Sport::Soccer;
        let c = if soccer { rng.uniform(0.25, 0.45) } else { 0.0 };
        let x_end = *lat.x.last().unwrap_or(&0.0);
        let day = Region::UsEast.day(start);
        let (title, outcomes, slug) = if soccer {
            (
                format!("Will {} win on {}?", g.a, day_iso(day)),
                yes_no(),
                format!("{}-{}-{}-{}-{}", g.league, short(g.a), short(g.b), day_iso(day), short(g.a)),
            )
        } else {
            let t = match g.sport {
                Sport::Tennis => format!("{} vs. {}", g.a, g.b),
                Sport::Ufc => format!("UFC: {} vs. {}", g.a, g.b),
                Sport::Esports => format!("{}: {} vs. {} (BO3)", if rng.chance(0.5) { "LoL" } else { "Counter-Strike" }, g.a, g.b),
                _ => format!("{} vs. {}", g.a, g.b),
            };
            (t, [g.a.to_string(), g.b.to_string()], format!("{}-{}-{}-{}", g.league, short(g.a), short(g.b), day_iso(day)))
        };
        let (volume, depth, spread): (f64, f64, i64) = match g.sport {
            Sport::Nfl => (950.0, 4000.0, 1),
            Sport::Cfb => (260.0, 1200.0, 1),
            Sport::Nba => (360.0, 2000.0, 1),
            Sport::Nhl => (170.0, 900.0, 1),
            Sport::Soccer => (230.0, 1200.0, 1),
            Sport::Tennis => (160.0, 800.0, 1),
            Sport::Ufc => (320.0, 1500.0, 1),
            Sport::Esports => (110.0, 400.0, 2),
        };
        let relax = self.relax(open);
        let rng = &mut self.rng;
        let volume = volume * rng.uniform(0.6, 1.5);
        let with_spread = match g.sport {
            Sport::Nfl => true,
            Sport::Nba | Sport::Cfb => rng.chance(0.35),
            _ => false,
        };
        let spread_line = inv_phi(p0) + 0.15 * rng.normal();
        let line_pts = match g.sport {
            Sport::Nba => (spread_line.abs() * 9.0).round() + 0.5,
            _ => (spread_line.abs() * 6.0).round() + 0.5,
        };
        let id = self.add(Spec {
            kind: Kind::Game(g.sport),
            title,
            slug,
            outcomes,
            open,
            ends: end,
            close,
            winner: if x_end > c { 0 } else { 1 },
            spread,
            depth,
            volume,
            path: Path::Stored { t0, dt, p: latent_p(&lat, c) },
            game: Some((start, end)),
            relax,
            lag: 0,
        });
        if soccer {
            // The other side's win market: B wins when X ends below -c.
            let pb: Vec<f32> = latent_p(&lat, -c).into_iter().map(|p| 1.0 - p).collect();
            let other = self.add(Spec {
                kind: Kind::Game(g.sport),
                title: format!("Will {} win on {}?", g.b, day_iso(day)),
                slug: format!("{}-{}-{}-{}-{}", g.league, short(g.a), short(g.b), day_iso(day), short(g.b)),
                outcomes: yes_no(),
                open,
                ends: end,
                close,
                winner: if x_end < -c { 0 } else { 1 },
                spread,
                depth,
                volume: volume * 0.6,
                path: Path::Stored { t0, dt, p: pb },
                game: Some((start, end)),
                relax,
                lag: 0,
            });
            self.markets[id as usize].sibling = Some(other);
            self.markets[other as usize].sibling = Some(id);
        } else if with_spread {
            let fav_a = p0 >= 0.5;
            let (fav, dog) = if fav_a { (g.a, g.b) } else { (g.b, g.a) };
            let thr = spread_line;
            let pa = latent_p(&lat, thr);
            let p: Vec<f32> = if fav_a { pa } else { pa.into_iter().map(|p| 1.0 - p).collect() };
            let fav_covers = if fav_a { x_end > thr } else { x_end <= thr };
            let sp = self.add(Spec {
                kind: Kind::Spread(g.sport),
                title: format!("Spread: {fav} (-{line_pts:.1})"),
                slug: format!("{}-{}-{}-{}-spread-{}", g.league, short(g.a), short(g.b), day_iso(day), short(fav)),
                outcomes: [fav.to_string(), dog.to_string()],
                open,
                ends: end,
                close,
                winner: if fav_covers { 0 } else { 1 },
                spread,
                depth: depth * 0.3,
                volume: volume * 0.25,
                path: Path::Stored { t0, dt, p },
                game: Some((start, end)),
                relax,
                lag: 0,
            });
            self.markets[id as usize].sibling = Some(sp);
            self.markets[sp as usize].sibling = Some(id);
        }
        Some(id)
    }

    /// A binary market that learns its answer from a clock of information.
    fn binary(&mut self, mut s: Spec, df: &[f64], f_start: f64, p0: f64) -> u32 {
        let lat = latent(&mut self.rng, df, f_start, p0);
        let x_end = *lat.x.last().unwrap_or(&0.0);
        let f_end = *lat.f.last().unwrap_or(&0.0);
        s.winner = if f_end > 0.999 {
            if x_end > 0.0 { 0 } else { 1 }
        } else if self.rng.chance(phi(x_end / (1.0 - f_end).max(1e-9).sqrt())) {
            0
        } else {
            1
        };
        if let Path::Stored { p, .. } = &mut s.path {
            *p = latent_p(&lat, 0.0);
        }
        self.add(s)
    }

    fn elections(&mut self) {
        let senate = [
            "Georgia",
            "Michigan",
            "North Carolina",
            "Maine",
            "New Hampshire",
            "Ohio",
            "Texas",
            "Iowa",
            "Minnesota",
            "Alaska",
            "Nebraska",
            "Florida",
            "Virginia",
            "Colorado",
        ];
        let governor = [
            "Arizona",
            "Georgia",
            "Michigan",
            "Wisconsin",
            "Pennsylvania",
            "Nevada",
            "New York",
            "California",
            "Ohio",
            "Kansas",
            "Iowa",
            "Maine",
        ];
        let house = ["CA-13", "CA-45", "NY-17", "PA-07", "AZ-06", "MI-07", "VA-02", "NE-02"];
        let mut races: Vec<(String, String, f64)> = Vec::new();
        for s in senate {
            races.push((
                format!("{s} Senate Election Winner"),
                format!("{}-senate-election-winner", s.to_lowercase().replace(' ', "-")),
                1.0,
            ));
        }
        for s in governor {
            races.push((
                format!("{s} Governor Election Winner"),
                format!("{}-governor-election-winner", s.to_lowercase().replace(' ', "-")),
                0.8,
            ));
        }
        for s in house {
            races.push((format!("{s} House Election Winner"), format!("{}-house-election-winner", s.to_lowercase()), 0.35));
        }
        races.push(("Which party will win the House in 2026?".into(), "which-party-will-win-the-house-in-2026".into(), 4.0));
        races.push(("Which party will win the Senate in 2026?".into(), "which-party-will-win-the-senate-in-2026".into(), 4.0));
        for (title, slug, weight) in races {
            let rng = &mut self.rng;
            let poll_close = ELECTION_NIGHT + rng.range(0, 5) * HOUR + rng.range(0, 2) * 30 * MIN;
            let slow = rng.chance(0.3) || weight > 3.0;
            let reveal = if slow { rng.range(30 * HOUR, 9 * DAY) } else { rng.range(40 * MIN, 5 * HOUR) };
            let called = poll_close + reveal;
            let close = called + rng.range(2 * HOUR, 3 * DAY);
            let dt = 5 * MIN;
            let (t0, n) = grid(START - 60 * DAY, close, dt);
            let mut df = vec![0.0; n];
            let f_start = 0.35;
            let f_elect = 0.5;
            let mut pre_idx = Vec::new();
            let mut rev_idx = Vec::new();
            for (i, d) in df.iter_mut().enumerate() {
                let t = t0 + i as i64 * dt;
                if t < poll_close {
                    *d = 1.0;
                    pre_idx.push(i);
                } else if t < called {
                    // Most of the count arrives early.
                    let x = (t - poll_close) as f64 / reveal as f64;
                    *d = (-3.0 * x).exp();
                    rev_idx.push(i);
                }
            }
            let (pre, rest) = df.split_at_mut(rev_idx.first().copied().unwrap_or(n));
            normalise(pre, (f_elect - f_start) * 0.7);
            for _ in 0..rng.range(1, 4) {
                if !pre_idx.is_empty() {
                    let i = *rng.pick(&pre_idx);
                    pre[i] += (f_elect - f_start) * 0.1;
                }
            }
            normalise(rest, (1.0 - f_elect) * 0.6);
            for _ in 0..rng.range(4, 14) {
                if !rev_idx.is_empty() {
                    let i = rev_idx[rng.below(rev_idx.len().min(1 + rev_idx.len() / 3))];
                    df[i] += (1.0 - f_elect) * 0.4 / 9.0;
                }
            }
            let sum: f64 = df.iter().sum();
            let last = rev_idx.last().copied().unwrap_or(n - 1);
            df[last] += (1.0 - f_start - sum).max(0.0);
            let p0 = self.rng.uniform(0.08, 0.92);
            let (outcomes, title) = if title.starts_with("Which party") {
                (["Democratic".to_string(), "Republican".to_string()], title)
            } else if self.rng.chance(0.5) {
                (["Democrat".to_string(), "Republican".to_string()], title)
            } else {
                (["Republican".to_string(), "Democrat".to_string()], title)
            };
            let spec = Spec {
                kind: Kind::Election,
                title,
                slug,
                outcomes,
                open: START - 120 * DAY,
                ends: called,
                close,
                winner: 0,
                spread: 1,
                depth: 2500.0 * weight,
                volume: 700.0 * weight * self.rng.uniform(0.6, 1.4),
                path: Path::Stored { t0, dt, p: Vec::new() },
                game: None,
                relax: 0,
                lag: 0,
            };
            self.binary(spec, &df, f_start, p0);
        }
    }

    /// Long questions that keep trading past NOW, moved by news.
    fn long_binaries(&mut self) {
        let qs: [(&str, Kind, f64); 22] = [
            ("Will Trump's approval rating be 45% or higher on December 31?", Kind::Politics, 1.0),
            ("Will the Democrats win the 2028 presidential election?", Kind::Politics, 1.2),
            ("Will JD Vance be the 2028 Republican nominee?", Kind::Politics, 1.0),
            ("Will Gavin Newsom be the 2028 Democratic nominee?", Kind::Politics, 1.0),
            ("Will the Fed cut rates at the December meeting?", Kind::Econ, 2.0),
            ("US recession in 2026?", Kind::Econ, 0.8),
            ("Will the S&P 500 close 2026 above 7,000?", Kind::Econ, 0.6),
            ("Russia x Ukraine ceasefire in 2026?", Kind::Politics, 1.5),
            ("Will Zelenskyy remain president through 2026?", Kind::Politics, 0.5),
            ("Will Maduro leave office in 2026?", Kind::Politics, 0.8),
            ("Will China invade Taiwan in 2026?", Kind::Politics, 0.4),
            ("Will Elon Musk be the world's richest person on December 31?", Kind::Culture, 0.4),
            ("Will Taylor Swift release a new album in 2026?", Kind::Culture, 0.5),
            ("Will OpenAI release GPT-6 in 2026?", Kind::Culture, 0.7),
            ("Which company has the best AI model end of 2026: Google?", Kind::Culture, 0.8),
            ("Will Bitcoin reach $150,000 in 2026?", Kind::CryptoDaily, 1.0),
            ("Will Ethereum reach $5,000 in 2026?", Kind::CryptoDaily, 0.6),
            ("Will Keir Starmer be out as Prime Minister in 2026?", Kind::Politics, 0.6),
            ("Will the Supreme Court rule in favor of Trump's tariffs?", Kind::Politics, 1.0),
            ("Will Israel and Hamas reach a permanent ceasefire in 2026?", Kind::Politics, 0.7),
            ("Time Person of the Year 2026: Donald Trump?", Kind::Culture, 0.6),
            ("Will GTA VI be released before 2027?", Kind::Culture, 0.4),
        ];
        for (title, kind, weight) in qs {
            let rng = &mut self.rng;
            let close = NOW + rng.range(12 * DAY, 400 * DAY);
            let dt = 5 * MIN;
            let (t0, _) = grid(START - DAY, START, dt);
            let n = ((NOW + DAY - t0) / dt) as usize;
            let mut df = vec![0.0; n];
            for (i, d) in df.iter_mut().enumerate() {
                let t = t0 + i as i64 * dt;
                let h = t.rem_euclid(DAY) / HOUR;
                *d = if (12..23).contains(&h) { 1.0 } else { 0.3 };
            }
            let f_start = rng.uniform(0.1, 0.5);
            let gain = rng.uniform(0.03, 0.12);
            normalise(&mut df, gain * 0.5);
            for _ in 0..rng.poisson(4.0) + 1 {
                let i = rng.below(n);
                df[i] += gain * 0.5 * rng.uniform(0.2, 0.8);
            }
            let p0 = rng.uniform(0.05, 0.9);
            let slug = slugify(title);
            let spec = Spec {
                kind,
                title: title.to_string(),
                slug,
                outcomes: yes_no(),
                open: START - rng.range(20, 300) * DAY,
                ends: close,
                close,
                winner: 0,
                spread: 1,
                depth: 1500.0 * weight,
                volume: 450.0 * weight * rng.uniform(0.6, 1.4),
                path: Path::Stored { t0, dt, p: Vec::new() },
                game: None,
                relax: 0,
                lag: 0,
            };
            self.binary(spec, &df, f_start, p0);
        }
    }

    /// "Will X happen by <date>?": a hazard that news moves, decaying as the deadline nears.
    fn deadlines(&mut self) {
        let qs = [
            "US strike on Venezuela",
            "Government shutdown ends",
            "Trump meets Putin",
            "Iran nuclear deal announced",
            "Fed Chair nominee announced",
            "Ukraine signs minerals deal",
            "TikTok ban takes effect",
            "Tesla robotaxi launches in New York",
            "Israel strikes Iran",
            "Apple announces foldable iPhone",
            "Starship reaches orbit",
            "Elon Musk and Trump reconcile publicly",
            "New tariffs on the EU announced",
            "Xi Jinping visits the US",
        ];
        for (k, q) in qs.iter().enumerate() {
            let rng = &mut self.rng;
            let deadline_day = START / DAY + rng.range(3, 55);
            let deadline = deadline_day * DAY + 5 * HOUR;
            let dt = 5 * MIN;
            let open = START - rng.range(10, 60) * DAY;
            let (t0, _) = grid(open, START, dt);
            let end_path = deadline.min(NOW + DAY);
            let n = ((end_path - t0) / dt + 1) as usize;
            let mut h = rng.uniform(0.002, 0.03) / DAY as f64; // per-second hazard
            let happens_at = if rng.chance(0.3) { Some(START + rng.range(DAY, 45 * DAY)) } else { None };
            let mut p = Vec::with_capacity(n);
            let mut happened = false;
            for i in 0..n {
                let t = t0 + i as i64 * dt;
                if !happened && happens_at.is_some_and(|x| t >= x && x < deadline) {
                    happened = true;
                }
                if happened {
                    p.push(0.998);
                    continue;
                }
                // News shocks to the hazard, a little drift otherwise.
                if rng.chance(0.0012) {
                    h *= rng.lognormal(1.0, 0.8);
                } else {
                    h *= (0.02 * rng.normal()).exp();
                }
                if let Some(x) = happens_at {
                    // Rumours in the hours before it happens.
                    if x > t && x - t < 6 * HOUR && x < deadline {
                        h *= 1.004;
                    }
                }
                h = h.clamp(1e-8, 2e-5);
                let rem = (deadline - t).max(0) as f64;
                p.push((1.0 - (-h * rem).exp()).clamp(0.0, 1.0) as f32);
            }
            let ends = match happens_at {
                Some(x) if x < deadline => x,
                _ => deadline,
            };
            let winner = if happened { 0 } else { 1 };
            let close = ends + rng.range(3 * HOUR, 2 * DAY);
            let title = format!("{q} by {}?", day_words(deadline_day));
            let slug = format!("{}-by-{}", slugify(q), day_slug_words(deadline_day));
            let volume = 380.0 * rng.uniform(0.5, 1.6) * if k < 5 { 1.5 } else { 1.0 };
            self.add(Spec {
                kind: Kind::Deadline,
                title,
                slug,
                outcomes: yes_no(),
                open,
                ends,
                close,
                winner,
                spread: 1 + (k as i64 % 2),
                depth: 1000.0,
                volume,
                path: Path::Stored { t0, dt, p },
                game: None,
                relax: 0,
                lag: 0,
            });
        }
    }

    /// Scheduled economic releases: the answer arrives all at once.
    fn releases(&mut self) {
        let jobs_day = START / DAY + 16; // Friday November 6
        let cpi_day = START / DAY + 22; // Thursday November 12
        let specs: [(String, i64, f64); 8] = [
            ("October nonfarm payrolls above 50k?".into(), jobs_day, 1.2),
            ("October unemployment rate 4.5% or higher?".into(), jobs_day, 0.8),
            ("October CPI year over year above 2.9%?".into(), cpi_day, 1.5),
            ("October core CPI month over month 0.3% or higher?".into(), cpi_day, 1.0),
            ("Initial jobless claims above 230k this week?".into(), START / DAY + 8, 0.4),
            ("Initial jobless claims above 230k this week?".into(), START / DAY + 15, 0.4),
            ("Initial jobless claims above 230k this week?".into(), START / DAY + 22, 0.4),
            ("Initial jobless claims above 230k this week?".into(), START / DAY + 29, 0.4),
        ];
        for (title, day, weight) in specs {
            let rng = &mut self.rng;
            let release = Region::UsEast.at(day, 8 * HOUR + 30 * MIN);
            let open = release - rng.range(6, 25) * DAY;
            let close = release + rng.range(HOUR, 6 * HOUR);
            let dt = 5 * MIN;
            let (t0, n) = grid(open, close, dt);
            let mut df = vec![0.0; n];
            let mut last_pre = 0;
            for (i, d) in df.iter_mut().enumerate() {
                let t = t0 + i as i64 * dt;
                if t < release {
                    *d = 1.0;
                    last_pre = i;
                }
            }
            normalise(&mut df, 0.25);
            if last_pre + 1 < n {
                df[last_pre + 1] = 1.0;
            }
            let p0 = rng.uniform(0.2, 0.8);
            let spec = Spec {
                kind: Kind::Econ,
                title: format!("{} ({})", title, day_words(day)),
                slug: format!("{}-{}", slugify(&title), day_slug_words(day)),
                outcomes: yes_no(),
                open,
                ends: release,
                close,
                winner: 0,
                spread: 1,
                depth: 1200.0 * weight,
                volume: 300.0 * weight * rng.uniform(0.7, 1.3),
                path: Path::Stored { t0, dt, p: Vec::new() },
                game: None,
                relax: 0,
                lag: 0,
            };
            self.binary(spec, &df, 0.2, p0);
        }
    }

    /// A group of mutually exclusive bucket markets (negative risk), each a Yes/No market.
    fn group(&mut self, g: GroupSpec) {
        let rng = &mut self.rng;
        let k = g.labels.len();
        let dt = g.dt;
        let (t0, n) = grid(g.open, g.close, dt);
        let mut df = vec![0.0; n];
        for (i, d) in df.iter_mut().enumerate() {
            let t = t0 + i as i64 * dt;
            if t < g.ends {
                *d = g.intensity.weight(t);
            }
        }
        let f_start = g.f_start;
        let f_end = if g.ends <= t0 + n as i64 * dt { 1.0 } else { g.f_end };
        normalise(&mut df, (f_end - f_start) * 0.75);
        let lumps = rng.poisson(3.0) + 1;
        let live: Vec<usize> = (0..n).filter(|&i| df[i] > 0.0).collect();
        for _ in 0..lumps {
            if !live.is_empty() {
                df[*rng.pick(&live)] += (f_end - f_start) * 0.25 / lumps as f64;
            }
        }
        // Initial probabilities: a bump around a random favourite.
        let fav = rng.below(k) as f64;
        let mut w: Vec<f64> = (0..k).map(|j| (-((j as f64 - fav) / 1.3).powi(2)).exp() + 0.05).collect();
        normalise(&mut w, 1.0);
        let tau0 = 1.0;
        let mut x: Vec<f64> = w.iter().map(|p| tau0 * p.ln()).collect();
        let mut f = f_start;
        let mut paths: Vec<Vec<f32>> = vec![Vec::with_capacity(n); k];
        for &d in &df {
            let d = d.min(1.0 - f).max(0.0);
            for xi in x.iter_mut() {
                *xi += (2.0 * d).sqrt() * rng.normal();
            }
            f += d;
            let tau = tau0 * (1.0 - f).max(0.0).sqrt() + 1e-4;
            let mx = x.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = x.iter().map(|xi| ((xi - mx) / tau).exp()).collect();
            let s: f64 = e.iter().sum();
            for (j, pj) in paths.iter_mut().enumerate() {
                pj.push((e[j] / s) as f32);
            }
        }
        let winner = if f >= 0.999 {
            let mx = x.iter().cloned().fold(f64::MIN, f64::max);
            x.iter().position(|&v| v == mx).unwrap_or(0)
        } else {
            let last: Vec<f64> = paths.iter().map(|p| *p.last().unwrap_or(&0.0) as f64).collect();
            rng.weighted(&last)
        };
        let gid = self.groups.len() as u32;
        let mut ids = Vec::new();
        for (j, p) in paths.into_iter().enumerate() {
            let label = &g.labels[j];
            let id = self.add(Spec {
                kind: g.kind,
                title: g.question.replace("{}", label),
                slug: format!("{}-{}", g.slug, slugify(label)),
                outcomes: yes_no(),
                open: g.open,
                ends: g.ends,
                close: g.close,
                winner: if j == winner { 0 } else { 1 },
                spread: g.spread,
                depth: g.depth,
                volume: g.volume,
                path: Path::Stored { t0, dt, p },
                game: None,
                relax: 0,
                lag: 0,
            });
            self.markets[id as usize].group = Some(gid);
            ids.push(id);
        }
        let relax = self.relax(g.open);
        for &id in &ids {
            self.markets[id as usize].relax = relax;
        }
        self.groups.push(Group { name: g.name, kind: g.kind, markets: ids });
    }

    fn groups(&mut self) {
        // Daily high temperatures.
        for day in START / DAY - 1..NOW / DAY + 2 {
            for (city, region, unit, base) in [("NYC", Region::UsEast, "°F", 44.0), ("London", Region::Uk, "°C", 9.0)] {
                let rng = &mut self.rng;
                let ends = region.at(day, 18 * HOUR);
                let open = region.at(day - 2, 12 * HOUR);
                let close = region.at(day + 1, 11 * HOUR);
                let step = if unit == "°F" { 2.0 } else { 1.0 };
                let centre = (base + rng.normal() * 4.0 * step / 2.0).round();
                let labels: Vec<String> = (-2..=2)
                    .map(|j| {
                        let lo = centre + j as f64 * step;
                        if step > 1.0 { format!("{}-{}{unit}", lo, lo + 1.0) } else { format!("{lo}{unit}") }
                    })
                    .collect();
                let (y, _, _) = civil(day);
                self.group(GroupSpec {
                    name: format!("Highest temperature in {city} on {}?", day_words(day)),
                    question: format!("Will the highest temperature in {city} be {{}} on {}?", day_words(day)),
                    slug: format!("highest-temperature-in-{}-on-{}-{y}", city.to_lowercase(), day_slug_words(day)),
                    labels,
                    kind: Kind::Weather,
                    open,
                    ends,
                    close,
                    dt: 5 * MIN,
                    intensity: Intensity::Daytime(region, day),
                    f_start: 0.0,
                    f_end: 1.0,
                    spread: 2,
                    depth: 150.0,
                    volume: 28.0,
                });
            }
        }
        // Weekly tweet counts, box office and the Hot 100.
        for week in 0..5 {
            let ends = Region::UsEast.at(START / DAY - 1 + week * 7, 12 * HOUR);
            let open = ends - 7 * DAY - 2 * DAY;
            let close = ends + 3 * HOUR;
            let lo = 180 + self.rng.range(-4, 5) * 20;
            let labels: Vec<String> = (0..6).map(|j| format!("{}-{}", lo + j * 20, lo + j * 20 + 19)).collect();
            self.group(GroupSpec {
                name: format!("Elon Musk # tweets week ending {}?", day_words(ends / DAY)),
                question: format!(
                    "Will Elon Musk post {{}} tweets from {} to {}?",
                    day_words((ends - 7 * DAY) / DAY),
                    day_words(ends / DAY)
                ),
                slug: format!("elon-musk-of-tweets-{}-{}", day_slug_words((ends - 7 * DAY) / DAY), day_slug_words(ends / DAY)),
                labels,
                kind: Kind::Culture,
                open,
                ends,
                close,
                dt: 5 * MIN,
                intensity: Intensity::Flat,
                f_start: 0.0,
                f_end: 1.0,
                spread: 2,
                depth: 400.0,
                volume: 90.0,
            });
            let films = ["Wicked: For Good", "Zootopia 2", "Predator: Badlands", "Now You See Me 3", "The Running Man", "Frankenstein"];
            let w0 = self.rng.below(3);
            let labels: Vec<String> = films[w0..w0 + 3].iter().map(|s| s.to_string()).collect();
            let sunday = START / DAY + 4 + week * 7;
            self.group(GroupSpec {
                name: format!("Top grossing movie weekend of {}?", day_words(sunday)),
                question: format!("Will {{}} be the top grossing movie of the weekend of {}?", day_words(sunday)),
                slug: format!("top-grossing-movie-weekend-{}", day_slug_words(sunday)),
                labels,
                kind: Kind::Culture,
                open: Region::UsEast.at(sunday - 6, 12 * HOUR),
                ends: Region::UsEast.at(sunday, 12 * HOUR),
                close: Region::UsEast.at(sunday + 1, 15 * HOUR),
                dt: 5 * MIN,
                intensity: Intensity::Flat,
                f_start: 0.0,
                f_end: 1.0,
                spread: 2,
                depth: 300.0,
                volume: 60.0,
            });
            let songs = ["The Fate of Ophelia", "Golden", "Ordinary", "Man I Need", "Opalite", "Manchild"];
            let s0 = self.rng.below(3);
            let labels: Vec<String> = songs[s0..s0 + 3].iter().map(|s| s.to_string()).collect();
            let tuesday = START / DAY - 1 + week * 7 + 6;
            self.group(GroupSpec {
                name: format!("Billboard Hot 100 #1 on {}?", day_words(tuesday)),
                question: format!("Will {{}} be #1 on the Billboard Hot 100 announced {}?", day_words(tuesday)),
                slug: format!("billboard-hot-100-number-1-{}", day_slug_words(tuesday)),
                labels,
                kind: Kind::Culture,
                open: Region::UsEast.at(tuesday - 8, 12 * HOUR),
                ends: Region::UsEast.at(tuesday, 12 * HOUR),
                close: Region::UsEast.at(tuesday, 18 * HOUR),
                dt: 5 * MIN,
                intensity: Intensity::Flat,
                f_start: 0.0,
                f_end: 1.0,
                spread: 2,
                depth: 250.0,
                volume: 45.0,
            });
        }
        // Long multi-outcome questions.
        let long: [(&str, &str, &[&str], Kind, f64); 4] = [
            (
                "Democratic presidential nominee 2028",
                "Will {} be the 2028 Democratic presidential nominee?",
                &["Gavin Newsom", "Alexandria Ocasio-Cortez", "Josh Shapiro", "Pete Buttigieg", "Wes Moore", "Andy Beshear"],
                Kind::Politics,
                300.0,
            ),
            (
                "Fed decision in December",
                "Fed decision in December: {}?",
                &["50+ bps decrease", "25 bps decrease", "No change", "25+ bps increase"],
                Kind::Econ,
                420.0,
            ),
            (
                "Time 2026 Person of the Year",
                "Will {} be Time's 2026 Person of the Year?",
                &["Donald Trump", "Elon Musk", "Pope Leo XIV", "Sam Altman", "Jensen Huang"],
                Kind::Culture,
                120.0,
            ),
            (
                "The Game Awards 2026 Game of the Year",
                "Will {} win Game of the Year at The Game Awards 2026?",
                &["Hollow Knight: Silksong", "Death Stranding 2", "Clair Obscur: Expedition 33", "Ghost of Yotei", "Hades II"],
                Kind::Culture,
                90.0,
            ),
        ];
        for (name, question, labels, kind, volume) in long {
            let ends = NOW + self.rng.range(15, 500) * DAY;
            self.group(GroupSpec {
                name: name.to_string(),
                question: question.to_string(),
                slug: slugify(name),
                labels: labels.iter().map(|s| s.to_string()).collect(),
                kind,
                open: START - 90 * DAY,
                ends,
                close: NOW + 2 * DAY,
                dt: 10 * MIN,
                intensity: Intensity::Flat,
                f_start: 0.2,
                f_end: 0.3,
                spread: 1,
                depth: 2000.0,
                volume,
            });
        }
        // CPI buckets, resolved by the release.
        let cpi = Region::UsEast.at(START / DAY + 22, 8 * HOUR + 30 * MIN);
        self.group(GroupSpec {
            name: "October CPI year over year".into(),
            question: "October inflation: {}?".into(),
            slug: "october-inflation-us-annual".into(),
            labels: ["2.7% or lower", "2.8%", "2.9%", "3.0%", "3.1% or higher"].iter().map(|s| s.to_string()).collect(),
            kind: Kind::Econ,
            open: cpi - 20 * DAY,
            ends: cpi,
            close: cpi + 4 * HOUR,
            dt: 5 * MIN,
            intensity: Intensity::Release(cpi),
            f_start: 0.1,
            f_end: 1.0,
            spread: 1,
            depth: 800.0,
            volume: 160.0,
        });
    }

    fn crypto(&mut self) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
        let et = Region::UsEast;
        let mut u15 = Vec::new();
        for a in 0..self.assets_len {
            let mut v = Vec::new();
            let (name, ticker) = ASSETS[a];
            let mut ws = START;
            while ws + 900 <= NOW {
                let local = ws + et.offset(ws);
                let day = local.div_euclid(DAY);
                let sod = local.rem_euclid(DAY);
                let title = format!(
                    "{name} Up or Down - {}, {}-{} ET",
                    day_words(day),
                    clock_words(sod, true),
                    clock_words((sod + 900) % DAY, true)
                );
                let lag = self.rng.range(3, 14);
                let depth = if a == 0 { 900.0 } else { 350.0 };
                let volume = [15.0, 9.0, 6.0, 5.0][a] * self.rng.uniform(0.6, 1.4);
                let id = self.add(Spec {
                    kind: Kind::UpDown15,
                    title,
                    slug: format!("{}-updown-15m-{}", ticker.to_lowercase(), ws),
                    outcomes: ["Up".to_string(), "Down".to_string()],
                    open: ws - HOUR,
                    ends: ws + 900,
                    close: ws + 900,
                    winner: 0,
                    spread: 1,
                    depth,
                    volume,
                    path: Path::Crypto { asset: a, start: ws, strike: None },
                    game: None,
                    relax: 0,
                    lag,
                });
                v.push(id);
                ws += 900;
            }
            u15.push(v);
        }
        let mut u60 = Vec::new();
        for a in 0..2 {
            let mut v = Vec::new();
            let (name, _) = ASSETS[a];
            let mut ws = START;
            while ws + HOUR <= NOW {
                let local = ws + et.offset(ws);
                let day = local.div_euclid(DAY);
                let sod = local.rem_euclid(DAY);
                let title = format!("{name} Up or Down - {}, {} ET", day_words(day), clock_words(sod, false));
                let slug =
                    format!("{}-up-or-down-{}-{}-et", name.to_lowercase(), day_slug_words(day), clock_words(sod, false).to_lowercase());
                let lag = self.rng.range(3, 14);
                let volume = [30.0, 18.0][a] * self.rng.uniform(0.6, 1.4);
                let id = self.add(Spec {
                    kind: Kind::UpDown60,
                    title,
                    slug,
                    outcomes: ["Up".to_string(), "Down".to_string()],
                    open: ws - 6 * HOUR,
                    ends: ws + HOUR,
                    close: ws + HOUR,
                    winner: 0,
                    spread: 1,
                    depth: 1200.0,
                    volume,
                    path: Path::Crypto { asset: a, start: ws, strike: None },
                    game: None,
                    relax: 0,
                    lag,
                });
                v.push(id);
                ws += HOUR;
            }
            u60.push(v);
        }
        (u15, u60)
    }

    fn crypto_daily(&mut self, assets: &[Underlying]) {
        for day in START / DAY - 1..NOW / DAY + 3 {
            for (a, step) in [(0usize, 2000.0), (1usize, 100.0)] {
                let ends = Region::UsEast.at(day, 12 * HOUR);
                let open = ends - 3 * DAY;
                let ref_px = assets[a].at(open.max(START - DAY + 60));
                let centre = (ref_px / step).round() * step;
                let (name, _) = ASSETS[a];
                let mut siblings = Vec::new();
                for j in -1..=1 {
                    let k = centre + j as f64 * step;
                    let lag = self.rng.range(4, 20);
                    let volume = 40.0 * self.rng.uniform(0.5, 1.5);
                    let relax = self.relax(open);
                    let id = self.add(Spec {
                        kind: Kind::CryptoDaily,
                        title: format!("{name} above {} on {}?", thousands(k), day_words(day)),
                        slug: format!("{}-above-{}-on-{}", name.to_lowercase(), k as i64, day_slug_words(day)),
                        outcomes: yes_no(),
                        open,
                        ends,
                        close: ends,
                        winner: 0,
                        spread: 1,
                        depth: 600.0,
                        volume,
                        path: Path::Crypto { asset: a, start: open, strike: Some(k) },
                        game: None,
                        relax,
                        lag,
                    });
                    siblings.push(id);
                }
                // Ladder neighbours point to the next strike up.
                for w in siblings.windows(2) {
                    self.markets[w[0] as usize].sibling = Some(w[1]);
                }
            }
        }
    }
}

struct GroupSpec {
    name: String,
    question: String,
    slug: String,
    labels: Vec<String>,
    kind: Kind,
    open: i64,
    ends: i64,
    close: i64,
    dt: i64,
    intensity: Intensity,
    f_start: f64,
    f_end: f64,
    spread: i64,
    depth: f64,
    volume: f64,
}

enum Intensity {
    Flat,
    /// Information arrives mostly in the local afternoon of the given day.
    Daytime(Region, i64),
    /// A little drift, then everything at the release.
    Release(i64),
}

impl Intensity {
    fn weight(&self, t: i64) -> f64 {
        match *self {
            Intensity::Flat => 1.0,
            Intensity::Daytime(r, day) => {
                if r.day(t) == day {
                    let h = r.hour(t);
                    if (10.0..17.0).contains(&h) { 12.0 } else { 1.0 }
                } else {
                    0.4
                }
            }
            Intensity::Release(x) => {
                if t >= x && t < x + 300 {
                    2_000.0
                } else {
                    0.1
                }
            }
        }
    }
}

pub const ASSETS: [(&str, &str); 4] = [("Bitcoin", "BTC"), ("Ethereum", "ETH"), ("Solana", "SOL"), ("XRP", "XRP")];

fn thousands(x: f64) -> String {
    let n = x.round() as i64;
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
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
    if out.is_empty() { "market".to_string() } else { out }
}

fn underlyings(rng: &mut Rng) -> Vec<Underlying> {
    let specs = [(97_000.0, 0.025), (3_400.0, 0.034), (185.0, 0.045), (2.3, 0.042)];
    let t0 = START - 4 * DAY;
    let n = ((NOW + 4 * DAY - t0) / 10) as usize;
    let mut out = Vec::new();
    for (a, &(p0, daily)) in specs.iter().enumerate() {
        let vol10 = daily / (8640.0f64).sqrt();
        let mut px = Vec::with_capacity(n);
        let mut lp = f64::ln(p0);
        let mut regime: f64 = 0.0;
        for i in 0..n {
            let t = t0 + i as i64 * 10;
            let h = t.rem_euclid(DAY) / HOUR;
            let wd = weekday_of_day(t.div_euclid(DAY));
            let session = if (13..21).contains(&h) {
                1.35
            } else if (0..6).contains(&h) {
                0.8
            } else {
                1.0
            };
            let weekend = if wd == 0 || wd == 6 { 0.7 } else { 1.0 };
            regime = 0.9995 * regime + 0.02 * rng.normal();
            let v = vol10 * session * weekend * regime.exp();
            lp += v * rng.normal();
            if rng.chance(1.0 / 8640.0 * 0.8) {
                lp += rng.normal() * daily * 0.3;
            }
            px.push(lp.exp());
        }
        out.push(Underlying { name: ASSETS[a].0, ticker: ASSETS[a].1, t0, px, vol10 });
    }
    out
}

/// Builds the world.
pub fn build() -> World {
    let mut b = Builder { rng: Rng::new(&[0x17, 0x776f_726c]), markets: Vec::new(), groups: Vec::new(), assets_len: ASSETS.len() };
    let assets = underlyings(&mut b.rng.fork(1));
    let mut games = b.games();
    b.elections();
    b.long_binaries();
    b.deadlines();
    b.releases();
    b.groups();
    b.crypto_daily(&assets);
    let (updown15, updown60) = b.crypto();
    let Builder { mut markets, groups, .. } = b;
    // Crypto answers come from the underlying.
    for m in markets.iter_mut() {
        if let Path::Crypto { asset, start, strike } = m.path {
            let u = &assets[asset];
            let k = strike.unwrap_or_else(|| u.at(start));
            m.winner = if u.at(m.ends) >= k { 0 } else { 1 };
        }
    }
    // Big moves of stored paths.
    let mut events = Vec::new();
    for m in markets.iter_mut() {
        if let Path::Stored { t0, dt, p } = &m.path {
            let mut last_t = START - DAY;
            for i in 3..p.len() {
                let t = t0 + i as i64 * dt;
                if t <= START || t >= NOW || t >= m.ends {
                    continue;
                }
                let d1 = (p[i] - p[i - 1]).abs();
                let d3 = (p[i] - p[i - 3]).abs();
                if (d1 >= 0.05 || d3 >= 0.09) && t - last_t >= 10 * MIN {
                    let before = if d1 >= 0.05 { p[i - 1] } else { p[i - 3] };
                    events.push(Event { t, market: m.id, before: before as f64, after: p[i] as f64 });
                    m.jumps.push(t);
                    last_t = t;
                }
            }
        }
    }
    events.sort_by_key(|e| (e.t, e.market));
    games.sort_by_key(|&g| (markets[g as usize].game.map(|x| x.0).unwrap_or(0), g));
    let regular = markets.iter().filter(|m| !m.kind.is_updown()).map(|m| m.id).collect();
    World { markets, groups, events, assets, games, regular, updown15, updown60 }
}
