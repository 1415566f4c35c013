//! Reading what a report shows from the state table: the current records, then the history,
//! settlements, ledger and command partitions in bounded pages, folded as they arrive.

use crate::ReportError;
use copycat_core::breaker::BreakerState;
use copycat_core::config::Config;
use copycat_core::control::{COMMAND_PK, CommandRecord};
use copycat_core::dependency::Dependency;
use copycat_core::ports::StateStore;
use copycat_core::records::{Control, LeaderSet, LedgerEntry, MissedTrade, ModeState, PortfolioState, Position, keys};
use copycat_core::report::{HISTORY_PK, LedgerFold, SETTLEMENT_PK, Settlement, Snapshot, millis13};
use copycat_core::store::Record;
use copycat_core::time::{Span, Timestamp};
use copycat_state::{decode, load as load_record};

/// Refusal buckets a report aims for across its time span (bars in the refusals chart).
const REFUSAL_BARS: i64 = 48;

/// What to read.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// The wall clock now.
    pub now: Timestamp,
    /// Days of history to read, ending at the history's end (default: `report.window_days`).
    pub days: Option<u32>,
}

/// Everything a report shows.
#[derive(Clone, Debug)]
pub struct ReportData {
    /// Where the window starts.
    pub since: Timestamp,
    /// Where it ends: now, or where the recorded history ends when that is older (a demo's
    /// simulated clock, a stopped deployment).
    pub end: Timestamp,
    /// Portfolio now (None before the first fill or health check).
    pub portfolio: Option<PortfolioState>,
    /// Mode now.
    pub mode: Option<ModeState>,
    /// Kill switch now.
    pub control: Option<Control>,
    /// Followed leaders now.
    pub leaders: LeaderSet,
    /// Breakers now.
    pub breakers: Vec<BreakerState>,
    /// Open positions now.
    pub positions: Vec<Position>,
    /// Health-check snapshots in the window, oldest first.
    pub snapshots: Vec<Snapshot>,
    /// Ledger, settlements and open positions folded.
    pub fold: LedgerFold,
    /// Operator commands from chat in the window, oldest first.
    pub commands: Vec<CommandRecord>,
    /// The ledger held more entries in the window than `report.max_ledger_entries`: the
    /// newest were not read.
    pub ledger_truncated: bool,
    /// Records that could not be decoded (skipped, counted).
    pub unreadable: u64,
}

/// Reads every record of `pk` after `after` page by page (`page_size` at a time, at most `max`),
/// handing each to `each`; returns how many were read and whether `max` cut the read short.
async fn read_pages(
    store: &dyn StateStore,
    pk: &str,
    after: &str,
    page_size: usize,
    max: u64,
    mut each: impl FnMut(&Record),
    progress: &(dyn Fn(&str, u64) + Sync),
) -> Result<(u64, bool), ReportError> {
    let mut cursor = after.to_string();
    let mut read = 0u64;
    loop {
        let room = usize::try_from(max.saturating_sub(read)).unwrap_or(usize::MAX).min(page_size);
        if room == 0 {
            let more = !store.query_page(pk, Some(&cursor), 1).await?.is_empty();
            return Ok((read, more));
        }
        let page = store.query_page(pk, Some(&cursor), room).await?;
        let Some(last) = page.last() else { return Ok((read, false)) };
        cursor = last.key.sk.clone();
        for r in &page {
            each(r);
        }
        read += page.len() as u64;
        progress(pk, read);
    }
}

/// The end of the recorded history: `now`, unless the portfolio last changed more than the
/// window ago, in which case that moment (so a finished demo still shows its days).
pub fn history_end(now: Timestamp, portfolio: Option<&PortfolioState>, window: Span) -> Timestamp {
    match portfolio {
        Some(p) if p.updated_at < now - window => p.updated_at,
        _ => now,
    }
}

/// Reads the report's data; `progress(partition, records read so far)` after each page.
pub async fn load(
    store: &dyn StateStore,
    config: &Config,
    opts: &LoadOptions,
    progress: &(dyn Fn(&str, u64) + Sync),
) -> Result<ReportData, ReportError> {
    let rc = &config.report;
    let page = rc.page_size as usize;
    let window = Span::days(i64::from(opts.days.unwrap_or(rc.window_days).max(1)));
    let portfolio = load_record::<PortfolioState>(store, &keys::portfolio()).await?.map(|v| v.value);
    let mode = load_record::<ModeState>(store, &keys::mode()).await?.map(|v| v.value);
    let control = load_record::<Control>(store, &keys::control()).await?.map(|v| v.value);
    let leaders = load_record::<LeaderSet>(store, &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    let mut breakers = Vec::new();
    for d in Dependency::ALL {
        breakers
            .push(load_record::<BreakerState>(store, &keys::breaker(d)).await?.map(|v| v.value).unwrap_or_else(|| BreakerState::closed(d)));
    }
    let end = history_end(opts.now, portfolio.as_ref(), window);
    let since = end - window;
    // Sort keys start with the 13-digit time; one millisecond before `since` starts the read at it.
    let after = millis13(since - Span::milliseconds(1));
    let mut unreadable = 0u64;

    let mut snapshots = Vec::new();
    read_pages(
        store,
        HISTORY_PK,
        &after,
        page,
        u64::MAX,
        |r| match decode::<Snapshot>(r) {
            Ok(s) if s.value.at <= end => snapshots.push(s.value),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        },
        progress,
    )
    .await?;

    // Refusal bars: the span the history covers, cut into about REFUSAL_BARS whole hours.
    let first = snapshots.first().map(|s| s.at).unwrap_or(since).max(since);
    let hours = ((end - first).num_hours() / REFUSAL_BARS).max(1) + i64::from((end - first).num_hours() % REFUSAL_BARS != 0);
    let mut fold = LedgerFold::new(Span::hours(hours.max(1)));

    let (_, ledger_truncated) = read_pages(
        store,
        keys::LEDGER_PK,
        &after,
        page,
        u64::from(rc.max_ledger_entries),
        |r| match decode::<LedgerEntry>(r) {
            Ok(e) if e.value.at <= end => fold.add(&e.value),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        },
        progress,
    )
    .await?;
    read_pages(
        store,
        keys::MISSED_PK,
        &after,
        page,
        u64::MAX,
        |r| match decode::<MissedTrade>(r) {
            Ok(m) if m.value.leader_at <= end => fold.add_missed(&m.value),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        },
        progress,
    )
    .await?;
    read_pages(
        store,
        SETTLEMENT_PK,
        &after,
        page,
        u64::MAX,
        |r| match decode::<Settlement>(r) {
            Ok(s) if s.value.at <= end => fold.add_settlement(&s.value),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        },
        progress,
    )
    .await?;
    let mut positions = Vec::new();
    for r in store.query(keys::PORTFOLIO_PK, keys::POSITION_PREFIX).await? {
        match decode::<Position>(&r) {
            Ok(p) => {
                fold.add_open_position(&p.value);
                positions.push(p.value);
            }
            Err(_) => unreadable += 1,
        }
    }
    let mut commands = Vec::new();
    read_pages(
        store,
        COMMAND_PK,
        &after,
        page,
        u64::MAX,
        |r| match decode::<CommandRecord>(r) {
            Ok(c) => commands.push(c.value),
            Err(_) => unreadable += 1,
        },
        progress,
    )
    .await?;
    Ok(ReportData {
        since,
        end,
        portfolio,
        mode,
        control,
        leaders,
        breakers,
        positions,
        snapshots,
        fold,
        commands,
        ledger_truncated,
        unreadable,
    })
}

/// Refusals of the `secs` before `end`, by reason, most frequent first (for `copycat status`),
/// read in bounded pages from the ledger.
pub async fn recent_refusals(
    store: &dyn StateStore,
    config: &Config,
    end: Timestamp,
    secs: u32,
) -> Result<Vec<(copycat_core::records::RefusalReason, u64)>, ReportError> {
    let start = end - Span::seconds(i64::from(secs));
    let mut fold = LedgerFold::new(Span::seconds(i64::from(secs)));
    read_pages(
        store,
        keys::LEDGER_PK,
        &millis13(start - Span::milliseconds(1)),
        config.report.page_size as usize,
        u64::from(config.report.max_ledger_entries),
        |r| {
            if let Ok(e) = decode::<LedgerEntry>(r)
                && e.value.at <= end
            {
                fold.add(&e.value)
            }
        },
        &|_, _| {},
    )
    .await?;
    Ok(fold.refusals_by_reason())
}
