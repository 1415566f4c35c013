//! Programs: each function writes one bot's month of orders the way such bots are built.

use super::engine::{Gen, Pos};
use super::people::{Ctx, games_of, secs, team_pick};
use super::persona::{Persona, Region, nice_usd};
use super::rng::Rng;
use super::world::{Cat, DAY, HOUR, League, MIN, Model, NOW, START, World, phi};

/// Periods a bot was down (deploys, crashes, rate limits).
fn downtime(rng: &mut Rng, max_gaps: usize, median_h: f64) -> Vec<(i64, i64)> {
    (0..rng.idx(max_gaps + 1))
        .map(|_| {
            let a = rng.range(START, NOW);
            (a, a + secs(rng, median_h * HOUR as f64, 0.8))
        })
        .collect()
}

fn up(gaps: &[(i64, i64)], t: i64) -> bool {
    !gaps.iter().any(|&(a, b)| t >= a && t < b)
}

fn usd_sh(usd: f64, c: i64) -> i64 {
    ((usd * 100.0 / c as f64) * 100.0).floor() as i64
}

/// Market markets it quotes, by focus.
fn mm_universe(world: &World, rng: &mut Rng, focus: usize) -> Vec<usize> {
    let pick = |rng: &mut Rng, cats: &[Cat], n: usize| -> Vec<usize> {
        let mut all: Vec<usize> = cats
            .iter()
            .flat_map(|c| world.by_cat[*c as usize].iter().copied())
            .filter(|&m| world.markets[m].close > START + DAY && world.markets[m].open < NOW - DAY)
            .collect();
        rng.shuffle(&mut all);
        all.truncate(n);
        all
    };
    match focus {
        0 => {
            let n = 6 + rng.idx(25);
            pick(rng, &[Cat::Politics, Cat::News, Cat::Econ], n)
        }
        1 => {
            let leagues =
                [[League::Nfl, League::Cfb], [League::Mlb, League::Wnba], [League::Epl, League::Ucl], [League::Tennis, League::Mls]]
                    [rng.idx(4)];
            let mut v: Vec<usize> = games_of(world, &leagues).into_iter().flat_map(|g| world.games[g].markets.clone()).collect();
            rng.shuffle(&mut v);
            v.truncate(20 + rng.idx(80));
            v
        }
        2 => {
            let s = &world.ud[rng.idx(2)];
            s.markets.clone()
        }
        3 => {
            let n = 60 + rng.idx(200);
            pick(rng, &[Cat::Weather], n)
        }
        4 => {
            let n = 10 + rng.idx(40);
            pick(rng, &[Cat::Culture, Cat::Mention], n)
        }
        _ => {
            let n = 30 + rng.idx(100);
            pick(rng, &[Cat::Above], n)
        }
    }
}

/// How busy a market is at `t`, relative to a quiet hour.
fn activity(world: &World, m: usize, t: i64) -> f64 {
    let mk = &world.markets[m];
    if t >= mk.decided {
        return 0.2;
    }
    if world.in_play(m, t).is_some() {
        return 6.0;
    }
    match mk.model {
        Model::UpDown { start, .. } if t >= start => 4.0,
        Model::UpDown { .. } => 0.3,
        _ => 1.0,
    }
}

pub fn market_maker_quoter(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let focus = rng.idx(6);
    let ms = mm_universe(world, rng, focus);
    let clip = [20, 50, 100, 100, 150, 200, 250, 500, 1000][rng.idx(9)] as i64 * 100;
    let target = rng.lognorm(750.0, 0.6).clamp(250.0, 2600.0);
    let gaps = downtime(rng, 2, 3.0);
    let limit = clip * rng.range(4, 12);
    let full_p = rng.uni(0.25, 0.6);
    // Expected busy-hours to scale the fill rate to the target.
    let chunk = 30 * MIN;
    let mut slots: Vec<(usize, i64, f64)> = vec![];
    let mut total = 0.0;
    for &m in &ms {
        let mk = &world.markets[m];
        let mut t = mk.open.max(START + 1);
        while t < mk.close.min(NOW) {
            let a = activity(world, m, t) * mk.pop.sqrt();
            slots.push((m, t, a));
            total += a * 0.5;
            t += chunk;
        }
    }
    if total <= 0.0 {
        return;
    }
    let per_hour = target / total;
    let mut inv = Pos::default();
    for (m, t0, a) in slots {
        let n = rng.poisson(per_hour * a * 0.5);
        let mut ts: Vec<i64> = (0..n).map(|_| t0 + rng.range(0, chunk)).collect();
        ts.sort();
        for t in ts {
            if !up(&gaps, t) {
                continue;
            }
            let o = rng.idx(2) as u8;
            let held = inv.get(m, o);
            let p_buy = (0.5 - held as f64 / (4.0 * limit as f64)).clamp(0.1, 0.9);
            let buy = rng.chance(p_buy);
            let (bid, ask) = world.book(m, o, t);
            let sh = if rng.chance(full_p) { clip } else { ((clip as f64 * rng.uni(0.08, 1.0)) as i64).max(500) };
            if buy {
                if g.maker(w, m, o, true, t, bid, sh) {
                    inv.add(m, o, sh);
                }
            } else if g.maker(w, m, o, false, t, ask, sh) {
                inv.take(m, o, sh);
            }
        }
    }
}

pub fn resolution_sniper(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let world = g.world;
    let all = [Cat::Sports, Cat::Weather, Cat::Mention, Cat::Econ, Cat::Politics, Cat::Culture, Cat::News];
    let mut cats: Vec<Cat> = all.iter().copied().filter(|_| rng.chance(0.55)).collect();
    if cats.is_empty() {
        cats.push(Cat::Sports);
    }
    let poll = [1, 2, 5, 10, 30, 60][rng.idx(6)] as i64;
    let usd = [500.0, 1000.0, 2000.0, 5000.0, 10_000.0][rng.idx(5)];
    let fixed_sh = if rng.chance(0.3) { Some([1000, 2000, 5000][rng.idx(3)] as i64 * 100) } else { None };
    let part = rng.uni(0.25, 0.8);
    let sweeps = rng.uni(0.1, 0.5);
    let updown = rng.chance(0.35);
    let inplay = rng.chance(0.5);
    let min_q = rng.uni(0.94, 0.97);
    let gaps = downtime(rng, 2, 2.0);
    for &(dt, m) in &ctx.decided {
        let mk = &world.markets[m];
        if !cats.contains(&mk.cat) || !rng.chance(part) {
            continue;
        }
        let o = mk.winner.unwrap_or(0);
        let mut t = dt + rng.range(0, poll) + rng.range(1, 15);
        if !up(&gaps, t) {
            continue;
        }
        for k in 0..4 {
            if k > 0 && !rng.chance(sweeps) {
                break;
            }
            let c = world.ask(m, o, t);
            if c > 99 {
                break;
            }
            let sh = fixed_sh.unwrap_or_else(|| usd_sh(usd, c));
            g.take_at(w, m, o, true, t, c, sh);
            t += poll * rng.range(1, 6);
        }
    }
    if inplay {
        for gi in 0..world.games.len() {
            let game = &world.games[gi];
            if !cats.contains(&Cat::Sports) || game.end <= START || game.end > NOW || !rng.chance(part) {
                continue;
            }
            let mut t = game.start + ((game.end - game.start) as f64 * 0.9) as i64;
            t -= t % poll;
            while t < game.end {
                let side = if world.prob(game.markets[0], 0, t) >= 0.5 { 0 } else { 1 };
                let (m, o) = team_pick(world, gi, side);
                let q = world.prob(m, o, t);
                if q >= min_q && up(&gaps, t) {
                    let c = world.ask(m, o, t);
                    g.take_at(w, m, o, true, t + rng.range(0, 2), c, fixed_sh.unwrap_or_else(|| usd_sh(usd * 0.5, c)));
                    break;
                }
                t += poll.max(30);
            }
        }
    }
    if updown {
        let s = &world.ud[0];
        let lead = rng.range(3, 25);
        for &m in &s.markets {
            let Some((_, st, len)) = world.window(m) else { continue };
            let t = st + len - lead;
            if t <= START || t > NOW || !rng.chance(0.3) || !up(&gaps, t) {
                continue;
            }
            let o = if world.prob(m, 0, t) >= 0.5 { 0 } else { 1 };
            if world.prob(m, o, t) >= 0.985 {
                let c = world.ask(m, o, t);
                g.take_at(w, m, o, true, t, c, fixed_sh.map(|x| x / 5).unwrap_or_else(|| usd_sh(usd * 0.2, c)));
            }
        }
    }
}

pub fn crypto_updown_momentum_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    // ud series: 0 btc15, 1 eth15, 2 btc1h, 3 eth1h, 4 sol1h
    let mut series: Vec<usize> = vec![[0, 0, 1, 2, 3, 4][rng.idx(6)]];
    if rng.chance(0.5) {
        let s2 = [2, 3, 4, 1][rng.idx(4)];
        if !series.contains(&s2) && !(series[0] <= 1 && s2 <= 1) {
            series.push(s2);
        }
    }
    let before = rng.range(8, 150);
    let poll = [1, 1, 2, 5][rng.idx(4)] as i64;
    let z = rng.uni(0.7, 1.8);
    let max_c = rng.range(85, 98);
    let fixed_sh = if rng.chance(0.6) { Some([10, 20, 25, 50, 100, 200][rng.idx(6)] as i64 * 100) } else { None };
    let usd = [5.0, 10.0, 25.0, 50.0][rng.idx(4)];
    let second = rng.uni(0.0, 0.3);
    let gaps = downtime(rng, 3, 8.0);
    let take = rng.uni(0.5, 1.0);
    for &si in &series {
        let s = &world.ud[si];
        for &m in &s.markets {
            let Some((_, st, len)) = world.window(m) else { continue };
            let t = st + len - before + rng.range(0, poll);
            if t <= START || t > NOW || !up(&gaps, t) || !rng.chance(take) {
                continue;
            }
            let o = if world.prob(m, 0, t) >= 0.5 { 0 } else { 1 };
            if world.prob(m, o, t) < phi(z) {
                continue;
            }
            let c = world.ask(m, o, t);
            if c > max_c {
                continue;
            }
            let sh = fixed_sh.unwrap_or_else(|| usd_sh(usd, c));
            g.take_at(w, m, o, true, t, c, sh);
            if rng.chance(second) {
                let t2 = t + before / 2;
                let c2 = world.ask(m, o, t2);
                if c2 <= max_c {
                    g.take_at(w, m, o, true, t2, c2, sh);
                }
            }
        }
    }
}

pub fn negrisk_bracket_arb(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let rate = rng.uni(0.12, 0.7); // episodes per group-day
    let edge = rng.range(1, 4);
    let n_sh = [50, 100, 100, 200, 250, 500][rng.idx(6)] as i64 * 100;
    let sell_side = rng.uni(0.0, 0.4);
    let kinds: Vec<Cat> =
        [Cat::Weather, Cat::Econ, Cat::Culture, Cat::Politics, Cat::Sports].iter().copied().filter(|_| rng.chance(0.6)).collect();
    let kinds = if kinds.is_empty() { vec![Cat::Weather] } else { kinds };
    for grp in &world.groups {
        if !kinds.contains(&grp.cat) || grp.markets.len() < 3 {
            continue;
        }
        let open = world.markets[grp.markets[0]].open.max(START + 1);
        let end = grp.close.min(NOW);
        if end <= open {
            continue;
        }
        let days = (end - open) as f64 / DAY as f64;
        for _ in 0..rng.poisson(rate * days.min(20.0)) {
            let t = rng.range(open, end);
            if t >= grp.decided {
                continue;
            }
            let buy = !rng.chance(sell_side);
            let mut px: Vec<i64> = grp.markets.iter().map(|&m| if buy { world.ask(m, 0, t) } else { world.bid(m, 0, t) }).collect();
            let bids: Vec<i64> = grp.markets.iter().map(|&m| world.bid(m, 0, t)).collect();
            let asks: Vec<i64> = grp.markets.iter().map(|&m| world.ask(m, 0, t)).collect();
            // A stale level somewhere makes the set cheap (or rich) for a moment.
            let mut ok = true;
            for _ in 0..20 {
                let s: i64 = px.iter().sum();
                if buy && s <= 100 - edge || !buy && s >= 100 + edge {
                    break;
                }
                let j = rng.idx(px.len());
                if buy && px[j] > bids[j].max(1) {
                    px[j] -= 1;
                } else if !buy && px[j] < asks[j].min(99) {
                    px[j] += 1;
                }
            }
            let s: i64 = px.iter().sum();
            if buy && s > 100 - edge || !buy && s < 100 + edge {
                ok = false;
            }
            if !ok {
                continue;
            }
            let mut tt = t;
            for (j, &m) in grp.markets.iter().enumerate() {
                g.take_at(w, m, 0, buy, tt, px[j], n_sh);
                tt += rng.range(0, 2);
            }
        }
    }
}

pub fn complement_pair_arb(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let per_day = rng.uni(3.0, 14.0);
    let edge = rng.range(1, 4);
    let n_sh = [20, 50, 100, 100, 200, 300][rng.idx(6)] as i64 * 100;
    let use_ud = rng.chance(0.6);
    let gaps = downtime(rng, 2, 4.0);
    let n = rng.poisson(per_day * 30.0);
    for _ in 0..n {
        let t = rng.range(START + 1, NOW);
        if !up(&gaps, t) {
            continue;
        }
        let live: Vec<usize> = if use_ud && rng.chance(0.6) {
            [world.updown(0, 15 * MIN, t), world.updown(1, 15 * MIN, t), world.updown(0, HOUR, t)]
                .into_iter()
                .flatten()
                .filter(|&m| world.tradable(m, t))
                .collect()
        } else {
            world.live(Cat::Sports, t).into_iter().filter(|&m| world.in_play(m, t).is_some()).collect()
        };
        if live.is_empty() {
            continue;
        }
        let m = live[rng.idx(live.len())];
        let a0 = world.ask(m, 0, t);
        let a1 = world.ask(m, 1, t);
        let total = 100 - edge;
        let mut p0 = (world.prob(m, 0, t) * 100.0).round() as i64;
        p0 = p0.clamp(2, 97).min(a0);
        let p1 = total - p0;
        if !(1..=99).contains(&p1) || p1 > a1 {
            continue;
        }
        g.take_at(w, m, 0, true, t, p0, n_sh);
        g.take_at(w, m, 1, true, t + rng.range(0, 2), p1, n_sh);
    }
}

pub fn copy_trade_bot(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let (_, log) = &ctx.leaders[rng.idx(ctx.leaders.len())];
    let poll = [1, 2, 3, 5, 10, 15, 30][rng.idx(7)] as i64;
    let latency = rng.range(1, 4);
    let mode = rng.idx(3);
    let ratio = rng.uni(0.01, 0.25);
    let fixed_usd = [10.0, 20.0, 25.0, 50.0, 100.0][rng.idx(5)];
    let fixed_sh = [10, 20, 50, 100][rng.idx(4)] as i64 * 100;
    let max_c = if rng.chance(0.5) { rng.range(90, 99) } else { 99 };
    let gaps = downtime(rng, 2, 5.0);
    let mut pos = Pos::default();
    let mut lpos = Pos::default();
    for it in log {
        let (m, o) = (it.m as usize, it.o);
        let before = lpos.get(m, o);
        if it.buy {
            lpos.add(m, o, it.sh);
        } else {
            lpos.take(m, o, it.sh);
        }
        let t = it.t + rng.range(0, poll) + latency;
        if !up(&gaps, t) {
            continue;
        }
        if it.buy {
            let c = g.world.ask(m, o, t);
            if c > max_c {
                continue;
            }
            let sh = match mode {
                0 => ((it.sh as f64 * ratio) as i64).max(500),
                1 => usd_sh(fixed_usd, c),
                _ => fixed_sh,
            };
            if g.buy(w, m, o, t, sh) {
                pos.add(m, o, sh);
            }
        } else {
            let mine = pos.get(m, o);
            if mine < 500 {
                continue;
            }
            let frac = if before > 0 { (it.sh as f64 / before as f64).min(1.0) } else { 1.0 };
            let q = if frac > 0.95 { mine } else { ((mine as f64 * frac) as i64).max(500).min(mine) };
            if g.sell(w, m, o, t, q) {
                pos.take(m, o, q);
            }
        }
    }
}

pub fn news_reaction_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let cats: Vec<Cat> = [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture].iter().copied().filter(|_| rng.chance(0.7)).collect();
    let cats = if cats.is_empty() { vec![Cat::News] } else { cats };
    let thresh = rng.uni(0.25, 0.6);
    let lat = rng.range(1, 6);
    let usd = [250.0, 500.0, 1000.0, 2000.0][rng.idx(4)];
    let hold = [Some(5 * MIN), Some(15 * MIN), Some(30 * MIN), Some(HOUR), None][rng.idx(5)];
    let sweeps = rng.idx(3);
    let mentions = rng.chance(0.5);
    let releases = rng.chance(0.6);
    for n in &world.news {
        if n.dx.abs() < thresh || !cats.contains(&world.markets[n.m].cat) {
            continue;
        }
        let o = if n.dx > 0.0 { 0 } else { 1 };
        let mut t = n.t + lat + rng.range(0, 2);
        let mut held = 0;
        for _ in 0..=sweeps {
            let c = world.ask(n.m, o, t);
            if c > 95 {
                break;
            }
            let sh = usd_sh(usd, c);
            if g.take_at(w, n.m, o, true, t, c, sh) {
                held += sh;
            }
            t += rng.range(1, 3);
        }
        if let Some(h) = hold {
            if held >= 500 {
                g.sell(w, n.m, o, t + h + rng.range(0, 3), held);
            }
        }
    }
    if releases {
        for rel in &world.releases {
            let grp = &world.groups[rel.group];
            if grp.cat != Cat::Econ {
                continue;
            }
            if let Some(&m) = grp.markets.iter().find(|&&m| world.markets[m].winner == Some(0)) {
                let t = rel.t + lat + rng.range(0, 2);
                let c = world.ask(m, 0, t);
                if c <= 97 {
                    g.take_at(w, m, 0, true, t, c, usd_sh(usd, c));
                }
            }
        }
    }
    if mentions {
        for sp in &world.speeches {
            for &(ts, m) in &sp.said {
                let t = ts + lat + rng.range(1, 4);
                let c = world.ask(m, 0, t);
                if c <= 98 {
                    g.take_at(w, m, 0, true, t, c, usd_sh(usd * 0.5, c));
                }
            }
        }
    }
}

pub fn sports_feed_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let all = [League::Nfl, League::Cfb, League::Mlb, League::Wnba, League::Epl, League::Ucl, League::Mls, League::Tennis];
    let mut leagues: Vec<League> = all.iter().copied().filter(|_| rng.chance(0.35)).collect();
    if leagues.is_empty() {
        leagues.push(League::Mlb);
    }
    let lat = rng.range(1, 5);
    let n_sh = [25, 50, 100, 200, 500][rng.idx(5)] as i64 * 100;
    let hold = [60, 120, 300, 600][rng.idx(4)] as i64;
    let thresh = rng.uni(0.04, 0.1);
    let gaps = downtime(rng, 2, 6.0);
    let part = rng.uni(0.15, 0.5);
    leagues.truncate(1 + rng.idx(2));
    for gi in games_of(world, &leagues) {
        let game = &world.games[gi];
        let mut open: Option<(usize, u8, i64)> = None;
        for &(te, side, _) in &game.scores {
            if te <= START || te > NOW || !up(&gaps, te) || !rng.chance(part) {
                continue;
            }
            let t = te + lat;
            if let Some((m, o, since)) = open.take() {
                g.sell(w, m, o, (since + hold).min(t - 1), n_sh);
            }
            let (m, o) = team_pick(world, gi, side);
            let moved = world.prob(m, o, te + 31) - world.prob(m, o, te - 31);
            if moved < thresh {
                continue;
            }
            let c = world.ask(m, o, t);
            if !(5..=94).contains(&c) {
                continue;
            }
            if g.take_at(w, m, o, true, t, c, n_sh) {
                open = Some((m, o, t));
            }
        }
        if let Some((m, o, since)) = open {
            g.sell(w, m, o, since + hold, n_sh);
        }
    }
}

pub fn twap_slicer_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let interval = [20, 30, 60, 60, 120, 300][rng.idx(6)] as i64;
    let jitter = rng.range(0, 3);
    let child = [50, 100, 200, 250, 500][rng.idx(5)] as i64 * 100;
    let mut held: Vec<(usize, u8, i64)> = vec![];
    for _ in 0..(3 + rng.idx(6)) {
        let t0 = rng.range(START + HOUR, NOW - 6 * HOUR);
        let unwind = !held.is_empty() && rng.chance(0.35);
        let (m, o, buy, n) = if unwind {
            let (m, o, q) = held.remove(rng.idx(held.len()));
            (m, o, false, (q / child) as usize)
        } else {
            let cats = [Cat::Politics, Cat::Econ, Cat::News, Cat::Sports];
            let cat = cats[rng.idx(cats.len())];
            let live: Vec<usize> = world.live(cat, t0).into_iter().filter(|&m| world.markets[m].close > t0 + 12 * HOUR).collect();
            let Some(m) = world.pick_pop(rng, &live) else { continue };
            let o = if world.prob(m, 0, t0) >= 0.5 { 0 } else { 1 };
            (m, o, true, 20 + rng.idx(130))
        };
        let mut t = t0;
        let mut done = 0;
        for _ in 0..n {
            let ok = if buy { g.buy(w, m, o, t, child) } else { g.sell(w, m, o, t, child) };
            if ok {
                done += 1;
            }
            t += interval + rng.range(-jitter, jitter + 1);
        }
        if buy && done > 0 {
            held.push((m, o, done as i64 * child));
        }
    }
}

pub fn grid_ladder_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let step = rng.range(1, 4);
    let n_sh = [25, 50, 100, 200, 500][rng.idx(5)] as i64 * 100;
    let max_inv = rng.range(4, 12);
    let mut live: Vec<usize> = [Cat::Politics, Cat::News, Cat::Culture, Cat::Econ]
        .iter()
        .flat_map(|c| world.by_cat[*c as usize].iter().copied())
        .filter(|&m| world.markets[m].open < START && world.markets[m].close > NOW && world.markets[m].decided > NOW)
        .collect();
    rng.shuffle(&mut live);
    let k = 1 + rng.idx(4);
    for &m in live.iter().take(k) {
        let o = if rng.chance(0.5) { 0 } else { 1 };
        let mut last = world.prob(m, o, START + 1) * 100.0;
        let mut inv = 0i64;
        let mut t = START + 60;
        while t <= NOW {
            let now = world.prob(m, o, t) * 100.0;
            if (now - last).abs() >= 0.5 {
                let (lo, hi) = if now < last { (now, last) } else { (last, now) };
                let mut r = ((lo / step as f64).ceil() as i64) * step;
                while (r as f64) <= hi && r >= 1 && r <= 99 {
                    let at = t + rng.range(0, 60);
                    if now < last && inv < max_inv {
                        if g.maker(w, m, o, true, at, r, n_sh) {
                            inv += 1;
                        }
                    } else if now > last && inv > 0 && g.maker(w, m, o, false, at, r, n_sh) {
                        inv -= 1;
                    }
                    r += step;
                }
                last = now;
            }
            t += 60;
        }
    }
}

pub fn hourly_cron_rebalancer(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let period = [HOUR, HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR][rng.idx(5)];
    let offset = [0, 0, 5 * MIN, 15 * MIN, 30 * MIN][rng.idx(5)];
    let latency = rng.range(1, 10);
    let mut ms: Vec<usize> = [Cat::Politics, Cat::Econ, Cat::News, Cat::Culture]
        .iter()
        .flat_map(|c| world.by_cat[*c as usize].iter().copied())
        .filter(|&m| world.markets[m].open < START && world.markets[m].close > NOW && world.markets[m].decided > NOW)
        .collect();
    rng.shuffle(&mut ms);
    ms.truncate(3 + rng.idx(6));
    let bias: Vec<f64> = ms.iter().map(|_| rng.gauss(0.0, 0.05)).collect();
    let scale = rng.uni(2000.0, 20_000.0); // shares per unit of edge
    let min_trade = rng.range(10, 40) * 100;
    let mut pos: Vec<i64> = vec![0; ms.len()]; // + yes, - no (hundredths)
    let mut tick = (START / period + 1) * period + offset;
    let gaps = downtime(rng, 2, 3.0);
    let alpha = period as f64 / (rng.uni(1.0, 4.0) * DAY as f64);
    let mut ema: Vec<f64> = ms.iter().map(|&m| world.prob(m, 0, tick)).collect();
    while tick <= NOW {
        for (i, &m) in ms.iter().enumerate() {
            ema[i] += alpha * (world.prob(m, 0, tick) - ema[i]);
        }
        if up(&gaps, tick) {
            let mut t = tick + latency;
            for (i, &m) in ms.iter().enumerate() {
                let p = world.prob(m, 0, tick);
                let target = (((ema[i] + bias[i]).clamp(0.01, 0.99) - p) * scale * 100.0) as i64;
                let target = target.clamp(-(scale as i64) * 20, (scale as i64) * 20);
                let diff = target - pos[i];
                if diff.abs() < min_trade {
                    continue;
                }
                // Positive diff: buy yes or sell no held; negative: buy no or sell yes held.
                let ok = if diff > 0 {
                    if pos[i] < 0 {
                        let q = diff.min(-pos[i]);
                        g.sell(w, m, 1, t, q) && {
                            pos[i] += q;
                            true
                        }
                    } else {
                        g.buy(w, m, 0, t, diff) && {
                            pos[i] += diff;
                            true
                        }
                    }
                } else if pos[i] > 0 {
                    let q = (-diff).min(pos[i]);
                    g.sell(w, m, 0, t, q) && {
                        pos[i] -= q;
                        true
                    }
                } else {
                    g.buy(w, m, 1, t, -diff) && {
                        pos[i] += diff;
                        true
                    }
                };
                if ok {
                    t += rng.range(0, 2);
                }
            }
        }
        tick += period;
    }
}

pub fn weather_model_bot(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let mut cities: Vec<usize> = (0..4).filter(|_| rng.chance(0.6)).collect();
    if cities.is_empty() {
        cities.push(rng.idx(4));
    }
    let delay = rng.range(5 * MIN, 40 * MIN);
    let edge = rng.range(4, 11) as f64;
    let n_sh = [10, 20, 50, 100, 150][rng.idx(5)] as i64 * 100;
    let model_sd = rng.uni(0.03, 0.08);
    let mut pos = Pos::default();
    for &run in &world.model_runs {
        let t = run + delay + rng.range(-30, 31);
        if t <= START || t > NOW {
            continue;
        }
        for ev in world.weather.iter().filter(|e| cities.contains(&e.city) && e.day_start > t - DAY && e.day_start < t + DAY + 12 * HOUR) {
            let mut tt = t;
            for &m in &world.groups[ev.group].markets {
                if !world.tradable(m, tt) {
                    continue;
                }
                let model = (world.prob(m, 0, tt) + rng.gauss(0.0, model_sd)).clamp(0.0, 1.0) * 100.0;
                let (bid, ask) = world.book(m, 0, tt);
                let held = pos.get(m, 0);
                if model - ask as f64 >= edge {
                    if g.buy(w, m, 0, tt, n_sh) {
                        pos.add(m, 0, n_sh);
                        tt += rng.range(0, 2);
                    }
                } else if held >= 500 && bid as f64 - model >= edge && g.sell(w, m, 0, tt, held) {
                    pos.take(m, 0, held);
                    tt += rng.range(0, 2);
                }
            }
        }
    }
}

pub fn liquidity_reward_farmer(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let size = [20, 50, 100, 200][rng.idx(4)] as i64 * 100;
    let mut ms: Vec<usize> = [Cat::Politics, Cat::News, Cat::Culture, Cat::Econ, Cat::Above, Cat::Sports]
        .iter()
        .filter(|_| rng.chance(0.6))
        .flat_map(|c| world.by_cat[*c as usize].iter().copied())
        .filter(|&m| world.markets[m].close > START + DAY && world.markets[m].open < NOW - DAY)
        .collect();
    if ms.is_empty() {
        ms = world.by_cat[Cat::Politics as usize].clone();
    }
    rng.shuffle(&mut ms);
    ms.truncate(20 + rng.idx(60));
    let per_day = rng.uni(0.3, 1.6);
    let mut inv = Pos::default();
    for &m in &ms {
        let mk = &world.markets[m];
        let a = mk.open.max(START + 1);
        let b = mk.close.min(NOW).min(mk.decided);
        if b <= a {
            continue;
        }
        let n = rng.poisson(per_day * (b - a) as f64 / DAY as f64);
        let mut ts: Vec<i64> = (0..n).map(|_| rng.range(a, b)).collect();
        ts.sort();
        for t in ts {
            let o = rng.idx(2) as u8;
            let (bid, ask) = world.book(m, o, t);
            let sh = if rng.chance(0.7) { size } else { (size as f64 * rng.uni(0.1, 1.0)) as i64 };
            if rng.chance(0.5) {
                if g.maker(w, m, o, true, t, bid, sh) {
                    inv.add(m, o, sh);
                }
            } else if g.maker(w, m, o, false, t, ask, sh) {
                inv.take(m, o, sh);
            }
            if inv.get(m, o) > 4 * size {
                let q = inv.get(m, o);
                if g.sell(w, m, o, t + rng.range(2, 30), q) {
                    inv.take(m, o, q);
                }
            }
        }
    }
}

pub fn hard_humanlike_copier(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let (_, log) = &ctx.leaders[rng.idx(ctx.leaders.len())];
    let delay = rng.uni(3.0, 12.0) * MIN as f64;
    let skip = rng.uni(0.3, 0.5);
    let ratio = rng.uni(0.01, 0.05);
    let days_off: Vec<i64> = (0..31).filter(|_| rng.chance(0.1)).map(|d| p.midnight(START) + d * DAY).collect();
    let mut pos = Pos::default();
    let mut lpos = Pos::default();
    for it in log {
        let (m, o) = (it.m as usize, it.o);
        let before = lpos.get(m, o);
        if it.buy {
            lpos.add(m, o, it.sh);
        } else {
            lpos.take(m, o, it.sh);
        }
        let mut t = it.t + secs(rng, delay, 0.9);
        if !p.awake(t) {
            t = p.next_awake(rng, t) + secs(rng, 10.0 * MIN as f64, 0.9);
        }
        if days_off.contains(&p.midnight(t)) || t - it.t > 14 * HOUR {
            continue;
        }
        if it.buy {
            if rng.chance(skip) {
                continue;
            }
            let c = world.ask(m, o, t);
            let lusd = it.sh as f64 / 100.0 * c as f64 / 100.0;
            let usd = (lusd * ratio * rng.uni(0.9, 1.1)).round().clamp(5.0, 2000.0);
            let usd = if rng.chance(0.6) { nice_usd(usd) } else { usd };
            if let Some(sh) = g.buy_usd(w, m, o, t, usd) {
                pos.add(m, o, sh);
            }
        } else {
            let mine = pos.get(m, o);
            if mine >= 500 && rng.chance(0.8) {
                let frac = if before > 0 { it.sh as f64 / before as f64 } else { 1.0 };
                let q = if frac > 0.8 { mine } else { ((mine as f64 * frac) as i64).max(500).min(mine) };
                if g.sell(w, m, o, t + secs(rng, 5.0 * MIN as f64, 0.8), q) {
                    pos.take(m, o, q);
                }
            }
        }
    }
    let sessions = p.sessions(rng, 0.5);
    for _ in 0..rng.poisson(4.0) {
        if sessions.is_empty() {
            break;
        }
        let t = sessions[rng.idx(sessions.len())];
        if let Some(m) = super::people::any_live(world, rng, &[Cat::Politics, Cat::Sports, Cat::News], t) {
            let o = if world.prob(m, 0, t) >= 0.5 { 0 } else { 1 };
            g.buy_usd(w, m, o, t, nice_usd(rng.lognorm(40.0, 0.6)));
        }
    }
}

pub fn hard_session_scalper(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let p = Persona::random(rng);
    let mut watch: Vec<usize> = [Cat::Politics, Cat::News, Cat::Econ, Cat::Culture, Cat::Above]
        .iter()
        .flat_map(|c| world.by_cat[*c as usize].iter().copied())
        .filter(|&m| world.markets[m].close > START + 3 * DAY && world.markets[m].open < NOW - 3 * DAY)
        .collect();
    rng.shuffle(&mut watch);
    watch.truncate(8 + rng.idx(14));
    let trigger = rng.uni(0.02, 0.04);
    let unit = rng.lognorm(80.0, 0.5);
    let mut open: Vec<(usize, u8, i64, i64, f64)> = vec![];
    for s in p.sessions_u(rng, 1.0, 2.5) {
        let len = secs(rng, 80.0 * MIN as f64, 0.5);
        let mut t = s;
        let mut entries = 0;
        while t < s + len && t <= NOW {
            // Exits: reverted by two cents or timed out.
            let mut keep = vec![];
            for (m, o, sh, since, entry) in open.drain(..) {
                let q = world.prob(m, o, t);
                if (q - entry >= 0.02 || t - since > rng.range(10 * MIN, 40 * MIN)) && g.sell(w, m, o, t + rng.range(5, 90), sh) {
                    continue;
                }
                keep.push((m, o, sh, since, entry));
            }
            open = keep;
            if entries < 6 {
                for &m in &watch {
                    if !world.tradable(m, t) || open.iter().any(|x| x.0 == m) {
                        continue;
                    }
                    let mv = world.prob(m, 0, t) - world.prob(m, 0, t - 30 * MIN);
                    if mv.abs() >= trigger {
                        let o = if mv < 0.0 { 0 } else { 1 };
                        let te = t + rng.range(5, 90);
                        let usd = (rng.lognorm(unit, 0.5)).round().max(5.0);
                        if let Some(sh) = g.buy_usd(w, m, o, te, usd) {
                            open.push((m, o, sh, te, world.prob(m, o, te)));
                            entries += 1;
                        }
                        break;
                    }
                }
            }
            t += 60;
        }
        // Leftovers are closed at the end of the session.
        for (m, o, sh, _, _) in open.drain(..) {
            g.sell(w, m, o, s + len + rng.range(10, 300), sh);
        }
    }
}

pub fn hard_sleepy_sniper(g: &mut Gen, rng: &mut Rng, w: u32, ctx: &Ctx) {
    let world = g.world;
    let mut p = Persona::random(rng);
    p.office = false;
    p.wake = rng.uni(8.0, 10.0);
    p.bed = rng.uni(23.5, 25.0);
    let days: Vec<i64> = p.active_days(rng);
    let unit = rng.lognorm(600.0, 0.5);
    let cats = [Cat::Sports, Cat::Weather, Cat::Mention, Cat::Econ, Cat::Politics, Cat::Culture];
    let take = rng.uni(0.35, 0.6);
    for &(dt, m) in &ctx.decided {
        let mk = &world.markets[m];
        if !cats.contains(&mk.cat) {
            continue;
        }
        let t = dt + secs(rng, 90.0, 0.8) + rng.range(0, 60);
        if !p.awake(t) || !days.contains(&p.midnight(t)) || !rng.chance(take) {
            continue;
        }
        let o = mk.winner.unwrap_or(0);
        let c = world.ask(m, o, t);
        let usd = ((rng.lognorm(unit, 0.5) / 10.0).round() * 10.0).max(50.0);
        g.take_at(w, m, o, true, t, c, usd_sh(usd, c));
    }
}

pub fn hard_llm_agent(g: &mut Gen, rng: &mut Rng, w: u32, _ctx: &Ctx) {
    let world = g.world;
    let region = Region::random(rng);
    let off = region.offset();
    let start_h = rng.uni(6.0, 10.0);
    let end_h = rng.uni(22.0, 25.0);
    let menu = [25.0, 40.0, 50.0, 75.0, 100.0, 150.0];
    let cats = [Cat::Politics, Cat::News, Cat::Culture, Cat::Econ, Cat::Above, Cat::Sports];
    let mut pos: Vec<(usize, u8, i64, i64)> = vec![];
    let mut t = START + rng.range(0, 3 * HOUR);
    while t <= NOW {
        let lh = ((t + off).rem_euclid(DAY)) as f64 / HOUR as f64;
        let lh2 = if lh < start_h { lh + 24.0 } else { lh };
        if lh2 >= start_h && lh2 < end_h {
            let mut tt = t;
            // Review holdings.
            let mut keep = vec![];
            for (m, o, sh, since) in pos.drain(..) {
                if tt - since > secs(rng, 2.0 * DAY as f64, 0.6) && rng.chance(0.5) && g.sell(w, m, o, tt, sh) {
                    tt += rng.range(20, 120);
                    continue;
                }
                keep.push((m, o, sh, since));
            }
            pos = keep;
            for _ in 0..rng.poisson(1.3) {
                let Some(m) = super::people::any_live(world, rng, &cats, tt) else { continue };
                let q = world.prob(m, 0, tt);
                let belief = (q + rng.gauss(0.0, 0.08)).clamp(0.01, 0.99);
                if (belief - q).abs() < 0.05 {
                    continue;
                }
                let o = if belief > q { 0 } else { 1 };
                let usd = (menu[rng.idx(menu.len())] * rng.uni(0.9, 1.1)).round();
                if let Some(sh) = g.buy_usd(w, m, o, tt, usd) {
                    pos.push((m, o, sh, tt));
                }
                tt += rng.range(20, 120);
            }
        }
        t += secs(rng, 3.5 * HOUR as f64, 0.4);
    }
}
