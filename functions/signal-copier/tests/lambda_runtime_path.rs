//! The signal-copier binary on the Lambda runtime path: started as Lambda starts it, wired to
//! the AWS backend on the local emulator, fed `events/signal-copier.json` by a stand-in for the
//! Lambda runtime API on 127.0.0.1, and answering with `batchItemFailures` naming exactly the
//! malformed message.

use copycat_aws::AwsClients;
use copycat_aws::emulator::Emulator;
use copycat_aws::resources::{DeadLetterDef, QueueDef, TableDef, create_queue, create_table};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// What the stand-in runtime API saw.
enum Seen {
    /// The first `GET /runtime/invocation/next`, this long after the test started the process.
    FirstNext(Instant),
    /// The invocation's response body.
    Response(String),
    /// The invocation's error body.
    Error(String),
}

/// Reads one HTTP request: (method, path, body).
fn read_request(stream: &TcpStream) -> Option<(String, String, String)> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        if h == "\r\n" || h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((method, path, String::from_utf8_lossy(&body).into_owned()))
}

/// Serves one invocation of `event`, then holds every later `next` open until the test ends.
fn serve(listener: TcpListener, event: String, seen: mpsc::Sender<Seen>) {
    let mut served = false;
    let mut held = Vec::new();
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let Some((method, path, body)) = read_request(&stream) else { continue };
        if method == "GET" && path.ends_with("/runtime/invocation/next") {
            if served {
                held.push(stream); // no second invocation: keep the poll waiting
                continue;
            }
            served = true;
            let _ = seen.send(Seen::FirstNext(Instant::now()));
            let deadline = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() + 30_000).unwrap_or(0);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: req-1\r\nLambda-Runtime-Deadline-Ms: {deadline}\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:signal-copier\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                event.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(event.as_bytes());
        } else if method == "POST" {
            let _ = stream.write_all(b"HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = seen.send(if path.ends_with("/response") { Seen::Response(body) } else { Seen::Error(body) });
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copier_binary_reports_exactly_the_malformed_message_through_the_runtime_api() {
    let (_emulator, endpoint) = tokio::task::spawn_blocking(|| match std::env::var("COPYCAT_AWS_ENDPOINT") {
        Ok(shared) => (None, shared),
        Err(_) => {
            let e = Emulator::start().unwrap_or_else(|e| panic!("{e}"));
            let url = e.endpoint().to_string();
            (Some(e), url)
        }
    })
    .await
    .unwrap();
    // SAFETY of the test: the SDK's default credential chain reads these; set before any client.
    let clients = AwsClients::for_endpoint(&endpoint).await;
    let table = TableDef {
        name: unique("state"),
        partition_key: "pk".into(),
        sort_key: "sk".into(),
        ttl_attribute: "ttl".into(),
        billing_mode: "PAY_PER_REQUEST".into(),
    };
    create_table(&clients.dynamodb, &table).await.expect("create table");
    let mut urls = Vec::new();
    for (role, fifo) in [("candidates", false), ("signals", true), ("notifications", false)] {
        let suffix = if fifo { ".fifo" } else { "" };
        let base = unique(role);
        let def = QueueDef {
            role: role.into(),
            name: format!("{base}{suffix}"),
            fifo,
            visibility_timeout_secs: 180,
            dead_letter: DeadLetterDef { name: format!("{base}-dlq{suffix}"), max_receive: 5, retention_secs: 3600 },
        };
        urls.push(create_queue(&clients.sqs, &def).await.expect("create queue").0);
    }

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let runtime_api = listener.local_addr().unwrap().to_string();
    let event_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../events/signal-copier.json");
    let event = std::fs::read_to_string(&event_path).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&event).unwrap();
    let malformed = fixture["Records"][2]["messageId"].as_str().unwrap().to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || serve(listener, event, tx));

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_signal-copier"))
        .env("AWS_LAMBDA_RUNTIME_API", &runtime_api)
        .env("AWS_LAMBDA_FUNCTION_NAME", "signal-copier")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_ENDPOINT_URL", &endpoint)
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_DEFAULT_REGION", "eu-west-1")
        .env("COPYCAT_TABLE", &table.name)
        .env("COPYCAT_CANDIDATES_QUEUE_URL", &urls[0])
        .env("COPYCAT_SIGNALS_QUEUE_URL", &urls[1])
        .env("COPYCAT_NOTIFICATIONS_QUEUE_URL", &urls[2])
        .env("COPYCAT_STAGE", "test")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    let mut first_next = None;
    let mut outcome = None;
    let deadline = Instant::now() + Duration::from_secs(120);
    while outcome.is_none() && Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(500)) {
            Ok(Seen::FirstNext(at)) => first_next = Some(at - started),
            Ok(Seen::Response(body)) => outcome = Some(Ok(body)),
            Ok(Seen::Error(body)) => outcome = Some(Err(body)),
            Err(_) => {
                if let Ok(Some(status)) = child.try_wait() {
                    let mut err = String::new();
                    child.stderr.take().map(|mut e| e.read_to_string(&mut err));
                    panic!("the binary exited ({status}) before answering: {err}");
                }
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let body = match outcome {
        Some(Ok(body)) => body,
        Some(Err(body)) => panic!("the invocation failed: {body}"),
        None => panic!("no answer from the binary within 120 s"),
    };
    let response: serde_json::Value = serde_json::from_str(&body).unwrap();
    let failures: Vec<&str> =
        response["batchItemFailures"].as_array().unwrap().iter().map(|f| f["itemIdentifier"].as_str().unwrap()).collect();
    assert_eq!(failures, vec![malformed.as_str()], "{body}");
    assert!(first_next.is_some(), "the runtime API saw the binary ask for its invocation");
    eprintln!("process start → first GET /runtime/invocation/next: {:?}", first_next.unwrap());
}
