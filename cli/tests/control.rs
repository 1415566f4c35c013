//! `copycat control serve` end to end on a demo's database: a signed Slack `stop` sets the kill
//! switch that `copycat status` shows, a replay is refused, a Telegram `/start` clears it, and
//! `copycat stop` from the CLI is what chat's `status` then reports: one kill-switch record.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

const SLACK_SECRET: &str = "e2e-signing-secret";
const TELEGRAM_TOKEN: &str = "e2e-telegram-token";

fn copycat(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copycat"));
    c.current_dir(dir).env_remove("COPYCAT_LOG");
    c
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = copycat(dir).args(args).output().expect("run copycat");
    assert!(out.status.success(), "copycat {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// POSTs `body` to `url` + `path` with `headers`; returns the status and body.
fn post(url: &str, path: &str, headers: &[(&str, String)], body: &str) -> (u16, String) {
    let addr = url.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!("POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

fn slack(url: &str, text: &str) -> (u16, String) {
    let ts = chrono::Utc::now().timestamp().to_string();
    let body = format!("user_id=U1&user_name=ops&command=%2Fcopycat&text={}", text.replace(' ', "+"));
    let sig = control::verify::slack_signature(SLACK_SECRET, &ts, body.as_bytes());
    post(url, "/slack", &[("x-slack-request-timestamp", ts), ("x-slack-signature", sig)], &body)
}

fn telegram(url: &str, update: i64, text: &str) -> (u16, String) {
    let body = serde_json::json!({"update_id": update, "message": {"message_id": 1, "date": chrono::Utc::now().timestamp(), "text": text, "from": {"id": 42}, "chat": {"id": 42}}}).to_string();
    post(url, "/telegram", &[("x-telegram-bot-api-secret-token", TELEGRAM_TOKEN.to_string())], &body)
}

#[test]
fn chat_commands_drive_the_same_kill_switch_as_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["demo", "--quiet", "--days", "1", "--wallets", "30", "--db", "d.db"]);
    // The demo may end stopped (its emergency rule); start from trading running.
    run(dir.path(), &["start", "--db", "d.db"]);
    let mut child = copycat(dir.path())
        .args(["control", "serve", "--db", "d.db", "--port", "0"])
        .env("COPYCAT_SLACK_SIGNING_SECRET", SLACK_SECRET)
        .env("COPYCAT_TELEGRAM_SECRET_TOKEN", TELEGRAM_TOKEN)
        .env("COPYCAT__CONTROL__ALLOWED_USERS", r#"["slack:U1", "telegram:42"]"#)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _server = Server(child);
    let mut url = String::new();
    BufReader::new(stdout).read_line(&mut url).unwrap();
    let url = url.trim().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let (status, body) = slack(&url, "stop checking the venue");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Trading STOPPED: checking the venue"), "{body}");
    let shown = run(dir.path(), &["status", "--db", "d.db"]);
    let first = shown.lines().next().unwrap_or_default();
    assert!(first.contains("STOPPED") && first.contains("checking the venue (from slack:U1 (ops))"), "{shown}");

    let (status, body) = telegram(&url, 1, "/start");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Trading resumed"), "{body}");
    // Telegram re-sends an update until it gets a 2xx: a repeat is acknowledged and not run.
    let (status, body) = telegram(&url, 1, "/start");
    assert_eq!((status, body.trim()), (200, "{}"), "a replayed update is acknowledged and not run again");
    assert!(run(dir.path(), &["status", "--db", "d.db"]).starts_with("trading:    running"));

    run(dir.path(), &["stop", "--db", "d.db", "--reason", "maintenance"]);
    let (_, body) = slack(&url, "status");
    assert!(body.contains("Trading STOPPED") && body.contains("maintenance"), "chat sees the CLI's stop: {body}");
    // A forged request changes nothing.
    let (status, _) =
        post(&url, "/slack", &[("x-slack-request-timestamp", "1".into()), ("x-slack-signature", "v0=00".into())], "user_id=U1&text=start");
    assert_eq!(status, 401);
    assert!(run(dir.path(), &["status", "--db", "d.db"]).lines().next().unwrap_or_default().contains("maintenance"));
}
