//! Holdout v13: labelled Polymarket wallets (person or bot) and the public tape of their markets
//! over the 30 days before [`NOW`]. Written from how people and programs trade on the venue.
#![allow(dead_code)]

mod bots;
mod crowd;
mod exec;
mod people;
mod rng;
mod world;

use copycat_core::trade::{Trade, Wallet};
use exec::Order;
use rng::Rng;
use std::collections::BTreeSet;

/// 2027-05-03 14:00:00 UTC.
pub const NOW: i64 = 1_809_352_800;
/// Start of the window.
pub const W0: i64 = NOW - 30 * 86_400;

pub struct Holdout13Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before NOW, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout13 {
    pub wallets: Vec<Holdout13Wallet>,
    /// Every public trade of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

pub struct Ctx<'a> {
    pub w: &'a world::World,
    pub pool: &'a [Wallet],
    pub leaders: &'a [crowd::Leader],
    pub tips: &'a [Vec<crowd::Tip>],
}

/// A behaviour: how many wallets, its label, whether it may sell what it has not bought (a
/// program that splits collateral into both outcomes), and the intentions of wallet i.
pub struct Kindred {
    pub name: &'static str,
    pub bot: bool,
    pub count: usize,
    pub split: bool,
    pub make: fn(&Ctx, &mut Rng, usize) -> Vec<Order>,
}

fn run_kind(ctx: &Ctx, rng: &mut Rng, k: &Kindred, out: &mut Vec<Holdout13Wallet>, tape: &mut Vec<Trade>) {
    for i in 0..k.count {
        let mut r = rng.fork(i as u64 + 1);
        let wallet = exec::wallet(&mut r);
        let mut attempt = 0;
        loop {
            let orders = (k.make)(ctx, &mut r, i);
            let mut ex = exec::Exec::new(ctx.w, wallet.clone(), k.split, r.fork(7), ctx.pool);
            ex.run(orders);
            attempt += 1;
            if ex.out.is_empty() && attempt < 8 {
                continue;
            }
            let mut trades = ex.out;
            tape.extend(trades.iter().cloned());
            tape.append(&mut ex.extra);
            trades.reverse();
            trades.sort_by_key(|a| std::cmp::Reverse(a.timestamp));
            out.push(Holdout13Wallet { wallet: wallet.clone(), bot: k.bot, behaviour: k.name, trades });
            break;
        }
    }
}

pub fn holdout13() -> Holdout13 {
    let mut rng = Rng::new(0x0013_2027_0503_1400);
    let w = world::build(&mut rng.fork(1));
    let pool = crowd::pool(&mut rng.fork(2), 24_000);
    let mut tape = crowd::tape(&w, &mut rng.fork(3), &pool);
    let leaders = crowd::leaders(&w, &mut rng.fork(4), &pool, &mut tape);
    let tips = crowd::tipsters(&w, &mut rng.fork(5));
    let ctx = Ctx { w: &w, pool: &pool, leaders: &leaders, tips: &tips };
    let mut wallets = Vec::new();
    let mut r = rng.fork(6);
    for (i, k) in people::kinds().iter().chain(bots::kinds().iter()).enumerate() {
        run_kind(&ctx, &mut r.fork(1000 + i as u64), k, &mut wallets, &mut tape);
    }
    bots::wash_rings(&ctx, &mut rng.fork(8), &mut wallets, &mut tape);
    let used: BTreeSet<&str> = wallets.iter().flat_map(|h| h.trades.iter().map(|t| t.condition_id.as_str())).collect();
    let mut tape: Vec<Trade> = tape.into_iter().filter(|t| used.contains(t.condition_id.as_str())).collect();
    tape.sort_by_key(|a| std::cmp::Reverse(a.timestamp));
    // Interleave behaviours so that neighbours in the list say nothing about labels.
    let mut order: Vec<(u64, Holdout13Wallet)> = {
        let mut r = rng.fork(9);
        wallets.into_iter().map(|h| (r.next_u64(), h)).collect()
    };
    order.sort_by_key(|(k, _)| *k);
    Holdout13 { wallets: order.into_iter().map(|(_, h)| h).collect(), tape }
}
