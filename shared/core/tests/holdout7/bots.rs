//! Bots: each behaviour is written from how that kind of program trades on Polymarket — what
//! triggers it, how fast it reacts, how it sizes, and when it runs.

use super::NOW;
use super::common::{
    Amt, Book, Cx, Fill, Habits, Style, counterparty, delay, make, nice_shares, nice_usd, pick_market, sh, shares_for, split, take,
};
use super::markets::{DAY, HOUR, League, MIN, W0};
use super::rng::Rng;

/// Outage periods (start, end) during which a bot is down.
fn outages(rng: &mut Rng, max: i64, min_h: i64, max_h: i64) -> Vec<(i64, i64)> {
    (0..rng.int(0, max))
        .map(|_| {
            let s = rng.int(W0, NOW);
            (s, s + rng.int(min_h, max_h) * HOUR)
        })
        .collect()
}

fn down(o: &[(i64, i64)], t: i64) -> bool {
    o.iter().any(|&(a, b)| t >= a && t < b)
}

/// Two-sided market maker: quotes both outcomes of a set of markets (a politics book, one
/// league's games, or hourly crypto) around the clock with a fixed quote size; its fills are
/// maker fills against whoever takes, buying one outcome or selling the other.
pub fn market_maker_two_sided(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let q = nice_shares(*rng.pick(&[20.0, 50.0, 100.0, 150.0, 200.0, 250.0, 500.0]));
    let offset = rng.int(1, 2) as f64 / 100.0;
    let pull_in_play = rng.chance(0.5);
    let target = rng.int(700, 3000) as f64;
    // (market, from, to, intensity)
    let mut segs: Vec<(u32, i64, i64, f64)> = Vec::new();
    let r = rng.f();
    if r < 0.35 {
        let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
        let mut mine = Vec::new();
        for _ in 0..rng.int(4, 10) {
            if let Some(m) = pick_market(u, &pool, W0 + 5 * DAY, |m| if mine.contains(&m) { 0.0 } else { 1.0 }, rng) {
                mine.push(m);
            }
        }
        for m in mine {
            let mk = u.m(m);
            segs.push((m, mk.open.max(W0), mk.end.min(NOW), mk.pop));
        }
    } else if r < 0.7 {
        let leagues: &[League] = match rng.below(5) {
            0 => &[League::Nba],
            1 => &[League::Nhl],
            2 => &[League::Epl, League::LaLiga, League::SerieA, League::Ucl],
            3 => &[League::Tennis],
            _ => &[League::Ncaab, League::Nba],
        };
        for &g in u.games_starting(W0 - 6 * DAY, NOW + 7 * DAY) {
            if !u.league(g).is_some_and(|l| leagues.contains(&l)) {
                continue;
            }
            let mk = u.m(g);
            segs.push((g, mk.open.max(W0), mk.start.min(NOW), mk.pop * 0.5));
            if !pull_in_play {
                segs.push((g, mk.start.max(W0), mk.fin.min(NOW), mk.pop * 4.0));
            }
        }
    } else {
        for asset in 0..rng.int(1, 2) as usize {
            if let Some(s) = u.series.iter().find(|s| s.asset == asset && s.mins == 60) {
                for k in 0..s.count {
                    let m = s.first + k;
                    let mk = u.m(m);
                    segs.push((m, (mk.start - 10 * MIN).max(W0), mk.fin.min(NOW), mk.pop * 3.0));
                }
            }
        }
    }
    segs.retain(|s| s.2 > s.1);
    let total: f64 = segs.iter().map(|s| (s.2 - s.1) as f64 / HOUR as f64 * s.3).sum();
    if total <= 0.0 {
        return;
    }
    let rate = target / total;
    let mut book = Book::default();
    for (m, a, b, inten) in segs {
        let n = rng.poisson(rate * inten * (b - a) as f64 / HOUR as f64);
        let mut times: Vec<i64> = (0..n).map(|_| rng.int(a, b - 1)).collect();
        times.sort_unstable();
        for t in times {
            let tok = rng.below(2) as u8;
            let p = u.p(m, tok, t);
            if !(0.04..=0.96).contains(&p) {
                continue;
            }
            let taker_buys = rng.chance(0.52);
            let ask = ((p + offset) * 100.0).ceil().clamp(1.0, 99.0) as u32;
            let bid = ((p - offset) * 100.0).floor().clamp(1.0, 99.0) as u32;
            let size = if rng.chance(0.55) { q } else { ((q as f64) * rng.range(0.05, 1.0)).max(1.0) as u64 };
            // the maker's side: sell what it holds, otherwise buy the complement
            let (mtok, mbuy, cents) = if taker_buys {
                if book.get(m, tok) >= size { (tok, false, ask) } else { (1 - tok, true, 100 - ask) }
            } else if book.get(m, 1 - tok) >= size {
                (1 - tok, false, 100 - bid)
            } else {
                (tok, true, bid)
            };
            let f = make(me, m, mtok, mbuy, size, cents, t, out, rng);
            if mbuy {
                book.add(m, mtok, size);
            } else {
                book.sub(m, mtok, size);
            }
            let taker = cx.crowd(rng);
            counterparty(&f, taker, out, rng);
            if rng.chance(0.1) {
                // the taker swept the next level too
                let c2 = if mbuy { cents.saturating_sub(1).max(1) } else { (cents + 1).min(99) };
                let f2 = Fill { centi: q, cents: c2, ..f };
                out.push(f2);
                out.push(Fill { who: taker, buy: !f2.buy, ..f2 });
                if mbuy {
                    book.add(m, mtok, q);
                } else {
                    book.sub(m, mtok, q);
                }
            }
        }
    }
}

/// Complement arbitrage: when the two outcomes' asks add up to less than a dollar (or the bids
/// to more), buys (or sells) equal shares of both, in the same second; fast moves in crypto
/// windows and live games are where it happens.
pub fn complement_arb_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let r = rng.f();
    let crypto = r < 0.75;
    let games = r >= 0.6;
    let sell_variant = rng.chance(0.25);
    let size = rng.lognormal(80.0, 0.6);
    let mut opps: Vec<(u32, i64)> = Vec::new();
    if crypto {
        let q = rng.range(0.04, 0.18);
        let assets: Vec<usize> = if rng.chance(0.5) { vec![0] } else { vec![0, 1] };
        for s in u.series.iter().filter(|s| s.mins == 15 && assets.contains(&s.asset)) {
            for k in 0..s.count {
                let m = s.first + k;
                let mk = u.m(m);
                if mk.fin < W0 || mk.start > NOW {
                    continue;
                }
                // opportunities follow fast moves: more likely when the window moved a lot
                let mv = (u.p0(m, mk.fin - 60) - 0.5).abs();
                if rng.chance(q * (0.4 + 1.6 * mv)) {
                    let t = mk.fin - (rng.exp(200.0) as i64).clamp(2, 890);
                    opps.push((m, t));
                }
            }
        }
    }
    if games {
        let q = rng.range(0.05, 0.25);
        for &g in u.games_starting(W0 - DAY, NOW) {
            for &(tj, dp) in &u.m(g).jumps {
                if dp.abs() > 0.04 && rng.chance(q) {
                    opps.push((g, tj + rng.int(1, 15)));
                }
            }
        }
    }
    for (m, t) in opps {
        if !u.trading(m, t) {
            continue;
        }
        let p = u.p0(m, t);
        let k = [1u32, 2, 3, 4][rng.weighted(&[0.45, 0.3, 0.15, 0.1])];
        let total = if sell_variant { 100 + k } else { 100 - k };
        let a = ((p * 100.0).round() as u32).clamp(2, 97);
        if total <= a + 1 {
            continue;
        }
        let b = total - a;
        if !(1..=99).contains(&b) {
            continue;
        }
        let shares = sh((size * rng.lognormal(1.0, 0.7)).clamp(5.0, 5000.0));
        let same_tx = rng.chance(0.3);
        let tx0 = rng.next_u64();
        for (leg, (tok, cents)) in [(0u8, a), (1u8, b)].into_iter().enumerate() {
            let tx = if same_tx { tx0 } else { rng.next_u64() };
            let ts = if leg == 1 && !same_tx && rng.chance(0.3) { t + rng.int(1, 2) } else { t };
            let parts = if rng.chance(0.25) { split(shares, rng.int(2, 3) as usize, rng) } else { vec![shares] };
            for part in parts {
                out.push(Fill { who: me, m, tok, buy: !sell_variant, centi: part, cents, ts, tx });
            }
        }
    }
}

fn leader_position_tracker(fills: &[Fill]) -> std::collections::HashMap<u64, (u64, u64)> {
    // for each sell fill's tx: (position before, amount sold)
    let mut book = Book::default();
    let mut out = std::collections::HashMap::new();
    for f in fills {
        if f.buy {
            book.add(f.m, f.tok, f.centi);
        } else {
            let before = book.get(f.m, f.tok);
            let e = out.entry(f.tx).or_insert((before, 0));
            e.1 += f.centi;
            book.sub(f.m, f.tok, f.centi);
        }
    }
    out
}

/// Copy bot polling the Data API: follows one to four leaders, polls every few seconds (some
/// also sit behind the CDN cache), copies each trade with a fixed dollar amount or a fixed
/// fraction of the leader's size, skips when the price ran away, mirrors sells proportionally.
pub fn copy_bot_polling(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let mut follow: Vec<usize> = Vec::new();
    for _ in 0..rng.int(1, 4) {
        let l = cx.leader(rng);
        if !follow.contains(&l) {
            follow.push(l);
        }
    }
    let poll = rng.int(3, 30);
    let cache = *rng.pick(&[0, 0, 15, 60, 300]);
    copy_follow(cx, me, &follow, out, |rng| rng.int(0, poll) + rng.int(0, cache) + rng.int(1, 3), rng.int(2, 5) as u32, 0.03, 2, rng);
}

/// Copy bot watching the chain: sees the leader's fill a block or two later and sends its own
/// order within seconds, at most a couple of cents worse.
pub fn copy_bot_onchain(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let mut follow = vec![cx.leader(rng)];
    if rng.chance(0.3) {
        let l = cx.leader(rng);
        if !follow.contains(&l) {
            follow.push(l);
        }
    }
    let blocks = rng.int(1, 2);
    copy_follow(cx, me, &follow, out, move |rng| blocks * 2 + rng.int(0, 3), rng.int(1, 3) as u32, 0.01, 1, rng);
}

#[allow(clippy::too_many_arguments)]
fn copy_follow(
    cx: &Cx,
    me: u32,
    follow: &[usize],
    out: &mut Vec<Fill>,
    lag: impl Fn(&mut Rng) -> i64,
    tol: u32,
    miss: f64,
    max_out: i64,
    rng: &mut Rng,
) {
    let u = cx.u;
    let fixed = if rng.chance(0.5) { Some(nice_usd(rng.lognormal(15.0, 0.8))) } else { None };
    let ratio = rng.range(0.01, 0.3);
    let off = outages(rng, max_out, 2, 30);
    let mut book = Book::default();
    for &li in follow {
        let leader = &cx.leaders[li];
        let pos = leader_position_tracker(&leader.fills);
        for order in leader.orders() {
            let f = order[0];
            if f.ts < W0 - HOUR || f.ts > NOW {
                continue;
            }
            let t = f.ts + lag(rng);
            if down(&off, t) || rng.chance(miss) || !u.trading(f.m, t) {
                continue;
            }
            let lshares: u64 = order.iter().map(|x| x.centi).sum();
            let lcents = order.iter().map(|x| x.cents).max().unwrap_or(f.cents);
            if f.buy {
                let ask = u.ask(f.m, f.tok, t).max(lcents);
                if ask > (lcents + tol).min(99) {
                    continue;
                }
                let mut q = match fixed {
                    Some(usd) => shares_for(usd, ask),
                    None => (lshares as f64 * ratio) as u64,
                };
                q = q.max(sh(5.0));
                let tx = rng.next_u64();
                let parts = if rng.chance(0.2) { split(q, 2, rng) } else { vec![q] };
                for (i, part) in parts.into_iter().enumerate() {
                    out.push(Fill { who: me, m: f.m, tok: f.tok, buy: true, centi: part, cents: (ask + i as u32).min(99), ts: t, tx });
                }
                book.add(f.m, f.tok, q);
            } else {
                let held = book.get(f.m, f.tok);
                if held == 0 {
                    continue;
                }
                let (before, sold) = pos.get(&f.tx).copied().unwrap_or((0, lshares));
                let frac = if before <= sold { 1.0 } else { sold as f64 / before as f64 };
                let q = ((held as f64 * frac) as u64).max(1).min(held);
                let (got, _) = take(u, me, f.m, f.tok, false, Amt::Sh(q), t, out, rng);
                book.sub(f.m, f.tok, got);
            }
        }
    }
}

/// Near-resolution sweeper: scans markets about to settle — games in their last minutes, crypto
/// windows in their last seconds, weather and deadline markets on the day — and buys the side
/// priced above its threshold with a large order, day and night.
pub fn near_resolution_sweeper(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let theta = *rng.pick(&[0.94, 0.95, 0.96, 0.97, 0.98]);
    let usd = rng.lognormal(1500.0, 0.8).clamp(100.0, 50_000.0);
    let mut on_games = rng.chance(0.8);
    let on_crypto = rng.chance(0.45);
    let on_weather = rng.chance(0.3);
    let on_deadline = rng.chance(0.4);
    if !(on_games || on_crypto || on_weather || on_deadline) {
        on_games = true;
    }
    let look = rng.int(2, 40) * MIN;
    let pg = rng.range(0.3, 0.9);
    let pc = rng.range(0.02, 0.12);
    let pw = rng.range(0.3, 0.9);
    let buy = |m: u32, t: i64, out: &mut Vec<Fill>, rng: &mut Rng| -> bool {
        for tok in 0..2u8 {
            let p = u.p(m, tok, t);
            if p >= theta && u.ask(m, tok, t) <= 99 {
                take(u, me, m, tok, true, Amt::Usd(usd * rng.lognormal(1.0, 0.3)), t, out, rng);
                return true;
            }
        }
        false
    };
    if on_games {
        for &g in u.games_starting(W0 - DAY, NOW) {
            let mk = u.m(g);
            if mk.fin < W0 || mk.fin > NOW || !rng.chance(pg) {
                continue;
            }
            let mut t = mk.fin - look;
            while t < mk.end - 60 {
                if buy(g, t + rng.int(0, 3), out, rng) {
                    break;
                }
                t += 20;
            }
        }
    }
    if on_crypto {
        let assets: Vec<usize> = if rng.chance(0.5) { vec![0] } else { vec![0, 1] };
        for s in u.series.iter().filter(|s| assets.contains(&s.asset)) {
            for k in 0..s.count {
                let m = s.first + k;
                let mk = u.m(m);
                if mk.fin < W0 || mk.fin > NOW || !rng.chance(pc) {
                    continue;
                }
                buy(m, mk.fin - rng.int(15, 120), out, rng);
            }
        }
    }
    let slow = |list: &[u32], window: i64, rng: &mut Rng, out: &mut Vec<Fill>| {
        for &m in list {
            let mk = u.m(m);
            if mk.fin < W0 || mk.fin > NOW || !rng.chance(pw) {
                continue;
            }
            let mut t = mk.fin - window;
            while t < mk.end - 60 {
                if buy(m, t, out, rng) {
                    break;
                }
                t += 10 * MIN;
            }
        }
    };
    if on_weather {
        slow(&u.weather, 6 * HOUR, rng, out);
    }
    if on_deadline {
        slow(&u.deadlines, 12 * HOUR, rng, out);
    }
}

/// Crypto up/down interval bot: trades every 15-minute or hourly window of its assets at a fixed
/// offset into the window, on a momentum, contrarian or cheap-side rule, with a fixed size.
pub fn crypto_updown_interval_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let cfg: Vec<(usize, i64)> = match rng.weighted(&[0.4, 0.25, 0.2, 0.15]) {
        0 => vec![(0, 15)],
        1 => vec![(0, 15), (1, 15)],
        2 => vec![(0, 60), (1, 60), (2, 60), (3, 60)],
        _ => vec![(1, 15)],
    };
    let early = rng.chance(0.5);
    let off = if early { rng.int(5, 120) } else { rng.int(60, 300) };
    let jitter = rng.int(0, 3);
    let rule = rng.below(3);
    let thr = rng.range(0.0, 0.15);
    let fixed_sh = if rng.chance(0.5) { Some(nice_shares(rng.lognormal(30.0, 0.7))) } else { None };
    let usd = nice_usd(rng.lognormal(20.0, 0.7));
    let exit = rng.chance(0.3);
    let off_periods = outages(rng, 3, 3, 48);
    for (asset, mins) in cfg {
        let Some(s) = u.series.iter().find(|s| s.asset == asset && s.mins == mins) else { continue };
        for k in 0..s.count {
            let m = s.first + k;
            let mk = u.m(m);
            let t = if early { mk.start + off } else { mk.fin - off } + rng.int(0, jitter);
            if !(W0..=NOW).contains(&t) || down(&off_periods, t) {
                continue;
            }
            let p = u.p0(m, t);
            let tok = match rule {
                0 if (p - 0.5).abs() >= thr => Some(if p >= 0.5 { 0 } else { 1 }),
                1 if (p - 0.5).abs() >= thr => Some(if p >= 0.5 { 1 } else { 0 }),
                2 if p <= 0.35 => Some(0),
                2 if p >= 0.65 => Some(1),
                _ => None,
            };
            let Some(tok) = tok else { continue };
            let amt = match fixed_sh {
                Some(q) => Amt::Sh(q),
                None => Amt::Usd(usd),
            };
            let (got, _) = take(u, me, m, tok, true, amt, t, out, rng);
            if exit && got > 0 && early {
                let te = mk.fin - rng.int(20, 60);
                take(u, me, m, tok, false, Amt::Sh(got), te, out, rng);
            }
        }
    }
}

/// TWAP executor: works large parent orders as equal child orders every N seconds (with a few
/// seconds of jitter) for hours, a handful of parents a month, buys and unwinds.
pub fn twap_executor(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let every = *rng.pick(&[30, 60, 120, 180, 300, 600]);
    let jitter = rng.int(0, 5);
    let passive = rng.chance(0.3);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    for _ in 0..rng.int(2, 8) {
        let t0 = rng.int(W0 - DAY, NOW - HOUR);
        let kids = rng.int(20, 150);
        let span = kids * every;
        let m = if rng.chance(0.25) {
            let gs: Vec<u32> =
                u.games_starting(t0 + span + 10 * MIN, t0 + span + 3 * DAY).iter().copied().filter(|&g| u.m(g).pop >= 1.0).collect();
            if gs.is_empty() {
                continue;
            }
            *rng.pick(&gs)
        } else {
            match pick_market(u, &pool, t0, |m| if u.m(m).pop >= 0.8 && u.trading(m, t0 + span) { 1.0 } else { 0.0 }, rng) {
                Some(m) => m,
                None => continue,
            }
        };
        let buy = rng.chance(0.7);
        let tok = rng.below(2) as u8;
        let total = nice_shares(rng.lognormal(8000.0, 0.8));
        let child = (total / kids as u64).max(100);
        for i in 0..kids {
            let t = t0 + i * every + rng.int(-jitter, jitter);
            if passive {
                if !u.trading(m, t) {
                    continue;
                }
                let cents = if buy { u.bid(m, tok, t) } else { u.ask(m, tok, t) };
                let f = make(me, m, tok, buy, child, cents, t + rng.int(0, every / 2), out, rng);
                let taker = cx.crowd(rng);
                counterparty(&f, taker, out, rng);
            } else {
                take(u, me, m, tok, buy, Amt::Sh(child), t, out, rng);
            }
        }
    }
}

/// Portfolio rebalancer: holds a basket of long-running markets at target dollar weights and on
/// a fixed schedule trades whatever drifted outside its band, several orders seconds apart.
pub fn portfolio_rebalancer(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let pool: Vec<u32> =
        u.futures.iter().chain(u.deadlines.iter()).copied().filter(|&m| u.trading(m, W0) && u.m(m).end > W0 + 10 * DAY).collect();
    let mut basket = Vec::new();
    for _ in 0..rng.int(5, 14) {
        if let Some(m) = pick_market(u, &pool, W0, |m| if basket.contains(&m) { 0.0 } else { 1.0 }, rng) {
            basket.push(m);
        }
    }
    let period = *rng.pick(&[HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR, DAY]);
    let phase = rng.int(0, period / MIN - 1) * MIN + rng.int(0, 59);
    let band = rng.range(0.05, 0.15);
    let targets: Vec<f64> = basket.iter().map(|_| nice_usd(rng.lognormal(2000.0, 0.6))).collect();
    let toks: Vec<u8> = basket.iter().map(|_| if rng.chance(0.7) { 0 } else { 1 }).collect();
    let mut held: Vec<f64> = basket.iter().zip(&targets).zip(&toks).map(|((&m, &v), &k)| v / u.p(m, k, W0)).collect();
    let mut t = (W0 / period + 1) * period + phase;
    while t <= NOW {
        let mut tt = t + rng.int(1, 20);
        for i in 0..basket.len() {
            let (m, k) = (basket[i], toks[i]);
            if !u.trading(m, tt) {
                continue;
            }
            let p = u.p(m, k, tt);
            if !(0.03..=0.97).contains(&p) {
                continue;
            }
            let dev = held[i] * p - targets[i];
            if dev.abs() > band * targets[i] {
                let q = ((dev.abs() / p) * 100.0) as u64;
                if q < 500 {
                    continue;
                }
                let (got, _) = take(u, me, m, k, dev < 0.0, Amt::Sh(q), tt, out, rng);
                held[i] += if dev < 0.0 { got as f64 / 100.0 } else { -(got as f64) / 100.0 };
                tt += rng.int(1, 3);
            }
        }
        t += period;
    }
}

/// Microstructure noise around a market's path, in cents, one value a minute.
fn noise_path(rng: &mut Rng, n: usize, sd: f64) -> Vec<f64> {
    let mut v = Vec::with_capacity(n);
    let mut x: f64 = 0.0;
    for _ in 0..n {
        x = 0.9 * x + sd * rng.normal();
        v.push(x);
    }
    v
}

/// A grid on one market: (market, step, low, high, size, level crossings (time, level, downward)).
type GridPlan = (u32, u32, u32, u32, u64, Vec<(i64, u32, bool)>);

/// Grid bot: on one to three range-bound markets keeps a grid of resting orders every one to
/// three cents; buys a fixed size when the price falls through a level and sells it back one
/// level up, around the clock.
pub fn grid_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let pool: Vec<u32> = u
        .futures
        .iter()
        .chain(u.deadlines.iter())
        .copied()
        .filter(|&m| u.trading(m, W0) && u.m(m).end > NOW && (0.15..=0.85).contains(&u.p0(m, W0)))
        .collect();
    let target = rng.int(300, 1500) as f64;
    let nm = rng.int(1, 3) as usize;
    let mut plans: Vec<GridPlan> = Vec::new();
    let mut crossings_total = 0usize;
    for _ in 0..nm {
        let Some(m) = pick_market(u, &pool, W0, |m| if plans.iter().any(|p| p.0 == m) { 0.0 } else { 1.0 }, rng) else { continue };
        let g = rng.int(1, 3) as u32;
        let centre = (u.p0(m, W0) * 100.0).round() as u32;
        let r = rng.int(4, 10) as u32;
        let (lo, hi) = (centre.saturating_sub(r).max(2), (centre + r).min(98));
        let q = nice_shares(rng.lognormal(60.0, 0.6));
        let n = ((NOW - W0) / MIN) as usize;
        let noise = noise_path(rng, n, 0.3);
        let mut cross = Vec::new();
        let mut prev = u.p0(m, W0) * 100.0;
        for (i, nz) in noise.iter().enumerate() {
            let t = W0 + i as i64 * MIN;
            let x = u.p0(m, t) * 100.0 + nz;
            let (a, b) = if x < prev { (x, prev) } else { (prev, x) };
            let mut level = lo.div_ceil(g) * g;
            while level <= hi {
                let l = level as f64;
                if l > a && l <= b {
                    cross.push((t + rng.int(0, 59), level, x < prev));
                }
                level += g;
            }
            prev = x;
        }
        crossings_total += cross.len();
        plans.push((m, g, lo, hi, q, cross));
    }
    let pf = (target / crossings_total.max(1) as f64).min(1.0);
    for (m, g, _lo, _hi, q, cross) in plans {
        let mut inv: Vec<u32> = Vec::new(); // levels bought, awaiting their sell one step up
        for (t, level, down_move) in cross {
            if !rng.chance(pf) {
                continue;
            }
            if down_move {
                if inv.contains(&level) {
                    continue;
                }
                let f = make(me, m, 0, true, q, level, t, out, rng);
                let c = cx.crowd(rng);
                counterparty(&f, c, out, rng);
                inv.push(level);
            } else if let Some(pos) = inv.iter().position(|&l| l + g == level) {
                inv.swap_remove(pos);
                let f = make(me, m, 0, false, q, level, t, out, rng);
                let c = cx.crowd(rng);
                counterparty(&f, c, out, rng);
            }
        }
    }
}

/// News / feed-latency bot: subscribed to fast score and data feeds; within a second or two of
/// an event it sweeps the stale asks of the side that just became more likely, then either
/// holds or sells into the new price minutes later.
pub fn news_latency_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let mut leagues = vec![League::Nba, League::Nfl, League::Epl, League::Ucl, League::Nhl, League::Tennis, League::Ncaab];
    rng.shuffle(&mut leagues);
    let sports = rng.chance(0.75);
    leagues.truncate(rng.int(1, 3) as usize);
    let econ = rng.chance(0.5) || !sports;
    let headlines = rng.chance(0.4);
    let latency = rng.int(0, 2);
    let thr = rng.range(0.05, 0.1) as f32;
    let usd = rng.lognormal(600.0, 0.7);
    let hold = rng.range(0.2, 0.8);
    let mut events: Vec<(u32, i64, f32)> = Vec::new();
    if sports {
        for &g in u.games_starting(W0 - DAY, NOW) {
            if u.league(g).is_some_and(|l| leagues.contains(&l)) {
                events.extend(u.m(g).jumps.iter().filter(|j| j.0 >= u.m(g).start && j.1.abs() >= thr).map(|j| (g, j.0, j.1)));
            }
        }
    }
    for &m in u.deadlines.iter().chain(u.futures.iter()) {
        let mk = u.m(m);
        let is_econ = mk.cat == super::markets::Cat::Econ;
        if (is_econ && econ) || (!is_econ && headlines) {
            events.extend(mk.jumps.iter().filter(|j| j.1.abs() >= thr).map(|j| (m, j.0, j.1)));
        }
    }
    let part = (900.0 / (events.len().max(1) as f64 * 3.0)).clamp(0.05, 0.95) * rng.range(0.6, 1.0);
    for (m, tj, dp) in events {
        let t = tj + latency + rng.int(0, 1);
        if !(W0..=NOW).contains(&t) || !u.trading(m, t) || !rng.chance(part) {
            continue;
        }
        let tok = if dp > 0.0 { 0 } else { 1 };
        let pre = u.p(m, tok, tj - 2);
        let post = u.p(m, tok, tj + 60);
        let lo = ((pre + u.m(m).hs) * 100.0).ceil() as u32;
        let hi = ((post * 100.0).floor() as u32).max(lo).min(99);
        let levels = rng.int(2, 6) as usize;
        let total = shares_for(usd * rng.lognormal(1.0, 0.3), (lo + hi) / 2);
        let tx = rng.next_u64();
        let parts = split(total, levels, rng);
        let np = parts.len().max(1) as u32;
        for (i, part) in parts.into_iter().enumerate() {
            let cents = (lo + (hi - lo) * i as u32 / np).clamp(1, 99);
            out.push(Fill { who: me, m, tok, buy: true, centi: part, cents, ts: t, tx });
        }
        if !rng.chance(hold) {
            let te = t + delay(20.0 * MIN as f64, 1.0, rng);
            take(u, me, m, tok, false, Amt::Sh(total), te, out, rng);
        }
    }
}

/// Wash-trading ring: a few wallets run by one operator trade the same markets with each other
/// at the midpoint, same size and same transaction, around the clock, passing the position
/// round the ring so nobody ends up holding much — volume for points and leaderboards.
pub fn wash_trading_ring(cx: &Cx, rng: &mut Rng, members: &[u32], out: &mut Vec<Fill>) {
    let u = cx.u;
    let pool: Vec<u32> =
        u.futures.iter().chain(u.deadlines.iter()).copied().filter(|&m| u.m(m).end > NOW - 5 * DAY && u.m(m).pop >= 0.9).collect();
    let mut mkts = Vec::new();
    for _ in 0..rng.int(1, 3) {
        if let Some(m) = pick_market(u, &pool, W0, |m| if mkts.contains(&m) { 0.0 } else { 1.0 }, rng) {
            mkts.push(m);
        }
    }
    if mkts.is_empty() {
        return;
    }
    let per_member = rng.int(300, 1200) as usize;
    let trades = per_member * members.len() / 2;
    let base = nice_shares(rng.lognormal(300.0, 0.7));
    let bursty = rng.chance(0.4);
    let mut times: Vec<i64> = Vec::new();
    if bursty {
        // a few hours of rapid trading most days
        while times.len() < trades {
            let day = W0 + rng.int(0, 29) * DAY;
            let s = day + rng.int(0, 23) * HOUR;
            let mut t = s;
            for _ in 0..rng.int(30, 120) {
                t += rng.int(30, 120);
                times.push(t);
            }
        }
    } else {
        let gap = (30 * DAY) as f64 / trades as f64;
        let mut t = W0 as f64;
        while times.len() < trades {
            t += gap * rng.range(0.7, 1.3);
            times.push(t as i64);
        }
    }
    times.sort_unstable();
    let n = members.len();
    for (k, t) in times.into_iter().enumerate() {
        let m = mkts[rng.below(mkts.len())];
        if !u.trading(m, t) || t > NOW {
            continue;
        }
        let seller = members[k % n];
        let buyer = members[(k + 1 + rng.below(n - 1)) % n];
        let tok = rng.below(2) as u8;
        let cents = ((u.p(m, tok, t) * 100.0).round() as u32).clamp(1, 99);
        let q = (base as f64 * rng.range(0.97, 1.03)) as u64;
        let tx = rng.next_u64();
        out.push(Fill { who: seller, m, tok, buy: false, centi: q, cents, ts: t, tx });
        out.push(Fill { who: buyer, m, tok, buy: true, centi: q, cents, ts: t, tx });
    }
}

/// Liquidity-reward farmer: keeps two-sided quotes just inside the reward band with a size just
/// over the minimum; rarely filled, and when filled it flattens within seconds with a taker order.
pub fn liquidity_reward_farmer(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    let mut mine = Vec::new();
    for _ in 0..rng.int(4, 12) {
        if let Some(m) = pick_market(u, &pool, W0 + 3 * DAY, |m| if mine.contains(&m) { 0.0 } else { 1.0 }, rng) {
            mine.push(m);
        }
    }
    let d = rng.int(1, 3) as f64 / 100.0;
    let size = sh(*rng.pick(&[100.0, 105.0, 200.0, 210.0, 250.0, 300.0, 500.0]));
    let lat = rng.int(1, 10);
    let rate = rng.range(0.02, 0.2);
    for m in mine {
        let mk = u.m(m);
        let (a, b) = (mk.open.max(W0), mk.end.min(NOW));
        if b <= a {
            continue;
        }
        let mut events: Vec<(i64, Option<bool>)> = Vec::new();
        for _ in 0..rng.poisson(rate * mk.pop * (b - a) as f64 / HOUR as f64) {
            events.push((rng.int(a, b - 1), None));
        }
        for &(tj, dp) in &mk.jumps {
            if tj >= a && tj < b && (dp.abs() as f64) > d {
                events.push((tj, Some(dp < 0.0)));
            }
        }
        events.sort_by_key(|e| e.0);
        for (t, dir) in events {
            let p = u.p0(m, t - 1);
            if !(0.05..=0.95).contains(&p) {
                continue;
            }
            // a price drop hits the bid on outcome 0, a rise hits the bid on outcome 1
            let tok = match dir {
                Some(true) => 0,
                Some(false) => 1,
                None => rng.below(2) as u8,
            };
            let pt = if tok == 0 { p } else { 1.0 - p };
            let cents = ((pt - d) * 100.0).round().clamp(1.0, 99.0) as u32;
            let q = if rng.chance(0.7) { size } else { (size as f64 * rng.range(0.1, 1.0)) as u64 };
            let f = make(me, m, tok, true, q, cents, t, out, rng);
            let c = cx.crowd(rng);
            counterparty(&f, c, out, rng);
            let th = t + lat + rng.int(0, 2);
            if rng.chance(0.6) {
                take(u, me, m, tok, false, Amt::Sh(q), th, out, rng);
            } else {
                take(u, me, m, 1 - tok, true, Amt::Sh(q), th, out, rng);
            }
        }
    }
}

/// LLM agent trader (hard case): an agent woken by a scheduler every few hours reads the news,
/// and on some runs places one to three trades across any category, with reasoned non-round
/// stakes, and revisits its positions on later runs.
pub fn llm_agent_trader(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let period = *rng.pick(&[HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR]);
    let phase = rng.int(0, period - 1);
    let p_trade = rng.range(0.25, 0.6);
    let bankroll = rng.lognormal(2000.0, 0.7);
    let pool: Vec<u32> = u.futures.iter().chain(u.deadlines.iter()).copied().collect();
    let mut book = Book::default();
    let mut entries: Vec<(u32, u8, f64)> = Vec::new();
    let mut t = (W0 / period) * period + phase;
    while t <= NOW {
        let mut tt = t + rng.int(20, 300);
        // revisit positions
        entries.retain(|&(m, tok, e)| {
            if book.get(m, tok) == 0 || !u.trading(m, tt) {
                return book.get(m, tok) > 0;
            }
            let p = u.p(m, tok, tt);
            if (p - e).abs() > 0.15 && rng.chance(0.5) {
                let (got, _) = take(u, me, m, tok, false, Amt::Sh(book.get(m, tok)), tt, out, rng);
                book.sub(m, tok, got);
                tt += rng.int(5, 45);
                return false;
            }
            true
        });
        if rng.chance(p_trade) {
            for _ in 0..rng.int(1, 3) {
                let r = rng.f();
                let m = if r < 0.4 {
                    let recent: Vec<u32> = pool
                        .iter()
                        .copied()
                        .filter(|&m| u.m(m).jumps.iter().any(|j| j.0 < tt && j.0 > tt - 6 * HOUR) && u.trading(m, tt))
                        .collect();
                    if recent.is_empty() { pick_market(u, &pool, tt, |_| 1.0, rng) } else { Some(*rng.pick(&recent)) }
                } else if r < 0.7 {
                    pick_market(u, &pool, tt, |_| 1.0, rng)
                } else if r < 0.9 {
                    let gs: Vec<u32> = u.games_starting(tt + HOUR, tt + DAY).to_vec();
                    pick_market(u, &gs, tt, |_| 1.0, rng)
                } else {
                    u.crypto_at(0, 60, tt)
                };
                let Some(m) = m else { continue };
                let d = u.p0(m, tt) - u.p0(m, tt - 6 * HOUR);
                let tok = if rng.chance(0.6) { if d >= 0.0 { 0 } else { 1 } } else { rng.below(2) as u8 };
                let kelly = rng.range(0.01, 0.08);
                let usd = (bankroll * kelly * 100.0).round() / 100.0;
                let got = if rng.chance(0.7) {
                    take(u, me, m, tok, true, Amt::Usd(usd), tt, out, rng).0
                } else {
                    let cents = u.bid(m, tok, tt);
                    let tf = tt + delay(40.0 * MIN as f64, 1.0, rng);
                    if u.trading(m, tf) && tf <= NOW && u.p(m, tok, tf) <= cents as f64 / 100.0 + 0.01 {
                        let q = shares_for(usd, cents);
                        make(me, m, tok, true, q, cents, tf, out, rng);
                        q
                    } else {
                        0
                    }
                };
                if got > 0 {
                    book.add(m, tok, got);
                    entries.push((m, tok, u.p(m, tok, tt)));
                }
                tt += rng.int(5, 45);
            }
        }
        t += period;
    }
}

/// Sports model bot (hard case): a quant bettor's program prices each game and, a fixed lead
/// time before the start (or at a fixed hour each day), places Kelly-sized limit orders on the
/// games where its edge clears a threshold; unfilled orders are cancelled at the start.
pub fn sports_model_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let all = [League::Nba, League::Nhl, League::Ncaab, League::Epl, League::Tennis, League::Nfl];
    let mut leagues = all.to_vec();
    rng.shuffle(&mut leagues);
    leagues.truncate(rng.int(1, 2) as usize);
    let lead = if rng.chance(0.6) { Some(*rng.pick(&[30, 45, 60, 90, 120, 180]) * MIN) } else { None };
    let daily_hour = rng.int(12, 18);
    let frac = rng.range(0.15, 0.45);
    let bankroll = rng.lognormal(5000.0, 0.6);
    let taker = rng.range(0.1, 0.4);
    for &g in u.games_starting(W0, NOW + DAY) {
        if !u.league(g).is_some_and(|l| leagues.contains(&l)) || !rng.chance(frac) {
            continue;
        }
        let mk = u.m(g);
        let t = match lead {
            Some(l) => mk.start - l + rng.int(0, 4),
            None => {
                let d = (mk.start - 10 * HOUR).div_euclid(DAY) * DAY + daily_hour * HOUR + rng.int(0, 30);
                if d >= mk.start { mk.start - 2 * HOUR } else { d }
            }
        };
        if !u.trading(g, t) || t > NOW {
            continue;
        }
        let tok = rng.below(2) as u8;
        let p = u.p(g, tok, t);
        if !(0.15..=0.85).contains(&p) {
            continue;
        }
        let f = rng.range(0.005, 0.03);
        let usd = (bankroll * f * 100.0).round() / 100.0;
        if rng.chance(taker) {
            take(u, me, g, tok, true, Amt::Usd(usd), t, out, rng);
        } else {
            let cents = ((p - 0.01) * 100.0).round().clamp(1.0, 99.0) as u32;
            let q = shares_for(usd, cents);
            let mut tf = t;
            let parts = split(q, rng.int(1, 3) as usize, rng);
            for part in parts {
                tf += delay(8.0 * MIN as f64, 1.0, rng);
                if tf >= mk.start || tf > NOW {
                    break;
                }
                let fl = make(me, g, tok, true, part, cents, tf, out, rng);
                let c = cx.crowd(rng);
                counterparty(&fl, c, out, rng);
            }
        }
    }
}

/// Slow copy bot (hard case): a hobbyist's script on a home laptop polls one leader every few
/// minutes while the machine is on (days and evenings), copies with a fixed dollar amount, and
/// drops trades older than an hour when the laptop wakes.
pub fn slow_copy_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let h = Habits::new(if rng.chance(0.5) { Style::Daytime } else { Style::Evening }, rng);
    // pick a leader that trades at a human pace
    let mut li = cx.leader(rng);
    for _ in 0..10 {
        if cx.leaders[li].fills.len() <= 200 {
            break;
        }
        li = cx.leader(rng);
    }
    let poll = rng.int(2, 15) * MIN;
    let usd = nice_usd(rng.lognormal(20.0, 0.5));
    let backlog = HOUR;
    // the machine's on-periods
    let mut on: Vec<(i64, i64)> = Vec::new();
    let mut day = W0 - DAY;
    while day < NOW {
        if rng.chance(0.9) {
            let local_midnight = day - h.tz;
            let a = local_midnight + ((h.wake + rng.range(0.0, 1.5)) * 3600.0) as i64;
            let b = local_midnight + ((h.sleep - rng.range(0.0, 2.0)) * 3600.0) as i64;
            if rng.chance(0.3) {
                let mid = rng.int(a, b);
                on.push((a, mid));
                on.push((mid + rng.int(1, 4) * HOUR, b));
            } else {
                on.push((a, b));
            }
        }
        day += DAY;
    }
    let mut book = Book::default();
    for order in cx.leaders[li].orders() {
        let f = order[0];
        if f.ts < W0 - DAY || f.ts > NOW {
            continue;
        }
        // first poll after the trade while the machine is on
        let Some(&(a, b)) = on.iter().find(|&&(a, b)| b > f.ts && a < b) else { continue };
        let first = if f.ts < a { a } else { a + ((f.ts - a) / poll + 1) * poll };
        if first >= b || first - f.ts > backlog {
            continue;
        }
        let t = first + rng.int(2, 8);
        if !u.trading(f.m, t) || t > NOW {
            continue;
        }
        if f.buy {
            let (got, _) = take(u, me, f.m, f.tok, true, Amt::Usd(usd), t, out, rng);
            book.add(f.m, f.tok, got);
        } else if book.get(f.m, f.tok) > 0 {
            let (got, _) = take(u, me, f.m, f.tok, false, Amt::Sh(book.get(f.m, f.tok)), t, out, rng);
            book.sub(f.m, f.tok, got);
        }
    }
}

/// One plain trade for a bot that would otherwise have none in the window.
pub fn fallback_bot(cx: &Cx, rng: &mut Rng, me: u32, out: &mut Vec<Fill>) {
    let u = cx.u;
    let t = rng.int(W0 + HOUR, NOW - HOUR);
    if let Some(m) = u.crypto_at(0, 60, t) {
        take(u, me, m, rng.below(2) as u8, true, Amt::Usd(25.0), t, out, rng);
    }
}
