//! Programs: how real bots trade Polymarket, each wallet with its own settings.

use super::crowd::tod;
use super::people::stake;
use super::rng::Rng;
use super::world::{DAY, Kind, NOW, START, kind_ix};
use super::{Ctx, Fill, Gen, each, shares_for};

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("market_maker", 13, market_maker as Gen),
        ("complement_arbitrage", 12, complement_arb),
        ("negrisk_basket_arbitrage", 11, basket_arb),
        ("resolution_sniper", 13, sniper),
        ("copy_bot_onchain", 12, copy_onchain),
        ("copy_bot_api_poller", 12, copy_api),
        ("twap_iceberg_executor", 11, twap),
        ("liquidity_reward_farmer", 12, reward_farmer),
        ("airdrop_volume_farmer", 12, volume_farmer),
        ("wash_ring", 14, wash_ring),
        ("crypto_interval_bot", 14, crypto_bot),
        ("news_latency_bot", 12, news_bot),
        ("cross_venue_arbitrage", 11, cross_venue),
        ("hard_llm_agent", 12, llm_agent),
        ("hard_tipster_autoexecutor", 12, tipster),
        ("hard_slow_model_bot", 11, slow_model),
    ]
}

fn kinds_list(ctx: &Ctx, kinds: &[Kind]) -> Vec<usize> {
    let mut v = Vec::new();
    for k in kinds {
        v.extend(ctx.w.by_kind[kind_ix(*k)].iter().copied());
    }
    v
}

fn sz2(x: f64) -> i64 {
    (x * 100.0).round().max(500.0) as i64
}

fn market_maker(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let pool: Vec<usize> = kinds_list(ctx, &[Kind::Politics, Kind::NegRisk, Kind::Economics])
            .into_iter()
            .filter(|&m| ctx.w.markets[m].busy > 0.8)
            .collect();
        let k = r.int(2, 7) as usize;
        let mut ms: Vec<usize> = (0..k).map(|_| *r.pick(&pool)).collect();
        ms.sort();
        ms.dedup();
        if r.chance(0.4) {
            let sp: Vec<usize> = kinds_list(ctx, &[Kind::Sports]).into_iter().filter(|&m| ctx.w.markets[m].busy > 2.0).collect();
            for _ in 0..r.int(3, 15) {
                ms.push(*r.pick(&sp));
            }
        }
        let q = (r.lognormal(150.0, 0.7) / 10.0).round().max(1.0) * 10.0;
        let rate = r.range(0.15, 1.2);
        let limit = q * r.range(2.0, 8.0);
        let mut out = Vec::new();
        for m in ms {
            let (t0, t1) = (ctx.w.markets[m].path0.max(START), ctx.w.markets[m].end());
            let t1 = if ctx.w.markets[m].kind == Kind::Sports { t1.min(ctx.w.markets[m].start) } else { t1 };
            let mut inv = 0.0f64;
            let mut t = t0;
            loop {
                t += r.exp(3600.0 / rate) as i64 + 1;
                if t >= t1 {
                    break;
                }
                if !r.chance(tod(t) / 1.4) {
                    continue;
                }
                let size = (q * r.range(0.05, 1.0) * 100.0).round() / 100.0;
                let reduce = inv.abs() > limit;
                let o = r.below(2);
                let buy = if reduce { (inv > 0.0) == (o == 1) } else { r.chance(0.5) };
                let f = ctx.maker(t, m, o, buy, sz2(size));
                let sgn = if (o == 0) == buy { 1.0 } else { -1.0 };
                inv += sgn * f.size as f64 / 100.0;
                out.push(f);
                if r.chance(0.25) {
                    // The same taker order hits the next level of the ladder.
                    let mut g = f;
                    g.cents = if buy { (g.cents - 1).max(1) } else { (g.cents + 1).min(99) };
                    g.size = sz2(q * r.range(0.3, 1.0));
                    out.push(g);
                }
            }
        }
        out
    })
}

fn complement_arb(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let kinds: Vec<Kind> =
            [Kind::Politics, Kind::Sports, Kind::Culture, Kind::Economics, Kind::Weather].into_iter().filter(|_| r.chance(0.7)).collect();
        let kinds = if kinds.is_empty() { vec![Kind::Sports] } else { kinds };
        let crypto = r.chance(0.5);
        let rate = r.range(0.08, 1.0);
        let depth = r.lognormal(300.0, 0.8);
        let same_tx = r.chance(0.6);
        let mut out = Vec::new();
        let mut t = START;
        loop {
            t += r.exp(3600.0 / rate) as i64 + 1;
            if t >= NOW {
                break;
            }
            let m = if crypto && r.chance(0.5) {
                match ctx.w.crypto_at(r.below(3), t) {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                let live = ctx.w.live_of(&kinds, t);
                if live.is_empty() {
                    continue;
                }
                live[r.below(live.len())]
            };
            let c0 = ((ctx.w.markets[m].mid(t, 0) * 100.0).round() as i64 - r.int(0, 1)).clamp(2, 97);
            let c1 = (100 - c0 - r.int(1, 3)).clamp(1, 98);
            let s = sz2((depth * r.range(0.2, 1.0)).min(depth * 3.0));
            let tx = ctx.tx();
            out.push(Fill { t, m, o: 0, buy: true, cents: c0, size: s, tx });
            let tx2 = if same_tx { tx } else { ctx.tx() };
            let t2 = if same_tx { t } else { t + r.int(0, 3) };
            out.push(Fill { t: t2, m, o: 1, buy: true, cents: c1, size: s, tx: tx2 });
        }
        out
    })
}

fn basket_arb(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let evs: Vec<usize> = (0..ctx.w.events.len()).filter(|&e| ctx.w.events[e].kind == Kind::NegRisk || r.chance(0.5)).collect();
        let rate = r.range(0.02, 0.3);
        let unit = r.lognormal(120.0, 0.7);
        let mut out = Vec::new();
        let mut t = START;
        loop {
            t += r.exp(3600.0 / rate) as i64 + 1;
            if t >= NOW {
                break;
            }
            let live: Vec<usize> =
                evs.iter().copied().filter(|&e| ctx.w.events[e].markets.iter().all(|&m| ctx.w.markets[m].live(t))).collect();
            if live.is_empty() {
                continue;
            }
            let e = live[r.below(live.len())];
            let ms = ctx.w.events[e].markets.clone();
            let sell = r.chance(0.25);
            let s = sz2(unit * r.range(0.3, 1.5));
            let tx = ctx.tx();
            for m in ms {
                let mid = ctx.w.markets[m].mid(t, 0) * 100.0;
                let c = if sell { mid.ceil() as i64 + r.int(0, 1) } else { mid.floor() as i64 - r.int(0, 1) };
                out.push(Fill { t, m, o: 0, buy: !sell, cents: c.clamp(1, 99), size: s, tx });
            }
        }
        out
    })
}

fn sniper(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let mut kinds = vec![];
        for k in [Kind::Sports, Kind::Crypto, Kind::Economics, Kind::Culture, Kind::Weather] {
            if r.chance(0.5) {
                kinds.push(k);
            }
        }
        if kinds.is_empty() {
            kinds.push(Kind::Crypto);
        }
        let thr = r.range(0.93, 0.985);
        let horizon = r.int(60, 1800);
        let lat = r.range(1.0, 15.0);
        let budget = r.lognormal(1500.0, 0.9);
        let part = r.range(0.15, 0.7);
        let mut out = Vec::new();
        for m in kinds_list(ctx, &kinds) {
            let mk = &ctx.w.markets[m];
            if !mk.resolves() || mk.close < START || !r.chance(if mk.kind == Kind::Crypto { part * 0.3 } else { part }) {
                continue;
            }
            let mut t = (mk.close - horizon).max(mk.path0);
            let mut found = None;
            while t < mk.close - 5 {
                let p = mk.p(t);
                if p >= thr || p <= 1.0 - thr {
                    found = Some((t, usize::from(p < 0.5)));
                    break;
                }
                t += 60;
            }
            let Some((t, o)) = found else { continue };
            let t = t + r.exp(lat) as i64 + 1;
            if !ctx.w.markets[m].live(t) {
                continue;
            }
            let c = ctx.w.markets[m].ask(t, o);
            let s = shares_for(budget * r.range(0.5, 1.2), c.max(90));
            out.extend(ctx.take_shares(t, m, o, true, s, r.int(1, 3) as usize));
        }
        out
    })
}

fn copy_core(r: &mut Rng, ctx: &mut Ctx, delay: (f64, f64), fixed: bool) -> Vec<Fill> {
    let k = r.int(1, 3) as usize;
    let ratio = r.range(0.01, 0.3);
    let usd_fixed = r.lognormal(30.0, 0.7);
    let follow = r.range(0.85, 1.0);
    let mut src: Vec<Fill> = Vec::new();
    for _ in 0..k {
        let i = r.below(ctx.famous.len());
        src.extend(ctx.famous[i].iter().copied());
    }
    src.sort_by_key(|f| (f.t, f.tx));
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let f = src[i];
        let mut size = 0;
        while i < src.len() && src[i].tx == f.tx {
            size += src[i].size;
            i += 1;
        }
        if !r.chance(follow) {
            continue;
        }
        let t = f.t + r.range(delay.0, delay.1) as i64;
        if t >= NOW || !ctx.w.markets[f.m].live(t) {
            continue;
        }
        let s = if fixed && f.buy { shares_for(usd_fixed, f.cents) } else { ((size as f64 * ratio).round() as i64).max(500) };
        let c = if f.buy { f.cents + r.int(0, 2) } else { f.cents - r.int(0, 2) };
        let tx = ctx.tx();
        out.push(Fill { t, m: f.m, o: f.o, buy: f.buy, cents: c.clamp(1, 99), size: s, tx });
    }
    out
}

fn copy_onchain(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let lo = r.range(1.5, 4.0);
        let hi = lo + r.range(1.0, 6.0);
        copy_core(r, ctx, (lo, hi), false)
    })
}

fn copy_api(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let poll = r.range(4.0, 60.0);
        let fixed = r.chance(0.5);
        let hi = poll + r.range(3.0, 20.0);
        copy_core(r, ctx, (3.0, hi), fixed)
    })
}

fn twap(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let parents = r.int(2, 10);
        let every = r.range(20.0, 900.0);
        let jitter = r.range(0.0, 0.25);
        let slices = (r.int(8, 60)) as f64;
        let mut out = Vec::new();
        for _ in 0..parents {
            let t0 = START + r.int(0, 29 * DAY);
            let live = ctx.w.live_of(&[Kind::Politics, Kind::NegRisk, Kind::Economics, Kind::Sports], t0);
            let live: Vec<usize> = live.into_iter().filter(|&m| ctx.w.markets[m].busy > 1.0).collect();
            if live.is_empty() {
                continue;
            }
            let m = live[r.below(live.len())];
            let o = r.below(2);
            let buy = r.chance(0.8);
            let total = r.lognormal(12_000.0, 0.8);
            let c = ctx.w.markets[m].ask(t0, o);
            if !(5..=95).contains(&c) {
                continue;
            }
            let slice = ((total / slices) / (c as f64 / 100.0)).round().max(5.0);
            let mut t = t0;
            for _ in 0..slices as usize {
                if t >= NOW || !ctx.w.markets[m].live(t) {
                    break;
                }
                out.extend(ctx.take_shares(t, m, o, buy, (slice * 100.0) as i64, 1));
                t += (every * (1.0 + jitter * (2.0 * r.f64() - 1.0))) as i64;
            }
        }
        out
    })
}

fn reward_farmer(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let pool = kinds_list(ctx, &[Kind::Politics, Kind::NegRisk, Kind::Sports, Kind::Economics, Kind::Culture]);
        let k = r.int(6, 25);
        let min_sz = *r.pick(&[20.0, 50.0, 100.0, 200.0]);
        let q = min_sz * r.range(1.0, 3.0);
        let rate = r.range(0.05, 0.5);
        let mut out = Vec::new();
        for _ in 0..k {
            let m = *r.pick(&pool);
            let (t0, t1) = (ctx.w.markets[m].path0.max(START), ctx.w.markets[m].end());
            let mut t = t0;
            loop {
                t += r.exp(3600.0 / rate) as i64 + 1;
                if t >= t1 {
                    break;
                }
                let o = r.below(2);
                let c = ctx.w.markets[m].bid(t, o);
                if !(10..=90).contains(&c) {
                    continue;
                }
                let f = ctx.maker(t, m, o, true, sz2(q * r.range(0.1, 1.0)));
                out.push(f);
            }
        }
        out
    })
}

fn volume_farmer(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let runs: Vec<f64> = (0..r.int(1, 4)).map(|_| r.range(0.0, 24.0)).collect();
        let trips = r.int(3, 25);
        let usd = r.range(3.0, 25.0);
        let gap = r.range(2.0, 60.0);
        let days_on = r.range(0.5, 1.0);
        let mut out = Vec::new();
        for d in 0..31 {
            if !r.chance(days_on) {
                continue;
            }
            for &h in &runs {
                let mut t = START - START.rem_euclid(DAY) + d * DAY + (h * 3600.0) as i64 + r.int(0, 90);
                if !(START..NOW).contains(&t) {
                    continue;
                }
                let live: Vec<usize> = ctx
                    .w
                    .live_of(&[Kind::Politics, Kind::NegRisk, Kind::Sports, Kind::Culture], t)
                    .into_iter()
                    .filter(|&m| ctx.w.markets[m].spread == 1)
                    .collect();
                if live.is_empty() {
                    continue;
                }
                for _ in 0..trips {
                    let m = live[r.below(live.len())];
                    let o = r.below(2);
                    if !ctx.w.markets[m].live(t + 300) || !(5..=95).contains(&ctx.w.markets[m].ask(t, o)) {
                        continue;
                    }
                    let f = ctx.take(t, m, o, true, usd * r.range(0.97, 1.03), 1);
                    let s: i64 = f.iter().map(|x| x.size).sum();
                    out.extend(f);
                    t += (gap * r.range(0.8, 1.2)) as i64 + 1;
                    out.extend(ctx.take_shares(t, m, o, false, s, 1));
                    t += (gap * r.range(0.8, 1.2)) as i64 + 1;
                }
            }
        }
        out
    })
}

fn wash_ring(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    let mut out: Vec<Vec<Fill>> = vec![Vec::new(); n];
    let mut i = 0;
    while i < n {
        let size = if n - i <= 4 { n - i } else { r.int(2, 4) as usize };
        let members: Vec<usize> = (i..i + size).collect();
        i += size;
        let pool: Vec<usize> = kinds_list(ctx, &[Kind::Politics, Kind::NegRisk, Kind::Culture, Kind::Economics])
            .into_iter()
            .filter(|&m| ctx.w.markets[m].busy < 3.0)
            .collect();
        let ms: Vec<usize> = (0..r.int(1, 4)).map(|_| *r.pick(&pool)).collect();
        let rate = r.range(0.3, 4.0);
        let lot = r.lognormal(300.0, 0.8).round();
        let mut t = START + r.int(0, 5 * DAY);
        let end = NOW - r.int(0, 6 * DAY);
        loop {
            t += r.exp(3600.0 / rate) as i64 + 1;
            if t >= end {
                break;
            }
            let m = ms[r.below(ms.len())];
            if !ctx.w.markets[m].live(t) {
                continue;
            }
            let a = members[r.below(members.len())];
            let mut b = members[r.below(members.len())];
            if a == b {
                b = members[(b - members[0] + 1) % members.len()];
            }
            let o = r.below(2);
            let c = (ctx.w.markets[m].mid(t, o) * 100.0).round() as i64;
            let s = sz2(lot * r.range(0.9, 1.1));
            let tx = ctx.tx();
            out[a].push(Fill { t, m, o, buy: true, cents: c.clamp(1, 99), size: s, tx });
            out[b].push(Fill { t, m, o, buy: false, cents: c.clamp(1, 99), size: s, tx });
        }
    }
    out
}

fn crypto_bot(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let coins: Vec<usize> = (0..3).filter(|_| r.chance(0.6)).collect();
        let coins = if coins.is_empty() { vec![0] } else { coins };
        let late = r.chance(0.6);
        let offset = if late { r.int(40, 58) * 60 } else { r.int(0, 3) * 60 };
        let part = r.range(0.4, 0.95);
        let bank = r.lognormal(3000.0, 0.8);
        let kelly = r.range(0.02, 0.15);
        let mut out = Vec::new();
        for c in coins {
            let ms = ctx.w.crypto[c].clone();
            for m in ms {
                if !r.chance(part) {
                    continue;
                }
                let t = ctx.w.markets[m].start + offset + r.int(0, 20);
                if !ctx.w.markets[m].live(t) {
                    continue;
                }
                let p = ctx.w.markets[m].p(t);
                let o = if late { usize::from(p < 0.5) } else { r.below(2) };
                let c0 = ctx.w.markets[m].ask(t, o);
                if !(20..=96).contains(&c0) {
                    continue;
                }
                let edge = if late { (1.0 - c0 as f64 / 100.0) * 0.5 } else { 0.05 };
                let usd = bank * kelly * (0.5 + edge * 4.0);
                out.extend(ctx.take(t, m, o, true, usd, 1 + usize::from(usd > 600.0)));
                if !late && r.chance(0.5) {
                    let t2 = t + r.int(5, 50) * 60;
                    if ctx.w.markets[m].live(t2) {
                        let s = shares_for(usd, c0);
                        out.extend(ctx.take_shares(t2, m, o, false, s, 1));
                    }
                }
            }
        }
        out
    })
}

fn news_bot(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let mut kinds = vec![];
        for k in [Kind::Economics, Kind::Politics, Kind::Culture, Kind::Sports] {
            if r.chance(0.6) {
                kinds.push(k);
            }
        }
        if kinds.is_empty() {
            kinds.push(Kind::Economics);
        }
        let lat = r.range(0.5, 6.0);
        let part = r.range(0.5, 0.95);
        let usd0 = r.lognormal(800.0, 0.8);
        let mut out = Vec::new();
        for m in kinds_list(ctx, &kinds) {
            for j in ctx.w.markets[m].jumps.clone() {
                if !r.chance(part) {
                    continue;
                }
                let t = j + r.exp(lat) as i64 + 1;
                if !ctx.w.markets[m].live(t) || !ctx.w.markets[m].live(j - 60) {
                    continue;
                }
                let up = ctx.w.markets[m].p(j) > ctx.w.markets[m].p(j - 60);
                let o = usize::from(!up);
                let stale = ctx.w.markets[m].ask(j - 60, o);
                let now = ctx.w.markets[m].ask(t, o);
                let c = (stale + r.int(0, 3)).min(now).clamp(1, 99);
                let s = shares_for(usd0 * r.range(0.5, 1.5), c);
                let tx = ctx.tx();
                out.push(Fill { t, m, o, buy: true, cents: c, size: s, tx });
                if r.chance(0.4) {
                    out.push(Fill { t, m, o, buy: true, cents: (c + 1).min(99), size: sz2(s as f64 / 100.0 * r.range(0.2, 0.8)), tx });
                }
                if r.chance(0.5) {
                    let t2 = t + r.int(120, 7200);
                    if ctx.w.markets[m].live(t2) {
                        out.extend(ctx.take_shares(t2, m, o, false, s, 1));
                    }
                }
            }
        }
        out
    })
}

fn cross_venue(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let mut pool = kinds_list(ctx, &[Kind::Politics, Kind::NegRisk, Kind::Sports, Kind::Economics]);
        pool.retain(|&m| ctx.w.markets[m].busy > 0.6);
        let k = r.int(5, 30);
        let thr = r.range(0.015, 0.04);
        let lat = r.range(0.5, 4.0);
        let unit = r.lognormal(400.0, 0.7);
        let mut out = Vec::new();
        for _ in 0..k {
            let m = *r.pick(&pool);
            let (t0, t1) = (ctx.w.markets[m].path0.max(START), ctx.w.markets[m].end());
            let mut t = t0;
            while t + 180 < t1 {
                let d = ctx.w.markets[m].p(t + 120) - ctx.w.markets[m].p(t);
                if d.abs() >= thr {
                    let o = usize::from(d < 0.0);
                    let te = t + r.exp(lat) as i64 + 1;
                    let c = ctx.w.markets[m].ask(te, o);
                    if (3..=97).contains(&c) {
                        let s = shares_for(unit * r.range(0.3, 1.0), c);
                        out.extend(ctx.take_shares(te, m, o, true, s, 1 + r.below(2)));
                        let tu = te + r.int(120, 3600);
                        if ctx.w.markets[m].live(tu) && r.chance(0.7) {
                            out.extend(ctx.take_shares(tu, m, o, false, s, 1));
                        }
                    }
                    t += 600;
                } else {
                    t += 60;
                }
            }
        }
        out
    })
}

fn llm_agent(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let every = *r.pick(&[2i64, 3, 4, 6, 8, 12, 24]) * 3600;
        let phase = r.int(0, every);
        let act = r.range(0.15, 0.5);
        let skill = r.range(0.55, 0.75);
        let bank = r.lognormal(800.0, 0.8);
        let kinds = [Kind::Politics, Kind::Culture, Kind::Economics, Kind::NegRisk, Kind::Weather];
        let mut held: Vec<(usize, usize, i64, i64)> = Vec::new();
        let mut out = Vec::new();
        let mut run = START - START.rem_euclid(every) + phase;
        while run < NOW {
            let t = run + r.int(0, 240);
            run += every;
            if t < START || t >= NOW {
                continue;
            }
            // Review what it holds.
            let mut k = 0;
            while k < held.len() {
                let (m, o, s, c) = held[k];
                if ctx.w.markets[m].live(t) && (ctx.w.markets[m].bid(t, o) - c >= 10 || r.chance(0.03)) {
                    out.extend(ctx.take_shares(t, m, o, false, s, 1));
                    held.swap_remove(k);
                } else {
                    k += 1;
                }
            }
            if !r.chance(act) {
                continue;
            }
            let live = ctx.w.live_of(&kinds, t);
            if live.is_empty() {
                continue;
            }
            for _ in 0..r.int(1, 2) {
                let m = live[r.below(live.len())];
                let later = (t + DAY).min(ctx.w.markets[m].end() - 1);
                let up = ctx.w.markets[m].p(later) > ctx.w.markets[m].p(t);
                let o = if up == r.chance(skill) { 0 } else { 1 };
                let c = ctx.w.markets[m].ask(t, o);
                if !(5..=95).contains(&c) {
                    continue;
                }
                let usd = stake(r, bank * 0.04, 0.9);
                let f = ctx.take(t, m, o, true, usd, 1);
                held.push((m, o, f.iter().map(|x| x.size).sum(), c));
                out.extend(f);
            }
        }
        out
    })
}

fn tipster(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    // Channels post picks at the tipster's hours; followers' programs place them.
    let mut channels: Vec<Vec<(i64, usize, usize, bool)>> = Vec::new();
    for _ in 0..3 {
        let mut sig = Vec::new();
        let per_day = r.range(1.0, 4.0);
        let tz = *r.pick(&[-5i64, 0, -8]);
        let mut open: Vec<(usize, usize)> = Vec::new();
        for d in 0..30 {
            for _ in 0..r.poisson(per_day) {
                let t = START - START.rem_euclid(DAY) + d * DAY + ((r.range(10.0, 23.0) - tz as f64) * 3600.0) as i64;
                if !(START..NOW).contains(&t) {
                    continue;
                }
                if !open.is_empty() && r.chance(0.2) {
                    let (m, o) = open.swap_remove(r.below(open.len()));
                    if ctx.w.markets[m].live(t) {
                        sig.push((t, m, o, false));
                    }
                    continue;
                }
                let live: Vec<usize> = ctx
                    .w
                    .live_of(&[Kind::Sports, Kind::Politics], t)
                    .into_iter()
                    .filter(|&m| ctx.w.markets[m].kind != Kind::Sports || ctx.w.markets[m].start - t < DAY)
                    .collect();
                if live.is_empty() {
                    continue;
                }
                let m = live[r.below(live.len())];
                let o = r.below(2);
                if (8..=90).contains(&ctx.w.markets[m].ask(t, o)) {
                    sig.push((t, m, o, true));
                    open.push((m, o));
                }
            }
        }
        channels.push(sig);
    }
    let mut out = Vec::new();
    for i in 0..n {
        let mut rr = r.fork(500 + i as u64);
        let ch = &channels[i % channels.len()];
        let typical = rr.lognormal(40.0, 0.8);
        let unit = stake(&mut rr, typical, 0.95);
        let lat = rr.range(2.0, 40.0);
        let part = rr.range(0.75, 1.0);
        let mut held: Vec<(usize, usize, i64)> = Vec::new();
        let mut fills = Vec::new();
        for &(t, m, o, buy) in ch {
            if !rr.chance(part) {
                continue;
            }
            let te = t + rr.exp(lat) as i64 + 1;
            if !ctx.w.markets[m].live(te) {
                continue;
            }
            if buy {
                let f = ctx.take(te, m, o, true, unit, 1);
                held.push((m, o, f.iter().map(|x| x.size).sum()));
                fills.extend(f);
            } else if let Some(k) = held.iter().position(|h| h.0 == m && h.1 == o) {
                let s = held[k].2;
                held.swap_remove(k);
                fills.extend(ctx.take_shares(te, m, o, false, s, 1));
            }
        }
        out.push(fills);
    }
    out
}

fn slow_model(r: &mut Rng, ctx: &mut Ctx, n: usize) -> Vec<Vec<Fill>> {
    each(r, ctx, n, |r, ctx| {
        let hour = r.range(0.0, 24.0);
        let skip = r.range(0.05, 0.4);
        let bank = r.lognormal(1500.0, 0.7);
        let round_to = *r.pick(&[1.0, 5.0, 10.0, 25.0]);
        let kinds: Vec<Kind> =
            [Kind::Sports, Kind::Politics, Kind::Weather, Kind::Economics, Kind::NegRisk].into_iter().filter(|_| r.chance(0.5)).collect();
        let kinds = if kinds.is_empty() { vec![Kind::Sports] } else { kinds };
        let mut out = Vec::new();
        for d in 0..31 {
            if r.chance(skip) {
                continue;
            }
            let t = START - START.rem_euclid(DAY) + d * DAY + (hour * 3600.0) as i64 + r.int(0, 420);
            if !(START..NOW).contains(&t) {
                continue;
            }
            let live = ctx.w.live_of(&kinds, t);
            if live.is_empty() {
                continue;
            }
            for _ in 0..r.int(0, 3) {
                let m = live[r.below(live.len())];
                let later = (t + 2 * DAY).min(ctx.w.markets[m].end() - 1);
                let fair = ctx.w.markets[m].p(later) * 0.6 + ctx.w.markets[m].p(t) * 0.4 + 0.03 * r.normal();
                let (o, edge) =
                    if fair > ctx.w.markets[m].p(t) { (0, fair - ctx.w.markets[m].p(t)) } else { (1, ctx.w.markets[m].p(t) - fair) };
                let c = ctx.w.markets[m].ask(t, o);
                if edge < 0.02 || !(5..=95).contains(&c) {
                    continue;
                }
                let p = c as f64 / 100.0;
                let f = (edge / (1.0 - p)).min(0.1);
                let usd = ((bank * f / round_to).round() * round_to).max(round_to.max(3.0));
                out.extend(ctx.take(t, m, o, true, usd, 1));
            }
        }
        out
    })
}
