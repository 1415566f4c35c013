//! signal-poller: turns followed leaders' new trades into signals on the FIFO signals queue.
//!
//! One invocation loops every `poll_interval_ms` until shortly before its deadline, so a leader
//! trade is seen within seconds rather than at the next one-minute schedule. A lease record
//! keeps two invocations from polling at once. A leader's cursor moves forward only after that
//! leader's signals are queued: a crash re-reads them, and the copier's claims make the repeat
//! harmless.
//!
//! Detection has two sources. With a node configured (`chain.rpc_url`, `chain.detection =
//! "chain"`), each poll reads the confirmed new blocks' `OrderFilled` logs for every followed
//! leader at once (a few calls per block whatever the number of leaders) and a `CHAIN/CURSOR`
//! record moves past them once their signals are queued. While the `chain` breaker is open,
//! each poll reads the Data API per leader instead, and the switch each way is announced once
//! (`DetectionSwitched`). Either way the reconciliation reads each leader's Data API trades
//! every `poller.reconcile_every_secs`, as the backstop that proves nothing was missed.

use copycat_core::datapi::is_combo_condition;
use copycat_core::dependency::Dependency;
use copycat_core::events::Event;
use copycat_core::message::OutMessage;
use copycat_core::ports::StoreError;
use copycat_core::ports::{ChainRpc, MarketData};
use copycat_core::queues::Signals;
use copycat_core::records::{
    ChainCursor, Claim, ClaimStatus, Cursor, DetectionSource, DetectionState, LeaderSet, MissedTrade, QueuedFill, Reconciled,
    RefusalReason, SignalOutcome, keys,
};
use copycat_core::signal::{Signal, SignalKey, keyed_trades};
use copycat_core::store::Key;
use copycat_core::time::{Span, Timestamp};
use copycat_core::{Trade, Wallet};
use copycat_state::{BreakerGate, GateError, Reporting, Sender, Versioned, load, to_body};
use lambda_runtime::{Diagnostic, LambdaEvent};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// What the poller may use: followed leaders' trades (market data) and the signals queue,
/// besides what every reporting function has. It places no orders.
#[derive(Clone)]
pub struct PollerDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// Leader trades.
    pub market: Arc<dyn MarketData>,
    /// Where signals go.
    pub signals: Sender<Signals>,
    /// The Polygon node, when fills are detected from the chain (None: Data API only).
    pub chain: Option<Arc<dyn ChainRpc>>,
}

copycat_state::function_deps!(PollerDeps, sends [Signals, Notifications]);

/// The schedule's input (SAM `ScheduleV2` `Input`), taken as it is or as the `detail` of an
/// EventBridge event (see [`copycat_core::schedule`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value")]
pub struct PollerInput {
    /// Stop after this many polls (default: loop until the deadline).
    pub max_polls: Option<u32>,
}

/// The fields the poller takes, and no others.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PollerInputFields {
    #[serde(default)]
    max_polls: Option<u32>,
}

impl TryFrom<serde_json::Value> for PollerInput {
    type Error = copycat_core::schedule::ScheduleInputError;
    fn try_from(payload: serde_json::Value) -> Result<Self, Self::Error> {
        let f: PollerInputFields = copycat_core::schedule::schedule_input(payload)?;
        Ok(PollerInput { max_polls: f.max_polls })
    }
}

/// What one poll (or one invocation) did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollReport {
    /// Polls made.
    pub polls: u32,
    /// Wallet reads made.
    pub wallets_polled: u32,
    /// Signals queued.
    pub signals_queued: u32,
    /// Wallet reads that failed or were refused by the breaker.
    pub wallets_failed: u32,
    /// Combo trades skipped.
    pub combo_skipped: u32,
    /// True when another invocation held the lease and this one did nothing.
    pub lease_busy: bool,
    /// Leaders whose trades were checked against our signals.
    pub leaders_reconciled: u32,
    /// Trades the polls missed that the reconciliation found (and queued).
    pub missed_found: u32,
    /// Blocks whose logs were read.
    pub blocks_read: u32,
    /// Reads of the chain that failed (the node's fault or not).
    pub chain_failures: u32,
    /// Polls that read the Data API per leader because the `chain` breaker was open.
    pub fallback_polls: u32,
    /// Queued fills a reorg dropped.
    pub reorged: u32,
}

impl PollReport {
    fn add(&mut self, o: &PollReport) {
        self.polls += o.polls;
        self.wallets_polled += o.wallets_polled;
        self.signals_queued += o.signals_queued;
        self.wallets_failed += o.wallets_failed;
        self.combo_skipped += o.combo_skipped;
        self.leaders_reconciled += o.leaders_reconciled;
        self.missed_found += o.missed_found;
        self.blocks_read += o.blocks_read;
        self.chain_failures += o.chain_failures;
        self.fallback_polls += o.fallback_polls;
        self.reorged += o.reorged;
    }
}

/// A poller failure that fails the invocation.
#[derive(Debug, thiserror::Error)]
pub enum PollerError {
    /// The state store failed.
    #[error("state store: {0}")]
    Store(#[from] StoreError),
}

impl From<PollerError> for Diagnostic {
    fn from(e: PollerError) -> Diagnostic {
        Diagnostic { error_type: "PollerError::Store".into(), error_message: e.to_string() }
    }
}

/// How often the followed set is re-read inside one loop.
const LEADERS_REFRESH: Span = Span::seconds(30);

/// Rows at most per page; a full page is followed by another read at once.
const MAX_PAGES_PER_POLL: u32 = 5;

/// The polling loop's memory: cursors and the followed set, cached between polls.
pub struct Poller {
    owner: String,
    leaders: LeaderSet,
    leaders_read_at: Option<Timestamp>,
    cursors: HashMap<Wallet, Option<Versioned<Cursor>>>,
    reconciled: HashMap<Wallet, Option<Versioned<Reconciled>>>,
    /// The chain cursor as last read or written (outer None: not read yet).
    chain_cursor: Option<Option<Versioned<ChainCursor>>>,
    /// A newer chain cursor not written yet (blocks without fills), and when it was last written.
    chain_pending: Option<ChainCursor>,
    chain_written_at: Option<Timestamp>,
    /// The detection source as last read or written (outer None: not read yet).
    detection: Option<Option<Versioned<DetectionState>>>,
}

/// How a poll of the chain went.
enum ChainPoll {
    /// Blocks read (or nothing new) and their signals queued.
    Read,
    /// The read failed; the next poll tries again (the breaker counts the node's faults).
    Failed,
    /// The `chain` breaker is open: detection falls back to the Data API.
    Open(String),
}

impl Poller {
    /// A poller for one invocation (`owner` names it in the lease and breaker records).
    pub fn new(owner: impl Into<String>) -> Self {
        Poller {
            owner: owner.into(),
            leaders: LeaderSet::default(),
            leaders_read_at: None,
            cursors: HashMap::new(),
            reconciled: HashMap::new(),
            chain_cursor: None,
            chain_pending: None,
            chain_written_at: None,
            detection: None,
        }
    }

    /// Followed leaders as last read.
    pub fn leaders(&self) -> &LeaderSet {
        &self.leaders
    }

    /// One pass over every followed leader.
    pub async fn poll_once(&mut self, deps: &PollerDeps) -> Result<PollReport, PollerError> {
        let now = deps.clock.now();
        if self.leaders_read_at.is_none_or(|t| now - t >= LEADERS_REFRESH) {
            self.leaders = load::<LeaderSet>(deps.store.as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
            self.leaders_read_at = Some(now);
            let followed: Vec<&Wallet> = self.leaders.leaders.iter().map(|l| &l.wallet).collect();
            self.cursors.retain(|w, _| followed.contains(&w));
            self.reconciled.retain(|w, _| followed.contains(&w));
        }
        let mut report = PollReport { polls: 1, ..PollReport::default() };
        if self.leaders.leaders.is_empty() {
            return Ok(report);
        }
        let mut gate = BreakerGate::read(deps, Dependency::DataApi, &self.owner).await;
        let leaders: Vec<(Wallet, Timestamp)> = self.leaders.leaders.iter().map(|l| (l.wallet.clone(), l.since)).collect();
        let mut floor = None;
        if let Some(rpc) = deps.chain.clone().filter(|_| deps.config.chain.detection == copycat_core::config::Detection::Chain) {
            let wallets: Vec<Wallet> = leaders.iter().map(|(w, _)| w.clone()).collect();
            match self.poll_chain(deps, rpc.as_ref(), &wallets, &mut report).await? {
                ChainPoll::Read => {
                    self.set_detection(deps, DetectionSource::Chain, "the chain breaker closed again").await?;
                    return self.finish_poll(deps, &leaders, &mut gate, report).await;
                }
                ChainPoll::Failed => return self.finish_poll(deps, &leaders, &mut gate, report).await,
                ChainPoll::Open(reason) => {
                    self.set_detection(deps, DetectionSource::DataApi, &reason).await?;
                    report.fallback_polls += 1;
                    // The chain covered every block up to the last one read: the Data API
                    // takes over from a little before it (keys make any overlap harmless).
                    let last = self.chain_pending.clone().or_else(|| self.chain_cursor.clone().flatten().map(|v| v.value));
                    floor = last.and_then(|c| c.recent.last().map(|b| b.time - Span::seconds(10)));
                }
            }
        }
        for (wallet, since) in &leaders {
            let since = floor.map_or(*since, |f: Timestamp| f.max(*since));
            for _page in 0..MAX_PAGES_PER_POLL {
                report.wallets_polled += 1;
                match self.poll_wallet(deps, &mut gate, wallet, since, &mut report).await? {
                    WalletPoll::Done => break,
                    WalletPoll::MorePages => continue,
                    WalletPoll::Failed => {
                        report.wallets_failed += 1;
                        break;
                    }
                }
            }
        }
        self.finish_poll(deps, &leaders, &mut gate, report).await
    }

    /// The end of every poll: the reconciliation of each leader that is due.
    async fn finish_poll(
        &mut self,
        deps: &PollerDeps,
        leaders: &[(Wallet, Timestamp)],
        gate: &mut BreakerGate,
        mut report: PollReport,
    ) -> Result<PollReport, PollerError> {
        for (wallet, since) in leaders {
            self.reconcile_wallet(deps, (wallet, *since), gate, &mut report).await?;
        }
        Ok(report)
    }

    /// One read of the chain's new confirmed blocks for every followed leader: their fills
    /// queued as signals, fills a reorg dropped reported (and refused when not yet copied),
    /// then the chain cursor moved past the blocks read.
    async fn poll_chain(
        &mut self,
        deps: &PollerDeps,
        rpc: &dyn ChainRpc,
        wallets: &[Wallet],
        report: &mut PollReport,
    ) -> Result<ChainPoll, PollerError> {
        let cfg = &deps.config.chain;
        let mut gate = BreakerGate::read(deps, Dependency::Chain, &self.owner).await;
        let now = deps.clock.now();
        if let Err(e) = gate.admit(deps, now).await {
            return Ok(ChainPoll::Open(e.to_string()));
        }
        if self.chain_cursor.is_none() {
            self.chain_cursor = Some(load::<ChainCursor>(deps.store.as_ref(), &keys::chain_cursor()).await?);
        }
        let stored = self.chain_cursor.clone().flatten();
        let cursor = self.chain_pending.clone().or_else(|| stored.as_ref().map(|v| v.value.clone())).unwrap_or_default();
        let read = match copycat_chain::follow::read_new_blocks(rpc, cfg, &cursor, wallets, now).await {
            Ok(r) => r,
            Err(e) => {
                report.chain_failures += 1;
                let outcome = if e.counts_as_failure() { Err(e.to_string()) } else { Ok(()) };
                gate.record(deps, deps.clock.now(), outcome.as_ref().map(|_| ()).map_err(String::as_str)).await;
                tracing::warn!(error = %e, counted = e.counts_as_failure(), "could not read new blocks; the next poll retries");
                return Ok(ChainPoll::Failed);
            }
        };
        gate.record(deps, deps.clock.now(), Ok(())).await;
        if let Some(reorg) = &read.reorg {
            for lost in &reorg.lost {
                self.report_reorged(deps, lost, now).await?;
                report.reorged += 1;
            }
        }
        let mut trades = Vec::with_capacity(read.fills.len());
        let mut blocks = Vec::with_capacity(read.fills.len());
        for f in &read.fills {
            let Some(at) = read.time_of(f.log.block_number) else { continue };
            trades.push(f.to_trade(at));
            blocks.push(f.log.block_number);
        }
        // Fills of one order become one trade: its first fill's block.
        let first_block: HashMap<SignalKey, u64> =
            trades.iter().zip(&blocks).rev().map(|(t, b)| (copycat_core::signal::signal_key(t), *b)).collect();
        let (trades, keys) = keyed_trades(&trades);
        let mut by_leader: HashMap<&Wallet, Vec<OutMessage>> = HashMap::new();
        let mut queued = Vec::with_capacity(trades.len());
        for (t, k) in trades.iter().zip(&keys) {
            by_leader.entry(&t.wallet).or_default().push(signal_message(&t.wallet, t, k, now));
            queued.push(QueuedFill {
                block: first_block.get(k).copied().unwrap_or_default(),
                key: k.clone(),
                leader: t.wallet.clone(),
                token_id: t.asset.clone(),
                transaction_hash: t.transaction_hash.clone(),
            });
        }
        for (wallet, messages) in by_leader {
            let n = messages.len() as u32;
            if !queue_all(deps, wallet, messages, "the chain cursor stays put").await {
                return Ok(ChainPoll::Failed);
            }
            report.signals_queued += n;
        }
        report.blocks_read += read.headers.len() as u32;
        // Written when it carries something a restart must not lose (queued fills, a reorg) or
        // every `chain.cursor_write_every_secs`; in between a restart re-reads a few blocks,
        // whose signals the FIFO de-duplication and the claims make harmless.
        let must_write = !queued.is_empty() || read.reorg.is_some();
        let next = copycat_chain::follow::advance(&cursor, cfg, &read, queued);
        if next != cursor {
            let due = self.chain_written_at.is_none_or(|t| now - t >= copycat_core::time::secs(cfg.cursor_write_every_secs));
            if !(must_write || due || stored.is_none()) {
                self.chain_pending = Some(next);
                return Ok(ChainPoll::Read);
            }
            let key = keys::chain_cursor();
            let written = match &stored {
                None => deps.store.put_if_absent(&key, to_body(&next), None).await,
                Some(v) => deps.store.put_if_version(&key, to_body(&next), v.version, None).await,
            };
            self.chain_pending = None;
            match written {
                Ok(r) => {
                    self.chain_cursor = Some(Some(Versioned { value: next, version: r.version }));
                    self.chain_written_at = Some(now);
                }
                // Another poller moved it (a lease lapsed): read it again next time.
                Err(e) if e.is_conflict() => self.chain_cursor = None,
                Err(e) => return Err(e.into()),
            }
        }
        Ok(ChainPoll::Read)
    }

    /// A queued fill a reorg dropped: refused for good when no copier has claimed it yet (a
    /// completed claim stops any later delivery), reported either way.
    async fn report_reorged(&self, deps: &PollerDeps, lost: &QueuedFill, now: Timestamp) -> Result<(), PollerError> {
        let claim = Claim {
            key: lost.key.clone(),
            owner: self.owner.clone(),
            status: ClaimStatus::Completed {
                result: SignalOutcome::Refused {
                    reason: RefusalReason::Reorged,
                    detail: format!("a reorg dropped block {} holding the fill", lost.block),
                },
            },
        };
        let ttl = Some(now + copycat_core::time::secs(deps.config.queues.claim_ttl_secs));
        let copied = match deps.store.put_if_absent(&keys::claim(&lost.key), to_body(&claim), ttl).await {
            Ok(_) => false,
            Err(e) if e.is_conflict() => true,
            Err(e) => return Err(e.into()),
        };
        tracing::warn!(leader = %lost.leader, key = %lost.key, copied, "a reorg dropped a queued fill");
        deps.metrics.count("FillReorged", 1, &[("leader", lost.leader.as_str())]);
        let event = Event::FillReorged {
            leader: lost.leader.clone(),
            token_id: lost.token_id.clone(),
            transaction_hash: lost.transaction_hash.clone(),
            copied,
        };
        copycat_state::notify(deps, &format!("reorg|{}", lost.key), now, event).await;
        Ok(())
    }

    /// Records the detection source in use; a change is announced once (the poller that wins
    /// the conditional write tells), with a `DetectionFallback` metric when it falls back.
    async fn set_detection(&mut self, deps: &PollerDeps, source: DetectionSource, reason: &str) -> Result<(), PollerError> {
        if self.detection.is_none() {
            self.detection = Some(load::<DetectionState>(deps.store.as_ref(), &keys::detection()).await?);
        }
        let stored = self.detection.clone().flatten();
        let current = stored.as_ref().map_or(DetectionSource::Chain, |v| v.value.source);
        if current == source {
            return Ok(());
        }
        let now = deps.clock.now();
        let state = DetectionState { source, since: now };
        let key = keys::detection();
        let written = match &stored {
            None => deps.store.put_if_absent(&key, to_body(&state), None).await,
            Some(v) => deps.store.put_if_version(&key, to_body(&state), v.version, None).await,
        };
        match written {
            Ok(r) => {
                self.detection = Some(Some(Versioned { value: state, version: r.version }));
                if source == DetectionSource::DataApi {
                    deps.metrics.count("DetectionFallback", 1, &[]);
                    tracing::warn!(reason, "fill detection falls back to the Data API");
                } else {
                    tracing::info!("fill detection is back on the chain");
                }
                let cause = format!("detection|{}", now.timestamp_millis());
                copycat_state::notify(deps, &cause, now, Event::DetectionSwitched { source, reason: reason.to_string() }).await;
            }
            Err(e) if e.is_conflict() => self.detection = None,
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    /// The completeness check of one leader, when due: its trades from where the last check
    /// stopped to `reconcile_grace_secs` ago are read again, and each without a signal claim is
    /// a trade the polls missed — recorded once under `MISSED`, counted (`MissedTrade`) and
    /// queued as a signal so it still gets an outcome. Due once the unchecked span reaches
    /// `reconcile_every_secs`: one Data API read per leader per that interval.
    async fn reconcile_wallet(
        &mut self,
        deps: &PollerDeps,
        (wallet, since): (&Wallet, Timestamp),
        gate: &mut BreakerGate,
        report: &mut PollReport,
    ) -> Result<(), PollerError> {
        let cfg = &deps.config.poller;
        if !self.reconciled.contains_key(wallet) {
            let r = load::<Reconciled>(deps.store.as_ref(), &keys::reconciled(wallet)).await?;
            self.reconciled.insert(wallet.clone(), r);
        }
        let stored = self.reconciled.get(wallet).cloned().flatten();
        let from = stored.as_ref().map(|v| v.value.until).unwrap_or(since).max(since);
        let now = deps.clock.now();
        let settled = now - copycat_core::time::secs(cfg.reconcile_grace_secs);
        if settled - from < copycat_core::time::secs(cfg.reconcile_every_secs) {
            return Ok(());
        }
        let limit = cfg.max_trades_per_poll as usize;
        let read = match gate.call(deps, deps.market.wallet_trades(wallet, Some(from), limit)).await {
            Ok(t) => t,
            Err(e) => {
                tracing::warn!(%wallet, error = %e, "could not reconcile leader trades; the next pass retries");
                return Ok(());
            }
        };
        // A full answer ends at a whole second: check up to it and take the rest next time.
        let until = match read.iter().map(|t| t.timestamp).max() {
            Some(last) if read.len() >= limit => settled.min(last + Span::seconds(1)),
            _ => settled,
        };
        let window: Vec<Trade> = read.into_iter().filter(|t| t.timestamp >= from && t.timestamp < until && &t.wallet == wallet).collect();
        let (window, keys) = keyed_trades(&window);
        let checked: Vec<(&Trade, &SignalKey)> = window.iter().zip(&keys).filter(|(t, _)| !is_combo_condition(&t.condition_id)).collect();
        let claims: Vec<Key> = checked.iter().map(|(_, k)| keys::claim(k)).collect();
        let found = deps.store.get_many(&claims).await?;
        let mut messages = Vec::new();
        let mut new_misses = 0u32;
        for ((t, k), claim) in checked.iter().zip(found) {
            if claim.is_some() {
                continue;
            }
            let missed =
                MissedTrade { key: (*k).clone(), leader: wallet.clone(), token_id: t.asset.clone(), leader_at: t.timestamp, found_at: now };
            match deps.store.put_if_absent(&keys::missed(t.timestamp, k), to_body(&missed), None).await {
                Ok(_) => {
                    new_misses += 1;
                    tracing::warn!(%wallet, key = %k, traded_at = %t.timestamp, "trade missed by the polls; queued now");
                }
                // Found by an earlier pass whose queueing failed: queue it again, count it once.
                Err(e) if e.is_conflict() => {}
                Err(e) => return Err(e.into()),
            }
            messages.push(signal_message(wallet, t, k, now));
        }
        if !queue_all(deps, wallet, messages, "the next reconciliation retries").await {
            return Ok(());
        }
        if new_misses > 0 {
            deps.metrics.count("MissedTrade", u64::from(new_misses), &[("leader", wallet.as_str())]);
        }
        report.leaders_reconciled += 1;
        report.missed_found += new_misses;
        let version = stored.map(|v| v.version);
        write_cached(deps, &mut self.reconciled, wallet, &keys::reconciled(wallet), Reconciled { until }, version).await?;
        Ok(())
    }

    async fn cursor(&mut self, deps: &PollerDeps, wallet: &Wallet, since: Timestamp) -> Result<(Cursor, Option<u64>), PollerError> {
        if !self.cursors.contains_key(wallet) {
            let c = load::<Cursor>(deps.store.as_ref(), &keys::cursor(wallet)).await?;
            self.cursors.insert(wallet.clone(), c);
        }
        let stored = self.cursors.get(wallet).cloned().flatten();
        let version = stored.as_ref().map(|v| v.version);
        // A leader followed again after a gap starts from its new `since`, not from old trades.
        let cursor = match stored {
            Some(v) if v.value.last_ts >= since => v.value,
            _ => Cursor { last_ts: since, keys_at_last_ts: vec![] },
        };
        Ok((cursor, version))
    }

    async fn poll_wallet(
        &mut self,
        deps: &PollerDeps,
        gate: &mut BreakerGate,
        wallet: &Wallet,
        since: Timestamp,
        report: &mut PollReport,
    ) -> Result<WalletPoll, PollerError> {
        let (cursor, version) = self.cursor(deps, wallet, since).await?;
        let limit = deps.config.poller.max_trades_per_poll as usize;
        let trades = match gate.call(deps, deps.market.wallet_trades(wallet, Some(cursor.last_ts), limit)).await {
            Ok(t) => t,
            Err(GateError::Open { .. }) => return Ok(WalletPoll::Failed),
            Err(GateError::Call(e)) => {
                tracing::warn!(%wallet, error = %e, "could not read leader trades");
                return Ok(WalletPoll::Failed);
            }
        };
        let full_page = trades.len() >= limit;
        let trades: Vec<Trade> = trades.into_iter().filter(|t| t.timestamp >= cursor.last_ts && &t.wallet == wallet).collect();
        let Some(last_ts) = trades.iter().map(|t| t.timestamp).max() else { return Ok(WalletPoll::Done) };
        let (trades, keys) = keyed_trades(&trades);
        let now = deps.clock.now();
        let mut messages = Vec::new();
        for (t, k) in trades.iter().zip(&keys) {
            if t.timestamp == cursor.last_ts && cursor.keys_at_last_ts.contains(k) {
                continue;
            }
            if is_combo_condition(&t.condition_id) {
                report.combo_skipped += 1;
                continue;
            }
            messages.push(signal_message(wallet, t, k, now));
        }
        let queued = messages.len() as u32;
        if !queue_all(deps, wallet, messages, "cursor stays put").await {
            return Ok(WalletPoll::Failed);
        }
        report.signals_queued += queued;
        let at_last: Vec<_> = trades.iter().zip(&keys).filter(|(t, _)| t.timestamp == last_ts).map(|(_, k)| k.clone()).collect();
        let next = Cursor { last_ts, keys_at_last_ts: at_last };
        if next != cursor && !write_cached(deps, &mut self.cursors, wallet, &keys::cursor(wallet), next, version).await? {
            return Ok(WalletPoll::Done);
        }
        Ok(if full_page { WalletPoll::MorePages } else { WalletPoll::Done })
    }
}

/// A leader trade as a message on the signals queue (its leader's FIFO group, de-duplicated by key).
fn signal_message(wallet: &Wallet, trade: &Trade, key: &SignalKey, seen_at: Timestamp) -> OutMessage {
    let signal = Signal { key: key.clone(), leader: wallet.clone(), trade: trade.clone(), seen_at };
    OutMessage::fifo(serde_json::to_string(&signal).unwrap_or_default(), wallet.as_str(), key.as_str())
}

/// Queues every message; false (logged, with what happens `then`) when any was not queued. A
/// retry re-sends them all: FIFO de-duplication and the copier's claims make repeats harmless.
async fn queue_all(deps: &PollerDeps, wallet: &Wallet, messages: Vec<OutMessage>, then: &str) -> bool {
    if messages.is_empty() {
        return true;
    }
    match deps.signals.send_all(messages).await {
        Ok(failures) if failures.is_empty() => true,
        Ok(failures) => {
            tracing::warn!(%wallet, failed = failures.len(), "some signals not queued; {then}");
            false
        }
        Err(e) => {
            tracing::warn!(%wallet, error = %e, "signals not queued; {then}");
            false
        }
    }
}

/// Writes one of a leader's poller records over the `version` this loop holds (creating it when
/// None) and keeps it in `cache`. False when another poller moved it (a lease lapsed): the
/// cached copy is dropped and re-read next time.
async fn write_cached<T: Serialize>(
    deps: &PollerDeps,
    cache: &mut HashMap<Wallet, Option<Versioned<T>>>,
    wallet: &Wallet,
    key: &Key,
    value: T,
    version: Option<u64>,
) -> Result<bool, PollerError> {
    let written = match version {
        None => deps.store.put_if_absent(key, to_body(&value), None).await,
        Some(v) => deps.store.put_if_version(key, to_body(&value), v, None).await,
    };
    match written {
        Ok(r) => {
            cache.insert(wallet.clone(), Some(Versioned { value, version: r.version }));
            Ok(true)
        }
        Err(e) if e.is_conflict() => {
            cache.remove(wallet);
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

enum WalletPoll {
    Done,
    MorePages,
    Failed,
}

/// The lease record's body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lease {
    /// Holder.
    pub owner: String,
    /// Valid until.
    pub until: Timestamp,
}

/// Takes the polling lease until `until`, if it is free or expired. Returns its version.
pub async fn acquire_lease(deps: &PollerDeps, owner: &str, until: Timestamp) -> Result<Option<u64>, StoreError> {
    let key = keys::poller_lease();
    let lease = Lease { owner: owner.to_string(), until };
    match deps.store.put_if_absent(&key, to_body(&lease), None).await {
        Ok(r) => Ok(Some(r.version)),
        Err(StoreError::Conflict { current: Some(cur), .. }) => {
            let held: Lease = copycat_state::decode(&cur)?.value;
            if held.until > deps.clock.now() && held.owner != owner {
                return Ok(None);
            }
            match deps.store.put_if_version(&key, to_body(&lease), cur.version, None).await {
                Ok(r) => Ok(Some(r.version)),
                Err(e) if e.is_conflict() => Ok(None),
                Err(e) => Err(e),
            }
        }
        Err(e) if e.is_conflict() => Ok(None),
        Err(e) => Err(e),
    }
}

/// The Lambda handler: loop until shortly before the deadline (or `max_polls`).
pub async fn handle(event: LambdaEvent<PollerInput>, deps: &PollerDeps) -> Result<PollReport, PollerError> {
    let cfg = &deps.config.poller;
    let interval = std::time::Duration::from_millis(cfg.poll_interval_ms);
    let owner =
        if event.context.request_id.is_empty() { format!("poller-{}", std::process::id()) } else { event.context.request_id.clone() };
    let deadline = if event.context.deadline == 0 { None } else { Some(event.context.deadline()) };
    let lease_until = deps.clock.now() + copycat_core::time::secs(cfg.lease_secs);
    let mut total = PollReport::default();
    let Some(lease_version) = acquire_lease(deps, &owner, lease_until).await? else {
        total.lease_busy = true;
        return Ok(total);
    };
    let mut poller = Poller::new(owner);
    let max = event.payload.max_polls.unwrap_or(u32::MAX);
    let margin = std::time::Duration::from_millis(cfg.deadline_margin_ms);
    while total.polls < max {
        let r = poller.poll_once(deps).await?;
        total.add(&r);
        let Some(deadline) = deadline else { break };
        let left = deadline.duration_since(std::time::SystemTime::now()).unwrap_or_default();
        if left < interval + margin || total.polls >= max {
            break;
        }
        tokio::time::sleep(interval).await;
    }
    if let Err(e) = deps.store.delete_if_version(&keys::poller_lease(), lease_version).await {
        tracing::debug!(error = %e, "lease not released; it will expire");
    }
    Ok(total)
}
