//! `copycat backtest`: what copying wallets would have earned us, replayed through the copier's
//! own decision path; and `--evaluate`, the walk-forward comparison of selection policies.

use crate::CliError;
use copycat_backtest::ReplayReport;
use copycat_core::records::{LeaderSet, keys};
use copycat_core::time::{Span, SystemClock};
use copycat_core::trade::Wallet;
use copycat_core::{Config, Usd};
use copycat_engine::demo_start;
use copycat_engine::evaluate::{EvaluateOptions, Evaluation, POLICIES, Progress, evaluate, replay_sim, world_for};
use copycat_state::load;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

/// `copycat backtest` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct BacktestArgs {
    /// Replay on the simulated market (default: the venue's history, see README "Backtest").
    #[arg(long)]
    pub sim: bool,
    /// End of the replayed window on the venue, unix seconds (default: the last full hour).
    #[arg(long)]
    pub until: Option<i64>,
    /// Where the venue's answers are cached, so a re-run of the same window is offline.
    #[arg(long, default_value = "copycat-backtest.db")]
    pub cache: PathBuf,
    /// Seed of the simulated world.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Days replayed (after the history the wallets are judged on).
    #[arg(long, default_value_t = 30)]
    pub days: u32,
    /// Days of history before the replay (default: `selection.training_days`).
    #[arg(long)]
    pub history_days: Option<u32>,
    /// Wallets in the simulated population.
    #[arg(long, default_value_t = 120)]
    pub sim_wallets: u32,
    /// A wallet to replay (repeatable).
    #[arg(long = "wallet")]
    pub wallets: Vec<String>,
    /// Replay the followed set of the state database `--db`.
    #[arg(long)]
    pub followed: bool,
    /// The state database `--followed` reads.
    #[arg(long, default_value = "copycat.db")]
    pub db: PathBuf,
    /// Replay every wallet discovery would judge (the leaderboard windows and seed wallets).
    #[arg(long)]
    pub candidates: bool,
    /// Replay every wallet of the simulated population (bots included).
    #[arg(long)]
    pub population: bool,
    /// Walk-forward evaluation of the selection policies instead of a replay.
    #[arg(long)]
    pub evaluate: bool,
    /// Training days of `--evaluate`.
    #[arg(long, default_value_t = 21)]
    pub train_days: u32,
    /// Test days of `--evaluate`.
    #[arg(long, default_value_t = 7)]
    pub test_days: u32,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also draw the total's equity curve (with mode changes) to this file: *.png or *.svg.
    #[arg(long)]
    pub plot: Option<PathBuf>,
    /// The Data API to read wallets' and markets' trades from (default: venue.data_api_url).
    #[arg(long)]
    pub data_api_url: Option<String>,
    /// Gamma, for markets and resolutions (default: venue.gamma_url).
    #[arg(long)]
    pub gamma_url: Option<String>,
    /// The CLOB, for fee rates (default: venue.clob_url).
    #[arg(long)]
    pub clob_url: Option<String>,
}

/// Runs `copycat backtest`.
pub async fn run(config: &Config, args: BacktestArgs) -> Result<(), CliError> {
    if args.evaluate {
        if !args.sim {
            return Err(CliError::Usage("--evaluate needs --sim: it compares policies against the simulator's ground truth".into()));
        }
        return run_evaluation(config, &args).await;
    }
    if args.population && !args.sim {
        return Err(CliError::Usage("--population is the simulated population: add --sim".into()));
    }
    if args.wallets.is_empty() && !args.followed && !args.candidates && !args.population {
        return Err(CliError::Usage("say whom to replay: --wallet ADDR (repeatable), --followed, --candidates or --population".into()));
    }
    // A file the curve cannot be drawn to is refused before the replay, not after it.
    if let Some(path) = &args.plot {
        PlotFormat::of(path)?;
    }
    if !args.sim {
        return crate::backtest_venue::run(config, &args).await;
    }
    config.validate()?;
    let history = args.history_days.unwrap_or(config.selection.training_days);
    let world = Arc::new(world_for(config, args.seed, history, args.days, args.sim_wallets));
    let from = demo_start();
    let to = from + Span::days(i64::from(args.days));
    let known: BTreeSet<&Wallet> = world.wallets().iter().collect();

    let mut wallets: Vec<Wallet> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let push = |w: Wallet, wallets: &mut Vec<Wallet>| {
        if !wallets.contains(&w) {
            wallets.push(w);
        }
    };
    for raw in &args.wallets {
        match Wallet::parse(raw) {
            Ok(w) if known.contains(&w) => push(w, &mut wallets),
            Ok(w) => skipped.push(format!("wallet {w}: not in the simulated population of seed {}", args.seed)),
            Err(e) => skipped.push(format!("wallet {raw:?}: {e}")),
        }
    }
    if args.followed {
        let backend = open(&args.db)?;
        let set = load::<LeaderSet>(backend.store().as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
        if set.leaders.is_empty() {
            skipped.push(format!("--followed: the followed set in {} is empty", args.db.display()));
        }
        for l in set.leaders {
            if known.contains(&l.wallet) {
                push(l.wallet, &mut wallets);
            } else {
                skipped.push(format!("wallet {}: followed, but not in the simulated population of seed {}", l.wallet, args.seed));
            }
        }
    }
    if args.candidates {
        for window in &config.discovery.windows {
            for row in world.leaderboard_at(*window, config.discovery.per_window as usize, from) {
                push(row.wallet, &mut wallets);
            }
        }
        for s in &config.discovery.seed_wallets {
            if let Ok(w) = Wallet::parse(s)
                && known.contains(&w)
            {
                push(w, &mut wallets);
            }
        }
    }
    if args.population {
        for w in world.wallets() {
            push(w.clone(), &mut wallets);
        }
    }
    let wall = std::time::Instant::now();
    let (alone, together) = replay_sim(config, &world, &wallets, from, to);
    let wall = wall.elapsed();
    for (w, r) in wallets.iter().zip(&alone) {
        if r.signals() == 0 {
            skipped.push(format!("wallet {w}: no trades in the replayed window"));
        }
    }
    skipped.extend(together.skipped.iter().cloned());
    print_report(
        &Output { wallets: &wallets, alone: &alone, together: &together, skipped: &skipped, days: args.days, json: args.json },
        config,
    );
    plot(args.plot.as_deref(), &together, args.days)?;
    if !args.json {
        eprintln!("replayed {} wallets over {} days in {:.2} s", wallets.len(), args.days, wall.as_secs_f64());
    }
    if wallets.is_empty() {
        return Err(CliError::Incomplete("no wallet could be replayed (see the skipped lines)".into()));
    }
    Ok(())
}

fn open(db: &std::path::Path) -> Result<copycat_embedded::EmbeddedBackend, CliError> {
    if !db.exists() {
        return Err(CliError::Usage(format!("no state database at {} (run `copycat demo` first, or pass --db)", db.display())));
    }
    Ok(copycat_local::open_backend(db, Arc::new(SystemClock))?)
}

/// What `--plot` draws, chosen by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotFormat {
    /// `*.png`: pixels, for anything that shows an image.
    Png,
    /// `*.svg`: vector text, sharp at any size.
    Svg,
}

impl PlotFormat {
    /// The format `path`'s extension names (in any case), or a usage error naming both.
    pub fn of(path: &std::path::Path) -> Result<Self, CliError> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => Ok(PlotFormat::Png),
            Some("svg") => Ok(PlotFormat::Svg),
            _ => Err(CliError::Usage(format!(
                "--plot {}: the equity curve is drawn as PNG or SVG; name the file *.png or *.svg",
                path.display()
            ))),
        }
    }
}

/// Writes the total's equity curve to `path`, if one was asked for: a PNG or an SVG by the file's
/// extension.
pub fn plot(path: Option<&std::path::Path>, together: &ReplayReport, days: u32) -> Result<(), CliError> {
    use copycat_report::charts::{equity_curve, equity_curve_png};
    let Some(path) = path else { return Ok(()) };
    let title = format!("Follower equity, {days} days replayed ({:+})", together.pnl());
    let (curve, modes) = (&together.equity_curve, &together.mode_changes);
    let drawn = match PlotFormat::of(path)? {
        PlotFormat::Png => equity_curve_png(&title, curve, modes),
        PlotFormat::Svg => equity_curve(&title, curve, modes).map(String::into_bytes),
    };
    let bytes = drawn.map_err(|e| CliError::Incomplete(format!("cannot draw the equity curve: {e}")))?;
    std::fs::write(path, bytes).map_err(CliError::io(format!("cannot write {}", path.display())))?;
    eprintln!("equity curve: {}", path.display());
    Ok(())
}

/// What a replay found, to print.
pub struct Output<'a> {
    /// The wallets replayed, in order.
    pub wallets: &'a [Wallet],
    /// Each alone.
    pub alone: &'a [ReplayReport],
    /// All together.
    pub together: &'a ReplayReport,
    /// What was left out, with why.
    pub skipped: &'a [String],
    /// Days replayed.
    pub days: u32,
    /// One JSON object instead of a table.
    pub json: bool,
}

/// Prints a replay as a table or as one JSON object.
pub fn print_report(o: &Output<'_>, config: &Config) {
    if o.json {
        println!("{}", report_json(o.wallets, o.alone, o.together, o.skipped, o.days, config));
    } else {
        print_table(o.wallets, o.alone, o.together, o.skipped, o.days);
    }
}

fn money(x: f64) -> Usd {
    Usd(rust_decimal::Decimal::from_f64_retain(x).unwrap_or_default())
}

fn usd(x: f64) -> String {
    money(x).to_string()
}

fn signed_usd(x: f64) -> String {
    format!("{:+}", money(x))
}

fn top_refusals(r: &BTreeMap<String, u32>) -> String {
    let mut v: Vec<_> = r.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter().take(3).map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
}

fn print_table(wallets: &[Wallet], alone: &[ReplayReport], together: &ReplayReport, skipped: &[String], days: u32) {
    println!("Copy backtest over {days} simulated days, each leader alone in a {} account:", usd(together.starting_balance.to_f64()));
    println!(
        "{:<12} {:>7} {:>6} {:>6} {:>11} {:>8} {:>7} {:>8}  top refusals",
        "leader", "signals", "copies", "fill", "follower", "ROI", "max DD", "slippage"
    );
    for (w, r) in wallets.iter().zip(alone) {
        let l = &r.leaders[0];
        println!(
            "{:<12} {:>7} {:>6} {:>5.0}% {:>11} {:>7.1}% {:>6.1}% {:>7.2}%  {}",
            w.short(),
            l.signals,
            l.copies,
            l.fill_rate() * 100.0,
            signed_usd(r.pnl().to_f64()),
            r.roi() * 100.0,
            r.max_drawdown * 100.0,
            l.mean_slippage * 100.0,
            top_refusals(&l.refusals)
        );
    }
    let fill = if together.signals() == 0 { 0.0 } else { f64::from(together.copies()) / f64::from(together.signals()) };
    println!(
        "\nAll together in one {} account: follower PnL {}, ROI {:.1}%, max drawdown {:.1}%, {} copies of {} signals ({:.0}%), {} mode changes",
        usd(together.starting_balance.to_f64()),
        signed_usd(together.pnl().to_f64()),
        together.roi() * 100.0,
        together.max_drawdown * 100.0,
        together.copies(),
        together.signals(),
        fill * 100.0,
        together.mode_changes.len()
    );
    println!("refusals: {}", top_refusals(&together.refusals()));
    if !skipped.is_empty() {
        println!("\nskipped ({}):", skipped.len());
        for s in skipped {
            println!("  {s}");
        }
    }
}

fn report_json(
    wallets: &[Wallet],
    alone: &[ReplayReport],
    together: &ReplayReport,
    skipped: &[String],
    days: u32,
    config: &Config,
) -> Value {
    let leaders: Vec<Value> = wallets
        .iter()
        .zip(alone)
        .map(|(w, r)| {
            let l = &r.leaders[0];
            json!({
                "wallet": w,
                "signals": l.signals,
                "copies": l.copies,
                "fill_rate": l.fill_rate(),
                "follower_pnl": round2(r.pnl().to_f64()),
                "follower_roi": r.roi(),
                "max_drawdown": r.max_drawdown,
                "mean_slippage": l.mean_slippage,
                "refusals": l.refusals,
                "markets": l.records.len(),
            })
        })
        .collect();
    let fill = if together.signals() == 0 { 0.0 } else { f64::from(together.copies()) / f64::from(together.signals()) };
    json!({
        "days": days,
        "latency_ms": config.selection.latency_ms(),
        "starting_balance": round2(together.starting_balance.to_f64()),
        "leaders": leaders,
        "total": {
            "follower_pnl": round2(together.pnl().to_f64()),
            "follower_roi": together.roi(),
            "max_drawdown": together.max_drawdown,
            "copies": together.copies(),
            "signals": together.signals(),
            "fill_rate": fill,
            "refusals": together.refusals(),
            "mode_changes": together.mode_changes.iter().map(|(at, a, b)| json!({"at": at, "from": a, "to": b})).collect::<Vec<_>>(),
            "equity_curve": together.equity_curve.iter().map(|(at, e)| json!([at.timestamp(), round2(e.to_f64())])).collect::<Vec<_>>(),
        },
        "skipped": skipped,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

async fn run_evaluation(config: &Config, args: &BacktestArgs) -> Result<(), CliError> {
    let bar = Arc::new(crate::progress::Progress::new(Some(POLICIES.len() as u64 + 1), "evaluating"));
    let b = bar.clone();
    let progress: Progress = Arc::new(move |what: &str, i: u32, _of: u32| {
        b.set(u64::from(i));
        b.set_message(&format!("evaluating: {what}"));
    });
    let work_dir = std::env::temp_dir().join(format!("copycat-evaluate-{}", std::process::id()));
    let opts = EvaluateOptions {
        seed: args.seed,
        train_days: args.train_days,
        test_days: args.test_days,
        wallets: args.sim_wallets,
        work_dir: work_dir.clone(),
        progress: Some(progress),
    };
    let result = evaluate(config, &opts).await;
    let _ = std::fs::remove_dir_all(&work_dir);
    bar.finish();
    let e = result?;
    if args.json {
        println!("{}", serde_json::to_string(&e).map_err(|e| CliError::io("cannot write the evaluation")(e.into()))?);
    } else {
        print_evaluation(&e);
    }
    Ok(())
}

fn print_evaluation(e: &Evaluation) {
    println!(
        "Walk-forward evaluation, seed {}: leaders selected from {} days, followed for {} days with the real engine",
        e.seed, e.train_days, e.test_days
    );
    println!("(truth $10: what copying every buy of the followed wallets with $10 earns by ground truth; edge/$: per dollar)");
    println!(
        "{:<14} {:>9} {:>12} {:>8} {:>7} {:>12} {:>8}  emergency stop",
        "policy", "followed", "follower", "ROI", "copies", "truth $10", "edge/$"
    );
    for name in POLICIES {
        if let Some(p) = e.policies.get(name) {
            println!(
                "{:<14} {:>9} {:>12} {:>7.1}% {:>7} {:>12} {:>+8.3}  {}",
                name,
                p.followed.len(),
                signed_usd(p.follower_pnl),
                p.follower_roi * 100.0,
                p.copies,
                signed_usd(p.truth_profit),
                p.truth_edge,
                p.stopped_at.map_or("-".to_string(), |at| at.format("%Y-%m-%d %H:%M").to_string())
            );
        }
    }
}
