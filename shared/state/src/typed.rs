//! Typed reads and writes of JSON record bodies.

use copycat_core::ports::{StateStore, StoreError};
use copycat_core::store::{Key, Record};
use copycat_core::time::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What can go wrong in a state protocol.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StateError {
    /// The store failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// Optimistic retries ran out (sustained contention on one record).
    #[error("gave up on {key} after {attempts} conflicting attempts")]
    Contended {
        /// The record.
        key: Key,
        /// Attempts made.
        attempts: u32,
    },
}

impl StateError {
    /// Whether retrying the whole operation later may help.
    pub fn is_retryable(&self) -> bool {
        match self {
            StateError::Store(e) => e.is_retryable() || e.is_conflict(),
            StateError::Contended { .. } => true,
        }
    }
}

/// A decoded record body with the version it was read at.
#[derive(Clone, Debug, PartialEq)]
pub struct Versioned<T> {
    /// The body.
    pub value: T,
    /// Version read (write back with `put_if_version(version)`).
    pub version: u64,
}

/// Serialises a body; our record types always serialise.
pub fn to_body<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Decodes a record's body, naming the record when it is corrupt.
pub fn decode<T: DeserializeOwned>(r: &Record) -> Result<Versioned<T>, StoreError> {
    // Deserialize from the borrowed tree: no copy of the body.
    T::deserialize(&r.body)
        .map(|value| Versioned { value, version: r.version })
        .map_err(|e| StoreError::Corrupt { key: r.key.clone(), reason: e.to_string() })
}

/// Reads and decodes one record.
pub async fn load<T: DeserializeOwned>(store: &dyn StateStore, key: &Key) -> Result<Option<Versioned<T>>, StoreError> {
    store.get(key).await?.as_ref().map(decode).transpose()
}

/// Decodes an optional record already read (e.g. from `get_many`).
pub fn load_many_typed<T: DeserializeOwned>(r: Option<&Record>) -> Result<Option<Versioned<T>>, StoreError> {
    r.map(decode).transpose()
}

/// Creates a record; Conflict if it exists.
pub async fn put_new<T: Serialize>(store: &dyn StateStore, key: &Key, value: &T, expires_at: Option<Timestamp>) -> Result<u64, StoreError> {
    Ok(store.put_if_absent(key, to_body(value), expires_at).await?.version)
}

/// Replaces a record at a version; Conflict otherwise.
pub async fn put_versioned<T: Serialize>(store: &dyn StateStore, key: &Key, value: &T, expected: u64) -> Result<u64, StoreError> {
    Ok(store.put_if_version(key, to_body(value), expected, None).await?.version)
}

/// Most optimistic attempts before giving up with `Contended`.
pub const MAX_ATTEMPTS: u32 = 8;

/// Read-decide-write with optimistic retries: `decide` gets the current value (None if absent)
/// and returns the value to write, or None to write nothing. A conflict re-reads and re-decides;
/// it never blindly re-sends. Returns what was written (or None).
pub async fn update_with_retry<T, F>(store: &dyn StateStore, key: &Key, mut decide: F) -> Result<Option<Versioned<T>>, StateError>
where
    T: Serialize + DeserializeOwned + Clone,
    F: FnMut(Option<&T>) -> Option<T>,
{
    for _ in 0..MAX_ATTEMPTS {
        let current: Option<Versioned<T>> = load(store, key).await?;
        let Some(next) = decide(current.as_ref().map(|c| &c.value)) else { return Ok(None) };
        let written = match &current {
            None => store.put_if_absent(key, to_body(&next), None).await,
            Some(c) => store.put_if_version(key, to_body(&next), c.version, None).await,
        };
        match written {
            Ok(r) => return Ok(Some(Versioned { value: next, version: r.version })),
            Err(e) if e.is_conflict() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(StateError::Contended { key: key.clone(), attempts: MAX_ATTEMPTS })
}
