//! The chain redeemer against the checking fake node, over real HTTP on loopback: each account
//! type's transaction is accepted and redeems the right condition; a node for another chain,
//! a call that would revert, gas over the caps and a receipt that does not come are each
//! refused or left pending with a clear reason, and re-broadcasting never makes a second
//! transaction.

use copycat_chain::RpcClient;
use copycat_chain::fake_node::{Expect, FakeNode, Via};
use copycat_chain::redeem::Holder;
use copycat_chain::redeemer::ChainRedeemer;
use copycat_chain::tx::{Address, Key};
use copycat_core::config::{ChainConfig, RedemptionConfig, SignatureType};
use copycat_core::ports::{ChainError, RedeemError, Redeemer, RedemptionTarget};
use std::sync::Arc;

const KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const CONDITION: &str = "0x4a629eb456c10ea56e4819f5b54c6727be8010b03c31375fed5b9f100f0dee53";

fn owner() -> Address {
    Key::from_hex(KEY).unwrap().address()
}

fn cfg() -> RedemptionConfig {
    RedemptionConfig { receipt_wait_ms: 200, receipt_poll_ms: 1, ..RedemptionConfig::default() }
}

fn redeemer(url: &str, holder: Holder, cfg: RedemptionConfig) -> ChainRedeemer {
    let rpc =
        RpcClient::from_config(&ChainConfig { rpc_url: url.into(), retry_base_ms: 1, retry_max_ms: 2, ..ChainConfig::default() }).unwrap();
    ChainRedeemer::new(Arc::new(rpc), KEY, holder, 137, cfg).unwrap()
}

fn target(neg_risk: bool) -> RedemptionTarget {
    RedemptionTarget { condition_id: CONDITION.into(), neg_risk }
}

#[tokio::test]
async fn every_account_type_with_a_documented_path_redeems_once_on_the_test_chain() {
    let wallet = Address([0x5a; 20]);
    for (t, funder, via) in [
        (SignatureType::Eoa, None, Via::Eoa),
        (SignatureType::PolyProxy, Some(wallet), Via::ProxyFactory),
        (SignatureType::PolyGnosisSafe, Some(wallet), Via::Safe(wallet)),
    ] {
        for neg_risk in [false, true] {
            let node = FakeNode::new(Expect { sender: owner(), via });
            let served = node.serve().await.unwrap();
            let holder = Holder::new(t, owner(), funder.map(|f| f.lower()).as_deref(), None).unwrap();
            let r = redeemer(&served.url, holder, cfg());
            let tx = r.sign(&target(neg_risk)).await.unwrap();
            assert_eq!(tx.nonce, 0);
            assert!(node.mined().is_empty(), "signing sends nothing");
            r.broadcast(&tx).await.unwrap();
            r.broadcast(&tx).await.unwrap(); // a resumed check sends the same bytes: "already known"
            let receipt = r.await_receipt(&tx).await.unwrap().expect("mined");
            assert!(receipt.success, "{t:?} neg_risk={neg_risk}: {:?}", node.mined());
            let mined = node.mined();
            assert_eq!(mined.len(), 1, "one transaction for one redemption");
            assert_eq!(mined[0].condition_id.as_deref(), Some(CONDITION));
            assert_eq!(node.raw_seen(), vec![tx.raw.clone(), tx.raw.clone()], "the re-broadcast is the same signed bytes");
        }
    }
}

#[tokio::test]
async fn a_deposit_wallet_is_refused_before_anything_is_asked_of_the_node() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    let served = node.serve().await.unwrap();
    let holder = Holder::new(SignatureType::Poly1271, owner(), Some(&Address([0x5a; 20]).lower()), None).unwrap();
    let err = redeemer(&served.url, holder, cfg()).sign(&target(false)).await.unwrap_err();
    assert!(matches!(&err, RedeemError::Refused { reason } if reason.contains("signature type 3")), "{err}");
    assert!(node.calls().is_empty());
}

#[tokio::test]
async fn a_node_for_another_chain_is_refused_and_nothing_is_signed() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    node.set(|b| b.chain_id = 80002);
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let err = r.sign(&target(false)).await.unwrap_err();
    assert_eq!(err, RedeemError::Chain(ChainError::WrongChain { expected: 137, got: 80002 }));
    assert_eq!(node.calls(), vec!["eth_chainId"]);
}

#[tokio::test]
async fn a_call_that_would_revert_is_not_sent_and_says_why() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    node.set(|b| b.estimate_reverts = Some("ERC1155: caller is not owner nor approved".into()));
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let err = r.sign(&target(false)).await.unwrap_err();
    assert!(matches!(&err, RedeemError::WouldRevert { reason } if reason.contains("not owner nor approved")), "{err}");
    assert!(node.mined().is_empty());
}

#[tokio::test]
async fn gas_above_the_caps_is_refused_naming_the_cap() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    node.set(|b| b.gas_price = 900_000_000_000);
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let err = r.sign(&target(false)).await.unwrap_err();
    assert!(matches!(&err, RedeemError::OverCap { reason } if reason.contains("redemption.max_fee_per_gas_gwei")), "{err}");
    node.set(|b| {
        b.gas_price = 40_000_000_000;
        b.gas_estimate = 590_000;
    });
    let err = r.sign(&target(false)).await.unwrap_err();
    assert!(matches!(&err, RedeemError::OverCap { reason } if reason.contains("redemption.gas_limit_cap")), "{err}");
    assert!(node.mined().is_empty());
}

#[tokio::test]
async fn a_receipt_that_does_not_come_in_time_is_pending_then_found_later_without_a_new_transaction() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    node.set(|b| b.drop_receipts = true);
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let tx = r.sign(&target(false)).await.unwrap();
    r.broadcast(&tx).await.unwrap();
    assert_eq!(r.await_receipt(&tx).await.unwrap(), None, "no receipt within redemption.receipt_wait_ms");
    node.set(|b| b.drop_receipts = false);
    r.broadcast(&tx).await.unwrap();
    assert!(r.await_receipt(&tx).await.unwrap().unwrap().success);
    assert_eq!(node.mined().len(), 1);
    assert_eq!(r.mined_nonce(&tx.from).await.unwrap(), 1);
}

#[tokio::test]
async fn a_reverted_transaction_reads_as_failed_and_a_delayed_receipt_is_waited_for() {
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    node.set(|b| {
        b.revert_on_chain = true;
        b.receipt_after_polls = 3;
    });
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let tx = r.sign(&target(false)).await.unwrap();
    r.broadcast(&tx).await.unwrap();
    let receipt = r.await_receipt(&tx).await.unwrap().expect("the receipt comes on the fourth poll");
    assert!(!receipt.success);
}

#[tokio::test]
async fn a_transaction_signed_for_another_key_or_contract_is_caught_by_the_node() {
    // The node expects a Safe account; an EOA-routed transaction goes to the adapter directly.
    let safe = Address([0x77; 20]);
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Safe(safe) });
    let served = node.serve().await.unwrap();
    let r = redeemer(&served.url, Holder::new(SignatureType::Eoa, owner(), None, None).unwrap(), cfg());
    let tx = r.sign(&target(false)).await.unwrap();
    r.broadcast(&tx).await.unwrap();
    assert!(!r.await_receipt(&tx).await.unwrap().unwrap().success);
    assert!(node.mined()[0].rejected.as_deref().unwrap_or_default().contains("must call its Safe"));
}
