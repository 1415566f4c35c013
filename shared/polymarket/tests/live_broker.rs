//! The live broker against a fake CLOB on 127.0.0.1: what it signs, what it sends, and when it
//! refuses. The fake checks signatures the way the venue does (it refuses what does not
//! verify), and every request is recorded so each test re-checks what reached the wire.

#![cfg(feature = "live")]

use copycat_core::config::{Config, TradingMode};
use copycat_core::money::{Price, Shares};
use copycat_core::order::{CopyOrder, OrderTicket, TimeInForce};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::{Broker, BrokerError, MarketData};
use copycat_core::signal::SignalKey;
use copycat_core::time::{Clock, ManualClock, from_secs};
use copycat_core::trade::Side;
use copycat_polymarket::live::eip712::{self, Address, Domain, PrivateKey};
use copycat_polymarket::live::fake_clob::{TOKEN, gamma_markets, read_posted_order};
use copycat_polymarket::live::{LiveBroker, PRIVATE_KEY_ENV, l2, order_salt};
use copycat_polymarket::server::{LocalServer, Request, Response};
use copycat_polymarket::{BuildError, Launch, PolymarketClient, RateLimits, venue_with_key};
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Hardhat/Anvil account 0: publicly known, used only against loopback fakes.
const TEST_KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const API_KEY: &str = "5f0c9a3e-1111-4222-8333-944444444444";
/// URL-safe base64 of 32 bytes; the fake's HMAC key.
const API_SECRET: &str = "c2VjcmV0LWtleS1mb3ItdGhlLWZha2UtY2xvYi0wMDE=";
const PASSPHRASE: &str = "fake-passphrase-9d1e4b";

/// A CLOB (plus Gamma and the geoblock check) that verifies what the venue verifies.
struct FakeClob {
    blocked: bool,
    /// `/order` answers 503 this many times before it answers at all.
    order_outages: AtomicUsize,
    /// `/order` fills this many orders and then answers 503 (the answer is lost on the way).
    lost_answers: AtomicUsize,
    /// `/order` refuses every verified order with this status and JSON body.
    refusal: Mutex<Option<(u16, Value)>>,
    /// Orders the venue holds, by order hash (what `GET /order/{hash}` answers).
    held: Mutex<HashMap<String, Value>>,
    /// Orders it accepted, in order (a hash twice would be a second fill).
    accepted: Mutex<Vec<String>>,
    requests: Mutex<Vec<Request>>,
}

impl FakeClob {
    fn new(blocked: bool, order_outages: usize) -> Arc<FakeClob> {
        Arc::new(FakeClob {
            blocked,
            order_outages: AtomicUsize::new(order_outages),
            lost_answers: AtomicUsize::new(0),
            refusal: Mutex::new(None),
            held: Mutex::new(HashMap::new()),
            accepted: Mutex::new(vec![]),
            requests: Mutex::new(vec![]),
        })
    }

    fn losing_answers(n: usize) -> Arc<FakeClob> {
        let fake = FakeClob::new(false, 0);
        fake.lost_answers.store(n, Ordering::SeqCst);
        fake
    }

    fn refusing(status: u16, body: Value) -> Arc<FakeClob> {
        let fake = FakeClob::new(false, 0);
        *fake.refusal.lock().unwrap() = Some((status, body));
        fake
    }

    fn accepted(&self) -> Vec<String> {
        self.accepted.lock().unwrap().clone()
    }

    fn lookups(&self) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path.starts_with("/order/")).collect()
    }

    /// Accepts and fills a verified order (every share at its limit price); its hash.
    fn fill(&self, body: &Value) -> String {
        let order = read_posted_order(body).expect("verified");
        let hash = format!("0x{}", hex::encode(Domain::exchange(eip712::POLYGON, false).signing_hash(&order.struct_hash())));
        let (shares, usd) = if order.side == eip712::SIDE_BUY {
            (order.taker_amount, order.maker_amount)
        } else {
            (order.maker_amount, order.taker_amount)
        };
        let record = json!({
            "id": hash, "status": "MATCHED", "side": body["order"]["side"], "asset_id": body["order"]["tokenId"],
            "original_size": (shares as f64 / 1e6).to_string(), "size_matched": (shares as f64 / 1e6).to_string(),
            "price": (usd as f64 / shares as f64).to_string(), "order_type": body["orderType"], "associate_trades": ["trade-1"],
        });
        self.held.lock().unwrap().insert(hash.clone(), record);
        self.accepted.lock().unwrap().push(hash.clone());
        hash
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    fn paths(&self) -> Vec<String> {
        self.requests().iter().map(|r| r.path.clone()).collect()
    }

    fn orders(&self) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path == "/order").collect()
    }

    fn answer(&self, r: &Request) -> Response {
        self.requests.lock().unwrap().push(r.clone());
        match r.path.as_str() {
            "/api/geoblock" => Response::json(
                json!({"blocked": self.blocked, "ip": "127.0.0.1", "country": if self.blocked { "US" } else { "IE" }, "region": "x"})
                    .to_string(),
            ),
            "/markets" => Response::json(gamma_markets().to_string()),
            "/fee-rate" => Response::json(json!({"base_fee": 200}).to_string()),
            "/neg-risk" => Response::json(json!({"neg_risk": false}).to_string()),
            "/auth/derive-api-key" => match l1_signer(r) {
                Some(_) => Response::json(json!({"apiKey": API_KEY, "secret": API_SECRET, "passphrase": PASSPHRASE}).to_string()),
                None => Response::error(401, "Invalid L1 Request headers"),
            },
            "/balance-allowance/update" if l2_verifies(r) => Response::json(""),
            "/order" if self.order_outages.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() => {
                Response::error(503, "upstream unavailable")
            }
            "/order" if l2_verifies(r) => {
                let body: Value = serde_json::from_slice(&r.body).unwrap_or_default();
                let Some(signer) = order_signer(&body) else { return Response::error(400, "invalid order signature") };
                if signer.checksummed() != body["order"]["maker"] {
                    return Response::error(400, "the order is not signed by its maker");
                }
                if let Some((status, answer)) = self.refusal.lock().unwrap().clone() {
                    return Response { status, ..Response::json(answer.to_string()) };
                }
                let hash = self.fill(&body);
                if self.lost_answers.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() {
                    return Response::error(503, "upstream timed out");
                }
                let o = &body["order"];
                let units = |k: &str| o[k].as_str().and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0) / 1e6;
                Response::json(
                    json!({
                        "success": true, "errorMsg": "", "orderID": hash,
                        "status": "matched", "makingAmount": units("makerAmount").to_string(), "takingAmount": units("takerAmount").to_string(),
                    })
                    .to_string(),
                )
            }
            p if p.starts_with("/order/") && l2_verifies(r) => match self.held.lock().unwrap().get(&p["/order/".len()..]) {
                Some(record) => Response::json(record.to_string()),
                None => Response::error(404, "order not found"),
            },
            "/balance-allowance/update" | "/order" => Response::error(401, "Unauthorized/Invalid api key"),
            _ => Response::error(404, "no such route"),
        }
    }
}

/// The address an L1 request's `ClobAuth` signature recovers to, if it is the one it claims.
fn l1_signer(r: &Request) -> Option<Address> {
    let claimed = Address::parse(r.header("POLY_ADDRESS")?).ok()?;
    let nonce: u64 = r.header("POLY_NONCE")?.parse().ok()?;
    let hash = eip712::clob_auth_hash(claimed, r.header("POLY_TIMESTAMP")?, nonce, eip712::POLYGON);
    let signer = eip712::recover(&hash, &eip712::parse_signature(r.header("POLY_SIGNATURE")?)?)?;
    (signer == claimed).then_some(signer)
}

/// Whether a request's L2 headers verify with the fake's API secret.
fn l2_verifies(r: &Request) -> bool {
    let (Some(ts), Some(sig)) = (r.header("POLY_TIMESTAMP").and_then(|t| t.parse().ok()), r.header("POLY_SIGNATURE")) else {
        return false;
    };
    let body = String::from_utf8_lossy(&r.body);
    r.header("POLY_API_KEY") == Some(API_KEY)
        && r.header("POLY_PASSPHRASE") == Some(PASSPHRASE)
        && l2::signature(API_SECRET, ts, &r.method, &r.path, &body).as_deref() == Ok(sig)
}

/// The address a posted order's EIP-712 signature recovers to (ordinary-market domain).
fn order_signer(body: &Value) -> Option<Address> {
    let order = read_posted_order(body)?;
    let hash = Domain::exchange(eip712::POLYGON, false).signing_hash(&order.struct_hash());
    eip712::recover(&hash, &eip712::parse_signature(body["order"]["signature"].as_str()?)?)
}

struct World {
    fake: Arc<FakeClob>,
    _server: LocalServer,
    config: Config,
    clock: Arc<ManualClock>,
    market: Arc<dyn MarketData>,
}

async fn world(fake: Arc<FakeClob>) -> World {
    logs();
    let handler = fake.clone();
    let server = LocalServer::start(0, Arc::new(move |r: &Request| handler.answer(r))).await.unwrap();
    let mut config = Config::default();
    config.venue.gamma_url = server.url();
    config.venue.clob_url = server.url();
    config.venue.max_retries = 0;
    config.trading.geoblock_url = format!("{}/api/geoblock", server.url());
    config.trading.mode = TradingMode::Live;
    config.trading.live_confirmed = true;
    let clock = Arc::new(ManualClock::new(from_secs(1_796_083_200))); // 2026-12-01T00:00:00Z
    let limits = Arc::new(RateLimits::new(&config.venue));
    let market: Arc<dyn MarketData> = Arc::new(PolymarketClient::with_parts(&config.venue, limits, clock.clone()).unwrap());
    World { fake, _server: server, config, clock, market }
}

impl World {
    fn broker(&self) -> LiveBroker {
        LiveBroker::new(&self.config, self.market.clone(), self.clock.clone(), TEST_KEY).unwrap()
    }
}

fn copy_order(key: &str) -> CopyOrder {
    CopyOrder {
        key: SignalKey(key.into()),
        token_id: TOKEN.into(),
        side: Side::Buy,
        shares: Shares(dec!(10.237)),
        limit_price: Price(dec!(0.537)),
        time_in_force: TimeInForce::Fok,
    }
}

const KEY_A: &str = "0123456789abcdef0123456789abcdef";
const KEY_B: &str = "fedcba9876543210fedcba9876543210";

#[tokio::test]
async fn order_signature_recovers_to_the_wallet_and_l2_headers_verify() {
    let w = world(FakeClob::new(false, 0)).await;
    let broker = w.broker();
    let wallet = PrivateKey::from_hex(TEST_KEY).unwrap().address();
    assert_eq!(broker.address(), wallet);

    let fill = broker.place(&copy_order(KEY_A)).await.unwrap();

    // Rounded to the tick (0.537 → 0.53 for a buy) and the lot (10.237 → 10.23 shares).
    assert_eq!(fill.shares, Shares(dec!(10.23)));
    assert_eq!(fill.avg_price, Price(dec!(0.53)));
    assert_eq!(fill.fee, taker_fee(Shares(dec!(10.23)), Price(dec!(0.53)), dec!(0.02)));
    assert!(fill.order_id.starts_with("0x"), "{}", fill.order_id);

    // Geoblock first, then keys, then the allowance, then the order.
    let paths = w.fake.paths();
    let at = |p: &str| paths.iter().position(|x| x == p).unwrap_or_else(|| panic!("{p} never asked: {paths:?}"));
    assert_eq!(at("/api/geoblock"), 0, "{paths:?}");
    assert!(at("/auth/derive-api-key") < at("/balance-allowance/update"), "{paths:?}");
    assert!(at("/balance-allowance/update") < at("/order"), "{paths:?}");

    let orders = w.fake.orders();
    assert_eq!(orders.len(), 1);
    let body: Value = serde_json::from_slice(&orders[0].body).unwrap();
    let order = read_posted_order(&body).expect("the posted order has every V2 field");
    assert_eq!(order_signer(&body), Some(wallet), "the EIP-712 signature recovers to the configured wallet");
    assert_eq!((order.maker, order.signer), (wallet, wallet));
    assert_eq!((order.maker_amount, order.taker_amount), (5_421_900, 10_230_000));
    assert_eq!(order.salt, order_salt(&SignalKey(KEY_A.into())));
    assert_eq!(order.timestamp_ms, w.clock.now().timestamp_millis() as u64);
    assert_eq!((body["orderType"].as_str(), body["owner"].as_str()), (Some("FOK"), Some(API_KEY)));
    // Signed for the other exchange's domain, the same order would not recover to the wallet.
    let neg_risk = Domain::exchange(eip712::POLYGON, true).signing_hash(&order.struct_hash());
    let sig = eip712::parse_signature(body["order"]["signature"].as_str().unwrap()).unwrap();
    assert_ne!(eip712::recover(&neg_risk, &sig), Some(wallet));

    // Every trading request carries L2 headers that verify with the issued secret, and only with it.
    for r in w.fake.requests().iter().filter(|r| r.path == "/balance-allowance/update" || r.path == "/order") {
        assert!(l2_verifies(r), "{} {}", r.method, r.path);
        assert_eq!(r.header("POLY_ADDRESS"), Some(wallet.checksummed().as_str()));
        let ts = r.header("POLY_TIMESTAMP").unwrap().parse().unwrap();
        let forged =
            l2::signature("b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0xMjM0NTY=", ts, &r.method, &r.path, &String::from_utf8_lossy(&r.body));
        assert_ne!(forged.as_deref().ok(), r.header("POLY_SIGNATURE"));
    }
}

#[tokio::test]
async fn a_geoblocked_host_refuses_to_trade() {
    let w = world(FakeClob::new(true, 0)).await;
    let broker = w.broker();

    let start = broker.start().await;
    let placed = broker.place(&copy_order(KEY_A)).await;

    assert!(matches!(start, Err(copycat_polymarket::live::LiveError::Geoblocked { ref country, .. }) if country == "US"), "{start:?}");
    let placed = placed.unwrap_err();
    assert_eq!(placed, BrokerError::Geoblocked { country: "US".into(), region: "x".into() });
    assert_eq!((placed.code(), placed.is_retryable()), ("geoblocked", false));
    assert!(placed.to_string().contains("eu-west-1"), "the operator is told what to do: {placed}");
    let paths = w.fake.paths();
    assert!(paths.iter().all(|p| p == "/api/geoblock"), "nothing but the geoblock check was asked: {paths:?}");
}

#[tokio::test]
async fn not_enough_balance_is_insufficient_funds_and_refreshes_the_allowance_before_the_next_order() {
    // What the CLOB answers an order the wallet cannot pay for.
    let w = world(FakeClob::refusing(400, json!({"error": "not enough balance / allowance"}))).await;
    let broker = w.broker();

    let refused = broker.place(&copy_order(KEY_A)).await.unwrap_err();
    let _ = broker.place(&copy_order(KEY_B)).await;

    assert!(
        matches!(refused, BrokerError::InsufficientFunds { ref reason } if reason.contains("not enough balance / allowance")),
        "{refused:?}"
    );
    assert_eq!((refused.code(), refused.is_retryable()), ("insufficient_funds", false));
    assert!(refused.to_string().contains("deposit pUSD or refresh allowances"), "{refused}");
    let paths = w.fake.paths();
    let refreshes: Vec<usize> = paths.iter().enumerate().filter(|(_, p)| *p == "/balance-allowance/update").map(|(i, _)| i).collect();
    let orders: Vec<usize> = paths.iter().enumerate().filter(|(_, p)| *p == "/order").map(|(i, _)| i).collect();
    assert_eq!((refreshes.len(), orders.len()), (2, 2), "{paths:?}");
    assert!(orders[0] < refreshes[1] && refreshes[1] < orders[1], "the allowance is re-read before the next order: {paths:?}");
}

#[tokio::test]
async fn an_order_under_the_minimum_size_is_below_minimum_at_the_venue_or_before_it() {
    let w = world(FakeClob::refusing(400, json!({"error": "order 0xabc is invalid. Size (10.23) lower than the minimum: 15"}))).await;
    let broker = w.broker();

    let at_venue = broker.place(&copy_order(KEY_A)).await.unwrap_err();
    // Under the market's own minimum (5 shares): refused here, never sent.
    let small = CopyOrder { shares: Shares(dec!(4.999)), ..copy_order(KEY_B) };
    let local = broker.place(&small).await.unwrap_err();

    assert!(matches!(at_venue, BrokerError::BelowMinimum { ref reason } if reason.contains("lower than the minimum")), "{at_venue:?}");
    assert!(matches!(local, BrokerError::BelowMinimum { ref reason } if reason.contains("minimum order of 5")), "{local:?}");
    assert_eq!((local.code(), local.is_retryable()), ("below_minimum", false));
    assert_eq!(w.fake.orders().len(), 1, "the order under the market's minimum was not sent");
}

#[tokio::test]
async fn another_refusal_is_rejected_with_the_venue_code() {
    let status = world(FakeClob::refusing(400, json!({"error": "invalid post-only order: order crosses book"}))).await;
    // The CLOB documents `{"error": …}`; a code in the body, when there is one, is kept instead.
    let coded = world(FakeClob::refusing(400, json!({"error": "order is duplicated", "code": "INVALID_ORDER_DUPLICATED"}))).await;

    let by_status = status.broker().place(&copy_order(KEY_A)).await.unwrap_err();
    let by_code = coded.broker().place(&copy_order(KEY_A)).await.unwrap_err();

    assert!(
        matches!(by_status, BrokerError::Rejected { code: Some(ref c), ref reason } if c == "400" && reason.contains("crosses book")),
        "{by_status:?}"
    );
    assert_eq!((by_status.code(), by_status.is_retryable()), ("rejected", false));
    assert!(by_status.to_string().contains("400"), "{by_status}");
    assert!(matches!(by_code, BrokerError::Rejected { code: Some(ref c), .. } if c == "INVALID_ORDER_DUPLICATED"), "{by_code:?}");
}

#[tokio::test]
async fn a_retried_copy_is_the_same_order_and_fills_once() {
    let w = world(FakeClob::new(false, 1)).await;
    let broker = w.broker();
    let order = copy_order(KEY_A);

    let first = broker.place(&order).await;
    w.clock.advance(copycat_core::time::Span::seconds(5));
    let second = broker.place(&order).await.unwrap();
    let third = broker.place(&order).await.unwrap();

    assert!(matches!(first, Err(BrokerError::Unavailable(_))), "{first:?}");
    let orders = w.fake.orders();
    assert_eq!(orders.len(), 2, "one outage, one retry, then the fill is remembered");
    assert_eq!(orders[0].body, orders[1].body, "the retry re-sends the same signed order, byte for byte");
    assert_eq!(w.fake.lookups().len(), 1, "the retry asked the venue for the order before sending it again");
    assert_eq!(third, second);

    // Another signal is another order, with another salt.
    broker.place(&copy_order(KEY_B)).await.unwrap();
    let salts: Vec<u64> =
        w.fake.orders().iter().map(|r| serde_json::from_slice::<Value>(&r.body).unwrap()["order"]["salt"].as_u64().unwrap()).collect();
    assert_eq!(salts[0], salts[1]);
    assert_ne!(salts[1], salts[2]);

    // A fresh process (another broker) signing the same signal uses the same salt.
    let again = world(FakeClob::new(false, 0)).await;
    again.broker().place(&order).await.unwrap();
    let salt = serde_json::from_slice::<Value>(&again.fake.orders()[0].body).unwrap()["order"]["salt"].as_u64();
    assert_eq!(salt, Some(salts[0]));
}

#[tokio::test]
async fn an_order_whose_answer_was_lost_is_settled_by_the_next_process_never_sent_twice() {
    let w = world(FakeClob::losing_answers(1)).await;
    let order = copy_order(KEY_A);
    // This process signs the order (the copier writes the ticket into the signal's claim), sends
    // it, and the venue fills it, but the answer is lost: its fate is unknown here.
    let dying = w.broker();
    let ticket = dying.prepare(&order).await.unwrap().expect("the live broker needs its ticket kept");
    let lost = dying.place_prepared(&order, Some(&ticket)).await;
    assert!(matches!(lost, Err(BrokerError::Unavailable(_))), "{lost:?}");

    // A minute later another process takes the claim over with the ticket from it.
    w.clock.advance(copycat_core::time::Span::seconds(60));
    let next = w.broker();
    let resigned = next.prepare(&order).await.unwrap().unwrap();
    let fill = next.place_prepared(&order, Some(&ticket)).await.unwrap();

    assert_eq!(w.fake.accepted().len(), 1, "one order reached the book: {:?}", w.fake.accepted());
    assert_eq!(w.fake.orders().len(), 1, "the settling process never sent it again");
    assert_eq!((fill.shares, fill.avg_price), (Shares(dec!(10.23)), Price(dec!(0.53))), "the fill the venue holds");
    assert_eq!(fill.order_id, w.fake.accepted()[0]);
    let lookups = w.fake.lookups();
    assert_eq!(lookups.len(), 1);
    assert_eq!(lookups[0].path, format!("/order/{}", w.fake.accepted()[0]));
    assert!(l2_verifies(&lookups[0]), "the lookup carries L2 headers that verify");
    // Why the ticket matters: signing the same signal again a minute later is another order.
    assert_ne!(resigned, ticket, "a V2 order signs its creation time: re-signing makes a new order hash");
}

#[tokio::test]
async fn a_ticket_never_sent_is_sent_once_by_the_next_process() {
    let w = world(FakeClob::new(false, 0)).await;
    let order = copy_order(KEY_A);
    // The first process wrote its ticket and died before sending it.
    let ticket: OrderTicket = w.broker().prepare(&order).await.unwrap().unwrap();
    assert!(w.fake.orders().is_empty());

    let fill = w.broker().place_prepared(&order, Some(&ticket)).await.unwrap();

    assert_eq!(w.fake.lookups().len(), 1, "asked first");
    assert_eq!(w.fake.accepted().len(), 1);
    assert_eq!(fill.shares, Shares(dec!(10.23)));
    let sent: Value = serde_json::from_slice(&w.fake.orders()[0].body).unwrap();
    let ticket_order: Value = serde_json::from_str::<Value>(&ticket.0).unwrap()["order"].clone();
    assert_eq!(sent["order"], ticket_order, "the order sent is the one in the ticket, signature and all");
}

#[tokio::test]
async fn concurrent_places_of_one_signal_send_one_order() {
    let w = world(FakeClob::new(false, 0)).await;
    let broker = w.broker();
    let order = copy_order(KEY_A);

    let (a, b) = tokio::join!(broker.place(&order), broker.place(&order));

    assert_eq!(a.unwrap(), b.unwrap());
    assert_eq!(w.fake.orders().len(), 1);
}

/// Everything `tracing` writes in this test binary, at every level (one global subscriber,
/// installed by the first test that builds a world, so every test's logs land here).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn logs() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let sink = logs.clone();
        let subscriber =
            tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_ansi(false).with_writer(move || sink.clone()).finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other subscriber in this test binary");
        logs
    })
}

#[tokio::test]
async fn keys_never_appear_in_debug_output_or_logs() {
    let w = world(FakeClob::new(false, 0)).await;
    let broker = w.broker();
    broker.place(&copy_order(KEY_A)).await.unwrap();
    let bad_key = BuildError::LiveKey { variable: PRIVATE_KEY_ENV, reason: PrivateKey::from_hex("0xzz").unwrap_err() };
    let through_guard = venue_with_key(&w.config, w.clock.clone(), Launch::Run { confirmed: true }, Some(TEST_KEY));
    let wrong_key = LiveBroker::new(&w.config, w.market.clone(), w.clock.clone(), &TEST_KEY[..40]).unwrap_err();

    let text = String::from_utf8(logs().0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("live order done"), "the logs were captured: {text}");
    let debug = format!("{broker:?} {:?} {bad_key:?} {bad_key} {wrong_key:?} {wrong_key}", PrivateKey::from_hex(TEST_KEY).unwrap());
    assert!(debug.contains("redacted"), "{debug}");
    assert!(through_guard.is_ok(), "all confirmations given: {:?}", through_guard.err());
    let raw_key = TEST_KEY.trim_start_matches("0x");
    for (what, secret) in
        [("private key", &raw_key[..16]), ("private key tail", &raw_key[48..]), ("API secret", API_SECRET), ("passphrase", PASSPHRASE)]
    {
        assert!(!text.contains(secret), "the {what} is in the logs");
        assert!(!debug.contains(secret), "the {what} is in Debug output: {debug}");
    }
}

#[tokio::test]
async fn live_refuses_to_start_without_its_confirmations() {
    let w = world(FakeClob::new(false, 0)).await;
    let mut unconfirmed = w.config.clone();
    unconfirmed.trading.live_confirmed = false;

    let no_flag = venue_with_key(&w.config, w.clock.clone(), Launch::Run { confirmed: false }, Some(TEST_KEY)).err().map(|e| e.to_string());
    let no_config = venue_with_key(&unconfirmed, w.clock.clone(), Launch::Lambda, Some(TEST_KEY)).err().map(|e| e.to_string());
    let no_key = venue_with_key(&w.config, w.clock.clone(), Launch::Lambda, None).err().map(|e| e.to_string());

    assert!(no_flag.as_deref().is_some_and(|e| e.contains("--i-understand-this-trades-real-money")), "{no_flag:?}");
    assert!(no_config.as_deref().is_some_and(|e| e.contains("trading.live_confirmed")), "{no_config:?}");
    assert!(no_key.as_deref().is_some_and(|e| e.contains(PRIVATE_KEY_ENV)), "{no_key:?}");
    assert!(w.fake.requests().is_empty(), "a refused start asks the venue nothing");
}
