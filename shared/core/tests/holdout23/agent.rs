//! One wallet being written: its fills, positions, clock habits and the ways it places orders.

use super::NOW;
use super::rng::Rng;
use super::world::{DAY, Move, START, World, midnight, weekday};
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Dollar amounts people type.
pub const NICE_USD: [f64; 42] = [
    1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 80.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0,
    500.0, 600.0, 750.0, 800.0, 1000.0, 1200.0, 1500.0, 2000.0, 2500.0, 3000.0, 4000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0,
    30000.0, 50000.0, 100000.0,
];
/// Share counts people type into a limit order.
pub const NICE_SHARES: [i64; 20] = [5, 10, 20, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 5000, 10000];

pub fn row(w: &World, wallet: &Wallet, m: usize, o: usize, buy: bool, t: i64, cents: i64, h: i64, tx: &str) -> Trade {
    let mk = &w.markets[m];
    Trade {
        wallet: wallet.clone(),
        side: if buy { Side::Buy } else { Side::Sell },
        asset: mk.tokens[o].clone(),
        condition_id: mk.cid.clone(),
        size: Shares(Decimal::new(h, 2)),
        price: Price(Decimal::new(cents, 2)),
        timestamp: from_secs(t),
        transaction_hash: tx.to_string(),
        outcome: mk.outcomes[o].clone(),
        outcome_index: Some(o as u32),
        title: mk.title.clone(),
        slug: mk.slug.clone(),
    }
}

pub fn new_wallet(rng: &mut Rng) -> Wallet {
    Wallet::parse(&format!("0x{}", rng.hex(40))).expect("valid wallet")
}

pub struct Agent<'w> {
    pub w: &'w World,
    pub wallet: Wallet,
    pub rng: Rng,
    pub fills: Vec<Trade>,
    pub log: Vec<Move>,
    pub pos: BTreeMap<(usize, usize), i64>,
    /// Local clock: UTC offset, when the day starts (seconds after local midnight), how long awake.
    pub tz: i64,
    pub wake: i64,
    pub awake: i64,
}

impl<'w> Agent<'w> {
    pub fn new(w: &'w World, mut rng: Rng) -> Agent<'w> {
        let wallet = new_wallet(&mut rng);
        Agent { w, wallet, rng, fills: Vec::new(), log: Vec::new(), pos: BTreeMap::new(), tz: 0, wake: 8 * 3600, awake: 16 * 3600 }
    }

    pub fn tx(&self) -> String {
        format!("0x{}", self.rng.hex(64))
    }

    pub fn held(&self, m: usize, o: usize) -> i64 {
        self.pos.get(&(m, o)).copied().unwrap_or(0)
    }

    /// Records one fill if it is a valid row at a moment the market trades.
    pub fn fill(&mut self, m: usize, o: usize, buy: bool, t: i64, cents: i64, h: i64, tx: &str) -> bool {
        if t <= START || t > NOW || !self.w.is_open(m, t) || h < 500 || !(1..=99).contains(&cents) {
            return false;
        }
        let p = self.pos.entry((m, o)).or_default();
        if buy {
            *p += h;
        } else {
            if *p < h {
                return false;
            }
            *p -= h;
        }
        self.fills.push(row(self.w, &self.wallet, m, o, buy, t, cents, h, tx));
        self.log.push(Move { t, m, o, buy, h, cents });
        true
    }

    /// A market order for `h` hundredths of a share: the touch first, then up to `levels - 1`
    /// worse levels, all in one transaction. Returns what filled.
    pub fn take(&mut self, m: usize, o: usize, buy: bool, t: i64, h: i64, levels: usize) -> i64 {
        if !self.w.is_open(m, t) {
            return 0;
        }
        let touch = if buy { self.w.ask(m, o, t) } else { self.w.bid(m, o, t) };
        self.take_at(m, o, buy, t, h, levels, touch)
    }

    pub fn take_at(&mut self, m: usize, o: usize, buy: bool, t: i64, h: i64, levels: usize, touch: i64) -> i64 {
        let tx = self.tx();
        let mut parts = Vec::new();
        let mut rest = h;
        for k in 0..levels.max(1) {
            if k + 1 == levels.max(1) || rest < 1_500 {
                parts.push(rest);
                break;
            }
            let part = ((rest as f64) * self.rng.uniform(0.3, 0.85)) as i64;
            if part < 500 || rest - part < 500 {
                parts.push(rest);
                break;
            }
            parts.push(part);
            rest -= part;
        }
        let mut filled = 0;
        for (k, part) in parts.into_iter().enumerate() {
            let c = if buy { touch + k as i64 } else { touch - k as i64 };
            if !(1..=99).contains(&c) {
                break;
            }
            if self.fill(m, o, buy, t, c, part, &tx) {
                filled += part;
            }
        }
        filled
    }

    /// Shares (hundredths) that `usd` buys at `cents`.
    pub fn shares_for(usd: f64, cents: i64) -> i64 {
        (usd * 10_000.0 / cents as f64).floor() as i64
    }

    /// A market buy of `usd` dollars (the way the app's buy box works).
    pub fn buy_usd(&mut self, m: usize, o: usize, t: i64, usd: f64, levels: usize) -> i64 {
        if !self.w.is_open(m, t) {
            return 0;
        }
        let ask = self.w.ask(m, o, t);
        let h = Self::shares_for(usd, ask).max(500);
        self.take(m, o, true, t, h, levels)
    }

    pub fn sell_all(&mut self, m: usize, o: usize, t: i64, levels: usize) -> i64 {
        let h = self.held(m, o);
        if h < 500 {
            return 0;
        }
        self.take(m, o, false, t, h, levels)
    }

    pub fn sell_part(&mut self, m: usize, o: usize, t: i64, frac: f64, levels: usize) -> i64 {
        let held = self.held(m, o);
        let h = ((held as f64 * frac) as i64).max(500).min(held);
        if h < 500 {
            return 0;
        }
        self.take(m, o, false, t, h, levels)
    }

    /// A resting order filled by someone else at exactly `cents`.
    pub fn make(&mut self, m: usize, o: usize, buy: bool, t: i64, cents: i64, h: i64) -> bool {
        let tx = self.tx();
        self.fill(m, o, buy, t, cents, h, &tx)
    }

    // ---- clock habits ----

    pub fn set_clock(&mut self, tz_hours: i64, wake_h: f64, awake_h: f64) {
        self.tz = tz_hours * 3600;
        self.wake = (wake_h * 3600.0) as i64;
        self.awake = (awake_h * 3600.0) as i64;
    }

    /// UTC time of local midnight starting local day `d` (day 0 holds START).
    pub fn local_midnight(&self, d: i64) -> i64 {
        midnight(START + self.tz) + d * DAY - self.tz
    }

    pub fn is_awake(&self, t: i64) -> bool {
        let s = (t + self.tz).rem_euclid(DAY);
        (s - self.wake).rem_euclid(DAY) < self.awake
    }

    pub fn local_weekday(&self, t: i64) -> i64 {
        weekday(t + self.tz)
    }

    pub fn local_hour(&self, t: i64) -> f64 {
        (t + self.tz).rem_euclid(DAY) as f64 / 3600.0
    }

    /// A random waking moment of local day `d`; `evening` pulls it later in the day.
    pub fn awake_time(&self, d: i64, evening: f64) -> i64 {
        let u = self.rng.f64().powf(1.0 / (1.0 + evening.max(0.0)));
        self.local_midnight(d) + self.wake + (u * self.awake as f64) as i64
    }

    /// The next waking moment at or after `t`.
    pub fn next_awake(&self, t: i64) -> i64 {
        if self.is_awake(t) {
            return t;
        }
        let s = (t + self.tz).rem_euclid(DAY);
        let wait = (self.wake - s).rem_euclid(DAY);
        t + wait
    }

    /// How long a person takes to notice and act, in seconds.
    pub fn human_delay(&self, median: f64) -> i64 {
        (self.rng.lognormal(median, 0.8)).max(9.0) as i64
    }

    pub fn nice_usd(&self, median: f64, sigma: f64) -> f64 {
        let x = self.rng.lognormal(median, sigma).clamp(1.0, 250_000.0);
        if self.rng.chance(0.8) {
            let mut best = NICE_USD[0];
            for &v in NICE_USD.iter() {
                if (v.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
                    best = v;
                }
            }
            best
        } else if x > 20.0 {
            x.round()
        } else {
            (x * 100.0).round() / 100.0
        }
    }

    pub fn nice_shares(&self, median: f64, sigma: f64) -> i64 {
        let x = self.rng.lognormal(median, sigma).max(5.0);
        let mut best = NICE_SHARES[0];
        for &v in NICE_SHARES.iter() {
            if ((v as f64).ln() - x.ln()).abs() < ((best as f64).ln() - x.ln()).abs() {
                best = v;
            }
        }
        best * 100
    }

    pub fn sort_newest_first(&mut self) {
        self.fills.sort_by(|a, b| b.timestamp.cmp(&a.timestamp));
    }
}
