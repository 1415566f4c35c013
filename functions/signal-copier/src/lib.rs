//! signal-copier: copies leader trades from the signals queue (FIFO, one group per leader).
//!
//! For each signal: claim its key (exactly-once), load state in one batched read, ask the core
//! for a decision, place the order, and record claim + fill + position + portfolio + ledger in
//! one transaction. A refusal is recorded with its reason. A body that cannot be parsed is a
//! batch-item failure (it ends in the dead-letter queue after `max_receive`); on the FIFO queue
//! the first failure also fails every later message of the batch, keeping order.

use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent};
use copycat_core::decision::{Decision, DecisionInput, Refusal, decide};
use copycat_core::dependency::Dependency;
use copycat_core::events::Event;
use copycat_core::market::MarketInfo;
use copycat_core::mode::{current_tier, initial_mode};
use copycat_core::order::{CopyOrder, Fill, OrderTicket};
use copycat_core::portfolio::{BookedFill, apply_fill, roll_day};
use copycat_core::ports::{Broker, BrokerError, MarketData, MarketError, StoreError};
use copycat_core::records::{
    Control, LeaderSet, LedgerEntry, ModeState, PendingOrder, PortfolioState, Position, RefusalReason, SignalOutcome, keys,
};
use copycat_core::signal::Signal;
use copycat_core::store::{Key, Write};
use copycat_core::time::{Span, Timestamp};
use copycat_core::{Shares, Side};
use copycat_state::{
    BreakerGate, ClaimOutcome, Delivery, GateError, MissingMessageId, Outbox, Reporting, StateError, Versioned, claim_signal,
    complete_claim_write, for_each_message, load, load_many_typed, record_pending_order, release_claim, to_body,
};
use lambda_runtime::LambdaEvent;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What the copier may use: market data and the broker — the one function that places orders —
/// besides what every reporting function has. It feeds no queue but notifications.
#[derive(Clone)]
pub struct CopierDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// Books, markets, the leader's positions.
    pub market: Arc<dyn MarketData>,
    /// Order placement (paper or live).
    pub broker: Arc<dyn Broker>,
}

copycat_state::function_deps!(CopierDeps, sends[Notifications]);

/// Why a signal could not be handled now (the message is retried by the queue).
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The body is not a signal.
    #[error("malformed signal message: {0}")]
    BadMessage(String),
    /// Another copier holds the claim.
    #[error("signal {key} is being copied by another worker until {until}")]
    InProgressElsewhere {
        /// Signal key.
        key: String,
        /// Their claim's expiry.
        until: Timestamp,
    },
    /// A dependency failed (counted by its breaker).
    #[error("dependency failed: {0}")]
    Dependency(#[from] MarketError),
    /// The venue could not be reached; the order's fate is settled by retrying with the same key.
    #[error("{0}")]
    Venue(#[source] BrokerError),
    /// Another copier took our claim over before our order was sent; nothing was sent.
    #[error("signal {key}: the claim was taken over by another worker before the order was sent; nothing sent")]
    ClaimLost {
        /// Signal key.
        key: String,
    },
    /// A dead copier's order cannot be settled yet (it may have filled, so the signal cannot be
    /// refused); the message is retried.
    #[error("signal {key}: the order sent by an earlier attempt cannot be settled yet: {why}")]
    Unsettled {
        /// Signal key.
        key: String,
        /// What stands in the way.
        why: String,
    },
    /// The state store failed.
    #[error("state store: {0}")]
    State(#[from] StateError),
}

impl From<StoreError> for CopyError {
    fn from(e: StoreError) -> Self {
        CopyError::State(StateError::Store(e))
    }
}

/// What happened to one signal.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyResult {
    /// Copied with this fill.
    Copied(Fill),
    /// Refused, with the reason recorded.
    Refused(Refusal),
    /// Already handled by an earlier delivery: nothing done.
    Duplicate,
}

static WORKER_SEQ: AtomicU64 = AtomicU64::new(0);

/// A claim owner id unique to this invocation.
pub fn owner_id(request_id: &str) -> String {
    if request_id.is_empty() {
        format!("local-{}-{}", std::process::id(), WORKER_SEQ.fetch_add(1, Ordering::Relaxed))
    } else {
        request_id.to_string()
    }
}

/// How long a claim may stay in progress: the invocation's remaining time (from its deadline,
/// when it has one), capped by config, never zero.
pub fn claim_window(deps: &CopierDeps, deadline_ms: u64) -> Span {
    let cap = copycat_core::time::secs(deps.config.queues.claim_in_progress_secs);
    let remaining = if deadline_ms == 0 {
        cap
    } else {
        let now_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
        Span::milliseconds(deadline_ms as i64 - now_ms)
    };
    remaining.min(cap).max(Span::seconds(1))
}

/// The Lambda handler: a batch of signals (FIFO: the first failure fails the rest).
pub async fn handle(event: LambdaEvent<SqsEvent>, deps: &CopierDeps) -> Result<SqsBatchResponse, MissingMessageId> {
    let owner = owner_id(&event.context.request_id);
    let window = claim_window(deps, event.context.deadline);
    let mut outbox = Outbox::default();
    // The followed set changes rarely (the bot filter): read it once per batch, not per signal.
    let mut leaders: Option<LeaderSet> = None;
    let response = for_each_message(&event.payload, Delivery::Fifo, async |body| {
        let signal = parse_signal(body)?;
        if leaders.is_none() {
            leaders = Some(load_leaders(deps).await?);
        }
        let set = leaders.as_ref().unwrap_or(&EMPTY_SET);
        copy_signal_into(deps, &signal, &owner, window, set, &mut outbox).await.map(|_| ())
    })
    .await;
    outbox.flush(deps).await;
    response
}

/// Parses a signals-queue body.
pub fn parse_signal(body: Option<&str>) -> Result<Signal, CopyError> {
    let body = body.ok_or_else(|| CopyError::BadMessage("message has no body".into()))?;
    serde_json::from_str(body).map_err(|e| CopyError::BadMessage(format!("not a signal: {e}")))
}

static EMPTY_SET: LeaderSet = LeaderSet { leaders: Vec::new() };

async fn load_leaders(deps: &CopierDeps) -> Result<LeaderSet, CopyError> {
    Ok(load::<LeaderSet>(deps.store.as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default())
}

/// Copies one signal exactly once, queueing its notification at once.
pub async fn copy_signal(deps: &CopierDeps, signal: &Signal, owner: &str, window: Span) -> Result<CopyResult, CopyError> {
    let mut outbox = Outbox::default();
    let leaders = load_leaders(deps).await?;
    let result = copy_signal_into(deps, signal, owner, window, &leaders, &mut outbox).await;
    outbox.flush(deps).await;
    result
}

/// Copies one signal exactly once; its notification goes to `outbox`.
async fn copy_signal_into(
    deps: &CopierDeps,
    signal: &Signal,
    owner: &str,
    window: Span,
    leaders: &LeaderSet,
    outbox: &mut Outbox,
) -> Result<CopyResult, CopyError> {
    let now = deps.clock.now();
    let gc_at = now + copycat_core::time::secs(deps.config.queues.claim_ttl_secs);
    let expires_at = now + window;
    let (version, pending) = match claim_signal(deps.store.as_ref(), &signal.key, owner, now, expires_at, gc_at).await? {
        ClaimOutcome::Acquired { version, pending } => (version, pending),
        ClaimOutcome::Completed(_) => return Ok(CopyResult::Duplicate),
        ClaimOutcome::InProgressElsewhere { until } => return Err(CopyError::InProgressElsewhere { key: signal.key.to_string(), until }),
    };
    let mut hold = Hold { owner, version, expires_at, gc_at, order_recorded: pending.is_some() };
    let result = match pending {
        Some(p) => settle_pending(deps, signal, &mut hold, p, outbox).await,
        None => decide_and_execute(deps, signal, &mut hold, leaders, outbox).await,
    };
    if let Err(e) = &result {
        if hold.order_recorded {
            // The order may be at the venue: keep the claim (with the order in it) so whoever
            // takes it over when it expires settles that order rather than sending another.
            tracing::warn!(key = %signal.key, error = %e, until = %hold.expires_at, "order may be at the venue; claim kept, the retry settles it");
        } else if let Err(e) = release_claim(deps.store.as_ref(), &signal.key, hold.version).await {
            tracing::warn!(key = %signal.key, error = %e, "could not release claim; it will expire");
        }
    }
    result
}

/// Our in-progress claim on one signal.
struct Hold<'a> {
    owner: &'a str,
    /// Its record version (moves when the pending order is written into it).
    version: u64,
    expires_at: Timestamp,
    gc_at: Timestamp,
    /// An order is written into the claim: from now on the claim is never released.
    order_recorded: bool,
}

struct Loaded {
    stopped: bool,
    mode: ModeState,
    portfolio: Option<Versioned<PortfolioState>>,
    position: Option<Versioned<Position>>,
    gamma: BreakerGate,
    clob: BreakerGate,
    data: BreakerGate,
}

async fn load_state(deps: &CopierDeps, signal: &Signal, owner: &str, now: Timestamp) -> Result<Loaded, CopyError> {
    let token = &signal.trade.asset;
    let ks: [Key; 7] = [
        keys::control(),
        keys::mode(),
        keys::portfolio(),
        keys::position(token),
        keys::breaker(Dependency::Gamma),
        keys::breaker(Dependency::Clob),
        keys::breaker(Dependency::DataApi),
    ];
    let recs = deps.store.get_many(&ks).await?;
    let control = load_many_typed::<Control>(recs[0].as_ref())?;
    let mode = load_many_typed::<ModeState>(recs[1].as_ref())?.map(|v| v.value);
    let portfolio = load_many_typed::<PortfolioState>(recs[2].as_ref())?;
    let mode = mode.unwrap_or_else(|| {
        let equity = portfolio.as_ref().map(|p| p.value.equity()).unwrap_or(deps.config.trading.starting_balance);
        initial_mode(&deps.config.modes, equity, now)
    });
    Ok(Loaded {
        stopped: control.is_some_and(|c| c.value.stopped),
        mode,
        portfolio,
        position: load_many_typed::<Position>(recs[3].as_ref())?,
        gamma: BreakerGate::from_seen(Dependency::Gamma, owner, load_many_typed(recs[4].as_ref())?),
        clob: BreakerGate::from_seen(Dependency::Clob, owner, load_many_typed(recs[5].as_ref())?),
        data: BreakerGate::from_seen(Dependency::DataApi, owner, load_many_typed(recs[6].as_ref())?),
    })
}

/// A dependency call through its breaker. `Ok(Ok(v))` on success; `Ok(Err(refusal))` when the
/// breaker is open or the thing asked for does not exist (final: the signal is refused, never
/// retried into the dead-letter queue); `Err` when the call failed (the message is retried).
async fn through<T>(
    gate: &mut BreakerGate,
    deps: &CopierDeps,
    dependency: Dependency,
    call: impl std::future::Future<Output = Result<T, MarketError>>,
) -> Result<Result<T, Refusal>, CopyError> {
    match gate.call(deps, call).await {
        Ok(v) => Ok(Ok(v)),
        Err(GateError::Open { .. }) => {
            Ok(Err(Refusal { reason: RefusalReason::BreakerOpen, detail: format!("{dependency} breaker is open") }))
        }
        Err(GateError::Call(MarketError::NotFound { what, .. })) => {
            Ok(Err(Refusal { reason: RefusalReason::UnknownMarket, detail: format!("{dependency} does not know {what}") }))
        }
        Err(GateError::Call(e)) => Err(e.into()),
    }
}

async fn decide_and_execute(
    deps: &CopierDeps,
    signal: &Signal,
    hold: &mut Hold<'_>,
    leaders: &LeaderSet,
    outbox: &mut Outbox,
) -> Result<CopyResult, CopyError> {
    let cfg = &deps.config;
    let now = deps.clock.now();
    let mut st = load_state(deps, signal, hold.owner, now).await?;
    let trade = &signal.trade;
    if st.stopped {
        let r = Refusal { reason: RefusalReason::KillSwitch, detail: "trading is stopped".into() };
        return finish_refused(deps, signal, hold, r).await;
    }
    let market = match market_of(deps, &mut st, &trade.asset).await? {
        Ok(m) => m,
        Err(r) => return finish_refused(deps, signal, hold, r).await,
    };
    let book = match through(&mut st.clob, deps, Dependency::Clob, deps.market.book(&trade.asset)).await? {
        Ok(b) => b,
        Err(r) => return finish_refused(deps, signal, hold, r).await,
    };
    let leader_held_before = if trade.side == Side::Sell && st.position.is_some() {
        let positions = match through(&mut st.data, deps, Dependency::DataApi, deps.market.wallet_positions(&trade.wallet)).await? {
            Ok(p) => p,
            Err(r) => return finish_refused(deps, signal, hold, r).await,
        };
        let now_held = positions.iter().filter(|p| p.token_id == trade.asset && !p.closed).map(|p| p.size).sum::<Shares>();
        Some(now_held + trade.size)
    } else {
        None
    };
    let mut portfolio =
        st.portfolio.as_ref().map(|v| v.value.clone()).unwrap_or_else(|| PortfolioState::new(cfg.trading.starting_balance, now));
    roll_day(&mut portfolio, now);
    let tier = current_tier(&cfg.modes, &st.mode);
    let input = DecisionInput {
        key: &signal.key,
        trade,
        now,
        stopped: st.stopped,
        // the Gamma and CLOB breakers were admitted by `through` above; an open one refused already
        open_breaker: None,
        leader: leaders.get(&trade.wallet),
        market: &market,
        book: &book,
        portfolio: &portfolio,
        position: st.position.as_ref().map(|v| &v.value),
        tier,
        leader_held_before,
    };
    let intent = match decide(&input, cfg) {
        Decision::Refuse(r) => return finish_refused(deps, signal, hold, r).await,
        Decision::Place(intent) => intent,
    };
    let ticket = match deps.broker.prepare(&intent.order).await {
        Ok(t) => t,
        Err(e) => return broker_failed(deps, signal, hold, &mut st, e).await,
    };
    if let Some(t) = &ticket {
        // Written before the order is sent, so a copier that dies after sending is succeeded by
        // one that settles this very order.
        let pending = PendingOrder { order: intent.order.clone(), ticket: t.clone() };
        hold.version =
            match record_pending_order(deps.store.as_ref(), &signal.key, hold.owner, hold.version, hold.expires_at, pending, hold.gc_at)
                .await
            {
                Ok(v) => v,
                Err(e) if e.is_conflict() => return Err(CopyError::ClaimLost { key: signal.key.to_string() }),
                Err(e) => return Err(e.into()),
            };
        hold.order_recorded = true;
    }
    execute(deps, signal, hold, &market, st, &intent.order, ticket.as_ref(), outbox).await
}

/// What a broker error means for the signal: an outage is a CLOB breaker failure and the
/// message is retried (the order's fate is settled with the same order); anything else is the
/// venue's or our guard's refusal, recorded with its own reason.
async fn broker_failed(
    deps: &CopierDeps,
    signal: &Signal,
    hold: &Hold<'_>,
    st: &mut Loaded,
    e: BrokerError,
) -> Result<CopyResult, CopyError> {
    let reason = match &e {
        BrokerError::Unavailable(why) => {
            st.clob.record(deps, deps.clock.now(), Err(why)).await;
            return Err(CopyError::Venue(e));
        }
        BrokerError::Geoblocked { .. } => RefusalReason::VenueGeoblocked,
        BrokerError::InsufficientFunds { .. } => RefusalReason::InsufficientFunds,
        BrokerError::BelowMinimum { .. } => RefusalReason::BelowVenueMinimum,
        BrokerError::Rejected { .. } => RefusalReason::VenueRejected,
    };
    finish_refused(deps, signal, hold, Refusal { reason, detail: e.to_string() }).await
}

/// Takes over a claim whose order a dead copier prepared and perhaps sent: settles that order
/// (the broker asks the venue what became of it before sending it again), never a new one.
async fn settle_pending(
    deps: &CopierDeps,
    signal: &Signal,
    hold: &mut Hold<'_>,
    pending: PendingOrder,
    outbox: &mut Outbox,
) -> Result<CopyResult, CopyError> {
    tracing::warn!(key = %signal.key, "taking over a claim whose order may have been sent: settling that order, not deciding again");
    let mut st = load_state(deps, signal, hold.owner, deps.clock.now()).await?;
    let unsettled = |why: String| CopyError::Unsettled { key: signal.key.to_string(), why };
    // The market is needed to book the fill. A refusal cannot end the signal here (the order
    // may have filled), so it is retried, and after `max_receive` it is in the dead-letter queue.
    let market = match market_of(deps, &mut st, &signal.trade.asset).await {
        Ok(Ok(m)) => m,
        Ok(Err(r)) => return Err(unsettled(r.detail)),
        Err(e) => return Err(unsettled(e.to_string())),
    };
    execute(deps, signal, hold, &market, st, &pending.order, Some(&pending.ticket), outbox).await
}

/// The market of `token` through the Gamma breaker, as [`through`]. The lookup includes the
/// CLOB's fee rate, so a CLOB failure there is recorded on the CLOB's breaker.
async fn market_of(deps: &CopierDeps, st: &mut Loaded, token: &str) -> Result<Result<MarketInfo, Refusal>, CopyError> {
    match through(&mut st.gamma, deps, Dependency::Gamma, deps.market.market_by_token(token)).await {
        Err(CopyError::Dependency(e)) if e.dependency() == Dependency::Clob => {
            st.clob.record(deps, deps.clock.now(), Err(&e.to_string())).await;
            Err(CopyError::Dependency(e))
        }
        other => other,
    }
}

/// Places (or settles) `order` and records what came of it.
#[allow(clippy::too_many_arguments)]
async fn execute(
    deps: &CopierDeps,
    signal: &Signal,
    hold: &Hold<'_>,
    market: &MarketInfo,
    mut st: Loaded,
    order: &CopyOrder,
    ticket: Option<&OrderTicket>,
    outbox: &mut Outbox,
) -> Result<CopyResult, CopyError> {
    let fill = match deps.broker.place_prepared(order, ticket).await {
        Ok(f) => {
            st.clob.record(deps, deps.clock.now(), Ok(())).await;
            f
        }
        Err(e) => return broker_failed(deps, signal, hold, &mut st, e).await,
    };
    if !fill.shares.is_positive() {
        let r = Refusal { reason: RefusalReason::NoLiquidity, detail: format!("nothing filled inside limit {}", order.limit_price.0) };
        return finish_refused(deps, signal, hold, r).await;
    }
    book_fill(deps, signal, hold, market, fill, st.portfolio, st.position, outbox).await
}

#[allow(clippy::too_many_arguments)]
async fn book_fill(
    deps: &CopierDeps,
    signal: &Signal,
    hold: &Hold<'_>,
    market: &MarketInfo,
    fill: Fill,
    mut portfolio: Option<Versioned<PortfolioState>>,
    mut position: Option<Versioned<Position>>,
    outbox: &mut Outbox,
) -> Result<CopyResult, CopyError> {
    let trade = &signal.trade;
    let now = deps.clock.now();
    for _ in 0..copycat_state::MAX_ATTEMPTS {
        let base =
            portfolio.as_ref().map(|v| v.value.clone()).unwrap_or_else(|| PortfolioState::new(deps.config.trading.starting_balance, now));
        let (next_portfolio, next_position) = apply_fill(&base, position.as_ref().map(|v| &v.value), &BookedFill::of(trade, &fill, market));
        let outcome = SignalOutcome::Copied { fill: fill.clone(), side: trade.side };
        let mut writes = vec![complete_claim_write(&signal.key, hold.owner, hold.version, outcome.clone(), hold.gc_at)];
        writes.push(match &portfolio {
            None => Write::PutIfAbsent { key: keys::portfolio(), body: to_body(&next_portfolio), expires_at: None },
            Some(v) => Write::PutIfVersion {
                key: keys::portfolio(),
                body: to_body(&next_portfolio),
                expected_version: v.version,
                expires_at: None,
            },
        });
        let pkey = keys::position(&trade.asset);
        match (&position, &next_position) {
            (None, Some(p)) => writes.push(Write::PutIfAbsent { key: pkey, body: to_body(p), expires_at: None }),
            (Some(v), Some(p)) => {
                writes.push(Write::PutIfVersion { key: pkey, body: to_body(p), expected_version: v.version, expires_at: None })
            }
            (Some(v), None) => writes.push(Write::DeleteIfVersion { key: pkey, expected_version: v.version }),
            (None, None) => {}
        }
        let entry = LedgerEntry {
            key: signal.key.clone(),
            leader: trade.wallet.clone(),
            token_id: trade.asset.clone(),
            leader_at: trade.timestamp,
            at: now,
            outcome,
            seen_at: Some(signal.seen_at),
        };
        writes.push(Write::PutIfAbsent { key: keys::ledger(now, &signal.key), body: to_body(&entry), expires_at: None });
        match deps.store.transact(writes).await {
            Ok(()) => {
                deps.metrics.count("SignalCopied", 1, &[]);
                let event = Event::TradeCopied {
                    leader: trade.wallet.clone(),
                    market: market.question.clone(),
                    side: trade.side,
                    price: fill.avg_price.0,
                    shares: fill.shares.0,
                    notional: fill.shares * fill.avg_price,
                };
                outbox.push(signal.key.as_str(), now, event);
                return Ok(CopyResult::Copied(fill));
            }
            Err(StoreError::TransactionConflict { index: 0, .. }) => {
                // Our claim was taken over (we ran past its expiry). The new owner settles the same
                // order (written into the claim before it was sent, or idempotent on the signal
                // key at a broker that keeps nothing): record nothing.
                tracing::warn!(key = %signal.key, "claim lost before booking; the new owner records the fill");
                return Ok(CopyResult::Duplicate);
            }
            Err(e) if e.is_conflict() => {
                // Another copier changed the portfolio or position: re-read and re-apply the
                // same fill (never re-place the order).
                portfolio = load(deps.store.as_ref(), &keys::portfolio()).await?;
                position = load(deps.store.as_ref(), &keys::position(&trade.asset)).await?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(CopyError::State(StateError::Contended { key: keys::portfolio(), attempts: copycat_state::MAX_ATTEMPTS }))
}

async fn finish_refused(deps: &CopierDeps, signal: &Signal, hold: &Hold<'_>, r: Refusal) -> Result<CopyResult, CopyError> {
    let now = deps.clock.now();
    let outcome = SignalOutcome::Refused { reason: r.reason, detail: r.detail.clone() };
    let entry = LedgerEntry {
        key: signal.key.clone(),
        leader: signal.trade.wallet.clone(),
        token_id: signal.trade.asset.clone(),
        leader_at: signal.trade.timestamp,
        at: now,
        outcome: outcome.clone(),
        seen_at: Some(signal.seen_at),
    };
    let writes = vec![
        complete_claim_write(&signal.key, hold.owner, hold.version, outcome, hold.gc_at),
        Write::PutIfAbsent { key: keys::ledger(now, &signal.key), body: to_body(&entry), expires_at: None },
    ];
    match deps.store.transact(writes).await {
        Ok(()) => {}
        Err(StoreError::TransactionConflict { index: 0, .. }) => return Ok(CopyResult::Duplicate),
        Err(e) => return Err(e.into()),
    }
    let code = r.reason.code();
    deps.metrics.count("SignalRefused", 1, &[("reason", &code)]);
    tracing::info!(key = %signal.key, reason = %code, detail = %r.detail, "signal refused");
    Ok(CopyResult::Refused(r))
}
