//! Programs (bot = true): each written from how such programs are built.

use super::people::{Pos, buy, near_certain_pub, sell};
use super::rng::*;
use super::tape::*;
use super::world::*;
use super::{NOW, START};

/// A bot's running period: (from, to) and its outages.
pub struct Run {
    pub from: i64,
    pub to: i64,
    pub down: Vec<(i64, i64)>,
}

impl Run {
    pub fn new(rng: &Rng, min_days: i64, max_days: i64) -> Run {
        let len = rng.int(min_days, max_days).min(30) * DAY - rng.int(0, 20) * HOUR;
        let from = START + rng.int(0, (30 * DAY - len).max(0));
        let to = (from + len).min(NOW);
        let mut down = Vec::new();
        for _ in 0..rng.weighted(&[0.4, 0.3, 0.2, 0.1]) {
            let a = rng.int(from, to);
            down.push((a, a + rng.int(1, 20) * HOUR + rng.int(0, 59) * MIN));
        }
        Run { from, to, down }
    }
    pub fn up(&self, t: i64) -> bool {
        t > self.from && t < self.to && t > START && t <= NOW && !self.down.iter().any(|d| t >= d.0 && t < d.1)
    }
}

fn fixed_shares(rng: &Rng, opts: &[u64]) -> u64 {
    *rng.pick(opts) * 100
}

/// Two-sided quoting on many markets; fills as maker around the clock; fixed clips; inventory.
pub fn market_maker(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 12, 30);
    let focus = rng.weighted(&[0.35, 0.35, 0.15, 0.15]);
    let clip = fixed_shares(rng, &[20, 50, 100, 150, 200, 250, 500]);
    let edge = rng.range(0.004, 0.02);
    let share = rng.range(0.1, 0.4);
    let target = rng.lognormal(900.0, 0.6).clamp(150.0, 3000.0) as usize;
    let mut markets: Vec<usize> = Vec::new();
    match focus {
        0 => {
            let pool: Vec<usize> = [Cat::Politics, Cat::News, Cat::Econ]
                .iter()
                .flat_map(|c| ctx.world.by_cat[*c as usize].clone())
                .filter(|&m| ctx.world.markets[m].group.is_none())
                .collect();
            let k = rng.int(6, 25) as usize;
            markets = rng.sample(pool.len(), k).into_iter().map(|i| pool[i]).collect();
        }
        1 => {
            let p = rng.range(0.25, 0.7);
            let sports: Vec<Sport> = [Sport::Nfl, Sport::Soccer, Sport::Mlb, Sport::Tennis, Sport::Nhl, Sport::Cfb, Sport::Esports]
                .iter()
                .copied()
                .filter(|_| rng.chance(0.6))
                .collect();
            for g in &ctx.world.games {
                if (sports.is_empty() || sports.contains(&g.sport)) && g.end > run.from && g.start < run.to && rng.chance(p) {
                    markets.extend(g.markets.iter().copied());
                }
            }
        }
        2 => {
            let a = if rng.chance(0.7) { 0 } else { 1 };
            let kind = if rng.chance(0.6) { Ck::H1 } else { Ck::Day };
            let mut s = kind.window_at(run.from) + kind.len();
            while s < run.to {
                if rng.chance(0.8) {
                    markets.push(ctx.world.crypto(kind, a, s, 0));
                }
                s += kind.len();
            }
        }
        _ => {
            for g in &ctx.world.groups {
                if matches!(g.kind, GroupKind::Econ | GroupKind::Culture) && g.close > run.from && g.open < run.to {
                    markets.extend(g.markets.iter().copied());
                }
            }
        }
    }
    // Taker arrivals hitting this maker's quotes.
    let mut evs: Vec<(i64, usize)> = Vec::new();
    for &m in &markets {
        let mk = &ctx.world.markets[m];
        let a = mk.open.max(run.from).max(START + 1);
        let b = mk.close.min(run.to).min(mk.end).min(NOW);
        if b <= a {
            continue;
        }
        let live = mk.live;
        let rmax = share * mk.flow / DAY as f64 * 4.0;
        let mut t = a as f64;
        loop {
            t += rng.exp(1.0 / rmax);
            if t >= b as f64 {
                break;
            }
            let ti = t as i64;
            let l = live.map_or(false, |(x, y)| ti >= x && ti < y);
            let r = share * mk.flow / DAY as f64 * tod(ti) * if l { 4.0 } else { 1.0 };
            if rng.f() * rmax < r && run.up(ti) {
                evs.push((ti, m));
            }
        }
    }
    if evs.len() > target {
        let keep = rng.sample(evs.len(), target);
        let mut v: Vec<(i64, usize)> = keep.into_iter().map(|i| evs[i]).collect();
        std::mem::swap(&mut evs, &mut v);
    }
    evs.sort();
    let mut inv: std::collections::HashMap<usize, [u64; 2]> = std::collections::HashMap::new();
    for (t, m) in evs {
        let f = ctx.world.fair(m, t);
        if !(0.03..=0.97).contains(&f) {
            continue;
        }
        let o = rng.below(2) as u8;
        let po = ctx.world.p(m, o, t);
        let sz = if rng.chance(0.6) { clip } else { rng.int(500, clip.max(500) as i64) as u64 };
        let e = inv.entry(m).or_insert([0, 0]);
        let taker_buys = rng.chance(0.5);
        let (mo, mbuy, c) = if taker_buys {
            let ask = ((po + edge) * 100.0).ceil().clamp(1.0, 99.0) as u8;
            if e[o as usize] >= sz { (o, false, ask) } else { (1 - o, true, 100 - ask) }
        } else {
            let bid = ((po - edge) * 100.0).floor().clamp(1.0, 99.0) as u8;
            (o, true, bid)
        };
        if mbuy && e[mo as usize] > 25 * clip && rng.chance(0.8) {
            continue;
        }
        if ctx.make(rng, m, mo, w, mbuy, c, sz, t) {
            let e = inv.entry(m).or_insert([0, 0]);
            if mbuy {
                e[mo as usize] += sz;
            } else {
                e[mo as usize] -= sz;
            }
            // Merge complete sets.
            let both = e[0].min(e[1]);
            e[0] -= both;
            e[1] -= both;
        }
    }
}

/// Buys the near-certain side in the last stretch before resolution, polling around the clock.
pub fn near_res_sweeper(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 8, 30);
    let poll = *rng.pick(&[1i64, 2, 3, 5, 10, 15, 30, 60]);
    let phase = rng.int(0, poll - 1);
    let horizon = *rng.pick(&[5 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 6 * HOUR]);
    let lo = rng.range(0.95, 0.985);
    let max_c = if rng.chance(0.7) { 99 } else { 98 };
    let mode = rng.below(3);
    let base = rng.lognormal(1500.0, 1.0).clamp(100.0, 40_000.0);
    let fixed_usd = [250.0, 500.0, 1000.0, 2000.0, 5000.0][rng.below(5)];
    let frac = rng.range(0.08, 0.45);
    let mut cats = vec![Cat::Sports];
    for c in [Cat::Weather, Cat::Mention, Cat::Econ, Cat::News, Cat::Culture, Cat::Politics] {
        if rng.chance(0.55) {
            cats.push(c);
        }
    }
    let do_crypto = rng.chance(0.45);
    let qty = |rng: &Rng, price: f64| -> Qty {
        match mode {
            0 => Qty::Usd(fixed_usd),
            1 => Qty::Sh(((base / price) * 100.0) as u64),
            _ => Qty::Usd(base * (1.0 - price) / 0.02 * rng.range(0.6, 1.0)),
        }
    };
    let align = |t: i64| -> i64 { (t - phase).div_euclid(poll) * poll + poll + phase + rng_free_lat(t) };
    let mut cands: Vec<usize> = Vec::new();
    for &c in &cats {
        for &m in &ctx.world.by_cat[c as usize] {
            let mk = &ctx.world.markets[m];
            if mk.winner.is_some() && mk.end > run.from && mk.end - horizon < run.to && mk.close > START {
                cands.push(m);
            }
        }
    }
    for m in cands {
        if !rng.chance(frac) {
            continue;
        }
        let (open, end, close) = {
            let mk = &ctx.world.markets[m];
            (mk.open, mk.end, mk.close)
        };
        let a = (end - horizon).max(open).max(run.from).max(START + 1);
        let b = close.min(run.to).min(NOW);
        let step = poll.max(20);
        let mut t = align(a);
        let mut fills = 0;
        while t < b && fills < 3 {
            if run.up(t) {
                let o = ctx.world.leader(m, t);
                let p = ctx.world.p(m, o, t);
                let ask = ctx.world.ask(m, o, t);
                if p >= lo && ask <= max_c {
                    let (f, _) = ctx.take(rng, m, o, w, true, qty(rng, ask as f64 / 100.0), t, Some(max_c));
                    if f > 0 {
                        fills += 1;
                        if !rng.chance(0.25) {
                            break;
                        }
                        t += rng.int(1, 6) * poll.max(5);
                        continue;
                    }
                }
            }
            t += step;
        }
    }
    if do_crypto {
        let a = if rng.chance(0.7) { 0 } else { 1 };
        let kind = if rng.chance(0.7) { Ck::M15 } else { Ck::H1 };
        let hc = rng.int(8, 120);
        let fc = rng.range(0.2, 0.6);
        let mut s = kind.window_at(run.from) + kind.len();
        while s + kind.len() < run.to {
            let end = s + kind.len();
            let t = align(end - hc);
            if run.up(t) && t < end && rng.chance(fc) {
                let f = ctx.world.updown_fair(a, s, end, t);
                let o = if f >= 0.5 { 0 } else { 1 };
                let p = if o == 0 { f } else { 1.0 - f };
                if p >= lo {
                    let m = ctx.world.crypto(kind, a, s, 0);
                    let ask = ctx.world.ask(m, o, t);
                    if ask <= max_c {
                        ctx.take(rng, m, o, w, true, qty(rng, ask as f64 / 100.0), t, Some(max_c));
                    }
                }
            }
            s += kind.len();
        }
    }
}

/// Deterministic small latency (0-2 s) from the time itself, for closures without an rng.
fn rng_free_lat(t: i64) -> i64 {
    (mix(t as u64) % 3) as i64
}

/// Fixed offset before each Up/Down window closes: buys the leading side above a threshold.
pub fn crypto_sniper(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 5, 25);
    let assets: Vec<usize> = if rng.chance(0.35) { vec![0, 1] } else { vec![rng.weighted(&[0.6, 0.25, 0.1, 0.05])] };
    let kind = if rng.chance(0.8) { Ck::M15 } else { Ck::H1 };
    let lead = *rng.pick(&[10i64, 20, 30, 45, 60, 90, 120, 180]);
    let theta = rng.range(0.7, 0.93);
    let max_c = rng.int(90, 98) as u8;
    let shares_mode = rng.chance(0.6);
    let sh = fixed_shares(rng, &[10, 20, 25, 50, 100, 200]);
    let usd = *rng.pick(&[5.0, 10.0, 20.0, 50.0, 100.0]);
    let skip = rng.range(0.0, 0.08);
    let mut s = kind.window_at(run.from) + kind.len();
    while s + kind.len() < run.to {
        let end = s + kind.len();
        let t = end - lead + rng.int(0, 2);
        for &a in &assets {
            if !run.up(t) || rng.chance(skip) {
                continue;
            }
            let f = ctx.world.updown_fair(a, s, end, t);
            let o = if f >= 0.5 { 0 } else { 1 };
            let p = if o == 0 { f } else { 1.0 - f };
            if p < theta {
                continue;
            }
            let m = ctx.world.crypto(kind, a, s, 0);
            let q = if shares_mode { Qty::Sh(sh) } else { Qty::Usd(usd) };
            ctx.take(rng, m, o, w, true, q, t, Some(max_c));
        }
        s += kind.len();
    }
}

/// Buys both sides (or every bracket) when the asks add up to less than a dollar.
pub fn complement_arb(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 6, 30);
    let per_day = rng.range(2.0, 14.0);
    let cap = rng.lognormal(300.0, 0.7);
    let venue_w = [rng.range(0.2, 1.0), rng.range(0.0, 0.6), rng.range(0.0, 0.4)];
    let n = rng.poisson(per_day * (run.to - run.from) as f64 / DAY as f64);
    let mut times: Vec<i64> = (0..n).map(|_| rng.int(run.from, run.to)).collect();
    times.sort();
    for t in times {
        if !run.up(t) {
            continue;
        }
        let size = ((cap * rng.range(0.3, 1.0)) * 100.0) as u64;
        let size = size.max(500);
        match rng.weighted(&venue_w) {
            0 => {
                let a = rng.weighted(&[0.6, 0.25, 0.1, 0.05]);
                let kind = if rng.chance(0.7) { Ck::M15 } else { Ck::H1 };
                let s = kind.window_at(t);
                if t > s + kind.len() - 30 {
                    continue;
                }
                let m = ctx.world.crypto(kind, a, s, 0);
                pair(ctx, rng, w, m, size, t);
            }
            1 => {
                let live: Vec<usize> =
                    ctx.world.games.iter().filter(|g| g.start <= t && g.end > t && g.markets.len() == 1).map(|g| g.markets[0]).collect();
                if live.is_empty() {
                    continue;
                }
                let m = *rng.pick(&live);
                pair(ctx, rng, w, m, size, t);
            }
            _ => {
                let gs: Vec<Vec<usize>> = ctx
                    .world
                    .groups
                    .iter()
                    .filter(|g| g.kind == GroupKind::Weather && g.open < t && g.release > t + HOUR)
                    .map(|g| g.markets.clone())
                    .collect();
                if gs.is_empty() {
                    continue;
                }
                let ms = rng.pick(&gs).clone();
                let cs: Vec<u8> = ms.iter().map(|&m| (ctx.world.p(m, 0, t) * 100.0).floor().clamp(1.0, 98.0) as u8).collect();
                let sum: u32 = cs.iter().map(|c| *c as u32).sum();
                if sum > 98 {
                    continue;
                }
                let sz = (size / 2).max(500);
                for (i, &m) in ms.iter().enumerate() {
                    ctx.take_at(rng, m, 0, w, true, cs[i], sz, t + (i as i64 / 3));
                }
            }
        }
    }
}

fn pair(ctx: &mut Ctx, rng: &Rng, w: u32, m: usize, size: u64, t: i64) {
    let p = ctx.world.fair(m, t);
    let gap = rng.int(1, 4);
    let a = (p * 100.0).round() as i64 - rng.int(0, gap);
    let b = 100 - gap - a;
    if !(1..=98).contains(&a) || !(1..=98).contains(&b) {
        return;
    }
    ctx.take_at(rng, m, 0, w, true, a as u8, size, t);
    ctx.take_at(rng, m, 1, w, true, b as u8, size, t + rng.int(0, 1));
}

/// Follows a leader wallet: polls its fills and mirrors them within seconds, sized by rule.
pub fn copy_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let li = rng.weighted(&[0.18, 0.18, 0.14, 0.18, 0.1, 0.06, 0.06, 0.1]);
    let fills = ctx.leaders[li].fills.clone();
    let run = Run::new(rng, 6, 30);
    let poll = *rng.pick(&[1i64, 2, 3, 5, 10, 15, 30, 60]);
    let phase = rng.int(0, poll - 1);
    let mode = rng.below(3);
    let ratio = rng.range(0.005, 0.2);
    let usd = *rng.pick(&[5.0, 10.0, 25.0, 50.0, 100.0, 250.0]);
    let sh = fixed_shares(rng, &[10, 25, 50, 100]);
    let slip = rng.int(2, 10) as u8;
    let copy_sells = rng.chance(0.8);
    let mut pos = Pos::new();
    let mut plan: Vec<(i64, LFill)> =
        fills.iter().map(|f| ((f.t - phase).div_euclid(poll) * poll + poll + phase + rng.int(1, 4), *f)).collect();
    plan.sort_by_key(|p| p.0);
    for (t, f) in plan {
        if !run.up(t) {
            continue;
        }
        if f.buy {
            let q = match mode {
                0 => Qty::Sh(((f.sz as f64 * ratio) as u64).max(0)),
                1 => Qty::Usd(usd),
                _ => Qty::Sh(sh),
            };
            if let Qty::Sh(s) = q {
                if s < 500 {
                    continue;
                }
            }
            let (got, _) = ctx.take(rng, f.m, f.o, w, true, q, t, Some((f.c + slip).min(99)));
            if got > 0 {
                *pos.entry((f.m, f.o)).or_default() += got;
            }
        } else if copy_sells {
            let have = pos.get(&(f.m, f.o)).copied().unwrap_or(0);
            if have >= 500 {
                let sz = match mode {
                    0 => ((f.sz as f64 * ratio) as u64).clamp(500, have),
                    _ => have,
                };
                let sz = if have - sz < 500 { have } else { sz };
                let (got, _) = ctx.take(rng, f.m, f.o, w, false, Qty::Sh(sz), t, None);
                let left = have.saturating_sub(got);
                if left < 500 {
                    pos.remove(&(f.m, f.o));
                } else {
                    pos.insert((f.m, f.o), left);
                }
            }
        }
    }
}

/// Reads a news feed and trades the moved direction within seconds, then exits on a timer.
pub fn news_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let mut cats = vec![Cat::News];
    for c in [Cat::Politics, Cat::Econ, Cat::Mention, Cat::Culture] {
        if rng.chance(0.6) {
            cats.push(c);
        }
    }
    let theta = rng.range(0.05, 0.15);
    let lat = rng.range(0.5, 8.0);
    let phi_stale = rng.range(0.15, 0.7);
    let shares_mode = rng.chance(0.4);
    let usd = *rng.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0]);
    let sh = fixed_shares(rng, &[100, 200, 500, 1000]);
    let hold = *rng.pick(&[0i64, 300, 900, 3600, 4 * HOUR, DAY]);
    let mut evs: Vec<(i64, usize, f32)> = Vec::new();
    for &c in &cats {
        for &m in &ctx.world.by_cat[c as usize] {
            for &(t, d) in &ctx.world.markets[m].jumps {
                if d.abs() as f64 >= theta && run.up(t) {
                    evs.push((t, m, d));
                }
            }
        }
    }
    evs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (jt, m, d) in evs {
        let o = if d > 0.0 { 0 } else { 1 };
        let before = ctx.world.p(m, o, jt - 2);
        let after = ctx.world.p(m, o, jt + 30);
        if after - before < theta * 0.8 {
            continue;
        }
        let c = ((before + phi_stale * (after - before) + ctx.world.markets[m].hs) * 100.0).ceil();
        if c > 97.0 {
            continue;
        }
        let t = jt + (lat * rng.range(0.7, 1.3)).round() as i64;
        let sz = if shares_mode { sh } else { ((usd / (c / 100.0)) * 100.0) as u64 };
        if !ctx.take_at(rng, m, o, w, true, c as u8, sz, t) {
            continue;
        }
        if hold > 0 {
            let ts = t + hold + rng.int(0, 3);
            if ts < NOW && run.up(ts) {
                ctx.take(rng, m, o, w, false, Qty::Sh(sz), ts, None);
            }
        }
    }
}

/// A cron job: the same order at the same second every period.
pub fn cron_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 4, 30);
    let variant = rng.below(5);
    let skip = rng.range(0.0, 0.06);
    let usd = *rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let sh = fixed_shares(rng, &[5, 10, 20, 50, 100]);
    let a = rng.weighted(&[0.7, 0.2, 0.07, 0.03]);
    let mut t;
    match variant {
        0 => {
            // Daily at HH:MM:SS UTC into the daily Up/Down market.
            let off = rng.int(0, DAY - 1);
            let momentum = rng.chance(0.5);
            t = (run.from / DAY) * DAY + off;
            while t < run.to {
                if run.up(t) && !rng.chance(skip) {
                    let s = Ck::Day.window_at(t);
                    let m = ctx.world.crypto(Ck::Day, a, s, 0);
                    let o = if momentum { ctx.world.leader(m, t) } else { 0 };
                    ctx.take(rng, m, o, w, true, Qty::Usd(usd), t + rng.int(0, 2), Some(99));
                }
                t += DAY;
            }
        }
        1 => {
            // Hourly at :MM:SS into the current hourly window, side by the last hour's move.
            let off = rng.int(1, 40) * MIN + rng.int(0, 59);
            t = (run.from / HOUR) * HOUR + off;
            let every = if rng.chance(0.5) { HOUR } else { 2 * HOUR };
            while t < run.to {
                if run.up(t) && !rng.chance(skip) {
                    let s = Ck::H1.window_at(t);
                    let ast = &ctx.world.assets[a];
                    let o = if ast.x(s) >= ast.x(s - HOUR) { 0 } else { 1 };
                    let m = ctx.world.crypto(Ck::H1, a, s, 0);
                    ctx.take(rng, m, o, w, true, Qty::Sh(sh), t + rng.int(0, 2), Some(95));
                }
                t += every;
            }
        }
        2 => {
            // Every 4 hours: the favourite bracket of the next weather market for one city.
            let city = rng.below(CITIES.len());
            let off = rng.int(0, 59) * MIN + rng.int(0, 59);
            t = (run.from / (4 * HOUR)) * 4 * HOUR + off;
            while t < run.to {
                if run.up(t) && !rng.chance(skip) {
                    let g = ctx
                        .world
                        .groups
                        .iter()
                        .filter(|g| g.kind == GroupKind::Weather && g.city == city && g.open <= t && g.release > t + HOUR)
                        .min_by_key(|g| g.release)
                        .map(|g| g.markets.clone());
                    if let Some(ms) = g {
                        let best = *ms.iter().max_by(|x, y| ctx.world.p(**x, 0, t).partial_cmp(&ctx.world.p(**y, 0, t)).unwrap()).unwrap();
                        ctx.take(rng, best, 0, w, true, Qty::Usd(usd), t + rng.int(0, 2), Some(90));
                    }
                }
                t += 4 * HOUR;
            }
        }
        3 => {
            // Every 30 or 60 minutes, a fixed offset into a 15-minute window, fading the move.
            let every = if rng.chance(0.5) { 30 * MIN } else { HOUR };
            let off = rng.int(1, 8) * MIN + rng.int(0, 59);
            t = (run.from / every) * every + off;
            while t < run.to {
                if run.up(t) && !rng.chance(skip) {
                    let s = Ck::M15.window_at(t);
                    let m = ctx.world.crypto(Ck::M15, a, s, 0);
                    let o = 1 - ctx.world.leader(m, t);
                    ctx.take(rng, m, o, w, true, Qty::Usd(usd), t + rng.int(0, 2), Some(80));
                }
                t += every;
            }
        }
        _ => {
            // Daily DCA into one long-dated market.
            let pool: Vec<usize> = [Cat::Politics, Cat::News, Cat::Econ]
                .iter()
                .flat_map(|c| ctx.world.by_cat[*c as usize].clone())
                .filter(|&m| ctx.world.markets[m].close > NOW)
                .collect();
            let m = *rng.pick(&pool);
            let o = rng.below(2) as u8;
            let off = rng.int(0, 23) * HOUR + if rng.chance(0.6) { 0 } else { rng.int(1, 59) * MIN };
            t = (run.from / DAY) * DAY + off;
            while t < run.to {
                if run.up(t) && !rng.chance(skip) {
                    ctx.take(rng, m, o, w, true, Qty::Usd(usd * 2.0), t + rng.int(0, 2), Some(97));
                }
                t += DAY;
            }
        }
    }
}

/// Watches the spot feed; when price jumps, buys the moved side of the current window at the
/// stale price, and sells seconds to minutes later.
pub fn latency_arb(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 4, 15);
    let a = rng.weighted(&[0.6, 0.3, 0.07, 0.03]);
    let k = rng.range(3.2, 5.0);
    let look = *rng.pick(&[3i64, 5, 10]);
    let lat = rng.int(1, 2);
    let cool = rng.int(30, 300);
    let hold = rng.int(10, 180);
    let keep = rng.range(0.1, 0.35);
    let sh = fixed_shares(rng, &[50, 100, 200, 300, 500]);
    let cap_day = rng.int(20, 90);
    let kind = if rng.chance(0.75) { Ck::M15 } else { Ck::H1 };
    let mut last = 0i64;
    let mut day = -1i64;
    let mut today = 0;
    let mut t = run.from.max(START + 60);
    while t < run.to {
        let (dx, sig) = {
            let ast = &ctx.world.assets[a];
            (ast.x(t) - ast.x(t - look), ast.sigma(t) * (look as f64).sqrt())
        };
        if dx.abs() > k * sig && t - last > cool && run.up(t) {
            if t / DAY != day {
                day = t / DAY;
                today = 0;
            }
            let s = kind.window_at(t);
            let end = s + kind.len();
            if today < cap_day && end - t > 40 && t - s > 10 {
                let o = if dx > 0.0 { 0 } else { 1 };
                let stale = ctx.world.updown_fair(a, s, end, t - look);
                let pnow = ctx.world.updown_fair(a, s, end, t);
                let (ps, pn) = if o == 0 { (stale, pnow) } else { (1.0 - stale, 1.0 - pnow) };
                let c = ((ps + 0.01) * 100.0).ceil();
                if c <= 97.0 && pn > ps + 0.02 {
                    let m = ctx.world.crypto(kind, a, s, 0);
                    if ctx.take_at(rng, m, o, w, true, c as u8, sh, t + lat) {
                        today += 1;
                        last = t;
                        let ts = t + lat + hold + rng.int(0, 2);
                        if !rng.chance(keep) && ts < end - 3 {
                            ctx.take(rng, m, o, w, false, Qty::Sh(sh), ts, None);
                        }
                    }
                }
            }
        }
        t += 1;
    }
}

/// A live score feed: on each score, buys the scoring side at a partly stale price.
pub fn score_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 8, 30);
    let all = [Sport::Nfl, Sport::Soccer, Sport::Mlb, Sport::Nhl, Sport::Tennis, Sport::Esports, Sport::Cfb, Sport::Ufc];
    let k = rng.int(1, 3) as usize;
    let sports: Vec<Sport> = rng.sample(all.len(), k).into_iter().map(|i| all[i]).collect();
    let lat = rng.range(1.0, 8.0);
    let phi_stale = rng.range(0.2, 0.7);
    let sh = fixed_shares(rng, &[20, 50, 100, 200, 250]);
    let hold = *rng.pick(&[0i64, 60, 180, 600, 1800]);
    let part = rng.range(0.2, 0.75);
    let games: Vec<(Sport, Vec<usize>, Vec<(i64, u8)>, i64)> =
        ctx.world.games.iter().map(|g| (g.sport, g.markets.clone(), g.events.clone(), g.end)).collect();
    for (sport, ms, evs, end) in games {
        if !sports.contains(&sport) || !rng.chance(part) {
            continue;
        }
        for (et, team) in evs {
            if !run.up(et) || et >= end {
                continue;
            }
            let (m, o) = if ms.len() == 3 { (ms[if team == 0 { 0 } else { 2 }], 0u8) } else { (ms[0], team) };
            let before = ctx.world.p(m, o, et - 1);
            let after = ctx.world.p(m, o, et + 1);
            if after - before < 0.04 {
                continue;
            }
            let c = ((before + phi_stale * (after - before) + 0.005) * 100.0).ceil();
            if c > 97.0 {
                continue;
            }
            let t = et + (lat * rng.range(0.7, 1.3)).round() as i64;
            if !ctx.take_at(rng, m, o, w, true, c as u8, sh, t) {
                continue;
            }
            if hold > 0 {
                let ts = t + hold + rng.int(0, 2);
                if ts < end {
                    ctx.take(rng, m, o, w, false, Qty::Sh(sh), ts, None);
                }
            }
        }
    }
}

/// Trades weather brackets right after each model run, Kelly-sized.
pub fn weather_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let n_c = rng.int(1, 4) as usize;
    let cities = rng.sample(CITIES.len(), n_c);
    let lead = rng.int(5, 40) * MIN;
    let edge = rng.range(0.07, 0.18);
    let bank = rng.lognormal(3000.0, 0.8);
    let kf = rng.range(0.05, 0.3);
    let obs = rng.chance(0.25);
    let per_run = rng.int(1, 2) as usize;
    let mut pos = Pos::new();
    let groups: Vec<(usize, Vec<usize>, Vec<i64>, i64)> = ctx
        .world
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Weather)
        .map(|g| (g.city, g.markets.clone(), g.updates.clone(), g.release))
        .collect();
    for (city, ms, ups, release) in groups {
        if !cities.contains(&city) {
            continue;
        }
        for u in ups {
            // Model runs land at hours 4, 10, 16, 22 UTC; observations hourly on the day.
            let model = (u.rem_euclid(DAY) / HOUR) % 6 == 4 && u % HOUR == 0;
            if !model && !obs {
                continue;
            }
            let t = u - lead + rng.int(0, 20);
            if !run.up(t) || t >= release {
                continue;
            }
            // Rank brackets by edge against the model's probability; trade the best one or two.
            let mut ops: Vec<(f64, usize, u8, bool)> = Vec::new();
            for &m in &ms {
                let q = ctx.world.p(m, 0, u + 60);
                let ask = ctx.world.ask(m, 0, t) as f64 / 100.0;
                let bid = ctx.world.bid(m, 0, t) as f64 / 100.0;
                let ask_no = ctx.world.ask(m, 1, t) as f64 / 100.0;
                if q - ask >= edge {
                    ops.push((q - ask, m, 0, true));
                } else if bid - q >= edge && pos.contains_key(&(m, 0)) {
                    ops.push((bid - q, m, 0, false));
                } else if (1.0 - q) - ask_no >= edge * 1.5 {
                    ops.push(((1.0 - q) - ask_no, m, 1, true));
                }
            }
            ops.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            for (i, &(e, m, o, is_buy)) in ops.iter().take(per_run).enumerate() {
                let t = t + i as i64;
                if !is_buy {
                    sell(ctx, rng, w, &mut pos, m, o, 1.0, t);
                    continue;
                }
                let a = ctx.world.ask(m, o, t) as f64 / 100.0;
                let f = kf * e / (1.0 - a);
                let sz = ((bank * f / a) * 100.0) as u64;
                if sz >= 500 {
                    let (got, _) = ctx.take(rng, m, o, w, true, Qty::Sh(sz), t, Some((a * 100.0).round() as u8));
                    if got > 0 {
                        *pos.entry((m, o)).or_default() += got;
                    }
                }
            }
        }
    }
}

/// Posts fixed-size quotes near the midpoint of quiet markets to earn liquidity rewards.
pub fn rewards_farmer(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let pool: Vec<usize> = [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture, Cat::Sports]
        .iter()
        .flat_map(|c| ctx.world.by_cat[*c as usize].clone())
        .filter(|&m| {
            let mk = &ctx.world.markets[m];
            mk.close > NOW && mk.flow <= 16.0
        })
        .collect();
    let k = rng.int(3, 12) as usize;
    let ms: Vec<usize> = rng.sample(pool.len(), k).into_iter().map(|i| pool[i]).collect();
    let size = fixed_shares(rng, &[100, 200, 250, 300, 500, 1000]);
    let off = rng.int(1, 3) as f64 / 100.0;
    let lam = rng.range(0.5, 3.0);
    for m in ms {
        let mut inv = [0u64; 2];
        let n = rng.poisson(lam * (run.to - run.from) as f64 / DAY as f64);
        let mut ts: Vec<i64> = (0..n).map(|_| rng.int(run.from, run.to)).collect();
        ts.sort();
        for t in ts {
            if !run.up(t) {
                continue;
            }
            let o = rng.below(2) as u8;
            let p = ctx.world.p(m, o, t);
            if !(0.05..=0.95).contains(&p) {
                continue;
            }
            let sz = if rng.chance(0.6) { size } else { rng.int(500, size as i64) as u64 };
            if inv[o as usize] >= sz && rng.chance(0.5) {
                let c = ((p + off) * 100.0).round().clamp(1.0, 99.0) as u8;
                if ctx.make(rng, m, o, w, false, c, sz, t) {
                    inv[o as usize] -= sz;
                }
            } else {
                let c = ((p - off) * 100.0).round().clamp(1.0, 99.0) as u8;
                if ctx.make(rng, m, o, w, true, c, sz, t) {
                    inv[o as usize] += sz;
                }
            }
        }
    }
}

/// A price grid: buys a fixed size at each level down, sells it one level up.
pub fn grid_bot(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let pool: Vec<usize> = [Cat::Politics, Cat::News, Cat::Sports, Cat::Econ]
        .iter()
        .flat_map(|c| ctx.world.by_cat[*c as usize].clone())
        .filter(|&m| {
            let mk = &ctx.world.markets[m];
            mk.close > NOW && mk.open <= START
        })
        .collect();
    let k = rng.int(1, 4) as usize;
    let ms: Vec<usize> = rng.sample(pool.len(), k).into_iter().map(|i| pool[i]).collect();
    let g = *rng.pick(&[1i64, 1, 2, 2, 3, 5]);
    let sz = fixed_shares(rng, &[25, 50, 100, 200]);
    let max_lots = rng.int(5, 15) as usize;
    for m in ms {
        let o = rng.below(2) as u8;
        // One resting bid per grid level below the price; each filled lot is offered one level up.
        let mut held: std::collections::BTreeSet<i64> = std::collections::BTreeSet::new();
        let mut t = run.from.max(START + 60);
        let mut prev = ctx.world.p(m, o, t) * 100.0;
        while t < run.to {
            let cur = ctx.world.p(m, o, t) * 100.0;
            if run.up(t) && cur < prev {
                let mut l = (prev / g as f64).floor() as i64 * g;
                while l as f64 > cur && held.len() < max_lots {
                    if l >= 1
                        && l <= 99
                        && (l as f64) < prev
                        && !held.contains(&l)
                        && ctx.make(rng, m, o, w, true, l as u8, sz, t + rng.int(0, 50))
                    {
                        held.insert(l);
                    }
                    l -= g;
                }
            } else if run.up(t) && cur > prev {
                let lots: Vec<i64> =
                    held.iter().copied().filter(|&b| (b + g) as f64 > prev && (b + g) as f64 <= cur && b + g <= 99).collect();
                for b in lots {
                    if ctx.make(rng, m, o, w, false, (b + g) as u8, sz, t + rng.int(0, 50)) {
                        held.remove(&b);
                    }
                }
            }
            prev = cur;
            t += 60;
        }
    }
}

/// Works large parent orders as equal child orders at a fixed interval.
pub fn twap(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let parents = rng.int(2, 8);
    let n_opts = [10i64, 20, 30, 50, 60];
    let dt_opts = [30i64, 60, 120, 300, 600];
    let mut done: Vec<(usize, u8, u64, i64)> = Vec::new();
    let mut starts: Vec<i64> = (0..parents).map(|_| rng.int(run.from, run.to)).collect();
    starts.sort();
    for t0 in starts {
        let n = *rng.pick(&n_opts);
        let dt = *rng.pick(&dt_opts);
        let ready: Vec<usize> = (0..done.len()).filter(|&i| done[i].3 < t0).collect();
        let selling = !ready.is_empty() && rng.chance(0.3);
        let mut have_sell = 0;
        let (m, o, child) = if selling {
            let (m, o, have, _) = done.remove(ready[rng.below(ready.len())]);
            have_sell = have;
            (m, o, (have / n as u64).max(500))
        } else {
            let mut cands = Vec::new();
            for cat in [Cat::Politics, Cat::Sports, Cat::Econ, Cat::News] {
                for m in ctx.world.open_in(cat, t0, (n * dt) + HOUR) {
                    if ctx.world.markets[m].big || ctx.world.markets[m].flow >= 20.0 {
                        cands.push(m);
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            let m = *rng.pick(&cands);
            let o = rng.below(2) as u8;
            let total = rng.lognormal(15_000.0, 0.8);
            (m, o, ((total / n as f64) * 100.0).round() as u64)
        };
        let p0 = ctx.world.p(m, o, t0);
        if !(0.05..=0.95).contains(&p0) {
            continue;
        }
        let band = (p0 * 100.0 + if selling { -4.0 } else { 4.0 }).round().clamp(1.0, 99.0) as u8;
        let mut got_total = 0;
        let total_have = have_sell;
        let mut last = t0;
        for i in 0..n {
            let t = t0 + i * dt + rng.int(0, 2);
            if !run.up(t) {
                continue;
            }
            let q = if selling { child.min(total_have.saturating_sub(got_total)) } else { child };
            if q < 500 {
                break;
            }
            let (got, _) = ctx.take(rng, m, o, w, !selling, Qty::Sh(q), t, Some(band));
            got_total += got;
            last = t;
        }
        if !selling && got_total > 0 {
            done.push((m, o, got_total, last));
        }
    }
}

// ----- bots written to pass as people -----

/// Copies a leader with human-looking delays, a nightly pause, round sizes and skips.
pub fn hard_copier(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let li = rng.weighted(&[0.2, 0.2, 0.1, 0.2, 0.1, 0.05, 0.05, 0.1]);
    let fills = ctx.leaders[li].fills.clone();
    let run = Run::new(rng, 12, 30);
    let med = rng.range(3.0, 15.0) * 60.0;
    let sleep_at = rng.range(0.0, 24.0);
    let sleep_len = rng.range(6.0, 8.5);
    let skip = rng.range(0.2, 0.45);
    let sizes = [10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0];
    let scale = *rng.pick(&[1.0, 1.0, 2.0, 5.0]);
    let mut pos = Pos::new();
    let asleep = |t: i64| -> bool {
        let d = t.div_euclid(DAY);
        let j = unit(hash2(w as u64, d as u64)) - 0.5;
        let h = (t.rem_euclid(DAY)) as f64 / HOUR as f64;
        let s = (sleep_at + j).rem_euclid(24.0);
        let x = (h - s).rem_euclid(24.0);
        x < sleep_len
    };
    let mut plan: Vec<(i64, LFill)> = Vec::new();
    for f in fills {
        if rng.chance(skip) {
            continue;
        }
        let mut t = f.t + 20 + rng.lognormal(med, 0.8) as i64;
        if asleep(t) {
            let mut x = t;
            while asleep(x) {
                x += 10 * MIN;
            }
            t = x + rng.lognormal(20.0 * 60.0, 0.6) as i64;
        }
        plan.push((t, f));
    }
    plan.sort_by_key(|p| p.0);
    for (t, f) in plan {
        if !run.up(t) {
            continue;
        }
        if f.buy {
            if ctx.world.p(f.m, f.o, t) > f.c as f64 / 100.0 + 0.08 {
                continue;
            }
            let usd = *rng.pick(&sizes) * scale;
            if rng.chance(0.15) {
                buy(ctx, rng, w, &mut pos, f.m, f.o, usd / 2.0, t);
                buy(ctx, rng, w, &mut pos, f.m, f.o, usd / 2.0, t + rng.int(20, 90));
            } else {
                buy(ctx, rng, w, &mut pos, f.m, f.o, usd, t);
            }
        } else if rng.chance(0.6) {
            sell(ctx, rng, w, &mut pos, f.m, f.o, 1.0, t);
        }
    }
}

/// A near-resolution buyer wearing a fake day: waking hours with jitter, days off, round sizes.
pub fn hard_sniper(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 12, 30);
    let tz = rng.range(-8.0, 9.0).round();
    let wake = rng.range(7.0, 10.0);
    let bed = rng.range(22.0, 25.0);
    let off_days: Vec<bool> = (0..32).map(|_| rng.chance(0.2)).collect();
    let poll_med = rng.range(4.0, 12.0) * 60.0;
    let buy_p = rng.range(0.05, 0.16);
    let lo = rng.range(0.92, 0.96);
    let hi = if rng.chance(0.4) { 0.999 } else { rng.range(0.965, 0.985) };
    let horizon = rng.int(2, 24) * HOUR;
    let sizes = [50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 500.0];
    let mut cats = vec![Cat::Sports];
    for c in [Cat::Weather, Cat::Econ, Cat::News, Cat::Mention] {
        if rng.chance(0.5) {
            cats.push(c);
        }
    }
    let mut pos = Pos::new();
    let mut t = run.from.max(START + 60);
    while t < run.to {
        let lt = t + (tz * HOUR as f64) as i64;
        let d = lt.div_euclid(DAY);
        let h = lt.rem_euclid(DAY) as f64 / HOUR as f64;
        let j = unit(hash2(w as u64 ^ 77, d as u64)) - 0.5;
        let awake = h >= wake + j && h < (bed + j).min(24.0) || (bed + j > 24.0 && h < bed + j - 24.0);
        let di = ((t - START) / DAY).clamp(0, 31) as usize;
        if awake && !off_days[di] && run.up(t) && rng.chance(buy_p) {
            let c = near_certain_pub(ctx, t, lo, hi, horizon, &cats);
            if !c.is_empty() {
                let (m, o) = *rng.pick(&c);
                buy(ctx, rng, w, &mut pos, m, o, *rng.pick(&sizes), t);
            }
        }
        if awake && rng.chance(0.01) && !pos.is_empty() {
            let keys: Vec<(usize, u8)> = pos.keys().copied().collect();
            let (m, o) = keys[rng.below(keys.len())];
            if ctx.world.tradable(m, t) && ctx.world.bid(m, o, t) >= 99 {
                sell(ctx, rng, w, &mut pos, m, o, 1.0, t);
            }
        }
        t += rng.lognormal(poll_med, 0.5) as i64 + 1;
    }
}

/// An LLM agent run every few hours around the clock: a handful of round-sized bets per run.
pub fn hard_agent(ctx: &mut Ctx, rng: &Rng, w: u32) {
    let run = Run::new(rng, 10, 30);
    let every = rng.range(2.5, 7.0) * HOUR as f64;
    let sizes = [10.0, 20.0, 25.0, 50.0, 100.0];
    let scale = *rng.pick(&[1.0, 1.0, 2.0, 4.0]);
    let band = rng.range(0.1, 0.2);
    let mut pos = Pos::new();
    let mut entry: std::collections::BTreeMap<(usize, u8), f64> = std::collections::BTreeMap::new();
    // Some operators only let it run in their own daytime (a fixed window, not a person's day).
    let quiet = if rng.chance(0.5) { Some((rng.range(0.0, 24.0), rng.range(5.0, 9.0))) } else { None };
    let in_quiet = |t: i64| -> bool {
        match quiet {
            Some((a, len)) => ((t.rem_euclid(DAY) as f64 / HOUR as f64) - a).rem_euclid(24.0) < len,
            None => false,
        }
    };
    let mut t = run.from.max(START + 60) + rng.int(0, 3600);
    while t < run.to {
        if run.up(t) && !in_quiet(t) {
            let mut x = t + rng.int(2, 30);
            // Review: exit anything that moved past the band.
            let keys: Vec<(usize, u8)> = pos.keys().copied().collect();
            for (m, o) in keys {
                if !ctx.world.tradable(m, x) {
                    continue;
                }
                let e = entry.get(&(m, o)).copied().unwrap_or(0.5);
                let p = ctx.world.p(m, o, x);
                if (p - e).abs() > band {
                    sell(ctx, rng, w, &mut pos, m, o, 1.0, x);
                    x += rng.int(5, 40);
                }
            }
            for _ in 0..rng.int(0, 4) {
                let cat = [Cat::Politics, Cat::News, Cat::Sports, Cat::Econ, Cat::Culture, Cat::Mention]
                    [rng.weighted(&[0.25, 0.25, 0.2, 0.1, 0.1, 0.1])];
                let cands: Vec<usize> =
                    ctx.world.open_in(cat, x, 3 * HOUR).into_iter().filter(|&m| (0.15..=0.85).contains(&ctx.world.fair(m, x))).collect();
                if cands.is_empty() {
                    continue;
                }
                let m = *rng.pick(&cands);
                let o = rng.below(2) as u8;
                let usd = *rng.pick(&sizes) * scale;
                if buy(ctx, rng, w, &mut pos, m, o, usd, x) > 0 {
                    entry.insert((m, o), ctx.world.p(m, o, x));
                }
                x += rng.int(5, 60);
            }
        }
        t += rng.lognormal(every, 0.35) as i64;
    }
}
