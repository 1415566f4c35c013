//! discovery: finds wallets worth judging and queues them for the bot filter.
//!
//! Candidates come from the configured leaderboard windows plus the configured seed wallets;
//! wallets already judged are skipped. Followed leaders due to be judged again are re-queued.

use copycat_core::Wallet;
use copycat_core::dependency::Dependency;
use copycat_core::events::{Candidate, CandidateSource};
use copycat_core::message::OutMessage;
use copycat_core::policy::due_for_rejudge;
use copycat_core::ports::MarketData;
use copycat_core::ports::{QueueError, StoreError};
use copycat_core::queues::Candidates;
use copycat_core::records::{LeaderSet, keys};
use copycat_state::{BreakerGate, GateError, Reporting, Sender, load};
use lambda_runtime::{Diagnostic, LambdaEvent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What discovery may use: the leaderboard (market data) and the candidates queue, besides what
/// every reporting function has. It places no orders and queues no signals.
#[derive(Clone)]
pub struct DiscoveryDeps {
    /// Config, store, clock, metrics, notifications.
    pub reporting: Reporting,
    /// Leaderboards.
    pub market: Arc<dyn MarketData>,
    /// Where candidates go.
    pub candidates: Sender<Candidates>,
}

copycat_state::function_deps!(DiscoveryDeps, sends [Candidates, Notifications]);

/// The schedule's input (SAM `ScheduleV2` `Input`, `{}`); nothing is required. Also taken as the
/// `detail` of an EventBridge event (see [`copycat_core::schedule`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value")]
pub struct DiscoveryInput {}

/// The fields the function takes: none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscoveryInputFields {}

impl TryFrom<serde_json::Value> for DiscoveryInput {
    type Error = copycat_core::schedule::ScheduleInputError;
    fn try_from(payload: serde_json::Value) -> Result<Self, Self::Error> {
        let DiscoveryInputFields {} = copycat_core::schedule::schedule_input(payload)?;
        Ok(DiscoveryInput {})
    }
}

/// What a discovery run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscoveryReport {
    /// Distinct wallets seen on leaderboards and in seeds.
    pub wallets_seen: u32,
    /// New candidates queued.
    pub candidates_queued: u32,
    /// Skipped because already judged.
    pub already_known: u32,
    /// Followed leaders re-queued for judging.
    pub rejudge_queued: u32,
    /// Leaderboard windows that could not be read.
    pub windows_failed: u32,
}

/// A discovery failure that fails the invocation (a retry is safe: nothing is judged twice).
#[derive(Debug, thiserror::Error)]
pub enum DiscoveryError {
    /// The state store failed.
    #[error("state store: {0}")]
    Store(#[from] StoreError),
    /// The candidates queue could not be reached.
    #[error("candidates queue: {0}")]
    Queue(#[from] QueueError),
    /// The queue took the batch but refused some entries.
    #[error("{failed} candidates not queued: {first_reason}")]
    NotQueued {
        /// How many entries failed.
        failed: usize,
        /// The first failure's reason.
        first_reason: String,
    },
}

impl From<DiscoveryError> for Diagnostic {
    fn from(e: DiscoveryError) -> Diagnostic {
        let t = match e {
            DiscoveryError::Store(_) => "DiscoveryError::Store",
            DiscoveryError::Queue(_) => "DiscoveryError::Queue",
            DiscoveryError::NotQueued { .. } => "DiscoveryError::NotQueued",
        };
        Diagnostic { error_type: t.into(), error_message: e.to_string() }
    }
}

/// The Lambda handler.
pub async fn handle(_event: LambdaEvent<DiscoveryInput>, deps: &DiscoveryDeps) -> Result<DiscoveryReport, DiscoveryError> {
    run_discovery(deps).await
}

/// One discovery pass.
pub async fn run_discovery(deps: &DiscoveryDeps) -> Result<DiscoveryReport, DiscoveryError> {
    let cfg = &deps.config.discovery;
    let now = deps.clock.now();
    let mut report = DiscoveryReport::default();
    let mut gate = BreakerGate::read(deps, Dependency::DataApi, "discovery").await;
    let mut found: Vec<(Wallet, CandidateSource)> = Vec::new();
    let mut seen = BTreeSet::new();
    for window in &cfg.windows {
        match gate.call(deps, deps.market.leaderboard(*window, cfg.per_window as usize)).await {
            Ok(rows) => {
                for row in rows {
                    if seen.insert(row.wallet.clone()) {
                        found.push((row.wallet, CandidateSource::Leaderboard(window.as_str().into())));
                    }
                }
            }
            Err(GateError::Open { .. }) | Err(GateError::Call(_)) => report.windows_failed += 1,
        }
    }
    for s in &cfg.seed_wallets {
        // validated at config load; a bad one cannot reach here
        if let Ok(w) = Wallet::parse(s)
            && seen.insert(w.clone())
        {
            found.push((w, CandidateSource::Seed));
        }
    }
    report.wallets_seen = found.len() as u32;

    // Skip wallets already judged (or already queued): one batched read per 100.
    let mut fresh = Vec::new();
    for chunk in found.chunks(100) {
        let ks: Vec<_> = chunk.iter().map(|(w, _)| keys::trader(w)).collect();
        let recs = deps.store.get_many(&ks).await?;
        for ((w, src), rec) in chunk.iter().zip(recs) {
            if rec.is_some() {
                report.already_known += 1;
            } else {
                fresh.push(Candidate { wallet: w.clone(), source: src.clone(), discovered_at: now });
            }
        }
    }

    let leaders = load::<LeaderSet>(deps.store.as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
    let rejudge: Vec<Candidate> = due_for_rejudge(&deps.config.quality, &leaders, now)
        .into_iter()
        .map(|l| Candidate { wallet: l.wallet.clone(), source: CandidateSource::Rejudge, discovered_at: now })
        .collect();
    report.rejudge_queued = rejudge.len() as u32;
    report.candidates_queued = fresh.len() as u32;

    let messages: Vec<OutMessage> =
        fresh.iter().chain(&rejudge).map(|c| OutMessage::standard(serde_json::to_string(c).unwrap_or_default())).collect();
    let failures = deps.candidates.send_all(messages).await?;
    if let Some(first) = failures.first() {
        return Err(DiscoveryError::NotQueued { failed: failures.len(), first_reason: first.reason.clone() });
    }
    // Mark the new ones as candidates so the next run does not queue them again (after the
    // send: a crash in between only means a wallet is judged twice, never skipped).
    for c in &fresh {
        let profile = copycat_core::records::TraderProfile {
            wallet: c.wallet.clone(),
            status: copycat_core::records::TraderStatus::Candidate,
            verdict: copycat_core::records::TraderVerdict::Pending,
            bot_kind: None,
            bot_score: 0.0,
            quality_score: 0.0,
            roi: 0.0,
            reasons: vec![],
            judged_at: now,
        };
        match copycat_state::put_new(deps.store.as_ref(), &keys::trader(&c.wallet), &profile, None).await {
            Ok(_) => {}
            Err(e) if e.is_conflict() => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(report)
}
