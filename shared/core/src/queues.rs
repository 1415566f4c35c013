//! The queues the functions talk through, as types. A function that may send to a queue holds a
//! `Sender` for that queue's role type ([`Candidates`], [`Signals`], [`Notifications`]), so
//! the compiler says which queues each function uses. Names come from `infra/resources.json`
//! at build time (see `build.rs`): the one place the table and the queues are named.

include!(concat!(env!("OUT_DIR"), "/resources.rs"));

/// One of CopyCat's queues, by what it carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueueId {
    /// Wallets for the bot filter (standard).
    Candidates,
    /// Leader trades to copy (FIFO, one group per leader).
    Signals,
    /// Events for the operator (standard).
    Notifications,
}

impl QueueId {
    /// Every queue.
    pub const ALL: [QueueId; 3] = [QueueId::Candidates, QueueId::Signals, QueueId::Notifications];

    /// The role's name in `infra/resources.json` (`candidates`, `signals`, `notifications`).
    pub const fn role(self) -> &'static str {
        QUEUE_DEFS[self as usize].0
    }
    /// The queue's name.
    pub const fn name(self) -> &'static str {
        QUEUE_DEFS[self as usize].1
    }
    /// Its dead-letter queue's name.
    pub const fn dead_letter_name(self) -> &'static str {
        QUEUE_DEFS[self as usize].2
    }
    /// Whether it is a FIFO queue.
    pub const fn fifo(self) -> bool {
        QUEUE_DEFS[self as usize].3
    }
    /// The queue with this role name.
    pub fn from_role(role: &str) -> Option<QueueId> {
        QueueId::ALL.into_iter().find(|q| q.role() == role)
    }
}

impl std::fmt::Display for QueueId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.role())
    }
}

/// A queue role as a type: what a `Sender` is for.
pub trait QueueRole: Send + Sync + 'static {
    /// Which queue.
    const ID: QueueId;
}

/// The candidates queue (discovery → bot filter).
#[derive(Debug)]
pub enum Candidates {}
/// The signals queue (poller → copier).
#[derive(Debug)]
pub enum Signals {}
/// The notifications queue (every function → notifier).
#[derive(Debug)]
pub enum Notifications {}

impl QueueRole for Candidates {
    const ID: QueueId = QueueId::Candidates;
}
impl QueueRole for Signals {
    const ID: QueueId = QueueId::Signals;
}
impl QueueRole for Notifications {
    const ID: QueueId = QueueId::Notifications;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_infra_resources_json() {
        let doc: serde_json::Value = serde_json::from_str(include_str!("../../../infra/resources.json")).unwrap();
        assert_eq!(TABLE_NAME, doc["table"]["name"].as_str().unwrap());
        for q in QueueId::ALL {
            let def = doc["queues"].as_array().unwrap().iter().find(|d| d["role"] == q.role()).unwrap();
            assert_eq!(q.name(), def["name"].as_str().unwrap());
            assert_eq!(q.dead_letter_name(), def["dead_letter"]["name"].as_str().unwrap());
            assert_eq!(q.fifo(), def["fifo"].as_bool().unwrap());
            assert_eq!(QueueId::from_role(q.role()), Some(q));
        }
        assert_eq!(QueueId::from_role("orders"), None);
    }
}
