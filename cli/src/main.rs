//! `copycat`: the local engine (every handler in one process) and the operator's commands.

mod backtest;
mod backtest_venue;
mod chaos;
mod classify;
mod control;
mod discover;
mod doctor;
mod error;
mod notify;
mod operator;
mod progress;
mod report;
mod sim;

use clap::{Parser, Subcommand};
pub use error::CliError;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "copycat", version, about = "Copy-trading orchestrator for Polymarket")]
struct Cli {
    /// Config file (TOML). Default: ./copycat.toml if present, else built-in defaults.
    /// Environment variables COPYCAT__SECTION__KEY override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole system on a simulated market and clock: days of trading in seconds.
    Demo(DemoArgs),
    /// Run the whole system on the real clock (the simulated market until a venue client is configured).
    Run(RunArgs),
    /// Show mode, portfolio, breakers, leaders, kill switch and queue depths.
    Status(operator::DbArgs),
    /// Resume trading (clear the kill switch).
    Start(operator::SwitchArgs),
    /// Stop trading (set the kill switch); signals are refused with reason `kill_switch`.
    Stop(operator::SwitchArgs),
    /// Config commands.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Is this set-up ready to trade? Config, key, geoblock, signature type and funder, API key,
    /// pUSD balance and allowances, a signed order (never posted), the venue's hosts and the
    /// notification destinations, each with what to do when it fails; non-zero exit on any failure.
    Doctor(doctor::DoctorArgs),
    /// Notification commands (`copycat notify test`).
    #[command(subcommand)]
    Notify(notify::NotifyCommand),
    /// Classify wallets from a JSON file of Data API trade rows (v1 or v2, any order).
    Classify {
        /// A JSON array of trade rows, or a v2 envelope {"data": [...], "pagination": {...}}.
        file: PathBuf,
    },
    /// Discovery and the bot filter once, against the venue: one JSON line per candidate, in
    /// `classify`'s format, plus its source and whether CopyCat would follow it.
    Discover(discover::DiscoverArgs),
    /// The operator's report: a static page (index.html and chart SVGs) of equity, drawdown,
    /// profit by leader, refusals, open positions and the followed set.
    Report(report::ReportArgs),
    /// Control from chat, locally (`copycat control serve`).
    #[command(subcommand)]
    Control(control::ControlCommand),
    /// The simulated venue over HTTP.
    #[command(subcommand)]
    Sim(sim::SimCommand),
    /// What copying wallets would have earned us, replayed through the copier's own decisions;
    /// `--evaluate` compares selection policies walk-forward.
    Backtest(backtest::BacktestArgs),
    /// The chaos soak: seeded leader trades through the real copier in worker processes under
    /// a fault plan (redeliveries, SIGKILLed workers, throttling, timeouts, lost answers, skewed
    /// clocks), then an audit of the ledger against them.
    Chaos(chaos::ChaosArgs),
    /// One worker of `copycat chaos` (started by it).
    #[command(hide = true)]
    ChaosWorker(chaos::WorkerArgs),
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Load and validate the config; print it resolved, or the key and rule that failed.
    Check,
}

/// `copycat status | head`: a reader that stops reading is not an error. Output goes through
/// `println!`, which panics when stdout's pipe is closed; end quietly with success instead.
fn end_quietly_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload.downcast_ref::<String>().map(String::as_str).or_else(|| payload.downcast_ref::<&str>().copied());
        if message.is_some_and(|m| m.starts_with("failed printing to stdout") && m.contains("Broken pipe")) {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    end_quietly_on_closed_stdout();
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("COPYCAT_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error")),
        )
        .with_writer(std::io::stderr)
        .init();
    let loaded = copycat_local::load_config(cli.config.as_deref());
    // The doctor reports a bad config as its first check instead of stopping here.
    let (loaded, doctor) = match cli.command {
        Command::Doctor(ref args) => (Ok(copycat_core::config::Config::default()), Some((loaded, args.clone()))),
        _ => (loaded, None),
    };
    let config = match loaded {
        Ok(c) => c,
        Err(e) => {
            let e = CliError::from(e);
            eprintln!("{}", e.report());
            return e.to_exit();
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            let e = CliError::Io { what: "cannot start the async runtime".into(), source: e };
            eprintln!("{}", e.report());
            return e.to_exit();
        }
    };
    let result = runtime.block_on(async move {
        if let Some((loaded, args)) = doctor {
            return doctor::run(loaded, &args).await;
        }
        match cli.command {
            Command::Demo(args) => {
                if args.endpoint_url.is_some() && args.backend != BackendArg::Aws {
                    return Err(CliError::Usage("--endpoint-url applies only to --backend aws".into()));
                }
                let json = args.json;
                let summary = copycat_engine::demo(config, args.into()).await?;
                if json {
                    println!("{}", serde_json::to_string(&summary).map_err(|e| CliError::io("cannot write the summary")(e.into()))?);
                } else {
                    copycat_engine::print(&summary);
                }
                Ok(())
            }
            Command::Run(args) => {
                let venue = args.venue(&config)?;
                Ok(copycat_engine::run(config, copycat_engine::RunOptions { db: args.db, for_secs: args.for_secs, venue }).await?)
            }
            Command::Status(args) => operator::status(&config, &args).await,
            Command::Start(args) => operator::switch(&args, false).await,
            Command::Stop(args) => operator::switch(&args, true).await,
            Command::Config(ConfigCommand::Check) => operator::config_check(&config),
            Command::Notify(command) => notify::run(&config, command).await,
            Command::Classify { file } => classify::run(&config, &file),
            Command::Discover(args) => discover::run(&config, args).await,
            Command::Sim(command) => sim::run(&config, command).await,
            Command::Report(args) => report::run(&config, args).await,
            Command::Control(command) => control::run(&config, command).await,
            Command::Backtest(args) => backtest::run(&config, args).await,
            Command::Chaos(args) => {
                let audit = chaos::run(&config, &args).await?;
                if args.json() {
                    println!("{}", serde_json::to_string(&audit).map_err(|e| CliError::io("cannot write the audit")(e.into()))?);
                } else {
                    chaos::print(&audit);
                }
                if audit.clean() { Ok(()) } else { Err(CliError::Incomplete("the chaos audit is not clean (see above)".into())) }
            }
            Command::ChaosWorker(args) => chaos::worker(&args).await,
            Command::Doctor(_) => Err(CliError::Usage("copycat doctor runs before the other commands".into())),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.report());
            e.to_exit()
        }
    }
}

/// `copycat demo` arguments.
#[derive(clap::Args, Clone, Debug)]
struct DemoArgs {
    /// Simulated days (default: demo.days in config, 7).
    #[arg(long)]
    days: Option<u32>,
    /// Seed of the simulated world (default: demo.seed in config).
    #[arg(long)]
    seed: Option<u64>,
    /// Wallets in the simulated population (default: demo.wallets in config).
    #[arg(long)]
    wallets: Option<u32>,
    /// The state database; a fresh demo replaces it.
    #[arg(long, default_value = "copycat-demo.db")]
    db: PathBuf,
    /// Continue a demo that was interrupted, from its database.
    #[arg(long)]
    resume: bool,
    /// Print the summary as one JSON object on stdout (and no notifications).
    #[arg(long)]
    json: bool,
    /// Do not print notifications as they happen.
    #[arg(long)]
    quiet: bool,
    /// Where state and queues live: `embedded` (one SQLite file, --db) or `aws` (DynamoDB and
    /// SQS on a local emulator; needs a build with `--features aws`).
    #[arg(long, value_enum, default_value_t = BackendArg::Embedded)]
    backend: BackendArg,
    /// The emulator's endpoint for `--backend aws` (default: AWS_ENDPOINT_URL).
    #[arg(long)]
    endpoint_url: Option<String>,
    /// Where leader fills are detected: `chain` (the simulated node's blocks, the default) or
    /// `data-api` (each leader's trades) (default: chain.detection in config).
    #[arg(long, value_enum)]
    detection: Option<DetectionArg>,
}

/// `--detection`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DetectionArg {
    /// `OrderFilled` logs of new blocks.
    Chain,
    /// Each leader's Data API trades.
    DataApi,
}

/// `--backend`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum BackendArg {
    /// One SQLite file.
    Embedded,
    /// DynamoDB and SQS on a local AWS-protocol emulator.
    Aws,
}

impl From<DemoArgs> for copycat_engine::DemoOptions {
    fn from(a: DemoArgs) -> Self {
        let backend = match a.backend {
            BackendArg::Embedded => copycat_engine::BackendChoice::Embedded,
            BackendArg::Aws => copycat_engine::BackendChoice::Aws { endpoint: a.endpoint_url },
        };
        copycat_engine::DemoOptions {
            backend,
            days: a.days,
            seed: a.seed,
            wallets: a.wallets,
            db: a.db,
            resume: a.resume,
            json: a.json,
            quiet: a.quiet,
            detection: a.detection.map(|d| match d {
                DetectionArg::Chain => copycat_core::config::Detection::Chain,
                DetectionArg::DataApi => copycat_core::config::Detection::DataApi,
            }),
        }
    }
}

/// `copycat run` arguments.
#[derive(clap::Args, Clone, Debug)]
struct RunArgs {
    /// The state database.
    #[arg(long, default_value = "copycat.db")]
    db: PathBuf,
    /// Stop after this many seconds (default: run until Ctrl-C).
    #[arg(long)]
    for_secs: Option<u64>,
    /// Trade on Polymarket over HTTP at the `[venue]` URLs in config (paper fills on its books)
    /// instead of the simulated market. Implied by any of the URL flags below.
    #[arg(long)]
    polymarket: bool,
    /// Data API base URL (overrides venue.data_api_url), e.g. from `copycat sim serve`.
    #[arg(long)]
    data_api_url: Option<String>,
    /// Gamma base URL (overrides venue.gamma_url).
    #[arg(long)]
    gamma_url: Option<String>,
    /// CLOB base URL (overrides venue.clob_url).
    #[arg(long)]
    clob_url: Option<String>,
    /// Confirms real orders when config says `trading.mode = "live"` (with
    /// `trading.live_confirmed = true`, COPYCAT_POLYMARKET_PRIVATE_KEY and a build with
    /// `--features copycat-polymarket/live`).
    #[arg(long = "i-understand-this-trades-real-money")]
    i_understand_this_trades_real_money: bool,
}

impl RunArgs {
    /// The HTTP venue the flags (or live mode, which never runs on the simulator) ask for, if any.
    fn venue(&self, config: &copycat_core::config::Config) -> Result<Option<copycat_engine::RunVenue>, CliError> {
        let live = config.trading.mode == copycat_core::config::TradingMode::Live;
        if !live && !self.polymarket && self.data_api_url.is_none() && self.gamma_url.is_none() && self.clob_url.is_none() {
            return Ok(None);
        }
        let mut config = config.clone();
        let v = &mut config.venue;
        for (flag, slot) in
            [(&self.data_api_url, &mut v.data_api_url), (&self.gamma_url, &mut v.gamma_url), (&self.clob_url, &mut v.clob_url)]
        {
            if let Some(url) = flag {
                *slot = url.clone();
            }
        }
        let v = config.venue.clone();
        let clock: std::sync::Arc<dyn copycat_core::time::Clock> = std::sync::Arc::new(copycat_core::time::SystemClock);
        let launch = copycat_polymarket::Launch::Run { confirmed: self.i_understand_this_trades_real_money };
        let (market, broker) = copycat_polymarket::venue_for(&config, clock, launch)?;
        let fills = if live { "LIVE orders" } else { "paper fills" };
        let label = format!("Polymarket over HTTP (Data API {}, Gamma {}, CLOB {}) with {fills}", v.data_api_url, v.gamma_url, v.clob_url);
        Ok(Some(copycat_engine::RunVenue { market, broker, label }))
    }
}
