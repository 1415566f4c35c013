//! A minimal stand-in for the Lambda runtime API on 127.0.0.1: hands a function binary one
//! event (or none), records its answer, and notes when the process first asked for work — the
//! cold-start figure of BENCHMARKS.md.

use crate::{Running, Sender, read_request, write_all};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the stand-in saw.
enum Seen {
    FirstNext(Instant),
    Response(String),
    Error(String),
}

/// How one run under the stand-in went.
#[derive(Debug)]
pub struct Run {
    /// Process start to the first `GET /runtime/invocation/next`.
    pub first_next: Duration,
    /// The invocation's response body (`Err`: the body posted to `/error`); `None` when no
    /// event was served.
    pub outcome: Option<Result<String, String>>,
    /// Everything the process wrote on stderr until it was stopped (the AWS backend's
    /// `copycat_aws::ColdStart` line among it).
    pub stderr: String,
}

/// Serves `event` once (or never, when `None`), then holds every later poll open.
fn serve(listener: TcpListener, event: Option<String>, function_name: String, seen: Sender<Seen>) {
    let mut asked = false;
    let mut held = Vec::new();
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let Some((method, path, body)) = read_request(&stream) else { continue };
        if method == "GET" && path.ends_with("/runtime/invocation/next") {
            let first = !asked;
            asked = true;
            if first {
                let _ = seen.send(Seen::FirstNext(Instant::now()));
            }
            match (&event, first) {
                (Some(event), true) => {
                    let deadline =
                        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() + 30_000).unwrap_or(0);
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: req-1\r\nLambda-Runtime-Deadline-Ms: {deadline}\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:{function_name}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        event.len()
                    );
                    write_all(&stream, head.as_bytes());
                    write_all(&stream, event.as_bytes());
                }
                _ => held.push(stream), // no (further) invocation: keep the poll waiting
            }
        } else if method == "POST" {
            write_all(&stream, b"HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = seen.send(if path.ends_with("/response") { Seen::Response(body) } else { Seen::Error(body) });
        }
    }
}

/// Starts `binary` with `env` against a stand-in runtime API serving `event` (if any); returns
/// when it has answered (or, with no event, when it first polls), and stops the process.
pub fn run_once(
    binary: &Path,
    function_name: &str,
    env: &[(String, String)],
    event: Option<String>,
    within: Duration,
) -> Result<Run, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let address = listener.local_addr().map_err(|e| e.to_string())?.to_string();
    let (tx, rx) = mpsc::channel();
    let waits_for_answer = event.is_some();
    let name = function_name.to_string();
    std::thread::spawn(move || serve(listener, event, name, tx));

    let started = Instant::now();
    let child = Command::new(binary)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("AWS_LAMBDA_RUNTIME_API", &address)
        .env("AWS_LAMBDA_FUNCTION_NAME", function_name)
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut child = Running(child);
    // Read stderr as it comes, so a chatty process never blocks on a full pipe.
    let mut stderr = child.0.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
            text
        })
    });
    let mut read_stderr = move || stderr.take().and_then(|reader| reader.join().ok()).unwrap_or_default();
    let mut first_next = None;
    let mut outcome = None;
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if first_next.is_some() && (!waits_for_answer || outcome.is_some()) {
            break;
        }
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Seen::FirstNext(at)) => first_next = Some(at - started),
            Ok(Seen::Response(body)) => outcome = Some(Ok(body)),
            Ok(Seen::Error(body)) => outcome = Some(Err(body)),
            Err(_) => {
                if let Ok(Some(status)) = child.0.try_wait() {
                    return Err(format!("{} exited ({status}) before answering: {}", binary.display(), read_stderr()));
                }
            }
        }
    }
    drop(child); // stopped: its stderr is at end of file
    let stderr = read_stderr();
    let first_next = first_next.ok_or_else(|| format!("{} never polled the runtime API within {within:?}", binary.display()))?;
    if waits_for_answer && outcome.is_none() {
        return Err(format!("{} did not answer its invocation within {within:?}", binary.display()));
    }
    Ok(Run { first_next, outcome, stderr })
}
