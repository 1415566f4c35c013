//! Breakers on the state table: the pure transitions of `copycat_core::breaker`, persisted only
//! when they change something, each change a conditional write on the record's version.

use crate::deps::{Reporting, notify};
use crate::typed::{Versioned, load, to_body};
use copycat_core::breaker::{self, Admission, BreakerState, Phase, Transition};
use copycat_core::dependency::Dependency;
use copycat_core::events::Event;
use copycat_core::ports::{MarketError, StoreError};
use copycat_core::records::keys;
use copycat_core::time::Timestamp;
use std::future::Future;

/// Why a guarded call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GateError {
    /// The breaker is open: the call was not made.
    #[error("{dependency} breaker is open until {retry_at}")]
    Open {
        /// Which dependency.
        dependency: Dependency,
        /// When a probe may next be tried.
        retry_at: Timestamp,
    },
    /// The call was made and failed.
    #[error("{0}")]
    Call(#[from] MarketError),
}

/// One dependency's breaker as seen by one worker: read once, then admit and record many calls.
/// The healthy path (closed, no failures, success) writes nothing.
#[derive(Clone, Debug)]
pub struct BreakerGate {
    dependency: Dependency,
    owner: String,
    seen: Option<Versioned<BreakerState>>,
}

/// Outcome of a guarded call.
pub type Guarded<T> = Result<T, GateError>;

impl BreakerGate {
    /// Reads the breaker. A store that cannot be read fails open (treated as CLOSED) and says
    /// so: the breaker must not become the outage.
    pub async fn read(deps: &Reporting, dependency: Dependency, owner: &str) -> Self {
        let seen = match load::<BreakerState>(deps.store.as_ref(), &keys::breaker(dependency)).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(%dependency, error = %e, "breaker state unreadable; treating it as closed");
                None
            }
        };
        BreakerGate { dependency, owner: owner.to_string(), seen }
    }

    /// A gate over a record already read (e.g. by a batched `get_many`).
    pub fn from_seen(dependency: Dependency, owner: &str, seen: Option<Versioned<BreakerState>>) -> Self {
        BreakerGate { dependency, owner: owner.to_string(), seen }
    }

    fn state(&self) -> BreakerState {
        self.seen.as_ref().map(|v| v.value.clone()).unwrap_or_else(|| BreakerState::closed(self.dependency))
    }

    /// The phase as last seen.
    pub fn phase(&self) -> Phase {
        self.seen.as_ref().map(|v| v.value.phase).unwrap_or_default()
    }

    /// Whether a call may go ahead now; may elect this worker as the half-open probe (one
    /// conditional write — only one worker wins).
    pub async fn admit(&mut self, deps: &Reporting, now: Timestamp) -> Result<(), GateError> {
        let state = self.state();
        match breaker::admit(&state, &self.owner, now, &deps.config.breaker) {
            Admission::Proceed => Ok(()),
            Admission::Refuse { retry_at } => Err(GateError::Open { dependency: self.dependency, retry_at }),
            Admission::ElectProbe { elected } => {
                let Some(seen) = &self.seen else { return Ok(()) };
                let key = keys::breaker(self.dependency);
                match deps.store.put_if_version(&key, to_body(&elected), seen.version, None).await {
                    Ok(r) => {
                        self.seen = Some(Versioned { value: elected, version: r.version });
                        Ok(())
                    }
                    Err(StoreError::Conflict { current, .. }) => {
                        self.seen = current.and_then(|r| crate::typed::decode(&r).ok());
                        let retry_at = now + copycat_core::time::secs(deps.config.breaker.probe_timeout_secs);
                        Err(GateError::Open { dependency: self.dependency, retry_at })
                    }
                    Err(e) => {
                        tracing::warn!(dependency = %self.dependency, error = %e, "could not elect breaker probe; failing open");
                        Ok(())
                    }
                }
            }
        }
    }

    /// Records a call's outcome. Writes only a change; a conflict re-reads and re-decides.
    /// Transitions emit their metric line and notification. Never fails the caller: the
    /// protected call's own error is what the caller reports.
    pub async fn record(&mut self, deps: &Reporting, now: Timestamp, outcome: Result<(), &str>) -> Option<Transition> {
        let cfg = deps.config.breaker.clone();
        let key = keys::breaker(self.dependency);
        for _ in 0..crate::typed::MAX_ATTEMPTS {
            let state = self.state();
            let next = match outcome {
                Ok(()) => breaker::on_success(&state, &self.owner),
                Err(e) => breaker::on_failure(&state, &self.owner, e, now, &cfg),
            };
            let (next, transition) = next?;
            let written = match &self.seen {
                None => deps.store.put_if_absent(&key, to_body(&next), None).await,
                Some(v) => deps.store.put_if_version(&key, to_body(&next), v.version, None).await,
            };
            match written {
                Ok(r) => {
                    self.seen = Some(Versioned { value: next.clone(), version: r.version });
                    if let Some(t) = transition {
                        self.announce(deps, t, &next, now).await;
                    }
                    return transition;
                }
                Err(StoreError::Conflict { current, .. }) => {
                    self.seen = current.and_then(|r| crate::typed::decode(&r).ok());
                }
                Err(e) => {
                    tracing::warn!(dependency = %self.dependency, error = %e, "could not record breaker outcome");
                    return None;
                }
            }
        }
        None
    }

    async fn announce(&self, deps: &Reporting, t: Transition, s: &BreakerState, now: Timestamp) {
        let dep = self.dependency.as_str();
        let cause = format!("{dep}|{}|{}", s.trips, s.recoveries);
        match t {
            Transition::Tripped => {
                deps.metrics.count("BreakerTripped", 1, &[("Breaker", dep)]);
                let last_error = s.last_error.clone().unwrap_or_default();
                notify(
                    deps,
                    &cause,
                    now,
                    Event::BreakerOpened { dependency: self.dependency, failures: s.consecutive_failures, last_error },
                )
                .await;
            }
            Transition::Recovered => {
                deps.metrics.count("BreakerClosed", 1, &[("Breaker", dep)]);
                notify(deps, &cause, now, Event::BreakerClosed { dependency: self.dependency }).await;
            }
        }
    }

    /// Admits, makes the call, and records its outcome (a `NotFound` is not a failure). A failure
    /// that names another dependency (e.g. the CLOB fee lookup inside a Gamma market lookup) is
    /// not this one's: this dependency answered, and the caller records the other's failure.
    pub async fn call<T, F>(&mut self, deps: &Reporting, call: F) -> Guarded<T>
    where
        F: Future<Output = Result<T, MarketError>>,
    {
        let now = deps.clock.now();
        self.admit(deps, now).await?;
        let result = call.await;
        let now = deps.clock.now();
        match &result {
            Ok(_) => {
                self.record(deps, now, Ok(())).await;
            }
            Err(e) if e.counts_as_failure() && e.dependency() == self.dependency => {
                self.record(deps, now, Err(&e.to_string())).await;
            }
            Err(_) => {
                self.record(deps, now, Ok(())).await;
            }
        }
        result.map_err(GateError::Call)
    }
}
