//! The notifier binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/notifier.json` on the local AWS emulator (no webhook
//! configured, so notifications go to the log).

use copycat_lambda_harness::{failed_items, invoke_on_fresh_stack};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifier_binary_fails_exactly_the_malformed_notification() {
    let (_stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_notifier"), "notifier.json").await;
    assert_eq!(failed_items(&run.response), vec!["00000003-aaaa-bbbb-cccc-000000000003".to_string()], "{}", run.response);
}
