//! The state table's records: where each lives (`pk`/`sk`) and what its body holds.
//!
//! One table, as on the architecture page. Listings are single-partition queries: followed
//! leaders live in one `LEADERS/SET` record, positions under the `PORTFOLIO` partition, the
//! per-signal outcome ledger under `LEDGER`.

use crate::botfilter::{BotKind, Verdict};
use crate::breaker::BreakerState;
use crate::dependency::Dependency;
use crate::money::{Price, Shares, Usd};
use crate::order::{CopyOrder, Fill, OrderTicket};
use crate::signal::SignalKey;
use crate::store::Key;
use crate::time::Timestamp;
use crate::trade::{Side, Wallet};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Keys of every record kind.
pub mod keys {
    use super::*;

    /// `TRADER#<wallet>` / `PROFILE`: a trader's verdict and status.
    pub fn trader(w: &Wallet) -> Key {
        Key::new(format!("TRADER#{w}"), "PROFILE")
    }
    /// `TRADER#<wallet>` / `CURSOR`: how far the poller has read a leader's trades.
    pub fn cursor(w: &Wallet) -> Key {
        Key::new(format!("TRADER#{w}"), "CURSOR")
    }
    /// `LEADERS` / `SET`: the followed leaders, as one record so the cap holds under races.
    pub fn leaders() -> Key {
        Key::new("LEADERS", "SET")
    }
    /// `SIGNAL#<key>` / `CLAIM`: the idempotency claim of one signal.
    pub fn claim(k: &SignalKey) -> Key {
        Key::new(format!("SIGNAL#{k}"), "CLAIM")
    }
    /// Partition of the portfolio and its positions.
    pub const PORTFOLIO_PK: &str = "PORTFOLIO";
    /// Sort-key prefix of positions.
    pub const POSITION_PREFIX: &str = "POSITION#";
    /// `PORTFOLIO` / `STATE`: cash, peak, drawdown, exposure.
    pub fn portfolio() -> Key {
        Key::new(PORTFOLIO_PK, "STATE")
    }
    /// `PORTFOLIO` / `POSITION#<token>`: one open position.
    pub fn position(token_id: &str) -> Key {
        Key::new(PORTFOLIO_PK, format!("{POSITION_PREFIX}{token_id}"))
    }
    /// Partition of the per-signal outcome ledger.
    pub const LEDGER_PK: &str = "LEDGER";
    /// `LEDGER` / `<millis>#<signal key>`: what happened to one signal (copied or refused).
    pub fn ledger(at: Timestamp, k: &SignalKey) -> Key {
        Key::new(LEDGER_PK, format!("{:013}#{k}", at.timestamp_millis().max(0)))
    }
    /// `MODE` / `CURRENT`: the trading mode.
    pub fn mode() -> Key {
        Key::new("MODE", "CURRENT")
    }
    /// `BREAKER#<dependency>` / `STATE`.
    pub fn breaker(d: Dependency) -> Key {
        Key::new(format!("BREAKER#{d}"), "STATE")
    }
    /// `CONTROL` / `SWITCH`: the kill switch.
    pub fn control() -> Key {
        Key::new("CONTROL", "SWITCH")
    }
    /// `MILESTONE#<amount>` / `REACHED`: put-if-absent, so each fires once.
    pub fn milestone(amount: Usd) -> Key {
        Key::new(format!("MILESTONE#{}", amount.0.normalize()), "REACHED")
    }
    /// `MARKET#<condition>` / `RESOLUTION_UNKNOWN`: put-if-absent, so a closed market without a
    /// known winner is reported once.
    pub fn resolution_unknown(condition_id: &str) -> Key {
        Key::new(format!("MARKET#{condition_id}"), "RESOLUTION_UNKNOWN")
    }
    /// `SUMMARY#<day>` / `SENT`: the daily summary, once per day.
    pub fn daily_summary(day: &str) -> Key {
        Key::new(format!("SUMMARY#{day}"), "SENT")
    }
    /// `POLLER` / `LEASE`: one polling loop at a time.
    pub fn poller_lease() -> Key {
        Key::new("POLLER", "LEASE")
    }
    /// `TRADER#<wallet>` / `RECONCILED`: how far a leader's trades have been checked against
    /// our signals.
    pub fn reconciled(w: &Wallet) -> Key {
        Key::new(format!("TRADER#{w}"), "RECONCILED")
    }
    /// Partition of the trades the polls missed and the reconciliation found.
    pub const MISSED_PK: &str = "MISSED";
    /// `MISSED` / `<leader's trade millis>#<signal key>`: put-if-absent, so a miss counts once.
    pub fn missed(leader_at: Timestamp, k: &SignalKey) -> Key {
        Key::new(MISSED_PK, format!("{:013}#{k}", leader_at.timestamp_millis().max(0)))
    }
    /// `CHAIN` / `CURSOR`: how far the poller has read the chain's blocks.
    pub fn chain_cursor() -> Key {
        Key::new("CHAIN", "CURSOR")
    }
    /// `CHAIN` / `DETECTION`: which source the poller detects fills from now (chain or its
    /// Data API fallback), so a switch is announced once.
    pub fn detection() -> Key {
        Key::new("CHAIN", "DETECTION")
    }
    /// `NOTIFIED#<id>` / `SENT`: a notification already delivered.
    pub fn notified(id: &str) -> Key {
        Key::new(format!("NOTIFIED#{id}"), "SENT")
    }
    /// Partition of the on-chain redemptions and their lease.
    pub const REDEMPTION_PK: &str = "REDEMPTION";
    /// Sort-key prefix of redemption records.
    pub const REDEMPTION_PREFIX: &str = "CONDITION#";
    /// `REDEMPTION` / `CONDITION#<condition id>`: the one redemption of a resolved market,
    /// created (put-if-absent) with its signed transaction before the transaction is sent.
    pub fn redemption(condition_id: &str) -> Key {
        Key::new(REDEMPTION_PK, format!("{REDEMPTION_PREFIX}{condition_id}"))
    }
    /// `REDEMPTION` / `LEASE`: one sender at a time, so two health checks never sign with the
    /// same nonce.
    pub fn redemption_lease() -> Key {
        Key::new(REDEMPTION_PK, "LEASE")
    }
}

/// Body of `REDEMPTION/CONDITION#<condition id>`: one resolved market's redemption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Redemption {
    /// The market.
    pub condition_id: String,
    /// Market title, for people.
    pub market: String,
    /// Our tokens in it and what each settles at (1 for the winner, 0 otherwise), fixed when
    /// the redemption was created.
    pub settlements: Vec<(String, Price)>,
    /// Where it is.
    pub status: RedemptionStatus,
    /// When it was created.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
}

/// Phase of a redemption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RedemptionStatus {
    /// Signed and recorded, perhaps sent: whoever resumes broadcasts `tx` again and follows its
    /// receipt (never signs another).
    Sent {
        /// The transaction.
        tx: crate::ports::SignedRedemption,
    },
    /// Mined and succeeded; the payout was booked in the same write.
    Redeemed {
        /// The transaction hash.
        hash: String,
        /// Its block.
        block: u64,
        /// What was booked.
        payout: Usd,
    },
    /// Will not complete by itself: reverted, or its nonce went to another transaction.
    /// Nothing was booked; the position stays open until the operator acts.
    Failed {
        /// The transaction hash.
        hash: String,
        /// What happened and what to do.
        reason: String,
    },
}

impl Redemption {
    /// Whether a later check still has work on it.
    pub fn in_flight(&self) -> bool {
        matches!(self.status, RedemptionStatus::Sent { .. })
    }
}

/// Where a trader stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraderStatus {
    /// Queued for judging.
    Candidate,
    /// Judged human and good enough, but not followed (the set is full of better leaders).
    Approved,
    /// Judged a bot, too little data, or below the quality floor.
    Rejected,
    /// Being copied.
    Followed,
    /// Was followed, no longer.
    Dropped,
}

/// Where a trader's judgement stands: not judged yet, or the bot filter's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraderVerdict {
    /// Queued for judging; no verdict yet.
    Pending,
    /// Trades like a person.
    Human,
    /// Trades like a machine.
    Bot,
    /// Too little history to judge.
    InsufficientData,
}

impl From<Verdict> for TraderVerdict {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Human => TraderVerdict::Human,
            Verdict::Bot => TraderVerdict::Bot,
            Verdict::InsufficientData => TraderVerdict::InsufficientData,
        }
    }
}

/// Body of `TRADER#<wallet>/PROFILE`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraderProfile {
    /// The wallet.
    pub wallet: Wallet,
    /// Where it stands.
    pub status: TraderStatus,
    /// Bot-filter verdict.
    pub verdict: TraderVerdict,
    /// Bot kind, when a bot.
    pub bot_kind: Option<BotKind>,
    /// Bot-likeness score.
    pub bot_score: f64,
    /// Quality score.
    pub quality_score: f64,
    /// Realised return used for sizing.
    pub roi: f64,
    /// Why it stands where it does.
    pub reasons: Vec<String>,
    /// When last judged.
    pub judged_at: Timestamp,
}

/// One followed leader in the `LEADERS/SET` record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leader {
    /// The wallet.
    pub wallet: Wallet,
    /// Quality score (ranks the set).
    pub score: f64,
    /// Realised return (feeds the Kelly edge).
    pub roi: f64,
    /// Share of a full stake this leader's copies get (by rank tier).
    pub allocation: Decimal,
    /// When we started following (the poller's cursor starts here).
    pub since: Timestamp,
    /// When last judged.
    pub judged_at: Timestamp,
}

/// Body of `LEADERS/SET`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct LeaderSet {
    /// Followed leaders, best first.
    pub leaders: Vec<Leader>,
}

impl LeaderSet {
    /// The entry of a wallet, if followed.
    pub fn get(&self, w: &Wallet) -> Option<&Leader> {
        self.leaders.iter().find(|l| &l.wallet == w)
    }
}

/// Body of `TRADER#<wallet>/CURSOR`: the newest timestamp handled and the keys handled at it
/// (the Data API has whole-second timestamps, so a second can straddle two polls).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Newest trade timestamp whose signals are queued.
    pub last_ts: Timestamp,
    /// Keys of the trades at `last_ts` already queued.
    pub keys_at_last_ts: Vec<SignalKey>,
}

/// Why a signal was not copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// The operator (or an emergency rule) stopped trading.
    KillSwitch,
    /// A dependency's breaker is open.
    BreakerOpen,
    /// The day's loss limit is reached.
    DailyLoss,
    /// Total exposure would exceed the cap.
    Exposure,
    /// This market's share would exceed the cap.
    PerMarketCap,
    /// Too many open positions.
    MaxOpenPositions,
    /// The signal is too old.
    StaleSignal,
    /// The price moved too far from the leader's.
    PriceDrift,
    /// The market ends too soon.
    NearExpiry,
    /// The market is closed or resolved.
    MarketClosed,
    /// Market data does not know the traded token's market.
    UnknownMarket,
    /// An allow/deny list excludes the market.
    MarketFiltered,
    /// The market is too thin.
    LowLiquidity,
    /// The order would be under the venue's minimum.
    BelowVenueMinimum,
    /// The Kelly stake is zero or negative.
    NoEdge,
    /// Drawdown is past the mode's limit: no new buys.
    DrawdownLimit,
    /// A sell copied where we hold nothing from that leader.
    NothingToSell,
    /// Exits are not copied (config).
    ExitsDisabled,
    /// The leader is not (or no longer) followed.
    NotFollowed,
    /// Not enough cash.
    InsufficientCash,
    /// Nothing in the book inside our limit.
    NoLiquidity,
    /// The venue refused the order for a reason no other refusal names.
    VenueRejected,
    /// The venue refuses orders from this host (geoblocked).
    VenueGeoblocked,
    /// The venue refused the order for want of balance or allowance.
    InsufficientFunds,
    /// A chain reorg dropped the leader's fill after its signal was queued, before it was copied.
    Reorged,
}

impl RefusalReason {
    /// The snake_case code used in metrics and summaries.
    pub fn code(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}

/// The end of one signal's handling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SignalOutcome {
    /// Copied: the order filled.
    Copied {
        /// The fill.
        fill: Fill,
        /// Side copied.
        side: Side,
    },
    /// Not copied, and why.
    Refused {
        /// Reason code.
        reason: RefusalReason,
        /// Detail with the numbers.
        detail: String,
    },
}

/// Phase of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ClaimStatus {
    /// Someone is working on it until `expires_at`; after that another may take over.
    InProgress {
        /// Derived from the invocation deadline; never in the past when written.
        expires_at: Timestamp,
        /// The order about to be sent, written before sending it: whoever takes the claim over
        /// settles this order (never decides and sends another).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<PendingOrder>,
    },
    /// Done; the outcome is final.
    Completed {
        /// What happened.
        result: SignalOutcome,
    },
}

/// An order decided and prepared for a signal but not known to be settled at the venue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingOrder {
    /// The order as decided.
    pub order: CopyOrder,
    /// What the broker needs to send that very order again.
    pub ticket: OrderTicket,
}

/// Body of `SIGNAL#<key>/CLAIM`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Which signal.
    pub key: SignalKey,
    /// Who claimed it (invocation / worker id).
    pub owner: String,
    /// Where it is.
    pub status: ClaimStatus,
}

/// Body of `LEDGER/<millis>#<key>`: one signal's outcome, with what is needed for reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// Which signal.
    pub key: SignalKey,
    /// Whose trade.
    pub leader: Wallet,
    /// Token traded.
    pub token_id: String,
    /// When the leader traded.
    pub leader_at: Timestamp,
    /// When we finished handling it.
    pub at: Timestamp,
    /// What happened.
    pub outcome: SignalOutcome,
    /// When the poller (or the reconciliation) saw the trade; absent in older entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen_at: Option<Timestamp>,
}

impl LedgerEntry {
    /// Seconds from the leader's trade to our seeing it, when recorded.
    pub fn detection_secs(&self) -> Option<f64> {
        self.seen_at.map(|s| (s - self.leader_at).num_milliseconds() as f64 / 1000.0)
    }
}

/// Body of `TRADER#<wallet>` / `RECONCILED`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciled {
    /// Every trade of the leader before this has been checked.
    pub until: Timestamp,
}

/// One block the chain poller has read: enough to notice it being replaced by a reorg.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
    /// Block number.
    pub number: u64,
    /// Block hash (lowercase hex).
    pub hash: String,
    /// Block time.
    pub time: Timestamp,
}

/// A signal queued from a block still inside the reorg window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedFill {
    /// The block its logs were in.
    pub block: u64,
    /// Its signal.
    pub key: SignalKey,
    /// Whose fill.
    pub leader: Wallet,
    /// Token traded.
    pub token_id: String,
    /// Transaction hash.
    pub transaction_hash: String,
}

/// Body of `CHAIN` / `CURSOR`: the chain poller's position. Moves forward only after the
/// signals of the blocks read are queued.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCursor {
    /// The first block not yet read (0: not started; start at the confirmed head).
    pub next_block: u64,
    /// The last blocks read, oldest first (at most `chain.reorg_window_blocks`).
    pub recent: Vec<BlockRef>,
    /// Signals queued from the blocks in `recent`.
    pub queued: Vec<QueuedFill>,
}

/// Which source the poller detects fills from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectionSource {
    /// `OrderFilled` logs from the node.
    Chain,
    /// Each leader's Data API `/trades` (the fallback while the `chain` breaker is open).
    DataApi,
}

/// Body of `CHAIN` / `DETECTION`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectionState {
    /// The source in use.
    pub source: DetectionSource,
    /// Since when.
    pub since: Timestamp,
}

/// Body of `MISSED` / `…`: a leader trade the polls did not turn into a signal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissedTrade {
    /// Its signal (queued when found, so it still gets an outcome).
    pub key: SignalKey,
    /// Whose trade.
    pub leader: Wallet,
    /// Token traded.
    pub token_id: String,
    /// When the leader traded.
    pub leader_at: Timestamp,
    /// When the reconciliation found it.
    pub found_at: Timestamp,
}

/// Body of `PORTFOLIO/POSITION#<token>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Outcome token.
    pub token_id: String,
    /// Its market.
    pub condition_id: String,
    /// Market title, for people.
    pub title: String,
    /// Shares held.
    pub shares: Shares,
    /// Cost basis of the shares held (fees included).
    pub cost: Usd,
    /// Shares held per leader whose trades built it (exits are copied in proportion).
    pub by_leader: BTreeMap<Wallet, Shares>,
    /// Last mark.
    pub mark: Price,
    /// Realised PnL on this token so far.
    pub realized_pnl: Usd,
    /// When opened.
    pub opened_at: Timestamp,
}

impl Position {
    /// Value at the last mark.
    pub fn marked_value(&self) -> Usd {
        self.shares * self.mark
    }
}

/// Body of `PORTFOLIO/STATE`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioState {
    /// Cash.
    pub cash: Usd,
    /// Value of open positions at their last marks.
    pub positions_value: Usd,
    /// Cost basis of open positions (exposure).
    pub exposure: Usd,
    /// Cost basis per market (condition id).
    pub per_market: BTreeMap<String, Usd>,
    /// Open positions.
    pub open_positions: u32,
    /// Highest equity seen.
    pub peak_equity: Usd,
    /// Realised PnL since start.
    pub realized_pnl: Usd,
    /// Fees paid since start.
    pub fees_paid: Usd,
    /// UTC day the daily figures are for.
    pub day: String,
    /// Equity at the start of `day`.
    pub day_start_equity: Usd,
    /// Consecutive profitable closed positions.
    pub win_streak: u32,
    /// Index of the drawdown-ladder step in force (0 = none), to alert once per step.
    pub ladder_step: u32,
    /// Last update.
    pub updated_at: Timestamp,
}

impl PortfolioState {
    /// A fresh portfolio holding only cash.
    pub fn new(cash: Usd, now: Timestamp) -> Self {
        PortfolioState {
            cash,
            positions_value: Usd::ZERO,
            exposure: Usd::ZERO,
            per_market: BTreeMap::new(),
            open_positions: 0,
            peak_equity: cash,
            realized_pnl: Usd::ZERO,
            fees_paid: Usd::ZERO,
            day: now.format("%Y-%m-%d").to_string(),
            day_start_equity: cash,
            win_streak: 0,
            ladder_step: 0,
            updated_at: now,
        }
    }
    /// Cash plus marked positions.
    pub fn equity(&self) -> Usd {
        self.cash + self.positions_value
    }
    /// Fall from peak, as a fraction of peak (0 when at peak).
    pub fn drawdown(&self) -> Decimal {
        let peak = self.peak_equity.0;
        if peak <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        ((peak - self.equity().0) / peak).max(Decimal::ZERO)
    }
    /// Loss since the start of the day, as a fraction of start-of-day equity (0 when up).
    pub fn daily_loss(&self) -> Decimal {
        let start = self.day_start_equity.0;
        if start <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        ((start - self.equity().0) / start).max(Decimal::ZERO)
    }
}

/// Body of `MODE/CURRENT`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeState {
    /// Tier name.
    pub tier: String,
    /// Tier ordinal (tiers compare by this, never by name).
    pub ordinal: u8,
    /// Since when.
    pub since: Timestamp,
    /// UTC day `transitions_today` counts.
    pub day: String,
    /// Transitions on `day`.
    pub transitions_today: u32,
    /// Transitions since start.
    pub transitions_total: u32,
}

/// Body of `CONTROL/SWITCH`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Control {
    /// True while trading is stopped.
    pub stopped: bool,
    /// Who or what set it, and why.
    pub reason: String,
    /// When.
    pub at: Timestamp,
}

/// Body of `BREAKER#<dep>/STATE` is [`BreakerState`].
pub type BreakerRecord = BreakerState;
