//! The unlabelled crowd: famous traders that others follow, and the flow of ordinary trades.

use super::out::{Actor, CROWD_MAKERS, CROWD_MAKERS_N, CROWD_PEOPLE, CROWD_PEOPLE_N, Fill, LEADERS, Leader, MIN_SZ, Out};
use super::rng::Rng;
use super::world::{DAY, ELECTION_NIGHT, HOUR, Kind, MIN, NOW, Path, Region, START, World};
use copycat_core::trade::Side;

struct Style {
    name: &'static str,
    kinds: fn(Kind) -> bool,
    per_day: f64,
    usd: f64,
    sell: f64,
    region: Region,
    foresight: f64,
}

fn sports(k: Kind) -> bool {
    matches!(k, Kind::Game(_))
}
fn politics(k: Kind) -> bool {
    matches!(k, Kind::Election | Kind::Politics | Kind::Deadline)
}
fn anything(k: Kind) -> bool {
    !matches!(k, Kind::Weather)
}
fn crypto(k: Kind) -> bool {
    matches!(k, Kind::CryptoDaily)
}
fn culture(k: Kind) -> bool {
    matches!(k, Kind::Culture | Kind::Weather)
}
fn econ(k: Kind) -> bool {
    matches!(k, Kind::Econ | Kind::Deadline)
}
fn elections(k: Kind) -> bool {
    matches!(k, Kind::Election)
}
fn sports_politics(k: Kind) -> bool {
    sports(k) || politics(k)
}

const STYLES: [Style; 12] = [
    Style { name: "sports_whale", kinds: sports, per_day: 4.0, usd: 3000.0, sell: 0.1, region: Region::UsEast, foresight: 0.6 },
    Style { name: "football_whale", kinds: sports, per_day: 3.0, usd: 2000.0, sell: 0.1, region: Region::Europe, foresight: 0.6 },
    Style { name: "sports_sharp", kinds: sports, per_day: 8.0, usd: 800.0, sell: 0.25, region: Region::UsWest, foresight: 0.62 },
    Style { name: "politics_whale", kinds: politics, per_day: 2.0, usd: 9000.0, sell: 0.1, region: Region::UsEast, foresight: 0.65 },
    Style { name: "politics_trader", kinds: politics, per_day: 6.0, usd: 1500.0, sell: 0.35, region: Region::UsEast, foresight: 0.58 },
    Style { name: "news_insider", kinds: politics, per_day: 0.8, usd: 5000.0, sell: 0.15, region: Region::Europe, foresight: 0.85 },
    Style { name: "active_trader", kinds: anything, per_day: 22.0, usd: 300.0, sell: 0.4, region: Region::UsCentral, foresight: 0.55 },
    Style { name: "crypto_trader", kinds: crypto, per_day: 9.0, usd: 500.0, sell: 0.3, region: Region::Asia, foresight: 0.55 },
    Style { name: "culture_degen", kinds: culture, per_day: 5.0, usd: 200.0, sell: 0.2, region: Region::UsWest, foresight: 0.55 },
    Style { name: "active_trader_b", kinds: sports_politics, per_day: 14.0, usd: 400.0, sell: 0.35, region: Region::Uk, foresight: 0.56 },
    Style { name: "macro", kinds: econ, per_day: 1.5, usd: 4000.0, sell: 0.2, region: Region::UsEast, foresight: 0.7 },
    Style {
        name: "election_specialist",
        kinds: elections,
        per_day: 2.5,
        usd: 2000.0,
        sell: 0.2,
        region: Region::UsCentral,
        foresight: 0.7,
    },
];

/// Indices of leaders that trade rarely (used by followers that want quiet leaders).
pub const QUIET_LEADERS: [usize; 6] = [0, 1, 3, 5, 10, 11];
/// Indices of leaders with many trades.
pub const BUSY_LEADERS: [usize; 4] = [2, 6, 7, 9];

/// Generates the famous traders' fills into the tape and remembers them for followers.
pub fn leaders(o: &mut Out) {
    let w = o.w;
    for (k, s) in STYLES.iter().enumerate() {
        let who = LEADERS + k as u32;
        let mut a = Actor::new(who, Rng::new(&[0x1ead, k as u64]));
        let first_row = o.rows.len();
        for day in s.region.day(START + 1)..=s.region.day(NOW - 1) {
            let t_noon = s.region.at(day, 12 * HOUR);
            let mut per = s.per_day;
            if s.name == "election_specialist" && (ELECTION_NIGHT - DAY..ELECTION_NIGHT + DAY).contains(&t_noon) {
                per *= 8.0;
            }
            let n = a.rng.poisson(per);
            let mut times: Vec<i64> = (0..n)
                .map(|_| {
                    let h = if a.rng.chance(0.85) { a.rng.uniform(9.0, 24.5) } else { a.rng.uniform(0.0, 24.0) };
                    s.region.at(day, (h * HOUR as f64) as i64)
                })
                .collect();
            times.sort_unstable();
            for t in times {
                if t <= START || t >= NOW {
                    continue;
                }
                let held = a.holdings();
                if !held.is_empty() && a.rng.chance(s.sell) {
                    let (m, out, sz) = *a.rng.pick(&held);
                    let part = if a.rng.chance(0.5) { sz } else { sz / 2 };
                    o.sell(&mut a, m, out, t, part);
                    continue;
                }
                let mut cands: Vec<u32> = w.live_of(t, s.kinds).into_iter().filter(|&m| (0.04..0.96).contains(&w.p(m, t))).collect();
                if (s.kinds)(Kind::Game(super::world::Sport::Nba)) {
                    cands.retain(|&m| match w.m(m).game {
                        Some((g0, g1)) => t < g1 && g0 - t < 14 * HOUR,
                        None => true,
                    });
                }
                if s.name == "crypto_trader"
                    && a.rng.chance(0.4)
                    && let Some(m) = w.updown60_at(a.rng.below(2), t)
                {
                    cands = vec![m];
                }
                if cands.is_empty() {
                    continue;
                }
                let weights: Vec<f64> = cands.iter().map(|&m| w.m(m).volume).collect();
                let m = cands[a.rng.weighted(&weights)];
                let p = w.p(m, t);
                let later = w.p(m, (t + 12 * HOUR).min(w.m(m).close - 1));
                let out = if a.rng.chance(s.foresight) {
                    if later >= p { 0 } else { 1 }
                } else if a.rng.chance(0.6) {
                    if p >= 0.5 { 0 } else { 1 }
                } else {
                    a.rng.below(2) as u8
                };
                let usd = a.rng.lognormal(s.usd, 0.8).min(s.usd * 8.0);
                o.take_usd(&mut a, m, out, t, usd, None);
            }
        }
        let fills: Vec<Fill> = o.rows[first_row..].iter().copied().filter(|f| f.who == who).collect();
        o.leaders.push(Leader { who, style: s.name, fills });
    }
}

const DIURNAL: [f64; 24] =
    [0.95, 0.9, 0.8, 0.65, 0.55, 0.45, 0.4, 0.38, 0.4, 0.45, 0.55, 0.62, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.02, 0.98];

fn weight(w: &World, m: u32, t: i64) -> f64 {
    let mk = w.m(m);
    let h = (t.rem_euclid(DAY) / HOUR) as usize;
    let mut x = if mk.kind.is_crypto() { 0.55 + 0.45 * DIURNAL[h] } else { DIURNAL[h] };
    if let Some((g0, g1)) = mk.game {
        if t >= g0 && t < g1 {
            x *= 10.0;
        } else if t < g0 && g0 - t < 3 * HOUR {
            x *= 2.5;
        } else if t >= g1 {
            x *= 0.9;
        }
    }
    let j = mk.jumps.partition_point(|&u| u <= t);
    if j > 0 && t - mk.jumps[j - 1] < 15 * MIN {
        x *= 5.0;
    }
    if mk.kind == Kind::Election && (ELECTION_NIGHT - 3 * HOUR..ELECTION_NIGHT + 14 * HOUR).contains(&t) {
        x *= 8.0;
    }
    if mk.kind.is_updown() {
        if let Path::Crypto { start, .. } = mk.path {
            if t < start {
                x *= 0.25;
            } else if mk.ends - t < 3 * MIN {
                x *= 2.5;
            }
        }
    } else if mk.game.is_none() && mk.ends > t && mk.ends - t < 12 * HOUR {
        x *= 2.0;
    }
    if mk.open > START && t - mk.open < HOUR {
        x *= 3.0;
    }
    x
}

fn crowd_person(rng: &mut Rng, kind: Kind) -> u32 {
    let n = CROWD_PEOPLE_N as f64;
    let (lo, len) = if kind.is_sports() {
        (0.0, 0.5)
    } else if kind.is_crypto() {
        (0.5, 0.5)
    } else if matches!(kind, Kind::Weather | Kind::Culture) {
        (0.6, 0.4)
    } else {
        (0.25, 0.5)
    };
    if rng.chance(0.15) {
        return CROWD_PEOPLE + (300.0 * rng.f64().powf(2.0)) as u32;
    }
    CROWD_PEOPLE + ((lo + len * rng.f64().powf(2.2)) * n) as u32
}

/// The ordinary public flow of one market, appended to `rows`.
pub fn market(w: &World, m: u32, rows: &mut Vec<Fill>) {
    let mk = w.m(m);
    let first = w.first(m);
    let last = w.last(m);
    if last <= first {
        return;
    }
    let mut rng = Rng::new(&[0xc40d, m as u64]);
    let step = if mk.kind.is_updown() {
        20
    } else if mk.game.is_some() {
        MIN
    } else {
        5 * MIN
    };
    let times: Vec<i64> = (first..last).step_by(step as usize).collect();
    let weights: Vec<f64> = times.iter().map(|&t| weight(w, m, t)).collect();
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return;
    }
    // Only part of a market's flow is drawn, to keep the tape a manageable size.
    let scale = if mk.kind.is_updown() {
        0.3
    } else if mk.kind.is_sports() {
        0.4
    } else if mk.kind == Kind::Weather {
        0.6
    } else {
        0.5
    };
    let volume = mk.volume * scale;
    let mut k: u64 = 0;
    let base_tx = (1u64 << 63) | ((m as u64) << 24);
    for (i, &t0) in times.iter().enumerate() {
        let n = rng.poisson(volume * weights[i] / total);
        for _ in 0..n {
            let t = (t0 + rng.range(0, step)).min(last - 1);
            let q = w.quote(m, t);
            let p = w.p(m, t);
            let who = crowd_person(&mut rng, mk.kind);
            let side = if rng.chance(0.68) { Side::Buy } else { Side::Sell };
            let o: u8 = if rng.chance(0.5 + 0.3 * (p - 0.5)) { 0 } else { 1 };
            let taker = rng.chance(0.82);
            let mut c = match (side, taker) {
                (Side::Buy, true) | (Side::Sell, false) => q.ask[o as usize],
                _ => q.bid[o as usize],
            };
            let usd = rng.lognormal(22.0, 1.25).min(25_000.0);
            let mut sz = ((usd / c as f64) * 10_000.0) as i64;
            if sz < MIN_SZ {
                sz = MIN_SZ + rng.range(0, 3) * 100;
            }
            k += 1;
            let tx = base_tx | k;
            let cap = (mk.depth * 100.0) as i64;
            let mut left = sz;
            let mut level = 0;
            while left >= MIN_SZ {
                let chunk = if left > cap && level < 3 { cap } else { left };
                rows.push(Fill { who, m, o, side, c, sz: chunk, t, tx, seq: (1 << 40) + tx });
                if rng.chance(0.3) {
                    let mk_who = CROWD_MAKERS + rng.below(CROWD_MAKERS_N as usize) as u32;
                    let (o2, s2, c2) = if rng.chance(0.65) {
                        (o, if side == Side::Buy { Side::Sell } else { Side::Buy }, c)
                    } else {
                        (1 - o, side, 100 - c)
                    };
                    rows.push(Fill { who: mk_who, m, o: o2, side: s2, c: c2, sz: chunk, t, tx, seq: (1 << 40) + tx + 1 });
                }
                left -= chunk;
                level += 1;
                c = (c + if side == Side::Buy { 1 } else { -1 }).clamp(1, 99);
            }
        }
    }
}
