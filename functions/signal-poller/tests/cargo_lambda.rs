//! The signal-poller binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/signal-poller.json` (one poll) on the local AWS
//! emulator: with nobody followed yet it polls once, takes the lease and queues nothing.

use copycat_lambda_harness::{invoke_on_fresh_stack, queue_depth};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signal_poller_binary_polls_once_and_reports() {
    let (stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_signal-poller"), "signal-poller.json").await;
    assert_eq!(run.response["polls"], 1, "{}", run.response);
    assert_eq!(run.response["lease_busy"], false, "{}", run.response);
    assert_eq!(run.response["signals_queued"], 0, "nobody is followed on a fresh table: {}", run.response);
    assert_eq!(queue_depth(&stack.endpoint, &stack.queue_urls[1]).await, 0);
}
