//! Trading programs, each with the imperfections real ones have: jitter, restarts and outages,
//! parameters changed mid-month, more than one job.

use super::crowd::{LTrade, Leaders};
use super::exec::{Amt, Ex, Fill, FillAt, Life, MIN_SZ, Order, Pos, Tk, round_usd};
use super::people::Run;
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, MIN, NOW, START, World, crowd_diurnal};

pub const BOTS: &[(&str, Run)] = &[
    ("market_maker", market_maker),
    ("complement_arb", complement_arb),
    ("negrisk_basket_arb", negrisk_basket_arb),
    ("resolution_sniper", resolution_sniper),
    ("polling_copy_bot", polling_copy_bot),
    ("chain_copy_bot", chain_copy_bot),
    ("crypto_updown_bot", crypto_updown_bot),
    ("twap_slicer", twap_slicer),
    ("feed_latency_bot", feed_latency_bot),
    ("momentum_bot", momentum_bot),
    ("liquidity_reward_farmer", liquidity_reward_farmer),
    ("wash_volume_farmer", wash_volume_farmer),
    ("new_market_sniper", new_market_sniper),
    ("grid_bot", grid_bot),
    ("hard_slow_model_trader", hard_slow_model_trader),
    ("hard_llm_news_agent", hard_llm_news_agent),
    ("hard_pregame_model_bettor", hard_pregame_model_bettor),
    ("hard_slow_copy_bot", hard_slow_copy_bot),
];

/// When a program is running: outages, a daily restart, a late start or early stop.
struct Up {
    gaps: Vec<(i64, i64)>,
    restart_at: i64,
    restart_len: i64,
    from: i64,
    to: i64,
}

impl Up {
    fn new(r: &mut Rng, outages: i64, mean_len: f64) -> Up {
        let mut gaps = Vec::new();
        for _ in 0..r.range(outages / 2, outages + 1) {
            let a = r.range(START, NOW);
            gaps.push((a, a + r.lognormal(mean_len, 1.0) as i64));
        }
        let from = if r.chance(0.25) { START + r.range(0, 8 * DAY) } else { START };
        let to = if r.chance(0.15) { NOW - r.range(0, 6 * DAY) } else { NOW };
        Up { gaps, restart_at: r.range(0, DAY), restart_len: if r.chance(0.5) { r.range(30, 600) } else { 0 }, from, to }
    }
    fn up(&self, t: i64) -> bool {
        if t < self.from || t >= self.to {
            return false;
        }
        let d = (t - self.restart_at).rem_euclid(DAY);
        if d < self.restart_len {
            return false;
        }
        !self.gaps.iter().any(|(a, b)| t >= *a && t < *b)
    }
}

fn liquid(w: &World, min_crowd: u32) -> Vec<usize> {
    (0..w.markets.len())
        .filter(|&m| {
            let mk = &w.markets[m];
            !mk.cat.is_updown() && mk.crowd >= min_crowd && mk.close > START + HOUR && mk.open < NOW - HOUR
        })
        .collect()
}

fn sell_all(ex: &mut Ex, pos: &mut Pos, w: u32, m: usize, o: u8, t: i64) -> Option<u32> {
    let have = pos.get(m, o);
    if have < MIN_SZ {
        return None;
    }
    let tk = ex.take(w, m, o, false, Amt::Sh(have as f64 / 100.0), t)?;
    pos.sub(m, o, tk.sz);
    Some(tk.sz)
}

/// A share count with the hundredths a program's arithmetic leaves.
fn calc_sh(x: f64) -> f64 {
    ((x * 100.0).floor() / 100.0).max(5.0)
}

// ------------------------------------------------------------------ makers

fn market_maker(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool = liquid(w, 120);
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 5, 3.0 * HOUR as f64);
        let lots = [100.0, 150.0, 200.0, 250.0, 300.0, 500.0];
        let lot0 = *r.pick(&lots);
        let lot1 = if r.chance(0.5) { *r.pick(&lots) } else { lot0 };
        let change = START + r.range(8 * DAY, 22 * DAY);
        let share = r.uniform(0.08, 0.2);
        let inplay = r.chance(0.3);
        let mut pos = Pos::default();
        // a book of markets, rotated weekly
        for wk in 0..5 {
            let a = START + wk * 7 * DAY;
            let b = (a + 7 * DAY).min(NOW);
            let here: Vec<usize> = pool.iter().copied().filter(|&m| w.markets[m].open < b && w.markets[m].close > a).collect();
            if here.is_empty() {
                continue;
            }
            let mut book: Vec<usize> = (0..r.range(4, 10)).map(|_| here[r.below(here.len())]).collect();
            book.sort();
            book.dedup();
            for &m in &book {
                let mk = &w.markets[m];
                let ma = mk.open.max(a).max(START + 1);
                let mb = mk.close.min(b).min(NOW - 1);
                if mb <= ma {
                    continue;
                }
                let life_h = ((mk.close.min(NOW) - mk.open.max(START)).max(HOUR) as f64) / HOUR as f64;
                let rate = mk.crowd as f64 / life_h * share;
                let mut t = ma;
                while t < mb {
                    let bin = 10 * MIN;
                    let n = r.poisson(
                        rate * crowd_diurnal(t) * bin as f64 / HOUR as f64
                            * if mk.live.is_some_and(|l| t >= l.0 && t < l.1) { 3.0 } else { 1.0 },
                    );
                    for _ in 0..n {
                        let ts = t + r.range(0, bin);
                        if !up.up(ts) || ts >= mb {
                            continue;
                        }
                        if !inplay && mk.live.is_some_and(|(ls, le)| ts >= ls && ts < le) {
                            continue;
                        }
                        let lot = if ts < change { lot0 } else { lot1 };
                        let sz =
                            if r.chance(0.35) { (lot * 100.0) as u32 } else { ((lot * r.uniform(0.05, 1.0)) * 100.0) as u32 }.max(MIN_SZ);
                        let (b0, a0) = w.quote(m, 0, ts);
                        let inv = pos.get(m, 0) as f64 - pos.get(m, 1) as f64;
                        let skew = (inv / (lot * 100.0 * 6.0)).clamp(-0.8, 0.8);
                        // which of our four resting orders gets hit
                        let hit_bid_yes = r.chance(0.5 - 0.4 * skew);
                        let (o, buy, c) = if hit_bid_yes {
                            if pos.get(m, 1) >= sz && r.chance(0.5) { (1u8, false, 100 - b0) } else { (0u8, true, b0) }
                        } else if pos.get(m, 0) >= sz && r.chance(0.5) {
                            (0u8, false, a0)
                        } else {
                            (1u8, true, 100 - a0)
                        };
                        if ex.fill_at(FillAt { w: id, m, o, buy, c, sz, ts, maker: true, tx: None }).is_some() {
                            if buy {
                                pos.add(m, o, sz);
                            } else {
                                pos.sub(m, o, sz);
                            }
                        }
                        // lean too far one way: hedge with a taker order on the other token
                        if skew.abs() > 0.6 && r.chance(0.25) {
                            let heavy = if skew > 0.0 { 0u8 } else { 1 };
                            let extra = (pos.get(m, heavy) as f64 - pos.get(m, 1 - heavy) as f64) / 200.0;
                            let tk =
                                Tk { w: id, m, o: 1 - heavy, buy: true, amt: Amt::Sh(calc_sh(extra)), ts: ts + r.range(1, 20), slip: 1 };
                            if extra >= 5.0
                                && let Some(got) = ex.take_lim(tk)
                            {
                                pos.add(m, 1 - heavy, got.sz);
                            }
                        }
                        // merge matched pairs (not visible on the tape)
                        let both = pos.get(m, 0).min(pos.get(m, 1));
                        if both > 0 {
                            pos.sub(m, 0, both);
                            pos.sub(m, 1, both);
                        }
                    }
                    t += bin;
                }
            }
        }
    }
}

fn liquidity_reward_farmer(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool: Vec<usize> = (0..w.markets.len())
        .filter(|&m| {
            let mk = &w.markets[m];
            (mk.cat.is_longform() || mk.cat == Cat::Weather) && mk.close > START + DAY && mk.open < NOW - DAY
        })
        .collect();
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 4.0 * HOUR as f64);
        let size = *r.pick(&[20.0, 50.0, 100.0, 200.0, 250.0]);
        let mut pos = Pos::default();
        let share = r.uniform(0.03, 0.08);
        let mut book: Vec<usize> = (0..r.range(15, 40)).map(|_| pool[r.below(pool.len())]).collect();
        book.sort();
        book.dedup();
        for &m in &book {
            let mk = &w.markets[m];
            let a = mk.open.max(START + 1);
            let b = mk.close.min(NOW - 1);
            let life_h = ((b - a).max(HOUR) as f64) / HOUR as f64;
            let rate = (mk.crowd as f64 / life_h * share).max(0.01);
            let mut t = a;
            while t < b {
                t += r.exp(HOUR as f64 / rate) as i64 + 1;
                if t >= b || !up.up(t) {
                    continue;
                }
                let (b0, a0) = w.quote(m, 0, t);
                // bids a cent inside the touch when the spread allows it
                let (bid_y, bid_n) = if a0 - b0 >= 3 { (b0 + 1, 100 - a0 + 1) } else { (b0, 100 - a0) };
                let sz = if r.chance(0.55) { (size * 100.0) as u32 } else { ((size * r.uniform(0.1, 1.0)) * 100.0) as u32 }.max(MIN_SZ);
                let sell_side = (0..2u8).find(|&o| pos.get(m, o) >= sz && r.chance(0.15));
                let (o, buy, c) = match sell_side {
                    Some(o) => (o, false, if o == 0 { a0 } else { 100 - b0 }),
                    None if r.chance(0.5) => (0, true, bid_y),
                    None => (1, true, bid_n),
                };
                if ex.fill_at(FillAt { w: id, m, o, buy, c, sz, ts: t, maker: true, tx: None }).is_some() {
                    if buy {
                        pos.add(m, o, sz);
                    } else {
                        pos.sub(m, o, sz);
                    }
                }
            }
        }
    }
}

fn grid_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool: Vec<usize> =
        liquid(w, 150).into_iter().filter(|&m| w.markets[m].cat.is_longform() && w.markets[m].close > NOW - 5 * DAY).collect();
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 3, 5.0 * HOUR as f64);
        let step = r.range(1, 4);
        let size = *r.pick(&[25.0, 50.0, 100.0, 200.0]);
        let size = size + if r.chance(0.3) { r.range(1, 9) as f64 } else { 0.0 };
        for _ in 0..r.range(1, 4) {
            let m = pool[r.below(pool.len())];
            let mk = &w.markets[m];
            let a = mk.open.max(START + r.range(0, 5 * DAY));
            let b = mk.close.min(NOW - 1);
            let mut centre = (w.p(m, a) * 100.0).round() as i64;
            let half = r.range(4, 10);
            let mut held: Vec<i64> = Vec::new();
            let mut prev = w.p(m, a) * 100.0;
            let mut t = a + 60;
            let recentre = START + r.range(10 * DAY, 24 * DAY);
            let mut recentred = false;
            while t < b {
                let mid = w.p(m, t) * 100.0;
                if up.up(t) {
                    if !recentred && t > recentre && (mid - centre as f64).abs() > half as f64 {
                        centre = mid.round() as i64;
                        recentred = true;
                    }
                    let lo = (centre - half).max(2);
                    let hi = (centre + half).min(98);
                    let mut lvl = lo;
                    while lvl <= hi {
                        let l = lvl as f64;
                        if prev > l && mid <= l && !held.contains(&lvl) {
                            let ts = t + r.range(0, 60);
                            if ex
                                .fill_at(FillAt {
                                    w: id,
                                    m,
                                    o: 0,
                                    buy: true,
                                    c: lvl as u8,
                                    sz: (size * 100.0) as u32,
                                    ts,
                                    maker: true,
                                    tx: None,
                                })
                                .is_some()
                            {
                                held.push(lvl);
                            }
                        }
                        let sell = lvl + step;
                        if prev < sell as f64 && mid >= sell as f64 && held.contains(&lvl) && sell <= 99 {
                            let ts = t + r.range(0, 60);
                            if ex
                                .fill_at(FillAt {
                                    w: id,
                                    m,
                                    o: 0,
                                    buy: false,
                                    c: sell as u8,
                                    sz: (size * 100.0) as u32,
                                    ts,
                                    maker: true,
                                    tx: None,
                                })
                                .is_some()
                            {
                                held.retain(|x| *x != lvl);
                            }
                        }
                        lvl += step;
                    }
                }
                prev = mid;
                t += 60;
            }
        }
    }
}

// ------------------------------------------------------------------ arbitrage

fn complement_arb(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 2.0 * HOUR as f64);
        let lot = *r.pick(&[50.0, 100.0, 200.0, 300.0, 500.0]);
        let batched = r.chance(0.35);
        let series = if r.chance(0.6) { 0usize } else { 2 };
        let thr = r.uniform(2.8, 3.6);
        let sports = r.chance(0.6);
        let s = &w.series[w.updown[series].asset];
        let mut t = START + 60;
        let arb = |ex: &mut Ex, r: &mut Rng, m: usize, ts: i64| {
            let p = w.p(m, ts);
            let yes = (p * 100.0).round() as i64;
            let gap = r.range(1, 4);
            let d1 = r.range(0, gap + 1);
            let (cy, cn) = (yes - d1, 100 - yes - (gap - d1));
            if !(1..=99).contains(&cy) || !(1..=99).contains(&cn) {
                return;
            }
            let sz = ((lot * r.uniform(0.2, 1.0)) * 100.0) as u32;
            let sz = sz.max(MIN_SZ);
            let tx = ex.fill_at(FillAt { w: id, m, o: 0, buy: true, c: cy as u8, sz, ts, maker: false, tx: None });
            if let Some(tx) = tx {
                let (tx2, ts2) = if batched { (Some(tx), ts) } else { (None, ts + r.range(0, 3)) };
                ex.fill_at(FillAt { w: id, m, o: 1, buy: true, c: cn as u8, sz, ts: ts2, maker: false, tx: tx2 });
            }
        };
        while t < NOW - 60 {
            t += r.range(30, 240);
            if !up.up(t) {
                continue;
            }
            let z = s.ret(t, 30).abs() / (s.sigma * 3f64.sqrt());
            if z > thr
                && let Some(m) = w.updown_at(series, t)
            {
                let ts = t + r.range(0, 3);
                arb(ex, &mut r, m, ts);
            }
        }
        if sports {
            for e in &w.events {
                if w.markets[e.m].cat.is_sport() && up.up(e.ts) && r.chance(0.3) {
                    let ts = e.ts + r.range(0, 4);
                    arb(ex, &mut r, e.m, ts);
                }
            }
        }
    }
}

fn negrisk_basket_arb(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 3.0 * HOUR as f64);
        let lot = *r.pick(&[20.0, 50.0, 100.0, 150.0]);
        let batched = r.chance(0.5);
        let weather = r.chance(0.6);
        let mut seen = 0;
        for e in &w.events {
            let Some(g) = w.markets[e.m].group else { continue };
            let is_w = w.markets[e.m].cat == Cat::Weather;
            if (is_w && !weather) || !up.up(e.ts) || !r.chance(0.22) {
                continue;
            }
            seen += 1;
            let ts = e.ts + r.range(1, 8);
            let members = &w.groups[g];
            if !members.iter().all(|&m| w.tradable(m, ts)) {
                continue;
            }
            let mut asks: Vec<i64> = members.iter().map(|&m| w.quote(m, 0, ts).1 as i64).collect();
            let target = 100 - r.range(1, 4);
            let mut sum: i64 = asks.iter().sum();
            // the stale legs: the quotes that have not caught up yet
            let mut guard = 0;
            while sum > target && guard < 200 {
                let i = r.below(asks.len());
                if asks[i] > 1 {
                    asks[i] -= 1;
                    sum -= 1;
                }
                guard += 1;
            }
            if sum > target {
                continue;
            }
            let sz = ((lot * r.uniform(0.3, 1.0)) * 100.0) as u32;
            let mut tx = None;
            for (k, &m) in members.iter().enumerate() {
                let tsk = if batched { ts } else { ts + k as i64 * r.range(0, 2) };
                let got = ex.fill_at(FillAt {
                    w: id,
                    m,
                    o: 0,
                    buy: true,
                    c: asks[k] as u8,
                    sz: sz.max(MIN_SZ),
                    ts: tsk,
                    maker: false,
                    tx: if batched { tx } else { None },
                });
                if tx.is_none() {
                    tx = got;
                }
            }
        }
        let _ = seen;
    }
}

// ------------------------------------------------------------------ resolution and sniping

fn resolution_sniper(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 4.0 * HOUR as f64);
        let usd = r.lognormal(800.0, 0.7);
        let minp = r.range(93, 97) as f64 / 100.0;
        let mut pos = Pos::default();
        let hourly: Vec<usize> = {
            let mut v = vec![2usize, 3, 4];
            r.shuffle(&mut v);
            let k = if r.chance(0.15) {
                0
            } else if r.chance(0.8) {
                1
            } else {
                2
            };
            v.truncate(k);
            v
        };
        let (do_sport, do_weather, do_other) = (r.chance(0.7), r.chance(0.35), r.chance(0.6));
        let appetite = r.uniform(0.35, 0.8);
        let off = r.range(25, 150);
        // crypto hourlies: shortly before the close
        for &s in &hourly {
            let u = &w.updown[s];
            for k in 0..u.count {
                let m = u.first + k;
                let ts = w.markets[m].close - off - r.range(0, 8);
                if !up.up(ts) || ts >= NOW {
                    continue;
                }
                if !r.chance(appetite) {
                    continue;
                }
                for o in 0..2u8 {
                    if w.po(m, o, ts) >= minp && w.quote(m, o, ts).1 <= 99 {
                        let tk = ex.take_lim(Tk { w: id, m, o, buy: true, amt: Amt::Usd(usd * r.uniform(0.9, 1.1)), ts, slip: 1 });
                        if let Some(tk) = tk {
                            pos.add(m, o, tk.sz);
                        }
                    }
                }
            }
        }
        // everything else near its end: games, called races, happened events, weather
        for m in 0..w.markets.len() {
            let mk = &w.markets[m];
            if mk.cat.is_updown() || mk.close > NOW || mk.close < START + HOUR {
                continue;
            }
            let covered = if mk.cat.is_sport() {
                do_sport
            } else if mk.cat == Cat::Weather {
                do_weather
            } else {
                do_other
            };
            if !covered || !r.chance(appetite) {
                continue;
            }
            let window = if mk.cat.is_sport() { 20 * MIN } else { r.range(2 * HOUR, 12 * HOUR) };
            let mut t = mk.close - window;
            let poll = r.range(5, 30);
            while t < mk.close - 20 {
                if up.up(t) {
                    let o = if w.p(m, t) >= 0.5 { 0 } else { 1 };
                    let (_, ask) = w.quote(m, o, t);
                    if w.po(m, o, t) >= minp && (95..=99).contains(&ask) {
                        let ts = t + r.range(0, poll);
                        if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt: Amt::Usd(usd * r.uniform(0.8, 1.2)), ts, slip: 1 })
                        {
                            pos.add(m, o, tk.sz);
                        }
                        break;
                    }
                }
                t += if mk.cat.is_sport() { 60 } else { 10 * MIN };
            }
        }
    }
}

fn new_market_sniper(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let fresh: Vec<usize> = (0..w.markets.len())
        .filter(|&m| !w.markets[m].cat.is_updown() && w.markets[m].open > START && w.markets[m].open < NOW - HOUR)
        .collect();
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 3, 6.0 * HOUR as f64);
        let lat = r.uniform(3.0, 40.0);
        let usd = *r.pick(&[50.0, 100.0, 200.0, 500.0]);
        let cover_weather = r.chance(0.5);
        let cover_sports = r.chance(0.8);
        let mut pos = Pos::default();
        for &m in &fresh {
            let mk = &w.markets[m];
            let ok = if mk.cat == Cat::Weather {
                cover_weather
            } else if mk.cat.is_sport() {
                cover_sports
            } else {
                true
            };
            let ts = mk.open + r.lognormal(lat, 0.5) as i64;
            if !ok || !up.up(ts) {
                continue;
            }
            let now = w.p(m, ts);
            let fair = w.p(m, ts + 3 * HOUR);
            if (now - fair).abs() < 0.035 && !r.chance(0.05) {
                continue;
            }
            let o = if fair > now { 0 } else { 1 };
            let amt = Amt::Usd(usd * r.uniform(0.97, 1.03));
            if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt, ts, slip: 2 }) {
                pos.add(m, o, tk.sz);
                if r.chance(0.65) {
                    let t2 = ts + r.range(20 * MIN, 5 * HOUR);
                    if up.up(t2) {
                        sell_all(ex, &mut pos, id, m, o, t2);
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ copying

fn leader_positions(trades: &[LTrade]) -> Vec<f64> {
    // the fraction of the position each sell closed
    let mut held: std::collections::BTreeMap<(usize, u8), f64> = std::collections::BTreeMap::new();
    trades
        .iter()
        .map(|t| {
            let h = held.entry((t.m, t.o)).or_insert(0.0);
            if t.buy {
                *h += t.sh;
                0.0
            } else {
                let f = if *h > 0.0 { (t.sh / *h).min(1.0) } else { 1.0 };
                *h = (*h - t.sh).max(0.0);
                f
            }
        })
        .collect()
}

fn polling_copy_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], ld: &Leaders) {
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 5, 5.0 * HOUR as f64);
        let poll = *r.pick(&[5i64, 10, 15, 30, 60]);
        let ratio = r.uniform(0.01, 0.12);
        let cap = r.lognormal(150.0, 0.6);
        let mut leaders: Vec<usize> = (0..ld.trades.len()).collect();
        r.shuffle(&mut leaders);
        leaders.truncate(r.range(1, 4) as usize);
        let mut pos = Pos::default();
        let mut all: Vec<(LTrade, f64)> = Vec::new();
        for &k in &leaders {
            let fr = leader_positions(&ld.trades[k]);
            all.extend(ld.trades[k].iter().copied().zip(fr));
        }
        all.sort_by_key(|x| x.0.ts);
        let phase = r.range(0, poll);
        for (lt, frac) in all {
            let lag = r.range(2, 18);
            let next_poll = lt.ts + lag + (poll - (lt.ts + lag - phase).rem_euclid(poll));
            let mut ts = next_poll + r.range(0, 2);
            if !up.up(ts) {
                // catch-up on restart for recent trades, else missed
                if r.chance(0.3) {
                    ts += r.range(60, 900);
                    if !up.up(ts) {
                        continue;
                    }
                } else {
                    continue;
                }
            }
            if r.chance(0.04) {
                continue;
            }
            if lt.buy {
                let px = lt.c as f64 / 100.0;
                let sh = calc_sh((lt.sh * ratio).min(cap / px));
                if let Some(tk) = ex.take_lim(Tk { w: id, m: lt.m, o: lt.o, buy: true, amt: Amt::Sh(sh), ts, slip: 3 }) {
                    pos.add(lt.m, lt.o, tk.sz);
                }
            } else {
                let have = pos.get(lt.m, lt.o);
                let sz = if frac > 0.97 { have } else { (have as f64 * frac) as u32 };
                if sz >= MIN_SZ
                    && let Some(tk) = ex.take_lim(Tk { w: id, m: lt.m, o: lt.o, buy: false, amt: Amt::Sh(sz as f64 / 100.0), ts, slip: 4 })
                {
                    pos.sub(lt.m, lt.o, tk.sz);
                }
            }
        }
    }
}

fn chain_copy_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], ld: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 3, 3.0 * HOUR as f64);
        let k = r.below(ld.trades.len());
        let k2 = if r.chance(0.3) { Some(r.below(ld.trades.len())) } else { None };
        let fixed = r.chance(0.5);
        let usd = *r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0]);
        let ratio = r.uniform(0.02, 0.2);
        let copy_sells = r.chance(0.7);
        let mut pos = Pos::default();
        let mut all: Vec<(LTrade, f64)> = ld.trades[k].iter().copied().zip(leader_positions(&ld.trades[k])).collect();
        if let Some(k2) = k2 {
            all.extend(ld.trades[k2].iter().copied().zip(leader_positions(&ld.trades[k2])));
        }
        all.sort_by_key(|x| x.0.ts);
        for (lt, frac) in all {
            let ts = lt.ts + 2 + r.range(0, 3) + if r.chance(0.1) { r.range(2, 10) } else { 0 };
            if !up.up(ts) {
                continue;
            }
            if lt.buy {
                let amt = if fixed { Amt::Usd(usd) } else { Amt::Sh(calc_sh(lt.sh * ratio)) };
                // a limit a cent or two above the leader's price; skip when it ran away
                let (_, ask) = w.quote(lt.m, lt.o, ts);
                if ask as i64 > lt.c as i64 + 2 {
                    continue;
                }
                if let Some(tk) = ex.take_lim(Tk { w: id, m: lt.m, o: lt.o, buy: true, amt, ts, slip: 2 }) {
                    pos.add(lt.m, lt.o, tk.sz);
                }
            } else if copy_sells {
                let have = pos.get(lt.m, lt.o);
                let sz = if frac > 0.97 { have } else { (have as f64 * frac) as u32 };
                if sz >= MIN_SZ
                    && let Some(tk) = ex.take_lim(Tk { w: id, m: lt.m, o: lt.o, buy: false, amt: Amt::Sh(sz as f64 / 100.0), ts, slip: 3 })
                {
                    pos.sub(lt.m, lt.o, tk.sz);
                }
            }
        }
    }
}

// ------------------------------------------------------------------ signals

fn crypto_updown_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 5, 3.0 * HOUR as f64);
        let series = *r.pick(&[0usize, 0, 2, 3, 4]);
        let second = if r.chance(0.3) { Some(*r.pick(&[2usize, 3, 4])) } else { None };
        let late = r.chance(0.5);
        let off0 = if late { r.range(40, 200) } else { r.range(3, 90) };
        let look = r.range(30, 300);
        let mut thr = r.uniform(0.7, 1.7);
        let mut lot = *r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0]);
        let by_usd = r.chance(0.4);
        let change = START + r.range(6 * DAY, 24 * DAY);
        let take_profit = r.chance(0.4);
        let mut pos = Pos::default();
        let mut changed = false;
        for s in std::iter::once(series).chain(second) {
            let u = &w.updown[s];
            let sr = &w.series[u.asset];
            for k in 0..u.count {
                let m = u.first + k;
                let (ls, le) = w.markets[m].live.unwrap_or((0, 0));
                if !changed && ls > change {
                    changed = true;
                    thr *= r.uniform(0.6, 1.4);
                    lot *= *r.pick(&[0.5, 2.0, 2.0, 1.0]);
                }
                let ts = if late { le - off0 } else { ls + off0 } + r.range(-2, 4);
                if !up.up(ts) {
                    continue;
                }
                let o = if late {
                    // late in the window: back the side that is ahead unless it is already priced in
                    let p = w.p(m, ts);
                    let fav = if p >= 0.5 { 0 } else { 1 };
                    let q = w.po(m, fav, ts);
                    if !(0.6..=0.95).contains(&q) || !r.chance(thr / 1.7) {
                        continue;
                    }
                    fav
                } else {
                    let z = sr.ret(ts, look) / (sr.sigma * ((look / 10) as f64).sqrt());
                    if z.abs() < thr {
                        continue;
                    }
                    if z > 0.0 { 0 } else { 1 }
                };
                let amt = if by_usd { Amt::Usd(lot) } else { Amt::Sh(lot) };
                if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt, ts, slip: 2 }) {
                    pos.add(m, o, tk.sz);
                    if take_profit {
                        let t2 = ts + r.range(60, (le - ts - 20).max(61));
                        if t2 < le - 15 && w.po(m, o, t2) > 0.88 {
                            sell_all(ex, &mut pos, id, m, o, t2);
                        }
                    }
                }
            }
        }
    }
}

fn twap_slicer(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool = liquid(w, 200);
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 2, 2.0 * HOUR as f64);
        let mut pos = Pos::default();
        let mut last: Option<(usize, u8)> = None;
        for _ in 0..r.range(3, 9) {
            let t0 = r.range(START + HOUR, NOW - 6 * HOUR);
            let (m, o, buy) = match last {
                Some((m, o)) if r.chance(0.35) && w.tradable(m, t0) && pos.get(m, o) >= MIN_SZ => (m, o, false),
                _ => {
                    let c: Vec<usize> = pool.iter().copied().filter(|&m| w.tradable(m, t0) && w.markets[m].close > t0 + 6 * HOUR).collect();
                    if c.is_empty() {
                        continue;
                    }
                    let m = c[r.below(c.len())];
                    (m, if w.p(m, t0) > 0.5 { 0 } else { 1 }, true)
                }
            };
            let child_sh = *r.pick(&[100.0, 200.0, 250.0, 500.0]);
            let child_usd = *r.pick(&[100.0, 250.0, 500.0]);
            let by_usd = r.chance(0.35);
            let every = *r.pick(&[30i64, 60, 60, 90, 120, 300]);
            let n = r.range(20, 150);
            let jit = r.uniform(0.02, 0.15);
            let limit = (w.po(m, o, t0) * 100.0 + r.uniform(2.0, 6.0)) as u8;
            let mut t = t0;
            let mut left = if buy { 0 } else { pos.get(m, o) };
            for _ in 0..n {
                t += (every as f64 * (1.0 + jit * r.normal())).max(3.0) as i64;
                if r.chance(0.004) {
                    t += r.range(10 * MIN, HOUR);
                }
                if !up.up(t) || !w.tradable(m, t) {
                    continue;
                }
                if buy {
                    let (_, ask) = w.quote(m, o, t);
                    if ask > limit {
                        continue;
                    }
                    let amt = if by_usd { Amt::Usd(child_usd) } else { Amt::Sh(child_sh) };
                    if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt, ts: t, slip: 1 }) {
                        pos.add(m, o, tk.sz);
                    }
                } else {
                    let sz = left.min((child_sh * 100.0) as u32);
                    if sz < MIN_SZ {
                        break;
                    }
                    if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: false, amt: Amt::Sh(sz as f64 / 100.0), ts: t, slip: 1 }) {
                        pos.sub(m, o, tk.sz);
                        left = left.saturating_sub(tk.sz);
                    }
                }
            }
            last = Some((m, o));
        }
    }
}

fn feed_latency_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 3.0 * HOUR as f64);
        let lat = r.uniform(0.8, 3.5);
        let usd = r.lognormal(600.0, 0.6);
        let leagues: Vec<Cat> = {
            let mut l = vec![Cat::Nfl, Cat::Nba, Cat::Soccer, Cat::Nhl, Cat::Cfb, Cat::Tennis, Cat::Esports, Cat::Ufc, Cat::Election];
            r.shuffle(&mut l);
            l.truncate(r.range(2, 5) as usize);
            l
        };
        let catch = r.uniform(0.35, 0.7);
        let hold = r.chance(0.4);
        let mut pos = Pos::default();
        for e in &w.events {
            let mk = &w.markets[e.m];
            if !leagues.contains(&mk.cat) || !r.chance(catch) {
                continue;
            }
            let ts = e.ts + (lat * r.lognormal(1.0, 0.35)).round() as i64;
            if !up.up(ts) {
                continue;
            }
            let o = if e.dp > 0.0 { 0 } else { 1 };
            let (_, stale) = w.quote(e.m, o, e.ts - 30);
            let (_, fresh) = w.quote(e.m, o, ts);
            if fresh <= stale || stale > 97 {
                continue;
            }
            let c = stale;
            let sh = calc_sh(usd * r.uniform(0.8, 1.2) / (c as f64 / 100.0));
            let sz = ((sh * 100.0) as u32).min((w.markets[e.m].depth * 3.0 / (c as f64 / 100.0) * 100.0) as u32).max(MIN_SZ);
            if let Some(tx) = ex.fill_at(FillAt { w: id, m: e.m, o, buy: true, c, sz, ts, maker: false, tx: None }) {
                pos.add(e.m, o, sz);
                if r.chance(0.5) && c < 98 {
                    let extra = (sz as f64 * r.uniform(0.2, 0.6)) as u32;
                    if ex
                        .fill_at(FillAt { w: id, m: e.m, o, buy: true, c: c + 1, sz: extra.max(MIN_SZ), ts, maker: false, tx: Some(tx) })
                        .is_some()
                    {
                        pos.add(e.m, o, extra.max(MIN_SZ));
                    }
                }
                if !hold || r.chance(0.3) {
                    let t2 = ts + r.range(2 * MIN, 25 * MIN);
                    if up.up(t2) {
                        sell_all(ex, &mut pos, id, e.m, o, t2);
                    }
                }
            }
        }
    }
}

fn momentum_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool = liquid(w, 100);
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 4, 4.0 * HOUR as f64);
        let scan = *r.pick(&[60i64, 120, 180, 300]);
        let look = r.range(10, 40) * MIN;
        let thr = r.uniform(0.04, 0.09);
        let hold = r.range(30 * MIN, 8 * HOUR);
        let tp = r.uniform(0.04, 0.1);
        let usd = *r.pick(&[50.0, 100.0, 150.0, 250.0]);
        let mut book: Vec<usize> = (0..r.range(15, 45)).map(|_| pool[r.below(pool.len())]).collect();
        book.sort();
        book.dedup();
        let mut pos = Pos::default();
        for &m in &book {
            let mk = &w.markets[m];
            let a = mk.open.max(START + look);
            let b = mk.close.min(NOW - 1);
            let mut t = a - a.rem_euclid(scan) + scan;
            let mut entry: Option<(i64, u8, f64)> = None;
            while t < b {
                if up.up(t) {
                    match entry {
                        None => {
                            let mv = w.p(m, t) - w.p(m, t - look);
                            if mv.abs() >= thr && w.p(m, t) > 0.05 && w.p(m, t) < 0.95 {
                                let o = if mv > 0.0 { 0 } else { 1 };
                                let ts = t + r.range(1, 6);
                                if let Some(tk) = ex.take_lim(Tk { w: id, m, o, buy: true, amt: Amt::Usd(usd), ts, slip: 2 }) {
                                    pos.add(m, o, tk.sz);
                                    entry = Some((ts, o, w.po(m, o, ts)));
                                }
                            }
                        }
                        Some((te, o, p0)) => {
                            let now = w.po(m, o, t);
                            if t - te > hold || now > p0 + tp || now < p0 - tp * 0.8 {
                                sell_all(ex, &mut pos, id, m, o, t + r.range(1, 6));
                                entry = None;
                                t += look;
                            }
                        }
                    }
                }
                t += scan;
            }
        }
    }
}

fn wash_volume_farmer(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    let pool: Vec<usize> = liquid(w, 200);
    let mut i = 0;
    while i < ws.len() {
        let pair = if i + 1 < ws.len() && ws.len() - i != 3 { Some((ws[i], ws[i + 1])) } else { None };
        let solo = ws[i];
        i += if pair.is_some() { 2 } else { 1 };
        let mut r = rng.fork(solo as u64);
        let up = Up::new(&mut r, 3, 6.0 * HOUR as f64);
        let size = *r.pick(&[100.0, 200.0, 500.0, 1000.0]);
        let days: Vec<i64> = (0..30).filter(|_| r.chance(0.55)).collect();
        for d in days {
            for _ in 0..r.range(1, 4) {
                let t0 = START + d * DAY + r.range(0, DAY);
                let c: Vec<usize> = pool.iter().copied().filter(|&m| w.tradable(m, t0) && w.tradable(m, t0 + HOUR)).collect();
                if c.is_empty() {
                    continue;
                }
                let m = c[r.below(c.len())];
                let mut t = t0;
                for _ in 0..r.range(3, 14) {
                    t += r.range(20, 150);
                    if !up.up(t) || !w.tradable(m, t + 400) {
                        break;
                    }
                    let o = r.below(2) as u8;
                    let sz = ((size + r.range(-3, 4) as f64 * if r.chance(0.5) { 0.01 } else { 1.0 }) * 100.0) as u32;
                    let (bid, ask) = w.quote(m, o, t);
                    match pair {
                        Some((a, b)) => {
                            let c = ((bid as u32 + ask as u32) / 2) as u8;
                            let (x, y) = if r.chance(0.5) { (a, b) } else { (b, a) };
                            let tx = ex.new_tx();
                            if ex.raw(Fill { w: x, m: m as u32, o, buy: true, c, sz, ts: t, tx }) {
                                ex.raw(Fill { w: y, m: m as u32, o, buy: false, c, sz, ts: t, tx });
                            }
                            let t2 = t + r.range(5, 200);
                            let (b2, a2) = w.quote(m, o, t2);
                            let c2 = ((b2 as u32 + a2 as u32) / 2) as u8;
                            let tx2 = ex.new_tx();
                            if ex.raw(Fill { w: y, m: m as u32, o, buy: true, c: c2, sz, ts: t2, tx: tx2 }) {
                                ex.raw(Fill { w: x, m: m as u32, o, buy: false, c: c2, sz, ts: t2, tx: tx2 });
                            }
                            t = t2;
                        }
                        None => {
                            let _ = (bid, ask);
                            if let Some(tk) = ex.take_lim(Tk { w: solo, m, o, buy: true, amt: Amt::Sh(sz as f64 / 100.0), ts: t, slip: 1 })
                            {
                                let t2 = t + r.range(3, 120);
                                ex.take_lim(Tk { w: solo, m, o, buy: false, amt: Amt::Sh(tk.sz as f64 / 100.0), ts: t2, slip: 2 });
                                t = t2;
                            }
                        }
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ hard: programs at a human pace

fn hard_slow_model_trader(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let bank = r.lognormal(3_000.0, 0.6);
        let unit = *r.pick(&[5.0, 10.0]);
        let mut pos = Pos::default();
        for day in 0..30 {
            if life.away[day as usize] || r.chance(0.15) {
                continue;
            }
            // the operator's laptop runs it a few times while they are up
            let runs = r.range(2, 6);
            for t in life.day_times(&mut r, day, runs) {
                let mut c: Vec<usize> = (0..w.markets.len()).filter(|&m| w.markets[m].cat.is_longform() && w.tradable(m, t)).collect();
                c.extend(w.games.iter().copied().filter(|&m| w.tradable(m, t) && w.markets[m].live.is_some_and(|l| l.0 > t)));
                r.shuffle(&mut c);
                let mut tt = t + r.range(5, 90);
                let mut done = 0;
                for m in c.into_iter().take(30) {
                    let now = w.p(m, tt);
                    let fut = w.p(m, (tt + 2 * DAY).min(w.markets[m].close - 1));
                    let model = fut + 0.06 * r.normal();
                    let edge = model - now;
                    if edge.abs() < 0.06 || !(0.05..=0.95).contains(&now) {
                        continue;
                    }
                    let o = if edge > 0.0 { 0 } else { 1 };
                    if pos.get(m, 1 - o) >= MIN_SZ {
                        sell_all(ex, &mut pos, id, m, 1 - o, tt);
                    } else {
                        let kelly = (edge.abs() / (1.0 - w.po(m, o, tt))).min(0.25) * 0.25;
                        let usd = ((bank * kelly) / unit).round().max(1.0) * unit;
                        if let Some(tk) = ex.take(id, m, o, true, Amt::Usd(usd), tt) {
                            pos.add(m, o, tk.sz);
                        }
                    }
                    done += 1;
                    tt += r.range(20, 400);
                    if done >= r.range(1, 4) {
                        break;
                    }
                }
            }
        }
    }
}

fn hard_llm_news_agent(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let up = Up::new(&mut r, 6, 8.0 * HOUR as f64);
        let rate = r.uniform(0.12, 0.35);
        let poll = *r.pick(&[180i64, 300, 600, 900]);
        let mut pos = Pos::default();
        let amounts = [25.0, 50.0, 50.0, 75.0, 100.0, 150.0, 200.0];
        for e in &w.events {
            let mk = &w.markets[e.m];
            if !matches!(mk.cat, Cat::Politics | Cat::News | Cat::Macro | Cat::Culture | Cat::Election | Cat::CryptoStrike)
                || !r.chance(rate)
            {
                continue;
            }
            // headline shows up on the next poll, then the model thinks it over
            let ts = e.ts + r.range(0, poll) + r.range(20, 180) + r.lognormal(120.0, 0.8) as i64;
            if !up.up(ts) {
                continue;
            }
            let up_o = if e.dp > 0.0 { 0 } else { 1 };
            let o = if r.chance(0.8) { up_o } else { 1 - up_o };
            if pos.get(e.m, 1 - o) >= MIN_SZ && r.chance(0.7) {
                sell_all(ex, &mut pos, id, e.m, 1 - o, ts);
                continue;
            }
            let usd = amounts[r.below(amounts.len())];
            if r.chance(0.25) {
                let (bid, _) = w.quote(e.m, o, ts);
                let f = ex.rest(
                    &Order {
                        w: id,
                        m: e.m,
                        side_o: o,
                        buy: true,
                        c: bid,
                        sh: (usd / (bid as f64 / 100.0)).round(),
                        from: ts,
                        until: ts + 6 * HOUR,
                    },
                    &mut r,
                );
                pos.add(e.m, o, f.iter().map(|x| x.1).sum());
            } else if let Some(tk) = ex.take(id, e.m, o, true, Amt::Usd(usd), ts) {
                pos.add(e.m, o, tk.sz);
            }
        }
    }
}

fn hard_pregame_model_bettor(ex: &mut Ex, rng: &mut Rng, ws: &[u32], _: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::us(&mut r);
        let hour = r.uniform(9.0, 13.0);
        let bank = r.lognormal(2_000.0, 0.6);
        let leagues: Vec<Cat> = {
            let mut l = vec![Cat::Nfl, Cat::Nba, Cat::Nhl, Cat::Cfb, Cat::Soccer];
            r.shuffle(&mut l);
            l.truncate(r.range(1, 4) as usize);
            l
        };
        let mut pos = Pos::default();
        for day in 0..30 {
            if r.chance(0.15) {
                continue;
            }
            let mut t = life.at(day, hour) + r.range(-30 * MIN, 100 * MIN);
            let games: Vec<usize> = w
                .games
                .iter()
                .copied()
                .filter(|&m| {
                    leagues.contains(&w.markets[m].cat) && w.markets[m].live.is_some_and(|l| l.0 > t + HOUR && l.0 < t + 16 * HOUR)
                })
                .collect();
            for m in games {
                t += r.range(30, 6 * MIN);
                let win = w.markets[m].winner.unwrap_or(0);
                let now = w.p(m, t);
                let model = if r.chance(0.58) { if win == 0 { now + 0.07 } else { now - 0.07 } } else { now + 0.07 * r.normal() };
                let edge = model - now;
                if edge.abs() < 0.03 {
                    continue;
                }
                let o = if edge > 0.0 { 0 } else { 1 };
                let q = w.po(m, o, t);
                let kelly = (edge.abs() / (1.0 - q)).min(0.2) * 0.3;
                let usd = ((bank * kelly) / 5.0).round().max(2.0) * 5.0;
                if let Some(tk) = ex.take(id, m, o, true, Amt::Usd(usd), t) {
                    pos.add(m, o, tk.sz);
                }
            }
        }
    }
}

fn hard_slow_copy_bot(ex: &mut Ex, rng: &mut Rng, ws: &[u32], ld: &Leaders) {
    let w = ex.world;
    for &id in ws {
        let mut r = rng.fork(id as u64);
        let life = Life::anywhere(&mut r);
        let mut leaders: Vec<usize> = (0..ld.trades.len()).filter(|&k| !ld.crypto[k]).collect();
        r.shuffle(&mut leaders);
        leaders.truncate(r.range(1, 3) as usize);
        let skip = r.uniform(0.25, 0.5);
        let mut pos = Pos::default();
        let mut all: Vec<LTrade> = leaders.iter().flat_map(|&k| ld.trades[k].iter().copied()).collect();
        all.sort_by_key(|x| x.ts);
        for lt in all {
            if r.chance(skip) {
                continue;
            }
            let mut ts = lt.ts + r.range(2 * MIN, 25 * MIN);
            let h = life.hour(ts);
            if !(8.0..24.0).contains(&h) {
                // queued overnight, sent after the operator's morning start
                let day = life.day(ts) + if h >= 8.0 { 1 } else { 0 };
                ts = life.at(day, 8.0) + r.range(10 * MIN, 90 * MIN);
            }
            if !w.tradable(lt.m, ts) {
                continue;
            }
            if lt.buy {
                let notional = lt.sh * lt.c as f64 / 100.0;
                let usd = if notional < 500.0 {
                    10.0
                } else if notional < 2_000.0 {
                    25.0
                } else if notional < 8_000.0 {
                    50.0
                } else {
                    100.0
                };
                let usd = if r.chance(0.2) { round_usd(&mut r, usd) } else { usd };
                if let Some(tk) = ex.take(id, lt.m, lt.o, true, Amt::Usd(usd), ts) {
                    pos.add(lt.m, lt.o, tk.sz);
                }
            } else if r.chance(0.6) {
                sell_all(ex, &mut pos, id, lt.m, lt.o, ts);
            }
        }
    }
}
