//! A loopback webhook receiver: binds `127.0.0.1:0`, records every request it gets, and answers
//! from a script (status, headers, body, or no answer at all). Tests post to it instead of
//! Discord or Slack; `allow_loopback_urls` lets a local run post to it too.
//!
//! HTTP/1.1 only, one request per connection (`Connection: close`): enough for a webhook client.

use copycat_core::time::{Clock, Timestamp};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One scripted answer.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Answer with this status, headers and body.
    Status {
        /// HTTP status.
        status: u16,
        /// Extra headers.
        headers: Vec<(String, String)>,
        /// Body.
        body: String,
    },
    /// Read the request and never answer (the client times out).
    Hang,
}

impl Reply {
    /// A bare status with an empty body.
    pub fn status(status: u16) -> Self {
        Reply::Status { status, headers: Vec::new(), body: String::new() }
    }
    /// Discord's 429: `Retry-After` header (whole seconds) and a JSON body with `retry_after`.
    pub fn discord_429(retry_after_secs: f64) -> Self {
        Reply::Status {
            status: 429,
            headers: vec![("Retry-After".into(), format!("{}", retry_after_secs.ceil() as u64))],
            body: format!(r#"{{"message":"You are being rate limited.","retry_after":{retry_after_secs},"global":false}}"#),
        }
    }
}

/// A request the receiver got.
#[derive(Clone, Debug)]
pub struct Captured {
    /// Request path.
    pub path: String,
    /// Request body parsed as JSON (Null if it was not JSON).
    pub body: serde_json::Value,
    /// When it arrived, on the receiver's clock.
    pub at: Timestamp,
    /// The status answered (None: no answer).
    pub status: Option<u16>,
}

struct Shared {
    script: Mutex<VecDeque<Reply>>,
    default: Mutex<Reply>,
    captured: Mutex<Vec<Captured>>,
    clock: Arc<dyn Clock>,
}

/// A running receiver; stops when dropped.
pub struct WebhookReceiver {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl WebhookReceiver {
    /// Starts a receiver on `127.0.0.1:0` that answers `default` (after the script runs out)
    /// and stamps requests with `clock`.
    pub async fn start(default: Reply, clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared =
            Arc::new(Shared { script: Mutex::new(VecDeque::new()), default: Mutex::new(default), captured: Mutex::new(Vec::new()), clock });
        let s = shared.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, &s).await;
                });
            }
        });
        Ok(WebhookReceiver { addr, shared, task })
    }

    /// The URL of `path` on this receiver, e.g. `/api/webhooks/1/token`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Queues answers for the next requests, in order.
    pub fn script(&self, replies: impl IntoIterator<Item = Reply>) {
        if let Ok(mut q) = self.shared.script.lock() {
            q.extend(replies);
        }
    }

    /// Every request so far, in arrival order.
    pub fn captured(&self) -> Vec<Captured> {
        self.shared.captured.lock().map(|c| c.clone()).unwrap_or_default()
    }

    /// The requests answered with a 2xx.
    pub fn accepted(&self) -> Vec<Captured> {
        self.captured().into_iter().filter(|c| c.status.is_some_and(|s| (200..300).contains(&s))).collect()
    }
}

impl Drop for WebhookReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).await?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; content_length.min(1 << 20)];
    reader.read_exact(&mut body).await?;
    let reply = shared.script.lock().ok().and_then(|mut q| q.pop_front()).or_else(|| shared.default.lock().ok().map(|d| d.clone()));
    let reply = reply.unwrap_or_else(|| Reply::status(204));
    let status = match &reply {
        Reply::Status { status, .. } => Some(*status),
        Reply::Hang => None,
    };
    if let Ok(mut c) = shared.captured.lock() {
        c.push(Captured { path, body: serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null), at: shared.clock.now(), status });
    }
    match reply {
        Reply::Status { status, headers, body } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n", reason(status), body.len());
            if !body.is_empty() {
                head.push_str("Content-Type: application/json\r\n");
            }
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let mut stream = reader.into_inner();
            stream.write_all(head.as_bytes()).await?;
            stream.write_all(body.as_bytes()).await?;
            stream.shutdown().await?;
        }
        Reply::Hang => {
            // Keep the connection open without answering until the client gives up.
            let mut sink = [0u8; 64];
            let _ = reader.read(&mut sink).await;
        }
    }
    Ok(())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
