//! `OrderFilled` logs of Polymarket's V2 exchanges, read as leader fills.
//!
//! The event, as the V2 exchange contracts emit it (`ctf-exchange-v2`):
//! `OrderFilled(bytes32 indexed orderHash, address indexed maker, address indexed taker,
//! uint8 side, uint256 tokenId, uint256 makerAmountFilled, uint256 takerAmountFilled,
//! uint256 fee, bytes32 builder, bytes32 metadata)` — four topics, seven data words. `side` is
//! the maker order's side (0 BUY, 1 SELL); a BUY maker gives `makerAmountFilled` pUSD for
//! `takerAmountFilled` shares, a SELL maker the other way round; both in 6-decimal units.
//!
//! A followed wallet's fill shows up in two ways. As `maker`: its own order was filled (as a
//! resting maker order, or its taker order's summary, whose `taker` is the exchange itself).
//! As `taker`: it took a resting order, and the log speaks from that maker's side, so the
//! wallet's side is the other one. When a transaction holds the wallet's own summary log, its
//! legs as `taker` are the same fill and are dropped; otherwise the legs are its fill. Either
//! way the fills of one (transaction, wallet, token, side) become one trade downstream
//! ([`copycat_core::signal::merge_fills`]), which is also how the Data API's rows are merged.

use crate::quantity;
use copycat_core::money::{Price, Shares};
use copycat_core::time::Timestamp;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashSet};

/// keccak256 of `OrderFilled(bytes32,address,address,uint8,uint256,uint256,uint256,uint256,bytes32,bytes32)`.
pub const ORDER_FILLED_TOPIC: &str = "0xd543adfd945773f1a62f74f0ee55a5e3b9b1a28262980ba90b1a89f2ea84d8ee";
/// CTF Exchange V2 on Polygon (ordinary markets), lowercase.
pub const EXCHANGE_V2: &str = "0xe111180000d2663c0091e4f400237545b87b996b";
/// Neg-risk CTF Exchange V2 on Polygon, lowercase.
pub const NEG_RISK_EXCHANGE_V2: &str = "0xe2222d279d744050d28e00520010520000310f59";
/// Both exchanges: every `eth_getLogs` asks for these addresses only.
pub const EXCHANGES: [&str; 2] = [EXCHANGE_V2, NEG_RISK_EXCHANGE_V2];

/// Data words of one `OrderFilled` log.
const DATA_WORDS: usize = 7;
/// 10^6: amounts are in 6-decimal units (pUSD and outcome shares alike).
const UNIT_SCALE: u32 = 6;

/// Why a log is not a fill CopyCat can use. [`LogError::is_node_fault`] says which ones are
/// the node's (garbage in answer to our filter: counted by the `chain` breaker) and which are
/// real chain data we refuse (skipped and logged, never counted).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    /// A field is missing or not of the expected JSON type / hex shape.
    #[error("log field `{field}`: {reason}")]
    Malformed {
        /// Which field.
        field: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// Emitted by a contract we did not ask for.
    #[error("log from {address}, which is not a Polymarket V2 exchange")]
    OtherContract {
        /// The emitting contract.
        address: String,
    },
    /// Not an `OrderFilled` log (another event).
    #[error("log topic0 {topic0} is not OrderFilled")]
    OtherEvent {
        /// The event signature hash.
        topic0: String,
    },
    /// `OrderFilled` has four topics; this log has another count.
    #[error("OrderFilled log with {got} topics (expected 4)")]
    TopicCount {
        /// Topics found.
        got: usize,
    },
    /// `OrderFilled` has seven data words; this log's data has another length.
    #[error("OrderFilled log with {got} data bytes (expected {})", DATA_WORDS * 32)]
    DataLength {
        /// Bytes found.
        got: usize,
    },
    /// An amount does not fit 64 bits of 6-decimal units (18 trillion dollars or shares).
    #[error("OrderFilled `{field}` overflows 64 bits")]
    AmountOverflow {
        /// Which amount.
        field: &'static str,
    },
    /// `side` is neither 0 (BUY) nor 1 (SELL).
    #[error("OrderFilled side {value} is neither 0 (BUY) nor 1 (SELL)")]
    UnknownSide {
        /// The value found.
        value: u64,
    },
    /// A fill with no shares (nothing to copy, and no price).
    #[error("OrderFilled with zero shares")]
    ZeroShares,
    /// The log names no wallet of the filter it answered.
    #[error("log names neither maker nor taker of the filter asked")]
    NotAsked,
}

impl LogError {
    /// Whether this is the node's fault (an answer that does not match the question); the rest
    /// are logs a correct node may return that CopyCat declines to turn into trades.
    pub fn is_node_fault(&self) -> bool {
        !matches!(self, LogError::AmountOverflow { .. } | LogError::UnknownSide { .. } | LogError::ZeroShares)
    }
}

/// One `OrderFilled` log, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderFilled {
    /// The exchange that emitted it (lowercase).
    pub exchange: String,
    /// The filled order's maker.
    pub maker: Wallet,
    /// Its counterparty: the taker order's maker, or the exchange for a taker order's summary.
    pub taker: Wallet,
    /// The maker order's side.
    pub side: Side,
    /// Outcome token id, decimal.
    pub token_id: String,
    /// What the maker gave, in 6-decimal units.
    pub maker_amount: u64,
    /// What the maker got, in 6-decimal units.
    pub taker_amount: u64,
    /// Fee charged on this fill, in 6-decimal units of what the maker got.
    pub fee: u64,
    /// Block number.
    pub block_number: u64,
    /// Block hash (lowercase).
    pub block_hash: String,
    /// Transaction hash (lowercase).
    pub transaction_hash: String,
    /// Position of the log in its block.
    pub log_index: u64,
    /// True when the node says the log was removed by a reorg.
    pub removed: bool,
}

impl OrderFilled {
    /// Shares and pUSD of the fill, in 6-decimal units.
    pub fn shares_and_usdc(&self) -> (u64, u64) {
        match self.side {
            Side::Buy => (self.taker_amount, self.maker_amount),
            Side::Sell => (self.maker_amount, self.taker_amount),
        }
    }

    /// Whether the counterparty is an exchange: this is a taker order's summary.
    pub fn is_taker_summary(&self) -> bool {
        EXCHANGES.contains(&self.taker.as_str())
    }
}

/// One followed wallet's part of a log: its side, token and amounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaderFill {
    /// The followed wallet.
    pub wallet: Wallet,
    /// Its side.
    pub side: Side,
    /// The log it comes from.
    pub log: OrderFilled,
}

impl LeaderFill {
    /// The fill as a core [`Trade`] at its block's time. The condition id is not in the log:
    /// it stays empty (the copier reads the market by token).
    pub fn to_trade(&self, block_time: Timestamp) -> Trade {
        let (shares, usdc) = self.log.shares_and_usdc();
        // From u64 through i128: an amount above i64::MAX stays positive.
        let size = Decimal::from_i128_with_scale(i128::from(shares), UNIT_SCALE);
        let paid = Decimal::from_i128_with_scale(i128::from(usdc), UNIT_SCALE);
        let price = if size.is_zero() { Decimal::ZERO } else { (paid / size).round_dp(6).normalize() };
        Trade {
            wallet: self.wallet.clone(),
            side: self.side,
            asset: self.log.token_id.clone(),
            condition_id: String::new(),
            size: Shares(size.normalize()),
            price: Price(price),
            timestamp: block_time,
            transaction_hash: self.log.transaction_hash.clone(),
            outcome: String::new(),
            outcome_index: None,
            title: String::new(),
            slug: String::new(),
        }
    }

    /// The fee of this fill in 6-decimal units (kept for reports; the copy pays its own fee).
    pub fn fee(&self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.log.fee), UNIT_SCALE)
    }
}

/// Which indexed topic a filter matches wallets on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    /// topic 2: the filled order's maker.
    Maker,
    /// topic 3: its counterparty.
    Taker,
}

/// A wallet as a 32-byte topic (left-padded with zeros).
pub fn wallet_topic(w: &Wallet) -> String {
    format!("0x000000000000000000000000{}", &w.as_str()[2..])
}

/// The `eth_getLogs` filter for `OrderFilled` of both exchanges over `from..=to` whose `party`
/// is one of `wallets` (a topic OR-list).
pub fn filter(from: u64, to: u64, wallets: &[Wallet], party: Party) -> Value {
    let list: Vec<String> = wallets.iter().map(wallet_topic).collect();
    let topics = match party {
        Party::Maker => json!([ORDER_FILLED_TOPIC, list]),
        Party::Taker => json!([ORDER_FILLED_TOPIC, null, list]),
    };
    json!({
        "fromBlock": quantity::encode(from),
        "toBlock": quantity::encode(to),
        "address": EXCHANGES,
        "topics": topics,
    })
}

fn malformed(field: &'static str, reason: impl Into<String>) -> LogError {
    LogError::Malformed { field, reason: reason.into() }
}

fn str_field<'a>(v: &'a Value, field: &'static str) -> Result<&'a str, LogError> {
    v.get(field).and_then(Value::as_str).ok_or_else(|| malformed(field, "missing or not a string"))
}

/// `0x` + `2 × len` hex digits, lowercased.
fn hex_field(s: &str, field: &'static str, len: usize) -> Result<String, LogError> {
    let digits = s.strip_prefix("0x").ok_or_else(|| malformed(field, "no 0x prefix"))?;
    if digits.len() != 2 * len || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(malformed(field, format!("expected {len} bytes of hex")));
    }
    Ok(format!("0x{}", digits.to_ascii_lowercase()))
}

fn hex_bytes(s: &str, field: &'static str) -> Result<Vec<u8>, LogError> {
    let digits = s.strip_prefix("0x").ok_or_else(|| malformed(field, "no 0x prefix"))?;
    if digits.len() % 2 != 0 {
        return Err(malformed(field, "odd number of hex digits"));
    }
    // Checked byte by byte before pairing: slicing text with a multi-byte character in it at an
    // odd offset would panic (found by the chain_rpc_reply fuzz target).
    let nibble = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    digits
        .as_bytes()
        .chunks(2)
        .map(|pair| match (nibble(pair[0]), nibble(pair[1])) {
            (Some(hi), Some(lo)) => Ok(hi << 4 | lo),
            _ => Err(malformed(field, "not hex")),
        })
        .collect()
}

/// A topic holding an address: 12 zero bytes, then the 20 address bytes.
fn topic_wallet(topic: &str, field: &'static str) -> Result<Wallet, LogError> {
    let t = hex_field(topic, field, 32)?;
    if !t[2..26].bytes().all(|b| b == b'0') {
        return Err(malformed(field, "not an address topic (high bytes set)"));
    }
    Wallet::parse(&format!("0x{}", &t[26..])).map_err(|e| malformed(field, e.to_string()))
}

/// A 32-byte word as `u64`; [`LogError::AmountOverflow`] when the high 24 bytes are not zero.
fn word_u64(word: &[u8], field: &'static str) -> Result<u64, LogError> {
    if word[..24].iter().any(|&b| b != 0) {
        return Err(LogError::AmountOverflow { field });
    }
    let mut low = [0u8; 8];
    low.copy_from_slice(&word[24..32]);
    Ok(u64::from_be_bytes(low))
}

/// A 256-bit big-endian word in decimal (token ids are uint256 written in decimal).
pub fn word_to_decimal(word: &[u8; 32]) -> String {
    let mut n = *word;
    let mut digits = Vec::new();
    loop {
        let mut rem = 0u32;
        let mut zero = true;
        for b in n.iter_mut() {
            let cur = (rem << 8) | u32::from(*b);
            *b = (cur / 10) as u8;
            rem = cur % 10;
            zero &= *b == 0;
        }
        digits.push(b'0' + rem as u8);
        if zero {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// A decimal uint256 as a big-endian word; None when it is not decimal or does not fit.
pub fn decimal_to_word(s: &str) -> Option<[u8; 32]> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut w = [0u8; 32];
    for d in s.bytes() {
        let mut carry = u32::from(d - b'0');
        for b in w.iter_mut().rev() {
            let cur = u32::from(*b) * 10 + carry;
            *b = (cur & 0xff) as u8;
            carry = cur >> 8;
        }
        if carry != 0 {
            return None;
        }
    }
    Some(w)
}

/// Decodes one log object of an `eth_getLogs` answer.
pub fn decode_log(v: &Value) -> Result<OrderFilled, LogError> {
    let exchange = hex_field(str_field(v, "address")?, "address", 20)?;
    if !EXCHANGES.contains(&exchange.as_str()) {
        return Err(LogError::OtherContract { address: exchange });
    }
    let topics = v.get("topics").and_then(Value::as_array).ok_or_else(|| malformed("topics", "missing or not an array"))?;
    let topic = |i: usize| topics.get(i).and_then(Value::as_str).ok_or_else(|| malformed("topics", "a topic is not a string"));
    if topics.is_empty() {
        return Err(LogError::TopicCount { got: 0 });
    }
    let topic0 = hex_field(topic(0)?, "topics", 32)?;
    if topic0 != ORDER_FILLED_TOPIC {
        return Err(LogError::OtherEvent { topic0 });
    }
    if topics.len() != 4 {
        return Err(LogError::TopicCount { got: topics.len() });
    }
    let maker = topic_wallet(topic(2)?, "topics[2] (maker)")?;
    let taker = topic_wallet(topic(3)?, "topics[3] (taker)")?;
    let data = hex_bytes(str_field(v, "data")?, "data")?;
    if data.len() != DATA_WORDS * 32 {
        return Err(LogError::DataLength { got: data.len() });
    }
    let word = |i: usize| &data[i * 32..(i + 1) * 32];
    let side = match word_u64(word(0), "side") {
        Ok(0) => Side::Buy,
        Ok(1) => Side::Sell,
        Ok(value) => return Err(LogError::UnknownSide { value }),
        Err(_) => return Err(LogError::UnknownSide { value: u64::MAX }),
    };
    let mut token = [0u8; 32];
    token.copy_from_slice(word(1));
    let maker_amount = word_u64(word(2), "makerAmountFilled")?;
    let taker_amount = word_u64(word(3), "takerAmountFilled")?;
    let fee = word_u64(word(4), "fee")?;
    // Decimal holds 96 bits: an i64 amount always fits.
    if maker_amount > i64::MAX as u64 {
        return Err(LogError::AmountOverflow { field: "makerAmountFilled" });
    }
    if taker_amount > i64::MAX as u64 {
        return Err(LogError::AmountOverflow { field: "takerAmountFilled" });
    }
    if fee > i64::MAX as u64 {
        return Err(LogError::AmountOverflow { field: "fee" });
    }
    let quantity_field = |field: &'static str| -> Result<u64, LogError> {
        quantity::decode(v.get(field).unwrap_or(&Value::Null)).map_err(|reason| malformed(field, reason))
    };
    let log = OrderFilled {
        exchange,
        maker,
        taker,
        side,
        token_id: word_to_decimal(&token),
        maker_amount,
        taker_amount,
        fee,
        block_number: quantity_field("blockNumber")?,
        block_hash: hex_field(str_field(v, "blockHash")?, "blockHash", 32)?,
        transaction_hash: hex_field(str_field(v, "transactionHash")?, "transactionHash", 32)?,
        log_index: quantity_field("logIndex")?,
        removed: v.get("removed").and_then(Value::as_bool).unwrap_or(false),
    };
    if log.shares_and_usdc().0 == 0 {
        return Err(LogError::ZeroShares);
    }
    Ok(log)
}

/// The followed wallets' fills in a set of logs, in (block, log index) order, each log once
/// (the maker and taker filters may both return it). A wallet's legs as taker are dropped in a
/// transaction that also holds its own taker-order summary (they are the same fill).
pub fn leader_fills(logs: &[OrderFilled], followed: &HashSet<Wallet>) -> Vec<LeaderFill> {
    let mut seen = BTreeSet::new();
    let mut ordered: Vec<&OrderFilled> = Vec::new();
    for l in logs {
        if l.removed {
            continue;
        }
        if seen.insert((l.block_number, l.log_index, l.transaction_hash.clone())) {
            ordered.push(l);
        }
    }
    ordered.sort_by_key(|l| (l.block_number, l.log_index));
    let summaries: HashSet<(&str, &Wallet)> =
        ordered.iter().filter(|l| l.is_taker_summary()).map(|l| (l.transaction_hash.as_str(), &l.maker)).collect();
    let mut out = Vec::new();
    for l in ordered {
        if followed.contains(&l.maker) {
            out.push(LeaderFill { wallet: l.maker.clone(), side: l.side, log: l.clone() });
        }
        if followed.contains(&l.taker) && !summaries.contains(&(l.transaction_hash.as_str(), &l.taker)) {
            let side = match l.side {
                Side::Buy => Side::Sell,
                Side::Sell => Side::Buy,
            };
            out.push(LeaderFill { wallet: l.taker.clone(), side, log: l.clone() });
        }
    }
    out
}

/// Encodes an `OrderFilled` log as a node returns it (for the simulator and tests).
pub fn encode_log(l: &OrderFilled) -> Value {
    let token = decimal_to_word(&l.token_id).unwrap_or([0; 32]);
    let side = [0u8; 31].into_iter().chain([match l.side {
        Side::Buy => 0,
        Side::Sell => 1,
    }]);
    let amount = |n: u64| [0u8; 24].into_iter().chain(n.to_be_bytes());
    let bytes = side.chain(token).chain(amount(l.maker_amount)).chain(amount(l.taker_amount)).chain(amount(l.fee)).chain([0u8; 64]);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut data = String::with_capacity(2 + DATA_WORDS * 64);
    data.push_str("0x");
    for b in bytes {
        data.push(HEX[usize::from(b >> 4)] as char);
        data.push(HEX[usize::from(b & 0x0f)] as char);
    }
    let order_hash = format!("0x{:064x}", l.block_number.wrapping_mul(1_000_003) ^ l.log_index);
    json!({
        "address": l.exchange,
        "topics": [ORDER_FILLED_TOPIC, order_hash, wallet_topic(&l.maker), wallet_topic(&l.taker)],
        "data": data,
        "blockNumber": quantity::encode(l.block_number),
        "blockHash": l.block_hash,
        "transactionHash": l.transaction_hash,
        "logIndex": quantity::encode(l.log_index),
        "removed": l.removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn w(n: u8) -> Wallet {
        Wallet::parse(&format!("0x{:040x}", n)).unwrap()
    }

    fn log(maker: Wallet, taker: Wallet, side: Side, maker_amount: u64, taker_amount: u64, index: u64) -> OrderFilled {
        OrderFilled {
            exchange: EXCHANGE_V2.into(),
            maker,
            taker,
            side,
            token_id: "71321045679252212594626385532706912750332728571942532289631379312455583992563".into(),
            maker_amount,
            taker_amount,
            fee: 1_000,
            block_number: 70_000_000,
            block_hash: format!("0x{:064x}", 7),
            transaction_hash: format!("0x{:064x}", 0xabc),
            log_index: index,
            removed: false,
        }
    }

    #[test]
    fn order_filled_topic_is_the_keccak_of_the_v2_signature() {
        use sha3::Digest;
        let sig = "OrderFilled(bytes32,address,address,uint8,uint256,uint256,uint256,uint256,bytes32,bytes32)";
        let hash: [u8; 32] = sha3::Keccak256::digest(sig.as_bytes()).into();
        let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(format!("0x{hex}"), ORDER_FILLED_TOPIC);
    }

    #[test]
    fn non_ascii_in_hex_data_is_malformed_and_huge_amounts_stay_positive() {
        let l = log(w(1), w(2), Side::Buy, 5_200_000, 10_000_000, 3);
        let mut v = encode_log(&l);
        let data = v["data"].as_str().unwrap().to_string();
        // A two-byte character at an odd offset of the hex digits: this panicked the slicing.
        v["data"] = Value::String(format!("{}\u{35f}{}", &data[..127], &data[128..data.len() - 1]));
        assert!(matches!(decode_log(&v), Err(LogError::Malformed { field: "data", .. })));
        let big = log(w(1), w(2), Side::Buy, u64::MAX, u64::MAX - 1, 3);
        let t = LeaderFill { wallet: w(1), side: Side::Buy, log: big }.to_trade(copycat_core::time::from_secs(0));
        assert!(t.size.0 > Decimal::ZERO && t.price.0 > Decimal::ZERO, "{t:?}");
    }

    #[test]
    fn token_ids_round_trip_through_256_bit_words() {
        for id in ["0", "1", "255", "256", "71321045679252212594626385532706912750332728571942532289631379312455583992563"] {
            assert_eq!(word_to_decimal(&decimal_to_word(id).unwrap()), id);
        }
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        assert_eq!(decimal_to_word(max), Some([0xff; 32]));
        assert_eq!(decimal_to_word("115792089237316195423570985008687907853269984665640564039457584007913129639936"), None);
        assert_eq!(decimal_to_word("12a"), None);
    }

    #[test]
    fn a_buy_makers_log_decodes_into_shares_and_a_price_from_the_6_decimal_amounts() {
        let l = log(w(1), w(2), Side::Buy, 5_200_000, 10_000_000, 3);
        let decoded = decode_log(&encode_log(&l)).unwrap();
        assert_eq!(decoded, l);
        let fill = LeaderFill { wallet: w(1), side: Side::Buy, log: decoded };
        let t = fill.to_trade(copycat_core::time::from_secs(1_780_000_000));
        assert_eq!(t.size, Shares(dec!(10)));
        assert_eq!(t.price, Price(dec!(0.52)));
        assert_eq!(t.side, Side::Buy);
        assert_eq!(fill.fee(), dec!(0.001));
    }

    #[test]
    fn a_taker_matched_against_two_makers_is_two_legs_on_the_other_side_and_a_summary_replaces_them() {
        let leader = w(9);
        let followed: HashSet<Wallet> = [leader.clone()].into();
        // Two resting SELL orders taken by the leader: the leader bought.
        let legs = vec![
            log(w(1), leader.clone(), Side::Sell, 4_000_000, 2_000_000, 1),
            log(w(2), leader.clone(), Side::Sell, 6_000_000, 3_060_000, 2),
        ];
        let fills = leader_fills(&legs, &followed);
        assert_eq!(fills.len(), 2);
        assert!(fills.iter().all(|f| f.side == Side::Buy && f.wallet == leader));
        let trades: Vec<Trade> = fills.iter().map(|f| f.to_trade(copycat_core::time::from_secs(0))).collect();
        let merged = copycat_core::signal::merge_fills(&trades);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].size, Shares(dec!(10)));
        assert_eq!(merged[0].price, Price(dec!(0.506)));
        // With the taker order's own summary in the transaction, the legs are the same fill.
        let exchange = Wallet::parse(EXCHANGE_V2).unwrap();
        let mut with_summary = legs.clone();
        with_summary.push(log(leader.clone(), exchange, Side::Buy, 5_060_000, 10_000_000, 3));
        let fills = leader_fills(&with_summary, &followed);
        assert_eq!(fills.len(), 1);
        assert_eq!(fills[0].to_trade(copycat_core::time::from_secs(0)).size, Shares(dec!(10)));
        // The same log answered by both the maker and the taker filter counts once.
        let twice = vec![legs[0].clone(), legs[0].clone()];
        assert_eq!(leader_fills(&twice, &followed).len(), 1);
    }

    #[test]
    fn garbage_logs_are_typed_errors_and_only_the_nodes_fault_counts() {
        let good = encode_log(&log(w(1), w(2), Side::Buy, 1_000_000, 2_000_000, 0));
        let mut other = good.clone();
        other["address"] = json!("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e");
        assert!(matches!(decode_log(&other), Err(LogError::OtherContract { .. })));
        let mut three = good.clone();
        three["topics"].as_array_mut().unwrap().pop();
        assert_eq!(decode_log(&three), Err(LogError::TopicCount { got: 3 }));
        let mut short = good.clone();
        short["data"] = json!("0x00");
        assert_eq!(decode_log(&short), Err(LogError::DataLength { got: 1 }));
        let mut huge = good.clone();
        let data = good["data"].as_str().unwrap();
        // makerAmountFilled (word 2) with a bit set above 64 bits.
        let at = 2 + 2 * 64 + 40;
        huge["data"] = json!(format!("{}1{}", &data[..at], &data[at + 1..]));
        let err = decode_log(&huge).unwrap_err();
        assert_eq!(err, LogError::AmountOverflow { field: "makerAmountFilled" });
        assert!(!err.is_node_fault(), "a real log we cannot represent is not the node's fault");
        let mut event = good.clone();
        event["topics"][0] = json!(format!("0x{}", "1".repeat(64)));
        assert!(matches!(decode_log(&event), Err(LogError::OtherEvent { .. })));
        let mut no_block = good.clone();
        no_block["blockNumber"] = json!(12);
        assert!(matches!(decode_log(&no_block), Err(LogError::Malformed { field: "blockNumber", .. })));
        for e in [LogError::OtherContract { address: String::new() }, LogError::TopicCount { got: 3 }, LogError::DataLength { got: 1 }] {
            assert!(e.is_node_fault(), "{e}");
        }
    }
}
