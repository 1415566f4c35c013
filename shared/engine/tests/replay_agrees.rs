//! The backtest replay and the live engine make the same decisions from the same inputs: the
//! same leaders followed over the same simulated days, signal by signal.

use copycat_backtest::{ReplayLeader, ReplayOptions, replay};
use copycat_core::Config;
use copycat_core::policy::{allocation_for_rank, rerank};
use copycat_core::records::{Leader, LeaderSet, SignalOutcome};
use copycat_engine::demo_start;
use copycat_engine::evaluate::{follow, world_for};
use copycat_sim::{SimVenue, WalletKind};
use std::collections::BTreeMap;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_replay_decides_every_signal_as_the_engine_did() {
    let config = Config::default();
    let world = Arc::new(world_for(&config, 3, 5, 2, 40));
    let start = demo_start();
    let end = world.params().end();
    // Three people who trade in the window, followed with the same entries by both.
    let people: Vec<_> = world
        .wallets()
        .iter()
        .filter(|w| matches!(world.truth(w).map(|t| t.kind), Some(WalletKind::Human(_))))
        .filter(|w| world.leader_trades_between(w, start, end).len() >= 20)
        .take(3)
        .cloned()
        .collect();
    assert_eq!(people.len(), 3, "the world has three active people");
    let mut set = LeaderSet::default();
    for (rank, w) in people.iter().enumerate() {
        set.leaders.push(Leader {
            wallet: w.clone(),
            score: (3 - rank) as f64,
            roi: 0.3,
            allocation: allocation_for_rank(&config.copy, rank as u32 + 1),
            since: start,
            judged_at: start,
        });
    }
    rerank(&config.copy, &mut set);

    let dir = std::env::temp_dir().join(format!("copycat-agree-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let live = follow(&config, &world, &dir.join("agree.db"), set.clone(), start, end).await.expect("the engine runs");
    let _ = std::fs::remove_dir_all(&dir);

    let leaders: Vec<ReplayLeader> = set
        .leaders
        .iter()
        .map(|l| ReplayLeader { leader: l.clone(), trades: world.leader_trades_between(&l.wallet, world.params().history_start(), end) })
        .collect();
    // The engine polls every `poller.poll_interval_ms` from `start` and sees a trade at the
    // first poll at or after it (a trade on a poll's second is seen by that poll); its order
    // then takes `demo.order_latency_ms`. The replay detects on the same grid.
    let latency = copycat_core::time::millis(config.demo.order_latency_ms);
    let detect_every = Some(copycat_core::time::millis(config.poller.poll_interval_ms));
    let opts = ReplayOptions {
        detect_every,
        from: start,
        to: end,
        latency,
        mode_every: copycat_core::time::secs(config.demo.health_every_secs),
        record_decisions: true,
    };
    let replayed = replay(&SimVenue::new(world.clone()), &leaders, &config, &opts);

    let engine: BTreeMap<String, String> = live
        .ledger
        .iter()
        .map(|e| {
            let what = match &e.outcome {
                SignalOutcome::Copied { fill, .. } => format!("copied {}", fill.shares),
                SignalOutcome::Refused { reason, .. } => format!("refused {}", reason.code()),
            };
            (e.key.as_str().to_string(), what)
        })
        .collect();
    let replay: BTreeMap<String, String> = replayed
        .decisions
        .iter()
        .map(|d| {
            let what = match &d.refused {
                None => format!("copied {}", d.shares),
                Some(r) => format!("refused {r}"),
            };
            (d.key.clone(), what)
        })
        .collect();
    assert!(engine.len() >= 30, "enough signals to compare: {}", engine.len());
    assert!(engine.values().any(|v| v.starts_with("copied")), "some copies: {engine:?}");
    let differ: Vec<_> = engine.iter().filter(|(k, v)| replay.get(*k) != Some(*v)).map(|(k, v)| (k, v, replay.get(k))).collect();
    assert!(
        differ.is_empty(),
        "{} of {} signals decided differently (key, engine, replay): {:?}",
        differ.len(),
        engine.len(),
        &differ[..differ.len().min(10)]
    );
    assert_eq!(engine.len(), replay.len(), "the same signals");
}
