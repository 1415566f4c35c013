//! Every leader trade copied exactly once: duplicate deliveries, concurrent copiers, and a
//! copier that died holding a claim.

use copycat_core::ports::StateStore;
use copycat_core::records::{Claim, ClaimStatus, SignalOutcome, keys};
use copycat_core::signal::{Signal, SignalKey};
use copycat_core::time::Span;
use copycat_core::{Clock, Side, Wallet};
use copycat_embedded::EmbeddedBackend;
use copycat_state::to_body;
use copycat_tests::{Harness, LEADER, leader_trade};
use rust_decimal_macros::dec;
use signal_copier::{CopyError, CopyResult, copy_signal};

fn signal(h: &Harness, key: &str) -> Signal {
    let t = leader_trade(Side::Buy, dec!(0.5), dec!(20), h.clock.now() - Span::seconds(1), "0xtx");
    Signal { key: SignalKey(key.into()), leader: Wallet::parse(LEADER).unwrap(), trade: t, seen_at: h.clock.now() }
}

#[tokio::test]
async fn duplicate_signal_is_copied_once() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let s = signal(&h, "dup");
    let first = copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await.unwrap();
    assert!(matches!(first, CopyResult::Copied(_)), "{first:?}");
    let second = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await.unwrap();
    assert_eq!(second, CopyResult::Duplicate);
    assert_eq!(h.venue.placements("dup"), 1);
    assert_eq!(h.ledger().await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn same_signal_to_many_copiers_at_once_fills_once() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let s = signal(&h, "race");
    // Eight copiers, each with its own connection to the database (as separate processes).
    let path = h.backend.location().to_string();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let mut deps = h.deps.copier.clone();
        let other = EmbeddedBackend::open(std::path::Path::new(&path), h.clock.clone()).unwrap();
        deps.reporting.base.store = other.store();
        let s = s.clone();
        tasks.push(tokio::spawn(async move { copy_signal(&deps, &s, &format!("worker-{i}"), Span::seconds(30)).await }));
    }
    let mut copied = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(CopyResult::Copied(_)) => copied += 1,
            Ok(CopyResult::Duplicate) | Err(CopyError::InProgressElsewhere { .. }) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(copied, 1);
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 1);
    assert!(matches!(ledger[0].outcome, SignalOutcome::Copied { .. }));
    assert_eq!(h.venue.fills(), 1);
}

#[tokio::test]
async fn expired_in_progress_claim_is_taken_over() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let s = signal(&h, "orphan");
    // A copier claimed it and died before finishing.
    let dead = Claim {
        key: s.key.clone(),
        owner: "dead".into(),
        status: ClaimStatus::InProgress { expires_at: h.clock.now() + Span::seconds(30), order: None },
    };
    h.deps.store.put_if_absent(&keys::claim(&s.key), to_body(&dead), None).await.unwrap();
    let busy = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await;
    assert!(matches!(busy, Err(CopyError::InProgressElsewhere { .. })), "{busy:?}");
    h.clock.advance(Span::seconds(31));
    let r = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await.unwrap();
    assert!(matches!(r, CopyResult::Copied(_)), "{r:?}");
    let claim: Claim = copycat_state::load(h.deps.store.as_ref() as &dyn StateStore, &keys::claim(&s.key)).await.unwrap().unwrap().value;
    assert!(matches!(claim.status, ClaimStatus::Completed { .. }));
}

#[tokio::test]
async fn a_failed_dependency_releases_the_claim_so_the_retry_copies() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let s = signal(&h, "retry");
    h.venue.down.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await.is_err());
    assert!(h.deps.store.get(&keys::claim(&s.key)).await.unwrap().is_none(), "claim released");
    h.venue.down.store(false, std::sync::atomic::Ordering::SeqCst);
    let r = copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await.unwrap();
    assert!(matches!(r, CopyResult::Copied(_)), "{r:?}");
}

#[tokio::test]
async fn a_copier_that_dies_after_sending_is_succeeded_by_one_that_settles_the_same_order() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    // A venue where signing again makes another order (as live V2 orders do), and whose answer
    // to our order is lost after it filled.
    h.venue.signs_orders.store(true, std::sync::atomic::Ordering::SeqCst);
    h.venue.lose_next_answer.store(true, std::sync::atomic::Ordering::SeqCst);
    let s = signal(&h, "lost-answer");

    let first = copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await;
    assert!(matches!(first, Err(CopyError::Venue(_))), "{first:?}");
    let claim: Claim = copycat_state::load(h.deps.store.as_ref() as &dyn StateStore, &keys::claim(&s.key)).await.unwrap().unwrap().value;
    let ClaimStatus::InProgress { order: Some(pending), .. } = claim.status else {
        panic!("the claim is kept, with the order that was sent in it: {claim:?}")
    };
    let busy = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await;
    assert!(matches!(busy, Err(CopyError::InProgressElsewhere { .. })), "{busy:?}");

    // Meanwhile trading is stopped: a fresh decision would refuse, but the order has filled.
    let stop = copycat_core::records::Control { stopped: true, reason: "test".into(), at: h.clock.now() };
    h.deps.store.put_if_absent(&keys::control(), to_body(&stop), None).await.unwrap();
    h.clock.advance(Span::seconds(31));
    let settled = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await.unwrap();

    let CopyResult::Copied(fill) = settled else { panic!("the fill is booked: {settled:?}") };
    assert_eq!(fill.order_id, format!("fake-{}", pending.ticket.0), "the order settled is the one in the claim");
    assert_eq!(h.venue.fills(), 1, "one order reached the venue");
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 1);
    assert!(matches!(ledger[0].outcome, SignalOutcome::Copied { .. }), "{:?}", ledger[0].outcome);
    let claim: Claim = copycat_state::load(h.deps.store.as_ref() as &dyn StateStore, &keys::claim(&s.key)).await.unwrap().unwrap().value;
    assert!(matches!(claim.status, ClaimStatus::Completed { .. }), "{claim:?}");
    assert_eq!(copy_signal(&h.deps.copier, &s, "c", Span::seconds(30)).await.unwrap(), CopyResult::Duplicate);
}

#[tokio::test]
async fn an_order_that_never_left_is_sent_by_the_next_copier_and_nothing_else() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    h.venue.signs_orders.store(true, std::sync::atomic::Ordering::SeqCst);
    let s = signal(&h, "never-left");
    // The order was lost on the way to the venue, but the copier cannot know that.
    h.venue.drop_next_order.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(matches!(copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await, Err(CopyError::Venue(_))));
    let claim: Claim = copycat_state::load(h.deps.store.as_ref() as &dyn StateStore, &keys::claim(&s.key)).await.unwrap().unwrap().value;
    let ClaimStatus::InProgress { order: Some(pending), .. } = claim.status else { panic!("the claim keeps the order: {claim:?}") };
    h.clock.advance(Span::seconds(31));

    let r = copy_signal(&h.deps.copier, &s, "b", Span::seconds(30)).await.unwrap();

    let CopyResult::Copied(fill) = r else { panic!("copied: {r:?}") };
    assert_eq!(fill.order_id, format!("fake-{}", pending.ticket.0), "the next copier sent the order in the claim, not a new one");
    assert_eq!(h.venue.fills(), 1);
    assert_eq!(h.venue.placements("never-left"), 1);
}
