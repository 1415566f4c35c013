//! Programs: each function writes the fills of a group of wallets run by one kind of bot.

use super::ctx::*;
use super::markets::{DAY, HOUR, MIN};
use super::people::{Gen, Person, buy_usd, by_vol, live_now, sell, shocks, sum_sz, union, upcoming};
use super::rng::Rng;
use super::{NOW, W0};
use std::collections::HashMap;

pub const BOTS: &[(&str, usize, Gen)] = &[
    ("two_sided_market_maker", 13, market_maker),
    ("complement_arbitrage", 12, complement_arbitrage),
    ("copy_bot_api_poller", 13, copy_bot_api_poller),
    ("copy_bot_chain_watcher", 11, copy_bot_chain_watcher),
    ("near_resolution_sweeper", 12, near_resolution_sweeper),
    ("crypto_interval_bot", 12, crypto_interval_bot),
    ("twap_executor", 11, twap_executor),
    ("portfolio_rebalancer", 11, portfolio_rebalancer),
    ("grid_bot", 11, grid_bot),
    ("news_latency_bot", 11, news_latency_bot),
    ("wash_trading_ring", 15, wash_trading_ring),
    ("liquidity_reward_farmer", 12, liquidity_reward_farmer),
    ("airdrop_volume_farmer", 14, airdrop_volume_farmer),
    ("cross_venue_arbitrage", 11, cross_venue_arbitrage),
    ("negrisk_basket_arbitrage", 10, negrisk_basket_arbitrage),
    // "hard" bots: automated, but at a person's pace, sizes and hours
    ("llm_agent_trader", 13, llm_agent_trader),
    ("signal_group_autotrader", 11, signal_group_autotrader),
];

pub const HARD: &[&str] = &["llm_agent_trader", "signal_group_autotrader"];

/// When a bot runs: most of the window, or started recently, or stopped, with maintenance pauses.
pub struct Sched {
    pub start: i64,
    pub end: i64,
    pauses: Vec<(i64, i64)>,
}

impl Sched {
    pub fn new(rng: &mut Rng) -> Sched {
        let x = rng.f();
        let (mut start, mut end) = (W0 + 1, NOW);
        if x < 0.2 {
            start = NOW - rng.int(2 * DAY, 20 * DAY);
        } else if x < 0.32 {
            end = NOW - rng.int(DAY, 14 * DAY);
        } else if x < 0.4 {
            start = W0 + rng.int(0, 6 * DAY);
            end = NOW - rng.int(3 * DAY, 10 * DAY);
        }
        let mut pauses = Vec::new();
        if rng.chance(0.3) {
            for _ in 0..rng.int(1, 2) {
                let a = rng.int(start, end);
                pauses.push((a, a + rng.int(6 * HOUR, 5 * DAY)));
            }
        }
        Sched { start, end, pauses }
    }
    pub fn on(&self, t: i64) -> bool {
        t >= self.start && t <= self.end && in_window(t) && !self.pauses.iter().any(|&(a, b)| t >= a && t < b)
    }
    pub fn span(&self) -> i64 {
        self.end - self.start
    }
    pub fn time(&self, rng: &mut Rng) -> i64 {
        for _ in 0..30 {
            let t = rng.int(self.start, self.end);
            if self.on(t) {
                return t;
            }
        }
        self.end.min(NOW - 1)
    }
}

#[allow(clippy::too_many_arguments)]
fn maker_fill(ctx: &mut Ctx, rng: &mut Rng, w: u32, m: u32, o: u8, buy: bool, sz: u64, t: i64) -> bool {
    let pc = if buy { ctx.mk.bid(m, o, t, 0.0) } else { ctx.mk.ask(m, o, t, 0.0) };
    let tx = ctx.tx();
    if let Some(i) = ctx.put(w, m, o, buy, pc, sz, t, tx) {
        ctx.counterparty(rng, i);
        true
    } else {
        false
    }
}

fn market_maker(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let long = union(ctx, &["long", "nominee", "politics", "econ", "culture", "futures"]);
    let games: Vec<u32> = union(ctx, &["game"])
        .into_iter()
        .filter(|&m| {
            let k = &ctx.mk.list[m as usize];
            k.live > W0 && k.live < NOW
        })
        .collect();
    for &w in ws {
        let s = Sched::new(rng);
        let kind = rng.weighted(&[0.45, 0.35, 0.2]);
        let quote = [50.0, 100.0, 200.0, 250.0, 500.0, 1000.0][rng.below(6) as usize] * rng.uni(0.8, 1.5).round().max(1.0);
        let total = rng.lognormal(650.0, 0.9).clamp(80.0, 3500.0) * s.span() as f64 / (30 * DAY) as f64;
        let limit = quote * 6.0;
        let mut inv: HashMap<u32, f64> = HashMap::new();
        let mut one = |ctx: &mut Ctx, rng: &mut Rng, m: u32, t: i64| {
            let e = inv.entry(m).or_insert(0.0);
            let o = rng.below(2) as u8;
            // inventory in outcome 0 terms; buying outcome 1 is selling outcome 0
            let lean = (*e / limit).tanh();
            let buy0 = rng.chance(0.5 - 0.35 * lean);
            let buy = if o == 0 { buy0 } else { !buy0 };
            let sz = shares((quote * rng.uni(0.04, 1.0) * 100.0).round() / 100.0);
            if maker_fill(ctx, rng, w, m, o, buy, sz, t) {
                *e += if buy0 { sz as f64 / 100.0 } else { -(sz as f64 / 100.0) };
            }
        };
        match kind {
            0 => {
                let k = rng.int(3, 20);
                let mut ms = Vec::new();
                for _ in 0..k {
                    if let Some(m) = ctx.mk.pick_open(rng, &long, s.start.max(W0 + DAY)) {
                        ms.push(m);
                    }
                }
                ms.dedup();
                if ms.is_empty() {
                    continue;
                }
                for _ in 0..total as usize {
                    let m = ms[rng.below(ms.len() as u64) as usize];
                    let t = s.time(rng);
                    one(ctx, rng, m, t);
                }
            }
            1 => {
                let k = rng.int(15, 80) as usize;
                let mut gs: Vec<u32> = games.iter().copied().filter(|&m| s.on(ctx.mk.list[m as usize].live)).collect();
                rng.shuffle(&mut gs);
                gs.truncate(k);
                if gs.is_empty() {
                    continue;
                }
                let per = (total / gs.len() as f64).max(2.0);
                for &m in &gs {
                    let (live, close) = (ctx.mk.list[m as usize].live, ctx.mk.list[m as usize].close);
                    for _ in 0..rng.poisson(per) {
                        let t = if rng.chance(0.7) { live - rng.exp(8.0 * HOUR as f64) as i64 } else { rng.int(live, close) };
                        if s.on(t) {
                            one(ctx, rng, m, t);
                        }
                    }
                }
            }
            _ => {
                let len = if rng.chance(0.7) { 15 * MIN } else { HOUR };
                let asset = rng.weighted(&[3.0, 1.0]) as u8;
                let n_int = (s.span() / len).max(1) as f64;
                let per = total / n_int;
                let mut t0 = s.start - s.start.rem_euclid(len) + len;
                while t0 < s.end {
                    if s.on(t0) {
                        let m = ctx.mk.updown(asset, len, t0);
                        for _ in 0..rng.poisson(per) {
                            let t = rng.int(t0 - len / 2, t0 + len - 20);
                            one(ctx, rng, m, t);
                        }
                    }
                    t0 += len;
                }
            }
        }
    }
}

fn complement_arbitrage(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let games: Vec<u32> = union(ctx, &["game"])
        .into_iter()
        .filter(|&m| ctx.mk.list[m as usize].ml && !ctx.mk.list[m as usize].title.starts_with("Will"))
        .collect();
    for &w in ws {
        let s = Sched::new(rng);
        let venue = rng.weighted(&[0.6, 0.4]);
        let n = (rng.lognormal(300.0, 0.9).clamp(30.0, 1800.0) * s.span() as f64 / (30 * DAY) as f64) as usize;
        let size = rng.lognormal(120.0, 0.8).clamp(10.0, 3000.0).round();
        let vary = rng.chance(0.5);
        let len = if rng.chance(0.7) { 15 * MIN } else { 5 * MIN };
        let asset = rng.weighted(&[3.0, 1.5, 0.3]) as u8;
        for _ in 0..n {
            let t = s.time(rng);
            let m = if venue == 0 {
                let start = t - t.rem_euclid(len);
                Some(ctx.mk.updown(asset, len, start))
            } else {
                let l = live_now(ctx, &games, t);
                by_vol(ctx, rng, &l)
            };
            let Some(m) = m else { continue };
            let c0 = ctx.mk.mid_c(m, 0, t) as i64;
            if !(4..=96).contains(&c0) {
                continue;
            }
            let edge = rng.int(1, 4);
            let cut = rng.int(0, edge);
            let a0 = (c0 - cut).clamp(1, 98) as u8;
            let a1 = (100 - c0 - (edge - cut)).clamp(1, 98) as u8;
            let sz = if vary { shares((size * rng.uni(0.3, 1.5)).round()) } else { shares(size) };
            let tx = ctx.tx();
            let first = rng.below(2) as u8;
            let (pa, pb) = if first == 0 { (a0, a1) } else { (a1, a0) };
            ctx.put(w, m, first, true, pa, sz, t, tx);
            let t2 = t + [0, 0, 1, 1, 2, 3][rng.below(6) as usize];
            let tx2 = if rng.chance(0.3) { tx } else { ctx.tx() };
            let sz2 = if rng.chance(0.12) { (sz as f64 * rng.uni(0.2, 0.9)) as u64 } else { sz };
            ctx.put(w, m, 1 - first, true, pb, sz2.max(MIN_SZ), t2, tx2);
        }
    }
}

fn copier(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32], chain: bool) {
    for &w in ws {
        let s = Sched::new(rng);
        let nl = 1 + rng.below(4) as usize;
        let mut leaders: Vec<usize> = (0..nl).map(|_| rng.below(ctx.leaders.len() as u64) as usize).collect();
        leaders.sort_unstable();
        leaders.dedup();
        // one order per leader transaction: summed size, first price
        let mut orders: Vec<(i64, u32, u8, bool, u8, u64, usize)> = Vec::new();
        for &l in &leaders {
            let mut last_tx = 0;
            for &fi in &ctx.leaders[l].fills {
                let f = ctx.fills[fi];
                if f.tx == last_tx {
                    if let Some(x) = orders.last_mut() {
                        x.5 += f.sz;
                    }
                } else {
                    orders.push((f.ts, f.m, f.o, f.buy, f.pc, f.sz, l));
                    last_tx = f.tx;
                }
            }
        }
        orders.sort_by_key(|x| x.0);
        let poll = [2, 3, 5, 10, 15, 30, 60][rng.below(7) as usize];
        let cache = if chain { 0 } else { rng.int(0, 12) };
        let fixed_usd = if rng.chance(0.4) { Some([5.0, 10.0, 20.0, 25.0, 50.0, 100.0][rng.below(6) as usize]) } else { None };
        let ratio = rng.lognormal(0.05, 0.8).clamp(0.004, 0.6);
        let bump = rng.chance(0.6);
        let max_slip = rng.int(2, 8) as u8;
        let mut lead_pos: HashMap<(usize, u32, u8), u64> = HashMap::new();
        let mut ours: HashMap<(u32, u8), u64> = HashMap::new();
        for (ts, m, o, buy, pc, sz, l) in orders {
            let before = *lead_pos.get(&(l, m, o)).unwrap_or(&0);
            if buy {
                lead_pos.insert((l, m, o), before + sz);
            } else {
                lead_pos.insert((l, m, o), before.saturating_sub(sz));
            }
            let delay = if chain { 2 * rng.int(1, 3) + rng.int(0, 1) } else { cache + rng.int(1, poll) + rng.int(0, 2) };
            let t = ts + delay;
            if !s.on(t) || !ctx.mk.is_open(m, t) {
                continue;
            }
            if buy {
                let ask = ctx.mk.ask(m, o, t, 0.0).max(pc);
                if ask > pc + max_slip {
                    continue;
                }
                let want = match fixed_usd {
                    Some(u) => usd_to_sz(u, ask),
                    None => (sz as f64 * ratio) as u64,
                };
                if want < MIN_SZ && !bump {
                    continue;
                }
                let tx = ctx.tx();
                if ctx.put(w, m, o, true, ask, want.max(MIN_SZ), t, tx).is_some() {
                    *ours.entry((m, o)).or_insert(0) += want.max(MIN_SZ);
                }
            } else {
                let have = *ours.get(&(m, o)).unwrap_or(&0);
                if have < MIN_SZ || before == 0 {
                    continue;
                }
                let frac = (sz as f64 / before as f64).min(1.0);
                let mut q = (have as f64 * frac) as u64;
                if have - q.min(have) < MIN_SZ {
                    q = have;
                }
                if q < MIN_SZ {
                    continue;
                }
                let bid = ctx.mk.bid(m, o, t, 0.0).min(pc);
                let tx = ctx.tx();
                if ctx.put(w, m, o, false, bid, q, t, tx).is_some() {
                    ours.insert((m, o), have - q);
                }
            }
        }
    }
}

fn copy_bot_api_poller(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    copier(ctx, rng, ws, false)
}

fn copy_bot_chain_watcher(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    copier(ctx, rng, ws, true)
}

fn near_resolution_sweeper(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let ends: Vec<u32> = union(ctx, &["game", "weather", "mentions", "strike", "election", "release"])
        .into_iter()
        .filter(|&m| {
            let c = ctx.mk.list[m as usize].close;
            c > W0 && c <= NOW
        })
        .collect();
    for &w in ws {
        let s = Sched::new(rng);
        let crypto_share = rng.uni(0.0, 1.0);
        let q_int = rng.uni(0.02, 0.25) * crypto_share;
        let q_end = rng.uni(0.1, 0.7) * (1.0 - crypto_share * 0.7);
        let size = rng.lognormal(700.0, 0.7);
        let min_p = rng.uni(0.9, 0.96);
        let len = if rng.chance(0.5) { 5 * MIN } else { 15 * MIN };
        let lead = rng.int(5, 90);
        let hit = |ctx: &mut Ctx, rng: &mut Rng, m: u32, t: i64| {
            let o = if ctx.mk.p(m, 0, t) >= 0.5 { 0 } else { 1 };
            if ctx.mk.p(m, o, t) < min_p || ctx.mk.ask(m, o, t, 0.0) > 99 {
                return;
            }
            let sz = shares((size * rng.uni(0.5, 1.5)).round());
            let h5 = rng.int(1, 4);
            ctx.take(rng, w, m, o, true, sz, t, h5 as u32, 0.0);
        };
        let mut t0 = s.start - s.start.rem_euclid(len) + len;
        while t0 + len < s.end {
            if rng.chance(q_int) {
                let close = t0 + len;
                let t = close - lead - rng.int(0, 6);
                if s.on(t) {
                    let asset = rng.weighted(&[3.0, 1.0]) as u8;
                    let m = ctx.mk.updown(asset, len, t0);
                    hit(ctx, rng, m, t);
                }
            }
            t0 += len;
        }
        for &m in &ends {
            if rng.chance(q_end) {
                let close = ctx.mk.list[m as usize].close;
                let t = close - rng.int(20, 20 * MIN);
                if s.on(t) {
                    hit(ctx, rng, m, t);
                }
            }
        }
    }
}

fn crypto_interval_bot(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    for &w in ws {
        let s = Sched::new(rng);
        let asset = rng.weighted(&[3.0, 1.0, 0.3]) as u8;
        let len = if rng.chance(0.5) { 5 * MIN } else { 15 * MIN };
        let offset = rng.int(8, len / 2);
        let fixed = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0][rng.below(6) as usize];
        let by_usd = rng.chance(0.3);
        let q = if len == 5 * MIN { rng.uni(0.03, 0.2) } else { rng.uni(0.15, 0.7) };
        let momentum = rng.chance(0.65);
        let threshold = if rng.chance(0.4) { rng.uni(0.2, 0.8) } else { 0.0 };
        let exit = if rng.chance(0.4) { Some(rng.int(20, 90)) } else { None };
        let mut t0 = s.start - s.start.rem_euclid(len) + len;
        while t0 + len < s.end {
            if rng.chance(q) {
                let ts = t0 + offset + rng.int(0, 2);
                if s.on(ts) {
                    let m = ctx.mk.updown(asset, len, t0);
                    let move_ = ctx.mk.spot.at(asset, ts) - ctx.mk.spot.at(asset, t0);
                    let z = move_ / (ctx.mk.spot.sig[asset as usize] * (offset as f64).sqrt());
                    if z.abs() >= threshold {
                        let o = if (z >= 0.0) == momentum { 0 } else { 1 };
                        let pc = ctx.mk.ask(m, o, ts, 0.0);
                        let sz = if by_usd { usd_to_sz(fixed, pc) } else { shares(fixed) };
                        let tx = ctx.tx();
                        if ctx.put(w, m, o, true, pc, sz, ts, tx).is_some()
                            && let Some(x) = exit
                        {
                            let te = t0 + len - x - rng.int(0, 1);
                            let bid = ctx.mk.bid(m, o, te, 0.0);
                            let tx = ctx.tx();
                            ctx.put(w, m, o, false, bid, sz, te, tx);
                        }
                    }
                }
            }
            t0 += len;
        }
    }
}

fn twap_executor(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "election", "fomc", "futures", "strike", "politics"]);
    for &w in ws {
        let s = Sched::new(rng);
        let parents = (1 + rng.geometric(0.35)).min(8);
        let every = [20, 30, 60, 90, 120, 300][rng.below(6) as usize];
        let jitter = rng.int(0, 3);
        let iceberg = rng.chance(0.25);
        let mut held: Vec<(u32, u8, u64, i64)> = Vec::new();
        let mut starts: Vec<i64> = (0..parents).map(|_| s.time(rng)).collect();
        starts.sort_unstable();
        for t0 in starts {
            let done_before: Vec<usize> = (0..held.len()).filter(|&i| held[i].3 < t0 && ctx.mk.is_open(held[i].0, t0)).collect();
            let unwind = !done_before.is_empty() && rng.chance(0.35);
            let (m, o, total, buy) = if unwind {
                let (m, o, h, _) = held.swap_remove(done_before[rng.below(done_before.len() as u64) as usize]);
                (m, o, h, false)
            } else {
                let Some(m) = ctx.mk.pick_open(rng, &pool, t0) else { continue };
                let o = rng.below(2) as u8;
                let pc = ctx.mk.ask(m, o, t0, 0.0);
                if !(5..=95).contains(&pc) {
                    continue;
                }
                (m, o, usd_to_sz(rng.lognormal(15_000.0, 0.8), pc), true)
            };
            let n = rng.int(10, 90) as u64;
            let slice = (total / n).max(MIN_SZ);
            let mut done = 0;
            let mut last = t0;
            for k in 0..n {
                let t = t0 + k as i64 * every + rng.int(0, jitter);
                if !s.on(t) || !ctx.mk.is_open(m, t) {
                    break;
                }
                let sz = if iceberg { (slice as f64 * rng.uni(0.85, 1.15)) as u64 } else { slice };
                let pc = if buy { ctx.mk.ask(m, o, t, 0.0) } else { ctx.mk.bid(m, o, t, 0.0) };
                let tx = ctx.tx();
                if ctx.put(w, m, o, buy, pc, sz, t, tx).is_some() {
                    done += sz.max(MIN_SZ);
                    last = t;
                }
            }
            if buy && done > 0 {
                held.push((m, o, done, last));
            }
        }
    }
}

fn portfolio_rebalancer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool: Vec<u32> = union(ctx, &["long", "nominee", "futures", "culture", "politics"])
        .into_iter()
        .filter(|&m| ctx.mk.list[m as usize].close > NOW)
        .collect();
    for &w in ws {
        let s = Sched::new(rng);
        let k = rng.int(5, 18) as usize;
        let mut basket: Vec<(u32, u8, f64)> = Vec::new();
        let mut p = pool.clone();
        rng.shuffle(&mut p);
        let t0 = s.start.max(W0 + 1);
        for &m in p.iter() {
            let o = rng.below(2) as u8;
            if basket.len() < k && (0.1..=0.9).contains(&ctx.mk.p(m, o, t0)) {
                basket.push((m, o, rng.uni(0.5, 2.0)));
            }
        }
        let tot: f64 = basket.iter().map(|b| b.2).sum();
        let capital = rng.lognormal(15_000.0, 0.8);
        let period = [6 * HOUR, 12 * HOUR, DAY, DAY, DAY, 7 * DAY][rng.below(6) as usize];
        let at = rng.int(0, period / 60 - 1) * 60 + if rng.chance(0.5) { 0 } else { rng.int(0, 59) };
        let band = rng.uni(0.03, 0.12);
        let mut hold: Vec<u64> = vec![0; basket.len()];
        let mut t = s.start - s.start.rem_euclid(period) + at;
        if t < s.start {
            t += period;
        }
        while t < s.end {
            if s.on(t) {
                let mut tt = t + rng.int(0, 3);
                for (i, &(m, o, wt)) in basket.iter().enumerate() {
                    if !ctx.mk.is_open(m, tt) {
                        continue;
                    }
                    let px = ctx.mk.p(m, o, tt);
                    let target = capital * wt / tot / px * 100.0;
                    let diff = target - hold[i] as f64;
                    if diff.abs() < band * target || diff.abs() < MIN_SZ as f64 {
                        continue;
                    }
                    let buy = diff > 0.0;
                    let sz = diff.abs().round() as u64;
                    let pc = if buy { ctx.mk.ask(m, o, tt, 0.0) } else { ctx.mk.bid(m, o, tt, 0.0) };
                    let tx = ctx.tx();
                    if ctx.put(w, m, o, buy, pc, sz, tt, tx).is_some() {
                        if buy {
                            hold[i] += sz;
                        } else {
                            hold[i] = hold[i].saturating_sub(sz);
                        }
                    }
                    tt += rng.int(1, 3);
                }
            }
            t += period;
        }
    }
}

fn grid_bot(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool: Vec<u32> = union(ctx, &["long", "nominee", "culture", "politics", "futures"])
        .into_iter()
        .filter(|&m| ctx.mk.list[m as usize].close > NOW)
        .collect();
    for &w in ws {
        let s = Sched::new(rng);
        let k = rng.int(1, 4);
        let step = rng.int(1, 3);
        let q = shares([20.0, 25.0, 50.0, 100.0, 200.0][rng.below(5) as usize]);
        let levels = rng.int(4, 8);
        let check = rng.int(2, 10) * MIN;
        for _ in 0..k {
            let Some(m) = ctx.mk.pick_open(rng, &pool, s.start.max(W0 + 1)) else { continue };
            let o = rng.below(2) as u8;
            let c = ctx.mk.mid_c(m, o, s.start.max(W0 + 1)) as i64;
            if !(10..=90).contains(&c) {
                continue;
            }
            let mut buys: Vec<i64> = (1..=levels).map(|i| c - i * step).filter(|&x| x >= 1).collect();
            let mut sells: Vec<i64> =
                if rng.chance(0.5) { (1..=levels / 2).map(|i| c + i * step).filter(|&x| x <= 99).collect() } else { Vec::new() };
            let mut t = s.start.max(W0 + 1);
            while t < s.end {
                if s.on(t) {
                    let mid = ctx.mk.p(m, o, t) * 100.0;
                    let mut i = 0;
                    while i < buys.len() {
                        if mid <= buys[i] as f64 {
                            let l = buys.swap_remove(i);
                            let tx = ctx.tx();
                            let tt = t + rng.int(0, check);
                            if let Some(fi) = ctx.put(w, m, o, true, l as u8, q, tt, tx) {
                                ctx.counterparty(rng, fi);
                            }
                            sells.push(l + step);
                        } else {
                            i += 1;
                        }
                    }
                    let mut i = 0;
                    while i < sells.len() {
                        if mid >= sells[i] as f64 && sells[i] <= 99 {
                            let l = sells.swap_remove(i);
                            let tx = ctx.tx();
                            let tt = t + rng.int(0, check);
                            if let Some(fi) = ctx.put(w, m, o, false, l as u8, q, tt, tx) {
                                ctx.counterparty(rng, fi);
                            }
                            buys.push(l - step);
                        } else {
                            i += 1;
                        }
                    }
                }
                t += check;
            }
        }
    }
}

fn news_latency_bot(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let news = shocks(ctx, &["politics", "election", "econ", "mentions", "culture", "release", "fomc"], 0.35);
    let scores = shocks(ctx, &["nfl", "nba", "soccer", "cfb", "mlb", "nhl", "ufc"], 0.6);
    for &w in ws {
        let s = Sched::new(rng);
        let feed = if rng.chance(0.5) { &scores } else { &news };
        let q = rng.uni(0.05, 0.4);
        let size = rng.lognormal(1000.0, 0.7);
        let lat = rng.int(1, 3);
        let exit_share = rng.uni(0.3, 0.9);
        for &(ts, m, j) in feed.iter() {
            if !rng.chance(q) {
                continue;
            }
            let t = ts + lat + rng.int(0, 1);
            if !s.on(t) || !ctx.mk.is_open(m, t) {
                continue;
            }
            let o = if j > 0.0 { 0 } else { 1 };
            let stale = ctx.mk.ask(m, o, ts - 2, 0.0) as i64;
            let fresh = ctx.mk.ask(m, o, t, 0.0) as i64;
            if fresh <= stale || fresh > 97 {
                continue;
            }
            let tx = ctx.tx();
            let total = shares((size * rng.uni(0.5, 1.5)).round());
            let levels = ((fresh - stale) as u64 + 1).clamp(1, 5);
            let mut left = total;
            let mut got = 0;
            for k in 0..levels {
                let pc = (stale + (k as i64 * (fresh - stale)) / levels.max(2) as i64).clamp(1, 99) as u8;
                let sz = if k + 1 == levels { left } else { (total / levels).max(MIN_SZ).min(left) };
                if sz == 0 {
                    break;
                }
                if ctx.put(w, m, o, true, pc, sz, t, tx).is_some() {
                    got += sz;
                }
                left -= sz;
                if left < MIN_SZ {
                    break;
                }
            }
            if got > 0 && rng.chance(exit_share) {
                let te = t + rng.lognormal(20.0 * MIN as f64, 1.0) as i64;
                let idx = ctx.take(rng, w, m, o, false, got, te, 2, 0.0);
                let _ = sum_sz(ctx, &idx);
            }
        }
    }
}

fn wash_trading_ring(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let thin = union(ctx, &["long", "culture", "mentions", "futures", "politics"]);
    let mut rings: Vec<Vec<u32>> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let n = if ws.len() - i <= 7 { ws.len() - i } else { rng.int(3, 6) as usize };
        rings.push(ws[i..i + n].to_vec());
        i += n;
    }
    for ring in rings {
        let s = Sched::new(rng);
        let mut ms = Vec::new();
        for _ in 0..rng.int(2, 5) {
            if let Some(m) = ctx.mk.pick_open(rng, &thin, s.start.max(W0 + DAY))
                && ctx.mk.list[m as usize].vol < 1.2
            {
                ms.push(m);
            }
        }
        if ms.is_empty() {
            ms.extend(thin.iter().copied().filter(|&m| ctx.mk.list[m as usize].close > NOW).take(2));
        }
        let per_day = rng.lognormal(20.0, 0.6);
        let n = ((per_day * s.span() as f64 / DAY as f64) as usize).max(ring.len() * 3);
        let sizes = [500.0, 1000.0, 2000.0, 2500.0, 5000.0];
        let round = rng.chance(0.6);
        let base = rng.lognormal(800.0, 0.6);
        let session = rng.chance(0.5);
        let mut last: Option<(u32, u32, u32, u8, u64)> = None;
        for k in 0..n {
            let mut t = s.time(rng);
            if session {
                // the script runs in bursts: move to the burst hour of that day
                t = t - t.rem_euclid(DAY) + 13 * HOUR + rng.int(0, 3 * HOUR);
                if !s.on(t) {
                    continue;
                }
            }
            let (a, b, m, o, sz) = match last {
                Some((a, b, m, o, sz)) if rng.chance(0.5) => (b, a, m, o, sz),
                _ => {
                    let a = ring[k % ring.len()];
                    let mut b = ring[rng.below(ring.len() as u64) as usize];
                    if b == a {
                        b = ring[(k + 1) % ring.len()];
                    }
                    let m = ms[rng.below(ms.len() as u64) as usize];
                    let sz = if round {
                        shares(sizes[rng.below(5) as usize])
                    } else {
                        shares((base * rng.uni(0.7, 1.3) * 100.0).round() / 100.0)
                    };
                    (a, b, m, rng.below(2) as u8, sz)
                }
            };
            if !ctx.mk.is_open(m, t) {
                continue;
            }
            let pc = ctx.mk.mid_c(m, o, t);
            let tx = ctx.tx();
            ctx.put(a, m, o, true, pc, sz, t, tx);
            ctx.put(b, m, o, false, pc, sz, t, tx);
            last = Some((a, b, m, o, sz));
        }
    }
}

fn liquidity_reward_farmer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "futures", "politics", "culture", "econ"]);
    for &w in ws {
        let s = Sched::new(rng);
        let k = rng.int(3, 10);
        let q = shares([100.0, 200.0, 250.0, 500.0][rng.below(4) as usize]);
        let rate = rng.uni(0.2, 1.5);
        let hedge_by_sell = rng.chance(0.4);
        for _ in 0..k {
            let Some(m) = ctx.mk.pick_open(rng, &pool, s.start.max(W0 + DAY)) else { continue };
            let n = rng.poisson(rate * s.span() as f64 / DAY as f64);
            for _ in 0..n {
                let t = s.time(rng);
                let o = rng.below(2) as u8;
                let part = if rng.chance(0.5) { q } else { ((q as f64) * rng.uni(0.1, 1.0)) as u64 };
                if !maker_fill(ctx, rng, w, m, o, true, part, t) {
                    continue;
                }
                let th = t + rng.int(1, 12);
                let tx = ctx.tx();
                if hedge_by_sell {
                    let pc = ctx.mk.bid(m, o, th, 0.0);
                    ctx.put(w, m, o, false, pc, part, th, tx);
                } else {
                    let pc = ctx.mk.ask(m, 1 - o, th, 0.0);
                    ctx.put(w, m, 1 - o, true, pc, part, th, tx);
                }
            }
        }
    }
}

fn airdrop_volume_farmer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let popular: Vec<u32> =
        union(ctx, &["game", "nominee", "long", "fomc", "election"]).into_iter().filter(|&m| ctx.mk.list[m as usize].vol >= 1.0).collect();
    let half = ws.len() / 2;
    for group in [&ws[..half], &ws[half..]] {
        let h0 = rng.int(0, 23) * HOUR;
        let skip = rng.uni(0.05, 0.3);
        for (i, &w) in group.iter().enumerate() {
            let first = W0 + (i as i64) * rng.int(0, 2) * DAY + rng.int(0, DAY);
            let offset = (i as i64) * rng.int(3, 12) * MIN;
            let trips_max = rng.int(1, 4);
            let mut day = first - first.rem_euclid(DAY);
            while day < NOW {
                if !rng.chance(skip) {
                    let mut t = day + h0 + offset + rng.int(0, 15 * MIN);
                    for _ in 0..rng.int(1, trips_max) {
                        if t <= first || !in_window(t) {
                            break;
                        }
                        let m = if rng.chance(0.3) {
                            Some(ctx.mk.updown(0, HOUR, t - t.rem_euclid(HOUR)))
                        } else {
                            ctx.mk.pick_open(rng, &popular, t)
                        };
                        let Some(m) = m else { break };
                        let o = rng.below(2) as u8;
                        let sz = shares(rng.int(5, 12) as f64);
                        let pc = ctx.mk.ask(m, o, t, 0.0);
                        let tx = ctx.tx();
                        if ctx.put(w, m, o, true, pc, sz, t, tx).is_some() {
                            let t2 = t + rng.int(20, 400);
                            let pc = ctx.mk.bid(m, o, t2, 0.0);
                            let tx = ctx.tx();
                            ctx.put(w, m, o, false, pc, sz, t2, tx);
                        }
                        t += rng.int(60, 900);
                    }
                }
                day += DAY;
            }
        }
    }
}

fn cross_venue_arbitrage(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let games: Vec<u32> = union(ctx, &["game"]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let other = union(ctx, &["strike", "election", "fomc", "release"]);
    for &w in ws {
        let s = Sched::new(rng);
        let n = (rng.lognormal(250.0, 0.8).clamp(30.0, 1500.0) * s.span() as f64 / (30 * DAY) as f64) as usize;
        let size = rng.lognormal(400.0, 0.8);
        let hold_share = rng.uni(0.2, 0.7);
        for _ in 0..n {
            let t = s.time(rng);
            let m = if rng.chance(0.75) {
                let mut c = upcoming(ctx, &games, t, 12 * HOUR);
                c.extend(live_now(ctx, &games, t));
                by_vol(ctx, rng, &c)
            } else {
                ctx.mk.pick_open(rng, &other, t)
            };
            let Some(m) = m else { continue };
            let o = rng.below(2) as u8;
            let sz = shares((size * rng.uni(0.3, 1.7)).round());
            let idx = ctx.take(rng, w, m, o, true, sz, t, 2, 0.0);
            let got = sum_sz(ctx, &idx);
            if got > 0 && !rng.chance(hold_share) {
                let te = t + rng.lognormal(50.0 * MIN as f64, 0.9) as i64;
                if s.on(te) {
                    ctx.take(rng, w, m, o, false, got, te, 2, 0.0);
                }
            }
        }
    }
}

fn negrisk_basket_arbitrage(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let evs: Vec<usize> = (0..ctx.mk.events.len()).filter(|&e| ctx.mk.events[e].negrisk && ctx.mk.events[e].markets.len() >= 3).collect();
    for &w in ws {
        let s = Sched::new(rng);
        let n = (rng.lognormal(60.0, 0.8).clamp(8.0, 400.0) * s.span() as f64 / (30 * DAY) as f64) as usize + 1;
        let size = rng.lognormal(60.0, 0.8).clamp(5.0, 2000.0);
        for _ in 0..n {
            let mut done = false;
            for _ in 0..10 {
                let t = s.time(rng);
                let e = evs[rng.below(evs.len() as u64) as usize];
                let ms = ctx.mk.events[e].markets.clone();
                if !ms.iter().all(|&m| ctx.mk.is_open(m, t)) {
                    continue;
                }
                let yes = rng.chance(0.5);
                let sz = shares((size * rng.uni(0.7, 1.3)).round());
                let shared = rng.chance(0.3);
                let mut tx = ctx.tx();
                for (k, &m) in ms.iter().enumerate() {
                    let (o, pc) = if yes {
                        (0, ctx.mk.ask(m, 0, t, 0.0).saturating_sub(rng.below(2) as u8).max(1))
                    } else {
                        (1, ctx.mk.ask(m, 1, t, 0.0).saturating_sub(rng.below(2) as u8).max(1))
                    };
                    if !shared && k > 0 {
                        tx = ctx.tx();
                    }
                    ctx.put(w, m, o, true, pc, sz, t + rng.int(0, 1), tx);
                }
                done = true;
                break;
            }
            if !done {
                continue;
            }
        }
    }
}

fn llm_agent_trader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["politics", "econ", "culture", "long", "election", "mentions", "nominee"]);
    let games: Vec<u32> = union(ctx, &["game"]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let news = shocks(ctx, &["politics", "election", "econ", "culture"], 0.4);
    for &w in ws {
        let h4 = rng.chance(0.5);
        let p = Person::with(rng, if h4 { &OFFICE } else { &EVENING });
        let active = rng.uni(0.3, 0.85);
        let per_day = rng.uni(0.8, 2.5);
        let stake = rng.lognormal(60.0, 0.8);
        let sports = rng.chance(0.3);
        let (a, b) = p.days();
        let mut held: Vec<(u32, u8, u64)> = Vec::new();
        for d in a..=b {
            if !rng.chance(active) {
                continue;
            }
            let k = rng.poisson(per_day).min(5);
            let mut times: Vec<i64> = (0..k).map(|_| p.time_on(rng, d)).filter(|&t| in_window(t)).collect();
            times.sort_unstable();
            for t in times {
                held.retain(|h| ctx.mk.is_open(h.0, t));
                if !held.is_empty() && rng.chance(0.15) {
                    let (m, o, sz) = held.swap_remove(rng.below(held.len() as u64) as usize);
                    sell(ctx, rng, w, m, o, sz, t, 1);
                    continue;
                }
                // the agent reads the news of the last day when it runs
                let recent: Vec<&(i64, u32, f32)> = news.iter().filter(|x| x.0 < t - 5 * MIN && x.0 > t - 20 * HOUR).collect();
                let (m, o) = if !recent.is_empty() && rng.chance(0.5) {
                    let &(_, m, j) = recent[rng.below(recent.len() as u64) as usize];
                    (Some(m), if j > 0.0 { 0 } else { 1 })
                } else if sports {
                    let up = upcoming(ctx, &games, t, DAY);
                    (by_vol(ctx, rng, &up), rng.below(2) as u8)
                } else {
                    (ctx.mk.pick_open(rng, &pool, t), rng.below(2) as u8)
                };
                let Some(m) = m else { continue };
                if !(4..=95).contains(&ctx.mk.ask(m, o, t, 0.0)) {
                    continue;
                }
                let h2 = human_usd(rng, stake, 0.5);
                let got = buy_usd(ctx, rng, w, m, o, h2, t, 1);
                if got > 0 {
                    held.push((m, o, got));
                }
            }
        }
    }
}

fn signal_group_autotrader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["politics", "econ", "culture", "long", "election", "nominee", "game", "strike"]);
    let channels = 3usize;
    let mut calls: Vec<Vec<(i64, u32, u8, bool)>> = Vec::new();
    for _ in 0..channels {
        let p = Person::new(rng);
        let (a, b) = p.days();
        let mut v: Vec<(i64, u32, u8, bool)> = Vec::new();
        let per_day = rng.uni(0.5, 2.5);
        for d in a..=b {
            for _ in 0..rng.poisson(per_day) {
                let t = p.time_on(rng, d);
                if !in_window(t) {
                    continue;
                }
                if !v.is_empty() && rng.chance(0.3) {
                    let (_, m, o, _) = v[rng.below(v.len() as u64) as usize];
                    v.push((t, m, o, false));
                } else if let Some(m) = ctx.mk.pick_open(rng, &pool, t) {
                    let o = rng.below(2) as u8;
                    if (5..=94).contains(&ctx.mk.ask(m, o, t, 0.0)) {
                        v.push((t, m, o, true));
                    }
                }
            }
        }
        v.sort_by_key(|x| x.0);
        calls.push(v);
    }
    for (i, &w) in ws.iter().enumerate() {
        let ch = &calls[i % channels];
        let stake = rng.lognormal(50.0, 0.7);
        let take_rate = rng.uni(0.6, 0.95);
        let s = Sched::new(rng);
        let mut held: HashMap<(u32, u8), u64> = HashMap::new();
        for &(t0, m, o, buy) in ch {
            let t = t0 + rng.int(3, 90);
            if !s.on(t) {
                continue;
            }
            if buy {
                if rng.chance(take_rate) {
                    let h1 = human_usd(rng, stake, 0.35);
                    let got = buy_usd(ctx, rng, w, m, o, h1, t, 2);
                    *held.entry((m, o)).or_insert(0) += got;
                }
            } else if let Some(h) = held.remove(&(m, o)) {
                sell(ctx, rng, w, m, o, h, t, 2);
            }
        }
    }
}
