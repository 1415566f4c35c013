//! Redemption of our winning positions in resolved markets, exactly once (live mode with a
//! chain node and a key; paper settles at resolution without a transaction, in `mark_portfolio`).
//!
//! One redemption per market (`REDEMPTION/CONDITION#<id>`), created with one put-if-absent that
//! already holds the *signed* transaction, before it is broadcast. Whoever finds it later (the
//! next check, or a check after a crash between send and receipt) broadcasts those same bytes
//! again and follows their receipt: a redemption never gets a second transaction. The payout is
//! booked in the same transaction that marks the record redeemed, so it is booked once. A
//! reverted transaction, or one whose nonce another transaction took, is marked failed, nothing
//! is booked, and the operator is told what to do. One health check redeems at a time (a lease),
//! and no new redemption is signed while one is in flight, so two never share a nonce.

use crate::{HealthDeps, HealthError, HealthReport};
use copycat_core::Usd;
use copycat_core::events::Event;
use copycat_core::market::MarketInfo;
use copycat_core::money::Price;
use copycat_core::portfolio::settle;
use copycat_core::ports::{ChainRpc, RedeemError, Redeemer, RedemptionTarget, SignedRedemption, StoreError, TxReceipt};
use copycat_core::records::{PortfolioState, Position, Redemption, RedemptionStatus, keys};
use copycat_core::report;
use copycat_core::store::Write;
use copycat_core::time::{Span, Timestamp};
use copycat_state::{BreakerGate, GateError, StateError, Versioned, decode, load, notify, to_body};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the health check may use on chain. Both absent: no node (`chain.rpc_url` empty), and
/// resolved positions settle at resolution without a transaction, as in paper.
#[derive(Clone, Default)]
pub struct ChainDeps {
    /// The node, probed each check when `chain.rpc_url` is set.
    pub rpc: Option<Arc<dyn ChainRpc>>,
    /// Redeems winning positions on chain (live mode, a node and a key).
    pub redeemer: Option<Arc<dyn Redeemer>>,
}

impl ChainDeps {
    /// Whether winners wait for an on-chain redemption instead of settling at resolution.
    pub fn redeems(&self, deps: &HealthDeps) -> bool {
        self.redeemer.is_some() && deps.config.redemption.enabled
    }
}

/// A winning position found in a resolved market, to be redeemed.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The market.
    pub market: MarketInfo,
    /// Our token in it.
    pub token_id: String,
    /// What it settles at.
    pub price: Price,
}

/// The redemption lease's body.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Lease {
    owner: String,
    expires_at: Timestamp,
}

/// What following a recorded transaction came to.
enum Followed {
    /// Booked or failed: final.
    Done,
    /// Still in flight: the next check follows it again.
    Pending,
}

/// Redeems what `resolved` holds and follows redemptions already in flight. Returns whether a
/// payout was booked (the portfolio changed).
pub async fn redeem_resolved(
    deps: &HealthDeps,
    chain: &ChainDeps,
    resolved: Vec<Resolved>,
    report: &mut HealthReport,
) -> Result<bool, HealthError> {
    let Some(redeemer) = chain.redeemer.as_deref() else { return Ok(false) };
    if !deps.config.redemption.enabled {
        return Ok(false);
    }
    let records = deps.store.query(keys::REDEMPTION_PK, keys::REDEMPTION_PREFIX).await?;
    let mut known: BTreeMap<String, Versioned<Redemption>> = BTreeMap::new();
    for r in &records {
        match decode::<Redemption>(r) {
            Ok(v) => {
                known.insert(v.value.condition_id.clone(), v);
            }
            Err(e) => tracing::warn!(key = %r.key, error = %e, "unreadable redemption record skipped"),
        }
    }
    let in_flight: Vec<Versioned<Redemption>> = known.values().filter(|v| v.value.in_flight()).cloned().collect();
    let mut by_condition: BTreeMap<String, (MarketInfo, Vec<(String, Price)>)> = BTreeMap::new();
    for r in resolved {
        if known.contains_key(&r.market.condition_id) {
            continue;
        }
        by_condition.entry(r.market.condition_id.clone()).or_insert_with(|| (r.market.clone(), Vec::new())).1.push((r.token_id, r.price));
    }
    if in_flight.is_empty() && by_condition.is_empty() {
        return Ok(false);
    }
    let now = deps.clock.now();
    let Some(lease_version) = take_lease(deps, now).await? else {
        tracing::info!("another health check holds the redemption lease; it redeems");
        return Ok(false);
    };
    let mut gate = BreakerGate::read(deps, copycat_core::dependency::Dependency::Chain, "health-check").await;
    let mut booked = false;
    let mut pending = false;
    for record in in_flight {
        match follow(deps, redeemer, &mut gate, record, report, &mut booked).await? {
            Followed::Done => {}
            Followed::Pending => pending = true,
        }
    }
    let mut started = 0;
    for (condition_id, (market, settlements)) in by_condition {
        if pending || started >= deps.config.redemption.max_per_check {
            // One transaction in flight at a time: the next nonce is only known once it is mined.
            report.redemptions_waiting.push(condition_id);
            continue;
        }
        let Some(first) = settlements.first().map(|(t, _)| t.clone()) else { continue };
        let mut clob = BreakerGate::read(deps, copycat_core::dependency::Dependency::Clob, "health-check").await;
        let neg_risk = match clob.call(deps, deps.market.neg_risk(&first)).await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(%condition_id, error = %e, "neg-risk flag unknown; the redemption waits for the next check");
                report.redemptions_waiting.push(condition_id);
                continue;
            }
        };
        let target = RedemptionTarget { condition_id: condition_id.clone(), neg_risk };
        let tx = match chain_call(deps, &mut gate, redeemer.sign(&target)).await {
            Ok(tx) => tx,
            Err(ChainCall::Gate(e)) => {
                tracing::warn!(%condition_id, error = %e, "chain breaker open; redemptions wait");
                report.redemptions_waiting.push(condition_id);
                pending = true;
                continue;
            }
            Err(ChainCall::Redeem(e)) => {
                refused(deps, &market, &e, now, report).await;
                if matches!(e, RedeemError::Chain(_)) {
                    pending = true; // the node is failing: try the rest next check
                }
                continue;
            }
        };
        let record = Redemption {
            condition_id: condition_id.clone(),
            market: market.question.clone(),
            settlements,
            status: RedemptionStatus::Sent { tx: tx.clone() },
            created_at: now,
            updated_at: now,
        };
        // The claim and the record of what is about to be sent, in one conditional write.
        let version = match deps.store.put_if_absent(&keys::redemption(&condition_id), to_body(&record), None).await {
            Ok(r) => r.version,
            Err(e) if e.is_conflict() => continue, // another check created it first; it follows it
            Err(e) => return Err(e.into()),
        };
        started += 1;
        tracing::info!(%condition_id, hash = %tx.hash, nonce = tx.nonce, "redemption signed and recorded; sending");
        match follow(deps, redeemer, &mut gate, Versioned { value: record, version }, report, &mut booked).await? {
            Followed::Done => {}
            Followed::Pending => pending = true,
        }
    }
    if let Err(e) = deps.store.delete_if_version(&keys::redemption_lease(), lease_version).await {
        tracing::warn!(error = %e, "redemption lease not released; it expires by itself");
    }
    Ok(booked)
}

/// A redemption that cannot be signed: told once per market and reason (the notification id),
/// nothing recorded, so a fixed set-up redeems at the next check.
async fn refused(deps: &HealthDeps, market: &MarketInfo, e: &RedeemError, now: Timestamp, report: &mut HealthReport) {
    let condition_id = market.condition_id.clone();
    match e {
        RedeemError::Chain(c) => {
            tracing::warn!(%condition_id, error = %c, "chain node failed; the redemption waits for the next check");
            report.redemptions_waiting.push(condition_id);
        }
        RedeemError::OverCap { reason } => {
            tracing::warn!(%condition_id, %reason, "redemption over the gas caps; it waits for the next check");
            report.redemptions_waiting.push(condition_id);
        }
        RedeemError::Refused { reason } | RedeemError::WouldRevert { reason } => {
            let kind = if matches!(e, RedeemError::Refused { .. }) { "refused" } else { "would-revert" };
            let event =
                Event::RedemptionFailed { market: market.question.clone(), condition_id: condition_id.clone(), reason: e.to_string() };
            notify(deps, &format!("redeem-{kind}|{condition_id}|{reason}"), now, event).await;
            report.redemptions_failed.push(format!("{condition_id}: {e}"));
        }
    }
}

enum ChainCall {
    Gate(GateError),
    Redeem(RedeemError),
}

/// One call on the node under the `chain` breaker: a node failure counts, an answer does not.
async fn chain_call<T>(
    deps: &HealthDeps,
    gate: &mut BreakerGate,
    call: impl Future<Output = Result<T, RedeemError>>,
) -> Result<T, ChainCall> {
    gate.admit(deps, deps.clock.now()).await.map_err(ChainCall::Gate)?;
    let result = call.await;
    let outcome = match &result {
        Err(RedeemError::Chain(e)) if e.counts_as_failure() => Err(e.to_string()),
        _ => Ok(()),
    };
    gate.record(deps, deps.clock.now(), outcome.as_ref().map(|_| ()).map_err(String::as_str)).await;
    result.map_err(ChainCall::Redeem)
}

/// Broadcasts a recorded transaction (again) and follows its receipt: books it, fails it, or
/// leaves it in flight.
async fn follow(
    deps: &HealthDeps,
    redeemer: &dyn Redeemer,
    gate: &mut BreakerGate,
    record: Versioned<Redemption>,
    report: &mut HealthReport,
    booked: &mut bool,
) -> Result<Followed, HealthError> {
    let RedemptionStatus::Sent { tx } = &record.value.status else { return Ok(Followed::Done) };
    let condition_id = record.value.condition_id.clone();
    let waiting = |report: &mut HealthReport| report.redemptions_waiting.push(condition_id.clone());
    // Read before waiting: a nonce already mined before the wait whose hash still has no
    // receipt after it went to another transaction.
    let mined_before = match chain_call(deps, gate, redeemer.mined_nonce(&tx.from)).await {
        Ok(n) => n,
        Err(_) => {
            waiting(report);
            return Ok(Followed::Pending);
        }
    };
    match chain_call(deps, gate, redeemer.broadcast(tx)).await {
        Ok(()) => {}
        Err(ChainCall::Redeem(RedeemError::Chain(e))) if !e.counts_as_failure() => {
            // The node answered with a reason (e.g. not enough POL for gas): the same bytes are
            // offered again next check; the receipt below still says if it was mined.
            tracing::warn!(%condition_id, hash = %tx.hash, error = %e, "node refused the broadcast");
        }
        Err(_) => {
            waiting(report);
            return Ok(Followed::Pending);
        }
    }
    let receipt = match chain_call(deps, gate, redeemer.await_receipt(tx)).await {
        Ok(r) => r,
        Err(_) => {
            waiting(report);
            return Ok(Followed::Pending);
        }
    };
    let now = deps.clock.now();
    match receipt {
        Some(r) if r.success => {
            book(deps, &record, tx, &r, report, booked).await?;
            Ok(Followed::Done)
        }
        Some(r) => {
            let reason = format!(
                "transaction {} reverted in block {}: nothing booked, the position stays open. Check that the wallet holds the tokens \
                 and has approved the collateral adapter on the Conditional Tokens contract (setApprovalForAll), then delete the \
                 record REDEMPTION / CONDITION#{condition_id} to redeem again",
                r.hash, r.block
            );
            fail(deps, &record, tx, reason, now, report).await?;
            Ok(Followed::Done)
        }
        None if mined_before > tx.nonce => {
            let reason = format!(
                "nonce {} of {} is spent but {} has no receipt after redemption.receipt_wait_ms: another transaction from the \
                 key took the nonce (or the node lost the receipt). Nothing booked, and it is not re-signed by itself (never two \
                 transactions for one redemption). Look the hash up on a block explorer, then delete the record REDEMPTION / \
                 CONDITION#{condition_id}: the next check redeems again (a redemption of tokens already redeemed pays nothing and \
                 succeeds, so the payout is then booked once either way)",
                tx.nonce, tx.from, tx.hash
            );
            fail(deps, &record, tx, reason, now, report).await?;
            Ok(Followed::Done)
        }
        None => {
            tracing::info!(%condition_id, hash = %tx.hash, "no receipt yet; the next check broadcasts the same transaction and looks again");
            waiting(report);
            Ok(Followed::Pending)
        }
    }
}

/// Marks a redemption failed (nothing booked) and tells the operator.
async fn fail(
    deps: &HealthDeps,
    record: &Versioned<Redemption>,
    tx: &SignedRedemption,
    reason: String,
    now: Timestamp,
    report: &mut HealthReport,
) -> Result<(), HealthError> {
    let mut next = record.value.clone();
    next.status = RedemptionStatus::Failed { hash: tx.hash.clone(), reason: reason.clone() };
    next.updated_at = now;
    match deps.store.put_if_version(&keys::redemption(&next.condition_id), to_body(&next), record.version, None).await {
        Ok(_) => {}
        Err(e) if e.is_conflict() => return Ok(()), // another check settled it
        Err(e) => return Err(e.into()),
    }
    deps.metrics.count("RedemptionFailed", 1, &[]);
    let event = Event::RedemptionFailed { market: next.market.clone(), condition_id: next.condition_id.clone(), reason };
    notify(deps, &format!("redeem-failed|{}", tx.hash), now, event).await;
    report.redemptions_failed.push(next.condition_id);
    Ok(())
}

/// Books the payout of a mined redemption: the positions settle into the portfolio, the
/// settlement rows go to the report's ledger, and the record becomes `REDEEMED`, all in one
/// transaction (re-read and re-done on a conflict), so the payout is booked once.
async fn book(
    deps: &HealthDeps,
    record: &Versioned<Redemption>,
    tx: &SignedRedemption,
    receipt: &TxReceipt,
    report: &mut HealthReport,
    booked: &mut bool,
) -> Result<(), HealthError> {
    let cfg = &deps.config;
    let key = keys::redemption(&record.value.condition_id);
    for _ in 0..copycat_state::MAX_ATTEMPTS {
        let now = deps.clock.now();
        let Some(current) = load::<Redemption>(deps.store.as_ref(), &key).await? else { return Ok(()) };
        if !matches!(&current.value.status, RedemptionStatus::Sent { tx: t } if t.hash == tx.hash) {
            return Ok(()); // settled by another check
        }
        let stored = load::<PortfolioState>(deps.store.as_ref(), &keys::portfolio()).await?;
        let mut p = stored.as_ref().map(|v| v.value.clone()).unwrap_or_else(|| PortfolioState::new(cfg.trading.starting_balance, now));
        let position_keys: Vec<_> = current.value.settlements.iter().map(|(t, _)| keys::position(t)).collect();
        let positions = deps.store.get_many(&position_keys).await?;
        let mut writes = Vec::new();
        let mut payout = Usd::ZERO;
        for ((_, price), rec) in current.value.settlements.iter().zip(&positions) {
            let Some(rec) = rec else { continue }; // sold before the redemption: nothing to book
            let pos: Versioned<Position> = decode(rec)?;
            payout += pos.value.shares * *price;
            p = settle(&p, &pos.value, *price, now);
            writes.push(Write::DeleteIfVersion { key: rec.key.clone(), expected_version: pos.version });
            writes.push(Write::PutIfAbsent {
                key: report::settlement_key(now, &pos.value.token_id),
                body: to_body(&report::Settlement::of(&pos.value, *price, now)),
                expires_at: Some(now + Span::days(i64::from(cfg.report.history_retention_days))),
            });
        }
        let mut next = current.value.clone();
        next.status = RedemptionStatus::Redeemed { hash: receipt.hash.clone(), block: receipt.block, payout };
        next.updated_at = now;
        writes.push(Write::PutIfVersion { key: key.clone(), body: to_body(&next), expected_version: current.version, expires_at: None });
        writes.push(match &stored {
            None => Write::PutIfAbsent { key: keys::portfolio(), body: to_body(&p), expires_at: None },
            Some(v) => Write::PutIfVersion { key: keys::portfolio(), body: to_body(&p), expected_version: v.version, expires_at: None },
        });
        match deps.store.transact(writes).await {
            Ok(()) => {
                *booked = true;
                deps.metrics.count("PositionRedeemed", 1, &[]);
                tracing::info!(condition_id = %next.condition_id, hash = %receipt.hash, %payout, "redeemed and booked");
                let event = Event::PositionRedeemed {
                    market: next.market.clone(),
                    condition_id: next.condition_id.clone(),
                    payout,
                    tx: Some(receipt.hash.clone()),
                };
                notify(deps, &format!("redeemed|{}", receipt.hash), now, event).await;
                report.redeemed.push(next.condition_id);
                return Ok(());
            }
            Err(e) if e.is_conflict() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(HealthError::State(StateError::Contended { key, attempts: copycat_state::MAX_ATTEMPTS }))
}

/// Takes the redemption lease (new, or over an expired one); `None` when another check holds it.
async fn take_lease(deps: &HealthDeps, now: Timestamp) -> Result<Option<u64>, HealthError> {
    let key = keys::redemption_lease();
    let expires_at = now + copycat_core::time::secs(deps.config.redemption.lease_secs);
    let lease = Lease { owner: format!("health-check@{}", now.timestamp_millis()), expires_at };
    let gc = Some(expires_at + Span::days(1));
    match deps.store.put_if_absent(&key, to_body(&lease), gc).await {
        Ok(r) => Ok(Some(r.version)),
        Err(StoreError::Conflict { current: Some(rec), .. }) => {
            let held: Versioned<Lease> = decode(&rec)?;
            if held.value.expires_at > now {
                return Ok(None);
            }
            match deps.store.put_if_version(&key, to_body(&lease), held.version, gc).await {
                Ok(r) => Ok(Some(r.version)),
                Err(e) if e.is_conflict() => Ok(None),
                Err(e) => Err(e.into()),
            }
        }
        Err(e) if e.is_conflict() => Ok(None),
        Err(e) => Err(e.into()),
    }
}
