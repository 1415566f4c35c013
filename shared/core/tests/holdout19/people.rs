//! People: traders who click buttons in a browser or the phone app. They sleep, work, travel,
//! get bored, chase losses and take profits in the ways real Polymarket users describe.

use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, NOW, START, weekday};
use super::{Ctx, Fill, Gen, each, shares_for, whole};
use std::collections::BTreeMap;

/// Time zones people live in, with rough weights (seconds east of UTC, in June).
const ZONES: [(i64, f64); 11] = [
    (-4 * HOUR, 0.28),
    (-5 * HOUR, 0.12),
    (-7 * HOUR, 0.12),
    (-3 * HOUR, 0.05),
    (HOUR, 0.1),
    (2 * HOUR, 0.12),
    (3 * HOUR, 0.05),
    (5 * HOUR + 1800, 0.04),
    (8 * HOUR, 0.06),
    (9 * HOUR, 0.03),
    (10 * HOUR, 0.03),
];

pub struct Life {
    pub tz: i64,
    pub wake: f64,
    pub bed: f64,
    pub job: Option<(f64, f64)>,
    pub first_day: i64,
    pub off: Vec<bool>,
    pub mood: Vec<f64>,
}

impl Life {
    pub fn new(r: &mut Rng, zones: &[i64]) -> Life {
        let tz = if zones.is_empty() {
            let ws: Vec<f64> = ZONES.iter().map(|z| z.1).collect();
            ZONES[r.weighted(&ws)].0
        } else {
            *r.pick(zones)
        };
        let first_day = (START + tz).div_euclid(DAY) - 1;
        let days = 33;
        let mut off = vec![false; days];
        for o in off.iter_mut() {
            *o = r.chance(0.05);
        }
        if r.chance(0.35) {
            // A trip, a family visit, a busy week at work.
            let a = r.below(days);
            for o in off.iter_mut().skip(a).take(r.int(2, 7) as usize) {
                *o = true;
            }
        }
        let mut mood = Vec::with_capacity(days);
        let mut m: f64 = 0.0;
        for _ in 0..days {
            m = 0.6 * m + 0.45 * r.normal();
            mood.push(m.exp());
        }
        Life { tz, wake: r.range(6.0, 9.5), bed: r.range(22.5, 25.5), job: None, first_day, off, mood }
    }

    pub fn with_job(mut self, r: &mut Rng) -> Life {
        let a = r.range(7.5, 9.5);
        self.job = Some((a, a + r.range(7.5, 9.5)));
        self
    }

    pub fn local_hour(&self, t: i64) -> f64 {
        (t + self.tz).rem_euclid(DAY) as f64 / 3600.0
    }

    pub fn local_weekday(&self, t: i64) -> i64 {
        weekday(t + self.tz)
    }

    fn day_ix(&self, t: i64) -> usize {
        (((t + self.tz).div_euclid(DAY) - self.first_day).max(0) as usize).min(self.off.len() - 1)
    }

    pub fn is_off(&self, t: i64) -> bool {
        self.off[self.day_ix(t)]
    }

    /// Up and about at `t` (not asleep; ignores work).
    pub fn awake(&self, t: i64) -> bool {
        let h = self.local_hour(t);
        let wd = self.local_weekday(t);
        let late = if wd == 4 || wd == 5 { 1.0 } else { 0.0 };
        let sleep_in = if wd >= 5 { 1.2 } else { 0.0 };
        let bed = self.bed + late;
        (h >= self.wake + sleep_in && h < bed) || h + 24.0 < bed
    }

    pub fn at_work(&self, t: i64) -> bool {
        match self.job {
            Some((a, b)) => {
                let h = self.local_hour(t);
                self.local_weekday(t) < 5 && h >= a && h < b
            }
            None => false,
        }
    }

    /// Session start times: `per_day` on an ordinary day, spread over the waking day by `hw`
    /// (local hour 0..24, weekend → weight in 0..=1). Work hours only get `peek` of their weight.
    pub fn sessions(&self, r: &mut Rng, per_day: (f64, f64), weekend_mult: f64, peek: f64, hw: &dyn Fn(f64, bool) -> f64) -> Vec<i64> {
        let per_day = r.range(per_day.0, per_day.1);
        let mut out = Vec::new();
        for d in 0..self.off.len() {
            if self.off[d] {
                continue;
            }
            let day = (self.first_day + d as i64) * DAY - self.tz;
            let we = weekday(day + 12 * HOUR + self.tz) >= 5;
            let lam = per_day * self.mood[d] * if we { weekend_mult } else { 1.0 };
            let n = r.poisson(lam);
            let wake = self.wake + r.normal() * 0.4 + if we { 1.2 } else { 0.0 };
            let bed = self.bed + r.normal() * 0.5 + if we { 0.8 } else { 0.0 };
            for _ in 0..n {
                for _ in 0..40 {
                    let h = r.range(wake, bed.max(wake + 1.0));
                    let mut wgt = hw(h.rem_euclid(24.0), we);
                    if let Some((a, b)) = self.job {
                        if !we && h >= a && h < b {
                            wgt *= peek;
                        }
                    }
                    if r.chance(wgt) {
                        let t = day + (h * 3600.0) as i64;
                        if t > START && t <= NOW {
                            out.push(t);
                        }
                        break;
                    }
                }
            }
        }
        out.sort();
        out
    }
}

/// Times of `n` clicks in a session starting at `t0`.
pub fn clicks(r: &mut Rng, t0: i64, n: usize, median_gap: f64) -> Vec<i64> {
    let mut t = t0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if i > 0 {
            t += r.lognormal(median_gap, 0.8).clamp(4.0, 1800.0) as i64;
        }
        out.push(t);
    }
    out
}

/// Dollar amounts as people type them: mostly round, sometimes whatever is left in the wallet.
pub fn human_usd(r: &mut Rng, x: f64) -> f64 {
    let x = x.max(1.0);
    if r.chance(0.72) {
        let unit = if x < 12.0 {
            1.0
        } else if x < 60.0 {
            5.0
        } else if x < 300.0 {
            if r.chance(0.5) { 10.0 } else { 25.0 }
        } else if x < 2000.0 {
            50.0
        } else {
            500.0
        };
        ((x / unit).round() * unit).max(unit)
    } else {
        (x * 100.0).round() / 100.0
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Pos {
    pub size: i64,
    pub cost: f64,
    pub first: i64,
    pub peak_sold: bool,
}

/// What a person holds, and how their mood follows wins and losses.
pub struct Book {
    pub pos: BTreeMap<(usize, usize), Pos>,
    pub stake: f64,
    pub tilt: f64,
    pub prone: f64,
    pub last_loss: i64,
}

impl Book {
    pub fn new(stake: f64, prone: f64) -> Book {
        Book { pos: BTreeMap::new(), stake, tilt: 1.0, prone, last_loss: 0 }
    }

    pub fn usd(&self, r: &mut Rng) -> f64 {
        {
            let x = r.lognormal(1.0, 0.5);
            human_usd(r, self.stake * self.tilt * x)
        }
    }

    pub fn avg(&self, k: (usize, usize)) -> f64 {
        self.pos.get(&k).map(|p| p.cost / (p.size.max(1) as f64 / 100.0) * 100.0).unwrap_or(0.0)
    }

    pub fn record(&mut self, fills: &[Fill]) {
        for f in fills {
            let e = self.pos.entry((f.m, f.o)).or_insert(Pos { first: f.t, ..Pos::default() });
            if f.buy {
                e.size += f.size;
                e.cost += f.size as f64 / 100.0 * f.cents as f64 / 100.0;
            } else {
                let keep = (e.size - f.size).max(0);
                if e.size > 0 {
                    e.cost *= keep as f64 / e.size as f64;
                }
                e.size = keep;
            }
        }
        self.pos.retain(|_, p| p.size >= 100);
    }

    /// Settles markets that have resolved by `t`; losses raise the stakes of tilt-prone people.
    pub fn settle(&mut self, ctx: &Ctx, t: i64) {
        let mut done = Vec::new();
        for (k, p) in &self.pos {
            let mk = &ctx.w.markets[k.0];
            if mk.close <= t {
                if let Some(w) = mk.winner {
                    let value = if w == k.1 { p.size as f64 / 100.0 } else { 0.0 };
                    done.push((*k, value - p.cost));
                }
            }
        }
        for (k, pnl) in done {
            self.pos.remove(&k);
            if pnl < 0.0 {
                self.tilt = (self.tilt * (1.0 + self.prone)).min(4.0);
                self.last_loss = t;
            } else {
                self.tilt = 1.0 + (self.tilt - 1.0) * 0.5;
            }
        }
    }

    pub fn held(&self) -> Vec<(usize, usize)> {
        self.pos.keys().copied().collect()
    }
}

/// Market orders from the app: usually one price level, bigger orders walk a second or third.
pub fn buy(ctx: &mut Ctx, book: &mut Book, t: i64, m: usize, o: usize, usd: f64) -> Vec<Fill> {
    if !ctx.w.markets[m].trading(t) {
        return Vec::new();
    }
    let levels = if usd > 2500.0 {
        3
    } else if usd > 400.0 {
        2
    } else {
        1
    };
    let f = ctx.take(t, m, o, true, usd, levels);
    book.record(&f);
    f
}

pub fn sell(ctx: &mut Ctx, book: &mut Book, t: i64, m: usize, o: usize, frac: f64) -> Vec<Fill> {
    let have = book.pos.get(&(m, o)).map(|p| p.size).unwrap_or(0);
    if have < 500 || !ctx.w.markets[m].trading(t) || ctx.w.bid(m, t, o) < 1 {
        return Vec::new();
    }
    let mut size = if frac >= 0.99 { have } else { ((have as f64 * frac) as i64 / 100 * 100).max(500) };
    if have - size < 500 {
        size = have;
    }
    let levels = if size > 200_000 { 2 } else { 1 };
    let f = ctx.take_sh(t, m, o, false, size, levels);
    book.record(&f);
    f
}

/// A limit order at or below the bid, in whole shares, filled some minutes later if the price is there.
pub fn limit_buy(r: &mut Rng, ctx: &mut Ctx, book: &mut Book, t: i64, m: usize, o: usize, usd: f64) -> Vec<Fill> {
    if !ctx.w.markets[m].trading(t) {
        return Vec::new();
    }
    let price = (ctx.w.bid(m, t, o) - r.int(0, 2)).max(1);
    let size = whole(shares_for(usd, price));
    let mut out = Vec::new();
    let mut left = size;
    let mut at = t;
    for _ in 0..3 {
        at += r.exp(1500.0) as i64 + 5;
        if !ctx.w.markets[m].trading(at) || left < 500 {
            break;
        }
        if ctx.w.ask(m, at, o) <= price + 2 || ctx.w.bid(m, at, o) <= price {
            let part = if r.chance(0.6) || left < 1000 { left } else { whole(left * r.int(30, 70) / 100) };
            let part = if left - part < 500 { left } else { part };
            out.push(ctx.rest(at, m, o, true, price, part));
            left -= part;
        }
    }
    book.record(&out);
    out
}

pub fn limit_sell(r: &mut Rng, ctx: &mut Ctx, book: &mut Book, t: i64, m: usize, o: usize, cents: i64) -> Vec<Fill> {
    let have = book.pos.get(&(m, o)).map(|p| p.size).unwrap_or(0);
    if have < 500 {
        return Vec::new();
    }
    let mut at = t;
    for _ in 0..4 {
        at += r.exp(3600.0) as i64 + 10;
        if !ctx.w.markets[m].trading(at) {
            return Vec::new();
        }
        if ctx.w.bid(m, at, o) >= cents - 1 {
            let f = vec![ctx.rest(at, m, o, false, cents.clamp(1, 99), have)];
            book.record(&f);
            return f;
        }
    }
    Vec::new()
}

/// A live market of the given kinds, by popularity, whose outcome-`o` price suits `ok`.
pub fn choose(r: &mut Rng, ctx: &Ctx, kinds: &[Kind], t: i64, ok: &dyn Fn(&Ctx, usize) -> bool) -> Option<usize> {
    let live: Vec<usize> = ctx.w.live_in(kinds, t).into_iter().filter(|&m| ok(ctx, m) && ctx.w.markets[m].close - t > 120).collect();
    if live.is_empty() {
        return None;
    }
    let ws: Vec<f64> = live.iter().map(|&m| ctx.w.markets[m].pop).collect();
    Some(live[r.weighted(&ws)])
}

/// The side people pick: the favourite with probability `fav`, else the other.
pub fn side(r: &mut Rng, ctx: &Ctx, m: usize, t: i64, fav: f64) -> usize {
    let (lead, _) = ctx.w.leader(m, t);
    if r.chance(fav) { lead } else { 1 - lead }
}

fn any_price(_: &Ctx, _: usize) -> bool {
    true
}

pub fn all() -> Vec<(&'static str, usize, Gen)> {
    vec![
        ("student_between_classes", 16, |r, c, n| each(r, c, n, student)),
        ("esports_fan_watching_matches", 15, |r, c, n| each(r, c, n, esports_fan)),
        ("averages_down_on_losers", 14, |r, c, n| each(r, c, n, average_down)),
        ("sells_half_lets_rest_ride", 15, |r, c, n| each(r, c, n, half_profit)),
        ("mention_market_punter", 14, |r, c, n| each(r, c, n, mention_punter)),
        ("lunch_break_and_evening", 16, |r, c, n| each(r, c, n, lunch_evening)),
        ("retiree_checks_few_times_a_day", 15, |r, c, n| each(r, c, n, retiree)),
        ("binge_then_quit", 15, |r, c, n| each(r, c, n, binge)),
        ("night_phone_crypto_windows", 16, |r, c, n| each(r, c, n, night_crypto)),
        ("professional_discretionary", 14, |r, c, n| each(r, c, n, pro)),
        ("weekend_sports_bettor", 16, |r, c, n| each(r, c, n, weekend_sports)),
        ("reads_the_news_then_trades", 15, |r, c, n| each(r, c, n, news_reader)),
        ("longshot_lottery_buyer", 15, |r, c, n| each(r, c, n, longshot)),
        ("weather_hobbyist", 14, |r, c, n| each(r, c, n, weather_fan)),
        ("whale_with_conviction", 12, |r, c, n| each(r, c, n, whale)),
    ]
}

fn student(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[-4 * HOUR, -5 * HOUR, -7 * HOUR, HOUR, 2 * HOUR]);
    let mut book = Book::new(r.range(3.0, 14.0), r.range(0.0, 0.5));
    let kinds_all = [Kind::Basketball, Kind::Soccer, Kind::UpDown, Kind::Esports, Kind::Culture, Kind::Football, Kind::Mention];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 2, 4).into_iter().map(|i| kinds_all[i]).collect();
    let breaks = [r.range(9.8, 10.3), r.range(11.8, 12.6), r.range(14.7, 15.3)];
    let hw = move |h: f64, we: bool| {
        if we {
            if h >= 12.0 || h < 2.0 { 0.7 } else { 0.1 }
        } else if breaks.iter().any(|b| h >= *b && h < b + 0.35) {
            1.0
        } else if (9.0..16.5).contains(&h) {
            0.03
        } else if h >= 20.5 || h < 2.0 {
            0.8
        } else {
            0.3
        }
    };
    let mut life = life;
    // Exams: a week with almost no trading.
    if r.chance(0.5) {
        let a = r.below(25);
        for o in life.off.iter_mut().skip(a).take(r.int(4, 8) as usize) {
            *o = true;
        }
    }
    let mut out = Vec::new();
    for s in life.sessions(r, (1.0, 3.0), 1.3, 1.0, &hw) {
        book.settle(ctx, s);
        let n = r.int(1, 3) as usize;
        for t in clicks(r, s, n, 35.0) {
            if r.chance(0.25) && !book.pos.is_empty() {
                let held = book.held();
                let k = *r.pick(&held);
                if ctx.w.markets[k.0].trading(t) && ctx.w.bid(k.0, t, k.1) as f64 > book.avg(k) + 3.0 {
                    out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
                    continue;
                }
            }
            if let Some(m) = choose(r, ctx, &kinds, t, &any_price) {
                let o = side(r, ctx, m, t, 0.6);
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            }
        }
    }
    out
}

fn esports_fan(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[2 * HOUR, HOUR, 3 * HOUR, 8 * HOUR, 9 * HOUR, -4 * HOUR, -3 * HOUR]);
    let life = if r.chance(0.5) { life.with_job(r) } else { life };
    let mut book = Book::new(r.range(8.0, 70.0), r.range(0.1, 0.6));
    let games = ["LoL", "CS2", "Dota 2", "Valorant"];
    let game = games[r.below(4)];
    let second = if r.chance(0.3) { games[r.below(4)] } else { game };
    let fav_teams: Vec<&str> = r.sample_k(super::world::ESPORTS.len(), 2, 4).into_iter().map(|i| super::world::ESPORTS[i]).collect();
    let watch_rate = r.range(0.5, 0.9);
    let mut out = Vec::new();
    let list: Vec<usize> = ctx.w.by_kind[Kind::Esports.ix()].clone();
    for m in list {
        let mk = &ctx.w.markets[m];
        let (st, en) = mk.live.unwrap_or((mk.close, mk.close));
        if !(mk.title.starts_with(game) || mk.title.starts_with(second)) {
            continue;
        }
        let fav = fav_teams.iter().position(|t| mk.outcomes[0] == *t || mk.outcomes[1] == *t);
        let interest = if fav.is_some() { watch_rate } else { watch_rate * 0.25 };
        if !life.awake(st) || life.is_off(st) || life.at_work(st + 1800) || !r.chance(interest) {
            continue;
        }
        book.settle(ctx, st);
        let o = match fav {
            Some(i) => {
                if mk.outcomes[0] == fav_teams[i] {
                    0
                } else {
                    1
                }
            }
            None => side(r, ctx, m, st, 0.55),
        };
        let jumps = mk.jumps.clone();
        // Pre-match, while the stream's countdown runs.
        let t = st - r.int(60, 2 * 3600);
        let usd = book.usd(r);
        out.extend(buy(ctx, &mut book, t, m, o, usd));
        // Map results while watching.
        for (jt, dp) in jumps {
            if jt >= en || !r.chance(0.55) {
                continue;
            }
            let t = jt + r.lognormal(150.0, 0.7) as i64;
            let ours_up = (dp > 0.0) == (o == 0);
            if ours_up && r.chance(0.35) {
                let usd = book.usd(r) * 0.6;
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            } else if !ours_up {
                if r.chance(0.35) {
                    out.extend(sell(ctx, &mut book, t, m, o, 1.0));
                } else if r.chance(0.45) {
                    // "they always come back"
                    let usd = book.usd(r);
                    out.extend(buy(ctx, &mut book, t, m, o, usd));
                }
            }
        }
    }
    out
}

const LONG: [Kind; 5] = [Kind::Politics, Kind::Tech, Kind::Culture, Kind::Macro, Kind::Politics];

fn average_down(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let life = if r.chance(0.7) { life.with_job(r) } else { life };
    let mut book = Book::new(r.range(15.0, 250.0), 0.0);
    let drop = r.range(5.0, 14.0);
    let mult = r.range(1.2, 2.2);
    let mut last_add: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let hw = |h: f64, _| if (7.0..9.0).contains(&h) || (19.0..23.5).contains(&h) { 1.0 } else { 0.4 };
    let mut out = Vec::new();
    for s in life.sessions(r, (0.8, 2.5), 1.2, 0.3, &hw) {
        book.settle(ctx, s);
        let mut t = s;
        for k in book.held() {
            if !ctx.w.markets[k.0].trading(t) {
                continue;
            }
            let avg = book.avg(k);
            let ask = ctx.w.ask(k.0, t, k.1) as f64;
            if ask <= avg - drop && ask >= 3.0 {
                let prev = *last_add.get(&k).unwrap_or(&book.stake);
                let usd = super::people::human_usd(r, prev * mult);
                t += r.int(20, 120);
                out.extend(buy(ctx, &mut book, t, k.0, k.1, usd));
                last_add.insert(k, usd);
            } else if ask > avg + 25.0 && r.chance(0.08) {
                t += r.int(20, 120);
                out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
            }
        }
        if book.pos.len() < 8 && r.chance(0.35) {
            t += r.int(20, 200);
            if let Some(m) = choose(r, ctx, &LONG, t, &|c, m| (15..=85).contains(&c.w.mid(m, s, 0))) {
                let o = side(r, ctx, m, t, 0.5);
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
                last_add.insert((m, o), usd);
            }
        }
    }
    out
}

fn half_profit(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let life = if r.chance(0.6) { life.with_job(r) } else { life };
    let mut book = Book::new(r.range(20.0, 300.0), r.range(0.0, 0.3));
    let target = r.range(8.0, 22.0);
    let kinds_all = [Kind::Politics, Kind::Basketball, Kind::Soccer, Kind::Strike, Kind::Culture, Kind::Macro, Kind::Tennis];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 2, 5).into_iter().map(|i| kinds_all[i]).collect();
    let mut out = Vec::new();
    let hw = |h: f64, _| if (12.0..14.0).contains(&h) || (18.0..24.0).contains(&h) { 1.0 } else { 0.5 };
    for s in life.sessions(r, (1.5, 4.0), 1.0, 0.35, &hw) {
        book.settle(ctx, s);
        let mut t = s;
        for k in book.held() {
            if !ctx.w.markets[k.0].trading(t) {
                continue;
            }
            let p = book.pos[&k];
            let entry = book.avg(k);
            let bid = ctx.w.bid(k.0, t, k.1) as f64;
            if !p.peak_sold && bid >= entry + target {
                t += r.int(15, 90);
                out.extend(sell(ctx, &mut book, t, k.0, k.1, 0.5));
                if let Some(q) = book.pos.get_mut(&k) {
                    q.peak_sold = true;
                }
            } else if p.peak_sold && bid <= entry - 2.0 && r.chance(0.5) {
                t += r.int(15, 90);
                out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
            } else if !p.peak_sold && bid <= entry - 2.5 * target && r.chance(0.3) {
                t += r.int(15, 90);
                out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
            }
        }
        for _ in 0..r.int(0, 2) {
            t += r.int(30, 300);
            if let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (20..=80).contains(&c.w.mid(m, s, 0))) {
                let o = side(r, ctx, m, t, 0.5);
                let usd = book.usd(r);
                let f = if r.chance(0.3) { limit_buy(r, ctx, &mut book, t, m, o, usd) } else { buy(ctx, &mut book, t, m, o, usd) };
                out.extend(f);
            }
        }
    }
    out
}

fn mention_punter(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[-4 * HOUR, -5 * HOUR, -7 * HOUR, HOUR]);
    let mut book = Book::new(r.range(5.0, 60.0), r.range(0.1, 0.5));
    let mut out = Vec::new();
    let speeches: Vec<(i64, i64, Vec<usize>)> = ctx.w.speeches.iter().map(|s| (s.start, s.end, s.markets.clone())).collect();
    let keen = r.range(0.6, 0.95);
    for (st, en, ms) in speeches {
        if !r.chance(keen) || life.is_off(st) || (!life.awake(st) && r.chance(0.8)) {
            continue;
        }
        book.settle(ctx, st);
        // The evening before: a few cheap Yes bets on words they expect.
        if r.chance(0.5) {
            let t0 = st - r.int(3 * HOUR, 20 * HOUR);
            if life.awake(t0) {
                let k = r.int(1, 4) as usize;
                for t in clicks(r, t0, k, 50.0) {
                    let m = *r.pick(&ms);
                    let usd = book.usd(r);
                    out.extend(buy(ctx, &mut book, t, m, 0, usd));
                }
            }
        }
        // Live: trade while listening.
        let mut t = st + r.int(0, 600);
        let n = r.int(4, 22);
        for _ in 0..n {
            t += r.lognormal(150.0, 0.9) as i64;
            if t >= en {
                break;
            }
            let m = *r.pick(&ms);
            let yes = ctx.w.mid(m, t, 0);
            let said = ctx.w.markets[m].jumps.iter().any(|j| j.0 < t - 30 && j.1 > 0.2);
            if book.pos.contains_key(&(m, 0)) && (said || r.chance(0.2)) {
                out.extend(sell(ctx, &mut book, t, m, 0, if said { 1.0 } else { 0.5 }));
            } else if !said && yes < 70 {
                let o = if yes < 35 && r.chance(0.3) { 1 } else { 0 };
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            }
        }
    }
    let hw = |h: f64, _| if (18.0..24.0).contains(&h) { 1.0 } else { 0.4 };
    for s in life.sessions(r, (0.1, 0.5), 1.0, 0.3, &hw) {
        if let Some(m) = choose(r, ctx, &[Kind::Politics, Kind::Culture], s, &any_price) {
            let o = side(r, ctx, m, s, 0.5);
            let usd = book.usd(r);
            out.extend(buy(ctx, &mut book, s, m, o, usd));
        }
    }
    out
}

fn lunch_evening(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut life = Life::new(r, &[]).with_job(r);
    life.job = Some((8.5, 18.0));
    let lunch = r.range(11.8, 13.0);
    let eve = r.range(18.5, 20.5);
    let mut book = Book::new(r.range(10.0, 120.0), r.range(0.0, 0.6));
    let kinds_all = [Kind::Politics, Kind::Basketball, Kind::Soccer, Kind::Culture, Kind::Tech, Kind::Strike, Kind::Macro, Kind::Tennis];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 3, 5).into_iter().map(|i| kinds_all[i]).collect();
    let hw = move |h: f64, we: bool| {
        if we {
            if (10.0..23.0).contains(&h) { 0.6 } else { 0.0 }
        } else if (h >= lunch && h < lunch + 0.9) || (h >= eve && h < 23.3) {
            1.0
        } else {
            0.0
        }
    };
    let mut out = Vec::new();
    for s in life.sessions(r, (1.2, 2.8), 0.8, 1.0, &hw) {
        book.settle(ctx, s);
        let n = r.int(1, 5) as usize;
        for t in clicks(r, s, n, 60.0) {
            if !book.pos.is_empty() && r.chance(0.3) {
                let held = book.held();
                let k = *r.pick(&held);
                if ctx.w.markets[k.0].trading(t) {
                    let gain = ctx.w.bid(k.0, t, k.1) as f64 - book.avg(k);
                    if gain > 6.0 || gain < -20.0 {
                        out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
                        continue;
                    }
                }
            }
            if let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (8..=92).contains(&c.w.mid(m, t, 0))) {
                let o = side(r, ctx, m, t, 0.62);
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            }
        }
    }
    out
}

fn retiree(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut life = Life::new(r, &[-4 * HOUR, -5 * HOUR, -7 * HOUR, HOUR, 2 * HOUR, 10 * HOUR]);
    life.wake = r.range(5.5, 7.5);
    life.bed = r.range(21.5, 23.0);
    let slots = [r.range(7.0, 9.0), r.range(12.5, 14.0), r.range(17.0, 19.0), r.range(20.5, 21.5)];
    let hw = move |h: f64, _| if slots.iter().any(|s| h >= *s && h < s + 0.6) { 1.0 } else { 0.02 };
    let mut book = Book::new(r.range(15.0, 150.0), 0.0);
    let kinds = [Kind::Politics, Kind::Weather, Kind::Culture, Kind::Macro, Kind::Politics, Kind::Tech];
    let limits = r.range(0.3, 0.8);
    let mut out = Vec::new();
    for s in life.sessions(r, (2.2, 3.8), 1.0, 1.0, &hw) {
        book.settle(ctx, s);
        if !r.chance(0.55) {
            continue; // looked, did nothing
        }
        let n = r.int(1, 2) as usize;
        for t in clicks(r, s, n, 90.0) {
            if !book.pos.is_empty() && r.chance(0.15) {
                let held = book.held();
                let k = *r.pick(&held);
                if ctx.w.markets[k.0].trading(t) && ctx.w.bid(k.0, t, k.1) >= 90 {
                    out.extend(sell(ctx, &mut book, t, k.0, k.1, 1.0));
                    continue;
                }
            }
            if let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (10..=90).contains(&c.w.mid(m, t, 0))) {
                let o = side(r, ctx, m, t, 0.7);
                let usd = book.usd(r);
                let f = if r.chance(limits) { limit_buy(r, ctx, &mut book, t, m, o, usd) } else { buy(ctx, &mut book, t, m, o, usd) };
                out.extend(f);
            }
        }
    }
    out
}

fn binge(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut life = Life::new(r, &[]);
    let mut book = Book::new(r.range(10.0, 200.0), r.range(0.3, 0.9));
    // Two to four binges of one to three days; silence in between.
    let mut on = vec![false; life.off.len()];
    let mut d = r.int(0, 8) as usize;
    for _ in 0..r.int(2, 4) {
        for k in 0..r.int(1, 3) as usize {
            if d + k < on.len() {
                on[d + k] = true;
            }
        }
        d += r.int(5, 12) as usize;
    }
    for (i, o) in life.off.iter_mut().enumerate() {
        *o = !on[i] && !r.chance(0.08);
    }
    life.bed += r.range(0.5, 2.0);
    let kinds_all =
        [Kind::UpDown, Kind::Basketball, Kind::Soccer, Kind::Politics, Kind::Esports, Kind::Tennis, Kind::Strike, Kind::Culture];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 3, 6).into_iter().map(|i| kinds_all[i]).collect();
    let hw = |_: f64, _| 1.0;
    let mut out = Vec::new();
    for s in life.sessions(r, (4.0, 9.0), 1.0, 1.0, &hw) {
        book.settle(ctx, s);
        let n = r.int(2, 9) as usize;
        for t in clicks(r, s, n, 30.0) {
            if !book.pos.is_empty() && r.chance(0.3) {
                let held = book.held();
                let k = *r.pick(&held);
                if ctx.w.markets[k.0].trading(t) {
                    out.extend(sell(ctx, &mut book, t, k.0, k.1, if r.chance(0.5) { 1.0 } else { 0.5 }));
                    continue;
                }
            }
            if let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (5..=95).contains(&c.w.mid(m, t, 0))) {
                let o = side(r, ctx, m, t, 0.5);
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            }
        }
    }
    out
}

fn night_crypto(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let mut life = Life::new(r, &[]);
    life.bed = r.range(24.5, 27.0);
    let life = if r.chance(0.6) { life.with_job(r) } else { life };
    let base = r.range(4.0, 35.0);
    let mut book = Book::new(base, 0.0);
    let quarter = r.chance(0.5);
    let night_from = r.range(21.0, 23.0);
    let hw = move |h: f64, _| {
        if h >= night_from || h < 2.5 {
            1.0
        } else if (7.0..8.5).contains(&h) {
            0.25
        } else {
            0.03
        }
    };
    let mut out = Vec::new();
    let mut streak = 0;
    for s in life.sessions(r, (1.5, 4.0), 1.2, 0.2, &hw) {
        let n = r.int(1, 4) as usize;
        let mut t = s;
        for _ in 0..n {
            book.settle(ctx, t);
            if book.last_loss > 0 && book.last_loss >= t - 3 * HOUR {
                streak = (streak + 1).min(3);
                book.last_loss = 0;
            } else if book.pos.is_empty() {
                streak = 0;
            }
            let live = ctx.w.live_of(Kind::UpDown, t);
            let cands: Vec<usize> =
                live.into_iter().filter(|&m| (ctx.w.markets[m].close - ctx.w.markets[m].open == 900) == quarter || r.chance(0.2)).collect();
            if cands.is_empty() {
                break;
            }
            let m = *r.pick(&cands);
            let close = ctx.w.markets[m].close;
            // Momentum by eye: the side that is ahead, sometimes the "it's due" reversal.
            let o = side(r, ctx, m, t, 0.65);
            let x = r.lognormal(1.0, 0.3);
            let usd = human_usd(r, base * 2f64.powi(streak) * x);
            out.extend(buy(ctx, &mut book, t, m, o, usd));
            if r.chance(0.2) {
                let ts = t + r.int(120, (close - t - 30).max(121));
                out.extend(sell(ctx, &mut book, ts, m, o, 1.0));
            }
            t = close + r.int(20, 400);
        }
    }
    out
}

pub fn pro_like(r: &mut Rng, ctx: &mut Ctx, stake: (f64, f64), per_day: (f64, f64)) -> Vec<Fill> {
    let mut life = Life::new(r, &[]);
    life.wake = r.range(6.5, 9.0);
    life.bed = r.range(23.0, 25.5);
    // One rest day a week, sometimes a long weekend away.
    let rest = r.int(0, 6);
    for d in 0..life.off.len() {
        let day = (life.first_day + d as i64) * DAY;
        if weekday(day) == rest && r.chance(0.8) {
            life.off[d] = true;
        }
    }
    let mut book = Book::new(r.range(stake.0, stake.1), r.range(0.0, 0.2));
    let kinds_all = [
        Kind::Politics,
        Kind::Macro,
        Kind::Basketball,
        Kind::Soccer,
        Kind::Culture,
        Kind::Tech,
        Kind::Football,
        Kind::Strike,
        Kind::Tennis,
    ];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 3, 6).into_iter().map(|i| kinds_all[i]).collect();
    let limits = r.range(0.2, 0.6);
    let hw = |h: f64, _| if (9.0..12.5).contains(&h) || (14.0..18.0).contains(&h) || (20.0..23.5).contains(&h) { 1.0 } else { 0.5 };
    let mut out = Vec::new();
    for s in life.sessions(r, (per_day.0, per_day.1), 0.7, 1.0, &hw) {
        book.settle(ctx, s);
        let n = r.int(2, 9) as usize;
        for t in clicks(r, s, n, 70.0) {
            if !book.pos.is_empty() && r.chance(0.35) {
                let held = book.held();
                let k = *r.pick(&held);
                if ctx.w.markets[k.0].trading(t) {
                    let gain = ctx.w.bid(k.0, t, k.1) as f64 - book.avg(k);
                    if gain > 5.0 || gain < -10.0 || r.chance(0.2) {
                        let f = if r.chance(0.3) {
                            let c = ctx.w.ask(k.0, t, k.1);
                            limit_sell(r, ctx, &mut book, t, k.0, k.1, c)
                        } else {
                            sell(ctx, &mut book, t, k.0, k.1, if r.chance(0.5) { 1.0 } else { r.range(0.3, 0.7) })
                        };
                        out.extend(f);
                        continue;
                    }
                }
            }
            if let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (6..=94).contains(&c.w.mid(m, t, 0))) {
                let o = side(r, ctx, m, t, 0.55);
                let usd = book.usd(r);
                let f = if r.chance(limits) { limit_buy(r, ctx, &mut book, t, m, o, usd) } else { buy(ctx, &mut book, t, m, o, usd) };
                out.extend(f);
            }
        }
    }
    out
}

fn pro(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    pro_like(r, ctx, (150.0, 2500.0), (2.5, 5.5))
}

fn weekend_sports(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[-4 * HOUR, -5 * HOUR, -7 * HOUR, HOUR, 2 * HOUR]).with_job(r);
    let mut book = Book::new(r.range(10.0, 150.0), r.range(0.2, 0.8));
    let us = life.tz < 0;
    let kinds: Vec<Kind> =
        if us { vec![Kind::Football, Kind::Basketball, Kind::Soccer] } else { vec![Kind::Soccer, Kind::Tennis, Kind::Basketball] };
    let hw = |h: f64, we: bool| {
        if we {
            if (10.0..24.0).contains(&h) { 1.0 } else { 0.1 }
        } else if (19.0..24.0).contains(&h) {
            0.8
        } else {
            0.05
        }
    };
    let mut out = Vec::new();
    for s in life.sessions(r, (0.3, 0.9), 5.0, 0.1, &hw) {
        book.settle(ctx, s);
        // Games starting soon: a slate of bets in a few minutes.
        let soon: Vec<usize> = ctx
            .w
            .live_in(&kinds, s)
            .into_iter()
            .filter(|&m| matches!(ctx.w.markets[m].live, Some((a, _)) if a > s - 2 * HOUR && a < s + 5 * HOUR))
            .collect();
        if soon.is_empty() {
            continue;
        }
        let k = r.int(1, 5) as usize;
        let picks = r.sample(soon.len(), k);
        let times = clicks(r, s, picks.len(), 45.0);
        for (i, p) in picks.iter().enumerate() {
            let m = soon[*p];
            let t = times[i];
            let o = side(r, ctx, m, t, 0.6);
            let usd = book.usd(r);
            out.extend(buy(ctx, &mut book, t, m, o, usd));
            // Checks the game later and reacts.
            if r.chance(0.4) {
                if let Some((a, b)) = ctx.w.markets[m].live {
                    let tl = r.int(a.max(t + 600), b.max(a.max(t + 600) + 1));
                    if life.awake(tl) {
                        let up = ctx.w.bid(m, tl, o) as f64 > book.avg((m, o));
                        let f = if up && r.chance(0.5) {
                            sell(ctx, &mut book, tl, m, o, 1.0)
                        } else if !up && r.chance(0.5) {
                            let usd = book.usd(r);
                            buy(ctx, &mut book, tl, m, o, usd)
                        } else {
                            Vec::new()
                        };
                        out.extend(f);
                    }
                }
            }
        }
    }
    out
}

fn news_reader(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let life = if r.chance(0.6) { life.with_job(r) } else { life };
    let mut book = Book::new(r.range(20.0, 400.0), r.range(0.0, 0.3));
    let kinds = [Kind::Politics, Kind::Macro, Kind::Tech, Kind::Culture];
    let interest = r.range(0.12, 0.35);
    let fade = r.range(0.0, 0.2);
    let mut events: Vec<(i64, usize, f64)> = Vec::new();
    for k in kinds {
        for &m in &ctx.w.by_kind[k.ix()] {
            for &(t, dp) in &ctx.w.markets[m].jumps {
                if dp.abs() >= 0.04 {
                    events.push((t, m, dp));
                }
            }
        }
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (jt, m, dp) in events {
        let t = jt + r.lognormal(900.0, 1.0).clamp(90.0, 6.0 * 3600.0) as i64;
        if !r.chance(interest) || !life.awake(t) || life.is_off(t) || (life.at_work(t) && r.chance(0.6)) {
            continue;
        }
        book.settle(ctx, t);
        let mut o = if dp > 0.0 { 0 } else { 1 };
        if r.chance(fade) {
            o = 1 - o;
        }
        if book.pos.contains_key(&(m, 1 - o)) && r.chance(0.7) {
            out.extend(sell(ctx, &mut book, t, m, 1 - o, 1.0));
        } else {
            let usd = book.usd(r);
            out.extend(buy(ctx, &mut book, t, m, o, usd));
        }
    }
    let hw = |h: f64, _| if (7.0..9.0).contains(&h) || (21.0..23.0).contains(&h) { 1.0 } else { 0.3 };
    for s in life.sessions(r, (0.2, 0.7), 1.0, 0.3, &hw) {
        if let Some(m) = choose(r, ctx, &kinds, s, &|c, m| (10..=90).contains(&c.w.mid(m, s, 0))) {
            let o = side(r, ctx, m, s, 0.5);
            let usd = book.usd(r);
            out.extend(buy(ctx, &mut book, s, m, o, usd));
        }
    }
    out
}

fn longshot(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let life = if r.chance(0.5) { life.with_job(r) } else { life };
    let mut book = Book::new(r.range(2.0, 15.0), 0.0);
    let max_c = r.int(6, 14);
    let kinds_all = [
        Kind::Politics,
        Kind::Culture,
        Kind::Weather,
        Kind::Tech,
        Kind::Soccer,
        Kind::Macro,
        Kind::Mention,
        Kind::Strike,
        Kind::Basketball,
    ];
    let kinds: Vec<Kind> = r.sample_k(kinds_all.len(), 3, 7).into_iter().map(|i| kinds_all[i]).collect();
    let hw = |h: f64, _| if h >= 19.0 || h < 1.0 { 1.0 } else { 0.4 };
    let mut out = Vec::new();
    for s in life.sessions(r, (0.3, 0.9), 1.4, 0.3, &hw) {
        let n = r.int(1, 6) as usize;
        for t in clicks(r, s, n, 40.0) {
            let cheap = |c: &Ctx, m: usize| {
                let a = c.w.ask(m, t, 0);
                let b = c.w.ask(m, t, 1);
                (2..=max_c).contains(&a) || (2..=max_c).contains(&b)
            };
            if let Some(m) = choose(r, ctx, &kinds, t, &cheap) {
                let o = if ctx.w.ask(m, t, 0) <= max_c { 0 } else { 1 };
                let usd = book.usd(r);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
            }
        }
    }
    out
}

fn weather_fan(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let ny = r.chance(0.6);
    let life = Life::new(r, if ny { &[-4 * HOUR, -5 * HOUR] } else { &[HOUR, 2 * HOUR] });
    let life = if r.chance(0.5) { life.with_job(r) } else { life };
    let city = if ny { 0 } else { 1 };
    let mut book = Book::new(r.range(4.0, 50.0), 0.0);
    let morning = r.range(6.3, 8.5);
    let daily = r.range(0.55, 0.9);
    let mut out = Vec::new();
    let groups: Vec<Vec<usize>> =
        ctx.w.groups.iter().filter(|g| g.kind == Kind::Weather && ctx.w.markets[g.legs[0]].tag == city).map(|g| g.legs.clone()).collect();
    for legs in groups {
        let close = ctx.w.markets[legs[0]].close;
        let t = close - DAY + (morning * 3600.0) as i64 + r.int(0, 1800);
        // Local morning of the market's day (the market closes at local midnight).
        if !r.chance(daily) || life.is_off(t) || t <= START || t > NOW {
            continue;
        }
        book.settle(ctx, t);
        let mut ps: Vec<(i64, usize)> = legs.iter().map(|&m| (ctx.w.mid(m, t, 0), m)).collect();
        ps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let pick = if r.chance(0.65) { ps[0].1 } else { ps[1.min(ps.len() - 1)].1 };
        let usd = book.usd(r);
        out.extend(buy(ctx, &mut book, t, pick, 0, usd));
        if r.chance(0.25) {
            let t2 = t + r.int(60, 400);
            let other = ps[2.min(ps.len() - 1)].1;
            let usd = book.usd(r) * 0.5;
            out.extend(buy(ctx, &mut book, t2, other, 1, usd));
        }
        // Afternoon look at the observations.
        let ta = close - DAY + r.int(13 * 3600, 17 * 3600);
        if r.chance(0.45) && life.awake(ta) && !life.at_work(ta) {
            let bid = ctx.w.bid(pick, ta, 0) as f64;
            if bid < book.avg((pick, 0)) - 10.0 {
                out.extend(sell(ctx, &mut book, ta, pick, 0, 1.0));
            } else if bid > book.avg((pick, 0)) + 20.0 && r.chance(0.5) {
                out.extend(sell(ctx, &mut book, ta, pick, 0, 0.5));
            }
        }
    }
    out
}

fn whale(r: &mut Rng, ctx: &mut Ctx) -> Vec<Fill> {
    let life = Life::new(r, &[]);
    let mut book = Book::new(r.range(2000.0, 25_000.0), 0.0);
    let kinds = [Kind::Politics, Kind::Macro, Kind::Culture, Kind::Politics, Kind::Tech];
    let days = r.int(3, 8);
    let hw = |h: f64, _| if (9.0..23.0).contains(&h) { 1.0 } else { 0.2 };
    let mut sessions = life.sessions(r, (1.0, 1.0), 1.0, 0.5, &hw);
    r.shuffle(&mut sessions);
    sessions.truncate(days as usize);
    sessions.sort();
    let mut out = Vec::new();
    for s in sessions {
        book.settle(ctx, s);
        let mut t = s;
        if !book.pos.is_empty() && r.chance(0.3) {
            let held = book.held();
            let k = *r.pick(&held);
            if ctx.w.markets[k.0].trading(t) && ctx.w.bid(k.0, t, k.1) as f64 > book.avg(k) + 8.0 {
                for _ in 0..r.int(2, 4) {
                    out.extend(sell(ctx, &mut book, t, k.0, k.1, 0.5));
                    t += r.int(30, 400);
                }
            }
        }
        for _ in 0..r.int(1, 3) {
            let Some(m) = choose(r, ctx, &kinds, t, &|c, m| (12..=88).contains(&c.w.mid(m, t, 0))) else { continue };
            let o = side(r, ctx, m, t, 0.6);
            let total = book.usd(r);
            let chunks = r.int(2, 6);
            for _ in 0..chunks {
                let usd = human_usd(r, total / chunks as f64);
                out.extend(buy(ctx, &mut book, t, m, o, usd));
                t += r.lognormal(120.0, 1.0).clamp(15.0, 1200.0) as i64;
            }
            t += r.int(120, 1800);
        }
    }
    out
}
