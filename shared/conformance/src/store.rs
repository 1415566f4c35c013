//! `StateStore` checks: versioned records, conditional writes, transactions, queries.

use crate::Backend;
use copycat_core::ports::StoreError;
use copycat_core::store::{Key, MAX_TRANSACTION_WRITES, Record, Write};
use copycat_core::time::from_secs;
use serde_json::json;

fn key(pk: &str, sk: &str) -> Key {
    Key::new(pk, sk)
}

/// Eight writers race to create one record: exactly one wins, every loser gets `Conflict`
/// carrying the winner's record, and the store holds the winner's body.
pub async fn put_if_absent_has_one_winner_under_contention(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let claim = key("SIGNAL#contended", "CLAIM");
    let racers: Vec<_> = (0..8)
        .map(|writer| {
            let (store, claim) = (store.clone(), claim.clone());
            tokio::spawn(async move { store.put_if_absent(&claim, json!({ "owner": writer }), None).await })
        })
        .collect();
    let mut results = Vec::new();
    for racer in racers {
        results.push(racer.await.expect("writer task"));
    }
    let winners: Vec<&Record> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(winners.len(), 1, "exactly one creator must win: {results:?}");
    let winner = winners[0];
    assert_eq!(winner.version, 1);
    for result in &results {
        match result {
            Ok(_) => {}
            Err(StoreError::Conflict { key, expected_version: None, current: Some(current) }) => {
                assert_eq!(key, &claim);
                assert_eq!(**current, *winner, "a loser must see the winner's record");
            }
            Err(other) => {
                panic!("a losing writer must get Conflict with the current record, got {other:?}")
            }
        }
    }
    assert_eq!(store.get(&claim).await.expect("get").as_ref(), Some(winner));
}

/// Every failed condition returns `Conflict` with the record as it is now (None if absent),
/// and changes nothing.
pub async fn conflict_returns_current_record(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let mode = key("MODE", "CURRENT");
    let first = store.put_if_absent(&mode, json!({"tier": "NANO"}), None).await.expect("create");

    let refused = store.put_if_absent(&mode, json!({"tier": "MICRO"}), None).await.expect_err("creating an existing record must fail");
    assert!(refused.is_conflict() && !refused.is_retryable(), "{refused:?}");
    match refused {
        StoreError::Conflict { key, expected_version, current } => {
            assert_eq!((key, expected_version, current.map(|c| *c)), (mode.clone(), None, Some(first.clone())));
        }
        other => panic!("creating an existing record must conflict, got {other:?}"),
    }

    let second = store.put_if_version(&mode, json!({"tier": "MICRO"}), 1, None).await.expect("update at version 1");
    match store.put_if_version(&mode, json!({"tier": "MINI"}), 1, None).await {
        Err(StoreError::Conflict { key, expected_version, current }) => {
            assert_eq!((key, expected_version, current.map(|c| *c)), (mode.clone(), Some(1), Some(second.clone())));
        }
        other => panic!("a stale version must conflict, got {other:?}"),
    }

    let missing = key("MODE", "NEVER-WRITTEN");
    match store.put_if_version(&missing, json!({}), 1, None).await {
        Err(StoreError::Conflict { key, expected_version: Some(1), current: None }) => assert_eq!(key, missing),
        other => panic!("updating an absent record must conflict with current None, got {other:?}"),
    }
    assert_eq!(store.get(&missing).await.expect("get"), None, "a failed update must not create the record");
    assert_eq!(store.get(&mode).await.expect("get"), Some(second), "failed writes must change nothing");
}

/// Creation writes version 1 and every successful write (single or in a transaction) adds 1;
/// a deleted and re-created record starts again at 1.
pub async fn version_increments_on_every_write(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let portfolio = key("PORTFOLIO", "STATE");
    assert_eq!(store.put_if_absent(&portfolio, json!({"cash": "100"}), None).await.expect("create").version, 1);
    let updated = store.put_if_version(&portfolio, json!({"cash": "90"}), 1, None).await.expect("update");
    assert_eq!((updated.version, &updated.body), (2, &json!({"cash": "90"})));
    assert_eq!(store.get(&portfolio).await.expect("get").map(|r| r.version), Some(2));

    let write = Write::PutIfVersion { key: portfolio.clone(), body: json!({"cash": "80"}), expected_version: 2, expires_at: None };
    store.transact(vec![write]).await.expect("transactional update");
    let now = store.get(&portfolio).await.expect("get").expect("still there");
    assert_eq!((now.version, now.body), (3, json!({"cash": "80"})));

    store.delete_if_version(&portfolio, 3).await.expect("delete at current version");
    assert_eq!(store.get(&portfolio).await.expect("get"), None);
    assert_eq!(store.put_if_absent(&portfolio, json!({"cash": "1"}), None).await.expect("re-create").version, 1);
}

/// Deleting at a stale version conflicts (with the current record) and deletes nothing;
/// deleting an absent record conflicts with current None.
pub async fn delete_if_version_refuses_stale_version(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let breaker = key("BREAKER#clob", "STATE");
    store.put_if_absent(&breaker, json!({"state": "CLOSED"}), None).await.expect("create");
    let current = store.put_if_version(&breaker, json!({"state": "OPEN"}), 1, None).await.expect("update");

    match store.delete_if_version(&breaker, 1).await {
        Err(StoreError::Conflict { key, expected_version: Some(1), current: Some(now) }) => {
            assert_eq!((key, *now), (breaker.clone(), current.clone()));
        }
        other => panic!("deleting at a stale version must conflict, got {other:?}"),
    }
    assert_eq!(store.get(&breaker).await.expect("get"), Some(current), "a refused delete must leave the record");

    store.delete_if_version(&breaker, 2).await.expect("delete at current version");
    assert_eq!(store.get(&breaker).await.expect("get"), None);
    match store.delete_if_version(&breaker, 2).await {
        Err(StoreError::Conflict { current: None, .. }) => {}
        other => panic!("deleting an absent record must conflict with current None, got {other:?}"),
    }
}

/// A transaction with one failing condition applies nothing and names the failing write; a
/// transaction whose conditions all hold applies every write.
pub async fn transaction_is_all_or_nothing(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let (order, position, portfolio) = (key("ORDER#o1", "STATE"), key("POSITION#t1", "OPEN"), key("PORTFOLIO", "STATE"));
    let position_v1 = store.put_if_absent(&position, json!({"shares": "10"}), None).await.expect("seed position");
    let portfolio_v1 = store.put_if_absent(&portfolio, json!({"cash": "100"}), None).await.expect("seed portfolio");

    let doomed = vec![
        Write::PutIfAbsent { key: order.clone(), body: json!({"status": "FILLED"}), expires_at: None },
        Write::PutIfVersion { key: position.clone(), body: json!({"shares": "20"}), expected_version: 1, expires_at: None },
        Write::PutIfVersion { key: portfolio.clone(), body: json!({"cash": "50"}), expected_version: 7, expires_at: None },
    ];
    match store.transact(doomed).await {
        Err(e @ StoreError::TransactionConflict { .. }) => {
            assert!(e.is_conflict());
            assert_eq!(e, StoreError::TransactionConflict { index: 2, key: portfolio.clone() });
        }
        other => panic!("a failed condition must cancel the transaction, got {other:?}"),
    }
    assert_eq!(store.get(&order).await.expect("get"), None, "the create in a cancelled transaction must not happen");
    assert_eq!(store.get(&position).await.expect("get"), Some(position_v1.clone()));
    assert_eq!(store.get(&portfolio).await.expect("get"), Some(portfolio_v1.clone()));

    let also_doomed = vec![
        Write::PutIfAbsent { key: position.clone(), body: json!({}), expires_at: None },
        Write::PutIfAbsent { key: order.clone(), body: json!({}), expires_at: None },
    ];
    assert_eq!(store.transact(also_doomed).await, Err(StoreError::TransactionConflict { index: 0, key: position.clone() }));
    assert_eq!(store.get(&order).await.expect("get"), None);

    let good = vec![
        Write::PutIfAbsent { key: order.clone(), body: json!({"status": "FILLED"}), expires_at: None },
        Write::PutIfVersion { key: position.clone(), body: json!({"shares": "20"}), expected_version: 1, expires_at: None },
        Write::DeleteIfVersion { key: portfolio.clone(), expected_version: 1 },
    ];
    store.transact(good).await.expect("every condition holds");
    let after = store.get_many(&[order.clone(), position.clone(), portfolio.clone()]).await.expect("get_many");
    assert_eq!(after[0].as_ref().map(|r| (r.version, r.body.clone())), Some((1, json!({"status": "FILLED"}))));
    assert_eq!(after[1].as_ref().map(|r| (r.version, r.body.clone())), Some((2, json!({"shares": "20"}))));
    assert_eq!(after[2], None);
}

/// Two writes on one key in one transaction are refused as `Invalid`, and nothing is written.
pub async fn transaction_rejects_two_writes_on_one_key(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let (claim, other) = (key("SIGNAL#s1", "CLAIM"), key("SIGNAL#s1", "RESULT"));
    let twice = vec![
        Write::PutIfAbsent { key: claim.clone(), body: json!({"status": "IN_PROGRESS"}), expires_at: None },
        Write::PutIfAbsent { key: other.clone(), body: json!({}), expires_at: None },
        Write::PutIfVersion { key: claim.clone(), body: json!({"status": "COMPLETED"}), expected_version: 1, expires_at: None },
    ];
    match store.transact(twice).await {
        Err(StoreError::Invalid(_)) => {}
        other => panic!("two writes on one key must be Invalid, got {other:?}"),
    }
    assert_eq!(store.get_many(&[claim.clone(), other.clone()]).await.expect("get_many"), vec![None, None]);

    let same_partition = vec![
        Write::PutIfAbsent { key: claim.clone(), body: json!({}), expires_at: None },
        Write::PutIfAbsent { key: other, body: json!({}), expires_at: None },
    ];
    store.transact(same_partition).await.expect("two keys sharing a partition are two keys");
}

/// More than [`MAX_TRANSACTION_WRITES`] writes are refused as `Invalid` and nothing is
/// written; exactly that many are accepted.
pub async fn transaction_of_more_than_a_hundred_writes_is_refused(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let writes = |n: usize, tag: &str| -> Vec<Write> {
        (0..n)
            .map(|i| Write::PutIfAbsent { key: key(&format!("BULK#{tag}"), &format!("{i:03}")), body: json!({ "i": i }), expires_at: None })
            .collect()
    };
    match store.transact(writes(MAX_TRANSACTION_WRITES + 1, "over")).await {
        Err(StoreError::Invalid(_)) => {}
        other => panic!("{} writes must be Invalid, got {other:?}", MAX_TRANSACTION_WRITES + 1),
    }
    assert!(store.query("BULK#over", "").await.expect("query").is_empty(), "a refused transaction writes nothing");
    store.transact(writes(MAX_TRANSACTION_WRITES, "max")).await.expect("the limit itself is allowed");
    assert_eq!(store.query("BULK#max", "").await.expect("query").len(), MAX_TRANSACTION_WRITES);
}

/// A transaction with no writes succeeds (DynamoDB would refuse it; the port does not).
pub async fn empty_transaction_succeeds(b: &dyn Backend) {
    let store = b.fresh_store().await;
    assert_eq!(store.transact(Vec::new()).await, Ok(()));
}

/// `query_page` reads a partition in bounded pages, in sort-key order, each starting after the
/// last key of the one before; an empty page is the end, and other partitions never leak in.
pub async fn query_page_reads_a_partition_in_bounded_pages(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let sks: Vec<String> = (0..7).map(|i| format!("{:013}#k{i}", 1_000 + i)).collect();
    for sk in sks.iter().rev() {
        store.put_if_absent(&key("LEDGER#paged", sk), json!({ "sk": sk }), None).await.expect("put");
    }
    store.put_if_absent(&key("LEDGER#pagedx", "0000000000000"), json!({}), None).await.expect("put a neighbour");
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = store.query_page("LEDGER#paged", after.as_deref(), 3).await.expect("page");
        assert!(page.len() <= 3, "a page holds at most the limit: {}", page.len());
        let Some(last) = page.last() else { break };
        after = Some(last.key.sk.clone());
        seen.extend(page.into_iter().map(|r| r.key.sk));
    }
    assert_eq!(seen, sks, "every record once, in order");
    let tail = store.query_page("LEDGER#paged", Some(&sks[4]), 100).await.expect("tail");
    assert_eq!(tail.into_iter().map(|r| r.key.sk).collect::<Vec<_>>(), sks[5..].to_vec());
    assert!(store.query_page("LEDGER#nobody", None, 10).await.expect("empty").is_empty());
}

/// `query` returns exactly the partition's records whose sort key starts with the prefix,
/// in bytewise sort-key order; an empty prefix returns the whole partition.
pub async fn query_returns_prefix_in_sort_order(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let wallet = "TRADER#0xabc";
    let sort_keys = ["TRADE#0003", "PROFILE", "TRADE#0001", "a-lowercase", "TRADE", "TRADEX#1", "TRADE#0002", "CURSOR"];
    for (i, sk) in sort_keys.iter().enumerate() {
        store.put_if_absent(&key(wallet, sk), json!({ "i": i }), None).await.expect("seed");
    }
    // Versions differ, so an order that is not by sort key shows.
    store.put_if_version(&key(wallet, "TRADE#0003"), json!({"i": 0}), 1, None).await.expect("bump");
    store.put_if_version(&key(wallet, "CURSOR"), json!({"i": 7}), 1, None).await.expect("bump");
    store.put_if_absent(&key("TRADER#0xabd", "TRADE#0001"), json!({}), None).await.expect("seed another partition");
    store.put_if_absent(&key("TRADER#0xab", "TRADE#0001"), json!({}), None).await.expect("seed a prefix partition");

    let trades = store.query(wallet, "TRADE#").await.expect("query");
    let got: Vec<(&str, &serde_json::Value)> = trades.iter().map(|r| (r.key.sk.as_str(), &r.body)).collect();
    assert_eq!(got, [("TRADE#0001", &json!({"i": 2})), ("TRADE#0002", &json!({"i": 6})), ("TRADE#0003", &json!({"i": 0}))]);
    assert!(trades.iter().all(|r| r.key.pk == wallet));
    assert_eq!(trades.iter().map(|r| r.version).collect::<Vec<_>>(), [1, 1, 2]);

    let all: Vec<String> = store.query(wallet, "").await.expect("query").into_iter().map(|r| r.key.sk).collect();
    assert_eq!(all, ["CURSOR", "PROFILE", "TRADE", "TRADE#0001", "TRADE#0002", "TRADE#0003", "TRADEX#1", "a-lowercase"]);
    assert!(store.query(wallet, "NOPE").await.expect("query").is_empty());
    assert!(store.query("TRADER#nobody", "").await.expect("query").is_empty());
}

/// `get_many` returns one entry per key, in the order asked, None for the missing ones.
pub async fn get_many_keeps_key_order(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let (a, bb, c, missing) = (key("K#a", "S"), key("K#b", "S"), key("K#c", "S"), key("K#missing", "S"));
    let ra = store.put_if_absent(&a, json!("a"), None).await.expect("seed");
    let rb = store.put_if_absent(&bb, json!("b"), None).await.expect("seed");
    let rc = store.put_if_absent(&c, json!("c"), None).await.expect("seed");
    let got = store.get_many(&[c.clone(), missing.clone(), a.clone(), bb.clone()]).await.expect("get_many");
    assert_eq!(got, vec![Some(rc), None, Some(ra), Some(rb)]);
    assert!(store.get_many(&[]).await.expect("get_many of nothing").is_empty());
    assert_eq!(store.get_many(&[missing]).await.expect("get_many"), vec![None]);
}

/// `expires_at` is stored and returned (whole seconds survive every backend), replaced by the
/// next write, and never hides a record even long past.
pub async fn expires_at_is_kept_but_never_hides_a_record(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let claim = key("SIGNAL#old", "CLAIM");
    let long_ago = from_secs(946_684_800); // 2000-01-01: expired under any clock
    let written = store.put_if_absent(&claim, json!({"status": "COMPLETED"}), Some(long_ago)).await.expect("create");
    assert_eq!(written.expires_at, Some(long_ago));
    assert_eq!(store.get(&claim).await.expect("get"), Some(written.clone()), "an expired record is still returned");
    assert_eq!(store.query("SIGNAL#old", "").await.expect("query"), vec![written]);

    let later = from_secs(4_102_444_800); // 2100-01-01
    store.put_if_version(&claim, json!({"status": "COMPLETED"}), 1, Some(later)).await.expect("update");
    assert_eq!(store.get(&claim).await.expect("get").and_then(|r| r.expires_at), Some(later));
    store.put_if_version(&claim, json!({"status": "COMPLETED"}), 2, None).await.expect("update");
    assert_eq!(store.get(&claim).await.expect("get").and_then(|r| r.expires_at), None, "a write without expiry clears it");
}

/// Bodies come back exactly as written: nesting, arrays, decimals as strings, numbers,
/// booleans, null, non-ASCII text.
pub async fn body_round_trips_as_json(b: &dyn Backend) {
    let store = b.fresh_store().await;
    let body = json!({
        "cash": "1234.5678",
        "positions": [{"token": "0x01", "shares": "10.5"}, {"token": "0x02", "shares": "0"}],
        "count": 42,
        "ratio": 0.1,
        "negative": -7,
        "flags": {"paused": false, "live": true},
        "note": null,
        "label": "élan — 取引 🚀",
        "empty": {}
    });
    let k = key("PORTFOLIO", "STATE");
    store.put_if_absent(&k, body.clone(), None).await.expect("create");
    assert_eq!(store.get(&k).await.expect("get").map(|r| r.body), Some(body));
}
