//! What handlers run on, by capability. Every function has a [`Base`] (config, the state table,
//! the clock, metrics); every function but the notifier also [`Reporting`] (a [`Sender`] for the
//! notifications queue, which breaker transitions and operator events go to). Each function's
//! own deps type (in its crate) adds exactly what it uses — market data, a broker, a `Sender`
//! for the queue it feeds — so the compiler says what a function may touch. Built once per
//! process, borrowed by every invocation.
//!
//! A function's deps type dereferences to `Reporting`, which dereferences to `Base`: `deps.store`
//! reads the same in every handler, and `&deps` is what the breaker gates and `notify` take.

use copycat_core::config::Config;
use copycat_core::events::{Event, Notification};
use copycat_core::message::{OutMessage, SendFailure};
use copycat_core::ports::{Metrics, Queue, QueueError, StateStore, send_all};
use copycat_core::queues::{Notifications, QueueId, QueueRole};
use copycat_core::time::{Clock, Timestamp};
use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

/// What every function has: the validated config, the state table, the clock and metrics.
#[derive(Clone)]
pub struct Base {
    /// Validated config.
    pub config: Arc<Config>,
    /// The state table.
    pub store: Arc<dyn StateStore>,
    /// Now.
    pub clock: Arc<dyn Clock>,
    /// Counters / EMF.
    pub metrics: Arc<dyn Metrics>,
}

/// A function that tells the operator what happened: its [`Base`] and the notifications queue.
#[derive(Clone)]
pub struct Reporting {
    /// Config, store, clock, metrics.
    pub base: Base,
    /// Where operator events go.
    pub notifications: Sender<Notifications>,
}

impl Deref for Reporting {
    type Target = Base;
    fn deref(&self) -> &Base {
        &self.base
    }
}

/// The right to send to the queue of role `R` (and to no other): a function's deps hold one per
/// queue it feeds.
pub struct Sender<R: QueueRole> {
    queue: Arc<dyn Queue>,
    role: PhantomData<fn() -> R>,
}

impl<R: QueueRole> Clone for Sender<R> {
    fn clone(&self) -> Self {
        Sender { queue: self.queue.clone(), role: PhantomData }
    }
}

impl<R: QueueRole> Sender<R> {
    /// Sends to `queue`, which the wiring opened as the `R` queue.
    pub fn new(queue: Arc<dyn Queue>) -> Self {
        Sender { queue, role: PhantomData }
    }

    /// Which queue this is.
    pub fn id(&self) -> QueueId {
        R::ID
    }

    /// The queue's name (as the backend knows it).
    pub fn name(&self) -> &str {
        self.queue.name()
    }

    /// Sends any number of messages in batches of ten; failed entries are returned with their
    /// index in `messages`.
    pub async fn send_all(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        send_all(self.queue.as_ref(), messages).await
    }
}

/// Queues a notification. A failure is logged, never raised: telling the operator must not
/// undo or block the trade it reports.
pub async fn notify(deps: &Reporting, cause: &str, at: Timestamp, event: Event) {
    let n = Notification::new(cause, at, event);
    let body = match serde_json::to_string(&n) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "notification did not serialise");
            return;
        }
    };
    match deps.notifications.send_all(vec![OutMessage::standard(body)]).await {
        Ok(failures) if failures.is_empty() => {}
        Ok(failures) => tracing::warn!(?failures, kind = %n.event.kind(), "notification not queued"),
        Err(e) => tracing::warn!(error = %e, kind = %n.event.kind(), "notification not queued"),
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
    pub async fn flush(&mut self, deps: &Reporting) {
        if self.items.is_empty() {
            return;
        }
        let messages: Vec<OutMessage> =
            self.items.drain(..).filter_map(|n| serde_json::to_string(&n).ok()).map(OutMessage::standard).collect();
        match deps.notifications.send_all(messages).await {
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

/// Declares what a function's deps type (a struct with a `reporting: Reporting` field) is:
/// it dereferences to [`Reporting`], so its handler reads `deps.store` and passes `deps` to
/// breaker gates and [`notify`] like every other function; and its `SENDS` lists the queues it
/// holds a `Sender` for (the SAM template grants exactly these; `tests/tests/template.rs` holds
/// them to `copycat_aws::functions::FUNCTIONS`).
#[macro_export]
macro_rules! function_deps {
    ($deps:ty, sends [$($queue:ident),*]) => {
        impl ::std::ops::Deref for $deps {
            type Target = $crate::Reporting;
            fn deref(&self) -> &$crate::Reporting {
                &self.reporting
            }
        }

        impl $deps {
            /// The queues this function sends to.
            pub const SENDS: &[::copycat_core::queues::QueueId] = &[$(::copycat_core::queues::QueueId::$queue),*];
        }
    };
}
