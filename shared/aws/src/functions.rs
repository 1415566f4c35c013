//! Which queue starts each Lambda function and which queues it sends to: the one table that
//! the SAM template's queue grants, event sources and queue-URL variables are held to
//! (`tests/tests/template.rs`). Each function's deps type holds a `Sender` for exactly the
//! queues listed here (its `SENDS`, checked against this table by the same tests), so a function
//! cannot send where the template grants it nothing.

use crate::wiring::env;
use copycat_core::queues::QueueId;

/// What starts a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// An EventBridge Scheduler schedule (SAM `ScheduleV2`) with an explicit `Input`.
    Schedule,
    /// An SQS event source on this queue.
    Queue(QueueId),
    /// A Lambda Function URL (`AuthType: NONE`): HTTPS requests from chat platforms, each
    /// authenticated by the function itself.
    Url,
}

/// One Lambda function: its binary (= crate) name, its trigger, the queues it sends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LambdaFunction {
    /// Binary and crate name (`functions/<name>`).
    pub name: &'static str,
    /// What starts it.
    pub trigger: Trigger,
    /// The queues it sends to. Every function that reads a breaker sends to `notifications`
    /// (breaker transitions are notified).
    pub sends: &'static [QueueId],
}

/// Every Lambda function.
pub const FUNCTIONS: &[LambdaFunction] = &[
    LambdaFunction { name: "discovery", trigger: Trigger::Schedule, sends: &[QueueId::Candidates, QueueId::Notifications] },
    LambdaFunction { name: "bot-filter", trigger: Trigger::Queue(QueueId::Candidates), sends: &[QueueId::Notifications] },
    LambdaFunction { name: "signal-poller", trigger: Trigger::Schedule, sends: &[QueueId::Signals, QueueId::Notifications] },
    LambdaFunction { name: "signal-copier", trigger: Trigger::Queue(QueueId::Signals), sends: &[QueueId::Notifications] },
    LambdaFunction { name: "health-check", trigger: Trigger::Schedule, sends: &[QueueId::Notifications] },
    LambdaFunction { name: "notifier", trigger: Trigger::Queue(QueueId::Notifications), sends: &[] },
    LambdaFunction { name: "control", trigger: Trigger::Url, sends: &[QueueId::Notifications] },
];

/// The function with this name.
pub fn function(name: &str) -> Option<&'static LambdaFunction> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The URL variable of `queue` (as [`env::queue_url`]).
pub fn queue_url_var(queue: QueueId) -> &'static str {
    env::queue_url(queue)
}
