//! Queue values: what is sent, what is received, what failed to send.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A message to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutMessage {
    /// The body (JSON text for every CopyCat queue).
    pub body: String,
    /// FIFO message group (required on FIFO queues; ignored on standard ones).
    pub group_id: Option<String>,
    /// FIFO de-duplication id (required on FIFO queues; ignored on standard ones).
    pub dedup_id: Option<String>,
}

impl OutMessage {
    /// A message for a standard queue.
    pub fn standard(body: impl Into<String>) -> Self {
        OutMessage { body: body.into(), group_id: None, dedup_id: None }
    }
    /// A message for a FIFO queue.
    pub fn fifo(body: impl Into<String>, group_id: impl Into<String>, dedup_id: impl Into<String>) -> Self {
        OutMessage { body: body.into(), group_id: Some(group_id.into()), dedup_id: Some(dedup_id.into()) }
    }
}

/// A received message, invisible to other consumers until its visibility timeout passes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// Stable id of the message across deliveries.
    pub message_id: String,
    /// Handle for ack / visibility changes of this delivery only.
    pub receipt: String,
    /// The body as sent.
    pub body: String,
    /// How many times it has been received, this delivery included (starts at 1).
    pub receive_count: u32,
    /// FIFO group, if any.
    pub group_id: Option<String>,
    /// When it was first sent.
    pub sent_at: Timestamp,
}

/// A send that failed for one entry of a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendFailure {
    /// Index of the entry in the batch.
    pub index: usize,
    /// Why it failed.
    pub reason: String,
    /// Whether resending may succeed.
    pub retryable: bool,
}

/// Most entries in one `send_batch` (SQS `SendMessageBatch` limit).
pub const MAX_SEND_BATCH: usize = 10;
