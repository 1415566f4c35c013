//! Data API trade rows (v2 snake_case and v1 camelCase) turned into validated [`Trade`]s.
//!
//! Parsing is tolerant in shape and strict in meaning: field names of both API versions are
//! accepted, numbers may arrive as JSON numbers or strings, unknown fields are ignored; but a
//! price outside (0, 1), a non-positive size, a missing wallet or a malformed side is an error
//! that names the field and what was wrong. Combo trades (62-hex-digit condition ids) are
//! skipped and counted, as `reference/polymarket.md` advises.

use crate::money::{Price, Shares};
use crate::time::Timestamp;
use crate::trade::{BadWallet, Side, Trade, Wallet};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write as _;
use std::str::FromStr;

/// Timestamps above this are read as unix milliseconds rather than seconds.
///
/// The Data API documents unix seconds, but some feeds and caches hand out milliseconds; 1e12
/// seconds is the year 33658, while 1e12 milliseconds is September 2001, so the two ranges
/// cannot be confused for any real trade.
pub const MILLIS_THRESHOLD: i64 = 1_000_000_000_000;

/// Why one trade row could not become a [`Trade`]; each variant names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    /// The row is not a JSON object.
    #[error("row is {found}, expected a JSON object")]
    NotAnObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A required field is absent (or null).
    #[error("field {field}: missing")]
    Missing {
        /// The field, as the v2 API spells it.
        field: &'static str,
    },
    /// A field holds the wrong JSON type.
    #[error("field {field}: expected {expected}, found {found}")]
    WrongType {
        /// The field, as the row spells it.
        field: &'static str,
        /// What the field should hold.
        expected: &'static str,
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A field's text is not a number.
    #[error("field {field}: `{value}` is not a number")]
    NotANumber {
        /// The field.
        field: &'static str,
        /// The offending text (truncated).
        value: String,
    },
    /// A field's value breaks a rule (range, format).
    #[error("field {field}: {value} is invalid: {rule}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// The offending value (truncated).
        value: String,
        /// The rule it broke.
        rule: &'static str,
    },
    /// The wallet address is malformed.
    #[error("field {field}: {source}")]
    BadWallet {
        /// The field the address came from.
        field: &'static str,
        /// What was wrong with it.
        source: BadWallet,
    },
}

/// Why a whole trades document could not be parsed; says where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The text is not valid JSON.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// Valid JSON, but neither a bare array of rows nor a v2 `{"data": [...]}` envelope.
    #[error("expected a JSON array of trade rows or an object with a `data` array, found {found}")]
    Shape {
        /// What was found instead.
        found: &'static str,
    },
    /// One row was bad; `index` is its 0-based position in the array (`jq '.[17]'`).
    #[error("row {index}: {source}")]
    Row {
        /// 0-based position of the row.
        index: usize,
        /// What was wrong with it.
        source: RowError,
    },
}

/// The trades of one Data API response, with the combo rows that were skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TradesDocument {
    /// Validated trades, in the order the API sent them (usually newest first).
    pub trades: Vec<Trade>,
    /// Rows skipped because their condition id is a combo (62 hex digits).
    pub skipped_combo: usize,
    /// `pagination.has_more` of a v2 envelope, when present.
    pub has_more: Option<bool>,
    /// `pagination.next_cursor` of a v2 envelope, when present and non-empty.
    pub next_cursor: Option<String>,
}

/// True for a combo condition id: `0x` followed by exactly 62 hex digits (plain markets have 64).
pub fn is_combo_condition(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 64 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X') && b[2..].iter().all(u8::is_ascii_hexdigit)
}

/// Parses a Data API response: a bare JSON array of trade rows (v1) or a v2 envelope
/// `{"data": [...], "pagination": {...}}`. Combo rows are skipped and counted; the first bad
/// row fails the document with its index.
pub fn parse_trades_document(text: &str) -> Result<TradesDocument, DocumentError> {
    let root: Value =
        serde_json::from_str(text).map_err(|e| DocumentError::Syntax { line: e.line(), column: e.column(), message: e.to_string() })?;
    let mut doc = TradesDocument::default();
    let rows = match &root {
        Value::Array(rows) => rows,
        Value::Object(obj) => {
            if let Some(Value::Object(p)) = obj.get("pagination") {
                doc.has_more = p.get("has_more").and_then(Value::as_bool);
                doc.next_cursor = p.get("next_cursor").and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
            }
            match obj.get("data") {
                Some(Value::Array(rows)) => rows,
                Some(other) => return Err(DocumentError::Shape { found: shape_of_data(other) }),
                None => return Err(DocumentError::Shape { found: "an object without `data`" }),
            }
        }
        other => return Err(DocumentError::Shape { found: json_type(other) }),
    };
    doc.trades.reserve(rows.len());
    for (index, row) in rows.iter().enumerate() {
        if row_condition(row).is_some_and(is_combo_condition) {
            doc.skipped_combo += 1;
            continue;
        }
        let trade = parse_trade_row(row).map_err(|source| DocumentError::Row { index, source })?;
        doc.trades.push(trade);
    }
    Ok(doc)
}

fn shape_of_data(v: &Value) -> &'static str {
    match v {
        Value::Null => "`data` set to null",
        Value::Bool(_) => "`data` set to a boolean",
        Value::Number(_) => "`data` set to a number",
        Value::String(_) => "`data` set to a string",
        Value::Object(_) => "`data` set to an object",
        Value::Array(_) => "`data` set to an array",
    }
}

fn row_condition(row: &Value) -> Option<&str> {
    let obj = row.as_object()?;
    obj.get("condition_id").or_else(|| obj.get("conditionId")).and_then(Value::as_str)
}

/// The fields of one row, borrowed, collected in a single pass over the object.
#[derive(Default)]
struct RawRow<'a> {
    proxy_wallet: Option<(&'static str, &'a Value)>,
    user: Option<&'a Value>,
    side: Option<&'a Value>,
    asset: Option<(&'static str, &'a Value)>,
    condition_id: Option<(&'static str, &'a Value)>,
    size: Option<&'a Value>,
    price: Option<&'a Value>,
    timestamp: Option<&'a Value>,
    transaction_hash: Option<(&'static str, &'a Value)>,
    outcome: Option<&'a Value>,
    outcome_index: Option<(&'static str, &'a Value)>,
    title: Option<&'a Value>,
    slug: Option<&'a Value>,
}

impl<'a> RawRow<'a> {
    fn collect(obj: &'a Map<String, Value>) -> Self {
        let mut r = RawRow::default();
        for (k, v) in obj {
            if v.is_null() {
                continue;
            }
            match k.as_str() {
                "proxy_wallet" => r.proxy_wallet = Some(("proxy_wallet", v)),
                "proxyWallet" => r.proxy_wallet = Some(("proxyWallet", v)),
                "user" => r.user = Some(v),
                "side" => r.side = Some(v),
                "asset" => r.asset = Some(("asset", v)),
                "token_id" => r.asset = r.asset.or(Some(("token_id", v))),
                "condition_id" => r.condition_id = Some(("condition_id", v)),
                "conditionId" => r.condition_id = Some(("conditionId", v)),
                "size" => r.size = Some(v),
                "price" => r.price = Some(v),
                "timestamp" => r.timestamp = Some(v),
                "transaction_hash" => r.transaction_hash = Some(("transaction_hash", v)),
                "transactionHash" => r.transaction_hash = Some(("transactionHash", v)),
                "outcome" => r.outcome = Some(v),
                "outcome_index" => r.outcome_index = Some(("outcome_index", v)),
                "outcomeIndex" => r.outcome_index = Some(("outcomeIndex", v)),
                "title" => r.title = Some(v),
                "slug" => r.slug = Some(v),
                _ => {}
            }
        }
        r
    }
}

/// Parses one trade row of either API version into a validated [`Trade`].
///
/// Required: wallet (`proxy_wallet`/`proxyWallet`, else `user`), `side`, token (`asset` or
/// `token_id`), condition id, `size` > 0, `price` strictly between 0 and 1, `timestamp` and the
/// transaction hash (a trade's identity needs it). Optional: outcome, outcome index, title, slug.
pub fn parse_trade_row(v: &Value) -> Result<Trade, RowError> {
    let obj = v.as_object().ok_or(RowError::NotAnObject { found: json_type(v) })?;
    let r = RawRow::collect(obj);

    let wallet = match (r.proxy_wallet, r.user) {
        (Some((field, w)), _) => parse_wallet(field, w)?,
        (None, Some(w)) => parse_wallet("user", w)?,
        (None, None) => return Err(RowError::Missing { field: "proxy_wallet" }),
    };
    let side = parse_side(r.side.ok_or(RowError::Missing { field: "side" })?)?;
    let (asset_field, asset_v) = r.asset.ok_or(RowError::Missing { field: "asset" })?;
    let asset = required_id(asset_field, asset_v)?;
    let (cond_field, cond_v) = r.condition_id.ok_or(RowError::Missing { field: "condition_id" })?;
    let condition_id = required_id(cond_field, cond_v)?;

    let size = decimal_field("size", r.size.ok_or(RowError::Missing { field: "size" })?)?;
    if size <= Decimal::ZERO {
        return Err(invalid("size", size, "must be above 0"));
    }
    let price = decimal_field("price", r.price.ok_or(RowError::Missing { field: "price" })?)?;
    if price <= Decimal::ZERO || price >= Decimal::ONE {
        return Err(invalid("price", price, "must be strictly between 0 and 1"));
    }
    let timestamp = parse_timestamp(r.timestamp.ok_or(RowError::Missing { field: "timestamp" })?)?;
    let (tx_field, tx_v) = r.transaction_hash.ok_or(RowError::Missing { field: "transaction_hash" })?;
    let transaction_hash = required_id(tx_field, tx_v)?;

    let outcome_index = match r.outcome_index {
        None => None,
        Some((field, v)) => Some(parse_index(field, v)?),
    };
    Ok(Trade {
        wallet,
        side,
        asset,
        condition_id,
        size: Shares(size),
        price: Price(price),
        timestamp,
        transaction_hash,
        outcome: optional_text("outcome", r.outcome)?,
        outcome_index,
        title: optional_text("title", r.title)?,
        slug: optional_text("slug", r.slug)?,
    })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn truncated(s: &str) -> String {
    s.chars().take(80).collect()
}

fn invalid(field: &'static str, value: impl std::fmt::Display, rule: &'static str) -> RowError {
    RowError::Invalid { field, value: truncated(&value.to_string()), rule }
}

fn parse_wallet(field: &'static str, v: &Value) -> Result<Wallet, RowError> {
    let s = v.as_str().ok_or(RowError::WrongType { field, expected: "a string", found: json_type(v) })?;
    Wallet::parse(s).map_err(|source| RowError::BadWallet { field, source })
}

fn parse_side(v: &Value) -> Result<Side, RowError> {
    let s = v.as_str().ok_or(RowError::WrongType { field: "side", expected: "a string", found: json_type(v) })?;
    if s.eq_ignore_ascii_case("BUY") {
        Ok(Side::Buy)
    } else if s.eq_ignore_ascii_case("SELL") {
        Ok(Side::Sell)
    } else {
        Err(invalid("side", s, "expected BUY or SELL"))
    }
}

/// Token ids, condition ids and hashes: non-empty strings (token ids also accepted as numbers).
fn required_id(field: &'static str, v: &Value) -> Result<String, RowError> {
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) if field == "asset" || field == "token_id" => n.to_string(),
        other => return Err(RowError::WrongType { field, expected: "a string", found: json_type(other) }),
    };
    if s.is_empty() { Err(RowError::Missing { field }) } else { Ok(s) }
}

fn optional_text(field: &'static str, v: Option<&Value>) -> Result<String, RowError> {
    match v {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(RowError::WrongType { field, expected: "a string", found: json_type(other) }),
    }
}

/// A decimal from a JSON number or a numeric string.
///
/// Floats go through their shortest round-trip text, so `0.53` becomes exactly 0.53 rather
/// than the binary float's 0.530000000000000026645….
fn decimal_field(field: &'static str, v: &Value) -> Result<Decimal, RowError> {
    match v {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Decimal::from(i));
            }
            if let Some(u) = n.as_u64() {
                return Ok(Decimal::from(u));
            }
            let f = n.as_f64().filter(|f| f.is_finite()).ok_or_else(|| invalid(field, n, "not a finite number"))?;
            let mut buf = [0u8; 400];
            let mut cursor = &mut buf[..];
            write!(cursor, "{f}").map_err(|_| invalid(field, n, "number out of range"))?;
            let written = 400 - cursor.len();
            let text = std::str::from_utf8(&buf[..written]).unwrap_or_default();
            Decimal::from_str(text).map_err(|_| invalid(field, n, "number out of decimal range"))
        }
        Value::String(s) => {
            let t = s.trim();
            crate::money::parse_decimal(t).ok_or_else(|| RowError::NotANumber { field, value: truncated(s) })
        }
        other => Err(RowError::WrongType { field, expected: "a number", found: json_type(other) }),
    }
}

/// Unix seconds (milliseconds accepted above [`MILLIS_THRESHOLD`]), as a number or a numeric
/// string; an RFC 3339 string is accepted too.
fn parse_timestamp(v: &Value) -> Result<Timestamp, RowError> {
    const FIELD: &str = "timestamp";
    let raw: i64 = match v {
        Value::Number(n) => match n.as_i64() {
            Some(i) => i,
            None => n
                .as_f64()
                .filter(|f| f.is_finite() && f.abs() < 9.0e18)
                .map(|f| f as i64)
                .ok_or_else(|| invalid(FIELD, n, "not a unix time"))?,
        },
        Value::String(s) => {
            let t = s.trim();
            match t.parse::<i64>() {
                Ok(i) => i,
                Err(_) => {
                    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
                        return Ok(dt.with_timezone(&Utc));
                    }
                    match t.parse::<f64>() {
                        Ok(f) if f.is_finite() && f.abs() < 9.0e18 => f as i64,
                        _ => return Err(RowError::NotANumber { field: FIELD, value: truncated(s) }),
                    }
                }
            }
        }
        other => return Err(RowError::WrongType { field: FIELD, expected: "a number", found: json_type(other) }),
    };
    if raw <= 0 {
        return Err(invalid(FIELD, raw, "must be a positive unix time"));
    }
    let ts = if raw > MILLIS_THRESHOLD { DateTime::<Utc>::from_timestamp_millis(raw) } else { DateTime::<Utc>::from_timestamp(raw, 0) };
    ts.ok_or_else(|| invalid(FIELD, raw, "out of range"))
}

fn parse_index(field: &'static str, v: &Value) -> Result<u32, RowError> {
    let n = match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse::<u64>().ok(),
        other => return Err(RowError::WrongType { field, expected: "a number", found: json_type(other) }),
    };
    n.and_then(|n| u32::try_from(n).ok()).ok_or_else(|| invalid(field, v, "expected a small non-negative integer"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    const W: &str = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";
    const COND: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";

    fn v1_row() -> Value {
        json!({
            "proxyWallet": W, "side": "BUY", "asset": "123456789", "conditionId": COND,
            "size": 12.5, "price": 0.53, "timestamp": 1_760_000_000, "title": "Will it rain?",
            "slug": "will-it-rain", "eventSlug": "rain", "outcome": "Yes", "outcomeIndex": 0,
            "name": "", "pseudonym": "Calm-Otter", "transactionHash": "0xabc"
        })
    }

    #[test]
    fn v1_row_parses_with_exact_decimals_and_lowercase_wallet() {
        let t = parse_trade_row(&v1_row()).unwrap();
        assert_eq!(t.wallet.as_str(), W.to_ascii_lowercase());
        assert_eq!(t.side, Side::Buy);
        assert_eq!(t.price, Price(dec!(0.53)));
        assert_eq!(t.size, Shares(dec!(12.5)));
        assert_eq!(t.timestamp.timestamp(), 1_760_000_000);
        assert_eq!(t.outcome_index, Some(0));
        assert_eq!(t.transaction_hash, "0xabc");
    }

    #[test]
    fn v2_row_with_string_numbers_and_millis_parses() {
        let row = json!({
            "proxy_wallet": W, "side": "sell", "token_id": "42", "condition_id": COND,
            "size": "3", "price": "0.999", "timestamp": "1760000000123",
            "transaction_hash": "0xdef", "outcome_index": "1", "extra": {"ignored": true}
        });
        let t = parse_trade_row(&row).unwrap();
        assert_eq!(t.side, Side::Sell);
        assert_eq!(t.asset, "42");
        assert_eq!(t.price, Price(dec!(0.999)));
        assert_eq!(t.timestamp.timestamp_millis(), 1_760_000_000_123);
        assert_eq!(t.outcome_index, Some(1));
        assert_eq!(t.title, "");
    }

    #[test]
    fn bad_fields_are_named() {
        let mut row = v1_row();
        row["price"] = json!(1.2);
        let e = parse_trade_row(&row).unwrap_err();
        assert_eq!(e.to_string(), "field price: 1.2 is invalid: must be strictly between 0 and 1");
        let mut row = v1_row();
        row["size"] = json!("abc");
        assert_eq!(parse_trade_row(&row).unwrap_err().to_string(), "field size: `abc` is not a number");
        let mut row = v1_row();
        row["side"] = json!("HOLD");
        assert!(parse_trade_row(&row).unwrap_err().to_string().starts_with("field side:"));
        let mut row = v1_row();
        row.as_object_mut().unwrap().remove("proxyWallet");
        assert_eq!(parse_trade_row(&row).unwrap_err(), RowError::Missing { field: "proxy_wallet" });
        let mut row = v1_row();
        row["proxyWallet"] = json!("0x12");
        assert!(parse_trade_row(&row).unwrap_err().to_string().starts_with("field proxyWallet:"));
        let mut row = v1_row();
        row["size"] = json!(0);
        assert!(parse_trade_row(&row).unwrap_err().to_string().contains("must be above 0"));
    }

    #[test]
    fn document_errors_say_where() {
        let e = parse_trades_document("[\n{\"side\": }]").unwrap_err();
        assert!(matches!(e, DocumentError::Syntax { line: 2, .. }), "{e}");
        let mut bad = v1_row();
        bad["price"] = json!("0");
        let text = serde_json::to_string(&json!({"data": [v1_row(), bad], "pagination": {}})).unwrap();
        let e = parse_trades_document(&text).unwrap_err();
        assert!(e.to_string().starts_with("row 1: field price:"), "{e}");
        assert!(matches!(parse_trades_document("{\"rows\": []}"), Err(DocumentError::Shape { .. })));
    }

    #[test]
    fn combo_rows_are_skipped_and_counted() {
        let combo = format!("0x{}", "a".repeat(62));
        assert!(is_combo_condition(&combo));
        assert!(!is_combo_condition(COND));
        let mut row = v1_row();
        row["conditionId"] = json!(combo);
        row["price"] = json!(7); // combo rows are not validated
        let envelope = json!({"data": [v1_row(), row], "pagination": {"has_more": true, "next_cursor": "c2"}});
        let doc = parse_trades_document(&envelope.to_string()).unwrap();
        assert_eq!(doc.trades.len(), 1);
        assert_eq!(doc.skipped_combo, 1);
        assert_eq!(doc.has_more, Some(true));
        assert_eq!(doc.next_cursor.as_deref(), Some("c2"));
    }
}
