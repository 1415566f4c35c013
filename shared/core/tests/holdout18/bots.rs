//! Trading programs: market makers, copiers, snipers, latency and arbitrage bots, schedulers,
//! grids, feed readers, volume farmers, and three that try to pass for people (`hard_…`).

use super::crowd::tod;
use super::people::{Human, round_usd};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, MIN, NOW, START, Sport, weekday};
use super::{Ctx, Fill, Gen, Pos, pick_market, shares_for};

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("market_maker", 12, market_maker as Gen),
        ("copy_bot_fixed", 13, copy_bot_fixed),
        ("copy_bot_proportional", 12, copy_bot_proportional),
        ("resolution_sniper", 12, resolution_sniper),
        ("updown_latency", 12, updown_latency),
        ("updown_pair_accumulator", 11, updown_pair_accumulator),
        ("negrisk_bin_arb", 11, negrisk_bin_arb),
        ("scheduled_rebalancer", 11, scheduled_rebalancer),
        ("grid_bot", 11, grid_bot),
        ("news_feed_bot", 12, news_feed_bot),
        ("volume_farmer", 12, volume_farmer),
        ("hard_humanlike_momentum", 13, hard_humanlike_momentum),
        ("hard_office_hours", 12, hard_office_hours),
        ("hard_pregame_model", 12, hard_pregame_model),
    ]
}

/// Times a program was down (deploys, crashes, a laptop lid closed).
struct Outages(Vec<(i64, i64)>);

impl Outages {
    fn new(r: &mut Rng, per_day: f64, median: f64) -> Outages {
        let mut v = Vec::new();
        let mut t = START;
        while t < NOW {
            t += r.exp(DAY as f64 / per_day.max(1e-3)) as i64;
            let len = r.lognormal(median, 0.8) as i64;
            v.push((t, t + len));
            t += len;
        }
        Outages(v)
    }
    fn up(&self, t: i64) -> bool {
        !self.0.iter().any(|(a, b)| t >= *a && t < *b)
    }
}

fn sell_all(r: &mut Rng, ctx: &mut Ctx, pos: &mut Pos, t: i64, m: usize, o: usize, levels: usize) -> Vec<Fill> {
    let held = pos.get(m, o);
    if held < 500 || !ctx.w.markets[m].live(t) {
        return Vec::new();
    }
    let f = ctx.take(r, t, m, o, false, held, levels);
    pos.add(&f);
    f
}

// ---------------------------------------------------------------------------------------------
// 1. Market maker: resting quotes on both sides of a few long markets, inventory kept near flat.

fn market_maker(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro, Kind::Culture, Kind::Election];
    let want = r.int(3, 6) as usize;
    let mut ms: Vec<usize> = Vec::new();
    for _ in 0..want * 4 {
        let t = START + r.int(HOUR, 4 * DAY);
        if let Some(m) = pick_market(r, &ctx.w, &kinds, t, 5 * DAY, 0.06, 0.94)
            && !ms.contains(&m)
        {
            ms.push(m);
        }
        if ms.len() >= want {
            break;
        }
    }
    let outage_rate = r.range(0.02, 0.1);
    let down = Outages::new(r, outage_rate, 3.0 * HOUR as f64);
    let mut out = Vec::new();
    for m in ms {
        let mut q = *r.pick(&[100i64, 200, 250, 500, 1000]) * 100;
        if r.chance(0.4) {
            q = (q as f64 * r.range(0.7, 1.6)) as i64;
        }
        let rate = r.range(0.2, 0.7) * ctx.w.markets[m].heat.sqrt();
        let limit = q * r.int(3, 8);
        let mut inv = 0i64;
        let (first, last) = (ctx.w.markets[m].first(), ctx.w.markets[m].last());
        let mut t = first.max(START + r.int(0, 3 * DAY));
        loop {
            t += r.exp(HOUR as f64 / (rate * tod(t))) as i64 + 1;
            if t > last {
                break;
            }
            if !down.up(t) {
                continue;
            }
            let p = ctx.w.markets[m].p(t);
            if !(0.03..=0.97).contains(&p) {
                continue;
            }
            let p_buy = (0.5 - 0.42 * inv as f64 / limit as f64).clamp(0.08, 0.92);
            let buy = r.chance(p_buy);
            let size = if r.chance(0.6) { q } else { ((q as f64) * r.range(0.08, 1.0)) as i64 }.max(500);
            let (b0, a0) = ctx.w.markets[m].book(t);
            let f = if r.chance(0.3) {
                // The same quote seen from the other outcome's book.
                if buy { ctx.maker(t, m, 1, false, 100 - b0, size) } else { ctx.maker(t, m, 1, true, 100 - a0, size) }
            } else if buy {
                ctx.maker(t, m, 0, true, b0, size)
            } else {
                ctx.maker(t, m, 0, false, a0, size)
            };
            inv += if buy { size } else { -size };
            out.push(f);
            if inv.abs() > limit {
                let th = t + r.int(1, 6);
                let half = inv.abs() / 2;
                let hedge = if inv > 0 { ctx.take(r, th, m, 0, false, half, 1) } else { ctx.take(r, th, m, 0, true, half, 1) };
                for x in &hedge {
                    inv += if x.buy { x.size } else { -x.size };
                }
                out.extend(hedge);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 2. Copy bot, fixed stake: every buy of its leader, seconds later, for the same dollars.

fn leader_fills(r: &mut Rng, ctx: &Ctx, n: usize) -> Vec<Fill> {
    let mut ls: Vec<usize> = (0..ctx.leaders.len()).collect();
    r.shuffle(&mut ls);
    let mut v: Vec<Fill> = ls.iter().take(n).flat_map(|l| ctx.leaders[*l].fills.iter().copied()).collect();
    v.sort_by_key(|f| (f.t, f.tx));
    v
}

fn copy_bot_fixed(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let n = if r.chance(0.3) { 2 } else { 1 };
    let lf = leader_fills(r, ctx, n);
    let usd = *r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let delay = r.range(2.0, 12.0);
    let per_fill = r.chance(0.2);
    let max_c = r.int(90, 97);
    let outage_rate = r.range(0.01, 0.06);
    let down = Outages::new(r, outage_rate, 5.0 * HOUR as f64);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let mut last_tx = 0;
    for f in lf {
        if !per_fill && f.tx == last_tx {
            continue;
        }
        last_tx = f.tx;
        let t = f.t + (delay + r.exp(1.5)) as i64 + 1;
        if !down.up(t) || !r.chance(0.97) || !ctx.w.markets[f.m].live(t) {
            continue;
        }
        if f.buy {
            let ask = ctx.w.markets[f.m].ask(t, f.o);
            if ask > max_c || ask < 3 {
                continue;
            }
            let fills = ctx.take_usd(r, t, f.m, f.o, true, usd, 1);
            pos.add(&fills);
            out.extend(fills);
        } else {
            out.extend(sell_all(r, ctx, &mut pos, t, f.m, f.o, 1));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 3. Copy bot, proportional: a fixed fraction of each leader fill; on a websocket or a poller.

fn copy_bot_proportional(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let n = 1 + r.below(2);
    let lf = leader_fills(r, ctx, n);
    let ratio = r.range(0.003, 0.05);
    let cap = r.lognormal(400.0, 0.6);
    let poller = r.chance(0.5);
    let interval = r.int(5, 30);
    let cache = r.int(5, 60);
    let outage_rate = r.range(0.01, 0.05);
    let down = Outages::new(r, outage_rate, 4.0 * HOUR as f64);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for f in lf {
        let t = if poller {
            let seen = f.t + cache;
            (seen + interval - 1) / interval * interval + r.int(0, 2)
        } else {
            f.t + r.int(1, 4)
        };
        if !down.up(t) || !ctx.w.markets[f.m].live(t) {
            continue;
        }
        let mut size = ((f.size as f64 * ratio) as i64).max(500);
        let c = ctx.w.markets[f.m].ask(t, f.o);
        size = size.min(shares_for(cap, c));
        if f.buy {
            let fills = ctx.take(r, t, f.m, f.o, true, size, 2);
            pos.add(&fills);
            out.extend(fills);
        } else {
            let held = pos.get(f.m, f.o);
            let s = size.min(held);
            if s >= 500 {
                let fills = ctx.take(r, t, f.m, f.o, false, s, 2);
                pos.add(&fills);
                out.extend(fills);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 4. Resolution sniper: buys the all-but-certain side at 95–99c once the outcome is known.

fn resolution_sniper(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let thr = r.range(0.94, 0.975);
    let max_c = r.int(98, 99);
    let react = r.range(1.0, 20.0);
    let usd = r.lognormal(1500.0, 0.7);
    let all = [Kind::Sports, Kind::UpDown, Kind::Weather, Kind::Strike, Kind::Macro, Kind::Culture, Kind::Election, Kind::Deadline];
    let mut kinds: Vec<Kind> = all.iter().copied().filter(|_| r.chance(0.45)).collect();
    if kinds.is_empty() {
        kinds.push(*r.pick(&all));
    }
    let outage_rate = r.range(0.01, 0.05);
    let down = Outages::new(r, outage_rate, 3.0 * HOUR as f64);
    let mut out = Vec::new();
    for k in kinds {
        let cover = match k {
            Kind::UpDown => r.range(0.01, 0.05),
            _ => r.range(0.15, 0.6),
        };
        let ms: Vec<usize> = ctx.w.kind(k).to_vec();
        for m in ms {
            let (close, end, step, first) = {
                let mk = &ctx.w.markets[m];
                (mk.close, mk.end, mk.step, mk.first())
            };
            if !(START + HOUR..=NOW).contains(&close) || !r.chance(cover) {
                continue;
            }
            let from = match k {
                Kind::UpDown => end - 90,
                Kind::Strike => end - 15 * MIN,
                _ => end,
            }
            .max(first);
            let mut t = from;
            while t < close - 1 {
                let mk = &ctx.w.markets[m];
                let p = mk.p(t);
                let o = if p >= 0.5 { 0 } else { 1 };
                if mk.mid(t, o) >= thr && mk.ask(t, o) <= max_c {
                    let ts = t + r.lognormal(react, 0.5) as i64 + 1;
                    if down.up(ts) && ctx.w.markets[m].live(ts) && ctx.w.markets[m].ask(ts, o) <= max_c {
                        let c = ctx.w.markets[m].ask(ts, o);
                        let size = shares_for(usd * r.lognormal(1.0, 0.3), c);
                        out.extend(ctx.take(r, ts, m, o, true, size, if c < max_c { 2 } else { 1 }));
                    }
                    break;
                }
                t += step;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 5. Up/down latency bot: the spot moved, the book has not; buy the stale side within seconds.

fn updown_latency(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let len = if r.chance(0.6) { 15 * MIN } else { HOUR };
    let coin = if len == HOUR { *r.pick(&[0usize, 0, 1, 2]) } else { *r.pick(&[0usize, 0, 1]) };
    let edge = r.range(0.06, 0.14);
    let react = r.range(0.6, 3.0);
    let mut shares = *r.pick(&[50i64, 100, 150, 200, 300]) * 100;
    if r.chance(0.2) {
        shares = (shares as f64 * r.range(0.6, 1.5)) as i64;
    }
    let per_window = r.int(1, 3);
    let cooldown = r.int(20, 90);
    let join = if len == HOUR { r.range(0.25, 0.6) } else { r.range(0.05, 0.18) };
    let outage_rate = r.range(0.02, 0.08);
    let down = Outages::new(r, outage_rate, 2.0 * HOUR as f64);
    let ms: Vec<usize> = ctx.w.updown.iter().find(|s| s.coin == coin && s.len == len).map(|s| s.markets.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for m in ms {
        if !r.chance(join) {
            continue;
        }
        let (start, end) = (ctx.w.markets[m].start, ctx.w.markets[m].end);
        let mut t = start.max(START + 1);
        let mut n = 0;
        while t < end - 10 && t <= NOW && n < per_window {
            let fair = ctx.w.updown_fair(m, t);
            let mk = &ctx.w.markets[m];
            let up = mk.ask(t, 0) as f64 / 100.0;
            let dn = mk.ask(t, 1) as f64 / 100.0;
            let side = if fair - up > edge {
                Some(0)
            } else if (1.0 - fair) - dn > edge {
                Some(1)
            } else {
                None
            };
            if let Some(o) = side {
                let tf = t + react.round() as i64 + r.int(0, 1);
                if down.up(tf) {
                    out.extend(ctx.take(r, tf, m, o, true, shares, 2));
                    n += 1;
                }
                t += cooldown;
            }
            t += 10;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 6. Up/down pair accumulator: bids on both sides of 15-minute windows so a pair costs < $1.

fn updown_pair_accumulator(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let coin = *r.pick(&[0usize, 0, 1]);
    let top = r.int(40, 46);
    let step = r.int(3, 6);
    let levels = r.int(1, 2);
    let size = *r.pick(&[20i64, 40, 50, 100]) * 100;
    let join = r.range(0.03, 0.1);
    let ms: Vec<usize> = ctx.w.updown.iter().find(|s| s.coin == coin && s.len == 15 * MIN).map(|s| s.markets.clone()).unwrap_or_default();
    let outage_rate = r.range(0.02, 0.08);
    let down = Outages::new(r, outage_rate, 2.0 * HOUR as f64);
    let mut out = Vec::new();
    for m in ms {
        if !r.chance(join) {
            continue;
        }
        let (start, end) = (ctx.w.markets[m].start, ctx.w.markets[m].end);
        let posted = start - 2 * MIN + r.int(0, 3);
        if !down.up(posted) {
            continue;
        }
        for o in 0..2 {
            for k in 0..levels {
                let c = top - step * k;
                if let Some(tf) = ctx.first_touch(m, o, true, c, posted, end - 60) {
                    out.push(ctx.maker(tf + r.int(0, 9), m, o, true, c, size));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 7. Neg-risk arbitrage: buys every bin of an event when the bins' asks sum under $1.

fn negrisk_bin_arb(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let margin = r.int(1, 3);
    let size = *r.pick(&[20i64, 50, 100, 200, 500]) * 100;
    let react = r.range(0.3, 2.0);
    let cooldown = r.int(10, 60) * MIN;
    let also_no = r.chance(0.5);
    let pick_kinds = [Kind::Weather, Kind::Macro, Kind::Culture, Kind::Election, Kind::Politics, Kind::Tech, Kind::Sports];
    let kinds: Vec<Kind> = pick_kinds.iter().copied().filter(|_| r.chance(0.6)).collect();
    let cover = r.range(0.3, 0.8);
    let outage_rate = r.range(0.02, 0.06);
    let down = Outages::new(r, outage_rate, 3.0 * HOUR as f64);
    let groups: Vec<Vec<usize>> =
        ctx.w.groups.iter().filter(|g| g.complete && g.markets.len() >= 3 && kinds.contains(&g.kind)).map(|g| g.markets.clone()).collect();
    let mut out = Vec::new();
    for ms in groups {
        if !r.chance(cover) {
            continue;
        }
        let first = ms.iter().map(|m| ctx.w.markets[*m].first()).max().unwrap_or(NOW);
        let last = ms.iter().map(|m| ctx.w.markets[*m].last()).min().unwrap_or(START);
        let step = ctx.w.markets[ms[0]].step.max(60);
        let k = ms.len() as i64;
        let mut t = first;
        while t < last {
            // A settled set (a bin at the floor or the ceiling) is no opportunity.
            if ms.iter().any(|m| !(0.02..=0.98).contains(&ctx.w.markets[*m].p(t))) {
                t += step;
                continue;
            }
            let sum_ask: i64 = ms.iter().map(|m| ctx.w.markets[*m].ask(t, 0)).sum();
            let sum_bid: i64 = ms.iter().map(|m| ctx.w.markets[*m].bid(t, 0)).sum();
            let yes = sum_ask <= 100 - margin;
            let no = also_no && 100 * k - sum_bid <= 100 * (k - 1) - margin;
            if (yes || no) && down.up(t) {
                let mut tt = t + r.int(0, step - 1) + react.round() as i64;
                let o = if yes { 0 } else { 1 };
                for &m in &ms {
                    out.extend(ctx.take(r, tt, m, o, true, size, 1));
                    tt += r.int(0, 1);
                }
                t += cooldown;
                continue;
            }
            t += step;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 8. Scheduled rebalancer: on the same minute every few hours, back to target weights.

fn scheduled_rebalancer(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro, Kind::Culture];
    let period = *r.pick(&[HOUR, 2 * HOUR, 4 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR]);
    let offset = r.int(0, period / MIN - 1) * MIN + r.int(0, 50);
    let target = r.lognormal(400.0, 0.7);
    let threshold = r.range(5.0, 20.0);
    let n = r.int(4, 9) as usize;
    let mut basket: Vec<usize> = Vec::new();
    for _ in 0..n * 4 {
        if let Some(m) = pick_market(r, &ctx.w, &kinds, START + HOUR, 5 * DAY, 0.1, 0.9)
            && !basket.contains(&m)
        {
            basket.push(m);
        }
        if basket.len() >= n {
            break;
        }
    }
    let outage_rate = r.range(0.01, 0.04);
    let down = Outages::new(r, outage_rate, 6.0 * HOUR as f64);
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let mut tick = (START / period + 1) * period + offset;
    while tick <= NOW {
        let t0 = tick + r.int(0, 4);
        tick += period;
        if !down.up(t0) {
            continue;
        }
        let mut t = t0;
        for &m in &basket {
            let mk = &ctx.w.markets[m];
            if !mk.live(t) {
                continue;
            }
            let p = mk.p(t);
            let held = pos.get(m, 0);
            if !(0.03..=0.97).contains(&p) {
                if held >= 500 {
                    out.extend(sell_all(r, ctx, &mut pos, t, m, 0, 1));
                }
                continue;
            }
            let value = held as f64 / 100.0 * p;
            let diff = target - value;
            if diff.abs() < threshold {
                continue;
            }
            let buy = diff > 0.0;
            let c = if buy { mk.ask(t, 0) } else { mk.bid(t, 0) };
            let size = ((diff.abs() / (c as f64 / 100.0)) * 100.0).round() as i64;
            let size = if buy { size.max(500) } else { size.min(held) };
            if size < 500 {
                continue;
            }
            let f = ctx.take(r, t, m, 0, buy, size, 1);
            pos.add(&f);
            out.extend(f);
            t += r.int(0, 2);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 9. Grid bot: a buy every few cents down, each sold one grid step up, constant size.

fn grid_bot(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Macro];
    let n = r.int(1, 2) as usize;
    let mut ms = Vec::new();
    for _ in 0..10 {
        let shift = r.int(HOUR, 3 * DAY);
        if let Some(m) = pick_market(r, &ctx.w, &kinds, START + shift, 10 * DAY, 0.2, 0.8)
            && !ms.contains(&m)
        {
            ms.push(m);
        }
        if ms.len() >= n {
            break;
        }
    }
    let gap = r.int(2, 4);
    let levels = r.int(3, 6);
    let size = *r.pick(&[50i64, 100, 200, 250, 500]) * 100;
    let rearm = r.int(30, 180);
    let outage_rate = r.range(0.01, 0.05);
    let down = Outages::new(r, outage_rate, 4.0 * HOUR as f64);
    let mut out = Vec::new();
    for m in ms {
        let (first, last, step) = {
            let mk = &ctx.w.markets[m];
            (mk.first(), mk.last(), mk.step)
        };
        let t_start = first.max(START + r.int(0, 2 * DAY));
        let c0 = ctx.w.markets[m].bid(t_start, 0);
        let grid: Vec<i64> = (1..=levels).map(|k| c0 - gap * k).filter(|c| *c >= 2).collect();
        let mut holding = vec![false; grid.len()];
        let mut ready = vec![t_start; grid.len()];
        let mut t = t_start;
        while t <= last {
            if down.up(t) {
                let (bid, ask) = ctx.w.markets[m].book(t);
                for (i, &c) in grid.iter().enumerate() {
                    if t < ready[i] {
                        continue;
                    }
                    if !holding[i] && bid <= c {
                        out.push(ctx.maker(t + r.int(0, step - 1), m, 0, true, c, size));
                        holding[i] = true;
                        ready[i] = t + rearm;
                    } else if holding[i] && ask >= c + gap {
                        out.push(ctx.maker(t + r.int(0, step - 1), m, 0, false, c + gap, size));
                        holding[i] = false;
                        ready[i] = t + rearm;
                    }
                }
            }
            t += step;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 10. News-feed bot: reads headlines off a wire and hits the book within seconds, exits on a timer.

fn news_feed_bot(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut topics: Vec<usize> = (0..14).collect();
    r.shuffle(&mut topics);
    topics.truncate(r.int(5, 14) as usize);
    let thr = r.range(0.3, 0.8);
    let react = r.range(0.8, 3.0);
    let usd = r.lognormal(1200.0, 0.6);
    let hold = *r.pick(&[10 * MIN, 30 * MIN, HOUR, 4 * HOUR]);
    let levels = r.int(2, 4) as usize;
    let outage_rate = r.range(0.01, 0.05);
    let down = Outages::new(r, outage_rate, 3.0 * HOUR as f64);
    let heads: Vec<(i64, Vec<(usize, f64)>)> =
        ctx.w.headlines_in(START, NOW).iter().filter(|h| topics.contains(&h.topic)).map(|h| (h.t, h.hits.clone())).collect();
    let mut pos = Pos::default();
    let mut out = Vec::new();
    for (th, hits) in heads {
        for (m, dx) in hits {
            if dx.abs() < thr {
                continue;
            }
            let t = th + r.lognormal(react, 0.4).round() as i64;
            if !down.up(t) || !ctx.w.markets[m].live(t) {
                continue;
            }
            let o = if dx > 0.0 { 0 } else { 1 };
            if ctx.w.markets[m].ask(t, o) > 95 {
                continue;
            }
            let f = ctx.take_usd(r, t, m, o, true, usd * dx.abs().min(2.0), levels);
            pos.add(&f);
            out.extend(f);
            let te = t + hold + r.int(0, 3);
            out.extend(sell_all(r, ctx, &mut pos, te, m, o, 2));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 11. Volume farmer: buys and sells the same shares back seconds later, in bursts on a schedule.

fn volume_farmer(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let cron: Vec<i64> = (0..r.int(1, 3)).map(|_| r.int(0, 23) * HOUR + r.int(0, 11) * 5 * MIN).collect();
    let size = *r.pick(&[100i64, 200, 500, 1000]) * 100;
    let cycles = r.range(4.0, 12.0);
    let hold = r.range(4.0, 40.0);
    let maker_p = r.range(0.0, 0.4);
    let kinds = [Kind::Politics, Kind::Sports, Kind::UpDown, Kind::Strike, Kind::Election, Kind::Deadline];
    let skip = r.range(0.05, 0.3);
    let mut out = Vec::new();
    let mut day = START - START.rem_euclid(DAY);
    while day < NOW {
        for &c in &cron {
            if r.chance(skip) {
                continue;
            }
            let mut t = day + c + r.int(0, 90);
            if t <= START || t > NOW {
                continue;
            }
            let Some(m) = pick_market(r, &ctx.w, &kinds, t, 30 * MIN, 0.15, 0.85) else {
                continue;
            };
            let n = r.poisson(cycles).max(2);
            for _ in 0..n {
                let o = if r.chance(0.5) { 0 } else { 1 };
                if !ctx.w.markets[m].live(t + 120) {
                    break;
                }
                if r.chance(maker_p) {
                    let (b, a) = (ctx.w.markets[m].bid(t, o), ctx.w.markets[m].ask(t, o));
                    out.push(ctx.maker(t, m, o, true, b, size));
                    let ts = t + r.lognormal(hold, 0.5) as i64 + 1;
                    out.push(ctx.maker(ts, m, o, false, a, size));
                    t = ts;
                } else {
                    out.extend(ctx.take(r, t, m, o, true, size, 1));
                    let ts = t + r.lognormal(hold, 0.5) as i64 + 1;
                    out.extend(ctx.take(r, ts, m, o, false, size, 1));
                    t = ts;
                }
                t += r.int(8, 60);
            }
        }
        day += DAY;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 12. hard_: momentum program dressed as a person — sleeps on a schedule, human-looking sizes
// and delays, a few trades a day.

fn hard_humanlike_momentum(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let h = Human::anywhere(r);
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Sports, Kind::Election, Kind::Culture];
    let checks = r.range(0.6, 2.0);
    let move_c = r.int(3, 6) as f64 / 100.0;
    let look = *r.pick(&[20 * MIN, 30 * MIN, 45 * MIN, HOUR]);
    let delay = r.range(20.0, 90.0);
    let base = r.lognormal(60.0, 0.6);
    let odd = r.range(0.1, 0.4);
    let mut pos = Pos::default();
    let mut entry: std::collections::BTreeMap<(usize, usize), (i64, i64)> = Default::default();
    let mut out = Vec::new();
    let mut days = Vec::new();
    for d in &h.days {
        if !d.off {
            days.push((d.wake, d.bed));
        }
    }
    for (wake, bed) in days {
        let mut t = wake + r.exp(HOUR as f64 / checks) as i64;
        while t < bed {
            if t > START && t <= NOW {
                // Exits first: a reversal from the best seen, or old positions.
                let keys: Vec<(usize, usize)> = entry.keys().copied().collect();
                for (m, o) in keys {
                    let (e, since) = entry[&(m, o)];
                    if !ctx.w.markets[m].live(t) {
                        entry.remove(&(m, o));
                        continue;
                    }
                    let bid = ctx.w.markets[m].bid(t, o);
                    if bid <= e - 3 || bid >= e + 6 || t - since > 2 * DAY {
                        let ts = t + r.lognormal(delay, 0.7) as i64;
                        out.extend(sell_all(r, ctx, &mut pos, ts, m, o, 1));
                        entry.remove(&(m, o));
                    }
                }
                if let Some(m) = pick_market(r, &ctx.w, &kinds, t, 6 * HOUR, 0.1, 0.9) {
                    let mk = &ctx.w.markets[m];
                    let mv = mk.p(t) - mk.p(t - look);
                    if mv.abs() >= move_c && !entry.contains_key(&(m, 0)) && !entry.contains_key(&(m, 1)) {
                        let o = if mv > 0.0 { 0 } else { 1 };
                        let ts = t + r.lognormal(delay, 0.7) as i64;
                        let usd = base * r.lognormal(1.0, 0.35);
                        let usd = if r.chance(odd) { (usd * 100.0).round() / 100.0 } else { round_usd(usd) };
                        let f = ctx.take_usd(r, ts, m, o, true, usd, 1);
                        if let Some(x) = f.first() {
                            entry.insert((m, o), (x.cents, ts));
                        }
                        pos.add(&f);
                        out.extend(f);
                    }
                }
            }
            t += r.exp(HOUR as f64 / checks) as i64 + 60;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 13. hard_: a mean-reversion program its owner runs only in office hours on weekdays.

fn hard_office_hours(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let on_h = r.range(12.0, 15.5);
    let len_h = r.range(5.5, 9.0);
    let cycle = r.int(60, 150);
    let dev = r.int(2, 4) as f64 / 100.0;
    let usd = r.lognormal(150.0, 0.6);
    let noise = r.range(0.03, 0.15);
    let weekend = r.chance(0.15);
    let kinds = [Kind::Politics, Kind::Deadline, Kind::Tech, Kind::Sports, Kind::Macro, Kind::Culture];
    let mut pos = Pos::default();
    let mut out = Vec::new();
    let mut day = START - START.rem_euclid(DAY);
    while day < NOW {
        let wd = weekday(day);
        let skip = r.chance(0.08) || (wd >= 5 && !(weekend && r.chance(0.4)));
        let on = day + ((on_h + r.gauss(0.0, 0.3)) * HOUR as f64) as i64;
        let mut off = on + ((len_h + r.gauss(0.0, 0.3)) * HOUR as f64) as i64;
        if r.chance(0.05) {
            off += r.int(2, 5) * HOUR; // forgot to stop it
        }
        day += DAY;
        if skip {
            continue;
        }
        let mut universe = Vec::new();
        for _ in 0..8 {
            if let Some(m) = pick_market(r, &ctx.w, &kinds, on, 3 * HOUR, 0.1, 0.9)
                && !universe.contains(&m)
            {
                universe.push(m);
            }
        }
        let mut t = on;
        while t < off && t <= NOW {
            if t > START {
                for &m in &universe {
                    let mk = &ctx.w.markets[m];
                    if !mk.live(t) {
                        continue;
                    }
                    let now_p = mk.p(t);
                    let avg = (1..=6).map(|k| mk.p(t - k * 5 * MIN)).sum::<f64>() / 6.0;
                    let held0 = pos.get(m, 0);
                    let held1 = pos.get(m, 1);
                    if held0 + held1 < 500 {
                        if now_p < avg - dev {
                            let wobble = r.normal();
                            let f = ctx.take_usd(r, t, m, 0, true, usd * (1.0 + noise * wobble), 1);
                            pos.add(&f);
                            out.extend(f);
                        } else if now_p > avg + dev {
                            let wobble = r.normal();
                            let f = ctx.take_usd(r, t, m, 1, true, usd * (1.0 + noise * wobble), 1);
                            pos.add(&f);
                            out.extend(f);
                        }
                    } else if (held0 >= 500 && now_p >= avg) || (held1 >= 500 && now_p <= avg) {
                        let o = if held0 >= 500 { 0 } else { 1 };
                        let shift = r.int(0, 2);
                        out.extend(sell_all(r, ctx, &mut pos, t + shift, m, o, 1));
                    }
                }
            }
            t += cycle + r.int(-3, 3);
        }
        // Flatten before switching off.
        for (m, o, _) in pos.held() {
            let shift = r.int(5, 60);
            out.extend(sell_all(r, ctx, &mut pos, off.min(NOW) - shift, m, o, 1));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 14. hard_: a pre-game sports model betting a fixed lead time before kick-off, Kelly-sized.

fn hard_pregame_model(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let all = [Sport::Mlb, Sport::Nba, Sport::Nhl, Sport::Soccer, Sport::Tennis, Sport::Ufc];
    let mut sports: Vec<Sport> = all.iter().copied().filter(|_| r.chance(0.5)).collect();
    if sports.is_empty() {
        sports.push(Sport::Mlb);
    }
    let lead = r.range(20.0, 90.0) * MIN as f64;
    let jitter = r.range(2.0, 6.0) * MIN as f64;
    let thr = r.range(0.025, 0.06);
    let bank = r.lognormal(6000.0, 0.7);
    let kelly = r.range(0.1, 0.3);
    let noise = r.range(0.02, 0.05);
    let games: Vec<usize> = ctx.w.games_starting(START, NOW).into_iter().filter(|g| sports.contains(&ctx.w.games[*g].sport)).collect();
    let mut out = Vec::new();
    for g in games {
        let (start, m) = (ctx.w.games[g].start, ctx.w.games[g].markets[0]);
        let t = start - (lead + jitter * r.normal()) as i64;
        if !ctx.w.markets[m].live(t) {
            continue;
        }
        let model = (ctx.w.markets[m].p(start - 60) + noise * r.normal()).clamp(0.02, 0.98);
        for (o, pm) in [(0usize, model), (1, 1.0 - model)] {
            let ask = ctx.w.markets[m].ask(t, o) as f64 / 100.0;
            let e = pm - ask;
            if e > thr {
                let usd = (bank * kelly * e / (1.0 - ask)).clamp(5.0, bank * 0.05);
                let usd = (usd * 100.0).round() / 100.0;
                out.extend(ctx.take_usd(r, t, m, o, true, usd, 1));
                if r.chance(0.25) {
                    let t2 = start - r.int(3, 8) * MIN;
                    let ask2 = ctx.w.markets[m].ask(t2, o) as f64 / 100.0;
                    if pm - ask2 > thr && ctx.w.markets[m].live(t2) {
                        out.extend(ctx.take_usd(r, t2, m, o, true, (usd * 0.5 * 100.0).round() / 100.0, 1));
                    }
                }
            }
        }
    }
    out
}
