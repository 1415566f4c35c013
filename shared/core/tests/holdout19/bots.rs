//! Trading programs: market makers, copiers, snipers, arbitrageurs, schedulers, feed readers,
//! farmers, and `hard_` programs built to pass as people.

use super::people::{Life, human_usd};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, NOW, START, weekday};
use super::{Ctx, Fill, Gen, each, shares_for, whole};
use std::collections::BTreeMap;

/// Maintenance and crash windows during which a program does nothing.
fn outages(r: &mut Rng, max: i64, longest_h: f64) -> Vec<(i64, i64)> {
    (0..r.int(0, max))
        .map(|_| {
            let a = r.int(START, NOW);
            (a, a + (r.range(0.3, longest_h) * 3600.0) as i64)
        })
        .collect()
}

fn running(t: i64, outs: &[(i64, i64)]) -> bool {
    !outs.iter().any(|(a, b)| t >= *a && t < *b)
}

/// How busy the venue is at a UTC hour (Americas-heavy).
pub fn tod(t: i64) -> f64 {
    const W: [f64; 24] =
        [1.3, 1.25, 1.1, 0.9, 0.7, 0.55, 0.5, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.25, 1.3, 1.3, 1.3, 1.35, 1.4, 1.4, 1.4, 1.35];
    W[(t.rem_euclid(DAY) / 3600) as usize]
}

fn kinds_pick(r: &mut Rng, all: &[Kind], lo: i64, hi: i64) -> Vec<Kind> {
    r.sample_k(all.len(), lo, hi).into_iter().map(|i| all[i]).collect()
}

fn pick_live(r: &mut Rng, ctx: &Ctx, kinds: &[Kind], t: i64, min_left: i64, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
    let live: Vec<usize> = ctx.w.live_in(kinds, t).into_iter().filter(|&m| ctx.w.markets[m].close - t > min_left && ok(m)).collect();
    if live.is_empty() {
        return None;
    }
    let ws: Vec<f64> = live.iter().map(|&m| ctx.w.markets[m].pop).collect();
    Some(live[r.weighted(&ws)])
}

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("market_maker_two_sided", 12, |r, c, n| each(r, c, n, mm_active)),
        ("market_maker_quiet_markets", 11, |r, c, n| each(r, c, n, mm_slow)),
        ("copy_bot_fixed_stake", 12, |r, c, n| each(r, c, n, copy_fixed)),
        ("copy_bot_proportional_multi_leader", 11, |r, c, n| each(r, c, n, copy_prop)),
        ("resolution_sniper", 11, |r, c, n| each(r, c, n, sniper)),
        ("crypto_updown_latency", 12, |r, c, n| each(r, c, n, updown_latency)),
        ("complement_arbitrage", 10, |r, c, n| each(r, c, n, complement_arb)),
        ("negrisk_basket_arbitrage", 10, |r, c, n| each(r, c, n, negrisk_arb)),
        ("scheduled_rebalancer", 11, |r, c, n| each(r, c, n, rebalancer)),
        ("grid_ladder", 11, |r, c, n| each(r, c, n, grid)),
        ("twap_executor", 10, |r, c, n| each(r, c, n, twap)),
        ("news_feed_sniper", 11, |r, c, n| each(r, c, n, news_bot)),
        ("sports_score_feed", 11, |r, c, n| each(r, c, n, score_feed)),
        ("volume_farmer_wash", 12, volume_farmers),
        ("liquidity_reward_farmer", 11, |r, c, n| each(r, c, n, reward_farmer)),
        ("hard_llm_agent", 13, |r, c, n| each(r, c, n, llm_agent)),
        ("hard_office_hours_model", 12, |r, c, n| each(r, c, n, office_hours)),
        ("hard_slow_copier", 13, |r, c, n| each(r, c, n, slow_copier)),
        ("hard_daily_model_bettor", 12, |r, c, n| each(r, c, n, model_bettor)),
    ]
}

/// Quotes both sides of a few liquid markets around the clock and keeps inventory near flat.
fn mm_active(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(
        r,
        &[Kind::Politics, Kind::Basketball, Kind::Soccer, Kind::Strike, Kind::Macro, Kind::Football, Kind::Culture, Kind::Tennis],
        2,
        5,
    );
    let slots = r.int(2, 5) as usize;
    let quote = [50.0, 100.0, 150.0, 250.0, 400.0][r.below(5)];
    let rate = r.range(0.08, 0.3);
    let cap = quote * r.range(2.0, 5.0);
    let outs = outages(r, 3, 5.0);
    let mut cur: Vec<Option<usize>> = vec![None; slots];
    let mut inv: BTreeMap<usize, f64> = BTreeMap::new();
    let mut out = Vec::new();
    let mut t = START + r.int(60, 3600);
    while t <= NOW {
        let h = t;
        t += HOUR;
        if !running(h, &outs) {
            continue;
        }
        for s in 0..slots {
            let need = match cur[s] {
                Some(m) => !ctx.w.markets[m].trading(h + 2 * HOUR) || ctx.w.markets[m].in_live(h) || r.chance(0.01),
                None => true,
            };
            if need {
                // Makers pull quotes when a game goes live; pick a pre-game or long market.
                cur[s] =
                    pick_live(r, ctx, &kinds, h, 3 * HOUR, &|m| !ctx.w.markets[m].in_live(h) && (8..=92).contains(&ctx.w.mid(m, h, 0)));
            }
            let Some(m) = cur[s] else { continue };
            let n = r.poisson(rate * ctx.w.markets[m].pop * tod(h));
            let mut ts: Vec<i64> = (0..n).map(|_| h + r.int(0, HOUR - 1)).collect();
            ts.sort();
            for tf in ts {
                if !ctx.w.markets[m].trading(tf) || ctx.w.markets[m].in_live(tf) {
                    break;
                }
                let q = *inv.get(&m).unwrap_or(&0.0); // net Yes shares
                // Inventory skews which side gets hit: quotes are leaned to unload.
                let p_buy_yes = (0.5 - q / cap * 0.45).clamp(0.05, 0.95);
                let size_sh = (quote * if r.chance(0.45) { 1.0 } else { r.range(0.1, 1.0) } * 100.0).round() as i64;
                let buy_yes = r.chance(p_buy_yes);
                // Quoting both tokens: buying No is selling Yes.
                let (o, buy) = if r.chance(0.5) { (0, buy_yes) } else { (1, !buy_yes) };
                let cents = if buy { ctx.w.bid(m, tf, o) } else { ctx.w.ask(m, tf, o) };
                out.push(ctx.rest(tf, m, o, buy, cents, size_sh));
                let d = size_sh as f64 / 100.0;
                *inv.entry(m).or_insert(0.0) += if buy_yes { d } else { -d };
            }
        }
    }
    out
}

/// Rests wide quotes in thin markets (weather, culture, tech, long-dated politics) all day and night.
fn mm_slow(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Weather, Kind::Culture, Kind::Tech, Kind::Politics, Kind::Mention, Kind::Macro], 2, 4);
    let slots = r.int(3, 8) as usize;
    let quote = [20.0, 50.0, 100.0, 200.0, 500.0][r.below(5)];
    let rate = r.range(0.02, 0.12);
    let extra = r.int(0, 2);
    let mut cur: Vec<Option<usize>> = vec![None; slots];
    let mut inv: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    let mut t = START + r.int(60, 3600);
    while t <= NOW {
        let h = t;
        t += HOUR;
        for s in 0..slots {
            if cur[s].is_none_or(|m| !ctx.w.markets[m].trading(h + HOUR)) {
                cur[s] = pick_live(r, ctx, &kinds, h, 2 * HOUR, &|m| (4..=96).contains(&ctx.w.mid(m, h, 0)));
            }
            let Some(m) = cur[s] else { continue };
            for _ in 0..r.poisson(rate) {
                let tf = h + r.int(0, HOUR - 1);
                if !ctx.w.markets[m].trading(tf) {
                    break;
                }
                let o = r.below(2);
                let held = *inv.get(&(m, o)).unwrap_or(&0);
                let size = (quote * 100.0) as i64 * if r.chance(0.7) { 1 } else { r.int(1, 3) };
                let buy = held < size || r.chance(0.4);
                let size = if buy { size } else { size.min(held) };
                if size < 500 {
                    continue;
                }
                let cents = if buy { ctx.w.bid(m, tf, o) - extra } else { ctx.w.ask(m, tf, o) + extra };
                if !(1..=99).contains(&cents) {
                    continue;
                }
                out.push(ctx.rest(tf, m, o, buy, cents, size));
                *inv.entry((m, o)).or_insert(0) += if buy { size } else { -size };
            }
        }
    }
    out
}

/// Leader fills grouped by transaction: (time, market, outcome, buy, shares, price) per order.
fn orders_of(fills: &[Fill]) -> Vec<(i64, usize, usize, bool, i64, i64)> {
    let mut by: BTreeMap<u64, (i64, usize, usize, bool, i64, i64)> = BTreeMap::new();
    for f in fills {
        let e = by.entry(f.tx).or_insert((f.t, f.m, f.o, f.buy, 0, f.cents));
        e.4 += f.size;
    }
    let mut v: Vec<_> = by.into_values().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    v
}

/// Copies one to three well-known wallets with a fixed dollar stake, seconds after them.
fn copy_fixed(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let n = ctx.leaders.len();
    let leaders = r.sample_k(n, 1, 3);
    let stake = [5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0][r.below(7)];
    let lag = r.range(1.0, 6.0);
    let max_slip = r.int(2, 6);
    let outs = outages(r, 2, 30.0);
    let start = START + r.int(0, 12) * DAY;
    let mut orders = Vec::new();
    for l in leaders {
        orders.extend(orders_of(&ctx.leaders[l]));
    }
    orders.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut held: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    for (t, m, o, buy, _size, cents) in orders {
        let tc = t + (lag + r.exp(1.5)) as i64;
        if tc < start || !running(tc, &outs) || !ctx.w.markets[m].trading(tc) {
            continue;
        }
        if buy {
            if ctx.w.ask(m, tc, o) > cents + max_slip {
                continue;
            }
            let f = ctx.take(tc, m, o, true, stake, 2);
            *held.entry((m, o)).or_insert(0) += f.iter().map(|x| x.size).sum::<i64>();
            out.extend(f);
        } else if let Some(h) = held.remove(&(m, o)) {
            if h >= 500 {
                out.extend(ctx.take_sh(tc, m, o, false, h, 2));
            }
        }
    }
    out
}

/// Copies several leaders at a fixed fraction of their size, skipping small orders.
fn copy_prop(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let n = ctx.leaders.len();
    let leaders = r.sample_k(n, 1, 3);
    let ratio = r.range(0.01, 0.12);
    let min_usd = [25.0, 50.0, 100.0, 250.0][r.below(4)];
    let poll = r.int(2, 12);
    let outs = outages(r, 3, 12.0);
    let mut orders = Vec::new();
    for l in leaders {
        orders.extend(orders_of(&ctx.leaders[l]));
    }
    orders.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut held: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    for (t, m, o, buy, size, cents) in orders {
        let tc = t + poll - t.rem_euclid(poll) + r.int(0, 2);
        if !running(tc, &outs) || !ctx.w.markets[m].trading(tc) {
            continue;
        }
        let usd = size as f64 / 100.0 * cents as f64 / 100.0;
        if usd < min_usd {
            continue;
        }
        let want = ((size as f64 * ratio) as i64).max(500);
        if buy {
            let f = ctx.take_sh(tc, m, o, true, want, 2);
            *held.entry((m, o)).or_insert(0) += f.iter().map(|x| x.size).sum::<i64>();
            out.extend(f);
        } else if let Some(h) = held.get_mut(&(m, o)) {
            let s = want.min(*h);
            if s >= 500 {
                *h -= s;
                out.extend(ctx.take_sh(tc, m, o, false, s, 2));
            }
        }
    }
    out
}

/// Buys the near-certain side in the last minutes of markets that are about to resolve.
fn sniper(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(
        r,
        &[
            Kind::Soccer,
            Kind::Basketball,
            Kind::Tennis,
            Kind::Strike,
            Kind::UpDown,
            Kind::Weather,
            Kind::Esports,
            Kind::Macro,
            Kind::Mention,
        ],
        2,
        4,
    );
    let thr = r.int(93, 97);
    let coverage = r.range(0.2, 0.6);
    let size_sh = r.range(300.0, 6000.0);
    let outs = outages(r, 2, 10.0);
    let mut out = Vec::new();
    for k in kinds {
        let (window, cover) = match k {
            Kind::UpDown => (240, coverage * 0.12),
            Kind::Strike => (2400, coverage),
            Kind::Weather => (4 * 3600, coverage),
            Kind::Macro | Kind::Mention => (3600, coverage),
            _ => (1500, coverage),
        };
        let list = ctx.w.by_kind[k.ix()].clone();
        for m in list {
            let mk = &ctx.w.markets[m];
            let close = mk.close;
            if close <= START + 3600 || close - window > NOW || !r.chance(cover) {
                continue;
            }
            let mut t = close - window + r.int(0, 30);
            while t < close - 3 {
                if !running(t, &outs) {
                    break;
                }
                let (lead, _) = ctx.w.leader(m, t);
                let ask = ctx.w.ask(m, t, lead);
                if ask >= thr && ask <= 99 {
                    let sz = (size_sh * r.range(0.6, 1.4) * 100.0) as i64 / 100 * 100;
                    out.extend(ctx.take_sh(t, m, lead, true, sz, if ask < 99 { 2 } else { 1 }));
                    break;
                }
                t += (window / 12).max(5) + r.int(0, 3);
            }
        }
    }
    out
}

/// Watches exchange spot prices and hits stale up/down quotes, mostly near the window's end.
fn updown_latency(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let quarter = r.chance(0.45);
    let coin = r.below(3);
    let part = r.range(0.25, 0.6);
    let lag = r.int(3, 12);
    let edge = r.range(0.04, 0.1);
    let size = r.range(20.0, 300.0);
    let outs = outages(r, 3, 8.0);
    let ms: Vec<usize> = if quarter { ctx.w.quarter.clone() } else { ctx.w.hourly[coin].clone() };
    let mut out = Vec::new();
    for m in ms {
        let (a, b) = (ctx.w.markets[m].open, ctx.w.markets[m].close);
        if b <= START || a > NOW || !r.chance(part) || !running(a, &outs) {
            continue;
        }
        let span = b - a;
        let mut fills_here = 0;
        let mut t = b - (span / 6).min(300) + r.int(0, 9);
        while t < b - 2 && fills_here < 3 {
            let fair = ctx.w.prob(m, t, 0);
            for o in 0..2 {
                let stale = ctx.w.ask(m, t - lag, o);
                let f = if o == 0 { fair } else { 1.0 - fair };
                if f - stale as f64 / 100.0 > edge && stale <= 97 {
                    let sz = (size * r.range(0.7, 1.3) * 100.0) as i64 / 100 * 100;
                    let tx = ctx.tx();
                    out.push(Fill { t, m, o, buy: true, cents: stale, size: sz.max(500), tx, maker: false, cp: true });
                    fills_here += 1;
                }
            }
            t += r.int(4, 12);
        }
    }
    out
}

/// Buys both outcomes of one market in one transaction when the two asks sum below a dollar.
fn complement_arb(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds =
        kinds_pick(r, &[Kind::Basketball, Kind::Soccer, Kind::Tennis, Kind::Esports, Kind::UpDown, Kind::Politics, Kind::Football], 2, 4);
    let per_day = r.range(2.0, 10.0);
    let size = r.range(50.0, 1500.0);
    let mut out = Vec::new();
    let n = r.poisson(per_day * 30.0);
    for _ in 0..n {
        let t = r.int(START + 1, NOW);
        // Dislocations happen in fast markets: in play, or when a window is about to end.
        let Some(m) = pick_live(r, ctx, &kinds, t, 30, &|m| ctx.w.markets[m].in_live(t) || ctx.w.markets[m].kind == Kind::Politics) else {
            continue;
        };
        let c0 = ctx.w.mid(m, t, 0);
        if !(6..=94).contains(&c0) {
            continue;
        }
        let gap = r.int(1, 4);
        let a0 = (c0 - r.int(0, gap)).clamp(1, 98);
        let a1 = (100 - gap - a0).clamp(1, 98);
        let sz = (size * r.range(0.5, 1.5)) as i64 * 100;
        let tx = ctx.tx();
        out.push(Fill { t, m, o: 0, buy: true, cents: a0, size: sz.max(500), tx, maker: false, cp: true });
        out.push(Fill { t, m, o: 1, buy: true, cents: a1, size: sz.max(500), tx, maker: false, cp: true });
    }
    out
}

/// Buys Yes on every leg of a negRisk event in one transaction when the legs sum below a dollar.
fn negrisk_arb(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Weather, Kind::Macro, Kind::Culture, Kind::Politics], 2, 4);
    let per_day = r.range(1.0, 6.0);
    let size = r.range(20.0, 600.0);
    let mut out = Vec::new();
    let groups: Vec<Vec<usize>> = ctx.w.groups.iter().filter(|g| kinds.contains(&g.kind)).map(|g| g.legs.clone()).collect();
    let n = r.poisson(per_day * 30.0);
    for _ in 0..n {
        let t = r.int(START + 1, NOW);
        let live: Vec<&Vec<usize>> =
            groups.iter().filter(|g| ctx.w.markets[g[0]].trading(t) && ctx.w.markets[g[0]].close - t > 60).collect();
        if live.is_empty() {
            continue;
        }
        let legs = live[r.below(live.len())].clone();
        let mids: Vec<i64> = legs.iter().map(|&m| ctx.w.mid(m, t, 0)).collect();
        let total: i64 = mids.iter().sum();
        let target = 100 - r.int(1, 5);
        let mut cs: Vec<i64> = mids.iter().map(|c| ((*c * target) / total.max(1)).max(1)).collect();
        while cs.iter().sum::<i64>() >= 100 {
            let i = (0..cs.len()).max_by_key(|&i| cs[i]).unwrap_or(0);
            cs[i] -= 1;
        }
        let sz = (size * r.range(0.5, 1.5)) as i64 * 100;
        let tx = ctx.tx();
        for (i, &m) in legs.iter().enumerate() {
            out.push(Fill { t, m, o: 0, buy: true, cents: cs[i].clamp(1, 99), size: sz.max(500), tx, maker: false, cp: true });
        }
    }
    out
}

/// Holds a fixed basket and trades it back to target weights on a clock.
fn rebalancer(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let period = [4, 6, 8, 12, 24][r.below(5)] * HOUR;
    let offset = r.int(0, 59) * 60 + r.int(0, 5);
    let budget = r.range(500.0, 20_000.0);
    let band = r.range(0.03, 0.1);
    let kinds = [Kind::Politics, Kind::Tech, Kind::Culture, Kind::Macro];
    let mut basket: Vec<(usize, usize, f64)> = Vec::new();
    let mut held: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    let mut t = START - START.rem_euclid(period) + offset;
    while t <= NOW {
        let tt = t + r.int(0, 25);
        t += period;
        basket.retain(|b| ctx.w.markets[b.0].trading(tt + HOUR));
        while basket.len() < 5 {
            let Some(m) = pick_live(r, ctx, &kinds, tt, 2 * DAY, &|m| (10..=90).contains(&ctx.w.mid(m, tt, 0))) else { break };
            if basket.iter().any(|b| b.0 == m) {
                break;
            }
            basket.push((m, r.below(2), r.range(0.5, 1.5)));
        }
        let wsum: f64 = basket.iter().map(|b| b.2).sum();
        let mut ts = tt;
        for &(m, o, w) in &basket.clone() {
            let mid = ctx.w.mid(m, ts, o) as f64 / 100.0;
            let target = budget * w / wsum.max(1e-9) / mid * 100.0;
            let have = *held.get(&(m, o)).unwrap_or(&0) as f64;
            let diff = target - have;
            if diff.abs() / target.max(1.0) < band || diff.abs() < 500.0 {
                continue;
            }
            let size = (diff.abs() as i64 / 100) * 100;
            let f = ctx.take_sh(ts, m, o, diff > 0.0, size, 2);
            let moved: i64 = f.iter().map(|x| x.size).sum();
            *held.entry((m, o)).or_insert(0) += if diff > 0.0 { moved } else { -moved };
            out.extend(f);
            ts += r.int(1, 3);
        }
    }
    out
}

/// A price ladder: resting buys every few cents below, a sell one rung above each filled buy.
fn grid(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Politics, Kind::Culture, Kind::Tech, Kind::Strike, Kind::Macro], 1, 3);
    let step = r.int(2, 4);
    let rung = (r.range(20.0, 300.0) * 100.0) as i64 / 100 * 100;
    let n_mk = r.int(1, 2);
    let mut out = Vec::new();
    let mut t = START + r.int(60, 6 * HOUR);
    let mut markets: Vec<(usize, usize, i64)> = Vec::new(); // market, outcome, last rung
    let mut open_rungs: BTreeMap<(usize, usize, i64), i64> = BTreeMap::new();
    while t <= NOW {
        markets.retain(|x| ctx.w.markets[x.0].trading(t + 600));
        while (markets.len() as i64) < n_mk {
            let Some(m) = pick_live(r, ctx, &kinds, t, 2 * DAY, &|m| (15..=85).contains(&ctx.w.mid(m, t, 0))) else { break };
            if markets.iter().any(|x| x.0 == m) {
                break;
            }
            let o = r.below(2);
            let c = ctx.w.mid(m, t, o);
            markets.push((m, o, c - c.rem_euclid(step)));
        }
        for x in markets.iter_mut() {
            let (m, o) = (x.0, x.1);
            let c = ctx.w.mid(m, t, o);
            while c <= x.2 - step && x.2 - step >= 2 {
                x.2 -= step;
                out.push(ctx.rest(t + r.int(0, 50), m, o, true, x.2, rung));
                *open_rungs.entry((m, o, x.2)).or_insert(0) += 1;
            }
            while c >= x.2 + step && x.2 + step <= 98 {
                let level = x.2;
                x.2 += step;
                if let Some(k) = open_rungs.get_mut(&(m, o, level)) {
                    if *k > 0 {
                        *k -= 1;
                        out.push(ctx.rest(t + r.int(0, 50), m, o, false, level + step, rung));
                    }
                }
            }
        }
        t += 600;
    }
    out
}

/// Works large parent orders in equal slices at a fixed interval, day and night.
fn twap(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Politics, Kind::Macro, Kind::Culture, Kind::Basketball, Kind::Soccer, Kind::Tech], 2, 4);
    let parents = r.int(3, 9);
    let interval = [30, 45, 60, 90, 120, 180, 300][r.below(7)];
    let mut out = Vec::new();
    let mut starts: Vec<i64> = (0..parents).map(|_| r.int(START + 1, NOW - 3 * HOUR)).collect();
    starts.sort();
    let mut busy_until = START;
    for s in starts {
        let s = s.max(busy_until + 600);
        let Some(m) = pick_live(r, ctx, &kinds, s, 12 * HOUR, &|m| (10..=90).contains(&ctx.w.mid(m, s, 0)) && !ctx.w.markets[m].in_live(s))
        else {
            continue;
        };
        let o = r.below(2);
        let total = r.range(3000.0, 60_000.0);
        let slices = r.int(30, 200);
        let c0 = ctx.w.ask(m, s, o);
        let slice = whole(shares_for(total / slices as f64, c0));
        let limit = c0 + r.int(3, 8);
        let mut t = s;
        for _ in 0..slices {
            if !ctx.w.markets[m].trading(t) || ctx.w.markets[m].in_live(t) || t > NOW {
                break;
            }
            if ctx.w.ask(m, t, o) <= limit {
                out.extend(ctx.take_sh(t, m, o, true, slice, 1));
            }
            t += interval + r.int(-2, 2);
        }
        busy_until = t;
    }
    out
}

/// Reads a news/data feed and takes the book within a second or two of a headline.
fn news_bot(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Politics, Kind::Macro, Kind::Tech, Kind::Culture, Kind::Mention], 2, 4);
    let min_move = r.range(0.03, 0.08);
    let size = r.range(200.0, 5000.0);
    let reaction = r.range(0.3, 2.5);
    let unwind = r.chance(0.6);
    let outs = outages(r, 2, 6.0);
    let mut out = Vec::new();
    for k in kinds {
        let list = ctx.w.by_kind[k.ix()].clone();
        for m in list {
            let jumps = ctx.w.markets[m].jumps.clone();
            for (jt, dp) in jumps {
                if dp.abs() < min_move || !running(jt, &outs) || r.chance(0.1) {
                    continue;
                }
                let t = jt + (reaction + r.exp(0.8)) as i64;
                let o = if dp > 0.0 { 0 } else { 1 };
                // Quotes have not moved yet: the pre-news ask, walking a few levels.
                let f = ctx.take(t, m, o, true, size * r.range(0.5, 1.5), r.int(2, 4) as usize);
                let got: i64 = f.iter().map(|x| x.size).sum();
                out.extend(f);
                if unwind && r.chance(0.7) {
                    let tu = t + r.int(10 * 60, 6 * HOUR);
                    if ctx.w.markets[m].trading(tu) {
                        out.extend(ctx.take_sh(tu, m, o, false, got, 2));
                    }
                }
            }
        }
    }
    out
}

/// Reads a live score feed and trades in play within seconds of a goal, break or map.
fn score_feed(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Soccer, Kind::Basketball, Kind::Tennis, Kind::Esports, Kind::Football], 2, 3);
    let size = r.range(50.0, 1500.0);
    let min_move = r.range(0.03, 0.1);
    let cover = r.range(0.25, 0.6);
    let outs = outages(r, 3, 12.0);
    let mut out = Vec::new();
    for k in kinds {
        let list = ctx.w.by_kind[k.ix()].clone();
        for m in list {
            if !r.chance(cover) {
                continue;
            }
            let jumps = ctx.w.markets[m].jumps.clone();
            let mut pos: [i64; 2] = [0, 0];
            for (jt, dp) in jumps {
                if dp.abs() < min_move || !ctx.w.markets[m].in_live(jt) || !running(jt, &outs) {
                    continue;
                }
                let t = jt + r.int(1, 4);
                let o = if dp > 0.0 { 0 } else { 1 };
                if pos[1 - o] >= 500 {
                    let s = pos[1 - o];
                    out.extend(ctx.take_sh(t, m, 1 - o, false, s, 2));
                    pos[1 - o] = 0;
                }
                let f = ctx.take(t, m, o, true, size * r.range(0.6, 1.4), 2);
                pos[o] += f.iter().map(|x| x.size).sum::<i64>();
                out.extend(f);
            }
        }
    }
    out
}

/// Pairs of wallets trading the same shares back and forth (and solo round trips) to farm volume.
fn volume_farmers(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    let mut out: Vec<Vec<Fill>> = vec![Vec::new(); n];
    let pairs = n / 2;
    for p in 0..pairs {
        let mut rr = r.fork(p as u64);
        let (a, b) = (2 * p, 2 * p + 1);
        let per_day = rr.range(0.4, 2.0);
        let lot = [100, 200, 250, 500, 1000][rr.below(5)] * 100;
        let kinds = kinds_pick(&mut rr, &[Kind::Politics, Kind::Culture, Kind::Tech, Kind::Weather, Kind::Strike], 1, 3);
        let solo = rr.chance(0.35);
        for _ in 0..rr.poisson(per_day * 30.0) {
            let t0 = rr.int(START + 1, NOW - 600);
            let Some(m) = pick_live(&mut rr, ctx, &kinds, t0, 3600, &|m| (10..=90).contains(&ctx.w.mid(m, t0, 0))) else { continue };
            let o = rr.below(2);
            let reps = rr.int(3, 10);
            let mut t = t0;
            for _ in 0..reps {
                if solo {
                    // Each farmer round-trips against the book alone.
                    for w in [a, b] {
                        let buy = ctx.take_sh(t, m, o, true, lot, 1);
                        let sell = ctx.take_sh(t + rr.int(2, 20), m, o, false, lot, 1);
                        out[w].extend(buy);
                        out[w].extend(sell);
                    }
                } else {
                    let c = ctx.w.mid(m, t, o);
                    let tx = ctx.tx();
                    let (x, y) = if rr.chance(0.5) { (a, b) } else { (b, a) };
                    out[x].push(Fill { t, m, o, buy: true, cents: c, size: lot, tx, maker: false, cp: false });
                    out[y].push(Fill { t, m, o, buy: false, cents: c, size: lot, tx, maker: true, cp: false });
                    let t2 = t + rr.int(3, 40);
                    let tx = ctx.tx();
                    out[x].push(Fill { t: t2, m, o, buy: false, cents: c, size: lot, tx, maker: false, cp: false });
                    out[y].push(Fill { t: t2, m, o, buy: true, cents: c, size: lot, tx, maker: true, cp: false });
                }
                t += rr.int(30, 300);
            }
        }
    }
    if n % 2 == 1 {
        let mut rr = r.fork(999);
        out[n - 1] = reward_farmer(&mut rr, ctx);
    }
    out
}

/// Rests reward-sized quotes near the midpoint; when filled, hedges straight back out.
fn reward_farmer(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Politics, Kind::Culture, Kind::Basketball, Kind::Soccer, Kind::Macro, Kind::Tech], 2, 4);
    let lot = [20, 50, 100, 200, 250][r.below(5)] * 100;
    let slots = r.int(3, 10) as usize;
    let rate = r.range(0.03, 0.15);
    let hedge = r.range(0.5, 0.95);
    let mut cur: Vec<Option<usize>> = vec![None; slots];
    let mut out = Vec::new();
    let mut h = START + r.int(60, 3600);
    while h <= NOW {
        for s in 0..slots {
            if cur[s].is_none_or(|m| !ctx.w.markets[m].trading(h + 2 * HOUR) || ctx.w.markets[m].in_live(h)) {
                cur[s] =
                    pick_live(r, ctx, &kinds, h, 3 * HOUR, &|m| (10..=90).contains(&ctx.w.mid(m, h, 0)) && !ctx.w.markets[m].in_live(h));
            }
            let Some(m) = cur[s] else { continue };
            for _ in 0..r.poisson(rate * ctx.w.markets[m].pop) {
                let t = h + r.int(0, HOUR - 1);
                if !ctx.w.markets[m].trading(t) {
                    break;
                }
                let o = r.below(2);
                let buy = r.chance(0.5);
                let c = if buy { ctx.w.bid(m, t, o) } else { ctx.w.ask(m, t, o) };
                if buy {
                    out.push(ctx.rest(t, m, o, true, c, lot));
                    if r.chance(hedge) {
                        out.extend(ctx.take_sh(t + r.int(1, 15), m, o, false, lot, 1));
                    }
                } else {
                    // A resting ask on a token it does not hold is a bid on the other token.
                    out.push(ctx.rest(t, m, 1 - o, true, 100 - c, lot));
                    if r.chance(hedge) {
                        out.extend(ctx.take_sh(t + r.int(1, 15), m, 1 - o, false, lot, 1));
                    }
                }
            }
        }
        h += HOUR;
    }
    out
}

/// An LLM agent on a jittered schedule: reads markets, writes a thesis, places a few
/// human-sized trades, sometimes changes its mind.
fn llm_agent(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let every = r.range(2.0, 6.0) * 3600.0;
    let jitter = r.range(300.0, 2400.0);
    let kinds = kinds_pick(
        r,
        &[Kind::Politics, Kind::Culture, Kind::Tech, Kind::Macro, Kind::Basketball, Kind::Soccer, Kind::Weather, Kind::Mention],
        3,
        6,
    );
    let stake = r.range(8.0, 90.0);
    // Operators switch agents off for a day or three.
    let outs = outages(r, 3, 60.0);
    let mut held: Vec<(usize, usize, i64)> = Vec::new();
    let mut out = Vec::new();
    let mut t = START + r.int(0, every as i64);
    while t <= NOW {
        let run = t;
        t += (every + r.normal() * jitter).max(900.0) as i64;
        if !running(run, &outs) {
            continue;
        }
        let mut ts = run + r.int(20, 90);
        let n = r.weighted(&[0.35, 0.4, 0.18, 0.07]);
        for _ in 0..n {
            if !held.is_empty() && r.chance(0.15) {
                let i = r.below(held.len());
                let (m, o, s) = held[i];
                if ctx.w.markets[m].trading(ts) {
                    out.extend(ctx.take_sh(ts, m, o, false, s, 1));
                    held.remove(i);
                    ts += r.int(15, 70);
                    continue;
                }
            }
            let Some(m) = pick_live(r, ctx, &kinds, ts, HOUR, &|m| (20..=80).contains(&ctx.w.mid(m, ts, 0))) else { continue };
            let o = r.below(2);
            let x = r.lognormal(1.0, 0.4);
            let usd = human_usd(r, stake * x);
            let f = ctx.take(ts, m, o, true, usd, 1);
            held.push((m, o, f.iter().map(|x| x.size).sum()));
            out.extend(f);
            ts += r.int(15, 70);
        }
    }
    out
}

/// A model that trades only while its operator is at the office, Monday to Friday.
fn office_hours(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[-4 * HOUR, -5 * HOUR, HOUR, 2 * HOUR, 8 * HOUR]);
    let start_h = r.range(8.5, 9.7);
    let end_h = r.range(16.5, 18.0);
    let poll = r.range(600.0, 2400.0);
    let signal = r.range(0.08, 0.3);
    let stake = r.range(20.0, 400.0);
    let kinds = kinds_pick(
        r,
        &[Kind::Politics, Kind::Macro, Kind::Basketball, Kind::Soccer, Kind::Culture, Kind::Tech, Kind::Strike, Kind::Tennis],
        2,
        5,
    );
    let mut held: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    let mut t = START + 60;
    while t <= NOW {
        let h = life.local_hour(t);
        let wd = life.local_weekday(t);
        let tt = t;
        t += (poll * r.range(0.7, 1.3)) as i64;
        if wd >= 5 || h < start_h || h >= end_h || life.is_off(tt) || (12.0..13.0).contains(&h) && r.chance(0.6) {
            continue;
        }
        if !r.chance(signal) {
            continue;
        }
        if !held.is_empty() && r.chance(0.3) {
            let keys: Vec<(usize, usize)> = held.keys().copied().collect();
            let k = keys[r.below(keys.len())];
            if ctx.w.markets[k.0].trading(tt) {
                let s = held.remove(&k).unwrap_or(0);
                if s >= 500 {
                    out.extend(ctx.take_sh(tt, k.0, k.1, false, s, 1));
                }
                continue;
            }
        }
        let Some(m) = pick_live(r, ctx, &kinds, tt, 2 * HOUR, &|m| (10..=90).contains(&ctx.w.mid(m, tt, 0))) else { continue };
        let o = r.below(2);
        let x = r.lognormal(1.0, 0.5);
        let usd = human_usd(r, stake * x);
        let f = if r.chance(0.3) {
            let c = ctx.w.bid(m, tt, o);
            vec![ctx.rest(tt + r.int(30, 1800), m, o, true, c, whole(shares_for(usd, c)))]
        } else {
            ctx.take(tt, m, o, true, usd, 1)
        };
        *held.entry((m, o)).or_insert(0) += f.iter().map(|x| x.size).sum::<i64>();
        out.extend(f);
    }
    out
}

/// Polls one leader's activity every few minutes from a laptop that sleeps at night and
/// copies the larger buys with a rounded stake.
fn slow_copier(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let leader = r.below(ctx.leaders.len());
    let poll = r.int(180, 600);
    let min_usd = [25.0, 50.0, 100.0, 200.0][r.below(4)];
    let stake = [15.0, 20.0, 25.0, 30.0, 50.0, 75.0][r.below(6)];
    let scale = r.chance(0.4);
    let orders = orders_of(&ctx.leaders[leader]);
    let mut held: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut out = Vec::new();
    for (t, m, o, buy, size, cents) in orders {
        // Next poll after the trade, plus the API's cache lag.
        let tc = t + poll - (t - START).rem_euclid(poll) + r.int(0, 60) + r.int(2, 12);
        if !life.awake(tc) || life.is_off(tc) || !ctx.w.markets[m].trading(tc) {
            continue;
        }
        let usd = size as f64 / 100.0 * cents as f64 / 100.0;
        if buy {
            if usd < min_usd {
                continue;
            }
            let s = if scale { human_usd(r, usd * 0.05).max(5.0) } else { stake };
            let f = ctx.take(tc, m, o, true, s, 1);
            *held.entry((m, o)).or_insert(0) += f.iter().map(|x| x.size).sum::<i64>();
            out.extend(f);
        } else if let Some(h) = held.remove(&(m, o)) {
            if h >= 500 {
                out.extend(ctx.take_sh(tc, m, o, false, h, 1));
            }
        }
    }
    out
}

/// A sports model that runs once a day, bets where it sees an edge with Kelly-sized stakes.
fn model_bettor(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = kinds_pick(r, &[Kind::Soccer, Kind::Basketball, Kind::Tennis, Kind::Esports, Kind::Football], 1, 3);
    let run_at = r.int(9 * 60, 20 * 60) * 60;
    let second_run = if r.chance(0.4) { Some(run_at + r.int(3, 6) * HOUR) } else { None };
    let bank = r.range(500.0, 8000.0);
    let kelly = r.range(0.1, 0.35);
    let min_edge = r.range(0.03, 0.07);
    let noise = r.range(0.04, 0.09);
    let mut out = Vec::new();
    let day0 = START - START.rem_euclid(DAY);
    for d in 0..31 {
        if r.chance(0.1) {
            continue;
        }
        for run in std::iter::once(run_at).chain(second_run) {
            let t0 = day0 + d * DAY + run + r.int(-90, 90);
            if t0 <= START || t0 > NOW {
                continue;
            }
            let mut games: Vec<usize> = ctx
                .w
                .live_in(&kinds, t0)
                .into_iter()
                .filter(|&m| matches!(ctx.w.markets[m].live, Some((a, _)) if a > t0 && a < t0 + DAY))
                .collect();
            games.sort();
            let mut t = t0;
            for m in games {
                // The model's probability: the truth as of kick-off plus its own error.
                let st = ctx.w.markets[m].live.map(|x| x.0).unwrap_or(t0);
                let p = (ctx.w.prob(m, st, 0) + r.normal() * noise).clamp(0.02, 0.98);
                for o in 0..2 {
                    let q = if o == 0 { p } else { 1.0 - p };
                    let ask = ctx.w.ask(m, t, o) as f64 / 100.0;
                    let edge = q - ask;
                    if edge > min_edge {
                        let usd = (bank * kelly * edge / (1.0 - ask)).min(bank * 0.05);
                        let usd = (usd * 100.0).round() / 100.0;
                        if usd >= 1.0 {
                            out.extend(ctx.take(t, m, o, true, usd, 1));
                            t += r.int(2, 9);
                        }
                    }
                }
            }
        }
    }
    let _ = weekday(NOW);
    out
}
