//! `LiveBroker`: real orders on Polymarket's CLOB, signed here (EIP-712, V2 order struct).
//!
//! Start-up, once per process and again after a failure: the geoblock check (a blocked host
//! refuses every order), API credentials derived from an L1 `ClobAuth` signature (created when
//! none exist yet), then a balance/allowance refresh. Orders are marketable FOK/FAK limit
//! orders in shares, rounded to the market's tick and lot and refused below its minimum size.
//!
//! A retry must never become a second order. The salt is derived from the signal key, but a V2
//! order also signs its creation time, so signing again would make another order (another hash).
//! So an order is signed once ([`Broker::prepare`]) and its ticket (the signed order and its
//! hash) is written into the signal's claim before it is sent; whoever sends it again (this
//! process after a timeout or 5xx, or another one that took the claim over) first asks the venue
//! for that order by hash (`GET /order/{hash}`) and settles it from the answer, and only sends
//! the very same signed order when the venue has never seen it.

use super::account::{Account, AccountError, ExpectedFunder, OrderTerms as SignedTerms};
use super::eip712::{self, Address, Domain, SIDE_BUY, SIDE_SELL};
use super::l2::{self, ApiCreds};
use crate::client::{BuildError, venue_http};
use crate::limiter::{Family, RateLimits};
use async_trait::async_trait;
use copycat_core::config::Config;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill, OrderTicket, TimeInForce};
use copycat_core::portfolio::taker_fee;
use copycat_core::ports::{Broker, BrokerError, MarketData};
use copycat_core::signal::SignalKey;
use copycat_core::time::{Clock, Timestamp};
use copycat_core::trade::Side;
use reqwest::Method;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Largest integer a JSON number carries exactly; the CLOB reads the salt as one.
const JS_SAFE_INTEGER_MAX: u64 = (1 << 53) - 1;
/// Shares are traded in lots of 0.01.
const LOT_DECIMALS: u32 = 2;
/// pUSD and outcome shares both have 6 decimals on chain.
const TOKEN_DECIMALS: u32 = 6;

/// Why live trading cannot go on, typed for the operator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiveError {
    /// The geoblock endpoint says this host may not trade.
    #[error(
        "geoblocked: Polymarket refuses orders from this host (country {country}, region {region}); live trading is off. Run from an allowed region (e.g. AWS eu-west-1)"
    )]
    Geoblocked {
        /// Country code the venue saw.
        country: String,
        /// Region the venue saw.
        region: String,
    },
    /// No answer, a broken connection, 429 or 5xx: retrying may help.
    #[error("{step}: venue unavailable: {reason}")]
    Unavailable {
        /// What we were doing.
        step: &'static str,
        /// What happened.
        reason: String,
    },
    /// The venue said no (4xx, or `success: false`).
    #[error("{step}: refused (HTTP {status}): {reason}")]
    Refused {
        /// What we were doing.
        step: &'static str,
        /// Status code.
        status: u16,
        /// The venue's own error code, when its answer carries one.
        code: Option<String>,
        /// The venue's message.
        reason: String,
    },
    /// The venue's answer could not be understood.
    #[error("{step}: bad response: {reason}")]
    Malformed {
        /// What we were doing.
        step: &'static str,
        /// What was wrong.
        reason: String,
    },
}

impl From<LiveError> for BrokerError {
    fn from(e: LiveError) -> BrokerError {
        match e {
            LiveError::Geoblocked { country, region } => BrokerError::Geoblocked { country, region },
            LiveError::Unavailable { .. } => BrokerError::Unavailable(e.to_string()),
            LiveError::Refused { step, status, code, reason } => refusal(step, status, code, reason),
            LiveError::Malformed { .. } => BrokerError::Rejected { code: None, reason: e.to_string() },
        }
    }
}

/// The venue's refusals that mean the account is set up wrong (signature type, funder, API key
/// binding or order version), by a phrase of the venue's own text (as users of the official
/// clients report them), with CopyCat's code and what the operator should do.
const ACCOUNT_REFUSALS: [(&str, &str, &str); 5] = [
    (
        "has to be the address of the api key",
        "signer_not_api_key",
        "the order's signer is neither the API key's address nor (for a deposit wallet) a wallet it owns: check trading.signature_type and trading.funder (run `copycat doctor`)",
    ),
    (
        "please use the deposit wallet flow",
        "deposit_wallet_required",
        "this account trades through a deposit wallet: set trading.signature_type = 3 and trading.funder to the deposit wallet address (run `copycat doctor`)",
    ),
    (
        "invalid order version",
        "order_version",
        "the venue expects another order version than the V2 orders CopyCat signs: check venue.clob_url and Polymarket's status",
    ),
    (
        "order_version_mismatch",
        "order_version",
        "the venue expects another order version than the V2 orders CopyCat signs: check venue.clob_url and Polymarket's status",
    ),
    (
        "invalid signature",
        "invalid_signature",
        "the signature does not verify for this maker: check that trading.funder is the wallet this key owns and trading.signature_type its kind (run `copycat doctor`)",
    ),
];

/// A venue refusal typed by its message (and code): balance or allowance, under the minimum
/// size, an account set up wrong (a CopyCat code and advice), or anything else with the venue's
/// code (its own, else the HTTP status).
fn refusal(step: &str, status: u16, code: Option<String>, message: String) -> BrokerError {
    let text = format!("{} {message}", code.as_deref().unwrap_or_default()).to_ascii_lowercase();
    let reason = format!("{step}: {message}");
    if let Some((_, ours, advice)) = ACCOUNT_REFUSALS.iter().find(|(phrase, _, _)| text.contains(phrase)) {
        BrokerError::Rejected { code: Some((*ours).to_owned()), reason: format!("{reason}; {advice}") }
    } else if text.contains("balance") || text.contains("allowance") {
        BrokerError::InsufficientFunds { reason }
    } else if ["lower than the minimum", "below the minimum", "min size", "minimum size", "min_size"].iter().any(|m| text.contains(m)) {
        BrokerError::BelowMinimum { reason }
    } else {
        BrokerError::Rejected { code: Some(code.unwrap_or_else(|| status.to_string())), reason }
    }
}

/// The build error of an account that cannot trade: a bad key names its variable, a funder
/// that does not fit is a config error on `trading.funder`.
pub(crate) fn account_build_error(e: AccountError) -> BuildError {
    match e {
        AccountError::Key { reason } => BuildError::LiveKey { variable: super::PRIVATE_KEY_ENV, reason },
        AccountError::Funder { reason } => {
            BuildError::Config(copycat_core::config::ConfigError::Invalid { key: "trading.funder".into(), rule: reason })
        }
    }
}

/// The salt of the order copying signal `key`: keccak-256 of the key, cut to 53 bits.
pub fn order_salt(key: &SignalKey) -> u64 {
    let h = eip712::keccak256(format!("copycat/order-salt/v1:{}", key.as_str()).as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    u64::from_be_bytes(first) & JS_SAFE_INTEGER_MAX
}

/// An order signed and ready to post, re-sent unchanged on a retry (also by another process,
/// from its [`OrderTicket`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct SignedOrder {
    /// The venue's id for it: the EIP-712 signing hash, `0x` + 64 hex.
    hash: String,
    /// The `order` object of the `POST /order` body, signature included.
    order: Value,
    /// `FOK` or `FAK`.
    order_type: String,
    side: Side,
    /// The market's taker fee rate, for the fill's fee.
    fee_rate: Decimal,
}

impl SignedOrder {
    fn ticket(&self) -> OrderTicket {
        OrderTicket(serde_json::to_string(self).unwrap_or_default())
    }

    fn from_ticket(ticket: &OrderTicket) -> Result<SignedOrder, BrokerError> {
        serde_json::from_str(&ticket.0).map_err(|e| BrokerError::Rejected { code: None, reason: format!("unreadable order ticket: {e}") })
    }

    fn body(&self, owner: &str) -> String {
        json!({ "order": self.order, "owner": owner, "orderType": self.order_type }).to_string()
    }
}

/// One signal's order: signed once, filled once.
#[derive(Default)]
struct Slot {
    signed: Option<SignedOrder>,
    /// The signed order may have reached the venue: ask for it before sending it again.
    maybe_sent: bool,
    fill: Option<Fill>,
}

struct Inner {
    http: reqwest::Client,
    clob: String,
    geoblock_url: String,
    chain_id: u64,
    account: Account,
    market: Arc<dyn MarketData>,
    clock: Arc<dyn Clock>,
    limits: Arc<RateLimits>,
    creds: tokio::sync::Mutex<Option<ApiCreds>>,
    allowance_stale: AtomicBool,
    slots: Mutex<HashMap<SignalKey, Arc<tokio::sync::Mutex<Slot>>>>,
}

/// Real orders on the CLOB for one account (any signature type: see [`super::account`]). Cheap to clone.
#[derive(Clone)]
pub struct LiveBroker {
    inner: Arc<Inner>,
}

impl fmt::Debug for LiveBroker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveBroker")
            .field("account", &self.inner.account)
            .field("clob", &self.inner.clob)
            .field("key", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl LiveBroker {
    /// A broker for the account of `private_key` and `config.trading`'s signature type and
    /// funder on `config`'s CLOB, reading markets from `market`. Starts its start-up (geoblock,
    /// keys, allowance) in the background when called inside a runtime; the first order waits
    /// for it either way.
    pub fn new(config: &Config, market: Arc<dyn MarketData>, clock: Arc<dyn Clock>, private_key: &str) -> Result<LiveBroker, BuildError> {
        let account = Account::new(&config.trading, private_key).map_err(account_build_error)?;
        let v = &config.venue;
        let http = venue_http(v)?;
        let address = account.key_address();
        let (maker, signature_type) = (account.maker(), account.signature_type());
        if let ExpectedFunder::Derived { address: expected, factory } = account.expected_funder()
            && expected != maker
        {
            // Not refused here: the factory constants are Polymarket's published ones, but the
            // venue is the judge; `copycat doctor` fails this check.
            tracing::warn!(
                funder = %maker, %expected, factory,
                "trading.funder is not the wallet this factory makes for the key: the exchange refuses such orders as an invalid signature (run `copycat doctor`)"
            );
        }
        let broker = LiveBroker {
            inner: Arc::new(Inner {
                http,
                clob: v.clob_url.trim_end_matches('/').to_owned(),
                geoblock_url: config.trading.geoblock_url.clone(),
                chain_id: eip712::POLYGON,
                account,
                market,
                clock,
                limits: RateLimits::shared(v),
                creds: tokio::sync::Mutex::new(None),
                allowance_stale: AtomicBool::new(false),
                slots: Mutex::new(HashMap::new()),
            }),
        };
        tracing::info!(address = %address, %maker, %signature_type, clob = %broker.inner.clob, "live broker: real orders for this account");
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let inner = broker.inner.clone();
            rt.spawn(async move {
                if let Err(e) = inner.session().await {
                    tracing::error!(error = %e, "live broker start-up failed; orders are refused until it succeeds");
                }
            });
        }
        Ok(broker)
    }

    /// The address of the wallet key that signs.
    pub fn address(&self) -> Address {
        self.inner.account.key_address()
    }

    /// The address that funds every order (its maker).
    pub fn maker(&self) -> Address {
        self.inner.account.maker()
    }

    /// Runs start-up now if it has not succeeded yet: geoblock check, API credentials, allowance.
    pub async fn start(&self) -> Result<(), LiveError> {
        self.inner.session().await.map(|_| ())
    }
}

/// An HTTP answer: status and body text.
struct Answer {
    status: u16,
    text: String,
}

impl Inner {
    /// The order slot of signal `key` (created empty on first use).
    fn slot(&self, key: &SignalKey) -> Arc<tokio::sync::Mutex<Slot>> {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).entry(key.clone()).or_default().clone()
    }

    /// The API credentials, running start-up first when there are none.
    async fn session(&self) -> Result<ApiCreds, LiveError> {
        let mut creds = self.creds.lock().await;
        if let Some(c) = creds.as_ref() {
            return Ok(c.clone());
        }
        self.check_geoblock().await?;
        let c = self.derive_creds().await?;
        self.refresh_allowance(&c).await?;
        self.allowance_stale.store(false, Ordering::Relaxed);
        tracing::info!(address = %self.account.api_address(), "live broker ready: not geoblocked, API key derived, allowance refreshed");
        *creds = Some(c.clone());
        Ok(c)
    }

    async fn send(
        &self,
        step: &'static str,
        method: Method,
        url: &str,
        headers: &[(&'static str, String)],
        body: Option<&str>,
    ) -> Result<Answer, LiveError> {
        let mut request = self.http.request(method, url);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        if let Some(b) = body {
            request = request.header("content-type", "application/json").body(b.to_owned());
        }
        let unavailable = |reason: String| LiveError::Unavailable { step, reason };
        let response = request.send().await.map_err(|e| unavailable(transport_reason(e)))?;
        let status = response.status().as_u16();
        let text = response.text().await.map_err(|e| unavailable(transport_reason(e)))?;
        if status == 429 || status >= 500 {
            return Err(unavailable(format!("HTTP {status}: {}", head(&text))));
        }
        Ok(Answer { status, text })
    }

    async fn check_geoblock(&self) -> Result<(), LiveError> {
        const STEP: &str = "geoblock check";
        let a = self.send(STEP, Method::GET, &self.geoblock_url, &[], None).await?;
        if !(200..300).contains(&a.status) {
            return Err(LiveError::Refused { step: STEP, status: a.status, code: None, reason: head(&a.text) });
        }
        let v: Value = serde_json::from_str(&a.text).map_err(|e| LiveError::Malformed { step: STEP, reason: e.to_string() })?;
        let blocked = v
            .get("blocked")
            .and_then(Value::as_bool)
            .ok_or_else(|| LiveError::Malformed { step: STEP, reason: "no boolean `blocked` field".into() })?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("?").to_owned();
        if blocked {
            let e = LiveError::Geoblocked { country: field("country"), region: field("region") };
            tracing::error!(error = %e, "live trading refused");
            return Err(e);
        }
        tracing::info!(country = %field("country"), region = %field("region"), "geoblock check passed");
        Ok(())
    }

    fn l1_headers(&self) -> Result<Vec<(&'static str, String)>, LiveError> {
        self.account
            .l1_headers(self.clock.now().timestamp(), 0, self.chain_id)
            .map_err(|reason| LiveError::Malformed { step: "L1 signature", reason })
    }

    /// Derives the wallet's API credentials; creates them when the wallet has none yet.
    async fn derive_creds(&self) -> Result<ApiCreds, LiveError> {
        const STEP: &str = "API key derivation";
        self.limits.acquire(&[Family::Clob]).await;
        let derived = self.send(STEP, Method::GET, &format!("{}/auth/derive-api-key", self.clob), &self.l1_headers()?, None).await?;
        let a = if (200..300).contains(&derived.status) {
            derived
        } else {
            tracing::info!(status = derived.status, "no API key to derive; creating one");
            self.limits.acquire(&[Family::Clob]).await;
            self.send("API key creation", Method::POST, &format!("{}/auth/api-key", self.clob), &self.l1_headers()?, None).await?
        };
        if !(200..300).contains(&a.status) {
            return Err(LiveError::Refused { step: STEP, status: a.status, code: None, reason: head(&a.text) });
        }
        serde_json::from_str::<ApiCreds>(&a.text)
            .map_err(|_| LiveError::Malformed { step: STEP, reason: "no apiKey/secret/passphrase".into() })
    }

    fn l2_headers(&self, creds: &ApiCreds, method: &str, path: &str, body: &str) -> Result<Vec<(&'static str, String)>, LiveError> {
        let now = self.clock.now().timestamp();
        l2::headers(creds, &self.account.api_address().checksummed(), now, method, path, body)
            .map_err(|reason| LiveError::Malformed { step: "L2 signature", reason })
    }

    /// Asks the CLOB to re-read the wallet's pUSD balance and allowance, so orders are not
    /// refused on a stale view.
    async fn refresh_allowance(&self, creds: &ApiCreds) -> Result<(), LiveError> {
        const STEP: &str = "balance/allowance refresh";
        const PATH: &str = "/balance-allowance/update";
        let headers = self.l2_headers(creds, "GET", PATH, "")?;
        self.limits.acquire(&[Family::Clob]).await;
        let url = format!("{}{PATH}?asset_type=COLLATERAL&signature_type={}", self.clob, self.account.signature_type().code());
        let a = self.send(STEP, Method::GET, &url, &headers, None).await?;
        if !(200..300).contains(&a.status) {
            return Err(LiveError::Refused { step: STEP, status: a.status, code: None, reason: head(&a.text) });
        }
        Ok(())
    }

    async fn neg_risk(&self, token_id: &str) -> Result<bool, LiveError> {
        const STEP: &str = "neg-risk lookup";
        self.limits.acquire(&[Family::Clob]).await;
        let a = self.send(STEP, Method::GET, &format!("{}/neg-risk?token_id={token_id}", self.clob), &[], None).await?;
        if !(200..300).contains(&a.status) {
            return Err(LiveError::Refused { step: STEP, status: a.status, code: None, reason: head(&a.text) });
        }
        let v: Value = serde_json::from_str(&a.text).map_err(|e| LiveError::Malformed { step: STEP, reason: e.to_string() })?;
        v.get("neg_risk")
            .and_then(Value::as_bool)
            .ok_or_else(|| LiveError::Malformed { step: STEP, reason: "no boolean `neg_risk`".into() })
    }

    /// Rounds, signs and serialises `order`.
    async fn sign(&self, order: &CopyOrder) -> Result<SignedOrder, BrokerError> {
        if !order.shares.is_positive() {
            return Err(BrokerError::Rejected { code: None, reason: format!("order size must be positive, got {}", order.shares) });
        }
        let info = self.market.market_by_token(&order.token_id).await.map_err(|e| BrokerError::Unavailable(e.to_string()))?;
        if !info.accepting_orders {
            return Err(BrokerError::Rejected { code: None, reason: format!("market {} is not accepting orders", info.condition_id) });
        }
        let terms = OrderTerms::round(order, info.tick_size, info.min_order_size)?;
        let token_id = eip712::u256_from_decimal(&order.token_id)
            .ok_or_else(|| BrokerError::Rejected { code: None, reason: format!("token id {} is not a decimal uint256", order.token_id) })?;
        let neg_risk = self.neg_risk(&order.token_id).await?;
        let signed = self.account.order(SignedTerms {
            salt: order_salt(&order.key),
            token_id,
            maker_amount: terms.maker_amount,
            taker_amount: terms.taker_amount,
            side: if order.side == Side::Buy { SIDE_BUY } else { SIDE_SELL },
            timestamp_ms: u64::try_from(self.clock.now().timestamp_millis()).unwrap_or(0),
        });
        let domain = Domain::exchange(self.chain_id, neg_risk);
        let hash = domain.signing_hash(&signed.struct_hash());
        let sig = self.account.sign_order(&signed, &domain).map_err(|reason| BrokerError::Rejected { code: None, reason })?;
        let order_json = json!({
                "salt": signed.salt,
                "maker": signed.maker.checksummed(),
                "signer": signed.signer.checksummed(),
                "tokenId": order.token_id,
                "makerAmount": signed.maker_amount.to_string(),
                "takerAmount": signed.taker_amount.to_string(),
                "side": if order.side == Side::Buy { "BUY" } else { "SELL" },
                "expiration": "0",
                "signatureType": signed.signature_type,
                "timestamp": signed.timestamp_ms.to_string(),
                "metadata": format!("0x{}", hex::encode(signed.metadata)),
                "builder": format!("0x{}", hex::encode(signed.builder)),
                "signature": format!("0x{}", hex::encode(sig)),
        });
        let hash = format!("0x{}", hex::encode(hash));
        tracing::info!(
            key = %order.key, token = %order.token_id, side = ?order.side, shares = %terms.shares, price = %terms.price.0,
            salt = signed.salt, neg_risk, order = %hash, "live order signed"
        );
        Ok(SignedOrder {
            hash,
            order: order_json,
            order_type: match order.time_in_force {
                TimeInForce::Fok => "FOK",
                TimeInForce::Fak => "FAK",
            }
            .to_owned(),
            side: order.side,
            fee_rate: info.taker_fee_rate,
        })
    }

    /// What became of a signed order at the venue (`GET /order/{hash}`): `None` when the venue
    /// has never seen it, so it may be sent.
    async fn lookup(&self, creds: &ApiCreds, signed: &SignedOrder) -> Result<Option<Fill>, LiveError> {
        const STEP: &str = "order lookup";
        let path = format!("/order/{}", signed.hash);
        let headers = self.l2_headers(creds, "GET", &path, "")?;
        self.limits.acquire(&[Family::Clob]).await;
        let a = self.send(STEP, Method::GET, &format!("{}{path}", self.clob), &headers, None).await?;
        read_lookup_answer(a.status, &a.text, &signed.hash, signed.fee_rate, self.clock.now())
    }

    /// Posts a signed order; a fill (possibly empty) or why not.
    async fn post(&self, creds: &ApiCreds, signed: &SignedOrder) -> Result<Fill, LiveError> {
        const STEP: &str = "order placement";
        const PATH: &str = "/order";
        let body = signed.body(&creds.key);
        let headers = self.l2_headers(creds, "POST", PATH, &body)?;
        self.limits.acquire(&[Family::Clob]).await;
        let a = self.send(STEP, Method::POST, &format!("{}{PATH}", self.clob), &headers, Some(&body)).await?;
        read_placement_answer(a.status, &a.text, signed.side, signed.fee_rate, self.clock.now())
    }
}

/// Most shares one answer may report for one of our orders: far above any copy order, so an
/// amount past it is a bad answer, not a fill to book (and the fee arithmetic cannot overflow).
const MAX_REPORTED_SHARES: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// What an order lookup's answer (`GET /order/{hash}`, status `status`, body `text`) says of
/// order `hash`: `None` when the venue has never seen it, the fill when it is settled, or why
/// its fate is not known. Never panics, whatever the body.
pub fn read_lookup_answer(status: u16, text: &str, hash: &str, fee_rate: Decimal, now: Timestamp) -> Result<Option<Fill>, LiveError> {
    const STEP: &str = "order lookup";
    if status == 404 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(LiveError::Refused { step: STEP, status, code: None, reason: head(text) });
    }
    let v: Value = match text.trim() {
        "" | "null" => return Ok(None),
        text => serde_json::from_str(text).map_err(|e| LiveError::Malformed { step: STEP, reason: e.to_string() })?,
    };
    if v.get("id").is_none() {
        return Ok(None);
    }
    let state = v.get("status").and_then(Value::as_str).unwrap_or_default().to_ascii_uppercase();
    let state = state.strip_prefix("ORDER_STATUS_").unwrap_or(&state).to_owned();
    let matched = amount(&v, "size_matched")
        .filter(|m| *m >= Decimal::ZERO && *m <= MAX_REPORTED_SHARES)
        .ok_or_else(|| LiveError::Malformed { step: STEP, reason: format!("order {hash} has no readable size_matched") })?;
    let price = amount(&v, "price")
        .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE)
        .ok_or_else(|| LiveError::Malformed { step: STEP, reason: format!("order {hash} has no readable price in [0, 1]") })?;
    let order_id = hash.to_owned();
    match state.as_str() {
        // A marketable FOK/FAK order never rests; a live one is not settled yet.
        "LIVE" => Err(LiveError::Unavailable { step: STEP, reason: format!("order {hash} is still live; its fill is not known yet") }),
        "INVALID" => Err(LiveError::Refused { step: STEP, status, code: None, reason: format!("the venue holds order {hash} as invalid") }),
        // Settled: what matched is the fill, at the order's limit price (an upper bound for a
        // buy's cost, a lower bound for a sell's proceeds: the venue's trades hold the rest).
        "MATCHED" | "CANCELED" | "CANCELED_MARKET_RESOLVED" => {
            let shares = Shares(matched);
            let (avg, fee) =
                if matched > Decimal::ZERO { (Price(price), taker_fee(shares, Price(price), fee_rate)) } else { (Price::ZERO, Usd::ZERO) };
            Ok(Some(Fill { shares, avg_price: avg, fee, order_id, at: now }))
        }
        other => Err(LiveError::Malformed { step: STEP, reason: format!("order {hash} has unknown status {other:?}") }),
    }
}

/// What an order placement's answer (`POST /order`, status `status`, body `text`) says: a fill
/// (possibly empty), a typed refusal, or that the fill is not known yet. Never panics, whatever
/// the body.
pub fn read_placement_answer(status: u16, text: &str, side: Side, fee_rate: Decimal, now: Timestamp) -> Result<Fill, LiveError> {
    const STEP: &str = "order placement";
    let raw = text;
    let v: Value = serde_json::from_str(raw).unwrap_or(Value::Null);
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let message = [text("errorMsg"), text("error_msg"), text("error")].into_iter().find(|m| !m.is_empty()).unwrap_or_else(|| head(raw));
    // The CLOB documents `{"error": message}`; a code is kept when an answer carries one.
    let code = ["errorCode", "error_code", "code"].into_iter().find_map(|k| match v.get(k)? {
        Value::String(c) if !c.is_empty() => Some(c.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    if !(200..300).contains(&status) {
        return Err(LiveError::Refused { step: STEP, status, code, reason: message });
    }
    if v.is_null() {
        return Err(LiveError::Unavailable { step: STEP, reason: format!("unreadable answer: {}", head(raw)) });
    }
    if v.get("success").and_then(Value::as_bool) == Some(false) {
        return Err(LiveError::Refused { step: STEP, status, code, reason: message });
    }
    let order_id = text("orderID");
    let state = text("status").to_ascii_lowercase();
    match state.as_str() {
        "unmatched" => Ok(Fill { shares: Shares::ZERO, avg_price: Price::ZERO, fee: Usd::ZERO, order_id, at: now }),
        "matched" => {
            let (making, taking) = (amount(&v, "makingAmount"), amount(&v, "takingAmount"));
            let (shares, usd) = if side == Side::Buy { (taking, making) } else { (making, taking) };
            // The average price must be a price: a division that overflows, or lands outside
            // (0, 1], is an unreadable answer, not a fill to book.
            let avg = match (shares, usd) {
                (Some(s), Some(u)) if s > Decimal::ZERO && s <= MAX_REPORTED_SHARES && u >= Decimal::ZERO => {
                    u.checked_div(s).map(|p| p.round_dp(6)).filter(|p| *p > Decimal::ZERO && *p <= Decimal::ONE).map(|p| (s, Price(p)))
                }
                _ => None,
            };
            match avg {
                Some((s, avg)) => {
                    Ok(Fill { shares: Shares(s), avg_price: avg, fee: taker_fee(Shares(s), avg, fee_rate), order_id, at: now })
                }
                None => {
                    Err(LiveError::Unavailable { step: STEP, reason: format!("order {order_id} matched but its amounts are unreadable") })
                }
            }
        }
        other => Err(LiveError::Unavailable { step: STEP, reason: format!("order {order_id} is {other:?}; its fill is not known yet") }),
    }
}

/// An order's price and size on the market's grid, and the signed amounts (10⁻⁶ units).
#[derive(Debug, PartialEq, Eq)]
struct OrderTerms {
    price: Price,
    shares: Decimal,
    maker_amount: u128,
    taker_amount: u128,
}

impl OrderTerms {
    /// A buy's limit rounds down to the tick and a sell's up (never worse than asked); shares
    /// round down to the 0.01 lot and must reach the market's minimum.
    fn round(order: &CopyOrder, tick: Price, min_size: Shares) -> Result<OrderTerms, BrokerError> {
        let tick_d = tick.0.normalize();
        if tick_d <= Decimal::ZERO || tick_d >= Decimal::ONE {
            return Err(BrokerError::Rejected { code: None, reason: format!("market tick size {tick_d} is not in (0, 1)") });
        }
        let price = match order.side {
            Side::Buy => order.limit_price.floor_to_tick(tick),
            Side::Sell => order.limit_price.ceil_to_tick(tick),
        };
        if price.0 < tick_d || price.0 > Decimal::ONE - tick_d {
            return Err(BrokerError::Rejected {
                code: None,
                reason: format!("limit price {} is outside [{tick_d}, {}] for tick {tick_d}", price.0, Decimal::ONE - tick_d),
            });
        }
        let shares = order.shares.0.trunc_with_scale(LOT_DECIMALS);
        if shares < min_size.0 || shares <= Decimal::ZERO {
            return Err(BrokerError::BelowMinimum {
                reason: format!("{shares} shares is below the market's minimum order of {}", min_size.0),
            });
        }
        let notional = (shares * price.0).trunc_with_scale(tick_d.scale() + LOT_DECIMALS);
        let (maker, taker) = match order.side {
            Side::Buy => (notional, shares),
            Side::Sell => (shares, notional),
        };
        Ok(OrderTerms { price, shares, maker_amount: fixed(maker)?, taker_amount: fixed(taker)? })
    }
}

/// A decimal amount in 10⁻⁶ units, truncated.
fn fixed(d: Decimal) -> Result<u128, BrokerError> {
    (d.trunc_with_scale(TOKEN_DECIMALS) * Decimal::from(10u64.pow(TOKEN_DECIMALS)))
        .to_u128()
        .ok_or_else(|| BrokerError::Rejected { code: None, reason: format!("amount {d} does not fit an order") })
}

/// A decimal amount from a string or number field; `""` reads as zero.
fn amount(v: &Value, key: &str) -> Option<Decimal> {
    match v.get(key)? {
        Value::String(s) if s.is_empty() => Some(Decimal::ZERO),
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.to_string().parse().ok(),
        _ => None,
    }
}

fn head(text: &str) -> String {
    text.chars().take(300).collect()
}

/// A transport error, without its URL.
fn transport_reason(e: reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer within the request timeout".to_owned()
    } else if e.is_connect() {
        "connection failed".to_owned()
    } else {
        e.without_url().to_string()
    }
}

#[async_trait]
impl Broker for LiveBroker {
    async fn place(&self, order: &CopyOrder) -> Result<Fill, BrokerError> {
        let ticket = self.prepare(order).await?;
        self.place_prepared(order, ticket.as_ref()).await
    }

    /// Signs the order once (a retry in this process gets the same ticket back).
    async fn prepare(&self, order: &CopyOrder) -> Result<Option<OrderTicket>, BrokerError> {
        let inner = &self.inner;
        let slot = inner.slot(&order.key);
        let mut slot = slot.lock().await;
        if let Some(s) = &slot.signed {
            return Ok(Some(s.ticket()));
        }
        // Start-up first: a geoblocked host or a wallet without keys signs nothing.
        inner.session().await?;
        let signed = inner.sign(order).await?;
        let ticket = signed.ticket();
        slot.signed = Some(signed);
        Ok(Some(ticket))
    }

    async fn place_prepared(&self, order: &CopyOrder, ticket: Option<&OrderTicket>) -> Result<Fill, BrokerError> {
        let inner = &self.inner;
        let slot = inner.slot(&order.key);
        // Held for the whole order: two concurrent places of one key send one order.
        let mut slot = slot.lock().await;
        if let Some(fill) = &slot.fill {
            return Ok(fill.clone());
        }
        let creds = inner.session().await?;
        if inner.allowance_stale.load(Ordering::Relaxed) {
            inner.refresh_allowance(&creds).await?;
            inner.allowance_stale.store(false, Ordering::Relaxed);
        }
        if let Some(t) = ticket {
            let from_ticket = SignedOrder::from_ticket(t)?;
            if slot.signed.as_ref().map(|s| &s.hash) != Some(&from_ticket.hash) {
                // Prepared elsewhere (a process that died holding the claim): it may have sent it.
                tracing::info!(key = %order.key, order = %from_ticket.hash, "settling an order prepared by an earlier attempt");
                slot.signed = Some(from_ticket);
                slot.maybe_sent = true;
            }
        }
        let signed = match &slot.signed {
            Some(s) => s.clone(),
            None => {
                let s = inner.sign(order).await?;
                slot.signed = Some(s.clone());
                s
            }
        };
        if slot.maybe_sent {
            match inner.lookup(&creds, &signed).await {
                Ok(Some(fill)) => {
                    tracing::info!(key = %order.key, order = %signed.hash, shares = %fill.shares, "the venue already settled this order; not sending it again");
                    slot.fill = Some(fill.clone());
                    return Ok(fill);
                }
                Ok(None) => {
                    tracing::info!(key = %order.key, order = %signed.hash, "the venue has not seen this order; sending the same signed order")
                }
                // Its fate stays unknown: never send it blind.
                Err(e) => return Err(BrokerError::Unavailable(e.to_string())),
            }
        }
        slot.maybe_sent = true;
        match inner.post(&creds, &signed).await {
            Ok(fill) => {
                tracing::info!(key = %order.key, order_id = %fill.order_id, shares = %fill.shares, avg_price = %fill.avg_price.0, "live order done");
                slot.fill = Some(fill.clone());
                Ok(fill)
            }
            Err(e @ LiveError::Unavailable { .. }) => {
                tracing::warn!(key = %order.key, error = %e, "live order fate unknown; a retry asks the venue for it before sending it again");
                Err(e.into())
            }
            Err(e) => {
                // Refused: it never traded, so a retry may sign afresh.
                slot.signed = None;
                slot.maybe_sent = false;
                let text = e.to_string().to_ascii_lowercase();
                if text.contains("balance") || text.contains("allowance") {
                    inner.allowance_stale.store(true, Ordering::Relaxed);
                }
                if matches!(e, LiveError::Refused { status: 401 | 403, .. }) {
                    *inner.creds.lock().await = None;
                }
                tracing::warn!(key = %order.key, error = %e, "live order refused");
                Err(e.into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::order::TimeInForce;
    use rust_decimal_macros::dec;

    #[test]
    fn answers_with_absurd_amounts_are_unreadable_not_a_panic() {
        let now = copycat_core::time::from_secs(1_780_000_000);
        // A huge amount over a tiny one overflowed the average-price division (a panic before).
        let body = r#"{"success":true,"status":"matched","orderID":"0x1","makingAmount":"79228162514264337593543950335","takingAmount":"0.0000000000000000000000000001"}"#;
        let e = read_placement_answer(200, body, Side::Buy, dec!(0.02), now).unwrap_err();
        assert!(matches!(e, LiveError::Unavailable { .. }), "{e}");
        // A price above 1 and a matched size past any order are bad answers too.
        let e = read_lookup_answer(200, r#"{"id":"0x1","status":"MATCHED","size_matched":"1e27","price":"3"}"#, "0x1", dec!(0.02), now)
            .unwrap_err();
        assert!(matches!(e, LiveError::Malformed { .. }), "{e}");
        let e = read_lookup_answer(
            200,
            r#"{"id":"0x1","status":"MATCHED","size_matched":"79228162514264337593543950335","price":"0.5"}"#,
            "0x1",
            dec!(0.02),
            now,
        )
        .unwrap_err();
        assert!(matches!(e, LiveError::Malformed { .. }), "{e}");
        // A sane answer still reads as its fill.
        let body = r#"{"success":true,"status":"matched","orderID":"0x1","makingAmount":"5.2","takingAmount":"10"}"#;
        let fill = read_placement_answer(200, body, Side::Buy, dec!(0), now).unwrap();
        assert_eq!((fill.shares, fill.avg_price), (Shares(dec!(10)), Price(dec!(0.52))));
        let fill =
            read_lookup_answer(200, r#"{"id":"0x1","status":"MATCHED","size_matched":"10","price":"0.52"}"#, "0x1", dec!(0), now).unwrap();
        assert_eq!(fill.map(|f| f.shares), Some(Shares(dec!(10))));
    }

    fn order(side: Side, shares: Decimal, limit: Decimal) -> CopyOrder {
        CopyOrder {
            key: SignalKey("0123456789abcdef0123456789abcdef".into()),
            token_id: "1".into(),
            side,
            shares: Shares(shares),
            limit_price: Price(limit),
            time_in_force: TimeInForce::Fok,
        }
    }

    #[test]
    fn a_buy_rounds_its_price_down_and_its_size_to_the_lot() {
        let t = OrderTerms::round(&order(Side::Buy, dec!(10.237), dec!(0.537)), Price(dec!(0.01)), Shares(dec!(5))).unwrap();
        assert_eq!(t.price, Price(dec!(0.53)));
        assert_eq!(t.shares, dec!(10.23));
        assert_eq!((t.maker_amount, t.taker_amount), (5_421_900, 10_230_000), "pays 10.23 × 0.53 pUSD for 10.23 shares");
    }

    #[test]
    fn a_sell_rounds_its_price_up_and_receives_the_notional() {
        let t = OrderTerms::round(&order(Side::Sell, dec!(8), dec!(0.4121)), Price(dec!(0.001)), Shares(dec!(5))).unwrap();
        assert_eq!(t.price, Price(dec!(0.413)));
        assert_eq!((t.maker_amount, t.taker_amount), (8_000_000, 3_304_000));
    }

    #[test]
    fn below_the_minimum_or_off_the_price_range_is_refused() {
        let small = OrderTerms::round(&order(Side::Buy, dec!(4.999), dec!(0.5)), Price(dec!(0.01)), Shares(dec!(5)));
        assert!(matches!(small, Err(BrokerError::BelowMinimum { ref reason }) if reason.contains("minimum")), "{small:?}");
        let high = OrderTerms::round(&order(Side::Sell, dec!(10), dec!(0.995)), Price(dec!(0.01)), Shares(dec!(5)));
        assert!(matches!(high, Err(BrokerError::Rejected { code: None, ref reason }) if reason.contains("outside")), "{high:?}");
    }

    #[test]
    fn the_salt_depends_on_the_signal_key_alone_and_fits_a_json_number() {
        let a = order_salt(&SignalKey("aa".repeat(16)));
        assert_eq!(a, order_salt(&SignalKey("aa".repeat(16))));
        assert_ne!(a, order_salt(&SignalKey("ab".repeat(16))));
        assert!(a <= JS_SAFE_INTEGER_MAX);
    }

    #[test]
    fn amounts_read_strings_numbers_and_empty() {
        let v = json!({"a": "1.5", "b": 2, "c": ""});
        assert_eq!(amount(&v, "a"), Some(dec!(1.5)));
        assert_eq!(amount(&v, "b"), Some(dec!(2)));
        assert_eq!(amount(&v, "c"), Some(Decimal::ZERO));
        assert_eq!(amount(&v, "d"), None);
    }
}
