//! Positions and realised PnL from a wallet's own fills and the markets' resolutions.
//!
//! Average-cost accounting in decimals: a sell realises `shares × (price − average cost)`, a
//! resolution realises `payout − cost` of what is still held (payout 1 per winning share).

use crate::market::Market;
use crate::population::Row;
use copycat_core::market::WalletPosition;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::trade::Side;
use rust_decimal::Decimal;

/// One token's position while replaying fills.
#[derive(Clone, Debug)]
pub(crate) struct Lot {
    pub market: u16,
    pub outcome: u8,
    pub shares: Decimal,
    pub cost: Decimal,
    pub avg: Decimal,
    pub realized: Decimal,
    pub resolved: bool,
}

/// Replays `rows` (all at or before `upto`, oldest first), then settles every position whose
/// market resolved by `upto`. Each realisation is reported to `on_realized` with its second.
pub(crate) fn replay(rows: &[Row], markets: &[Market], upto: i64, mut on_realized: impl FnMut(i64, Decimal)) -> Vec<Lot> {
    let mut slot = vec![u32::MAX; markets.len() * 2];
    let mut lots: Vec<Lot> = Vec::new();
    for r in rows {
        let k = r.market as usize * 2 + r.outcome as usize;
        if slot[k] == u32::MAX {
            slot[k] = lots.len() as u32;
            lots.push(Lot {
                market: r.market,
                outcome: r.outcome,
                shares: Decimal::ZERO,
                cost: Decimal::ZERO,
                avg: Decimal::ZERO,
                realized: Decimal::ZERO,
                resolved: false,
            });
        }
        let lot = &mut lots[slot[k] as usize];
        let shares = Decimal::new(i64::from(r.size), 2);
        let price = Decimal::new(i64::from(r.price), 2);
        match r.side {
            Side::Buy => {
                lot.shares += shares;
                lot.cost += shares * price;
                lot.avg = (lot.cost / lot.shares).round_dp(8);
            }
            Side::Sell => {
                let sold = shares.min(lot.shares);
                let pnl = sold * (price - lot.avg);
                lot.realized += pnl;
                lot.shares -= sold;
                lot.cost = lot.shares * lot.avg;
                on_realized(r.ts, pnl);
            }
        }
    }
    for lot in &mut lots {
        let m = &markets[lot.market as usize];
        if m.end > upto {
            continue;
        }
        let payout = if m.winner == lot.outcome as usize { lot.shares } else { Decimal::ZERO };
        let pnl = payout - lot.cost;
        if !lot.shares.is_zero() {
            on_realized(m.end, pnl);
        }
        lot.realized += pnl;
        lot.shares = Decimal::ZERO;
        lot.cost = Decimal::ZERO;
        lot.resolved = true;
    }
    lots
}

/// The Data API's view of a lot at second `at`: marks open positions at the book's mid.
pub(crate) fn position(lot: &Lot, markets: &[Market], at: i64) -> WalletPosition {
    let m = &markets[lot.market as usize];
    let open = !lot.resolved && !lot.shares.is_zero();
    let unrealized = if open {
        let top = m.top(at, lot.outcome);
        let mid = Decimal::new(i64::from(top.bid) + i64::from(top.ask), 2) / Decimal::TWO;
        (lot.shares * (mid - lot.avg)).round_dp(6)
    } else {
        Decimal::ZERO
    };
    WalletPosition {
        condition_id: m.condition_id.clone(),
        token_id: m.token_ids[lot.outcome as usize].clone(),
        size: Shares(lot.shares.normalize()),
        avg_price: Price(lot.avg.round_dp(6).normalize()),
        realized_pnl: Usd(lot.realized.round_dp(6).normalize()),
        unrealized_pnl: Usd(unrealized.normalize()),
        closed: !open,
    }
}
