//! Which queue starts each Lambda function and which queues it sends to: the one table that
//! the SAM template's queue grants, event sources and queue-URL variables are held to
//! (`tests/tests/template.rs`), and that [`AwsWiring`](crate::AwsWiring) applies when
//! `COPYCAT_FUNCTION` names the function: a queue the function does not send to is not opened
//! (no URL needed, no SQS call) and refuses every call with an error naming the table.

use crate::wiring::env;
use async_trait::async_trait;
use copycat_core::ports::{OutMessage, Queue, QueueError, Received, SendFailure};
use copycat_core::time::Span;

/// What starts a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// An EventBridge Scheduler schedule (SAM `ScheduleV2`) with an explicit `Input`.
    Schedule,
    /// An SQS event source on the queue with this role (`infra/resources.json`).
    Queue(&'static str),
}

/// One Lambda function: its binary (= crate) name, its trigger, the queues it sends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LambdaFunction {
    /// Binary and crate name (`functions/<name>`).
    pub name: &'static str,
    /// What starts it.
    pub trigger: Trigger,
    /// Roles of the queues it sends to. Every function that reads a breaker sends to
    /// `notifications` (breaker transitions are notified).
    pub sends: &'static [&'static str],
}

/// Every Lambda function.
pub const FUNCTIONS: &[LambdaFunction] = &[
    LambdaFunction { name: "discovery", trigger: Trigger::Schedule, sends: &["candidates", "notifications"] },
    LambdaFunction { name: "bot-filter", trigger: Trigger::Queue("candidates"), sends: &["notifications"] },
    LambdaFunction { name: "signal-poller", trigger: Trigger::Schedule, sends: &["signals", "notifications"] },
    LambdaFunction { name: "signal-copier", trigger: Trigger::Queue("signals"), sends: &["notifications"] },
    LambdaFunction { name: "health-check", trigger: Trigger::Schedule, sends: &["notifications"] },
    LambdaFunction { name: "notifier", trigger: Trigger::Queue("notifications"), sends: &[] },
];

/// The environment variable that carries each queue's URL, by role.
pub const QUEUE_URL_VARS: &[(&str, &str)] =
    &[("candidates", env::CANDIDATES_QUEUE_URL), ("signals", env::SIGNALS_QUEUE_URL), ("notifications", env::NOTIFICATIONS_QUEUE_URL)];

/// The function with this name.
pub fn function(name: &str) -> Option<&'static LambdaFunction> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The URL variable of the queue with this role.
pub fn queue_url_var(role: &str) -> Option<&'static str> {
    QUEUE_URL_VARS.iter().find(|(r, _)| *r == role).map(|(_, v)| *v)
}

/// Stands in for a queue the function does not use: every call fails with a clear error.
pub struct NotGranted {
    name: String,
    reason: String,
}

impl NotGranted {
    /// The `role` queue (named `name`) as seen by `function`.
    pub fn new(function: &str, role: &str, name: &str) -> Self {
        NotGranted {
            name: name.to_string(),
            reason: format!(
                "function {function} does not use the {role} queue (copycat_aws::functions::FUNCTIONS), so the template grants it no access"
            ),
        }
    }

    fn refuse<T>(&self) -> Result<T, QueueError> {
        Err(QueueError::Invalid { queue: self.name.clone(), reason: self.reason.clone() })
    }
}

#[async_trait]
impl Queue for NotGranted {
    fn name(&self) -> &str {
        &self.name
    }
    async fn send_batch(&self, _messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        self.refuse()
    }
    async fn receive(&self, _max: usize) -> Result<Vec<Received>, QueueError> {
        self.refuse()
    }
    async fn ack(&self, _receipt: &str) -> Result<(), QueueError> {
        self.refuse()
    }
    async fn set_visibility(&self, _receipt: &str, _timeout: Span) -> Result<(), QueueError> {
        self.refuse()
    }
    async fn depth(&self) -> Result<u64, QueueError> {
        self.refuse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    #[test]
    fn every_role_in_the_table_is_a_defined_queue_with_a_url_variable() {
        let resources = Resources::builtin();
        for f in FUNCTIONS {
            let consumed = match f.trigger {
                Trigger::Queue(role) => Some(role),
                Trigger::Schedule => None,
            };
            for role in f.sends.iter().copied().chain(consumed) {
                assert!(resources.queue(role).is_some(), "{}: queue role {role} is in infra/resources.json", f.name);
                assert!(queue_url_var(role).is_some(), "{}: queue role {role} has a URL variable", f.name);
            }
        }
        assert_eq!(QUEUE_URL_VARS.len(), resources.queues.len());
    }

    #[tokio::test]
    async fn a_queue_the_function_does_not_use_refuses_with_the_reason() {
        let q = NotGranted::new("notifier", "signals", "copycat-signals.fifo");
        let err = q.send_batch(vec![OutMessage::standard("x".to_string())]).await.unwrap_err();
        assert!(err.to_string().contains("notifier does not use the signals queue"), "{err}");
        assert_eq!(q.name(), "copycat-signals.fifo");
    }
}
