//! Detection from the chain, end to end through the poller and the copier: one identity per fill
//! across the chain and the Data API, the reconciliation finding fills hidden from the chain,
//! reorgs before and after a copy, a node that stops advancing (breaker, fallback, return), and
//! garbage from the node (typed, nothing queued, counted only when it is the node's fault).

use async_trait::async_trait;
use copycat_chain::logs::{self, OrderFilled};
use copycat_chain::quantity;
use copycat_core::breaker::BreakerState;
use copycat_core::config::Config;
use copycat_core::dependency::Dependency;
use copycat_core::money::Shares;
use copycat_core::ports::{ChainError, ChainRpc, Queue};
use copycat_core::records::{ChainCursor, keys};
use copycat_core::time::{Span, Timestamp};
use copycat_core::{Clock, Side, Trade, Wallet};
use copycat_local::local_event;
use copycat_tests::{Harness, LEADER, leader_trade};
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// One block of the scripted chain.
#[derive(Clone)]
struct Block {
    hash: String,
    time: Timestamp,
    logs: Vec<OrderFilled>,
}

/// A node whose blocks the test mines, with switches for its bad days. Block `n` is
/// `blocks[n - 1]`; the head is the newest block unless frozen.
#[derive(Default)]
struct ScriptedNode {
    blocks: Mutex<Vec<Block>>,
    /// Raw logs answered for every `eth_getLogs` besides the real ones (garbage).
    extra_logs: Mutex<Vec<Value>>,
    /// Every call fails with this.
    failing: Mutex<Option<ChainError>>,
}

fn block_hash(n: usize, fork: u8) -> String {
    format!("0x{:062x}{:02x}", n, fork)
}

impl ScriptedNode {
    /// Mines a block at `time` holding `logs` (their block fields are filled in).
    fn mine(&self, time: Timestamp, mut logs: Vec<OrderFilled>) -> u64 {
        let mut b = self.blocks.lock().unwrap();
        let n = b.len() + 1;
        for (i, l) in logs.iter_mut().enumerate() {
            l.block_number = n as u64;
            l.block_hash = block_hash(n, 0);
            l.log_index = i as u64;
        }
        b.push(Block { hash: block_hash(n, 0), time, logs });
        n as u64
    }

    /// Replaces blocks from `from` on with a fork holding no logs (same times).
    fn reorg_from(&self, from: u64) {
        let mut b = self.blocks.lock().unwrap();
        for n in from as usize..=b.len() {
            b[n - 1].hash = block_hash(n, 1);
            b[n - 1].logs.clear();
        }
    }

    fn parent(&self, n: usize) -> String {
        if n <= 1 { format!("0x{}", "0".repeat(64)) } else { self.blocks.lock().unwrap()[n - 2].hash.clone() }
    }
}

#[async_trait]
impl ChainRpc for ScriptedNode {
    async fn call(&self, method: &str, params: Value) -> Result<Value, ChainError> {
        if let Some(e) = self.failing.lock().unwrap().clone() {
            return Err(e);
        }
        let blocks = self.blocks.lock().unwrap().clone();
        match method {
            "eth_blockNumber" => Ok(json!(quantity::encode(blocks.len() as u64))),
            "eth_getBlockByNumber" => {
                let n = quantity::decode(&params[0]).unwrap() as usize;
                Ok(match blocks.get(n.wrapping_sub(1)) {
                    Some(b) => json!({
                        "number": quantity::encode(n as u64),
                        "hash": b.hash,
                        "parentHash": self.parent(n),
                        "timestamp": quantity::encode(b.time.timestamp() as u64),
                    }),
                    None => Value::Null,
                })
            }
            "eth_getLogs" => {
                let f = &params[0];
                let from = quantity::decode(&f["fromBlock"]).unwrap();
                let to = quantity::decode(&f["toBlock"]).unwrap();
                let makers = f["topics"][1].as_array().cloned();
                let takers = f["topics"].get(2).and_then(Value::as_array).cloned();
                let mut out: Vec<Value> = blocks
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (from..=to).contains(&(*i as u64 + 1)))
                    .flat_map(|(_, b)| b.logs.iter().map(logs::encode_log))
                    .filter(|l| {
                        let listed = |list: &Option<Vec<Value>>, i: usize| list.as_ref().is_none_or(|ws| ws.contains(&l["topics"][i]));
                        listed(&makers, 2) && listed(&takers, 3)
                    })
                    .collect();
                if makers.is_some() {
                    out.extend(self.extra_logs.lock().unwrap().iter().cloned());
                }
                Ok(Value::Array(out))
            }
            _ => Err(ChainError::Rpc { method: method.into(), code: -32601, message: "no such method".into() }),
        }
    }
}

fn leader() -> Wallet {
    Wallet::parse(LEADER).unwrap()
}

fn counterparty(n: u8) -> Wallet {
    Wallet::parse(&format!("0x{:040x}", 0xc0_0000 + u32::from(n))).unwrap()
}

/// A leg in which the leader (taker) bought `shares` at `price` from a resting SELL order.
fn taker_leg(n: u8, tx: &str, shares: u64, price_micro: u64) -> OrderFilled {
    OrderFilled {
        exchange: logs::EXCHANGE_V2.into(),
        maker: counterparty(n),
        taker: leader(),
        side: Side::Sell,
        token_id: copycat_tests::TOKEN.into(),
        maker_amount: shares * 1_000_000,
        taker_amount: shares * price_micro,
        fee: 0,
        block_number: 0,
        block_hash: String::new(),
        transaction_hash: tx.into(),
        log_index: 0,
        removed: false,
    }
}

fn tx(n: u64) -> String {
    format!("0x{n:064x}")
}

/// A harness detecting from `node` with `confirmations`.
fn harness(node: &Arc<ScriptedNode>, confirmations: u64) -> Harness {
    let mut config = Config::default();
    config.chain.confirmations = confirmations;
    let mut h = Harness::with_config(config);
    h.deps.poller.chain = Some(node.clone());
    h
}

async fn copy_queued(h: &Harness) {
    let signals = h.queues.signals.clone();
    loop {
        let msgs = signals.receive(10).await.unwrap();
        if msgs.is_empty() {
            return;
        }
        let event = copycat_local::to_sqs_event(&msgs, "arn:aws:sqs:local:0:signals.fifo");
        let resp = signal_copier::handle(local_event(event), &h.deps.copier).await.unwrap();
        copycat_local::settle_batch(signals.as_ref(), &msgs, &resp).await.unwrap();
    }
}

/// Starts the chain cursor at the node's current head (as a first poll would), then mines.
async fn start(h: &Harness, node: &ScriptedNode, poller: &mut signal_poller::Poller) {
    node.mine(h.clock.now() - Span::seconds(4), vec![]);
    node.mine(h.clock.now() - Span::seconds(2), vec![]);
    poller.poll_once(&h.deps.poller).await.unwrap();
}

fn data_api_row(tx: &str, size: rust_decimal::Decimal, price: rust_decimal::Decimal, at: Timestamp) -> Trade {
    leader_trade(Side::Buy, price, size, at, tx)
}

#[tokio::test]
async fn a_fill_seen_on_chain_and_later_in_the_data_api_is_copied_once() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 0);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    // The leader's taker order matched two resting orders: two logs on chain.
    let at = h.clock.now();
    node.mine(at, vec![taker_leg(1, &tx(1), 4, 500_000), taker_leg(2, &tx(1), 6, 510_000)]);
    h.clock.advance(Span::seconds(1));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.wallets_polled), (1, 0), "one trade, no per-leader Data API read: {r:?}");
    let msg = h.queues.signals.receive(1).await.unwrap();
    let signal: copycat_core::signal::Signal = serde_json::from_str(&msg[0].body).unwrap();
    assert_eq!(signal.trade.size, Shares(dec!(10)), "the legs' sizes summed");
    assert_eq!(signal.trade.price.0, dec!(0.506));
    assert_eq!(signal.trade.timestamp, at, "the block's time");
    h.queues.signals.set_visibility(&msg[0].receipt, Span::zero()).await.unwrap();
    copy_queued(&h).await;

    // The Data API shows the same fill (rounded, as one row per price level) before the
    // reconciliation's grace: the reconciliation checks it later and finds its claim.
    h.venue.add_trades(&leader(), vec![data_api_row(&tx(1), dec!(4), dec!(0.5), at), data_api_row(&tx(1), dec!(6), dec!(0.51), at)]);
    h.clock.advance(Span::minutes(16));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.leaders_reconciled, r.missed_found, r.signals_queued), (1, 0, 0), "{r:?}");
    assert_eq!(h.queues.signals.depth().await.unwrap(), 0);
    let ledger = h.ledger().await;
    assert_eq!(ledger.len(), 1, "{ledger:?}");
    assert_eq!(ledger[0].key, signal.key);
}

#[tokio::test]
async fn fills_hidden_from_the_chain_are_found_by_the_reconciliation_once() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 1);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    let at = h.clock.now();
    // Two fills; the node shows only the first (the second is hidden from the fast path).
    node.mine(at, vec![taker_leg(1, &tx(1), 5, 500_000)]);
    node.mine(at + Span::seconds(2), vec![]);
    h.venue.add_trades(&leader(), vec![data_api_row(&tx(1), dec!(5), dec!(0.5), at), data_api_row(&tx(2), dec!(3), dec!(0.52), at)]);
    h.clock.advance(Span::seconds(3));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.signals_queued, 1, "{r:?}");
    copy_queued(&h).await;
    h.clock.advance(Span::minutes(16));
    node.mine(h.clock.now() - Span::seconds(1), vec![]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.missed_found, r.signals_queued), (1, 0), "{r:?}");
    assert_eq!(h.metrics.get("MissedTrade"), 1);
    let missed = h.deps.store.query(keys::MISSED_PK, "").await.unwrap();
    assert_eq!(missed.len(), 1);
    copy_queued(&h).await;
    assert_eq!(h.ledger().await.len(), 2, "the hidden fill still gets an outcome");
    // The next pass finds nothing new.
    h.clock.advance(Span::minutes(16));
    node.mine(h.clock.now() - Span::seconds(1), vec![]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.missed_found, 0);
}

#[tokio::test]
async fn a_reorg_that_drops_a_queued_fill_before_its_copy_means_it_is_never_copied_and_is_reported() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 0);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    let n = node.mine(h.clock.now(), vec![taker_leg(1, &tx(7), 5, 500_000)]);
    h.clock.advance(Span::seconds(1));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.signals_queued, 1);
    // The block is replaced before the copier runs; a new block arrives on the fork.
    node.reorg_from(n);
    node.mine(h.clock.now() + Span::seconds(1), vec![]);
    h.clock.advance(Span::seconds(2));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.reorged, 1, "{r:?}");
    assert_eq!(h.metrics.get("FillReorged"), 1);
    copy_queued(&h).await;
    assert!(h.ledger().await.is_empty(), "the dropped fill is never copied");
    let notes = h.queues.notifications.receive(10).await.unwrap();
    assert!(notes.iter().any(|m| m.body.contains("fill_reorged") || m.body.contains("FillReorged")), "reported");
    let cursor: ChainCursor = copycat_state::load(h.deps.store.as_ref(), &keys::chain_cursor()).await.unwrap().unwrap().value;
    assert!(cursor.queued.is_empty());
}

#[tokio::test]
async fn a_reorg_that_drops_a_fill_after_its_copy_is_reported_as_copied() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 0);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    let n = node.mine(h.clock.now(), vec![taker_leg(1, &tx(8), 5, 500_000)]);
    h.clock.advance(Span::seconds(1));
    poller.poll_once(&h.deps.poller).await.unwrap();
    copy_queued(&h).await;
    assert_eq!(h.ledger().await.len(), 1);
    node.reorg_from(n);
    node.mine(h.clock.now() + Span::seconds(1), vec![]);
    h.clock.advance(Span::seconds(2));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!(r.reorged, 1);
    let notes = h.queues.notifications.receive(10).await.unwrap();
    let reorged: Vec<_> = notes.iter().filter(|m| m.body.contains("fill_reorged") || m.body.contains("FillReorged")).collect();
    assert_eq!(reorged.len(), 1);
    assert!(reorged[0].body.contains("\"copied\":true"), "{}", reorged[0].body);
}

#[tokio::test]
async fn a_node_that_stops_advancing_trips_the_breaker_and_detection_falls_back_to_the_data_api_then_returns() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 1);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    // The node keeps answering, but no block comes while the clock moves on.
    let stall_after = h.deps.config.chain.stall_after_secs as i64;
    h.clock.advance(Span::seconds(stall_after + 1));
    let threshold = h.deps.config.breaker.failure_threshold;
    for _ in 0..threshold {
        let r = poller.poll_once(&h.deps.poller).await.unwrap();
        assert_eq!(r.chain_failures, 1, "stalled: {r:?}");
        h.clock.advance(Span::seconds(2));
    }
    let breaker: BreakerState = copycat_state::load(h.deps.store.as_ref(), &keys::breaker(Dependency::Chain)).await.unwrap().unwrap().value;
    assert_eq!(breaker.phase, copycat_core::breaker::Phase::Open);
    // Open: the poll reads the Data API per leader, and says so once.
    h.venue.add_trades(&leader(), vec![data_api_row(&tx(3), dec!(5), dec!(0.5), h.clock.now() - Span::seconds(1))]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.fallback_polls, r.signals_queued), (1, 1), "{r:?}");
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.fallback_polls, r.signals_queued), (1, 0));
    assert_eq!(h.metrics.get("DetectionFallback"), 1, "announced once");
    // The node catches up; after the cooldown the probe reads the chain and detection returns.
    h.clock.advance(Span::seconds(h.deps.config.breaker.cooldown_secs as i64 + 1));
    node.mine(h.clock.now() - Span::seconds(3), vec![]);
    node.mine(h.clock.now() - Span::seconds(1), vec![]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.fallback_polls, r.chain_failures), (0, 0), "{r:?}");
    let notes: Vec<String> = h.queues.notifications.receive(10).await.unwrap().into_iter().map(|m| m.body).collect();
    assert_eq!(notes.iter().filter(|b| b.contains("detection_switched") || b.contains("DetectionSwitched")).count(), 2, "{notes:?}");
}

#[tokio::test]
async fn garbage_from_the_node_is_typed_nothing_is_queued_and_only_the_nodes_fault_counts() {
    let node = Arc::new(ScriptedNode::default());
    let h = harness(&node, 0);
    h.follow(LEADER, 0.4).await;
    let mut poller = signal_poller::Poller::new("p");
    start(&h, &node, &mut poller).await;
    let failures = |h: &Harness| {
        let store = h.deps.store.clone();
        async move {
            copycat_state::load::<BreakerState>(store.as_ref(), &keys::breaker(Dependency::Chain))
                .await
                .unwrap()
                .map_or(0, |v| v.value.consecutive_failures)
        }
    };

    // A log from another contract in answer to our filter: the node's fault.
    let mut foreign = taker_leg(1, &tx(1), 5, 500_000);
    let n = node.mine(h.clock.now(), vec![]);
    foreign.block_number = n;
    foreign.block_hash = block_hash(n as usize, 0);
    let mut raw = logs::encode_log(&foreign);
    raw["address"] = json!("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e");
    raw["topics"][2] = json!(logs::wallet_topic(&leader()));
    *node.extra_logs.lock().unwrap() = vec![raw.clone()];
    h.clock.advance(Span::seconds(1));
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures), (0, 1));
    assert_eq!(failures(&h).await, 1);

    // A wrong topic count: the node's fault too.
    let mut three = raw.clone();
    three["address"] = json!(logs::EXCHANGE_V2);
    three["topics"].as_array_mut().unwrap().pop();
    *node.extra_logs.lock().unwrap() = vec![three];
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures), (0, 1));
    assert_eq!(failures(&h).await, 2);

    // An amount that overflows, from the right contract: real data we refuse, not counted; the
    // read succeeds (resetting the count) and queues nothing.
    let mut huge = raw.clone();
    huge["address"] = json!(logs::EXCHANGE_V2);
    let data = huge["data"].as_str().unwrap().to_string();
    let at = 2 + 2 * 64 + 8;
    huge["data"] = json!(format!("{}f{}", &data[..at], &data[at + 1..]));
    *node.extra_logs.lock().unwrap() = vec![huge];
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures, r.blocks_read), (0, 0, 1), "{r:?}");
    assert_eq!(failures(&h).await, 0);
    node.extra_logs.lock().unwrap().clear();

    // A block whose time goes backwards: the node's fault.
    node.mine(h.clock.now() - Span::minutes(10), vec![taker_leg(2, &tx(2), 5, 500_000)]);
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures), (0, 1));
    assert_eq!(failures(&h).await, 1);

    // A node for another chain: refused and counted, nothing read.
    *node.failing.lock().unwrap() = Some(ChainError::WrongChain { expected: 137, got: 1 });
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures), (0, 1));
    assert_eq!(failures(&h).await, 2);
    // An error object (our request's fault) is an answer: the node is not blamed for it.
    *node.failing.lock().unwrap() = Some(ChainError::Rpc { method: "eth_getLogs".into(), code: -32602, message: "invalid params".into() });
    let r = poller.poll_once(&h.deps.poller).await.unwrap();
    assert_eq!((r.signals_queued, r.chain_failures), (0, 1));
    assert_eq!(failures(&h).await, 0, "the node answered");
    assert_eq!(h.queues.signals.depth().await.unwrap(), 0, "nothing queued from garbage");
}
