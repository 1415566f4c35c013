//! `copycat backtest` on the venue: real wallets' trades from the Data API, markets from Gamma,
//! and the markets' own trades after each copy (the trades-based fill model), every answer
//! cached in an embedded database so a re-run of the same window is offline.

use crate::CliError;
use crate::backtest::{BacktestArgs, Output, print_report};
use crate::progress::Progress;
use async_trait::async_trait;
use copycat_backtest::{History, ReplayLeader, ReplayOptions, TradesVenue, each_and_together, gather};
use copycat_core::Config;
use copycat_core::market::{MarketInfo, WalletPosition};
use copycat_core::policy::allocation_for_rank;
use copycat_core::ports::{MarketData, MarketError, StateStore};
use copycat_core::quality::assess_leader;
use copycat_core::records::{Leader, LeaderSet, keys};
use copycat_core::store::Key;
use copycat_core::time::{Clock, Span, SystemClock, Timestamp, from_secs};
use copycat_core::trade::{Trade, Wallet};
use copycat_polymarket::PolymarketClient;
use copycat_state::load;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::sync::Arc;

/// Partition of the cache records in the backtest database.
const CACHE_PK: &str = "BACKTEST_CACHE";

/// Answers from the venue, cached by what was asked: a second run of the same window asks
/// nothing. A failure is not cached; it is returned for the caller to name and skip.
struct Cache {
    store: Arc<dyn StateStore>,
    market: Arc<dyn MarketData>,
    fetched: u64,
    cached: u64,
}

impl Cache {
    async fn get<T, F>(&mut self, key: String, fetch: F) -> Result<T, String>
    where
        T: Serialize + DeserializeOwned,
        F: Future<Output = Result<T, MarketError>>,
    {
        let k = Key::new(CACHE_PK, key);
        if let Ok(Some(hit)) = load::<T>(self.store.as_ref(), &k).await {
            self.cached += 1;
            return Ok(hit.value);
        }
        let value = fetch.await.map_err(|e| e.to_string())?;
        self.fetched += 1;
        let body = serde_json::to_value(&value).map_err(|e| format!("cannot cache the answer: {e}"))?;
        // This run uses the answer as the cache holds it, so a re-run replays the same data.
        let kept: T = serde_json::from_value(body.clone()).map_err(|e| format!("the cached answer does not read back: {e}"))?;
        match self.store.put_if_absent(&k, body, None).await {
            Ok(_) => {}
            Err(e) if e.is_conflict() => {}
            Err(e) => return Err(format!("cannot write the cache: {e}")),
        }
        Ok(kept)
    }
}

/// The venue's history for the fill model, through the cache; a market or window that cannot be
/// read is named in `skipped` and left out, so the others go on.
struct CachedHistory<'a> {
    cache: &'a mut Cache,
    skipped: &'a mut Vec<String>,
}

#[async_trait]
impl History for CachedHistory<'_> {
    type Error = std::convert::Infallible;

    async fn market(&mut self, token_id: &str) -> Result<Option<MarketInfo>, Self::Error> {
        let market = self.cache.market.clone();
        let r = self
            .cache
            .get(format!("market#{token_id}"), async move {
                match market.market_by_token(token_id).await {
                    Ok(m) => Ok(Some(m)),
                    Err(MarketError::NotFound { .. }) => Ok(None),
                    Err(e) => Err(e),
                }
            })
            .await;
        Ok(r.unwrap_or_else(|e| {
            self.skipped.push(format!("token {token_id}: its market could not be read: {e}"));
            None
        }))
    }

    async fn market_trades(&mut self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, Self::Error> {
        let market = self.cache.market.clone();
        let key = format!("market_trades#{condition_id}#{}#{}#{limit}", from.timestamp_millis(), to.timestamp_millis());
        let r = self.cache.get(key, async move { market.market_trades(condition_id, from, to, limit).await }).await;
        Ok(r.unwrap_or_else(|e| {
            self.skipped.push(format!(
                "market {condition_id}: trades around {} could not be read ({e}); copies there price at the spread",
                from.format("%Y-%m-%d %H:%M")
            ));
            Vec::new()
        }))
    }
}

/// Runs `copycat backtest` against the venue.
pub async fn run(config: &Config, args: &BacktestArgs) -> Result<(), CliError> {
    config.validate()?;
    let mut venue = config.venue.clone();
    for (flag, slot) in
        [(&args.data_api_url, &mut venue.data_api_url), (&args.gamma_url, &mut venue.gamma_url), (&args.clob_url, &mut venue.clob_url)]
    {
        if let Some(url) = flag {
            *slot = url.clone();
        }
    }
    let client: Arc<dyn MarketData> = Arc::new(PolymarketClient::from_config(&venue)?);
    // The window ends on the hour (or at --until), so a re-run within the hour reads the cache.
    let until = match args.until {
        Some(secs) => from_secs(secs),
        None => from_secs(SystemClock.now().timestamp().div_euclid(3600) * 3600),
    };
    let from = until - Span::days(i64::from(args.days));
    let history_from = from - Span::days(i64::from(args.history_days.unwrap_or(config.selection.training_days)));
    let backend = copycat_local::open_backend(&args.cache, Arc::new(SystemClock))?;
    let mut cache = Cache { store: backend.store(), market: client.clone(), fetched: 0, cached: 0 };

    let mut wallets: Vec<Wallet> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for raw in &args.wallets {
        match Wallet::parse(raw) {
            Ok(w) if !wallets.contains(&w) => wallets.push(w),
            Ok(_) => {}
            Err(e) => skipped.push(format!("wallet {raw:?}: {e}")),
        }
    }
    if args.followed {
        if !args.db.exists() {
            return Err(CliError::Usage(format!("--followed: no state database at {}", args.db.display())));
        }
        let db = copycat_local::open_backend(&args.db, Arc::new(SystemClock))?;
        let set = load::<LeaderSet>(db.store().as_ref(), &keys::leaders()).await?.map(|v| v.value).unwrap_or_default();
        if set.leaders.is_empty() {
            skipped.push(format!("--followed: the followed set in {} is empty", args.db.display()));
        }
        for l in set.leaders {
            if !wallets.contains(&l.wallet) {
                wallets.push(l.wallet);
            }
        }
    }
    if args.candidates {
        // The leaderboards as of this window, cached with the rest as read (a window that
        // failed is named; when none could be read nothing is cached).
        let mut failed = Vec::new();
        let m = client.clone();
        let found = cache
            .get(format!("candidates#{}", until.timestamp()), async {
                let found = copycat_polymarket::discover::find_candidates(m.as_ref(), config).await;
                match found.failed_windows.into_iter().next() {
                    Some((window, e)) => {
                        failed.push(format!("leaderboard window `{window}`: {e}"));
                        if found.wallets.is_empty() { Err(e) } else { Ok(found.wallets.into_iter().map(|(w, _)| w).collect()) }
                    }
                    None => Ok(found.wallets.into_iter().map(|(w, _)| w).collect::<Vec<Wallet>>()),
                }
            })
            .await;
        skipped.extend(failed);
        match found {
            Ok(found) => {
                for w in found {
                    if !wallets.contains(&w) {
                        wallets.push(w);
                    }
                }
            }
            Err(e) => skipped.push(format!("--candidates: no leaderboard could be read: {e}")),
        }
    }

    // Each wallet's trades and positions (for the realised return the sizing starts from).
    let pb = Progress::new(Some(wallets.len() as u64), "fetching wallets");
    let mut leaders: Vec<ReplayLeader> = Vec::new();
    for (i, w) in wallets.iter().enumerate() {
        pb.set(i as u64);
        pb.set_message(&format!("fetching wallet {}", w.short()));
        let m = client.clone();
        let limit = config.discovery.history_limit as usize;
        let key = format!("trades#{w}#{}#{}", history_from.timestamp(), until.timestamp());
        let trades = match cache.get(key, async move { m.wallet_trades(w, Some(history_from), limit).await }).await {
            Ok(t) => t.into_iter().filter(|t: &Trade| t.timestamp < until).collect::<Vec<_>>(),
            Err(e) => {
                skipped.push(format!("wallet {w}: its trades could not be read: {e}"));
                continue;
            }
        };
        if !trades.iter().any(|t| t.timestamp >= from) {
            skipped.push(format!("wallet {w}: no trades in the replayed window"));
            continue;
        }
        let m = client.clone();
        let positions: Vec<WalletPosition> =
            match cache.get(format!("positions#{w}#{}", until.timestamp()), async move { m.wallet_positions(w).await }).await {
                Ok(p) => p,
                Err(e) => {
                    skipped.push(format!("wallet {w}: its positions could not be read ({e}); sized as if it had no realised return"));
                    Vec::new()
                }
            };
        let before: Vec<Trade> = trades.iter().filter(|t| t.timestamp < from).cloned().collect();
        let roi = assess_leader(&before, &positions, &config.quality).stats.roi;
        let rank = leaders.len() as u32 + 1;
        leaders.push(ReplayLeader {
            leader: Leader {
                wallet: w.clone(),
                score: 0.0,
                roi,
                allocation: allocation_for_rank(&config.copy, rank),
                since: from,
                judged_at: from,
            },
            trades,
        });
    }
    pb.finish();

    // The markets and their trades around every copy, then the replay.
    let in_window: Vec<&Trade> =
        leaders.iter().flat_map(|l| l.trades.iter()).filter(|t| t.timestamp >= from && t.timestamp < until).collect();
    let pb = Progress::new(None, "fetching markets and their trades");
    let (mut data, unknown) = {
        let mut history = CachedHistory { cache: &mut cache, skipped: &mut skipped };
        match gather(&mut history, &in_window, until, config).await {
            Ok(d) => d,
            Err(never) => match never {},
        }
    };
    pb.finish();
    skipped.extend(unknown);
    for l in &leaders {
        data.add_trades(&l.trades);
    }
    let sel = &config.selection;
    let venue = TradesVenue::new(
        data,
        Decimal::from_f64_retain(sel.half_spread).unwrap_or_default().round_dp(4),
        copycat_core::time::secs(sel.fill_window_secs),
    );
    let opts = ReplayOptions {
        detect_every: None,
        from,
        to: until,
        latency: sel.latency(),
        mode_every: copycat_core::time::secs(sel.replay_mode_every_secs),
        record_decisions: false,
    };
    let (alone, together) = each_and_together(|| venue.clone(), &leaders, config, &opts);
    skipped.extend(together.skipped.iter().cloned());
    let replayed: Vec<Wallet> = leaders.iter().map(|l| l.leader.wallet.clone()).collect();
    eprintln!("venue: {} answers fetched, {} from the cache {}", cache.fetched, cache.cached, args.cache.display());
    print_report(
        &Output { wallets: &replayed, alone: &alone, together: &together, skipped: &skipped, days: args.days, json: args.json },
        config,
    );
    crate::backtest::plot(args.plot.as_deref(), &together, args.days)?;
    if replayed.is_empty() {
        return Err(CliError::Incomplete("no wallet could be replayed (see the skipped lines)".into()));
    }
    Ok(())
}
