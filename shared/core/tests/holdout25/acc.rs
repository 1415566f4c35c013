//! Helpers shared by the behaviours: a wallet's fill accumulator and people's clocks.

use super::world::{DAY, Kind, Rng, World};
use copycat_core::trade::{Side, Trade, Wallet};

pub struct Acc<'a> {
    pub w: &'a World,
    pub who: Wallet,
    pub v: Vec<Trade>,
}

impl<'a> Acc<'a> {
    pub fn new(w: &'a World, who: Wallet) -> Self {
        Acc { w, who, v: Vec::new() }
    }
    pub fn valid(&self, m: usize, t: i64) -> bool {
        self.w.ok_t(t) && self.w.markets[m].live(t)
    }
    /// A fill at an explicit price in a given transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn put_tx(&mut self, m: usize, idx: u32, side: Side, t: i64, cents: i64, h: i64, tx: &str) -> bool {
        if !self.valid(m, t) {
            return false;
        }
        let r = self.w.row(&self.who, m, idx, side, t, cents, h, tx);
        self.v.push(r);
        true
    }
    #[allow(clippy::too_many_arguments)]
    pub fn put(&mut self, rng: &mut Rng, m: usize, idx: u32, side: Side, t: i64, cents: i64, h: i64) -> bool {
        let tx = rng.hex(64);
        self.put_tx(m, idx, side, t, cents, h, &tx)
    }
    /// A taker fill at the market (a cent of slippage now and then).
    pub fn take(&mut self, rng: &mut Rng, m: usize, idx: u32, side: Side, t: i64, h: i64) -> bool {
        let c = self.cents(rng, m, idx, side, t);
        self.put(rng, m, idx, side, t, c, h)
    }
    pub fn cents(&self, rng: &mut Rng, m: usize, idx: u32, side: Side, t: i64) -> i64 {
        let p = self.w.markets[m].px(idx, t);
        let s = if rng.chance(0.5) { 1 } else { 0 };
        (if side == Side::Buy { p + s } else { p - s }).clamp(1, 99)
    }
    /// A taker fill spending (or raising) about `usd` dollars.
    pub fn usd(&mut self, rng: &mut Rng, m: usize, idx: u32, side: Side, t: i64, usd: f64) -> bool {
        let c = self.cents(rng, m, idx, side, t);
        let h = h_usd(usd, c);
        self.put(rng, m, idx, side, t, c, h)
    }
    /// Shares held of (m, idx) so far, in hundredths (fills in time order of insertion).
    pub fn held(&self, m: usize, idx: u32) -> i64 {
        let mk = &self.w.markets[m];
        let mut h = 0i64;
        for t in &self.v {
            if t.condition_id == mk.cid && t.outcome_index == Some(idx) {
                let s = (t.size.0 * rust_decimal::Decimal::from(100)).trunc().to_string().parse::<i64>().unwrap_or(0);
                h += if t.side == Side::Buy { s } else { -s };
            }
        }
        h
    }
}

/// Hundredths of a share that `usd` buys at `cents`.
pub fn h_usd(usd: f64, cents: i64) -> i64 {
    ((usd * 10_000.0 / cents.max(1) as f64).round() as i64).max(500)
}

/// A sum people type: round amounts mostly.
pub fn human_usd(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    const R: &[f64] = &[
        5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 100.0, 120.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 600.0, 750.0,
        1000.0, 1200.0, 1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 15000.0, 20000.0, 25000.0, 40000.0, 50000.0,
    ];
    if rng.chance(0.12) {
        return (rng.uf(lo, hi) * 100.0).round() / 100.0;
    }
    let c: Vec<f64> = R.iter().copied().filter(|&x| x >= lo && x <= hi).collect();
    if c.is_empty() {
        return lo;
    }
    // Smaller sums more often.
    let i = ((rng.f().powf(1.6)) * c.len() as f64) as usize;
    c[i.min(c.len() - 1)]
}

/// A share count people type (round) or the shares a round dollar sum buys.
pub fn human_h(rng: &mut Rng, cents: i64, lo: f64, hi: f64) -> i64 {
    if rng.chance(0.3) {
        let sh = *rng.pick(&[10i64, 20, 25, 50, 100, 150, 200, 250, 500, 1000, 2000]);
        let usd = sh as f64 * cents as f64 / 100.0;
        if usd >= lo * 0.5 && usd <= hi * 1.5 {
            return sh * 100;
        }
    }
    h_usd(human_usd(rng, lo, hi), cents)
}

/// Local hour of day at `t` for a UTC offset `tz` (hours).
pub fn local_hour(t: i64, tz: f64) -> f64 {
    let s = (t as f64 + tz * 3600.0).rem_euclid(DAY as f64);
    s / 3600.0
}

pub fn weekday(t: i64, tz: f64) -> i64 {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    (((t as f64 + tz * 3600.0) / DAY as f64).floor() as i64 + 3).rem_euclid(7)
}

/// People are awake from about 7-9 to 23-1 local.
pub fn awake(t: i64, tz: f64, wake: f64, sleep: f64) -> bool {
    let h = local_hour(t, tz);
    if sleep > 24.0 { h >= wake || h < sleep - 24.0 } else { h >= wake && h < sleep }
}

/// A moment on day `d` (0 = the day the month starts) a person might trade: evenings weigh most.
pub fn human_t(rng: &mut Rng, w: &World, d: i64, tz: f64) -> i64 {
    let h = match rng.f() {
        x if x < 0.15 => rng.uf(7.5, 12.0),
        x if x < 0.45 => rng.uf(12.0, 18.0),
        x if x < 0.92 => rng.uf(18.0, 24.0),
        _ => rng.uf(0.0, 1.5),
    };
    w.base + d * DAY + ((h - tz) * 3600.0) as i64 + rng.range(0, 60)
}

/// Moves `t` to the next waking morning if the person is asleep.
pub fn wake_shift(rng: &mut Rng, t: i64, tz: f64, wake: f64, sleep: f64) -> i64 {
    if awake(t, tz, wake, sleep) {
        return t;
    }
    let h = local_hour(t, tz);
    let to_wake = if h < wake { wake - h } else { 24.0 - h + wake };
    t + (to_wake * 3600.0) as i64 + rng.range(60, 5400)
}

pub fn is_sport(k: Kind) -> bool {
    matches!(k, Kind::Sport(_))
}

/// Days a person trades on: `n` distinct days out of the month.
pub fn days(rng: &mut Rng, r: (i64, i64)) -> Vec<i64> {
    let n = rng.range(r.0, r.1);
    let mut all: Vec<i64> = (0..31).collect();
    rng.shuffle(&mut all);
    let mut v: Vec<i64> = all.into_iter().take(n.clamp(1, 31) as usize).collect();
    v.sort();
    v
}
