//! Operator commands: status, start / stop (the kill switch), config check.

use crate::CliError;
use copycat_core::breaker::BreakerState;
use copycat_core::config::Config;
use copycat_core::dependency::Dependency;
use copycat_core::ports::{Queue, StateStore};
use copycat_core::records::{Control, LeaderSet, ModeState, PortfolioState, keys};
use copycat_core::time::SystemClock;
use copycat_local::LocalQueues;
use copycat_state::{load, update_with_retry};
use std::path::PathBuf;
use std::sync::Arc;

/// Which state database to use.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// The embedded state database (SQLite file).
    #[arg(long, default_value = "copycat.db")]
    pub db: PathBuf,
}

/// Kill-switch arguments.
#[derive(clap::Args, Clone)]
pub struct SwitchArgs {
    /// The embedded state database (SQLite file).
    #[arg(long, default_value = "copycat.db")]
    pub db: PathBuf,
    /// Why (recorded with the switch).
    #[arg(long, default_value = "operator")]
    pub reason: String,
}

/// Opens the embedded state database, which must exist.
pub fn open(db: &std::path::Path) -> Result<copycat_embedded::EmbeddedBackend, CliError> {
    if !db.exists() {
        return Err(CliError::Usage(format!(
            "no state database at {} (run `copycat demo` or `copycat run` first, or pass --db)",
            db.display()
        )));
    }
    Ok(copycat_local::open_backend(db, Arc::new(SystemClock))?)
}

/// Sets or clears the kill switch.
pub async fn switch(args: &SwitchArgs, stop: bool) -> Result<(), CliError> {
    let backend = open(&args.db)?;
    let store = backend.store();
    let now = chrono::Utc::now();
    let reason = args.reason.clone();
    update_with_retry::<Control, _>(store.as_ref(), &keys::control(), |_| Some(Control { stopped: stop, reason: reason.clone(), at: now }))
        .await?;
    println!("trading {} ({})", if stop { "STOPPED" } else { "running" }, args.reason);
    Ok(())
}

/// Prints the state of the system.
pub async fn status(config: &Config, args: &DbArgs) -> Result<(), CliError> {
    let backend = open(&args.db)?;
    let store = backend.store();
    let s: &dyn StateStore = store.as_ref();
    let control = load::<Control>(s, &keys::control()).await?;
    let mode = load::<ModeState>(s, &keys::mode()).await?;
    let portfolio = load::<PortfolioState>(s, &keys::portfolio()).await?;
    let leaders = load::<LeaderSet>(s, &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    match control.map(|c| c.value) {
        Some(c) if c.stopped => println!("trading:    STOPPED since {} ({})", c.at, c.reason),
        _ => println!("trading:    running ({})", config.trading.mode),
    }
    match mode.map(|m| m.value) {
        Some(m) => println!("mode:       {} since {} ({} transitions)", m.tier, m.since, m.transitions_total),
        None => println!("mode:       not yet set (the first health check sets it)"),
    }
    match portfolio.map(|p| p.value) {
        Some(p) => println!(
            "portfolio:  equity {} (cash {}, positions {}), {} open, realised {:+}, drawdown {:.1}%",
            p.equity(),
            p.cash,
            p.positions_value,
            p.open_positions,
            p.realized_pnl,
            p.drawdown() * rust_decimal::Decimal::ONE_HUNDRED
        ),
        None => println!("portfolio:  no trades yet (starting balance {})", config.trading.starting_balance),
    }
    for d in Dependency::ALL {
        let b = load::<BreakerState>(s, &keys::breaker(d)).await?.map(|v| v.value).unwrap_or_else(|| BreakerState::closed(d));
        println!("breaker:    {:<9} {:?} (trips {}, recoveries {})", d.as_str(), b.phase, b.trips, b.recoveries);
    }
    // Per-leader figures and recent refusals, from the ledger of the report window (paged).
    let now = chrono::Utc::now();
    let data = copycat_report::load(s, config, &copycat_report::LoadOptions { now, days: None }, &|_, _| {}).await?;
    println!("leaders:    {}", leaders.leaders.len());
    if !leaders.leaders.is_empty() {
        println!("            (PnL, copies, refusals and latency from {} to {} UTC)", day(data.since), day(data.end));
    }
    for l in &leaders.leaders {
        let f = data.fold.leaders.get(&l.wallet).cloned().unwrap_or_default();
        let secs = copycat_core::report::secs_label;
        println!(
            "            {} score {:.2} allocation {} · PnL {:+}, {} copies, {} refused, latency p50 {} · detection p50 {} p99 {}, {} missed",
            l.wallet,
            l.score,
            l.allocation.normalize(),
            f.pnl(),
            f.copies,
            f.refusals,
            secs(f.latency_p50_secs()),
            secs(f.detection_secs_at(0.5)),
            secs(f.detection_secs_at(0.99)),
            f.missed
        );
    }
    let secs = config.report.status_refusals_secs;
    let recent = copycat_report::recent_refusals(s, config, data.end, secs).await?;
    let span = if secs.is_multiple_of(3600) { format!("{} h", secs / 3600) } else { format!("{} min", secs / 60) };
    let total: u64 = recent.iter().map(|(_, n)| n).sum();
    println!("refusals:   {total} in the {span} to {}", data.end.format("%Y-%m-%d %H:%M UTC"));
    for (reason, n) in &recent {
        println!("            {:<24} {n}", reason.code());
    }
    let queues = LocalQueues::open(&backend, &config.queues);
    for q in [&queues.candidates, &queues.signals, &queues.notifications] {
        let depth = q.depth().await?;
        let dlq = match q.dead_letter_queue() {
            Some(d) => d.depth().await?,
            None => 0,
        };
        println!("queue:      {:<24} {depth} waiting, {dlq} dead-lettered", q.name());
    }
    Ok(())
}

fn day(t: copycat_core::time::Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Prints the resolved config (already validated on load).
pub fn config_check(config: &Config) -> Result<(), CliError> {
    let text = toml::to_string_pretty(config).map_err(|e| CliError::io("cannot print the config")(std::io::Error::other(e)))?;
    println!("{text}");
    eprintln!("config OK");
    Ok(())
}
