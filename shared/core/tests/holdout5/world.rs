//! The simulated venue: markets of several kinds (sports games, crypto up/down windows, daily
//! crypto strikes, long political questions and multi-candidate events, deadline questions, daily
//! weather buckets, culture questions), their price paths, their books, the anonymous public
//! crowd, and the execution of orders against the books.
//!
//! A market's fair probability follows a path (a logit random walk with news or score jumps that
//! the book absorbs over a few seconds, pulled to the outcome before resolution; crypto markets
//! price their underlying's log-normal walk). The book around it has a spread of a tick or more,
//! a little stale-quote noise, and depth per level; a taker walks it level by level, one fill per
//! level, all in one transaction. Resting orders fill as anonymous takers arrive.

use super::rng::{Rng, mix};
use std::collections::HashMap;

/// The fixed end of the simulation, 2026-12-01T00:00:00Z.
pub(super) const NOW: i64 = 1_796_083_200;
/// Seconds in a minute.
pub(super) const MIN: i64 = 60;
/// Seconds in an hour.
pub(super) const HOUR: i64 = 3_600;
/// Seconds in a day.
pub(super) const DAY: i64 = 86_400;
/// The simulated market's first second (45 days before NOW).
pub(super) const START: i64 = NOW - 45 * DAY;
/// Labelled wallets and leaders act from here (before the window, so some sells close older buys).
pub(super) const ACT_FROM: i64 = NOW - 33 * DAY;
/// The public tape's first second.
pub(super) const TAPE_FROM: i64 = NOW - 31 * DAY;
/// The labelled wallets' 30-day window's first second.
pub(super) const WIN_FROM: i64 = NOW - 30 * DAY;
/// Paths run a little past NOW for markets still open.
const END: i64 = NOW + 5 * DAY;
/// The crypto underlyings' sampling step, seconds.
const USTEP: i64 = 2;
/// The per-second volatility the crypto markets price (BTC, ETH).
const SIGMA: [f64; 2] = [8.5e-5, 1.2e-4];

/// What a market is about; it decides its path, its crowd and who trades it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// One game between two teams.
    Sports,
    /// Bitcoin up or down over 15 minutes.
    Crypto15,
    /// Bitcoin or Ether up or down over an hour.
    CryptoHour,
    /// Bitcoin above a strike at noon New York time.
    Strike,
    /// A long-running political or economic question, alone or one candidate of an event.
    Long,
    /// "Will X happen by <date>?": decays toward No unless it happens.
    Deadline,
    /// One temperature bucket of a city's daily high.
    Weather,
    /// Entertainment, mentions, tweet counts: a few days long.
    Culture,
}

/// A league: its teams, its crowd, its games' length and scoring.
pub(super) struct League {
    /// Short slug prefix.
    pub slug: &'static str,
    /// Team names.
    pub teams: &'static [&'static str],
    /// Crowd weight.
    pub pop: f64,
    /// Game length, hours.
    pub hours: f64,
    /// Mean scoring events that move the price in a game.
    pub events: f64,
    /// Typical logit jump of one event.
    pub jump: f64,
}

const NFL_T: &[&str] = &[
    "Chiefs", "Bills", "Eagles", "Cowboys", "49ers", "Ravens", "Lions", "Packers", "Bengals", "Dolphins", "Jets", "Steelers", "Rams",
    "Bears", "Vikings", "Texans", "Chargers", "Broncos", "Seahawks", "Giants", "Falcons", "Saints",
];
const NBA_T: &[&str] = &[
    "Lakers",
    "Celtics",
    "Warriors",
    "Knicks",
    "Nuggets",
    "Bucks",
    "Heat",
    "Suns",
    "Mavericks",
    "Thunder",
    "Cavaliers",
    "76ers",
    "Timberwolves",
    "Clippers",
    "Kings",
    "Pacers",
    "Magic",
    "Rockets",
    "Grizzlies",
    "Hawks",
    "Bulls",
    "Spurs",
];
const NHL_T: &[&str] = &[
    "Rangers",
    "Bruins",
    "Maple Leafs",
    "Oilers",
    "Panthers",
    "Avalanche",
    "Stars",
    "Golden Knights",
    "Canucks",
    "Hurricanes",
    "Jets",
    "Devils",
    "Lightning",
    "Kings",
];
const EPL_T: &[&str] = &[
    "Arsenal",
    "Liverpool",
    "Man City",
    "Chelsea",
    "Man United",
    "Tottenham",
    "Newcastle",
    "Aston Villa",
    "Brighton",
    "West Ham",
    "Everton",
    "Fulham",
    "Brentford",
    "Crystal Palace",
];
const UCL_T: &[&str] =
    &["Real Madrid", "Barcelona", "Bayern", "PSG", "Inter", "Milan", "Dortmund", "Atletico", "Juventus", "Benfica", "Porto", "Leverkusen"];
const CFB_T: &[&str] = &[
    "Georgia",
    "Alabama",
    "Ohio State",
    "Michigan",
    "Texas",
    "Oregon",
    "Penn State",
    "LSU",
    "Notre Dame",
    "Clemson",
    "Tennessee",
    "Oklahoma",
];
const LOL_T: &[&str] = &["T1", "Gen.G", "G2", "Fnatic", "BLG", "JDG", "Hanwha", "Team Liquid", "Cloud9", "Weibo"];

/// The leagues: NFL, NBA, NHL, EPL, UCL, college football, League of Legends.
pub(super) const LEAGUES: [League; 7] = [
    League { slug: "nfl", teams: NFL_T, pop: 2.0, hours: 3.2, events: 8.0, jump: 0.55 },
    League { slug: "nba", teams: NBA_T, pop: 1.0, hours: 2.4, events: 9.0, jump: 0.35 },
    League { slug: "nhl", teams: NHL_T, pop: 0.45, hours: 2.6, events: 5.0, jump: 0.75 },
    League { slug: "epl", teams: EPL_T, pop: 1.0, hours: 1.9, events: 2.8, jump: 1.1 },
    League { slug: "ucl", teams: UCL_T, pop: 1.3, hours: 1.9, events: 3.0, jump: 1.1 },
    League { slug: "cfb", teams: CFB_T, pop: 0.7, hours: 3.4, events: 8.0, jump: 0.5 },
    League { slug: "lol", teams: LOL_T, pop: 0.3, hours: 1.6, events: 4.0, jump: 0.6 },
];

/// Weather cities: name, UTC offset in hours, November climatology of the daily high, unit.
pub(super) const CITIES: [(&str, i64, f64, &str); 5] =
    [("NYC", -5, 50.0, "°F"), ("London", 0, 11.0, "°C"), ("Chicago", -6, 44.0, "°F"), ("Seoul", 9, 10.0, "°C"), ("Toronto", -5, 6.0, "°C")];

/// One market and its path.
pub(super) struct Market {
    /// What it is about.
    pub kind: Kind,
    /// League, crypto asset (0 BTC, 1 ETH) or city.
    pub league: u8,
    /// Bucket or candidate index within its event.
    pub slot: u8,
    /// The two teams of a game.
    pub teams: [u16; 2],
    /// Game start, window start, or weather day start.
    pub start: i64,
    /// First second it trades.
    pub open: i64,
    /// Last second it trades (resolution).
    pub close: i64,
    /// Event id shared by the markets of one multi-outcome event; u32::MAX when alone.
    pub group: u32,
    /// Logit of outcome 0's probability at knots (not crypto).
    knots: Vec<(i64, f32)>,
    /// News or score events: when, and the logit jump for outcome 0.
    pub events: Vec<(i64, f32)>,
    /// Spread in ticks.
    pub spread: i64,
    /// Shares at the first level.
    pub depth: f64,
    /// Stale-quote noise, ticks.
    noise: f64,
    /// Crowd orders per hour at a busy hour.
    pub pop: f64,
    /// Crypto: log price at the window start, or log strike.
    strike: f64,
    /// Condition id.
    pub cond: String,
    /// Outcome token ids.
    pub tokens: [String; 2],
    /// Outcome labels.
    pub outcomes: [String; 2],
    /// Title.
    pub title: String,
    /// Slug.
    pub slug: String,
}

/// A market's plain facts, copied out so the world can be borrowed mutably meanwhile.
#[derive(Clone, Copy)]
pub(super) struct Info {
    /// Kind.
    pub kind: Kind,
    /// League, asset or city.
    pub league: u8,
    /// Teams of a game.
    pub teams: [u16; 2],
    /// Start.
    pub start: i64,
    /// Open.
    pub open: i64,
    /// Close.
    pub close: i64,
}

/// One fill row, compact; turned into a `Trade` at the end.
#[derive(Clone, Copy)]
pub(super) struct Fill {
    /// Wallet id.
    pub w: u32,
    /// Market index.
    pub m: u32,
    /// Outcome index.
    pub tok: u8,
    /// Buy or sell.
    pub buy: bool,
    /// Price in cents.
    pub tick: u8,
    /// Book level the taker reached (0 = best).
    pub level: u8,
    /// A maker fill (a resting order hit).
    pub maker: bool,
    /// The fill has a named counterparty row already.
    pub paired: bool,
    /// Shares in millionths.
    pub micro: i64,
    /// Unix seconds.
    pub t: i64,
    /// Transaction id.
    pub tx: u64,
}

/// How much an order asks for.
#[derive(Clone, Copy)]
pub(super) enum Amt {
    /// Dollars to spend (a market buy from the app).
    Usd(f64),
    /// Shares.
    Sh(f64),
}

/// What an order got.
#[derive(Clone, Copy)]
pub(super) struct Exec {
    /// Shares filled.
    pub shares: f64,
}

/// One order of a wallet as a follower sees it (its fills in one transaction, summed).
#[derive(Clone, Copy)]
pub(super) struct Order {
    /// When.
    pub t: i64,
    /// Market.
    pub m: usize,
    /// Outcome.
    pub tok: u8,
    /// Buy or sell.
    pub buy: bool,
    /// Shares.
    pub shares: f64,
    /// Average price, dollars.
    pub price: f64,
}

/// A market maker's registration, served after every other order exists.
pub(super) struct MakerSpec {
    /// Wallet id.
    pub w: u32,
    /// Markets it quotes.
    pub markets: Vec<usize>,
    /// Its share of first-level fills.
    pub share: f64,
    /// Its quote size, shares.
    pub quote: f64,
    /// Spans when its server was down.
    pub down: Vec<(i64, i64)>,
}

/// The venue and everything that happened on it.
pub(super) struct World {
    /// Markets.
    pub markets: Vec<Market>,
    /// Log prices of BTC and ETH every USTEP seconds from START.
    under: [Vec<f32>; 2],
    /// Every fill.
    pub fills: Vec<Fill>,
    /// Wallet addresses by id.
    pub addrs: Vec<String>,
    /// The anonymous crowd's wallet ids and their cumulative pick weights.
    crowd: Vec<u32>,
    crowd_cdf: Vec<f64>,
    next_tx: u64,
    seed: u64,
    /// The world's own draws (crowd, books).
    pub rng: Rng,
    /// Games, by start.
    pub games: Vec<usize>,
    /// Up/down series: BTC 15 min, BTC hourly, ETH hourly, each by start at a fixed spacing.
    pub series: [Vec<usize>; 3],
    /// Daily BTC strikes.
    pub strikes: Vec<usize>,
    /// Long questions, candidates and deadline questions.
    pub longs: Vec<usize>,
    /// Culture questions.
    pub culture: Vec<usize>,
    /// Multi-outcome events (weather days, candidate fields): their markets by slot.
    pub groups: Vec<Vec<usize>>,
    /// Weather events by (city, day index from START).
    pub weather: HashMap<(u8, i64), u32>,
    /// Leaders copy bots and manual copiers follow, with their popularity.
    pub leaders: Vec<(u32, f64)>,
    /// Orders of the leaders, once indexed.
    pub lead_orders: HashMap<u32, Vec<Order>>,
    /// Market makers to serve at the end.
    pub makers: Vec<MakerSpec>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(2e-4, 1.0 - 2e-4);
    (p / (1.0 - p)).ln()
}

fn erf(x: f64) -> f64 {
    let s = x.signum();
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-x * x).exp();
    s * y
}

/// The standard normal distribution function.
fn phi(z: f64) -> f64 {
    0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2))
}

fn interp(k: &[(i64, f32)], t: i64) -> f64 {
    let i = k.partition_point(|&(kt, _)| kt <= t);
    if i == 0 {
        return k[0].1 as f64;
    }
    if i == k.len() {
        return k[i - 1].1 as f64;
    }
    let (t0, v0) = k[i - 1];
    let (t1, v1) = k[i];
    if t1 <= t0 {
        return v1 as f64;
    }
    v0 as f64 + (v1 - v0) as f64 * (t - t0) as f64 / (t1 - t0) as f64
}

/// Day of week, 0 = Sunday.
pub(super) fn weekday(t: i64) -> i64 {
    (t.div_euclid(DAY) + 4).rem_euclid(7)
}

/// How busy the whole venue is at this UTC time (1 ≈ a US evening).
pub(super) fn diurnal(t: i64) -> f64 {
    let h = t.rem_euclid(DAY) as f64 / 3600.0;
    let bump = |c: f64, w: f64| {
        let mut d = (h - c).abs();
        if d > 12.0 {
            d = 24.0 - d;
        }
        (-(d * d) / (2.0 * w * w)).exp()
    };
    let wd = weekday(t);
    let wk = if wd == 0 || wd == 6 { 1.1 } else { 1.0 };
    (0.22 + 0.55 * bump(1.5, 3.5) + 0.35 * bump(19.0, 3.5) + 0.2 * bump(13.0, 3.0) + 0.1 * bump(8.0, 2.5)) * wk
}

fn month_day(t: i64) -> String {
    // November or December 2026 only (the simulation's span).
    let nov1 = NOW - 30 * DAY;
    if t < nov1 {
        format!("October {}", 31 - (nov1 - t - 1).div_euclid(DAY))
    } else if t < NOW {
        format!("November {}", 1 + (t - nov1).div_euclid(DAY))
    } else {
        format!("December {}", 1 + (t - NOW).div_euclid(DAY))
    }
}

/// A 0x-prefixed hex string of `n` digits from a seed.
pub(super) fn hex(seed: u64, n: usize) -> String {
    let mut s = String::with_capacity(n + 2);
    s.push_str("0x");
    let mut i = 0u64;
    while s.len() < n + 2 {
        let v = mix(seed.wrapping_add(i.wrapping_mul(0x9E37_79B9)));
        for k in 0..16 {
            if s.len() == n + 2 {
                break;
            }
            let d = ((v >> (k * 4)) & 0xF) as u32;
            s.push(char::from_digit(d, 16).unwrap_or('0'));
        }
        i += 1;
    }
    s
}

fn token_id(seed: u64) -> String {
    let mut s = String::with_capacity(77);
    let mut i = 0u64;
    while s.len() < 77 {
        let v = mix(seed ^ i.wrapping_mul(0xA24B_AED4_963E_E407));
        let d = if s.is_empty() { 1 + v % 9 } else { v % 10 };
        s.push(char::from_digit(d as u32, 10).unwrap_or('1'));
        i += 1;
    }
    s
}

/// Noise in ticks for a market's token in a 20-second slot (stale quotes), roughly standard normal.
fn hnoise(m: usize, tok: u8, slot: i64) -> f64 {
    let h = mix(((m as u64) << 24) ^ ((tok as u64) << 60) ^ (slot as u64));
    let a = (h & 0xFFFF) as f64 / 65535.0;
    let b = ((h >> 16) & 0xFFFF) as f64 / 65535.0;
    let c = ((h >> 32) & 0xFFFF) as f64 / 65535.0;
    (a + b + c - 1.5) * 2.0
}

/// Adds knots for a logit walk from `t` to `to` (exclusive of the start knot), applying events.
#[allow(clippy::too_many_arguments)]
fn walk(
    rng: &mut Rng,
    knots: &mut Vec<(i64, f32)>,
    l: &mut f64,
    mut t: i64,
    to: i64,
    step: i64,
    sigma: f64,
    events: &[(i64, f32)],
    ramp: i64,
) {
    if let Some(&(lt, _)) = knots.last() {
        t = t.max(lt);
    }
    let mut e = events.partition_point(|&(te, _)| te <= t);
    while t < to {
        let next = (t + step).min(to);
        if e < events.len() && events[e].0 < next {
            let (te, j) = events[e];
            if te > t {
                *l += sigma * rng.normal() * (((te - t) as f64) / step as f64).sqrt();
                knots.push((te, *l as f32));
            }
            *l += j as f64;
            let tr = te.max(t) + ramp;
            knots.push((tr, *l as f32));
            t = tr;
            e += 1;
            while e < events.len() && events[e].0 <= t {
                *l += events[e].1 as f64;
                e += 1;
            }
            continue;
        }
        *l += sigma * rng.normal() * (((next - t) as f64) / step as f64).sqrt();
        knots.push((next, *l as f32));
        t = next;
    }
}

/// Pulls the knots after `from` toward the outcome's extreme by `end`.
fn bridge(knots: &mut [(i64, f32)], from: i64, end: i64, target: f64) {
    let last = knots.last().map(|k| k.1 as f64).unwrap_or(0.0);
    for k in knots.iter_mut() {
        if k.0 >= from {
            let w = ((k.0 - from) as f64 / (end - from).max(1) as f64).clamp(0.0, 1.0);
            k.1 = (k.1 as f64 + w * w * (target - last)) as f32;
        }
    }
}

/// Poisson event times in [a, b) at `per_day`, each with a jump drawn by `jump`.
fn events_in(rng: &mut Rng, a: i64, b: i64, per_day: f64, mut jump: impl FnMut(&mut Rng) -> f64) -> Vec<(i64, f32)> {
    let n = rng.poisson(per_day * (b - a) as f64 / DAY as f64);
    let mut v: Vec<(i64, f32)> = (0..n).map(|_| (rng.int(a, b - 1), 0.0)).collect();
    v.sort_by_key(|e| e.0);
    v.dedup_by_key(|e| e.0);
    for e in &mut v {
        e.1 = jump(rng) as f32;
    }
    v
}

const LONG_TITLES: &[&str] = &[
    "Fed decision in December: 25 bps cut?",
    "Will the US enter a recession in 2027?",
    "Will Bitcoin reach $150,000 in 2026?",
    "Will the Supreme Court rule on the tariff case by January 31?",
    "Will there be a ceasefire in Ukraine in 2026?",
    "Will the government shut down again before February?",
    "Will Ethereum flip $5,000 before 2027?",
    "Will OpenAI release GPT-6 in 2026?",
    "Will Taylor Swift announce a new album before January?",
    "Will the UK call a general election in 2027?",
    "Will inflation exceed 3% in the December CPI print?",
    "Will Apple release a foldable iPhone in 2026?",
    "Will Elon Musk leave Tesla's board in 2026?",
    "Will China blockade Taiwan before 2027?",
    "Will the S&P 500 close the year above 7,000?",
    "Will gold reach $4,500 per ounce in 2026?",
    "Will the Senate confirm the new Fed governor before January?",
    "Will a new Pope visit the United States in 2026?",
    "Will Netanyahu remain prime minister through 2026?",
    "Will Germany's coalition collapse in 2026?",
    "Will SpaceX reach orbit with Starship V3 in 2026?",
    "Will Nvidia be the largest company by market cap at year end?",
    "Will the Fed's balance sheet shrink below $6T?",
    "Will Solana ETF inflows exceed $1B in December?",
    "Will Argentina's inflation fall below 2% monthly in November?",
    "Will Macron resign before 2027?",
    "Will the WHO declare a new pandemic emergency in 2026?",
];
const DEADLINE_TITLES: &[&str] = &[
    "Will Zelensky meet Putin by {d}?",
    "Will the debt ceiling deal pass by {d}?",
    "Will TikTok be sold by {d}?",
    "Will Iran and the US sign a nuclear deal by {d}?",
    "Will the Fed chair be replaced by {d}?",
    "Will Bitcoin hit $110,000 by {d}?",
    "Will a hurricane make US landfall by {d}?",
    "Will the strike at Boeing end by {d}?",
    "Will the EU approve the new sanctions package by {d}?",
    "Will Kanye release his album by {d}?",
    "Will the Louvre reopen the gallery by {d}?",
    "Will Venezuela hold talks with the US by {d}?",
    "Will GTA VI get a new trailer by {d}?",
    "Will the UN Security Council vote on Gaza by {d}?",
];
const FIELDS: &[(&str, &[&str])] = &[
    ("Next Prime Minister of Japan", &["Takaichi", "Koizumi", "Hayashi", "Kobayashi", "Motegi", "Other"]),
    (
        "Time Person of the Year 2026",
        &["Donald Trump", "Pope Leo XIV", "Sam Altman", "Jensen Huang", "Zohran Mamdani", "Elon Musk", "Taylor Swift"],
    ),
    ("Fed Chair nominee", &["Hassett", "Warsh", "Waller", "Bowman", "Rieder"]),
    ("Best Picture at the Gotham Awards", &["One Battle After Another", "Sinners", "Marty Supreme", "Hamnet", "Bugonia"]),
];
const CULTURE_TITLES: &[&str] = &[
    "Will Elon Musk post {n}+ tweets this week?",
    "Will Trump say \"tariff\" {n}+ times in his next speech?",
    "Will '{f}' gross over ${n}M on opening weekend?",
    "Will MrBeast's next video pass {n}M views in a week?",
    "Will '{f}' be #1 on Netflix top 10 this week?",
    "Will the Spotify #1 song this week be by {f}?",
    "Will a celebrity announce a presidential run this week?",
    "Will '{f}' top the Billboard 200 this week?",
];
const FILMS: &[&str] = &[
    "Wicked: For Good",
    "Zootopia 2",
    "Avatar: Fire and Ash",
    "Sabrina Carpenter",
    "Taylor Swift",
    "Stranger Things 5",
    "Bad Bunny",
    "Five Nights 2",
];

impl World {
    /// A world with its markets built and its crowd's wallets named.
    pub(super) fn new(seed: u64) -> World {
        let mut w = World {
            markets: Vec::new(),
            under: [Vec::new(), Vec::new()],
            fills: Vec::new(),
            addrs: Vec::new(),
            crowd: Vec::new(),
            crowd_cdf: Vec::new(),
            next_tx: 1,
            seed,
            rng: Rng::new(seed ^ 0x0057_0AD0),
            games: Vec::new(),
            series: [Vec::new(), Vec::new(), Vec::new()],
            strikes: Vec::new(),
            longs: Vec::new(),
            culture: Vec::new(),
            groups: Vec::new(),
            weather: HashMap::new(),
            leaders: Vec::new(),
            lead_orders: HashMap::new(),
            makers: Vec::new(),
        };
        let mut rng = Rng::new(seed ^ 0x003A_2CE7);
        w.build_underlying(&mut rng);
        w.build_sports(&mut rng);
        w.build_crypto(&mut rng);
        w.build_longs(&mut rng);
        w.build_weather(&mut rng);
        w.build_culture(&mut rng);
        let mut total = 0.0;
        for i in 0..6000 {
            let id = w.new_wallet();
            w.crowd.push(id);
            total += 1.0 / ((i + 12) as f64).powf(0.95);
            w.crowd_cdf.push(total);
        }
        w
    }

    /// A new wallet id with a fresh address.
    pub(super) fn new_wallet(&mut self) -> u32 {
        let id = self.addrs.len() as u32;
        self.addrs.push(hex(mix(self.seed ^ 0xA11C_E000_0000) ^ (id as u64).wrapping_mul(0x2545_F491_4F6C_DD1D), 40));
        id
    }

    fn push_market(&mut self, m: Market) -> usize {
        let i = self.markets.len();
        self.markets.push(m);
        i
    }

    fn blank(&mut self, kind: Kind, title: String, slug: String, outcomes: [&str; 2]) -> Market {
        let i = self.markets.len() as u64;
        let s = mix(self.seed ^ 0xC0_4D17 ^ i.wrapping_mul(0x100_0000_01B3));
        Market {
            kind,
            league: 0,
            slot: 0,
            teams: [0, 0],
            start: 0,
            open: 0,
            close: 0,
            group: u32::MAX,
            knots: Vec::new(),
            events: Vec::new(),
            spread: 1,
            depth: 500.0,
            noise: 1.0,
            pop: 1.0,
            strike: 0.0,
            cond: hex(s, 64),
            tokens: [token_id(mix(s ^ 1)), token_id(mix(s ^ 2))],
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            title,
            slug,
        }
    }

    fn build_underlying(&mut self, rng: &mut Rng) {
        let n = ((END - START) / USTEP) as usize;
        for (a, start_price) in [(0usize, 95_000f64), (1, 3_400f64)] {
            let mut v = Vec::with_capacity(n);
            let mut x = start_price.ln();
            let mut regime = 1.0;
            for i in 0..n {
                let t = START + i as i64 * USTEP;
                if i % 1800 == 0 {
                    let h = t.rem_euclid(DAY) / HOUR;
                    let us = if (13..21).contains(&h) { 1.3 } else { 1.0 };
                    let wk = if weekday(t) == 0 || weekday(t) == 6 { 0.7 } else { 1.0 };
                    regime = rng.lognormal(1.0, 0.35) * us * wk;
                }
                x += SIGMA[a] * (USTEP as f64).sqrt() * regime * rng.normal();
                if rng.chance(1.0 / (3.0 * DAY as f64 / USTEP as f64)) {
                    x += rng.normal() * 0.01;
                }
                v.push(x as f32);
            }
            self.under[a] = v;
        }
    }

    /// Log price of asset `a` at `t`.
    fn log_price(&self, a: usize, t: i64) -> f64 {
        let v = &self.under[a];
        let i = ((t - START) / USTEP).clamp(0, v.len() as i64 - 1) as usize;
        v[i] as f64
    }

    fn build_sports(&mut self, rng: &mut Rng) {
        let first_day = (TAPE_FROM - 3 * DAY).div_euclid(DAY);
        let last_day = (NOW + 3 * DAY).div_euclid(DAY);
        let mut slate: Vec<(usize, i64)> = Vec::new();
        for d in first_day..=last_day {
            let day = d * DAY;
            let wd = weekday(day);
            let hrs = |h: f64| day + (h * 3600.0) as i64;
            for _ in 0..rng.int(3, 6) {
                slate.push((1, hrs(rng.pick(&[23.5, 24.0, 24.5, 25.0, 26.0, 26.5, 27.0]))));
            }
            for _ in 0..rng.int(1, 3) {
                slate.push((2, hrs(rng.pick(&[24.0, 24.5, 25.0, 26.0]))));
            }
            slate.push((6, hrs(rng.range(8.0, 20.0).floor())));
            match wd {
                0 => {
                    for _ in 0..5 {
                        slate.push((0, hrs(18.0)));
                    }
                    slate.push((0, hrs(21.08)));
                    slate.push((0, hrs(21.42)));
                    slate.push((0, hrs(25.33)));
                    slate.push((3, hrs(14.0)));
                    slate.push((3, hrs(14.0)));
                    slate.push((3, hrs(16.5)));
                }
                1 | 4 => slate.push((0, hrs(25.25))),
                2 | 3 if (d / 7) % 2 == 0 => {
                    slate.push((4, hrs(17.75)));
                    for _ in 0..3 {
                        slate.push((4, hrs(20.0)));
                    }
                }
                6 => {
                    slate.push((3, hrs(12.5)));
                    for _ in 0..3 {
                        slate.push((3, hrs(15.0)));
                    }
                    slate.push((3, hrs(17.5)));
                    slate.push((5, hrs(17.0)));
                    slate.push((5, hrs(20.5)));
                    slate.push((5, hrs(20.5)));
                    slate.push((5, hrs(24.5)));
                }
                _ => {}
            }
        }
        slate.sort_by_key(|s| s.1);
        for (lg, start) in slate {
            let league = &LEAGUES[lg];
            let a = rng.below(league.teams.len());
            let mut b = rng.below(league.teams.len() - 1);
            if b >= a {
                b += 1;
            }
            let (ta, tb) = (league.teams[a], league.teams[b]);
            let title = format!("{ta} vs. {tb}");
            let slug = format!(
                "{}-{}-{}-{}",
                league.slug,
                ta.to_lowercase().replace([' ', '.'], ""),
                tb.to_lowercase().replace([' ', '.'], ""),
                start / DAY
            );
            let mut m = self.blank(Kind::Sports, title, slug, [ta, tb]);
            let dur = (league.hours * 3600.0 * rng.range(0.95, 1.12)) as i64;
            m.league = lg as u8;
            m.teams = [a as u16, b as u16];
            m.start = start;
            m.open = start - rng.int(2 * 24, 5 * 24) * HOUR;
            m.close = start + dur;
            m.pop = league.pop * rng.lognormal(1.0, 0.5);
            m.depth = rng.lognormal(900.0, 0.6) * league.pop.sqrt();
            m.spread = if league.pop < 0.5 { rng.int(1, 3) } else { 1 };
            m.noise = rng.range(0.5, 1.2);
            let l0 = rng.normal() * 0.9;
            let mut l = l0;
            let pre = events_in(rng, m.open, start, 0.25, |r| r.normal() * 0.35);
            let score = events_in(rng, start + 120, start + dur - 60, league.events * DAY as f64 / dur as f64, |r| {
                let s = if r.chance(0.5 + 0.1 * l0.signum()) { 1.0 } else { -1.0 };
                s * league.jump * r.range(0.6, 1.4)
            });
            let mut knots = vec![(m.open, l as f32)];
            walk(rng, &mut knots, &mut l, m.open, start, 20 * MIN, 0.035, &pre, 90);
            let ramp = rng.int(8, 20);
            walk(rng, &mut knots, &mut l, start, start + dur, MIN, 0.03, &score, ramp);
            let from = start + dur * 7 / 10;
            let at_from = interp(&knots, from);
            let target = if rng.chance(sigmoid(at_from)) { 7.0 } else { -7.0 };
            bridge(&mut knots, from, start + dur, target);
            m.knots = knots;
            m.events = pre.into_iter().chain(score).collect();
            let i = self.push_market(m);
            self.games.push(i);
        }
    }

    fn build_crypto(&mut self, rng: &mut Rng) {
        let from = (TAPE_FROM - 2 * DAY).div_euclid(HOUR) * HOUR;
        let to = NOW + 2 * HOUR;
        let specs: [(usize, i64, Kind, u8); 3] =
            [(0, 15 * MIN, Kind::Crypto15, 0), (1, HOUR, Kind::CryptoHour, 0), (2, HOUR, Kind::CryptoHour, 1)];
        for (s, len, kind, asset) in specs {
            let mut t = from;
            while t < to {
                let name = if asset == 0 { "Bitcoin" } else { "Ethereum" };
                let tag = if asset == 0 { "btc" } else { "eth" };
                let et = t - 5 * HOUR;
                let hh = et.rem_euclid(DAY) / HOUR;
                let mm = et.rem_euclid(HOUR) / MIN;
                let (h12, ampm) = if hh == 0 {
                    (12, "AM")
                } else if hh < 12 {
                    (hh, "AM")
                } else if hh == 12 {
                    (12, "PM")
                } else {
                    (hh - 12, "PM")
                };
                let title = format!("{name} Up or Down - {}, {h12}:{mm:02}{ampm} ET", month_day(et));
                let slug = format!("{tag}-updown-{}-{t}", if len == HOUR { "1h" } else { "15m" });
                let mut m = self.blank(kind, title, slug, ["Up", "Down"]);
                m.league = asset;
                m.start = t;
                m.open = t - if len == HOUR { 2 * HOUR } else { 30 * MIN };
                m.close = t + len;
                m.strike = self.log_price(asset as usize, t);
                m.pop = match s {
                    0 => 28.0,
                    1 => 14.0,
                    _ => 9.0,
                } * rng.lognormal(1.0, 0.3);
                m.depth = rng.lognormal(if s == 0 { 350.0 } else { 600.0 }, 0.5);
                m.noise = rng.range(0.9, 1.5);
                let i = self.push_market(m);
                self.series[s].push(i);
                t += len;
            }
        }
        let mut d = (TAPE_FROM - DAY).div_euclid(DAY);
        while d * DAY < NOW + 2 * DAY {
            let close = d * DAY + 17 * HOUR;
            let open = close - 2 * DAY;
            let spot = self.log_price(0, open).exp();
            let base = (spot / 1000.0).round() * 1000.0;
            for k in [-4000.0, -3000.0, -2000.0, -1000.0, 0.0, 1000.0, 2000.0, 3000.0, 4000.0] {
                let strike = base + k;
                let title = format!("Bitcoin above ${:.0},000 on {}?", strike / 1000.0, month_day(close));
                let slug = format!("bitcoin-above-{:.0}k-{}", strike / 1000.0, close / DAY);
                let mut m = self.blank(Kind::Strike, title, slug, ["Yes", "No"]);
                m.start = open;
                m.open = open;
                m.close = close;
                m.strike = strike.ln();
                m.pop = rng.lognormal(0.8, 0.4);
                m.depth = rng.lognormal(500.0, 0.5);
                m.noise = rng.range(0.6, 1.1);
                let i = self.push_market(m);
                self.strikes.push(i);
            }
            d += 1;
        }
    }

    fn build_longs(&mut self, rng: &mut Rng) {
        for (i, title) in LONG_TITLES.iter().enumerate() {
            let slug = format!(
                "{}-{i}",
                title.to_lowercase().split_whitespace().take(6).collect::<Vec<_>>().join("-").replace(['?', ',', '$', ':', '%', '\''], "")
            );
            let mut m = self.blank(Kind::Long, title.to_string(), slug, ["Yes", "No"]);
            m.start = START - rng.int(10, 200) * DAY;
            m.open = m.start;
            m.close = NOW + rng.int(20, 300) * DAY;
            m.pop = rng.lognormal(0.8, 0.7);
            m.depth = rng.lognormal(2500.0, 0.8);
            m.spread = rng.int(1, 2);
            m.noise = rng.range(0.4, 1.0);
            let mut l = rng.normal() * 1.4;
            let rate = rng.range(0.15, 0.5);
            m.events = events_in(rng, START, END, rate, |r| r.normal() * 0.7);
            let mut knots = vec![(START, l as f32)];
            let ramp = rng.int(30, 120);
            walk(rng, &mut knots, &mut l, START, END, 15 * MIN, 0.02, &m.events, ramp);
            m.knots = knots;
            let id = self.push_market(m);
            self.longs.push(id);
        }
        for (fi, (name, names)) in FIELDS.iter().enumerate() {
            let g = self.groups.len() as u32;
            let n = names.len();
            let mut v: Vec<f64> = (0..n).map(|_| rng.normal() * 1.0).collect();
            v[rng.below(n)] += 1.6;
            let mut evs: Vec<Vec<(i64, f32)>> = vec![Vec::new(); n];
            let group_events = events_in(rng, START, END, 0.3, |r| r.normal() * 0.7);
            let mut knots: Vec<Vec<(i64, f32)>> = vec![Vec::new(); n];
            let mut e = 0;
            let mut t = START;
            while t < END {
                for x in v.iter_mut() {
                    *x += 0.02 * rng.normal();
                }
                let mut jumped = None;
                while e < group_events.len() && group_events[e].0 < t + 15 * MIN {
                    let who = rng.below(n);
                    v[who] += group_events[e].1 as f64;
                    jumped = Some((group_events[e].0.max(t + 1), who));
                    e += 1;
                }
                let z: f64 = v.iter().map(|x| x.exp()).sum();
                let tk = match jumped {
                    Some((te, _)) => te + 60,
                    None => t + 15 * MIN,
                };
                for (k, x) in v.iter().enumerate() {
                    let lp = logit(x.exp() / z);
                    if let Some((te, _)) = jumped {
                        let before = knots[k].last().map(|q| q.1).unwrap_or(lp as f32);
                        knots[k].push((te, before));
                        evs[k].push((te, (lp - before as f64) as f32));
                    }
                    knots[k].push((tk, lp as f32));
                }
                t = tk;
            }
            let mut members = Vec::new();
            for (k, cand) in names.iter().enumerate() {
                let title = format!("{name}: {cand}?");
                let slug = format!("{}-{}", name.to_lowercase().replace(' ', "-"), cand.to_lowercase().replace([' ', '.'], "-"));
                let mut m = self.blank(Kind::Long, title, slug, ["Yes", "No"]);
                m.group = g;
                m.slot = k as u8;
                m.start = START - rng.int(10, 90) * DAY;
                m.open = m.start;
                m.close = NOW + rng.int(30, 200) * DAY;
                m.pop = rng.lognormal(0.7, 0.5);
                m.depth = rng.lognormal(1200.0, 0.7);
                m.spread = rng.int(1, 2);
                m.noise = 1.2;
                let mut kn = vec![(START, knots[k][0].1)];
                kn.extend(knots[k].iter().copied().filter(|q| q.0 > START));
                m.knots = kn;
                m.events = std::mem::take(&mut evs[k]).into_iter().filter(|e| e.1.abs() > 0.15).collect();
                let id = self.push_market(m);
                members.push(id);
                self.longs.push(id);
            }
            let _ = fi;
            self.groups.push(members);
        }
        for title in DEADLINE_TITLES {
            let deadline = rng.int(TAPE_FROM + 3 * DAY, NOW + 40 * DAY);
            let title = title.replace("{d}", &month_day(deadline));
            let slug = title.to_lowercase().split_whitespace().take(7).collect::<Vec<_>>().join("-").replace(['?', ',', '$'], "");
            let mut m = self.blank(Kind::Deadline, title, slug, ["Yes", "No"]);
            m.start = START - rng.int(5, 60) * DAY;
            m.open = m.start;
            let p0 = sigmoid(rng.normal() - 1.3);
            let happens = rng.chance(p0 * 0.6);
            let when = if happens { rng.int(START + 5 * DAY, deadline) } else { i64::MAX };
            m.close = if happens { when + 2 * HOUR } else { deadline };
            m.pop = rng.lognormal(1.0, 0.6);
            m.depth = rng.lognormal(1500.0, 0.7);
            m.spread = rng.int(1, 2);
            m.noise = rng.range(0.4, 1.0);
            let mut knots = Vec::new();
            let mut walkv = 0.0f64;
            let mut t = START;
            let span = (deadline - START) as f64;
            while t < m.close.min(END) {
                walkv += 0.025 * rng.normal();
                let left = ((deadline - t) as f64 / span).max(0.0);
                let base = 1.0 - (1.0 - p0).powf(left);
                let mut l = logit(base) + walkv;
                if t >= when {
                    l = 6.5;
                }
                knots.push((t, l as f32));
                if t < when && t + 15 * MIN >= when {
                    knots.push((when, l as f32));
                    m.events.push((when, (6.5 - l) as f32));
                    t = when + 90;
                    continue;
                }
                t += 15 * MIN;
            }
            knots.push((m.close.min(END) + 1, knots.last().map(|k| k.1).unwrap_or(0.0)));
            m.knots = knots;
            let news = events_in(rng, START, m.close.min(END), 0.2, |r| r.normal() * 0.5);
            for e in news {
                m.events.push(e);
            }
            m.events.sort_by_key(|e| e.0);
            let id = self.push_market(m);
            self.longs.push(id);
        }
    }

    fn build_weather(&mut self, rng: &mut Rng) {
        let first = (TAPE_FROM - 2 * DAY).div_euclid(DAY);
        let last = (NOW + DAY).div_euclid(DAY);
        for d in first..=last {
            for (c, &(city, tz, clim, unit)) in CITIES.iter().enumerate() {
                let midnight = d * DAY - tz * HOUR;
                let open = midnight - 2 * DAY;
                let close = midnight + DAY;
                let known = midnight + 17 * HOUR;
                let mut mu = clim + rng.normal() * 4.0;
                let centre = clim.round();
                let edges =
                    [f64::NEG_INFINITY, centre - 5.0, centre - 3.0, centre - 1.0, centre + 1.0, centre + 3.0, centre + 5.0, f64::INFINITY];
                let mut knots: Vec<Vec<(i64, f32)>> = vec![Vec::new(); 7];
                let mut t = open;
                while t <= close {
                    mu += rng.normal() * 0.3;
                    let sd = if t >= known { 0.25 } else { 0.6 + 3.2 * ((known - t) as f64 / (2.7 * DAY as f64)) };
                    for (k, kn) in knots.iter_mut().enumerate() {
                        let p = phi((edges[k + 1] - mu) / sd) - phi((edges[k] - mu) / sd);
                        kn.push((t, logit(p.clamp(0.003, 0.997)) as f32));
                    }
                    t += 20 * MIN;
                }
                let g = self.groups.len() as u32;
                let date = month_day(midnight + 12 * HOUR);
                let mut members = Vec::new();
                for (k, kn) in knots.into_iter().enumerate() {
                    let label = match k {
                        0 => format!("{}{unit} or below", edges[1] - 1.0),
                        6 => format!("{}{unit} or higher", edges[6]),
                        _ => format!("{}-{}{unit}", edges[k], edges[k] + 1.0),
                    };
                    let title = format!("Highest temperature in {city} on {date}? {label}");
                    let slug = format!("highest-temperature-in-{}-on-{}-{k}", city.to_lowercase(), d);
                    let mut m = self.blank(Kind::Weather, title, slug, ["Yes", "No"]);
                    m.league = c as u8;
                    m.slot = k as u8;
                    m.group = g;
                    m.start = midnight;
                    m.open = open;
                    m.close = close;
                    m.pop = rng.lognormal(0.3, 0.5);
                    m.depth = rng.lognormal(180.0, 0.6);
                    m.spread = rng.int(1, 2);
                    m.noise = 2.0;
                    m.knots = kn;
                    members.push(self.push_market(m));
                }
                self.weather.insert((c as u8, d), g);
                self.groups.push(members);
            }
        }
    }

    fn build_culture(&mut self, rng: &mut Rng) {
        let mut t = TAPE_FROM - 6 * DAY;
        while t < NOW {
            t += rng.exp(DAY as f64 / 6.0) as i64 + 1;
            let tpl = rng.pick(CULTURE_TITLES);
            let n = rng.int(2, 60) * 5;
            let f = rng.pick(FILMS);
            let title = tpl.replace("{n}", &n.to_string()).replace("{f}", f);
            let slug = format!(
                "{}-{}",
                title.to_lowercase().split_whitespace().take(6).collect::<Vec<_>>().join("-").replace(['?', '\'', '"', '$', '#', '+'], ""),
                t
            );
            let mut m = self.blank(Kind::Culture, title, slug, ["Yes", "No"]);
            m.start = t;
            m.open = t;
            m.close = t + rng.int(24, 8 * 24) * HOUR;
            m.pop = rng.lognormal(0.6, 0.6);
            m.depth = rng.lognormal(300.0, 0.7);
            m.spread = rng.int(1, 4);
            m.noise = rng.range(0.5, 1.5);
            let mut l = rng.normal() * 1.5 - 0.5;
            m.events = events_in(rng, m.open, m.close, 0.35, |r| r.normal() * 1.0);
            let mut knots = vec![(m.open, l as f32)];
            let ramp = rng.int(20, 90);
            walk(rng, &mut knots, &mut l, m.open, m.close, 30 * MIN, 0.04, &m.events, ramp);
            let from = m.close - (m.close - m.open) / 5;
            let target = if rng.chance(sigmoid(interp(&knots, from))) { 7.0 } else { -7.0 };
            bridge(&mut knots, from, m.close, target);
            m.knots = knots;
            let id = self.push_market(m);
            self.culture.push(id);
        }
    }

    /// Plain facts of a market.
    pub(super) fn info(&self, m: usize) -> Info {
        let k = &self.markets[m];
        Info { kind: k.kind, league: k.league, teams: k.teams, start: k.start, open: k.open, close: k.close }
    }

    /// Outcome 0's fair probability at `t`.
    pub(super) fn prob(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        match mk.kind {
            Kind::Crypto15 | Kind::CryptoHour | Kind::Strike => {
                let a = mk.league as usize;
                if mk.kind != Kind::Strike && t < mk.start {
                    return 0.5;
                }
                let x = self.log_price(a, t.min(mk.close)) - mk.strike;
                let tau = (mk.close - t).max(1) as f64;
                phi(x / (SIGMA[a] * tau.sqrt())).clamp(0.001, 0.999)
            }
            _ => sigmoid(interp(&mk.knots, t)),
        }
    }

    /// Which outcome won (or leads, for a market still open at the path's end).
    pub(super) fn winner(&self, m: usize) -> u8 {
        let c = self.markets[m].close.min(END - 1);
        if self.prob(m, c) >= 0.5 { 0 } else { 1 }
    }

    /// Open for trading at `t`.
    pub(super) fn is_open(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.open && t < mk.close - 2
    }

    /// Best bid and ask in cents for outcome `tok` at `t` (bid 0: nobody bids).
    pub(super) fn quote(&self, m: usize, tok: u8, t: i64) -> (i64, i64) {
        let mk = &self.markets[m];
        let p0 = self.prob(m, t);
        let p = if tok == 0 { p0 } else { 1.0 - p0 };
        let mid = p * 100.0 + mk.noise * hnoise(m, tok, t.div_euclid(20));
        // A bid of 0 is an empty bid side (an outcome nobody will pay a cent for).
        let bid = (mid - mk.spread as f64 / 2.0).round() as i64;
        let bid = bid.clamp(0, 98);
        let ask = (bid + mk.spread).clamp(bid + 1, 99);
        (bid, ask)
    }

    /// The price of outcome `tok` as a person reads it on the page (the midpoint), dollars.
    pub(super) fn mid(&self, m: usize, tok: u8, t: i64) -> f64 {
        let (b, a) = self.quote(m, tok, t);
        (b + a) as f64 / 200.0
    }

    /// The anonymous crowd's taker orders per second in a market at `t`.
    pub(super) fn rate(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        if t < mk.open || t >= mk.close {
            return 0.0;
        }
        let left = (mk.close - t) as f64;
        let life = match mk.kind {
            Kind::Sports => {
                if t >= mk.start {
                    25.0
                } else {
                    0.4 + 3.0 * (-((mk.start - t) as f64) / (8.0 * HOUR as f64)).exp()
                }
            }
            Kind::Crypto15 | Kind::CryptoHour => {
                if t >= mk.start {
                    1.0 + if left < 120.0 { 1.5 } else { 0.0 }
                } else {
                    0.1
                }
            }
            Kind::Strike => 0.6 + 2.0 * (-left / (6.0 * HOUR as f64)).exp(),
            Kind::Long | Kind::Culture => 1.0,
            Kind::Deadline => 1.0 + 3.0 * (-left / (3.0 * DAY as f64)).exp(),
            Kind::Weather => 0.5 + 1.5 * (-left / (12.0 * HOUR as f64)).exp(),
        };
        let mut r = mk.pop * diurnal(t) * life;
        let amp = match mk.kind {
            Kind::Sports => 60.0,
            Kind::Long | Kind::Deadline | Kind::Culture => 400.0,
            _ => 0.0,
        };
        if amp > 0.0 {
            let i = mk.events.partition_point(|e| e.0 <= t);
            for e in mk.events[..i].iter().rev() {
                let age = (t - e.0) as f64;
                if age > 1800.0 {
                    break;
                }
                r += mk.pop * amp * (e.1.abs() as f64) * (-age / 180.0).exp();
            }
        }
        r / 3600.0
    }

    /// The latest event in a market within `within` seconds before `t`.
    pub(super) fn recent_event(&self, m: usize, t: i64, within: i64) -> Option<(i64, f32)> {
        let ev = &self.markets[m].events;
        let i = ev.partition_point(|e| e.0 <= t);
        if i > 0 && t - ev[i - 1].0 <= within { Some(ev[i - 1]) } else { None }
    }

    fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A crowd wallet, the busiest most often.
    pub(super) fn crowd_wallet(&mut self) -> u32 {
        let total = *self.crowd_cdf.last().unwrap_or(&1.0);
        let x = self.rng.f() * total;
        let i = self.crowd_cdf.partition_point(|&c| c <= x).min(self.crowd.len() - 1);
        self.crowd[i]
    }

    fn depth_at(&mut self, m: usize, level: i64, tick: i64) -> f64 {
        let d = self.markets[m].depth;
        let extreme = if !(6..=94).contains(&tick) { 2.5 } else { 1.0 };
        let v = d * (1.0 + 0.6 * level as f64) * extreme * self.rng.lognormal(1.0, 0.5);
        (v * 100.0).round() / 100.0
    }

    /// A marketable order walking the anonymous book up to `lim` cents (a buy) or down to it (a
    /// sell): one fill per level, one transaction. None when nothing fills or the market is shut.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn take(&mut self, w: u32, m: usize, tok: u8, buy: bool, amt: Amt, lim: i64, t: i64) -> Option<Exec> {
        if !self.is_open(m, t) {
            return None;
        }
        let (bid, ask) = self.quote(m, tok, t);
        let first = if buy { ask } else { bid };
        if first < 1 || (buy && first > lim) || (!buy && first < lim) {
            return None;
        }
        let p0 = first as f64 / 100.0;
        let (mut usd, mut sh) = match amt {
            Amt::Usd(u) => (Some(u.max(1.0).max(5.0 * p0 + 0.01)), None),
            Amt::Sh(s) => {
                let s = (s * 100.0).floor() / 100.0;
                if s < 5.0 {
                    return None;
                }
                if buy && s * p0 < 1.0 { (None, Some((1.0 / p0).ceil())) } else { (None, Some(s)) }
            }
        };
        let tx = self.tx();
        let mut got = 0.0;
        for level in 0..12i64 {
            let tick = if buy { first + level } else { first - level };
            if !(1..=99).contains(&tick) || (buy && tick > lim) || (!buy && tick < lim) {
                break;
            }
            let d = self.depth_at(m, level, tick);
            let price = tick as f64 / 100.0;
            let fill = match (usd, sh) {
                (Some(u), _) => (d.min(u / price) * 1e6).floor() / 1e6,
                (_, Some(s)) => d.min(s),
                _ => 0.0,
            };
            if fill < 0.01 {
                break;
            }
            self.fills.push(Fill {
                w,
                m: m as u32,
                tok,
                buy,
                tick: tick as u8,
                level: level as u8,
                maker: false,
                paired: false,
                micro: (fill * 1e6).round() as i64,
                t,
                tx,
            });
            got += fill;
            if let Some(u) = usd.as_mut() {
                *u -= fill * price;
                if *u < 0.01 {
                    break;
                }
            }
            if let Some(s) = sh.as_mut() {
                *s = ((*s - fill) * 100.0).round() / 100.0;
                if *s < 0.01 {
                    break;
                }
            }
        }
        if got <= 0.0 {
            return None;
        }
        Some(Exec { shares: got })
    }

    /// A marketable order with `slip` cents of tolerance past the best price.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn take_slip(&mut self, w: u32, m: usize, tok: u8, buy: bool, amt: Amt, slip: i64, t: i64) -> Option<Exec> {
        if !self.is_open(m, t) {
            return None;
        }
        let (bid, ask) = self.quote(m, tok, t);
        let lim = if buy { ask + slip } else { bid - slip };
        self.take(w, m, tok, buy, amt, lim, t)
    }

    #[allow(clippy::too_many_arguments)]
    fn push_pair(&mut self, maker: u32, taker: u32, m: usize, tok: u8, maker_buys: bool, tick: i64, sh: f64, t: i64) {
        let tx = self.tx();
        let micro = (sh * 1e6).round() as i64;
        self.fills.push(Fill {
            w: maker,
            m: m as u32,
            tok,
            buy: maker_buys,
            tick: tick as u8,
            level: 0,
            maker: true,
            paired: true,
            micro,
            t,
            tx,
        });
        // The taker either takes the other side of the same token, or (a mint or merge) the same
        // side of the other token at the complementary price.
        let (ttok, tbuy, ttick) = if self.rng.chance(0.6) { (tok, !maker_buys, tick) } else { (1 - tok, maker_buys, 100 - tick) };
        self.fills.push(Fill {
            w: taker,
            m: m as u32,
            tok: ttok,
            buy: tbuy,
            tick: ttick as u8,
            level: 0,
            maker: false,
            paired: true,
            micro,
            t,
            tx,
        });
    }

    /// A resting limit order from `t0` until `t1`, filled in pieces as takers from the crowd
    /// arrive while it is at the top of the book (or all at once when the price runs through it).
    /// Returns the shares filled and the time of the last fill.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn rest(&mut self, w: u32, m: usize, tok: u8, buy: bool, tick: i64, shares: f64, t0: i64, t1: i64) -> (f64, i64) {
        let tick = tick.clamp(1, 99);
        let mut rem = (shares * 100.0).floor() / 100.0;
        if rem < 5.0 {
            return (0.0, t0);
        }
        let end = t1.min(self.markets[m].close - 2);
        let mut t = t0;
        let mut got = 0.0;
        let mut last = t0;
        while t < end && rem >= 0.01 {
            let (bid, ask) = self.quote(m, tok, t);
            let through = if buy { ask <= tick } else { bid >= tick };
            if through && t > t0 {
                let c = self.crowd_wallet();
                self.push_pair(w, c, m, tok, buy, tick, rem, t);
                got += rem;
                last = t;
                break;
            }
            let top = if buy { tick > bid } else { tick < ask };
            let queue = if buy { tick == bid } else { tick == ask };
            let share = if top {
                1.0
            } else if queue {
                0.3
            } else {
                0.0
            };
            if share == 0.0 {
                t += self.rng.int(180, 420);
                continue;
            }
            let r = (self.rate(m, t) * 0.5 * share).max(1e-6);
            let dt = self.rng.exp(1.0 / r);
            if dt > 600.0 {
                t += 600;
                continue;
            }
            t += dt.max(1.0) as i64;
            if t >= end {
                break;
            }
            let (bid, ask) = self.quote(m, tok, t);
            let still = if buy { tick >= bid } else { tick <= ask };
            if !still {
                continue;
            }
            let want = self.rng.lognormal((shares * 0.08).max(30.0), 1.0);
            let sh = ((want.min(rem)) * 100.0).round() / 100.0;
            if sh < 0.01 {
                continue;
            }
            let c = self.crowd_wallet();
            self.push_pair(w, c, m, tok, buy, tick, sh, t);
            rem = ((rem - sh) * 100.0).round() / 100.0;
            got += sh;
            last = t;
        }
        (got, last)
    }

    /// Two named wallets trading with each other in one transaction (`taker` buys when
    /// `taker_buys`), at `tick`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn cross(&mut self, taker: u32, maker: u32, m: usize, tok: u8, taker_buys: bool, tick: i64, sh: f64, t: i64) {
        if !self.is_open(m, t) {
            return;
        }
        let tx = self.tx();
        let micro = (sh * 100.0).round() as i64 * 10_000;
        self.fills.push(Fill {
            w: taker,
            m: m as u32,
            tok,
            buy: taker_buys,
            tick: tick as u8,
            level: 0,
            maker: false,
            paired: true,
            micro,
            t,
            tx,
        });
        self.fills.push(Fill {
            w: maker,
            m: m as u32,
            tok,
            buy: !taker_buys,
            tick: tick as u8,
            level: 0,
            maker: true,
            paired: true,
            micro,
            t,
            tx,
        });
    }

    /// The crowd's taker orders in every market over the tape's span.
    pub(super) fn crowd(&mut self) {
        for m in 0..self.markets.len() {
            let (open, close, kind) = {
                let k = &self.markets[m];
                (k.open, k.close, k.kind)
            };
            let from = open.max(TAPE_FROM);
            let to = close.min(NOW);
            if from >= to {
                continue;
            }
            let median = match kind {
                Kind::Sports => 25.0,
                Kind::Crypto15 | Kind::CryptoHour => 12.0,
                Kind::Strike => 20.0,
                Kind::Long | Kind::Deadline => 40.0,
                Kind::Weather | Kind::Culture => 10.0,
            };
            let mut t = from;
            while t < to {
                let fine = matches!(kind, Kind::Crypto15 | Kind::CryptoHour) || (kind == Kind::Sports && t >= self.markets[m].start - HOUR);
                let bin = if fine { MIN } else { 5 * MIN };
                let end = (t + bin).min(to);
                let lambda = self.rate(m, t) * (end - t) as f64;
                let n = self.rng.poisson(lambda);
                for _ in 0..n {
                    let at = self.rng.int(t, end - 1);
                    self.crowd_order(m, at, median);
                }
                t = end;
            }
        }
    }

    fn crowd_order(&mut self, m: usize, t: i64, median: f64) {
        let c = self.crowd_wallet();
        let p0 = self.prob(m, t);
        let mut tok = if self.rng.chance(0.5 + 0.25 * (p0 - 0.5)) { 0 } else { 1 };
        if let Some((_, j)) = self.recent_event(m, t, 600)
            && self.rng.chance(0.75)
        {
            tok = if j > 0.0 { 0 } else { 1 };
        }
        let buy = self.rng.chance(0.62);
        let usd = self.rng.lognormal(median, 1.3).clamp(1.0, 60_000.0);
        let slip = self.rng.int(1, 6);
        if buy {
            self.take_slip(c, m, tok, true, Amt::Usd(usd), slip, t);
        } else {
            let (bid, _) = self.quote(m, tok, t);
            if bid < 1 {
                return;
            }
            let sh = (usd / (bid as f64 / 100.0)).max(5.0);
            self.take_slip(c, m, tok, false, Amt::Sh(sh), slip, t);
        }
    }

    /// Indexes the orders of every leader (after the leaders have traded).
    pub(super) fn index_leaders(&mut self) {
        let ids: std::collections::HashSet<u32> = self.leaders.iter().map(|l| l.0).collect();
        let mut map: HashMap<u32, Vec<Order>> = HashMap::new();
        let mut i = 0;
        while i < self.fills.len() {
            let f = self.fills[i];
            let mut j = i + 1;
            while j < self.fills.len() && self.fills[j].tx == f.tx {
                j += 1;
            }
            if ids.contains(&f.w) {
                let mine: Vec<&Fill> = self.fills[i..j].iter().filter(|g| g.w == f.w).collect();
                let sh: f64 = mine.iter().map(|g| g.micro as f64 / 1e6).sum();
                let cost: f64 = mine.iter().map(|g| g.micro as f64 / 1e6 * g.tick as f64 / 100.0).sum();
                if sh > 0.0 {
                    map.entry(f.w).or_default().push(Order {
                        t: f.t,
                        m: f.m as usize,
                        tok: f.tok,
                        buy: f.buy,
                        shares: sh,
                        price: cost / sh,
                    });
                }
            }
            i = j;
        }
        for v in map.values_mut() {
            v.sort_by_key(|o| o.t);
        }
        self.lead_orders = map;
    }

    /// A leader drawn by popularity.
    pub(super) fn pick_leader(&self, rng: &mut Rng) -> u32 {
        let w: Vec<f64> = self.leaders.iter().map(|l| l.1).collect();
        self.leaders[rng.weighted(&w)].0
    }

    /// Serves every market maker: each first-level taker fill in its markets that has no named
    /// counterparty yet is, with its share, against the maker's quote.
    pub(super) fn serve_makers(&mut self) {
        let specs = std::mem::take(&mut self.makers);
        let mut by_market: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, s) in specs.iter().enumerate() {
            for &m in &s.markets {
                by_market.entry(m as u32).or_default().push(i);
            }
        }
        let mut inventory: HashMap<(usize, u32, u8), f64> = HashMap::new();
        let n = self.fills.len();
        for i in 0..n {
            let f = self.fills[i];
            if f.maker || f.paired || f.level != 0 {
                continue;
            }
            let Some(list) = by_market.get(&f.m) else { continue };
            for &si in list {
                let s = &specs[si];
                if s.w == f.w || s.down.iter().any(|d| f.t >= d.0 && f.t < d.1) || !self.rng.chance(s.share) {
                    continue;
                }
                let size = (f.micro as f64 / 1e6).min(s.quote);
                let micro = (size * 1e6).round() as i64;
                // Against a taker buying outcome k the maker sells k when it holds it, otherwise
                // buys the other outcome (the pair is minted); the mirror for a taker sale.
                let k = f.tok;
                let held = *inventory.get(&(si, f.m, k)).unwrap_or(&0.0);
                let (tok, buy, tick) = if f.buy {
                    if held >= size { (k, false, f.tick) } else { (1 - k, true, 100 - f.tick) }
                } else {
                    let other = *inventory.get(&(si, f.m, 1 - k)).unwrap_or(&0.0);
                    if other >= size { (1 - k, false, 100 - f.tick) } else { (k, true, f.tick) }
                };
                let e = inventory.entry((si, f.m, tok)).or_insert(0.0);
                *e += if buy { size } else { -size };
                self.fills.push(Fill { w: s.w, m: f.m, tok, buy, tick, level: 0, maker: true, paired: true, micro, t: f.t, tx: f.tx });
                self.fills[i].paired = true;
                break;
            }
        }
    }

    /// The transaction hash of a transaction id.
    pub(super) fn tx_hash(&self, tx: u64) -> String {
        hex(mix(self.seed ^ 0x7A5E_0000) ^ tx.wrapping_mul(0x9FB2_1C65_1E98_DF25), 64)
    }
}
