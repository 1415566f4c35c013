//! Portfolio accounting: cash, positions, realised and unrealised PnL, peak and drawdown.
//!
//! Pure functions from (portfolio, position, fill) to their next values; the copier and the
//! health check write the results in one transaction.

use crate::market::MarketInfo;
use crate::money::{Price, Shares, Usd};
use crate::records::{PortfolioState, Position};
use crate::time::Timestamp;
use crate::trade::{Side, Wallet};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The venue's taker fee for one fill: shares × fee_rate × p × (1 − p). Makers pay none.
pub fn taker_fee(shares: Shares, price: Price, fee_rate: Decimal) -> Usd {
    let p = price.0;
    Usd((shares.0 * fee_rate * p * (Decimal::ONE - p)).round_dp(6))
}

/// Starts a new UTC day's figures when `now` is on a later day than the portfolio's.
pub fn roll_day(p: &mut PortfolioState, now: Timestamp) {
    let today = now.format("%Y-%m-%d").to_string();
    if p.day != today {
        p.day = today;
        p.day_start_equity = p.equity();
    }
}

/// A fill to book: what was traded, by copying whom.
#[derive(Clone, Debug)]
pub struct BookedFill<'a> {
    /// Leader copied.
    pub leader: &'a Wallet,
    /// Side.
    pub side: Side,
    /// Shares filled.
    pub shares: Shares,
    /// Average price.
    pub price: Price,
    /// Fee charged.
    pub fee: Usd,
    /// Market of the token.
    pub market: &'a MarketInfo,
    /// Token.
    pub token_id: &'a str,
    /// When.
    pub at: Timestamp,
}

impl<'a> BookedFill<'a> {
    /// The fill of a copy of `trade` (its leader, side and token) in `market`.
    pub fn of(trade: &'a crate::trade::Trade, fill: &crate::order::Fill, market: &'a MarketInfo) -> Self {
        BookedFill {
            leader: &trade.wallet,
            side: trade.side,
            shares: fill.shares,
            price: fill.avg_price,
            fee: fill.fee,
            market,
            token_id: &trade.asset,
            at: fill.at,
        }
    }
}

/// Books a fill: returns the next portfolio and the next position (None when it is closed).
pub fn apply_fill(p: &PortfolioState, pos: Option<&Position>, f: &BookedFill<'_>) -> (PortfolioState, Option<Position>) {
    let mut p = p.clone();
    roll_day(&mut p, f.at);
    p.fees_paid += f.fee;
    p.updated_at = f.at;
    let cid = f.market.condition_id.clone();
    match f.side {
        Side::Buy => {
            let cost = f.shares * f.price + f.fee;
            let mut pos = pos.cloned().unwrap_or_else(|| {
                p.open_positions += 1;
                Position {
                    token_id: f.token_id.to_string(),
                    condition_id: cid.clone(),
                    title: f.market.question.clone(),
                    shares: Shares::ZERO,
                    cost: Usd::ZERO,
                    by_leader: BTreeMap::new(),
                    mark: f.price,
                    realized_pnl: Usd::ZERO,
                    opened_at: f.at,
                }
            });
            p.positions_value -= pos.marked_value();
            pos.shares += f.shares;
            pos.cost += cost;
            pos.mark = f.price;
            *pos.by_leader.entry(f.leader.clone()).or_insert(Shares::ZERO) += f.shares;
            p.positions_value += pos.marked_value();
            p.cash -= cost;
            p.exposure += cost;
            *p.per_market.entry(cid).or_insert(Usd::ZERO) += cost;
            track_peak(&mut p);
            (p, Some(pos))
        }
        Side::Sell => {
            let Some(pos) = pos else { return (p, None) };
            let mut pos = pos.clone();
            let sold = f.shares.min(pos.shares);
            let basis = if pos.shares.is_positive() { Usd(pos.cost.0 * sold.0 / pos.shares.0) } else { Usd::ZERO };
            let proceeds = sold * f.price - f.fee;
            let realized = proceeds - basis;
            p.positions_value -= pos.marked_value();
            pos.shares -= sold;
            pos.cost -= basis;
            pos.realized_pnl += realized;
            pos.mark = f.price;
            if let Some(held) = pos.by_leader.get_mut(f.leader) {
                *held = (*held - sold).max(Shares::ZERO);
            }
            p.cash += proceeds;
            p.realized_pnl += realized;
            p.exposure = (p.exposure - basis).max(Usd::ZERO);
            reduce_market(&mut p, &cid, basis);
            let closed = pos.shares.0 < Decimal::new(1, 2);
            if closed {
                close(&mut p, &pos);
                track_peak(&mut p);
                return (p, None);
            }
            p.positions_value += pos.marked_value();
            track_peak(&mut p);
            (p, Some(pos))
        }
    }
}

/// Settles a position in a resolved market at 1 or 0 and realises its PnL; the position closes.
pub fn settle(p: &PortfolioState, pos: &Position, settlement: Price, now: Timestamp) -> PortfolioState {
    let mut p = p.clone();
    roll_day(&mut p, now);
    let payout = pos.shares * settlement;
    let realized = payout - pos.cost;
    p.positions_value -= pos.marked_value();
    p.cash += payout;
    p.realized_pnl += realized;
    p.exposure = (p.exposure - pos.cost).max(Usd::ZERO);
    reduce_market(&mut p, &pos.condition_id, pos.cost);
    let mut closed = pos.clone();
    closed.realized_pnl += realized;
    closed.shares = Shares::ZERO;
    close(&mut p, &closed);
    p.updated_at = now;
    track_peak(&mut p);
    p
}

/// Re-marks a position at `mark`; returns the next portfolio and position.
pub fn mark(p: &PortfolioState, pos: &Position, mark: Price, now: Timestamp) -> (PortfolioState, Position) {
    let mut p = p.clone();
    let mut pos = pos.clone();
    p.positions_value -= pos.marked_value();
    pos.mark = mark;
    p.positions_value += pos.marked_value();
    p.updated_at = now;
    roll_day(&mut p, now);
    track_peak(&mut p);
    (p, pos)
}

fn close(p: &mut PortfolioState, pos: &Position) {
    p.open_positions = p.open_positions.saturating_sub(1);
    if pos.realized_pnl.is_positive() {
        p.win_streak += 1;
    } else {
        p.win_streak = 0;
    }
}

fn reduce_market(p: &mut PortfolioState, cid: &str, by: Usd) {
    if let Some(v) = p.per_market.get_mut(cid) {
        *v -= by;
        if !v.is_positive() {
            p.per_market.remove(cid);
        }
    }
}

fn track_peak(p: &mut PortfolioState) {
    let eq = p.equity();
    if eq > p.peak_equity {
        p.peak_equity = eq;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_secs;
    use rust_decimal_macros::dec;

    fn market() -> MarketInfo {
        MarketInfo {
            condition_id: "0xc".into(),
            question: "Will it rain?".into(),
            category: "weather".into(),
            token_ids: vec!["1".into(), "2".into()],
            outcomes: vec!["Yes".into(), "No".into()],
            tick_size: Price(dec!(0.01)),
            min_order_size: Shares(dec!(5)),
            end_date: None,
            accepting_orders: true,
            liquidity: Usd(dec!(10000)),
            taker_fee_rate: dec!(0.02),
            winning_outcome: None,
        }
    }

    fn leader() -> Wallet {
        Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap()
    }

    #[test]
    fn taker_fee_follows_the_venue_formula() {
        // 100 × 0.02 × 0.4 × 0.6 = 0.48
        assert_eq!(taker_fee(Shares(dec!(100)), Price(dec!(0.4)), dec!(0.02)), Usd(dec!(0.48)));
        assert_eq!(taker_fee(Shares(dec!(100)), Price(dec!(0.4)), Decimal::ZERO), Usd::ZERO);
    }

    #[test]
    fn buy_then_partial_sell_realises_pnl_on_the_sold_share_only() {
        let m = market();
        let w = leader();
        let p0 = PortfolioState::new(Usd(dec!(100)), from_secs(0));
        let buy = BookedFill {
            leader: &w,
            side: Side::Buy,
            shares: Shares(dec!(10)),
            price: Price(dec!(0.40)),
            fee: Usd::ZERO,
            market: &m,
            token_id: "1",
            at: from_secs(1),
        };
        let (p1, pos) = apply_fill(&p0, None, &buy);
        let pos = pos.unwrap();
        assert_eq!(p1.cash, Usd(dec!(96)));
        assert_eq!(p1.equity(), Usd(dec!(100)));
        assert_eq!(p1.open_positions, 1);
        let sell = BookedFill { side: Side::Sell, shares: Shares(dec!(4)), price: Price(dec!(0.50)), ..buy };
        let (p2, pos2) = apply_fill(&p1, Some(&pos), &sell);
        let pos2 = pos2.unwrap();
        assert_eq!(p2.realized_pnl, Usd(dec!(0.40)));
        assert_eq!(pos2.shares, Shares(dec!(6)));
        assert_eq!(pos2.by_leader[&w], Shares(dec!(6)));
        assert_eq!(p2.cash, Usd(dec!(98)));
    }

    #[test]
    fn resolution_settles_at_one_or_zero() {
        let m = market();
        let w = leader();
        let p0 = PortfolioState::new(Usd(dec!(10)), from_secs(0));
        let buy = BookedFill {
            leader: &w,
            side: Side::Buy,
            shares: Shares(dec!(10)),
            price: Price(dec!(0.30)),
            fee: Usd::ZERO,
            market: &m,
            token_id: "1",
            at: from_secs(1),
        };
        let (p1, pos) = apply_fill(&p0, None, &buy);
        let won = settle(&p1, pos.as_ref().unwrap(), Price::ONE, from_secs(2));
        assert_eq!((won.cash, won.realized_pnl, won.open_positions, won.win_streak), (Usd(dec!(17)), Usd(dec!(7)), 0, 1));
        let lost = settle(&p1, pos.as_ref().unwrap(), Price::default(), from_secs(2));
        assert_eq!((lost.cash, lost.realized_pnl, lost.win_streak), (Usd(dec!(7)), Usd(dec!(-3)), 0));
        assert_eq!(lost.drawdown(), dec!(0.3));
    }

    #[test]
    fn marks_move_equity_and_peak() {
        let m = market();
        let w = leader();
        let p0 = PortfolioState::new(Usd(dec!(10)), from_secs(0));
        let buy = BookedFill {
            leader: &w,
            side: Side::Buy,
            shares: Shares(dec!(10)),
            price: Price(dec!(0.30)),
            fee: Usd::ZERO,
            market: &m,
            token_id: "1",
            at: from_secs(1),
        };
        let (p1, pos) = apply_fill(&p0, None, &buy);
        let (p2, _) = mark(&p1, pos.as_ref().unwrap(), Price(dec!(0.50)), from_secs(3));
        assert_eq!((p2.equity(), p2.peak_equity), (Usd(dec!(12)), Usd(dec!(12))));
    }
}
