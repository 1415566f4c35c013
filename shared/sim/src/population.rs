//! The trader population with ground truth, and how each kind of trader trades.
//!
//! Every wallet is simulated on its own seeded RNG, chronologically, holding real positions
//! (it can only sell what it holds). Prices come from the market's book at the trade's second:
//! takers buy at the ask and sell at the bid, sweeping levels when an order is larger than the
//! best level (several fills, one transaction, one timestamp); market makers fill at their own
//! quotes.

use crate::market::{CENTS, Market};
use crate::noise::{exponential, hash3, mix64, normal, poisson};
use copycat_core::trade::Side;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// How a human trades.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HumanStyle {
    /// A few trades a day.
    Casual,
    /// Tens of trades a day, in sessions.
    Active,
    /// A few large bets a day on long shots, picked at random, held to the end: no skill, but
    /// some of them win big by chance (the seed decides who) and top the leaderboard.
    Lucky,
    /// Trades news within seconds: buys a second or three before a price jump and sells minutes
    /// after it. Skilled, but a follower arriving after the latency pays the jumped price.
    NewsTrader,
    /// Rests limit orders: buys at the bid and sells at the ask hours later, during the day.
    /// Earns the spread; a taker copying it pays the spread instead.
    LimitMaker,
    /// Like an active skilled person until [`WalletTruth::skilled_until`], then picks at random.
    Fading,
    /// Unskilled day trader: in and out of the same market within the hour, sometimes switching
    /// to the other outcome, in sessions while awake.
    DayTrader,
}

/// Which machine a bot is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotKind {
    /// Trades at a fixed interval (±1 s) around the clock, constant size, buy then sell.
    Metronome,
    /// Quotes both sides of one market at a time, small sizes, constantly.
    MarketMaker,
    /// Round trips within minutes.
    Scalper,
    /// Thousands of sub-dollar trades.
    MicroFarmer,
    /// Like a metronome, but jitters its gaps (±40 %) and sizes (±20 %) to look less regular.
    Jittery,
    /// Buys the favourite at 0.90–0.98 in markets' last hours, day and night (skilled ones buy
    /// the outcome the result already decided).
    ResolutionSniper,
}

impl BotKind {
    /// Every bot kind.
    pub const ALL: [BotKind; 6] =
        [BotKind::Metronome, BotKind::MarketMaker, BotKind::Scalper, BotKind::MicroFarmer, BotKind::Jittery, BotKind::ResolutionSniper];
}

/// A wallet's kind: a person with a style, or a bot of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WalletKind {
    /// A person.
    Human(HumanStyle),
    /// A machine.
    Bot(BotKind),
}

/// The ground truth about a wallet, for judging the bot filter and leader choice.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WalletTruth {
    /// Person or machine, and which.
    pub kind: WalletKind,
    /// Has a real edge: knows outcomes (humans, informed bots), trades news first or earns the
    /// spread (makers); its expected realised PnL is positive. For [`HumanStyle::Fading`],
    /// only until `skilled_until`.
    pub skilled: bool,
    /// When a fading leader's skill ends (after it, its picks are random); None for everyone
    /// else.
    pub skilled_until: Option<copycat_core::time::Timestamp>,
    /// What a follower earns per dollar copied: the mean, over the wallet's buy orders in the
    /// whole simulated period, of the return of copying each one with the same stake
    /// (`COPY_STAKE_USD`, $10) — bought at the asks of the book `SimParams::follower_latency_ms`
    /// after the wallet's trade, sold at the bids the same delay after the wallet sells
    /// (in proportion to what it sells) or held to resolution (marked at the fair price if
    /// the market is still open at the end), net of the taker fee on both legs. 0 when no buy
    /// could be copied. See `SimWorld::follower_edge_between` for a window.
    pub follower_edge: f64,
    /// Buy orders the follower edge averages over.
    pub follower_copies: u32,
}

impl WalletTruth {
    /// A wallet of `kind`, before its trades (and so its follower edge) are known.
    pub(crate) fn new(kind: WalletKind, skilled: bool) -> WalletTruth {
        WalletTruth { kind, skilled, skilled_until: None, follower_edge: 0.0, follower_copies: 0 }
    }

    /// True for every bot kind.
    pub fn is_bot(&self) -> bool {
        matches!(self.kind, WalletKind::Bot(_))
    }
}

/// One fill, compact (a `Trade` is built from it on demand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// Unix seconds.
    pub ts: i64,
    /// Transaction seed (the hash is derived from it); shared by the fills of one order.
    pub tx: u64,
    /// Shares, in hundredths.
    pub size: u32,
    /// Index of the market.
    pub market: u16,
    /// Outcome index (0 or 1).
    pub outcome: u8,
    /// Buy or sell.
    pub side: Side,
    /// Price in ticks (cents).
    pub price: u8,
}

/// The population's make-up before shuffling: 30 % bots (every kind, round-robin); the people,
/// in every twenty: five skilled and copyable (slow information edge), two fading, one news
/// trader and one limit maker (skilled, not copyable), two lucky, two day traders and seven
/// unskilled casual or active.
pub(crate) fn cast(n: usize, rng: &mut impl Rng) -> Vec<WalletTruth> {
    let bots = (n * 3 + 5) / 10;
    let order =
        [BotKind::Metronome, BotKind::Jittery, BotKind::MarketMaker, BotKind::Scalper, BotKind::MicroFarmer, BotKind::ResolutionSniper];
    let mut out = Vec::with_capacity(n);
    let mut seen = [0usize; 6];
    for i in 0..bots {
        let kind = order[i % order.len()];
        let nth = seen[i % order.len()];
        seen[i % order.len()] += 1;
        let skilled = match kind {
            BotKind::MarketMaker => true,
            BotKind::MicroFarmer => false,
            _ => nth % 2 == 0,
        };
        out.push(WalletTruth::new(WalletKind::Bot(kind), skilled));
    }
    // One cycle of twenty people: (style, skilled).
    const CYCLE: [(HumanStyle, bool); 20] = [
        (HumanStyle::Active, true),
        (HumanStyle::Casual, false),
        (HumanStyle::Lucky, false),
        (HumanStyle::Casual, true),
        (HumanStyle::Active, false),
        (HumanStyle::Fading, true),
        (HumanStyle::DayTrader, false),
        (HumanStyle::Active, true),
        (HumanStyle::NewsTrader, true),
        (HumanStyle::Casual, false),
        (HumanStyle::Active, true),
        (HumanStyle::Casual, false),
        (HumanStyle::LimitMaker, true),
        (HumanStyle::Lucky, false),
        (HumanStyle::Casual, true),
        (HumanStyle::Active, false),
        (HumanStyle::Fading, true),
        (HumanStyle::DayTrader, false),
        (HumanStyle::Casual, false),
        (HumanStyle::Casual, false),
    ];
    for i in 0..n - bots {
        let (style, skilled) = CYCLE[i % CYCLE.len()];
        out.push(WalletTruth::new(WalletKind::Human(style), skilled));
    }
    out.shuffle(rng);
    out
}

const ADJECTIVES: [&str; 16] = [
    "swift", "quiet", "lucky", "bold", "sly", "brave", "calm", "eager", "fuzzy", "grim", "happy", "keen", "lazy", "mighty", "noble", "odd",
];
const NOUNS: [&str; 16] = [
    "otter", "falcon", "badger", "heron", "lynx", "marmot", "newt", "osprey", "panda", "quail", "raven", "stoat", "tapir", "viper",
    "walrus", "yak",
];

/// A leaderboard pseudonym.
pub(crate) fn pseudonym(rng: &mut impl Rng) -> String {
    let a = ADJECTIVES.choose(rng).copied().unwrap_or("odd");
    let n = NOUNS.choose(rng).copied().unwrap_or("yak");
    format!("{a}-{n}-{}", rng.random_range(1..1000))
}

/// When a fading leader's skill ends: somewhere in the middle of the period (35–65 %).
pub(crate) fn skill_end(wallet_seed: u64, t0: i64, t1: i64) -> i64 {
    let u = crate::noise::unit(hash3(wallet_seed, 0x0fad_e000, 0));
    t0 + ((t1 - t0) as f64 * (0.35 + 0.3 * u)) as i64
}

/// Simulates one wallet's trades over `[t0, t1)`, oldest first.
pub(crate) fn simulate(truth: WalletTruth, wallet_seed: u64, markets: &[Market], t0: i64, t1: i64) -> Vec<Row> {
    let mut agent = Agent {
        markets,
        rng: ChaCha8Rng::seed_from_u64(wallet_seed),
        rows: Vec::new(),
        held: vec![Holding::default(); markets.len() * 2],
        last: vec![LastTrade { ts: i64::MIN, outcome: 0, side: Side::Buy }; markets.len()],
        tx_base: mix64(wallet_seed ^ 0x7478_7478),
        tx_seq: 0,
        t0,
        t1,
    };
    match truth.kind {
        WalletKind::Human(HumanStyle::Lucky) => agent.lucky(),
        WalletKind::Human(HumanStyle::NewsTrader) => agent.news_trader(),
        WalletKind::Human(HumanStyle::LimitMaker) => agent.limit_maker(),
        WalletKind::Human(HumanStyle::DayTrader) => agent.day_trader(),
        WalletKind::Human(HumanStyle::Fading) => agent.human(HumanStyle::Active, true, skill_end(wallet_seed, t0, t1)),
        WalletKind::Human(style) => agent.human(style, truth.skilled, i64::MAX),
        WalletKind::Bot(BotKind::ResolutionSniper) => agent.resolution_sniper(truth.skilled),
        WalletKind::Bot(BotKind::Metronome) => agent.metronome(truth.skilled),
        WalletKind::Bot(BotKind::Jittery) => agent.jittery(truth.skilled),
        WalletKind::Bot(BotKind::MarketMaker) => agent.market_maker(),
        WalletKind::Bot(BotKind::Scalper) => agent.scalper(truth.skilled),
        WalletKind::Bot(BotKind::MicroFarmer) => agent.micro_farmer(),
    }
    let mut rows = agent.rows;
    rows.sort_by_key(|r| r.ts); // stable: fills of one order keep their order
    rows
}

#[derive(Clone, Copy, Default)]
struct Holding {
    /// Shares held, in hundredths.
    cents: u64,
    /// Dollars paid for the shares held (average cost).
    cost: f64,
    /// Second of the last buy.
    last_buy: i64,
}

#[derive(Clone, Copy)]
struct LastTrade {
    ts: i64,
    outcome: u8,
    side: Side,
}

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

struct Agent<'a> {
    markets: &'a [Market],
    rng: ChaCha8Rng,
    rows: Vec<Row>,
    held: Vec<Holding>,
    last: Vec<LastTrade>,
    tx_base: u64,
    tx_seq: u64,
    t0: i64,
    t1: i64,
}

impl Agent<'_> {
    // ------------------------------------------------------------ mechanics

    fn open(&self, m: usize, t: i64, margin: i64) -> bool {
        let mk = &self.markets[m];
        t >= mk.created && t + margin < mk.end
    }

    fn new_tx(&mut self) -> u64 {
        self.tx_seq += 1;
        mix64(self.tx_base ^ self.tx_seq.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn holding(&self, m: usize, o: u8) -> u64 {
        self.held[m * 2 + o as usize].cents
    }

    fn record(&mut self, row: Row) {
        let cents = u64::from(row.size);
        let h = &mut self.held[row.market as usize * 2 + row.outcome as usize];
        match row.side {
            Side::Buy => {
                h.cents += cents;
                h.cost += cents as f64 / CENTS as f64 * f64::from(row.price) / 100.0;
                h.last_buy = row.ts;
            }
            Side::Sell => {
                let avg = if h.cents == 0 { 0.0 } else { h.cost / h.cents as f64 };
                h.cents -= cents.min(h.cents);
                h.cost = avg * h.cents as f64;
            }
        }
        self.last[row.market as usize] = LastTrade { ts: row.ts, outcome: row.outcome, side: row.side };
        self.rows.push(row);
    }

    /// A marketable order for `want` hundredths of a share: walks up to `max_levels` levels of
    /// the book; returns shares filled.
    fn take(&mut self, t: i64, m: usize, o: u8, side: Side, want: u64, max_levels: usize) -> u64 {
        self.take_budget(t, m, o, side, Budget::Shares(want), max_levels)
    }

    /// A marketable order for a number of shares or a dollar amount (a "buy $50" order spends
    /// $50 across the levels it walks); returns shares filled, in hundredths.
    fn take_budget(&mut self, t: i64, m: usize, o: u8, side: Side, budget: Budget, max_levels: usize) -> u64 {
        let want = match budget {
            Budget::Shares(c) if side == Side::Sell => c.min(self.holding(m, o)),
            Budget::Shares(c) => c,
            Budget::Dollars(_) => u64::MAX,
        };
        if want == 0 || !self.open(m, t, 0) {
            return 0;
        }
        let q = self.markets[m].quotes(t, o);
        let mut levels = [(0u8, 0u32); crate::market::LEVELS];
        let mut n = 0;
        let mut keep = |l: (u8, u32)| {
            if n < max_levels {
                levels[n] = l;
                n += 1;
            }
        };
        match side {
            Side::Buy => q.asks().for_each(&mut keep),
            Side::Sell => q.bids().for_each(&mut keep),
        }
        let tx = self.new_tx();
        let mut left = want;
        // Dollars left to spend, in hundredths of a cent (price ticks × share hundredths).
        let mut purse = match budget {
            Budget::Dollars(d) => d * 10_000,
            Budget::Shares(_) => u64::MAX,
        };
        let mut filled = 0;
        for &(price, size) in &levels[..n] {
            let affordable = purse / u64::from(price);
            let x = left.min(u64::from(size)).min(affordable);
            if x == 0 {
                break;
            }
            self.record(Row { ts: t, tx, size: x as u32, market: m as u16, outcome: o, side, price });
            left -= x;
            purse -= x * u64::from(price);
            filled += x;
        }
        filled
    }

    /// A maker fill at the wallet's own quote: buys at the bid, sells at the ask.
    fn make(&mut self, t: i64, m: usize, o: u8, side: Side, cents: u64) {
        let cents = if side == Side::Sell { cents.min(self.holding(m, o)) } else { cents };
        if cents == 0 || !self.open(m, t, 0) {
            return;
        }
        let top = self.markets[m].top(t, o);
        let price = if side == Side::Buy { top.bid } else { top.ask };
        let tx = self.new_tx();
        self.record(Row { ts: t, tx, size: cents as u32, market: m as u16, outcome: o, side, price });
    }

    /// A random open market token whose ask lies in `asks`.
    fn random_pick(&mut self, t: i64, margin: i64, asks: std::ops::RangeInclusive<u8>) -> Option<(usize, u8)> {
        let open: Vec<usize> = (0..self.markets.len()).filter(|&m| self.open(m, t, margin)).collect();
        for _ in 0..12 {
            let &m = open.choose(&mut self.rng)?;
            let o = self.rng.random_range(0..2u8);
            if asks.contains(&self.markets[m].top(t, o).ask) {
                return Some((m, o));
            }
        }
        None
    }

    /// The token that gains most (at least a tick) between buying at the ask now and selling
    /// at the bid after `horizon`: an informed bot peeks at the future path, and passes when
    /// nothing beats the spread. Also returns how much it can buy without walking the book on
    /// the way in or out (the smaller of both best levels, in hundredths of a share).
    fn best_pick(&self, t: i64, horizon: i64, margin: i64) -> Option<(usize, u8, u64)> {
        let mut best: Option<(i32, usize, u8)> = None;
        for m in 0..self.markets.len() {
            if !self.open(m, t, horizon + margin) {
                continue;
            }
            let (now, later) = (self.markets[m].top0(t), self.markets[m].top0(t + horizon));
            for o in 0..2u8 {
                let ask = now.of(o).ask;
                if !(5..=95).contains(&ask) {
                    continue;
                }
                let gain = i32::from(later.of(o).bid) - i32::from(ask);
                if best.is_none_or(|b| gain > b.0) {
                    best = Some((gain, m, o));
                }
            }
        }
        let (_, m, o) = best.filter(|b| b.0 >= 1)?;
        let entry = self.markets[m].quotes(t, o).ask_sizes[0];
        let exit = self.markets[m].quotes(t + horizon, o).bid_sizes[0];
        Some((m, o, u64::from(entry.min(exit))))
    }

    /// Whether a person would place this trade now without looking two-sided: within an hour
    /// of their last trade in a market they only repeat the same action on the same outcome.
    fn calm(&self, m: usize, o: u8, side: Side, t: i64) -> bool {
        let l = self.last[m];
        l.ts == i64::MIN || t - l.ts > HOUR + 120 || (l.outcome == o && l.side == side)
    }

    // ------------------------------------------------------------ humans

    fn human(&mut self, style: HumanStyle, skilled: bool, skilled_until: i64) {
        let rng = &mut self.rng;
        let rate = match (style, skilled) {
            (HumanStyle::Casual, true) => rng.random_range(5.0..9.0),
            (HumanStyle::Active, true) => rng.random_range(15.0..32.0),
            (HumanStyle::Casual, false) => rng.random_range(2.0..6.0),
            (HumanStyle::Active, false) => rng.random_range(8.0..22.0),
            _ if skilled => rng.random_range(15.0..32.0),
            _ => rng.random_range(8.0..22.0),
        };
        let plan = HumanPlan {
            skilled,
            casual: style == HumanStyle::Casual,
            accuracy: rng.random_range(0.72..0.9),
            wake: rng.random_range(0..DAY),
            awake: rng.random_range(14 * HOUR..16 * HOUR),
            rate,
            dollars_share: rng.random_range(0.2..0.8),
        };
        for t in self.human_times(&plan) {
            let plan = HumanPlan { skilled: plan.skilled && t < skilled_until, ..plan };
            self.human_order(&plan, t);
        }
    }

    /// A person's waking schedule at `rate` orders a day.
    fn plan(&mut self, rate: f64, casual: bool, skilled: bool) -> HumanPlan {
        let rng = &mut self.rng;
        HumanPlan {
            skilled,
            casual,
            accuracy: 0.5,
            wake: rng.random_range(0..DAY),
            awake: rng.random_range(14 * HOUR..16 * HOUR),
            rate,
            dollars_share: rng.random_range(0.5..0.9),
        }
    }

    /// Few, large bets on long shots at random, held to the end.
    fn lucky(&mut self) {
        let rate = self.rng.random_range(1.2..2.2);
        let plan = self.plan(rate, true, false);
        for t in self.human_times(&plan) {
            let Some((m, o)) = self.random_pick(t, 6 * HOUR, 8..=40) else { continue };
            // Large for the book: a bet the depth cannot take whole is not placed.
            let dollars = *[50u64, 100, 100, 200].choose(&mut self.rng).unwrap_or(&100);
            let ask = self.markets[m].quotes(t, o);
            let room: u64 = ask.asks().map(|(p, d)| u64::from(p) * u64::from(d)).sum::<u64>() / 10_000;
            if room > dollars {
                self.take_budget(t, m, o, Side::Buy, Budget::Dollars(dollars), crate::market::LEVELS);
            }
        }
    }

    /// Buys a second or three before news moves a price, sells minutes after, while awake.
    fn news_trader(&mut self) {
        let plan = self.plan(0.0, false, true);
        let catch = self.rng.random_range(0.35..0.6);
        let mut news: Vec<(i64, usize, f32)> = Vec::new();
        for (m, mk) in self.markets.iter().enumerate() {
            news.extend(mk.jumps.iter().filter(|j| j.0 >= self.t0 && j.0 < self.t1).map(|j| (j.0, m, j.1)));
        }
        news.sort_by_key(|n| n.0);
        let mut last = i64::MIN / 2;
        for (at, m, dz) in news {
            let local = (at - plan.wake).rem_euclid(DAY);
            if local >= plan.awake - HOUR || at - last < 1800 || !self.rng.random_bool(catch) {
                continue;
            }
            let o = if dz > 0.0 { 0 } else { 1 };
            let t = at - self.rng.random_range(1..=3);
            if !self.open(m, t, 2 * HOUR) || !(5..=90).contains(&self.markets[m].top(t, o).ask) {
                continue;
            }
            let budget = human_size(&mut self.rng, &plan, self.markets[m].top(t, o).ask);
            let bought = self.take_budget(t, m, o, Side::Buy, budget, crate::market::LEVELS);
            // Takes the jump's profit minutes later about half the time; lets the rest ride.
            if bought > 0 && self.rng.random_bool(0.5) {
                let exit = at + self.rng.random_range(120..900);
                self.take(exit, m, o, Side::Sell, bought, 4);
                last = exit;
            } else {
                last = at;
            }
        }
    }

    /// Rests a bid, and once filled an ask some hours later: earns the spread, in the daytime.
    fn limit_maker(&mut self) {
        let rate = self.rng.random_range(5.0..10.0);
        let plan = self.plan(rate, false, true);
        let mut open: Vec<(usize, u8, i64)> = Vec::new();
        for t in self.human_times(&plan) {
            open.retain(|&(m, o, _)| self.holding(m, o) > 0 && self.open(m, t, 0));
            if let Some(i) = open.iter().position(|&(_, _, at)| t - at >= 2 * HOUR) {
                let (m, o, _) = open.swap_remove(i);
                self.make(t, m, o, Side::Sell, self.holding(m, o));
                continue;
            }
            let Some((m, o)) = self.random_pick(t, DAY, 15..=85) else { continue };
            let lot = *[25u64, 50, 50, 100, 100, 200].choose(&mut self.rng).unwrap_or(&50) * CENTS as u64;
            self.make(t, m, o, Side::Buy, lot);
            open.push((m, o, t));
        }
    }

    /// In and out within the hour at random, sometimes switching sides.
    fn day_trader(&mut self) {
        let rate = self.rng.random_range(12.0..24.0);
        let plan = self.plan(rate, false, false);
        let mut last: Option<(usize, u8, i64)> = None;
        let mut flip: Option<(usize, u8)> = None;
        for t in self.human_times(&plan) {
            if let Some((m, o, at)) = last
                && self.holding(m, o) > 0
                && t - at < HOUR
                && self.rng.random_bool(0.7)
            {
                self.take(t, m, o, Side::Sell, self.holding(m, o), 3);
                last = None;
                // Sometimes the news turned: next, back the other side of the same market.
                flip = self.rng.random_bool(0.3).then_some((m, 1 - o));
                continue;
            }
            let pick = match flip.take() {
                Some((m, o)) if self.open(m, t, HOUR) && (10..=90).contains(&self.markets[m].top(t, o).ask) => Some((m, o)),
                _ => self.random_pick(t, 2 * HOUR, 10..=90),
            };
            let Some((m, o)) = pick else { continue };
            let budget = human_size(&mut self.rng, &plan, self.markets[m].top(t, o).ask);
            if self.take_budget(t, m, o, Side::Buy, budget, 4) > 0 {
                last = Some((m, o, t));
            }
        }
    }

    /// When a person places orders: sessions inside a daily waking window (their time zone),
    /// some days off, never two orders within 20 s.
    fn human_times(&mut self, plan: &HumanPlan) -> Vec<i64> {
        let mut times = Vec::new();
        let rng = &mut self.rng;
        for day in self.t0.div_euclid(DAY) - 1..=self.t1.div_euclid(DAY) {
            if plan.casual && rng.random_bool(0.12) {
                continue;
            }
            let mood = (0.3 * normal(rng)).exp();
            let n = poisson(rng, plan.rate * mood);
            if n == 0 {
                continue;
            }
            let per_session = if plan.casual { 3 } else { 4 };
            let sessions = 1 + (n - 1) / per_session;
            let window = plan.awake - HOUR;
            for s in 0..sessions {
                let count = n / sessions + u32::from(s < n % sessions);
                let mut t = day * DAY + plan.wake + rng.random_range(0..window);
                for _ in 0..count {
                    times.push(t);
                    t += 20 + exponential(rng, 300.0) as i64;
                }
            }
        }
        times.sort_unstable();
        let mut out = Vec::with_capacity(times.len());
        let mut prev = i64::MIN / 2;
        for t in times {
            let t = t.max(prev + 20 + self.rng.random_range(0..10));
            if t >= self.t0 && t < self.t1 {
                out.push(t);
            }
            prev = t;
        }
        out
    }

    fn human_order(&mut self, plan: &HumanPlan, t: i64) {
        // Sell something held for at least two hours, now and then.
        let sellable: Vec<usize> = (0..self.held.len())
            .filter(|&k| {
                let h = self.held[k];
                let (m, o) = (k / 2, (k % 2) as u8);
                h.cents > 0 && self.open(m, t, 600) && t - h.last_buy >= 2 * HOUR && self.calm(m, o, Side::Sell, t)
            })
            .collect();
        if !sellable.is_empty() && self.rng.random_bool(0.35) {
            if plan.skilled {
                for &k in &sellable {
                    let (m, o) = (k / 2, (k % 2) as u8);
                    let h = self.held[k];
                    let avg = h.cost / h.cents as f64 * CENTS as f64 * 100.0; // ticks
                    let bid = f64::from(self.markets[m].top(t, o).bid);
                    let winner = self.markets[m].winner == o as usize;
                    if !winner && bid < avg - 5.0 && self.rng.random_bool(0.7) {
                        self.take(t, m, o, Side::Sell, h.cents, 4);
                        return;
                    }
                    if winner && bid >= avg + 12.0 && self.rng.random_bool(0.5) {
                        self.take(t, m, o, Side::Sell, half(h.cents), 4);
                        return;
                    }
                }
            } else if let Some(&k) = sellable.choose(&mut self.rng) {
                let cents = self.held[k].cents;
                let cents = if self.rng.random_bool(0.5) { cents } else { half(cents) };
                self.take(t, k / 2, (k % 2) as u8, Side::Sell, cents, 4);
                return;
            }
        }

        // Otherwise buy: skilled people mostly buy the outcome that will win, before its price
        // gets there; the others pick at random.
        let pick = if plan.skilled {
            let candidates: Vec<usize> = (0..self.markets.len())
                .filter(|&m| {
                    let w = self.markets[m].winner as u8;
                    self.open(m, t, 3 * HOUR) && (8..=88).contains(&self.markets[m].top(t, w).ask)
                })
                .collect();
            candidates.choose(&mut self.rng).copied().map(|m| {
                let w = self.markets[m].winner as u8;
                if self.rng.random_bool(plan.accuracy) { (m, w) } else { (m, 1 - w) }
            })
        } else {
            self.random_pick(t, 3 * HOUR, 5..=95)
        };
        let Some((m, o)) = pick else { return };
        let ask = self.markets[m].top(t, o).ask;
        if !(5..=95).contains(&ask) || !self.calm(m, o, Side::Buy, t) {
            return;
        }
        let budget = human_size(&mut self.rng, plan, ask);
        self.take_budget(t, m, o, Side::Buy, budget, 4);
    }

    // ------------------------------------------------------------ bots

    /// Fixed interval, fixed size, around the clock: buy, then sell one interval later.
    fn metronome(&mut self, skilled: bool) {
        let gap = self.rng.random_range(300..1500);
        let size = u64::from(if skilled { self.rng.random_range(60..150u32) } else { self.rng.random_range(10..60u32) }) * CENTS as u64;
        let mut t = self.t0 + self.rng.random_range(0..gap);
        let mut holding: Option<(usize, u8)> = None;
        let mut current: Option<usize> = None;
        while t < self.t1 {
            match holding {
                Some((m, o)) if self.holding(m, o) > 0 && self.open(m, t, 0) => {
                    self.take(t, m, o, Side::Sell, u64::MAX, 3);
                    if self.holding(m, o) == 0 {
                        holding = None;
                    }
                }
                _ => {
                    let pick = if skilled && self.rng.random_bool(0.9) {
                        self.best_pick(t, gap, 6 * HOUR)
                    } else {
                        match current {
                            Some(m) if self.open(m, t, 6 * HOUR) && !self.rng.random_bool(0.05) => {
                                Some((m, self.rng.random_range(0..2u8), size))
                                    .filter(|&(m, o, _)| (5..=95).contains(&self.markets[m].top(t, o).ask))
                            }
                            _ => self.random_pick(t, 6 * HOUR, 5..=95).map(|(m, o)| (m, o, size)),
                        }
                    };
                    if let Some((m, o, room)) = pick {
                        current = Some(m);
                        if self.take(t, m, o, Side::Buy, size.min(room), 3) > 0 {
                            holding = Some((m, o));
                        }
                    }
                }
            }
            t += gap + self.rng.random_range(-1..=1);
        }
    }

    /// A metronome that jitters its gaps and sizes, and holds for one or more intervals.
    fn jittery(&mut self, skilled: bool) {
        let base_gap: f64 = self.rng.random_range(600.0..2400.0);
        let base_size = if skilled { self.rng.random_range(50.0..150.0) } else { self.rng.random_range(15.0..60.0) };
        let mut t = self.t0 + self.rng.random_range(0..base_gap as i64);
        let mut held: Vec<(usize, u8)> = Vec::new();
        while t < self.t1 {
            held.retain(|&(m, o)| self.holding(m, o) > 0 && self.open(m, t, 0));
            if !held.is_empty() && self.rng.random_bool(0.55) {
                let (m, o) = held[0];
                self.take(t, m, o, Side::Sell, u64::MAX, 3);
            } else {
                let pick = if skilled && self.rng.random_bool(0.9) {
                    self.best_pick(t, (2.0 * base_gap) as i64, 6 * HOUR)
                } else {
                    self.random_pick(t, 6 * HOUR, 5..=95).map(|(m, o)| (m, o, u64::MAX))
                };
                if let Some((m, o, room)) = pick {
                    let cents = (base_size * self.rng.random_range(0.8..1.2) * CENTS as f64).round() as u64;
                    if self.take(t, m, o, Side::Buy, cents.min(room), 3) > 0 && !held.contains(&(m, o)) {
                        held.push((m, o));
                    }
                }
            }
            t += (base_gap * self.rng.random_range(0.6..1.4)).round() as i64;
        }
    }

    /// Quotes both outcomes of two to four markets, buying at the bid and selling at the ask;
    /// flattens a market and replaces it half a day before it ends.
    fn market_maker(&mut self) {
        let base: f64 = self.rng.random_range(10.0..40.0);
        let mean_gap = self.rng.random_range(150.0..420.0);
        let books = self.rng.random_range(2..=4usize);
        let mut t = self.t0 + self.rng.random_range(0..600);
        let mut quoting: Vec<usize> = Vec::new();
        while t < self.t1 {
            let (keep, ending): (Vec<usize>, Vec<usize>) = quoting.iter().partition(|&&m| self.open(m, t, 12 * HOUR));
            for m in ending {
                for o in 0..2 {
                    self.take(t, m, o, Side::Sell, u64::MAX, crate::market::LEVELS);
                }
            }
            quoting = keep;
            if quoting.len() < books {
                let fresh: Vec<usize> = (0..self.markets.len()).filter(|&m| self.open(m, t, 2 * DAY) && !quoting.contains(&m)).collect();
                quoting.extend(fresh.choose(&mut self.rng));
            }
            let Some(&m) = quoting.choose(&mut self.rng) else {
                t += HOUR;
                continue;
            };
            let inv = [self.holding(m, 0), self.holding(m, 1)];
            let cents = ((base * self.rng.random_range(0.85..1.15)).round() as u64).max(5) * CENTS as u64;
            let cap = (6.0 * base) as u64 * CENTS as u64;
            if let Some(o) = (0..2u8).find(|&o| inv[o as usize] > cap) {
                self.make(t, m, o, Side::Sell, cents);
            } else if inv[0] + inv[1] > 0 && self.rng.random_bool(0.5) {
                let o = if inv[0] > 0 && (inv[1] == 0 || self.rng.random_bool(0.5)) { 0 } else { 1 };
                self.make(t, m, o, Side::Sell, cents);
            } else {
                let o = self.rng.random_range(0..2u8);
                self.make(t, m, o, Side::Buy, cents);
            }
            t += 20 + exponential(&mut self.rng, mean_gap) as i64;
        }
    }

    /// Buys, and sells again one to ten minutes later.
    fn scalper(&mut self, skilled: bool) {
        let base: f64 = if skilled { self.rng.random_range(40.0..150.0) } else { self.rng.random_range(20.0..80.0) };
        let mean_gap = self.rng.random_range(900.0..2400.0);
        let mut t = self.t0 + self.rng.random_range(0..1800);
        while t < self.t1 {
            let hold = self.rng.random_range(60..600);
            let pick = if skilled {
                self.best_pick(t, hold, 2 * HOUR)
            } else {
                self.random_pick(t, 2 * HOUR, 10..=90).map(|(m, o)| (m, o, u64::MAX))
            };
            let Some((m, o, room)) = pick else {
                t += 600;
                continue;
            };
            let cents = (base * self.rng.random_range(0.8..1.2)).round() as u64 * CENTS as u64;
            let bought = self.take(t, m, o, Side::Buy, cents.min(room), 2);
            let exit = t + hold;
            if bought > 0 && exit < self.t1 {
                self.take(exit, m, o, Side::Sell, u64::MAX, crate::market::LEVELS);
            }
            t = exit + 30 + exponential(&mut self.rng, mean_gap) as i64;
        }
    }

    /// Around the clock, every quarter to half hour: buys the favourite of a market ending
    /// within a day when it is priced 0.90–0.98 (skilled snipers only when it is the
    /// winner), and holds it to resolution.
    fn resolution_sniper(&mut self, skilled: bool) {
        let mean_gap = self.rng.random_range(900.0..1800.0);
        let stake = self.rng.random_range(40..200u64);
        let mut t = self.t0 + self.rng.random_range(0..1800);
        while t < self.t1 {
            let ending: Vec<(usize, u8)> = (0..self.markets.len())
                .filter(|&m| self.open(m, t, 60) && self.markets[m].end - t < DAY)
                .filter_map(|m| {
                    let o = if self.markets[m].top(t, 0).ask >= 50 { 0 } else { 1 };
                    let ok = (90..=98).contains(&self.markets[m].top(t, o).ask);
                    (ok && (!skilled || self.markets[m].winner == o as usize)).then_some((m, o))
                })
                .collect();
            if let Some(&(m, o)) = ending.choose(&mut self.rng) {
                let dollars = (stake as f64 * self.rng.random_range(0.7..1.3)).round() as u64;
                self.take_budget(t, m, o, Side::Buy, Budget::Dollars(dollars), 3);
            }
            t += 30 + exponential(&mut self.rng, mean_gap) as i64;
        }
    }

    /// Dust: five-odd shares of cheap outcomes, bought and sold around the clock.
    fn micro_farmer(&mut self) {
        let mean_gap = self.rng.random_range(200.0..400.0);
        let mut t = self.t0 + self.rng.random_range(0..600);
        let mut held: Vec<(usize, u8)> = Vec::new();
        while t < self.t1 {
            held.retain(|&(m, o)| self.holding(m, o) > 0 && self.open(m, t, 0));
            if !held.is_empty() && self.rng.random_bool(0.5) {
                let i = self.rng.random_range(0..held.len());
                let (m, o) = held[i];
                self.take(t, m, o, Side::Sell, u64::MAX, 2);
            } else if let Some((m, o)) = self.random_pick(t, HOUR, 2..=19) {
                let ask = self.markets[m].top(t, o).ask;
                let most = (95 / u32::from(ask)).max(5);
                let shares = self.rng.random_range(5..=most);
                if self.take(t, m, o, Side::Buy, u64::from(shares) * CENTS as u64, 1) > 0 && !held.contains(&(m, o)) {
                    held.push((m, o));
                }
            }
            t += 5 + exponential(&mut self.rng, mean_gap) as i64;
        }
    }
}

#[derive(Clone, Copy)]
struct HumanPlan {
    skilled: bool,
    casual: bool,
    /// How often a skilled person's pick is the eventual winner.
    accuracy: f64,
    /// Second of the (UTC) day their waking window starts: their time zone.
    wake: i64,
    /// Length of the waking window, seconds.
    awake: i64,
    /// Orders per day, on average.
    rate: f64,
    /// Share of orders sized in dollars rather than shares.
    dollars_share: f64,
}

fn half(cents: u64) -> u64 {
    (cents / 2 / CENTS as u64 * CENTS as u64).max(cents.min(5 * CENTS as u64))
}

/// What a marketable order is for.
#[derive(Clone, Copy)]
enum Budget {
    /// This many hundredths of a share.
    Shares(u64),
    /// This many whole dollars.
    Dollars(u64),
}

/// A person's order size: round numbers of shares or of dollars.
fn human_size(rng: &mut impl Rng, plan: &HumanPlan, ask: u8) -> Budget {
    let amounts: &[(u64, f64)] = if plan.skilled {
        &[(10, 0.15), (25, 0.3), (50, 0.3), (100, 0.2), (200, 0.05)]
    } else {
        &[(10, 0.3), (25, 0.3), (50, 0.25), (100, 0.15)]
    };
    let mut u: f64 = rng.random();
    let mut amount = amounts[0].0;
    for &(a, w) in amounts {
        amount = a;
        if u < w {
            break;
        }
        u -= w;
    }
    // Dollars, or when that many shares would be worth under $2 (people do not bother with dust).
    if rng.random_bool(plan.dollars_share) || amount * u64::from(ask) < 200 {
        Budget::Dollars(amount)
    } else {
        Budget::Shares(amount * CENTS as u64)
    }
}

/// Seed of wallet `index`'s RNG.
pub(crate) fn wallet_seed(seed: u64, index: usize) -> u64 {
    hash3(seed, 0x00a1_1e75, index as u64)
}
