//! `copycat demo --backend aws`: the whole demo on DynamoDB and SQS at the local emulator
//! (the table and queues of infra/resources.json are created when missing), then the state it
//! left there read back. A smaller world and a coarser poll than the embedded demo tests: each
//! poll costs emulator round trips, and the emulator is slow.

use std::process::Command;

fn copycat() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copycat"));
    c.env_remove("COPYCAT_LOG").env_remove("AWS_ENDPOINT_URL");
    c
}

/// One poll every five minutes of simulated time (the default is every 2 s).
const COARSE_POLL: (&str, &str) = ("COPYCAT__POLLER__POLL_INTERVAL_MS", "300000");

#[test]
fn demo_runs_on_the_emulator_and_leaves_its_state_there() {
    let endpoint = copycat_lambda_harness::emulator_endpoint();
    let dir = tempfile::tempdir().unwrap();
    let args = ["demo", "--backend", "aws", "--endpoint-url", &endpoint, "--json", "--days", "1", "--wallets", "40"];
    let out = copycat().args(args).env(COARSE_POLL.0, COARSE_POLL.1).current_dir(dir.path()).output().expect("run copycat");
    assert!(out.status.success(), "copycat {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let summary: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|e| panic!("--json prints one JSON object ({e}): {stdout}"));
    assert_eq!(summary["duplicate_fills"], 0, "{summary}");
    assert!(summary["signals_copied"].as_u64().is_some(), "{summary}");
    assert!(
        summary["leaders_followed"].as_u64().is_some_and(|n| n > 0) || summary["bots_rejected"].as_u64().is_some_and(|n| n > 0),
        "the bot filter judged the simulated wallets: {summary}"
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "no embedded database was written on the AWS backend");

    // The report reads the same table.
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("report");
    let args = ["report", "--backend", "aws", "--endpoint-url", &endpoint, "--out", report.to_str().unwrap()];
    let out = copycat().args(args).output().expect("run copycat");
    assert!(out.status.success(), "copycat {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("6 charts") && !said.contains(" 0 snapshots"), "the health checks' history is in DynamoDB: {said}");
    assert!(report.join("index.html").is_file() && report.join("equity.svg").is_file());

    // The state is in DynamoDB: the finished demo's record refuses a resume.
    let resume = copycat()
        .args(["demo", "--backend", "aws", "--endpoint-url", &endpoint, "--resume", "--json", "--days", "1", "--wallets", "40"])
        .env(COARSE_POLL.0, COARSE_POLL.1)
        .output()
        .expect("run copycat");
    assert!(!resume.status.success());
    assert!(String::from_utf8_lossy(&resume.stderr).contains("already finished"), "{}", String::from_utf8_lossy(&resume.stderr));
}

#[test]
fn the_aws_backend_without_an_endpoint_is_a_clear_error_not_a_real_account() {
    let out = copycat().args(["demo", "--backend", "aws", "--json"]).output().expect("run copycat");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--endpoint-url") && err.contains("AWS_ENDPOINT_URL"), "{err}");
}

#[test]
fn the_demo_refuses_aws_itself_as_its_endpoint() {
    let out = copycat()
        .args(["demo", "--backend", "aws", "--endpoint-url", "https://dynamodb.eu-west-1.amazonaws.com", "--json"])
        .output()
        .expect("run copycat");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dynamodb.eu-west-1.amazonaws.com is AWS itself"), "{err}");
}

#[test]
fn an_endpoint_with_the_embedded_backend_is_refused() {
    let out = copycat().args(["demo", "--endpoint-url", "http://127.0.0.1:1", "--json"]).output().expect("run copycat");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only to --backend aws"));
}
