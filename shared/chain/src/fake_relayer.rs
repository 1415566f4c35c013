//! A stand-in for Polymarket's relayer, for tests: it speaks the relayer's HTTP API for deposit
//! wallets (`GET /nonce`, `POST /submit` of a `WALLET` batch, `GET /transactions`,
//! `GET /transaction`) and checks what it is sent the way the relayer and the wallet would: the
//! Relayer API key headers, the request's shape, the factory, that the sender owns the deposit
//! wallet, that the batch's EIP-712 signature recovers to that owner (the wallet's EIP-1271
//! check), then — when it executes — the wallet's nonce, the deadline, and that the one call is
//! a `redeemPositions` on a collateral adapter. An executed batch becomes a transaction on the
//! [`FakeNode`], whose receipt the redeemer reads; a batch at a spent nonce or past its
//! deadline is mined as reverted (`STATE_FAILED`), as the wallet would revert it.

use crate::fake_node::{FakeNode, Request, Served, check_redeem_call, serve_http};
use crate::redeem::DEPOSIT_WALLET_FACTORY;
use crate::relayer::{Batch, batch_signer, read_submission};
use crate::tx::Address;
use copycat_core::time::Clock;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// How the relayer behaves; change it with [`FakeRelayer::set`].
#[derive(Clone, Debug, Default)]
pub struct Behaviour {
    /// Submissions are taken (`STATE_NEW`) but not executed until [`FakeRelayer::release`].
    pub hold: bool,
    /// `POST /submit` answers 503 and takes nothing.
    pub refuse_submits: bool,
}

/// One relayer transaction.
#[derive(Clone, Debug)]
pub struct RelayerTx {
    /// `transactionID`.
    pub id: String,
    /// The on-chain hash once sent (empty before).
    pub hash: String,
    /// The owner that submitted it.
    pub from: Address,
    /// The batch nonce.
    pub nonce: u64,
    /// `STATE_NEW`, `STATE_MINED` or `STATE_FAILED`.
    pub state: String,
    /// When it was submitted (RFC 3339).
    pub created_at: String,
    /// Why it failed.
    pub reason: Option<String>,
    batch: Batch,
}

struct State {
    nonce: u64,
    txs: Vec<RelayerTx>,
    submits: usize,
    behaviour: Behaviour,
}

/// The stand-in relayer for one deposit wallet.
pub struct FakeRelayer {
    node: Arc<FakeNode>,
    api_key: String,
    api_address: String,
    owner: Address,
    wallet: Address,
    chain_id: u64,
    clock: Arc<dyn Clock>,
    state: Mutex<State>,
}

impl FakeRelayer {
    /// A relayer that accepts the Relayer API key (`api_key`, `api_address`) and executes batches
    /// of `wallet`, owned by `owner`, on `node`; `clock` is its time (deadlines, `createdAt`).
    pub fn new(
        node: Arc<FakeNode>,
        api_key: &str,
        api_address: &str,
        owner: Address,
        wallet: Address,
        clock: Arc<dyn Clock>,
    ) -> Arc<FakeRelayer> {
        Arc::new(FakeRelayer {
            node,
            api_key: api_key.to_owned(),
            api_address: api_address.to_owned(),
            owner,
            wallet,
            chain_id: 137,
            clock,
            state: Mutex::new(State { nonce: 0, txs: Vec::new(), submits: 0, behaviour: Behaviour::default() }),
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes how it behaves.
    pub fn set(&self, f: impl FnOnce(&mut Behaviour)) {
        f(&mut self.state().behaviour);
    }

    /// `POST /submit` requests accepted (each one a relayer transaction).
    pub fn submissions(&self) -> usize {
        self.state().submits
    }

    /// Its transactions, in order.
    pub fn transactions(&self) -> Vec<RelayerTx> {
        self.state().txs.clone()
    }

    /// Another batch of the wallet executes (as one made in the web app would): the nonce moves.
    pub fn spend_nonce(&self) {
        self.state().nonce += 1;
    }

    /// Executes every held submission, in order.
    pub fn release(&self) {
        let mut s = self.state();
        s.behaviour.hold = false;
        for i in 0..s.txs.len() {
            if s.txs[i].state == "STATE_NEW" {
                self.execute(&mut s, i);
            }
        }
    }

    /// Runs transaction `i` as the wallet would.
    fn execute(&self, s: &mut State, i: usize) {
        let now = self.clock.now().timestamp();
        let batch = &s.txs[i].batch;
        let checked = (|| {
            if batch.nonce != s.nonce {
                return Err(format!("invalid nonce: the wallet is at {}, the batch at {}", s.nonce, batch.nonce));
            }
            if i64::try_from(batch.deadline).unwrap_or(i64::MAX) < now {
                return Err("batch expired (deadline passed)".into());
            }
            let [call] = batch.calls.as_slice() else { return Err(format!("expected one call, got {}", batch.calls.len())) };
            if call.value != 0 {
                return Err("a redemption sends no value".into());
            }
            check_redeem_call(call.target, &call.data)
        })();
        let (condition, rejected) = match checked {
            Ok(c) => {
                s.nonce += 1;
                (Some(c), None)
            }
            Err(reason) => (None, Some(reason)),
        };
        let hash = self.node.mine_relayed(self.wallet, condition, rejected.clone());
        let ok = self.node.mined().iter().any(|m| m.hash == hash && m.success);
        let tx = &mut s.txs[i];
        tx.hash = hash;
        tx.state = if ok { "STATE_MINED" } else { "STATE_FAILED" }.into();
        tx.reason = rejected;
    }

    fn tx_json(t: &RelayerTx) -> Value {
        json!({
            "transactionID": t.id,
            "transactionHash": t.hash,
            "from": t.from.checksummed(),
            "to": DEPOSIT_WALLET_FACTORY.checksummed(),
            "proxyAddress": "",
            "nonce": t.nonce.to_string(),
            "value": "0",
            "state": t.state,
            "type": "WALLET",
            "createdAt": t.created_at,
        })
    }

    /// Answers one request: (HTTP status, body).
    pub fn answer(&self, method: &str, target: &str, headers: &[(String, String)], body: &[u8]) -> (u16, String) {
        let header = |name: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
        let authed = header("RELAYER_API_KEY") == Some(self.api_key.as_str())
            && header("RELAYER_API_KEY_ADDRESS").is_some_and(|a| a.eq_ignore_ascii_case(&self.api_address));
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let param = |k: &str| query.split('&').find_map(|kv| kv.strip_prefix(k).and_then(|v| v.strip_prefix('=')));
        let err = |status: u16, m: &str| (status, json!({"error": m}).to_string());
        match (method, path) {
            ("GET", "/nonce") => {
                if param("type") != Some("WALLET") {
                    return err(400, "type must be WALLET for a deposit wallet");
                }
                match param("address").map(Address::parse) {
                    Some(Ok(a)) if a == self.owner => (200, json!({"nonce": self.state().nonce.to_string()}).to_string()),
                    Some(Ok(_)) => (200, json!({"nonce": "0"}).to_string()),
                    _ => err(400, "invalid address"),
                }
            }
            ("GET", "/transactions") if authed => {
                let list: Vec<Value> = self.state().txs.iter().map(Self::tx_json).collect();
                (200, Value::Array(list).to_string())
            }
            ("GET", "/transaction") => {
                let id = param("id").unwrap_or_default();
                let list: Vec<Value> = self.state().txs.iter().filter(|t| t.id == id).map(Self::tx_json).collect();
                (200, Value::Array(list).to_string())
            }
            ("POST", "/submit") if authed => self.submit(body),
            ("GET", "/transactions") | ("POST", "/submit") => err(401, "invalid relayer api key"),
            _ => err(404, &format!("{method} {path} is not served by the fake relayer")),
        }
    }

    fn submit(&self, body: &[u8]) -> (u16, String) {
        let err = |m: String| (400, json!({"error": m}).to_string());
        if self.state().behaviour.refuse_submits {
            return (503, "relayer busy".into());
        }
        let Ok(v) = serde_json::from_slice::<Value>(body) else { return err("body is not JSON".into()) };
        let (kind, from, to, batch, signature) = match read_submission(&v) {
            Ok(r) => r,
            Err(e) => return err(e),
        };
        if kind != "WALLET" {
            return err(format!("type {kind:?}: a deposit wallet's batch is WALLET"));
        }
        if to != DEPOSIT_WALLET_FACTORY {
            return err(format!("to {to} is not the deposit wallet factory {DEPOSIT_WALLET_FACTORY}"));
        }
        if batch.wallet != self.wallet || from != self.owner {
            return err(format!("deposit wallet {} is not owned by {from}", batch.wallet));
        }
        if batch_signer(&batch, self.chain_id, &signature) != Some(self.owner) {
            return err("invalid signature: the batch is not signed by the wallet's owner".into());
        }
        let mut s = self.state();
        s.submits += 1;
        let id = format!("0190b317-0000-7000-8000-{:012x}", s.submits);
        s.txs.push(RelayerTx {
            id: id.clone(),
            hash: String::new(),
            from,
            nonce: batch.nonce,
            state: "STATE_NEW".into(),
            created_at: self.clock.now().to_rfc3339(),
            reason: None,
            batch,
        });
        if !s.behaviour.hold {
            let i = s.txs.len() - 1;
            self.execute(&mut s, i);
        }
        (200, json!({"transactionID": id, "state": "STATE_NEW"}).to_string())
    }

    /// Serves the relayer on 127.0.0.1 (a fresh port) until the returned handle is dropped.
    pub async fn serve(self: &Arc<Self>) -> std::io::Result<Served> {
        let relayer = self.clone();
        serve_http(Arc::new(move |(method, target, headers, body): &Request| relayer.answer(method, target, headers, body))).await
    }
}
