//! `copycat chaos`: the soak. Seeded leader trades become signals on the FIFO signals queue
//! (some sent twice, in another group, so the copies race); worker processes
//! (`copycat chaos-worker`) run the real copier over them through ports that inject the
//! `[chaos]` fault plan, and die by a real SIGKILL at random points inside the handler; the
//! coordinator restarts each killed worker. Every invocation has a deadline
//! (`chaos.invocation_timeout_ms`): a worker still inside the handler then is stopped, as Lambda
//! stops a timed-out invocation. When the queue is empty (dead letters redriven once, without
//! faults), the ledger, the portfolio and the venue's own record of fills are audited against
//! the leader trades.
//!
//! Two backends. `embedded`: one SQLite file holds the state table and the queues; each worker
//! receives from the queue itself and settles its batch, as the local engine does. `aws`: a
//! fresh DynamoDB table and SQS queues on the local emulator; each worker is the copier under
//! the official Lambda runtime client (`lambda_runtime`), polling a runtime API the coordinator
//! serves, and the coordinator is the SQS event source mapping: it receives batches, invokes the
//! worker with a deadline, deletes what succeeded, and kills a worker that overruns.

use crate::CliError;
use copycat_chaos::runtime_api::{Outcome, RuntimeApi};
use copycat_chaos::stack::{Opened, Stack};
use copycat_chaos::venue::ChaosVenue;
use copycat_chaos::{Audit, ChaosBroker, ChaosMarket, ChaosStore, Faults, SkewedClock};
use copycat_core::Config;
use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, StateStore, send_all};
use copycat_core::records::keys;
use copycat_core::time::{Clock, SystemClock};
use copycat_local::{local_event, settle_batch, to_sqs_event};
use copycat_state::{Base, CounterMetrics, to_body};
use rand::{Rng, SeedableRng};
use std::collections::HashSet;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// `copycat chaos` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct ChaosArgs {
    /// Leader trades to drive through the copier.
    #[arg(long, default_value_t = 10_000)]
    signals: usize,
    /// Seed of the trades and of the fault plan.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where state and queues live: `embedded` (one SQLite file shared by the worker processes)
    /// or `aws` (a fresh table and queues on the local emulator, workers under the Lambda
    /// runtime API; needs a build with `--features aws`).
    #[arg(long, value_enum, default_value_t = ChaosBackend::Embedded)]
    backend: ChaosBackend,
    /// The emulator's endpoint for `--backend aws` (default: AWS_ENDPOINT_URL; without either,
    /// the soak starts its own emulator, answering one request at a time, and stops it after).
    /// Never AWS itself.
    #[arg(long)]
    endpoint_url: Option<String>,
    /// Print the audit as one JSON object.
    #[arg(long)]
    json: bool,
    /// Keep the soak's files here (default: a fresh directory under the system temp dir,
    /// removed afterwards).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Give up after this many seconds (the audit then counts what is unfinished as lost).
    #[arg(long, default_value_t = 3_600)]
    max_secs: u64,
}

/// `--backend` of the soak.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChaosBackend {
    /// The embedded SQLite backend, worker processes killed with SIGKILL.
    Embedded,
    /// DynamoDB and SQS on the local emulator, workers under the Lambda runtime API.
    Aws,
}

/// `copycat chaos-worker` arguments (started by `copycat chaos`, not by people).
#[derive(clap::Args, Clone, Debug)]
pub struct WorkerArgs {
    /// The soak's directory.
    #[arg(long)]
    dir: PathBuf,
    /// Seed of this worker's faults.
    #[arg(long)]
    seed: u64,
    /// Inject no faults (the drain after the soak).
    #[arg(long)]
    no_faults: bool,
    /// Run as a Lambda function under the runtime API in `AWS_LAMBDA_RUNTIME_API` (the AWS
    /// backend), not as a queue consumer.
    #[arg(long)]
    lambda: bool,
}

/// Exit code of a worker stopped at its invocation deadline (as `timeout(1)` exits).
const DEADLINE_EXIT: i32 = 124;

/// What the invokers of the AWS backend share with the coordinator's watch loop.
#[derive(Default)]
struct Watch {
    /// Set when the queue is empty: invokers finish their batch and stop.
    stop: AtomicBool,
    /// The live process of each worker slot.
    pids: Vec<AtomicU32>,
    /// Processes an invoker stopped at their deadline (not counted as injected kills).
    deadline_kills: Mutex<HashSet<u32>>,
}

const ARN: &str = "arn:aws:sqs:local:000000000000:";

/// Each worker restarts from a new seed: the same seed would kill it at the same point again.
fn worker_seed(seed: u64, worker: u32, incarnation: u32) -> u64 {
    seed ^ (u64::from(worker) << 40) ^ (u64::from(incarnation) << 20) ^ 0x9e37_79b9_7f4a_7c15
}

/// Copies this very binary into the soak's directory, so every worker runs the coordinator's
/// code even if `copycat` is rebuilt (or replaced) on disk while the soak runs. On Linux it is
/// read through `/proc/self/exe`, which still opens a binary that was replaced.
fn worker_binary(dir: &Path) -> Result<PathBuf, CliError> {
    let to = dir.join("copycat-chaos-worker");
    let from = if Path::new("/proc/self/exe").exists() {
        PathBuf::from("/proc/self/exe")
    } else {
        std::env::current_exe().map_err(CliError::io("cannot find the copycat binary"))?
    };
    std::fs::copy(&from, &to).map_err(CliError::io(format!("cannot copy the copycat binary to {}", to.display())))?;
    Ok(to)
}

/// Starts a worker; with `runtime_api`, as a Lambda function polling that runtime API.
fn spawn_worker(dir: &Path, seed: u64, faults: bool, runtime_api: Option<&str>) -> Result<Child, CliError> {
    let mut cmd = Command::new(dir.join("copycat-chaos-worker"));
    cmd.arg("chaos-worker").arg("--dir").arg(dir).arg("--seed").arg(seed.to_string());
    if !faults {
        cmd.arg("--no-faults");
    }
    if let Some(api) = runtime_api {
        cmd.arg("--lambda").env("AWS_LAMBDA_RUNTIME_API", api).envs([
            ("AWS_LAMBDA_FUNCTION_NAME", "signal-copier"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
        ]);
    }
    cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::inherit());
    cmd.spawn().map_err(CliError::io("cannot start a chaos worker"))
}

impl ChaosArgs {
    /// Whether the audit is printed as JSON.
    pub fn json(&self) -> bool {
        self.json
    }
}

/// Runs the soak and returns its audit.
pub async fn run(config: &Config, args: &ChaosArgs) -> Result<Audit, CliError> {
    if args.endpoint_url.is_some() && args.backend != ChaosBackend::Aws {
        return Err(CliError::Usage("--endpoint-url applies only to --backend aws".into()));
    }
    let temp = args.dir.is_none();
    let dir = args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("copycat-chaos-{}-{}", std::process::id(), args.seed)));
    std::fs::create_dir_all(&dir).map_err(CliError::io(format!("cannot create {}", dir.display())))?;
    for f in ["state.db", "state.db-wal", "state.db-shm", "venue.db", "venue.db-wal", "venue.db-shm", "stop", "stack.json"] {
        let _ = std::fs::remove_file(dir.join(f));
    }
    worker_binary(&dir)?;
    let result = soak(config, args, &dir).await;
    if temp {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

/// The emulator endpoint for `--backend aws`: the flag, else `AWS_ENDPOINT_URL`, else none (the
/// soak starts its own); never AWS.
fn emulator_endpoint(args: &ChaosArgs) -> Result<Option<String>, CliError> {
    let Some(endpoint) = args.endpoint_url.clone().or_else(|| std::env::var("AWS_ENDPOINT_URL").ok()).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    let rest = endpoint.split_once("://").map_or(endpoint.as_str(), |(_, r)| r);
    let host = rest.split(['/', ':', '?', '#']).next().unwrap_or_default();
    if !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
        return Err(CliError::Usage(format!(
            "--backend aws runs the soak on a local emulator only (it creates tables and queues and fills them with \
             test trades), and {host} is not this machine: point --endpoint-url at a local emulator, or leave it out \
             and the soak starts its own"
        )));
    }
    Ok(Some(endpoint))
}

async fn soak(config: &Config, args: &ChaosArgs, dir: &Path) -> Result<Audit, CliError> {
    let cfg = copycat_chaos::chaos_config(config);
    let text = toml::to_string(&cfg).map_err(|e| CliError::Usage(format!("the soak's config cannot be written: {e}")))?;
    std::fs::write(dir.join("config.toml"), text).map_err(CliError::io("cannot write the soak's config"))?;
    // `_emulator`: the soak's own emulator, when it started one; stopped when the soak ends.
    let (stack, _emulator) = match args.backend {
        ChaosBackend::Embedded => (Stack::Embedded { db: dir.join("state.db") }, None),
        ChaosBackend::Aws => {
            let (endpoint, emulator) = match emulator_endpoint(args)? {
                Some(endpoint) => (endpoint, None),
                None => {
                    let (endpoint, guard) = Stack::start_emulator().map_err(stack_error)?;
                    (endpoint, Some(guard))
                }
            };
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
            let tag = format!("{}-{}-{nanos}", std::process::id(), args.seed);
            (Stack::create_aws(&endpoint, &tag, &cfg.queues).await.map_err(stack_error)?, emulator)
        }
    };
    stack.save(dir).map_err(stack_error)?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let Opened { store, queues, signals_dead_letter: dlq } = stack.open(&cfg.queues, clock.clone()).await.map_err(stack_error)?;
    let now = clock.now();
    store.put_if_absent(&keys::leaders(), to_body(&copycat_chaos::leader_set(cfg.chaos.leaders, now)), None).await?;
    let venue = ChaosVenue::open(&dir.join("venue.db"), clock.clone()).map_err(|e| CliError::Usage(format!("venue db: {e}")))?;

    let (signals, again) =
        copycat_chaos::signals(args.signals, args.seed, now, cfg.chaos.leaders, cfg.chaos.markets, cfg.chaos.redelivery_rate);
    let mut out: Vec<OutMessage> = signals
        .iter()
        .map(|s| OutMessage::fifo(serde_json::to_string(s).unwrap_or_default(), s.leader.as_str(), s.key.0.clone()))
        .collect();
    // A redelivery in another group, so it races the original in another worker.
    out.extend(again.iter().map(|&i| {
        let s = &signals[i];
        OutMessage::fifo(serde_json::to_string(s).unwrap_or_default(), format!("{}#again", s.leader.as_str()), format!("{}#again", s.key.0))
    }));
    let failed = send_all(queues.signals.as_ref(), out).await?;
    if !failed.is_empty() {
        return Err(CliError::Incomplete(format!("{} signals could not be queued", failed.len())));
    }
    venue.count_fault("redelivered", again.len() as u64);

    let phase = Phase {
        dir,
        seed: args.seed,
        lambda: args.backend == ChaosBackend::Aws,
        signals_queue: queues.signals.clone(),
        batch: cfg.queues.batch_size as usize,
        arn: format!("{ARN}{}", queues.signals.name()),
        invocation: Duration::from_millis(cfg.chaos.invocation_timeout_ms),
        json: args.json,
    };
    let counts = phase.run(cfg.chaos.workers as usize, true, Duration::from_secs(args.max_secs)).await?;
    venue.count_fault("worker_killed", counts.killed);

    // What reached the dead-letter queue is redriven once, as an operator would, and copied by
    // workers without faults (restarted, like the soak's, if one is stopped at its deadline).
    let mut redriven = 0u64;
    // Until the DLQ is empty, counting messages not visible yet (a message is dead-lettered as it
    // is received, and may not be visible in the DLQ at once).
    while dlq.depth().await? > 0 {
        let msgs = dlq.receive(10).await?;
        if msgs.is_empty() {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        }
        let again: Vec<OutMessage> =
            msgs.iter().map(|m| OutMessage::fifo(m.body.clone(), "redrive", format!("redrive-{}-{redriven}", m.message_id))).collect();
        redriven += again.len() as u64;
        send_all(queues.signals.as_ref(), again).await?;
        for m in &msgs {
            dlq.ack(&m.receipt).await?;
        }
    }
    let drained = if redriven > 0 { phase.run(1, false, Duration::from_secs(args.max_secs)).await? } else { Counts::default() };
    let overran = counts.overran + drained.overran;
    if overran > 0 {
        venue.count_fault("invocation_deadline", overran);
    }
    if counts.crashed + drained.crashed > 0 {
        venue.count_fault("worker_failed", counts.crashed + drained.crashed);
    }

    let fills = venue.fills().map_err(|e| CliError::Usage(format!("venue db: {e}")))?;
    let store: &dyn StateStore = store.as_ref();
    let mut audit = copycat_chaos::audit(store, &signals, &fills, cfg.trading.starting_balance).await?;
    audit.redriven = redriven;
    audit.faults_injected = venue.faults().map_err(|e| CliError::Usage(format!("venue db: {e}")))?.into_iter().collect();
    Ok(audit)
}

/// How the workers of one phase of the soak ended.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Killed by an injected SIGKILL.
    killed: u64,
    /// Stopped at their invocation deadline.
    overran: u64,
    /// Exited with an error.
    crashed: u64,
}

/// What one phase of the soak (the faulty soak, then the drain of what was redriven) needs.
struct Phase<'a> {
    dir: &'a Path,
    seed: u64,
    lambda: bool,
    signals_queue: Arc<dyn Queue>,
    batch: usize,
    arn: String,
    invocation: Duration,
    json: bool,
}

impl Phase<'_> {
    /// Runs `n` workers (with faults or not) until the signals queue is empty or `max` has
    /// passed, restarting each one that is killed, stopped at its deadline or fails.
    async fn run(&self, n: usize, faults: bool, max: Duration) -> Result<Counts, CliError> {
        let _ = std::fs::remove_file(self.dir.join("stop"));
        let started = Instant::now();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(self.seed ^ u64::from(faults));
        let watch = Arc::new(Watch { pids: (0..n).map(|_| AtomicU32::new(0)).collect(), ..Watch::default() });
        // The AWS backend: one runtime API and one invoker (the event source mapping) per worker.
        let mut apis: Vec<Arc<RuntimeApi>> = Vec::new();
        let mut invokers = tokio::task::JoinSet::new();
        if self.lambda {
            for slot in 0..n {
                let api = Arc::new(RuntimeApi::start().await.map_err(CliError::io("cannot serve the runtime API"))?);
                apis.push(api.clone());
                let queue = self.signals_queue.clone();
                invokers.spawn(invoke_loop(api, queue, self.batch, self.arn.clone(), self.invocation, watch.clone(), slot));
            }
        }
        let api_of = |slot: usize| apis.get(slot).map(|a| a.address());
        let seed_of = |w: usize, incarnation: u32| if faults { worker_seed(self.seed, w as u32, incarnation) } else { self.seed };
        let mut incarnations = vec![0u32; n];
        let mut workers: Vec<Child> = Vec::new();
        for w in 0..n {
            let child = spawn_worker(self.dir, seed_of(w, 0), faults, api_of(w).as_deref())?;
            watch.pids[w].store(child.id(), Ordering::SeqCst);
            workers.push(child);
        }
        let mut counts = Counts::default();
        let mut last_report = Instant::now();
        // The queue's depth is asked once a second (on the emulator, each ask counts every
        // message); workers are watched every 200 ms.
        let mut depth = u64::MAX;
        let mut depth_asked: Option<Instant> = None;
        loop {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if depth_asked.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
                depth = self.signals_queue.depth().await?;
                depth_asked = Some(Instant::now());
            }
            let stopping = depth == 0 || started.elapsed() > max;
            if stopping && !self.dir.join("stop").exists() {
                std::fs::write(self.dir.join("stop"), b"").map_err(CliError::io("cannot write the stop file"))?;
                watch.stop.store(true, Ordering::SeqCst);
            }
            let mut running = 0;
            for (w, child) in workers.iter_mut().enumerate() {
                let pid = child.id();
                let Some(status) = child.try_wait().map_err(CliError::io("cannot watch a chaos worker"))? else {
                    running += 1;
                    continue;
                };
                if status.code() == Some(DEADLINE_EXIT) || lock(&watch.deadline_kills).remove(&pid) {
                    counts.overran += 1;
                } else if status.signal() == Some(9) {
                    counts.killed += 1;
                } else if !status.success() {
                    counts.crashed += 1;
                } else {
                    continue;
                }
                if !stopping {
                    incarnations[w] += 1;
                    let seed = seed_of(w, incarnations[w]) ^ if faults { rng.random::<u64>() } else { 0 };
                    *child = spawn_worker(self.dir, seed, faults, api_of(w).as_deref())?;
                    watch.pids[w].store(child.id(), Ordering::SeqCst);
                    running += 1;
                }
            }
            while let Some(done) = invokers.try_join_next() {
                done.map_err(|e| CliError::Incomplete(format!("an invoker failed: {e}")))??;
            }
            if !self.json && last_report.elapsed() > Duration::from_secs(10) {
                eprintln!(
                    "chaos: {depth} messages left, {} workers killed so far, {:.0} s",
                    counts.killed,
                    started.elapsed().as_secs_f64()
                );
                last_report = Instant::now();
            }
            if self.lambda && stopping && invokers.is_empty() {
                // Lambda functions never end by themselves: stop the idle workers.
                for child in &mut workers {
                    let _ = child.kill();
                    let _ = child.wait();
                }
                return Ok(counts);
            }
            if !self.lambda && stopping && running == 0 {
                return Ok(counts);
            }
        }
    }
}

fn stack_error(e: copycat_chaos::stack::StackError) -> CliError {
    CliError::Usage(e.to_string())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The SQS event source mapping in front of one worker slot (the AWS backend): receives a batch,
/// invokes the worker with a deadline, deletes what it did not report as failed, and stops a
/// worker that overruns its deadline. A batch whose invocation failed or never answered is left
/// alone: SQS hands it out again after the visibility timeout, as it does for a Lambda.
async fn invoke_loop(
    api: Arc<RuntimeApi>,
    signals: Arc<dyn Queue>,
    batch: usize,
    arn: String,
    timeout: Duration,
    watch: Arc<Watch>,
    slot: usize,
) -> Result<(), CliError> {
    // Time for an answer sent at the deadline to arrive.
    const GRACE: Duration = Duration::from_millis(500);
    loop {
        if watch.stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        let msgs = match signals.receive(batch).await {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "the event source mapping could not receive; retrying");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        if msgs.is_empty() {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        let event = serde_json::to_string(&to_sqs_event(&msgs, &arn)).map_err(|e| CliError::Incomplete(format!("event: {e}")))?;
        // The process the event goes to: the slot's current one (a process restarted meanwhile
        // has another pid, and is never stopped for its predecessor's overrun).
        let pid = watch.pids[slot].load(Ordering::SeqCst);
        let alive = || watch.pids[slot].load(Ordering::SeqCst) == pid && process_alive(pid);
        match api.invoke(event, timeout, GRACE, alive).await {
            Some(Outcome::Response(body)) => match serde_json::from_str::<aws_lambda_events::sqs::SqsBatchResponse>(&body) {
                Ok(response) => {
                    if let Err(e) = settle_batch(signals.as_ref(), &msgs, &response).await {
                        tracing::warn!(error = %e, "could not delete a handled batch; SQS hands it out again");
                    }
                }
                Err(e) => tracing::warn!(error = %e, body, "the function's answer is not a batch response"),
            },
            Some(Outcome::TimedOut) if alive() => {
                lock(&watch.deadline_kills).insert(pid);
                let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
            }
            Some(_) | None => {}
        }
    }
}

/// Whether process `pid` still runs (not yet reaped, and not a zombie).
fn process_alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit_once(')').map(|(_, rest)| !rest.trim_start().starts_with('Z')))
        .unwrap_or(false)
}

/// `copycat chaos-worker`: the copier over the soak's queue until told to stop and the queue is
/// empty (or, with `--lambda`, under the runtime API until stopped), through ports with faults
/// (unless `--no-faults`).
pub async fn worker(args: &WorkerArgs) -> Result<(), CliError> {
    let text = std::fs::read_to_string(args.dir.join("config.toml")).map_err(CliError::io("cannot read the soak's config"))?;
    let cfg = Config::from_toml(&text)?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(args.seed);
    let max_skew = i64::try_from(cfg.chaos.max_clock_skew_ms).unwrap_or(0);
    let skew = if args.no_faults || max_skew == 0 { 0 } else { rng.random_range(-max_skew..=max_skew) };
    let clock: Arc<dyn Clock> = Arc::new(SkewedClock::new(skew));
    let stack = Stack::load(&args.dir).map_err(stack_error)?;
    let opened = stack.open(&cfg.queues, clock.clone()).await.map_err(stack_error)?;
    let venue =
        Arc::new(ChaosVenue::open(&args.dir.join("venue.db"), clock.clone()).map_err(|e| CliError::Usage(format!("venue db: {e}")))?);
    let counter = venue.clone();
    let faults = Faults::new(cfg.chaos.clone(), rng.random(), !args.no_faults, move |kind| counter.count_fault(kind, 1));
    let store = Arc::new(ChaosStore::new(opened.store, faults.clone()));
    let market = Arc::new(ChaosMarket::new(venue.clone(), faults.clone()));
    let broker = Arc::new(ChaosBroker::new(venue.clone(), faults.clone()));
    let batch = cfg.queues.batch_size as usize;
    let invocation = Duration::from_millis(cfg.chaos.invocation_timeout_ms);
    let base = Base { config: Arc::new(cfg), store, clock, metrics: Arc::new(CounterMetrics::default()) };
    let deps = copycat_engine::FunctionDeps::new(base, &opened.queues, market, broker);
    if args.lambda {
        let copier = &deps.copier;
        let faults = &faults;
        let handler = lambda_runtime::service_fn(move |event: lambda_runtime::LambdaEvent<aws_lambda_events::sqs::SqsEvent>| async move {
            faults.arm(event.payload.records.len());
            let response = signal_copier::handle(event, copier).await;
            faults.disarm();
            response
        });
        return lambda_runtime::run(handler).await.map_err(|e| CliError::Incomplete(format!("the Lambda runtime stopped: {e}")));
    }
    let signals = opened.queues.signals.clone();
    let mut idle = 0;
    loop {
        let msgs = signals.receive(batch).await?;
        if msgs.is_empty() {
            if args.dir.join("stop").exists() {
                idle += 1;
                if idle >= 3 {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        idle = 0;
        faults.arm(msgs.len());
        let event = to_sqs_event(&msgs, &format!("{ARN}{}", signals.name()));
        let Ok(response) = tokio::time::timeout(invocation, signal_copier::handle(local_event(event), &deps.copier)).await else {
            // Past the deadline: stopped where it is, as Lambda stops a timed-out invocation.
            eprintln!("chaos worker: invocation past its {} ms deadline; stopping", invocation.as_millis());
            std::process::exit(DEADLINE_EXIT);
        };
        faults.disarm();
        if let Ok(response) = response {
            // Failed messages come back after the visibility timeout, as on SQS.
            settle_batch(signals.as_ref(), &msgs, &response).await?;
        }
    }
}

/// Prints the audit for people.
pub fn print(audit: &Audit) {
    println!("CopyCat chaos soak — audit");
    println!("  signals                {}", audit.signals);
    println!("  copied / refused       {} / {}", audit.copied, audit.refused);
    println!("  fills                  {}", audit.fills);
    println!("  duplicate fills        {}", audit.duplicate_fills);
    println!("  lost signals           {}", audit.lost_signals);
    println!("  unexplained            {}", audit.unexplained);
    println!("  balance drift (USD)    {}", audit.balance_drift_usd);
    println!("  redriven from the DLQ  {}", audit.redriven);
    for (k, n) in &audit.faults_injected {
        println!("  fault: {k:<16} {n}");
    }
}
