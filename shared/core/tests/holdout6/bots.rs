//! Bots: wallets whose orders software places without a person deciding each one.

use super::{Amount, DAY, Kind, LeaderOrder, NOW, Rng, SPAN_DAYS, START, Spec, World, cents};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

/// The wash-trading behaviour's name.
pub(crate) const WASH: &str = "wash_ring";
/// How many wash-trading rings.
pub(crate) const WASH_RINGS: usize = 3;
/// Wallets per ring.
pub(crate) const WASH_RING_SIZE: usize = 4;

/// Outages: stretches when a bot's server, key or balance was down. Returns (from, to) pairs.
fn outages(rng: &mut Rng) -> Vec<(i64, i64)> {
    (0..rng.int(0, 3))
        .map(|_| {
            let from = rng.int(START, NOW);
            (from, from + rng.int(2, 30) * 3600)
        })
        .collect()
}

fn down(outages: &[(i64, i64)], t: i64) -> bool {
    outages.iter().any(|&(a, b)| t >= a && t < b)
}

fn favourite(w: &World, m: usize, t: i64) -> usize {
    if w.markets[m].mid(0, t) >= 0.5 { 0 } else { 1 }
}

/// Market maker: a quoting program keeps a bid and an ask one cent either side of the mid on
/// both tokens of a few markets around the clock, re-quoting the same size; takers hit the
/// quotes at all hours, so its fills are maker fills in both directions on both outcomes, with
/// the occasional marketable order to shed inventory.
fn market_maker(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let quote = *rng.pick(&[50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]);
    let off = outages(rng);
    let mut pool: Vec<usize> = w.politics.iter().chain(w.news.iter()).copied().collect();
    let mut mine = Vec::new();
    for _ in 0..rng.int(1, 3) {
        mine.push(pool.swap_remove(rng.index(pool.len())));
    }
    for m in mine {
        let (open, close) = (w.markets[m].open.max(START), w.markets[m].close.min(NOW));
        let per_day = rng.range(8.0, 35.0);
        let mut t = open;
        loop {
            t += rng.exp(DAY as f64 / per_day) as i64 + 1;
            if t > close {
                break;
            }
            if down(&off, t) {
                continue;
            }
            let o = rng.index(2);
            let mid = w.markets[m].mid(o, t);
            let (side, c) = if rng.chance(0.5) { (Side::Buy, cents(mid - 0.01)) } else { (Side::Sell, cents(mid + 0.01)) };
            let q = if rng.chance(0.45) { quote } else { ((quote * rng.range(0.05, 1.0)) * 100.0).floor() / 100.0 };
            w.make(me, m, o, side, c, q.max(1.0), t, rng);
            if rng.chance(0.03) {
                w.take(me, m, o, if side == Side::Buy { Side::Sell } else { Side::Buy }, Amount::Shares(quote), t + rng.int(1, 20), rng);
            }
        }
    }
}

/// Copies one leader order: `scale` maps the leader's shares to ours for buys; sells follow the
/// leader's share of its holding.
fn copy_one(w: &mut World, rng: &mut Rng, me: &Wallet, l: &LeaderOrder, at: i64, buy: Amount, held: &mut BTreeMap<(usize, usize), f64>) {
    match l.side {
        Side::Buy => {
            if let Some(f) = w.take(me, l.m, l.o, Side::Buy, buy, at, rng) {
                *held.entry((l.m, l.o)).or_default() += f.shares;
            }
        }
        Side::Sell => {
            let h = held.get(&(l.m, l.o)).copied().unwrap_or(0.0);
            if h < 5.0 {
                return;
            }
            let frac = if l.held_before > 0.0 { (l.shares / l.held_before).min(1.0) } else { 1.0 };
            let q = if frac > 0.9 { h } else { (h * frac).max(5.0).min(h) };
            if let Some(f) = w.take(me, l.m, l.o, Side::Sell, Amount::Shares(q), at, rng) {
                *held.get_mut(&(l.m, l.o)).expect("held") -= f.shares.min(h);
            }
        }
    }
}

/// Polling copy bot: the common open-source design — polls the Data API `/activity` for one
/// leader every few seconds, sees a trade 4–20 s late (poll interval plus API lag), and sends a
/// marketable order for a fixed fraction of the leader's size (raised to the 5-share minimum),
/// mirroring sells in proportion.
fn copy_poll(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let leader = w.leaders[rng.index(w.leaders.len())].clone();
    let interval = rng.range(3.0, 15.0);
    let lag = rng.range(2.0, 8.0);
    let ratio = rng.lognormal(0.08, 0.8).min(0.6);
    let off = outages(rng);
    let mut held = BTreeMap::new();
    for l in &leader {
        let at = l.ts + (rng.range(0.0, interval) + rng.lognormal(lag, 0.3)).round() as i64;
        if down(&off, at) || rng.chance(0.03) {
            continue;
        }
        copy_one(w, rng, me, l, at, Amount::Shares((l.shares * ratio).max(5.0)), &mut held);
    }
}

/// On-chain copy bot: a hosted "0–1 block" service — watches Polygon for the leader's fills
/// and copies each within one or two blocks (about 2–5 s) for a fixed dollar amount per trade,
/// selling all when the leader exits.
fn copy_onchain(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let leader = w.leaders[rng.index(w.leaders.len())].clone();
    let usd = *rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let off = outages(rng);
    let mut held = BTreeMap::new();
    for l in &leader {
        let at = l.ts + rng.int(1, 3) * 2 + rng.int(0, 1);
        if down(&off, at) {
            continue;
        }
        copy_one(w, rng, me, l, at, Amount::Usd(usd), &mut held);
    }
}

/// Multi-leader copy bot (hard case): a self-hosted bot following several leaders with filters —
/// only buys between 15¢ and 85¢, only leader trades of $500 or more, a cap per trade and per
/// day — polling once a minute or so; the filters leave it with few trades.
fn copy_multi_leader(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let mut all: Vec<LeaderOrder> = Vec::new();
    let mut who: Vec<usize> = (0..w.leaders.len()).collect();
    for _ in 0..rng.int(3, 5) {
        let k = who.swap_remove(rng.index(who.len()));
        all.extend(w.leaders[k].iter().copied());
    }
    all.sort_by_key(|l| l.ts);
    let interval = rng.range(20.0, 120.0);
    let cap = *rng.pick(&[20.0, 25.0, 50.0, 75.0, 100.0]);
    let ratio = rng.range(0.02, 0.1);
    let per_day = rng.int(1, 4);
    let off = outages(rng);
    let mut held = BTreeMap::new();
    let mut today: BTreeMap<i64, i64> = BTreeMap::new();
    for l in &all {
        let at = l.ts + (rng.range(1.0, interval) + rng.lognormal(5.0, 0.3)) as i64;
        if down(&off, at) {
            continue;
        }
        let price = w.markets[l.m].mid(l.o, l.ts);
        if l.side == Side::Buy {
            let count = today.entry(at / DAY).or_default();
            if !(0.15..=0.85).contains(&price) || l.shares * price < 500.0 || *count >= per_day {
                continue;
            }
            *count += 1;
        }
        let usd = (l.shares * price * ratio).min(cap);
        copy_one(w, rng, me, l, at, Amount::Usd(usd), &mut held);
    }
}

/// Crypto up/down bot: every hour, at a fixed minute past the hour, buys the side currently
/// favoured in the hourly Bitcoin (and sometimes Ethereum) up/down market if its price is in a
/// configured band — a constant number of shares, around the clock, except when the server is
/// down.
fn crypto_updown(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let minute = rng.int(35, 57);
    let (lo, hi) = (rng.range(0.55, 0.7), rng.range(0.8, 0.93));
    let shares = *rng.pick(&[10.0, 20.0, 25.0, 50.0, 100.0, 200.0]);
    let both = rng.chance(0.4);
    let off = outages(rng);
    let markets = w.crypto.clone();
    for (i, m) in markets.into_iter().enumerate() {
        if i % 2 == 1 && !both {
            continue;
        }
        let at = w.markets[m].event + minute * 60 + rng.int(0, 4);
        if down(&off, at) {
            continue;
        }
        let o = favourite(w, m, at);
        if (lo..=hi).contains(&w.markets[m].mid(o, at)) {
            w.take(me, m, o, Side::Buy, Amount::Shares(shares), at, rng);
        }
    }
}

/// Pair arbitrage bot: scans sports and crypto books for moments when both outcomes together
/// cost under a dollar and buys the same number of shares of each, the two legs within a second
/// or two, around the clock.
fn pair_arbitrage(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let per_day = rng.range(3.0, 20.0);
    let shares = *rng.pick(&[50.0, 100.0, 200.0, 300.0, 500.0]);
    let off = outages(rng);
    let mut t = START;
    loop {
        t += rng.exp(DAY as f64 / per_day) as i64 + 1;
        if t > NOW {
            break;
        }
        if down(&off, t) {
            continue;
        }
        let kind = if rng.chance(0.6) { Kind::Crypto } else { Kind::Sports };
        let live = w.live_of(kind, t);
        if live.is_empty() {
            continue;
        }
        let m = live[rng.index(live.len())];
        let first = rng.index(2);
        w.take(me, m, first, Side::Buy, Amount::Shares(shares), t, rng);
        w.take(me, m, 1 - first, Side::Buy, Amount::Shares(shares), t + rng.int(0, 2), rng);
    }
}

/// Favourite sniper: in the last minutes before a game or crypto hour closes, buys any outcome
/// priced 94–99¢ for a fixed dollar amount, in as many markets as its balance allows, day and
/// night.
fn favourite_sniper(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let usd = *rng.pick(&[100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0]);
    let cover = rng.range(0.15, 0.5);
    let lead = rng.int(60, 600);
    let off = outages(rng);
    let markets: Vec<usize> = w.sports.iter().chain(w.crypto.iter()).copied().collect();
    for m in markets {
        if !rng.chance(cover) {
            continue;
        }
        let at = w.markets[m].close - lead + rng.int(-20, 20);
        if down(&off, at) {
            continue;
        }
        let o = favourite(w, m, at);
        if (0.94..=0.99).contains(&w.markets[m].mid(o, at)) {
            w.take(me, m, o, Side::Buy, Amount::Usd(usd), at, rng);
        }
    }
}

/// TWAP accumulator: an execution script that builds a large position in equal slices at a fixed
/// interval (a few seconds of jitter) over hours, so as not to move the price.
fn twap_accumulator(w: &mut World, rng: &mut Rng, me: &Wallet) {
    for _ in 0..rng.int(2, 6) {
        let t0 = rng.int(START, NOW - DAY);
        let kind = if rng.chance(0.7) { Kind::Politics } else { Kind::News };
        let live = w.live_of(kind, t0);
        if live.is_empty() {
            continue;
        }
        let m = live[rng.index(live.len())];
        let o = rng.index(2);
        let slices = rng.int(15, 60);
        let slice = (rng.lognormal(300.0, 0.6)).round();
        let every = rng.int(60, 900);
        let side = if rng.chance(0.8) { Side::Buy } else { Side::Sell };
        for k in 0..slices {
            let at = t0 + k * every + rng.int(0, 3);
            w.take(me, m, o, side, Amount::Shares(slice), at, rng);
        }
    }
}

/// News latency bot (hard case): watches feeds and the order books, and within a second or two
/// of a news market lurching buys the side that is rising, for a fixed amount; often takes the
/// profit half an hour later. It watches only some markets and is quiet between stories.
fn news_latency(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let usd = *rng.pick(&[100.0, 250.0, 500.0, 1000.0]);
    let take_profit = rng.range(0.3, 0.8);
    let watch = rng.range(0.3, 0.6);
    let watched: Vec<bool> = w.markets.iter().map(|_| rng.chance(watch)).collect();
    let jumps = w.jumps.clone();
    for j in jumps {
        if !watched[j.m] || !rng.chance(0.85) {
            continue;
        }
        let at = j.at + rng.int(0, 2);
        if let Some(f) = w.take(me, j.m, j.up, Side::Buy, Amount::Usd(usd), at, rng)
            && rng.chance(take_profit)
        {
            w.take(me, j.m, j.up, Side::Sell, Amount::Shares(f.shares), at + rng.int(600, 3600), rng);
        }
    }
}

/// Daily DCA script (hard case): a cron job that once a day, at the same minute, buys a fixed
/// dollar amount of one to three long-dated positions; some days it fails (an expired key, no
/// balance). Few trades, like a patient person's, but on the clock.
fn daily_dca(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let at_sec = rng.int(0, DAY - 1) / 60 * 60;
    let usd = *rng.pick(&[5.0, 10.0, 20.0, 25.0, 50.0, 100.0]);
    let skip = rng.range(0.03, 0.15);
    let mut pool = w.politics.clone();
    let picks: Vec<(usize, usize)> = (0..rng.int(1, 3)).map(|_| (pool.swap_remove(rng.index(pool.len())), rng.index(2))).collect();
    for d in 0..SPAN_DAYS {
        if rng.chance(skip) {
            continue;
        }
        let mut at = START + d * DAY + at_sec + rng.int(0, 2);
        for &(m, o) in &picks {
            w.take(me, m, o, Side::Buy, Amount::Usd(usd), at, rng);
            at += rng.int(0, 2);
        }
    }
}

/// Grid bot: a ladder of resting buys every cent or two below the price and a sell one step
/// above each filled buy, re-armed after every round trip; fills come whenever the price
/// oscillates through the levels, day and night, always the same size.
fn grid_bot(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let size = *rng.pick(&[20.0, 50.0, 100.0, 200.0]);
    let step = rng.int(1, 2);
    let mut pool: Vec<usize> = w.politics.iter().chain(w.news.iter()).copied().collect();
    for _ in 0..rng.int(1, 2) {
        let m = pool.swap_remove(rng.index(pool.len()));
        let o = rng.index(2);
        let (open, close) = (w.markets[m].open.max(START), w.markets[m].close.min(NOW));
        if close <= open {
            continue;
        }
        let center = cents(w.markets[m].mid(o, open));
        let lo = (center - rng.int(4, 10)).max(2);
        let hi = (center + rng.int(4, 10)).min(98);
        let mut holding: BTreeMap<i64, bool> = BTreeMap::new();
        let mut last = center;
        let mut t = open;
        let tick = 60;
        while t <= close {
            let c = cents(w.markets[m].mid(o, t));
            if c != last {
                let at = t + rng.int(0, tick - 1);
                // Buys at each level crossed going down, sells a step above a held level going up.
                let mut level = lo;
                while level <= hi {
                    let held = holding.get(&level).copied().unwrap_or(false);
                    if c <= level && last > level && !held {
                        w.make(me, m, o, Side::Buy, level, size, at, rng);
                        holding.insert(level, true);
                    } else if c >= level + step && last < level + step && held {
                        w.make(me, m, o, Side::Sell, level + step, size, at, rng);
                        holding.insert(level, false);
                    }
                    level += step;
                }
                last = c;
            }
            t += tick;
        }
    }
}

/// Portfolio rebalancer (hard case): a script that every few hours (with a random sleep) brings
/// a handful of long-dated positions back to target weights, trading only when a position is
/// off by more than a threshold — computed, uneven share counts, a few orders a run.
fn rebalancer(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let period = *rng.pick(&[4, 6, 8, 12]) * 3600;
    let budget = rng.lognormal(3000.0, 0.6);
    let threshold = rng.range(0.08, 0.2);
    let mut pool: Vec<usize> = w.politics.clone();
    let book: Vec<(usize, usize, f64)> =
        (0..rng.int(3, 6)).map(|_| (pool.swap_remove(rng.index(pool.len())), rng.index(2), rng.range(0.1, 0.4))).collect();
    let mut held: Vec<f64> = vec![0.0; book.len()];
    let mut t = START + rng.int(0, period);
    while t <= NOW {
        let at = t + rng.int(0, 300);
        for (k, &(m, o, weight)) in book.iter().enumerate() {
            let mid = w.markets[m].mid(o, at);
            let want = budget * weight / mid;
            let diff = want - held[k];
            if (diff.abs() * mid) / (budget * weight) > threshold && diff.abs() >= 5.0 {
                let side = if diff > 0.0 { Side::Buy } else { Side::Sell };
                if let Some(f) = w.take(me, m, o, side, Amount::Shares(diff.abs()), at + k as i64, rng) {
                    held[k] += if diff > 0.0 { f.shares } else { -f.shares };
                }
            }
        }
        t += period;
    }
}

/// Wash-trading ring: wallets run by one script trading the same market back and forth among
/// themselves — one buys what another sells at the same price in the same transaction, constant
/// size, on a timer around the clock — to farm volume for rewards or an airdrop.
pub(crate) fn wash_ring(w: &mut World, rng: &mut Rng, ring: &[Wallet]) {
    let size = *rng.pick(&[250.0, 500.0, 1000.0, 2000.0]);
    let every = rng.int(15, 90) * 60;
    let kind = if rng.chance(0.5) { Kind::Politics } else { Kind::News };
    let mut t = START + rng.int(0, every);
    let mut m = w.politics[0];
    while t <= NOW {
        if !w.markets[m].live(t) || rng.chance(0.01) {
            let live = w.live_of(kind, t);
            if let Some(&n) = live.get(rng.index(live.len().max(1))) {
                m = n;
            }
        }
        let a = rng.index(ring.len());
        let b = (a + 1 + rng.index(ring.len() - 1)) % ring.len();
        let o = rng.index(2);
        let c = cents(w.markets[m].mid(o, t));
        if w.markets[m].live(t) {
            let hash = World::hash(rng);
            w.push(&ring[a], m, o, Side::Buy, c, size, t, &hash);
            w.push(&ring[b], m, o, Side::Sell, c, size, t, &hash);
        }
        t += every + rng.int(-30, 30);
    }
}

/// The bot behaviours (but the wash rings) and how many wallets each.
pub(crate) fn specs() -> Vec<Spec> {
    let list: [(&'static str, super::Run); 12] = [
        ("market_maker", market_maker),
        ("copy_poll", copy_poll),
        ("copy_onchain", copy_onchain),
        ("crypto_updown", crypto_updown),
        ("pair_arbitrage", pair_arbitrage),
        ("favourite_sniper", favourite_sniper),
        ("twap_accumulator", twap_accumulator),
        ("grid_bot", grid_bot),
        ("copy_multi_leader", copy_multi_leader),
        ("news_latency", news_latency),
        ("daily_dca", daily_dca),
        ("rebalancer", rebalancer),
    ];
    list.into_iter().map(|(name, run)| Spec { name, bot: true, count: 12, run }).collect()
}
