//! People: each function writes the fills of a group of wallets that trade the way one kind of
//! real Polymarket user does.

use super::ctx::*;
use super::markets::{DAY, HOUR, MIN};
use super::rng::Rng;
use super::{NOW, W0};
use std::collections::HashMap;

pub type Gen = fn(&mut Ctx, &mut Rng, &[u32]);

pub const PEOPLE: &[(&str, usize, Gen)] = &[
    ("casual_sports_bettor", 18, casual_sports_bettor),
    ("politics_position_holder", 15, politics_position_holder),
    ("in_play_sports_trader", 14, in_play_sports_trader),
    ("crypto_updown_phone_punter", 15, crypto_updown_phone_punter),
    ("longshot_buyer", 13, longshot_buyer),
    ("news_reactor", 13, news_reactor),
    ("swing_day_trader", 13, swing_day_trader),
    ("whale_few_big_bets", 11, whale_few_big_bets),
    ("limit_ladder_placer", 12, limit_ladder_placer),
    ("manual_alert_copier", 14, manual_alert_copier),
    ("hedger", 11, hedger),
    ("newcomer", 14, newcomer),
    ("weekend_hobbyist", 13, weekend_hobbyist),
    ("certainty_grinder", 12, certainty_grinder),
    ("degen_heavy_trader", 11, degen_heavy_trader),
    ("night_shift_trader", 11, night_shift_trader),
    ("big_event_night_bettor", 12, big_event_night_bettor),
    ("loss_averager", 11, loss_averager),
];

// ---------- shared helpers ----------

pub fn union(ctx: &Ctx, tags: &[&str]) -> Vec<u32> {
    let mut v: Vec<u32> = tags.iter().flat_map(|t| ctx.mk.tag(t).iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Moneyline / main markets from `ids` whose play starts within (t, t + horizon].
pub fn upcoming(ctx: &Ctx, ids: &[u32], t: i64, horizon: i64) -> Vec<u32> {
    ids.iter()
        .copied()
        .filter(|&m| {
            let mk = &ctx.mk.list[m as usize];
            mk.live > t && mk.live <= t + horizon && ctx.mk.is_open(m, t)
        })
        .collect()
}

/// Markets from `ids` in play at t.
pub fn live_now(ctx: &Ctx, ids: &[u32], t: i64) -> Vec<u32> {
    ids.iter()
        .copied()
        .filter(|&m| {
            let mk = &ctx.mk.list[m as usize];
            mk.live <= t && ctx.mk.is_open(m, t) && mk.close - t > 3 * MIN
        })
        .collect()
}

pub fn by_vol(ctx: &Ctx, rng: &mut Rng, ids: &[u32]) -> Option<u32> {
    if ids.is_empty() {
        return None;
    }
    let ws: Vec<f64> = ids.iter().map(|&m| ctx.mk.list[m as usize].vol).collect();
    Some(ids[rng.weighted(&ws)])
}

pub fn sum_sz(ctx: &Ctx, idx: &[usize]) -> u64 {
    idx.iter().map(|&i| ctx.fills[i].sz).sum()
}

/// A market buy for a dollar amount; returns shares bought.
#[allow(clippy::too_many_arguments)]
pub fn buy_usd(ctx: &mut Ctx, rng: &mut Rng, w: u32, m: u32, o: u8, usd: f64, t: i64, levels: u32) -> u64 {
    if !ctx.mk.is_open(m, t) {
        return 0;
    }
    let pc = ctx.mk.ask(m, o, t, 0.0);
    let sz = usd_to_sz(usd, pc);
    let idx = ctx.take(rng, w, m, o, true, sz, t, levels, 0.0);
    sum_sz(ctx, &idx)
}

#[allow(clippy::too_many_arguments)]
pub fn sell(ctx: &mut Ctx, rng: &mut Rng, w: u32, m: u32, o: u8, sz: u64, t: i64, levels: u32) -> u64 {
    if sz < MIN_SZ || !ctx.mk.is_open(m, t) {
        return 0;
    }
    let idx = ctx.take(rng, w, m, o, false, sz, t, levels, 0.0);
    sum_sz(ctx, &idx)
}

pub struct Person {
    pub tz: i64,
    pub hours: &'static Hours,
}

impl Person {
    pub fn new(rng: &mut Rng) -> Person {
        Person { tz: pick_tz(rng), hours: pick_hours(rng) }
    }
    pub fn with(rng: &mut Rng, hours: &'static Hours) -> Person {
        Person { tz: pick_tz(rng), hours }
    }
    pub fn us(rng: &mut Rng, hours: &'static Hours) -> Person {
        let tz = [-4, -4, -4, -5, -5, -7, -6][rng.below(7) as usize] * HOUR;
        Person { tz, hours }
    }
    pub fn days(&self) -> (i64, i64) {
        local_days(self.tz)
    }
    pub fn random_day(&self, rng: &mut Rng) -> i64 {
        let (a, b) = self.days();
        rng.int(a, b)
    }
    /// A time on a random day, by this person's hours, in the window.
    pub fn time(&self, rng: &mut Rng) -> i64 {
        for _ in 0..20 {
            let d = self.random_day(rng);
            let t = day_time(rng, d, self.tz, self.hours);
            if in_window(t) {
                return t;
            }
        }
        NOW - rng.int(HOUR, 20 * DAY)
    }
    pub fn time_on(&self, rng: &mut Rng, day: i64) -> i64 {
        day_time(rng, day, self.tz, self.hours)
    }
    pub fn local_hour(&self, t: i64) -> usize {
        ((t + self.tz).rem_euclid(DAY) / HOUR) as usize
    }
    pub fn awake(&self, t: i64) -> bool {
        let max = self.hours.iter().cloned().fold(0.0, f64::max);
        self.hours[self.local_hour(t)] >= 0.2 * max
    }
    /// The next moment at or after t when this person is likely awake.
    pub fn next_awake(&self, rng: &mut Rng, t: i64) -> i64 {
        let mut x = t;
        for _ in 0..30 {
            if self.awake(x) {
                return x;
            }
            x += HOUR - (x % HOUR) + rng.int(0, 50 * MIN);
        }
        x
    }
}

fn fav_side(ctx: &Ctx, m: u32, t: i64) -> u8 {
    if ctx.mk.p(m, 0, t) >= 0.5 { 0 } else { 1 }
}

// ---------- behaviours ----------

fn casual_sports_bettor(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let leagues: [(&str, f64); 7] = [("nfl", 5.0), ("nba", 3.0), ("cfb", 2.0), ("soccer", 2.5), ("nhl", 1.0), ("ufc", 0.8), ("mlb", 1.0)];
    for &w in ws {
        let p = if rng.chance(0.7) { Person::us(rng, &EVENING) } else { Person::new(rng) };
        let lw: Vec<f64> = leagues.iter().map(|x| x.1 * rng.uni(0.0, 1.0).powi(2)).collect();
        let fav = leagues[rng.weighted(&lw)].0;
        let second = leagues[rng.weighted(&lw)].0;
        let ids = union(ctx, &[fav, second]);
        let ml: Vec<u32> = ids.into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
        let props = union(ctx, &["props"]);
        let mut n = 1 + rng.geometric(0.32);
        if rng.chance(0.1) {
            n += rng.poisson(7.0);
        }
        let stake = rng.lognormal(25.0, 0.8);
        let underdog_lover = rng.chance(0.25);
        for _ in 0..n {
            for _ in 0..8 {
                let (a, b) = p.days();
                let ds: Vec<i64> = (a..=b).collect();
                let dw: Vec<f64> = ds
                    .iter()
                    .map(|&d| match weekday(d) {
                        5 | 6 => 3.0,
                        0 | 3 => 1.3,
                        _ => 0.6,
                    })
                    .collect();
                let d = ds[rng.weighted(&dw)];
                let t = p.time_on(rng, d);
                if !in_window(t) {
                    continue;
                }
                let up = upcoming(ctx, &ml, t, 30 * HOUR);
                let Some(m) = by_vol(ctx, rng, &up) else { continue };
                let f = fav_side(ctx, m, t);
                let o = if underdog_lover ^ rng.chance(0.3) { 1 - f } else { f };
                let usd = human_usd(rng, stake, 0.5);
                let got = buy_usd(ctx, rng, w, m, o, usd, t, 2);
                if got == 0 {
                    continue;
                }
                let mk = &ctx.mk.list[m as usize];
                let (live, close, ev) = (mk.live, mk.close, mk.event);
                if rng.chance(0.18) {
                    let sibs: Vec<u32> = props.iter().copied().filter(|&x| ctx.mk.list[x as usize].event == ev).collect();
                    if let Some(&pm) = sibs.first() {
                        let t2 = t + rng.int(20, 300);
                        let h48 = rng.below(2);
                        let h47 = human_usd(rng, stake * 0.5, 0.4);
                        buy_usd(ctx, rng, w, pm, h48 as u8, h47, t2, 1);
                    }
                }
                if rng.chance(0.13) {
                    let t2 = live + ((close - live) as f64 * rng.uni(0.25, 0.9)) as i64;
                    sell(ctx, rng, w, m, o, got, t2, 2);
                }
                break;
            }
        }
    }
}

fn politics_position_holder(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["politics", "election", "fomc"]);
    for &w in ws {
        let h46 = rng.chance(0.5);
        let p = if rng.chance(0.6) { Person::us(rng, if h46 { &OFFICE } else { &EVENING }) } else { Person::new(rng) };
        let k = 1 + rng.geometric(0.55).min(3);
        let stake = rng.lognormal(250.0, 1.0);
        for _ in 0..k {
            let t0 = p.time(rng);
            let Some(m) = ctx.mk.pick_open(rng, &pool, t0) else { continue };
            let o = if ctx.mk.p(m, 0, t0) < 0.12 && rng.chance(0.3) { 1 } else { rng.below(2) as u8 };
            let entries = 1 + rng.geometric(0.45).min(6);
            let mut t = t0;
            let mut held = 0u64;
            let mut last_pc = 0u8;
            for e in 0..entries {
                if e > 0 {
                    let h45 = rng.exp(3.0);
                    t = p.next_awake(rng, t + (h45 * DAY as f64) as i64 + HOUR);
                }
                if !in_window(t) {
                    break;
                }
                if rng.chance(0.2) && held > 0 && ctx.mk.is_open(m, t) && ctx.mk.bid(m, o, t, 0.0) > last_pc + 3 {
                    let part = held * rng.int(25, 60) as u64 / 100;
                    held -= sell(ctx, rng, w, m, o, part, t, 1).min(held);
                    continue;
                }
                let usd = human_usd(rng, stake, 0.5);
                last_pc = ctx.mk.ask(m, o, t, 0.0);
                held += buy_usd(ctx, rng, w, m, o, usd, t, 2);
            }
        }
    }
}

fn in_play_sports_trader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    for &w in ws {
        let tagsets: [&[&str]; 4] = [&["nba", "nfl"], &["soccer", "tennis"], &["nfl", "cfb"], &["nba", "nhl", "esports"]];
        let ids: Vec<u32> = union(ctx, tagsets[rng.below(4) as usize]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
        let games: Vec<u32> = ids
            .into_iter()
            .filter(|&m| {
                let mk = &ctx.mk.list[m as usize];
                mk.live > W0 && mk.close < NOW
            })
            .collect();
        let n_games = (2 + rng.geometric(0.25)).min(14);
        let stake = rng.lognormal(90.0, 0.9);
        let hold_med = rng.uni(5.0, 25.0) * MIN as f64;
        let p = Person::new(rng);
        for _ in 0..n_games {
            // prefer games the person is awake for
            let mut pick = None;
            for _ in 0..10 {
                let Some(g) = by_vol(ctx, rng, &games) else { break };
                if p.awake(ctx.mk.list[g as usize].live + 30 * MIN) || rng.chance(0.15) {
                    pick = Some(g);
                    break;
                }
            }
            let Some(g) = pick else { continue };
            let (live, close) = (ctx.mk.list[g as usize].live, ctx.mk.list[g as usize].close);
            let mut t = live + ((close - live) as f64 * rng.uni(0.0, 0.5)) as i64;
            let trips = 1 + rng.geometric(0.4).min(5);
            for _ in 0..trips {
                if t > close - 5 * MIN {
                    break;
                }
                let before = ctx.mk.p(g, 0, t - 5 * MIN);
                let now = ctx.mk.p(g, 0, t);
                // buy the dip on the side that just fell, or chase the swing
                let o = if (now < before) ^ rng.chance(0.3) { 0 } else { 1 };
                let h44 = human_usd(rng, stake, 0.4);
                let got = buy_usd(ctx, rng, w, g, o, h44, t, 2);
                let hold = rng.lognormal(hold_med, 0.7).clamp(90.0, 55.0 * MIN as f64) as i64;
                let ts = (t + hold).min(close - 60);
                if got > 0 {
                    if rng.chance(0.2) {
                        let half = got / 2;
                        let a = sell(ctx, rng, w, g, o, half, ts, 1);
                        let h43 = rng.int(60, 600);
                        sell(ctx, rng, w, g, o, got - a, ts + h43, 1);
                    } else if rng.chance(0.9) {
                        sell(ctx, rng, w, g, o, got, ts, 2);
                    }
                }
                t = ts + rng.lognormal(6.0 * MIN as f64, 0.8) as i64;
            }
        }
    }
}

fn crypto_updown_phone_punter(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    for &w in ws {
        let h42 = rng.chance(0.6);
        let p = Person::with(rng, if h42 { &EVENING } else { &NIGHT_OWL });
        let asset = rng.weighted(&[7.5, 2.0, 0.5]) as u8;
        let len = [15 * MIN, HOUR, 5 * MIN][rng.weighted(&[5.0, 3.5, 1.5])];
        let sessions = (1 + rng.geometric(0.35)).min(12);
        let stake = rng.lognormal(10.0, 0.6);
        let martingale = rng.chance(0.4);
        for _ in 0..sessions {
            let mut t = p.time(rng);
            let bets = (1 + rng.geometric(0.4)).min(9);
            let mut usd = human_usd(rng, stake, 0.3);
            for _ in 0..bets {
                let start = t - t.rem_euclid(len);
                let start = if t - start > len / 3 { start + len } else { start };
                let m = ctx.mk.updown(asset, len, start);
                let tb = if start > t { t } else { t + rng.int(0, 60) };
                if !in_window(tb) {
                    break;
                }
                let mom = ctx.mk.spot.at(asset, tb) - ctx.mk.spot.at(asset, tb - 20 * MIN);
                let o = if (mom > 0.0) ^ rng.chance(0.4) { 0 } else { 1 };
                let got = buy_usd(ctx, rng, w, m, o, usd, tb, 1);
                let close = start + len;
                if got > 0 && rng.chance(0.2) {
                    let ts = tb.max(start) + ((close - tb.max(start)) as f64 * rng.uni(0.3, 0.85)) as i64;
                    if ctx.mk.p(m, o, ts) > 0.6 {
                        sell(ctx, rng, w, m, o, got, ts, 1);
                    }
                }
                let lost = ctx.mk.list[m as usize].winner != o;
                usd = if lost && martingale { (usd * 2.0).min(400.0) } else { human_usd(rng, stake, 0.3) };
                t = close + rng.lognormal(3.0 * MIN as f64, 0.9) as i64;
            }
        }
    }
}

fn longshot_buyer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pools = [
        union(ctx, &["nominee", "futures"]),
        union(ctx, &["weather"]),
        union(ctx, &["game"]),
        union(ctx, &["long", "culture", "mentions"]),
        union(ctx, &["strike"]),
    ];
    for &w in ws {
        let p = Person::new(rng);
        let n = (2 + rng.geometric(0.2)).min(25);
        let stake = rng.lognormal(6.0, 0.6);
        let pw = [rng.f(), rng.f() * 0.6, rng.f(), rng.f(), rng.f() * 0.5];
        for _ in 0..n {
            for _ in 0..20 {
                let t = p.time(rng);
                let pool = &pools[rng.weighted(&pw)];
                let Some(m) = ctx.mk.pick_open(rng, pool, t) else { continue };
                let o = if ctx.mk.p(m, 0, t) < ctx.mk.p(m, 1, t) { 0 } else { 1 };
                let a = ctx.mk.ask(m, o, t, 0.0);
                if !(1..=9).contains(&a) {
                    continue;
                }
                let usd = human_usd(rng, stake, 0.5).max(1.0);
                let got = buy_usd(ctx, rng, w, m, o, usd, t, 1);
                if got > 0 && rng.chance(0.08) {
                    let t2 = t + rng.int(HOUR, 4 * DAY);
                    if ctx.mk.is_open(m, t2) && ctx.mk.bid(m, o, t2, 0.0) >= 3 * a {
                        let h41 = p.next_awake(rng, t2);
                        sell(ctx, rng, w, m, o, got, h41, 1);
                    }
                }
                break;
            }
        }
    }
}

/// News shocks in the window, with market and jump, from markets carrying these tags.
pub fn shocks(ctx: &Ctx, tags: &[&str], min_jump: f32) -> Vec<(i64, u32, f32)> {
    let mut v = Vec::new();
    for m in union(ctx, tags) {
        for &(t, j) in &ctx.mk.list[m as usize].shocks {
            if j.abs() >= min_jump && in_window(t) && ctx.mk.is_open(m, t) {
                v.push((t, m, j));
            }
        }
    }
    v.sort_by_key(|x| (x.0, x.1));
    v
}

fn news_reactor(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let sh = shocks(ctx, &["politics", "election", "econ", "culture", "mentions", "futures"], 0.45);
    for &w in ws {
        let p = Person::new(rng);
        let n = (2 + rng.geometric(0.35)).min(12);
        let stake = rng.lognormal(120.0, 0.9);
        let chaser = rng.chance(0.75);
        for _ in 0..n {
            if sh.is_empty() {
                break;
            }
            let ws2: Vec<f64> = sh.iter().map(|x| ctx.mk.list[x.1 as usize].vol).collect();
            let (ts, m, j) = sh[rng.weighted(&ws2)];
            let delay = rng.lognormal(25.0 * MIN as f64, 1.1).clamp(150.0, 10.0 * HOUR as f64) as i64;
            let t = p.next_awake(rng, ts + delay);
            let up = j > 0.0;
            let o = if up ^ !(chaser ^ rng.chance(0.15)) { 0 } else { 1 };
            let h40 = human_usd(rng, stake, 0.5);
            let got = buy_usd(ctx, rng, w, m, o, h40, t, 2);
            if got > 0 && rng.chance(0.35) {
                let h39 = rng.lognormal(1.5 * DAY as f64, 0.9);
                let t2 = p.next_awake(rng, t + h39 as i64);
                sell(ctx, rng, w, m, o, got, t2, 2);
            }
        }
    }
}

fn swing_day_trader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "econ", "culture"]);
    for &w in ws {
        let p = if rng.chance(0.6) { Person::us(rng, &OFFICE) } else { Person::with(rng, &OFFICE) };
        let mut uni: Vec<u32> = Vec::new();
        for _ in 0..rng.int(8, 20) {
            if let Some(m) = ctx.mk.pick_open(rng, &pool, NOW - 15 * DAY) {
                let p0 = ctx.mk.p(m, 0, NOW - 15 * DAY);
                if (0.12..=0.88).contains(&p0) && uni.len() < 10 && !uni.contains(&m) {
                    uni.push(m);
                }
            }
        }
        uni.dedup();
        if uni.is_empty() {
            continue;
        }
        let (a, b) = p.days();
        let mut days: Vec<i64> = (a..=b).filter(|&d| weekday(d) < 5 || rng.chance(0.15)).collect();
        rng.shuffle(&mut days);
        let nd = (4 + rng.geometric(0.15) as usize).min(days.len()).min(22);
        let mut days: Vec<i64> = days[..nd].to_vec();
        days.sort_unstable();
        let lot = [50.0, 100.0, 200.0, 250.0, 500.0, 1000.0][rng.below(6) as usize];
        let mut pos: HashMap<(u32, u8), (u64, u8)> = HashMap::new();
        for d in days {
            let h38 = rng.uni(1.5, 5.0);
            let k = 1 + rng.poisson(h38);
            let mut ts: Vec<i64> = (0..k).map(|_| p.time_on(rng, d)).filter(|&t| in_window(t)).collect();
            ts.sort_unstable();
            for t in ts {
                let mut held: Vec<((u32, u8), (u64, u8))> =
                    pos.iter().map(|(k, v)| (*k, *v)).filter(|(k, _)| ctx.mk.is_open(k.0, t)).collect();
                held.sort_unstable();
                if !held.is_empty() && rng.chance(0.45) {
                    let ((m, o), (sz, avg)) = held[rng.below(held.len() as u64) as usize];
                    let bid = ctx.mk.bid(m, o, t, 0.0);
                    if bid >= avg + 2 || rng.chance(0.3) {
                        let part = if rng.chance(0.5) { sz } else { (sz / 2).max(MIN_SZ) };
                        let s = sell(ctx, rng, w, m, o, part, t, 1);
                        let e = pos.entry((m, o)).or_insert((0, avg));
                        e.0 = e.0.saturating_sub(s);
                        if e.0 < MIN_SZ {
                            pos.remove(&(m, o));
                        }
                        continue;
                    }
                }
                let m = uni[rng.below(uni.len() as u64) as usize];
                let o = rng.chance(0.35) as u8;
                let n = lot * [0.5, 1.0, 1.0, 2.0][rng.below(4) as usize];
                // a limit a tick inside the spread, or straight at the ask
                let (pc, tx) = if rng.chance(0.5) { (ctx.mk.mid_c(m, o, t), ctx.tx()) } else { (ctx.mk.ask(m, o, t, 0.0), ctx.tx()) };
                if let Some(i) = ctx.put(w, m, o, true, pc, shares(n), t, tx) {
                    if ctx.mk.mid_c(m, o, t) == pc {
                        ctx.counterparty(rng, i);
                    }
                    let e = pos.entry((m, o)).or_insert((0, pc));
                    e.0 += shares(n);
                    e.1 = pc.min(e.1.max(1));
                }
            }
        }
    }
}

fn whale_few_big_bets(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool: Vec<u32> = union(ctx, &["nominee", "election", "fomc", "nfl", "mlb", "soccer", "long", "strike"])
        .into_iter()
        .filter(|&m| ctx.mk.list[m as usize].vol >= 1.2)
        .collect();
    for &w in ws {
        let p = Person::new(rng);
        let bets = (1 + rng.geometric(0.5)).min(5);
        for _ in 0..bets {
            let t = p.time(rng);
            let Some(m) = ctx.mk.pick_open(rng, &pool, t) else { continue };
            let o = if rng.chance(0.65) { fav_side(ctx, m, t) } else { 1 - fav_side(ctx, m, t) };
            let usd = (rng.lognormal(22_000.0, 0.9).clamp(3_000.0, 400_000.0) / 1000.0).round() * 1000.0;
            let pc = ctx.mk.ask(m, o, t, 0.0);
            let total = usd_to_sz(usd, pc);
            let mut got = 0;
            if rng.chance(0.6) {
                let levels = rng.int(3, 8) as u32;
                let idx = ctx.take(rng, w, m, o, true, total, t, levels, 0.0);
                got += sum_sz(ctx, &idx);
            } else {
                let parts = rng.int(2, 5) as u64;
                let mut tt = t;
                for _ in 0..parts {
                    let h37 = rng.int(1, 3);
                    let idx = ctx.take(rng, w, m, o, true, total / parts, tt, h37 as u32, 0.0);
                    got += sum_sz(ctx, &idx);
                    tt += rng.int(40, 25 * MIN);
                }
            }
            if got > 0 && rng.chance(0.2) {
                let h36 = rng.int(6 * HOUR, 8 * DAY);
                let t2 = p.next_awake(rng, t + h36);
                sell(ctx, rng, w, m, o, got / 2, t2, 4);
            }
        }
    }
}

/// Resting limit orders at `rungs` (price cents, size) placed at t0 and live until `until`;
/// fills come when the market trades through a rung, often in several pieces.
#[allow(clippy::too_many_arguments)]
pub fn rest_ladder(ctx: &mut Ctx, rng: &mut Rng, w: u32, m: u32, o: u8, buy: bool, rungs: &[(u8, u64)], t0: i64, until: i64) -> u64 {
    let mut filled = 0;
    let mut left: Vec<(u8, u64)> = rungs.to_vec();
    let mut t = t0 + rng.int(60, 20 * MIN);
    let end = until.min(ctx.mk.list[m as usize].close).min(NOW);
    while t < end && left.iter().any(|r| r.1 > 0) {
        let mid = ctx.mk.p(m, o, t) * 100.0;
        for r in left.iter_mut() {
            if r.1 == 0 {
                continue;
            }
            let hit = if buy { mid <= r.0 as f64 + 0.4 } else { mid >= r.0 as f64 - 0.4 };
            if hit {
                let pieces = 1 + rng.geometric(0.5).min(4);
                let mut tt = t + rng.int(0, 8 * MIN);
                for k in 0..pieces {
                    let sz = if k + 1 == pieces { r.1 } else { (r.1 * rng.int(20, 70) as u64 / 100).max(MIN_SZ).min(r.1) };
                    let sz = if r.1 - sz < MIN_SZ { r.1 } else { sz };
                    let tx = ctx.tx();
                    if let Some(i) = ctx.put(w, m, o, buy, r.0, sz, tt, tx) {
                        ctx.counterparty(rng, i);
                        filled += sz;
                    }
                    r.1 -= sz;
                    tt += rng.int(5, 40 * MIN);
                    if r.1 == 0 {
                        break;
                    }
                }
            }
        }
        t += rng.int(6 * MIN, 25 * MIN);
    }
    filled
}

fn limit_ladder_placer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "politics", "futures", "culture", "econ"]);
    for &w in ws {
        let p = Person::new(rng);
        let ladders = 1 + rng.geometric(0.5).min(3);
        for _ in 0..ladders {
            let t0 = p.time(rng);
            let Some(m) = ctx.mk.pick_open(rng, &pool, t0) else { continue };
            let o = rng.below(2) as u8;
            let bid = ctx.mk.bid(m, o, t0, 0.0) as i64;
            if bid < 8 {
                continue;
            }
            let n = rng.int(3, 6);
            let step = rng.int(1, 3);
            let base = [100.0, 200.0, 250.0, 500.0, 1000.0][rng.below(5) as usize];
            let grow = rng.chance(0.4);
            let rungs: Vec<(u8, u64)> = (0..n)
                .map(|k| {
                    let pc = (bid - rng.int(0, 2) - k * step).clamp(1, 98) as u8;
                    let sz = if grow { base * (1.0 + 0.5 * k as f64) } else { base };
                    (pc, shares(sz))
                })
                .collect();
            let until = t0 + rng.int(DAY, 12 * DAY);
            let got = rest_ladder(ctx, rng, w, m, o, true, &rungs, t0, until);
            if got >= 2 * MIN_SZ && rng.chance(0.55) {
                let h35 = rng.int(DAY, 6 * DAY);
                let t1 = p.next_awake(rng, t0 + h35);
                if t1 < NOW && ctx.mk.is_open(m, t1) {
                    let ask = ctx.mk.ask(m, o, t1, 0.0) as i64;
                    let k = rng.int(2, 4);
                    let each = got / k as u64;
                    let exits: Vec<(u8, u64)> = (0..k)
                        .map(|i| ((ask + 1 + i * step).clamp(2, 99) as u8, if i + 1 == k { got - each * (k as u64 - 1) } else { each }))
                        .collect();
                    let h34 = rng.int(DAY, 10 * DAY);
                    rest_ladder(ctx, rng, w, m, o, false, &exits, t1, t1 + h34);
                }
            }
        }
    }
}

fn manual_alert_copier(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    for &w in ws {
        let p = Person::new(rng);
        let nl = 1 + rng.below(3) as usize;
        let leaders: Vec<usize> = (0..nl).map(|_| rng.below(ctx.leaders.len() as u64) as usize).collect();
        let mut calls: Vec<usize> = Vec::new();
        for &l in &leaders {
            let mut seen_tx = 0u64;
            for &fi in &ctx.leaders[l].fills {
                let f = ctx.fills[fi];
                if f.tx != seen_tx {
                    calls.push(fi);
                    seen_tx = f.tx;
                }
            }
        }
        calls.sort_by_key(|&i| ctx.fills[i].ts);
        let buys = calls.iter().filter(|&&i| ctx.fills[i].buy).count().max(1);
        let target = (2 + rng.geometric(0.15)).min(30) as f64;
        let rate = (target / buys as f64).min(0.9);
        let stake = rng.lognormal(40.0, 0.8);
        let mut held: HashMap<(u32, u8), u64> = HashMap::new();
        for fi in calls {
            let f = ctx.fills[fi];
            let delay = rng.lognormal(15.0 * MIN as f64, 1.0).clamp(90.0, 8.0 * HOUR as f64) as i64;
            let t = f.ts + delay;
            if !p.awake(t) && rng.chance(0.8) {
                continue;
            }
            if f.buy {
                if !rng.chance(rate) || !ctx.mk.is_open(f.m, t) {
                    continue;
                }
                let now_ask = ctx.mk.ask(f.m, f.o, t, 0.0) as i64;
                if (now_ask - f.pc as i64).abs() > 8 || ctx.mk.list[f.m as usize].close - t < 10 * MIN {
                    continue;
                }
                let h33 = human_usd(rng, stake, 0.4);
                let got = buy_usd(ctx, rng, w, f.m, f.o, h33, t, 2);
                *held.entry((f.m, f.o)).or_insert(0) += got;
            } else if let Some(&h) = held.get(&(f.m, f.o))
                && h >= MIN_SZ
                && rng.chance(0.5)
            {
                let t2 = t + rng.lognormal(40.0 * MIN as f64, 0.8) as i64;
                let s = sell(ctx, rng, w, f.m, f.o, h, t2, 2);
                held.insert((f.m, f.o), h.saturating_sub(s));
            }
        }
    }
}

fn hedger(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let games: Vec<u32> =
        union(ctx, &["nfl", "nba", "mlb", "cfb", "ufc", "tennis"]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let long = union(ctx, &["election", "nominee", "fomc", "long"]);
    for &w in ws {
        let p = Person::new(rng);
        let n = (1 + rng.geometric(0.45)).min(6);
        let stake = rng.lognormal(150.0, 0.8);
        for _ in 0..n {
            let t1 = p.time(rng);
            let sport = rng.chance(0.55);
            let m = if sport {
                let up = upcoming(ctx, &games, t1, 2 * DAY);
                by_vol(ctx, rng, &up)
            } else {
                ctx.mk.pick_open(rng, &long, t1)
            };
            let Some(m) = m else { continue };
            let o = if rng.chance(0.5) { fav_side(ctx, m, t1) } else { 1 - fav_side(ctx, m, t1) };
            let entry_pc = ctx.mk.ask(m, o, t1, 0.0);
            let h32 = human_usd(rng, stake, 0.5);
            let got = buy_usd(ctx, rng, w, m, o, h32, t1, 2);
            if got == 0 {
                continue;
            }
            let mk = &ctx.mk.list[m as usize];
            let (live, close) = (mk.live, mk.close);
            let hedges = 1 + rng.below(2);
            for h in 0..hedges {
                let t2 = if sport {
                    live + ((close - live) as f64 * rng.uni(0.15, 0.8)) as i64
                } else {
                    let h31 = rng.int(8 * HOUR, 12 * DAY);
                    p.next_awake(rng, t1 + h31)
                };
                if !ctx.mk.is_open(m, t2) {
                    continue;
                }
                let now_p = ctx.mk.p(m, o, t2);
                let other = ctx.mk.ask(m, 1 - o, t2, 0.0);
                // lock in: enough of the other side to cover the stake either way
                let frac = if now_p * 100.0 > entry_pc as f64 + 5.0 { rng.uni(0.6, 1.0) } else { rng.uni(0.3, 0.6) };
                let sz = ((got as f64) * frac / (hedges as f64) * if h == 0 { 1.0 } else { 0.7 }) as u64;
                if other >= 2 {
                    ctx.take(rng, w, m, 1 - o, true, sz.max(MIN_SZ), t2, 2, 0.0);
                }
            }
        }
    }
}

fn newcomer(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let all = union(ctx, &["game", "election", "nominee", "fomc", "long", "culture"]);
    for &w in ws {
        let p = Person::new(rng);
        let (_, last) = p.days();
        let first = last - rng.int(0, 11);
        let sessions = 1 + rng.below(3) as i64;
        let mut trades = (1 + rng.geometric(0.45)).min(6) as i64;
        for s in 0..sessions {
            let d = rng.int(first, last);
            let mut t = p.time_on(rng, if s == 0 { first } else { d });
            if !in_window(t) {
                t = NOW - rng.int(20 * MIN, 10 * HOUR);
            }
            let k = if s + 1 == sessions { trades } else { rng.int(1, trades.max(1)) };
            for _ in 0..k {
                let crypto = rng.chance(0.25);
                let m = if crypto {
                    let len = if rng.chance(0.5) { HOUR } else { 15 * MIN };
                    Some(ctx.mk.updown(0, len, t - t.rem_euclid(len)))
                } else {
                    ctx.mk.pick_open(rng, &all, t)
                };
                if let Some(m) = m {
                    let o = rng.below(2) as u8;
                    let h30 = human_usd(rng, 10.0, 0.6);
                    let got = buy_usd(ctx, rng, w, m, o, h30, t, 1);
                    if got > 0 && rng.chance(0.22) {
                        let h29 = rng.int(3 * MIN, 5 * HOUR);
                        sell(ctx, rng, w, m, o, got, t + h29, 1);
                    }
                }
                trades -= 1;
                t += rng.int(2 * MIN, 40 * MIN);
            }
            if trades <= 0 {
                break;
            }
        }
    }
}

fn weekend_hobbyist(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let sat = union(ctx, &["cfb", "soccer", "ufc"]);
    let sun = union(ctx, &["nfl", "soccer"]);
    let sat: Vec<u32> = sat.into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let sun: Vec<u32> = sun.into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    for &w in ws {
        let p = if rng.chance(0.6) { Person::us(rng, &MORNING) } else { Person::with(rng, &EVENING) };
        let (a, b) = p.days();
        let weekend: Vec<i64> = (a..=b).filter(|&d| weekday(d) >= 5).collect();
        let active = rng.int(1, 4);
        let mut any = false;
        for d in weekend {
            if !rng.chance(active as f64 / 4.5) && any {
                continue;
            }
            any = true;
            let bets = 1 + rng.geometric(0.35).min(5);
            for _ in 0..bets {
                let t = p.time_on(rng, d);
                if !in_window(t) {
                    continue;
                }
                let pool = if weekday(d) == 5 { &sat } else { &sun };
                let up = upcoming(ctx, pool, t, 10 * HOUR);
                let live = live_now(ctx, pool, t);
                let choice = if !live.is_empty() && rng.chance(0.25) { by_vol(ctx, rng, &live) } else { by_vol(ctx, rng, &up) };
                let Some(m) = choice else { continue };
                let o = rng.below(2) as u8;
                let h28 = human_usd(rng, 30.0, 0.7);
                let got = buy_usd(ctx, rng, w, m, o, h28, t, 1);
                if got > 0 && rng.chance(0.1) {
                    let h27 = rng.int(20 * MIN, 3 * HOUR);
                    sell(ctx, rng, w, m, o, got, t + h27, 1);
                }
            }
        }
    }
}

fn certainty_grinder(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["game", "weather", "strike", "election", "release", "mentions", "fomc", "culture"]);
    for &w in ws {
        let p = Person::new(rng);
        let n = (5 + rng.geometric(0.12)).min(35);
        let stake = rng.lognormal(1800.0, 0.8);
        let lo = rng.int(92, 96) as f64 / 100.0;
        for _ in 0..n {
            for _ in 0..6 {
                let t = p.time(rng);
                let cands: Vec<(u32, u8)> = pool
                    .iter()
                    .copied()
                    .filter(|&m| ctx.mk.is_open(m, t) && ctx.mk.list[m as usize].close - t <= 3 * DAY)
                    .filter_map(|m| {
                        let p0 = ctx.mk.p(m, 0, t);
                        if p0 >= lo && p0 <= 0.985 {
                            Some((m, 0))
                        } else if 1.0 - p0 >= lo && 1.0 - p0 <= 0.985 {
                            Some((m, 1))
                        } else {
                            None
                        }
                    })
                    .collect();
                if cands.is_empty() {
                    continue;
                }
                let ws: Vec<f64> = cands.iter().map(|c| ctx.mk.list[c.0 as usize].vol).collect();
                let (m, o) = cands[rng.weighted(&ws)];
                let h26 = human_usd(rng, stake, 0.6);
                let got = buy_usd(ctx, rng, w, m, o, h26, t, 3);
                if got > 0 && rng.chance(0.05) {
                    let h25 = rng.int(HOUR, DAY);
                    sell(ctx, rng, w, m, o, got, t + h25, 2);
                }
                break;
            }
        }
    }
}

fn degen_heavy_trader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let games: Vec<u32> = union(ctx, &["game"]).into_iter().filter(|&m| ctx.mk.list[m as usize].ml).collect();
    let misc = union(ctx, &["politics", "culture", "mentions", "strike", "weather"]);
    for &w in ws {
        let h24 = rng.chance(0.6);
        let p = Person::with(rng, if h24 { &NIGHT_OWL } else { &EVENING });
        let (a, b) = p.days();
        let nd = (8 + rng.geometric(0.1) as i64).min(b - a);
        let mut days: Vec<i64> = (a..=b).collect();
        rng.shuffle(&mut days);
        let stake = rng.lognormal(60.0, 0.8);
        let mix = [rng.f() + 0.2, rng.f(), rng.f() * 0.6];
        for &d in days.iter().take(nd as usize) {
            let sessions = 1 + rng.below(3);
            for _ in 0..sessions {
                let mut t = p.time_on(rng, d);
                let k = 3 + rng.geometric(0.12).min(30);
                let mut open: Vec<(u32, u8, u64)> = Vec::new();
                for _ in 0..k {
                    if !in_window(t) {
                        break;
                    }
                    if !open.is_empty() && rng.chance(0.4) {
                        let i = rng.below(open.len() as u64) as usize;
                        let (m, o, sz) = open.swap_remove(i);
                        sell(ctx, rng, w, m, o, sz, t, 2);
                    } else {
                        let usd = human_usd(rng, stake, 1.1);
                        let m = match rng.weighted(&mix) {
                            0 => {
                                let len = [5 * MIN, 15 * MIN, HOUR][rng.below(3) as usize];
                                Some(ctx.mk.updown(rng.weighted(&[6.0, 3.0, 1.0]) as u8, len, t - t.rem_euclid(len)))
                            }
                            1 => {
                                let l = live_now(ctx, &games, t);
                                by_vol(ctx, rng, &l)
                            }
                            _ => ctx.mk.pick_open(rng, &misc, t),
                        };
                        if let Some(m) = m {
                            let o = rng.below(2) as u8;
                            let got = buy_usd(ctx, rng, w, m, o, usd, t, 2);
                            if got > 0 {
                                open.push((m, o, got));
                            }
                        }
                    }
                    t += rng.lognormal(4.0 * MIN as f64, 1.0) as i64 + 10;
                }
            }
        }
    }
}

fn night_shift_trader(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "strike", "soccer", "esports", "tennis", "weather", "nba", "nhl"]);
    for &w in ws {
        let p = Person::with(rng, &NIGHT_SHIFT);
        let n = (3 + rng.geometric(0.25)).min(20);
        let stake = rng.lognormal(45.0, 0.8);
        let mut held: Vec<(u32, u8, u64)> = Vec::new();
        let mut times: Vec<i64> = (0..n).map(|_| p.time(rng)).collect();
        times.sort_unstable();
        for t in times {
            held.retain(|h| ctx.mk.is_open(h.0, t));
            if !held.is_empty() && rng.chance(0.3) {
                let (m, o, sz) = held.swap_remove(rng.below(held.len() as u64) as usize);
                sell(ctx, rng, w, m, o, sz, t, 1);
                continue;
            }
            let m = if rng.chance(0.3) {
                let len = if rng.chance(0.5) { HOUR } else { 15 * MIN };
                Some(ctx.mk.updown(0, len, t - t.rem_euclid(len)))
            } else {
                ctx.mk.pick_open(rng, &pool, t)
            };
            if let Some(m) = m {
                let o = rng.below(2) as u8;
                let h23 = human_usd(rng, stake, 0.6);
                let got = buy_usd(ctx, rng, w, m, o, h23, t, 1);
                if got > 0 {
                    held.push((m, o, got));
                }
            }
        }
    }
}

fn big_event_night_bettor(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let evs: Vec<usize> = (0..ctx.mk.events.len())
        .filter(|&e| {
            let ev = &ctx.mk.events[e];
            ev.big && ev.markets.len() >= 3 && ev.live > W0 + HOUR && ev.live < NOW - HOUR
        })
        .collect();
    let all = union(ctx, &["game", "politics", "culture"]);
    for &w in ws {
        let p = Person::new(rng);
        let k = if rng.chance(0.8) { 1 } else { 2 };
        let stake = rng.lognormal(60.0, 0.9);
        for _ in 0..k {
            if evs.is_empty() {
                break;
            }
            let e = evs[rng.below(evs.len() as u64) as usize];
            let (live, close, ms) = {
                let ev = &ctx.mk.events[e];
                (ev.live, ev.close, ev.markets.clone())
            };
            let bets = 2 + rng.geometric(0.3).min(7);
            let mut t = live - rng.int(0, 2 * HOUR);
            for _ in 0..bets {
                let m = ms[rng.below(ms.len() as u64) as usize];
                let o = rng.below(2) as u8;
                let h22 = human_usd(rng, stake, 0.6);
                let got = buy_usd(ctx, rng, w, m, o, h22, t, 2);
                if got > 0 && rng.chance(0.15) {
                    let h21 = rng.int(10 * MIN, 90 * MIN);
                    sell(ctx, rng, w, m, o, got, t + h21, 2);
                }
                t += rng.lognormal(20.0 * MIN as f64, 0.8) as i64;
                if t >= close {
                    break;
                }
            }
        }
        for _ in 0..rng.below(3) {
            let t = p.time(rng);
            if let Some(m) = ctx.mk.pick_open(rng, &all, t) {
                let h20 = rng.below(2);
                let h19 = human_usd(rng, stake, 0.5);
                buy_usd(ctx, rng, w, m, h20 as u8, h19, t, 1);
            }
        }
    }
}

fn loss_averager(ctx: &mut Ctx, rng: &mut Rng, ws: &[u32]) {
    let pool = union(ctx, &["long", "nominee", "futures", "culture"]);
    for &w in ws {
        let p = Person::new(rng);
        let positions = 1 + rng.below(2);
        for _ in 0..positions {
            let t0 = p.time(rng).min(NOW - 8 * DAY);
            // the positions people end up averaging into are the ones that went against them
            let mut best: Option<(u32, u8, f64)> = None;
            for _ in 0..12 {
                let Some(m) = ctx.mk.pick_open(rng, &pool, t0) else { continue };
                let o = rng.below(2) as u8;
                let fall = ctx.mk.p(m, o, t0 + 7 * DAY) - ctx.mk.p(m, o, t0);
                if ctx.mk.p(m, o, t0) > 0.06 && best.is_none_or(|b| fall < b.2) {
                    best = Some((m, o, fall));
                }
            }
            let Some((m, o, _)) = best else { continue };
            let h18 = rng.lognormal(80.0, 0.8);
            let mut usd = human_usd(rng, h18, 0.2);
            let mut last = ctx.mk.ask(m, o, t0, 0.0);
            buy_usd(ctx, rng, w, m, o, usd, t0, 1);
            let drop = rng.int(1, 5) as u8;
            let double = rng.chance(0.4);
            let mut t = t0;
            let mut adds = 0;
            while adds < 7 {
                let h17 = rng.int(10 * HOUR, 4 * DAY);
                t = p.next_awake(rng, t + h17);
                if t >= NOW || !ctx.mk.is_open(m, t) {
                    break;
                }
                let a = ctx.mk.ask(m, o, t, 0.0);
                if a + drop <= last {
                    if double {
                        usd *= 2.0;
                    }
                    buy_usd(ctx, rng, w, m, o, usd, t, 1);
                    last = a;
                    adds += 1;
                } else if a > last + 2 * drop && rng.chance(0.3) {
                    break;
                }
            }
        }
    }
}
