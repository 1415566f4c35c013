//! Signals: one leader trade seen, with the key that makes copying it exactly-once.
//!
//! A fill has no unique id, and the two detection paths see it differently: on chain a taker
//! matched against several makers is several `OrderFilled` logs with exact amounts, while the
//! Data API shows rows (one per taker fill, or one per price level) with rounded amounts. So a
//! leader's fill is identified by what both sources agree on — transaction hash, wallet, outcome
//! token and side — and the fills sharing those are one trade ([`merge_fills`]: sizes summed,
//! price weighted by size). The same trade seen on chain and later in the Data API gets the same
//! [`SignalKey`], so a backstop or a reconciliation never copies it twice.

use crate::money::{Price, Shares};
use crate::time::Timestamp;
use crate::trade::{Trade, Wallet};
use rust_decimal::Decimal;
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

/// Hashes a trade's identity — transaction hash, wallet, outcome token, side — into a
/// [`SignalKey`]. Size and price are left out on purpose: the chain and the Data API report them
/// with different precision and split differently, and [`merge_fills`] makes one trade of them.
pub fn signal_key(trade: &Trade) -> SignalKey {
    use sha2::Digest;
    // SHA-256 (hardware-accelerated on x86-64 and Graviton), truncated to 128 bits.
    let mut h = sha2::Sha256::new();
    // A domain tag, so these keys never collide with the earlier (size, price, ordinal) ones.
    h.update(b"fill/v2\0");
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
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(32);
    for b in &digest[..16] {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 0x0f) as usize] as char);
    }
    SignalKey(out)
}

/// Makes one trade of the fills that share a transaction, wallet, outcome token and side: sizes
/// summed, price the size-weighted mean, everything else from the first. Order is kept (each
/// merged trade sits where its first fill was), so the batch must hold every fill of a
/// transaction it touches — the Data API never ends a page inside a timestamp, and a block's
/// logs are read whole.
pub fn merge_fills(trades: &[Trade]) -> Vec<Trade> {
    let mut out: Vec<Trade> = Vec::with_capacity(trades.len());
    // Per merged trade: Σ size × price, to re-weight the price when another fill joins.
    let mut paid: Vec<Decimal> = Vec::with_capacity(trades.len());
    let mut at: HashMap<SignalKey, usize> = HashMap::new();
    for t in trades {
        let key = signal_key(t);
        match at.get(&key) {
            Some(&i) => {
                let size = out[i].size.0 + t.size.0;
                paid[i] += t.size.0 * t.price.0;
                out[i].size = Shares(size);
                if !size.is_zero() {
                    out[i].price = Price((paid[i] / size).round_dp(6).normalize());
                }
            }
            None => {
                at.insert(key, out.len());
                paid.push(t.size.0 * t.price.0);
                out.push(t.clone());
            }
        }
    }
    out
}

/// The key of each trade of a batch, in order; merge the batch first ([`merge_fills`]), or
/// fills of one order share a key and only the first is copied.
pub fn keys_for(trades: &[Trade]) -> Vec<SignalKey> {
    trades.iter().map(signal_key).collect()
}

/// A batch of fills as trades with their keys: [`merge_fills`], then [`keys_for`].
pub fn keyed_trades(fills: &[Trade]) -> (Vec<Trade>, Vec<SignalKey>) {
    let trades = merge_fills(fills);
    let keys = keys_for(&trades);
    (trades, keys)
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
    fn fills_of_one_order_merge_into_one_trade_with_summed_size_and_weighted_price() {
        let a = trade(dec!(0.5));
        let mut b = trade(dec!(0.6));
        b.size = Shares(dec!(30));
        let mut other_side = trade(dec!(0.5));
        other_side.side = Side::Sell;
        let merged = merge_fills(&[a.clone(), other_side.clone(), b]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].size, Shares(dec!(40)));
        assert_eq!(merged[0].price, Price(dec!(0.575)), "(10 × 0.5 + 30 × 0.6) / 40");
        assert_eq!(merged[1], other_side);
        assert_eq!(keys_for(&merged)[0], signal_key(&a));
    }

    #[test]
    fn key_is_the_fill_identity_not_its_amounts() {
        let a = trade(dec!(0.5));
        let mut rounded = trade(dec!(0.4999));
        rounded.size = Shares(dec!(9.99));
        rounded.transaction_hash = "0xABC".into();
        assert_eq!(signal_key(&a), signal_key(&rounded), "the chain's exact amounts and the Data API's rounded ones agree");
        let mut sell = a.clone();
        sell.side = Side::Sell;
        assert_ne!(signal_key(&a), signal_key(&sell));
        let mut other_token = a.clone();
        other_token.asset = "124".into();
        assert_ne!(signal_key(&a), signal_key(&other_token));
        assert_eq!(signal_key(&a).as_str().len(), 32);
    }

    #[test]
    fn merged_keys_are_the_same_whatever_batch_or_split_they_arrive_in() {
        let a = trade(dec!(0.5));
        let mut b = trade(dec!(0.6));
        b.transaction_hash = "0xdef".into();
        let (one, k1) = keyed_trades(&[a.clone(), b.clone(), a.clone()]);
        let (two, k2) = keyed_trades(&[b, a.clone(), a]);
        assert_eq!((one.len(), two.len()), (2, 2));
        assert_eq!(k1[0], k2[1]);
        assert_eq!(k1[1], k2[0]);
        assert_eq!(one[0].size, Shares(dec!(20)));
    }
}
