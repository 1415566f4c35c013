//! The markets: their schedules, their fair prices over the 30 days, and the quoted book.

use super::rng::{Rng, digits_of, hash_str, hex_of, logit, phi, sigmoid};
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::collections::HashMap;

pub const NOW: i64 = 1_791_998_400 + 37 * 60 + 11; // Wed 14 Oct 2026, 17:57:11 UTC
pub const START: i64 = NOW - 30 * DAY;
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;
pub const MIN: i64 = 60;
/// Eastern time offset during the window (EDT).
pub const ET: i64 = -4 * HOUR;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Long,
    Game,
    Esport,
    Crypto,
    Weather,
    Mention,
}

pub struct Market {
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub kind: Kind,
    pub cat: &'static str,
    /// Orders accepted from `open` until `close`.
    pub open: i64,
    pub close: i64,
    /// When the result is known (game over, speech over); `close` when it is not in the window.
    pub end: i64,
    pub winner: Option<u8>,
    pub t0: i64,
    pub step: i64,
    pub path: Vec<f32>,
    pub before: f32,
    /// Quoted spread in cents.
    pub spread: u8,
    /// Crowd trades per hour at an ordinary moment.
    pub pop: f64,
    pub live: Option<(i64, i64)>,
    /// Moments the fair price jumps (news, scores, forecast runs, words said): time and the
    /// move of outcome 0's probability.
    pub events: Vec<(i64, f32)>,
    pub group: Option<u32>,
    pub asset: u8,
}

impl Market {
    pub fn p0(&self, t: i64) -> f64 {
        if t < self.t0 || self.path.is_empty() {
            return self.before as f64;
        }
        let i = ((t - self.t0) / self.step) as usize;
        self.path[i.min(self.path.len() - 1)] as f64
    }
    pub fn p(&self, k: u8, t: i64) -> f64 {
        let p = self.p0(t);
        if k == 0 { p } else { 1.0 - p }
    }
    pub fn bid(&self, k: u8, t: i64) -> u8 {
        let x = self.p(k, t) * 100.0 - self.spread as f64 / 2.0;
        (x.floor() as i64).clamp(1, 98) as u8
    }
    pub fn ask(&self, k: u8, t: i64) -> u8 {
        let b = self.bid(k, t);
        (b + self.spread).clamp(b + 1, 99)
    }
    pub fn mid(&self, k: u8, t: i64) -> u8 {
        ((self.p(k, t) * 100.0).round() as i64).clamp(1, 99) as u8
    }
    pub fn trading(&self, t: i64) -> bool {
        t >= self.open && t < self.close && t > START && t <= NOW
    }
    pub fn window(&self) -> (i64, i64) {
        (self.open.max(START + 1), self.close.min(NOW + 1))
    }
    pub fn is_live(&self, t: i64) -> bool {
        matches!(self.live, Some((a, b)) if t >= a && t < b)
    }
}

pub struct World {
    pub m: Vec<Market>,
    pub long: Vec<usize>,
    pub games: Vec<usize>,
    pub esports: Vec<usize>,
    pub weather: Vec<Vec<usize>>,
    /// (city index, UTC day number of the local date) of each weather group.
    pub weather_keys: Vec<(usize, i64)>,
    pub mentions: Vec<Vec<usize>>,
    pub groups: Vec<Vec<usize>>,
    pub weather_runs: Vec<i64>,
    pub spot: Vec<Vec<f64>>,
    crypto_ix: HashMap<(u8, i64, i64), usize>,
    seed: u64,
}

pub const ASSETS: [(&str, &str, f64); 4] =
    [("Bitcoin", "btc", 0.50), ("Ethereum", "eth", 0.65), ("Solana", "sol", 0.85), ("XRP", "xrp", 0.80)];
const SPOT_STEP: i64 = 5;

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(t, 0).unwrap_or_default()
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "October 3" in Eastern time.
pub fn et_day(t: i64) -> String {
    let d = utc(t + ET);
    format!("{} {}", MONTHS[d.month0() as usize], d.day())
}

fn et_clock(t: i64) -> String {
    let d = utc(t + ET);
    let h = d.hour();
    let (h12, ap) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    if d.minute() == 0 { format!("{h12}{ap}") } else { format!("{h12}:{:02}{ap}", d.minute()) }
}

pub fn weekday(t: i64) -> u32 {
    // 0 = Monday
    utc(t).weekday().num_days_from_monday()
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

/// Crowd activity by UTC hour (Polymarket's crowd is mostly in the Americas and Europe).
pub const DIURNAL: [f64; 24] = [
    1.0, 0.92, 0.8, 0.66, 0.52, 0.42, 0.36, 0.36, 0.42, 0.5, 0.56, 0.62, 0.72, 0.86, 1.0, 1.1, 1.15, 1.15, 1.1, 1.1, 1.1, 1.12, 1.08, 1.02,
];

pub fn utc_hour(t: i64) -> usize {
    (t.rem_euclid(DAY) / HOUR) as usize
}

struct Spec {
    cond_key: u64,
    title: String,
    slug: String,
    outcomes: [String; 2],
    kind: Kind,
    cat: &'static str,
}

fn new_market(spec: Spec, open: i64, close: i64, end: i64, winner: Option<u8>, t0: i64, step: i64, path: Vec<f32>, r: &Rng) -> Market {
    let key = spec.cond_key;
    let before = path.first().copied().unwrap_or(0.5);
    Market {
        cond: hex_of(key ^ 0xC0DE, 64),
        tokens: [digits_of(key ^ 0x70C0, 76 + (key % 3) as usize), digits_of(key ^ 0x70C1, 76 + ((key >> 8) % 3) as usize)],
        outcomes: spec.outcomes,
        title: spec.title,
        slug: spec.slug,
        kind: spec.kind,
        cat: spec.cat,
        open,
        close,
        end,
        winner,
        t0,
        step,
        path,
        before,
        spread: 1,
        pop: r.lognormal(3.0, 0.8),
        live: None,
        events: Vec::new(),
        group: None,
        asset: 0,
    }
}

/// Logit random walk with jumps; `vol` is logit units per sqrt hour.
fn walk(r: &Rng, n: usize, step: i64, x0: f64, vol: f64, jumps: &[(usize, f64)]) -> Vec<f64> {
    let sd = vol * (step as f64 / HOUR as f64).sqrt();
    let mut x = x0;
    let mut out = Vec::with_capacity(n);
    let mut j = 0;
    for i in 0..n {
        x += sd * r.normal();
        // mean reversion towards the start keeps long paths sane
        x += (x0 - x) * 0.0004;
        while j < jumps.len() && jumps[j].0 == i {
            x += jumps[j].1;
            j += 1;
        }
        out.push(x.clamp(-6.5, 6.5));
    }
    out
}

/// Bends the walk so it reaches `target` at index `e`, starting at index `s`.
fn bridge(x: &mut [f64], s: usize, e: usize, target: f64) {
    if e <= s || e >= x.len() {
        return;
    }
    let gap = target - x[e];
    for (i, v) in x.iter_mut().enumerate().take(e + 1).skip(s) {
        let f = (i - s) as f64 / (e - s) as f64;
        *v += gap * f * f;
    }
}

/// After the result is known: the winner drifts from ~0.97 to ~0.995 until resolution.
fn settle(x: &mut [f64], from: usize, winner0: bool) {
    let n = x.len();
    if from >= n {
        return;
    }
    let span = (n - from).max(1) as f64;
    for (i, v) in x.iter_mut().enumerate().skip(from) {
        let f = (i - from) as f64 / span;
        let l = 3.4 + 1.9 * f;
        *v = if winner0 { l } else { -l };
    }
}

fn to_p(x: &[f64]) -> Vec<f32> {
    x.iter().map(|&v| sigmoid(v) as f32).collect()
}

/// Marks each event with the move it caused.
fn event_moves(m: &mut Market, times: &[i64]) {
    let mut ev = Vec::new();
    for &t in times {
        let d = m.p0(t + 2 * m.step) - m.p0(t - m.step);
        ev.push((t, d as f32));
    }
    m.events = ev;
}

const LONG_TITLES: &[(&str, &str, f64)] = &[
    ("Fed decreases interest rates by 25 bps after October 2026 meeting?", "econ", 0.62),
    ("Fed decreases interest rates by 25 bps after September 2026 meeting?", "econ", 0.71),
    ("US recession in 2026?", "econ", 0.14),
    ("Will US CPI inflation be above 3.0% for September?", "econ", 0.38),
    ("Will the US unemployment rate be 4.6% or higher in September?", "econ", 0.33),
    ("Will the government shut down on October 1?", "politics", 0.44),
    ("Government shutdown ends by October 15?", "politics", 0.4),
    ("Democrats win the House in the 2026 midterms?", "politics", 0.71),
    ("Republicans keep the Senate in the 2026 midterms?", "politics", 0.66),
    ("Will Trump's approval rating be above 43% on October 31?", "politics", 0.27),
    ("Will the Supreme Court rule in favor of Trump's tariffs?", "politics", 0.31),
    ("Will Trump visit China in 2026?", "politics", 0.36),
    ("Will Zohran Mamdani's approval be above 50% by November?", "politics", 0.45),
    ("Will Gavin Newsom announce a 2028 presidential run before 2027?", "politics", 0.22),
    ("Will JD Vance be the 2028 Republican nominee?", "politics", 0.52),
    ("Will Texas Democrats flip a Senate seat in 2026?", "politics", 0.18),
    ("Will Elon Musk launch a new political party by end of 2026?", "politics", 0.07),
    ("Russia x Ukraine ceasefire in 2026?", "geo", 0.21),
    ("Will Putin and Zelensky meet in 2026?", "geo", 0.12),
    ("Israel x Hamas ceasefire holds through October?", "geo", 0.58),
    ("Will the US strike Venezuela by October 31?", "geo", 0.19),
    ("Will Maduro remain in power through 2026?", "geo", 0.63),
    ("China invades Taiwan in 2026?", "geo", 0.03),
    ("Will Iran and the US sign a nuclear deal in 2026?", "geo", 0.09),
    ("Will Netanyahu remain Prime Minister through 2026?", "geo", 0.69),
    ("Will Japan's PM call a snap election in 2026?", "geo", 0.34),
    ("Will the French government fall before November?", "geo", 0.29),
    ("Will Bitcoin reach $150,000 in 2026?", "crypto", 0.17),
    ("Will Ethereum hit $6,000 by December 31?", "crypto", 0.14),
    ("MicroStrategy sells Bitcoin in 2026?", "crypto", 0.05),
    ("Will a spot Solana ETF see $1B inflows by November?", "crypto", 0.24),
    ("Will Tether's USDT market cap exceed $200B by October 31?", "crypto", 0.47),
    ("Which company has the best AI model end of October? - Google", "tech", 0.46),
    ("Will OpenAI release GPT-6 in 2026?", "tech", 0.12),
    ("Will Apple release a foldable iPhone in 2026?", "tech", 0.08),
    ("Will Tesla launch unsupervised FSD in a new city by October 31?", "tech", 0.31),
    ("Will NVIDIA be the largest company in the world on October 31?", "tech", 0.81),
    ("Will SpaceX Starship reach orbit and land by October 31?", "tech", 0.39),
    ("Will Taylor Swift announce a new tour in 2026?", "culture", 0.26),
    ("Will 'One Battle After Another' win Best Picture?", "culture", 0.33),
    ("Will MrBeast post a video with over 100M views in October?", "culture", 0.57),
    ("Will Kanye release a new album in 2026?", "culture", 0.41),
    ("Will the Chiefs make the playoffs?", "sports", 0.58),
    ("Will the Dodgers win the 2026 World Series?", "sports", 0.24),
    ("Will the Yankees win the American League pennant?", "sports", 0.19),
    ("Will Arsenal win the 2025-26 Premier League?", "sports", 0.31),
    ("Will Real Madrid win the 2025-26 Champions League?", "sports", 0.16),
    ("Will Shohei Ohtani win NL MVP?", "sports", 0.86),
    ("Will Lando Norris win the 2026 F1 Drivers' Championship?", "sports", 0.22),
    ("Will Max Verstappen win the Singapore Grand Prix?", "sports", 0.28),
    ("Will a hurricane make landfall in Florida in October?", "weather", 0.31),
    ("Will measles cases in the US exceed 2,500 in 2026?", "health", 0.43),
    ("Will Gold close above $4,500 on October 30?", "econ", 0.39),
    ("Will the S&P 500 close above 7,000 on October 30?", "econ", 0.55),
    ("Will TikTok be banned in the US before 2027?", "politics", 0.06),
    ("Will Diddy be sentenced to over 5 years?", "culture", 0.35),
];

const GROUPS: &[(&str, &str, &[&str])] = &[
    ("Fed decision in October?", "econ", &["50+ bps decrease", "25 bps decrease", "No change", "25+ bps increase"]),
    (
        "Nobel Peace Prize Winner 2026",
        "geo",
        &[
            "Donald Trump",
            "Yulia Navalnaya",
            "UNHCR",
            "Sudan Emergency Response Rooms",
            "Doctors Without Borders",
            "Volodymyr Zelensky",
            "Greta Thunberg",
            "Other",
        ],
    ),
    (
        "Next UK Prime Minister after Starmer?",
        "geo",
        &["Wes Streeting", "Angela Rayner", "Andy Burnham", "Shabana Mahmood", "Ed Miliband", "Other"],
    ),
    ("Top AI model end of October (LMArena)?", "tech", &["Google", "OpenAI", "Anthropic", "xAI", "DeepSeek", "Meta"]),
];

fn pick_team(r: &Rng, teams: &[&'static str], used: &[&str]) -> &'static str {
    for _ in 0..200 {
        let t = *r.pick(teams);
        if !used.contains(&t) {
            return t;
        }
    }
    teams[r.below(teams.len() as u64) as usize]
}

struct League {
    name: &'static str,
    cat: &'static str,
    teams: &'static [&'static str],
    /// Weekdays (0 = Monday) with games and UTC kick-off hours.
    days: &'static [u32],
    hours: &'static [f64],
    per_day: (i64, i64),
    dur: f64,
    scores: f64,
    pop: f64,
    esport: bool,
    yes_no: bool,
    from_day: i64,
}

const NFL: &[&str] = &[
    "Chiefs",
    "Bills",
    "Eagles",
    "Ravens",
    "Lions",
    "49ers",
    "Cowboys",
    "Packers",
    "Bengals",
    "Dolphins",
    "Jets",
    "Steelers",
    "Texans",
    "Rams",
    "Vikings",
    "Buccaneers",
    "Seahawks",
    "Chargers",
    "Broncos",
    "Commanders",
    "Bears",
    "Falcons",
    "Saints",
    "Colts",
    "Jaguars",
    "Titans",
    "Browns",
    "Raiders",
    "Giants",
    "Patriots",
    "Cardinals",
    "Panthers",
];
const MLB: &[&str] = &[
    "Dodgers",
    "Yankees",
    "Phillies",
    "Brewers",
    "Mariners",
    "Blue Jays",
    "Cubs",
    "Padres",
    "Red Sox",
    "Tigers",
    "Guardians",
    "Mets",
    "Astros",
    "Braves",
    "Orioles",
    "Royals",
];
const NHL: &[&str] = &[
    "Panthers",
    "Oilers",
    "Stars",
    "Hurricanes",
    "Rangers",
    "Avalanche",
    "Jets",
    "Maple Leafs",
    "Golden Knights",
    "Lightning",
    "Bruins",
    "Devils",
    "Kings",
    "Canucks",
    "Wild",
    "Senators",
];
const EPL: &[&str] = &[
    "Arsenal",
    "Liverpool",
    "Manchester City",
    "Chelsea",
    "Newcastle",
    "Aston Villa",
    "Tottenham",
    "Manchester United",
    "Brighton",
    "Nottingham Forest",
    "Crystal Palace",
    "Brentford",
    "Fulham",
    "Bournemouth",
    "West Ham",
    "Everton",
    "Sunderland",
    "Leeds",
];
const LALIGA: &[&str] = &[
    "Real Madrid",
    "Barcelona",
    "Atletico Madrid",
    "Athletic Club",
    "Villarreal",
    "Real Betis",
    "Real Sociedad",
    "Sevilla",
    "Girona",
    "Valencia",
    "Celta Vigo",
    "Osasuna",
];
const UCL: &[&str] = &[
    "Real Madrid",
    "Bayern Munich",
    "PSG",
    "Inter",
    "Barcelona",
    "Arsenal",
    "Liverpool",
    "Manchester City",
    "Dortmund",
    "Atletico Madrid",
    "Napoli",
    "Juventus",
    "Benfica",
    "Sporting CP",
    "Club Brugge",
    "PSV",
];
const CFB: &[&str] = &[
    "Ohio State",
    "Texas",
    "Georgia",
    "Alabama",
    "Oregon",
    "Notre Dame",
    "Penn State",
    "Michigan",
    "LSU",
    "Clemson",
    "Miami",
    "Ole Miss",
    "Tennessee",
    "Oklahoma",
    "Florida State",
    "USC",
];
const TENNIS: &[&str] = &[
    "Sinner",
    "Alcaraz",
    "Zverev",
    "Djokovic",
    "Fritz",
    "Draper",
    "Medvedev",
    "Rune",
    "de Minaur",
    "Shelton",
    "Ruud",
    "Tsitsipas",
    "Mensik",
    "Fonseca",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Rybakina",
    "Pegula",
    "Anisimova",
];
const UFC: &[&str] = &[
    "Pereira",
    "Ankalaev",
    "Topuria",
    "Oliveira",
    "Makhachev",
    "Della Maddalena",
    "Chimaev",
    "du Plessis",
    "Aspinall",
    "Gane",
    "Holloway",
    "Volkanovski",
    "Lopes",
    "Pantoja",
    "Dvalishvili",
    "O'Malley",
];
const WNBA: &[&str] = &["Liberty", "Lynx", "Aces", "Fever", "Mercury", "Dream", "Sky", "Valkyries"];
const LOL: &[&str] = &[
    "T1",
    "Gen.G",
    "Hanwha Life",
    "KT Rolster",
    "Bilibili Gaming",
    "Anyone's Legend",
    "Top Esports",
    "JD Gaming",
    "G2 Esports",
    "Fnatic",
    "Movistar KOI",
    "FlyQuest",
    "100 Thieves",
    "CTBC Flying Oyster",
];
const CS2: &[&str] = &[
    "Vitality",
    "MOUZ",
    "Natus Vincere",
    "FaZe",
    "Spirit",
    "Falcons",
    "The MongolZ",
    "Aurora",
    "G2",
    "FURIA",
    "Astralis",
    "3DMAX",
    "Liquid",
    "Virtus.pro",
];

const LEAGUES: &[League] = &[
    League {
        name: "nfl",
        cat: "nfl",
        teams: NFL,
        days: &[6],
        hours: &[17.0, 17.0, 17.0, 17.0, 17.0, 17.0, 20.08, 20.42, 20.42],
        per_day: (9, 12),
        dur: 3.2,
        scores: 9.0,
        pop: 60.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "nfl",
        cat: "nfl",
        teams: NFL,
        days: &[0, 3],
        hours: &[0.25],
        per_day: (1, 2),
        dur: 3.2,
        scores: 9.0,
        pop: 110.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "mlb",
        cat: "mlb",
        teams: MLB,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[17.1, 20.1, 22.6, 23.1, 23.6, 0.1, 1.6, 2.1],
        per_day: (2, 7),
        dur: 2.9,
        scores: 6.0,
        pop: 18.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "nhl",
        cat: "nhl",
        teams: NHL,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[23.1, 23.6, 0.1, 1.1, 2.1],
        per_day: (2, 6),
        dur: 2.6,
        scores: 5.5,
        pop: 9.0,
        esport: false,
        yes_no: false,
        from_day: 22,
    },
    League {
        name: "epl",
        cat: "soccer",
        teams: EPL,
        days: &[5, 6],
        hours: &[11.5, 14.0, 14.0, 14.0, 16.5, 13.0, 15.5],
        per_day: (3, 6),
        dur: 1.95,
        scores: 2.8,
        pop: 30.0,
        esport: false,
        yes_no: true,
        from_day: 0,
    },
    League {
        name: "lal",
        cat: "soccer",
        teams: LALIGA,
        days: &[4, 5, 6],
        hours: &[12.0, 14.25, 16.5, 19.0],
        per_day: (1, 4),
        dur: 1.95,
        scores: 2.6,
        pop: 14.0,
        esport: false,
        yes_no: true,
        from_day: 0,
    },
    League {
        name: "ucl",
        cat: "soccer",
        teams: UCL,
        days: &[1, 2],
        hours: &[16.75, 19.0, 19.0, 19.0],
        per_day: (2, 5),
        dur: 1.95,
        scores: 2.9,
        pop: 40.0,
        esport: false,
        yes_no: true,
        from_day: 0,
    },
    League {
        name: "cfb",
        cat: "cfb",
        teams: CFB,
        days: &[5],
        hours: &[16.0, 19.5, 23.5, 0.5],
        per_day: (3, 6),
        dur: 3.4,
        scores: 9.0,
        pop: 20.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "atp",
        cat: "tennis",
        teams: TENNIS,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[3.0, 5.5, 7.0, 9.0, 11.5, 13.0],
        per_day: (1, 4),
        dur: 1.8,
        scores: 6.0,
        pop: 8.0,
        esport: false,
        yes_no: false,
        from_day: 8,
    },
    League {
        name: "ufc",
        cat: "ufc",
        teams: UFC,
        days: &[6],
        hours: &[2.0, 2.6, 3.2, 3.8, 4.4],
        per_day: (0, 4),
        dur: 0.4,
        scores: 2.0,
        pop: 45.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "wnba",
        cat: "wnba",
        teams: WNBA,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[23.5, 0.0, 1.5],
        per_day: (0, 2),
        dur: 2.2,
        scores: 8.0,
        pop: 10.0,
        esport: false,
        yes_no: false,
        from_day: 0,
    },
    League {
        name: "lol",
        cat: "lol",
        teams: LOL,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[8.0, 9.5, 11.0, 12.5, 14.0],
        per_day: (0, 4),
        dur: 1.6,
        scores: 5.0,
        pop: 9.0,
        esport: true,
        yes_no: false,
        from_day: 12,
    },
    League {
        name: "cs2",
        cat: "cs2",
        teams: CS2,
        days: &[0, 1, 2, 3, 4, 5, 6],
        hours: &[10.0, 12.5, 15.0, 17.5, 20.0],
        per_day: (1, 4),
        dur: 2.0,
        scores: 5.0,
        pop: 7.0,
        esport: true,
        yes_no: false,
        from_day: 0,
    },
];

pub const CITIES: &[(&str, &str, i64, bool, f64)] = &[
    ("New York City", "nyc", -4, true, 66.0),
    ("London", "london", 1, false, 16.0),
    ("Chicago", "chicago", -5, true, 63.0),
    ("Seoul", "seoul", 9, false, 22.0),
];

const SPEAKERS: &[(&str, &[&str])] = &[
    ("Trump", &["Tariff", "Crypto", "Sleepy Joe", "Hottest", "Border", "China", "Fake News", "Rigged", "Nobel", "Beautiful"]),
    ("Powell", &["Recession", "Tariff", "Inflation", "Uncertainty", "Labor Market", "Soft Landing", "AI", "Shutdown"]),
    ("Karoline Leavitt", &["Democrat", "Shutdown", "Biden", "Schumer", "Media", "Hoax", "Border", "Golden Age"]),
    ("Elon Musk", &["Mars", "Robotaxi", "Optimus", "Grok", "DOGE", "X", "AI", "Starship"]),
];

impl World {
    pub fn new(seed: u64) -> World {
        let mut w = World {
            m: Vec::new(),
            long: Vec::new(),
            games: Vec::new(),
            esports: Vec::new(),
            weather: Vec::new(),
            weather_keys: Vec::new(),
            mentions: Vec::new(),
            groups: Vec::new(),
            weather_runs: Vec::new(),
            spot: Vec::new(),
            crypto_ix: HashMap::new(),
            seed,
        };
        w.build_spot();
        w.build_long();
        w.build_groups();
        w.build_games();
        w.build_weather();
        w.build_mentions();
        w
    }

    fn rng(&self, salt: &str, i: i64) -> Rng {
        Rng::derive(self.seed ^ hash_str(salt), i as u64)
    }

    fn push(&mut self, m: Market) -> usize {
        self.m.push(m);
        self.m.len() - 1
    }

    fn build_spot(&mut self) {
        let n = ((NOW - START) / SPOT_STEP + 2) as usize;
        for (a, (_, _, vol)) in ASSETS.iter().enumerate() {
            let r = self.rng("spot", a as i64);
            let base = vol / (31_536_000.0f64).sqrt() * (SPOT_STEP as f64).sqrt();
            let mut x = 0.0f64;
            let mut v = Vec::with_capacity(n);
            let mut regime = 1.0f64;
            for i in 0..n {
                let t = START + i as i64 * SPOT_STEP;
                let h = (t.rem_euclid(DAY)) as f64 / HOUR as f64;
                let mut m = if (13.5..16.0).contains(&h) { 1.6 } else { 1.0 };
                if weekday(t) >= 5 {
                    m *= 0.7;
                }
                if i % 720 == 0 {
                    regime = (regime * 0.8 + 0.2 * r.lognormal(1.0, 0.4)).clamp(0.5, 2.5);
                }
                let shock = if r.chance(0.00005) { r.normal() * 0.006 } else { 0.0 };
                x += base * m * regime * r.normal() + shock;
                v.push(x);
            }
            self.spot.push(v);
        }
    }

    pub fn spot_at(&self, a: u8, t: i64) -> f64 {
        let v = &self.spot[a as usize];
        let i = ((t - START).max(0) / SPOT_STEP) as usize;
        v[i.min(v.len() - 1)]
    }

    /// The Up/Down market of `asset` covering [start, start + len): created on first use.
    pub fn crypto(&mut self, a: u8, len: i64, start: i64) -> usize {
        if let Some(&i) = self.crypto_ix.get(&(a, len, start)) {
            return i;
        }
        let r = self.rng("crypto", start * 7 + len + a as i64);
        let (name, sym, vol) = ASSETS[a as usize];
        let end = start + len;
        let close = end + r.range(90, 600);
        let step = 5;
        let n = ((close - start) / step + 1) as usize;
        let sig = vol / (31_536_000.0f64).sqrt();
        let s0 = self.spot_at(a, start);
        let up_final = self.spot_at(a, end) >= s0;
        let mut x = Vec::with_capacity(n);
        for i in 0..n {
            let t = start + i as i64 * step;
            if t >= end {
                break;
            }
            let rem = (end - t).max(1) as f64;
            let z = (self.spot_at(a, t) - s0) / (sig * rem.sqrt());
            x.push(logit(phi(z).clamp(0.004, 0.996)));
        }
        let from = x.len();
        x.resize(n, 0.0);
        settle(&mut x, from, up_final);
        let (title, slug) = if len == 15 * MIN {
            (
                format!("{name} Up or Down - {}, {}-{} ET", et_day(start), et_clock(start), et_clock(end)),
                format!("{sym}-updown-15m-{start}"),
            )
        } else {
            let t = format!("{name} Up or Down - {}, {} ET", et_day(start), et_clock(start));
            let s = slugify(&t);
            (t, s)
        };
        let spec =
            Spec { cond_key: hash_str(&slug), title, slug, outcomes: ["Up".into(), "Down".into()], kind: Kind::Crypto, cat: "crypto" };
        let open = start - if len == 15 * MIN { HOUR } else { 8 * HOUR };
        let mut m = new_market(spec, open, close, end, Some(if up_final { 0 } else { 1 }), start, step, to_p(&x), &r);
        m.before = 0.5;
        m.asset = a;
        m.live = Some((start, end));
        m.pop = if len == 15 * MIN { 80.0 } else { 45.0 } * [1.0, 0.45, 0.3, 0.25][a as usize] * r.lognormal(1.0, 0.3);
        m.spread = 1;
        // big spot moves are events
        let mut ev = Vec::new();
        let mut t = start + 60;
        while t < end {
            let d = self.spot_at(a, t) - self.spot_at(a, t - 60);
            if d.abs() > 3.0 * sig * 60f64.sqrt() {
                ev.push(t);
                t += 120;
            }
            t += 30;
        }
        event_moves(&mut m, &ev);
        let i = self.push(m);
        self.crypto_ix.insert((a, len, start), i);
        i
    }

    fn build_long(&mut self) {
        let step = MIN;
        for (li, (title, cat, p)) in LONG_TITLES.iter().enumerate() {
            let r = self.rng("long", li as i64);
            let n = ((NOW - START) / step + 2) as usize;
            let resolves = r.chance(0.2) || title.contains("September") || title.contains("October 1?");
            let end_t = if title.contains("September 2026 meeting") {
                START + 2 * DAY + 18 * HOUR
            } else if title.contains("October 1?") {
                START + 16 * DAY + 4 * HOUR
            } else if resolves {
                START + r.range(8 * DAY, 29 * DAY)
            } else {
                NOW + r.range(5 * DAY, 300 * DAY)
            };
            let close = if end_t < NOW { end_t + r.range(2 * HOUR, 36 * HOUR) } else { end_t };
            let n_ev = r.poisson(30.0 / r.uni(2.5, 7.0)) as usize;
            let mut times: Vec<i64> = (0..n_ev).map(|_| START + r.range(HOUR, 30 * DAY)).collect();
            times.sort();
            let jumps: Vec<(usize, f64)> = times.iter().map(|&t| (((t - START) / step) as usize, r.normal() * 0.55)).collect();
            let mut x = walk(&r, n, step, logit(*p), r.uni(0.03, 0.09), &jumps);
            let mut winner = None;
            if end_t < NOW {
                let p_end = sigmoid(x[((end_t - START) / step) as usize]);
                let w0 = r.chance(p_end);
                winner = Some(if w0 { 0 } else { 1 });
                let e = ((end_t - START) / step) as usize;
                let s = e.saturating_sub(r.range(24, 96) as usize * 60);
                bridge(&mut x, s, e, if w0 { 3.4 } else { -3.4 });
                settle(&mut x, e, w0);
            }
            let t = title.to_string();
            let spec = Spec {
                cond_key: hash_str(title),
                slug: slugify(title),
                title: t,
                outcomes: ["Yes".into(), "No".into()],
                kind: Kind::Long,
                cat,
            };
            let open = START - r.range(3 * DAY, 200 * DAY);
            let mut m = new_market(spec, open, close, end_t.min(close), winner, START, step, to_p(&x), &r);
            m.pop = r.lognormal(13.0, 0.9);
            m.spread = if m.pop > 20.0 { 1 } else { r.range(1, 4) as u8 };
            event_moves(&mut m, &times);
            let i = self.push(m);
            self.long.push(i);
        }
    }

    fn build_groups(&mut self) {
        let step = MIN;
        for (gi, (title, cat, names)) in GROUPS.iter().enumerate() {
            let r = self.rng("group", gi as i64);
            let n = ((NOW - START) / step + 2) as usize;
            let k = names.len();
            let resolves = title.contains("Nobel");
            let end_t = if resolves { START + 24 * DAY + 9 * HOUR } else { NOW + r.range(5 * DAY, 60 * DAY) };
            let close = if resolves { end_t + 20 * HOUR } else { end_t };
            let n_ev = r.poisson(7.0) as usize;
            let mut times: Vec<i64> = (0..n_ev).map(|_| START + r.range(HOUR, 30 * DAY)).collect();
            times.sort();
            let mut xs: Vec<Vec<f64>> = Vec::new();
            let winner = r.below(k as u64 / 2 + 1) as usize;
            for j in 0..k {
                let x0 = 2.0 - j as f64 * 0.7 + r.normal() * 0.4;
                let jumps: Vec<(usize, f64)> = times.iter().map(|&t| (((t - START) / step) as usize, r.normal() * 0.4)).collect();
                let mut x = walk(&r, n, step, x0, 0.06, &jumps);
                if resolves {
                    let e = ((end_t - START) / step) as usize;
                    let s = e.saturating_sub(36 * 60);
                    let tgt = if j == winner { 7.0 } else { -2.0 };
                    bridge(&mut x, s, e, tgt);
                    for v in x.iter_mut().skip(e) {
                        *v = tgt;
                    }
                }
                xs.push(x);
            }
            let gid = self.groups.len() as u32;
            let mut ids = Vec::new();
            for (j, name) in names.iter().enumerate() {
                let p: Vec<f32> = (0..n)
                    .map(|i| {
                        let z: f64 = xs.iter().map(|x| x[i].exp()).sum();
                        (xs[j][i].exp() / z).clamp(0.001, 0.999) as f32
                    })
                    .collect();
                let q = if title.starts_with("Fed") {
                    format!("Fed {} after October 2026 meeting?", name.to_lowercase())
                } else if title.starts_with("Nobel") {
                    format!("Will {name} win the Nobel Peace Prize in 2026?")
                } else if title.starts_with("Next UK") {
                    format!("Will {name} be the next UK Prime Minister?")
                } else {
                    format!("Will {name} have the top AI model at the end of October?")
                };
                let spec = Spec {
                    cond_key: hash_str(&q),
                    slug: slugify(&q),
                    title: q,
                    outcomes: ["Yes".into(), "No".into()],
                    kind: Kind::Long,
                    cat,
                };
                let mut m = new_market(
                    spec,
                    START - 40 * DAY,
                    close,
                    end_t.min(close),
                    if resolves { Some(if j == winner { 0 } else { 1 }) } else { None },
                    START,
                    step,
                    p,
                    &r,
                );
                m.group = Some(gid);
                m.pop = r.lognormal(8.0, 0.6) / (1.0 + j as f64 * 0.3);
                m.spread = 1;
                event_moves(&mut m, &times);
                let i = self.push(m);
                self.long.push(i);
                ids.push(i);
            }
            self.groups.push(ids);
        }
    }

    fn build_games(&mut self) {
        let first_day = START.div_euclid(DAY);
        let last_day = NOW.div_euclid(DAY) + 2;
        let mut gi = 0i64;
        for day in first_day..=last_day {
            let d0 = day * DAY;
            for (li, lg) in LEAGUES.iter().enumerate() {
                if day - first_day < lg.from_day {
                    continue;
                }
                let r = self.rng("day", day * 100 + li as i64);
                if !lg.days.contains(&weekday(d0)) {
                    continue;
                }
                let count = r.range(lg.per_day.0, lg.per_day.1 + 1);
                let mut used: Vec<&str> = Vec::new();
                for _ in 0..count {
                    let h = *r.pick(lg.hours) + r.range(0, 3) as f64 * 0.05;
                    let start = d0 + (h * HOUR as f64) as i64;
                    if start > NOW + 2 * DAY {
                        continue;
                    }
                    let a = pick_team(&r, lg.teams, &used);
                    used.push(a);
                    let b = pick_team(&r, lg.teams, &used);
                    used.push(b);
                    let id = self.game(lg, a, b, start, gi);
                    gi += 1;
                    if let Some(id) = id {
                        if lg.esport { self.esports.push(id) } else { self.games.push(id) }
                    }
                }
            }
        }
    }

    fn game(&mut self, lg: &League, a: &str, b: &str, start: i64, gi: i64) -> Option<usize> {
        let r = self.rng("game", gi);
        let open = start - r.range(20 * HOUR, 3 * DAY);
        let dur = (lg.dur * HOUR as f64 * r.uni(0.9, 1.15)) as i64;
        let end = start + dur;
        let close = end + r.range(30 * MIN, 4 * HOUR);
        if close <= START || open > NOW {
            return None;
        }
        let step = 30;
        let n = ((close - open) / step + 1) as usize;
        let p0 = if lg.yes_no { r.uni(0.18, 0.72) } else { r.uni(0.22, 0.8) };
        let winner0 = r.chance(p0);
        let s_i = ((start - open) / step) as usize;
        let e_i = ((end - open) / step) as usize;
        // scoring moments
        let n_sc = r.poisson(lg.scores) as usize;
        let mut sc: Vec<i64> = (0..n_sc).map(|_| start + r.range(MIN, dur - MIN)).collect();
        sc.sort();
        let mut x = Vec::with_capacity(n);
        let mut v = logit(p0);
        let pre_sd = 0.05 * (step as f64 / HOUR as f64).sqrt();
        let live_sd = 0.25 * (step as f64 / HOUR as f64).sqrt();
        let mut j = 0;
        for i in 0..n {
            let t = open + i as i64 * step;
            if i < s_i {
                v += pre_sd * r.normal();
            } else if i < e_i {
                v += live_sd * r.normal();
                while j < sc.len() && sc[j] <= t {
                    let prog = (sc[j] - start) as f64 / dur as f64;
                    let sign = if r.chance(if winner0 { 0.62 } else { 0.38 }) { 1.0 } else { -1.0 };
                    v += sign * (0.45 + 1.4 * prog) * r.uni(0.6, 1.3);
                    j += 1;
                }
            }
            x.push(v.clamp(-6.0, 6.0));
        }
        bridge(&mut x, s_i, e_i, if winner0 { 4.0 } else { -4.0 });
        settle(&mut x, e_i, winner0);
        let date = {
            let d = utc(start + ET);
            format!("{}-{:02}-{:02}", d.year(), d.month(), d.day())
        };
        let (title, outcomes, slug) = if lg.yes_no {
            (
                format!("Will {a} win on {date}?"),
                ["Yes".to_string(), "No".to_string()],
                format!("{}-{}-{}-{date}-{}", lg.name, slugify(a), slugify(b), slugify(a)),
            )
        } else if lg.esport {
            let game = if lg.name == "lol" { "LoL" } else { "Counter-Strike" };
            (
                format!("{game}: {a} vs {b} (BO3)"),
                [a.to_string(), b.to_string()],
                format!("{}-{}-{}-{date}", lg.name, slugify(a), slugify(b)),
            )
        } else {
            (format!("{a} vs. {b}"), [a.to_string(), b.to_string()], format!("{}-{}-{}-{date}", lg.name, slugify(a), slugify(b)))
        };
        let spec = Spec {
            cond_key: hash_str(&slug) ^ gi as u64,
            title,
            slug,
            outcomes,
            kind: if lg.esport { Kind::Esport } else { Kind::Game },
            cat: lg.cat,
        };
        let mut m = new_market(spec, open, close, end, Some(if winner0 { 0 } else { 1 }), open, step, to_p(&x), &r);
        m.live = Some((start, end));
        m.pop = lg.pop * 0.5 * r.lognormal(1.0, 0.6);
        m.spread = if m.pop > 12.0 { 1 } else { r.range(1, 3) as u8 };
        event_moves(&mut m, &sc);
        Some(self.push(m))
    }

    fn build_weather(&mut self) {
        // forecast model runs land about four hours after 00/06/12/18Z
        let mut t = START.div_euclid(DAY) * DAY - DAY;
        while t < NOW + 2 * DAY {
            for h in [3, 9, 15, 21] {
                self.weather_runs.push(t + h * HOUR + 40 * MIN);
            }
            t += DAY;
        }
        let first = START.div_euclid(DAY) - 1;
        let last = NOW.div_euclid(DAY) + 2;
        for (ci, (city, code, tz, fahr, clim)) in CITIES.iter().enumerate() {
            for day in first..=last {
                let r = self.rng("weather", day * 10 + ci as i64);
                let local0 = day * DAY - tz * HOUR;
                let peak = local0 + 16 * HOUR;
                let open = local0 - 2 * DAY + 12 * HOUR;
                let close = local0 + DAY + r.range(8 * HOUR, 14 * HOUR);
                if close <= START || open > NOW {
                    continue;
                }
                let seasonal = clim - (day - first) as f64 * if *fahr { 0.25 } else { 0.13 };
                let sd0 = if *fahr { 5.0 } else { 2.8 };
                let truth = seasonal + r.normal() * sd0;
                let width = if *fahr { 2 } else { 1 };
                let center = (seasonal + r.normal() * sd0 * 0.5).round() as i64;
                let lo = center - 3 * width;
                // 7 brackets: <=lo-1, [lo, lo+w-1], ... , >= lo+5w
                let mut bounds: Vec<(f64, f64, String)> = Vec::new();
                let unit = if *fahr { "°F" } else { "°C" };
                bounds.push((f64::NEG_INFINITY, lo as f64 - 0.5, format!("{}{unit} or below", lo - 1)));
                for b in 0..5 {
                    let a = lo + b * width;
                    let z = a + width - 1;
                    let label = if width == 1 { format!("{a}{unit}") } else { format!("{a}-{z}{unit}") };
                    bounds.push((a as f64 - 0.5, z as f64 + 0.5, label));
                }
                bounds.push((lo as f64 + 5.0 * width as f64 - 0.5, f64::INFINITY, format!("{}{unit} or higher", lo + 5 * width)));
                let step = 10 * MIN;
                let n = ((close - open) / step + 1) as usize;
                // forecast error shrinks with each model run
                let mut err = r.normal() * sd0 * 0.8;
                let mut f = Vec::with_capacity(n);
                let mut s = Vec::with_capacity(n);
                let mut run = self.weather_runs.partition_point(|&x| x < open);
                let mut events = Vec::new();
                for i in 0..n {
                    let t = open + i as i64 * step;
                    let hrs = ((peak + 2 * HOUR - t) as f64 / HOUR as f64).max(0.0);
                    while run < self.weather_runs.len() && self.weather_runs[run] <= t {
                        let keep = (hrs / (hrs + 8.0)).sqrt();
                        err = err * keep + r.normal() * sd0 * 0.25 * keep;
                        if t > START && t < close {
                            events.push(self.weather_runs[run]);
                        }
                        run += 1;
                    }
                    let sd = if hrs <= 0.0 { 0.05 } else { (sd0 * 0.12 * hrs.sqrt()).max(0.35) };
                    let e = if hrs <= 0.0 { 0.0 } else { err * (hrs / 48.0).min(1.0).sqrt() };
                    f.push(truth + e);
                    s.push(sd);
                }
                let gid = self.groups.len() as u32;
                let mut ids = Vec::new();
                let date = {
                    let d = utc(local0 + 12 * HOUR);
                    (MONTHS[d.month0() as usize], d.day(), d.year())
                };
                for (bi, (a, z, label)) in bounds.iter().enumerate() {
                    let p: Vec<f32> =
                        (0..n).map(|i| (phi((z - f[i]) / s[i]) - phi((a - f[i]) / s[i])).clamp(0.0015, 0.9985) as f32).collect();
                    let title = format!("Will the highest temperature in {city} be {label} on {} {}?", date.0, date.1);
                    let slug = format!(
                        "highest-temperature-in-{code}-on-{}-{}-{}-{}",
                        date.0.to_lowercase(),
                        date.1,
                        date.2,
                        slugify(&label.replace('°', ""))
                    );
                    let truth_in = truth.round() >= *a && truth.round() <= *z;
                    let spec = Spec {
                        cond_key: hash_str(&slug),
                        title,
                        slug,
                        outcomes: ["Yes".into(), "No".into()],
                        kind: Kind::Weather,
                        cat: "weather",
                    };
                    let mut m = new_market(spec, open, close, peak + 3 * HOUR, Some(if truth_in { 0 } else { 1 }), open, step, p, &r);
                    m.group = Some(gid);
                    m.pop = r.lognormal(if ci == 0 || ci == 1 { 2.2 } else { 1.0 }, 0.5) * if (2..5).contains(&bi) { 1.5 } else { 0.6 };
                    m.spread = r.range(1, 3) as u8;
                    event_moves(&mut m, &events);
                    ids.push(self.push(m));
                }
                self.weather.push(ids.clone());
                self.weather_keys.push((ci, day));
                self.groups.push(ids);
            }
        }
    }

    fn build_mentions(&mut self) {
        let r = self.rng("mentions", 0);
        let n_ev = 14;
        for e in 0..n_ev {
            let (who, words) = SPEAKERS[r.below(SPEAKERS.len() as u64) as usize];
            let day = START.div_euclid(DAY) + 1 + (e as i64 * 29) / n_ev as i64 + r.range(0, 2);
            let start = day * DAY + r.range(14, 24) * HOUR + r.range(0, 4) * 15 * MIN;
            let dur = r.range(35 * MIN, 100 * MIN);
            let end = start + dur;
            let close = end + r.range(40 * MIN, 5 * HOUR);
            let open = start - r.range(DAY, 3 * DAY);
            let what = match who {
                "Trump" => *r.pick(&["press conference", "rally", "Oval Office event", "speech"]),
                "Powell" => "press conference",
                "Karoline Leavitt" => "press briefing",
                _ => *r.pick(&["X Spaces", "earnings call", "interview"]),
            };
            let mut chosen: Vec<&str> = words.to_vec();
            r.shuffle(&mut chosen);
            chosen.truncate(r.range(6, 9) as usize);
            let step = 30;
            let n = ((close - open) / step + 1) as usize;
            let mut ids = Vec::new();
            for word in chosen {
                let p0 = r.uni(0.12, 0.9);
                let said = r.chance(p0);
                let said_at = start + r.range(MIN, dur - MIN);
                let mut x = Vec::with_capacity(n);
                let mut v = logit(p0);
                for i in 0..n {
                    let t = open + i as i64 * step;
                    if t < start {
                        v += 0.04 * r.normal();
                    } else if t < end {
                        if said && t >= said_at {
                            v = 5.0;
                        } else {
                            // each quiet minute makes "No" likelier
                            v -= 3.5 * step as f64 / dur as f64 + 0.05 * r.normal();
                        }
                    } else if said {
                        v = 5.3;
                    } else {
                        v = -5.3;
                    }
                    x.push(v.clamp(-5.5, 5.5));
                }
                let title = format!(
                    "Will {who} say \"{word}\" during {} {what} on {}?",
                    if who == "Trump" || who == "Elon Musk" { "his" } else { "the" },
                    et_day(start)
                );
                let slug = slugify(&title);
                let spec = Spec {
                    cond_key: hash_str(&slug),
                    title,
                    slug,
                    outcomes: ["Yes".into(), "No".into()],
                    kind: Kind::Mention,
                    cat: "mentions",
                };
                let mut m = new_market(
                    spec,
                    open,
                    close,
                    if said { said_at } else { end },
                    Some(if said { 0 } else { 1 }),
                    open,
                    step,
                    to_p(&x),
                    &r,
                );
                m.live = Some((start, end));
                m.pop = r.lognormal(16.0, 0.5);
                m.spread = r.range(1, 4) as u8;
                if said {
                    event_moves(&mut m, &[said_at]);
                }
                ids.push(self.push(m));
            }
            self.mentions.push(ids);
        }
    }

    /// Sports games (not esports) live at `t`.
    pub fn live_games(&self, t: i64, esport: bool) -> Vec<usize> {
        let list = if esport { &self.esports } else { &self.games };
        list.iter().copied().filter(|&i| self.m[i].is_live(t)).collect()
    }

    /// Games that start within `ahead` seconds of `t` and are already trading.
    pub fn upcoming_games(&self, t: i64, ahead: i64, esport: bool) -> Vec<usize> {
        let list = if esport { &self.esports } else { &self.games };
        list.iter()
            .copied()
            .filter(|&i| matches!(self.m[i].live, Some((s, _)) if s > t && s <= t + ahead) && self.m[i].trading(t))
            .collect()
    }
}
