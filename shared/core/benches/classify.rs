//! Parsing Data API rows and classifying a wallet: both sit on the bot-filter's hot path.
//!
//! Budgets: one row into a validated `Trade` under 2 µs; a 1,000-trade wallet classified
//! under 1 ms. The same wallet judged again with the markets' trades around its orders (every
//! window a full read) is measured beside it.

use copycat_core::botfilter::{TapeWindow, classify_wallet, classify_wallet_with_tape, tape_requests};
use copycat_core::config::BotFilterConfig;
use copycat_core::datapi::{parse_trade_row, parse_trades_document};
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use serde_json::json;
use std::hint::black_box;

const TOKEN: &str = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
const CONDITION: &str = "0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917";
const TX: &str = "0x6e3e1f4a2b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80";

fn parse_rows(c: &mut Criterion) {
    let v2 = json!({
        "proxy_wallet": "0x56687bf447db6ffa42ffe2204a05edaa20f55839", "side": "BUY",
        "token_id": TOKEN, "condition_id": CONDITION, "size": "104.5", "price": "0.537",
        "timestamp": 1_790_000_000, "transaction_hash": TX, "outcome": "Yes", "outcome_index": 0,
        "title": "Will the Fed cut rates in December?", "slug": "fed-cuts-rates-december"
    });
    let v1 = json!({
        "proxyWallet": "0x56687BF447DB6FFA42FFE2204A05EDAA20F55839", "side": "SELL", "asset": TOKEN,
        "conditionId": CONDITION, "size": 104.5, "price": 0.537, "timestamp": 1_790_000_000,
        "title": "Will the Fed cut rates in December?", "slug": "fed-cuts-rates-december",
        "eventSlug": "fed-december", "outcome": "No", "outcomeIndex": 1, "name": "",
        "pseudonym": "Calm-Otter", "transactionHash": TX
    });
    c.bench_function("parse_one_trade_row_v2", |b| b.iter(|| parse_trade_row(black_box(&v2)).unwrap()));
    c.bench_function("parse_one_trade_row_v1", |b| b.iter(|| parse_trade_row(black_box(&v1)).unwrap()));
    // Text to trades, JSON parsing included: divide by 100 for a per-row figure.
    let text = json!({"data": vec![v2.clone(); 100], "pagination": {"has_more": false}}).to_string();
    c.bench_function("parse_trades_document_100_rows_v2", |b| b.iter(|| parse_trades_document(black_box(&text)).unwrap()));
}

/// A fixed-seed draw in `0..n` (a 64-bit LCG's high bits): the same inputs on every run.
fn draws(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |n| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    }
}

/// A mixed 1,000-fill history: sessions of buys across 40 markets, sells of earlier buys,
/// some multi-fill sweeps — every code path of the classifier is exercised.
fn history(wallet: &Wallet) -> Vec<Trade> {
    let mut next = draws(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::with_capacity(1000);
    let mut ts = 1_788_220_800i64;
    let mut i = 0;
    while out.len() < 1000 {
        ts += 30 + next(3000) as i64;
        let market = next(40);
        let side = if next(3) == 0 { Side::Sell } else { Side::Buy };
        let fills = 1 + next(3);
        for level in 0..fills {
            out.push(Trade {
                wallet: wallet.clone(),
                side,
                asset: format!("{TOKEN}{}", market * 2 + next(2)),
                condition_id: format!("0x{market:064x}"),
                size: Shares(Decimal::from(5 + next(300))),
                price: Price(Decimal::new(20 + next(60) as i64 + level as i64, 2)),
                timestamp: from_secs(ts),
                transaction_hash: format!("0x{i:064x}"),
                outcome: String::new(),
                outcome_index: None,
                title: String::new(),
                slug: String::new(),
            });
        }
        i += 1;
    }
    out.truncate(1000);
    out.reverse(); // newest first, as the API returns them
    out
}

fn classify(c: &mut Criterion) {
    let wallet = Wallet::parse("0x56687bf447db6ffa42ffe2204a05edaa20f55839").unwrap();
    let trades = history(&wallet);
    let cfg = BotFilterConfig::default();
    c.bench_function("classify_wallet_1000_trades", |b| {
        b.iter(|| classify_wallet(black_box(&wallet), black_box(&trades), black_box(&cfg)))
    });
}

/// The markets' trades around each order the filter asks about, every window a full read
/// (`trail_window_limit` trades): other wallets in the same token on both sides across the
/// window, and a few of them seconds before each order, as followers or a rush would be. With
/// `leader`, each window is read whole (a hundred rows fewer) and the leader traded the same
/// token and side three minutes before the order, so the poll timer is read too.
fn tape(wallet: &Wallet, trades: &[Trade], cfg: &BotFilterConfig, leader: Option<&Wallet>) -> Vec<TapeWindow> {
    let others: Vec<Wallet> = (0..80u64).map(|i| Wallet::parse(&format!("0x{:040x}", 0xabc0_0000 + i)).unwrap()).collect();
    let mut next = draws(0x2545_f491_4f6c_dd1d);
    tape_requests(wallet, trades, cfg)
        .into_iter()
        .enumerate()
        .map(|(w, request)| {
            let from = request.from.timestamp();
            let span = (request.to.timestamp() - from) as u64 + 1;
            let at = request.at.timestamp();
            let rows = cfg.trail_window_limit as u64 - if leader.is_some() { 100 } else { 0 };
            let mut rows: Vec<Trade> = (0..rows)
                .map(|k| {
                    // A tenth of the rows come in the five seconds before the order.
                    let ts = if k % 10 == 0 { at - 1 - next(5) as i64 } else { from + next(span) as i64 };
                    let (first, ts) = match leader {
                        Some(l) if k == 1 => (Some(l), at - 180),
                        _ => (None, ts),
                    };
                    Trade {
                        wallet: first.unwrap_or(&others[next(others.len() as u64) as usize]).clone(),
                        side: match (if first.is_some() { 0 } else { next(2) }, request.side) {
                            (0, side) => side,
                            (_, Side::Buy) => Side::Sell,
                            (_, Side::Sell) => Side::Buy,
                        },
                        asset: request.asset.clone(),
                        condition_id: request.condition_id.clone(),
                        size: Shares(Decimal::from(5 + next(500))),
                        price: Price(Decimal::new(20 + next(60) as i64, 2)),
                        timestamp: from_secs(ts),
                        transaction_hash: format!("0x{w:032x}{k:032x}"),
                        outcome: String::new(),
                        outcome_index: None,
                        title: String::new(),
                        slug: String::new(),
                    }
                })
                .collect();
            rows.sort_by_key(|t| t.timestamp);
            TapeWindow { request, trades: rows }
        })
        .collect()
}

fn classify_with_tape(c: &mut Criterion) {
    let wallet = Wallet::parse("0x56687bf447db6ffa42ffe2204a05edaa20f55839").unwrap();
    let trades = history(&wallet);
    let cfg = BotFilterConfig::default();
    let windows = tape(&wallet, &trades, &cfg, None);
    assert_eq!(windows.len(), cfg.trail_windows as usize);
    c.bench_function("classify_wallet_1000_trades_with_full_tape", |b| {
        b.iter(|| classify_wallet_with_tape(black_box(&wallet), black_box(&trades), black_box(&windows), black_box(&cfg)))
    });
    // Behind one leader in every window: the poll timer is read over the latest orders.
    let leader = Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap();
    let windows = tape(&wallet, &trades, &cfg, Some(&leader));
    let read = classify_wallet_with_tape(&wallet, &trades, &windows, &cfg);
    assert_eq!(read.features.poll_orders, cfg.max_poll_orders as usize, "{:?}", read.features);
    c.bench_function("classify_wallet_1000_trades_behind_one_leader_with_the_poll_timer", |b| {
        b.iter(|| classify_wallet_with_tape(black_box(&wallet), black_box(&trades), black_box(&windows), black_box(&cfg)))
    });
}

criterion_group!(benches, parse_rows, classify, classify_with_tape);
criterion_main!(benches);
