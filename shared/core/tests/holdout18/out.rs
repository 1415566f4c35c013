//! Fills become Data API rows; the tape is every row of the touched markets, newest first.

use super::crowd::CrowdOut;
use super::rng::{Rng, hash};
use super::world::{NOW, START, World};
use super::{Fill, Holdout18, Holdout18Wallet};
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

pub struct Labelled {
    pub behaviour: &'static str,
    pub bot: bool,
    pub fills: Vec<Fill>,
}

/// A fill that can be a row: inside the window, while its market trades, whole cents, 5+ shares.
pub fn valid(w: &World, f: &Fill) -> bool {
    f.t > START
        && f.t <= NOW
        && f.m < w.markets.len()
        && w.markets[f.m].live(f.t)
        && (1..=99).contains(&f.cents)
        && f.size >= 500
        && f.o < 2
}

pub fn tx_hash(tx: u64) -> String {
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for k in 0..4u64 {
        s.push_str(&format!("{:016x}", hash(tx.wrapping_mul(0x9E37).wrapping_add(k * 0x1_0000_0001) ^ 0x00b1_7e18)));
    }
    s
}

fn row(w: &World, wallet: &Wallet, f: &Fill) -> Trade {
    let m = &w.markets[f.m];
    Trade {
        wallet: wallet.clone(),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: m.assets[f.o].clone(),
        condition_id: m.cond.clone(),
        size: Shares(Decimal::new(f.size, 2)),
        price: Price(Decimal::new(f.cents, 2)),
        timestamp: from_secs(f.t),
        transaction_hash: tx_hash(f.tx),
        outcome: m.outcomes[f.o].clone(),
        outcome_index: Some(f.o as u32),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

pub fn assemble(r: &mut Rng, w: &World, labelled: Vec<Labelled>, crowd: CrowdOut) -> Holdout18 {
    let mut seen: BTreeSet<String> = crowd.wallets.iter().map(|x| x.as_str().to_string()).collect();
    let mut addrs = Vec::with_capacity(labelled.len());
    for _ in &labelled {
        let a = loop {
            let a = format!("0x{}", r.hex(40));
            if seen.insert(a.clone()) {
                break a;
            }
        };
        addrs.push(Wallet::parse(&a).expect("a well-formed address"));
    }
    let touched: BTreeSet<usize> = labelled.iter().flat_map(|l| l.fills.iter().map(|f| f.m)).collect();
    // (t, tx, seq, owner) with owner < labelled.len() for labelled wallets.
    let nl = labelled.len();
    let mut rows: Vec<(i64, u64, usize, usize, Fill)> = Vec::new();
    for (i, l) in labelled.iter().enumerate() {
        for f in &l.fills {
            rows.push((f.t, f.tx, rows.len(), i, *f));
        }
    }
    for (ci, f) in &crowd.fills {
        if touched.contains(&f.m) && valid(w, f) {
            rows.push((f.t, f.tx, rows.len(), nl + ci, *f));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut trades: Vec<Vec<Trade>> = vec![Vec::new(); nl];
    let mut tape = Vec::with_capacity(rows.len());
    for (_, _, _, owner, f) in &rows {
        let wallet = if *owner < nl { &addrs[*owner] } else { &crowd.wallets[owner - nl] };
        let t = row(w, wallet, f);
        if *owner < nl {
            trades[*owner].push(t.clone());
        }
        tape.push(t);
    }
    let mut wallets: Vec<Holdout18Wallet> = labelled
        .iter()
        .zip(addrs)
        .zip(trades)
        .map(|((l, wallet), trades)| Holdout18Wallet { wallet, bot: l.bot, behaviour: l.behaviour, trades })
        .collect();
    r.shuffle(&mut wallets);
    Holdout18 { wallets, tape }
}
