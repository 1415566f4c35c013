//! The signal-copier binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/signal-copier.json` on the local AWS emulator: the
//! two well-formed signals name a market the venue does not know (refused, not retried), the
//! truncated one is the only batch item failure.

use copycat_lambda_harness::{failed_items, invoke_on_fresh_stack};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copier_binary_fails_exactly_the_malformed_signal() {
    let (_stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_signal-copier"), "signal-copier.json").await;
    assert_eq!(failed_items(&run.response), vec!["00000003-aaaa-bbbb-cccc-000000000003".to_string()], "{}", run.response);
    let refusals = run.stdout.lines().filter(|l| l.contains("\"SignalRefused\"") && l.contains("unknown_market")).count();
    assert_eq!(refusals, 2, "each well-formed signal is refused once, as an EMF line: {}", run.stdout);
}
