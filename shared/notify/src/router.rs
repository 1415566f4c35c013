//! The multi-destination sink: every configured webhook that wants a notification gets it once.
//!
//! Each destination's delivery is recorded (`NOTIFIED#<id>` / `DEST#<name>`, put-if-absent), so
//! when one destination fails and the queue redelivers the notification, the destinations that
//! already posted it are skipped: a partial failure never doubles a message.

use crate::render;
use crate::timing::Timing;
use crate::url::{Platform, UrlError, WebhookUrl};
use crate::webhook::{Destination, PostError};
use copycat_core::config::{DestinationConfig, NotificationsConfig};
use copycat_core::events::{Notification, Severity};
use copycat_core::ports::{NotificationSink, SinkError, StateStore};
use copycat_core::store::Key;
use copycat_core::time::Span;
use std::sync::Arc;

/// The environment variable that, alone, configures one Discord destination for every event.
pub const DISCORD_URL_ENV: &str = "COPYCAT_DISCORD_WEBHOOK_URL";
/// The environment variable that, alone, configures one Slack destination for every event.
pub const SLACK_URL_ENV: &str = "COPYCAT_SLACK_WEBHOOK_URL";

/// How long per-destination delivery records are kept (garbage collection only; longer than
/// any redelivery, which ends at `max_receive`).
const DESTINATION_RECORD_TTL: Span = Span::days(7);

/// Why the destinations could not be built. Never contains a URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RouterError {
    /// A configured destination's environment variable is not set.
    #[error("{platform} destination `{destination}`: environment variable {var} is not set (it must hold the webhook URL)")]
    MissingUrl {
        /// Platform.
        platform: Platform,
        /// Destination name.
        destination: String,
        /// The variable.
        var: String,
    },
    /// A webhook URL broke a rule.
    #[error("{0}")]
    BadUrl(#[from] UrlError),
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
}

/// Every configured webhook destination; a [`NotificationSink`].
pub struct Router {
    destinations: Vec<Destination>,
    ledger: Option<Arc<dyn StateStore>>,
    timing: Timing,
}

impl std::fmt::Debug for Router {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Router").field("destinations", &self.destinations).finish()
    }
}

/// What one destination did with one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Posted now.
    Posted,
    /// Posted by an earlier receipt of the same notification.
    AlreadyPosted,
    /// The destination does not want this severity or kind.
    Filtered,
    /// The webhook refused it for good.
    Dropped(String),
    /// Not posted now; a redelivery will try again.
    Failed(String),
}

impl Router {
    /// Builds the destinations in `config` (URLs read through `env`), plus one for each of
    /// [`DISCORD_URL_ENV`] / [`SLACK_URL_ENV`] that is set and not already used by a configured
    /// destination. Every URL is validated here, at start.
    pub fn from_config(config: &NotificationsConfig, env: &dyn Fn(&str) -> Option<String>, timing: Timing) -> Result<Router, RouterError> {
        let mut specs: Vec<(Platform, DestinationConfig)> = Vec::new();
        specs.extend(config.discord.iter().cloned().map(|d| (Platform::Discord, d)));
        specs.extend(config.slack.iter().cloned().map(|d| (Platform::Slack, d)));
        for (platform, var) in [(Platform::Discord, DISCORD_URL_ENV), (Platform::Slack, SLACK_URL_ENV)] {
            let used = specs.iter().any(|(_, d)| d.url_env == var);
            if !used && env(var).is_some_and(|v| !v.trim().is_empty()) {
                let name = unique_name(platform.as_str(), &specs);
                specs.push((platform, DestinationConfig { name, url_env: var.into(), min_severity: Severity::Info, kinds: Vec::new() }));
            }
        }
        let http = copycat_https::client_builder()
            .map_err(|e| RouterError::Client(e.to_string()))?
            .user_agent(concat!("CopyCat/", env!("CARGO_PKG_VERSION"), " (+notifier)"))
            .connect_timeout(std::time::Duration::from_millis(config.delivery.request_timeout_ms))
            .build()
            .map_err(|e| RouterError::Client(e.without_url().to_string()))?;
        let mut destinations = Vec::with_capacity(specs.len());
        for (platform, d) in specs {
            let raw = env(&d.url_env).filter(|v| !v.trim().is_empty()).ok_or_else(|| RouterError::MissingUrl {
                platform,
                destination: d.name.clone(),
                var: d.url_env.clone(),
            })?;
            let url = WebhookUrl::parse(platform, &d.name, &raw, config.allow_loopback_urls)?;
            let limits = config.per_process(match platform {
                Platform::Discord => &config.discord_rate_limits,
                Platform::Slack => &config.slack_rate_limits,
            });
            destinations.push(Destination::new(
                url,
                d.min_severity,
                d.kinds,
                &limits,
                config.delivery.clone(),
                http.clone(),
                timing.clone(),
            ));
        }
        Ok(Router { destinations, ledger: None, timing })
    }

    /// Records each destination's delivery in `store`, so a redelivered notification skips the
    /// destinations that already posted it.
    pub fn with_ledger(mut self, store: Arc<dyn StateStore>) -> Self {
        self.ledger = Some(store);
        self
    }

    /// Whether any destination is configured.
    pub fn is_empty(&self) -> bool {
        self.destinations.is_empty()
    }

    /// The destinations.
    pub fn destinations(&self) -> &[Destination] {
        &self.destinations
    }

    /// Sends one notification to every destination that wants it; one outcome per destination.
    pub async fn route(&self, n: &Notification) -> Vec<(String, Outcome)> {
        let rendered = render::render(n);
        let mut outcomes = Vec::with_capacity(self.destinations.len());
        for d in &self.destinations {
            let outcome = if !d.wants(n) {
                Outcome::Filtered
            } else if self.already_posted(d, n).await {
                Outcome::AlreadyPosted
            } else {
                match d.post(&d.payload(&rendered)).await {
                    Ok(()) => {
                        self.record(d, n, "posted").await;
                        Outcome::Posted
                    }
                    Err(e) if !e.is_retryable() => {
                        tracing::error!(id = %n.id, kind = %n.event.kind(), error = %e, "webhook refused the notification for good; dropping it for this destination");
                        self.record(d, n, "dropped").await;
                        Outcome::Dropped(e.to_string())
                    }
                    Err(e) => Outcome::Failed(e.to_string()),
                }
            };
            outcomes.push((d.name().to_string(), outcome));
        }
        outcomes
    }

    /// Posts a test message to every destination (ignoring filters); one result per destination.
    pub async fn send_test(&self) -> Vec<(String, Platform, Result<(), PostError>)> {
        let mut results = Vec::with_capacity(self.destinations.len());
        for d in &self.destinations {
            let at = self.timing.clock.now();
            let body = render::test_message(d.platform(), d.name(), at);
            results.push((d.name().to_string(), d.platform(), d.post(&body).await));
        }
        results
    }

    fn record_key(d: &Destination, n: &Notification) -> Key {
        Key::new(format!("NOTIFIED#{}", n.id), format!("DEST#{}", d.name()))
    }

    async fn already_posted(&self, d: &Destination, n: &Notification) -> bool {
        let Some(store) = &self.ledger else { return false };
        match store.get(&Self::record_key(d, n)).await {
            Ok(found) => found.is_some(),
            Err(e) => {
                // Unknown: post (a rare double beats a lost alert).
                tracing::warn!(id = %n.id, destination = d.name(), error = %e, "cannot read the delivery record; posting");
                false
            }
        }
    }

    async fn record(&self, d: &Destination, n: &Notification, what: &str) {
        let Some(store) = &self.ledger else { return };
        let now = self.timing.clock.now();
        let body = serde_json::json!({ "kind": n.event.kind().as_str(), "outcome": what, "at": now });
        match store.put_if_absent(&Self::record_key(d, n), body, Some(n.at.max(now) + DESTINATION_RECORD_TTL)).await {
            Ok(_) => {}
            Err(e) if e.is_conflict() => {}
            Err(e) => tracing::warn!(id = %n.id, destination = d.name(), error = %e, "posted but not recorded; a redelivery may repeat it"),
        }
    }
}

fn unique_name(base: &str, specs: &[(Platform, DestinationConfig)]) -> String {
    let mut name = base.to_string();
    let mut i = 2;
    while specs.iter().any(|(_, d)| d.name == name) {
        name = format!("{base}-{i}");
        i += 1;
    }
    name
}

#[async_trait::async_trait]
impl NotificationSink for Router {
    /// Ok when every destination that wants it has it (or refused it for good); retryable when
    /// any destination may still take it on a redelivery.
    async fn deliver(&self, n: &Notification) -> Result<(), SinkError> {
        let outcomes = self.route(n).await;
        let failed: Vec<String> = outcomes
            .iter()
            .filter_map(|(name, o)| if let Outcome::Failed(why) = o { Some(format!("{name}: {why}")) } else { None })
            .collect();
        if !failed.is_empty() {
            return Err(SinkError::Retryable(failed.join("; ")));
        }
        let wanted = outcomes.iter().filter(|(_, o)| !matches!(o, Outcome::Filtered)).count();
        let dropped: Vec<String> = outcomes
            .iter()
            .filter_map(|(name, o)| if let Outcome::Dropped(why) = o { Some(format!("{name}: {why}")) } else { None })
            .collect();
        if wanted > 0 && dropped.len() == wanted {
            return Err(SinkError::Permanent(dropped.join("; ")));
        }
        Ok(())
    }
}
