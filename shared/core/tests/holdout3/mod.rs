//! Holdout v3 for the bot filter: a third, independent set of labelled wallets, written and
//! committed before the filter's third round of tuning and never tuned on.
//!
//! Written from descriptions of how Polymarket people and bots trade (`reference/users.md`; how
//! bettors describe their habits on forums, how bot authors describe what their bots do), not
//! from the filter's rules, and not from holdout v1 (`tests/holdout/`), v2 (`tests/holdout2/`),
//! the simulator or the fixture corpus: its own random generator (wyrand), its own market model
//! (15-minute and hourly crypto rounds, weekend-heavy sports slates, long election markets moved
//! by news, scheduled economic releases), its own people and bots, and its own seed.
//!
//! Each wallet is what discovery reads: its fills of the last 30 days, one row per fill (an
//! order that walks the book leaves several fills under one transaction hash), whole seconds,
//! newest first.
//!
//! people: a casual bettor; a weekend sports bettor (Friday night to Sunday, slates of games,
//! mostly before kick-off, holds); an election obsessive (adds to one or two positions for
//! weeks, bigger on dips, trims now and then); a scaler-out (buys, then sells in pieces as the
//! price rises); a hedger (buys one side, later buys the other outcome to lock in or limit a
//! loss); a mobile user (tiny bets of a dollar or a few from the phone, in short sessions); an
//! in-play bettor (backs, adds on swings, cashes out and buys late favourites during games); a
//! crypto punter (evening sessions on the 15-minute and hourly up/down rounds); a favourite
//! grinder (buys outcomes at 0.85-0.97 close to the end, awake hours only); a day trader (long
//! sessions in and out of swinging markets).
//!
//! bots: a TWAP executor (parent orders cut into child orders at a fixed interval, equal or
//! jittered in size); an iceberg (a resting clip of fixed size, refilled as the flow takes it);
//! a fraction-of-leader copy bot and a fixed-stake copy bot (mirroring a few people seconds
//! late, sells included); a hedger / rebalancer (keeps pairs of related positions balanced,
//! checking every few minutes, day and night); a liquidity-reward farmer (two-sided resting
//! quotes at the reward's minimum size in many markets, inventory dumped when it builds); a
//! news-latency bot (buys the markets a headline moves within seconds of it, sells later); an
//! end-of-day rebalancer (one batch a day at a fixed UTC minute across its book); a market
//! maker; a resolution sniper; an arbitrageur (buys both outcomes when they sum under 1).

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The seed of holdout v3. Frozen.
pub const HOLDOUT3_SEED: u64 = 0x3b0d_e5ee_d20c_0612;
const MIN: i64 = 60;
const HR: i64 = 3600;
const DAY: i64 = 86_400;
/// 2027-03-20T00:00:00Z: the moment discovery looks.
const NOW: i64 = 1_805_500_800;
/// Discovery reads the last 30 days.
const FROM: i64 = NOW - 30 * DAY;

/// One labelled wallet of holdout v3.
pub struct Holdout3Wallet {
    /// The wallet.
    pub wallet: Wallet,
    /// Bot by construction.
    pub bot: bool,
    /// Which behaviour made it.
    pub behaviour: &'static str,
    /// Its fills in the window, newest first.
    pub trades: Vec<Trade>,
}

/// wyrand (Wang Yi's wyhash-based generator).
struct Wy(u64);

impl Wy {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0xa076_1d64_78bd_642f);
        let m = u128::from(self.0) * u128::from(self.0 ^ 0xe703_7ed1_a0b4_28db);
        ((m >> 64) as u64) ^ (m as u64)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
    fn uni(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    fn idx(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Standard normal, Box-Muller.
    fn gauss(&mut self) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    fn logn(&mut self, median: f64, spread: f64) -> f64 {
        median * (spread * self.gauss()).exp()
    }
    /// Exponential wait with mean `mean` seconds.
    fn expo(&mut self, mean: f64) -> i64 {
        (-(1.0 - self.unit()).ln() * mean).round() as i64 + 1
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.idx(xs.len())]
    }
    fn hex(&mut self, n: usize) -> String {
        let mut s = String::new();
        while s.len() < n {
            s += &format!("{:016x}", self.next());
        }
        s.truncate(n);
        s
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Election,
    Politics,
    Econ,
    Culture,
    Game,
    Crypto15,
    CryptoHour,
}

/// A binary market: the fair probability of outcome 0 sampled every `step` seconds.
struct Market {
    kind: Kind,
    opens: i64,
    closes: i64,
    /// Games: kick-off. Others: `closes`.
    start: i64,
    step: i64,
    fair: Vec<f32>,
    spread: f64,
    /// Dollars resting at the best level, typically.
    depth: f64,
    condition: String,
    tokens: [String; 2],
}

impl Market {
    fn live(&self, t: i64) -> bool {
        t >= self.opens && t < self.closes
    }
    fn p(&self, t: i64, o: usize) -> f64 {
        let i = (((t - self.opens).max(0)) / self.step) as usize;
        let x = f64::from(self.fair[i.min(self.fair.len() - 1)]);
        if o == 0 { x } else { 1.0 - x }
    }
    fn cents(p: f64) -> f64 {
        (p * 100.0).round().clamp(1.0, 99.0) / 100.0
    }
    fn ask(&self, t: i64, o: usize) -> f64 {
        Market::cents(self.p(t, o) + self.spread)
    }
    fn bid(&self, t: i64, o: usize) -> f64 {
        Market::cents(self.p(t, o) - self.spread)
    }
}

struct Venue {
    markets: Vec<Market>,
    /// Long-lived markets (elections, politics, econ, culture).
    long: Vec<usize>,
    /// Games, by kick-off.
    games: Vec<usize>,
    /// Crypto rounds: (opens, market).
    rounds: Vec<(i64, usize)>,
    /// Headlines: (time, markets moved, size of the move).
    headlines: Vec<(i64, Vec<usize>, f64)>,
    /// Market index by condition id.
    by_condition: HashMap<String, usize>,
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Venue {
    fn build(g: &mut Wy) -> Venue {
        let mut markets: Vec<(Market, Vec<f64>)> = Vec::new();
        let mut make = |g: &mut Wy, kind: Kind, opens: i64, closes: i64, start: i64| {
            let (step, vol, spread, depth) = match kind {
                Kind::Election => (20 * MIN, g.uni(0.02, 0.05), 0.005, g.logn(8000.0, 0.6)),
                Kind::Politics => (20 * MIN, g.uni(0.04, 0.09), 0.01, g.logn(2000.0, 0.7)),
                Kind::Econ => (20 * MIN, g.uni(0.03, 0.07), 0.01, g.logn(1500.0, 0.7)),
                Kind::Culture => (30 * MIN, g.uni(0.05, 0.1), 0.01, g.logn(600.0, 0.8)),
                Kind::Game => (2 * MIN, g.uni(0.03, 0.06), 0.01, g.logn(3000.0, 0.7)),
                Kind::Crypto15 => (MIN, g.uni(0.9, 1.6), 0.01, g.logn(900.0, 0.5)),
                Kind::CryptoHour => (MIN, g.uni(0.5, 1.0), 0.01, g.logn(1200.0, 0.5)),
            };
            let n = ((closes - opens) / step + 1) as usize;
            let per = vol * (step as f64 / HR as f64).sqrt();
            let mut x = match kind {
                Kind::Crypto15 | Kind::CryptoHour => 0.0,
                _ => g.gauss() * 1.2,
            };
            let mut raw = Vec::with_capacity(n);
            for i in 0..n {
                let t = opens + i as i64 * step;
                let live_game = kind == Kind::Game && t >= start;
                x = (x + per * if live_game { 6.0 } else { 1.0 } * g.gauss()).clamp(-6.0, 6.0);
                raw.push(x);
            }
            let condition = format!("0x{}", g.hex(64));
            let tokens = [format!("{}", g.next() >> 1), format!("{}", g.next() >> 1)];
            let m = Market { kind, opens, closes, start, step, fair: Vec::new(), spread, depth, condition, tokens };
            markets.push((m, raw));
        };
        for _ in 0..30 {
            let life = g.int(20, 240);
            make(g, Kind::Election, NOW - 200 * DAY, NOW + life * DAY, 0);
        }
        for _ in 0..70 {
            let closes = NOW - 25 * DAY + g.int(0, 60) * DAY + g.int(0, DAY);
            let life = g.int(10, 90);
            make(g, Kind::Politics, closes - life * DAY, closes, 0);
        }
        for _ in 0..25 {
            // Releases at 12:30 or 18:00 UTC on weekdays.
            let day = (NOW - 28 * DAY) / DAY + g.int(0, 34);
            let closes = day * DAY + if g.chance(0.6) { 12 * HR + 30 * MIN } else { 18 * HR };
            let life = g.int(7, 30);
            make(g, Kind::Econ, closes - life * DAY, closes, 0);
        }
        for _ in 0..50 {
            let closes = NOW - 28 * DAY + g.int(0, 40) * DAY + g.int(0, DAY);
            let life = g.int(3, 20);
            make(g, Kind::Culture, closes - life * DAY, closes, 0);
        }
        for day in (FROM - 4 * DAY) / DAY..(NOW + 3 * DAY) / DAY {
            let weekday = (day + 4).rem_euclid(7);
            let slate = if matches!(weekday, 0 | 6) {
                g.int(18, 30)
            } else if weekday == 5 {
                g.int(10, 16)
            } else {
                g.int(4, 9)
            };
            for _ in 0..slate {
                let hour = if g.chance(0.3) { g.uni(12.0, 20.0) } else { g.uni(17.0, 27.0) };
                let kick = day * DAY + (hour * HR as f64) as i64;
                let (before, length) = (g.int(1, 4), g.int(100, 190));
                make(g, Kind::Game, kick - before * DAY, kick + length * MIN, kick);
            }
            for q in 0..96 {
                let opens = day * DAY + q * 15 * MIN;
                make(g, Kind::Crypto15, opens, opens + 15 * MIN, opens + 15 * MIN);
                if q % 4 == 0 {
                    make(g, Kind::CryptoHour, opens, opens + HR, opens + HR);
                }
            }
        }
        // Headlines at any hour, more in American daytime; each moves one to four markets.
        let mut headlines = Vec::new();
        let mut t = FROM - 3 * DAY;
        loop {
            t += g.expo(5.0 * HR as f64);
            if t >= NOW {
                break;
            }
            let hour = t.rem_euclid(DAY) / HR;
            if (5..12).contains(&hour) && g.chance(0.5) {
                continue;
            }
            let open: Vec<usize> = markets
                .iter()
                .enumerate()
                .filter(|(_, (m, _))| {
                    matches!(m.kind, Kind::Election | Kind::Politics | Kind::Culture | Kind::Econ) && m.live(t) && m.closes - t > 3 * HR
                })
                .map(|(i, _)| i)
                .collect();
            if open.is_empty() {
                continue;
            }
            let size = g.uni(0.4, 2.0) * if g.chance(0.5) { 1.0 } else { -1.0 };
            let moved: Vec<usize> = (0..g.int(1, 4)).map(|_| g.pick(&open)).collect();
            for &i in &moved {
                let (m, raw) = &mut markets[i];
                let from = ((t - m.opens) / m.step) as usize;
                let s = size * g.uni(0.6, 1.2);
                for x in raw.iter_mut().skip(from + 1) {
                    *x = (*x + s).clamp(-6.0, 6.0);
                }
            }
            headlines.push((t, moved, size.abs()));
        }
        // Settle: the winner from the price before the end, then the price runs to it.
        let mut out = Vec::with_capacity(markets.len());
        for (mut m, raw) in markets {
            let settle = match m.kind {
                Kind::Election | Kind::Politics => g.int(6 * HR, 2 * DAY),
                Kind::Econ => g.int(HR, 6 * HR),
                Kind::Culture => g.int(3 * HR, 20 * HR),
                Kind::Game => m.closes - m.start,
                Kind::Crypto15 => 10 * MIN,
                Kind::CryptoHour => 40 * MIN,
            };
            let from = m.closes - settle;
            let before = raw[(((from - m.opens).max(0)) / m.step) as usize];
            let win = if g.chance(logistic(before)) { 7.0 } else { -7.0 };
            m.fair = raw
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    let t = m.opens + i as i64 * m.step;
                    let w = (((t - from) as f64) / settle as f64).clamp(0.0, 1.0).powi(2);
                    logistic(x * (1.0 - w) + win * w).clamp(0.005, 0.995) as f32
                })
                .collect();
            out.push(m);
        }
        let long = out
            .iter()
            .enumerate()
            .filter(|(_, m)| matches!(m.kind, Kind::Election | Kind::Politics | Kind::Econ | Kind::Culture))
            .map(|(i, _)| i)
            .collect();
        let mut games: Vec<usize> = out.iter().enumerate().filter(|(_, m)| m.kind == Kind::Game).map(|(i, _)| i).collect();
        games.sort_by_key(|&i| out[i].start);
        let mut rounds: Vec<(i64, usize)> = out
            .iter()
            .enumerate()
            .filter(|(_, m)| matches!(m.kind, Kind::Crypto15 | Kind::CryptoHour))
            .map(|(i, m)| (m.opens, i))
            .collect();
        rounds.sort_unstable();
        let by_condition = out.iter().enumerate().map(|(i, m)| (m.condition.clone(), i)).collect();
        Venue { markets: out, long, games, rounds, headlines, by_condition }
    }

    /// A long-lived market of `kinds` open at `t` for at least `left` more seconds.
    fn long_market(&self, g: &mut Wy, t: i64, kinds: &[Kind], left: i64) -> Option<usize> {
        let ok: Vec<usize> = self
            .long
            .iter()
            .copied()
            .filter(|&i| kinds.contains(&self.markets[i].kind) && self.markets[i].live(t) && self.markets[i].closes - t > left)
            .collect();
        (!ok.is_empty()).then(|| g.pick(&ok))
    }
    /// Games kicking off in `[a, b)`.
    fn games_between(&self, a: i64, b: i64) -> Vec<usize> {
        let lo = self.games.partition_point(|&i| self.markets[i].start < a);
        let hi = self.games.partition_point(|&i| self.markets[i].start < b);
        self.games[lo..hi].to_vec()
    }
    /// Crypto rounds of `kind` open at `t`.
    fn round_at(&self, t: i64, kind: Kind) -> Option<usize> {
        let hi = self.rounds.partition_point(|r| r.0 <= t);
        self.rounds[hi.saturating_sub(12)..hi].iter().map(|r| r.1).find(|&i| self.markets[i].kind == kind && self.markets[i].live(t))
    }
    /// Markets of any kind open at `t` that end within `within`.
    fn ending(&self, t: i64, within: i64) -> Vec<usize> {
        let mut v: Vec<usize> =
            self.long.iter().copied().filter(|&i| self.markets[i].live(t) && self.markets[i].closes - t <= within).collect();
        v.extend(
            self.games_between(t - 4 * HR, t).into_iter().filter(|&i| self.markets[i].live(t) && self.markets[i].closes - t <= within),
        );
        if let Some(r) = self.round_at(t, Kind::Crypto15)
            && self.markets[r].closes - t <= within
        {
            v.push(r);
        }
        v
    }
}

/// A wallet being written: its fills and positions.
struct Book<'v> {
    venue: &'v Venue,
    who: Wallet,
    g: Wy,
    fills: Vec<Trade>,
    held: HashMap<(usize, usize), f64>,
}

impl<'v> Book<'v> {
    fn open(venue: &'v Venue, g: &mut Wy) -> Book<'v> {
        let mut own = Wy(g.next());
        let who = Wallet::parse(&format!("0x{}", own.hex(40))).expect("0x and 40 hex digits");
        Book { venue, who, g: own, fills: Vec::new(), held: HashMap::new() }
    }
    fn has(&self, m: usize, o: usize) -> f64 {
        self.held.get(&(m, o)).copied().unwrap_or(0.0)
    }
    fn positions(&self, t: i64) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> =
            self.held.iter().filter(|(k, s)| **s >= 1.0 && self.venue.markets[k.0].live(t)).map(|(k, _)| *k).collect();
        v.sort_unstable();
        v
    }
    #[allow(clippy::too_many_arguments)]
    fn row(&mut self, t: i64, m: usize, o: usize, side: Side, shares: f64, price: f64, tx: &str) {
        let size = Decimal::from_f64_retain(shares).unwrap_or_default().round_dp(2);
        let px = Decimal::from_f64_retain(price).unwrap_or_default().round_dp(2);
        if size <= Decimal::ZERO || px <= Decimal::ZERO || px >= Decimal::ONE {
            return;
        }
        let mk = &self.venue.markets[m];
        self.fills.push(Trade {
            wallet: self.who.clone(),
            side,
            asset: mk.tokens[o].clone(),
            condition_id: mk.condition.clone(),
            size: Shares(size),
            price: Price(px),
            timestamp: from_secs(t),
            transaction_hash: tx.to_owned(),
            outcome: ["Up", "Down"][o].to_owned(),
            outcome_index: Some(o as u32),
            title: format!("{:?} {}", mk.kind, &mk.condition[2..8]),
            slug: format!("{:?}-{}", mk.kind, &mk.condition[2..12]).to_lowercase(),
        });
        let h = self.held.entry((m, o)).or_default();
        *h = match side {
            Side::Buy => *h + shares,
            Side::Sell => (*h - shares).max(0.0),
        };
    }
    /// A market order: walks the book a level at a time if it is larger than the best level.
    fn market(&mut self, t: i64, m: usize, o: usize, side: Side, shares: f64) -> f64 {
        let mk = &self.venue.markets[m];
        if !mk.live(t) {
            return 0.0;
        }
        let want = if side == Side::Sell { shares.min(self.has(m, o)) } else { shares };
        let want = (want * 100.0).floor() / 100.0;
        if want < 0.01 {
            return 0.0;
        }
        let tx = format!("0x{}", self.g.hex(64));
        let mut px = if side == Side::Buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let depth = mk.depth;
        let mut left = want;
        for _ in 0..6 {
            let level = (self.g.logn(depth, 0.6) / px * 100.0).floor() / 100.0;
            let part = left.min(level);
            if part >= 0.01 {
                self.row(t, m, o, side, part, px, &tx);
                left -= part;
            }
            if left < 0.01 {
                break;
            }
            px = if side == Side::Buy { (px + 0.01).min(0.99) } else { (px - 0.01).max(0.01) };
        }
        want - left.max(0.0)
    }
    /// A market buy of about `usd` dollars.
    fn spend(&mut self, t: i64, m: usize, o: usize, usd: f64) -> f64 {
        let px = self.venue.markets[m].ask(t, o);
        self.market(t, m, o, Side::Buy, usd / px)
    }
    /// Someone takes this wallet's resting order.
    fn taken(&mut self, t: i64, m: usize, o: usize, side: Side, shares: f64, px: f64) {
        if !self.venue.markets[m].live(t) {
            return;
        }
        let shares = if side == Side::Sell { shares.min(self.has(m, o)) } else { shares };
        if shares >= 0.01 {
            let tx = format!("0x{}", self.g.hex(64));
            self.row(t, m, o, side, shares, px, &tx);
        }
    }
}

/// When a person is awake, in UTC: a home time zone and local hours.
#[derive(Clone, Copy)]
struct Clock {
    offset: f64,
    up: f64,
    down: f64,
}

impl Clock {
    fn draw(g: &mut Wy) -> Clock {
        // Polymarket's people: mostly the Americas and Europe, some Asia.
        let offset = match g.unit() {
            x if x < 0.45 => g.pick(&[-8.0, -7.0, -6.0, -5.0, -5.0, -4.0]),
            x if x < 0.55 => g.pick(&[-3.0, -3.0, -5.0]),
            x if x < 0.85 => g.pick(&[0.0, 1.0, 1.0, 2.0, 3.0]),
            _ => g.pick(&[5.5, 7.0, 8.0, 9.0, 10.0]),
        };
        Clock { offset, up: g.uni(6.5, 10.0), down: g.uni(22.5, 26.0) }
    }
    /// UTC seconds of local `hour` on local day `day`.
    fn utc(&self, day: i64, hour: f64) -> i64 {
        day * DAY + ((hour - self.offset) * HR as f64) as i64
    }
    fn local_weekday(&self, day: i64) -> i64 {
        (day + 4).rem_euclid(7)
    }
    fn weekend(&self, day: i64) -> bool {
        matches!(self.local_weekday(day), 0 | 6)
    }
    fn awake_at(&self, g: &mut Wy, day: i64) -> i64 {
        let h = g.uni(self.up, self.down);
        self.utc(day, h)
    }
    /// An evening hour, local.
    fn evening(&self, g: &mut Wy, day: i64) -> i64 {
        let h = g.uni(18.0, self.down.max(19.0));
        self.utc(day, h)
    }
}

/// A stake as a person types it: usually a round figure.
fn stake(g: &mut Wy, median: f64, spread: f64, round: f64) -> f64 {
    let x = g.logn(median, spread).max(1.0);
    if g.chance(round) {
        let unit = if x >= 500.0 {
            100.0
        } else if x >= 100.0 {
            25.0
        } else if x >= 20.0 {
            5.0
        } else {
            1.0
        };
        (x / unit).round().max(1.0) * unit
    } else {
        (x * 100.0).round() / 100.0
    }
}

fn window_days() -> std::ops::Range<i64> {
    (FROM - 2 * DAY) / DAY..NOW / DAY + 1
}

const BETS: [Kind; 4] = [Kind::Politics, Kind::Election, Kind::Culture, Kind::Econ];

/// Which outcome a person backs: the likelier one more often than not.
fn side_of(g: &mut Wy, venue: &Venue, m: usize, t: i64) -> usize {
    let p0 = venue.markets[m].p(t, 0);
    if g.chance(0.35 + 0.4 * p0) { 0 } else { 1 }
}

fn person(b: &mut Book<'_>, behaviour: &str) {
    let c = Clock::draw(&mut b.g);
    let v = b.venue;
    match behaviour {
        "casual" => {
            let per_week = b.g.uni(1.0, 5.0);
            let med = b.g.logn(30.0, 0.8);
            for day in window_days() {
                if !b.g.chance(per_week / 7.0 * if c.weekend(day) { 1.6 } else { 0.8 }) {
                    continue;
                }
                let mut t = c.awake_at(&mut b.g, day);
                for _ in 0..b.g.int(1, 4) {
                    t += b.g.int(20, 600);
                    if let Some(m) = v.long_market(&mut b.g, t, &BETS, 2 * HR) {
                        let o = side_of(&mut b.g, v, m, t);
                        let usd = stake(&mut b.g, med, 0.8, 0.75);
                        b.spend(t, m, o, usd);
                    }
                }
                // Now and then, take a profit or cut a loss on something held.
                if b.g.chance(0.25) {
                    let pos = b.positions(t);
                    if !pos.is_empty() {
                        let (m, o) = b.g.pick(&pos);
                        let all = b.has(m, o);
                        let r = b.g.int(30, 900);
                        b.market(t + r, m, o, Side::Sell, all);
                    }
                }
            }
        }
        "weekend_sports" => {
            let med = b.g.logn(25.0, 0.7);
            for day in window_days() {
                let wd = c.local_weekday(day);
                let p = match wd {
                    0 | 6 => 0.85,
                    5 => 0.5,
                    _ => 0.07,
                };
                if !b.g.chance(p) {
                    continue;
                }
                let start = c.utc(day, b.g.uni(11.0, 20.0));
                let slate = v.games_between(start, start + 10 * HR);
                if slate.is_empty() {
                    continue;
                }
                let mut t = start;
                for _ in 0..b.g.int(2, 8) {
                    let gm = b.g.pick(&slate);
                    let kick = v.markets[gm].start;
                    // Mostly before kick-off; some during the game.
                    let at = if b.g.chance(0.75) { t.min(kick - b.g.int(60, 3 * HR)) } else { kick + b.g.int(5 * MIN, 90 * MIN) };
                    let o = side_of(&mut b.g, v, gm, at);
                    let usd = stake(&mut b.g, med, 0.7, 0.8);
                    b.spend(at, gm, o, usd);
                    if b.g.chance(0.15) {
                        // Cash out before the end.
                        let end = v.markets[gm].closes;
                        let at2 = (at + b.g.int(20 * MIN, 3 * HR)).min(end - 60);
                        let all = b.has(gm, o);
                        b.market(at2, gm, o, Side::Sell, all);
                    }
                    t += b.g.int(2 * MIN, 40 * MIN);
                }
            }
        }
        "election_obsessive" => {
            let mut mains = Vec::new();
            for _ in 0..b.g.int(1, 2) {
                if let Some(m) = v.long_market(&mut b.g, FROM, &[Kind::Election], 40 * DAY) {
                    let o = side_of(&mut b.g, v, m, FROM);
                    mains.push((m, o));
                }
            }
            let med = b.g.logn(150.0, 0.8);
            let active = b.g.uni(0.6, 0.95);
            for day in window_days() {
                if mains.is_empty() || !b.g.chance(active) {
                    continue;
                }
                for _ in 0..b.g.int(1, 5) {
                    let t = c.awake_at(&mut b.g, day);
                    let (m, o) = b.g.pick(&mains);
                    let p = v.markets[m].p(t, o);
                    let p_before = v.markets[m].p(t - DAY, o);
                    if b.g.chance(0.12) && b.has(m, o) > 10.0 {
                        let trim = b.has(m, o) * b.g.uni(0.05, 0.3);
                        b.market(t, m, o, Side::Sell, trim);
                    } else {
                        // More on a dip.
                        let dip = if p < p_before - 0.02 { b.g.uni(1.5, 4.0) } else { 1.0 };
                        let usd = stake(&mut b.g, med * dip, 0.9, 0.6);
                        b.spend(t, m, o, usd);
                    }
                }
                if b.g.chance(0.15) {
                    let t = c.awake_at(&mut b.g, day);
                    if let Some(m) = v.long_market(&mut b.g, t, &[Kind::Politics, Kind::Election], HR) {
                        let o = side_of(&mut b.g, v, m, t);
                        let usd = stake(&mut b.g, 40.0, 0.8, 0.8);
                        b.spend(t, m, o, usd);
                    }
                }
            }
        }
        "scaler_out" => {
            let med = b.g.logn(400.0, 0.7);
            for day in window_days() {
                if !b.g.chance(0.35) {
                    continue;
                }
                let t = c.awake_at(&mut b.g, day);
                let Some(m) = v.long_market(&mut b.g, t, &BETS, 3 * DAY) else { continue };
                let o = side_of(&mut b.g, v, m, t);
                let usd = stake(&mut b.g, med, 0.6, 0.7);
                let r = b.g.uni(0.4, 1.0);
                let mut got = b.spend(t, m, o, usd * r);
                if b.g.chance(0.4) {
                    let t1 = t + b.g.int(5 * MIN, 2 * DAY);
                    got += b.spend(t1, m, o, usd * 0.5);
                }
                // Pieces sold over the following hours and days, while the price rises.
                let entry = v.markets[m].ask(t, o);
                let mut at = t + b.g.int(2 * HR, DAY);
                let pieces = b.g.int(3, 6);
                for k in 0..pieces {
                    if !v.markets[m].live(at) {
                        break;
                    }
                    let now_p = v.markets[m].bid(at, o);
                    if now_p > entry + 0.03 || k + 1 == pieces || b.g.chance(0.3) {
                        let piece = (got / pieces as f64 * b.g.uni(0.7, 1.3)).max(1.0);
                        b.market(at, m, o, Side::Sell, piece);
                    }
                    at += b.g.int(HR, 3 * DAY);
                    let hour_local = ((at as f64 / HR as f64 + c.offset).rem_euclid(24.0)) as i64;
                    if hour_local < 7 {
                        at += 8 * HR;
                    }
                }
            }
        }
        "hedger" => {
            let med = b.g.logn(120.0, 0.8);
            let bets_a_day = b.g.uni(1.0, 3.0);
            for day in window_days() {
                for _ in 0..b.g.int(0, (2.0 * bets_a_day) as i64) {
                    let t = c.awake_at(&mut b.g, day);
                    let game = b.g.chance(0.4);
                    let m = if game {
                        let gs = v.games_between(t + 10 * MIN, t + 6 * HR);
                        if gs.is_empty() {
                            continue;
                        }
                        b.g.pick(&gs)
                    } else {
                        match v.long_market(&mut b.g, t, &BETS, 2 * DAY) {
                            Some(m) => m,
                            None => continue,
                        }
                    };
                    let o = side_of(&mut b.g, v, m, t);
                    let usd = stake(&mut b.g, med, 0.7, 0.7);
                    let shares = b.spend(t, m, o, usd);
                    let p0 = v.markets[m].p(t, o);
                    // Watch it; once it moves far either way, buy the other outcome.
                    let step = if game { 10 * MIN } else { 3 * HR };
                    let mut at = if game { v.markets[m].start + 5 * MIN } else { t + step };
                    while v.markets[m].live(at) && at < NOW {
                        let p = v.markets[m].p(at, o);
                        if (p - p0).abs() > 0.15 {
                            let frac = b.g.uni(0.3, 1.0);
                            let other = v.markets[m].ask(at, 1 - o);
                            b.spend(at, m, 1 - o, shares * frac * other);
                            break;
                        }
                        at += step + b.g.int(0, step);
                    }
                }
            }
        }
        "mobile_tiny" => {
            let sessions = b.g.uni(1.0, 3.0);
            for day in window_days() {
                for _ in 0..b.g.int(0, (2.0 * sessions) as i64) {
                    let mut t = c.awake_at(&mut b.g, day);
                    for _ in 0..b.g.int(1, 3) {
                        t += b.g.int(15, 300);
                        let m = match b.g.int(0, 2) {
                            0 => v.games_between(t - 2 * HR, t + 8 * HR).first().copied().filter(|&i| v.markets[i].live(t)),
                            1 => v.round_at(t, Kind::CryptoHour),
                            _ => v.long_market(&mut b.g, t, &[Kind::Culture, Kind::Politics], HR),
                        };
                        let Some(m) = m else { continue };
                        let o = b.g.idx(2);
                        let usd = b.g.pick(&[1.0, 1.0, 2.0, 2.0, 3.0, 5.0, 5.0, 1.5, 2.5, 4.0]);
                        b.spend(t, m, o, usd);
                    }
                }
            }
        }
        "in_play" => {
            let med = b.g.logn(40.0, 0.7);
            for day in window_days() {
                if !b.g.chance(if c.weekend(day) { 0.75 } else { 0.4 }) {
                    continue;
                }
                let evening = c.utc(day, 17.0);
                let gs = v.games_between(evening, evening + 7 * HR);
                if gs.is_empty() {
                    continue;
                }
                for _ in 0..b.g.int(1, 2) {
                    let gm = b.g.pick(&gs);
                    let (kick, end) = (v.markets[gm].start, v.markets[gm].closes);
                    let mut t = kick - b.g.int(0, 20 * MIN);
                    let o = side_of(&mut b.g, v, gm, t);
                    let usd = stake(&mut b.g, med, 0.6, 0.7);
                    b.spend(t, gm, o, usd);
                    while t < end - 5 * MIN {
                        t += b.g.int(4 * MIN, 25 * MIN);
                        if t >= end - 60 {
                            break;
                        }
                        let p = v.markets[gm].p(t, o);
                        let r = b.g.unit();
                        if p > 0.85 && r < 0.35 {
                            // Late favourite: "lock it in".
                            let usd = stake(&mut b.g, med * 2.0, 0.5, 0.7);
                            b.spend(t, gm, o, usd);
                        } else if p < 0.35 && r < 0.3 {
                            let all = b.has(gm, o);
                            b.market(t, gm, o, Side::Sell, all);
                            if b.g.chance(0.5) {
                                let usd = stake(&mut b.g, med, 0.6, 0.7);
                                let r = b.g.int(10, 120);
                                b.spend(t + r, gm, 1 - o, usd);
                            }
                        } else if r < 0.25 {
                            let usd = stake(&mut b.g, med * 0.6, 0.6, 0.7);
                            b.spend(t, gm, o, usd);
                        } else if r < 0.35 && b.has(gm, o) > 2.0 {
                            let part = b.has(gm, o) * b.g.uni(0.3, 1.0);
                            b.market(t, gm, o, Side::Sell, part);
                        }
                    }
                }
            }
        }
        "crypto_punter" => {
            let med = b.g.logn(20.0, 0.7);
            let nights = b.g.uni(0.3, 0.8);
            for day in window_days() {
                if !b.g.chance(nights) {
                    continue;
                }
                let mut t = c.evening(&mut b.g, day);
                let end = t + b.g.int(40 * MIN, 3 * HR);
                while t < end {
                    let kind = if b.g.chance(0.6) { Kind::Crypto15 } else { Kind::CryptoHour };
                    if let Some(m) = v.round_at(t, kind) {
                        let o = b.g.idx(2);
                        let usd = stake(&mut b.g, med, 0.7, 0.7);
                        b.spend(t, m, o, usd);
                        if b.g.chance(0.25) {
                            let t2 = (t + b.g.int(2 * MIN, 10 * MIN)).min(v.markets[m].closes - 30);
                            let all = b.has(m, o);
                            b.market(t2, m, o, Side::Sell, all);
                        }
                    }
                    t += b.g.int(5 * MIN, 25 * MIN);
                }
            }
        }
        "favourite_grinder" => {
            let med = b.g.logn(150.0, 0.6);
            for day in window_days() {
                if !b.g.chance(0.7) {
                    continue;
                }
                for _ in 0..b.g.int(2, 8) {
                    let t = c.awake_at(&mut b.g, day);
                    let near = v.ending(t, 8 * HR);
                    let good: Vec<(usize, usize)> = near
                        .iter()
                        .flat_map(|&m| [(m, 0), (m, 1)])
                        .filter(|&(m, o)| (0.85..=0.97).contains(&v.markets[m].ask(t, o)))
                        .collect();
                    if good.is_empty() {
                        continue;
                    }
                    let (m, o) = b.g.pick(&good);
                    let usd = stake(&mut b.g, med, 0.6, 0.8);
                    b.spend(t, m, o, usd);
                }
            }
        }
        "day_trader" => {
            let med = b.g.logn(250.0, 0.7);
            for day in window_days() {
                if c.weekend(day) && b.g.chance(0.7) || !b.g.chance(0.8) {
                    continue;
                }
                let mut t = c.utc(day, b.g.uni(c.up + 1.0, 14.0));
                let end = t + b.g.int(2 * HR, 7 * HR);
                while t < end {
                    t += b.g.expo(20.0 * MIN as f64);
                    let open = b.positions(t);
                    if !open.is_empty() && b.g.chance(0.45) {
                        let (m, o) = b.g.pick(&open);
                        let part = if b.g.chance(0.6) { b.has(m, o) } else { b.has(m, o) * b.g.uni(0.3, 0.7) };
                        b.market(t, m, o, Side::Sell, part);
                    } else if let Some(m) = v.long_market(&mut b.g, t, &[Kind::Politics, Kind::Election, Kind::Econ, Kind::Culture], 6 * HR)
                    {
                        let o = side_of(&mut b.g, v, m, t);
                        let usd = stake(&mut b.g, med, 0.7, 0.5);
                        b.spend(t, m, o, usd);
                    }
                }
            }
        }
        other => unreachable!("no person behaves as {other}"),
    }
}

/// How busy the market is at UTC hour `h` (the world's flow: Americas and Europe awake).
fn busy(t: i64) -> f64 {
    let h = t.rem_euclid(DAY) as f64 / HR as f64;
    0.55 + 0.45 * ((h - 19.0) / 24.0 * std::f64::consts::TAU).cos()
}

fn bot(b: &mut Book<'_>, behaviour: &str, leaders: &mut Wy, tape: &mut Vec<Trade>) {
    let v = b.venue;
    let begin = FROM - 2 * DAY;
    match behaviour {
        "twap" => {
            let interval = b.g.pick(&[30, 45, 60, 90, 120, 180, 300, 600]);
            let jitter_secs = b.g.pick(&[0, 0, 1, 2, 5]);
            let size_jitter = b.g.pick(&[0.0, 0.0, 0.05, 0.15]);
            let desk_hours = b.g.chance(0.5);
            let per_day = b.g.uni(1.0, 6.0);
            let mut t = begin;
            loop {
                t += b.g.expo(DAY as f64 / per_day);
                if t >= NOW {
                    break;
                }
                let hour = t.rem_euclid(DAY) / HR;
                let weekday = (t / DAY + 4).rem_euclid(7);
                if desk_hours && (!(13..22).contains(&hour) || matches!(weekday, 0 | 6)) {
                    continue;
                }
                let Some(m) = v.long_market(&mut b.g, t, &[Kind::Election, Kind::Politics, Kind::Econ], DAY) else { continue };
                let o = b.g.idx(2);
                let side = if b.has(m, o) > 100.0 && b.g.chance(0.4) { Side::Sell } else { Side::Buy };
                let parent = b.g.logn(8000.0, 0.9);
                let children = b.g.int(8, 60);
                let child_usd = parent / children as f64;
                let mut at = t;
                for _ in 0..children {
                    let usd = child_usd * (1.0 + size_jitter * b.g.gauss()).max(0.2);
                    match side {
                        Side::Buy => {
                            b.spend(at, m, o, usd);
                        }
                        Side::Sell => {
                            let px = v.markets[m].bid(at, o);
                            b.market(at, m, o, Side::Sell, usd / px);
                        }
                    }
                    at += interval + b.g.int(-jitter_secs, jitter_secs);
                }
                t = t.max(at);
            }
        }
        "iceberg" => {
            let clip = b.g.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0]);
            let count = b.g.int(2, 5);
            let mut t = begin;
            let mut m = None;
            let mut o = 0;
            let mut target = 0.0;
            let mut done = 0.0;
            while t < NOW {
                if m.is_none_or(|i: usize| !v.markets[i].live(t)) || done >= target {
                    m = v.long_market(&mut b.g, t, &[Kind::Election, Kind::Politics], 5 * DAY);
                    o = b.g.idx(2);
                    target = clip * count as f64 * b.g.uni(5.0, 30.0);
                    done = 0.0;
                }
                t += b.g.expo(HR as f64 / (2.5 * busy(t)));
                let Some(i) = m else { continue };
                // The flow takes all of the visible clip or part of it.
                let got = if b.g.chance(0.6) { clip } else { (clip * b.g.uni(0.1, 1.0)).round() };
                let px = v.markets[i].bid(t, o);
                b.taken(t, i, o, Side::Buy, got, px);
                done += got;
            }
        }
        "fraction_copier" | "fixed_copier" => {
            let fraction = b.g.uni(0.03, 0.3);
            let fixed = b.g.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
            let min_shares = b.g.chance(0.5);
            let lag = (b.g.int(1, 5), b.g.int(6, 40));
            let n = b.g.int(2, 6);
            let kinds =
                ["casual", "day_trader", "election_obsessive", "in_play", "scaler_out", "crypto_punter", "hedger", "weekend_sports"];
            // (time, market, outcome, side, leader's shares, share of the leader's position sold)
            let mut copied: Vec<(i64, usize, usize, Side, f64, f64)> = Vec::new();
            for _ in 0..n {
                let mut leader = Book::open(v, leaders);
                let k = leaders.pick(&kinds);
                person(&mut leader, k);
                // The leaders are in the markets' public trades (not labelled).
                tape.extend(leader.fills.iter().filter(|f| (FROM..NOW).contains(&f.timestamp.timestamp())).cloned());
                // One copy per leader order (transaction), with the leader's whole size.
                let mut orders: Vec<(i64, String, usize, usize, Side, f64)> = Vec::new();
                let mut at_tx: HashMap<String, usize> = HashMap::new();
                for f in &leader.fills {
                    let m = v.by_condition[&f.condition_id];
                    let o = f.outcome_index.unwrap_or(0) as usize;
                    let i = *at_tx.entry(f.transaction_hash.clone()).or_insert_with(|| {
                        orders.push((f.timestamp.timestamp(), f.transaction_hash.clone(), m, o, f.side, 0.0));
                        orders.len() - 1
                    });
                    orders[i].5 += f.size.to_f64();
                }
                orders.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
                let mut leader_held: HashMap<(usize, usize), f64> = HashMap::new();
                for (t, _, m, o, side, shares) in orders {
                    let h = leader_held.entry((m, o)).or_default();
                    let ratio = if side == Side::Sell && *h > 0.0 { (shares / *h).min(1.0) } else { 0.0 };
                    *h = if side == Side::Buy { *h + shares } else { (*h - shares).max(0.0) };
                    copied.push((t, m, o, side, shares, ratio));
                }
            }
            copied.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            for (t, m, o, side, shares, ratio) in copied {
                let at = t + b.g.int(lag.0, lag.1);
                match (behaviour, side) {
                    ("fraction_copier", Side::Buy) => {
                        let mut s = shares * fraction;
                        if s < 5.0 {
                            if !min_shares {
                                continue;
                            }
                            s = 5.0;
                        }
                        b.market(at, m, o, Side::Buy, s);
                    }
                    ("fixed_copier", Side::Buy) => {
                        b.spend(at, m, o, fixed);
                    }
                    _ => {
                        // The leader's sell, mirrored as the same share of what we hold.
                        let part = b.has(m, o) * ratio;
                        b.market(at, m, o, Side::Sell, part);
                    }
                }
            }
        }
        "hedger_bot" => {
            let pairs: Vec<(usize, usize)> = (0..b.g.int(2, 5))
                .filter_map(|_| {
                    let a = v.long_market(&mut b.g, begin, &[Kind::Election, Kind::Politics], 35 * DAY)?;
                    let c = v.long_market(&mut b.g, begin, &[Kind::Election, Kind::Politics], 35 * DAY)?;
                    Some((a, c))
                })
                .collect();
            let every = b.g.pick(&[5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN]);
            let band = b.g.uni(0.03, 0.1);
            let notional = b.g.logn(3000.0, 0.6);
            let mut t = begin + b.g.int(0, every);
            while t < NOW {
                for &(x, y) in &pairs {
                    if !v.markets[x].live(t) || !v.markets[y].live(t) {
                        continue;
                    }
                    // Hold outcome 0 of x against outcome 1 of y in equal dollars.
                    let vx = b.has(x, 0) * v.markets[x].p(t, 0);
                    let vy = b.has(y, 1) * v.markets[y].p(t, 1);
                    let gap = (vx - vy) / notional;
                    if vx + vy < notional * 0.5 {
                        b.spend(t, x, 0, notional / 2.0 - vx);
                        let r = b.g.int(0, 2);
                        b.spend(t + r, y, 1, notional / 2.0 - vy);
                    } else if gap > band {
                        let usd = (vx - vy) / 2.0;
                        let px = v.markets[x].bid(t, 0);
                        b.market(t, x, 0, Side::Sell, usd / px);
                        let r = b.g.int(0, 2);
                        b.spend(t + r, y, 1, usd);
                    } else if gap < -band {
                        let usd = (vy - vx) / 2.0;
                        let px = v.markets[y].bid(t, 1);
                        b.market(t, y, 1, Side::Sell, usd / px);
                        let r = b.g.int(0, 2);
                        b.spend(t + r, x, 0, usd);
                    }
                }
                t += every + b.g.int(0, 20);
            }
        }
        "reward_farmer" => {
            let size = b.g.pick(&[20.0, 50.0, 100.0, 200.0]);
            let mut book: Vec<usize> = (0..b.g.int(8, 30)).filter_map(|_| v.long_market(&mut b.g, begin, &BETS, 3 * DAY)).collect();
            book.dedup();
            let rate = b.g.uni(0.03, 0.12);
            let mut t = begin;
            while t < NOW {
                t += b.g.expo(HR as f64 / (rate * book.len() as f64 * busy(t)).max(1e-3));
                let i = b.g.idx(book.len().max(1));
                let Some(&m) = book.get(i) else { break };
                if !v.markets[m].live(t) {
                    if let Some(n) = v.long_market(&mut b.g, t, &BETS, 3 * DAY) {
                        book[i] = n;
                    }
                    continue;
                }
                let o = b.g.idx(2);
                let got = if b.g.chance(0.5) { size } else { (size * b.g.uni(0.05, 1.0) * 100.0).round() / 100.0 };
                if b.g.chance(0.5) || b.has(m, o) < got {
                    let px = (v.markets[m].p(t, o) - 0.01).max(0.01);
                    b.taken(t, m, o, Side::Buy, got, Market::cents(px));
                } else {
                    let px = (v.markets[m].p(t, o) + 0.01).min(0.99);
                    b.taken(t, m, o, Side::Sell, got, Market::cents(px));
                }
                // Inventory too large: dumped at the bid.
                if b.has(m, o) > 6.0 * size {
                    let excess = b.has(m, o) - 2.0 * size;
                    let r = b.g.int(1, 30);
                    b.market(t + r, m, o, Side::Sell, excess);
                }
            }
        }
        "news_latency" => {
            let react = (b.g.int(0, 1), b.g.int(1, 4));
            let usd_per_move = b.g.logn(800.0, 0.5);
            let hold = b.g.pick(&[5 * MIN, 15 * MIN, HR, 4 * HR]);
            for (t, moved, size) in &v.headlines {
                if b.g.chance(0.15) {
                    continue;
                }
                let at = t + b.g.int(react.0, react.1);
                for &m in moved {
                    let (before, after) = (v.markets[m].p(t - MIN, 0), v.markets[m].p(at + v.markets[m].step, 0));
                    let o = if after >= before { 0 } else { 1 };
                    let r = b.g.uni(0.8, 1.2);
                    let got = b.spend(at, m, o, usd_per_move * size * r);
                    let out = at + hold + b.g.int(0, hold / 4);
                    b.market(out, m, o, Side::Sell, got);
                }
            }
        }
        "eod_rebalancer" => {
            let minute = b.g.int(0, 23 * 60 + 59);
            let book: Vec<(usize, usize)> =
                (0..b.g.int(5, 15)).filter_map(|_| v.long_market(&mut b.g, begin, &BETS, 5 * DAY).map(|m| (m, b.g.idx(2)))).collect();
            let target = b.g.logn(500.0, 0.6);
            for day in window_days() {
                let mut t = day * DAY + minute * MIN + b.g.int(0, 20);
                for &(m, o) in &book {
                    if !v.markets[m].live(t) {
                        continue;
                    }
                    let px = v.markets[m].p(t, o);
                    let value = b.has(m, o) * px;
                    let drift = target - value;
                    if drift.abs() < target * 0.02 {
                        continue;
                    }
                    if drift > 0.0 {
                        b.spend(t, m, o, drift);
                    } else {
                        b.market(t, m, o, Side::Sell, -drift / px.max(0.01));
                    }
                    t += b.g.int(1, 6);
                }
            }
        }
        "market_maker" => {
            let lots = [b.g.pick(&[25.0, 50.0]), b.g.pick(&[100.0, 150.0]), b.g.pick(&[250.0, 500.0])];
            let mut book: Vec<usize> = (0..b.g.int(3, 8)).filter_map(|_| v.long_market(&mut b.g, begin, &BETS, 4 * DAY)).collect();
            book.dedup();
            let rate = b.g.uni(0.4, 1.5);
            let mut t = begin;
            while t < NOW {
                t += b.g.expo(HR as f64 / (rate * book.len() as f64 * busy(t)).max(1e-3));
                let i = b.g.idx(book.len().max(1));
                let Some(&m) = book.get(i) else { break };
                if !v.markets[m].live(t) {
                    if let Some(n) = v.long_market(&mut b.g, t, &BETS, 4 * DAY) {
                        book[i] = n;
                    }
                    continue;
                }
                let o = b.g.idx(2);
                let lot = b.g.pick(&lots);
                let long = b.has(m, o);
                // Leans against inventory: sells what it holds more often.
                if long >= lot && b.g.chance(0.5 + (long / (10.0 * lot)).min(0.4)) {
                    b.taken(t, m, o, Side::Sell, lot, v.markets[m].ask(t, o));
                } else {
                    b.taken(t, m, o, Side::Buy, lot, v.markets[m].bid(t, o));
                }
            }
        }
        "sniper" => {
            let every = b.g.pick(&[2 * MIN, 5 * MIN, 10 * MIN]);
            let floor = b.g.uni(0.93, 0.97);
            let cap = b.g.logn(600.0, 0.6);
            let mut seen: Vec<usize> = Vec::new();
            let mut t = begin;
            while t < NOW {
                t += every + b.g.int(0, 30);
                for m in v.ending(t, 3 * HR) {
                    if seen.contains(&m) {
                        continue;
                    }
                    for o in 0..2 {
                        let ask = v.markets[m].ask(t, o);
                        if ask >= floor && ask <= 0.99 {
                            let usd = (v.markets[m].depth * b.g.uni(0.3, 1.0)).min(cap);
                            b.spend(t, m, o, usd);
                            seen.push(m);
                        }
                    }
                }
            }
        }
        "arbitrage" => {
            let per_hour = b.g.uni(0.3, 1.2);
            let mut t = begin;
            while t < NOW {
                t += b.g.expo(HR as f64 / per_hour);
                // A dislocation: both asks briefly sum under 1.
                let m = if b.g.chance(0.6) {
                    v.round_at(t, Kind::Crypto15)
                } else {
                    let gs = v.games_between(t - 3 * HR, t);
                    gs.into_iter().find(|&i| v.markets[i].live(t))
                };
                let Some(m) = m else { continue };
                let shares = (b.g.logn(300.0, 0.6)).round();
                let p = v.markets[m].p(t, 0);
                let (a0, a1) = (Market::cents(p - 0.01), Market::cents(1.0 - p - 0.02));
                b.taken(t, m, 0, Side::Buy, shares, a0);
                let r = b.g.int(0, 1);
                b.taken(t + r, m, 1, Side::Buy, shares, a1);
            }
        }
        other => unreachable!("no bot behaves as {other}"),
    }
}

const PEOPLE: [(&str, usize); 10] = [
    ("casual", 22),
    ("weekend_sports", 22),
    ("election_obsessive", 20),
    ("scaler_out", 18),
    ("hedger", 18),
    ("mobile_tiny", 18),
    ("in_play", 20),
    ("crypto_punter", 16),
    ("favourite_grinder", 14),
    ("day_trader", 16),
];

const BOTS: [(&str, usize); 11] = [
    ("twap", 16),
    ("iceberg", 12),
    ("fraction_copier", 16),
    ("fixed_copier", 12),
    ("hedger_bot", 10),
    ("reward_farmer", 14),
    ("news_latency", 14),
    ("eod_rebalancer", 12),
    ("market_maker", 12),
    ("sniper", 12),
    ("arbitrage", 10),
];

/// The whole of holdout v3, deterministic for [`HOLDOUT3_SEED`], and the markets' public
/// trades in its window: every labelled wallet's fills and those of the people the copy bots
/// follow (added in round 4, when v3 was already a tuning set; the wallets are unchanged, the
/// generator draws nothing more).
pub fn holdout3_with_tape() -> (Vec<Holdout3Wallet>, Vec<Trade>) {
    let mut tape = Vec::new();
    let mut g = Wy(HOLDOUT3_SEED);
    let venue = Venue::build(&mut g);
    let mut leaders = Wy(g.next());
    let mut out = Vec::new();
    let plan = PEOPLE.iter().map(|&(k, n)| (false, k, n)).chain(BOTS.iter().map(|&(k, n)| (true, k, n)));
    for (is_bot, behaviour, n) in plan {
        for _ in 0..n {
            let mut b = Book::open(&venue, &mut g);
            if is_bot {
                bot(&mut b, behaviour, &mut leaders, &mut tape);
            } else {
                person(&mut b, behaviour);
            }
            let mut trades: Vec<Trade> = b.fills.into_iter().filter(|f| (FROM..NOW).contains(&f.timestamp.timestamp())).collect();
            trades.sort_by_key(|f| std::cmp::Reverse(f.timestamp));
            tape.extend(trades.iter().cloned());
            out.push(Holdout3Wallet { wallet: b.who, bot: is_bot, behaviour, trades });
        }
    }
    (out, tape)
}
