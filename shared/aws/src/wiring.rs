//! What a Lambda binary builds once at start on the AWS backend: validated config, SDK clients
//! with a short first back-off, the store on the state table, the three queues, EMF metrics,
//! and a warm TLS connection. Market data and the broker are passed in (the Lambda binaries use
//! `copycat_polymarket::venue_from_config`).

use crate::resources::Resources;
use crate::{AwsClients, DynamoStore, EmfMetrics, SqsQueue};
use copycat_core::config::{Config, ConfigError};
use copycat_core::ports::{Broker, MarketData, Queue, QueueError};
use copycat_core::time::{Clock, Timestamp};
use copycat_state::{Deps, Queues};
use std::sync::Arc;

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
        if let Err(e) = store.warm_up().await {
            tracing::warn!(error = %e, "state table warm-up failed");
        }
        Ok(AwsWiring { config: Arc::new(config), clients, store, queues, metrics, clock })
    }

    /// What a Lambda binary's `main` needs: wiring from the environment, then the handlers'
    /// `Deps` with the venue `venue` builds from the validated config and the clock.
    pub async fn lambda_deps<E: std::fmt::Display>(
        venue: impl FnOnce(&Config, Arc<dyn Clock>) -> Result<(Arc<dyn MarketData>, Arc<dyn Broker>), E>,
    ) -> Result<Deps, WiringError> {
        let wiring = Self::from_env().await?;
        let (market, broker) = venue(&wiring.config, wiring.clock.clone()).map_err(|e| WiringError::Venue(e.to_string()))?;
        Ok(wiring.into_deps(market, broker))
    }

    /// The handlers' `Deps` with this market data and broker.
    pub fn into_deps(self, market: Arc<dyn MarketData>, broker: Arc<dyn Broker>) -> Deps {
        Deps { config: self.config, store: self.store, queues: self.queues, market, broker, clock: self.clock, metrics: self.metrics }
    }
}
