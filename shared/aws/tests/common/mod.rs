//! The AWS backend on a moto server: one emulator per test process (started on first use,
//! stopped when the process exits), or the one at `$COPYCAT_AWS_ENDPOINT` when the test script
//! started a shared one. Every store gets a fresh table and every queue a fresh name.

#![allow(dead_code)]

use copycat_aws::resources::{DeadLetterDef, QueueDef, TableDef, create_queue, create_table};
use copycat_aws::{AwsClients, DynamoStore, SqsQueue};
use copycat_conformance::{Backend, async_trait};
use copycat_core::ports::{Queue, StateStore};
use copycat_core::time::Span;
use std::sync::Arc;

pub use copycat_lambda_harness::{emulator_endpoint as endpoint, unique};

/// Clients, fresh tables and fresh queues on the emulator.
pub struct AwsBackend {
    pub clients: AwsClients,
}

impl AwsBackend {
    pub async fn new() -> Self {
        let endpoint = tokio::task::spawn_blocking(endpoint).await.expect("emulator start");
        AwsBackend { clients: AwsClients::for_endpoint(&endpoint).await }
    }

    /// A store over a new, empty table.
    pub async fn store(&self) -> DynamoStore {
        let table = TableDef {
            name: unique("state"),
            partition_key: "pk".into(),
            sort_key: "sk".into(),
            ttl_attribute: "ttl".into(),
            billing_mode: "PAY_PER_REQUEST".into(),
        };
        create_table(&self.clients.dynamodb, &table).await.expect("create table");
        DynamoStore::new(self.clients.dynamodb.clone(), table.name)
    }

    /// A new queue and its dead-letter queue.
    pub async fn queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (SqsQueue, SqsQueue) {
        let suffix = if fifo { ".fifo" } else { "" };
        let base = unique("q");
        let def = QueueDef {
            role: "test".into(),
            name: format!("{base}{suffix}"),
            fifo,
            visibility_timeout_secs: visibility.num_seconds() as u32,
            dead_letter: DeadLetterDef { name: format!("{base}-dlq{suffix}"), max_receive, retention_secs: 3600 },
        };
        let (url, dlq_url) = create_queue(&self.clients.sqs, &def).await.expect("create queue");
        let sqs = &self.clients.sqs;
        (SqsQueue::new(sqs.clone(), url, def.name), SqsQueue::new(sqs.clone(), dlq_url, def.dead_letter.name))
    }
}

#[async_trait]
impl Backend for AwsBackend {
    async fn fresh_store(&self) -> Arc<dyn StateStore> {
        Arc::new(self.store().await)
    }
    async fn fresh_queue(&self, fifo: bool, visibility: Span, max_receive: u32) -> (Arc<dyn Queue>, Arc<dyn Queue>) {
        let (queue, dlq) = self.queue(fifo, visibility, max_receive).await;
        (Arc::new(queue), Arc::new(dlq))
    }
    async fn advance(&self, by: Span) {
        // The emulator's timeouts run on real time.
        tokio::time::sleep(by.to_std().unwrap_or_default()).await;
    }
}
