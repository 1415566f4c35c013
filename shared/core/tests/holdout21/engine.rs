//! Orders become fills as the venue reports them: a taker order matched against one or more
//! makers in one transaction, at the book's prices, each side getting its own row.

use super::crowd::Crowd;
use super::rng::Rng;
use super::world::{Cat, World};
use std::collections::BTreeMap;

/// An order a wallet sends (taker) or a resting order of theirs that gets hit (maker).
#[derive(Clone, Copy, Debug)]
pub struct Intent {
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub t: i64,
    /// Shares in hundredths.
    pub sh: i64,
    /// Limit price in cents; a taker without one pays the touch.
    pub px: Option<i64>,
    pub maker: bool,
}

/// One fill row.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub t: i64,
    pub tx: u32,
    pub w: u32,
    pub m: u32,
    pub o: u8,
    pub buy: bool,
    pub c: i64,
    pub sh: i64,
}

/// Shares at the best level, by market kind.
fn depth(world: &World, m: usize, t: i64) -> f64 {
    let mk = &world.markets[m];
    let base = match mk.cat {
        Cat::Politics | Cat::Econ => 1800.0,
        Cat::News | Cat::Culture => 700.0,
        Cat::Sports => {
            if world.in_play(m, t).is_some() {
                2500.0
            } else {
                1200.0
            }
        }
        Cat::Weather => 250.0,
        Cat::Mention => 300.0,
        Cat::UpDown => 450.0,
        Cat::Above => 600.0,
    };
    base * mk.pop.sqrt()
}

/// Splits `q` hundredths into `k` parts of at least 5 shares each.
fn split(rng: &mut Rng, q: i64, k: usize) -> Vec<i64> {
    let k = k.min((q / 500).max(1) as usize).max(1);
    if k == 1 {
        return vec![q];
    }
    let spare = q - 500 * k as i64;
    let ws: Vec<f64> = (0..k).map(|_| rng.uni(0.2, 1.0)).collect();
    let total: f64 = ws.iter().sum();
    let mut parts: Vec<i64> = ws.iter().map(|w| 500 + ((spare as f64) * w / total).floor() as i64).collect();
    let used: i64 = parts.iter().sum();
    parts[0] += q - used;
    // Makers often rest round sizes: round all but the first part down to whole shares.
    for i in 1..parts.len() {
        let r = parts[i] % 100;
        if parts[i] - r >= 500 {
            parts[i] -= r;
            parts[0] += r;
        }
    }
    parts
}

pub fn run(world: &World, crowd: &Crowd, intents: &[Intent], seed: u64) -> Vec<Row> {
    let mut rng = Rng::sub(seed, "engine", 0);
    let mut rows: Vec<Row> = Vec::with_capacity(intents.len() * 3);
    let mut tx: u32 = 0;
    for it in intents {
        let m = it.m as usize;
        if !world.tradable(m, it.t) {
            continue;
        }
        let sh = it.sh.max(500);
        tx += 1;
        if it.maker {
            let (bid, ask) = world.book(m, it.o, it.t);
            let c = it.px.unwrap_or(if it.buy { bid } else { ask }).clamp(1, 99);
            let taker = crowd.taker_for(&mut rng, world, m, it.t, it.w);
            if rng.chance(0.85) {
                let extra = if rng.chance(0.3) { ((rng.lognorm(depth(world, m, it.t) * 0.3, 1.0)) * 100.0) as i64 } else { 0 };
                let extra = if extra < 500 { 0 } else { extra };
                rows.push(Row { t: it.t, tx, w: taker, m: it.m, o: it.o, buy: !it.buy, c, sh: sh + extra });
                rows.push(Row { t: it.t, tx, w: it.w, m: it.m, o: it.o, buy: it.buy, c, sh });
                if extra > 0 {
                    let other = crowd.maker_for(&mut rng, world, m, it.t, taker);
                    rows.push(Row { t: it.t, tx, w: other, m: it.m, o: it.o, buy: it.buy, c, sh: extra });
                }
            } else {
                rows.push(Row { t: it.t, tx, w: taker, m: it.m, o: 1 - it.o, buy: it.buy, c: 100 - c, sh });
                rows.push(Row { t: it.t, tx, w: it.w, m: it.m, o: it.o, buy: it.buy, c, sh });
            }
            continue;
        }
        let (bid, ask) = world.book(m, it.o, it.t);
        let touch = if it.buy { ask } else { bid };
        let p0 = it.px.unwrap_or(touch).clamp(1, 99);
        let d = ((rng.lognorm(depth(world, m, it.t), 0.8)) * 100.0) as i64;
        let d = d.max(500);
        let mut levels: Vec<(i64, i64)> = vec![];
        let room = if it.buy { p0 < 98 } else { p0 > 2 };
        if it.px.is_none() && room && sh > d + 500 && rng.chance(0.85) {
            levels.push((p0, d));
            let step = if it.buy { 1 } else { -1 };
            let p1 = (p0 + step).clamp(1, 99);
            let rest = sh - d;
            if rest > 2 * d + 1000 && rng.chance(0.6) {
                let d2 = d.max(500);
                levels.push((p1, d2));
                levels.push(((p1 + step).clamp(1, 99), rest - d2));
            } else {
                levels.push((p1, rest));
            }
        } else {
            levels.push((p0, sh));
        }
        for (c, q) in levels {
            rows.push(Row { t: it.t, tx, w: it.w, m: it.m, o: it.o, buy: it.buy, c, sh: q });
            let k = if q >= 10_000 {
                1 + rng.idx(3)
            } else if q >= 3000 {
                1 + rng.idx(2)
            } else {
                1
            };
            let first = rows.len();
            for part in split(&mut rng, q, k) {
                let mk = crowd.maker_for(&mut rng, world, m, it.t, it.w);
                let row = if rng.chance(0.75) {
                    Row { t: it.t, tx, w: mk, m: it.m, o: it.o, buy: !it.buy, c, sh: part }
                } else {
                    Row { t: it.t, tx, w: mk, m: it.m, o: 1 - it.o, buy: it.buy, c: 100 - c, sh: part }
                };
                // One maker order filling twice in one match is one fill.
                if let Some(r) = rows[first..].iter_mut().find(|r| r.w == row.w && r.o == row.o && r.buy == row.buy && r.c == row.c) {
                    r.sh += row.sh;
                } else {
                    rows.push(row);
                }
            }
        }
    }
    rows
}

/// Where behaviours write their orders.
pub struct Gen<'a> {
    pub world: &'a World,
    pub out: Vec<Intent>,
}

impl<'a> Gen<'a> {
    pub fn new(world: &'a World) -> Self {
        Gen { world, out: Vec::new() }
    }

    fn push(&mut self, w: u32, m: usize, o: u8, buy: bool, t: i64, sh: i64, px: Option<i64>, maker: bool) -> bool {
        if sh < 500 || !self.world.tradable(m, t) {
            return false;
        }
        self.out.push(Intent { w, m: m as u32, o, buy, t, sh, px, maker });
        true
    }

    /// Market buy of `usd` dollars; returns the shares (hundredths) bought.
    pub fn buy_usd(&mut self, w: u32, m: usize, o: u8, t: i64, usd: f64) -> Option<i64> {
        if !self.world.tradable(m, t) {
            return None;
        }
        let c = self.world.ask(m, o, t);
        let sh = ((usd * 100.0 / c as f64) * 100.0).floor() as i64;
        let sh = sh.max(500);
        if self.push(w, m, o, true, t, sh, None, false) { Some(sh) } else { None }
    }

    pub fn buy(&mut self, w: u32, m: usize, o: u8, t: i64, sh: i64) -> bool {
        self.push(w, m, o, true, t, sh, None, false)
    }

    pub fn sell(&mut self, w: u32, m: usize, o: u8, t: i64, sh: i64) -> bool {
        self.push(w, m, o, false, t, sh, None, false)
    }

    /// A taker order at a stated price (a marketable limit).
    pub fn take_at(&mut self, w: u32, m: usize, o: u8, buy: bool, t: i64, c: i64, sh: i64) -> bool {
        self.push(w, m, o, buy, t, sh, Some(c.clamp(1, 99)), false)
    }

    /// A resting order of theirs filled at `c`.
    pub fn maker(&mut self, w: u32, m: usize, o: u8, buy: bool, t: i64, c: i64, sh: i64) -> bool {
        self.push(w, m, o, buy, t, sh, Some(c.clamp(1, 99)), true)
    }

    pub fn ask(&self, m: usize, o: u8, t: i64) -> i64 {
        self.world.ask(m, o, t)
    }

    pub fn bid(&self, m: usize, o: u8, t: i64) -> i64 {
        self.world.bid(m, o, t)
    }

    pub fn prob(&self, m: usize, o: u8, t: i64) -> f64 {
        self.world.prob(m, o, t)
    }
}

/// Positions a behaviour keeps track of, in hundredths of shares.
#[derive(Default, Clone)]
pub struct Pos(pub BTreeMap<(usize, u8), i64>);

impl Pos {
    pub fn add(&mut self, m: usize, o: u8, sh: i64) {
        *self.0.entry((m, o)).or_default() += sh;
    }

    pub fn get(&self, m: usize, o: u8) -> i64 {
        self.0.get(&(m, o)).copied().unwrap_or(0)
    }

    pub fn take(&mut self, m: usize, o: u8, sh: i64) -> i64 {
        let have = self.get(m, o);
        let q = sh.min(have);
        if q > 0 {
            self.0.insert((m, o), have - q);
        }
        q
    }

    pub fn held(&self) -> Vec<(usize, u8, i64)> {
        self.0.iter().filter(|(_, v)| **v >= 500).map(|(k, v)| (k.0, k.1, *v)).collect()
    }
}
