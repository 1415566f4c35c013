//! `copycat report`: the operator's report as a static page (`index.html` and the chart SVGs)
//! from the embedded database or a DynamoDB state table.

use crate::CliError;
use crate::progress::Progress;
use copycat_core::config::Config;
use copycat_core::ports::StateStore;
use std::path::PathBuf;
use std::sync::Arc;

/// `copycat report` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct ReportArgs {
    /// The embedded state database (SQLite file).
    #[arg(long, default_value = "copycat.db")]
    db: PathBuf,
    /// Where the state lives: `embedded` (--db) or `aws` (a DynamoDB table; needs a build with
    /// `--features aws`).
    #[arg(long, value_enum, default_value_t = crate::BackendArg::Embedded)]
    backend: crate::BackendArg,
    /// DynamoDB endpoint for `--backend aws` (an emulator; default: AWS itself, with the usual
    /// credentials and region).
    #[arg(long)]
    endpoint_url: Option<String>,
    /// The table for `--backend aws` (default: COPYCAT_TABLE, else the name in infra/resources.json).
    #[arg(long)]
    table: Option<String>,
    /// Directory to write `index.html` and the charts into (created if missing).
    #[arg(long, default_value = "report")]
    out: PathBuf,
    /// Days of history to show, ending where the history ends (default: report.window_days).
    #[arg(long)]
    days: Option<u32>,
}

/// Writes the report.
pub async fn run(config: &Config, args: ReportArgs) -> Result<(), CliError> {
    let store: Arc<dyn StateStore> = match args.backend {
        crate::BackendArg::Embedded => crate::operator::open(&args.db)?.store(),
        crate::BackendArg::Aws => copycat_engine::EngineBackend::aws_store(args.endpoint_url.as_deref(), args.table.clone()).await?,
    };
    let now = chrono::Utc::now();
    let progress = Progress::new(None, "reading records");
    let report = |partition: &str, n: u64| {
        progress.set_message(&format!("reading {}", partition.to_ascii_lowercase()));
        progress.set(n);
    };
    let data = copycat_report::load(store.as_ref(), config, &copycat_report::LoadOptions { now, days: args.days }, &report).await?;
    progress.set_message("drawing charts");
    let written = copycat_report::write(&args.out, &data, config, now)?;
    progress.finish();
    println!(
        "report: {} ({} charts; {} snapshots, {} ledger entries, {} to {})",
        written.index.display(),
        written.charts.len(),
        data.snapshots.len(),
        data.fold.entries,
        data.since.format("%Y-%m-%d %H:%M"),
        data.end.format("%Y-%m-%d %H:%M UTC")
    );
    Ok(())
}
