//! A candidate's copyable edge from what the venue serves today: its trades over the training
//! window replayed through the copier's decision path against a [`TradesVenue`] built from the
//! markets' trades right after each copy would have arrived.

use crate::{ReplayLeader, ReplayOptions, TradesVenue, TradesVenueData, replay};
use async_trait::async_trait;
use copycat_core::Config;
use copycat_core::botfilter::{TapeWindow, tape_requests};
use copycat_core::edge::{CopyRecord, EdgeScore, copyable_edge};
use copycat_core::market::MarketInfo;
use copycat_core::policy::allocation_for_rank;
use copycat_core::records::Leader;
use copycat_core::time::Timestamp;
use copycat_core::trade::{Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Most market trades read per window around one copy.
pub const TRADES_PER_WINDOW: usize = 50;

/// Where a measurement reads the venue's history (the bot filter goes through its breakers;
/// `copycat discover` asks the client directly).
#[async_trait]
pub trait History: Send {
    /// A failure that stops the measurement.
    type Error: Send;
    /// The market of a token; `None` when the venue does not know it.
    async fn market(&mut self, token_id: &str) -> Result<Option<MarketInfo>, Self::Error>;
    /// Everyone's trades in a market with `from ≤ timestamp ≤ to`, oldest first, at most
    /// `limit` (empty for an unknown market).
    async fn market_trades(&mut self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, Self::Error>;
}

/// The config a candidate is scored under: the production config with the scoring account as
/// the starting balance (so the venue minimum does not hide a small-staked leader's edge).
pub fn scoring_config(config: &Config) -> Config {
    let mut c = config.clone();
    c.trading.starting_balance = config.selection.scoring_balance;
    c
}

/// A candidate's measured copyable edge.
#[derive(Clone, Debug)]
pub struct Measured {
    /// Per market, what copying it would have made.
    pub records: Vec<CopyRecord>,
    /// The score over `records`.
    pub edge: EdgeScore,
    /// Trades or markets left out, each with why.
    pub skipped: Vec<String>,
}

/// Replays `wallet`'s `trades` (oldest first; those before `from` only count toward what it
/// held) from `from` to `to` in the scoring account, as the copier would have copied them.
pub async fn measure_edge<H: History>(
    history: &mut H,
    wallet: &Wallet,
    trades: &[Trade],
    roi: f64,
    from: Timestamp,
    to: Timestamp,
    config: &Config,
) -> Result<Measured, H::Error> {
    let sel = &config.selection;
    let latency = sel.latency();
    let window = copycat_core::time::secs(sel.fill_window_secs);
    let in_window: Vec<&Trade> = trades.iter().filter(|t| t.timestamp >= from && t.timestamp < to).collect();
    let (mut data, mut skipped) = gather(history, &in_window, to, config).await?;
    // The leader's own trades price the book and the marks between others' trades.
    data.add_trades(trades);

    let venue = TradesVenue::new(data, Decimal::from_f64_retain(sel.half_spread).unwrap_or_default().round_dp(4), window);
    let scoring = scoring_config(config);
    let leader =
        Leader { wallet: wallet.clone(), score: 0.0, roi, allocation: allocation_for_rank(&config.copy, 1), since: from, judged_at: to };
    let opts = ReplayOptions {
        from,
        to,
        latency,
        detect_every: None,
        mode_every: copycat_core::time::secs(sel.replay_mode_every_secs),
        record_decisions: false,
    };
    let report = replay(&venue, &[ReplayLeader { leader, trades: trades.to_vec() }], &scoring, &opts);
    skipped.extend(report.skipped.iter().cloned());
    let records = report.leaders.into_iter().next().map(|l| l.records).unwrap_or_default();
    let edge = copyable_edge(&records, scoring.trading.starting_balance, sel);
    Ok(Measured { records, edge, skipped })
}

/// What a replay of `trades` on the venue needs: each traded token's market, and each market's
/// trades from a copy's arrival to `selection.fill_window_secs` after it (windows merged per
/// market, none past `to`). Unknown tokens are left out and named.
pub async fn gather<H: History>(
    history: &mut H,
    trades: &[&Trade],
    to: Timestamp,
    config: &Config,
) -> Result<(TradesVenueData, Vec<String>), H::Error> {
    let sel = &config.selection;
    let reach = sel.latency() + copycat_core::time::secs(sel.fill_window_secs);
    let mut data = TradesVenueData::default();
    let mut skipped = Vec::new();
    let tokens: BTreeSet<&str> = trades.iter().map(|t| t.asset.as_str()).collect();
    for token in tokens {
        match history.market(token).await? {
            Some(info) => data.add_market(info, None),
            None => skipped.push(format!("token {token}: in no market the venue knows")),
        }
    }
    // The largest buys get the windows the budget allows (they weigh most in the score); sells
    // follow what was bought, so they are priced too when their market's window covers them.
    let mut chosen: Vec<&&Trade> = trades.iter().filter(|t| data.knows(&t.asset)).collect();
    chosen.sort_by(|a, b| {
        let buy = |t: &Trade| t.side == copycat_core::trade::Side::Buy;
        buy(b).cmp(&buy(a)).then(b.notional().cmp(&a.notional())).then(a.timestamp.cmp(&b.timestamp))
    });
    let mut windows: BTreeMap<&str, Vec<(Timestamp, Timestamp)>> = BTreeMap::new();
    chosen.truncate(sel.max_trade_windows as usize);
    chosen.sort_by_key(|t| t.timestamp);
    for t in chosen {
        let (a, b) = (t.timestamp, t.timestamp + reach);
        let w = windows.entry(t.condition_id.as_str()).or_default();
        match w.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => w.push((a, b)),
        }
    }
    for (condition, spans) in windows {
        for (a, b) in spans {
            data.add_trades(&history.market_trades(condition, a, b.min(to), TRADES_PER_WINDOW).await?);
        }
    }
    Ok((data, skipped))
}

/// The markets' public trades around some of `wallet`'s orders, as the bot filter asks for
/// them ([`copycat_core::botfilter::tape_requests`]): what tells a copy bot, which trades what
/// a few other wallets traded seconds before.
pub async fn read_tape<H: History>(
    history: &mut H,
    wallet: &Wallet,
    trades: &[Trade],
    cfg: &copycat_core::config::BotFilterConfig,
) -> Result<Vec<TapeWindow>, H::Error> {
    let mut out = Vec::new();
    for request in tape_requests(wallet, trades, cfg) {
        let trades = history.market_trades(&request.condition_id, request.from, request.to, cfg.trail_window_limit as usize).await?;
        out.push(TapeWindow { request, trades });
    }
    Ok(out)
}

/// Replayed records with our booked results in their place for the markets we copied.
pub fn with_booked(replayed: Vec<CopyRecord>, booked: &[CopyRecord]) -> Vec<CopyRecord> {
    let ours: BTreeSet<&str> = booked.iter().map(|r| r.condition_id.as_str()).collect();
    let mut out: Vec<CopyRecord> = replayed.into_iter().filter(|r| !ours.contains(r.condition_id.as_str())).collect();
    out.extend(booked.iter().cloned());
    out
}
