//! The anonymous crowd whose trades make up most of the tape, a few well-known wallets people
//! follow, and tipsters who post picks.

use super::exec::{self, Amt, Exec, Fill, Order};
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, World, tod};
use super::{NOW, W0};
use copycat_core::trade::{Side, Trade, Wallet};

/// The tape holds this fraction of the crowd's trades per hour of `busy`.
pub const CROWD_SCALE: f64 = 0.17;

pub fn pool(rng: &mut Rng, n: usize) -> Vec<Wallet> {
    (0..n).map(|_| exec::wallet(rng)).collect()
}

fn pick_crowd(rng: &mut Rng, pool: &[Wallet]) -> Wallet {
    let i = ((pool.len() as f64) * rng.f64().powf(2.4)) as usize;
    pool[i.min(pool.len() - 1)].clone()
}

/// How much busier than usual a market is at t.
pub fn phase(w: &World, m: usize, t: i64) -> f64 {
    let mk = &w.markets[m];
    let e = &w.events[mk.ev];
    let mut f = 1.0;
    if let Some(d) = e.decided
        && t >= d
    {
        return 0.25;
    }
    if let Some((s, end)) = e.live {
        f *= match e.kind {
            Kind::Sports | Kind::Soccer => {
                if t >= s && t < end {
                    5.0
                } else if t < s && s - t < 3 * HOUR {
                    2.2
                } else if t < s && s - t < DAY {
                    0.8
                } else {
                    0.3
                }
            }
            Kind::Crypto => {
                if t >= s {
                    1.0 + 1.5 * (t - s) as f64 / (end - s) as f64
                } else {
                    0.3
                }
            }
            Kind::Mentions => {
                if t >= s && t < end {
                    7.0
                } else if t < s && s - t < 6 * HOUR {
                    1.2
                } else {
                    0.35
                }
            }
            _ => {
                if t >= s && t < end {
                    5.0
                } else {
                    1.0
                }
            }
        };
    }
    if e.kind == Kind::Weather {
        f *= if t >= e.start && t < e.start + DAY { 1.6 } else { 0.4 };
    }
    // News brings traders in for a while.
    if let Some(&(jt, _, _)) = e.jumps.iter().rev().find(|j| j.0 <= t)
        && t - jt < 2 * HOUR
        && !matches!(e.kind, Kind::Crypto | Kind::Sports | Kind::Soccer)
    {
        f *= 4.0 - 3.0 * (t - jt) as f64 / (2 * HOUR) as f64;
    }
    f
}

fn size_factor(k: Kind) -> f64 {
    match k {
        Kind::Politics => 1.6,
        Kind::Sports | Kind::Soccer => 1.3,
        Kind::Crypto => 0.8,
        Kind::Econ => 1.4,
        Kind::Weather => 0.35,
        Kind::Mentions => 0.5,
        Kind::Culture => 0.6,
    }
}

pub fn tape(w: &World, rng: &mut Rng, pool: &[Wallet]) -> Vec<Trade> {
    let mut out = Vec::new();
    for (m, mk) in w.markets.iter().enumerate() {
        let e = &w.events[mk.ev];
        let from = mk.open.max(W0);
        let to = mk.close.min(NOW);
        if to <= from {
            continue;
        }
        let step = e.step.max(60);
        let mut t = from;
        while t < to {
            let lam = CROWD_SCALE * mk.busy * tod(t) * phase(w, m, t) * step as f64 / HOUR as f64;
            let n = rng.poisson(lam);
            for _ in 0..n {
                let at = (t + rng.int(0, step - 1)).min(to - 1);
                let oi = match mk.kind {
                    Kind::Sports | Kind::Crypto => rng.below(2),
                    _ if e.neg_risk => usize::from(rng.chance(0.25)),
                    _ => usize::from(rng.chance(0.4)),
                };
                let side = if rng.chance(0.63) { Side::Buy } else { Side::Sell };
                let (bid, ask) = w.quote(m, oi, at);
                let mut c = if side == Side::Buy { ask } else { bid };
                let maker = ask - bid >= 3 && rng.chance(0.2);
                if maker {
                    c = if side == Side::Buy { bid + 1 } else { ask - 1 };
                }
                let usd = rng.lognormal(13.0, 1.35) * size_factor(mk.kind);
                let shares = (usd / (c as f64 / 100.0)).clamp(5.0, 200_000.0);
                let wallet = pick_crowd(rng, pool);
                let tx = rng.hex(64);
                let mut left = (shares * 100.0).floor() / 100.0;
                let mut price = c;
                for lvl in 0..4 {
                    let depth = (mk.depth * rng.lognormal(1.0, 0.6)).max(10.0);
                    let take = if lvl == 3 || maker { left } else { left.min(depth) };
                    let take = (take * 100.0).floor() / 100.0;
                    let (take, rest) = if take >= 5.0 && left - take >= 5.0 { (take, left - take) } else { (left, 0.0) };
                    out.push(exec::trade(w, &wallet, m, oi, side, price, (take * 100.0).round() as i64, at, &tx));
                    left = rest;
                    let next = if side == Side::Buy { price + 1 } else { price - 1 };
                    if left < 5.0 || !(1..=99).contains(&next) {
                        break;
                    }
                    price = next;
                }
            }
            t += step;
        }
    }
    out
}

/// A human-looking schedule: local waking hours, more in the evening.
pub fn human_hour(rng: &mut Rng) -> f64 {
    let r = rng.f64();
    if r < 0.45 {
        rng.range(18.5, 23.8)
    } else if r < 0.65 {
        rng.range(12.0, 14.0)
    } else if r < 0.8 {
        rng.range(7.0, 9.5)
    } else {
        rng.range(9.5, 18.5)
    }
}

pub struct Leader {
    pub wallet: Wallet,
    pub fills: Vec<Fill>,
}

/// Well-known big wallets that others follow.
pub fn leaders(w: &World, rng: &mut Rng, pool: &[Wallet], tape: &mut Vec<Trade>) -> Vec<Leader> {
    let mut out = Vec::new();
    for li in 0..6 {
        let mut r = rng.fork(li);
        let wallet = exec::wallet(&mut r);
        let tz = [-5i64, -4, 0, 1, -7, 8][li as usize] * HOUR;
        let kinds: &[Kind] = match li % 3 {
            0 => &[Kind::Sports, Kind::Soccer],
            1 => &[Kind::Politics, Kind::Econ],
            _ => &[Kind::Sports, Kind::Politics, Kind::Culture, Kind::Econ],
        };
        let mut orders = Vec::new();
        let per_day = r.range(1.5, 5.0);
        let stake = r.lognormal(2500.0, 0.6);
        let mut day = W0.div_euclid(DAY) * DAY;
        while day < NOW {
            for _ in 0..r.poisson(per_day) {
                let t = day + (human_hour(&mut r) * HOUR as f64) as i64 - tz;
                if !(W0..NOW).contains(&t) {
                    continue;
                }
                let open = w.open_markets(kinds, t);
                let cands: Vec<usize> = open.into_iter().filter(|&m| w.markets[m].busy > 8.0).collect();
                if cands.is_empty() {
                    continue;
                }
                let busy: Vec<f64> = cands.iter().map(|&m| w.markets[m].busy).collect();
                let m = cands[r.weighted(&busy)];
                let p = w.mid(m, 0, t);
                if !(0.06..=0.94).contains(&p) {
                    continue;
                }
                let oi = if r.chance(0.6) { usize::from(p < 0.5) } else { usize::from(p >= 0.5) };
                let usd = stake * r.lognormal(1.0, 0.7);
                let clicks = r.int(1, 3);
                for c in 0..clicks {
                    orders.push(Order::buy(t + c * r.int(20, 400), m, oi, Amt::Usd(usd / clicks as f64)));
                }
                if r.chance(0.35) {
                    let later = t + r.int(HOUR, 5 * DAY);
                    orders.push(Order::sell(later, m, oi, if r.chance(0.5) { Amt::All } else { Amt::Frac(0.5) }));
                }
            }
            day += DAY;
        }
        let mut ex = Exec::new(w, wallet.clone(), false, r.fork(99), pool);
        ex.run(orders);
        tape.append(&mut ex.out);
        tape.append(&mut ex.extra);
        out.push(Leader { wallet, fills: ex.fills });
    }
    out
}

#[derive(Clone, Copy, Debug)]
pub struct Tip {
    pub t: i64,
    pub m: usize,
    pub oi: usize,
}

/// Tipsters post picks on a channel at their own (human) hours.
pub fn tipsters(w: &World, rng: &mut Rng) -> Vec<Vec<Tip>> {
    let mut out = Vec::new();
    for ti in 0..4 {
        let mut r = rng.fork(100 + ti);
        let tz = [-5i64, 0, 2, -6][ti as usize] * HOUR;
        let kinds: &[Kind] = match ti {
            0 => &[Kind::Sports],
            1 => &[Kind::Soccer, Kind::Sports],
            2 => &[Kind::Politics, Kind::Econ, Kind::Culture],
            _ => &[Kind::Sports, Kind::Soccer, Kind::Politics],
        };
        let per_day = r.range(1.5, 4.0);
        let mut tips = Vec::new();
        let mut day = W0.div_euclid(DAY) * DAY;
        while day < NOW {
            for _ in 0..r.poisson(per_day) {
                let h = r.range(10.0, 22.5);
                let t = day + (h * HOUR as f64) as i64 - tz;
                if !(W0..NOW).contains(&t) {
                    continue;
                }
                let cands: Vec<usize> = w
                    .open_markets(kinds, t)
                    .into_iter()
                    .filter(|&m| {
                        let e = &w.events[w.markets[m].ev];
                        let soon = e.live.map(|(s, _)| s > t && s - t < 14 * HOUR).unwrap_or(true);
                        soon && w.markets[m].busy > 5.0
                    })
                    .collect();
                if cands.is_empty() {
                    continue;
                }
                let m = *r.pick(&cands);
                let p = w.mid(m, 0, t);
                if !(0.1..=0.9).contains(&p) {
                    continue;
                }
                let oi = if w.events[w.markets[m].ev].neg_risk { 0 } else { r.below(2) };
                tips.push(Tip { t, m, oi });
            }
            day += DAY;
        }
        out.push(tips);
    }
    out
}
