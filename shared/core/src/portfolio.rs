//! Portfolio accounting: cash, positions, realised and unrealised PnL, peak and drawdown.

use crate::money::{Price, Shares, Usd};
use rust_decimal::Decimal;

/// The venue's taker fee for one fill: shares × fee_rate × p × (1 − p). Makers pay none.
pub fn taker_fee(shares: Shares, price: Price, fee_rate: Decimal) -> Usd {
    let p = price.0;
    Usd((shares.0 * fee_rate * p * (Decimal::ONE - p)).round_dp(6))
}
