//! `PolymarketClient`: the `MarketData` port over the real venue's HTTP APIs.
//!
//! Every request takes a slot from the process-wide [`RateLimits`] of its endpoint family,
//! runs under the configured timeout, and is retried with jittered exponential back-off on 429,
//! 5xx, timeouts and broken connections, honouring `Retry-After`. Paged answers are followed to
//! the end (cursor, or offset for v1 shapes) but never past `max_pages`. Every failure is a
//! typed [`VenueError`], mapped onto the port's `MarketError` so the dependency's breaker
//! counts it.

use crate::error::VenueError;
use crate::limiter::{Family, RateLimits};
use crate::parse;
use async_trait::async_trait;
use copycat_core::config::{ConfigError, VenueConfig};
use copycat_core::datapi::{is_combo_condition, parse_trade_row};
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::money::Price;
use copycat_core::ports::{MarketData, MarketError};
use copycat_core::time::{Clock, SystemClock, Timestamp};
use copycat_core::trade::{Side, Trade, Wallet};
use rand::Rng;
use reqwest::Url;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The venue config broke a rule.
    #[error("{0}")]
    Config(#[from] ConfigError),
    /// The HTTP stack could not be set up (TLS roots, resolver).
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
    /// `trading.mode = "live"` without everything live trading needs; names each missing piece.
    #[error("live trading refused; missing: {}", missing.join("; "))]
    LiveRefused {
        /// One line per missing piece.
        missing: Vec<String>,
    },
    /// The wallet key in `variable` is unusable (its value is never shown).
    #[error("{variable} {reason}")]
    LiveKey {
        /// The environment variable read.
        variable: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// Counters of what the client did (for benches, logs and tests).
#[derive(Debug, Default)]
pub struct ClientStats {
    requests: AtomicU64,
    retries: AtomicU64,
}

impl ClientStats {
    /// Requests sent, retries included.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
    /// Requests that were retries.
    pub fn retries(&self) -> u64 {
        self.retries.load(Ordering::Relaxed)
    }
}

struct Inner {
    http: reqwest::Client,
    data_api: String,
    gamma: String,
    clob: String,
    cfg: VenueConfig,
    limits: Arc<RateLimits>,
    clock: Arc<dyn Clock>,
    markets: Mutex<HashMap<String, (Instant, MarketInfo)>>,
    stats: ClientStats,
}

/// The Polymarket HTTP client; cheap to clone (clones share connections, budgets and caches).
#[derive(Clone)]
pub struct PolymarketClient {
    inner: Arc<Inner>,
}

/// A Data API route and the families its requests spend from.
struct Route {
    dependency: Dependency,
    path: &'static str,
    families: &'static [Family],
}

const LEADERBOARD: Route = Route { dependency: Dependency::DataApi, path: "/v2/leaderboard", families: &[Family::DataApi] };
const TRADES: Route = Route { dependency: Dependency::DataApi, path: "/v2/trades", families: &[Family::DataApi, Family::DataTrades] };
const POSITIONS: Route =
    Route { dependency: Dependency::DataApi, path: "/v2/positions", families: &[Family::DataApi, Family::DataPositions] };
const MARKETS: Route = Route { dependency: Dependency::Gamma, path: "/markets", families: &[Family::Gamma, Family::GammaMarkets] };
const BOOK: Route = Route { dependency: Dependency::Clob, path: "/book", families: &[Family::Clob, Family::ClobBook] };
const PRICE: Route = Route { dependency: Dependency::Clob, path: "/price", families: &[Family::Clob, Family::ClobPrice] };
const MIDPOINT: Route = Route { dependency: Dependency::Clob, path: "/midpoint", families: &[Family::Clob] };
const TICK_SIZE: Route = Route { dependency: Dependency::Clob, path: "/tick-size", families: &[Family::Clob] };
const FEE_RATE: Route = Route { dependency: Dependency::Clob, path: "/fee-rate", families: &[Family::Clob] };
const NEG_RISK: Route = Route { dependency: Dependency::Clob, path: "/neg-risk", families: &[Family::Clob] };

/// An HTTP client for the venue's endpoints (market data and the live broker): `cfg`'s timeouts,
/// our user agent, the process's shared TLS configuration.
pub(crate) fn venue_http(cfg: &VenueConfig) -> Result<reqwest::Client, BuildError> {
    copycat_https::client_builder()
        .map_err(|e| BuildError::Http(e.to_string()))?
        .timeout(Duration::from_millis(cfg.request_timeout_ms))
        .connect_timeout(Duration::from_millis(cfg.connect_timeout_ms))
        .user_agent(concat!("copycat/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| BuildError::Http(e.to_string()))
}

impl PolymarketClient {
    /// A client for `cfg`'s endpoints, spending from this process's shared budgets for `cfg`,
    /// on the system clock. What Lambda binaries and `copycat run` use.
    pub fn from_config(cfg: &VenueConfig) -> Result<Self, BuildError> {
        Self::with_parts(cfg, RateLimits::shared(cfg), Arc::new(SystemClock))
    }

    /// A client with its own budgets and clock (tests, benches, simulations).
    pub fn with_parts(cfg: &VenueConfig, limits: Arc<RateLimits>, clock: Arc<dyn Clock>) -> Result<Self, BuildError> {
        cfg.validate()?;
        let http = venue_http(cfg)?;
        let base = |u: &str| u.trim_end_matches('/').to_owned();
        Ok(PolymarketClient {
            inner: Arc::new(Inner {
                http,
                data_api: base(&cfg.data_api_url),
                gamma: base(&cfg.gamma_url),
                clob: base(&cfg.clob_url),
                cfg: cfg.clone(),
                limits,
                clock,
                markets: Mutex::new(HashMap::new()),
                stats: ClientStats::default(),
            }),
        })
    }

    /// What the client has done so far.
    pub fn stats(&self) -> &ClientStats {
        &self.inner.stats
    }

    /// The budgets it spends from.
    pub fn limits(&self) -> &Arc<RateLimits> {
        &self.inner.limits
    }

    /// The venue config it was built from.
    pub fn config(&self) -> &VenueConfig {
        &self.inner.cfg
    }

    fn url(&self, route: &Route, query: &[(&str, String)]) -> Result<Url, VenueError> {
        let base = match route.dependency {
            Dependency::DataApi => &self.inner.data_api,
            Dependency::Gamma => &self.inner.gamma,
            Dependency::Clob => &self.inner.clob,
            Dependency::Chain => {
                return Err(VenueError::Refused {
                    dependency: route.dependency,
                    route: route.path.into(),
                    status: 0,
                    body: "the chain node is not a venue route (use copycat-chain)".into(),
                });
            }
        };
        let mut url = Url::parse(&format!("{base}{}", route.path)).map_err(|e| VenueError::Refused {
            dependency: route.dependency,
            route: route.path.into(),
            status: 0,
            body: format!("bad base URL {base}: {e}"),
        })?;
        if !query.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in query {
                q.append_pair(k, v);
            }
        }
        Ok(url)
    }

    /// One GET with budgets, timeout and retries; the body of the first 2xx answer.
    async fn get(&self, route: &Route, url: Url) -> Result<String, VenueError> {
        let cfg = &self.inner.cfg;
        let dependency = route.dependency;
        let path = route.path;
        let mut attempt = 0u32;
        loop {
            self.inner.limits.acquire(route.families).await;
            self.inner.stats.requests.fetch_add(1, Ordering::Relaxed);
            if attempt > 0 {
                self.inner.stats.retries.fetch_add(1, Ordering::Relaxed);
            }
            let transport = |e: reqwest::Error| {
                if e.is_timeout() {
                    VenueError::Timeout { dependency, route: path.into(), timeout_ms: cfg.request_timeout_ms }
                } else {
                    VenueError::Connection { dependency, route: path.into(), reason: error_chain(&e) }
                }
            };
            let mut retry_after = None;
            let failure = match self.inner.http.get(url.clone()).send().await {
                Err(e) => transport(e),
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    match status {
                        200..=299 => match resp.text().await {
                            Ok(body) => return Ok(body),
                            Err(e) => transport(e),
                        },
                        404 => return Err(VenueError::NotFound { dependency, what: format!("{path} ({})", url.query().unwrap_or("")) }),
                        429 => {
                            retry_after =
                                resp.headers().get(reqwest::header::RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(parse_retry_after);
                            let retry_after_ms = retry_after.map(|d: Duration| d.as_millis() as u64);
                            if retry_after.is_some_and(|d| d > Duration::from_millis(cfg.retry_max_ms)) {
                                // Asked to wait longer than we may: fail now, let the breaker see it.
                                return Err(VenueError::RateLimited { dependency, route: path.into(), retry_after_ms });
                            }
                            VenueError::RateLimited { dependency, route: path.into(), retry_after_ms }
                        }
                        500..=599 => VenueError::ServerError { dependency, route: path.into(), status },
                        _ => {
                            let body = resp.text().await.unwrap_or_default();
                            return Err(VenueError::Refused {
                                dependency,
                                route: path.into(),
                                status,
                                body: body.chars().take(200).collect(),
                            });
                        }
                    }
                }
            };
            if attempt >= cfg.max_retries {
                return Err(failure);
            }
            let wait = retry_after.unwrap_or_else(|| backoff(cfg, attempt));
            tracing::debug!(%dependency, route = path, attempt, wait_ms = wait.as_millis() as u64, error = %failure, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Every row of a paged answer, following the cursor (or the offset, for v1 shapes) until
    /// the venue says there is no more, an empty page, or `enough` rows; at most `max_pages`.
    async fn pages(&self, route: &Route, query: &[(&str, String)], enough: usize) -> Result<Vec<Value>, VenueError> {
        let cfg = &self.inner.cfg;
        let malformed = |reason: String| VenueError::Malformed { dependency: route.dependency, route: route.path.into(), reason };
        let mut rows = Vec::new();
        let mut cursors = HashSet::new();
        let mut url = self.url(route, query)?;
        for page_no in 0..cfg.max_pages {
            let text = self.get(route, url).await?;
            let page = parse::page(&text).map_err(|r| malformed(format!("page {page_no}: {r}")))?;
            let n = page.rows.len();
            rows.extend(page.rows);
            if n == 0 || rows.len() >= enough {
                return Ok(rows);
            }
            let mut next: Vec<(&str, String)> = query.to_vec();
            match page.next_cursor {
                Some(c) if page.has_more != Some(false) => {
                    if !cursors.insert(c.clone()) {
                        return Err(VenueError::EndlessPaging {
                            dependency: route.dependency,
                            route: route.path.into(),
                            reason: format!("cursor `{}` came back twice", c.chars().take(40).collect::<String>()),
                        });
                    }
                    next.push(("cursor", c));
                }
                _ if page.has_more == Some(true) || (page.bare && n >= cfg.page_limit as usize) => {
                    next.push(("offset", rows.len().to_string()));
                }
                _ => return Ok(rows),
            }
            url = self.url(route, &next)?;
        }
        Err(VenueError::TooMany { dependency: route.dependency, route: route.path.into(), pages: cfg.max_pages, rows: rows.len() })
    }

    /// A wallet's trades since `since` (all of them, paged to the end), oldest first; combo
    /// trades skipped. The URL carries `end=<now>`, so consecutive polls never hit the CDN's
    /// cached copy of an earlier answer (`/v2/trades` is cached up to 300 s).
    pub async fn trades_since(&self, wallet: &Wallet, since: Option<Timestamp>) -> Result<Vec<Trade>, VenueError> {
        let cfg = &self.inner.cfg;
        let now = self.inner.clock.now();
        let mut query = vec![("user", wallet.as_str().to_owned()), ("taker_only", "false".into()), ("limit", cfg.page_limit.to_string())];
        if let Some(s) = since {
            query.push(("start", ceil_secs(s).to_string()));
        }
        query.push(("end", ceil_secs(now).to_string()));
        let rows = self.pages(&TRADES, &query, usize::MAX).await?;
        let mut trades = trade_rows(&rows, |t| since.is_none_or(|s| t.timestamp >= s))?;
        // The API sends newest first; the port wants oldest first.
        trades.reverse();
        trades.sort_by_key(|t| t.timestamp);
        Ok(trades)
    }

    /// Everyone's trades in a market (`condition`) with `from ≤ timestamp ≤ to`, oldest first,
    /// at most `limit` rows; combo trades skipped. The API sends newest first, so a window with
    /// more than `limit` rows is read to its end (within `venue.max_pages`) before the oldest
    /// `limit` are kept: ask for short windows.
    pub async fn market_trades_between(
        &self,
        condition_id: &str,
        from: Timestamp,
        to: Timestamp,
        limit: usize,
    ) -> Result<Vec<Trade>, VenueError> {
        let cfg = &self.inner.cfg;
        let query = vec![
            ("condition", condition_id.to_owned()),
            ("taker_only", "false".into()),
            ("start", ceil_secs(from).to_string()),
            ("end", to.timestamp().to_string()),
            ("limit", cfg.page_limit.to_string()),
        ];
        let rows = self.pages(&TRADES, &query, usize::MAX).await?;
        let mut trades = trade_rows(&rows, |t| t.timestamp >= from && t.timestamp <= to)?;
        trades.sort_by_key(|t| t.timestamp);
        trades.truncate(limit);
        Ok(trades)
    }

    /// The top `limit` wallets by PnL in `window`.
    pub async fn leaderboard_rows(&self, window: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, VenueError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let page = limit.min(self.inner.cfg.page_limit as usize);
        let query = [("time_period", window.as_str().to_owned()), ("sort_by", "PNL".into()), ("limit", page.to_string())];
        let rows = self.pages(&LEADERBOARD, &query, limit).await?;
        let mut out = Vec::with_capacity(rows.len().min(limit));
        for (i, row) in rows.iter().take(limit).enumerate() {
            out.push(parse::leaderboard_row(i, row).map_err(|reason| VenueError::Malformed {
                dependency: Dependency::DataApi,
                route: LEADERBOARD.path.into(),
                reason,
            })?);
        }
        Ok(out)
    }

    /// A wallet's positions: the OPEN set (which includes resolved, unredeemed ones) and the
    /// CLOSED set.
    pub async fn positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, VenueError> {
        let mut out: Vec<WalletPosition> = Vec::new();
        let mut seen = HashSet::new();
        for status in ["OPEN", "CLOSED"] {
            let query = [("user", wallet.as_str().to_owned()), ("status", status.into()), ("limit", self.inner.cfg.page_limit.to_string())];
            let rows = self.pages(&POSITIONS, &query, usize::MAX).await?;
            for (i, row) in rows.iter().enumerate() {
                let parsed = if status == "CLOSED" { parse::closed_position_row(i, row) } else { parse::position_row(i, row) };
                let p = parsed.map_err(|reason| VenueError::Malformed {
                    dependency: Dependency::DataApi,
                    route: POSITIONS.path.into(),
                    reason,
                })?;
                if seen.insert((p.token_id.clone(), p.closed)) {
                    out.push(p);
                }
            }
        }
        Ok(out)
    }

    /// A market by outcome token, from Gamma, with the CLOB's taker fee rate; reused for
    /// `market_cache_secs`.
    pub async fn market(&self, token_id: &str) -> Result<MarketInfo, VenueError> {
        let ttl = Duration::from_secs(self.inner.cfg.market_cache_secs);
        if let Some((at, info)) = self.inner.markets.lock().unwrap_or_else(|p| p.into_inner()).get(token_id)
            && at.elapsed() < ttl
        {
            return Ok(info.clone());
        }
        let text = self.get(&MARKETS, self.url(&MARKETS, &[("clob_token_ids", token_id.to_owned())])?).await?;
        let malformed = |reason: String| VenueError::Malformed { dependency: Dependency::Gamma, route: MARKETS.path.into(), reason };
        let page = parse::page(&text).map_err(malformed)?;
        let fee = self.taker_fee_rate(token_id).await?;
        let mut found = None;
        for (i, row) in page.rows.iter().enumerate() {
            let info = parse::gamma_market(row, fee).map_err(|r| malformed(format!("market {i}: {r}")))?;
            if info.token_ids.iter().any(|t| t == token_id) {
                found = Some(info);
                break;
            }
        }
        let info =
            found.ok_or_else(|| VenueError::NotFound { dependency: Dependency::Gamma, what: format!("market of token {token_id}") })?;
        let mut cache = self.inner.markets.lock().unwrap_or_else(|p| p.into_inner());
        for t in &info.token_ids {
            cache.insert(t.clone(), (Instant::now(), info.clone()));
        }
        Ok(info)
    }

    /// The token's taker fee rate: the CLOB's `base_fee` (basis points) / 10,000; zero when the
    /// CLOB has no fee for it.
    pub async fn taker_fee_rate(&self, token_id: &str) -> Result<Decimal, VenueError> {
        match self.get(&FEE_RATE, self.url(&FEE_RATE, &[("token_id", token_id.to_owned())])?).await {
            Ok(text) => {
                let bps = parse::number_field(&text, &["base_fee"]).map_err(|reason| VenueError::Malformed {
                    dependency: Dependency::Clob,
                    route: FEE_RATE.path.into(),
                    reason,
                })?;
                Ok(bps / Decimal::from(10_000))
            }
            Err(VenueError::NotFound { .. }) => Ok(Decimal::ZERO),
            Err(e) => Err(e),
        }
    }

    /// Whether the token's market is neg-risk (`GET /neg-risk` → `{"neg_risk": bool}`).
    pub async fn neg_risk_flag(&self, token_id: &str) -> Result<bool, VenueError> {
        let text = self.get(&NEG_RISK, self.url(&NEG_RISK, &[("token_id", token_id.to_owned())])?).await?;
        let malformed = |reason: String| VenueError::Malformed { dependency: Dependency::Clob, route: NEG_RISK.path.into(), reason };
        let v: Value = serde_json::from_str(&text).map_err(|e| malformed(format!("not JSON: {e}")))?;
        v.get("neg_risk").and_then(Value::as_bool).ok_or_else(|| malformed("no boolean `neg_risk`".into()))
    }

    /// The token's order book, best-first.
    pub async fn order_book(&self, token_id: &str) -> Result<Book, VenueError> {
        let text = self.get(&BOOK, self.url(&BOOK, &[("token_id", token_id.to_owned())])?).await?;
        parse::clob_book(&text, token_id, self.inner.clock.now()).map_err(|reason| VenueError::Malformed {
            dependency: Dependency::Clob,
            route: BOOK.path.into(),
            reason,
        })
    }

    async fn clob_number(&self, route: &Route, query: &[(&str, String)], names: &[&'static str]) -> Result<Decimal, VenueError> {
        let text = self.get(route, self.url(route, query)?).await?;
        parse::number_field(&text, names).map_err(|reason| VenueError::Malformed {
            dependency: Dependency::Clob,
            route: route.path.into(),
            reason,
        })
    }

    /// The CLOB's price for taking `side` of the token.
    pub async fn price(&self, token_id: &str, side: Side) -> Result<Price, VenueError> {
        self.clob_number(&PRICE, &[("token_id", token_id.to_owned()), ("side", side.as_str().into())], &["price"]).await.map(Price)
    }

    /// The CLOB's midpoint of the token's book.
    pub async fn midpoint(&self, token_id: &str) -> Result<Price, VenueError> {
        self.clob_number(&MIDPOINT, &[("token_id", token_id.to_owned())], &["mid"]).await.map(Price)
    }

    /// The token's minimum price increment.
    pub async fn tick_size(&self, token_id: &str) -> Result<Price, VenueError> {
        self.clob_number(&TICK_SIZE, &[("token_id", token_id.to_owned())], &["minimum_tick_size", "tick_size"]).await.map(Price)
    }
}

/// Oldest-first trades cut to at most `limit`, never inside one second (the rows of the last
/// second returned are complete); a first second holding more than `limit` rows is kept whole.
pub fn cut_at_second(trades: &mut Vec<Trade>, limit: usize) {
    if trades.len() <= limit {
        return;
    }
    if limit == 0 {
        trades.clear();
        return;
    }
    let cut = trades[limit].timestamp;
    let mut end = trades[..limit].partition_point(|t| t.timestamp < cut);
    if end == 0 {
        let first = trades[0].timestamp;
        end = trades.partition_point(|t| t.timestamp <= first);
    }
    trades.truncate(end);
}

fn ceil_secs(t: Timestamp) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// Full-jitter exponential back-off: uniform in [0, min(max, base × 2^attempt)].
fn backoff(cfg: &VenueConfig, attempt: u32) -> Duration {
    let cap = cfg.retry_base_ms.saturating_mul(1u64 << attempt.min(20)).min(cfg.retry_max_ms);
    Duration::from_millis(rand::rng().random_range(0..=cap))
}

/// `Retry-After`: delay seconds (fractions accepted) or an HTTP date.
fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let ms = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_milliseconds().max(0);
    Some(Duration::from_millis(ms as u64))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

#[async_trait]
impl MarketData for PolymarketClient {
    async fn leaderboard(&self, window: LeaderboardWindow, limit: usize) -> Result<Vec<LeaderboardEntry>, MarketError> {
        Ok(self.leaderboard_rows(window, limit).await?)
    }

    async fn wallet_trades(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize) -> Result<Vec<Trade>, MarketError> {
        let mut trades = self.trades_since(wallet, since).await.map_err(route_missing)?;
        cut_at_second(&mut trades, limit);
        Ok(trades)
    }

    async fn wallet_positions(&self, wallet: &Wallet) -> Result<Vec<WalletPosition>, MarketError> {
        Ok(self.positions(wallet).await.map_err(route_missing)?)
    }

    async fn market_by_token(&self, token_id: &str) -> Result<MarketInfo, MarketError> {
        Ok(self.market(token_id).await?)
    }

    async fn book(&self, token_id: &str) -> Result<Book, MarketError> {
        Ok(self.order_book(token_id).await?)
    }

    async fn market_trades(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        Ok(self.market_trades_between(condition_id, from, to, limit).await.map_err(route_missing)?)
    }

    async fn neg_risk(&self, token_id: &str) -> Result<bool, MarketError> {
        Ok(self.neg_risk_flag(token_id).await?)
    }
}

/// `/v2/trades` rows as trades, combo trades skipped, those `keep` refuses left out; a row that
/// does not parse fails the answer, naming the row.
fn trade_rows(rows: &[Value], keep: impl Fn(&Trade) -> bool) -> Result<Vec<Trade>, VenueError> {
    let mut trades = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let condition = row.get("condition_id").or_else(|| row.get("conditionId")).and_then(Value::as_str);
        if condition.is_some_and(is_combo_condition) {
            continue;
        }
        let t = parse_trade_row(row).map_err(|e| VenueError::Malformed {
            dependency: Dependency::DataApi,
            route: TRADES.path.into(),
            reason: format!("row {i}: {e}"),
        })?;
        if keep(&t) {
            trades.push(t);
        }
    }
    Ok(trades)
}

/// The Data API answers a wallet it does not know with an empty list, so a 404 from a wallet's
/// list route means the route itself is missing (a wrong `venue.data_api_url`): a failure the
/// breaker counts, never "this wallet has no history".
fn route_missing(e: VenueError) -> VenueError {
    match e {
        VenueError::NotFound { dependency, what } => {
            VenueError::Refused { dependency, route: what, status: 404, body: "route not found: check venue.data_api_url".into() }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
    }

    #[test]
    fn backoff_is_bounded_by_the_configured_maximum() {
        let cfg = VenueConfig { retry_base_ms: 100, retry_max_ms: 300, ..VenueConfig::default() };
        for attempt in 0..30 {
            assert!(backoff(&cfg, attempt) <= Duration::from_millis(300));
        }
        assert!(backoff(&cfg, 0) <= Duration::from_millis(100));
    }
}
