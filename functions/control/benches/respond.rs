//! What a chat command costs the control function, signature check to answer, on the embedded
//! state table in memory (on Lambda, add the DynamoDB round trips of the command's reads and
//! writes). Slack and Discord give a command 3 s.
//!
//! `cargo bench -p control --bench respond`

use control::{ControlDeps, ControlKeys, UrlRequest, respond, verify};
use copycat_core::config::Config;
use copycat_core::time::{ManualClock, from_secs};
use copycat_embedded::EmbeddedBackend;
use copycat_state::{Base, CounterMetrics, Reporting, Sender};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

const SECRET: &str = "bench-signing-secret-0123456789abcdef";
const NOW: i64 = 1_780_000_000;

fn deps() -> ControlDeps {
    let clock = Arc::new(ManualClock::new(from_secs(NOW)));
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).expect("in-memory backend");
    let mut config = Config::default();
    config.control.allowed_users = vec!["slack:U0BENCH".into()];
    let queues = copycat_local::LocalQueues::open(&backend, &config.queues);
    let base = Base { config: Arc::new(config), store: backend.store(), clock, metrics: Arc::new(CounterMetrics::default()) };
    let keys = ControlKeys::from_lookup(|var| (var == control::SLACK_SIGNING_SECRET_VAR).then(|| SECRET.to_string()));
    ControlDeps { reporting: Reporting { base, notifications: Sender::new(queues.notifications.clone()) }, keys }
}

/// A signed Slack slash command; `n` makes each request new (the replay check refuses repeats).
fn slack(text: &str, n: u64) -> UrlRequest {
    let body = format!("team_id=T1&user_id=U0BENCH&user_name=ops{n}&command=%2Fcopycat&text={text}");
    let sig = verify::slack_signature(SECRET, &NOW.to_string(), body.as_bytes());
    UrlRequest {
        raw_path: "/slack".into(),
        headers: [("x-slack-request-timestamp".to_string(), NOW.to_string()), ("x-slack-signature".to_string(), sig)].into(),
        body: Some(body),
        is_base64_encoded: false,
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let deps = deps();
    let n = AtomicU64::new(0);
    for command in ["status", "pnl", "leaders", "stop", "start"] {
        c.bench_function(&format!("respond/slack_{command}"), |b| {
            b.iter_batched(
                || slack(command, n.fetch_add(1, Ordering::Relaxed)),
                |req| {
                    let r = rt.block_on(respond(&req, &deps)).expect("answered");
                    assert_eq!(r.status_code, 200, "{}", r.body);
                },
                BatchSize::SmallInput,
            )
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
