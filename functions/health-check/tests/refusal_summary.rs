//! Refused trades reach the operator as one summary per closed window, counted by reason, once
//! however many health checks run.

use copycat_core::config::Config;
use copycat_core::events::{Event, Notification};
use copycat_core::ports::Queue;
use copycat_core::records::{LedgerEntry, RefusalReason, SignalOutcome, keys};
use copycat_core::signal::SignalKey;
use copycat_core::time::{Clock, ManualClock, Span, Timestamp, from_secs};
use copycat_core::trade::Wallet;
use copycat_embedded::{EmbeddedBackend, QueueSettings};
use copycat_state::{Base, CounterMetrics, Reporting, Sender, to_body};
use health_check::{HealthDeps, send_refusal_summaries};
use std::sync::Arc;

fn day() -> Timestamp {
    from_secs(1_796_083_200) // 2026-12-01T00:00:00Z
}

async fn refuse(deps: &HealthDeps, at: Timestamp, i: u32, reason: RefusalReason) {
    let key = SignalKey(format!("sig-{i}"));
    let entry = LedgerEntry {
        key: key.clone(),
        leader: Wallet::parse("0x2222222222222222222222222222222222222222").unwrap(),
        token_id: "tok".into(),
        leader_at: at,
        at,
        outcome: SignalOutcome::Refused { reason, detail: "numbers".into() },
        seen_at: None,
    };
    deps.store.put_if_absent(&keys::ledger(at, &key), to_body(&entry), None).await.unwrap();
}

fn deps_at(clock: &Arc<ManualClock>) -> (HealthDeps, Arc<dyn Queue>) {
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let notifications = backend.queue("notifications", QueueSettings::standard());
    let config = Config::default();
    let world = Arc::new(copycat_sim::SimWorld::generate(copycat_sim::SimParams::from_demo_config(&config.demo, clock.now())));
    let market = Arc::new(copycat_sim::SimMarket::new(world, clock.clone()));
    let base =
        Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: Arc::new(CounterMetrics::default()) };
    let deps = HealthDeps { reporting: Reporting { base, notifications: Sender::new(notifications.clone()) }, market };
    (deps, notifications)
}

#[tokio::test]
async fn refusals_are_summarised_once_per_window_by_reason() {
    let clock = Arc::new(ManualClock::new(day() + Span::hours(9)));
    let (deps, notifications) = deps_at(&clock);
    let h = |m: i64| day() + Span::hours(9) + Span::minutes(m);
    refuse(&deps, h(10), 1, RefusalReason::Exposure).await;
    refuse(&deps, h(20), 2, RefusalReason::KillSwitch).await;
    refuse(&deps, h(50), 3, RefusalReason::Exposure).await;
    refuse(&deps, h(65), 4, RefusalReason::Exposure).await; // the next window

    // health checks during 10:00–11:00 summarise 09:00–10:00, once
    for minutes in [61, 62, 90] {
        clock.advance_to(h(minutes));
        send_refusal_summaries(&deps, clock.now()).await.unwrap();
    }
    let queued = notifications.receive(10).await.unwrap();
    assert_eq!(queued.len(), 1, "one summary for the window, not one per refusal or per health check");
    notifications.ack(&queued[0].receipt).await.unwrap();
    let n: Notification = serde_json::from_str(&queued[0].body).unwrap();
    let Event::TradesRefused { window_start, window_end, total, by_reason } = n.event else { panic!("{n:?}") };
    assert_eq!((window_start, window_end), (h(0), h(60)));
    assert_eq!(total, 3);
    assert_eq!(by_reason, [("exposure".to_string(), 2), ("kill_switch".to_string(), 1)]);

    // the next window has its own summary; an empty window sends nothing
    clock.advance_to(h(125));
    let next = send_refusal_summaries(&deps, clock.now()).await.unwrap();
    assert!(matches!(next[..], [Event::TradesRefused { total: 1, .. }]), "{next:?}");
    clock.advance_to(h(185));
    assert!(send_refusal_summaries(&deps, clock.now()).await.unwrap().is_empty(), "11:00–12:00 had no refusal");
    assert_eq!(notifications.receive(10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn windows_no_health_check_saw_are_summarised_late_not_never() {
    let clock = Arc::new(ManualClock::new(day() + Span::hours(9)));
    let (deps, notifications) = deps_at(&clock);
    let h = |m: i64| day() + Span::hours(9) + Span::minutes(m);
    refuse(&deps, h(10), 1, RefusalReason::Exposure).await; // 09:00–10:00
    refuse(&deps, h(70), 2, RefusalReason::KillSwitch).await; // 10:00–11:00
    refuse(&deps, h(75), 3, RefusalReason::KillSwitch).await;
    refuse(&deps, h(200), 4, RefusalReason::Exposure).await; // 12:00–13:00, still open below

    // No health check ran from 09:00 until 12:30: both closed windows with refusals are caught up,
    // oldest first, one summary each.
    clock.advance_to(h(210));
    let sent = send_refusal_summaries(&deps, clock.now()).await.unwrap();
    let windows: Vec<(Timestamp, Timestamp, u64)> = sent
        .iter()
        .map(|e| match e {
            Event::TradesRefused { window_start, window_end, total, .. } => (*window_start, *window_end, *total),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(windows, [(h(0), h(60), 1), (h(60), h(120), 2)]);
    assert_eq!(notifications.receive(10).await.unwrap().len(), 2);
    // Caught up: the next check sends nothing until 12:00–13:00 closes.
    clock.advance_to(h(215));
    assert!(send_refusal_summaries(&deps, clock.now()).await.unwrap().is_empty());
    clock.advance_to(h(241));
    assert!(matches!(send_refusal_summaries(&deps, clock.now()).await.unwrap()[..], [Event::TradesRefused { total: 1, .. }]));
}
