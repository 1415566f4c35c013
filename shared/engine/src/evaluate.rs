//! Walk-forward evaluation of leader selection, and replays on the simulator.
//!
//! [`evaluate`] builds a world, selects `copy.max_leaders` leaders from the training days under
//! each policy — `copyable_edge` is the production path itself (discovery and the bot filter run
//! at the split), the others rank the same judged humans by the leader's own figures, at random,
//! or by ground truth — then follows each set over the test days with the real engine (the
//! demo's handlers, on a fresh embedded database each) and reports what the follower earned.

use crate::{Engine, EngineBackend, EngineError, demo_start};
use copycat_backtest::{ReplayLeader, ReplayOptions, ReplayReport, each_and_together};
use copycat_core::Config;
use copycat_core::botfilter::Verdict;
use copycat_core::policy::{allocation_for_rank, rerank};
use copycat_core::quality::assess_leader;
use copycat_core::records::{Control, Leader, LeaderSet, LedgerEntry, PortfolioState, TraderProfile, TraderStatus, TraderVerdict, keys};
use copycat_core::time::{Clock, ManualClock, Timestamp};
use copycat_core::trade::Wallet;
use copycat_sim::{COPY_STAKE_USD, SimBroker, SimMarket, SimParams, SimVenue, SimWorld};
use copycat_state::{decode, load, put_new};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The policies compared, in the order they are reported.
pub const POLICIES: [&str; 5] = ["copyable_edge", "leader_pnl", "win_rate", "random", "oracle"];

/// Told (what is being done, step, of how many) as an evaluation progresses.
pub type Progress = Arc<dyn Fn(&str, u32, u32) + Send + Sync>;

/// How to evaluate.
#[derive(Clone)]
pub struct EvaluateOptions {
    /// Seed of the world.
    pub seed: u64,
    /// Days leaders are selected from.
    pub train_days: u32,
    /// Days they are then followed.
    pub test_days: u32,
    /// Wallets in the world.
    pub wallets: u32,
    /// Where the per-policy databases go (removed afterwards).
    pub work_dir: PathBuf,
    /// Called with (policy, step, of) as work progresses.
    pub progress: Option<Progress>,
}

/// What following one policy's choice earned.
#[derive(Clone, Debug, Serialize)]
pub struct PolicyResult {
    /// The wallets followed, best first.
    pub followed: Vec<Wallet>,
    /// Follower profit over the test days (dollars).
    pub follower_pnl: f64,
    /// Profit over the starting balance.
    pub follower_roi: f64,
    /// Copies that filled.
    pub copies: u32,
    /// When the emergency stop (`modes.emergency_stop_drawdown`) halted trading for the rest of
    /// the test days, if it did: what is earned after it is not the leaders' doing.
    pub stopped_at: Option<Timestamp>,
    /// Ground truth, free of which trades one small account happened to catch: what copying
    /// every buy of the followed wallets over the test days with `COPY_STAKE_USD` ($10) would
    /// earn (Σ follower edge per dollar × copies × $10, what the oracle ranks by).
    pub truth_profit: f64,
    /// Ground truth: the followed wallets' follower edge per dollar over the test days, averaged
    /// over their copyable buys.
    pub truth_edge: f64,
}

/// One evaluation: the object `copycat backtest --evaluate --json` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    /// Seed of the world.
    pub seed: u64,
    /// Training days.
    pub train_days: u32,
    /// Test days.
    pub test_days: u32,
    /// Per policy.
    pub policies: BTreeMap<String, PolicyResult>,
}

/// The world an evaluation or a replay runs on: `history_days` before `demo_start()`, `days`
/// after it, the follower latency from `[selection]`, no outages.
pub fn world_for(config: &Config, seed: u64, history_days: u32, days: u32, wallets: u32) -> SimWorld {
    SimWorld::generate(SimParams {
        seed,
        start: demo_start(),
        history_days,
        days,
        wallets,
        markets: config.demo.markets,
        outages: Vec::new(),
        follower_latency_ms: i64::try_from(config.selection.latency_ms()).unwrap_or(i64::MAX),
        ..SimParams::default()
    })
}

/// A judged candidate: its verdict, and its own figures over the training days.
struct Judged {
    wallet: Wallet,
    human: bool,
    leader_pnl: f64,
    win_rate: f64,
    closed: usize,
    roi: f64,
}

/// An evaluation with what lies behind its figures, for looking into why a policy won or lost.
pub struct EvaluationDetail {
    /// The figures.
    pub evaluation: Evaluation,
    /// The world it ran on (with its ground truth).
    pub world: Arc<SimWorld>,
    /// Every wallet discovery judged at the split, as its profile was left.
    pub profiles: Vec<TraderProfile>,
    /// Per policy, every signal's outcome while following its set.
    pub ledgers: BTreeMap<String, Vec<LedgerEntry>>,
}

/// Runs the walk-forward evaluation.
pub async fn evaluate(config: &Config, opts: &EvaluateOptions) -> Result<Evaluation, EngineError> {
    Ok(evaluate_in_detail(config, opts).await?.evaluation)
}

/// Runs the walk-forward evaluation and keeps the world, the profiles and the ledgers.
pub async fn evaluate_in_detail(config: &Config, opts: &EvaluateOptions) -> Result<EvaluationDetail, EngineError> {
    config.validate()?;
    if opts.train_days < 1 || opts.test_days < 1 {
        return Err(EngineError::Usage("--train-days and --test-days must be at least 1".into()));
    }
    let world = Arc::new(world_for(config, opts.seed, opts.train_days, opts.test_days, opts.wallets));
    let start = demo_start();
    let end = world.params().end();
    let step = |p: &str, i: u32| {
        if let Some(f) = &opts.progress {
            f(p, i, POLICIES.len() as u32 + 1)
        }
    };
    std::fs::create_dir_all(&opts.work_dir).map_err(|e| EngineError::Usage(format!("cannot create {}: {e}", opts.work_dir.display())))?;

    // The production selection at the split: discovery and the bot filter, as deployed.
    step("selecting (discovery and the bot filter)", 0);
    let db = opts.work_dir.join(format!("select-{}.db", opts.seed));
    let (engine, _clock, _broker) = engine_at(config, &world, &db, start)?;
    let mut engine = engine;
    engine.discover().await?;
    let chosen = load::<LeaderSet>(engine.deps.store.as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    let mut judged = Vec::new();
    let mut profiles = Vec::new();
    for w in world.wallets() {
        let Some(rec) = engine.deps.store.get(&keys::trader(w)).await? else { continue };
        let Ok(p) = decode::<TraderProfile>(&rec) else { continue };
        if p.value.status == TraderStatus::Candidate {
            continue;
        }
        profiles.push(p.value.clone());
        let trades = world.leader_trades_between(w, world.params().history_start(), start);
        let positions = world.positions_at(w, start).unwrap_or_default();
        let q = assess_leader(&trades, &positions, &config.quality);
        judged.push(Judged {
            wallet: w.clone(),
            human: p.value.verdict == TraderVerdict::from(Verdict::Human),
            leader_pnl: world.realized_pnl_between(w, None, start).to_f64(),
            win_rate: q.stats.win_rate,
            closed: q.stats.closed_positions,
            roi: q.stats.roi,
        });
    }
    drop(engine);
    remove_db(&db);

    let max = config.copy.max_leaders as usize;
    let humans: Vec<&Judged> = judged.iter().filter(|j| j.human).collect();
    let mut sets: BTreeMap<&str, Vec<Wallet>> = BTreeMap::new();
    sets.insert("copyable_edge", chosen.leaders.iter().map(|l| l.wallet.clone()).collect());
    let mut by_pnl = humans.clone();
    by_pnl.sort_by(|a, b| b.leader_pnl.total_cmp(&a.leader_pnl).then_with(|| a.wallet.cmp(&b.wallet)));
    sets.insert("leader_pnl", by_pnl.iter().filter(|j| j.leader_pnl > 0.0).take(max).map(|j| j.wallet.clone()).collect());
    let mut by_wins: Vec<&Judged> = humans.iter().copied().filter(|j| j.closed >= config.quality.min_markets as usize).collect();
    by_wins.sort_by(|a, b| {
        b.win_rate.total_cmp(&a.win_rate).then(b.leader_pnl.total_cmp(&a.leader_pnl)).then_with(|| a.wallet.cmp(&b.wallet))
    });
    sets.insert("win_rate", by_wins.iter().take(max).map(|j| j.wallet.clone()).collect());
    let mut shuffled = humans.clone();
    shuffled.sort_by(|a, b| a.wallet.cmp(&b.wallet));
    shuffled.shuffle(&mut ChaCha8Rng::seed_from_u64(opts.seed ^ 0x7261_6e64));
    sets.insert("random", shuffled.iter().take(max).map(|j| j.wallet.clone()).collect());
    let mut by_truth: Vec<(f64, &Judged)> = judged
        .iter()
        .filter_map(|j| world.follower_edge_between(&j.wallet, start, end).map(|(edge, copies)| (edge * f64::from(copies), j)))
        .filter(|(profit, _)| *profit > 0.0)
        .collect();
    by_truth.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.wallet.cmp(&b.1.wallet)));
    sets.insert("oracle", by_truth.iter().take(max).map(|(_, j)| j.wallet.clone()).collect());

    let roi_of: BTreeMap<&Wallet, f64> = judged.iter().map(|j| (&j.wallet, j.roi)).collect();
    let mut policies = BTreeMap::new();
    let mut ledgers = BTreeMap::new();
    for (i, name) in POLICIES.iter().enumerate() {
        step(name, i as u32 + 1);
        let followed = sets.remove(name).unwrap_or_default();
        // The same sizing inputs for every policy: rank order and the leader's realised return.
        let mut set = LeaderSet::default();
        for (rank, w) in followed.iter().enumerate() {
            set.leaders.push(Leader {
                wallet: w.clone(),
                score: (followed.len() - rank) as f64,
                roi: roi_of.get(w).copied().unwrap_or(0.0),
                allocation: allocation_for_rank(&config.copy, rank as u32 + 1),
                since: start,
                judged_at: start,
            });
        }
        rerank(&config.copy, &mut set);
        let db = opts.work_dir.join(format!("{name}-{}.db", opts.seed));
        let followed = follow(config, &world, &db, set, start, end).await;
        remove_db(&db);
        let followed = followed?;
        policies.insert(name.to_string(), followed.result);
        ledgers.insert(name.to_string(), followed.ledger);
    }
    step("done", POLICIES.len() as u32 + 1);
    let evaluation = Evaluation { seed: opts.seed, train_days: opts.train_days, test_days: opts.test_days, policies };
    Ok(EvaluationDetail { evaluation, world, profiles, ledgers })
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn engine_at(
    config: &Config,
    world: &Arc<SimWorld>,
    db: &Path,
    at: Timestamp,
) -> Result<(Engine, Arc<ManualClock>, Arc<SimBroker>), EngineError> {
    remove_db(db);
    let clock = Arc::new(ManualClock::new(at));
    let embedded = copycat_local::open_backend(db, clock.clone())?;
    let backend = EngineBackend::embedded(&embedded, &config.queues, db.display().to_string());
    let market = Arc::new(SimMarket::new(world.clone(), clock.clone()));
    let broker = Arc::new(SimBroker::new(world.clone(), clock.clone()));
    Ok((Engine::new(config.clone(), backend, clock.clone(), market, broker.clone(), None), clock, broker))
}

/// What following a set with the real engine did.
pub struct Followed {
    /// What the follower earned.
    pub result: PolicyResult,
    /// Every signal's outcome, from the ledger.
    pub ledger: Vec<LedgerEntry>,
}

/// Follows `set` from `start` to `end` with the real engine (poller, copier, health check),
/// as the demo does but without discovery, on a fresh embedded database at `db`.
pub async fn follow(
    config: &Config,
    world: &Arc<SimWorld>,
    db: &Path,
    set: LeaderSet,
    start: Timestamp,
    end: Timestamp,
) -> Result<Followed, EngineError> {
    let (mut engine, clock, broker) = engine_at(config, world, db, start)?;
    let followed = set.leaders.iter().map(|l| l.wallet.clone()).collect();
    put_new(engine.deps.store.as_ref(), &keys::leaders(), &set, None).await?;
    let tick = copycat_core::time::millis(config.poller.poll_interval_ms);
    let order_latency = copycat_core::time::millis(config.demo.order_latency_ms);
    let health_every = copycat_core::time::secs(config.demo.health_every_secs);
    let mut next_health = start;
    while clock.now() < end {
        let now = clock.now();
        if engine.poll().await? > 0 {
            clock.advance(order_latency);
            engine.copy().await?;
        }
        if now >= next_health {
            engine.health().await?;
            engine.notify().await?;
            next_health = now + health_every;
        }
        clock.advance_to(now + tick);
    }
    engine.copy().await?;
    engine.health().await?;
    engine.notify().await?;
    let start_balance = config.trading.starting_balance;
    let portfolio = load::<PortfolioState>(engine.deps.store.as_ref(), &keys::portfolio()).await?.map(|v| v.value);
    let equity = portfolio.map_or(start_balance, |p| p.equity());
    let pnl = (equity - start_balance).to_f64();
    let truth: Vec<(f64, u32)> = set.leaders.iter().filter_map(|l| world.follower_edge_between(&l.wallet, start, end)).collect();
    let truth_copies: u32 = truth.iter().map(|(_, n)| n).sum();
    let truth_profit: f64 = truth.iter().map(|(e, n)| e * f64::from(*n)).sum();
    let control = load::<Control>(engine.deps.store.as_ref(), &keys::control()).await?.map(|v| v.value);
    let ledger = engine.deps.store.query(keys::LEDGER_PK, "").await?;
    let ledger = ledger.iter().map(|r| decode::<LedgerEntry>(r).map(|v| v.value)).collect::<Result<Vec<_>, _>>()?;
    Ok(Followed {
        result: PolicyResult {
            followed,
            follower_pnl: (pnl * 100.0).round() / 100.0,
            follower_roi: pnl / start_balance.to_f64(),
            copies: broker.fills().iter().filter(|(_, f)| f.shares.is_positive()).count() as u32,
            stopped_at: control.filter(|c| c.stopped).map(|c| c.at),
            truth_profit: (truth_profit * COPY_STAKE_USD * 100.0).round() / 100.0,
            truth_edge: if truth_copies > 0 { (truth_profit / f64::from(truth_copies) * 10_000.0).round() / 10_000.0 } else { 0.0 },
        },
        ledger,
    })
}

/// Replays `wallets` on `world` over `[from, to)`: each alone in its own account (the per-leader
/// figures), and all together in one (the total), as the copier would have copied them.
pub fn replay_sim(
    config: &Config,
    world: &Arc<SimWorld>,
    wallets: &[Wallet],
    from: Timestamp,
    to: Timestamp,
) -> (Vec<ReplayReport>, ReplayReport) {
    let opts = ReplayOptions {
        detect_every: None,
        from,
        to,
        latency: config.selection.latency(),
        mode_every: copycat_core::time::secs(config.selection.replay_mode_every_secs),
        record_decisions: false,
    };
    let leaders: Vec<ReplayLeader> = wallets
        .iter()
        .enumerate()
        .map(|(rank, w)| {
            let trades = world.leader_trades_between(w, world.params().history_start(), to);
            let positions = world.positions_at(w, from).unwrap_or_default();
            let before: Vec<_> = trades.iter().filter(|t| t.timestamp < from).cloned().collect();
            let roi = assess_leader(&before, &positions, &config.quality).stats.roi;
            ReplayLeader {
                leader: Leader {
                    wallet: w.clone(),
                    score: 0.0,
                    roi,
                    allocation: allocation_for_rank(&config.copy, rank as u32 + 1),
                    since: from,
                    judged_at: from,
                },
                trades,
            }
        })
        .collect();
    // A venue per replay: the simulated broker remembers each order key's fill.
    each_and_together(|| SimVenue::new(world.clone()), &leaders, config, &opts)
}
