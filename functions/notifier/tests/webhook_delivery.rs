//! The notifier handler over the embedded backend, posting to loopback webhooks on a manual
//! clock: a redelivered batch posts nothing twice, a destination that failed gets the message
//! on redelivery while the others do not repeat it, a dead webhook is dropped (not retried
//! forever), and a malformed body fails alone.

use aws_lambda_events::sqs::SqsEvent;
use copycat_core::config::{Config, NotificationsConfig};
use copycat_core::events::Event;
use copycat_core::money::Usd;
use copycat_core::ports::{NotificationSink, Queue};
use copycat_core::time::{ManualClock, from_secs};
use copycat_embedded::EmbeddedBackend;
use copycat_local::{LocalQueues, local_event, to_sqs_event};
use copycat_notify::Timing;
use copycat_notify::capture::{Reply, WebhookReceiver};
use copycat_state::{Base, CounterMetrics, Outbox, Reporting, Sender};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

struct World {
    /// What the notifier has.
    deps: Base,
    /// What a function that queues notifications has (to feed the notifier).
    sender: Reporting,
    queues: LocalQueues,
    discord: WebhookReceiver,
    slack: WebhookReceiver,
    sink: Arc<dyn NotificationSink>,
    _backend: EmbeddedBackend,
}

async fn world() -> World {
    let clock = Arc::new(ManualClock::new(from_secs(1_796_083_200)));
    let notifications = toml::from_str::<NotificationsConfig>(
        "allow_loopback_urls = true\n\
         [delivery]\nrequest_timeout_ms = 5000\nmax_attempts = 3\n\
         [[discord]]\nname = \"ops\"\nurl_env = \"OPS_DISCORD\"\n\
         [[slack]]\nname = \"desk\"\nurl_env = \"DESK_SLACK\"\n",
    )
    .unwrap();
    let config = Config { notifications, ..Config::default() };
    config.validate().unwrap();
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let queues = LocalQueues::open(&backend, &config.queues);
    let deps =
        Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: Arc::new(CounterMetrics::default()) };
    let sender = Reporting { base: deps.clone(), notifications: Sender::new(queues.notifications.clone()) };
    let discord = WebhookReceiver::start(Reply::status(204), clock.clone()).await.unwrap();
    let slack = WebhookReceiver::start(Reply::status(200), clock.clone()).await.unwrap();
    let env = HashMap::from([
        ("OPS_DISCORD".to_string(), discord.url("/api/webhooks/1/ops-token")),
        ("DESK_SLACK".to_string(), slack.url("/services/T/B/desk-token")),
    ]);
    let sink = notifier::sink_from_config(&deps.config, &|k| env.get(k).cloned(), deps.store.clone(), Timing::manual(clock)).unwrap();
    World { deps, sender, queues, discord, slack, sink, _backend: backend }
}

impl World {
    /// Queues `n` milestone notifications the way handlers do, and receives them as one batch.
    async fn queue_batch(&self, n: u32) -> SqsEvent {
        let mut outbox = Outbox::default();
        for i in 0..n {
            let amount = Usd(Decimal::from(100 * (i + 1)));
            outbox.push(&format!("milestone|{i}"), self.deps.clock.now(), Event::MilestoneReached { amount, equity: amount });
        }
        outbox.flush(&self.sender).await;
        let received = self.queues.notifications.receive(10).await.unwrap();
        assert_eq!(received.len(), n as usize);
        to_sqs_event(&received, "arn:aws:sqs:local:000000000000:copycat-notifications")
    }

    async fn handle(&self, event: &SqsEvent) -> Vec<String> {
        let response = notifier::handle(local_event(event.clone()), &self.deps, self.sink.as_ref()).await.unwrap();
        response.batch_item_failures.into_iter().map(|f| f.item_identifier).collect()
    }
}

#[tokio::test]
async fn a_redelivered_batch_posts_nothing_twice() {
    let w = world().await;
    let batch = w.queue_batch(6).await;
    assert!(w.handle(&batch).await.is_empty());
    assert!(w.handle(&batch).await.is_empty(), "the redelivery succeeds");
    assert_eq!(w.discord.captured().len(), 6);
    assert_eq!(w.slack.captured().len(), 6);
}

#[tokio::test]
async fn a_destination_that_failed_gets_it_on_redelivery_and_the_others_do_not_repeat_it() {
    let w = world().await;
    let batch = w.queue_batch(3).await;
    w.slack.script([Reply::status(503), Reply::status(502), Reply::status(500)]);
    let failed = w.handle(&batch).await;
    let first_id = batch.records[0].message_id.clone().unwrap();
    assert_eq!(failed, [first_id], "only the message Slack could not take fails");
    assert_eq!(w.discord.accepted().len(), 3);
    assert_eq!(w.slack.accepted().len(), 2);

    // SQS redelivers it (here: the whole batch, as after a timed-out invocation)
    assert!(w.handle(&batch).await.is_empty());
    assert_eq!(w.discord.accepted().len(), 3, "Discord already had all three");
    assert_eq!(w.slack.accepted().len(), 3, "Slack gets the missing one once");
}

#[tokio::test]
async fn a_dead_webhook_drops_the_message_instead_of_retrying_it_forever() {
    let w = world().await;
    let batch = w.queue_batch(1).await;
    w.discord.script([Reply::status(404)]);
    assert!(w.handle(&batch).await.is_empty(), "not a batch failure");
    assert!(w.handle(&batch).await.is_empty());
    assert_eq!(w.discord.captured().len(), 1, "the 404 webhook was asked once");
    assert_eq!(w.slack.accepted().len(), 1);
}

#[tokio::test]
async fn a_malformed_body_fails_alone() {
    let w = world().await;
    let mut batch = w.queue_batch(2).await;
    batch.records[0].body = Some("{\"not\": \"a notification\"}".into());
    let bad_id = batch.records[0].message_id.clone().unwrap();
    assert_eq!(w.handle(&batch).await, [bad_id]);
    assert_eq!(w.discord.accepted().len(), 1);
}
