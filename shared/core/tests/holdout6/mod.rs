//! Holdout v6: a sixth, independently written simulation of Polymarket — politics, sports, news
//! and hourly crypto up/down markets over 45 days ending at [`NOW`], a background crowd in every
//! market, a handful of popular leaders that copy bots follow, and labelled wallets whose habits
//! are written from how bettors and bot authors describe themselves.
//!
//! Everything is drawn from one frozen seed through a small PRNG of its own, so the set never
//! changes unless this file does.

mod bots;
mod people;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The fixed "now" the simulation ends at (unix seconds).
pub const NOW: i64 = 1_799_366_400;
/// One day in seconds.
const DAY: i64 = 86_400;
/// The simulated span ends at NOW and starts this many days before it.
const SPAN_DAYS: i64 = 45;
/// The first simulated second.
const START: i64 = NOW - SPAN_DAYS * DAY;
/// The labelled wallets' fills are reported for this last stretch.
const WINDOW: i64 = 30 * DAY;
/// The frozen seed.
const SEED: u64 = 0x6c0f_fee6_d00d_2027;

/// One labelled wallet of holdout v6.
pub struct Holdout6Wallet {
    /// The wallet address.
    pub wallet: Wallet,
    /// Ground truth: its orders are placed by software.
    pub bot: bool,
    /// The behaviour it was generated from.
    pub behaviour: &'static str,
    /// Its fills in the last 30 days, newest first.
    pub trades: Vec<Trade>,
}

/// Holdout v6: the labelled wallets and every public trade of the simulated markets.
pub struct Holdout6 {
    /// The labelled wallets.
    pub wallets: Vec<Holdout6Wallet>,
    /// Everyone's fills in the simulated markets, in generation order.
    pub tape: Vec<Trade>,
}

/// A small deterministic PRNG (splitmix64).
pub(crate) struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A new independent stream.
    fn fork(&mut self) -> Rng {
        Rng::new(self.u64())
    }

    /// Uniform in [0, 1).
    fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform integer in [lo, hi] inclusive.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.u64() % (hi - lo + 1) as u64) as i64
    }

    /// Uniform in [lo, hi).
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = self.f().max(1e-12);
        let v = self.f();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Log-normal with the given median and spread.
    fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    /// Exponential with the given mean.
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.u64() % items.len() as u64) as usize]
    }

    fn index(&mut self, n: usize) -> usize {
        (self.u64() % n.max(1) as u64) as usize
    }

    fn hex(&mut self, digits: usize) -> String {
        let mut s = String::with_capacity(digits);
        while s.len() < digits {
            s.push_str(&format!("{:016x}", self.u64()));
        }
        s.truncate(digits);
        s
    }

    fn wallet(&mut self) -> Wallet {
        Wallet::parse(&format!("0x{}", self.hex(40))).expect("generated wallet")
    }
}

/// What kind of market.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// Long-dated politics and elections.
    Politics,
    /// A single game, resolving when it ends.
    Sports,
    /// A news question that moves in jumps when something happens.
    News,
    /// An hourly "up or down" market on BTC or ETH.
    Crypto,
}

/// One binary market.
pub(crate) struct Market {
    pub kind: Kind,
    cond: String,
    tokens: [String; 2],
    outcomes: [&'static str; 2],
    title: String,
    slug: String,
    /// First second orders are accepted.
    pub open: i64,
    /// Last second orders are accepted (resolution follows).
    pub close: i64,
    /// Game start, hour start, or zero.
    pub event: i64,
    /// First second of the stored price path, and its step.
    path_start: i64,
    step: i64,
    /// Price of outcome 0 at each step.
    path: Vec<f32>,
    /// Typical resting depth at one price level, in shares.
    depth: f64,
}

impl Market {
    /// The mid price of outcome `o` at `t`.
    pub fn mid(&self, o: usize, t: i64) -> f64 {
        let i = ((t - self.path_start) / self.step).clamp(0, self.path.len() as i64 - 1) as usize;
        let p = f64::from(self.path[i]);
        if o == 0 { p } else { 1.0 - p }
    }

    /// Whether orders are accepted at `t`.
    pub fn live(&self, t: i64) -> bool {
        t >= self.open && t <= self.close && (START..=NOW).contains(&t)
    }
}

/// A news market's sudden move: the market, when, and which outcome rose.
#[derive(Clone, Copy)]
pub(crate) struct Jump {
    pub m: usize,
    pub at: i64,
    pub up: usize,
}

/// One order of a popular leader, as copy bots and manual copiers see it.
#[derive(Clone, Copy)]
pub(crate) struct LeaderOrder {
    pub m: usize,
    pub o: usize,
    pub side: Side,
    pub shares: f64,
    pub ts: i64,
    /// The leader's holding of that token before this order.
    pub held_before: f64,
}

/// How much an order is for.
#[derive(Clone, Copy)]
pub(crate) enum Amount {
    /// Dollars to spend (buys) or raise (sells).
    Usd(f64),
    /// Shares.
    Shares(f64),
}

/// The simulated venue: markets, everyone's fills, the crowd and the leaders.
pub(crate) struct World {
    pub markets: Vec<Market>,
    pub tape: Vec<Trade>,
    crowd: Vec<Wallet>,
    pub leaders: Vec<Vec<LeaderOrder>>,
    pub jumps: Vec<Jump>,
    pub politics: Vec<usize>,
    pub sports: Vec<usize>,
    pub news: Vec<usize>,
    pub crypto: Vec<usize>,
}

/// What a taker order did: shares filled and the average price.
#[derive(Clone, Copy)]
pub(crate) struct Filled {
    pub shares: f64,
    pub price: f64,
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Cents on the tick inside [1, 99].
fn cents(p: f64) -> i64 {
    ((p * 100.0).round() as i64).clamp(1, 99)
}

impl World {
    fn hash(rng: &mut Rng) -> String {
        format!("0x{}", rng.hex(64))
    }

    /// Appends one fill to the tape.
    #[allow(clippy::too_many_arguments)]
    fn push(&mut self, w: &Wallet, m: usize, o: usize, side: Side, cents: i64, shares: f64, ts: i64, hash: &str) {
        let mk = &self.markets[m];
        let centi = ((shares * 100.0).floor() as i64).max(1);
        self.tape.push(Trade {
            wallet: w.clone(),
            side,
            asset: mk.tokens[o].clone(),
            condition_id: mk.cond.clone(),
            size: Shares(Decimal::new(centi, 2)),
            price: Price(Decimal::new(cents, 2)),
            timestamp: from_secs(ts),
            transaction_hash: hash.to_string(),
            outcome: mk.outcomes[o].to_string(),
            outcome_index: Some(o as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        });
    }

    /// A marketable order by `w`: it crosses the spread and walks the book, leaving one fill per
    /// resting order it meets under one transaction hash. Sizes below the venue minimum are
    /// raised to it. `None` when the market is not trading at `ts`.
    #[allow(clippy::too_many_arguments)]
    pub fn take(&mut self, w: &Wallet, m: usize, o: usize, side: Side, amount: Amount, ts: i64, rng: &mut Rng) -> Option<Filled> {
        let mk = &self.markets[m];
        if !mk.live(ts) {
            return None;
        }
        let mid = mk.mid(o, ts);
        let half = if rng.chance(0.7) { 0.005 } else { 0.015 };
        let mut c = match side {
            Side::Buy => ((mid + half) * 100.0).ceil() as i64,
            Side::Sell => ((mid - half) * 100.0).floor() as i64,
        }
        .clamp(1, 99);
        let first = c as f64 / 100.0;
        let mut shares = match amount {
            Amount::Usd(d) => d / first,
            Amount::Shares(s) => s,
        };
        shares = (shares * 100.0).floor() / 100.0;
        if shares < 5.0 {
            shares = 5.0;
        }
        if side == Side::Buy && shares * first < 1.0 {
            shares = (1.0 / first).ceil();
        }
        let depth = mk.depth;
        let hash = World::hash(rng);
        let mut left = shares;
        let mut cost = 0.0;
        let mut fills = 0;
        while left > 0.004 {
            let level = rng.lognormal(depth, 0.9).max(5.0);
            let here = if fills >= 11 { left } else { left.min(level) };
            // Several resting orders can sit at one price.
            let makers = if here > 40.0 && rng.chance(0.3) { 2 } else { 1 };
            let mut rest = here;
            for k in 0..makers {
                let part = if k + 1 == makers { rest } else { ((rest * rng.range(0.2, 0.8)) * 100.0).floor() / 100.0 };
                if part >= 0.01 {
                    self.push(w, m, o, side, c, part, ts, &hash);
                    fills += 1;
                    cost += part * c as f64 / 100.0;
                }
                rest -= part;
            }
            left -= here;
            c = match side {
                Side::Buy => (c + 1).min(99),
                Side::Sell => (c - 1).max(1),
            };
        }
        Some(Filled { shares, price: cost / shares })
    }

    /// A resting order of `w` filled (wholly or partly) at `cents`: the maker's fill and the
    /// crowd taker's fill that hit it, under one transaction hash.
    #[allow(clippy::too_many_arguments)]
    pub fn make(&mut self, w: &Wallet, m: usize, o: usize, side: Side, cents: i64, shares: f64, ts: i64, rng: &mut Rng) -> bool {
        if !self.markets[m].live(ts) {
            return false;
        }
        let hash = World::hash(rng);
        let taker = self.crowd_wallet(rng);
        let other = match side {
            Side::Buy => Side::Sell,
            Side::Sell => Side::Buy,
        };
        self.push(&taker, m, o, other, cents, shares, ts, &hash);
        self.push(w, m, o, side, cents, shares, ts, &hash);
        true
    }

    fn crowd_wallet(&self, rng: &mut Rng) -> Wallet {
        // A few crowd wallets are far busier than most.
        let i = (self.crowd.len() as f64 * rng.f().powf(2.2)) as usize;
        self.crowd[i.min(self.crowd.len() - 1)].clone()
    }

    /// The first time in [from, to] that outcome `o` of market `m` trades at or below `level`
    /// cents (`below`) or at or above it, with a few seconds' noise inside the price step.
    #[allow(clippy::too_many_arguments)]
    pub fn first_cross(&self, m: usize, o: usize, from: i64, to: i64, level: i64, below: bool, rng: &mut Rng) -> Option<i64> {
        let mk = &self.markets[m];
        let (from, to) = (from.max(mk.path_start).max(START), to.min(mk.close).min(NOW));
        let mut t = from;
        while t <= to {
            let c = cents(mk.mid(o, t));
            if (below && c <= level) || (!below && c >= level) {
                return Some((t + rng.int(0, mk.step - 1)).min(to));
            }
            t += mk.step;
        }
        None
    }

    /// Live markets of a kind at `t`.
    pub fn live_of(&self, kind: Kind, t: i64) -> Vec<usize> {
        let list = match kind {
            Kind::Politics => &self.politics,
            Kind::Sports => &self.sports,
            Kind::News => &self.news,
            Kind::Crypto => &self.crypto,
        };
        list.iter().copied().filter(|&m| self.markets[m].live(t)).collect()
    }
}

/// Builds the markets and their price paths.
fn markets(rng: &mut Rng) -> (Vec<Market>, Vec<Jump>) {
    let mut out = Vec::new();
    let mut jumps = Vec::new();
    let token = |rng: &mut Rng| -> String {
        let mut s = rng.int(1, 9).to_string();
        for _ in 0..76 {
            s.push(char::from(b'0' + rng.int(0, 9) as u8));
        }
        s
    };
    let mut add = |rng: &mut Rng,
                   kind: Kind,
                   title: String,
                   outcomes: [&'static str; 2],
                   open: i64,
                   close: i64,
                   event: i64,
                   step: i64,
                   path: Vec<f32>,
                   depth: f64| {
        let slug: String = title
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let path_start = open.max(START - DAY);
        out.push(Market {
            kind,
            cond: format!("0x{}", rng.hex(64)),
            tokens: [token(rng), token(rng)],
            outcomes,
            title,
            slug,
            open,
            close,
            event,
            path_start,
            step,
            path,
            depth,
        });
        out.len() - 1
    };

    // Politics: long-dated, still open at NOW.
    let races = [
        "Democratic nominee 2028",
        "Republican nominee 2028",
        "Fed rate cut in March",
        "Government shutdown by Feb 1",
        "UK general election called in 2027",
        "French PM out by March",
        "German coalition collapses in Q1",
        "Supreme Court vacancy in 2027",
        "Tariff deal with EU by March",
        "Ukraine ceasefire by June",
        "Recession in 2027",
        "Senate votes on crypto bill by April",
        "Canadian snap election in 2027",
        "Brazil president approval above 40%",
        "Japan PM resigns by March",
        "NYC mayor recall petition qualifies",
        "Debt ceiling raised by April",
        "Inflation above 3% in January CPI",
        "Speaker of the House replaced in 2027",
        "Israel election before October",
        "India-Pakistan talks in Q1",
        "Gold above $3,000 on March 31",
    ];
    for (i, r) in races.iter().enumerate() {
        let open = START - rng.int(20, 200) * DAY;
        let close = NOW + rng.int(20, 300) * DAY;
        let step = 600;
        let path_start = open.max(START - DAY);
        let n = ((NOW - path_start) / step + 1) as usize;
        let mut x = rng.normal() * 1.4;
        let mut path = Vec::with_capacity(n);
        for _ in 0..n {
            x += rng.normal() * 0.025;
            if rng.chance(0.0015) {
                x += rng.normal() * 0.7;
            }
            x = x.clamp(-4.2, 4.2);
            path.push(logistic(x) as f32);
        }
        let title = if i % 2 == 0 { format!("{r}?") } else { format!("Will the {r} happen?") };
        let depth = rng.lognormal(1500.0, 0.5);
        add(rng, Kind::Politics, title, ["Yes", "No"], open, close, 0, step, path, depth);
    }

    // Sports: about six games a day, each market opening two days before its game.
    let teams = [
        "Lakers",
        "Celtics",
        "Knicks",
        "Warriors",
        "Bucks",
        "Heat",
        "Nuggets",
        "Suns",
        "Chiefs",
        "Eagles",
        "Bills",
        "Cowboys",
        "Arsenal",
        "Chelsea",
        "Liverpool",
        "Real Madrid",
        "Barcelona",
        "Inter",
        "Rangers",
        "Oilers",
        "Yankees",
        "Dodgers",
        "Bruins",
        "Maple Leafs",
    ];
    for d in -2..SPAN_DAYS + 1 {
        let games = rng.int(4, 8);
        for _ in 0..games {
            let day0 = START + d * DAY;
            // Games start between 16:00 and 03:00 UTC (European afternoons to US evenings).
            let event = day0 + 16 * 3600 + rng.int(0, 11 * 4) * 900;
            let dur = rng.int(150, 200) * 60;
            let open = event - 2 * DAY;
            let close = event + dur;
            if close < START || open > NOW {
                continue;
            }
            let a = rng.index(teams.len());
            let mut b = rng.index(teams.len());
            if b == a {
                b = (a + 1) % teams.len();
            }
            let (ta, tb) = (teams[a], teams[b]);
            let step = 120;
            let path_start = open.max(START - DAY);
            let n = ((close - path_start) / step + 1) as usize;
            let mut x = rng.normal() * 0.9;
            let mut path = Vec::with_capacity(n);
            for k in 0..n {
                let t = path_start + k as i64 * step;
                if t < event {
                    x += rng.normal() * 0.01;
                    path.push(logistic(x) as f32);
                } else {
                    x += rng.normal() * 0.16;
                    let frac = (t - event) as f64 / dur as f64;
                    path.push(logistic(x * (1.0 + 5.0 * frac.powi(3))) as f32);
                }
            }
            let title = format!("{ta} vs. {tb}");
            let depth = rng.lognormal(900.0, 0.5);
            add(rng, Kind::Sports, title, [ta, tb], open, close, event, step, path, depth);
        }
    }

    // News: questions that sit quietly and then jump.
    let topics = [
        "Will OpenAI release a new model this month?",
        "Will the CEO of a Big Tech firm resign this month?",
        "Will a major airline announce a merger?",
        "Will the Pope make a visit to Asia announced?",
        "Will Elon tweet about Dogecoin this week?",
        "Will a Category 4 storm make landfall?",
        "Will the strike end by Friday?",
        "Will the minister resign this week?",
        "Will the court rule before the deadline?",
        "Will the launch happen on schedule?",
        "Will the hostage deal be announced?",
        "Will the album drop this month?",
        "Will the indictment be unsealed this month?",
        "Will the central bank intervene in the yen?",
        "Will the bill pass the lower house this week?",
        "Will a new antitrust suit be filed?",
    ];
    for i in 0..44 {
        let open = START + rng.int(-12, SPAN_DAYS - 4) * DAY + rng.int(0, DAY);
        let close = open + rng.int(5, 30) * DAY;
        let step = 300;
        let path_start = open.max(START - DAY);
        let end = close.min(NOW);
        let n = ((end - path_start) / step + 1).max(1) as usize;
        let mut x = -1.0 + rng.normal() * 1.0;
        let njumps = rng.int(1, 3);
        let mut at: Vec<i64> = (0..njumps).map(|_| rng.int(path_start + DAY / 2, end - 3600)).collect();
        at.sort();
        let mut moves = Vec::new();
        let mut path = Vec::with_capacity(n);
        let mut j = 0;
        for k in 0..n {
            let t = path_start + k as i64 * step;
            x += rng.normal() * 0.02;
            while j < at.len() && at[j] <= t {
                let size = rng.range(1.0, 2.6) * if rng.chance(0.55) { 1.0 } else { -1.0 };
                x += size;
                moves.push((at[j], if size > 0.0 { 0 } else { 1 }));
                j += 1;
            }
            x = x.clamp(-4.5, 4.5);
            let frac = ((t - open) as f64 / (close - open) as f64).clamp(0.0, 1.0);
            path.push(logistic(x * (1.0 + 3.0 * frac.powi(6))) as f32);
        }
        let title = format!("{} (#{})", topics[i % topics.len()], i / topics.len() + 1);
        let depth = rng.lognormal(700.0, 0.6);
        let m = add(rng, Kind::News, title, ["Yes", "No"], open, close, 0, step, path, depth);
        for (t, up) in moves {
            if t >= START {
                jumps.push(Jump { m, at: t, up });
            }
        }
    }

    // Crypto: an hourly up/down market on BTC and on ETH, listed two hours ahead.
    for h in 0..SPAN_DAYS * 24 {
        for coin in ["Bitcoin", "Ethereum"] {
            let event = START + h * 3600;
            let open = event - 2 * 3600;
            let close = event + 3600;
            let step = 60;
            let n = ((close - open) / step + 1) as usize;
            let mut path = Vec::with_capacity(n);
            let mut r = 0.0;
            for k in 0..n {
                let t = open + k as i64 * step;
                if t < event {
                    path.push((0.5 + rng.normal() * 0.01) as f32);
                } else {
                    r += rng.normal();
                    let rem = (close - t) as f64 / 60.0;
                    path.push(logistic(1.7 * r / (rem + 0.5).sqrt()) as f32);
                }
            }
            let title = format!("{coin} Up or Down - hour {}", h % 24);
            let depth = rng.lognormal(400.0, 0.6);
            add(rng, Kind::Crypto, title, ["Up", "Down"], open, close, event, step, path, depth);
        }
    }
    (out, jumps)
}

/// The unlabelled crowd's orders in every market.
fn crowd(w: &mut World, rng: &mut Rng) {
    for m in 0..w.markets.len() {
        let (kind, open, close, event) = {
            let mk = &w.markets[m];
            (mk.kind, mk.open.max(START), mk.close.min(NOW), mk.event)
        };
        if close <= open {
            continue;
        }
        let n = match kind {
            Kind::Politics => rng.int(1200, 2600),
            Kind::Sports => rng.int(60, 200),
            Kind::News => rng.int(200, 700) * (close - open) / (20 * DAY) + 20,
            Kind::Crypto => rng.int(4, 16),
        };
        let jumps: Vec<i64> = w.jumps.iter().filter(|j| j.m == m).map(|j| j.at).collect();
        for _ in 0..n {
            let ts = match kind {
                Kind::Politics => {
                    // More trading in US afternoons and evenings.
                    let mut t;
                    loop {
                        t = rng.int(open, close);
                        let h = ((t - 5 * 3600).rem_euclid(DAY)) / 3600;
                        let wgt = if (9..24).contains(&h) { 1.0 } else { 0.35 };
                        if rng.chance(wgt) {
                            break;
                        }
                    }
                    t
                }
                Kind::Sports => {
                    if rng.chance(0.6) {
                        rng.int(event, close)
                    } else {
                        event - rng.exp(5.0 * 3600.0) as i64
                    }
                }
                Kind::News => {
                    if !jumps.is_empty() && rng.chance(0.5) {
                        *rng.pick(&jumps) + rng.exp(2.0 * 3600.0) as i64
                    } else {
                        rng.int(open, close)
                    }
                }
                Kind::Crypto => {
                    if rng.chance(0.75) {
                        rng.int(event, close)
                    } else {
                        rng.int(open, event)
                    }
                }
            };
            if ts < open || ts > close {
                continue;
            }
            let fav = if w.markets[m].mid(0, ts) >= 0.5 { 0 } else { 1 };
            let o = if rng.chance(0.62) { fav } else { 1 - fav };
            let side = if rng.chance(0.72) { Side::Buy } else { Side::Sell };
            let usd = rng.lognormal(22.0, 1.4).min(25_000.0);
            let who = w.crowd_wallet(rng);
            w.take(&who, m, o, side, Amount::Usd(usd), ts, rng);
        }
    }
}

/// Popular leaders: active, well-funded people whose trades copy bots follow.
fn leaders(w: &mut World, rng: &mut Rng, n: usize) -> Vec<Wallet> {
    let mut out = Vec::new();
    for _ in 0..n {
        let me = rng.wallet();
        let p = people::Person::new(rng);
        let mut held: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        let mut orders = Vec::new();
        let pref = *rng.pick(&[Kind::Politics, Kind::Sports, Kind::News]);
        let per_day = rng.range(1.5, 8.0);
        for d in 0..SPAN_DAYS {
            if !rng.chance(0.8) {
                continue;
            }
            let k = rng.exp(per_day).round() as i64;
            let mut t = p.moment(d, 0.4, rng);
            for _ in 0..k {
                t += p.gap(rng) * if rng.chance(0.3) { 20 } else { 1 };
                let kind = if rng.chance(0.7) { pref } else { *rng.pick(&[Kind::Politics, Kind::Sports, Kind::News]) };
                let live = w.live_of(kind, t);
                if live.is_empty() {
                    continue;
                }
                // Sell something held a third of the time.
                let owned: Vec<(usize, usize)> =
                    held.iter().filter(|(k2, v)| **v > 5.0 && w.markets[k2.0].live(t)).map(|(k2, _)| *k2).collect();
                if !owned.is_empty() && rng.chance(0.33) {
                    let (m, o) = owned[rng.index(owned.len())];
                    let before = held[&(m, o)];
                    let sell = if rng.chance(0.5) { before } else { (before * rng.range(0.3, 0.7)).floor() };
                    if let Some(f) = w.take(&me, m, o, Side::Sell, Amount::Shares(sell.max(5.0).min(before)), t, rng) {
                        *held.get_mut(&(m, o)).expect("held") -= f.shares;
                        orders.push(LeaderOrder { m, o, side: Side::Sell, shares: f.shares, ts: t, held_before: before });
                    }
                    continue;
                }
                let m = live[rng.index(live.len())];
                let fav = if w.markets[m].mid(0, t) >= 0.5 { 0 } else { 1 };
                let o = if rng.chance(0.6) { fav } else { 1 - fav };
                if !(0.05..=0.95).contains(&w.markets[m].mid(o, t)) {
                    continue;
                }
                let usd = people::round_usd(rng.lognormal(900.0, 0.9));
                let before = held.get(&(m, o)).copied().unwrap_or(0.0);
                if let Some(f) = w.take(&me, m, o, Side::Buy, Amount::Usd(usd), t, rng) {
                    *held.entry((m, o)).or_default() += f.shares;
                    orders.push(LeaderOrder { m, o, side: Side::Buy, shares: f.shares, ts: t, held_before: before });
                }
            }
        }
        orders.sort_by_key(|o| o.ts);
        w.leaders.push(orders);
        out.push(me);
    }
    out
}

/// A behaviour's generator: adds one wallet's fills to the world.
type Run = fn(&mut World, &mut Rng, &Wallet);

/// One behaviour: its name, whether it is a bot, how many wallets, and its generator.
struct Spec {
    name: &'static str,
    bot: bool,
    count: usize,
    run: Run,
}

/// Builds holdout v6.
pub fn holdout6() -> Holdout6 {
    let mut rng = Rng::new(SEED);
    let (markets, jumps) = markets(&mut rng.fork());
    let mut politics = Vec::new();
    let mut sports = Vec::new();
    let mut news = Vec::new();
    let mut crypto = Vec::new();
    for (i, m) in markets.iter().enumerate() {
        match m.kind {
            Kind::Politics => politics.push(i),
            Kind::Sports => sports.push(i),
            Kind::News => news.push(i),
            Kind::Crypto => crypto.push(i),
        }
    }
    let mut crowd_rng = rng.fork();
    let crowd_wallets = (0..4000).map(|_| crowd_rng.wallet()).collect();
    let mut world = World { markets, tape: Vec::new(), crowd: crowd_wallets, leaders: Vec::new(), jumps, politics, sports, news, crypto };
    crowd(&mut world, &mut crowd_rng);
    leaders(&mut world, &mut rng.fork(), 16);

    let mut specs: Vec<Spec> = people::specs();
    specs.extend(bots::specs());
    let mut labelled: Vec<(Wallet, bool, &'static str)> = Vec::new();
    let since = from_secs(NOW - WINDOW);
    for s in &specs {
        let mut r = rng.fork();
        for _ in 0..s.count {
            // Like discovery, the set holds wallets that traded in the last 30 days: a wallet
            // whose activity all fell earlier stays in the tape, unlabelled, and another is drawn.
            for attempt in 0..20 {
                let w = r.wallet();
                let before = world.tape.len();
                (s.run)(&mut world, &mut r.fork(), &w);
                if attempt == 19 || world.tape[before..].iter().any(|t| t.wallet == w && t.timestamp >= since) {
                    labelled.push((w, s.bot, s.name));
                    break;
                }
            }
        }
    }
    // Wash-trading rings need several wallets at once.
    let mut r = rng.fork();
    for _ in 0..bots::WASH_RINGS {
        let ring: Vec<Wallet> = (0..bots::WASH_RING_SIZE).map(|_| r.wallet()).collect();
        bots::wash_ring(&mut world, &mut r.fork(), &ring);
        for w in ring {
            labelled.push((w, true, bots::WASH));
        }
    }

    let index: BTreeMap<&Wallet, usize> = labelled.iter().enumerate().map(|(i, l)| (&l.0, i)).collect();
    let mut own: Vec<Vec<Trade>> = vec![Vec::new(); labelled.len()];
    for t in &world.tape {
        if let Some(&i) = index.get(&t.wallet)
            && t.timestamp >= since
        {
            own[i].push(t.clone());
        }
    }
    let wallets = labelled
        .into_iter()
        .zip(own)
        .map(|((wallet, bot, behaviour), mut trades)| {
            // Newest first; fills of one transaction stay together.
            trades.reverse();
            trades.sort_by_key(|t| std::cmp::Reverse(t.timestamp));
            Holdout6Wallet { wallet, bot, behaviour, trades }
        })
        .collect();
    Holdout6 { wallets, tape: world.tape }
}
