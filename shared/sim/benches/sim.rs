//! How fast the simulator is where the demo leans on it: generating the world once, and the
//! signal poller's ~2.4M `wallet_trades` calls (most of them find nothing new).

use chrono::TimeDelta;
use copycat_core::ManualClock;
use copycat_core::ports::MarketData;
use copycat_sim::{SimMarket, SimParams, SimWorld};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// Runs a future that never waits (the simulator's are all ready at once).
fn ready<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("simulator futures complete on first poll"),
    }
}

fn generate(c: &mut Criterion) {
    let mut g = c.benchmark_group("sim");
    g.sample_size(10);
    g.bench_function("generate_default_world", |b| b.iter(|| SimWorld::generate(black_box(SimParams::default()))));
    g.finish();
}

fn poll(c: &mut Criterion) {
    let params = SimParams::default();
    let now = params.start + TimeDelta::days(3);
    let world = Arc::new(SimWorld::generate(params));
    let clock = Arc::new(ManualClock::new(now));
    let market = SimMarket::new(world.clone(), clock);
    // A person who trades a few dozen times a day: the kind of leader the demo follows.
    let leader = world
        .wallets()
        .iter()
        .filter(|w| world.truth(w).is_some_and(|t| !t.is_bot() && t.skilled))
        .max_by_key(|w| world.trades_of(w).len())
        .cloned()
        .expect("a skilled person");
    let last = world.trades_since(&leader, None, usize::MAX, now).and_then(|t| t.last().map(|t| t.timestamp)).expect("history");

    c.bench_function("wallet_trades_empty_poll", |b| {
        let since = Some(last + TimeDelta::seconds(1));
        b.iter(|| ready(market.wallet_trades(black_box(&leader), black_box(since), 100)))
    });
    c.bench_function("wallet_trades_poll_at_cursor", |b| {
        // What the poller actually asks: `since` = its cursor, so the last second comes back.
        b.iter(|| ready(market.wallet_trades(black_box(&leader), black_box(Some(last)), 100)))
    });
}

criterion_group!(benches, generate, poll);
criterion_main!(benches);
