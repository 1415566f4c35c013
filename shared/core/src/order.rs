//! Copy orders and what the venue did with them.

use crate::money::{Price, Shares, Usd};
use crate::signal::SignalKey;
use crate::time::Timestamp;
use crate::trade::Side;
use serde::{Deserialize, Serialize};

/// Time in force of a marketable order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeInForce {
    /// Fill entirely or not at all.
    Fok,
    /// Fill what is available now, cancel the rest.
    Fak,
}

/// A copy order: a marketable limit order in shares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyOrder {
    /// The signal it copies; live orders derive their salt from it, so a retry is the same order.
    pub key: SignalKey,
    /// Outcome token.
    pub token_id: String,
    /// Buy or sell.
    pub side: Side,
    /// Shares, rounded to the venue's step and minimum.
    pub shares: Shares,
    /// Worst acceptable price (a buy pays at most this, a sell takes at least this).
    pub limit_price: Price,
    /// Fill-or-kill or fill-and-kill.
    pub time_in_force: TimeInForce,
}

/// What the venue did with a copy order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fill {
    /// Shares filled (zero: nothing matched inside the limit).
    pub shares: Shares,
    /// Volume-weighted price paid or received.
    pub avg_price: Price,
    /// Taker fee charged.
    pub fee: Usd,
    /// Venue order id (or paper id).
    pub order_id: String,
    /// When it filled.
    pub at: Timestamp,
}

/// A prepared order as the broker wants it kept (opaque to everyone else), written to the
/// signal's claim before the order is sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTicket(pub String);
