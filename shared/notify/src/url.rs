//! Webhook URLs: validated at start, never shown. A webhook URL carries its own credential
//! (anyone holding it can post to the channel), so it is kept only inside [`WebhookUrl`],
//! whose `Debug` and `Display` print the destination's name and platform, never the URL.

use std::fmt;

/// Which webhook API a destination speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Discord webhooks (`content` + embeds).
    Discord,
    /// Slack incoming webhooks (`text` + blocks).
    Slack,
}

impl Platform {
    /// Lower-case name, as in config sections.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Discord => "discord",
            Platform::Slack => "slack",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a webhook URL was refused. Never contains the URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{platform} destination `{destination}`: webhook URL {rule}")]
pub struct UrlError {
    /// Platform of the destination.
    pub platform: Platform,
    /// Destination name.
    pub destination: String,
    /// The rule the URL broke.
    pub rule: String,
}

/// Discord hosts that serve webhooks.
const DISCORD_HOSTS: [&str; 4] = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];
/// Slack's incoming-webhook host and the path prefixes it serves webhooks on.
const SLACK_HOST: &str = "hooks.slack.com";
const SLACK_PATHS: [&str; 3] = ["/services/", "/workflows/", "/triggers/"];

/// A validated webhook URL. Shown as `discord webhook `ops``, never as the URL.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookUrl {
    platform: Platform,
    destination: String,
    url: reqwest::Url,
}

impl WebhookUrl {
    /// Validates `raw` for `platform`. `allow_loopback` also accepts `http(s)://127.0.0.1`,
    /// `[::1]` or `localhost` (local trials and tests).
    pub fn parse(platform: Platform, destination: &str, raw: &str, allow_loopback: bool) -> Result<Self, UrlError> {
        let err = |rule: &str| UrlError { platform, destination: destination.to_string(), rule: rule.to_string() };
        let url = reqwest::Url::parse(raw.trim()).map_err(|_| err("is not a valid absolute URL"))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(err("must not carry user credentials"));
        }
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let loopback = matches!(host.as_str(), "127.0.0.1" | "[::1]" | "localhost");
        if loopback {
            if !allow_loopback {
                return Err(err("points at this machine; set notifications.allow_loopback_urls = true for local trials"));
            }
            if !matches!(url.scheme(), "http" | "https") {
                return Err(err("must use http or https"));
            }
            return Ok(WebhookUrl { platform, destination: destination.to_string(), url });
        }
        if url.scheme() != "https" {
            return Err(err("must use https"));
        }
        if url.port().is_some() {
            return Err(err("must not name a port"));
        }
        let path = url.path();
        match platform {
            Platform::Discord => {
                if !DISCORD_HOSTS.contains(&host.as_str()) {
                    return Err(err("must be on discord.com (Server Settings → Integrations → Webhooks → Copy Webhook URL)"));
                }
                let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
                let shape_ok = match segments.as_slice() {
                    ["api", "webhooks", id, token] => is_discord_id(id) && !token.is_empty(),
                    ["api", version, "webhooks", id, token] => {
                        version.starts_with('v')
                            && version[1..].chars().all(|c| c.is_ascii_digit())
                            && is_discord_id(id)
                            && !token.is_empty()
                    }
                    _ => false,
                };
                if !shape_ok {
                    return Err(err("must have the path /api/webhooks/<numeric id>/<token>"));
                }
            }
            Platform::Slack => {
                if host != SLACK_HOST {
                    return Err(err("must be on hooks.slack.com (an incoming webhook of a Slack app)"));
                }
                let rest = SLACK_PATHS.iter().find_map(|p| path.strip_prefix(p));
                if rest.is_none_or(|r| r.trim_matches('/').is_empty()) {
                    return Err(err("must have the path /services/<team>/<channel>/<key>"));
                }
            }
        }
        Ok(WebhookUrl { platform, destination: destination.to_string(), url })
    }

    /// The platform.
    pub fn platform(&self) -> Platform {
        self.platform
    }

    /// The destination's name.
    pub fn destination(&self) -> &str {
        &self.destination
    }

    /// The URL itself, for the HTTP request only.
    pub(crate) fn expose(&self) -> &reqwest::Url {
        &self.url
    }

    /// Removes the URL (and its path, which holds the token) from any text, e.g. an HTTP
    /// library's error message.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.replace(self.url.as_str(), "<webhook>");
        let path = self.url.path();
        if path.len() > 1 {
            out = out.replace(path, "/<redacted>");
        }
        out
    }
}

fn is_discord_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

impl fmt::Debug for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WebhookUrl({} `{}`, <redacted>)", self.platform, self.destination)
    }
}

impl fmt::Display for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} webhook `{}`", self.platform, self.destination)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISCORD: &str = "https://discord.com/api/webhooks/1234567890/abcDEF_secret-token";
    const SLACK: &str = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";

    #[test]
    fn real_webhook_urls_are_accepted() {
        WebhookUrl::parse(Platform::Discord, "ops", DISCORD, false).unwrap();
        WebhookUrl::parse(Platform::Discord, "ops", "https://discordapp.com/api/v10/webhooks/1/t", false).unwrap();
        WebhookUrl::parse(Platform::Slack, "desk", SLACK, false).unwrap();
    }

    #[test]
    fn wrong_host_scheme_or_shape_is_refused_without_echoing_the_url() {
        let cases = [
            (Platform::Discord, "http://discord.com/api/webhooks/1/secret-token", "https"),
            (Platform::Discord, "https://evil.example/api/webhooks/1/secret-token", "discord.com"),
            (Platform::Discord, "https://discord.com/api/channels/1/secret-token", "/api/webhooks"),
            (Platform::Discord, "https://discord.com/api/webhooks/abc/secret-token", "/api/webhooks"),
            (Platform::Slack, "https://hooks.slack.com/secret-token", "/services/"),
            (Platform::Slack, DISCORD, "hooks.slack.com"),
            (Platform::Slack, "not a url secret-token", "valid absolute URL"),
            (Platform::Slack, "https://user:secret-token@hooks.slack.com/services/T/B/x", "credentials"),
        ];
        for (platform, raw, rule) in cases {
            let err = WebhookUrl::parse(platform, "ops", raw, false).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(rule), "{text}");
            assert!(!text.contains("secret-token") && !text.contains("abcDEF"), "URL leaked: {text}");
        }
    }

    #[test]
    fn loopback_is_accepted_only_when_allowed() {
        let raw = "http://127.0.0.1:4000/hook";
        assert!(WebhookUrl::parse(Platform::Slack, "local", raw, false).is_err());
        WebhookUrl::parse(Platform::Slack, "local", raw, true).unwrap();
    }

    #[test]
    fn debug_and_display_are_redacted() {
        let u = WebhookUrl::parse(Platform::Discord, "ops", DISCORD, false).unwrap();
        for shown in [format!("{u:?}"), u.to_string(), format!("{:?}", Some(u.clone()))] {
            assert!(!shown.contains("secret") && !shown.contains("1234567890"), "{shown}");
            assert!(shown.contains("ops"), "{shown}");
        }
        let scrubbed = u.scrub(&format!("error sending request for url ({DISCORD})"));
        assert!(!scrubbed.contains("secret"), "{scrubbed}");
    }
}
