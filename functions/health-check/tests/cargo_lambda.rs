//! The health-check binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/health-check.json` on the local AWS emulator.

use copycat_lambda_harness::invoke_on_fresh_stack;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_check_binary_probes_and_reports_equity() {
    let (_stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_health-check"), "health-check.json").await;
    assert!(run.response["probes_failed"].as_array().is_some_and(|p| p.is_empty()), "every probe passes on the emulator: {}", run.response);
    assert!(run.response["equity"].is_string() || run.response["equity"].is_number(), "{}", run.response);
    assert_eq!(run.response["drawdown"], 0.0, "{}", run.response);
}
