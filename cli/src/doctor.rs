//! `copycat doctor`: is this set-up ready to trade? Checks, in order, each with what to do when
//! it fails: the config; the wallet key and its address; the geoblock check; the signature type
//! and funder (for a proxy or a Safe, against the wallet Polymarket's factory makes for the
//! key); the API key and the address it is bound to; the funder's pUSD balance and allowances;
//! a signed order, built and verified here, never posted; the Data API, Gamma and the CLOB
//! answering within the request timeout; the chain RPC node reachable and on the right chain id
//! (skipped, not failed, when `chain.rpc_url` is empty); the notification destinations. In paper mode without
//! a key, what needs one is skipped, saying so. Exits non-zero when any check fails.

use crate::CliError;
use crate::error::{EXIT_CONFIG, EXIT_REFUSED, EXIT_UNAVAILABLE};
use copycat_core::config::{Config, ConfigError, SignatureType, TradingMode};
use copycat_notify::{Router, Timing};
use copycat_polymarket::live::PRIVATE_KEY_ENV;
use copycat_polymarket::live::account::{Account, AccountError, ExpectedFunder, OrderTerms, verify_order};
use copycat_polymarket::live::eip712::{self, Domain, PrivateKey};
use copycat_polymarket::live::l2::ApiCreds;
use copycat_polymarket::live::probe::{BalanceAllowance, Probe, ProbeError, SPENDERS};
use serde::Serialize;

/// `copycat doctor` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct DoctorArgs {
    /// Print the checks as one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

/// How one check went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// It holds.
    Pass,
    /// It does not; the advice says what to do.
    Fail,
    /// Not checked; the detail says why.
    Skip,
}

/// One check's result.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// Stable name: `config`, `key`, `geoblock`, `funder`, `api_key`, `balance`, `signed_order`,
    /// `data_api`, `gamma`, `clob`, `chain`, `notifications`.
    pub name: &'static str,
    /// Pass, fail or skip.
    pub outcome: Outcome,
    /// What was found.
    pub detail: String,
    /// What to do about a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// The exit class of a failure (config, refused, unavailable).
    #[serde(skip)]
    exit: u8,
}

impl Check {
    fn pass(name: &'static str, detail: impl Into<String>) -> Check {
        Check { name, outcome: Outcome::Pass, detail: detail.into(), advice: None, exit: 0 }
    }
    fn skip(name: &'static str, detail: impl Into<String>) -> Check {
        Check { name, outcome: Outcome::Skip, detail: detail.into(), advice: None, exit: 0 }
    }
    fn fail(name: &'static str, exit: u8, detail: impl Into<String>, advice: impl Into<String>) -> Check {
        Check { name, outcome: Outcome::Fail, detail: detail.into(), advice: Some(advice.into()), exit }
    }
}

/// The failed checks of a doctor run, as an error with the exit class of the first.
#[derive(Debug, thiserror::Error)]
#[error("copycat doctor: {} check(s) failed: {}", failed.len(), failed.join(", "))]
pub struct DoctorFailed {
    /// Names of the failed checks, in order.
    pub failed: Vec<&'static str>,
    /// The exit code: the class of the first failure.
    pub exit: u8,
}

/// Runs the checks on the loaded (or refused) config and prints them; `Err` when any failed.
pub async fn run(config: Result<Config, ConfigError>, args: &DoctorArgs) -> Result<(), CliError> {
    let env = |k: &str| std::env::var(k).ok();
    let checks = checks(config, &env, chrono::Utc::now().timestamp()).await;
    if args.json {
        let ok = !checks.iter().any(|c| c.outcome == Outcome::Fail);
        let out = serde_json::json!({ "ok": ok, "checks": checks });
        println!("{out}");
    } else {
        print(&checks);
    }
    let failed: Vec<&Check> = checks.iter().filter(|c| c.outcome == Outcome::Fail).collect();
    match failed.first() {
        None => Ok(()),
        Some(first) => Err(CliError::Doctor(DoctorFailed { failed: failed.iter().map(|c| c.name).collect(), exit: first.exit })),
    }
}

fn print(checks: &[Check]) {
    for c in checks {
        let mark = match c.outcome {
            Outcome::Pass => "ok  ",
            Outcome::Fail => "FAIL",
            Outcome::Skip => "skip",
        };
        println!("{mark}  {:<13} {}", c.name, c.detail);
        if let Some(a) = &c.advice {
            println!("      {:<13} → {a}", "");
        }
    }
}

/// Every check, in order, against the environment `env` at Unix time `now`.
pub async fn checks(config: Result<Config, ConfigError>, env: &dyn Fn(&str) -> Option<String>, now: i64) -> Vec<Check> {
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            let mut out = vec![Check::fail(
                "config",
                EXIT_CONFIG,
                e.to_string(),
                "fix the key named above in the config file or its COPYCAT__… override (`copycat config check` prints the resolved config)",
            )];
            for name in [
                "key",
                "geoblock",
                "funder",
                "api_key",
                "balance",
                "signed_order",
                "data_api",
                "gamma",
                "clob",
                "chain",
                "relayer",
                "notifications",
            ] {
                out.push(Check::skip(name, "needs a valid config"));
            }
            return out;
        }
    };
    let t = &config.trading;
    let mut out = vec![Check::pass(
        "config",
        format!(
            "valid: trading.mode = {}, signature_type {}, funder {}",
            mode_name(t.mode),
            t.signature_type,
            t.funder.as_deref().unwrap_or("(the key's own address)")
        ),
    )];
    let probe = match Probe::new(&config) {
        Ok(p) => p,
        Err(e) => {
            out.push(Check::fail("key", 1, format!("cannot build the HTTP client: {e}"), "check the TLS set-up of this host"));
            return out;
        }
    };

    // The key.
    let raw_key = env(PRIVATE_KEY_ENV).filter(|k| !k.trim().is_empty());
    let key = match (&raw_key, t.mode) {
        (None, TradingMode::Paper) => {
            out.push(Check::skip("key", format!("paper mode and {PRIVATE_KEY_ENV} is not set: the checks that need the key are skipped")));
            None
        }
        (None, TradingMode::Live) => {
            out.push(Check::fail(
                "key",
                EXIT_REFUSED,
                format!("trading.mode = live but {PRIVATE_KEY_ENV} is not set"),
                format!("export the wallet's private key (Polymarket web UI: Settings → Export private key; 64 hex digits) as {PRIVATE_KEY_ENV}, from a secret store"),
            ));
            None
        }
        (Some(k), _) => {
            match PrivateKey::from_hex(k) {
                Ok(pk) => {
                    out.push(Check::pass("key", format!("{PRIVATE_KEY_ENV} holds the key of {}", pk.address())));
                    Some(k.clone())
                }
                Err(reason) => {
                    out.push(Check::fail(
                    "key",
                    EXIT_CONFIG,
                    format!("{PRIVATE_KEY_ENV} {reason}"),
                    format!("set {PRIVATE_KEY_ENV} to the 64 hex digits (with or without 0x) exported from the Polymarket web UI, nothing else"),
                ));
                    None
                }
            }
        }
    };

    // The geoblock check needs no key.
    out.push(match probe.geoblock(&t.geoblock_url).await {
        Ok(g) if g.blocked => Check::fail(
            "geoblock",
            EXIT_REFUSED,
            format!("geoblocked: Polymarket refuses orders from this host (country {}, region {})", g.country, g.region),
            "run from an allowed region (e.g. AWS eu-west-1); Polymarket refuses orders from the US, the UK and others",
        ),
        Ok(g) => Check::pass("geoblock", format!("not blocked (country {}, region {})", g.country, g.region)),
        Err(e) => {
            Check::fail("geoblock", EXIT_UNAVAILABLE, format!("{}: {e}", t.geoblock_url), "check the network, or trading.geoblock_url")
        }
    });

    // The account: the key with the signature type and funder.
    let account = match &key {
        None => {
            out.push(Check::skip("funder", no_key(t.mode)));
            None
        }
        Some(k) => match Account::new(t, k) {
            Ok(a) => {
                out.push(funder_check(&a));
                Some(a)
            }
            Err(e) => {
                let advice = match &e {
                    AccountError::Key { .. } => format!("set {PRIVATE_KEY_ENV} to the exported key"),
                    AccountError::Funder { .. } => account_advice(t.signature_type),
                };
                out.push(Check::fail("funder", EXIT_CONFIG, e.to_string(), advice));
                None
            }
        },
    };

    // The API key: derived by the key for its own address (as the official clients do).
    let creds: Option<ApiCreds> = match &account {
        None => {
            out.push(Check::skip("api_key", needs_account(&key, t.mode)));
            None
        }
        Some(a) => match probe.api_key(a, now).await {
            Ok(c) => {
                let note = match a.signature_type() {
                    SignatureType::Poly1271 => "; the venue takes deposit-wallet orders under the key of the wallet's owner",
                    _ => "",
                };
                out.push(Check::pass(
                    "api_key",
                    format!(
                        "derived from an L1 signature by the key, bound to {} (orders signed by {}){note}",
                        a.api_address(),
                        a.order_signer()
                    ),
                ));
                Some(c)
            }
            Err(e) => {
                let advice = "check that the key is the one exported from this account, the host's clock (the signature carries the time), and venue.clob_url";
                out.push(Check::fail("api_key", exit_of(&e), format!("API key derivation for {}: {e}", a.api_address()), advice));
                None
            }
        },
    };

    // pUSD balance and allowances.
    out.push(match (&account, &creds) {
        (Some(a), Some(c)) => match probe.balance_allowance(a, c, now).await {
            Ok(b) => balance_check(a, &b),
            Err(e) => Check::fail("balance", exit_of(&e), format!("balance/allowance: {e}"), "check venue.clob_url and retry"),
        },
        (Some(_), None) => Check::skip("balance", "needs the API key (see above)"),
        (None, _) => Check::skip("balance", needs_account(&key, t.mode)),
    });

    // A signed order, verified here and never posted.
    out.push(match &account {
        Some(a) => signed_order_check(a, now),
        None => Check::skip("signed_order", needs_account(&key, t.mode)),
    });

    // The venue's hosts.
    let v = &config.venue;
    let budget = v.request_timeout_ms;
    for (name, url) in [
        ("data_api", format!("{}/v2/status", v.data_api_url.trim_end_matches('/'))),
        ("gamma", format!("{}/markets?limit=1", v.gamma_url.trim_end_matches('/'))),
        ("clob", format!("{}/time", v.clob_url.trim_end_matches('/'))),
    ] {
        out.push(match probe.reach(&url).await {
            Ok(took) => Check::pass(name, format!("{url} answered in {} ms (budget {budget} ms)", took.as_millis())),
            Err(e) => Check::fail(
                name,
                EXIT_UNAVAILABLE,
                format!("{url}: {e}"),
                format!("check the network and venue.{name}_url; the budget is venue.request_timeout_ms = {budget}"),
            ),
        });
    }

    // The chain node: reachable, and for the configured chain.
    out.push(chain_check(&config).await);

    // A deposit wallet redeems through the relayer: its API key, accepted.
    out.push(relayer_check(&config, env).await);

    // Notification destinations: the check `copycat notify test` makes.
    out.push(notifications_check(&config, env).await);
    out
}

/// The node's scheme and host only: RPC URLs often carry an API key in their path or query.
fn rpc_host(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    format!("{scheme}://{host}")
}

async fn chain_check(config: &Config) -> Check {
    use copycat_core::ports::ChainError;
    let c = &config.chain;
    if !c.enabled() {
        return Check::skip("chain", "chain.rpc_url is empty: no chain node (not a failure); resolved positions are not redeemed on chain");
    }
    let host = rpc_host(&c.rpc_url);
    let client = match copycat_chain::RpcClient::from_config(c) {
        Ok(client) => client,
        Err(e) => return Check::fail("chain", EXIT_CONFIG, format!("{host}: {e}"), "fix [chain] in the config"),
    };
    match client.block_number().await {
        Ok(block) => Check::pass("chain", format!("{host} answered on chain id {} (block {block})", c.chain_id)),
        Err(ChainError::WrongChain { expected, got }) => Check::fail(
            "chain",
            EXIT_CONFIG,
            format!("{host} is a node for chain id {got}, not {expected}"),
            format!("point chain.rpc_url at a Polygon mainnet node (chain id {expected}), or fix chain.chain_id"),
        ),
        Err(e) => Check::fail(
            "chain",
            EXIT_UNAVAILABLE,
            format!("{host}: {e}"),
            format!("check the network and chain.rpc_url; the budget is chain.request_timeout_ms = {}", c.request_timeout_ms),
        ),
    }
}

/// For a live deposit wallet (type 3) that redeems: the Relayer API key is set and the relayer
/// accepts it. Any other set-up has no use for the relayer and skips, saying why.
async fn relayer_check(config: &Config, env: &dyn Fn(&str) -> Option<String>) -> Check {
    use copycat_chain::relayer_api::{RELAYER_API_KEY_ADDRESS_ENV, RELAYER_API_KEY_ENV, RelayerClient};
    use copycat_core::ports::ChainError;
    let t = &config.trading;
    if t.mode != TradingMode::Live || t.signature_type != SignatureType::Poly1271 {
        return Check::skip("relayer", "only a live deposit wallet (signature_type 3) redeems through the relayer");
    }
    if !config.redemption.enabled || !config.chain.enabled() {
        return Check::skip("relayer", "redemption.enabled is off or chain.rpc_url is empty: nothing is redeemed on chain");
    }
    let (Some(key), Some(address)) = (env(RELAYER_API_KEY_ENV).filter(|k| !k.trim().is_empty()), env(RELAYER_API_KEY_ADDRESS_ENV)) else {
        return Check::fail(
            "relayer",
            EXIT_CONFIG,
            format!(
                "a deposit wallet redeems through Polymarket's relayer, and {RELAYER_API_KEY_ENV} or {RELAYER_API_KEY_ADDRESS_ENV} is not set"
            ),
            format!(
                "make a Relayer API key in the Polymarket web app (Settings → API Keys) and set {RELAYER_API_KEY_ENV} to it and \
                 {RELAYER_API_KEY_ADDRESS_ENV} to the address it belongs to (on AWS: deploy with RedeemResolvedPositions=relayer \
                 and both in the secret); or set redemption.enabled = false and redeem by hand"
            ),
        );
    };
    let url = &config.redemption.relayer_url;
    let timeout = std::time::Duration::from_millis(config.chain.request_timeout_ms);
    let listed = match RelayerClient::new(url, &key, &address, timeout) {
        Ok(client) => client.transactions().await.map(|list| list.len()),
        Err(e) => Err(e),
    };
    match listed {
        Ok(n) => Check::pass("relayer", format!("{url} accepts the Relayer API key of {address} ({n} transactions listed)")),
        Err(ChainError::Rpc { code, message, .. }) => Check::fail(
            "relayer",
            EXIT_CONFIG,
            format!("{url} refused the Relayer API key of {address} (HTTP {code}: {message})"),
            format!("check {RELAYER_API_KEY_ENV} and {RELAYER_API_KEY_ADDRESS_ENV}: the address must be the one the key was made for"),
        ),
        Err(e) => Check::fail("relayer", EXIT_UNAVAILABLE, format!("{url}: {e}"), "check the network and redemption.relayer_url"),
    }
}

fn mode_name(m: TradingMode) -> &'static str {
    match m {
        TradingMode::Paper => "paper",
        TradingMode::Live => "live",
    }
}

fn no_key(mode: TradingMode) -> String {
    match mode {
        TradingMode::Paper => "paper mode without a key: skipped".to_owned(),
        TradingMode::Live => "needs the key (see above)".to_owned(),
    }
}

fn needs_account(key: &Option<String>, mode: TradingMode) -> String {
    if key.is_none() { no_key(mode) } else { "needs a key, signature type and funder that fit (see above)".to_owned() }
}

fn exit_of(e: &ProbeError) -> u8 {
    match e {
        ProbeError::Unreachable(_) | ProbeError::Malformed(_) => EXIT_UNAVAILABLE,
        ProbeError::Refused { .. } => EXIT_REFUSED,
    }
}

/// What to set for each signature type, in the web UI's words.
fn account_advice(t: SignatureType) -> String {
    match t {
        SignatureType::Eoa => "for a wallet that holds its own pUSD leave trading.funder out; for an account made in the web UI set \
                               trading.signature_type (1 email/Magic, 2 browser wallet, 3 deposit wallet) and trading.funder to the \
                               address in your profile"
            .to_owned(),
        t => format!("set trading.funder to {} (signature_type {t})", t.funder_is()),
    }
}

fn funder_check(a: &copycat_polymarket::live::account::Account) -> Check {
    let t = a.signature_type();
    let (maker, signer) = (a.maker(), a.order_signer());
    let what = format!("signature_type {t}: orders made by {maker}, signed by {signer}");
    match a.expected_funder() {
        ExpectedFunder::Own(_) => Check::pass("funder", format!("{what} (the key's own wallet)")),
        ExpectedFunder::Derived { address, factory } if address == maker => {
            Check::pass("funder", format!("{what}; {factory} makes exactly this wallet for the key"))
        }
        ExpectedFunder::Derived { address, factory } => {
            let other = match t {
                SignatureType::PolyProxy => "if your account signs in with a browser wallet, it is a Safe: signature_type = 2",
                _ => "if your account signs in by email / Magic, it is a proxy wallet: signature_type = 1",
            };
            Check::fail(
                "funder",
                EXIT_CONFIG,
                format!("trading.funder is {maker}, but {factory} makes {address} for the key {}", a.key_address()),
                format!(
                    "set trading.funder = \"{address}\" if that is the address in your Polymarket profile; otherwise the key or the \
                     type is not this account's ({other}; a deposit wallet: signature_type = 3)"
                ),
            )
        }
        ExpectedFunder::Unknown(why) => Check::pass("funder", format!("{what}; the factory derivation is skipped: {why}")),
    }
}

fn balance_check(a: &copycat_polymarket::live::account::Account, b: &BalanceAllowance) -> Check {
    let pusd = rust_decimal::Decimal::from_i128_with_scale(i128::try_from(b.balance).unwrap_or(i128::MAX), 6).normalize();
    let missing: Vec<&str> = SPENDERS
        .iter()
        .filter(|(_, spender)| b.allowances.iter().find(|(s, _)| s == spender).is_none_or(|(_, amount)| *amount == 0))
        .map(|(name, _)| *name)
        .collect();
    let maker = a.maker();
    if b.balance == 0 {
        let owner = match a.signature_type() {
            SignatureType::Poly1271 => format!(
                ", and that the deposit wallet belongs to the key {} and is deployed (one small trade in the web UI deploys it)",
                a.key_address()
            ),
            _ => String::new(),
        };
        return Check::fail(
            "balance",
            EXIT_REFUSED,
            format!("the CLOB sees 0 pUSD for this key's signature_type {} wallet (configured funder {maker})", a.signature_type()),
            format!(
                "deposit USDC/pUSD to {maker} in the Polymarket web UI; if it shows funds there, check trading.signature_type and trading.funder{owner}"
            ),
        );
    }
    if !missing.is_empty() {
        return Check::fail(
            "balance",
            EXIT_REFUSED,
            format!("{maker} holds {pusd} pUSD but has no allowance for: {}", missing.join(", ")),
            "approve pUSD for the exchanges (one trade in the web UI sets them, or Polymarket's approval script), then run `copycat doctor` again",
        );
    }
    Check::pass("balance", format!("{maker} holds {pusd} pUSD; allowances set for {}", SPENDERS.map(|(n, _)| n).join(", ")))
}

fn signed_order_check(a: &copycat_polymarket::live::account::Account, now: i64) -> Check {
    let order = a.order(OrderTerms {
        salt: 1,
        token_id: eip712::u256_from_decimal("1").unwrap_or([0; 32]),
        maker_amount: 1_000_000,
        taker_amount: 2_000_000,
        side: eip712::SIDE_BUY,
        timestamp_ms: u64::try_from(now).unwrap_or(0) * 1000,
    });
    let domain = Domain::exchange(eip712::POLYGON, false);
    let sig = match a.sign_order(&order, &domain) {
        Ok(s) => s,
        Err(e) => return Check::fail("signed_order", EXIT_CONFIG, format!("signing failed: {e}"), "check the key"),
    };
    // Locally the deposit wallet's owner is taken to be the key: the venue confirms it (api_key).
    let (maker, key) = (a.maker(), a.key_address());
    let owner_of = |wallet| (wallet == maker).then_some(key);
    match verify_order(&order, &domain, &sig, &owner_of) {
        Ok(()) => Check::pass(
            "signed_order",
            format!(
                "a V2 order signed for signature_type {} verifies (signer {}, maker {}, {}-byte signature; not posted)",
                a.signature_type(),
                order.signer,
                order.maker,
                sig.len()
            ),
        ),
        Err(e) => {
            Check::fail("signed_order", EXIT_CONFIG, format!("the exchange would refuse it: {e}"), account_advice(a.signature_type()))
        }
    }
}

async fn notifications_check(config: &Config, env: &dyn Fn(&str) -> Option<String>) -> Check {
    let router = match Router::from_config(&config.notifications, env, Timing::real()) {
        Ok(r) => r,
        Err(e) => return Check::fail("notifications", EXIT_CONFIG, e.to_string(), "fix [notifications] in the config"),
    };
    if router.is_empty() {
        return Check::fail(
            "notifications",
            EXIT_CONFIG,
            "no notification destination is configured",
            format!(
                "set {} or {}, or add [[notifications.discord]] / [[notifications.slack]] with url_env to the config",
                copycat_notify::DISCORD_URL_ENV,
                copycat_notify::SLACK_URL_ENV
            ),
        );
    }
    let results = router.send_test().await;
    let failed: Vec<String> =
        results.iter().filter_map(|(name, platform, r)| r.as_ref().err().map(|e| format!("{platform} `{name}`: {e}"))).collect();
    if failed.is_empty() {
        let names: Vec<String> = results.iter().map(|(name, platform, _)| format!("{platform} `{name}`")).collect();
        Check::pass("notifications", format!("test message taken by {}", names.join(", ")))
    } else {
        Check::fail(
            "notifications",
            EXIT_UNAVAILABLE,
            format!("{} of {} destinations did not take the test message: {}", failed.len(), results.len(), failed.join("; ")),
            "check the webhook URL in its environment variable (`copycat notify test` sends the same message)",
        )
    }
}
