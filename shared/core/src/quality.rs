//! Is this leader worth copying? Realised results only.
//!
//! Profit, win rate and drawdown come from the realised PnL the Data API reports per position,
//! never from guessing a "win" by comparing the entry price with 0.5 (the older design's bug).
//! Trades supply what positions cannot: activity, bet sizes, the capital each closed position
//! used and when it closed.

use crate::config::QualityConfig;
use crate::market::WalletPosition;
use crate::money::Usd;
use crate::trade::{Side, Trade};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Return on capital at which the ROI part of the score is full.
///
/// Should move to `QualityConfig` (`full_score_roi`).
pub const FULL_SCORE_ROI: f64 = 0.5;

/// Realised PnL, as a multiple of the floor, at which the PnL part of the score is full.
///
/// Should move to `QualityConfig` (`full_score_pnl_multiple`).
pub const FULL_SCORE_PNL_MULTIPLE: f64 = 20.0;

/// The measured record of a leader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderStats {
    /// Realised PnL over all positions (closed ones, and the sold part of open ones).
    pub realized_pnl: Usd,
    /// Realised PnL of closed positions / capital bought into them (0 when unknown).
    pub roi: f64,
    /// Share of closed positions with positive realised PnL.
    pub win_rate: f64,
    /// Closed positions behind `win_rate`.
    pub closed_positions: usize,
    /// Distinct UTC days with a trade.
    pub active_days: u32,
    /// Distinct markets in trades and positions.
    pub markets: u32,
    /// Trades, counted once per transaction.
    pub trades: u32,
    /// Median dollars per buy transaction.
    pub median_bet: Usd,
    /// Largest fall of the cumulative realised-PnL curve, as a share of its running peak.
    pub max_drawdown_pct: f64,
}

/// The judgement on a leader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    /// Quality, 0..1.
    pub score: f64,
    /// True when every floor holds and the score reaches `min_score`.
    pub passes: bool,
    /// Each failed floor with its numbers, or a summary when all hold.
    pub reasons: Vec<String>,
    /// The measurements.
    pub stats: LeaderStats,
}

/// Judges a leader from its trades and positions against the floors in `cfg`.
pub fn assess_leader(trades: &[Trade], positions: &[WalletPosition], cfg: &QualityConfig) -> QualityReport {
    let stats = leader_stats(trades, positions);
    let mut reasons = Vec::new();

    if stats.realized_pnl < cfg.min_realized_pnl {
        reasons.push(format!("realised PnL {} below floor {}", dollars(stats.realized_pnl.value()), dollars(cfg.min_realized_pnl.value())));
    }
    if stats.active_days < cfg.min_active_days {
        reasons.push(format!("active on {} days, below floor {}", stats.active_days, cfg.min_active_days));
    }
    if stats.markets < cfg.min_markets {
        reasons.push(format!("traded {} markets, below floor {}", stats.markets, cfg.min_markets));
    }
    if stats.trades < cfg.min_trades {
        reasons.push(format!("{} trades, below floor {}", stats.trades, cfg.min_trades));
    }
    if stats.median_bet < cfg.min_median_bet {
        reasons.push(format!("median bet {} below floor {}", dollars(stats.median_bet.value()), dollars(cfg.min_median_bet.value())));
    }
    if stats.max_drawdown_pct > cfg.max_drawdown_pct {
        reasons.push(format!("realised drawdown {:.0}% above limit {:.0}%", stats.max_drawdown_pct * 100.0, cfg.max_drawdown_pct * 100.0));
    }

    let score = score(&stats, cfg);
    if score < cfg.min_score {
        reasons.push(format!("quality score {score:.2} below minimum {:.2}", cfg.min_score));
    }
    let passes = reasons.is_empty();
    if passes {
        reasons.push(format!(
            "realised PnL {}, ROI {:.1}%, win rate {:.0}% over {} closed positions, {} trades on {} days",
            dollars(stats.realized_pnl.value()),
            stats.roi * 100.0,
            stats.win_rate * 100.0,
            stats.closed_positions,
            stats.trades,
            stats.active_days
        ));
    }
    QualityReport { score, passes, reasons, stats }
}

fn leader_stats(trades: &[Trade], positions: &[WalletPosition]) -> LeaderStats {
    // Per token: dollars bought and the last trade time (when a closed position closed).
    let mut bought: HashMap<&str, Decimal> = HashMap::new();
    let mut last_trade: HashMap<&str, i64> = HashMap::new();
    let mut per_tx: HashMap<&str, (Side, Decimal)> = HashMap::new();
    let mut days: HashSet<i64> = HashSet::new();
    let mut markets: HashSet<&str> = HashSet::new();
    let mut untagged = 0u32; // trades without a hash count one each
    for t in trades {
        let ts = t.timestamp.timestamp();
        days.insert(ts.div_euclid(86_400));
        markets.insert(&t.condition_id);
        let last = last_trade.entry(&t.asset).or_insert(ts);
        *last = (*last).max(ts);
        if t.side == Side::Buy {
            *bought.entry(&t.asset).or_default() += t.notional().value();
        }
        if t.transaction_hash.is_empty() {
            untagged += 1;
        } else {
            let e = per_tx.entry(&t.transaction_hash).or_insert((t.side, Decimal::ZERO));
            e.1 += t.notional().value();
        }
    }
    for p in positions {
        markets.insert(&p.condition_id);
    }

    let mut bets: Vec<Decimal> = per_tx.values().filter(|(s, _)| *s == Side::Buy).map(|(_, n)| *n).collect();
    if bets.is_empty() {
        bets = per_tx.values().map(|(_, n)| *n).collect();
    }
    let median_bet = Usd(median_decimal(&mut bets));

    let realized_pnl: Usd = positions.iter().map(|p| p.realized_pnl).sum();
    let closed: Vec<&WalletPosition> = positions.iter().filter(|p| p.closed).collect();
    let wins = closed.iter().filter(|p| p.realized_pnl.is_positive()).count();
    let win_rate = if closed.is_empty() { 0.0 } else { wins as f64 / closed.len() as f64 };

    // ROI over closed positions whose capital is known from the trades we have.
    let (mut roi_pnl, mut roi_capital) = (Decimal::ZERO, Decimal::ZERO);
    for p in &closed {
        let capital = bought.get(p.token_id.as_str()).copied().unwrap_or_default().max((p.size * p.avg_price).value());
        if capital > Decimal::ZERO {
            roi_pnl += p.realized_pnl.value();
            roi_capital += capital;
        }
    }
    let roi = if roi_capital > Decimal::ZERO { to_f64(roi_pnl) / to_f64(roi_capital) } else { 0.0 };

    // Realised-PnL curve in time order. A position's realisation is dated by its token's last
    // trade; positions with no trade in the history predate it and come first.
    let mut curve: Vec<(i64, &str, f64)> = positions
        .iter()
        .filter(|p| !p.realized_pnl.value().is_zero())
        .map(|p| {
            let at = last_trade.get(p.token_id.as_str()).copied().unwrap_or(i64::MIN);
            (at, p.token_id.as_str(), p.realized_pnl.to_f64())
        })
        .collect();
    curve.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    // Measured against the peak plus the capital of a typical position: a small early profit
    // followed by one ordinary loss is not a 400 % drawdown of the trader's account.
    let typical_capital = if closed.is_empty() { 0.0 } else { to_f64(roi_capital) / closed.len() as f64 };
    let max_drawdown_pct = max_drawdown(curve.iter().map(|c| c.2), typical_capital);

    LeaderStats {
        realized_pnl,
        roi,
        win_rate,
        closed_positions: closed.len(),
        active_days: days.len() as u32,
        markets: markets.len() as u32,
        trades: per_tx.len() as u32 + untagged,
        median_bet,
        max_drawdown_pct,
    }
}

/// Largest fall from a running peak of the cumulative curve, as a share of that peak plus
/// `capital` (the money a typical position puts at risk).
///
/// Falls while the curve has never been above zero have no peak to measure against; the PnL
/// floor and ROI judge those.
fn max_drawdown(steps: impl Iterator<Item = f64>, capital: f64) -> f64 {
    let (mut cum, mut peak, mut worst) = (0.0f64, 0.0f64, 0.0f64);
    for x in steps {
        cum += x;
        peak = peak.max(cum);
        if peak > 0.0 {
            worst = worst.max((peak - cum) / (peak + capital.max(0.0)));
        }
    }
    worst
}

fn score(s: &LeaderStats, cfg: &QualityConfig) -> f64 {
    let floor = cfg.min_realized_pnl.to_f64().max(1.0);
    let pnl = s.realized_pnl.to_f64();
    let pnl_part = if pnl <= 0.0 { 0.0 } else { ((1.0 + pnl / floor).ln() / (1.0 + FULL_SCORE_PNL_MULTIPLE).ln()).min(1.0) };
    let roi_part = (s.roi / FULL_SCORE_ROI).clamp(0.0, 1.0);
    // Laplace-smoothed so three lucky wins do not score like three hundred.
    let win_part = (s.win_rate * s.closed_positions as f64 + 1.0) / (s.closed_positions as f64 + 2.0);
    let dd_limit = cfg.max_drawdown_pct.max(1e-9);
    let dd_part = (1.0 - s.max_drawdown_pct / dd_limit).clamp(0.0, 1.0);
    let activity_part = (f64::from(s.active_days) / (3.0 * f64::from(cfg.min_active_days.max(1)))).min(1.0);
    (0.3 * pnl_part + 0.25 * roi_part + 0.2 * win_part + 0.15 * dd_part + 0.1 * activity_part).clamp(0.0, 1.0)
}

fn median_decimal(xs: &mut [Decimal]) -> Decimal {
    if xs.is_empty() {
        return Decimal::ZERO;
    }
    xs.sort_unstable();
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / Decimal::TWO }
}

fn to_f64(d: Decimal) -> f64 {
    Usd(d).to_f64()
}

/// `$12.40`, `-$3.00`: dollars for people.
pub(crate) fn dollars(d: Decimal) -> String {
    let r = d.round_dp(2);
    if r.is_sign_negative() && !r.is_zero() { format!("-${:.2}", -r) } else { format!("${:.2}", r.abs()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn dollars_read_like_money() {
        assert_eq!(dollars(dec!(12.4)), "$12.40");
        assert_eq!(dollars(dec!(-3)), "-$3.00");
        assert_eq!(dollars(dec!(50)), "$50.00");
    }

    #[test]
    fn drawdown_is_measured_from_the_running_peak() {
        assert_eq!(max_drawdown([100.0, -50.0, 100.0].into_iter(), 0.0), 0.5);
        assert_eq!(max_drawdown([-10.0, 20.0].into_iter(), 0.0), 0.0);
        // a $50 peak then a $200 loss, with $500 positions, is a 36 % drawdown, not 400 %
        assert!((max_drawdown([50.0, -200.0].into_iter(), 500.0) - 200.0 / 550.0).abs() < 1e-12);
    }
}
