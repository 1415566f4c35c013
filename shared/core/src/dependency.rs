//! The outside dependencies CopyCat guards with breakers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An outside dependency, for breakers and error reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dependency {
    /// Polymarket Data API (trades, activity, positions, leaderboard).
    DataApi,
    /// Polymarket Gamma API (markets).
    Gamma,
    /// Polymarket CLOB (books, prices, orders).
    Clob,
    /// A Polygon JSON-RPC node (`chain.rpc_url`): fills as logs, redemptions as transactions.
    Chain,
}

impl Dependency {
    /// Every dependency with a breaker.
    pub const ALL: [Dependency; 4] = [Dependency::DataApi, Dependency::Gamma, Dependency::Clob, Dependency::Chain];
    /// Name used in records, metrics and config.
    pub fn as_str(self) -> &'static str {
        match self {
            Dependency::DataApi => "data-api",
            Dependency::Gamma => "gamma",
            Dependency::Clob => "clob",
            Dependency::Chain => "chain",
        }
    }
}

impl fmt::Display for Dependency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
