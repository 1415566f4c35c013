//! `copycat doctor` against the local fake venue (`live::fake_clob` on 127.0.0.1, stopped when
//! each test ends): a healthy set-up of every signature type passes every check, and each broken
//! set-up fails the check it should, with its advice and the CLI's exit code for its class.

use copycat_chain::fake_node::{Expect, FakeNode, Served as NodeServed, Via};
use copycat_chain::fake_relayer::FakeRelayer;
use copycat_core::config::SignatureType;
use copycat_notify::RealTime;
use copycat_notify::capture::{Reply, WebhookReceiver};
use copycat_polymarket::live::eip712::{self, Address, PrivateKey};
use copycat_polymarket::live::fake_clob::{FakeClob, FakeClobSetup, Funds};
use copycat_polymarket::server::LocalServer;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::process::Output;
use std::sync::Arc;

/// Hardhat/Anvil account 0: publicly known, used only against loopback fakes.
const TEST_KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const DEPOSIT_WALLET: &str = "0x1111111111111111111111111111111111111111";
const PLENTY: Funds = Funds { balance: 250_000_000, allowance: u128::MAX };
const EXIT_CONFIG: i32 = 78;
const EXIT_REFUSED: i32 = 77;
const EXIT_UNAVAILABLE: i32 = 69;
const ORDER: [&str; 13] = [
    "config",
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
];
const RELAYER_KEY: &str = "relayer-api-key";

fn key_address() -> Address {
    PrivateKey::from_hex(TEST_KEY).unwrap().address()
}

fn funder(t: SignatureType) -> Address {
    match t {
        SignatureType::Eoa => key_address(),
        SignatureType::PolyProxy => eip712::proxy_wallet_of(key_address()),
        SignatureType::PolyGnosisSafe => eip712::safe_of(key_address()),
        SignatureType::Poly1271 => Address::parse(DEPOSIT_WALLET).unwrap(),
    }
}

/// The venue knowing the test key's account of type `t`, funded with `funds`.
fn venue(t: SignatureType, funds: Funds) -> FakeClobSetup {
    let mut setup = FakeClobSetup { funds: HashMap::from([(funder(t), funds)]), ..FakeClobSetup::default() };
    if t == SignatureType::Poly1271 {
        setup.deposit_wallets.insert(funder(t), key_address());
    }
    setup
}

/// What a run needs: the fake venue, a Polygon node stand-in, a webhook receiver, a config directory.
struct Setup {
    _venue: LocalServer,
    url: String,
    node: Arc<FakeNode>,
    chain: Option<NodeServed>,
    relayer: NodeServed,
    /// What `COPYCAT_RELAYER_API_KEY` is set to (the relayer accepts [`RELAYER_KEY`]).
    relayer_key: Option<String>,
    slack: WebhookReceiver,
    dir: tempfile::TempDir,
}

async fn setup(fake: FakeClobSetup) -> Setup {
    let venue = LocalServer::start(0, FakeClob::new(fake).handler()).await.unwrap();
    let url = venue.url();
    let slack = WebhookReceiver::start(Reply::status(200), Arc::new(RealTime)).await.unwrap();
    let node = FakeNode::new(Expect { sender: copycat_chain::tx::Address(key_address().0), via: Via::Eoa });
    let chain = Some(node.serve().await.unwrap());
    let owner = copycat_chain::tx::Address(key_address().0);
    let wallet = copycat_chain::tx::Address(funder(SignatureType::Poly1271).0);
    let relayer = FakeRelayer::new(node.clone(), RELAYER_KEY, &owner.lower(), owner, wallet, Arc::new(copycat_core::time::SystemClock));
    let relayer = relayer.serve().await.unwrap();
    let relayer_key = Some(RELAYER_KEY.to_owned());
    Setup { _venue: venue, url, node, chain, relayer, relayer_key, slack, dir: tempfile::tempdir().unwrap() }
}

impl Setup {
    /// Runs `copycat doctor` with `trading` (TOML lines) under `[trading]`, the venue's URLs,
    /// and the key `key`.
    async fn doctor(&self, trading: &str, key: Option<&str>, json: bool) -> Output {
        self.doctor_at(&self.url, trading, key, json).await
    }

    async fn doctor_at(&self, venue: &str, trading: &str, key: Option<&str>, json: bool) -> Output {
        let config = format!(
            "[trading]\n{trading}\ngeoblock_url = \"{venue}/api/geoblock\"\n\
             [venue]\ndata_api_url = \"{venue}\"\ngamma_url = \"{venue}\"\nclob_url = \"{venue}\"\nmax_retries = 0\n\
             [notifications]\nallow_loopback_urls = true\n[redemption]\nrelayer_url = \"{}\"\n{}",
            self.relayer.url,
            self.chain.as_ref().map(|c| format!("[chain]\nrpc_url = \"{}/key-in-path\"\nmax_retries = 0\n", c.url)).unwrap_or_default()
        );
        std::fs::write(self.dir.path().join("copycat.toml"), config).unwrap();
        let dir = self.dir.path().to_path_buf();
        let slack = self.slack.url("/services/T/B/doctor");
        let key = key.map(str::to_owned);
        let relayer_key = self.relayer_key.clone();
        tokio::task::spawn_blocking(move || {
            let mut cmd = command(&dir, &slack, key.as_deref(), json);
            cmd.env_remove("COPYCAT_RELAYER_API_KEY").env_remove("COPYCAT_RELAYER_API_KEY_ADDRESS");
            if let Some(k) = relayer_key {
                cmd.env("COPYCAT_RELAYER_API_KEY", k)
                    .env("COPYCAT_RELAYER_API_KEY_ADDRESS", copycat_chain::tx::Address(key_address().0).lower());
            }
            cmd.output().unwrap()
        })
        .await
        .unwrap()
    }
}

fn command(dir: &Path, slack: &str, key: Option<&str>, json: bool) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_copycat"));
    cmd.current_dir(dir)
        .arg("doctor")
        .env_remove("COPYCAT_DISCORD_WEBHOOK_URL")
        .env_remove("COPYCAT_POLYMARKET_PRIVATE_KEY")
        .env("COPYCAT_SLACK_WEBHOOK_URL", slack);
    if json {
        cmd.arg("--json");
    }
    if let Some(k) = key {
        cmd.env("COPYCAT_POLYMARKET_PRIVATE_KEY", k);
    }
    cmd
}

fn live(t: SignatureType) -> String {
    let funder = match t {
        SignatureType::Eoa => String::new(),
        t => format!("funder = \"{}\"\n", funder(t)),
    };
    format!("mode = \"live\"\nlive_confirmed = true\nsignature_type = {}\n{funder}", t.code())
}

/// The checks of a `--json` run, by name, in order.
fn checks(out: &Output) -> Vec<(String, String, String, String)> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_owned();
            (s("name"), s("outcome"), s("detail"), s("advice"))
        })
        .collect()
}

fn check<'a>(all: &'a [(String, String, String, String)], name: &str) -> &'a (String, String, String, String) {
    all.iter().find(|c| c.0 == name).unwrap_or_else(|| panic!("no check {name}: {all:?}"))
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_healthy_setup_of_every_signature_type_passes_every_check() {
    for t in SignatureType::ALL {
        let s = setup(venue(t, PLENTY)).await;

        let out = s.doctor(&live(t), Some(TEST_KEY), true).await;

        assert!(out.status.success(), "type {t}: {}", text(&out));
        let all = checks(&out);
        let names: Vec<&str> = all.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(names, ORDER, "type {t}: every check, in order");
        for (name, outcome, detail, _) in &all {
            // Only a deposit wallet redeems through the relayer; the other types skip it.
            let want = if name == "relayer" && t != SignatureType::Poly1271 { "skip" } else { "pass" };
            assert_eq!(outcome, want, "type {t}: {name}: {detail}");
        }
        assert!(check(&all, "key").2.contains(&key_address().to_string()), "type {t}: the key's address is shown");
        assert!(check(&all, "balance").2.contains("250 pUSD"), "type {t}: {:?}", check(&all, "balance"));
        let api_key = &check(&all, "api_key").2;
        assert!(api_key.contains(&format!("bound to {}", key_address())), "type {t}: the key's own: {api_key}");
        let signer = if t == SignatureType::Poly1271 { funder(t) } else { key_address() };
        assert!(api_key.contains(&format!("orders signed by {signer}")), "type {t}: {api_key}");
        assert!(check(&all, "signed_order").2.contains("not posted"), "type {t}");
        assert_eq!(s.slack.accepted().len(), 1, "type {t}: the notification check sent one test message");
    }
    // The text form says the same.
    let s = setup(venue(SignatureType::PolyProxy, PLENTY)).await;
    let out = s.doctor(&live(SignatureType::PolyProxy), Some(TEST_KEY), false).await;
    assert!(out.status.success(), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok  ")).count(), ORDER.len() - 1, "all but the relayer: {stdout}");
    assert!(stdout.contains("skip  relayer"), "{stdout}");
    assert!(stdout.contains("the Polymarket proxy wallet factory makes exactly this wallet"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_funder_the_factory_does_not_make_for_the_key_fails_the_funder_check() {
    let s = setup(venue(SignatureType::PolyProxy, PLENTY)).await;
    let wrong = format!("mode = \"live\"\nlive_confirmed = true\nsignature_type = 1\nfunder = \"{DEPOSIT_WALLET}\"\n");

    let out = s.doctor(&wrong, Some(TEST_KEY), true).await;

    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let all = checks(&out);
    let (_, outcome, detail, advice) = check(&all, "funder");
    assert_eq!(outcome, "fail");
    assert!(detail.contains(&eip712::proxy_wallet_of(key_address()).to_string()), "{detail}");
    assert!(advice.contains(&format!("set trading.funder = \"{}\"", eip712::proxy_wallet_of(key_address()))), "{advice}");
    // The signed order the exchange would refuse fails too.
    assert_eq!(check(&all, "signed_order").1, "fail");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mismatched_signature_type_fails_the_funder_check_and_names_the_right_type() {
    // The funder is the key's proxy wallet, but the config says Safe.
    let s = setup(venue(SignatureType::PolyProxy, PLENTY)).await;
    let safe_of_proxy =
        format!("mode = \"live\"\nlive_confirmed = true\nsignature_type = 2\nfunder = \"{}\"\n", eip712::proxy_wallet_of(key_address()));

    let out = s.doctor(&safe_of_proxy, Some(TEST_KEY), true).await;

    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let (_, outcome, _, advice) = check(&checks(&out), "funder").clone();
    assert_eq!(outcome, "fail");
    assert!(advice.contains("signature_type = 1"), "{advice}");

    // Type 0 with a funder elsewhere is refused before any request.
    let eoa_elsewhere = format!("mode = \"live\"\nlive_confirmed = true\nsignature_type = 0\nfunder = \"{DEPOSIT_WALLET}\"\n");
    let out = s.doctor(&eoa_elsewhere, Some(TEST_KEY), true).await;
    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let all = checks(&out);
    let (_, outcome, detail, _) = check(&all, "funder");
    assert_eq!(outcome, "fail");
    assert!(detail.contains("trading.funder") && detail.contains("leave trading.funder out"), "{detail}");
    assert_eq!(check(&all, "api_key").1, "skip");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_of_the_wrong_length_fails_the_key_check_without_showing_it() {
    let s = setup(venue(SignatureType::Eoa, PLENTY)).await;
    let short = &TEST_KEY[..42];

    let out = s.doctor(&live(SignatureType::Eoa), Some(short), true).await;

    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let all = checks(&out);
    let (_, outcome, detail, advice) = check(&all, "key");
    assert_eq!(outcome, "fail");
    assert!(detail.contains("COPYCAT_POLYMARKET_PRIVATE_KEY is 20 bytes, a private key is 32"), "{detail}");
    assert!(advice.contains("64 hex digits"), "{advice}");
    for later in ["funder", "api_key", "balance", "signed_order"] {
        assert_eq!(check(&all, later).1, "skip", "{later}");
    }
    assert!(!text(&out).contains(&short[2..]), "the key was printed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_balance_or_no_allowance_fails_the_balance_check_with_what_to_do() {
    let broke = setup(venue(SignatureType::PolyGnosisSafe, Funds { balance: 0, allowance: u128::MAX })).await;
    let unapproved = setup(venue(SignatureType::PolyGnosisSafe, Funds { balance: 9_000_000, allowance: 0 })).await;

    let out_broke = broke.doctor(&live(SignatureType::PolyGnosisSafe), Some(TEST_KEY), true).await;
    let out_unapproved = unapproved.doctor(&live(SignatureType::PolyGnosisSafe), Some(TEST_KEY), true).await;

    assert_eq!(out_broke.status.code(), Some(EXIT_REFUSED), "{}", text(&out_broke));
    let (_, outcome, detail, advice) = check(&checks(&out_broke), "balance").clone();
    assert_eq!(outcome, "fail");
    assert!(detail.contains("0 pUSD"), "{detail}");
    assert!(advice.contains("deposit"), "{advice}");
    assert_eq!(out_unapproved.status.code(), Some(EXIT_REFUSED), "{}", text(&out_unapproved));
    let (_, outcome, detail, advice) = check(&checks(&out_unapproved), "balance").clone();
    assert_eq!(outcome, "fail");
    assert!(detail.contains("9 pUSD") && detail.contains("no allowance for: CTF Exchange V2"), "{detail}");
    assert!(advice.contains("approve pUSD"), "{advice}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposit_wallet_that_is_not_the_keys_fails_the_balance_check() {
    // The wallet is funded, but the venue knows another owner for it: for this key and type 3 it sees nothing.
    let other = PrivateKey::from_hex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d").unwrap().address();
    let mut fake = FakeClobSetup { funds: HashMap::from([(funder(SignatureType::Poly1271), PLENTY)]), ..FakeClobSetup::default() };
    fake.deposit_wallets.insert(funder(SignatureType::Poly1271), other);
    let s = setup(fake).await;

    let out = s.doctor(&live(SignatureType::Poly1271), Some(TEST_KEY), true).await;

    assert_eq!(out.status.code(), Some(EXIT_REFUSED), "{}", text(&out));
    let all = checks(&out);
    let (_, outcome, detail, advice) = check(&all, "balance");
    assert_eq!(outcome, "fail");
    assert!(detail.contains("0 pUSD") && detail.contains("signature_type 3"), "{detail}");
    assert!(advice.contains("belongs to the key") && advice.contains("deployed"), "{advice}");
    let failed: Vec<&str> = all.iter().filter(|c| c.1 == "fail").map(|c| c.0.as_str()).collect();
    assert_eq!(failed, ["balance"], "the rest holds: {all:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_geoblocked_host_fails_the_geoblock_check() {
    let s = setup(FakeClobSetup { geoblocked: true, ..venue(SignatureType::Eoa, PLENTY) }).await;

    let out = s.doctor(&live(SignatureType::Eoa), Some(TEST_KEY), true).await;

    assert_eq!(out.status.code(), Some(EXIT_REFUSED), "{}", text(&out));
    let all = checks(&out);
    let (_, outcome, detail, advice) = check(&all, "geoblock");
    assert_eq!(outcome, "fail");
    assert!(detail.contains("country US"), "{detail}");
    assert!(advice.contains("eu-west-1"), "{advice}");
    let failed: Vec<&str> = all.iter().filter(|c| c.1 == "fail").map(|c| c.0.as_str()).collect();
    assert_eq!(failed, ["geoblock"], "only the geoblock check fails");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_venue_that_is_down_fails_every_check_that_asks_it_as_unavailable() {
    let s = setup(venue(SignatureType::Eoa, PLENTY)).await;
    // A port that was free a moment ago: nothing listens there.
    let down = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };

    let out = s.doctor_at(&down, &live(SignatureType::Eoa), Some(TEST_KEY), false).await;

    assert_eq!(out.status.code(), Some(EXIT_UNAVAILABLE), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for name in ["geoblock", "api_key", "data_api", "gamma", "clob"] {
        assert!(stdout.lines().any(|l| l.starts_with("FAIL") && l.contains(name)), "{name}: {stdout}");
    }
    assert!(stdout.contains("venue.request_timeout_ms"), "the advice names the budget: {stdout}");
    assert!(text(&out).contains("check(s) failed"), "{}", text(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paper_mode_without_a_key_skips_what_needs_one_and_says_so() {
    let s = setup(FakeClobSetup::default()).await;

    let out = s.doctor("mode = \"paper\"\n", None, true).await;

    assert!(out.status.success(), "{}", text(&out));
    let all = checks(&out);
    for name in ["key", "funder", "api_key", "balance", "signed_order"] {
        let (_, outcome, detail, _) = check(&all, name);
        assert_eq!(outcome, "skip", "{name}");
        assert!(detail.contains("paper mode"), "{name}: {detail}");
    }
    for name in ["config", "geoblock", "data_api", "gamma", "clob", "chain", "notifications"] {
        assert_eq!(check(&all, name).1, "pass", "{name}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_config_fails_the_first_check_and_skips_the_rest() {
    let s = setup(FakeClobSetup::default()).await;

    let out = s.doctor("mode = \"live\"\nsignature_type = 3\n", Some(TEST_KEY), true).await;

    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let all = checks(&out);
    assert_eq!((all[0].0.as_str(), all[0].1.as_str()), ("config", "fail"));
    assert!(all[0].2.contains("trading.funder") && all[0].2.contains("deposit wallet address"), "{:?}", all[0]);
    assert!(all[1..].iter().all(|c| c.1 == "skip"), "{all:?}");
}

/// A `copycat sim serve` child process, killed and reaped when dropped.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn doctor_passes_against_copycat_sim_serve_with_the_fake_clob() {
    let s = setup(FakeClobSetup::default()).await;
    let wallet = funder(SignatureType::Poly1271).checksummed();
    let accounts = serde_json::json!({
        "deposit_wallets": { wallet.clone(): key_address().checksummed() },
        "funds": { wallet: { "balance": "250000000", "allowance": "max" } },
    });
    std::fs::write(s.dir.path().join("accounts.json"), accounts.to_string()).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_copycat"))
        .current_dir(s.dir.path())
        .args(["sim", "serve", "--fake-clob", "accounts.json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let served = Served(child);
    let url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
        line.trim().to_owned()
    })
    .await
    .unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "sim serve prints its URL first: {url:?}");

    let out = s.doctor_at(&url, &live(SignatureType::Poly1271), Some(TEST_KEY), true).await;

    assert!(out.status.success(), "{}", text(&out));
    assert!(checks(&out).iter().all(|c| c.1 == "pass"), "{:?}", checks(&out));
    drop(served);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chain_check_passes_on_the_right_chain_fails_on_another_and_skips_without_a_node() {
    let mut s = setup(venue(SignatureType::Eoa, PLENTY)).await;
    let out = s.doctor(&live(SignatureType::Eoa), Some(TEST_KEY), true).await;
    let (_, outcome, detail, _) = check(&checks(&out), "chain").clone();
    assert_eq!(outcome, "pass", "{detail}");
    assert!(detail.contains("chain id 137") && detail.contains("block"), "{detail}");
    assert!(!detail.contains("key-in-path"), "the RPC URL's path (often an API key) is not shown: {detail}");

    s.node.set(|b| b.chain_id = 80002);
    let out = s.doctor(&live(SignatureType::Eoa), Some(TEST_KEY), true).await;
    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let (_, outcome, detail, advice) = check(&checks(&out), "chain").clone();
    assert_eq!(outcome, "fail");
    assert!(detail.contains("chain id 80002, not 137"), "{detail}");
    assert!(advice.contains("chain.rpc_url"), "{advice}");

    s.chain = None;
    let out = s.doctor(&live(SignatureType::Eoa), Some(TEST_KEY), true).await;
    assert!(out.status.success(), "no node is not a failure: {}", text(&out));
    let (_, outcome, detail, _) = check(&checks(&out), "chain").clone();
    assert_eq!(outcome, "skip");
    assert!(detail.contains("chain.rpc_url is empty"), "{detail}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposit_wallets_relayer_key_missing_or_refused_fails_the_relayer_check_with_what_to_do() {
    let t = SignatureType::Poly1271;
    let mut s = setup(venue(t, PLENTY)).await;
    let out = s.doctor(&live(t), Some(TEST_KEY), true).await;
    let (_, outcome, detail, _) = check(&checks(&out), "relayer").clone();
    assert_eq!(outcome, "pass", "{detail}");
    assert!(detail.contains("accepts the Relayer API key"), "{detail}");

    s.relayer_key = Some("someone-elses-key".into());
    let out = s.doctor(&live(t), Some(TEST_KEY), true).await;
    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let (_, outcome, detail, advice) = check(&checks(&out), "relayer").clone();
    assert_eq!(outcome, "fail");
    assert!(detail.contains("refused") && detail.contains("401"), "{detail}");
    assert!(advice.contains("COPYCAT_RELAYER_API_KEY"), "{advice}");
    assert!(!detail.contains("someone-elses-key") && !advice.contains("someone-elses-key"), "the key is not shown");

    s.relayer_key = None;
    let out = s.doctor(&live(t), Some(TEST_KEY), true).await;
    assert_eq!(out.status.code(), Some(EXIT_CONFIG), "{}", text(&out));
    let (_, outcome, detail, advice) = check(&checks(&out), "relayer").clone();
    assert_eq!(outcome, "fail");
    assert!(detail.contains("is not set"), "{detail}");
    assert!(advice.contains("Settings → API Keys") && advice.contains("RedeemResolvedPositions=relayer"), "{advice}");

    // Paper: nothing goes through the relayer, so nothing to check.
    let paper = format!("signature_type = 3\nfunder = \"{}\"\n", funder(t));
    let out = s.doctor(&paper, Some(TEST_KEY), true).await;
    let (_, outcome, detail, _) = check(&checks(&out), "relayer").clone();
    assert_eq!(outcome, "skip", "{detail}");
}
