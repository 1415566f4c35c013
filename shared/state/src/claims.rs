//! The signal claim: exactly-once effect over at-least-once delivery.
//!
//! Claim with one conditional put: the record does not exist, or it is IN_PROGRESS and its
//! expiry (from the invocation deadline) has passed. COMPLETED is final and carries the result.
//! If the work fails before an order is sent, the claim is deleted so a retry re-executes. An
//! order is written into the claim before it is sent; from then on the claim is never released,
//! and whoever takes it over settles that order instead of deciding again.

use crate::typed::{decode, to_body};
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::records::{Claim, ClaimStatus, PendingOrder, SignalOutcome, keys};
use copycat_core::signal::SignalKey;
use copycat_core::store::{Key, Write};
use copycat_core::time::Timestamp;

/// The result of trying to claim a signal.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimOutcome {
    /// We own it (at this record version) until `expires_at`.
    Acquired {
        /// Version of our IN_PROGRESS claim (complete or release with it).
        version: u64,
        /// The order a dead owner had prepared and perhaps sent: settle it, do not decide again.
        pending: Option<PendingOrder>,
    },
    /// Already done: here is the result (a duplicate delivery; do nothing).
    Completed(SignalOutcome),
    /// Someone else is working on it; retry after `until`.
    InProgressElsewhere {
        /// When their claim expires.
        until: Timestamp,
    },
}

/// Claims `key` for `owner` until `expires_at` (which must be after `now`; callers derive it
/// from the invocation deadline and never pass a zero remaining time).
pub async fn claim_signal(
    store: &dyn StateStore,
    key: &SignalKey,
    owner: &str,
    now: Timestamp,
    expires_at: Timestamp,
    gc_at: Timestamp,
) -> Result<ClaimOutcome, StoreError> {
    let rk = keys::claim(key);
    let claim = Claim { key: key.clone(), owner: owner.to_string(), status: ClaimStatus::InProgress { expires_at, order: None } };
    match store.put_if_absent(&rk, to_body(&claim), Some(gc_at)).await {
        Ok(r) => Ok(ClaimOutcome::Acquired { version: r.version, pending: None }),
        Err(StoreError::Conflict { current: Some(current), .. }) => {
            let existing = decode::<Claim>(&current)?;
            match existing.value.status {
                ClaimStatus::Completed { result } => Ok(ClaimOutcome::Completed(result)),
                ClaimStatus::InProgress { expires_at: theirs, .. } if theirs > now => {
                    Ok(ClaimOutcome::InProgressElsewhere { until: theirs })
                }
                ClaimStatus::InProgress { order: pending, .. } => {
                    // Their invocation died: take over, conditional on the version we saw, keeping
                    // the order they may have sent.
                    let claim = Claim { status: ClaimStatus::InProgress { expires_at, order: pending.clone() }, ..claim };
                    match store.put_if_version(&rk, to_body(&claim), existing.version, Some(gc_at)).await {
                        Ok(r) => Ok(ClaimOutcome::Acquired { version: r.version, pending }),
                        Err(StoreError::Conflict { current: Some(now_rec), .. }) => {
                            let v = decode::<Claim>(&now_rec)?;
                            Ok(match v.value.status {
                                ClaimStatus::Completed { result } => ClaimOutcome::Completed(result),
                                ClaimStatus::InProgress { expires_at, .. } => ClaimOutcome::InProgressElsewhere { until: expires_at },
                            })
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
        // Deleted between our put and the read (a release): report as busy, the retry will win.
        Err(StoreError::Conflict { current: None, .. }) => Ok(ClaimOutcome::InProgressElsewhere { until: now }),
        Err(e) => Err(e),
    }
}

/// Writes the order about to be sent into our in-progress claim (conditional on our version),
/// before it is sent; returns the claim's new version. A conflict means the claim is no longer
/// ours: the order must not be sent.
pub async fn record_pending_order(
    store: &dyn StateStore,
    key: &SignalKey,
    owner: &str,
    version: u64,
    expires_at: Timestamp,
    pending: PendingOrder,
    gc_at: Timestamp,
) -> Result<u64, StoreError> {
    let claim = Claim { key: key.clone(), owner: owner.to_string(), status: ClaimStatus::InProgress { expires_at, order: Some(pending) } };
    Ok(store.put_if_version(&keys::claim(key), to_body(&claim), version, Some(gc_at)).await?.version)
}

/// The transaction write that completes our claim with its result (fails if we lost the claim).
pub fn complete_claim_write(key: &SignalKey, owner: &str, version: u64, result: SignalOutcome, gc_at: Timestamp) -> Write {
    let claim = Claim { key: key.clone(), owner: owner.to_string(), status: ClaimStatus::Completed { result } };
    Write::PutIfVersion { key: keys::claim(key), body: to_body(&claim), expected_version: version, expires_at: Some(gc_at) }
}

/// Deletes our in-progress claim so a retry re-executes (the work failed before any effect).
pub async fn release_claim(store: &dyn StateStore, key: &SignalKey, version: u64) -> Result<(), StoreError> {
    match store.delete_if_version(&keys::claim(key), version).await {
        Ok(()) => Ok(()),
        // Someone took it over already: nothing of ours to release.
        Err(e) if e.is_conflict() => Ok(()),
        Err(e) => Err(e),
    }
}

/// The key of a claim record (re-exported for tests and tools).
pub fn claim_key(key: &SignalKey) -> Key {
    keys::claim(key)
}
