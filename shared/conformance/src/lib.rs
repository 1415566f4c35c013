//! The backend conformance suite every `StateStore` and `Queue` implementation must pass.
//!
//! A backend's test crate implements [`Backend`] (fresh store, fresh queue pair, a way to let
//! time pass) and invokes [`conformance_suite!`], which expands to one `#[tokio::test]` per
//! behaviour, so a failure names the behaviour that broke:
//!
//! ```text
//! struct MyBackend { /* … */ }
//! #[copycat_conformance::async_trait]
//! impl copycat_conformance::Backend for MyBackend { /* … */ }
//! copycat_conformance::conformance_suite!(MyBackend::new().await);
//! ```
//!
//! The checks are written to run against a slow emulator whose timeouts run on real time
//! (a few hundred operations per test at most, visibility timeouts of [`VISIBILITY`]), and to
//! tolerate an SQS-like `receive` that returns fewer messages than are waiting.

#![warn(missing_docs)]

mod queue;
mod store;

pub use queue::*;
pub use store::*;

/// Re-exported so a backend's test crate can implement [`Backend`] without depending on
/// `async-trait` itself.
pub use async_trait::async_trait;

use copycat_core::message::Received;
use copycat_core::ports::{Queue, StateStore};
use copycat_core::time::Span;
use std::sync::Arc;

/// The visibility timeout the queue checks ask for: short, so a real-time backend stays quick.
pub const VISIBILITY: Span = Span::seconds(2);

/// How far the checks move time to get past [`VISIBILITY`].
pub const PAST_VISIBILITY: Span = Span::seconds(3);

/// Consecutive empty receives after which a check concludes nothing more is coming.
const EMPTY_RECEIVES: usize = 3;

/// What a backend's test supplies so the suite can run against it.
#[async_trait]
pub trait Backend: Send + Sync {
    /// A store over an empty table, not shared with any other check.
    async fn fresh_store(&self) -> Arc<dyn StateStore>;
    /// A new, empty queue (FIFO or standard) with this visibility timeout, whose messages move
    /// to the returned dead-letter queue (of the same kind) after `max_receive` receives.
    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>);
    /// Lets `by` pass for the backend: advance a manual clock, or sleep on real time.
    async fn advance(&self, by: Span);
}

#[async_trait]
impl<B: Backend + ?Sized> Backend for Arc<B> {
    async fn fresh_store(&self) -> Arc<dyn StateStore> {
        (**self).fresh_store().await
    }
    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>) {
        (**self).fresh_queue(fifo, visibility, max_receive).await
    }
    async fn advance(&self, by: Span) {
        (**self).advance(by).await
    }
}

#[async_trait]
impl<B: Backend + ?Sized> Backend for Box<B> {
    async fn fresh_store(&self) -> Arc<dyn StateStore> {
        (**self).fresh_store().await
    }
    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>) {
        (**self).fresh_queue(fifo, visibility, max_receive).await
    }
    async fn advance(&self, by: Span) {
        (**self).advance(by).await
    }
}

/// Receives until `want` messages arrived or `EMPTY_RECEIVES` receives in a row came back
/// empty; does not ack.
pub async fn receive_up_to(queue: &dyn Queue, want: usize) -> Vec<Received> {
    let mut got = Vec::new();
    let mut empty = 0;
    while got.len() < want && empty < EMPTY_RECEIVES {
        let batch = queue.receive((want - got.len()).min(10)).await.expect("receive");
        if batch.is_empty() {
            empty += 1;
        } else {
            empty = 0;
            got.extend(batch);
        }
    }
    got
}

/// Receives one message, retrying a few empty receives; panics if none comes.
pub async fn receive_one(queue: &dyn Queue) -> Received {
    receive_up_to(queue, 1).await.pop().expect("a message should have been deliverable")
}

/// Receives and acks until `want` messages arrived or nothing more comes; returns the bodies
/// in delivery order. Acking each batch at once lets a FIFO group move on.
pub async fn drain_bodies(queue: &dyn Queue, want: usize) -> Vec<String> {
    let mut bodies = Vec::new();
    let mut empty = 0;
    while bodies.len() < want && empty < EMPTY_RECEIVES {
        let batch = queue.receive((want - bodies.len()).min(10)).await.expect("receive");
        if batch.is_empty() {
            empty += 1;
            continue;
        }
        empty = 0;
        for message in batch {
            queue.ack(&message.receipt).await.expect("ack a message just received");
            bodies.push(message.body);
        }
    }
    bodies
}

/// Expands to one `#[tokio::test]` per conformance check, each building its backend with
/// `$backend` (an expression of a type implementing [`Backend`]; it may use `.await`).
///
/// The calling crate needs `tokio` (with the `macros` and `rt-multi-thread` features) as a
/// dependency.
#[macro_export]
macro_rules! conformance_suite {
    ($backend:expr) => {
        $crate::__conformance_tests!($backend;
            // store
            put_if_absent_has_one_winner_under_contention,
            conflict_returns_current_record,
            version_increments_on_every_write,
            delete_if_version_refuses_stale_version,
            transaction_is_all_or_nothing,
            transaction_rejects_two_writes_on_one_key,
            transaction_of_more_than_a_hundred_writes_is_refused,
            empty_transaction_succeeds,
            query_returns_prefix_in_sort_order,
            query_page_reads_a_partition_in_bounded_pages,
            get_many_keeps_key_order,
            expires_at_is_kept_but_never_hides_a_record,
            body_round_trips_as_json,
            // queue
            unacked_message_is_redelivered_after_visibility_timeout,
            acked_message_is_never_redelivered,
            receive_count_increments_per_delivery,
            message_dead_letters_after_max_receive,
            fifo_group_blocks_while_in_flight_and_keeps_order,
            fifo_duplicate_within_window_is_dropped,
            fifo_send_without_group_is_reported_per_entry,
            batch_over_ten_is_refused,
            receive_returns_at_most_max_and_never_more_than_ten,
            stale_receipt_ack_is_an_error,
            set_visibility_zero_redelivers_now,
            set_visibility_extends_the_hiding,
            depth_counts_waiting_and_in_flight,
            fresh_queues_are_independent,
            concurrent_receivers_never_get_the_same_message,
            send_all_chunks_by_ten,
        );
    };
}

/// Implementation detail of [`conformance_suite!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __conformance_tests {
    ($backend:expr; $($check:ident),* $(,)?) => {
        $(
            #[::tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $check() {
                let backend = $backend;
                $crate::$check(&backend).await;
            }
        )*
    };
}
