//! Live trading: the switch that must be thrown three times, and (with the `live` feature) the
//! `LiveBroker` that signs and places real orders on the CLOB.
//!
//! Live needs all of: a build with the cargo feature `live`, config `trading.mode = "live"`,
//! config `trading.live_confirmed = true`, the wallet key in [`PRIVATE_KEY_ENV`] and, for
//! `copycat run`, the [`CONFIRM_FLAG`] flag. Without any of them the venue is not built and the
//! error names everything that is missing. Paper stays the default.

#[cfg(feature = "signing")]
pub mod account;
#[cfg(feature = "live")]
mod broker;
#[cfg(feature = "signing")]
pub mod eip712;
#[cfg(feature = "signing")]
pub mod fake_clob;
#[cfg(feature = "signing")]
pub mod l2;
#[cfg(feature = "signing")]
pub mod probe;

#[cfg(feature = "live")]
pub use broker::{LiveBroker, LiveError, order_salt, read_lookup_answer, read_placement_answer};

use copycat_core::config::Config;

/// The environment variable holding the trading wallet's private key (64 hex digits). Set it
/// from a secret store; never put it in a config file.
pub const PRIVATE_KEY_ENV: &str = "COPYCAT_POLYMARKET_PRIVATE_KEY";

/// The `copycat run` flag that confirms live trading on the command line.
pub const CONFIRM_FLAG: &str = "--i-understand-this-trades-real-money";

/// Who asks for the venue: a Lambda (config and environment only) or `copycat run` (which
/// also needs the confirmation flag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Launch {
    /// A Lambda function.
    Lambda,
    /// `copycat run`; `confirmed` is whether [`CONFIRM_FLAG`] was given.
    Run {
        /// The flag was given.
        confirmed: bool,
    },
}

/// What a live start still lacks, one operator-readable line each; empty means go. Only
/// meaningful when `trading.mode = "live"`.
pub fn missing_for_live(config: &Config, launch: Launch, private_key: Option<&str>) -> Vec<String> {
    let mut missing = Vec::new();
    if !cfg!(feature = "live") {
        missing.push("a build with the live broker (cargo feature `live`: `--features copycat-polymarket/live`)".to_owned());
    }
    if !config.trading.live_confirmed {
        missing.push("trading.live_confirmed = true in config".to_owned());
    }
    if launch == (Launch::Run { confirmed: false }) {
        missing.push(format!("the {CONFIRM_FLAG} flag"));
    }
    if private_key.is_none_or(|k| k.trim().is_empty()) {
        missing.push(format!("the wallet's private key in the environment variable {PRIVATE_KEY_ENV}"));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::config::TradingMode;

    fn live(confirmed: bool) -> Config {
        let mut c = Config::default();
        c.trading.mode = TradingMode::Live;
        c.trading.live_confirmed = confirmed;
        c
    }

    #[test]
    fn every_missing_confirmation_is_named() {
        let missing = missing_for_live(&live(false), Launch::Run { confirmed: false }, None);
        let text = missing.join("\n");
        assert!(text.contains("trading.live_confirmed"), "{text}");
        assert!(text.contains(CONFIRM_FLAG), "{text}");
        assert!(text.contains(PRIVATE_KEY_ENV), "{text}");
        assert_eq!(text.contains("cargo feature `live`"), !cfg!(feature = "live"), "{text}");
    }

    #[test]
    fn lambdas_need_no_flag_but_the_run_command_does() {
        let key = Some("0xabc");
        let lambda = missing_for_live(&live(true), Launch::Lambda, key);
        let run = missing_for_live(&live(true), Launch::Run { confirmed: false }, key);
        let confirmed_run = missing_for_live(&live(true), Launch::Run { confirmed: true }, key);
        assert!(!lambda.iter().any(|m| m.contains(CONFIRM_FLAG)), "{lambda:?}");
        assert!(run.iter().any(|m| m.contains(CONFIRM_FLAG)), "{run:?}");
        assert_eq!(lambda, confirmed_run);
        assert_eq!(lambda.is_empty(), cfg!(feature = "live"), "{lambda:?}");
    }

    #[test]
    fn a_blank_key_is_a_missing_key() {
        let missing = missing_for_live(&live(true), Launch::Lambda, Some("  "));
        assert!(missing.iter().any(|m| m.contains(PRIVATE_KEY_ENV)), "{missing:?}");
    }
}
