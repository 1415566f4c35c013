//! The SQS consumer loop every queue-triggered handler shares: one message at a time, failures
//! reported per item (so only they are redelivered, and end in the dead-letter queue after
//! `max_receive`), and on a FIFO queue the first failure fails every later message too, so a
//! leader's signals are never handled out of order.

use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent};
use lambda_runtime::Diagnostic;
use std::fmt::Display;

/// A record without a message id cannot be reported per item, so the whole batch fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SQS record {index} has no messageId; failing the whole batch")]
pub struct MissingMessageId {
    /// The record's position in the batch.
    pub index: usize,
}

impl From<MissingMessageId> for Diagnostic {
    fn from(e: MissingMessageId) -> Diagnostic {
        Diagnostic { error_type: "MissingMessageId".into(), error_message: e.to_string() }
    }
}

/// Whether a failure holds back the rest of the batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Standard queue: each message stands alone.
    Standard,
    /// FIFO queue: the first failure fails every later message of the batch.
    Fifo,
}

/// Runs `handle` on each record's body and builds the partial-batch response.
pub async fn for_each_message<E: Display>(
    event: &SqsEvent,
    delivery: Delivery,
    mut handle: impl AsyncFnMut(Option<&str>) -> Result<(), E>,
) -> Result<SqsBatchResponse, MissingMessageId> {
    let mut response = SqsBatchResponse::default();
    let mut failed = false;
    for (index, msg) in event.records.iter().enumerate() {
        let Some(id) = msg.message_id.clone().filter(|s| !s.is_empty()) else {
            return Err(MissingMessageId { index });
        };
        if failed && delivery == Delivery::Fifo {
            response.add_failure(id);
            continue;
        }
        if let Err(e) = handle(msg.body.as_deref()).await {
            tracing::warn!(message_id = %id, error = %e, "message not handled; it will be retried");
            response.add_failure(id);
            failed = true;
        }
    }
    Ok(response)
}
