//! People: each generator writes one person's month on Polymarket.

use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, MIN, NOW, START, weekday};
use super::{Ctx, Gen, Shared};

pub const ALL: &[(&str, usize, Gen)] = &[
    ("casual_weekend_punter", 14, casual_weekend_punter),
    ("sports_fan_inplay", 14, sports_fan_inplay),
    ("news_follower", 13, news_follower),
    ("whale_conviction", 12, whale_conviction),
    ("longshot_lottery_buyer", 13, longshot_lottery_buyer),
    ("human_day_trader", 13, human_day_trader),
    ("phone_night_owl", 12, phone_night_owl),
    ("manual_copy_follower", 13, manual_copy_follower),
    ("crypto_updown_gambler", 14, crypto_updown_gambler),
    ("near_certain_grinder", 12, near_certain_grinder),
    ("weather_hobbyist", 12, weather_hobbyist),
    ("esports_fan", 12, esports_fan),
    ("election_partisan", 13, election_partisan),
    ("swing_trader", 12, swing_trader),
    ("mentions_live_degen", 12, mentions_live_degen),
    ("new_user_burst_then_gone", 14, new_user_burst_then_gone),
];

/// A person's daily rhythm: time zone, sleep, work, absences.
pub struct Life {
    pub tz: i64,
    pub wake: f64,
    pub bed: f64,
    pub worker: bool,
    pub p_day: f64,
    pub away: Vec<(i64, i64)>,
}

impl Life {
    pub fn new(r: &Rng, tzs: &[i64]) -> Life {
        let tz = *r.pick(tzs);
        let mut away = Vec::new();
        for _ in 0..r.below(3) {
            let a = START + r.range(0, 28 * DAY);
            away.push((a, a + r.range(2 * DAY, 9 * DAY)));
        }
        Life { tz, wake: r.uni(6.0, 9.5), bed: r.uni(22.3, 25.6), worker: r.chance(0.7), p_day: r.uni(0.3, 0.85), away }
    }

    pub fn night(r: &Rng, tzs: &[i64]) -> Life {
        let mut l = Life::new(r, tzs);
        l.wake = r.uni(10.5, 14.0);
        l.bed = r.uni(27.0, 30.0);
        l
    }

    pub fn local(&self, t: i64) -> f64 {
        ((t + self.tz * HOUR).rem_euclid(DAY)) as f64 / HOUR as f64
    }

    pub fn asleep(&self, t: i64) -> bool {
        let h = self.local(t);
        let since_bed = (h - self.bed).rem_euclid(24.0);
        let night = (self.wake - self.bed).rem_euclid(24.0);
        since_bed < night
    }

    pub fn away(&self, t: i64) -> bool {
        self.away.iter().any(|&(a, b)| t >= a && t < b)
    }

    fn local_weekday(&self, t: i64) -> u32 {
        weekday(t + self.tz * HOUR)
    }

    pub fn weekend(&self, t: i64) -> bool {
        self.local_weekday(t) >= 5
    }

    /// How likely they are on the app at `t` (relative).
    pub fn weight(&self, t: i64) -> f64 {
        if self.asleep(t) {
            return 0.008;
        }
        let h = self.local(t);
        let workday = self.worker && !self.weekend(t);
        if workday && (9.0..17.5).contains(&h) {
            return if (12.0..13.2).contains(&h) { 0.8 } else { 0.18 };
        }
        if h >= 18.0 || h < 2.0 {
            1.5
        } else if (self.wake..self.wake + 1.2).contains(&h) {
            0.9
        } else {
            0.7
        }
    }

    pub fn available(&self, r: &Rng, t: i64) -> bool {
        !self.away(t) && r.chance(self.weight(t) / 1.5)
    }

    /// UTC instants of local midnights covering the window.
    pub fn days(&self) -> Vec<i64> {
        let first = (START + self.tz * HOUR).div_euclid(DAY);
        let last = (NOW + self.tz * HOUR).div_euclid(DAY);
        (first..=last).map(|d| d * DAY - self.tz * HOUR).collect()
    }

    /// `n` moments on the local day starting at `d0`, drawn by how likely they are on the app.
    pub fn times(&self, r: &Rng, d0: i64, n: usize) -> Vec<i64> {
        let w: Vec<f64> = (0..96).map(|q| self.weight(d0 + q * 15 * MIN + 7 * MIN)).collect();
        let mut v: Vec<i64> =
            (0..n).map(|_| d0 + r.weighted(&w) as i64 * 15 * MIN + r.range(0, 15 * MIN)).filter(|&t| t > START && t <= NOW).collect();
        v.sort();
        v
    }

    pub fn active_day(&self, r: &Rng, d0: i64, p: f64) -> bool {
        !self.away(d0 + 12 * HOUR) && r.chance(p)
    }
}

/// A round stake from the person's menu, now and then an odd amount (what was left in the account).
pub fn stake(r: &Rng, menu: &[f64]) -> f64 {
    let s = *r.pick(menu);
    if r.chance(0.1) { (s * r.uni(0.4, 1.6) * 100.0).round() / 100.0 } else { s }
}

const US: &[i64] = &[-4, -4, -4, -5, -5, -7, -7, -6];
const MIXED: &[i64] = &[-4, -4, -5, -7, -3, 0, 1, 1, 2, 2, 3, 8, 9, 10];
const EU: &[i64] = &[0, 1, 1, 2, 2, 3];

/// Long markets trading at `t`, weighted by how busy they are, optionally in some categories.
pub fn pick_long(ctx: &mut Ctx, t: i64, cats: &[&str]) -> Option<usize> {
    let cand: Vec<usize> =
        ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].trading(t) && (cats.is_empty() || cats.contains(&ctx.w.m[i].cat))).collect();
    if cand.is_empty() {
        return None;
    }
    let w: Vec<f64> = cand.iter().map(|&i| ctx.w.m[i].pop.sqrt()).collect();
    Some(cand[ctx.r.weighted(&w)])
}

/// The outcome a casual bettor backs: usually the favourite.
fn fav_side(ctx: &mut Ctx, m: usize, t: i64, p_fav: f64) -> u8 {
    let f = if ctx.w.m[m].p0(t) >= 0.5 { 0 } else { 1 };
    if ctx.r.chance(p_fav) { f } else { 1 - f }
}

fn casual_weekend_punter(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let menu: &[f64] = if ctx.r.chance(0.3) { &[5.0, 10.0, 10.0, 20.0] } else { &[10.0, 20.0, 25.0, 50.0, 50.0, 100.0] };
    let p_wknd = ctx.r.uni(0.25, 0.6);
    for d0 in life.days() {
        let wd = weekday(d0 + 12 * HOUR);
        let p = if wd >= 4 { p_wknd } else { 0.04 };
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let n = 1 + ctx.r.chance(0.3) as usize;
        for ts in life.times(&ctx.r, d0, n) {
            let k_tr = ctx.r.range(1, 4);
            let mut t = ts;
            for _ in 0..k_tr {
                t += ctx.r.range(20, 900);
                let mut g = ctx.w.live_games(t, false);
                g.extend(ctx.w.upcoming_games(t, 8 * HOUR, false));
                let m = if !g.is_empty() && ctx.r.chance(0.75) { Some(*ctx.r.pick(&g)) } else { pick_long(ctx, t, &[]) };
                let Some(m) = m else { continue };
                let k = fav_side(ctx, m, t, 0.65);
                let usd = stake(&ctx.r, menu);
                ctx.buy_usd(m, k, usd, t);
                if ctx.r.chance(0.08) {
                    let later = t + ctx.r.range(20 * MIN, 30 * HOUR);
                    ctx.sell_all(m, k, later);
                }
            }
        }
    }
}

const SPORT_CATS: &[&str] = &["nfl", "soccer", "mlb", "nhl", "cfb", "tennis", "ufc", "wnba"];

fn sports_fan_inplay(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let mut cats: Vec<&str> = vec![*ctx.r.pick(SPORT_CATS)];
    if ctx.r.chance(0.6) {
        cats.push(*ctx.r.pick(SPORT_CATS));
    }
    let p_watch = ctx.r.uni(0.2, 0.6);
    let scale = ctx.r.lognormal(1.0, 0.7);
    let menu: Vec<f64> = [10.0, 20.0, 25.0, 50.0, 100.0].iter().map(|x| (x * scale).round().max(5.0)).collect();
    let games: Vec<usize> = ctx.w.games.iter().copied().filter(|&g| cats.contains(&ctx.w.m[g].cat)).collect();
    for g in games {
        let Some((s, e)) = ctx.w.m[g].live else { continue };
        if s < START || s > NOW || life.asleep(s + 20 * MIN) || life.away(s) || !ctx.r.chance(p_watch) {
            continue;
        }
        let k = fav_side(ctx, g, s, 0.55);
        if ctx.r.chance(0.45) {
            let t = s - ctx.r.range(5 * MIN, 3 * HOUR);
            ctx.buy_usd(g, k, stake(&ctx.r, &menu), t);
        }
        let events = ctx.w.m[g].events.clone();
        for (te, d) in events {
            if !ctx.r.chance(0.45) {
                continue;
            }
            let t = te + ctx.r.range(25, 420);
            let good = (d > 0.0) == (k == 0);
            let x = ctx.r.f();
            if good {
                if x < 0.45 {
                    ctx.buy_usd(g, k, stake(&ctx.r, &menu), t);
                } else if x < 0.62 && ctx.held(g, k) > 0 {
                    let h = ctx.held(g, k) / 2;
                    ctx.take(g, k, false, h, t);
                }
            } else if x < 0.35 {
                ctx.buy_usd(g, k, stake(&ctx.r, &menu), t);
            } else if x < 0.55 {
                ctx.sell_all(g, k, t);
            } else if x < 0.65 {
                // flips to the other side
                ctx.buy_usd(g, 1 - k, stake(&ctx.r, &menu), t);
            }
        }
        for _ in 0..ctx.r.poisson(1.2) {
            let t = ctx.r.range(s, e);
            ctx.buy_usd(g, k, stake(&ctx.r, &menu), t);
        }
    }
}

const NEWS_CATS: &[&str] = &["politics", "geo", "econ", "tech", "crypto", "culture"];

fn news_follower(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let mut cats: Vec<&str> = NEWS_CATS.iter().copied().filter(|_| ctx.r.chance(0.45)).collect();
    if cats.is_empty() {
        cats.push("politics");
    }
    let menu: &[f64] = if ctx.r.chance(0.5) { &[20.0, 50.0, 50.0, 100.0] } else { &[100.0, 200.0, 250.0, 500.0] };
    let mine: Vec<usize> = ctx.w.long.iter().copied().filter(|&i| cats.contains(&ctx.w.m[i].cat)).collect();
    let p_react = ctx.r.uni(0.2, 0.5);
    for m in mine {
        let events = ctx.w.m[m].events.clone();
        for (te, d) in events {
            if d.abs() < 0.025 {
                continue;
            }
            let t = te + 3 * MIN + ctx.r.exp(45.0 * MIN as f64) as i64;
            if !life.available(&ctx.r, t) || !ctx.r.chance(p_react) {
                continue;
            }
            let k = if d > 0.0 { 0 } else { 1 };
            if ctx.held(m, 1 - k) > 0 && ctx.r.chance(0.5) {
                ctx.sell_all(m, 1 - k, t);
            } else {
                ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
            }
        }
    }
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, 0.3) {
            continue;
        }
        for t in life.times(&ctx.r, d0, 1) {
            let Some(m) = pick_long(ctx, t, &cats) else { continue };
            if ctx.held(m, 0) > 0 && ctx.r.chance(0.3) {
                ctx.sell_all(m, 0, t);
            } else {
                let k = if ctx.r.chance(0.5) { 0 } else { 1 };
                ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
            }
        }
    }
}

fn whale_conviction(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let n_m = ctx.r.range(2, 6) as usize;
    let mut picks: Vec<(usize, u8)> = Vec::new();
    for _ in 0..n_m {
        if let Some(m) = pick_long(ctx, START + ctx.r.range(0, 10 * DAY), &["politics", "geo", "econ", "sports", "crypto"]) {
            let k = fav_side(ctx, m, START + DAY, 0.6);
            picks.push((m, k));
        }
    }
    let menu = [2_000.0, 5_000.0, 5_000.0, 10_000.0, 25_000.0, 50_000.0];
    let decisions = ctx.r.range(3, 11);
    for _ in 0..decisions {
        let d = life.days();
        let d0 = *ctx.r.pick(&d);
        let Some(&t) = life.times(&ctx.r, d0, 1).first() else { continue };
        // now and then a big game instead of the usual markets
        let (m, k) = if ctx.r.chance(0.25) || picks.is_empty() {
            let g = ctx.w.upcoming_games(t, 12 * HOUR, false);
            if g.is_empty() {
                continue;
            }
            let g = *ctx.r.pick(&g);
            (g, fav_side(ctx, g, t, 0.8))
        } else {
            *ctx.r.pick(&picks)
        };
        let usd = *ctx.r.pick(&menu);
        let x = ctx.r.f();
        if x < 0.4 {
            ctx.buy_usd(m, k, usd, t);
        } else if x < 0.75 {
            let parts = ctx.r.range(2, 6);
            let mut tt = t;
            for _ in 0..parts {
                ctx.buy_usd(m, k, usd / parts as f64, tt);
                tt += ctx.r.range(40, 25 * MIN);
            }
        } else {
            // a resting bid at a round price, filled piecemeal
            let px = ctx.w.m[m].bid(k, t);
            let total = super::shares_for(usd, px);
            let mut left = total;
            let mut tt = t;
            while left >= 500 {
                tt += ctx.r.range(3 * MIN, 4 * HOUR);
                let part = if ctx.r.chance(0.3) { left } else { (left as f64 * ctx.r.uni(0.1, 0.6)) as u64 }.max(500).min(left);
                if ctx.w.m[m].ask(k, tt) > px + 3 {
                    break;
                }
                ctx.maker(m, k, true, px, part, tt);
                left -= part;
            }
        }
        if ctx.r.chance(0.15) {
            let later = t + ctx.r.range(DAY, 8 * DAY);
            if life.available(&ctx.r, later) {
                let h = ctx.held(m, k) / 3;
                ctx.take(m, k, false, h, later);
            }
        }
    }
}

/// Tokens at or under `max_cents` trading at `t`.
fn cheap_tokens(ctx: &Ctx, t: i64, max_cents: u8) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut consider = |i: usize| {
        let m = &ctx.w.m[i];
        if m.trading(t) {
            for k in 0..2u8 {
                let a = m.ask(k, t);
                if a <= max_cents && a >= 1 && m.p(k, t) > 0.004 {
                    out.push((i, k));
                }
            }
        }
    };
    for &i in &ctx.w.long {
        consider(i);
    }
    for &i in &ctx.w.games {
        if ctx.w.m[i].is_live(t) || matches!(ctx.w.m[i].live, Some((s, _)) if s > t && s < t + DAY) {
            consider(i);
        }
    }
    let day = t.div_euclid(DAY);
    for (gi, &(_, d)) in ctx.w.weather_keys.iter().enumerate() {
        if d == day || d == day + 1 {
            for &i in &ctx.w.weather[gi] {
                consider(i);
            }
        }
    }
    out
}

fn longshot_lottery_buyer(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let p = ctx.r.uni(0.2, 0.55);
    let menu: &[f64] = &[1.0, 2.0, 3.0, 5.0, 5.0, 10.0, 20.0];
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let n = 1 + ctx.r.chance(0.3) as usize;
        for ts in life.times(&ctx.r, d0, n) {
            let c = cheap_tokens(ctx, ts, 7);
            if c.is_empty() {
                continue;
            }
            let mut t = ts;
            for _ in 0..ctx.r.range(1, 6) {
                let (m, k) = *ctx.r.pick(&c);
                t += ctx.r.range(15, 240);
                let usd = stake(&ctx.r, menu);
                ctx.buy_usd(m, k, usd, t);
            }
        }
    }
    // once in a while one pops and they cash out
    let pos: Vec<(usize, u8)> = ctx.pos.keys().copied().collect();
    for (m, k) in pos {
        let e = ctx.w.m[m].end.min(NOW);
        let t = e - ctx.r.range(HOUR, 3 * DAY);
        if ctx.w.m[m].p(k, t) > 0.2 && ctx.r.chance(0.6) {
            ctx.sell_all(m, k, t);
        }
    }
}

fn human_day_trader(ctx: &mut Ctx, _: &Shared) {
    let mut life = Life::new(&ctx.r, MIXED);
    life.worker = ctx.r.chance(0.25);
    let mut watch: Vec<usize> = ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].pop > 9.0).collect();
    ctx.r.shuffle(&mut watch);
    watch.truncate(ctx.r.range(5, 12) as usize);
    let lots = [100u64, 200, 250, 500, 500, 1000];
    let size_scale = *ctx.r.pick(&[1u64, 1, 2, 5]);
    for d0 in life.days() {
        let p = if life.weekend(d0 + 12 * HOUR) { 0.4 } else { 0.85 };
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let n = ctx.r.range(1, 4) as usize;
        for ts in life.times(&ctx.r, d0, n) {
            let end = ts + ctx.r.range(20 * MIN, 110 * MIN);
            let mut t = ts;
            let mut open: Vec<(usize, u8, u8)> = Vec::new();
            while t < end {
                t += ctx.r.exp(10.0 * MIN as f64) as i64 + 20;
                if let Some(i) = (0..open.len()).find(|&i| {
                    let (m, k, px) = open[i];
                    let b = ctx.w.m[m].bid(k, t) as i64;
                    b - px as i64 >= 2 || px as i64 - b >= 3
                }) {
                    let (m, k, _) = open.remove(i);
                    if ctx.r.chance(0.35) {
                        let a = ctx.w.m[m].ask(k, t);
                        let h = ctx.held(m, k);
                        ctx.maker(m, k, false, a, h, t + ctx.r.range(30, 15 * MIN));
                    } else {
                        ctx.sell_all(m, k, t);
                    }
                    continue;
                }
                let mut cand = watch.clone();
                cand.extend(ctx.w.live_games(t, false));
                let m = *ctx.r.pick(&cand);
                if !ctx.w.m[m].trading(t) {
                    continue;
                }
                let drift = ctx.w.m[m].p0(t) - ctx.w.m[m].p0(t - 30 * MIN);
                let k = if (drift > 0.0) ^ ctx.r.chance(0.3) { 0 } else { 1 };
                let sh = ctx.r.pick(&lots) * size_scale * 100;
                if ctx.r.chance(0.3) {
                    let b = ctx.w.m[m].bid(k, t);
                    if ctx.maker(m, k, true, b, sh, t + ctx.r.range(20, 20 * MIN)) {
                        open.push((m, k, b));
                    }
                } else if ctx.take(m, k, true, sh, t) > 0 {
                    open.push((m, k, ctx.w.m[m].ask(k, t)));
                }
            }
            // closes what is left before stopping, most of the time
            for (m, k, _) in open {
                if ctx.r.chance(0.7) {
                    ctx.sell_all(m, k, end + ctx.r.range(0, 10 * MIN));
                }
            }
        }
    }
}

fn phone_night_owl(ctx: &mut Ctx, _: &Shared) {
    let life = Life::night(&ctx.r, MIXED);
    let p = ctx.r.uni(0.2, 0.45);
    let menu: &[f64] = &[2.0, 5.0, 5.0, 10.0, 15.0, 20.0, 30.0];
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let t0 = d0 + ctx.r.range(0, 5 * HOUR) + if ctx.r.chance(0.3) { DAY - 2 * HOUR } else { 0 };
        let mut t = t0;
        let n = ctx.r.range(2, 11);
        for _ in 0..n {
            t += ctx.r.range(10, 200);
            let x = ctx.r.f();
            if x < 0.5 {
                let a = if ctx.r.chance(0.8) { 0 } else { 1 };
                let len = if ctx.r.chance(0.5) { 15 * MIN } else { HOUR };
                let start = t.div_euclid(len) * len;
                let m = ctx.w.crypto(a, len, start);
                if ctx.held(m, 0) > 0 && ctx.r.chance(0.3) {
                    ctx.sell_all(m, 0, t);
                } else {
                    let k = ctx.r.below(2) as u8;
                    ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
                }
            } else {
                let mut g = ctx.w.live_games(t, false);
                g.extend(ctx.w.live_games(t, true));
                if g.is_empty() {
                    continue;
                }
                let m = *ctx.r.pick(&g);
                let k = fav_side(ctx, m, t, 0.5);
                ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
            }
        }
    }
}

fn manual_copy_follower(ctx: &mut Ctx, sh: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let mut follow = vec![ctx.r.below(sh.leaders.len() as u64) as usize];
    if ctx.r.chance(0.35) {
        follow.push(ctx.r.below(sh.leaders.len() as u64) as usize);
    }
    let menu: &[f64] = if ctx.r.chance(0.5) { &[10.0, 20.0, 25.0, 50.0] } else { &[50.0, 100.0, 100.0, 200.0] };
    let p_copy = ctx.r.uni(0.35, 0.75);
    let mut last = START;
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, life.p_day) {
            continue;
        }
        let n = ctx.r.range(1, 4) as usize;
        for t in life.times(&ctx.r, d0, n) {
            let mut done = 0;
            for &l in &follow {
                let rows: Vec<super::Row> = sh.leaders[l].iter().filter(|r| r.ts > last.max(t - 2 * DAY) && r.ts <= t).copied().collect();
                let mut seen = Vec::new();
                for r in rows {
                    let key = (r.m, r.k);
                    if seen.contains(&key) || done >= 4 {
                        continue;
                    }
                    seen.push(key);
                    let tt = t + ctx.r.range(30, 6 * MIN) * done as i64;
                    if r.buy && ctx.r.chance(p_copy) {
                        ctx.buy_usd(r.m as usize, r.k, stake(&ctx.r, menu), tt);
                        done += 1;
                    } else if !r.buy && ctx.held(r.m as usize, r.k) > 0 && ctx.r.chance(0.4) {
                        ctx.sell_all(r.m as usize, r.k, tt);
                        done += 1;
                    }
                }
            }
            last = t;
        }
    }
}

fn crypto_updown_gambler(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let p = ctx.r.uni(0.25, 0.6);
    let base = *ctx.r.pick(&[5.0, 10.0, 10.0, 20.0, 25.0, 50.0]);
    let len = if ctx.r.chance(0.6) { 15 * MIN } else { HOUR };
    let fav_asset = if ctx.r.chance(0.75) { 0 } else { ctx.r.range(1, 4) as u8 };
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let n = 1 + ctx.r.chance(0.35) as usize;
        for ts in life.times(&ctx.r, d0, n) {
            let stop = ts + ctx.r.range(15 * MIN, 100 * MIN);
            let mut t = ts;
            let mut cur = base;
            while t < stop {
                let a = if ctx.r.chance(0.85) { fav_asset } else { ctx.r.below(2) as u8 };
                let start = t.div_euclid(len) * len;
                let m = ctx.w.crypto(a, len, start);
                let mv = ctx.w.spot_at(a, t) - ctx.w.spot_at(a, t - 5 * MIN);
                let k = if (mv > 0.0) ^ ctx.r.chance(0.4) { 0 } else { 1 };
                let got = ctx.buy_usd(m, k, cur, t);
                if got > 0 && ctx.r.chance(0.12) {
                    let tt = t + ctx.r.range(60, (start + len - t).max(61));
                    ctx.sell_all(m, k, tt);
                }
                let won = ctx.w.m[m].winner == Some(k);
                cur = if won || cur >= base * 8.0 || ctx.r.chance(0.35) { base } else { (cur * 2.0).min(base * 8.0) };
                t = start + len + ctx.r.range(5, if len == HOUR { 20 * MIN } else { 4 * MIN });
            }
        }
    }
}

fn near_certain_grinder(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let p = ctx.r.uni(0.3, 0.7);
    let menu: &[f64] = &[100.0, 200.0, 250.0, 500.0, 500.0, 1000.0, 2000.0];
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let n = ctx.r.range(1, 4) as usize;
        for t in life.times(&ctx.r, d0, n) {
            let mut cand: Vec<(usize, u8)> = Vec::new();
            for &g in &ctx.w.games {
                let m = &ctx.w.m[g];
                if m.trading(t) && (m.is_live(t) || t >= m.end) {
                    for k in 0..2 {
                        let px = m.ask(k, t);
                        if (93..=99).contains(&px) && m.p(k, t) > 0.93 {
                            cand.push((g, k));
                        }
                    }
                }
            }
            for &i in &ctx.w.long {
                let m = &ctx.w.m[i];
                if m.trading(t) && m.end < t + 5 * DAY {
                    for k in 0..2 {
                        if (90..=98).contains(&m.ask(k, t)) {
                            cand.push((i, k));
                        }
                    }
                }
            }
            // the hourly crypto in its last minutes
            let start = t.div_euclid(HOUR) * HOUR;
            if t - start > 48 * MIN {
                let m = ctx.w.crypto(0, HOUR, start);
                for k in 0..2 {
                    if (92..=98).contains(&ctx.w.m[m].ask(k, t)) {
                        cand.push((m, k));
                    }
                }
            }
            let mut tt = t;
            for _ in 0..ctx.r.range(1, 4) {
                if cand.is_empty() {
                    break;
                }
                let (m, k) = cand.remove(ctx.r.below(cand.len() as u64) as usize);
                ctx.buy_usd(m, k, stake(&ctx.r, menu), tt);
                tt += ctx.r.range(30, 5 * MIN);
            }
        }
    }
}

fn weather_hobbyist(ctx: &mut Ctx, _: &Shared) {
    let ci = ctx.r.below(super::world::CITIES.len() as u64) as usize;
    let city_tz = super::world::CITIES[ci].2;
    let tzs = [city_tz, city_tz, city_tz - 1];
    let life = Life::new(&ctx.r, &tzs);
    let p = ctx.r.uni(0.35, 0.75);
    let menu: &[f64] = &[5.0, 10.0, 10.0, 20.0, 25.0, 50.0];
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, p) {
            continue;
        }
        let t = d0 + ((life.wake + ctx.r.uni(0.2, 2.5)) * HOUR as f64) as i64;
        let day = (d0 + 12 * HOUR).div_euclid(DAY) + if ctx.r.chance(0.35) { 1 } else { 0 };
        let Some(gi) = ctx.w.weather_keys.iter().position(|&(c, d)| c == ci && d == day) else { continue };
        let group = ctx.w.weather[gi].clone();
        let best = *group.iter().max_by(|&&a, &&b| ctx.w.m[a].p0(t).total_cmp(&ctx.w.m[b].p0(t))).unwrap_or(&group[0]);
        let bi = group.iter().position(|&g| g == best).unwrap_or(0);
        let pick = if ctx.r.chance(0.3) { group[(bi + 1).min(group.len() - 1)] } else { best };
        ctx.buy_usd(pick, 0, stake(&ctx.r, menu), t);
        if ctx.r.chance(0.25) {
            let other = group[bi.saturating_sub(1)];
            ctx.buy_usd(other, 0, stake(&ctx.r, menu), t + ctx.r.range(20, 300));
        }
        if ctx.r.chance(0.2) {
            let tt = d0 + ((19.0 + ctx.r.uni(0.0, 3.5)) * HOUR as f64) as i64;
            ctx.sell_all(pick, 0, tt);
        }
    }
}

fn esports_fan(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, &[8, 9, 9, 1, 2, 2, 3, -4, 7]);
    let cat = if ctx.r.chance(0.5) { "lol" } else { "cs2" };
    let p_watch = ctx.r.uni(0.25, 0.6);
    let menu: &[f64] = &[5.0, 10.0, 20.0, 20.0, 50.0, 100.0];
    let matches: Vec<usize> = ctx.w.esports.iter().copied().filter(|&g| ctx.w.m[g].cat == cat).collect();
    let fav = ctx.w.m[*ctx.r.pick(&matches)].outcomes[0].clone();
    for g in matches {
        let Some((s, e)) = ctx.w.m[g].live else { continue };
        let mine = ctx.w.m[g].outcomes.iter().position(|o| *o == fav);
        let p = if mine.is_some() { 0.9 } else { p_watch };
        if s < START || s > NOW || life.asleep(s + 10 * MIN) || life.away(s) || !ctx.r.chance(p) {
            continue;
        }
        let k = mine.map(|x| x as u8).unwrap_or_else(|| fav_side(ctx, g, s, 0.55));
        if ctx.r.chance(0.6) {
            ctx.buy_usd(g, k, stake(&ctx.r, menu), s - ctx.r.range(2 * MIN, 90 * MIN));
        }
        let events = ctx.w.m[g].events.clone();
        for (te, d) in events {
            if ctx.r.chance(0.3) {
                let t = te + ctx.r.range(20, 300);
                if (d > 0.0) != (k == 0) && ctx.r.chance(0.4) {
                    ctx.sell_all(g, k, t);
                } else {
                    ctx.buy_usd(g, k, stake(&ctx.r, menu), t);
                }
            }
        }
        if ctx.r.chance(0.3) {
            ctx.buy_usd(g, k, stake(&ctx.r, menu), ctx.r.range(s, e));
        }
    }
}

fn election_partisan(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, US);
    let red = ctx.r.chance(0.55);
    let pol: Vec<usize> = ctx.w.long.iter().copied().filter(|&i| ctx.w.m[i].cat == "politics").collect();
    let mut mine = pol.clone();
    ctx.r.shuffle(&mut mine);
    mine.truncate(ctx.r.range(1, 4) as usize);
    let sides: Vec<u8> = mine
        .iter()
        .map(|&m| {
            let t = &ctx.w.m[m].title;
            let pro_dem = t.contains("Democrats") || t.contains("Newsom") || t.contains("Mamdani") || t.contains("Texas Democrats");
            if pro_dem ^ red { 0 } else { 1 }
        })
        .collect();
    let menu: &[f64] = &[50.0, 100.0, 100.0, 200.0, 250.0, 500.0, 1000.0];
    let mut t = START + ctx.r.exp(3.0 * DAY as f64) as i64;
    while t < NOW {
        let i = ctx.r.below(mine.len() as u64) as usize;
        let tt = life.times(&ctx.r, t.div_euclid(DAY) * DAY - life.tz * HOUR, 1).first().copied().unwrap_or(t);
        if !life.away(tt) {
            ctx.buy_usd(mine[i], sides[i], stake(&ctx.r, menu), tt);
        }
        t += ctx.r.exp(3.5 * DAY as f64) as i64 + 6 * HOUR;
    }
    // buys the dip after bad news for their side
    for (i, &m) in mine.iter().enumerate() {
        let events = ctx.w.m[m].events.clone();
        for (te, d) in events {
            let bad = (d < 0.0) == (sides[i] == 0);
            if bad && d.abs() > 0.02 && ctx.r.chance(0.5) {
                let t = te + ctx.r.range(20 * MIN, 10 * HOUR);
                if !life.asleep(t) {
                    ctx.buy_usd(m, sides[i], stake(&ctx.r, menu), t);
                }
            }
        }
    }
}

fn swing_trader(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let mut watch: Vec<usize> = ctx.w.long.clone();
    ctx.r.shuffle(&mut watch);
    watch.truncate(ctx.r.range(5, 11) as usize);
    let menu: &[f64] = &[100.0, 250.0, 500.0, 500.0, 1000.0, 2000.0];
    let mut entry: std::collections::HashMap<(usize, u8), u8> = std::collections::HashMap::new();
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, 0.5) {
            continue;
        }
        let Some(&t) = life.times(&ctx.r, d0, 1).first() else { continue };
        for &m in &watch {
            if !ctx.w.m[m].trading(t) {
                continue;
            }
            for k in 0..2u8 {
                let now_px = ctx.w.m[m].mid(k, t) as i64;
                let held = ctx.held(m, k);
                if held == 0 {
                    let then = ctx.w.m[m].mid(k, t - 2 * DAY) as i64;
                    if then - now_px >= 4 && (10..=85).contains(&now_px) && ctx.r.chance(0.5) {
                        let px = ctx.w.m[m].bid(k, t);
                        let sh = super::shares_for(stake(&ctx.r, menu), px);
                        let tt = t + ctx.r.range(5 * MIN, 10 * HOUR);
                        if ctx.w.m[m].trading(tt) && ctx.w.m[m].bid(k, tt) <= px + 1 && ctx.maker(m, k, true, px, sh, tt) {
                            entry.insert((m, k), px);
                        }
                    }
                } else if let Some(&e) = entry.get(&(m, k)) {
                    if now_px >= e as i64 + 6 {
                        let a = ctx.w.m[m].ask(k, t);
                        ctx.maker(m, k, false, a, held / 2, t + ctx.r.range(10 * MIN, 6 * HOUR));
                    } else if now_px <= e as i64 - 10 {
                        ctx.sell_all(m, k, t);
                        entry.remove(&(m, k));
                    }
                }
            }
        }
    }
}

fn mentions_live_degen(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, US);
    let menu: &[f64] = &[10.0, 20.0, 25.0, 50.0, 100.0];
    let p_join = ctx.r.uni(0.3, 0.7);
    let groups = ctx.w.mentions.clone();
    for g in groups {
        let Some((s, e)) = ctx.w.m[g[0]].live else { continue };
        if life.asleep(s + 5 * MIN) || life.away(s) || !ctx.r.chance(p_join) {
            continue;
        }
        let mut t = s - ctx.r.range(0, 40 * MIN);
        let n = ctx.r.range(3, 16);
        for _ in 0..n {
            t += ctx.r.range(30, ((e - s) / n.max(1)).max(31));
            if t > e + 10 * MIN {
                break;
            }
            let m = *ctx.r.pick(&g);
            let p = ctx.w.m[m].p0(t);
            if ctx.held(m, 1) > 0 && p > 0.9 {
                ctx.sell_all(m, 1, t);
            } else if ctx.held(m, 0) > 0 && p > 0.9 {
                ctx.sell_all(m, 0, t);
            } else if p < 0.6 && ctx.r.chance(0.6) {
                ctx.buy_usd(m, 0, stake(&ctx.r, menu), t);
            } else {
                ctx.buy_usd(m, 1, stake(&ctx.r, menu), t);
            }
        }
    }
    // a few pregame bets on the side when nothing is live
    for _ in 0..ctx.r.range(0, 5) {
        let t = START + ctx.r.range(DAY, 29 * DAY);
        let g = ctx.w.upcoming_games(t, 6 * HOUR, false);
        if !g.is_empty() && !life.asleep(t) {
            let m = *ctx.r.pick(&g);
            let k = fav_side(ctx, m, t, 0.6);
            ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
        }
    }
}

fn new_user_burst_then_gone(ctx: &mut Ctx, _: &Shared) {
    let life = Life::new(&ctx.r, MIXED);
    let days = life.days();
    let first = ctx.r.skewed(days.len().saturating_sub(3), 1.3);
    let n_days = ctx.r.range(1, 5) as usize;
    let menu: &[f64] = if ctx.r.chance(0.5) { &[5.0, 10.0, 20.0, 20.0, 50.0] } else { &[20.0, 50.0, 100.0, 100.0, 250.0] };
    for d0 in days.iter().skip(first).take(n_days) {
        let n = ctx.r.range(2, 5) as usize;
        for ts in life.times(&ctx.r, *d0, n) {
            let mut t = ts;
            for _ in 0..ctx.r.range(2, 9) {
                t += ctx.r.range(15, 8 * MIN);
                let x = ctx.r.f();
                let m = if x < 0.4 {
                    let g = ctx.w.live_games(t, false);
                    let g = if g.is_empty() { ctx.w.upcoming_games(t, 10 * HOUR, false) } else { g };
                    if g.is_empty() { pick_long(ctx, t, &[]) } else { Some(*ctx.r.pick(&g)) }
                } else if x < 0.65 {
                    let start = t.div_euclid(HOUR) * HOUR;
                    Some(ctx.w.crypto(0, HOUR, start))
                } else {
                    pick_long(ctx, t, &[])
                };
                let Some(m) = m else { continue };
                let k = fav_side(ctx, m, t, 0.55);
                if ctx.held(m, k) > 0 && ctx.r.chance(0.35) {
                    ctx.sell_all(m, k, t);
                } else {
                    ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
                }
            }
        }
    }
    if ctx.r.chance(0.3) {
        let t = days[(first + n_days + ctx.r.range(4, 15) as usize).min(days.len() - 1)] + ctx.r.range(9 * HOUR, 23 * HOUR);
        if let Some(m) = pick_long(ctx, t, &[]) {
            ctx.buy_usd(m, 0, stake(&ctx.r, menu), t);
        }
    }
}

/// A followed whale in the crowd: a person with a big bankroll and a public profile.
pub fn leader(ctx: &mut Ctx, l: u32) {
    let life = Life::new(&ctx.r, MIXED);
    let sporty = l.is_multiple_of(3);
    let menu: &[f64] = &[500.0, 1000.0, 1500.0, 2000.0, 2500.0, 5000.0, 10000.0];
    for d0 in life.days() {
        if !life.active_day(&ctx.r, d0, 0.75) {
            continue;
        }
        let n = ctx.r.range(1, 4) as usize;
        for ts in life.times(&ctx.r, d0, n) {
            let mut t = ts;
            for _ in 0..ctx.r.range(1, 5) {
                t += ctx.r.range(30, 20 * MIN);
                let held: Vec<(usize, u8)> = ctx.pos.iter().filter(|(_, v)| **v >= 500).map(|(k, _)| *k).collect();
                if !held.is_empty() && ctx.r.chance(0.2) {
                    let (m, k) = *ctx.r.pick(&held);
                    ctx.sell_all(m, k, t);
                    continue;
                }
                let m = if sporty || ctx.r.chance(0.3) {
                    let mut g = ctx.w.upcoming_games(t, 10 * HOUR, false);
                    g.extend(ctx.w.live_games(t, false));
                    if g.is_empty() { pick_long(ctx, t, &[]) } else { Some(*ctx.r.pick(&g)) }
                } else {
                    pick_long(ctx, t, &["politics", "geo", "econ", "tech", "crypto"])
                };
                let Some(m) = m else { continue };
                let k = fav_side(ctx, m, t, 0.6);
                ctx.buy_usd(m, k, stake(&ctx.r, menu), t);
            }
        }
    }
}

pub fn _kind_is_game(k: Kind) -> bool {
    matches!(k, Kind::Game | Kind::Esport)
}
