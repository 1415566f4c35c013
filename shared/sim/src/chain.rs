//! `SimChain`: the simulated world's fills as a Polygon node answering JSON-RPC, with its bad
//! days.
//!
//! A block every `block_interval_ms` from the world's history start; block `k` holds every fill
//! whose second falls in `(time(k-1), time(k)]`, each as one `OrderFilled` log of the V2
//! exchanges, encoded exactly as a node returns it. A fill whose transaction seed is even is the
//! wallet's own (maker) order; an odd one is the wallet taking a resting order of a synthetic
//! counterparty, so the log names the wallet as `taker` on the other side. A taker order that
//! walked several price levels is several logs of one transaction, as on the real chain.
//!
//! Bad days, all seeded: a share of calls answered 429 or timing out, `eth_getLogs` over more
//! than `max_logs_range` blocks refused as "range too large", reorgs (every `reorg_every`
//! blocks the newest `reorg_depth` blocks first appear with other hashes and are then
//! replaced), stalls (from `stall_at` for `stall_secs` the head stops advancing while the node
//! keeps answering), and fills hidden from the logs altogether (to prove the Data API
//! reconciliation finds them).

use crate::noise::hash3;
use crate::world::SimWorld;
use async_trait::async_trait;
use copycat_chain::logs::{self, OrderFilled, Party};
use copycat_chain::quantity;
use copycat_core::ports::{ChainError, ChainRpc};
use copycat_core::time::{Clock, Timestamp, from_millis};
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The first block's number (Polygon's are in the tens of millions).
pub const FIRST_BLOCK: u64 = 70_000_000;

/// How the simulated node behaves.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainParams {
    /// The chain id it answers `eth_chainId` with.
    pub chain_id: u64,
    /// Time between blocks.
    pub block_interval_ms: u64,
    /// Share of calls answered 429.
    pub rate_limited_rate: f64,
    /// Share of calls that time out.
    pub timeout_rate: f64,
    /// `eth_getLogs` over more blocks than this is refused as "range too large".
    pub max_logs_range: u64,
    /// A reorg every this many blocks (0: never).
    pub reorg_every: u64,
    /// How many of the newest blocks a reorg replaces.
    pub reorg_depth: u64,
    /// When the node stops advancing (while answering), if ever.
    pub stall_at: Option<Timestamp>,
    /// For how long.
    pub stall_secs: i64,
    /// Share of fills that never appear in the logs (hidden from the chain fast path).
    pub hidden_rate: f64,
}

impl Default for ChainParams {
    /// The demo's node: Polygon's 2 s blocks and a bad day's share of trouble.
    fn default() -> Self {
        ChainParams {
            chain_id: 137,
            block_interval_ms: 2_000,
            rate_limited_rate: 0.01,
            timeout_rate: 0.005,
            max_logs_range: 20,
            reorg_every: 500,
            reorg_depth: 1,
            stall_at: None,
            stall_secs: 0,
            hidden_rate: 0.0,
        }
    }
}

impl ChainParams {
    /// A node with no trouble at all (for tests that add their own).
    pub fn calm() -> ChainParams {
        ChainParams { rate_limited_rate: 0.0, timeout_rate: 0.0, max_logs_range: 10_000, reorg_every: 0, ..ChainParams::default() }
    }
}

/// The simulated node: the world's fills at the clock's time, over the `ChainRpc` port.
pub struct SimChain {
    world: Arc<SimWorld>,
    clock: Arc<dyn Clock>,
    params: Mutex<ChainParams>,
    genesis: Timestamp,
    calls: AtomicU64,
    by_method: Mutex<BTreeMap<String, u64>>,
}

impl SimChain {
    /// A node over `world`, seen at `clock`'s time.
    pub fn new(world: Arc<SimWorld>, clock: Arc<dyn Clock>, params: ChainParams) -> SimChain {
        let genesis = world.params().history_start();
        SimChain { world, clock, params: Mutex::new(params), genesis, calls: AtomicU64::new(0), by_method: Mutex::new(BTreeMap::new()) }
    }

    fn params(&self) -> ChainParams {
        self.params.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// Changes how the node behaves from now on (e.g. a test starting a stall).
    pub fn set_params(&self, params: ChainParams) {
        if let Ok(mut p) = self.params.lock() {
            *p = params;
        }
    }

    /// Calls answered so far, by method (failed ones included).
    pub fn calls_by_method(&self) -> BTreeMap<String, u64> {
        self.by_method.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// Calls answered so far.
    pub fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// When block `n` was made.
    pub fn block_time(&self, n: u64) -> Timestamp {
        let k = n.saturating_sub(FIRST_BLOCK) as i64;
        from_millis(self.genesis.timestamp_millis() + k * self.params().block_interval_ms as i64)
    }

    /// The newest block at `now` (frozen during a stall).
    pub fn head_at(&self, now: Timestamp) -> u64 {
        let p = self.params();
        let mut at = now;
        if let Some(s) = p.stall_at
            && now >= s
            && now < s + chrono::Duration::seconds(p.stall_secs)
        {
            at = s;
        }
        let k = (at.timestamp_millis() - self.genesis.timestamp_millis()).max(0) as u64 / p.block_interval_ms.max(1);
        FIRST_BLOCK + k
    }

    /// Whether the fill with transaction `tx` is hidden from the logs.
    pub fn is_hidden(&self, trade: &Trade) -> bool {
        let rate = self.params().hidden_rate;
        rate > 0.0 && unit(hash3(self.world.params().seed, 0x6869_6465, text_seed(&trade.transaction_hash))) < rate
    }

    /// Block `n`'s hash as the node shows it at `head`: blocks inside a pending reorg have
    /// their first (orphaned) hash until the reorg happens.
    fn hash(&self, n: u64, head: u64) -> String {
        let p = self.params();
        let mut version = 0u64;
        if p.reorg_every > 0 && p.reorg_depth > 0 {
            // The reorg at block r (a multiple of reorg_every) replaces blocks r-depth+1..=r
            // when block r+1 arrives; before that, those blocks carry their orphan hashes.
            let r = n.div_ceil(p.reorg_every) * p.reorg_every;
            if n + p.reorg_depth > r && head <= r {
                version = 1;
            }
        }
        format!("0x{:048x}{:016x}", hash3(self.world.params().seed, n, version) as u128, n ^ (version << 63))
    }

    fn header(&self, n: u64, head: u64) -> Value {
        if n > head {
            return Value::Null;
        }
        let parent = if n == 0 { format!("0x{}", "0".repeat(64)) } else { self.hash(n - 1, head) };
        json!({
            "number": quantity::encode(n),
            "hash": self.hash(n, head),
            "parentHash": parent,
            "timestamp": quantity::encode(self.block_time(n).timestamp().max(0) as u64),
        })
    }

    /// The logs of blocks `from..=to` (up to `head`) naming one of `wallets` as `party`.
    fn logs(&self, from: u64, to: u64, wallets: &[Wallet], party: Party, head: u64) -> Vec<Value> {
        let to = to.min(head);
        if from > to {
            return vec![];
        }
        let interval = self.params().block_interval_ms as i64;
        let start = self.block_time(from).timestamp_millis() - interval + 1;
        let end = self.block_time(to).timestamp_millis() + 1;
        let mut found: Vec<(u64, String, OrderFilled)> = Vec::new();
        for w in wallets {
            for t in self.world.leader_trades_between(w, from_millis(start), from_millis(end)) {
                if self.is_hidden(&t) {
                    continue;
                }
                let Some(log) = self.log_of(&t, party, head) else { continue };
                found.push((log.block_number, t.transaction_hash.clone(), log));
            }
        }
        found.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        found.iter().map(|(_, _, l)| logs::encode_log(l)).collect()
    }

    /// The block a fill at `ts` lands in: the first whose time is at or after it.
    fn block_of(&self, ts: Timestamp) -> u64 {
        let interval = self.params().block_interval_ms as i64;
        let k = (ts.timestamp_millis() - self.genesis.timestamp_millis()).max(0);
        FIRST_BLOCK + ((k + interval - 1) / interval) as u64
    }

    /// A fill as the log that names the wallet as `party`, or None when it names it the other way.
    fn log_of(&self, t: &Trade, party: Party, head: u64) -> Option<OrderFilled> {
        let seed = text_seed(&t.transaction_hash);
        let own_order = seed.is_multiple_of(2);
        if own_order != (party == Party::Maker) {
            return None;
        }
        let shares = to_micro(t.size.0)?;
        let usdc = to_micro(t.size.0 * t.price.0)?;
        let counterparty = Wallet::parse(&format!("0x{:040x}", u128::from(hash3(seed, 0x6370, 0)) << 32 | 0xc0c0)).ok()?;
        let (maker, taker, side) =
            if own_order { (t.wallet.clone(), counterparty, t.side) } else { (counterparty, t.wallet.clone(), opposite(t.side)) };
        let (maker_amount, taker_amount) = match side {
            Side::Buy => (usdc, shares),
            Side::Sell => (shares, usdc),
        };
        let block = self.block_of(t.timestamp);
        let neg_risk = text_seed(&t.condition_id).is_multiple_of(4);
        Some(OrderFilled {
            exchange: if neg_risk { logs::NEG_RISK_EXCHANGE_V2 } else { logs::EXCHANGE_V2 }.into(),
            maker,
            taker,
            side,
            token_id: t.asset.clone(),
            maker_amount,
            taker_amount,
            fee: 0,
            block_number: block,
            block_hash: self.hash(block, head),
            transaction_hash: t.transaction_hash.clone(),
            // Distinct per fill within the block: the levels of one walk differ in price.
            log_index: (seed ^ t.price.0.mantissa() as u64 ^ (t.size.0.mantissa() as u64).rotate_left(17)) & 0xffff_ffff,
            removed: false,
        })
    }

    fn trouble(&self, method: &str) -> Result<(), ChainError> {
        let p = self.params();
        let n = self.calls.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut m) = self.by_method.lock() {
            *m.entry(method.to_string()).or_insert(0) += 1;
        }
        let draw = unit(hash3(self.world.params().seed, 0x7472_6f75, n));
        if draw < p.rate_limited_rate {
            return Err(ChainError::RateLimited { method: method.into(), retry_after_ms: None });
        }
        if draw < p.rate_limited_rate + p.timeout_rate {
            return Err(ChainError::Unavailable { method: method.into(), reason: "simulated timeout".into() });
        }
        Ok(())
    }

    /// Answers one JSON-RPC call (the `result`, or the error a node would give).
    pub fn answer(&self, method: &str, params: &Value) -> Result<Value, ChainError> {
        self.trouble(method)?;
        let head = self.head_at(self.clock.now());
        let bad = |reason: &str| ChainError::Rpc { method: method.into(), code: -32602, message: format!("invalid params: {reason}") };
        match method {
            "eth_chainId" => Ok(json!(quantity::encode(self.params().chain_id))),
            "eth_blockNumber" => Ok(json!(quantity::encode(head))),
            "eth_getBlockByNumber" => {
                let n = match params.get(0).and_then(Value::as_str) {
                    Some("latest") => head,
                    Some(_) => quantity::decode(&params[0]).map_err(|e| bad(&e))?,
                    None => return Err(bad("block number")),
                };
                Ok(self.header(n, head))
            }
            "eth_getLogs" => {
                let f = params.get(0).ok_or_else(|| bad("filter"))?;
                let from = quantity::decode(f.get("fromBlock").unwrap_or(&Value::Null)).map_err(|e| bad(&e))?;
                let to = quantity::decode(f.get("toBlock").unwrap_or(&Value::Null)).map_err(|e| bad(&e))?;
                if to < from {
                    return Err(bad("toBlock before fromBlock"));
                }
                if to - from + 1 > self.params().max_logs_range {
                    return Err(ChainError::Rpc {
                        method: method.into(),
                        code: -32005,
                        message: format!("block range too large: at most {} blocks", self.params().max_logs_range),
                    });
                }
                let topics = f.get("topics").and_then(Value::as_array).ok_or_else(|| bad("topics"))?;
                if topics.first().and_then(Value::as_str) != Some(logs::ORDER_FILLED_TOPIC) {
                    return Ok(json!([]));
                }
                let (party, list) = match (topics.get(1), topics.get(2)) {
                    (Some(Value::Array(l)), _) => (Party::Maker, l),
                    (_, Some(Value::Array(l))) => (Party::Taker, l),
                    _ => return Err(bad("the simulator needs a maker or taker topic list")),
                };
                let wallets: Vec<Wallet> = list
                    .iter()
                    .filter_map(Value::as_str)
                    .filter_map(|t| t.get(26..).and_then(|a| Wallet::parse(&format!("0x{a}")).ok()))
                    .collect();
                Ok(Value::Array(self.logs(from, to, &wallets, party, head)))
            }
            _ => Err(ChainError::Rpc { method: method.into(), code: -32601, message: format!("the method {method} does not exist") }),
        }
    }
}

#[async_trait]
impl ChainRpc for SimChain {
    async fn call(&self, method: &str, params: Value) -> Result<Value, ChainError> {
        self.answer(method, &params)
    }
}

fn opposite(s: Side) -> Side {
    match s {
        Side::Buy => Side::Sell,
        Side::Sell => Side::Buy,
    }
}

fn to_micro(d: Decimal) -> Option<u64> {
    (d * Decimal::from(1_000_000)).trunc().to_u64()
}

fn text_seed(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}
