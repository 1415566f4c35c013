//! The simulator served in Polymarket's shapes: Data API v2 envelopes with cursors, Gamma
//! markets with string-encoded arrays, CLOB books worst-first, 503 during simulated outages.
//! This is what `copycat sim serve` runs, so the real client is exercised end to end. With a
//! [`SimChain`] attached ([`SimVenue::attach_chain`]) it is also a Polygon node: JSON-RPC 2.0
//! over `POST /rpc`, its 429s as HTTP 429, its timeouts as answers that come too late.

use crate::server::{Handler, Request, Response};
use copycat_core::dependency::Dependency;
use copycat_core::market::{BookLevel, LeaderboardWindow, WalletPosition};
use copycat_core::ports::ChainError;
use copycat_core::time::{Clock, Timestamp, from_secs};
use copycat_core::trade::{Trade, Wallet};
use copycat_sim::{SimChain, SimWorld};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

type TradeWalk = (Wallet, Option<i64>, i64, i64);

/// Trade walks remembered at once (then forgotten all together).
const WALKS_KEPT: usize = 256;

/// Most rows one page may hold, whatever `limit` asks (the Data API caps page sizes too).
pub const MAX_PAGE: usize = 500;

/// The simulated world behind an HTTP face, seen at a clock's now.
pub struct SimVenue {
    world: Arc<SimWorld>,
    clock: Arc<dyn Clock>,
    hits: Mutex<BTreeMap<String, u64>>,
    /// Recent trade walks by (wallet, start, end, now): a client paging through one answer asks
    /// for the same list page after page, and rebuilding it each time made the venue, not the
    /// budget, the bottleneck of a discovery run.
    walks: Mutex<HashMap<TradeWalk, Arc<Vec<Trade>>>>,
    /// The simulated node behind `POST /rpc`, when attached.
    chain: std::sync::OnceLock<Arc<SimChain>>,
}

/// How long a simulated node timeout holds its answer (past any sane `chain.request_timeout_ms`).
const RPC_TIMEOUT_DELAY: std::time::Duration = std::time::Duration::from_secs(30);

impl SimVenue {
    /// Serves `world` as it is at `clock`'s time.
    pub fn new(world: Arc<SimWorld>, clock: Arc<dyn Clock>) -> Arc<SimVenue> {
        Arc::new(SimVenue {
            world,
            clock,
            hits: Mutex::new(BTreeMap::new()),
            walks: Mutex::new(HashMap::new()),
            chain: std::sync::OnceLock::new(),
        })
    }

    /// Serves `chain` as JSON-RPC on `POST /rpc` (once; later calls are ignored).
    pub fn attach_chain(&self, chain: Arc<SimChain>) {
        let _ = self.chain.set(chain);
    }

    /// One JSON-RPC 2.0 request to the attached node.
    fn rpc(&self, r: &Request) -> Response {
        let Some(chain) = self.chain.get() else { return Response::error(404, "no simulated chain on this server") };
        let body: Value = match serde_json::from_slice(&r.body) {
            Ok(v) => v,
            Err(e) => return rpc_error(&Value::Null, -32700, &format!("parse error: {e}")),
        };
        let id = body.get("id").cloned().unwrap_or(Value::Null);
        let Some(method) = body.get("method").and_then(Value::as_str) else { return rpc_error(&id, -32600, "no method") };
        let params = body.get("params").cloned().unwrap_or_else(|| json!([]));
        match chain.answer(method, &params) {
            Ok(result) => Response::json(json!({"jsonrpc": "2.0", "id": id, "result": result}).to_string()),
            Err(ChainError::RateLimited { .. }) => Response::error(429, "too many requests"),
            Err(ChainError::Rpc { code, message, .. }) => rpc_error(&id, code, &message),
            Err(e) => {
                let mut late = Response::error(504, &e.to_string());
                late.delay = RPC_TIMEOUT_DELAY;
                late
            }
        }
    }

    /// The handler to give a [`crate::server::LocalServer`].
    pub fn handler(self: &Arc<Self>) -> Handler {
        let me = self.clone();
        Arc::new(move |r: &Request| me.answer(r))
    }

    /// Requests served so far, by path.
    pub fn hits(&self) -> BTreeMap<String, u64> {
        self.hits.lock().map(|h| h.clone()).unwrap_or_default()
    }

    /// The world served.
    pub fn world(&self) -> &Arc<SimWorld> {
        &self.world
    }

    /// Answers one request.
    pub fn answer(&self, r: &Request) -> Response {
        if let Ok(mut h) = self.hits.lock() {
            *h.entry(r.path.clone()).or_insert(0) += 1;
        }
        if r.path == "/rpc" {
            return self.rpc(r);
        }
        let now = self.clock.now();
        let dependency = match r.path.as_str() {
            p if p.starts_with("/v2/") => Dependency::DataApi,
            "/markets" => Dependency::Gamma,
            _ => Dependency::Clob,
        };
        if self.world.is_down(dependency, now) {
            return Response::error(503, "simulated outage");
        }
        match r.path.as_str() {
            "/v2/leaderboard" => self.leaderboard(r, now),
            "/v2/trades" => self.trades(r, now, false),
            "/v2/activity" => self.trades(r, now, true),
            "/v2/positions" => self.positions(r, now),
            "/markets" => self.markets(r, now),
            "/book" => self.book(r, now),
            "/price" | "/midpoint" => self.price(r, now),
            "/tick-size" => match r.param("token_id").and_then(|t| self.world.market_info_at(t, now)) {
                Some(m) => Response::json(json!({ "minimum_tick_size": m.tick_size.0.to_string() }).to_string()),
                None => Response::error(404, "market not found"),
            },
            "/fee-rate" => match r.param("token_id").and_then(|t| self.world.market_info_at(t, now)) {
                Some(m) => {
                    Response::json(json!({ "base_fee": (m.taker_fee_rate * Decimal::from(10_000)).normalize().to_string() }).to_string())
                }
                None => Response::error(404, "fee rate not found for market"),
            },
            _ => Response::error(404, "no such route"),
        }
    }

    fn leaderboard(&self, r: &Request, now: Timestamp) -> Response {
        let window = match r.param("time_period").unwrap_or("all") {
            "day" => LeaderboardWindow::Day,
            "week" => LeaderboardWindow::Week,
            "month" => LeaderboardWindow::Month,
            "all" => LeaderboardWindow::All,
            other => return Response::error(400, &format!("time_period {other} is not one of day, week, month, all")),
        };
        let rows = self.world.leaderboard_at(window, usize::MAX, now);
        envelope(&rows, r, |e| json!({ "user_id": e.wallet, "user_name": e.name, "rank": e.rank, "pnl": e.pnl.0.to_string(), "volume": 0 }))
    }

    fn trades(&self, r: &Request, now: Timestamp, activity: bool) -> Response {
        if r.param("user").is_none()
            && !activity
            && let Some(condition) = r.param("condition")
        {
            return self.market_trades(r, condition, now);
        }
        let Some(user) = r.param("user") else { return Response::error(400, "user is required") };
        let Ok(wallet) = Wallet::parse(user) else { return Response::error(400, &format!("user {user} is not an address")) };
        let secs = |name: &str| r.param(name).and_then(|v| v.parse::<i64>().ok()).filter(|&s| s > 0);
        let start = secs("start").map(from_secs);
        let end = secs("end").unwrap_or(i64::MAX);
        let key = (wallet.clone(), start.map(|s| s.timestamp()), end, now.timestamp_millis());
        let cached = self.walks.lock().ok().and_then(|w| w.get(&key).cloned());
        let trades = match cached {
            Some(t) => t,
            None => {
                let mut trades = self.world.trades_since(&wallet, start, usize::MAX, now).unwrap_or_default();
                trades.retain(|t| t.timestamp.timestamp() <= end);
                trades.reverse(); // newest first, as the Data API sends them
                let trades = Arc::new(trades);
                if let Ok(mut walks) = self.walks.lock() {
                    if walks.len() >= WALKS_KEPT {
                        walks.clear();
                    }
                    walks.insert(key, trades.clone());
                }
                trades
            }
        };
        envelope(&trades, r, |t| trade_row(t, activity))
    }

    /// `/v2/trades?condition=…` without a user: everyone's trades in the market, newest first.
    fn market_trades(&self, r: &Request, condition: &str, now: Timestamp) -> Response {
        let secs = |name: &str| r.param(name).and_then(|v| v.parse::<i64>().ok()).filter(|&s| s > 0);
        let start = secs("start").map(from_secs).unwrap_or_else(|| self.world.params().history_start());
        let end = secs("end").map(from_secs).unwrap_or(now).min(now);
        let Some(mut trades) = self.world.market_trades_between(condition, start, end, usize::MAX) else {
            return Response::json(r#"{"data":[],"pagination":{"has_more":false}}"#);
        };
        trades.reverse();
        envelope(&trades, r, |t| trade_row(t, false))
    }

    fn positions(&self, r: &Request, now: Timestamp) -> Response {
        let Some(Ok(wallet)) = r.param("user").map(Wallet::parse) else { return Response::error(400, "user is required") };
        let closed = match r.param("status").unwrap_or("OPEN") {
            "OPEN" => false,
            "CLOSED" => true,
            other => return Response::error(400, &format!("status {other} is not OPEN or CLOSED")),
        };
        let mut rows = self.world.positions_at(&wallet, now).unwrap_or_default();
        rows.retain(|p| p.closed == closed);
        envelope(&rows, r, |p| position_row(&wallet, p))
    }

    fn markets(&self, r: &Request, now: Timestamp) -> Response {
        let Some(token) = r.param("clob_token_ids") else { return Response::json("[]") };
        let Some(m) = self.world.market_info_at(token, now) else { return Response::json("[]") };
        let enc = |v: &[String]| serde_json::to_string(v).unwrap_or_default();
        let prices: Vec<String> = match m.winning_outcome {
            Some(w) => (0..m.outcomes.len()).map(|i| if i == w { "1" } else { "0" }.to_string()).collect(),
            None => (0..m.outcomes.len())
                .map(|i| {
                    self.world.book_at(&m.token_ids[i], now).and_then(|b| b.mid()).map(|p| p.0.to_string()).unwrap_or_else(|| "0.5".into())
                })
                .collect(),
        };
        let market = json!({
            "id": m.condition_id.get(2..10).unwrap_or("0"),
            "conditionId": m.condition_id,
            "question": m.question,
            "category": m.category,
            "endDate": m.end_date.map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            "outcomes": enc(&m.outcomes),
            "outcomePrices": enc(&prices),
            "clobTokenIds": enc(&m.token_ids),
            "orderPriceMinTickSize": m.tick_size.0.to_string().parse::<f64>().unwrap_or(0.01),
            "orderMinSize": m.min_order_size.0.to_string().parse::<f64>().unwrap_or(5.0),
            "negRisk": false,
            "acceptingOrders": m.accepting_orders,
            "closed": m.winning_outcome.is_some(),
            "liquidity": m.liquidity.0.to_string(),
            "version": 2,
        });
        Response::json(Value::Array(vec![market]).to_string())
    }

    fn book(&self, r: &Request, now: Timestamp) -> Response {
        let Some(token) = r.param("token_id") else { return Response::error(400, "token_id is required") };
        let (Some(book), Some(m)) = (self.world.book_at(token, now), self.world.market_info_at(token, now)) else {
            return Response::error(404, "No orderbook exists for the requested token id");
        };
        // The CLOB sends levels worst-first.
        let levels = |ls: &[BookLevel]| -> Vec<Value> {
            ls.iter().rev().map(|l| json!({ "price": l.price.0.to_string(), "size": l.size.0.to_string() })).collect()
        };
        Response::json(
            json!({
                "market": m.condition_id,
                "asset_id": token,
                "bids": levels(&book.bids),
                "asks": levels(&book.asks),
                "tick_size": m.tick_size.0.to_string(),
                "min_order_size": m.min_order_size.0.to_string(),
                "neg_risk": false,
                "timestamp": now.timestamp_millis().to_string(),
            })
            .to_string(),
        )
    }

    fn price(&self, r: &Request, now: Timestamp) -> Response {
        let Some(book) = r.param("token_id").and_then(|t| self.world.book_at(t, now)) else {
            return Response::error(404, "No orderbook exists for the requested token id");
        };
        let p = if r.path == "/midpoint" {
            book.mid().map(|p| ("mid", p))
        } else if r.param("side").is_some_and(|s| s.eq_ignore_ascii_case("SELL")) {
            book.best_bid().map(|p| ("price", p))
        } else {
            book.best_ask().map(|p| ("price", p))
        };
        match p {
            Some((name, p)) => Response::json(json!({ name: p.0.to_string() }).to_string()),
            None => Response::error(404, "No orderbook exists for the requested token id"),
        }
    }
}

/// A v2 envelope of the page `cursor` (an offset) of `rows`, `limit` rows long; only that page
/// is rendered.
fn envelope<T>(rows: &[T], r: &Request, render: impl Fn(&T) -> Value) -> Response {
    let limit = r.param("limit").and_then(|l| l.parse::<usize>().ok()).unwrap_or(100).clamp(1, MAX_PAGE);
    let offset = r.param("cursor").and_then(|c| c.strip_prefix("o:")).and_then(|o| o.parse::<usize>().ok()).unwrap_or(0);
    let page: Vec<Value> = rows.iter().skip(offset).take(limit).map(render).collect();
    let next = offset + page.len();
    let has_more = next < rows.len();
    let body = json!({
        "data": page,
        "pagination": { "limit": limit, "offset": offset, "has_more": has_more, "next_cursor": if has_more { format!("o:{next}") } else { String::new() } },
    });
    Response::json(body.to_string())
}

fn trade_row(t: &Trade, activity: bool) -> Value {
    let mut row = json!({
        "proxy_wallet": t.wallet,
        "side": t.side.as_str(),
        "asset": t.asset,
        "condition_id": t.condition_id,
        "size": t.size.0.to_string(),
        "price": t.price.0.to_string(),
        "timestamp": t.timestamp.timestamp(),
        "title": t.title,
        "slug": t.slug,
        "outcome": t.outcome,
        "outcome_index": t.outcome_index,
        "transaction_hash": t.transaction_hash,
    });
    if activity {
        row["type"] = json!("TRADE");
        row["usdc_size"] = json!((t.size.0 * t.price.0).round_dp(6).to_string());
    }
    row
}

fn position_row(wallet: &Wallet, p: &WalletPosition) -> Value {
    json!({
        "proxy_wallet": wallet,
        "condition_id": p.condition_id,
        "token_id": p.token_id,
        "status": if p.closed { "CLOSED" } else { "OPEN" },
        "current_size": p.size.0.to_string(),
        "avg_price": p.avg_price.0.to_string(),
        "realized_pnl": p.realized_pnl.0.to_string(),
        "unrealized_pnl": p.unrealized_pnl.0.to_string(),
    })
}

fn rpc_error(id: &Value, code: i64, message: &str) -> Response {
    Response::json(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string())
}
