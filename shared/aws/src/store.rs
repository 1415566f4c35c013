//! `StateStore` on one DynamoDB table: item `{pk, sk, version, body, ttl}`, the body as JSON
//! text (so it round-trips exactly), `ttl` in whole epoch seconds (DynamoDB's TTL attribute).

use crate::describe;
use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::{AttributeValue, Delete, KeysAndAttributes, Put, ReturnValuesOnConditionCheckFailure, TransactWriteItem};
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::store::{Key, MAX_TRANSACTION_WRITES, Record, Write};
use copycat_core::time::{Timestamp, from_secs};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

type Item = HashMap<String, AttributeValue>;

/// Attribute names of a state item. `TTL` must equal `table.ttl_attribute` in
/// `infra/resources.json` (a test checks it).
pub(crate) mod attr {
    /// Partition key.
    pub const PK: &str = "pk";
    /// Sort key.
    pub const SK: &str = "sk";
    /// Record version.
    pub const VERSION: &str = "version";
    /// JSON body as text.
    pub const BODY: &str = "body";
    /// Garbage-collection time, epoch seconds.
    pub const TTL: &str = "ttl";
}

/// Most keys in one `BatchGetItem` (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html).
const MAX_BATCH_GET: usize = 100;
/// Rounds of retrying unprocessed keys before reporting `Throttled`.
const BATCH_GET_ROUNDS: u32 = 8;

/// The `StateStore` port on one DynamoDB table (strongly consistent reads, conditional writes).
#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    /// A store over `table` (which must exist; see [`crate::resources`]).
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        DynamoStore { client, table: table.into() }
    }

    /// The table's name.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// A cheap call that opens the TLS connection (used during Lambda init so the first real
    /// call is not the slow one). A missing record is fine.
    pub async fn warm_up(&self) -> Result<(), StoreError> {
        self.get(&Key::new("WARMUP", "WARMUP")).await.map(|_| ())
    }

    fn item(key: &Key, version: u64, body: &serde_json::Value, expires_at: Option<Timestamp>) -> Item {
        let mut item = key_item(key);
        item.insert(attr::VERSION.into(), AttributeValue::N(version.to_string()));
        item.insert(attr::BODY.into(), AttributeValue::S(body.to_string()));
        if let Some(at) = expires_at {
            item.insert(attr::TTL.into(), AttributeValue::N(at.timestamp().to_string()));
        }
        item
    }

    fn record(key: &Key, version: u64, body: serde_json::Value, expires_at: Option<Timestamp>) -> Record {
        // What a read returns: TTL is kept in whole seconds.
        Record { key: key.clone(), version, body, expires_at: expires_at.map(|t| from_secs(t.timestamp())) }
    }
}

fn key_item(key: &Key) -> Item {
    HashMap::from([(attr::PK.to_string(), AttributeValue::S(key.pk.clone())), (attr::SK.to_string(), AttributeValue::S(key.sk.clone()))])
}

/// Decodes a stored item; anything malformed is `Corrupt`, naming the attribute.
fn decode(item: &Item) -> Result<Record, StoreError> {
    let text = |name: &str| item.get(name).and_then(|v| v.as_s().ok()).cloned();
    let key = Key::new(text(attr::PK).unwrap_or_default(), text(attr::SK).unwrap_or_default());
    let corrupt = |reason: String| StoreError::Corrupt { key: key.clone(), reason };
    let version = item
        .get(attr::VERSION)
        .and_then(|v| v.as_n().ok())
        .ok_or_else(|| corrupt("attribute `version` is missing or not a number".into()))?
        .parse::<u64>()
        .map_err(|e| corrupt(format!("attribute `version` is not a whole number: {e}")))?;
    let body_text = text(attr::BODY).ok_or_else(|| corrupt("attribute `body` is missing or not a string".into()))?;
    let body = serde_json::from_str(&body_text).map_err(|e| corrupt(format!("attribute `body` is not JSON: {e}")))?;
    let expires_at = match item.get(attr::TTL) {
        None => None,
        Some(v) => {
            let secs =
                v.as_n().ok().and_then(|n| n.parse::<i64>().ok()).ok_or_else(|| corrupt("attribute `ttl` is not epoch seconds".into()))?;
            Some(from_secs(secs))
        }
    };
    Ok(Record { key, version, body, expires_at })
}

/// Maps an SDK failure that is not a lost condition: throttling → `Throttled`, the rest of the
/// service and transport errors → `Unavailable` (with the call and the table for context).
fn failure<E, R>(call: &str, table: &str, error: &SdkError<E, R>) -> StoreError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let context = format!("{call} on table {table}: {}", describe(error));
    match error {
        SdkError::ServiceError(service) => match service.err().code() {
            Some("ProvisionedThroughputExceededException" | "ThrottlingException" | "RequestLimitExceeded" | "LimitExceededException") => {
                StoreError::Throttled(context)
            }
            Some("ValidationException") => StoreError::Invalid(context),
            _ => StoreError::Unavailable(context),
        },
        SdkError::ConstructionFailure(_) => StoreError::Invalid(context),
        _ => StoreError::Unavailable(context),
    }
}

fn version_value(v: u64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

#[async_trait]
impl StateStore for DynamoStore {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key_item(key)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| failure("GetItem", &self.table, &e))?;
        out.item().map(decode).transpose()
    }

    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        // BatchGetItem refuses duplicate keys and more than 100 keys: dedupe, then chunk.
        let mut unique: Vec<&Key> = Vec::new();
        let mut seen = HashSet::new();
        for key in keys {
            if seen.insert(key) {
                unique.push(key);
            }
        }
        let mut found: HashMap<Key, Record> = HashMap::new();
        for chunk in unique.chunks(MAX_BATCH_GET) {
            let mut pending: Vec<Item> = chunk.iter().map(|k| key_item(k)).collect();
            let mut round = 0;
            while !pending.is_empty() {
                if round == BATCH_GET_ROUNDS {
                    return Err(StoreError::Throttled(format!(
                        "BatchGetItem on table {}: {} keys still unprocessed after {round} rounds",
                        self.table,
                        pending.len()
                    )));
                }
                if round > 0 {
                    tokio::time::sleep(Duration::from_millis(25 << round.min(5))).await;
                }
                round += 1;
                let request = KeysAndAttributes::builder()
                    .set_keys(Some(std::mem::take(&mut pending)))
                    .consistent_read(true)
                    .build()
                    .map_err(|e| StoreError::Invalid(format!("BatchGetItem request: {e}")))?;
                let out = self
                    .client
                    .batch_get_item()
                    .request_items(&self.table, request)
                    .send()
                    .await
                    .map_err(|e| failure("BatchGetItem", &self.table, &e))?;
                for item in out.responses().and_then(|r| r.get(&self.table)).into_iter().flatten() {
                    let record = decode(item)?;
                    found.insert(record.key.clone(), record);
                }
                if let Some(left) = out.unprocessed_keys().and_then(|u| u.get(&self.table)) {
                    pending = left.keys().to_vec();
                }
            }
        }
        Ok(keys.iter().map(|k| found.get(k).cloned()).collect())
    }

    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(Self::item(key, 1, &body, expires_at)))
            .condition_expression("attribute_not_exists(#pk)")
            .expression_attribute_names("#pk", attr::PK)
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(Self::record(key, 1, body, expires_at)),
            Err(e) => match e.as_service_error() {
                Some(aws_sdk_dynamodb::operation::put_item::PutItemError::ConditionalCheckFailedException(lost)) => {
                    Err(conflict(key, None, lost.item())?)
                }
                _ => Err(failure("PutItem", &self.table, &e)),
            },
        }
    }

    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        expected_version: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError> {
        let next = expected_version + 1;
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(Self::item(key, next, &body, expires_at)))
            .condition_expression("#v = :expected")
            .expression_attribute_names("#v", attr::VERSION)
            .expression_attribute_values(":expected", version_value(expected_version))
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(Self::record(key, next, body, expires_at)),
            Err(e) => match e.as_service_error() {
                Some(aws_sdk_dynamodb::operation::put_item::PutItemError::ConditionalCheckFailedException(lost)) => {
                    Err(conflict(key, Some(expected_version), lost.item())?)
                }
                _ => Err(failure("PutItem", &self.table, &e)),
            },
        }
    }

    async fn delete_if_version(&self, key: &Key, expected_version: u64) -> Result<(), StoreError> {
        let result = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key_item(key)))
            .condition_expression("#v = :expected")
            .expression_attribute_names("#v", attr::VERSION)
            .expression_attribute_values(":expected", version_value(expected_version))
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) => match e.as_service_error() {
                Some(aws_sdk_dynamodb::operation::delete_item::DeleteItemError::ConditionalCheckFailedException(lost)) => {
                    Err(conflict(key, Some(expected_version), lost.item())?)
                }
                _ => Err(failure("DeleteItem", &self.table, &e)),
            },
        }
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        // DynamoDB refuses an empty TransactWriteItems; the port calls it a success.
        if writes.is_empty() {
            return Ok(());
        }
        if writes.len() > MAX_TRANSACTION_WRITES {
            return Err(StoreError::Invalid(format!("{} writes in one transaction; at most {MAX_TRANSACTION_WRITES}", writes.len())));
        }
        let mut keys = HashSet::new();
        for write in &writes {
            if !keys.insert(write.key()) {
                return Err(StoreError::Invalid(format!("two writes on {} in one transaction", write.key())));
            }
        }
        let invalid = |e: aws_sdk_dynamodb::error::BuildError| StoreError::Invalid(format!("TransactWriteItems request: {e}"));
        let mut items = Vec::with_capacity(writes.len());
        for write in &writes {
            let item = match write {
                Write::PutIfAbsent { key, body, expires_at } => TransactWriteItem::builder().put(
                    Put::builder()
                        .table_name(&self.table)
                        .set_item(Some(Self::item(key, 1, body, *expires_at)))
                        .condition_expression("attribute_not_exists(#pk)")
                        .expression_attribute_names("#pk", attr::PK)
                        .build()
                        .map_err(invalid)?,
                ),
                Write::PutIfVersion { key, body, expected_version, expires_at } => TransactWriteItem::builder().put(
                    Put::builder()
                        .table_name(&self.table)
                        .set_item(Some(Self::item(key, expected_version + 1, body, *expires_at)))
                        .condition_expression("#v = :expected")
                        .expression_attribute_names("#v", attr::VERSION)
                        .expression_attribute_values(":expected", version_value(*expected_version))
                        .build()
                        .map_err(invalid)?,
                ),
                Write::DeleteIfVersion { key, expected_version } => TransactWriteItem::builder().delete(
                    Delete::builder()
                        .table_name(&self.table)
                        .set_key(Some(key_item(key)))
                        .condition_expression("#v = :expected")
                        .expression_attribute_names("#v", attr::VERSION)
                        .expression_attribute_values(":expected", version_value(*expected_version))
                        .build()
                        .map_err(invalid)?,
                ),
            };
            items.push(item.build());
        }
        let result = self.client.transact_write_items().set_transact_items(Some(items)).send().await;
        match result {
            Ok(_) => Ok(()),
            Err(e) => match e.as_service_error() {
                Some(aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(
                    cancelled,
                )) => {
                    let reasons = cancelled.cancellation_reasons();
                    let code = |i: usize| reasons.get(i).and_then(|r| r.code()).unwrap_or("None");
                    // A failed condition names its write. A write that collided with a
                    // concurrent transaction is also a lost race: the caller re-reads and
                    // re-decides, which is always safe.
                    let guilty = (0..writes.len())
                        .find(|&i| code(i) == "ConditionalCheckFailed")
                        .or_else(|| (0..writes.len()).find(|&i| code(i) == "TransactionConflict"));
                    if let Some(index) = guilty {
                        return Err(StoreError::TransactionConflict { index, key: writes[index].key().clone() });
                    }
                    if (0..writes.len()).any(|i| matches!(code(i), "ThrottlingError" | "ProvisionedThroughputExceeded")) {
                        return Err(StoreError::Throttled(format!("TransactWriteItems on table {} throttled", self.table)));
                    }
                    let codes: Vec<&str> = (0..writes.len()).map(code).collect();
                    Err(StoreError::Unavailable(format!("TransactWriteItems on table {} cancelled: {codes:?}", self.table)))
                }
                Some(aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionInProgressException(_)) => {
                    Err(StoreError::Unavailable(format!("TransactWriteItems on table {}: transaction in progress", self.table)))
                }
                _ => Err(failure("TransactWriteItems", &self.table, &e)),
            },
        }
    }

    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        let mut records = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let mut request = self
                .client
                .query()
                .table_name(&self.table)
                .consistent_read(true)
                .expression_attribute_names("#pk", attr::PK)
                .expression_attribute_values(":pk", AttributeValue::S(pk.into()))
                .set_exclusive_start_key(start.take());
            request = if sk_prefix.is_empty() {
                request.key_condition_expression("#pk = :pk")
            } else {
                request
                    .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expression_attribute_names("#sk", attr::SK)
                    .expression_attribute_values(":prefix", AttributeValue::S(sk_prefix.into()))
            };
            let out = request.send().await.map_err(|e| failure("Query", &self.table, &e))?;
            for item in out.items() {
                records.push(decode(item)?);
            }
            match out.last_evaluated_key() {
                Some(last) if !last.is_empty() => start = Some(last.clone()),
                _ => break,
            }
        }
        Ok(records)
    }

    async fn query_page(&self, pk: &str, after: Option<&str>, limit: usize) -> Result<Vec<Record>, StoreError> {
        let mut records = Vec::new();
        let mut start: Option<Item> = None;
        // DynamoDB may stop a page early (1 MB); keep reading until `limit` or the partition's end.
        while records.len() < limit {
            let mut request = self
                .client
                .query()
                .table_name(&self.table)
                .consistent_read(true)
                .limit(i32::try_from(limit - records.len()).unwrap_or(i32::MAX))
                .expression_attribute_names("#pk", attr::PK)
                .expression_attribute_values(":pk", AttributeValue::S(pk.into()))
                .set_exclusive_start_key(start.take());
            request = match after {
                None => request.key_condition_expression("#pk = :pk"),
                Some(after) => request
                    .key_condition_expression("#pk = :pk AND #sk > :after")
                    .expression_attribute_names("#sk", attr::SK)
                    .expression_attribute_values(":after", AttributeValue::S(after.into())),
            };
            let out = request.send().await.map_err(|e| failure("Query", &self.table, &e))?;
            for item in out.items() {
                records.push(decode(item)?);
            }
            match out.last_evaluated_key() {
                Some(last) if !last.is_empty() => start = Some(last.clone()),
                _ => break,
            }
        }
        Ok(records)
    }
}

/// The `Conflict` for a lost condition, with the record DynamoDB returned (None if absent).
fn conflict(key: &Key, expected_version: Option<u64>, old: Option<&Item>) -> Result<StoreError, StoreError> {
    let current = old.filter(|item| !item.is_empty()).map(decode).transpose()?.map(Box::new);
    Ok(StoreError::Conflict { key: key.clone(), expected_version, current })
}
