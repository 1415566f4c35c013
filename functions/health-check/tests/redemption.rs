//! Redemption of resolved positions by the health check, against the checking fake Polygon node
//! over loopback HTTP (the real RPC client and the real signing redeemer): redeemed once on the
//! test chain, booked once, resumed after a crash between send and receipt without a second
//! transaction; a revert, a missing receipt, a spent nonce and a node for another chain each
//! end with a clear reason and no double booking; a losing position closes at zero without a
//! transaction; paper settles without one.

use copycat_chain::RpcClient;
use copycat_chain::fake_node::{Expect, FakeNode, Served, Via};
use copycat_chain::redeem::Holder;
use copycat_chain::redeemer::ChainRedeemer;
use copycat_chain::tx::Key;
use copycat_core::breaker::BreakerState;
use copycat_core::config::{ChainConfig, Config, SignatureType};
use copycat_core::dependency::Dependency;
use copycat_core::events::{Event, Notification};
use copycat_core::market::MarketInfo;
use copycat_core::money::{Price, Usd};
use copycat_core::ports::{ChainRpc, Queue, Redeemer, RedemptionTarget};
use copycat_core::records::{PortfolioState, Redemption, RedemptionStatus, keys};
use copycat_core::time::{Clock, ManualClock};
use copycat_state::{load, to_body};
use health_check::{ChainDeps, ChainProbe, HealthDeps, run_health_check, run_health_check_with_chain};
use rust_decimal_macros::dec;
use std::sync::Arc;

const KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const CONDITION: &str = "0x4a629eb456c10ea56e4819f5b54c6727be8010b03c31375fed5b9f100f0dee53";
const YES: &str = "1111";
const NO: &str = "2222";

mod support;

fn market(winner: Option<usize>) -> MarketInfo {
    support::binary_market(CONDITION, "Will it rain?", [YES, NO], winner)
}

/// The venue of one binary market resolved for outcome `winner` (no books: it is closed).
fn resolved(winner: usize) -> support::Venue {
    let market: fn(&str) -> MarketInfo = match winner {
        0 => |_| market(Some(0)),
        _ => |_| market(Some(1)),
    };
    support::Venue { market, mids: Default::default() }
}

struct World {
    deps: HealthDeps,
    notifications: Arc<dyn Queue>,
    node: Arc<FakeNode>,
    served: Served,
    clock: Arc<ManualClock>,
}

/// A $100 portfolio holding 100 YES shares bought at $0.40 ($60 cash left), in a resolved market.
async fn world(winner: usize) -> World {
    let mut config = Config::default();
    config.redemption.receipt_wait_ms = 30;
    config.redemption.receipt_poll_ms = 1;
    let (deps, clock, notifications) = support::holding(config, resolved(winner), &[(market(None), YES)]).await;

    let owner = Key::from_hex(KEY).unwrap().address();
    let node = FakeNode::new(Expect { sender: owner, via: Via::Eoa });
    let served = node.serve().await.unwrap();
    World { deps, notifications, node, served, clock }
}

impl World {
    fn chain(&self) -> (ChainDeps, Arc<ChainRedeemer>) {
        let cfg =
            ChainConfig { rpc_url: self.served.url.clone(), retry_base_ms: 1, retry_max_ms: 2, max_retries: 0, ..ChainConfig::default() };
        let rpc: Arc<dyn ChainRpc> = Arc::new(RpcClient::from_config(&cfg).unwrap());
        let owner = Key::from_hex(KEY).unwrap().address();
        let holder = Holder::new(SignatureType::Eoa, owner, None, None).unwrap();
        let redeemer = Arc::new(ChainRedeemer::new(rpc.clone(), KEY, holder, 137, self.deps.config.redemption.clone()).unwrap());
        (ChainDeps { rpc: Some(rpc), redeemer: Some(redeemer.clone()) }, redeemer)
    }

    async fn cash(&self) -> Usd {
        load::<PortfolioState>(self.deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value.cash
    }

    async fn holds_yes(&self) -> bool {
        self.deps.store.get(&keys::position(YES)).await.unwrap().is_some()
    }

    async fn redemption(&self) -> Option<Redemption> {
        load::<Redemption>(self.deps.store.as_ref(), &keys::redemption(CONDITION)).await.unwrap().map(|v| v.value)
    }

    async fn events(&self) -> Vec<Event> {
        let got = self.notifications.receive(50).await.unwrap();
        got.iter().map(|m| serde_json::from_str::<Notification>(&m.body).unwrap().event).collect()
    }
}

#[tokio::test]
async fn a_winning_position_is_redeemed_once_on_chain_and_booked_once() {
    let w = world(0).await;
    let (chain, _) = w.chain();
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert!(matches!(r.chain, ChainProbe::Ok { .. }), "{:?}", r.chain);
    assert_eq!(r.redeemed, vec![CONDITION.to_string()], "{r:?}");
    let mined = w.node.mined();
    assert_eq!(mined.len(), 1);
    assert!(mined[0].success && mined[0].condition_id.as_deref() == Some(CONDITION), "{mined:?}");
    assert_eq!(w.cash().await, Usd(dec!(160)), "$60 cash + 100 shares × $1");
    assert!(!w.holds_yes().await);
    assert!(matches!(w.redemption().await.unwrap().status, RedemptionStatus::Redeemed { payout, .. } if payout == Usd(dec!(100))));
    let events = w.events().await;
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::PositionRedeemed { payout, tx: Some(h), .. } if *payout == Usd(dec!(100)) && *h == mined[0].hash)),
        "{events:?}"
    );

    // Later checks find nothing left to redeem: no transaction, no second booking.
    let again = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert!(again.redeemed.is_empty());
    assert_eq!(w.node.mined().len(), 1);
    assert_eq!(w.cash().await, Usd(dec!(160)));
    let settlements = w.deps.store.query(copycat_core::report::SETTLEMENT_PK, "").await.unwrap();
    assert_eq!(settlements.len(), 1, "the payout is in the settlement ledger once");
}

/// What a check that died after recording (and perhaps sending) its transaction leaves behind.
async fn crashed_after_recording(w: &World, redeemer: &ChainRedeemer, sent: bool) -> String {
    let tx = redeemer.sign(&RedemptionTarget { condition_id: CONDITION.into(), neg_risk: false }).await.unwrap();
    let now = w.clock.now();
    let record = Redemption {
        condition_id: CONDITION.into(),
        market: "Will it rain?".into(),
        settlements: vec![(YES.into(), Price::ONE)],
        status: RedemptionStatus::Sent { tx: tx.clone() },
        created_at: now,
        updated_at: now,
    };
    w.deps.store.put_if_absent(&keys::redemption(CONDITION), to_body(&record), None).await.unwrap();
    if sent {
        redeemer.broadcast(&tx).await.unwrap();
    }
    tx.raw
}

#[tokio::test]
async fn a_crash_between_send_and_receipt_resumes_with_the_same_transaction_and_books_once() {
    for sent in [true, false] {
        let w = world(0).await;
        let (chain, redeemer) = w.chain();
        let raw = crashed_after_recording(&w, &redeemer, sent).await;
        // The process died here. The next check resumes.
        let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
        assert_eq!(r.redeemed, vec![CONDITION.to_string()], "sent={sent}: {r:?}");
        assert_eq!(w.node.mined().len(), 1, "sent={sent}: one transaction, never a second one with a new nonce");
        assert!(w.node.raw_seen().iter().all(|seen| *seen == raw), "only the recorded bytes were ever broadcast");
        assert_eq!(w.cash().await, Usd(dec!(160)));
        run_health_check_with_chain(&w.deps, &chain).await.unwrap();
        assert_eq!(w.cash().await, Usd(dec!(160)), "booked once");
    }
}

#[tokio::test]
async fn a_missing_receipt_leaves_the_redemption_in_flight_and_the_next_check_rebroadcasts_the_same_bytes() {
    let w = world(0).await;
    let (chain, _) = w.chain();
    w.node.set(|b| b.mine = false); // e.g. priced below what the chain takes now: it waits in the pool
    let first = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(first.redemptions_waiting, vec![CONDITION.to_string()]);
    assert!(first.redeemed.is_empty());
    assert_eq!(w.cash().await, Usd(dec!(60)), "nothing booked without a receipt");
    assert!(w.holds_yes().await);
    let second = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(second.redemptions_waiting, vec![CONDITION.to_string()]);

    w.node.set(|b| b.mine = true);
    let third = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(third.redeemed, vec![CONDITION.to_string()]);
    assert_eq!(w.node.mined().len(), 1, "retried, never re-signed");
    let seen = w.node.raw_seen();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|s| *s == seen[0]));
    assert_eq!(w.cash().await, Usd(dec!(160)));
}

#[tokio::test]
async fn a_reverted_redemption_fails_with_a_reason_and_nothing_is_booked() {
    let w = world(0).await;
    let (chain, _) = w.chain();
    w.node.set(|b| b.revert_on_chain = true);
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(r.redemptions_failed, vec![CONDITION.to_string()]);
    assert_eq!(w.cash().await, Usd(dec!(60)));
    assert!(w.holds_yes().await, "the position stays open");
    let RedemptionStatus::Failed { reason, .. } = w.redemption().await.unwrap().status else { panic!("not failed") };
    assert!(reason.contains("reverted") && reason.contains("setApprovalForAll"), "{reason}");
    let events = w.events().await;
    assert!(events.iter().any(|e| matches!(e, Event::RedemptionFailed { reason, .. } if reason.contains("reverted"))), "{events:?}");

    w.node.set(|b| b.revert_on_chain = false);
    run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(w.node.mined().len(), 1, "a failed redemption is not sent again by itself");
    assert_eq!(w.cash().await, Usd(dec!(60)));
}

#[tokio::test]
async fn a_call_that_would_revert_is_never_sent_and_the_operator_is_told_why() {
    let w = world(0).await;
    let (chain, _) = w.chain();
    w.node.set(|b| b.estimate_reverts = Some("ERC1155: need operator approval for 3rd party transfers.".into()));
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(r.redemptions_failed.len(), 1);
    assert!(r.redemptions_failed[0].contains("operator approval"), "{r:?}");
    assert!(w.node.mined().is_empty());
    assert!(w.redemption().await.is_none(), "nothing recorded: a fixed set-up redeems at the next check");
    w.node.set(|b| b.estimate_reverts = None);
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(r.redeemed, vec![CONDITION.to_string()]);
}

#[tokio::test]
async fn a_nonce_taken_by_another_transaction_fails_the_redemption_instead_of_signing_again() {
    let w = world(0).await;
    let (chain, redeemer) = w.chain();
    crashed_after_recording(&w, &redeemer, false).await;
    w.node.spend_nonce(redeemer.sender()); // the operator sent something else from the key meanwhile
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(r.redemptions_failed, vec![CONDITION.to_string()], "{r:?}");
    let RedemptionStatus::Failed { reason, .. } = w.redemption().await.unwrap().status else { panic!("not failed") };
    assert!(reason.contains("nonce 0") && reason.contains("another transaction"), "{reason}");
    assert!(w.node.mined().is_empty(), "no second transaction");
    assert_eq!(w.cash().await, Usd(dec!(60)));
}

#[tokio::test]
async fn a_node_for_another_chain_is_refused_and_counts_against_the_chain_breaker() {
    let w = world(0).await;
    let (chain, _) = w.chain();
    w.node.set(|b| b.chain_id = 1);
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert!(matches!(&r.chain, ChainProbe::Failed { error } if error.contains("chain id 1")), "{:?}", r.chain);
    assert!(r.probes_failed.iter().any(|p| p == "chain"), "{:?}", r.probes_failed);
    assert!(w.node.mined().is_empty());
    assert!(w.redemption().await.is_none());
    assert_eq!(w.cash().await, Usd(dec!(60)));
    let breaker = load::<BreakerState>(w.deps.store.as_ref(), &keys::breaker(Dependency::Chain)).await.unwrap().unwrap().value;
    assert_eq!(breaker.consecutive_failures, 1, "one check, one failure: the redemption does not count the same outage again: {breaker:?}");
    assert_eq!(r.redemptions_waiting, vec![CONDITION.to_string()], "it waits for a check with a working node");
}

#[tokio::test]
async fn a_losing_position_closes_at_zero_without_a_transaction() {
    let w = world(1).await; // NO won; we hold YES
    let (chain, _) = w.chain();
    let r = run_health_check_with_chain(&w.deps, &chain).await.unwrap();
    assert_eq!(r.positions_settled, 1);
    assert!(r.redeemed.is_empty());
    assert!(!w.holds_yes().await);
    assert_eq!(w.cash().await, Usd(dec!(60)));
    assert!(w.node.mined().is_empty());
    assert!(!w.node.calls().iter().any(|m| m == "eth_sendRawTransaction" || m == "eth_estimateGas"));
}

#[tokio::test]
async fn paper_settles_the_same_payout_without_a_transaction_and_no_node_is_not_a_failure() {
    let w = world(0).await;
    let r = run_health_check(&w.deps).await.unwrap();
    assert_eq!(r.chain, ChainProbe::NotConfigured);
    assert!(r.probes_failed.iter().all(|p| p != "chain"));
    assert_eq!(r.positions_settled, 1);
    assert_eq!(w.cash().await, Usd(dec!(160)));
    assert!(w.node.calls().is_empty());
}

/// A deposit wallet (signature type 3): the redeemer signs a batch and the relayer stand-in runs
/// it through the wallet on the same fake node.
struct DepositWallet {
    relayer: Arc<copycat_chain::fake_relayer::FakeRelayer>,
    _served: Served,
    chain: ChainDeps,
}

const RELAYER_KEY: &str = "relayer-api-key";

impl World {
    async fn deposit_wallet(&self) -> DepositWallet {
        use copycat_chain::fake_relayer::FakeRelayer;
        use copycat_chain::relayer::{RelayerKey, RelayerRedeemer};
        let owner = Key::from_hex(KEY).unwrap().address();
        let wallet = copycat_chain::tx::Address([0x5a; 20]);
        let relayer = FakeRelayer::new(self.node.clone(), RELAYER_KEY, &owner.lower(), owner, wallet, self.clock.clone());
        let served = relayer.serve().await.unwrap();
        let cfg =
            ChainConfig { rpc_url: self.served.url.clone(), retry_base_ms: 1, retry_max_ms: 2, max_retries: 0, ..ChainConfig::default() };
        let rpc: Arc<dyn ChainRpc> = Arc::new(RpcClient::from_config(&cfg).unwrap());
        let holder = Holder::new(SignatureType::Poly1271, owner, Some(&wallet.lower()), None).unwrap();
        let redemption = copycat_core::config::RedemptionConfig { relayer_url: served.url.clone(), ..self.deps.config.redemption.clone() };
        let api = RelayerKey { key: RELAYER_KEY.into(), address: owner.lower() };
        let redeemer = RelayerRedeemer::new(rpc.clone(), KEY, holder, api, 137, redemption, self.clock.clone()).unwrap();
        DepositWallet { relayer, _served: served, chain: ChainDeps { rpc: Some(rpc), redeemer: Some(Arc::new(redeemer)) } }
    }
}

#[tokio::test]
async fn a_deposit_wallet_redeems_once_through_the_relayer_and_books_once_even_after_a_crash() {
    // Straight through.
    let w = world(0).await;
    let dw = w.deposit_wallet().await;
    let r = run_health_check_with_chain(&w.deps, &dw.chain).await.unwrap();
    assert_eq!(r.redeemed, vec![CONDITION.to_string()], "{r:?}");
    let mined = w.node.mined();
    assert_eq!(mined.len(), 1);
    assert!(mined[0].success && mined[0].condition_id.as_deref() == Some(CONDITION), "{mined:?}");
    assert_eq!(dw.relayer.submissions(), 1);
    assert_eq!(w.cash().await, Usd(dec!(160)), "$60 cash + 100 shares × $1");
    assert!(
        matches!(w.redemption().await.unwrap().status, RedemptionStatus::Redeemed { hash, payout, .. } if payout == Usd(dec!(100)) && hash == mined[0].hash)
    );
    run_health_check_with_chain(&w.deps, &dw.chain).await.unwrap();
    assert_eq!((w.node.mined().len(), dw.relayer.submissions()), (1, 1), "nothing more is sent");
    assert_eq!(w.cash().await, Usd(dec!(160)), "booked once");

    // The relayer holds the batch past the check's wait, the check ends (or dies), and the next
    // one follows the same submission: one batch, one transaction, one booking.
    let w = world(0).await;
    let dw = w.deposit_wallet().await;
    dw.relayer.set(|b| b.hold = true);
    let r = run_health_check_with_chain(&w.deps, &dw.chain).await.unwrap();
    assert!(r.redeemed.is_empty() && r.redemptions_waiting == vec![CONDITION.to_string()], "{r:?}");
    assert_eq!(w.cash().await, Usd(dec!(60)), "nothing booked while the batch waits");
    // (The relayer redeemer keeps nothing in memory: what it follows, it finds in the relayer's
    // records, so the next check behaves the same in a new process.)
    run_health_check_with_chain(&w.deps, &dw.chain).await.unwrap();
    assert_eq!(dw.relayer.submissions(), 1, "the waiting batch is not submitted again");
    dw.relayer.release();
    let r = run_health_check_with_chain(&w.deps, &dw.chain).await.unwrap();
    assert_eq!(r.redeemed, vec![CONDITION.to_string()], "{r:?}");
    assert_eq!((w.node.mined().len(), dw.relayer.submissions()), (1, 1));
    assert_eq!(w.cash().await, Usd(dec!(160)));
}
