//! A JSON-RPC stand-in for a Polygon node, for tests: it answers what a redemption asks
//! (`eth_chainId`, `eth_blockNumber`, `eth_getTransactionCount`, `eth_gasPrice`,
//! `eth_estimateGas`, `eth_sendRawTransaction`, `eth_getTransactionReceipt`) and checks every raw
//! transaction it is sent: RLP, the chain id, the signature recovering to the expected key, the
//! nonce, and the call — the right contract for the account type and a `redeemPositions` of pUSD
//! with a zero parent collection and index sets `[1, 2]`. A transaction that fails a check is
//! mined as reverted and the reason kept. It can also answer another chain id, revert, hold
//! receipts back for some polls, never give one, or keep transactions in its pool unmined.
//!
//! Served on 127.0.0.1 by [`FakeNode::serve`]; the server stops when its handle is dropped.

use crate::redeem::{self, COLLATERAL_ADAPTER, NEG_RISK_COLLATERAL_ADAPTER, PROXY_FACTORY, PUSD};
use crate::tx::{Address, decode_raw};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// How the node behaves; change it between calls with [`FakeNode::set`].
#[derive(Clone, Debug)]
pub struct Behaviour {
    /// What `eth_chainId` answers.
    pub chain_id: u64,
    /// `eth_gasPrice`, wei.
    pub gas_price: u128,
    /// `eth_estimateGas` answer.
    pub gas_estimate: u64,
    /// `eth_estimateGas` fails with this revert message.
    pub estimate_reverts: Option<String>,
    /// Transactions mine with status 0 (reverted).
    pub revert_on_chain: bool,
    /// A receipt is answered only after this many polls for it (`null` before).
    pub receipt_after_polls: u32,
    /// Receipts never come.
    pub drop_receipts: bool,
    /// `eth_sendRawTransaction` fails as a 5xx would (the transaction is not taken).
    pub refuse_sends: bool,
    /// Transactions are mined; off, they wait in the pool (counted by the "pending" nonce, not
    /// by "latest", no receipt) until it is turned on again.
    pub mine: bool,
}

impl Default for Behaviour {
    fn default() -> Self {
        Behaviour {
            chain_id: 137,
            gas_price: 40_000_000_000,
            gas_estimate: 180_000,
            estimate_reverts: None,
            revert_on_chain: false,
            receipt_after_polls: 0,
            drop_receipts: false,
            refuse_sends: false,
            mine: true,
        }
    }
}

/// Who may send, and through which wallet (the checks on the call).
#[derive(Clone, Debug)]
pub struct Expect {
    /// The key's address: every transaction must recover to it.
    pub sender: Address,
    /// `Some(safe)` for a Safe account: calls must be `execTransaction` on it; proxy accounts
    /// go through the factory; otherwise straight to an adapter.
    pub via: Via,
}

/// The wallet route the node expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The key's own address calls the adapter.
    Eoa,
    /// Through the proxy wallet factory.
    ProxyFactory,
    /// Through this Safe.
    Safe(Address),
}

/// One transaction the node took.
#[derive(Clone, Debug)]
pub struct Mined {
    /// Hash, `0x…`.
    pub hash: String,
    /// Its sender.
    pub from: Address,
    /// Block (0 while in the pool).
    pub block: u64,
    /// Succeeded.
    pub success: bool,
    /// The redeemed condition (when the call read as a redemption).
    pub condition_id: Option<String>,
    /// Why a check failed (then `success` is false).
    pub rejected: Option<String>,
    /// The nonce it used.
    pub nonce: u64,
}

#[derive(Default)]
struct State {
    nonce: BTreeMap<Address, u64>,
    mined: Vec<Mined>,
    raw_seen: Vec<String>,
    polls: BTreeMap<String, u32>,
    block: u64,
    calls: Vec<String>,
}

/// The fake node.
pub struct FakeNode {
    expect: Expect,
    behaviour: Mutex<Behaviour>,
    state: Mutex<State>,
}

/// A running fake node; dropping it stops the server.
pub struct Served {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    pub(crate) task: tokio::task::JoinHandle<()>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeNode {
    /// A node expecting transactions from `expect.sender` along `expect.via`.
    pub fn new(expect: Expect) -> Arc<FakeNode> {
        Arc::new(FakeNode {
            expect,
            behaviour: Mutex::new(Behaviour::default()),
            state: Mutex::new(State { block: 1000, ..State::default() }),
        })
    }

    /// Changes how it behaves.
    pub fn set(&self, f: impl FnOnce(&mut Behaviour)) {
        f(&mut self.behaviour.lock().unwrap_or_else(|p| p.into_inner()));
    }

    /// Transactions taken (in order), with their outcome; those still in the pool included.
    pub fn mined(&self) -> Vec<Mined> {
        self.state().mined.clone()
    }

    fn include_pool(&self) {
        let mut s = self.state();
        let mut block = s.block;
        for m in s.mined.iter_mut().filter(|m| m.block == 0) {
            block += 1;
            m.block = block;
        }
        s.block = block;
    }

    /// Every raw transaction it was handed (re-broadcasts included).
    pub fn raw_seen(&self) -> Vec<String> {
        self.state().raw_seen.clone()
    }

    /// Methods called, in order.
    pub fn calls(&self) -> Vec<String> {
        self.state().calls.clone()
    }

    /// Takes a nonce for another transaction of `from` (a transaction CopyCat did not send).
    pub fn spend_nonce(&self, from: Address) {
        let mut s = self.state();
        *s.nonce.entry(from).or_default() += 1;
        s.block += 1;
    }

    /// Mines a transaction a relayer sent for `from` (a deposit wallet's batch, already checked
    /// by the relayer stand-in): its hash. It reverts when `rejected` says why, or when the node
    /// reverts everything; it waits in the pool while the node does not mine.
    pub fn mine_relayed(&self, from: Address, condition_id: Option<String>, rejected: Option<String>) -> String {
        let b = self.behaviour.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut s = self.state();
        let seq = s.mined.len() as u64;
        let hash = format!("0x{}", hex::encode(crate::tx::keccak256(format!("relayed {from} {seq}").as_bytes())));
        let block = if b.mine {
            s.block += 1;
            s.block
        } else {
            0
        };
        let success = rejected.is_none() && !b.revert_on_chain;
        s.mined.push(Mined { hash: hash.clone(), from, block, success, condition_id, rejected, nonce: seq });
        hash
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Answers one JSON-RPC request body: (HTTP status, response body).
    pub fn answer(&self, body: &[u8]) -> (u16, String) {
        let Ok(req) = serde_json::from_slice::<Value>(body) else { return (400, "not JSON".into()) };
        let id = req.get("id").cloned().unwrap_or(Value::Null);
        let method = req.get("method").and_then(Value::as_str).unwrap_or_default().to_owned();
        let params = req.get("params").cloned().unwrap_or(json!([]));
        let b = self.behaviour.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if b.mine {
            self.include_pool();
        }
        self.state().calls.push(method.clone());
        let ok = |result: Value| (200, json!({"jsonrpc": "2.0", "id": id, "result": result}).to_string());
        let err =
            |code: i64, message: &str| (200, json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string());
        let q = |n: u128| Value::String(format!("{n:#x}"));
        match method.as_str() {
            "eth_chainId" => ok(q(b.chain_id.into())),
            "eth_blockNumber" => ok(q(self.state().block.into())),
            "eth_gasPrice" => ok(q(b.gas_price)),
            "eth_getTransactionCount" => {
                let Some(from) = params.get(0).and_then(Value::as_str).and_then(|a| Address::parse(a).ok()) else {
                    return err(-32602, "invalid address");
                };
                let s = self.state();
                let pending = s.nonce.get(&from).copied().unwrap_or(0);
                let in_pool = s.mined.iter().filter(|m| m.from == from && m.block == 0).count() as u64;
                match params.get(1).and_then(Value::as_str) {
                    Some("pending") => ok(q(pending.into())),
                    _ => ok(q((pending - in_pool).into())),
                }
            }
            "eth_estimateGas" => match &b.estimate_reverts {
                Some(m) => err(3, &format!("execution reverted: {m}")),
                None => ok(q(b.gas_estimate.into())),
            },
            "eth_sendRawTransaction" => {
                if b.refuse_sends {
                    return (503, "busy".into());
                }
                let Some(raw) = params.get(0).and_then(Value::as_str) else { return err(-32602, "missing raw transaction") };
                self.send_raw(raw, &b).map_or_else(|m| err(-32000, &m), |h| ok(Value::String(h)))
            }
            "eth_getTransactionReceipt" => {
                let Some(hash) = params.get(0).and_then(Value::as_str).map(str::to_ascii_lowercase) else {
                    return err(-32602, "missing hash");
                };
                let mut s = self.state();
                let polls = {
                    let p = s.polls.entry(hash.clone()).or_default();
                    *p += 1;
                    *p
                };
                let found = s.mined.iter().find(|m| m.hash == hash).cloned();
                match found {
                    Some(m) if m.block > 0 && !b.drop_receipts && polls > b.receipt_after_polls => ok(json!({
                        "transactionHash": m.hash,
                        "blockNumber": q(m.block.into()),
                        "status": if m.success { "0x1" } else { "0x0" },
                    })),
                    _ => ok(Value::Null),
                }
            }
            other => err(-32601, &format!("method {other} not supported by the fake node")),
        }
    }

    /// Checks and mines one raw transaction; the hash, or a node error message.
    fn send_raw(&self, raw: &str, b: &Behaviour) -> Result<String, String> {
        let bytes = raw.strip_prefix("0x").and_then(|h| hex::decode(h).ok()).ok_or("raw transaction is not 0x-hex")?;
        let tx = decode_raw(&bytes).map_err(|e| format!("rlp: {e}"))?;
        let hash = format!("0x{}", hex::encode(tx.hash));
        let mut s = self.state();
        s.raw_seen.push(raw.to_owned());
        if s.mined.iter().any(|m| m.hash == hash) {
            return Err("already known".into());
        }
        if tx.chain_id != Some(b.chain_id) {
            return Err(format!("invalid chain id {:?} (this node is {})", tx.chain_id, b.chain_id));
        }
        let next = s.nonce.get(&tx.from).copied().unwrap_or(0);
        if tx.nonce < next {
            return Err("nonce too low".into());
        }
        if tx.nonce > next {
            return Err(format!("nonce {} is ahead of the account's {next} (this node keeps no queue)", tx.nonce));
        }
        let (condition_id, rejected) = match self.check(&tx) {
            Ok(c) => (Some(c), None),
            Err(reason) => (None, Some(reason)),
        };
        s.nonce.insert(tx.from, next + 1);
        let block = if b.mine {
            s.block += 1;
            s.block
        } else {
            0
        };
        let success = rejected.is_none() && !b.revert_on_chain;
        s.mined.push(Mined { hash: hash.clone(), from: tx.from, block, success, condition_id, rejected, nonce: tx.nonce });
        Ok(hash)
    }

    /// The checks a real chain would make by running the call; the redeemed condition.
    fn check(&self, tx: &crate::tx::Decoded) -> Result<String, String> {
        if tx.from != self.expect.sender {
            return Err(format!("signed by {}, expected {}", tx.from, self.expect.sender));
        }
        if tx.value != 0 {
            return Err("a redemption sends no value".into());
        }
        let (target, call) = match self.expect.via {
            Via::Eoa => (tx.to, tx.data.clone()),
            Via::ProxyFactory => {
                if tx.to != PROXY_FACTORY {
                    return Err(format!("a proxy account must call the factory {PROXY_FACTORY}, called {}", tx.to));
                }
                let calls = redeem::read_proxy(&tx.data)?;
                let [(code, to, value, data)] = calls.as_slice() else {
                    return Err(format!("expected one proxied call, got {}", calls.len()));
                };
                if *code != 1 || *value != 0 {
                    return Err(format!("proxied call must be a CALL with no value, got type {code} value {value}"));
                }
                (*to, data.clone())
            }
            Via::Safe(safe) => {
                if tx.to != safe {
                    return Err(format!("a Safe account must call its Safe {safe}, called {}", tx.to));
                }
                let exec = redeem::read_safe_exec(&tx.data)?;
                if exec.operation != 0 || exec.value != 0 {
                    return Err("the Safe's call must be a CALL with no value".into());
                }
                if exec.signatures != redeem::prevalidated_signature(tx.from).to_vec() {
                    return Err("the Safe signature is not the sender-owner's pre-validated one".into());
                }
                (exec.to, exec.data)
            }
        };
        check_redeem_call(target, &call)
    }

    /// Serves the node on 127.0.0.1 (a fresh port) until the returned handle is dropped.
    pub async fn serve(self: &Arc<Self>) -> std::io::Result<Served> {
        let node = self.clone();
        serve_http(Arc::new(move |r: &Request| node.answer(&r.3))).await
    }
}

/// Checks a wallet's call is a redemption on a collateral adapter (pUSD, zero parent, index sets
/// `[1, 2]`); the redeemed condition.
pub fn check_redeem_call(target: Address, call: &[u8]) -> Result<String, String> {
    if target != COLLATERAL_ADAPTER && target != NEG_RISK_COLLATERAL_ADAPTER {
        return Err(format!("redemption must go to a collateral adapter, went to {target}"));
    }
    let args = redeem::read_redeem(call)?;
    if args.collateral != PUSD || args.parent_collection != [0; 32] || args.index_sets != [1, 2] {
        return Err(format!("redeemPositions arguments are wrong: {args:?}"));
    }
    Ok(format!("0x{}", hex::encode(args.condition_id)))
}

/// One HTTP request: (method, target, headers, body).
pub(crate) type Request = (String, String, Vec<(String, String)>, Vec<u8>);

/// Answers a request: (HTTP status, JSON body).
pub(crate) type Handler = Arc<dyn Fn(&Request) -> (u16, String) + Send + Sync>;

/// Serves `handler` on 127.0.0.1 (a fresh port), one request per connection, until the returned
/// handle is dropped.
pub(crate) async fn serve_http(handler: Handler) -> std::io::Result<Served> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let task = tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                let Some(request) = read_http(&mut sock).await else { return };
                let (status, text) = handler(&request);
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                    text.len()
                );
                let _ = sock.write_all(reply.as_bytes()).await;
            });
        }
    });
    Ok(Served { url, task })
}

/// Reads one HTTP request (the body by `Content-Length`); `None` when broken or oversized.
async fn read_http(sock: &mut tokio::net::TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() > 1 << 20 {
            return None;
        }
        let Some(split) = buf.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&buf[..split]).into_owned();
        let mut lines = head.lines();
        let mut first = lines.next()?.split_whitespace();
        let (method, target) = (first.next()?.to_owned(), first.next()?.to_owned());
        let headers: Vec<(String, String)> =
            lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())).collect();
        let want = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        if buf.len() >= split + 4 + want {
            return Some((method, target, headers, buf[split + 4..split + 4 + want].to_vec()));
        }
    }
}
