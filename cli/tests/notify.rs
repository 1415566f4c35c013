//! Notifications as an operator sets them up: `copycat notify test` reports each destination,
//! and `copycat demo` with a destination configured posts for real (here: to a loopback
//! receiver, via `allow_loopback_urls`).

use copycat_notify::RealTime;
use copycat_notify::capture::{Reply, WebhookReceiver};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

fn copycat(dir: &Path, env: &[(&str, String)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copycat"));
    cmd.current_dir(dir).args(args).env_remove("COPYCAT_DISCORD_WEBHOOK_URL").env_remove("COPYCAT_SLACK_WEBHOOK_URL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notify_test_reports_each_destination_and_fails_when_one_fails() {
    let slack = WebhookReceiver::start(Reply::status(200), Arc::new(RealTime)).await.unwrap();
    let discord = WebhookReceiver::start(Reply::status(404), Arc::new(RealTime)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copycat.toml"), "[notifications]\nallow_loopback_urls = true\n").unwrap();
    let env = [
        ("COPYCAT_SLACK_WEBHOOK_URL", slack.url("/services/T/B/slack-secret")),
        ("COPYCAT_DISCORD_WEBHOOK_URL", discord.url("/api/webhooks/1/discord-secret")),
    ];
    let path = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || copycat(&path, &env, &["notify", "test"])).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "one destination failed: {stdout}{stderr}");
    assert!(stdout.contains("slack `slack`: ok"), "{stdout}");
    assert!(stdout.contains("discord `discord`: FAILED") && stdout.contains("404"), "{stdout}");
    assert!(!format!("{stdout}{stderr}").contains("secret"), "a webhook URL leaked: {stdout}{stderr}");
    let posted = slack.accepted();
    assert_eq!(posted.len(), 1);
    assert_eq!(posted[0].body["blocks"][0]["text"]["text"], "🔵 CopyCat test message");
}

#[test]
fn notify_test_without_a_destination_says_how_to_configure_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = copycat(dir.path(), &[], &["notify", "test"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("COPYCAT_DISCORD_WEBHOOK_URL"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_with_a_destination_posts_every_notification_it_wants_once() {
    let slack = WebhookReceiver::start(Reply::status(200), Arc::new(RealTime)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    // a few kinds, so the real 1-per-second Slack pacing keeps the test short
    std::fs::write(
        dir.path().join("copycat.toml"),
        "[notifications]\nallow_loopback_urls = true\n\
         [[notifications.slack]]\nname = \"desk\"\nurl_env = \"DESK_HOOK\"\nkinds = [\"leader_followed\", \"daily_summary\", \"milestone_reached\", \"mode_changed\"]\n",
    )
    .unwrap();
    let env = [("DESK_HOOK", slack.url("/services/T/B/desk"))];
    let path = dir.path().to_path_buf();
    let out =
        tokio::task::spawn_blocking(move || copycat(&path, &env, &["demo", "--json", "--db", "d.db", "--days", "1", "--wallets", "40"]))
            .await
            .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_kind = &summary["notifications_by_kind"];
    let wanted: u64 =
        ["leader_followed", "daily_summary", "milestone_reached", "mode_changed"].iter().map(|k| by_kind[*k].as_u64().unwrap_or(0)).sum();
    let posted = slack.accepted();
    assert!(wanted > 0, "the demo day notified some of these kinds: {by_kind}");
    assert_eq!(posted.len() as u64, wanted, "each wanted notification posted exactly once");
    assert!(posted.iter().all(|p| p.body["text"].is_string() && p.body["blocks"].is_array()), "Slack-shaped bodies");
}
