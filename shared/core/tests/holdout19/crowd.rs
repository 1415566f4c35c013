//! The unlabelled crowd: everyone else on the tape. Casual traders, regulars, professional
//! makers who take the other side of fills, people piling in after news, well-known traders
//! that others copy, and their unlabelled followers.

use super::bots::tod;
use super::people::pro_like;
use super::rng::Rng;
use super::world::{HOUR, Kind, NKINDS, NOW, START};
use super::{Ctx, Fill, valid};
use copycat_core::trade::Wallet;
use std::collections::BTreeSet;

pub struct Crowd {
    pub wallets: Vec<Wallet>,
    pub fills: Vec<(usize, Fill)>,
}

const LEADERS: usize = 14;
const REGULAR: usize = 2200;
const MAKERS: usize = 45;
const FOLLOWERS: usize = 70;

/// Well-known traders: busy, large, human. Copy bots and followers watch them.
pub fn leaders(r: &mut Rng, ctx: &mut Ctx) -> Vec<Vec<Fill>> {
    (0..LEADERS)
        .map(|i| {
            let mut rr = r.fork(i as u64);
            let mut f = pro_like(&mut rr, ctx, (150.0, 4000.0), (1.5, 4.0));
            f.retain(|x| valid(&ctx.w, x));
            f
        })
        .collect()
}

/// Trades an hour in this market, for an ordinary crowd.
fn pace(ctx: &Ctx, m: usize, t: i64) -> f64 {
    let mk = &ctx.w.markets[m];
    let live = mk.in_live(t);
    let base = match mk.kind {
        Kind::Soccer | Kind::Basketball | Kind::Football => {
            if live {
                12.0
            } else {
                0.5
            }
        }
        Kind::Tennis | Kind::Esports => {
            if live {
                8.0
            } else {
                0.35
            }
        }
        Kind::Politics => {
            if live {
                8.0
            } else {
                0.2
            }
        }
        Kind::Macro => {
            if live {
                8.0
            } else {
                0.15
            }
        }
        Kind::Strike => {
            if live {
                1.5
            } else {
                0.15
            }
        }
        Kind::UpDown => {
            if mk.close - mk.open == 900 {
                17.0
            } else {
                10.0
            }
        }
        Kind::Culture => {
            if live {
                6.0
            } else {
                0.1
            }
        }
        Kind::Weather => {
            if live {
                0.8
            } else {
                0.2
            }
        }
        Kind::Tech => {
            if live {
                6.0
            } else {
                0.1
            }
        }
        Kind::Mention => {
            if live {
                12.0
            } else {
                0.2
            }
        }
    };
    let near_close = if mk.close - t < 2 * HOUR && !live { 2.0 } else { 1.0 };
    base * mk.pop * tod(t) * near_close
}

pub fn crowd(
    r: &mut Rng,
    ctx: &mut Ctx,
    touched: &BTreeSet<usize>,
    labelled: &[(usize, Fill)],
    people: &[(&'static str, &Vec<Fill>)],
    seen: &mut BTreeSet<String>,
) -> Crowd {
    let total = LEADERS + REGULAR + MAKERS + FOLLOWERS;
    let mut ar = r.fork(1);
    let mut wallets = Vec::with_capacity(total);
    while wallets.len() < total {
        let a = format!("0x{}", ar.hex(40));
        if seen.insert(a.clone()) {
            wallets.push(Wallet::parse(&a).expect("well-formed address"));
        }
    }
    let reg0 = LEADERS;
    let mk0 = LEADERS + REGULAR;
    let fo0 = mk0 + MAKERS;

    // Who trades what: each regular likes two to five kinds, with a heavy-tailed activity.
    let mut pr = r.fork(2);
    let mut by_kind: Vec<(Vec<usize>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); NKINDS];
    let mut scale = vec![1.0; total];
    for i in reg0..mk0 {
        let act = 1.0 / (1.0 - pr.f64()).max(0.02).powf(0.8);
        scale[i] = pr.lognormal(1.0, 0.9);
        for k in pr.sample_k(NKINDS, 2, 5) {
            let (ws, cum) = &mut by_kind[k];
            let last = cum.last().copied().unwrap_or(0.0);
            ws.push(i);
            cum.push(last + act);
        }
    }
    let pick = |rr: &mut Rng, k: usize| -> usize {
        let (ws, cum) = &by_kind[k];
        let x = rr.f64() * cum.last().copied().unwrap_or(1.0);
        let j = cum.partition_point(|c| *c <= x).min(ws.len() - 1);
        ws[j]
    };

    let mut fills: Vec<(usize, Fill)> = Vec::new();
    // Leaders' own fills.
    for (i, fs) in ctx.leaders.iter().enumerate() {
        fills.extend(fs.iter().map(|f| (i, *f)));
    }

    // Background trading, five minutes at a time.
    let mut br = r.fork(3);
    for &m in touched {
        let (open, close, kind) = (ctx.w.markets[m].open, ctx.w.markets[m].close, ctx.w.markets[m].kind);
        let a = open.max(START + 1);
        let b = close.min(NOW + 1);
        let mut t = a;
        while t < b {
            let lam = pace(ctx, m, t) * 300.0 / 3600.0;
            for _ in 0..br.poisson(lam) {
                let tt = br.int(t, (t + 299).min(b - 1));
                let who = pick(&mut br, kind.ix());
                let p0 = ctx.w.prob(m, tt, 0);
                let o = if br.chance(0.5 + 0.25 * (p0 - 0.5)) { 0 } else { 1 };
                let buy = br.chance(0.67);
                let usd = br.lognormal(16.0, 1.25) * scale[who];
                if br.chance(0.22) {
                    let c = if buy { ctx.w.bid(m, tt, o) } else { ctx.w.ask(m, tt, o) };
                    let sz = super::shares_for(usd, c);
                    let f = ctx.rest(tt, m, o, buy, c, sz);
                    fills.push((who, f));
                } else {
                    let lv = if usd > 800.0 { 2 } else { 1 };
                    for f in ctx.take(tt, m, o, buy, usd, lv) {
                        fills.push((who, f));
                    }
                }
            }
            t += 300;
        }
        // People reacting to the same news, over the following minutes.
        let jumps = ctx.w.markets[m].jumps.clone();
        let pop = ctx.w.markets[m].pop;
        for (jt, dp) in jumps {
            if dp.abs() < 0.02 {
                continue;
            }
            let k = br.poisson((1.0 + 25.0 * dp.abs()) * pop.min(2.0));
            for _ in 0..k {
                let tt = jt + br.lognormal(240.0, 1.2).clamp(3.0, 4.0 * 3600.0) as i64;
                if !ctx.w.markets[m].trading(tt) {
                    continue;
                }
                let who = pick(&mut br, kind.ix());
                let o = if (dp > 0.0) ^ br.chance(0.15) { 0 } else { 1 };
                let usd = br.lognormal(30.0, 1.2) * scale[who];
                for f in ctx.take(tt, m, o, true, usd, 1) {
                    fills.push((who, f));
                }
            }
        }
    }

    // Followers: unlabelled copiers of leaders and of a few popular labelled people.
    let mut fr = r.fork(4);
    let popular: Vec<&Vec<Fill>> =
        people.iter().filter(|(b, _)| *b == "professional_discretionary" || *b == "whale_with_conviction").map(|(_, f)| *f).collect();
    for i in 0..FOLLOWERS {
        let who = fo0 + i;
        let src: &Vec<Fill> =
            if fr.chance(0.5) || popular.is_empty() { &ctx.leaders[fr.below(ctx.leaders.len())] } else { popular[fr.below(popular.len())] };
        let share = fr.range(0.2, 0.7);
        let fast = fr.chance(0.4);
        let stake = fr.range(5.0, 80.0);
        let src: Vec<Fill> = src.clone();
        let mut last_tx = 0;
        for f in src {
            if f.tx == last_tx || !f.buy || !fr.chance(share) {
                continue;
            }
            last_tx = f.tx;
            let delay = if fast { fr.int(2, 20) } else { fr.lognormal(400.0, 1.0).clamp(30.0, 7200.0) as i64 };
            let t = f.t + delay;
            if !ctx.w.markets[f.m].trading(t) {
                continue;
            }
            for g in ctx.take(t, f.m, f.o, true, stake, 1) {
                fills.push((who, g));
            }
        }
    }

    // The other side of fills: makers under takers, takers into resting orders.
    let mut cr = r.fork(5);
    let mut others: Vec<(usize, Fill)> = Vec::new();
    let cp_of = |cr: &mut Rng, f: &Fill, kind: usize| -> (usize, Fill) {
        let who = if !f.maker && cr.chance(0.75) { mk0 + cr.below(MAKERS) } else { pick(cr, kind) };
        (who, Fill { buy: !f.buy, maker: !f.maker, cp: false, ..*f })
    };
    for (_, f) in labelled {
        if f.cp {
            let k = ctx.w.markets[f.m].kind.ix();
            others.push(cp_of(&mut cr, f, k));
        }
    }
    for (_, f) in &fills {
        if f.cp && touched.contains(&f.m) && cr.chance(0.1) {
            let k = ctx.w.markets[f.m].kind.ix();
            others.push(cp_of(&mut cr, f, k));
        }
    }
    fills.extend(others);
    Crowd { wallets, fills }
}
