#![allow(dead_code)]
//! Holdout set 10: synthetic Polymarket wallets, labelled person or bot, written from
//! descriptions of how people and programs trade (see `people.rs` and `bots.rs`), plus the public
//! tape of the markets they trade in (`crowd.rs` adds the background crowd, makers and leaders).
//!
//! Window: the 30 days before [`NOW`] (2027-05-08 20:26 UTC to 2027-06-07 20:26 UTC).

mod bots;
mod crowd;
mod market;
mod people;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use market::Uni;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// When the set is taken: 2027-06-07 20:26:40 UTC.
pub const NOW: i64 = 1_812_400_000;
pub(crate) const MIN: i64 = 60;
pub(crate) const HOUR: i64 = 3_600;
pub(crate) const DAY: i64 = 86_400;
/// Start of the 30-day window.
pub(crate) const START: i64 = NOW - 30 * DAY;
/// Midnight UTC of the window's first day.
pub(crate) const DAY0: i64 = START - START.rem_euclid(DAY);
/// Days from DAY0 whose some part falls in the window.
pub(crate) const DAYS: i64 = 31;

/// One labelled wallet.
pub struct Holdout10Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

/// The labelled wallets and the public tape of their markets.
pub struct Holdout10 {
    pub wallets: Vec<Holdout10Wallet>,
    pub tape: Vec<Trade>,
}

/// A behaviour: how many wallets, in groups of `group` generated together.
pub(crate) struct Spec {
    pub name: &'static str,
    pub bot: bool,
    pub count: usize,
    pub group: usize,
    pub run: fn(&mut Ctx, &[Wallet]),
}

/// Builds the set (deterministic).
pub fn holdout10() -> Holdout10 {
    let mut c = Ctx::new();
    crowd::setup(&mut c);
    let mut wallets = Vec::new();
    for spec in people::SPECS.iter().chain(bots::SPECS.iter()) {
        let mut made = 0;
        while made < spec.count {
            let n = spec.group.min(spec.count - made);
            let group: Vec<Wallet> = (0..n).map(|_| c.new_wallet()).collect();
            for w in &group {
                c.out.insert(w.clone(), Vec::new());
            }
            // A wallet with no fill in the window would not have been picked: draw it again.
            for _ in 0..40 {
                (spec.run)(&mut c, &group);
                if group.iter().all(|w| !c.out[w].is_empty()) {
                    break;
                }
            }
            for w in group {
                let mut trades = c.out.remove(&w).unwrap_or_default();
                trades.sort_by_key(|t| std::cmp::Reverse(t.timestamp));
                wallets.push(Holdout10Wallet { wallet: w, bot: spec.bot, behaviour: spec.name, trades });
            }
            made += n;
        }
    }
    crowd::background(&mut c);
    let mut tape = std::mem::take(&mut c.tape);
    tape.sort_by_key(|t| std::cmp::Reverse(t.timestamp));
    Holdout10 { wallets, tape }
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and ids

pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// splitmix64.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(mix(seed ^ 0x5151_7a7a_0c0c_1010))
    }
    pub fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }
    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform integer in [lo, hi).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.u64() % (hi - lo) as u64) as i64 }
    }
    pub fn uni(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    pub fn normal(&mut self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }
    pub fn pareto(&mut self, xm: f64, alpha: f64) -> f64 {
        xm / (1.0 - self.f()).max(1e-12).powf(1.0 / alpha)
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.range(0, xs.len() as i64) as usize]
    }
    pub fn weighted(&mut self, ws: &[f64]) -> usize {
        let total: f64 = ws.iter().sum();
        let mut r = self.f() * total;
        for (i, w) in ws.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        ws.len() - 1
    }
    /// Poisson count (small means by multiplication, large by a normal approximation).
    pub fn poisson(&mut self, mean: f64) -> i64 {
        if mean > 40.0 {
            return (mean + mean.sqrt() * self.normal()).round().max(0.0) as i64;
        }
        let l = (-mean).exp();
        let mut k = 0;
        let mut p = 1.0;
        loop {
            p *= self.f();
            if p <= l {
                return k;
            }
            k += 1;
        }
    }
}

/// `0x` + `n` lowercase hex digits derived from a namespace and a counter.
pub(crate) fn hex(ns: u64, i: u64, n: usize) -> String {
    let mut s = String::with_capacity(n + 18);
    s.push_str("0x");
    let mut k = 0u64;
    while s.len() < n + 2 {
        let v = mix(mix(ns.wrapping_mul(0x0100_0000_01b3) ^ i).wrapping_add(k.wrapping_mul(0x9e37_79b9)));
        s.push_str(&format!("{v:016x}"));
        k += 1;
    }
    s.truncate(n + 2);
    s
}

/// A CLOB token id: a 77-digit decimal string.
pub(crate) fn token_id(ns: u64, i: u64) -> String {
    let mut s = String::with_capacity(96);
    s.push(char::from(b'1' + (mix(ns ^ i.rotate_left(17)) % 9) as u8));
    let mut k = 0u64;
    while s.len() < 77 {
        s.push_str(&format!("{:019}", mix(ns.wrapping_add(i.wrapping_mul(0x2545_f491)) ^ k) % 10_000_000_000_000_000_000));
        k += 1;
    }
    s.truncate(77);
    s
}

// ---------------------------------------------------------------------------------------------
// Prices and sizes

pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The best ask in cents for a token whose fair value is `p`.
pub(crate) fn ask(p: f64) -> i64 {
    ((p * 100.0 + 1.0).floor() as i64).clamp(1, 99)
}

/// The best bid in cents for a token whose fair value is `p`.
pub(crate) fn bid(p: f64) -> i64 {
    ((p * 100.0 - 1.0).ceil() as i64).clamp(1, 99)
}

/// Shares (in hundredths) that `usd` buys at `cents`, never below the 5-share minimum.
pub(crate) fn usd_centi(usd: f64, cents: i64) -> i64 {
    let sh = usd / (cents.clamp(1, 99) as f64 / 100.0);
    ((sh * 100.0).floor() as i64).max(500)
}

/// Whole shares (in hundredths), at least 5.
pub(crate) fn sh(n: f64) -> i64 {
    (n.round() as i64).max(5) * 100
}

/// Unix day of week, Monday = 0.
pub(crate) fn dow(t: i64) -> i64 {
    (t.div_euclid(DAY) + 3).rem_euclid(7)
}

/// Local hour of day (0..24) at UTC offset `tz` hours.
pub(crate) fn local_hour(t: i64, tz: i64) -> i64 {
    (t + tz * HOUR).rem_euclid(DAY) / HOUR
}

/// A moment on local day `d` (counted from DAY0) at an hour drawn from `profile` (local hours).
pub(crate) fn day_at(rng: &mut Rng, d: i64, tz: i64, profile: &[f64; 24]) -> i64 {
    let h = rng.weighted(profile) as i64;
    DAY0 + d * DAY - tz * HOUR + h * HOUR + rng.range(0, HOUR)
}

/// A fill to write: market, outcome index, side, price in cents, size in hundredths of a share,
/// unix seconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F {
    pub m: usize,
    pub o: usize,
    pub side: Side,
    pub cents: i64,
    pub centi: i64,
    pub ts: i64,
}

// ---------------------------------------------------------------------------------------------
// The generation context

pub(crate) struct Ctx {
    pub rng: Rng,
    pub uni: Uni,
    pub tape: Vec<Trade>,
    /// Fills of labelled wallets.
    pub out: BTreeMap<Wallet, Vec<Trade>>,
    /// Unlabelled professional makers that rest liquidity everywhere.
    pub makers: Vec<Wallet>,
    pub maker_cum: Vec<f64>,
    /// The background crowd with heavy-tailed activity weights.
    pub crowd: Vec<Wallet>,
    pub crowd_cum: Vec<f64>,
    /// Leaders that copiers follow, with their fills.
    pub leaders: Vec<crowd::Leader>,
    /// Picks posted by tipster channels.
    pub tips: Vec<crowd::Tip>,
    tx_n: u64,
    wallet_n: u64,
}

impl Ctx {
    fn new() -> Self {
        let mut rng = Rng::new(0x0ddb_a110_2027);
        let uni = Uni::build(&mut rng);
        Ctx {
            rng,
            uni,
            tape: Vec::with_capacity(400_000),
            out: BTreeMap::new(),
            makers: Vec::new(),
            maker_cum: Vec::new(),
            crowd: Vec::new(),
            crowd_cum: Vec::new(),
            leaders: Vec::new(),
            tips: Vec::new(),
            tx_n: 0,
            wallet_n: 0,
        }
    }

    pub fn new_wallet(&mut self) -> Wallet {
        self.wallet_n += 1;
        Wallet::parse(&hex(0x00a1_1ce5, self.wallet_n, 40)).expect("hex address")
    }

    pub fn new_tx(&mut self) -> String {
        self.tx_n += 1;
        hex(0x7a11_0010, self.tx_n, 64)
    }

    /// Fair value of outcome `o` of market `m` at `t`.
    pub fn px(&self, m: usize, o: usize, t: i64) -> f64 {
        self.uni.m[m].p(o, t)
    }

    /// Whether market `m` accepts orders at `t`.
    pub fn open(&self, m: usize, t: i64) -> bool {
        let mk = &self.uni.m[m];
        t >= mk.open && t <= mk.close
    }

    fn trade(&self, w: &Wallet, f: F, tx: &str) -> Trade {
        let mk = &self.uni.m[f.m];
        Trade {
            wallet: w.clone(),
            side: f.side,
            asset: mk.tokens[f.o].clone(),
            condition_id: mk.cond.clone(),
            size: Shares(Decimal::new(f.centi, 2)),
            price: Price(Decimal::new(f.cents, 2)),
            timestamp: from_secs(f.ts),
            transaction_hash: tx.to_string(),
            outcome: mk.outcomes[f.o].clone(),
            outcome_index: Some(f.o as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        }
    }

    /// Writes one fill to the tape (and to the wallet's record if labelled). Fills outside the
    /// window or outside the market's trading time are dropped.
    pub fn put(&mut self, w: &Wallet, f: F, tx: &str) -> bool {
        if f.ts <= START || f.ts > NOW || f.centi <= 0 || !(1..=99).contains(&f.cents) || !self.open(f.m, f.ts) {
            return false;
        }
        let t = self.trade(w, f, tx);
        if let Some(v) = self.out.get_mut(w) {
            v.push(t.clone());
        }
        self.uni.touched[f.m] = true;
        self.tape.push(t);
        true
    }

    pub fn crowd_pick(&mut self) -> Wallet {
        let r = self.rng.f() * self.crowd_cum.last().copied().unwrap_or(1.0);
        let i = self.crowd_cum.partition_point(|c| *c < r).min(self.crowd.len() - 1);
        self.crowd[i].clone()
    }

    pub fn maker_pick(&mut self) -> Wallet {
        let r = self.rng.f() * self.maker_cum.last().copied().unwrap_or(1.0);
        let i = self.maker_cum.partition_point(|c| *c < r).min(self.makers.len() - 1);
        self.makers[i].clone()
    }

    /// The resting side of a taker fill: a professional maker or a crowd limit order, either
    /// trading the same token the other way or the complement token the same way.
    pub fn counterparty(&mut self, f: F, tx: &str) {
        let parts = if f.centi >= 40_000 && self.rng.chance(0.35) { 2 } else { 1 };
        let mut left = f.centi;
        for k in 0..parts {
            let q = if k + 1 == parts { left } else { (left / 2 / 100).max(5) * 100 };
            left -= q;
            if q < 500 {
                continue;
            }
            let w = if self.rng.chance(0.7) { self.maker_pick() } else { self.crowd_pick() };
            let other = Side::Sell == f.side;
            let g = if self.rng.chance(0.25) {
                F { o: 1 - f.o, cents: 100 - f.cents, side: f.side, centi: q, ..f }
            } else {
                F { side: if other { Side::Buy } else { Side::Sell }, centi: q, ..f }
            };
            self.put(&w, g, tx);
        }
    }

    /// A marketable order at the book: walks price levels when it is larger than the depth.
    /// Returns the worst price and the size filled.
    pub fn take(&mut self, w: &Wallet, m: usize, o: usize, side: Side, centi: i64, ts: i64) -> Option<(i64, i64)> {
        if ts <= START || ts > NOW || !self.open(m, ts) {
            return None;
        }
        let p = self.px(m, o, ts);
        let base = if side == Side::Buy { ask(p) } else { bid(p) };
        let pop = self.uni.m[m].pop;
        let tx = self.new_tx();
        let mut left = centi.max(500);
        let mut lvl = 0;
        let mut last = base;
        let mut filled = 0;
        while left > 0 {
            let cents = if side == Side::Buy { base + lvl } else { base - lvl };
            if !(1..=99).contains(&cents) {
                break;
            }
            let depth = (self.rng.lognormal(900.0 * pop, 0.9) as i64).max(20) * 100;
            let mut q = if lvl >= 5 { left } else { left.min(depth) };
            if left - q < 500 {
                q = left;
            }
            let f = F { m, o, side, cents, centi: q, ts };
            if !self.put(w, f, &tx) {
                break;
            }
            self.counterparty(f, &tx);
            left -= q;
            filled += q;
            last = cents;
            lvl += 1;
        }
        if filled > 0 { Some((last, filled)) } else { None }
    }

    /// A taker fill at a given price in a given transaction (arbitrage legs, sweeps).
    pub fn take_at(&mut self, w: &Wallet, f: F, tx: &str) -> bool {
        if self.put(w, f, tx) {
            self.counterparty(f, tx);
            true
        } else {
            false
        }
    }

    /// A resting order of `w` filled by a crowd taker.
    pub fn rest(&mut self, w: &Wallet, f: F) -> bool {
        let tx = self.new_tx();
        if !self.put(w, f, &tx) {
            return false;
        }
        let t = self.crowd_pick();
        let g = if self.rng.chance(0.2) {
            F { o: 1 - f.o, cents: 100 - f.cents, ..f }
        } else {
            F { side: if f.side == Side::Buy { Side::Sell } else { Side::Buy }, ..f }
        };
        self.put(&t, g, &tx);
        true
    }
}
