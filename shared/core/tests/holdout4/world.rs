//! The simulated Polymarket behind holdout v4: its clock and time zones, its markets (crypto
//! up/down rounds and daily strikes on a simulated spot price, sports games with in-play swings,
//! politics and the 2026 midterms, economic releases, culture, weather, tweet counts and mention
//! markets), a quoted book per outcome token (a spread on the 0.01 tick and depth per level),
//! and the fills every order leaves: one row per fill, taker and maker alike, the fills of one
//! order sharing a transaction hash.

use std::collections::HashMap;

/// The frozen seed every random draw of holdout v4 descends from.
pub const SEED: u64 = 0x4f1d_c0de_2026_1120;
/// One day in seconds.
pub const DAY: i64 = 86_400;
/// The end of the simulated world: 2026-11-20T00:00:00Z, a Friday.
pub const NOW: i64 = 1_795_132_800;
/// The world starts 45 days before [`NOW`].
pub const WORLD_START: i64 = NOW - 45 * DAY;
/// The labelled history and the tape cover the last 30 days.
pub const WINDOW_START: i64 = NOW - 30 * DAY;
/// US daylight saving time ended on 2026-11-01 at 2am EDT.
const US_DST_END: i64 = 1_793_512_800;
/// European summer time ended on 2026-10-25 at 01:00 UTC.
const EU_DST_END: i64 = 1_792_890_000;
/// Election day of the 2026 US midterms (midnight UTC of 3 November).
pub const ELECTION_DAY: i64 = 1_793_664_000;

/// Ids of the unlabelled people whom copy bots and hand copiers follow.
pub const LEADER_BASE: u32 = 1_000_000;
/// Ids of extra wallets a behaviour brings with it (a wash farm's other wallets).
pub const SIBLING_BASE: u32 = 2_000_000;
/// Ids of the unlabelled liquidity providers resting in every book.
const LP_BASE: u32 = 3_000_000;
/// How many liquidity providers there are.
const LP_N: u32 = 420;
/// Ids of the unlabelled crowd.
const CROWD_BASE: u32 = 4_000_000;
/// How many crowd wallets there are.
const CROWD_N: u32 = 30_000;
/// Scales the crowd's order flow in every market (keeps the tape within its budget).
const CROWD_SCALE: f64 = 0.55;

// ---------------------------------------------------------------------------------------------
// Random numbers

/// splitmix64's output function: a bijective 64-bit mix.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A splitmix64 generator.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator of the stream named by `a` and `b` under [`SEED`].
    pub fn stream(a: u64, b: u64) -> Rng {
        Rng(mix(SEED ^ mix(a.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ mix(b.wrapping_add(0x9e37_79b9_7f4a_7c15)))))
    }

    /// The next 64 random bits.
    pub fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }

    /// Uniform integer in [lo, hi].
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.u64() % (hi - lo + 1) as u64) as i64 }
    }

    /// Uniform index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.u64() % n as u64) as usize }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }

    /// A standard normal draw (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.f().max(1e-300);
        let v = self.f();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// A log-normal draw with the given median and log-sd.
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    /// An exponential draw with the given mean.
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-300).ln()
    }

    /// A Poisson draw.
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as u32;
        }
        let limit = (-lambda).exp();
        let (mut k, mut p) = (0u32, self.f());
        while p > limit {
            k += 1;
            p *= self.f();
        }
        k
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index drawn in proportion to `weights`.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.f() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct indices below `n`, in random order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all
    }
}

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17).
pub fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let d = (-x * x / 2.0).exp() / std::f64::consts::TAU.sqrt();
    let p = d * t * (0.319_381_53 + t * (-0.356_563_782 + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    if x >= 0.0 { 1.0 - p } else { p }
}

/// The inverse of [`phi`], by bisection.
pub fn phi_inv(p: f64) -> f64 {
    let (mut lo, mut hi) = (-9.0, 9.0);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if phi(mid) < p { lo = mid } else { hi = mid }
    }
    (lo + hi) / 2.0
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn expit(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

// ---------------------------------------------------------------------------------------------
// Clock and time zones

/// Which daylight-saving rule a zone follows (only its autumn end falls in the world).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dst {
    /// No change in the window.
    No,
    /// United States: summer time until 1 November.
    Us,
    /// Europe: summer time until 25 October.
    Eu,
}

/// A time zone: its standard offset from UTC and its summer-time rule.
#[derive(Clone, Copy, Debug)]
pub struct Tz {
    /// Standard offset in minutes east of UTC.
    pub std_min: i64,
    /// Summer-time rule.
    pub dst: Dst,
}

impl Tz {
    /// The offset in seconds at `t`.
    pub fn offset(self, t: i64) -> i64 {
        let summer = match self.dst {
            Dst::No => false,
            Dst::Us => t < US_DST_END,
            Dst::Eu => t < EU_DST_END,
        };
        self.std_min * 60 + if summer { 3600 } else { 0 }
    }

    /// The local calendar day of `t` (days since the epoch).
    pub fn day(self, t: i64) -> i64 {
        (t + self.offset(t)).div_euclid(DAY)
    }

    /// The local hour of `t`, fractional.
    pub fn hour(self, t: i64) -> f64 {
        (t + self.offset(t)).rem_euclid(DAY) as f64 / 3600.0
    }

    /// The instant of local `hour` (may exceed 24) on local `day`.
    pub fn at(self, day: i64, hour: f64) -> i64 {
        let naive = day * DAY + (hour * 3600.0) as i64;
        naive - self.offset(naive - self.std_min * 60)
    }
}

/// New York.
pub const ET: Tz = Tz { std_min: -300, dst: Dst::Us };
/// London.
pub const UK: Tz = Tz { std_min: 0, dst: Dst::Eu };
/// Paris, Berlin, Madrid, Turin.
pub const CET: Tz = Tz { std_min: 60, dst: Dst::Eu };

/// Zones people live in, with how common each is among Polymarket users.
pub const REGIONS: &[(Tz, f64)] = &[
    (ET, 26.0),
    (Tz { std_min: -360, dst: Dst::Us }, 9.0),
    (Tz { std_min: -480, dst: Dst::Us }, 12.0),
    (UK, 8.0),
    (CET, 13.0),
    (Tz { std_min: 120, dst: Dst::Eu }, 3.0),
    (Tz { std_min: 180, dst: Dst::No }, 4.0),
    (Tz { std_min: -180, dst: Dst::No }, 5.0),
    (Tz { std_min: 330, dst: Dst::No }, 3.0),
    (Tz { std_min: 420, dst: Dst::No }, 3.0),
    (Tz { std_min: 480, dst: Dst::No }, 8.0),
    (Tz { std_min: 540, dst: Dst::No }, 3.0),
    (Tz { std_min: 660, dst: Dst::No }, 3.0),
];

/// Monday is 0.
pub fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// Month name and day of month of a UTC day number, e.g. ("November", 12).
pub fn month_day(day: i64) -> (&'static str, i64) {
    let date = copycat_core::time::from_secs(day * DAY).date_naive();
    use chrono::Datelike;
    let month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        [date.month0() as usize];
    (month, i64::from(date.day()))
}

/// "3:15PM" or "3PM" in New York time.
fn et_clock(t: i64, minutes: bool) -> String {
    let h = ET.hour(t);
    let hh = h.floor() as i64;
    let mm = ((h - hh as f64) * 60.0).round() as i64;
    let (h12, ampm) = (if hh % 12 == 0 { 12 } else { hh % 12 }, if hh < 12 { "AM" } else { "PM" });
    if minutes { format!("{h12}:{mm:02}{ampm}") } else { format!("{h12}{ampm}") }
}

/// A night-and-day profile of everyone trading, peaking in the American afternoon and evening.
pub fn diurnal(t: i64) -> f64 {
    let h = t.rem_euclid(DAY) as f64 / 3600.0;
    0.4 + 0.6 * (0.5 + 0.5 * (std::f64::consts::TAU * (h - 21.0) / 24.0).cos())
}

// ---------------------------------------------------------------------------------------------
// Markets

/// What a market is about: it decides its price path, its flow and who trades it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A crypto up/down round (15 minutes or an hour).
    Round,
    /// A daily crypto strike ("Bitcoin above 96,000 on November 12?").
    Daily,
    /// A sports game, traded before and during play.
    Game,
    /// Long-dated politics.
    Politics,
    /// A 2026 midterm race or chamber.
    Election,
    /// An economic release bracket or a Fed decision.
    Econ,
    /// Long-dated culture (awards, person of the year, streaming).
    Culture,
    /// A daily high-temperature bracket.
    Weather,
    /// A weekly tweet-count bracket.
    Tweets,
    /// Will a word be said during a live event.
    Mentions,
}

/// How many kinds there are.
pub const KINDS: usize = 10;

/// Where a market's price comes from.
pub enum Path {
    /// Knots (time, mid price of outcome 0), each held until the next.
    Knots(Vec<(i64, f32)>),
    /// A crypto asset against a strike at close: the chance spot ends at or above it.
    Spot {
        /// Index into [`ASSETS`].
        asset: usize,
        /// The strike.
        strike: f64,
    },
}

/// Price knots: (time, mid price of outcome 0).
type Knots = Vec<(i64, f32)>;
/// An economic release: name, time, (label, from, to) brackets, the actual value, the forecast's sd a month out.
type Release<'a> = (&'a str, i64, &'a [(&'a str, f64, f64)], f64, f64);
/// A multi-outcome culture question: name, close, (member, starting price).
type Group<'a> = (&'a str, i64, &'a [(&'a str, f64)]);

/// One binary market: two outcome tokens and a condition.
pub struct Market {
    /// What it is about.
    pub kind: Kind,
    /// The question.
    pub title: String,
    /// The URL slug.
    pub slug: String,
    /// The outcome labels, index 0 and 1.
    pub outcomes: [String; 2],
    /// Trading opens.
    pub open: i64,
    /// Play, the round, the count or the live event starts (otherwise `open`).
    pub start: i64,
    /// Trading stops.
    pub close: i64,
    /// When the result became known to everyone watching.
    pub decided: i64,
    /// The winning outcome (for markets still open at NOW, the one ahead).
    pub winner: u8,
    /// The price path.
    pub path: Path,
    /// The quoted spread in ticks around an even price.
    pub spread: u8,
    /// Typical shares resting per price level.
    pub depth: f32,
    /// A per-market multiplier of the crowd's flow.
    pub rate: f32,
    /// The neg-risk event it belongs to, if any (index into `World::events`).
    pub event: Option<usize>,
    /// The liquidity providers resting in its book.
    pub lps: [u32; 3],
    /// Asset, league, city or topic index, by kind.
    pub tag: usize,
    /// Sudden repricings (score, call, release, word said): time and the new mid of outcome 0.
    pub jumps: Vec<(i64, f32)>,
}

/// The crypto assets with up/down rounds.
pub const ASSETS: [&str; 4] = ["Bitcoin", "Ethereum", "Solana", "XRP"];
const TICKERS: [&str; 4] = ["btc", "eth", "sol", "xrp"];
const SPOT0: [f64; 4] = [97_000.0, 3_450.0, 182.0, 2.35];
const VOL: [f64; 4] = [0.48, 0.62, 0.82, 0.86];
/// Spot is simulated every 10 seconds.
pub const SPOT_STEP: i64 = 10;
/// The book of a round lags spot by this much (market makers requote after the move).
pub const BOOK_LAG: i64 = 10;
/// Background flow per hour in 15-minute and hourly rounds, per asset.
const ROUND_FLOW: [[f64; 2]; 4] = [[10.0, 5.0], [6.0, 2.5], [2.5, 1.2], [2.0, 1.0]];
/// Depth per level in rounds, per asset.
const ROUND_DEPTH: [f32; 4] = [900.0, 450.0, 180.0, 140.0];

/// Per-second volatility of an asset.
pub fn sigma_sec(asset: usize) -> f64 {
    VOL[asset] / ((365 * DAY) as f64).sqrt()
}

/// A sports league: its teams, its schedule and how its games move.
pub struct League {
    /// Short code used in slugs.
    pub code: &'static str,
    /// Team or player names.
    pub teams: &'static [&'static str],
    tz: Tz,
    /// (weekday, local hour, games) slots.
    slots: &'static [(i64, f64, u32)],
    /// Only on these days (UTC day numbers relative to WORLD_START) when non-empty.
    dates: &'static [(i64, i64)],
    minutes: i64,
    live_rate: f32,
    depth: f32,
    spread: u8,
    /// Scoring events per game and the share of variance that comes from steady play.
    events: f64,
    steady: f64,
    /// Soccer-style yes/no market on the home side winning.
    yes_no: bool,
    pre_days: i64,
}

const EVERY: i64 = 7;

/// The leagues Polymarket lists in October and November.
pub const LEAGUES: &[League] = &[
    League {
        code: "nba",
        teams: &[
            "Lakers",
            "Celtics",
            "Warriors",
            "Knicks",
            "Nuggets",
            "Bucks",
            "76ers",
            "Suns",
            "Heat",
            "Mavericks",
            "Thunder",
            "Cavaliers",
            "Timberwolves",
            "Clippers",
            "Kings",
            "Pacers",
            "Magic",
            "Grizzlies",
            "Rockets",
            "Pelicans",
            "Hawks",
            "Bulls",
            "Nets",
            "Raptors",
            "Spurs",
            "Jazz",
            "Trail Blazers",
            "Hornets",
            "Pistons",
            "Wizards",
        ],
        tz: ET,
        slots: &[(EVERY, 19.0, 2), (EVERY, 19.5, 1), (EVERY, 20.0, 1), (EVERY, 22.0, 1), (5, 15.5, 1), (6, 15.5, 1)],
        dates: &[(14, 45)],
        minutes: 150,
        live_rate: 12.0,
        depth: 1500.0,
        spread: 1,
        events: 30.0,
        steady: 0.75,
        yes_no: false,
        pre_days: 2,
    },
    League {
        code: "nfl",
        teams: &[
            "Chiefs",
            "Eagles",
            "Bills",
            "Ravens",
            "49ers",
            "Lions",
            "Cowboys",
            "Packers",
            "Bengals",
            "Dolphins",
            "Jets",
            "Steelers",
            "Chargers",
            "Texans",
            "Vikings",
            "Rams",
            "Buccaneers",
            "Seahawks",
            "Falcons",
            "Bears",
            "Browns",
            "Colts",
            "Jaguars",
            "Commanders",
            "Saints",
            "Broncos",
            "Raiders",
            "Giants",
            "Cardinals",
            "Titans",
            "Panthers",
            "Patriots",
        ],
        tz: ET,
        slots: &[(6, 13.0, 7), (6, 16.4, 3), (6, 20.33, 1), (0, 20.25, 1), (3, 20.25, 1)],
        dates: &[],
        minutes: 195,
        live_rate: 24.0,
        depth: 4000.0,
        spread: 1,
        events: 8.0,
        steady: 0.25,
        yes_no: false,
        pre_days: 6,
    },
    League {
        code: "nhl",
        teams: &[
            "Rangers",
            "Bruins",
            "Maple Leafs",
            "Panthers",
            "Oilers",
            "Avalanche",
            "Stars",
            "Golden Knights",
            "Hurricanes",
            "Devils",
            "Lightning",
            "Jets",
            "Kings",
            "Canucks",
            "Wild",
            "Predators",
            "Islanders",
            "Capitals",
            "Penguins",
            "Red Wings",
            "Flames",
            "Senators",
            "Blues",
            "Kraken",
        ],
        tz: ET,
        slots: &[(EVERY, 19.0, 2), (EVERY, 22.0, 1)],
        dates: &[],
        minutes: 160,
        live_rate: 6.0,
        depth: 600.0,
        spread: 2,
        events: 6.0,
        steady: 0.15,
        yes_no: false,
        pre_days: 2,
    },
    League {
        code: "cfb",
        teams: &[
            "Georgia",
            "Ohio State",
            "Texas",
            "Alabama",
            "Michigan",
            "Oregon",
            "Penn State",
            "Notre Dame",
            "LSU",
            "Tennessee",
            "Ole Miss",
            "Miami",
            "Clemson",
            "Oklahoma",
            "USC",
            "Florida State",
            "Utah",
            "Missouri",
            "Texas A&M",
            "Kansas State",
        ],
        tz: ET,
        slots: &[(5, 12.0, 3), (5, 15.5, 3), (5, 19.5, 2)],
        dates: &[],
        minutes: 210,
        live_rate: 9.0,
        depth: 1200.0,
        spread: 1,
        events: 9.0,
        steady: 0.25,
        yes_no: false,
        pre_days: 5,
    },
    League {
        code: "epl",
        teams: &[
            "Arsenal",
            "Manchester City",
            "Liverpool",
            "Chelsea",
            "Tottenham",
            "Manchester United",
            "Newcastle",
            "Aston Villa",
            "Brighton",
            "West Ham",
            "Crystal Palace",
            "Fulham",
            "Brentford",
            "Wolves",
            "Everton",
            "Bournemouth",
            "Nottingham Forest",
            "Leeds",
            "Burnley",
            "Sunderland",
        ],
        tz: UK,
        slots: &[(5, 15.0, 4), (5, 12.5, 1), (5, 17.5, 1), (6, 14.0, 2), (6, 16.5, 1)],
        dates: &[(0, 33), (42, 45)],
        minutes: 115,
        live_rate: 12.0,
        depth: 2000.0,
        spread: 1,
        events: 2.7,
        steady: 0.1,
        yes_no: true,
        pre_days: 4,
    },
    League {
        code: "lal",
        teams: &[
            "Real Madrid",
            "Barcelona",
            "Atletico Madrid",
            "Athletic Club",
            "Real Sociedad",
            "Villarreal",
            "Real Betis",
            "Sevilla",
            "Valencia",
            "Girona",
            "Celta Vigo",
            "Osasuna",
            "Mallorca",
            "Getafe",
        ],
        tz: CET,
        slots: &[(5, 14.0, 1), (5, 16.25, 1), (5, 18.5, 1), (5, 21.0, 1), (6, 14.0, 1), (6, 16.25, 1), (6, 18.5, 1), (6, 21.0, 1)],
        dates: &[(0, 33), (42, 45)],
        minutes: 115,
        live_rate: 6.0,
        depth: 900.0,
        spread: 2,
        events: 2.6,
        steady: 0.1,
        yes_no: true,
        pre_days: 4,
    },
    League {
        code: "ucl",
        teams: &[
            "Real Madrid",
            "Bayern Munich",
            "Manchester City",
            "PSG",
            "Inter",
            "Arsenal",
            "Barcelona",
            "Liverpool",
            "Dortmund",
            "Atletico Madrid",
            "Juventus",
            "Benfica",
            "Napoli",
            "Chelsea",
            "Porto",
            "Leverkusen",
            "Milan",
            "Sporting CP",
            "Club Brugge",
            "PSV",
        ],
        tz: CET,
        slots: &[(1, 18.75, 1), (1, 21.0, 4), (2, 18.75, 1), (2, 21.0, 4)],
        dates: &[(0, 3), (14, 17), (28, 31)],
        minutes: 115,
        live_rate: 14.0,
        depth: 2500.0,
        spread: 1,
        events: 2.8,
        steady: 0.1,
        yes_no: true,
        pre_days: 4,
    },
    League {
        code: "atp",
        teams: &[
            "Sinner",
            "Alcaraz",
            "Zverev",
            "Djokovic",
            "Fritz",
            "Draper",
            "Medvedev",
            "de Minaur",
            "Rune",
            "Shelton",
            "Ruud",
            "Musetti",
            "Tsitsipas",
            "Paul",
            "Mensik",
            "Fonseca",
        ],
        tz: CET,
        slots: &[(EVERY, 11.0, 2), (EVERY, 14.0, 2), (EVERY, 20.0, 1)],
        dates: &[(9, 16), (16, 23), (29, 37)],
        minutes: 120,
        live_rate: 5.0,
        depth: 700.0,
        spread: 2,
        events: 10.0,
        steady: 0.2,
        yes_no: false,
        pre_days: 1,
    },
    League {
        code: "ufc",
        teams: &[
            "Pereira",
            "Makhachev",
            "Topuria",
            "Du Plessis",
            "Chimaev",
            "Aspinall",
            "Jones",
            "Adesanya",
            "O'Malley",
            "Holloway",
            "Gaethje",
            "Poirier",
            "Oliveira",
            "Volkanovski",
            "Edwards",
            "Della Maddalena",
            "Ankalaev",
            "Strickland",
            "Pantoja",
            "Dvalishvili",
        ],
        tz: ET,
        slots: &[(5, 22.0, 1), (5, 22.5, 1), (5, 23.0, 1), (5, 23.5, 1), (5, 24.0, 1)],
        dates: &[(4, 5), (18, 19), (32, 33), (39, 40)],
        minutes: 22,
        live_rate: 22.0,
        depth: 1500.0,
        spread: 1,
        events: 0.7,
        steady: 0.15,
        yes_no: false,
        pre_days: 5,
    },
    League {
        code: "cs2",
        teams: &["Vitality", "NAVI", "FaZe", "MOUZ", "Spirit", "G2", "Falcons", "The MongolZ", "Aurora", "Liquid", "FURIA", "Astralis"],
        tz: CET,
        slots: &[(EVERY, 15.0, 1), (EVERY, 18.0, 1)],
        dates: &[],
        minutes: 120,
        live_rate: 4.0,
        depth: 300.0,
        spread: 2,
        events: 3.0,
        steady: 0.2,
        yes_no: false,
        pre_days: 1,
    },
];

impl League {
    /// `n` distinct teams of the league.
    pub fn teams_sample(&self, r: &mut Rng, n: usize) -> Vec<&'static str> {
        r.sample(self.teams.len(), n).into_iter().map(|i| self.teams[i]).collect()
    }
}

/// Index of a league in [`LEAGUES`] by code.
pub fn league(code: &str) -> usize {
    LEAGUES.iter().position(|l| l.code == code).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Fills

/// One fill as the generator keeps it (turned into a `Trade` at the end).
#[derive(Clone, Copy, Debug)]
pub struct Row {
    /// Unix seconds.
    pub ts: i64,
    /// The transaction (one per taker order).
    pub tx: u64,
    /// Hundredths of a share.
    pub sz: u32,
    /// Wallet id.
    pub w: u32,
    /// Market index.
    pub m: u32,
    /// Price in cents.
    pub px: u8,
    /// Outcome index.
    pub tok: u8,
    /// A buy.
    pub buy: bool,
    /// The taker side of the match.
    pub taker: bool,
}

/// Who places an order where, when.
#[derive(Clone, Copy, Debug)]
pub struct Ticket {
    /// Wallet id.
    pub w: u32,
    /// Market index.
    pub m: usize,
    /// Outcome index.
    pub tok: u8,
    /// Buy (else sell).
    pub buy: bool,
    /// When.
    pub t: i64,
}

/// How much an order is for.
#[derive(Clone, Copy, Debug)]
pub enum Amt {
    /// Dollars to spend (buys) — what the app's amount box takes.
    Usd(f64),
    /// Shares.
    Shares(f64),
}

/// How a marketable order meets the book.
#[derive(Clone, Copy, Debug)]
pub struct Take {
    /// Price levels it may walk.
    pub levels: i32,
    /// Ticks the touch has already moved against it (depleted by an order just before), or with it
    /// (negative: a stale or dislocated quote).
    pub shift: i32,
    /// Price the book as it stood at this time instead (a quote not yet updated).
    pub quote_at: Option<i64>,
    /// Worst price in cents.
    pub limit: Option<i32>,
}

impl Take {
    /// A plain market order walking up to `levels` levels.
    pub fn market(levels: i32) -> Take {
        Take { levels, shift: 0, quote_at: None, limit: None }
    }

    /// A fill-and-kill with a worst price.
    pub fn limit(levels: i32, limit: i32) -> Take {
        Take { levels, shift: 0, quote_at: None, limit: Some(limit) }
    }
}

/// What a marketable order got.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filled {
    /// Shares filled.
    pub shares: f64,
    /// Dollars paid or raised.
    pub usd: f64,
    /// The last (worst) price in cents.
    pub last: i32,
    /// Levels walked.
    pub levels: i32,
}

impl Filled {
    /// Average price in dollars.
    pub fn avg(&self) -> f64 {
        if self.shares > 0.0 { self.usd / self.shares } else { 0.0 }
    }
}

/// One order of a wallet as it shows in the fills (copy bots read their leaders this way).
#[derive(Clone, Copy, Debug)]
pub struct Seen {
    /// When.
    pub t: i64,
    /// Market index.
    pub m: usize,
    /// Outcome index.
    pub tok: u8,
    /// A buy.
    pub buy: bool,
    /// Shares.
    pub shares: f64,
    /// Dollars.
    pub usd: f64,
    /// The worst price in cents.
    pub last: i32,
    /// Fills in it.
    pub fills: u32,
}

/// The whole simulated world.
pub struct World {
    /// Every market, in creation order.
    pub markets: Vec<Market>,
    /// Every fill, in generation order.
    pub rows: Vec<Row>,
    /// Neg-risk events: the markets of one multi-outcome question.
    pub events: Vec<Vec<usize>>,
    /// Markets by kind (rounds excepted), games sorted by start.
    pub by_kind: Vec<Vec<usize>>,
    /// Which rows each generated wallet's run produced.
    pub ranges: HashMap<u32, (usize, usize)>,
    /// Unlabelled leaders.
    pub leaders: Vec<u32>,
    /// Labelled people a copy bot may follow.
    pub followable: Vec<u32>,
    /// Next extra wallet id.
    pub next_sibling: u32,
    /// Multiplies people's activity (leaders are busier).
    pub boost: f64,
    next_tx: u64,
    spot: Vec<Vec<f64>>,
    /// First market index of the rounds of (asset, hourly).
    round_first: [[usize; 2]; 4],
    round_count: usize,
}

impl World {
    /// Builds every market of the world.
    pub fn new() -> World {
        let mut w = World {
            markets: Vec::new(),
            rows: Vec::with_capacity(420_000),
            events: Vec::new(),
            by_kind: vec![Vec::new(); KINDS],
            ranges: HashMap::new(),
            leaders: Vec::new(),
            followable: Vec::new(),
            next_sibling: SIBLING_BASE,
            boost: 1.0,
            next_tx: 1,
            spot: Vec::new(),
            round_first: [[0; 2]; 4],
            round_count: 0,
        };
        let mut r = Rng::stream(1, 0);
        w.simulate_spot(&mut r);
        w.build_rounds(&mut r);
        w.build_dailies(&mut r);
        w.build_games(&mut Rng::stream(1, 1));
        w.build_politics(&mut Rng::stream(1, 2));
        w.build_elections(&mut Rng::stream(1, 3));
        w.build_econ(&mut Rng::stream(1, 4));
        w.build_culture(&mut Rng::stream(1, 5));
        w.build_weather(&mut Rng::stream(1, 6));
        w.build_tweets(&mut Rng::stream(1, 7));
        w.build_mentions(&mut Rng::stream(1, 8));
        for (i, m) in w.markets.iter().enumerate() {
            if m.kind != Kind::Round {
                w.by_kind[m.kind as usize].push(i);
            }
        }
        let markets = &w.markets;
        w.by_kind[Kind::Game as usize].sort_by_key(|&i| (markets[i].start, i));
        w
    }

    // --- spot and rounds ---------------------------------------------------------------------

    fn simulate_spot(&mut self, r: &mut Rng) {
        let n = ((NOW - WORLD_START) / SPOT_STEP + 2) as usize;
        for (a, s0) in SPOT0.iter().enumerate() {
            let mut v = Vec::with_capacity(n);
            let mut ln = s0.ln();
            let mut regime = 1.0;
            let base = sigma_sec(a) * (SPOT_STEP as f64).sqrt();
            for i in 0..n {
                let t = WORLD_START + i as i64 * SPOT_STEP;
                if i % 2160 == 0 {
                    regime = r.lognormal(1.0, 0.35).clamp(0.45, 2.6);
                }
                let us_hours = {
                    let h = t.rem_euclid(DAY) as f64 / 3600.0;
                    if (13.5..21.0).contains(&h) { 1.3 } else { 0.85 }
                };
                ln += base * regime * us_hours * r.normal();
                if r.chance(1.0 / 4000.0) {
                    ln += 0.004 * r.normal();
                }
                v.push(ln.exp());
            }
            self.spot.push(v);
        }
    }

    /// Spot of `asset` at `t` (the 10-second sample at or before it).
    pub fn spot(&self, asset: usize, t: i64) -> f64 {
        let v = &self.spot[asset];
        let i = ((t - WORLD_START).max(0) / SPOT_STEP) as usize;
        v[i.min(v.len() - 1)]
    }

    fn build_rounds(&mut self, r: &mut Rng) {
        for asset in 0..4 {
            for (hourly, len) in [(0usize, 900i64), (1, 3600)] {
                self.round_first[asset][hourly] = self.markets.len();
                let n = ((NOW - WORLD_START) / len) as usize;
                self.round_count = self.round_count.max(n);
                for k in 0..n {
                    let open = WORLD_START + k as i64 * len;
                    let close = open + len;
                    let strike = self.spot(asset, open);
                    let winner = u8::from(self.spot(asset, close) < strike);
                    let (month, dom) = month_day(ET.day(open));
                    let (title, slug) = if hourly == 0 {
                        (
                            format!("{} Up or Down - {month} {dom}, {}-{} ET", ASSETS[asset], et_clock(open, true), et_clock(close, true)),
                            format!("{}-updown-15m-{open}", TICKERS[asset]),
                        )
                    } else {
                        let clock = et_clock(open, false);
                        (
                            format!("{} Up or Down - {month} {dom}, {clock} ET", ASSETS[asset]),
                            format!(
                                "{}-up-or-down-{}-{dom}-{}-et",
                                ASSETS[asset].to_lowercase(),
                                month.to_lowercase(),
                                clock.to_lowercase()
                            ),
                        )
                    };
                    let lps = self.lps(r);
                    self.markets.push(Market {
                        kind: Kind::Round,
                        title,
                        slug,
                        outcomes: ["Up".into(), "Down".into()],
                        open,
                        start: open,
                        close,
                        decided: close,
                        winner,
                        path: Path::Spot { asset, strike },
                        spread: 1,
                        depth: ROUND_DEPTH[asset] * if hourly == 1 { 0.7 } else { 1.0 },
                        rate: ROUND_FLOW[asset][hourly] as f32,
                        event: None,
                        lps,
                        tag: asset,
                        jumps: Vec::new(),
                    });
                }
            }
        }
    }

    /// The round of `asset` (15-minute unless `hourly`) running at `t`.
    pub fn round_at(&self, asset: usize, hourly: bool, t: i64) -> Option<usize> {
        if !(WORLD_START..NOW).contains(&t) {
            return None;
        }
        let len = if hourly { 3600 } else { 900 };
        Some(self.round_first[asset][usize::from(hourly)] + ((t - WORLD_START) / len) as usize)
    }

    fn build_dailies(&mut self, r: &mut Rng) {
        for (asset, name) in ASSETS.iter().enumerate().take(2) {
            let step = if asset == 0 { 2_000.0 } else { 100.0 };
            for d in 0..47 {
                let res = ET.at(ET.day(WORLD_START) + d, 12.0);
                let open = res - 2 * DAY;
                if res <= WORLD_START || open >= NOW {
                    continue;
                }
                let s = self.spot(asset, open.max(WORLD_START));
                let centre = (s / step).round();
                let (month, dom) = month_day(ET.day(res));
                let event = self.events.len();
                let mut members = Vec::new();
                for k in -1..=1 {
                    let strike = (centre + k as f64) * step;
                    let winner = u8::from(self.spot(asset, res) < strike);
                    let shown = if asset == 0 { format!("{}", strike as i64) } else { format!("{:.0}", strike) };
                    let lps = self.lps(r);
                    members.push(self.markets.len());
                    self.markets.push(Market {
                        kind: Kind::Daily,
                        title: format!("{name} above {} on {month} {dom}?", group_thousands(&shown)),
                        slug: format!("{}-above-{}-on-{}-{dom}", name.to_lowercase(), shown, month.to_lowercase()),
                        outcomes: ["Yes".into(), "No".into()],
                        open,
                        start: open,
                        close: res,
                        decided: res,
                        winner,
                        path: Path::Spot { asset, strike },
                        spread: 1,
                        depth: if asset == 0 { 1500.0 } else { 700.0 },
                        rate: if asset == 0 { 1.0 } else { 0.5 },
                        event: Some(event),
                        lps,
                        tag: asset,
                        jumps: Vec::new(),
                    });
                }
                self.events.push(members);
            }
        }
    }

    // --- sports ------------------------------------------------------------------------------

    fn build_games(&mut self, r: &mut Rng) {
        let first_day = WORLD_START.div_euclid(DAY);
        for (li, lg) in LEAGUES.iter().enumerate() {
            for d in -7..46 {
                let day = first_day + d;
                if !lg.dates.is_empty() && !lg.dates.iter().any(|&(a, b)| (a..b).contains(&d)) {
                    continue;
                }
                let wd = weekday(day);
                let mut used: Vec<usize> = Vec::new();
                for &(slot_wd, hour, n) in lg.slots {
                    if slot_wd != EVERY && slot_wd != wd {
                        continue;
                    }
                    let games = if slot_wd == EVERY { r.poisson(f64::from(n)) } else { n };
                    for _ in 0..games {
                        let start = lg.tz.at(day, hour) + 60 * r.int(0, 6);
                        if start + DAY < WORLD_START || start >= NOW + 2 * DAY {
                            continue;
                        }
                        let pair = loop {
                            let p = r.sample(lg.teams.len(), 2);
                            if !used.contains(&p[0]) && !used.contains(&p[1]) || used.len() + 2 > lg.teams.len() {
                                break p;
                            }
                        };
                        used.extend_from_slice(&pair);
                        self.game(r, li, lg, start, pair[0], pair[1]);
                    }
                }
            }
        }
    }

    fn game(&mut self, r: &mut Rng, li: usize, lg: &League, start: i64, a: usize, b: usize) {
        let (home, away) = (lg.teams[a], lg.teams[b]);
        let p_pre = if lg.yes_no { r.range(0.2, 0.72) } else { (0.5 + 0.19 * r.normal()).clamp(0.08, 0.92) };
        let open = start - lg.pre_days * DAY - r.int(0, 12) * 3600;
        let mut knots = Vec::new();
        // before play: a slow drift of the line (injury news, sharp money), every 30 minutes
        let mut x = logit((p_pre + 0.05 * r.normal()).clamp(0.05, 0.95));
        let target = logit(p_pre);
        let steps = ((start - open) / 1800).max(1);
        for i in 0..steps {
            let t = open + i * 1800;
            x += (target - x) / (steps - i) as f64 + 0.025 * r.normal();
            if r.chance(0.004) {
                x += 0.35 * r.normal();
            }
            knots.push((t, expit(x) as f32));
        }
        // play: the final margin is mu + W(1); the price is the chance it ends above zero
        let minutes = lg.minutes + if lg.code == "atp" { r.int(-40, 80) } else { r.int(0, 15) };
        let len = minutes * 60;
        let step = 20;
        let n = (len / step).max(1);
        let mu = phi_inv(expit(x).clamp(0.02, 0.98));
        let jump = ((1.0 - lg.steady) / lg.events).sqrt();
        let steady = (lg.steady / n as f64).sqrt();
        let lam = lg.events / n as f64;
        let mut wsum = 0.0;
        let mut jumps = Vec::new();
        let mut prev = expit(x);
        for i in 1..=n {
            let t = start + i * step;
            wsum += steady * r.normal();
            let mut scored = false;
            if r.chance(lam) {
                let toward = if r.chance(0.5 + 0.1 * (mu.signum())) { 1.0 } else { -1.0 };
                wsum += toward * jump * r.range(0.6, 1.4);
                scored = true;
            }
            let s = i as f64 / n as f64;
            let p = if i == n { if mu + wsum > 0.0 { 0.995 } else { 0.005 } } else { phi((mu + wsum) / (1.0 - s + 1e-3).sqrt()) };
            let p = p.clamp(0.005, 0.995);
            if scored && (p - prev).abs() >= 0.04 {
                jumps.push((t, p as f32));
            }
            prev = p;
            knots.push((t, p as f32));
        }
        let end = start + n * step;
        let winner = u8::from(mu + wsum <= 0.0);
        let close = end + 15 * 60;
        let decided = decided_at(&knots, winner, end);
        let (month, dom) = month_day(lg.tz.day(start));
        let date = copycat_core::time::from_secs(start).format("%Y-%m-%d");
        let (title, outcomes) = if lg.yes_no {
            (format!("Will {home} win on {date}? ({home} vs. {away})"), ["Yes".to_string(), "No".to_string()])
        } else {
            (format!("{home} vs. {away} ({month} {dom})"), [home.to_string(), away.to_string()])
        };
        let slug = format!("{}-{}-{}-{date}", lg.code, short(home), short(away));
        let lps = self.lps(r);
        self.markets.push(Market {
            kind: Kind::Game,
            title,
            slug,
            outcomes,
            open,
            start,
            close,
            decided,
            winner,
            path: Path::Knots(knots),
            spread: lg.spread,
            depth: lg.depth * r.range(0.6, 1.5) as f32,
            rate: r.range(0.6, 1.6) as f32,
            event: None,
            lps,
            tag: li,
            jumps,
        });
    }

    // --- politics, elections, economics, culture ----------------------------------------------

    /// A yes/no market on knots.
    fn simple(&mut self, r: &mut Rng, kind: Kind, title: String, span: (i64, i64), knots: Vec<(i64, f32)>, rate: f64) -> usize {
        let last = knots.last().map_or(0.5, |k| k.1);
        let winner = u8::from(last < 0.5);
        let decided = decided_at(&knots, winner, span.1);
        let lps = self.lps(r);
        let slug = slugify(&title);
        self.markets.push(Market {
            kind,
            title,
            slug,
            outcomes: ["Yes".to_string(), "No".to_string()],
            open: span.0,
            start: span.0,
            close: span.1,
            decided,
            winner,
            path: Path::Knots(knots),
            spread: if rate > 1.5 {
                1
            } else if rate > 0.5 {
                2
            } else {
                3
            },
            depth: (400.0 + 2500.0 * rate * r.range(0.5, 1.5)) as f32,
            rate: rate as f32,
            event: None,
            lps,
            tag: 0,
            jumps: Vec::new(),
        });
        self.markets.len() - 1
    }

    fn build_politics(&mut self, r: &mut Rng) {
        let open = WORLD_START - 200 * DAY;
        let close = NOW + 400 * DAY;
        let groups: [(&str, &[(&str, f64)]); 3] = [
            (
                "Democratic Presidential Nominee 2028",
                &[
                    ("Gavin Newsom", 0.30),
                    ("Alexandria Ocasio-Cortez", 0.14),
                    ("Pete Buttigieg", 0.10),
                    ("Josh Shapiro", 0.09),
                    ("Andy Beshear", 0.06),
                    ("Wes Moore", 0.05),
                    ("JB Pritzker", 0.05),
                    ("Kamala Harris", 0.04),
                    ("Gretchen Whitmer", 0.03),
                    ("Jon Ossoff", 0.04),
                ],
            ),
            (
                "Republican Presidential Nominee 2028",
                &[
                    ("JD Vance", 0.52),
                    ("Marco Rubio", 0.14),
                    ("Donald Trump Jr.", 0.07),
                    ("Ron DeSantis", 0.05),
                    ("Tucker Carlson", 0.04),
                    ("Vivek Ramaswamy", 0.03),
                    ("Nikki Haley", 0.02),
                ],
            ),
            (
                "Presidential Election Winner 2028",
                &[
                    ("JD Vance", 0.29),
                    ("Gavin Newsom", 0.19),
                    ("Marco Rubio", 0.08),
                    ("Alexandria Ocasio-Cortez", 0.07),
                    ("Josh Shapiro", 0.06),
                    ("Pete Buttigieg", 0.05),
                    ("Andy Beshear", 0.04),
                ],
            ),
        ];
        for (gi, (name, members)) in groups.iter().enumerate() {
            let paths = group_walk(r, members.iter().map(|m| m.1).collect(), WORLD_START, NOW, 7200, 0.035);
            let event = self.events.len();
            let mut ids = Vec::new();
            for ((who, p), knots) in members.iter().zip(paths) {
                let rate = 0.4 + 6.0 * p * if gi == 2 { 0.6 } else { 1.0 };
                let title = if gi == 2 {
                    format!("Will {who} win the 2028 US Presidential Election?")
                } else {
                    format!("Will {who} win the {name}?")
                };
                let i = self.simple(r, Kind::Politics, title, (open, close), knots, rate);
                self.markets[i].event = Some(event);
                self.markets[i].tag = gi;
                ids.push(i);
            }
            self.events.push(ids);
        }
        let binaries: &[(&str, f64, f64)] = &[
            ("Russia x Ukraine ceasefire in 2026?", 0.16, 2.5),
            ("Will Zelenskyy remain president of Ukraine through 2026?", 0.86, 0.6),
            ("US government shutdown before February 2027?", 0.38, 1.2),
            ("Will Trump's approval rating be 45% or higher on December 31?", 0.21, 0.7),
            ("Will the Supreme Court uphold the IEEPA tariffs?", 0.33, 1.6),
            ("Will China invade Taiwan in 2026?", 0.03, 0.8),
            ("Will Keir Starmer be UK Prime Minister on December 31, 2026?", 0.78, 0.9),
            ("Will Netanyahu be Prime Minister of Israel at the end of 2026?", 0.83, 0.5),
            ("Will Trump pardon Ghislaine Maxwell in 2026?", 0.07, 0.9),
            ("Will the US acquire Greenland in 2026?", 0.02, 0.6),
            ("Will Elon Musk launch a third party candidate in 2026?", 0.05, 0.3),
            ("Will Maduro leave office in 2026?", 0.22, 1.1),
            ("Will the Senate abolish the filibuster in 2026?", 0.04, 0.3),
            ("Will Trump meet Xi Jinping again in 2026?", 0.41, 0.5),
        ];
        for &(title, p, rate) in binaries {
            let knots = walk(r, WORLD_START, NOW, 7200, p, 0.03, 0.004);
            let i = self.simple(r, Kind::Politics, title.to_string(), (open, close), knots, rate);
            self.markets[i].tag = 9;
        }
    }

    fn build_elections(&mut self, r: &mut Rng) {
        let open = WORLD_START - 300 * DAY;
        let eday = ET.day(ELECTION_DAY + 12 * 3600);
        // (race, hour polls close in New York time on election night, chance the Democrat wins, hours to the call)
        let races: &[(&str, f64, f64, f64)] = &[
            ("Georgia Senate", 19.0, 0.56, 5.0),
            ("North Carolina Senate", 19.5, 0.58, 4.0),
            ("Ohio Senate", 19.5, 0.27, 2.5),
            ("Michigan Senate", 21.0, 0.66, 4.0),
            ("Maine Senate", 20.0, 0.52, 9.0),
            ("New Hampshire Senate", 20.0, 0.74, 2.0),
            ("Texas Senate", 21.0, 0.18, 1.5),
            ("Iowa Senate", 22.0, 0.21, 2.0),
            ("Nebraska Senate", 21.0, 0.24, 3.0),
            ("Alaska Senate", 25.0, 0.31, 120.0),
            ("Minnesota Senate", 21.0, 0.82, 1.0),
            ("Florida Senate", 20.0, 0.12, 0.5),
            ("Pennsylvania Governor", 20.0, 0.86, 0.7),
            ("Arizona Governor", 22.0, 0.49, 60.0),
            ("Wisconsin Governor", 21.0, 0.55, 6.0),
            ("Michigan Governor", 21.0, 0.47, 7.0),
            ("Georgia Governor", 19.0, 0.35, 4.0),
            ("Nevada Governor", 22.0, 0.44, 40.0),
            ("New York Governor", 21.0, 0.84, 0.5),
        ];
        let mut dem_count = 0;
        for &(race, pc_hour, p, call_h) in races {
            let pc = ET.at(eday, pc_hour);
            let call = pc + (3600.0 * call_h * r.range(0.5, 1.6)) as i64;
            let (knots, jumps) = count_night(r, p, pc, call);
            let title = format!("Will the Democrat win the {race} race?");
            let i = self.simple(r, Kind::Election, title, (open, NOW + 25 * DAY), knots, 1.0 + 3.0 * (1.0 - (2.0 * p - 1.0).abs()));
            self.markets[i].start = pc;
            self.markets[i].jumps = jumps;
            dem_count += usize::from(self.markets[i].winner == 0);
        }
        // the chambers: decided in the small hours (the House) and on Thursday (the Senate)
        for (chamber, p, call) in [("House", 0.71, ET.at(eday + 1, 2.5)), ("Senate", 0.30 + 0.02 * dem_count as f64, ET.at(eday + 2, 14.0))]
        {
            let pc = ET.at(eday, 19.0);
            let (knots, jumps) = count_night(r, p, pc, call);
            let event = self.events.len();
            let mut ids = Vec::new();
            for (party, flip) in [("Democratic", false), ("Republican", true)] {
                let k: Vec<(i64, f32)> = knots.iter().map(|&(t, q)| (t, if flip { 1.0 - q } else { q })).collect();
                let title = format!("Will the {party} Party win the {chamber} in the 2026 midterms?");
                let i = self.simple(r, Kind::Election, title, (open, NOW + 40 * DAY), k, 4.0);
                self.markets[i].start = pc;
                self.markets[i].event = Some(event);
                self.markets[i].jumps = jumps.iter().map(|&(t, q)| (t, if flip { 1.0 - q } else { q })).collect();
                ids.push(i);
            }
            self.events.push(ids);
        }
    }

    fn build_econ(&mut self, r: &mut Rng) {
        // (event, release in New York time as (UTC day of the release, hour), bracket edges, actual, forecast sd at a month)
        let fomc_oct = ET.at(ET.day(1_793_145_600), 14.0); // 2026-10-28
        let jobs = ET.at(ET.day(1_793_923_200), 8.5); // 2026-11-06
        let cpi = ET.at(ET.day(1_794_441_600), 8.5); // 2026-11-12
        let gdp = ET.at(ET.day(1_793_232_000), 8.5); // 2026-10-29
        let fomc_dec = ET.at(ET.day(1_796_774_400), 14.0); // 2026-12-09
        let releases: &[Release] = &[
            (
                "Fed decision in October",
                fomc_oct,
                &[
                    ("50+ bps decrease", -1e9, -37.5),
                    ("25 bps decrease", -37.5, -12.5),
                    ("No change", -12.5, 12.5),
                    ("25+ bps increase", 12.5, 1e9),
                ],
                -25.0,
                9.0,
            ),
            (
                "October nonfarm payrolls",
                jobs,
                &[
                    ("below 0", -1e9, 0.0),
                    ("0-50k", 0.0, 50.0),
                    ("50k-100k", 50.0, 100.0),
                    ("100k-150k", 100.0, 150.0),
                    ("above 150k", 150.0, 1e9),
                ],
                71.0,
                45.0,
            ),
            (
                "October CPI year over year",
                cpi,
                &[
                    ("2.7% or lower", -1e9, 2.75),
                    ("2.8%", 2.75, 2.85),
                    ("2.9%", 2.85, 2.95),
                    ("3.0%", 2.95, 3.05),
                    ("3.1% or higher", 3.05, 1e9),
                ],
                2.91,
                0.12,
            ),
            (
                "Q3 GDP growth (advance estimate)",
                gdp,
                &[("below 1.0%", -1e9, 1.0), ("1.0-2.0%", 1.0, 2.0), ("2.0-3.0%", 2.0, 3.0), ("3.0% or higher", 3.0, 1e9)],
                2.4,
                0.8,
            ),
            (
                "Fed decision in December",
                fomc_dec,
                &[
                    ("50+ bps decrease", -1e9, -37.5),
                    ("25 bps decrease", -37.5, -12.5),
                    ("No change", -12.5, 12.5),
                    ("25+ bps increase", 12.5, 1e9),
                ],
                -25.0,
                16.0,
            ),
        ];
        for &(name, release, brackets, actual, sd0) in releases {
            let open = release - 40 * DAY;
            let close = release + 3600 * r.int(1, 5);
            let paths = bracket_paths(r, brackets.iter().map(|b| (b.1, b.2)).collect(), actual, sd0, open.max(WORLD_START), release, 3600);
            let event = self.events.len();
            let mut ids = Vec::new();
            for ((label, _, _), knots) in brackets.iter().zip(paths) {
                let title = format!("{name}: {label}?");
                let rate = 0.6 + 3.0 * f64::from(knots.iter().map(|k| k.1 * (1.0 - k.1)).fold(0.0f32, f32::max));
                let i = self.simple(r, Kind::Econ, title, (open, close), knots, rate);
                let m = &mut self.markets[i];
                m.start = release;
                m.decided = m.decided.max(release);
                m.event = Some(event);
                if release < NOW {
                    let after = m.winner;
                    m.jumps.push((release, if after == 0 { 0.995 } else { 0.005 }));
                }
                ids.push(i);
            }
            self.events.push(ids);
        }
    }

    fn build_culture(&mut self, r: &mut Rng) {
        let open = WORLD_START - 120 * DAY;
        let groups: [Group; 4] = [
            (
                "Time 2026 Person of the Year",
                NOW + 18 * DAY,
                &[
                    ("Donald Trump", 0.31),
                    ("Pope Leo XIV", 0.22),
                    ("Elon Musk", 0.07),
                    ("Jensen Huang", 0.12),
                    ("Sam Altman", 0.06),
                    ("Zohran Mamdani", 0.08),
                    ("Taylor Swift", 0.05),
                ],
            ),
            (
                "Game of the Year 2026 (The Game Awards)",
                NOW + 22 * DAY,
                &[
                    ("Grand Theft Auto VI", 0.18),
                    ("Ghost of Yotei", 0.24),
                    ("Death Stranding 2", 0.21),
                    ("Hollow Knight: Silksong", 0.15),
                    ("Metroid Prime 4", 0.12),
                    ("Marvel 1943", 0.06),
                ],
            ),
            (
                "Top Spotify artist of 2026",
                NOW + 12 * DAY,
                &[("Bad Bunny", 0.41), ("Taylor Swift", 0.33), ("The Weeknd", 0.11), ("Drake", 0.06), ("Billie Eilish", 0.05)],
            ),
            (
                "Oscars 2027: Best Picture",
                NOW + 120 * DAY,
                &[
                    ("One Battle After Another", 0.12),
                    ("The Odyssey", 0.19),
                    ("Hamnet", 0.16),
                    ("Dune: Part Three", 0.09),
                    ("Wicked: For Good", 0.07),
                    ("Marty Supreme", 0.11),
                ],
            ),
        ];
        for (gi, (name, close, members)) in groups.iter().enumerate() {
            let paths = group_walk(r, members.iter().map(|m| m.1).collect(), WORLD_START, NOW, 7200, 0.03);
            let event = self.events.len();
            let mut ids = Vec::new();
            for ((who, p), knots) in members.iter().zip(paths) {
                let title = format!("{name}: {who}?");
                let i = self.simple(r, Kind::Culture, title, (open, *close), knots, 0.3 + 3.0 * p);
                self.markets[i].event = Some(event);
                self.markets[i].tag = gi;
                ids.push(i);
            }
            self.events.push(ids);
        }
        let binaries: &[(&str, f64, f64)] = &[
            ("Will GTA VI be released on November 19, 2026?", 0.72, 2.0),
            ("Will Taylor Swift announce a new album before 2027?", 0.18, 0.4),
            ("Will OpenAI release GPT-6 in 2026?", 0.09, 0.8),
            ("Will a movie gross $2 billion worldwide in 2026?", 0.27, 0.3),
            ("Will MrBeast reach 450M YouTube subscribers by December 31?", 0.44, 0.3),
            ("Will Stranger Things 5 top Netflix's global chart for 4+ weeks?", 0.61, 0.3),
        ];
        for &(title, p, rate) in binaries {
            let knots = walk(r, WORLD_START, NOW, 7200, p, 0.03, 0.004);
            let i = self.simple(r, Kind::Culture, title.to_string(), (open, NOW + 60 * DAY), knots, rate);
            self.markets[i].tag = 9;
        }
    }

    fn build_weather(&mut self, r: &mut Rng) {
        // (city, zone, seasonal high in its unit, unit, bracket width)
        let cities: [(&str, Tz, f64, &str, f64); 3] =
            [("NYC", ET, 56.0, "°F", 2.0), ("London", UK, 12.0, "°C", 1.0), ("Seoul", Tz { std_min: 540, dst: Dst::No }, 13.0, "°C", 1.0)];
        for (ci, &(city, tz, mean, unit, width)) in cities.iter().enumerate() {
            for d in -2..46 {
                let day = tz.day(WORLD_START) + d;
                let decided = tz.at(day, 17.0);
                let open = tz.at(day - 2, 10.0);
                let close = tz.at(day + 1, 0.0);
                if close <= WORLD_START || open >= NOW {
                    continue;
                }
                let actual = (mean - 0.12 * d as f64 * width + 4.0 * width * r.normal()).round();
                let guess = (actual + 1.6 * width * r.normal()).round();
                let centre = (guess / width).round() * width;
                let mut brackets = Vec::new();
                let mut labels = Vec::new();
                for k in -3..=3 {
                    let lo = centre + k as f64 * width;
                    let (a, b, label) = if k == -3 {
                        (-1e9, lo + width - 0.5, format!("{} or below", lo + width - 1.0))
                    } else if k == 3 {
                        (lo - 0.5, 1e9, format!("{lo} or higher"))
                    } else if width > 1.0 {
                        (lo - 0.5, lo + width - 0.5, format!("{lo}-{}", lo + width - 1.0))
                    } else {
                        (lo - 0.5, lo + 0.5, format!("{lo}"))
                    };
                    brackets.push((a, b));
                    labels.push(label);
                }
                let paths = bracket_paths(r, brackets, actual, 2.0 * width, open.max(WORLD_START - DAY), decided, 3600);
                let (month, dom) = month_day(day);
                let event = self.events.len();
                let mut ids = Vec::new();
                for (label, knots) in labels.iter().zip(paths) {
                    let title = format!("Highest temperature in {city} on {month} {dom}: {label}{unit}?");
                    let i = self.simple(r, Kind::Weather, title, (open, close), knots, 0.25);
                    let m = &mut self.markets[i];
                    m.start = tz.at(day, 0.0);
                    m.event = Some(event);
                    m.tag = ci;
                    m.spread = 2;
                    m.depth = 250.0;
                    ids.push(i);
                }
                self.events.push(ids);
            }
        }
    }

    fn build_tweets(&mut self, r: &mut Rng) {
        // weeks run Friday 16:00 UTC to Friday 16:00 UTC; NOW is a Friday
        let mut start = NOW - 7 * 7 * DAY + 16 * 3600;
        while start < NOW + 3 * DAY {
            let end = start + 7 * DAY;
            let open = start - 3 * DAY;
            let weekly = r.range(230.0, 420.0);
            // the count as it accrues, hour by hour
            let hours = (7 * 24) as usize;
            let mut counts = Vec::with_capacity(hours + 1);
            let mut c = 0.0;
            let mut mood = 1.0;
            counts.push(0.0);
            for h in 0..hours {
                if h % 24 == 0 {
                    mood = r.lognormal(1.0, 0.35);
                }
                let local = ((h as i64 + 16 - 8).rem_euclid(24)) as f64;
                let awake = if (1.0..8.0).contains(&local) { 0.25 } else { 1.25 };
                c += (r.poisson(weekly / 168.0 * mood * awake)) as f64;
                counts.push(c);
            }
            let fin = c;
            let lo0 = ((weekly - 125.0) / 25.0).floor() * 25.0;
            let mut brackets = Vec::new();
            for k in 0..10 {
                let a = lo0 + 25.0 * k as f64;
                brackets.push(if k == 0 {
                    (-1e9, a + 25.0 - 0.5)
                } else if k == 9 {
                    (a - 0.5, 1e9)
                } else {
                    (a - 0.5, a + 25.0 - 0.5)
                });
            }
            let event = self.events.len();
            let mut ids = Vec::new();
            let (m0, d0) = month_day(start.div_euclid(DAY));
            let (m1, d1) = month_day(end.div_euclid(DAY));
            for (k, &(a, b)) in brackets.iter().enumerate() {
                let mut knots = Vec::new();
                let mut t = open;
                while t < end {
                    let (so_far, left) = if t < start {
                        (0.0, 168.0)
                    } else {
                        let h = ((t - start) / 3600) as usize;
                        (counts[h.min(hours)], (168 - h.min(168)) as f64)
                    };
                    let pace = if t < start + 12 * 3600 {
                        weekly / 168.0
                    } else {
                        (so_far / (168.0 - left)).max(0.5) * 0.6 + weekly / 168.0 * 0.4
                    };
                    let mean = so_far + pace * left;
                    let sd = (pace * left * 2.5).sqrt() + 1.0;
                    let p = (phi((b - mean) / sd) - phi((a - mean) / sd)).clamp(0.005, 0.995);
                    knots.push((t, p as f32));
                    t += 3600;
                }
                let won = (a..b).contains(&fin);
                knots.push((end, if won { 0.995 } else { 0.005 }));
                let label = if k == 0 {
                    format!("less than {}", a + 25.5)
                } else if k == 9 {
                    format!("{}+", a + 0.5)
                } else {
                    format!("{}-{}", a + 0.5, b - 0.5)
                };
                let title = format!("Elon Musk # of tweets {m0} {d0} - {m1} {d1}, 2026: {label}?");
                let i = self.simple(r, Kind::Tweets, title, (open, end + 3600), knots, 0.5);
                let m = &mut self.markets[i];
                m.winner = u8::from(!won);
                m.decided = end;
                m.start = start;
                m.event = Some(event);
                m.spread = 2;
                m.depth = 400.0;
                ids.push(i);
            }
            self.events.push(ids);
            start = end;
        }
    }

    fn build_mentions(&mut self, r: &mut Rng) {
        // live events with word markets: who, words, and when they happen
        let words_trump: &[&str] = &[
            "Tariff",
            "China",
            "Fake News",
            "Biden",
            "Crypto",
            "Border",
            "Sleepy",
            "Nobel",
            "Greenland",
            "Hottest",
            "Witch Hunt",
            "Inflation",
        ];
        let words_mnf: &[&str] = &["Taylor Swift", "Super Bowl", "Hall of Fame", "Playoffs", "Injury", "Rookie", "Mahomes"];
        let words_earn: &[&str] = &["AI", "Tariff", "Recession", "Robotaxi", "China", "Guidance", "Blackwell", "Data Center"];
        let mut shows: Vec<(String, i64, i64, &[&str])> = Vec::new();
        let first = ET.day(WORLD_START);
        for d in 0..46 {
            let day = first + d;
            let wd = weekday(day);
            if r.chance(0.3) && wd < 6 {
                let what = r.pick(&["press conference", "rally", "Oval Office remarks", "Fox interview", "speech"]);
                let start = ET.at(day, r.range(11.0, 21.0)) / 60 * 60;
                shows.push((format!("Trump {what}"), start, 60 * r.int(35, 95), words_trump));
            }
            if wd == 0 {
                shows.push(("Monday Night Football broadcast".into(), ET.at(day, 20.25), 3 * 3600, words_mnf));
            }
        }
        for (name, day) in
            [("Tesla earnings call", 1_792_540_800), ("Meta earnings call", 1_793_145_600), ("Nvidia earnings call", 1_795_046_400)]
        {
            shows.push((name.to_string(), ET.at(ET.day(day + 12 * 3600), 17.5), 3600, words_earn));
        }
        for (name, start, len, words) in shows {
            if start + len < WORLD_START || start >= NOW {
                continue;
            }
            let open = start - r.int(1, 4) * DAY;
            let (month, dom) = month_day(ET.day(start));
            let event = self.events.len();
            let mut ids = Vec::new();
            let v0 = r.int(5, 8) as usize;
            for wi in r.sample(words.len(), v0) {
                let word = words[wi];
                let prior = r.range(0.12, 0.9);
                let said = r.chance(prior);
                let said_at = start + (len as f64 * r.f().powf(1.4)) as i64;
                let mut knots = walk(r, open.max(WORLD_START - DAY), start, 7200, prior, 0.05, 0.0);
                let mut t = start;
                let mut jumps = Vec::new();
                while t < start + len {
                    if said && t >= said_at {
                        knots.push((said_at, 0.995));
                        jumps.push((said_at, 0.995));
                        break;
                    }
                    let left = 1.0 - (t - start) as f64 / len as f64;
                    let p = prior * left.powf(0.8) / (prior * left.powf(0.8) + (1.0 - prior));
                    knots.push((t, p.clamp(0.01, 0.99) as f32));
                    t += 60;
                }
                if !said {
                    knots.push((start + len, 0.005));
                }
                let title = format!("Will \"{word}\" be said during the {name} on {month} {dom}?");
                let i = self.simple(r, Kind::Mentions, title, (open, start + len + 1800), knots, 0.4);
                let m = &mut self.markets[i];
                m.winner = u8::from(!said);
                m.decided = if said { said_at } else { start + len };
                m.start = start;
                m.event = Some(event);
                m.jumps = jumps;
                m.spread = 2;
                m.depth = 500.0;
                ids.push(i);
            }
            self.events.push(ids);
        }
    }

    fn lps(&self, r: &mut Rng) -> [u32; 3] {
        let mut pick = || LP_BASE + (f64::from(LP_N) * r.f().powf(1.8)) as u32;
        [pick(), pick(), pick()]
    }

    // --- prices ----------------------------------------------------------------------------

    /// The mid price of outcome 0 of market `m` at `t` as the book shows it.
    pub fn p0(&self, m: usize, t: i64) -> f64 {
        self.price(m, t, BOOK_LAG)
    }

    /// The fair price of outcome 0 from what is known at `t` (spot without the book's lag).
    pub fn fair(&self, m: usize, t: i64) -> f64 {
        self.price(m, t, 0)
    }

    fn price(&self, m: usize, t: i64, lag: i64) -> f64 {
        let mk = &self.markets[m];
        match &mk.path {
            Path::Knots(k) => {
                let i = k.partition_point(|x| x.0 <= t);
                f64::from(k[i.saturating_sub(1)].1)
            }
            Path::Spot { asset, strike } => {
                if t >= mk.close {
                    return if mk.winner == 0 { 0.995 } else { 0.005 };
                }
                let s = self.spot(*asset, t - lag);
                let tau = (mk.close - t).max(1) as f64;
                phi((s / strike).ln() / (sigma_sec(*asset) * tau.sqrt())).clamp(0.005, 0.995)
            }
        }
    }

    /// The best bid and ask of outcome `tok` in cents at `t`; the two outcomes' books mirror.
    pub fn quote(&self, m: usize, tok: u8, t: i64) -> (i32, i32) {
        let mk = &self.markets[m];
        let mid = self.p0(m, t) * 100.0;
        let spread = if !(6.0..=94.0).contains(&mid) { 1 } else { i32::from(mk.spread) };
        let mut ask = (mid + f64::from(spread) / 2.0 - 1e-6).ceil() as i32;
        let mut bid = ask - spread;
        if bid < 1 {
            bid = 1;
            ask = ask.max(2);
        }
        if ask > 99 {
            ask = 99;
            bid = bid.min(98);
        }
        if tok == 0 { (bid, ask) } else { (100 - ask, 100 - bid) }
    }

    /// True when `m` takes orders at `t`.
    pub fn tradable(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        (WORLD_START..NOW).contains(&t) && t >= mk.open && t < mk.close
    }

    /// The crowd's flow into `m` at `t`, in orders per hour.
    pub fn flow(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        let base = f64::from(mk.rate);
        let d = diurnal(t);
        match mk.kind {
            Kind::Round => {
                let s = (t - mk.open) as f64 / (mk.close - mk.open) as f64;
                base * (0.5 + 1.3 * s) * (0.5 + 0.5 * d)
            }
            Kind::Daily => base * d * if mk.close - t < 3 * 3600 { 3.0 } else { 0.6 },
            Kind::Game => {
                let lg = &LEAGUES[mk.tag];
                if t < mk.start {
                    base * 0.2 * (1.0 + 5.0 * (-((mk.start - t) as f64) / 10_800.0).exp()) * d
                } else if t < mk.decided.max(mk.start + 600) {
                    base * f64::from(lg.live_rate)
                } else {
                    base * 0.4 * f64::from(lg.live_rate)
                }
            }
            Kind::Election => {
                if t >= mk.start && t < mk.decided {
                    base * 10.0
                } else if t >= ELECTION_DAY && t < mk.start {
                    base * 3.0 * d
                } else if t >= mk.decided && t < mk.decided + DAY {
                    base * 1.5
                } else {
                    base * 0.5 * d
                }
            }
            Kind::Econ => {
                if t < mk.start && mk.start - t < 6 * 3600 {
                    base * 4.0
                } else if t >= mk.start {
                    base * 2.0
                } else {
                    base * 0.4 * d
                }
            }
            Kind::Mentions => {
                if t >= mk.start && t < mk.decided.max(mk.start + 60) {
                    base * 18.0
                } else {
                    base * 0.4 * d
                }
            }
            Kind::Weather => base * if t >= mk.start { 2.0 } else { 0.7 } * d,
            Kind::Tweets => base * d * if mk.close - t < DAY { 3.0 } else { 1.0 },
            Kind::Politics | Kind::Culture => base * d * 0.5,
        }
    }

    // --- fills -----------------------------------------------------------------------------

    /// A fresh transaction.
    pub fn new_tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A crowd wallet, the busy ones more often.
    pub fn crowd(&self, r: &mut Rng) -> u32 {
        CROWD_BASE + (f64::from(CROWD_N) * r.f().powf(2.2)) as u32
    }

    /// A new wallet id outside the labelled set.
    pub fn sibling(&mut self) -> u32 {
        self.next_sibling += 1;
        self.next_sibling
    }

    /// A marketable order: walks the book level by level from the touch, one taker fill and one or
    /// two maker fills per level, all in one transaction. Buys below the venue minimum of 5 shares
    /// are raised to it; sells below it, or outside trading hours, fill nothing.
    pub fn take(&mut self, r: &mut Rng, o: Ticket, amt: Amt, x: Take) -> Filled {
        let mut out = Filled::default();
        if !self.tradable(o.m, o.t) {
            return out;
        }
        let (bid, ask) = self.quote(o.m, o.tok, x.quote_at.unwrap_or(o.t));
        let top = if o.buy { ask } else { bid };
        let est = match amt {
            Amt::Shares(s) => s,
            Amt::Usd(u) => u / (f64::from((top + x.shift).clamp(1, 99)) / 100.0),
        };
        let mut amt = amt;
        if est < 5.0 {
            if !o.buy {
                return out;
            }
            amt = Amt::Shares(5.0);
        }
        let (depth, lps) = (f64::from(self.markets[o.m].depth), self.markets[o.m].lps);
        let tx = self.new_tx();
        for lvl in 0..x.levels.max(1) {
            let px = if o.buy { top + x.shift + lvl } else { top - x.shift - lvl };
            if !(1..=99).contains(&px) {
                break;
            }
            if let Some(l) = x.limit
                && ((o.buy && px > l) || (!o.buy && px < l))
            {
                break;
            }
            let avail = depth * r.range(0.35, 1.65) * (1.0 + 0.5 * f64::from(lvl));
            let want = match amt {
                Amt::Shares(s) => s - out.shares,
                Amt::Usd(u) => (u - out.usd) / (f64::from(px) / 100.0),
            };
            let got = want.min(avail);
            let sz = (got * 100.0).floor() as u32;
            if sz == 0 {
                break;
            }
            self.rows.push(Row { ts: o.t, tx, sz, w: o.w, m: o.m as u32, px: px as u8, tok: o.tok, buy: o.buy, taker: true });
            let split = if sz > 200 && r.chance(0.22) { sz * r.int(20, 80) as u32 / 100 } else { sz };
            for part in [split, sz - split] {
                if part == 0 {
                    continue;
                }
                let maker = if r.chance(0.85) { lps[r.below(3)] } else { self.crowd(r) };
                self.maker_row(r, o, tx, maker, px, part);
            }
            out.shares += f64::from(sz) / 100.0;
            out.usd += f64::from(sz) / 100.0 * f64::from(px) / 100.0;
            out.last = px;
            out.levels = lvl + 1;
            if got + 1e-9 >= want {
                break;
            }
        }
        out
    }

    /// The maker's side of a taker fill: the same token the other way, or (a quarter of the time)
    /// the complementary token the same way (a mint or a merge).
    fn maker_row(&mut self, r: &mut Rng, o: Ticket, tx: u64, maker: u32, px: i32, sz: u32) {
        let (tok, buy, price) = if r.chance(0.25) { (1 - o.tok, o.buy, 100 - px) } else { (o.tok, !o.buy, px) };
        self.rows.push(Row { ts: o.t, tx, sz, w: maker, m: o.m as u32, px: price as u8, tok, buy, taker: false });
    }

    /// A resting order of `o.w` filled as maker at `px` for `shares` by a taker (`taker`, or the
    /// crowd), in the taker's transaction.
    pub fn make(&mut self, r: &mut Rng, o: Ticket, px: i32, shares: f64, taker: Option<u32>) -> f64 {
        if !self.tradable(o.m, o.t) || !(1..=99).contains(&px) {
            return 0.0;
        }
        let sz = (shares * 100.0).floor() as u32;
        if sz == 0 {
            return 0.0;
        }
        let tx = self.new_tx();
        self.rows.push(Row { ts: o.t, tx, sz, w: o.w, m: o.m as u32, px: px as u8, tok: o.tok, buy: o.buy, taker: false });
        let (who, mirror) = match taker {
            Some(t) => (t, false),
            None => (self.crowd(r), r.chance(0.25)),
        };
        let (tok, buy, price) = if mirror { (1 - o.tok, o.buy, 100 - px) } else { (o.tok, !o.buy, px) };
        self.rows.push(Row { ts: o.t, tx, sz, w: who, m: o.m as u32, px: price as u8, tok, buy, taker: true });
        f64::from(sz) / 100.0
    }

    /// A resting limit order from `o.t` until `until` (or the market's close): filled by takers
    /// while it is at the touch, and at once when the price moves through it. Returns the fills.
    pub fn rest(&mut self, r: &mut Rng, o: Ticket, px: i32, shares: f64, until: i64) -> Vec<(i64, f64)> {
        let mut fills = Vec::new();
        let mut left = shares;
        let step = if self.markets[o.m].kind == Kind::Round { 20 } else { 600 };
        let end = until.min(self.markets[o.m].close).min(NOW);
        let depth = f64::from(self.markets[o.m].depth);
        let mut t = o.t + step;
        while t < end && left >= 0.01 {
            let (bid, ask) = self.quote(o.m, o.tok, t);
            let through = if o.buy { ask <= px } else { bid >= px };
            let at_touch = if o.buy { bid == px } else { ask == px };
            if through {
                let chunks = r.int(1, 3);
                for c in 0..chunks {
                    let part = if c == chunks - 1 { left } else { left * r.range(0.2, 0.6) };
                    let ts = t - step + r.int(1, step - 1);
                    let got = self.make(r, Ticket { t: ts, ..o }, px, part, None);
                    if got > 0.0 {
                        fills.push((ts, got));
                        left -= got;
                    }
                }
                break;
            }
            if at_touch {
                let arrivals = r.poisson(self.flow(o.m, t) * 0.5 * step as f64 / 3600.0 * 0.6);
                for _ in 0..arrivals {
                    let part = left.min(r.lognormal(depth * 0.15, 1.0).max(1.0));
                    let ts = t - step + r.int(1, step - 1);
                    let got = self.make(r, Ticket { t: ts, ..o }, px, part, None);
                    if got > 0.0 {
                        fills.push((ts, got));
                        left -= got;
                    }
                    if left < 0.01 {
                        break;
                    }
                }
            }
            t += step;
        }
        fills
    }

    /// The orders of wallet `w` in the rows its run produced, oldest first.
    pub fn orders_of(&self, w: u32) -> Vec<Seen> {
        let Some(&(a, b)) = self.ranges.get(&w) else { return Vec::new() };
        let mut seen: Vec<Seen> = Vec::new();
        let mut last_tx = 0;
        let mut rows: Vec<&Row> = self.rows[a..b].iter().filter(|x| x.w == w).collect();
        rows.sort_by_key(|x| (x.ts, x.tx));
        for x in rows {
            let sh = f64::from(x.sz) / 100.0;
            if x.tx == last_tx
                && let Some(s) = seen.last_mut()
            {
                s.shares += sh;
                s.usd += sh * f64::from(x.px) / 100.0;
                s.last = i32::from(x.px);
                s.fills += 1;
                continue;
            }
            last_tx = x.tx;
            seen.push(Seen {
                t: x.ts,
                m: x.m as usize,
                tok: x.tok,
                buy: x.buy,
                shares: sh,
                usd: sh * f64::from(x.px) / 100.0,
                last: i32::from(x.px),
                fills: 1,
            });
        }
        seen
    }

    /// The crowd's own orders in every market during the window.
    pub fn background(&mut self, r: &mut Rng) {
        for m in 0..self.markets.len() {
            let mk = &self.markets[m];
            let (a, b) = (mk.open.max(WINDOW_START), mk.close.min(NOW));
            if a >= b {
                continue;
            }
            let kind = mk.kind;
            let bin = match kind {
                Kind::Round => 60,
                Kind::Game | Kind::Mentions | Kind::Election | Kind::Econ => 300,
                _ => 3600,
            };
            let stake = match kind {
                Kind::Round => 14.0,
                Kind::Game | Kind::Election | Kind::Politics => 40.0,
                Kind::Weather | Kind::Mentions | Kind::Tweets => 12.0,
                _ => 25.0,
            };
            let mut t = a;
            while t < b {
                let e = (t + bin).min(b);
                let n = r.poisson(self.flow(m, t) * (e - t) as f64 / 3600.0 * CROWD_SCALE);
                for _ in 0..n {
                    let ts = t + r.int(0, e - t - 1);
                    let p = self.p0(m, ts);
                    let tok = u8::from(!r.chance(0.35 + 0.3 * p));
                    let buy = r.chance(0.64);
                    let who = self.crowd(r);
                    let usd = r.lognormal(stake, 1.25).min(25_000.0);
                    let amt = if buy { Amt::Usd(usd) } else { Amt::Shares((usd / 0.5).round().max(5.0)) };
                    self.take(r, Ticket { w: who, m, tok, buy, t: ts }, amt, Take::market(3));
                }
                t = e;
            }
        }
    }

    /// Markets of `kind` that take orders at `t`.
    pub fn open_of(&self, kind: Kind, t: i64) -> Vec<usize> {
        self.by_kind[kind as usize].iter().copied().filter(|&m| self.tradable(m, t)).collect()
    }

    /// Games in `leagues` (all when empty) starting in [t0, t1).
    pub fn games_starting(&self, leagues: &[usize], t0: i64, t1: i64) -> Vec<usize> {
        let games = &self.by_kind[Kind::Game as usize];
        let i = games.partition_point(|&g| self.markets[g].start < t0);
        games[i..]
            .iter()
            .copied()
            .take_while(|&g| self.markets[g].start < t1)
            .filter(|&g| leagues.is_empty() || leagues.contains(&self.markets[g].tag))
            .collect()
    }

    /// Games in `leagues` (all when empty) being played at `t`.
    pub fn games_live(&self, leagues: &[usize], t: i64) -> Vec<usize> {
        self.games_starting(leagues, t - 5 * 3600, t + 1)
            .into_iter()
            .filter(|&g| t < self.markets[g].decided.max(self.markets[g].start + 600))
            .collect()
    }
}

/// When a path settled for good on its winner (else `fallback`).
fn decided_at(knots: &[(i64, f32)], winner: u8, fallback: i64) -> i64 {
    let mut at = fallback;
    for &(t, p) in knots.iter().rev() {
        let settled = if winner == 0 { p >= 0.97 } else { p <= 0.03 };
        if !settled {
            break;
        }
        at = t;
    }
    at.min(fallback)
}

/// A logit random walk with occasional news jumps, one knot every `step` seconds.
fn walk(r: &mut Rng, t0: i64, t1: i64, step: i64, p: f64, sigma: f64, jump: f64) -> Vec<(i64, f32)> {
    let mut x = logit(p);
    let mut v = Vec::new();
    let mut t = t0;
    while t < t1 {
        v.push((t, expit(x).clamp(0.005, 0.995) as f32));
        x += sigma * r.normal();
        if r.chance(jump) {
            x += 0.45 * r.normal();
        }
        t += step;
    }
    if v.is_empty() {
        v.push((t0, p as f32));
    }
    v
}

/// Prices of the members of one multi-outcome question: logits wander together, prices are their
/// softmax (leaving a little for "other").
fn group_walk(r: &mut Rng, p: Vec<f64>, t0: i64, t1: i64, step: i64, sigma: f64) -> Vec<Vec<(i64, f32)>> {
    let mut x: Vec<f64> = p.iter().map(|q| q.ln()).collect();
    let mut out = vec![Vec::new(); p.len()];
    let mut t = t0;
    while t < t1 {
        let z: f64 = x.iter().map(|v| v.exp()).sum::<f64>() / 0.97;
        for (o, v) in out.iter_mut().zip(&x) {
            o.push((t, (v.exp() / z).clamp(0.005, 0.995) as f32));
        }
        let news = r.chance(0.006);
        for v in x.iter_mut() {
            *v += sigma * r.normal() + if news { 0.2 * r.normal() } else { 0.0 };
        }
        t += step;
    }
    out
}

/// Bracket prices from a forecast that tightens toward the release, then settles on the actual.
fn bracket_paths(r: &mut Rng, brackets: Vec<(f64, f64)>, actual: f64, sd0: f64, t0: i64, release: i64, step: i64) -> Vec<Vec<(i64, f32)>> {
    let mut out = vec![Vec::new(); brackets.len()];
    let mut z = r.normal();
    let mut t = t0;
    let span = (release - t0).max(1) as f64;
    while t < release {
        let frac = ((release - t) as f64 / span).clamp(0.0, 1.0);
        let sd = sd0 * (0.25 + 0.75 * frac.sqrt());
        z = 0.97 * z + 0.243 * r.normal();
        let forecast = actual + sd * 0.8 * z;
        for (o, &(a, b)) in out.iter_mut().zip(&brackets) {
            let p = phi((b - forecast) / sd) - phi((a - forecast) / sd);
            o.push((t, p.clamp(0.005, 0.995) as f32));
        }
        t += step;
    }
    for (o, &(a, b)) in out.iter_mut().zip(&brackets) {
        o.push((release, if (a..b).contains(&actual) { 0.995 } else { 0.005 }));
    }
    out
}

/// An election-night path: a slow drift until the polls close, the count, then the call.
fn count_night(r: &mut Rng, p: f64, poll_close: i64, call: i64) -> (Knots, Knots) {
    let mut knots = walk(r, WORLD_START, poll_close, 7200, p, 0.025, 0.003);
    let p_pc = f64::from(knots.last().map_or(p as f32, |k| k.1));
    let mu = phi_inv(p_pc.clamp(0.02, 0.98));
    let n = ((call - poll_close) / 120).max(2);
    let mut w = 0.0;
    let mut jumps = Vec::new();
    let mut prev = p_pc;
    for i in 1..n {
        let t = poll_close + i * 120;
        let dump = r.chance(0.04);
        w += (1.0 / n as f64).sqrt() * if dump { 3.0 } else { 0.6 } * r.normal();
        let s = i as f64 / n as f64;
        let q = phi((mu + w) / (1.0 - s).max(1e-3).sqrt()).clamp(0.01, 0.99);
        if (q - prev).abs() > 0.06 {
            jumps.push((t, q as f32));
        }
        prev = q;
        knots.push((t, q as f32));
    }
    let won = mu + w > 0.0;
    let settled = if won { 0.995 } else { 0.005 };
    knots.push((call, settled));
    jumps.push((call, settled));
    (knots, jumps)
}

fn short(team: &str) -> String {
    team.split_whitespace().last().unwrap_or(team).chars().filter(|c| c.is_ascii_alphanumeric()).take(3).collect::<String>().to_lowercase()
}

fn slugify(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').chars().take(90).collect()
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The `0x…` address of wallet id `id` (40 lowercase hex digits, distinct per id).
pub fn address(id: u32) -> String {
    let a = mix(SEED ^ u64::from(id).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let b = mix(a ^ 0x5151_5151);
    let c = mix(b ^ u64::from(id));
    format!("0x{a:016x}{b:016x}{:08x}", c >> 32)
}

/// The 64-hex-digit hash of transaction `tx`.
pub fn tx_hash(tx: u64) -> String {
    let a = mix(SEED.rotate_left(17) ^ tx);
    let (b, c, d) = (mix(a ^ 1), mix(a ^ 2), mix(a ^ 3));
    format!("0x{a:016x}{b:016x}{c:016x}{d:016x}")
}

/// The condition id of market `m`.
pub fn condition_id(m: usize) -> String {
    let a = mix(SEED.rotate_left(29) ^ m as u64);
    let (b, c, d) = (mix(a ^ 7), mix(a ^ 8), mix(a ^ 9));
    format!("0x{a:016x}{b:016x}{c:016x}{d:016x}")
}

/// The 77-digit decimal CLOB token id of outcome `tok` of market `m`.
pub fn token_id(m: usize, tok: u8) -> String {
    let mut x = mix(SEED.rotate_left(41) ^ ((m as u64) << 1 | u64::from(tok)));
    let mut s = String::with_capacity(77);
    s.push(char::from(b'1' + (x % 9) as u8));
    while s.len() < 77 {
        x = mix(x);
        s.push_str(&format!("{:019}", x % 10_000_000_000_000_000_000));
    }
    s.truncate(77);
    s
}
