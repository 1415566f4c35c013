//! Behaviour the conformance suite cannot express: several processes on one file, restarts,
//! SQLite-specific failures, and SQS details that need a manual clock.

use super::*;
use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, QueueError, StateStore, StoreError};
use copycat_core::store::Key;
use copycat_core::time::{ManualClock, Span, from_secs};
use serde_json::json;

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(from_secs(1_700_000_000)))
}

fn on_file(dir: &tempfile::TempDir, clock: &Arc<ManualClock>) -> EmbeddedBackend {
    EmbeddedBackend::open(&dir.path().join("copycat.db"), clock.clone()).expect("open the database file")
}

fn one(body: &str) -> Vec<OutMessage> {
    vec![OutMessage::standard(body)]
}

#[tokio::test]
async fn two_processes_on_one_file_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let (first, second) = (on_file(&dir, &clock), on_file(&dir, &clock));
    let key = Key::new("TRADER#0xabc", "PROFILE");

    first.store().put_if_absent(&key, json!({"status": "candidate"}), None).await.unwrap();
    let seen = second.store().get(&key).await.unwrap().expect("second process sees the record");
    assert_eq!(seen.body, json!({"status": "candidate"}));
    second.store().put_if_version(&key, json!({"status": "followed"}), 1, None).await.unwrap();
    assert_eq!(first.store().get(&key).await.unwrap().unwrap().version, 2);

    first.queue("signals", QueueSettings::standard()).send_batch(one("hello")).await.unwrap();
    let got = second.queue("signals", QueueSettings::standard()).receive(10).await.unwrap();
    assert_eq!(got.len(), 1);
    assert!(first.queue("signals", QueueSettings::standard()).receive(10).await.unwrap().is_empty(), "in flight for the other process");
    first.queue("signals", QueueSettings::standard()).ack(&got[0].receipt).await.unwrap();
    assert_eq!(second.queue("signals", QueueSettings::standard()).depth().await.unwrap(), 0);
}

#[test]
fn put_if_absent_race_between_two_processes_has_exactly_one_winner() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let key = Key::new("SIGNAL#k1", "CLAIM");
    for round in 0..20 {
        let key = Key::new(key.pk.clone(), format!("CLAIM#{round}"));
        let barrier = Arc::new(std::sync::Barrier::new(2));
        let racers: Vec<_> = (0..2)
            .map(|process| {
                let backend = on_file(&dir, &clock);
                let (key, barrier) = (key.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
                    barrier.wait();
                    runtime.block_on(backend.store().put_if_absent(&key, json!({ "owner": process }), None))
                })
            })
            .collect();
        let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
        let winners: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(winners.len(), 1, "round {round}: {results:?}");
        let loser = results.iter().find_map(|r| r.as_ref().err()).expect("one loser");
        match loser {
            StoreError::Conflict { current: Some(current), expected_version: None, .. } => assert_eq!(**current, *winners[0]),
            other => panic!("round {round}: loser got {other:?}"),
        }
    }
}

#[tokio::test]
async fn records_and_messages_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let settings = QueueSettings::standard().with_visibility_timeout(Span::seconds(30));
    let in_flight = {
        let backend = on_file(&dir, &clock);
        backend.store().put_if_absent(&Key::new("PORTFOLIO", "STATE"), json!({"cash": "100.00"}), None).await.unwrap();
        let queue = backend.queue("signals", settings.clone());
        queue.send_batch(vec![OutMessage::standard("a"), OutMessage::standard("b")]).await.unwrap();
        queue.receive(1).await.unwrap().remove(0)
    };
    let backend = on_file(&dir, &clock);
    assert_eq!(backend.store().get(&Key::new("PORTFOLIO", "STATE")).await.unwrap().unwrap().body, json!({"cash": "100.00"}));
    let queue = backend.queue("signals", settings);
    assert_eq!(queue.depth().await.unwrap(), 2);
    let now = queue.receive(10).await.unwrap();
    assert_eq!(now.len(), 1, "the in-flight message stays hidden across a restart");
    assert_ne!(now[0].message_id, in_flight.message_id);
    queue.ack(&in_flight.receipt).await.expect("a receipt stays valid across a restart");
}

#[tokio::test]
async fn in_memory_backend_works_without_a_file() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    assert_eq!(backend.location(), ":memory:");
    let record = backend.store().put_if_absent(&Key::new("MODE", "CURRENT"), json!({"tier": "NANO"}), None).await.unwrap();
    assert_eq!(record.version, 1);
}

#[test]
fn opening_a_file_in_a_missing_directory_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("copycat.db");
    let error = EmbeddedBackend::open(&path, clock()).unwrap_err();
    assert!(matches!(&error, EmbeddedError::Open { path: p, .. } if *p == path), "{error:?}");
    assert!(error.to_string().contains("no-such-dir"), "{error}");
}

#[test]
fn a_file_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copycat.db");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let error = EmbeddedBackend::open(&path, clock()).unwrap_err();
    assert!(matches!(error, EmbeddedError::SchemaTooNew { found: 99, supported: 1, .. }), "{error:?}");
}

#[test]
fn the_file_runs_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let _backend = on_file(&dir, &clock());
    let conn = rusqlite::Connection::open(dir.path().join("copycat.db")).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn a_write_blocked_past_the_busy_timeout_is_retryable_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let backend = on_file(&dir, &clock());
    backend.set_busy_timeout(std::time::Duration::from_millis(200));
    let other = rusqlite::Connection::open(dir.path().join("copycat.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let error = backend.store().put_if_absent(&Key::new("A", "B"), json!(1), None).await.unwrap_err();
    assert!(error.is_retryable(), "{error:?}");
    assert!(error.to_string().contains("busy"), "{error}");
    assert!(matches!(backend.store().get(&Key::new("A", "B")).await, Ok(None)), "readers are not blocked by a writer in WAL mode");
    let queue_error = backend.queue("q", QueueSettings::standard()).send_batch(one("x")).await.unwrap_err();
    assert!(matches!(queue_error, QueueError::Unavailable { .. }), "{queue_error:?}");
    other.execute_batch("ROLLBACK").unwrap();
    backend.store().put_if_absent(&Key::new("A", "B"), json!(1), None).await.expect("works once the lock is released");
}

#[tokio::test]
async fn a_corrupt_body_is_reported_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    let backend = on_file(&dir, &clock());
    let raw = rusqlite::Connection::open(dir.path().join("copycat.db")).unwrap();
    raw.execute("INSERT INTO records (pk, sk, version, body) VALUES ('P', 'S', 1, 'not json')", []).unwrap();
    let error = backend.store().get(&Key::new("P", "S")).await.unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { ref key, .. } if *key == Key::new("P", "S")), "{error:?}");
}

#[tokio::test]
async fn purge_expired_removes_only_records_past_their_expiry() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let store = backend.store();
    let now = from_secs(1_700_000_000);
    store.put_if_absent(&Key::new("SIGNAL#a", "CLAIM"), json!(1), Some(now - Span::seconds(1))).await.unwrap();
    store.put_if_absent(&Key::new("SIGNAL#b", "CLAIM"), json!(2), Some(now + Span::seconds(1))).await.unwrap();
    store.put_if_absent(&Key::new("SIGNAL#c", "CLAIM"), json!(3), None).await.unwrap();
    assert!(store.get(&Key::new("SIGNAL#a", "CLAIM")).await.unwrap().is_some(), "expiry never hides a record");
    assert_eq!(store.purge_expired(now).await.unwrap(), 1);
    assert!(store.get(&Key::new("SIGNAL#a", "CLAIM")).await.unwrap().is_none());
    assert!(store.get(&Key::new("SIGNAL#b", "CLAIM")).await.unwrap().is_some());
    assert!(store.get(&Key::new("SIGNAL#c", "CLAIM")).await.unwrap().is_some());
}

#[tokio::test]
async fn expires_at_reads_back_exactly_as_returned_by_the_write() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let store = backend.store();
    let at = from_secs(1_700_000_000) + Span::microseconds(1_234_567);
    let written = store.put_if_absent(&Key::new("P", "S"), json!({}), Some(at)).await.unwrap();
    assert_eq!(store.get(&Key::new("P", "S")).await.unwrap().unwrap(), written);
}

#[tokio::test]
async fn fifo_duplicate_after_the_window_is_delivered_again() {
    let clock = clock();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let queue = backend.queue("signals.fifo", QueueSettings::fifo());
    queue.send_batch(vec![OutMessage::fifo("first", "g", "d1")]).await.unwrap();
    clock.advance(Span::minutes(4));
    queue.send_batch(vec![OutMessage::fifo("inside window", "g", "d1")]).await.unwrap();
    assert_eq!(queue.depth().await.unwrap(), 1, "a resend inside the window is dropped, and does not extend the window");
    clock.advance(Span::minutes(1));
    queue.send_batch(vec![OutMessage::fifo("after window", "g", "d1")]).await.unwrap();
    assert_eq!(queue.depth().await.unwrap(), 2);
}

#[tokio::test]
async fn standard_queue_ignores_group_and_dedup_ids() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("plain", QueueSettings::standard());
    queue.send_batch(vec![OutMessage::fifo("a", "g", "same"), OutMessage::fifo("b", "g", "same")]).await.unwrap();
    let got = queue.receive(10).await.unwrap();
    assert_eq!(got.len(), 2, "both delivered at once: no de-duplication, no group blocking");
    assert!(got.iter().all(|m| m.group_id.is_none()));
}

#[tokio::test]
async fn zero_visibility_never_returns_one_message_twice_in_one_receive() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard().with_visibility_timeout(Span::zero()).with_dead_letter("q-dlq", 1));
    queue.send_batch(vec![OutMessage::standard("a"), OutMessage::standard("b"), OutMessage::standard("c")]).await.unwrap();
    let first = queue.receive(2).await.unwrap();
    assert_eq!(first.len(), 2);
    // a and b dead-letter now; c is delivered once, not filled up with repeats.
    let second = queue.receive(10).await.unwrap();
    let bodies: Vec<_> = second.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, ["c"]);
}

#[tokio::test]
async fn dead_lettered_message_keeps_its_id_and_restarts_its_count() {
    let clock = clock();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard().with_visibility_timeout(Span::seconds(2)).with_dead_letter("q-dlq", 1));
    queue.send_batch(one("poison")).await.unwrap();
    let original = queue.receive(1).await.unwrap().remove(0);
    clock.advance(Span::seconds(3));
    assert!(queue.receive(10).await.unwrap().is_empty());
    let dlq = queue.dead_letter_queue().expect("configured");
    assert_eq!(dlq.name(), "q-dlq");
    let dead = dlq.receive(10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!((dead[0].message_id.as_str(), dead[0].receive_count, dead[0].sent_at), (original.message_id.as_str(), 1, original.sent_at));
    assert!(matches!(queue.ack(&original.receipt).await, Err(QueueError::StaleReceipt { .. })));
    // The same queue opened by name from the backend sees the same message.
    assert_eq!(backend.queue("q-dlq", QueueSettings::standard()).depth().await.unwrap(), 1);
}

#[tokio::test]
async fn fifo_group_stays_blocked_while_any_message_is_in_flight() {
    let clock = clock();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let queue = backend.queue("s.fifo", QueueSettings::fifo().with_visibility_timeout(Span::seconds(2)));
    queue.send_batch(vec![OutMessage::fifo("a1", "a", "1"), OutMessage::fifo("a2", "a", "2")]).await.unwrap();
    let both = queue.receive(10).await.unwrap();
    assert_eq!(both.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(), ["a1", "a2"]);
    queue.set_visibility(&both[0].receipt, Span::zero()).await.unwrap();
    assert!(queue.receive(10).await.unwrap().is_empty(), "a2 is still in flight, so a1 waits");
    clock.advance(Span::seconds(3));
    let again = queue.receive(10).await.unwrap();
    assert_eq!(again.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(), ["a1", "a2"], "redelivered in send order");
}

#[tokio::test]
async fn standard_queue_delivers_longest_visible_first() {
    let clock = clock();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard().with_visibility_timeout(Span::seconds(2)));
    queue.send_batch(one("first")).await.unwrap();
    let first = queue.receive(1).await.unwrap().remove(0);
    queue.send_batch(one("second")).await.unwrap();
    clock.advance(Span::seconds(1));
    queue.set_visibility(&first.receipt, Span::zero()).await.unwrap();
    let order: Vec<_> = queue.receive(10).await.unwrap().into_iter().map(|m| m.body).collect();
    assert_eq!(order, ["second", "first"]);
}

#[tokio::test]
async fn receive_returns_at_most_ten() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard());
    for _ in 0..2 {
        queue.send_batch((0..10).map(|i| OutMessage::standard(format!("m{i}"))).collect()).await.unwrap();
    }
    assert_eq!(queue.receive(100).await.unwrap().len(), MAX_RECEIVE);
    assert!(queue.receive(0).await.unwrap().is_empty());
}

#[tokio::test]
async fn bodies_sqs_would_refuse_are_reported_per_entry() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard());
    let failures =
        queue.send_batch(vec![OutMessage::standard(""), OutMessage::standard("ok"), OutMessage::standard("nul\u{0}")]).await.unwrap();
    assert_eq!(failures.iter().map(|f| (f.index, f.retryable)).collect::<Vec<_>>(), [(0, false), (2, false)]);
    assert_eq!(queue.depth().await.unwrap(), 1);
    let too_big = vec![OutMessage::standard("x".repeat(MAX_BATCH_BYTES)), OutMessage::standard("y")];
    assert!(matches!(queue.send_batch(too_big).await, Err(QueueError::Invalid { .. })));
    assert!(matches!(queue.send_batch(Vec::new()).await, Err(QueueError::Invalid { .. })));
}

#[tokio::test]
async fn visibility_outside_zero_to_twelve_hours_is_refused() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard());
    queue.send_batch(one("m")).await.unwrap();
    let m = queue.receive(1).await.unwrap().remove(0);
    assert!(matches!(queue.set_visibility(&m.receipt, Span::seconds(-1)).await, Err(QueueError::Invalid { .. })));
    assert!(matches!(queue.set_visibility(&m.receipt, Span::hours(13)).await, Err(QueueError::Invalid { .. })));
    assert!(matches!(queue.set_visibility("garbage", Span::zero()).await, Err(QueueError::StaleReceipt { .. })));
}

#[tokio::test]
async fn a_receipt_only_works_on_its_own_queue() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let (a, b) = (backend.queue("a", QueueSettings::standard()), backend.queue("b", QueueSettings::standard()));
    a.send_batch(one("m")).await.unwrap();
    let m = a.receive(1).await.unwrap().remove(0);
    assert!(matches!(b.ack(&m.receipt).await, Err(QueueError::StaleReceipt { .. })));
    a.ack(&m.receipt).await.unwrap();
}

#[tokio::test]
async fn fifo_receive_finds_other_groups_behind_a_blocked_backlog() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("s.fifo", QueueSettings::fifo());
    for batch in 0..200 {
        let messages = (0..10).map(|i| OutMessage::fifo("x", "busy", format!("{batch}-{i}"))).collect();
        queue.send_batch(messages).await.unwrap();
    }
    queue.send_batch(vec![OutMessage::fifo("other", "quiet", "q")]).await.unwrap();
    let first = queue.receive(1).await.unwrap();
    assert_eq!(first[0].group_id.as_deref(), Some("busy"));
    let next = queue.receive(10).await.unwrap();
    assert_eq!(next.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(), ["other"]);
}

#[tokio::test]
async fn an_old_receipt_never_matches_a_later_message() {
    let backend = EmbeddedBackend::open_in_memory(clock()).unwrap();
    let queue = backend.queue("q", QueueSettings::standard());
    queue.send_batch(one("first")).await.unwrap();
    let first = queue.receive(1).await.unwrap().remove(0);
    queue.ack(&first.receipt).await.unwrap();
    assert!(matches!(queue.ack(&first.receipt).await, Err(QueueError::StaleReceipt { .. })), "acking twice is stale");
    // The table is empty again, so SQLite may hand the next message the same row id.
    queue.send_batch(one("second")).await.unwrap();
    let second = queue.receive(1).await.unwrap().remove(0);
    assert_ne!(second.message_id, first.message_id, "message ids are never reused");
    assert!(matches!(queue.ack(&first.receipt).await, Err(QueueError::StaleReceipt { .. })));
    assert!(matches!(queue.set_visibility(&first.receipt, Span::zero()).await, Err(QueueError::StaleReceipt { .. })));
    assert_eq!(queue.depth().await.unwrap(), 1, "the old receipt deleted nothing");
    queue.ack(&second.receipt).await.unwrap();
}

#[tokio::test]
async fn fifo_group_carries_on_after_out_of_order_acks_and_dead_letters() {
    let clock = clock();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let settings = QueueSettings::fifo().with_visibility_timeout(Span::seconds(2)).with_dead_letter("s-dlq.fifo", 1);
    let queue = backend.queue("s.fifo", settings);
    let fifo = |body: &str| OutMessage::fifo(body, "wallet", body);
    queue.send_batch(vec![fifo("a1"), fifo("a2")]).await.unwrap();
    let both = queue.receive(10).await.unwrap();
    queue.ack(&both[1].receipt).await.unwrap();
    queue.ack(&both[0].receipt).await.unwrap();
    assert_eq!(queue.depth().await.unwrap(), 0);

    queue.send_batch(vec![fifo("a3"), fifo("a4")]).await.unwrap();
    let head = queue.receive(1).await.unwrap().remove(0);
    assert_eq!(head.body, "a3");
    clock.advance(Span::seconds(3));
    // a3 was received once already (max_receive 1): it dead-letters and a4 is next.
    let next = queue.receive(10).await.unwrap();
    assert_eq!(next.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(), ["a4"]);
    let dead = queue.dead_letter_queue().unwrap().receive(10).await.unwrap();
    assert_eq!((dead.len(), dead[0].body.as_str(), dead[0].group_id.as_deref()), (1, "a3", Some("wallet")));
}

#[tokio::test]
async fn fifo_delivers_the_oldest_waiting_message_first_across_groups() {
    let dir = tempfile::tempdir().unwrap();
    let backend = on_file(&dir, &clock());
    let queue = backend.queue("s.fifo", QueueSettings::fifo());
    let sends = [("a1", "a"), ("b1", "b"), ("a2", "a"), ("c1", "c")];
    queue.send_batch(sends.iter().map(|(body, group)| OutMessage::fifo(*body, *group, *body)).collect()).await.unwrap();
    let mut order = Vec::new();
    while let Some(message) = queue.receive(1).await.unwrap().pop() {
        queue.ack(&message.receipt).await.unwrap();
        order.push(message.body);
    }
    assert_eq!(order, ["a1", "b1", "a2", "c1"], "after a1 is acked, b1 is older than a2");
    let raw = rusqlite::Connection::open(dir.path().join("copycat.db")).unwrap();
    let groups: i64 = raw.query_row("SELECT COUNT(*) FROM fifo_groups", [], |r| r.get(0)).unwrap();
    assert_eq!(groups, 0, "a drained group leaves nothing behind");
}

#[tokio::test]
async fn the_wal_is_checkpointed_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let backend = on_file(&dir, &clock());
    let store = backend.store();
    for i in 0..200 {
        store.put_if_absent(&Key::new(format!("K#{i}"), "S"), json!({ "i": i }), None).await.unwrap();
    }
    // Far below the auto-checkpoint size, so only the background thread moves these rows from
    // the WAL into the main file. A copy of the main file alone shows what it holds.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let copy = dir.path().join("main-file-only.db");
    loop {
        std::fs::copy(dir.path().join("copycat.db"), &copy).unwrap();
        let rows = rusqlite::Connection::open(&copy)
            .and_then(|raw| raw.query_row("SELECT COUNT(*) FROM records", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        if rows == 200 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the main file still holds {rows} of 200 rows");
        std::thread::sleep(checkpoint::INTERVAL);
        std::fs::remove_file(&copy).ok();
    }
    drop(store);
    drop(backend); // stops the checkpoint thread without hanging
}
