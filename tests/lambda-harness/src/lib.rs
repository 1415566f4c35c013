//! copycat-lambda-harness: runs the function binaries the way Lambda runs them, on the local
//! AWS-protocol emulator — under `cargo lambda watch` (invoked with `cargo lambda invoke`), or
//! under a minimal stand-in for the Lambda runtime API that also times the cold start.
//!
//! Test support only: nothing here ships in a Lambda.

use copycat_aws::AwsClients;
use copycat_aws::emulator::Emulator;
use copycat_aws::resources::{DeadLetterDef, QueueDef, TableDef, create_queue, create_table};
use copycat_core::time::Clock;
use copycat_polymarket::server::LocalServer;
use copycat_polymarket::sim_venue::SimVenue;
use copycat_sim::{SimParams, SimWorld};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub mod runtime_api;

static EMULATOR: OnceLock<Emulator> = OnceLock::new();

/// The emulator endpoint: the one the test script shares (`$COPYCAT_AWS_ENDPOINT`), else one
/// started for this process (stopped when the process exits).
pub fn emulator_endpoint() -> String {
    if let Ok(shared) = std::env::var("COPYCAT_AWS_ENDPOINT") {
        return shared;
    }
    EMULATOR.get_or_init(|| Emulator::start().unwrap_or_else(|e| panic!("{e}"))).endpoint().to_string()
}

/// A name no other test (or test process) uses.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{prefix}-{}-{}-{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst))
}

/// A fresh state table and the three queues (with dead-letter queues) on the emulator, and the
/// environment a function binary needs to use them (as the SAM template sets it).
#[derive(Clone, Debug)]
pub struct FreshStack {
    /// The emulator endpoint.
    pub endpoint: String,
    /// The table name.
    pub table: String,
    /// Candidates, signals and notifications queue URLs.
    pub queue_urls: [String; 3],
    /// Their dead-letter queue URLs, same order.
    pub dead_letter_urls: [String; 3],
}

impl FreshStack {
    /// Creates a table and queues no other test uses (names unique to this call).
    pub async fn create(endpoint: &str, max_receive: u32) -> Self {
        let clients = AwsClients::for_endpoint(endpoint).await;
        let table = TableDef {
            name: unique("state"),
            partition_key: "pk".into(),
            sort_key: "sk".into(),
            ttl_attribute: "ttl".into(),
            billing_mode: "PAY_PER_REQUEST".into(),
        };
        create_table(&clients.dynamodb, &table).await.expect("create table");
        let mut urls = Vec::new();
        let mut dlqs = Vec::new();
        for (role, fifo) in [("candidates", false), ("signals", true), ("notifications", false)] {
            let suffix = if fifo { ".fifo" } else { "" };
            let base = unique(role);
            let def = QueueDef {
                role: role.into(),
                name: format!("{base}{suffix}"),
                fifo,
                visibility_timeout_secs: 180,
                dead_letter: DeadLetterDef { name: format!("{base}-dlq{suffix}"), max_receive, retention_secs: 3600 },
            };
            let (url, dlq) = create_queue(&clients.sqs, &def).await.expect("create queue");
            urls.push(url);
            dlqs.push(dlq);
        }
        let three = |v: Vec<String>| -> [String; 3] { v.try_into().unwrap_or_else(|_| unreachable!("three queues")) };
        FreshStack { endpoint: endpoint.to_string(), table: table.name, queue_urls: three(urls), dead_letter_urls: three(dlqs) }
    }

    /// The environment of a function binary on this stack.
    pub fn env(&self) -> Vec<(String, String)> {
        [
            ("AWS_ENDPOINT_URL", self.endpoint.as_str()),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_DEFAULT_REGION", "eu-west-1"),
            ("COPYCAT_TABLE", self.table.as_str()),
            ("COPYCAT_CANDIDATES_QUEUE_URL", self.queue_urls[0].as_str()),
            ("COPYCAT_SIGNALS_QUEUE_URL", self.queue_urls[1].as_str()),
            ("COPYCAT_NOTIFICATIONS_QUEUE_URL", self.queue_urls[2].as_str()),
            ("COPYCAT_STAGE", "test"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An event fixture from `events/`.
pub fn event_file(name: &str) -> PathBuf {
    workspace_root().join("events").join(name)
}

/// The `cargo-lambda` executable: `$COPYCAT_CARGO_LAMBDA`, else the one `infra/lambda-tools.sh`
/// installs into `infra/.venv-lambda` (installed now when missing), else one on `PATH`.
pub fn cargo_lambda() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("COPYCAT_CARGO_LAMBDA") {
        return Ok(PathBuf::from(p));
    }
    let root = workspace_root();
    let venv = root.join("infra/.venv-lambda/bin/cargo-lambda");
    if venv.exists() {
        return Ok(venv);
    }
    if let Ok(out) = Command::new("cargo-lambda").arg("lambda").arg("--version").output()
        && out.status.success()
    {
        return Ok(PathBuf::from("cargo-lambda"));
    }
    let status = Command::new("bash")
        .arg(root.join("infra/lambda-tools.sh"))
        .arg("install")
        .status()
        .map_err(|e| format!("cannot run infra/lambda-tools.sh: {e}"))?;
    if status.success() && venv.exists() {
        Ok(venv)
    } else {
        Err(format!("cargo-lambda is not installed and `bash infra/lambda-tools.sh install` failed ({status})"))
    }
}

/// A free TCP port on 127.0.0.1 (released before it is returned; the caller binds it soon).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// A child process killed when dropped (tests stop what they start).
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What one `cargo lambda invoke` of a function binary returned.
#[derive(Debug)]
pub struct Invocation {
    /// The function's response (or error object), as JSON.
    pub response: serde_json::Value,
    /// What the function printed on stdout (EMF metric lines among it).
    pub stdout: String,
    /// What it printed on stderr.
    pub stderr: String,
}

/// Runs `binary` as the function of `cargo lambda watch --only-lambda-apis` (the runtime API
/// emulator of cargo-lambda, on 127.0.0.1) with `env`, and invokes it once with
/// `cargo lambda invoke --data-file event`. Both processes are stopped before it returns.
pub fn invoke_under_cargo_lambda(binary: &Path, event: &Path, env: &[(String, String)]) -> Result<Invocation, String> {
    let tool = cargo_lambda()?;
    // `cargo lambda watch` reads cargo metadata from its working directory; a one-file stand-in
    // package keeps it independent of the workspace (whose binaries are already built).
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.path().join("src")).map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"stand-in\"\nversion = \"0.0.0\"\nedition = \"2024\"\n")
        .map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("src/main.rs"), "fn main() {}\n").map_err(|e| e.to_string())?;

    let port = free_port();
    let watch_log = dir.path().join("watch.log");
    let log = std::fs::File::create(&watch_log).map_err(|e| e.to_string())?;
    let watch = Command::new(&tool)
        .args(["lambda", "watch", "--only-lambda-apis", "--invoke-address", "127.0.0.1", "--invoke-port", &port.to_string()])
        .current_dir(dir.path())
        .stdout(Stdio::from(log.try_clone().map_err(|e| e.to_string())?))
        .stderr(Stdio::from(log))
        .spawn()
        .map_err(|e| format!("cannot start cargo lambda watch: {e}"))?;
    let _watch = Running(watch);
    wait_for_port(port, Duration::from_secs(30))
        .map_err(|e| format!("{e}; cargo lambda watch said: {}", std::fs::read_to_string(&watch_log).unwrap_or_default()))?;

    let out_path = dir.path().join("function.out");
    let err_path = dir.path().join("function.err");
    let function = Command::new(binary)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("AWS_LAMBDA_RUNTIME_API", format!("http://127.0.0.1:{port}/.rt"))
        .env("AWS_LAMBDA_FUNCTION_NAME", "_")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "1")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_LOG_FORMAT", "JSON")
        .env("NO_COLOR", "1")
        .stdout(Stdio::from(std::fs::File::create(&out_path).map_err(|e| e.to_string())?))
        .stderr(Stdio::from(std::fs::File::create(&err_path).map_err(|e| e.to_string())?))
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut function = Running(function);

    let invoke = Command::new(&tool)
        .args(["lambda", "invoke", "--invoke-address", "127.0.0.1", "--invoke-port", &port.to_string(), "--output-format", "json"])
        .arg("--data-file")
        .arg(event)
        .output()
        .map_err(|e| format!("cannot run cargo lambda invoke: {e}"))?;
    if let Ok(Some(status)) = function.0.try_wait() {
        return Err(format!(
            "{} exited ({status}) during the invocation: {}",
            binary.display(),
            std::fs::read_to_string(&err_path).unwrap_or_default()
        ));
    }
    drop(function);
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let text = String::from_utf8_lossy(&invoke.stdout).into_owned();
    if !invoke.status.success() {
        return Err(format!(
            "cargo lambda invoke failed ({}): {}{}\nfunction stderr: {stderr}",
            invoke.status,
            text,
            String::from_utf8_lossy(&invoke.stderr)
        ));
    }
    let response = serde_json::from_str(text.trim()).map_err(|e| format!("the invocation's response is not JSON ({e}): {text}"))?;
    Ok(Invocation { response, stdout, stderr })
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
fn wait_for_port(port: u16, within: Duration) -> Result<(), String> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on 127.0.0.1:{port} after {within:?}"))
}

/// Reads one HTTP/1.1 request: (method, path, body).
pub(crate) fn read_request(stream: &TcpStream) -> Option<(String, String, String)> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        if h == "\r\n" || h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((method, path, String::from_utf8_lossy(&body).into_owned()))
}

pub(crate) fn write_all(mut stream: &TcpStream, bytes: &[u8]) {
    let _ = stream.write_all(bytes);
}

pub(crate) type Sender<T> = mpsc::Sender<T>;

/// The simulated market served as Polymarket (Data API, Gamma and CLOB on one port of
/// 127.0.0.1), seeded like the demo, on the real clock; stops when dropped.
pub async fn simulated_venue() -> LocalServer {
    let config = copycat_core::config::Config::default();
    let clock: Arc<dyn Clock> = Arc::new(RealClock);
    let world = Arc::new(SimWorld::generate(SimParams::from_demo_config(&config.demo, clock.now())));
    LocalServer::start(0, SimVenue::new(world, clock).handler()).await.expect("bind the simulated venue on 127.0.0.1")
}

/// The environment that points a function binary's venue client at `url`.
pub fn venue_env(url: &str) -> Vec<(String, String)> {
    ["COPYCAT__VENUE__DATA_API_URL", "COPYCAT__VENUE__GAMMA_URL", "COPYCAT__VENUE__CLOB_URL"]
        .into_iter()
        .map(|k| (k.to_string(), url.to_string()))
        .collect()
}

/// The real clock.
struct RealClock;

impl Clock for RealClock {
    fn now(&self) -> copycat_core::time::Timestamp {
        chrono::Utc::now()
    }
}

/// On a fresh stack on the emulator, with the simulated venue served over HTTP, runs `binary`
/// under `cargo lambda watch` and invokes it once with `events/<event>`; panics with the whole
/// story when any step fails.
pub async fn invoke_on_fresh_stack(binary: &str, event: &str) -> (FreshStack, Invocation) {
    let endpoint = tokio::task::spawn_blocking(emulator_endpoint).await.expect("emulator start");
    let stack = FreshStack::create(&endpoint, 5).await;
    let venue = simulated_venue().await;
    let mut env = stack.env();
    env.extend(venue_env(&venue.url()));
    let (binary, event) = (PathBuf::from(binary), event_file(event));
    let invocation = tokio::task::spawn_blocking(move || invoke_under_cargo_lambda(&binary, &event, &env))
        .await
        .expect("invocation thread")
        .unwrap_or_else(|e| panic!("{e}"));
    venue.stop();
    (stack, invocation)
}

/// The `itemIdentifier`s of an SQS handler's `batchItemFailures` response.
pub fn failed_items(response: &serde_json::Value) -> Vec<String> {
    response["batchItemFailures"]
        .as_array()
        .unwrap_or_else(|| panic!("not a batch response: {response}"))
        .iter()
        .map(|f| f["itemIdentifier"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Messages waiting in the queue at `url` (approximate, as SQS reports it).
pub async fn queue_depth(endpoint: &str, url: &str) -> u64 {
    use copycat_core::ports::Queue;
    let clients = AwsClients::for_endpoint(endpoint).await;
    let name = url.rsplit('/').next().unwrap_or(url).to_string();
    copycat_aws::SqsQueue::new(clients.sqs, url, name).depth().await.unwrap_or_else(|e| panic!("depth of {url}: {e}"))
}
