#![allow(dead_code, clippy::all)]
//! Holdout v24: an independently written, labelled set of Polymarket wallets (people and
//! programs) over a month ending at [`NOW`], plus the public tape of every market they trade.
//!
//! A small world of markets (sports, esports, crypto up/down windows, politics, macro releases,
//! weather brackets, mention markets, culture, news) each has a fair-price path and, where it ends
//! inside the month, a resolution. Every fill, labelled or crowd, happens at the market's price at
//! that moment (takers cross the spread, makers rest on it).

mod bots;
mod people;
mod world;

use copycat_core::time::from_secs;
use copycat_core::{Price, Shares, Side, Trade, Wallet};
use rust_decimal::Decimal;
pub use world::World;

/// Sunday 9 August 2026, 15:20:34 UTC.
pub const NOW: i64 = 1_786_288_834;
/// Start of the month of history (exclusive).
pub const START: i64 = NOW - 30 * 86_400;
/// UTC midnight of the first (partial) day of the month.
pub const DAY0: i64 = START - START.rem_euclid(86_400);
/// Days covered: 0..DAYS.
pub const DAYS: i64 = 31;
const SEED: u64 = 0x24C0_FFEE_B0A7_5EED;

/// One labelled wallet.
pub struct LabelledWallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

/// The set: labelled wallets (interleaved) and the public tape, newest first.
pub struct Holdout24 {
    pub wallets: Vec<LabelledWallet>,
    pub tape: Vec<Trade>,
}

/// SplitMix64: small, fast, deterministic.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform integer in [lo, hi).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.u64() % (hi - lo) as u64) as i64
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.u64() % n as u64) as usize }
    }
    pub fn uf(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn normal(&mut self) -> f64 {
        let u = self.f().max(1e-12);
        let v = self.f();
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
    pub fn hex(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n + 2);
        s.push_str("0x");
        while s.len() < n + 2 {
            let x = self.u64();
            for i in 0..16 {
                if s.len() == n + 2 {
                    break;
                }
                let d = ((x >> (i * 4)) & 15) as u8;
                s.push(if d < 10 { (b'0' + d) as char } else { (b'a' + d - 10) as char });
            }
        }
        s
    }
    pub fn tx(&mut self) -> String {
        self.hex(64)
    }
    pub fn wallet(&mut self) -> Wallet {
        Wallet::parse(&self.hex(40)).expect("valid wallet")
    }
    /// A CLOB token id: a large decimal number.
    pub fn token(&mut self) -> String {
        let mut s = String::with_capacity(77);
        s.push((b'1' + (self.u64() % 9) as u8) as char);
        for _ in 0..76 {
            s.push((b'0' + (self.u64() % 10) as u8) as char);
        }
        s
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Builds one fill row.
pub fn row(w: &World, who: &Wallet, mi: usize, oi: usize, side: Side, cents: i64, hund: i64, t: i64, tx: &str) -> Trade {
    let m = &w.m[mi];
    Trade {
        wallet: who.clone(),
        side,
        asset: m.tokens[oi].clone(),
        condition_id: m.cid.clone(),
        size: Shares(Decimal::new(hund.max(500), 2)),
        price: Price(Decimal::new(cents.clamp(1, 99), 2)),
        timestamp: from_secs(t),
        transaction_hash: tx.to_string(),
        outcome: m.outcomes[oi].clone(),
        outcome_index: Some(oi as u32),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

/// Shares (hundredths) that a dollar amount buys at `cents`.
pub fn usd_sh(usd: f64, cents: i64) -> i64 {
    ((usd * 10_000.0 / cents.max(1) as f64).round() as i64).max(500)
}

/// Keeps rows inside the month, newest first.
pub fn finish(mut v: Vec<Trade>) -> Vec<Trade> {
    v.retain(|t| {
        let s = t.timestamp.timestamp();
        s > START && s <= NOW
    });
    v.sort_by(|a, b| b.timestamp.cmp(&a.timestamp));
    v
}

/// A person's daily rhythm.
#[derive(Clone, Copy)]
pub struct Persona {
    /// UTC offset in hours.
    pub tz: i64,
    /// Local hour they start their day.
    pub wake: f64,
    /// Local hour they go to sleep (may exceed 24).
    pub sleep: f64,
}

impl Persona {
    pub fn new(r: &mut Rng, tzs: &[i64]) -> Persona {
        let tz = *r.pick(tzs);
        let wake = r.uf(6.0, 9.5);
        let sleep = r.uf(22.5, 25.5);
        Persona { tz, wake, sleep }
    }
    pub fn us(r: &mut Rng) -> Persona {
        Persona::new(r, &[-4, -4, -4, -5, -5, -6, -7, -7])
    }
    pub fn anywhere(r: &mut Rng) -> Persona {
        Persona::new(r, &[-7, -5, -4, -4, -3, 0, 1, 1, 2, 2, 3, 5, 8, 8, 9, 10])
    }
    pub fn hour(&self, t: i64) -> f64 {
        (t + self.tz * 3600).rem_euclid(86_400) as f64 / 3600.0
    }
    pub fn awake(&self, t: i64) -> bool {
        let h = self.hour(t);
        let h2 = if h < self.wake { h + 24.0 } else { h };
        h2 < self.sleep
    }
    /// UTC time of local midnight starting day `day`.
    pub fn midnight(&self, day: i64) -> i64 {
        DAY0 + day * 86_400 - self.tz * 3600
    }
    /// A moment in the waking part of `day`, leaning toward the evening.
    pub fn moment(&self, r: &mut Rng, day: i64) -> i64 {
        let h = self.wake + (self.sleep - self.wake) * r.f().powf(0.7);
        self.midnight(day) + (h * 3600.0) as i64 + r.range(0, 60)
    }
    /// The next waking moment at or after `t`.
    pub fn next_awake(&self, r: &mut Rng, t: i64) -> i64 {
        let mut x = t;
        while !self.awake(x) {
            x += 600;
        }
        x + r.range(0, 2400)
    }
}

type Gen = fn(&World, &mut Rng, &Wallet) -> Vec<Trade>;

fn behaviours() -> Vec<(&'static str, bool, Gen)> {
    vec![
        ("in_play_sports_bettor", false, people::in_play_sports as Gen),
        ("crypto_updown_gambler", false, people::crypto_gambler),
        ("favourite_buyer_by_hand", false, people::favourite_by_hand),
        ("casual_bettor", false, people::casual),
        ("heavy_politics_trader", false, people::politics_heavy),
        ("resting_limit_order_user", false, people::resting_limit),
        ("hand_copier_of_whale", false, people::hand_copier),
        ("weather_bracket_player", false, people::weather_player),
        ("mention_market_player", false, people::mention_player),
        ("news_swing_trader", false, people::news_swing),
        ("macro_data_trader", false, people::macro_trader),
        ("long_shot_buyer", false, people::long_shot),
        ("conviction_whale", false, people::conviction_whale),
        ("culture_entertainment_fan", false, people::culture_fan),
        ("esports_fan", false, people::esports_fan),
        ("hand_laddered_limit_orders", false, people::hand_ladder),
        ("retiree_daily_routine", false, people::retiree),
        ("shift_worker", false, people::shift_worker),
        ("holiday_mid_month", false, people::holiday),
        ("market_maker", true, bots::market_maker),
        ("near_resolution_sweeper", true, bots::sweeper),
        ("crypto_window_sniper", true, bots::window_sniper),
        ("complement_arbitrage", true, bots::complement_arb),
        ("copy_trading_bot", true, bots::copy_bot),
        ("news_feed_bot", true, bots::news_bot),
        ("live_score_feed_bot", true, bots::score_bot),
        ("cron_schedule_bot", true, bots::cron_bot),
        ("crypto_latency_arbitrage", true, bots::latency_arb),
        ("liquidity_reward_farmer", true, bots::reward_farmer),
        ("grid_ladder_bot", true, bots::grid_bot),
        ("twap_iceberg_executor", true, bots::twap),
        ("weather_model_bot", true, bots::weather_bot),
        ("negrisk_basket_arbitrage", true, bots::negrisk_arb),
        ("stop_loss_take_profit_manager", true, bots::stop_manager),
        ("volume_farmer", true, bots::volume_farmer),
        ("hard_jittered_market_maker", true, bots::hard_market_maker),
        ("hard_humanlike_copy_bot", true, bots::hard_copy_bot),
        ("hard_session_crypto_sniper", true, bots::hard_sniper),
    ]
}

/// Draws the whole set (deterministic).
pub fn holdout24() -> Holdout24 {
    let mut r = Rng::new(SEED);
    let world = World::build(&mut r);
    let table = behaviours();
    let mut slots: Vec<(usize, u64)> = Vec::new();
    for (bi, (_, bot, _)) in table.iter().enumerate() {
        let n = if *bot { r.range(10, 12) } else { r.range(11, 13) };
        for _ in 0..n {
            slots.push((bi, r.u64()));
        }
    }
    r.shuffle(&mut slots);
    let mut wallets = Vec::with_capacity(slots.len());
    for (bi, seed) in slots {
        let (name, bot, make) = table[bi];
        let mut wr = Rng::new(seed);
        let me = wr.wallet();
        let mut trades = finish(make(&world, &mut wr, &me));
        if trades.is_empty() {
            // A thin wallet still shows one fill: a small bet on a long-running market.
            let mi = world.politics[wr.below(world.politics.len())];
            let t = NOW - wr.range(3600, 20 * 86_400);
            let c = world.taker(&mut wr, mi, t, 0, Side::Buy);
            trades.push(row(&world, &me, mi, 0, Side::Buy, c, usd_sh(20.0, c), t, &wr.tx()));
        }
        wallets.push(LabelledWallet { wallet: me, bot, behaviour: name, trades });
    }
    let mut tape: Vec<Trade> = world.crowd(&mut r);
    for w in &wallets {
        tape.extend(w.trades.iter().cloned());
    }
    tape.sort_by(|a, b| b.timestamp.cmp(&a.timestamp));
    Holdout24 { wallets, tape }
}
