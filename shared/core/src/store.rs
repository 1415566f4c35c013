//! State-table values: a record's key, the record, and the writes of a transaction.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Primary key of a state-table record (`pk` / `sk`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    /// Partition key, e.g. `TRADER#0xabc…`.
    pub pk: String,
    /// Sort key, e.g. `PROFILE`.
    pub sk: String,
}

impl Key {
    /// Builds a key from its two parts.
    pub fn new(pk: impl Into<String>, sk: impl Into<String>) -> Self {
        Key { pk: pk.into(), sk: sk.into() }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.pk, self.sk)
    }
}

/// A stored record: its key, a version that every write increments, and a JSON body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Where it lives.
    pub key: Key,
    /// Starts at 1 on creation; each successful write adds 1.
    pub version: u64,
    /// The record's content.
    pub body: serde_json::Value,
    /// When the store may garbage-collect it (TTL). Expiry decisions are made in code from the
    /// body, never from this: DynamoDB deletes up to 48 h late.
    pub expires_at: Option<Timestamp>,
}

/// One write inside [`crate::ports::StateStore::transact`]; all succeed or none do.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Create; fails if the record exists.
    PutIfAbsent {
        /// Record key.
        key: Key,
        /// New body.
        body: serde_json::Value,
        /// Optional garbage-collection time.
        expires_at: Option<Timestamp>,
    },
    /// Replace; fails unless the stored version equals `expected_version`.
    PutIfVersion {
        /// Record key.
        key: Key,
        /// New body.
        body: serde_json::Value,
        /// The version read before deciding.
        expected_version: u64,
        /// Optional garbage-collection time.
        expires_at: Option<Timestamp>,
    },
    /// Delete; fails unless the stored version equals `expected_version`.
    DeleteIfVersion {
        /// Record key.
        key: Key,
        /// The version read before deciding.
        expected_version: u64,
    },
}

impl Write {
    /// The key this write touches.
    pub fn key(&self) -> &Key {
        match self {
            Write::PutIfAbsent { key, .. } | Write::PutIfVersion { key, .. } | Write::DeleteIfVersion { key, .. } => key,
        }
    }
}

/// Most writes a transaction may hold (DynamoDB's `TransactWriteItems` limit).
pub const MAX_TRANSACTION_WRITES: usize = 100;
