//! copycat-aws: the AWS backend. [`DynamoStore`] implements the `StateStore` port on one
//! DynamoDB table, [`SqsQueue`] the `Queue` port on SQS, [`EmfMetrics`] the `Metrics` port as
//! CloudWatch Embedded Metric Format lines; [`resources`] creates the table and queues from the
//! one definition in `infra/resources.json`; [`emulator`] runs a local moto server for tests;
//! [`AwsWiring`] builds a Lambda's dependencies once from the environment.
//!
//! Every failure is a typed error (`StoreError` / `QueueError`), never a panic: throttling is
//! `Throttled`, an unreachable endpoint is `Unavailable`, a lost condition is `Conflict` with the
//! current record (DynamoDB returns it on the failed write, at no read cost).

#![warn(missing_docs)]

pub mod emulator;
pub mod functions;
mod metrics;
mod queue;
pub mod resources;
mod store;
pub mod wiring;

pub use metrics::EmfMetrics;
pub use queue::SqsQueue;
pub use resources::{QueueDef, Resources, TableDef};
pub use store::DynamoStore;
pub use wiring::{AwsWiring, ColdStart, WiringError};

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use std::time::Duration;

/// The SDK clients, built once per process and shared by every adapter.
#[derive(Clone, Debug)]
pub struct AwsClients {
    /// DynamoDB (the state table).
    pub dynamodb: aws_sdk_dynamodb::Client,
    /// SQS (the queues).
    pub sqs: aws_sdk_sqs::Client,
}

/// The retry policy of every client: 3 attempts with a 50 ms first back-off, because the SDK's
/// 1 s default is too slow for the copy path (conditional failures are never retried by the SDK).
pub fn retry_policy() -> RetryConfig {
    RetryConfig::standard().with_max_attempts(3).with_initial_backoff(Duration::from_millis(50)).with_max_backoff(Duration::from_secs(2))
}

/// Connect and per-attempt timeouts: an unreachable endpoint becomes `Unavailable` in seconds.
fn timeouts() -> TimeoutConfig {
    TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_attempt_timeout(Duration::from_secs(10))
        .operation_timeout(Duration::from_secs(30))
        .build()
}

impl AwsClients {
    /// Clients from the standard environment (region, credentials, `AWS_ENDPOINT_URL` for a
    /// local emulator), with [`retry_policy`] and short timeouts.
    pub async fn from_env() -> Self {
        Self::from_sdk_config(&sdk_config_from_env().await)
    }

    /// Clients for a local emulator at `endpoint` (dummy credentials, region eu-west-1), without
    /// touching the process environment.
    pub async fn for_endpoint(endpoint: &str) -> Self {
        let credentials = aws_sdk_dynamodb::config::Credentials::new("test", "test", None, None, "copycat-emulator");
        let config = aws_config::defaults(BehaviorVersion::latest())
            .endpoint_url(endpoint)
            .region(aws_config::Region::new("eu-west-1"))
            .credentials_provider(credentials)
            .retry_config(retry_policy())
            .timeout_config(timeouts())
            .load()
            .await;
        Self::from_sdk_config(&config)
    }

    /// Clients from an already loaded SDK config.
    pub fn from_sdk_config(config: &aws_config::SdkConfig) -> Self {
        AwsClients { dynamodb: aws_sdk_dynamodb::Client::new(config), sqs: aws_sdk_sqs::Client::new(config) }
    }
}

/// The SDK config of [`AwsClients::from_env`].
pub(crate) async fn sdk_config_from_env() -> aws_config::SdkConfig {
    aws_config::defaults(BehaviorVersion::latest()).retry_config(retry_policy()).timeout_config(timeouts()).load().await
}

/// Renders an SDK error with its whole cause chain (the SDK's `Display` alone says little).
pub(crate) fn describe<E: std::error::Error>(error: &E) -> String {
    aws_sdk_dynamodb::error::DisplayErrorContext(error).to_string()
}
