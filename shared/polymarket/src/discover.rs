//! Discovery for real: candidates from the leaderboard windows and the configured seed wallets,
//! each judged by the bot filter (and, for humans, the quality floor) from its paged recent
//! history and positions — many wallets at once, so the run is bounded by the venue's budgets,
//! not by round trips.

use copycat_backtest::{History, measure_edge, read_tape};
use copycat_core::botfilter::{Classification, Verdict, classify_wallet, classify_wallet_with_tape, too_busy_to_read, wants_tape};
use copycat_core::config::Config;
use copycat_core::edge::EdgeScore;
use copycat_core::events::CandidateSource;
use copycat_core::market::MarketInfo;
use copycat_core::market::WalletPosition;
use copycat_core::policy::{CandidateVerdict, judge_copyable};
use copycat_core::ports::{MarketData, MarketError};
use copycat_core::quality::{QualityReport, assess_leader};
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::{Trade, Wallet};
use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};

/// How far back a candidate's trades are read (the bot-filter handler reads the same window).
pub const HISTORY_WINDOW: Span = Span::days(30);

/// Candidates of one discovery pass, in the order found, each once.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    /// Wallets and where each came from.
    pub wallets: Vec<(Wallet, CandidateSource)>,
    /// Leaderboard windows that could not be read, with why.
    pub failed_windows: Vec<(String, MarketError)>,
}

/// Reads the configured leaderboard windows, then adds the seed wallets.
pub async fn find_candidates(market: &dyn MarketData, cfg: &Config) -> Candidates {
    let mut out = Candidates::default();
    let mut seen = BTreeSet::new();
    for window in &cfg.discovery.windows {
        match market.leaderboard(*window, cfg.discovery.per_window as usize).await {
            Ok(rows) => {
                for row in rows {
                    if seen.insert(row.wallet.clone()) {
                        out.wallets.push((row.wallet, CandidateSource::Leaderboard(window.as_str().into())));
                    }
                }
            }
            Err(e) => out.failed_windows.push((window.as_str().into(), e)),
        }
    }
    for s in &cfg.discovery.seed_wallets {
        if let Ok(w) = Wallet::parse(s)
            && seen.insert(w.clone())
        {
            out.wallets.push((w, CandidateSource::Seed));
        }
    }
    out
}

/// What judging one candidate found.
#[derive(Clone, Debug)]
pub struct Judged {
    /// The bot filter's verdict.
    pub classification: Classification,
    /// Trades read.
    pub trades: usize,
    /// The quality report (humans only: bots and thin histories need no positions read).
    pub quality: Option<QualityReport>,
    /// The copyable edge (humans only), as the bot filter measures it.
    pub edge: Option<EdgeScore>,
    /// The bot filter's verdict on following, with its reasons.
    pub verdict: CandidateVerdict,
}

impl Judged {
    /// Whether CopyCat would follow the wallet: the bot filter's own judgement
    /// (`copycat_core::policy::judge_copyable`: a human whose copyable edge passes).
    pub fn would_follow(&self) -> bool {
        self.verdict.passes
    }
}

/// The venue's history straight from the client (no breakers: this is a one-off command).
struct Direct<'a>(&'a dyn MarketData);

#[async_trait::async_trait]
impl History for Direct<'_> {
    type Error = MarketError;

    async fn market(&mut self, token_id: &str) -> Result<Option<MarketInfo>, MarketError> {
        match self.0.market_by_token(token_id).await {
            Ok(m) => Ok(Some(m)),
            Err(MarketError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn market_trades(&mut self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, MarketError> {
        match self.0.market_trades(condition_id, from, to, limit).await {
            Err(MarketError::NotFound { .. }) => Ok(Vec::new()),
            other => other,
        }
    }
}

/// Judges one wallet at `now`: its trades since `now − HISTORY_WINDOW` (paged, up to
/// `discovery.history_limit`), and its positions when the bot filter calls it human.
pub async fn judge(market: &dyn MarketData, wallet: &Wallet, cfg: &Config, now: Timestamp) -> Result<Judged, MarketError> {
    let trades = match market.wallet_trades(wallet, Some(now - HISTORY_WINDOW), cfg.discovery.history_limit as usize).await {
        Ok(t) => t,
        Err(MarketError::TooMuch { bound, .. }) => {
            let classification = too_busy_to_read(wallet, bound);
            let verdict = judge_copyable(&classification, None, None, &cfg.selection);
            return Ok(Judged { classification, trades: bound, quality: None, edge: None, verdict });
        }
        Err(e) => return Err(e),
    };
    let mut classification = classify_wallet(wallet, &trades, &cfg.bot_filter);
    // As the bot filter does: a person on its own history, or a thin history that could be
    // convicted, is checked for trailing others.
    if wants_tape(&classification, &cfg.bot_filter) {
        let tape = read_tape(&mut Direct(market), wallet, &trades, &cfg.bot_filter).await?;
        classification = classify_wallet_with_tape(wallet, &trades, &tape, &cfg.bot_filter);
    }
    let (quality, edge) = if classification.verdict == Verdict::Human {
        let positions: Vec<WalletPosition> = market.wallet_positions(wallet).await?;
        let quality = assess_leader(&trades, &positions, &cfg.quality);
        let from = now - Span::days(i64::from(cfg.selection.training_days));
        let measured = measure_edge(&mut Direct(market), wallet, &trades, quality.stats.roi, from, now, cfg).await?;
        (Some(quality), Some(measured.edge))
    } else {
        (None, None)
    };
    let verdict = judge_copyable(&classification, edge.as_ref(), None, &cfg.selection);
    Ok(Judged { classification, trades: trades.len(), quality, edge, verdict })
}

/// Judges every wallet with `concurrency` requests in flight; results in input order.
pub async fn judge_all(
    market: Arc<dyn MarketData>,
    wallets: Vec<Wallet>,
    cfg: Arc<Config>,
    now: Timestamp,
    concurrency: usize,
) -> Vec<(Wallet, Result<Judged, MarketError>)> {
    let n = wallets.len();
    let queue = Arc::new(Mutex::new(wallets.into_iter().enumerate().collect::<VecDeque<_>>()));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency.max(1).min(n.max(1)) {
        let (queue, market, cfg) = (queue.clone(), market.clone(), cfg.clone());
        workers.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                let Some((i, w)) = next else { return done };
                let r = judge(market.as_ref(), &w, &cfg, now).await;
                done.push((i, w, r));
            }
        });
    }
    let mut slots: Vec<Option<(Wallet, Result<Judged, MarketError>)>> = (0..n).map(|_| None).collect();
    while let Some(joined) = workers.join_next().await {
        if let Ok(done) = joined {
            for (i, w, r) in done {
                slots[i] = Some((w, r));
            }
        }
    }
    slots.into_iter().flatten().collect()
}
