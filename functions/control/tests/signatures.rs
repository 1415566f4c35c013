//! The control function against real signatures made with test keys: a valid request of each
//! platform acts, and a forged, replayed, expired or unlisted one does not; stop and start go
//! through the kill switch `copycat stop` / `start` use, and each command lands in the ledger.

use control::{ControlDeps, ControlKeys, UrlRequest, respond, verify};
use copycat_core::config::Config;
use copycat_core::control::{COMMAND_PK, CommandRecord};
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::records::{Control, keys};
use copycat_core::store::{Key, Record, Write};
use copycat_core::time::{ManualClock, Span, Timestamp, from_secs};
use copycat_embedded::EmbeddedBackend;
use copycat_state::{Base, CounterMetrics, Reporting, Sender, decode, load};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const SLACK_SECRET: &str = "test-signing-secret-0123456789abcdef";
const TELEGRAM_TOKEN: &str = "test-telegram-token_ABC-123";
/// A fixed Ed25519 test key (never a real application's).
const DISCORD_SEED: [u8; 32] = [7u8; 32];
const NOW: i64 = 1_780_000_000;

struct World {
    deps: ControlDeps,
    clock: Arc<ManualClock>,
    discord: SigningKey,
}

fn world() -> World {
    let clock = Arc::new(ManualClock::new(from_secs(NOW)));
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let mut config = Config::default();
    config.control.allowed_users = vec!["slack:U0ALLOWED".into(), "discord:111".into(), "telegram:42".into()];
    let queues = copycat_local::LocalQueues::open(&backend, &config.queues);
    let base =
        Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: Arc::new(CounterMetrics::default()) };
    let reporting = Reporting { base, notifications: Sender::new(queues.notifications.clone()) };
    let discord = SigningKey::from_bytes(&DISCORD_SEED);
    let public = hex::encode(discord.verifying_key().to_bytes());
    let keys = ControlKeys::from_lookup(|var| match var {
        control::SLACK_SIGNING_SECRET_VAR => Some(SLACK_SECRET.into()),
        control::DISCORD_PUBLIC_KEY_VAR => Some(public.clone()),
        control::TELEGRAM_SECRET_TOKEN_VAR => Some(TELEGRAM_TOKEN.into()),
        _ => None,
    });
    assert!(keys.problems().is_empty(), "{:?}", keys.problems());
    World { deps: ControlDeps { reporting, keys }, clock, discord }
}

fn slack(text: &str, user: &str, ts: i64, secret: &str) -> UrlRequest {
    let body = format!("token=x&team_id=T1&user_id={user}&user_name=ops&command=%2Fcopycat&text={}", text.replace(' ', "+"));
    let sig = verify::slack_signature(secret, &ts.to_string(), body.as_bytes());
    UrlRequest {
        raw_path: "/slack".into(),
        headers: [("x-slack-request-timestamp".to_string(), ts.to_string()), ("x-slack-signature".to_string(), sig)].into(),
        body: Some(body),
        is_base64_encoded: false,
    }
}

fn discord(key: &SigningKey, id: &str, command: &str, user: &str, ts: i64) -> UrlRequest {
    let body = json!({"id": id, "type": 2, "member": {"user": {"id": user, "username": "ops"}}, "data": {"name": command}}).to_string();
    let sig = key.sign(format!("{ts}{body}").as_bytes());
    UrlRequest {
        raw_path: "/discord".into(),
        headers: [("x-signature-timestamp".to_string(), ts.to_string()), ("x-signature-ed25519".to_string(), hex::encode(sig.to_bytes()))]
            .into(),
        body: Some(body),
        is_base64_encoded: false,
    }
}

fn telegram(update: i64, text: &str, user: i64, date: i64, token: &str) -> UrlRequest {
    let body = json!({"update_id": update, "message": {"message_id": 1, "date": date, "text": text, "from": {"id": user, "username": "ops"}, "chat": {"id": -100}}}).to_string();
    UrlRequest {
        raw_path: "/telegram".into(),
        headers: [("x-telegram-bot-api-secret-token".to_string(), token.to_string())].into(),
        body: Some(body),
        is_base64_encoded: false,
    }
}

async fn stopped(w: &World) -> Option<Control> {
    load::<Control>(w.deps.store.as_ref(), &keys::control()).await.unwrap().map(|v| v.value)
}

async fn commands(w: &World) -> Vec<CommandRecord> {
    w.deps.store.query(COMMAND_PK, "").await.unwrap().iter().map(|r| decode::<CommandRecord>(r).unwrap().value).collect()
}

fn body(r: &control::UrlResponse) -> Value {
    serde_json::from_str(&r.body).unwrap()
}

#[tokio::test]
async fn a_valid_slack_stop_sets_the_kill_switch_and_is_recorded_with_its_sender() {
    let w = world();
    let r = respond(&slack("stop venue looks wrong", "U0ALLOWED", NOW - 10, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(r.status_code, 200, "{}", r.body);
    assert!(body(&r)["text"].as_str().unwrap().contains("STOPPED"), "{}", r.body);
    let c = stopped(&w).await.expect("the kill switch record");
    assert!(c.stopped && c.reason.contains("venue looks wrong") && c.reason.contains("slack:U0ALLOWED"), "{c:?}");
    let ledger = commands(&w).await;
    assert_eq!(ledger.len(), 1);
    assert_eq!((ledger[0].user.as_str(), ledger[0].command.name()), ("U0ALLOWED", "stop"));
}

#[tokio::test]
async fn a_forged_slack_signature_is_refused_and_changes_nothing() {
    let w = world();
    let r = respond(&slack("stop", "U0ALLOWED", NOW, "not-the-secret"), &w.deps).await.unwrap();
    assert_eq!(r.status_code, 401);
    // A body changed after signing is forged too.
    let mut tampered = slack("status", "U0ALLOWED", NOW, SLACK_SECRET);
    tampered.body = Some(tampered.body.unwrap().replace("text=status", "text=stop"));
    assert_eq!(respond(&tampered, &w.deps).await.unwrap().status_code, 401);
    assert!(stopped(&w).await.is_none() && commands(&w).await.is_empty());
}

#[tokio::test]
async fn a_replayed_slack_request_is_refused() {
    let w = world();
    let req = slack("start", "U0ALLOWED", NOW, SLACK_SECRET);
    assert_eq!(respond(&req, &w.deps).await.unwrap().status_code, 200);
    w.clock.advance(Span::seconds(30));
    let again = respond(&req, &w.deps).await.unwrap();
    assert_eq!(again.status_code, 409, "{}", again.body);
    assert_eq!(commands(&w).await.len(), 1, "the replay is not acted on or recorded");
}

#[tokio::test]
async fn an_expired_slack_request_is_refused_outside_five_minutes() {
    let w = world();
    let old = respond(&slack("stop", "U0ALLOWED", NOW - 301, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(old.status_code, 401);
    assert!(old.body.contains("replay window"), "{}", old.body);
    let future = respond(&slack("stop", "U0ALLOWED", NOW + 400, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(future.status_code, 401);
    assert!(stopped(&w).await.is_none());
    // Just inside the window still works.
    assert_eq!(respond(&slack("status", "U0ALLOWED", NOW - 299, SLACK_SECRET), &w.deps).await.unwrap().status_code, 200);
}

#[tokio::test]
async fn an_unlisted_user_is_answered_refused_recorded_and_not_obeyed() {
    let w = world();
    let r = respond(&slack("stop", "U0STRANGER", NOW, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(r.status_code, 200);
    assert!(body(&r)["text"].as_str().unwrap().contains("not allowed"), "{}", r.body);
    assert!(stopped(&w).await.is_none(), "the switch is untouched");
    let ledger = commands(&w).await;
    assert_eq!(ledger.len(), 1);
    assert!(ledger[0].answer.starts_with("refused") && ledger[0].user == "U0STRANGER", "{:?}", ledger[0]);
    // The same id on another platform is not allowed either.
    let r = respond(&telegram(9, "/stop", 111, NOW, TELEGRAM_TOKEN), &w.deps).await.unwrap();
    assert!(r.body.contains("not allowed"), "{}", r.body);
    assert!(stopped(&w).await.is_none());
}

#[tokio::test]
async fn discord_interactions_are_verified_with_the_applications_public_key() {
    let w = world();
    // PING, as Discord sends when the endpoint is saved.
    let ping = json!({"id": "p", "type": 1}).to_string();
    let sig = w.discord.sign(format!("{NOW}{ping}").as_bytes());
    let req = UrlRequest {
        raw_path: "/discord".into(),
        headers: [("x-signature-timestamp".to_string(), NOW.to_string()), ("x-signature-ed25519".to_string(), hex::encode(sig.to_bytes()))]
            .into(),
        body: Some(ping),
        is_base64_encoded: false,
    };
    assert_eq!(body(&respond(&req, &w.deps).await.unwrap()), json!({"type": 1}));
    // Valid: a stop from a listed user.
    let ok = respond(&discord(&w.discord, "i-1", "stop", "111", NOW), &w.deps).await.unwrap();
    assert_eq!(body(&ok)["type"], 4);
    assert!(stopped(&w).await.is_some_and(|c| c.stopped));
    // Forged: signed by another key.
    let other = SigningKey::from_bytes(&[9u8; 32]);
    assert_eq!(respond(&discord(&other, "i-2", "start", "111", NOW), &w.deps).await.unwrap().status_code, 401);
    // Replayed and expired.
    assert_eq!(respond(&discord(&w.discord, "i-1", "stop", "111", NOW), &w.deps).await.unwrap().status_code, 409);
    assert_eq!(respond(&discord(&w.discord, "i-3", "start", "111", NOW - 600), &w.deps).await.unwrap().status_code, 401);
    assert!(stopped(&w).await.is_some_and(|c| c.stopped), "still stopped: no forged, replayed or expired start got through");
    // Unlisted.
    let r = respond(&discord(&w.discord, "i-4", "start", "222", NOW), &w.deps).await.unwrap();
    assert!(body(&r)["data"]["content"].as_str().unwrap().contains("not allowed"));
    assert!(stopped(&w).await.is_some_and(|c| c.stopped));
}

#[tokio::test]
async fn telegram_webhooks_need_the_secret_token_a_fresh_date_and_a_new_update_id() {
    let w = world();
    let ok = respond(&telegram(1, "/pnl", 42, NOW, TELEGRAM_TOKEN), &w.deps).await.unwrap();
    assert_eq!(ok.status_code, 200);
    let b = body(&ok);
    assert_eq!((b["method"].as_str(), b["chat_id"].as_i64()), (Some("sendMessage"), Some(-100)));
    assert!(b["text"].as_str().unwrap().contains("starting balance $24.00"), "{b}");
    assert_eq!(respond(&telegram(2, "/stop", 42, NOW, "wrong-token"), &w.deps).await.unwrap().status_code, 401);
    // Telegram re-sends an update until it gets a 2xx: the repeat is acknowledged and not run.
    let repeat = respond(&telegram(1, "/pnl", 42, NOW, TELEGRAM_TOKEN), &w.deps).await.unwrap();
    assert_eq!((repeat.status_code, body(&repeat)), (200, json!({})));
    assert_eq!(commands(&w).await.len(), 1, "the repeated update is not recorded again");
    assert_eq!(respond(&telegram(3, "/stop", 42, NOW - 1000, TELEGRAM_TOKEN), &w.deps).await.unwrap().status_code, 401);
    assert!(stopped(&w).await.is_none());
    let stop = respond(&telegram(4, "/stop@CopyCatBot market is mad", 42, NOW, TELEGRAM_TOKEN), &w.deps).await.unwrap();
    assert!(body(&stop)["text"].as_str().unwrap().contains("STOPPED"));
    let start = respond(&telegram(5, "/start", 42, NOW, TELEGRAM_TOKEN), &w.deps).await.unwrap();
    assert!(body(&start)["text"].as_str().unwrap().contains("resumed"));
    assert!(stopped(&w).await.is_some_and(|c| !c.stopped));
    assert_eq!(commands(&w).await.len(), 3);
}

#[tokio::test]
async fn a_platform_without_its_key_answers_503_naming_the_missing_key() {
    let mut w = world();
    w.deps.keys = ControlKeys::from_lookup(|_| None);
    let r = respond(&slack("stop", "U0ALLOWED", NOW, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(r.status_code, 503);
    assert!(r.body.contains(control::SLACK_SIGNING_SECRET_VAR), "{}", r.body);
    assert!(stopped(&w).await.is_none());
}

/// The state table with one planned outage: the next command record write fails.
struct FailingRecordWrite {
    inner: Arc<dyn StateStore>,
    fail_next: AtomicBool,
}

#[async_trait::async_trait]
impl StateStore for FailingRecordWrite {
    async fn get(&self, key: &Key) -> Result<Option<Record>, StoreError> {
        self.inner.get(key).await
    }
    async fn get_many(&self, keys: &[Key]) -> Result<Vec<Option<Record>>, StoreError> {
        self.inner.get_many(keys).await
    }
    async fn put_if_absent(&self, key: &Key, body: Value, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        if key.pk == COMMAND_PK && self.fail_next.swap(false, Ordering::SeqCst) {
            return Err(StoreError::Unavailable("planned outage".into()));
        }
        self.inner.put_if_absent(key, body, expires_at).await
    }
    async fn put_if_version(&self, key: &Key, body: Value, v: u64, expires_at: Option<Timestamp>) -> Result<Record, StoreError> {
        self.inner.put_if_version(key, body, v, expires_at).await
    }
    async fn delete_if_version(&self, key: &Key, v: u64) -> Result<(), StoreError> {
        self.inner.delete_if_version(key, v).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.inner.transact(writes).await
    }
    async fn query(&self, pk: &str, sk_prefix: &str) -> Result<Vec<Record>, StoreError> {
        self.inner.query(pk, sk_prefix).await
    }
}

#[tokio::test]
async fn a_command_that_failed_on_a_store_outage_runs_when_the_platform_retries_it() {
    let mut w = world();
    let failing = Arc::new(FailingRecordWrite { inner: w.deps.store.clone(), fail_next: AtomicBool::new(true) });
    w.deps.reporting.base.store = failing.clone();
    let first = respond(&slack("stop outage test", "U0ALLOWED", NOW, SLACK_SECRET), &w.deps).await;
    assert!(first.is_err(), "the outage is an error (a 5xx, so the platform retries)");
    assert!(commands(&w).await.is_empty());
    // The platform's retry of the very same request is not taken for a replay.
    let retry = respond(&slack("stop outage test", "U0ALLOWED", NOW, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(retry.status_code, 200, "{}", retry.body);
    assert!(stopped(&w).await.is_some_and(|c| c.stopped));
    let recorded = commands(&w).await;
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    // And a real replay of it after that is still refused.
    let replay = respond(&slack("stop outage test", "U0ALLOWED", NOW, SLACK_SECRET), &w.deps).await.unwrap();
    assert_eq!(replay.status_code, 409);
}
