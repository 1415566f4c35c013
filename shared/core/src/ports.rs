//! Ports: the traits adapters implement. Handlers depend only on these.
//!
//! Backends: the embedded SQLite store/queue, DynamoDB/SQS, the simulator, the Polymarket
//! client. One conformance suite (`copycat-conformance`) holds every `StateStore` and `Queue`
//! implementation to the same behaviour.

use crate::dependency::Dependency;
use crate::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use crate::message::{MAX_SEND_BATCH, OutMessage, Received, SendFailure};
use crate::order::{CopyOrder, Fill, OrderTicket};
use crate::store::{Key, Record, Write};
use crate::time::{Span, Timestamp};
use crate::trade::{Trade, Wallet};
use async_trait::async_trait;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- state store

/// What can go wrong talking to the state store.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// A condition failed: the record was not in the expected state. `current` is what the
    /// store holds now (None if absent), so a lost race needs no extra read.
    #[error("conflict on {key}: expected version {expected_version:?}, found {}", current.as_ref().map(|r| r.version.to_string()).unwrap_or_else(|| "no record".into()))]
    Conflict {
        /// The contested record.
        key: Key,
        /// The version the writer expected (None = expected absent).
        expected_version: Option<u64>,
        /// The record as it is now.
        current: Option<Box<Record>>,
    },
    /// A transaction was cancelled because write `index` failed its condition.
    #[error("transaction cancelled: write {index} on {key} failed its condition")]
    TransactionConflict {
        /// Position of the guilty write in the transaction.
        index: usize,
        /// Its key.
        key: Key,
    },
    /// The request was malformed (e.g. two writes on one key in a transaction, too many writes).
    #[error("invalid store request: {0}")]
    Invalid(String),
    /// The store could not be reached or failed; retrying may help.
    #[error("state store unavailable: {0}")]
    Unavailable(String),
    /// The store was throttled; retry after a back-off.
    #[error("state store throttled: {0}")]
    Throttled(String),
    /// A stored body could not be decoded.
    #[error("record {key} is corrupt: {reason}")]
    Corrupt {
        /// Which record.
        key: Key,
        /// What was wrong.
        reason: String,
    },
}

impl StoreError {
    /// True for a lost optimistic race (re-read and re-decide; never retry blindly).
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict { .. } | StoreError::TransactionConflict { .. })
    }
    /// True when a retry of the same request may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, StoreError::Unavailable(_) | StoreError::Throttled(_))
    }
}

/// The `StateStore` port: versioned records with conditional writes.
#[async_trait]
pub trait StateStore: Send + Sync {
    /// Reads one record.
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError>;
    /// Reads several records in one call; the result has one entry per key, in order.
    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError>;
    /// Creates a record at version 1; `Conflict` (with the current record) if it exists.
    async fn put_if_absent(&self, key: &Key, body: serde_json::Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError>;
    /// Replaces a record at `expected_version`, writing `expected_version + 1`; `Conflict`
    /// (with the current record, or None if absent) otherwise.
    async fn put_if_version(
        &self,
        key: &Key,
        body: serde_json::Value,
        expected_version: u64,
        expires_at: Option<Timestamp>,
    ) -> Result<Record, StoreError>;
    /// Deletes a record at `expected_version`; `Conflict` otherwise.
    async fn delete_if_version(&self, key: &Key, expected_version: u64) -> Result<(), StoreError>;
    /// Applies all writes or none; at most [`MAX_TRANSACTION_WRITES`](crate::store::MAX_TRANSACTION_WRITES), at most one per key.
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError>;
    /// Every record of partition `pk` whose sort key starts with `sk_prefix`, in sort-key order.
    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError>;
    /// One page of a long partition: up to `limit` records of `pk` whose sort key sorts after
    /// `after` (from the first when None), in sort-key order. The next page starts after the
    /// last key returned; an empty page is the end. The default reads the whole partition, so
    /// every backend overrides it with a bounded read.
    async fn query_page(&self, pk: &str, after: Option<&str>, limit: usize) -> Result<Vec<Record>, StoreError> {
        let all = self.query(pk, "").await?;
        Ok(all.into_iter().filter(|r| after.is_none_or(|a| r.key.sk.as_str() > a)).take(limit).collect())
    }
}

// ---------------------------------------------------------------- queue

/// What can go wrong talking to a queue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueueError {
    /// The request broke a queue rule (batch over 10, FIFO message without a group…).
    #[error("invalid queue request on {queue}: {reason}")]
    Invalid {
        /// Queue name.
        queue: String,
        /// Which rule.
        reason: String,
    },
    /// A receipt handle is unknown or stale (the message was redelivered to someone else).
    #[error("receipt handle is no longer valid on {queue}")]
    StaleReceipt {
        /// Queue name.
        queue: String,
    },
    /// The queue could not be reached; retrying may help.
    #[error("queue {queue} unavailable: {reason}")]
    Unavailable {
        /// Queue name.
        queue: String,
        /// What failed.
        reason: String,
    },
}

/// The `Queue` port, with SQS semantics: at-least-once delivery, visibility timeout, receive
/// count, dead-lettering after `max_receive`, FIFO groups with de-duplication ids.
#[async_trait]
pub trait Queue: Send + Sync {
    /// The queue's name.
    fn name(&self) -> &str;
    /// Sends up to [`MAX_SEND_BATCH`] messages; entries that failed are reported, not hidden.
    async fn send_batch(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError>;
    /// Receives up to `max` visible messages, hiding them for the queue's visibility timeout.
    /// A message received more than `max_receive` times moves to the dead-letter queue instead.
    async fn receive(&self, max: usize) -> Result<Vec<Received>, QueueError>;
    /// Deletes a received message (it was handled).
    async fn ack(&self, receipt: &str) -> Result<(), QueueError>;
    /// Deletes several received messages at once (as Lambda's SQS poller does after a batch);
    /// returns the indexes of receipts that were stale. The default deletes one by one.
    async fn ack_batch(&self, receipts: &[String]) -> Result<Vec<usize>, QueueError> {
        let mut stale = Vec::new();
        for (i, r) in receipts.iter().enumerate() {
            match self.ack(r).await {
                Ok(()) => {}
                Err(QueueError::StaleReceipt { .. }) => stale.push(i),
                Err(e) => return Err(e),
            }
        }
        Ok(stale)
    }
    /// Changes a received message's visibility: zero makes it visible again now.
    async fn set_visibility(&self, receipt: &str, timeout: Span) -> Result<(), QueueError>;
    /// Approximate number of messages waiting or in flight.
    async fn depth(&self) -> Result<u64, QueueError>;
}

/// Sends any number of messages in batches of [`MAX_SEND_BATCH`]; returns failures with their
/// index in `messages`.
pub async fn send_all(queue: &dyn Queue, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
    let mut failures = Vec::new();
    let mut offset = 0;
    let mut rest = messages;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(MAX_SEND_BATCH));
        let n = rest.len();
        for mut f in queue.send_batch(rest).await? {
            f.index += offset;
            failures.push(f);
        }
        offset += n;
        rest = tail;
    }
    Ok(failures)
}

// ---------------------------------------------------------------- market data

/// What can go wrong reading market data. Every variant counts as a failure for the
/// dependency's breaker except `NotFound`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarketError {
    /// The dependency did not answer, or answered 5xx.
    #[error("{dependency} unavailable: {reason}")]
    Unavailable {
        /// Which dependency.
        dependency: Dependency,
        /// What happened.
        reason: String,
    },
    /// The dependency rate-limited us.
    #[error("{dependency} rate-limited us (retry after {retry_after_ms:?} ms)")]
    RateLimited {
        /// Which dependency.
        dependency: Dependency,
        /// Server's hint, when given.
        retry_after_ms: Option<u64>,
    },
    /// The response could not be parsed; names the field and what was wrong.
    #[error("{dependency} sent a bad response: {reason}")]
    BadResponse {
        /// Which dependency.
        dependency: Dependency,
        /// Field and problem.
        reason: String,
    },
    /// The thing asked for does not exist (not a dependency failure).
    #[error("{dependency}: {what} not found")]
    NotFound {
        /// Which dependency.
        dependency: Dependency,
        /// What was asked for.
        what: String,
    },
    /// More rows than we read (the paging bound); the answer is fine, it is just too long. Not
    /// a dependency failure: one busy wallet must not open the breaker for everyone.
    #[error("{dependency}: more than {bound} rows of {what}; not read to the end")]
    TooMuch {
        /// Which dependency.
        dependency: Dependency,
        /// What was asked for.
        what: String,
        /// How many rows we read before stopping.
        bound: usize,
    },
}

impl MarketError {
    /// The dependency that failed.
    pub fn dependency(&self) -> Dependency {
        match self {
            MarketError::Unavailable { dependency, .. }
            | MarketError::RateLimited { dependency, .. }
            | MarketError::BadResponse { dependency, .. }
            | MarketError::NotFound { dependency, .. }
            | MarketError::TooMuch { dependency, .. } => *dependency,
        }
    }
    /// Whether this counts against the dependency's breaker.
    pub fn counts_as_failure(&self) -> bool {
        !matches!(self, MarketError::NotFound { .. } | MarketError::TooMuch { .. })
    }
}

/// One failed JSON-RPC call to the chain node, after retries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// No answer: connection refused or broken, a timeout, or 5xx on every attempt.
    #[error("chain node unavailable ({method}): {reason}")]
    Unavailable {
        /// The JSON-RPC method.
        method: String,
        /// What the transport or the node said.
        reason: String,
    },
    /// 429 on every attempt.
    #[error("chain node rate-limited us ({method})")]
    RateLimited {
        /// The JSON-RPC method.
        method: String,
        /// The node's hint, when given.
        retry_after_ms: Option<u64>,
    },
    /// An answer that is not a JSON-RPC 2.0 response of the expected shape.
    #[error("chain node sent a bad response to {method}: {reason}")]
    BadResponse {
        /// The JSON-RPC method.
        method: String,
        /// Field and problem.
        reason: String,
    },
    /// The node answered with a JSON-RPC error object (a reverted call, a log range too large, a
    /// nonce too low): an answer about our request, not a failure of the node.
    #[error("chain node refused {method}: {message} (code {code})")]
    Rpc {
        /// The JSON-RPC method.
        method: String,
        /// The error code.
        code: i64,
        /// The error message, as sent (cut to 200 characters).
        message: String,
    },
    /// The node serves another chain than `chain.chain_id`: nothing is read from it or sent to it.
    #[error("chain node serves chain id {got}, expected {expected}: check chain.rpc_url")]
    WrongChain {
        /// `chain.chain_id`.
        expected: u64,
        /// What `eth_chainId` answered.
        got: u64,
    },
    /// No node is configured (`chain.rpc_url` is empty).
    #[error("no chain node configured (set chain.rpc_url)")]
    NotConfigured,
}

impl ChainError {
    /// Whether this counts against the `chain` breaker: the node's fault, not our request's.
    pub fn counts_as_failure(&self) -> bool {
        !matches!(self, ChainError::Rpc { .. } | ChainError::NotConfigured)
    }
}

/// The `ChainRpc` port: one JSON-RPC 2.0 call to the Polygon node, answered with its `result`.
#[async_trait]
pub trait ChainRpc: Send + Sync {
    /// Calls `method` with `params` (a JSON array) and returns the response's `result`.
    async fn call(&self, method: &str, params: serde_json::Value) -> Result<serde_json::Value, ChainError>;
}

/// The `MarketData` port: leaderboard, wallet history, markets and books.
#[async_trait]
pub trait MarketData: Send + Sync {
    /// Top wallets by PnL for a window.
    async fn leaderboard(&self, window: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError>;
    /// A wallet's trades with `timestamp >= since` (all, when None), oldest first, at most
    /// `limit` rows; when truncated, the rows of the last timestamp returned are complete.
    async fn wallet_trades(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError>;
    /// A wallet's positions, open and closed, with realised PnL.
    async fn wallet_positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError>;
    /// A market's metadata, by outcome token id.
    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError>;
    /// The order book of an outcome token, levels sorted best-first.
    async fn book(&self, token_id: &str) -> Result<Book, MarketError>;
    /// Everyone's trades in a market with `from ≤ timestamp ≤ to`, oldest first, at most
    /// `limit` rows (the oldest ones): what a follower arriving at `from` would have traded
    /// against.
    async fn market_trades(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError>;
    /// Whether the token's market is neg-risk (the CLOB's `/neg-risk`), which decides the
    /// contract a redemption goes through. A source that cannot tell says `NotFound`.
    async fn neg_risk(&self, token_id: &str) -> Result<bool, MarketError> {
        Err(MarketError::NotFound { dependency: Dependency::Clob, what: format!("neg-risk flag of token {token_id}") })
    }
}

// ---------------------------------------------------------------- broker

/// What can go wrong placing an order, typed so an operator can alarm on what they can act on.
/// Only `Unavailable` leaves the order's fate unknown; every other variant means it never traded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokerError {
    /// The venue refuses orders from this host (its geoblock check says so).
    #[error(
        "geoblocked: the venue refuses orders from this host (country {country}, region {region}); run from an allowed region (e.g. AWS eu-west-1)"
    )]
    Geoblocked {
        /// Country code the venue saw.
        country: String,
        /// Region the venue saw.
        region: String,
    },
    /// Not enough balance or allowance for the order.
    #[error("insufficient funds: {reason}; deposit pUSD or refresh allowances")]
    InsufficientFunds {
        /// The venue's message.
        reason: String,
    },
    /// The order is under the market's minimum size or notional.
    #[error("order below the market's minimum: {reason}; too small to copy here (raise sizing.min_order_notional if this recurs)")]
    BelowMinimum {
        /// What the minimum is and what was asked.
        reason: String,
    },
    /// Refused for another reason: by the venue (with its code when it gives one) or locally
    /// (bad ticket, market not accepting orders, bad price) with no code.
    #[error("order rejected{}: {reason}", code_suffix(.code))]
    Rejected {
        /// The venue's error code (its own code, else the HTTP status); `None` for a local refusal.
        code: Option<String>,
        /// Why.
        reason: String,
    },
    /// The venue could not be reached; the order's fate is unknown until retried with the same order.
    #[error("venue unavailable: {0}")]
    Unavailable(String),
}

fn code_suffix(code: &Option<String>) -> String {
    code.as_deref().map(|c| format!(" (venue code {c})")).unwrap_or_default()
}

impl BrokerError {
    /// Whether retrying the same order may help: only when the venue could not be reached.
    pub fn is_retryable(&self) -> bool {
        matches!(self, BrokerError::Unavailable(_))
    }

    /// A stable snake_case name of the variant, for metrics and the ledger.
    pub fn code(&self) -> &'static str {
        match self {
            BrokerError::Geoblocked { .. } => "geoblocked",
            BrokerError::InsufficientFunds { .. } => "insufficient_funds",
            BrokerError::BelowMinimum { .. } => "below_minimum",
            BrokerError::Rejected { .. } => "rejected",
            BrokerError::Unavailable(_) => "unavailable",
        }
    }
}

/// The `Broker` port: places copy orders (paper or live).
#[async_trait]
pub trait Broker: Send + Sync {
    /// Places an order; the same `order.key` must never produce two fills at the venue.
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError>;

    /// Prepares `order` for placing and returns what must be kept durably before it is sent
    /// (e.g. its signed bytes), so a retry in another process sends the very same order; `None`
    /// when this broker needs nothing kept (its `place` is idempotent on the key by itself).
    async fn prepare(&self, order: &CopyOrder) -> Result<Option<OrderTicket>, BrokerError> {
        let _ = order;
        Ok(None)
    }

    /// Places `order` as prepared in `ticket` (by this process or an earlier one that may have
    /// sent it already): finds out what became of it at the venue before sending it again.
    async fn place_prepared(&self, order: &CopyOrder, ticket: Option<&OrderTicket>) -> Result<Fill, BrokerError> {
        let _ = ticket;
        self.place(order).await
    }
}

// ---------------------------------------------------------------- metrics, notifications

/// The `Metrics` port: counters (EMF lines on AWS, in-memory counters locally).
pub trait Metrics: Send + Sync {
    /// Adds `value` to metric `name`, with extra string properties (e.g. `reason`).
    fn count(&self, name: &str, value: u64, properties: &[(&str, &str)]);
}

/// What can go wrong delivering a notification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SinkError {
    /// Worth retrying later (429, 5xx, timeout).
    #[error("delivery failed, will retry: {0}")]
    Retryable(String),
    /// Will never succeed (bad destination).
    #[error("delivery failed permanently: {0}")]
    Permanent(String),
}

/// The notification sink port: where the notifier delivers rendered events.
#[async_trait]
pub trait NotificationSink: Send + Sync {
    /// Delivers one notification.
    async fn deliver(&self, notification: &crate::events::Notification) -> Result<(), SinkError>;
}

// ---------------------------------------------------------------- redemption

/// Which resolved market to redeem, and which contract path settles it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedemptionTarget {
    /// The market's condition id (`0x` + 64 hex digits).
    pub condition_id: String,
    /// A neg-risk market settles through the neg-risk collateral adapter, others through the
    /// standard one.
    pub neg_risk: bool,
}

/// A redemption transaction signed and ready to broadcast. It is recorded before it is sent, so
/// a check that resumes after a crash broadcasts these very bytes (same nonce, same hash) and
/// never signs a second transaction for the same redemption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedRedemption {
    /// Transaction hash, `0x` + 64 hex digits; for a deposit wallet's relayed batch, the
    /// batch's EIP-712 digest (the relayer picks the transaction, whose hash its record names).
    pub hash: String,
    /// The signed raw transaction, `0x` + hex; for a relayed batch, the relayer submission (JSON).
    pub raw: String,
    /// The sender's nonce it uses; for a relayed batch, the deposit wallet's batch nonce.
    pub nonce: u64,
    /// The sender (the key's address).
    pub from: String,
    /// The contract called (adapter, proxy factory, Safe, or the deposit wallet factory).
    pub to: String,
}

/// A mined transaction's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxReceipt {
    /// Transaction hash.
    pub hash: String,
    /// Block it was mined in.
    pub block: u64,
    /// `status` 1 (success) or 0 (reverted).
    pub success: bool,
}

/// Why a redemption could not be signed, sent or confirmed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RedeemError {
    /// Never possible as configured (an account type without a redemption path, a key or funder
    /// that does not fit); names the setting to change. Never retried by itself.
    #[error("redemption refused: {reason}")]
    Refused {
        /// What is wrong and what to do.
        reason: String,
    },
    /// The node says the call would revert (checked with `eth_estimateGas` before signing):
    /// nothing was sent.
    #[error("redemption would revert, nothing sent: {reason}")]
    WouldRevert {
        /// The node's revert message.
        reason: String,
    },
    /// Gas price or gas above the configured caps (`redemption.*`): nothing sent; a later check
    /// tries again.
    #[error("redemption over the gas caps, nothing sent: {reason}")]
    OverCap {
        /// Which cap and by how much.
        reason: String,
    },
    /// The node failed or answered garbage: retried by a later check; counts against the
    /// `chain` breaker when [`ChainError::counts_as_failure`].
    #[error(transparent)]
    Chain(#[from] ChainError),
}

/// The `Redeemer` port: signs, sends and follows redemption transactions for the configured
/// account. Implemented on the Polygon node (copycat-chain, feature `signing`) and by fakes in tests.
#[async_trait]
pub trait Redeemer: Send + Sync {
    /// Builds, prices (within the caps) and signs the redemption of `target` at the sender's
    /// pending nonce. Sends nothing.
    async fn sign(&self, target: &RedemptionTarget) -> Result<SignedRedemption, RedeemError>;
    /// Broadcasts recorded bytes (first time or again); a node that already has them is a success.
    async fn broadcast(&self, tx: &SignedRedemption) -> Result<(), RedeemError>;
    /// Waits (bounded by `redemption.receipt_wait_ms`) for the receipt of `tx` with
    /// `redemption.confirmations`; `None` when it has not come in time.
    async fn await_receipt(&self, tx: &SignedRedemption) -> Result<Option<TxReceipt>, RedeemError>;
    /// How many of the sender's transactions are mined (`eth_getTransactionCount` "latest"): a
    /// recorded nonce below it whose hash has no receipt was used by another transaction.
    async fn mined_nonce(&self, from: &str) -> Result<u64, RedeemError>;
}
