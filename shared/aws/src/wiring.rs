//! What a Lambda binary builds once at start on the AWS backend: validated config, SDK clients
//! with a short first back-off, the store on the state table, EMF metrics, a warm TLS
//! connection ([`AwsWiring`]); then only the queues the function sends to ([`AwsWiring::sender`])
//! and the venue it uses, built by its `main.rs` into the function's own deps type.
//!
//! A Lambda's init ([`LambdaInit`]) ends with one [`ColdStart`] line on stderr, so the
//! cold-start bench (and the logs) can tell the TLS warm-up from the rest of the init.

use crate::{AwsClients, DynamoStore, EmfMetrics, SqsQueue};
use copycat_core::config::{Config, ConfigError};
use copycat_core::ports::QueueError;
use copycat_core::queues::{Notifications, QueueId, QueueRole, TABLE_NAME};
use copycat_core::time::{Clock, SystemClock};
use copycat_state::{Base, Reporting, Sender};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Environment variables read by [`AwsWiring::from_env`] (the SAM template sets them).
pub mod env {
    use copycat_core::queues::QueueId;

    /// State table name (default: `table.name` in `infra/resources.json`).
    pub const TABLE: &str = "COPYCAT_TABLE";
    /// Candidates queue URL (default: looked up by name).
    pub const CANDIDATES_QUEUE_URL: &str = "COPYCAT_CANDIDATES_QUEUE_URL";
    /// Signals queue URL (default: looked up by name).
    pub const SIGNALS_QUEUE_URL: &str = "COPYCAT_SIGNALS_QUEUE_URL";
    /// Notifications queue URL (default: looked up by name).
    pub const NOTIFICATIONS_QUEUE_URL: &str = "COPYCAT_NOTIFICATIONS_QUEUE_URL";
    /// The `Stage` dimension of every metric (default `dev`).
    pub const STAGE: &str = "COPYCAT_STAGE";
    /// Optional TOML config path; `COPYCAT__…` variables override it.
    pub const CONFIG: &str = "COPYCAT_CONFIG";

    /// The variable carrying the URL of `queue`.
    pub const fn queue_url(queue: QueueId) -> &'static str {
        match queue {
            QueueId::Candidates => CANDIDATES_QUEUE_URL,
            QueueId::Signals => SIGNALS_QUEUE_URL,
            QueueId::Notifications => NOTIFICATIONS_QUEUE_URL,
        }
    }
}

/// What can go wrong building the AWS dependencies; each names what to fix.
#[derive(Debug, thiserror::Error)]
pub enum WiringError {
    /// The config file or an override is invalid.
    #[error("{0}")]
    Config(#[from] ConfigError),
    /// A queue could not be found (no URL in the environment and no queue of that name).
    #[error("queue {queue}: {source}")]
    Queue {
        /// Which queue.
        queue: QueueId,
        /// Why.
        #[source]
        source: QueueError,
    },
    /// The venue (market data, and the copier's broker) could not be built from the config.
    #[error("venue: {0}")]
    Venue(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The notification sink could not be built from the config.
    #[error("notifications: {0}")]
    Notifications(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The AWS side of a function's deps, built once per process: what every function has. Queues
/// are opened on request, only those the function sends to.
#[derive(Clone)]
pub struct AwsWiring {
    /// Validated config.
    pub config: Arc<Config>,
    /// The SDK clients.
    pub clients: AwsClients,
    /// The state table.
    pub store: Arc<DynamoStore>,
    /// EMF metrics on stdout.
    pub metrics: Arc<EmfMetrics>,
    /// The real clock.
    pub clock: Arc<dyn Clock>,
    queue_urls: BTreeMap<QueueId, String>,
}

impl AwsWiring {
    /// From the process environment: SDK clients from the standard AWS variables
    /// (`AWS_ENDPOINT_URL` for an emulator), names and URLs from [`mod@env`].
    pub async fn from_env() -> Result<Self, WiringError> {
        let clients = AwsClients::from_env().await;
        Self::from_lookup(clients, |name| std::env::var(name).ok(), std::env::vars()).await
    }

    /// From `lookup` (the variables of [`mod@env`]) and `overrides` (`COPYCAT__…` config
    /// overrides), on `clients`. Validates the config once and warms the connection.
    pub async fn from_lookup(
        clients: AwsClients,
        lookup: impl Fn(&str) -> Option<String>,
        overrides: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, WiringError> {
        Self::from_lookup_timed(clients, lookup, overrides).await.map(|(wiring, _)| wiring)
    }

    /// [`Self::from_lookup`], and how long the warm-up call took.
    async fn from_lookup_timed(
        clients: AwsClients,
        lookup: impl Fn(&str) -> Option<String>,
        overrides: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(Self, Duration), WiringError> {
        let text = match lookup(env::CONFIG) {
            Some(path) => std::fs::read_to_string(&path).map_err(|e| ConfigError::Parse(format!("cannot read {path}: {e}")))?,
            None => String::new(),
        };
        let config = Config::from_toml_with_env(&text, overrides)?;
        let table = lookup(env::TABLE).unwrap_or_else(|| TABLE_NAME.to_string());
        let store = Arc::new(DynamoStore::new(clients.dynamodb.clone(), table));
        let queue_urls = QueueId::ALL.into_iter().filter_map(|q| lookup(env::queue_url(q)).map(|url| (q, url))).collect();
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let stage = lookup(env::STAGE).unwrap_or_else(|| "dev".into());
        let metrics = Arc::new(EmfMetrics::stdout(stage, clock.clone()));
        // Open the TLS connection now, so the first real call is not the slow one. A failure
        // here is not fatal: the first real call reports it with its own context.
        let warming = Instant::now();
        if let Err(e) = store.warm_up().await {
            tracing::warn!(error = %e, "state table warm-up failed");
        }
        let warm_up = warming.elapsed();
        Ok((AwsWiring { config: Arc::new(config), clients, store, metrics, clock, queue_urls }, warm_up))
    }

    /// What every function has: config, the state table, the clock, metrics.
    pub fn base(&self) -> Base {
        Base { config: self.config.clone(), store: self.store.clone(), clock: self.clock.clone(), metrics: self.metrics.clone() }
    }

    /// The right to send to the `R` queue: its URL from the environment ([`env::queue_url`]),
    /// else looked up by its name in `infra/resources.json`.
    pub async fn sender<R: QueueRole>(&self) -> Result<Sender<R>, WiringError> {
        let queue = R::ID;
        let opened = match self.queue_urls.get(&queue) {
            Some(url) => {
                let name = url.rsplit('/').next().unwrap_or(queue.name()).to_string();
                Ok(SqsQueue::new(self.clients.sqs.clone(), url.clone(), name))
            }
            None => SqsQueue::open(self.clients.sqs.clone(), queue.name()).await,
        };
        opened.map(|q| Sender::new(Arc::new(q))).map_err(|source| WiringError::Queue { queue, source })
    }

    /// [`Self::base`] and the notifications queue: what a function that reports has.
    pub async fn reporting(&self) -> Result<Reporting, WiringError> {
        Ok(Reporting { base: self.base(), notifications: self.sender::<Notifications>().await? })
    }
}

/// A Lambda binary's init, timed: [`LambdaInit::start`] loads the SDK config and builds the
/// wiring, [`LambdaInit::venue`] builds what the function trades or reads through, and
/// [`LambdaInit::finish`] writes the [`ColdStart`] line.
pub struct LambdaInit {
    wiring: AwsWiring,
    started: Instant,
    sdk_config: Duration,
    sdk_clients: Duration,
    warm_up: Duration,
    venue: Duration,
}

impl LambdaInit {
    /// The wiring from the process environment, timed.
    pub async fn start() -> Result<Self, WiringError> {
        let started = Instant::now();
        let sdk_config = crate::sdk_config_from_env().await;
        let sdk_config_time = started.elapsed();
        let building = Instant::now();
        let clients = AwsClients::from_sdk_config(&sdk_config);
        let sdk_clients = building.elapsed();
        let (wiring, warm_up) = AwsWiring::from_lookup_timed(clients, |name| std::env::var(name).ok(), std::env::vars()).await?;
        Ok(LambdaInit { wiring, started, sdk_config: sdk_config_time, sdk_clients, warm_up, venue: Duration::ZERO })
    }

    /// The wiring built so far.
    pub fn wiring(&self) -> &AwsWiring {
        &self.wiring
    }

    /// Builds the function's venue (market data, the copier's broker) from the validated config
    /// and the clock, timed as part of the TLS warm-up (its HTTPS client is built here).
    pub fn venue<T, E>(&mut self, build: impl FnOnce(&Config, Arc<dyn Clock>) -> Result<T, E>) -> Result<T, WiringError>
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        let building = Instant::now();
        let built = build(&self.wiring.config, self.wiring.clock.clone()).map_err(|e| WiringError::Venue(Box::new(e)));
        self.venue += building.elapsed();
        built
    }

    /// Ends the init: writes one [`ColdStart`] line on stderr.
    pub fn finish(self) {
        let timings = ColdStart::new(self.started.elapsed(), self.sdk_config, self.sdk_clients, self.warm_up, self.venue);
        eprintln!("{}", timings.to_line());
    }
}

/// How a Lambda's init went, timed by [`LambdaInit`] and written when it ends as one
/// JSON line on stderr, `{"cold_start":{"init_us":…,"tls_warmup_us":…,"sdk_config_us":…,
/// "sdk_clients_us":…,"warm_up_us":…,"venue_us":…}}` (microseconds), so a cold start can be
/// reported with and without its TLS warm-up (the cold-start bench reads it; on Lambda it lands in
/// the function's log).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColdStart {
    /// All of the init: SDK config, wiring, the warm-up call, the venue, the queues.
    pub init_us: u64,
    /// The TLS warm-up within it: `sdk_clients_us + warm_up_us + venue_us`.
    pub tls_warmup_us: u64,
    /// Loading the SDK config (region, credentials provider, profile files, retry and timeout
    /// settings); not TLS warm-up. On Lambda no HTTPS connector is built here (see
    /// `sdk_config_from`).
    pub sdk_config_us: u64,
    /// Building the DynamoDB and SQS clients: each builds an HTTPS connector to validate its
    /// config; the first reads and parses the platform trust store (the SDK keeps the parsed
    /// certificates for the process), each turns them into a root store. Most of this is that.
    pub sdk_clients_us: u64,
    /// The state-table warm-up call: the SDK builds the HTTPS connector it sends with and makes
    /// one `GetItem` round trip (on AWS, the TLS handshake; here, the emulator's answer time).
    pub warm_up_us: u64,
    /// Building the venue's HTTP client (and broker): the first HTTPS client of the process
    /// builds the shared TLS configuration (`copycat_https`), reading and parsing the platform
    /// trust store, which is most of this; later clients (the notifier's) reuse it.
    pub venue_us: u64,
}

impl ColdStart {
    fn new(init: Duration, sdk_config: Duration, sdk_clients: Duration, warm_up: Duration, venue: Duration) -> Self {
        let us = |d: Duration| u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        ColdStart {
            init_us: us(init),
            tls_warmup_us: us(sdk_clients).saturating_add(us(warm_up)).saturating_add(us(venue)),
            sdk_config_us: us(sdk_config),
            sdk_clients_us: us(sdk_clients),
            warm_up_us: us(warm_up),
            venue_us: us(venue),
        }
    }

    /// The line [`LambdaInit::finish`] writes.
    pub fn to_line(&self) -> String {
        serde_json::json!({ "cold_start": self }).to_string()
    }

    /// The timings of a line [`LambdaInit::finish`] wrote; `None` for any other line.
    pub fn from_line(line: &str) -> Option<Self> {
        #[derive(serde::Deserialize)]
        struct Line {
            cold_start: ColdStart,
        }
        serde_json::from_str::<Line>(line.trim()).ok().map(|l| l.cold_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cold_start_line_reads_back_and_tls_warmup_is_the_sum_of_its_parts() {
        let us = Duration::from_micros;
        let timings = ColdStart::new(us(9_000), us(200), us(1_300), us(2_500), us(1_200));
        assert_eq!(timings.tls_warmup_us, 5_000);
        let line = timings.to_line();
        assert!(line.starts_with(r#"{"cold_start":{"#), "{line}");
        assert_eq!(ColdStart::from_line(&line), Some(timings));
        assert_eq!(ColdStart::from_line("INFO lambda_runtime: starting"), None);
    }
}
