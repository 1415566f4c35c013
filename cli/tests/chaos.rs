//! `copycat chaos` as the test command runs it: about 1,000 leader trades through the real
//! copier in worker processes that are SIGKILLed, throttled, timed out and raced, and an audit
//! with nothing duplicated, lost, unexplained or off by a cent.

use std::process::Command;

#[test]
fn a_thousand_signals_under_faults_are_each_handled_once_and_the_books_balance() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copycat"))
        .args(["chaos", "--signals", "1000", "--seed", "5", "--json", "--dir"])
        .arg(dir.path())
        .env_remove("COPYCAT_LOG")
        // Claims and visibility longer than the soak's defaults (2 s / 3 s): this harness gives
        // a handler no invocation deadline, so on a loaded machine a slow handler could outlive a
        // 2 s claim, which Lambda's timeout never lets happen (an unclean run seen twice under
        // full test-suite load, cause not diagnosed: see RELIABILITY.md). Kills still land.
        .env("COPYCAT__CHAOS__CLAIM_IN_PROGRESS_SECS", "10")
        .env("COPYCAT__CHAOS__VISIBILITY_TIMEOUT_SECS", "12")
        .output()
        .expect("run copycat chaos");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "copycat chaos failed: {stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let a: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or_default()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(a["signals"], 1000);
    assert_eq!(a["duplicate_fills"], 0, "{a}");
    assert_eq!(a["lost_signals"], 0, "{a}");
    assert_eq!(a["unexplained"], 0, "{a}");
    assert_eq!(a["balance_drift_usd"], "0", "{a}");
    assert!(a["fills"].as_u64().unwrap() > 500, "most signals are copied, not refused: {a}");
    assert_eq!(a["copied"].as_u64().unwrap() + a["refused"].as_u64().unwrap(), 1000, "{a}");
    // The faults happened: this is a soak, not a quiet run.
    let faults = &a["faults_injected"];
    for kind in ["redelivered", "throttled", "timed_out", "answer_lost", "worker_killed"] {
        assert!(faults[kind].as_u64().unwrap_or(0) > 0, "no {kind} fault was injected: {a}");
    }
}
