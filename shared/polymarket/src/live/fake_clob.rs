//! A fake CLOB (with the geoblock check, one Gamma market, the Data API's status and the
//! CLOB's time) on 127.0.0.1 that checks what the venue checks, for every signature type, and
//! refuses with the venue's own texts (as users of the official clients report them):
//!
//! - L1: a `ClobAuth` signed by the address it names; else 401 "Invalid L1 Request headers" (a
//!   `ClobAuth` naming a deposit wallet, signed by its owner, included, as the venue answers it).
//!   The API key is bound to the named address.
//! - L2: the HMAC of a key it issued, from the address the key is bound to; else 401.
//! - Orders: a V1-shaped order is "invalid order version"; a signer other than the API key's
//!   address (or, for a deposit-wallet order, other than a deposit wallet the key's address owns:
//!   a configured wallet → owner map stands in for the wallet's EIP-1271 check) is "the order
//!   signer address has to be the address of the API KEY"; an EOA, proxy
//!   or Safe order by a key that owns a deposit wallet is "maker address not allowed, please use
//!   the deposit wallet flow"; a signature that does not hold together for the type (see
//!   [`super::account::verify_order`]) is "invalid signature"; a buy the maker's pUSD balance or
//!   allowance does not cover is "not enough balance / allowance".
//! - Balance and allowance: per funder, read through the API key's address and the request's
//!   `signature_type` the way the venue resolves it (the key's address for 0, the proxy or Safe
//!   the factory made for it for 1 and 2, the deposit wallet it owns for 3).
//!
//! Used by the live broker's tests and by `copycat doctor`'s, never in a Lambda.

use super::account::verify_order;
use super::eip712::{self, Address, Domain, OrderV2};
use super::l2;
use crate::server::{Handler, Request, Response};
use base64::Engine as _;
use copycat_core::config::SignatureType;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The one market the fake lists: its YES token.
pub const TOKEN: &str = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
/// Its NO token.
pub const OTHER_TOKEN: &str = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

/// pUSD a funder holds and has approved for the exchanges, in 10⁻⁶ units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Funds {
    /// pUSD balance.
    pub balance: u128,
    /// Allowance for each exchange (and the neg-risk adapter).
    pub allowance: u128,
}

/// What the fake venue knows of the world.
#[derive(Clone, Debug, Default)]
pub struct FakeClobSetup {
    /// The geoblock check answers `blocked: true` (country US).
    pub geoblocked: bool,
    /// Deposit wallet → its owner's key address (what the wallet's EIP-1271 check accepts).
    pub deposit_wallets: HashMap<Address, Address>,
    /// Funds by funder address; a funder not listed holds nothing.
    pub funds: HashMap<Address, Funds>,
}

impl FakeClobSetup {
    /// Reads a setup from JSON: `{"geoblocked": bool, "deposit_wallets": {wallet: owner},
    /// "funds": {address: {"balance": units, "allowance": units | "max"}}}`, amounts in 10⁻⁶
    /// pUSD as strings or numbers; every key optional. An error names the field.
    pub fn from_json(text: &str) -> Result<FakeClobSetup, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let address = |field: &str, s: &str| Address::parse(s).map_err(|e| format!("{field}: {e}"));
        let amount = |field: &str, a: &Value| -> Result<u128, String> {
            match a {
                Value::String(m) if m == "max" => Ok(u128::MAX),
                Value::String(n) => n.parse().map_err(|_| format!("{field}: {n:?} is not a whole number of 10⁻⁶ pUSD")),
                Value::Number(n) => n.as_u64().map(u128::from).ok_or_else(|| format!("{field}: {n} is not a whole number")),
                Value::Null => Ok(0),
                other => Err(format!("{field}: {other} is not an amount")),
            }
        };
        let mut setup = FakeClobSetup { geoblocked: v["geoblocked"].as_bool().unwrap_or(false), ..FakeClobSetup::default() };
        for (wallet, owner) in v["deposit_wallets"].as_object().into_iter().flatten() {
            let owner = owner.as_str().ok_or_else(|| format!("deposit_wallets.{wallet}: the owner must be an address string"))?;
            setup.deposit_wallets.insert(address("deposit_wallets", wallet)?, address(&format!("deposit_wallets.{wallet}"), owner)?);
        }
        for (holder, f) in v["funds"].as_object().into_iter().flatten() {
            let field = format!("funds.{holder}");
            let funds = Funds {
                balance: amount(&format!("{field}.balance"), &f["balance"])?,
                allowance: amount(&format!("{field}.allowance"), &f["allowance"])?,
            };
            setup.funds.insert(address("funds", holder)?, funds);
        }
        Ok(setup)
    }
}

/// An API key the fake issued.
#[derive(Clone, Debug)]
struct IssuedKey {
    address: Address,
    secret: String,
    passphrase: String,
}

/// The fake venue. Cheap to share; every request is recorded.
pub struct FakeClob {
    setup: Mutex<FakeClobSetup>,
    keys: Mutex<HashMap<String, IssuedKey>>,
    held: Mutex<HashMap<String, Value>>,
    accepted: Mutex<Vec<String>>,
    requests: Mutex<Vec<Request>>,
}

impl FakeClob {
    /// A fake venue knowing `setup`.
    pub fn new(setup: FakeClobSetup) -> Arc<FakeClob> {
        Arc::new(FakeClob {
            setup: Mutex::new(setup),
            keys: Mutex::new(HashMap::new()),
            held: Mutex::new(HashMap::new()),
            accepted: Mutex::new(vec![]),
            requests: Mutex::new(vec![]),
        })
    }

    /// The handler to give a [`crate::server::LocalServer`].
    pub fn handler(self: &Arc<Self>) -> Handler {
        let me = self.clone();
        Arc::new(move |r: &Request| me.answer(r))
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.requests).clone()
    }

    /// Hashes of the orders it accepted, in order.
    pub fn accepted(&self) -> Vec<String> {
        lock(&self.accepted).clone()
    }

    /// The address the API key `key` is bound to, if the fake issued it.
    pub fn key_address(&self, key: &str) -> Option<Address> {
        lock(&self.keys).get(key).map(|k| k.address)
    }

    /// Answers one request.
    pub fn answer(&self, r: &Request) -> Response {
        lock(&self.requests).push(r.clone());
        match (r.method.as_str(), r.path.as_str()) {
            (_, "/api/geoblock") => {
                let blocked = lock(&self.setup).geoblocked;
                Response::json(
                    json!({"blocked": blocked, "ip": "127.0.0.1", "country": if blocked { "US" } else { "IE" }, "region": if blocked { "NY" } else { "L" }})
                        .to_string(),
                )
            }
            (_, "/time") => Response::json("1796083200"),
            (_, "/v2/status") => Response::json(json!({"status": "ok"}).to_string()),
            (_, "/markets") => Response::json(gamma_markets().to_string()),
            (_, "/fee-rate") => Response::json(json!({"base_fee": 200}).to_string()),
            (_, "/neg-risk") => Response::json(json!({"neg_risk": false}).to_string()),
            ("GET", "/auth/derive-api-key") | ("POST", "/auth/api-key") => match self.l1_address(r) {
                Some(address) => {
                    let k = self.issue(address);
                    Response::json(json!({"apiKey": k.0, "secret": k.1.secret, "passphrase": k.1.passphrase}).to_string())
                }
                None => Response::error(401, "Invalid L1 Request headers"),
            },
            ("GET", "/balance-allowance") | ("GET", "/balance-allowance/update") => match self.l2_key(r) {
                Some(key) => self.balance_allowance(r, &key),
                None => Response::error(401, "Unauthorized/Invalid api key"),
            },
            ("POST", "/order") => match self.l2_key(r) {
                Some(key) => self.place(r, &key),
                None => Response::error(401, "Unauthorized/Invalid api key"),
            },
            ("GET", p) if p.starts_with("/order/") => match self.l2_key(r) {
                Some(_) => match lock(&self.held).get(&p["/order/".len()..]) {
                    Some(record) => Response::json(record.to_string()),
                    None => Response::error(404, "order not found"),
                },
                None => Response::error(401, "Unauthorized/Invalid api key"),
            },
            _ => Response::error(404, "no such route"),
        }
    }

    /// The address an L1 request binds a key to: the one its `ClobAuth` names, when signed by it.
    fn l1_address(&self, r: &Request) -> Option<Address> {
        let named = Address::parse(r.header("POLY_ADDRESS")?).ok()?;
        let nonce: u64 = r.header("POLY_NONCE")?.parse().ok()?;
        let hash = eip712::clob_auth_hash(named, r.header("POLY_TIMESTAMP")?, nonce, eip712::POLYGON);
        let signer = eip712::recover(&hash, &eip712::parse_signature(r.header("POLY_SIGNATURE")?)?)?;
        (signer == named).then_some(named)
    }

    /// Issues (or re-derives: the same address always gets the same key) an API key for `address`.
    fn issue(&self, address: Address) -> (String, IssuedKey) {
        let seed = eip712::keccak256(format!("fake-clob-key:{}", address.lower()).as_bytes());
        let id = hex::encode(&seed[..16]);
        let key_id = format!("{}-{}-{}-{}-{}", &id[..8], &id[8..12], &id[12..16], &id[16..20], &id[20..32]);
        let secret = base64::engine::general_purpose::URL_SAFE.encode(eip712::keccak256(&seed));
        let passphrase = hex::encode(&eip712::keccak256(&seed[16..])[..12]);
        let issued = IssuedKey { address, secret, passphrase };
        lock(&self.keys).insert(key_id.clone(), issued.clone());
        (key_id, issued)
    }

    /// The issued key whose L2 headers this request carries, when they verify.
    fn l2_key(&self, r: &Request) -> Option<IssuedKey> {
        let key = lock(&self.keys).get(r.header("POLY_API_KEY")?).cloned()?;
        let ts: i64 = r.header("POLY_TIMESTAMP")?.parse().ok()?;
        let body = String::from_utf8_lossy(&r.body);
        let from = Address::parse(r.header("POLY_ADDRESS")?).ok()?;
        let verifies = r.header("POLY_PASSPHRASE") == Some(key.passphrase.as_str())
            && l2::signature(&key.secret, ts, &r.method, &r.path, &body).as_deref().ok() == r.header("POLY_SIGNATURE")
            && from == key.address;
        verifies.then_some(key)
    }

    /// The funder the venue resolves for a key's address and a signature type (none for a
    /// deposit wallet the address does not own).
    fn funder_of(setup: &FakeClobSetup, address: Address, signature_type: SignatureType) -> Option<Address> {
        match signature_type {
            SignatureType::Eoa => Some(address),
            SignatureType::PolyProxy => Some(eip712::proxy_wallet_of(address)),
            SignatureType::PolyGnosisSafe => Some(eip712::safe_of(address)),
            SignatureType::Poly1271 => setup.deposit_wallets.iter().find(|(_, owner)| **owner == address).map(|(wallet, _)| *wallet),
        }
    }

    fn balance_allowance(&self, r: &Request, key: &IssuedKey) -> Response {
        let t = match r.param("signature_type").map(|t| t.parse::<u8>().map_err(|e| e.to_string()).and_then(SignatureType::try_from)) {
            Some(Ok(t)) => t,
            Some(Err(e)) => return Response::error(400, &format!("invalid signature_type: {e}")),
            None => SignatureType::Eoa,
        };
        if r.param("asset_type") != Some("COLLATERAL") {
            return Response::error(400, "asset_type must be COLLATERAL here");
        }
        if r.path.ends_with("/update") {
            return Response::json("");
        }
        let setup = lock(&self.setup).clone();
        let funds = Self::funder_of(&setup, key.address, t).and_then(|f| setup.funds.get(&f).copied()).unwrap_or_default();
        let allowance = funds.allowance.to_string();
        Response::json(
            json!({
                "balance": funds.balance.to_string(),
                "allowances": {
                    eip712::EXCHANGE_V2.checksummed(): allowance,
                    eip712::NEG_RISK_EXCHANGE_V2.checksummed(): allowance,
                    eip712::NEG_RISK_ADAPTER.checksummed(): allowance,
                },
            })
            .to_string(),
        )
    }

    fn place(&self, r: &Request, key: &IssuedKey) -> Response {
        let body: Value = serde_json::from_slice(&r.body).unwrap_or_default();
        let o = &body["order"];
        if o.get("nonce").is_some() || o.get("feeRateBps").is_some() || o.get("timestamp").is_none() {
            return Response::error(400, "invalid order version");
        }
        let Some(order) = read_posted_order(&body) else { return Response::error(400, "invalid order payload") };
        let setup = lock(&self.setup).clone();
        let signer_is_the_keys = match SignatureType::try_from(order.signature_type) {
            Ok(SignatureType::Poly1271) => setup.deposit_wallets.get(&order.signer) == Some(&key.address),
            _ => order.signer == key.address,
        };
        if !signer_is_the_keys {
            return Response::error(400, "the order signer address has to be the address of the API KEY");
        }
        let owns_deposit_wallet = setup.deposit_wallets.values().any(|owner| *owner == key.address);
        if order.signature_type != SignatureType::Poly1271.code() && owns_deposit_wallet {
            return Response::error(400, "maker address not allowed, please use the deposit wallet flow");
        }
        let sig = o["signature"].as_str().and_then(|s| hex::decode(s.strip_prefix("0x")?).ok()).unwrap_or_default();
        let domain = Domain::exchange(eip712::POLYGON, false);
        if verify_order(&order, &domain, &sig, &|wallet| setup.deposit_wallets.get(&wallet).copied()).is_err() {
            return Response::error(400, "invalid signature");
        }
        let funds = setup.funds.get(&order.maker).copied().unwrap_or_default();
        let needs = if order.side == eip712::SIDE_BUY { order.maker_amount } else { 1 };
        if (order.side == eip712::SIDE_BUY && funds.balance < needs) || funds.allowance < needs {
            return Response::error(400, "not enough balance / allowance");
        }
        let hash = format!("0x{}", hex::encode(domain.signing_hash(&order.struct_hash())));
        let (shares, usd) = if order.side == eip712::SIDE_BUY {
            (order.taker_amount, order.maker_amount)
        } else {
            (order.maker_amount, order.taker_amount)
        };
        let units = |v: u128| rust_decimal::Decimal::from_i128_with_scale(v as i128, 6).normalize().to_string();
        let price = if shares == 0 { "0".to_owned() } else { (usd as f64 / shares as f64).to_string() };
        lock(&self.held).insert(
            hash.clone(),
            json!({"id": hash, "status": "MATCHED", "side": o["side"], "asset_id": o["tokenId"], "original_size": units(shares),
                   "size_matched": units(shares), "price": price, "order_type": body["orderType"]}),
        );
        lock(&self.accepted).push(hash.clone());
        Response::json(
            json!({"success": true, "errorMsg": "", "orderID": hash, "status": "matched",
                   "makingAmount": units(order.maker_amount), "takingAmount": units(order.taker_amount)})
            .to_string(),
        )
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The one Gamma market the fake lists (tick 0.01, minimum 5 shares, not neg-risk), as `/markets`
/// answers it.
pub fn gamma_markets() -> Value {
    json!([{
        "conditionId": format!("0x{}", "c".repeat(64)), "question": "Will the fake fill?", "category": "test",
        "outcomes": "[\"Yes\", \"No\"]", "outcomePrices": "[\"0.53\", \"0.47\"]",
        "clobTokenIds": json!([TOKEN, OTHER_TOKEN]).to_string(),
        "orderPriceMinTickSize": 0.01, "orderMinSize": 5, "negRisk": false, "acceptingOrders": true,
        "closed": false, "liquidity": "1000", "version": 2,
    }])
}

/// The signed V2 order struct of a posted body (`{"order": {...}}`), rebuilt from its JSON fields.
pub fn read_posted_order(body: &Value) -> Option<OrderV2> {
    let o = &body["order"];
    let word = |k: &str| -> Option<[u8; 32]> { hex::decode(o[k].as_str()?.strip_prefix("0x")?).ok()?.try_into().ok() };
    Some(OrderV2 {
        salt: o["salt"].as_u64()?,
        maker: Address::parse(o["maker"].as_str()?).ok()?,
        signer: Address::parse(o["signer"].as_str()?).ok()?,
        token_id: eip712::u256_from_decimal(o["tokenId"].as_str()?)?,
        maker_amount: o["makerAmount"].as_str()?.parse().ok()?,
        taker_amount: o["takerAmount"].as_str()?.parse().ok()?,
        side: match o["side"].as_str()? {
            "BUY" => eip712::SIDE_BUY,
            "SELL" => eip712::SIDE_SELL,
            _ => return None,
        },
        signature_type: u8::try_from(o["signatureType"].as_u64()?).ok()?,
        timestamp_ms: o["timestamp"].as_str()?.parse().ok()?,
        metadata: word("metadata")?,
        builder: word("builder")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setup_reads_from_json_and_names_a_bad_field() {
        let owner = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        let wallet = "0x1111111111111111111111111111111111111111";
        let text = format!(
            r#"{{"geoblocked": true, "deposit_wallets": {{"{wallet}": "{owner}"}}, "funds": {{"{wallet}": {{"balance": "250000000", "allowance": "max"}}}}}}"#
        );
        let setup = FakeClobSetup::from_json(&text).unwrap();
        let (w, o) = (Address::parse(wallet).unwrap(), Address::parse(owner).unwrap());
        assert!(setup.geoblocked);
        assert_eq!(setup.deposit_wallets.get(&w), Some(&o));
        assert_eq!(setup.funds.get(&w), Some(&Funds { balance: 250_000_000, allowance: u128::MAX }));
        let bad = FakeClobSetup::from_json(&format!(r#"{{"funds": {{"{wallet}": {{"balance": "lots"}}}}}}"#)).unwrap_err();
        assert!(bad.contains("balance") && bad.contains("lots"), "{bad}");
        assert!(FakeClobSetup::from_json(r#"{"deposit_wallets": {"0x12": "0x34"}}"#).unwrap_err().contains("deposit_wallets"));
        assert_eq!(FakeClobSetup::from_json("{}").unwrap().funds.len(), 0);
    }
}
