//! Programs: how automated traders on Polymarket place and fill orders.

use super::ctx::{CROWD, Ctx, Fill, MIN_SZ, Tip, shares_for};
use super::people::{Persona, Taste, nice, pick, rest};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, MIN, SERIES};
use super::{NOW, W0};
use std::collections::BTreeMap;

pub enum Gen {
    One(fn(&mut Ctx, &mut Rng, u32)),
    Group(fn(&mut Ctx, &mut Rng, &[u32])),
}

pub fn behaviours() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("market_maker", 12, Gen::One(market_maker)),
        ("complement_arb", 10, Gen::One(complement_arb)),
        ("negrisk_basket_arb", 10, Gen::One(basket_arb)),
        ("resolution_sniper", 11, Gen::One(sniper)),
        ("copy_bot_onchain", 10, Gen::One(copy_onchain)),
        ("copy_bot_api_poller", 11, Gen::One(copy_poller)),
        ("twap_executor", 10, Gen::One(twap)),
        ("iceberg_executor", 10, Gen::One(iceberg)),
        ("liquidity_reward_farmer", 10, Gen::One(reward_farmer)),
        ("airdrop_volume_farmer", 12, Gen::One(volume_farmer)),
        ("wash_ring", 14, Gen::Group(wash_rings)),
        ("crypto_interval_bot", 12, Gen::One(interval_bot)),
        ("news_latency_bot", 10, Gen::One(news_bot)),
        ("cross_venue_arb", 10, Gen::One(cross_venue)),
        ("model_quant_bot", 10, Gen::One(quant)),
        ("new_market_sniper", 10, Gen::One(listing_sniper)),
        ("hard_llm_agent", 15, Gen::One(llm_agent)),
        ("hard_tipster_autoexec", 14, Gen::One(tipster_autoexec)),
        ("hard_slow_model_bot", 13, Gen::One(slow_model)),
    ]
}

// ---------------------------------------------------------------- shared pieces

/// When a program was running: deployed at some point, sometimes retired, with outages.
struct Uptime {
    from: i64,
    to: i64,
    cuts: Vec<(i64, i64)>,
}

impl Uptime {
    fn new(late_p: f64, outages: f64, rng: &mut Rng) -> Uptime {
        let from = if rng.chance(late_p) { W0 + rng.int(0, 22) * DAY + rng.int(0, DAY) } else { W0 - DAY };
        let to = if rng.chance(0.1) { (from.max(W0) + rng.int(5, 25) * DAY).min(NOW) } else { NOW };
        let mut cuts = Vec::new();
        for _ in 0..rng.poisson(outages) {
            let s = rng.int(from.max(W0), to);
            cuts.push((s, s + rng.exp(6.0 * HOUR as f64) as i64 + 10 * MIN));
        }
        Uptime { from, to, cuts }
    }

    fn up(&self, t: i64) -> bool {
        t >= self.from && t < self.to && (W0..NOW).contains(&t) && !self.cuts.iter().any(|c| t >= c.0 && t < c.1)
    }
}

fn shuffle<T>(rng: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

const MAJOR: [&str; 13] = ["nba", "nhl", "mlb", "epl", "lal", "sea", "bun", "fl1", "ucl", "atp", "wta", "ufc", "ipl"];

/// Markets of the categories (and tags, when given) whose life overlaps the window.
fn pool(ctx: &Ctx, cats: &[Cat], tags: &[&str]) -> Vec<u32> {
    let mut v = Vec::new();
    for &c in cats {
        for &id in &ctx.world.by_cat[c.idx()] {
            let m = ctx.m(id);
            if m.close > W0 && m.open < NOW && (tags.is_empty() || c != Cat::Sports && c != Cat::Crypto || tags.contains(&m.tag)) {
                v.push(id);
            }
        }
    }
    v
}

fn mine(ctx: &Ctx, start: usize, w: u32) -> usize {
    ctx.fills[start..].iter().filter(|f| f.w == w).count()
}

/// Whole shares (a program sizing in share units).
fn whole(x: f64) -> u64 {
    ((x.max(5.0)).round() as u64) * 100
}

fn crypto_tags(rng: &mut Rng) -> Vec<&'static str> {
    let mut v = vec![SERIES[*rng.pick(&[0usize, 0, 0, 4, 1, 5])].1];
    if rng.chance(0.4) {
        let extra = SERIES[rng.below(SERIES.len())].1;
        if !v.contains(&extra) {
            v.push(extra);
        }
    }
    v
}

// ---------------------------------------------------------------- market making

fn market_maker(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 4.0), rng);
    let profile = rng.weighted(&[0.35, 0.25, 0.25, 0.15]);
    let (cats, tags): (Vec<Cat>, Vec<&str>) = match profile {
        0 => (vec![Cat::Sports], MAJOR.to_vec()),
        1 => (vec![Cat::Politics, Cat::Econ], vec![]),
        2 => (vec![Cat::Crypto], crypto_tags(rng)),
        _ => (vec![Cat::Culture, Cat::Weather, Cat::Politics], vec![]),
    };
    let mut markets = pool(ctx, &cats, &tags);
    shuffle(rng, &mut markets);
    let quote = whole(*rng.pick(&[50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0, 1000.0, 2000.0]) * rng.range(0.9, 1.1));
    let share = rng.range(0.04, 0.3);
    let inplay = rng.chance(0.4);
    let target = rng.lognormal(1100.0, 0.7).clamp(250.0, 5000.0) as usize;
    let mut got = 0;
    for id in markets {
        if got >= target {
            break;
        }
        let m = ctx.m(id);
        if !up.up(m.close.min(NOW - 1)) && !up.up(m.open.max(W0)) {
            continue;
        }
        let rows = ctx.crowd_rows(id);
        let mut left = quote;
        for (k, r) in rows.iter().enumerate() {
            if !up.up(r.ts) || r.ts >= m.decided || (!inplay && m.cat == Cat::Sports && m.live(r.ts)) || !rng.chance(share) {
                continue;
            }
            if !ctx.claim(id, k) {
                continue;
            }
            let sz = r.sz.min(left);
            ctx.push(Fill { w, m: id, o: r.o, buy: !r.buy, c: r.c, sz, ts: r.ts, tx: r.tx });
            got += 1;
            left -= sz;
            if left < MIN_SZ {
                left = quote;
            }
        }
    }
}

// ---------------------------------------------------------------- arbitrage

fn complement_arb(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.25, rng.range(0.5, 3.0), rng);
    let mut cats = vec![Cat::Crypto];
    let mut tags = crypto_tags(rng);
    if rng.chance(0.5) {
        cats.push(Cat::Sports);
        tags.extend_from_slice(&MAJOR);
    }
    let thr = rng.range(0.05, 0.12) as f32;
    let cap = *rng.pick(&[20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2500.0]);
    let same_tx = rng.range(0.3, 0.9);
    let target = rng.lognormal(150.0, 0.6).clamp(40.0, 700.0);
    let mut opps = Vec::new();
    for id in pool(ctx, &cats, &tags) {
        for &(jt, d) in &ctx.m(id).jumps {
            if d.abs() >= thr && up.up(jt) && jt < ctx.m(id).decided {
                opps.push((jt, id, d));
            }
        }
    }
    let keep = (target / opps.len().max(1) as f64).min(1.0);
    for (jt, id, d) in opps {
        if !rng.chance(keep) {
            continue;
        }
        let m = ctx.m(id);
        let rising: u8 = if d > 0.0 { 0 } else { 1 };
        let stale = m.ask(rising, jt - m.path.step);
        let fresh = m.ask(1 - rising, jt);
        if stale + fresh >= 100 {
            continue;
        }
        let sz = whole(cap * rng.range(0.2, 1.0));
        let t = jt + rng.int(0, 2);
        if rng.chance(same_tx) {
            ctx.batch(w, &[(id, rising, true, stale, sz), (id, 1 - rising, true, fresh, sz)], t);
        } else {
            ctx.batch(w, &[(id, rising, true, stale, sz)], t);
            ctx.batch(w, &[(id, 1 - rising, true, fresh, sz)], t + rng.int(0, 2));
        }
    }
}

fn basket_arb(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 3.0), rng);
    let kinds: Vec<Cat> =
        [Cat::Weather, Cat::Econ, Cat::Politics, Cat::Culture, Cat::Sports].into_iter().filter(|_| rng.chance(0.6)).collect();
    let kinds = if kinds.is_empty() { vec![Cat::Weather] } else { kinds };
    let no_side = rng.range(0.0, 0.6);
    let edge = rng.int(1, 3) as i32;
    let cap = *rng.pick(&[20.0, 50.0, 100.0, 250.0, 500.0, 1000.0]);
    let target = rng.lognormal(45.0, 0.6).clamp(12.0, 180.0);
    let mut opps: Vec<(i64, usize)> = Vec::new();
    for (ei, e) in ctx.world.events.iter().enumerate() {
        if !e.neg_risk || e.markets.len() < 3 || !kinds.contains(&e.cat) {
            continue;
        }
        for &id in &e.markets {
            for &(jt, d) in &ctx.m(id).jumps {
                if d.abs() >= 0.04 && up.up(jt) && jt < e.decided {
                    opps.push((jt, ei));
                }
            }
        }
    }
    opps.sort_unstable();
    opps.dedup_by(|a, b| a.1 == b.1 && a.0 - b.0 < 5 * MIN);
    let keep = (target / opps.len().max(1) as f64).min(1.0);
    for (jt, ei) in opps {
        if !rng.chance(keep) {
            continue;
        }
        let legs: Vec<u32> = ctx.world.events[ei].markets.clone();
        let t = jt + rng.int(1, 6);
        if legs.iter().any(|&id| !ctx.ok(id, t)) {
            continue;
        }
        let before = jt - 60;
        let mut yes: Vec<i32> = legs.iter().map(|&id| (ctx.m(id).mid(0, before) * 100.0).round().clamp(1.0, 99.0) as i32).collect();
        let sz = whole(cap * rng.range(0.3, 1.0));
        let no = rng.chance(no_side);
        let k = legs.len() as i32;
        let ok = if no {
            // buy every No when the Yes side is overpriced in sum
            let mut guard = 0;
            while yes.iter().sum::<i32>() < 100 + edge && guard < 200 {
                let j = rng.below(yes.len());
                yes[j] = (yes[j] + 1).min(99);
                guard += 1;
            }
            yes.iter().sum::<i32>() >= 100 + edge && (100 * k - yes.iter().sum::<i32>()) <= 100 * (k - 1) - edge
        } else {
            let mut guard = 0;
            while yes.iter().sum::<i32>() > 100 - edge && guard < 300 {
                let j = (0..yes.len()).max_by_key(|&j| (yes[j], j)).unwrap_or(0);
                if yes[j] <= 1 {
                    break;
                }
                yes[j] -= 1;
                guard += 1;
            }
            yes.iter().sum::<i32>() <= 100 - edge
        };
        if !ok {
            continue;
        }
        let orders: Vec<(u32, u8, bool, i32, u64)> =
            legs.iter().zip(&yes).map(|(&id, &c)| if no { (id, 1, true, 100 - c, sz) } else { (id, 0, true, c, sz) }).collect();
        if rng.chance(0.7) {
            ctx.batch(w, &orders, t);
        } else {
            let mut x = t;
            for o in orders {
                ctx.batch(w, &[o], x);
                x += rng.int(0, 2);
            }
        }
    }
}

fn sniper(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 3.0), rng);
    let cats: Vec<Cat> =
        [Cat::Sports, Cat::Crypto, Cat::Weather, Cat::Econ, Cat::Culture].into_iter().filter(|_| rng.chance(0.55)).collect();
    let cats = if cats.is_empty() { vec![Cat::Sports] } else { cats };
    let tags = crypto_tags(rng);
    let max_c = rng.int(96, 99) as i32;
    let min_p = rng.range(0.88, 0.95);
    let usd = rng.lognormal(2500.0, 0.9).clamp(200.0, 30000.0);
    let target = rng.lognormal(150.0, 0.7).clamp(30.0, 500.0);
    let mut cands: Vec<u32> = pool(ctx, &cats, &[])
        .into_iter()
        .filter(|&id| {
            let m = ctx.m(id);
            m.decided > W0 && m.decided < NOW && (m.cat != Cat::Crypto || tags.contains(&m.tag))
        })
        .collect();
    let keep = (target / cands.len().max(1) as f64).min(1.0);
    cands.retain(|_| rng.chance(keep));
    for id in cands {
        let m = ctx.m(id);
        let look = match m.cat {
            Cat::Crypto => 3 * MIN,
            Cat::Weather => 8 * HOUR,
            Cat::Sports => 45 * MIN,
            _ => 20 * MIN,
        };
        // the first moment the outcome looks settled and the ask is still under the cap
        let mut x = (m.decided - look).max(m.open);
        let mut found = None;
        while x <= m.decided + 2 * MIN {
            let o = m.favourite(x);
            if m.mid(o, x) >= min_p && m.ask(o, x) <= max_c {
                found = Some((x, o));
                break;
            }
            x += m.path.step;
        }
        let Some((x, o)) = found else { continue };
        let t = x + rng.int(1, if m.cat == Cat::Crypto { 6 } else { 25 });
        if !up.up(t) || !ctx.ok(id, t) {
            continue;
        }
        ctx.buy_usd(w, id, o, t, usd * rng.range(0.4, 1.3), max_c);
    }
}

// ---------------------------------------------------------------- copy trading

/// A leader's orders: fills grouped by transaction.
fn leader_orders(rows: &[Fill]) -> Vec<(i64, u32, u8, bool, u64, i32)> {
    let mut out: Vec<(i64, u32, u8, bool, u64, i32)> = Vec::new();
    let mut last_tx = u64::MAX;
    for f in rows {
        if f.tx == last_tx {
            if let Some(o) = out.last_mut() {
                o.4 += f.sz;
            }
            continue;
        }
        last_tx = f.tx;
        out.push((f.ts, f.m, f.o, f.buy, f.sz, f.c));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn copy_common(
    ctx: &mut Ctx,
    rng: &mut Rng,
    w: u32,
    leaders: &[usize],
    lag: &dyn Fn(&mut Rng, i64) -> i64,
    ratio: Option<f64>,
    fixed: f64,
    sells: bool,
    skip: f64,
    up: &Uptime,
) {
    let mut orders = Vec::new();
    for &li in leaders {
        if let Some((_, rows)) = ctx.leaders.get(li) {
            orders.extend(leader_orders(rows));
        }
    }
    orders.sort_unstable_by_key(|o| o.0);
    let mut lpos: BTreeMap<(u32, u8), u64> = BTreeMap::new();
    let mut pos: BTreeMap<(u32, u8), u64> = BTreeMap::new();
    let slip = rng.int(2, 6) as i32;
    for (ts, m, o, buy, sz, c) in orders {
        let before = *lpos.get(&(m, o)).unwrap_or(&0);
        if buy {
            *lpos.entry((m, o)).or_insert(0) += sz;
        } else {
            lpos.insert((m, o), before.saturating_sub(sz));
        }
        let t = lag(rng, ts);
        if !up.up(t) || rng.chance(skip) || !ctx.ok(m, t) {
            continue;
        }
        if buy {
            let want = match ratio {
                Some(r) => ((sz as f64 * r) / 100.0 * 100.0) as u64,
                None => shares_for(fixed, c),
            }
            .max(MIN_SZ);
            let got = ctx.buy_shares(w, m, o, t, want, (c + slip).min(99));
            *pos.entry((m, o)).or_insert(0) += got;
        } else if sells {
            let have = *pos.get(&(m, o)).unwrap_or(&0);
            if have < MIN_SZ {
                continue;
            }
            let frac = if before == 0 { 1.0 } else { (sz as f64 / before as f64).min(1.0) };
            let mut q = (have as f64 * frac) as u64;
            if have - q < MIN_SZ {
                q = have;
            }
            let got = ctx.sell_shares(w, m, o, t, q.max(MIN_SZ).min(have), (c - slip).max(1));
            pos.insert((m, o), have - got);
        }
    }
}

fn copy_onchain(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.3, rng.range(0.5, 4.0), rng);
    let n = ctx.leaders.len();
    let li = rng.weighted(&[0.25, 0.2, 0.15, 0.25, 0.08, 0.07]).min(n - 1);
    let mut leaders = vec![li];
    if rng.chance(0.3) {
        leaders.push((li + 1 + rng.below(n - 1)) % n);
    }
    let blocks = rng.int(1, 3);
    let lag = move |r: &mut Rng, ts: i64| ts + 2 * blocks + r.int(0, 2);
    let ratio = if rng.chance(0.6) { Some(rng.range(0.005, 0.12)) } else { None };
    let fixed = rng.range(5.0, 120.0);
    let skip = rng.range(0.0, 0.08);
    copy_common(ctx, rng, w, &leaders, &lag, ratio, fixed, true, skip, &up);
}

fn copy_poller(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.3, rng.range(1.0, 5.0), rng);
    let n = ctx.leaders.len();
    let li = rng.weighted(&[0.25, 0.2, 0.15, 0.25, 0.08, 0.07]).min(n - 1);
    let mut leaders = vec![li];
    for _ in 0..rng.int(0, 2) {
        let x = rng.below(n);
        if !leaders.contains(&x) {
            leaders.push(x);
        }
    }
    let every = *rng.pick(&[5, 10, 15, 20, 30, 60]);
    let api = rng.int(3, 25);
    let lag = move |r: &mut Rng, ts: i64| {
        let seen = ts + api + r.int(0, 10);
        (seen.div_euclid(every) + 1) * every + r.int(0, 2)
    };
    let ratio = if rng.chance(0.35) { Some(rng.range(0.005, 0.06)) } else { None };
    let fixed = nice(rng.range(5.0, 250.0));
    let sells = rng.chance(0.6);
    let skip = rng.range(0.02, 0.15);
    copy_common(ctx, rng, w, &leaders, &lag, ratio, fixed, sells, skip, &up);
}

// ---------------------------------------------------------------- execution algorithms

fn twap(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.1, 0.5, rng);
    let interval = *rng.pick(&[15.0, 30.0, 60.0, 90.0, 120.0, 300.0, 600.0]) * rng.range(0.9, 1.1);
    let jitter = *rng.pick(&[0.0, 0.0, 0.05, 0.1, 0.25]);
    let random_child = rng.chance(0.35);
    let parents = rng.int(2, 9);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.4), (Cat::Econ, 0.2), (Cat::Sports, 0.3), (Cat::Culture, 0.1)]);
    taste.horizon = (4 * HOUR, i64::MAX / 4);
    taste.lo = 0.1;
    taste.hi = 0.9;
    let mut held: Vec<(u32, u8, u64)> = Vec::new();
    for _ in 0..parents {
        let t0 = rng.int(W0, NOW - 2 * HOUR);
        if !up.up(t0) {
            continue;
        }
        let sell = !held.is_empty() && rng.chance(0.3);
        let (m, o, total) = if sell {
            let k = rng.below(held.len());
            let h = held.remove(k);
            (h.0, h.1, h.2)
        } else {
            let Some((m, o)) = pick(ctx, rng, &taste, t0) else { continue };
            let usd = rng.lognormal(15000.0, 0.8).clamp(2000.0, 250000.0);
            (m, o, shares_for(usd, ctx.m(m).ask(o, t0)))
        };
        let n = rng.int(20, 160) as u64;
        let child = whole(total as f64 / 100.0 / n as f64);
        let ref_c = if sell { ctx.m(m).bid(o, t0) } else { ctx.m(m).ask(o, t0) };
        let band = rng.int(2, 6) as i32;
        let mut t = t0 as f64;
        let mut done = 0;
        for _ in 0..n {
            let ts = t as i64;
            if !up.up(ts) || !ctx.ok(m, ts) {
                break;
            }
            let sz = if random_child { whole(child as f64 / 100.0 * rng.range(0.8, 1.2)) } else { child };
            done += if sell { ctx.sell_shares(w, m, o, ts, sz, ref_c - band) } else { ctx.buy_shares(w, m, o, ts, sz, ref_c + band) };
            t += interval * (1.0 + jitter * (2.0 * rng.f64() - 1.0));
        }
        if !sell && done > 0 {
            held.push((m, o, done));
        }
    }
}

fn iceberg(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.1, 0.5, rng);
    let clip = whole(*rng.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]));
    let queue = rng.range(0.3, 0.9);
    let parents = rng.int(4, 14);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.35), (Cat::Sports, 0.4), (Cat::Econ, 0.15), (Cat::Crypto, 0.1)]);
    taste.horizon = (3 * HOUR, i64::MAX / 4);
    taste.lo = 0.08;
    taste.hi = 0.92;
    for _ in 0..parents {
        let t0 = rng.int(W0, NOW - HOUR);
        if !up.up(t0) {
            continue;
        }
        let Some((m, o)) = pick(ctx, rng, &taste, t0) else { continue };
        let buy = rng.chance(0.7);
        let mut total = clip * rng.int(8, 60) as u64;
        let t1 = t0 + rng.int(4 * HOUR, 72 * HOUR);
        let rows = ctx.crowd_rows(m);
        let mk = ctx.m(m);
        let mut left = clip;
        for (k, r) in rows.iter().enumerate() {
            if total < MIN_SZ {
                break;
            }
            if r.ts < t0 || r.ts >= t1 || !up.up(r.ts) {
                continue;
            }
            let peg = if buy { mk.bid(o, r.ts) } else { mk.ask(o, r.ts) };
            // matched directly (a taker on the other side of this token) or through the
            // complement (a taker doing the same on the other outcome at 1 - price)
            let direct = r.o == o && r.buy != buy && r.c == peg;
            let complement = r.o != o && r.buy == buy && r.c == 100 - peg;
            if !(direct || complement) || !rng.chance(queue) || !ctx.claim(m, k) {
                continue;
            }
            let sz = r.sz.min(left).min(total);
            if sz < MIN_SZ {
                continue;
            }
            ctx.push(Fill { w, m, o, buy, c: peg, sz, ts: r.ts, tx: r.tx });
            left -= sz;
            total -= sz;
            if left < MIN_SZ {
                left = clip;
            }
        }
    }
}

// ---------------------------------------------------------------- farming

fn reward_farmer(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.3, rng.range(0.5, 3.0), rng);
    let cats = [Cat::Politics, Cat::Sports, Cat::Culture, Cat::Econ];
    let mut markets: Vec<u32> = pool(ctx, &cats, &MAJOR).into_iter().filter(|&id| ctx.m(id).pop > 0.25).collect();
    shuffle(rng, &mut markets);
    let size = whole(*rng.pick(&[20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0]));
    let share = rng.range(0.02, 0.12);
    let flatten = rng.range(0.4, 1.0);
    let delay = rng.int(1, 40);
    let target = rng.lognormal(420.0, 0.6).clamp(100.0, 1800.0) as usize;
    let start = ctx.fills.len();
    for id in markets {
        if mine(ctx, start, w) >= target {
            break;
        }
        let m = ctx.m(id);
        let rows = ctx.crowd_rows(id);
        for (k, r) in rows.iter().enumerate() {
            if !up.up(r.ts) || r.ts >= m.decided || m.live(r.ts) && m.cat == Cat::Sports || !rng.chance(share) || !ctx.claim(id, k) {
                continue;
            }
            let sz = r.sz.min(size);
            ctx.push(Fill { w, m: id, o: r.o, buy: !r.buy, c: r.c, sz, ts: r.ts, tx: r.tx });
            if rng.chance(flatten) {
                let t = r.ts + delay + rng.int(0, delay);
                if r.buy {
                    ctx.buy_shares(w, id, r.o, t, sz, 99);
                } else {
                    ctx.sell_shares(w, id, r.o, t, sz, 1);
                }
            }
        }
    }
}

fn volume_farmer(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.35, 1.0, rng);
    // sybil farms share one script: the wallet index picks the operator
    let operator = w as u64 % 3;
    let mut op = Rng::stream("farm-operator", operator);
    let hour0 = op.range(0.0, 24.0);
    let lo = op.range(3.0, 30.0);
    let hi = lo * op.range(1.3, 3.0);
    let hold = (op.int(3, 20), op.int(30, 180));
    let day_p = rng.range(0.2, 0.85);
    let per_day = rng.int(4, 32);
    let hours = rng.range(1.0, 8.0);
    let taste = {
        let mut t = Taste::new(vec![(Cat::Sports, 0.4), (Cat::Crypto, 0.3), (Cat::Politics, 0.3)]);
        t.lo = 0.2;
        t.hi = 0.8;
        t
    };
    for d in (W0 / DAY)..=(NOW / DAY) {
        if !rng.chance(day_p) {
            continue;
        }
        let start = d * DAY + ((hour0 + rng.range(-0.3, 0.3)) * HOUR as f64) as i64;
        let every = (hours * HOUR as f64 / per_day as f64).max(30.0);
        let mut t = start as f64;
        for _ in 0..per_day {
            let ts = t as i64;
            t += every * rng.range(0.6, 1.4);
            if !up.up(ts) {
                continue;
            }
            let Some((m, o)) = pick(ctx, rng, &taste, ts) else { continue };
            let usd = (rng.range(lo, hi) * 100.0).round() / 100.0;
            let (got, _) = ctx.buy_usd(w, m, o, ts, usd, 99);
            if got > 0 {
                let t2 = ts + rng.int(hold.0, hold.1);
                if ctx.sell_shares(w, m, o, t2, got, 1) == 0 {
                    ctx.sell_shares(w, m, o, t2 + 60, got, 1);
                }
            }
        }
    }
}

fn wash_rings(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let mut i = 0;
    let mut ring_no = 0u64;
    while i < ws.len() {
        let left = ws.len() - i;
        let k = if left <= 5 { left } else { rng.int(3, 4) as usize };
        let ring: Vec<u32> = ws[i..i + k].to_vec();
        i += k;
        let mut r = Rng::stream("wash-ring", ring_no);
        ring_no += 1;
        wash_ring(ctx, &mut r, &ring);
    }
}

fn wash_ring(ctx: &mut Ctx, rng: &mut Rng, ring: &[u32]) {
    let cats = [Cat::Culture, Cat::Weather, Cat::Politics, Cat::Sports];
    let thin: Vec<u32> = pool(ctx, &cats, &["cs2", "lol", "atp", "wta", "ipl"]).into_iter().filter(|&id| ctx.m(id).pop < 0.6).collect();
    let base = *rng.pick(&[250.0, 500.0, 1000.0, 2000.0, 5000.0]);
    let exact = rng.chance(0.5);
    let sessions = rng.int(8, 30);
    let hour0 = rng.range(0.0, 24.0);
    for _ in 0..sessions {
        let day = rng.int(W0 / DAY, NOW / DAY);
        let t0 = day * DAY + ((hour0 + rng.range(-2.0, 2.0)).rem_euclid(24.0) * HOUR as f64) as i64;
        let live: Vec<u32> = thin.iter().copied().filter(|&id| ctx.ok(id, t0) && ctx.m(id).decided > t0 + 3 * HOUR).collect();
        if live.is_empty() {
            continue;
        }
        let m = *rng.pick(&live);
        let o = rng.below(2) as u8;
        let mut inv: Vec<u64> = vec![0; ring.len()];
        let first = rng.below(ring.len());
        inv[first] = ctx.buy_shares(ring[first], m, o, t0, whole(base * 2.0), 99);
        if inv[first] < MIN_SZ {
            continue;
        }
        let n = rng.int(10, 60);
        let gap = rng.range(20.0, 300.0);
        let mut t = t0 as f64 + gap;
        for _ in 0..n {
            let ts = t as i64;
            t += gap * rng.range(0.5, 1.5);
            let s = (0..ring.len()).max_by_key(|&j| (inv[j], j)).unwrap_or(0);
            let mut b = rng.below(ring.len());
            if b == s {
                b = (b + 1) % ring.len();
            }
            let sz = if exact { whole(base) } else { whole(base * rng.range(0.7, 1.3)) }.min(inv[s]);
            if sz < MIN_SZ || !ctx.ok(m, ts) {
                break;
            }
            let (bid, ask) = ctx.m(m).quote(o, ts);
            let c = rng.int(i64::from(bid), i64::from(ask)) as i32;
            let seller_takes = rng.chance(0.5);
            let done = if seller_takes {
                ctx.cross(ring[s], ring[b], m, o, false, c, sz, ts)
            } else {
                ctx.cross(ring[b], ring[s], m, o, true, c, sz, ts)
            };
            if done {
                inv[s] -= sz;
                inv[b] += sz;
            }
        }
    }
}

// ---------------------------------------------------------------- signal-driven programs

fn interval_bot(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(1.0, 6.0), rng);
    let mut series = vec![*rng.pick(&[0u8, 0, 0, 0, 1, 2, 4, 4, 5])];
    if rng.chance(0.35) {
        let s = rng.below(SERIES.len()) as u8;
        if !series.contains(&s) {
            series.push(s);
        }
    }
    let strategy = rng.weighted(&[0.5, 0.25, 0.25]);
    let take = rng.range(0.3, 0.95);
    let offset = rng.int(15, 180);
    let theta = rng.range(0.08, 0.3);
    let cap = rng.int(85, 97) as i32;
    let fixed_shares = rng.chance(0.6);
    let size = *rng.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0]);
    let usd = rng.range(5.0, 200.0);
    let ladder = rng.int(2, 8) as i32;
    let stop = rng.chance(0.3);
    for &s in &series {
        let len = SERIES[s as usize].2;
        let mut start = (W0.div_euclid(len) + 1) * len;
        while start + len < NOW {
            let Some(id) = ctx.world.window(s, start) else {
                start += len;
                continue;
            };
            start += len;
            if !rng.chance(take) {
                continue;
            }
            let m = ctx.m(id);
            let (s0, e) = (m.start, m.decided);
            if !up.up(s0) {
                continue;
            }
            let sz = if fixed_shares { whole(size) } else { shares_for(usd, 50) };
            match strategy {
                0 | 1 => {
                    let t = if strategy == 0 { e - offset - rng.int(0, 3) } else { s0 + offset / 3 + rng.int(0, 3) };
                    let p = m.mid(0, t);
                    let th = if strategy == 0 { theta } else { theta / 4.0 };
                    if (p - 0.5).abs() < th {
                        continue;
                    }
                    let lead = m.favourite(t);
                    let got = ctx.buy_shares(w, id, lead, t, sz, cap);
                    if stop && got > 0 {
                        let x = e - rng.int(5, 15);
                        if m.mid(lead, x) < 0.3 {
                            ctx.sell_shares(w, id, lead, x, got, 1);
                        }
                    }
                }
                _ => {
                    let c = 50 - ladder;
                    for o in 0..2u8 {
                        let mut x = s0 + rng.int(1, 5);
                        while x < e {
                            if m.bid(o, x) <= c {
                                ctx.maker(w, id, o, true, c, sz, x + rng.int(0, 9));
                                break;
                            }
                            x += 10;
                        }
                    }
                }
            }
        }
    }
}

fn news_bot(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 3.0), rng);
    let cats: Vec<Cat> = [Cat::Sports, Cat::Econ, Cat::Politics, Cat::Culture].into_iter().filter(|_| rng.chance(0.6)).collect();
    let cats = if cats.is_empty() { vec![Cat::Sports] } else { cats };
    let theta = rng.range(0.06, 0.2) as f32;
    let latency = (rng.int(1, 2), rng.int(2, 5));
    let usd = rng.lognormal(1200.0, 0.8).clamp(150.0, 8000.0);
    let exit_p = rng.range(0.3, 0.85);
    let exit_after = rng.int(2, 40) * MIN;
    let target = rng.lognormal(120.0, 0.6).clamp(30.0, 450.0);
    let mut opps = Vec::new();
    for id in pool(ctx, &cats, &MAJOR) {
        let m = ctx.m(id);
        for &(jt, d) in &m.jumps {
            if d.abs() >= theta && up.up(jt) && jt < m.decided {
                opps.push((jt, id, d));
            }
        }
    }
    let keep = (target / opps.len().max(1) as f64).min(1.0);
    for (jt, id, d) in opps {
        if !rng.chance(keep) {
            continue;
        }
        let m = ctx.m(id);
        let o: u8 = if d > 0.0 { 0 } else { 1 };
        let t = jt + rng.int(latency.0, latency.1);
        if !ctx.ok(id, t) {
            continue;
        }
        let stale = m.ask(o, jt - m.path.step);
        let fresh = m.ask(o, t);
        if fresh <= stale {
            continue;
        }
        let mut legs = Vec::new();
        let mut left = usd * rng.range(0.6, 1.2);
        let mut c = stale;
        while left > 1.0 && c < fresh && legs.len() < 4 {
            let take = left.min(m.depth * rng.range(0.2, 0.8));
            let sz = shares_for(take, c).max(MIN_SZ);
            legs.push((id, o, true, c, sz));
            left -= take;
            c += 1 + (fresh - stale) / 4;
        }
        if legs.is_empty() || !ctx.batch(w, &legs, t) {
            continue;
        }
        let got: u64 = legs.iter().map(|l| l.4).sum();
        if rng.chance(exit_p) {
            let x = t + exit_after / 2 + rng.int(0, exit_after);
            ctx.sell_shares(w, id, o, x, got, 1);
        }
    }
}

fn cross_venue(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 3.0), rng);
    let cats: Vec<Cat> = if rng.chance(0.6) { vec![Cat::Sports] } else { vec![Cat::Politics, Cat::Econ] };
    let tags: Vec<&str> = MAJOR.iter().copied().filter(|_| rng.chance(0.6)).collect();
    let mut markets = pool(ctx, &cats, &tags);
    shuffle(rng, &mut markets);
    let thr = rng.range(1.5, 4.0);
    let cap = rng.range(300.0, 6000.0);
    let cool = rng.int(3, 20) * MIN;
    let ou = rng.range(0.004, 0.007);
    let target = rng.lognormal(450.0, 0.6).clamp(100.0, 1800.0) as usize;
    let start = ctx.fills.len();
    for id in markets {
        if mine(ctx, start, w) >= target {
            break;
        }
        let m = ctx.m(id);
        let from = m.open.max(W0).max(if m.cat == Cat::Sports { m.start - 18 * HOUR } else { W0 });
        let to = m.decided.min(NOW).min(m.close);
        let mut d = 0.0;
        let mut pos = [0u64; 2];
        let mut next = from;
        let mut t = from;
        while t < to {
            d = 0.93 * d + ou * rng.normal();
            let ts = t + rng.int(0, 59);
            t += MIN;
            if ts < next || !up.up(ts) || !ctx.ok(id, ts) {
                continue;
            }
            let ext = (m.mid(0, ts) + d) * 100.0;
            let (bid, ask) = m.quote(0, ts);
            let room = m.depth * rng.range(0.2, 1.0);
            if f64::from(ask) <= ext - thr && (pos[0] as f64) / 100.0 < cap {
                let sz = (shares_for(room, ask) as f64 * rng.range(0.3, 1.0)) as u64;
                if pos[1] >= MIN_SZ {
                    pos[1] -= ctx.sell_shares(w, id, 1, ts, sz.min(pos[1]).max(MIN_SZ).min(pos[1]), 1);
                } else {
                    pos[0] += ctx.buy_shares(w, id, 0, ts, sz.max(MIN_SZ), ask);
                }
                next = ts + cool;
            } else if f64::from(bid) >= ext + thr && (pos[1] as f64) / 100.0 < cap {
                let sz = (shares_for(room, 100 - bid) as f64 * rng.range(0.3, 1.0)) as u64;
                if pos[0] >= MIN_SZ {
                    pos[0] -= ctx.sell_shares(w, id, 0, ts, sz.min(pos[0]).max(MIN_SZ).min(pos[0]), 1);
                } else {
                    pos[1] += ctx.buy_shares(w, id, 1, ts, sz.max(MIN_SZ), 100 - bid);
                }
                next = ts + cool;
            }
        }
    }
}

fn quant(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.2, rng.range(0.5, 3.0), rng);
    let every = *rng.pick(&[5, 10, 15, 15, 30, 60]) * MIN;
    let lag = rng.int(2, 50);
    let mut universe: Vec<u32> =
        pool(ctx, &[Cat::Politics, Cat::Econ, Cat::Culture], &[]).into_iter().filter(|&id| ctx.m(id).close > NOW - 5 * DAY).collect();
    shuffle(rng, &mut universe);
    universe.truncate(rng.int(6, 25) as usize);
    let bank = rng.lognormal(20000.0, 0.8);
    let kelly = rng.range(0.1, 0.5);
    let edge_min = rng.range(0.02, 0.05);
    let min_trade = rng.range(20.0, 250.0);
    let target = rng.lognormal(380.0, 0.6).clamp(100.0, 1500.0) as usize;
    let bias: Vec<f64> = universe.iter().map(|_| 0.03 * rng.normal()).collect();
    let mut pos: Vec<(u8, u64)> = vec![(0, 0); universe.len()];
    let start = ctx.fills.len();
    let mut scan = (W0 / every + 1) * every;
    while scan < NOW && mine(ctx, start, w) < target {
        let t0 = scan + lag;
        scan += every;
        if !up.up(t0) {
            continue;
        }
        let mut t = t0;
        for (j, &id) in universe.iter().enumerate() {
            t += rng.int(0, 3);
            if !ctx.ok(id, t) || ctx.m(id).decided <= t {
                continue;
            }
            let m = ctx.m(id);
            let mid = m.mid(0, t);
            let model = (0.5 * mid + 0.5 * m.mid(0, t - 8 * HOUR) + bias[j]).clamp(0.02, 0.98);
            let edge = model - mid;
            let want_side: u8 = if edge >= 0.0 { 0 } else { 1 };
            let price = m.mid(want_side, t).clamp(0.02, 0.98);
            let want = if edge.abs() < edge_min { 0.0 } else { bank * kelly * edge.abs() / (1.0 - price) / price };
            let want_sz = (want * 100.0) as u64;
            let (side, have) = pos[j];
            if have >= MIN_SZ && side != want_side {
                let got = ctx.sell_shares(w, id, side, t, have, 1);
                pos[j] = (side, have - got);
                continue;
            }
            if want_sz > have && (want_sz - have) as f64 / 100.0 * price >= min_trade {
                let got = ctx.buy_shares(w, id, want_side, t, want_sz - have, (price * 100.0) as i32 + 2);
                pos[j] = (want_side, have + got);
            } else if have > want_sz && (have - want_sz) as f64 / 100.0 * price >= min_trade {
                let got = ctx.sell_shares(w, id, side, t, have - want_sz, 1);
                pos[j] = (side, have - got);
            }
        }
    }
}

fn listing_sniper(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.25, rng.range(0.5, 3.0), rng);
    let cats: Vec<Cat> = [Cat::Sports, Cat::Weather, Cat::Crypto, Cat::Culture].into_iter().filter(|_| rng.chance(0.55)).collect();
    let cats = if cats.is_empty() { vec![Cat::Sports] } else { cats };
    let tags = crypto_tags(rng);
    let usd = rng.lognormal(120.0, 0.7).clamp(15.0, 1500.0);
    let exit_p = rng.range(0.3, 0.9);
    let target = rng.lognormal(160.0, 0.6).clamp(40.0, 500.0);
    let mut cands: Vec<u32> = pool(ctx, &cats, &[])
        .into_iter()
        .filter(|&id| {
            let m = ctx.m(id);
            m.open >= W0 && m.open < NOW - HOUR && (m.cat != Cat::Crypto || tags.contains(&m.tag))
        })
        .collect();
    let keep = (target / cands.len().max(1) as f64).min(1.0);
    cands.retain(|_| rng.chance(keep));
    for id in cands {
        let m = ctx.m(id);
        let t = m.open + rng.int(1, 8);
        if !up.up(t) {
            continue;
        }
        let later = m.mid(0, (m.open + 2 * HOUR).min(m.close - 1));
        let o: u8 = if later >= m.mid(0, t) { 0 } else { 1 };
        let (got, _) = ctx.buy_usd(w, id, o, t, usd * rng.range(0.5, 1.5), 99);
        if got > 0 && rng.chance(exit_p) {
            let x = t + rng.int(10 * MIN, 8 * HOUR);
            ctx.sell_shares(w, id, o, x, got, 1);
        }
    }
}

// ---------------------------------------------------------------- programs at a person's pace

fn llm_agent(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.35, rng.range(0.5, 2.0), rng);
    let period = *rng.pick(&[1, 2, 2, 3, 4, 4, 6, 8, 12]) * HOUR;
    let cron = rng.chance(0.6);
    let minute = *rng.pick(&[0, 0, 5, 15, 30]) * MIN;
    let think = (rng.int(15, 60), rng.int(60, 300));
    let lambda = rng.range(0.1, 0.6);
    let bank = rng.lognormal(800.0, 0.8).clamp(100.0, 8000.0);
    let frac = rng.range(0.02, 0.1);
    let rounding = rng.weighted(&[0.5, 0.3, 0.2]);
    let limit_p = rng.range(0.0, 0.4);
    let insight = rng.range(0.5, 0.68);
    let take = rng.range(10.0, 25.0);
    let stop = rng.range(12.0, 35.0);
    let mut taste = Taste::new(vec![(Cat::Politics, 0.35), (Cat::Econ, 0.2), (Cat::Culture, 0.25), (Cat::Sports, 0.2)]);
    taste.horizon = (6 * HOUR, i64::MAX / 4);
    taste.lo = 0.08;
    taste.hi = 0.92;
    let mut pos: BTreeMap<(u32, u8), (u64, i32)> = BTreeMap::new();
    let mut paused_until = W0;
    let mut t = if cron { (up.from.max(W0) / period + 1) * period + minute } else { up.from.max(W0) + rng.int(0, period) };
    while t < NOW {
        let run = t + rng.int(think.0, think.1);
        t = if cron { t + period } else { t + period + rng.int(-20 * MIN, 20 * MIN) };
        if run < paused_until || !up.up(run) {
            continue;
        }
        if rng.chance(0.01) {
            paused_until = run + rng.int(1, 4) * DAY;
            continue;
        }
        let mut x = run;
        // review holdings
        let held: Vec<(u32, u8)> = pos.keys().copied().collect();
        for (m, o) in held {
            let Some(&(sz, c0)) = pos.get(&(m, o)) else { continue };
            if !ctx.ok(m, x) || ctx.m(m).decided <= x {
                continue;
            }
            let now = ctx.m(m).bid(o, x);
            if (f64::from(now - c0) >= take || f64::from(c0 - now) >= stop) && rng.chance(0.7) {
                ctx.sell_shares(w, m, o, x, sz, 1);
                pos.remove(&(m, o));
                x += rng.int(5, 40);
            }
        }
        for _ in 0..rng.poisson(lambda).min(3) {
            let Some((m, _)) = pick(ctx, rng, &taste, x) else { continue };
            let mk = ctx.m(m);
            let later = mk.mid(0, (x + DAY).min(mk.close - 1).min(NOW - 1));
            let o: u8 = if rng.chance(insight) { if later >= mk.mid(0, x) { 0 } else { 1 } } else { rng.below(2) as u8 };
            let raw = bank * frac * rng.range(0.5, 1.5);
            let usd = match rounding {
                0 => raw.round().max(1.0),
                1 => ((raw / 5.0).round() * 5.0).max(5.0),
                _ => (raw * 100.0).round() / 100.0,
            };
            let c = mk.ask(o, x);
            let got = if rng.chance(limit_p) {
                let lim = (c - 1).max(1);
                rest(ctx, rng, w, m, o, true, lim, shares_for(usd, lim).max(MIN_SZ), x)
            } else {
                ctx.buy_usd(w, m, o, x, usd, 99).0
            };
            if got > 0 {
                let e = pos.entry((m, o)).or_insert((0, c));
                e.0 += got;
            }
            x += rng.int(5, 60);
        }
    }
}

/// Tipster channels: picks posted by people, at people's hours, on sports.
pub fn tipsters(ctx: &mut Ctx) {
    for ch in 0..4u64 {
        let mut rng = Rng::stream("tipster", ch);
        let tz = [-4.0, 1.0, 0.0, -5.0][ch as usize];
        let p = Persona { tz, wake: 9.0, bed: 25.0, from: W0, to: NOW, weekday_p: 1.0, weekend_p: 1.0, sessions: 1.0, peaks: Vec::new() };
        let tags: Vec<&str> = match ch {
            0 => vec!["nba", "nhl", "mlb"],
            1 => vec!["epl", "lal", "sea", "bun", "fl1", "ucl"],
            2 => vec!["atp", "wta", "epl", "ucl"],
            _ => vec!["nba", "ufc", "mlb", "nhl"],
        };
        let per_day = rng.range(1.5, 4.0);
        let mut tips = Vec::new();
        let games: Vec<u32> = ctx.world.by_cat[Cat::Sports.idx()].iter().copied().filter(|&id| tags.contains(&ctx.m(id).tag)).collect();
        for d in (W0 / DAY)..=(NOW / DAY) {
            let today: Vec<u32> =
                games.iter().copied().filter(|&id| ctx.m(id).start / DAY == d && ctx.m(id).start > W0 + 8 * HOUR).collect();
            if today.is_empty() {
                continue;
            }
            for _ in 0..rng.poisson(per_day).min(today.len() as u64) {
                let id = *rng.pick(&today);
                let m = ctx.m(id);
                let inplay = rng.chance(0.15);
                let t = if inplay { m.start + rng.int(5 * MIN, 50 * MIN) } else { m.start - rng.int(30 * MIN, 8 * HOUR) };
                if !p.awake(t) || !m.trading(t) || t >= NOW {
                    continue;
                }
                let o = if rng.chance(0.6) { m.favourite(t) } else { 1 - m.favourite(t) };
                let units = *rng.pick(&[0.5, 1.0, 1.0, 1.0, 1.5, 2.0, 2.0, 3.0]);
                tips.push(Tip { t, m: id, o, units });
                if rng.chance(0.12) {
                    let x = m.start + rng.int(20 * MIN, (m.decided - m.start).max(21 * MIN));
                    if x < m.decided && x < NOW {
                        tips.push(Tip { t: x, m: id, o, units: -1.0 });
                    }
                }
            }
        }
        tips.sort_by_key(|t| (t.t, t.m));
        ctx.tips.push(tips);
    }
}

fn tipster_autoexec(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.4, rng.range(0.5, 2.0), rng);
    let ch = rng.weighted(&[0.35, 0.3, 0.15, 0.2]).min(ctx.tips.len() - 1);
    let tips = ctx.tips[ch].clone();
    let fast = rng.chance(0.6);
    let lat = if fast { (rng.int(1, 3), rng.int(3, 8)) } else { (rng.int(8, 20), rng.int(20, 90)) };
    let unit = if rng.chance(0.55) { nice(rng.range(10.0, 150.0)) } else { (rng.range(8.0, 120.0) * 100.0).round() / 100.0 };
    let follow = rng.range(0.7, 0.98);
    let slip = rng.int(2, 5) as i32;
    let exits = rng.chance(0.7);
    let mut pos: BTreeMap<(u32, u8), u64> = BTreeMap::new();
    for tip in tips {
        let t = tip.t + rng.int(lat.0, lat.1);
        if !up.up(t) || !ctx.ok(tip.m, t) {
            continue;
        }
        if tip.units < 0.0 {
            if exits && let Some(sz) = pos.remove(&(tip.m, tip.o)) {
                ctx.sell_shares(w, tip.m, tip.o, t, sz, 1);
            }
            continue;
        }
        if !rng.chance(follow) {
            continue;
        }
        let c = ctx.m(tip.m).ask(tip.o, tip.t);
        let (got, _) = ctx.buy_usd(w, tip.m, tip.o, t, unit * tip.units, (c + slip).min(99));
        *pos.entry((tip.m, tip.o)).or_insert(0) += got;
    }
}

fn slow_model(ctx: &mut Ctx, rng: &mut Rng, w: u32) {
    let up = Uptime::new(0.3, rng.range(0.3, 1.5), rng);
    let domain = rng.weighted(&[0.5, 0.3, 0.2]);
    let runs: Vec<i64> =
        (0..*rng.pick(&[1, 1, 2, 2, 3])).map(|_| rng.int(0, 23) * HOUR + *rng.pick(&[0, 5, 10, 15, 30, 45]) * MIN).collect();
    let cities: Vec<&str> = ["nyc", "chicago", "miami", "london", "seoul"].into_iter().filter(|_| rng.chance(0.5)).collect();
    let cities = if cities.is_empty() { vec!["nyc"] } else { cities };
    let tags: Vec<&str> =
        ["nba", "nhl", "mlb", "epl", "lal", "sea", "bun", "atp", "wta", "ipl"].into_iter().filter(|_| rng.chance(0.4)).collect();
    let tags = if tags.is_empty() { vec!["mlb"] } else { tags };
    let kappa = rng.range(0.12, 0.35);
    let edge_min = rng.range(0.04, 0.12);
    let bank = rng.lognormal(1500.0, 0.8).clamp(200.0, 20000.0);
    let kelly = rng.range(0.05, 0.3);
    let limit_p = rng.range(0.0, 0.6);
    let per_run = rng.int(1, 3) as usize;
    for d in (W0 / DAY)..=(NOW / DAY) {
        if rng.chance(0.04) {
            continue;
        }
        for &r in &runs {
            let t = d * DAY + r + rng.int(3, 90);
            if !up.up(t) {
                continue;
            }
            let cands: Vec<u32> = match domain {
                0 => ctx.world.by_cat[Cat::Weather.idx()]
                    .iter()
                    .copied()
                    .filter(|&id| cities.iter().any(|c| ctx.m(id).slug.contains(c)))
                    .collect(),
                1 => ctx
                    .world
                    .candidates(Cat::Sports, t, HOUR, 14 * HOUR)
                    .into_iter()
                    .filter(|&id| tags.contains(&ctx.m(id).tag) && !ctx.m(id).live(t))
                    .collect(),
                _ => ctx.world.candidates(Cat::Econ, t, HOUR, 4 * DAY),
            };
            let mut scored: Vec<(f64, u32, u8, f64)> = Vec::new();
            for id in cands {
                let m = ctx.m(id);
                if !ctx.ok(id, t) || m.decided <= t + HOUR || m.decided > t + 2 * DAY && domain == 0 {
                    continue;
                }
                let truth = if m.winner == 0 { 1.0 } else { 0.0 };
                let mid = m.mid(0, t);
                let model = (mid + kappa * (truth - mid) + 0.04 * rng.normal()).clamp(0.01, 0.99);
                let (bid, ask) = m.quote(0, t);
                let (a, b) = (f64::from(ask) / 100.0, f64::from(bid) / 100.0);
                if model - a >= edge_min {
                    scored.push((model - a, id, 0, a));
                } else if b - model >= edge_min {
                    scored.push((b - model, id, 1, 1.0 - b));
                }
            }
            scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut x = t;
            for &(edge, id, o, price) in scored.iter().take(per_run) {
                let usd = ((bank * kelly * edge / (1.0 - price).max(0.05)) * 100.0).round() / 100.0;
                if usd < 3.0 {
                    continue;
                }
                if rng.chance(limit_p) {
                    let c = (ctx.m(id).bid(o, x) + 1).min(ctx.m(id).ask(o, x));
                    rest(ctx, rng, w, id, o, true, c, shares_for(usd, c).max(MIN_SZ), x);
                } else {
                    ctx.buy_usd(w, id, o, x, usd, 99);
                }
                x += rng.int(1, 4);
            }
        }
    }
}

/// Labelled wallets never fill against each other except in wash rings.
pub fn is_labelled(w: u32) -> bool {
    w < CROWD
}
