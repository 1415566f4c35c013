//! Queues with SQS semantics, every queue in table `messages` of the one database.

use crate::{Database, describe};
use async_trait::async_trait;
use copycat_core::message::{MAX_SEND_BATCH, OutMessage, Received, SendFailure};
use copycat_core::ports::{Queue, QueueError};
use copycat_core::time::{Span, from_millis};
use rusqlite::{Connection, OptionalExtension, params};
use std::sync::Arc;

/// Most messages one `receive` returns (SQS `MaxNumberOfMessages`).
pub const MAX_RECEIVE: usize = 10;

/// Longest visibility timeout SQS accepts (12 hours).
pub const MAX_VISIBILITY: Span = Span::hours(12);

/// Largest batch SQS accepts, all bodies together (1 MiB).
pub const MAX_BATCH_BYTES: usize = 1024 * 1024;

/// Longest FIFO group or de-duplication id SQS accepts.
pub const MAX_FIFO_ID_LEN: usize = 128;

/// A queue's attributes, as SQS holds them: kind, visibility timeout, redrive policy and the
/// FIFO de-duplication window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueSettings {
    /// FIFO: per-group order, one group in flight at a time, de-duplication ids. A queue's
    /// kind is fixed, as in SQS: open it as the same kind everywhere (and a FIFO queue's
    /// dead-letter queue as FIFO); a standard handle does not see FIFO messages.
    pub fifo: bool,
    /// How long a received message stays hidden before it is delivered again.
    pub visibility_timeout: Span,
    /// Receives allowed before a message moves to `dead_letter` (SQS `maxReceiveCount`; 0 is
    /// treated as 1). Without a dead-letter queue, messages are redelivered forever, as in SQS.
    pub max_receive: u32,
    /// Name of the dead-letter queue in the same database, if any.
    pub dead_letter: Option<String>,
    /// How long a FIFO de-duplication id suppresses resends (5 minutes in SQS).
    pub dedup_window: Span,
}

impl QueueSettings {
    /// A standard queue: 30 s visibility, no dead-letter queue.
    pub fn standard() -> Self {
        QueueSettings {
            fifo: false,
            visibility_timeout: Span::seconds(30),
            max_receive: 5,
            dead_letter: None,
            dedup_window: Span::minutes(5),
        }
    }

    /// A FIFO queue: 30 s visibility, no dead-letter queue, 5-minute de-duplication window.
    pub fn fifo() -> Self {
        QueueSettings { fifo: true, ..Self::standard() }
    }

    /// The same settings with another visibility timeout.
    pub fn with_visibility_timeout(mut self, timeout: Span) -> Self {
        self.visibility_timeout = timeout;
        self
    }

    /// The same settings with a redrive policy: after `max_receive` receives, to `queue`.
    pub fn with_dead_letter(mut self, queue: impl Into<String>, max_receive: u32) -> Self {
        self.dead_letter = Some(queue.into());
        self.max_receive = max_receive;
        self
    }
}

impl Default for QueueSettings {
    fn default() -> Self {
        Self::standard()
    }
}

/// One queue of an [`crate::EmbeddedBackend`]; messages survive restarts, and a message is
/// handed to one consumer at a time until acked or its visibility timeout passes.
pub struct EmbeddedQueue {
    db: Arc<Database>,
    name: String,
    settings: QueueSettings,
    visibility_ms: i64,
    dedup_window_ms: i64,
}

/// A row that `receive` may deliver.
struct Candidate {
    seq: i64,
    message_id: String,
    body: String,
    group_id: Option<String>,
    dedup_id: Option<String>,
    sent_at: i64,
    receive_count: i64,
}

const CANDIDATE_COLUMNS: &str = "seq, message_id, body, group_id, dedup_id, sent_at, receive_count";

fn candidate(r: &rusqlite::Row<'_>) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        seq: r.get(0)?,
        message_id: r.get(1)?,
        body: r.get(2)?,
        group_id: r.get(3)?,
        dedup_id: r.get(4)?,
        sent_at: r.get(5)?,
        receive_count: r.get(6)?,
    })
}

/// What one `receive` has handed out so far.
struct Delivery<'a> {
    max: usize,
    now: i64,
    hidden_until: i64,
    out: Vec<Received>,
    delivered: Vec<i64>,
    moved: usize,
    hide: rusqlite::CachedStatement<'a>,
}

impl Delivery<'_> {
    fn full(&self) -> bool {
        self.out.len() >= self.max
    }
}

impl EmbeddedQueue {
    pub(crate) fn new(db: Arc<Database>, name: &str, settings: QueueSettings) -> Self {
        let visibility_ms = settings.visibility_timeout.clamp(Span::zero(), MAX_VISIBILITY).num_milliseconds();
        let dedup_window_ms = settings.dedup_window.num_milliseconds().max(0);
        EmbeddedQueue { db, name: name.to_owned(), settings, visibility_ms, dedup_window_ms }
    }

    /// This queue's attributes.
    pub fn settings(&self) -> &QueueSettings {
        &self.settings
    }

    /// The dead-letter queue named in the settings, opened with this queue's settings minus
    /// the redrive policy (a FIFO queue's dead-letter queue is FIFO, as SQS requires).
    pub fn dead_letter_queue(&self) -> Option<Arc<EmbeddedQueue>> {
        let name = self.settings.dead_letter.as_deref()?;
        let settings = QueueSettings { dead_letter: None, ..self.settings.clone() };
        Some(Arc::new(EmbeddedQueue::new(self.db.clone(), name, settings)))
    }

    fn unavailable(&self, context: &str, error: rusqlite::Error) -> QueueError {
        QueueError::Unavailable { queue: self.name.clone(), reason: describe(&self.db.location, context, &error) }
    }

    fn invalid(&self, reason: impl Into<String>) -> QueueError {
        QueueError::Invalid { queue: self.name.clone(), reason: reason.into() }
    }

    fn stale(&self) -> QueueError {
        QueueError::StaleReceipt { queue: self.name.clone() }
    }

    /// Why SQS would refuse this entry, if it would.
    fn refusal(&self, message: &OutMessage) -> Option<String> {
        if message.body.is_empty() {
            return Some("message body is empty".into());
        }
        if let Some(c) = message.body.chars().find(|c| !sqs_accepts(*c)) {
            return Some(format!("message body contains U+{:04X}, which SQS does not accept", u32::from(c)));
        }
        if self.settings.fifo {
            for (what, id) in [("group_id", &message.group_id), ("dedup_id", &message.dedup_id)] {
                match id.as_deref() {
                    None | Some("") => return Some(format!("FIFO queue {} needs a {what} on every message", self.name)),
                    Some(id) if id.len() > MAX_FIFO_ID_LEN => return Some(format!("{what} is longer than {MAX_FIFO_ID_LEN} characters")),
                    Some(id) if !id.chars().all(|c| c.is_ascii_graphic()) => {
                        return Some(format!("{what} {id:?} may hold only ASCII letters, digits and punctuation"));
                    }
                    Some(_) => {}
                }
            }
        }
        None
    }

    /// Records a FIFO de-duplication id; false when it was already seen inside the window.
    fn first_within_window(&self, conn: &Connection, dedup_id: &str, now: i64) -> Result<bool, QueueError> {
        let mut stmt = conn
            .prepare_cached("INSERT INTO dedup (queue, dedup_id, expires_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
            .map_err(|e| self.unavailable("prepare dedup insert", e))?;
        let inserted = stmt
            .execute(params![self.name, dedup_id, now.saturating_add(self.dedup_window_ms)])
            .map_err(|e| self.unavailable("record de-duplication id", e))?;
        Ok(inserted == 1)
    }

    /// Inserts a message into `queue` (this one, or its dead-letter queue) and, for a FIFO
    /// message, makes sure its group has a head.
    #[allow(clippy::too_many_arguments)]
    fn insert(
        &self,
        conn: &Connection,
        queue: &str,
        message_id: Option<&str>,
        body: &str,
        group_id: Option<&str>,
        dedup_id: Option<&str>,
        sent_at: i64,
        now: i64,
    ) -> Result<(), QueueError> {
        // A fresh id is 96 random bits from SQLite's CSPRNG: unique for good, unlike `seq`,
        // which SQLite may reuse once the newest message is deleted.
        let mut insert = conn
            .prepare_cached(
                "INSERT INTO messages (queue, message_id, body, group_id, dedup_id, sent_at, visible_at, receive_count)
                 VALUES (?1, COALESCE(?2, lower(hex(randomblob(12)))), ?3, ?4, ?5, ?6, ?7, 0)",
            )
            .map_err(|e| self.unavailable("prepare send", e))?;
        let seq = insert
            .insert(params![queue, message_id, body, group_id, dedup_id, sent_at, now])
            .map_err(|e| self.unavailable(&format!("send to {queue}"), e))?;
        if let Some(group_id) = group_id {
            let mut head = conn
                .prepare_cached("INSERT INTO fifo_groups (queue, group_id, head_seq) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .map_err(|e| self.unavailable("prepare group head", e))?;
            head.execute(params![queue, group_id, seq]).map_err(|e| self.unavailable("record group head", e))?;
        }
        Ok(())
    }

    /// After a FIFO message left `queue`: points its group at its next message, or drops the
    /// group when it has none.
    fn advance_group(&self, conn: &Connection, queue: &str, group_id: &str) -> Result<(), QueueError> {
        let mut next = conn
            .prepare_cached("SELECT MIN(seq) FROM messages WHERE queue = ?1 AND group_id = ?2")
            .map_err(|e| self.unavailable("prepare group advance", e))?;
        let head: Option<i64> =
            next.query_row(params![queue, group_id], |r| r.get(0)).map_err(|e| self.unavailable("find the group's next message", e))?;
        match head {
            Some(head) => {
                let mut stmt = conn
                    .prepare_cached("UPDATE fifo_groups SET head_seq = ?3 WHERE queue = ?1 AND group_id = ?2")
                    .map_err(|e| self.unavailable("prepare group advance", e))?;
                stmt.execute(params![queue, group_id, head]).map_err(|e| self.unavailable("move the group head", e))?;
            }
            None => {
                let mut stmt = conn
                    .prepare_cached("DELETE FROM fifo_groups WHERE queue = ?1 AND group_id = ?2")
                    .map_err(|e| self.unavailable("prepare group advance", e))?;
                stmt.execute(params![queue, group_id]).map_err(|e| self.unavailable("drop an empty group", e))?;
            }
        }
        Ok(())
    }

    /// Moves a message to `dead_letter` with the same id and body and a fresh receive count.
    fn move_to_dead_letter(&self, conn: &Connection, dead_letter: &str, message: &Candidate, now: i64) -> Result<(), QueueError> {
        let mut delete =
            conn.prepare_cached("DELETE FROM messages WHERE seq = ?1").map_err(|e| self.unavailable("prepare dead-letter delete", e))?;
        delete.execute(params![message.seq]).map_err(|e| self.unavailable("move a message to its dead-letter queue", e))?;
        if let Some(group_id) = &message.group_id {
            self.advance_group(conn, &self.name, group_id)?;
        }
        self.insert(
            conn,
            dead_letter,
            Some(&message.message_id),
            &message.body,
            message.group_id.as_deref(),
            message.dedup_id.as_deref(),
            message.sent_at,
            now,
        )?;
        tracing::warn!(
            queue = %self.name,
            dead_letter,
            message_id = %message.message_id,
            receive_count = message.receive_count,
            "message moved to its dead-letter queue after too many receives"
        );
        Ok(())
    }

    /// Hands out `message` (hiding it and counting the delivery), or moves it to the
    /// dead-letter queue when it has been received `max_receive` times already.
    fn deliver(&self, conn: &Connection, run: &mut Delivery<'_>, message: Candidate) -> Result<(), QueueError> {
        if let Some(dead_letter) = &self.settings.dead_letter
            && message.receive_count >= i64::from(self.settings.max_receive.max(1))
        {
            self.move_to_dead_letter(conn, dead_letter, &message, run.now)?;
            run.moved += 1;
            return Ok(());
        }
        let nonce: i64 = run
            .hide
            .query_row(params![message.seq, run.hidden_until], |r| r.get(0))
            .map_err(|e| self.unavailable("hide a received message", e))?;
        let receive_count = message.receive_count + 1;
        run.delivered.push(message.seq);
        run.out.push(Received {
            message_id: message.message_id,
            receipt: receipt(message.seq, nonce),
            body: message.body,
            receive_count: u32::try_from(receive_count).unwrap_or(u32::MAX),
            group_id: if self.settings.fifo { message.group_id } else { None },
            sent_at: from_millis(message.sent_at),
        });
        Ok(())
    }

    /// Standard queue: the messages visible longest first.
    fn receive_standard(&self, conn: &Connection, run: &mut Delivery<'_>) -> Result<(), QueueError> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM messages INDEXED BY messages_ready
             WHERE queue = ?1 AND group_id IS NULL AND visible_at <= ?2
             ORDER BY visible_at, seq LIMIT ?3"
        );
        loop {
            let moved_before = run.moved;
            // Enough rows even if ones delivered already show up again (zero visibility).
            let limit = run.max + run.delivered.len();
            let candidates = {
                let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.unavailable("prepare receive", e))?;
                let rows =
                    stmt.query_map(params![self.name, run.now, limit as i64], candidate).map_err(|e| self.unavailable("receive", e))?;
                rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.unavailable("read received messages", e))?
            };
            for message in candidates {
                if run.full() {
                    return Ok(());
                }
                if !run.delivered.contains(&message.seq) {
                    self.deliver(conn, run, message)?;
                }
            }
            // Only a move to the dead-letter queue can make room for more.
            if run.moved == moved_before || run.full() {
                return Ok(());
            }
        }
    }

    /// FIFO queue: groups in the order of their oldest message, skipping groups with a message
    /// in flight; from each group, its messages in send order.
    fn receive_fifo(&self, conn: &Connection, run: &mut Delivery<'_>) -> Result<(), QueueError> {
        let mut visited: Vec<String> = Vec::new();
        loop {
            let groups: Vec<String> = {
                let mut stmt = conn
                    .prepare_cached(
                        "SELECT g.group_id FROM fifo_groups AS g INDEXED BY fifo_groups_by_head
                         WHERE g.queue = ?1
                           AND NOT EXISTS (SELECT 1 FROM messages AS m INDEXED BY messages_hidden
                                           WHERE m.queue = ?1 AND m.group_id = g.group_id AND m.visible_at > ?2)
                         ORDER BY g.head_seq LIMIT ?3",
                    )
                    .map_err(|e| self.unavailable("prepare receive", e))?;
                let limit = (run.max + visited.len()) as i64;
                let rows = stmt.query_map(params![self.name, run.now, limit], |r| r.get(0)).map_err(|e| self.unavailable("receive", e))?;
                rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.unavailable("read ready groups", e))?
            };
            let mut progressed = false;
            for group in groups {
                if run.full() {
                    return Ok(());
                }
                if visited.contains(&group) {
                    continue;
                }
                progressed = true;
                self.receive_group(conn, run, &group)?;
                visited.push(group);
            }
            if !progressed || run.full() {
                return Ok(());
            }
        }
    }

    /// Delivers one ready group's messages in send order until the receive is full.
    fn receive_group(&self, conn: &Connection, run: &mut Delivery<'_>, group: &str) -> Result<(), QueueError> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM messages INDEXED BY messages_in_group
             WHERE queue = ?1 AND group_id = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4"
        );
        let mut after = i64::MIN;
        while !run.full() {
            let batch = {
                let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.unavailable("prepare receive", e))?;
                let want = (run.max - run.out.len()) as i64;
                let rows = stmt.query_map(params![self.name, group, after, want], candidate).map_err(|e| self.unavailable("receive", e))?;
                rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.unavailable("read received messages", e))?
            };
            if batch.is_empty() {
                return Ok(());
            }
            for message in batch {
                after = message.seq;
                self.deliver(conn, run, message)?;
            }
        }
        Ok(())
    }

    /// Deletes the message a receipt names; false when the receipt is not the current one.
    fn delete_received(&self, conn: &Connection, seq: i64, nonce: i64) -> Result<bool, QueueError> {
        let mut stmt = conn
            .prepare_cached("DELETE FROM messages WHERE seq = ?1 AND queue = ?2 AND receipt = ?3 RETURNING group_id")
            .map_err(|e| self.unavailable("prepare ack", e))?;
        let deleted: Option<Option<String>> =
            stmt.query_row(params![seq, self.name, nonce], |r| r.get(0)).optional().map_err(|e| self.unavailable("ack", e))?;
        match deleted {
            None => Ok(false),
            Some(group) => {
                if let Some(group) = group {
                    self.advance_group(conn, &self.name, &group)?;
                }
                Ok(true)
            }
        }
    }
}

#[async_trait]
impl Queue for EmbeddedQueue {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send_batch(&self, messages: Vec<OutMessage>) -> Result<Vec<SendFailure>, QueueError> {
        if messages.is_empty() {
            return Err(self.invalid("a batch needs at least one message"));
        }
        if messages.len() > MAX_SEND_BATCH {
            return Err(self.invalid(format!("a batch holds at most {MAX_SEND_BATCH} messages, this one has {}", messages.len())));
        }
        let bytes: usize = messages.iter().map(|m| m.body.len()).sum();
        if bytes > MAX_BATCH_BYTES {
            return Err(self.invalid(format!("a batch holds at most {MAX_BATCH_BYTES} bytes of bodies, this one has {bytes}")));
        }
        let now = self.db.now_ms();
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                if self.settings.fifo {
                    let mut forget = tx
                        .prepare_cached("DELETE FROM dedup WHERE queue = ?1 AND expires_at <= ?2")
                        .map_err(|e| self.unavailable("prepare dedup expiry", e))?;
                    forget.execute(params![self.name, now]).map_err(|e| self.unavailable("forget expired de-duplication ids", e))?;
                }
                let mut failures = Vec::new();
                for (index, message) in messages.iter().enumerate() {
                    if let Some(reason) = self.refusal(message) {
                        failures.push(SendFailure { index, reason, retryable: false });
                        continue;
                    }
                    let (group_id, dedup_id) = match (&message.group_id, &message.dedup_id) {
                        (Some(group), Some(dedup)) if self.settings.fifo => (Some(group.as_str()), Some(dedup.as_str())),
                        _ => (None, None),
                    };
                    // A duplicate inside the window is accepted and dropped, as SQS does.
                    if let Some(dedup) = dedup_id
                        && !self.first_within_window(tx, dedup, now)?
                    {
                        continue;
                    }
                    self.insert(tx, &self.name, None, &message.body, group_id, dedup_id, now, now)?;
                }
                Ok(failures)
            },
        )
    }

    async fn receive(&self, max: usize) -> Result<Vec<Received>, QueueError> {
        let max = max.min(MAX_RECEIVE);
        if max == 0 {
            return Ok(Vec::new());
        }
        let now = self.db.now_ms();
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                // The receipt nonce is random per delivery, so an older receipt never matches.
                let hide = tx
                    .prepare_cached(
                        "UPDATE messages SET visible_at = ?2, receive_count = receive_count + 1,
                                             receipt = (random() & 9223372036854775807)
                         WHERE seq = ?1 RETURNING receipt",
                    )
                    .map_err(|e| self.unavailable("prepare receive update", e))?;
                let mut run = Delivery {
                    max,
                    now,
                    hidden_until: now.saturating_add(self.visibility_ms),
                    out: Vec::with_capacity(max),
                    delivered: Vec::with_capacity(max),
                    moved: 0,
                    hide,
                };
                if self.settings.fifo {
                    self.receive_fifo(tx, &mut run)?
                } else {
                    self.receive_standard(tx, &mut run)?
                }
                Ok(run.out)
            },
        )
    }

    async fn ack(&self, receipt: &str) -> Result<(), QueueError> {
        let (seq, nonce) = parse_receipt(receipt).ok_or_else(|| self.stale())?;
        let deleted = self.db.write(|c, e| self.unavailable(c, e), |tx| self.delete_received(tx, seq, nonce))?;
        if deleted { Ok(()) } else { Err(self.stale()) }
    }

    async fn ack_batch(&self, receipts: &[String]) -> Result<Vec<usize>, QueueError> {
        // One transaction for the whole batch.
        self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                let mut stale = Vec::new();
                for (i, r) in receipts.iter().enumerate() {
                    let deleted = match parse_receipt(r) {
                        Some((seq, nonce)) => self.delete_received(tx, seq, nonce)?,
                        None => false,
                    };
                    if !deleted {
                        stale.push(i);
                    }
                }
                Ok(stale)
            },
        )
    }

    async fn set_visibility(&self, receipt: &str, timeout: Span) -> Result<(), QueueError> {
        if timeout < Span::zero() || timeout > MAX_VISIBILITY {
            return Err(self.invalid(format!("visibility timeout must be between 0 s and 12 h, not {timeout}")));
        }
        let (seq, nonce) = parse_receipt(receipt).ok_or_else(|| self.stale())?;
        let visible_at = self.db.now_ms().saturating_add(timeout.num_milliseconds());
        let changed = self.db.write(
            |c, e| self.unavailable(c, e),
            |tx| {
                let mut stmt = tx
                    .prepare_cached("UPDATE messages SET visible_at = ?4 WHERE seq = ?1 AND queue = ?2 AND receipt = ?3")
                    .map_err(|e| self.unavailable("prepare set_visibility", e))?;
                stmt.execute(params![seq, self.name, nonce, visible_at]).map_err(|e| self.unavailable("set visibility", e))
            },
        )?;
        if changed == 1 { Ok(()) } else { Err(self.stale()) }
    }

    async fn depth(&self) -> Result<u64, QueueError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM messages INDEXED BY messages_ready WHERE queue = ?1 AND group_id IS NULL)
                      + (SELECT COUNT(*) FROM messages INDEXED BY messages_in_group WHERE queue = ?1 AND group_id IS NOT NULL)",
            )
            .map_err(|e| self.unavailable("prepare depth", e))?;
        let n: i64 = stmt.query_row(params![self.name], |r| r.get(0)).map_err(|e| self.unavailable("count messages", e))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

/// A receipt names one delivery: the message and a random nonce drawn when it was received.
/// A later delivery draws a new nonce, so an older receipt no longer matches.
fn receipt(seq: i64, nonce: i64) -> String {
    format!("{seq}-{nonce}")
}

fn parse_receipt(receipt: &str) -> Option<(i64, i64)> {
    let (seq, nonce) = receipt.split_once('-')?;
    Some((seq.parse().ok()?, nonce.parse().ok()?))
}

/// Characters SQS accepts in a message body.
fn sqs_accepts(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}
