//! The signal-copier binary on the Lambda runtime path: started as Lambda starts it, wired to
//! the AWS backend on the local emulator and the simulated venue over HTTP, fed
//! `events/signal-copier.json` by a stand-in for the
//! Lambda runtime API on 127.0.0.1, and answering with `batchItemFailures` naming exactly the
//! malformed message. (The cold-start figure comes from the release build: BENCHMARKS.md.)

use copycat_lambda_harness::runtime_api::run_once;
use copycat_lambda_harness::{FreshStack, emulator_endpoint, event_file, failed_items, simulated_venue, venue_env};
use std::path::Path;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copier_binary_reports_exactly_the_malformed_message_through_the_runtime_api() {
    let endpoint = tokio::task::spawn_blocking(emulator_endpoint).await.unwrap();
    let stack = FreshStack::create(&endpoint, 5).await;
    let event = std::fs::read_to_string(event_file("signal-copier.json")).unwrap();
    let venue = simulated_venue().await;
    let mut env = stack.env();
    env.extend(venue_env(&venue.url()));
    let run = tokio::task::spawn_blocking(move || {
        run_once(Path::new(env!("CARGO_BIN_EXE_signal-copier")), "signal-copier", &env, Some(event), Duration::from_secs(120))
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("{e}"));
    venue.stop();
    let body = match run.outcome {
        Some(Ok(body)) => body,
        other => panic!("the invocation did not succeed: {other:?}"),
    };
    let response: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(failed_items(&response), vec!["00000003-aaaa-bbbb-cccc-000000000003".to_string()], "{body}");
    eprintln!("process start → first GET /runtime/invocation/next: {:?}", run.first_next);
}
