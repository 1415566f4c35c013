//! copycat-aws: the AWS backend. [`DynamoStore`] implements the `StateStore` port on one
//! DynamoDB table, [`SqsQueue`] the `Queue` port on SQS, [`EmfMetrics`] the `Metrics` port as
//! CloudWatch Embedded Metric Format lines; [`resources`] creates the table and queues from the
//! one definition in `infra/resources.json`; [`emulator`] runs a local moto server for tests;
//! [`AwsWiring`] and [`LambdaInit`] build a Lambda's dependencies once from the environment.
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
pub use wiring::{AwsWiring, ColdStart, LambdaInit, WiringError};

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
        let config =
            loader().endpoint_url(endpoint).region(aws_config::Region::new("eu-west-1")).credentials_provider(credentials).load().await;
        Self::from_sdk_config(&config)
    }

    /// Clients from an already loaded SDK config.
    pub fn from_sdk_config(config: &aws_config::SdkConfig) -> Self {
        AwsClients { dynamodb: aws_sdk_dynamodb::Client::new(config), sqs: aws_sdk_sqs::Client::new(config) }
    }
}

/// Every SDK config we load starts here: the latest behaviour version, [`retry_policy`], short
/// timeouts.
fn loader() -> aws_config::ConfigLoader {
    aws_config::defaults(BehaviorVersion::latest()).retry_config(retry_policy()).timeout_config(timeouts())
}

/// The SDK config of [`AwsClients::from_env`]: [`sdk_config_from`] the process environment.
pub(crate) async fn sdk_config_from_env() -> aws_config::SdkConfig {
    sdk_config_from(|name| std::env::var(name).ok(), None).await
}

/// The SDK config for the variables `lookup` gives, with [`retry_policy`] and short timeouts, on
/// `http_client` (the SDK's default HTTPS client when `None`).
///
/// On Lambda the region and the function's credentials are environment variables (`AWS_REGION`,
/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`). When they are set they are
/// used directly — what the SDK's default chains would return, since they look at the environment
/// first — without building the rest of those chains: the default credentials chain builds an STS
/// client for web identity, and validating it loads and parses the platform trust store, a third
/// of a cold start spent before the first real call. Without credentials in the environment (a
/// developer's machine) the SDK's default chains apply.
pub(crate) async fn sdk_config_from(
    lookup: impl Fn(&str) -> Option<String>,
    http_client: Option<aws_sdk_dynamodb::config::SharedHttpClient>,
) -> aws_config::SdkConfig {
    let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
    let mut loader = loader();
    if let Some(client) = http_client {
        loader = loader.http_client(client);
    }
    if let Some(region) = var("AWS_REGION") {
        loader = loader.region(aws_config::Region::new(region));
    }
    if let (Some(key), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        let credentials = aws_sdk_dynamodb::config::Credentials::new(key, secret, var("AWS_SESSION_TOKEN"), None, "Environment");
        loader = loader.credentials_provider(credentials);
    }
    loader.load().await
}

/// Renders an SDK error with its whole cause chain (the SDK's `Display` alone says little).
pub(crate) fn describe<E: std::error::Error>(error: &E) -> String {
    aws_sdk_dynamodb::error::DisplayErrorContext(error).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::config::{ConfigBag, IntoShared, ProvideCredentials, RuntimeComponents, RuntimeComponentsBuilder};
    use aws_smithy_runtime_api::box_error::BoxError;
    use aws_smithy_runtime_api::client::http::{HttpClient, HttpConnectorSettings, SharedHttpConnector};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// An SDK HTTP client that counts the connectors asked of it (a validation builds one) and
    /// never connects.
    #[derive(Debug, Default)]
    struct CountingClient(Arc<AtomicUsize>);

    impl HttpClient for CountingClient {
        fn http_connector(&self, _: &HttpConnectorSettings, _: &RuntimeComponents) -> SharedHttpConnector {
            panic!("the SDK config asked for a connection while loading")
        }

        fn validate_base_client_config(&self, _: &RuntimeComponentsBuilder, _: &ConfigBag) -> Result<(), BoxError> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    }

    #[tokio::test]
    async fn on_lambda_the_sdk_config_comes_from_the_environment_without_building_a_connector() {
        let lambda = |name: &str| {
            let value = match name {
                "AWS_REGION" => "eu-west-1",
                "AWS_ACCESS_KEY_ID" => "AKIDLAMBDA",
                "AWS_SECRET_ACCESS_KEY" => "lambda-secret",
                "AWS_SESSION_TOKEN" => "lambda-session",
                _ => return None,
            };
            Some(value.to_string())
        };
        let built = Arc::new(AtomicUsize::new(0));
        let config = sdk_config_from(lambda, Some(CountingClient(built.clone()).into_shared())).await;

        assert_eq!(built.load(Ordering::SeqCst), 0, "loading the config validated an HTTP client (the trust store would be parsed)");
        assert_eq!(config.region().map(|r| r.as_ref()), Some("eu-west-1"));
        let credentials = config.credentials_provider().expect("a credentials provider").provide_credentials().await.expect("credentials");
        assert_eq!(credentials.access_key_id(), "AKIDLAMBDA");
        assert_eq!(credentials.secret_access_key(), "lambda-secret");
        assert_eq!(credentials.session_token(), Some("lambda-session"));
        assert_eq!(config.retry_config().map(|r| r.initial_backoff()), Some(Duration::from_millis(50)));
    }
}
