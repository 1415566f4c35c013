//! The control binary under `cargo lambda watch`, invoked with
//! `cargo lambda invoke --data-file events/control.json` (a Function URL request from Slack) on
//! the local AWS emulator, deployed as an old secret would leave it: no platform keys. The
//! function still starts and answers, with a 503 that names the missing key.

use copycat_lambda_harness::invoke_on_fresh_stack;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_binary_without_its_keys_answers_503_naming_the_missing_key() {
    let (_stack, run) = invoke_on_fresh_stack(env!("CARGO_BIN_EXE_control"), "control.json").await;
    assert_eq!(run.response["statusCode"], 503, "{}", run.response);
    let body = run.response["body"].as_str().unwrap_or_default();
    assert!(body.contains("COPYCAT_SLACK_SIGNING_SECRET"), "{body}");
}
