//! The generated world: determinism, trade shapes, books, population, realised PnL, leaderboard.

use chrono::TimeDelta;
use copycat_core::market::LeaderboardWindow;
use copycat_core::trade::{Side, Trade};
use copycat_core::{Timestamp, Wallet};
use copycat_sim::{BotKind, HumanStyle, SimParams, SimWorld, WalletKind, WalletTruth};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// The default world (what the demo uses), generated once for every test in this file.
fn world() -> Arc<SimWorld> {
    static WORLD: OnceLock<Arc<SimWorld>> = OnceLock::new();
    WORLD.get_or_init(|| Arc::new(SimWorld::generate(SimParams::default()))).clone()
}

fn small(seed: u64) -> SimParams {
    SimParams { seed, history_days: 5, days: 2, wallets: 30, markets: 16, ..SimParams::default() }
}

fn wallets_where(world: &SimWorld, keep: impl Fn(WalletTruth) -> bool) -> Vec<Wallet> {
    world.wallets().iter().filter(|w| world.truth(w).is_some_and(&keep)).cloned().collect()
}

fn fingerprint(world: &SimWorld) -> String {
    let mut out = String::new();
    for w in world.wallets() {
        out.push_str(&serde_json::to_string(&(w, world.truth(w), world.trades_of(w))).unwrap_or_default());
    }
    let at = world.params().start;
    for m in world.markets() {
        out.push_str(&serde_json::to_string(&(m.info_at(at), m.winner, m.book_at(0, at), m.book_at(1, at))).unwrap_or_default());
    }
    out.push_str(&serde_json::to_string(&world.leaderboard_at(LeaderboardWindow::All, 100, world.params().end())).unwrap_or_default());
    out
}

/// Distinct orders (transactions) of a trade list.
fn orders(trades: &[Trade]) -> Vec<&Trade> {
    let mut seen = BTreeSet::new();
    trades.iter().filter(|t| seen.insert(t.transaction_hash.as_str())).collect()
}

#[test]
fn same_seed_gives_a_byte_identical_world() {
    let a = SimWorld::generate(small(11));
    let b = SimWorld::generate(small(11));
    assert!(a.trade_count() > 1_000);
    assert_eq!(fingerprint(&a), fingerprint(&b));
}

#[test]
fn different_seeds_give_different_worlds() {
    let a = SimWorld::generate(small(11));
    let b = SimWorld::generate(small(12));
    assert_ne!(a.wallets(), b.wallets());
    assert_ne!(fingerprint(&a), fingerprint(&b));
}

#[test]
fn default_world_is_sized_like_the_demo_needs() {
    let w = world();
    assert_eq!(w.wallets().len(), 120);
    assert_eq!(w.markets().len(), 60);
    let trades = w.trade_count();
    assert!((50_000..400_000).contains(&trades), "{trades} trades");
    let bots = w.wallets().iter().filter(|x| w.is_bot(x)).count();
    assert_eq!(bots, 36, "30 % of the population are bots");
    let kinds: BTreeSet<WalletKind> = w.wallets().iter().filter_map(|x| w.truth(x)).map(|t| t.kind).collect();
    for kind in BotKind::ALL {
        assert!(kinds.contains(&WalletKind::Bot(kind)), "no {kind:?} bot");
    }
    assert!(kinds.contains(&WalletKind::Human(HumanStyle::Casual)) && kinds.contains(&WalletKind::Human(HumanStyle::Active)));
    assert!(!wallets_where(&w, |t| !t.is_bot() && t.skilled).is_empty());
    assert!(!wallets_where(&w, |t| t.is_bot() && t.skilled).is_empty(), "some bots are profitable by design");
}

#[test]
fn markets_resolve_at_staggered_times_across_history_and_demo() {
    let w = world();
    let p = w.params();
    let in_history = w.markets().iter().filter(|m| m.end_date > p.history_start() && m.end_date <= p.start).count();
    let in_demo = w.markets().iter().filter(|m| m.end_date > p.start && m.end_date <= p.end()).count();
    assert!(in_history >= 10, "{in_history} markets resolve during history");
    assert!(in_demo >= 5, "{in_demo} markets resolve during the demo");
    let categories: BTreeSet<&str> = w.markets().iter().map(|m| m.category.as_str()).collect();
    assert!(categories.len() >= 4, "{categories:?}");
    let fees: BTreeSet<Decimal> = w.markets().iter().map(|m| m.taker_fee_rate).collect();
    assert!(fees.contains(&Decimal::ZERO) && fees.contains(&Decimal::new(2, 2)), "{fees:?}");
    for m in w.markets() {
        assert!(m.condition_id.len() == 66 && m.condition_id.starts_with("0x"));
        for id in &m.token_ids {
            assert!(id.len() >= 70 && id.bytes().all(|b| b.is_ascii_digit()), "token id {id}");
        }
        assert!(m.created_at < m.end_date);
    }
}

#[test]
fn trades_have_whole_seconds_hashes_and_match_their_market() {
    let w = world();
    for wallet in w.wallets().iter().step_by(7) {
        for t in w.trades_of(wallet) {
            assert_eq!(t.timestamp.timestamp_subsec_nanos(), 0, "Data API timestamps are whole seconds");
            assert!(t.transaction_hash.len() == 66 && t.transaction_hash.starts_with("0x"));
            assert!(t.transaction_hash[2..].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
            assert!(t.price.is_tradable() && t.size.is_positive());
            let (m, o) = w.market_of_token(&t.asset).expect("trade on a known token");
            assert_eq!(t.condition_id, m.condition_id);
            assert_eq!(t.outcome_index, Some(o as u32));
            assert_eq!(t.outcome, m.outcomes[o]);
            assert_eq!(t.title, m.question);
            assert!(m.is_open_at(t.timestamp), "no trade outside the market's life");
        }
    }
}

#[test]
fn trades_happen_near_the_book_at_their_time() {
    let w = world();
    let human = wallets_where(&w, |t| !t.is_bot())[0].clone();
    for t in w.trades_of(&human) {
        let (m, o) = w.market_of_token(&t.asset).expect("known token");
        let book = m.book_at(o, t.timestamp);
        let (bid, ask) = (book.best_bid().expect("bid").0, book.best_ask().expect("ask").0);
        match t.side {
            Side::Buy => assert!(t.price.0 >= ask && t.price.0 <= ask + Decimal::new(5, 2), "buy at {} vs ask {ask}", t.price.0),
            Side::Sell => assert!(t.price.0 <= bid && t.price.0 >= bid - Decimal::new(5, 2), "sell at {} vs bid {bid}", t.price.0),
        }
    }
}

#[test]
fn books_are_sorted_best_first_with_a_positive_spread() {
    let w = world();
    let p = w.params();
    let mut spreads = Vec::new();
    for m in w.markets() {
        let mut at = m.created_at.max(p.history_start());
        while at < m.end_date.min(p.end()) {
            let b0 = m.book_at(0, at);
            let b1 = m.book_at(1, at);
            for b in [&b0, &b1] {
                assert!(!b.bids.is_empty() && !b.asks.is_empty());
                assert!(b.bids.windows(2).all(|x| x[0].price > x[1].price), "bids best (highest) first");
                assert!(b.asks.windows(2).all(|x| x[0].price < x[1].price), "asks best (lowest) first");
                assert!(b.bids.iter().chain(&b.asks).all(|l| l.price.is_tradable() && l.size.is_positive()));
                assert!(b.best_bid() < b.best_ask(), "positive spread");
            }
            // One combined book: outcome 1's bid is 1 − outcome 0's ask.
            assert_eq!(b1.best_bid().map(|x| Decimal::ONE - x.0), b0.best_ask().map(|x| x.0));
            spreads.push((b0.best_ask().expect("ask").0 - b0.best_bid().expect("bid").0) * Decimal::ONE_HUNDRED);
            at += TimeDelta::minutes(97);
        }
    }
    spreads.sort();
    let median = spreads[spreads.len() / 2];
    let mean = spreads.iter().sum::<Decimal>() / Decimal::from(spreads.len());
    assert!((Decimal::ONE..=Decimal::new(4, 0)).contains(&spreads[0]) && spreads[spreads.len() - 1] <= Decimal::new(4, 0));
    assert!(median >= Decimal::TWO && median <= Decimal::new(3, 0), "median spread {median} cents");
    assert!(mean > Decimal::new(20, 1) && mean < Decimal::new(29, 1), "mean spread {mean} cents");
}

#[test]
fn a_book_depends_only_on_token_and_second() {
    let w = world();
    let m = &w.markets()[3];
    let at = m.created_at + TimeDelta::hours(5);
    assert_eq!(m.book_at(0, at), m.book_at(0, at));
    let later = m.book_at(0, at + TimeDelta::seconds(1));
    assert_ne!(m.book_at(0, at).bids, later.bids, "depth moves from second to second");
}

#[test]
fn prices_drift_toward_the_outcome_as_resolution_nears() {
    let w = world();
    let ending: Vec<_> = w.markets().iter().filter(|m| m.end_date <= w.params().end()).collect();
    let winner_price = |share_of_life: f64| -> f64 {
        let sum: f64 = ending
            .iter()
            .map(|m| {
                let life = (m.end_date - m.created_at).num_seconds() as f64;
                m.fair_price_at(m.winner, m.created_at + TimeDelta::seconds((life * share_of_life) as i64))
            })
            .sum();
        sum / ending.len() as f64
    };
    let (early, late, last) = (winner_price(0.1), winner_price(0.9), winner_price(0.999));
    assert!(early < late && late < last && last > 0.9, "winner priced {early:.2} → {late:.2} → {last:.2}");
    for m in &ending {
        assert_eq!(m.fair_price_at(m.winner, m.end_date), 1.0);
    }
}

#[test]
fn skilled_humans_profit_and_unskilled_humans_do_not() {
    let w = world();
    let end = w.params().end();
    let pnl = |ws: &[Wallet]| -> Vec<f64> { ws.iter().map(|x| w.realized_pnl_between(x, None, end).to_f64()).collect() };
    let skilled = pnl(&wallets_where(&w, |t| !t.is_bot() && t.skilled));
    let unskilled = pnl(&wallets_where(&w, |t| !t.is_bot() && !t.skilled));
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let positive = |xs: &[f64]| xs.iter().filter(|x| **x > 0.0).count() as f64 / xs.len() as f64;
    assert!(mean(&skilled) > 500.0, "skilled mean {}", mean(&skilled));
    assert!(positive(&skilled) >= 0.8, "skilled positive share {}", positive(&skilled));
    assert!(mean(&unskilled) < 0.0, "unskilled mean {}", mean(&unskilled));
    assert!(positive(&unskilled) < 0.5, "unskilled positive share {}", positive(&unskilled));
}

#[test]
fn skilled_leaders_trade_five_to_forty_times_a_day_while_awake() {
    let w = world();
    let days = f64::from(w.params().history_days + w.params().days);
    // News traders trade only when news breaks: a few times a day at most.
    for x in wallets_where(&w, |t| !t.is_bot() && t.skilled && t.kind != WalletKind::Human(HumanStyle::NewsTrader)) {
        let trades = w.trades_of(&x);
        let per_day = orders(&trades).len() as f64 / days;
        assert!((4.0..=40.0).contains(&per_day), "{x} places {per_day:.1} orders a day");
    }
    for x in wallets_where(&w, |t| !t.is_bot()) {
        let trades = w.trades_of(&x);
        let mut hours = [0usize; 24];
        for t in orders(&trades) {
            hours[(t.timestamp.timestamp().rem_euclid(86_400) / 3600) as usize] += 1;
        }
        let (mut run, mut longest) = (0, 0);
        for h in 0..48 {
            run = if hours[h % 24] == 0 { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        assert!(longest >= 6, "{x} never sleeps: {hours:?}");
        let ts: Vec<i64> = orders(&trades).iter().map(|t| t.timestamp.timestamp()).collect();
        assert!(ts.windows(2).all(|p| p[1] - p[0] >= 20), "{x}: a person's orders are never seconds apart");
    }
}

#[test]
fn bots_trade_around_the_clock_at_machine_rates() {
    let w = world();
    let days = f64::from(w.params().history_days + w.params().days);
    for kind in [BotKind::Metronome, BotKind::MarketMaker, BotKind::MicroFarmer, BotKind::Jittery] {
        for x in wallets_where(&w, |t| t.kind == WalletKind::Bot(kind)) {
            let trades = w.trades_of(&x);
            let hours: BTreeSet<i64> = trades.iter().map(|t| t.timestamp.timestamp().rem_euclid(86_400) / 3600).collect();
            assert_eq!(hours.len(), 24, "{kind:?} {x} trades in every hour");
            assert!(orders(&trades).len() as f64 / days >= 24.0, "{kind:?} {x} trades dozens of times a day");
        }
    }
    for x in wallets_where(&w, |t| t.kind == WalletKind::Bot(BotKind::Metronome)) {
        let ts: Vec<i64> = orders(&w.trades_of(&x)).iter().map(|t| t.timestamp.timestamp()).collect();
        let mut gaps: Vec<i64> = ts.windows(2).map(|p| p[1] - p[0]).collect();
        gaps.sort_unstable();
        let beat = gaps[gaps.len() / 4];
        // Every gap is a whole number of beats (±1 s per beat): a tick it passed on still counts.
        let on_beat = gaps.iter().filter(|g| {
            let k = (**g as f64 / beat as f64).round() as i64;
            k >= 1 && (**g - k * beat).abs() <= 2 * k
        });
        assert!(on_beat.count() * 100 >= gaps.len() * 98, "metronome {x} keeps its beat of {beat} s");
    }
    for x in wallets_where(&w, |t| t.kind == WalletKind::Bot(BotKind::MicroFarmer)) {
        let trades = w.trades_of(&x);
        let dust = trades.iter().filter(|t| t.notional().0 < Decimal::ONE).count();
        assert!(trades.len() >= 2_000 && dust * 10 >= trades.len() * 9, "micro farmer: {dust} of {} under $1", trades.len());
    }
    for x in wallets_where(&w, |t| t.kind == WalletKind::Bot(BotKind::MarketMaker)) {
        let trades = w.trades_of(&x);
        let mut sides: BTreeMap<&str, BTreeSet<(u32, Side)>> = BTreeMap::new();
        for t in &trades {
            sides.entry(t.condition_id.as_str()).or_default().insert((t.outcome_index.unwrap_or(0), t.side));
        }
        assert!(sides.values().filter(|s| s.len() >= 3).count() >= 3, "market maker quotes both sides of its markets");
    }
    for x in wallets_where(&w, |t| t.kind == WalletKind::Bot(BotKind::Scalper)) {
        let trades = w.trades_of(&x);
        let sells = trades.iter().filter(|t| t.side == Side::Sell).count();
        assert!(sells * 3 >= trades.len(), "scalper sells what it buys");
    }
}

#[test]
fn humans_sometimes_sweep_several_levels_in_one_order() {
    let w = world();
    let mut sweeps = 0;
    for x in wallets_where(&w, |t| !t.is_bot()) {
        let trades = w.trades_of(&x);
        let mut by_tx: BTreeMap<&str, Vec<&Trade>> = BTreeMap::new();
        for t in &trades {
            by_tx.entry(t.transaction_hash.as_str()).or_default().push(t);
        }
        for fills in by_tx.values().filter(|f| f.len() > 1) {
            sweeps += 1;
            assert!(fills.iter().all(|f| f.timestamp == fills[0].timestamp && f.asset == fills[0].asset && f.side == fills[0].side));
            let prices: Vec<Decimal> = fills.iter().map(|f| f.price.0).collect();
            match fills[0].side {
                Side::Buy => assert!(prices.windows(2).all(|p| p[0] < p[1]), "a buy walks up the asks"),
                Side::Sell => assert!(prices.windows(2).all(|p| p[0] > p[1]), "a sell walks down the bids"),
            }
        }
    }
    assert!(sweeps >= 20, "{sweeps} sweeps");
}

#[test]
fn humans_round_their_sizes() {
    let w = world();
    let round = [10, 25, 50, 100, 200].map(Decimal::from);
    for x in wallets_where(&w, |t| !t.is_bot()).iter().take(20) {
        let trades = w.trades_of(x);
        let buys: Vec<&Trade> = orders(&trades).into_iter().filter(|t| t.side == Side::Buy).collect();
        let rounded = buys
            .iter()
            .filter(|o| {
                let fills: Vec<&Trade> = trades.iter().filter(|t| t.transaction_hash == o.transaction_hash).collect();
                let shares: Decimal = fills.iter().map(|t| t.size.0).sum();
                let dollars: Decimal = fills.iter().map(|t| t.notional().0).sum();
                round.contains(&shares) || round.iter().any(|r| (dollars - r).abs() <= Decimal::new(5, 2) + r * Decimal::new(5, 2))
            })
            .count();
        assert!(rounded * 10 >= buys.len() * 9, "{x} ({:?}): {rounded} of {} buys are round", w.truth(x).map(|t| t.kind), buys.len());
    }
}

#[test]
fn some_bots_rank_on_the_leaderboard() {
    let w = world();
    let p = w.params();
    for (window, at) in [(LeaderboardWindow::Week, p.start), (LeaderboardWindow::Month, p.start), (LeaderboardWindow::All, p.end())] {
        let board = w.leaderboard_at(window, 25, at);
        let bots = board.iter().filter(|e| w.is_bot(&e.wallet)).count();
        assert!(bots >= 1, "{window:?}: no bot in the top 25");
        assert!(bots < board.len() / 2, "{window:?}: people lead the board");
    }
}

#[test]
fn leaderboard_ranks_from_one_by_descending_pnl() {
    let w = world();
    let board = w.leaderboard_at(LeaderboardWindow::Month, 50, w.params().start);
    assert_eq!(board.len(), 50);
    for (i, e) in board.iter().enumerate() {
        assert_eq!(e.rank as usize, i + 1);
        assert!(!e.name.is_empty());
    }
    assert!(board.windows(2).all(|x| x[0].pnl >= x[1].pnl));
    let day = w.leaderboard_at(LeaderboardWindow::Day, 500, w.params().start);
    let all = w.leaderboard_at(LeaderboardWindow::All, 500, w.params().start);
    assert!(day.len() < all.len(), "fewer wallets realise PnL in a day than ever");
}

#[test]
fn realised_pnl_of_positions_adds_up_to_the_leaderboard() {
    let w = world();
    let at: Timestamp = w.params().start + TimeDelta::hours(30);
    let board = w.leaderboard_at(LeaderboardWindow::All, 200, at);
    for e in board.iter().step_by(5) {
        let positions = w.positions_at(&e.wallet, at).expect("known wallet");
        let sum: Decimal = positions.iter().map(|p| p.realized_pnl.0).sum();
        assert!((sum - e.pnl.0).abs() < Decimal::new(1, 3), "{}: positions {sum} vs board {}", e.wallet, e.pnl.0);
        for p in &positions {
            assert_eq!(p.closed, p.size.0.is_zero() || w.market_of_token(&p.token_id).is_some_and(|(m, _)| m.is_resolved_at(at)));
            if p.closed {
                assert!(p.unrealized_pnl.0.is_zero());
            }
        }
    }
}

#[test]
fn demo_config_maps_to_one_data_api_outage_after_start() {
    let demo = copycat_core::config::DemoConfig::default();
    let start = SimParams::default().start;
    let p = SimParams::from_demo_config(&demo, start);
    assert_eq!((p.seed, p.days, p.wallets, p.markets), (demo.seed, demo.days, demo.wallets, demo.markets));
    assert_eq!(p.outages.len(), 1);
    let o = &p.outages[0];
    assert_eq!(o.dependency, copycat_core::dependency::Dependency::DataApi);
    assert_eq!(o.start, start + TimeDelta::hours(60));
    assert_eq!(o.end, o.start + TimeDelta::minutes(6));
    let none = SimParams::from_demo_config(&copycat_core::config::DemoConfig { outage_minutes: 0, ..demo }, start);
    assert!(none.outages.is_empty());
}

#[test]
fn copyable_leaders_have_a_follower_edge_and_uncopyable_ones_do_not() {
    let w = world();
    let mean_edge = |style: HumanStyle, skilled: bool| {
        let ws = wallets_where(&w, |t| t.kind == WalletKind::Human(style) && t.skilled == skilled);
        assert!(!ws.is_empty(), "no {style:?} in the default world");
        ws.iter().filter_map(|x| w.truth(x)).map(|t| t.follower_edge).sum::<f64>() / ws.len() as f64
    };
    let copyable = mean_edge(HumanStyle::Active, true).min(mean_edge(HumanStyle::Casual, true));
    assert!(copyable > 0.1, "slow information edge carries to a follower: {copyable}");
    for style in [HumanStyle::NewsTrader, HumanStyle::LimitMaker] {
        let edge = mean_edge(style, true);
        assert!(edge < 0.0, "{style:?}: a follower earns {edge}");
    }
    // Luck is realised, not expected: near zero on one seed, far below the copyable.
    let lucky = mean_edge(HumanStyle::Lucky, false);
    assert!(lucky < copyable / 4.0, "lucky: a follower earns {lucky}");
    for x in
        wallets_where(&w, |t| t.kind == WalletKind::Human(HumanStyle::NewsTrader) || t.kind == WalletKind::Human(HumanStyle::LimitMaker))
    {
        assert!(w.realized_pnl_between(&x, None, w.params().end()).to_f64() > 0.0, "{x} profits itself, though a follower would not");
    }
}

#[test]
fn a_fading_leader_is_worth_less_to_follow_after_its_skill_ends() {
    let w = world();
    let fading = wallets_where(&w, |t| t.kind == WalletKind::Human(HumanStyle::Fading));
    assert!(!fading.is_empty());
    let (mut before, mut after) = (0.0, 0.0);
    for x in &fading {
        let until = w.truth(x).and_then(|t| t.skilled_until).expect("a fading leader knows when its skill ends");
        before += w.follower_edge_between(x, w.params().history_start(), until).unwrap().0;
        after += w.follower_edge_between(x, until, w.params().end()).unwrap().0;
    }
    assert!(before > after + 0.1 * fading.len() as f64, "edge before {before:.2}, after {after:.2}");
}
