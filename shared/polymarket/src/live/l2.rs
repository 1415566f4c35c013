//! L2 authentication: every trading request carries `POLY_ADDRESS`, `POLY_API_KEY`,
//! `POLY_PASSPHRASE`, `POLY_TIMESTAMP` and `POLY_SIGNATURE`, the last an HMAC-SHA256 (keyed by
//! the URL-safe base64 API secret) of `timestamp + METHOD + path + body`, URL-safe base64.

use base64::Engine as _;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose::URL_SAFE};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use std::fmt;

/// URL-safe alphabet, padding optional: secrets arrive both ways.
const URL_SAFE_LENIENT: GeneralPurpose =
    GeneralPurpose::new(&base64::alphabet::URL_SAFE, GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent));

/// API credentials from L1 derivation. `Debug` shows none of them.
#[derive(Clone, Deserialize)]
pub struct ApiCreds {
    /// The API key (a UUID); the `owner` of every order.
    #[serde(alias = "apiKey", alias = "api_key")]
    pub key: String,
    /// HMAC key, URL-safe base64.
    pub secret: String,
    /// Sent as `POLY_PASSPHRASE`.
    pub passphrase: String,
}

impl fmt::Debug for ApiCreds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiCreds { key: <redacted>, secret: <redacted>, passphrase: <redacted> }")
    }
}

/// `POLY_SIGNATURE` for a request. `path` excludes the query string, as the CLOB hashes it.
pub fn signature(secret: &str, timestamp: i64, method: &str, path: &str, body: &str) -> Result<String, String> {
    let key = URL_SAFE_LENIENT.decode(secret.trim()).map_err(|_| "the API secret is not URL-safe base64".to_owned())?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|_| "the API secret cannot key an HMAC".to_owned())?;
    mac.update(format!("{timestamp}{method}{path}{body}").as_bytes());
    Ok(URL_SAFE.encode(mac.finalize().into_bytes()))
}

/// The five L2 headers for a request by `address` (checksummed) at `timestamp` (Unix seconds).
pub fn headers(
    creds: &ApiCreds,
    address: &str,
    timestamp: i64,
    method: &str,
    path: &str,
    body: &str,
) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![
        ("POLY_ADDRESS", address.to_owned()),
        ("POLY_API_KEY", creds.key.clone()),
        ("POLY_PASSPHRASE", creds.passphrase.clone()),
        ("POLY_TIMESTAMP", timestamp.to_string()),
        ("POLY_SIGNATURE", signature(&creds.secret, timestamp, method, path, body)?),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    // Known answers from the official V2 SDK's tests.
    #[test]
    fn hmac_matches_the_sdk() {
        let secret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assert_eq!(signature(secret, 1, "GET", "/", "").unwrap(), "eHaylCwqRSOa2LFD77Nt_SaTpbsxzN8eTEI3LryhEj4=");
        assert_eq!(
            signature(secret, 1_000_000, "test-sign", "/orders", r#"{"hash":"0x123"}"#).unwrap(),
            "4gJVbox-R6XlDK4nlaicig0_ANVL1qdcahiL8CXfXLM="
        );
        assert_eq!(signature(secret.trim_end_matches('='), 1, "GET", "/", "").unwrap(), "eHaylCwqRSOa2LFD77Nt_SaTpbsxzN8eTEI3LryhEj4=");
    }

    #[test]
    fn credentials_debug_shows_no_secret() {
        let c = ApiCreds { key: "k-123".into(), secret: "s-456".into(), passphrase: "p-789".into() };
        let d = format!("{c:?}");
        for part in ["k-123", "s-456", "p-789"] {
            assert!(!d.contains(part), "{d}");
        }
    }
}
