//! Deciding one signal: risk checks, then sizing, then an order intent — or a refusal with its
//! reason. Pure and allocation-free on the approved path (it runs for every leader trade).

use crate::config::{Config, ModeTier};
use crate::dependency::Dependency;
use crate::market::{Book, MarketInfo};
use crate::mode::drawdown_multiplier;
use crate::money::{Price, Shares, Usd};
use crate::order::{CopyOrder, TimeInForce};
use crate::policy::{exit_fraction, market_filter};
use crate::records::{Leader, PortfolioState, Position, RefusalReason};
use crate::signal::SignalKey;
use crate::time::{Timestamp, secs};
use crate::trade::{Side, Trade};
use rust_decimal::Decimal;

/// Everything one decision looks at, already loaded.
#[derive(Clone, Debug)]
pub struct DecisionInput<'a> {
    /// The signal's key (becomes the order's key / salt seed).
    pub key: &'a SignalKey,
    /// The leader's trade.
    pub trade: &'a Trade,
    /// Now.
    pub now: Timestamp,
    /// Kill switch set.
    pub stopped: bool,
    /// A dependency whose breaker is open, if any.
    pub open_breaker: Option<Dependency>,
    /// The leader's entry in the followed set (None: not followed).
    pub leader: Option<&'a Leader>,
    /// The market of the traded token.
    pub market: &'a MarketInfo,
    /// The token's book, best-first.
    pub book: &'a Book,
    /// Our portfolio.
    pub portfolio: &'a PortfolioState,
    /// Our position in the token, if any.
    pub position: Option<&'a Position>,
    /// The mode tier in force.
    pub tier: &'a ModeTier,
    /// For sells: the leader's holding of the token just before this sell.
    pub leader_held_before: Option<Shares>,
}

/// A decided copy order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderIntent {
    /// The order to place.
    pub order: CopyOrder,
    /// Dollars at the limit price.
    pub notional: Usd,
}

/// A refusal: the reason code and the numbers behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Reason code.
    pub reason: RefusalReason,
    /// Detail for people.
    pub detail: String,
}

fn refuse(reason: RefusalReason, detail: String) -> Refusal {
    Refusal { reason, detail }
}

/// The outcome of deciding one signal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Place this order.
    Place(OrderIntent),
    /// Do not copy, because.
    Refuse(Refusal),
}

/// Decides one signal: every risk check, then sizing.
pub fn decide(input: &DecisionInput<'_>, cfg: &Config) -> Decision {
    match check_risk(input, cfg).and_then(|()| size_copy_order(input, cfg)) {
        Ok(intent) => Decision::Place(intent),
        Err(r) => Decision::Refuse(r),
    }
}

/// The risk checks, in order: kill switch, breaker, followed, stale, market open, expiry,
/// filters, liquidity, drawdown, daily loss, open positions, exposure, per-market cap, drift.
pub fn check_risk(i: &DecisionInput<'_>, cfg: &Config) -> Result<(), Refusal> {
    let r = &cfg.risk;
    if i.stopped {
        return Err(refuse(RefusalReason::KillSwitch, "trading is stopped (copycat start resumes it)".into()));
    }
    if let Some(dep) = i.open_breaker {
        return Err(refuse(RefusalReason::BreakerOpen, format!("{dep} breaker is open")));
    }
    if i.leader.is_none() {
        return Err(refuse(RefusalReason::NotFollowed, format!("{} is not a followed leader", i.trade.wallet)));
    }
    let age = i.now - i.trade.timestamp;
    if age > secs(r.max_signal_age_secs) {
        return Err(refuse(RefusalReason::StaleSignal, format!("signal is {}s old, limit {}s", age.num_seconds(), r.max_signal_age_secs)));
    }
    let m = i.market;
    if !m.accepting_orders || m.winning_outcome.is_some() || m.outcome_of(&i.trade.asset).is_none() {
        return Err(refuse(RefusalReason::MarketClosed, format!("market {} is not accepting orders for this token", m.condition_id)));
    }
    match i.trade.side {
        Side::Buy => check_buy(i, cfg),
        Side::Sell => check_sell(i, cfg),
    }
}

fn check_buy(i: &DecisionInput<'_>, cfg: &Config) -> Result<(), Refusal> {
    let r = &cfg.risk;
    let m = i.market;
    let p = i.portfolio;
    if let Some(end) = m.end_date {
        let left = end - i.now;
        if left < secs(r.min_secs_to_expiry) {
            return Err(refuse(
                RefusalReason::NearExpiry,
                format!("market ends in {}s, minimum {}s", left.num_seconds(), r.min_secs_to_expiry),
            ));
        }
    }
    if let Some(why) = market_filter(&cfg.copy, m) {
        return Err(refuse(RefusalReason::MarketFiltered, why));
    }
    if m.liquidity < cfg.copy.min_liquidity {
        return Err(refuse(RefusalReason::LowLiquidity, format!("liquidity {} under {}", m.liquidity, cfg.copy.min_liquidity)));
    }
    let dd = p.drawdown();
    if drawdown_multiplier(i.tier, dd).is_none() {
        return Err(refuse(
            RefusalReason::DrawdownLimit,
            format!("drawdown {:.1}% reached {} limit {:.1}%", pct(dd), i.tier.name, pct(i.tier.max_drawdown)),
        ));
    }
    let loss = p.daily_loss();
    if loss >= r.daily_loss_limit_pct {
        return Err(refuse(RefusalReason::DailyLoss, format!("down {:.1}% today, limit {:.1}%", pct(loss), pct(r.daily_loss_limit_pct))));
    }
    if i.position.is_none() && p.open_positions >= r.max_open_positions {
        return Err(refuse(
            RefusalReason::MaxOpenPositions,
            format!("{} positions open, limit {}", p.open_positions, r.max_open_positions),
        ));
    }
    let equity = p.equity();
    if p.exposure >= equity.times(r.max_exposure_pct) {
        return Err(refuse(
            RefusalReason::Exposure,
            format!("exposure {} at cap {:.0}% of equity {}", p.exposure, pct(r.max_exposure_pct), equity),
        ));
    }
    let in_market = p.per_market.get(&m.condition_id).copied().unwrap_or(Usd::ZERO);
    if in_market >= equity.times(r.per_market_cap_pct) {
        return Err(refuse(
            RefusalReason::PerMarketCap,
            format!("{} in this market, cap {:.0}% of equity", in_market, pct(r.per_market_cap_pct)),
        ));
    }
    let Some(ask) = i.book.best_ask() else {
        return Err(refuse(RefusalReason::NoLiquidity, "no asks in the book".into()));
    };
    if ask.0 - i.trade.price.0 > r.max_price_drift.0 {
        return Err(refuse(
            RefusalReason::PriceDrift,
            format!("best ask {} vs leader's {}, max drift {}", ask.0, i.trade.price.0, r.max_price_drift.0),
        ));
    }
    Ok(())
}

fn check_sell(i: &DecisionInput<'_>, cfg: &Config) -> Result<(), Refusal> {
    if !cfg.copy.copy_exits {
        return Err(refuse(RefusalReason::ExitsDisabled, "copy.copy_exits is off".into()));
    }
    let held = held_from_leader(i);
    if !held.is_positive() {
        return Err(refuse(RefusalReason::NothingToSell, "we hold none of this token from this leader".into()));
    }
    let Some(bid) = i.book.best_bid() else {
        return Err(refuse(RefusalReason::NoLiquidity, "no bids in the book".into()));
    };
    if i.trade.price.0 - bid.0 > cfg.risk.max_price_drift.0 {
        return Err(refuse(
            RefusalReason::PriceDrift,
            format!("best bid {} vs leader's {}, max drift {}", bid.0, i.trade.price.0, cfg.risk.max_price_drift.0),
        ));
    }
    Ok(())
}

fn held_from_leader(i: &DecisionInput<'_>) -> Shares {
    i.position.and_then(|p| p.by_leader.get(&i.trade.wallet).copied()).unwrap_or(Shares::ZERO)
}

fn pct(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    (d * Decimal::ONE_HUNDRED).to_f64().unwrap_or(0.0)
}

/// Share-size granularity of CLOB orders (two decimals).
const SIZE_STEP: Shares = Shares(Decimal::from_parts(1, 0, 0, false, 2));

/// Turns the signal into an order: dollars to shares at the worst acceptable price, Kelly
/// fraction and mode position size, boost (once, capped), leader allocation, drawdown
/// multiplier, exposure / per-market / cash room; rounded down to tick and size step; refused
/// under the venue minimum.
pub fn size_copy_order(i: &DecisionInput<'_>, cfg: &Config) -> Result<OrderIntent, Refusal> {
    let m = i.market;
    let tick = if m.tick_size.is_tradable() { m.tick_size } else { cfg.sizing.default_tick_size };
    let min_size = if m.min_order_size.is_positive() { m.min_order_size } else { cfg.sizing.default_min_order_size };
    let (shares, limit) = match i.trade.side {
        Side::Buy => size_buy(i, cfg, tick)?,
        Side::Sell => size_sell(i, cfg, tick, min_size)?,
    };
    let notional = shares * limit;
    if shares < min_size || notional < cfg.sizing.min_order_notional {
        return Err(refuse(
            RefusalReason::BelowVenueMinimum,
            format!(
                "{} at {} = {} is under the venue minimum ({} / {})",
                shares, limit.0, notional, min_size, cfg.sizing.min_order_notional
            ),
        ));
    }
    Ok(OrderIntent {
        order: CopyOrder {
            key: i.key.clone(),
            token_id: i.trade.asset.clone(),
            side: i.trade.side,
            shares,
            limit_price: limit,
            time_in_force: TimeInForce::Fak,
        },
        notional,
    })
}

fn size_buy(i: &DecisionInput<'_>, cfg: &Config, tick: Price) -> Result<(Shares, Price), Refusal> {
    let s = &cfg.sizing;
    let leader_price = i.trade.price.0;
    let ask = i.book.best_ask().map(|p| p.0).unwrap_or(leader_price);
    let cap = Decimal::ONE - tick.0;
    let limit = Price((ask + s.slippage_tolerance.0).min(leader_price + cfg.risk.max_price_drift.0).min(cap)).floor_to_tick(tick);
    if !limit.is_tradable() {
        return Err(refuse(RefusalReason::PriceDrift, format!("no tradable limit price near {leader_price}")));
    }
    // Kelly: win probability from the leader's realised edge over the price they paid.
    let roi = i.leader.map(|l| l.roi).unwrap_or(0.0).clamp(0.0, 1.0);
    let roi = Decimal::from_f64_retain(roi).unwrap_or_default().round_dp(6);
    let p_win = (leader_price + (Decimal::ONE - leader_price) * roi * s.edge_from_roi).min(s.max_win_probability);
    let kelly = (p_win - limit.0) / (Decimal::ONE - limit.0);
    if kelly <= Decimal::ZERO {
        return Err(refuse(RefusalReason::NoEdge, format!("estimated win probability {:.3} does not beat limit price {}", p_win, limit.0)));
    }
    let mut fraction = (kelly * i.tier.kelly_fraction).min(i.tier.position_pct);
    let p = i.portfolio;
    let equity = p.equity();
    if equity < cfg.boost.below_balance {
        fraction = (fraction * cfg.boost.multiplier).min(cfg.boost.max_position_pct);
    }
    let allocation = i.leader.map(|l| l.allocation).unwrap_or(Decimal::ZERO);
    let (dd_mult, _) = drawdown_multiplier(i.tier, p.drawdown()).unwrap_or((Decimal::ZERO, 0));
    let mut stake = equity.times(fraction * allocation * dd_mult);
    let exposure_room = equity.times(cfg.risk.max_exposure_pct) - p.exposure;
    let in_market = p.per_market.get(&i.market.condition_id).copied().unwrap_or(Usd::ZERO);
    let market_room = equity.times(cfg.risk.per_market_cap_pct) - in_market;
    // keep room for the taker fee (at most rate × ¼ per share at p = ½)
    let fee_room = Decimal::ONE + i.market.taker_fee_rate;
    let cash_room = Usd(p.cash.0 / fee_room);
    stake = stake.min(exposure_room).min(market_room).min(cash_room);
    if !stake.is_positive() {
        return Err(refuse(
            RefusalReason::InsufficientCash,
            format!("no room: cash {}, exposure room {}, market room {}", p.cash, exposure_room, market_room),
        ));
    }
    Ok(((stake / limit).floor_to_step(SIZE_STEP), limit))
}

fn size_sell(i: &DecisionInput<'_>, cfg: &Config, tick: Price, min_size: Shares) -> Result<(Shares, Price), Refusal> {
    let held = held_from_leader(i);
    let fraction = exit_fraction(i.trade.size, i.leader_held_before.unwrap_or(i.trade.size));
    let mut shares = held.times(fraction).floor_to_step(SIZE_STEP);
    // never leave dust we could not sell later
    if held - shares < min_size {
        shares = held;
    }
    let bid = i.book.best_bid().map(|p| p.0).unwrap_or(i.trade.price.0);
    let limit =
        Price((bid - cfg.sizing.slippage_tolerance.0).max(i.trade.price.0 - cfg.risk.max_price_drift.0).max(tick.0)).ceil_to_tick(tick);
    Ok((shares.min(held), limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::market::BookLevel;
    use crate::time::{Span, from_secs};
    use crate::trade::Wallet;
    use rust_decimal_macros::dec;
    use std::collections::BTreeMap;

    pub(crate) struct Fixture {
        pub cfg: Config,
        pub key: SignalKey,
        pub trade: Trade,
        pub leader: Leader,
        pub market: MarketInfo,
        pub book: Book,
        pub portfolio: PortfolioState,
        pub position: Option<Position>,
    }

    pub(crate) fn fixture() -> Fixture {
        let wallet = Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap();
        let now = from_secs(1_800_000_000);
        Fixture {
            cfg: Config::default(),
            key: SignalKey("k".into()),
            trade: Trade {
                wallet: wallet.clone(),
                side: Side::Buy,
                asset: "1".into(),
                condition_id: "0xc".into(),
                size: Shares(dec!(100)),
                price: Price(dec!(0.50)),
                timestamp: now - Span::seconds(1),
                transaction_hash: "0xt".into(),
                outcome: "Yes".into(),
                outcome_index: Some(0),
                title: "t".into(),
                slug: "s".into(),
            },
            leader: Leader { wallet, score: 0.8, roi: 0.4, allocation: dec!(1), since: now, judged_at: now },
            market: MarketInfo {
                condition_id: "0xc".into(),
                question: "q".into(),
                category: "politics".into(),
                token_ids: vec!["1".into(), "2".into()],
                outcomes: vec!["Yes".into(), "No".into()],
                tick_size: Price(dec!(0.01)),
                min_order_size: Shares(dec!(5)),
                end_date: Some(now + Span::days(5)),
                accepting_orders: true,
                liquidity: Usd(dec!(50000)),
                taker_fee_rate: dec!(0.02),
                winning_outcome: None,
                resolution_unknown: false,
            },
            book: Book {
                token_id: "1".into(),
                bids: vec![BookLevel { price: Price(dec!(0.50)), size: Shares(dec!(500)) }],
                asks: vec![BookLevel { price: Price(dec!(0.51)), size: Shares(dec!(500)) }],
                at: Some(now),
            },
            portfolio: PortfolioState::new(Usd(dec!(100)), now),
            position: None,
        }
    }

    impl Fixture {
        pub(crate) fn input(&self) -> DecisionInput<'_> {
            DecisionInput {
                key: &self.key,
                trade: &self.trade,
                now: self.trade.timestamp + Span::seconds(1),
                stopped: false,
                open_breaker: None,
                leader: Some(&self.leader),
                market: &self.market,
                book: &self.book,
                portfolio: &self.portfolio,
                position: self.position.as_ref(),
                tier: self.cfg.modes.tier("BALANCED").unwrap(),
                leader_held_before: None,
            }
        }
    }

    fn refused(d: Decision) -> RefusalReason {
        match d {
            Decision::Refuse(r) => r.reason,
            Decision::Place(o) => panic!("expected a refusal, got {o:?}"),
        }
    }

    #[test]
    fn approved_buy_is_sized_in_shares_at_the_limit_price() {
        let f = fixture();
        let Decision::Place(o) = decide(&f.input(), &f.cfg) else { panic!() };
        // limit = min(0.51 + 0.02, 0.50 + 0.04) = 0.53; p = 0.5 + 0.5 × 0.4 × 0.5 = 0.6
        // kelly = (0.6 − 0.53) / 0.47 = 0.1489…; × 0.40 = 0.0595… of $100 = $5.95…
        assert_eq!(o.order.limit_price, Price(dec!(0.53)));
        assert_eq!(o.order.side, Side::Buy);
        assert!(o.order.shares > Shares(dec!(11)) && o.order.shares < Shares(dec!(11.5)), "{}", o.order.shares);
        assert!(o.order.shares.0.scale() <= 2, "shares are in hundredths");
        assert!(o.notional < Usd(dec!(6.1)));
    }

    #[test]
    fn each_risk_check_refuses_with_its_reason() {
        let base = fixture();
        let mut i = base.input();
        i.stopped = true;
        assert_eq!(refused(decide(&i, &base.cfg)), RefusalReason::KillSwitch);
        let mut i = base.input();
        i.open_breaker = Some(Dependency::Clob);
        assert_eq!(refused(decide(&i, &base.cfg)), RefusalReason::BreakerOpen);
        let mut i = base.input();
        i.leader = None;
        assert_eq!(refused(decide(&i, &base.cfg)), RefusalReason::NotFollowed);
        let mut i = base.input();
        i.now = base.trade.timestamp + Span::seconds(121);
        assert_eq!(refused(decide(&i, &base.cfg)), RefusalReason::StaleSignal);

        let mut f = fixture();
        f.market.end_date = Some(f.trade.timestamp + Span::minutes(30));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::NearExpiry);
        let mut f = fixture();
        f.market.winning_outcome = Some(0);
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::MarketClosed);
        let mut f = fixture();
        f.cfg.copy.deny_categories = vec!["Politics".into()];
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::MarketFiltered);
        let mut f = fixture();
        f.market.liquidity = Usd(dec!(10));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::LowLiquidity);
        let mut f = fixture();
        f.portfolio.day_start_equity = Usd(dec!(200));
        f.portfolio.peak_equity = Usd(dec!(110));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::DailyLoss);
        let mut f = fixture();
        f.portfolio.peak_equity = Usd(dec!(130));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::DrawdownLimit);
        let mut f = fixture();
        f.portfolio.open_positions = 12;
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::MaxOpenPositions);
        let mut f = fixture();
        f.portfolio.exposure = Usd(dec!(95));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::Exposure);
        let mut f = fixture();
        f.portfolio.per_market.insert("0xc".into(), Usd(dec!(40)));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::PerMarketCap);
        let mut f = fixture();
        f.book.asks[0].price = Price(dec!(0.56));
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::PriceDrift);
    }

    #[test]
    fn below_venue_minimum_is_skipped_with_a_reason() {
        let mut f = fixture();
        f.portfolio = PortfolioState::new(Usd(dec!(8)), f.trade.timestamp);
        let Decision::Refuse(r) = decide(&f.input(), &f.cfg) else { panic!() };
        assert_eq!(r.reason, RefusalReason::BelowVenueMinimum);
        assert!(r.detail.contains("venue minimum"), "{}", r.detail);
    }

    #[test]
    fn boost_applies_once_and_is_capped() {
        let mut f = fixture();
        f.portfolio = PortfolioState::new(Usd(dec!(14)), f.trade.timestamp);
        f.leader.roi = 1.0;
        f.cfg.risk.per_market_cap_pct = Decimal::ONE;
        f.cfg.risk.max_exposure_pct = Decimal::ONE;
        let tier = f.cfg.modes.tier("NANO").unwrap().clone();
        let mut i = f.input();
        i.tier = &tier;
        let Decision::Place(boosted) = decide(&i, &f.cfg) else { panic!() };
        let mut no_boost = f.cfg.clone();
        no_boost.boost.multiplier = Decimal::ONE;
        let Decision::Place(plain) = decide(&i, &no_boost) else { panic!() };
        let ratio = boosted.notional.0 / plain.notional.0;
        assert!(ratio > dec!(1.45) && ratio < dec!(1.51), "boost applied once (×1.5, not ×2.25): ratio {ratio}");
        assert!(boosted.notional <= Usd(dec!(14) * f.cfg.boost.max_position_pct));
    }

    #[test]
    fn a_sell_copies_the_leaders_fraction_of_our_holding_of_that_token() {
        let mut f = fixture();
        f.trade.side = Side::Sell;
        f.trade.size = Shares(dec!(40));
        let mut by = BTreeMap::new();
        by.insert(f.trade.wallet.clone(), Shares(dec!(50)));
        f.position = Some(Position {
            token_id: "1".into(),
            condition_id: "0xc".into(),
            title: "q".into(),
            shares: Shares(dec!(50)),
            cost: Usd(dec!(25)),
            by_leader: by,
            mark: Price(dec!(0.5)),
            realized_pnl: Usd::ZERO,
            opened_at: f.trade.timestamp,
        });
        let mut i = f.input();
        i.leader_held_before = Some(Shares(dec!(100)));
        let Decision::Place(o) = decide(&i, &f.cfg) else { panic!() };
        assert_eq!(o.order.shares, Shares(dec!(20)));
        assert_eq!(o.order.side, Side::Sell);
        assert_eq!(o.order.token_id, "1", "the same token, never the other outcome");
    }

    #[test]
    fn never_sell_what_we_do_not_hold() {
        let mut f = fixture();
        f.trade.side = Side::Sell;
        assert_eq!(refused(decide(&f.input(), &f.cfg)), RefusalReason::NothingToSell);
    }
}
