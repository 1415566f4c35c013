//! A deposit wallet (signature type 3) redeems through the relayer stand-in and the checking
//! fake node, over real HTTP on loopback: the batch the relayer accepts redeems the right
//! condition once; a check that resumes after a crash follows the submission it made instead of
//! submitting again; a batch overtaken by another at its nonce, a wrong API key, a relayer
//! outage and a set-up that does not fit are each refused or reported with a clear reason.

use copycat_chain::RpcClient;
use copycat_chain::fake_node::{Expect, FakeNode, Served, Via};
use copycat_chain::fake_relayer::FakeRelayer;
use copycat_chain::redeem::Holder;
use copycat_chain::relayer::{RelayerKey, RelayerRedeemer, read_submission};
use copycat_chain::tx::{Address, Key};
use copycat_core::config::{ChainConfig, RedemptionConfig, SignatureType};
use copycat_core::ports::{ChainError, RedeemError, Redeemer, RedemptionTarget};
use copycat_core::time::{Clock, ManualClock, from_secs};
use std::sync::Arc;

const KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const CONDITION: &str = "0x4a629eb456c10ea56e4819f5b54c6727be8010b03c31375fed5b9f100f0dee53";
const API_KEY: &str = "0190b317-relayer-key";
const WALLET: Address = Address([0x5a; 20]);

fn owner() -> Address {
    Key::from_hex(KEY).unwrap().address()
}

struct Rig {
    node: Arc<FakeNode>,
    relayer: Arc<FakeRelayer>,
    node_at: Served,
    relayer_at: Served,
    clock: Arc<ManualClock>,
}

async fn rig() -> Rig {
    let clock = Arc::new(ManualClock::new(from_secs(1_796_083_200)));
    let node = FakeNode::new(Expect { sender: owner(), via: Via::Eoa });
    let relayer = FakeRelayer::new(node.clone(), API_KEY, &owner().lower(), owner(), WALLET, clock.clone());
    let node_at = node.serve().await.unwrap();
    let relayer_at = relayer.serve().await.unwrap();
    Rig { node, relayer, node_at, relayer_at, clock }
}

impl Rig {
    /// A redeemer as a fresh health-check process builds it.
    fn redeemer(&self, api_key: &str) -> RelayerRedeemer {
        let cfg = RedemptionConfig {
            receipt_wait_ms: 100,
            receipt_poll_ms: 1,
            relayer_url: self.relayer_at.url.clone(),
            ..RedemptionConfig::default()
        };
        let rpc = RpcClient::from_config(&ChainConfig {
            rpc_url: self.node_at.url.clone(),
            retry_base_ms: 1,
            retry_max_ms: 2,
            ..ChainConfig::default()
        })
        .unwrap();
        let holder = Holder::new(SignatureType::Poly1271, owner(), Some(&WALLET.lower()), None).unwrap();
        let api = RelayerKey { key: api_key.into(), address: owner().lower() };
        RelayerRedeemer::new(Arc::new(rpc), KEY, holder, api, 137, cfg, self.clock.clone()).unwrap()
    }
}

fn target(neg_risk: bool) -> RedemptionTarget {
    RedemptionTarget { condition_id: CONDITION.into(), neg_risk }
}

#[tokio::test]
async fn a_deposit_wallet_redeems_once_through_the_relayer() {
    for neg_risk in [false, true] {
        let rig = rig().await;
        let r = rig.redeemer(API_KEY);
        let tx = r.sign(&target(neg_risk)).await.unwrap();
        assert_eq!(tx.nonce, 0);
        assert_eq!(rig.relayer.submissions(), 0, "signing submits nothing");
        let (kind, from, _, batch, _) = read_submission(&serde_json::from_str(&tx.raw).unwrap()).unwrap();
        assert_eq!((kind.as_str(), from, batch.wallet), ("WALLET", owner(), WALLET));
        assert_eq!(batch.deadline, 1_796_083_200 + 3_600, "valid for redemption.relayer_deadline_secs");
        r.broadcast(&tx).await.unwrap();
        r.broadcast(&tx).await.unwrap(); // a resumed check finds the submission and does not repeat it
        assert_eq!(rig.relayer.submissions(), 1, "one submission for one redemption");
        let receipt = r.await_receipt(&tx).await.unwrap().expect("mined");
        let mined = rig.node.mined();
        assert_eq!(mined.len(), 1);
        assert!(receipt.success && receipt.hash == mined[0].hash, "{receipt:?} {mined:?}");
        assert_eq!(mined[0].from, WALLET, "the deposit wallet is what redeems");
        assert_eq!(mined[0].condition_id.as_deref(), Some(CONDITION));
        assert_eq!(r.mined_nonce(&tx.from).await.unwrap(), 1, "the wallet's batch nonce moved");
        assert_eq!(r.sign(&target(neg_risk)).await.unwrap().nonce, 1, "the next batch signs at the next nonce");
    }
}

#[tokio::test]
async fn a_check_that_resumes_after_a_crash_follows_its_submission_instead_of_submitting_again() {
    let rig = rig().await;
    rig.relayer.set(|b| b.hold = true);
    let tx = rig.redeemer(API_KEY).sign(&target(false)).await.unwrap();
    {
        let first = rig.redeemer(API_KEY);
        first.broadcast(&tx).await.unwrap();
        assert_eq!(first.await_receipt(&tx).await.unwrap(), None, "not executed within the wait");
    } // the process dies here
    let resumed = rig.redeemer(API_KEY);
    resumed.broadcast(&tx).await.unwrap();
    assert_eq!(rig.relayer.submissions(), 1, "the relayer already holds the batch: not submitted twice");
    rig.relayer.release();
    let receipt = resumed.await_receipt(&tx).await.unwrap().expect("mined once released");
    assert!(receipt.success);
    assert_eq!(rig.node.mined().len(), 1);
}

#[tokio::test]
async fn a_batch_overtaken_at_its_nonce_fails_and_an_older_failure_is_not_taken_for_a_new_batch() {
    let rig = rig().await;
    let r = rig.redeemer(API_KEY);
    let tx = r.sign(&target(false)).await.unwrap();
    rig.relayer.spend_nonce(); // the web app ran a batch of the wallet in between
    r.broadcast(&tx).await.unwrap();
    let receipt = r.await_receipt(&tx).await.unwrap().expect("the relayer reports the failure");
    assert!(!receipt.success);
    assert!(rig.relayer.transactions()[0].reason.as_deref().unwrap_or_default().contains("invalid nonce"));
    assert!(r.mined_nonce(&tx.from).await.unwrap() > tx.nonce, "the health check reads the nonce as spent");

    // A batch at the wallet's nonce (1) that expires before the relayer runs it fails without
    // using the nonce; the next batch signs at that same nonce, and that old failure, submitted
    // before it was signed, is not taken for it.
    rig.relayer.set(|b| b.hold = true);
    let expired = r.sign(&target(false)).await.unwrap();
    assert_eq!(expired.nonce, 1);
    r.broadcast(&expired).await.unwrap();
    rig.clock.advance(copycat_core::time::secs(2 * 3_600));
    rig.relayer.release();
    assert!(!r.await_receipt(&expired).await.unwrap().expect("reported").success);
    assert!(rig.relayer.transactions()[1].reason.as_deref().unwrap_or_default().contains("expired"));
    let next = r.sign(&target(false)).await.unwrap();
    assert_eq!(next.nonce, 1, "the expired batch did not use the nonce");
    r.broadcast(&next).await.unwrap();
    assert_eq!(rig.relayer.submissions(), 3, "submitted: the failed batch at this nonce is an older one");
    assert!(r.await_receipt(&next).await.unwrap().expect("mined").success);
}

#[tokio::test]
async fn a_wrong_api_key_is_an_answer_with_the_reason_and_an_outage_counts_as_a_failure() {
    let rig = rig().await;
    let good = rig.redeemer(API_KEY);
    let tx = good.sign(&target(false)).await.unwrap();
    let err = rig.redeemer("not-the-key").broadcast(&tx).await.unwrap_err();
    match &err {
        RedeemError::Chain(e @ ChainError::Rpc { code: 401, message, .. }) => {
            assert!(message.contains("invalid relayer api key"), "{message}");
            assert!(!e.counts_as_failure(), "a refused key is the operator's to fix, not a relayer outage");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(rig.relayer.submissions(), 0);
    rig.relayer.set(|b| b.refuse_submits = true);
    match good.broadcast(&tx).await.unwrap_err() {
        RedeemError::Chain(e) => assert!(e.counts_as_failure(), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(rig.node.mined().is_empty());
}

#[tokio::test]
async fn a_set_up_that_does_not_fit_is_refused_before_anything_is_sent() {
    let rig = rig().await;
    let cfg = RedemptionConfig { relayer_url: rig.relayer_at.url.clone(), ..RedemptionConfig::default() };
    let rpc = Arc::new(RpcClient::from_config(&ChainConfig { rpc_url: rig.node_at.url.clone(), ..ChainConfig::default() }).unwrap());
    let api = RelayerKey { key: API_KEY.into(), address: owner().lower() };
    let deposit = Holder::new(SignatureType::Poly1271, owner(), Some(&WALLET.lower()), None).unwrap();
    let safe = Holder::new(SignatureType::PolyGnosisSafe, owner(), Some(&WALLET.lower()), None).unwrap();
    let clock: Arc<dyn Clock> = rig.clock.clone();
    let refused = |r: Result<RelayerRedeemer, RedeemError>| match r {
        Err(RedeemError::Refused { reason }) => reason,
        other => panic!("{other:?}"),
    };
    let other_key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    assert!(
        refused(RelayerRedeemer::new(rpc.clone(), other_key, deposit.clone(), api.clone(), 137, cfg.clone(), clock.clone()))
            .contains("not the holder's owner")
    );
    assert!(
        refused(RelayerRedeemer::new(rpc.clone(), KEY, safe, api.clone(), 137, cfg.clone(), clock.clone())).contains("signature type 3")
    );
    let no_key = RelayerKey { key: " ".into(), ..api.clone() };
    assert!(
        refused(RelayerRedeemer::new(rpc.clone(), KEY, deposit.clone(), no_key, 137, cfg.clone(), clock.clone()))
            .contains("COPYCAT_RELAYER_API_KEY")
    );
    assert!(refused(RelayerRedeemer::new(rpc, &KEY[..40], deposit, api, 137, cfg, clock)).contains("bytes"));
    assert_eq!(rig.relayer.submissions(), 0);
}
