//! copycat-engine: every Lambda handler in one process, on the embedded backend (or DynamoDB and
//! SQS on a local emulator, with the `aws` feature), fed by the same queue semantics SQS gives them — the demo on a simulated market and clock, and `run` on
//! the real clock.

mod engine;
pub mod evaluate;
mod functions;
pub mod summary;

pub use copycat_local::QueuePorts;
pub use engine::{BackendChoice, DemoOptions, DemoSink, Engine, EngineBackend, RunCadence, RunOptions, RunVenue, demo, demo_start, run};
pub use functions::FunctionDeps;
pub use summary::{DemoState, Summary, print};

/// A failure of the engine, typed by where it came from; each keeps its cause as `source()`.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The config (with the command's overrides) is invalid.
    #[error("invalid configuration: {0}")]
    Config(#[from] copycat_core::config::ConfigError),
    /// The embedded database could not be opened.
    #[error("{0}")]
    Embedded(#[from] copycat_embedded::EmbeddedError),
    /// The state store failed.
    #[error("state store: {0}")]
    Store(#[from] copycat_core::ports::StoreError),
    /// A record could not be read or written.
    #[error("state: {0}")]
    State(#[from] copycat_state::StateError),
    /// A queue failed.
    #[error("queue: {0}")]
    Queue(#[from] copycat_core::ports::QueueError),
    /// A discovery run failed.
    #[error("discovery: {0}")]
    Discovery(#[from] discovery::DiscoveryError),
    /// A poll failed.
    #[error("signal poller: {0}")]
    Poller(#[from] signal_poller::PollerError),
    /// A health check failed.
    #[error("health check: {0}")]
    Health(#[from] health_check::HealthError),
    /// The notification destinations are misconfigured.
    #[error("notifications: {0}")]
    Notifications(#[from] copycat_notify::RouterError),
    /// The AWS backend on the emulator could not be set up.
    #[error("AWS backend at {endpoint}: {source}")]
    AwsBackend {
        /// The emulator's endpoint.
        endpoint: String,
        /// What failed.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A file could not be removed.
    #[error("cannot remove {path}: {source}")]
    RemoveFile {
        /// The file.
        path: std::path::PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// What was asked cannot be done as asked; the message says what to do instead.
    #[error("{0}")]
    Usage(String),
}
