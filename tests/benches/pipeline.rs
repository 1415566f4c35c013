//! The embedded pipeline: signals on the FIFO queue → signal-copier handler → state store,
//! exactly as the local engine drives it (receive a batch, handle, delete what succeeded).
//! Twenty leaders, each trading its own market; every signal is copied.

use copycat_core::config::Config;
use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, send_all};
use copycat_core::signal::{Signal, SignalKey};
use copycat_core::time::Span;
use copycat_core::{Clock, Side, Usd, Wallet};
use copycat_local::{local_event, settle_batch, to_sqs_event};
use copycat_tests::{Harness, leader_trade};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const SIGNALS: usize = 1_000;
const LEADERS: usize = 20;

fn leader(i: usize) -> String {
    format!("0x{:040x}", 0x1000 + i)
}

fn harness(rt: &tokio::runtime::Runtime) -> Harness {
    let mut config = Config::default();
    config.trading.starting_balance = Usd(dec!(10000000));
    config.risk.per_market_cap_pct = Decimal::ONE;
    config.risk.max_exposure_pct = Decimal::ONE;
    config.risk.max_open_positions = LEADERS as u32;
    // small stakes, so a thousand copies fit in the balance and none is refused
    for tier in &mut config.modes.tiers {
        tier.position_pct = dec!(0.0001);
    }
    let h = Harness::with_config(config);
    rt.block_on(async {
        for i in 0..LEADERS {
            h.follow(&leader(i), 0.4).await;
        }
    });
    h
}

/// Queues `SIGNALS` new signals (keys from `round`) on the harness's signals queue.
fn enqueue(rt: &tokio::runtime::Runtime, h: &Harness, round: usize) {
    rt.block_on(async {
        let now = h.clock.now();
        let messages: Vec<OutMessage> = (round * SIGNALS..(round + 1) * SIGNALS)
            .map(|n| {
                let w = Wallet::parse(&leader(n % LEADERS)).unwrap();
                let mut t = leader_trade(Side::Buy, dec!(0.5), dec!(20), now - Span::seconds(1), &format!("0x{n:064x}"));
                t.wallet = w.clone();
                // each leader trades its own market, as real leaders mostly do
                t.asset = (1001 + 2 * (n % LEADERS)).to_string();
                let key = SignalKey(format!("{n:032x}"));
                let s = Signal { key: key.clone(), leader: w.clone(), trade: t, seen_at: now };
                OutMessage::fifo(serde_json::to_string(&s).unwrap(), w.as_str(), key.as_str())
            })
            .collect();
        assert!(send_all(h.queues.signals.as_ref(), messages).await.unwrap().is_empty());
    });
}

async fn drain(h: &Harness) -> usize {
    let mut handled = 0;
    loop {
        let msgs = h.queues.signals.receive(10).await.unwrap();
        if msgs.is_empty() {
            return handled;
        }
        let resp = signal_copier::handle(local_event(to_sqs_event(&msgs, "arn:bench")), &h.deps.copier).await.unwrap();
        handled += settle_batch(h.queues.signals.as_ref(), &msgs, &resp).await.unwrap().acked as usize;
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    // The bench must time copies, not refusals: check once that every signal is copied.
    let h = harness(&rt);
    enqueue(&rt, &h, 0);
    assert_eq!(rt.block_on(drain(&h)), SIGNALS);
    let copied =
        rt.block_on(h.ledger()).iter().filter(|e| matches!(e.outcome, copycat_core::records::SignalOutcome::Copied { .. })).count();
    let reasons: std::collections::BTreeMap<String, usize> = rt
        .block_on(h.ledger())
        .iter()
        .filter_map(|e| match &e.outcome {
            copycat_core::records::SignalOutcome::Refused { reason, .. } => Some(reason.code()),
            _ => None,
        })
        .fold(Default::default(), |mut m, r| {
            *m.entry(r).or_insert(0) += 1;
            m
        });
    assert_eq!(copied, SIGNALS, "every bench signal is copied; refused: {reasons:?}");

    // criterion calls the closure below more than once (warm-up, measurement): rounds go on
    let round = std::cell::Cell::new(1);
    let mut g = c.benchmark_group("embedded_pipeline");
    g.throughput(Throughput::Elements(SIGNALS as u64));
    g.sample_size(10);
    g.bench_function("queue_to_copier_to_store_1000_signals", |b| {
        // One long-lived database, as in the engine: each iteration copies 1,000 new signals.
        b.iter_batched(
            || {
                enqueue(&rt, &h, round.get());
                round.set(round.get() + 1);
            },
            |()| assert_eq!(rt.block_on(drain(&h)), SIGNALS),
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
