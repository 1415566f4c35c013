//! Per-trade replay cost: one leader's trades through decide, the fill model and the booking.

use copycat_backtest::{ReplayLeader, ReplayOptions, TradesVenue, TradesVenueData, replay};
use copycat_core::Config;
use copycat_core::market::MarketInfo;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::records::Leader;
use copycat_core::time::{Span, from_secs};
use copycat_core::trade::{Side, Trade, Wallet};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use std::hint::black_box;

const T0: i64 = 1_772_409_600;
const TRADES: usize = 1000;

fn setup() -> (TradesVenue, Vec<ReplayLeader>, Config, ReplayOptions) {
    let w = Wallet::parse("0x1111111111111111111111111111111111111111").unwrap();
    let mut data = TradesVenueData::default();
    let mut trades = Vec::new();
    for m in 0..20u32 {
        let info = MarketInfo {
            condition_id: format!("0x{m:064x}"),
            question: String::new(),
            category: "bench".into(),
            token_ids: vec![format!("{}", 100 + 2 * m), format!("{}", 101 + 2 * m)],
            outcomes: vec!["Yes".into(), "No".into()],
            tick_size: Price(Decimal::new(1, 2)),
            min_order_size: Shares(Decimal::new(5, 0)),
            end_date: Some(from_secs(T0 + 40 * 86_400)),
            accepting_orders: false,
            liquidity: Usd(Decimal::new(50_000, 0)),
            taker_fee_rate: Decimal::ZERO,
            winning_outcome: Some((m % 2) as usize),
            resolution_unknown: false,
        };
        data.add_market(info, Some(from_secs(T0 + 31 * 86_400)));
    }
    for i in 0..TRADES {
        let m = (i % 20) as u32;
        let side = if i % 3 == 2 { Side::Sell } else { Side::Buy };
        trades.push(Trade {
            wallet: w.clone(),
            side,
            asset: format!("{}", 100 + 2 * m),
            condition_id: format!("0x{m:064x}"),
            size: Shares(Decimal::new(50, 0)),
            price: Price(Decimal::new(30 + (i % 40) as i64, 2)),
            timestamp: from_secs(T0 + (i as i64) * 2400),
            transaction_hash: format!("0x{i:064x}"),
            outcome: String::new(),
            outcome_index: Some(0),
            title: String::new(),
            slug: String::new(),
        });
    }
    data.add_trades(&trades);
    let leader = Leader { wallet: w, score: 1.0, roi: 0.5, allocation: Decimal::ONE, since: from_secs(T0), judged_at: from_secs(T0) };
    let mut config = Config::default();
    config.trading.starting_balance = Usd(Decimal::new(5000, 0));
    let opts = ReplayOptions {
        detect_every: None,
        from: from_secs(T0),
        to: from_secs(T0 + 30 * 86_400),
        latency: Span::milliseconds(1120),
        mode_every: Span::seconds(3600),
        record_decisions: false,
    };
    (TradesVenue::new(data, Decimal::new(1, 2), Span::seconds(60)), vec![ReplayLeader { leader, trades }], config, opts)
}

fn bench(c: &mut Criterion) {
    let (venue, leaders, config, opts) = setup();
    let mut g = c.benchmark_group("replay");
    g.throughput(Throughput::Elements(TRADES as u64));
    g.bench_function("one_leader_1000_trades_30_days", |b| b.iter(|| black_box(replay(&venue, &leaders, &config, &opts))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
