//! `Queue` on SQS. Dead-lettering is the queue's own redrive policy; visibility is the queue's
//! own timeout (see `infra/resources.json`).
//!
//! Stale receipts: real SQS accepts a `DeleteMessage` with the receipt of an earlier delivery
//! (and may or may not delete), and moto deletes. The port says such an ack is `StaleReceipt`
//! and deletes nothing, so the adapter remembers, per queue and process, the newest receipt it
//! handed out for each message and refuses older ones before calling SQS. Receipts this process
//! never handed out (e.g. from a Lambda event) go to SQS as they are.
//!
//! Concurrent receives: moto picks and hides messages without a lock, so two concurrent
//! `ReceiveMessage` calls can get the same message (seen in the conformance suite under load).
//! Real SQS hides a message atomically; the adapter still serialises receives per queue within
//! a process, which costs little (short polls; in production Lambda's poller receives, not us)
//! and keeps the emulator faithful. Receivers in different processes are not serialised.

use crate::describe;
use async_trait::async_trait;
use aws_sdk_sqs::Client;
use aws_sdk_sqs::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sqs::types::{DeleteMessageBatchRequestEntry, MessageSystemAttributeName, QueueAttributeName, SendMessageBatchRequestEntry};
use copycat_core::message::{MAX_SEND_BATCH, OutMessage, Received, SendFailure};
use copycat_core::ports::{Queue, QueueError};
use copycat_core::time::{Span, from_millis};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Most messages one `ReceiveMessage` returns (SQS limit).
const MAX_RECEIVE: usize = 10;
/// Receipts remembered per queue before the oldest half is forgotten (bounds memory).
const RECEIPT_MEMORY: usize = 10_000;

/// Newest receipt per message id, and the message id of every receipt handed out.
#[derive(Debug, Default)]
struct Receipts {
    newest: HashMap<String, String>,
    message_of: HashMap<String, String>,
}

impl Receipts {
    fn remember(&mut self, message_id: &str, receipt: &str) {
        if self.message_of.len() >= RECEIPT_MEMORY {
            self.newest.clear();
            self.message_of.clear();
        }
        self.newest.insert(message_id.to_string(), receipt.to_string());
        self.message_of.insert(receipt.to_string(), message_id.to_string());
    }
    /// True when `receipt` was handed out here for a message that has been delivered again since.
    fn is_stale(&self, receipt: &str) -> bool {
        self.message_of.get(receipt).and_then(|id| self.newest.get(id)).is_some_and(|newest| newest != receipt)
    }
    fn forget(&mut self, receipt: &str) {
        if let Some(id) = self.message_of.remove(receipt)
            && self.newest.get(&id).is_some_and(|n| n == receipt)
        {
            self.newest.remove(&id);
        }
    }
}

/// The `Queue` port on one SQS queue (FIFO when its name ends in `.fifo`).
#[derive(Clone, Debug)]
pub struct SqsQueue {
    client: Client,
    url: String,
    name: String,
    fifo: bool,
    wait_secs: i32,
    receipts: Arc<Mutex<Receipts>>,
    receiving: Arc<tokio::sync::Mutex<()>>,
}

impl SqsQueue {
    /// A queue at `url` named `name`; receives are short polls (see [`SqsQueue::with_wait`]).
    pub fn new(client: Client, url: impl Into<String>, name: impl Into<String>) -> Self {
        let name = name.into();
        SqsQueue {
            client,
            url: url.into(),
            fifo: name.ends_with(".fifo"),
            name,
            wait_secs: 0,
            receipts: Arc::default(),
            receiving: Arc::default(),
        }
    }

    /// Looks the queue up by name.
    pub async fn open(client: Client, name: &str) -> Result<Self, QueueError> {
        let out = client.get_queue_url().queue_name(name).send().await.map_err(|e| failure(name, &e))?;
        let url = out.queue_url().ok_or_else(|| unavailable(name, "GetQueueUrl returned no URL".into()))?.to_string();
        Ok(Self::new(client, url, name))
    }

    /// Long-polls each receive for up to `secs` (0..=20) seconds.
    pub fn with_wait(mut self, secs: i32) -> Self {
        self.wait_secs = secs.clamp(0, 20);
        self
    }

    /// The queue's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn receipts(&self) -> std::sync::MutexGuard<'_, Receipts> {
        // A poisoned lock only means another task panicked mid-update of a cache.
        self.receipts.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn stale(&self) -> QueueError {
        QueueError::StaleReceipt { queue: self.name.clone() }
    }
}

fn unavailable(queue: &str, reason: String) -> QueueError {
    QueueError::Unavailable { queue: queue.to_string(), reason }
}

/// Maps an SDK failure: a bad receipt is `StaleReceipt`, a refused request `Invalid`, the rest
/// (transport, throttling, a missing queue) `Unavailable` with the call's context.
fn failure<E, R>(queue: &str, error: &SdkError<E, R>) -> QueueError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let reason = describe(error);
    match error.as_service_error().and_then(|e| e.code()) {
        Some("ReceiptHandleIsInvalid" | "AWS.SimpleQueueService.ReceiptHandleIsInvalid" | "InvalidReceiptHandle") => {
            QueueError::StaleReceipt { queue: queue.to_string() }
        }
        Some("MessageNotInflight" | "AWS.SimpleQueueService.MessageNotInflight") => QueueError::StaleReceipt { queue: queue.to_string() },
        Some(
            "InvalidParameterValue" | "MissingParameter" | "InvalidAttributeValue" | "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        ) => QueueError::Invalid { queue: queue.to_string(), reason },
        _ => unavailable(queue, reason),
    }
}

#[async_trait]
impl Queue for SqsQueue {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send_batch(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        if messages.len() > MAX_SEND_BATCH {
            return Err(QueueError::Invalid {
                queue: self.name.clone(),
                reason: format!("{} messages in one batch; at most {MAX_SEND_BATCH}", messages.len()),
            });
        }
        let mut failures = Vec::new();
        let mut entries = Vec::with_capacity(messages.len());
        for (index, message) in messages.into_iter().enumerate() {
            let mut entry = SendMessageBatchRequestEntry::builder().id(index.to_string()).message_body(message.body);
            if self.fifo {
                // SQS would refuse the whole batch; the port reports the entry alone.
                let (Some(group), Some(dedup)) = (message.group_id, message.dedup_id) else {
                    failures.push(SendFailure {
                        index,
                        reason: "a FIFO message needs a message group id and a de-duplication id".into(),
                        retryable: false,
                    });
                    continue;
                };
                entry = entry.message_group_id(group).message_deduplication_id(dedup);
            }
            entries.push(entry.build().map_err(|e| QueueError::Invalid { queue: self.name.clone(), reason: e.to_string() })?);
        }
        if entries.is_empty() {
            return Ok(failures);
        }
        let out = self
            .client
            .send_message_batch()
            .queue_url(&self.url)
            .set_entries(Some(entries))
            .send()
            .await
            .map_err(|e| failure(&self.name, &e))?;
        for failed in out.failed() {
            let index =
                failed.id().parse::<usize>().map_err(|_| unavailable(&self.name, format!("unknown batch entry id {}", failed.id())))?;
            let reason = format!("{}: {}", failed.code(), failed.message().unwrap_or("no message"));
            failures.push(SendFailure { index, reason, retryable: !failed.sender_fault() });
        }
        failures.sort_by_key(|f| f.index);
        Ok(failures)
    }

    async fn receive(&self, max: usize) -> Result<Vec<Received>, QueueError> {
        if max == 0 {
            return Ok(Vec::new());
        }
        let serial = self.receiving.lock().await;
        let out = self
            .client
            .receive_message()
            .queue_url(&self.url)
            .max_number_of_messages(max.min(MAX_RECEIVE) as i32)
            .wait_time_seconds(self.wait_secs)
            .message_system_attribute_names(MessageSystemAttributeName::All)
            .send()
            .await
            .map_err(|e| failure(&self.name, &e))?;
        drop(serial);
        let mut received = Vec::new();
        for message in out.messages() {
            let attribute = |name: MessageSystemAttributeName| message.attributes().and_then(|a| a.get(&name)).cloned();
            let bad = |what: &str| unavailable(&self.name, format!("received message without {what}"));
            let message_id = message.message_id().ok_or_else(|| bad("a message id"))?.to_string();
            let receipt = message.receipt_handle().ok_or_else(|| bad("a receipt handle"))?.to_string();
            let receive_count = attribute(MessageSystemAttributeName::ApproximateReceiveCount).and_then(|c| c.parse().ok()).unwrap_or(1);
            let sent_at = attribute(MessageSystemAttributeName::SentTimestamp)
                .and_then(|t| t.parse::<i64>().ok())
                .map(from_millis)
                .ok_or_else(|| bad("SentTimestamp"))?;
            self.receipts().remember(&message_id, &receipt);
            received.push(Received {
                message_id,
                receipt,
                body: message.body().unwrap_or_default().to_string(),
                receive_count,
                group_id: attribute(MessageSystemAttributeName::MessageGroupId),
                sent_at,
            });
        }
        Ok(received)
    }

    async fn ack(&self, receipt: &str) -> Result<(), QueueError> {
        if self.receipts().is_stale(receipt) {
            return Err(self.stale());
        }
        self.client.delete_message().queue_url(&self.url).receipt_handle(receipt).send().await.map_err(|e| failure(&self.name, &e))?;
        self.receipts().forget(receipt);
        Ok(())
    }

    async fn ack_batch(&self, receipts: &[String]) -> Result<Vec<usize>, QueueError> {
        let mut stale = Vec::new();
        let mut current = Vec::new();
        {
            let known = self.receipts();
            for (i, receipt) in receipts.iter().enumerate() {
                if known.is_stale(receipt) { stale.push(i) } else { current.push(i) }
            }
        }
        for chunk in current.chunks(MAX_SEND_BATCH) {
            let entries = chunk
                .iter()
                .map(|&i| DeleteMessageBatchRequestEntry::builder().id(i.to_string()).receipt_handle(&receipts[i]).build())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| QueueError::Invalid { queue: self.name.clone(), reason: e.to_string() })?;
            let out = self
                .client
                .delete_message_batch()
                .queue_url(&self.url)
                .set_entries(Some(entries))
                .send()
                .await
                .map_err(|e| failure(&self.name, &e))?;
            for failed in out.failed() {
                let index =
                    failed.id().parse::<usize>().map_err(|_| unavailable(&self.name, format!("unknown batch entry id {}", failed.id())))?;
                if failed.code().contains("ReceiptHandleIsInvalid") || failed.code().contains("InvalidReceiptHandle") {
                    stale.push(index);
                } else {
                    return Err(unavailable(&self.name, format!("DeleteMessageBatch entry {index}: {}", failed.code())));
                }
            }
            let mut known = self.receipts();
            for &i in chunk {
                known.forget(&receipts[i]);
            }
        }
        stale.sort_unstable();
        Ok(stale)
    }

    async fn set_visibility(&self, receipt: &str, timeout: Span) -> Result<(), QueueError> {
        if self.receipts().is_stale(receipt) {
            return Err(self.stale());
        }
        // SQS takes whole seconds, 0..=43200.
        let secs = timeout.num_seconds().clamp(0, 43_200) as i32;
        self.client
            .change_message_visibility()
            .queue_url(&self.url)
            .receipt_handle(receipt)
            .visibility_timeout(secs)
            .send()
            .await
            .map_err(|e| failure(&self.name, &e))?;
        Ok(())
    }

    async fn depth(&self) -> Result<u64, QueueError> {
        let counts = [
            QueueAttributeName::ApproximateNumberOfMessages,
            QueueAttributeName::ApproximateNumberOfMessagesNotVisible,
            QueueAttributeName::ApproximateNumberOfMessagesDelayed,
        ];
        let out = self
            .client
            .get_queue_attributes()
            .queue_url(&self.url)
            .set_attribute_names(Some(counts.to_vec()))
            .send()
            .await
            .map_err(|e| failure(&self.name, &e))?;
        let attributes = out.attributes();
        Ok(counts.iter().filter_map(|c| attributes.and_then(|a| a.get(c)).and_then(|v| v.parse::<u64>().ok())).sum())
    }
}
