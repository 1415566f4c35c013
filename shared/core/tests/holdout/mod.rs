//! An independent holdout set of labelled wallets for the bot filter: a seeded generator of its
//! own, written from the behaviour descriptions in `reference/polymarket.md` ("Bot tells seen in
//! practice") and `reference/users.md`, and from how people describe their own betting — not
//! from the filter's rules, not from `shared/sim` and not from the Python corpus generator.
//!
//! Frozen: written before the filter was re-tuned and never tuned on. Change the seed or the
//! models only to build a *new* holdout, and say so in BENCHMARKS.md.
//!
//! Every wallet is a list of fills as the Data API reports them (whole seconds, one row per
//! fill, a transaction hash per order). The behaviours:
//!
//! people: a casual bettor (a few bets on some evenings, round stakes, holds to the end); a
//! day trader (several sessions a day, in and out of the same market within the hour, switching
//! to the other outcome when the news turns, odd sizes from a balance); an in-play sports bettor
//! (evenings and weekends, a burst of bets during each game on both teams, cashing out before
//! the final whistle); a shift worker or insomniac who checks in at any hour but only a few
//! times a day; a whale (few large round bets that sweep the book); a news junkie (many small
//! bets in long sessions, sells when wrong).
//!
//! machines: a resolution sniper (buys the outcome priced 0.90–0.99 in the last hours before
//! resolution, day and night); a copy bot (mirrors a handful of leaders in several time zones a
//! few seconds after they trade, at a fixed stake); an arbitrage bot (buys both outcomes in the
//! same second when their asks sum under 1); a market maker (rests a bid and an ask in a few
//! markets, fills both sides at its quotes all day, keeps its inventory flat, lot sizes from a
//! short list); a timer bot with jitter; a scalper (round trips of minutes, day and night); a
//! volume farmer (dust trades).

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;

/// The holdout's seed. Frozen.
pub const HOLDOUT_SEED: u64 = 0x4f4c_4448_2026_1201;
const DAY: i64 = 86_400;
const HOUR: i64 = 3600;
/// 2026-11-30T00:00:00Z: every history ends here.
const T_END: i64 = 1_796_083_200;
const HISTORY_DAYS: i64 = 30;

/// One labelled wallet of the holdout.
pub struct LabelledWallet {
    /// The wallet.
    pub wallet: Wallet,
    /// Bot by construction.
    pub bot: bool,
    /// Which behaviour made it.
    pub behaviour: &'static str,
    /// Its fills, newest first (as the Data API returns them).
    pub trades: Vec<Trade>,
}

/// SplitMix64: small, seeded, no dependency shared with the code under test.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn int(&mut self, lo: i64, hi_inclusive: i64) -> i64 {
        lo + (self.next_u64() % ((hi_inclusive - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
    fn gauss(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next_u64() % xs.len() as u64) as usize]
    }
    fn hex(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from_digit((self.next_u64() % 16) as u32, 16).unwrap_or('0')).collect()
    }
    fn poisson(&mut self, mean: f64) -> u32 {
        let limit = (-mean).exp();
        let (mut k, mut p) = (0, 1.0);
        loop {
            p *= self.unit();
            if p <= limit {
                return k;
            }
            k += 1;
        }
    }
}

/// A binary market: created, resolving at `end`, with a price path of outcome 0.
struct Market {
    id: u32,
    start: i64,
    end: i64,
    winner: u32,
    /// Logit of outcome 0's price, one point per 10 minutes from `start`.
    walk: Vec<f64>,
    sports: bool,
}

impl Market {
    fn open(&self, t: i64) -> bool {
        t >= self.start && t < self.end
    }
    /// Mid price of `outcome` at `t`, pulled to the winner over the last 12 hours.
    fn mid(&self, t: i64, outcome: u32) -> f64 {
        let i = (((t - self.start).max(0)) / 600) as usize;
        let x = self.walk[i.min(self.walk.len() - 1)];
        let p = 1.0 / (1.0 + (-x).exp());
        let left = (self.end - t) as f64;
        let pull = (1.0 - left / (12.0 * HOUR as f64)).clamp(0.0, 1.0).powf(0.7);
        let target = if self.winner == 0 { 0.995 } else { 0.005 };
        let p0 = p * (1.0 - pull) + target * pull;
        let p = if outcome == 0 { p0 } else { 1.0 - p0 };
        p.clamp(0.01, 0.99)
    }
}

fn markets(rng: &mut Rng) -> Vec<Market> {
    (0..120)
        .map(|id| {
            let sports = id % 3 == 0;
            let start = T_END - (HISTORY_DAYS + 10) * DAY + rng.int(0, (HISTORY_DAYS + 5) * DAY);
            let life = if sports { rng.int(6 * HOUR, 3 * DAY) } else { rng.int(2 * DAY, 40 * DAY) };
            let end = start + life;
            let mut x = rng.gauss() * 1.3;
            let vol = rng.uniform(0.02, 0.08);
            let walk = (0..=(life / 600 + 1))
                .map(|_| {
                    x = (x + vol * rng.gauss()).clamp(-4.5, 4.5);
                    x
                })
                .collect();
            let winner = u32::from(rng.chance(0.5));
            Market { id, start, end, winner, walk, sports }
        })
        .collect()
}

/// Builds the fills of one wallet.
struct Book<'a> {
    wallet: Wallet,
    rng: Rng,
    markets: &'a [Market],
    fills: Vec<Trade>,
    /// Shares held per (market, outcome).
    held: std::collections::HashMap<(u32, u32), f64>,
}

impl Book<'_> {
    /// A marketable order: `shares` at about the mid plus half a spread, split over `levels`
    /// price levels (one transaction, several fills).
    fn take(&mut self, t: i64, side: Side, m: usize, outcome: u32, shares: f64, levels: u32) -> bool {
        let mk = &self.markets[m];
        if !mk.open(t) {
            return false;
        }
        let shares = if side == Side::Sell { shares.min(*self.held.get(&(mk.id, outcome)).unwrap_or(&0.0)) } else { shares };
        if shares < 0.01 {
            return false;
        }
        let half_spread = self.rng.pick(&[0.005, 0.01, 0.01, 0.015, 0.02]);
        let mid = mk.mid(t, outcome);
        let base = if side == Side::Buy { mid + half_spread } else { mid - half_spread };
        let tx = format!("0x{}", self.rng.hex(64));
        let levels = levels.max(1);
        let mut left = shares;
        for l in 0..levels {
            let part = if l + 1 == levels { left } else { (shares / f64::from(levels) * self.rng.uniform(0.6, 1.4)).min(left) };
            let step = 0.01 * f64::from(l);
            let price = if side == Side::Buy { base + step } else { base - step };
            self.fill(t, side, m, outcome, part, price, &tx);
            left -= part;
        }
        let h = self.held.entry((mk.id, outcome)).or_default();
        *h = if side == Side::Buy { *h + shares } else { (*h - shares).max(0.0) };
        true
    }

    /// A fill at the wallet's own resting quote (makers).
    fn rest(&mut self, t: i64, side: Side, m: usize, outcome: u32, shares: f64, price: f64) {
        if !self.markets[m].open(t) {
            return;
        }
        let tx = format!("0x{}", self.rng.hex(64));
        self.fill(t, side, m, outcome, shares, price, &tx);
        let h = self.held.entry((self.markets[m].id, outcome)).or_default();
        *h = if side == Side::Buy { *h + shares } else { (*h - shares).max(0.0) };
    }

    #[allow(clippy::too_many_arguments)]
    fn fill(&mut self, t: i64, side: Side, m: usize, outcome: u32, shares: f64, price: f64, tx: &str) {
        let size = Decimal::from_f64_retain((shares * 100.0).round() / 100.0).unwrap_or_default().round_dp(2);
        let price = Decimal::from_f64_retain(price.clamp(0.01, 0.99)).unwrap_or_default().round_dp(2);
        if size <= Decimal::ZERO || t > T_END {
            return;
        }
        let mk = &self.markets[m];
        self.fills.push(Trade {
            wallet: self.wallet.clone(),
            side,
            asset: format!("{}", 7_000_000 + mk.id * 2 + outcome),
            condition_id: format!("0x{:064x}", 0xabc0_0000u64 + u64::from(mk.id)),
            size: Shares(size),
            price: Price(price),
            timestamp: from_secs(t),
            transaction_hash: tx.to_owned(),
            outcome: if outcome == 0 { "Yes".into() } else { "No".into() },
            outcome_index: Some(outcome),
            title: format!("Holdout market {}", mk.id),
            slug: format!("holdout-{}", mk.id),
        });
    }

    fn held(&self, m: usize, outcome: u32) -> f64 {
        *self.held.get(&(self.markets[m].id, outcome)).unwrap_or(&0.0)
    }

    fn open_markets(&self, t: i64, margin: i64) -> Vec<usize> {
        (0..self.markets.len()).filter(|&m| self.markets[m].open(t) && self.markets[m].end - t > margin).collect()
    }

    /// A person's stake: round dollars mostly, sometimes an odd amount off a balance.
    fn stake(&mut self, median: f64, round_habit: f64) -> f64 {
        let x = median * (0.8 * self.rng.gauss()).exp();
        if self.rng.chance(round_habit) {
            for r in [1000.0, 500.0, 100.0, 50.0, 20.0, 10.0, 5.0] {
                if x >= 1.5 * r || r == 5.0 {
                    return (x / r).round().max(1.0) * r;
                }
            }
        }
        (x * 100.0).round() / 100.0 + 1.0
    }
}

/// Local waking hours as UTC seconds of day `day`: a session start somewhere in them.
fn session_start(rng: &mut Rng, day: i64, tz_hours: f64, wake: f64, sleep: f64) -> i64 {
    let local = rng.uniform(wake, sleep);
    day * DAY + ((local - tz_hours) * HOUR as f64) as i64
}

const TZ: [f64; 14] = [-8.0, -7.0, -6.0, -5.0, -4.0, -3.0, 0.0, 1.0, 2.0, 3.0, 5.5, 8.0, 9.0, 10.0];

fn human(b: &mut Book<'_>, behaviour: &str) {
    let tz = b.rng.pick(&TZ);
    let first_day = (T_END - HISTORY_DAYS * DAY) / DAY;
    let favourites: Vec<usize> = (0..b.rng.int(5, 20)).map(|_| b.rng.int(0, b.markets.len() as i64 - 1) as usize).collect();
    for day in first_day..T_END / DAY {
        let weekday = (day + 4).rem_euclid(7); // 0 = Sunday
        match behaviour {
            "casual" => {
                if !b.rng.chance(0.6) {
                    continue;
                }
                let mut t = session_start(&mut b.rng, day, tz, 17.0, 23.5);
                for _ in 0..b.rng.int(1, 4) {
                    t += b.rng.int(30, 900);
                    buy_something(b, t, &favourites, 25.0, 0.8, 1);
                }
            }
            "whale" => {
                if !b.rng.chance(0.55) {
                    continue;
                }
                let mut t = session_start(&mut b.rng, day, tz, 8.0, 22.0);
                for _ in 0..b.rng.int(1, 3) {
                    t += b.rng.int(60, 1800);
                    buy_something(b, t, &favourites, 2000.0, 0.95, 4);
                }
            }
            "news_junkie" => {
                for _ in 0..b.rng.int(1, 3) {
                    let mut t = session_start(&mut b.rng, day, tz, 7.0, 23.0);
                    for _ in 0..b.rng.int(3, 12) {
                        t += 20 + b.rng.exp(240.0) as i64;
                        if b.rng.chance(0.2) {
                            sell_something(b, t, 0);
                        } else {
                            buy_something(b, t, &favourites, 15.0, 0.6, 1);
                        }
                    }
                }
            }
            "day_trader" => {
                if weekday == 0 && b.rng.chance(0.6) {
                    continue;
                }
                for _ in 0..b.rng.int(2, 4) {
                    let mut t = session_start(&mut b.rng, day, tz, 7.5, 23.0);
                    for _ in 0..b.rng.int(2, 6) {
                        t += 30 + b.rng.exp(400.0) as i64;
                        let open = b.open_markets(t, 2 * HOUR);
                        if open.is_empty() {
                            continue;
                        }
                        let m = b.rng.pick(&open);
                        let o = u32::from(b.rng.chance(0.5));
                        let dollars = b.stake(120.0, 0.3);
                        let shares = dollars / b.markets[m].mid(t, o);
                        let levels = b.rng.int(1, 2) as u32;
                        if !b.take(t, Side::Buy, m, o, shares, levels) {
                            continue;
                        }
                        // Out again within the hour, often; sometimes flips to the other side.
                        if b.rng.chance(0.7) {
                            t += b.rng.int(120, 3000);
                            let part = if b.rng.chance(0.6) { 1.0 } else { b.rng.uniform(0.3, 0.8) };
                            b.take(t, Side::Sell, m, o, shares * part, 1);
                            if b.rng.chance(0.3) {
                                t += b.rng.int(20, 400);
                                let again = b.stake(80.0, 0.3) / b.markets[m].mid(t, 1 - o);
                                b.take(t, Side::Buy, m, 1 - o, again, 1);
                                if b.rng.chance(0.5) {
                                    t += b.rng.int(300, 2400);
                                    b.take(t, Side::Sell, m, 1 - o, again, 1);
                                }
                            }
                        }
                    }
                }
            }
            "in_play" => {
                // Games in the evening, more at weekends.
                let games = if weekday == 0 || weekday == 6 { b.rng.int(1, 3) } else { b.rng.int(0, 1) };
                for _ in 0..games {
                    let kickoff = session_start(&mut b.rng, day, tz, 13.0, 21.0);
                    let sports: Vec<usize> = b.open_markets(kickoff, 3 * HOUR).into_iter().filter(|&m| b.markets[m].sports).collect();
                    if sports.is_empty() {
                        continue;
                    }
                    let m = b.rng.pick(&sports);
                    let mut t = kickoff;
                    for _ in 0..b.rng.int(3, 10) {
                        t += 60 + b.rng.exp(600.0) as i64;
                        let o = u32::from(b.rng.chance(0.5));
                        if b.held(m, o) > 0.0 && b.rng.chance(0.45) {
                            let all = b.held(m, o);
                            b.take(t, Side::Sell, m, o, all, 1); // cash out
                        } else {
                            let dollars = b.stake(30.0, 0.75);
                            let shares = dollars / b.markets[m].mid(t, o);
                            b.take(t, Side::Buy, m, o, shares, 1);
                        }
                    }
                }
            }
            "shift_worker" => {
                // Checks in at any hour (night shifts, insomnia), a few times a day.
                for _ in 0..b.rng.poisson(2.5) {
                    let mut t = day * DAY + b.rng.int(0, DAY - 1);
                    for _ in 0..b.rng.int(1, 3) {
                        t += b.rng.int(40, 1200);
                        if b.rng.chance(0.2) {
                            sell_something(b, t, HOUR);
                        } else {
                            buy_something(b, t, &favourites, 40.0, 0.6, 1);
                        }
                    }
                }
            }
            _ => unreachable!("unknown human behaviour {behaviour}"),
        }
    }
}

fn buy_something(b: &mut Book<'_>, t: i64, favourites: &[usize], median: f64, round_habit: f64, max_levels: i64) {
    // A favourite market if one is open, otherwise whatever is on the front page.
    let mut m = b.rng.pick(favourites);
    if !b.markets[m].open(t) || b.rng.chance(0.3) {
        let open = b.open_markets(t, HOUR);
        if open.is_empty() {
            return;
        }
        m = b.rng.pick(&open);
    }
    let o = u32::from(b.rng.chance(0.45));
    let mid = b.markets[m].mid(t, o);
    if !(0.04..=0.96).contains(&mid) {
        return;
    }
    let dollars = b.stake(median, round_habit);
    let shares = if b.rng.chance(0.5) { dollars / mid } else { ((dollars / mid) / 10.0).round().max(1.0) * 10.0 };
    let levels = b.rng.int(1, max_levels) as u32;
    b.take(t, Side::Buy, m, o, shares, levels);
}

fn sell_something(b: &mut Book<'_>, t: i64, _min_hold: i64) {
    let held: Vec<(usize, u32)> =
        (0..b.markets.len()).flat_map(|m| [(m, 0), (m, 1)]).filter(|&(m, o)| b.held(m, o) > 0.0 && b.markets[m].open(t)).collect();
    if held.is_empty() {
        return;
    }
    let (m, o) = b.rng.pick(&held);
    let part = if b.rng.chance(0.5) { 1.0 } else { 0.5 };
    let shares = b.held(m, o) * part;
    b.take(t, Side::Sell, m, o, shares, 1);
}

fn bot(b: &mut Book<'_>, behaviour: &str) {
    let days = b.rng.int(4, 14);
    let start = T_END - days * DAY;
    let mut t = start + b.rng.int(0, HOUR);
    match behaviour {
        "resolution_sniper" => {
            // Scans every market; buys the favourite at 0.90–0.99 in its last hours.
            let stake = b.rng.uniform(50.0, 400.0);
            let mean = b.rng.uniform(900.0, 2400.0);
            while t < T_END {
                t += 60 + b.rng.exp(mean) as i64;
                let ending: Vec<usize> =
                    (0..b.markets.len()).filter(|&m| b.markets[m].open(t) && b.markets[m].end - t < 6 * HOUR).collect();
                let Some(&m) = ending.get(b.rng.int(0, ending.len().max(1) as i64 - 1) as usize) else { continue };
                let o = if b.markets[m].mid(t, 0) > 0.5 { 0 } else { 1 };
                let price = b.markets[m].mid(t, o);
                if !(0.9..=0.985).contains(&price) {
                    continue;
                }
                let shares = stake * b.rng.uniform(0.5, 1.5) / price;
                let levels = b.rng.int(1, 3) as u32;
                b.take(t, Side::Buy, m, o, shares, levels);
            }
        }
        "copy_bot" => {
            // Mirrors four to eight leaders in different time zones a few seconds after them,
            // at a fixed stake.
            let stake = b.rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0]);
            let leaders: Vec<f64> = (0..b.rng.int(4, 8)).map(|_| b.rng.pick(&TZ)).collect();
            for day in start / DAY..=T_END / DAY {
                for &tz in &leaders {
                    for _ in 0..b.rng.int(0, 3) {
                        let mut lt = session_start(&mut b.rng, day, tz, 8.0, 23.0);
                        for _ in 0..b.rng.int(1, 4) {
                            lt += 30 + b.rng.exp(500.0) as i64;
                            let t = lt + b.rng.int(2, 12);
                            if t < start {
                                continue;
                            }
                            let open = b.open_markets(t, HOUR);
                            if open.is_empty() {
                                continue;
                            }
                            let held: Vec<(usize, u32)> = (0..b.markets.len())
                                .flat_map(|m| [(m, 0), (m, 1)])
                                .filter(|&(m, o)| b.held(m, o) > 0.0 && b.markets[m].open(t))
                                .collect();
                            if !held.is_empty() && b.rng.chance(0.25) {
                                let (m, o) = b.rng.pick(&held);
                                let all = b.held(m, o);
                                b.take(t, Side::Sell, m, o, all, 1);
                            } else {
                                let m = b.rng.pick(&open);
                                let o = u32::from(b.rng.chance(0.5));
                                let shares = stake / b.markets[m].mid(t, o);
                                b.take(t, Side::Buy, m, o, shares, 1);
                            }
                        }
                    }
                }
            }
        }
        "arbitrage" => {
            // Whenever the two asks sum under 1, buys equal shares of both, same second.
            let mean = b.rng.uniform(1200.0, 3600.0);
            while t < T_END {
                t += 30 + b.rng.exp(mean) as i64;
                let open = b.open_markets(t, HOUR);
                if open.is_empty() {
                    continue;
                }
                let m = b.rng.pick(&open);
                let p0 = b.markets[m].mid(t, 0);
                let gap = b.rng.uniform(0.005, 0.03);
                let shares = b.rng.uniform(50.0, 1500.0).round();
                let t2 = t + b.rng.pick(&[0, 0, 0, 1]);
                b.rest(t, Side::Buy, m, 0, shares, (p0 - gap / 2.0).max(0.01));
                b.rest(t2, Side::Buy, m, 1, shares, (1.0 - p0 - gap / 2.0).max(0.01));
            }
        }
        "market_maker" => {
            let book: Vec<usize> = b.open_markets(t, 5 * DAY).into_iter().take(b.rng.int(2, 5) as usize).collect();
            let lots = [b.rng.pick(&[10.0, 20.0, 25.0, 50.0]), b.rng.pick(&[50.0, 100.0, 200.0])];
            let mean = b.rng.uniform(120.0, 900.0);
            while t < T_END && !book.is_empty() {
                t += 5 + b.rng.exp(mean) as i64;
                let m = b.rng.pick(&book);
                if !b.markets[m].open(t) {
                    continue;
                }
                let o = u32::from(b.rng.chance(0.5));
                let mid = b.markets[m].mid(t, o);
                let lot = b.rng.pick(&lots);
                // Leans against its inventory: sells what it holds too much of.
                let side = if b.held(m, o) > 2.0 * lot || (b.held(m, o) >= lot && b.rng.chance(0.5)) { Side::Sell } else { Side::Buy };
                let price = if side == Side::Buy { mid - 0.01 } else { mid + 0.01 };
                let lot = if side == Side::Sell { lot.min(b.held(m, o)) } else { lot };
                b.rest(t, side, m, o, lot, price);
            }
        }
        "timer" => {
            let period = b.rng.uniform(900.0, 3600.0);
            let size = b.rng.uniform(10.0, 200.0);
            let jitter = b.rng.uniform(0.02, 0.3);
            let open = b.open_markets(t, 3 * DAY);
            let pool: Vec<usize> = open.into_iter().take(b.rng.int(3, 10) as usize).collect();
            let mut n = 0;
            while t < T_END && !pool.is_empty() {
                let m = b.rng.pick(&pool);
                let o = u32::from(b.rng.chance(0.5));
                if n % 2 == 1 && b.held(m, o) > 0.0 {
                    let all = b.held(m, o);
                    b.take(t, Side::Sell, m, o, all, 1);
                } else {
                    let s = size * b.rng.uniform(1.0 - jitter, 1.0 + jitter);
                    b.take(t, Side::Buy, m, o, s, 1);
                }
                n += 1;
                t += (period * b.rng.uniform(1.0 - jitter, 1.0 + jitter)) as i64;
            }
        }
        "scalper" => {
            let mean = b.rng.uniform(600.0, 3000.0);
            while t < T_END {
                let open = b.open_markets(t, 2 * HOUR);
                if open.is_empty() {
                    t += HOUR;
                    continue;
                }
                let m = b.rng.pick(&open);
                let o = u32::from(b.rng.chance(0.5));
                let shares = b.rng.uniform(100.0, 800.0);
                b.take(t, Side::Buy, m, o, shares, 1);
                t += b.rng.int(30, 600);
                b.take(t, Side::Sell, m, o, shares, 1);
                t += 30 + b.rng.exp(mean) as i64;
            }
        }
        "volume_farmer" => {
            let mean = b.rng.uniform(120.0, 900.0);
            while t < T_END {
                t += 5 + b.rng.exp(mean) as i64;
                let open = b.open_markets(t, HOUR);
                if open.is_empty() {
                    continue;
                }
                let m = b.rng.pick(&open);
                let o = u32::from(b.rng.chance(0.5));
                let mid = b.markets[m].mid(t, o);
                let shares = b.rng.uniform(0.3, 0.95) / mid;
                if b.held(m, o) > 0.0 && b.rng.chance(0.4) {
                    let all = b.held(m, o);
                    b.take(t, Side::Sell, m, o, all, 1);
                } else {
                    b.take(t, Side::Buy, m, o, shares, 1);
                }
            }
        }
        _ => unreachable!("unknown bot behaviour {behaviour}"),
    }
}

/// People and how many of each.
pub const HUMANS: [(&str, usize); 6] =
    [("casual", 40), ("day_trader", 35), ("in_play", 35), ("shift_worker", 30), ("whale", 20), ("news_junkie", 30)];
/// Machines and how many of each.
pub const BOTS: [(&str, usize); 7] = [
    ("resolution_sniper", 20),
    ("copy_bot", 15),
    ("arbitrage", 15),
    ("market_maker", 15),
    ("timer", 15),
    ("scalper", 15),
    ("volume_farmer", 10),
];

/// The whole holdout: every wallet, deterministic for [`HOLDOUT_SEED`].
pub fn holdout() -> Vec<LabelledWallet> {
    let mut world = Rng(HOLDOUT_SEED);
    let markets = markets(&mut world);
    let mut out = Vec::new();
    let plan = HUMANS.iter().map(|&(b, n)| (false, b, n)).chain(BOTS.iter().map(|&(b, n)| (true, b, n)));
    for (is_bot, behaviour, count) in plan {
        for _ in 0..count {
            let mut rng = Rng(world.next_u64());
            let wallet = Wallet::parse(&format!("0x{}", rng.hex(40))).expect("40 hex digits");
            let mut book = Book { wallet: wallet.clone(), rng, markets: &markets, fills: Vec::new(), held: Default::default() };
            if is_bot {
                bot(&mut book, behaviour);
            } else {
                human(&mut book, behaviour);
            }
            let mut trades = book.fills;
            trades.sort_by_key(|t| std::cmp::Reverse(t.timestamp));
            out.push(LabelledWallet { wallet, bot: is_bot, behaviour, trades });
        }
    }
    out
}
