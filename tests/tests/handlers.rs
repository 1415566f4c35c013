//! Each handler driven by its `events/*.json` fixture, as Lambda would call it.

use aws_lambda_events::sqs::SqsEvent;
use copycat_core::breaker::{BreakerState, Phase};
use copycat_core::dependency::Dependency;
use copycat_core::events::Notification;
use copycat_core::money::Shares;
use copycat_core::ports::{NotificationSink, Queue, SinkError};
use copycat_core::records::{Cursor, ModeState, PortfolioState, SignalOutcome, TraderProfile, TraderStatus, TraderVerdict, keys};
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::Trade;
use copycat_core::{Clock, Side, Wallet};
use copycat_local::local_event;
use copycat_state::load;
use copycat_tests::{Harness, LEADER, event_fixture, leader_trade};
use rust_decimal_macros::dec;
use std::sync::Mutex;

fn sqs(name: &str) -> SqsEvent {
    serde_json::from_str(&event_fixture(name)).expect("fixture is an SQS event")
}

fn failed_ids(r: &aws_lambda_events::sqs::SqsBatchResponse) -> Vec<String> {
    r.batch_item_failures.iter().map(|f| f.item_identifier.clone()).collect()
}

#[tokio::test]
async fn copier_fixture_copies_two_signals_and_reports_only_the_malformed_one() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let event = sqs("signal-copier.json");
    let malformed = event.records[2].message_id.clone().unwrap();
    let resp = signal_copier::handle(local_event(event.clone()), &h.deps.copier).await.unwrap();
    assert_eq!(failed_ids(&resp), vec![malformed.clone()]);
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 2);
    assert!(ledger.iter().all(|e| matches!(e.outcome, SignalOutcome::Copied { .. })), "{ledger:?}");
    let p: PortfolioState = load(h.deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    assert!(p.cash < h.deps.config.trading.starting_balance);
    assert_eq!(p.open_positions, 1);

    // Redelivery of the whole batch: nothing is copied twice.
    let resp = signal_copier::handle(local_event(event), &h.deps.copier).await.unwrap();
    assert_eq!(failed_ids(&resp), vec![malformed]);
    assert_eq!(h.ledger().await.len(), 2);
    assert_eq!(h.venue.fills(), 2);
    assert_eq!(h.venue.placements("00000000000000000000000000000001"), 1);
}

#[tokio::test]
async fn copier_on_fifo_fails_every_message_after_the_first_failure() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let mut event = sqs("signal-copier.json");
    event.records.swap(0, 2); // malformed first
    let ids: Vec<String> = event.records.iter().map(|r| r.message_id.clone().unwrap()).collect();
    let resp = signal_copier::handle(local_event(event), &h.deps.copier).await.unwrap();
    assert_eq!(failed_ids(&resp), ids, "first failure and every later message");
    assert!(h.ledger().await.is_empty());
}

#[tokio::test]
async fn copier_refuses_with_a_reason_when_the_kill_switch_is_on() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let c = copycat_core::records::Control { stopped: true, reason: "test".into(), at: h.clock.now() };
    h.deps.store.put_if_absent(&keys::control(), copycat_state::to_body(&c), None).await.unwrap();
    let resp = signal_copier::handle(local_event(sqs("signal-copier.json")), &h.deps.copier).await.unwrap();
    assert_eq!(resp.batch_item_failures.len(), 1);
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 2);
    for e in ledger {
        assert!(matches!(e.outcome, SignalOutcome::Refused { reason: copycat_core::records::RefusalReason::KillSwitch, .. }));
    }
    assert_eq!(h.venue.fills(), 0);
    assert_eq!(h.metrics.get("SignalRefused{reason=kill_switch}"), 2);
}

#[tokio::test]
async fn bot_filter_fixture_judges_wallets_and_reports_the_malformed_body() {
    let h = Harness::new();
    let event = sqs("bot-filter.json");
    let bad = event.records[1].message_id.clone().unwrap();
    let resp = bot_filter::handle(local_event(event), &h.deps.bot_filter).await.unwrap();
    assert_eq!(failed_ids(&resp), vec![bad]);
    // No history at the fake venue: judged, and rejected for insufficient data.
    let p: TraderProfile = load(h.deps.store.as_ref(), &keys::trader(&Wallet::parse(LEADER).unwrap())).await.unwrap().unwrap().value;
    assert_eq!(p.status, TraderStatus::Rejected);
    assert_eq!(p.verdict, TraderVerdict::InsufficientData);
    assert!(!p.reasons.is_empty());
}

#[tokio::test]
async fn a_wallet_with_more_history_than_we_read_is_judged_a_bot_not_dead_lettered() {
    let h = Harness::new();
    let w = Wallet::parse(LEADER).unwrap();
    let now = h.clock.now();
    h.venue.add_trades(
        &w,
        (1..=30).map(|i| leader_trade(Side::Buy, dec!(0.5), dec!(20), now - Span::seconds(60 * i), &format!("0x{i:02}"))).collect(),
    );
    *h.venue.history_bound.lock().unwrap() = Some(20);
    let event = sqs("bot-filter.json");
    let bad = event.records[1].message_id.clone().unwrap();

    let resp = bot_filter::handle(local_event(event), &h.deps.bot_filter).await.unwrap();

    assert_eq!(failed_ids(&resp), vec![bad], "only the malformed body fails; the busy wallet is judged");
    let p: TraderProfile = load(h.deps.store.as_ref(), &keys::trader(&w)).await.unwrap().unwrap().value;
    assert_eq!((p.status, p.verdict), (TraderStatus::Rejected, TraderVerdict::Bot));
    assert!(p.reasons.iter().any(|r| r.contains("more than 20 trades")), "{:?}", p.reasons);
    assert_eq!(h.venue.positions_asked.load(std::sync::atomic::Ordering::SeqCst), 0, "a bot costs no positions request");
    let breaker: Option<BreakerState> = load(h.deps.store.as_ref(), &keys::breaker(Dependency::DataApi)).await.unwrap().map(|v| v.value);
    assert!(breaker.as_ref().is_none_or(|b| b.consecutive_failures == 0), "not a Data API failure: {breaker:?}");
}

/// The person a copy bot follows in the handler tests.
const COPIED: &str = "0x00000000000000000000000000000000000000aa";

/// A person's buys in waking hours over `days` days (`per_day` a day, in twelve markets, of
/// varied sizes), and `bot`'s copies of each a few seconds later at a fifth of the size.
fn copied_history(bot: &Wallet, person: &Wallet, now: Timestamp, days: i64, per_day: i64) -> (Vec<Trade>, Vec<Trade>) {
    let step = 9 / per_day;
    let (mut theirs, mut ours) = (Vec::new(), Vec::new());
    for d in 0..days {
        for k in 0..per_day {
            let i = (d * per_day + k) % 12 + 1;
            let at = now - Span::days(days + 1 - d) + Span::seconds(3600 * (9 + step * k + d % 3) + 97 * d + 31 * k);
            let size = rust_decimal::Decimal::from(100 + (d * 37 + k * 53) % 800);
            let mut t = leader_trade(Side::Buy, dec!(0.41), size, at, &format!("0xp{d}{k}"));
            t.wallet = person.clone();
            t.asset = (1001 + 2 * i).to_string();
            t.condition_id = format!("0x{i:064x}");
            let mut c = t.clone();
            c.wallet = bot.clone();
            c.timestamp = at + Span::seconds(4 + (d + k) % 9);
            c.transaction_hash = format!("0xc{d}{k}");
            c.size = Shares(size / dec!(5));
            theirs.push(t);
            ours.push(c);
        }
    }
    (theirs, ours)
}

/// Puts both histories at the venue, runs the bot filter on the fixture's candidates, and
/// returns `bot`'s profile after checking it was rejected as a copy bot.
async fn judged_copy_bot(h: &Harness, bot: &Wallet, person: &Wallet, theirs: Vec<Trade>, ours: Vec<Trade>) -> TraderProfile {
    h.venue.add_trades(person, theirs);
    h.venue.add_trades(bot, ours);

    let resp = bot_filter::handle(local_event(sqs("bot-filter.json")), &h.deps.bot_filter).await.unwrap();

    assert_eq!(failed_ids(&resp).len(), 1, "only the malformed body fails");
    let p: TraderProfile = load(h.deps.store.as_ref(), &keys::trader(bot)).await.unwrap().unwrap().value;
    assert_eq!((p.status, p.verdict), (TraderStatus::Rejected, TraderVerdict::Bot), "{:?}", p.reasons);
    assert_eq!(p.bot_kind, Some(copycat_core::botfilter::BotKind::CopyBot));
    p
}

#[tokio::test]
async fn a_copy_bot_started_two_days_ago_is_judged_from_the_market_trades_though_its_history_is_too_thin_to_clear_it() {
    let h = Harness::new();
    let (bot, person) = (Wallet::parse(LEADER).unwrap(), Wallet::parse(COPIED).unwrap());
    // Eight copies a day for two days: too few days to judge the candidate on its own history.
    let (theirs, ours) = copied_history(&bot, &person, h.clock.now(), 2, 8);
    let cfg = &h.deps.bot_filter.reporting.config.bot_filter;
    let alone = copycat_core::botfilter::classify_wallet(&bot, &ours, cfg);
    assert_eq!(alone.verdict, copycat_core::botfilter::Verdict::InsufficientData, "{:?}", alone.reasons);
    assert!(alone.features.orders >= cfg.min_trades_to_convict as usize, "{:?}", alone.features);
    let p = judged_copy_bot(&h, &bot, &person, theirs, ours).await;
    assert!(p.reasons.iter().any(|r| r.contains("thin history")), "{:?}", p.reasons);
}

#[tokio::test]
async fn a_wallet_trading_what_another_wallet_traded_seconds_before_is_judged_a_copy_bot_from_the_market_trades() {
    let h = Harness::new();
    let (bot, person) = (Wallet::parse(LEADER).unwrap(), Wallet::parse(COPIED).unwrap());
    // A person's waking-hours buys over twelve days, in twelve markets, of varied sizes; the
    // candidate buys the same a few seconds later at a fifth of the size. On its own history
    // the candidate trades like a person.
    let (theirs, ours) = copied_history(&bot, &person, h.clock.now(), 12, 3);
    let alone = copycat_core::botfilter::classify_wallet(&bot, &ours, &h.deps.bot_filter.reporting.config.bot_filter);
    assert_eq!(alone.verdict, copycat_core::botfilter::Verdict::Human, "{:?}", alone.reasons);
    let p = judged_copy_bot(&h, &bot, &person, theirs, ours).await;
    assert!(p.reasons.iter().any(|r| r.contains("trails other wallets") || r.contains("after 0x0000…00aa")), "{:?}", p.reasons);
    assert_eq!(h.venue.positions_asked.load(std::sync::atomic::Ordering::SeqCst), 0, "a bot costs no positions request");
}

#[tokio::test]
async fn a_clob_failure_inside_the_market_lookup_counts_on_the_clob_breaker_not_gamma() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    // Gamma answered; the CLOB's fee-rate lookup that completes the market did not.
    *h.venue.market_lookup_error.lock().unwrap() =
        Some(copycat_core::ports::MarketError::Unavailable { dependency: Dependency::Clob, reason: "fee-rate timed out".into() });
    let trade = leader_trade(Side::Buy, dec!(0.5), dec!(20), h.clock.now() - Span::seconds(1), "0xfee");
    let s = copycat_core::signal::Signal {
        key: copycat_core::signal::SignalKey("fee".into()),
        leader: Wallet::parse(LEADER).unwrap(),
        trade,
        seen_at: h.clock.now(),
    };

    let r = signal_copier::copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await;

    assert!(r.is_err(), "retried later: {r:?}");
    let failures = |d: Dependency| {
        let store = h.deps.store.clone();
        async move { load::<BreakerState>(store.as_ref(), &keys::breaker(d)).await.unwrap().map(|v| v.value.consecutive_failures).unwrap_or(0) }
    };
    assert_eq!(failures(Dependency::Clob).await, 1, "the CLOB failed");
    assert_eq!(failures(Dependency::Gamma).await, 0, "Gamma answered");
}

#[derive(Default)]
struct Collecting(Mutex<Vec<Notification>>);

#[async_trait::async_trait]
impl NotificationSink for Collecting {
    async fn deliver(&self, n: &Notification) -> Result<(), SinkError> {
        self.0.lock().unwrap().push(n.clone());
        Ok(())
    }
}

#[tokio::test]
async fn notifier_fixture_delivers_once_even_when_redelivered() {
    let h = Harness::new();
    let sink = Collecting::default();
    let event = sqs("notifier.json");
    let bad = event.records[2].message_id.clone().unwrap();
    let resp = notifier::handle(local_event(event.clone()), h.deps.notifier(), &sink).await.unwrap();
    assert_eq!(failed_ids(&resp), vec![bad.clone()]);
    assert_eq!(sink.0.lock().unwrap().len(), 2);
    let resp = notifier::handle(local_event(event), h.deps.notifier(), &sink).await.unwrap();
    assert_eq!(failed_ids(&resp), vec![bad]);
    assert_eq!(sink.0.lock().unwrap().len(), 2, "a redelivered notification is not posted again");
}

#[tokio::test]
async fn poller_fixture_queues_new_trades_once_and_moves_the_cursor_after() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let w = Wallet::parse(LEADER).unwrap();
    let t0 = h.clock.now() - Span::seconds(1);
    // two fills of one order in one transaction (one trade of 20 shares), and one more
    h.venue.add_trades(
        &w,
        vec![
            leader_trade(Side::Buy, dec!(0.5), dec!(10), t0, "0xt1"),
            leader_trade(Side::Buy, dec!(0.5), dec!(10), t0, "0xt1"),
            leader_trade(Side::Buy, dec!(0.52), dec!(5), t0, "0xt2"),
        ],
    );
    let input: signal_poller::PollerInput = serde_json::from_str(&event_fixture("signal-poller.json")).unwrap();
    let r = signal_poller::handle(local_event(input.clone()), &h.deps.poller).await.unwrap();
    assert_eq!(r.signals_queued, 2);
    assert_eq!(h.queues.signals.depth().await.unwrap(), 2);
    let first: copycat_core::signal::Signal = serde_json::from_str(&h.queues.signals.receive(1).await.unwrap()[0].body).unwrap();
    assert_eq!(first.trade.size, Shares(dec!(20)), "the fills of one order are one trade, sizes summed");
    let c: Cursor = load(h.deps.store.as_ref(), &keys::cursor(&w)).await.unwrap().unwrap().value;
    assert_eq!(c.last_ts, t0);
    assert_eq!(c.keys_at_last_ts.len(), 2);

    // The same fill seen again by the next poll (a repeated row, or the chain's copy of it) is
    // the same trade: nothing new is queued.
    h.venue.add_trades(&w, vec![leader_trade(Side::Buy, dec!(0.5), dec!(10), t0, "0xt1")]);
    let r = signal_poller::handle(local_event(input), &h.deps.poller).await.unwrap();
    assert_eq!(r.signals_queued, 0, "one identity per (transaction, wallet, token, side)");
}

#[tokio::test]
async fn discovery_fixture_queues_candidates_once() {
    let h = Harness::new();
    for w in [LEADER, "0x2222222222222222222222222222222222222222"] {
        let w = Wallet::parse(w).unwrap();
        let mut t = leader_trade(Side::Buy, dec!(0.5), dec!(10), h.clock.now(), "0x1");
        t.wallet = w.clone();
        h.venue.add_trades(&w, vec![t]);
    }
    let input: discovery::DiscoveryInput = serde_json::from_str(&event_fixture("discovery.json")).unwrap();
    let r = discovery::handle(local_event(input.clone()), &h.deps.discovery).await.unwrap();
    assert_eq!((r.candidates_queued, r.already_known), (2, 0));
    let r = discovery::handle(local_event(input), &h.deps.discovery).await.unwrap();
    assert_eq!((r.candidates_queued, r.already_known), (0, 2));
    assert_eq!(h.queues.candidates.depth().await.unwrap(), 2);
}

#[tokio::test]
async fn health_check_trips_the_breaker_on_an_outage_and_a_probe_closes_it() {
    let h = Harness::new();
    let input: health_check::HealthInput = serde_json::from_str(&event_fixture("health-check.json")).unwrap();
    let r = health_check::handle(local_event(input.clone()), &h.deps.health).await.unwrap();
    assert!(r.probes_failed.is_empty());
    let mode: ModeState = load(h.deps.store.as_ref(), &keys::mode()).await.unwrap().unwrap().value;
    assert_eq!(mode.tier, "MICRO", "a $24 start is in MICRO");
    assert!(h.deps.store.get(&keys::breaker(Dependency::DataApi)).await.unwrap().is_none(), "the healthy path writes nothing");

    h.venue.down.store(true, std::sync::atomic::Ordering::SeqCst);
    for _ in 0..5 {
        health_check::handle(local_event(input.clone()), &h.deps.health).await.unwrap();
        h.clock.advance(Span::seconds(1));
    }
    let b: BreakerState = load(h.deps.store.as_ref(), &keys::breaker(Dependency::DataApi)).await.unwrap().unwrap().value;
    assert_eq!((b.phase, b.trips), (Phase::Open, 1));
    assert_eq!(h.metrics.get("BreakerTripped"), 1);

    // Still inside the cooldown: no probe, still open even though the venue is back.
    h.venue.down.store(false, std::sync::atomic::Ordering::SeqCst);
    health_check::handle(local_event(input.clone()), &h.deps.health).await.unwrap();
    let b: BreakerState = load(h.deps.store.as_ref(), &keys::breaker(Dependency::DataApi)).await.unwrap().unwrap().value;
    assert_eq!(b.phase, Phase::Open);

    h.clock.advance(Span::seconds(60));
    health_check::handle(local_event(input), &h.deps.health).await.unwrap();
    let b: BreakerState = load(h.deps.store.as_ref(), &keys::breaker(Dependency::DataApi)).await.unwrap().unwrap().value;
    assert_eq!((b.phase, b.recoveries), (Phase::Closed, 1));
    assert_eq!(h.metrics.get("BreakerClosed"), 1);
}

#[tokio::test]
async fn milestones_fire_once_and_only_above_the_starting_balance() {
    let h = Harness::new();
    let input = health_check::HealthInput::default();
    let r = health_check::handle(local_event(input.clone()), &h.deps.health).await.unwrap();
    assert!(r.milestones.is_empty(), "$20 is below the $24 start: {r:?}");
    // Equity reaches $55: the $50 milestone fires, once.
    let mut p: PortfolioState = load(h.deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    let v = h.deps.store.get(&keys::portfolio()).await.unwrap().unwrap().version;
    p.cash = copycat_core::Usd(dec!(55));
    p.peak_equity = p.cash;
    h.deps.store.put_if_version(&keys::portfolio(), copycat_state::to_body(&p), v, None).await.unwrap();
    let r = health_check::handle(local_event(input.clone()), &h.deps.health).await.unwrap();
    assert_eq!(r.milestones, vec![copycat_core::Usd(dec!(50))]);
    let r = health_check::handle(local_event(input), &h.deps.health).await.unwrap();
    assert!(r.milestones.is_empty());
    assert_eq!(h.metrics.get("MilestoneReached"), 1);
}

/// A signals queue that refuses every entry, as SQS can while the call itself succeeds.
struct RefusingQueue;

#[async_trait::async_trait]
impl Queue for RefusingQueue {
    fn name(&self) -> &str {
        "refusing.fifo"
    }
    async fn send_batch(
        &self,
        messages: Vec<copycat_core::message::OutMessage>,
    ) -> Result<Vec<copycat_core::message::SendFailure>, copycat_core::ports::QueueError> {
        Ok((0..messages.len())
            .map(|index| copycat_core::message::SendFailure { index, reason: "throttled".into(), retryable: true })
            .collect())
    }
    async fn receive(&self, _max: usize) -> Result<Vec<copycat_core::message::Received>, copycat_core::ports::QueueError> {
        Ok(vec![])
    }
    async fn ack(&self, _receipt: &str) -> Result<(), copycat_core::ports::QueueError> {
        Ok(())
    }
    async fn set_visibility(&self, _receipt: &str, _timeout: Span) -> Result<(), copycat_core::ports::QueueError> {
        Ok(())
    }
    async fn depth(&self) -> Result<u64, copycat_core::ports::QueueError> {
        Ok(0)
    }
}

#[tokio::test]
async fn poller_keeps_the_cursor_when_signals_could_not_be_queued() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let w = Wallet::parse(LEADER).unwrap();
    h.venue.add_trades(&w, vec![leader_trade(Side::Buy, dec!(0.5), dec!(10), h.clock.now() - Span::seconds(1), "0xt1")]);
    let mut refusing = h.deps.poller.clone();
    refusing.signals = copycat_state::Sender::new(std::sync::Arc::new(RefusingQueue));
    let mut poller = signal_poller::Poller::new("p");
    let r = poller.poll_once(&refusing).await.unwrap();
    assert_eq!((r.signals_queued, r.wallets_failed), (0, 1));
    assert!(h.deps.store.get(&keys::cursor(&w)).await.unwrap().is_none(), "the cursor must not move past unqueued trades");
    // The queue recovers: the same trade is queued on the next poll.
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.signals_queued, 1);
    assert_eq!(h.queues.signals.depth().await.unwrap(), 1);
}

#[tokio::test]
async fn a_signal_for_a_market_nobody_knows_is_refused_not_retried() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let mut t = leader_trade(Side::Buy, dec!(0.5), dec!(20), h.clock.now() - Span::seconds(1), "0xtx");
    t.asset = "999".into(); // no market has this token
    let s = copycat_core::signal::Signal {
        key: copycat_core::signal::SignalKey("unknown".into()),
        leader: t.wallet.clone(),
        trade: t,
        seen_at: h.clock.now(),
    };
    let r = signal_copier::copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await.unwrap();
    assert!(
        matches!(r, signal_copier::CopyResult::Refused(ref x) if x.reason == copycat_core::records::RefusalReason::UnknownMarket),
        "{r:?}"
    );
    assert_eq!(h.ledger().await.len(), 1);
}

#[tokio::test]
async fn a_venue_refusal_is_refused_with_its_own_reason_and_is_not_a_clob_failure() {
    use copycat_core::ports::BrokerError;
    use copycat_core::records::RefusalReason;
    use std::sync::atomic::Ordering;
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let cases = [
        (BrokerError::Geoblocked { country: "US".into(), region: "NY".into() }, RefusalReason::VenueGeoblocked),
        (BrokerError::InsufficientFunds { reason: "not enough balance / allowance".into() }, RefusalReason::InsufficientFunds),
        (BrokerError::BelowMinimum { reason: "Size (3) lower than the minimum: 5".into() }, RefusalReason::BelowVenueMinimum),
        (BrokerError::Rejected { code: Some("400".into()), reason: "invalid order".into() }, RefusalReason::VenueRejected),
    ];
    let mut n = 0;
    // Refused when the order is placed, and (by a venue that signs orders) when it is prepared.
    for signs in [false, true] {
        h.venue.signs_orders.store(signs, Ordering::SeqCst);
        for (error, reason) in cases.clone() {
            n += 1;
            *h.venue.refuse_orders.lock().unwrap() = Some(error.clone());
            let trade = leader_trade(Side::Buy, dec!(0.5), dec!(20), h.clock.now() - Span::seconds(1), &format!("0xrefused{n}"));
            let s = copycat_core::signal::Signal {
                key: copycat_core::signal::SignalKey(format!("refused-{n}")),
                leader: Wallet::parse(LEADER).unwrap(),
                trade,
                seen_at: h.clock.now(),
            };

            let r = signal_copier::copy_signal(&h.deps.copier, &s, "a", Span::seconds(30)).await.unwrap();

            assert!(
                matches!(r, signal_copier::CopyResult::Refused(ref x) if x.reason == reason && x.detail == error.to_string()),
                "signs orders: {signs}, {error:?}: {r:?}"
            );
            assert_eq!(h.metrics.get(&format!("SignalRefused{{reason={}}}", reason.code())), if signs { 2 } else { 1 }, "{reason:?}");
        }
    }
    assert_eq!(h.ledger().await.len(), 8);
    assert_eq!(h.venue.fills(), 0);
    let clob = load::<BreakerState>(h.deps.store.as_ref(), &keys::breaker(Dependency::Clob)).await.unwrap();
    assert!(clob.as_ref().is_none_or(|b| b.value.consecutive_failures == 0), "a refusal is not a CLOB failure: {clob:?}");
}

/// A plain EventBridge schedule rule's event, as a console test or a `Type: Schedule` sends it.
const RULE_EVENT: &str = r#"{"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
  "source":"aws.events","account":"123456789012","time":"2026-12-01T00:00:00Z","region":"eu-west-1",
  "resources":["arn:aws:events:eu-west-1:123456789012:rule/copycat-discovery"],"detail":{}}"#;

/// EventBridge Scheduler's envelope: the input arrives as a string in `detail`.
const SCHEDULER_EVENT: &str = r#"{"version":"0","id":"c0b1","detail-type":"Scheduled Event","source":"aws.scheduler",
  "account":"123456789012","time":"2026-12-01T00:00:00Z","region":"eu-west-1","resources":[],"detail":"{}"}"#;

#[tokio::test]
async fn scheduled_functions_take_their_input_or_an_eventbridge_event_and_refuse_anything_else() {
    let h = Harness::new();
    let w = Wallet::parse(LEADER).unwrap();
    h.venue.add_trades(&w, vec![leader_trade(Side::Buy, dec!(0.5), dec!(10), h.clock.now(), "0x1")]);
    // Lambda's runtime deserializes the payload with serde_json before the handler runs.
    for payload in ["{}", RULE_EVENT, SCHEDULER_EVENT] {
        let d: discovery::DiscoveryInput = serde_json::from_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(d, discovery::DiscoveryInput {});
        let p: signal_poller::PollerInput = serde_json::from_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(p.max_polls, None);
        let c: health_check::HealthInput = serde_json::from_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(c, health_check::HealthInput {});
    }
    let scheduled_poll = SCHEDULER_EVENT.replace(r#""detail":"{}""#, r#""detail":"{\"max_polls\":1}""#);
    assert_eq!(serde_json::from_str::<signal_poller::PollerInput>(&scheduled_poll).unwrap().max_polls, Some(1));

    // A rule's event drives discovery as the configured input does.
    let input: discovery::DiscoveryInput = serde_json::from_str(RULE_EVENT).unwrap();
    let r = discovery::handle(local_event(input), &h.deps.discovery).await.unwrap();
    assert_eq!(r.candidates_queued, 1);

    for (payload, says) in [
        ("[]", "found an array"),
        ("\"tick\"", "found a string"),
        (r#"{"max_pols": 1}"#, "max_pols"),
        (r#"{"detail-type":"Scheduled Event","source":"aws.events","detail":"[1]"}"#, "holds an array"),
        (r#"{"detail-type":"Scheduled Event","source":"aws.events"}"#, "`detail` is missing"),
    ] {
        let err = serde_json::from_str::<signal_poller::PollerInput>(payload).unwrap_err().to_string();
        assert!(err.contains(says), "{payload}: {err}");
        assert!(serde_json::from_str::<health_check::HealthInput>(payload).is_err(), "{payload}");
    }
}

#[tokio::test]
async fn a_held_market_closed_with_every_outcome_at_zero_is_not_settled_and_is_reported_once() {
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    signal_copier::handle(local_event(sqs("signal-copier.json")), &h.deps.copier).await.unwrap();
    let held = h.deps.store.query(keys::PORTFOLIO_PK, keys::POSITION_PREFIX).await.unwrap();
    assert_eq!(held.len(), 1);
    let before: PortfolioState = load(h.deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;

    h.venue.markets_closed_unpriced.store(true, std::sync::atomic::Ordering::SeqCst);
    let books = h.venue.books_asked.load(std::sync::atomic::Ordering::SeqCst);
    let first = health_check::handle(local_event(health_check::HealthInput::default()), &h.deps.health).await.unwrap();
    assert_eq!(first.resolution_unknown, vec![copycat_tests::condition()]);
    assert_eq!((first.positions_settled, first.positions_marked), (0, 0), "neither settled at 0 nor marked");
    assert_eq!(h.venue.books_asked.load(std::sync::atomic::Ordering::SeqCst), books, "no book is asked of a closed market");
    assert_eq!(h.deps.store.query(keys::PORTFOLIO_PK, keys::POSITION_PREFIX).await.unwrap().len(), 1, "the position is kept");
    let after: PortfolioState = load(h.deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    assert_eq!(after.cash, before.cash, "nothing was paid out");

    h.clock.advance(Span::minutes(5));
    let second = health_check::handle(local_event(health_check::HealthInput::default()), &h.deps.health).await.unwrap();
    assert!(second.resolution_unknown.is_empty(), "reported once: {second:?}");
    assert_eq!(h.metrics.get("ResolutionUnknown"), 1);
    assert!(h.deps.store.get(&keys::resolution_unknown(&copycat_tests::condition())).await.unwrap().is_some());
    assert!(h.deps.store.get(&keys::breaker(Dependency::Clob)).await.unwrap().is_none(), "the CLOB breaker saw no failure");
}

#[tokio::test]
async fn a_signal_that_never_parses_is_dead_lettered_after_max_receive_with_its_error() {
    use copycat_core::message::OutMessage;
    let h = Harness::new();
    let signals = h.queues.signals.clone();
    signals.send_batch(vec![OutMessage::fifo("{\"key\": \"truncated", "g", "bad-1")]).await.unwrap();
    let max = h.deps.config.queues.max_receive;
    let vis = copycat_core::time::secs(h.deps.config.queues.visibility_timeout_secs);
    let mut failures = Vec::new();
    for _ in 0..max {
        let msgs = signals.receive(10).await.unwrap();
        assert_eq!(msgs.len(), 1, "redelivered until max_receive");
        let event = copycat_local::to_sqs_event(&msgs, "arn:aws:sqs:local:0:signals.fifo");
        let resp = signal_copier::handle(local_event(event), &h.deps.copier).await.unwrap();
        failures.extend(failed_ids(&resp));
        copycat_local::settle_batch(signals.as_ref(), &msgs, &resp).await.unwrap();
        h.clock.advance(vis + Span::seconds(1));
    }
    assert_eq!(failures.len() as u32, max, "every receive reports it as a batch-item failure, never a panic");
    assert!(signals.receive(10).await.unwrap().is_empty(), "after max_receive it is gone from the queue");
    let dlq = signals.dead_letter_queue().expect("the signals queue has a DLQ");
    let dead = dlq.receive(10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].body, "{\"key\": \"truncated");
    let err = signal_copier::parse_signal(Some(&dead[0].body)).unwrap_err().to_string();
    assert!(err.contains("not a signal") && err.contains("EOF"), "the error says what was wrong: {err}");
    assert_eq!(h.ledger().await.len(), 0);
}

/// Runs the copier over everything on the signals queue.
async fn copy_queued(h: &Harness) {
    let signals = h.queues.signals.clone();
    loop {
        let msgs = signals.receive(10).await.unwrap();
        if msgs.is_empty() {
            return;
        }
        let event = copycat_local::to_sqs_event(&msgs, "arn:aws:sqs:local:0:signals.fifo");
        let resp = signal_copier::handle(local_event(event), &h.deps.copier).await.unwrap();
        copycat_local::settle_batch(signals.as_ref(), &msgs, &resp).await.unwrap();
    }
}

#[tokio::test]
async fn a_trade_indexed_after_the_cursor_passed_it_is_found_by_the_reconciliation_once_and_copied() {
    use copycat_core::records::MissedTrade;
    let h = Harness::new();
    h.follow(LEADER, 0.4).await;
    let w = Wallet::parse(LEADER).unwrap();
    let start = h.clock.now();
    let mut poller = signal_poller::Poller::new("p");
    // A fresh trade: the poll queues it; the first reconciliation checks only what is older than
    // the grace period (nothing) and finds nothing missing.
    h.venue.add_trades(&w, vec![leader_trade(Side::Buy, dec!(0.5), dec!(10), start - Span::seconds(30), "0xa")]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.leaders_reconciled, r.missed_found), (1, 1, 0));
    copy_queued(&h).await;

    // The Data API indexes a trade late: its time is before the cursor, so no poll sees it.
    h.clock.advance(Span::minutes(2));
    h.venue.add_trades(&w, vec![leader_trade(Side::Buy, dec!(0.51), dec!(8), start - Span::seconds(60), "0xlate")]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.leaders_reconciled), (0, 0), "not due yet: {r:?}");

    // The next reconciliation finds it, records it once, counts it and queues it.
    h.clock.advance(Span::minutes(15));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.leaders_reconciled, r.missed_found), (0, 1, 1), "{r:?}");
    assert_eq!(h.metrics.get("MissedTrade"), 1);
    let missed = h.deps.store.query(keys::MISSED_PK, "").await.unwrap();
    assert_eq!(missed.len(), 1);
    let m: MissedTrade = copycat_state::decode(&missed[0]).unwrap().value;
    assert_eq!((m.leader, m.leader_at), (w.clone(), start - Span::seconds(60)));
    copy_queued(&h).await;
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 2, "both trades have an outcome: {ledger:?}");
    let late = ledger.iter().find(|e| e.key == m.key).expect("the missed trade reached the copier");
    assert!(late.detection_secs().unwrap() > 16.0 * 60.0, "its detection latency says how late it was: {late:?}");
    let first = ledger.iter().find(|e| e.key != m.key).unwrap();
    assert!(first.detection_secs().unwrap() <= 30.0, "{first:?}");

    // Later passes neither count it again nor queue it again.
    h.clock.advance(Span::minutes(15));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.leaders_reconciled, r.missed_found), (1, 0), "{r:?}");
    assert_eq!(h.deps.store.query(keys::MISSED_PK, "").await.unwrap().len(), 1);
    assert_eq!(h.queues.signals.depth().await.unwrap(), 0);
}
