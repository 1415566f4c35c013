//! [`ChainRedeemer`]: the `Redeemer` port on a Polygon node. It signs EIP-1559 transactions with
//! the trading key at the sender's pending nonce, priced within `[redemption]`'s caps and checked
//! with `eth_estimateGas` first (a call that would revert is never sent), broadcasts recorded
//! bytes, and follows receipts for a bounded time.

use crate::quantity;
use crate::redeem::{Holder, parse_condition_id};
use crate::tx::{Address, Eip1559, Key};
use async_trait::async_trait;
use copycat_core::config::RedemptionConfig;
use copycat_core::ports::{ChainError, ChainRpc, RedeemError, Redeemer, RedemptionTarget, SignedRedemption, TxReceipt};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

const GWEI: u128 = 1_000_000_000;

/// The `Redeemer` on a JSON-RPC node.
pub struct ChainRedeemer {
    rpc: Arc<dyn ChainRpc>,
    key: Key,
    holder: Holder,
    chain_id: u64,
    cfg: RedemptionConfig,
}

impl std::fmt::Debug for ChainRedeemer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainRedeemer").field("key", &self.key).field("holder", &self.holder).field("chain_id", &self.chain_id).finish()
    }
}

impl ChainRedeemer {
    /// A redeemer sending from `key` (64 hex digits; wrong length refused) for `holder`'s wallet,
    /// signing for `chain_id`. The holder's owner must be the key's address.
    pub fn new(rpc: Arc<dyn ChainRpc>, key_hex: &str, holder: Holder, chain_id: u64, cfg: RedemptionConfig) -> Result<Self, RedeemError> {
        let key = Key::from_hex(key_hex).map_err(|e| RedeemError::Refused { reason: format!("the trading key {e}") })?;
        if key.address() != holder.owner {
            return Err(RedeemError::Refused {
                reason: format!("the trading key's address {} is not the holder's owner {}", key.address(), holder.owner),
            });
        }
        Ok(ChainRedeemer { rpc, key, holder, chain_id, cfg })
    }

    /// The sender (the key's address).
    pub fn sender(&self) -> Address {
        self.key.address()
    }

    async fn quantity(&self, method: &str, params: Value) -> Result<u64, RedeemError> {
        let v = self.rpc.call(method, params).await?;
        quantity::decode(&v).map_err(|reason| RedeemError::Chain(ChainError::BadResponse { method: method.into(), reason }))
    }

    async fn tx_count(&self, from: &str, tag: &str) -> Result<u64, RedeemError> {
        self.quantity("eth_getTransactionCount", json!([from, tag])).await
    }
}

/// One look at a transaction's receipt: `None` while it is not mined.
pub(crate) async fn receipt_once(rpc: &dyn ChainRpc, hash: &str) -> Result<Option<TxReceipt>, RedeemError> {
    const METHOD: &str = "eth_getTransactionReceipt";
    let v = rpc.call(METHOD, json!([hash])).await?;
    if v.is_null() {
        return Ok(None);
    }
    let bad = |reason: String| RedeemError::Chain(ChainError::BadResponse { method: METHOD.into(), reason });
    let block = v.get("blockNumber").ok_or_else(|| bad("receipt without `blockNumber`".into()))?;
    if block.is_null() {
        return Ok(None); // some nodes answer a pending receipt
    }
    let block = quantity::decode(block).map_err(|e| bad(format!("`blockNumber`: {e}")))?;
    let status = quantity::decode(v.get("status").unwrap_or(&Value::Null)).map_err(|e| bad(format!("`status`: {e}")))?;
    let got = v.get("transactionHash").and_then(Value::as_str).unwrap_or(hash);
    if !got.eq_ignore_ascii_case(hash) {
        return Err(bad(format!("receipt is for {got}, asked for {hash}")));
    }
    Ok(Some(TxReceipt { hash: hash.to_owned(), block, success: status == 1 }))
}

/// The receipt of `hash` once it has `cfg.confirmations` blocks on top; `None` while it has not
/// (not mined, or not deep enough yet). One look, no waiting.
pub(crate) async fn confirmed_receipt(rpc: &dyn ChainRpc, hash: &str, cfg: &RedemptionConfig) -> Result<Option<TxReceipt>, RedeemError> {
    let Some(r) = receipt_once(rpc, hash).await? else { return Ok(None) };
    if cfg.confirmations == 0 {
        return Ok(Some(r));
    }
    const METHOD: &str = "eth_blockNumber";
    let head = rpc.call(METHOD, json!([])).await?;
    let head = quantity::decode(&head).map_err(|reason| RedeemError::Chain(ChainError::BadResponse { method: METHOD.into(), reason }))?;
    Ok((head.saturating_sub(r.block) >= cfg.confirmations).then_some(r))
}

/// Whether a JSON-RPC error says the call reverts (geth/bor: code 3 or "execution reverted").
fn is_revert(e: &ChainError) -> Option<String> {
    match e {
        ChainError::Rpc { code, message, .. } if *code == 3 || message.to_ascii_lowercase().contains("revert") => Some(message.clone()),
        _ => None,
    }
}

/// Whether `eth_sendRawTransaction`'s error means the node already has this transaction (or
/// its nonce is spent, which the receipt and the mined nonce then explain). Geth and bor say
/// "already known" / "nonce too low"; ganache says "the tx doesn't have the correct nonce"
/// (seen re-broadcasting a mined transaction in `tests/real_evm.rs`).
fn already_sent(e: &ChainError) -> bool {
    match e {
        ChainError::Rpc { message, .. } => {
            let m = message.to_ascii_lowercase();
            ["already known", "known transaction", "already imported", "nonce too low", "doesn't have the correct nonce"]
                .iter()
                .any(|s| m.contains(s))
        }
        _ => false,
    }
}

#[async_trait]
impl Redeemer for ChainRedeemer {
    async fn sign(&self, target: &RedemptionTarget) -> Result<SignedRedemption, RedeemError> {
        let condition = parse_condition_id(&target.condition_id).map_err(|reason| RedeemError::Refused { reason })?;
        let (to, data) = self.holder.route(&condition, target.neg_risk)?;
        let from = self.sender().lower();
        let call = json!({"from": from, "to": to.lower(), "data": format!("0x{}", hex::encode(&data)), "value": "0x0"});
        let estimate = match self.quantity("eth_estimateGas", json!([call])).await {
            Err(RedeemError::Chain(e)) => match is_revert(&e) {
                Some(reason) => return Err(RedeemError::WouldRevert { reason }),
                None => return Err(RedeemError::Chain(e)),
            },
            other => other?,
        };
        let gas_limit = estimate.saturating_mul(100 + self.cfg.gas_headroom_percent) / 100;
        if gas_limit > self.cfg.gas_limit_cap {
            return Err(RedeemError::OverCap {
                reason: format!(
                    "needs {gas_limit} gas (estimate {estimate} + headroom), above redemption.gas_limit_cap {}",
                    self.cfg.gas_limit_cap
                ),
            });
        }
        let price = u128::from(self.quantity("eth_gasPrice", json!([])).await?);
        let cap = u128::from(self.cfg.max_fee_per_gas_gwei) * GWEI;
        if price > cap {
            return Err(RedeemError::OverCap {
                reason: format!(
                    "gas price {} gwei is above redemption.max_fee_per_gas_gwei {}",
                    price / GWEI,
                    self.cfg.max_fee_per_gas_gwei
                ),
            });
        }
        let tip = (u128::from(self.cfg.priority_fee_gwei) * GWEI).min(cap);
        // Room for the base fee to double before the transaction is priced out, within the cap.
        let max_fee = price.saturating_mul(2).max(tip).min(cap);
        let nonce = self.tx_count(&from, "pending").await?;
        let tx = Eip1559 {
            chain_id: self.chain_id,
            nonce,
            max_priority_fee_per_gas: tip.min(max_fee),
            max_fee_per_gas: max_fee,
            gas_limit,
            to,
            value: 0,
            data,
        };
        let signed = tx.sign(&self.key).map_err(|reason| RedeemError::Refused { reason })?;
        Ok(SignedRedemption { hash: signed.hash_hex(), raw: signed.raw_hex(), nonce, from, to: to.lower() })
    }

    async fn broadcast(&self, tx: &SignedRedemption) -> Result<(), RedeemError> {
        match self.rpc.call("eth_sendRawTransaction", json!([tx.raw])).await {
            Ok(v) => match v.as_str() {
                Some(h) if h.eq_ignore_ascii_case(&tx.hash) => Ok(()),
                other => Err(RedeemError::Chain(ChainError::BadResponse {
                    method: "eth_sendRawTransaction".into(),
                    reason: format!("answered hash {other:?}, the signed transaction's is {}", tx.hash),
                })),
            },
            Err(e) if already_sent(&e) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    async fn await_receipt(&self, tx: &SignedRedemption) -> Result<Option<TxReceipt>, RedeemError> {
        let deadline = Instant::now() + Duration::from_millis(self.cfg.receipt_wait_ms);
        loop {
            if let Some(r) = confirmed_receipt(self.rpc.as_ref(), &tx.hash, &self.cfg).await? {
                return Ok(Some(r));
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            tokio::time::sleep(Duration::from_millis(self.cfg.receipt_poll_ms).min(deadline.saturating_duration_since(Instant::now())))
                .await;
        }
    }

    async fn mined_nonce(&self, from: &str) -> Result<u64, RedeemError> {
        self.tx_count(from, "latest").await
    }
}
