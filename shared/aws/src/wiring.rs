//! What a Lambda binary builds once at start on the AWS backend: validated config, SDK clients
//! with a short first back-off, the store on the state table, the three queues, EMF metrics,
//! and a warm TLS connection. Market data and the broker are passed in (the Lambda binaries use
//! `copycat_polymarket::venue_from_config`).
//!
//! A Lambda's init ends with one [`ColdStart`] line on stderr, so the cold-start bench (and the
//! logs) can tell the TLS warm-up from the rest of the init.

use crate::resources::Resources;
use crate::{AwsClients, DynamoStore, EmfMetrics, SqsQueue};
use copycat_core::config::{Config, ConfigError};
use copycat_core::ports::{Broker, MarketData, Queue, QueueError};
use copycat_core::time::{Clock, Timestamp};
use copycat_state::{Deps, Queues};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Environment variables read by [`AwsWiring::from_env`] (the SAM template sets them).
pub mod env {
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
    /// Which function this process is (a name in [`crate::functions::FUNCTIONS`]); when set,
    /// only the queues that function sends to are opened (the template sets it).
    pub const FUNCTION: &str = "COPYCAT_FUNCTION";
}

/// The real clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        chrono::Utc::now()
    }
}

/// What can go wrong building the AWS dependencies; each names what to fix.
#[derive(Debug, thiserror::Error)]
pub enum WiringError {
    /// The config file or an override is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `COPYCAT_FUNCTION` names no function of [`crate::functions::FUNCTIONS`].
    #[error("{var}={0} is not a CopyCat function (one of copycat_aws::functions::FUNCTIONS)", var = env::FUNCTION)]
    UnknownFunction(String),
    /// A queue could not be found (no URL in the environment and no queue of that name).
    #[error("queue {role}: {source}")]
    Queue {
        /// Which queue.
        role: &'static str,
        /// Why.
        source: QueueError,
    },
    /// The venue (market data and broker) could not be built from the config.
    #[error("venue: {0}")]
    Venue(String),
}

/// The AWS side of a handler's `Deps`, built once per process.
#[derive(Clone)]
pub struct AwsWiring {
    /// Validated config.
    pub config: Arc<Config>,
    /// The SDK clients.
    pub clients: AwsClients,
    /// The state table.
    pub store: Arc<DynamoStore>,
    /// The three queues.
    pub queues: Queues,
    /// EMF metrics on stdout.
    pub metrics: Arc<EmfMetrics>,
    /// The real clock.
    pub clock: Arc<dyn Clock>,
}

impl AwsWiring {
    /// From the process environment: SDK clients from the standard AWS variables
    /// (`AWS_ENDPOINT_URL` for an emulator), names and URLs from [`env`].
    pub async fn from_env() -> Result<Self, WiringError> {
        let clients = AwsClients::from_env().await;
        Self::from_lookup(clients, |name| std::env::var(name).ok(), std::env::vars()).await
    }

    /// From `lookup` (the variables of [`env`]) and `overrides` (`COPYCAT__…` config
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
        let resources = Resources::builtin();
        let table = lookup(env::TABLE).unwrap_or_else(|| resources.table.name.clone());
        let store = Arc::new(DynamoStore::new(clients.dynamodb.clone(), table));
        let function = match lookup(env::FUNCTION) {
            Some(name) => Some(crate::functions::function(&name).ok_or(WiringError::UnknownFunction(name))?),
            None => None,
        };
        let queue = |role: &'static str, var: &str| {
            let url = lookup(var);
            let name = resources.queue(role).map(|q| q.name.clone()).unwrap_or_default();
            let sqs = clients.sqs.clone();
            async move {
                if let Some(f) = function.filter(|f| !f.sends.contains(&role)) {
                    return Ok(Arc::new(crate::functions::NotGranted::new(f.name, role, &name)) as Arc<dyn Queue>);
                }
                let opened = match url {
                    Some(url) => {
                        let name = url.rsplit('/').next().unwrap_or(&name).to_string();
                        Ok(SqsQueue::new(sqs, url, name))
                    }
                    None => SqsQueue::open(sqs, &name).await,
                };
                opened.map(|q| Arc::new(q) as Arc<dyn Queue>).map_err(|source| WiringError::Queue { role, source })
            }
        };
        let queues = Queues {
            candidates: queue("candidates", env::CANDIDATES_QUEUE_URL).await?,
            signals: queue("signals", env::SIGNALS_QUEUE_URL).await?,
            notifications: queue("notifications", env::NOTIFICATIONS_QUEUE_URL).await?,
        };
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
        Ok((AwsWiring { config: Arc::new(config), clients, store, queues, metrics, clock }, warm_up))
    }

    /// What a Lambda binary's `main` needs: wiring from the environment, then the handlers'
    /// `Deps` with the venue `venue` builds from the validated config and the clock. Writes one
    /// [`ColdStart`] line on stderr when done.
    pub async fn lambda_deps<E: std::fmt::Display>(
        venue: impl FnOnce(&Config, Arc<dyn Clock>) -> Result<(Arc<dyn MarketData>, Arc<dyn Broker>), E>,
    ) -> Result<Deps, WiringError> {
        let started = Instant::now();
        let sdk_config = crate::sdk_config_from_env().await;
        let sdk_config_time = started.elapsed();
        let building = Instant::now();
        let clients = AwsClients::from_sdk_config(&sdk_config);
        let sdk_clients = building.elapsed();
        let (wiring, warm_up) = Self::from_lookup_timed(clients, |name| std::env::var(name).ok(), std::env::vars()).await?;
        let building = Instant::now();
        let (market, broker) = venue(&wiring.config, wiring.clock.clone()).map_err(|e| WiringError::Venue(e.to_string()))?;
        let venue = building.elapsed();
        eprintln!("{}", ColdStart::new(started.elapsed(), sdk_config_time, sdk_clients, warm_up, venue).to_line());
        Ok(wiring.into_deps(market, broker))
    }

    /// The handlers' `Deps` with this market data and broker.
    pub fn into_deps(self, market: Arc<dyn MarketData>, broker: Arc<dyn Broker>) -> Deps {
        Deps { config: self.config, store: self.store, queues: self.queues, market, broker, clock: self.clock, metrics: self.metrics }
    }
}

/// How a Lambda's init went, timed in [`AwsWiring::lambda_deps`] and written when it ends as one
/// JSON line on stderr, `{"cold_start":{"init_us":…,"tls_warmup_us":…,"sdk_config_us":…,
/// "sdk_clients_us":…,"warm_up_us":…,"venue_us":…}}` (microseconds), so a cold start can be
/// reported with and without its TLS warm-up (the cold-start bench reads it; on Lambda it lands in
/// the function's log).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColdStart {
    /// All of the init in `lambda_deps`: SDK config, wiring, the warm-up call, the venue.
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

    /// The line `lambda_deps` writes.
    pub fn to_line(&self) -> String {
        serde_json::json!({ "cold_start": self }).to_string()
    }

    /// The timings of a line `lambda_deps` wrote; `None` for any other line.
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
