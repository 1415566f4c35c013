//! Control from chat: which commands exist, who may send them, and how old a signed request may
//! be. The signatures themselves are checked in the `control` function; what is decided here is
//! pure (values in, values out).

use crate::store::Key;
use crate::time::{Span, Timestamp};
use serde::{Deserialize, Serialize};

/// `[control]`: who may command CopyCat from chat, and the replay window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ControlConfig {
    /// `platform:user id` of everyone allowed to send commands, e.g. `slack:U024BE7LH`,
    /// `discord:80351110224678912`, `telegram:123456789`. Empty: nobody.
    pub allowed_users: Vec<String>,
    /// A signed request older (or further in the future) than this is refused, in seconds.
    /// Slack's own recommendation is five minutes:
    /// <https://api.slack.com/authentication/verifying-requests-from-slack>.
    pub replay_window_secs: u32,
}

impl Default for ControlConfig {
    fn default() -> Self {
        ControlConfig { allowed_users: Vec::new(), replay_window_secs: 300 }
    }
}

impl ControlConfig {
    /// Checks the section; an error names the key and the rule.
    pub fn validate(&self) -> Result<(), crate::config::ConfigError> {
        let bad = |key: &str, rule: String| Err(crate::config::ConfigError::Invalid { key: format!("control.{key}"), rule });
        for (i, u) in self.allowed_users.iter().enumerate() {
            let ok = u.split_once(':').is_some_and(|(p, id)| Platform::from_name(p).is_some() && !id.trim().is_empty());
            if !ok {
                return bad(
                    &format!("allowed_users[{i}]"),
                    format!("{u:?} must be platform:user_id with platform slack, discord or telegram"),
                );
            }
        }
        if !(30..=3600).contains(&self.replay_window_secs) {
            return bad("replay_window_secs", "must be 30 to 3600".into());
        }
        Ok(())
    }

    /// True when `user` on `platform` is on the allow-list.
    pub fn is_allowed(&self, platform: Platform, user: &str) -> bool {
        self.allowed_users.iter().any(|u| u.split_once(':').is_some_and(|(p, id)| p == platform.as_str() && id == user))
    }

    /// The replay window as a span.
    pub fn replay_window(&self) -> Span {
        Span::seconds(i64::from(self.replay_window_secs))
    }
}

/// A chat platform commands come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Slack slash commands.
    Slack,
    /// Discord interactions.
    Discord,
    /// Telegram bot webhooks.
    Telegram,
}

impl Platform {
    /// Its name in allow-lists and records.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Slack => "slack",
            Platform::Discord => "discord",
            Platform::Telegram => "telegram",
        }
    }
    /// The platform of this name.
    pub fn from_name(name: &str) -> Option<Platform> {
        [Platform::Slack, Platform::Discord, Platform::Telegram].into_iter().find(|p| p.as_str() == name)
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an operator can ask for from chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum ChatCommand {
    /// Trading on or stopped, mode, equity, breakers.
    Status,
    /// Set the kill switch.
    Stop {
        /// Why, as typed (None: no reason given).
        reason: Option<String>,
    },
    /// Clear the kill switch.
    Start,
    /// The followed leaders.
    Leaders,
    /// Equity, PnL today and since start.
    Pnl,
    /// The commands there are.
    Help,
}

impl ChatCommand {
    /// Parses `stop the venue looks wrong`, `/status`, `/stop@CopyCatBot reason`, `pnl`.
    pub fn parse(text: &str) -> Result<ChatCommand, String> {
        let text = text.trim();
        let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let word = word.trim_start_matches('/');
        let word = word.split_once('@').map(|(w, _)| w).unwrap_or(word).to_ascii_lowercase();
        let rest = rest.trim();
        match word.as_str() {
            "status" => Ok(ChatCommand::Status),
            "stop" => Ok(ChatCommand::Stop { reason: (!rest.is_empty()).then(|| rest.to_string()) }),
            "start" => Ok(ChatCommand::Start),
            "leaders" => Ok(ChatCommand::Leaders),
            "pnl" => Ok(ChatCommand::Pnl),
            "help" | "" => Ok(ChatCommand::Help),
            other => Err(format!("unknown command `{other}`; try status, stop [reason], start, leaders, pnl")),
        }
    }

    /// Its name, e.g. `stop`.
    pub fn name(&self) -> &'static str {
        match self {
            ChatCommand::Status => "status",
            ChatCommand::Stop { .. } => "stop",
            ChatCommand::Start => "start",
            ChatCommand::Leaders => "leaders",
            ChatCommand::Pnl => "pnl",
            ChatCommand::Help => "help",
        }
    }
}

/// True when a request signed at `sent` may still be acted on at `now`: within `window` either
/// way (a clock a little ahead is tolerated as much as one behind).
pub fn within_replay_window(sent: Timestamp, now: Timestamp, window: Span) -> bool {
    (now - sent).abs() <= window
}

/// Partition of the operator-command ledger.
pub const COMMAND_PK: &str = "COMMAND";

/// `COMMAND` / `<millis>#<platform>#<request id>`: one command received from chat.
pub fn command_key(at: Timestamp, platform: Platform, request_id: &str) -> Key {
    Key::new(COMMAND_PK, format!("{}#{platform}#{request_id}", crate::report::millis13(at)))
}

/// `NONCE#<platform>#<request id>` / `SEEN`: a request already acted on (put-if-absent, so a
/// replayed request inside the window is refused).
pub fn nonce_key(platform: Platform, request_id: &str) -> Key {
    Key::new(format!("NONCE#{platform}#{request_id}"), "SEEN")
}

/// Body of `COMMAND/…`: who asked for what, and what came of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommandRecord {
    /// Where it came from.
    pub platform: Platform,
    /// The sender's user id on that platform.
    pub user: String,
    /// The sender's display name, when the platform gave one.
    pub user_name: Option<String>,
    /// What was asked.
    pub command: ChatCommand,
    /// The answer sent back.
    pub answer: String,
    /// When.
    pub at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_secs;

    #[test]
    fn commands_parse_as_each_platform_sends_them() {
        assert_eq!(ChatCommand::parse("status"), Ok(ChatCommand::Status));
        assert_eq!(
            ChatCommand::parse("/stop@CopyCatBot the venue looks wrong"),
            Ok(ChatCommand::Stop { reason: Some("the venue looks wrong".into()) })
        );
        assert_eq!(ChatCommand::parse(" stop "), Ok(ChatCommand::Stop { reason: None }));
        assert_eq!(ChatCommand::parse("/PNL"), Ok(ChatCommand::Pnl));
        assert_eq!(ChatCommand::parse(""), Ok(ChatCommand::Help));
        assert!(ChatCommand::parse("sell everything").unwrap_err().contains("unknown command `sell`"));
    }

    #[test]
    fn only_listed_users_of_that_platform_are_allowed() {
        let c = ControlConfig { allowed_users: vec!["slack:U1".into(), "telegram:42".into()], ..Default::default() };
        assert!(c.is_allowed(Platform::Slack, "U1"));
        assert!(!c.is_allowed(Platform::Discord, "U1"), "an id is allowed on its own platform only");
        assert!(!c.is_allowed(Platform::Telegram, "4"));
        assert!(c.validate().is_ok());
        let bad = ControlConfig { allowed_users: vec!["irc:me".into()], ..Default::default() };
        assert!(bad.validate().unwrap_err().to_string().contains("control.allowed_users[0]"));
    }

    #[test]
    fn the_replay_window_holds_both_ways() {
        let w = Span::seconds(300);
        assert!(within_replay_window(from_secs(1000), from_secs(1300), w));
        assert!(!within_replay_window(from_secs(1000), from_secs(1301), w));
        assert!(!within_replay_window(from_secs(1400), from_secs(1000), w), "too far in the future");
    }
}
