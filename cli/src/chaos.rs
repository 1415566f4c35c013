//! `copycat chaos`: the soak. Seeded leader trades become signals on the embedded backend's
//! FIFO signals queue (some sent twice, in another group, so the copies race); worker
//! processes (`copycat chaos-worker`) run the real copier over them through ports that inject
//! the `[chaos]` fault plan, and die by a real SIGKILL at random points inside the handler; the
//! coordinator restarts each killed worker. When the queue is empty (dead letters redriven
//! once, without faults), the ledger, the portfolio and the venue's own record of fills are
//! audited against the leader trades.

use crate::CliError;
use copycat_chaos::venue::ChaosVenue;
use copycat_chaos::{Audit, ChaosBroker, ChaosMarket, ChaosStore, Faults, SkewedClock};
use copycat_core::Config;
use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, StateStore, send_all};
use copycat_core::records::keys;
use copycat_core::time::{Clock, SystemClock};
use copycat_embedded::EmbeddedBackend;
use copycat_local::{LocalQueues, local_event, settle_batch, to_sqs_event};
use copycat_state::{Base, CounterMetrics, to_body};
use rand::{Rng, SeedableRng};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
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
    /// Where state and queues live (`embedded`: one SQLite file shared by the worker processes).
    #[arg(long, value_enum, default_value_t = ChaosBackend::Embedded)]
    backend: ChaosBackend,
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

fn spawn_worker(dir: &Path, seed: u64, faults: bool) -> Result<Child, CliError> {
    let mut cmd = Command::new(dir.join("copycat-chaos-worker"));
    cmd.arg("chaos-worker").arg("--dir").arg(dir).arg("--seed").arg(seed.to_string());
    if !faults {
        cmd.arg("--no-faults");
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
    let ChaosBackend::Embedded = args.backend;
    let temp = args.dir.is_none();
    let dir = args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("copycat-chaos-{}-{}", std::process::id(), args.seed)));
    std::fs::create_dir_all(&dir).map_err(CliError::io(format!("cannot create {}", dir.display())))?;
    for f in ["state.db", "state.db-wal", "state.db-shm", "venue.db", "venue.db-wal", "venue.db-shm", "stop"] {
        let _ = std::fs::remove_file(dir.join(f));
    }
    worker_binary(&dir)?;
    let result = soak(config, args, &dir).await;
    if temp {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

async fn soak(config: &Config, args: &ChaosArgs, dir: &Path) -> Result<Audit, CliError> {
    let cfg = copycat_chaos::chaos_config(config);
    let text = toml::to_string(&cfg).map_err(|e| CliError::Usage(format!("the soak's config cannot be written: {e}")))?;
    std::fs::write(dir.join("config.toml"), text).map_err(CliError::io("cannot write the soak's config"))?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let backend = EmbeddedBackend::open(&dir.join("state.db"), clock.clone())?;
    let queues = LocalQueues::open(&backend, &cfg.queues);
    let store = backend.store();
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

    let started = Instant::now();
    let deadline = Duration::from_secs(args.max_secs);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(args.seed);
    let mut incarnations = vec![0u32; cfg.chaos.workers as usize];
    let mut workers: Vec<Child> = Vec::new();
    for (w, inc) in incarnations.iter().enumerate() {
        workers.push(spawn_worker(dir, worker_seed(args.seed, w as u32, *inc), true)?);
    }
    let mut killed = 0u64;
    let mut crashed = 0u64;
    let mut last_report = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let depth = queues.signals.depth().await?;
        let stopping = depth == 0 || started.elapsed() > deadline;
        if stopping && !dir.join("stop").exists() {
            std::fs::write(dir.join("stop"), b"").map_err(CliError::io("cannot write the stop file"))?;
        }
        let mut running = 0;
        for (w, child) in workers.iter_mut().enumerate() {
            match child.try_wait().map_err(CliError::io("cannot watch a chaos worker"))? {
                None => running += 1,
                Some(status) if status.signal() == Some(9) => {
                    killed += 1;
                    if !stopping {
                        incarnations[w] += 1;
                        *child = spawn_worker(dir, worker_seed(args.seed, w as u32, incarnations[w]) ^ rng.random::<u64>(), true)?;
                        running += 1;
                    }
                }
                Some(status) if !status.success() => {
                    crashed += 1;
                    if !stopping {
                        incarnations[w] += 1;
                        *child = spawn_worker(dir, worker_seed(args.seed, w as u32, incarnations[w]), true)?;
                        running += 1;
                    }
                }
                Some(_) => {}
            }
        }
        if !args.json && last_report.elapsed() > Duration::from_secs(10) {
            eprintln!("chaos: {depth} messages left, {killed} workers killed so far, {:.0} s", started.elapsed().as_secs_f64());
            last_report = Instant::now();
        }
        if stopping && running == 0 {
            break;
        }
    }
    venue.count_fault("worker_killed", killed);
    if crashed > 0 {
        venue.count_fault("worker_failed", crashed);
    }

    // What reached the dead-letter queue is redriven once, as an operator would, and copied by a
    // worker without faults.
    let dlq = backend.queue(copycat_core::queues::QueueId::Signals.dead_letter_name(), copycat_embedded::QueueSettings::fifo());
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
    if redriven > 0 {
        let _ = std::fs::remove_file(dir.join("stop"));
        let mut drain = spawn_worker(dir, args.seed, false)?;
        loop {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if queues.signals.depth().await? == 0 && !dir.join("stop").exists() {
                std::fs::write(dir.join("stop"), b"").map_err(CliError::io("cannot write the stop file"))?;
            }
            if drain.try_wait().map_err(CliError::io("cannot watch the drain worker"))?.is_some() {
                break;
            }
        }
    }

    let fills = venue.fills().map_err(|e| CliError::Usage(format!("venue db: {e}")))?;
    let store: &dyn StateStore = store.as_ref();
    let mut audit = copycat_chaos::audit(store, &signals, &fills, cfg.trading.starting_balance).await?;
    audit.redriven = redriven;
    audit.faults_injected = venue.faults().map_err(|e| CliError::Usage(format!("venue db: {e}")))?.into_iter().collect();
    Ok(audit)
}

/// `copycat chaos-worker`: the copier over the soak's queue until told to stop and the queue is
/// empty, through ports with faults (unless `--no-faults`).
pub async fn worker(args: &WorkerArgs) -> Result<(), CliError> {
    let text = std::fs::read_to_string(args.dir.join("config.toml")).map_err(CliError::io("cannot read the soak's config"))?;
    let cfg = Config::from_toml(&text)?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(args.seed);
    let max_skew = i64::try_from(cfg.chaos.max_clock_skew_ms).unwrap_or(0);
    let skew = if args.no_faults || max_skew == 0 { 0 } else { rng.random_range(-max_skew..=max_skew) };
    let clock: Arc<dyn Clock> = Arc::new(SkewedClock::new(skew));
    let backend = EmbeddedBackend::open(&args.dir.join("state.db"), clock.clone())?;
    let queues = LocalQueues::open(&backend, &cfg.queues);
    let venue =
        Arc::new(ChaosVenue::open(&args.dir.join("venue.db"), clock.clone()).map_err(|e| CliError::Usage(format!("venue db: {e}")))?);
    let counter = venue.clone();
    let faults = Faults::new(cfg.chaos.clone(), rng.random(), !args.no_faults, move |kind| counter.count_fault(kind, 1));
    let store = Arc::new(ChaosStore::new(backend.store(), faults.clone()));
    let market = Arc::new(ChaosMarket::new(venue.clone(), faults.clone()));
    let broker = Arc::new(ChaosBroker::new(venue.clone(), faults.clone()));
    let batch = cfg.queues.batch_size as usize;
    let base = Base { config: Arc::new(cfg), store, clock, metrics: Arc::new(CounterMetrics::default()) };
    let deps = copycat_engine::FunctionDeps::new(base, &queues.ports(), market, broker);
    let signals = queues.signals.clone();
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
        let response = signal_copier::handle(local_event(event), &deps.copier).await;
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
