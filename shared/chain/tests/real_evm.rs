//! The redeemer against a real EVM: a local ganache node (npm `ganache` 7.9.2, `--chain.chainId
//! 137`, the test key funded) with the real Gnosis ConditionalTokens contract (npm
//! `@gnosis.pm/conditional-tokens-contracts` 1.0.3, its compiled `ConditionalTokens.json`) and,
//! for the Safe route, a real Safe 1.3.0 (npm `@gnosis.pm/safe-contracts` 1.3.0). Ignored by
//! default because they come from npm; run them with
//!
//! ```sh
//! npx ganache --chain.chainId 137 --server.port 18545 \
//!   --wallet.accounts "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80,0x56BC75E2D63100000" &
//! COPYCAT_TEST_EVM_URL=http://127.0.0.1:18545 \
//! COPYCAT_TEST_CTF_ARTIFACT=node_modules/@gnosis.pm/conditional-tokens-contracts/build/contracts/ConditionalTokens.json \
//! COPYCAT_TEST_SAFE_ARTIFACT=node_modules/@gnosis.pm/safe-contracts/build/artifacts/contracts/GnosisSafe.sol/GnosisSafe.json \
//! COPYCAT_TEST_SAFE_FACTORY_ARTIFACT=node_modules/@gnosis.pm/safe-contracts/build/artifacts/contracts/proxies/GnosisSafeProxyFactory.sol/GnosisSafeProxyFactory.json \
//!   cargo test -p copycat-chain --features signing --test real_evm -- --ignored --test-threads 1
//! ```
//!
//! The collateral adapters are not published as a package, so the ConditionalTokens runtime is
//! placed at the standard adapter's address (ganache's `evm_setAccountCode`) and a token whose
//! every call returns true at pUSD's: the adapter's `redeemPositions` has the CTF's signature,
//! so this runs the very transaction the health check sends for an EOA account through the
//! real CTF code, signed, priced and followed by the real client, on a node that checks the
//! chain id, the signature and the nonce itself.

use copycat_chain::RpcClient;
use copycat_chain::redeem::{COLLATERAL_ADAPTER, Holder, PUSD, selector};
use copycat_chain::redeemer::ChainRedeemer;
use copycat_chain::tx::{Key, keccak256};
use copycat_core::config::{ChainConfig, RedemptionConfig, SignatureType};
use copycat_core::ports::{ChainRpc, Redeemer, RedemptionTarget};
use serde_json::{Value, json};
use std::sync::Arc;

const KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
/// Runtime code that answers every call with 32 bytes of `true`.
const ALWAYS_TRUE: &str = "0x600160005260206000f3";

fn word(b: &[u8]) -> String {
    format!("{:0>64}", hex::encode(b))
}

async fn send(rpc: &RpcClient, from: &str, to: Option<&str>, data: String) -> Value {
    let mut tx = json!({"from": from, "data": data, "gas": "0x5b8d80"});
    if let Some(to) = to {
        tx["to"] = json!(to);
    }
    let hash = rpc.call("eth_sendTransaction", json!([tx])).await.unwrap();
    let receipt = rpc.call("eth_getTransactionReceipt", json!([hash])).await.unwrap();
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    receipt
}

fn artifact(var: &str) -> Value {
    let path = std::env::var(var).unwrap_or_else(|_| panic!("{var}"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The real ConditionalTokens code at the standard adapter's address, an always-true token at
/// pUSD's, and a fresh binary condition resolved YES with the key as its oracle; its id.
async fn resolved_condition(rpc: &RpcClient) -> String {
    let owner = Key::from_hex(KEY).unwrap().address();
    let from = owner.lower();
    let artifact = artifact("COPYCAT_TEST_CTF_ARTIFACT");
    // The real ConditionalTokens, deployed, then its runtime placed at the adapter's address.
    let deployed = send(rpc, &from, None, artifact["bytecode"].as_str().unwrap().to_owned()).await;
    let code = rpc.call("eth_getCode", json!([deployed["contractAddress"], "latest"])).await.unwrap();
    rpc.call("evm_setAccountCode", json!([COLLATERAL_ADAPTER.lower(), code])).await.unwrap();
    rpc.call("evm_setAccountCode", json!([PUSD.lower(), ALWAYS_TRUE])).await.unwrap();

    // A binary condition with us as the oracle, resolved YES (a fresh question each run, so the
    // test can run again on the same node).
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let question = keccak256(format!("Will it rain? {nanos}").as_bytes());
    let adapter = COLLATERAL_ADAPTER.lower();
    let prepare = format!(
        "0x{}{}{}{}",
        hex::encode(selector("prepareCondition(address,bytes32,uint256)")),
        word(&owner.0),
        hex::encode(question),
        word(&[2])
    );
    send(rpc, &from, Some(&adapter), prepare).await;
    let report = format!(
        "0x{}{}{}{}{}{}",
        hex::encode(selector("reportPayouts(bytes32,uint256[])")),
        hex::encode(question),
        word(&[0x40]),
        word(&[2]),
        word(&[1]),
        word(&[0])
    );
    send(rpc, &from, Some(&adapter), report).await;
    let mut packed = owner.0.to_vec();
    packed.extend(question);
    packed.extend([0u8; 31]);
    packed.push(2);
    format!("0x{}", hex::encode(keccak256(&packed)))
}

fn node() -> RpcClient {
    let url = std::env::var("COPYCAT_TEST_EVM_URL").expect("COPYCAT_TEST_EVM_URL");
    RpcClient::from_config(&ChainConfig { rpc_url: url, ..ChainConfig::default() }).unwrap()
}

/// The `PayoutRedemption` log of a redemption: (redeemer, collateral, data).
async fn payout_log(rpc: &dyn ChainRpc, hash: &str) -> (String, String, String) {
    let full = rpc.call("eth_getTransactionReceipt", json!([hash])).await.unwrap();
    let topic = format!("0x{}", hex::encode(keccak256(b"PayoutRedemption(address,address,bytes32,bytes32,uint256[],uint256)")));
    let log = full["logs"].as_array().unwrap().iter().find(|l| l["topics"][0] == topic.as_str()).expect("a PayoutRedemption log").clone();
    assert_eq!(log["address"].as_str().unwrap().to_ascii_lowercase(), COLLATERAL_ADAPTER.lower(), "emitted by the adapter's code");
    let s = |v: &Value| v.as_str().unwrap().to_ascii_lowercase();
    (s(&log["topics"][1]), s(&log["topics"][2]), s(&log["data"]))
}

#[tokio::test]
#[ignore = "needs a local ganache node and the ConditionalTokens artifact from npm (see the file's header)"]
async fn an_eoa_redemption_runs_through_the_real_conditional_tokens_code_on_a_real_evm() {
    let rpc = node();
    let condition_id = resolved_condition(&rpc).await;
    let owner = Key::from_hex(KEY).unwrap().address();

    // The redemption, exactly as the health check makes it for an EOA account.
    let rpc: Arc<dyn ChainRpc> = Arc::new(rpc);
    let holder = Holder::new(SignatureType::Eoa, owner, None, None).unwrap();
    let cfg = RedemptionConfig { priority_fee_gwei: 1, receipt_poll_ms: 10, ..RedemptionConfig::default() };
    let redeemer = ChainRedeemer::new(rpc.clone(), KEY, holder, 137, cfg).unwrap();
    let tx = redeemer.sign(&RedemptionTarget { condition_id: condition_id.clone(), neg_risk: false }).await.unwrap();
    redeemer.broadcast(&tx).await.unwrap();
    redeemer.broadcast(&tx).await.unwrap(); // the node already has it: fine, no second transaction
    let receipt = redeemer.await_receipt(&tx).await.unwrap().expect("mined");
    assert!(receipt.success, "{receipt:?}");
    assert_eq!(redeemer.mined_nonce(&tx.from).await.unwrap(), tx.nonce + 1);

    // The CTF emitted PayoutRedemption(redeemer, collateral, parent, condition, index sets, payout).
    let (redeemer_topic, collateral, data) = payout_log(rpc.as_ref(), &tx.hash).await;
    assert_eq!(redeemer_topic, format!("0x{}", word(&owner.0)), "redeemed by the key");
    assert_eq!(collateral, format!("0x{}", word(&PUSD.0)), "pUSD as collateral");
    assert!(data.contains(&condition_id[2..]), "for our condition: {data}");
}

#[tokio::test]
#[ignore = "needs a local ganache node and the ConditionalTokens and Safe 1.3.0 artifacts from npm (see the file's header)"]
async fn a_safe_redemption_runs_through_a_real_safe_with_the_owners_prevalidated_signature() {
    let rpc = node();
    let condition_id = resolved_condition(&rpc).await;
    let owner = Key::from_hex(KEY).unwrap().address();
    let from = owner.lower();

    // A real Safe 1.3.0 (singleton + proxy factory from @gnosis.pm/safe-contracts), owned by the key alone.
    let singleton = send(&rpc, &from, None, artifact("COPYCAT_TEST_SAFE_ARTIFACT")["bytecode"].as_str().unwrap().to_owned()).await;
    let factory = send(&rpc, &from, None, artifact("COPYCAT_TEST_SAFE_FACTORY_ARTIFACT")["bytecode"].as_str().unwrap().to_owned()).await;
    let setup = format!(
        "{}{}{}{}{}{}{}{}{}{}{}{}",
        hex::encode(selector("setup(address[],uint256,address,bytes,address,address,uint256,address)")),
        word(&[0x01, 0x00]),
        word(&[1]),
        word(&[]),
        word(&[0x01, 0x40]),
        word(&[]),
        word(&[]),
        word(&[]),
        word(&[]),
        word(&[1]),
        word(&owner.0),
        word(&[])
    );
    let setup_len = setup.len() / 2;
    let mut create = format!(
        "0x{}{}{}{}{}",
        hex::encode(selector("createProxy(address,bytes)")),
        word(&hex::decode(&singleton["contractAddress"].as_str().unwrap()[2..]).unwrap()),
        word(&[0x40]),
        word(&(setup_len as u64).to_be_bytes()),
        setup
    );
    while (create.len() - 2) % 64 != 8 {
        create.push('0');
    }
    let factory = factory["contractAddress"].as_str().unwrap().to_ascii_lowercase();
    let created = send(&rpc, &from, Some(&factory), create).await;
    // ProxyCreation(proxy, singleton), from the factory (the Safe's own SafeSetup log comes first).
    let creation =
        created["logs"].as_array().unwrap().iter().find(|l| l["address"].as_str().unwrap().to_ascii_lowercase() == factory).unwrap();
    let safe_word = creation["data"].as_str().unwrap()[2..66].to_owned();
    let safe = copycat_chain::tx::Address::parse(&format!("0x{}", &safe_word[24..])).unwrap();

    let rpc: Arc<dyn ChainRpc> = Arc::new(rpc);
    let holder = Holder::new(SignatureType::PolyGnosisSafe, owner, Some(&safe.lower()), None).unwrap();
    let cfg = RedemptionConfig { priority_fee_gwei: 1, receipt_poll_ms: 10, ..RedemptionConfig::default() };
    let redeemer = ChainRedeemer::new(rpc.clone(), KEY, holder, 137, cfg).unwrap();
    let tx = redeemer.sign(&RedemptionTarget { condition_id: condition_id.clone(), neg_risk: false }).await.unwrap();
    assert_eq!(tx.to, safe.lower(), "sent to the Safe");
    redeemer.broadcast(&tx).await.unwrap();
    assert!(redeemer.await_receipt(&tx).await.unwrap().expect("mined").success);
    let (redeemer_topic, _, data) = payout_log(rpc.as_ref(), &tx.hash).await;
    assert_eq!(redeemer_topic, format!("0x{}", word(&safe.0)), "the Safe redeemed (the CTF saw the Safe as the caller)");
    assert!(data.contains(&condition_id[2..]));
}
