//! Holdout v2 for the bot filter: a second, independent set of labelled wallets, written before
//! the filter's second round of tuning and never tuned on.
//!
//! Written from descriptions of how Polymarket people and bots behave (`reference/users.md`,
//! `reference/polymarket.md`, and how bettors, traders and bot authors describe their own
//! habits), not from the filter's rules, not from the first holdout (`tests/holdout/`), the
//! simulator or the fixture corpus: a different random generator (xoshiro256**), a different
//! market model (categories with their own lives, news shocks shared across markets, hourly
//! crypto markets, book depth that makes large orders sweep), different people and bots, and
//! a different seed.
//!
//! Each wallet is what discovery reads: its fills of the last 30 days, one row per fill, whole
//! seconds, a transaction hash per order, newest first.
//!
//! people: a casual bettor (weekends and evenings, round stakes, holds, takes a profit now and
//! then); an in-play sports bettor (during games in their evening: backs a side, adds on dips,
//! hedges, cashes out); a day trader who scales in and out in tranches; a news trader (a few
//! bets a day, bursts across related markets when news breaks); a whale (large round tickets
//! sweeping the book or cut into chunks by hand); a night owl (late evenings into the small
//! hours); a DCA-er (a fixed dollar amount into the same markets about once a day); a favourite
//! backer (buys outcomes priced 0.80–0.97 and holds, "nearly free money"); a grinder (a
//! semi-professional: long sessions, tens of orders a day on both sides).
//!
//! bots: a market maker (resting quotes on both sides of a few markets filled by the flow,
//! which follows the world's waking hours but never stops; lots from a short list; leans
//! against its inventory); an arbitrageur (buys both outcomes when they sum under 1); a
//! resolution sniper (buys the outcome priced 0.92+ in its last hours, depth-limited, day and
//! night); a copy bot at a fixed dollar stake and a copy bot at a fixed fraction of the leader
//! (both mirror three to ten people in several time zones one to twenty seconds late, and
//! mirror their sells); a scalper (round trips of seconds to minutes); a volume / airdrop
//! farmer (buys and sells straight back, small sizes, a batch or two a day); a scheduler (cron:
//! the same order every period, seconds of jitter); a TWAP executor (parent orders cut into
//! equal child orders at a fixed interval).

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The seed of holdout v2. Frozen.
pub const HOLDOUT2_SEED: u64 = 0x7632_c0de_5eed_0215;
const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
/// 2027-02-15T00:00:00Z: the moment discovery looks.
const NOW: i64 = 1_802_649_600;
/// Discovery reads the last 30 days.
const WINDOW_START: i64 = NOW - 30 * DAY;
/// Markets exist from here (long-running ones opened well before the window).
const WORLD_START: i64 = NOW - 150 * DAY;

/// One labelled wallet of holdout v2.
pub struct Holdout2Wallet {
    /// The wallet.
    pub wallet: Wallet,
    /// Bot by construction.
    pub bot: bool,
    /// Which behaviour made it.
    pub behaviour: &'static str,
    /// Its fills in the window, newest first.
    pub trades: Vec<Trade>,
}

/// xoshiro256** (Blackman and Vigna), seeded through an LCG.
struct Xo([u64; 4]);

impl Xo {
    fn seeded(seed: u64) -> Xo {
        let mut x = seed;
        let mut s = [0u64; 4];
        for v in &mut s {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            *v = x ^ (x >> 29);
        }
        Xo(s)
    }
    fn u64(&mut self) -> u64 {
        let s = &mut self.0;
        let r = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        r
    }
    fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / 9_007_199_254_740_992.0
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    fn below(&mut self, n: usize) -> usize {
        (((self.u64() >> 32) * n as u64) >> 32) as usize
    }
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn coin(&mut self, p: f64) -> bool {
        self.f() < p
    }
    fn normal(&mut self) -> f64 {
        loop {
            let (u, v) = (2.0 * self.f() - 1.0, 2.0 * self.f() - 1.0);
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
    }
    fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }
    /// Seconds to the next event of a Poisson process with `per_hour` events an hour.
    fn wait(&mut self, per_hour: f64) -> i64 {
        (-(1.0 - self.f()).ln() / per_hour * HOUR as f64).ceil() as i64
    }
    fn choose<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    fn weighted(&mut self, w: &[f64]) -> usize {
        let mut x = self.f() * w.iter().sum::<f64>();
        for (i, wi) in w.iter().enumerate() {
            if x < *wi {
                return i;
            }
            x -= wi;
        }
        w.len() - 1
    }
    fn hex(&mut self, digits: usize) -> String {
        let mut s = String::with_capacity(digits);
        while s.len() < digits {
            s.push_str(&format!("{:016x}", self.u64()));
        }
        s.truncate(digits);
        s
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cat {
    Politics,
    Culture,
    Sports,
    CryptoDaily,
    CryptoHourly,
}

/// A binary market: the probability of its first outcome sampled every `step` seconds.
struct Mkt {
    cat: Cat,
    opens: i64,
    closes: i64,
    /// Sports: when the game starts (in-play until `closes`).
    kickoff: i64,
    step: i64,
    path: Vec<f32>,
    tick: f64,
    condition: String,
    tokens: [String; 2],
    /// Median dollars resting at each price level.
    depth: f64,
}

impl Mkt {
    fn open(&self, t: i64) -> bool {
        t >= self.opens && t < self.closes
    }
    fn prob(&self, t: i64, outcome: u8) -> f64 {
        let i = ((t - self.opens).max(0) / self.step) as usize;
        let p = f64::from(self.path[i.min(self.path.len() - 1)]);
        if outcome == 0 { p } else { 1.0 - p }
    }
    fn half_spread(&self) -> f64 {
        match self.cat {
            Cat::Politics => self.tick.max(0.005),
            Cat::Culture | Cat::CryptoDaily => 0.01,
            Cat::Sports | Cat::CryptoHourly => 0.015,
        }
    }
    fn snap(&self, p: f64) -> f64 {
        ((p / self.tick).round() * self.tick).clamp(self.tick, 1.0 - self.tick)
    }
    fn ask(&self, t: i64, o: u8) -> f64 {
        self.snap(self.prob(t, o) + self.half_spread())
    }
    fn bid(&self, t: i64, o: u8) -> f64 {
        self.snap(self.prob(t, o) - self.half_spread())
    }
}

/// Every market, news shocks, and which markets are open in each hour.
struct World {
    mkts: Vec<Mkt>,
    /// News moments (time, markets that jumped).
    news: Vec<(i64, Vec<usize>)>,
    by_hour: Vec<Vec<u32>>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl World {
    fn build(rng: &mut Xo) -> World {
        let mut mkts = Vec::new();
        let mut add = |rng: &mut Xo, cat: Cat, opens: i64, closes: i64, kickoff: i64| {
            let step = match cat {
                Cat::CryptoHourly => MINUTE,
                Cat::CryptoDaily | Cat::Sports => 5 * MINUTE,
                Cat::Politics | Cat::Culture => 30 * MINUTE,
            };
            let vol = match cat {
                Cat::Politics => rng.range(0.03, 0.08),
                Cat::Culture => rng.range(0.05, 0.12),
                Cat::Sports => rng.range(0.05, 0.1),
                Cat::CryptoDaily => rng.range(0.15, 0.3),
                Cat::CryptoHourly => rng.range(0.6, 1.2),
            };
            let n = ((closes - opens) / step + 1) as usize;
            let per_step = vol * (step as f64 / HOUR as f64).sqrt();
            let mut x = match cat {
                Cat::CryptoHourly | Cat::CryptoDaily => rng.normal() * 0.1,
                _ => rng.normal() * 1.4,
            };
            let mut raw = Vec::with_capacity(n);
            for i in 0..n {
                let t = opens + i as i64 * step;
                // In-play: a game moves far more than the days before it.
                let boost = if cat == Cat::Sports && t >= kickoff { 4.0 } else { 1.0 };
                x = (x + per_step * boost * rng.normal()).clamp(-5.0, 5.0);
                raw.push(x);
            }
            let tick = if cat == Cat::Politics && rng.coin(0.4) { 0.001 } else { 0.01 };
            let depth = match cat {
                Cat::Politics => rng.lognormal(4000.0, 0.8),
                Cat::Culture => rng.lognormal(900.0, 0.8),
                Cat::Sports => rng.lognormal(2500.0, 0.8),
                Cat::CryptoDaily => rng.lognormal(1500.0, 0.6),
                Cat::CryptoHourly => rng.lognormal(700.0, 0.6),
            };
            let condition = format!("0x{}", rng.hex(64));
            let tokens = [
                format!("{}{:019}", rng.u64() % 9 + 1, rng.u64() % 10_000_000_000_000_000_000),
                format!("{}{:019}", rng.u64() % 9 + 1, rng.u64() % 10_000_000_000_000_000_000),
            ];
            mkts.push((Mkt { cat, opens, closes, kickoff, step, path: Vec::new(), tick, condition, tokens, depth }, raw));
        };
        for _ in 0..160 {
            let life = rng.between(7, 120) * DAY;
            let closes = WORLD_START + life + rng.between(0, 170 * DAY);
            add(rng, Cat::Politics, closes - life, closes, closes);
        }
        for _ in 0..90 {
            let life = rng.between(2 * DAY, 25 * DAY);
            let closes = NOW - 40 * DAY + rng.between(0, 70 * DAY);
            add(rng, Cat::Culture, closes - life, closes, closes);
        }
        // Games: about a dozen a day, mostly in American and European evenings.
        for day in (NOW - 35 * DAY) / DAY..(NOW + 5 * DAY) / DAY {
            for _ in 0..rng.between(8, 16) {
                let utc_hour = if rng.coin(0.6) { rng.range(23.0, 27.0) } else { rng.range(12.0, 21.0) };
                let kickoff = day * DAY + (utc_hour * HOUR as f64) as i64;
                let closes = kickoff + rng.between(110 * MINUTE, 200 * MINUTE);
                let opens = kickoff - rng.between(DAY, 5 * DAY);
                add(rng, Cat::Sports, opens, closes, kickoff);
            }
        }
        // Crypto up/down: daily (three coins, 17:00 UTC) and hourly (two coins).
        for day in (NOW - 32 * DAY) / DAY..(NOW + 2 * DAY) / DAY {
            for _ in 0..3 {
                let closes = day * DAY + 17 * HOUR;
                add(rng, Cat::CryptoDaily, closes - DAY, closes, closes);
            }
            for h in 0..24 {
                for _ in 0..2 {
                    let opens = day * DAY + h * HOUR;
                    add(rng, Cat::CryptoHourly, opens, opens + HOUR, opens + HOUR);
                }
            }
        }

        // News: a few moments a day move several long-running markets at once.
        let mut news = Vec::new();
        let mut t = NOW - 35 * DAY;
        while t < NOW {
            t += rng.wait(0.15);
            let candidates: Vec<usize> = mkts
                .iter()
                .enumerate()
                .filter(|(_, (m, _))| matches!(m.cat, Cat::Politics | Cat::Culture) && m.open(t) && m.closes - t > 6 * HOUR)
                .map(|(i, _)| i)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let hit: Vec<usize> = (0..rng.between(1, 4)).map(|_| rng.choose(&candidates)).collect();
            for &i in &hit {
                let (m, raw) = &mut mkts[i];
                let jump = rng.normal() * 1.2;
                let from = ((t - m.opens) / m.step) as usize;
                for x in raw.iter_mut().skip(from) {
                    *x = (*x + jump).clamp(-5.0, 5.0);
                }
            }
            news.push((t, hit));
        }

        // Resolution: the winner drawn from where the market stands before it settles, then the
        // price converges on it over the settling stretch.
        let mkts: Vec<Mkt> = mkts
            .into_iter()
            .map(|(mut m, raw)| {
                let settle = match m.cat {
                    Cat::Politics => rng.between(12 * HOUR, 3 * DAY),
                    Cat::Culture => rng.between(6 * HOUR, DAY),
                    Cat::Sports => m.closes - m.kickoff,
                    Cat::CryptoDaily => rng.between(6 * HOUR, 12 * HOUR),
                    Cat::CryptoHourly => rng.between(30 * MINUTE, 50 * MINUTE),
                };
                let settle_from = m.closes - settle;
                let before = raw[(((settle_from - m.opens).max(0)) / m.step) as usize];
                let target = if rng.coin(sigmoid(before)) { 6.0 } else { -6.0 };
                m.path = raw
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| {
                        let t = m.opens + i as i64 * m.step;
                        let w = (((t - settle_from) as f64) / settle as f64).clamp(0.0, 1.0).powf(1.6);
                        sigmoid(x * (1.0 - w) + target * w).clamp(0.004, 0.996) as f32
                    })
                    .collect();
                m
            })
            .collect();

        let hours = ((NOW + 6 * DAY - WORLD_START) / HOUR) as usize;
        let mut by_hour = vec![Vec::new(); hours];
        for (i, m) in mkts.iter().enumerate() {
            let from = ((m.opens.max(NOW - 40 * DAY) - WORLD_START) / HOUR).max(0) as usize;
            let to = (((m.closes - WORLD_START) / HOUR) as usize).min(hours - 1);
            for slot in by_hour.iter_mut().take(to + 1).skip(from) {
                slot.push(i as u32);
            }
        }
        World { mkts, news, by_hour }
    }

    /// A random market of one of `cats`, open at `t` with at least `left` seconds to go.
    fn pick(&self, rng: &mut Xo, t: i64, cats: &[Cat], left: i64) -> Option<usize> {
        let slot = self.by_hour.get(((t - WORLD_START) / HOUR) as usize)?;
        if slot.is_empty() {
            return None;
        }
        (0..60).map(|_| slot[rng.below(slot.len())] as usize).find(|&i| {
            let m = &self.mkts[i];
            cats.contains(&m.cat) && m.open(t) && m.closes - t > left
        })
    }

    /// Every market of `cats` open at `t` that closes within `within` seconds.
    fn closing(&self, t: i64, cats: &[Cat], within: i64) -> Vec<usize> {
        let Some(slot) = self.by_hour.get(((t - WORLD_START) / HOUR) as usize) else { return Vec::new() };
        slot.iter()
            .map(|&i| i as usize)
            .filter(|&i| {
                let m = &self.mkts[i];
                cats.contains(&m.cat) && m.open(t) && m.closes - t <= within
            })
            .collect()
    }
}

/// One wallet's account: writes its fills, keeps its positions.
struct Acct<'w> {
    world: &'w World,
    who: Wallet,
    rng: Xo,
    fills: Vec<Trade>,
    pos: HashMap<(usize, u8), f64>,
}

impl<'w> Acct<'w> {
    fn new(world: &'w World, rng: &mut Xo) -> Acct<'w> {
        let mut own = Xo::seeded(rng.u64());
        let who = Wallet::parse(&format!("0x{}", own.hex(40))).expect("40 hex digits");
        Acct { world, who, rng: own, fills: Vec::new(), pos: HashMap::new() }
    }

    fn held(&self, m: usize, o: u8) -> f64 {
        self.pos.get(&(m, o)).copied().unwrap_or(0.0)
    }

    /// Positions in markets still open at `t`.
    fn holdings(&self, t: i64) -> Vec<(usize, u8)> {
        let mut h: Vec<(usize, u8)> =
            self.pos.iter().filter(|(k, v)| **v > 0.01 && self.world.mkts[k.0].open(t)).map(|(k, _)| *k).collect();
        h.sort_unstable();
        h
    }

    #[allow(clippy::too_many_arguments)]
    fn write(&mut self, t: i64, m: usize, o: u8, side: Side, shares: f64, price: f64, tx: &str) {
        let mk = &self.world.mkts[m];
        let size = Decimal::from_f64_retain(shares).unwrap_or_default().round_dp(2);
        let price = Decimal::from_f64_retain(price).unwrap_or_default().round_dp(3);
        if size <= Decimal::ZERO || price <= Decimal::ZERO || price >= Decimal::ONE {
            return;
        }
        self.fills.push(Trade {
            wallet: self.who.clone(),
            side,
            asset: mk.tokens[o as usize].clone(),
            condition_id: mk.condition.clone(),
            size: Shares(size),
            price: Price(price),
            timestamp: from_secs(t),
            transaction_hash: tx.to_owned(),
            outcome: if o == 0 { "Yes".into() } else { "No".into() },
            outcome_index: Some(u32::from(o)),
            title: format!("{:?} market", mk.cat),
            slug: format!("{:?}-{}", mk.cat, &mk.condition[2..10]).to_lowercase(),
        });
        let p = self.pos.entry((m, o)).or_default();
        *p = if side == Side::Buy { *p + shares } else { (*p - shares).max(0.0) };
    }

    /// A marketable order for `shares`: fills level by level through the book's depth, one
    /// transaction. Returns the shares filled.
    fn take(&mut self, t: i64, m: usize, o: u8, side: Side, shares: f64) -> f64 {
        let mk = &self.world.mkts[m];
        if !mk.open(t) {
            return 0.0;
        }
        let shares = if side == Side::Sell { shares.min(self.held(m, o)) } else { shares };
        let shares = (shares * 100.0).floor() / 100.0;
        if shares < 0.01 {
            return 0.0;
        }
        let tx = format!("0x{}", self.rng.hex(64));
        let mut price = if side == Side::Buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let (tick, depth) = (mk.tick.max(0.01), mk.depth);
        let mut left = shares;
        for _ in 0..8 {
            let level_shares = self.rng.lognormal(depth, 0.5) / price;
            let part = if left <= level_shares { left } else { (level_shares * 100.0).floor() / 100.0 };
            if part >= 0.01 {
                self.write(t, m, o, side, part, price, &tx);
                left -= part;
            }
            if left < 0.01 {
                break;
            }
            price = if side == Side::Buy { (price + tick).min(0.999) } else { (price - tick).max(0.001) };
        }
        shares - left.max(0.0)
    }

    /// A marketable buy for about `usd` dollars.
    fn take_usd(&mut self, t: i64, m: usize, o: u8, usd: f64) -> f64 {
        let ask = self.world.mkts[m].ask(t, o);
        self.take(t, m, o, Side::Buy, usd / ask)
    }

    /// A fill of this wallet's resting order (a taker's transaction).
    fn rested(&mut self, t: i64, m: usize, o: u8, side: Side, shares: f64, price: f64) {
        if !self.world.mkts[m].open(t) {
            return;
        }
        let shares = if side == Side::Sell { shares.min(self.held(m, o)) } else { shares };
        if shares < 0.01 {
            return;
        }
        let tx = format!("0x{}", self.rng.hex(64));
        self.write(t, m, o, side, shares, price, &tx);
    }
}

/// When a person is awake: a time zone and local waking hours (sleep may pass midnight).
#[derive(Clone, Copy)]
struct Rhythm {
    tz: f64,
    wake: f64,
    sleep: f64,
}

impl Rhythm {
    fn draw(rng: &mut Xo) -> Rhythm {
        let zones: [(f64, f64); 12] = [
            (-8.0, 10.0),
            (-7.0, 4.0),
            (-6.0, 6.0),
            (-5.0, 14.0),
            (-3.0, 4.0),
            (0.0, 10.0),
            (1.0, 14.0),
            (2.0, 6.0),
            (3.0, 5.0),
            (5.5, 4.0),
            (8.0, 9.0),
            (9.0, 5.0),
        ];
        let tz = zones[rng.weighted(&zones.map(|z| z.1))].0;
        Rhythm { tz, wake: rng.range(6.0, 9.5), sleep: rng.range(22.0, 25.5) }
    }
    /// UTC time of local `hour` (may exceed 24) on local calendar day `day`.
    fn at(&self, day: i64, hour: f64) -> i64 {
        day * DAY + ((hour - self.tz) * HOUR as f64) as i64
    }
    fn awake_hour(&self, rng: &mut Xo) -> f64 {
        rng.range(self.wake, self.sleep)
    }
    fn weekend(&self, day: i64) -> bool {
        // 1970-01-01 was a Thursday.
        matches!((day + 4).rem_euclid(7), 0 | 6)
    }
}

/// A stake a person would type: a round number most of the time.
fn typed_stake(rng: &mut Xo, median: f64, round_habit: f64) -> f64 {
    let x = rng.lognormal(median, 0.9).max(1.0);
    if !rng.coin(round_habit) {
        return (x * 100.0).round() / 100.0;
    }
    let unit = [1000.0, 250.0, 100.0, 50.0, 25.0, 10.0, 5.0].into_iter().find(|u| x >= 2.0 * u).unwrap_or(1.0);
    (x / unit).round().max(1.0) * unit
}

fn days() -> std::ops::Range<i64> {
    WINDOW_START / DAY - 1..NOW / DAY + 1
}

const BETTING: [Cat; 4] = [Cat::Politics, Cat::Culture, Cat::Sports, Cat::CryptoDaily];

fn person(a: &mut Acct<'_>, behaviour: &str) {
    let r = Rhythm::draw(&mut a.rng);
    match behaviour {
        "casual" => {
            let median = a.rng.lognormal(25.0, 0.7);
            let p_day = a.rng.range(0.15, 0.45);
            for day in days() {
                let p = if r.weekend(day) { (p_day * 2.0).min(0.9) } else { p_day };
                if !a.rng.coin(p) {
                    continue;
                }
                let mut t = r.at(day, a.rng.range(17.0, r.sleep.max(22.0)));
                for _ in 0..a.rng.between(1, 4) {
                    t += a.rng.between(30, 900);
                    if let Some(m) = a.world.pick(&mut a.rng, t, &BETTING, HOUR) {
                        let o = u8::from(a.rng.coin(0.5));
                        if (0.08..0.92).contains(&a.world.mkts[m].prob(t, o)) {
                            let usd = typed_stake(&mut a.rng, median, 0.85);
                            a.take_usd(t, m, o, usd);
                        }
                    }
                }
                // Now and then takes a profit on something that moved a lot.
                for (m, o) in a.holdings(t) {
                    if a.world.mkts[m].bid(t, o) > 0.85 && a.rng.coin(0.5) {
                        let all = a.held(m, o);
                        let w = a.rng.between(60, 1800);
                        a.take(t + w, m, o, Side::Sell, all);
                    }
                }
            }
        }
        "in_play" => {
            let median = a.rng.lognormal(40.0, 0.6);
            let games_a_week = a.rng.range(3.0, 9.0);
            for day in days() {
                let n = if r.weekend(day) {
                    a.rng.between(0, (games_a_week / 2.5).ceil() as i64)
                } else {
                    i64::from(a.rng.coin(games_a_week / 10.0))
                };
                for _ in 0..n {
                    let watch = r.at(day, a.rng.range(12.0, r.sleep - 1.0));
                    let games: Vec<usize> = a
                        .world
                        .closing(watch, &[Cat::Sports], 4 * HOUR)
                        .into_iter()
                        .filter(|&m| a.world.mkts[m].kickoff <= watch + 30 * MINUTE)
                        .collect();
                    if games.is_empty() {
                        continue;
                    }
                    let m = a.rng.choose(&games);
                    let side = u8::from(a.rng.coin(0.5));
                    let mut t = watch.max(a.world.mkts[m].kickoff);
                    let end = a.world.mkts[m].closes - a.rng.between(2 * MINUTE, 20 * MINUTE);
                    for _ in 0..a.rng.between(2, 8) {
                        t += a.rng.between(3 * MINUTE, 30 * MINUTE);
                        if t >= end {
                            break;
                        }
                        match a.rng.weighted(&[0.5, 0.25, 0.25]) {
                            0 => {
                                let usd = typed_stake(&mut a.rng, median, 0.7);
                                a.take_usd(t, m, side, usd);
                            }
                            1 => {
                                let usd = typed_stake(&mut a.rng, median * 0.6, 0.7);
                                a.take_usd(t, m, 1 - side, usd);
                            }
                            _ => {
                                let part = a.held(m, side) * a.rng.choose(&[0.5, 1.0, 1.0]);
                                a.take(t, m, side, Side::Sell, part);
                            }
                        }
                    }
                    // Cash out before the end, often.
                    if a.rng.coin(0.6) {
                        for o in [0, 1] {
                            let all = a.held(m, o);
                            a.take(end, m, o, Side::Sell, all);
                        }
                    }
                }
            }
        }
        "scaler" => {
            let size = a.rng.lognormal(400.0, 0.6);
            for day in days() {
                if r.weekend(day) && a.rng.coin(0.7) || a.rng.coin(0.15) {
                    continue;
                }
                for _ in 0..a.rng.between(1, 3) {
                    let mut t = r.at(day, a.rng.range(r.wake + 1.0, r.sleep - 1.0));
                    for _ in 0..a.rng.between(1, 3) {
                        let Some(m) = a.world.pick(&mut a.rng, t, &[Cat::Politics, Cat::Culture, Cat::CryptoDaily], 6 * HOUR) else {
                            continue;
                        };
                        let o = u8::from(a.rng.coin(0.5));
                        let target = size * a.rng.range(0.5, 1.6) / a.world.mkts[m].prob(t, o).max(0.05);
                        let tranches = a.rng.between(2, 4);
                        for _ in 0..tranches {
                            let part = target / tranches as f64 * a.rng.range(0.6, 1.4);
                            let part = if a.rng.coin(0.4) { (part / 10.0).round().max(1.0) * 10.0 } else { part };
                            a.take(t, m, o, Side::Buy, part);
                            t += a.rng.between(2 * MINUTE, 20 * MINUTE);
                        }
                        if a.rng.coin(0.7) {
                            // Scales out over the next minutes to hours; sometimes leaves a runner.
                            let outs = a.rng.between(1, 3);
                            let mut u = t;
                            for k in 0..outs {
                                u += a.rng.between(5 * MINUTE, 3 * HOUR);
                                let share = if k + 1 == outs && a.rng.coin(0.7) { 1.0 } else { a.rng.range(0.3, 0.6) };
                                let q = a.held(m, o) * share;
                                a.take(u, m, o, Side::Sell, q);
                            }
                            if a.rng.coin(0.2) {
                                let usd = size * a.rng.range(0.3, 1.0);
                                let w = a.rng.between(60, 600);
                                a.take_usd(u + w, m, 1 - o, usd);
                            }
                        }
                        t += a.rng.between(5 * MINUTE, 40 * MINUTE);
                    }
                }
            }
        }
        "news" => {
            let median = a.rng.lognormal(80.0, 0.7);
            for day in days() {
                for _ in 0..a.rng.between(0, 3) {
                    let t = r.at(day, r.awake_hour(&mut a.rng));
                    if let Some(m) = a.world.pick(&mut a.rng, t, &[Cat::Politics, Cat::Culture], 12 * HOUR) {
                        let o = u8::from(a.rng.coin(0.5));
                        let usd = typed_stake(&mut a.rng, median, 0.6);
                        a.take_usd(t, m, o, usd);
                    }
                }
            }
            let news: Vec<(i64, Vec<usize>)> = a.world.news.iter().filter(|(t, _)| *t >= WINDOW_START - DAY && *t < NOW).cloned().collect();
            for (t0, hit) in news {
                let local = (t0 as f64 / HOUR as f64 + r.tz).rem_euclid(24.0);
                let awake = local >= r.wake - 0.5 && local <= r.sleep.min(24.0) || local <= r.sleep - 24.0;
                if !awake || !a.rng.coin(0.7) {
                    continue;
                }
                let mut t = t0 + a.rng.between(MINUTE, 20 * MINUTE);
                for _ in 0..a.rng.between(3, 14) {
                    let m = a.rng.choose(&hit);
                    // Chases the move: buys whichever outcome the news lifted.
                    let before = a.world.mkts[m].prob(t0 - 600, 0);
                    let o = if a.world.mkts[m].prob(t, 0) >= before { 0 } else { 1 };
                    if a.held(m, 1 - o) > 0.0 && a.rng.coin(0.5) {
                        let all = a.held(m, 1 - o);
                        a.take(t, m, 1 - o, Side::Sell, all);
                    } else {
                        let usd = typed_stake(&mut a.rng, median * 1.5, 0.5);
                        a.take_usd(t, m, o, usd);
                    }
                    t += a.rng.between(10, 5 * MINUTE);
                }
            }
        }
        "whale" => {
            let ticket = a.rng.lognormal(8000.0, 0.6);
            let mut day = days().start + a.rng.between(0, 3);
            while day < NOW / DAY {
                let t = r.at(day, r.awake_hour(&mut a.rng));
                if let Some(m) = a.world.pick(&mut a.rng, t, &[Cat::Politics, Cat::Sports, Cat::CryptoDaily], 12 * HOUR) {
                    let o = u8::from(a.rng.coin(0.5));
                    if (0.1..0.9).contains(&a.world.mkts[m].prob(t, o)) {
                        let usd = typed_stake(&mut a.rng, ticket, 0.9);
                        if a.rng.coin(0.5) {
                            a.take_usd(t, m, o, usd);
                        } else {
                            // Cut by hand into chunks so as not to move the price.
                            let chunks = a.rng.between(2, 6);
                            let mut u = t;
                            for _ in 0..chunks {
                                a.take_usd(u, m, o, (usd / chunks as f64 / 100.0).round() * 100.0);
                                u += a.rng.between(2 * MINUTE, 40 * MINUTE);
                            }
                        }
                    }
                }
                for (m, o) in a.holdings(t) {
                    if a.rng.coin(0.15) {
                        let half = a.held(m, o) * 0.5;
                        let w = a.rng.between(HOUR, 6 * HOUR);
                        a.take(t + w, m, o, Side::Sell, half);
                    }
                }
                day += a.rng.between(1, 3);
            }
        }
        "night_owl" => {
            let median = a.rng.lognormal(30.0, 0.8);
            for day in days() {
                if !a.rng.coin(if r.weekend(day) { 0.85 } else { 0.55 }) {
                    continue;
                }
                let mut t = r.at(day, a.rng.range(21.0, 24.5));
                let until = r.at(day, a.rng.range(25.5, 28.5));
                while t < until {
                    t += a.rng.between(2 * MINUTE, 50 * MINUTE);
                    let held = a.holdings(t);
                    if !held.is_empty() && a.rng.coin(0.3) {
                        let (m, o) = a.rng.choose(&held);
                        let q = a.held(m, o) * a.rng.choose(&[0.5, 1.0]);
                        a.take(t, m, o, Side::Sell, q);
                    } else if let Some(m) =
                        a.world.pick(&mut a.rng, t, &[Cat::Sports, Cat::CryptoDaily, Cat::CryptoHourly, Cat::Culture], 10 * MINUTE)
                    {
                        let o = u8::from(a.rng.coin(0.5));
                        let usd = typed_stake(&mut a.rng, median, 0.5);
                        a.take_usd(t, m, o, usd);
                    }
                }
            }
        }
        "dca" => {
            let amount = a.rng.choose(&[10.0, 20.0, 25.0, 50.0, 100.0]);
            let at = a.rng.range(r.wake, r.wake + 3.0);
            let every = a.rng.choose(&[1, 1, 1, 2]);
            let t0 = WINDOW_START - DAY;
            let mut plan: Vec<usize> =
                (0..a.rng.between(1, 3)).filter_map(|_| a.world.pick(&mut a.rng, t0, &[Cat::Politics], 40 * DAY)).collect();
            plan.dedup();
            if plan.is_empty() {
                plan.extend(a.world.pick(&mut a.rng, t0, &[Cat::Politics], 5 * DAY));
            }
            let sides: Vec<u8> = plan.iter().map(|_| u8::from(a.rng.coin(0.5))).collect();
            for day in days().step_by(every) {
                if a.rng.coin(0.12) {
                    continue; // forgot
                }
                let t = r.at(day, at + a.rng.normal() * 1.2);
                for (k, &m) in plan.iter().enumerate() {
                    let w = a.rng.between(20, 120);
                    a.take_usd(t + k as i64 * w, m, sides[k], amount);
                }
                // The odd extra bet elsewhere, of whatever size.
                if a.rng.coin(0.15) {
                    let u = r.at(day, r.awake_hour(&mut a.rng));
                    if let Some(m) = a.world.pick(&mut a.rng, u, &BETTING, HOUR) {
                        let usd = typed_stake(&mut a.rng, amount * 2.0, 0.5);
                        let side = u8::from(a.rng.coin(0.5));
                        a.take_usd(u, m, side, usd);
                    }
                }
            }
        }
        "favourite_backer" => {
            let median = a.rng.lognormal(300.0, 0.8);
            for day in days() {
                for _ in 0..a.rng.between(0, 4) {
                    let t = r.at(day, r.awake_hour(&mut a.rng));
                    // Looks for a heavy favourite, sometimes in a market about to settle.
                    let pool = if a.rng.coin(0.4) { a.world.closing(t, &BETTING, DAY) } else { Vec::new() };
                    let m = if pool.is_empty() { a.world.pick(&mut a.rng, t, &BETTING, HOUR) } else { Some(a.rng.choose(&pool)) };
                    let Some(m) = m else { continue };
                    let o = if a.world.mkts[m].prob(t, 0) >= 0.5 { 0 } else { 1 };
                    if (0.8..0.975).contains(&a.world.mkts[m].ask(t, o)) {
                        let usd = typed_stake(&mut a.rng, median, 0.8);
                        a.take_usd(t, m, o, usd);
                    }
                }
            }
        }
        "grinder" => {
            let median = a.rng.lognormal(150.0, 0.6);
            for day in days() {
                if a.rng.coin(0.1) {
                    continue;
                }
                for _ in 0..a.rng.between(1, 3) {
                    let mut t = r.at(day, a.rng.range(r.wake + 0.5, r.sleep - 2.0));
                    let until = t + a.rng.between(HOUR, 4 * HOUR);
                    while t < until {
                        t += a.rng.between(MINUTE, 25 * MINUTE);
                        let held = a.holdings(t);
                        if !held.is_empty() && a.rng.coin(0.4) {
                            let (m, o) = a.rng.choose(&held);
                            let q = a.held(m, o) * a.rng.range(0.3, 1.0);
                            a.take(t, m, o, Side::Sell, q);
                        } else if let Some(m) = a.world.pick(&mut a.rng, t, &BETTING, 2 * HOUR) {
                            let o = u8::from(a.rng.coin(0.5));
                            let mid = a.world.mkts[m].prob(t, o);
                            if (0.05..0.95).contains(&mid) {
                                let usd = a.rng.lognormal(median, 0.7);
                                if a.rng.coin(0.3) {
                                    // A limit order a tick inside, filled later by the flow.
                                    let price = a.world.mkts[m].bid(t, o);
                                    let u = t + a.rng.between(30, 40 * MINUTE);
                                    a.rested(u, m, o, Side::Buy, (usd / price).round(), price);
                                } else {
                                    a.take_usd(t, m, o, usd);
                                }
                            }
                        }
                    }
                }
            }
        }
        _ => unreachable!("unknown person {behaviour}"),
    }
}

/// The world's trading flow by UTC hour: Americas and Europe awake, a trough in between, never
/// zero.
fn flow(t: i64) -> f64 {
    let h = (t.rem_euclid(DAY) as f64) / HOUR as f64;
    let us = (-(((h - 20.0 + 12.0).rem_euclid(24.0) - 12.0) / 5.0).powi(2)).exp();
    let eu = (-(((h - 14.0 + 12.0).rem_euclid(24.0) - 12.0) / 4.0).powi(2)).exp();
    0.3 + 0.5 * us + 0.35 * eu
}

/// When a bot started running, within the window.
fn bot_start(a: &mut Acct<'_>) -> i64 {
    if a.rng.coin(0.6) { WINDOW_START - DAY } else { NOW - a.rng.between(5, 25) * DAY }
}

fn machine(a: &mut Acct<'_>, behaviour: &str, world: &World, leader_seed: &mut Xo) {
    let start = bot_start(a);
    match behaviour {
        "market_maker" => {
            let mut t = start;
            let n = a.rng.between(3, 10) as usize;
            let lots: Vec<f64> = (0..a.rng.between(1, 3)).map(|_| a.rng.choose(&[25.0, 50.0, 100.0, 150.0, 200.0, 500.0])).collect();
            let per_hour = a.rng.range(2.0, 12.0);
            let mut book: Vec<usize> = Vec::new();
            while t < NOW {
                book.retain(|&m| world.mkts[m].closes - t > 2 * HOUR);
                while book.len() < n {
                    match world.pick(&mut a.rng, t, &[Cat::Politics, Cat::Sports, Cat::Culture, Cat::CryptoDaily], DAY) {
                        Some(m) if !book.contains(&m) => book.push(m),
                        _ => break,
                    }
                }
                t += a.rng.wait(per_hour * flow(t));
                if book.is_empty() {
                    continue;
                }
                let m = a.rng.choose(&book);
                let o = u8::from(a.rng.coin(0.5));
                let lot = a.rng.choose(&lots);
                // Skews its quotes against its inventory: long means its ask is the one hit.
                let inventory = a.held(m, o) / lot;
                let p_sell = (0.5 + 0.2 * inventory).clamp(0.05, 0.95);
                let q = if a.rng.coin(0.3) { lot * a.rng.range(0.2, 1.0) } else { lot };
                if a.held(m, o) > 0.0 && a.rng.coin(p_sell) {
                    let price = world.mkts[m].ask(t, o);
                    a.rested(t, m, o, Side::Sell, q, price);
                } else {
                    let price = world.mkts[m].bid(t, o);
                    a.rested(t, m, o, Side::Buy, q, price);
                }
            }
        }
        "arbitrageur" => {
            let mut t = start;
            let per_hour = a.rng.range(0.5, 4.0);
            while t < NOW {
                t += a.rng.wait(per_hour);
                let Some(m) = world.pick(&mut a.rng, t, &[Cat::Sports, Cat::CryptoHourly, Cat::CryptoDaily, Cat::Culture], 10 * MINUTE)
                else {
                    continue;
                };
                let shares = a.rng.lognormal(400.0, 0.9).round();
                let edge = a.rng.range(0.005, 0.03);
                let p0 = world.mkts[m].snap(world.mkts[m].prob(t, 0) - edge / 2.0);
                let p1 = world.mkts[m].snap(1.0 - p0 - edge);
                if a.rng.coin(0.5) {
                    let tx = format!("0x{}", a.rng.hex(64));
                    a.write(t, m, 0, Side::Buy, shares, p0, &tx);
                    a.write(t, m, 1, Side::Buy, shares, p1, &tx);
                } else {
                    a.rested(t, m, 0, Side::Buy, shares, p0);
                    let w = a.rng.between(0, 3);
                    a.rested(t + w, m, 1, Side::Buy, shares, p1);
                }
            }
        }
        "resolution_sniper" => {
            let min_price = a.rng.range(0.92, 0.97);
            let horizon = a.rng.between(20 * MINUTE, 24 * HOUR);
            let scan = a.rng.range(2.0, 10.0);
            let budget = a.rng.lognormal(800.0, 0.8);
            let cats: &[Cat] = if a.rng.coin(0.5) {
                &[Cat::CryptoHourly, Cat::CryptoDaily, Cat::Sports]
            } else {
                &[Cat::Sports, Cat::Politics, Cat::Culture, Cat::CryptoDaily]
            };
            let mut t = start;
            let mut done: Vec<usize> = Vec::new();
            while t < NOW {
                t += a.rng.wait(scan);
                let ending = world.closing(t, cats, horizon);
                for m in ending {
                    if done.contains(&m) && a.rng.coin(0.8) {
                        continue;
                    }
                    let o = if world.mkts[m].prob(t, 0) >= 0.5 { 0 } else { 1 };
                    let ask = world.mkts[m].ask(t, o);
                    if ask >= min_price && ask < 0.999 {
                        // As much as the book and the budget allow.
                        let usd = budget.min(a.rng.lognormal(world.mkts[m].depth, 0.7));
                        let w = a.rng.between(0, 20);
                        a.take_usd(t + w, m, o, usd);
                        done.push(m);
                    }
                }
            }
        }
        "copy_fixed" | "copy_fraction" => {
            let stake = a.rng.choose(&[2.0, 5.0, 10.0, 15.0, 25.0, 50.0, 100.0]);
            let fraction = a.rng.range(0.02, 0.3);
            let delay = a.rng.range(1.5, 8.0);
            let leaders: Vec<Acct<'_>> = (0..a.rng.between(3, 10))
                .map(|_| {
                    let mut l = Acct::new(world, leader_seed);
                    let kind = l.rng.choose(&["scaler", "grinder", "news", "in_play", "night_owl", "casual"]);
                    person(&mut l, kind);
                    l
                })
                .collect();
            // Every leader order (fills of one transaction), in time order, with the leader's
            // position before it.
            let mut orders: Vec<(i64, usize, u8, Side, f64, f64)> = Vec::new();
            for l in &leaders {
                let mut fills: Vec<&Trade> = l.fills.iter().collect();
                fills.sort_by_key(|f| f.timestamp);
                let mut pos: HashMap<(String, String), f64> = HashMap::new();
                let mut i = 0;
                while i < fills.len() {
                    let f = fills[i];
                    let mut shares = 0.0;
                    let mut j = i;
                    while j < fills.len() && fills[j].transaction_hash == f.transaction_hash {
                        shares += fills[j].size.to_f64();
                        j += 1;
                    }
                    let m = world.mkts.iter().position(|m| m.condition == f.condition_id).expect("a world market");
                    let o = f.outcome_index.unwrap_or(0) as u8;
                    let key = (f.condition_id.clone(), f.asset.clone());
                    let before = pos.get(&key).copied().unwrap_or(0.0);
                    let after = if f.side == Side::Buy { before + shares } else { (before - shares).max(0.0) };
                    pos.insert(key, after);
                    orders.push((f.timestamp.timestamp(), m, o, f.side, shares, before));
                    i = j;
                }
            }
            orders.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
            for (lt, m, o, side, shares, before) in orders {
                let t = lt + a.rng.lognormal(delay, 0.5).round().clamp(1.0, 30.0) as i64;
                if t < start || t >= NOW {
                    continue;
                }
                match side {
                    Side::Buy => {
                        let ask = world.mkts[m].ask(t, o);
                        if !(0.02..=0.97).contains(&ask) {
                            continue; // its guard against paying up near resolution
                        }
                        let q = if behaviour == "copy_fixed" { stake / ask } else { shares * fraction };
                        a.take(t, m, o, Side::Buy, q.max(5.0));
                    }
                    Side::Sell => {
                        let share = if before > 0.0 { (shares / before).min(1.0) } else { 1.0 };
                        let q = a.held(m, o) * share;
                        a.take(t, m, o, Side::Sell, q);
                    }
                }
            }
        }
        "scalper" => {
            let mut t = start;
            let per_hour = a.rng.range(1.0, 6.0);
            let size = a.rng.lognormal(300.0, 0.5);
            let cats: &[Cat] =
                if a.rng.coin(0.5) { &[Cat::CryptoHourly, Cat::CryptoDaily] } else { &[Cat::Sports, Cat::Politics, Cat::CryptoDaily] };
            while t < NOW {
                t += a.rng.wait(per_hour * flow(t));
                let Some(m) = world.pick(&mut a.rng, t, cats, 20 * MINUTE) else { continue };
                let o = u8::from(a.rng.coin(0.5));
                let q = size * a.rng.range(0.7, 1.3);
                let got = a.take(t, m, o, Side::Buy, q);
                let out = t + a.rng.lognormal(150.0, 0.8).clamp(5.0, 1800.0) as i64;
                a.take(out, m, o, Side::Sell, got);
                t = out;
            }
        }
        "farmer" => {
            let usd = a.rng.range(1.0, 20.0);
            let batches = a.rng.between(1, 3);
            let hours: Vec<f64> = (0..batches).map(|_| a.rng.range(0.0, 24.0)).collect();
            for day in (start / DAY)..NOW / DAY {
                if a.rng.coin(0.15) {
                    continue;
                }
                for &h in &hours {
                    let mut t = day * DAY + ((h + a.rng.range(-0.5, 0.5)) * HOUR as f64) as i64;
                    for _ in 0..a.rng.between(10, 60) {
                        let Some(m) = world.pick(&mut a.rng, t, &[Cat::CryptoHourly, Cat::Sports, Cat::Politics], 10 * MINUTE) else {
                            continue;
                        };
                        let o = u8::from(a.rng.coin(0.5));
                        let w = a.rng.range(0.9, 1.1);
                        let got = a.take_usd(t, m, o, usd * w);
                        let w = a.rng.between(2, 40);
                        a.take(t + w, m, o, Side::Sell, got);
                        t += a.rng.between(20, 120);
                    }
                }
            }
        }
        "scheduler" => {
            let period = a.rng.choose(&[5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR]);
            let jitter = a.rng.between(0, 25);
            let usd = a.rng.choose(&[5.0, 10.0, 20.0, 50.0, 100.0]);
            let sells = a.rng.coin(0.5);
            let cats: &[Cat] = if period <= 30 * MINUTE {
                &[Cat::CryptoHourly, Cat::CryptoDaily]
            } else {
                &[Cat::Politics, Cat::CryptoDaily, Cat::Sports]
            };
            let mut t = (start / period + 1) * period + a.rng.between(0, 59);
            let mut n = 0u64;
            while t < NOW {
                let at = t + a.rng.between(0, jitter);
                let held = a.holdings(at);
                if sells && n % 3 == 2 && !held.is_empty() {
                    let (m, o) = held[0];
                    let all = a.held(m, o);
                    a.take(at, m, o, Side::Sell, all);
                } else if let Some(m) = world.pick(&mut a.rng, at, cats, 5 * MINUTE) {
                    let o = if world.mkts[m].prob(at, 0) >= 0.5 { 0 } else { 1 };
                    a.take_usd(at, m, o, usd);
                }
                n += 1;
                t += period;
            }
        }
        "twap" => {
            let mut t = start;
            let per_day = a.rng.range(1.0, 5.0);
            let interval = a.rng.between(30, 10 * MINUTE);
            while t < NOW {
                t += a.rng.wait(per_day / 24.0);
                let Some(m) = world.pick(&mut a.rng, t, &[Cat::Politics, Cat::Sports, Cat::CryptoDaily], 12 * HOUR) else { continue };
                let o = u8::from(a.rng.coin(0.5));
                let parent = a.rng.lognormal(5000.0, 0.8);
                let children = a.rng.between(5, 30);
                let child = (parent / children as f64).round();
                let side = if a.held(m, o) >= parent && a.rng.coin(0.5) { Side::Sell } else { Side::Buy };
                let mut u = t;
                for _ in 0..children {
                    a.take(u, m, o, side, child);
                    u += interval + a.rng.between(0, interval / 20 + 1);
                }
            }
        }
        _ => unreachable!("unknown bot {behaviour}"),
    }
}

/// People and how many of each.
pub const PEOPLE: [(&str, usize); 9] = [
    ("casual", 25),
    ("in_play", 25),
    ("scaler", 25),
    ("news", 20),
    ("whale", 15),
    ("night_owl", 20),
    ("dca", 20),
    ("favourite_backer", 20),
    ("grinder", 20),
];
/// Machines and how many of each.
pub const BOTS: [(&str, usize); 9] = [
    ("market_maker", 20),
    ("arbitrageur", 15),
    ("resolution_sniper", 20),
    ("copy_fixed", 15),
    ("copy_fraction", 15),
    ("scalper", 15),
    ("farmer", 15),
    ("scheduler", 15),
    ("twap", 15),
];

/// The whole of holdout v2, deterministic for [`HOLDOUT2_SEED`].
pub fn holdout2() -> Vec<Holdout2Wallet> {
    let mut rng = Xo::seeded(HOLDOUT2_SEED);
    let world = World::build(&mut rng);
    let mut leader_seed = Xo::seeded(rng.u64());
    let mut out = Vec::new();
    let plan = PEOPLE.iter().map(|&(b, n)| (false, b, n)).chain(BOTS.iter().map(|&(b, n)| (true, b, n)));
    for (bot, behaviour, n) in plan {
        for _ in 0..n {
            let mut a = Acct::new(&world, &mut rng);
            if bot {
                machine(&mut a, behaviour, &world, &mut leader_seed);
            } else {
                person(&mut a, behaviour);
            }
            let mut trades: Vec<Trade> = a.fills.into_iter().filter(|f| (WINDOW_START..NOW).contains(&f.timestamp.timestamp())).collect();
            trades.sort_by_key(|f| std::cmp::Reverse(f.timestamp));
            out.push(Holdout2Wallet { wallet: a.who, bot, behaviour, trades });
        }
    }
    out
}
