//! What a handler runs on: the ports, the config and the clock, built once per process.

use copycat_core::config::Config;
use copycat_core::events::{Event, Notification};
use copycat_core::ports::{Broker, MarketData, Metrics, OutMessage, Queue, StateStore};
use copycat_core::time::{Clock, Timestamp};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The three queues.
#[derive(Clone)]
pub struct Queues {
    /// Wallets for the bot filter (standard).
    pub candidates: Arc<dyn Queue>,
    /// Leader trades to copy (FIFO, group per leader wallet).
    pub signals: Arc<dyn Queue>,
    /// Events for the operator (standard).
    pub notifications: Arc<dyn Queue>,
}

/// Everything a handler needs, behind ports. Built once; borrowed by every invocation.
#[derive(Clone)]
pub struct Deps {
    /// Validated config.
    pub config: Arc<Config>,
    /// The state table.
    pub store: Arc<dyn StateStore>,
    /// The queues.
    pub queues: Queues,
    /// Market data.
    pub market: Arc<dyn MarketData>,
    /// Order placement.
    pub broker: Arc<dyn Broker>,
    /// Now.
    pub clock: Arc<dyn Clock>,
    /// Counters / EMF.
    pub metrics: Arc<dyn Metrics>,
}

/// Queues a notification. A failure is logged, never raised: telling the operator must not
/// undo or block the trade it reports.
pub async fn notify(deps: &Deps, cause: &str, at: Timestamp, event: Event) {
    let n = Notification::new(cause, at, event);
    let body = match serde_json::to_string(&n) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "notification did not serialise");
            return;
        }
    };
    match deps.queues.notifications.send_batch(vec![OutMessage::standard(body)]).await {
        Ok(failures) if failures.is_empty() => {}
        Ok(failures) => tracing::warn!(?failures, kind = n.event.kind(), "notification not queued"),
        Err(e) => tracing::warn!(error = %e, kind = n.event.kind(), "notification not queued"),
    }
}

/// Notifications collected during one invocation and queued together at its end (in batches of
/// ten): one queue call per batch instead of one per event.
#[derive(Default)]
pub struct Outbox {
    items: Vec<Notification>,
}

impl Outbox {
    /// Adds a notification whose id derives from `cause`.
    pub fn push(&mut self, cause: &str, at: Timestamp, event: Event) {
        self.items.push(Notification::new(cause, at, event));
    }

    /// Queues everything collected. Failures are logged, never raised (as [`notify`]).
    pub async fn flush(&mut self, deps: &Deps) {
        if self.items.is_empty() {
            return;
        }
        let messages: Vec<OutMessage> =
            self.items.drain(..).filter_map(|n| serde_json::to_string(&n).ok()).map(OutMessage::standard).collect();
        match copycat_core::ports::send_all(deps.queues.notifications.as_ref(), messages).await {
            Ok(failures) if failures.is_empty() => {}
            Ok(failures) => tracing::warn!(failed = failures.len(), "notifications not queued"),
            Err(e) => tracing::warn!(error = %e, "notifications not queued"),
        }
    }
}

/// In-process counters: the local stand-in for CloudWatch metrics.
#[derive(Default)]
pub struct CounterMetrics {
    counts: Mutex<BTreeMap<String, u64>>,
}

impl CounterMetrics {
    /// A snapshot of every counter (`Name` or `Name{k=v}`).
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        self.counts.lock().map(|c| c.clone()).unwrap_or_default()
    }
    /// One counter's value.
    pub fn get(&self, name: &str) -> u64 {
        self.counts.lock().ok().and_then(|c| c.get(name).copied()).unwrap_or(0)
    }
}

impl Metrics for CounterMetrics {
    fn count(&self, name: &str, value: u64, properties: &[(&str, &str)]) {
        let Ok(mut c) = self.counts.lock() else { return };
        *c.entry(name.to_string()).or_insert(0) += value;
        for (k, v) in properties {
            *c.entry(format!("{name}{{{k}={v}}}")).or_insert(0) += value;
        }
    }
}
