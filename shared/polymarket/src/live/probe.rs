//! One-shot questions to the venue about an account, for `copycat doctor`: the geoblock check,
//! API key derivation, the pUSD balance and allowances, and whether a host answers within the
//! request timeout. Nothing here places or cancels an order.

use super::account::Account;
use super::eip712::{self, Address};
use super::l2::{self, ApiCreds};
use crate::client::{BuildError, venue_http};
use copycat_core::config::Config;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Why a probe got no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    /// No answer (connection, timeout) or a 429/5xx.
    #[error("no usable answer: {0}")]
    Unreachable(String),
    /// The venue answered no (4xx).
    #[error("refused (HTTP {status}): {message}")]
    Refused {
        /// Status code.
        status: u16,
        /// The venue's message.
        message: String,
    },
    /// The answer could not be read.
    #[error("unreadable answer: {0}")]
    Malformed(String),
}

/// What the geoblock check said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Geo {
    /// Orders from this host are refused.
    pub blocked: bool,
    /// Country code seen.
    pub country: String,
    /// Region seen.
    pub region: String,
}

/// The pUSD a funder holds and has approved, as the CLOB reports it (10⁻⁶ units; an allowance
/// larger than `u128` reads as `u128::MAX`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalanceAllowance {
    /// pUSD balance.
    pub balance: u128,
    /// Allowance by spender, as reported.
    pub allowances: Vec<(Address, u128)>,
}

/// The spenders that must be approved to trade every market: the two V2 exchanges and the
/// neg-risk adapter, with a name for people.
pub const SPENDERS: [(&str, Address); 3] = [
    ("CTF Exchange V2", eip712::EXCHANGE_V2),
    ("Neg-risk CTF Exchange V2", eip712::NEG_RISK_EXCHANGE_V2),
    ("Neg-risk adapter", eip712::NEG_RISK_ADAPTER),
];

/// Asks the venue of one config.
pub struct Probe {
    http: reqwest::Client,
    clob: String,
}

impl Probe {
    /// A prober with `config`'s timeouts and CLOB.
    pub fn new(config: &Config) -> Result<Probe, BuildError> {
        Ok(Probe { http: venue_http(&config.venue)?, clob: config.venue.clob_url.trim_end_matches('/').to_owned() })
    }

    async fn get(&self, url: &str, headers: &[(&'static str, String)], post: bool) -> Result<(u16, String), ProbeError> {
        let mut request = if post { self.http.post(url) } else { self.http.get(url) };
        for (k, v) in headers {
            request = request.header(*k, v);
        }
        let response = request.send().await.map_err(|e| ProbeError::Unreachable(transport(&e)))?;
        let status = response.status().as_u16();
        let text = response.text().await.map_err(|e| ProbeError::Unreachable(transport(&e)))?;
        if status == 429 || status >= 500 {
            return Err(ProbeError::Unreachable(format!("HTTP {status}: {}", head(&text))));
        }
        if !(200..300).contains(&status) {
            let message = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("error").and_then(Value::as_str).map(str::to_owned))
                .unwrap_or_else(|| head(&text));
            return Err(ProbeError::Refused { status, message });
        }
        Ok((status, text))
    }

    /// The geoblock check at `url`.
    pub async fn geoblock(&self, url: &str) -> Result<Geo, ProbeError> {
        let (_, text) = self.get(url, &[], false).await?;
        let v: Value = serde_json::from_str(&text).map_err(|e| ProbeError::Malformed(e.to_string()))?;
        let blocked = v.get("blocked").and_then(Value::as_bool).ok_or_else(|| ProbeError::Malformed("no boolean `blocked`".into()))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("?").to_owned();
        Ok(Geo { blocked, country: field("country"), region: field("region") })
    }

    /// The account's API credentials, derived (or created, when it has none yet) with an L1
    /// signature bound to [`Account::api_address`], at Unix time `now`.
    pub async fn api_key(&self, account: &Account, now: i64) -> Result<ApiCreds, ProbeError> {
        let headers = account.l1_headers(now, 0, eip712::POLYGON).map_err(ProbeError::Malformed)?;
        let answer = match self.get(&format!("{}/auth/derive-api-key", self.clob), &headers, false).await {
            Ok(a) => a,
            Err(ProbeError::Refused { .. }) => self.get(&format!("{}/auth/api-key", self.clob), &headers, true).await?,
            Err(e) => return Err(e),
        };
        serde_json::from_str::<ApiCreds>(&answer.1).map_err(|_| ProbeError::Malformed("no apiKey/secret/passphrase".into()))
    }

    /// The funder's pUSD balance and allowances, after asking the CLOB to re-read them, for the
    /// account's signature type.
    pub async fn balance_allowance(&self, account: &Account, creds: &ApiCreds, now: i64) -> Result<BalanceAllowance, ProbeError> {
        let query = format!("?asset_type=COLLATERAL&signature_type={}", account.signature_type().code());
        let address = account.api_address().checksummed();
        let ask = |path: &'static str| {
            let headers = l2::headers(creds, &address, now, "GET", path, "").map_err(ProbeError::Malformed);
            let url = format!("{}{path}{query}", self.clob);
            async move { self.get(&url, &headers?, false).await }
        };
        ask("/balance-allowance/update").await?;
        let (_, text) = ask("/balance-allowance").await?;
        read_balance_allowance(&text)
    }

    /// How long `url` took to answer with a success, within the request timeout.
    pub async fn reach(&self, url: &str) -> Result<Duration, ProbeError> {
        let started = Instant::now();
        self.get(url, &[], false).await?;
        Ok(started.elapsed())
    }
}

/// Reads `{balance, allowances: {spender: amount}}` (or a single `allowance`, as older answers
/// carry it, which then stands for every spender).
pub fn read_balance_allowance(text: &str) -> Result<BalanceAllowance, ProbeError> {
    let v: Value = serde_json::from_str(text).map_err(|e| ProbeError::Malformed(e.to_string()))?;
    let balance = v.get("balance").and_then(units).ok_or_else(|| ProbeError::Malformed("no readable `balance`".into()))?;
    let allowances = match (v.get("allowances").and_then(Value::as_object), v.get("allowance").and_then(units)) {
        (Some(map), _) => map
            .iter()
            .map(|(k, a)| {
                Ok((
                    Address::parse(k).map_err(ProbeError::Malformed)?,
                    units(a).ok_or_else(|| ProbeError::Malformed(format!("allowance for {k}")))?,
                ))
            })
            .collect::<Result<Vec<_>, ProbeError>>()?,
        (None, Some(one)) => SPENDERS.iter().map(|(_, s)| (*s, one)).collect(),
        (None, None) => return Err(ProbeError::Malformed("no `allowances` or `allowance`".into())),
    };
    Ok(BalanceAllowance { balance, allowances })
}

/// A non-negative integer amount from a string or number, saturating at `u128::MAX`.
fn units(v: &Value) -> Option<u128> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse::<u128>().unwrap_or(u128::MAX))
}

fn head(text: &str) -> String {
    text.chars().take(300).collect()
}

fn transport(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer within the request timeout (venue.request_timeout_ms)".to_owned()
    } else if e.is_connect() {
        "connection failed".to_owned()
    } else {
        "the request failed".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balances_and_allowances_read_both_shapes_and_huge_numbers() {
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        let v2 =
            format!(r#"{{"balance":"12500000","allowances":{{"{}":"{max}","{}":"0"}}}}"#, eip712::EXCHANGE_V2, eip712::NEG_RISK_ADAPTER);
        let read = read_balance_allowance(&v2).unwrap();
        assert_eq!(read.balance, 12_500_000);
        assert_eq!(read.allowances, vec![(eip712::EXCHANGE_V2, u128::MAX), (eip712::NEG_RISK_ADAPTER, 0)]);
        let v1 = read_balance_allowance(r#"{"balance": 5, "allowance": "7"}"#).unwrap();
        assert_eq!(v1.allowances.len(), SPENDERS.len());
        assert!(v1.allowances.iter().all(|(_, a)| *a == 7));
        assert!(read_balance_allowance(r#"{"balance":"-1","allowance":"1"}"#).is_err());
        assert!(read_balance_allowance(r#"{"balance":"1"}"#).is_err());
    }
}
