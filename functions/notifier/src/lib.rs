//! notifier: delivers operator notifications from the notifications queue to a sink: the
//! configured Discord / Slack webhooks ([`copycat_notify::Router`]), or the terminal when none
//! is configured. A redelivered notification that was already delivered is not delivered
//! again; one that could not be delivered now is a batch-item failure, so SQS redelivers it
//! (and dead-letters it after `queues.max_receive`); one a webhook refuses for good is dropped
//! with an error log.

use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent};
use copycat_core::config::Config;
use copycat_core::events::Notification;
use copycat_core::ports::{NotificationSink, SinkError, StateStore, StoreError};
use copycat_core::records::keys;
use copycat_core::time::Span;
use copycat_notify::{Router, RouterError, Timing};
use copycat_state::{Base, Delivery, MissingMessageId, for_each_message};
use lambda_runtime::LambdaEvent;
use std::sync::Arc;

/// Why one notification was not delivered now.
#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    /// The body is not a notification.
    #[error("malformed notification message: {0}")]
    BadMessage(String),
    /// The sink failed in a way worth retrying.
    #[error("{0}")]
    Sink(#[from] SinkError),
    /// The de-duplication record could not be read or written.
    #[error("state store: {0}")]
    Store(#[from] StoreError),
}

/// What happened to one notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivered {
    /// Delivered now.
    Sent,
    /// Already delivered by an earlier receipt.
    AlreadySent,
    /// The destination refused it for good; dropped with an error log.
    Dropped,
}

/// How long delivered-notification records are kept (garbage collection only).
const SENT_RECORD_TTL: Span = Span::days(7);

/// The Lambda handler: a batch of notifications. The notifier has only its [`Base`] (and the
/// sink): it reads no market data, places no orders, and sends to no queue.
pub async fn handle(event: LambdaEvent<SqsEvent>, deps: &Base, sink: &dyn NotificationSink) -> Result<SqsBatchResponse, MissingMessageId> {
    for_each_message(&event.payload, Delivery::Standard, async |body| deliver(deps, sink, &parse_notification(body)?).await.map(|_| ()))
        .await
}

/// Parses a notifications-queue body.
pub fn parse_notification(body: Option<&str>) -> Result<Notification, DeliverError> {
    let body = body.ok_or_else(|| DeliverError::BadMessage("message has no body".into()))?;
    serde_json::from_str(body).map_err(|e| DeliverError::BadMessage(format!("not a notification: {e}")))
}

/// Delivers one notification unless it was already delivered.
pub async fn deliver(deps: &Base, sink: &dyn NotificationSink, n: &Notification) -> Result<Delivered, DeliverError> {
    let key = keys::notified(&n.id);
    if deps.store.get(&key).await?.is_some() {
        return Ok(Delivered::AlreadySent);
    }
    let outcome = match sink.deliver(n).await {
        Ok(()) => Delivered::Sent,
        Err(SinkError::Permanent(why)) => {
            tracing::error!(id = %n.id, kind = %n.event.kind(), error = %why, "destination refused the notification for good; dropping it");
            Delivered::Dropped
        }
        Err(e) => return Err(e.into()),
    };
    let now = deps.clock.now();
    let body = serde_json::json!({ "kind": n.event.kind().as_str(), "at": now });
    match deps.store.put_if_absent(&key, body, Some(now + SENT_RECORD_TTL)).await {
        Ok(_) => {}
        Err(e) if e.is_conflict() => {}
        Err(e) => tracing::warn!(id = %n.id, error = %e, "delivered but not recorded; a redelivery may repeat it"),
    }
    deps.metrics.count("NotificationSent", 1, &[("kind", n.event.kind().as_str())]);
    Ok(outcome)
}

/// Where notifications go: every configured Discord / Slack webhook (config destinations, or
/// `COPYCAT_DISCORD_WEBHOOK_URL` / `COPYCAT_SLACK_WEBHOOK_URL` alone), each delivery recorded
/// in `store` so a redelivery skips the destinations that already posted; the terminal when
/// none is configured. Every URL is validated here, once, at start.
pub fn sink_from_config(
    config: &Config,
    env: &dyn Fn(&str) -> Option<String>,
    store: Arc<dyn StateStore>,
    timing: Timing,
) -> Result<Arc<dyn NotificationSink>, RouterError> {
    let router = Router::from_config(&config.notifications, env, timing)?;
    if router.is_empty() {
        tracing::info!("no webhook destination configured; notifications go to the terminal");
        return Ok(Arc::new(TerminalSink));
    }
    let names: Vec<String> = router.destinations().iter().map(|d| format!("{} `{}`", d.platform(), d.name())).collect();
    tracing::info!(destinations = %names.join(", "), "notifications go to webhooks");
    Ok(Arc::new(router.with_ledger(store)))
}

/// [`sink_from_config`] on the process environment and the real clock (Lambda, `copycat run`).
pub fn sink_from_env(deps: &Base) -> Result<Arc<dyn NotificationSink>, RouterError> {
    sink_from_config(&deps.config, &|k| std::env::var(k).ok(), deps.store.clone(), Timing::real())
}

/// The local sink: one line per notification on the terminal.
pub struct TerminalSink;

#[async_trait::async_trait]
impl NotificationSink for TerminalSink {
    async fn deliver(&self, n: &Notification) -> Result<(), SinkError> {
        println!("{}", n.render_line());
        Ok(())
    }
}
