//! A leader's trade as CopyCat understands it: typed, validated, wallet lowercased.

use crate::money::{Price, Shares, Usd};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A Polygon wallet address, always `0x` + 40 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Wallet(String);

/// Why a string is not a wallet address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a wallet address: expected 0x followed by 40 hex digits")]
pub struct BadWallet {
    /// The rejected text (addresses are public, so it is safe to echo).
    pub value: String,
}

impl Wallet {
    /// Parses and lowercases an address (the real-time feed sends checksummed mixed case).
    pub fn parse(s: &str) -> Result<Self, BadWallet> {
        let t = s.trim();
        let ok = t.len() == 42 && (t.starts_with("0x") || t.starts_with("0X")) && t[2..].bytes().all(|b| b.is_ascii_hexdigit());
        if ok { Ok(Wallet(format!("0x{}", t[2..].to_ascii_lowercase()))) } else { Err(BadWallet { value: s.chars().take(80).collect() }) }
    }

    /// The lowercase address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A short form for people: `0xabcd…1234`.
    pub fn short(&self) -> String {
        format!("{}…{}", &self.0[..6], &self.0[self.0.len() - 4..])
    }
}

impl TryFrom<String> for Wallet {
    type Error = BadWallet;
    fn try_from(s: String) -> Result<Self, BadWallet> {
        Wallet::parse(&s)
    }
}

impl From<Wallet> for String {
    fn from(w: Wallet) -> String {
        w.0
    }
}

impl fmt::Display for Wallet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Buy or sell of an outcome token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Side {
    /// Buying shares of the token.
    Buy,
    /// Selling shares of the token.
    Sell,
}

impl Side {
    /// The venue's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Buy => "BUY",
            Side::Sell => "SELL",
        }
    }
}

/// One leader trade (a fill) as reported by the Data API, validated.
///
/// `asset` is the outcome token id: copies match on it, never on an outcome label like "Yes".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trade {
    /// Whose trade it is.
    pub wallet: Wallet,
    /// Buy or sell.
    pub side: Side,
    /// Outcome token id (CLOB token id).
    pub asset: String,
    /// The market's condition id.
    pub condition_id: String,
    /// Shares filled.
    pub size: Shares,
    /// Price per share.
    pub price: Price,
    /// When it happened (the Data API reports whole seconds).
    pub timestamp: Timestamp,
    /// Transaction hash; one transaction can hold many fills.
    pub transaction_hash: String,
    /// Outcome label, for people only.
    #[serde(default)]
    pub outcome: String,
    /// Outcome index within the market, when known.
    #[serde(default)]
    pub outcome_index: Option<u32>,
    /// Market title, for people only.
    #[serde(default)]
    pub title: String,
    /// Market slug, for people only.
    #[serde(default)]
    pub slug: String,
}

impl Trade {
    /// What the trade cost or raised, in dollars.
    pub fn notional(&self) -> Usd {
        self.size * self.price
    }
}
