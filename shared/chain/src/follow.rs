//! Following the chain: read the confirmed blocks after a [`ChainCursor`], their headers and
//! the followed wallets' `OrderFilled` logs, and notice reorgs and stalls.
//!
//! One [`read_new_blocks`] asks `eth_blockNumber`, then for the blocks from the cursor to the
//! head less `chain.confirmations` (at most `chain.max_block_range` of them) each header
//! (`eth_getBlockByNumber`, for its time and hash) and the logs, with the followed wallets in
//! topic OR-lists of `chain.log_chunk_wallets` as maker and as taker. So the calls per block do
//! not grow with the number of leaders until a list is full. A node answering "range too
//! large" gets half the range, down to one block.
//!
//! Every answer is checked before it is trusted: headers chain by parent hash and their times
//! never go backwards, logs come from the blocks just read (same hash) and from the exchanges,
//! and name a wallet asked for. A block whose parent is not the block the cursor remembers is
//! a reorg: the read walks back to the fork and returns what had been queued from the dropped
//! blocks so the poller can report it.

use crate::logs::{self, LeaderFill, LogError, OrderFilled, Party};
use crate::quantity;
use copycat_core::config::ChainConfig;
use copycat_core::ports::{ChainError, ChainRpc};
use copycat_core::records::{BlockRef, ChainCursor, QueuedFill};
use copycat_core::time::{Timestamp, from_secs};
use copycat_core::trade::Wallet;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// Halvings of the block range tried in one read before giving up on "range too large".
const MAX_HALVINGS: u32 = 12;

/// Why a read of new blocks failed. [`FollowError::counts_as_failure`] says which are the
/// node's fault (counted by the `chain` breaker).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FollowError {
    /// The JSON-RPC call failed.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// A log in the answer is not what was asked for.
    #[error("eth_getLogs answered with a bad log: {0}")]
    Log(LogError),
    /// A header is malformed.
    #[error("block {block}: {reason}")]
    BadBlock {
        /// The block asked for.
        block: u64,
        /// What was wrong.
        reason: String,
    },
    /// A block's time is before its parent's: the node is serving something inconsistent.
    #[error("block {block} has time {time}, before its parent's {parent_time}")]
    TimeBackwards {
        /// The block.
        block: u64,
        /// Its time.
        time: Timestamp,
        /// Its parent's time.
        parent_time: Timestamp,
    },
    /// The node answers but its newest block is too old: it has stopped following the chain.
    #[error("node stalled: newest block {head} is from {head_time}, {behind_secs} s ago")]
    Stalled {
        /// Its head.
        head: u64,
        /// The head's time.
        head_time: Timestamp,
        /// How far behind now.
        behind_secs: i64,
    },
    /// The chain changed between two calls of one read (a reorg in progress); the next read
    /// starts over.
    #[error("the chain moved during the read: {0}")]
    Moved(String),
    /// Even one block's logs were "too large" for the node with the configured list size.
    #[error("eth_getLogs range too large even for one block; lower chain.log_chunk_wallets ({0})")]
    RangeTooLarge(String),
}

impl FollowError {
    /// Whether the node is at fault (a failure of the `chain` breaker).
    pub fn counts_as_failure(&self) -> bool {
        match self {
            FollowError::Chain(e) => e.counts_as_failure(),
            FollowError::Log(e) => e.is_node_fault(),
            FollowError::BadBlock { .. } | FollowError::TimeBackwards { .. } | FollowError::Stalled { .. } => true,
            FollowError::Moved(_) | FollowError::RangeTooLarge(_) => false,
        }
    }
}

/// One header, as far as following needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Number.
    pub number: u64,
    /// Hash (lowercase).
    pub hash: String,
    /// Parent's hash (lowercase).
    pub parent_hash: String,
    /// Block time.
    pub time: Timestamp,
}

impl Header {
    /// As the cursor remembers it.
    pub fn to_ref(&self) -> BlockRef {
        BlockRef { number: self.number, hash: self.hash.clone(), time: self.time }
    }
}

/// A reorg noticed under the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reorg {
    /// The last block both chains share.
    pub fork: u64,
    /// Blocks dropped (as the cursor remembered them).
    pub dropped: Vec<BlockRef>,
    /// Signals queued from the dropped blocks whose fills the new chain no longer has.
    pub lost: Vec<QueuedFill>,
}

/// What one read found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlocksRead {
    /// The node's head.
    pub head: u64,
    /// Headers read, oldest first (empty: nothing new was confirmed).
    pub headers: Vec<Header>,
    /// The followed wallets' fills in them, in chain order.
    pub fills: Vec<LeaderFill>,
    /// A reorg under the cursor, when one was found.
    pub reorg: Option<Reorg>,
    /// Logs that were skipped (real chain data CopyCat refuses to turn into a trade).
    pub skipped: Vec<LogError>,
    /// JSON-RPC calls made.
    pub calls: u32,
}

impl BlocksRead {
    /// The time of block `n`, when it was read.
    pub fn time_of(&self, n: u64) -> Option<Timestamp> {
        self.headers.iter().find(|h| h.number == n).map(|h| h.time)
    }
}

fn is_range_too_large(e: &ChainError) -> bool {
    match e {
        ChainError::Rpc { code, message, .. } => {
            let m = message.to_ascii_lowercase();
            *code == -32005
                || m.contains("range")
                || m.contains("too large")
                || m.contains("too many")
                || m.contains("more than")
                || m.contains("limit exceeded")
        }
        _ => false,
    }
}

/// `eth_blockNumber`.
pub async fn head(rpc: &dyn ChainRpc) -> Result<u64, ChainError> {
    let v = rpc.call("eth_blockNumber", json!([])).await?;
    quantity::decode(&v).map_err(|reason| ChainError::BadResponse { method: "eth_blockNumber".into(), reason })
}

/// `eth_getBlockByNumber(n, false)`, checked.
pub async fn header(rpc: &dyn ChainRpc, n: u64) -> Result<Header, FollowError> {
    let v = rpc.call("eth_getBlockByNumber", json!([quantity::encode(n), false])).await?;
    let bad = |reason: &str| FollowError::BadBlock { block: n, reason: reason.into() };
    if v.is_null() {
        return Err(bad("the node does not have it"));
    }
    let hash_of = |field: &str| -> Result<String, FollowError> {
        let s = v.get(field).and_then(Value::as_str).ok_or_else(|| bad(&format!("`{field}` missing")))?;
        let digits = s.strip_prefix("0x").filter(|d| d.len() == 64 && d.bytes().all(|b| b.is_ascii_hexdigit()));
        digits.map(|d| format!("0x{}", d.to_ascii_lowercase())).ok_or_else(|| bad(&format!("`{field}` is not a 32-byte hash")))
    };
    let number = quantity::decode(v.get("number").unwrap_or(&Value::Null)).map_err(|r| bad(&format!("`number`: {r}")))?;
    if number != n {
        return Err(bad(&format!("answered with block {number}")));
    }
    let secs = quantity::decode(v.get("timestamp").unwrap_or(&Value::Null)).map_err(|r| bad(&format!("`timestamp`: {r}")))?;
    let secs = i64::try_from(secs).ok().filter(|s| *s < 1 << 40).ok_or_else(|| bad("`timestamp` out of range"))?;
    Ok(Header { number, hash: hash_of("hash")?, parent_hash: hash_of("parentHash")?, time: from_secs(secs) })
}

/// `eth_getLogs` for `OrderFilled` of both exchanges in `from..=to` with `wallets` as `party`.
async fn logs_of(rpc: &dyn ChainRpc, from: u64, to: u64, wallets: &[Wallet], party: Party) -> Result<Vec<Value>, ChainError> {
    let v = rpc.call("eth_getLogs", json!([logs::filter(from, to, wallets, party)])).await?;
    match v {
        Value::Array(a) => Ok(a),
        other => Err(ChainError::BadResponse { method: "eth_getLogs".into(), reason: format!("expected an array of logs, got {other}") }),
    }
}

/// Reads the confirmed blocks after `cursor` (see the module doc). `followed` are the wallets
/// whose fills are wanted; `now` tells a stalled node from a quiet one.
pub async fn read_new_blocks(
    rpc: &dyn ChainRpc,
    cfg: &ChainConfig,
    cursor: &ChainCursor,
    followed: &[Wallet],
    now: Timestamp,
) -> Result<BlocksRead, FollowError> {
    let mut read = BlocksRead { head: head(rpc).await?, calls: 1, ..BlocksRead::default() };
    let safe = read.head.saturating_sub(cfg.confirmations);
    let from = if cursor.next_block == 0 { safe } else { cursor.next_block };
    let stalled = |head_time: Timestamp, head: u64| -> Result<(), FollowError> {
        let behind = (now - head_time).num_seconds();
        if behind > cfg.stall_after_secs as i64 {
            return Err(FollowError::Stalled { head, head_time, behind_secs: behind });
        }
        Ok(())
    };
    if safe < from {
        // Nothing new confirmed: quiet, or stalled? The newest block we know tells.
        if let Some(last) = cursor.recent.last()
            && last.number >= safe
        {
            stalled(last.time, read.head)?;
        }
        return Ok(read);
    }
    let mut recent = cursor.recent.clone();
    let (mut headers, mut raw) = read_range_halving(rpc, cfg, from, safe, followed, &mut read.calls).await?;
    // A reorg under the cursor: the first new block's parent is not the block we remember.
    if let (Some(last), Some(first)) = (recent.last().cloned(), headers.first())
        && last.number + 1 == first.number
        && first.parent_hash != last.hash
    {
        let (fork, dropped, calls) = find_fork(rpc, &recent).await?;
        read.calls += calls;
        recent.retain(|b| b.number <= fork);
        let dropped_numbers: HashSet<u64> = dropped.iter().map(|b| b.number).collect();
        let suspects: Vec<QueuedFill> = cursor.queued.iter().filter(|q| dropped_numbers.contains(&q.block)).cloned().collect();
        // The dropped blocks are read again now, so a lost fill is told from a moved one.
        let through = dropped.last().map_or(safe, |b| b.number.min(safe));
        (headers, raw) = read_range_halving(rpc, cfg, fork + 1, safe, followed, &mut read.calls).await?;
        if headers.last().is_some_and(|h| h.number < through) {
            return Err(FollowError::Moved(format!("the reorg reaches block {through}, past what one read covers")));
        }
        read.reorg = Some(Reorg { fork, dropped, lost: suspects });
    }
    // Headers chain on from what the cursor remembers, and time never runs backwards.
    let mut parent = recent.last().cloned();
    for h in &headers {
        if let Some(p) = &parent {
            if p.number + 1 == h.number && p.hash != h.parent_hash {
                return Err(FollowError::Moved(format!("block {}'s parent is not block {} read just before", h.number, p.number)));
            }
            if h.time < p.time {
                return Err(FollowError::TimeBackwards { block: h.number, time: h.time, parent_time: p.time });
            }
        }
        parent = Some(h.to_ref());
    }
    // Caught up with the confirmed head: that block's age tells whether the node still follows.
    if let Some(last) = headers.last()
        && last.number == safe
    {
        stalled(last.time, read.head)?;
    }
    let hashes: HashMap<u64, &str> = headers.iter().map(|h| (h.number, h.hash.as_str())).collect();
    let asked: HashSet<&Wallet> = followed.iter().collect();
    let mut decoded: Vec<OrderFilled> = Vec::new();
    for (party, v) in raw {
        let log = match logs::decode_log(&v) {
            Ok(l) => l,
            Err(e) if e.is_node_fault() => return Err(FollowError::Log(e)),
            Err(e) => {
                tracing::warn!(error = %e, "skipping an OrderFilled log that cannot be a trade");
                read.skipped.push(e);
                continue;
            }
        };
        match hashes.get(&log.block_number) {
            None => {
                return Err(FollowError::Log(LogError::Malformed {
                    field: "blockNumber",
                    reason: format!("{} outside the range asked", log.block_number),
                }));
            }
            Some(h) if *h != log.block_hash => {
                return Err(FollowError::Moved(format!("a log of block {} is from another fork", log.block_number)));
            }
            Some(_) => {}
        }
        let named = match party {
            Party::Maker => &log.maker,
            Party::Taker => &log.taker,
        };
        if !asked.contains(named) {
            return Err(FollowError::Log(LogError::NotAsked));
        }
        decoded.push(log);
    }
    let followed: HashSet<Wallet> = followed.iter().cloned().collect();
    read.fills = logs::leader_fills(&decoded, &followed);
    if let Some(r) = &mut read.reorg {
        let still: HashSet<(&str, &Wallet, &str)> =
            read.fills.iter().map(|f| (f.log.transaction_hash.as_str(), &f.wallet, f.log.token_id.as_str())).collect();
        r.lost.retain(|q| !still.contains(&(q.transaction_hash.as_str(), &q.leader, q.token_id.as_str())));
    }
    read.headers = headers;
    Ok(read)
}

/// [`read_range`] from `from` to at most `chain.max_block_range` blocks up to `safe`, halving
/// the range while the node answers "range too large".
async fn read_range_halving(
    rpc: &dyn ChainRpc,
    cfg: &ChainConfig,
    from: u64,
    safe: u64,
    followed: &[Wallet],
    calls: &mut u32,
) -> Result<(Vec<Header>, Vec<(Party, Value)>), FollowError> {
    let mut to = safe.min(from + cfg.max_block_range - 1);
    let mut halvings = 0;
    loop {
        match read_range(rpc, cfg, from, to, followed, calls).await {
            Ok(found) => return Ok(found),
            Err(FollowError::Chain(e)) if is_range_too_large(&e) => {
                if to == from || halvings >= MAX_HALVINGS {
                    return Err(FollowError::RangeTooLarge(e.to_string()));
                }
                halvings += 1;
                to = from + (to - from) / 2;
                tracing::debug!(from, to, "eth_getLogs range too large; halving");
            }
            Err(e) => return Err(e),
        }
    }
}

/// Headers and raw logs of `from..=to`.
async fn read_range(
    rpc: &dyn ChainRpc,
    cfg: &ChainConfig,
    from: u64,
    to: u64,
    followed: &[Wallet],
    calls: &mut u32,
) -> Result<(Vec<Header>, Vec<(Party, Value)>), FollowError> {
    let mut raw = Vec::new();
    for chunk in followed.chunks(cfg.log_chunk_wallets.max(1) as usize) {
        for party in [Party::Maker, Party::Taker] {
            *calls += 1;
            raw.extend(logs_of(rpc, from, to, chunk, party).await?.into_iter().map(|v| (party, v)));
        }
    }
    let mut headers = Vec::with_capacity((to - from + 1) as usize);
    for n in from..=to {
        *calls += 1;
        headers.push(header(rpc, n).await?);
    }
    Ok((headers, raw))
}

/// Walks back through the remembered blocks to the newest one the node still has: the fork.
async fn find_fork(rpc: &dyn ChainRpc, recent: &[BlockRef]) -> Result<(u64, Vec<BlockRef>, u32), FollowError> {
    let mut calls = 0;
    for (i, b) in recent.iter().enumerate().rev() {
        calls += 1;
        if header(rpc, b.number).await?.hash == b.hash {
            return Ok((b.number, recent[i + 1..].to_vec(), calls));
        }
    }
    // Deeper than the window: everything remembered is dropped; go on from before it.
    let first = recent.first().map(|b| b.number.saturating_sub(1)).unwrap_or(0);
    Ok((first, recent.to_vec(), calls))
}

/// The cursor after a read whose signals are queued: past the blocks read, remembering the
/// last `chain.reorg_window_blocks` of them and what was queued from them.
pub fn advance(cursor: &ChainCursor, cfg: &ChainConfig, read: &BlocksRead, queued: Vec<QueuedFill>) -> ChainCursor {
    let Some(last) = read.headers.last() else {
        return cursor.clone();
    };
    let mut recent = cursor.recent.clone();
    let mut kept = cursor.queued.clone();
    if let Some(r) = &read.reorg {
        recent.retain(|b| b.number <= r.fork);
        kept.retain(|q| q.block <= r.fork);
    }
    recent.extend(read.headers.iter().map(Header::to_ref));
    let window = cfg.reorg_window_blocks as usize;
    if recent.len() > window {
        recent.drain(..recent.len() - window);
    }
    let oldest = recent.first().map(|b| b.number).unwrap_or(0);
    kept.extend(queued);
    kept.retain(|q| q.block >= oldest);
    ChainCursor { next_block: last.number + 1, recent, queued: kept }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_trait::async_trait;
    use std::sync::Mutex;

    /// A scripted node: a chain of headers (by number) and logs by block.
    struct Node {
        head: Mutex<u64>,
        blocks: Mutex<HashMap<u64, (String, String, i64)>>,
        logs: Mutex<Vec<Value>>,
        range_limit: Option<u64>,
        calls: Mutex<Vec<String>>,
    }

    fn hash(n: u64, fork: u8) -> String {
        format!("0x{:062x}{:02x}", n, fork)
    }

    impl Node {
        fn new(blocks: u64) -> Node {
            let mut m = HashMap::new();
            for n in 1..=blocks {
                m.insert(n, (hash(n, 0), hash(n - 1, 0), 1_000 + 2 * n as i64));
            }
            Node { head: Mutex::new(blocks), blocks: Mutex::new(m), logs: Mutex::new(vec![]), range_limit: None, calls: Mutex::new(vec![]) }
        }
    }

    #[async_trait]
    impl ChainRpc for Node {
        async fn call(&self, method: &str, params: Value) -> Result<Value, ChainError> {
            self.calls.lock().unwrap().push(method.to_string());
            match method {
                "eth_blockNumber" => Ok(json!(quantity::encode(*self.head.lock().unwrap()))),
                "eth_getBlockByNumber" => {
                    let n = quantity::decode(&params[0]).unwrap();
                    Ok(match self.blocks.lock().unwrap().get(&n) {
                        Some((h, p, t)) => {
                            json!({"number": quantity::encode(n), "hash": h, "parentHash": p, "timestamp": quantity::encode(*t as u64)})
                        }
                        None => Value::Null,
                    })
                }
                "eth_getLogs" => {
                    let f = &params[0];
                    let from = quantity::decode(&f["fromBlock"]).unwrap();
                    let to = quantity::decode(&f["toBlock"]).unwrap();
                    if self.range_limit.is_some_and(|l| to - from + 1 > l) {
                        return Err(ChainError::Rpc { method: method.into(), code: -32005, message: "block range too large".into() });
                    }
                    let maker_list = f["topics"][1].as_array().cloned();
                    let taker_list = f["topics"].get(2).and_then(Value::as_array).cloned();
                    Ok(Value::Array(
                        self.logs
                            .lock()
                            .unwrap()
                            .iter()
                            .filter(|l| {
                                let n = quantity::decode(&l["blockNumber"]).unwrap();
                                let in_list =
                                    |list: &Option<Vec<Value>>, i: usize| list.as_ref().is_none_or(|ws| ws.contains(&l["topics"][i]));
                                (from..=to).contains(&n) && in_list(&maker_list, 2) && in_list(&taker_list, 3)
                            })
                            .cloned()
                            .collect(),
                    ))
                }
                _ => Err(ChainError::Rpc { method: method.into(), code: -32601, message: "no such method".into() }),
            }
        }
    }

    fn leader() -> Wallet {
        Wallet::parse("0x00000000000000000000000000000000000000aa").unwrap()
    }

    fn fill_log(node: &Node, block: u64, tx: u64) -> Value {
        let (h, _, _) = node.blocks.lock().unwrap()[&block].clone();
        logs::encode_log(&OrderFilled {
            exchange: logs::EXCHANGE_V2.into(),
            maker: leader(),
            taker: Wallet::parse("0x00000000000000000000000000000000000000bb").unwrap(),
            side: copycat_core::trade::Side::Buy,
            token_id: "123".into(),
            maker_amount: 5_000_000,
            taker_amount: 10_000_000,
            fee: 0,
            block_number: block,
            block_hash: h,
            transaction_hash: format!("0x{tx:064x}"),
            log_index: 0,
            removed: false,
        })
    }

    fn cfg() -> ChainConfig {
        ChainConfig { confirmations: 1, max_block_range: 10, ..ChainConfig::default() }
    }

    #[tokio::test]
    async fn a_fill_is_read_once_its_block_is_confirmed_and_the_cursor_moves_past_it() {
        let node = Node::new(10);
        let now = from_secs(1_000 + 2 * 10 + 1);
        let start = ChainCursor { next_block: 9, ..ChainCursor::default() };
        node.logs.lock().unwrap().push(fill_log(&node, 10, 1));
        let read = read_new_blocks(&node, &cfg(), &start, &[leader()], now).await.unwrap();
        assert_eq!(read.headers.iter().map(|h| h.number).collect::<Vec<_>>(), [9], "block 10 waits for one confirmation");
        assert!(read.fills.is_empty());
        let cursor = advance(&start, &cfg(), &read, vec![]);
        *node.head.lock().unwrap() = 11;
        node.blocks.lock().unwrap().insert(11, (hash(11, 0), hash(10, 0), 1_022));
        let read = read_new_blocks(&node, &cfg(), &cursor, &[leader()], now).await.unwrap();
        assert_eq!(read.fills.len(), 1);
        assert_eq!(read.time_of(10), Some(from_secs(1_020)));
    }

    #[tokio::test]
    async fn range_too_large_halves_the_range_without_counting_against_the_node() {
        let mut node = Node::new(20);
        node.range_limit = Some(3);
        let start = ChainCursor { next_block: 1, ..ChainCursor::default() };
        let read = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_040)).await.unwrap();
        assert_eq!(read.headers.len(), 3, "10 → 5 → 3 blocks");
        node.range_limit = Some(0);
        let err = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_040)).await.unwrap_err();
        assert!(matches!(err, FollowError::RangeTooLarge(_)));
        assert!(!err.counts_as_failure());
    }

    #[tokio::test]
    async fn a_node_that_answers_but_stops_advancing_is_stalled_and_counts() {
        let node = Node::new(10);
        let start = ChainCursor { next_block: 1, ..ChainCursor::default() };
        let read = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_020)).await.unwrap();
        let cursor = advance(&start, &cfg(), &read, vec![]);
        // The head stays at 10 while the clock moves on.
        let quiet = read_new_blocks(&node, &cfg(), &cursor, &[leader()], from_secs(1_030)).await.unwrap();
        assert!(quiet.headers.is_empty());
        let err = read_new_blocks(&node, &cfg(), &cursor, &[leader()], from_secs(1_020 + 31)).await.unwrap_err();
        assert!(matches!(err, FollowError::Stalled { head: 10, .. }), "{err}");
        assert!(err.counts_as_failure());
    }

    #[tokio::test]
    async fn a_block_whose_time_goes_backwards_is_refused_as_the_nodes_fault() {
        let node = Node::new(10);
        node.blocks.lock().unwrap().get_mut(&6).unwrap().2 = 900;
        let start = ChainCursor { next_block: 1, ..ChainCursor::default() };
        let err = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_020)).await.unwrap_err();
        assert!(matches!(err, FollowError::TimeBackwards { block: 6, .. }), "{err}");
        assert!(err.counts_as_failure());
    }

    #[tokio::test]
    async fn a_reorg_under_the_cursor_reports_the_queued_fill_the_new_chain_dropped() {
        let node = Node::new(10);
        node.logs.lock().unwrap().push(fill_log(&node, 8, 1));
        let start = ChainCursor { next_block: 1, ..ChainCursor::default() };
        let read = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_020)).await.unwrap();
        assert_eq!(read.fills.len(), 1);
        let f = &read.fills[0];
        let queued = vec![QueuedFill {
            block: 8,
            key: copycat_core::signal::signal_key(&f.to_trade(from_secs(1_016))),
            leader: leader(),
            token_id: f.log.token_id.clone(),
            transaction_hash: f.log.transaction_hash.clone(),
        }];
        let cursor = advance(&start, &cfg(), &read, queued);
        assert_eq!(cursor.next_block, 10);
        // Blocks 8 and 9 are replaced; the fill is not in the new chain.
        {
            let mut b = node.blocks.lock().unwrap();
            b.insert(8, (hash(8, 1), hash(7, 0), 1_016));
            b.insert(9, (hash(9, 1), hash(8, 1), 1_018));
            b.insert(10, (hash(10, 1), hash(9, 1), 1_020));
            b.insert(11, (hash(11, 1), hash(10, 1), 1_022));
        }
        node.logs.lock().unwrap().clear();
        *node.head.lock().unwrap() = 11;
        let read = read_new_blocks(&node, &cfg(), &cursor, &[leader()], from_secs(1_022)).await.unwrap();
        let reorg = read.reorg.clone().expect("reorg noticed");
        assert_eq!(reorg.fork, 7);
        assert_eq!(reorg.dropped.iter().map(|b| b.number).collect::<Vec<_>>(), [8, 9]);
        assert_eq!(reorg.lost.len(), 1);
        assert_eq!(read.headers.first().map(|h| h.number), Some(8), "the new blocks are read again");
        let next = advance(&cursor, &cfg(), &read, vec![]);
        assert!(next.queued.is_empty());
        assert_eq!(next.recent.iter().find(|b| b.number == 8).map(|b| b.hash.clone()), Some(hash(8, 1)));
    }

    #[tokio::test]
    async fn logs_from_another_contract_or_for_a_wallet_not_asked_are_the_nodes_fault() {
        let node = Node::new(10);
        let mut other = fill_log(&node, 5, 1);
        other["address"] = json!("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e");
        node.logs.lock().unwrap().push(other);
        let start = ChainCursor { next_block: 1, ..ChainCursor::default() };
        let err = read_new_blocks(&node, &cfg(), &start, &[leader()], from_secs(1_020)).await.unwrap_err();
        assert!(matches!(err, FollowError::Log(LogError::OtherContract { .. })), "{err}");
        assert!(err.counts_as_failure());
    }

    #[tokio::test]
    async fn calls_per_block_grow_with_leaders_only_by_the_chunking() {
        let mut calls = vec![];
        for leaders in [10usize, 100, 500] {
            let node = Node::new(3);
            let wallets: Vec<Wallet> = (0..leaders).map(|i| Wallet::parse(&format!("0x{:040x}", i + 1)).unwrap()).collect();
            let start = ChainCursor { next_block: 2, ..ChainCursor::default() };
            let read = read_new_blocks(&node, &cfg(), &start, &wallets, from_secs(1_006)).await.unwrap();
            calls.push(read.calls);
        }
        // One block: head + 2 lists per chunk of 100 + its header.
        assert_eq!(calls, [4, 4, 12]);
    }
}
