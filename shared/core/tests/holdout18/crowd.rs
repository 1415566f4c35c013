//! Everybody else: the anonymous crowd whose trades make up most of the tape, the counterparties
//! of the labelled wallets' fills, a few well-known wallets and the people and programs that
//! copy them.

use super::out::Labelled;
use super::rng::Rng;
use super::world::{DAY, HOUR, Kind, MIN, Market, NOW, START, weekday};
use super::{Ctx, Fill, Leader, Pos, shares_for};
use copycat_core::trade::Wallet;
use std::collections::{BTreeMap, BTreeSet};

pub struct CrowdOut {
    pub wallets: Vec<Wallet>,
    /// (index into wallets, fill)
    pub fills: Vec<(usize, Fill)>,
}

const POOL: usize = 9_000;
const LEADERS: usize = 10;
const MAKERS: usize = 24;
const FOLLOWERS: usize = 60;
/// About how many ordinary crowd trades the tape should hold.
const FLOW: f64 = 85_000.0;

/// How busy the venue is by UTC hour (the Americas dominate; Europe and Asia fill the rest).
const TOD: [f64; 24] =
    [1.35, 1.4, 1.35, 1.2, 1.0, 0.75, 0.55, 0.45, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.15, 1.2, 1.2, 1.25, 1.3, 1.35, 1.4, 1.4];

pub fn tod(t: i64) -> f64 {
    TOD[(t.rem_euclid(DAY) / HOUR) as usize]
}

/// Crowd trades per five minutes (before scaling) in market `m` at `t`.
fn pace(m: &Market, t: i64) -> f64 {
    let mut f = m.heat * tod(t);
    let weekend = weekday(t) >= 5;
    match m.kind {
        Kind::Sports => {
            if weekend {
                f *= 1.2;
            }
            if m.end - m.start > DAY {
                // tournaments and races over several days
                if t >= m.start && t < m.end {
                    f *= 2.0;
                }
            } else if t < m.start {
                f *= 0.15 + 2.5 * (-((m.start - t) as f64) / (5.0 * HOUR as f64)).exp();
            } else if t < m.end {
                f *= if m.in_play(t) { 14.0 } else { 6.0 };
            } else {
                f *= 3.0;
            }
        }
        Kind::UpDown => {
            f *= if t < m.start { 4.0 } else { 12.0 + 20.0 * (t - m.start) as f64 / m.window.max(1) as f64 };
        }
        Kind::Strike => {
            f *= 0.25 + 2.5 * (-((m.end - t).max(0) as f64) / (6.0 * HOUR as f64)).exp();
        }
        Kind::Weather => {
            f *= if t >= m.start && t < m.end { 1.6 } else { 0.5 };
        }
        Kind::Election => {
            f *= if t >= m.start - 2 * HOUR && t < m.end + HOUR { 12.0 } else { 0.5 };
        }
        Kind::Macro | Kind::Culture | Kind::Tech => {
            if m.start > START && (m.start - t).abs() < 2 * HOUR {
                f *= 6.0;
            } else if m.start > t && m.start - t < DAY {
                f *= 2.0;
            }
            if weekend {
                f *= 0.8;
            }
        }
        _ => {
            if weekend {
                f *= 0.8;
            }
        }
    }
    if let Some(h) = m.news_before(t) {
        let dt = (t - h) as f64;
        if dt < 2.0 * HOUR as f64 {
            f *= 1.0 + 8.0 * (-dt / 900.0).exp();
        }
    }
    f
}

fn bucket(m: &Market) -> i64 {
    if m.window > 0 { 60 } else { 300 }
}

/// The famous wallets: large, active traders others follow. Unlabelled.
pub fn leaders(r: &mut Rng, ctx: &mut Ctx) {
    for li in 0..LEADERS {
        let mut lr = r.fork(li as u64);
        let style = li % 4;
        let kinds: &[Kind] = match style {
            0 => &[Kind::Politics, Kind::Election, Kind::Deadline, Kind::Macro],
            1 => &[Kind::Sports],
            2 => &[Kind::Macro, Kind::Strike, Kind::Tech],
            _ => &[Kind::Politics, Kind::Sports, Kind::Culture, Kind::Deadline, Kind::Tech],
        };
        let tz = *lr.pick(&[-7i64, -5, -4, -4, 0, 1, 2, 8]);
        let wake = lr.range(6.0, 10.0);
        let sleep = wake + lr.range(14.5, 17.0);
        let per_day = lr.range(3.0, 8.0);
        let stake = lr.lognormal(2500.0, 0.6);
        let mut pos = Pos::default();
        let mut fills = Vec::new();
        let mut day = START - START.rem_euclid(DAY);
        while day < NOW {
            let n = lr.poisson(per_day);
            for _ in 0..n {
                let local = lr.range(wake, sleep);
                let t = day - tz * HOUR + (local * HOUR as f64) as i64;
                if t <= START || t > NOW {
                    continue;
                }
                let Some(m) = super::pick_market(&mut lr, &ctx.w, kinds, t, 2 * HOUR, 0.06, 0.94) else {
                    continue;
                };
                let p = ctx.w.markets[m].p(t);
                let o = if lr.chance(0.55 + 0.3 * (p - 0.5).abs()) {
                    if p >= 0.5 { 0 } else { 1 }
                } else if p >= 0.5 {
                    1
                } else {
                    0
                };
                let usd = stake * lr.lognormal(1.0, 0.7);
                let parts = 1 + lr.below(3);
                let mut tt = t;
                for _ in 0..parts {
                    let extra_levels = lr.below(3);
                    let f = ctx.take_usd(&mut lr, tt, m, o, true, usd / parts as f64, 1 + extra_levels);
                    pos.add(&f);
                    fills.extend(f);
                    tt += lr.int(20, 400);
                }
                // Exit a part of an older position now and then.
                if lr.chance(0.4) {
                    let held = pos.held();
                    if !held.is_empty() {
                        let (hm, ho, sz) = *lr.pick(&held);
                        let te = t + lr.int(60, 3 * HOUR);
                        if ctx.w.markets[hm].live(te) {
                            let part = if lr.chance(0.5) { sz } else { (sz as f64 * lr.range(0.3, 0.7)) as i64 };
                            let f = ctx.take(&mut lr, te, hm, ho, false, part, 2);
                            pos.add(&f);
                            fills.extend(f);
                        }
                    }
                }
            }
            day += DAY;
        }
        fills.retain(|f| super::out::valid(&ctx.w, f));
        fills.sort_by_key(|f| (f.t, f.tx));
        ctx.leaders.push(Leader { fills });
    }
}

struct Picker {
    cum: Vec<f64>,
    lo: usize,
}

impl Picker {
    fn new(r: &mut Rng, lo: usize, hi: usize) -> Picker {
        let mut cum = Vec::with_capacity(hi - lo);
        let mut acc = 0.0;
        for i in 0..(hi - lo) {
            acc += 1.0 / (i as f64 + 12.0).powf(0.85) * r.lognormal(1.0, 0.5);
            cum.push(acc);
        }
        Picker { cum, lo }
    }
    fn pick(&self, r: &mut Rng) -> usize {
        let x = r.f64() * self.cum.last().copied().unwrap_or(1.0);
        self.lo + self.cum.partition_point(|c| *c < x).min(self.cum.len() - 1)
    }
}

pub fn crowd(r: &mut Rng, ctx: &mut Ctx, labelled: &[Labelled]) -> CrowdOut {
    let mut seen = BTreeSet::new();
    let mut wallets = Vec::with_capacity(POOL);
    while wallets.len() < POOL {
        let a = format!("0x{}", r.hex(40));
        if seen.insert(a.clone()) {
            wallets.push(Wallet::parse(&a).expect("a well-formed address"));
        }
    }
    let retail = Picker::new(r, LEADERS + MAKERS + FOLLOWERS, POOL);
    let touched: BTreeSet<usize> = labelled.iter().flat_map(|l| l.fills.iter().map(|f| f.m)).collect();
    let mut labelled_times: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for l in labelled {
        for f in &l.fills {
            labelled_times.entry(f.m).or_default().push(f.t);
        }
    }
    let mut out: Vec<(usize, Fill)> = Vec::new();

    // Leaders' own fills.
    for (li, l) in ctx.leaders.iter().enumerate() {
        for f in &l.fills {
            out.push((li, *f));
        }
    }

    // Ordinary flow, scaled to the budget.
    let mut total = 0.0;
    for &m in &touched {
        let mk = &ctx.w.markets[m];
        let b = bucket(mk);
        let mut t = mk.first();
        while t <= mk.last() {
            total += pace(mk, t) * b as f64 / 300.0;
            t += b;
        }
    }
    let scale = FLOW / total.max(1.0);
    let mut per_market: BTreeMap<usize, usize> = BTreeMap::new();
    for &m in &touched {
        let mut mr = r.fork(m as u64);
        let (first, last, b) = {
            let mk = &ctx.w.markets[m];
            (mk.first(), mk.last(), bucket(mk))
        };
        let median = 6.0 + 20.0 * ctx.w.markets[m].heat.sqrt();
        let mut t = first;
        let mut count = 0;
        while t <= last {
            let lam = pace(&ctx.w.markets[m], t) * b as f64 / 300.0 * scale;
            let n = mr.poisson(lam);
            for _ in 0..n {
                let tt = t + mr.int(0, b - 1);
                if tt > last {
                    continue;
                }
                let w = retail.pick(&mut mr);
                count += flow_trade(&mut mr, ctx, &mut out, w, m, tt, median);
            }
            t += b;
        }
        // Every touched market has other traders: a handful at least, and more of them than the
        // labelled wallets, mostly around the times those trade.
        let near = &labelled_times[&m];
        let want = 4.max(near.len() * 13 / 10);
        let mut guard = 0;
        while count < want && guard < want * 10 {
            guard += 1;
            let tt = if mr.chance(0.7) { near[mr.below(near.len())] + mr.gauss(0.0, 1200.0) as i64 } else { mr.int(first, last) };
            if tt < first || tt > last {
                continue;
            }
            let w = retail.pick(&mut mr);
            count += flow_trade(&mut mr, ctx, &mut out, w, m, tt, median);
        }
        per_market.insert(m, count);
    }

    // Counterparties of the labelled fills: the taker who hit a labelled resting order, and now
    // and then the resting order a labelled taker hit.
    for (li, l) in labelled.iter().enumerate() {
        let mut lr = r.fork(50_000 + li as u64);
        for f in &l.fills {
            let p = if f.maker { 0.8 } else { 0.25 };
            if !lr.chance(p) {
                continue;
            }
            let w = if f.maker { retail.pick(&mut lr) } else { LEADERS + lr.below(MAKERS) };
            let mirror = lr.chance(0.3);
            let c = if mirror {
                Fill { o: 1 - f.o, cents: 100 - f.cents, buy: f.buy, maker: !f.maker, ..*f }
            } else {
                Fill { buy: !f.buy, maker: !f.maker, ..*f }
            };
            out.push((w, c));
        }
    }

    // Followers of the famous wallets (copy programs and people), unlabelled.
    for k in 0..FOLLOWERS {
        let mut fr = r.fork(70_000 + k as u64);
        let w = LEADERS + MAKERS + k;
        let leader = k % LEADERS;
        let program = fr.chance(0.6);
        let fixed = fr.chance(0.5);
        let stake = fr.lognormal(30.0, 0.8);
        let ratio = fr.range(0.005, 0.05);
        let take_p = fr.range(0.5, 0.95);
        let lag = if program { fr.range(2.0, 25.0) } else { fr.range(120.0, 2400.0) };
        let leader_fills: Vec<Fill> = ctx.leaders[leader].fills.clone();
        let mut last_tx = 0;
        let mut pos = Pos::default();
        for f in leader_fills {
            if f.tx == last_tx || !touched.contains(&f.m) {
                continue;
            }
            last_tx = f.tx;
            if !fr.chance(take_p) {
                continue;
            }
            let t = f.t + fr.lognormal(lag, 0.5) as i64 + 1;
            if f.buy {
                let fills = if fixed {
                    ctx.take_usd(&mut fr, t, f.m, f.o, true, stake, 1)
                } else {
                    let size = ((f.size as f64 * ratio) as i64).max(500);
                    ctx.take(&mut fr, t, f.m, f.o, true, size, 1)
                };
                pos.add(&fills);
                out.extend(fills.into_iter().map(|x| (w, x)));
            } else {
                let held = pos.get(f.m, f.o);
                if held >= 500 {
                    let fills = ctx.take(&mut fr, t, f.m, f.o, false, held, 1);
                    pos.add(&fills);
                    out.extend(fills.into_iter().map(|x| (w, x)));
                }
            }
        }
    }

    // A few of the labelled people are visible enough to be copied too.
    let mut big: Vec<(i64, usize)> = labelled
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.bot)
        .map(|(i, l)| (l.fills.iter().map(|f| f.size * f.cents / 100).sum::<i64>(), i))
        .collect();
    big.sort_by(|a, b| b.cmp(a));
    for (k, (_, li)) in big.iter().take(8).enumerate() {
        let mut fr = r.fork(90_000 + k as u64);
        let w = retail.pick(&mut fr);
        let lag = fr.range(3.0, 40.0);
        let stake = fr.lognormal(20.0, 0.6);
        let mut last_tx = 0;
        for f in labelled[*li].fills.clone() {
            if !f.buy || f.tx == last_tx || !fr.chance(0.7) {
                continue;
            }
            last_tx = f.tx;
            let t = f.t + fr.lognormal(lag, 0.4) as i64 + 1;
            let fills = ctx.take_usd(&mut fr, t, f.m, f.o, true, stake, 1);
            out.extend(fills.into_iter().map(|x| (w, x)));
        }
    }
    out.retain(|(_, f)| touched.contains(&f.m));
    CrowdOut { wallets, fills: out }
}

/// One ordinary crowd trade; returns how many rows it made.
fn flow_trade(r: &mut Rng, ctx: &mut Ctx, out: &mut Vec<(usize, Fill)>, w: usize, m: usize, t: i64, median: f64) -> usize {
    let mk = &ctx.w.markets[m];
    if !mk.live(t) {
        return 0;
    }
    let p = mk.p(t);
    let mut o = if r.chance(0.5 + 0.35 * (p - 0.5)) { 0 } else { 1 };
    // Right after a headline most of the crowd chases its direction.
    if let Some(h) = mk.news_before(t)
        && t - h < 30 * MIN
        && r.chance(0.6)
    {
        let p_before = mk.p(h - 60);
        o = if p >= p_before { 0 } else { 1 };
    }
    let buy = r.chance(0.7);
    let mut usd = r.lognormal(median, 1.25);
    if r.chance(0.03) {
        usd *= r.range(8.0, 40.0);
    }
    let usd = usd.min(40_000.0);
    if r.chance(0.8) {
        let levels = if usd > 2000.0 { 1 + r.below(3) } else { 1 };
        let fills = ctx.take_usd(r, t, m, o, buy, usd, levels);
        let n = fills.len();
        // Sometimes the resting side is one of the busy makers.
        if r.chance(0.2)
            && let Some(f) = fills.first()
        {
            let mw = LEADERS + r.below(MAKERS);
            out.push((mw, Fill { buy: !f.buy, maker: true, ..*f }));
        }
        out.extend(fills.into_iter().map(|f| (w, f)));
        n
    } else {
        let mk = &ctx.w.markets[m];
        let cents = if buy { mk.bid(t, o) } else { mk.ask(t, o) };
        let size = shares_for(usd, cents);
        let f = ctx.maker(t, m, o, buy, cents, size);
        out.push((w, f));
        1
    }
}
