//! `SimMarket` and `SimBroker` through the ports: what is revealed when, paging, outages,
//! resolutions, and paper fills.

use chrono::TimeDelta;
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, LeaderboardWindow};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, TimeInForce};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError};
use copycat_core::signal::SignalKey;
use copycat_core::trade::{Side, Trade};
use copycat_core::{Clock, ManualClock, Timestamp, Wallet};
use copycat_sim::{Market, Outage, SimBroker, SimMarket, SimParams, SimWorld};
use rust_decimal::Decimal;
use std::sync::Arc;

fn params(slippage_bps: u32, outages: Vec<Outage>) -> SimParams {
    SimParams { seed: 21, history_days: 6, days: 3, wallets: 40, markets: 20, slippage_bps, outages, ..SimParams::default() }
}

fn setup(p: SimParams, at: Timestamp) -> (Arc<SimWorld>, Arc<ManualClock>, SimMarket, SimBroker) {
    let world = Arc::new(SimWorld::generate(p));
    let clock = Arc::new(ManualClock::new(at));
    let market = SimMarket::new(world.clone(), clock.clone());
    let broker = SimBroker::new(world.clone(), clock.clone());
    (world, clock, market, broker)
}

fn order(key: &str, token: &str, side: Side, shares: Decimal, limit: Decimal, tif: TimeInForce) -> CopyOrder {
    CopyOrder {
        key: SignalKey(key.into()),
        token_id: token.into(),
        side,
        shares: Shares(shares),
        limit_price: Price(limit),
        time_in_force: tif,
    }
}

/// An open market at `at` whose outcome-0 book has all six levels on both sides.
fn deep_market(world: &SimWorld, at: Timestamp, with_fee: bool) -> (Market, Book) {
    world
        .markets()
        .iter()
        .filter(|m| m.is_open_at(at) && (m.taker_fee_rate > Decimal::ZERO) == with_fee)
        .map(|m| (m.clone(), m.book_at(0, at)))
        .find(|(_, b)| b.bids.len() == 6 && b.asks.len() == 6)
        .expect("a deep open market")
}

fn busiest_wallet(world: &SimWorld) -> Wallet {
    world.wallets().iter().max_by_key(|w| world.trades_of(w).len()).cloned().expect("wallets")
}

fn all_groups_complete(page: &[Trade], all: &[Trade]) -> bool {
    let Some(last) = page.last() else { return true };
    let in_page = page.iter().filter(|t| t.timestamp == last.timestamp).count();
    in_page == all.iter().filter(|t| t.timestamp == last.timestamp).count()
}

// ---------------------------------------------------------------- market data

#[tokio::test]
async fn no_trade_is_revealed_before_its_time() {
    let p = params(0, vec![]);
    let start = p.start;
    let (world, clock, market, _) = setup(p, start);
    for w in world.wallets() {
        let seen = market.wallet_trades(w, None, usize::MAX).await.expect("trades");
        let truth: Vec<Trade> = world.trades_of(w).into_iter().filter(|t| t.timestamp <= start).collect();
        assert_eq!(seen, truth, "exactly the trades up to now");
    }
    let w = busiest_wallet(&world);
    let before = market.wallet_trades(&w, None, usize::MAX).await.expect("trades").len();
    clock.advance(TimeDelta::hours(12));
    let after = market.wallet_trades(&w, None, usize::MAX).await.expect("trades");
    assert!(after.len() > before, "time reveals more trades");
    assert!(after.iter().all(|t| t.timestamp <= clock.now()));
}

#[tokio::test]
async fn wallet_trades_respects_since_and_limit_and_never_splits_a_timestamp() {
    let p = params(0, vec![]);
    let end = p.end();
    let (world, _, market, _) = setup(p, end);
    // A person's history has sweeps: several rows at one second.
    let mut checked_cuts = 0;
    for w in world.wallets().iter().filter(|w| !world.is_bot(w)) {
        let all = world.trades_of(w);
        for limit in [1usize, 2, 3, 7, 50] {
            let mut since: Option<Timestamp> = None;
            let mut paged: Vec<Trade> = Vec::new();
            loop {
                let page = market.wallet_trades(w, since, limit).await.expect("page");
                if page.is_empty() {
                    break;
                }
                assert!(page.windows(2).all(|x| x[0].timestamp <= x[1].timestamp), "oldest first");
                assert!(since.is_none_or(|s| page.iter().all(|t| t.timestamp >= s)), "timestamp ≥ since");
                assert!(all_groups_complete(&page, &all), "the last timestamp's rows are all there");
                let first_group = all.iter().filter(|t| t.timestamp == page[0].timestamp).count();
                assert!(page.len() <= limit.max(first_group), "at most limit rows, unless one second holds more");
                checked_cuts += usize::from(page.len() < limit && paged.len() + page.len() < all.len());
                let last = page[page.len() - 1].timestamp;
                paged.extend(page);
                since = Some(last + TimeDelta::seconds(1));
            }
            assert_eq!(paged, all, "paging by last timestamp + 1 s sees every trade once");
        }
    }
    assert!(checked_cuts > 0, "some page was cut short to keep a timestamp whole");
}

#[tokio::test]
async fn a_second_with_more_rows_than_the_limit_is_returned_whole() {
    let p = params(0, vec![]);
    let end = p.end();
    let (world, _, market, _) = setup(p, end);
    let (w, sweep) = world
        .wallets()
        .iter()
        .find_map(|w| {
            let all = world.trades_of(w);
            all.windows(2).find(|x| x[0].timestamp == x[1].timestamp).map(|x| (w.clone(), x[0].timestamp))
        })
        .expect("a sweep somewhere");
    let page = market.wallet_trades(&w, Some(sweep), 1).await.expect("page");
    assert!(page.len() >= 2 && page.iter().all(|t| t.timestamp == sweep));
}

#[tokio::test]
async fn since_between_seconds_rounds_up_and_an_empty_poll_is_empty() {
    let p = params(0, vec![]);
    let end = p.end();
    let (world, _, market, _) = setup(p, end);
    let w = busiest_wallet(&world);
    let all = world.trades_of(&w);
    let t = all[all.len() / 2].timestamp;
    let page = market.wallet_trades(&w, Some(t - TimeDelta::milliseconds(500)), 10_000).await.expect("page");
    assert_eq!(page[0].timestamp, t, "a trade at second s is at or after s − 0.5 s");
    let page = market.wallet_trades(&w, Some(t + TimeDelta::milliseconds(1)), 10_000).await.expect("page");
    assert!(page[0].timestamp > t);
    let after_last = all[all.len() - 1].timestamp + TimeDelta::seconds(1);
    assert!(market.wallet_trades(&w, Some(after_last), 100).await.expect("page").is_empty());
    assert!(market.wallet_trades(&w, None, 0).await.expect("page").is_empty());
}

#[tokio::test]
async fn leaderboard_positions_and_trades_only_count_the_past() {
    let p = params(0, vec![]);
    let start = p.start;
    let (world, clock, market, _) = setup(p, start);
    let board = market.leaderboard(LeaderboardWindow::All, 10).await.expect("board");
    assert_eq!(board, world.leaderboard_at(LeaderboardWindow::All, 10, start));
    let leader = board[0].wallet.clone();
    let positions_now = market.wallet_positions(&leader).await.expect("positions");
    clock.advance(TimeDelta::days(2));
    let later = market.leaderboard(LeaderboardWindow::All, 10).await.expect("board");
    assert_ne!(board, later, "realised PnL moves as trades and resolutions happen");
    assert_ne!(positions_now, market.wallet_positions(&leader).await.expect("positions"));
}

#[tokio::test]
async fn resolved_market_reports_its_winner_and_refuses_orders() {
    let p = params(0, vec![]);
    let (start, end) = (p.start, p.end());
    let (world, clock, market, broker) = setup(p, start);
    let m = world
        .markets()
        .iter()
        .find(|m| m.end_date > start + TimeDelta::hours(2) && m.end_date < end)
        .cloned()
        .expect("a market resolving in the demo");
    let token = m.token_ids[0].clone();
    clock.advance_to(m.end_date - TimeDelta::hours(1));
    let before = market.market_by_token(&token).await.expect("market");
    assert_eq!(before.winning_outcome, None);
    assert!(before.accepting_orders);
    assert!(!market.book(&token).await.expect("book").asks.is_empty());

    clock.advance_to(m.end_date);
    let after = market.market_by_token(&token).await.expect("market");
    assert_eq!(after.winning_outcome, Some(m.winner));
    assert!(!after.accepting_orders);
    assert_eq!(after.settlement_price(&m.token_ids[m.winner]), Some(Price::ONE));
    let book = market.book(&token).await.expect("book");
    assert!(book.bids.is_empty() && book.asks.is_empty(), "no book after resolution");
    let refused = broker.place(&order("k-resolved", &token, Side::Buy, Decimal::TEN, Decimal::new(99, 2), TimeInForce::Fak)).await;
    assert!(matches!(refused, Err(BrokerError::Rejected { code: None, ref reason }) if reason.contains("resolved")), "{refused:?}");
}

#[tokio::test]
async fn unknown_wallets_tokens_and_future_markets_are_not_found() {
    let p = params(0, vec![]);
    let start = p.start;
    let (world, _, market, _) = setup(p, start);
    let stranger = Wallet::parse("0x000000000000000000000000000000000000dead").expect("address");
    assert!(matches!(market.wallet_trades(&stranger, None, 10).await, Err(MarketError::NotFound { .. })));
    assert!(matches!(market.wallet_positions(&stranger).await, Err(MarketError::NotFound { .. })));
    assert!(matches!(market.market_by_token("123").await, Err(MarketError::NotFound { dependency: Dependency::Gamma, .. })));
    assert!(matches!(market.book("123").await, Err(MarketError::NotFound { dependency: Dependency::Clob, .. })));
    let future = world.markets().iter().find(|m| m.created_at > start).expect("a market created during the demo");
    assert!(matches!(market.market_by_token(&future.token_ids[0]).await, Err(MarketError::NotFound { .. })));
    assert!(matches!(market.book(&future.token_ids[1]).await, Err(MarketError::NotFound { .. })));
}

#[tokio::test]
async fn scheduled_outage_fails_only_its_dependency_and_only_inside_its_window() {
    let start = SimParams::default().start;
    let data_down = Outage {
        dependency: Dependency::DataApi,
        start: start + TimeDelta::hours(2),
        end: start + TimeDelta::hours(2) + TimeDelta::minutes(6),
    };
    let clob_down = Outage { dependency: Dependency::Clob, start: start + TimeDelta::hours(5), end: start + TimeDelta::hours(6) };
    let (world, clock, market, broker) = setup(params(0, vec![data_down.clone(), clob_down.clone()]), start);
    assert_eq!(world.outages(), &[data_down.clone(), clob_down.clone()]);
    let w = busiest_wallet(&world);
    let (m, _) = deep_market(&world, clob_down.start, false);
    let token = m.token_ids[0].clone();
    let unavailable =
        |r: &Result<(), MarketError>, dep: Dependency| matches!(r, Err(MarketError::Unavailable { dependency, .. }) if *dependency == dep);

    for (at, data_is_down) in [
        (data_down.start - TimeDelta::seconds(1), false),
        (data_down.start, true),
        (data_down.end - TimeDelta::milliseconds(1), true),
        (data_down.end, false),
    ] {
        clock.advance_to(at);
        let results = [
            market.leaderboard(LeaderboardWindow::Week, 5).await.map(|_| ()),
            market.wallet_trades(&w, None, 5).await.map(|_| ()),
            market.wallet_positions(&w).await.map(|_| ()),
        ];
        for r in &results {
            assert_eq!(unavailable(r, Dependency::DataApi), data_is_down, "at {at}: {r:?}");
        }
        assert!(market.market_by_token(&token).await.is_ok() || !m.exists_at(at), "Gamma stays up");
    }

    clock.advance_to(clob_down.start);
    assert!(unavailable(&market.book(&token).await.map(|_| ()), Dependency::Clob));
    assert!(market.market_by_token(&token).await.is_ok(), "Gamma stays up");
    assert!(market.wallet_trades(&w, None, 5).await.is_ok(), "Data API stays up");
    let key = "k-during-clob-outage";
    let o = order(key, &token, Side::Buy, Decimal::from(5), Decimal::new(99, 2), TimeInForce::Fak);
    let down = broker.place(&o).await.unwrap_err();
    assert!(matches!(down, BrokerError::Unavailable(_)), "{down:?}");
    assert_eq!((down.code(), down.is_retryable()), ("unavailable", true));
    clock.advance_to(clob_down.end);
    assert!(market.book(&token).await.is_ok());
    let fill = broker.place(&o).await.expect("the venue never saw the first attempt");
    assert!(fill.shares.is_positive());
}

#[tokio::test]
async fn manual_outage_switch_turns_a_dependency_off_and_on() {
    let p = params(0, vec![]);
    let start = p.start;
    let (world, _, market, broker) = setup(p, start);
    let (m, _) = deep_market(&world, start, false);
    market.set_outage(Dependency::Gamma, true);
    assert!(matches!(market.market_by_token(&m.token_ids[0]).await, Err(MarketError::Unavailable { dependency: Dependency::Gamma, .. })));
    assert!(market.book(&m.token_ids[0]).await.is_ok());
    market.set_outage(Dependency::Gamma, false);
    assert!(market.market_by_token(&m.token_ids[0]).await.is_ok());

    market.set_outage(Dependency::Clob, true);
    let o = order("k-switch", &m.token_ids[0], Side::Buy, Decimal::from(5), Decimal::new(99, 2), TimeInForce::Fak);
    assert!(matches!(broker.place(&o).await, Err(BrokerError::Unavailable(_))), "the broker shares the switch");
    world.set_outage(Dependency::Clob, false);
    assert!(broker.place(&o).await.is_ok());
}

// ---------------------------------------------------------------- broker

fn level_sum(levels: &[copycat_core::market::BookLevel], n: usize) -> (Decimal, Decimal) {
    levels[..n].iter().fold((Decimal::ZERO, Decimal::ZERO), |(s, c), l| (s + l.size.0, c + l.size.0 * l.price.0))
}

#[tokio::test]
async fn fak_buy_walks_the_asks_up_to_the_limit() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, false);
    let limit = book.asks[1].price.0;
    let fill =
        broker.place(&order("k-fak", &m.token_ids[0], Side::Buy, Decimal::from(1_000_000), limit, TimeInForce::Fak)).await.expect("fill");
    let (shares, cost) = level_sum(&book.asks, 2);
    assert_eq!(fill.shares.0, shares, "both levels inside the limit, nothing beyond");
    assert_eq!(fill.avg_price.0, (cost / shares).round_dp(6));
    assert!(fill.avg_price.0 > book.asks[0].price.0 && fill.avg_price.0 < limit);
    assert_eq!(fill.at, at);
    assert!(!fill.order_id.is_empty());
}

#[tokio::test]
async fn fak_sell_walks_the_bids_down_to_the_limit() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, false);
    let limit = book.bids[2].price.0;
    let fill =
        broker.place(&order("k-sell", &m.token_ids[0], Side::Sell, Decimal::from(1_000_000), limit, TimeInForce::Fak)).await.expect("fill");
    let (shares, proceeds) = level_sum(&book.bids, 3);
    assert_eq!(fill.shares.0, shares);
    assert_eq!(fill.avg_price.0, (proceeds / shares).round_dp(6));
}

#[tokio::test]
async fn fok_fills_everything_or_nothing() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, false);
    let token = &m.token_ids[0];
    let too_big = book.asks[0].size.0 + Decimal::ONE;
    let killed = broker.place(&order("k-fok-1", token, Side::Buy, too_big, book.asks[0].price.0, TimeInForce::Fok)).await.expect("answer");
    assert_eq!(killed.shares, Shares::ZERO, "not all fits inside the limit: nothing fills");
    assert_eq!(killed.fee, Usd::ZERO);
    let fits = broker.place(&order("k-fok-2", token, Side::Buy, too_big, book.asks[1].price.0, TimeInForce::Fok)).await.expect("fill");
    assert_eq!(fits.shares.0, too_big);
}

#[tokio::test]
async fn a_limit_away_from_the_book_fills_nothing() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, false);
    let below_ask = book.asks[0].price.0 - Decimal::new(1, 2);
    let fill = broker.place(&order("k-away", &m.token_ids[0], Side::Buy, Decimal::TEN, below_ask, TimeInForce::Fak)).await.expect("answer");
    assert_eq!(fill.shares, Shares::ZERO);
}

#[tokio::test]
async fn fee_is_the_venue_taker_fee_of_each_level() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, true);
    let one = broker
        .place(&order("k-fee-1", &m.token_ids[0], Side::Buy, Decimal::from(5), book.asks[0].price.0, TimeInForce::Fok))
        .await
        .expect("fill");
    assert_eq!(one.fee, taker_fee(Shares(Decimal::from(5)), book.asks[0].price, m.taker_fee_rate));
    assert!(one.fee.is_positive());
    let two = broker
        .place(&order("k-fee-2", &m.token_ids[0], Side::Buy, Decimal::from(1_000_000), book.asks[1].price.0, TimeInForce::Fak))
        .await
        .expect("fill");
    let expected = taker_fee(book.asks[0].size, book.asks[0].price, m.taker_fee_rate)
        + taker_fee(book.asks[1].size, book.asks[1].price, m.taker_fee_rate);
    assert_eq!(two.fee, expected);
    let (free, free_book) = deep_market(&world, at, false);
    let none = broker
        .place(&order("k-fee-3", &free.token_ids[0], Side::Buy, Decimal::from(5), free_book.asks[0].price.0, TimeInForce::Fok))
        .await
        .expect("fill");
    assert_eq!(none.fee, Usd::ZERO, "fee-free market");
}

#[tokio::test]
async fn slippage_moves_each_level_against_the_order() {
    let p = params(100, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, book) = deep_market(&world, at, false);
    let ask = book.asks[0].price.0;
    let fill = broker
        .place(&order("k-slip", &m.token_ids[0], Side::Buy, Decimal::from(5), Decimal::new(99, 2), TimeInForce::Fok))
        .await
        .expect("fill");
    assert_eq!(fill.avg_price.0, (ask * Decimal::new(101, 2)).round_dp(6), "1 % worse than the ask");
    let at_ask =
        broker.place(&order("k-slip-2", &m.token_ids[0], Side::Buy, Decimal::from(5), ask, TimeInForce::Fak)).await.expect("answer");
    assert_eq!(at_ask.shares, Shares::ZERO, "slippage never fills beyond the limit");
    let sell = broker
        .place(&order("k-slip-3", &m.token_ids[0], Side::Sell, Decimal::from(5), Decimal::new(1, 2), TimeInForce::Fok))
        .await
        .expect("fill");
    assert_eq!(sell.avg_price.0, (book.bids[0].price.0 * Decimal::new(99, 2)).round_dp(6));
}

#[tokio::test]
async fn the_same_order_key_fills_once() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, clock, _, broker) = setup(p, at);
    let (m, _) = deep_market(&world, at, false);
    let o = order("k-once", &m.token_ids[0], Side::Buy, Decimal::from(5), Decimal::new(99, 2), TimeInForce::Fak);
    let first = broker.place(&o).await.expect("fill");
    clock.advance(TimeDelta::seconds(30));
    let again = broker.place(&o).await.expect("fill");
    assert_eq!(first, again, "a retry returns the first fill");
    let other = broker.place(&CopyOrder { key: SignalKey("k-other".into()), ..o.clone() }).await.expect("fill");
    assert_ne!(first.order_id, other.order_id);
    let ledger = broker.fills();
    assert_eq!(ledger.len(), 2);
    assert_eq!(ledger[0], (SignalKey("k-once".into()), first));
}

#[tokio::test]
async fn bad_orders_are_rejected() {
    let p = params(0, vec![]);
    let at = p.start + TimeDelta::hours(3);
    let (world, _, _, broker) = setup(p, at);
    let (m, _) = deep_market(&world, at, false);
    let token = &m.token_ids[1];
    for (key, shares, limit, t) in [
        ("k-zero", Decimal::ZERO, Decimal::new(50, 2), token.as_str()),
        ("k-neg", Decimal::from(-5), Decimal::new(50, 2), token.as_str()),
        ("k-limit", Decimal::from(5), Decimal::ONE, token.as_str()),
        ("k-token", Decimal::from(5), Decimal::new(50, 2), "42"),
    ] {
        let r = broker.place(&order(key, t, Side::Buy, shares, limit, TimeInForce::Fak)).await;
        let r = r.unwrap_err();
        assert!(matches!(r, BrokerError::Rejected { code: None, .. }), "{key}: {r:?}");
        assert_eq!((r.code(), r.is_retryable()), ("rejected", false), "{key}");
    }
    assert!(broker.fills().is_empty(), "rejections produce no fills");
}
