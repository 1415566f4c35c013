//! The suite against the embedded backend on an in-memory database (one per check), so the
//! suite itself is exercised wherever this crate is tested.

use copycat_conformance::{Backend, async_trait, conformance_suite};
use copycat_core::ports::{Queue, StateStore};
use copycat_core::time::{ManualClock, Span, from_secs};
use copycat_embedded::{EmbeddedBackend, QueueSettings};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// In-memory embedded backend on a manual clock.
struct InMemory {
    clock: Arc<ManualClock>,
    backend: EmbeddedBackend,
    queues: AtomicUsize,
}

impl InMemory {
    fn new() -> Self {
        let clock = Arc::new(ManualClock::new(from_secs(1_700_000_000)));
        let backend = EmbeddedBackend::open_in_memory(clock.clone()).expect("open in-memory database");
        InMemory { clock, backend, queues: AtomicUsize::new(0) }
    }
}

#[async_trait]
impl Backend for InMemory {
    async fn fresh_store(&self) -> Arc<dyn StateStore> {
        EmbeddedBackend::open_in_memory(self.clock.clone()).expect("open in-memory database").store()
    }

    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>) {
        let name = format!("queue-{}", self.queues.fetch_add(1, Ordering::SeqCst));
        let kind = if fifo { QueueSettings::fifo() } else { QueueSettings::standard() };
        let queue =
            self.backend.queue(&name, kind.with_visibility_timeout(visibility).with_dead_letter(format!("{name}-dlq"), max_receive));
        let dead_letter = queue.dead_letter_queue().expect("dead-letter queue configured");
        (queue, dead_letter)
    }

    async fn advance(&self, by: Span) {
        self.clock.advance(by);
    }
}

conformance_suite!(InMemory::new());
