//! The local engine: every Lambda handler in one process, on the embedded backend (or, for
//! `copycat demo --backend aws`, DynamoDB and SQS on a local emulator), fed by the same queue
//! semantics SQS gives them. `demo` runs it on a simulated market and clock; `run` runs it on
//! the real clock.

use crate::EngineError;
use crate::functions::FunctionDeps;
use crate::summary::{self, DemoState, Summary};
use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent};
use copycat_core::config::Config;
use copycat_core::events::{EventKind, Notification};
use copycat_core::ports::{NotificationSink, Queue, SinkError, StateStore};
use copycat_core::time::{Clock, ManualClock, Span, SystemClock, Timestamp};
use copycat_embedded::EmbeddedBackend;
use copycat_local::{LocalQueues, QueuePorts, local_event, settle_batch, to_sqs_event};
use copycat_sim::{ChainParams, SimBroker, SimChain, SimMarket, SimParams, SimWorld};
use copycat_state::{Base, CounterMetrics};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lambda_runtime::LambdaEvent;
use std::collections::BTreeMap;
use std::future::Future;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Which state store and queues the engine runs on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum BackendChoice {
    /// The embedded backend: one SQLite file (the default).
    #[default]
    Embedded,
    /// DynamoDB and SQS at a local emulator's endpoint (`None`: `AWS_ENDPOINT_URL`). The table
    /// and queues of `infra/resources.json` are created when missing; a fresh demo empties them.
    Aws {
        /// The emulator's endpoint URL.
        endpoint: Option<String>,
    },
}

/// What the engine runs on: a state store and the three queues, with their dead-letter queues.
pub struct EngineBackend {
    /// The state store.
    pub store: Arc<dyn StateStore>,
    /// The three queues the handlers use.
    pub queues: QueuePorts,
    /// Their dead-letter queues (counted, never consumed).
    pub dead_letters: Vec<Arc<dyn Queue>>,
    /// Where the state lives, for messages.
    pub location: String,
}

impl EngineBackend {
    /// The embedded backend's store and queues, with the queue settings of `q`.
    pub fn embedded(backend: &EmbeddedBackend, q: &copycat_core::config::QueuesConfig, location: String) -> Self {
        let local = LocalQueues::open(backend, q);
        let dead_letters = [&local.candidates, &local.signals, &local.notifications]
            .into_iter()
            .filter_map(|queue| queue.dead_letter_queue())
            .map(|d| d as Arc<dyn Queue>)
            .collect();
        EngineBackend { store: backend.store(), queues: local.ports(), dead_letters, location }
    }

    /// DynamoDB and SQS at an emulator's `endpoint` (never a real account: an endpoint is
    /// required). Creates the table and queues when missing; unless `resume`, empties them.
    #[cfg(feature = "aws")]
    pub async fn aws(endpoint: Option<&str>, resume: bool) -> Result<Self, EngineError> {
        use copycat_aws::resources::{create_resources, reset_resources};
        use copycat_core::queues::QueueId;
        let endpoint = match endpoint.map(str::to_string).or_else(|| std::env::var("AWS_ENDPOINT_URL").ok()).filter(|e| !e.is_empty()) {
            Some(e) => e,
            None => {
                return Err(EngineError::Usage(
                    "--backend aws needs an emulator endpoint: pass --endpoint-url URL or set AWS_ENDPOINT_URL \
                     (start one with `bash infra/emulator.sh start`); the demo never runs against a real AWS account"
                        .into(),
                ));
            }
        };
        if let Some(host) = aws_service_host(&endpoint) {
            return Err(EngineError::Usage(format!(
                "--backend aws runs the demo on an emulator only, and {host} is AWS itself: the demo empties its table and \
                 queues. Point --endpoint-url at an emulator (`bash infra/emulator.sh start`); deploy with SAM for real"
            )));
        }
        let clients = copycat_aws::AwsClients::for_endpoint(&endpoint).await;
        let resources = copycat_aws::Resources::builtin();
        let failed =
            |e: copycat_aws::resources::ProvisionError| EngineError::AwsBackend { endpoint: endpoint.clone(), source: Box::new(e) };
        let provisioned = create_resources(&clients, &resources).await.map_err(failed)?;
        if !resume {
            let report = reset_resources(&clients, &provisioned).await.map_err(failed)?;
            tracing::info!(?report, "emptied the emulator's table and queues for a fresh demo");
        }
        let queue = |name: &str| -> Result<Arc<dyn Queue>, EngineError> {
            let url = provisioned.queue_urls.get(name).ok_or_else(|| EngineError::AwsBackend {
                endpoint: endpoint.clone(),
                source: format!("queue {name} was not created").into(),
            })?;
            Ok(Arc::new(copycat_aws::SqsQueue::new(clients.sqs.clone(), url.clone(), name)))
        };
        let queues = QueuePorts {
            candidates: queue(QueueId::Candidates.name())?,
            signals: queue(QueueId::Signals.name())?,
            notifications: queue(QueueId::Notifications.name())?,
        };
        let dead_letters = QueueId::ALL.into_iter().map(|q| queue(q.dead_letter_name())).collect::<Result<Vec<_>, _>>()?;
        let store = Arc::new(copycat_aws::DynamoStore::new(clients.dynamodb.clone(), provisioned.table.clone()));
        Ok(EngineBackend { store, queues, dead_letters, location: format!("table {} at {endpoint}", provisioned.table) })
    }

    /// The state table alone, read by operator commands (`copycat report --backend aws`): a
    /// deployed table (the SDK's usual credentials and region) or an emulator's (`endpoint`).
    /// `table`: its name (default: `COPYCAT_TABLE`, else the name in `infra/resources.json`).
    #[cfg(feature = "aws")]
    pub async fn aws_store(endpoint: Option<&str>, table: Option<String>) -> Result<Arc<dyn StateStore>, EngineError> {
        let clients = match endpoint {
            Some(e) => copycat_aws::AwsClients::for_endpoint(e).await,
            None => copycat_aws::AwsClients::from_env().await,
        };
        let table = table
            .or_else(|| std::env::var(copycat_aws::wiring::env::TABLE).ok())
            .unwrap_or_else(|| copycat_core::queues::TABLE_NAME.to_string());
        Ok(Arc::new(copycat_aws::DynamoStore::new(clients.dynamodb.clone(), table)))
    }

    /// Without the `aws` feature the AWS backend is a clear error, not a silent fallback.
    #[cfg(not(feature = "aws"))]
    pub async fn aws_store(_endpoint: Option<&str>, _table: Option<String>) -> Result<Arc<dyn StateStore>, EngineError> {
        Err(EngineError::Usage(
            "this copycat was built without the AWS backend; rebuild with `--features aws` \
             (e.g. `cargo run --release -p copycat --features aws -- report --backend aws`)"
                .into(),
        ))
    }

    /// Without the `aws` feature the AWS backend is a clear error, not a silent fallback.
    #[cfg(not(feature = "aws"))]
    pub async fn aws(_endpoint: Option<&str>, _resume: bool) -> Result<Self, EngineError> {
        Err(EngineError::Usage(
            "this copycat was built without the AWS backend; rebuild with `--features aws` \
             (e.g. `cargo run --release -p copycat --features aws -- demo --backend aws`)"
                .into(),
        ))
    }
}

/// How to run the demo.
#[derive(Clone, Debug)]
pub struct DemoOptions {
    /// The state store and queues (default: embedded).
    pub backend: BackendChoice,
    /// Simulated days (default: demo.days in config, 7).
    pub days: Option<u32>,
    /// Seed of the simulated world (default: demo.seed in config).
    pub seed: Option<u64>,
    /// Wallets in the simulated population (default: demo.wallets in config).
    pub wallets: Option<u32>,
    /// The state database; a fresh demo replaces it.
    pub db: PathBuf,
    /// Continue a demo that was interrupted, from its database.
    pub resume: bool,
    /// Print the summary as one JSON object (and no notifications) on stdout.
    pub json: bool,
    /// Do not print notifications as they happen.
    pub quiet: bool,
    /// Where leader fills are detected (default: `chain.detection` in config): `Chain` reads the
    /// simulated node's blocks, `DataApi` each leader's trades.
    pub detection: Option<copycat_core::config::Detection>,
}

/// How to run the engine on the real clock.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// The state database.
    pub db: PathBuf,
    /// Stop after this many seconds (default: run until Ctrl-C).
    pub for_secs: Option<u64>,
    /// The venue to trade on (default: the simulated market).
    pub venue: Option<RunVenue>,
}

/// A venue for `run`: market data and a broker (e.g. Polymarket over HTTP with a paper broker).
#[derive(Clone)]
pub struct RunVenue {
    /// Market data.
    pub market: Arc<dyn copycat_core::ports::MarketData>,
    /// Order placement.
    pub broker: Arc<dyn copycat_core::ports::Broker>,
    /// What to call it in messages, e.g. `Polymarket at http://127.0.0.1:8080`.
    pub label: String,
}

impl std::fmt::Debug for RunVenue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunVenue").field("label", &self.label).finish_non_exhaustive()
    }
}

/// When the demo's simulated world begins (fixed, so a seed always gives the same run).
pub fn demo_start() -> Timestamp {
    copycat_core::time::from_secs(1_772_409_600) // 2026-03-02T00:00:00Z
}

/// The local notification sink: counts every notification, prints the ones worth reading, and
/// posts each to the configured webhooks when there are any ([`Engine::connect_webhooks`]).
pub struct DemoSink {
    counts: Mutex<BTreeMap<String, u64>>,
    printer: Option<ProgressBar>,
    webhooks: std::sync::OnceLock<Arc<dyn NotificationSink>>,
}

impl DemoSink {
    fn new(printer: Option<ProgressBar>) -> Self {
        DemoSink { counts: Mutex::new(BTreeMap::new()), printer, webhooks: std::sync::OnceLock::new() }
    }
    /// Notifications delivered, by kind.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.counts.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

#[async_trait::async_trait]
impl NotificationSink for DemoSink {
    async fn deliver(&self, n: &Notification) -> Result<(), SinkError> {
        // Webhooks first: a retryable failure leaves the notification on the queue, uncounted.
        let posted = match self.webhooks.get() {
            Some(hooks) => hooks.deliver(n).await,
            None => Ok(()),
        };
        if let Err(SinkError::Retryable(_)) = posted {
            return posted;
        }
        if let Ok(mut c) = self.counts.lock() {
            *c.entry(n.event.kind().to_string()).or_insert(0) += 1;
        }
        let routine = matches!(n.event.kind(), EventKind::TradeCopied | EventKind::TradeRefused);
        match (&self.printer, routine) {
            (Some(pb), false) if pb.is_hidden() => println!("{}", n.render_line()),
            (Some(pb), false) => pb.println(n.render_line()),
            _ => {}
        }
        posted
    }
}

/// Every handler, one process.
pub struct Engine {
    /// Each function's deps (each handler gets only its own).
    pub deps: FunctionDeps,
    /// The three queues.
    pub queues: QueuePorts,
    /// Their dead-letter queues.
    pub dead_letters: Vec<Arc<dyn Queue>>,
    /// Counters.
    pub metrics: Arc<CounterMetrics>,
    /// The notification sink.
    pub sink: Arc<DemoSink>,
    poller: signal_poller::Poller,
    dead_lettered: u64,
}

const ARN: &str = "arn:aws:sqs:local:000000000000:";

/// Feeds `queue`'s messages to `handler` in SQS batches, as Lambda's poller does, until the
/// queue is empty or a batch had failures (they come back after their visibility timeout).
async fn drain<F, Fut, E>(queue: &dyn Queue, batch: usize, mut handler: F) -> Result<u32, EngineError>
where
    F: FnMut(LambdaEvent<SqsEvent>) -> Fut,
    Fut: Future<Output = Result<SqsBatchResponse, E>>,
    E: std::fmt::Display,
{
    let mut handled = 0;
    loop {
        let msgs = queue.receive(batch).await?;
        if msgs.is_empty() {
            return Ok(handled);
        }
        let event = to_sqs_event(&msgs, &format!("{ARN}{}", queue.name()));
        match handler(local_event(event)).await {
            Ok(resp) => {
                let out = settle_batch(queue, &msgs, &resp).await?;
                handled += out.acked;
                if out.failed > 0 {
                    // the failed ones reappear after the visibility timeout
                    return Ok(handled);
                }
            }
            Err(e) => {
                tracing::warn!(queue = queue.name(), error = %e, "batch failed as a whole; it will be redelivered");
                return Ok(handled);
            }
        }
    }
}

impl Engine {
    /// Builds the engine over a backend, a market and a broker.
    pub fn new(
        config: Config,
        backend: EngineBackend,
        clock: Arc<dyn Clock>,
        market: Arc<dyn copycat_core::ports::MarketData>,
        broker: Arc<dyn copycat_core::ports::Broker>,
        printer: Option<ProgressBar>,
    ) -> Self {
        let metrics = Arc::new(CounterMetrics::default());
        let EngineBackend { store, queues, dead_letters, .. } = backend;
        let base = Base { config: Arc::new(config), store, clock, metrics: metrics.clone() };
        Engine {
            deps: FunctionDeps::new(base, &queues, market, broker),
            queues,
            dead_letters,
            metrics,
            sink: Arc::new(DemoSink::new(printer)),
            poller: signal_poller::Poller::new(format!("engine-{}", std::process::id())),
            dead_lettered: 0,
        }
    }

    fn batch(&self) -> usize {
        self.deps.config.queues.batch_size as usize
    }

    /// Also posts every notification to the configured Discord / Slack webhooks (config
    /// destinations, or `COPYCAT_DISCORD_WEBHOOK_URL` / `COPYCAT_SLACK_WEBHOOK_URL`, read through
    /// `env`); returns their names (empty: terminal only). Posts are paced on the real clock,
    /// whatever clock the engine runs on, since the webhooks' rate limits are real.
    pub fn connect_webhooks(&self, env: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, EngineError> {
        let router = copycat_notify::Router::from_config(&self.deps.config.notifications, env, copycat_notify::Timing::real())?;
        let names: Vec<String> = router.destinations().iter().map(|d| format!("{} `{}`", d.platform(), d.name())).collect();
        if !router.is_empty() {
            let _ = self.sink.webhooks.set(Arc::new(router.with_ledger(self.deps.store.clone())));
        }
        Ok(names)
    }

    /// Discovery, then the bot filter over every candidate it queued.
    pub async fn discover(&mut self) -> Result<(), EngineError> {
        let report = discovery::run_discovery(&self.deps.discovery).await?;
        tracing::info!(?report, "discovery");
        let deps = &self.deps.bot_filter;
        drain(self.queues.candidates.as_ref(), self.batch(), |e| async move { bot_filter::handle(e, deps).await }).await?;
        Ok(())
    }

    /// Detects fills from `chain` (a node behind the `ChainRpc` port) rather than the Data API.
    pub fn set_chain(&mut self, chain: Arc<dyn copycat_core::ports::ChainRpc>) {
        self.deps.poller.chain = Some(chain);
    }

    /// One poll of every followed leader; returns how many signals were queued.
    pub async fn poll(&mut self) -> Result<u32, EngineError> {
        let r = self.poller.poll_once(&self.deps.poller).await?;
        Ok(r.signals_queued)
    }

    /// Copies every signal waiting.
    pub async fn copy(&mut self) -> Result<u32, EngineError> {
        let deps = &self.deps.copier;
        drain(self.queues.signals.as_ref(), self.batch(), |e| async move { signal_copier::handle(e, deps).await }).await
    }

    /// One health check.
    pub async fn health(&mut self) -> Result<health_check::HealthReport, EngineError> {
        Ok(health_check::run_health_check(&self.deps.health).await?)
    }

    /// Delivers every notification waiting; counts what was dead-lettered.
    pub async fn notify(&mut self) -> Result<(), EngineError> {
        let deps = self.deps.notifier();
        let sink: &dyn NotificationSink = self.sink.as_ref();
        drain(self.queues.notifications.as_ref(), self.batch(), |e| async move { notifier::handle(e, deps, sink).await }).await?;
        let mut dead = 0;
        for d in &self.dead_letters {
            dead += d.depth().await?;
        }
        if dead > self.dead_lettered {
            self.deps.metrics.count("DeadLettered", dead - self.dead_lettered, &[]);
            self.dead_lettered = dead;
        }
        Ok(())
    }
}

fn remove_db(path: &Path) -> Result<(), EngineError> {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(EngineError::RemoveFile { path: p, source }),
        }
    }
    Ok(())
}

fn progress(total_secs: u64, enabled: bool) -> Option<ProgressBar> {
    if !enabled || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = ProgressBar::with_draw_target(Some(total_secs), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{spinner} simulated {msg} [{bar:40}] {percent}% ({elapsed} wall)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    Some(pb)
}

/// `copycat demo`.
pub async fn demo(mut config: Config, args: DemoOptions) -> Result<Summary, EngineError> {
    if let Some(d) = args.days {
        config.demo.days = d;
    }
    if let Some(s) = args.seed {
        config.demo.seed = s;
    }
    if let Some(w) = args.wallets {
        config.demo.wallets = w;
    }
    if let Some(d) = args.detection {
        config.chain.detection = d;
    }
    config.validate()?;
    let start = demo_start();
    let end = start + Span::days(config.demo.days as i64);
    let clock = Arc::new(ManualClock::new(start));
    let backend = match &args.backend {
        BackendChoice::Embedded => {
            if args.resume {
                if !args.db.exists() {
                    return Err(EngineError::Usage(format!("nothing to resume: no demo database at {}", args.db.display())));
                }
            } else {
                remove_db(&args.db)?;
            }
            let embedded = copycat_local::open_backend(&args.db, clock.clone())?;
            EngineBackend::embedded(&embedded, &config.queues, args.db.display().to_string())
        }
        BackendChoice::Aws { endpoint } => EngineBackend::aws(endpoint.as_deref(), args.resume).await?,
    };
    if !args.json {
        eprintln!("copycat demo: state in {}", backend.location);
    }
    let world = Arc::new(SimWorld::generate(SimParams::from_demo_config(&config.demo, start)));
    let market = Arc::new(SimMarket::new(world.clone(), clock.clone()));
    let broker = Arc::new(SimBroker::new(world.clone(), clock.clone()));
    let total = (end - start).num_seconds() as u64;
    let pb = progress(total, !args.json);
    let printer = if args.json || args.quiet { None } else { Some(pb.clone().unwrap_or_else(ProgressBar::hidden)) };
    let mut engine = Engine::new(config.clone(), backend, clock.clone(), market, broker, printer);
    // The simulated node: the world's fills as blocks, with its bad days (the demo's default).
    let chain = (config.chain.detection == copycat_core::config::Detection::Chain).then(|| {
        let params = ChainParams { block_interval_ms: config.chain.block_interval_ms, ..ChainParams::default() };
        Arc::new(SimChain::new(world.clone(), clock.clone(), params))
    });
    if let Some(c) = &chain {
        engine.set_chain(c.clone());
    }
    let webhooks = engine.connect_webhooks(&|k| std::env::var(k).ok())?;
    if !webhooks.is_empty() {
        eprintln!("notifications also go to {} (paced by their rate limits)", webhooks.join(", "));
    }

    let mut state = DemoState::load_or_create(&engine.deps, &config, start, args.resume).await?;
    if args.resume {
        // Resume strictly after anything the interrupted run may have done (it saved its state
        // at least every health interval), so simulated time never runs backwards.
        clock.advance_to(
            state.clock
                + copycat_core::time::secs(config.demo.health_every_secs)
                + copycat_core::time::millis(config.poller.poll_interval_ms),
        );
        engine.metrics_restore(&state.counters);
        eprintln!("resuming the demo at {}", clock.now().format("%Y-%m-%d %H:%M:%S"));
    }
    let wall = std::time::Instant::now();
    let tick = copycat_core::time::millis(config.poller.poll_interval_ms);
    let sweep = Span::seconds(30);
    let order_latency = copycat_core::time::millis(config.demo.order_latency_ms);
    let mut next_sweep = clock.now();
    let mut last_day_printed = -1i64;
    let plain_progress = pb.is_none() && !args.json;
    while clock.now() < end {
        let now = clock.now();
        if now >= state.next_discovery {
            engine.discover().await?;
            state.next_discovery = now + copycat_core::time::secs(config.demo.discovery_every_secs);
        }
        let queued = engine.poll().await?;
        if queued > 0 || now >= next_sweep {
            if queued > 0 {
                clock.advance(order_latency);
            }
            engine.copy().await?;
            next_sweep = now + sweep;
        }
        if now >= state.next_health {
            let report = engine.health().await?;
            state.observe(&report);
            engine.notify().await?;
            state.next_health = now + copycat_core::time::secs(config.demo.health_every_secs);
            state.clock = clock.now();
            state.counters = engine.metrics.snapshot();
            state.save(&engine.deps).await?;
        }
        let elapsed = (clock.now() - start).num_seconds().max(0) as u64;
        if let Some(pb) = &pb {
            pb.set_position(elapsed.min(total));
            pb.set_message(clock.now().format("%a %d %b %H:%M").to_string());
        } else if plain_progress {
            let day = elapsed as i64 / 86_400;
            if day != last_day_printed {
                eprintln!("progress: simulated day {}/{} ({:.0}%)", day + 1, config.demo.days, elapsed as f64 * 100.0 / total as f64);
                last_day_printed = day;
            }
        }
        clock.advance_to(now + tick);
    }
    // Let what is in flight finish: copy, a last health check, deliver notifications.
    engine.copy().await?;
    let report = engine.health().await?;
    state.observe(&report);
    engine.notify().await?;
    state.clock = clock.now();
    state.counters = engine.metrics.snapshot();
    state.finished = true;
    state.save(&engine.deps).await?;
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let mut summary = summary::build(&engine, &world, &config, &state, wall.elapsed()).await?;
    summary.chain_calls = chain.map(|c| c.calls()).unwrap_or(0);
    Ok(summary)
}

impl Engine {
    fn metrics_restore(&self, counters: &BTreeMap<String, u64>) {
        for (k, v) in counters {
            // counters with properties are stored as Name{k=v}; restore them verbatim
            use copycat_core::ports::Metrics;
            self.metrics.count(k, *v, &[]);
        }
    }
}

/// How often `copycat run` runs each scheduled function on the real clock: from `[schedule]`
/// (the deployed schedules' cadence) and `[poller]`, never from `[demo]`, whose cadence is for
/// simulated time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunCadence {
    /// Between discovery passes.
    pub discovery: Span,
    /// Between health checks.
    pub health: Span,
    /// Between polls.
    pub poll: std::time::Duration,
}

impl RunCadence {
    /// The real-clock cadence `config` asks for.
    pub fn from_config(config: &Config) -> RunCadence {
        RunCadence {
            discovery: copycat_core::time::secs(config.schedule.discovery_every_secs),
            health: copycat_core::time::secs(config.schedule.health_every_secs),
            poll: std::time::Duration::from_millis(config.poller.poll_interval_ms),
        }
    }
}

/// `copycat run`: the same engine on the real clock.
pub async fn run(config: Config, args: RunOptions) -> Result<(), EngineError> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let start = clock.now();
    let embedded = copycat_local::open_backend(&args.db, clock.clone())?;
    let backend = EngineBackend::embedded(&embedded, &config.queues, args.db.display().to_string());
    let venue = args.venue.unwrap_or_else(|| {
        let world = Arc::new(SimWorld::generate(SimParams::from_demo_config(&config.demo, start)));
        RunVenue {
            market: Arc::new(SimMarket::new(world.clone(), clock.clone())),
            broker: Arc::new(SimBroker::new(world, clock.clone())),
            label: "the simulated market".into(),
        }
    });
    let (market, broker) = (venue.market, venue.broker);
    eprintln!("copycat run: {} trading on {} (real time), state in {}; Ctrl-C stops", config.trading.mode, venue.label, args.db.display());
    let mut engine = Engine::new(config.clone(), backend, clock.clone(), market, broker, Some(ProgressBar::hidden()));
    let webhooks = engine.connect_webhooks(&|k| std::env::var(k).ok())?;
    if !webhooks.is_empty() {
        eprintln!("notifications also go to {} (paced by their rate limits)", webhooks.join(", "));
    }
    let cadence = RunCadence::from_config(&config);
    let mut next_discovery = start;
    let mut next_health = start;
    let stop_at = args.for_secs.map(|s| start + Span::seconds(s as i64));
    loop {
        let now = clock.now();
        if stop_at.is_some_and(|t| now >= t) {
            break;
        }
        if now >= next_discovery {
            engine.discover().await?;
            next_discovery = now + cadence.discovery;
        }
        engine.poll().await?;
        engine.copy().await?;
        if now >= next_health {
            let r = engine.health().await?;
            eprintln!("[{}] equity {} drawdown {:.1}%", now.format("%H:%M:%S"), r.equity, r.drawdown * 100.0);
            engine.notify().await?;
            next_health = now + cadence.health;
        }
        tokio::select! {
            _ = tokio::time::sleep(cadence.poll) => {}
            _ = tokio::signal::ctrl_c() => { eprintln!("stopping"); break; }
        }
    }
    engine.notify().await?;
    Ok(())
}

/// The host of `endpoint` when it is one of AWS's own service endpoints (never an emulator).
#[cfg_attr(not(feature = "aws"), allow(dead_code))]
fn aws_service_host(endpoint: &str) -> Option<String> {
    let rest = endpoint.split_once("://").map_or(endpoint, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default().trim_end_matches('.').to_ascii_lowercase();
    let aws = ["amazonaws.com", "amazonaws.com.cn", "api.aws"].iter().any(|d| host == *d || host.ends_with(&format!(".{d}")));
    aws.then_some(host)
}

#[cfg(test)]
mod tests {
    use super::{RunCadence, aws_service_host};
    use copycat_core::config::Config;
    use copycat_core::time::Span;

    #[test]
    fn demo_section_does_not_pace_the_real_clock_run() {
        let config = Config::from_toml(
            "[demo]\ndiscovery_every_secs = 5\nhealth_every_secs = 1\n[schedule]\ndiscovery_every_secs = 7200\nhealth_every_secs = 600\n",
        )
        .unwrap();
        let cadence = RunCadence::from_config(&config);
        assert_eq!(cadence.discovery, Span::hours(2));
        assert_eq!(cadence.health, Span::minutes(10));
        assert_eq!(cadence.poll, std::time::Duration::from_millis(config.poller.poll_interval_ms));
        // Changing only [demo] leaves the real-clock cadence where it was.
        let default = RunCadence::from_config(&Config::default());
        let demo_only = Config::from_toml("[demo]\nhealth_every_secs = 1\ndiscovery_every_secs = 1\n").unwrap();
        assert_eq!(RunCadence::from_config(&demo_only), default);
        assert_eq!(default.health, Span::minutes(5), "the template's HealthCheckSchedule default, rate(5 minutes)");
        assert_eq!(default.discovery, Span::hours(1), "the template's DiscoverySchedule default, rate(1 hour)");
    }

    #[test]
    fn only_aws_own_endpoints_are_refused_for_the_demo() {
        assert_eq!(aws_service_host("https://dynamodb.eu-west-1.amazonaws.com").as_deref(), Some("dynamodb.eu-west-1.amazonaws.com"));
        assert_eq!(aws_service_host("https://sqs.cn-north-1.amazonaws.com.cn/").as_deref(), Some("sqs.cn-north-1.amazonaws.com.cn"));
        assert_eq!(aws_service_host("https://dynamodb.us-east-1.api.aws:443").as_deref(), Some("dynamodb.us-east-1.api.aws"));
        assert_eq!(aws_service_host("http://127.0.0.1:5000"), None);
        assert_eq!(aws_service_host("http://moto:5000"), None);
        assert_eq!(aws_service_host("http://notamazonaws.com.example:1"), None);
    }
}
