//! `copycat backtest`: the evaluation's JSON shape, bad input named while the rest goes on, and the
//! equity curve drawn as PNG or SVG.

use std::path::Path;
use std::process::Command;

fn copycat(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copycat"));
    c.current_dir(dir).env_remove("COPYCAT_LOG");
    c
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("copycat-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_evaluation_prints_one_object_with_every_policy_in_the_promised_shape() {
    let dir = temp_dir("evaluate");
    // A poll every 10 s instead of 2 keeps the debug build's run short; the shape is the point.
    let out = copycat(&dir)
        .env("COPYCAT__POLLER__POLL_INTERVAL_MS", "10000")
        .args(["backtest", "--sim", "--seed", "5", "--evaluate", "--json", "--sim-wallets", "50", "--train-days", "4", "--test-days", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.trim().lines().count(), 1, "one JSON object: {text}");
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["seed"], 5);
    assert_eq!(v["train_days"], 4);
    assert_eq!(v["test_days"], 1);
    let policies = v["policies"].as_object().expect("policies");
    let names: Vec<&str> = policies.keys().map(String::as_str).collect();
    for name in ["copyable_edge", "leader_pnl", "win_rate", "random", "oracle"] {
        assert!(names.contains(&name), "{name} in {names:?}");
        let p = &policies[name];
        let followed = p["followed"].as_array().expect("followed is a list");
        assert!(followed.len() <= 8, "at most copy.max_leaders");
        for w in followed {
            let w = w.as_str().expect("a wallet");
            assert!(w.len() == 42 && w.starts_with("0x"), "{w}");
        }
        assert!(p["follower_pnl"].is_number() && p["follower_roi"].is_number() && p["copies"].is_u64(), "{p}");
        assert!(p["truth_profit"].is_number() && p["truth_edge"].is_number(), "{p}");
        assert!(p["stopped_at"].is_null() || p["stopped_at"].is_string(), "when the emergency stop halted trading, if it did: {p}");
    }
    assert_eq!(policies.len(), 5);
    assert!(!policies["oracle"]["followed"].as_array().unwrap().is_empty(), "the oracle follows someone");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_wallets_are_named_and_skipped_while_the_others_are_replayed() {
    let dir = temp_dir("badwallet");
    // A wallet of the simulated population: the leaderboard's first row, via --candidates.
    let plot = dir.join("equity.svg");
    let out = copycat(&dir)
        .args([
            "backtest",
            "--sim",
            "--seed",
            "5",
            "--days",
            "2",
            "--history-days",
            "3",
            "--sim-wallets",
            "40",
            "--candidates",
            "--json",
            "--plot",
        ])
        .arg(&plot)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&plot).expect("the equity curve is drawn");
    assert!(svg.starts_with("<svg") && svg.contains("<polyline"), "an SVG with a line: {}", &svg[..svg.len().min(200)]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let good = v["leaders"][0]["wallet"].as_str().expect("a candidate").to_string();

    let stranger = "0x00000000000000000000000000000000000000aa";
    let out = copycat(&dir)
        .args(["backtest", "--sim", "--seed", "5", "--days", "2", "--history-days", "3", "--sim-wallets", "40", "--json"])
        .args(["--wallet", "0xnothex", "--wallet", &good, "--wallet", stranger])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let leaders = v["leaders"].as_array().unwrap();
    assert_eq!(leaders.len(), 1, "only the good wallet is replayed: {v}");
    assert_eq!(leaders[0]["wallet"], good.as_str());
    let skipped: Vec<&str> = v["skipped"].as_array().unwrap().iter().filter_map(|s| s.as_str()).collect();
    assert!(skipped.iter().any(|s| s.contains("0xnothex")), "{skipped:?}");
    assert!(skipped.iter().any(|s| s.contains(stranger) && s.contains("not in the simulated population")), "{skipped:?}");

    // Nothing replayable at all is a failure, with the reasons.
    let out = copycat(&dir).args(["backtest", "--sim", "--days", "1", "--sim-wallets", "20", "--wallet", "0x12"]).output().unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0x12"), "{stdout}");

    // On a venue that does not answer, the wallet is named with why and nothing is made up.
    let dead = "http://127.0.0.1:9";
    let out = copycat(&dir)
        .env("COPYCAT__VENUE__MAX_RETRIES", "0")
        .args(["backtest", "--wallet", &good, "--days", "1", "--cache"])
        .arg(dir.join("bt.db"))
        .args(["--data-api-url", dead, "--gamma-url", dead, "--clob-url", dead])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&good) && stdout.contains("could not be read"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_equity_curve_is_drawn_as_png_by_its_extension_and_other_extensions_are_refused_before_the_replay() {
    let dir = temp_dir("plotpng");
    let plot = dir.join("equity.PNG");
    let out = copycat(&dir)
        .args(["backtest", "--sim", "--seed", "5", "--days", "2", "--history-days", "3", "--sim-wallets", "40", "--candidates", "--plot"])
        .arg(&plot)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&plot).expect("the equity curve is drawn");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file: {:?}", &png[..png.len().min(16)]);
    // The header chunk comes first: width and height, big-endian, after its length and name.
    assert_eq!(&png[12..16], b"IHDR");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1000, 380));
    assert!(png.len() > 4_000, "more than a blank image: {} bytes", png.len());

    let out = copycat(&dir).args(["backtest", "--sim", "--candidates", "--plot", "equity.jpg"]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("equity.jpg") && stderr.contains("*.png") && stderr.contains("*.svg"), "{stderr}");
    assert!(out.stdout.is_empty() && !stderr.contains("replayed"), "refused before the replay: {stderr}");
    assert!(!dir.join("equity.jpg").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
