//! The embedded backend: `StateStore` and `Queue` (with SQS semantics) on one SQLite file.
//!
//! This is the default backend: `copycat demo` and `copycat run` keep every record and every
//! queued message in one file, so a newcomer needs no AWS account and a killed process loses
//! nothing it had acknowledged.
//!
//! Every operation is one SQLite transaction, and every write transaction starts with
//! `BEGIN IMMEDIATE`, so two processes sharing the file queue up on the write lock (for up to
//! [`BUSY_TIMEOUT`]) instead of failing half-way through a read-then-write. Time (visibility
//! timeouts, de-duplication windows, `sent_at`) always comes from the injected [`Clock`], so a
//! simulation on a `ManualClock` runs days of queue behaviour in seconds.

#![warn(missing_docs)]

mod checkpoint;
mod queue;
mod store;

pub use queue::{EmbeddedQueue, MAX_BATCH_BYTES, MAX_FIFO_ID_LEN, MAX_RECEIVE, MAX_VISIBILITY, QueueSettings};
pub use store::EmbeddedStore;

use checkpoint::Checkpointer;
use copycat_core::time::Clock;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// How long a write waits for another process's write lock before giving up with a retryable
/// `Unavailable` error.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema version this build writes (`PRAGMA user_version`).
const SCHEMA_VERSION: i64 = 1;

/// How many prepared statements each connection keeps compiled.
const STATEMENT_CACHE: usize = 64;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    pk          TEXT    NOT NULL,
    sk          TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    expires_at  INTEGER,
    PRIMARY KEY (pk, sk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS records_by_expiry ON records (expires_at) WHERE expires_at IS NOT NULL;

-- Every queue's messages. Standard-queue messages have no group; FIFO messages always have
-- one, and each FIFO group has a row in fifo_groups naming its oldest message, so a receive
-- walks group heads instead of scanning past the backlog of groups that are in flight.
CREATE TABLE IF NOT EXISTS messages (
    seq            INTEGER PRIMARY KEY,
    queue          TEXT    NOT NULL,
    message_id     TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    group_id       TEXT,
    dedup_id       TEXT,
    sent_at        INTEGER NOT NULL,
    visible_at     INTEGER NOT NULL,
    receive_count  INTEGER NOT NULL,
    receipt        INTEGER
);
CREATE INDEX IF NOT EXISTS messages_ready    ON messages (queue, visible_at)         WHERE group_id IS NULL;
CREATE INDEX IF NOT EXISTS messages_in_group ON messages (queue, group_id, seq)        WHERE group_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_hidden   ON messages (queue, group_id, visible_at) WHERE group_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS fifo_groups (
    queue     TEXT    NOT NULL,
    group_id  TEXT    NOT NULL,
    head_seq  INTEGER NOT NULL,
    PRIMARY KEY (queue, group_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fifo_groups_by_head ON fifo_groups (queue, head_seq);

CREATE TABLE IF NOT EXISTS dedup (
    queue       TEXT    NOT NULL,
    dedup_id    TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL,
    PRIMARY KEY (queue, dedup_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dedup_by_expiry ON dedup (queue, expires_at);
";

/// Why the embedded database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    /// SQLite could not open or create the file.
    #[error("cannot open the embedded database at {path}: {source} (check that the directory exists and is writable)")]
    Open {
        /// The file asked for.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// A connection setting (journal mode, synchronous, busy timeout) could not be applied.
    #[error("cannot apply {setting} to the embedded database at {path}: {source}")]
    Configure {
        /// The file.
        path: PathBuf,
        /// Which setting.
        setting: &'static str,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// The file refused write-ahead logging (e.g. it sits on a network filesystem).
    #[error("the embedded database at {path} refused WAL journal mode (it reports {mode:?}); keep it on a local disk")]
    NoWal {
        /// The file.
        path: PathBuf,
        /// The journal mode SQLite reported instead.
        mode: String,
    },
    /// The tables could not be created.
    #[error("cannot create the schema in the embedded database at {path}: {source}")]
    Schema {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer CopyCat whose schema this build does not understand.
    #[error(
        "the embedded database at {path} has schema version {found}; this build understands up to {supported}: use a newer copycat or another file"
    )]
    SchemaTooNew {
        /// The file.
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
}

/// One SQLite database holding the state table and every queue.
///
/// Durability: the file runs in WAL mode with `synchronous=NORMAL`. A committed transaction
/// survives the process being killed at any instant (the WAL is written before commit
/// returns). On power loss or an OS crash the transactions since the last checkpoint (about
/// the last 100 ms) may be rolled back, never corrupted: the WAL is only
/// fsynced at checkpoints, which a background thread runs so no commit waits for a disk
/// flush. That is the trade-off we take for tens of thousands of commits per second; a host
/// that must survive power loss without losing a single acknowledged write should run the AWS
/// backend.
///
/// Cloning is cheap and shares the one connection.
#[derive(Clone)]
pub struct EmbeddedBackend {
    db: Arc<Database>,
}

impl std::fmt::Debug for EmbeddedBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedBackend").field("location", &self.db.location).finish()
    }
}

impl EmbeddedBackend {
    /// Opens (creating if needed) the database file at `path`, with time taken from `clock`.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<EmbeddedBackend, EmbeddedError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| EmbeddedError::Open { path: path.to_path_buf(), source })?;
        Self::configure(conn, path, true, clock)
    }

    /// Opens a private in-memory database (tests and benches; nothing survives the process).
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<EmbeddedBackend, EmbeddedError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| EmbeddedError::Open { path: path.to_path_buf(), source })?;
        Self::configure(conn, path, false, clock)
    }

    fn configure(conn: Connection, path: &Path, on_disk: bool, clock: Arc<dyn Clock>) -> Result<EmbeddedBackend, EmbeddedError> {
        let configure = |setting: &'static str| {
            let path = path.to_path_buf();
            move |source| EmbeddedError::Configure { path, setting, source }
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(configure("busy_timeout"))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        if on_disk {
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0)).map_err(configure("journal_mode=WAL"))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(EmbeddedError::NoWal { path: path.to_path_buf(), mode });
            }
            // Checkpoints run on a background thread (see `checkpoint`); this is the fallback.
            conn.pragma_update(None, "wal_autocheckpoint", checkpoint::SAFETY_NET_PAGES).map_err(configure("wal_autocheckpoint"))?;
            conn.pragma_update(None, "journal_size_limit", i64::from(checkpoint::SAFETY_NET_PAGES) * 4096)
                .map_err(configure("journal_size_limit"))?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(configure("synchronous=NORMAL"))?;

        let schema_error = |source| EmbeddedError::Schema { path: path.to_path_buf(), source };
        let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(schema_error)?;
        if found > SCHEMA_VERSION {
            return Err(EmbeddedError::SchemaTooNew { path: path.to_path_buf(), found, supported: SCHEMA_VERSION });
        }
        // IMMEDIATE: a second process creating the schema at the same moment waits, not fails.
        conn.execute_batch(&format!("BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")).map_err(|source| {
            let _ = conn.execute_batch("ROLLBACK");
            schema_error(source)
        })?;

        let location = path.display().to_string();
        let checkpointer = if on_disk { Checkpointer::start(path) } else { None };
        Ok(EmbeddedBackend { db: Arc::new(Database { _checkpointer: checkpointer, conn: Mutex::new(conn), clock, location }) })
    }

    /// The state store on this database.
    pub fn store(&self) -> Arc<EmbeddedStore> {
        Arc::new(EmbeddedStore::new(self.db.clone()))
    }

    /// The queue called `name` on this database, with `settings` (held by this handle, as a
    /// queue's attributes are in SQS: open a queue with the same settings everywhere).
    pub fn queue(&self, name: &str, settings: QueueSettings) -> Arc<EmbeddedQueue> {
        Arc::new(EmbeddedQueue::new(self.db.clone(), name, settings))
    }

    /// The clock this backend reads.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.db.clock.clone()
    }

    /// Where the database lives (`:memory:` for an in-memory one).
    pub fn location(&self) -> &str {
        &self.db.location
    }

    /// Shortens the busy timeout so a lock test does not wait the full [`BUSY_TIMEOUT`].
    #[cfg(test)]
    fn set_busy_timeout(&self, timeout: Duration) {
        self.db.lock().busy_timeout(timeout).expect("set busy timeout");
    }
}

/// The shared connection and clock behind a backend's store and queues.
pub(crate) struct Database {
    /// Stops with the last handle; declared first so it stops before the connection closes.
    _checkpointer: Option<Checkpointer>,
    conn: Mutex<Connection>,
    clock: Arc<dyn Clock>,
    location: String,
}

impl Database {
    /// Now, in unix milliseconds, from the injected clock.
    pub(crate) fn now_ms(&self) -> i64 {
        self.clock.now().timestamp_millis()
    }

    /// The connection, out of any transaction a panicking holder may have left open.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        if !conn.is_autocommit() {
            // Only reachable after a panic mid-transaction whose rollback failed.
            let _ = conn.execute_batch("ROLLBACK");
        }
        conn
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction: committed if it returns Ok, rolled
    /// back if it returns Err.
    pub(crate) fn write<T, E>(
        &self,
        fail: impl Fn(&str, rusqlite::Error) -> E,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| fail("begin write transaction", e))?;
        let out = work(&tx)?;
        tx.commit().map_err(|e| fail("commit", e))?;
        Ok(out)
    }

    /// Runs `work` in one read transaction, so every read sees the same snapshot.
    pub(crate) fn read<T, E>(
        &self,
        fail: impl Fn(&str, rusqlite::Error) -> E,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(|e| fail("begin read transaction", e))?;
        let out = work(&tx)?;
        tx.commit().map_err(|e| fail("end read transaction", e))?;
        Ok(out)
    }
}

/// Describes a SQLite failure for an `Unavailable` error: what we were doing, and whether it
/// was another process holding the lock (retryable after a back-off).
pub(crate) fn describe(location: &str, context: &str, error: &rusqlite::Error) -> String {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "{context} on {location}: database busy for longer than {}s (another process holds the write lock); retry",
            BUSY_TIMEOUT.as_secs()
        ),
        _ => format!("{context} on {location}: {error}"),
    }
}

#[cfg(test)]
mod tests;
