//! The copyable-edge score ranks wallets by what copying them earns a follower: lucky people and
//! skilled-but-uncopyable ones (news traders who are done before we arrive, limit makers whose
//! edge is the spread we would pay) score below skilled people a follower can copy.

use copycat_core::Config;
use copycat_core::dependency::Dependency;
use copycat_core::quality::assess_leader;
use copycat_core::time::ManualClock;
use copycat_core::time::Span;
use copycat_engine::evaluate::world_for;
use copycat_engine::{Engine, EngineBackend, demo_start};
use copycat_sim::{HumanStyle, SimBroker, SimMarket, WalletKind};
use copycat_state::BreakerGate;
use std::collections::BTreeMap;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lucky_and_uncopyable_wallets_score_below_copyable_ones() {
    let config = Config::default();
    let mut by_group: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for seed in [11u64, 12] {
        let world = Arc::new(world_for(&config, seed, 21, 1, 120));
        let start = demo_start();
        let clock = Arc::new(ManualClock::new(start));
        let dir = std::env::temp_dir().join(format!("copycat-edge-ranks-{}-{seed}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let embedded = copycat_local::open_backend(&dir.join("e.db"), clock.clone()).unwrap();
        let backend = EngineBackend::embedded(&embedded, &config.queues, "test".into());
        let market = Arc::new(SimMarket::new(world.clone(), clock.clone()));
        let broker = Arc::new(SimBroker::new(world.clone(), clock.clone()));
        let engine = Engine::new(config.clone(), backend, clock.clone(), market, broker, None);
        let deps = &engine.deps.bot_filter;
        let from = start - Span::days(i64::from(config.selection.training_days));
        for w in world.wallets() {
            let Some(truth) = world.truth(w) else { continue };
            let group = match truth.kind {
                WalletKind::Human(HumanStyle::Lucky) => "lucky",
                WalletKind::Human(HumanStyle::NewsTrader | HumanStyle::LimitMaker) => "uncopyable",
                WalletKind::Human(HumanStyle::Casual | HumanStyle::Active) if truth.skilled => "copyable",
                _ => continue,
            };
            let trades = world.leader_trades_between(w, from - Span::days(9), start);
            let positions = world.positions_at(w, start).unwrap_or_default();
            let roi = assess_leader(&trades, &positions, &config.quality).stats.roi;
            let mut gate = BreakerGate::read(deps, Dependency::DataApi, "test").await;
            let m = bot_filter::measure(deps, &mut gate, w, &trades, roi, from, start).await.expect("measured");
            by_group.entry(group).or_default().push(m.edge.score);
        }
        drop(engine);
        let _ = std::fs::remove_dir_all(&dir);
    }
    let mean = |g: &str| {
        let v = &by_group[g];
        v.iter().sum::<f64>() / v.len() as f64
    };
    let passing = |g: &str| {
        let v = &by_group[g];
        v.iter().filter(|s| **s > config.selection.min_edge).count() as f64 / v.len() as f64
    };
    eprintln!("{by_group:?}");
    for g in ["lucky", "uncopyable", "copyable"] {
        assert!(by_group.get(g).is_some_and(|v| v.len() >= 3), "enough {g} wallets: {by_group:?}");
        eprintln!("{g}: {} wallets, mean score {:.4}, {:.0}% would be followed", by_group[g].len(), mean(g), passing(g) * 100.0);
    }
    assert!(mean("lucky") < mean("copyable"), "lucky {} vs copyable {}", mean("lucky"), mean("copyable"));
    assert!(mean("uncopyable") < mean("copyable"), "uncopyable {} vs copyable {}", mean("uncopyable"), mean("copyable"));
    assert!(passing("lucky") < passing("copyable"));
    assert!(passing("uncopyable") < passing("copyable"));
}
