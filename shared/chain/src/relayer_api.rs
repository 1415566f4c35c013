//! Polymarket's relayer over HTTP, authenticated with a Relayer API key: the one client the
//! deposit wallet's redeemer (`relayer`, feature `signing`) and `copycat doctor`'s
//! check of the key both use (no signing here, so paper and doctor builds have it).

use copycat_core::ports::ChainError;
use serde_json::Value;
use std::time::Duration;

/// The environment variable holding the Relayer API key (a secret).
pub const RELAYER_API_KEY_ENV: &str = "COPYCAT_RELAYER_API_KEY";
/// The environment variable holding the address that owns the Relayer API key.
pub const RELAYER_API_KEY_ADDRESS_ENV: &str = "COPYCAT_RELAYER_API_KEY_ADDRESS";

/// Keeps an answer's text short enough for a log line and a notification.
pub(crate) fn cut(s: &str) -> String {
    s.chars().take(200).collect()
}

/// The relayer at one URL, with one Relayer API key.
#[derive(Clone)]
pub struct RelayerClient {
    http: reqwest::Client,
    url: String,
    key: String,
    address: String,
}

impl std::fmt::Debug for RelayerClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayerClient").field("url", &self.url).field("key", &"<redacted>").field("address", &self.address).finish()
    }
}

impl RelayerClient {
    /// A client for the relayer at `url` with the key `key` owned by `address`, each request
    /// bounded by `timeout`.
    pub fn new(url: &str, key: &str, address: &str, timeout: Duration) -> Result<RelayerClient, ChainError> {
        let unavailable = |reason: String| ChainError::Unavailable { method: "relayer client".into(), reason };
        let http = copycat_https::client_builder()
            .map_err(|e| unavailable(e.to_string()))?
            .timeout(timeout)
            .user_agent(concat!("copycat/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| unavailable(e.to_string()))?;
        Ok(RelayerClient { http, url: url.trim_end_matches('/').to_owned(), key: key.to_owned(), address: address.to_owned() })
    }

    /// One request (`path` with its query; `body` JSON); its JSON answer. A 4xx is an answer
    /// about the request (`ChainError::Rpc` with the HTTP status as its code and the relayer's
    /// words, not a failure of the relayer); no answer, a 429 or a 5xx is a failure.
    pub async fn request(&self, method: reqwest::Method, path: &str, body: Option<String>) -> Result<Value, ChainError> {
        let what = format!("relayer {method} {}", path.split('?').next().unwrap_or(path));
        let unavailable = |reason: String| ChainError::Unavailable { method: what.clone(), reason };
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.url))
            .header("RELAYER_API_KEY", &self.key)
            .header("RELAYER_API_KEY_ADDRESS", &self.address);
        if let Some(b) = body {
            req = req.header("content-type", "application/json").body(b);
        }
        let resp = req.send().await.map_err(|e| unavailable(e.to_string()))?;
        let status = resp.status();
        let text = resp.text().await.map_err(|e| unavailable(e.to_string()))?;
        if status.as_u16() == 429 {
            return Err(ChainError::RateLimited { method: what, retry_after_ms: None });
        }
        if status.is_server_error() {
            return Err(unavailable(format!("HTTP {status}: {}", cut(&text))));
        }
        if status.is_client_error() {
            return Err(ChainError::Rpc { method: what, code: i64::from(status.as_u16()), message: cut(&text) });
        }
        serde_json::from_str(&text).map_err(|_| ChainError::BadResponse { method: what, reason: format!("not JSON: {}", cut(&text)) })
    }

    /// The key's relayer transactions (`GET /transactions`), as the relayer lists them.
    pub async fn transactions(&self) -> Result<Vec<Value>, ChainError> {
        match self.request(reqwest::Method::GET, "/transactions", None).await? {
            Value::Array(list) => Ok(list),
            other => Err(ChainError::BadResponse {
                method: "relayer GET /transactions".into(),
                reason: format!("not a JSON list: {}", cut(&other.to_string())),
            }),
        }
    }
}
