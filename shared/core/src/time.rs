//! Time as UTC timestamps, and the `Clock` port.
//!
//! Core never reads the system clock: every decision takes `now` as a value. Adapters supply a
//! real clock; simulations supply [`ManualClock`] and move it forward.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::atomic::{AtomicI64, Ordering};

/// A point in time, always UTC.
pub type Timestamp = DateTime<Utc>;

/// A span of time.
pub type Span = TimeDelta;

/// A config duration in seconds as a span (config bounds every duration, so this never saturates
/// in practice; it saturates rather than wraps if it did).
pub fn secs(n: u64) -> Span {
    Span::try_seconds(i64::try_from(n).unwrap_or(i64::MAX)).unwrap_or(Span::MAX)
}

/// A config duration in milliseconds as a span (saturating, like [`secs`]).
pub fn millis(n: u64) -> Span {
    Span::try_milliseconds(i64::try_from(n).unwrap_or(i64::MAX)).unwrap_or(Span::MAX)
}

/// The `Clock` port: where "now" comes from.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> Timestamp;
}

/// The real clock: the one `Clock` every process outside a simulation uses (Lambda binaries,
/// `copycat run`, the venue client). Core's decisions never call it; they take `now`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        chrono::Utc::now()
    }
}

/// A clock that only moves when told to: simulated days run in seconds, cooldowns are tested
/// by advancing it, never by sleeping.
#[derive(Debug)]
pub struct ManualClock {
    millis: AtomicI64,
}

impl ManualClock {
    /// A clock stopped at `start`.
    pub fn new(start: Timestamp) -> Self {
        Self { millis: AtomicI64::new(start.timestamp_millis()) }
    }

    /// Moves the clock forward by `by` (a negative span is ignored: time never runs backwards).
    pub fn advance(&self, by: Span) {
        let ms = by.num_milliseconds().max(0);
        self.millis.fetch_add(ms, Ordering::SeqCst);
    }

    /// Sets the clock to `to` if that is later than now.
    pub fn advance_to(&self, to: Timestamp) {
        self.millis.fetch_max(to.timestamp_millis(), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        from_millis(self.millis.load(Ordering::SeqCst))
    }
}

/// Builds a timestamp from unix milliseconds (out-of-range values clamp to the epoch).
pub fn from_millis(ms: i64) -> Timestamp {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// Builds a timestamp from unix seconds (out-of-range values clamp to the epoch).
pub fn from_secs(secs: i64) -> Timestamp {
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_never_runs_backwards() {
        let c = ManualClock::new(from_secs(1_000));
        c.advance(Span::seconds(5));
        c.advance(Span::seconds(-100));
        c.advance_to(from_secs(10));
        assert_eq!(c.now(), from_secs(1_005));
    }
}
