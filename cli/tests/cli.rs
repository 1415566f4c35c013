//! The `copycat` binary as a user runs it: the demo and its summary, a demo killed part-way and
//! resumed, `classify`, and `config check`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn copycat() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copycat"));
    c.env_remove("COPYCAT_LOG");
    c
}

fn run_json(args: &[&str], dir: &Path) -> serde_json::Value {
    let out = copycat().args(args).current_dir(dir).output().expect("run copycat");
    assert!(out.status.success(), "copycat {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not one JSON object ({e}): {stdout}"))
}

/// A short demo (the full 7 days runs in the release build; see BENCHMARKS.md).
const SHORT: [&str; 4] = ["--days", "3", "--wallets", "80"];

#[test]
fn demo_json_summary_has_the_promised_keys_and_no_duplicate_fills() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["demo", "--json", "--db", "d.db"];
    args.extend(SHORT);
    let s = run_json(&args, dir.path());
    for key in [
        "signals_copied",
        "duplicate_fills",
        "bots_rejected",
        "breaker_trips",
        "breaker_recoveries",
        "mode_transitions",
        "latency_p50_secs",
        "refused_by_reason",
    ] {
        assert!(s.get(key).is_some(), "summary lacks `{key}`: {s}");
    }
    assert_eq!(s["duplicate_fills"], 0);
    assert!(s["signals_copied"].as_u64().unwrap() > 0, "{s}");
    assert!(s["bots_rejected"].as_u64().unwrap() > 0, "{s}");
    assert!(s["leaders_followed"].as_u64().unwrap() > 0, "{s}");
    assert_eq!(s["dead_lettered"], 0, "{s}");
}

#[test]
fn demo_killed_part_way_and_resumed_copies_every_leader_trade_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["demo", "--quiet", "--db", "crash.db"];
    args.extend(SHORT);
    let mut child = copycat().args(&args).current_dir(dir.path()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut reached = false;
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap();
        if line.contains("simulated day 2/") {
            reached = true;
            break;
        }
    }
    assert!(reached, "the demo never reported day 2");
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    let status = child.wait().unwrap();
    assert!(!status.success(), "the demo was killed, not finished");

    let mut resume = vec!["demo", "--resume", "--json", "--db", "crash.db"];
    resume.extend(SHORT);
    let s = run_json(&resume, dir.path());
    assert_eq!(s["duplicate_fills"], 0, "{s}");
    assert!(s["signals_copied"].as_u64().unwrap() > 0, "{s}");

    // Every trade of every leader followed at the end, from when we followed them, has exactly
    // one outcome in the ledger (copied or refused with a reason): nothing lost, nothing twice.
    let check = copycat_check::ledger_against_world(&dir.path().join("crash.db"), 3, 80);
    assert!(check.leaders > 0, "{check:?}");
    assert!(check.expected > 0, "{check:?}");
    assert_eq!(check.missing, 0, "{check:?}");
    assert_eq!(check.duplicated, 0, "{check:?}");
}

mod copycat_check {
    use copycat_core::config::Config;
    use copycat_core::ports::StateStore;
    use copycat_core::records::{LeaderSet, LedgerEntry, keys};
    use copycat_core::signal::{keys_for, merge_fills};
    use copycat_core::time::{ManualClock, Span};
    use copycat_sim::{SimParams, SimWorld};
    use copycat_state::{decode, load};
    use std::collections::HashMap;
    use std::path::Path;
    use std::sync::Arc;

    #[derive(Debug, Default)]
    pub struct Check {
        pub leaders: usize,
        pub expected: usize,
        pub missing: usize,
        pub duplicated: usize,
    }

    pub fn ledger_against_world(db: &Path, days: u32, wallets: u32) -> Check {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        rt.block_on(async {
            let mut config = Config::default();
            config.demo.days = days;
            config.demo.wallets = wallets;
            let start = copycat_core::time::from_secs(1_772_409_600);
            let end = start + Span::days(days as i64);
            let clock = Arc::new(ManualClock::new(end));
            let backend = copycat_embedded::EmbeddedBackend::open(db, clock).unwrap();
            let store = backend.store();
            let world = SimWorld::generate(SimParams::from_demo_config(&config.demo, start));
            let leaders: LeaderSet = load(store.as_ref(), &keys::leaders()).await.unwrap().unwrap().value;
            let mut seen: HashMap<String, usize> = HashMap::new();
            for r in store.query(keys::LEDGER_PK, "").await.unwrap() {
                let e: LedgerEntry = decode(&r).unwrap().value;
                *seen.entry(e.key.0).or_insert(0) += 1;
            }
            let mut c = Check { leaders: leaders.leaders.len(), ..Check::default() };
            for l in &leaders.leaders {
                let trades: Vec<_> = world
                    .trades_of(&l.wallet)
                    .iter()
                    .filter(|t| t.timestamp >= l.since && t.timestamp <= end - Span::seconds(10))
                    .filter(|t| !copycat_core::datapi::is_combo_condition(&t.condition_id))
                    .cloned()
                    .collect();
                for k in keys_for(&merge_fills(&trades)) {
                    c.expected += 1;
                    match seen.get(&k.0).copied().unwrap_or(0) {
                        0 => c.missing += 1,
                        1 => {}
                        _ => c.duplicated += 1,
                    }
                }
            }
            c
        })
    }
}

#[test]
fn classify_prints_one_json_line_per_wallet() {
    let dir = tempfile::tempdir().unwrap();
    let rows = serde_json::json!({"data": [
        {"proxy_wallet": "0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "side": "BUY", "asset": "1", "condition_id": "0x01", "size": "10", "price": "0.5", "timestamp": 1772409600, "transaction_hash": "0x1"},
        {"proxyWallet": "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "side": "SELL", "asset": "2", "conditionId": "0x02", "size": 5, "price": 0.4, "timestamp": 1772409700, "transactionHash": "0x2"}
    ], "pagination": {"has_more": false}});
    std::fs::write(dir.path().join("t.json"), rows.to_string()).unwrap();
    let out = copycat().args(["classify", "t.json"]).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["wallet"], "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    for l in &lines {
        assert_eq!(l["verdict"], "insufficient_data");
        for k in ["wallet", "verdict", "kind", "score", "reasons"] {
            assert!(l.get(k).is_some(), "missing {k}: {l}");
        }
    }
}

#[test]
fn classify_on_a_broken_file_says_where_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "[{\"proxyWallet\": \"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"side\": \"BUY\",\n \"price\": ",
    )
    .unwrap();
    let out = copycat().args(["classify", "bad.json"]).current_dir(dir.path()).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json") && err.contains("line 2"), "{err}");
}

#[test]
fn config_check_names_the_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), "[modes]\nupgrade_buffer = \"0.9\"\n").unwrap();
    let out = copycat().args(["--config", "c.toml", "config", "check"]).current_dir(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(78), "a config error exits 78 (EX_CONFIG): {err}");
    assert!(err.contains("modes.upgrade_buffer"), "{err}");
    let ok = copycat().args(["config", "check"]).current_dir(dir.path()).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
}

#[test]
fn live_trading_without_its_confirmations_exits_as_refused_naming_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = copycat()
        .args(["run", "--for-secs", "1"])
        .env("COPYCAT__TRADING__MODE", "live")
        .env_remove("COPYCAT_POLYMARKET_PRIVATE_KEY")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(77), "a refusal exits 77 (EX_NOPERM): {err}");
    assert!(err.contains("live trading refused") && err.contains("trading.live_confirmed"), "{err}");
}

#[test]
fn a_usage_mistake_exits_1_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = copycat().args(["demo", "--resume", "--db", "none.db"]).current_dir(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: nothing to resume: no demo database at none.db"), "{err}");
}

#[test]
fn stop_and_start_flip_the_kill_switch_seen_by_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["demo", "--json", "--db", "copycat.db", "--days", "1", "--wallets", "40"];
    args.truncate(8);
    run_json(&args, dir.path());
    let out = copycat().args(["stop", "--reason", "lunch"]).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let status = copycat().args(["status"]).current_dir(dir.path()).output().unwrap();
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(text.contains("STOPPED") && text.contains("lunch"), "{text}");
    copycat().args(["start"]).current_dir(dir.path()).output().unwrap();
    let status = copycat().args(["status"]).current_dir(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&status.stdout).contains("trading:    running"));
}

#[test]
fn output_piped_into_a_reader_that_stops_early_ends_quietly() {
    // `copycat config check | head -1`: the reader closes the pipe before the ~350 lines are
    // written. Closed here before the child writes anything.
    let mut child = copycat().args(["config", "check"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?} {stderr}", out.status);
}
