//! Redemption for a deposit wallet (signature type 3) through Polymarket's relayer.
//!
//! A deposit wallet has no transaction of its own: its owner key signs a `WALLET` batch — the
//! calls, the wallet's batch nonce and a deadline, EIP-712 under the wallet's own domain
//! ("DepositWallet", version "1", the chain, the wallet) — and the relayer executes it through
//! the deposit wallet factory, paying the gas (docs.polymarket.com/trading/deposit-wallets and
//! /api-reference/relayer; the official relayer clients' `WALLET` requests). The wallet runs a
//! batch only at its current nonce and before its deadline, so one signed batch executes at
//! most once, however often it is submitted.
//!
//! [`RelayerRedeemer`] is the `Redeemer` port on that path. The health check records the signed
//! batch before submitting it, as it records a signed transaction; the relayer's transactions
//! are found again by the API key's transaction list (sender, batch nonce, created after the
//! batch was signed), so a check that resumes after a crash follows the submission it made and
//! never submits a batch the relayer already holds. The mined transaction's receipt is read from
//! the node, like any other redemption's.
//!
//! Endpoints (relayer v2): `GET /nonce?address=<owner>&type=WALLET` → `{"nonce": "7"}`;
//! `POST /submit` with the batch → `{"transactionID", "state"}`; `GET /transactions` → the
//! key's transactions `[{"transactionID", "transactionHash", "from", "nonce", "state", "type",
//! "createdAt"}]`. Authentication: a Relayer API key (`RELAYER_API_KEY`,
//! `RELAYER_API_KEY_ADDRESS` headers), made in Polymarket's Settings → API Keys.

use crate::redeem::{DEPOSIT_WALLET_FACTORY, Holder, parse_condition_id, word_addr, word_u};
use crate::redeemer::confirmed_receipt;
use crate::tx::{Address, Key, keccak256};
use async_trait::async_trait;
use copycat_core::config::{RedemptionConfig, SignatureType};
use copycat_core::ports::{ChainError, ChainRpc, RedeemError, Redeemer, RedemptionTarget, SignedRedemption, TxReceipt};
use copycat_core::time::Clock;
use copycat_evm::recover_parts as recover;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use crate::relayer_api::{RELAYER_API_KEY_ADDRESS_ENV, RELAYER_API_KEY_ENV};
use crate::relayer_api::{RelayerClient, cut};

const DOMAIN_TYPE: &str = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
const CALL_TYPE: &str = "Call(address target,uint256 value,bytes data)";
const BATCH_TYPE: &str = "Batch(address wallet,uint256 nonce,uint256 deadline,Call[] calls)Call(address target,uint256 value,bytes data)";
const DOMAIN_NAME: &str = "DepositWallet";
const DOMAIN_VERSION: &str = "1";

/// One call a deposit wallet makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalletCall {
    /// The contract called.
    pub target: Address,
    /// Value sent (wei).
    pub value: u128,
    /// Call data.
    pub data: Vec<u8>,
}

/// A deposit wallet's batch: what its owner signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// The deposit wallet.
    pub wallet: Address,
    /// The wallet's batch nonce it runs at.
    pub nonce: u64,
    /// Unix seconds after which it cannot run.
    pub deadline: u64,
    /// The calls, in order.
    pub calls: Vec<WalletCall>,
}

impl Batch {
    /// The EIP-712 digest the owner signs, on chain `chain_id`.
    pub fn digest(&self, chain_id: u64) -> [u8; 32] {
        let mut domain = keccak256(DOMAIN_TYPE.as_bytes()).to_vec();
        domain.extend(keccak256(DOMAIN_NAME.as_bytes()));
        domain.extend(keccak256(DOMAIN_VERSION.as_bytes()));
        domain.extend(word_u(chain_id.into()));
        domain.extend(word_addr(self.wallet));
        let mut calls = Vec::with_capacity(32 * self.calls.len());
        for c in &self.calls {
            let mut enc = keccak256(CALL_TYPE.as_bytes()).to_vec();
            enc.extend(word_addr(c.target));
            enc.extend(word_u(c.value));
            enc.extend(keccak256(&c.data));
            calls.extend(keccak256(&enc));
        }
        let mut batch = keccak256(BATCH_TYPE.as_bytes()).to_vec();
        batch.extend(word_addr(self.wallet));
        batch.extend(word_u(self.nonce.into()));
        batch.extend(word_u(self.deadline.into()));
        batch.extend(keccak256(&calls));
        let mut msg = vec![0x19, 0x01];
        msg.extend(keccak256(&domain));
        msg.extend(keccak256(&batch));
        keccak256(&msg)
    }

    /// The relayer submission of this batch signed by `from` (the owner) with `signature`.
    pub fn submission(&self, from: Address, signature: &[u8; 65]) -> Value {
        json!({
            "type": "WALLET",
            "from": from.checksummed(),
            "to": DEPOSIT_WALLET_FACTORY.checksummed(),
            "nonce": self.nonce.to_string(),
            "signature": format!("0x{}", hex::encode(signature)),
            "depositWalletParams": {
                "depositWallet": self.wallet.checksummed(),
                "deadline": self.deadline.to_string(),
                "calls": self.calls.iter().map(|c| json!({
                    "target": c.target.checksummed(),
                    "value": c.value.to_string(),
                    "data": format!("0x{}", hex::encode(&c.data)),
                })).collect::<Vec<_>>(),
            },
        })
    }
}

fn field<'a>(v: &'a Value, path: &str) -> Result<&'a Value, String> {
    path.split('.').try_fold(v, |v, k| v.get(k).ok_or_else(|| format!("submission has no `{path}`")))
}

fn text<'a>(v: &'a Value, path: &str) -> Result<&'a str, String> {
    field(v, path)?.as_str().ok_or_else(|| format!("`{path}` is not a string"))
}

fn number(v: &Value, path: &str) -> Result<u128, String> {
    let t = text(v, path)?;
    t.parse().map_err(|_| format!("`{path}` is {t:?}, not a decimal integer"))
}

fn hex_bytes(s: &str, what: &str) -> Result<Vec<u8>, String> {
    s.strip_prefix("0x").and_then(|h| hex::decode(h).ok()).ok_or_else(|| format!("`{what}` is not 0x-hex"))
}

/// A submission read back: (type, from, to, the batch, the signature). What the stand-in
/// relayer checks.
pub fn read_submission(v: &Value) -> Result<(String, Address, Address, Batch, [u8; 65]), String> {
    let kind = text(v, "type")?.to_owned();
    let from = Address::parse(text(v, "from")?)?;
    let to = Address::parse(text(v, "to")?)?;
    let signature: [u8; 65] = hex_bytes(text(v, "signature")?, "signature")?
        .try_into()
        .map_err(|b: Vec<u8>| format!("`signature` is {} bytes, an ECDSA signature is 65", b.len()))?;
    let nonce = u64::try_from(number(v, "nonce")?).map_err(|_| "`nonce` is too large".to_owned())?;
    let params = field(v, "depositWalletParams")?;
    let wallet = Address::parse(text(params, "depositWallet")?)?;
    let deadline = u64::try_from(number(params, "deadline")?).map_err(|_| "`deadline` is too large".to_owned())?;
    let calls = field(params, "calls")?
        .as_array()
        .ok_or("`depositWalletParams.calls` is not an array")?
        .iter()
        .map(|c| {
            Ok(WalletCall {
                target: Address::parse(text(c, "target")?)?,
                value: number(c, "value")?,
                data: hex_bytes(text(c, "data")?, "data")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((kind, from, to, Batch { wallet, nonce, deadline, calls }, signature))
}

/// Who signed `batch` with `signature` (`r ‖ s ‖ v`, v 27 or 28) on `chain_id`.
pub fn batch_signer(batch: &Batch, chain_id: u64, signature: &[u8; 65]) -> Option<Address> {
    let rs: [u8; 64] = signature[..64].try_into().ok()?;
    let parity = match signature[64] {
        27 | 0 => 0,
        28 | 1 => 1,
        _ => return None,
    };
    recover(&batch.digest(chain_id), &rs, parity)
}

/// A Relayer API key: the key and the address that owns it.
#[derive(Clone)]
pub struct RelayerKey {
    /// `RELAYER_API_KEY`.
    pub key: String,
    /// `RELAYER_API_KEY_ADDRESS`.
    pub address: String,
}

impl std::fmt::Debug for RelayerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayerKey").field("key", &"<redacted>").field("address", &self.address).finish()
    }
}

/// One of the relayer's transactions, as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Relayed {
    id: String,
    hash: String,
    state: String,
}

impl Relayed {
    fn mined(&self) -> bool {
        matches!(self.state.as_str(), "STATE_MINED" | "STATE_CONFIRMED")
    }

    fn failed(&self) -> bool {
        matches!(self.state.as_str(), "STATE_FAILED" | "STATE_INVALID")
    }
}

/// The `Redeemer` for a deposit wallet: signs batches with the owner key, submits them to the
/// relayer, and reads the receipts from the node.
pub struct RelayerRedeemer {
    api: RelayerClient,
    rpc: Arc<dyn ChainRpc>,
    key: Key,
    holder: Holder,
    chain_id: u64,
    cfg: RedemptionConfig,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for RelayerRedeemer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayerRedeemer").field("api", &self.api).field("key", &self.key).field("holder", &self.holder).finish()
    }
}

impl RelayerRedeemer {
    /// A redeemer for the deposit wallet `holder.funder`, owned by `key_hex` (64 hex digits),
    /// submitting to `cfg.relayer_url` with the Relayer API key `api`.
    pub fn new(
        rpc: Arc<dyn ChainRpc>,
        key_hex: &str,
        holder: Holder,
        api: RelayerKey,
        chain_id: u64,
        cfg: RedemptionConfig,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, RedeemError> {
        let refused = |reason: String| RedeemError::Refused { reason };
        let key = Key::from_hex(key_hex).map_err(|e| refused(format!("the trading key {e}")))?;
        if key.address() != holder.owner {
            return Err(refused(format!("the trading key's address {} is not the holder's owner {}", key.address(), holder.owner)));
        }
        if holder.signature_type != SignatureType::Poly1271 {
            return Err(refused(format!(
                "the relayer redeems for deposit wallets (signature type 3); this account is type {}",
                holder.signature_type.code()
            )));
        }
        if api.key.trim().is_empty() {
            return Err(refused(format!(
                "a deposit wallet redeems through the relayer, which needs a Relayer API key in {RELAYER_API_KEY_ENV}"
            )));
        }
        Address::parse(&api.address).map_err(|e| refused(format!("{RELAYER_API_KEY_ADDRESS_ENV}: {e}")))?;
        let api = RelayerClient::new(&cfg.relayer_url, &api.key, &api.address, Duration::from_secs(10))
            .map_err(|e| refused(format!("cannot build the relayer client: {e}")))?;
        Ok(RelayerRedeemer { api, rpc, key, holder, chain_id, cfg, clock })
    }

    /// One request to the relayer (see [`RelayerClient::request`]).
    async fn request(&self, method: reqwest::Method, path: &str, body: Option<String>) -> Result<Value, RedeemError> {
        Ok(self.api.request(method, path, body).await?)
    }

    /// The wallet's next batch nonce, as the relayer counts it (batches executed).
    async fn wallet_nonce(&self) -> Result<u64, RedeemError> {
        let path = format!("/nonce?address={}&type=WALLET", self.holder.owner.checksummed());
        let v = self.request(reqwest::Method::GET, &path, None).await?;
        let n = v.get("nonce").ok_or_else(|| bad("relayer GET /nonce", "no `nonce`"))?;
        whole_number(n).ok_or_else(|| bad("relayer GET /nonce", &format!("`nonce` is {n}, not a whole number")))
    }

    /// The relayer's transactions of this batch: from the owner, at its nonce, created no earlier
    /// than it was signed (an older batch at the same nonce that failed is not it).
    async fn relayed(&self, tx: &SignedRedemption) -> Result<Vec<Relayed>, RedeemError> {
        let signed_at = signed_at(tx, &self.cfg);
        let list = self.api.transactions().await?;
        let mut out = Vec::new();
        for t in &list {
            let s = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default();
            let nonce = t.get("nonce").and_then(whole_number);
            if s("type") != "WALLET" || !s("from").eq_ignore_ascii_case(&tx.from) || nonce != Some(tx.nonce) {
                continue;
            }
            let created = chrono::DateTime::parse_from_rfc3339(s("createdAt")).ok().map(|d| d.timestamp());
            if let (Some(created), Some(signed)) = (created, signed_at)
                && created < signed
            {
                continue;
            }
            out.push(Relayed { id: s("transactionID").to_owned(), hash: s("transactionHash").to_owned(), state: s("state").to_owned() });
        }
        Ok(out)
    }
}

/// A JSON number or decimal string (the relayer sends nonces as either) as a `u64`.
fn whole_number(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

fn bad(method: &str, reason: &str) -> RedeemError {
    RedeemError::Chain(ChainError::BadResponse { method: method.into(), reason: reason.into() })
}

/// When the batch in `tx` was signed (Unix seconds): its deadline less the configured validity.
fn signed_at(tx: &SignedRedemption, cfg: &RedemptionConfig) -> Option<i64> {
    let v: Value = serde_json::from_str(&tx.raw).ok()?;
    let deadline: i64 = v.get("depositWalletParams")?.get("deadline")?.as_str()?.parse().ok()?;
    Some(deadline - i64::try_from(cfg.relayer_deadline_secs).ok()?)
}

#[async_trait]
impl Redeemer for RelayerRedeemer {
    async fn sign(&self, target: &RedemptionTarget) -> Result<SignedRedemption, RedeemError> {
        let condition = parse_condition_id(&target.condition_id).map_err(|reason| RedeemError::Refused { reason })?;
        let (adapter, data) = self.holder.wallet_call(&condition, target.neg_risk);
        let nonce = self.wallet_nonce().await?;
        let now = u64::try_from(self.clock.now().timestamp()).unwrap_or(0);
        let batch = Batch {
            wallet: self.holder.funder,
            nonce,
            deadline: now + self.cfg.relayer_deadline_secs,
            calls: vec![WalletCall { target: adapter, value: 0, data }],
        };
        let digest = batch.digest(self.chain_id);
        let signature = self.key.sign_hash(&digest).map_err(|reason| RedeemError::Refused { reason })?;
        Ok(SignedRedemption {
            hash: format!("0x{}", hex::encode(digest)),
            raw: batch.submission(self.holder.owner, &signature).to_string(),
            nonce,
            from: self.holder.owner.lower(),
            to: DEPOSIT_WALLET_FACTORY.lower(),
        })
    }

    /// Submits the batch unless the relayer already holds it (then it follows that submission:
    /// never a second one, even after a failure, which the receipt then reports).
    async fn broadcast(&self, tx: &SignedRedemption) -> Result<(), RedeemError> {
        if !self.relayed(tx).await?.is_empty() {
            return Ok(());
        }
        let v = self.request(reqwest::Method::POST, "/submit", Some(tx.raw.clone())).await?;
        match v.get("transactionID").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => {
                tracing::info!(relayer_transaction = id, batch = %tx.hash, "deposit wallet batch submitted to the relayer");
                Ok(())
            }
            _ => Err(bad("relayer POST /submit", &format!("answer without a `transactionID`: {}", cut(&v.to_string())))),
        }
    }

    async fn await_receipt(&self, tx: &SignedRedemption) -> Result<Option<TxReceipt>, RedeemError> {
        let deadline = Instant::now() + Duration::from_millis(self.cfg.receipt_wait_ms);
        loop {
            let relayed = self.relayed(tx).await?;
            if let Some(m) = relayed.iter().find(|r| r.mined() && !r.hash.is_empty()) {
                if let Some(r) = confirmed_receipt(self.rpc.as_ref(), &m.hash, &self.cfg).await? {
                    return Ok(Some(r));
                }
            } else if !relayed.is_empty() && relayed.iter().all(Relayed::failed) {
                let f = &relayed[0];
                tracing::warn!(relayer_transaction = %f.id, state = %f.state, batch = %tx.hash, "the relayer did not execute the batch");
                if !f.hash.is_empty()
                    && let Some(r) = confirmed_receipt(self.rpc.as_ref(), &f.hash, &self.cfg).await?
                {
                    return Ok(Some(r));
                }
                let hash = if f.hash.is_empty() { tx.hash.clone() } else { f.hash.clone() };
                return Ok(Some(TxReceipt { hash, block: 0, success: false }));
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            tokio::time::sleep(Duration::from_millis(self.cfg.receipt_poll_ms).min(deadline.saturating_duration_since(Instant::now())))
                .await;
        }
    }

    /// The wallet's batch nonce: a recorded batch below it that the relayer does not show as
    /// mined was overtaken by another batch (e.g. one made in the web app).
    async fn mined_nonce(&self, _from: &str) -> Result<u64, RedeemError> {
        self.wallet_nonce().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The known answer: the same batch encoded and signed by an independent implementation
    /// (eth-account 0.14.0, `encode_typed_data(full_message=…)` and `sign_message`, with the
    /// domain and types of the official relayer client's deposit-wallet batch).
    #[test]
    fn the_batch_digest_and_signature_agree_with_eth_account() {
        let key = Key::from_hex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318").unwrap();
        assert_eq!(key.address().checksummed(), "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        let mut data = vec![0u8; 4];
        data.extend([0x11; 40]);
        let batch = Batch {
            wallet: Address([0x5a; 20]),
            nonce: 7,
            deadline: 1_767_225_600,
            calls: vec![WalletCall { target: Address::parse("0xAdA100Db00Ca00073811820692005400218FcE1f").unwrap(), value: 0, data }],
        };
        let digest = batch.digest(137);
        assert_eq!(hex::encode(digest), "6911d4d36ffafb38da4c65a9b320d50899138899296cebeb927bf090bebe2674");
        let sig = key.sign_hash(&digest).unwrap();
        assert_eq!(
            hex::encode(sig),
            "b975eefa50c70c34ef2f4d9d660afd926d083fe106034227b80674481e643aff07ad5f0f042e77c178a626745d755747fc63ddba4239fc09e2a278a0d00f50781c"
        );
        assert_eq!(batch_signer(&batch, 137, &sig), Some(key.address()));
        assert_ne!(batch_signer(&batch, 80002, &sig), Some(key.address()), "another chain's domain is another digest");
    }

    #[test]
    fn a_submission_reads_back_as_the_batch_it_was_made_from() {
        let key = Key::from_hex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318").unwrap();
        let batch = Batch {
            wallet: Address([0x5a; 20]),
            nonce: 3,
            deadline: 99,
            calls: vec![WalletCall { target: Address([1; 20]), value: 0, data: vec![1, 2, 3] }],
        };
        let sig = key.sign_hash(&batch.digest(137)).unwrap();
        let v = batch.submission(key.address(), &sig);
        assert_eq!(v["type"], "WALLET");
        assert_eq!(v["to"], DEPOSIT_WALLET_FACTORY.checksummed());
        assert_eq!(v["signature"].as_str().unwrap().len(), 132);
        let (kind, from, to, back, sig_back) = read_submission(&v).unwrap();
        assert_eq!((kind.as_str(), from, to, &back, sig_back), ("WALLET", key.address(), DEPOSIT_WALLET_FACTORY, &batch, sig));
        let mut broken = v.clone();
        broken["depositWalletParams"]["deadline"] = json!(99);
        assert!(read_submission(&broken).unwrap_err().contains("deadline"));
    }
}
