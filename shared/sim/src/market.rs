//! Binary markets: metadata, a hidden outcome, a calibrated price path and books.
//!
//! The price model: a latent Brownian motion `z` runs over the market's life with variance
//! `1 / lifetime` per second, and outcome 0 wins when `z` ends above zero. The fair price of
//! outcome 0 at time `t` is then `Φ(z(t) / sqrt(remaining variance))`: a martingale that is
//! calibrated by construction and drifts to 0 or 1 as resolution nears. Someone who knows the
//! outcome (a skilled trader) has a real edge; someone who does not loses the spread.

use crate::noise::{exponential, hash3, normal, normal_cdf, random_decimal_digits, random_hex, unit};
use crate::params::SimParams;
use copycat_core::market::{Book, BookLevel, MarketInfo};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::time::{Timestamp, from_secs};
use rand::Rng;
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

/// Seconds between stored points of a price path (linearly interpolated in between).
const PATH_STEP: i64 = 300;
/// Price levels shown on each side of a book.
pub(crate) const LEVELS: usize = 6;
/// Shares quantities are kept in hundredths internally (two decimals, as the CLOB's size step).
pub(crate) const CENTS: i64 = 100;

/// One simulated binary market, with its hidden outcome.
#[derive(Clone, Debug)]
pub struct Market {
    /// Condition id: `0x` + 64 hex digits.
    pub condition_id: String,
    /// The question, for people.
    pub question: String,
    /// URL slug.
    pub slug: String,
    /// Category (politics, sports, crypto, …).
    pub category: String,
    /// Outcome token ids (long decimal strings, as the CLOB's), in outcome order.
    pub token_ids: [String; 2],
    /// Outcome labels, in outcome order ("Yes"/"No", or two team names).
    pub outcomes: [String; 2],
    /// When the market opened for trading.
    pub created_at: Timestamp,
    /// When trading ends and the market resolves.
    pub end_date: Timestamp,
    /// Liquidity in dollars, as the venue would report it.
    pub liquidity: Usd,
    /// Taker fee rate (0 or e.g. 0.02).
    pub taker_fee_rate: Decimal,
    /// Ground truth: index of the outcome that wins at `end_date`.
    pub winner: usize,
    pub(crate) created: i64,
    pub(crate) end: i64,
    path: Vec<f32>,
    /// Variance of the latent walk per second (1 / lifetime).
    var_rate: f64,
    /// Typical shares per book level.
    depth: f64,
    /// Seed of this market's book noise.
    noise: u64,
    /// News: at each second, the latent walk steps by this much at once (a price jump a
    /// follower arriving seconds later already pays). Sorted by time.
    pub(crate) jumps: Vec<(i64, f32)>,
}

/// Best bid and ask of outcome 0 at one instant, in ticks (cents).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Top {
    pub bid: u8,
    pub ask: u8,
}

impl Top {
    /// The same prices seen from outcome `o` (outcome 1 is the mirror: its bid is 1 − ask).
    pub fn of(self, o: u8) -> Top {
        if o == 0 { self } else { Top { bid: 100 - self.ask, ask: 100 - self.bid } }
    }
}

/// A book of one outcome at one instant: prices in ticks, sizes in hundredths of a share.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Quotes {
    pub top: Top,
    pub bid_sizes: [u32; LEVELS],
    pub ask_sizes: [u32; LEVELS],
}

impl Quotes {
    /// Bid levels best-first: (price ticks, size hundredths).
    pub fn bids(&self) -> impl Iterator<Item = (u8, u32)> + '_ {
        (0..LEVELS)
            .take_while(move |i| i32::from(self.top.bid) - (*i as i32) >= 1)
            .map(move |i| (self.top.bid - i as u8, self.bid_sizes[i]))
    }
    /// Ask levels best-first: (price ticks, size hundredths).
    pub fn asks(&self) -> impl Iterator<Item = (u8, u32)> + '_ {
        (0..LEVELS).take_while(move |i| usize::from(self.top.ask) + i <= 99).map(move |i| (self.top.ask + i as u8, self.ask_sizes[i]))
    }
}

impl Market {
    /// Whether the market exists (has been created) at `at`.
    pub fn exists_at(&self, at: Timestamp) -> bool {
        at.timestamp() >= self.created
    }

    /// Whether the market accepts orders at `at` (created, not yet ended).
    pub fn is_open_at(&self, at: Timestamp) -> bool {
        let t = at.timestamp();
        t >= self.created && t < self.end
    }

    /// Whether the market has resolved by `at`.
    pub fn is_resolved_at(&self, at: Timestamp) -> bool {
        at.timestamp() >= self.end
    }

    /// The market's metadata as the venue would show it at `at` (winner only once resolved).
    pub fn info_at(&self, at: Timestamp) -> MarketInfo {
        let resolved = self.is_resolved_at(at);
        MarketInfo {
            condition_id: self.condition_id.clone(),
            question: self.question.clone(),
            category: self.category.clone(),
            token_ids: self.token_ids.to_vec(),
            outcomes: self.outcomes.to_vec(),
            tick_size: Price(Decimal::new(1, 2)),
            min_order_size: Shares(Decimal::new(5, 0)),
            end_date: Some(self.end_date),
            accepting_orders: self.is_open_at(at),
            liquidity: self.liquidity,
            taker_fee_rate: self.taker_fee_rate,
            winning_outcome: resolved.then_some(self.winner),
            resolution_unknown: false,
        }
    }

    /// The book of outcome `outcome` at `at`, best-first; empty once the market has closed.
    pub fn book_at(&self, outcome: usize, at: Timestamp) -> Book {
        let mut book = Book { token_id: self.token_ids[outcome.min(1)].clone(), bids: vec![], asks: vec![], at: Some(at) };
        let t = at.timestamp();
        if t < self.created || t >= self.end {
            return book;
        }
        let q = self.quotes(t, outcome.min(1) as u8);
        book.bids = q.bids().map(level).collect();
        book.asks = q.asks().map(level).collect();
        book
    }

    /// The fair probability of outcome `outcome` at `at` (what the mid tracks; 1 or 0 once resolved).
    pub fn fair_price_at(&self, outcome: usize, at: Timestamp) -> f64 {
        let p0 = self.prob0(at.timestamp());
        if outcome == 0 { p0 } else { 1.0 - p0 }
    }

    /// Fair probability of outcome 0 at second `t`.
    pub(crate) fn prob0(&self, t: i64) -> f64 {
        if t >= self.end {
            return if self.winner == 0 { 1.0 } else { 0.0 };
        }
        let z = self.z_at(t);
        let remaining = self.var_rate * (self.end - t) as f64;
        normal_cdf(z / remaining.sqrt())
    }

    fn z_at(&self, t: i64) -> f64 {
        let jumped: f64 = self.jumps.iter().take_while(|j| j.0 <= t).map(|j| f64::from(j.1)).sum();
        self.walk_at(t) + jumped
    }

    fn walk_at(&self, t: i64) -> f64 {
        let since = (t - self.created).max(0);
        let k = (since / PATH_STEP) as usize;
        let last = self.path.len() - 1;
        if k >= last {
            return f64::from(self.path[last]);
        }
        let frac = (since % PATH_STEP) as f64 / PATH_STEP as f64;
        let (a, b) = (f64::from(self.path[k]), f64::from(self.path[k + 1]));
        a + (b - a) * frac
    }

    /// Best bid and ask of outcome 0 at second `t` (no depth: cheap, for decisions).
    pub(crate) fn top0(&self, t: i64) -> Top {
        let p = self.prob0(t).clamp(0.01, 0.99);
        let spread = spread_ticks(unit(hash3(self.noise, 0x5eed, t.div_euclid(900) as u64)));
        let bid = ((p * 100.0 - f64::from(spread) / 2.0).round() as i32).clamp(1, 99 - i32::from(spread)) as u8;
        Top { bid, ask: bid + spread }
    }

    /// Best bid and ask of outcome `o` at second `t`.
    pub(crate) fn top(&self, t: i64, o: u8) -> Top {
        self.top0(t).of(o)
    }

    /// The full book of outcome `o` at second `t`.
    pub(crate) fn quotes(&self, t: i64, o: u8) -> Quotes {
        let top = self.top0(t);
        let mut bid_sizes = [0u32; LEVELS];
        let mut ask_sizes = [0u32; LEVELS];
        for i in 0..LEVELS {
            bid_sizes[i] = self.level_size(t, i as u64);
            ask_sizes[i] = self.level_size(t, 16 + i as u64);
        }
        if o == 0 {
            Quotes { top, bid_sizes, ask_sizes }
        } else {
            // Outcome 1's bids are outcome 0's asks, mirrored (one combined book).
            Quotes { top: top.of(1), bid_sizes: ask_sizes, ask_sizes: bid_sizes }
        }
    }

    fn level_size(&self, t: i64, slot: u64) -> u32 {
        let u = unit(hash3(self.noise, t as u64, slot));
        let level = (slot % 16) as f64;
        let shares = self.depth * (1.0 + 0.6 * level) * (0.4 + 1.2 * u);
        ((shares.max(5.0) * CENTS as f64).round() as u32).max(5 * CENTS as u32)
    }
}

fn level((price, size): (u8, u32)) -> BookLevel {
    BookLevel { price: Price(Decimal::new(i64::from(price), 2)), size: Shares(Decimal::new(i64::from(size), 2)) }
}

/// Spread in ticks: 1–4 cents, mean about 2.4 (real Polymarket spreads have a median near 2.4 %).
fn spread_ticks(u: f64) -> u8 {
    if u < 0.15 {
        1
    } else if u < 0.55 {
        2
    } else if u < 0.85 {
        3
    } else {
        4
    }
}

struct Theme {
    category: &'static str,
    fee_share: f64,
}

const THEMES: [Theme; 6] = [
    Theme { category: "politics", fee_share: 0.1 },
    Theme { category: "sports", fee_share: 0.6 },
    Theme { category: "crypto", fee_share: 0.7 },
    Theme { category: "economics", fee_share: 0.2 },
    Theme { category: "culture", fee_share: 0.2 },
    Theme { category: "tech", fee_share: 0.3 },
];

const PEOPLE: [&str; 12] = [
    "Alvarez",
    "Brennan",
    "Castellano",
    "Duarte",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Laurent",
];
const PLACES: [&str; 10] = ["Ohio", "Arizona", "Bavaria", "Ontario", "Victoria", "Lombardy", "Catalonia", "Quebec", "Texas", "Wales"];
const OFFICES: [&str; 4] = ["governor", "senate", "mayoral", "premier"];
const TEAMS: [&str; 16] = [
    "Lions", "Hawks", "Comets", "Rangers", "Pirates", "Wolves", "Titans", "Falcons", "Sharks", "Bulls", "Owls", "Vikings", "Raptors",
    "Giants", "Storm", "Kings",
];
const COINS: [(&str, u32); 5] = [("BTC", 90_000), ("ETH", 3_200), ("SOL", 180), ("XRP", 2), ("DOGE", 1)];
const FILMS: [&str; 8] =
    ["Starfall", "Midnight Harbor", "The Last Orchard", "Iron Meridian", "Paper Moons", "Red Canyon", "Quiet Tides", "Neon Saints"];
const COMPANIES: [(&str, &str); 6] = [
    ("Apple", "a foldable iPhone"),
    ("OpenAI", "GPT-6"),
    ("Tesla", "unsupervised FSD in Europe"),
    ("Google", "Gemini 4"),
    ("Nvidia", "its next flagship GPU"),
    ("Meta", "consumer AR glasses"),
];

/// Question, outcome labels and category for market number `i`.
fn describe(rng: &mut impl Rng, theme: &Theme, end: Timestamp, i: usize) -> (String, [String; 2]) {
    let day = end.format("%B %-d");
    let yes_no = || ["Yes".to_string(), "No".to_string()];
    match theme.category {
        "politics" => {
            let person = PEOPLE.choose(rng).copied().unwrap_or("Alvarez");
            let place = PLACES.choose(rng).copied().unwrap_or("Ohio");
            let office = OFFICES.choose(rng).copied().unwrap_or("governor");
            (format!("Will {person} win the {place} {office} race (poll closing {day})?"), yes_no())
        }
        "sports" => {
            let a = rng.random_range(0..TEAMS.len());
            let b = (a + rng.random_range(1..TEAMS.len())) % TEAMS.len();
            (format!("{} vs. {} ({day}, game {})", TEAMS[a], TEAMS[b], i + 1), [TEAMS[a].to_string(), TEAMS[b].to_string()])
        }
        "crypto" => {
            let (coin, level) = COINS.choose(rng).copied().unwrap_or(("BTC", 90_000));
            let strike = (f64::from(level) * rng.random_range(0.9..1.1)).max(1.0).round() as u64;
            (format!("Will {coin} close above ${strike} on {day}?"), yes_no())
        }
        "economics" => {
            let q = match rng.random_range(0..3) {
                0 => format!("Will the Fed cut rates at the meeting ending {day}?"),
                1 => format!("Will US CPI year-on-year print above {:.1}% on {day}?", rng.random_range(2.0..3.6)),
                _ => format!("Will US initial jobless claims exceed {}k in the week to {day}?", rng.random_range(200..260)),
            };
            (q, yes_no())
        }
        "culture" => {
            let film = FILMS.choose(rng).copied().unwrap_or("Starfall");
            (format!("Will \"{film}\" gross over ${}M in its opening weekend ({day})?", rng.random_range(20..120)), yes_no())
        }
        _ => {
            let (company, product) = COMPANIES.choose(rng).copied().unwrap_or(("Apple", "a foldable iPhone"));
            (format!("Will {company} announce {product} by {day}?"), yes_no())
        }
    }
}

fn slugify(text: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(text.len() + suffix.len() + 1);
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    if !out.ends_with('-') {
        out.push('-');
    }
    out.push_str(suffix);
    out
}

/// Generates `params.markets` markets with staggered creation and resolution across the
/// history and demo period, so some resolve during history (realised PnL exists) and some
/// during the demo.
pub(crate) fn generate_markets(rng: &mut impl Rng, params: &SimParams) -> Vec<Market> {
    let t0 = params.history_start().timestamp();
    let t1 = params.end().timestamp();
    let n = params.markets.max(1) as usize;
    let first = t0 - 7 * 86_400;
    let last = (t1 - 2 * 86_400).max(first + 86_400);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // Stratified creation times: every stretch of the period gets its share of markets.
        let slot = (i as f64 + rng.random::<f64>()) / n as f64;
        let created = (first + ((last - first) as f64 * slot) as i64) / 60 * 60;
        let lifetime_days = (rng.random_range((1.5f64).ln()..(25.0f64).ln())).exp();
        let end = (created + (lifetime_days * 86_400.0) as i64).div_euclid(3600) * 3600 + 3600;
        let lifetime = (end - created) as f64;
        let var_rate = 1.0 / lifetime;

        // The latent walk, stored only while the simulation can look at it.
        let stored_until = end.min(t1 + PATH_STEP);
        let steps = ((stored_until - created).max(0) / PATH_STEP + 2) as usize;
        let step_sd = (var_rate * PATH_STEP as f64).sqrt();
        let mut z = 0.8 * normal(rng);
        let mut path = Vec::with_capacity(steps);
        for _ in 0..steps {
            path.push(z as f32);
            z += step_sd * normal(rng);
        }
        let stored_end = created + (steps as i64 - 1) * PATH_STEP;
        let z_end = if stored_end >= end {
            // The value the interpolated path reaches at the end date: prices converge to it.
            let since = end - created;
            let k = (since / PATH_STEP) as usize;
            let (a, b) = (f64::from(path[k]), f64::from(path[(k + 1).min(steps - 1)]));
            a + (b - a) * (since % PATH_STEP) as f64 / PATH_STEP as f64
        } else {
            f64::from(path[steps - 1]) + (var_rate * (end - stored_end) as f64).sqrt() * normal(rng)
        };
        // News jumps (about one every two days of life), drawn from their own stream so the
        // walk above stays as it was; a jump moves the price by a sizeable share of what is
        // still uncertain.
        let mut news = ChaCha8Rng::seed_from_u64(hash3(params.seed, 0x6e65_7773, i as u64));
        let mut jumps = Vec::new();
        let mut at = created + (exponential(&mut news, 2.0 * 86_400.0) as i64);
        while at < end - 3600 && at < t1 {
            let left = (var_rate * (end - at) as f64).sqrt();
            let size = news.random_range(0.5..1.0) * left * if news.random_bool(0.5) { 1.0 } else { -1.0 };
            jumps.push((at, size as f32));
            at += 3600 + exponential(&mut news, 2.0 * 86_400.0) as i64;
        }
        let z_end = z_end + jumps.iter().map(|j| f64::from(j.1)).sum::<f64>();
        let winner = if z_end > 0.0 { 0 } else { 1 };

        let theme = &THEMES[rng.random_range(0..THEMES.len())];
        let end_date = from_secs(end);
        let (question, outcomes) = describe(rng, theme, end_date, i);
        let condition_id = random_hex(rng, 64);
        let slug = slugify(&question, &condition_id[2..8]);
        let token_ids = [random_decimal_digits(rng, 77), random_decimal_digits(rng, 77)];
        let depth = (rng.random_range((40.0f64).ln()..(1500.0f64).ln())).exp();
        let taker_fee_rate = if rng.random_bool(theme.fee_share) { Decimal::new(2, 2) } else { Decimal::ZERO };
        let liquidity = Usd(Decimal::new((depth * LEVELS as f64 * 2.0 * 0.9 * 100.0).round() as i64, 2));
        let noise = rng.random();
        out.push(Market {
            condition_id,
            question,
            slug,
            category: theme.category.to_string(),
            token_ids,
            outcomes,
            created_at: from_secs(created),
            end_date,
            liquidity,
            taker_fee_rate,
            winner,
            created,
            end,
            path,
            var_rate,
            depth,
            noise,
            jumps,
        });
    }
    out
}
