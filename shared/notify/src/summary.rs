//! Refused trades, batched: one `TradesRefused` notification per closed window
//! (`notifications.refusal_summary_secs`), counted by reason, instead of one message per
//! refusal. Built from the ledger every refusal is recorded in; a put-if-absent window record
//! makes it fire once however many health checks run. (The daily summary is the health check's.)

use copycat_core::events::Event;
use copycat_core::ports::{Key, StoreError};
use copycat_core::records::{LedgerEntry, SignalOutcome, keys};
use copycat_core::time::{Span, Timestamp, from_millis};
use copycat_state::{Deps, decode, notify};
use std::collections::BTreeMap;

/// How long window records are kept (garbage collection only).
const WINDOW_RECORD_TTL: Span = Span::days(7);

/// The last window that has closed at `now`: `[start, end)`, aligned to multiples of `secs`
/// since the epoch (so hourly windows start on the hour).
pub fn last_closed_window(now: Timestamp, secs: i64) -> (Timestamp, Timestamp) {
    let len = secs.max(1) * 1000;
    let end = now.timestamp_millis().div_euclid(len) * len;
    (from_millis(end - len), from_millis(end))
}

/// The summary of the refusals in `[start, end)`, most frequent reason first; None if none.
pub fn summarize_refusals<'a>(entries: impl IntoIterator<Item = &'a LedgerEntry>, start: Timestamp, end: Timestamp) -> Option<Event> {
    let mut by_reason: BTreeMap<String, u64> = BTreeMap::new();
    for e in entries {
        if e.at < start || e.at >= end {
            continue;
        }
        if let SignalOutcome::Refused { reason, .. } = &e.outcome {
            *by_reason.entry(reason.code()).or_insert(0) += 1;
        }
    }
    let total = by_reason.values().sum();
    if total == 0 {
        return None;
    }
    let mut by_reason: Vec<(String, u64)> = by_reason.into_iter().collect();
    by_reason.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(Event::TradesRefused { window_start: start, window_end: end, total, by_reason })
}

/// Key of the record saying the window starting at `start` was summarised.
pub fn window_key(start: Timestamp) -> Key {
    Key::new("REFUSALS", format!("{:013}", start.timestamp_millis().max(0)))
}

/// Queues the refusal summary of the last closed window, once. Returns the event queued, if any.
pub async fn send_refusal_summary(deps: &Deps, now: Timestamp) -> Result<Option<Event>, StoreError> {
    let (start, end) = last_closed_window(now, deps.config.notifications.refusal_summary_secs);
    let key = window_key(start);
    if deps.store.get(&key).await?.is_some() {
        return Ok(None);
    }
    let ledger = deps.store.query(keys::LEDGER_PK, "").await?;
    let entries: Vec<LedgerEntry> = ledger.iter().filter_map(|r| decode::<LedgerEntry>(r).ok()).map(|v| v.value).collect();
    let summary = summarize_refusals(&entries, start, end);
    let body = serde_json::json!({ "start": start, "end": end, "at": now });
    match deps.store.put_if_absent(&key, body, Some(now + WINDOW_RECORD_TTL)).await {
        Ok(_) => {}
        Err(e) if e.is_conflict() => return Ok(None), // another health check took this window
        Err(e) => return Err(e),
    }
    if let Some(event) = &summary {
        notify(deps, &format!("refusals|{}", start.timestamp_millis()), now, event.clone()).await;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::records::RefusalReason;
    use copycat_core::time::from_secs;

    #[test]
    fn windows_align_to_their_length() {
        let (s, e) = last_closed_window(from_secs(3 * 3600 + 125), 3600);
        assert_eq!((s, e), (from_secs(2 * 3600), from_secs(3 * 3600)));
    }

    #[test]
    fn refusals_are_counted_by_reason_inside_the_window_only() {
        let entry = |at: i64, reason: RefusalReason| -> LedgerEntry {
            serde_json::from_value(serde_json::json!({
                "key": "k", "leader": "0x1111111111111111111111111111111111111111", "token_id": "t",
                "leader_at": from_secs(at), "at": from_secs(at),
                "outcome": { "outcome": "refused", "reason": reason, "detail": "d" },
            }))
            .unwrap()
        };
        let entries = vec![
            entry(3600, RefusalReason::Exposure),
            entry(3700, RefusalReason::KillSwitch),
            entry(3800, RefusalReason::Exposure),
            entry(7200, RefusalReason::Exposure), // next window
            entry(3599, RefusalReason::Exposure), // previous window
        ];
        let Some(Event::TradesRefused { total, by_reason, .. }) = summarize_refusals(&entries, from_secs(3600), from_secs(7200)) else {
            panic!("expected a summary");
        };
        assert_eq!(total, 3);
        assert_eq!(by_reason, [("exposure".to_string(), 2), ("kill_switch".to_string(), 1)]);
        assert!(summarize_refusals(&entries, from_secs(10_800), from_secs(14_400)).is_none());
    }
}
