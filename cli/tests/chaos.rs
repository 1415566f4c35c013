//! `copycat chaos` as the test command runs it, on both backends: about 1,000 leader trades
//! through the real copier in worker processes that are SIGKILLed, throttled, timed out and
//! raced, and an audit with nothing duplicated, lost, unexplained or off by a cent.

use std::process::Command;

/// Runs the soak with `args` (and the extra `env`), and checks its audit.
fn soak_is_clean(args: &[&str], env: &[(&str, &str)]) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copycat"))
        .args(["chaos", "--json", "--dir"])
        .arg(dir.path())
        .args(args)
        .env_remove("COPYCAT_LOG")
        .env_remove("AWS_ENDPOINT_URL")
        .envs(env.iter().copied())
        .output()
        .expect("run copycat chaos");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "copycat chaos failed: {stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let a: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or_default()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let signals: u64 = args.iter().skip_while(|a| **a != "--signals").nth(1).unwrap().parse().unwrap();
    assert_eq!(a["signals"], signals);
    assert_eq!(a["duplicate_fills"], 0, "{a}");
    assert_eq!(a["lost_signals"], 0, "{a}");
    assert_eq!(a["unexplained"], 0, "{a}");
    assert_eq!(a["balance_drift_usd"], "0", "{a}");
    assert!(a["fills"].as_u64().unwrap() > signals / 2, "most signals are copied, not refused: {a}");
    assert_eq!(a["copied"].as_u64().unwrap() + a["refused"].as_u64().unwrap(), signals, "{a}");
    // The faults happened: this is a soak, not a quiet run.
    let faults = &a["faults_injected"];
    for kind in ["redelivered", "throttled", "timed_out", "answer_lost", "worker_killed"] {
        assert!(faults[kind].as_u64().unwrap_or(0) > 0, "no {kind} fault was injected: {a}");
    }
}

#[test]
fn a_thousand_signals_under_faults_are_each_handled_once_and_the_books_balance() {
    // Claims and visibility longer than the soak's defaults (2 s / 3 s), with the invocation
    // deadline at the soak's default 2 s: on a machine loaded by the whole test suite a handler
    // that overruns is stopped at its deadline (counted as `invocation_deadline`), as on Lambda.
    soak_is_clean(
        &["--signals", "1000", "--seed", "5"],
        &[("COPYCAT__CHAOS__CLAIM_IN_PROGRESS_SECS", "10"), ("COPYCAT__CHAOS__VISIBILITY_TIMEOUT_SECS", "12")],
    );
}

#[test]
fn on_the_aws_backend_signals_under_faults_are_each_handled_once_and_the_books_balance() {
    // DynamoDB and SQS on the soak's own emulator (one request at a time, so conditional writes
    // from the worker processes are atomic as on AWS); each worker is the copier under the Lambda
    // runtime client, invoked by the coordinator as the SQS event source mapping. The emulator
    // is slower than SQLite: claims, visibility and the invocation deadline are longer.
    soak_is_clean(
        &["--signals", "1000", "--seed", "5", "--backend", "aws"],
        &[
            ("COPYCAT__CHAOS__CLAIM_IN_PROGRESS_SECS", "5"),
            ("COPYCAT__CHAOS__VISIBILITY_TIMEOUT_SECS", "6"),
            ("COPYCAT__CHAOS__INVOCATION_TIMEOUT_MS", "5000"),
        ],
    );
}
