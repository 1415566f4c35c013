//! Retries on the wire, against a scripted DynamoDB endpoint on 127.0.0.1 (moto never throttles):
//! a throttled call is retried with back-off and succeeds; one throttled on every attempt is a
//! typed `Throttled` error after the policy's attempts; a lost condition is never retried by the
//! SDK (the caller re-reads and re-decides).

use copycat_aws::{AwsClients, DynamoStore};
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::store::Key;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const THROTTLED: &str =
    r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#;
const CONDITION_FAILED: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"pk":{"S":"P"},"sk":{"S":"S"},"version":{"N":"3"},"body":{"S":"{}"}}}"#;

/// A DynamoDB endpoint answering each request with the next scripted (status, body), the last
/// one forever; records when each request arrived.
fn scripted(script: Vec<(u16, &'static str)>) -> (String, Arc<Mutex<Vec<Instant>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let log = log.clone();
            let script = script.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                // keep-alive: several requests may come on one connection
                loop {
                    let mut length = 0usize;
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':')
                            && k.eq_ignore_ascii_case("content-length")
                        {
                            length = v.trim().parse().unwrap_or(0);
                        }
                    }
                    let mut body = vec![0; length];
                    if reader.read_exact(&mut body).is_err() {
                        return;
                    }
                    let n = {
                        let mut l = log.lock().unwrap();
                        l.push(Instant::now());
                        l.len() - 1
                    };
                    let (status, reply) = script[n.min(script.len() - 1)];
                    let head = format!(
                        "HTTP/1.1 {status} {}\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: r{n}\r\nContent-Length: {}\r\n\r\n",
                        if status == 200 { "OK" } else { "Bad Request" },
                        reply.len()
                    );
                    if stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(reply.as_bytes())).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (endpoint, seen)
}

fn key() -> Key {
    Key::new("P", "S")
}

#[tokio::test]
async fn a_throttled_read_is_retried_with_back_off_and_succeeds() {
    let (endpoint, seen) = scripted(vec![(400, THROTTLED), (400, THROTTLED), (200, "{}")]);
    let store = DynamoStore::new(AwsClients::for_endpoint(&endpoint).await.dynamodb, "t");
    let got = store.get(&key()).await.expect("the third attempt succeeds");
    assert!(got.is_none(), "an empty GetItem answer is no record");
    let times = seen.lock().unwrap().clone();
    assert_eq!(times.len(), 3, "two throttled attempts, then the one that succeeded");
    assert!(times[1] > times[0] && times[2] > times[1], "attempts are sequential, each after a back-off");
}

#[tokio::test]
async fn a_read_throttled_on_every_attempt_is_a_typed_throttled_error() {
    let (endpoint, seen) = scripted(vec![(400, THROTTLED)]);
    let store = DynamoStore::new(AwsClients::for_endpoint(&endpoint).await.dynamodb, "t");
    match store.get(&key()).await {
        Err(StoreError::Throttled(context)) => assert!(context.contains("on table t"), "the error names the call and table: {context}"),
        other => panic!("expected Throttled, got {other:?}"),
    }
    assert_eq!(seen.lock().unwrap().len(), copycat_aws::retry_policy().max_attempts() as usize, "every attempt of the policy was made");
}

#[tokio::test]
async fn a_lost_condition_is_not_retried_and_carries_the_current_record() {
    let (endpoint, seen) = scripted(vec![(400, CONDITION_FAILED)]);
    let store = DynamoStore::new(AwsClients::for_endpoint(&endpoint).await.dynamodb, "t");
    match store.put_if_absent(&key(), serde_json::json!({"a": 1}), None).await {
        Err(StoreError::Conflict { current, .. }) => {
            assert_eq!(current.map(|r| r.version), Some(3), "ALL_OLD: the record that won, without a second read")
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(seen.lock().unwrap().len(), 1, "one request: a conflict is never retried blindly");
}
