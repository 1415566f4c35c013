//! `copycat sim serve`: the simulated venue (or a fault fixture) as Polymarket-shaped HTTP on
//! 127.0.0.1, so `copycat run --data-api-url …` and the real client can be tried without the
//! real venue.

use crate::CliError;
use copycat_core::config::Config;
use copycat_core::time::Clock;
use copycat_polymarket::fixtures::{Fault, ScriptedVenue};
use copycat_polymarket::server::LocalServer;
use copycat_polymarket::sim_venue::SimVenue;
use copycat_sim::{SimParams, SimWorld};
use std::io::Write as _;
use std::sync::Arc;

/// `copycat sim …`
#[derive(clap::Subcommand, Clone, Debug)]
pub enum SimCommand {
    /// Serve the simulated market as the Data API, Gamma and the CLOB on 127.0.0.1 (one port
    /// for all three), on the real clock; prints the base URL, then serves until Ctrl-C.
    Serve(ServeArgs),
}

/// `copycat sim serve` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct ServeArgs {
    /// Port on 127.0.0.1 (0 picks a free one; the URL is printed).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Serve this fault on every route instead of the simulator: malformed, truncated,
    /// empty-page, endless-cursor, 429-retry-after, 429, 500, slow.
    #[arg(long, conflicts_with = "fake_clob")]
    fixture: Option<String>,
    /// Serve the fake CLOB that checks accounts like the venue (for `copycat doctor` and the live
    /// broker), knowing the accounts in this JSON file: {"geoblocked": bool, "deposit_wallets":
    /// {wallet: owner}, "funds": {address: {"balance": units, "allowance": units or "max"}}},
    /// amounts in 10⁻⁶ pUSD. It places no real orders anywhere.
    #[arg(long)]
    fake_clob: Option<std::path::PathBuf>,
    /// Seed of the simulated world (default: demo.seed in config).
    #[arg(long)]
    seed: Option<u64>,
    /// Wallets in the simulated population (default: demo.wallets in config).
    #[arg(long)]
    wallets: Option<u32>,
}

/// Runs `copycat sim …`.
pub async fn run(config: &Config, command: SimCommand) -> Result<(), CliError> {
    let SimCommand::Serve(args) = command;
    let (handler, what) = match (&args.fixture, &args.fake_clob) {
        (_, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(CliError::io(format!("cannot read {}", path.display())))?;
            let setup = copycat_polymarket::live::fake_clob::FakeClobSetup::from_json(&text)
                .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
            let accounts = setup.funds.len();
            (copycat_polymarket::live::fake_clob::FakeClob::new(setup).handler(), format!("the fake CLOB ({accounts} funded addresses)"))
        }
        (Some(name), None) => {
            let fault = Fault::by_name(name).ok_or_else(|| {
                let names: Vec<&str> = Fault::ALL.iter().map(|(n, _)| *n).collect();
                CliError::Usage(format!("unknown fixture `{name}`; one of: {}", names.join(", ")))
            })?;
            (ScriptedVenue::with_fault(fault).handler(), format!("fixture `{name}`"))
        }
        (None, None) => {
            let mut demo = config.demo.clone();
            demo.seed = args.seed.unwrap_or(demo.seed);
            demo.wallets = args.wallets.unwrap_or(demo.wallets);
            let clock: Arc<dyn Clock> = Arc::new(copycat_core::time::SystemClock);
            // The simulated history ends now; the simulated period plays out in real time.
            let world = Arc::new(SimWorld::generate(SimParams::from_demo_config(&demo, clock.now())));
            let what = format!(
                "the simulated market (seed {}, {} wallets, {} markets) and its Polygon node (JSON-RPC on POST /rpc, a block every {} ms)",
                demo.seed, demo.wallets, demo.markets, config.chain.block_interval_ms
            );
            let venue = SimVenue::new(world.clone(), clock.clone());
            let params =
                copycat_sim::ChainParams { block_interval_ms: config.chain.block_interval_ms, ..copycat_sim::ChainParams::default() };
            venue.attach_chain(Arc::new(copycat_sim::SimChain::new(world, clock, params)));
            (venue.handler(), what)
        }
    };
    let server = LocalServer::start(args.port, handler).await.map_err(CliError::io(format!("cannot bind 127.0.0.1:{}", args.port)))?;
    // The URL first, alone on stdout, so scripts and tests can read it.
    println!("{}", server.url());
    let _ = std::io::stdout().flush();
    eprintln!(
        "copycat sim serve: {what} on {url} — use --data-api-url {url} --gamma-url {url} --clob-url {url} and chain.rpc_url = \"{url}/rpc\"; Ctrl-C stops",
        url = server.url()
    );
    tokio::signal::ctrl_c().await.map_err(CliError::io("cannot wait for Ctrl-C"))?;
    server.stop();
    Ok(())
}
