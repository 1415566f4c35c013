//! The replay on a venue rebuilt from trades: copies fill at the price others paid after our
//! arrival, settle at resolution, and trades in markets the venue does not know are skipped
//! with a reason while the rest go on.

use copycat_backtest::{ReplayLeader, ReplayOptions, TradesVenue, TradesVenueData, replay};
use copycat_core::Config;
use copycat_core::market::MarketInfo;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::records::Leader;
use copycat_core::time::{Span, Timestamp, from_secs};
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const T0: i64 = 1_772_409_600;

fn wallet(n: u8) -> Wallet {
    Wallet::parse(&format!("0x{n:040x}")).unwrap()
}

fn market(i: u32, winner: Option<usize>) -> MarketInfo {
    MarketInfo {
        condition_id: format!("0x{i:064x}"),
        question: format!("market {i}"),
        category: "testing".into(),
        token_ids: vec![format!("{}", 100 + 2 * i), format!("{}", 101 + 2 * i)],
        outcomes: vec!["Yes".into(), "No".into()],
        tick_size: Price(dec!(0.01)),
        min_order_size: Shares(dec!(5)),
        end_date: Some(from_secs(T0 + 2 * 86_400)),
        accepting_orders: winner.is_none(),
        liquidity: Usd(dec!(50000)),
        taker_fee_rate: Decimal::ZERO,
        winning_outcome: winner,
        resolution_unknown: false,
    }
}

fn trade(w: &Wallet, m: &MarketInfo, side: Side, price: Decimal, size: Decimal, at: i64, tx: u32) -> Trade {
    Trade {
        wallet: w.clone(),
        side,
        asset: m.token_ids[0].clone(),
        condition_id: m.condition_id.clone(),
        size: Shares(size),
        price: Price(price),
        timestamp: from_secs(at),
        transaction_hash: format!("0x{tx:064x}"),
        outcome: "Yes".into(),
        outcome_index: Some(0),
        title: String::new(),
        slug: String::new(),
    }
}

fn leader(w: &Wallet, at: Timestamp) -> Leader {
    Leader { wallet: w.clone(), score: 1.0, roi: 0.5, allocation: Decimal::ONE, since: at, judged_at: at }
}

fn config() -> Config {
    let mut c = Config::default();
    c.trading.starting_balance = Usd(dec!(1000));
    c
}

fn options() -> ReplayOptions {
    ReplayOptions {
        detect_every: None,
        from: from_secs(T0),
        to: from_secs(T0 + 3 * 86_400),
        latency: Span::milliseconds(1120),
        mode_every: Span::seconds(3600),
        record_decisions: true,
    }
}

#[test]
fn a_copy_fills_at_the_price_others_paid_after_us_and_settles_at_resolution() {
    let (lead, other) = (wallet(1), wallet(2));
    let won = market(1, Some(0));
    let mut data = TradesVenueData::default();
    data.add_market(won.clone(), Some(from_secs(T0 + 2 * 86_400)));
    // Someone else bought two seconds after the leader, at a higher price: that is ours.
    data.add_trades(&[trade(&other, &won, Side::Buy, dec!(0.42), dec!(100), T0 + 3602, 9)]);
    let trades = vec![trade(&lead, &won, Side::Buy, dec!(0.40), dec!(200), T0 + 3600, 1)];
    data.add_trades(&trades);
    let venue = TradesVenue::new(data, dec!(0.01), Span::seconds(60));
    let report = replay(&venue, &[ReplayLeader { leader: leader(&lead, from_secs(T0)), trades }], &config(), &options());
    let l = &report.leaders[0];
    assert_eq!((l.signals, l.copies), (1, 1), "{l:?}");
    assert!((l.mean_slippage - 0.05).abs() < 1e-9, "paid 0.42 against the leader's 0.40: {}", l.mean_slippage);
    let r = &l.records[0];
    assert!(r.closed, "settled at resolution");
    // bought at 0.42, paid 1 per share at resolution
    let shares = r.cost.0 / dec!(0.42);
    assert_eq!(r.pnl.0.round_dp(4), (shares - r.cost.0).round_dp(4));
    assert!(report.pnl().0 > Decimal::ZERO);
    assert_eq!(report.decisions.len(), 1);
    assert_eq!(report.decisions[0].refused, None);
}

#[test]
fn without_a_later_trade_the_copy_pays_the_spread_and_a_price_that_ran_away_is_not_chased() {
    let (lead, other) = (wallet(1), wallet(2));
    let (open, jumped) = (market(2, None), market(5, None));
    let mut data = TradesVenueData::default();
    data.add_market(open.clone(), None);
    data.add_market(jumped.clone(), None);
    // In the second market the price jumped to 0.60 a second after the leader bought at 0.50,
    // before our order arrives: the book we see has moved past the drift the copier accepts.
    data.add_trades(&[trade(&other, &jumped, Side::Buy, dec!(0.60), dec!(100), T0 + 121, 9)]);
    let trades = vec![
        trade(&lead, &open, Side::Buy, dec!(0.50), dec!(100), T0 + 60, 1),
        trade(&lead, &jumped, Side::Buy, dec!(0.50), dec!(100), T0 + 120, 2),
    ];
    data.add_trades(&trades);
    let venue = TradesVenue::new(data, dec!(0.02), Span::seconds(60));
    let report = replay(&venue, &[ReplayLeader { leader: leader(&lead, from_secs(T0)), trades }], &config(), &options());
    let l = &report.leaders[0];
    assert_eq!(l.copies, 1, "{l:?}");
    assert_eq!(l.refusals.get("price_drift"), Some(&1), "{l:?}");
    assert!((l.mean_slippage - 0.04).abs() < 1e-9, "half spread 0.02 on 0.50 = 4%: {}", l.mean_slippage);
    assert!(!l.records[0].closed, "still open: marked");
}

#[test]
fn trades_in_unknown_markets_are_skipped_with_the_token_named_and_the_rest_go_on() {
    let lead = wallet(1);
    let (known, unknown) = (market(3, Some(0)), market(4, None));
    let mut data = TradesVenueData::default();
    data.add_market(known.clone(), None);
    let trades = vec![
        trade(&lead, &unknown, Side::Buy, dec!(0.30), dec!(100), T0 + 60, 1),
        trade(&lead, &known, Side::Buy, dec!(0.30), dec!(100), T0 + 120, 2),
    ];
    data.add_trades(&trades);
    let venue = TradesVenue::new(data, dec!(0.01), Span::seconds(60));
    let report = replay(&venue, &[ReplayLeader { leader: leader(&lead, from_secs(T0)), trades }], &config(), &options());
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    assert!(report.skipped[0].contains(&unknown.token_ids[0]), "{:?}", report.skipped);
    let l = &report.leaders[0];
    assert_eq!((l.signals, l.copies), (2, 1));
    assert_eq!(l.refusals.get("unknown_market"), Some(&1));
}

#[test]
fn an_empty_history_replays_to_nothing_and_keeps_the_balance() {
    let venue = TradesVenue::new(TradesVenueData::default(), dec!(0.01), Span::seconds(60));
    let report = replay(&venue, &[ReplayLeader { leader: leader(&wallet(1), from_secs(T0)), trades: vec![] }], &config(), &options());
    assert_eq!(report.signals(), 0);
    assert_eq!(report.final_equity, Usd(dec!(1000)));
    assert!(report.leaders[0].records.is_empty());
}
