//! `copycat control serve`: the control function's handler on 127.0.0.1, over the embedded
//! database, so chat commands (or a signed `curl`) can be tried locally: `POST /slack`,
//! `/discord`, `/telegram`, authenticated and answered exactly as the Lambda does.

use crate::CliError;
use base64::Engine as _;
use control::{ControlDeps, ControlKeys, UrlRequest};
use copycat_core::config::Config;
use copycat_core::time::SystemClock;
use copycat_polymarket::server::{LocalServer, Request, Response};
use copycat_state::{Base, CounterMetrics, Reporting, Sender};
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

/// `copycat control …`
#[derive(clap::Subcommand, Clone, Debug)]
pub enum ControlCommand {
    /// Serve the control endpoint on 127.0.0.1 (keys from COPYCAT_SLACK_SIGNING_SECRET,
    /// COPYCAT_DISCORD_PUBLIC_KEY, COPYCAT_TELEGRAM_SECRET_TOKEN; the allow-list from
    /// control.allowed_users); prints the base URL, then serves until Ctrl-C.
    Serve(ServeArgs),
}

/// `copycat control serve` arguments.
#[derive(clap::Args, Clone, Debug)]
pub struct ServeArgs {
    /// The embedded state database whose kill switch commands set.
    #[arg(long, default_value = "copycat.db")]
    db: PathBuf,
    /// Port on 127.0.0.1 (0 picks a free one; the URL is printed).
    #[arg(long, default_value_t = 0)]
    port: u16,
}

/// Runs `copycat control …`.
pub async fn run(config: &Config, command: ControlCommand) -> Result<(), CliError> {
    let ControlCommand::Serve(args) = command;
    let backend = crate::operator::open(&args.db)?;
    let queues = copycat_local::LocalQueues::open(&backend, &config.queues);
    let base = Base {
        config: Arc::new(config.clone()),
        store: backend.store(),
        clock: Arc::new(SystemClock),
        metrics: Arc::new(CounterMetrics::default()),
    };
    let keys = ControlKeys::from_env();
    let problems = keys.problems();
    if problems.len() == 3 {
        return Err(CliError::Usage(format!("no platform can be served: {}", problems.join("; "))));
    }
    for p in &problems {
        eprintln!("warning: {p}");
    }
    if config.control.allowed_users.is_empty() {
        eprintln!("warning: control.allowed_users is empty: every command will be refused");
    }
    let deps = Arc::new(ControlDeps { reporting: Reporting { base, notifications: Sender::new(queues.notifications.clone()) }, keys });
    let runtime = tokio::runtime::Handle::current();
    let handler = Arc::new(move |req: &Request| -> Response {
        if req.method != "POST" {
            return Response::error(405, "POST /slack, /discord or /telegram");
        }
        let url_request = to_url_request(req);
        // The server's handler is synchronous; the store calls run on this runtime meanwhile.
        let answer = tokio::task::block_in_place(|| runtime.block_on(control::respond(&url_request, &deps)));
        match answer {
            Ok(r) => {
                let mut out = Response::json(r.body.into_bytes());
                out.status = r.status_code;
                out
            }
            Err(e) => {
                eprintln!("error: {e}");
                Response::error(500, "the state store failed")
            }
        }
    });
    let server = LocalServer::start(args.port, handler).await.map_err(CliError::io(format!("cannot bind 127.0.0.1:{}", args.port)))?;
    println!("{}", server.url());
    let _ = std::io::stdout().flush();
    eprintln!("copycat control serve: {} on {} (POST /slack, /discord, /telegram); Ctrl-C stops", args.db.display(), server.url());
    tokio::signal::ctrl_c().await.map_err(CliError::io("cannot wait for Ctrl-C"))?;
    server.stop();
    Ok(())
}

/// The request as a Function URL would hand it to the Lambda (a body that is not UTF-8 base64-encoded).
fn to_url_request(req: &Request) -> UrlRequest {
    let (body, is_base64_encoded) = match std::str::from_utf8(&req.body) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (base64::engine::general_purpose::STANDARD.encode(&req.body), true),
    };
    UrlRequest {
        raw_path: req.path.clone(),
        headers: req.headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.clone())).collect(),
        body: Some(body),
        is_base64_encoded,
    }
}
