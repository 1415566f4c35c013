//! The Relayer API key a deposit wallet redeems with, and the doctor's check of it: one
//! authenticated `GET /transactions` on Polymarket's relayer (no signing: paper and doctor
//! builds have this without the `signing` feature).

use copycat_core::ports::ChainError;
use std::time::Duration;

/// The environment variable holding the Relayer API key (a secret).
pub const RELAYER_API_KEY_ENV: &str = "COPYCAT_RELAYER_API_KEY";
/// The environment variable holding the address that owns the Relayer API key.
pub const RELAYER_API_KEY_ADDRESS_ENV: &str = "COPYCAT_RELAYER_API_KEY_ADDRESS";

/// Asks the relayer at `url` for the key's transactions: how many it lists. A refused key is
/// `ChainError::Rpc` with the HTTP status as its code and the relayer's words; no answer, 429
/// or 5xx is `Unavailable` / `RateLimited`.
pub async fn list_transactions(url: &str, key: &str, address: &str, timeout: Duration) -> Result<usize, ChainError> {
    let method = "relayer GET /transactions".to_owned();
    let unavailable = |reason: String| ChainError::Unavailable { method: method.clone(), reason };
    let http = copycat_https::client_builder()
        .map_err(|e| unavailable(e.to_string()))?
        .timeout(timeout)
        .user_agent(concat!("copycat/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| unavailable(e.to_string()))?;
    let resp = http
        .get(format!("{}/transactions", url.trim_end_matches('/')))
        .header("RELAYER_API_KEY", key)
        .header("RELAYER_API_KEY_ADDRESS", address)
        .send()
        .await
        .map_err(|e| unavailable(e.to_string()))?;
    let status = resp.status();
    let body = resp.text().await.map_err(|e| unavailable(e.to_string()))?;
    let text: String = body.chars().take(200).collect();
    if status.as_u16() == 429 {
        return Err(ChainError::RateLimited { method, retry_after_ms: None });
    }
    if status.is_server_error() {
        return Err(unavailable(format!("HTTP {status}: {text}")));
    }
    if status.is_client_error() {
        return Err(ChainError::Rpc { method, code: i64::from(status.as_u16()), message: text });
    }
    serde_json::from_str::<Vec<serde_json::Value>>(&body)
        .map(|v| v.len())
        .map_err(|_| ChainError::BadResponse { method, reason: format!("not a JSON list: {text}") })
}
