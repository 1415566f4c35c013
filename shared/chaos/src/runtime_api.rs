//! A stand-in for the Lambda service in front of one function process: the runtime API on
//! 127.0.0.1 (`GET …/runtime/invocation/next`, `POST …/{id}/response`, `POST …/{id}/error`,
//! `POST …/init/error`) that the official `lambda_runtime` client polls, and [`RuntimeApi::invoke`],
//! which hands it one event with a deadline and waits for its answer — as the SQS event source
//! mapping does for the soak's AWS backend.
//!
//! Test support for `copycat chaos`; nothing here runs in a Lambda.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio::task::JoinHandle;

/// How one invocation ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The function answered; its response body.
    Response(String),
    /// The function reported an error; the error body.
    Error(String),
    /// No answer by the deadline (the caller then stops the process, as Lambda does).
    TimedOut,
    /// The process died before it answered.
    Gone,
}

/// One event on its way to the function.
struct Pending {
    id: String,
    body: String,
    deadline_ms: u128,
}

type Replies = Arc<std::sync::Mutex<HashMap<String, oneshot::Sender<Outcome>>>>;

/// The runtime API of one function process.
pub struct RuntimeApi {
    addr: SocketAddr,
    /// Each `GET …/next` waiting for work, as the sender its event goes through.
    polls: Mutex<mpsc::Receiver<oneshot::Sender<Pending>>>,
    replies: Replies,
    next_id: AtomicU64,
    task: JoinHandle<()>,
}

const MAX_REQUEST: usize = 8 * 1024 * 1024;

impl RuntimeApi {
    /// Binds 127.0.0.1 on a free port and serves the runtime API there.
    pub async fn start() -> std::io::Result<RuntimeApi> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let (polls_tx, polls) = mpsc::channel::<oneshot::Sender<Pending>>(16);
        let replies: Replies = Arc::default();
        let served = replies.clone();
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        connections.spawn(serve(stream, polls_tx.clone(), served.clone()));
                    }
                    Some(_) = connections.join_next(), if !connections.is_empty() => {}
                }
            }
        });
        Ok(RuntimeApi { addr, polls: Mutex::new(polls), replies, next_id: AtomicU64::new(1), task })
    }

    /// `host:port`, the value of `AWS_LAMBDA_RUNTIME_API` for the function process.
    pub fn address(&self) -> String {
        self.addr.to_string()
    }

    /// Hands `event` to a process waiting in `GET …/next` (waiting up to `timeout` for one) with
    /// a deadline `timeout` from then, and waits for its answer until the deadline plus `grace`,
    /// or until `alive` says the process is gone ([`Outcome::Gone`]). `None` when no live process
    /// asked for work within `timeout`: the event was not delivered.
    pub async fn invoke(&self, event: String, timeout: Duration, grace: Duration, alive: impl Fn() -> bool) -> Option<Outcome> {
        let id = format!("req-{}", self.next_id.fetch_add(1, Ordering::Relaxed));
        let (tx, rx) = oneshot::channel();
        self.replies.lock().unwrap_or_else(|p| p.into_inner()).insert(id.clone(), tx);
        let waited = tokio::time::Instant::now();
        let mut polls = self.polls.lock().await;
        let mut delivered = false;
        while !delivered {
            let left = timeout.saturating_sub(waited.elapsed());
            let Ok(Some(poll)) = tokio::time::timeout(left, polls.recv()).await else { break };
            let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
            // A poll whose connection closed (its process died) refuses the event: try the next.
            delivered = poll.send(Pending { id: id.clone(), body: event.clone(), deadline_ms: now_ms + timeout.as_millis() }).is_ok();
        }
        drop(polls);
        let outcome = if delivered {
            let answer = tokio::time::timeout(timeout + grace, rx);
            tokio::pin!(answer);
            let mut ticks = tokio::time::interval(Duration::from_millis(100));
            Some(loop {
                tokio::select! {
                    a = &mut answer => break a.ok().and_then(Result::ok).unwrap_or(Outcome::TimedOut),
                    _ = ticks.tick() => if !alive() { break Outcome::Gone },
                }
            })
        } else {
            None
        };
        self.replies.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
        outcome
    }
}

impl Drop for RuntimeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves one keep-alive connection of the runtime client.
async fn serve(mut stream: TcpStream, polls: mpsc::Sender<oneshot::Sender<Pending>>, replies: Replies) {
    let mut buf = Vec::new();
    loop {
        let Some((method, path, body)) = read_request(&mut stream, &mut buf).await else { return };
        let reply = |status: &str, headers: String, body: &str| {
            format!("HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{headers}\r\n{body}", body.len())
        };
        let answer = if method == "GET" && path.ends_with("/runtime/invocation/next") {
            let (tx, mut rx) = oneshot::channel();
            if polls.send(tx).await.is_err() {
                return;
            }
            // Wait for work, or for the process to go away (then the event is refused).
            let mut probe = [0u8; 1];
            let next = tokio::select! {
                p = &mut rx => p.ok(),
                _ = stream.peek(&mut probe) => None,
            };
            let Some(p) = next else { return };
            let headers = format!(
                "lambda-runtime-aws-request-id: {}\r\nlambda-runtime-deadline-ms: {}\r\n\
                 lambda-runtime-invoked-function-arn: arn:aws:lambda:eu-west-1:000000000000:function:signal-copier\r\n\
                 lambda-runtime-trace-id: Root=1-00000000-000000000000000000000000\r\n",
                p.id, p.deadline_ms
            );
            reply("200 OK", headers, &p.body)
        } else if method == "POST" && path.contains("/runtime/invocation/") {
            let rest = path.split("/runtime/invocation/").nth(1).unwrap_or_default();
            let (id, kind) = rest.split_once('/').unwrap_or((rest, ""));
            let outcome = if kind == "response" { Outcome::Response(body) } else { Outcome::Error(body) };
            if let Some(tx) = replies.lock().unwrap_or_else(|p| p.into_inner()).remove(id) {
                let _ = tx.send(outcome);
            }
            reply("202 Accepted", String::new(), "{}")
        } else if method == "POST" && path.ends_with("/runtime/init/error") {
            tracing::warn!(body, "the function failed to start");
            reply("202 Accepted", String::new(), "{}")
        } else {
            reply("404 Not Found", String::new(), "{}")
        };
        if stream.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// Reads one HTTP/1.1 request (method, path, body) from a keep-alive stream; `None` at its end.
async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<(String, String, String)> {
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_string();
            let mut lines = head.lines();
            let mut first = lines.next()?.split_whitespace();
            let method = first.next()?.to_string();
            let path = first.next()?.to_string();
            let length = lines
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if length > MAX_REQUEST {
                return None;
            }
            while buf.len() < end + 4 + length {
                read_more(stream, buf).await?;
            }
            let body = String::from_utf8_lossy(&buf[end + 4..end + 4 + length]).to_string();
            buf.drain(..end + 4 + length);
            return Some((method, path, body));
        }
        if buf.len() > MAX_REQUEST {
            return None;
        }
        read_more(stream, buf).await?;
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<()> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await.ok()?;
    if n == 0 {
        return None;
    }
    buf.extend_from_slice(&chunk[..n]);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One runtime-client round: `GET …/next`, then `POST` the answer (or nothing, with `None`).
    async fn client(addr: String, answer: Option<&'static str>) -> String {
        let mut s = TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nhost: x\r\n\r\n").await.unwrap();
        let mut buf = Vec::new();
        let (id, event) = loop {
            let mut chunk = [0u8; 4096];
            let n = s.read(&mut chunk).await.unwrap();
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let len: usize = head.lines().find_map(|l| l.strip_prefix("content-length: ")).unwrap().parse().unwrap();
                if body.len() >= len {
                    let id = head.lines().find_map(|l| l.strip_prefix("lambda-runtime-aws-request-id: ")).map(str::to_string);
                    break (id, body.to_string());
                }
            }
        };
        if let (Some(answer), Some(id)) = (answer, id) {
            let post = format!(
                "POST /2018-06-01/runtime/invocation/{id}/response HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\n\r\n{answer}",
                answer.len()
            );
            s.write_all(post.as_bytes()).await.unwrap();
            let mut chunk = [0u8; 4096];
            let _ = s.read(&mut chunk).await.unwrap();
        }
        event
    }

    #[tokio::test]
    async fn an_event_goes_to_the_waiting_process_and_its_answer_comes_back() {
        let api = RuntimeApi::start().await.unwrap();
        let process = tokio::spawn(client(api.address(), Some(r#"{"batchItemFailures":[]}"#)));
        let outcome = api.invoke(r#"{"Records":[]}"#.into(), Duration::from_secs(10), Duration::ZERO, || true).await;
        assert_eq!(outcome, Some(Outcome::Response(r#"{"batchItemFailures":[]}"#.into())));
        assert_eq!(process.await.unwrap(), r#"{"Records":[]}"#);
    }

    #[tokio::test]
    async fn without_a_process_nothing_is_delivered_and_a_silent_one_times_out_or_is_gone() {
        let api = RuntimeApi::start().await.unwrap();
        assert_eq!(api.invoke("{}".into(), Duration::from_millis(100), Duration::ZERO, || true).await, None);
        let silent = tokio::spawn(client(api.address(), None));
        let outcome = api.invoke("{}".into(), Duration::from_millis(300), Duration::ZERO, || true).await;
        assert_eq!(outcome, Some(Outcome::TimedOut));
        silent.await.unwrap();
        let _waiting = tokio::spawn(client(api.address(), None));
        let outcome = api.invoke("{}".into(), Duration::from_secs(30), Duration::ZERO, || false).await;
        assert_eq!(outcome, Some(Outcome::Gone), "a dead process is noticed before the deadline");
    }
}
