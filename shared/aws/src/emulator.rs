//! A local AWS-protocol emulator (moto server) on 127.0.0.1 and a free port, for tests and
//! `copycat demo --backend aws`. Stopped when the [`Emulator`] is dropped, and also when this
//! process dies: moto runs under a small watchdog that exits when its stdin (our pipe) closes,
//! so a test binary that exits with the emulator in a `static` leaves nothing behind.
//!
//! moto is found at `$COPYCAT_MOTO_SERVER`, else `infra/.venv/bin/moto_server` (installed there
//! by `infra/emulator.sh install` when missing), else on `PATH`.

use std::io::Write as _;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The repository root (this crate lives in `shared/aws`).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What can go wrong starting the emulator.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    /// moto is not installed and installing it failed.
    #[error("moto server is not available ({0}); run `bash infra/emulator.sh install` (needs python3 and PyPI)")]
    NotInstalled(String),
    /// The process could not be started or did not answer in time.
    #[error("moto server did not start: {0}")]
    Start(String),
}

/// A running moto server; killed on drop.
pub struct Emulator {
    endpoint: String,
    child: Child,
    stdin: Option<ChildStdin>,
}

/// Serialises installs, so parallel tests run `pip install` once.
static INSTALL: Mutex<()> = Mutex::new(());

/// The moto_server executable, installing it into `infra/.venv` when it is nowhere.
pub fn moto_server() -> Result<PathBuf, EmulatorError> {
    if let Some(path) = std::env::var_os("COPYCAT_MOTO_SERVER") {
        return Ok(PathBuf::from(path));
    }
    let venv = repo_root().join("infra/.venv/bin/moto_server");
    let _guard = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
    if venv.exists() {
        return Ok(venv);
    }
    if Command::new("moto_server").arg("--help").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success()) {
        return Ok(PathBuf::from("moto_server"));
    }
    let status = Command::new("bash")
        .arg(repo_root().join("infra/emulator.sh"))
        .arg("install")
        .status()
        .map_err(|e| EmulatorError::NotInstalled(format!("cannot run infra/emulator.sh: {e}")))?;
    if !status.success() || !venv.exists() {
        return Err(EmulatorError::NotInstalled(format!("infra/emulator.sh install exited with {status}")));
    }
    Ok(venv)
}

/// A port nobody listens on right now.
fn free_port() -> Result<u16, EmulatorError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| EmulatorError::Start(format!("no free port: {e}")))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| EmulatorError::Start(e.to_string()))
}

/// The python next to moto when moto is in a venv, else `python3`.
fn python_of(moto: &Path) -> PathBuf {
    moto.parent().map(|d| d.join("python3")).filter(|p| p.exists()).unwrap_or_else(|| PathBuf::from("python3"))
}

/// The watchdog: starts moto, waits for stdin to close, then stops moto.
const WATCHDOG: &str = "import subprocess, sys\n\
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
try:\n    sys.stdin.read()\nfinally:\n    p.terminate()\n    try:\n        p.wait(5)\n    except Exception:\n        p.kill()\n";

impl Emulator {
    /// Starts moto on 127.0.0.1 and a free port and waits until it answers HTTP.
    pub fn start() -> Result<Self, EmulatorError> {
        let moto = moto_server()?;
        Self::start_with(&moto, |port| vec![moto.display().to_string(), "-H".into(), "127.0.0.1".into(), "-p".into(), port.to_string()])
    }

    /// Starts moto answering one request at a time (`infra/moto_serialized.py`, which says why):
    /// conditional writes, transactions and FIFO receives from many processes then behave as on
    /// AWS, which moto's own threaded server does not guarantee.
    pub fn start_serialized() -> Result<Self, EmulatorError> {
        let moto = moto_server()?;
        let python = python_of(&moto);
        let script = repo_root().join("infra/moto_serialized.py");
        if !script.exists() {
            return Err(EmulatorError::Start(format!("{} is missing", script.display())));
        }
        Self::start_with(&moto, |port| vec![python.display().to_string(), script.display().to_string(), port.to_string()])
    }

    fn start_with(moto: &Path, command: impl Fn(u16) -> Vec<String>) -> Result<Self, EmulatorError> {
        // Use the venv's python for the watchdog when moto is in a venv.
        let python = python_of(moto);
        let mut last = String::new();
        for _ in 0..3 {
            let port = free_port()?;
            let mut child = Command::new(&python)
                .arg("-c")
                .arg(WATCHDOG)
                .args(command(port))
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| EmulatorError::Start(format!("cannot run {}: {e}", python.display())))?;
            let stdin = child.stdin.take();
            let mut emulator = Emulator { endpoint: format!("http://127.0.0.1:{port}"), child, stdin };
            match emulator.wait_until_answering(Duration::from_secs(30)) {
                Ok(()) => return Ok(emulator),
                Err(e) => last = e, // the port may have been taken meanwhile: try another
            }
        }
        Err(EmulatorError::Start(last))
    }

    /// Its endpoint URL, for `AWS_ENDPOINT_URL` or [`crate::AwsClients::for_endpoint`].
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    fn wait_until_answering(&mut self, within: Duration) -> Result<(), String> {
        let addr: SocketAddr = self.endpoint.trim_start_matches("http://").parse().map_err(|e| format!("{e}"))?;
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("moto exited early with {status}"));
            }
            if let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
                // moto answers any GET once its app is loaded.
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                if stream.write_all(b"GET /moto-api/ HTTP/1.0\r\nHost: localhost\r\n\r\n").is_ok() {
                    let mut first = [0u8; 12];
                    if std::io::Read::read(&mut stream, &mut first).is_ok_and(|n| n > 0) && first.starts_with(b"HTTP/") {
                        return Ok(());
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("no answer on {} within {within:?}", self.endpoint))
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // Closing stdin tells the watchdog to stop moto; kill it if it lingers.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
