//! Holdout v18: an independently written, labelled set of Polymarket wallets (people and trading
//! programs) with the public tape of every market they trade in, over the 30 days before [`NOW`].
//!
//! Behaviours are written from how people and bots are known to trade on the venue; nothing here
//! was tuned against any classifier.
#![allow(dead_code)]

mod bots;
mod crowd;
mod out;
mod people;
mod rng;
mod world;

use copycat_core::trade::{Trade, Wallet};
use rng::Rng;
pub use world::NOW;
use world::World;

pub struct Holdout18Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout18 {
    pub wallets: Vec<Holdout18Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

/// One fill before it becomes a Data API row. `size` is in hundredths of a share, `cents` in
/// whole cents. `maker` marks a resting order that someone else's order filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    pub t: i64,
    pub m: usize,
    pub o: usize,
    pub buy: bool,
    pub cents: i64,
    pub size: i64,
    pub tx: u64,
    pub maker: bool,
}

/// A well-known (unlabelled) wallet that others copy.
pub struct Leader {
    pub fills: Vec<Fill>,
}

pub struct Ctx {
    pub w: World,
    next_tx: u64,
    pub leaders: Vec<Leader>,
}

/// Hundredths of a share that `usd` buys at `cents` (at least five shares).
pub fn shares_for(usd: f64, cents: i64) -> i64 {
    ((usd / (cents.max(1) as f64 / 100.0)) * 100.0).round().max(500.0) as i64
}

/// Positions held, per (market, outcome), in hundredths of a share.
#[derive(Default, Clone)]
pub struct Pos(pub std::collections::BTreeMap<(usize, usize), i64>);

impl Pos {
    pub fn add(&mut self, fills: &[Fill]) {
        for f in fills {
            let e = self.0.entry((f.m, f.o)).or_insert(0);
            *e += if f.buy { f.size } else { -f.size };
        }
    }
    pub fn get(&self, m: usize, o: usize) -> i64 {
        self.0.get(&(m, o)).copied().unwrap_or(0).max(0)
    }
    pub fn held(&self) -> Vec<(usize, usize, i64)> {
        self.0.iter().filter(|(_, v)| **v >= 500).map(|((m, o), v)| (*m, *o, *v)).collect()
    }
}

impl Ctx {
    pub fn new(w: World) -> Ctx {
        Ctx { w, next_tx: 0x1818_0000, leaders: Vec::new() }
    }

    pub fn tx(&mut self) -> u64 {
        self.next_tx += 1;
        self.next_tx
    }

    /// A marketable order of `size` hundredths of a share that may walk `levels` price levels;
    /// one row per level (and now and then one per resting order matched at the same level).
    #[allow(clippy::too_many_arguments)]
    pub fn take(&mut self, r: &mut Rng, t: i64, m: usize, o: usize, buy: bool, size: i64, levels: usize) -> Vec<Fill> {
        let tx = self.tx();
        let mk = &self.w.markets[m];
        if !mk.live(t) {
            return Vec::new();
        }
        let c0 = if buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let mut left = size.max(500);
        let mut out: Vec<Fill> = Vec::new();
        let levels = levels.max(1);
        for k in 0..levels {
            let c = if buy { c0 + k as i64 } else { c0 - k as i64 };
            if !(1..=99).contains(&c) {
                break;
            }
            let avail = ((mk.depth * r.lognormal(0.8, 0.8)) * 100.0) as i64;
            let mut part = if k + 1 == levels { left } else { left.min(avail.max(500)) };
            if left - part < 500 {
                part = left;
            }
            if part >= 1500 && r.chance(0.12) {
                let a = (part as f64 * r.range(0.25, 0.75)) as i64;
                let a = a.clamp(500, part - 500);
                out.push(Fill { t, m, o, buy, cents: c, size: a, tx, maker: false });
                out.push(Fill { t, m, o, buy, cents: c, size: part - a, tx, maker: false });
            } else {
                out.push(Fill { t, m, o, buy, cents: c, size: part, tx, maker: false });
            }
            left -= part;
            if left <= 0 {
                break;
            }
        }
        if left > 0
            && let Some(f) = out.last_mut()
        {
            f.size += left;
        }
        out
    }

    /// A marketable order for about `usd` dollars.
    #[allow(clippy::too_many_arguments)]
    pub fn take_usd(&mut self, r: &mut Rng, t: i64, m: usize, o: usize, buy: bool, usd: f64, levels: usize) -> Vec<Fill> {
        let mk = &self.w.markets[m];
        if !mk.live(t) {
            return Vec::new();
        }
        let c = if buy { mk.ask(t, o) } else { mk.bid(t, o) };
        let size = shares_for(usd, c);
        self.take(r, t, m, o, buy, size, levels)
    }

    /// A resting order at `cents` matched at `t`.
    pub fn maker(&mut self, t: i64, m: usize, o: usize, buy: bool, cents: i64, size: i64) -> Fill {
        let tx = self.tx();
        Fill { t, m, o, buy, cents: cents.clamp(1, 99), size: size.max(500), tx, maker: true }
    }

    /// When a resting limit order placed at `from` first gets matched: a bid at `cents` when the
    /// market's best bid comes down to it, an offer when the best ask comes up to it.
    pub fn first_touch(&self, m: usize, o: usize, buy: bool, cents: i64, from: i64, until: i64) -> Option<i64> {
        let mk = &self.w.markets[m];
        let step = mk.step;
        let mut t = from.max(mk.first());
        let end = until.min(mk.last());
        while t <= end {
            let hit = if buy { mk.bid(t, o) <= cents } else { mk.ask(t, o) >= cents };
            if hit {
                return Some(t);
            }
            t += step;
        }
        None
    }
}

/// A behaviour: its name and how to make one wallet's fills.
pub type Gen = fn(&mut Rng, &mut Ctx) -> Vec<Fill>;

pub fn holdout18() -> Holdout18 {
    let mut root = Rng::new(18);
    let w = world::build(&mut root.fork(1));
    let mut ctx = Ctx::new(w);
    crowd::leaders(&mut root.fork(2), &mut ctx);
    let mut groups: Vec<(&'static str, bool, usize, Gen)> = Vec::new();
    for (name, n, g) in people::all() {
        groups.push((name, false, n, g));
    }
    for (name, n, g) in bots::all() {
        groups.push((name, true, n, g));
    }
    let mut labelled = Vec::new();
    for (gi, (name, bot, n, gen_fn)) in groups.into_iter().enumerate() {
        let mut gr = root.fork(100 + gi as u64);
        for i in 0..n {
            let mut fills = Vec::new();
            for attempt in 0..30 {
                let mut wr = gr.fork((i * 1000 + attempt) as u64);
                fills = gen_fn(&mut wr, &mut ctx);
                fills.retain(|f| out::valid(&ctx.w, f));
                if !fills.is_empty() {
                    break;
                }
            }
            assert!(!fills.is_empty(), "{name}: a wallet without fills");
            labelled.push(out::Labelled { behaviour: name, bot, fills });
        }
    }
    let crowd = crowd::crowd(&mut root.fork(3), &mut ctx, &labelled);
    out::assemble(&mut root.fork(4), &ctx.w, labelled, crowd)
}

/// A live market of one of `kinds` at `t`, trading at least `min_left` longer, with outcome 0's
/// price in [lo, hi]; busier markets are likelier.
pub fn pick_market(r: &mut Rng, w: &World, kinds: &[world::Kind], t: i64, min_left: i64, lo: f64, hi: f64) -> Option<usize> {
    let mut cands = Vec::new();
    let mut ws = Vec::new();
    for k in kinds {
        if *k == world::Kind::UpDown {
            for s in &w.updown {
                if let Some(m) = w.updown_at(s.coin, s.len, t) {
                    let mk = &w.markets[m];
                    if mk.live(t) && mk.close > t + min_left && (lo..=hi).contains(&mk.p(t)) {
                        cands.push(m);
                        ws.push(mk.heat);
                    }
                }
            }
            continue;
        }
        for &m in w.kind(*k) {
            let mk = &w.markets[m];
            if mk.live(t) && mk.close > t + min_left && (lo..=hi).contains(&mk.p(t)) {
                cands.push(m);
                ws.push(mk.heat);
            }
        }
    }
    if cands.is_empty() { None } else { Some(cands[r.weighted(&ws)]) }
}

/// The cheaper side of a market whose long shot costs between `lo` and `hi` (as a price).
pub fn pick_longshot(r: &mut Rng, w: &World, kinds: &[world::Kind], t: i64, lo: f64, hi: f64) -> Option<(usize, usize)> {
    let mut cands = Vec::new();
    for k in kinds {
        for &m in w.kind(*k) {
            let mk = &w.markets[m];
            if !mk.live(t) || mk.close < t + 6 * world::HOUR {
                continue;
            }
            let p = mk.p(t);
            if (lo..=hi).contains(&p) {
                cands.push((m, 0));
            } else if (lo..=hi).contains(&(1.0 - p)) {
                cands.push((m, 1));
            }
        }
    }
    if cands.is_empty() { None } else { Some(*r.pick(&cands)) }
}
