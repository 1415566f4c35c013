//! Programs: how market makers, arbitrageurs, snipers, copiers, executors, farmers and agents
//! trade on Polymarket.

use super::crowd::{CROWD_SCALE, Tip, phase};
use super::exec::{self, Amt, How, Order};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, World, tod};
use super::{Ctx, Holdout13Wallet, Kindred, NOW, W0};
use copycat_core::trade::{Side, Trade};

pub fn kinds() -> Vec<Kindred> {
    vec![
        Kindred { name: "market_maker", bot: true, count: 11, split: true, make: market_maker },
        Kindred { name: "liquidity_reward_farmer", bot: true, count: 10, split: true, make: reward_farmer },
        Kindred { name: "complement_arb", bot: true, count: 10, split: false, make: complement_arb },
        Kindred { name: "negrisk_basket_arb", bot: true, count: 10, split: false, make: basket_arb },
        Kindred { name: "resolution_sniper", bot: true, count: 11, split: false, make: sniper },
        Kindred { name: "copy_bot_onchain", bot: true, count: 10, split: false, make: copy_onchain },
        Kindred { name: "copy_bot_api", bot: true, count: 11, split: false, make: copy_api },
        Kindred { name: "twap_executor", bot: true, count: 10, split: false, make: twap },
        Kindred { name: "iceberg_executor", bot: true, count: 10, split: true, make: iceberg },
        Kindred { name: "volume_farmer", bot: true, count: 11, split: false, make: volume_farmer },
        Kindred { name: "crypto_interval_bot", bot: true, count: 12, split: true, make: crypto_interval },
        Kindred { name: "news_latency_bot", bot: true, count: 10, split: false, make: news_latency },
        Kindred { name: "cross_venue_arb", bot: true, count: 10, split: true, make: cross_venue },
        Kindred { name: "sports_feed_bot", bot: true, count: 10, split: false, make: sports_feed },
        Kindred { name: "hard_llm_agent", bot: true, count: 12, split: false, make: llm_agent },
        Kindred { name: "hard_tipster_autoexec", bot: true, count: 12, split: false, make: tipster_autoexec },
        Kindred { name: "hard_slow_model_bot", bot: true, count: 11, split: false, make: slow_model },
        Kindred { name: "hard_sentiment_swing_bot", bot: true, count: 10, split: false, make: sentiment_swing },
    ]
}

fn choose_markets(w: &World, kinds: &[Kind], n: usize, min_busy: f64, max_busy: f64, rng: &mut Rng) -> Vec<usize> {
    let mut c: Vec<usize> = Vec::new();
    for k in kinds {
        if let Some(v) = w.by_kind.get(k) {
            c.extend(v.iter().copied().filter(|&m| {
                let mk = &w.markets[m];
                mk.busy >= min_busy && mk.busy <= max_busy && mk.close > W0 + 3 * DAY && mk.open < NOW - 3 * DAY
            }));
        }
    }
    let mut out = Vec::new();
    for _ in 0..n * 3 {
        if c.is_empty() || out.len() >= n {
            break;
        }
        let i = rng.below(c.len());
        out.push(c.swap_remove(i));
    }
    out
}

fn nice_shares(rng: &mut Rng) -> f64 {
    *rng.pick(&[20.0, 25.0, 50.0, 100.0, 100.0, 150.0, 200.0, 250.0, 500.0, 1000.0])
}

/// Downtime: a program is redeployed, crashes, or is switched off for a while.
fn downtime(rng: &mut Rng) -> Vec<(i64, i64)> {
    let mut v = Vec::new();
    let k = rng.range(0.5, 4.0);
    for _ in 0..rng.poisson(k) {
        let s = rng.int(W0, NOW);
        v.push((s, s + (rng.exp(8.0 * HOUR as f64) as i64).max(600)));
    }
    if rng.chance(0.3) {
        let s = rng.int(W0, NOW - 5 * DAY);
        v.push((s, s + rng.int(2, 12) * DAY));
    }
    v
}

fn up(down: &[(i64, i64)], t: i64) -> bool {
    !down.iter().any(|&(a, b)| t >= a && t < b)
}

fn market_maker(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let kinds: Vec<Kind> = match rng.below(3) {
        0 => vec![Kind::Politics, Kind::Culture, Kind::Econ],
        1 => vec![Kind::Sports, Kind::Soccer],
        _ => vec![Kind::Politics, Kind::Sports, Kind::Soccer, Kind::Econ],
    };
    let ms = choose_markets(w, &kinds, rng.int(3, 12) as usize, 5.0, 1e9, rng);
    let q = nice_shares(rng) * rng.range(1.0, 4.0).round();
    let share = rng.range(0.04, 0.2);
    let pull_inplay = rng.chance(0.6);
    let down = downtime(rng);
    let mut o = Vec::new();
    for m in ms {
        let mk = &w.markets[m];
        let e = &w.events[mk.ev];
        let mut inv = [0.0f64; 2];
        let mut t = mk.open.max(W0);
        let end = mk.close.min(NOW);
        while t < end {
            let inplay = e.live.map(|(s, x)| t >= s && t < x).unwrap_or(false);
            let decided = e.decided.map(|d| t >= d).unwrap_or(false);
            if up(&down, t) && !(inplay && pull_inplay) && !decided {
                let lam = CROWD_SCALE * mk.busy * share * tod(t) * phase(w, m, t) * 300.0 / HOUR as f64;
                for _ in 0..rng.poisson(lam) {
                    let at = t + rng.int(0, 299);
                    let oi = rng.below(2);
                    let skew = (inv[oi] / (q * 6.0)).clamp(-0.4, 0.4);
                    let side = if rng.chance(0.5 + skew) { Side::Sell } else { Side::Buy };
                    let size = if rng.chance(0.45) { q } else { (q * rng.range(0.05, 1.0) * 100.0).floor() / 100.0 };
                    match side {
                        Side::Buy => inv[oi] += size,
                        Side::Sell => inv[oi] -= size,
                    }
                    o.push(Order { t: at, m, oi, side, amt: Amt::Shares(size), how: How::Make, group: 0 });
                }
            }
            t += 300;
        }
    }
    o
}

fn reward_farmer(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let ms = choose_markets(
        w,
        &[Kind::Politics, Kind::Culture, Kind::Weather, Kind::Mentions, Kind::Econ],
        rng.int(4, 16) as usize,
        0.0,
        20.0,
        rng,
    );
    let q = *rng.pick(&[100.0, 100.0, 200.0, 200.0, 250.0, 300.0, 500.0]);
    let share = rng.range(0.05, 0.25);
    let down = downtime(rng);
    let mut o = Vec::new();
    for m in ms {
        let mk = &w.markets[m];
        let mut t = mk.open.max(W0);
        let end = mk.close.min(NOW);
        while t < end {
            if up(&down, t) && w.events[mk.ev].decided.map(|d| t < d).unwrap_or(true) {
                let lam = CROWD_SCALE * mk.busy * share * phase(w, m, t) * 600.0 / HOUR as f64;
                for _ in 0..rng.poisson(lam) {
                    let at = t + rng.int(0, 599);
                    let side = if rng.chance(0.5) { Side::Buy } else { Side::Sell };
                    let size = if rng.chance(0.7) { q } else { (q * rng.range(0.2, 1.0)).floor() };
                    o.push(Order { t: at, m, oi: rng.below(2), side, amt: Amt::Shares(size), how: How::Make, group: 0 });
                }
            }
            t += 600;
        }
    }
    o
}

/// Moments when books dislocate: jumps in fast markets.
fn jump_moments(w: &World, kinds: &[Kind]) -> Vec<(i64, usize, f32)> {
    let mut v = Vec::new();
    for e in &w.events {
        if !kinds.contains(&e.kind) {
            continue;
        }
        for &(t, k, j) in &e.jumps {
            if (W0..NOW).contains(&t) {
                let m = if e.xs.len() == 1 { e.markets[0] } else { e.markets[k.min(e.markets.len() - 1)] };
                v.push((t, m, j));
            }
        }
    }
    v.sort_by_key(|x| x.0);
    v
}

fn complement_arb(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let w = ctx.w;
    let kinds: Vec<Kind> = if i.is_multiple_of(2) {
        vec![Kind::Sports, Kind::Crypto]
    } else {
        vec![Kind::Crypto, Kind::Sports, Kind::Politics, Kind::Mentions]
    };
    let p = rng.range(0.02, 0.12);
    let cap = rng.lognormal(400.0, 0.8);
    let lat = rng.range(0.3, 3.0);
    let down = downtime(rng);
    let mut o = Vec::new();
    let mut g = (i as u64 + 1) << 32;
    let mut moments = jump_moments(w, &kinds);
    // Quiet dislocations too.
    for _ in 0..rng.int(20, 200) {
        let t = rng.int(W0, NOW - 1);
        if let Some(m) = w.crypto_market(0, HOUR, t) {
            moments.push((t, m, 0.0));
        }
    }
    moments.sort_by_key(|x| x.0);
    for (t, m, _) in moments {
        if !rng.chance(p) || !up(&down, t) || !w.tradable(m, t + 2) {
            continue;
        }
        let at = t + (lat + rng.exp(lat)) as i64;
        let (_, a0) = w.quote(m, 0, at);
        let edge = rng.int(1, 3);
        let a1 = 100 - a0 - edge;
        if !(1..=99).contains(&a1) {
            continue;
        }
        let sh = ((cap * rng.range(0.3, 1.0) / ((a0 + a1) as f64 / 100.0)) * 100.0).floor() / 100.0;
        g += 1;
        let same = rng.chance(0.7);
        o.push(Order::buy(at, m, 0, Amt::Shares(sh)).how(How::At(a0)).group(if same { g } else { 0 }));
        o.push(Order::buy(at + i64::from(!same), m, 1, Amt::Shares(sh)).how(How::At(a1)).group(if same { g } else { 0 }));
    }
    o
}

fn basket_arb(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let w = ctx.w;
    let per_day = rng.range(0.5, 6.0);
    let cap = rng.lognormal(300.0, 0.8);
    let down = downtime(rng);
    let kinds: Vec<Kind> = match i % 3 {
        0 => vec![Kind::Soccer, Kind::Weather],
        1 => vec![Kind::Politics, Kind::Econ, Kind::Culture],
        _ => vec![Kind::Soccer, Kind::Politics, Kind::Weather, Kind::Econ, Kind::Culture],
    };
    let evs: Vec<usize> = w.events.iter().enumerate().filter(|(_, e)| e.neg_risk && kinds.contains(&e.kind)).map(|(i, _)| i).collect();
    let mut o = Vec::new();
    let mut g = (i as u64 + 1) << 32;
    let n = rng.poisson(per_day * 30.0);
    for _ in 0..n {
        let t = rng.int(W0, NOW - 1);
        if !up(&down, t) || evs.is_empty() {
            continue;
        }
        let ev = evs[rng.below(evs.len())];
        let e = &w.events[ev];
        if !e.markets.iter().all(|&m| w.tradable(m, t)) {
            continue;
        }
        let mut prices: Vec<i64> = e.markets.iter().map(|&m| w.quote(m, 0, t).1).collect();
        let mut sum: i64 = prices.iter().sum();
        let target = 100 - rng.int(1, 3);
        let mut k = 0;
        while sum > target && k < 50 {
            let j = k % prices.len();
            if prices[j] > 1 {
                prices[j] -= 1;
                sum -= 1;
            }
            k += 1;
        }
        if sum > target {
            continue;
        }
        let sh = ((cap * rng.range(0.3, 1.0)) * 100.0).floor() / 100.0;
        g += 1;
        for (j, &m) in e.markets.iter().enumerate() {
            o.push(Order::buy(t, m, 0, Amt::Shares(sh)).how(How::At(prices[j])).group(g));
        }
    }
    o
}

fn sniper(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let w = ctx.w;
    let kinds: Vec<Kind> = match i % 3 {
        0 => vec![Kind::Crypto],
        1 => vec![Kind::Sports, Kind::Soccer, Kind::Mentions],
        _ => vec![Kind::Sports, Kind::Soccer, Kind::Econ, Kind::Politics, Kind::Weather, Kind::Mentions, Kind::Culture],
    };
    let p = rng.range(0.15, 0.6);
    let cap = rng.lognormal(3000.0, 0.8);
    let lat = rng.range(1.0, 20.0);
    let down = downtime(rng);
    let mut o = Vec::new();
    for e in w.events.iter().filter(|e| kinds.contains(&e.kind)) {
        let (Some(d), Some(win)) = (e.decided, e.winner) else { continue };
        if !rng.chance(p) || !up(&down, d) {
            continue;
        }
        if e.kind == Kind::Crypto {
            // Seconds before the close, when the side is all but certain.
            let t = d - rng.int(3, 45);
            let m = e.markets[0];
            let q = w.mid(m, win, t);
            if q < 0.9 {
                continue;
            }
            let c = (q * 100.0).ceil() as i64;
            o.push(Order::buy(t, m, win, Amt::Shares((cap * rng.range(0.2, 1.0) * 100.0).floor() / 100.0)).how(How::Limit(c.min(99))));
            continue;
        }
        let t = d + (lat + rng.exp(lat)) as i64;
        let (m, oi) = if e.xs.len() == 1 { (e.markets[0], win) } else { (e.markets[win], 0) };
        let c = rng.int(97, 99);
        o.push(Order::buy(t, m, oi, Amt::Shares((cap * rng.range(0.3, 1.0) * 100.0).floor() / 100.0)).how(How::At(c)));
        if rng.chance(0.3) && e.xs.len() > 1 {
            // The losing members' No side.
            for (k, &mm) in e.markets.iter().enumerate() {
                if k != win && rng.chance(0.5) {
                    o.push(Order::buy(t + rng.int(0, 2), mm, 1, Amt::Shares((cap * rng.range(0.2, 0.6)).floor())).how(How::At(c)));
                }
            }
        }
    }
    o
}

fn copy_onchain(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let leader = &ctx.leaders[(i + rng.below(3)) % ctx.leaders.len()];
    let ratio = rng.range(0.02, 0.4);
    let slip = rng.int(1, 4);
    let down = downtime(rng);
    let mut o = Vec::new();
    let mut last = (0i64, usize::MAX, 9usize);
    for f in &leader.fills {
        if (f.t, f.m, f.oi) == last {
            continue;
        }
        last = (f.t, f.m, f.oi);
        let total: f64 = leader.fills.iter().filter(|g| g.t == f.t && g.m == f.m && g.oi == f.oi).map(|g| g.shares).sum();
        if !up(&down, f.t) {
            continue;
        }
        let t = f.t + rng.int(2, 6);
        let sh = ((total * ratio) * 100.0).floor() / 100.0;
        let lim = if f.side == Side::Buy { f.cents + slip } else { f.cents - slip };
        let order =
            if f.side == Side::Buy { Order::buy(t, f.m, f.oi, Amt::Shares(sh)) } else { Order::sell(t, f.m, f.oi, Amt::Shares(sh)) };
        o.push(order.how(How::Limit(lim.clamp(1, 99))));
    }
    o
}

fn copy_api(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let leader = &ctx.leaders[(i * 7 + rng.below(6)) % ctx.leaders.len()];
    let poll = rng.range(3.0, 30.0);
    let fixed = *rng.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let pct = rng.chance(0.4);
    let ratio = rng.range(0.01, 0.1);
    let down = downtime(rng);
    let mut o = Vec::new();
    let mut last = (0i64, usize::MAX, 9usize);
    for f in &leader.fills {
        if (f.t, f.m, f.oi) == last {
            continue;
        }
        last = (f.t, f.m, f.oi);
        if !up(&down, f.t) {
            continue;
        }
        let t = f.t + rng.range(0.0, poll) as i64 + rng.int(1, 5) + if rng.chance(0.05) { rng.int(30, 300) } else { 0 };
        if f.side == Side::Sell {
            o.push(Order::sell(t, f.m, f.oi, Amt::All));
            continue;
        }
        let usd = if pct { f.shares * f.cents as f64 / 100.0 * ratio } else { fixed };
        o.push(Order::buy(t, f.m, f.oi, Amt::Usd(usd)));
    }
    o
}

fn twap(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let parents = rng.int(1, 6);
    let interval = rng.range(30.0, 900.0);
    let jitter = rng.range(0.0, 0.15);
    let mut o = Vec::new();
    for _ in 0..parents {
        let t0 = rng.int(W0, NOW - DAY);
        let Some(m) =
            super::people::pick_busy(w, rng, &[Kind::Politics, Kind::Econ, Kind::Sports, Kind::Soccer, Kind::Culture], t0, 1.0, &|m| {
                w.markets[m].busy > 8.0 && w.markets[m].close - t0 > DAY
            })
        else {
            continue;
        };
        let oi = rng.below(2);
        let n = rng.int(12, 150);
        let total = rng.lognormal(5000.0, 0.9);
        let child = ((total / n as f64) * 100.0).floor() / 100.0;
        let mut t = t0;
        for _ in 0..n {
            o.push(Order::buy(t, m, oi, Amt::Shares(child)).how(How::Limit(99)));
            t += (interval * (1.0 + jitter * (2.0 * rng.f64() - 1.0))) as i64;
        }
        if rng.chance(0.35) {
            let mut t = t + rng.int(DAY, 5 * DAY);
            for _ in 0..n / 2 {
                o.push(Order::sell(t, m, oi, Amt::Shares(child * 2.0)));
                t += (interval * (1.0 + jitter * (2.0 * rng.f64() - 1.0))) as i64;
            }
        }
    }
    o
}

fn iceberg(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let clip = nice_shares(rng);
    let parents = rng.int(1, 5);
    let mut o = Vec::new();
    for _ in 0..parents {
        let t0 = rng.int(W0, NOW - DAY);
        let Some(m) = super::people::pick_busy(w, rng, &[Kind::Politics, Kind::Econ, Kind::Sports, Kind::Soccer], t0, 1.0, &|m| {
            w.markets[m].busy > 8.0 && w.markets[m].close - t0 > DAY
        }) else {
            continue;
        };
        let oi = rng.below(2);
        let side = if rng.chance(0.7) { Side::Buy } else { Side::Sell };
        let (bid, ask) = w.quote(m, oi, t0);
        let c = if side == Side::Buy { bid } else { ask };
        let total = clip * rng.int(10, 120) as f64;
        let mut done = 0.0;
        let mut t = t0;
        let rate = w.markets[m].busy * rng.range(0.1, 0.4);
        while done < total && t < t0 + 3 * DAY {
            t += rng.exp(HOUR as f64 / rate) as i64 + 1;
            let (b, a) = w.quote(m, oi, t);
            // The level is only hit while the market trades around it.
            if (side == Side::Buy && (a - c) > 3) || (side == Side::Sell && (c - b) > 3) {
                continue;
            }
            let s = if rng.chance(0.6) { clip } else { (clip * rng.range(0.1, 1.0) * 100.0).floor() / 100.0 };
            o.push(Order { t, m, oi, side, amt: Amt::Shares(s), how: How::MakeAt(c), group: 0 });
            done += s;
        }
    }
    o
}

fn volume_farmer(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let per_hour = rng.range(0.3, 2.5);
    let hours_on = rng.range(8.0, 24.0);
    let start_h = rng.range(0.0, 24.0);
    let hold = rng.range(5.0, 300.0);
    let usd = rng.range(1.0, 6.0);
    let down = downtime(rng);
    let mut o = Vec::new();
    let mut t = W0 + rng.int(0, HOUR);
    while t < NOW {
        let h = (t.rem_euclid(DAY) as f64 / HOUR as f64 - start_h).rem_euclid(24.0);
        if h < hours_on
            && up(&down, t)
            && let Some(m) = super::people::pick_busy(
                w,
                rng,
                &[Kind::Sports, Kind::Soccer, Kind::Politics, Kind::Crypto, Kind::Culture, Kind::Econ],
                t,
                0.3,
                &|m| {
                    w.markets[m].busy > 3.0 && {
                        let q = w.mid(m, 0, t);
                        (0.1..0.9).contains(&q)
                    }
                },
            )
        {
            let oi = rng.below(2);
            o.push(Order::buy(t, m, oi, Amt::Usd(usd * rng.range(0.8, 1.2))));
            o.push(Order::sell(t + (hold * rng.range(0.5, 1.5)) as i64, m, oi, Amt::All));
        }
        t += (rng.exp(HOUR as f64 / per_hour) as i64).max(20);
    }
    o
}

fn crypto_interval(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let w = ctx.w;
    let len = if i.is_multiple_of(3) { HOUR } else { 900 };
    let asset = usize::from(rng.chance(0.35));
    let offset = rng.int(20, if len == HOUR { 900 } else { 240 });
    let lo = rng.range(0.55, 0.75);
    let hi = rng.range(0.85, 0.96);
    let size = nice_shares(rng) * rng.range(0.5, 3.0).round().max(1.0);
    let both = rng.chance(0.3);
    let down = downtime(rng);
    let mut o = Vec::new();
    let start = if len == 900 { NOW - 10 * DAY } else { W0 };
    let mut a = start.div_euclid(len) * len + len;
    while a + len <= NOW {
        if up(&down, a)
            && let Some(m) = w.crypto_market(asset, len, a)
        {
            let t = a + len - offset - rng.int(0, 4);
            let q = w.mid(m, 0, t);
            let oi = usize::from(q < 0.5);
            let lead = q.max(1.0 - q);
            if lead >= lo && lead <= hi {
                let (_, ask) = w.quote(m, oi, t);
                o.push(Order::buy(t, m, oi, Amt::Shares(size)).how(How::Limit(ask + 1)));
            }
            if both {
                // Rest bids on both sides early in the interval.
                let t2 = a + rng.int(5, 60);
                for side in 0..2 {
                    let (bid, _) = w.quote(m, side, t2);
                    if rng.chance(0.5) {
                        o.push(Order::buy(t2 + rng.int(0, 120), m, side, Amt::Shares(size)).how(How::MakeAt(bid - 1)));
                    }
                }
            }
        }
        a += len;
    }
    o
}

fn news_latency(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let kinds = [Kind::Politics, Kind::Econ, Kind::Culture, Kind::Mentions];
    let lat = rng.range(0.5, 4.0);
    let thr = rng.range(0.4, 1.0);
    let cap = rng.lognormal(600.0, 0.7);
    let exit = rng.chance(0.6);
    let down = downtime(rng);
    let mut o = Vec::new();
    for (t, m, j) in jump_moments(w, &kinds) {
        if j.abs() < thr as f32 || !up(&down, t) {
            continue;
        }
        let at = t + (lat * rng.range(0.5, 1.5)).round() as i64;
        let oi = usize::from(j < 0.0);
        o.push(Order::buy(at, m, oi, Amt::Usd(cap * rng.range(0.4, 1.0))).how(How::Limit(97)));
        if exit {
            o.push(Order::sell(at + rng.int(300, 2 * HOUR), m, oi, Amt::All));
        }
    }
    o
}

fn cross_venue(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let ms = choose_markets(w, &[Kind::Sports, Kind::Soccer, Kind::Econ, Kind::Politics], rng.int(15, 80) as usize, 6.0, 1e9, rng);
    let per_day = rng.range(0.3, 3.0);
    let cap = rng.lognormal(800.0, 0.7);
    let down = downtime(rng);
    let mut o = Vec::new();
    for m in ms {
        let mk = &w.markets[m];
        let from = mk.open.max(W0);
        let to = mk.close.min(NOW);
        if to <= from {
            continue;
        }
        let days = (to - from) as f64 / DAY as f64;
        for _ in 0..rng.poisson(per_day * days) {
            let t = rng.int(from, to - 1);
            if !up(&down, t) || w.events[mk.ev].decided.map(|d| t >= d).unwrap_or(false) {
                continue;
            }
            let oi = rng.below(2);
            let (_, ask) = w.quote(m, oi, t);
            let sh = ((cap / (ask as f64 / 100.0)).min(mk.depth * 1.5) * 100.0).floor() / 100.0;
            o.push(Order::buy(t, m, oi, Amt::Shares(sh)).how(How::Limit(ask)));
            if rng.chance(0.5) {
                o.push(Order::sell(t + rng.int(600, 6 * HOUR), m, oi, Amt::All));
            }
        }
    }
    o
}

fn sports_feed(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let lat = rng.range(0.8, 6.0);
    let thr = rng.range(0.3, 0.8);
    let cap = rng.lognormal(500.0, 0.7);
    let leagues: Vec<usize> = (0..6).filter(|_| rng.chance(0.5)).collect();
    let down = downtime(rng);
    let mut o = Vec::new();
    for e in
        w.events.iter().filter(|e| matches!(e.kind, Kind::Sports | Kind::Soccer) && (leagues.is_empty() || leagues.contains(&e.league)))
    {
        let Some((s, end)) = e.live else { continue };
        for &(t, k, j) in &e.jumps {
            if t < s || t >= end || !(W0..NOW).contains(&t) || j.abs() < thr as f32 || !up(&down, t) {
                continue;
            }
            let at = t + (lat * rng.range(0.6, 1.4)).round() as i64;
            let (m, oi) = if e.xs.len() == 1 { (e.markets[0], usize::from(j < 0.0)) } else { (e.markets[k], usize::from(j < 0.0)) };
            o.push(Order::buy(at, m, oi, Amt::Usd(cap * rng.range(0.5, 1.0))).how(How::Limit(95)));
            if rng.chance(0.6) {
                o.push(Order::sell(at + rng.int(120, 40 * 60), m, oi, Amt::All));
            }
        }
    }
    o
}

fn llm_agent(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let every = rng.range(2.0, 12.0) * HOUR as f64;
    let act = rng.range(0.2, 0.7);
    let stake = *rng.pick(&[10.0, 20.0, 25.0, 50.0, 75.0, 100.0, 200.0]);
    let vary = rng.chance(0.5);
    let kinds = [Kind::Politics, Kind::Culture, Kind::Econ, Kind::Mentions, Kind::Sports, Kind::Soccer];
    let mut held: Vec<(usize, usize)> = Vec::new();
    let mut o = Vec::new();
    let mut t = W0 + rng.int(0, every as i64);
    let down = downtime(rng);
    while t < NOW {
        if up(&down, t) {
            let mut tt = t + rng.int(5, 240);
            if !held.is_empty() && rng.chance(0.12) {
                let (m, oi) = held.remove(rng.below(held.len()));
                o.push(Order::sell(tt, m, oi, Amt::All));
                tt += rng.int(10, 90);
            }
            if rng.chance(act) {
                for _ in 0..rng.int(1, 2) {
                    let Some(m) = super::people::pick_busy(w, rng, &kinds, tt, 0.5, &|m| {
                        let q = w.mid(m, 0, tt);
                        (0.08..0.92).contains(&q)
                    }) else {
                        continue;
                    };
                    let oi = rng.below(2);
                    let amt = if vary { (stake * rng.range(0.5, 1.5)).round() } else { stake };
                    held.push((m, oi));
                    o.push(Order::buy(tt, m, oi, Amt::Usd(amt)).how(How::Limit(w.quote(m, oi, tt).1 + 1)));
                    tt += rng.int(20, 180);
                }
            }
        }
        t += (every * rng.range(0.8, 1.2)) as i64;
    }
    o
}

fn tipster_autoexec(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let tips: &Vec<Tip> = &ctx.tips[(i + rng.below(2)) % ctx.tips.len()];
    let stake = *rng.pick(&[10.0, 20.0, 25.0, 50.0, 50.0, 100.0, 250.0]);
    let delay = rng.range(1.0, 25.0);
    let take = rng.range(0.7, 0.98);
    let mut o = Vec::new();
    let since = rng.int(W0 - 10 * DAY, W0 + 12 * DAY);
    for tip in tips {
        if tip.t < since || !rng.chance(take) {
            continue;
        }
        let t = tip.t + (delay * rng.range(0.6, 1.6)) as i64;
        let (_, ask) = ctx.w.quote(tip.m, tip.oi, t);
        o.push(Order::buy(t, tip.m, tip.oi, Amt::Usd(stake)).how(How::Limit((ask + 2).min(99))));
    }
    o
}

fn slow_model(ctx: &Ctx, rng: &mut Rng, i: usize) -> Vec<Order> {
    let w = ctx.w;
    let hh = rng.range(0.0, 24.0);
    let bank = rng.lognormal(3000.0, 0.7);
    let kelly = rng.range(0.05, 0.25);
    let kinds: Vec<Kind> = match i % 3 {
        0 => vec![Kind::Sports, Kind::Soccer],
        1 => vec![Kind::Weather, Kind::Sports],
        _ => vec![Kind::Politics, Kind::Econ, Kind::Sports],
    };
    let skip = rng.range(0.0, 0.25);
    let mut o = Vec::new();
    for d in 0..30 {
        let t = W0.div_euclid(DAY) * DAY + d * DAY + (hh * HOUR as f64) as i64 + rng.int(0, 240);
        if !(W0..NOW).contains(&t) || rng.chance(skip) {
            continue;
        }
        let mut tt = t;
        let cands = w.open_markets(&kinds, t);
        let mut n = 0;
        for _ in 0..40 {
            if cands.is_empty() || n >= 6 {
                break;
            }
            let m = cands[rng.below(cands.len())];
            let e = &w.events[w.markets[m].ev];
            let soon = e.live.map(|(s, _)| s > t && s - t < 30 * HOUR).unwrap_or(true) && e.decided.map(|x| x > t).unwrap_or(true);
            let q = w.mid(m, 0, t);
            if !soon || !(0.08..0.92).contains(&q) || !rng.chance(0.2) {
                continue;
            }
            let edge = rng.range(0.02, 0.1);
            let oi = rng.below(2);
            let pq = w.mid(m, oi, t);
            let f = (kelly * edge / (1.0 - pq)).min(0.05);
            o.push(Order::buy(tt, m, oi, Amt::Usd(bank * f)).how(How::Limit(((pq + edge / 2.0) * 100.0) as i64)));
            tt += rng.int(1, 4);
            n += 1;
        }
    }
    o
}

fn sentiment_swing(ctx: &Ctx, rng: &mut Rng, _: usize) -> Vec<Order> {
    let w = ctx.w;
    let lag = rng.range(10.0, 90.0) * 60.0;
    let p = rng.range(0.05, 0.25);
    let bank = rng.lognormal(2000.0, 0.6);
    let frac = rng.range(0.01, 0.05);
    let mut o = Vec::new();
    for (t, m, j) in jump_moments(w, &[Kind::Politics, Kind::Culture, Kind::Econ]) {
        if j.abs() < 0.3 || !rng.chance(p) {
            continue;
        }
        let at = t + (lag * rng.range(0.5, 1.5)) as i64;
        let oi = usize::from(j < 0.0);
        o.push(Order::buy(at, m, oi, Amt::Usd(bank * frac * rng.range(0.7, 1.3))));
        if rng.chance(0.35) {
            o.push(Order::sell(at + rng.int(DAY, 6 * DAY), m, oi, Amt::All));
        }
    }
    o
}

/// Rings of wallets trading with each other: both sides of each fill, one transaction.
pub fn wash_rings(ctx: &Ctx, rng: &mut Rng, out: &mut Vec<Holdout13Wallet>, tape: &mut Vec<Trade>) {
    let w = ctx.w;
    for size in [3usize, 4, 4] {
        let wallets: Vec<_> = (0..size).map(|_| exec::wallet(rng)).collect();
        let mut fills: Vec<Vec<Trade>> = vec![Vec::new(); size];
        let ms = choose_markets(
            w,
            &[Kind::Politics, Kind::Culture, Kind::Econ, Kind::Sports, Kind::Soccer, Kind::Weather],
            rng.int(1, 4) as usize,
            0.0,
            40.0,
            rng,
        );
        let per_hour = rng.range(0.3, 3.0);
        let base = nice_shares(rng) * rng.range(2.0, 10.0).round();
        let down = downtime(rng);
        for m in ms {
            let mk = &w.markets[m];
            let from = mk.open.max(W0);
            let to = mk.close.min(NOW);
            let mut t = from + rng.int(0, HOUR);
            while t < to {
                if up(&down, t) && w.events[mk.ev].decided.map(|d| t < d).unwrap_or(true) {
                    let a = rng.below(size);
                    let b = (a + 1 + rng.below(size - 1)) % size;
                    let oi = rng.below(2);
                    let c = (w.mid(m, oi, t) * 100.0).round().clamp(1.0, 99.0) as i64;
                    let sc = ((base * rng.range(0.8, 1.2)) * 100.0).floor() as i64;
                    let tx = rng.hex(64);
                    fills[a].push(exec::trade(w, &wallets[a], m, oi, Side::Buy, c, sc, t, &tx));
                    fills[b].push(exec::trade(w, &wallets[b], m, oi, Side::Sell, c, sc, t, &tx));
                }
                t += (rng.exp(HOUR as f64 / per_hour) as i64).max(30);
            }
        }
        for (k, mut f) in fills.into_iter().enumerate() {
            tape.extend(f.iter().cloned());
            f.sort_by_key(|x| std::cmp::Reverse(x.timestamp));
            out.push(Holdout13Wallet { wallet: wallets[k].clone(), bot: true, behaviour: "wash_ring", trades: f });
        }
    }
}
