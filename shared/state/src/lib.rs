//! copycat-state: typed records over the `StateStore` port, and the conditional-write protocols
//! that make concurrent handlers agree — signal claims, breakers, mode transitions, cursors,
//! the followed set, the kill switch, milestones — plus what handlers run on, by capability ([`Base`], [`Reporting`], [`Sender`]).

mod batch;
mod breakers;
mod claims;
mod deps;
mod typed;

pub use batch::{Delivery, MissingMessageId, for_each_message};
pub use breakers::{BreakerGate, GateError, Guarded};
pub use claims::{ClaimOutcome, claim_key, claim_signal, complete_claim_write, record_pending_order, release_claim};
pub use deps::{Base, CounterMetrics, Outbox, Reporting, Sender, notify};
pub use typed::{MAX_ATTEMPTS, StateError, Versioned, decode, load, load_many_typed, put_new, put_versioned, to_body, update_with_retry};
