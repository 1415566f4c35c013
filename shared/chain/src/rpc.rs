//! [`RpcClient`]: JSON-RPC 2.0 over HTTP POST to the configured node, behind the `ChainRpc` port.
//!
//! Every call runs under `chain.request_timeout_ms` and is retried with full-jitter exponential
//! back-off on 429, 5xx, timeouts and broken connections (honouring a `Retry-After` no longer
//! than `chain.retry_max_ms`). A JSON-RPC error object is an answer, not a failure: it is
//! returned at once as [`ChainError::Rpc`]. Before the first answer is used, the node's
//! `eth_chainId` is compared with `chain.chain_id`; a node for another chain is refused on every
//! call until it answers with the right one.

use crate::quantity;
use async_trait::async_trait;
use copycat_core::config::ChainConfig;
use copycat_core::ports::{ChainError, ChainRpc};
use rand::Rng;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// Longest error message kept from a node's answer.
const MESSAGE_CHARS: usize = 200;

/// What the client has sent so far (for benches, cost models and `copycat status`).
#[derive(Debug, Default)]
pub struct RpcStats {
    requests: AtomicU64,
    retries: AtomicU64,
    by_method: Mutex<BTreeMap<String, u64>>,
}

impl RpcStats {
    /// HTTP requests sent, retries included.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
    /// Requests that were retries.
    pub fn retries(&self) -> u64 {
        self.retries.load(Ordering::Relaxed)
    }
    /// Requests per JSON-RPC method, retries included.
    pub fn by_method(&self) -> BTreeMap<String, u64> {
        self.by_method.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
    fn count(&self, method: &str, retry: bool) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        if retry {
            self.retries.fetch_add(1, Ordering::Relaxed);
        }
        *self.by_method.lock().unwrap_or_else(|p| p.into_inner()).entry(method.to_owned()).or_default() += 1;
    }
}

struct Inner {
    http: reqwest::Client,
    url: String,
    cfg: ChainConfig,
    next_id: AtomicU64,
    chain_checked: AtomicBool,
    stats: RpcStats,
}

/// The JSON-RPC client of the chain node; cheap to clone (clones share the connection pool, the
/// chain-id check and the counters).
#[derive(Clone)]
pub struct RpcClient {
    inner: Arc<Inner>,
}

impl RpcClient {
    /// A client for `cfg.rpc_url`; [`ChainError::NotConfigured`] when it is empty.
    pub fn from_config(cfg: &ChainConfig) -> Result<Self, ChainError> {
        if !cfg.enabled() {
            return Err(ChainError::NotConfigured);
        }
        cfg.validate().map_err(|e| ChainError::BadResponse { method: "config".into(), reason: e.to_string() })?;
        let unavailable = |reason: String| ChainError::Unavailable { method: "connect".into(), reason };
        let http = copycat_https::client_builder()
            .map_err(|e| unavailable(e.to_string()))?
            .timeout(Duration::from_millis(cfg.request_timeout_ms))
            .connect_timeout(Duration::from_millis(cfg.connect_timeout_ms))
            .user_agent(concat!("copycat/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| unavailable(e.to_string()))?;
        Ok(RpcClient {
            inner: Arc::new(Inner {
                http,
                url: cfg.rpc_url.clone(),
                cfg: cfg.clone(),
                next_id: AtomicU64::new(1),
                chain_checked: AtomicBool::new(false),
                stats: RpcStats::default(),
            }),
        })
    }

    /// What the client has sent so far.
    pub fn stats(&self) -> &RpcStats {
        &self.inner.stats
    }

    /// The config it was built from.
    pub fn config(&self) -> &ChainConfig {
        &self.inner.cfg
    }

    /// Asks the node for its chain id and refuses it unless it is `chain.chain_id`. Done once per
    /// client, before the first other call; after a success it is not asked again.
    pub async fn check_chain_id(&self) -> Result<(), ChainError> {
        if self.inner.chain_checked.load(Ordering::Acquire) {
            return Ok(());
        }
        let method = "eth_chainId";
        let got = self.send(method, json!([])).await?;
        let got = quantity::decode(&got).map_err(|reason| ChainError::BadResponse { method: method.into(), reason })?;
        if got != self.inner.cfg.chain_id {
            return Err(ChainError::WrongChain { expected: self.inner.cfg.chain_id, got });
        }
        self.inner.chain_checked.store(true, Ordering::Release);
        Ok(())
    }

    /// The latest block number.
    pub async fn block_number(&self) -> Result<u64, ChainError> {
        let method = "eth_blockNumber";
        let v = self.call(method, json!([])).await?;
        quantity::decode(&v).map_err(|reason| ChainError::BadResponse { method: method.into(), reason })
    }

    /// One request, with retries; the `result` of the answer.
    async fn send(&self, method: &str, params: Value) -> Result<Value, ChainError> {
        let cfg = &self.inner.cfg;
        let mut attempt = 0u32;
        loop {
            let id = self.inner.next_id.fetch_add(1, Ordering::Relaxed);
            self.inner.stats.count(method, attempt > 0);
            let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
            let unavailable = |reason: String| ChainError::Unavailable { method: method.into(), reason };
            let mut retry_after = None;
            let failure = match self.inner.http.post(&self.inner.url).json(&body).send().await {
                Err(e) if e.is_timeout() => unavailable(format!("no answer within {} ms", cfg.request_timeout_ms)),
                Err(e) => unavailable(error_chain(&e)),
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    match status {
                        200..=299 => match resp.bytes().await {
                            Ok(bytes) => return read_response(method, id, &bytes),
                            Err(e) => unavailable(error_chain(&e)),
                        },
                        429 => {
                            retry_after = resp
                                .headers()
                                .get(reqwest::header::RETRY_AFTER)
                                .and_then(|v| v.to_str().ok())
                                .and_then(|v| v.trim().parse::<u64>().ok())
                                .map(|s| Duration::from_secs(s.min(86_400)));
                            let retry_after_ms = retry_after.map(|d| d.as_millis() as u64);
                            let failure = ChainError::RateLimited { method: method.into(), retry_after_ms };
                            if retry_after.is_some_and(|d| d > Duration::from_millis(cfg.retry_max_ms)) {
                                return Err(failure);
                            }
                            failure
                        }
                        500..=599 => unavailable(format!("HTTP {status}")),
                        _ => {
                            let text = resp.text().await.unwrap_or_default();
                            let text: String = text.chars().take(MESSAGE_CHARS).collect();
                            return Err(ChainError::BadResponse { method: method.into(), reason: format!("HTTP {status}: {text}") });
                        }
                    }
                }
            };
            if attempt >= cfg.max_retries {
                return Err(failure);
            }
            let wait = retry_after.unwrap_or_else(|| backoff(cfg, attempt));
            tracing::debug!(method, attempt, wait_ms = wait.as_millis() as u64, error = %failure, "retrying chain call");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }
}

#[async_trait]
impl ChainRpc for RpcClient {
    async fn call(&self, method: &str, params: Value) -> Result<Value, ChainError> {
        self.check_chain_id().await?;
        self.send(method, params).await
    }
}

/// Reads one JSON-RPC 2.0 response to request `id`: its `result`, or its error object as
/// [`ChainError::Rpc`].
pub fn read_response(method: &str, id: u64, bytes: &[u8]) -> Result<Value, ChainError> {
    let bad = |reason: String| ChainError::BadResponse { method: method.into(), reason };
    let v: Value = serde_json::from_slice(bytes).map_err(|e| bad(format!("not JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| bad("not a JSON-RPC response object".into()))?;
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(bad("`jsonrpc` is not \"2.0\"".into()));
    }
    if obj.get("id").and_then(Value::as_u64) != Some(id) {
        return Err(bad(format!("`id` is {:?}, expected {id}", obj.get("id"))));
    }
    if let Some(err) = obj.get("error") {
        let code = err.get("code").and_then(Value::as_i64).ok_or_else(|| bad("error object without an integer `code`".into()))?;
        let message = err.get("message").and_then(Value::as_str).unwrap_or_default().chars().take(MESSAGE_CHARS).collect();
        return Err(ChainError::Rpc { method: method.into(), code, message });
    }
    obj.get("result").cloned().ok_or_else(|| bad("neither `result` nor `error`".into()))
}

/// Full-jitter exponential back-off: uniform in [0, min(max, base × 2^attempt)].
fn backoff(cfg: &ChainConfig, attempt: u32) -> Duration {
    let cap = cfg.retry_base_ms.saturating_mul(1u64 << attempt.min(20)).min(cfg.retry_max_ms);
    Duration::from_millis(rand::rng().random_range(0..=cap))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    /// A node on loopback that answers each request with the next of `answers` (status, body);
    /// `{id}` in a body is replaced by the request's id. Stops when the test ends.
    async fn node(answers: Vec<(u16, &'static str)>) -> (String, tokio::task::JoinHandle<Vec<Value>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let mut seen = vec![];
            for (status, body) in answers {
                let (mut sock, _) = listener.accept().await.unwrap();
                let mut buf = vec![0u8; 65536];
                let mut len = 0;
                let request = loop {
                    let n = sock.read(&mut buf[len..]).await.unwrap();
                    len += n;
                    let text = String::from_utf8_lossy(&buf[..len]).to_string();
                    if let Some(split) = text.find("\r\n\r\n") {
                        let head = &text[..split];
                        let want = head
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap())
                            })
                            .unwrap_or(0);
                        if len >= split + 4 + want {
                            break serde_json::from_str::<Value>(&text[split + 4..split + 4 + want]).unwrap();
                        }
                    }
                    assert!(n > 0, "client closed early");
                };
                let body = body.replace("{id}", &request["id"].to_string());
                seen.push(request);
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                sock.write_all(reply.as_bytes()).await.unwrap();
            }
            seen
        });
        (url, task)
    }

    fn config(url: &str) -> ChainConfig {
        ChainConfig { rpc_url: url.into(), retry_base_ms: 1, retry_max_ms: 5, ..ChainConfig::default() }
    }

    #[tokio::test]
    async fn a_call_checks_the_chain_id_first_then_retries_a_5xx_and_reads_the_result() {
        let (url, node) = node(vec![
            (200, r#"{"jsonrpc":"2.0","id":{id},"result":"0x89"}"#),
            (503, "busy"),
            (200, r#"{"jsonrpc":"2.0","id":{id},"result":"0x10"}"#),
            (200, r#"{"jsonrpc":"2.0","id":{id},"result":"0x11"}"#),
        ])
        .await;
        let client = RpcClient::from_config(&config(&url)).unwrap();
        assert_eq!(client.block_number().await, Ok(16));
        assert_eq!(client.block_number().await, Ok(17), "the chain id is asked once");
        let seen = node.await.unwrap();
        let methods: Vec<_> = seen.iter().map(|r| r["method"].as_str().unwrap().to_owned()).collect();
        assert_eq!(methods, ["eth_chainId", "eth_blockNumber", "eth_blockNumber", "eth_blockNumber"]);
        assert_eq!(client.stats().requests(), 4);
        assert_eq!(client.stats().retries(), 1);
        assert_eq!(client.stats().by_method()["eth_blockNumber"], 3);
    }

    #[tokio::test]
    async fn a_node_for_another_chain_is_refused_before_anything_else_is_asked() {
        let (url, node) = node(vec![(200, r#"{"jsonrpc":"2.0","id":{id},"result":"0x1"}"#)]).await;
        let client = RpcClient::from_config(&config(&url)).unwrap();
        let err = client.block_number().await.unwrap_err();
        assert_eq!(err, ChainError::WrongChain { expected: 137, got: 1 });
        assert!(err.counts_as_failure());
        assert!(err.to_string().contains("chain.rpc_url"));
        assert_eq!(node.await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn an_error_object_is_an_answer_not_a_node_failure() {
        let (url, _node) = node(vec![
            (200, r#"{"jsonrpc":"2.0","id":{id},"result":"0x89"}"#),
            (200, r#"{"jsonrpc":"2.0","id":{id},"error":{"code":-32005,"message":"query returned more than 10000 results"}}"#),
        ])
        .await;
        let client = RpcClient::from_config(&config(&url)).unwrap();
        let err = client.call("eth_getLogs", json!([{}])).await.unwrap_err();
        assert!(matches!(&err, ChainError::Rpc { code: -32005, message, .. } if message.contains("10000")));
        assert!(!err.counts_as_failure());
    }

    #[test]
    fn garbage_answers_are_typed_bad_responses_naming_the_problem() {
        for (body, says) in [
            (&b"<html>"[..], "not JSON"),
            (b"[1]", "not a JSON-RPC response object"),
            (br#"{"jsonrpc":"1.0","id":7,"result":1}"#, "jsonrpc"),
            (br#"{"jsonrpc":"2.0","id":8,"result":1}"#, "expected 7"),
            (br#"{"jsonrpc":"2.0","id":7}"#, "neither"),
            (br#"{"jsonrpc":"2.0","id":7,"error":{"message":"x"}}"#, "integer `code`"),
        ] {
            let err = read_response("eth_blockNumber", 7, body).unwrap_err();
            assert!(matches!(&err, ChainError::BadResponse { reason, .. } if reason.contains(says)), "{err}");
        }
        assert_eq!(read_response("m", 7, br#"{"jsonrpc":"2.0","id":7,"result":null}"#), Ok(Value::Null));
    }

    #[test]
    fn no_url_means_no_client() {
        assert!(matches!(RpcClient::from_config(&ChainConfig::default()), Err(ChainError::NotConfigured)));
    }
}
