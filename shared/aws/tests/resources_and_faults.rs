//! The one definition of table and queues: creation on the emulator (twice, idempotently),
//! agreement with the local engine's queue names, and typed errors when AWS is unreachable.

mod common;

use aws_sdk_sqs::types::QueueAttributeName;
use copycat_aws::resources::create_resources;
use copycat_aws::{AwsClients, DynamoStore, Resources, SqsQueue};
use copycat_core::message::OutMessage;
use copycat_core::ports::{Queue, QueueError, StateStore, StoreError};
use copycat_core::queues::{Candidates, QueueId, Signals};
use copycat_core::store::Key;

#[test]
fn queue_names_match_the_ones_the_code_was_built_with() {
    let resources = Resources::builtin();
    assert_eq!(resources.table.name, copycat_core::queues::TABLE_NAME);
    assert_eq!(resources.queues.len(), QueueId::ALL.len());
    for q in QueueId::ALL {
        let def = resources.queue(q.role()).expect("role defined");
        assert_eq!((def.name.as_str(), def.dead_letter.name.as_str(), def.fifo), (q.name(), q.dead_letter_name(), q.fifo()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resources_are_created_idempotently_with_redrive_policies() {
    let backend = common::AwsBackend::new().await;
    // A private copy of the definitions, so parallel tests never share a table or queue.
    let mut resources = Resources::builtin();
    let tag = common::unique("res");
    resources.table.name = format!("{tag}-{}", resources.table.name);
    for q in &mut resources.queues {
        q.name = format!("{tag}-{}", q.name);
        q.dead_letter.name = format!("{tag}-{}", q.dead_letter.name);
    }
    let first = create_resources(&backend.clients, &resources).await.expect("create");
    let second = create_resources(&backend.clients, &resources).await.expect("creating again is a no-op");
    assert_eq!(first, second);
    assert_eq!(first.queue_urls.len(), 6);

    let store = DynamoStore::new(backend.clients.dynamodb.clone(), &first.table);
    store.put_if_absent(&Key::new("MODE", "CURRENT"), serde_json::json!({}), None).await.expect("the table takes writes");
    let ttl = backend.clients.dynamodb.describe_time_to_live().table_name(&first.table).send().await.expect("ttl");
    assert_eq!(ttl.time_to_live_description().and_then(|d| d.attribute_name()), Some("ttl"));

    let signals = resources.queue("signals").expect("signals");
    let attrs = backend
        .clients
        .sqs
        .get_queue_attributes()
        .queue_url(&first.queue_urls[&signals.name])
        .attribute_names(QueueAttributeName::All)
        .send()
        .await
        .expect("attributes");
    let attrs = attrs.attributes().expect("some attributes");
    assert_eq!(attrs.get(&QueueAttributeName::FifoQueue).map(String::as_str), Some("true"));
    assert_eq!(attrs.get(&QueueAttributeName::VisibilityTimeout).map(String::as_str), Some("180"));
    let redrive: serde_json::Value = serde_json::from_str(&attrs[&QueueAttributeName::RedrivePolicy]).expect("redrive JSON");
    assert_eq!(redrive["maxReceiveCount"].to_string().trim_matches('"'), "5");
    assert!(redrive["deadLetterTargetArn"].as_str().is_some_and(|arn| arn.ends_with(&signals.dead_letter.name)));
}

#[tokio::test]
async fn an_unreachable_endpoint_is_a_retryable_error_not_a_panic() {
    // Nothing listens on port 9 of loopback.
    let clients = AwsClients::for_endpoint("http://127.0.0.1:9").await;
    let store = DynamoStore::new(clients.dynamodb.clone(), "copycat-state");
    match store.get(&Key::new("MODE", "CURRENT")).await {
        Err(e @ StoreError::Unavailable(_)) => assert!(e.is_retryable() && e.to_string().contains("copycat-state"), "{e}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    let queue = SqsQueue::new(clients.sqs, "http://127.0.0.1:9/000000000000/copycat-candidates", "copycat-candidates");
    match queue.send_batch(vec![OutMessage::standard("x")]).await {
        Err(QueueError::Unavailable { queue, .. }) => assert_eq!(queue, "copycat-candidates"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_wiring_reads_names_and_urls_from_the_environment_and_validates_config_once() {
    use copycat_aws::{AwsWiring, WiringError, wiring::env};
    use std::collections::HashMap;
    let backend = common::AwsBackend::new().await;
    let mut resources = Resources::builtin();
    let tag = common::unique("wiring");
    resources.table.name = format!("{tag}-state");
    for q in &mut resources.queues {
        q.name = format!("{tag}-{}", q.name);
        q.dead_letter.name = format!("{tag}-{}", q.dead_letter.name);
    }
    let made = create_resources(&backend.clients, &resources).await.expect("create");
    let url = |role: &str| made.queue_urls[&resources.queue(role).expect("role").name].clone();
    let vars: HashMap<&str, String> = HashMap::from([
        (env::TABLE, made.table.clone()),
        (env::CANDIDATES_QUEUE_URL, url("candidates")),
        (env::SIGNALS_QUEUE_URL, url("signals")),
        (env::NOTIFICATIONS_QUEUE_URL, url("notifications")),
        (env::STAGE, "test".to_string()),
    ]);
    let lookup = |name: &str| vars.get(name).cloned();
    let overrides = vec![("COPYCAT__RISK__MAX_OPEN_POSITIONS".to_string(), "3".to_string())];
    let wiring = AwsWiring::from_lookup(backend.clients.clone(), lookup, overrides).await.expect("wiring");
    assert_eq!(wiring.config.risk.max_open_positions, 3, "overrides are applied");
    assert_eq!(wiring.store.table(), made.table);
    assert!(wiring.sender::<Signals>().await.expect("signals queue").name().ends_with(".fifo"));
    let candidates = wiring.sender::<Candidates>().await.expect("candidates queue");
    assert!(candidates.send_all(vec![OutMessage::standard("0xabc")]).await.expect("send").is_empty());
    let raw = SqsQueue::new(backend.clients.sqs.clone(), url("candidates"), "candidates");
    assert_eq!(raw.depth().await.expect("depth"), 1, "the sender sent to the queue at the URL in the environment");

    let bad = vec![("COPYCAT__QUEUES__MAX_RECEIVE".to_string(), "0".to_string())];
    match AwsWiring::from_lookup(backend.clients.clone(), |name: &str| vars.get(name).cloned(), bad).await {
        Err(WiringError::Config(e)) => assert!(e.to_string().contains("queues.max_receive"), "{e}"),
        Err(other) => panic!("an invalid config must be a Config error, got {other}"),
        Ok(_) => panic!("an invalid config must be refused"),
    }
}
