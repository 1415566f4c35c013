//! copycat-local: opens the embedded backend's queues (named in `infra/resources.json`, through
//! `copycat_core::queues`) and bridges queue messages to the SQS events the handlers take, so
//! the local engine runs exactly the Lambda handlers.

use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent, SqsMessage};
use copycat_core::config::{Config, ConfigError, QueuesConfig};
use copycat_core::message::Received;
use copycat_core::ports::{Queue, QueueError};
use copycat_core::queues::QueueId;
use copycat_core::time::Clock;
use copycat_embedded::{EmbeddedBackend, EmbeddedError, EmbeddedQueue, QueueSettings};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

/// The three queues of a backend as ports: what the local engine drains and builds each
/// function's `Sender`s from.
#[derive(Clone)]
pub struct QueuePorts {
    /// Wallets for the bot filter (standard).
    pub candidates: Arc<dyn Queue>,
    /// Leader trades to copy (FIFO, group per leader wallet).
    pub signals: Arc<dyn Queue>,
    /// Events for the operator (standard).
    pub notifications: Arc<dyn Queue>,
}

/// The three queues of the embedded backend, with their dead-letter queues.
#[derive(Clone)]
pub struct LocalQueues {
    /// Candidates.
    pub candidates: Arc<EmbeddedQueue>,
    /// Signals (FIFO).
    pub signals: Arc<EmbeddedQueue>,
    /// Notifications.
    pub notifications: Arc<EmbeddedQueue>,
}

impl LocalQueues {
    /// Opens the queues with the settings in config.
    pub fn open(backend: &EmbeddedBackend, q: &QueuesConfig) -> Self {
        let vis = copycat_core::time::secs(q.visibility_timeout_secs);
        let open = |queue: QueueId| {
            let settings = if queue.fifo() { QueueSettings::fifo() } else { QueueSettings::standard() };
            backend.queue(queue.name(), settings.with_visibility_timeout(vis).with_dead_letter(queue.dead_letter_name(), q.max_receive))
        };
        LocalQueues { candidates: open(QueueId::Candidates), signals: open(QueueId::Signals), notifications: open(QueueId::Notifications) }
    }

    /// As the handler-facing bundle.
    pub fn ports(&self) -> QueuePorts {
        QueuePorts { candidates: self.candidates.clone(), signals: self.signals.clone(), notifications: self.notifications.clone() }
    }
}

/// Opens the embedded backend at `path` on `clock`.
pub fn open_backend(path: &Path, clock: Arc<dyn Clock>) -> Result<EmbeddedBackend, EmbeddedError> {
    EmbeddedBackend::open(path, clock)
}

/// Loads the config: the TOML file at `path` if given (an error if it is missing), else
/// `copycat.toml` in the working directory if present, else the defaults; then `COPYCAT__…`
/// environment overrides; then validation.
pub fn load_config(path: Option<&Path>) -> Result<Config, ConfigError> {
    let text = match path {
        Some(p) => std::fs::read_to_string(p).map_err(|e| ConfigError::Parse(format!("cannot read {}: {e}", p.display())))?,
        None => std::fs::read_to_string("copycat.toml").unwrap_or_default(),
    };
    Config::from_toml_with_env(&text, std::env::vars())
}

/// Builds the SQS event a Lambda would receive for these messages.
pub fn to_sqs_event(messages: &[Received], queue_arn: &str) -> SqsEvent {
    let mut event = SqsEvent::default();
    event.records = messages
        .iter()
        .map(|m| {
            let mut s = SqsMessage::default();
            s.message_id = Some(m.message_id.clone());
            s.receipt_handle = Some(m.receipt.clone());
            s.body = Some(m.body.clone());
            s.attributes.insert("ApproximateReceiveCount".into(), m.receive_count.to_string());
            s.attributes.insert("SentTimestamp".into(), m.sent_at.timestamp_millis().to_string());
            if let Some(g) = &m.group_id {
                s.attributes.insert("MessageGroupId".into(), g.clone());
            }
            s.event_source = Some("aws:sqs".into());
            s.event_source_arn = Some(queue_arn.into());
            s
        })
        .collect();
    event
}

/// Applies a handler's partial-batch response as Lambda's SQS poller does: every message not
/// reported as failed is deleted; failed ones reappear after their visibility timeout.
pub async fn settle_batch(queue: &dyn Queue, messages: &[Received], response: &SqsBatchResponse) -> Result<BatchOutcome, QueueError> {
    let failed: HashSet<&str> = response.batch_item_failures.iter().map(|f| f.item_identifier.as_str()).collect();
    let done: Vec<String> = messages.iter().filter(|m| !failed.contains(m.message_id.as_str())).map(|m| m.receipt.clone()).collect();
    // A stale receipt means the message was already redelivered to someone else: their
    // delivery settles it.
    queue.ack_batch(&done).await?;
    Ok(BatchOutcome { acked: done.len() as u32, failed: (messages.len() - done.len()) as u32 })
}

/// What settling a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Messages deleted.
    pub acked: u32,
    /// Messages left for redelivery.
    pub failed: u32,
}

/// A `LambdaEvent` for in-process calls (no deadline: handlers use their configured windows).
pub fn local_event<T>(payload: T) -> lambda_runtime::LambdaEvent<T> {
    lambda_runtime::LambdaEvent::new(payload, lambda_runtime::Context::default())
}
