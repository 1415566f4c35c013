//! The discovery binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/discovery.json` on the local AWS emulator: it reads
//! the (simulated) leaderboard and queues every new wallet on the candidates queue.

use copycat_lambda_harness::{invoke_on_fresh_stack, queue_depth};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discovery_binary_queues_the_candidates_it_reports() {
    let (stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_discovery"), "discovery.json").await;
    let queued = run.response["candidates_queued"].as_u64().unwrap_or_else(|| panic!("a discovery report: {}", run.response));
    assert!(queued > 0, "the leaderboard has wallets to judge: {}", run.response);
    assert_eq!(run.response["windows_failed"], 0, "{}", run.response);
    assert_eq!(queue_depth(&stack.endpoint, &stack.queue_urls[0]).await, queued, "every reported candidate is on the queue");
}
