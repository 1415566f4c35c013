//! Bots. Each behaviour is written from how trading programs are run on Polymarket: a loop,
//! a schedule or a feed drives them, they run around the clock (or were started, paused and
//! stopped by their operator), they size by rule, and many of them rest orders on the book.

use super::market::League;
use super::people::{WORKDAY, human_usd};
use super::{Ctx, DAY, DAY0, DAYS, F, HOUR, MIN, NOW, START, Spec, ask, bid, day_at, local_hour, sh, usd_centi};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

pub(crate) const SPECS: [Spec; 18] = [
    Spec { name: "two_sided_market_maker_bot", bot: true, count: 14, group: 1, run: market_maker },
    Spec { name: "complement_arbitrage_bot", bot: true, count: 12, group: 1, run: complement_arb },
    Spec { name: "data_api_copy_bot", bot: true, count: 13, group: 1, run: api_copy },
    Spec { name: "onchain_copy_bot", bot: true, count: 10, group: 1, run: chain_copy },
    Spec { name: "near_resolution_sweeper_bot", bot: true, count: 13, group: 1, run: sweeper },
    Spec { name: "crypto_interval_bot", bot: true, count: 14, group: 1, run: interval_bot },
    Spec { name: "twap_executor_bot", bot: true, count: 10, group: 1, run: twap },
    Spec { name: "portfolio_rebalancer_bot", bot: true, count: 10, group: 1, run: rebalancer },
    Spec { name: "grid_bot", bot: true, count: 11, group: 1, run: grid },
    Spec { name: "live_score_latency_bot", bot: true, count: 11, group: 1, run: score_latency },
    Spec { name: "wash_trading_ring", bot: true, count: 15, group: 5, run: wash_ring },
    Spec { name: "liquidity_reward_farmer_bot", bot: true, count: 12, group: 1, run: reward_farmer },
    Spec { name: "airdrop_volume_farmer_bot", bot: true, count: 13, group: 4, run: volume_farmer },
    Spec { name: "cross_venue_arbitrage_bot", bot: true, count: 10, group: 1, run: cross_venue },
    Spec { name: "negrisk_basket_arbitrage_bot", bot: true, count: 10, group: 1, run: basket_arb },
    Spec { name: "new_market_sniper_bot", bot: true, count: 11, group: 1, run: sniper },
    Spec { name: "llm_agent_trader_bot", bot: true, count: 13, group: 1, run: llm_agent },
    Spec { name: "tipster_signal_autoexecutor_bot", bot: true, count: 11, group: 1, run: tipster_executor },
];

/// Crowd (taker) activity by UTC hour: makers are filled when people trade.
const TAKERS_UTC: [f64; 24] =
    [8.0, 8.0, 7.0, 6.0, 4.5, 3.5, 2.5, 2.0, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.0, 8.0, 8.0];

/// When a bot runs: started some day, maybe paused for a stretch, maybe stopped.
struct Run {
    from: i64,
    to: i64,
    pause: (i64, i64),
}

impl Run {
    fn new(c: &mut Ctx) -> Run {
        let from = if c.rng.chance(0.35) { START + c.rng.range(0, 22 * DAY) } else { START };
        let to = if c.rng.chance(0.15) { (from + c.rng.range(3 * DAY, 25 * DAY)).min(NOW) } else { NOW };
        let pause = if c.rng.chance(0.3) {
            let p = c.rng.range(from, to);
            (p, p + c.rng.range(HOUR, 5 * DAY))
        } else {
            (0, 0)
        };
        Run { from, to, pause }
    }
    fn on(&self, t: i64) -> bool {
        t >= self.from && t <= self.to && !(t >= self.pause.0 && t < self.pause.1)
    }
}

fn opinion_markets(c: &Ctx) -> Vec<usize> {
    let mut v = c.uni.longs.clone();
    for &g in &c.uni.futures {
        v.extend(c.uni.groups[g].members.iter().copied());
    }
    v
}

fn market_maker(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let mut pool = opinion_markets(c);
    for &g in &c.uni.tweets {
        pool.extend(c.uni.groups[g].members.iter().copied());
    }
    let n = c.rng.range(3, 12);
    let clip = sh(c.rng.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0]));
    let edge = c.rng.range(1, 3);
    let rate = c.rng.lognormal(0.22, 0.6);
    for _ in 0..n {
        let m = c.rng.pick(&pool);
        let (open, close, pop) = (c.uni.m[m].open.max(run.from), c.uni.m[m].close.min(run.to), c.uni.m[m].pop);
        let mut inv: i64 = 0;
        let mut t = open;
        let lam = rate * pop.sqrt();
        loop {
            t += c.rng.exp(HOUR as f64 / lam) as i64 + 1;
            if t >= close {
                break;
            }
            if !run.on(t) || c.rng.f() * 8.0 > TAKERS_UTC[local_hour(t, 0) as usize] {
                continue;
            }
            let p = c.px(m, 0, t);
            if !(0.03..0.97).contains(&p) {
                continue;
            }
            let mid = (p * 100.0).round() as i64;
            // Inventory skews which quote gets hit.
            let skew = (inv as f64 / (clip as f64 * 6.0)).clamp(-0.4, 0.4);
            let we_sell = c.rng.chance(0.5 + skew);
            let taker = usd_centi(c.rng.lognormal(40.0, 1.2), mid.max(1));
            let centi = clip.min(taker);
            // Either token: selling YES at the ask is buying NO at 1 - ask.
            let (o, side, cents) = match (we_sell, c.rng.chance(0.5)) {
                (true, true) => (0, Side::Sell, mid + edge),
                (true, false) => (1, Side::Buy, 100 - mid - edge),
                (false, true) => (0, Side::Buy, mid - edge),
                (false, false) => (1, Side::Sell, 100 - mid + edge),
            };
            if !(1..=99).contains(&cents) {
                continue;
            }
            if c.rest(w, F { m, o, side, cents, centi, ts: t }) {
                inv += if we_sell { -centi } else { centi };
            }
        }
    }
}

fn complement_arb(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let per_day = c.rng.lognormal(7.0, 0.8);
    let size_med = c.rng.lognormal(150.0, 0.8);
    let crypto = c.rng.uni(0.3, 0.9);
    for d in 0..DAYS {
        for _ in 0..c.rng.poisson(per_day) {
            let t = DAY0 + d * DAY + c.rng.range(0, DAY);
            if !run.on(t) {
                continue;
            }
            let m = if c.rng.chance(crypto) {
                let a = c.rng.weighted(&[60.0, 30.0, 10.0, 0.0]);
                let secs = c.rng.pick(&[300, 900, 900, 3600]);
                c.uni.updown(a, secs, t)
            } else {
                let live = c.uni.live_at(t);
                if live.is_empty() {
                    continue;
                }
                c.rng.pick(&live)
            };
            let p = c.px(m, 0, t);
            if !(0.1..0.9).contains(&p) {
                continue;
            }
            let edge = c.rng.range(1, 4);
            let a = (p * 100.0).floor() as i64 - c.rng.range(0, 2);
            let b = 100 - a - edge;
            let centi = sh(c.rng.lognormal(size_med, 0.5));
            let tx = c.new_tx();
            if !c.take_at(w, F { m, o: 0, side: Side::Buy, cents: a, centi, ts: t }, &tx) {
                continue;
            }
            if c.rng.chance(0.9) {
                c.take_at(w, F { m, o: 1, side: Side::Buy, cents: b, centi, ts: t }, &tx);
            } else {
                // The second leg went away: unwind the first.
                let ts = t + c.rng.range(1, 20);
                let cents = bid(c.px(m, 0, ts));
                let tx2 = c.new_tx();
                c.take_at(w, F { m, o: 0, side: Side::Sell, cents, centi, ts }, &tx2);
            }
        }
    }
}

fn copy_leaders(c: &mut Ctx, w: &Wallet, delay: &dyn Fn(&mut super::Rng) -> i64) {
    let run = Run::new(c);
    let nl = c.leaders.len() as i64;
    let follow: Vec<usize> = (0..c.rng.range(1, 5)).map(|_| c.rng.range(0, nl) as usize).collect();
    let fixed = if c.rng.chance(0.5) { Some(c.rng.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0])) } else { None };
    let ratio = c.rng.uni(0.01, 0.2);
    let guard = c.rng.chance(0.5);
    let mut fills: Vec<F> = Vec::new();
    for &l in &follow {
        fills.extend(c.leaders[l].fills.iter().copied());
    }
    fills.sort_by_key(|f| f.ts);
    let mut pos: BTreeMap<(usize, usize), (i64, i64)> = BTreeMap::new(); // ours, leader's
    for f in fills {
        let t = f.ts + delay(&mut c.rng);
        if !run.on(t) || c.rng.chance(0.04) {
            continue;
        }
        let e = pos.entry((f.m, f.o)).or_default();
        let p = c.px(f.m, f.o, t);
        if f.side == Side::Buy {
            e.1 += f.centi;
            let now_ask = ask(p);
            if guard && (now_ask - f.cents).abs() > 3 {
                continue;
            }
            let centi = match fixed {
                Some(usd) => usd_centi(usd, now_ask),
                None => ((f.centi as f64 * ratio) as i64 / 100).max(5) * 100,
            };
            if let Some((_, got)) = c.take(w, f.m, f.o, Side::Buy, centi, t) {
                pos.entry((f.m, f.o)).or_default().0 += got;
            }
        } else {
            let (ours, theirs) = *e;
            if ours < 500 {
                continue;
            }
            let frac = (f.centi as f64 / theirs.max(1) as f64).min(1.0);
            let mut q = (ours as f64 * frac) as i64;
            if ours - q < 500 {
                q = ours;
            }
            if q < 500 {
                continue;
            }
            if let Some((_, got)) = c.take(w, f.m, f.o, Side::Sell, q, t) {
                let e = pos.entry((f.m, f.o)).or_default();
                e.0 -= got;
                e.1 -= f.centi;
            }
        }
    }
}

fn api_copy(c: &mut Ctx, ws: &[Wallet]) {
    let poll = c.rng.pick(&[3, 5, 10, 15, 30]);
    copy_leaders(c, &ws[0], &move |r| r.range(0, poll) + r.range(2, 20) + r.range(0, 3));
}

fn chain_copy(c: &mut Ctx, ws: &[Wallet]) {
    copy_leaders(c, &ws[0], &|r| 2 * r.range(1, 3) + r.range(0, 2));
}

fn sweeper(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let games_rate = c.rng.uni(0.05, 0.5);
    let crypto_per_day = if c.rng.chance(0.6) { c.rng.lognormal(7.0, 0.7) } else { 0.0 };
    let size = c.rng.lognormal(2500.0, 0.8);
    let min_px = c.rng.pick(&[95, 96, 97, 98]);
    for g in c.uni.games_in(START - DAY, NOW).to_vec() {
        let (decided, close, winner) = (c.uni.m[g].decided, c.uni.m[g].close, c.uni.m[g].winner);
        let Some(o) = winner else { continue };
        if !c.rng.chance(games_rate) || !run.on(decided) {
            continue;
        }
        let t = decided + c.rng.range(2, 90);
        let cents = c.rng.range(min_px, 100);
        let centi = sh(c.rng.lognormal(size, 0.4));
        let tx = c.new_tx();
        if c.take_at(w, F { m: g, o, side: Side::Buy, cents, centi, ts: t }, &tx) && close > t + 60 && c.rng.chance(0.3) {
            let centi = sh(c.rng.lognormal(size, 0.4));
            let ts = t + c.rng.range(20, 600);
            c.take_at(w, F { m: g, o, side: Side::Buy, cents: 99, centi, ts }, &tx);
        }
    }
    for &m in &c.uni.longs.clone() {
        let (decided, winner) = (c.uni.m[m].decided, c.uni.m[m].winner);
        if let Some(o) = winner
            && decided < NOW
            && run.on(decided)
        {
            for k in 0..c.rng.range(1, 5) {
                let t = decided + c.rng.range(5, 300) + k * c.rng.range(60, 900);
                let centi = sh(c.rng.lognormal(size * 2.0, 0.5));
                let tx = c.new_tx();
                let cents = c.rng.range(min_px, 100);
                c.take_at(w, F { m, o, side: Side::Buy, cents, centi, ts: t }, &tx);
            }
        }
    }
    if crypto_per_day > 0.0 {
        for d in 0..DAYS {
            for _ in 0..c.rng.poisson(crypto_per_day) {
                let secs = c.rng.pick(&[300, 900, 3600]);
                let t0 = DAY0 + d * DAY + c.rng.range(0, DAY);
                let m = c.uni.updown(c.rng.weighted(&[70.0, 30.0, 0.0, 0.0]), secs, t0);
                let end = c.uni.m[m].close;
                let t = end - c.rng.range(4, 30);
                if !run.on(t) {
                    continue;
                }
                for o in 0..2 {
                    let p = c.px(m, o, t);
                    if ask(p) >= min_px {
                        let centi = sh(c.rng.lognormal(size / 3.0, 0.3));
                        let tx = c.new_tx();
                        c.take_at(w, F { m, o, side: Side::Buy, cents: ask(p), centi, ts: t }, &tx);
                    }
                }
            }
        }
    }
}

fn interval_bot(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let asset = c.rng.weighted(&[60.0, 25.0, 15.0, 0.0]);
    let secs = [300, 900, 3600][c.rng.weighted(&[30.0, 50.0, 20.0])];
    let offset = c.rng.range(5, secs / 3);
    let part = c.rng.uni(0.4, 0.95);
    let per_day = (DAY / secs) as f64 * part;
    let days = ((c.rng.lognormal(500.0, 0.7) / per_day).ceil() as i64).clamp(1, DAYS);
    let first = c.rng.range(0, DAYS - days + 1);
    let fixed_usd = c.rng.chance(0.4);
    let size = c.rng.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0]);
    let contrarian = c.rng.chance(0.3);
    let exit_before = if c.rng.chance(0.3) { Some(c.rng.range(10, secs / 4)) } else { None };
    let daily_off = if c.rng.chance(0.3) { Some((c.rng.range(0, 24), c.rng.range(4, 10))) } else { None };
    let mut t = DAY0 + first * DAY;
    t -= t.rem_euclid(secs);
    let end = DAY0 + (first + days) * DAY;
    while t < end.min(NOW) {
        let ts = t + offset + c.rng.range(0, 3);
        let off = daily_off.is_some_and(|(h0, len)| (local_hour(ts, 0) - h0).rem_euclid(24) < len);
        if !off && c.rng.chance(part) {
            let m = c.uni.updown(asset, secs, ts);
            let p = c.px(m, 0, ts);
            let o = if (p >= 0.5) != contrarian { 0 } else { 1 };
            let cents = ask(c.px(m, o, ts));
            let centi = if fixed_usd { usd_centi(size, cents) } else { sh(size) };
            if let Some((_, got)) = c.take(w, m, o, Side::Buy, centi, ts)
                && let Some(b) = exit_before
            {
                c.take(w, m, o, Side::Sell, got, t + secs - b);
            }
        }
        t += secs;
    }
}

fn twap(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let mut pool: Vec<usize> = opinion_markets(c).into_iter().filter(|&m| c.uni.m[m].pop >= 1.0).collect();
    pool.extend(c.uni.games_in(START, NOW).iter().copied().filter(|&g| c.uni.m[g].pop >= 2.5));
    let parents = c.rng.range(1, 5);
    for _ in 0..parents {
        let m = c.rng.pick(&pool);
        let (open, live) = (c.uni.m[m].open.max(START), c.uni.m[m].live);
        let is_game = c.uni.m[m].is_game();
        let every = c.rng.pick(&[30, 60, 60, 120, 300, 600]);
        let slices = c.rng.range(20, 200);
        let span = every * slices;
        let t0 = if is_game { live - span - c.rng.range(0, 6 * HOUR) } else { c.rng.range(open, NOW - span.min(NOW - open - 1)) };
        let o = c.rng.range(0, 2) as usize;
        let total = c.rng.lognormal(20_000.0, 0.7);
        let p = c.px(m, o, t0);
        if !(0.05..0.95).contains(&p) {
            continue;
        }
        let per = ((total / p / slices as f64).round() as i64).max(5);
        let iceberg = c.rng.chance(0.4);
        let side = if c.rng.chance(0.8) { Side::Buy } else { Side::Sell };
        for k in 0..slices {
            let ts = t0 + k * every + c.rng.range(-2, 3);
            let q = if iceberg { (per as f64 * c.rng.uni(0.85, 1.15)).round() as i64 } else { per };
            c.take(w, m, o, side, q.max(5) * 100, ts);
        }
    }
}

fn rebalancer(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let pool = opinion_markets(c);
    let k = c.rng.range(5, 16);
    let hold: Vec<(usize, usize)> = (0..k)
        .map(|_| {
            let m = c.rng.pick(&pool);
            (m, if c.px(m, 0, START) >= 0.2 { 0 } else { 1 })
        })
        .collect();
    let target = c.rng.lognormal(400.0, 0.7);
    let at = c.rng.range(0, 24) * HOUR + c.rng.pick(&[0, 0, 30 * MIN, 15 * MIN]);
    let weekly = c.rng.chance(0.3);
    let thresh = c.rng.uni(0.02, 0.06);
    let mut shares: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut first = true;
    for d in 0..DAYS {
        let t = DAY0 + d * DAY + at;
        if !run.on(t) || (weekly && super::dow(t) != 0 && !first) {
            continue;
        }
        let mut ts = t + c.rng.range(0, 20);
        for &(m, o) in &hold {
            if !c.open(m, ts) {
                continue;
            }
            let p = c.px(m, o, ts);
            if !(0.02..0.98).contains(&p) {
                continue;
            }
            let have = shares.get(&(m, o)).copied().unwrap_or(0);
            let value = have as f64 / 100.0 * p;
            let drift = (value - target) / target;
            if !first && drift.abs() < thresh {
                continue;
            }
            let want = ((target / p) * 100.0) as i64;
            let diff = want - have;
            if diff.abs() < 500 {
                continue;
            }
            let side = if diff > 0 { Side::Buy } else { Side::Sell };
            if let Some((_, got)) = c.take(w, m, o, side, diff.abs(), ts) {
                *shares.entry((m, o)).or_default() += if diff > 0 { got } else { -got };
            }
            ts += c.rng.range(1, 4);
        }
        first = false;
    }
}

fn grid(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let pool: Vec<usize> = opinion_markets(c).into_iter().filter(|&m| c.uni.m[m].close > NOW).collect();
    for _ in 0..c.rng.range(1, 3) {
        let m = c.rng.pick(&pool);
        let o = c.rng.range(0, 2) as usize;
        let t0 = run.from.max(c.uni.m[m].open);
        let p0 = c.px(m, o, t0);
        if !(0.1..0.9).contains(&p0) {
            continue;
        }
        let step = c.rng.range(1, 3);
        let centre = (p0 * 100.0).round() as i64;
        let size = sh(c.rng.pick(&[50.0, 100.0, 100.0, 200.0, 500.0]));
        let n = c.rng.range(3, 7);
        // level -> holding a unit bought there (waiting to sell one step up)
        let mut held: Vec<bool> = vec![false; (2 * n + 1) as usize];
        let mut last = centre;
        let mut t = t0;
        while t < run.to.min(NOW) {
            t += c.rng.range(8 * MIN, 20 * MIN);
            if !run.on(t) {
                continue;
            }
            let now = (c.px(m, o, t) * 100.0 + c.rng.normal() * 0.5).round() as i64;
            for (i, h) in held.iter_mut().enumerate() {
                let lvl = centre + (i as i64 - n) * step;
                if !(1..=98).contains(&lvl) {
                    continue;
                }
                if !*h && now <= lvl && last > lvl {
                    if c.rest(w, F { m, o, side: Side::Buy, cents: lvl, centi: size, ts: t }) {
                        *h = true;
                    }
                } else if *h
                    && now >= lvl + step
                    && last < lvl + step
                    && c.rest(w, F { m, o, side: Side::Sell, cents: lvl + step, centi: size, ts: t })
                {
                    *h = false;
                }
            }
            last = now;
        }
    }
}

fn score_latency(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let all = [League::Nba, League::Soccer, League::Tennis, League::Esports, League::Mlb, League::Nhl];
    let mine: Vec<League> = all.iter().copied().filter(|_| c.rng.chance(0.5)).collect();
    let mine = if mine.is_empty() { vec![League::Tennis] } else { mine };
    let thresh = c.rng.uni(0.12, 0.2);
    let size = c.rng.lognormal(600.0, 0.6);
    let hold = c.rng.chance(0.4);
    for g in c.uni.games_in(START - 4 * HOUR, NOW).to_vec() {
        let lg = c.uni.m[g].league().unwrap_or(League::Mlb);
        if !mine.contains(&lg) || !c.rng.chance(0.3) {
            continue;
        }
        let (live, decided) = (c.uni.m[g].live, c.uni.m[g].decided);
        let jumps: Vec<(i64, i64, f64, f64)> = c.uni.m[g]
            .path
            .windows(2)
            .filter(|k| k[0].0 >= live && k[1].0 < decided && (k[1].1 - k[0].1).abs() > thresh)
            .map(|k| (k[0].0, k[1].0, k[0].1, k[1].1))
            .collect();
        for (a, b, pa, pb) in jumps {
            let ev = a + c.rng.range(0, (b - a).max(1));
            let t = ev + c.rng.range(1, 4);
            if !run.on(t) {
                continue;
            }
            // buy the side that just became more likely, at the stale price, sweeping levels
            let o = if pb > pa { 0 } else { 1 };
            let stale = if o == 0 { pa } else { 1.0 - pa };
            let base = ask(stale);
            let tx = c.new_tx();
            let mut got = 0;
            for l in 0..c.rng.range(1, 4) {
                let centi = sh(c.rng.lognormal(size, 0.5));
                if c.take_at(w, F { m: g, o, side: Side::Buy, cents: (base + l).min(99), centi, ts: t }, &tx) {
                    got += centi;
                }
            }
            if got > 0 && !hold {
                let ts = t + c.rng.range(15, 180);
                let cents = bid(c.px(g, o, ts));
                let tx2 = c.new_tx();
                c.take_at(w, F { m: g, o, side: Side::Sell, cents, centi: got, ts }, &tx2);
            }
        }
    }
}

fn wash_ring(c: &mut Ctx, ws: &[Wallet]) {
    let mut pool: Vec<usize> = Vec::new();
    for &(_, g) in &c.uni.weather {
        pool.extend(c.uni.groups[g].members.iter().copied());
    }
    for &g in &c.uni.tweets {
        pool.extend(c.uni.groups[g].members.iter().copied());
    }
    pool.extend(c.uni.longs.iter().copied().filter(|&m| c.uni.m[m].pop <= 1.0));
    pool.extend(c.uni.games_in(START, NOW).iter().copied().filter(|&g| c.uni.m[g].league() == Some(League::Esports)));
    let h0 = c.rng.range(0, 24);
    let sessions = c.rng.range(8, 26);
    let size = c.rng.lognormal(2000.0, 0.6);
    for _ in 0..sessions {
        let d = c.rng.range(0, DAYS);
        let mut t = DAY0 + d * DAY + h0 * HOUR + c.rng.range(0, 3 * HOUR);
        let m = c.rng.pick(&pool);
        if !c.open(m, t) {
            continue;
        }
        for _ in 0..c.rng.range(3, 21) {
            t += c.rng.range(5, 240);
            let a = c.rng.range(0, ws.len() as i64) as usize;
            let b = (a + 1 + c.rng.range(0, ws.len() as i64 - 1) as usize) % ws.len();
            let o = c.rng.range(0, 2) as usize;
            let cents = ((c.px(m, o, t) * 100.0).round() as i64).clamp(1, 99);
            let centi =
                if c.rng.chance(0.5) { sh((c.rng.lognormal(size, 0.3) / 100.0).round() * 100.0) } else { sh(c.rng.lognormal(size, 0.3)) };
            let tx = c.new_tx();
            c.put(&ws[a], F { m, o, side: Side::Buy, cents, centi, ts: t }, &tx);
            c.put(&ws[b], F { m, o, side: Side::Sell, cents, centi, ts: t }, &tx);
        }
    }
    // make sure every member has traded with the ring at least once
    for i in 0..ws.len() {
        let m = c.rng.pick(&pool);
        let t = c.rng.range(START + HOUR, NOW - HOUR);
        if !c.open(m, t) {
            continue;
        }
        let j = (i + 1) % ws.len();
        let cents = ((c.px(m, 0, t) * 100.0).round() as i64).clamp(1, 99);
        let centi = sh(c.rng.lognormal(size, 0.3));
        let tx = c.new_tx();
        c.put(&ws[i], F { m, o: 0, side: Side::Sell, cents, centi, ts: t }, &tx);
        c.put(&ws[j], F { m, o: 0, side: Side::Buy, cents, centi, ts: t }, &tx);
    }
}

fn reward_farmer(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let pool: Vec<usize> = opinion_markets(c).into_iter().filter(|&m| c.uni.m[m].pop >= 0.8).collect();
    let k = c.rng.range(4, 16);
    let size = sh(c.rng.pick(&[200.0, 250.0, 500.0, 1000.0, 2000.0]));
    let spread = c.rng.range(1, 4);
    for _ in 0..k {
        let m = c.rng.pick(&pool);
        let path: Vec<(i64, f64)> = c.uni.m[m].path.clone();
        for kn in path.windows(2) {
            let (a, b) = (kn[0], kn[1]);
            if !run.on(b.0) || a.0 < START {
                continue;
            }
            let mv = b.1 - a.1;
            let fast = mv.abs() > 0.03;
            if !fast && !c.rng.chance(0.004) {
                continue;
            }
            let mid = (a.1 * 100.0).round() as i64;
            let t = a.0 + c.rng.range(0, (b.0 - a.0).max(1));
            // The quote that got run over: the ask when the price rose, the bid when it fell.
            let (side, cents) = if mv > 0.0 { (Side::Sell, mid + spread) } else { (Side::Buy, mid - spread) };
            if !(1..=99).contains(&cents) {
                continue;
            }
            let centi = if c.rng.chance(0.5) { size } else { ((size as f64 * c.rng.uni(0.1, 0.9)) as i64).max(500) };
            if c.rest(w, F { m, o: 0, side, cents, centi, ts: t }) && c.rng.chance(0.7) {
                // flatten right away
                let ts = t + c.rng.range(2, 120);
                let back = if side == Side::Buy { Side::Sell } else { Side::Buy };
                c.take(w, m, 0, back, centi, ts);
            }
        }
    }
}

fn volume_farmer(c: &mut Ctx, ws: &[Wallet]) {
    let h0 = c.rng.range(0, 24);
    let active = c.rng.uni(0.55, 0.95);
    let per_day = c.rng.range(3, 20);
    let first = c.rng.range(0, 15);
    for d in first..DAYS {
        if !c.rng.chance(active) {
            continue;
        }
        let mut t = DAY0 + d * DAY + h0 * HOUR + c.rng.range(0, 10 * MIN);
        for _ in 0..per_day {
            t += c.rng.range(20, 180);
            let m = match c.rng.range(0, 3) {
                0 => c.uni.updown(0, 3600, t),
                1 => {
                    let g = c.uni.games_in(t, t + DAY).to_vec();
                    if g.is_empty() {
                        continue;
                    }
                    c.rng.pick(&g)
                }
                _ => c.rng.pick(&c.uni.longs),
            };
            let o = c.rng.range(0, 2) as usize;
            let p = c.px(m, o, t);
            if !(0.05..0.95).contains(&p) {
                continue;
            }
            // every wallet of the operator does the same round trip, a little apart
            let mut ts = t;
            for w in ws {
                let centi = sh(c.rng.pick(&[5.0, 5.0, 6.0, 10.0, 10.0, 15.0]));
                if let Some((_, got)) = c.take(w, m, o, Side::Buy, centi, ts) {
                    let back = ts + c.rng.range(5, 90);
                    c.take(w, m, o, Side::Sell, got, back);
                }
                ts += c.rng.range(3, 40);
            }
        }
    }
}

fn cross_venue(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let checks = c.rng.lognormal(25.0, 0.5) as i64;
    let size = c.rng.lognormal(1500.0, 0.7);
    let min_gap = c.rng.uni(0.04, 0.08);
    let pool = opinion_markets(c);
    for d in 0..DAYS {
        for _ in 0..checks {
            let t = DAY0 + d * DAY + c.rng.range(0, DAY);
            if !run.on(t) {
                continue;
            }
            let (m, lag) = if c.rng.chance(0.7) {
                let live = c.uni.live_at(t);
                if live.is_empty() {
                    continue;
                }
                (c.rng.pick(&live), c.rng.range(60, 240))
            } else {
                (c.rng.pick(&pool), c.rng.range(HOUR, 4 * HOUR))
            };
            let now = c.px(m, 0, t);
            let ext = c.px(m, 0, t + lag);
            if (ext - now).abs() < min_gap {
                continue;
            }
            let o = if ext > now { 0 } else { 1 };
            let p = c.px(m, o, t);
            let centi = usd_centi(c.rng.lognormal(size, 0.4), ask(p));
            let react = t + c.rng.range(1, 4);
            if let Some((_, got)) = c.take(w, m, o, Side::Buy, centi, react)
                && c.rng.chance(0.4)
            {
                let ts = t + lag + c.rng.range(10, 600);
                c.take(w, m, o, Side::Sell, got, ts);
            }
        }
    }
}

fn basket_arb(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let mut groups: Vec<usize> = c.uni.weather.iter().map(|(_, g)| *g).collect();
    groups.extend(c.uni.tweets.iter().copied());
    groups.extend(c.uni.futures.iter().copied());
    let per_day = c.rng.lognormal(3.0, 0.7);
    let size = c.rng.lognormal(200.0, 0.7);
    for d in 0..DAYS {
        for _ in 0..c.rng.poisson(per_day) {
            let t = DAY0 + d * DAY + c.rng.range(0, DAY);
            if !run.on(t) {
                continue;
            }
            let g = c.rng.pick(&groups);
            let members = c.uni.groups[g].members.clone();
            if members.iter().any(|&m| !c.open(m, t)) {
                continue;
            }
            let n = members.len() as i64;
            let yes: Vec<i64> = members.iter().map(|&m| ((c.px(m, 0, t) * 100.0).floor() as i64).max(1)).collect();
            let no: Vec<i64> = members.iter().map(|&m| ((c.px(m, 1, t) * 100.0).floor() as i64).clamp(1, 99)).collect();
            let (o, prices) = if yes.iter().sum::<i64>() < 99 {
                (0, yes)
            } else if no.iter().sum::<i64>() < (n - 1) * 100 - 1 {
                (1, no)
            } else {
                continue;
            };
            let centi = sh(c.rng.lognormal(size, 0.4));
            let tx = c.new_tx();
            for (i, &m) in members.iter().enumerate() {
                c.take_at(w, F { m, o, side: Side::Buy, cents: prices[i], centi, ts: t }, &tx);
            }
        }
    }
}

fn sniper(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let run = Run::new(c);
    let domain = c.rng.weighted(&[50.0, 30.0, 20.0]);
    let size = sh(c.rng.pick(&[20.0, 50.0, 100.0, 200.0, 500.0]));
    match domain {
        0 => {
            let secs = c.rng.pick(&[900, 3600, 3600]);
            let asset = c.rng.weighted(&[60.0, 30.0, 10.0, 0.0]);
            let part = c.rng.uni(0.03, 0.15);
            let mut t = START - START.rem_euclid(secs) + secs;
            while t < NOW {
                let m = c.uni.updown(asset, secs, t + secs.min(HOUR) + 1);
                let open = c.uni.m[m].open;
                let ts = open + c.rng.range(0, 4);
                if run.on(ts) && c.rng.chance(part) {
                    for o in 0..2 {
                        let cents = c.rng.range(45, 50);
                        let at = ts + c.rng.range(0, 30);
                        c.rest(w, F { m, o, side: Side::Buy, cents, centi: size, ts: at });
                    }
                }
                t += secs;
            }
        }
        1 => {
            for (_, g) in c.uni.weather.clone() {
                let open = c.uni.groups[g].open;
                if !run.on(open) || c.rng.chance(0.3) {
                    continue;
                }
                for m in c.uni.groups[g].members.clone() {
                    let ts = open + c.rng.range(0, 6);
                    let p = c.px(m, 0, ts);
                    let cents = ((p * 100.0).floor() as i64 - c.rng.range(1, 4)).max(1);
                    let at = ts + c.rng.range(0, 60);
                    c.rest(w, F { m, o: 0, side: Side::Buy, cents, centi: size, ts: at });
                }
            }
        }
        _ => {
            for g in c.uni.games_in(START + 3 * DAY, NOW + 3 * DAY).to_vec() {
                let open = c.uni.m[g].open;
                if !run.on(open) || !c.rng.chance(0.35) {
                    continue;
                }
                let ts = open + c.rng.range(0, 5);
                for o in 0..2 {
                    let p = c.px(g, o, ts);
                    let cents = ((p * 100.0).floor() as i64 - c.rng.range(2, 6)).max(1);
                    let at = ts + c.rng.range(0, 120);
                    c.rest(w, F { m: g, o, side: Side::Buy, cents, centi: size, ts: at });
                }
            }
        }
    }
}

fn llm_agent(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tz = c.rng.pick(&[-7, -4, 1, 2, 8]);
    let mut bankroll = c.rng.lognormal(2000.0, 0.6);
    let frac = c.rng.uni(0.01, 0.05);
    let first = c.rng.range(0, 20);
    let pool = opinion_markets(c);
    let mut pos: BTreeMap<(usize, usize), (i64, f64)> = BTreeMap::new();
    for d in first..DAYS {
        for _ in 0..c.rng.poisson(0.9) {
            let t = day_at(&mut c.rng, d, tz, &WORKDAY);
            // review an open position now and then
            let held: Vec<(usize, usize)> = pos.iter().filter(|(_, v)| v.0 >= 500).map(|(k, _)| *k).collect();
            if !held.is_empty() && c.rng.chance(0.25) {
                let (m, o) = c.rng.pick(&held);
                let (q, entry) = pos[&(m, o)];
                let p = c.px(m, o, t);
                if (p - entry).abs() > 0.08
                    && let Some((px, got)) = c.take(w, m, o, Side::Sell, q, t)
                {
                    bankroll += got as f64 / 100.0 * px as f64 / 100.0;
                    pos.remove(&(m, o));
                }
                continue;
            }
            let news: Vec<_> = c.uni.news.iter().copied().filter(|n| n.t < t && n.t > t - DAY).collect();
            let (m, o) = if !news.is_empty() && c.rng.chance(0.5) {
                let n = c.rng.pick(&news);
                (n.m, n.up)
            } else {
                let m = c.rng.pick(&pool);
                (m, if c.px(m, 0, t) > 0.5 { 0 } else { c.rng.range(0, 2) as usize })
            };
            let p = c.px(m, o, t);
            if !(0.05..0.92).contains(&p) {
                continue;
            }
            let usd = (bankroll * frac * c.rng.uni(0.5, 1.5) * 100.0).floor() / 100.0;
            if let Some((px, got)) = c.take(w, m, o, Side::Buy, usd_centi(usd, ask(p)), t) {
                bankroll -= got as f64 / 100.0 * px as f64 / 100.0;
                let e = pos.entry((m, o)).or_insert((0, p));
                e.0 += got;
            }
        }
    }
}

fn tipster_executor(c: &mut Ctx, ws: &[Wallet]) {
    let w = &ws[0];
    let tipster = c.rng.range(0, 3) as usize;
    let unit = human_usd(&mut c.rng, 25.0, 0.6);
    let joined = START + c.rng.range(0, 18 * DAY);
    let misses = c.rng.uni(0.0, 0.2);
    let tips: Vec<_> = c.tips.iter().copied().filter(|t| t.tipster == tipster && t.t >= joined).collect();
    for tip in tips {
        if c.rng.chance(misses) {
            continue;
        }
        let t = tip.t + c.rng.range(2, 25);
        let p = c.px(tip.m, tip.o, t);
        let centi = usd_centi(unit * tip.units, ask(p));
        c.take(w, tip.m, tip.o, Side::Buy, centi, t);
    }
}
