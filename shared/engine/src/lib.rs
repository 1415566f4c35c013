//! copycat-engine: every Lambda handler in one process, on the embedded backend (or DynamoDB and
//! SQS on a local emulator, with the `aws` feature), fed by the same queue semantics SQS gives them — the demo on a simulated market and clock, and `run` on
//! the real clock.

mod engine;
pub mod summary;

pub use engine::{BackendChoice, DemoOptions, DemoSink, Engine, EngineBackend, RunOptions, RunVenue, demo, demo_start, run};
pub use summary::{DemoState, Summary, print};

/// A failure of the engine, with its context.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// What failed.
    #[error("{0}")]
    Message(String),
}

impl EngineError {
    /// A failure with a message.
    pub fn msg(s: impl Into<String>) -> Self {
        EngineError::Message(s.into())
    }
}
