//! Hot-path costs of the embedded backend on a file-backed database (WAL, synchronous=NORMAL):
//! what one signal pays at each step of queue → store → ack.

use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, StateStore};
use copycat_core::store::{Key, Write};
use copycat_core::time::{ManualClock, from_secs};
use copycat_embedded::{EmbeddedBackend, QueueSettings};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use std::sync::Arc;

fn backend(dir: &tempfile::TempDir) -> EmbeddedBackend {
    let clock = Arc::new(ManualClock::new(from_secs(1_700_000_000)));
    EmbeddedBackend::open(&dir.path().join("bench.db"), clock).expect("open bench database")
}

fn store_and_queue(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let backend = backend(&dir);
    let store = backend.store();
    let body = json!({"status": "IN_PROGRESS", "wallet": "0x1234567890abcdef", "price": "0.42", "shares": "120.5"});

    let mut n = 0u64;
    c.bench_function("store: put_if_absent of a new claim (file db)", |b| {
        b.iter(|| {
            n += 1;
            let key = Key::new(format!("SIGNAL#{n}"), "CLAIM");
            runtime.block_on(store.put_if_absent(&key, body.clone(), None)).expect("put");
        })
    });

    let keys: Vec<Key> = ["PORTFOLIO/STATE", "POSITION#t1/OPEN", "ORDER#o1/STATE"]
        .iter()
        .map(|k| k.split_once('/').map(|(pk, sk)| Key::new(pk, sk)).expect("pk/sk"))
        .collect();
    for key in &keys {
        runtime.block_on(store.put_if_absent(key, body.clone(), None)).expect("seed");
    }
    let mut version = 1u64;
    c.bench_function("store: transact of 4 writes (1 create + 3 versioned updates, file db)", |b| {
        b.iter(|| {
            n += 1;
            let mut writes = vec![Write::PutIfAbsent { key: Key::new(format!("FILL#{n}"), "F"), body: body.clone(), expires_at: None }];
            writes.extend(keys.iter().map(|key| Write::PutIfVersion {
                key: key.clone(),
                body: body.clone(),
                expected_version: version,
                expires_at: None,
            }));
            runtime.block_on(store.transact(writes)).expect("transact");
            version += 1;
        })
    });

    c.bench_function("store: get_many of 4 keys (file db)", |b| {
        let mut four = keys.clone();
        four.push(Key::new("MODE", "CURRENT"));
        b.iter(|| runtime.block_on(store.get_many(&four)).expect("get_many"))
    });

    for (label, settings, fifo) in [("standard", QueueSettings::standard(), false), ("fifo", QueueSettings::fifo(), true)] {
        let queue = backend.queue(&format!("bench-{label}"), settings);
        c.bench_function(&format!("queue ({label}): send + receive + ack of one message (file db)"), |b| {
            b.iter(|| {
                n += 1;
                let message = if fifo {
                    OutMessage::fifo(body.to_string(), format!("wallet-{}", n % 50), n.to_string())
                } else {
                    OutMessage::standard(body.to_string())
                };
                runtime.block_on(async {
                    queue.send_batch(vec![message]).await.expect("send");
                    let got = queue.receive(1).await.expect("receive");
                    queue.ack(&got[0].receipt).await.expect("ack");
                })
            })
        });
    }
}

/// A FIFO receive must not slow down with the backlog of groups that are in flight: 50 groups
/// with 200 waiting messages each, every group blocked but one.
fn fifo_behind_a_blocked_backlog(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let backend = backend(&dir);
    let queue = backend.queue("bench-backlog", QueueSettings::fifo());
    runtime.block_on(async {
        for batch in 0..1_000 {
            let messages = (0..10).map(|i| OutMessage::fifo("{}", format!("wallet-{}", batch % 50), format!("{batch}-{i}"))).collect();
            queue.send_batch(messages).await.expect("fill");
        }
        while !queue.receive(1).await.expect("block a group").is_empty() {}
    });
    let mut n = 0u64;
    c.bench_function("queue (fifo): send + receive + ack of one message behind 10,000 blocked messages (file db)", |b| {
        b.iter(|| {
            n += 1;
            runtime.block_on(async {
                queue.send_batch(vec![OutMessage::fifo("{}", "quiet-wallet", format!("q{n}"))]).await.expect("send");
                let got = queue.receive(1).await.expect("receive");
                assert_eq!(got.len(), 1, "the quiet wallet's message is deliverable");
                queue.ack(&got[0].receipt).await.expect("ack");
            })
        })
    });
}

/// The batched path a pipeline takes: one send of 10, one receive of 10, 10 acks.
fn batches_of_ten(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let backend = backend(&dir);
    let mut n = 0u64;
    for (label, settings, fifo) in [("standard", QueueSettings::standard(), false), ("fifo", QueueSettings::fifo(), true)] {
        let queue = backend.queue(&format!("bench-batch-{label}"), settings);
        c.bench_function(&format!("queue ({label}): send_batch of 10 + receive(10) + 10 acks (file db)"), |b| {
            b.iter(|| {
                let messages = (0..10)
                    .map(|i| {
                        n += 1;
                        if fifo { OutMessage::fifo("{}", format!("wallet-{i}"), n.to_string()) } else { OutMessage::standard("{}") }
                    })
                    .collect();
                runtime.block_on(async {
                    queue.send_batch(messages).await.expect("send");
                    let got = queue.receive(10).await.expect("receive");
                    assert_eq!(got.len(), 10);
                    for message in got {
                        queue.ack(&message.receipt).await.expect("ack");
                    }
                })
            })
        });
    }
}

criterion_group!(benches, store_and_queue, fifo_behind_a_blocked_backlog, batches_of_ten);
criterion_main!(benches);
