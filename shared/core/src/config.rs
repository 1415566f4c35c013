//! The one `Config`: loaded once from TOML with environment overrides, validated in one place.
//!
//! Every policy number (threshold, limit, multiplier) lives here, named. An error names the key
//! and the rule it broke. Secrets never live here: they come from the environment at the edge.

use crate::events::{EventKind, Severity};
use crate::money::{Price, Shares, Usd};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A config value that broke a rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The TOML could not be parsed or had a wrong type / unknown key.
    #[error("config is not valid TOML for CopyCat: {0}")]
    Parse(String),
    /// An environment override could not be applied.
    #[error("environment override {var}: {reason}")]
    Env {
        /// The variable.
        var: String,
        /// What was wrong.
        reason: String,
    },
    /// A value broke a rule.
    #[error("config key `{key}`: {rule}")]
    Invalid {
        /// Dotted key, e.g. `risk.max_open_positions`.
        key: String,
        /// The rule it broke.
        rule: String,
    },
}

/// Prefix of environment overrides: `COPYCAT__RISK__MAX_OPEN_POSITIONS=8` sets
/// `risk.max_open_positions`.
pub const ENV_PREFIX: &str = "COPYCAT__";

/// Everything CopyCat can be told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Paper or live trading.
    pub trading: TradingConfig,
    /// Balance tiers and transitions.
    pub modes: ModesConfig,
    /// Extra position size while the balance is small.
    pub boost: BoostConfig,
    /// Equity milestones to announce once each.
    pub milestones: MilestonesConfig,
    /// Circuit breakers for outside dependencies.
    pub breaker: BreakerConfig,
    /// Risk checks before any order.
    pub risk: RiskConfig,
    /// Turning a signal into an order size.
    pub sizing: SizingConfig,
    /// Whom and what to copy.
    pub copy: CopyConfig,
    /// Bot filter thresholds.
    pub bot_filter: BotFilterConfig,
    /// Leader quality floor.
    pub quality: QualityConfig,
    /// Choosing and dropping leaders by their copyable edge.
    pub selection: crate::edge::SelectionConfig,
    /// Discovery.
    pub discovery: DiscoveryConfig,
    /// Signal poller.
    pub poller: PollerConfig,
    /// Queue consumer settings (shared with the SAM template and the emulator set-up).
    pub queues: QueuesConfig,
    /// Notifications.
    pub notifications: NotificationsConfig,
    /// The local demo's simulated world.
    pub demo: DemoConfig,
    /// The Polymarket endpoints, timeouts, retries and rate budgets.
    pub venue: VenueConfig,
    /// History kept and read for reports and `copycat status`.
    pub report: crate::report::ReportConfig,
    /// Control from chat: the allow-list and the replay window.
    pub control: crate::control::ControlConfig,
    /// How often the scheduled functions run on the real clock (`copycat run`; the SAM
    /// template's schedule defaults match).
    pub schedule: ScheduleConfig,
    /// The chaos soak's fault plan (`copycat chaos`).
    pub chaos: ChaosConfig,
    /// The Polygon node CopyCat reads fills from and sends redemptions to.
    pub chain: ChainConfig,
    /// Redeeming resolved positions on chain: gas caps, receipt waits.
    pub redemption: RedemptionConfig,
}

/// `[redemption]`: how the health check redeems our positions in resolved markets on chain (live
/// mode with `chain.rpc_url` set). Every number here caps what one redemption may cost or wait.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedemptionConfig {
    /// Redeem at all; off, resolved positions stay open (marked) until redeemed by hand.
    pub enabled: bool,
    /// Most paid per gas (base fee + tip), in gwei: a redemption that would need more waits.
    pub max_fee_per_gas_gwei: u64,
    /// Tip per gas, in gwei (Polygon's validators expect at least about 25-30).
    pub priority_fee_gwei: u64,
    /// Most gas one redemption may use; the node's estimate (plus `gas_headroom_percent`) above
    /// this is refused, never sent.
    pub gas_limit_cap: u64,
    /// Added to the node's gas estimate, in percent.
    pub gas_headroom_percent: u64,
    /// How long one health check waits for a sent redemption's receipt before leaving it to the
    /// next check (which re-broadcasts the same signed bytes, never a new transaction).
    pub receipt_wait_ms: u64,
    /// Pause between two receipt polls.
    pub receipt_poll_ms: u64,
    /// Blocks on top of the receipt's block before the payout is booked (0: at the receipt).
    pub confirmations: u64,
    /// How long one health check holds the redemption lease (one sender at a time, so two checks
    /// never sign with the same nonce); another takes over after it expires.
    pub lease_secs: u64,
    /// Most redemptions one health check starts.
    pub max_per_check: u32,
    /// Polymarket's relayer, through which a deposit wallet (signature type 3) redeems: a signed
    /// `WALLET` batch is submitted there and Polymarket pays the gas.
    pub relayer_url: String,
    /// How long a signed deposit-wallet batch stays valid (its `deadline`), in seconds: a batch
    /// not executed by then never can be, so a stuck redemption cannot run late.
    pub relayer_deadline_secs: u64,
}

impl Default for RedemptionConfig {
    fn default() -> Self {
        RedemptionConfig {
            enabled: true,
            max_fee_per_gas_gwei: 500,
            priority_fee_gwei: 30,
            gas_limit_cap: 600_000,
            gas_headroom_percent: 25,
            receipt_wait_ms: 20_000,
            receipt_poll_ms: 2_000,
            confirmations: 0,
            lease_secs: 120,
            max_per_check: 5,
            relayer_url: "https://relayer-v2.polymarket.com".into(),
            relayer_deadline_secs: 3_600,
        }
    }
}

impl RedemptionConfig {
    /// Checks the redemption rules; keys are reported as `redemption.<field>`.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, rule: &str| Err(ConfigError::Invalid { key: format!("redemption.{key}"), rule: rule.into() });
        if self.max_fee_per_gas_gwei == 0 || self.max_fee_per_gas_gwei > 100_000 {
            return bad("max_fee_per_gas_gwei", "must be in [1, 100000]");
        }
        if self.priority_fee_gwei > self.max_fee_per_gas_gwei {
            return bad("priority_fee_gwei", "must be at most max_fee_per_gas_gwei");
        }
        if !(21_000..=10_000_000).contains(&self.gas_limit_cap) {
            return bad("gas_limit_cap", "must be in [21000, 10000000]");
        }
        if self.gas_headroom_percent > 200 {
            return bad("gas_headroom_percent", "must be at most 200");
        }
        if self.receipt_poll_ms > self.receipt_wait_ms {
            return bad("receipt_poll_ms", "must be at most receipt_wait_ms");
        }
        if self.confirmations > 1_000 {
            return bad("confirmations", "must be at most 1000");
        }
        if self.lease_secs.saturating_mul(1000) <= self.receipt_wait_ms {
            return bad("lease_secs", "must be longer than receipt_wait_ms (the lease covers the wait)");
        }
        if self.max_per_check == 0 {
            return bad("max_per_check", "must be at least 1");
        }
        let host = self.relayer_url.strip_prefix("https://").or_else(|| self.relayer_url.strip_prefix("http://"));
        if host.is_none_or(|h| h.trim_end_matches('/').is_empty()) {
            return bad("relayer_url", "must be an http:// or https:// URL with a host");
        }
        if !(60..=7 * 86_400).contains(&self.relayer_deadline_secs) {
            return bad("relayer_deadline_secs", "must be in [60, 604800]");
        }
        Ok(())
    }
}

/// `[chain]`: the Polygon JSON-RPC node. Without a `rpc_url` there is no chain: fills are detected
/// from the Data API alone and nothing is sent on chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChainConfig {
    /// JSON-RPC endpoint (`http://` or `https://`); empty means no chain.
    pub rpc_url: String,
    /// The chain id the node must answer `eth_chainId` with (137 is Polygon mainnet); a node for
    /// another chain is refused before anything is read from or sent to it.
    pub chain_id: u64,
    /// Whole-request timeout of one JSON-RPC call.
    pub request_timeout_ms: u64,
    /// TCP + TLS connect timeout.
    pub connect_timeout_ms: u64,
    /// Retries after the first attempt on 429, 5xx, timeouts and broken connections.
    pub max_retries: u32,
    /// First back-off before a retry; doubles each retry, fully jittered.
    pub retry_base_ms: u64,
    /// Longest back-off.
    pub retry_max_ms: u64,

    // --- Detection from the chain (issue 15): `OrderFilled` logs of the V2 exchanges. ---
    /// Where the poller detects leader fills: `chain` (new blocks' logs, with the Data API as
    /// backstop and fallback; needs `rpc_url`) or `data-api` (each leader's `/trades`).
    pub detection: Detection,
    /// Blocks a fill's block must be buried under before its signal is queued (0: at the head).
    /// A reorg no deeper than this drops a log before it is ever queued.
    pub confirmations: u64,
    /// Polygon's block interval, the pace the node is expected to advance at.
    pub block_interval_ms: u64,
    /// Followed wallets per `eth_getLogs` topic OR-list; more leaders mean more calls per block
    /// only past this many.
    pub log_chunk_wallets: u32,
    /// Most blocks one `eth_getLogs` asks for (halved while the node answers "range too large").
    pub max_block_range: u64,
    /// The node counts as stalled (a failure of the `chain` breaker) when its newest block is
    /// this much older than now while it keeps answering.
    pub stall_after_secs: u64,
    /// Blocks whose hashes and queued fills are remembered, to notice a reorg under them.
    pub reorg_window_blocks: u64,
    /// How often the chain cursor is written when no fill was queued (a restart re-reads at
    /// most this much, harmlessly); a read that queues fills or finds a reorg writes it at once.
    pub cursor_write_every_secs: u64,
}

/// Where the poller detects leader fills.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detection {
    /// `OrderFilled` logs of new blocks (when `chain.rpc_url` is set).
    #[default]
    Chain,
    /// Each followed leader's Data API `/trades`.
    DataApi,
}

impl Detection {
    /// The config spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Detection::Chain => "chain",
            Detection::DataApi => "data-api",
        }
    }
}

impl Default for ChainConfig {
    fn default() -> Self {
        ChainConfig {
            rpc_url: String::new(),
            chain_id: 137,
            request_timeout_ms: 5_000,
            connect_timeout_ms: 2_000,
            max_retries: 2,
            retry_base_ms: 200,
            retry_max_ms: 5_000,
            detection: Detection::Chain,
            confirmations: 1,
            block_interval_ms: 2_000,
            log_chunk_wallets: 100,
            max_block_range: 50,
            stall_after_secs: 30,
            reorg_window_blocks: 16,
            cursor_write_every_secs: 30,
        }
    }
}

impl ChainConfig {
    /// Whether a node is configured.
    pub fn enabled(&self) -> bool {
        !self.rpc_url.is_empty()
    }

    /// Whether the poller detects fills from the chain (a node configured and chosen).
    pub fn detects(&self) -> bool {
        self.enabled() && self.detection == Detection::Chain
    }

    /// Checks the chain rules; keys are reported as `chain.<field>`.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, rule: &str| Err(ConfigError::Invalid { key: format!("chain.{key}"), rule: rule.into() });
        if self.enabled() {
            let rest = self.rpc_url.strip_prefix("https://").or_else(|| self.rpc_url.strip_prefix("http://"));
            if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) {
                return bad("rpc_url", "must be empty (no chain) or an http:// or https:// URL with a host");
            }
        }
        if self.chain_id == 0 {
            return bad("chain_id", "must be at least 1 (137 is Polygon)");
        }
        if self.retry_max_ms < self.retry_base_ms {
            return bad("retry_max_ms", "must be at least retry_base_ms");
        }
        if self.confirmations > 128 {
            return bad("confirmations", "must be at most 128 blocks");
        }
        if !(1..=1_000).contains(&self.log_chunk_wallets) {
            return bad("log_chunk_wallets", "must be in 1..=1000 (nodes cap topic lists)");
        }
        if !(1..=10_000).contains(&self.max_block_range) {
            return bad("max_block_range", "must be in 1..=10000 blocks");
        }
        if self.reorg_window_blocks <= self.confirmations || self.reorg_window_blocks > 1_024 {
            return bad("reorg_window_blocks", "must be above confirmations and at most 1024");
        }
        if self.stall_after_secs.saturating_mul(1_000) < self.block_interval_ms.saturating_mul(2) {
            return bad("stall_after_secs", "must be at least two block intervals");
        }
        Ok(())
    }
}

/// `[chaos]`: the seeded fault plan of `copycat chaos`, which drives leader trades through the
/// real copier in worker processes and audits the ledger afterwards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChaosConfig {
    /// Worker processes copying at once (each a copier on the same state and queue).
    pub workers: u32,
    /// Share of signals delivered a second time (a redelivery, raced by the other workers).
    pub redelivery_rate: f64,
    /// Share of handler invocations whose worker is killed (SIGKILL) at a random port call inside.
    pub kill_rate: f64,
    /// Share of port calls (store, market data, broker) answered as throttled.
    pub throttle_rate: f64,
    /// Share of port calls answered as timed out (before the call reaches its target).
    pub timeout_rate: f64,
    /// Share of orders that fill at the venue but whose answer is lost on the way back.
    pub lost_answer_rate: f64,
    /// Largest skew of a worker's clock from the real one, either way.
    pub max_clock_skew_ms: u64,
    /// Leaders whose trades are copied.
    pub leaders: u32,
    /// Markets they trade.
    pub markets: u32,
    /// Signals queue visibility timeout during the soak (short, so killed workers' messages
    /// come back quickly).
    pub visibility_timeout_secs: u64,
    /// Claim in-progress window during the soak (below the visibility timeout).
    pub claim_in_progress_secs: u64,
    /// A handler invocation's deadline during the soak: a worker still inside the handler then is
    /// stopped, as Lambda stops a timed-out invocation. At most the claim window, so no handler
    /// works on past its claim.
    pub invocation_timeout_ms: u64,
}

impl Default for ChaosConfig {
    fn default() -> Self {
        ChaosConfig {
            workers: 4,
            redelivery_rate: 0.10,
            kill_rate: 0.01,
            throttle_rate: 0.01,
            timeout_rate: 0.005,
            lost_answer_rate: 0.02,
            max_clock_skew_ms: 1_000,
            leaders: 32,
            markets: 40,
            visibility_timeout_secs: 3,
            claim_in_progress_secs: 2,
            invocation_timeout_ms: 2_000,
        }
    }
}

/// `[schedule]`: the real-clock cadence of the scheduled functions. `copycat run` uses it; the
/// demo's simulated clock uses `[demo]` instead, so a demo setting never paces real polling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleConfig {
    /// How often discovery runs (template `DiscoverySchedule`, `rate(1 hour)`).
    pub discovery_every_secs: u64,
    /// How often the health check runs (template `HealthCheckSchedule`, `rate(5 minutes)`).
    pub health_every_secs: u64,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        ScheduleConfig { discovery_every_secs: 3600, health_every_secs: 300 }
    }
}

/// Paper or live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TradingMode {
    /// Fills simulated against the real (or simulated) book.
    #[default]
    Paper,
    /// Real signed orders.
    Live,
}

/// `[trading]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TradingConfig {
    /// `paper` (default) or `live`.
    pub mode: TradingMode,
    /// Balance a paper portfolio starts with.
    pub starting_balance: Usd,
    /// The operator's explicit yes to real orders. Live trading needs it as well as
    /// `mode = "live"`, a build with the `live` feature and, for `copycat run`, the
    /// `--i-understand-this-trades-real-money` flag.
    pub live_confirmed: bool,
    /// Polymarket's geoblock check (`{blocked, ip, country, region}`), asked before the first
    /// live order; a blocked answer refuses to trade.
    pub geoblock_url: String,
    /// How orders are signed and funded (the V2 exchange's `signatureType`): 0 a plain wallet
    /// (EOA), 1 a Polymarket proxy wallet (email / Magic accounts), 2 a Polymarket Gnosis Safe
    /// (browser-wallet accounts), 3 a deposit wallet signing through EIP-1271.
    pub signature_type: SignatureType,
    /// The address that holds the funds and is every order's maker: the wallet address shown
    /// in the Polymarket profile. Required for signature types 1–3; for 0 it may be left out
    /// (it is the key's own address) or must equal the key's address.
    pub funder: Option<String>,
}

/// Who signs an order and who funds it: the V2 exchange's `signatureType`
/// (<https://github.com/Polymarket/py-clob-client-v2>, `SignatureTypeV2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(try_from = "u8", into = "u8")]
pub enum SignatureType {
    /// 0: the key's own address holds the funds and signs (an externally owned account).
    #[default]
    Eoa,
    /// 1: a Polymarket proxy wallet holds the funds; the key that owns it signs.
    PolyProxy,
    /// 2: a Polymarket Gnosis Safe holds the funds; the key that owns it signs.
    PolyGnosisSafe,
    /// 3: a deposit wallet holds the funds and is the signer, through EIP-1271 (its owner's key signs for it).
    Poly1271,
}

impl SignatureType {
    /// Every type, in code order.
    pub const ALL: [SignatureType; 4] =
        [SignatureType::Eoa, SignatureType::PolyProxy, SignatureType::PolyGnosisSafe, SignatureType::Poly1271];

    /// The number the order struct and the CLOB's `signature_type` parameters carry.
    pub fn code(self) -> u8 {
        match self {
            SignatureType::Eoa => 0,
            SignatureType::PolyProxy => 1,
            SignatureType::PolyGnosisSafe => 2,
            SignatureType::Poly1271 => 3,
        }
    }

    /// The venue's name for it (`EOA`, `POLY_PROXY`, `POLY_GNOSIS_SAFE`, `POLY_1271`).
    pub fn name(self) -> &'static str {
        match self {
            SignatureType::Eoa => "EOA",
            SignatureType::PolyProxy => "POLY_PROXY",
            SignatureType::PolyGnosisSafe => "POLY_GNOSIS_SAFE",
            SignatureType::Poly1271 => "POLY_1271",
        }
    }

    /// What the funder is for this type, in the words of the Polymarket web UI.
    pub fn funder_is(self) -> &'static str {
        match self {
            SignatureType::Eoa => "the key's own address",
            SignatureType::PolyProxy => "the proxy wallet address shown in your Polymarket profile",
            SignatureType::PolyGnosisSafe => "the Safe wallet address shown in your Polymarket profile",
            SignatureType::Poly1271 => "the deposit wallet address shown in your Polymarket profile",
        }
    }
}

impl TryFrom<u8> for SignatureType {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        SignatureType::ALL
            .into_iter()
            .find(|t| t.code() == v)
            .ok_or_else(|| format!("signature_type must be 0 (EOA), 1 (POLY_PROXY), 2 (POLY_GNOSIS_SAFE) or 3 (POLY_1271), got {v}"))
    }
}

impl From<SignatureType> for u8 {
    fn from(t: SignatureType) -> u8 {
        t.code()
    }
}

impl fmt::Display for SignatureType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code(), self.name())
    }
}

impl Default for TradingConfig {
    fn default() -> Self {
        TradingConfig {
            mode: TradingMode::Paper,
            starting_balance: Usd(Decimal::new(24, 0)),
            live_confirmed: false,
            geoblock_url: "https://polymarket.com/api/geoblock".into(),
            signature_type: SignatureType::Eoa,
            funder: None,
        }
    }
}

impl TradingConfig {
    /// The funder's rules that need no key: an address when given, not zero, and present for
    /// signature types 1–3 (whether it fits the key is checked where the key is read).
    pub fn check_funder(&self) -> Result<(), String> {
        let t = self.signature_type;
        match &self.funder {
            None if t == SignatureType::Eoa => Ok(()),
            None => Err(format!("is required for signature_type {t}: set it to {}", t.funder_is())),
            Some(f) => {
                let w = crate::trade::Wallet::parse(f).map_err(|_| format!("must be 0x followed by 40 hex digits, got {f:?}"))?;
                if w.as_str().bytes().skip(2).all(|b| b == b'0') {
                    return Err("must not be the zero address".into());
                }
                Ok(())
            }
        }
    }
}

/// One row of the mode table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeTier {
    /// Name, e.g. `MICRO`.
    pub name: String,
    /// Explicit order: tiers compare by this, never by name.
    pub ordinal: u8,
    /// Smallest balance of the tier.
    pub min_balance: Usd,
    /// Largest share of equity one position may take.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub position_pct: Decimal,
    /// Fraction of the Kelly stake to use.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub kelly_fraction: Decimal,
    /// Drawdown at which new buys stop in this tier.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub max_drawdown: Decimal,
    /// Position multiplier steps as drawdown grows (sorted by `at`).
    pub drawdown_ladder: Vec<LadderStep>,
}

/// A drawdown ladder step: from drawdown `at`, scale positions by `multiplier`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    /// Drawdown fraction from peak.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub at: Decimal,
    /// Position multiplier in force from there.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub multiplier: Decimal,
}

/// `[modes]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModesConfig {
    /// The tiers, lowest first.
    pub tiers: Vec<ModeTier>,
    /// Upgrade when equity ≥ next tier's minimum × this.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub upgrade_buffer: Decimal,
    /// Downgrade when equity < current tier's minimum × this.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub downgrade_buffer: Decimal,
    /// Time to spend in a tier before an upgrade.
    pub min_secs_in_tier: u64,
    /// Consecutive profitable closed positions required before an upgrade.
    pub min_profitable_streak: u32,
    /// Most transitions in one UTC day.
    pub max_transitions_per_day: u32,
    /// Drawdown at which trading stops altogether (kill switch).
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub emergency_stop_drawdown: Decimal,
}

fn tier(name: &str, ordinal: u8, min: i64, pos: Decimal, kelly: Decimal, dd: Decimal) -> ModeTier {
    let max_dd = dd;
    ModeTier {
        name: name.into(),
        ordinal,
        min_balance: Usd(Decimal::new(min, 0)),
        position_pct: pos,
        kelly_fraction: kelly,
        max_drawdown: max_dd,
        drawdown_ladder: vec![
            LadderStep { at: (max_dd * dec!(0.33)).round_dp(3), multiplier: dec!(0.75) },
            LadderStep { at: (max_dd * dec!(0.66)).round_dp(3), multiplier: dec!(0.5) },
        ],
    }
}

impl Default for ModesConfig {
    fn default() -> Self {
        ModesConfig {
            tiers: vec![
                tier("NANO", 0, 0, dec!(0.75), dec!(0.75), dec!(0.30)),
                tier("MICRO", 1, 15, dec!(0.60), dec!(0.75), dec!(0.25)),
                tier("MINI", 2, 25, dec!(0.50), dec!(0.50), dec!(0.20)),
                tier("BALANCED", 3, 50, dec!(0.40), dec!(0.40), dec!(0.18)),
                tier("AGGRESSIVE", 4, 200, dec!(0.35), dec!(0.35), dec!(0.15)),
                tier("CONSERVATIVE", 5, 1000, dec!(0.25), dec!(0.25), dec!(0.12)),
            ],
            upgrade_buffer: dec!(1.10),
            downgrade_buffer: dec!(0.80),
            min_secs_in_tier: 6 * 3600,
            min_profitable_streak: 1,
            max_transitions_per_day: 2,
            emergency_stop_drawdown: dec!(0.40),
        }
    }
}

impl ModesConfig {
    /// The tier with this name.
    pub fn tier(&self, name: &str) -> Option<&ModeTier> {
        self.tiers.iter().find(|t| t.name == name)
    }
    /// The tier a balance falls in, ignoring hysteresis (for the very first mode record).
    pub fn tier_for_balance(&self, balance: Usd) -> &ModeTier {
        self.tiers.iter().rev().find(|t| balance >= t.min_balance).unwrap_or(&self.tiers[0])
    }
}

/// `[boost]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoostConfig {
    /// Boost applies while equity is below this.
    pub below_balance: Usd,
    /// Position size multiplier (applied once).
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub multiplier: Decimal,
    /// The boosted position share of equity never exceeds this.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub max_position_pct: Decimal,
}

impl Default for BoostConfig {
    fn default() -> Self {
        BoostConfig { below_balance: Usd(Decimal::new(15, 0)), multiplier: dec!(1.5), max_position_pct: dec!(0.90) }
    }
}

/// `[milestones]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MilestonesConfig {
    /// Equity amounts announced once each, ascending.
    pub amounts: Vec<Usd>,
}

impl Default for MilestonesConfig {
    fn default() -> Self {
        MilestonesConfig { amounts: [20, 50, 100, 200, 500, 1000].iter().map(|a| Usd(Decimal::new(*a, 0))).collect() }
    }
}

/// `[breaker]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BreakerConfig {
    /// Consecutive failures that open a breaker.
    pub failure_threshold: u32,
    /// How long it stays open before one probe is allowed.
    pub cooldown_secs: u64,
    /// How long an elected probe may take before another may be elected.
    pub probe_timeout_secs: u64,
}

impl Default for BreakerConfig {
    fn default() -> Self {
        BreakerConfig { failure_threshold: 5, cooldown_secs: 60, probe_timeout_secs: 30 }
    }
}

/// `[risk]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskConfig {
    /// Stop buying once the day's loss reaches this share of start-of-day equity.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub daily_loss_limit_pct: Decimal,
    /// Most of equity held in open positions (at cost).
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub max_exposure_pct: Decimal,
    /// Most of equity in one market (at cost).
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub per_market_cap_pct: Decimal,
    /// Most open positions at once.
    pub max_open_positions: u32,
    /// Signals older than this are stale and refused.
    pub max_signal_age_secs: u64,
    /// Refuse when the price we would pay differs from the leader's by more than this (absolute).
    pub max_price_drift: Price,
    /// Refuse buys in markets ending sooner than this.
    pub min_secs_to_expiry: u64,
}

impl Default for RiskConfig {
    fn default() -> Self {
        RiskConfig {
            daily_loss_limit_pct: dec!(0.15),
            max_exposure_pct: dec!(0.90),
            per_market_cap_pct: dec!(0.35),
            max_open_positions: 12,
            max_signal_age_secs: 120,
            max_price_drift: Price(dec!(0.04)),
            min_secs_to_expiry: 3600,
        }
    }
}

/// `[sizing]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SizingConfig {
    /// Marketable orders below this notional are refused by the venue (about $1).
    pub min_order_notional: Usd,
    /// Fallback minimum size when the market does not say.
    pub default_min_order_size: Shares,
    /// Fallback tick when the market does not say.
    pub default_tick_size: Price,
    /// Worst acceptable price = leader's price ± this (absolute), clamped to the book's range.
    pub slippage_tolerance: Price,
    /// Kelly edge assumed from a leader's realised return: p = price + (1 − price) × roi × this.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub edge_from_roi: Decimal,
    /// Largest win probability the sizing will ever assume.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub max_win_probability: Decimal,
}

impl Default for SizingConfig {
    fn default() -> Self {
        SizingConfig {
            min_order_notional: Usd(Decimal::ONE),
            default_min_order_size: Shares(Decimal::new(5, 0)),
            default_tick_size: Price(dec!(0.01)),
            slippage_tolerance: Price(dec!(0.02)),
            edge_from_roi: dec!(0.5),
            max_win_probability: dec!(0.97),
        }
    }
}

/// An allocation tier: leaders ranked `1..=up_to_rank` by quality get `share` of a full stake.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationTier {
    /// Last rank (1-based) in this tier.
    pub up_to_rank: u32,
    /// Multiplier on the stake for leaders in this tier.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub share: Decimal,
}

/// `[copy]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CopyConfig {
    /// Most leaders followed at once, filled best-first.
    pub max_leaders: u32,
    /// Allocation by quality rank, best first; ranks past the last tier get `default_share`.
    pub allocation_tiers: Vec<AllocationTier>,
    /// Share for leaders ranked past every tier.
    #[serde(deserialize_with = "crate::money::deserialize_decimal")]
    pub default_share: Decimal,
    /// Only these categories, when non-empty.
    pub allow_categories: Vec<String>,
    /// Never these categories.
    pub deny_categories: Vec<String>,
    /// Only these markets (condition ids), when non-empty.
    pub allow_markets: Vec<String>,
    /// Never these markets.
    pub deny_markets: Vec<String>,
    /// Markets with less liquidity are skipped.
    pub min_liquidity: Usd,
    /// Copy a leader's sells in proportion.
    pub copy_exits: bool,
}

impl Default for CopyConfig {
    fn default() -> Self {
        CopyConfig {
            max_leaders: 8,
            allocation_tiers: vec![AllocationTier { up_to_rank: 2, share: dec!(1.0) }, AllocationTier { up_to_rank: 5, share: dec!(0.7) }],
            default_share: dec!(0.4),
            allow_categories: vec![],
            deny_categories: vec![],
            allow_markets: vec![],
            deny_markets: vec![],
            min_liquidity: Usd(Decimal::new(500, 0)),
            copy_exits: true,
        }
    }
}

/// `[bot_filter]`: what makes a wallet look automated.
///
/// Each bot sign is measured against its own threshold here; a wallet is a bot only when the
/// signs together score at least `bot_score_threshold` *and* at least
/// `min_corroborating_signs` independent signs are present (or one sign that is physically
/// out of reach for a person — sustained sub-second reactions, hundreds of orders a day, dust
/// farming, buying both outcomes in the same seconds — is at full strength).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BotFilterConfig {
    /// Fewer trades than this: `insufficient_data`.
    pub min_trades: u32,
    /// Fewer active days than this: `insufficient_data`.
    pub min_active_days: u32,
    /// A history too thin to clear a wallet (below `min_trades` or `min_active_days`) still
    /// convicts it from this many orders on, when its signs score `thin_history_bot_score`…
    pub min_trades_to_convict: u32,
    /// …or more and are corroborated as for any bot, or one decisive sign is at full strength
    /// (a thin history never makes a person).
    pub thin_history_bot_score: f64,
    /// Score at or above which a wallet is a bot (0..1), given enough corroboration.
    pub bot_score_threshold: f64,
    /// Independent signs (each at `sign_present_strength` or more) needed for a bot verdict,
    /// unless a decisive sign is at full strength.
    pub min_corroborating_signs: u32,
    /// Strength (0..1) from which a sign counts as present.
    pub sign_present_strength: f64,
    /// Trades per active day above which activity alone is suspicious.
    pub max_human_trades_per_day: f64,
    /// Coefficient of variation of gaps below which timing is machine-regular.
    pub min_human_gap_cv: f64,
    /// Gap regularity only counts when the median gap between orders is at most this long (a
    /// person who trades once a day at breakfast has regular gaps too).
    pub max_regular_gap_secs: u64,
    /// Orders above which regular timing is strong evidence (fewer: weak).
    pub regular_timing_min_orders: u32,
    /// Share of sub-second gaps (between different transactions) that marks a bot.
    pub max_subsecond_share: f64,
    /// Fewest zero-second gaps between different orders before they count (one or two are
    /// coincidence; sustained ones are not).
    pub min_subsecond_gaps: u32,
    /// Share of the day (1 − longest quiet stretch / 24 h) above which the wallet trades
    /// around the clock.
    pub max_human_hour_coverage: f64,
    /// An hour of the day is quiet when it holds less than this share of a wallet's orders
    /// (a person's rare 3 a.m. trade is not activity around the clock).
    pub quiet_hour_share: f64,
    /// Coefficient of variation of sizes below which sizes are machine-constant.
    pub min_human_size_cv: f64,
    /// Length of the daily stretch in which a person sleeps, hours (the quietest such stretch
    /// of the day is where a wallet's night would be).
    pub sleep_window_hours: u32,
    /// Share of orders in the quietest `sleep_window_hours` of the day from which the wallet
    /// does not sleep (a person's is near zero; a wallet spread over the clock holds a third).
    pub min_sleepless_window_share: f64,
    /// Share of orders in the quietest `sleep_window_hours` from which, on a history of
    /// `decisive_sleepless_orders` orders over `decisive_sleepless_days` active days or more,
    /// trading around the clock weighs `weights.sleepless_weeks` and decides alone: weeks
    /// without a night's sleep are beyond a person (a wallet spread evenly shows a third).
    pub decisive_sleepless_window_share: f64,
    /// Fewest orders for the decisive reading of trading around the clock.
    pub decisive_sleepless_orders: u32,
    /// Fewest active days for the decisive reading of trading around the clock.
    pub decisive_sleepless_days: u32,
    /// A rest: a gap of at least this many hours between orders (a person's night's sleep).
    pub rest_gap_hours: u32,
    /// Share of the history's days without a rest from which, on the decisive history above,
    /// trading around the clock decides alone: a person rests on nearly every day, a program
    /// that only slows at night rests on few.
    pub decisive_unrested_day_share: f64,
    /// Days in one week of the weekly reading of sleep: a person whose hours drift (shifts,
    /// travel) still sleeps at one time within a week, so the quietest hours are read week by
    /// week, each window starting a day after the last.
    pub weekly_window_days: u32,
    /// Fewest orders in a week before its quietest hours are read.
    pub min_weekly_window_orders: u32,
    /// Fewest weeks read before the weekly reading can decide.
    pub min_weekly_windows: u32,
    /// Share of orders in the quietest `sleep_window_hours` of the median week from which
    /// trading around the clock decides alone: no week with a night's sleep in it (a wallet
    /// spread evenly holds about a third; a person, even on shifts, near none).
    pub decisive_weekly_quiet_share: f64,
    /// Share of orders repeating the price of an earlier order in the same token and side
    /// within `resting_repeat_window_secs` from which the fills are taken to be resting limit
    /// orders, which fill at the taker's hour, not their owner's: the weekly reading is then
    /// not read.
    pub max_resting_repeat_share: f64,
    /// How far back an order's price is looked for among the same token and side (seconds).
    pub resting_repeat_window_secs: u64,
    /// Coefficient of variation of share counts over every order, buys and sells, below which
    /// the wallet trades one exact share count: a number set in a program. A person trading in
    /// and out types a dollar amount, so their share counts follow the price; such a count is
    /// then not explained by trading both sides of markets, and the two stay two signs.
    pub max_exact_share_cv: f64,
    /// Dispersion of buy stakes (median absolute deviation / median, dollars) below which the
    /// wallet buys at one fixed stake, as a copy bot does.
    pub max_fixed_stake_dispersion: f64,
    /// Fewest buys before the dispersion of stakes is judged.
    pub min_stake_buys: u32,
    /// Share of markets traded on both sides (within `two_sided_window_secs`) from which
    /// two-sided trading is a sign.
    pub max_two_sided_share: f64,
    /// Window for two-sided trading.
    pub two_sided_window_secs: u64,
    /// Two-sided episodes per two-sided market from which trading both sides looks like
    /// quoting (a maker) rather than getting in and out (a person).
    pub market_maker_events_per_market: f64,
    /// Largest imbalance (|bought − sold| / traded shares, per two-sided market) a maker keeps:
    /// quoting is inventory-neutral.
    pub max_maker_inventory_imbalance: f64,
    /// Median round-trip holding time below which holds are short.
    pub min_human_median_hold_secs: u64,
    /// Fewest FIFO-matched round trips before hold times are judged.
    pub min_round_trips: u32,
    /// Fewest active days before closing nearly every position is judged: kept day after day it
    /// is a discipline; over a few evenings of live games it is how a person bets in-play.
    pub min_close_active_days: u32,
    /// Share of bought shares sold again within `min_human_median_hold_secs` from which
    /// closing positions quickly is a sign of its own (a scalper's discipline).
    pub min_quick_close_share: f64,
    /// Trades under this notional are micro-trades.
    pub micro_trade_notional: Usd,
    /// Share of micro-trades that marks a bot.
    pub max_micro_share: f64,
    /// A buy at or above this price is a buy of a near-certain outcome (resolution sniping).
    pub sniper_min_price: f64,
    /// Share of buys at or above `sniper_min_price`, in markets the wallet entered at that
    /// price, from which entering near certainty is a sign.
    pub max_high_price_buy_share: f64,
    /// Buys of both outcomes of one market this close together are one arbitrage pair.
    pub pair_window_secs: u64,
    /// Share of buys that are half of such a pair from which it is a sign.
    pub max_paired_buy_share: f64,
    /// Fewest orders in a row of one token and side that make a sliced run (a parent order
    /// cut into child orders).
    pub min_slice_orders: u32,
    /// Shortest gap between two child orders of a sliced run, seconds (faster is one sweep).
    pub min_slice_gap_secs: u64,
    /// Longest gap between two child orders of a sliced run, seconds.
    pub max_slice_gap_secs: u64,
    /// Two gaps repeat when they differ by at most this share of the earlier one…
    pub slice_gap_tolerance: f64,
    /// …or by at most this many seconds, whichever is larger.
    pub slice_gap_tolerance_secs: u64,
    /// Two child orders are of one size when shares or dollars differ by at most this share.
    pub slice_size_tolerance: f64,
    /// Share of orders in sliced runs (repeating gaps) from which slicing is a sign.
    pub max_sliced_share: f64,
    /// Share of orders in runs of one size from which equal child orders are a sign.
    pub max_equal_slice_share: f64,
    /// The venue's minimum order, shares (Polymarket's CLOB: 5).
    pub venue_min_order_shares: f64,
    /// Share of buys at exactly the venue minimum from which clamping to it is a sign.
    pub max_min_size_buy_share: f64,
    /// Orders inside sliced runs from which slicing at full strength is beyond a person (a
    /// TWAP executor's child orders at one interval, parent after parent) and decides alone.
    pub decisive_sliced_orders: u32,
    /// Share of orders (other than the venue minimum) at one exact share size from which the
    /// wallet trades a fixed clip, as a resting order refilled at its displayed size is taken.
    pub max_modal_size_share: f64,
    /// Fewest orders before the share at one exact size is judged.
    pub min_modal_size_orders: u32,
    /// Width of the daily slot, seconds, in which a scheduled job's orders fall day after day.
    pub schedule_slot_secs: u64,
    /// Fewest active days before a daily schedule is judged.
    pub min_schedule_days: u32,
    /// Share of active days with an order inside one daily slot from which the wallet runs on
    /// a clock (a person's habits drift by more than the slot).
    pub max_schedule_day_share: f64,
    /// Share of active days with an order inside one daily slot from which the schedule
    /// decides alone, on `decisive_schedule_days` days or more, however few the orders: a job
    /// on a daily clock, where a person's habits drift by more than the slot from day to day.
    pub decisive_schedule_day_share: f64,
    /// Fewest active days before a daily schedule decides alone; the days, not the orders,
    /// are its evidence, so it convicts a history too short in orders to clear the wallet.
    pub decisive_schedule_days: u32,
    /// Periods (seconds) of the timers a scheduled job may run on: the wallet's sessions are
    /// folded onto each, and a job fires in the same narrow slot of its period time after
    /// time. Whole hours and up, as markets that open on the quarter hour draw people to the
    /// same minute.
    pub clock_periods_secs: Vec<u64>,
    /// Width of the slot of a period (seconds) in which a timer's sessions fall.
    pub clock_slot_secs: u64,
    /// Orders further apart than this (seconds) start a new session (one run of a job).
    pub clock_session_gap_secs: u64,
    /// Fewest sessions before the clock is judged.
    pub min_clock_sessions: u32,
    /// Share of sessions starting in one slot of one period from which the wallet runs on a
    /// timer (full at 0.3 more).
    pub max_clock_share: f64,
    /// Sessions inside that slot from which a timer at full strength is beyond a person and
    /// decides alone.
    pub decisive_clock_sessions: u32,
    /// Orders this close together (seconds) are one burst.
    pub burst_gap_secs: u64,
    /// Fewest distinct markets in a burst for it to count (a person needs longer to move from
    /// one market's page to the next).
    pub min_burst_markets: u32,
    /// Fewest such bursts before batching is judged.
    pub min_bursts: u32,
    /// Share of orders inside multi-market bursts from which batching is a sign.
    pub max_burst_share: f64,
    /// Bursts from which batching at full strength is beyond a person (a program working
    /// through its list of markets, run after run) and decides alone.
    pub decisive_bursts: u32,
    /// How far before (and after) one of the wallet's orders the market's public trades are
    /// read for another wallet's order of the same token and side, seconds: a copy bot's lag.
    pub trail_window_secs: u64,
    /// The wallet's orders around which the market's trades are read (requests per candidate).
    pub trail_windows: u32,
    /// Most market trades read per window (the oldest kept): the trailing reading uses a
    /// window only when its part within `trail_window_secs` of the order was read whole.
    pub trail_window_limit: u32,
    /// Most market trades within `trail_window_secs` of the order for the window to be read for
    /// trailing: more is a busy market's crowd, where a few wallets first says nothing.
    pub max_trail_trades: u32,
    /// Fewest complete windows before trailing is judged.
    pub min_trail_windows: u32,
    /// Fewest windows in which one other wallet traded first for it to count as a leader.
    pub min_trail_matches: u32,
    /// A leader traded first at least this many times as often as it traded after (a wallet
    /// busy in the market all the time is as often after as before).
    pub trail_lift: f64,
    /// Most distinct wallets on the same token and side within `trail_window_secs` before the
    /// wallet for a window to show following (more is a rush, as after news, not a leader).
    pub max_trail_crowd: u32,
    /// Share of windows in which a leader traded the same token and side first, from which
    /// trailing other wallets is a sign (full, and beyond a person, at twice this).
    pub min_trailing_share: f64,
    /// How far before (and after) an order another wallet's order of the same token and side
    /// counts for following, seconds: a copy program polling the venue for its leaders' trades,
    /// among the others who follow the same wallets (no crowd cap).
    pub follow_window_secs: u64,
    /// Share of windows (read whole within `follow_window_secs`) behind a repeat leader from
    /// which following is a sign; a person who chases news or copies by hand minutes later is
    /// behind the same wallets in some windows, not nearly all.
    pub min_follow_share: f64,
    /// Share of such windows at which following is at full strength, beyond a person.
    pub full_follow_share: f64,
    /// A leader counts for following only where it came before the other leaders, and only if
    /// it did in at least this share of the windows it was in: a famous wallet comes before
    /// its followers every time, no one of a rush of programs on one feed does.
    pub min_opening_share: f64,
    /// How far before (and after) an order another wallet's order of the same token and side
    /// counts for following slowly, seconds: a copy program polling for its leaders' trades
    /// every few minutes, or a person copying by hand when they look.
    pub slow_follow_window_secs: u64,
    /// Share of windows (read whole within `slow_follow_window_secs`) behind a repeat leader
    /// from which the wallet's orders are read for a poll timer.
    pub min_slow_follow_share: f64,
    /// Shortest poll period tried, seconds (at least two slots).
    pub min_poll_period_secs: u64,
    /// Longest poll period tried, seconds.
    pub max_poll_period_secs: u64,
    /// Width of the slot of the period a program's orders fall in after its poll (the poll's
    /// own lag and the order's round trip), seconds.
    pub poll_slot_secs: u64,
    /// Fewest orders before the timer is read.
    pub min_poll_orders: u32,
    /// Most orders read for the timer (the latest).
    pub max_poll_orders: u32,
    /// The chance (over every period and slot tried) below which orders crowding one slot is a
    /// timer, not chance: with following slowly, a copy program polling on a timer.
    pub max_poll_chance: f64,
    /// How far before and after each read order the market's trades are read for where the
    /// price went, seconds (the window reaches the longer of this and `trail_window_secs`).
    pub lead_window_secs: u64,
    /// A price move (probability, 0..1) from the order's price to the market's last trade
    /// within `lead_window_secs` after it, in the order's favour, that counts as trading ahead
    /// of the market — when the order was within as much of the price as long before it.
    pub lead_move: f64,
    /// Fewest windows with another wallet's trade both within `lead_window_secs` before and
    /// after the order (where the price stood and went) before leading is judged.
    pub min_lead_windows: u32,
    /// The seconds before an order in which a rush of other wallets' trades in its market
    /// counts as the order being placed in the rush (a program on the same feed as the others).
    pub rush_secs: u64,
    /// Fewest other wallets' trades within `rush_secs` before the order for a rush.
    pub min_rush_trades: u32,
    /// A rush holds at least this many times the trades the window's own pace gives
    /// `rush_secs` (a busy market's steady flow is no rush).
    pub rush_lift: f64,
    /// Fewest windows with another wallet's trade before trading in the rush is judged.
    pub min_rush_windows: u32,
    /// Share of those windows with the order in a rush, from which trading in the rush is a
    /// sign (full, and beyond a person, at twice this): a person watching the game or reading
    /// the news taps seconds to minutes after the feeds, not within seconds again and again.
    pub min_rush_share: f64,
    /// How much each sign weighs (0..1) at full strength.
    pub weights: BotSignWeights,
}

/// `[bot_filter.weights]`: each sign's weight at full strength in the noisy-OR score. A weight
/// below `bot_score_threshold` cannot make a bot alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BotSignWeights {
    /// Hundreds of orders a day (decisive).
    pub busy: f64,
    /// Sustained sub-second reactions (decisive).
    pub subsecond: f64,
    /// Mostly dust trades (decisive).
    pub dust: f64,
    /// Both outcomes bought within seconds, repeatedly (decisive).
    pub paired_buys: f64,
    /// Trading around the clock with no sleep gap.
    pub sleepless: f64,
    /// Trading around the clock at the decisive reading, over weeks (decides alone).
    pub sleepless_weeks: f64,
    /// Machine-regular gaps, many orders.
    pub regular_timing: f64,
    /// Machine-regular gaps, few orders.
    pub regular_timing_few: f64,
    /// Near-constant sizes (spread of all order sizes).
    pub constant_size: f64,
    /// One fixed dollar stake behind most buys (the same sign as `constant_size`, read from
    /// stakes; the larger of the two counts).
    pub fixed_stake: f64,
    /// Two-sided, inventory-neutral quoting.
    pub maker_quoting: f64,
    /// Getting in and out quickly (two-sided within the window, or short holds).
    pub quick_round_trips: f64,
    /// Mostly buying near-certain outcomes.
    pub sniping: f64,
    /// Closing nearly every position within the hold floor.
    pub closes_everything: f64,
    /// Child orders of one token and side at a repeating interval (the reading of machine
    /// timing that decides alone past `decisive_sliced_orders`).
    pub slicing: f64,
    /// Orders in several markets within seconds of each other, again and again (decisive past
    /// `decisive_bursts`).
    pub batched: f64,
    /// Trading the same token and side seconds after one of a few other wallets, again and
    /// again (a copy bot; decisive at full strength).
    pub trailing: f64,
    /// Behind the same leaders minutes later, nearly every time, on the ticks of a poll timer
    /// (a copy program polling the venue; decisive at full strength).
    pub polling: f64,
    /// Sessions starting in one slot of a timer's period (decisive past
    /// `decisive_clock_sessions`).
    pub timer: f64,
    /// Trading on a feed: within seconds after a rush of other trades, window after window
    /// (decisive at full strength).
    pub rush: f64,
}

impl Default for BotSignWeights {
    fn default() -> Self {
        BotSignWeights {
            busy: 0.7,
            subsecond: 0.9,
            dust: 0.6,
            paired_buys: 0.6,
            sleepless: 0.4,
            sleepless_weeks: 0.6,
            regular_timing: 0.45,
            regular_timing_few: 0.3,
            constant_size: 0.35,
            fixed_stake: 0.4,
            maker_quoting: 0.45,
            quick_round_trips: 0.35,
            sniping: 0.45,
            closes_everything: 0.35,
            slicing: 0.6,
            batched: 0.6,
            trailing: 0.6,
            polling: 0.6,
            timer: 0.6,
            rush: 0.6,
        }
    }
}

impl Default for BotFilterConfig {
    fn default() -> Self {
        BotFilterConfig {
            min_trades: 20,
            min_active_days: 3,
            min_trades_to_convict: 15,
            thin_history_bot_score: 0.7,
            bot_score_threshold: 0.5,
            min_corroborating_signs: 2,
            sign_present_strength: 0.25,
            max_human_trades_per_day: 60.0,
            min_human_gap_cv: 0.5,
            max_regular_gap_secs: 6 * 3600,
            regular_timing_min_orders: 30,
            max_subsecond_share: 0.05,
            min_subsecond_gaps: 5,
            max_human_hour_coverage: 0.85,
            quiet_hour_share: 0.01,
            min_human_size_cv: 0.15,
            sleep_window_hours: 8,
            min_sleepless_window_share: 0.08,
            decisive_sleepless_window_share: 0.27,
            decisive_sleepless_orders: 200,
            decisive_sleepless_days: 20,
            rest_gap_hours: 6,
            decisive_unrested_day_share: 0.4,
            weekly_window_days: 7,
            min_weekly_window_orders: 20,
            min_weekly_windows: 5,
            decisive_weekly_quiet_share: 0.2,
            max_resting_repeat_share: 0.3,
            resting_repeat_window_secs: 86_400,
            max_exact_share_cv: 0.005,
            max_fixed_stake_dispersion: 0.1,
            min_stake_buys: 20,
            max_two_sided_share: 0.4,
            two_sided_window_secs: 3600,
            market_maker_events_per_market: 3.0,
            max_maker_inventory_imbalance: 0.5,
            min_human_median_hold_secs: 1800,
            min_round_trips: 5,
            min_close_active_days: 10,
            min_quick_close_share: 0.85,
            micro_trade_notional: Usd(Decimal::ONE),
            max_micro_share: 0.5,
            sniper_min_price: 0.9,
            max_high_price_buy_share: 0.3,
            pair_window_secs: 2,
            max_paired_buy_share: 0.1,
            min_slice_orders: 5,
            min_slice_gap_secs: 5,
            max_slice_gap_secs: 1800,
            slice_gap_tolerance: 0.1,
            slice_gap_tolerance_secs: 2,
            slice_size_tolerance: 0.01,
            max_sliced_share: 0.1,
            max_equal_slice_share: 0.3,
            venue_min_order_shares: 5.0,
            max_min_size_buy_share: 0.04,
            decisive_sliced_orders: 40,
            max_modal_size_share: 0.35,
            min_modal_size_orders: 20,
            schedule_slot_secs: 120,
            min_schedule_days: 7,
            max_schedule_day_share: 0.6,
            decisive_schedule_day_share: 0.9,
            decisive_schedule_days: 8,
            clock_periods_secs: vec![3600, 7200, 10_800, 14_400, 21_600, 28_800, 43_200, 86_400],
            clock_slot_secs: 60,
            clock_session_gap_secs: 60,
            min_clock_sessions: 20,
            max_clock_share: 0.5,
            decisive_clock_sessions: 20,
            burst_gap_secs: 10,
            min_burst_markets: 3,
            min_bursts: 3,
            max_burst_share: 0.1,
            decisive_bursts: 10,
            trail_window_secs: 60,
            trail_windows: 20,
            trail_window_limit: 500,
            max_trail_trades: 100,
            min_trail_windows: 8,
            min_trail_matches: 3,
            trail_lift: 3.0,
            max_trail_crowd: 3,
            min_trailing_share: 0.3,
            follow_window_secs: 120,
            min_follow_share: 0.7,
            full_follow_share: 0.9,
            min_opening_share: 0.4,
            slow_follow_window_secs: 1800,
            min_slow_follow_share: 0.7,
            min_poll_period_secs: 120,
            max_poll_period_secs: 1800,
            poll_slot_secs: 75,
            min_poll_orders: 20,
            max_poll_orders: 300,
            max_poll_chance: 1e-6,
            lead_window_secs: 300,
            lead_move: 0.04,
            min_lead_windows: 5,
            rush_secs: 5,
            min_rush_trades: 3,
            rush_lift: 3.0,
            min_rush_windows: 8,
            min_rush_share: 0.2,
            weights: BotSignWeights::default(),
        }
    }
}

/// `[quality]`: the floor a leader must stay above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QualityConfig {
    /// Realised PnL at least this.
    pub min_realized_pnl: Usd,
    /// At least this many active days.
    pub min_active_days: u32,
    /// At least this many distinct markets.
    pub min_markets: u32,
    /// At least this many trades.
    pub min_trades: u32,
    /// Median bet at least this (dust traders are not worth copying).
    pub min_median_bet: Usd,
    /// Realised drawdown at most this share of peak realised PnL curve.
    pub max_drawdown_pct: f64,
    /// Score (0..1) at least this to follow or keep following.
    pub min_score: f64,
    /// How often followed leaders are judged again.
    pub rejudge_every_secs: u64,
}

impl Default for QualityConfig {
    fn default() -> Self {
        QualityConfig {
            min_realized_pnl: Usd(Decimal::new(50, 0)),
            min_active_days: 3,
            min_markets: 3,
            min_trades: 10,
            min_median_bet: Usd(Decimal::new(5, 0)),
            max_drawdown_pct: 0.6,
            min_score: 0.3,
            rejudge_every_secs: 86_400,
        }
    }
}

/// `[discovery]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiscoveryConfig {
    /// Leaderboard windows to read.
    pub windows: Vec<crate::market::LeaderboardWindow>,
    /// Rows per window.
    pub per_window: u32,
    /// Extra wallets to judge (0x + 40 hex).
    pub seed_wallets: Vec<String>,
    /// Trades read per candidate for the bot filter.
    pub history_limit: u32,
}

impl Default for DiscoveryConfig {
    fn default() -> Self {
        use crate::market::LeaderboardWindow::*;
        DiscoveryConfig { windows: vec![Week, Month, All], per_window: 50, seed_wallets: vec![], history_limit: 2000 }
    }
}

/// `[poller]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PollerConfig {
    /// Time between polls inside one invocation.
    pub poll_interval_ms: u64,
    /// Rows read per wallet per poll.
    pub max_trades_per_poll: u32,
    /// Stop looping this long before the invocation's deadline.
    pub deadline_margin_ms: u64,
    /// Lease on the polling loop, so two invocations never poll at once.
    pub lease_secs: u64,
    /// How often each followed leader's trades are read again to find any the polls missed
    /// (one Data API `/trades` request per leader per pass).
    pub reconcile_every_secs: u64,
    /// Trades younger than this are left to the fast path; older ones without a signal are
    /// missed.
    pub reconcile_grace_secs: u64,
}

impl Default for PollerConfig {
    fn default() -> Self {
        PollerConfig {
            poll_interval_ms: 2000,
            max_trades_per_poll: 500,
            deadline_margin_ms: 3000,
            lease_secs: 70,
            reconcile_every_secs: 600,
            reconcile_grace_secs: 300,
        }
    }
}

/// `[queues]`: consumer settings; the SAM template and the emulator set-up use the same values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QueuesConfig {
    /// Receives before a message is dead-lettered.
    pub max_receive: u32,
    /// Visibility timeout of every queue.
    pub visibility_timeout_secs: u64,
    /// Messages per consumer batch.
    pub batch_size: u32,
    /// How long a copier's claim stays in progress before another copier may take it over.
    pub claim_in_progress_secs: u64,
    /// How long completed claims are kept (garbage collection only).
    pub claim_ttl_secs: u64,
}

impl Default for QueuesConfig {
    fn default() -> Self {
        QueuesConfig {
            max_receive: 5,
            visibility_timeout_secs: 180,
            batch_size: 10,
            claim_in_progress_secs: 30,
            claim_ttl_secs: 7 * 86_400,
        }
    }
}

/// `[notifications]`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotificationsConfig {
    /// UTC hour at which the daily summary is sent.
    pub daily_summary_hour_utc: u32,
    /// Refusals are batched into one summary per this window.
    pub refusal_summary_secs: u64,
    /// How many closed refusal windows a health check looks back over, so windows it missed
    /// (no health check ran) are summarised late rather than never (at most 100).
    pub refusal_catch_up_windows: u32,
    /// Discord webhook destinations (`[[notifications.discord]]`).
    pub discord: Vec<DestinationConfig>,
    /// Slack incoming-webhook destinations (`[[notifications.slack]]`).
    pub slack: Vec<DestinationConfig>,
    /// Accept `http://127.0.0.1` / `localhost` webhook URLs: local trials and tests only.
    pub allow_loopback_urls: bool,
    /// Limits every Discord webhook is held to (all windows at once).
    pub discord_rate_limits: Vec<RateWindow>,
    /// Limits every Slack webhook is held to.
    pub slack_rate_limits: Vec<RateWindow>,
    /// Timeouts, retries and back-off of one webhook post.
    pub delivery: DeliveryConfig,
    /// How many notifier processes may post at once (on AWS, the notifier's SQS
    /// `MaximumConcurrency`): each webhook's limits are shared out among them.
    pub notifier_concurrency: u32,
}

impl NotificationsConfig {
    /// One notifier process's share of `limits` when `notifier_concurrency` of them post to the
    /// same webhook at once: fewer requests per window, or a longer window when a window allows
    /// fewer requests than there are processes; together they never exceed `limits`.
    pub fn per_process(&self, limits: &[RateWindow]) -> Vec<RateWindow> {
        let n = self.notifier_concurrency.max(1);
        limits
            .iter()
            .map(|w| {
                if w.requests >= n {
                    RateWindow { requests: w.requests / n, window_ms: w.window_ms }
                } else {
                    RateWindow { requests: w.requests, window_ms: w.window_ms.saturating_mul(u64::from(n.div_ceil(w.requests))) }
                }
            })
            .collect()
    }
}

impl Default for NotificationsConfig {
    fn default() -> Self {
        NotificationsConfig {
            daily_summary_hour_utc: 21,
            refusal_summary_secs: 3600,
            refusal_catch_up_windows: 24,
            discord: Vec::new(),
            slack: Vec::new(),
            allow_loopback_urls: false,
            // Discord: about 5 requests per 2 s per webhook, and 30 per minute per channel
            // (https://discord.com/developers/docs/topics/rate-limits).
            discord_rate_limits: vec![RateWindow { requests: 5, window_ms: 2_000 }, RateWindow { requests: 30, window_ms: 60_000 }],
            // Slack: about 1 message per second per incoming webhook
            // (https://api.slack.com/apis/rate-limits).
            slack_rate_limits: vec![RateWindow { requests: 1, window_ms: 1_000 }],
            delivery: DeliveryConfig::default(),
            notifier_concurrency: 1,
        }
    }
}

/// One webhook destination. Its URL is a secret: config names the environment variable that
/// holds it, never the URL itself (config is printed by `copycat config check`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DestinationConfig {
    /// Name used in logs and reports, e.g. `ops`.
    pub name: String,
    /// Environment variable holding the webhook URL.
    pub url_env: String,
    /// Least severity delivered here.
    #[serde(default = "default_min_severity")]
    pub min_severity: Severity,
    /// Event kinds delivered here (e.g. `trade_copied`); empty means every kind.
    #[serde(default)]
    pub kinds: Vec<String>,
}

fn default_min_severity() -> Severity {
    Severity::Info
}

/// At most `requests` posts in any `window_ms`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateWindow {
    /// Posts allowed in the window.
    pub requests: u32,
    /// Length of the sliding window.
    pub window_ms: u64,
}

/// `[notifications.delivery]`: how hard one webhook post is tried before the notification goes
/// back to the queue (and, after `queues.max_receive` receives, to the dead-letter queue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeliveryConfig {
    /// Timeout of one HTTP request.
    pub request_timeout_ms: u64,
    /// Attempts per destination per receive (5xx, timeouts and 429s each use one).
    pub max_attempts: u32,
    /// Wait after the first failed attempt; doubled each time.
    pub backoff_initial_ms: u64,
    /// Longest wait between attempts.
    pub backoff_max_ms: u64,
    /// Longest `Retry-After` honoured in-process; a longer one hands the message back to the queue.
    pub max_retry_after_ms: u64,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            request_timeout_ms: 5_000,
            max_attempts: 4,
            backoff_initial_ms: 500,
            backoff_max_ms: 8_000,
            max_retry_after_ms: 60_000,
        }
    }
}

/// `[demo]`: the simulated world of `copycat demo`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DemoConfig {
    /// Seed of everything random.
    pub seed: u64,
    /// Simulated days.
    pub days: u32,
    /// Wallets in the population.
    pub wallets: u32,
    /// Markets.
    pub markets: u32,
    /// Hours from the start at which the simulated Data API outage begins.
    pub outage_start_hours: u64,
    /// Length of the outage (0: none).
    pub outage_minutes: u64,
    /// Simulated round trip of an order.
    pub order_latency_ms: u64,
    /// How often discovery runs in the demo's simulated time (`[schedule]` sets the real clock's).
    pub discovery_every_secs: u64,
    /// How often the health check runs in the demo's simulated time.
    pub health_every_secs: u64,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            seed: 7,
            days: 7,
            wallets: 120,
            markets: 60,
            outage_start_hours: 60,
            outage_minutes: 6,
            order_latency_ms: 120,
            discovery_every_secs: 6 * 3600,
            health_every_secs: 60,
        }
    }
}

/// `[venue]`: where the Polymarket APIs are, how long to wait, how often to retry, and the
/// request budgets per endpoint family (sliding 10 s windows, from `reference/polymarket.md`
/// "Rate limits"; the client stays inside them process-wide).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VenueConfig {
    /// Data API base URL (trades, activity, positions, leaderboard).
    pub data_api_url: String,
    /// Gamma base URL (markets).
    pub gamma_url: String,
    /// CLOB base URL (books, prices).
    pub clob_url: String,
    /// Whole-request timeout, body included.
    pub request_timeout_ms: u64,
    /// TCP + TLS connect timeout.
    pub connect_timeout_ms: u64,
    /// Retries after the first attempt on 429, 5xx, timeouts and broken connections.
    pub max_retries: u32,
    /// First back-off before a retry; doubles each retry, fully jittered.
    pub retry_base_ms: u64,
    /// Longest back-off, and the longest `Retry-After` honoured (longer is a `RateLimited` failure).
    pub retry_max_ms: u64,
    /// Rows asked for per page of a paged endpoint.
    pub page_limit: u32,
    /// Most pages read for one answer; a cursor that never ends is a bad response past this.
    pub max_pages: u32,
    /// Requests in flight at once when discovery judges many wallets.
    pub discovery_concurrency: u32,
    /// How long a market's metadata is reused before Gamma is asked again.
    pub market_cache_secs: u64,
    /// Length of the venue's sliding rate window.
    pub rate_window_ms: u64,
    /// Data API requests per window, all routes.
    pub data_api_per_window: u32,
    /// Data API `/trades` requests per window.
    pub data_trades_per_window: u32,
    /// Data API `/positions` requests per window.
    pub data_positions_per_window: u32,
    /// Gamma requests per window, all routes.
    pub gamma_per_window: u32,
    /// Gamma `/markets` requests per window.
    pub gamma_markets_per_window: u32,
    /// CLOB requests per window, all routes.
    pub clob_per_window: u32,
    /// CLOB `/book` and `/price` requests per window (each).
    pub clob_book_per_window: u32,
}

impl Default for VenueConfig {
    fn default() -> Self {
        VenueConfig {
            data_api_url: "https://data-api.polymarket.com".into(),
            gamma_url: "https://gamma-api.polymarket.com".into(),
            clob_url: "https://clob.polymarket.com".into(),
            request_timeout_ms: 10_000,
            connect_timeout_ms: 3_000,
            max_retries: 3,
            retry_base_ms: 250,
            retry_max_ms: 10_000,
            page_limit: 500,
            max_pages: 40,
            discovery_concurrency: 32,
            market_cache_secs: 30,
            rate_window_ms: 10_000,
            data_api_per_window: 1_000,
            data_trades_per_window: 200,
            data_positions_per_window: 150,
            gamma_per_window: 4_000,
            gamma_markets_per_window: 300,
            clob_per_window: 9_000,
            clob_book_per_window: 1_500,
        }
    }
}

impl VenueConfig {
    /// Checks the venue rules; keys are reported as `venue.<field>`.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, rule: &str| Err(ConfigError::Invalid { key: format!("venue.{key}"), rule: rule.into() });
        for (key, url) in [("data_api_url", &self.data_api_url), ("gamma_url", &self.gamma_url), ("clob_url", &self.clob_url)] {
            let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
            if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) {
                return bad(key, "must be an http:// or https:// URL with a host");
            }
        }
        if self.retry_max_ms < self.retry_base_ms {
            return bad("retry_max_ms", "must be at least retry_base_ms");
        }
        if self.page_limit == 0 {
            return bad("page_limit", "must be at least 1");
        }
        if self.max_pages == 0 {
            return bad("max_pages", "must be at least 1");
        }
        if self.discovery_concurrency == 0 {
            return bad("discovery_concurrency", "must be at least 1");
        }
        let families = [
            ("data_trades_per_window", self.data_trades_per_window, self.data_api_per_window),
            ("data_positions_per_window", self.data_positions_per_window, self.data_api_per_window),
            ("gamma_markets_per_window", self.gamma_markets_per_window, self.gamma_per_window),
            ("clob_book_per_window", self.clob_book_per_window, self.clob_per_window),
        ];
        for (key, overall) in [
            ("data_api_per_window", self.data_api_per_window),
            ("gamma_per_window", self.gamma_per_window),
            ("clob_per_window", self.clob_per_window),
        ] {
            if overall == 0 {
                return bad(key, "must be at least 1");
            }
        }
        for (key, route, overall) in families {
            if route == 0 || route > overall {
                return bad(key, "must be at least 1 and at most its API's overall budget");
            }
        }
        Ok(())
    }
}

/// Longest value a `…_secs` key may hold: a year, far past any sensible setting and small enough
/// that every duration converts to a signed time span without overflow.
pub const MAX_DURATION_SECS: u64 = 366 * 86_400;

/// Longest value a `…_ms` key may hold: a day.
pub const MAX_DURATION_MS: u64 = 86_400_000;

/// A duration key's unit, read from its name's suffix (`_secs`, `_ms`, `_hours`, `_minutes`).
fn duration_unit(key: &str) -> (&'static str, u64) {
    if key.ends_with("_ms") {
        ("ms", MAX_DURATION_MS)
    } else if key.ends_with("_hours") {
        ("hours", MAX_DURATION_SECS / 3600)
    } else if key.ends_with("_minutes") {
        ("minutes", MAX_DURATION_SECS / 60)
    } else {
        ("s", MAX_DURATION_SECS)
    }
}

impl Config {
    /// Every duration in the config with its key and the least value it may take. Every duration
    /// is one type (`u64`, in the unit its key names), so a negative one is refused when the file
    /// is read; this table bounds them all in one place.
    pub fn durations(&self) -> Vec<(String, u64, u64)> {
        let n = &self.notifications;
        let mut v: Vec<(String, u64, u64)> = [
            ("modes.min_secs_in_tier", self.modes.min_secs_in_tier, 0),
            ("breaker.cooldown_secs", self.breaker.cooldown_secs, 1),
            ("breaker.probe_timeout_secs", self.breaker.probe_timeout_secs, 1),
            ("risk.max_signal_age_secs", self.risk.max_signal_age_secs, 1),
            ("risk.min_secs_to_expiry", self.risk.min_secs_to_expiry, 0),
            ("bot_filter.max_regular_gap_secs", self.bot_filter.max_regular_gap_secs, 1),
            ("bot_filter.two_sided_window_secs", self.bot_filter.two_sided_window_secs, 1),
            ("bot_filter.min_human_median_hold_secs", self.bot_filter.min_human_median_hold_secs, 0),
            ("bot_filter.pair_window_secs", self.bot_filter.pair_window_secs, 0),
            ("bot_filter.min_slice_gap_secs", self.bot_filter.min_slice_gap_secs, 1),
            ("bot_filter.max_slice_gap_secs", self.bot_filter.max_slice_gap_secs, 1),
            ("bot_filter.slice_gap_tolerance_secs", self.bot_filter.slice_gap_tolerance_secs, 0),
            ("bot_filter.schedule_slot_secs", self.bot_filter.schedule_slot_secs, 1),
            ("bot_filter.clock_slot_secs", self.bot_filter.clock_slot_secs, 1),
            ("bot_filter.clock_session_gap_secs", self.bot_filter.clock_session_gap_secs, 1),
            ("bot_filter.burst_gap_secs", self.bot_filter.burst_gap_secs, 1),
            ("bot_filter.trail_window_secs", self.bot_filter.trail_window_secs, 1),
            ("bot_filter.follow_window_secs", self.bot_filter.follow_window_secs, 1),
            ("bot_filter.slow_follow_window_secs", self.bot_filter.slow_follow_window_secs, 1),
            ("bot_filter.poll_slot_secs", self.bot_filter.poll_slot_secs, 1),
            ("bot_filter.max_poll_period_secs", self.bot_filter.max_poll_period_secs, 1),
            ("bot_filter.lead_window_secs", self.bot_filter.lead_window_secs, 1),
            ("bot_filter.rush_secs", self.bot_filter.rush_secs, 1),
            ("quality.rejudge_every_secs", self.quality.rejudge_every_secs, 1),
            ("poller.poll_interval_ms", self.poller.poll_interval_ms, 100),
            ("poller.deadline_margin_ms", self.poller.deadline_margin_ms, 0),
            ("poller.lease_secs", self.poller.lease_secs, 1),
            ("poller.reconcile_every_secs", self.poller.reconcile_every_secs, 1),
            ("poller.reconcile_grace_secs", self.poller.reconcile_grace_secs, 1),
            ("queues.visibility_timeout_secs", self.queues.visibility_timeout_secs, 0),
            ("queues.claim_in_progress_secs", self.queues.claim_in_progress_secs, 1),
            ("queues.claim_ttl_secs", self.queues.claim_ttl_secs, 1),
            ("notifications.refusal_summary_secs", n.refusal_summary_secs, 60),
            ("notifications.delivery.request_timeout_ms", n.delivery.request_timeout_ms, 1),
            ("notifications.delivery.backoff_initial_ms", n.delivery.backoff_initial_ms, 0),
            ("notifications.delivery.backoff_max_ms", n.delivery.backoff_max_ms, 0),
            ("notifications.delivery.max_retry_after_ms", n.delivery.max_retry_after_ms, 0),
            ("demo.outage_start_hours", self.demo.outage_start_hours, 0),
            ("demo.outage_minutes", self.demo.outage_minutes, 0),
            ("demo.order_latency_ms", self.demo.order_latency_ms, 0),
            ("demo.discovery_every_secs", self.demo.discovery_every_secs, 1),
            ("demo.health_every_secs", self.demo.health_every_secs, 1),
            ("venue.request_timeout_ms", self.venue.request_timeout_ms, 1),
            ("venue.connect_timeout_ms", self.venue.connect_timeout_ms, 1),
            ("venue.retry_base_ms", self.venue.retry_base_ms, 1),
            ("venue.retry_max_ms", self.venue.retry_max_ms, 1),
            ("venue.market_cache_secs", self.venue.market_cache_secs, 0),
            ("venue.rate_window_ms", self.venue.rate_window_ms, 1),
            // EventBridge's smallest rate is one minute.
            ("schedule.discovery_every_secs", self.schedule.discovery_every_secs, 60),
            ("schedule.health_every_secs", self.schedule.health_every_secs, 60),
            ("selection.detection_delay_ms", self.selection.detection_delay_ms, 0),
            ("selection.order_round_trip_ms", self.selection.order_round_trip_ms, 0),
            ("selection.fill_window_secs", self.selection.fill_window_secs, 1),
            ("selection.replay_mode_every_secs", self.selection.replay_mode_every_secs, 60),
            ("chaos.max_clock_skew_ms", self.chaos.max_clock_skew_ms, 0),
            ("chaos.visibility_timeout_secs", self.chaos.visibility_timeout_secs, 1),
            ("chaos.claim_in_progress_secs", self.chaos.claim_in_progress_secs, 1),
            ("chaos.invocation_timeout_ms", self.chaos.invocation_timeout_ms, 100),
            ("chain.request_timeout_ms", self.chain.request_timeout_ms, 1),
            ("chain.connect_timeout_ms", self.chain.connect_timeout_ms, 1),
            ("chain.retry_base_ms", self.chain.retry_base_ms, 1),
            ("chain.retry_max_ms", self.chain.retry_max_ms, 1),
            ("redemption.receipt_wait_ms", self.redemption.receipt_wait_ms, 0),
            ("redemption.receipt_poll_ms", self.redemption.receipt_poll_ms, 1),
            ("redemption.lease_secs", self.redemption.lease_secs, 1),
            ("chain.block_interval_ms", self.chain.block_interval_ms, 100),
            ("chain.stall_after_secs", self.chain.stall_after_secs, 1),
            ("chain.cursor_write_every_secs", self.chain.cursor_write_every_secs, 0),
        ]
        .into_iter()
        .map(|(k, v, min)| (k.to_string(), v, min))
        .collect();
        for (section, limits) in [("discord_rate_limits", &n.discord_rate_limits), ("slack_rate_limits", &n.slack_rate_limits)] {
            for (i, w) in limits.iter().enumerate() {
                v.push((format!("notifications.{section}[{i}].window_ms"), w.window_ms, 1));
            }
        }
        v
    }

    fn validate_durations(&self) -> Result<(), ConfigError> {
        for (key, value, min) in self.durations() {
            let (unit, max) = duration_unit(&key);
            if !(min..=max).contains(&value) {
                return Err(ConfigError::Invalid { key, rule: format!("must be a duration in {min}..={max} {unit}, got {value}") });
            }
        }
        Ok(())
    }

    /// Parses TOML text, applies `COPYCAT__…` overrides from `env`, and validates.
    pub fn from_toml_with_env(text: &str, env: impl IntoIterator<Item = (String, String)>) -> Result<Config, ConfigError> {
        let mut root: toml::Table = if text.trim().is_empty() {
            toml::Table::new()
        } else {
            text.parse::<toml::Table>().map_err(|e| ConfigError::Parse(e.to_string()))?
        };
        for (var, value) in env {
            let Some(path) = var.strip_prefix(ENV_PREFIX) else { continue };
            apply_override(&mut root, &var, path, &value)?;
        }
        let config: Config = serde_path_to_error::deserialize(toml::Value::Table(root)).map_err(|e| {
            let key = e.path().to_string();
            // toml's own message may end with an `in <key>` line; the key is already named.
            let rule = e.into_inner().to_string().lines().next().unwrap_or_default().trim().to_string();
            if key.is_empty() || key == "." { ConfigError::Parse(rule) } else { ConfigError::Invalid { key, rule } }
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Parses TOML text without environment overrides, and validates.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        Self::from_toml_with_env(text, std::iter::empty())
    }

    /// Checks every rule; the first broken one is returned with its key.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_durations()?;
        let bad = |key: &str, rule: &str| Err(ConfigError::Invalid { key: key.into(), rule: rule.into() });
        let frac = |key: &str, v: Decimal| -> Result<(), ConfigError> {
            if v <= Decimal::ZERO || v > Decimal::ONE { bad(key, &format!("must be in (0, 1], got {v}")) } else { Ok(()) }
        };
        if self.trading.starting_balance.0 <= Decimal::ZERO {
            return bad("trading.starting_balance", "must be above zero");
        }
        if let Err((key, rule)) = self.selection.check() {
            return bad(key, &rule);
        }
        if !(self.trading.geoblock_url.starts_with("https://") || self.trading.geoblock_url.starts_with("http://")) {
            return bad("trading.geoblock_url", "must be an http(s) URL");
        }
        self.trading.check_funder().or_else(|rule| bad("trading.funder", &rule))?;
        let m = &self.modes;
        if m.tiers.is_empty() {
            return bad("modes.tiers", "needs at least one tier");
        }
        if m.tiers[0].min_balance.0 != Decimal::ZERO {
            return bad("modes.tiers[0].min_balance", "the lowest tier must start at 0");
        }
        for (i, t) in m.tiers.iter().enumerate() {
            let k = |f: &str| format!("modes.tiers[{i}].{f}");
            if t.name.trim().is_empty() {
                return bad(&k("name"), "must not be empty");
            }
            frac(&k("position_pct"), t.position_pct)?;
            frac(&k("kelly_fraction"), t.kelly_fraction)?;
            frac(&k("max_drawdown"), t.max_drawdown)?;
            if i > 0 {
                let prev = &m.tiers[i - 1];
                if t.ordinal <= prev.ordinal {
                    return bad(&k("ordinal"), "ordinals must strictly increase down the table");
                }
                if t.min_balance <= prev.min_balance {
                    return bad(&k("min_balance"), "minimum balances must strictly increase down the table");
                }
                if m.tiers[..i].iter().any(|p| p.name == t.name) {
                    return bad(&k("name"), "tier names must be unique");
                }
            }
            let mut last = Decimal::ZERO;
            for (j, s) in t.drawdown_ladder.iter().enumerate() {
                if s.at <= last || s.at >= t.max_drawdown {
                    return bad(&k(&format!("drawdown_ladder[{j}].at")), "steps must increase and stay below max_drawdown");
                }
                frac(&k(&format!("drawdown_ladder[{j}].multiplier")), s.multiplier)?;
                last = s.at;
            }
        }
        if m.upgrade_buffer < Decimal::ONE {
            return bad("modes.upgrade_buffer", "must be at least 1 (hysteresis above the next tier's minimum)");
        }
        if m.downgrade_buffer <= Decimal::ZERO || m.downgrade_buffer > Decimal::ONE {
            return bad("modes.downgrade_buffer", "must be in (0, 1] (hysteresis below the current tier's minimum)");
        }
        if m.max_transitions_per_day == 0 {
            return bad("modes.max_transitions_per_day", "must be at least 1");
        }
        frac("modes.emergency_stop_drawdown", m.emergency_stop_drawdown)?;
        if self.boost.multiplier < Decimal::ONE {
            return bad("boost.multiplier", "must be at least 1");
        }
        frac("boost.max_position_pct", self.boost.max_position_pct)?;
        if self.milestones.amounts.windows(2).any(|w| w[0] >= w[1]) || self.milestones.amounts.iter().any(|a| a.0 <= Decimal::ZERO) {
            return bad("milestones.amounts", "must be positive and strictly ascending");
        }
        if self.breaker.failure_threshold == 0 {
            return bad("breaker.failure_threshold", "must be at least 1");
        }
        let r = &self.risk;
        frac("risk.daily_loss_limit_pct", r.daily_loss_limit_pct)?;
        frac("risk.max_exposure_pct", r.max_exposure_pct)?;
        frac("risk.per_market_cap_pct", r.per_market_cap_pct)?;
        if r.max_open_positions == 0 {
            return bad("risk.max_open_positions", "must be at least 1");
        }
        if !(r.max_price_drift.0 > Decimal::ZERO && r.max_price_drift.0 < Decimal::ONE) {
            return bad("risk.max_price_drift", "must be in (0, 1)");
        }
        let s = &self.sizing;
        if s.min_order_notional.0 < Decimal::ZERO {
            return bad("sizing.min_order_notional", "must not be negative");
        }
        if !s.default_tick_size.is_tradable() {
            return bad("sizing.default_tick_size", "must be in (0, 1)");
        }
        if s.default_min_order_size.0 <= Decimal::ZERO {
            return bad("sizing.default_min_order_size", "must be above zero");
        }
        if !(s.slippage_tolerance.0 >= Decimal::ZERO && s.slippage_tolerance.0 < Decimal::ONE) {
            return bad("sizing.slippage_tolerance", "must be in [0, 1)");
        }
        frac("sizing.max_win_probability", s.max_win_probability)?;
        let c = &self.copy;
        if c.max_leaders == 0 {
            return bad("copy.max_leaders", "must be at least 1");
        }
        if c.allocation_tiers.windows(2).any(|w| w[0].up_to_rank >= w[1].up_to_rank) {
            return bad("copy.allocation_tiers", "up_to_rank must strictly increase");
        }
        for (i, t) in c.allocation_tiers.iter().enumerate() {
            frac(&format!("copy.allocation_tiers[{i}].share"), t.share)?;
        }
        frac("copy.default_share", c.default_share)?;
        let b = &self.bot_filter;
        if !(0.0..=1.0).contains(&b.bot_score_threshold) || b.bot_score_threshold == 0.0 {
            return bad("bot_filter.bot_score_threshold", "must be in (0, 1]");
        }
        if b.min_trades < 2 {
            return bad("bot_filter.min_trades", "must be at least 2 (gaps need two trades)");
        }
        if b.min_corroborating_signs == 0 {
            return bad("bot_filter.min_corroborating_signs", "must be at least 1");
        }
        if b.min_slice_orders < 3 {
            return bad("bot_filter.min_slice_orders", "must be at least 3 (a repeating gap needs two gaps)");
        }
        if b.min_slice_gap_secs > b.max_slice_gap_secs {
            return bad("bot_filter.min_slice_gap_secs", "must be at most max_slice_gap_secs");
        }
        if b.decisive_bursts < b.min_bursts {
            return bad("bot_filter.decisive_bursts", "must be at least min_bursts");
        }
        if let Some(p) = b.clock_periods_secs.iter().find(|p| **p < 2 * b.clock_slot_secs) {
            return bad("bot_filter.clock_periods_secs", &format!("{p} is shorter than two slots of clock_slot_secs"));
        }
        if b.min_clock_sessions < 2 {
            return bad("bot_filter.min_clock_sessions", "must be at least 2");
        }
        if b.trail_window_limit == 0 {
            return bad("bot_filter.trail_window_limit", "must be at least 1");
        }
        if b.max_trail_trades == 0 {
            return bad("bot_filter.max_trail_trades", "must be at least 1");
        }
        if b.full_follow_share < b.min_follow_share {
            return bad("bot_filter.full_follow_share", "must be at least min_follow_share");
        }
        if b.max_poll_period_secs < b.min_poll_period_secs.max(2 * b.poll_slot_secs) {
            return bad("bot_filter.max_poll_period_secs", "must be at least min_poll_period_secs and two slots of poll_slot_secs");
        }
        if b.min_poll_orders < 2 || b.max_poll_orders < b.min_poll_orders {
            return bad("bot_filter.min_poll_orders", "must be at least 2, and max_poll_orders at least min_poll_orders");
        }
        if b.max_poll_chance.is_nan() || b.max_poll_chance <= 0.0 || b.max_poll_chance >= 1.0 {
            return bad("bot_filter.max_poll_chance", "must be between 0 and 1 (a chance)");
        }
        if b.min_rush_windows == 0 || b.min_rush_trades == 0 {
            return bad("bot_filter.min_rush_windows", "min_rush_windows and min_rush_trades must be at least 1");
        }
        if b.rush_lift.is_nan() || b.rush_lift < 1.0 {
            return bad("bot_filter.rush_lift", "must be at least 1");
        }
        if b.min_rush_share.is_nan() || b.min_rush_share <= 0.0 || b.min_rush_share > 0.5 {
            return bad("bot_filter.min_rush_share", "must be above 0 and at most 0.5 (full strength is twice it)");
        }
        if b.min_lead_windows == 0 {
            return bad("bot_filter.min_lead_windows", "must be at least 1");
        }
        if b.lead_move.is_nan() || b.lead_move <= 0.0 || b.lead_move >= 1.0 {
            return bad("bot_filter.lead_move", "must be between 0 and 1 (a price move)");
        }
        if b.trail_lift.is_nan() || b.trail_lift < 1.0 {
            return bad("bot_filter.trail_lift", "must be at least 1");
        }
        if b.weekly_window_days == 0 || b.min_weekly_window_orders == 0 || b.min_weekly_windows == 0 {
            return bad(
                "bot_filter.weekly_window_days",
                "weekly_window_days, min_weekly_window_orders and min_weekly_windows must be at least 1",
            );
        }
        if b.decisive_schedule_days < b.min_schedule_days {
            return bad("bot_filter.decisive_schedule_days", "must be at least min_schedule_days (the schedule is not read on fewer days)");
        }
        if !(1..=24).contains(&b.rest_gap_hours) {
            return bad("bot_filter.rest_gap_hours", "must be between 1 and 24 (hours of a day)");
        }
        if b.venue_min_order_shares.is_nan() || b.venue_min_order_shares <= 0.0 {
            return bad("bot_filter.venue_min_order_shares", "must be positive");
        }
        for (key, x) in [
            ("bot_filter.sign_present_strength", b.sign_present_strength),
            ("bot_filter.thin_history_bot_score", b.thin_history_bot_score),
            ("bot_filter.quiet_hour_share", b.quiet_hour_share),
            ("bot_filter.max_human_hour_coverage", b.max_human_hour_coverage),
            ("bot_filter.max_two_sided_share", b.max_two_sided_share),
            ("bot_filter.max_maker_inventory_imbalance", b.max_maker_inventory_imbalance),
            ("bot_filter.max_micro_share", b.max_micro_share),
            ("bot_filter.sniper_min_price", b.sniper_min_price),
            ("bot_filter.max_high_price_buy_share", b.max_high_price_buy_share),
            ("bot_filter.max_paired_buy_share", b.max_paired_buy_share),
            ("bot_filter.slice_gap_tolerance", b.slice_gap_tolerance),
            ("bot_filter.slice_size_tolerance", b.slice_size_tolerance),
            ("bot_filter.max_sliced_share", b.max_sliced_share),
            ("bot_filter.max_equal_slice_share", b.max_equal_slice_share),
            ("bot_filter.max_min_size_buy_share", b.max_min_size_buy_share),
            ("bot_filter.max_modal_size_share", b.max_modal_size_share),
            ("bot_filter.max_schedule_day_share", b.max_schedule_day_share),
            ("bot_filter.decisive_schedule_day_share", b.decisive_schedule_day_share),
            ("bot_filter.max_clock_share", b.max_clock_share),
            ("bot_filter.max_burst_share", b.max_burst_share),
            ("bot_filter.min_trailing_share", b.min_trailing_share),
            ("bot_filter.min_follow_share", b.min_follow_share),
            ("bot_filter.full_follow_share", b.full_follow_share),
            ("bot_filter.min_opening_share", b.min_opening_share),
            ("bot_filter.min_slow_follow_share", b.min_slow_follow_share),
            ("bot_filter.weights.polling", b.weights.polling),
            ("bot_filter.weights.slicing", b.weights.slicing),
            ("bot_filter.weights.batched", b.weights.batched),
            ("bot_filter.weights.trailing", b.weights.trailing),
            ("bot_filter.weights.timer", b.weights.timer),
            ("bot_filter.weights.rush", b.weights.rush),
            ("bot_filter.weights.busy", b.weights.busy),
            ("bot_filter.weights.subsecond", b.weights.subsecond),
            ("bot_filter.weights.dust", b.weights.dust),
            ("bot_filter.weights.paired_buys", b.weights.paired_buys),
            ("bot_filter.weights.sleepless", b.weights.sleepless),
            ("bot_filter.weights.sleepless_weeks", b.weights.sleepless_weeks),
            ("bot_filter.decisive_sleepless_window_share", b.decisive_sleepless_window_share),
            ("bot_filter.decisive_unrested_day_share", b.decisive_unrested_day_share),
            ("bot_filter.decisive_weekly_quiet_share", b.decisive_weekly_quiet_share),
            ("bot_filter.max_resting_repeat_share", b.max_resting_repeat_share),
            ("bot_filter.max_exact_share_cv", b.max_exact_share_cv),
            ("bot_filter.weights.regular_timing", b.weights.regular_timing),
            ("bot_filter.weights.regular_timing_few", b.weights.regular_timing_few),
            ("bot_filter.weights.constant_size", b.weights.constant_size),
            ("bot_filter.weights.maker_quoting", b.weights.maker_quoting),
            ("bot_filter.weights.quick_round_trips", b.weights.quick_round_trips),
            ("bot_filter.weights.sniping", b.weights.sniping),
            ("bot_filter.weights.closes_everything", b.weights.closes_everything),
            ("bot_filter.min_quick_close_share", b.min_quick_close_share),
        ] {
            if !(0.0..=1.0).contains(&x) {
                return bad(key, "must be in [0, 1]");
            }
        }
        if !(0.0..=1.0).contains(&self.quality.min_score) {
            return bad("quality.min_score", "must be in [0, 1]");
        }
        for (i, w) in self.discovery.seed_wallets.iter().enumerate() {
            if crate::trade::Wallet::parse(w).is_err() {
                return bad(&format!("discovery.seed_wallets[{i}]"), "must be 0x followed by 40 hex digits");
            }
        }
        let p = &self.poller;
        if p.poll_interval_ms < 100 {
            return bad("poller.poll_interval_ms", "must be at least 100 ms (rate limits)");
        }
        if p.max_trades_per_poll == 0 {
            return bad("poller.max_trades_per_poll", "must be at least 1");
        }
        let q = &self.queues;
        if !(1..=1000).contains(&q.max_receive) {
            return bad("queues.max_receive", "must be in 1..=1000 (SQS maxReceiveCount)");
        }
        if !(1..=10).contains(&q.batch_size) {
            return bad("queues.batch_size", "must be in 1..=10 (SQS batch limit for FIFO queues)");
        }
        if q.visibility_timeout_secs > 43_200 {
            return bad("queues.visibility_timeout_secs", "must be in 0..=43200 (SQS limit)");
        }
        if q.claim_in_progress_secs == 0 || q.claim_in_progress_secs >= q.visibility_timeout_secs {
            return bad(
                "queues.claim_in_progress_secs",
                "must be above zero and below the visibility timeout, so a redelivery can take an expired claim over",
            );
        }
        self.notifications.validate()?;
        self.report.validate()?;
        self.control.validate()?;
        let ch = &self.chaos;
        for (key, x) in [
            ("chaos.redelivery_rate", ch.redelivery_rate),
            ("chaos.kill_rate", ch.kill_rate),
            ("chaos.throttle_rate", ch.throttle_rate),
            ("chaos.timeout_rate", ch.timeout_rate),
            ("chaos.lost_answer_rate", ch.lost_answer_rate),
        ] {
            if !(0.0..=1.0).contains(&x) {
                return bad(key, "must be in [0, 1]");
            }
        }
        for (key, n) in [("chaos.workers", ch.workers), ("chaos.leaders", ch.leaders), ("chaos.markets", ch.markets)] {
            if n == 0 {
                return bad(key, "must be at least 1");
            }
        }
        if ch.claim_in_progress_secs >= ch.visibility_timeout_secs {
            return bad("chaos.claim_in_progress_secs", "must be below chaos.visibility_timeout_secs");
        }
        if ch.invocation_timeout_ms > ch.claim_in_progress_secs.saturating_mul(1000) {
            return bad(
                "chaos.invocation_timeout_ms",
                "must be at most chaos.claim_in_progress_secs (a handler must not outlive its claim)",
            );
        }
        if self.demo.days == 0 {
            return bad("demo.days", "must be at least 1");
        }
        if self.demo.wallets < 10 {
            return bad("demo.wallets", "must be at least 10 (the population needs room for every kind of trader)");
        }
        if self.demo.markets < 4 {
            return bad("demo.markets", "must be at least 4");
        }
        self.venue.validate()?;
        self.chain.validate()?;
        self.redemption.validate()
    }
}

fn apply_override(root: &mut toml::Table, var: &str, path: &str, value: &str) -> Result<(), ConfigError> {
    let parts: Vec<String> = path.split("__").map(|p| p.to_ascii_lowercase()).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(ConfigError::Env { var: var.into(), reason: "empty path segment".into() });
    }
    let mut table = root;
    for part in &parts[..parts.len() - 1] {
        let entry = table.entry(part.clone()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
        table = entry.as_table_mut().ok_or_else(|| ConfigError::Env { var: var.into(), reason: format!("`{part}` is not a section") })?;
    }
    // Parse the value as a TOML literal (number, bool, array); fall back to a plain string.
    let parsed = format!("v = {value}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(value.to_string()));
    table.insert(parts[parts.len() - 1].clone(), parsed);
    Ok(())
}

impl NotificationsConfig {
    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: String, rule: &str| Err(ConfigError::Invalid { key, rule: rule.into() });
        if self.daily_summary_hour_utc > 23 {
            return bad("notifications.daily_summary_hour_utc".into(), "must be 0..=23");
        }
        if self.refusal_summary_secs < 60 || !86_400u64.is_multiple_of(self.refusal_summary_secs) {
            return bad("notifications.refusal_summary_secs".into(), "must be at least 60 and divide a day (86400) evenly");
        }
        if !(1..=100).contains(&self.refusal_catch_up_windows) {
            return bad("notifications.refusal_catch_up_windows".into(), "must be 1 to 100 (one batched read of the window records)");
        }
        let mut names = std::collections::HashSet::new();
        for (section, list) in [("discord", &self.discord), ("slack", &self.slack)] {
            for (i, d) in list.iter().enumerate() {
                let key = |field: &str| format!("notifications.{section}[{i}].{field}");
                if d.name.trim().is_empty() {
                    return bad(key("name"), "must not be empty");
                }
                if !names.insert(d.name.as_str()) {
                    return bad(key("name"), "must be unique across destinations");
                }
                if d.url_env.trim().is_empty() {
                    return bad(key("url_env"), "must name the environment variable holding the webhook URL");
                }
                for (j, k) in d.kinds.iter().enumerate() {
                    if EventKind::from_name(k).is_none() {
                        let known: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                        return bad(format!("{}[{j}]", key("kinds")), &format!("unknown event kind `{k}`; known: {}", known.join(", ")));
                    }
                }
            }
        }
        for (section, limits) in [("discord_rate_limits", &self.discord_rate_limits), ("slack_rate_limits", &self.slack_rate_limits)] {
            if limits.is_empty() {
                return bad(format!("notifications.{section}"), "needs at least one window");
            }
            for (i, w) in limits.iter().enumerate() {
                if w.requests == 0 {
                    return bad(format!("notifications.{section}[{i}].requests"), "must be at least 1");
                }
            }
        }
        if self.notifier_concurrency == 0 {
            return bad("notifications.notifier_concurrency".into(), "must be at least 1");
        }
        let d = &self.delivery;
        if d.max_attempts == 0 {
            return bad("notifications.delivery.max_attempts".into(), "must be at least 1");
        }
        if d.backoff_initial_ms > d.backoff_max_ms {
            return bad("notifications.delivery.backoff_initial_ms".into(), "must not exceed backoff_max_ms");
        }
        Ok(())
    }
}

impl fmt::Display for TradingMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TradingMode::Paper => "paper",
            TradingMode::Live => "live",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_carry_the_mode_table() {
        let c = Config::default();
        c.validate().unwrap();
        let names: Vec<_> = c.modes.tiers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["NANO", "MICRO", "MINI", "BALANCED", "AGGRESSIVE", "CONSERVATIVE"]);
        assert_eq!(c.breaker.failure_threshold, 5);
        assert_eq!(c.breaker.cooldown_secs, 60);
        assert_eq!(c.modes.tier("MINI").unwrap().kelly_fraction, dec!(0.50));
    }

    #[test]
    fn bad_value_names_the_key_and_rule() {
        let err = Config::from_toml("[risk]\nmax_open_positions = 0\n").unwrap_err();
        assert_eq!(err, ConfigError::Invalid { key: "risk.max_open_positions".into(), rule: "must be at least 1".into() });
    }

    #[test]
    fn unknown_key_is_an_error_naming_it() {
        let err = Config::from_toml("[risk]\nmax_open_postions = 3\n").unwrap_err();
        assert!(err.to_string().contains("max_open_postions"), "{err}");
    }

    #[test]
    fn a_decimal_setting_is_read_exactly_and_an_absurd_one_is_refused_not_overflowed() {
        let c = Config::from_toml("[risk]\ndaily_loss_limit_pct = 0.07\n").unwrap();
        assert_eq!(c.risk.daily_loss_limit_pct, Decimal::new(7, 2), "a TOML float reads as the decimal written");
        let env = vec![("COPYCAT__RISK__DAILY_LOSS_LIMIT_PCT".to_string(), "0.04".to_string())];
        assert_eq!(Config::from_toml_with_env("", env).unwrap().risk.daily_loss_limit_pct, Decimal::new(4, 2));
        // rust_decimal's own parser recurses once per `_`: this text would overflow the stack.
        let absurd = format!("1{}", "_".repeat(60_000));
        let env = vec![("COPYCAT__RISK__DAILY_LOSS_LIMIT_PCT".to_string(), absurd)];
        let err = Config::from_toml_with_env("", env).unwrap_err().to_string();
        assert!(err.contains("daily_loss_limit_pct") || err.contains("not a decimal"), "{err}");
    }

    #[test]
    fn environment_overrides_the_file() {
        let env = vec![("COPYCAT__RISK__MAX_OPEN_POSITIONS".to_string(), "3".to_string()), ("OTHER".into(), "x".into())];
        let c = Config::from_toml_with_env("[risk]\nmax_open_positions = 9\n", env).unwrap();
        assert_eq!(c.risk.max_open_positions, 3);
    }

    #[test]
    fn signature_type_and_funder_are_checked_together() {
        let c = Config::from_toml("").unwrap();
        assert_eq!((c.trading.signature_type, c.trading.funder.as_deref()), (SignatureType::Eoa, None));
        let safe = "[trading]\nsignature_type = 2\nfunder = \"0x1111111111111111111111111111111111111111\"\n";
        assert_eq!(Config::from_toml(safe).unwrap().trading.signature_type, SignatureType::PolyGnosisSafe);
        for t in 1..=3 {
            let err = Config::from_toml(&format!("[trading]\nsignature_type = {t}\n")).unwrap_err();
            assert!(
                matches!(err, ConfigError::Invalid { ref key, ref rule } if key == "trading.funder" && rule.contains("is required") && rule.contains("profile")),
                "{err}"
            );
        }
        let err = Config::from_toml("[trading]\nsignature_type = 4\n").unwrap_err();
        assert!(err.to_string().contains("0 (EOA), 1 (POLY_PROXY), 2 (POLY_GNOSIS_SAFE) or 3 (POLY_1271), got 4"), "{err}");
        let err = Config::from_toml("[trading]\nsignature_type = 1\nfunder = \"0x12\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "trading.funder"), "{err}");
        let zero = format!("[trading]\nsignature_type = 3\nfunder = \"0x{}\"\n", "0".repeat(40));
        assert!(matches!(Config::from_toml(&zero).unwrap_err(), ConfigError::Invalid { ref rule, .. } if rule.contains("zero")));
        // Both from the environment, as a Lambda is configured.
        let env = vec![
            ("COPYCAT__TRADING__SIGNATURE_TYPE".to_string(), "3".to_string()),
            ("COPYCAT__TRADING__FUNDER".to_string(), "0xAbCdEf0123456789abcdef0123456789ABCDEF01".to_string()),
        ];
        let c = Config::from_toml_with_env("", env).unwrap();
        assert_eq!(c.trading.signature_type, SignatureType::Poly1271);
        assert_eq!(c.trading.funder.as_deref(), Some("0xAbCdEf0123456789abcdef0123456789ABCDEF01"));
        assert_eq!(SignatureType::Poly1271.to_string(), "3 (POLY_1271)");
    }

    #[test]
    fn live_confirmation_is_off_unless_set_and_the_geoblock_url_is_checked() {
        let c = Config::from_toml("[trading]\nmode = \"live\"\n").unwrap();
        assert!(!c.trading.live_confirmed);
        let c = Config::from_toml("[trading]\nmode = \"live\"\nlive_confirmed = true\n").unwrap();
        assert!(c.trading.live_confirmed);
        let err = Config::from_toml("[trading]\ngeoblock_url = \"polymarket.com/api/geoblock\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "trading.geoblock_url"), "{err}");
    }

    #[test]
    fn seed_wallets_are_validated() {
        let err = Config::from_toml("[discovery]\nseed_wallets = [\"0x12\"]\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "discovery.seed_wallets[0]"), "{err}");
    }

    #[test]
    fn notification_destinations_parse_with_their_filters() {
        let c = Config::from_toml(
            "[[notifications.discord]]\nname = \"ops\"\nurl_env = \"OPS_HOOK\"\nmin_severity = \"warning\"\nkinds = [\"breaker_opened\"]\n\
             [[notifications.slack]]\nname = \"desk\"\nurl_env = \"DESK_HOOK\"\n",
        )
        .unwrap();
        assert_eq!(c.notifications.discord[0].min_severity, Severity::Warning);
        assert_eq!(c.notifications.discord[0].kinds, ["breaker_opened"]);
        assert_eq!(c.notifications.slack[0].min_severity, Severity::Info);
        assert!(c.notifications.slack[0].kinds.is_empty());
    }

    #[test]
    fn unknown_event_kind_in_a_destination_names_the_key() {
        let err = Config::from_toml("[[notifications.slack]]\nname = \"a\"\nurl_env = \"A\"\nkinds = [\"trade_coppied\"]\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "notifications.slack[0].kinds[0]"), "{err}");
    }

    #[test]
    fn destination_names_must_be_unique() {
        let err = Config::from_toml(
            "[[notifications.slack]]\nname = \"a\"\nurl_env = \"A\"\n[[notifications.discord]]\nname = \"a\"\nurl_env = \"B\"\n",
        )
        .unwrap_err();
        assert!(
            matches!(err, ConfigError::Invalid { ref key, .. } if key == "notifications.slack[0].name" || key == "notifications.discord[0].name"),
            "{err}"
        );
    }

    #[test]
    fn rate_limits_default_to_the_documented_webhook_limits() {
        let n = Config::default().notifications;
        assert_eq!(n.discord_rate_limits, [RateWindow { requests: 5, window_ms: 2_000 }, RateWindow { requests: 30, window_ms: 60_000 }]);
        assert_eq!(n.slack_rate_limits, [RateWindow { requests: 1, window_ms: 1_000 }]);
        // Two notifiers at once share each webhook's budget: never more than it between them.
        let two = NotificationsConfig { notifier_concurrency: 2, ..n.clone() };
        assert_eq!(
            two.per_process(&n.discord_rate_limits),
            [RateWindow { requests: 2, window_ms: 2_000 }, RateWindow { requests: 15, window_ms: 60_000 }]
        );
        assert_eq!(two.per_process(&n.slack_rate_limits), [RateWindow { requests: 1, window_ms: 2_000 }]);
        assert_eq!(n.per_process(&n.discord_rate_limits), n.discord_rate_limits, "one notifier has the whole budget");
        let err = Config::from_toml("[notifications]\nslack_rate_limits = []\n").unwrap_err();
        assert!(err.to_string().contains("notifications.slack_rate_limits"), "{err}");
    }

    #[test]
    fn venue_urls_and_budgets_are_validated() {
        let c = Config::default();
        assert_eq!(c.venue.data_trades_per_window, 200);
        assert_eq!(c.venue.data_positions_per_window, 150);
        let err = Config::from_toml("[venue]\ndata_api_url = \"data-api.polymarket.com\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "venue.data_api_url"), "{err}");
        let err = Config::from_toml("[venue]\ndata_trades_per_window = 5000\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "venue.data_trades_per_window"), "{err}");
        let env = vec![("COPYCAT__VENUE__CLOB_URL".to_string(), "http://127.0.0.1:9000".to_string())];
        assert_eq!(Config::from_toml_with_env("", env).unwrap().venue.clob_url, "http://127.0.0.1:9000");
    }

    #[test]
    fn each_broken_rule_names_its_own_key() {
        let key_of = |toml: &str| match Config::from_toml(toml).unwrap_err() {
            ConfigError::Invalid { key, .. } => key,
            other => panic!("expected a key for {toml:?}, got {other}"),
        };
        assert_eq!(key_of("[venue]\nconnect_timeout_ms = 0\n"), "venue.connect_timeout_ms");
        assert_eq!(key_of("[venue]\nrequest_timeout_ms = 0\n"), "venue.request_timeout_ms");
        assert_eq!(key_of("[venue]\nmax_pages = 0\n"), "venue.max_pages");
        assert_eq!(key_of("[venue]\npage_limit = 0\n"), "venue.page_limit");
        assert_eq!(key_of("[breaker]\nprobe_timeout_secs = 0\n"), "breaker.probe_timeout_secs");
        assert_eq!(key_of("[breaker]\ncooldown_secs = 0\n"), "breaker.cooldown_secs");
        assert_eq!(key_of("[venue]\ngamma_per_window = 0\n"), "venue.gamma_per_window");
        assert_eq!(key_of("[venue]\nclob_per_window = 0\n"), "venue.clob_per_window");
        assert_eq!(key_of("[venue]\nretry_base_ms = 0\n"), "venue.retry_base_ms");
        assert_eq!(key_of("[demo]\nwallets = 3\n"), "demo.wallets");
        assert_eq!(key_of("[demo]\nmarkets = 1\n"), "demo.markets");
        assert_eq!(key_of("[demo]\ndays = 0\n"), "demo.days");
        assert_eq!(
            key_of("[[notifications.slack_rate_limits]]\nrequests = 1\nwindow_ms = 0\n"),
            "notifications.slack_rate_limits[0].window_ms"
        );
    }

    #[test]
    fn a_wrong_type_names_the_key_it_is_under() {
        let err = Config::from_toml("[risk]\nmax_open_positions = \"many\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "risk.max_open_positions"), "{err}");
        let env = vec![("COPYCAT__POLLER__LEASE_SECS".to_string(), "soon".to_string())];
        let err = Config::from_toml_with_env("", env).unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "poller.lease_secs"), "{err}");
        assert_eq!(err.to_string(), "config key `poller.lease_secs`: invalid type: string \"soon\", expected u64");
    }

    #[test]
    fn negative_durations_are_refused_naming_the_key() {
        for (section, key) in
            [("poller", "deadline_margin_ms"), ("poller", "lease_secs"), ("breaker", "cooldown_secs"), ("risk", "min_secs_to_expiry")]
        {
            let err = Config::from_toml(&format!("[{section}]\n{key} = -5\n")).unwrap_err();
            assert!(matches!(err, ConfigError::Invalid { key: ref k, .. } if *k == format!("{section}.{key}")), "{section}.{key}: {err}");
        }
        let env = vec![("COPYCAT__POLLER__DEADLINE_MARGIN_MS".to_string(), "-3000".to_string())];
        assert!(Config::from_toml_with_env("", env).is_err(), "an environment override cannot make a duration negative either");
    }

    #[test]
    fn redemption_settings_are_validated_naming_the_key() {
        assert_eq!(Config::default().redemption.validate(), Ok(()));
        for (toml, key) in [
            ("[redemption]\nmax_fee_per_gas_gwei = 0\n", "redemption.max_fee_per_gas_gwei"),
            ("[redemption]\npriority_fee_gwei = 900\n", "redemption.priority_fee_gwei"),
            ("[redemption]\ngas_limit_cap = 100\n", "redemption.gas_limit_cap"),
            ("[redemption]\nreceipt_poll_ms = 50000\n", "redemption.receipt_poll_ms"),
            ("[redemption]\nlease_secs = 5\n", "redemption.lease_secs"),
            ("[redemption]\nmax_per_check = 0\n", "redemption.max_per_check"),
            ("[redemption]\nrelayer_url = \"relayer.example\"\n", "redemption.relayer_url"),
            ("[redemption]\nrelayer_deadline_secs = 5\n", "redemption.relayer_deadline_secs"),
        ] {
            let err = Config::from_toml(toml).unwrap_err();
            assert!(matches!(err, ConfigError::Invalid { key: ref k, .. } if k == key), "{toml}: {err}");
        }
        let keys: Vec<String> = Config::default().durations().into_iter().map(|(k, _, _)| k).collect();
        assert!(keys.iter().any(|k| k == "redemption.receipt_wait_ms"));
    }

    #[test]
    fn durations_are_bounded_in_one_table() {
        let c = Config::default();
        let keys: Vec<String> = c.durations().into_iter().map(|(k, _, _)| k).collect();
        for key in ["poller.lease_secs", "poller.deadline_margin_ms", "venue.connect_timeout_ms", "schedule.health_every_secs"] {
            assert!(keys.iter().any(|k| k == key), "{key} is missing from the duration table");
        }
        let err = Config::from_toml("[poller]\nlease_secs = 0\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "poller.lease_secs"), "{err}");
        let err = Config::from_toml("[queues]\nclaim_ttl_secs = 99999999999\n").unwrap_err();
        assert!(
            matches!(err, ConfigError::Invalid { ref key, ref rule } if key == "queues.claim_ttl_secs" && rule.contains("31622400")),
            "{err}"
        );
        let err = Config::from_toml("[schedule]\nhealth_every_secs = 10\n").unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key == "schedule.health_every_secs"), "{err}");
    }

    #[test]
    fn default_literals_are_exact_not_zero() {
        // The defaults are compile-time decimal literals (`dec!`): a literal that does not parse
        // fails the build instead of silently becoming 0 as the old `parse().unwrap_or_default()` did.
        let c = Config::default();
        assert_eq!(c.modes.upgrade_buffer, dec!(1.10));
        assert_eq!(c.modes.downgrade_buffer, dec!(0.80));
        assert_eq!(c.risk.max_price_drift, Price(dec!(0.04)));
        assert_eq!(c.sizing.default_tick_size, Price(dec!(0.01)));
        let ladder = &c.modes.tier("NANO").unwrap().drawdown_ladder;
        assert_eq!((ladder[0].at, ladder[0].multiplier), (dec!(0.099), dec!(0.75)));
        let zeros: Vec<&str> = [
            ("boost.multiplier", c.boost.multiplier),
            ("copy.default_share", c.copy.default_share),
            ("sizing.edge_from_roi", c.sizing.edge_from_roi),
            ("sizing.max_win_probability", c.sizing.max_win_probability),
            ("modes.emergency_stop_drawdown", c.modes.emergency_stop_drawdown),
            ("risk.daily_loss_limit_pct", c.risk.daily_loss_limit_pct),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_zero())
        .map(|(k, _)| k)
        .collect();
        assert!(zeros.is_empty(), "defaults that came out as 0: {zeros:?}");
    }

    #[test]
    fn tiers_out_of_order_are_refused() {
        let mut c = Config::default();
        c.modes.tiers.swap(1, 2);
        let err = c.validate().unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { ref key, .. } if key.starts_with("modes.tiers[")), "{err}");
    }
}
