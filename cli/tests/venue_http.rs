//! The pipeline over real HTTP: `copycat sim serve` on a free loopback port, then `copycat run`
//! and `copycat discover` pointed at it with the venue URL flags — the Polymarket client, its
//! budgets and parsing, end to end.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

fn copycat(config: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copycat"));
    c.env_remove("COPYCAT_LOG").arg("--config").arg(config);
    c
}

/// A child process stopped (and reaped) when the test ends, pass or fail.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `copycat sim serve --port 0` and reads the URL it prints.
fn serve(config: &Path, extra: &[&str]) -> (Stopped, String) {
    let mut child = copycat(config)
        .args(["sim", "serve", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start copycat sim serve");
    let stdout = child.stdout.take().expect("stdout");
    let guard = Stopped(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("read the URL");
    let url = line.trim().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "sim serve printed {url:?}");
    (guard, url)
}

/// A small world and budgets roomy enough for a quick test (the real ones are the defaults).
const CONFIG: &str = r#"
[demo]
wallets = 60
markets = 20

[discovery]
per_window = 20

[poller]
poll_interval_ms = 500

[venue]
data_api_per_window = 20000
data_trades_per_window = 10000
data_positions_per_window = 10000
max_retries = 1
"#;

#[test]
fn run_trades_over_http_against_sim_serve_and_follows_leaders() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copycat.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let (_server, url) = serve(&config, &[]);

    let db = dir.path().join("run.db");
    let out = copycat(&config)
        .args(["run", "--for-secs", "3", "--db"])
        .arg(&db)
        .args(["--data-api-url", &url, "--gamma-url", &url, "--clob-url", &url])
        .output()
        .expect("run copycat run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "copycat run failed: {stderr}");
    assert!(stderr.contains("Polymarket over HTTP"), "run used the HTTP venue: {stderr}");
    assert!(stderr.contains("equity"), "a health check ran over HTTP: {stderr}");

    let status = copycat(&config).args(["status", "--db"]).arg(&db).output().expect("run copycat status");
    let text = String::from_utf8_lossy(&status.stdout);
    let leaders: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("leaders:").map(|n| n.trim().parse().unwrap_or(0)))
        .unwrap_or_else(|| panic!("status shows leaders: {text}"));
    assert!(leaders > 0, "discovery and the bot filter over HTTP followed someone: {text}");
}

#[test]
fn discover_prints_one_classify_line_per_candidate_from_the_served_leaderboard() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copycat.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let (_server, url) = serve(&config, &[]);
    let out = copycat(&config)
        .args(["discover", "--data-api-url", &url, "--gamma-url", &url, "--clob-url", &url])
        .output()
        .expect("run copycat discover");
    assert!(out.status.success(), "copycat discover failed: {}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert!(lines.len() >= 20, "at least one leaderboard window of candidates: {}", lines.len());
    let mut wallets = std::collections::HashSet::new();
    for l in &lines {
        for key in ["wallet", "verdict", "kind", "score", "reasons", "trades", "source", "would_follow", "copyable_edge", "follow_reasons"]
        {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        assert!(wallets.insert(l["wallet"].as_str().unwrap().to_string()), "each candidate once");
    }
    assert!(lines.iter().any(|l| l["verdict"] == "bot"), "the simulated bots on the leaderboard are caught");
    // People carry their copyable edge, and whether they would be followed agrees with it.
    let people: Vec<_> = lines.iter().filter(|l| l["verdict"] == "human").collect();
    assert!(!people.is_empty());
    for p in people {
        let edge = &p["copyable_edge"];
        assert!(edge["score"].is_number() && edge["markets"].is_u64(), "{p}");
        if p["would_follow"] == true {
            assert!(edge["score"].as_f64().unwrap() > 0.0, "{p}");
        }
    }
}

#[test]
fn discover_against_a_failing_venue_exits_with_the_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copycat.toml");
    std::fs::write(&config, format!("{CONFIG}retry_base_ms = 1\nretry_max_ms = 10\n")).unwrap();
    let (_server, url) = serve(&config, &["--fixture", "500"]);
    let out = copycat(&config).args(["discover", "--data-api-url", &url]).output().expect("run copycat discover");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(stderr.contains("could not be read") && stderr.contains("HTTP 500"), "{stderr}");
}

#[test]
fn backtest_replays_real_wallets_over_http_then_again_from_its_cache_and_names_what_an_outage_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copycat.toml");
    // Retries enough that a first run on a loaded machine caches every answer.
    std::fs::write(&config, CONFIG.replace("max_retries = 1", "max_retries = 4")).unwrap();
    let (server, url) = serve(&config, &[]);
    let cache = dir.path().join("bt.db");
    let until = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 3600 * 3600).to_string();
    let backtest = |extra: &[&str]| {
        copycat(&config)
            .args(["backtest", "--candidates", "--days", "2", "--history-days", "5", "--json", "--until", &until, "--cache"])
            .arg(&cache)
            .args(["--data-api-url", &url, "--gamma-url", &url, "--clob-url", &url])
            .args(extra)
            .output()
            .expect("run copycat backtest")
    };
    let first = backtest(&[]);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(first.status.success(), "backtest failed: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).expect("one JSON object");
    let leaders = v["leaders"].as_array().expect("leaders");
    assert!(!leaders.is_empty(), "some candidate traded in the window: {v}");
    assert!(leaders.iter().any(|l| l["copies"].as_u64().unwrap_or(0) > 0), "something was copied: {v}");
    assert!(stderr.contains("answers fetched, 0 from the cache"), "{stderr}");

    // The same window again, with the venue gone: every answer comes from the cache.
    drop(server);
    let again = backtest(&[]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "the cached re-run failed: {stderr}");
    assert!(stderr.contains("venue: 0 answers fetched"), "{stderr}");
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        w["total"]["follower_pnl"], v["total"]["follower_pnl"],
        "the same replay; skipped first: {} / again: {}",
        v["skipped"], w["skipped"]
    );

    // A wallet asked for by name that the cache does not hold, with the venue down: named, and
    // the others go on.
    let stranger = "0x00000000000000000000000000000000000000bb";
    let partial = backtest(&["--wallet", stranger]);
    let stderr = String::from_utf8_lossy(&partial.stderr);
    let w: serde_json::Value = serde_json::from_slice(&partial.stdout).unwrap_or_default();
    let skipped: Vec<&str> = w["skipped"].as_array().map(|a| a.iter().filter_map(|s| s.as_str()).collect()).unwrap_or_default();
    assert!(skipped.iter().any(|s| s.contains(stranger) && s.contains("could not be read")), "{skipped:?} {stderr}");
    assert_eq!(w["leaders"].as_array().map(Vec::len), v["leaders"].as_array().map(Vec::len), "the cached wallets still replayed");
}
