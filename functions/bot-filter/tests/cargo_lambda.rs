//! The bot-filter binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/bot-filter.json` on the local AWS emulator.

use copycat_lambda_harness::{failed_items, invoke_on_fresh_stack};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bot_filter_binary_fails_exactly_the_malformed_candidate() {
    let (_stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_bot-filter"), "bot-filter.json").await;
    assert_eq!(failed_items(&run.response), vec!["00000002-aaaa-bbbb-cccc-000000000002".to_string()], "{}\n{}", run.response, run.stdout);
}
