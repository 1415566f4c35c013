//! The state table: versioned records with conditional writes, in table `records`.

use crate::{Database, describe};
use async_trait::async_trait;
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::store::{Key, MAX_TRANSACTION_WRITES, Record, Write};
use copycat_core::time::{Timestamp, from_millis};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;
use std::sync::Arc;

/// The embedded `StateStore`: one row per record, body as JSON text.
///
/// `expires_at` is stored (in milliseconds) but never hides a record: expiry is decided in
/// code from the body, and the stored time only tells [`EmbeddedStore::purge_expired`] what
/// may be garbage-collected, as DynamoDB's TTL does.
pub struct EmbeddedStore {
    db: Arc<Database>,
}

impl EmbeddedStore {
    pub(crate) fn new(db: Arc<Database>) -> Self {
        EmbeddedStore { db }
    }

    /// Deletes every record whose `expires_at` is at or before `now`; returns how many went.
    pub async fn purge_expired(&self, now: Timestamp) -> Result<u64, StoreError> {
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                let mut stmt = tx
                    .prepare_cached("DELETE FROM records WHERE expires_at IS NOT NULL AND expires_at <= ?1")
                    .map_err(|e| self.unavailable("prepare purge", e))?;
                let n = stmt.execute(params![now.timestamp_millis()]).map_err(|e| self.unavailable("purge expired records", e))?;
                Ok(n as u64)
            },
        )
    }

    fn unavailable(&self, context: &str, error: rusqlite::Error) -> StoreError {
        StoreError::Unavailable(describe(&self.db.location, context, &error))
    }

    fn read_record(&self, conn: &Connection, key: &Key) -> Result<Option<Record>, StoreError> {
        let mut stmt = conn
            .prepare_cached("SELECT version, body, expires_at FROM records WHERE pk = ?1 AND sk = ?2")
            .map_err(|e| self.unavailable("prepare get", e))?;
        let row = stmt
            .query_row(params![key.pk, key.sk], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<i64>>(2)?)))
            .optional()
            .map_err(|e| self.unavailable(&format!("get {key}"), e))?;
        row.map(|(version, body, expires_at)| decode(key.clone(), version, &body, expires_at)).transpose()
    }

    /// Applies one conditional write; Ok(false) when its condition did not hold.
    fn apply(&self, conn: &Connection, write: &Write) -> Result<bool, StoreError> {
        match write {
            Write::PutIfAbsent { key, body, expires_at } => self.insert(conn, key, body, *expires_at),
            Write::PutIfVersion { key, body, expected_version, expires_at } => {
                self.replace(conn, key, body, *expected_version, *expires_at)
            }
            Write::DeleteIfVersion { key, expected_version } => self.remove(conn, key, *expected_version),
        }
    }

    fn insert(&self, conn: &Connection, key: &Key, body: &serde_json::Value, expires_at: Option<Timestamp>) -> Result<bool, StoreError> {
        let mut stmt = conn
            .prepare_cached(
                "INSERT INTO records (pk, sk, version, body, expires_at) VALUES (?1, ?2, 1, ?3, ?4)
                 ON CONFLICT (pk, sk) DO NOTHING",
            )
            .map_err(|e| self.unavailable("prepare put_if_absent", e))?;
        let changed = stmt
            .execute(params![key.pk, key.sk, encode(key, body)?, expires_at.map(|t| t.timestamp_millis())])
            .map_err(|e| self.unavailable(&format!("put_if_absent {key}"), e))?;
        Ok(changed == 1)
    }

    fn replace(
        &self,
        conn: &Connection,
        key: &Key,
        body: &serde_json::Value,
        expected_version: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<bool, StoreError> {
        let mut stmt = conn
            .prepare_cached(
                "UPDATE records SET version = version + 1, body = ?3, expires_at = ?4
                 WHERE pk = ?1 AND sk = ?2 AND version = ?5",
            )
            .map_err(|e| self.unavailable("prepare put_if_version", e))?;
        let changed = stmt
            .execute(params![key.pk, key.sk, encode(key, body)?, expires_at.map(|t| t.timestamp_millis()), sql_version(expected_version)])
            .map_err(|e| self.unavailable(&format!("put_if_version {key}"), e))?;
        Ok(changed == 1)
    }

    fn remove(&self, conn: &Connection, key: &Key, expected_version: u64) -> Result<bool, StoreError> {
        let mut stmt = conn
            .prepare_cached("DELETE FROM records WHERE pk = ?1 AND sk = ?2 AND version = ?3")
            .map_err(|e| self.unavailable("prepare delete_if_version", e))?;
        let changed = stmt
            .execute(params![key.pk, key.sk, sql_version(expected_version)])
            .map_err(|e| self.unavailable(&format!("delete_if_version {key}"), e))?;
        Ok(changed == 1)
    }

    /// Runs one conditional write in its own transaction: a failed condition becomes
    /// `Conflict` carrying the record as it is now, read in the same transaction.
    fn write_one(
        &self,
        key: &Key,
        expected_version: Option<u64>,
        write: impl FnOnce(&Connection) -> Result<bool, StoreError>,
    ) -> Result<(), StoreError> {
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                if write(tx)? {
                    return Ok(());
                }
                let current = self.read_record(tx, key)?.map(Box::new);
                Err(StoreError::Conflict { key: key.clone(), expected_version, current })
            },
        )
    }
}

#[async_trait]
impl StateStore for EmbeddedStore {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        let conn = self.db.lock();
        self.read_record(&conn, key)
    }

    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        self.db.read(|c, e| self.unavailable(c, e), |tx| keys.iter().map(|key| self.read_record(tx, key)).collect())
    }

    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        let expires_at = expires_at.map(to_stored_precision);
        self.write_one(key, None, |tx| self.insert(tx, key, &body, expires_at))?;
        Ok(Record { key: key.clone(), version: 1, body, expires_at })
    }

    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        expected_version: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError> {
        let expires_at = expires_at.map(to_stored_precision);
        self.write_one(key, Some(expected_version), |tx| self.replace(tx, key, &body, expected_version, expires_at))?;
        Ok(Record { key: key.clone(), version: expected_version + 1, body, expires_at })
    }

    async fn delete_if_version(&self, key: &Key, expected_version: u64) -> Result<(), StoreError> {
        self.write_one(key, Some(expected_version), |tx| self.remove(tx, key, expected_version))
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        if writes.len() > MAX_TRANSACTION_WRITES {
            return Err(StoreError::Invalid(format!(
                "a transaction holds at most {MAX_TRANSACTION_WRITES} writes, this one has {}",
                writes.len()
            )));
        }
        let mut seen = HashSet::with_capacity(writes.len());
        if let Some(twice) = writes.iter().map(Write::key).find(|key| !seen.insert(*key)) {
            return Err(StoreError::Invalid(format!("a transaction may write {twice} only once")));
        }
        if writes.is_empty() {
            return Ok(());
        }
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                for (index, write) in writes.iter().enumerate() {
                    if !self.apply(tx, write)? {
                        return Err(StoreError::TransactionConflict { index, key: write.key().clone() });
                    }
                }
                Ok(())
            },
        )
    }

    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare_cached("SELECT sk, version, body, expires_at FROM records WHERE pk = ?1 AND sk >= ?2 ORDER BY sk")
            .map_err(|e| self.unavailable("prepare query", e))?;
        let mut rows = stmt.query(params![pk, sk_prefix]).map_err(|e| self.unavailable(&format!("query {pk}/{sk_prefix}*"), e))?;
        let mut out = Vec::new();
        // Text compares bytewise (BINARY collation), as Rust strings and DynamoDB sort keys
        // do, so the keys with the prefix are one contiguous run starting at the prefix.
        while let Some(row) = rows.next().map_err(|e| self.unavailable(&format!("query {pk}/{sk_prefix}*"), e))? {
            let read = |e| self.unavailable(&format!("read a row of query {pk}/{sk_prefix}*"), e);
            let sk: String = row.get(0).map_err(read)?;
            if !sk.starts_with(sk_prefix) {
                break;
            }
            let version: i64 = row.get(1).map_err(read)?;
            let body: String = row.get(2).map_err(read)?;
            let expires_at: Option<i64> = row.get(3).map_err(read)?;
            out.push(decode(Key::new(pk, sk), version, &body, expires_at)?);
        }
        Ok(out)
    }

    async fn query_page(&self, pk: &str, after: Option<&str>, limit: usize) -> Result<Vec<Record>, StoreError> {
        let conn = self.db.lock();
        let what = || format!("query page {pk}/>{}", after.unwrap_or(""));
        // A NULL `after` reads from the first key (every sort key is > '' except '' itself).
        let mut stmt = conn
            .prepare_cached(
                "SELECT sk, version, body, expires_at FROM records WHERE pk = ?1 AND (?2 IS NULL OR sk > ?2) ORDER BY sk LIMIT ?3",
            )
            .map_err(|e| self.unavailable("prepare query page", e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut rows = stmt.query(params![pk, after, limit]).map_err(|e| self.unavailable(&what(), e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.unavailable(&what(), e))? {
            let read = |e| self.unavailable(&what(), e);
            let sk: String = row.get(0).map_err(read)?;
            let version: i64 = row.get(1).map_err(read)?;
            let body: String = row.get(2).map_err(read)?;
            let expires_at: Option<i64> = row.get(3).map_err(read)?;
            out.push(decode(Key::new(pk, sk), version, &body, expires_at)?);
        }
        Ok(out)
    }
}

/// Versions are u64 in the port and INTEGER (i64) in SQLite; one past i64 can never be stored,
/// so it maps to a value no row holds.
fn sql_version(version: u64) -> i64 {
    i64::try_from(version).unwrap_or(-1)
}

/// `expires_at` as it will read back: whole milliseconds.
fn to_stored_precision(at: Timestamp) -> Timestamp {
    from_millis(at.timestamp_millis())
}

fn encode(key: &Key, body: &serde_json::Value) -> Result<String, StoreError> {
    serde_json::to_string(body).map_err(|e| StoreError::Invalid(format!("body of {key} cannot be written as JSON: {e}")))
}

fn decode(key: Key, version: i64, body: &str, expires_at: Option<i64>) -> Result<Record, StoreError> {
    let version =
        u64::try_from(version).map_err(|_| StoreError::Corrupt { key: key.clone(), reason: format!("negative version {version}") })?;
    let body =
        serde_json::from_str(body).map_err(|e| StoreError::Corrupt { key: key.clone(), reason: format!("body is not JSON: {e}") })?;
    Ok(Record { key, version, body, expires_at: expires_at.map(from_millis) })
}
