//! Every signature type against the fake CLOB (`live::fake_clob`), which checks what the venue
//! checks: each type's orders are accepted when the account is set up right, and each way of
//! setting it up wrong is refused with the venue's text and typed for the operator.

#![cfg(feature = "live")]

use copycat_core::config::{Config, SignatureType, TradingMode};
use copycat_core::money::{Price, Shares};
use copycat_core::order::{CopyOrder, TimeInForce};
use copycat_core::ports::{Broker, BrokerError, MarketData};
use copycat_core::signal::SignalKey;
use copycat_core::time::{ManualClock, from_secs};
use copycat_core::trade::Side;
use copycat_polymarket::live::account::{Account, OrderTerms};
use copycat_polymarket::live::eip712::{self, Address, Domain, PrivateKey};
use copycat_polymarket::live::fake_clob::{FakeClob, FakeClobSetup, Funds, TOKEN, read_posted_order};
use copycat_polymarket::live::{LiveBroker, l2};
use copycat_polymarket::server::{LocalServer, Request};
use copycat_polymarket::{BuildError, PolymarketClient, RateLimits};
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// Hardhat/Anvil account 0: publicly known, used only against loopback fakes.
const TEST_KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
/// A deposit wallet the fake's EIP-1271 stand-in says the test key owns.
const DEPOSIT_WALLET: &str = "0x1111111111111111111111111111111111111111";
const PLENTY: Funds = Funds { balance: 1_000_000_000, allowance: u128::MAX };

fn key_address() -> Address {
    PrivateKey::from_hex(TEST_KEY).unwrap().address()
}

fn deposit_wallet() -> Address {
    Address::parse(DEPOSIT_WALLET).unwrap()
}

/// The funder each type trades from with the test key, as the factories make them.
fn funder(t: SignatureType) -> Address {
    match t {
        SignatureType::Eoa => key_address(),
        SignatureType::PolyProxy => eip712::proxy_wallet_of(key_address()),
        SignatureType::PolyGnosisSafe => eip712::safe_of(key_address()),
        SignatureType::Poly1271 => deposit_wallet(),
    }
}

/// A venue where the test key's account of type `t` is set up right, funded with `funds`.
fn venue_for(t: SignatureType, funds: Funds) -> FakeClobSetup {
    let mut setup = FakeClobSetup { funds: HashMap::from([(funder(t), funds)]), ..FakeClobSetup::default() };
    if t == SignatureType::Poly1271 {
        setup.deposit_wallets.insert(deposit_wallet(), key_address());
    }
    setup
}

struct World {
    fake: Arc<FakeClob>,
    _server: LocalServer,
    config: Config,
    clock: Arc<ManualClock>,
    market: Arc<dyn MarketData>,
}

async fn world(setup: FakeClobSetup, t: SignatureType, funder: Option<Address>) -> World {
    let fake = FakeClob::new(setup);
    let server = LocalServer::start(0, fake.handler()).await.unwrap();
    let mut config = Config::default();
    config.venue.gamma_url = server.url();
    config.venue.clob_url = server.url();
    config.venue.max_retries = 0;
    config.trading.geoblock_url = format!("{}/api/geoblock", server.url());
    config.trading.mode = TradingMode::Live;
    config.trading.live_confirmed = true;
    config.trading.signature_type = t;
    config.trading.funder = funder.map(|f| f.checksummed());
    let clock = Arc::new(ManualClock::new(from_secs(1_796_083_200)));
    let limits = Arc::new(RateLimits::new(&config.venue));
    let market: Arc<dyn MarketData> = Arc::new(PolymarketClient::with_parts(&config.venue, limits, clock.clone()).unwrap());
    World { fake, _server: server, config, clock, market }
}

impl World {
    fn broker(&self) -> LiveBroker {
        LiveBroker::new(&self.config, self.market.clone(), self.clock.clone(), TEST_KEY).unwrap()
    }

    fn posted(&self) -> Vec<Value> {
        self.fake.requests().iter().filter(|r| r.path == "/order").map(|r| serde_json::from_slice(&r.body).unwrap()).collect()
    }
}

fn copy_order(key: &str) -> CopyOrder {
    CopyOrder {
        key: SignalKey(key.into()),
        token_id: TOKEN.into(),
        side: Side::Buy,
        shares: Shares(dec!(10)),
        limit_price: Price(dec!(0.5)),
        time_in_force: TimeInForce::Fok,
    }
}

const KEY_A: &str = "0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn every_signature_type_places_an_order_the_venue_accepts() {
    for t in SignatureType::ALL {
        let funder_cfg = (t != SignatureType::Eoa).then(|| funder(t));
        let w = world(venue_for(t, PLENTY), t, funder_cfg).await;

        let fill = w.broker().place(&copy_order(KEY_A)).await;

        let fill = fill.unwrap_or_else(|e| panic!("type {t}: {e}"));
        assert_eq!((fill.shares, fill.avg_price), (Shares(dec!(10)), Price(dec!(0.5))), "type {t}");
        assert_eq!(w.fake.accepted().len(), 1, "type {t}");
        let body = &w.posted()[0];
        let order = read_posted_order(body).unwrap();
        let signer = if t == SignatureType::Poly1271 { deposit_wallet() } else { key_address() };
        assert_eq!((order.maker, order.signer, order.signature_type), (funder(t), signer, t.code()), "type {t}");
        // The API key the broker used is the key's own, for every type (as the official clients derive it).
        let api_key = body["owner"].as_str().unwrap();
        assert_eq!(w.fake.key_address(api_key), Some(key_address()), "type {t}");
        // Every balance/allowance call names the configured signature type.
        let refreshes: Vec<Request> = w.fake.requests().into_iter().filter(|r| r.path.starts_with("/balance-allowance")).collect();
        assert!(!refreshes.is_empty(), "type {t}");
        for r in refreshes {
            assert_eq!(r.param("signature_type"), Some(t.code().to_string().as_str()), "type {t}");
        }
    }
}

#[tokio::test]
async fn a_plain_wallet_order_from_a_deposit_wallet_owner_is_refused_with_the_venue_text_and_advice() {
    // The key owns a deposit wallet, but the config still says EOA.
    let mut setup = venue_for(SignatureType::Poly1271, PLENTY);
    setup.funds.insert(key_address(), PLENTY);
    let w = world(setup, SignatureType::Eoa, None).await;

    let e = w.broker().place(&copy_order(KEY_A)).await.unwrap_err();

    assert!(
        matches!(e, BrokerError::Rejected { code: Some(ref c), ref reason }
            if c == "deposit_wallet_required" && reason.contains("maker address not allowed, please use the deposit wallet flow")
                && reason.contains("signature_type = 3")),
        "{e:?}"
    );
    assert!(!e.is_retryable());
    assert!(w.fake.accepted().is_empty());
}

#[tokio::test]
async fn a_proxy_funder_the_factory_did_not_make_for_this_key_is_an_invalid_signature() {
    let mut setup = venue_for(SignatureType::PolyProxy, PLENTY);
    setup.funds.insert(deposit_wallet(), PLENTY);
    let w = world(setup, SignatureType::PolyProxy, Some(deposit_wallet())).await;

    let e = w.broker().place(&copy_order(KEY_A)).await.unwrap_err();

    assert!(
        matches!(e, BrokerError::Rejected { code: Some(ref c), ref reason } if c == "invalid_signature" && reason.contains("trading.funder")),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_deposit_wallet_the_key_does_not_own_is_refused_as_not_the_api_keys_signer() {
    // The wallet holds funds, but the venue knows another owner for it.
    let mut setup = FakeClobSetup { funds: HashMap::from([(deposit_wallet(), PLENTY)]), ..FakeClobSetup::default() };
    setup.deposit_wallets.insert(deposit_wallet(), other_key_address());
    let w = world(setup, SignatureType::Poly1271, Some(deposit_wallet())).await;

    let e = w.broker().place(&copy_order(KEY_A)).await.unwrap_err();

    assert!(
        matches!(e, BrokerError::Rejected { code: Some(ref c), ref reason }
            if c == "signer_not_api_key" && reason.contains("the order signer address has to be the address of the API KEY")
                && reason.contains("trading.funder")),
        "{e:?}"
    );
    assert!(w.fake.accepted().is_empty());
}

#[tokio::test]
async fn an_unfunded_account_of_any_type_is_insufficient_funds() {
    for t in SignatureType::ALL {
        let funder_cfg = (t != SignatureType::Eoa).then(|| funder(t));
        let w = world(venue_for(t, Funds { balance: 0, allowance: 0 }), t, funder_cfg).await;

        let e = w.broker().place(&copy_order(KEY_A)).await.unwrap_err();

        assert!(
            matches!(e, BrokerError::InsufficientFunds { ref reason } if reason.contains("not enough balance / allowance")),
            "{t}: {e:?}"
        );
    }
}

#[tokio::test]
async fn a_funder_that_does_not_fit_the_type_is_a_config_error_before_any_request() {
    let w = world(FakeClobSetup::default(), SignatureType::Eoa, Some(deposit_wallet())).await;

    let e = LiveBroker::new(&w.config, w.market.clone(), w.clock.clone(), TEST_KEY).unwrap_err();

    assert!(matches!(e, BuildError::Config(ref c) if c.to_string().contains("trading.funder")), "{e}");
    let short = LiveBroker::new(&w.config, w.market.clone(), w.clock.clone(), &TEST_KEY[..30]).unwrap_err();
    assert!(matches!(short, BuildError::LiveKey { ref reason, .. } if reason.contains("a private key is 32")), "{short}");
    assert!(w.fake.requests().is_empty());
}

/// Hardhat/Anvil account 1: another publicly known key.
const OTHER_KEY: &str = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

fn other_key_address() -> Address {
    PrivateKey::from_hex(OTHER_KEY).unwrap().address()
}

/// Asks the fake venue (directly) for an API key with a `ClobAuth` naming `named`, signed by
/// `key`: its status and, when issued, the credentials.
fn derive(fake: &FakeClob, key: &str, named: Address) -> (u16, Option<(String, String, String)>) {
    let ts = "1796083200";
    let sig = PrivateKey::from_hex(key).unwrap().sign_hash(&eip712::clob_auth_hash(named, ts, 0, eip712::POLYGON)).unwrap();
    let headers = [
        ("poly_address", named.lower()),
        ("poly_signature", format!("0x{}", hex::encode(sig))),
        ("poly_timestamp", ts.into()),
        ("poly_nonce", "0".into()),
    ];
    let r = Request {
        method: "GET".into(),
        path: "/auth/derive-api-key".into(),
        headers: headers.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        ..Request::default()
    };
    let a = fake.answer(&r);
    let v: Value = serde_json::from_slice(&a.body).unwrap_or_default();
    let creds = v["apiKey"]
        .as_str()
        .map(|k| (k.to_owned(), v["secret"].as_str().unwrap().to_owned(), v["passphrase"].as_str().unwrap().to_owned()));
    (a.status, creds)
}

/// A key's own API credentials (the fake venue's own refusals are then asked directly).
fn l1(fake: &FakeClob, key: &str) -> (String, String, String) {
    let address = PrivateKey::from_hex(key).unwrap().address();
    derive(fake, key, address).1.expect("a key signing for itself gets credentials")
}

fn post(fake: &FakeClob, creds: &(String, String, String), from: Address, order: Value) -> (u16, String) {
    let body = json!({"order": order, "owner": creds.0, "orderType": "FOK"}).to_string();
    let c = l2::ApiCreds { key: creds.0.clone(), secret: creds.1.clone(), passphrase: creds.2.clone() };
    let headers = l2::headers(&c, &from.checksummed(), 1_796_083_200, "POST", "/order", &body).unwrap();
    let r = Request {
        method: "POST".into(),
        path: "/order".into(),
        headers: headers.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect(),
        body: body.into_bytes(),
        ..Request::default()
    };
    let a = fake.answer(&r);
    let v: Value = serde_json::from_slice(&a.body).unwrap_or_default();
    (a.status, v["error"].as_str().unwrap_or_default().to_owned())
}

fn signed_json(t: SignatureType, funder: Option<Address>) -> Value {
    let trading = copycat_core::config::TradingConfig { signature_type: t, funder: funder.map(|f| f.checksummed()), ..Default::default() };
    let account = Account::new(&trading, TEST_KEY).unwrap();
    let order = account.order(OrderTerms {
        salt: 1,
        token_id: eip712::u256_from_decimal(TOKEN).unwrap(),
        maker_amount: 5_000_000,
        taker_amount: 10_000_000,
        side: eip712::SIDE_BUY,
        timestamp_ms: 1_796_083_200_000,
    });
    let sig = account.sign_order(&order, &Domain::exchange(eip712::POLYGON, false)).unwrap();
    json!({
        "salt": order.salt, "maker": order.maker.checksummed(), "signer": order.signer.checksummed(), "tokenId": TOKEN,
        "makerAmount": order.maker_amount.to_string(), "takerAmount": order.taker_amount.to_string(), "side": "BUY",
        "expiration": "0", "signatureType": order.signature_type, "timestamp": order.timestamp_ms.to_string(),
        "metadata": format!("0x{}", "0".repeat(64)), "builder": format!("0x{}", "0".repeat(64)),
        "signature": format!("0x{}", hex::encode(sig)),
    })
}

#[test]
fn a_deposit_wallet_order_is_taken_only_under_the_api_key_of_the_wallets_owner() {
    let fake = FakeClob::new(venue_for(SignatureType::Poly1271, PLENTY));
    let order = signed_json(SignatureType::Poly1271, Some(deposit_wallet()));
    // Under another key's API credentials: refused as the venue does.
    let stranger = l1(&fake, OTHER_KEY);
    let (status, error) = post(&fake, &stranger, other_key_address(), order.clone());
    assert_eq!((status, error.as_str()), (400, "the order signer address has to be the address of the API KEY"));
    // Under the owner's: accepted.
    let owner = l1(&fake, TEST_KEY);
    assert_eq!(post(&fake, &owner, key_address(), order), (200, String::new()));
    // A ClobAuth naming the deposit wallet, signed by its owner, gets no key (as the venue answers it).
    let (status, creds) = derive(&fake, TEST_KEY, deposit_wallet());
    assert_eq!((status, creds), (401, None));
}

#[test]
fn a_v1_shaped_order_is_an_invalid_order_version() {
    let fake = FakeClob::new(venue_for(SignatureType::Eoa, PLENTY));
    let creds = l1(&fake, TEST_KEY);
    let mut v1 = signed_json(SignatureType::Eoa, None);
    let o = v1.as_object_mut().unwrap();
    o.remove("timestamp");
    o.insert("nonce".into(), json!("0"));
    o.insert("feeRateBps".into(), json!("0"));

    let (status, error) = post(&fake, &creds, key_address(), v1);

    assert_eq!((status, error.as_str()), (400, "invalid order version"));
    let refusal =
        copycat_polymarket::live::read_placement_answer(status, &json!({"error": error}).to_string(), Side::Buy, dec!(0), from_secs(0));
    let typed: BrokerError = refusal.unwrap_err().into();
    assert!(matches!(typed, BrokerError::Rejected { code: Some(ref c), .. } if c == "order_version"), "{typed:?}");
}

#[test]
fn a_safe_order_whose_maker_is_not_the_keys_safe_is_an_invalid_signature() {
    let fake = FakeClob::new(venue_for(SignatureType::PolyGnosisSafe, PLENTY));
    let creds = l1(&fake, TEST_KEY);
    let right = signed_json(SignatureType::PolyGnosisSafe, Some(funder(SignatureType::PolyGnosisSafe)));
    let wrong = signed_json(SignatureType::PolyGnosisSafe, Some(deposit_wallet()));

    assert_eq!(post(&fake, &creds, key_address(), right).0, 200);
    assert_eq!(post(&fake, &creds, key_address(), wrong), (400, "invalid signature".to_owned()));
}
