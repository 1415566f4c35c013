//! `Queue` checks: SQS semantics (visibility, receive counts, dead-lettering, FIFO groups and
//! de-duplication, batch limits, receipts).

use crate::{Backend, PAST_VISIBILITY, VISIBILITY, drain_bodies, receive_one, receive_up_to};
use async_trait::async_trait;
use copycat_core::message::{MAX_SEND_BATCH, OutMessage, Received, SendFailure};
use copycat_core::ports::{Queue, QueueError, send_all};
use copycat_core::time::Span;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

fn standard(bodies: &[&str]) -> Vec<OutMessage> {
    bodies.iter().map(|b| OutMessage::standard(*b)).collect()
}

fn bodies(messages: &[Received]) -> Vec<&str> {
    messages.iter().map(|m| m.body.as_str()).collect()
}

async fn send(queue: &dyn Queue, messages: Vec<OutMessage>) {
    let failures = queue.send_batch(messages).await.expect("send_batch");
    assert!(failures.is_empty(), "every entry should have been accepted: {failures:?}");
}

/// A received message that is not acked stays hidden for the visibility timeout, then comes
/// back: same id, body and send time, new receipt, higher receive count.
pub async fn unacked_message_is_redelivered_after_visibility_timeout(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    send(&*queue, standard(&["signal-1"])).await;
    let first = receive_up_to(&*queue, 1).await;
    assert_eq!(bodies(&first), ["signal-1"]);
    assert_eq!(first[0].receive_count, 1);
    assert!(queue.receive(10).await.expect("receive").is_empty(), "a received message is hidden until its visibility timeout passes");

    b.advance(PAST_VISIBILITY).await;
    let second = receive_up_to(&*queue, 1).await;
    assert_eq!(second.len(), 1, "an unacked message must come back after the visibility timeout");
    let (a, z) = (&first[0], &second[0]);
    assert_eq!((&z.message_id, &z.body, z.sent_at), (&a.message_id, &a.body, a.sent_at));
    assert_eq!(z.receive_count, 2);
    assert_ne!(z.receipt, a.receipt, "each delivery gets its own receipt");
}

/// An acked message is gone: never redelivered, not counted.
pub async fn acked_message_is_never_redelivered(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    send(&*queue, standard(&["handled", "dropped"])).await;
    let got = receive_up_to(&*queue, 2).await;
    assert_eq!(got.len(), 2);
    let handled = got.iter().find(|m| m.body == "handled").expect("handled received");
    queue.ack(&handled.receipt).await.expect("ack");
    b.advance(PAST_VISIBILITY).await;
    let again = receive_up_to(&*queue, 2).await;
    assert_eq!(bodies(&again), ["dropped"], "only the unacked message comes back");
    assert_eq!(queue.depth().await.expect("depth"), 1);
}

/// `receive_count` counts deliveries: 1, 2, 3…
pub async fn receive_count_increments_per_delivery(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 10).await;
    send(&*queue, standard(&["m"])).await;
    for expected in 1..=3 {
        let got = receive_up_to(&*queue, 1).await;
        assert_eq!(got.len(), 1, "delivery {expected}");
        assert_eq!(got[0].receive_count, expected);
        queue.set_visibility(&got[0].receipt, Span::zero()).await.expect("release");
    }
}

/// A message received `max_receive` times and still not acked moves to the dead-letter
/// queue with its body; handled messages never do.
pub async fn message_dead_letters_after_max_receive(b: &dyn Backend) {
    let (queue, dead_letter) = b.fresh_queue(false, VISIBILITY, 2).await;
    send(&*queue, standard(&["poison", "good"])).await;
    for delivery in 1..=2 {
        let got = receive_up_to(&*queue, 2).await;
        for message in got {
            if message.body == "good" {
                queue.ack(&message.receipt).await.expect("ack the good one");
            } else {
                assert_eq!((message.body.as_str(), message.receive_count), ("poison", delivery));
                queue.set_visibility(&message.receipt, Span::zero()).await.expect("fail it");
            }
        }
    }
    let third = receive_up_to(&*queue, 1).await;
    assert!(third.is_empty(), "after {} receives the message must not be delivered again: {third:?}", 2);
    assert_eq!(queue.depth().await.expect("depth"), 0);
    let dead = receive_up_to(&*dead_letter, 2).await;
    assert_eq!(bodies(&dead), ["poison"], "the poison message, and only it, is in the dead-letter queue");
}

/// FIFO: a group is delivered strictly in send order, and nothing more of a group is
/// delivered while one of its messages is in flight; other groups are not held up.
pub async fn fifo_group_blocks_while_in_flight_and_keeps_order(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(true, VISIBILITY, 5).await;
    let messages = vec![
        OutMessage::fifo("a1", "wallet-a", "a1"),
        OutMessage::fifo("a2", "wallet-a", "a2"),
        OutMessage::fifo("b1", "wallet-b", "b1"),
        OutMessage::fifo("a3", "wallet-a", "a3"),
    ];
    send(&*queue, messages).await;

    let first = receive_up_to(&*queue, 1).await;
    assert_eq!(bodies(&first), ["a1"], "the oldest message comes first");
    assert_eq!(first[0].group_id.as_deref(), Some("wallet-a"));
    let meanwhile = receive_up_to(&*queue, 10).await;
    assert_eq!(bodies(&meanwhile), ["b1"], "while a1 is in flight only other groups are delivered");

    queue.ack(&first[0].receipt).await.expect("ack a1");
    queue.ack(&meanwhile[0].receipt).await.expect("ack b1");
    assert_eq!(drain_bodies(&*queue, 2).await, ["a2", "a3"], "the group resumes in send order");

    send(&*queue, vec![OutMessage::fifo("a4", "wallet-a", "a4"), OutMessage::fifo("a5", "wallet-a", "a5")]).await;
    let taken = receive_up_to(&*queue, 1).await;
    assert_eq!(bodies(&taken), ["a4"]);
    b.advance(PAST_VISIBILITY).await;
    let retried = receive_up_to(&*queue, 1).await;
    assert_eq!(bodies(&retried), ["a4"], "an unacked head is redelivered before anything behind it");
    assert_eq!(retried[0].receive_count, 2);
}

/// FIFO: a message whose de-duplication id was sent within the window (in the same batch or
/// a later one) is accepted and silently dropped.
pub async fn fifo_duplicate_within_window_is_dropped(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(true, VISIBILITY, 5).await;
    let batch = vec![
        OutMessage::fifo("first", "g", "dedup-1"),
        OutMessage::fifo("same batch duplicate", "g", "dedup-1"),
        OutMessage::fifo("other", "g", "dedup-2"),
    ];
    send(&*queue, batch).await;
    send(&*queue, vec![OutMessage::fifo("resent", "other-group", "dedup-1")]).await;
    assert_eq!(drain_bodies(&*queue, 4).await, ["first", "other"]);
    assert_eq!(queue.depth().await.expect("depth"), 0);
}

/// FIFO: an entry without a group or de-duplication id fails on its own (not retryable); the
/// rest of the batch is sent.
pub async fn fifo_send_without_group_is_reported_per_entry(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(true, VISIBILITY, 5).await;
    let batch = vec![
        OutMessage::fifo("m0", "g", "d0"),
        OutMessage { body: "no group".into(), group_id: None, dedup_id: Some("d1".into()) },
        OutMessage { body: "no dedup".into(), group_id: Some("g".into()), dedup_id: None },
        OutMessage::fifo("m3", "g", "d3"),
    ];
    let failures = queue.send_batch(batch).await.expect("the batch call itself succeeds");
    let reported: Vec<(usize, bool)> = failures.iter().map(|f| (f.index, f.retryable)).collect();
    assert_eq!(reported, [(1, false), (2, false)], "{failures:?}");
    assert!(failures.iter().all(|f| !f.reason.is_empty()), "a failure says why");
    assert_eq!(drain_bodies(&*queue, 3).await, ["m0", "m3"]);
}

/// More than ten entries in one batch is refused whole; ten is accepted.
pub async fn batch_over_ten_is_refused(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    let eleven: Vec<OutMessage> = (0..=MAX_SEND_BATCH).map(|i| OutMessage::standard(format!("m{i}"))).collect();
    match queue.send_batch(eleven).await {
        Err(QueueError::Invalid { .. }) => {}
        other => panic!("a batch of 11 must be Invalid, got {other:?}"),
    }
    assert_eq!(queue.depth().await.expect("depth"), 0, "a refused batch sends nothing");
    let ten: Vec<OutMessage> = (0..MAX_SEND_BATCH).map(|i| OutMessage::standard(format!("m{i}"))).collect();
    send(&*queue, ten).await;
    assert_eq!(queue.depth().await.expect("depth"), MAX_SEND_BATCH as u64);
}

/// `receive(max)` never returns more than `max`, nor more than ten (the SQS limit).
pub async fn receive_returns_at_most_max_and_never_more_than_ten(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, Span::seconds(30), 5).await;
    for batch in 0..3 {
        send(&*queue, (0..10).map(|i| OutMessage::standard(format!("m{batch}-{i}"))).collect()).await;
    }
    let few = queue.receive(3).await.expect("receive");
    assert!(few.len() <= 3, "got {} from receive(3)", few.len());
    let many = queue.receive(25).await.expect("receive");
    assert!(many.len() <= 10, "got {} from receive(25)", many.len());
    let rest = receive_up_to(&*queue, 30).await;
    let seen: HashSet<String> = few.into_iter().chain(many).chain(rest).map(|m| m.message_id).collect();
    assert_eq!(seen.len(), 30, "whatever one receive left behind is still deliverable");
}

/// Acking with the receipt of an earlier delivery is `StaleReceipt` and does not delete the
/// message now held by someone else.
pub async fn stale_receipt_ack_is_an_error(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    send(&*queue, standard(&["m"])).await;
    let first = receive_one(&*queue).await;
    b.advance(PAST_VISIBILITY).await;
    let second = receive_one(&*queue).await;
    assert_eq!(second.message_id, first.message_id);
    match queue.ack(&first.receipt).await {
        Err(QueueError::StaleReceipt { .. }) => {}
        other => panic!("acking a stale receipt must be StaleReceipt, got {other:?}"),
    }
    assert_eq!(queue.depth().await.expect("depth"), 1, "a stale ack must not delete the redelivered message");
    queue.ack(&second.receipt).await.expect("the current receipt acks");
    assert_eq!(queue.depth().await.expect("depth"), 0);
}

/// `set_visibility(receipt, 0)` makes the message deliverable again at once.
pub async fn set_visibility_zero_redelivers_now(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, Span::seconds(30), 5).await;
    send(&*queue, standard(&["retry me"])).await;
    let first = receive_one(&*queue).await;
    queue.set_visibility(&first.receipt, Span::zero()).await.expect("set_visibility");
    let again = receive_up_to(&*queue, 1).await;
    assert_eq!(again.len(), 1, "released without waiting for the 30 s timeout");
    assert_eq!((&again[0].message_id, again[0].receive_count), (&first.message_id, 2));
}

/// `set_visibility(receipt, longer)` keeps the message hidden past the queue's timeout.
pub async fn set_visibility_extends_the_hiding(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    send(&*queue, standard(&["slow work"])).await;
    let first = receive_one(&*queue).await;
    queue.set_visibility(&first.receipt, Span::seconds(30)).await.expect("extend");
    b.advance(PAST_VISIBILITY).await;
    assert!(queue.receive(10).await.expect("receive").is_empty(), "still hidden: the timeout was extended");
    queue.ack(&first.receipt).await.expect("the receipt is still current");
}

/// `depth` counts waiting and in-flight messages, not acked ones.
pub async fn depth_counts_waiting_and_in_flight(b: &dyn Backend) {
    let (queue, _) = b.fresh_queue(false, Span::seconds(30), 5).await;
    assert_eq!(queue.depth().await.expect("depth"), 0);
    send(&*queue, standard(&["a", "b", "c"])).await;
    let one = receive_one(&*queue).await;
    assert_eq!(queue.depth().await.expect("depth"), 3, "in-flight messages still count");
    queue.ack(&one.receipt).await.expect("ack");
    assert_eq!(queue.depth().await.expect("depth"), 2);
}

/// Two fresh queues share nothing: messages, depth, receipts.
pub async fn fresh_queues_are_independent(b: &dyn Backend) {
    let (first, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    let (second, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    assert_ne!(first.name(), second.name());
    send(&*first, standard(&["only in first"])).await;
    assert_eq!(second.depth().await.expect("depth"), 0);
    assert!(second.receive(10).await.expect("receive").is_empty());
    let got = receive_one(&*first).await;
    assert!(second.ack(&got.receipt).await.is_err(), "a receipt of one queue acks nothing on another");
    assert_eq!(first.depth().await.expect("depth"), 1);
}

/// Several receivers polling at once never get the same message, and together get all.
pub async fn concurrent_receivers_never_get_the_same_message(b: &dyn Backend) {
    const MESSAGES: usize = 40;
    // Long enough that no message becomes visible again during the check, even on real time.
    let (queue, _) = b.fresh_queue(false, Span::seconds(60), 5).await;
    let failures = send_all(&*queue, (0..MESSAGES).map(|i| OutMessage::standard(format!("m{i}"))).collect()).await.expect("send_all");
    assert!(failures.is_empty(), "{failures:?}");

    let received = Arc::new(AtomicUsize::new(0));
    let receivers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, received) = (queue.clone(), received.clone());
            tokio::spawn(async move {
                let mut mine = Vec::new();
                let mut empty = 0;
                while received.load(Ordering::SeqCst) < MESSAGES && empty < 5 {
                    let batch = queue.receive(3).await.expect("receive");
                    if batch.is_empty() {
                        empty += 1;
                        tokio::task::yield_now().await;
                        continue;
                    }
                    empty = 0;
                    received.fetch_add(batch.len(), Ordering::SeqCst);
                    mine.extend(batch.into_iter().map(|m| m.message_id));
                }
                mine
            })
        })
        .collect();
    let mut all = Vec::new();
    for receiver in receivers {
        all.extend(receiver.await.expect("receiver task"));
    }
    let distinct: HashSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "some message was delivered to two receivers at once");
    assert_eq!(all.len(), MESSAGES, "together the receivers get every message");
}

/// Counts the batch sizes a queue is sent.
struct BatchRecorder {
    inner: Arc<dyn Queue>,
    batches: Mutex<Vec<usize>>,
}

#[async_trait]
impl Queue for BatchRecorder {
    fn name(&self) -> &str {
        self.inner.name()
    }
    async fn send_batch(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        self.batches.lock().expect("recorder lock").push(messages.len());
        self.inner.send_batch(messages).await
    }
    async fn receive(&self, max: usize) -> Result<Vec<Received>, QueueError> {
        self.inner.receive(max).await
    }
    async fn ack(&self, receipt: &str) -> Result<(), QueueError> {
        self.inner.ack(receipt).await
    }
    async fn set_visibility(&self, receipt: &str, timeout: Span) -> Result<(), QueueError> {
        self.inner.set_visibility(receipt, timeout).await
    }
    async fn depth(&self) -> Result<u64, QueueError> {
        self.inner.depth().await
    }
}

/// `send_all` sends any number of messages in batches of ten and reports failures by their
/// index in the whole list.
pub async fn send_all_chunks_by_ten(b: &dyn Backend) {
    let (plain, _) = b.fresh_queue(false, VISIBILITY, 5).await;
    let recorder = BatchRecorder { inner: plain, batches: Mutex::new(Vec::new()) };
    let failures = send_all(&recorder, (0..25).map(|i| OutMessage::standard(format!("m{i}"))).collect()).await.expect("send_all");
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(*recorder.batches.lock().expect("recorder lock"), [10, 10, 5]);
    assert_eq!(recorder.depth().await.expect("depth"), 25);

    let (fifo, _) = b.fresh_queue(true, VISIBILITY, 5).await;
    let recorder = BatchRecorder { inner: fifo, batches: Mutex::new(Vec::new()) };
    let messages = (0..23)
        .map(|i| {
            let group = (i != 13).then(|| format!("g{}", i % 3));
            OutMessage { body: format!("m{i}"), group_id: group, dedup_id: Some(format!("d{i}")) }
        })
        .collect();
    let failures = send_all(&recorder, messages).await.expect("send_all");
    assert_eq!(failures.iter().map(|f| f.index).collect::<Vec<_>>(), [13], "indices count across batches");
    assert_eq!(*recorder.batches.lock().expect("recorder lock"), [10, 10, 3]);
    assert_eq!(recorder.depth().await.expect("depth"), 22);
}
