//! Everyone on the tape who is not labelled: well-known leaders whom people and programs copy,
//! makers, ordinary traders and other programs, and the makers on the other side of labelled fills.

use super::NOW;
use super::agent::{Agent, new_wallet, row};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, Leader, League, MIN, Move, START, World};
use copycat_core::trade::{Trade, Wallet};
use std::collections::BTreeSet;

pub const LEADER_STYLES: [&str; 10] = [
    "sports_whale",
    "sports_whale",
    "sports_whale",
    "politics_whale",
    "politics_whale",
    "crypto_whale_bot",
    "news_whale",
    "mixed_whale",
    "mixed_whale",
    "weather_whale",
];

/// The leaders' trades, written like the traders they are.
pub fn leaders(w: &World, seed: u64) -> (Vec<Leader>, Vec<Trade>) {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for (i, style) in LEADER_STYLES.iter().enumerate() {
        let mut a = Agent::new(w, Rng::fork(seed, 2, i as u64));
        match *style {
            "sports_whale" => sports_whale(&mut a, i),
            "politics_whale" => politics_whale(&mut a),
            "crypto_whale_bot" => crypto_whale(&mut a),
            "news_whale" => news_whale(&mut a),
            "mixed_whale" => mixed_whale(&mut a),
            _ => weather_whale(&mut a),
        }
        let mut moves = a.log.clone();
        moves.sort_by_key(|m| m.t);
        out.push(Leader { wallet: a.wallet.as_str().to_string(), style, moves });
        rows.extend(a.fills);
    }
    (out, rows)
}

fn sports_whale(a: &mut Agent, i: usize) {
    let leagues: &[League] = match i {
        0 => &[League::Nba, League::Nfl, League::Cfb],
        1 => &[League::Epl, League::Ucl, League::LaLiga, League::SerieA],
        _ => &[League::Nfl, League::Nhl, League::Nba, League::Tennis],
    };
    a.set_clock(if i == 1 { 0 } else { -5 }, 9.0, 16.5);
    for d in 0..=30 {
        if !a.rng.chance(0.85) {
            continue;
        }
        let day = a.local_midnight(d);
        let games: Vec<usize> =
            a.w.games_starting(day + 11 * HOUR, day + 35 * HOUR)
                .iter()
                .copied()
                .filter(|&g| matches!(a.w.markets[g].kind, Kind::Game(l) if leagues.contains(&l)))
                .collect();
        if games.is_empty() {
            continue;
        }
        let k = a.rng.range(1, 6) as usize;
        let mut games = games;
        a.rng.shuffle(&mut games);
        for &g in games.iter().take(k) {
            let (start, end) = a.w.markets[g].live;
            let t = start - a.rng.range(15 * MIN, 7 * HOUR);
            let o = if a.rng.chance(0.55) { a.w.leader_o(g, t) } else { 1 - a.w.leader_o(g, t) };
            let usd = a.nice_usd(9_000.0, 0.8);
            let lv = a.rng.range(1, 4) as usize;
            a.buy_usd(g, o, t, usd, lv);
            if a.rng.chance(0.35) {
                let t2 = a.rng.range(start + 5 * MIN, end - 10 * MIN);
                let usd = a.nice_usd(5_000.0, 0.7);
                a.buy_usd(g, o, t2, usd, 2);
            }
            if a.rng.chance(0.25) {
                let t3 = a.rng.range(start + 20 * MIN, end);
                a.sell_all(g, o, t3, 2);
            }
        }
    }
}

fn politics_whale(a: &mut Agent) {
    a.set_clock(-5, 8.0, 17.0);
    let w = a.w;
    let mut markets: Vec<usize> = w.elections.clone();
    markets.extend(w.politics.iter().copied());
    for d in 0..=30 {
        let day = a.local_midnight(d);
        let election_night = day <= super::world::ELECTION_NIGHT && super::world::ELECTION_NIGHT < day + DAY + 6 * HOUR;
        let n = if election_night {
            a.rng.range(8, 20)
        } else if a.rng.chance(0.7) {
            a.rng.range(1, 5)
        } else {
            0
        };
        for _ in 0..n {
            let m = a.rng.pick(&markets);
            let t = if election_night { super::world::ELECTION_NIGHT + a.rng.range(0, 6 * HOUR) } else { a.awake_time(d, 0.3) };
            if !w.is_open(m, t) {
                continue;
            }
            let o = if a.rng.chance(0.6) { w.leader_o(m, t) } else { 1 - w.leader_o(m, t) };
            if a.held(m, o) > 0 && a.rng.chance(0.3) {
                a.sell_part(m, o, t, a.rng.uniform(0.3, 1.0), 2);
            } else {
                let usd = a.nice_usd(12_000.0, 0.9);
                let lv = a.rng.range(1, 4) as usize;
                a.buy_usd(m, o, t, usd, lv);
            }
        }
    }
}

fn crypto_whale(a: &mut Agent) {
    let w = a.w;
    for asset in [0usize, 1] {
        for k in 0..w.crypto15[asset].len() {
            let m = w.crypto15[asset][k];
            if !a.rng.chance(if asset == 0 { 0.22 } else { 0.08 }) {
                continue;
            }
            let start = w.markets[m].live.0;
            let t = start + a.rng.range(300, 780);
            let o = w.leader_o(m, t);
            let c = w.mid(m, o, t);
            if !(58..=88).contains(&c) {
                continue;
            }
            let usd = (a.rng.lognormal(2_500.0, 0.5) / 10.0).round() * 10.0;
            a.buy_usd(m, o, t, usd, 2);
        }
    }
}

fn news_whale(a: &mut Agent) {
    a.set_clock(1, 7.5, 17.0);
    let w = a.w;
    let mut markets: Vec<usize> = w.news.clone();
    markets.extend(w.politics.iter().copied());
    for &m in &markets {
        for &(te, dp) in &w.markets[m].events {
            if dp.abs() < 0.03 || !a.rng.chance(0.6) {
                continue;
            }
            let t = a.next_awake(te + a.human_delay(900.0));
            let o = if dp > 0.0 { 0 } else { 1 };
            let usd = a.nice_usd(6_000.0, 0.8);
            a.buy_usd(m, o, t, usd, 3);
            if a.rng.chance(0.5) {
                let t2 = t + a.rng.range(2 * HOUR, 6 * DAY);
                a.sell_all(m, o, a.next_awake(t2), 2);
            }
        }
    }
}

fn mixed_whale(a: &mut Agent) {
    a.set_clock(-5, 9.5, 16.0);
    let w = a.w;
    for d in 0..=30 {
        if !a.rng.chance(0.75) {
            continue;
        }
        let day = a.local_midnight(d);
        for _ in 0..a.rng.range(1, 4) {
            let t = a.awake_time(d, 0.5);
            let pool: &[usize] = match a.rng.below(3) {
                0 => &w.culture,
                1 => &w.macro_,
                _ => w.games_starting(day + 12 * HOUR, day + 40 * HOUR),
            };
            if pool.is_empty() {
                continue;
            }
            let m = a.rng.pick(pool);
            let t = if matches!(w.markets[m].kind, Kind::Game(_)) { w.markets[m].live.0 - a.rng.range(10 * MIN, 5 * HOUR) } else { t };
            if !w.is_open(m, t) {
                continue;
            }
            let o = if a.rng.chance(0.6) { w.leader_o(m, t) } else { 1 - w.leader_o(m, t) };
            let usd = a.nice_usd(4_000.0, 0.8);
            a.buy_usd(m, o, t, usd, 2);
        }
    }
}

fn weather_whale(a: &mut Agent) {
    a.set_clock(-5, 6.5, 17.0);
    let w = a.w;
    for g in &w.weather {
        if !a.rng.chance(0.4) {
            continue;
        }
        let t = a.next_awake(g.live.0 - a.rng.range(2 * HOUR, 14 * HOUR));
        let best = *g.markets.iter().max_by(|&&x, &&y| w.prob(x, t).total_cmp(&w.prob(y, t))).unwrap();
        for &m in &g.markets {
            let p = w.prob(m, t);
            if m == best || (p > 0.15 && a.rng.chance(0.6)) {
                let usd = a.nice_usd(400.0, 0.6);
                a.buy_usd(m, 0, t + a.rng.range(0, 90), usd, 2);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------

struct Pool {
    wallets: Vec<Wallet>,
    /// Cumulative weights per taste: sports, crypto, politics/news/macro, weather/mentions/culture.
    cum: Vec<Vec<(f64, usize)>>,
    makers: Vec<usize>,
}

impl Pool {
    fn new(rng: &mut Rng, n: usize) -> Pool {
        let wallets: Vec<Wallet> = (0..n).map(|_| new_wallet(rng)).collect();
        let mut cum = vec![Vec::new(); 4];
        let mut totals = [0.0; 4];
        let mut makers = Vec::new();
        for i in 0..n {
            let weight = 1.0 / ((i % 997) as f64 + 3.0).powf(0.9) * rng.uniform(0.5, 1.5);
            let taste = rng.below(5);
            if i % 61 == 0 {
                makers.push(i);
            }
            for c in 0..4 {
                let likes = taste == 4 || taste == c || rng.chance(0.08);
                if likes {
                    totals[c] += weight;
                    cum[c].push((totals[c], i));
                }
            }
        }
        Pool { wallets, cum, makers }
    }

    fn pick(&self, rng: &mut Rng, taste: usize) -> usize {
        let v = &self.cum[taste];
        let x = rng.f64() * v.last().unwrap().0;
        let k = v.partition_point(|e| e.0 < x);
        v[k.min(v.len() - 1)].1
    }
}

fn taste(kind: Kind) -> usize {
    match kind {
        Kind::Game(_) => 0,
        Kind::Crypto15(_) | Kind::Crypto60(_) | Kind::CryptoDaily(_) => 1,
        Kind::Election | Kind::Politics | Kind::Macro | Kind::News => 2,
        Kind::Weather(_) | Kind::Mention | Kind::Culture => 3,
    }
}

/// Crowd trades in every market labelled wallets touch (and some they do not), plus the makers
/// on the other side of some labelled fills (same transaction).
pub fn crowd(w: &World, seed: u64, touched: &BTreeSet<usize>, labelled: &[(Move, String)]) -> Vec<Trade> {
    let mut rng = Rng::fork(seed, 3, 0);
    let pool = Pool::new(&mut rng, 2_700);
    let mut out = Vec::new();
    for m in 0..w.markets.len() {
        let mk = &w.markets[m];
        if mk.end <= START || mk.open > NOW {
            continue;
        }
        let hit = touched.contains(&m);
        let base = match mk.kind {
            Kind::Crypto15(_) => {
                if !hit && !rng.chance(0.25) {
                    continue;
                }
                4.0
            }
            Kind::Crypto60(_) => {
                if !hit && !rng.chance(0.4) {
                    continue;
                }
                6.0
            }
            Kind::CryptoDaily(_) => 9.0,
            Kind::Game(_) => 28.0,
            Kind::Election => 60.0,
            Kind::Politics | Kind::News => 45.0,
            Kind::Macro => 40.0,
            Kind::Culture => 30.0,
            Kind::Weather(_) => 4.0,
            Kind::Mention => 12.0,
        };
        let n = ((base * mk.heat * rng.uniform(0.6, 1.4)).round() as usize).max(if hit { 2 } else { 1 });
        let span = (mk.end - mk.open).max(1);
        for _ in 0..n {
            let r = rng.f64();
            let t = if r < 0.5 {
                mk.open + rng.range(0, span)
            } else if r < 0.85 && mk.live.1 > mk.live.0 && mk.live.0 < mk.end {
                rng.range(mk.live.0.max(mk.open), mk.live.1.min(mk.end))
            } else {
                mk.end - rng.range(0, (span / 8).max(1))
            };
            let t = t.clamp(START + 1, NOW).clamp(mk.open, mk.end);
            let p = w.prob(m, t);
            let o = if rng.f64() < p.powf(0.8) / (p.powf(0.8) + (1.0 - p).powf(0.8)) { 0 } else { 1 };
            let buy = rng.chance(0.7);
            let maker = rng.chance(0.15);
            let who = if maker { pool.makers[rng.below(pool.makers.len())] } else { pool.pick(&mut rng, taste(mk.kind)) };
            let cents = match (buy, maker) {
                (true, false) | (false, true) => w.ask(m, o, t),
                _ => w.bid(m, o, t),
            };
            let usd = rng.lognormal(if maker { 120.0 } else { 35.0 }, 1.4);
            let h = ((usd * 10_000.0 / cents as f64) as i64).max(500);
            let h = if rng.chance(0.2) { (h / 100).max(5) * 100 } else { h };
            let tx = format!("0x{}", rng.hex(64));
            out.push(row(w, &pool.wallets[who], m, o, buy, t, cents, h, &tx));
        }
    }
    // Makers on the other side of labelled fills.
    for (mv, tx) in labelled {
        if !rng.chance(0.12) {
            continue;
        }
        let who = pool.makers[rng.below(pool.makers.len())];
        let h = ((mv.h as f64 * rng.uniform(0.3, 1.0)) as i64).max(500);
        out.push(row(w, &pool.wallets[who], mv.m, mv.o, !mv.buy, mv.t, mv.cents, h, tx));
    }
    out
}
