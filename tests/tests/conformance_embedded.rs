//! The backend conformance suite against the embedded (SQLite) backend: each check gets its
//! own database file in a temp directory (so WAL and file locking are exercised) and a
//! `ManualClock`, so visibility timeouts pass instantly.

use copycat_conformance::{Backend, async_trait, conformance_suite};
use copycat_core::ports::{Queue, StateStore};
use copycat_core::time::{ManualClock, Span, from_secs};
use copycat_embedded::{EmbeddedBackend, QueueSettings};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The embedded backend as the suite sees it: one temp directory per check.
struct Embedded {
    clock: Arc<ManualClock>,
    dir: tempfile::TempDir,
    queues: EmbeddedBackend,
    opened: AtomicUsize,
}

impl Embedded {
    fn new() -> Self {
        let clock = Arc::new(ManualClock::new(from_secs(1_700_000_000)));
        let dir = tempfile::tempdir().expect("temp dir");
        let queues = EmbeddedBackend::open(&dir.path().join("queues.db"), clock.clone()).expect("open queue database");
        Embedded { clock, dir, queues, opened: AtomicUsize::new(0) }
    }

    fn next(&self) -> usize {
        self.opened.fetch_add(1, Ordering::SeqCst)
    }
}

#[async_trait]
impl Backend for Embedded {
    async fn fresh_store(&self) -> Arc<dyn StateStore> {
        let path = self.dir.path().join(format!("store-{}.db", self.next()));
        EmbeddedBackend::open(&path, self.clock.clone()).expect("open store database").store()
    }

    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>) {
        let name = format!("queue-{}{}", self.next(), if fifo { ".fifo" } else { "" });
        let kind = if fifo { QueueSettings::fifo() } else { QueueSettings::standard() };
        let settings = kind.with_visibility_timeout(visibility).with_dead_letter(format!("{name}-dlq"), max_receive);
        let queue = self.queues.queue(&name, settings);
        let dead_letter = queue.dead_letter_queue().expect("dead-letter queue configured");
        (queue, dead_letter)
    }

    async fn advance(&self, by: Span) {
        self.clock.advance(by);
    }
}

conformance_suite!(Embedded::new());
