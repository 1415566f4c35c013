//! Hot-path decisions: one signal decided on in-memory state (approved path), the risk checks
//! alone, and the signal key.

use copycat_core::config::Config;
use copycat_core::decision::{DecisionInput, check_risk, decide};
use copycat_core::market::{Book, BookLevel, MarketInfo};
use copycat_core::records::{Leader, PortfolioState};
use copycat_core::signal::{SignalKey, signal_key};
use copycat_core::time::{Span, from_secs};
use copycat_core::{Price, Shares, Side, Trade, Usd, Wallet};
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal_macros::dec;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cfg = Config::default();
    let wallet = Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap();
    let now = from_secs(1_800_000_000);
    let trade = Trade {
        wallet: wallet.clone(),
        side: Side::Buy,
        asset: "71321045679252212594626385532706912750332728571942532289631379312455583992563".into(),
        condition_id: format!("0x{}", "c".repeat(64)),
        size: Shares(dec!(100)),
        price: Price(dec!(0.50)),
        timestamp: now - Span::seconds(1),
        transaction_hash: format!("0x{}", "a".repeat(64)),
        outcome: "Yes".into(),
        outcome_index: Some(0),
        title: "t".into(),
        slug: "s".into(),
    };
    let leader = Leader { wallet, score: 0.8, roi: 0.4, allocation: dec!(1), since: now, judged_at: now };
    let market = MarketInfo {
        condition_id: trade.condition_id.clone(),
        question: "q".into(),
        category: "politics".into(),
        token_ids: vec![trade.asset.clone(), "2".into()],
        outcomes: vec!["Yes".into(), "No".into()],
        tick_size: Price(dec!(0.01)),
        min_order_size: Shares(dec!(5)),
        end_date: Some(now + Span::days(5)),
        accepting_orders: true,
        liquidity: Usd(dec!(50000)),
        taker_fee_rate: dec!(0.02),
        winning_outcome: None,
        resolution_unknown: false,
    };
    let book = Book {
        token_id: trade.asset.clone(),
        bids: vec![BookLevel { price: Price(dec!(0.50)), size: Shares(dec!(500)) }],
        asks: vec![BookLevel { price: Price(dec!(0.51)), size: Shares(dec!(500)) }],
        at: Some(now),
    };
    let portfolio = PortfolioState::new(Usd(dec!(100)), now);
    let key = SignalKey("k".into());
    let input = DecisionInput {
        key: &key,
        trade: &trade,
        now,
        stopped: false,
        open_breaker: None,
        leader: Some(&leader),
        market: &market,
        book: &book,
        portfolio: &portfolio,
        position: None,
        tier: cfg.modes.tier("BALANCED").unwrap(),
        leader_held_before: None,
    };
    assert!(matches!(decide(&input, &cfg), copycat_core::decision::Decision::Place(_)), "bench must time the approved path");
    c.bench_function("decide_one_signal_approved_path", |b| b.iter(|| decide(black_box(&input), black_box(&cfg))));
    c.bench_function("risk_checks_approved_path", |b| b.iter(|| check_risk(black_box(&input), black_box(&cfg))));
    c.bench_function("signal_key_hash", |b| b.iter(|| signal_key(black_box(&trade))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
