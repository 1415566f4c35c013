//! Events rendered for people: a title, a one-line summary and the fields with the numbers
//! that matter, then shaped as a Discord message (`content` + one embed) or a Slack message
//! (`text` + blocks). Platform limits (lengths, field counts) are respected by truncation.

use copycat_core::Usd;
use copycat_core::events::{Event, Notification, Severity};
use copycat_core::report::secs_label;
use copycat_core::time::Timestamp;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// What a notification says, before a platform shapes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// Short headline, e.g. `Trade copied`.
    pub title: String,
    /// One line that stands alone (push notifications, Slack's `text`, Discord's `content`).
    pub summary: String,
    /// Label and value pairs.
    pub fields: Vec<(String, String)>,
    /// Severity.
    pub severity: Severity,
    /// When it happened.
    pub at: Timestamp,
    /// Notification id (shown small, for tracing a message back to the queue).
    pub id: String,
}

/// Discord embed colours by severity: blue, amber, red.
pub fn discord_colour(s: Severity) -> u32 {
    match s {
        Severity::Info => 0x3498DB,
        Severity::Warning => 0xF1C40F,
        Severity::Critical => 0xE74C3C,
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Critical => "critical",
    }
}

fn severity_emoji(s: Severity) -> &'static str {
    match s {
        Severity::Info => "🔵",
        Severity::Warning => "🟠",
        Severity::Critical => "🔴",
    }
}

/// Dollars for people: `$46.67`, `-$3.20` (as [`Usd`] displays them).
fn usd(d: Decimal) -> String {
    Usd(d).to_string()
}

/// Signed dollars: `+$12.00`, `-$3.20`.
fn signed_usd(d: Decimal) -> String {
    format!("{:+}", Usd(d))
}

fn list(items: &[String]) -> String {
    if items.is_empty() { "—".to_string() } else { items.iter().map(|r| format!("• {r}")).collect::<Vec<_>>().join("\n") }
}

fn f(label: &str, value: impl Into<String>) -> (String, String) {
    (label.to_string(), value.into())
}

/// Renders a notification for people.
pub fn render(n: &Notification) -> Rendered {
    let (title, summary, fields): (&str, String, Vec<(String, String)>) = match &n.event {
        Event::TradeCopied { leader, market, side, price, shares, notional } => (
            "Trade copied",
            format!(
                "Copied {} {} sh of “{market}” @ {} ({}) from {}",
                side.as_str(),
                shares.normalize(),
                price.normalize(),
                usd(notional.0),
                leader.short()
            ),
            vec![
                f("Market", market.clone()),
                f("Side", side.as_str()),
                f("Price", price.normalize().to_string()),
                f("Size", format!("{} sh", shares.normalize())),
                f("Notional", usd(notional.0)),
                f("Leader", leader.to_string()),
            ],
        ),
        Event::TradeRefused { leader, market, reason, detail } => (
            "Trade refused",
            format!("Refused a copy of {} on “{market}”: {reason}", leader.short()),
            vec![f("Market", market.clone()), f("Reason", reason.clone()), f("Detail", detail.clone()), f("Leader", leader.to_string())],
        ),
        Event::TradesRefused { window_start, window_end, total, by_reason } => (
            "Trades refused",
            format!("{total} trades refused {}–{} UTC", window_start.format("%Y-%m-%d %H:%M"), window_end.format("%H:%M")),
            by_reason.iter().map(|(reason, count)| f(reason, count.to_string())).collect(),
        ),
        Event::LeaderFollowed { wallet, score, reasons } => (
            "Leader followed",
            format!("Now following {} (copyable edge {score:+.4})", wallet.short()),
            vec![f("Wallet", wallet.to_string()), f("Copyable edge", format!("{score:+.4}")), f("Why", list(reasons))],
        ),
        Event::LeaderDropped { wallet, reasons } => (
            "Leader dropped",
            format!("Stopped following {}", wallet.short()),
            vec![f("Wallet", wallet.to_string()), f("Why", list(reasons))],
        ),
        Event::BreakerOpened { dependency, failures, last_error } => (
            "Breaker opened",
            format!("Breaker OPEN for {dependency} after {failures} consecutive failures"),
            vec![f("Dependency", dependency.to_string()), f("Failures", failures.to_string()), f("Last error", last_error.clone())],
        ),
        Event::BreakerClosed { dependency } => (
            "Breaker closed",
            format!("Breaker closed for {dependency}: the probe succeeded"),
            vec![f("Dependency", dependency.to_string())],
        ),
        Event::ModeChanged { from, to, balance } => (
            "Mode changed",
            format!("Mode {from} → {to} at {}", usd(balance.0)),
            vec![f("From", from.clone()), f("To", to.clone()), f("Balance", usd(balance.0))],
        ),
        Event::DrawdownAlert { drawdown, multiplier } => (
            "Drawdown alert",
            format!("Drawdown {:.1}% from peak: positions now ×{}", drawdown * 100.0, multiplier.normalize()),
            vec![f("Drawdown", format!("{:.1}%", drawdown * 100.0)), f("Position multiplier", format!("×{}", multiplier.normalize()))],
        ),
        Event::TradingStopped { reason } => ("Trading stopped", format!("Trading STOPPED: {reason}"), vec![f("Reason", reason.clone())]),
        Event::MilestoneReached { amount, equity } => (
            "Milestone reached",
            format!("Equity passed {} (now {})", usd(amount.0), usd(equity.0)),
            vec![f("Milestone", usd(amount.0)), f("Equity", usd(equity.0))],
        ),
        Event::HealthCheckFailed { dependency, error } => (
            "Health check failed",
            format!("Health check failed for {dependency}"),
            vec![f("Dependency", dependency.to_string()), f("Error", error.clone())],
        ),
        Event::ResolutionUnknown { market, condition_id, token_id } => (
            "Resolution unknown",
            format!("{market} closed with every outcome priced 0: resolution unknown, position kept at its last mark"),
            vec![f("Market", market.clone()), f("Condition", condition_id.clone()), f("Token", token_id.clone())],
        ),
        Event::PositionRedeemed { market, condition_id, payout, tx } => (
            "Position redeemed",
            format!("{market}: {} booked", usd(payout.0)),
            vec![
                f("Market", market.clone()),
                f("Condition", condition_id.clone()),
                f("Payout", usd(payout.0)),
                f("Transaction", tx.clone().unwrap_or_else(|| "none".into())),
            ],
        ),
        Event::RedemptionFailed { market, condition_id, reason } => (
            "Redemption needs you",
            format!("Redemption of {market} needs you: {reason}"),
            vec![f("Market", market.clone()), f("Condition", condition_id.clone()), f("Reason", reason.clone())],
        ),
        Event::DetectionSwitched { source, reason } => {
            let to = match source {
                copycat_core::records::DetectionSource::Chain => "the chain",
                copycat_core::records::DetectionSource::DataApi => "the Data API (fallback)",
            };
            (
                "Detection switched",
                format!("Fill detection now from {to}: {reason}"),
                vec![f("Source", to.to_string()), f("Reason", reason.clone())],
            )
        }
        Event::FillReorged { leader, token_id, transaction_hash, copied } => (
            "Fill dropped by a reorg",
            format!(
                "A reorg dropped {}'s fill: {}",
                leader.short(),
                if *copied { "our copy stands, review it" } else { "its signal will not be copied" }
            ),
            vec![
                f("Leader", leader.to_string()),
                f("Token", token_id.clone()),
                f("Transaction", transaction_hash.clone()),
                f("Copied", copied.to_string()),
            ],
        ),
        Event::DailySummary { day, pnl, copies, refusals, mode, open_positions, missed, detection_secs } => (
            "Daily summary",
            format!(
                "{day}: PnL {}, {copies} copied, {refusals} refused, mode {mode}, {missed} missed{}",
                signed_usd(pnl.0),
                copycat_core::events::detection_text(*detection_secs)
            ),
            vec![
                f("PnL", signed_usd(pnl.0)),
                f("Copies", copies.to_string()),
                f("Refusals", refusals.to_string()),
                f("Mode", mode.clone()),
                f("Open positions", open_positions.to_string()),
                f("Missed trades", missed.to_string()),
                f(
                    "Detection p50 / p99",
                    detection_secs
                        .map(|(a, b)| format!("{} / {}", secs_label(Some(a)), secs_label(Some(b))))
                        .unwrap_or_else(|| secs_label(None)),
                ),
            ],
        ),
    };
    Rendered { title: title.to_string(), summary, fields, severity: n.severity, at: n.at, id: n.id.clone() }
}

/// Cuts `s` to at most `max` characters (not bytes), marking the cut with `…`.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

// Discord limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const DISCORD_CONTENT_MAX: usize = 2000;
const DISCORD_TITLE_MAX: usize = 256;
const DISCORD_FIELDS_MAX: usize = 25;
const DISCORD_FIELD_NAME_MAX: usize = 256;
const DISCORD_FIELD_VALUE_MAX: usize = 1024;

/// A Discord webhook body: `content` (the summary line), one embed with the fields and a colour
/// by severity. Mentions are disabled, so a market title can never ping `@everyone`.
pub fn discord_payload(r: &Rendered) -> Value {
    let fields: Vec<Value> = r
        .fields
        .iter()
        .take(DISCORD_FIELDS_MAX)
        .map(|(name, value)| {
            json!({
                "name": truncate(name, DISCORD_FIELD_NAME_MAX),
                "value": truncate(if value.is_empty() { "—" } else { value }, DISCORD_FIELD_VALUE_MAX),
                "inline": value.chars().count() <= 40,
            })
        })
        .collect();
    json!({
        "username": "CopyCat",
        "content": truncate(&format!("{} {}", severity_emoji(r.severity), r.summary), DISCORD_CONTENT_MAX),
        "embeds": [{
            "title": truncate(&r.title, DISCORD_TITLE_MAX),
            "color": discord_colour(r.severity),
            "fields": fields,
            "timestamp": r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "footer": { "text": format!("{} · {}", severity_word(r.severity), r.id) },
        }],
        "allowed_mentions": { "parse": [] },
    })
}

// Slack limits: https://api.slack.com/reference/block-kit/blocks
const SLACK_HEADER_MAX: usize = 150;
const SLACK_SECTION_FIELDS_MAX: usize = 10;
const SLACK_FIELD_MAX: usize = 2000;
const SLACK_TEXT_MAX: usize = 3000;

/// Escapes the three characters Slack's mrkdwn treats as control characters.
pub fn slack_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A Slack incoming-webhook body: `text` (the summary line, also the notification fallback)
/// and blocks: a header, the fields in sections of at most ten, and a context line.
pub fn slack_payload(r: &Rendered) -> Value {
    let mut blocks = vec![json!({
        "type": "header",
        "text": { "type": "plain_text", "text": truncate(&format!("{} {}", severity_emoji(r.severity), r.title), SLACK_HEADER_MAX), "emoji": true },
    })];
    blocks.push(json!({ "type": "section", "text": { "type": "mrkdwn", "text": truncate(&slack_escape(&r.summary), SLACK_TEXT_MAX) } }));
    for chunk in r.fields.chunks(SLACK_SECTION_FIELDS_MAX) {
        let fields: Vec<Value> = chunk
            .iter()
            .map(|(name, value)| json!({ "type": "mrkdwn", "text": truncate(&format!("*{}*\n{}", slack_escape(name), slack_escape(value)), SLACK_FIELD_MAX) }))
            .collect();
        blocks.push(json!({ "type": "section", "fields": fields }));
    }
    blocks.push(json!({
        "type": "context",
        "elements": [{ "type": "mrkdwn", "text": format!("{} · {} UTC · {}", severity_word(r.severity), r.at.format("%Y-%m-%d %H:%M:%S"), r.id) }],
    }));
    json!({ "text": truncate(&slack_escape(&r.summary), SLACK_TEXT_MAX), "blocks": blocks })
}

/// The body `copycat notify test` posts.
pub fn test_message(platform: crate::Platform, destination: &str, at: Timestamp) -> Value {
    let r = Rendered {
        title: "CopyCat test message".into(),
        summary: format!("Test message for destination `{destination}`: notifications reach this channel."),
        fields: vec![f("Destination", destination), f("Sent", at.format("%Y-%m-%d %H:%M:%S UTC").to_string())],
        severity: Severity::Info,
        at,
        id: "test".into(),
    };
    match platform {
        crate::Platform::Discord => discord_payload(&r),
        crate::Platform::Slack => slack_payload(&r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::money::Usd;
    use copycat_core::time::from_secs;
    use copycat_core::trade::{Side, Wallet};
    use rust_decimal_macros::dec;

    fn wallet() -> Wallet {
        Wallet::parse("0x1111111111111111111111111111111111111111").unwrap()
    }

    fn copied() -> Notification {
        Notification::new(
            "k1",
            from_secs(1_772_409_600),
            Event::TradeCopied {
                leader: wallet(),
                market: "Will <b>@everyone</b> & co win?".into(),
                side: Side::Buy,
                price: dec!(0.42),
                shares: dec!(12.5),
                notional: Usd(dec!(5.25)),
            },
        )
    }

    #[test]
    fn discord_message_has_content_an_embed_with_fields_and_a_severity_colour() {
        let p = discord_payload(&render(&copied()));
        assert!(p["content"].as_str().unwrap().contains("Copied BUY 12.5 sh"));
        let embed = &p["embeds"][0];
        assert_eq!(embed["title"], "Trade copied");
        assert_eq!(embed["color"], 0x3498DB);
        let names: Vec<&str> = embed["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Market", "Side", "Price", "Size", "Notional", "Leader"]);
        assert_eq!(embed["fields"][4]["value"], "$5.25");
        assert_eq!(p["allowed_mentions"]["parse"], json!([]));
    }

    #[test]
    fn slack_message_escapes_control_characters() {
        let p = slack_payload(&render(&copied()));
        let text = p["text"].as_str().unwrap();
        assert!(text.contains("&lt;b&gt;@everyone&lt;/b&gt; &amp; co"), "{text}");
        assert_eq!(p["blocks"][0]["type"], "header");
        assert_eq!(p["blocks"][2]["fields"].as_array().unwrap().len(), 6);
    }

    #[test]
    fn critical_events_are_red_and_long_values_are_cut_to_the_platform_limit() {
        let n = Notification::new(
            "b",
            from_secs(0),
            Event::BreakerOpened { dependency: copycat_core::dependency::Dependency::Clob, failures: 5, last_error: "x".repeat(5_000) },
        );
        let p = discord_payload(&render(&n));
        assert_eq!(p["embeds"][0]["color"], 0xE74C3C);
        assert_eq!(p["embeds"][0]["fields"][2]["value"].as_str().unwrap().chars().count(), 1024);
    }

    #[test]
    fn money_is_shown_in_dollars_with_sign() {
        assert_eq!(usd(dec!(46.666)), "$46.67");
        assert_eq!(usd(dec!(-3.2)), "-$3.20");
        assert_eq!(signed_usd(dec!(12)), "+$12.00");
        assert_eq!(signed_usd(dec!(0)), "$0.00");
    }
}
