//! Signals: one leader trade seen, with the key that makes copying it exactly-once.
//!
//! A Data API trade has no unique fill id, and one transaction can hold many identical fills,
//! so the key hashes the transaction hash, wallet, asset, side, price, size and the occurrence
//! ordinal of identical rows.

use crate::time::Timestamp;
use crate::trade::{Trade, Wallet};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The idempotency key of one leader fill: 32 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SignalKey(pub String);

impl SignalKey {
    /// The key as text (also used as the FIFO de-duplication id and the live order salt seed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SignalKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Hashes a trade's identifying fields and its occurrence ordinal into a [`SignalKey`].
///
/// Decimals are normalised first so `0.5` and `0.50` give the same key.
pub fn signal_key(trade: &Trade, occurrence: u32) -> SignalKey {
    use sha2::Digest;
    // SHA-256 (hardware-accelerated on x86-64 and Graviton), truncated to 128 bits.
    let mut h = sha2::Sha256::new();
    // Transaction hashes arrive in either case: hash them lowercased, without allocating.
    let mut lower = [0u8; 64];
    for chunk in trade.transaction_hash.as_bytes().chunks(lower.len()) {
        let part = &mut lower[..chunk.len()];
        part.copy_from_slice(chunk);
        part.make_ascii_lowercase();
        h.update(&*part);
    }
    h.update([0]);
    h.update(trade.wallet.as_str().as_bytes());
    h.update([0]);
    h.update(trade.asset.as_bytes());
    h.update([0, trade.side as u8]);
    h.update(trade.price.0.normalize().serialize());
    h.update(trade.size.0.normalize().serialize());
    h.update(occurrence.to_le_bytes());
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(32);
    for b in &digest[..16] {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 0x0f) as usize] as char);
    }
    SignalKey(out)
}

/// Keys for a batch of trades: identical rows get occurrence ordinals 0, 1, 2… in the order
/// given, so the batch must always contain every row of a timestamp it touches.
pub fn keys_for(trades: &[Trade]) -> Vec<SignalKey> {
    let mut seen: HashMap<SignalKey, u32> = HashMap::new();
    trades
        .iter()
        .map(|t| {
            let base = signal_key(t, 0);
            let n = seen.entry(base.clone()).or_insert(0);
            let key = if *n == 0 { base } else { signal_key(t, *n) };
            *n += 1;
            key
        })
        .collect()
}

/// One leader trade seen by the poller, as it travels on the signals queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// Idempotency key.
    pub key: SignalKey,
    /// The leader who traded.
    pub leader: Wallet,
    /// The trade itself.
    pub trade: Trade,
    /// When the poller saw it.
    pub seen_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Price, Shares};
    use crate::time::from_secs;
    use crate::trade::Side;
    use rust_decimal_macros::dec;

    fn trade(price: rust_decimal::Decimal) -> Trade {
        Trade {
            wallet: Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap(),
            side: Side::Buy,
            asset: "123".into(),
            condition_id: "0xc".into(),
            size: Shares(dec!(10)),
            price: Price(price),
            timestamp: from_secs(1_700_000_000),
            transaction_hash: "0xabc".into(),
            outcome: "Yes".into(),
            outcome_index: Some(0),
            title: String::new(),
            slug: String::new(),
        }
    }

    #[test]
    fn identical_fills_in_one_transaction_get_distinct_keys() {
        let t = trade(dec!(0.5));
        let keys = keys_for(&[t.clone(), t.clone(), t]);
        assert_ne!(keys[0], keys[1]);
        assert_ne!(keys[1], keys[2]);
        assert_ne!(keys[0], keys[2]);
    }

    #[test]
    fn key_ignores_decimal_scale_and_is_stable() {
        assert_eq!(signal_key(&trade(dec!(0.5)), 0), signal_key(&trade(dec!(0.50)), 0));
        assert_ne!(signal_key(&trade(dec!(0.5)), 0), signal_key(&trade(dec!(0.51)), 0));
        assert_eq!(signal_key(&trade(dec!(0.5)), 0).as_str().len(), 32);
    }

    #[test]
    fn batch_keys_are_the_same_whatever_batch_they_arrive_in() {
        let a = trade(dec!(0.5));
        let mut b = trade(dec!(0.6));
        b.transaction_hash = "0xdef".into();
        let one = keys_for(&[a.clone(), b.clone(), a.clone()]);
        let two = keys_for(&[b, a.clone(), a]);
        assert_eq!(one[0], two[1]);
        assert_eq!(one[2], two[2]);
        assert_eq!(one[1], two[0]);
    }
}
