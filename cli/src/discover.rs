//! `copycat discover`: discovery and the bot filter once, against the venue, printing one JSON
//! line per candidate in `copycat classify`'s format (plus where the wallet came from and
//! whether CopyCat would follow it), so an operator sees whom CopyCat would copy before it trades.

use crate::CliError;
use crate::progress::Progress;
use copycat_core::config::Config;
use copycat_core::events::CandidateSource;
use copycat_core::ports::StateStore;
use copycat_core::records::keys;
use copycat_core::time::Clock;
use copycat_polymarket::PolymarketClient;
use copycat_polymarket::discover::{find_candidates, judge_all};
use std::path::PathBuf;
use std::sync::Arc;

/// Rounds of `concurrency` wallets judged between two moves of the progress bar.
const PROGRESS_ROUNDS: usize = 4;

/// `copycat discover` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct DiscoverArgs {
    /// The Data API to read (default: venue.data_api_url in config, the real Polymarket).
    #[arg(long)]
    data_api_url: Option<String>,
    /// Gamma, for the markets a candidate's copyable edge is measured in (default: venue.gamma_url).
    #[arg(long)]
    gamma_url: Option<String>,
    /// The CLOB, for fee rates (default: venue.clob_url).
    #[arg(long)]
    clob_url: Option<String>,
    /// Skip wallets already judged in this state database (as the discovery function does).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Candidates judged at once (default: venue.discovery_concurrency in config).
    #[arg(long)]
    concurrency: Option<usize>,
}

/// Runs discovery and the bot filter once and prints the verdicts.
pub async fn run(config: &Config, args: DiscoverArgs) -> Result<(), CliError> {
    let mut venue = config.venue.clone();
    for (flag, slot) in
        [(args.data_api_url, &mut venue.data_api_url), (args.gamma_url, &mut venue.gamma_url), (args.clob_url, &mut venue.clob_url)]
    {
        if let Some(url) = flag {
            *slot = url;
        }
    }
    let client = PolymarketClient::from_config(&venue)?;
    let found = find_candidates(&client, config).await;
    for (window, e) in &found.failed_windows {
        eprintln!("warning: leaderboard window `{window}` could not be read: {e}");
    }
    if !config.discovery.windows.is_empty() && found.failed_windows.len() == config.discovery.windows.len() && found.wallets.is_empty() {
        return Err(CliError::Incomplete(
            "no leaderboard window could be read and no seed wallets are configured: nothing to judge".into(),
        ));
    }
    let mut candidates = found.wallets;
    if let Some(db) = &args.db {
        if !db.exists() {
            return Err(CliError::Usage(format!("no state database at {}", db.display())));
        }
        let clock: Arc<dyn Clock> = Arc::new(copycat_core::time::SystemClock);
        let backend = copycat_local::open_backend(db, clock)?;
        let keys: Vec<_> = candidates.iter().map(|(w, _)| keys::trader(w)).collect();
        let known = backend.store().get_many(&keys).await?;
        let before = candidates.len();
        candidates = candidates.into_iter().zip(known).filter(|(_, rec)| rec.is_none()).map(|(c, _)| c).collect();
        eprintln!("skipped {} wallets already judged in {}", before - candidates.len(), db.display());
    }
    let wallets: Vec<_> = candidates.iter().map(|(w, _)| w.clone()).collect();
    let concurrency = args.concurrency.unwrap_or(venue.discovery_concurrency as usize).max(1);
    // Judged a few rounds of `concurrency` at a time, so the bar moves while the rest wait.
    let progress = Progress::new(Some(wallets.len() as u64), "judging wallets");
    let (client, config_arc, now) = (Arc::new(client), Arc::new(config.clone()), chrono::Utc::now());
    let mut judged = Vec::with_capacity(wallets.len());
    for chunk in wallets.chunks(concurrency * PROGRESS_ROUNDS) {
        judged.extend(judge_all(client.clone(), chunk.to_vec(), config_arc.clone(), now, concurrency).await);
        progress.inc(chunk.len() as u64);
    }
    progress.finish();
    let mut failed = 0;
    for ((wallet, result), (_, source)) in judged.iter().zip(&candidates) {
        match result {
            Ok(j) => {
                let c = &j.classification;
                let line = serde_json::json!({
                    "wallet": c.wallet,
                    "verdict": c.verdict,
                    "kind": c.kind,
                    "score": (c.score * 1000.0).round() / 1000.0,
                    "reasons": c.reasons,
                    "trades": c.features.fills,
                    "source": match source {
                        CandidateSource::Leaderboard(w) => format!("leaderboard:{w}"),
                        CandidateSource::Seed => "seed".into(),
                        CandidateSource::Rejudge => "rejudge".into(),
                    },
                    "would_follow": j.would_follow(),
                    // Unrounded: a small positive edge that passes must not read as zero.
                    "copyable_edge": j.edge.as_ref().map(|e| serde_json::json!({
                        "score": e.score,
                        "per_dollar": e.per_dollar,
                        "lower_bound": e.lower_bound,
                        "markets": e.markets,
                        "follower_pnl": e.pnl.to_f64(),
                    })),
                    "follow_reasons": j.verdict.reasons,
                });
                println!("{line}");
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {wallet} could not be judged: {e}");
            }
        }
    }
    if failed > 0 {
        return Err(CliError::Incomplete(format!("{failed} of {} candidates could not be judged", judged.len())));
    }
    Ok(())
}
