//! The bots of holdout v4: each behaviour is software placing orders with no person deciding
//! each one — copy bots of three designs, market makers and reward farmers, crypto-round
//! arbitrage, sweepers, execution algorithms, news and score-feed snipers, a wash ring, a
//! hobbyist's laptop script and an LLM agent. Their parameters are drawn per wallet.

use super::people::{Person, pick_leagues};
use super::world::{
    Amt, CET, DAY, Dst, ET, Kind, NOW, Rng, SPOT_STEP, Seen, Take, Ticket, Tz, UK, WINDOW_START, WORLD_START, World, weekday,
};
use std::collections::HashMap;

/// Positions by (market, outcome).
type Pos = HashMap<(usize, u8), f64>;

/// `n` wallets to follow: mostly the well-known unlabelled leaders, some labelled people.
fn followed(w: &World, r: &mut Rng, n: usize) -> Vec<u32> {
    let mut out = Vec::new();
    for _ in 0..n * 6 {
        let id = if r.chance(0.7) || w.followable.is_empty() { r.pick(&w.leaders) } else { r.pick(&w.followable) };
        if !out.contains(&id) {
            out.push(id);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// Every order of `leaders`, oldest first.
fn feed(w: &World, leaders: &[u32]) -> Vec<(u32, Seen)> {
    let mut v: Vec<(u32, Seen)> = leaders.iter().flat_map(|&l| w.orders_of(l).into_iter().map(move |s| (l, s))).collect();
    v.sort_by_key(|x| (x.1.t, x.0));
    v
}

/// Up to `n` windows when a bot is down (a crash, a redeploy, an expired key).
fn outages(r: &mut Rng, n: i64) -> Vec<(i64, i64)> {
    (0..r.int(0, n))
        .map(|_| {
            let a = r.int(WORLD_START, NOW);
            (a, a + r.int(1, 40) * 3600)
        })
        .collect()
}

fn down(outs: &[(i64, i64)], t: i64) -> bool {
    outs.iter().any(|&(a, b)| (a..b).contains(&t))
}

/// When a bot was first switched on: before the window or some day inside it.
fn switched_on(r: &mut Rng) -> i64 {
    if r.chance(0.6) { WORLD_START } else { WINDOW_START + r.int(0, 22) * DAY + r.int(0, DAY) }
}

/// Cents to dollars, to the cent.
fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Keeps track of a leader's position so that its sells can be copied in proportion.
fn leader_moves(theirs: &mut HashMap<(u32, usize, u8), f64>, l: u32, e: &Seen) -> f64 {
    let key = (l, e.m, e.tok);
    let before = *theirs.get(&key).unwrap_or(&0.0);
    theirs.insert(key, before + if e.buy { e.shares } else { -e.shares });
    before
}

/// Sells the share of our position that the leader sold of theirs.
fn copy_sell(w: &mut World, r: &mut Rng, mine: &mut Pos, (id, t): (u32, i64), e: &Seen, before: f64, x: Take) {
    let own = *mine.get(&(e.m, e.tok)).unwrap_or(&0.0);
    if own < 5.0 || before <= 0.0 {
        return;
    }
    let frac = (e.shares / before).min(1.0);
    let sh = if frac > 0.95 { own } else { (own * frac * 100.0).floor() / 100.0 };
    let f = w.take(r, Ticket { w: id, m: e.m, tok: e.tok, buy: false, t }, Amt::Shares(sh), x);
    *mine.entry((e.m, e.tok)).or_insert(0.0) -= f.shares;
}

/// A polling copy bot, the commonest open-source design: polls the Data API activity of one to
/// four leaders every few seconds to a minute (sometimes through the CDN cache, which adds up
/// to 15 s), and copies each new trade with a fill-and-kill order capped a few cents above the
/// leader's price — a fixed dollar amount, a share of the leader's size, or the leader's
/// shares up to a cap — and sells in proportion when the leader sells. Runs day and night,
/// misses a trade now and then, goes down for hours when it crashes.
pub fn copy_poller(w: &mut World, r: &mut Rng, id: u32) {
    let v0 = r.int(1, 4) as usize;
    let leaders = followed(w, r, v0);
    let poll = r.pick(&[2, 3, 5, 10, 15, 30, 60]);
    let phase = r.int(0, poll - 1);
    let cached = r.chance(0.5);
    let sizing = r.below(3);
    let fixed = r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0]);
    let ratio = r.range(0.01, 0.2);
    let cap = r.pick(&[50.0, 100.0, 250.0, 500.0]);
    let slip = r.int(2, 6) as i32;
    let start = switched_on(r);
    let outs = outages(r, 3);
    let copy_sells = r.chance(0.85);
    let mut mine: Pos = HashMap::new();
    let mut theirs = HashMap::new();
    for (l, e) in feed(w, &leaders) {
        let before = leader_moves(&mut theirs, l, &e);
        if e.t < start || down(&outs, e.t) || r.chance(0.03) {
            continue;
        }
        let delay = poll - (e.t - phase).rem_euclid(poll) + if cached { r.int(0, 15) } else { 0 } + r.int(0, 1);
        let t = e.t + delay.max(1);
        let shift = if delay < 20 { (e.fills as i32 - 1).max(0) } else { 0 };
        if e.buy {
            let amt = match sizing {
                0 => Amt::Usd(fixed),
                1 => Amt::Usd(cents((e.usd * ratio).min(cap))),
                _ => Amt::Shares(e.shares.min(cap / (f64::from(e.last) / 100.0)).floor()),
            };
            let f = w.take(
                r,
                Ticket { w: id, m: e.m, tok: e.tok, buy: true, t },
                amt,
                Take { levels: 4, shift, quote_at: None, limit: Some(e.last + slip) },
            );
            *mine.entry((e.m, e.tok)).or_insert(0.0) += f.shares;
        } else if copy_sells {
            let x = Take { levels: 4, shift, quote_at: None, limit: Some((e.last - slip).max(1)) };
            copy_sell(w, r, &mut mine, (id, t), &e, before, x);
        }
    }
}

/// An on-chain copy bot: watches the exchange's fill events (or the user channel) and fires
/// one or two Polygon blocks after the leader's fill, following three to ten leaders with a
/// fixed fraction of their shares (forced up to the 5-share minimum), behind the leader in a
/// book the leader has just thinned; a known bug fires some trades twice.
pub fn copy_onchain(w: &mut World, r: &mut Rng, id: u32) {
    let v0 = r.int(3, 10) as usize;
    let leaders = followed(w, r, v0);
    let ratio = r.range(0.03, 0.3);
    let max_sh = r.pick(&[200.0, 500.0, 1_000.0, 2_500.0]);
    let twice = r.range(0.0, 0.03);
    let slip = r.int(1, 5) as i32;
    let start = switched_on(r);
    let outs = outages(r, 2);
    let mut mine: Pos = HashMap::new();
    let mut theirs = HashMap::new();
    for (l, e) in feed(w, &leaders) {
        let before = leader_moves(&mut theirs, l, &e);
        if e.t < start || down(&outs, e.t) {
            continue;
        }
        let t = e.t + if r.chance(0.85) { r.int(1, 3) } else { r.int(4, 9) };
        let x = Take {
            levels: 4,
            shift: (e.fills as i32 - 1).max(0),
            quote_at: None,
            limit: Some(if e.buy { e.last + slip } else { (e.last - slip).max(1) }),
        };
        if e.buy {
            let shares = ((e.shares * ratio).clamp(5.0, max_sh) * 100.0).floor() / 100.0;
            for k in 0..1 + i64::from(r.chance(twice)) {
                let v0 = r.int(0, 2);
                let f = w.take(r, Ticket { w: id, m: e.m, tok: e.tok, buy: true, t: t + k * v0 }, Amt::Shares(shares), x);
                *mine.entry((e.m, e.tok)).or_insert(0.0) += f.shares;
            }
        } else {
            copy_sell(w, r, &mut mine, (id, t), &e, before, x);
        }
    }
}

/// A copy bot built not to look like one (sold as "stealth" mode): follows one or two slow
/// leaders, waits a random minute to twenty before copying, randomises its stake around a base
/// and rounds it to whole dollars, skips the leader's small trades, and only trades during the
/// owner's configured active hours (queued trades go out when the window opens).
pub fn copy_stealth(w: &mut World, r: &mut Rng, id: u32) {
    let mut leaders = followed(w, r, 4);
    leaders.sort_by_key(|&l| w.orders_of(l).len());
    leaders.truncate(r.int(1, 2) as usize);
    let owner = Person::draw(r);
    let (from_h, to_h) = (r.range(7.0, 10.0), r.range(21.0, 23.9));
    let base = r.lognormal(40.0, 0.7);
    let min_usd = r.pick(&[10.0, 20.0, 50.0, 100.0]);
    let copy_sells = r.range(0.5, 0.9);
    let start = switched_on(r);
    let mut mine: Pos = HashMap::new();
    let mut theirs = HashMap::new();
    for (l, e) in feed(w, &leaders) {
        let before = leader_moves(&mut theirs, l, &e);
        if e.t < start || (e.buy && e.usd < min_usd) {
            continue;
        }
        let mut t = e.t + r.int(45, 1_200);
        let h = owner.hour(t);
        if !(from_h..to_h).contains(&h) {
            let day = owner.tz.day(t) + i64::from(h >= to_h);
            t = owner.tz.at(day, from_h) + r.int(0, 1_800);
        }
        if e.buy {
            let usd = (base * r.range(0.6, 1.4)).round();
            let f = w.take(r, Ticket { w: id, m: e.m, tok: e.tok, buy: true, t }, Amt::Usd(usd), Take::limit(3, e.last + 5));
            *mine.entry((e.m, e.tok)).or_insert(0.0) += f.shares;
        } else if r.chance(copy_sells) {
            copy_sell(w, r, &mut mine, (id, t), &e, before, Take::market(3));
        }
    }
}

/// Long-dated markets with some flow: where makers and reward farmers quote.
fn quotable(w: &World, min_rate: f32, kinds: &[Kind]) -> Vec<usize> {
    kinds
        .iter()
        .flat_map(|&k| w.by_kind[k as usize].iter().copied())
        .filter(|&m| w.markets[m].rate >= min_rate && w.markets[m].close > WINDOW_START)
        .collect()
}

/// A market maker: quotes both sides at the touch in three to seven political, cultural and
/// economic markets around the clock, the same quote size every time, and is filled by
/// whoever crosses the spread; buys the complementary outcome instead of selling what it does
/// not hold, and stops adding on a side past its inventory limit.
pub fn market_maker(w: &mut World, r: &mut Rng, id: u32) {
    let pool = quotable(w, 0.8, &[Kind::Politics, Kind::Culture, Kind::Election, Kind::Econ]);
    let v0 = r.int(3, 7) as usize;
    let markets: Vec<usize> = r.sample(pool.len(), v0).into_iter().map(|i| pool[i]).collect();
    let q = r.pick(&[100.0, 200.0, 250.0, 500.0, 1_000.0]);
    let share = r.range(0.12, 0.4);
    let limit = q * r.range(4.0, 12.0);
    let start = switched_on(r);
    let outs = outages(r, 2);
    for m in markets {
        let (a, b) = (w.markets[m].open.max(start), w.markets[m].close.min(NOW).min(w.markets[m].decided));
        let mut inv = [0.0f64; 2];
        let mut t = a;
        while t < b {
            if !down(&outs, t) {
                for _ in 0..r.poisson(w.flow(m, t) * share * 120.0 / 3600.0) {
                    let ts = t + r.int(0, 119);
                    let (bid, ask) = w.quote(m, 0, ts);
                    let chunk = (q * r.range(0.1, 1.0)).round().max(1.0);
                    if r.chance(0.5) {
                        if inv[1] >= chunk {
                            inv[1] -= w.make(r, Ticket { w: id, m, tok: 1, buy: false, t: ts }, 100 - bid, chunk, None);
                        } else if inv[0] < limit {
                            inv[0] += w.make(r, Ticket { w: id, m, tok: 0, buy: true, t: ts }, bid, chunk, None);
                        }
                    } else if inv[0] >= chunk {
                        inv[0] -= w.make(r, Ticket { w: id, m, tok: 0, buy: false, t: ts }, ask, chunk, None);
                    } else if inv[1] < limit {
                        inv[1] += w.make(r, Ticket { w: id, m, tok: 1, buy: true, t: ts }, 100 - ask, chunk, None);
                    }
                }
            }
            t += 120;
        }
    }
}

/// A liquidity-rewards farmer: Polymarket pays makers for resting two-sided quotes within a
/// maximum spread of the midpoint, so the bot keeps the minimum qualifying size a cent or
/// three off the touch in many markets, requoting every few minutes; it is filled only when
/// the price jumps through a quote (a few times a day, at any hour) and then usually unwinds
/// the fill at market seconds later.
pub fn reward_farmer(w: &mut World, r: &mut Rng, id: u32) {
    let pool = quotable(w, 0.3, &[Kind::Politics, Kind::Culture, Kind::Election, Kind::Econ, Kind::Tweets, Kind::Weather]);
    let v0 = r.int(6, 16) as usize;
    let markets: Vec<usize> = r.sample(pool.len(), v0).into_iter().map(|i| pool[i]).collect();
    let q = r.pick(&[20.0, 50.0, 100.0, 200.0, 300.0]);
    let d = r.int(1, 3) as i32;
    let hedge = r.range(0.3, 0.9);
    let start = switched_on(r);
    for m in markets {
        let (a, b) = (w.markets[m].open.max(start), w.markets[m].close.min(NOW).min(w.markets[m].decided));
        let mut quotes: Option<(i32, i32)> = None;
        let mut t = a;
        while t < b {
            let (bid, ask) = w.quote(m, 0, t);
            if let Some((qb, qa)) = quotes {
                let ts = t - r.int(1, 299);
                let swept = r.chance(w.flow(m, t) * 0.015 * 300.0 / 3600.0);
                if ask <= qb || (swept && r.chance(0.5)) {
                    let got = w.make(r, Ticket { w: id, m, tok: 0, buy: true, t: ts }, qb, q, None);
                    if got > 0.0 && r.chance(hedge) {
                        let v0 = r.int(2, 30);
                        w.take(r, Ticket { w: id, m, tok: 0, buy: false, t: ts + v0 }, Amt::Shares(got), Take::market(2));
                    }
                } else if bid >= qa || swept {
                    let got = w.make(r, Ticket { w: id, m, tok: 1, buy: true, t: ts }, 100 - qa, q, None);
                    if got > 0.0 && r.chance(hedge) {
                        let v0 = r.int(2, 30);
                        w.take(r, Ticket { w: id, m, tok: 1, buy: false, t: ts + v0 }, Amt::Shares(got), Take::market(2));
                    }
                }
            }
            quotes = if bid - d >= 1 && ask + d <= 99 { Some((bid - d, ask + d)) } else { None };
            t += 300;
        }
    }
}

/// The crypto assets a round bot trades.
fn round_assets(r: &mut Rng) -> Vec<usize> {
    if r.chance(0.55) { vec![0] } else { r.sample(3, 2) }
}

/// Rounds of `asset` that open in [from, NOW).
fn rounds(w: &World, asset: usize, hourly: bool, from: i64) -> Vec<usize> {
    let len = if hourly { 3600 } else { 900 };
    let first = from.max(WINDOW_START - len);
    let mut v = Vec::new();
    let mut t = first;
    while t < NOW {
        if let Some(m) = w.round_at(asset, hourly, t) {
            v.push(m);
        }
        t += len;
    }
    v
}

/// A latency arbitrageur on crypto up/down rounds: streams the exchange price and, in the last
/// minutes of a round, buys whichever side the latest move has made more likely before the
/// Polymarket book catches up, with a fill-and-kill capped below its fair price, sized by the
/// edge; day and night, in a share of the rounds.
pub fn latency_arb(w: &mut World, r: &mut Rng, id: u32) {
    let assets = round_assets(r);
    let hourly = r.chance(0.25);
    let edge = r.range(0.05, 0.12);
    let window = r.int(90, 420);
    let base = r.lognormal(120.0, 0.8);
    let max_n = r.int(1, 3);
    let part = r.range(0.06, 0.25);
    let start = switched_on(r);
    let outs = outages(r, 2);
    for &asset in &assets {
        for m in rounds(w, asset, hourly, start) {
            if !r.chance(part) || down(&outs, w.markets[m].open) {
                continue;
            }
            let close = w.markets[m].close;
            let mut t = (close - window) / SPOT_STEP * SPOT_STEP;
            let mut n = 0;
            while t < close - 5 && n < max_n {
                let (fair, book) = (w.fair(m, t), w.p0(m, t));
                let diff = fair - book;
                if diff.abs() > edge {
                    let tok = u8::from(diff < 0.0);
                    let fair_tok = if tok == 0 { fair } else { 1.0 - fair };
                    let usd = cents(base * (diff.abs() / edge).min(3.0));
                    let x = Take::limit(4, (fair_tok * 100.0).floor() as i32 - 1);
                    let v0 = r.int(0, 1);
                    w.take(r, Ticket { w: id, m, tok, buy: true, t: t + v0 }, Amt::Usd(usd), x);
                    n += 1;
                    t += 2 * SPOT_STEP;
                    continue;
                }
                t += SPOT_STEP;
            }
        }
    }
}

/// A complete-set ("pair") arbitrageur on crypto rounds: rests bids on both Up and Down so that
/// a pair costs less than $1, in small equal lots, filled as the price swings one way and back;
/// evens up the two sides at market near the end when that still leaves a profit, and holds
/// the pairs to resolution. Both outcomes of one market, seconds to minutes apart, all day.
pub fn pair_arb(w: &mut World, r: &mut Rng, id: u32) {
    let assets = round_assets(r);
    let hourly = r.chance(0.3);
    let pair = r.int(94, 98) as i32;
    let lot = r.pick(&[10.0, 15.0, 20.0, 25.0, 50.0, 100.0]);
    let part = r.range(0.02, 0.08);
    let max_lots = r.int(2, 6) as f64;
    let start = switched_on(r);
    for &asset in &assets {
        for m in rounds(w, asset, hourly, start) {
            if !r.chance(part) {
                continue;
            }
            let (open, close) = (w.markets[m].open, w.markets[m].close);
            let (mut held, mut cost) = ([0.0f64; 2], [0.0f64; 2]);
            let init = [pair / 2 - r.int(0, 3) as i32, pair / 2 - r.int(0, 3) as i32];
            let mut t = open + 20;
            while t < close - 30 {
                for k in 0..2usize {
                    let tok = k as u8;
                    let (_, ask) = w.quote(m, tok, t);
                    let o = 1 - k;
                    let target = if held[o] > held[k] { pair - (cost[o] / held[o] * 100.0).ceil() as i32 } else { init[k] };
                    if ask <= target && held[k] < lot * max_lots && target >= 1 {
                        let v0 = r.int(0, 9);
                        let got = w.make(r, Ticket { w: id, m, tok, buy: true, t: t + v0 }, target, lot, None);
                        held[k] += got;
                        cost[k] += got * f64::from(target) / 100.0;
                    }
                }
                t += SPOT_STEP;
            }
            let (lag, lead) = if held[0] < held[1] { (0usize, 1usize) } else { (1, 0) };
            let diff = held[lead] - held[lag];
            if diff >= 5.0 {
                let at = close - r.int(25, 60);
                let (_, ask) = w.quote(m, lag as u8, at);
                let avg = cost[lead] / held[lead] * 100.0;
                if f64::from(ask) + avg < 100.0 {
                    w.take(r, Ticket { w: id, m, tok: lag as u8, buy: true, t: at }, Amt::Shares(diff.floor()), Take::limit(2, ask + 1));
                }
            }
        }
    }
}

/// A closing sweeper: in the last seconds of a crypto round, or right after a game is
/// decided, buys the side priced 90–97¢ or more up to 99¢ for the last few cents; day and night.
pub fn closing_sweeper(w: &mut World, r: &mut Rng, id: u32) {
    let assets = round_assets(r);
    let hourly = r.chance(0.5);
    let thr = r.range(0.9, 0.97);
    let secs = r.int(8, 90);
    let usd = r.lognormal(600.0, 0.7);
    let part = r.range(0.1, 0.5);
    let start = switched_on(r);
    for &asset in &assets {
        for m in rounds(w, asset, hourly, start) {
            let t = w.markets[m].close - secs - r.int(0, 5);
            let p = w.p0(m, t);
            if p.max(1.0 - p) >= thr && r.chance(part) {
                let tok = u8::from(p < 0.5);
                let v0 = r.range(0.85, 1.15);
                w.take(r, Ticket { w: id, m, tok, buy: true, t }, Amt::Usd(cents(usd * v0)), Take::limit(6, 99));
            }
        }
    }
    if r.chance(0.5) {
        let v0 = r.chance(0.6);
        let v1 = r.int(2, 3) as usize;
        let leagues = pick_leagues(r, v0, v1);
        for g in w.games_starting(&leagues, start, NOW) {
            let t = w.markets[g].decided + r.int(1, 25);
            let p = w.p0(g, t);
            if p.max(1.0 - p) >= thr && w.tradable(g, t) {
                let v0 = r.range(0.85, 1.15);
                w.take(r, Ticket { w: id, m: g, tok: u8::from(p < 0.5), buy: true, t }, Amt::Usd(cents(usd * v0)), Take::limit(6, 99));
            }
        }
    }
}

/// A TWAP execution algorithm on a trading desk: splits a parent order of tens of thousands of
/// dollars into equal children sent every one to fifteen minutes (a little jitter), as a
/// market order with a price cap or resting at the bid and crossing what is left; runs only in
/// the desk's hours on weekdays and carries an unfinished parent over to the next morning.
pub fn twap_desk(w: &mut World, r: &mut Rng, id: u32) {
    let tz = r.pick(&[ET, ET, UK, CET, Tz { std_min: 480, dst: Dst::No }]);
    let (open_h, close_h) = (r.range(8.0, 9.5), r.range(16.5, 18.0));
    let interval = r.pick(&[60, 120, 180, 300, 600, 900]);
    let jitter = r.range(0.0, 0.15);
    let child_target = r.lognormal(800.0, 0.6);
    let per_week = r.range(0.8, 3.0);
    let passive = r.chance(0.35);
    let pool = quotable(w, 1.0, &[Kind::Politics, Kind::Election, Kind::Econ, Kind::Culture]);
    let mut pos: Pos = HashMap::new();
    for day in tz.day(WORLD_START)..=tz.day(NOW) {
        if weekday(day) >= 5 {
            continue;
        }
        for _ in 0..r.poisson(per_week / 5.0) {
            let t0 = tz.at(day, r.range(open_h, close_h - 1.0));
            let open: Vec<usize> = pool.iter().copied().filter(|&m| w.tradable(m, t0)).collect();
            if open.is_empty() {
                continue;
            }
            let m = r.pick(&open);
            let held: Vec<(u8, f64)> = (0..2u8).map(|k| (k, *pos.get(&(m, k)).unwrap_or(&0.0))).filter(|x| x.1 >= 50.0).collect();
            let (tok, buy, parent) = if !held.is_empty() && r.chance(0.4) {
                let (k, sh) = held[0];
                (k, false, sh)
            } else {
                (u8::from(r.chance(0.45)), true, r.lognormal(40_000.0, 0.8).clamp(5_000.0, 300_000.0))
            };
            let (_, ask) = w.quote(m, tok, t0);
            let (bid, _) = w.quote(m, tok, t0);
            let n = if buy {
                (parent / child_target).ceil().max(2.0)
            } else {
                (parent * f64::from(bid) / 100.0 / child_target).ceil().max(2.0)
            };
            let child = if buy { cents(parent / n) } else { (parent / n * 100.0).floor() / 100.0 };
            let mut t = t0;
            for _ in 0..n as i64 {
                if tz.hour(t) >= close_h || weekday(tz.day(t)) >= 5 {
                    let mut d = tz.day(t) + 1;
                    while weekday(d) >= 5 {
                        d += 1;
                    }
                    t = tz.at(d, open_h) + r.int(0, 120);
                }
                if !w.tradable(m, t) {
                    break;
                }
                let o = Ticket { w: id, m, tok, buy, t };
                let got = if passive {
                    let (b, a) = w.quote(m, tok, t);
                    let px = if buy { b } else { a };
                    let shares = if buy { (child / (f64::from(px) / 100.0)).floor() } else { child };
                    let fills = w.rest(r, o, px, shares, t + interval - 5);
                    let done: f64 = fills.iter().map(|f| f.1).sum();
                    let left = shares - done;
                    let rest = if left >= 5.0 {
                        w.take(r, Ticket { t: t + interval - 5, ..o }, Amt::Shares(left), Take::market(2)).shares
                    } else {
                        0.0
                    };
                    done + rest
                } else if buy {
                    w.take(r, o, Amt::Usd(child), Take::limit(2, ask + 3)).shares
                } else {
                    w.take(r, o, Amt::Shares(child), Take::limit(2, (bid - 3).max(1))).shares
                };
                *pos.entry((m, tok)).or_insert(0.0) += if buy { got } else { -got };
                t += (interval as f64 * (1.0 + jitter * r.range(-1.0, 1.0))) as i64;
            }
        }
    }
}

/// A news sniper: reads a machine feed (economic releases, the AP's race calls, a live
/// transcript) and, within a second or two of the news, buys what it made certain at the
/// price the book still shows, walking several levels; idle between events, so it trades only
/// a few dozen times a month.
pub fn news_sniper(w: &mut World, r: &mut Rng, id: u32) {
    let mut kinds = Vec::new();
    if r.chance(0.6) {
        kinds.push(Kind::Econ);
    }
    if r.chance(0.6) {
        kinds.push(Kind::Election);
    }
    if r.chance(0.4) || kinds.is_empty() {
        kinds.push(Kind::Mentions);
    }
    let latency = r.int(0, 2);
    let usd = r.lognormal(2_500.0, 0.8);
    let part = r.range(0.6, 1.0);
    let mention_part = r.range(0.1, 0.4);
    let markets: Vec<usize> = kinds.iter().flat_map(|&k| w.by_kind[k as usize].clone()).collect();
    for m in markets {
        let kind = w.markets[m].kind;
        for (tj, after) in w.markets[m].jumps.clone() {
            let after = f64::from(after);
            if kind == Kind::Election && (0.02..0.98).contains(&after) {
                continue;
            }
            let before = w.p0(m, tj - 1);
            if (after - before).abs() < 0.15 || !r.chance(if kind == Kind::Mentions { mention_part } else { part }) {
                continue;
            }
            let tok = u8::from(after < before);
            let fair = if tok == 0 { after } else { 1.0 - after };
            let x = Take { levels: 5, shift: 0, quote_at: Some(tj - 1), limit: Some(((fair * 100.0).floor() as i32 - 1).min(99)) };
            let t = tj + latency + r.int(0, 1);
            let v0 = r.range(0.5, 1.5);
            w.take(r, Ticket { w: id, m, tok, buy: true, t }, Amt::Usd(cents(usd * v0)), x);
        }
    }
}

/// An in-play sports bot on a fast score feed: when a goal, touchdown or break of serve lands,
/// it buys the side that gained within a second or three, before the book reprices, sized by
/// how far the price should move; exits some positions minutes later. It trades only while
/// games are on, so its clock is the leagues' evenings and weekends.
pub fn sports_feed(w: &mut World, r: &mut Rng, id: u32) {
    let v0 = r.chance(0.6);
    let v1 = r.int(1, 3) as usize;
    let leagues = pick_leagues(r, v0, v1);
    let latency = r.int(1, 3);
    let base = r.lognormal(300.0, 0.7);
    let part = r.range(0.3, 0.8);
    let exit_p = r.range(0.2, 0.8);
    let min_jump = r.range(0.05, 0.12);
    let start = switched_on(r);
    for g in w.games_starting(&leagues, start, NOW) {
        if !r.chance(part) {
            continue;
        }
        for (tj, after) in w.markets[g].jumps.clone() {
            let after = f64::from(after);
            let before = w.p0(g, tj - 1);
            let d = after - before;
            if d.abs() < min_jump {
                continue;
            }
            let tok = u8::from(d < 0.0);
            let fair = if tok == 0 { after } else { 1.0 - after };
            let usd = cents((base * d.abs() / min_jump).min(base * 4.0));
            let x = Take { levels: 3, shift: 0, quote_at: Some(tj - 1), limit: Some((fair * 100.0).floor() as i32 - 1) };
            let t = tj + latency;
            let f = w.take(r, Ticket { w: id, m: g, tok, buy: true, t }, Amt::Usd(usd), x);
            if f.shares >= 5.0 && r.chance(exit_p) {
                let v0 = r.int(60, 900);
                w.take(r, Ticket { w: id, m: g, tok, buy: false, t: t + v0 }, Amt::Shares(f.shares), Take::market(2));
            }
        }
    }
}

/// A wash-trading ring farming volume for an airdrop: one script runs several wallets that
/// trade with one another — one posts, another takes in the same second — every so many
/// minutes around the clock, near-constant sizes with a little noise, buying then selling so
/// the ring ends flat.
pub fn wash_ring(w: &mut World, r: &mut Rng, id: u32) {
    let sibs: Vec<u32> = (0..r.int(2, 4)).map(|_| w.sibling()).collect();
    let every = r.int(20, 150) * 60;
    let jitter = r.int(0, 90);
    let size = r.pick(&[50.0, 100.0, 200.0, 500.0, 1_000.0]);
    let noise = r.range(0.0, 0.03);
    let start = switched_on(r);
    let outs = outages(r, 2);
    let pool: Vec<usize> =
        quotable(w, 1.0, &[Kind::Politics, Kind::Culture, Kind::Election]).into_iter().filter(|&m| w.markets[m].spread == 1).collect();
    let v0 = r.int(1, 3) as usize;
    let markets: Vec<usize> = r.sample(pool.len(), v0).into_iter().map(|i| pool[i]).collect();
    let mut t = start + r.int(0, every);
    let mut long = false;
    while t < NOW {
        let open: Vec<usize> = markets.iter().copied().filter(|&m| w.tradable(m, t)).collect();
        if !open.is_empty() && !down(&outs, t) {
            let m = r.pick(&open);
            let s = r.pick(&sibs);
            let (bid, ask) = w.quote(m, 0, t);
            let px = if r.chance(0.5) { bid } else { ask };
            let sh = cents(size * (1.0 + noise * r.range(-1.0, 1.0)));
            let we_buy = !long;
            if r.chance(0.5) {
                w.make(r, Ticket { w: s, m, tok: 0, buy: !we_buy, t }, px, sh, Some(id));
            } else {
                w.make(r, Ticket { w: id, m, tok: 0, buy: we_buy, t }, px, sh, Some(s));
            }
            long = !long;
        }
        t += every + r.int(-jitter, jitter);
    }
}

/// A hobbyist's momentum script on their laptop: it runs only while the laptop is open —
/// weekday evenings, weekend afternoons, not every day — scanning a watch list and the live
/// games of a league or two every five to fifteen minutes, buying after a sharp move with a
/// stake computed from the move (odd amounts), and selling at its take-profit or stop-loss.
pub fn laptop_script(w: &mut World, r: &mut Rng, id: u32) {
    let owner = Person::draw(r);
    let period = r.int(300, 900);
    let thr = r.range(0.03, 0.07);
    let bank = r.lognormal(800.0, 0.7);
    let (tp, sl) = (r.range(0.04, 0.12), r.range(0.04, 0.12));
    let v0 = r.chance(0.6);
    let v1 = r.int(1, 2) as usize;
    let leagues = pick_leagues(r, v0, v1);
    let pool = quotable(w, 0.5, &[Kind::Politics, Kind::Culture, Kind::Election, Kind::Tweets]);
    let v0 = r.int(4, 10) as usize;
    let watch: Vec<usize> = r.sample(pool.len(), v0).into_iter().map(|i| pool[i]).collect();
    let on = r.range(0.55, 0.9);
    let mut pos: HashMap<usize, (u8, f64, f64)> = HashMap::new();
    for day in owner.days() {
        if !r.chance(on) {
            continue;
        }
        let (from, to) =
            if weekday(day) >= 5 { (r.range(10.0, 14.0), r.range(22.5, 25.0)) } else { (r.range(17.5, 19.5), r.range(22.0, 25.5)) };
        let (mut t, end) = (owner.tz.at(day, from), owner.tz.at(day, to).min(NOW));
        let mut last: HashMap<usize, f64> = HashMap::new();
        while t < end {
            let mut markets: Vec<usize> = watch.iter().copied().filter(|&m| w.tradable(m, t)).collect();
            markets.extend(w.games_live(&leagues, t));
            let mut k = 0;
            for m in markets {
                let p = w.p0(m, t);
                let Some(prev) = last.insert(m, p) else { continue };
                let ts = t + k;
                if let Some(&(tok, sh, entry)) = pos.get(&m) {
                    let cur = if tok == 0 { p } else { 1.0 - p };
                    if cur - entry >= tp || entry - cur >= sl {
                        w.take(r, Ticket { w: id, m, tok, buy: false, t: ts }, Amt::Shares(sh), Take::market(2));
                        pos.remove(&m);
                        k += 1;
                    }
                } else if (p - prev).abs() >= thr {
                    let tok = u8::from(p < prev);
                    let usd = cents(bank * 0.02 * (p - prev).abs() / thr);
                    let f = w.take(r, Ticket { w: id, m, tok, buy: true, t: ts }, Amt::Usd(usd), Take::market(2));
                    if f.shares > 0.0 {
                        pos.insert(m, (tok, f.shares, f.avg()));
                    }
                    k += 1;
                }
            }
            t += period + r.int(2, 25);
        }
    }
}

/// An autonomous LLM trading agent (Polymarket's agents framework and its forks): a scheduler
/// wakes it every one to eight hours; it reads the news, picks a trending market, asks the
/// model for a probability and places one Kelly-sized order (odd dollar amounts), now and then
/// closing a position that moved; on a server, so day and night alike.
pub fn llm_agent(w: &mut World, r: &mut Rng, id: u32) {
    let every = r.pick(&[1, 2, 3, 4, 6, 8]) * 3600;
    let minute = r.int(0, 59) * 60;
    let trade_p = r.range(0.35, 0.9);
    let kelly = r.range(0.1, 0.5);
    let bank = r.lognormal(1_500.0, 0.8);
    let start = switched_on(r);
    let outs = outages(r, 2);
    let mut pos: HashMap<usize, (u8, f64, f64)> = HashMap::new();
    let mut t = start.div_euclid(every) * every + minute;
    while t < NOW {
        let ts = t + r.int(8, 150);
        if t >= start && !down(&outs, t) {
            if !pos.is_empty() && r.chance(0.3) {
                let mut keys: Vec<usize> = pos.keys().copied().collect();
                keys.sort_unstable();
                let m = r.pick(&keys);
                let (tok, sh, entry) = pos[&m];
                if w.tradable(m, ts) {
                    let p = w.p0(m, ts);
                    let cur = if tok == 0 { p } else { 1.0 - p };
                    if (cur - entry).abs() > 0.1 {
                        w.take(r, Ticket { w: id, m, tok, buy: false, t: ts }, Amt::Shares(sh), Take::market(2));
                        pos.remove(&m);
                    }
                } else {
                    pos.remove(&m);
                }
            }
            if r.chance(trade_p) {
                let mut cands: Vec<usize> = Vec::new();
                for kind in [Kind::Politics, Kind::Culture, Kind::Econ, Kind::Election, Kind::Tweets, Kind::Mentions, Kind::Weather] {
                    cands.extend(w.open_of(kind, ts));
                }
                cands.extend(w.games_starting(&[], ts, ts + DAY));
                cands.retain(|&m| w.tradable(m, ts));
                if !cands.is_empty() {
                    let weights: Vec<f64> = cands.iter().map(|&m| w.flow(m, ts) + 0.05).collect();
                    let m = cands[r.weighted(&weights)];
                    let p = w.p0(m, ts);
                    let est = (p + 0.1 * r.normal()).clamp(0.01, 0.99);
                    let tok = u8::from(est < p);
                    let (_, ask) = w.quote(m, tok, ts);
                    let price = f64::from(ask) / 100.0;
                    let edge = if tok == 0 { est - price } else { (1.0 - est) - price };
                    if edge > 0.03 && price < 0.97 {
                        let usd = cents((bank * kelly * edge / (1.0 - price)).max(2.0));
                        let f = w.take(r, Ticket { w: id, m, tok, buy: true, t: ts }, Amt::Usd(usd), Take::market(2));
                        if f.shares > 0.0 && !pos.contains_key(&m) {
                            pos.insert(m, (tok, f.shares, f.avg()));
                        }
                    }
                }
            }
        }
        t += every;
    }
}

/// A neg-risk arbitrageur on multi-outcome questions (tweet-count and temperature brackets,
/// economic brackets, nominations): when a dislocated book lets it buy "Yes" on every outcome
/// for less than $1 in all, it buys the same number of shares of each within a second or two.
pub fn negrisk_arb(w: &mut World, r: &mut Rng, id: u32) {
    let all = [Kind::Tweets, Kind::Weather, Kind::Econ, Kind::Politics, Kind::Culture];
    let v0 = r.int(1, 2) as usize;
    let kinds: Vec<Kind> = r.sample(all.len(), v0).into_iter().map(|i| all[i]).collect();
    let per_day = r.range(0.8, 4.0);
    let lot = r.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0]);
    let margin = r.int(1, 3) as f64;
    let events: Vec<usize> = (0..w.events.len())
        .filter(|&e| w.events[e].len() >= 3 && w.events[e].first().is_some_and(|&m| kinds.contains(&w.markets[m].kind)))
        .collect();
    let start = switched_on(r);
    let mut day = start.div_euclid(DAY);
    while day * DAY < NOW {
        for _ in 0..r.poisson(per_day) {
            let t = day * DAY + r.int(0, DAY - 1);
            if t < start || t >= NOW {
                continue;
            }
            let open: Vec<usize> = events.iter().copied().filter(|&e| w.events[e].iter().all(|&m| w.tradable(m, t))).collect();
            if open.is_empty() {
                continue;
            }
            let members = w.events[r.pick(&open)].clone();
            let mids: Vec<f64> = members.iter().map(|&m| w.p0(m, t) * 100.0).collect();
            let sum: f64 = mids.iter().sum();
            for (i, (&m, mid)) in members.iter().zip(&mids).enumerate() {
                let px = ((mid * (100.0 - margin) / sum).floor() as i32).max(1);
                let (_, ask) = w.quote(m, 0, t);
                let px = px.min(ask);
                let x = Take { levels: 1, shift: px - ask, quote_at: None, limit: Some(px) };
                w.take(r, Ticket { w: id, m, tok: 0, buy: true, t: t + i as i64 / 4 }, Amt::Shares(lot), x);
            }
        }
        day += 1;
    }
}
