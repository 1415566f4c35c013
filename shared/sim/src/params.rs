//! What a simulated world is generated from: seed, period, population size, outages, slippage.

use copycat_core::config::{DemoConfig, PollerConfig};
use copycat_core::dependency::Dependency;
use copycat_core::time::{Span, Timestamp, from_secs, millis, secs};
use serde::{Deserialize, Serialize};

/// A window during which every call to one dependency fails with `Unavailable`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outage {
    /// The dependency that is down.
    pub dependency: Dependency,
    /// First instant of the outage (inclusive).
    pub start: Timestamp,
    /// First instant after the outage (exclusive).
    pub end: Timestamp,
}

impl Outage {
    /// Whether `dependency` is down at `at` under this outage (start inclusive, end exclusive).
    pub fn covers(&self, dependency: Dependency, at: Timestamp) -> bool {
        self.dependency == dependency && self.start <= at && at < self.end
    }
}

/// Everything a world is generated from; the same params give a byte-identical world.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimParams {
    /// Seed of everything random.
    pub seed: u64,
    /// When the demo starts; history lies before it.
    pub start: Timestamp,
    /// Days of trading history before `start` (so discovery and the bot filter have data).
    pub history_days: u32,
    /// Days of trading after `start` (the demo's length).
    pub days: u32,
    /// Wallets in the population.
    pub wallets: u32,
    /// Binary markets created across history and demo.
    pub markets: u32,
    /// Scheduled outages of the Data API, Gamma or the CLOB.
    pub outages: Vec<Outage>,
    /// Adverse move of every book level (basis points of its price) the paper broker fills at:
    /// the book moving against us while the order travels.
    pub slippage_bps: u32,
    /// How long after a leader's trade a follower's order reaches the book, in milliseconds:
    /// the ground truth's follower edge ([`crate::WalletTruth::follower_edge`]) is computed at
    /// this delay, and a copy backtest on this world should use the same. Default 2,120 ms:
    /// `[poller] poll_interval_ms` (2,000 — a trade is seen at the latest one poll after it
    /// happens) plus `[demo] order_latency_ms` (120, the simulated order round trip).
    /// The book is per second, so the follower trades at `ceil(latency / 1 s)` seconds after.
    pub follower_latency_ms: i64,
}

impl Default for SimParams {
    fn default() -> Self {
        SimParams {
            seed: 7,
            start: from_secs(1_772_409_600), // 2026-03-02T00:00:00Z, the demo's fixed start
            history_days: 21,
            days: 7,
            wallets: 120,
            markets: 60,
            outages: Vec::new(),
            slippage_bps: 5,
            follower_latency_ms: (millis(PollerConfig::default().poll_interval_ms) + millis(DemoConfig::default().order_latency_ms))
                .num_milliseconds(),
        }
    }
}

impl SimParams {
    /// The demo's world: seed, days and sizes from `[demo]`, one Data API outage starting
    /// `outage_start_hours` after `start` and lasting `outage_minutes` (none when 0),
    /// the follower latency from `order_latency_ms` plus the default poll interval (use
    /// [`SimParams::with_poll_interval_ms`] when the poller is configured otherwise).
    pub fn from_demo_config(demo: &DemoConfig, start: Timestamp) -> SimParams {
        let mut outages = Vec::new();
        if demo.outage_minutes > 0 {
            let begin = start + secs(demo.outage_start_hours.saturating_mul(3600));
            let end = begin + secs(demo.outage_minutes.saturating_mul(60));
            outages.push(Outage { dependency: Dependency::DataApi, start: begin, end });
        }
        SimParams {
            seed: demo.seed,
            start,
            days: demo.days,
            wallets: demo.wallets,
            markets: demo.markets,
            outages,
            follower_latency_ms: (millis(PollerConfig::default().poll_interval_ms) + millis(demo.order_latency_ms)).num_milliseconds(),
            ..SimParams::default()
        }
    }

    /// The same params with the follower latency recomputed for a poller that loops every
    /// `poll_interval_ms`: `poll_interval_ms + order_latency_ms` of `demo`.
    pub fn with_poll_interval_ms(self, poll_interval_ms: u64, demo: &DemoConfig) -> SimParams {
        SimParams { follower_latency_ms: (millis(poll_interval_ms) + millis(demo.order_latency_ms)).num_milliseconds(), ..self }
    }

    /// Whole seconds after a leader's trade at which a follower's order meets the book.
    pub fn follower_delay_secs(&self) -> i64 {
        (self.follower_latency_ms.max(0) + 999) / 1000
    }

    /// First instant of the simulated history (`start − history_days`).
    pub fn history_start(&self) -> Timestamp {
        self.start - Span::days(i64::from(self.history_days))
    }

    /// First instant after the simulated period (`start + days`).
    pub fn end(&self) -> Timestamp {
        self.start + Span::days(i64::from(self.days))
    }
}
