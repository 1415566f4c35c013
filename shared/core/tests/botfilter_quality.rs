//! Bot-filter features and leader quality on small hand-made histories.

use copycat_core::botfilter::{BotKind, TapeWindow, Verdict, classify_all, classify_wallet, classify_wallet_with_tape, wants_tape};
use copycat_core::config::{BotFilterConfig, QualityConfig};
use copycat_core::market::WalletPosition;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::quality::assess_leader;
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// The venue's answers to the filter's windows of market trades, as the holdouts use them.
#[allow(dead_code)]
mod holdout_measure;

use holdout_measure::Tape;

const DAY: i64 = 86_400;
/// 2026-09-01T00:00:00Z.
const T0: i64 = 1_788_220_800;

fn wallet(n: u8) -> Wallet {
    Wallet::parse(&format!("0x{}", format!("{n:02x}").repeat(20))).unwrap()
}

fn cond(market: u32) -> String {
    format!("0x{market:064x}")
}

/// Token `outcome` (0 or 1) of `market`.
fn token(market: u32, outcome: u32) -> String {
    format!("{}", 1_000_000 + market * 10 + outcome)
}

#[allow(clippy::too_many_arguments)]
fn fill(w: &Wallet, ts: i64, side: Side, market: u32, outcome: u32, size: Decimal, price: Decimal, tx: &str) -> Trade {
    Trade {
        wallet: w.clone(),
        side,
        asset: token(market, outcome),
        condition_id: cond(market),
        size: Shares(size),
        price: Price(price),
        timestamp: from_secs(ts),
        transaction_hash: tx.to_owned(),
        outcome: if outcome == 0 { "Yes".into() } else { "No".into() },
        outcome_index: Some(outcome),
        title: format!("Market {market}"),
        slug: format!("market-{market}"),
    }
}

/// A tiny deterministic generator for test histories (no external crates).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() * (hi - lo) as f64) as i64
    }
}

/// A person in UTC+`tz`: 1–3 sessions a day between 08:00 and 23:00 local, a few buys per
/// session with minutes between them, varied sizes, over `days` days.
fn human_history(w: &Wallet, seed: u64, days: i64, tz: i64) -> Vec<Trade> {
    let mut rng = Lcg(seed);
    let mut out = Vec::new();
    let mut n = 0;
    for d in 0..days {
        for _ in 0..rng.range(1, 4) {
            let local_hour = rng.range(8, 22);
            let mut ts = T0 + d * DAY + (local_hour - tz) * 3600 + rng.range(0, 3600);
            for _ in 0..rng.range(1, 5) {
                ts += rng.range(60, 900);
                n += 1;
                let size = Decimal::from(rng.range(5, 400));
                let price = Decimal::new(rng.range(10, 90), 2);
                out.push(fill(w, ts, Side::Buy, rng.range(0, 15) as u32, 0, size, price, &format!("0xh{n}")));
            }
        }
    }
    out
}

fn cfg() -> BotFilterConfig {
    BotFilterConfig::default()
}

// ---------------------------------------------------------------- bot filter

#[test]
fn sweep_of_one_transaction_is_not_subsecond_bot() {
    let w = wallet(1);
    // Every order sweeps four price levels: four fills, one transaction, one timestamp.
    let mut trades = Vec::new();
    for (i, t) in human_history(&w, 7, 8, 0).into_iter().enumerate() {
        for level in 0..4 {
            let mut f = t.clone();
            f.price = Price(t.price.value() + Decimal::new(level, 2));
            f.size = Shares(Decimal::from(10 + i as i64 % 7 + level));
            trades.push(f);
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.fills, 4 * c.features.orders);
    assert_eq!(c.features.subsecond_gaps, 0, "fills of one sweep are not separate reactions");
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn one_order_split_over_two_transactions_in_one_second_is_one_order() {
    let w = wallet(2);
    let mut trades = Vec::new();
    for (i, t) in human_history(&w, 11, 8, 2).into_iter().enumerate() {
        let mut second = t.clone();
        second.transaction_hash = format!("0xsplit{i}");
        second.price = Price(t.price.value() + dec!(0.01));
        trades.push(t);
        trades.push(second);
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.orders * 2, c.features.fills);
    assert_eq!(c.features.subsecond_gaps, 0);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn sustained_subsecond_reactions_across_markets_mark_a_bot() {
    let w = wallet(3);
    let mut rng = Lcg(5);
    let mut trades = Vec::new();
    let mut ts = T0;
    // Reacts to an outside event in three markets within the same second, in separate
    // transactions, ~40 times a day, with human-looking irregular gaps and sizes.
    for i in 0..160 {
        ts += rng.range(60, 4000);
        for m in 0..3u32 {
            let size = Decimal::from(rng.range(10, 300));
            trades.push(fill(&w, ts, Side::Buy, (i % 5) * 3 + m, 0, size, dec!(0.42), &format!("0xr{i}m{m}")));
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.subsecond_share > 0.5, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::HighFrequency));
    assert!(c.reasons[0].contains("sub-second"), "{:?}", c.reasons);
}

#[test]
fn newest_first_rows_give_same_verdict_as_oldest_first() {
    let w = wallet(4);
    let mut rng = Lcg(9);
    // A scalper: buys, sells the same token minutes later, round the clock.
    let mut trades = Vec::new();
    let mut ts = T0;
    for i in 0..120 {
        ts += rng.range(600, 5000);
        let m = (i % 6) as u32;
        let size = Decimal::from(rng.range(50, 500));
        trades.push(fill(&w, ts, Side::Buy, m, 0, size, dec!(0.40), &format!("0xb{i}")));
        let sell_at = ts + rng.range(60, 900);
        trades.push(fill(&w, sell_at, Side::Sell, m, 0, size, dec!(0.41), &format!("0xs{i}")));
        ts = sell_at;
    }
    let oldest_first = classify_wallet(&w, &trades, &cfg());
    let mut newest_first = trades.clone();
    newest_first.reverse();
    let mut shuffled = trades.clone();
    let n = shuffled.len();
    for i in 0..n {
        shuffled.swap(i, rng.range(0, n as i64) as usize);
    }
    assert_eq!(classify_wallet(&w, &newest_first, &cfg()), oldest_first);
    assert_eq!(classify_wallet(&w, &shuffled, &cfg()), oldest_first);
    assert_eq!(oldest_first.verdict, Verdict::Bot, "{:?}", oldest_first.reasons);
    assert!(oldest_first.features.median_hold_secs.unwrap() < 900.0);
}

#[test]
fn hold_time_is_buy_to_sell_not_gap_between_trades() {
    let w = wallet(5);
    let mut trades = Vec::new();
    // Buys in market 0, held two days while trading elsewhere every ten minutes, then sold.
    for i in 0..6 {
        trades.push(fill(&w, T0 + i * 600, Side::Buy, 0, 0, dec!(10), dec!(0.30), &format!("0xb{i}")));
    }
    for i in 0..200 {
        trades.push(fill(&w, T0 + 3600 + i * 600, Side::Buy, 1 + (i % 9) as u32, 1, dec!(20), dec!(0.5), &format!("0xo{i}")));
    }
    // The sells come one minute after an unrelated trade.
    for i in 0..6 {
        let at = T0 + 2 * DAY + i * 600 + 60;
        trades.push(fill(&w, at, Side::Sell, 0, 0, dec!(10), dec!(0.35), &format!("0xs{i}")));
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.round_trips, 6);
    let hold = c.features.median_hold_secs.unwrap();
    assert_eq!(hold, (2 * DAY + 60) as f64, "FIFO: each sell closes the buy made two days before");
    assert!(!c.reasons.iter().any(|r| r.contains("buy-to-sell hold")), "{:?}", c.reasons);
}

#[test]
fn fifo_matching_splits_a_sell_across_lots() {
    let w = wallet(6);
    let trades = vec![
        fill(&w, T0, Side::Buy, 0, 0, dec!(10), dec!(0.3), "0x1"),
        fill(&w, T0 + 1000, Side::Buy, 0, 0, dec!(10), dec!(0.3), "0x2"),
        // 15 shares: 10 from the first lot (held 5000 s), 5 from the second (held 4000 s).
        fill(&w, T0 + 5000, Side::Sell, 0, 0, dec!(15), dec!(0.4), "0x3"),
    ];
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.round_trips, 1);
    assert_eq!(c.features.median_hold_secs, Some(5000.0), "share-weighted median: 10 of 15 shares held 5000 s");
}

#[test]
fn market_maker_quoting_both_sides_is_a_bot() {
    let w = wallet(7);
    let mut rng = Lcg(3);
    let mut trades = Vec::new();
    let mut ts = T0;
    for i in 0..200 {
        ts += rng.range(30, 2400);
        let m = (i % 3) as u32;
        let side = if rng.next() < 0.5 { Side::Buy } else { Side::Sell };
        let outcome = (rng.next() < 0.5) as u32;
        let size = Decimal::from(rng.range(10, 300));
        trades.push(fill(&w, ts, side, m, outcome, size, dec!(0.55), &format!("0xq{i}")));
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.two_sided_share, 1.0);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::MarketMaker));
}

#[test]
fn metronome_timer_is_a_bot() {
    let w = wallet(8);
    let trades: Vec<Trade> = (0..150)
        .map(|i| fill(&w, T0 + i * 1800 + (i * 7) % 13, Side::Buy, (i % 20) as u32, 0, dec!(12.3), dec!(0.5), &format!("0xm{i}")))
        .collect();
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.gap_cv.unwrap() < 0.05);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::Metronome));
}

#[test]
fn micro_trade_farmer_is_a_bot() {
    let w = wallet(9);
    let mut rng = Lcg(21);
    let mut ts = T0;
    let trades: Vec<Trade> = (0..120)
        .map(|i| {
            ts += rng.range(300, 9000);
            let size = Decimal::new(rng.range(100, 800), 2);
            fill(&w, ts, Side::Buy, (i % 30) as u32, 0, size, dec!(0.1), &format!("0xd{i}"))
        })
        .collect();
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.micro_share, 1.0);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::MicroTrader));
}

#[test]
fn round_fixed_sizes_alone_do_not_make_a_bot() {
    let w = wallet(10);
    // A whale who always buys exactly 1,000 shares.
    let trades: Vec<Trade> = human_history(&w, 13, 10, -5)
        .into_iter()
        .map(|mut t| {
            t.size = Shares(dec!(1000));
            t
        })
        .collect();
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.size_cv.unwrap() < 0.01);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn night_owls_in_any_time_zone_are_not_around_the_clock() {
    for (n, tz) in [(11u8, -8i64), (12, 0), (13, 9), (14, 12)] {
        let w = wallet(n);
        // Local 08:00–23:00 is overnight UTC for some of these; the quiet stretch moves with them.
        let c = classify_wallet(&w, &human_history(&w, 17 + n as u64, 12, tz), &cfg());
        assert!(c.features.longest_quiet_hours >= 6, "tz {tz}: {:?}", c.features);
        assert_eq!(c.verdict, Verdict::Human, "tz {tz}: {:?}", c.reasons);
    }
}

/// Every buy re-sized to `dollars` at the price seen, then filled one to three cents worse
/// (the spread a copier pays): the same stake whatever the odds.
fn at_fixed_stake(trades: Vec<Trade>, dollars: Decimal) -> Vec<Trade> {
    let mut rng = Lcg(5);
    trades
        .into_iter()
        .map(|mut t| {
            t.size = Shares((dollars / t.price.0).round_dp(2));
            t.price = Price(t.price.0 + Decimal::new(rng.range(1, 4), 2));
            t
        })
        .collect()
}

#[test]
fn copy_bot_mirroring_people_in_several_time_zones_at_a_fixed_stake_is_a_bot() {
    let w = wallet(16);
    // Three people's trades (New York, Berlin, Singapore), each copied a few seconds later with $20.
    let mut trades = Vec::new();
    for (k, tz) in [-5i64, 1, 8].into_iter().enumerate() {
        for mut t in human_history(&w, 40 + k as u64, 12, tz) {
            t.timestamp = from_secs(t.timestamp.timestamp() + 4);
            t.transaction_hash = format!("{}-{k}", t.transaction_hash);
            trades.push(t);
        }
    }
    let trades = at_fixed_stake(trades, dec!(20));
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.stake_dispersion.unwrap() < 0.05, "{:?}", c.features.stake_dispersion);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_person_who_always_stakes_the_same_dollars_but_sleeps_is_human() {
    let w = wallet(17);
    let trades = at_fixed_stake(human_history(&w, 23, 12, 1), dec!(25));
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.stake_dispersion.unwrap() < 0.05, "{:?}", c.features.stake_dispersion);
    assert!(c.features.quietest_window_share < 0.02, "{}", c.features.quietest_window_share);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_few_dozen_near_certain_buys_spread_over_the_clock_are_a_resolution_sniper() {
    let w = wallet(18);
    let mut rng = Lcg(31);
    // Thirty buys at 0.92–0.98 over ten days, at whatever hour a market was about to close.
    let trades: Vec<Trade> = (0..30)
        .map(|i| {
            let ts = T0 + rng.range(0, 10 * DAY);
            let price = Decimal::new(rng.range(92, 99), 2);
            let size = Decimal::from(rng.range(50, 900));
            fill(&w, ts, Side::Buy, i as u32, 0, size, price, &format!("0xs{i}"))
        })
        .collect();
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::ResolutionSniper));
}

#[test]
fn a_person_who_backs_favourites_in_waking_hours_is_human() {
    let w = wallet(19);
    let trades: Vec<Trade> = human_history(&w, 29, 12, -6)
        .into_iter()
        .map(|mut t| {
            t.price = Price(dec!(0.93));
            t
        })
        .collect();
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.high_price_buy_share, 1.0);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// A TWAP executor's history: `parents` parent orders at any hour over ten days, each cut into
/// `children` child orders `interval` seconds apart, sized by `child` (parent index, child index).
fn twap_history(w: &Wallet, parents: i64, children: i64, interval: i64, child: impl Fn(i64, i64) -> Decimal) -> Vec<Trade> {
    let mut rng = Lcg(77);
    let mut out = Vec::new();
    for p in 0..parents {
        let start = T0 + rng.range(0, 10 * DAY);
        let (market, price) = (rng.range(0, 12) as u32, Decimal::new(rng.range(20, 80), 2));
        for c in 0..children {
            out.push(fill(w, start + c * interval, Side::Buy, market, 0, child(p, c), price, &format!("0xtwap{p}c{c}")));
        }
    }
    out
}

#[test]
fn twap_executor_cutting_parents_into_equal_children_at_a_fixed_interval_is_a_bot() {
    let w = wallet(40);
    // Two parents a day at any hour; each parent its own size, cut into 12 equal children 90 s apart.
    let trades = twap_history(&w, 20, 12, 90, |p, _| Decimal::from(40 + 37 * p));
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.sliced_share > 0.9, "{:?}", c.features);
    assert!(c.features.equal_slice_share > 0.9, "{:?}", c.features);
    assert!(c.features.size_cv.unwrap() > cfg().min_human_size_cv, "parent sizes vary: no constant size overall");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("machine-regular timing") && r.contains("near-identical sizes")), "{:?}", c.reasons);
}

#[test]
fn twap_executor_with_jittered_child_sizes_is_a_bot_by_timing_and_the_clock() {
    let w = wallet(41);
    // Child sizes jittered (an iceberg's randomised clips), parents around the clock.
    let mut rng = Lcg(3);
    let sizes: Vec<Decimal> = (0..30 * 10).map(|_| Decimal::from(rng.range(60, 140))).collect();
    let trades = twap_history(&w, 30, 10, 45, |p, c| sizes[(p * 10 + c) as usize]);
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.sliced_share > 0.9, "{:?}", c.features);
    assert!(c.features.equal_slice_share < 0.1, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_whale_cutting_one_order_into_equal_chunks_by_hand_is_human() {
    let w = wallet(42);
    // Waking hours, chunks of one size typed again and again, at the irregular pace of a person.
    let mut rng = Lcg(9);
    let mut trades = Vec::new();
    for d in 0..12 {
        let mut ts = T0 + d * DAY + 15 * 3600 + rng.range(0, 4 * 3600);
        let market = rng.range(0, 20) as u32;
        for c in 0..rng.range(5, 9) {
            ts += rng.range(20, 400);
            trades.push(fill(&w, ts, Side::Buy, market, 0, dec!(2000), dec!(0.55), &format!("0xwh{d}c{c}")));
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.equal_slice_share > 0.9, "{:?}", c.features);
    assert!(c.features.sliced_share < 0.2, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn copy_bot_scaling_leaders_down_to_the_venue_minimum_around_the_clock_is_a_bot() {
    let w = wallet(43);
    // Three people in three time zones, copied at a tenth of their size, never below 5 shares.
    let mut trades = Vec::new();
    for (k, tz) in [-5i64, 1, 8].into_iter().enumerate() {
        for mut t in human_history(&w, 60 + k as u64, 12, tz) {
            t.timestamp = from_secs(t.timestamp.timestamp() + 6);
            t.transaction_hash = format!("{}-{k}", t.transaction_hash);
            t.size = Shares((t.size.0 / dec!(10)).round_dp(2).max(dec!(5)));
            trades.push(t);
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.min_size_buy_share > 0.08, "{:?}", c.features);
    assert!(c.features.stake_dispersion.unwrap() > cfg().max_fixed_stake_dispersion, "no fixed stake");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_job_that_works_through_its_book_at_one_minute_each_day_is_a_bot() {
    let w = wallet(44);
    // Every day at 21:37 UTC (plus a few seconds), one order in each of six markets, seconds apart.
    let mut rng = Lcg(11);
    let mut trades = Vec::new();
    for d in 0..20 {
        let mut ts = T0 + d * DAY + 21 * 3600 + 37 * 60 + rng.range(0, 20);
        for m in 0..6u32 {
            let size = Decimal::from(rng.range(8, 300));
            trades.push(fill(&w, ts, Side::Buy, m, 0, size, dec!(0.42), &format!("0xeod{d}m{m}")));
            ts += rng.range(1, 6);
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert_eq!(c.features.schedule_day_share, Some(1.0), "{:?}", c.features);
    assert!(c.features.burst_share > 0.9 && c.features.bursts == 20, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(
        c.reasons.iter().any(|r| r.contains("machine-regular timing") && r.contains("orders across markets in seconds")),
        "{:?}",
        c.reasons
    );
}

/// A job woken by cron every hour at :23 (plus a few seconds), trading one market only in the
/// hours its condition holds (a quarter of them, between 07:00 and 23:00 UTC), over 30 days.
fn hourly_job(w: &Wallet) -> Vec<Trade> {
    let mut rng = Lcg(31);
    let mut out = Vec::new();
    for d in 0..30 {
        for hour in 7..23 {
            if rng.next() >= 0.25 {
                continue;
            }
            let ts = T0 + d * DAY + hour * 3600 + 23 * 60 + rng.range(1, 20);
            let size = Decimal::from(rng.range(8, 400));
            let price = Decimal::new(rng.range(15, 85), 2);
            out.push(fill(w, ts, Side::Buy, rng.range(0, 12) as u32, 0, size, price, &format!("0xcron{d}h{hour}")));
        }
    }
    out
}

#[test]
fn a_job_firing_in_one_minute_of_the_hour_session_after_session_is_a_bot_by_the_clock_alone() {
    let w = wallet(46);
    let config = cfg();
    let trades = hourly_job(&w);
    let c = classify_wallet(&w, &trades, &config);
    let f = &c.features;
    assert_eq!(f.clock_share, Some(1.0), "{f:?}");
    assert!(f.clock_sessions >= config.decisive_clock_sessions as usize && f.clock_period_secs == 3600, "{f:?}");
    // Nothing else gives it away: irregular gaps, no daily slot, waking hours, varied sizes.
    assert!(f.gap_cv.unwrap() > config.min_human_gap_cv && f.schedule_day_share.unwrap() < config.max_schedule_day_share, "{f:?}");
    assert!(f.hour_coverage <= config.max_human_hour_coverage && f.size_cv.unwrap() > config.min_human_size_cv, "{f:?}");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::Metronome));
    assert!(c.reasons.last().unwrap().contains("machine-regular timing at full strength, beyond a person"), "{:?}", c.reasons);
    assert!(
        c.reasons.iter().any(|r| r.contains("100% of sessions") && r.contains("starting in one 60 s slot of every 60 min")),
        "{:?}",
        c.reasons
    );
    // Read without the timer, the same history clears.
    let blind = BotFilterConfig { clock_periods_secs: vec![], ..cfg() };
    assert_eq!(classify_wallet(&w, &trades, &blind).verdict, Verdict::Human);
    // Below the decisive count, the timer is one sign and needs another.
    let mut short = trades.clone();
    short.sort_by_key(|t| t.timestamp);
    short.truncate(config.decisive_clock_sessions as usize - 1);
    let few = BotFilterConfig { min_trades: 5, min_clock_sessions: 10, ..cfg() };
    let c = classify_wallet(&w, &short, &few);
    assert_eq!((c.features.clock_share, c.features.clock_sessions), (Some(1.0), short.len()), "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_person_betting_hourly_markets_soon_after_they_open_is_not_a_timer() {
    let w = wallet(47);
    let config = cfg();
    // A phone punter on hourly crypto markets: most sessions a minute or five after the hour
    // opens, others whenever, 2–4 sessions a day in waking hours, over 30 days.
    let mut rng = Lcg(32);
    let mut trades = Vec::new();
    for d in 0..30 {
        for s in 0..rng.range(2, 5) {
            let hour = rng.range(9, 23);
            let into = if rng.next() < 0.6 { rng.range(30, 300) } else { rng.range(300, 3600) };
            let mut ts = T0 + d * DAY + hour * 3600 + into;
            for k in 0..rng.range(1, 3) {
                let size = Decimal::from(rng.range(5, 120));
                let price = Decimal::new(rng.range(30, 70), 2);
                trades.push(fill(&w, ts, Side::Buy, (d * 24 + hour) as u32, 0, size, price, &format!("0xpunt{d}s{s}k{k}")));
                ts += rng.range(20, 240);
            }
        }
    }
    let c = classify_wallet(&w, &trades, &config);
    let share = c.features.clock_share.expect("judged");
    assert!(share < config.max_clock_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_basket_bought_across_an_events_markets_in_one_transaction_again_and_again_is_a_bot() {
    let w = wallet(48);
    let config = cfg();
    // Whenever the Yes prices of an event's six outcomes add up to less than a dollar, one
    // transaction buys the same shares of each: at irregular times in waking hours, 40 events.
    let mut rng = Lcg(33);
    let mut trades = Vec::new();
    for e in 0..40u32 {
        let ts = T0 + i64::from(e * 3 / 4) * DAY + rng.range(8 * 3600, 21 * 3600);
        let shares = Decimal::from(rng.range(20, 400));
        let tx = format!("0xbasket{e}");
        for (k, cents) in [40i64, 25, 15, 9, 5, 3].into_iter().enumerate() {
            trades.push(fill(&w, ts, Side::Buy, e * 10 + k as u32, 0, shares, Decimal::new(cents, 2), &tx));
        }
    }
    let c = classify_wallet(&w, &trades, &config);
    let f = &c.features;
    assert_eq!(f.orders, 240, "each leg is an order: {f:?}");
    assert!(f.bursts >= config.decisive_bursts as usize, "{f:?}");
    assert!(f.hour_coverage <= config.max_human_hour_coverage, "{f:?}");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("bursts of orders in 3+ markets")), "{:?}", c.reasons);
}

/// Five evenings of live games, two games a night: in and out of each game's market two or
/// three times, every position closed within minutes, stakes varied.
fn in_play_evenings(w: &Wallet, evenings: i64) -> Vec<Trade> {
    live_games(
        w,
        evenings,
        Games { seed: 34, every_days: 2, game_gap: 3600, hold: (180, 900), pause: (120, 600), stake: Stake::Drawn, tag: "ip" },
    )
}

/// How a person trades live games: two games an evening from 19:00 UTC, `game_gap` apart, on
/// every `every_days`-th day; in each, two or three times in and out, holding `hold` seconds and
/// pausing `pause` before the next buy, at stakes and prices that vary.
struct Games {
    seed: u64,
    every_days: i64,
    game_gap: i64,
    hold: (i64, i64),
    pause: (i64, i64),
    stake: Stake,
    tag: &'static str,
}

/// How much each position in `live_games` is.
#[derive(Clone, Copy)]
enum Stake {
    /// Drawn anew for each position (20 to 300 shares).
    Drawn,
    /// One exact share count every time, as a program is set to.
    Shares(i64),
    /// One dollar amount every time, as a person types it: the shares follow the price.
    Dollars(i64),
}

fn live_games(w: &Wallet, evenings: i64, g: Games) -> Vec<Trade> {
    let mut rng = Lcg(g.seed);
    let mut out = Vec::new();
    for e in 0..evenings {
        let night = T0 + e * g.every_days * DAY + 19 * 3600;
        for game in 0..2u32 {
            let market = (e as u32) * 2 + game;
            let mut ts = night + i64::from(game) * g.game_gap + rng.range(0, 900);
            for k in 0..rng.range(2, 4) {
                let drawn = Decimal::from(rng.range(20, 300));
                let price = Decimal::new(rng.range(25, 75), 2);
                let size = match g.stake {
                    Stake::Drawn => drawn,
                    Stake::Shares(n) => Decimal::from(n),
                    Stake::Dollars(d) => (Decimal::from(d) / price).round_dp(2),
                };
                out.push(fill(w, ts, Side::Buy, market, 0, size, price, &format!("0x{}{e}g{game}k{k}b", g.tag)));
                ts += rng.range(g.hold.0, g.hold.1);
                let exit = Decimal::new(rng.range(20, 80), 2);
                out.push(fill(w, ts, Side::Sell, market, 0, size, exit, &format!("0x{}{e}g{game}k{k}s", g.tag)));
                ts += rng.range(g.pause.0, g.pause.1);
            }
        }
    }
    out
}

#[test]
fn a_person_in_and_out_of_live_games_on_a_few_evenings_is_human_and_the_habit_kept_for_ten_days_is_a_discipline() {
    let w = wallet(49);
    let config = cfg();
    let trades = in_play_evenings(&w, 5);
    let c = classify_wallet(&w, &trades, &config);
    let f = &c.features;
    assert!(f.orders >= config.min_trades as usize && f.active_days == 5, "{f:?}");
    assert!(f.quick_close_share > config.min_quick_close_share && f.two_sided_share > config.max_two_sided_share, "{f:?}");
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    assert!(!c.reasons.iter().any(|r| r.contains("sold again within")), "{:?}", c.reasons);
    // The same habit kept on enough days is the discipline the sign is about.
    let every_other_day = in_play_evenings(&w, i64::from(config.min_close_active_days));
    let c = classify_wallet(&w, &every_other_day, &config);
    assert!(c.reasons.iter().any(|r| r.contains("sold again within")), "{:?}", c.reasons);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_person_with_a_morning_habit_is_not_a_schedule() {
    let w = wallet(45);
    // Every day on the train, around 07:40 local (±25 min), a few bets minutes apart.
    let mut rng = Lcg(12);
    let mut trades = Vec::new();
    for d in 0..20 {
        let mut ts = T0 + d * DAY + 7 * 3600 + 15 * 60 + rng.range(0, 50 * 60);
        for k in 0..rng.range(2, 5) {
            ts += rng.range(40, 400);
            let size = Decimal::from(rng.range(5, 200));
            trades.push(fill(&w, ts, Side::Buy, rng.range(0, 30) as u32, 0, size, dec!(0.5), &format!("0xam{d}k{k}")));
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.schedule_day_share.unwrap() < cfg().max_schedule_day_share, "{:?}", c.features);
    assert_eq!(c.features.bursts, 0, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_resting_clip_taken_whole_around_the_clock_is_a_bot() {
    let w = wallet(46);
    // An iceberg: a 250-share clip at the bid, taken whole or in part by the flow at any hour.
    let mut rng = Lcg(13);
    let mut trades = Vec::new();
    let mut ts = T0;
    for n in 0..400 {
        ts += rng.range(300, 3000);
        let size = if rng.next() < 0.6 { dec!(250) } else { Decimal::from(rng.range(20, 250)) };
        trades.push(fill(&w, ts, Side::Buy, (n / 40) as u32, 0, size, dec!(0.31), &format!("0xice{n}")));
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.modal_size_share > 0.5, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_person_who_often_types_the_same_share_count_but_sleeps_is_human() {
    let w = wallet(47);
    let mut trades = human_history(&w, 14, 20, -5);
    for (i, t) in trades.iter_mut().enumerate() {
        if i % 2 == 0 {
            t.size = Shares(dec!(100));
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.modal_size_share > cfg().max_modal_size_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_twap_executor_keeping_desk_hours_with_jittered_children_is_a_bot_by_slicing_alone() {
    let w = wallet(48);
    // Parents only between 14:00 and 20:00 UTC on weekdays, children jittered in size.
    let mut rng = Lcg(15);
    let mut trades = Vec::new();
    for p in 0..25 {
        let start = T0 + (p / 3) * DAY + 14 * 3600 + rng.range(0, 5 * 3600);
        let (market, price) = (rng.range(0, 12) as u32, Decimal::new(rng.range(20, 80), 2));
        for c in 0..12 {
            let size = Decimal::from(rng.range(60, 140));
            trades.push(fill(&w, start + c * 60 + rng.range(0, 2), Side::Buy, market, 0, size, price, &format!("0xdesk{p}c{c}")));
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.sliced_orders >= cfg().decisive_sliced_orders as usize, "{:?}", c.features);
    assert!(c.features.quietest_window_share < cfg().min_sleepless_window_share, "keeps desk hours: {:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("machine-regular timing at full strength, beyond a person")), "{:?}", c.reasons);
}

/// A busy market's crowd: a maker filling both sides of both tokens every few seconds, and
/// random people now and then, over `days` days in markets 0..15.
fn crowd(days: i64) -> Vec<Trade> {
    let mut rng = Lcg(21);
    let maker = wallet(90);
    let mut out = Vec::new();
    let mut ts = T0;
    let mut n = 0;
    while ts < T0 + days * DAY {
        ts += rng.range(5, 40);
        n += 1;
        let side = if rng.next() < 0.5 { Side::Buy } else { Side::Sell };
        let m = rng.range(0, 15) as u32;
        let o = rng.range(0, 2) as u32;
        out.push(fill(&maker, ts, side, m, o, dec!(50), dec!(0.5), &format!("0xmk{n}")));
        if rng.next() < 0.2 {
            let who = wallet(100 + rng.range(0, 100) as u8);
            out.push(fill(&who, ts + rng.range(0, 30), Side::Buy, m, o, Decimal::from(rng.range(5, 300)), dec!(0.5), &format!("0xcr{n}")));
        }
    }
    out
}

#[test]
fn a_wallet_trading_what_a_few_others_traded_seconds_before_is_a_copy_bot() {
    let bot = wallet(50);
    let leaders = [wallet(51), wallet(52)];
    // Two people in waking hours of one time zone; the bot buys what they buy 3–25 s later,
    // at a varying fraction of their size: on its own history, a person.
    let mut rng = Lcg(22);
    let (mut tape, mut trades) = (crowd(20), Vec::new());
    for (k, l) in leaders.iter().enumerate() {
        for t in human_history(l, 30 + k as u64, 20, 1) {
            let mut c = t.clone();
            c.wallet = bot.clone();
            c.timestamp = from_secs(t.timestamp.timestamp() + rng.range(3, 25));
            c.transaction_hash = format!("{}-copy", t.transaction_hash);
            c.size = Shares((t.size.0 * Decimal::new(rng.range(5, 30), 2)).round_dp(2).max(dec!(5)));
            tape.push(t);
            trades.push(c);
        }
    }
    tape.extend(trades.iter().cloned());
    let alone = classify_wallet(&bot, &trades, &cfg());
    assert_eq!(alone.verdict, Verdict::Human, "the case is one the bot's own history cannot tell: {:?}", alone.reasons);
    let windows = Tape::new(&tape).windows(&bot, &trades, &cfg());
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &cfg());
    assert!(c.features.trailing_share.unwrap() > 0.9, "{:?}", c.features);
    assert!(c.features.trailed.iter().all(|l| leaders.contains(l)) && !c.features.trailed.is_empty(), "{:?}", c.features.trailed);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::CopyBot));
}

#[test]
fn a_copy_bot_with_a_thin_history_is_convicted_by_the_market_trades_and_its_leader_is_not_cleared() {
    let bot = wallet(53);
    let leader = wallet(54);
    // A copy bot of two people, started two days ago: too few days to judge on its own history.
    let mut rng = Lcg(23);
    let (mut tape, mut trades) = (crowd(3), Vec::new());
    let other = wallet(56);
    let led = human_history(&leader, 33, 2, 1);
    for t in led.iter().chain(&human_history(&other, 34, 2, 1)) {
        let mut c = t.clone();
        c.wallet = bot.clone();
        c.timestamp = from_secs(t.timestamp.timestamp() + rng.range(3, 25));
        c.transaction_hash = format!("{}-copy", t.transaction_hash);
        c.size = Shares((t.size.0 * Decimal::new(rng.range(5, 30), 2)).round_dp(2).max(dec!(5)));
        tape.push(t.clone());
        trades.push(c);
    }
    tape.extend(trades.iter().cloned());
    let config = cfg();
    let alone = classify_wallet(&bot, &trades, &config);
    assert!(alone.features.orders >= config.min_trades_to_convict as usize, "{:?}", alone.features);
    assert_eq!(alone.verdict, Verdict::InsufficientData, "{:?}", alone.reasons);
    assert!(wants_tape(&alone, &config), "a thin history that could be convicted is worth the market trades");
    let windows = Tape::new(&tape).windows(&bot, &trades, &config);
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &config);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::CopyBot));
    assert!(c.reasons.last().unwrap().contains("thin history"), "{:?}", c.reasons);
    // The leader's own two days, with the same market trades: still too thin to clear.
    let windows = Tape::new(&tape).windows(&leader, &led, &config);
    let c = classify_wallet_with_tape(&leader, &led, &windows, &config);
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
    // A wallet its own history convicts costs no market trades.
    let clock = classify_wallet(&bot, &clockwork(&bot, 40), &config);
    assert!(clock.verdict == Verdict::Bot && !wants_tape(&clock, &config));
}

/// A rebalancer: every 4 to 12 hours in the working day, a run of orders in four to six
/// markets, each seconds after the last, buying or selling uneven amounts.
fn rebalancer(w: &Wallet, runs: usize) -> Vec<Trade> {
    let mut rng = Lcg(24);
    let mut out = Vec::new();
    let mut ts = T0 + 8 * 3600;
    for r in 0..runs {
        ts += rng.range(4 * 3600, 12 * 3600);
        let day = (ts - T0).div_euclid(DAY);
        let hour = (ts - T0).rem_euclid(DAY) / 3600;
        if !(8..20).contains(&hour) {
            ts = T0 + (day + 1) * DAY + 8 * 3600 + rng.range(0, 3600);
        }
        let mut at = ts;
        for k in 0..rng.range(4, 7) {
            let side = if rng.next() < 0.6 { Side::Buy } else { Side::Sell };
            let size = Decimal::from(rng.range(7, 400));
            let price = Decimal::new(rng.range(15, 85), 2);
            out.push(fill(w, at, side, (r as u32 * 7 + k as u32) % 40, 0, size, price, &format!("0xrb{r}k{k}")));
            at += rng.range(1, 9);
        }
    }
    out
}

#[test]
fn a_program_working_through_its_markets_run_after_run_is_a_bot_where_a_few_runs_are_not() {
    let w = wallet(55);
    let config = cfg();
    let runs = rebalancer(&w, 24);
    let c = classify_wallet(&w, &runs, &config);
    assert!(c.features.bursts >= config.decisive_bursts as usize, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::Batch));
    assert!(c.reasons.last().unwrap().contains("orders across markets in seconds at full strength, beyond a person"), "{:?}", c.reasons);
    // Fewer runs than decide alone: one sign, not enough for a bot.
    let few = rebalancer(&w, config.decisive_bursts as usize - 1);
    let c = classify_wallet(&w, &few, &config);
    assert!(c.features.bursts >= config.min_bursts as usize && c.features.bursts < config.decisive_bursts as usize, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_person_in_busy_markets_does_not_trail_the_crowd() {
    // The same busy markets, a maker in them all the time: the maker is as often after the
    // person as before, so it is no leader.
    let w = wallet(53);
    let trades = human_history(&w, 40, 20, 1);
    let mut tape = crowd(20);
    tape.extend(trades.iter().cloned());
    let windows = Tape::new(&tape).windows(&w, &trades, &cfg());
    let c = classify_wallet_with_tape(&w, &trades, &windows, &cfg());
    assert!(c.features.trail_windows >= cfg().min_trail_windows as usize, "{:?}", c.features);
    assert!(c.features.trailing_share.unwrap() < cfg().min_trailing_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_person_reacting_to_news_after_a_rush_of_fast_bots_does_not_trail_them() {
    // After each headline five fast bots buy within two seconds; the person taps a few seconds
    // later. The bots are ahead every time, but a rush is no leader.
    let w = wallet(56);
    let bots: Vec<Wallet> = (0..5).map(|i| wallet(60 + i)).collect();
    let mut rng = Lcg(23);
    let (mut tape, mut trades) = (Vec::new(), Vec::new());
    for d in 0..20i64 {
        for k in 0..2i64 {
            let news = T0 + d * DAY + (10 + 5 * k) * 3600 + rng.range(0, 3600);
            let m = rng.range(0, 30) as u32;
            for (i, b) in bots.iter().enumerate() {
                tape.push(fill(b, news + rng.range(0, 2), Side::Buy, m, 0, dec!(200), dec!(0.4), &format!("0xr{d}{k}{i}")));
            }
            let size = Decimal::from(rng.range(5, 300));
            trades.push(fill(&w, news + rng.range(4, 30), Side::Buy, m, 0, size, dec!(0.45), &format!("0xn{d}{k}")));
        }
    }
    tape.extend(trades.iter().cloned());
    let windows = Tape::new(&tape).windows(&w, &trades, &cfg());
    let c = classify_wallet_with_tape(&w, &trades, &windows, &cfg());
    assert!(c.features.trail_windows >= cfg().min_trail_windows as usize, "{:?}", c.features);
    assert_eq!(c.features.trailing_share, Some(0.0), "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    // With the crowd bound lifted, the same windows would read as following.
    let loose = BotFilterConfig { max_trail_crowd: 10, ..cfg() };
    let c = classify_wallet_with_tape(&w, &trades, &windows, &loose);
    assert!(c.features.trailing_share.unwrap() > 0.9, "{:?}", c.features);
    // Following has no crowd bound, but no one of the rush is first again and again, so the
    // rush reads as no leader there either.
    let c = classify_wallet_with_tape(&w, &trades, &windows, &cfg());
    assert!(c.features.follow_windows >= cfg().min_trail_windows as usize, "{:?}", c.features);
    assert!(c.features.follow_share.unwrap() < cfg().min_follow_share, "{:?}", c.features);
}

/// `w`'s copy of `t` at `when`: the same token and side, a twentieth to a third of its size.
fn copy_of(t: &Trade, w: &Wallet, when: i64, rng: &mut Lcg) -> Trade {
    let mut c = t.clone();
    c.wallet = w.clone();
    c.timestamp = from_secs(when);
    c.transaction_hash = format!("{}-copy", t.transaction_hash);
    c.size = Shares((t.size.0 * Decimal::new(rng.range(5, 30), 2)).round_dp(2).max(dec!(5)));
    c
}

/// A famous wallet's trades, each followed within one to three seconds by `fast` copiers on
/// the chain, in a busy market; and a copy of `share` of its trades for `w`, each `lag`
/// seconds later at a varying fraction of the size.
fn famous_and_followers(w: &Wallet, fast: usize, lag: (i64, i64), share: f64) -> (Vec<Trade>, Vec<Trade>) {
    let famous = wallet(70);
    let mut rng = Lcg(29);
    let (mut tape, mut trades) = (crowd(20), Vec::new());
    for t in human_history(&famous, 35, 20, 1) {
        for i in 0..fast {
            let mut c = t.clone();
            c.wallet = wallet(71 + i as u8);
            c.timestamp = from_secs(t.timestamp.timestamp() + rng.range(1, 4));
            c.transaction_hash = format!("{}-f{i}", t.transaction_hash);
            tape.push(c);
        }
        if rng.next() < share {
            let when = t.timestamp.timestamp() + rng.range(lag.0, lag.1);
            trades.push(copy_of(&t, w, when, &mut rng));
        }
        tape.push(t);
    }
    tape.extend(trades.iter().cloned());
    (tape, trades)
}

#[test]
fn a_program_polling_for_a_famous_wallets_trades_behind_its_fast_followers_is_a_copy_bot_and_a_person_copying_by_hand_is_not() {
    // Four copiers on the chain are a second or three behind each of the famous wallet's
    // trades; a program polling the venue's API copies every one of them five seconds to a
    // minute later. Five wallets ahead of it each time are a crowd to the close reading, but
    // the same wallet opens every window.
    let bot = wallet(76);
    let (tape, trades) = famous_and_followers(&bot, 4, (5, 60), 1.0);
    let alone = classify_wallet(&bot, &trades, &cfg());
    assert_eq!(alone.verdict, Verdict::Human, "the case is one the bot's own history cannot tell: {:?}", alone.reasons);
    let windows = Tape::new(&tape).windows(&bot, &trades, &cfg());
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &cfg());
    assert!(c.features.trailing_share.unwrap() < cfg().min_trailing_share, "{:?}", c.features);
    assert!(c.features.follow_share.unwrap() >= cfg().full_follow_share, "{:?}", c.features);
    assert_eq!(c.features.followed, vec![wallet(70)], "only the famous wallet is first again and again: {:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::CopyBot));
    assert!(c.reasons.iter().any(|r| r.contains("among the others")), "{:?}", c.reasons);

    // A person with alerts on the same wallet copies half of its trades by hand, twenty seconds
    // to five minutes later: behind it in some windows, not nearly all.
    let person = wallet(77);
    let (tape, trades) = famous_and_followers(&person, 4, (20, 300), 0.5);
    let windows = Tape::new(&tape).windows(&person, &trades, &cfg());
    let c = classify_wallet_with_tape(&person, &trades, &windows, &cfg());
    assert!(c.features.follow_windows >= cfg().min_trail_windows as usize, "{:?}", c.features);
    assert!(c.features.follow_share.unwrap() < cfg().min_follow_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// The famous wallet's history (as in [`famous_and_followers`], without fast followers) and
/// `w` copying `share` of its trades: on the first tick of a `poll`-second timer after each
/// (plus a few seconds' round trip), or, without a timer, `lag` seconds later.
fn slow_copier(w: &Wallet, poll: Option<i64>, lag: (i64, i64), share: f64) -> (Vec<Trade>, Vec<Trade>) {
    let famous = wallet(70);
    let mut rng = Lcg(31);
    let (mut tape, mut trades) = (crowd(20), Vec::new());
    for t in human_history(&famous, 35, 20, 1) {
        let at = t.timestamp.timestamp();
        if rng.next() < share {
            let when = match poll {
                Some(p) => at - at.rem_euclid(p) + p + rng.range(2, 40),
                None => at + rng.range(lag.0, lag.1),
            };
            trades.push(copy_of(&t, w, when, &mut rng));
        }
        tape.push(t);
    }
    tape.extend(trades.iter().cloned());
    (tape, trades)
}

#[test]
fn a_program_polling_every_few_minutes_copies_on_its_timer_and_a_person_copying_as_slowly_does_not() {
    // A program polling the venue every seven minutes copies each of the famous wallet's trades
    // on its next tick: two to nine minutes behind, past the two minutes that following reads.
    let bot = wallet(78);
    let (tape, trades) = slow_copier(&bot, Some(420), (0, 0), 1.0);
    let windows = Tape::new(&tape).windows(&bot, &trades, &cfg());
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &cfg());
    assert!(c.features.follow_share.unwrap() < cfg().min_follow_share, "{:?}", c.features);
    assert!(c.features.slow_follow_share.unwrap() >= cfg().min_slow_follow_share, "{:?}", c.features);
    assert_eq!(c.features.slow_followed, vec![wallet(70)], "{:?}", c.features);
    assert!(c.features.poll_chance.unwrap() <= cfg().max_poll_chance * cfg().max_poll_chance, "{:?}", c.features);
    assert_eq!(c.features.poll_period_secs % 420, 0, "the timer or a multiple of it: {:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::CopyBot));
    assert!(c.reasons.iter().any(|r| r.contains("polling on a timer")), "{:?}", c.reasons);

    // A person copying most of the same trades by hand, one to twenty-five minutes later, is
    // behind the same wallet as often, but places the orders whenever they look.
    let person = wallet(79);
    let (tape, trades) = slow_copier(&person, None, (60, 1500), 0.9);
    let windows = Tape::new(&tape).windows(&person, &trades, &cfg());
    let c = classify_wallet_with_tape(&person, &trades, &windows, &cfg());
    assert!(c.features.slow_follow_share.unwrap() >= cfg().min_slow_follow_share, "the timer is read: {:?}", c.features);
    assert!(c.features.poll_orders > 0 && c.features.poll_chance.unwrap() > cfg().max_poll_chance, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// Buys of both outcomes of hourly markets in waking hours, six pairs a market minutes apart,
/// never sold:
/// `stake(rng)` shares each.
fn both_outcomes_held(w: &Wallet, stake: impl Fn(&mut Lcg) -> Decimal) -> Vec<Trade> {
    let mut rng = Lcg(37);
    let mut out = Vec::new();
    for d in 0..20i64 {
        for h in 0..6i64 {
            let m = (d * 6 + h) as u32;
            let mut ts = T0 + d * DAY + rng.range(9 * 3600, 21 * 3600);
            for k in 0..6 {
                let up = rng.range(30, 70);
                for (o, cents) in [(0u32, up), (1u32, 97 - up)] {
                    ts += rng.range(60, 600);
                    out.push(fill(w, ts, Side::Buy, m, o, stake(&mut rng), Decimal::new(cents, 2), &format!("0xb{d}h{h}k{k}o{o}")));
                }
            }
        }
    }
    out
}

#[test]
fn a_program_buying_both_outcomes_at_one_stake_and_holding_them_is_two_signs_where_a_person_trading_in_and_out_is_one() {
    // Both outcomes of market after market at one share count, never sold: the stake and the
    // pairs are two habits, not a person trading in and out who re-uses one stake.
    let w = wallet(78);
    let c = classify_wallet(&w, &both_outcomes_held(&w, |_| dec!(50)), &cfg());
    assert_eq!(c.features.round_trips, 0, "{:?}", c.features);
    assert!(c.features.two_sided_share > cfg().max_two_sided_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("2 independent signs"), "{:?}", c.reasons);
    // The same pairs at stakes a person picks each time: one sign.
    let c = classify_wallet(&w, &both_outcomes_held(&w, |r| Decimal::from(r.range(5, 400))), &cfg());
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    // Selling each pair again an hour later, in four markets of ten (those whose number ends in
    // 0, 3, 6 or 9: a person's count of orders a day), at one $25 stake a side: trading in and
    // out, one habit.
    let in_and_out = |dollars: Option<Decimal>| {
        let mut trades: Vec<Trade> =
            both_outcomes_held(&w, |_| dec!(50)).into_iter().filter(|t| t.title.ends_with(['0', '3', '6', '9'])).collect();
        if let Some(d) = dollars {
            trades.iter_mut().for_each(|t| t.size = Shares((d / t.price.0).round_dp(2)));
        }
        let sells: Vec<Trade> = trades
            .iter()
            .map(|t| {
                let mut s = t.clone();
                s.side = Side::Sell;
                s.timestamp = from_secs(t.timestamp.timestamp() + 3600);
                s.transaction_hash = format!("{}-s", t.transaction_hash);
                s
            })
            .collect();
        trades.extend(sells);
        trades
    };
    let c = classify_wallet(&w, &in_and_out(Some(dec!(25))), &cfg());
    assert!(c.features.round_trips > 0, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    // The same at one exact count of 50 shares on every order, buys and sells: a number set in
    // a program, which trading in and out does not explain.
    let c = classify_wallet(&w, &in_and_out(None), &cfg());
    assert!(c.features.share_cv.unwrap() < cfg().max_exact_share_cv, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

/// Four weeks of a slow maker's fills in 60 quiet markets: each hour of the day an order with
/// chance `night` (00:00-08:00 UTC) or `day`, a buy or a sell of the one token, now and then
/// the other side within the hour, holding its inventory for hours.
fn slow_maker(w: &Wallet, night: f64, day: f64) -> Vec<Trade> {
    let mut rng = Lcg(41);
    let mut out = Vec::new();
    for d in 0..28i64 {
        for h in 0..24i64 {
            if rng.next() >= if h < 8 { night } else { day } {
                continue;
            }
            let ts = T0 + d * DAY + h * 3600 + rng.range(0, 3600);
            let m = rng.range(0, 60) as u32;
            let side = if rng.next() < 0.55 { Side::Buy } else { Side::Sell };
            let size = Decimal::from(rng.range(20, 500));
            let price = Decimal::new(rng.range(30, 70), 2);
            out.push(fill(w, ts, side, m, 0, size, price, &format!("0xsm{d}h{h}")));
            // Now and then the quote on the other side fills within the hour.
            if rng.next() < 0.15 {
                let other = if side == Side::Buy { Side::Sell } else { Side::Buy };
                let size = Decimal::from(rng.range(20, 500));
                out.push(fill(w, ts + rng.range(600, 3000), other, m, 0, size, price, &format!("0xsm{d}h{h}o")));
            }
        }
    }
    out
}

#[test]
fn weeks_near_the_decisive_share_around_the_clock_weigh_more_beside_a_second_sign() {
    // A maker quoting around the clock, quieter at night (a quarter of its orders in the quietest
    // eight hours, short of the decisive share), in and out of its markets over hours.
    let w = wallet(79);
    let trades = slow_maker(&w, 0.55, 0.8);
    let c = classify_wallet(&w, &trades, &cfg());
    let f = &c.features;
    assert!(f.orders >= cfg().decisive_sleepless_orders as usize && f.active_days >= cfg().decisive_sleepless_days, "{f:?}");
    assert!(
        f.quietest_window_share > 2.0 * cfg().min_sleepless_window_share && f.quietest_window_share < cfg().decisive_sleepless_window_share,
        "{f:?}"
    );
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("around the clock"), "{:?}", c.reasons);
    // Weighed flat (as before), the same two signs score under the threshold.
    let flat = BotFilterConfig {
        weights: copycat_core::config::BotSignWeights { sleepless_weeks: cfg().weights.sleepless, ..cfg().weights },
        ..cfg()
    };
    let c = classify_wallet(&w, &trades, &flat);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn windows_the_venue_cut_short_are_not_read_for_trailing() {
    let bot = wallet(54);
    let leader = wallet(55);
    let mut tape = Vec::new();
    let mut trades = Vec::new();
    for t in human_history(&leader, 41, 20, 1) {
        let mut c = t.clone();
        c.wallet = bot.clone();
        c.timestamp = from_secs(t.timestamp.timestamp() + 5);
        c.transaction_hash = format!("{}-copy", t.transaction_hash);
        tape.push(t);
        trades.push(c);
    }
    tape.extend(trades.iter().cloned());
    let limit = cfg().trail_window_limit as usize;
    let windows: Vec<TapeWindow> = Tape::new(&tape)
        .windows(&bot, &trades, &cfg())
        .into_iter()
        .map(|mut w| {
            // A flood of trades fills the answer: the leader's may be past the limit.
            let filler = w.trades[0].clone();
            w.trades = vec![filler; limit];
            w
        })
        .collect();
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &cfg());
    assert_eq!(c.features.trail_windows, 0);
    assert_eq!(c.features.trailing_share, None);
}

#[test]
fn a_person_who_trades_in_and_out_at_one_stake_is_human_but_a_maker_doing_it_around_the_clock_is_not() {
    // Evening sessions watching games: buys $25 of a side, sells it minutes later, again and
    // again, in a handful of markets; asleep at night.
    let w = wallet(57);
    let mut rng = Lcg(31);
    let mut trades = Vec::new();
    for d in 0..20i64 {
        let mut ts = T0 + d * DAY + 18 * 3600 + rng.range(0, 3600);
        for k in 0..rng.range(4, 9) {
            let m = rng.range(0, 6) as u32;
            let price = Decimal::new(rng.range(30, 70), 2);
            let shares = (dec!(25) / price).round_dp(2);
            trades.push(fill(&w, ts, Side::Buy, m, 0, shares, price, &format!("0xio{d}b{k}")));
            ts += rng.range(120, 900);
            // Out again within minutes, most of the time; now and then held to the end.
            if rng.next() < 0.6 {
                let exit = (price + Decimal::new(rng.range(-4, 5), 2)).clamp(dec!(0.01), dec!(0.99));
                trades.push(fill(&w, ts, Side::Sell, m, 0, shares, exit, &format!("0xio{d}s{k}")));
            }
            ts += rng.range(60, 600);
        }
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.stake_dispersion.unwrap() < cfg().max_fixed_stake_dispersion, "one stake: {:?}", c.features);
    assert!(c.features.two_sided_share > cfg().max_two_sided_share, "in and out: {:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);

    // The same habit spread over every hour of the day is a machine's.
    let shifted: Vec<Trade> = trades
        .iter()
        .map(|t| {
            let mut t = t.clone();
            let day = (t.timestamp.timestamp() - T0) / DAY;
            t.timestamp = from_secs(t.timestamp.timestamp() + (day % 6) * 4 * 3600);
            t
        })
        .collect();
    let c = classify_wallet(&w, &shifted, &cfg());
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

#[test]
fn a_person_adding_to_a_position_that_became_a_favourite_is_not_sniping() {
    let w = wallet(44);
    // Enters each market near even odds, then adds twice once it is priced 0.92 or more.
    let mut trades = Vec::new();
    for (i, t) in human_history(&w, 51, 12, -5).into_iter().enumerate() {
        let market = i as u32;
        let ts = t.timestamp.timestamp();
        trades.push(fill(&w, ts, Side::Buy, market, 0, dec!(40), dec!(0.5), &format!("0xa{i}")));
        trades.push(fill(&w, ts + 1800, Side::Buy, market, 0, dec!(30), dec!(0.93), &format!("0xb{i}")));
        trades.push(fill(&w, ts + 3000, Side::Buy, market, 0, dec!(25), dec!(0.95), &format!("0xc{i}")));
    }
    let c = classify_wallet(&w, &trades, &cfg());
    assert!(c.features.high_price_buy_share > 0.6, "{:?}", c.features);
    assert_eq!(c.features.high_price_entry_share, 0.0);
    assert!(!c.reasons.iter().any(|r| r.contains("in markets entered at that price")), "no sniping sign: {:?}", c.reasons);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn too_little_history_is_insufficient_data() {
    let w = wallet(15);
    let few: Vec<Trade> = human_history(&w, 3, 10, 0).into_iter().take(8).collect();
    let c = classify_wallet(&w, &few, &cfg());
    assert_eq!(c.verdict, Verdict::InsufficientData);
    assert!(c.reasons[0].contains("need 20"), "{:?}", c.reasons);
    // Many orders, but all within two days, at a person's pace and sizes.
    let mut rng = Lcg(41);
    let burst: Vec<Trade> = (0..40)
        .map(|i| {
            let day = i / 20;
            let ts = T0 + day * DAY + 9 * 3600 + (i % 20) * 1500 + rng.range(0, 1200);
            let size = Decimal::from(rng.range(5, 300));
            fill(&w, ts, Side::Buy, rng.range(0, 12) as u32, 0, size, Decimal::new(rng.range(10, 90), 2), &format!("0xb{i}"))
        })
        .collect();
    let c = classify_wallet(&w, &burst, &cfg());
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("active on only 2 days")), "{:?}", c.reasons);
}

/// Clockwork on two days: every 50 minutes around the clock, one size, each order in a new
/// market (a TWAP or scheduled job that started recently).
fn clockwork(w: &Wallet, n: i64) -> Vec<Trade> {
    (0..n).map(|i| fill(w, T0 + i * 3000, Side::Buy, i as u32, 0, dec!(10), dec!(0.5), &format!("0xb{i}"))).collect()
}

#[test]
fn a_thin_history_convicts_a_machine_but_never_clears_a_wallet() {
    let w = wallet(15);
    let config = cfg();
    // Two days are too few to call a wallet a person, but 40 orders of clockwork are a machine.
    let c = classify_wallet(&w, &clockwork(&w, 40), &config);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    let why = c.reasons.last().unwrap();
    assert!(why.contains("thin history") && why.contains("machine-regular timing"), "{:?}", c.reasons);
    // Below the orders needed to convict, the same clockwork is not judged at all.
    let few = (config.min_trades_to_convict - 1) as i64;
    let c = classify_wallet(&w, &clockwork(&w, few), &config);
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
    // With the bar for thin histories out of reach, it is not judged either.
    let strict = BotFilterConfig { thin_history_bot_score: 1.0, ..cfg() };
    let c = classify_wallet(&w, &clockwork(&w, 40), &strict);
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
}

#[test]
fn classification_serializes_as_one_json_line() {
    let w = wallet(16);
    let trades: Vec<Trade> =
        (0..150).map(|i| fill(&w, T0 + i * 1800, Side::Buy, (i % 20) as u32, 0, dec!(12.3), dec!(0.5), &format!("0xm{i}"))).collect();
    let c = classify_wallet(&w, &trades, &cfg());
    let line = serde_json::to_string(&c).unwrap();
    assert!(!line.contains('\n'));
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["wallet"], w.as_str());
    assert_eq!(v["verdict"], "bot");
    assert_eq!(v["kind"], "metronome");
    assert!(v["score"].as_f64().unwrap() >= 0.5);
    assert!(v["reasons"].as_array().unwrap()[0].as_str().unwrap().contains("CV"));
    let human = classify_wallet(&w, &human_history(&w, 1, 10, 0), &cfg());
    assert_eq!(serde_json::to_value(&human).unwrap()["verdict"], "human");
    let none = classify_wallet(&w, &[], &cfg());
    assert_eq!(serde_json::to_value(&none).unwrap()["verdict"], "insufficient_data");
}

#[test]
fn classify_all_groups_by_wallet_in_wallet_order() {
    let (a, b) = (wallet(0xbb), wallet(0xaa));
    let mut trades = human_history(&a, 1, 10, 0);
    trades.extend(human_history(&b, 2, 10, 0));
    trades.reverse();
    let all = classify_all(&trades, &cfg());
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].wallet, b);
    assert_eq!(all[1].wallet, a);
    assert_eq!(all[1], classify_wallet(&a, &trades, &cfg()));
}

// ---------------------------------------------------------------- leader quality

fn position(market: u32, outcome: u32, realized: Decimal, closed: bool) -> WalletPosition {
    WalletPosition {
        condition_id: cond(market),
        token_id: token(market, outcome),
        size: Shares(if closed { Decimal::ZERO } else { dec!(10) }),
        avg_price: Price(dec!(0.5)),
        realized_pnl: Usd(realized),
        unrealized_pnl: Usd::ZERO,
        closed,
    }
}

/// Buys of $`dollars` in `markets`, one a day, plus one sell per market a day later.
fn leader_trades(w: &Wallet, markets: u32, price: Decimal, dollars: Decimal) -> Vec<Trade> {
    let mut out = Vec::new();
    for m in 0..markets {
        let ts = T0 + i64::from(m) * DAY;
        out.push(fill(w, ts, Side::Buy, m, 0, dollars / price, price, &format!("0xb{m}")));
        out.push(fill(w, ts + DAY, Side::Sell, m, 0, dollars / price, price, &format!("0xs{m}")));
    }
    out
}

#[test]
fn quality_ignores_price_vs_half() {
    let w = wallet(20);
    let qcfg = QualityConfig::default();
    // Bought long shots at 0.20 — "losers" by a price-vs-0.5 guess — and realised profits.
    let cheap = leader_trades(&w, 6, dec!(0.2), dec!(100));
    let won: Vec<_> = (0..6).map(|m| position(m, 0, dec!(40), true)).collect();
    let r = assess_leader(&cheap, &won, &qcfg);
    assert_eq!(r.stats.win_rate, 1.0);
    assert_eq!(r.stats.realized_pnl, Usd(dec!(240)));
    assert!(r.passes, "{:?}", r.reasons);
    // Bought favourites at 0.80 — "winners" by the same guess — and realised losses.
    let dear = leader_trades(&w, 6, dec!(0.8), dec!(100));
    let lost: Vec<_> = (0..6).map(|m| position(m, 0, dec!(-30), true)).collect();
    let r = assess_leader(&dear, &lost, &qcfg);
    assert_eq!(r.stats.win_rate, 0.0);
    assert!(!r.passes);
    assert!(r.reasons.iter().any(|x| x == "realised PnL -$180.00 below floor $50.00"), "{:?}", r.reasons);
}

#[test]
fn roi_is_realised_pnl_over_capital_of_closed_positions() {
    let w = wallet(21);
    let trades = leader_trades(&w, 4, dec!(0.5), dec!(100)); // $100 into each of 4 markets
    let positions = vec![
        position(0, 0, dec!(50), true),
        position(1, 0, dec!(30), true),
        position(2, 0, dec!(-20), true),
        // Open: its realised part counts in PnL, but not in ROI or win rate.
        position(3, 0, dec!(10), false),
    ];
    let r = assess_leader(&trades, &positions, &QualityConfig::default());
    assert_eq!(r.stats.realized_pnl, Usd(dec!(70)));
    assert!((r.stats.roi - 60.0 / 300.0).abs() < 1e-9, "roi {}", r.stats.roi);
    assert!((r.stats.win_rate - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.stats.closed_positions, 3);
    assert_eq!(r.stats.markets, 4);
    assert_eq!(r.stats.trades, 8);
    assert_eq!(r.stats.median_bet, Usd(dec!(100)));
}

#[test]
fn drawdown_follows_the_time_order_of_closes() {
    let w = wallet(22);
    let trades = leader_trades(&w, 4, dec!(0.5), dec!(100));
    // Closed in market order 0..3: +100, -80, +10, +100 → peak 100, trough 20: a fall of 80
    // against the peak plus a typical position's $100 of capital = 40 %, whatever order the
    // positions are listed in.
    let positions = vec![
        position(3, 0, dec!(100), true),
        position(1, 0, dec!(-80), true),
        position(0, 0, dec!(100), true),
        position(2, 0, dec!(10), true),
    ];
    let cfg = QualityConfig { max_drawdown_pct: 0.3, ..QualityConfig::default() };
    let r = assess_leader(&trades, &positions, &cfg);
    assert!((r.stats.max_drawdown_pct - 0.4).abs() < 1e-9, "{}", r.stats.max_drawdown_pct);
    assert!(r.reasons.iter().any(|x| x == "realised drawdown 40% above limit 30%"), "{:?}", r.reasons);
    assert!(!r.passes);
}

#[test]
fn every_failed_floor_is_named_with_numbers() {
    let w = wallet(23);
    let trades = vec![fill(&w, T0, Side::Buy, 0, 0, dec!(4), dec!(0.5), "0x1")];
    let r = assess_leader(&trades, &[position(0, 0, dec!(12.4), true)], &QualityConfig::default());
    assert!(!r.passes);
    let expected = [
        "realised PnL $12.40 below floor $50.00",
        "active on 1 days, below floor 3",
        "traded 1 markets, below floor 3",
        "1 trades, below floor 10",
        "median bet $2.00 below floor $5.00",
    ];
    for e in expected {
        assert!(r.reasons.iter().any(|x| x == e), "missing `{e}` in {:?}", r.reasons);
    }
}

#[test]
fn a_steady_profitable_leader_passes_and_the_report_serializes() {
    let w = wallet(24);
    let trades = leader_trades(&w, 12, dec!(0.45), dec!(80));
    let positions: Vec<_> = (0..12).map(|m| position(m, 0, if m % 4 == 3 { dec!(-15) } else { dec!(35) }, true)).collect();
    let r = assess_leader(&trades, &positions, &QualityConfig::default());
    assert!(r.passes, "{:?}", r.reasons);
    assert!(r.score > 0.3 && r.score <= 1.0);
    assert_eq!(r.reasons.len(), 1);
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["passes"], true);
    assert_eq!(v["stats"]["realized_pnl"], "270");
    assert_eq!(v["stats"]["win_rate"], 0.75);
}

/// Twenty days of news in a market each: the price stands at `p0` with the crowd trading at it,
/// jumps 8 cents a few seconds after the news and trades there for minutes. `order` places the
/// wallet's buy (its time after the news and its price) or none.
fn news_days(w: &Wallet, seed: u64, order: impl Fn(&mut Lcg, i64, Decimal) -> Option<(i64, Decimal)>) -> (Vec<Trade>, Vec<Trade>) {
    let mut rng = Lcg(seed);
    let (mut tape, mut trades) = (Vec::new(), Vec::new());
    for d in 0..20i64 {
        for k in 0..2i64 {
            let news = T0 + d * DAY + (9 + 6 * k) * 3600 + rng.range(0, 5 * 3600);
            let m = (d * 2 + k) as u32;
            let p0 = Decimal::new(rng.range(25, 65), 2);
            let p1 = p0 + dec!(0.08);
            let mut ts = news - 280;
            let mut n = 0;
            while ts < news + 290 {
                let price = if ts < news + 3 { p0 } else { p1 };
                let who = wallet(100 + rng.range(0, 100) as u8);
                let side = if rng.next() < 0.5 { Side::Buy } else { Side::Sell };
                tape.push(fill(&who, ts, side, m, 0, Decimal::from(rng.range(5, 200)), price, &format!("0xc{d}{k}n{n}")));
                ts += rng.range(8, 30);
                n += 1;
            }
            if let Some((after, price)) = order(&mut rng, news, p0) {
                let size = Decimal::from(rng.range(20, 400));
                trades.push(fill(w, news + after, Side::Buy, m, 0, size, price, &format!("0xw{d}{k}")));
            }
        }
    }
    tape.extend(trades.iter().cloned());
    (tape, trades)
}

#[test]
fn where_the_price_went_after_the_orders_is_measured_but_does_not_convict() {
    // Buys at the old price one to three seconds before each move, two orders a day at varied
    // sizes in waking hours: a program on a score feed, or a person at the game itself.
    let bot = wallet(58);
    let (tape, trades) = news_days(&bot, 61, |rng, _, p0| Some((rng.range(1, 4), p0)));
    let windows = Tape::new(&tape).windows(&bot, &trades, &cfg());
    let c = classify_wallet_with_tape(&bot, &trades, &windows, &cfg());
    assert!(c.features.lead_windows >= cfg().min_lead_windows as usize, "{:?}", c.features);
    assert!(c.features.lead_share.unwrap() > 0.9, "{:?}", c.features);
    // Shown, not scored: the same orders at one fixed stake (a second sign) stay a person's.
    let fixed: Vec<Trade> = trades
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.size = Shares((dec!(100) / t.price.value()).round_dp(2));
            t
        })
        .collect();
    let mut tape: Vec<Trade> = tape.into_iter().filter(|t| t.wallet != bot).collect();
    tape.extend(fixed.iter().cloned());
    let windows = Tape::new(&tape).windows(&bot, &fixed, &cfg());
    let c = classify_wallet_with_tape(&bot, &fixed, &windows, &cfg());
    assert!(c.features.lead_share.unwrap() > 0.9, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);

    // A person who reads the same news and buys a minute or more later pays the new price.
    let person = wallet(59);
    let (tape, trades) = news_days(&person, 61, |rng, _, p0| Some((rng.range(40, 200), p0 + dec!(0.08))));
    let windows = Tape::new(&tape).windows(&person, &trades, &cfg());
    let c = classify_wallet_with_tape(&person, &trades, &windows, &cfg());
    assert!(c.features.lead_windows >= cfg().min_lead_windows as usize, "{:?}", c.features);
    assert_eq!(c.features.lead_share, Some(0.0), "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);

    // A buy of a near-certain outcome before its market closes is never ahead of it.
    let closer = wallet(60);
    let (tape, trades) = news_days(&closer, 62, |rng, _, _| Some((rng.range(1, 4), dec!(0.91))));
    let tape: Vec<Trade> = tape
        .into_iter()
        .map(|mut t| {
            if t.wallet != closer {
                t.price = Price(t.price.value() + dec!(0.91) - dec!(0.65));
            }
            t
        })
        .collect();
    let windows = Tape::new(&tape).windows(&closer, &trades, &cfg());
    let c = classify_wallet_with_tape(&closer, &trades, &windows, &cfg());
    assert_eq!(c.features.lead_share, Some(0.0), "{:?}", c.features);
}

/// `days` days of about ten orders a day at a person's sizes in a few dozen markets, each at an
/// hour `hour(day, rng)` returns (0..24).
fn hours_history(w: &Wallet, seed: u64, days: i64, hour: impl Fn(i64, &mut Lcg) -> i64) -> Vec<Trade> {
    let mut rng = Lcg(seed);
    let mut out = Vec::new();
    for d in 0..days {
        for k in 0..rng.range(7, 14) {
            let ts = T0 + d * DAY + hour(d, &mut rng) * 3600 + rng.range(0, 3600);
            let size = Decimal::from(rng.range(5, 400));
            let price = Decimal::new(rng.range(10, 90), 2);
            out.push(fill(w, ts, Side::Buy, rng.range(0, 40) as u32, 0, size, price, &format!("0xd{d}k{k}")));
        }
    }
    out
}

#[test]
fn weeks_around_the_clock_are_a_program_but_a_person_on_rotating_shifts_is_not() {
    // A program on an outside price feed: a person's pace and sizes, every hour of the day,
    // for four weeks.
    let bot = wallet(61);
    let trades = hours_history(&bot, 71, 28, |_, rng| rng.range(0, 24));
    let c = classify_wallet(&bot, &trades, &cfg());
    assert!(c.features.quietest_window_share >= cfg().decisive_sleepless_window_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::AroundTheClock));
    // A week of it is not weeks: too few days and orders to decide alone.
    let week: Vec<Trade> = trades.iter().filter(|t| t.timestamp.timestamp() < T0 + 7 * DAY).cloned().collect();
    assert_eq!(classify_wallet(&bot, &week, &cfg()).verdict, Verdict::Human);

    // A nurse on rotating shifts: awake 07-23 one week, 17-09 the next, for four weeks.
    let person = wallet(62);
    let trades =
        hours_history(&person, 72, 28, |d, rng| if (d / 7) % 2 == 0 { 7 + rng.range(0, 16) } else { (17 + rng.range(0, 16)) % 24 });
    let c = classify_wallet(&person, &trades, &cfg());
    assert!(c.features.quietest_window_share > cfg().min_sleepless_window_share, "no night-long quiet: {:?}", c.features);
    assert!(c.features.quietest_window_share < cfg().decisive_sleepless_window_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

#[test]
fn a_program_in_the_rush_after_each_event_is_a_bot_and_a_person_tapping_later_is_not() {
    // Each event: a rush of other programs' trades within two seconds, then the market's usual
    // flow. The feed program buys two to four seconds after the event, at the new price.
    let run = |w: &Wallet, delay: (i64, i64)| {
        let mut rng = Lcg(81);
        let (mut tape, mut trades) = (Vec::new(), Vec::new());
        for d in 0..20i64 {
            for k in 0..2i64 {
                let event = T0 + d * DAY + (10 + 6 * k) * 3600 + rng.range(0, 4 * 3600);
                let m = (d * 2 + k) as u32;
                let price = Decimal::new(rng.range(30, 60), 2);
                let mut n = 0;
                let mut ts = event - 290;
                while ts < event + 290 {
                    let who = wallet(100 + rng.range(0, 100) as u8);
                    tape.push(fill(&who, ts, Side::Buy, m, 0, Decimal::from(rng.range(5, 200)), price, &format!("0xf{d}{k}n{n}")));
                    ts += rng.range(20, 60);
                    n += 1;
                }
                for i in 0..5 {
                    let who = wallet(200 + i as u8);
                    tape.push(fill(&who, event + rng.range(0, 2), Side::Buy, m, 0, dec!(300), price, &format!("0xr{d}{k}{i}")));
                }
                let at = event + rng.range(delay.0, delay.1);
                trades.push(fill(w, at, Side::Buy, m, 0, Decimal::from(rng.range(20, 400)), price, &format!("0xw{d}{k}")));
            }
        }
        tape.extend(trades.iter().cloned());
        let windows = Tape::new(&tape).windows(w, &trades, &cfg());
        (classify_wallet(w, &trades, &cfg()), classify_wallet_with_tape(w, &trades, &windows, &cfg()))
    };
    let bot = wallet(63);
    let (own, c) = run(&bot, (2, 5));
    assert_eq!(own.verdict, Verdict::Human, "{:?}", own.reasons);
    assert!(c.features.rush_share.unwrap() > 0.9, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::FeedLatency));

    // A person who sees the same event taps ten seconds to two minutes later.
    let person = wallet(64);
    let (_, c) = run(&person, (10, 120));
    assert!(c.features.rush_share.unwrap() < cfg().min_rush_share, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// Four weeks of buys on a price feed in 80 short markets: in each quarter hour a chance of an
/// order, `night` in 00:00-08:00 UTC and twice `night` plus a tenth by day, stakes and prices
/// drawn freely; with `sleep` set, nothing in 00:00-07:00 UTC, every day.
fn feed_buyer(w: &Wallet, seed: u64, night: f64, sleep: bool) -> Vec<Trade> {
    let mut rng = Lcg(seed);
    let mut out = Vec::new();
    for q in 0..28 * 96i64 {
        let hour = (q % 96) / 4;
        let chance = if sleep && hour < 7 {
            0.0
        } else if hour < 8 {
            night
        } else {
            2.0 * night + 0.1
        };
        if rng.next() >= chance {
            continue;
        }
        let ts = T0 + q * 900 + rng.range(0, 900);
        let m = rng.range(0, 80) as u32;
        let size = Decimal::new(rng.range(500, 30_000), 2);
        let price = Decimal::new(rng.range(20, 80), 2);
        out.push(fill(w, ts, Side::Buy, m, rng.range(0, 2) as u32, size, price, &format!("0xfb{seed}q{q}")));
    }
    out
}

#[test]
fn a_program_that_slows_at_night_but_never_rests_six_hours_is_a_bot_and_a_busy_person_who_sleeps_is_not() {
    // A feed program, three times as busy by day as by night: a sixth of its orders in the
    // quietest eight hours (short of the decisive share), yet on almost no day a six-hour gap.
    let w = wallet(81);
    let trades = feed_buyer(&w, 43, 0.2, false);
    let c = classify_wallet(&w, &trades, &cfg());
    let f = &c.features;
    assert!(f.orders >= cfg().decisive_sleepless_orders as usize && f.active_days >= cfg().decisive_sleepless_days, "{f:?}");
    assert!(f.quietest_window_share < cfg().decisive_sleepless_window_share, "{f:?}");
    assert!(f.unrested_day_share >= cfg().decisive_unrested_day_share, "{f:?}");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("days without a 6 h rest")), "{:?}", c.reasons);
    // Without the rest reading (a share no history reaches), the same wallet is let through.
    let blind = BotFilterConfig { decisive_unrested_day_share: 1.1, ..cfg() };
    assert_eq!(classify_wallet(&w, &trades, &blind).verdict, Verdict::Human);
    // The same trader asleep seven hours a night, every night, is a person.
    let p = wallet(82);
    let trades = feed_buyer(&p, 43, 0.2, true);
    let c = classify_wallet(&p, &trades, &cfg());
    assert!(c.features.orders >= cfg().decisive_sleepless_orders as usize, "{:?}", c.features);
    assert_eq!(c.features.unrested_day_share, 0.0, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// A program placing about five orders a day at any hour, on varied markets, sizes and prices,
/// resting between them as chance leaves it: no week of its history has a night in it.
fn any_hour_program(w: &Wallet, days: i64) -> Vec<Trade> {
    let mut rng = Lcg(41);
    let mut out = Vec::new();
    for d in 0..days {
        for i in 0..rng.range(3, 8) {
            let ts = T0 + d * DAY + rng.range(0, DAY);
            let side = if rng.next() < 0.7 { Side::Buy } else { Side::Sell };
            let (size, price) = (Decimal::from(rng.range(8, 300)), Decimal::new(rng.range(15, 85), 2));
            out.push(fill(w, ts, side, rng.range(0, 40) as u32, 0, size, price, &format!("0xa{d}x{i}")));
        }
    }
    out
}

/// A person on rotating shifts: waking hours move eight hours each week.
fn shift_worker(w: &Wallet, days: i64) -> Vec<Trade> {
    (0..days / 7)
        .flat_map(|week| {
            let tz = [0, -8, -16, 8][week as usize % 4];
            human_history(w, 90 + week as u64, 7, tz).into_iter().map(move |mut t| {
                t.timestamp = from_secs(t.timestamp.timestamp() + week * 7 * DAY);
                t.transaction_hash = format!("{}w{week}", t.transaction_hash);
                t
            })
        })
        .collect()
}

/// A person who places two or three limit orders a day in waking hours; takers fill each in two
/// or three pieces at its price over the following day, whatever the hour.
fn resting_orders(w: &Wallet, days: i64) -> Vec<Trade> {
    let mut rng = Lcg(77);
    let mut out = Vec::new();
    for (k, placed) in human_history(w, 55, days, 0).into_iter().enumerate().filter(|(k, _)| k % 2 == 0) {
        for piece in 0..rng.range(2, 4) {
            let ts = placed.timestamp.timestamp() + rng.range(60, DAY);
            let size = Decimal::from(rng.range(5, 60));
            let mut t = fill(w, ts, Side::Buy, 0, 0, size, placed.price.value(), &format!("0xr{k}p{piece}"));
            t.asset.clone_from(&placed.asset);
            t.condition_id.clone_from(&placed.condition_id);
            out.push(t);
        }
    }
    out
}

#[test]
fn a_program_trading_at_any_hour_every_week_is_around_the_clock_but_a_shift_worker_and_resting_orders_are_not() {
    let cfg = cfg();
    let program = wallet(60);
    let c = classify_wallet(&program, &any_hour_program(&program, 28), &cfg);
    let f = &c.features;
    // Too few orders for weeks without sleep to decide on the month's hours alone, and a rest
    // on most days: only the weekly reading convicts it.
    assert!(f.orders < cfg.decisive_sleepless_orders as usize, "{} orders", f.orders);
    assert!(f.unrested_day_share < cfg.decisive_unrested_day_share, "{f:?}");
    assert!(f.weekly_windows >= cfg.min_weekly_windows as usize, "{f:?}");
    assert!(f.weekly_quiet_share.unwrap() >= cfg.decisive_weekly_quiet_share, "{f:?}");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert_eq!(c.kind, Some(BotKind::AroundTheClock), "{:?}", c.reasons);

    // Over the month the shift worker's orders cover the clock too, but each week has a night.
    let worker = wallet(61);
    let c = classify_wallet(&worker, &shift_worker(&worker, 28), &cfg);
    let f = &c.features;
    assert!(f.quietest_window_share >= cfg.min_sleepless_window_share, "{f:?}");
    assert!(f.weekly_quiet_share.unwrap() < cfg.decisive_weekly_quiet_share, "{f:?}");
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);

    // Resting orders fill at the takers' hours, week after week, but at their own prices
    // again and again: the weekly reading is not read for them.
    let limits = wallet(62);
    let c = classify_wallet(&limits, &resting_orders(&limits, 28), &cfg);
    let f = &c.features;
    assert!(f.weekly_quiet_share.unwrap() >= cfg.decisive_weekly_quiet_share, "{f:?}");
    assert!(f.resting_repeat_share >= cfg.max_resting_repeat_share, "{f:?}");
    assert_ne!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
}

/// A person trading live games every evening for a month: two or three times a game in and
/// out, each position held twenty to twenty-eight minutes and closed before the game ends.
fn live_game_trader(w: &Wallet, evenings: i64) -> Vec<Trade> {
    live_games(
        w,
        evenings,
        Games { seed: 58, every_days: 1, game_gap: 5400, hold: (1200, 1680), pause: (60, 300), stake: Stake::Drawn, tag: "lg" },
    )
}

#[test]
fn a_person_trading_both_sides_of_live_games_and_closing_every_position_is_one_habit_not_two_signs() {
    let w = wallet(63);
    let config = cfg();
    let c = classify_wallet(&w, &live_game_trader(&w, 26), &config);
    let f = &c.features;
    // Both readings are there: both sides of every game within the hour with a flat inventory,
    // and every bought share sold again within the hold floor, over weeks.
    assert!(f.two_sided_share > config.max_two_sided_share && f.quick_close_share > config.min_quick_close_share, "{f:?}");
    assert!(f.active_days >= config.min_close_active_days, "{f:?}");
    assert!(c.reasons.iter().any(|r| r.contains("sold again within")), "{:?}", c.reasons);
    assert!(c.reasons.iter().any(|r| r.contains("trades both sides")), "{:?}", c.reasons);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("rests on 1 independent sign"), "{:?}", c.reasons);
}

/// Both sides of live games on a week of evenings (too few days for closing everything to be
/// read), each position `stake`.
fn week_of_games(w: &Wallet, stake: Stake) -> Vec<Trade> {
    live_games(w, 8, Games { seed: 71, every_days: 1, game_gap: 5400, hold: (600, 1500), pause: (60, 300), stake, tag: "wk" })
}

#[test]
fn one_exact_share_count_in_and_out_of_markets_is_a_program_but_one_dollar_stake_is_a_person() {
    let config = cfg();
    // A program set to 100 shares: every order, buys and sells, the same count.
    let bot = wallet(64);
    let c = classify_wallet(&bot, &week_of_games(&bot, Stake::Shares(100)), &config);
    let f = &c.features;
    assert!(f.share_cv.unwrap() < config.max_exact_share_cv && f.two_sided_share > config.max_two_sided_share, "{f:?}");
    assert!(f.active_days < config.min_close_active_days && f.orders >= config.min_trades as usize, "{f:?}");
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("2 independent signs"), "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("one exact share count on every order"), "{:?}", c.reasons);
    // A person typing $40 each time: one stake too, but the shares follow the price, and
    // re-using a stake while trading in and out is one habit.
    let person = wallet(65);
    let c = classify_wallet(&person, &week_of_games(&person, Stake::Dollars(40)), &config);
    let f = &c.features;
    assert!(f.share_cv.unwrap() > config.max_exact_share_cv && f.size_cv.unwrap() < config.min_human_size_cv, "{f:?}");
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
    assert!(c.reasons.last().unwrap().contains("rests on 1 independent sign"), "{:?}", c.reasons);
    // With the exact count read as a person's habit too, the program passes: the reading is
    // what tells them apart.
    let lenient = BotFilterConfig { max_exact_share_cv: 0.0, ..cfg() };
    let c = classify_wallet(&bot, &week_of_games(&bot, Stake::Shares(100)), &lenient);
    assert_eq!(c.verdict, Verdict::Human, "{:?}", c.reasons);
}

/// `n` buys of a varying size, the `i`th at `at(i)`, each in one of 40 markets.
fn timed_buys(w: &Wallet, seed: u64, n: i64, tag: &str, at: impl Fn(i64, &mut Lcg) -> i64) -> Vec<Trade> {
    let mut rng = Lcg(seed);
    (0..n)
        .map(|i| {
            let ts = at(i, &mut rng);
            fill(w, ts, Side::Buy, (i % 40) as u32, 0, Decimal::from(rng.range(10, 90)), dec!(0.62), &format!("0x{tag}{i}"))
        })
        .collect()
}

/// One order a day at 14:00 (within a minute), of a varying size, on `days` days in a row.
fn daily_job(w: &Wallet, days: i64) -> Vec<Trade> {
    timed_buys(w, 77, days, "dj", |d, rng| T0 + d * DAY + 14 * 3600 + rng.range(0, 60))
}

#[test]
fn a_daily_job_is_convicted_on_its_days_however_few_its_orders_but_a_morning_habit_is_not() {
    let config = cfg();
    let w = wallet(66);
    // Ten orders: far too few to clear a wallet, and fewer than the orders that convict on
    // other signs, but ten days in the same minute of the day are a job on a clock.
    let c = classify_wallet(&w, &daily_job(&w, 10), &config);
    assert!(c.features.orders < config.min_trades_to_convict as usize, "{:?}", c.features);
    assert_eq!(c.verdict, Verdict::Bot, "{:?}", c.reasons);
    let why = c.reasons.last().unwrap();
    assert!(why.contains("thin history") && why.contains("machine-regular timing"), "{:?}", c.reasons);
    assert!(
        c.reasons.iter().any(|r| r.contains("100% of 10 active days") && r.contains("decisive from 90% over 8 days")),
        "{:?}",
        c.reasons
    );
    // Its score is under the bar for thin histories, and the reason does not claim otherwise.
    assert!(c.score < config.thin_history_bot_score && why.contains("without the bar"), "{:?}", c.reasons);
    // On fewer days than the schedule needs to decide, it is not judged.
    let c = classify_wallet(&w, &daily_job(&w, i64::from(config.decisive_schedule_days) - 1), &config);
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
    // A person who bets most mornings on the train, around 07:40 give or take 25 minutes.
    let person = wallet(67);
    let mornings = timed_buys(&person, 78, 10, "mh", |d, rng| T0 + d * DAY + 7 * 3600 + 40 * 60 + rng.range(-1500, 1500));
    let c = classify_wallet(&person, &mornings, &config);
    assert_eq!(c.verdict, Verdict::InsufficientData, "{:?}", c.reasons);
}

/// An order at a random minute of every hour for `days` days.
fn every_hour(w: &Wallet, days: i64) -> Vec<Trade> {
    timed_buys(w, 79, days * 24, "eh", |h, rng| T0 + h * 3600 + rng.range(0, 3600))
}

#[test]
fn sleep_is_read_week_by_week_over_whole_weeks_only() {
    let config = cfg();
    let w = wallet(68);
    // Two weeks of orders: windows of a week starting a day apart, each inside the history,
    // start on the first seven days; a window starting later would run past the last order
    // and hold part of a week.
    let c = classify_wallet(&w, &every_hour(&w, 14), &config);
    assert_eq!(c.features.weekly_windows, 7, "{:?}", c.features);
    assert!(c.features.weekly_quiet_share.unwrap() > config.decisive_weekly_quiet_share, "{:?}", c.features);
    // A history a few hours short of a week holds no whole week: nothing is read.
    let mut short = every_hour(&w, 7);
    short.retain(|t| t.timestamp.timestamp() < T0 + 7 * DAY - 6 * 3600);
    let c = classify_wallet(&w, &short, &config);
    assert_eq!((c.features.weekly_windows, c.features.weekly_quiet_share), (0, None), "{:?}", c.features);
}
