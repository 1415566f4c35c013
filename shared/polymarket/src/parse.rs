//! Venue bodies to domain values: leaderboard and position rows (Data API v2 and v1 shapes),
//! Gamma markets (string-encoded arrays parsed twice), CLOB books (sorted best-first).
//!
//! Tolerant in shape (field names of both API versions, numbers as numbers or strings, unknown
//! fields ignored), strict in meaning: a bad value is an error naming the field. Trade rows go
//! through `copycat_core::datapi`, which already does the same for trades.

use copycat_core::market::{Book, BookLevel, LeaderboardEntry, MarketInfo, WalletPosition};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::time::Timestamp;
use copycat_core::trade::Wallet;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// One page of a paged answer: its rows and what it says about the next page.
#[derive(Debug, Default)]
pub struct Page {
    /// The rows, unparsed.
    pub rows: Vec<Value>,
    /// `pagination.has_more`, when the answer is a v2 envelope that says.
    pub has_more: Option<bool>,
    /// `pagination.next_cursor`, when present and non-empty.
    pub next_cursor: Option<String>,
    /// Whether the answer was a v1 bare array.
    pub bare: bool,
}

/// Splits a body into rows and paging hints: a v2 envelope `{"data": [...], "pagination": {...}}`
/// or a v1 bare array.
pub fn page(text: &str) -> Result<Page, String> {
    let root: Value =
        serde_json::from_str(text).map_err(|e| format!("JSON syntax error at line {}, column {}: {e}", e.line(), e.column()))?;
    match root {
        Value::Array(rows) => Ok(Page { rows, bare: true, ..Page::default() }),
        Value::Object(mut obj) => {
            let mut p = Page::default();
            if let Some(Value::Object(pg)) = obj.get("pagination") {
                p.has_more = pg.get("has_more").and_then(Value::as_bool);
                p.next_cursor = pg.get("next_cursor").and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
            }
            match obj.remove("data") {
                Some(Value::Array(rows)) => p.rows = rows,
                Some(Value::Null) => {}
                Some(other) => return Err(format!("`data` is {}, expected an array", json_type(&other))),
                None => return Err("expected an array or an object with a `data` array".into()),
            }
            Ok(p)
        }
        other => Err(format!("expected an array or an object with a `data` array, found {}", json_type(&other))),
    }
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

/// The first present, non-null field among `names`, with the name it was found under.
fn field<'a>(obj: &'a Map<String, Value>, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|n| obj.get(*n).filter(|v| !v.is_null()).map(|v| (*n, v)))
}

/// A decimal from a JSON number or numeric string; floats through their shortest text, so 0.53
/// stays exactly 0.53.
pub fn decimal(name: &str, v: &Value) -> Result<Decimal, String> {
    match v {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Decimal::from(i));
            }
            let text = n.to_string();
            Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&text))
                .map_err(|_| format!("field {name}: {text} is not a decimal"))
        }
        Value::String(s) => copycat_core::money::parse_decimal(s).ok_or_else(|| format!("field {name}: `{}` is not a number", truncate(s))),
        other => Err(format!("field {name}: expected a number, found {}", json_type(other))),
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(80).collect()
}

fn required_decimal(obj: &Map<String, Value>, names: &[&'static str]) -> Result<Decimal, String> {
    let (n, v) = field(obj, names).ok_or_else(|| format!("field {}: missing", names[0]))?;
    decimal(n, v)
}

fn optional_decimal(obj: &Map<String, Value>, names: &[&'static str]) -> Result<Option<Decimal>, String> {
    field(obj, names).map(|(n, v)| decimal(n, v)).transpose()
}

fn text(obj: &Map<String, Value>, names: &[&'static str]) -> Result<Option<String>, String> {
    match field(obj, names) {
        None => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s.trim().to_owned())),
        Some((_, Value::Number(n))) => Ok(Some(n.to_string())),
        Some((n, other)) => Err(format!("field {n}: expected a string, found {}", json_type(other))),
    }
}

fn wallet(obj: &Map<String, Value>, names: &[&'static str]) -> Result<Wallet, String> {
    let (n, v) = field(obj, names).ok_or_else(|| format!("field {}: missing", names[0]))?;
    let s = v.as_str().ok_or_else(|| format!("field {n}: expected a string, found {}", json_type(v)))?;
    Wallet::parse(s).map_err(|e| format!("field {n}: {e}"))
}

fn as_object(index: usize, row: &Value) -> Result<&Map<String, Value>, String> {
    row.as_object().ok_or_else(|| format!("row {index}: expected an object, found {}", json_type(row)))
}

/// A leaderboard row: v2 `user_id, user_name, rank, pnl` or v1 `proxyWallet, userName, rank, pnl`.
pub fn leaderboard_row(index: usize, row: &Value) -> Result<LeaderboardEntry, String> {
    let at = |e: String| format!("row {index}: {e}");
    let obj = as_object(index, row)?;
    let wallet = wallet(obj, &["user_id", "proxy_wallet", "proxyWallet", "user"]).map_err(at)?;
    let name = text(obj, &["user_name", "userName", "name", "pseudonym"]).map_err(at)?.unwrap_or_default();
    let rank = match field(obj, &["rank"]) {
        None => index as u32 + 1,
        Some((n, v)) => decimal(n, v)
            .ok()
            .and_then(|d| u32::try_from(d.trunc().mantissa()).ok())
            .ok_or_else(|| at(format!("field rank: {v} is not a rank")))?,
    };
    let pnl = required_decimal(obj, &["pnl"]).map_err(at)?;
    Ok(LeaderboardEntry { wallet, name, rank, pnl: Usd(pnl) })
}

/// A position row: v2 `condition_id, token_id, status, current_size, avg_price, realized_pnl,
/// unrealized_pnl` or v1 `conditionId, asset, size, avgPrice, realizedPnl, cashPnl, redeemable`.
/// `closed` is the row's own status (CLOSED or REDEEMABLE), or for v1 a redeemable or empty one.
/// The v1 closed-positions shape (`totalBought`, `realizedPnl`, `curPrice`, no `size`) is a
/// closed position of size 0.
pub fn position_row(index: usize, row: &Value) -> Result<WalletPosition, String> {
    position_row_listed(index, row, false)
}

/// A row of a list of closed positions (`status=CLOSED`): closed whatever it says, and a missing
/// size is 0.
pub fn closed_position_row(index: usize, row: &Value) -> Result<WalletPosition, String> {
    position_row_listed(index, row, true)
}

fn position_row_listed(index: usize, row: &Value, listed_closed: bool) -> Result<WalletPosition, String> {
    let at = |e: String| format!("row {index}: {e}");
    let obj = as_object(index, row)?;
    let condition_id = text(obj, &["condition_id", "conditionId"]).map_err(at)?.ok_or_else(|| at("field condition_id: missing".into()))?;
    let token_id = text(obj, &["token_id", "asset"]).map_err(at)?.ok_or_else(|| at("field token_id: missing".into()))?;
    let status_says_closed =
        text(obj, &["status"]).map_err(at)?.is_some_and(|s| s.eq_ignore_ascii_case("CLOSED") || s.eq_ignore_ascii_case("REDEEMABLE"));
    let closed_shape = listed_closed || status_says_closed || field(obj, &["totalBought", "total_bought"]).is_some();
    let size = match optional_decimal(obj, &["current_size", "size"]).map_err(at)? {
        Some(size) => size,
        None if closed_shape => Decimal::ZERO,
        None => return Err(at("field current_size: missing".into())),
    };
    let avg_price = optional_decimal(obj, &["avg_price", "avgPrice"]).map_err(at)?.unwrap_or_default();
    let realized = optional_decimal(obj, &["realized_pnl", "realizedPnl"]).map_err(at)?.unwrap_or_default();
    let unrealized = optional_decimal(obj, &["unrealized_pnl", "cashPnl"]).map_err(at)?.unwrap_or_default();
    let status = text(obj, &["status"]).map_err(at)?;
    let closed = listed_closed
        || match status.as_deref() {
            Some(_) => status_says_closed,
            None => obj.get("redeemable").and_then(Value::as_bool).unwrap_or(false) || size.is_zero(),
        };
    if size < Decimal::ZERO {
        return Err(at(format!("field current_size: {size} is negative")));
    }
    Ok(WalletPosition {
        condition_id,
        token_id,
        size: Shares(size),
        avg_price: Price(avg_price),
        realized_pnl: Usd(realized),
        unrealized_pnl: Usd(unrealized),
        closed,
    })
}

/// A JSON array that Gamma may send encoded as a string (`"[\"Yes\", \"No\"]"`): parsed twice.
fn string_array(obj: &Map<String, Value>, name: &'static str) -> Result<Vec<String>, String> {
    let decoded;
    let arr = match obj.get(name) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(Value::String(s)) => {
            decoded = serde_json::from_str::<Value>(s).map_err(|e| format!("field {name}: `{}` is not a JSON array: {e}", truncate(s)))?;
            decoded.as_array().ok_or_else(|| format!("field {name}: `{}` is not a JSON array", truncate(s)))?
        }
        Some(other) => return Err(format!("field {name}: expected a JSON array (or one encoded as a string), found {}", json_type(other))),
    };
    arr.iter()
        .map(|v| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(format!("field {name}: element is {}, expected a string", json_type(other))),
        })
        .collect()
}

/// Market versions whose outcome token ids are read from `clobTokenIds`. Token ids are chosen
/// by the market's `version` (absent means 1), never by which fields happen to be present; an
/// unknown version is refused rather than guessed.
pub const KNOWN_MARKET_VERSIONS: [u64; 2] = [1, 2];

/// A Gamma market. `taker_fee_rate` comes from the CLOB (`/fee-rate`), not from Gamma.
pub fn gamma_market(row: &Value, taker_fee_rate: Decimal) -> Result<MarketInfo, String> {
    let obj = row.as_object().ok_or_else(|| format!("market: expected an object, found {}", json_type(row)))?;
    let version = match field(obj, &["version"]) {
        None => 1,
        Some((n, v)) => decimal(n, v)?.trunc().try_into().map_err(|_| format!("field version: {v} is not a version"))?,
    };
    if !KNOWN_MARKET_VERSIONS.contains(&version) {
        return Err(format!("field version: market version {version} is not supported (known: {KNOWN_MARKET_VERSIONS:?})"));
    }
    let token_ids = string_array(obj, "clobTokenIds")?;
    let outcomes = string_array(obj, "outcomes")?;
    if token_ids.is_empty() {
        return Err("field clobTokenIds: missing or empty".into());
    }
    if outcomes.len() != token_ids.len() {
        return Err(format!("field outcomes: {} outcomes for {} token ids", outcomes.len(), token_ids.len()));
    }
    let prices = string_array(obj, "outcomePrices")?;
    let condition_id = text(obj, &["conditionId", "condition_id"])?.ok_or("field conditionId: missing")?;
    let tick = optional_decimal(obj, &["orderPriceMinTickSize"])?.unwrap_or(Decimal::new(1, 2));
    if tick <= Decimal::ZERO || tick >= Decimal::ONE {
        return Err(format!("field orderPriceMinTickSize: {tick} is not in (0, 1)"));
    }
    let min_size = optional_decimal(obj, &["orderMinSize"])?.unwrap_or(Decimal::new(5, 0));
    let end_date = match text(obj, &["endDate", "endDateIso"])? {
        None => None,
        Some(s) => Some(parse_date(&s).ok_or_else(|| format!("field endDate: `{}` is not a date", truncate(&s)))?),
    };
    let closed = obj.get("closed").and_then(Value::as_bool).unwrap_or(false);
    // Resolved: closed with exactly one outcome priced at 1.
    let winning_outcome = if closed {
        let ones: Vec<usize> = prices
            .iter()
            .enumerate()
            .filter(|(_, p)| copycat_core::money::parse_decimal(p).is_some_and(|d| d == Decimal::ONE))
            .map(|(i, _)| i)
            .collect();
        (ones.len() == 1).then(|| ones[0])
    } else {
        None
    };
    // Old markets closed before Gamma carried resolutions: every outcome priced 0. Not settled
    // (nothing says who won), and not an error: the resolution is unknown.
    let resolution_unknown = closed
        && winning_outcome.is_none()
        && !prices.is_empty()
        && prices.iter().all(|p| copycat_core::money::parse_decimal(p).is_some_and(|d| d.is_zero()));
    Ok(MarketInfo {
        condition_id,
        question: text(obj, &["question"])?.unwrap_or_default(),
        category: text(obj, &["category"])?.unwrap_or_default(),
        token_ids,
        outcomes,
        tick_size: Price(tick),
        min_order_size: Shares(min_size),
        end_date,
        accepting_orders: obj.get("acceptingOrders").and_then(Value::as_bool).unwrap_or(false) && !closed,
        liquidity: Usd(optional_decimal(obj, &["liquidityNum", "liquidity"])?.unwrap_or_default()),
        taker_fee_rate,
        winning_outcome,
        resolution_unknown,
    })
}

fn parse_date(s: &str) -> Option<Timestamp> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| d.and_utc())
}

/// A CLOB book `{asset_id, bids: [{price, size}], asks: [...]}`, sorted best-first (the CLOB
/// sends levels worst-first).
pub fn clob_book(body: &str, token_id: &str, at: Timestamp) -> Result<Book, String> {
    let root: Value =
        serde_json::from_str(body).map_err(|e| format!("JSON syntax error at line {}, column {}: {e}", e.line(), e.column()))?;
    let obj = root.as_object().ok_or_else(|| format!("expected a book object, found {}", json_type(&root)))?;
    let levels = |name: &'static str| -> Result<Vec<BookLevel>, String> {
        let arr = match obj.get(name) {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::Array(a)) => a,
            Some(other) => return Err(format!("field {name}: expected an array, found {}", json_type(other))),
        };
        arr.iter()
            .enumerate()
            .map(|(i, l)| {
                let o = l.as_object().ok_or_else(|| format!("field {name}[{i}]: expected an object"))?;
                let price = required_decimal(o, &["price"]).map_err(|e| format!("{name}[{i}]: {e}"))?;
                let size = required_decimal(o, &["size"]).map_err(|e| format!("{name}[{i}]: {e}"))?;
                if price <= Decimal::ZERO || price >= Decimal::ONE || size < Decimal::ZERO {
                    return Err(format!("{name}[{i}]: level {price} × {size} is out of range"));
                }
                Ok(BookLevel { price: Price(price), size: Shares(size) })
            })
            .collect()
    };
    let asset = text(obj, &["asset_id"])?.unwrap_or_else(|| token_id.to_owned());
    let mut book = Book { token_id: asset, bids: levels("bids")?, asks: levels("asks")?, at: Some(at) };
    book.sort();
    Ok(book)
}

/// One number field of a small CLOB answer (`{"price": "0.52"}`, `{"mid": ...}`, `{"base_fee": 30}`).
pub fn number_field(body: &str, names: &[&'static str]) -> Result<Decimal, String> {
    let root: Value = serde_json::from_str(body).map_err(|e| format!("JSON syntax error: {e}"))?;
    let obj = root.as_object().ok_or_else(|| format!("expected an object, found {}", json_type(&root)))?;
    required_decimal(obj, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    #[test]
    fn gamma_string_encoded_arrays_are_parsed_twice() {
        let m = json!({
            "conditionId": "0xc1", "question": "Q?", "outcomes": "[\"Yes\", \"No\"]",
            "outcomePrices": "[\"0.4\", \"0.6\"]", "clobTokenIds": "[\"111\", \"222\"]",
            "orderPriceMinTickSize": 0.001, "orderMinSize": "5", "endDate": "2026-12-31T00:00:00Z",
            "acceptingOrders": true, "liquidity": "1234.5", "version": 2, "somethingNew": {}
        });
        let info = gamma_market(&m, dec!(0.02)).unwrap();
        assert_eq!(info.token_ids, ["111", "222"]);
        assert_eq!(info.outcomes, ["Yes", "No"]);
        assert_eq!(info.tick_size, Price(dec!(0.001)));
        assert_eq!(info.liquidity, Usd(dec!(1234.5)));
        assert!(info.accepting_orders);
        assert_eq!(info.winning_outcome, None);
    }

    #[test]
    fn gamma_unknown_version_and_broken_arrays_are_named() {
        let mut m = json!({"conditionId": "0xc1", "outcomes": "[\"Yes\",\"No\"]", "clobTokenIds": "[\"1\",\"2\"]", "version": 3});
        assert!(gamma_market(&m, Decimal::ZERO).unwrap_err().contains("market version 3"));
        m["version"] = json!(1);
        m["clobTokenIds"] = json!("[\"1\", ");
        assert!(gamma_market(&m, Decimal::ZERO).unwrap_err().starts_with("field clobTokenIds"));
    }

    #[test]
    fn resolved_market_names_its_winner() {
        let m = json!({"conditionId": "0xc1", "outcomes": ["Yes","No"], "clobTokenIds": ["1","2"], "closed": true, "outcomePrices": "[\"0\", \"1\"]"});
        let info = gamma_market(&m, Decimal::ZERO).unwrap();
        assert_eq!(info.winning_outcome, Some(1));
        assert!(!info.accepting_orders);
    }

    #[test]
    fn old_closed_market_priced_zero_everywhere_is_of_unknown_resolution_not_settled() {
        let m = json!({"conditionId": "0xc1", "outcomes": "[\"Yes\",\"No\"]", "clobTokenIds": "[\"1\",\"2\"]", "closed": true,
                       "outcomePrices": "[\"0\", \"0\"]", "endDate": "2021-03-01T00:00:00Z"});
        let info = gamma_market(&m, Decimal::ZERO).unwrap();
        assert!(info.resolution_unknown);
        assert_eq!(info.winning_outcome, None);
        assert_eq!(info.settlement_price("1"), None, "not settled at 0");
        assert!(!info.accepting_orders);
        // An open market priced 0 is not that; a resolved one is resolved.
        let mut open = m.clone();
        open["closed"] = json!(false);
        assert!(!gamma_market(&open, Decimal::ZERO).unwrap().resolution_unknown);
        let mut won = m;
        won["outcomePrices"] = json!("[\"1\", \"0\"]");
        let info = gamma_market(&won, Decimal::ZERO).unwrap();
        assert_eq!((info.winning_outcome, info.resolution_unknown), (Some(0), false));
    }

    #[test]
    fn a_book_level_out_of_range_is_refused_naming_the_level() {
        let body = r#"{"asset_id":"1","bids":[{"price":"0.4","size":"10"},{"price":"1.5","size":"3"}],"asks":[]}"#;
        assert_eq!(clob_book(body, "1", Timestamp::default()).unwrap_err(), "bids[1]: level 1.5 × 3 is out of range");
        let body = r#"{"asset_id":"1","bids":[],"asks":[{"price":"0.6","size":"-1"}]}"#;
        assert!(clob_book(body, "1", Timestamp::default()).unwrap_err().starts_with("asks[0]"));
        assert!(clob_book("[]", "1", Timestamp::default()).unwrap_err().contains("expected a book object"));
    }

    #[test]
    fn book_levels_arrive_worst_first_and_leave_best_first() {
        let body = r#"{"market":"0xc1","asset_id":"111","bids":[{"price":"0.40","size":"10"},{"price":"0.45","size":"3"}],
                       "asks":[{"price":"0.60","size":"5"},{"price":"0.55","size":"7"}],"tick_size":"0.01"}"#;
        let b = clob_book(body, "111", Timestamp::default()).unwrap();
        assert_eq!(b.best_bid(), Some(Price(dec!(0.45))));
        assert_eq!(b.best_ask(), Some(Price(dec!(0.55))));
        assert_eq!(b.mid(), Some(Price(dec!(0.50))));
    }

    #[test]
    fn leaderboard_and_positions_accept_both_versions() {
        let v2 =
            json!({"user_id": "0xABCDEF0123456789abcdef0123456789abcdef01", "user_name": "a", "rank": "3", "pnl": "12.5", "volume": 9});
        let e = leaderboard_row(0, &v2).unwrap();
        assert_eq!(e.wallet.as_str(), "0xabcdef0123456789abcdef0123456789abcdef01");
        assert_eq!((e.rank, e.pnl), (3, Usd(dec!(12.5))));
        let v1 = json!({"proxyWallet": "0xabcdef0123456789abcdef0123456789abcdef01", "userName": "b", "rank": 1, "pnl": 7.25});
        assert_eq!(leaderboard_row(0, &v1).unwrap().pnl, Usd(dec!(7.25)));
        let bad = json!({"user_id": "0x12", "pnl": 1});
        assert!(leaderboard_row(4, &bad).unwrap_err().starts_with("row 4: field user_id"));

        let p2 = json!({"condition_id": "0xc", "token_id": "9", "status": "CLOSED", "current_size": "0", "avg_price": "0.4", "realized_pnl": "3.5"});
        let p = position_row(0, &p2).unwrap();
        assert!(p.closed);
        assert_eq!(p.realized_pnl, Usd(dec!(3.5)));
        let p1 = json!({"conditionId": "0xc", "asset": "9", "size": 10, "avgPrice": 0.5, "realizedPnl": 0, "cashPnl": -1.5, "redeemable": false});
        let p = position_row(0, &p1).unwrap();
        assert!(!p.closed);
        assert_eq!(p.unrealized_pnl, Usd(dec!(-1.5)));
    }

    #[test]
    fn v1_closed_position_without_a_size_is_closed_with_size_zero() {
        // The v1 closed-positions shape, as captured: no `size`, no `status`.
        let row = json!({"proxyWallet": "0xabcdef0123456789abcdef0123456789abcdef01", "asset": "9", "conditionId": "0xc",
                         "avgPrice": 0.42, "totalBought": 120, "realizedPnl": 31.2, "curPrice": 1, "title": "Q?",
                         "outcome": "Yes", "outcomeIndex": 0, "timestamp": 1760000000});
        for p in [position_row(0, &row).unwrap(), closed_position_row(0, &row).unwrap()] {
            assert!(p.closed);
            assert_eq!(p.size, Shares(Decimal::ZERO));
            assert_eq!(p.realized_pnl, Usd(dec!(31.2)));
        }
        // Listed as closed, even a row with nothing to say so is closed.
        let bare = json!({"conditionId": "0xc", "asset": "9", "realizedPnl": -2});
        assert!(closed_position_row(0, &bare).unwrap().closed);
        // An open row still needs its size.
        let err = position_row(3, &bare).unwrap_err();
        assert_eq!(err, "row 3: field current_size: missing");
    }
}
