//! Prints what a seed's world holds: population by kind, trades, realised PnL, what core's bot
//! filter and quality floor make of each kind at the demo's start, each kind's ground-truth
//! follower edge (mean return per dollar copied at `follower_latency_ms`), and the leaderboards.
//!
//! `cargo run --release -p copycat-sim --example census -- [seed]`

use copycat_core::botfilter::{Verdict, classify_wallet};
use copycat_core::config::{BotFilterConfig, QualityConfig};
use copycat_core::market::LeaderboardWindow;
use copycat_core::quality::assess_leader;
use copycat_sim::{SimParams, SimWorld, WalletKind};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let seed = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(7);
    let params = SimParams { seed, ..SimParams::default() };
    let started = Instant::now();
    let world = SimWorld::generate(params.clone());
    let took = started.elapsed();
    let end = params.end();

    #[derive(Default)]
    struct Tally {
        wallets: usize,
        skilled: usize,
        trades: usize,
        pnl: f64,
        positive: usize,
        days_traded: f64,
        said_bot: usize,
        said_human: usize,
        passes_quality: usize,
        follower_edge: f64,
        copyable: usize,
    }
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let span_days = f64::from(params.history_days + params.days);
    for w in world.wallets() {
        let Some(truth) = world.truth(w) else { continue };
        let label = match truth.kind {
            WalletKind::Human(style) => format!("human {style:?} {}", if truth.skilled { "skilled" } else { "unskilled" }),
            WalletKind::Bot(kind) => format!("bot {kind:?} {}", if truth.skilled { "skilled" } else { "unskilled" }),
        };
        let trades = world.trades_of(w);
        let orders = {
            let mut txs: Vec<&str> = trades.iter().map(|t| t.transaction_hash.as_str()).collect();
            txs.dedup();
            txs.len()
        };
        let pnl = world.realized_pnl_between(w, None, end).to_f64();
        // What the bot-filter handler would see at the demo's start: 30 days, at most 2,000 rows.
        let seen = world.trades_since(w, Some(params.start - chrono::TimeDelta::days(30)), 2000, params.start).unwrap_or_default();
        let positions = world.positions_at(w, params.start).unwrap_or_default();
        let verdict = classify_wallet(w, &seen, &BotFilterConfig::default()).verdict;
        let quality = assess_leader(&seen, &positions, &QualityConfig::default());
        let t = by_kind.entry(label).or_default();
        t.said_bot += (verdict == Verdict::Bot) as usize;
        t.said_human += (verdict == Verdict::Human) as usize;
        t.passes_quality += (verdict == Verdict::Human && quality.passes) as usize;
        if std::env::var_os("CENSUS_REASONS").is_some() && truth.skilled && verdict == Verdict::Human && !quality.passes {
            println!("{} {:?}: {:?} (score {:.2})", w.short(), truth.kind, quality.reasons, quality.score);
        }
        t.follower_edge += truth.follower_edge;
        t.copyable += (truth.follower_edge > 0.0) as usize;
        t.wallets += 1;
        t.skilled += truth.skilled as usize;
        t.trades += trades.len();
        t.pnl += pnl;
        t.positive += (pnl > 0.0) as usize;
        t.days_traded += orders as f64 / span_days;
    }
    println!(
        "seed {seed}: generated in {:.1} ms, {} markets, {} wallets, {} trades",
        took.as_secs_f64() * 1e3,
        world.markets().len(),
        world.wallets().len(),
        world.trade_count()
    );
    println!("follower latency {} ms (edge = mean return per $ copied, whole period)", params.follower_latency_ms);
    println!(
        "{:<34} {:>7} {:>8} {:>11} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "kind", "wallets", "trades", "orders/day", "mean pnl", "pnl > 0", "=bot", "=human", "=leader", "edge", "edge > 0"
    );
    for (k, t) in &by_kind {
        let n = t.wallets as f64;
        println!(
            "{:<34} {:>7} {:>8} {:>11.1} {:>9.0} {:>9} {:>8} {:>8} {:>8} {:>+8.3} {:>8}",
            k,
            t.wallets,
            t.trades,
            t.days_traded / n,
            t.pnl / n,
            t.positive,
            t.said_bot,
            t.said_human,
            t.passes_quality,
            t.follower_edge / n,
            t.copyable
        );
    }
    for (window, at) in [(LeaderboardWindow::Week, params.start), (LeaderboardWindow::Month, params.start), (LeaderboardWindow::All, end)] {
        let board = world.leaderboard_at(window, 20, at);
        let line: Vec<String> = board
            .iter()
            .map(|e| {
                let t = world.truth(&e.wallet).map(|t| match t.kind {
                    WalletKind::Human(_) if t.skilled => "H+",
                    WalletKind::Human(_) => "H-",
                    WalletKind::Bot(_) => "B",
                });
                format!("{}:{:.0}", t.unwrap_or("?"), e.pnl.to_f64())
            })
            .collect();
        println!("top 20 {:?} at {}: {}", window, at.format("%Y-%m-%d"), line.join(" "));
    }
    let resolved_in_history = world.markets().iter().filter(|m| m.end_date <= params.start).count();
    let resolved_in_demo = world.markets().iter().filter(|m| m.end_date > params.start && m.end_date <= end).count();
    println!(
        "markets resolved in history {resolved_in_history}, in demo {resolved_in_demo}, open at end {}",
        world.markets().len() - resolved_in_history - resolved_in_demo
    );
    let mut spreads = Vec::new();
    for m in world.markets() {
        for h in 0..(24 * 28) {
            let at = params.history_start() + chrono::TimeDelta::hours(h);
            if m.is_open_at(at) {
                let b = m.book_at(0, at);
                if let (Some(bid), Some(ask)) = (b.best_bid(), b.best_ask()) {
                    spreads.push(((ask.0 - bid.0) * rust_decimal::Decimal::ONE_HUNDRED).to_string());
                }
            }
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in spreads {
        *counts.entry(s).or_default() += 1;
    }
    println!("spread (cents) distribution: {counts:?}");
}
