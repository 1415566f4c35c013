//! Waiting through a port: production sleeps on the real clock, tests advance a
//! [`ManualClock`] so rate limits and `Retry-After` are honoured without real sleeping.

use copycat_core::time::{Clock, ManualClock, Span, Timestamp};
use std::sync::Arc;

/// The waiting half of time: `pause` returns once `span` has passed on the paired clock.
#[async_trait::async_trait]
pub trait Pause: Send + Sync {
    /// Waits for `span` (a zero or negative span returns at once).
    async fn pause(&self, span: Span);
}

/// The real clock and a real (tokio) sleep.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealTime;

impl Clock for RealTime {
    fn now(&self) -> Timestamp {
        chrono::Utc::now()
    }
}

#[async_trait::async_trait]
impl Pause for RealTime {
    async fn pause(&self, span: Span) {
        if let Ok(d) = span.to_std() {
            tokio::time::sleep(d).await;
        }
    }
}

/// Pausing on a [`ManualClock`] moves it forward: simulated waits take no wall time.
#[async_trait::async_trait]
impl Pause for ManualClock {
    async fn pause(&self, span: Span) {
        self.advance(span);
        tokio::task::yield_now().await;
    }
}

/// A clock and the pause that matches it.
#[derive(Clone)]
pub struct Timing {
    /// Now.
    pub clock: Arc<dyn Clock>,
    /// Waiting.
    pub pause: Arc<dyn Pause>,
}

impl Timing {
    /// Wall-clock time (Lambda, `copycat run`, and the demo's real webhook posts).
    pub fn real() -> Self {
        Timing { clock: Arc::new(RealTime), pause: Arc::new(RealTime) }
    }
    /// Simulated time: waits advance `clock`.
    pub fn manual(clock: Arc<ManualClock>) -> Self {
        Timing { clock: clock.clone(), pause: clock }
    }
}
