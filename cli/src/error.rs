//! The CLI's errors: typed by where they came from, each keeping its cause as `source()`, printed
//! as the whole chain, and mapped to an exit code an operator's script can act on.

use copycat_core::config::ConfigError;
use copycat_core::ports::{BrokerError, MarketError, QueueError, StoreError};
use std::error::Error;
use std::process::ExitCode;

/// Exit code of a failure with no more specific class.
pub const EXIT_FAILURE: u8 = 1;
/// The config file or an override is invalid (sysexits `EX_CONFIG`).
pub const EXIT_CONFIG: u8 = 78;
/// The venue, the state store, a queue or the AWS emulator could not be reached; retrying may
/// help (sysexits `EX_UNAVAILABLE`).
pub const EXIT_UNAVAILABLE: u8 = 69;
/// The venue or CopyCat's own guards refused (geoblocked, live trading not confirmed, an order
/// rejected); retrying will not help until something is changed (sysexits `EX_NOPERM`).
pub const EXIT_REFUSED: u8 = 77;

/// A CLI failure.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The local engine, or what it runs on, failed: the config, the state, a queue, the
    /// notification destinations (an operator command's failure of these is one too: see the
    /// `From` impls below).
    #[error("{0}")]
    Engine(#[from] copycat_engine::EngineError),
    /// The venue client (or the live broker) could not be built.
    #[error("venue: {0}")]
    Venue(#[from] copycat_polymarket::BuildError),
    /// A file, socket or signal could not be used.
    #[error("{what}: {source}")]
    Io {
        /// What we were doing.
        what: String,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// What was asked cannot be done as asked; the message says what to do instead.
    #[error("{0}")]
    Usage(String),
    /// The report could not be read, drawn or written.
    #[error("{0}")]
    Report(#[from] copycat_report::ReportError),
    /// Part of the work failed; the lines above say which.
    #[error("{0}")]
    Incomplete(String),
    /// `copycat doctor` found failures (printed above, each with what to do).
    #[error("{0}")]
    Doctor(#[source] crate::doctor::DoctorFailed),
}

/// What an operator command reads (config, state, queues, destinations) is the engine's: its
/// failures are reported as the engine's.
macro_rules! through_the_engine {
    ($($error:ty),*) => {$(
        impl From<$error> for CliError {
            fn from(e: $error) -> Self {
                CliError::Engine(e.into())
            }
        }
    )*};
}
through_the_engine!(
    ConfigError,
    copycat_embedded::EmbeddedError,
    StoreError,
    copycat_state::StateError,
    QueueError,
    copycat_notify::RouterError
);

impl CliError {
    /// A failure of an I/O step, named.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> CliError {
        let what = what.into();
        move |source| CliError::Io { what, source }
    }

    /// The exit code for this failure: the class of its deepest classified cause (the root of
    /// the chain says best what went wrong: an AWS set-up failure caused by a bad config is a
    /// config error).
    pub fn exit_code(&self) -> u8 {
        causes(self).filter_map(classify).last().unwrap_or(EXIT_FAILURE)
    }

    /// The whole chain, one cause per line after the first, each said once (a cause whose text
    /// its parent already quotes is not repeated).
    pub fn report(&self) -> String {
        let mut out = format!("error: {self}");
        let mut shown = self.to_string();
        for cause in causes(self).skip(1) {
            let text = cause.to_string();
            if !shown.contains(&text) {
                out.push_str(&format!("\n  caused by: {text}"));
            }
            shown = text;
        }
        out
    }

    /// What `main` returns.
    pub fn to_exit(&self) -> ExitCode {
        ExitCode::from(self.exit_code())
    }
}

/// `e` and each of its sources, outermost first.
fn causes<'a>(e: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(e), |&e| e.source())
}

/// The exit class of one error in the chain, if it has one.
fn classify(e: &(dyn Error + 'static)) -> Option<u8> {
    if let Some(d) = e.downcast_ref::<crate::doctor::DoctorFailed>() {
        return Some(d.exit);
    }
    if e.is::<ConfigError>() {
        return Some(EXIT_CONFIG);
    }
    if let Some(e) = e.downcast_ref::<copycat_polymarket::BuildError>() {
        return match e {
            copycat_polymarket::BuildError::Config(_) => Some(EXIT_CONFIG),
            copycat_polymarket::BuildError::LiveRefused { .. } | copycat_polymarket::BuildError::LiveKey { .. } => Some(EXIT_REFUSED),
            copycat_polymarket::BuildError::Http(_) => None,
        };
    }
    if let Some(e) = e.downcast_ref::<BrokerError>() {
        return Some(if e.is_retryable() { EXIT_UNAVAILABLE } else { EXIT_REFUSED });
    }
    if let Some(e) = e.downcast_ref::<StoreError>() {
        return e.is_retryable().then_some(EXIT_UNAVAILABLE);
    }
    if let Some(QueueError::Unavailable { .. }) = e.downcast_ref::<QueueError>() {
        return Some(EXIT_UNAVAILABLE);
    }
    if let Some(MarketError::Unavailable { .. } | MarketError::RateLimited { .. }) = e.downcast_ref::<MarketError>() {
        return Some(EXIT_UNAVAILABLE);
    }
    if let Some(copycat_engine::EngineError::AwsBackend { .. }) = e.downcast_ref::<copycat_engine::EngineError>() {
        return Some(EXIT_UNAVAILABLE);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::store::Key;

    #[test]
    fn a_config_error_deep_in_the_chain_exits_as_config() {
        let e = CliError::Engine(copycat_engine::EngineError::Config(ConfigError::Parse("bad toml".into())));
        assert_eq!(e.exit_code(), EXIT_CONFIG);
    }

    #[test]
    fn an_unreachable_store_exits_as_unavailable_and_a_conflict_does_not() {
        let down = CliError::from(copycat_state::StateError::Store(StoreError::Unavailable("connection refused".into())));
        assert_eq!(down.exit_code(), EXIT_UNAVAILABLE);
        let lost = CliError::from(StoreError::Conflict { key: Key::new("A", "B"), expected_version: Some(1), current: None });
        assert_eq!(lost.exit_code(), EXIT_FAILURE);
    }

    #[test]
    fn live_trading_not_confirmed_exits_as_refused() {
        let e = CliError::Venue(copycat_polymarket::BuildError::LiveRefused { missing: vec!["trading.live_confirmed".into()] });
        assert_eq!(e.exit_code(), EXIT_REFUSED);
    }

    #[test]
    fn a_geoblocked_venue_exits_as_refused_and_an_outage_as_unavailable() {
        let blocked: Box<dyn Error + Send + Sync> = Box::new(BrokerError::Geoblocked { country: "US".into(), region: "NY".into() });
        let e = CliError::Engine(copycat_engine::EngineError::AwsBackend { endpoint: "x".into(), source: blocked });
        // The root cause (the broker's refusal) decides, not the wrapper's own class.
        assert_eq!(e.exit_code(), EXIT_REFUSED);
        let down =
            CliError::Engine(copycat_engine::EngineError::Queue(QueueError::Unavailable { queue: "q".into(), reason: "down".into() }));
        assert_eq!(down.exit_code(), EXIT_UNAVAILABLE);
    }

    #[test]
    fn the_report_names_every_cause_once() {
        let e = CliError::Io { what: "cannot read trades.json".into(), source: std::io::Error::other("permission denied") };
        assert_eq!(e.report(), "error: cannot read trades.json: permission denied");
        let queue = QueueError::Unavailable { queue: "q".into(), reason: "timeout".into() };
        let e = CliError::Engine(copycat_engine::EngineError::Queue(queue));
        assert_eq!(e.report(), "error: queue: queue q unavailable: timeout");
    }
}
