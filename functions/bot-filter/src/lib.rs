//! bot-filter: judges candidate wallets — bot or human, good enough to copy or not — and keeps
//! the followed set (at most `copy.max_leaders`, best first).
//!
//! Each candidates-queue message is one wallet; a message that cannot be parsed or whose
//! history cannot be read is a batch-item failure (the queue retries it, then dead-letters it).

use aws_lambda_events::sqs::{SqsBatchResponse, SqsEvent};
use copycat_core::botfilter::{Classification, Verdict, classify_wallet, classify_wallet_with_tape, too_busy_to_read, wants_tape};
use copycat_core::dependency::Dependency;
use copycat_core::edge::{EdgeScore, copyable_edge, drop_on_results};
use copycat_core::events::{Candidate, CandidateSource, Event};
use copycat_core::policy::{FollowChange, follow_change, judge_copyable};
use copycat_core::ports::MarketData;
use copycat_core::ports::{MarketError, StoreError};
use copycat_core::quality::{QualityReport, assess_leader};
use copycat_core::records::{LeaderSet, TraderProfile, TraderStatus, keys};
use copycat_core::time::Span;
use copycat_state::{
    BreakerGate, Delivery, GateError, MissingMessageId, Reporting, StateError, for_each_message, load, notify, update_with_retry,
};
use lambda_runtime::LambdaEvent;
use std::sync::Arc;

/// What the bot filter may use: a candidate's history (market data), besides what every
/// reporting function has. It places no orders and feeds no queue but notifications.
#[derive(Clone)]
pub struct BotFilterDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// Wallet trades and positions.
    pub market: Arc<dyn MarketData>,
}

copycat_state::function_deps!(BotFilterDeps, sends[Notifications]);

/// Why one candidate could not be judged now.
#[derive(Debug, thiserror::Error)]
pub enum JudgeError {
    /// The body is not a candidate.
    #[error("malformed candidate message: {0}")]
    BadMessage(String),
    /// The wallet's history could not be read.
    #[error("history unavailable: {0}")]
    History(#[from] GateError),
    /// The state store failed.
    #[error("state store: {0}")]
    State(#[from] StateError),
}

impl From<StoreError> for JudgeError {
    fn from(e: StoreError) -> Self {
        JudgeError::State(StateError::Store(e))
    }
}

/// What judging one wallet decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// The bot-filter verdict.
    pub classification: Classification,
    /// The quality report (the leader's own results: shown, not what decides).
    pub quality: QualityReport,
    /// The copyable edge (people only).
    pub edge: Option<EdgeScore>,
    /// Where the wallet stands now.
    pub status: TraderStatus,
}

/// How far back the bot filter reads a candidate's trades at least (more when the selection's
/// training window is longer).
const HISTORY_WINDOW: Span = Span::days(30);

mod edge;
pub use edge::{booked_records, measure, tape};

/// The Lambda handler: a batch of candidates.
pub async fn handle(event: LambdaEvent<SqsEvent>, deps: &BotFilterDeps) -> Result<SqsBatchResponse, MissingMessageId> {
    for_each_message(&event.payload, Delivery::Standard, async |body| judge(deps, &parse_candidate(body)?).await.map(|_| ())).await
}

/// Parses a candidates-queue body.
pub fn parse_candidate(body: Option<&str>) -> Result<Candidate, JudgeError> {
    let body = body.ok_or_else(|| JudgeError::BadMessage("message has no body".into()))?;
    serde_json::from_str(body).map_err(|e| JudgeError::BadMessage(format!("not a candidate: {e}")))
}

/// An unknown wallet's history is empty; every other failure stays a failure.
fn or_none<T>(result: Result<Vec<T>, GateError>) -> Result<Vec<T>, GateError> {
    match result {
        Err(GateError::Call(MarketError::NotFound { .. })) => Ok(Vec::new()),
        other => other,
    }
}

/// Judges one wallet and updates its profile and the followed set.
pub async fn judge(deps: &BotFilterDeps, c: &Candidate) -> Result<Judgement, JudgeError> {
    let cfg = &deps.config;
    let now = deps.clock.now();
    let mut gate = BreakerGate::read(deps, Dependency::DataApi, "bot-filter").await;
    // A wallet the venue does not know has no history: judged (insufficient data), not retried.
    let history = or_none(
        gate.call(deps, deps.market.wallet_trades(&c.wallet, Some(now - history_window(cfg)), cfg.discovery.history_limit as usize)).await,
    );
    let (trades, classification) = match history {
        Ok(trades) => {
            let mut classification = classify_wallet(&c.wallet, &trades, &cfg.bot_filter);
            // A wallet that trades like a person on its own history (or whose history is too
            // thin to clear it): are its trades what a few other wallets traded seconds before
            // (a copy bot)? The markets' trades around some of its orders tell.
            if wants_tape(&classification, &cfg.bot_filter) {
                let tape = edge::tape(deps, &mut gate, &c.wallet, &trades).await?;
                classification = classify_wallet_with_tape(&c.wallet, &trades, &tape, &cfg.bot_filter);
            }
            (trades, classification)
        }
        // More trades in the window than we read: judged (a machine), not retried into the DLQ.
        Err(GateError::Call(MarketError::TooMuch { bound, .. })) => (Vec::new(), too_busy_to_read(&c.wallet, bound)),
        Err(e) => return Err(e.into()),
    };
    // Positions only weigh a human's results: a bot costs no positions request.
    let positions = if classification.verdict == Verdict::Human {
        or_none(gate.call(deps, deps.market.wallet_positions(&c.wallet)).await)?
    } else {
        vec![]
    };
    let quality = assess_leader(&trades, &positions, &cfg.quality);
    // The copyable edge: the training window replayed through the copier's decision path; for a
    // followed leader, our own booked copies since we followed it replace the replay's markets
    // and alone decide a drop on results.
    let mut edge = None;
    let mut dropped_on_results = None;
    if classification.verdict == Verdict::Human {
        let from = now - Span::days(i64::from(cfg.selection.training_days));
        let measured = edge::measure(deps, &mut gate, &c.wallet, &trades, quality.stats.roi, from, now).await?;
        for why in &measured.skipped {
            tracing::info!(wallet = %c.wallet, "{why}");
        }
        let followed = load::<LeaderSet>(deps.store.as_ref(), &keys::leaders()).await?.and_then(|s| s.value.get(&c.wallet).cloned());
        let score = match followed {
            Some(leader) => {
                let booked = edge::booked_records(deps, &c.wallet, leader.since).await?;
                let balance = cfg.trading.starting_balance;
                dropped_on_results = drop_on_results(&copyable_edge(&booked, balance, &cfg.selection), &cfg.selection);
                copyable_edge(&copycat_backtest::with_booked(measured.records, &booked), cfg.selection.scoring_balance, &cfg.selection)
            }
            None => measured.edge,
        };
        edge = Some(score);
    }
    let verdict = judge_copyable(&classification, edge.as_ref(), dropped_on_results, &cfg.selection);
    if classification.verdict == Verdict::Bot {
        deps.metrics.count("BotRejected", 1, &[]);
    }
    let score = edge.as_ref().map_or(0.0, |e| e.score);

    // The followed set: one record, so the cap holds when several bot filters run at once.
    let mut change = FollowChange { set: None, status: TraderStatus::Rejected, newly_followed: false, dropped: vec![] };
    update_with_retry::<LeaderSet, _>(deps.store.as_ref(), &keys::leaders(), |current| {
        change = follow_change(&cfg.copy, &current.cloned().unwrap_or_default(), &c.wallet, &verdict, score, quality.stats.roi, now);
        change.set.clone()
    })
    .await?;
    let FollowChange { status, newly_followed, dropped, .. } = change;
    let reasons = verdict.reasons;

    let profile = TraderProfile {
        wallet: c.wallet.clone(),
        status,
        verdict: classification.verdict.into(),
        bot_kind: classification.kind,
        bot_score: classification.score,
        quality_score: quality.score,
        roi: quality.stats.roi,
        reasons: reasons.clone(),
        judged_at: now,
    };
    update_with_retry::<TraderProfile, _>(deps.store.as_ref(), &keys::trader(&c.wallet), |_| Some(profile.clone())).await?;
    for (w, why) in &dropped {
        if w != &c.wallet {
            update_with_retry::<TraderProfile, _>(deps.store.as_ref(), &keys::trader(w), |cur| {
                cur.map(|p| TraderProfile { status: TraderStatus::Dropped, reasons: why.clone(), ..p.clone() })
            })
            .await?;
        }
        notify(deps, &format!("{w}|{now}"), now, Event::LeaderDropped { wallet: w.clone(), reasons: why.clone() }).await;
    }
    if newly_followed {
        deps.metrics.count("LeaderFollowed", 1, &[]);
        notify(deps, &format!("{}|{now}", c.wallet), now, Event::LeaderFollowed { wallet: c.wallet.clone(), score, reasons }).await;
    }
    if c.source == CandidateSource::Rejudge && status == TraderStatus::Dropped {
        deps.metrics.count("LeaderDropped", 1, &[]);
    }
    Ok(Judgement { classification, quality, edge, status })
}

fn history_window(cfg: &copycat_core::Config) -> Span {
    let training = Span::days(i64::from(cfg.selection.training_days));
    if training > HISTORY_WINDOW { training } else { HISTORY_WINDOW }
}
