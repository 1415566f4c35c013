//! The table and queues CopyCat needs, from the one definition in `infra/resources.json`, and
//! their idempotent creation (for emulators, `copycat demo --backend aws` and tests; production
//! creates them from `template.yaml`, which a test holds to the same file).

use crate::{AwsClients, describe};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, DeleteRequest, KeySchemaElement, KeyType, ScalarAttributeType,
    TimeToLiveSpecification, TimeToLiveStatus, WriteRequest,
};
use aws_sdk_sqs::types::QueueAttributeName;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The text of `infra/resources.json`, compiled in.
pub const RESOURCES_JSON: &str = include_str!("../../../infra/resources.json");

/// Everything CopyCat needs on AWS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// The single state table.
    pub table: TableDef,
    /// The queues, each with its dead-letter queue.
    pub queues: Vec<QueueDef>,
}

/// The state table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableDef {
    /// Table name.
    pub name: String,
    /// Partition key attribute (string).
    pub partition_key: String,
    /// Sort key attribute (string).
    pub sort_key: String,
    /// TTL attribute (epoch seconds).
    pub ttl_attribute: String,
    /// `PAY_PER_REQUEST` (on-demand).
    pub billing_mode: String,
}

/// One queue and its dead-letter queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueDef {
    /// What it carries: `candidates`, `signals`, `notifications`.
    pub role: String,
    /// Queue name (FIFO names end in `.fifo`).
    pub name: String,
    /// FIFO queue.
    pub fifo: bool,
    /// Visibility timeout, seconds (at least 6× the consumer's function timeout).
    pub visibility_timeout_secs: u32,
    /// Where messages go after `max_receive` receives.
    pub dead_letter: DeadLetterDef,
}

/// A dead-letter queue and the redrive policy that feeds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetterDef {
    /// Queue name (FIFO when the source queue is FIFO).
    pub name: String,
    /// `maxReceiveCount` of the source queue's redrive policy.
    pub max_receive: u32,
    /// How long dead letters are kept, seconds.
    pub retention_secs: u32,
}

/// What can go wrong reading the definitions or creating the resources.
#[derive(Debug, thiserror::Error)]
pub enum ProvisionError {
    /// `infra/resources.json` is malformed.
    #[error("infra/resources.json is invalid: {0}")]
    Definition(String),
    /// A create or describe call failed.
    #[error("creating {resource} failed: {reason}")]
    Create {
        /// Table or queue name.
        resource: String,
        /// What the service said.
        reason: String,
    },
}

impl Resources {
    /// The definitions compiled in from `infra/resources.json`.
    pub fn builtin() -> Self {
        Self::parse(RESOURCES_JSON).expect("infra/resources.json is checked by this crate's tests")
    }

    /// Parses and checks a definitions document.
    pub fn parse(text: &str) -> Result<Self, ProvisionError> {
        let resources: Resources = serde_json::from_str(text).map_err(|e| ProvisionError::Definition(e.to_string()))?;
        for q in &resources.queues {
            let bad = |rule: &str| Err(ProvisionError::Definition(format!("queue {}: {rule}", q.name)));
            if q.fifo != q.name.ends_with(".fifo") || q.fifo != q.dead_letter.name.ends_with(".fifo") {
                return bad("a FIFO queue and its dead-letter queue have names ending in .fifo, others do not");
            }
            if !(1..=1000).contains(&q.dead_letter.max_receive) {
                return bad("max_receive must be in 1..=1000 (SQS maxReceiveCount)");
            }
            if q.visibility_timeout_secs > 43_200 {
                return bad("visibility_timeout_secs must be at most 43200 (SQS limit)");
            }
        }
        Ok(resources)
    }

    /// The queue with this role.
    pub fn queue(&self, role: &str) -> Option<&QueueDef> {
        self.queues.iter().find(|q| q.role == role)
    }
}

/// Where the created resources are: the table name and each queue's URL by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provisioned {
    /// The state table.
    pub table: String,
    /// Queue URL by queue name (dead-letter queues included).
    pub queue_urls: BTreeMap<String, String>,
}

/// Creates the table and every queue (dead-letter queues first, with redrive policies) unless
/// they exist; safe to run again.
pub async fn create_resources(clients: &AwsClients, resources: &Resources) -> Result<Provisioned, ProvisionError> {
    create_table(&clients.dynamodb, &resources.table).await?;
    let mut provisioned = Provisioned { table: resources.table.name.clone(), ..Default::default() };
    for queue in &resources.queues {
        let (url, dlq_url) = create_queue(&clients.sqs, queue).await?;
        provisioned.queue_urls.insert(queue.name.clone(), url);
        provisioned.queue_urls.insert(queue.dead_letter.name.clone(), dlq_url);
    }
    Ok(provisioned)
}

/// Empties what [`create_resources`] made: deletes every item of the table and purges every
/// queue (dead-letter queues included). For a fresh `copycat demo --backend aws` on an emulator;
/// never called on a deployed stack.
pub async fn reset_resources(clients: &AwsClients, provisioned: &Provisioned) -> Result<ResetReport, ProvisionError> {
    let table = &provisioned.table;
    let fail = |resource: &str, reason: String| ProvisionError::Create { resource: resource.to_string(), reason };
    let mut report = ResetReport::default();
    let mut start: Option<HashMap<String, AttributeValue>> = None;
    loop {
        let page = clients
            .dynamodb
            .scan()
            .table_name(table)
            .projection_expression("#pk, #sk")
            .expression_attribute_names("#pk", crate::store::attr::PK)
            .expression_attribute_names("#sk", crate::store::attr::SK)
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .map_err(|e| fail(table, describe(&e)))?;
        let keys: Vec<HashMap<String, AttributeValue>> = page.items().to_vec();
        for chunk in keys.chunks(MAX_BATCH_WRITE) {
            let mut pending: Vec<WriteRequest> = chunk
                .iter()
                .map(|key| {
                    DeleteRequest::builder().set_key(Some(key.clone())).build().map(|d| WriteRequest::builder().delete_request(d).build())
                })
                .collect::<Result<_, _>>()
                .map_err(|e| fail(table, e.to_string()))?;
            // BatchWriteItem may hand back unprocessed requests under load: resend them.
            for _ in 0..MAX_BATCH_ATTEMPTS {
                if pending.is_empty() {
                    break;
                }
                let out = clients
                    .dynamodb
                    .batch_write_item()
                    .request_items(table, std::mem::take(&mut pending))
                    .send()
                    .await
                    .map_err(|e| fail(table, describe(&e)))?;
                pending = out.unprocessed_items().and_then(|u| u.get(table)).cloned().unwrap_or_default();
            }
            if !pending.is_empty() {
                return Err(fail(table, format!("{} deletes still unprocessed after {MAX_BATCH_ATTEMPTS} attempts", pending.len())));
            }
            report.items_deleted += chunk.len() as u64;
        }
        match page.last_evaluated_key() {
            Some(k) if !k.is_empty() => start = Some(k.clone()),
            _ => break,
        }
    }
    for (name, url) in &provisioned.queue_urls {
        clients.sqs.purge_queue().queue_url(url).send().await.map_err(|e| fail(name, describe(&e)))?;
        report.queues_purged += 1;
    }
    Ok(report)
}

/// What [`reset_resources`] removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResetReport {
    /// Table items deleted.
    pub items_deleted: u64,
    /// Queues purged.
    pub queues_purged: u64,
}

/// Most requests in one `BatchWriteItem` (DynamoDB limit).
const MAX_BATCH_WRITE: usize = 25;
/// Attempts at a batch whose requests come back unprocessed.
const MAX_BATCH_ATTEMPTS: usize = 8;

/// Creates the state table (on-demand, `pk`/`sk` strings) and enables its TTL, unless done.
pub async fn create_table(client: &aws_sdk_dynamodb::Client, table: &TableDef) -> Result<(), ProvisionError> {
    let fail = |reason: String| ProvisionError::Create { resource: table.name.clone(), reason };
    let key = |name: &str, kind: KeyType| {
        KeySchemaElement::builder().attribute_name(name).key_type(kind).build().map_err(|e| fail(e.to_string()))
    };
    let string = |name: &str| {
        AttributeDefinition::builder().attribute_name(name).attribute_type(ScalarAttributeType::S).build().map_err(|e| fail(e.to_string()))
    };
    let created = client
        .create_table()
        .table_name(&table.name)
        .billing_mode(BillingMode::from(table.billing_mode.as_str()))
        .key_schema(key(&table.partition_key, KeyType::Hash)?)
        .key_schema(key(&table.sort_key, KeyType::Range)?)
        .attribute_definitions(string(&table.partition_key)?)
        .attribute_definitions(string(&table.sort_key)?)
        .send()
        .await;
    if let Err(e) = created
        && !e.as_service_error().is_some_and(|s| s.is_resource_in_use_exception())
    {
        return Err(fail(describe(&e)));
    }
    // Wait until ACTIVE (immediate on the emulator, seconds on AWS).
    for _ in 0..120 {
        let out = client.describe_table().table_name(&table.name).send().await.map_err(|e| fail(describe(&e)))?;
        if out.table().and_then(|t| t.table_status()).is_some_and(|s| s.as_str() == "ACTIVE") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    // Enabling TTL twice is an error on AWS: look first.
    let ttl = client.describe_time_to_live().table_name(&table.name).send().await.map_err(|e| fail(describe(&e)))?;
    let status = ttl.time_to_live_description().and_then(|d| d.time_to_live_status());
    if !matches!(status, Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling)) {
        let spec = TimeToLiveSpecification::builder()
            .enabled(true)
            .attribute_name(&table.ttl_attribute)
            .build()
            .map_err(|e| fail(e.to_string()))?;
        client
            .update_time_to_live()
            .table_name(&table.name)
            .time_to_live_specification(spec)
            .send()
            .await
            .map_err(|e| fail(describe(&e)))?;
    }
    Ok(())
}

/// Creates a queue's dead-letter queue, then the queue with its redrive policy; returns both URLs.
pub async fn create_queue(client: &aws_sdk_sqs::Client, queue: &QueueDef) -> Result<(String, String), ProvisionError> {
    let dlq = &queue.dead_letter;
    let mut dlq_attributes = HashMap::from([(QueueAttributeName::MessageRetentionPeriod, dlq.retention_secs.to_string())]);
    if queue.fifo {
        dlq_attributes.insert(QueueAttributeName::FifoQueue, "true".into());
    }
    let dlq_url = create_one(client, &dlq.name, dlq_attributes).await?;
    let arn = client
        .get_queue_attributes()
        .queue_url(&dlq_url)
        .attribute_names(QueueAttributeName::QueueArn)
        .send()
        .await
        .map_err(|e| ProvisionError::Create { resource: dlq.name.clone(), reason: describe(&e) })?
        .attributes()
        .and_then(|a| a.get(&QueueAttributeName::QueueArn).cloned())
        .ok_or_else(|| ProvisionError::Create { resource: dlq.name.clone(), reason: "no QueueArn attribute".into() })?;
    let redrive = serde_json::json!({ "deadLetterTargetArn": arn, "maxReceiveCount": dlq.max_receive }).to_string();
    let mut attributes = HashMap::from([
        (QueueAttributeName::VisibilityTimeout, queue.visibility_timeout_secs.to_string()),
        (QueueAttributeName::RedrivePolicy, redrive),
    ]);
    if queue.fifo {
        attributes.insert(QueueAttributeName::FifoQueue, "true".into());
    }
    let url = create_one(client, &queue.name, attributes).await?;
    Ok((url, dlq_url))
}

/// `CreateQueue` is idempotent when the attributes match; when they differ the existing queue
/// is kept and its attributes are brought in line.
async fn create_one(
    client: &aws_sdk_sqs::Client,
    name: &str,
    attributes: HashMap<QueueAttributeName, String>,
) -> Result<String, ProvisionError> {
    let fail = |reason: String| ProvisionError::Create { resource: name.to_string(), reason };
    match client.create_queue().queue_name(name).set_attributes(Some(attributes.clone())).send().await {
        Ok(out) => out.queue_url().map(str::to_string).ok_or_else(|| fail("CreateQueue returned no URL".into())),
        Err(e) if e.as_service_error().is_some_and(|s| s.is_queue_name_exists()) => {
            let url = client.get_queue_url().queue_name(name).send().await.map_err(|e| fail(describe(&e)))?;
            let url = url.queue_url().map(str::to_string).ok_or_else(|| fail("GetQueueUrl returned no URL".into()))?;
            let mut settable = attributes;
            settable.remove(&QueueAttributeName::FifoQueue); // fixed at creation
            client.set_queue_attributes().queue_url(&url).set_attributes(Some(settable)).send().await.map_err(|e| fail(describe(&e)))?;
            Ok(url)
        }
        Err(e) => Err(fail(describe(&e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_definitions_parse_and_match_the_config_defaults() {
        let resources = Resources::builtin();
        let defaults = copycat_core::config::QueuesConfig::default();
        for role in ["candidates", "signals", "notifications"] {
            let q = resources.queue(role).unwrap_or_else(|| panic!("queue role {role} is defined"));
            assert_eq!(u64::from(q.visibility_timeout_secs), defaults.visibility_timeout_secs, "{role}: visibility");
            assert_eq!(q.dead_letter.max_receive, defaults.max_receive, "{role}: max_receive");
        }
        assert!(resources.queue("signals").is_some_and(|q| q.fifo), "signals are FIFO per wallet");
        assert_eq!(resources.table.ttl_attribute, crate::store::attr::TTL, "the store writes the TTL attribute the table declares");
        assert_eq!(
            (resources.table.partition_key.as_str(), resources.table.sort_key.as_str()),
            (crate::store::attr::PK, crate::store::attr::SK)
        );
    }

    #[test]
    fn a_fifo_queue_with_a_standard_dead_letter_queue_is_refused() {
        let mut resources = Resources::builtin();
        resources.queues[1].dead_letter.name = "plain-dlq".into();
        let text = serde_json::to_string(&resources).unwrap();
        assert!(matches!(Resources::parse(&text), Err(ProvisionError::Definition(_))));
    }
}
