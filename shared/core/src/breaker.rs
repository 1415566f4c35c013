//! Circuit breakers for outside dependencies, as pure transitions.
//!
//! CLOSED → OPEN after `failure_threshold` consecutive failures; OPEN for `cooldown_secs`; then
//! exactly one probe is elected (HALF_OPEN) whose result closes or re-opens the breaker. A
//! success on a healthy breaker produces no write. Persisting a returned state is a conditional
//! write on the record's version (see `copycat-state`), so concurrent Lambdas agree.

use crate::config::BreakerConfig;
use crate::dependency::Dependency;
use crate::time::{Timestamp, secs};
use serde::{Deserialize, Serialize};

/// Phase of a breaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Phase {
    /// Calls flow.
    #[default]
    Closed,
    /// Calls are refused until the cooldown passes.
    Open,
    /// One elected probe is testing the dependency.
    HalfOpen,
}

/// A breaker record's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakerState {
    /// Which dependency.
    pub dependency: Dependency,
    /// Current phase.
    pub phase: Phase,
    /// Consecutive failures while closed.
    pub consecutive_failures: u32,
    /// When it last opened.
    pub opened_at: Option<Timestamp>,
    /// Who holds the half-open probe.
    pub probe_owner: Option<String>,
    /// When the probe was elected (another may be elected once it times out).
    pub probe_started_at: Option<Timestamp>,
    /// Last error seen, for operators.
    pub last_error: Option<String>,
    /// Times it has tripped.
    pub trips: u64,
    /// Times it has recovered.
    pub recoveries: u64,
}

impl BreakerState {
    /// A closed breaker with no history.
    pub fn closed(dependency: Dependency) -> Self {
        BreakerState {
            dependency,
            phase: Phase::Closed,
            consecutive_failures: 0,
            opened_at: None,
            probe_owner: None,
            probe_started_at: None,
            last_error: None,
            trips: 0,
            recoveries: 0,
        }
    }
}

/// What a caller may do now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Admission {
    /// Call the dependency.
    Proceed,
    /// The cooldown has passed: try to become the probe by writing `elected` (conditional on
    /// the version read); only the winner calls the dependency.
    ElectProbe {
        /// The state to write to claim the probe.
        elected: BreakerState,
    },
    /// Do not call; the breaker is open until `retry_at` (or a probe is running).
    Refuse {
        /// Earliest time a probe may be elected.
        retry_at: Timestamp,
    },
}

/// A change worth a metric line and a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transition {
    /// CLOSED or HALF_OPEN → OPEN.
    Tripped,
    /// HALF_OPEN → CLOSED.
    Recovered,
}

/// Decides whether a call may go ahead.
pub fn admit(state: &BreakerState, owner: &str, now: Timestamp, cfg: &BreakerConfig) -> Admission {
    match state.phase {
        Phase::Closed => Admission::Proceed,
        Phase::Open => {
            let retry_at = state.opened_at.unwrap_or(now) + secs(cfg.cooldown_secs);
            if now >= retry_at { Admission::ElectProbe { elected: elect(state, owner, now) } } else { Admission::Refuse { retry_at } }
        }
        Phase::HalfOpen => {
            if state.probe_owner.as_deref() == Some(owner) {
                return Admission::Proceed;
            }
            let expires = state.probe_started_at.unwrap_or(now) + secs(cfg.probe_timeout_secs);
            if now >= expires {
                Admission::ElectProbe { elected: elect(state, owner, now) }
            } else {
                Admission::Refuse { retry_at: expires }
            }
        }
    }
}

fn elect(state: &BreakerState, owner: &str, now: Timestamp) -> BreakerState {
    BreakerState { phase: Phase::HalfOpen, probe_owner: Some(owner.to_string()), probe_started_at: Some(now), ..state.clone() }
}

/// The state to write after a successful call, or None when nothing changes (the healthy path).
pub fn on_success(state: &BreakerState, owner: &str) -> Option<(BreakerState, Option<Transition>)> {
    match state.phase {
        Phase::Closed if state.consecutive_failures == 0 => None,
        Phase::Closed => Some((BreakerState { consecutive_failures: 0, ..state.clone() }, None)),
        Phase::HalfOpen if state.probe_owner.as_deref() == Some(owner) => Some((
            BreakerState {
                phase: Phase::Closed,
                consecutive_failures: 0,
                probe_owner: None,
                probe_started_at: None,
                recoveries: state.recoveries + 1,
                ..state.clone()
            },
            Some(Transition::Recovered),
        )),
        // A success that was not the probe's (a call admitted before the trip) changes nothing.
        Phase::HalfOpen | Phase::Open => None,
    }
}

/// The state to write after a failed call, or None when nothing changes.
pub fn on_failure(
    state: &BreakerState,
    owner: &str,
    error: &str,
    now: Timestamp,
    cfg: &BreakerConfig,
) -> Option<(BreakerState, Option<Transition>)> {
    let error: String = error.chars().take(300).collect();
    match state.phase {
        Phase::Closed => {
            let failures = state.consecutive_failures + 1;
            if failures >= cfg.failure_threshold {
                Some((trip(state, failures, error, now), Some(Transition::Tripped)))
            } else {
                Some((BreakerState { consecutive_failures: failures, last_error: Some(error), ..state.clone() }, None))
            }
        }
        // The probe failed: re-open, and remove the owner so a later probe can be elected.
        Phase::HalfOpen if state.probe_owner.as_deref() == Some(owner) => {
            Some((trip(state, state.consecutive_failures, error, now), Some(Transition::Tripped)))
        }
        Phase::HalfOpen | Phase::Open => None,
    }
}

fn trip(state: &BreakerState, failures: u32, error: String, now: Timestamp) -> BreakerState {
    BreakerState {
        phase: Phase::Open,
        consecutive_failures: failures,
        opened_at: Some(now),
        probe_owner: None,
        probe_started_at: None,
        last_error: Some(error),
        trips: state.trips + 1,
        ..state.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Span, from_secs};
    use proptest::prelude::*;

    fn cfg() -> BreakerConfig {
        BreakerConfig::default()
    }

    fn fail_n(mut s: BreakerState, n: u32, now: Timestamp) -> BreakerState {
        for _ in 0..n {
            if let Some((next, _)) = on_failure(&s, "a", "boom", now, &cfg()) {
                s = next;
            }
        }
        s
    }

    #[test]
    fn opens_after_five_consecutive_failures() {
        let now = from_secs(1000);
        let s = fail_n(BreakerState::closed(Dependency::DataApi), 4, now);
        assert_eq!(s.phase, Phase::Closed);
        let (s, t) = on_failure(&s, "a", "boom", now, &cfg()).unwrap();
        assert_eq!((s.phase, t), (Phase::Open, Some(Transition::Tripped)));
        assert_eq!(s.trips, 1);
    }

    #[test]
    fn healthy_path_writes_nothing_and_success_resets_count() {
        let s = BreakerState::closed(Dependency::Clob);
        assert_eq!(on_success(&s, "a"), None);
        let s = fail_n(s, 3, from_secs(0));
        let (s, t) = on_success(&s, "a").unwrap();
        assert_eq!((s.consecutive_failures, t), (0, None));
    }

    #[test]
    fn stays_open_for_the_cooldown_then_elects_one_probe() {
        let opened = from_secs(1000);
        let s = fail_n(BreakerState::closed(Dependency::DataApi), 5, opened);
        assert!(matches!(admit(&s, "a", opened + Span::seconds(59), &cfg()), Admission::Refuse { .. }));
        let Admission::ElectProbe { elected } = admit(&s, "a", opened + Span::seconds(60), &cfg()) else {
            panic!("expected probe election")
        };
        assert_eq!(elected.phase, Phase::HalfOpen);
        // a second caller sees the live probe and is refused
        assert!(matches!(admit(&elected, "b", opened + Span::seconds(61), &cfg()), Admission::Refuse { .. }));
        assert_eq!(admit(&elected, "a", opened + Span::seconds(61), &cfg()), Admission::Proceed);
    }

    #[test]
    fn breaker_reopens_when_probe_fails_and_a_new_probe_can_be_elected() {
        let t0 = from_secs(1000);
        let s = fail_n(BreakerState::closed(Dependency::DataApi), 5, t0);
        let Admission::ElectProbe { elected } = admit(&s, "p", t0 + Span::seconds(60), &cfg()) else { panic!() };
        let (reopened, t) = on_failure(&elected, "p", "still down", t0 + Span::seconds(61), &cfg()).unwrap();
        assert_eq!((reopened.phase, t), (Phase::Open, Some(Transition::Tripped)));
        assert_eq!(reopened.probe_owner, None);
        assert!(matches!(admit(&reopened, "q", t0 + Span::seconds(121), &cfg()), Admission::ElectProbe { .. }));
    }

    #[test]
    fn probe_success_closes() {
        let t0 = from_secs(1000);
        let s = fail_n(BreakerState::closed(Dependency::Gamma), 5, t0);
        let Admission::ElectProbe { elected } = admit(&s, "p", t0 + Span::seconds(60), &cfg()) else { panic!() };
        let (closed, t) = on_success(&elected, "p").unwrap();
        assert_eq!((closed.phase, t, closed.recoveries), (Phase::Closed, Some(Transition::Recovered), 1));
    }

    #[test]
    fn a_stuck_probe_times_out_and_another_is_elected() {
        let t0 = from_secs(1000);
        let s = fail_n(BreakerState::closed(Dependency::Gamma), 5, t0);
        let Admission::ElectProbe { elected } = admit(&s, "p", t0 + Span::seconds(60), &cfg()) else { panic!() };
        assert!(matches!(admit(&elected, "q", t0 + Span::seconds(60 + 30), &cfg()), Admission::ElectProbe { .. }));
    }

    #[derive(Clone, Debug)]
    enum Op {
        Call { owner: u8, ok: bool },
        Wait(u16),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![(0u8..3, any::<bool>()).prop_map(|(owner, ok)| Op::Call { owner, ok }), (0u16..120).prop_map(Op::Wait),]
    }

    proptest! {
        /// Whatever happens, an OPEN breaker only closes through HALF_OPEN, and it only
        /// closes on the elected probe's success.
        #[test]
        fn breaker_never_skips_half_open(ops in proptest::collection::vec(op(), 1..200)) {
            let cfg = cfg();
            let mut now = from_secs(10_000);
            let mut s = BreakerState::closed(Dependency::DataApi);
            for op in ops {
                match op {
                    Op::Wait(secs) => now += Span::seconds(secs as i64),
                    Op::Call { owner, ok } => {
                        let owner = owner.to_string();
                        let mut written = vec![s.clone()];
                        let admitted = match admit(&s, &owner, now, &cfg) {
                            Admission::Proceed => true,
                            Admission::ElectProbe { elected } => { s = elected; written.push(s.clone()); true }
                            Admission::Refuse { .. } => false,
                        };
                        if admitted {
                            let next = if ok { on_success(&s, &owner) } else { on_failure(&s, &owner, "x", now, &cfg) };
                            if let Some((n, _)) = next { s = n; written.push(s.clone()); }
                        }
                        for pair in written.windows(2) {
                            prop_assert!(!(pair[0].phase == Phase::Open && pair[1].phase == Phase::Closed), "OPEN went straight to CLOSED");
                        }
                        if s.phase == Phase::HalfOpen { prop_assert!(s.probe_owner.is_some()); }
                        if s.phase == Phase::Open { prop_assert!(s.probe_owner.is_none()); }
                    }
                }
            }
        }
    }
}
