//! Where a soak's state table and queues live, written once by the coordinator into the soak's
//! directory (`stack.json`) and opened by it and by every worker process.
//!
//! - `embedded`: one SQLite file (the state table and the queues with their dead-letter queues);
//! - `aws`: a DynamoDB table and SQS queues on the local emulator, created fresh for the soak
//!   (names unique to it), with the soak's visibility timeout and receive limit, so a run never
//!   touches the demo's resources and two soaks never share any.

use copycat_core::config::QueuesConfig;
use copycat_core::ports::{Queue, StateStore};
use copycat_core::queues::QueueId;
use copycat_core::time::Clock;
use copycat_local::QueuePorts;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a soak's stack could not be created or opened.
#[derive(Debug, thiserror::Error)]
pub enum StackError {
    /// The embedded database could not be opened.
    #[error("the soak's embedded database: {0}")]
    Embedded(#[from] copycat_embedded::EmbeddedError),
    /// The emulator's resources could not be created or reached.
    #[error("the soak's AWS backend at {endpoint}: {reason}")]
    Aws {
        /// The emulator endpoint.
        endpoint: String,
        /// What failed.
        reason: String,
    },
    /// `stack.json` could not be read or written.
    #[error("{path}: {reason}")]
    File {
        /// The file.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// This build has no AWS backend.
    #[error(
        "this copycat was built without the AWS backend; rebuild with `--features aws` \
         (e.g. `cargo run --release -p copycat --features aws -- chaos --backend aws`)"
    )]
    NoAws,
}

/// Where the soak's state and queues are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "backend", rename_all = "kebab-case")]
pub enum Stack {
    /// One SQLite file.
    Embedded {
        /// The database file.
        db: PathBuf,
    },
    /// DynamoDB and SQS on an emulator.
    Aws {
        /// The emulator endpoint.
        endpoint: String,
        /// The state table.
        table: String,
        /// Queue name and URL per role, in [`QueueId::ALL`] order.
        queues: Vec<(String, String)>,
        /// The signals queue's dead-letter queue: name and URL.
        signals_dead_letter: (String, String),
    },
}

/// A stack opened in this process.
pub struct Opened {
    /// The state store.
    pub store: Arc<dyn StateStore>,
    /// The three queues the handlers use.
    pub queues: QueuePorts,
    /// The signals queue's dead-letter queue.
    pub signals_dead_letter: Arc<dyn Queue>,
}

const FILE: &str = "stack.json";

impl Stack {
    /// Writes the stack into the soak's directory.
    pub fn save(&self, dir: &Path) -> Result<(), StackError> {
        let path = dir.join(FILE);
        let text = serde_json::to_string_pretty(self).map_err(|e| StackError::File { path: path.clone(), reason: e.to_string() })?;
        std::fs::write(&path, text).map_err(|e| StackError::File { path, reason: e.to_string() })
    }

    /// Reads the stack the coordinator wrote into the soak's directory.
    pub fn load(dir: &Path) -> Result<Stack, StackError> {
        let path = dir.join(FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| StackError::File { path: path.clone(), reason: e.to_string() })?;
        serde_json::from_str(&text).map_err(|e| StackError::File { path, reason: e.to_string() })
    }

    /// Opens the stack's store and queues; `clock` drives the embedded queues' visibility (each
    /// worker's own, skewed, clock).
    pub async fn open(&self, q: &QueuesConfig, clock: Arc<dyn Clock>) -> Result<Opened, StackError> {
        match self {
            Stack::Embedded { db } => {
                let backend = copycat_embedded::EmbeddedBackend::open(db, clock)?;
                let local = copycat_local::LocalQueues::open(&backend, q);
                let signals_dead_letter: Arc<dyn Queue> =
                    backend.queue(QueueId::Signals.dead_letter_name(), copycat_embedded::QueueSettings::fifo());
                Ok(Opened { store: backend.store(), queues: local.ports(), signals_dead_letter })
            }
            Stack::Aws { endpoint, table, queues, signals_dead_letter } => aws::open(endpoint, table, queues, signals_dead_letter).await,
        }
    }

    /// Starts a local emulator that answers one request at a time (so conditional writes and
    /// transactions from many worker processes are atomic, as on AWS); stopped when the returned
    /// guard is dropped. Returns its endpoint and the guard.
    pub fn start_emulator() -> Result<(String, Box<dyn std::any::Any + Send>), StackError> {
        aws::start_emulator()
    }

    /// Creates a fresh table and queues on the emulator at `endpoint`, named for `tag`, with the
    /// visibility timeout and receive limit of `q`.
    pub async fn create_aws(endpoint: &str, tag: &str, q: &QueuesConfig) -> Result<Stack, StackError> {
        aws::create(endpoint, tag, q).await
    }
}

#[cfg(feature = "aws")]
mod aws {
    use super::*;
    use copycat_aws::resources::{DeadLetterDef, QueueDef, TableDef, create_queue, create_table};
    use copycat_aws::{AwsClients, DynamoStore, SqsQueue};

    pub(super) fn start_emulator() -> Result<(String, Box<dyn std::any::Any + Send>), StackError> {
        let emulator = copycat_aws::emulator::Emulator::start_serialized()
            .map_err(|e| StackError::Aws { endpoint: "a local emulator".into(), reason: e.to_string() })?;
        Ok((emulator.endpoint().to_string(), Box::new(emulator)))
    }

    pub(super) async fn create(endpoint: &str, tag: &str, q: &QueuesConfig) -> Result<Stack, StackError> {
        let fail = |reason: String| StackError::Aws { endpoint: endpoint.into(), reason };
        let clients = AwsClients::for_endpoint(endpoint).await;
        let table = TableDef {
            name: format!("chaos-{tag}-state"),
            partition_key: "pk".into(),
            sort_key: "sk".into(),
            ttl_attribute: "ttl".into(),
            billing_mode: "PAY_PER_REQUEST".into(),
        };
        create_table(&clients.dynamodb, &table).await.map_err(|e| fail(e.to_string()))?;
        let mut queues = Vec::new();
        let mut signals_dead_letter = None;
        for id in QueueId::ALL {
            let suffix = if id.fifo() { ".fifo" } else { "" };
            let name = format!("chaos-{tag}-{}{suffix}", id.role());
            let dead_letter_name = format!("chaos-{tag}-{}-dlq{suffix}", id.role());
            let def = QueueDef {
                role: id.role().into(),
                name: name.clone(),
                fifo: id.fifo(),
                visibility_timeout_secs: u32::try_from(q.visibility_timeout_secs).unwrap_or(u32::MAX),
                dead_letter: DeadLetterDef { name: dead_letter_name.clone(), max_receive: q.max_receive, retention_secs: 14 * 86_400 },
            };
            let (url, dlq_url) = create_queue(&clients.sqs, &def).await.map_err(|e| fail(e.to_string()))?;
            if id == QueueId::Signals {
                signals_dead_letter = Some((dead_letter_name, dlq_url));
            }
            queues.push((name, url));
        }
        let signals_dead_letter = signals_dead_letter.ok_or_else(|| fail("no signals queue was created".into()))?;
        Ok(Stack::Aws { endpoint: endpoint.into(), table: table.name, queues, signals_dead_letter })
    }

    pub(super) async fn open(
        endpoint: &str,
        table: &str,
        queues: &[(String, String)],
        signals_dead_letter: &(String, String),
    ) -> Result<Opened, StackError> {
        let clients = AwsClients::for_endpoint(endpoint).await;
        let queue = |(name, url): &(String, String)| -> Arc<dyn Queue> { Arc::new(SqsQueue::new(clients.sqs.clone(), url, name)) };
        let [candidates, signals, notifications] = queues else {
            return Err(StackError::Aws { endpoint: endpoint.into(), reason: format!("stack.json names {} queues, not 3", queues.len()) });
        };
        Ok(Opened {
            store: Arc::new(DynamoStore::new(clients.dynamodb.clone(), table)),
            queues: QueuePorts { candidates: queue(candidates), signals: queue(signals), notifications: queue(notifications) },
            signals_dead_letter: queue(signals_dead_letter),
        })
    }
}

#[cfg(not(feature = "aws"))]
mod aws {
    use super::*;

    pub(super) fn start_emulator() -> Result<(String, Box<dyn std::any::Any + Send>), StackError> {
        Err(StackError::NoAws)
    }

    pub(super) async fn create(_endpoint: &str, _tag: &str, _q: &QueuesConfig) -> Result<Stack, StackError> {
        Err(StackError::NoAws)
    }

    pub(super) async fn open(
        _endpoint: &str,
        _table: &str,
        _queues: &[(String, String)],
        _signals_dead_letter: &(String, String),
    ) -> Result<Opened, StackError> {
        Err(StackError::NoAws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stack_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        for stack in [
            Stack::Embedded { db: dir.path().join("state.db") },
            Stack::Aws {
                endpoint: "http://127.0.0.1:5000".into(),
                table: "chaos-t-state".into(),
                queues: vec![("a".into(), "u1".into()), ("b.fifo".into(), "u2".into()), ("c".into(), "u3".into())],
                signals_dead_letter: ("b-dlq.fifo".into(), "u4".into()),
            },
        ] {
            stack.save(dir.path()).unwrap();
            assert_eq!(Stack::load(dir.path()).unwrap(), stack);
        }
    }
}
