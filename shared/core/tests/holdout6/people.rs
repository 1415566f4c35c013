//! People: wallets whose every order a person decides, on the web site or the mobile app.

use super::{Amount, DAY, Kind, NOW, Rng, SPAN_DAYS, START, Spec, World, cents};
use copycat_core::trade::{Side, Wallet};
use std::collections::BTreeMap;

/// A person's day: time zone, when they get up and go to bed.
pub(crate) struct Person {
    /// Offset from UTC, in seconds.
    tz: i64,
    /// Local hour they start using their phone.
    wake: f64,
    /// Local hour they stop (past 24 means after midnight).
    sleep: f64,
}

impl Person {
    /// Someone from where Polymarket's users are: mostly the Americas and Europe, some Asia.
    pub fn new(rng: &mut Rng) -> Person {
        let tz = *rng.pick(&[-8, -7, -6, -5, -5, -5, -4, -3, 0, 1, 1, 2, 3, 4, 8, 9]) * 3600;
        Person { tz, wake: rng.range(6.0, 9.5), sleep: rng.range(22.0, 25.8) }
    }

    /// A moment on simulated day `d` while awake; `evening` is the share of moments drawn from
    /// after-work hours.
    pub fn moment(&self, d: i64, evening: f64, rng: &mut Rng) -> i64 {
        let h = if rng.chance(evening) { rng.range(18.0, self.sleep) } else { rng.range(self.wake, self.sleep) };
        START + d * DAY - self.tz + (h * 3600.0) as i64
    }

    /// A moment inside local office hours on day `d`.
    fn office(&self, rng: &mut Rng, d: i64) -> i64 {
        START + d * DAY - self.tz + (rng.range(9.0, 17.0) * 3600.0) as i64
    }

    /// Whether they are up at `t`.
    pub fn awake(&self, t: i64) -> bool {
        let h = (t + self.tz).rem_euclid(DAY) as f64 / 3600.0;
        (h >= self.wake && h < self.sleep) || h + 24.0 < self.sleep
    }

    /// The day of week of `t` locally, 0 = Monday.
    fn weekday(&self, t: i64) -> i64 {
        // 1970-01-01 was a Thursday.
        ((t + self.tz).div_euclid(DAY) + 3).rem_euclid(7)
    }

    /// Seconds between two taps: reading, deciding, typing an amount.
    pub fn gap(&self, rng: &mut Rng) -> i64 {
        (rng.lognormal(75.0, 0.9) as i64).max(7)
    }
}

/// A dollar amount as people type it: mostly a round figure, sometimes any whole number.
pub(crate) fn round_usd(x: f64) -> f64 {
    const NICE: [f64; 30] = [
        1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 750.0, 1000.0,
        1500.0, 2000.0, 2500.0, 3000.0, 5000.0, 7500.0, 10000.0, 20000.0, 50000.0,
    ];
    let x = x.max(1.0);
    let mut best = NICE[0];
    for n in NICE {
        if (n.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
            best = n;
        }
    }
    // About one time in six the typed figure is not a round one.
    if (x * 7.3).fract() < 0.17 { x.round() } else { best }
}

/// A round share count, as typed into a limit order.
fn round_shares(x: f64) -> f64 {
    const NICE: [f64; 12] = [10.0, 20.0, 25.0, 50.0, 100.0, 150.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0];
    let mut best = NICE[0];
    for n in NICE {
        if (n.ln() - x.ln()).abs() < (best.ln() - x.ln()).abs() {
            best = n;
        }
    }
    best
}

/// The favourite (0 or 1) of market `m` at `t`.
fn favourite(w: &World, m: usize, t: i64) -> usize {
    if w.markets[m].mid(0, t) >= 0.5 { 0 } else { 1 }
}

fn live_any(w: &World, rng: &mut Rng, kinds: &[Kind], t: i64) -> Option<usize> {
    let kind = *rng.pick(kinds);
    let live = w.live_of(kind, t);
    if live.is_empty() { None } else { Some(live[rng.index(live.len())]) }
}

/// Casual sports bettor: watches a few games a week and bets on them from the phone in the
/// evening — round dollar stakes on a team before or during the game, now and then cashing out
/// mid-game when it goes badly; otherwise holds to the final whistle.
fn casual_sports(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let per_week = rng.range(1.5, 5.0);
    let scale = rng.lognormal(25.0, 0.8);
    let cash_out = rng.range(0.05, 0.3);
    for d in 0..SPAN_DAYS {
        if !rng.chance(per_week / 7.0) {
            continue;
        }
        let mut t = p.moment(d, 0.8, rng);
        let mut games: Vec<usize> = w
            .live_of(Kind::Sports, t)
            .into_iter()
            .filter(|&m| w.markets[m].event - t < 8 * 3600 && w.markets[m].event > t - 7200)
            .collect();
        let n = rng.int(1, 3) as usize;
        while games.len() > n {
            games.swap_remove(rng.index(games.len()));
        }
        for m in games {
            let o = if rng.chance(0.55) { favourite(w, m, t) } else { 1 - favourite(w, m, t) };
            let got = w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.5))), t, rng);
            if let Some(f) = got
                && rng.chance(cash_out)
            {
                let later = w.markets[m].event + rng.int(40, 140) * 60;
                if p.awake(later) && w.markets[m].mid(o, later) < 0.35 {
                    w.take(me, m, o, Side::Sell, Amount::Shares(f.shares), later, rng);
                }
            }
            t += p.gap(rng);
        }
    }
}

/// Election holder: picks a few long-dated political questions, buys in sizeable round amounts
/// on a handful of days over the weeks (sometimes with a limit order below the market), and
/// rarely sells.
fn election_holder(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let mut mine: Vec<usize> = w.politics.clone();
    let keep = rng.int(2, 5) as usize;
    while mine.len() > keep {
        mine.swap_remove(rng.index(mine.len()));
    }
    let side: Vec<usize> = mine.iter().map(|_| rng.index(2)).collect();
    let scale = rng.lognormal(300.0, 0.8);
    let orders = rng.int(6, 22);
    let mut held: BTreeMap<usize, f64> = BTreeMap::new();
    for _ in 0..orders {
        let d = rng.int(0, SPAN_DAYS - 1);
        let t = p.moment(d, 0.5, rng);
        let k = rng.index(mine.len());
        let (m, o) = (mine[k], side[k]);
        let h = held.get(&m).copied().unwrap_or(0.0);
        if h > 5.0 && rng.chance(0.1) {
            w.take(me, m, o, Side::Sell, Amount::Shares((h * rng.range(0.2, 0.6)).max(5.0)), t, rng);
            continue;
        }
        let usd = round_usd(rng.lognormal(scale, 0.7));
        if rng.chance(0.25) {
            // A limit a few cents under the market, filled by someone later.
            let c = cents(w.markets[m].mid(o, t)) - rng.int(1, 4);
            let shares = round_shares(usd / (c.max(1) as f64 / 100.0));
            if w.make(me, m, o, Side::Buy, c.max(1), shares, t + rng.exp(8.0 * 3600.0) as i64, rng) {
                *held.entry(m).or_default() += shares;
            }
        } else if let Some(f) = w.take(me, m, o, Side::Buy, Amount::Usd(usd), t, rng) {
            *held.entry(m).or_default() += f.shares;
        }
    }
}

/// News chaser: mostly away, but when a story breaks and a market jumps they pile in within
/// the next hour with a quick burst of orders, usually chasing the move.
fn news_burst(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let react = rng.range(0.12, 0.4);
    let scale = rng.lognormal(60.0, 0.8);
    let jumps = w.jumps.clone();
    for j in jumps {
        let mut t = j.at + rng.lognormal(1500.0, 0.8) as i64;
        if !rng.chance(react) || !p.awake(t) {
            continue;
        }
        let chase = rng.chance(0.75);
        for _ in 0..rng.int(1, 5) {
            let o = if chase { j.up } else { 1 - j.up };
            w.take(me, j.m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.6))), t, rng);
            t += p.gap(rng);
        }
    }
    // A little browsing between stories.
    for d in 0..SPAN_DAYS {
        if rng.chance(0.12) {
            let t = p.moment(d, 0.5, rng);
            if let Some(m) = live_any(w, rng, &[Kind::News, Kind::Politics], t) {
                let o = rng.index(2);
                w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.6))), t, rng);
            }
        }
    }
}

/// App crypto punter: opens the app in the evening and bets on the current hour's Bitcoin (or
/// Ethereum) up/down market several times in a session, small round stakes, sometimes bailing
/// out of a losing bet a few minutes later.
fn app_crypto_punter(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let days = rng.range(1.5, 5.0);
    let scale = rng.lognormal(15.0, 0.7);
    for d in 0..SPAN_DAYS {
        if !rng.chance(days / 7.0) {
            continue;
        }
        let mut t = p.moment(d, 0.7, rng);
        for _ in 0..rng.int(2, 8) {
            let current: Vec<usize> = w.live_of(Kind::Crypto, t).into_iter().filter(|&m| w.markets[m].event <= t).collect();
            if current.is_empty() {
                break;
            }
            let m = if rng.chance(0.75) { current[0] } else { current[rng.index(current.len())] };
            let o = if rng.chance(0.6) { favourite(w, m, t) } else { 1 - favourite(w, m, t) };
            if let Some(f) = w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.6))), t, rng)
                && rng.chance(0.2)
            {
                let later = t + p.gap(rng) * 3;
                w.take(me, m, o, Side::Sell, Amount::Shares(f.shares), later, rng);
            }
            t += p.gap(rng) * rng.int(1, 8);
        }
    }
}

/// Limit-order ladderer: sets a few resting buys at round prices below the market in the app
/// ("100 at 40¢, 200 at 35¢") and lets them fill whenever the price comes down, at any hour;
/// later sells with a limit a few cents higher.
fn limit_ladderer(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let ladders = rng.int(2, 6);
    let size = rng.lognormal(150.0, 0.7);
    for _ in 0..ladders {
        let t0 = p.moment(rng.int(0, SPAN_DAYS - 3), 0.5, rng);
        let Some(m) = live_any(w, rng, &[Kind::Politics, Kind::News, Kind::Politics], t0) else { continue };
        let o = rng.index(2);
        let mid = cents(w.markets[m].mid(o, t0));
        let step = *rng.pick(&[1, 2, 3, 5]);
        let mut filled = 0.0;
        let mut cost = 0.0;
        for k in 1..=rng.int(2, 5) {
            let level = mid - k * step;
            if level < 2 {
                break;
            }
            let shares = round_shares(size * k as f64);
            if let Some(hit) = w.first_cross(m, o, t0, t0 + 10 * DAY, level, true, rng) {
                // Filled in one or a few pieces as sellers arrive.
                let parts = rng.int(1, 3);
                let mut t = hit;
                for i in 0..parts {
                    let part =
                        if i + 1 == parts { shares - (shares / parts as f64).floor() * i as f64 } else { (shares / parts as f64).floor() };
                    w.make(me, m, o, Side::Buy, level, part, t, rng);
                    t += rng.exp(1800.0) as i64 + 1;
                }
                filled += shares;
                cost += shares * level as f64;
            }
        }
        if filled > 0.0 && rng.chance(0.6) {
            let target = (cost / filled).round() as i64 + rng.int(3, 12);
            if target < 99
                && let Some(hit) = w.first_cross(m, o, t0 + DAY, NOW, target, false, rng)
            {
                w.make(me, m, o, Side::Sell, target, filled, hit, rng);
            }
        }
    }
}

/// Conviction whale: a few very large bets on questions they have a strong view on, each order
/// big enough to sweep several price levels, scaled in over days; sometimes dumps a big block.
fn whale_conviction(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let scale = rng.lognormal(6000.0, 0.7);
    let t0 = p.moment(rng.int(0, 12), 0.3, rng);
    let mut views: Vec<(usize, usize)> = Vec::new();
    for _ in 0..rng.int(1, 4) {
        if let Some(m) = live_any(w, rng, &[Kind::Politics, Kind::Politics, Kind::News], t0) {
            views.push((m, rng.index(2)));
        }
    }
    if views.is_empty() {
        views.push((w.politics[0], 0));
    }
    let mut held: BTreeMap<usize, f64> = BTreeMap::new();
    for _ in 0..rng.int(3, 12) {
        let t = p.moment(rng.int(0, SPAN_DAYS - 1), 0.3, rng);
        let (m, o) = views[rng.index(views.len())];
        let h = held.get(&m).copied().unwrap_or(0.0);
        if h > 100.0 && rng.chance(0.2) {
            w.take(me, m, o, Side::Sell, Amount::Shares((h * rng.range(0.3, 1.0)).floor()), t, rng);
            continue;
        }
        if let Some(f) = w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.6))), t, rng) {
            *held.entry(m).or_default() += f.shares;
        }
    }
}

/// Long-shot lottery buyer: a few times a week buys outcomes priced 1–7¢ across sports, news
/// and crypto markets for a few dollars each, hoping one pays 20–50x.
fn longshot_lottery(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let days = rng.range(1.0, 4.0);
    let scale = rng.lognormal(5.0, 0.6);
    for d in 0..SPAN_DAYS {
        if !rng.chance(days / 7.0) {
            continue;
        }
        let mut t = p.moment(d, 0.6, rng);
        for _ in 0..rng.int(1, 6) {
            let mut found = None;
            for _ in 0..12 {
                if let Some(m) = live_any(w, rng, &[Kind::Sports, Kind::News, Kind::Crypto, Kind::Politics], t) {
                    let o = 1 - favourite(w, m, t);
                    let mid = w.markets[m].mid(o, t);
                    if (0.01..=0.07).contains(&mid) {
                        found = Some((m, o));
                        break;
                    }
                }
            }
            if let Some((m, o)) = found {
                w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.5))), t, rng);
            }
            t += p.gap(rng);
        }
    }
}

/// Favourite grinder (hard case): a person who "farms" near-certain outcomes by hand every
/// evening — buys 88–97¢ favourites in games about to end and crypto hours about to close, a
/// similar stake each time, and lets them resolve. Repetitive, but sessions, sizes and timing
/// are a person's.
fn favourite_grinder(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let daily = rng.range(0.5, 0.9);
    let stake = rng.lognormal(150.0, 0.7);
    for d in 0..SPAN_DAYS {
        if !rng.chance(daily) {
            continue;
        }
        let mut t = p.moment(d, 0.85, rng);
        for _ in 0..rng.int(1, 6) {
            let near: Vec<usize> = w
                .live_of(Kind::Sports, t)
                .into_iter()
                .chain(w.live_of(Kind::Crypto, t))
                .filter(|&m| w.markets[m].close - t < 45 * 60 && w.markets[m].event <= t)
                .collect();
            let fav: Vec<(usize, usize)> = near
                .into_iter()
                .map(|m| (m, favourite(w, m, t)))
                .filter(|&(m, o)| (0.88..=0.97).contains(&w.markets[m].mid(o, t)))
                .collect();
            if let Some(&(m, o)) = fav.get(rng.index(fav.len().max(1))) {
                w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(stake, 0.35))), t, rng);
            }
            t += p.gap(rng) * rng.int(1, 6);
        }
    }
}

/// Active swing trader (hard case): trades politics and news through the working day from a
/// desk — dozens of orders on busy days, in and out of the same markets within minutes to
/// hours, market orders and limits mixed, round share counts.
fn active_swing_trader(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let lot = rng.lognormal(250.0, 0.7);
    let busy = rng.range(8.0, 30.0);
    let mut held: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for d in 0..SPAN_DAYS {
        let probe = START + d * DAY + 12 * 3600;
        let weekend = p.weekday(probe) >= 5;
        if (weekend && !rng.chance(0.15)) || !rng.chance(0.85) {
            continue;
        }
        let mut t = p.office(rng, d).min(START + d * DAY - p.tz + 11 * 3600);
        let n = (rng.exp(busy) as i64).clamp(2, 60);
        for _ in 0..n {
            t += (rng.lognormal(420.0, 1.0) as i64).max(10);
            let open: Vec<(usize, usize)> = held.iter().filter(|(k, v)| **v >= 5.0 && w.markets[k.0].live(t)).map(|(k, _)| *k).collect();
            if !open.is_empty() && rng.chance(0.45) {
                let (m, o) = open[rng.index(open.len())];
                let h = held[&(m, o)];
                let q = if rng.chance(0.6) { h } else { (h / 2.0).floor().max(5.0) };
                if rng.chance(0.3) {
                    let c = cents(w.markets[m].mid(o, t)) + rng.int(1, 3);
                    if w.make(me, m, o, Side::Sell, c.min(99), q, t + rng.int(30, 1800), rng) {
                        *held.get_mut(&(m, o)).expect("held") -= q;
                    }
                } else if let Some(f) = w.take(me, m, o, Side::Sell, Amount::Shares(q), t, rng) {
                    *held.get_mut(&(m, o)).expect("held") -= f.shares.min(h);
                }
                continue;
            }
            let Some(m) = live_any(w, rng, &[Kind::Politics, Kind::News, Kind::Politics, Kind::Sports], t) else { continue };
            let o = rng.index(2);
            let q = round_shares(rng.lognormal(lot, 0.5));
            if rng.chance(0.3) {
                let c = cents(w.markets[m].mid(o, t)) - rng.int(1, 3);
                if c >= 2 && w.make(me, m, o, Side::Buy, c, q, t + rng.int(30, 1800), rng) {
                    *held.entry((m, o)).or_default() += q;
                }
            } else if let Some(f) = w.take(me, m, o, Side::Buy, Amount::Shares(q), t, rng) {
                *held.entry((m, o)).or_default() += f.shares;
            }
        }
    }
}

/// Manual copier (hard case): follows a well-known trader's profile and copies some of their
/// trades by hand when they see them — minutes to hours later, whenever they happen to check,
/// in their own round amounts; sells when the leader sells.
fn manual_copier(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let leader = w.leaders[rng.index(w.leaders.len())].clone();
    let keen = rng.range(0.25, 0.6);
    let scale = rng.lognormal(40.0, 0.7);
    let lag = rng.lognormal(1500.0, 0.6);
    let mut held: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for l in leader {
        let t = l.ts + (rng.lognormal(lag, 1.0) as i64).max(90);
        if !p.awake(t) {
            continue;
        }
        match l.side {
            Side::Buy => {
                if rng.chance(keen)
                    && let Some(f) = w.take(me, l.m, l.o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.5))), t, rng)
                {
                    *held.entry((l.m, l.o)).or_default() += f.shares;
                }
            }
            Side::Sell => {
                let h = held.get(&(l.m, l.o)).copied().unwrap_or(0.0);
                if h >= 5.0
                    && rng.chance(0.8)
                    && let Some(f) = w.take(me, l.m, l.o, Side::Sell, Amount::Shares(h), t, rng)
                {
                    *held.get_mut(&(l.m, l.o)).expect("held") -= f.shares.min(h);
                }
            }
        }
    }
    // Their own picks too, now and then.
    for d in 0..SPAN_DAYS {
        if rng.chance(0.1) {
            let t = p.moment(d, 0.6, rng);
            if let Some(m) = live_any(w, rng, &[Kind::Sports, Kind::Politics], t) {
                let o = rng.index(2);
                w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.5))), t, rng);
            }
        }
    }
}

/// Both-sides hedger (hard case): bets on one side, and later — when the price has moved — buys
/// the other outcome of the same market to lock in a profit or cap a loss, so the wallet holds
/// both tokens of a market, as market makers do.
fn hedger_both_sides(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let scale = rng.lognormal(120.0, 0.7);
    for _ in 0..rng.int(3, 9) {
        let t = p.moment(rng.int(0, SPAN_DAYS - 1), 0.6, rng);
        let Some(m) = live_any(w, rng, &[Kind::Sports, Kind::Politics, Kind::Sports, Kind::News], t) else { continue };
        let o = rng.index(2);
        let Some(f) = w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(scale, 0.6))), t, rng) else { continue };
        // Check back later: in-game for sports, a day or more for the rest.
        let later = if w.markets[m].kind == Kind::Sports {
            w.markets[m].event.max(t) + rng.int(30, 150) * 60
        } else {
            p.moment((t - START) / DAY + rng.int(1, 6), 0.6, rng)
        };
        if !p.awake(later) {
            continue;
        }
        let now_o = w.markets[m].mid(o, later);
        if (now_o - f.price).abs() > 0.08 || rng.chance(0.3) {
            let shares = if rng.chance(0.6) { f.shares.round() } else { round_shares(f.shares) };
            w.take(me, m, 1 - o, Side::Buy, Amount::Shares(shares), later, rng);
        } else if rng.chance(0.5) {
            w.take(me, m, o, Side::Sell, Amount::Shares(f.shares), later, rng);
        }
    }
}

/// Newcomer: a new account trying Polymarket out — a handful of tiny bets over a few days on
/// whatever is on the front page, then mostly quiet.
fn newcomer_small(w: &mut World, rng: &mut Rng, me: &Wallet) {
    let p = Person::new(rng);
    let first = rng.int(SPAN_DAYS - 25, SPAN_DAYS - 3);
    let total = rng.int(3, 12);
    let mut done = 0;
    for _ in 0..60 {
        if done >= total {
            break;
        }
        let d = (first + rng.exp(2.5) as i64).min(SPAN_DAYS - 1);
        let mut t = p.moment(d, 0.6, rng);
        for _ in 0..rng.int(1, 4) {
            if let Some(m) = live_any(w, rng, &[Kind::Sports, Kind::Politics, Kind::Crypto, Kind::News], t) {
                let o = rng.index(2);
                let price = w.markets[m].mid(o, t);
                if (0.08..=0.92).contains(&price)
                    && w.take(me, m, o, Side::Buy, Amount::Usd(round_usd(rng.lognormal(5.0, 0.6))), t, rng).is_some()
                {
                    done += 1;
                }
            }
            t += p.gap(rng) * 2;
        }
    }
    if done == 0 {
        // Always at least the first bet, on the biggest politics question.
        let t = NOW - rng.int(2, 10) * DAY;
        let m = w.politics[0];
        w.take(me, m, 0, Side::Buy, Amount::Usd(5.0), t, rng);
    }
}

/// The human behaviours and how many wallets each.
pub(crate) fn specs() -> Vec<Spec> {
    let list: [(&'static str, super::Run); 12] = [
        ("casual_sports", casual_sports),
        ("election_holder", election_holder),
        ("news_burst", news_burst),
        ("app_crypto_punter", app_crypto_punter),
        ("limit_ladderer", limit_ladderer),
        ("whale_conviction", whale_conviction),
        ("longshot_lottery", longshot_lottery),
        ("newcomer_small", newcomer_small),
        ("favourite_grinder", favourite_grinder),
        ("active_swing_trader", active_swing_trader),
        ("manual_copier", manual_copier),
        ("hedger_both_sides", hedger_both_sides),
    ];
    list.into_iter().map(|(name, run)| Spec { name, bot: false, count: 15, run }).collect()
}
