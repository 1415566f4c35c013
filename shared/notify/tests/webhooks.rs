//! Webhook destinations against a loopback receiver, on a manual clock: payload shapes, 429
//! honoured through the clock, 5xx then success, timeouts, a dead webhook, a burst inside the
//! rate limits, and URLs that never reach the logs.

use copycat_core::config::NotificationsConfig;
use copycat_core::dependency::Dependency;
use copycat_core::events::{Event, Notification, Severity};
use copycat_core::money::Usd;
use copycat_core::ports::{NotificationSink, SinkError};
use copycat_core::time::{Clock, ManualClock, Span, Timestamp, from_secs};
use copycat_core::trade::{Side, Wallet};
use copycat_notify::capture::{Reply, WebhookReceiver};
use copycat_notify::router::Outcome;
use copycat_notify::{Router, RouterError, Timing};
use rust_decimal_macros::dec;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const DISCORD_PATH: &str = "/api/webhooks/998877/discord-secret-token";
const SLACK_PATH: &str = "/services/T0/B0/slack-secret-token";

fn start() -> Timestamp {
    from_secs(1_796_083_200) // 2026-12-01T00:00:00Z
}

fn copied(i: u32) -> Notification {
    Notification::new(
        &format!("signal-{i}"),
        start(),
        Event::TradeCopied {
            leader: Wallet::parse("0x1111111111111111111111111111111111111111").unwrap(),
            market: "Will it rain in Lisbon on Friday?".into(),
            side: Side::Buy,
            price: dec!(0.42),
            shares: dec!(12.5),
            notional: Usd(dec!(5.25)),
        },
    )
}

fn breaker() -> Notification {
    Notification::new(
        "breaker-1",
        start(),
        Event::BreakerOpened { dependency: Dependency::DataApi, failures: 5, last_error: "HTTP 503".into() },
    )
}

/// Config with fast timeouts (the timeout test waits for one for real) and loopback allowed.
fn config(discord: bool, slack: bool) -> NotificationsConfig {
    config_with_timeout(discord, slack, 5_000)
}

/// As [`config`], with a request timeout (short only where a test waits for one for real).
fn config_with_timeout(discord: bool, slack: bool, timeout_ms: u64) -> NotificationsConfig {
    let mut text = format!(
        "allow_loopback_urls = true\n[delivery]\nrequest_timeout_ms = {timeout_ms}\nmax_attempts = 3\nbackoff_initial_ms = 500\nbackoff_max_ms = 4000\nmax_retry_after_ms = 60000\n",
    );
    if discord {
        text.push_str("[[discord]]\nname = \"ops\"\nurl_env = \"TEST_DISCORD\"\n");
    }
    if slack {
        text.push_str("[[slack]]\nname = \"desk\"\nurl_env = \"TEST_SLACK\"\n");
    }
    toml::from_str(&text).unwrap()
}

struct World {
    clock: Arc<ManualClock>,
    discord: WebhookReceiver,
    slack: WebhookReceiver,
}

impl World {
    async fn new() -> World {
        let clock = Arc::new(ManualClock::new(start()));
        let discord = WebhookReceiver::start(Reply::status(204), clock.clone()).await.unwrap();
        let slack = WebhookReceiver::start(Reply::Status { status: 200, headers: vec![], body: "ok".into() }, clock.clone()).await.unwrap();
        World { clock, discord, slack }
    }

    fn env(&self) -> HashMap<String, String> {
        HashMap::from([
            ("TEST_DISCORD".to_string(), self.discord.url(DISCORD_PATH)),
            ("TEST_SLACK".to_string(), self.slack.url(SLACK_PATH)),
        ])
    }

    fn router(&self, config: &NotificationsConfig) -> Router {
        let env = self.env();
        Router::from_config(config, &|k| env.get(k).cloned(), Timing::manual(self.clock.clone())).unwrap()
    }
}

#[tokio::test]
async fn discord_and_slack_receive_their_payload_shapes() {
    let w = World::new().await;
    let router = w.router(&config(true, true));
    router.deliver(&copied(1)).await.unwrap();

    let d = w.discord.accepted();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].path, DISCORD_PATH);
    let body = &d[0].body;
    assert!(
        body["content"].as_str().unwrap().contains("Copied BUY 12.5 sh of “Will it rain in Lisbon on Friday?” @ 0.42 ($5.25)"),
        "{body}"
    );
    let embed = &body["embeds"][0];
    assert_eq!(embed["title"], "Trade copied");
    assert_eq!(embed["color"], 0x3498DB);
    assert_eq!(embed["fields"][0]["name"], "Market");
    assert_eq!(embed["fields"][5]["value"], "0x1111111111111111111111111111111111111111");

    let s = w.slack.accepted();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].path, SLACK_PATH);
    let body = &s[0].body;
    assert!(body["text"].as_str().unwrap().starts_with("Copied BUY 12.5 sh"), "{body}");
    let kinds: Vec<&str> = body["blocks"].as_array().unwrap().iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["header", "section", "section", "context"]);
    assert_eq!(body["blocks"][2]["fields"][1]["text"], "*Side*\nBUY");
}

#[tokio::test]
async fn severity_and_kind_filters_choose_the_destinations() {
    let w = World::new().await;
    let mut c = config(true, true);
    c.discord[0].min_severity = Severity::Critical;
    c.slack[0].kinds = vec!["trade_copied".into()];
    let router = w.router(&c);
    let outcomes = router.route(&copied(1)).await;
    assert_eq!(outcomes, [("ops".to_string(), Outcome::Filtered), ("desk".to_string(), Outcome::Posted)]);
    let outcomes = router.route(&breaker()).await;
    assert_eq!(outcomes, [("ops".to_string(), Outcome::Posted), ("desk".to_string(), Outcome::Filtered)]);
    assert_eq!(w.discord.accepted()[0].body["embeds"][0]["color"], 0xE74C3C, "critical is red");
}

#[tokio::test]
async fn discord_429_waits_for_retry_after_on_the_clock_then_posts_once() {
    let w = World::new().await;
    w.discord.script([Reply::discord_429(3.5)]);
    let router = w.router(&config(true, false));
    router.deliver(&copied(1)).await.unwrap();

    let seen = w.discord.captured();
    assert_eq!(seen.iter().map(|c| c.status).collect::<Vec<_>>(), [Some(429), Some(204)]);
    // the body says 3.5 s, the header rounds up to 4 s: the longer wait wins
    assert_eq!(seen[1].at - seen[0].at, Span::seconds(4), "the retry waited for Retry-After on the clock");
}

#[tokio::test]
async fn a_retry_after_longer_than_we_hold_a_message_goes_back_to_the_queue() {
    let w = World::new().await;
    w.discord.script([Reply::discord_429(120.0)]);
    let router = w.router(&config(true, false));
    let err = router.deliver(&copied(1)).await.unwrap_err();
    assert!(matches!(err, SinkError::Retryable(ref why) if why.contains("rate-limited")), "{err}");
    assert_eq!(w.discord.captured().len(), 1, "no second attempt inside this receipt");
    assert_eq!(w.clock.now(), start(), "did not wait");
}

#[tokio::test]
async fn a_500_then_success_backs_off_once_and_posts() {
    let w = World::new().await;
    w.slack.script([Reply::status(500)]);
    let router = w.router(&config(false, true));
    router.deliver(&copied(1)).await.unwrap();
    let seen = w.slack.captured();
    assert_eq!(seen.iter().map(|c| c.status).collect::<Vec<_>>(), [Some(500), Some(200)]);
    assert!(seen[1].at - seen[0].at >= Span::milliseconds(500), "backed off at least backoff_initial_ms");
}

#[tokio::test]
async fn persistent_5xx_is_a_retryable_failure_after_max_attempts() {
    let w = World::new().await;
    w.slack.script([Reply::status(503), Reply::status(502), Reply::status(500)]);
    let router = w.router(&config(false, true));
    let err = router.deliver(&copied(1)).await.unwrap_err();
    assert!(matches!(err, SinkError::Retryable(ref why) if why.contains("3 attempts")), "{err}");
    assert_eq!(w.slack.captured().len(), 3);
}

#[tokio::test]
async fn a_timeout_is_retried_and_the_next_attempt_succeeds() {
    let w = World::new().await;
    w.discord.script([Reply::Hang]);
    let router = w.router(&config_with_timeout(true, false, 300));
    router.deliver(&copied(1)).await.unwrap();
    let seen = w.discord.captured();
    assert_eq!(seen.iter().map(|c| c.status).collect::<Vec<_>>(), [None, Some(204)]);
}

#[tokio::test]
async fn a_404_webhook_is_dropped_for_good_without_retrying() {
    let w = World::new().await;
    w.discord.script([Reply::Status { status: 404, headers: vec![], body: r#"{"message": "Unknown Webhook", "code": 10015}"#.into() }]);
    let router = w.router(&config(true, false));
    let err = router.deliver(&copied(1)).await.unwrap_err();
    assert!(matches!(err, SinkError::Permanent(ref why) if why.contains("404") && why.contains("Unknown Webhook")), "{err}");
    assert_eq!(w.discord.captured().len(), 1, "a dead webhook is tried once");
}

#[tokio::test]
async fn a_dead_destination_does_not_stop_the_others() {
    let w = World::new().await;
    w.discord.script([Reply::status(404)]);
    let router = w.router(&config(true, true));
    router.deliver(&copied(1)).await.unwrap();
    assert_eq!(w.slack.accepted().len(), 1);
}

/// The most requests in any half-open interval `[t, t + window)`.
fn most_in_any_window(times: &[Timestamp], window: Span) -> usize {
    times.iter().map(|s| times.iter().filter(|t| **t >= *s && **t < *s + window).count()).max().unwrap_or(0)
}

#[tokio::test]
async fn a_burst_of_200_stays_inside_the_rate_limits_and_loses_none() {
    let w = World::new().await;
    // a few bumps on the way: two 429s and a 500
    let ok = |n| std::iter::repeat_n(Reply::status(204), n);
    w.discord.script(
        ok(40).chain([Reply::discord_429(1.0)]).chain(ok(20)).chain([Reply::status(500)]).chain(ok(20)).chain([Reply::discord_429(0.25)]),
    );
    let router = w.router(&config(true, true));
    for i in 0..200 {
        router.deliver(&copied(i)).await.unwrap();
    }
    for (name, receiver, limits) in
        [("discord", &w.discord, vec![(5, Span::seconds(2)), (30, Span::seconds(60))]), ("slack", &w.slack, vec![(1, Span::seconds(1))])]
    {
        let all: Vec<Timestamp> = receiver.captured().iter().map(|c| c.at).collect();
        for (max, window) in limits {
            assert!(most_in_any_window(&all, window) <= max, "{name}: more than {max} requests in {window}");
        }
        let accepted = receiver.accepted();
        let mut ids: Vec<String> = accepted
            .iter()
            .map(|c| {
                let footer =
                    if name == "discord" { &c.body["embeds"][0]["footer"]["text"] } else { &c.body["blocks"][3]["elements"][0]["text"] };
                footer.as_str().unwrap().rsplit(" · ").next().unwrap().to_string()
            })
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(accepted.len(), 200, "{name}: every event posted once");
        assert_eq!(ids.len(), 200, "{name}: 200 distinct notifications");
    }
}

#[test]
fn a_missing_or_malformed_url_fails_at_start_naming_the_destination_not_the_url() {
    let clock = Arc::new(ManualClock::new(start()));
    let c = config(true, false);
    let err = Router::from_config(&c, &|_| None, Timing::manual(clock.clone())).unwrap_err();
    assert!(matches!(err, RouterError::MissingUrl { ref var, .. } if var == "TEST_DISCORD"), "{err}");
    let mut strict = c.clone();
    strict.allow_loopback_urls = false;
    let err =
        Router::from_config(&strict, &|_| Some("http://127.0.0.1:9/api/webhooks/1/very-secret".into()), Timing::manual(clock.clone()))
            .unwrap_err();
    assert!(err.to_string().contains("`ops`") && !err.to_string().contains("very-secret"), "{err}");
}

#[test]
fn the_environment_alone_configures_one_destination_each() {
    let clock = Arc::new(ManualClock::new(start()));
    let env = HashMap::from([
        ("COPYCAT_DISCORD_WEBHOOK_URL".to_string(), "https://discord.com/api/webhooks/1/tok".to_string()),
        ("COPYCAT_SLACK_WEBHOOK_URL".to_string(), "https://hooks.slack.com/services/T/B/x".to_string()),
    ]);
    let router = Router::from_config(&NotificationsConfig::default(), &|k| env.get(k).cloned(), Timing::manual(clock)).unwrap();
    let names: Vec<&str> = router.destinations().iter().map(|d| d.name()).collect();
    assert_eq!(names, ["discord", "slack"]);
    let none = Router::from_config(&NotificationsConfig::default(), &|_| None, Timing::real()).unwrap();
    assert!(none.is_empty());
}

/// A tracing writer that keeps everything written.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn webhook_urls_never_appear_in_logs_or_errors() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber =
        tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_ansi(false).with_writer(move || writer.clone()).finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let w = World::new().await;
    w.discord.script([Reply::discord_429(0.5), Reply::status(500), Reply::Hang, Reply::status(404)]);
    w.slack
        .script([Reply::status(503), Reply::Status { status: 400, headers: vec![], body: format!("invalid_payload for {}", SLACK_PATH) }]);
    let router = w.router(&config_with_timeout(true, true, 300));
    let mut errors = Vec::new();
    for n in [copied(1), breaker()] {
        if let Err(e) = router.deliver(&n).await {
            errors.push(e.to_string());
        }
    }
    errors.push(format!("{router:?}"));
    tracing::info!(?router, "router built");
    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("429") && text.contains("refused"), "the failures were logged: {text}");
    for shown in errors.iter().chain([&text]) {
        for secret in ["discord-secret-token", "slack-secret-token", "998877", &w.discord.url(DISCORD_PATH), &w.slack.url(SLACK_PATH)] {
            assert!(!shown.contains(secret), "`{secret}` leaked into: {shown}");
        }
    }
}
