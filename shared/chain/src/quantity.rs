//! JSON-RPC quantities: `0x`-prefixed hex without leading zeros (`0x0` for zero).

use serde_json::Value;

/// `n` as a JSON-RPC quantity, e.g. `0x1b4`.
pub fn encode(n: u64) -> String {
    format!("{n:#x}")
}

/// A JSON-RPC quantity read as a `u64`; names what was wrong. Leading zeros are accepted (some
/// nodes send them); anything that does not fit 64 bits is refused, never wrapped.
pub fn decode(v: &Value) -> Result<u64, String> {
    let s = v.as_str().ok_or_else(|| format!("expected a hex quantity string, got {v}"))?;
    decode_str(s)
}

/// [`decode`] on a string.
pub fn decode_str(s: &str) -> Result<u64, String> {
    let digits = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")).ok_or_else(|| format!("quantity {s:?} has no 0x prefix"))?;
    if digits.is_empty() {
        return Err(format!("quantity {s:?} has no digits"));
    }
    if digits.len() > 64 {
        return Err(format!("quantity {s:?} is too long"));
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.len() > 16 {
        return Err(format!("quantity {s:?} does not fit 64 bits"));
    }
    if trimmed.is_empty() {
        return Ok(0);
    }
    u64::from_str_radix(trimmed, 16).map_err(|_| format!("quantity {s:?} is not hex"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quantities_round_trip_and_bad_ones_are_named() {
        for n in [0u64, 1, 0x1b4, u64::MAX] {
            assert_eq!(decode(&json!(encode(n))), Ok(n));
        }
        assert_eq!(encode(0), "0x0");
        assert_eq!(decode(&json!("0x00ff")), Ok(255));
        assert!(decode(&json!("ff")).unwrap_err().contains("no 0x prefix"));
        assert!(decode(&json!("0x")).unwrap_err().contains("no digits"));
        assert!(decode(&json!("0x1ffffffffffffffff")).unwrap_err().contains("64 bits"));
        assert!(decode(&json!("0xzz")).unwrap_err().contains("not hex"));
        assert!(decode(&json!(12)).unwrap_err().contains("hex quantity string"));
    }
}
