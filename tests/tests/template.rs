//! `template.yaml` held to the code, to `infra/resources.json` and to the rules cfn-lint lets
//! through. Each check returns the problems it finds; the real template must have none, and each
//! check is shown to fail on a mutated in-memory copy of the template (or of the code's tables).
//!
//! What the template is compared with comes from the code, not from this file:
//! - function crates: the workspace members under `functions/`;
//! - environment variables: every `"COPYCAT_…"` string literal in the non-test sources of the
//!   crates a Lambda binary links (so a variable added later is caught);
//! - queues per function: `copycat_aws::functions::FUNCTIONS`, itself held to each function's
//!   deps type (its `SENDS`, the `Sender`s it holds) and to what the handlers do by running them
//!   on recording queues;
//! - the breaker metric: the metric names a breaker trip emits (a handler run against a failing
//!   venue) and the namespace and dimensions of the EMF line `EmfMetrics` writes;
//! - table and queues: `copycat_aws::Resources::builtin()` (`infra/resources.json`).

use async_trait::async_trait;
use copycat_aws::Resources;
use copycat_aws::functions::{FUNCTIONS, LambdaFunction, Trigger, queue_url_var};
use copycat_core::message::{OutMessage, Received, SendFailure};
use copycat_core::ports::{Queue, QueueError};
use copycat_core::queues::QueueId;
use copycat_core::time::{ManualClock, Span, from_secs};
use copycat_core::{Clock, Side, Wallet};
use copycat_engine::FunctionDeps;
use copycat_local::local_event;
use copycat_tests::{Harness, LEADER, event_fixture, leader_trade, repo_root};
use rust_decimal_macros::dec;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

// ------------------------------------------------------------------ the template as JSON

/// `template.yaml` with CloudFormation's short tags turned into their JSON long form
/// (`!Ref X` → `{"Ref": "X"}`, `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`, `!Sub s` →
/// `{"Fn::Sub": "s"}`, …).
fn template() -> Value {
    let text = std::fs::read_to_string(repo_root().join("template.yaml")).expect("template.yaml at the repository root");
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("template.yaml is YAML");
    to_json(yaml)
}

fn to_json(v: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => n.as_i64().map(Value::from).or_else(|| n.as_f64().map(Value::from)).unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(s) => Value::Array(s.into_iter().map(to_json).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => serde_yaml_ng::to_string(&other).unwrap_or_default().trim().to_string(),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => {
            let tag = t.tag.to_string();
            let name = tag.trim_start_matches('!');
            let value = to_json(t.value);
            match (name, value) {
                ("Ref", v) => json!({ "Ref": v }),
                ("Condition", v) => json!({ "Condition": v }),
                ("GetAtt", Value::String(s)) => {
                    let (res, att) = s.split_once('.').unwrap_or((&s, ""));
                    json!({ "Fn::GetAtt": [res, att] })
                }
                (other, v) => json!({ format!("Fn::{other}"): v }),
            }
        }
    }
}

fn resources(t: &Value) -> &Map<String, Value> {
    t["Resources"].as_object().expect("Resources is a mapping")
}

fn of_type<'a>(t: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    resources(t).iter().filter(|(_, r)| r["Type"] == kind).map(|(id, r)| (id.as_str(), r)).collect()
}

fn ref_of(v: &Value) -> Option<&str> {
    v.get("Ref").and_then(Value::as_str)
}

fn get_att(v: &Value) -> Option<(&str, &str)> {
    let a = v.get("Fn::GetAtt")?.as_array()?;
    Some((a.first()?.as_str()?, a.get(1)?.as_str()?))
}

/// The value a parameter reference stands for by default (a literal stays itself).
fn resolve<'a>(t: &'a Value, v: &'a Value) -> &'a Value {
    // `!If [Condition, value, !Ref AWS::NoValue]`: the value it sets when it sets one.
    if let Some([_, then, _]) = v.get("Fn::If").and_then(|a| a.as_array()).map(Vec::as_slice) {
        return resolve(t, then);
    }
    match ref_of(v).and_then(|p| t["Parameters"].get(p)) {
        Some(param) => &param["Default"],
        None => v,
    }
}

/// `!Sub "${Stage}-<name>"` → `<name>`: the stage-prefixed names the template gives its table,
/// queues and functions.
fn staged_name(v: &Value) -> Option<&str> {
    v.get("Fn::Sub")?.as_str()?.strip_prefix("${Stage}-")
}

/// A function's property, falling back to `Globals.Function`.
fn effective<'a>(t: &'a Value, f: &'a Value, key: &str) -> &'a Value {
    match f["Properties"].get(key) {
        Some(v) => v,
        None => &t["Globals"]["Function"][key],
    }
}

/// A function's environment: `Globals.Function` merged with its own (SAM merges the maps).
fn environment<'a>(t: &'a Value, f: &'a Value) -> BTreeMap<&'a str, &'a Value> {
    let mut env = BTreeMap::new();
    for vars in [&t["Globals"]["Function"]["Environment"]["Variables"], &f["Properties"]["Environment"]["Variables"]] {
        if let Some(m) = vars.as_object() {
            env.extend(m.iter().map(|(k, v)| (k.as_str(), v)));
        }
    }
    env
}

/// The function resource whose binary is `name`.
fn function_resource<'a>(t: &'a Value, name: &str) -> Option<(&'a str, &'a Value)> {
    of_type(t, "AWS::Serverless::Function").into_iter().find(|(_, f)| f["Metadata"]["BuildProperties"]["Binary"] == name)
}

/// The template queue resource whose name is the `infra/resources.json` queue `name`.
fn queue_resource<'a>(t: &'a Value, name: &str) -> Option<(&'a str, &'a Value)> {
    of_type(t, "AWS::SQS::Queue").into_iter().find(|(_, q)| staged_name(&q["Properties"]["QueueName"]) == Some(name))
}

fn queue_id_for_role<'a>(t: &'a Value, res: &Resources, role: &str) -> Option<&'a str> {
    queue_resource(t, &res.queue(role)?.name).map(|(id, _)| id)
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => vec![],
        other => vec![other],
    }
}

/// One IAM statement: its actions and resources.
struct Statement<'a> {
    actions: Vec<&'a str>,
    resources: Vec<&'a Value>,
}

/// Every statement of the role a function runs as (both branches of an `Fn::If`).
fn statements<'a>(t: &'a Value, f: &'a Value) -> Vec<Statement<'a>> {
    let Some((role, "Arn")) = get_att(&f["Properties"]["Role"]) else { return vec![] };
    let mut policies: Vec<&Value> = Vec::new();
    for p in as_list(&resources(t)[role]["Properties"]["Policies"]) {
        match p.get("Fn::If").and_then(Value::as_array) {
            Some(branches) => policies.extend(branches.iter().skip(1).filter(|b| ref_of(b) != Some("AWS::NoValue"))),
            None => policies.push(p),
        }
    }
    policies
        .into_iter()
        .flat_map(|p| as_list(&p["PolicyDocument"]["Statement"]))
        .filter(|s| s["Effect"] == "Allow")
        .map(|s| Statement {
            actions: as_list(&s["Action"]).into_iter().filter_map(Value::as_str).collect(),
            resources: as_list(&s["Resource"]),
        })
        .collect()
}

/// Whether the role allows `action` on the `Arn` of resource `id`.
fn allows(stmts: &[Statement], action: &str, id: &str) -> bool {
    stmts.iter().any(|s| s.actions.contains(&action) && s.resources.iter().any(|r| get_att(r) == Some((id, "Arn"))))
}

fn events<'a>(f: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    f["Properties"]["Events"]
        .as_object()
        .map(|m| m.iter().filter(|(_, e)| e["Type"] == kind).map(|(k, e)| (k.as_str(), &e["Properties"])).collect())
        .unwrap_or_default()
}

fn mutated(t: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let mut copy = t.clone();
    change(&mut copy);
    copy
}

#[track_caller]
fn assert_clean(problems: Vec<String>) {
    assert!(problems.is_empty(), "template problems:\n  {}", problems.join("\n  "));
}

#[track_caller]
fn assert_reports(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem mentioning {needle:?}, got {problems:#?}");
}

// ------------------------------------------------------------------ what the code says

/// Workspace crates by name → directory, and the function crates (members under `functions/`).
fn workspace() -> (BTreeMap<String, String>, BTreeSet<String>) {
    let root: toml::Table = toml::from_str(&std::fs::read_to_string(repo_root().join("Cargo.toml")).unwrap()).unwrap();
    let members = root["workspace"]["members"].as_array().unwrap();
    let mut crates = BTreeMap::new();
    let mut functions = BTreeSet::new();
    for m in members.iter().filter_map(|m| m.as_str()) {
        let Ok(text) = std::fs::read_to_string(repo_root().join(m).join("Cargo.toml")) else { continue };
        let manifest: toml::Table = toml::from_str(&text).unwrap();
        let name = manifest["package"]["name"].as_str().unwrap().to_string();
        if m.starts_with("functions/") {
            functions.insert(name.clone());
        }
        crates.insert(name, m.to_string());
    }
    (crates, functions)
}

/// The workspace crates the binaries of `functions` link: those crates and, transitively, their
/// workspace (normal) dependencies.
fn linked_crates(functions: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    let (crates, _) = workspace();
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = functions.into_iter().collect();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let manifest: toml::Table =
            toml::from_str(&std::fs::read_to_string(repo_root().join(&crates[&name]).join("Cargo.toml")).unwrap()).unwrap();
        if let Some(deps) = manifest.get("dependencies").and_then(|d| d.as_table()) {
            todo.extend(deps.keys().filter(|d| crates.contains_key(*d)).cloned());
        }
    }
    seen
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `"COPYCAT_…"` string literals in `text` before its first `#[cfg(test)]` (config-override
/// prefixes such as `"COPYCAT__"` excluded: those are set one by one, see `config_overrides`).
fn env_literals(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("\"COPYCAT_") {
        let rest = &code[i + 1..];
        let end = rest.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')).unwrap_or(rest.len());
        if rest[end..].starts_with('"') && !rest[..end].ends_with("__") {
            found.insert(rest[..end].to_string());
        }
    }
    found
}

/// The workspace crates any Lambda binary links.
fn lambda_crates() -> BTreeSet<String> {
    linked_crates(workspace().1)
}

/// Every environment variable each function binary's code reads (the crates it links), by
/// function.
fn env_vars_read() -> BTreeMap<String, BTreeSet<String>> {
    let (crates, functions) = workspace();
    let mut read = BTreeMap::new();
    for function in functions {
        let mut files = Vec::new();
        for name in linked_crates([function.clone()]) {
            rust_files(&repo_root().join(&crates[&name]).join("src"), &mut files);
        }
        read.insert(function, files.iter().flat_map(|f| env_literals(&std::fs::read_to_string(f).unwrap())).collect());
    }
    read
}

/// Read by the code but deliberately not set by the template, each with its reason.
const NOT_SET_ON_LAMBDA: &[(&str, &str)] = &[
    ("COPYCAT_CONFIG", "a TOML file path; on Lambda the config comes from defaults and COPYCAT__ overrides"),
    ("COPYCAT_MOTO_SERVER", "the emulator helper's moto_server path, for tests"),
];

/// Read only where orders are placed: the venue reads the wallet key when the trading venue is
/// built (`venue_from_config`, the signal copier's main); every other function builds
/// `data_venue`, which never reads it (checked by `only_the_copier_builds_the_trading_venue`).
const READ_BY_THE_TRADING_FUNCTION_ONLY: &[&str] = &["COPYCAT_POLYMARKET_PRIVATE_KEY"];

/// Read only by a health check that redeems for a deposit wallet through the relayer (the
/// relayer redeemer in copycat-chain, built by the health check's main with `--features redeem`);
/// other functions link the crate but never build that redeemer.
const READ_BY_THE_REDEEMING_HEALTH_CHECK_ONLY: &[&str] = &["COPYCAT_RELAYER_API_KEY", "COPYCAT_RELAYER_API_KEY_ADDRESS"];

/// The one function that places orders.
const TRADING_FUNCTION: &str = "signal-copier";

/// Set by the template for code in flight, not yet read by it (the notifier's webhooks, the
/// live broker's trading key).
const SET_AHEAD_OF_CODE: &[&str] = &["COPYCAT_DISCORD_WEBHOOK_URL", "COPYCAT_SLACK_WEBHOOK_URL"];

/// The metric names a breaker trip emits: a discovery run against a healthy venue, then runs
/// against a failing one until a breaker opens; the names only the failing runs emitted.
async fn breaker_trip_metrics() -> BTreeSet<String> {
    let names = |h: &Harness| -> BTreeSet<String> { h.metrics.snapshot().into_keys().filter(|k| !k.contains('{')).collect() };
    let h = Harness::new();
    h.venue.add_trades(&Wallet::parse(LEADER).unwrap(), vec![leader_trade(Side::Buy, dec!(0.5), dec!(10), h.clock.now(), "0xaa")]);
    discovery::run_discovery(&h.deps.discovery).await.expect("healthy discovery");
    let healthy = names(&h);
    h.venue.down.store(true, std::sync::atomic::Ordering::SeqCst);
    for _ in 0..10 {
        let _ = discovery::run_discovery(&h.deps.discovery).await;
        if names(&h).len() > healthy.len() {
            break;
        }
    }
    names(&h).difference(&healthy).cloned().collect()
}

/// Namespace and dimension sets of the EMF line the Lambdas write for `metric`.
fn emf_shape(metric: &str) -> (String, Vec<Vec<String>>) {
    let line = Arc::new(Mutex::new(String::new()));
    let sink = line.clone();
    let emf = copycat_aws::EmfMetrics::with_writer("prod", Arc::new(ManualClock::new(from_secs(0))), move |l| {
        *sink.lock().unwrap() = l.to_string();
    });
    copycat_core::ports::Metrics::count(&emf, metric, 1, &[]);
    let doc: Value = serde_json::from_str(&line.lock().unwrap()).unwrap();
    let cw = &doc["_aws"]["CloudWatchMetrics"][0];
    let dims = cw["Dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|set| set.as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string()).collect())
        .collect();
    (cw["Namespace"].as_str().unwrap().to_string(), dims)
}

/// Metric names the code counts (`metrics.count("Name"` in the Lambda crates' sources).
fn counted_metric_names() -> BTreeSet<String> {
    let (crates, _) = workspace();
    let mut files = Vec::new();
    for name in lambda_crates() {
        rust_files(&repo_root().join(&crates[&name]).join("src"), &mut files);
    }
    let mut names = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, _) in text.match_indices(".count(\"") {
            let rest = &text[i + 8..];
            if let Some(end) = rest.find('"') {
                names.insert(rest[..end].to_string());
            }
        }
    }
    names
}

// ------------------------------------------------------------------ the checks

/// Every function crate has exactly one function resource (by `BuildProperties.Binary`) and
/// vice versa, every one is in `FUNCTIONS`, and each is built and run the same way.
fn check_functions(t: &Value, crates: &BTreeSet<String>, table: &[LambdaFunction]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut binaries: BTreeMap<String, u32> = BTreeMap::new();
    for (id, f) in of_type(t, "AWS::Serverless::Function") {
        let Some(bin) = f["Metadata"]["BuildProperties"]["Binary"].as_str() else {
            problems.push(format!("{id}: no Metadata.BuildProperties.Binary"));
            continue;
        };
        *binaries.entry(bin.to_string()).or_default() += 1;
        if f["Metadata"]["BuildMethod"] != "rust-cargolambda" {
            problems.push(format!("{id}: BuildMethod is not rust-cargolambda"));
        }
        for (key, want) in [("Runtime", json!("provided.al2023")), ("Handler", json!("bootstrap")), ("Architectures", json!(["arm64"]))] {
            if *effective(t, f, key) != want {
                problems.push(format!("{id}: {key} is not {want}"));
            }
        }
        if !crates.contains(bin) {
            problems.push(format!("{id}: binary {bin} is not a function crate"));
        }
    }
    for (bin, n) in &binaries {
        if *n > 1 {
            problems.push(format!("binary {bin} has {n} function resources"));
        }
    }
    for c in crates {
        if !binaries.contains_key(c) {
            problems.push(format!("function crate {c} has no function resource"));
        }
        if !table.iter().any(|f| f.name == c) {
            problems.push(format!("function crate {c} is not in copycat_aws::functions::FUNCTIONS"));
        }
    }
    for f in table {
        if !crates.contains(f.name) {
            problems.push(format!("FUNCTIONS names {} but there is no such function crate", f.name));
        }
    }
    problems
}

/// Every variable the code reads is set for every function (queue URLs: for the queues the
/// function sends to), nothing is set that no code reads or is about to read, and the config
/// overrides the template sets are valid.
fn check_environment(t: &Value, read_by: &BTreeMap<String, BTreeSet<String>>, table: &[LambdaFunction]) -> Vec<String> {
    let mut problems = Vec::new();
    let optional: BTreeSet<&str> = NOT_SET_ON_LAMBDA.iter().map(|(v, _)| *v).collect();
    for f in table {
        let Some((id, res)) = function_resource(t, f.name) else { continue };
        let read = read_by.get(f.name).cloned().unwrap_or_default();
        let env = environment(t, res);
        let unused_urls: BTreeSet<&str> = QueueId::ALL.into_iter().filter(|q| !f.sends.contains(q)).map(queue_url_var).collect();
        for var in &read {
            let trading_only = READ_BY_THE_TRADING_FUNCTION_ONLY.contains(&var.as_str()) && f.name != TRADING_FUNCTION;
            let redeeming_only = READ_BY_THE_REDEEMING_HEALTH_CHECK_ONLY.contains(&var.as_str()) && f.name != "health-check";
            let needed = !optional.contains(var.as_str()) && !unused_urls.contains(var.as_str()) && !trading_only && !redeeming_only;
            if needed && !env.contains_key(var.as_str()) {
                problems.push(format!("{id} ({}) does not set {var}, which the code reads", f.name));
            }
        }
        for var in env.keys() {
            let known = read.contains(*var) || SET_AHEAD_OF_CODE.contains(var) || var.starts_with(copycat_core::config::ENV_PREFIX);
            if !known {
                problems.push(format!("{id} sets {var}, which no code reads"));
            }
        }
        for &queue in f.sends {
            let (var, role) = (queue_url_var(queue), queue.role());
            let want = queue_id_for_role(t, &Resources::builtin(), role);
            if env.get(var).and_then(|v| ref_of(v)) != want {
                problems.push(format!("{id}: {var} is not the URL (!Ref) of the {role} queue"));
            }
        }
        let overrides: Vec<(String, String)> = env
            .iter()
            .filter(|(k, _)| k.starts_with(copycat_core::config::ENV_PREFIX))
            .map(|(k, v)| (k.to_string(), resolve(t, v).as_str().map(str::to_string).unwrap_or_else(|| resolve(t, v).to_string())))
            .collect();
        if let Err(e) = copycat_core::config::Config::from_toml_with_env("", overrides) {
            problems.push(format!("{id}: the config overrides the template sets are invalid: {e}"));
        }
    }
    problems
}

/// Each function is granted exactly the queues it sends to (`sqs:SendMessage`), consumes only
/// its trigger queue (one SQS event source, with the consumer actions granted), a scheduled
/// function has one `ScheduleV2` whose `Input` parses as its handler's input, every function
/// runs as its own role (so SAM attaches no managed policy), and no statement has a `*` action or
/// a `*` resource where a narrower one exists.
fn check_queue_wiring(t: &Value, table: &[LambdaFunction]) -> Vec<String> {
    const CONSUME: [&str; 4] = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"];
    let res = Resources::builtin();
    let mut problems = Vec::new();
    for f in table {
        let Some((id, fr)) = function_resource(t, f.name) else { continue };
        if get_att(&fr["Properties"]["Role"]).is_none_or(|(_, att)| att != "Arn") {
            problems.push(format!("{id}: no Role of its own (a SAM-generated role gets AWSLambdaSQSQueueExecutionRole, every queue)"));
            continue;
        }
        let stmts = statements(t, fr);
        for s in &stmts {
            if s.actions.iter().any(|a| *a == "*" || a.ends_with(":*")) {
                problems.push(format!("{id}: wildcard action in {:?}", s.actions));
            }
            if s.resources.iter().any(|r| r.as_str() == Some("*")) && !s.actions.iter().all(|a| a.starts_with("xray:")) {
                problems.push(format!("{id}: Resource \"*\" for {:?}", s.actions));
            }
        }
        for q in &res.queues {
            let Some(qid) = queue_id_for_role(t, &res, &q.role) else { continue };
            let sends = QueueId::from_role(&q.role).is_some_and(|queue| f.sends.contains(&queue));
            if sends != allows(&stmts, "sqs:SendMessage", qid) {
                let what = if sends { "is not granted sqs:SendMessage on" } else { "is granted sqs:SendMessage on" };
                problems.push(format!(
                    "{id} ({}) {what} the {} queue {qid}, which it {} to",
                    f.name,
                    q.role,
                    if sends { "sends" } else { "never sends" }
                ));
            }
        }
        let sqs_events = events(fr, "SQS");
        let schedules = events(fr, "ScheduleV2");
        if f.trigger != Trigger::Url && fr["Properties"].get("FunctionUrlConfig").is_some() {
            problems.push(format!("{id}: a Function URL on a function that FUNCTIONS does not expose"));
        }
        if !events(fr, "Schedule").is_empty() {
            problems.push(format!("{id}: Type Schedule delivers the EventBridge envelope; use ScheduleV2 with an Input"));
        }
        match f.trigger {
            Trigger::Queue(queue) => {
                let role = queue.role();
                let qid = queue_id_for_role(t, &res, role).unwrap_or_default();
                let wired: Vec<_> = sqs_events.iter().filter(|(_, e)| get_att(&e["Queue"]) == Some((qid, "Arn"))).collect();
                if wired.len() != 1 || sqs_events.len() != 1 || !schedules.is_empty() {
                    problems.push(format!("{id}: must have exactly one trigger, an SQS event on the {role} queue {qid}"));
                }
                for action in CONSUME {
                    if !allows(&stmts, action, qid) {
                        problems.push(format!("{id}: {action} not granted on its trigger queue {qid}"));
                    }
                }
                for other in res.queues.iter().filter(|q| q.role != role) {
                    let oid = queue_id_for_role(t, &res, &other.role).unwrap_or_default();
                    if CONSUME[..2].iter().any(|a| allows(&stmts, a, oid)) {
                        problems.push(format!("{id}: may consume the {} queue, which does not trigger it", other.role));
                    }
                }
            }
            Trigger::Url => {
                if !schedules.is_empty() || !sqs_events.is_empty() {
                    problems.push(format!("{id}: a Function URL function has no other trigger"));
                }
                // Chat platforms cannot sign AWS requests: the URL is public (AuthType NONE) and the
                // function authenticates each request itself.
                if fr["Properties"]["FunctionUrlConfig"]["AuthType"] != "NONE" {
                    problems.push(format!("{id}: FunctionUrlConfig.AuthType must be NONE (the function checks each platform's signature)"));
                }
            }
            Trigger::Schedule => {
                if schedules.len() != 1 || !sqs_events.is_empty() {
                    problems.push(format!("{id}: must have exactly one trigger, a ScheduleV2"));
                }
                for (name, s) in schedules {
                    match s["Input"].as_str() {
                        None => problems.push(format!("{id}.{name}: no Input (ScheduleV2 delivers exactly its Input)")),
                        Some(input) => {
                            if let Err(e) = parse_schedule_input(f.name, input) {
                                problems.push(format!("{id}.{name}: Input {input} is not the handler's input: {e}"));
                            }
                        }
                    }
                }
            }
        }
    }
    problems
}

/// DynamoDB operations a client can call, as they are spelt in the SDK.
const DYNAMODB_OPERATIONS: &[&str] = &[
    "get_item",
    "batch_get_item",
    "put_item",
    "update_item",
    "delete_item",
    "batch_write_item",
    "query",
    "scan",
    "transact_get_items",
    "transact_write_items",
    "describe_table",
];

/// The IAM actions of the DynamoDB operations the store (the Lambdas' only table client) calls.
fn store_table_actions() -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo_root().join("shared/aws/src/store.rs")).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    DYNAMODB_OPERATIONS
        .iter()
        .filter(|op| code.contains(&format!(".{op}()")))
        .map(|op| {
            let pascal: String = op
                .split('_')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                })
                .collect();
            format!("dynamodb:{pascal}")
        })
        .collect()
}

/// Each function may do on the state table exactly what the store does, on the table alone.
fn check_table_grants(t: &Value, table: &[LambdaFunction], store_actions: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    let Some((table_id, _)) = of_type(t, "AWS::DynamoDB::Table").into_iter().next() else {
        return vec!["no state table".into()];
    };
    for f in table {
        let Some((id, fr)) = function_resource(t, f.name) else { continue };
        let stmts = statements(t, fr);
        let mut granted = BTreeSet::new();
        for s in stmts.iter().filter(|s| s.actions.iter().any(|a| a.starts_with("dynamodb:"))) {
            if s.resources.iter().any(|r| get_att(r) != Some((table_id, "Arn"))) {
                problems.push(format!("{id}: DynamoDB actions {:?} on something other than the state table", s.actions));
            }
            granted.extend(s.actions.iter().map(|a| a.to_string()));
        }
        for a in store_actions.difference(&granted) {
            problems.push(format!("{id}: {a} is not granted, and the store calls it"));
        }
        for a in granted.difference(store_actions) {
            problems.push(format!("{id}: {a} is granted, and the store never calls it"));
        }
    }
    problems
}

/// Parses `input` as the input type of the scheduled handler `function`.
fn parse_schedule_input(function: &str, input: &str) -> Result<(), String> {
    let r = match function {
        "discovery" => serde_json::from_str::<discovery::DiscoveryInput>(input).map(|_| ()),
        "signal-poller" => serde_json::from_str::<signal_poller::PollerInput>(input).map(|_| ()),
        "health-check" => serde_json::from_str::<health_check::HealthInput>(input).map(|_| ()),
        other => return Err(format!("{other} is not a scheduled handler this test knows")),
    };
    r.map_err(|e| e.to_string())
}

/// The breaker alarm watches what the code emits (namespace, name, dimension set, and the stage
/// the functions put in the dimension); every dead-letter queue and every function's errors and
/// throttles are alarmed; every alarm goes to a topic with an e-mail subscription; the dashboard
/// shows only metrics the code emits; the log level cannot filter out EMF lines.
fn check_alarms(t: &Value, trip_metrics: &BTreeSet<String>, counted: &BTreeSet<String>, table: &[LambdaFunction]) -> Vec<String> {
    let mut problems = Vec::new();
    let alarms = of_type(t, "AWS::CloudWatch::Alarm");
    let email_topics: BTreeSet<&str> = of_type(t, "AWS::SNS::Topic")
        .into_iter()
        .filter(|(_, topic)| {
            as_list(&topic["Properties"]["Subscription"]).iter().any(|s| s["Protocol"] == "email" && ref_of(&s["Endpoint"]).is_some())
        })
        .map(|(id, _)| id)
        .collect();
    for (id, a) in &alarms {
        let actions = as_list(&a["Properties"]["AlarmActions"]);
        if !actions.iter().any(|x| ref_of(x).is_some_and(|r| email_topics.contains(r))) {
            problems.push(format!("{id}: does not notify a topic with an e-mail subscription"));
        }
    }
    let dims = |a: &Value| -> Vec<(String, Value)> {
        as_list(&a["Properties"]["Dimensions"])
            .iter()
            .map(|d| (d["Name"].as_str().unwrap_or_default().to_string(), d["Value"].clone()))
            .collect()
    };
    let stage_env = t["Globals"]["Function"]["Environment"]["Variables"][copycat_aws::wiring::env::STAGE].clone();
    if trip_metrics.is_empty() {
        problems.push("a breaker trip emitted no metric".into());
    }
    for metric in trip_metrics {
        let (namespace, dim_sets) = emf_shape(metric);
        let watching: Vec<_> = alarms.iter().filter(|(_, a)| a["Properties"]["MetricName"] == metric.as_str()).collect();
        if watching.is_empty() {
            problems.push(format!("no alarm on {metric}, the metric a breaker trip emits"));
        }
        for (id, a) in watching {
            if a["Properties"]["Namespace"] != namespace.as_str() {
                problems
                    .push(format!("{id}: namespace {} is not {namespace}, where the code emits {metric}", a["Properties"]["Namespace"]));
            }
            let names: Vec<String> = dims(a).into_iter().map(|(n, _)| n).collect();
            if !dim_sets.contains(&names) {
                problems.push(format!("{id}: dimensions {names:?} are not a set the code emits ({dim_sets:?})"));
            }
            for (n, v) in dims(a) {
                if n == "Stage" && v != stage_env {
                    problems.push(format!(
                        "{id}: Stage dimension {v} is not what the functions' {} is set to",
                        copycat_aws::wiring::env::STAGE
                    ));
                }
            }
        }
    }
    let res = Resources::builtin();
    for q in &res.queues {
        let Some((dlq, _)) = queue_resource(t, &q.dead_letter.name) else { continue };
        let watched = alarms.iter().any(|(_, a)| {
            a["Properties"]["Namespace"] == "AWS/SQS"
                && a["Properties"]["MetricName"] == "ApproximateNumberOfMessagesVisible"
                && dims(a).iter().any(|(n, v)| n == "QueueName" && get_att(v) == Some((dlq, "QueueName")))
                && a["Properties"]["Threshold"].as_f64().is_some_and(|x| x <= 1.0)
        });
        if !watched {
            problems.push(format!("no alarm on a message in the dead-letter queue {dlq}"));
        }
    }
    for f in table {
        let Some((fid, _)) = function_resource(t, f.name) else { continue };
        for metric in ["Errors", "Throttles"] {
            let watched = alarms.iter().any(|(_, a)| {
                a["Properties"]["Namespace"] == "AWS/Lambda"
                    && a["Properties"]["MetricName"] == metric
                    && dims(a).iter().any(|(n, v)| n == "FunctionName" && ref_of(v) == Some(fid))
            });
            if !watched {
                problems.push(format!("no alarm on {fid} {metric}"));
            }
        }
    }
    // The dashboard: CopyCat metrics it shows are ones the code counts, and it shows the trips.
    for (id, d) in of_type(t, "AWS::CloudWatch::Dashboard") {
        let body = d["Properties"]["DashboardBody"].get("Fn::Sub").and_then(Value::as_str).unwrap_or_default();
        let doc: Value = match serde_json::from_str(body) {
            Ok(doc) => doc,
            Err(e) => {
                problems.push(format!("{id}: DashboardBody is not JSON: {e}"));
                continue;
            }
        };
        let mut shown = BTreeSet::new();
        for w in doc["widgets"].as_array().into_iter().flatten() {
            for m in w["properties"]["metrics"].as_array().into_iter().flatten() {
                let (ns, name) = (m[0].as_str().unwrap_or_default(), m[1].as_str().unwrap_or_default());
                if trip_metrics.iter().any(|t| emf_shape(t).0 == ns) {
                    shown.insert(name.to_string());
                    if !counted.contains(name) {
                        problems.push(format!("{id}: shows {ns}/{name}, which no code emits"));
                    }
                }
            }
        }
        for metric in trip_metrics {
            if !shown.contains(metric) {
                problems.push(format!("{id}: does not show {metric}"));
            }
        }
    }
    // EMF lines carry no level: Lambda files them as INFO, so a filter above INFO drops them.
    let level = &t["Globals"]["Function"]["LoggingConfig"]["ApplicationLogLevel"];
    let levels: Vec<&Value> = match ref_of(level).and_then(|p| t["Parameters"].get(p)) {
        Some(p) => as_list(&p["AllowedValues"]).into_iter().chain([&p["Default"]]).collect(),
        None => vec![level],
    };
    for l in levels {
        if !matches!(l.as_str(), Some("TRACE" | "DEBUG" | "INFO")) {
            problems.push(format!("ApplicationLogLevel may be {l}, which filters out the EMF metric lines (INFO)"));
        }
    }
    problems
}

/// The table and queues are the ones `infra/resources.json` defines: names, keys, TTL,
/// billing, point-in-time recovery; FIFO flags, visibility, redrive target and count, DLQ
/// retention; and no queue the file does not define.
fn check_resources(t: &Value, res: &Resources) -> Vec<String> {
    let mut problems = Vec::new();
    let tables = of_type(t, "AWS::DynamoDB::Table");
    match tables.as_slice() {
        [(id, table)] => {
            let p = &table["Properties"];
            let def = &res.table;
            if staged_name(&p["TableName"]) != Some(def.name.as_str()) {
                problems.push(format!("{id}: TableName is not ${{Stage}}-{}", def.name));
            }
            let want_keys =
                json!([{"AttributeName": def.partition_key, "KeyType": "HASH"}, {"AttributeName": def.sort_key, "KeyType": "RANGE"}]);
            if p["KeySchema"] != want_keys {
                problems.push(format!("{id}: KeySchema is not {want_keys}"));
            }
            let want_attrs =
                json!([{"AttributeName": def.partition_key, "AttributeType": "S"}, {"AttributeName": def.sort_key, "AttributeType": "S"}]);
            if p["AttributeDefinitions"] != want_attrs {
                problems.push(format!("{id}: AttributeDefinitions are not {want_attrs}"));
            }
            if p["BillingMode"] != def.billing_mode.as_str() {
                problems.push(format!("{id}: BillingMode is not {}", def.billing_mode));
            }
            if p["TimeToLiveSpecification"] != json!({"AttributeName": def.ttl_attribute, "Enabled": true}) {
                problems.push(format!("{id}: TTL is not enabled on {}", def.ttl_attribute));
            }
            if p["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] != true {
                problems.push(format!("{id}: point-in-time recovery is off"));
            }
        }
        other => problems.push(format!("{} DynamoDB tables; CopyCat has one", other.len())),
    }
    let mut defined = BTreeSet::new();
    for q in &res.queues {
        defined.insert(q.name.as_str());
        defined.insert(q.dead_letter.name.as_str());
        let (Some((qid, queue)), Some((dlq_id, dlq))) = (queue_resource(t, &q.name), queue_resource(t, &q.dead_letter.name)) else {
            problems.push(format!("queue {} or its dead-letter queue {} is missing", q.name, q.dead_letter.name));
            continue;
        };
        let (p, dp) = (&queue["Properties"], &dlq["Properties"]);
        for (id, props) in [(qid, p), (dlq_id, dp)] {
            if props["FifoQueue"].as_bool().unwrap_or(false) != q.fifo {
                problems.push(format!("{id}: FifoQueue is not {}", q.fifo));
            }
        }
        if p["VisibilityTimeout"].as_u64() != Some(u64::from(q.visibility_timeout_secs)) {
            problems.push(format!("{qid}: VisibilityTimeout is not {}", q.visibility_timeout_secs));
        }
        if get_att(&p["RedrivePolicy"]["deadLetterTargetArn"]) != Some((dlq_id, "Arn")) {
            problems.push(format!("{qid}: RedrivePolicy does not target {dlq_id}"));
        }
        if p["RedrivePolicy"]["maxReceiveCount"].as_u64() != Some(u64::from(q.dead_letter.max_receive)) {
            problems.push(format!("{qid}: maxReceiveCount is not {}", q.dead_letter.max_receive));
        }
        if dp["MessageRetentionPeriod"].as_u64() != Some(u64::from(q.dead_letter.retention_secs)) {
            problems.push(format!("{dlq_id}: MessageRetentionPeriod is not {}", q.dead_letter.retention_secs));
        }
    }
    for (id, q) in of_type(t, "AWS::SQS::Queue") {
        if !staged_name(&q["Properties"]["QueueName"]).is_some_and(|n| defined.contains(n)) {
            problems.push(format!("{id}: not a queue of infra/resources.json"));
        }
    }
    problems
}

/// Most concurrent notifier batches: webhooks rate-limit.
const NOTIFIER_MAX_CONCURRENCY: u64 = 5;

/// What cfn-lint lets through: the partial-batch response type spelt exactly, batch sizes and
/// `maxReceiveCount` in range, schedule expressions well formed, visibility timeouts at least
/// 6× the consumer's timeout, the notifier's concurrency capped low, the poller's lease
/// outlasting its invocation.
fn check_limits(t: &Value, table: &[LambdaFunction]) -> Vec<String> {
    let cfg = copycat_core::config::Config::default();
    let mut problems = Vec::new();
    for (id, q) in of_type(t, "AWS::SQS::Queue") {
        if let Some(n) = q["Properties"]["RedrivePolicy"].get("maxReceiveCount")
            && !n.as_u64().is_some_and(|n| (1..=1000).contains(&n))
        {
            problems.push(format!("{id}: maxReceiveCount {n} is outside 1..=1000"));
        }
    }
    for f in table {
        let Some((id, fr)) = function_resource(t, f.name) else { continue };
        let timeout = effective(t, fr, "Timeout").as_u64().unwrap_or(3);
        for (name, e) in events(fr, "SQS") {
            if e["FunctionResponseTypes"] != json!(["ReportBatchItemFailures"]) {
                problems
                    .push(format!("{id}.{name}: FunctionResponseTypes is not [ReportBatchItemFailures]: {}", e["FunctionResponseTypes"]));
            }
            let batch = e["BatchSize"].as_u64().unwrap_or(10);
            if !(1..=10).contains(&batch) {
                problems.push(format!("{id}.{name}: BatchSize {batch} is outside 1..=10 (FIFO and unbatched standard queues)"));
            } else if batch != u64::from(cfg.queues.batch_size) {
                problems.push(format!("{id}.{name}: BatchSize {batch} is not queues.batch_size {}", cfg.queues.batch_size));
            }
            if let Some(c) = e["ScalingConfig"].get("MaximumConcurrency")
                && !c.as_u64().is_some_and(|c| (2..=1000).contains(&c))
            {
                problems.push(format!("{id}.{name}: MaximumConcurrency {c} is outside 2..=1000"));
            }
            if f.trigger == Trigger::Queue(QueueId::Notifications)
                && e["ScalingConfig"]["MaximumConcurrency"].as_u64().is_none_or(|c| c > NOTIFIER_MAX_CONCURRENCY)
            {
                problems.push(format!("{id}.{name}: the notifier's MaximumConcurrency must be set and at most {NOTIFIER_MAX_CONCURRENCY}"));
            }
            if f.trigger == Trigger::Queue(QueueId::Notifications) {
                let max = e["ScalingConfig"]["MaximumConcurrency"].as_u64();
                let shared = fr["Properties"]["Environment"]["Variables"]["COPYCAT__NOTIFICATIONS__NOTIFIER_CONCURRENCY"]
                    .as_str()
                    .and_then(|v| v.parse::<u64>().ok());
                if max.is_some() && shared != max {
                    problems.push(format!(
                        "{id}: COPYCAT__NOTIFICATIONS__NOTIFIER_CONCURRENCY {shared:?} is not its MaximumConcurrency {max:?} (webhook limits are shared out among that many)"
                    ));
                }
            }
            if let Some((qid, _)) = get_att(&e["Queue"]) {
                let vis = resources(t).get(qid).and_then(|q| q["Properties"]["VisibilityTimeout"].as_u64()).unwrap_or(30);
                if vis < 6 * timeout {
                    problems.push(format!("{qid}: VisibilityTimeout {vis} s is under 6× the timeout of its consumer {id} ({timeout} s)"));
                }
            }
        }
        for (name, s) in events(fr, "ScheduleV2") {
            let expr_param = &s["ScheduleExpression"];
            let mut exprs: Vec<&Value> = vec![resolve(t, expr_param)];
            if let Some(p) = ref_of(expr_param).and_then(|p| t["Parameters"].get(p)) {
                exprs.extend(as_list(&p["AllowedValues"]));
            }
            for e in exprs {
                if let Err(why) = e.as_str().ok_or_else(|| "not a string".to_string()).and_then(check_schedule_expression) {
                    problems.push(format!("{id}.{name}: schedule expression {e} is malformed: {why}"));
                }
            }
        }
        if f.name == "signal-poller" && timeout > cfg.poller.lease_secs {
            problems.push(format!(
                "{id}: Timeout {timeout} s outlasts poller.lease_secs {}: two pollers could run at once",
                cfg.poller.lease_secs
            ));
        }
    }
    problems
}

/// `rate(N unit)` (N ≥ 1; `minute`/`hour`/`day` for 1, plural otherwise) or a six-field
/// `cron(...)` with `?` in exactly one of day-of-month and day-of-week.
fn check_schedule_expression(expr: &str) -> Result<(), String> {
    if let Some(inner) = expr.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) {
        let (n, unit) = inner.split_once(' ').ok_or("rate needs a value and a unit")?;
        let n: u64 = n.parse().map_err(|_| format!("{n:?} is not a whole number"))?;
        if n == 0 || inner.starts_with('0') {
            return Err("the value must be a positive number without leading zeros".into());
        }
        let want: &[&str] = if n == 1 { &["minute", "hour", "day"] } else { &["minutes", "hours", "days"] };
        return if want.contains(&unit) { Ok(()) } else { Err(format!("unit {unit:?} must be one of {want:?} for {n}")) };
    }
    if let Some(inner) = expr.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        let fields: Vec<&str> = inner.split(' ').collect();
        if fields.len() != 6 {
            return Err(format!("cron needs 6 fields, not {}", fields.len()));
        }
        if fields.iter().any(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_alphanumeric() || ",-*/?#".contains(c))) {
            return Err("a cron field has a character cron does not take".into());
        }
        if (fields[2] == "?") == (fields[4] == "?") {
            return Err("exactly one of day-of-month and day-of-week must be ?".into());
        }
        return Ok(());
    }
    Err("expected rate(...) or cron(...)".into())
}

// ------------------------------------------------------------------ the real template

#[test]
fn every_function_crate_has_exactly_one_function_resource() {
    let (_, crates) = workspace();
    assert_eq!(crates.len(), 7, "the seven function crates are found: {crates:?}");
    assert_clean(check_functions(&template(), &crates, FUNCTIONS));
}

#[test]
fn every_variable_the_code_reads_is_set() {
    let read = env_vars_read();
    assert_eq!(read.len(), FUNCTIONS.len(), "every function crate is scanned: {read:?}");
    // The scan sees the wiring's variables (so it does look where the code reads them).
    for (function, vars) in &read {
        for var in [copycat_aws::wiring::env::TABLE, copycat_aws::wiring::env::STAGE] {
            assert!(vars.contains(var), "{var} found by the source scan of {function}: {vars:?}");
        }
    }
    let all: BTreeSet<&String> = read.values().flatten().collect();
    for (var, _) in NOT_SET_ON_LAMBDA {
        assert!(all.contains(&var.to_string()), "{var} is listed as not set on Lambda but no code reads it any more");
    }
    assert_clean(check_environment(&template(), &read, FUNCTIONS));
}

#[test]
fn only_the_copier_builds_the_trading_venue() {
    let (crates, functions) = workspace();
    for function in functions {
        let main = std::fs::read_to_string(repo_root().join(&crates[&function]).join("src/main.rs")).unwrap();
        let (trading, data) = (main.contains("copycat_polymarket::venue_from_config"), main.contains("copycat_polymarket::market_data"));
        if function == TRADING_FUNCTION {
            assert!(trading && !data, "{function} builds the trading venue");
        } else if function == "notifier" || function == "control" {
            assert!(!data && !trading, "{function} reads no market data and places no orders: it builds no venue");
        } else {
            assert!(data && !trading, "{function} places no orders: it builds market_data alone, which never reads the wallet key");
        }
    }
}

#[test]
fn queue_grants_and_event_sources_follow_the_functions_table() {
    assert_clean(check_queue_wiring(&template(), FUNCTIONS));
}

#[tokio::test]
async fn alarms_watch_what_the_code_emits() {
    let trips = breaker_trip_metrics().await;
    assert!(trips.contains("BreakerTripped"), "a breaker trip emits BreakerTripped: {trips:?}");
    assert_clean(check_alarms(&template(), &trips, &counted_metric_names(), FUNCTIONS));
}

#[test]
fn table_and_queues_are_the_ones_infra_resources_json_defines() {
    assert_clean(check_resources(&template(), &Resources::builtin()));
}

#[test]
fn table_grants_are_what_the_store_calls() {
    let actions = store_table_actions();
    assert!(actions.contains("dynamodb:TransactWriteItems") && actions.contains("dynamodb:GetItem"), "{actions:?}");
    assert_clean(check_table_grants(&template(), FUNCTIONS, &actions));
}

#[test]
fn limits_cfn_lint_does_not_check_hold() {
    assert_clean(check_limits(&template(), FUNCTIONS));
}

#[test]
fn the_template_states_the_rest_of_the_issue() {
    let t = template();
    let p = &t["Parameters"];
    for name in
        ["Stage", "LogLevel", "TradingMode", "SecretArn", "AlarmEmail", "DiscoverySchedule", "HealthCheckSchedule", "PollerSchedule"]
    {
        assert!(p.get(name).is_some(), "parameter {name}");
    }
    assert_eq!(p["TradingMode"]["Default"], "paper", "paper trading unless asked");
    assert!(p["SecretArn"]["Default"] == "" && p["SecretArn"].get("NoEcho").is_none(), "an ARN, not a secret");
    let g = &t["Globals"]["Function"];
    assert_eq!(g["Tracing"], "Active");
    assert_eq!(g["LoggingConfig"]["LogFormat"], "JSON");
    let outputs = t["Outputs"].as_object().unwrap();
    let output_refs: BTreeSet<&str> = outputs.values().filter_map(|o| ref_of(&o["Value"])).collect();
    for kind in ["AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic"] {
        for (id, _) in of_type(&t, kind) {
            assert!(output_refs.contains(id), "output for {id}");
        }
    }
    // Live trading needs an explicit confirmation, enforced by a rule at deploy time.
    let rule = &t["Rules"]["LiveTradingIsConfirmed"];
    assert_eq!(rule["RuleCondition"], json!({"Fn::Equals": [{"Ref": "TradingMode"}, "live"]}));
    assert!(rule["Assertions"].to_string().contains("LiveTradingConfirmation"));
}

/// The wallet key reaches two functions and only under their conditions: the copier in live mode,
/// the health check when it redeems (live and `RedeemResolvedPositions=yes` or `relayer`, with a node).
#[test]
fn the_wallet_key_goes_to_the_copier_live_and_to_a_redeeming_health_check_only() {
    let t = template();
    let mut holders = BTreeMap::new();
    for (id, r) in resources(&t) {
        if let Some(key) = r["Properties"]["Environment"]["Variables"].get("COPYCAT_POLYMARKET_PRIVATE_KEY") {
            let condition = key["Fn::If"][0].as_str().unwrap_or_else(|| panic!("{id}: the key is set only under a condition"));
            assert_eq!(key["Fn::If"][2], json!({"Ref": "AWS::NoValue"}), "{id}: nothing otherwise");
            holders.insert(id.as_str(), condition.to_string());
        }
    }
    let want: BTreeMap<&str, String> =
        [("SignalCopierFunction", "IsLive".to_string()), ("HealthCheckFunction", "Redeems".to_string())].into_iter().collect();
    assert_eq!(holders, want);
    assert_eq!(
        t["Conditions"]["Redeems"],
        json!({"Fn::And": [{"Condition": "IsLive"}, {"Fn::Not": [{"Fn::Equals": [{"Ref": "RedeemResolvedPositions"}, "no"]}]}]})
    );
    assert_eq!(
        t["Conditions"]["RedeemsViaRelayer"],
        json!({"Fn::And": [{"Condition": "IsLive"}, {"Fn::Equals": [{"Ref": "RedeemResolvedPositions"}, "relayer"]}]})
    );
    assert_eq!(t["Parameters"]["RedeemResolvedPositions"]["Default"], "no", "no redemption unless asked");
    let rule = t["Rules"]["RedemptionIsLiveWithANode"]["Assertions"].to_string();
    assert!(rule.contains("TradingMode") && rule.contains("ChainRpcUrl"), "{rule}");
    let env = &resources(&t)["HealthCheckFunction"]["Properties"]["Environment"]["Variables"];
    assert_eq!(env["COPYCAT__CHAIN__RPC_URL"], json!({"Ref": "ChainRpcUrl"}), "the health check probes the node");
    assert_eq!(env["COPYCAT__REDEMPTION__ENABLED"], json!({"Fn::If": ["Redeems", "true", "false"]}));
    // A deposit wallet's Relayer API key reaches the health check only when it redeems through
    // the relayer, and no other function.
    for var in ["COPYCAT_RELAYER_API_KEY", "COPYCAT_RELAYER_API_KEY_ADDRESS"] {
        for (id, r) in resources(&t) {
            let v = &r["Properties"]["Environment"]["Variables"][var];
            if id == "HealthCheckFunction" {
                assert_eq!(v["Fn::If"][0], "RedeemsViaRelayer", "{var}");
                assert_eq!(v["Fn::If"][2], json!({"Ref": "AWS::NoValue"}), "{var}");
            } else {
                assert!(v.is_null(), "{id} must not get {var}");
            }
        }
    }
}

// ------------------------------------------------------------------ fixtures

#[test]
fn every_function_has_an_event_fixture_of_its_handler_input() {
    let res = Resources::builtin();
    for f in FUNCTIONS {
        let text = event_fixture(&format!("{}.json", f.name));
        match f.trigger {
            Trigger::Schedule => parse_schedule_input(f.name, &text).unwrap_or_else(|e| panic!("events/{}.json: {e}", f.name)),
            Trigger::Url => {
                let req: control::UrlRequest =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("events/{}.json is a Function URL request: {e}", f.name));
                assert!(["/slack", "/discord", "/telegram"].contains(&req.raw_path.as_str()), "events/{}.json: {}", f.name, req.raw_path);
            }
            Trigger::Queue(queue) => {
                let event: aws_lambda_events::sqs::SqsEvent =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("events/{}.json is an SQS event: {e}", f.name));
                let name = &res.queue(queue.role()).unwrap().name;
                for r in &event.records {
                    let arn = r.event_source_arn.as_deref().unwrap_or_default();
                    assert!(arn.ends_with(&format!(":{name}")), "events/{}.json comes from the {name} queue, not {arn}", f.name);
                }
            }
        }
    }
}

// ------------------------------------------------------------------ the table against the handlers

/// A queue that records which role was sent to.
struct Recording {
    inner: Arc<dyn Queue>,
    role: &'static str,
    log: Arc<Mutex<BTreeSet<&'static str>>>,
}

#[async_trait]
impl Queue for Recording {
    fn name(&self) -> &str {
        self.inner.name()
    }
    async fn send_batch(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        self.log.lock().unwrap().insert(self.role);
        self.inner.send_batch(messages).await
    }
    async fn receive(&self, max: usize) -> Result<Vec<Received>, QueueError> {
        self.inner.receive(max).await
    }
    async fn ack(&self, receipt: &str) -> Result<(), QueueError> {
        self.inner.ack(receipt).await
    }
    async fn set_visibility(&self, receipt: &str, timeout: Span) -> Result<(), QueueError> {
        self.inner.set_visibility(receipt, timeout).await
    }
    async fn depth(&self) -> Result<u64, QueueError> {
        self.inner.depth().await
    }
}

fn recording(h: &Harness) -> (FunctionDeps, Arc<Mutex<BTreeSet<&'static str>>>) {
    let log = Arc::new(Mutex::new(BTreeSet::new()));
    let wrap = |inner: &Arc<dyn Queue>, role| Arc::new(Recording { inner: inner.clone(), role, log: log.clone() }) as Arc<dyn Queue>;
    let q = h.queues.ports();
    let queues = copycat_local::QueuePorts {
        candidates: wrap(&q.candidates, "candidates"),
        signals: wrap(&q.signals, "signals"),
        notifications: wrap(&q.notifications, "notifications"),
    };
    let deps = FunctionDeps::new(h.deps.base.clone(), &queues, h.venue.clone(), h.venue.clone());
    (deps, log)
}

/// Runs `function`'s handler healthy and then against a failing venue until a breaker opens;
/// returns the queues it sent to.
async fn queues_sent_to(function: &str) -> BTreeSet<&'static str> {
    let h = Harness::new();
    let (deps, log) = recording(&h);
    let leader = Wallet::parse(LEADER).unwrap();
    h.follow(LEADER, 0.4).await;
    h.venue.add_trades(&leader, vec![leader_trade(Side::Buy, dec!(0.5), dec!(20), h.clock.now() - Span::minutes(5), "0xab")]);
    let sqs = |name: &str| -> aws_lambda_events::sqs::SqsEvent { serde_json::from_str(&event_fixture(name)).unwrap() };
    for round in 0..8 {
        if round == 1 {
            h.venue.down.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        match function {
            "discovery" => drop(discovery::handle(local_event(discovery::DiscoveryInput {}), &deps.discovery).await),
            "bot-filter" => drop(bot_filter::handle(local_event(sqs("bot-filter.json")), &deps.bot_filter).await),
            "signal-poller" => {
                drop(signal_poller::handle(local_event(signal_poller::PollerInput { max_polls: Some(1) }), &deps.poller).await)
            }
            "signal-copier" => drop(signal_copier::handle(local_event(sqs("signal-copier.json")), &deps.copier).await),
            "health-check" => drop(health_check::handle(local_event(health_check::HealthInput {}), &deps.health).await),
            "notifier" => drop(notifier::handle(local_event(sqs("notifier.json")), deps.notifier(), &notifier::TerminalSink).await),
            "control" => {
                // A listed operator's signed `stop`, which is announced on the notifications queue.
                let mut config = (*h.deps.config).clone();
                config.control.allowed_users = vec!["slack:U1".into()];
                let mut base = h.deps.base.clone();
                base.config = Arc::new(config);
                let keys = control::ControlKeys::from_lookup(|v| (v == control::SLACK_SIGNING_SECRET_VAR).then(|| "secret".to_string()));
                let control_deps = control::ControlDeps {
                    reporting: copycat_state::Reporting { base, notifications: deps.health.reporting.notifications.clone() },
                    keys,
                };
                let (ts, body) = (h.clock.now().timestamp().to_string(), format!("user_id=U1&text=stop+round+{round}"));
                let sig = control::verify::slack_signature("secret", &ts, body.as_bytes());
                let req = control::UrlRequest {
                    raw_path: "/slack".into(),
                    headers: [("x-slack-request-timestamp".to_string(), ts), ("x-slack-signature".to_string(), sig)].into(),
                    body: Some(body),
                    is_base64_encoded: false,
                };
                drop(control::handle(local_event(req), &control_deps).await);
                // The next round's stop must find trading running again to be announced.
                copycat_state::update_with_retry::<copycat_core::records::Control, _>(
                    h.deps.store.as_ref(),
                    &copycat_core::records::keys::control(),
                    |_| Some(copycat_core::records::Control { stopped: false, reason: "test".into(), at: h.clock.now() }),
                )
                .await
                .unwrap();
            }
            other => panic!("no scenario for {other}"),
        }
        h.clock.advance(Span::seconds(1));
    }
    log.lock().unwrap().clone()
}

#[tokio::test]
async fn handlers_send_only_to_the_queues_the_functions_table_grants() {
    for f in FUNCTIONS {
        let sent = queues_sent_to(f.name).await;
        let granted: BTreeSet<&str> = f.sends.iter().map(|q| q.role()).collect();
        assert!(sent.is_subset(&granted), "{} sent to {sent:?}; FUNCTIONS grants {granted:?}", f.name);
        assert_eq!(sent, granted, "{}: every queue FUNCTIONS grants is used by the handler (least privilege)", f.name);
    }
}

#[test]
fn each_function_deps_type_holds_the_senders_the_functions_table_grants() {
    let declared: [(&str, &[QueueId]); 7] = [
        ("discovery", discovery::DiscoveryDeps::SENDS),
        ("bot-filter", bot_filter::BotFilterDeps::SENDS),
        ("signal-poller", signal_poller::PollerDeps::SENDS),
        ("signal-copier", signal_copier::CopierDeps::SENDS),
        ("health-check", health_check::HealthDeps::SENDS),
        // The notifier's deps are a bare `Base`: no `Sender` at all.
        ("notifier", &[]),
        ("control", control::ControlDeps::SENDS),
    ];
    for (name, sends) in declared {
        let f = copycat_aws::functions::function(name).unwrap_or_else(|| panic!("{name} is in FUNCTIONS"));
        let (want, have): (BTreeSet<_>, BTreeSet<_>) = (f.sends.iter().collect(), sends.iter().collect());
        assert_eq!(have, want, "{name}: its deps type's SENDS against FUNCTIONS");
    }
}

// ------------------------------------------------------------------ each check can fail

fn set(t: &mut Value, pointer: &str, v: Value) {
    *t.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} is in the template")) = v;
}

fn remove(t: &mut Value, pointer: &str, key: &str) {
    t.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("{pointer}")).remove(key).expect(key);
}

#[test]
fn the_function_check_catches_a_missing_duplicated_or_misbuilt_function() {
    let t = template();
    let (_, crates) = workspace();
    let p = check_functions(&mutated(&t, |t| remove(t, "/Resources", "NotifierFunction")), &crates, FUNCTIONS);
    assert_reports(&p, "function crate notifier has no function resource");
    let p = check_functions(
        &mutated(&t, |t| set(t, "/Resources/NotifierFunction/Metadata/BuildProperties/Binary", json!("bot-filter"))),
        &crates,
        FUNCTIONS,
    );
    assert_reports(&p, "binary bot-filter has 2 function resources");
    let p = check_functions(&mutated(&t, |t| set(t, "/Globals/Function/Architectures", json!(["x86_64"]))), &crates, FUNCTIONS);
    assert_reports(&p, "Architectures is not");
    let mut more = crates.clone();
    more.insert("new-function".into());
    assert_reports(&check_functions(&t, &more, FUNCTIONS), "function crate new-function has no function resource");
    assert_reports(&check_functions(&t, &more, FUNCTIONS), "new-function is not in copycat_aws::functions::FUNCTIONS");
}

#[test]
fn the_environment_check_catches_a_variable_the_template_misses() {
    let t = template();
    let read = env_vars_read();
    assert_reports(
        &check_environment(&mutated(&t, |t| remove(t, "/Globals/Function/Environment/Variables", "COPYCAT_TABLE")), &read, FUNCTIONS),
        "does not set COPYCAT_TABLE",
    );
    let no_url =
        mutated(&t, |t| remove(t, "/Resources/SignalPollerFunction/Properties/Environment/Variables", "COPYCAT_SIGNALS_QUEUE_URL"));
    assert_reports(&check_environment(&no_url, &read, FUNCTIONS), "(signal-poller) does not set COPYCAT_SIGNALS_QUEUE_URL");
    // A variable the code starts reading later.
    let mut later = read.clone();
    later.get_mut("health-check").unwrap().insert("COPYCAT_SOMETHING_NEW".into());
    assert_reports(&check_environment(&t, &later, FUNCTIONS), "(health-check) does not set COPYCAT_SOMETHING_NEW");
    let stray = mutated(&t, |t| {
        let vars = t.pointer_mut("/Resources/NotifierFunction/Properties/Environment/Variables").and_then(Value::as_object_mut).unwrap();
        vars.insert("COPYCAT_TABEL".into(), json!("x"));
    });
    assert_reports(&check_environment(&stray, &read, FUNCTIONS), "sets COPYCAT_TABEL, which no code reads");
    let bad_mode = mutated(&t, |t| set(t, "/Parameters/TradingMode/Default", json!("papper")));
    assert_reports(&check_environment(&bad_mode, &read, FUNCTIONS), "config overrides the template sets are invalid");
    // The scan itself: a literal in test code or a prefix is not a variable.
    let scanned = env_literals(
        "const A: &str = \"COPYCAT_A\"; const P: &str = \"COPYCAT__\";\n#[cfg(test)]\nmod t { const B: &str = \"COPYCAT_B\"; }",
    );
    assert_eq!(scanned, BTreeSet::from(["COPYCAT_A".to_string()]));
}

#[test]
fn the_queue_check_catches_a_missing_grant_a_wrong_trigger_and_a_wildcard() {
    let t = template();
    let no_grant = mutated(&t, |t| {
        set(
            t,
            "/Resources/HealthCheckRole/Properties/Policies/2/PolicyDocument/Statement/0/Resource",
            json!({"Fn::GetAtt": ["CandidatesQueue", "Arn"]}),
        )
    });
    let p = check_queue_wiring(&no_grant, FUNCTIONS);
    assert_reports(&p, "(health-check) is not granted sqs:SendMessage on the notifications queue");
    assert_reports(&p, "(health-check) is granted sqs:SendMessage on the candidates queue");
    let wrong_queue = mutated(&t, |t| {
        set(t, "/Resources/BotFilterFunction/Properties/Events/Candidates/Properties/Queue", json!({"Fn::GetAtt": ["SignalsQueue", "Arn"]}))
    });
    assert_reports(&check_queue_wiring(&wrong_queue, FUNCTIONS), "exactly one trigger, an SQS event on the candidates queue");
    let star = mutated(&t, |t| set(t, "/Resources/NotifierRole/Properties/Policies/1/PolicyDocument/Statement/0/Resource", json!("*")));
    assert_reports(&check_queue_wiring(&star, FUNCTIONS), "Resource \"*\"");
    let star_action =
        mutated(&t, |t| set(t, "/Resources/NotifierRole/Properties/Policies/1/PolicyDocument/Statement/0/Action", json!("dynamodb:*")));
    assert_reports(&check_queue_wiring(&star_action, FUNCTIONS), "wildcard action");
    let bad_input =
        mutated(&t, |t| set(t, "/Resources/SignalPollerFunction/Properties/Events/Schedule/Properties/Input", json!("{\"max_poll\": 1}")));
    assert_reports(&check_queue_wiring(&bad_input, FUNCTIONS), "is not the handler's input");
    let no_input = mutated(&t, |t| remove(t, "/Resources/DiscoveryFunction/Properties/Events/Schedule/Properties", "Input"));
    assert_reports(&check_queue_wiring(&no_input, FUNCTIONS), "no Input");
    let v1 = mutated(&t, |t| set(t, "/Resources/HealthCheckFunction/Properties/Events/Schedule/Type", json!("Schedule")));
    assert_reports(&check_queue_wiring(&v1, FUNCTIONS), "use ScheduleV2");
    let sam_role = mutated(&t, |t| remove(t, "/Resources/NotifierFunction/Properties", "Role"));
    assert_reports(&check_queue_wiring(&sam_role, FUNCTIONS), "no Role of its own");
    // The table changes (a handler starts sending somewhere new): the template must follow.
    let mut table = FUNCTIONS.to_vec();
    table.iter_mut().find(|f| f.name == "health-check").unwrap().sends = &[QueueId::Notifications, QueueId::Signals];
    assert_reports(&check_queue_wiring(&t, &table), "(health-check) is not granted sqs:SendMessage on the signals queue");
    assert_reports(&check_environment(&t, &env_vars_read(), &table), "(health-check) does not set COPYCAT_SIGNALS_QUEUE_URL");
}

#[tokio::test]
async fn the_alarm_check_catches_a_namespace_name_or_dimension_the_code_does_not_emit() {
    let t = template();
    let trips = breaker_trip_metrics().await;
    let counted = counted_metric_names();
    let check = |t: &Value| check_alarms(t, &trips, &counted, FUNCTIONS);
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BreakerTrippedAlarm/Properties/Namespace", json!("Copycat")))),
        "namespace \"Copycat\" is not CopyCat",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BreakerTrippedAlarm/Properties/MetricName", json!("BreakerTrip")))),
        "no alarm on BreakerTripped",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BreakerTrippedAlarm/Properties/Dimensions/0/Name", json!("stage")))),
        "dimensions [\"stage\"]",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BreakerTrippedAlarm/Properties/Dimensions/0/Value", json!("prod")))),
        "Stage dimension",
    );
    assert_reports(&check(&mutated(&t, |t| remove(t, "/Resources", "SignalsDeadLetterAlarm"))), "dead-letter queue SignalsDeadLetterQueue");
    assert_reports(&check(&mutated(&t, |t| remove(t, "/Resources", "NotifierThrottlesAlarm"))), "no alarm on NotifierFunction Throttles");
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/AlarmTopic/Properties/Subscription/0/Protocol", json!("sms")))),
        "e-mail subscription",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Parameters/LogLevel/AllowedValues", json!(["INFO", "WARN"])))),
        "filters out the EMF metric lines",
    );
    let typo = mutated(&t, |t| {
        let body = t["Resources"]["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
            .as_str()
            .unwrap()
            .replace("\"SignalCopied\"", "\"SignalsCopied\"");
        set(t, "/Resources/Dashboard/Properties/DashboardBody/Fn::Sub", json!(body));
    });
    assert_reports(&check(&typo), "shows CopyCat/SignalsCopied, which no code emits");
}

#[test]
fn the_resources_check_catches_drift_from_infra_resources_json() {
    let t = template();
    let res = Resources::builtin();
    let check = |t: &Value| check_resources(t, &res);
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/SignalsQueue/Properties/RedrivePolicy/maxReceiveCount", json!(6)))),
        "SignalsQueue: maxReceiveCount is not 5",
    );
    assert_reports(
        &check(&mutated(&t, |t| remove(t, "/Resources/SignalsQueue/Properties", "FifoQueue"))),
        "SignalsQueue: FifoQueue is not true",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/CandidatesQueue/Properties/VisibilityTimeout", json!(120)))),
        "VisibilityTimeout is not 180",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            set(
                t,
                "/Resources/NotificationsQueue/Properties/RedrivePolicy/deadLetterTargetArn",
                json!({"Fn::GetAtt": ["CandidatesDeadLetterQueue", "Arn"]}),
            )
        })),
        "NotificationsQueue: RedrivePolicy does not target",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            set(t, "/Resources/CandidatesQueue/Properties/QueueName", json!({"Fn::Sub": "${Stage}-copycat-candidate"}))
        })),
        "queue copycat-candidates or its dead-letter queue",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/StateTable/Properties/TimeToLiveSpecification/AttributeName", json!("expires")))),
        "TTL is not enabled on ttl",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            set(t, "/Resources/StateTable/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled", json!(false))
        })),
        "point-in-time recovery is off",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/StateTable/Properties/KeySchema/1/AttributeName", json!("SK")))),
        "KeySchema is not",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/SignalsDeadLetterQueue/Properties/MessageRetentionPeriod", json!(345600)))),
        "MessageRetentionPeriod is not 1209600",
    );
    // The file changes: the template must follow.
    let mut changed = res.clone();
    changed.queues[0].visibility_timeout_secs = 300;
    assert_reports(&check_resources(&t, &changed), "CandidatesQueue: VisibilityTimeout is not 300");
}

#[test]
fn the_limits_check_catches_what_cfn_lint_lets_through() {
    let t = template();
    let check = |t: &Value| check_limits(t, FUNCTIONS);
    let frt = "/Resources/SignalCopierFunction/Properties/Events/Signals/Properties/FunctionResponseTypes";
    assert_reports(
        &check(&mutated(&t, |t| set(t, frt, json!(["ReportBatchItemFailure"])))),
        "FunctionResponseTypes is not [ReportBatchItemFailures]",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            remove(t, "/Resources/SignalCopierFunction/Properties/Events/Signals/Properties", "FunctionResponseTypes")
        })),
        "FunctionResponseTypes",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BotFilterFunction/Properties/Events/Candidates/Properties/BatchSize", json!(20000)))),
        "BatchSize 20000 is outside 1..=10",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/BotFilterFunction/Properties/Events/Candidates/Properties/BatchSize", json!(5)))),
        "is not queues.batch_size 10",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/CandidatesQueue/Properties/RedrivePolicy/maxReceiveCount", json!(5000)))),
        "maxReceiveCount 5000 is outside 1..=1000",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Parameters/DiscoverySchedule/Default", json!("rate(5 minute)")))),
        "schedule expression \"rate(5 minute)\" is malformed",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Parameters/HealthCheckSchedule/Default", json!("cron(0 12 * * *)")))),
        "cron needs 6 fields",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/SignalCopierFunction/Properties/Timeout", json!(31)))),
        "VisibilityTimeout 180 s is under 6× the timeout of its consumer SignalCopierFunction (31 s)",
    );
    let global_timeout = mutated(&t, |t| {
        remove(t, "/Resources/BotFilterFunction/Properties", "Timeout");
        set(t, "/Globals/Function/Timeout", json!(45));
    });
    assert_reports(&check(&global_timeout), "under 6× the timeout of its consumer BotFilterFunction (45 s)");
    assert_reports(
        &check(&mutated(&t, |t| remove(t, "/Resources/NotifierFunction/Properties/Events/Notifications/Properties", "ScalingConfig"))),
        "the notifier's MaximumConcurrency must be set",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            set(t, "/Resources/NotifierFunction/Properties/Events/Notifications/Properties/ScalingConfig/MaximumConcurrency", json!(1))
        })),
        "MaximumConcurrency 1 is outside 2..=1000",
    );
    assert_reports(
        &check(&mutated(&t, |t| {
            set(t, "/Resources/NotifierFunction/Properties/Events/Notifications/Properties/ScalingConfig/MaximumConcurrency", json!(3))
        })),
        "COPYCAT__NOTIFICATIONS__NOTIFIER_CONCURRENCY Some(2) is not its MaximumConcurrency Some(3)",
    );
    assert_reports(
        &check(&mutated(&t, |t| set(t, "/Resources/SignalPollerFunction/Properties/Timeout", json!(120)))),
        "outlasts poller.lease_secs",
    );
}

#[test]
fn the_table_grant_check_catches_a_missing_or_extra_action_and_a_wider_resource() {
    let t = template();
    let actions = store_table_actions();
    let stmt = "/Resources/SignalCopierRole/Properties/Policies/1/PolicyDocument/Statement/0";
    let extra = mutated(&t, |t| t.pointer_mut(&format!("{stmt}/Action")).unwrap().as_array_mut().unwrap().push(json!("dynamodb:Scan")));
    assert_reports(
        &check_table_grants(&extra, FUNCTIONS, &actions),
        "SignalCopierFunction: dynamodb:Scan is granted, and the store never calls it",
    );
    let missing = mutated(&t, |t| {
        t.pointer_mut(&format!("{stmt}/Action")).unwrap().as_array_mut().unwrap().retain(|a| a != "dynamodb:TransactWriteItems")
    });
    assert_reports(&check_table_grants(&missing, FUNCTIONS, &actions), "dynamodb:TransactWriteItems is not granted");
    let wider = mutated(&t, |t| set(t, &format!("{stmt}/Resource"), json!({"Fn::Sub": "${StateTable.Arn}/*"})));
    assert_reports(&check_table_grants(&wider, FUNCTIONS, &actions), "on something other than the state table");
    // The store starts calling something new: the template must follow.
    let mut more = actions.clone();
    more.insert("dynamodb:UpdateItem".into());
    assert_reports(&check_table_grants(&t, FUNCTIONS, &more), "dynamodb:UpdateItem is not granted, and the store calls it");
}

#[test]
fn schedule_expressions_are_parsed_strictly() {
    for ok in [
        "rate(1 minute)",
        "rate(5 minutes)",
        "rate(1 hour)",
        "rate(12 hours)",
        "rate(1 day)",
        "cron(0 12 * * ? *)",
        "cron(0/5 8-17 ? * MON-FRI *)",
    ] {
        assert_eq!(check_schedule_expression(ok), Ok(()), "{ok}");
    }
    for bad in [
        "rate(1 minutes)",
        "rate(0 minutes)",
        "rate(05 minutes)",
        "rate(5 mins)",
        "rate(five minutes)",
        "cron(0 12 * * * *)",
        "cron(0 12 * *)",
        "every 5 minutes",
        "rate(5 minutes",
    ] {
        assert!(check_schedule_expression(bad).is_err(), "{bad}");
    }
}
