//! The soak's inputs: its config, the followed leaders, and the seeded leader trades as signals.

use crate::venue::{condition_of, price_of, tokens_of};
use copycat_core::Config;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::records::{Leader, LeaderSet};
use copycat_core::signal::{Signal, keys_for};
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::{Side, Trade, Wallet};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

/// Share of leader trades that are sells (of what the leader bought).
const SELL_SHARE: f64 = 0.15;

/// `base` with what a soak needs so that most signals are copied rather than refused: a balance
/// that never runs out (each copy at most 0.001 % of it), limits that never bind, no stale refusals for a backlog, and the short
/// visibility timeout and claim window of `[chaos]`. Everything else (sizing, the claim
/// protocol, `queues.max_receive`) stays as configured.
pub fn chaos_config(base: &Config) -> Config {
    let mut c = base.clone();
    c.trading.starting_balance = Usd(Decimal::new(10_000_000, 0));
    c.risk.max_signal_age_secs = 86_400;
    c.risk.max_open_positions = 1_000_000;
    c.risk.max_exposure_pct = Decimal::ONE;
    c.risk.per_market_cap_pct = Decimal::ONE;
    c.risk.daily_loss_limit_pct = Decimal::ONE;
    // Small copies of a large balance: thousands of fills never reach the exposure cap.
    for tier in &mut c.modes.tiers {
        tier.position_pct = Decimal::new(1, 5);
    }
    c.queues.visibility_timeout_secs = c.chaos.visibility_timeout_secs;
    c.queues.claim_in_progress_secs = c.chaos.claim_in_progress_secs;
    c
}

/// The wallet of leader `i`.
pub fn leader_wallet(i: u32) -> Wallet {
    Wallet::parse(&format!("0x{:040x}", u64::from(i) + 1)).unwrap_or_else(|_| unreachable!("40 hex digits"))
}

/// Leaders `0..n`, followed since an hour before `now`.
pub fn leader_set(n: u32, now: Timestamp) -> LeaderSet {
    let since = now - Span::hours(1);
    LeaderSet {
        leaders: (0..n)
            .map(|i| Leader { wallet: leader_wallet(i), score: 0.9, roi: 0.3, allocation: Decimal::ONE, since, judged_at: since })
            .collect(),
    }
}

/// `n` distinct leader trades drawn from `seed`, made in the minute before `now`, as signals
/// (keys as the poller derives them), and the indexes of those to deliver twice.
pub fn signals(n: usize, seed: u64, now: Timestamp, leaders: u32, markets: u32, redelivery_rate: f64) -> (Vec<Signal>, Vec<usize>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let trades: Vec<Trade> = (0..n)
        .map(|i| {
            let leader = rng.random_range(0..leaders.max(1));
            let m = rng.random_range(0..markets.max(1));
            let outcome = rng.random_range(0..2usize);
            let side = if rng.random::<f64>() < SELL_SHARE { Side::Sell } else { Side::Buy };
            let mid = if outcome == 0 { price_of(m) } else { Decimal::ONE - price_of(m) };
            Trade {
                wallet: leader_wallet(leader),
                side,
                asset: tokens_of(m)[outcome].clone(),
                condition_id: condition_of(m),
                size: Shares(Decimal::new(rng.random_range(500..20_000), 2)),
                price: Price(mid),
                timestamp: now - Span::milliseconds(rng.random_range(0..60_000)),
                transaction_hash: format!("0x{i:064x}"),
                outcome: if outcome == 0 { "Yes".into() } else { "No".into() },
                outcome_index: Some(outcome as u32),
                title: format!("Chaos market {m}?"),
                slug: format!("chaos-{m}"),
            }
        })
        .collect();
    let keys = keys_for(&trades);
    let signals: Vec<Signal> =
        trades.into_iter().zip(keys).map(|(trade, key)| Signal { key, leader: trade.wallet.clone(), trade, seen_at: now }).collect();
    let again = (0..n).filter(|_| rng.random::<f64>() < redelivery_rate).collect();
    (signals, again)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_distinct_and_the_same_for_the_same_seed() {
        let now = copycat_core::time::from_secs(1_780_000_000);
        let (a, again) = signals(2_000, 9, now, 16, 40, 0.1);
        let (b, _) = signals(2_000, 9, now, 16, 40, 0.1);
        assert_eq!(a, b);
        let keys: std::collections::HashSet<_> = a.iter().map(|s| s.key.clone()).collect();
        assert_eq!(keys.len(), 2_000);
        assert!((150..250).contains(&again.len()), "about 10 % redelivered: {}", again.len());
        assert!(chaos_config(&Config::default()).validate().is_ok());
    }
}
