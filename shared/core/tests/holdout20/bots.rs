//! Programs: each generator writes one trading program's month, as its operator runs it.

use super::people::{Life, pick_long};
use super::rng::Rng;
use super::world::{DAY, DIURNAL, HOUR, MIN, NOW, START, utc_hour};
use super::{Ctx, Gen, Shared, shares_for};

pub const ALL: &[(&str, usize, Gen)] = &[
    ("market_maker_two_sided", 12, market_maker_two_sided),
    ("crypto_updown_latency_bot", 12, crypto_updown_latency_bot),
    ("complement_arb_bot", 11, complement_arb_bot),
    ("resolution_sniper", 12, resolution_sniper),
    ("sports_feed_bot", 12, sports_feed_bot),
    ("copy_bot_fixed_delay", 12, copy_bot_fixed_delay),
    ("volume_farmer_wash", 13, volume_farmer_wash),
    ("twap_execution_algo", 11, twap_execution_algo),
    ("news_headline_bot", 11, news_headline_bot),
    ("liquidity_rewards_farmer", 12, liquidity_rewards_farmer),
    ("weather_model_bot", 11, weather_model_bot),
    ("negrisk_basket_arb", 11, negrisk_basket_arb),
    ("hard_hobby_model_script", 11, hard_hobby_model_script),
    ("hard_scaled_copy_bot", 11, hard_scaled_copy_bot),
    ("hard_llm_agent", 11, hard_llm_agent),
    ("hard_humanised_accumulator", 11, hard_humanised_accumulator),
];

/// When the program is running: launched some day, stopped for deploys, crashes and
/// out-of-money spells, sometimes switched off before the end.
pub struct Runtime {
    pub from: i64,
    pub to: i64,
    pub down: Vec<(i64, i64)>,
}

impl Runtime {
    pub fn new(r: &Rng, late_start: f64) -> Runtime {
        let from = if r.chance(late_start) { START + r.range(DAY, 18 * DAY) } else { START };
        let to = if r.chance(0.15) { NOW - r.range(DAY, 8 * DAY) } else { NOW };
        let mut down = Vec::new();
        for _ in 0..r.poisson(2.5) {
            let a = START + r.range(0, 30 * DAY);
            let len = if r.chance(0.7) { r.range(5 * MIN, 3 * HOUR) } else { r.range(6 * HOUR, 3 * DAY) };
            down.push((a, a + len));
        }
        Runtime { from, to, down }
    }
    pub fn up(&self, t: i64) -> bool {
        t >= self.from && t < self.to && !self.down.iter().any(|&(a, b)| t >= a && t < b)
    }
}

fn market_maker_two_sided(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.2);
    let mut ms: Vec<usize> = ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].pop > 5.0).collect();
    ctx.r.shuffle(&mut ms);
    ms.truncate(ctx.r.range(4, 12) as usize);
    let mut games: Vec<usize> = ctx.w.games.clone();
    ctx.r.shuffle(&mut games);
    ms.extend(games.into_iter().take(ctx.r.range(0, 20) as usize));
    let quote = *ctx.r.pick(&[100u64, 200, 250, 500, 1000]) * 100;
    let target = ctx.r.lognormal(800.0, 0.5).clamp(250.0, 2200.0);
    let hours: f64 = ms
        .iter()
        .map(|&m| {
            let (a, b) = ctx.w.m[m].window();
            ctx.w.m[m].pop * ((b - a).max(0) as f64 / HOUR as f64)
        })
        .sum();
    let share = target / hours.max(1.0);
    for &m in &ms {
        let (a, b) = ctx.w.m[m].window();
        let rate = ctx.w.m[m].pop * share;
        let mut t = a;
        loop {
            let mult = DIURNAL[utc_hour(t)];
            t += (ctx.r.exp(HOUR as f64 / (rate * mult).max(1e-6)) as i64).max(1);
            if t >= b {
                break;
            }
            // pulls quotes while a game is live
            if !rt.up(t) || ctx.w.m[m].is_live(t) || t >= ctx.w.m[m].end {
                continue;
            }
            let inv = ctx.held(m, 0) as i64 - ctx.held(m, 1) as i64;
            let k = ctx.r.below(2) as u8;
            let skew = (inv as f64 / (quote as f64 * 4.0)).clamp(-0.8, 0.8);
            let p_sell0 = 0.5 + skew * 0.4;
            let (k, buy) = if k == 0 { (0, !ctx.r.chance(p_sell0)) } else { (1, ctx.r.chance(p_sell0)) };
            let px = if buy { ctx.w.m[m].bid(k, t) } else { ctx.w.m[m].ask(k, t) };
            let taker = (ctx.r.lognormal(60.0, 1.1) * 100.0) as u64;
            let size = taker.clamp(500, quote);
            ctx.maker(m, k, buy, px, size, t);
        }
    }
}

fn crypto_updown_latency_bot(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.5);
    let mut assets = vec![0u8];
    for a in 1..4u8 {
        if ctx.r.chance(0.4) {
            assets.push(a);
        }
    }
    let sized_usd = ctx.r.chance(0.5);
    let usd = *ctx.r.pick(&[20.0, 50.0, 100.0, 250.0]);
    let lot = *ctx.r.pick(&[50u64, 100, 150, 200]) * 100;
    let p_interval = ctx.r.uni(0.08, 0.22);
    let mut s = START.div_euclid(15 * MIN) * 15 * MIN + 15 * MIN;
    while s + 15 * MIN <= NOW {
        for &a in &assets {
            if !rt.up(s) || !ctx.r.chance(p_interval) {
                continue;
            }
            let m = ctx.w.crypto(a, 15 * MIN, s);
            let events = ctx.w.m[m].events.clone();
            let mut fired = 0;
            for (te, d) in events {
                let t = te + ctx.r.range(1, 4);
                let k = if d > 0.0 { 0 } else { 1 };
                // the book has not caught up yet
                let stale = ctx.w.m[m].ask(k, te - 10);
                let fresh = ctx.w.m[m].ask(k, t + 15);
                if fresh <= stale || stale > 94 {
                    continue;
                }
                let sh = if sized_usd { shares_for(usd, stale) } else { lot };
                if ctx.at(m, k, true, stale, sh, t) {
                    fired += 1;
                    if ctx.r.chance(0.4) && stale < fresh {
                        let extra = sh / 2;
                        ctx.at(m, k, true, fresh.min(99), extra, t);
                    }
                }
            }
            // the closing seconds: sure side still priced below fair
            let t = s + 15 * MIN - ctx.r.range(8, 60);
            for k in 0..2u8 {
                let p = ctx.w.m[m].p(k, t);
                let a = ctx.w.m[m].ask(k, t - 20);
                if p > 0.9 && (a as f64) < p * 100.0 - 1.0 && fired < 6 {
                    let sh = if sized_usd { shares_for(usd, a) } else { lot };
                    ctx.at(m, k, true, a, sh, t);
                }
            }
        }
        s += 15 * MIN;
    }
}

fn complement_arb_bot(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.4);
    let len = if ctx.r.chance(0.7) { 15 * MIN } else { HOUR };
    let asset = if ctx.r.chance(0.7) { 0 } else { 1 };
    let lot = *ctx.r.pick(&[20u64, 50, 100, 200]) * 100;
    let edge = ctx.r.range(2, 6) as u8;
    let p_interval = ctx.r.uni(0.06, 0.2);
    let mut s = START.div_euclid(len) * len + len;
    while s + len <= NOW {
        if rt.up(s) && ctx.r.chance(p_interval) {
            let m = ctx.w.crypto(asset, len, s);
            // bids on both sides that sum to under a dollar
            let b0 = 50 - edge / 2 - ctx.r.range(0, 4) as u8;
            let b1 = 100 - edge - b0;
            let mut filled = [0u64; 2];
            let mut t = s + ctx.r.range(5, 40);
            while t < s + len - 5 {
                for k in 0..2u8 {
                    let b = if k == 0 { b0 } else { b1 };
                    if filled[k as usize] < lot && ctx.w.m[m].bid(k, t) <= b && ctx.w.m[m].ask(k, t) >= b {
                        let part = if ctx.r.chance(0.6) {
                            lot - filled[k as usize]
                        } else {
                            ((lot - filled[k as usize]) as f64 * ctx.r.uni(0.2, 0.8)) as u64
                        };
                        if part >= 500 && ctx.maker(m, k, true, b, part, t) {
                            filled[k as usize] += part;
                        }
                    }
                }
                t += ctx.r.range(5, 25);
            }
            // one side left naked: buy the rest at the ask near the end when cheap enough
            for k in 0..2usize {
                let o = 1 - k;
                if filled[k] >= 500 && filled[o] + 500 <= filled[k] {
                    let t = s + len - ctx.r.range(20, 120);
                    let a = ctx.w.m[m].ask(o as u8, t);
                    let paid = if k == 0 { b0 } else { b1 };
                    if (a as u16 + paid as u16) < 100 {
                        ctx.at(m, o as u8, true, a, filled[k] - filled[o], t);
                    }
                }
            }
        }
        s += len;
    }
}

fn resolution_sniper(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let scale = ctx.r.lognormal(3000.0, 0.8);
    let p_take = ctx.r.uni(0.1, 0.3);
    let mut targets: Vec<usize> = ctx.w.games.clone();
    if ctx.r.chance(0.5) {
        targets.extend(ctx.w.esports.iter().copied());
    }
    for g in ctx.w.mentions.clone() {
        targets.extend(g);
    }
    targets.extend(ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].end < NOW));
    let hourly = ctx.r.chance(0.6);
    if hourly {
        let mut s = START.div_euclid(HOUR) * HOUR + HOUR;
        while s + HOUR < NOW {
            if ctx.r.chance(0.3) {
                targets.push(ctx.w.crypto(0, HOUR, s));
            }
            s += HOUR;
        }
    }
    for m in targets {
        let e = ctx.w.m[m].end;
        let Some(win) = ctx.w.m[m].winner else { continue };
        if e <= START || e >= NOW || !rt.up(e) || !ctx.r.chance(p_take) {
            continue;
        }
        let mut t = e + ctx.r.range(2, 25);
        for _ in 0..ctx.r.range(1, 4) {
            let a = ctx.w.m[m].ask(win, t);
            if a < 96 || a > 99 {
                break;
            }
            let usd = (scale * ctx.r.uni(0.3, 1.0)).round();
            ctx.buy_usd(m, win, usd, t);
            t += ctx.r.range(20, 10 * MIN);
        }
    }
}

fn sports_feed_bot(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let cats: Vec<&str> =
        ["nfl", "soccer", "mlb", "nhl", "cfb", "tennis", "wnba", "ufc", "lol", "cs2"].into_iter().filter(|_| ctx.r.chance(0.55)).collect();
    let usd = *ctx.r.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0]);
    let lat = ctx.r.range(1, 4);
    let mut games: Vec<usize> = ctx.w.games.clone();
    games.extend(ctx.w.esports.iter().copied());
    for g in games {
        if !cats.contains(&ctx.w.m[g].cat) || !ctx.r.chance(0.35) {
            continue;
        }
        let events = ctx.w.m[g].events.clone();
        for (te, d) in events {
            if d.abs() < 0.03 || !rt.up(te) {
                continue;
            }
            let k = if d > 0.0 { 0 } else { 1 };
            let t = te + lat + ctx.r.range(0, 3);
            let before = ctx.w.m[g].ask(k, te - 40);
            let after = ctx.w.m[g].ask(k, te + 60);
            if after <= before || before > 95 {
                continue;
            }
            let px = before + ((after - before) as f64 * ctx.r.uni(0.0, 0.5)) as u8;
            let sh = shares_for(usd, px);
            if ctx.at(g, k, true, px, sh, t) && ctx.r.chance(0.6) {
                let out = t + ctx.r.range(45, 12 * MIN);
                ctx.sell_all(g, k, out);
            }
        }
    }
}

fn copy_bot_fixed_delay(ctx: &mut Ctx, sh: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let l = ctx.r.below(sh.leaders.len() as u64) as usize;
    let fixed = ctx.r.chance(0.5);
    let usd = *ctx.r.pick(&[5.0, 10.0, 25.0, 50.0]);
    let ratio = ctx.r.uni(0.01, 0.1);
    let delay = ctx.r.range(2, 9);
    let mut last_tx = 0;
    for r in sh.leaders[l].clone() {
        if r.tx == last_tx {
            continue; // one copy per leader order, not per fill
        }
        last_tx = r.tx;
        let t = r.ts + delay + ctx.r.range(0, 3);
        if !rt.up(t) {
            continue;
        }
        let m = r.m as usize;
        if r.buy {
            let px = ctx.w.m[m].ask(r.k, t);
            let sh = if fixed { shares_for(usd, px) } else { (r.size as f64 * ratio) as u64 };
            ctx.take(m, r.k, true, sh.max(500), t);
        } else {
            ctx.sell_all(m, r.k, t);
        }
    }
}

fn volume_farmer_wash(ctx: &mut Ctx, _: &Shared) {
    // operators run several farming wallets on one schedule
    let op = ctx.r.below(3);
    let or = Rng::derive(0xFA4A, op);
    let hh = or.range(0, 24);
    let mm = or.range(0, 60);
    let mut liquid: Vec<usize> = ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].pop > 10.0 && ctx.w.m[i].spread == 1).collect();
    or.shuffle(&mut liquid);
    liquid.truncate(4);
    let rt = Runtime::new(&ctx.r, 0.3);
    let lot = *ctx.r.pick(&[10u64, 15, 20, 25, 50]) * 100;
    let offset = ctx.r.range(0, 6) * MIN;
    let mut d = START.div_euclid(DAY);
    while d * DAY < NOW {
        let t0 = d * DAY + hh * HOUR + mm * MIN + offset + ctx.r.range(0, 20);
        d += 1;
        if !rt.up(t0) || ctx.r.chance(0.12) {
            continue;
        }
        let mut t = t0;
        let cycles = ctx.r.range(6, 18);
        for _ in 0..cycles {
            let m = *ctx.r.pick(&liquid);
            let k = ctx.r.below(2) as u8;
            if ctx.take(m, k, true, lot, t) > 0 {
                let h = ctx.held(m, k).min(lot);
                ctx.take(m, k, false, h, t + ctx.r.range(15, 80));
            }
            t += ctx.r.range(100, 260);
        }
    }
}

fn twap_execution_algo(ctx: &mut Ctx, _: &Shared) {
    let n_parents = ctx.r.range(1, 5);
    let interval = *ctx.r.pick(&[60i64, 120, 180, 300, 600]);
    for _ in 0..n_parents {
        let start = START + ctx.r.range(0, 28 * DAY);
        let start = start.div_euclid(HOUR) * HOUR + if ctx.r.chance(0.5) { 30 * MIN } else { 0 };
        let Some(m) = pick_long(ctx, start, &["politics", "geo", "econ", "sports", "crypto", "tech"]) else { continue };
        let k = ctx.r.below(2) as u8;
        let dur = ctx.r.range(2, 9) * HOUR;
        let n = (dur / interval) as u64;
        let total = (ctx.r.lognormal(20_000.0, 0.7) as u64).max(n * 10) * 100;
        let child = (total / n.max(1) / 100).max(5) * 100;
        let sell = ctx.held(m, k) >= total;
        for i in 0..n {
            let t = start + i as i64 * interval + ctx.r.range(0, 3);
            if sell {
                ctx.take(m, k, false, child, t);
            } else {
                ctx.take(m, k, true, child, t);
            }
        }
        // later unwinds part of it the same way
        if ctx.r.chance(0.4) {
            let s2 = start + dur + ctx.r.range(DAY, 6 * DAY);
            for i in 0..n / 2 {
                ctx.take(m, k, false, child, s2 + i as i64 * interval + ctx.r.range(0, 3));
            }
        }
    }
}

fn news_headline_bot(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let usd = *ctx.r.pick(&[100.0, 250.0, 500.0, 1000.0, 2000.0]);
    let lat = ctx.r.range(1, 6);
    let p_fire = ctx.r.uni(0.3, 0.6);
    let hold = ctx.r.range(10 * MIN, 6 * HOUR);
    let ms = ctx.w.long.clone();
    for m in ms {
        let events = ctx.w.m[m].events.clone();
        for (te, d) in events {
            if d.abs() < 0.015 || !rt.up(te) || !ctx.r.chance(p_fire) {
                continue;
            }
            let k = if d > 0.0 { 0 } else { 1 };
            let t = te + lat + ctx.r.range(0, 4);
            let stale = ctx.w.m[m].ask(k, te - 60);
            let px = (stale + 1).min(99);
            let sh = shares_for(usd, px);
            if ctx.at(m, k, true, px, sh, t) {
                let out = t + hold + ctx.r.range(0, 120);
                ctx.sell_all(m, k, out);
            }
        }
    }
}

fn liquidity_rewards_farmer(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let mut ms: Vec<usize> = ctx.w.long.clone();
    ctx.r.shuffle(&mut ms);
    ms.truncate(ctx.r.range(10, 30) as usize);
    let size = *ctx.r.pick(&[50u64, 100, 200, 500]) * 100;
    let rate = ctx.r.uni(0.0012, 0.004);
    let dump = ctx.r.uni(0.3, 0.8);
    for &m in &ms {
        let (a, b) = ctx.w.m[m].window();
        let lam = ctx.w.m[m].pop * rate;
        let mut t = a;
        loop {
            t += ctx.r.exp(HOUR as f64 / lam.max(1e-6)) as i64 + 1;
            if t >= b {
                break;
            }
            if !rt.up(t) {
                continue;
            }
            let k = ctx.r.below(2) as u8;
            let buy = ctx.held(m, k) < size || ctx.r.chance(0.5);
            let px = if buy { ctx.w.m[m].bid(k, t) } else { ctx.w.m[m].ask(k, t) };
            let got = if ctx.r.chance(0.6) { size } else { (size as f64 * ctx.r.uni(0.1, 0.9)) as u64 / 100 * 100 };
            if ctx.maker(m, k, buy, px, got, t) && buy && ctx.r.chance(dump) {
                ctx.take(m, k, false, got, t + ctx.r.range(3, 60));
            }
        }
    }
}

fn weather_model_bot(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let cities: Vec<usize> = (0..4).filter(|_| ctx.r.chance(0.55)).collect();
    let cities = if cities.is_empty() { vec![0] } else { cities };
    let lot = *ctx.r.pick(&[20u64, 50, 100, 150, 300]) * 100;
    let lat = ctx.r.range(60, 400);
    let edge = ctx.r.uni(0.03, 0.07);
    let runs = ctx.w.weather_runs.clone();
    for run in runs {
        let t = run + lat + ctx.r.range(0, 30);
        if t <= START || t > NOW || !rt.up(t) {
            continue;
        }
        let mut n = 0;
        for gi in 0..ctx.w.weather.len() {
            if !cities.contains(&ctx.w.weather_keys[gi].0) {
                continue;
            }
            let group = ctx.w.weather[gi].clone();
            for (j, &m) in group.iter().enumerate() {
                if !ctx.w.m[m].trading(t) {
                    continue;
                }
                // its model sees a couple of hours ahead of the crowd
                let fair = ctx.w.m[m].p0(t + 2 * HOUR);
                let ask = ctx.w.m[m].ask(0, t) as f64 / 100.0;
                let bid = ctx.w.m[m].bid(0, t) as f64 / 100.0;
                let tt = t + j as i64 * ctx.r.range(0, 2);
                if fair - ask > edge && n < 12 {
                    ctx.take(m, 0, true, lot, tt);
                    n += 1;
                } else if bid - fair > edge && ctx.held(m, 0) >= 500 {
                    ctx.sell_all(m, 0, tt);
                    n += 1;
                }
            }
        }
    }
}

fn negrisk_basket_arb(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.3);
    let lot = *ctx.r.pick(&[50u64, 100, 200, 250, 500]) * 100;
    let min_edge = ctx.r.range(2, 5);
    let p_scan = ctx.r.uni(0.05, 0.15);
    let n_groups = ctx.w.groups.len();
    for gi in 0..n_groups {
        let group = ctx.w.groups[gi].clone();
        let (a, b) = ctx.w.m[group[0]].window();
        let mut t = a + ctx.r.range(0, 2 * HOUR);
        while t < b {
            t += ctx.r.range(40 * MIN, 5 * HOUR);
            if !rt.up(t) || !ctx.r.chance(p_scan) {
                continue;
            }
            // stale offers left under fair on every leg
            let legs: Vec<u8> = group.iter().map(|&m| ((ctx.w.m[m].p0(t) * 100.0).floor() as i64).clamp(1, 99) as u8).collect();
            let sum: i64 = legs.iter().map(|&c| c as i64).sum();
            if 100 - sum < min_edge || group.iter().any(|&m| !ctx.w.m[m].trading(t)) {
                continue;
            }
            for (j, &m) in group.iter().enumerate() {
                ctx.at(m, 0, true, legs[j], lot, t + j as i64 / 3);
            }
        }
    }
}

fn hard_hobby_model_script(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, &[-4, -5, -7, 0, 1, 2]);
    let cats: Vec<&str> = if ctx.r.chance(0.5) { vec!["nfl", "cfb", "mlb"] } else { vec!["soccer", "tennis", "nhl"] };
    let every = *ctx.r.pick(&[2 * HOUR, 3 * HOUR, 4 * HOUR]);
    let mut bank = ctx.r.lognormal(600.0, 0.6);
    let mut done: Vec<usize> = Vec::new();
    for d0 in life.days() {
        if life.away(d0 + 12 * HOUR) || ctx.r.chance(0.2) {
            continue; // the laptop stays shut
        }
        let mut t = d0 + ((life.wake + ctx.r.uni(0.3, 2.5)) * HOUR as f64) as i64;
        let off = d0 + ((life.bed - ctx.r.uni(0.0, 1.5)) * HOUR as f64) as i64;
        while t < off {
            let cand: Vec<usize> = ctx
                .w
                .upcoming_games(t, 20 * HOUR, false)
                .into_iter()
                .filter(|g| cats.contains(&ctx.w.m[*g].cat) && !done.contains(g))
                .collect();
            for g in cand {
                let Some((s, _)) = ctx.w.m[g].live else { continue };
                let model = (ctx.w.m[g].p0(s) + ctx.r.normal() * 0.04).clamp(0.02, 0.98);
                for k in 0..2u8 {
                    let pk = if k == 0 { model } else { 1.0 - model };
                    let ask = ctx.w.m[g].ask(k, t) as f64 / 100.0;
                    let e = pk - ask;
                    if e > 0.03 {
                        let f = 0.25 * e / (1.0 - ask);
                        let usd = ((bank * f * 100.0).round() / 100.0).clamp(3.0, 250.0);
                        let tt = t + ctx.r.range(2, 40);
                        if ctx.buy_usd(g, k, usd, tt) > 0 {
                            done.push(g);
                            bank -= usd * 0.1;
                        }
                        break;
                    }
                }
            }
            t += every + ctx.r.range(5, 90);
        }
        bank = bank.max(100.0) * ctx.r.uni(0.98, 1.03);
    }
}

fn hard_scaled_copy_bot(ctx: &mut Ctx, sh: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.25);
    let l = ctx.r.below(sh.leaders.len() as u64) as usize;
    let ratio = ctx.r.uni(0.01, 0.06);
    let poll = *ctx.r.pick(&[60i64, 120, 180, 300]);
    let max_usd = ctx.r.uni(40.0, 300.0);
    let phase = ctx.r.range(0, poll);
    let mut last_tx = 0;
    let mut last_m = (u32::MAX, 9u8, 0i64);
    for r in sh.leaders[l].clone() {
        if r.tx == last_tx {
            continue;
        }
        last_tx = r.tx;
        // the leader's fills show up at the next poll of /activity (and the API is cached)
        let next_poll = ((r.ts - phase).div_euclid(poll) + 1) * poll + phase;
        let t = next_poll + ctx.r.range(1, 6) + if ctx.r.chance(0.2) { poll } else { 0 };
        if !rt.up(t) {
            continue;
        }
        let m = r.m as usize;
        if (r.m, r.k) == (last_m.0, last_m.1) && t - last_m.2 < 10 * MIN && r.buy {
            continue; // merges repeated adds
        }
        last_m = (r.m, r.k, t);
        let now_px = if r.buy { ctx.w.m[m].ask(r.k, t) } else { ctx.w.m[m].bid(r.k, t) };
        if (now_px as i64 - r.cents as i64).abs() > 3 {
            continue;
        }
        if r.buy {
            let sh = ((r.size as f64 * ratio) as u64).min(shares_for(max_usd, now_px));
            if sh >= 500 {
                ctx.take(m, r.k, true, sh, t);
            }
        } else {
            ctx.sell_all(m, r.k, t);
        }
    }
}

fn hard_llm_agent(ctx: &mut Ctx, _: &Shared) {
    let rt = Runtime::new(&ctx.r, 0.4);
    let menu = [5.0, 10.0, 10.0, 15.0, 20.0, 25.0, 25.0, 50.0];
    let p_act = ctx.r.uni(0.25, 0.55);
    let mut t = rt.from + ctx.r.range(0, 3 * HOUR);
    while t < NOW {
        t += ctx.r.range(45 * MIN, 5 * HOUR);
        if !rt.up(t) || !ctx.r.chance(p_act) {
            continue;
        }
        // reads the day's headlines: markets that just moved are what it hears about
        let moved: Vec<usize> = ctx
            .w
            .long
            .iter()
            .copied()
            .filter(|&m| ctx.w.m[m].trading(t) && ctx.w.m[m].events.iter().any(|&(e, _)| e < t && e > t - 12 * HOUR))
            .collect();
        let mut picks = Vec::new();
        if !moved.is_empty() && ctx.r.chance(0.6) {
            picks.push(*ctx.r.pick(&moved));
        } else if let Some(m) = pick_long(ctx, t, &[]) {
            picks.push(m);
        }
        if ctx.r.chance(0.2) {
            let g = ctx.w.upcoming_games(t, 12 * HOUR, false);
            if !g.is_empty() {
                picks.push(*ctx.r.pick(&g));
            }
        }
        let held: Vec<(usize, u8)> = ctx.pos.iter().filter(|(_, v)| **v >= 500).map(|(k, _)| *k).collect();
        if !held.is_empty() && ctx.r.chance(0.2) {
            let (m, k) = *ctx.r.pick(&held);
            ctx.sell_all(m, k, t + ctx.r.range(3, 30));
        }
        let mut tt = t + ctx.r.range(20, 120);
        for m in picks {
            let drift = ctx.w.m[m].p0(tt) - ctx.w.m[m].p0(tt - 6 * HOUR);
            let k = if (drift >= 0.0) ^ ctx.r.chance(0.35) { 0 } else { 1 };
            let usd = *ctx.r.pick(&menu);
            ctx.buy_usd(m, k, usd, tt);
            tt += ctx.r.range(10, 90);
        }
    }
}

fn hard_humanised_accumulator(ctx: &mut Ctx, _: &Shared) {
    let tz = *ctx.r.pick(&[-4i64, -5, -7, 0, 1, 2, 8]);
    let open_h = ctx.r.uni(8.0, 11.0);
    let close_h = ctx.r.uni(21.0, 24.0);
    let mut targets: Vec<(usize, u8)> = Vec::new();
    for _ in 0..ctx.r.range(2, 5) {
        if let Some(m) = pick_long(ctx, START + DAY, &["politics", "geo", "econ", "crypto", "sports"])
            && ctx.w.m[m].end > NOW - 5 * DAY
        {
            let k = if ctx.w.m[m].p0(START + DAY) > 0.5 { 0 } else { 1 };
            targets.push((m, k));
        }
    }
    if targets.is_empty() {
        return;
    }
    let menu = [20.0, 25.0, 30.0, 40.0, 50.0, 50.0, 75.0, 100.0];
    let per_day = ctx.r.uni(1.5, 4.5);
    let skip = ctx.r.uni(0.15, 0.35);
    let mut d = (START + tz * HOUR).div_euclid(DAY) + 1;
    while d * DAY - tz * HOUR < NOW {
        let d0 = d * DAY - tz * HOUR;
        d += 1;
        if ctx.r.chance(skip) {
            continue;
        }
        let n = ctx.r.poisson(per_day);
        let a = d0 + (open_h * HOUR as f64) as i64;
        let b = d0 + (close_h * HOUR as f64) as i64;
        let mut ts: Vec<i64> = (0..n).map(|_| ctx.r.range(a, b)).collect();
        ts.sort();
        for t in ts {
            let (m, k) = *ctx.r.pick(&targets);
            if ctx.r.chance(0.1) && ctx.held(m, k) > 2_000 {
                let part = ctx.held(m, k) / ctx.r.range(4, 10) as u64;
                ctx.take(m, k, false, part, t);
                continue;
            }
            let usd = if ctx.r.chance(0.5) { *ctx.r.pick(&menu) } else { ctx.r.range(15, 121) as f64 };
            ctx.buy_usd(m, k, usd, t);
        }
    }
}
