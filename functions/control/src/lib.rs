//! control: operator commands from chat, behind a Lambda Function URL. Slack slash commands
//! (`POST /slack`), Discord interactions (`POST /discord`) and Telegram bot webhooks
//! (`POST /telegram`): `status`, `stop [reason]`, `start`, `leaders`, `pnl`.
//!
//! Each request is authenticated the platform's way ([`verify`]), refused when signed outside
//! the replay window or seen before (a put-if-absent nonce record), and authorised against
//! `control.allowed_users`. `stop` / `start` write the same kill-switch record as `copycat stop`
//! / `start`; every command from a listed or unlisted user is recorded in the operator-command
//! ledger (`COMMAND/…`) with who sent it and the answer. Answers are computed from a handful of
//! record reads, well inside the platforms' 3-second deadline.

pub mod verify;

use base64::Engine as _;
use copycat_core::config::Config;
use copycat_core::control::{ChatCommand, CommandRecord, Platform, command_key, nonce_key};
use copycat_core::events::Event;
use copycat_core::records::{Control, LeaderSet, ModeState, PortfolioState, keys};
use copycat_core::time::Timestamp;
use copycat_state::{Reporting, StateError, load, notify, to_body, update_with_retry};
use ed25519_dalek::VerifyingKey;
use lambda_runtime::{Diagnostic, LambdaEvent};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The environment variable holding Slack's signing secret.
pub const SLACK_SIGNING_SECRET_VAR: &str = "COPYCAT_SLACK_SIGNING_SECRET";
/// The environment variable holding the Discord application's public key (hex).
pub const DISCORD_PUBLIC_KEY_VAR: &str = "COPYCAT_DISCORD_PUBLIC_KEY";
/// The environment variable holding the Telegram webhook's secret token.
pub const TELEGRAM_SECRET_TOKEN_VAR: &str = "COPYCAT_TELEGRAM_SECRET_TOKEN";

/// One platform's credential: set, missing (that platform is off) or unusable.
#[derive(Clone, Debug)]
pub enum Credential<T> {
    /// Usable.
    Ready(T),
    /// Not set: requests from that platform are answered 503 naming the variable.
    Missing(&'static str),
    /// Set but unusable (a Discord key that is not 64 hex digits).
    Invalid {
        /// The variable.
        var: &'static str,
        /// What is wrong with it.
        why: String,
    },
}

/// The credentials of the three platforms.
#[derive(Clone, Debug)]
pub struct ControlKeys {
    /// Slack signing secret.
    pub slack: Credential<String>,
    /// Discord application public key.
    pub discord: Credential<VerifyingKey>,
    /// Telegram webhook secret token.
    pub telegram: Credential<String>,
}

impl ControlKeys {
    /// Reads the three variables through `env`; an empty or missing one turns its platform off
    /// (with a clear answer and a log line), never the function.
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> ControlKeys {
        let get = |var: &'static str| env(var).filter(|v| !v.trim().is_empty());
        let text = |var: &'static str| get(var).map(Credential::Ready).unwrap_or(Credential::Missing(var));
        let discord = match get(DISCORD_PUBLIC_KEY_VAR) {
            None => Credential::Missing(DISCORD_PUBLIC_KEY_VAR),
            Some(k) => match verify::discord_key(&k) {
                Ok(key) => Credential::Ready(key),
                Err(why) => Credential::Invalid { var: DISCORD_PUBLIC_KEY_VAR, why },
            },
        };
        ControlKeys { slack: text(SLACK_SIGNING_SECRET_VAR), discord, telegram: text(TELEGRAM_SECRET_TOKEN_VAR) }
    }

    /// From the process environment.
    pub fn from_env() -> ControlKeys {
        Self::from_lookup(|v| std::env::var(v).ok())
    }

    /// One line per platform that is off, and why (logged at start).
    pub fn problems(&self) -> Vec<String> {
        [("Slack", self.slack.problem()), ("Discord", self.discord.problem()), ("Telegram", self.telegram.problem())]
            .into_iter()
            .filter_map(|(platform, problem)| problem.map(|p| format!("{platform} commands are off: {p}")))
            .collect()
    }
}

impl<T> Credential<T> {
    /// What is wrong, if anything.
    fn problem(&self) -> Option<String> {
        match self {
            Credential::Ready(_) => None,
            Credential::Missing(var) => Some(format!("{var} is not set (add its key to the deployment secret)")),
            Credential::Invalid { var, why } => Some(format!("{var} {why}")),
        }
    }
}

/// What the control function may use: the state table (kill switch, ledger, figures) and the
/// notifications queue (a stop from chat is announced like any other), and the platforms' keys.
#[derive(Clone)]
pub struct ControlDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// The platforms' credentials.
    pub keys: ControlKeys,
}

copycat_state::function_deps!(ControlDeps, sends[Notifications]);

/// A Function URL request (payload format 2.0), as much of it as control reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UrlRequest {
    /// The path, e.g. `/slack`.
    #[serde(default)]
    pub raw_path: String,
    /// Headers, names lowercased.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The body (base64 when `is_base64_encoded`).
    #[serde(default)]
    pub body: Option<String>,
    /// Whether Lambda base64-encoded the body.
    #[serde(default)]
    pub is_base64_encoded: bool,
}

/// A Function URL response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UrlResponse {
    /// HTTP status.
    pub status_code: u16,
    /// Headers.
    pub headers: BTreeMap<String, String>,
    /// Body.
    pub body: String,
}

impl UrlResponse {
    fn json(status: u16, body: Value) -> UrlResponse {
        UrlResponse {
            status_code: status,
            headers: [("content-type".to_string(), "application/json".to_string())].into(),
            body: body.to_string(),
        }
    }
    fn refuse(status: u16, message: &str) -> UrlResponse {
        UrlResponse::json(status, json!({ "error": message }))
    }
}

/// A failure that fails the invocation (the platform sees a 5xx and may retry).
#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    /// The state store failed.
    #[error("state store: {0}")]
    State(#[from] StateError),
}

impl From<copycat_core::ports::StoreError> for ControlError {
    fn from(e: copycat_core::ports::StoreError) -> Self {
        ControlError::State(StateError::Store(e))
    }
}

impl From<ControlError> for Diagnostic {
    fn from(e: ControlError) -> Diagnostic {
        Diagnostic { error_type: "ControlError::State".into(), error_message: e.to_string() }
    }
}

/// The Lambda handler.
pub async fn handle(event: LambdaEvent<UrlRequest>, deps: &ControlDeps) -> Result<UrlResponse, ControlError> {
    respond(&event.payload, deps).await
}

/// A command as a platform delivered it, authenticated.
struct Incoming {
    platform: Platform,
    /// Unique per request: the replay nonce.
    request_id: String,
    user: String,
    user_name: Option<String>,
    text: String,
    /// Telegram answers in the chat the message came from.
    chat_id: Option<i64>,
}

/// Answers one request: authenticate, de-duplicate, authorise, act, record, reply.
pub async fn respond(req: &UrlRequest, deps: &ControlDeps) -> Result<UrlResponse, ControlError> {
    let body = match (&req.body, req.is_base64_encoded) {
        (None, _) => Vec::new(),
        (Some(b), false) => b.clone().into_bytes(),
        (Some(b), true) => match base64::engine::general_purpose::STANDARD.decode(b) {
            Ok(bytes) => bytes,
            Err(_) => return Ok(UrlResponse::refuse(400, "body is not valid base64")),
        },
    };
    let header = |name: &str| req.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
    let now = deps.clock.now();
    let window = deps.config.control.replay_window();
    let path = req.raw_path.trim_end_matches('/');
    let incoming = match path {
        "/slack" => {
            let Credential::Ready(secret) = &deps.keys.slack else { return Ok(off(&deps.keys, Platform::Slack)) };
            let sig = header("x-slack-signature");
            if let Err(e) = verify::slack(secret, header("x-slack-request-timestamp"), sig, &body, now, window) {
                return Ok(unauthenticated(Platform::Slack, &e));
            }
            let form = parse_form(&String::from_utf8_lossy(&body));
            let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
            Incoming {
                platform: Platform::Slack,
                request_id: sig.unwrap_or_default().trim_start_matches("v0=").chars().take(32).collect(),
                user: field("user_id").unwrap_or_default(),
                user_name: field("user_name"),
                text: field("text").unwrap_or_default(),
                chat_id: None,
            }
        }
        "/discord" => {
            let key = match &deps.keys.discord {
                Credential::Ready(k) => k,
                _ => return Ok(off(&deps.keys, Platform::Discord)),
            };
            if let Err(e) = verify::discord(key, header("x-signature-timestamp"), header("x-signature-ed25519"), &body, now, window) {
                return Ok(unauthenticated(Platform::Discord, &e));
            }
            let Ok(v) = serde_json::from_slice::<Value>(&body) else { return Ok(UrlResponse::refuse(400, "body is not JSON")) };
            // PING: Discord checks the endpoint when it is saved.
            if v["type"] == 1 {
                return Ok(UrlResponse::json(200, json!({ "type": 1 })));
            }
            let user = if v["member"]["user"].is_object() { &v["member"]["user"] } else { &v["user"] };
            Incoming {
                platform: Platform::Discord,
                request_id: v["id"].as_str().unwrap_or_default().to_string(),
                user: user["id"].as_str().unwrap_or_default().to_string(),
                user_name: user["username"].as_str().map(str::to_string),
                text: discord_text(&v["data"]),
                chat_id: None,
            }
        }
        "/telegram" => {
            let Credential::Ready(secret) = &deps.keys.telegram else { return Ok(off(&deps.keys, Platform::Telegram)) };
            if let Err(e) = verify::telegram(secret, header("x-telegram-bot-api-secret-token")) {
                return Ok(unauthenticated(Platform::Telegram, &e));
            }
            let Ok(v) = serde_json::from_slice::<Value>(&body) else { return Ok(UrlResponse::refuse(400, "body is not JSON")) };
            let m = &v["message"];
            // Telegram signs nothing with a time: the message's own date keeps the replay window.
            let sent = m["date"].as_i64().map(copycat_core::time::from_secs);
            if !sent.is_some_and(|s| copycat_core::control::within_replay_window(s, now, window)) {
                return Ok(unauthenticated(
                    Platform::Telegram,
                    &verify::AuthError::Expired { signed: sent.unwrap_or_default(), window_secs: window.num_seconds() },
                ));
            }
            let Some(text) = m["text"].as_str() else {
                // Not a text message (a sticker, a join): nothing to do, and Telegram wants a 200.
                return Ok(UrlResponse::json(200, json!({})));
            };
            Incoming {
                platform: Platform::Telegram,
                request_id: v["update_id"].as_i64().map(|id| id.to_string()).unwrap_or_default(),
                user: m["from"]["id"].as_i64().map(|id| id.to_string()).unwrap_or_default(),
                user_name: m["from"]["username"].as_str().map(str::to_string),
                text: text.to_string(),
                chat_id: m["chat"]["id"].as_i64(),
            }
        }
        _ => return Ok(UrlResponse::refuse(404, "POST /slack, /discord or /telegram")),
    };
    if incoming.request_id.is_empty() || incoming.user.is_empty() {
        return Ok(UrlResponse::refuse(400, "the request names no id or no user"));
    }
    // A replayed request (same signature / interaction / update) inside the window is refused.
    let nonce = nonce_key(incoming.platform, &incoming.request_id);
    let nonce_version = match deps.store.put_if_absent(&nonce, json!({ "at": now }), Some(now + window + window)).await {
        Ok(r) => r.version,
        Err(e) if e.is_conflict() => {
            tracing::warn!(platform = %incoming.platform, request = %incoming.request_id, "replayed request refused");
            return Ok(match incoming.platform {
                // Telegram re-sends an update until it gets a 2xx: acknowledge the repeat, do nothing.
                Platform::Telegram => UrlResponse::json(200, json!({})),
                _ => UrlResponse::refuse(409, "this request was already handled"),
            });
        }
        Err(e) => return Err(e.into()),
    };
    match run_command(&incoming, deps, now).await {
        Ok(answer) => Ok(reply(&incoming, &answer)),
        Err(e) => {
            // Nothing was recorded: free the nonce, so the platform's retry of this very request
            // runs the command instead of being refused as a replay.
            if let Err(release) = deps.store.delete_if_version(&nonce, nonce_version).await {
                tracing::warn!(platform = %incoming.platform, request = %incoming.request_id, error = %release, "could not free the nonce; a retry will be refused as a replay");
            }
            Err(e)
        }
    }
}

/// Authorises, runs and records one authenticated, first-seen command; the answer to send.
async fn run_command(incoming: &Incoming, deps: &ControlDeps, now: Timestamp) -> Result<String, ControlError> {
    let allowed = deps.config.control.is_allowed(incoming.platform, &incoming.user);
    let (command, answer) = match ChatCommand::parse(&incoming.text) {
        Err(e) => (ChatCommand::Help, e),
        Ok(_) if !allowed => (
            ChatCommand::parse(&incoming.text).unwrap_or(ChatCommand::Help),
            format!("{}:{} is not allowed to command CopyCat (control.allowed_users).", incoming.platform, incoming.user),
        ),
        Ok(command) => {
            let answer = execute(&command, incoming, deps, now).await?;
            (command, answer)
        }
    };
    let record = CommandRecord {
        platform: incoming.platform,
        user: incoming.user.clone(),
        user_name: incoming.user_name.clone(),
        command,
        answer: if allowed { answer.clone() } else { format!("refused: {answer}") },
        at: now,
    };
    let retention = copycat_core::time::Span::days(i64::from(deps.config.report.history_retention_days));
    deps.store.put_if_absent(&command_key(now, incoming.platform, &incoming.request_id), to_body(&record), Some(now + retention)).await?;
    tracing::info!(platform = %incoming.platform, user = %incoming.user, command = record.command.name(), allowed, "chat command");
    Ok(answer)
}

/// The platform's reply shape: Slack `{"response_type", "text"}`, Discord an interaction
/// response with the message, Telegram a `sendMessage` in the webhook's answer.
fn reply(i: &Incoming, answer: &str) -> UrlResponse {
    let body = match i.platform {
        Platform::Slack => json!({ "response_type": "ephemeral", "text": answer }),
        Platform::Discord => json!({ "type": 4, "data": { "content": answer, "flags": 64, "allowed_mentions": { "parse": [] } } }),
        Platform::Telegram => json!({ "method": "sendMessage", "chat_id": i.chat_id, "text": answer }),
    };
    UrlResponse::json(200, body)
}

fn off(keys: &ControlKeys, platform: Platform) -> UrlResponse {
    let why = match platform {
        Platform::Slack => keys.problems().into_iter().find(|p| p.starts_with("Slack")),
        Platform::Discord => keys.problems().into_iter().find(|p| p.starts_with("Discord")),
        Platform::Telegram => keys.problems().into_iter().find(|p| p.starts_with("Telegram")),
    };
    let why = why.unwrap_or_else(|| format!("{platform} commands are off"));
    tracing::error!(%platform, "{why}");
    UrlResponse::refuse(503, &why)
}

fn unauthenticated(platform: Platform, e: &verify::AuthError) -> UrlResponse {
    tracing::warn!(%platform, error = %e, "request refused");
    UrlResponse::refuse(401, &e.to_string())
}

/// `/copycat stop the venue looks wrong` arrives as data `{name: "copycat", options: [{name:
/// "stop", options: [{name: "reason", value: …}]}]}` (a subcommand) or `{name: "stop", options:
/// [{name: "reason", …}]}` (a command of its own); both become `stop the venue looks wrong`.
/// Public for the fuzz target.
pub fn discord_text(data: &Value) -> String {
    let mut words = Vec::new();
    let mut node = data;
    loop {
        let name = node["name"].as_str().unwrap_or_default();
        if name != "copycat" {
            words.push(name.to_string());
        }
        let options = node["options"].as_array().map(Vec::as_slice).unwrap_or_default();
        // Option type 1 is a subcommand: descend into it.
        match options.iter().find(|o| o["type"] == 1) {
            Some(sub) => node = sub,
            None => {
                words.extend(options.iter().filter_map(|o| o["value"].as_str().map(str::to_string)));
                break;
            }
        }
    }
    words.join(" ")
}

/// `a=b&c=d` with `+` and `%XX` decoded (Slack's command bodies). Public for the fuzz target.
pub fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match (bytes[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Carries a command out and says what happened.
async fn execute(command: &ChatCommand, who: &Incoming, deps: &ControlDeps, now: Timestamp) -> Result<String, ControlError> {
    let s = deps.store.as_ref();
    let sender = format!("{}:{}{}", who.platform, who.user, who.user_name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default());
    Ok(match command {
        ChatCommand::Help => "Commands: status, stop [reason], start, leaders, pnl".into(),
        ChatCommand::Stop { reason } => {
            let reason = format!("{} (from {sender})", reason.as_deref().unwrap_or("stopped from chat"));
            let was = set_switch(deps, true, &reason, now).await?;
            if !was {
                notify(
                    deps,
                    &format!("chat-stop|{}|{}", who.platform, who.request_id),
                    now,
                    Event::TradingStopped { reason: reason.clone() },
                )
                .await;
            }
            if was {
                format!("Trading was already stopped; reason now: {reason}")
            } else {
                format!("Trading STOPPED: {reason}. Every signal is refused until `start`.")
            }
        }
        ChatCommand::Start => {
            let was = set_switch(deps, false, &format!("started from chat by {sender}"), now).await?;
            if was { "Trading resumed.".into() } else { "Trading was already running.".into() }
        }
        ChatCommand::Status => status(deps, &deps.config).await?,
        ChatCommand::Leaders => {
            let set = load::<LeaderSet>(s, &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
            if set.leaders.is_empty() {
                "No leaders followed yet.".into()
            } else {
                let lines: Vec<String> = set
                    .leaders
                    .iter()
                    .map(|l| {
                        format!(
                            "{} score {:.2}, allocation {}, since {}",
                            l.wallet.short(),
                            l.score,
                            l.allocation.normalize(),
                            l.since.format("%Y-%m-%d")
                        )
                    })
                    .collect();
                format!("{} leaders followed:\n{}", set.leaders.len(), lines.join("\n"))
            }
        }
        ChatCommand::Pnl => {
            let start = deps.config.trading.starting_balance;
            match load::<PortfolioState>(s, &keys::portfolio()).await?.map(|v| v.value) {
                None => format!("No trades yet; starting balance {start}."),
                Some(p) => format!(
                    "Equity {} ({:+} since start, {:+} today). Realised {:+}, fees {}, {} open positions worth {}.",
                    p.equity(),
                    p.equity() - start,
                    p.equity() - p.day_start_equity,
                    p.realized_pnl,
                    p.fees_paid,
                    p.open_positions,
                    p.positions_value
                ),
            }
        }
    })
}

/// Sets or clears the kill switch (the record `copycat stop` / `start` write); returns whether
/// it was stopped before.
async fn set_switch(deps: &ControlDeps, stop: bool, reason: &str, now: Timestamp) -> Result<bool, ControlError> {
    let mut was = false;
    update_with_retry::<Control, _>(deps.store.as_ref(), &keys::control(), |cur| {
        was = cur.is_some_and(|c| c.stopped);
        Some(Control { stopped: stop, reason: reason.to_string(), at: now })
    })
    .await?;
    Ok(was)
}

async fn status(deps: &ControlDeps, config: &Config) -> Result<String, ControlError> {
    let s = deps.store.as_ref();
    let control = load::<Control>(s, &keys::control()).await?.map(|v| v.value);
    let mode = load::<ModeState>(s, &keys::mode()).await?.map(|v| v.value.tier).unwrap_or_else(|| "not set yet".into());
    let p = load::<PortfolioState>(s, &keys::portfolio()).await?.map(|v| v.value);
    let leaders = load::<LeaderSet>(s, &keys::leaders()).await?.map(|v| v.value.leaders.len()).unwrap_or(0);
    let trading = match control {
        Some(c) if c.stopped => format!("STOPPED since {} ({})", c.at.format("%Y-%m-%d %H:%M UTC"), c.reason),
        _ => format!("running ({})", config.trading.mode),
    };
    let money = match p {
        Some(p) => format!(
            "equity {}, drawdown {:.1}%, {} open positions",
            p.equity(),
            p.drawdown() * rust_decimal::Decimal::ONE_HUNDRED,
            p.open_positions
        ),
        None => format!("no trades yet (starting balance {})", config.trading.starting_balance),
    };
    Ok(format!("Trading {trading}. Mode {mode}; {money}; {leaders} leaders followed."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_are_decoded() {
        let f = parse_form("text=stop+the%20venue%21&user_id=U1&empty=");
        assert_eq!(f, [("text".into(), "stop the venue!".into()), ("user_id".into(), "U1".into()), ("empty".into(), String::new())]);
        assert_eq!(decode_component("100%"), "100%", "a stray percent stays");
    }

    #[test]
    fn discord_subcommands_and_options_become_one_line() {
        let sub = json!({"name": "copycat", "options": [{"name": "stop", "type": 1, "options": [{"name": "reason", "type": 3, "value": "venue looks wrong"}]}]});
        assert_eq!(discord_text(&sub), "stop venue looks wrong");
        assert_eq!(discord_text(&json!({"name": "pnl"})), "pnl");
    }

    #[test]
    fn missing_keys_turn_their_platform_off_and_say_which_variable() {
        let keys = ControlKeys::from_lookup(|v| (v == TELEGRAM_SECRET_TOKEN_VAR).then(|| "t".to_string()));
        assert!(matches!(keys.telegram, Credential::Ready(_)));
        let problems = keys.problems();
        assert!(problems.iter().any(|p| p.contains(SLACK_SIGNING_SECRET_VAR)), "{problems:?}");
        let bad = ControlKeys::from_lookup(|v| (v == DISCORD_PUBLIC_KEY_VAR).then(|| "zz".to_string()));
        assert!(matches!(bad.discord, Credential::Invalid { .. }));
        assert!(bad.problems().iter().any(|p| p.contains("is not hex")));
    }
}
