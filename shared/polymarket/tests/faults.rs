//! The client against a scripted local venue on a bad day: every fault ends in a typed outcome
//! (and the right breaker-facing `MarketError`), never a panic or an endless loop.

use copycat_core::config::VenueConfig;
use copycat_core::dependency::Dependency;
use copycat_core::market::LeaderboardWindow;
use copycat_core::ports::{MarketData, MarketError};
use copycat_core::time::{ManualClock, Span, from_secs};
use copycat_core::trade::Wallet;
use copycat_polymarket::fixtures::{Fault, ScriptedVenue};
use copycat_polymarket::server::{LocalServer, Response};
use copycat_polymarket::{PolymarketClient, RateLimits, VenueError};
use serde_json::json;
use std::sync::Arc;

const W: &str = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";
const COND: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";

struct Venue {
    server: LocalServer,
    script: Arc<ScriptedVenue>,
    clock: Arc<ManualClock>,
}

async fn venue(script: Arc<ScriptedVenue>) -> Venue {
    let server = LocalServer::start(0, script.handler()).await.unwrap();
    Venue { server, script, clock: Arc::new(ManualClock::new(from_secs(1_780_000_000))) }
}

impl Venue {
    fn config(&self) -> VenueConfig {
        let url = self.server.url();
        VenueConfig {
            data_api_url: url.clone(),
            gamma_url: url.clone(),
            clob_url: url,
            request_timeout_ms: 2_000,
            max_retries: 2,
            retry_base_ms: 5,
            retry_max_ms: 500,
            max_pages: 5,
            ..VenueConfig::default()
        }
    }
    fn client_with(&self, cfg: VenueConfig) -> PolymarketClient {
        PolymarketClient::with_parts(&cfg, Arc::new(RateLimits::new(&cfg)), self.clock.clone()).unwrap()
    }
    fn client(&self) -> PolymarketClient {
        self.client_with(self.config())
    }
}

fn wallet() -> Wallet {
    Wallet::parse(W).unwrap()
}

fn trade_row(ts: i64, cond: &str) -> serde_json::Value {
    json!({"proxy_wallet": W, "side": "BUY", "asset": "42", "condition_id": cond, "size": "10", "price": "0.5",
           "timestamp": ts, "transaction_hash": format!("0x{ts:x}")})
}

fn page(rows: Vec<serde_json::Value>, next: Option<&str>) -> Response {
    Response::json(json!({"data": rows, "pagination": {"has_more": next.is_some(), "next_cursor": next.unwrap_or("")}}).to_string())
}

#[tokio::test]
async fn malformed_body_is_a_bad_response_and_is_not_retried() {
    let v = venue(ScriptedVenue::with_fault(Fault::Malformed)).await;
    let e = v.client().wallet_trades(&wallet(), None, 100).await.unwrap_err();
    assert!(
        matches!(e, MarketError::BadResponse { dependency: Dependency::DataApi, ref reason } if reason.contains("JSON syntax error")),
        "{e}"
    );
    assert!(e.counts_as_failure());
    assert_eq!(v.script.hits("/v2/trades"), 1);
}

#[tokio::test]
async fn truncated_body_is_unavailable_after_every_retry() {
    let v = venue(ScriptedVenue::with_fault(Fault::Truncated)).await;
    let e = v.client().trades_since(&wallet(), None).await.unwrap_err();
    assert!(matches!(e, VenueError::Connection { dependency: Dependency::DataApi, .. }), "{e}");
    assert!(matches!(MarketError::from(e), MarketError::Unavailable { dependency: Dependency::DataApi, .. }));
    assert_eq!(v.script.hits("/v2/trades"), 3, "first attempt and two retries");
}

#[tokio::test]
async fn empty_page_is_no_trades_not_an_error() {
    let v = venue(ScriptedVenue::with_fault(Fault::EmptyPage)).await;
    assert_eq!(v.client().wallet_trades(&wallet(), None, 100).await.unwrap(), vec![]);
    assert_eq!(v.client().wallet_positions(&wallet()).await.unwrap(), vec![]);
}

#[tokio::test]
async fn a_cursor_that_never_ends_stops_at_the_page_bound() {
    let v = venue(ScriptedVenue::with_fault(Fault::EndlessCursor)).await;
    let e = v.client().leaderboard_rows(LeaderboardWindow::Week, 1_000_000).await.unwrap_err();
    assert!(matches!(e, VenueError::TooMany { pages: 5, .. }), "{e}");
    assert_eq!(v.script.hits("/v2/leaderboard"), 5);
    // More rows than we read is not a venue fault: typed, and not counted by the breaker.
    let m = MarketError::from(e);
    assert!(matches!(m, MarketError::TooMuch { dependency: Dependency::DataApi, bound: 5, .. }), "{m}");
    assert!(!m.counts_as_failure());
}

#[tokio::test]
async fn a_repeated_cursor_is_caught_at_once() {
    let script = ScriptedVenue::new();
    script.script("/v2/trades", vec![page(vec![trade_row(1_779_999_000, COND)], Some("same"))]);
    let v = venue(script).await;
    let e = v.client().trades_since(&wallet(), None).await.unwrap_err();
    assert!(matches!(e, VenueError::EndlessPaging { ref reason, .. } if reason.contains("came back twice")), "{e}");
    assert_eq!(v.script.hits("/v2/trades"), 2);
}

#[tokio::test]
async fn retry_after_longer_than_allowed_fails_at_once_with_the_hint() {
    let v = venue(ScriptedVenue::with_fault(Fault::RateLimitedRetryAfter)).await;
    // retry_max_ms is 500 and the venue asks for 1 s: give up now rather than hold the caller.
    let e = v.client().wallet_trades(&wallet(), None, 10).await.unwrap_err();
    assert_eq!(e, MarketError::RateLimited { dependency: Dependency::DataApi, retry_after_ms: Some(1_000) });
    assert_eq!(v.script.hits("/v2/trades"), 1);
}

#[tokio::test]
async fn retry_after_is_honoured_then_the_answer_is_used() {
    let script = ScriptedVenue::new();
    script.script(
        "/v2/trades",
        vec![Response::error(429, "slow down").header("Retry-After", "0"), page(vec![trade_row(1_779_999_000, COND)], None)],
    );
    let v = venue(script).await;
    let client = v.client();
    let trades = client.wallet_trades(&wallet(), None, 10).await.unwrap();
    assert_eq!(trades.len(), 1);
    assert_eq!((v.script.hits("/v2/trades"), client.stats().retries()), (2, 1));
}

#[tokio::test]
async fn rate_limited_without_retry_after_backs_off_then_fails_typed() {
    let v = venue(ScriptedVenue::with_fault(Fault::RateLimited)).await;
    let e = v.client().book("7").await.unwrap_err();
    assert_eq!(e, MarketError::RateLimited { dependency: Dependency::Clob, retry_after_ms: None });
    assert_eq!(v.script.hits("/book"), 3);
}

#[tokio::test]
async fn server_errors_are_retried_and_a_recovery_is_used() {
    let v = venue(ScriptedVenue::with_fault(Fault::ServerError)).await;
    let e = v.client().market_by_token("7").await.unwrap_err();
    assert!(matches!(e, MarketError::Unavailable { dependency: Dependency::Gamma, ref reason } if reason.contains("HTTP 500")), "{e}");
    assert_eq!(v.script.hits("/markets"), 3);

    let script = ScriptedVenue::new();
    let book = json!({"asset_id": "7", "bids": [{"price": "0.4", "size": "5"}], "asks": [{"price": "0.6", "size": "5"}]});
    script.script("/book", vec![Response::error(502, "bad gateway"), Response::json(book.to_string())]);
    let v = venue(script).await;
    assert_eq!(v.client().book("7").await.unwrap().best_ask().unwrap().0.to_string(), "0.6");
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_a_timeout() {
    let v = venue(ScriptedVenue::with_fault(Fault::Slow)).await;
    let cfg = VenueConfig { request_timeout_ms: 150, max_retries: 1, ..v.config() };
    let e = v.client_with(cfg).trades_since(&wallet(), None).await.unwrap_err();
    assert_eq!(e, VenueError::Timeout { dependency: Dependency::DataApi, route: "/v2/trades".into(), timeout_ms: 150 });
    assert!(matches!(MarketError::from(e), MarketError::Unavailable { .. }));
    assert_eq!(v.script.hits("/v2/trades"), 2);
}

#[tokio::test]
async fn an_unknown_book_is_not_found_and_not_a_breaker_failure() {
    let script = ScriptedVenue::new();
    script.script("/book", vec![Response::error(404, "No orderbook exists for the requested token id")]);
    let v = venue(script).await;
    let e = v.client().book("nope").await.unwrap_err();
    assert!(matches!(e, MarketError::NotFound { dependency: Dependency::Clob, .. }), "{e}");
    assert!(!e.counts_as_failure());
    assert_eq!(v.script.hits("/book"), 1);
}

#[tokio::test]
async fn a_refused_request_is_a_bad_response_not_retried() {
    let script = ScriptedVenue::new();
    script.script("/v2/positions", vec![Response::error(400, "status must be OPEN or CLOSED")]);
    let v = venue(script).await;
    let e = v.client().wallet_positions(&wallet()).await.unwrap_err();
    assert!(matches!(e, MarketError::BadResponse { ref reason, .. } if reason.contains("HTTP 400")), "{e}");
    assert_eq!(v.script.hits("/v2/positions"), 1);
}

#[tokio::test]
async fn polls_ask_for_the_lowercase_wallet_skip_combos_and_never_repeat_a_url() {
    let script = ScriptedVenue::new();
    let combo = format!("0x{}", "b".repeat(62));
    script.script(
        "/v2/trades",
        vec![page(vec![trade_row(1_779_999_100, COND), trade_row(1_779_999_050, &combo), trade_row(1_779_999_000, COND)], None)],
    );
    let v = venue(script).await;
    let client = v.client();
    let since = from_secs(1_779_998_000);
    let first = client.wallet_trades(&wallet(), Some(since), 100).await.unwrap();
    assert_eq!(first.len(), 2, "the combo trade is skipped");
    assert!(first[0].timestamp < first[1].timestamp, "oldest first");
    v.clock.advance(Span::seconds(2));
    client.wallet_trades(&wallet(), Some(since), 100).await.unwrap();
    let reqs = v.script.requests();
    assert_eq!(reqs[0].param("user"), Some(W.to_ascii_lowercase().as_str()));
    assert_eq!(reqs[0].param("start"), Some("1779998000"));
    assert_eq!(reqs[0].param("taker_only"), Some("false"));
    assert_ne!(reqs[0].raw_query, reqs[1].raw_query, "the same poll must not hit the CDN's cached URL");
}

#[tokio::test]
async fn v1_bare_arrays_are_paged_by_offset_and_cut_at_a_whole_second() {
    let script = ScriptedVenue::new();
    let v1 = |ts: i64| {
        json!({"proxyWallet": W, "side": "SELL", "asset": "42", "conditionId": COND, "size": 2, "price": 0.25,
               "timestamp": ts, "transactionHash": "0xaa"})
    };
    let bare = |rows: Vec<serde_json::Value>| Response::json(serde_json::Value::Array(rows).to_string());
    script.script("/v2/trades", vec![bare(vec![v1(300), v1(200)]), bare(vec![v1(200), v1(100)]), bare(vec![])]);
    let v = venue(script).await;
    let client = v.client_with(VenueConfig { page_limit: 2, ..v.config() });
    let trades = client.wallet_trades(&wallet(), None, 2).await.unwrap();
    // Oldest first, limit 2 — but the two rows at second 200 stay together, so only 100 fits.
    assert_eq!(trades.iter().map(|t| t.timestamp.timestamp()).collect::<Vec<_>>(), vec![100]);
    let reqs = v.script.requests();
    assert_eq!((reqs[1].param("offset"), reqs[2].param("offset")), (Some("2"), Some("4")));
}

#[tokio::test]
async fn gamma_markets_are_parsed_with_the_clob_fee_and_cached() {
    let script = ScriptedVenue::new();
    let market = json!([{"conditionId": COND, "question": "Rain?", "outcomes": "[\"Yes\", \"No\"]", "outcomePrices": "[\"0.3\", \"0.7\"]",
                         "clobTokenIds": "[\"71\", \"72\"]", "orderPriceMinTickSize": 0.01, "orderMinSize": 5, "acceptingOrders": true,
                         "endDate": "2026-12-31T12:00:00Z", "liquidity": "900", "version": 2}]);
    script.script("/markets", vec![Response::json(market.to_string())]);
    script.script("/fee-rate", vec![Response::json(r#"{"base_fee": 200}"#)]);
    let v = venue(script).await;
    let client = v.client();
    let m = client.market_by_token("72").await.unwrap();
    assert_eq!((m.token_ids.clone(), m.outcome_of("72")), (vec!["71".to_string(), "72".to_string()], Some(1)));
    assert_eq!(m.taker_fee_rate.to_string(), "0.02");
    assert_eq!(m.end_date.unwrap().timestamp(), 1_798_718_400);
    client.market_by_token("71").await.unwrap();
    assert_eq!(v.script.hits("/markets"), 1, "both tokens of the market come from one read");

    let script = ScriptedVenue::new();
    script.script("/markets", vec![Response::json("[]")]);
    let v = venue(script).await;
    assert!(matches!(v.client().market_by_token("9").await, Err(MarketError::NotFound { dependency: Dependency::Gamma, .. })));
}

#[tokio::test]
async fn a_closed_port_is_unavailable() {
    let v = venue(ScriptedVenue::new()).await;
    let url = v.server.url();
    v.server.stop();
    let cfg = VenueConfig {
        data_api_url: url.clone(),
        gamma_url: url.clone(),
        clob_url: url,
        max_retries: 1,
        retry_base_ms: 1,
        ..VenueConfig::default()
    };
    let client = PolymarketClient::with_parts(&cfg, Arc::new(RateLimits::new(&cfg)), v.clock.clone()).unwrap();
    // The server task is aborted; give the runtime a moment to close the listener.
    tokio::task::yield_now().await;
    let e = client.leaderboard(LeaderboardWindow::Day, 5).await.unwrap_err();
    assert!(matches!(e, MarketError::Unavailable { dependency: Dependency::DataApi, .. }), "{e}");
}

#[tokio::test]
async fn a_404_on_a_wallets_trades_is_a_missing_route_not_an_empty_history() {
    let script = ScriptedVenue::new();
    script.script("/trades", vec![Response::error(404, "Not Found")]);
    let v = venue(script).await;
    let wallet = copycat_core::trade::Wallet::parse("0x1111111111111111111111111111111111111111").unwrap();
    let e = v.client().wallet_trades(&wallet, None, 100).await.unwrap_err();
    assert!(!matches!(e, MarketError::NotFound { .. }), "an unknown wallet is an empty list at the Data API, so 404 is not that: {e}");
    assert!(e.counts_as_failure(), "the data-api breaker counts a missing route: {e}");
}

#[tokio::test]
async fn a_closed_page_of_rows_without_size_is_read_not_refused() {
    let script = ScriptedVenue::new();
    let open = json!({"condition_id": COND, "token_id": "42", "status": "OPEN", "current_size": "10", "avg_price": "0.5"});
    // The v1 closed-positions shape seen in captures: totalBought, realizedPnl, curPrice, no size.
    let closed = json!({"proxyWallet": W, "asset": "43", "conditionId": COND, "avgPrice": 0.3, "totalBought": 50,
                        "realizedPnl": 12.5, "curPrice": 1, "outcome": "No"});
    script.script("/v2/positions", vec![page(vec![open], None), page(vec![closed], None)]);
    let v = venue(script).await;
    let positions = v.client().wallet_positions(&wallet()).await.unwrap();
    assert_eq!(positions.len(), 2, "{positions:?}");
    let closed = positions.iter().find(|p| p.token_id == "43").unwrap();
    assert!(closed.closed);
    assert!(closed.size.0.is_zero());
    assert_eq!(closed.realized_pnl.0, rust_decimal::Decimal::new(125, 1));
    assert!(!positions.iter().find(|p| p.token_id == "42").unwrap().closed);
}

#[tokio::test]
async fn the_neg_risk_flag_is_read_from_the_clob_and_garbage_is_a_bad_response() {
    let script = ScriptedVenue::new();
    let v = venue(script.clone()).await;
    script.script("/neg-risk", vec![Response::json(r#"{"neg_risk": true}"#), Response::json(r#"{"neg_risk": "yes"}"#)]);
    let client = v.client();
    assert_eq!(client.neg_risk("42").await, Ok(true));
    assert_eq!(script.requests()[0].param("token_id"), Some("42"));
    let err = client.neg_risk("42").await.unwrap_err();
    assert!(matches!(&err, MarketError::BadResponse { dependency: Dependency::Clob, reason } if reason.contains("neg_risk")), "{err}");
}
