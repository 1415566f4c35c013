//! Measuring a candidate's copyable edge: its trades over the training window replayed through
//! the copier's own decision path ([`copycat_backtest::replay`]) against the market's trades
//! after each copy would have arrived ([`TradesVenue`]), plus, for a followed leader, what our
//! own booked copies of it made (which replace the replay's figures for the same markets).

use crate::{BotFilterDeps, JudgeError};
use copycat_backtest::{ReplayLeader, ReplayOptions, TradesVenue, TradesVenueData, replay};
use copycat_core::Config;
use copycat_core::dependency::Dependency;
use copycat_core::edge::{CopyRecord, EdgeScore, copyable_edge};
use copycat_core::money::{Price, Usd};
use copycat_core::policy::allocation_for_rank;
use copycat_core::ports::MarketError;
use copycat_core::records::{Leader, LedgerEntry, Position, SignalOutcome, keys};
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::{Side, Trade, Wallet};
use copycat_state::{BreakerGate, GateError, decode, load};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Most market trades read per window around one copy.
const TRADES_PER_WINDOW: usize = 50;

/// The config a candidate is scored under: the production config with the scoring account as
/// the starting balance (so the venue minimum does not hide a small-staked leader's edge).
pub fn scoring_config(config: &Config) -> Config {
    let mut c = config.clone();
    c.trading.starting_balance = config.selection.scoring_balance;
    c
}

/// The replay behind a candidate's score: what would copying `wallet`'s `trades` (oldest
/// first; those before `from` only count toward what the leader held) from `from` to `to` have
/// made, in the scoring account.
pub struct Measured {
    /// Per market, replayed (and, for a followed leader, booked) results.
    pub records: Vec<CopyRecord>,
    /// The score over `records`.
    pub edge: EdgeScore,
    /// Trades or markets left out, each with why.
    pub skipped: Vec<String>,
}

/// Replays `trades` through the copier's decision path on a venue built from `deps.market`.
pub async fn measure(
    deps: &BotFilterDeps,
    data_gate: &mut BreakerGate,
    wallet: &Wallet,
    trades: &[Trade],
    roi: f64,
    from: Timestamp,
    to: Timestamp,
) -> Result<Measured, JudgeError> {
    let cfg = &deps.config;
    let sel = &cfg.selection;
    let latency = Span::milliseconds(sel.latency_ms());
    let window = Span::seconds(sel.fill_window_secs);
    let in_window: Vec<&Trade> = trades.iter().filter(|t| t.timestamp >= from && t.timestamp < to).collect();
    let mut data = TradesVenueData::default();
    let mut skipped = Vec::new();

    // Markets, once each, through the Gamma breaker. An unknown market is skipped and said.
    let mut gamma = BreakerGate::read(deps, Dependency::Gamma, "bot-filter").await;
    let tokens: BTreeSet<&str> = in_window.iter().map(|t| t.asset.as_str()).collect();
    for token in tokens {
        match gamma.call(deps, deps.market.market_by_token(token)).await {
            Ok(info) => data.add_market(info, None),
            Err(GateError::Call(MarketError::NotFound { .. })) => {
                skipped.push(format!("token {token}: no market the venue knows"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    // The market's trades just after each copy would have arrived: merged windows per market.
    let mut windows: BTreeMap<&str, Vec<(Timestamp, Timestamp)>> = BTreeMap::new();
    for t in &in_window {
        if data.knows(&t.asset) {
            let (a, b) = (t.timestamp, t.timestamp + latency + window);
            let w = windows.entry(t.condition_id.as_str()).or_default();
            match w.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => w.push((a, b)),
            }
        }
    }
    for (condition, spans) in windows {
        for (a, b) in spans {
            let rows = data_gate.call(deps, deps.market.market_trades(condition, a, b.min(to), TRADES_PER_WINDOW)).await;
            match rows {
                Ok(rows) => data.add_trades(&rows),
                Err(GateError::Call(MarketError::NotFound { .. })) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    // The leader's own trades price the book and the marks between others' trades.
    data.add_trades(trades);

    let venue = TradesVenue::new(data, Decimal::from_f64_retain(sel.half_spread).unwrap_or_default().round_dp(4), window);
    let config = scoring_config(cfg);
    let leader =
        Leader { wallet: wallet.clone(), score: 0.0, roi, allocation: allocation_for_rank(&cfg.copy, 1), since: from, judged_at: to };
    let opts = ReplayOptions { from, to, latency, mode_every: Span::seconds(sel.replay_mode_every_secs), record_decisions: false };
    let report = replay(&venue, &[ReplayLeader { leader, trades: trades.to_vec() }], &config, &opts);
    skipped.extend(report.skipped.iter().cloned());
    let records = report.leaders.into_iter().next().map(|l| l.records).unwrap_or_default();
    let edge = copyable_edge(&records, config.trading.starting_balance, sel);
    Ok(Measured { records, edge, skipped })
}

/// What our own copies of `wallet` made, per market, from the ledger: money paid and raised,
/// and what is still held valued at the position's mark (or at settlement once resolved).
pub async fn booked_records(deps: &BotFilterDeps, wallet: &Wallet, since: Timestamp) -> Result<Vec<CopyRecord>, JudgeError> {
    #[derive(Default)]
    struct Tok {
        condition: String,
        shares: Decimal,
        cost: Decimal,
        proceeds: Decimal,
        last_price: Decimal,
        opened_at: Option<Timestamp>,
    }
    let ledger = deps.store.query(keys::LEDGER_PK, "").await?;
    let mut per_token: HashMap<String, Tok> = HashMap::new();
    for rec in &ledger {
        let Ok(e) = decode::<LedgerEntry>(rec) else { continue };
        let e = e.value;
        if &e.leader != wallet || e.at < since {
            continue;
        }
        let SignalOutcome::Copied { fill, side } = e.outcome else { continue };
        let t = per_token.entry(e.token_id.clone()).or_default();
        t.opened_at.get_or_insert(e.at);
        t.last_price = fill.avg_price.0;
        match side {
            Side::Buy => {
                t.shares += fill.shares.0;
                t.cost += fill.shares.0 * fill.avg_price.0 + fill.fee.0;
            }
            Side::Sell => {
                t.shares = (t.shares - fill.shares.0).max(Decimal::ZERO);
                t.proceeds += fill.shares.0 * fill.avg_price.0 - fill.fee.0;
            }
        }
    }
    let mut gamma = BreakerGate::read(deps, Dependency::Gamma, "bot-filter").await;
    let mut per_market: BTreeMap<String, CopyRecord> = BTreeMap::new();
    for (token, mut t) in per_token {
        let mut closed = t.shares.is_zero();
        let mut value = Decimal::ZERO;
        if !closed {
            let market = gamma.call(deps, deps.market.market_by_token(&token)).await;
            let settled = market.as_ref().ok().and_then(|m| m.settlement_price(&token));
            t.condition = market.as_ref().map(|m| m.condition_id.clone()).unwrap_or_default();
            value = match settled {
                Some(Price(p)) => {
                    closed = true;
                    t.shares * p
                }
                None => match load::<Position>(deps.store.as_ref(), &keys::position(&token)).await? {
                    Some(p) => t.shares * p.value.mark.0,
                    None => t.shares * t.last_price,
                },
            };
        }
        if t.condition.is_empty() {
            t.condition = format!("token {token}");
        }
        let e = per_market.entry(t.condition.clone()).or_insert_with(|| CopyRecord {
            condition_id: t.condition.clone(),
            cost: Usd::ZERO,
            pnl: Usd::ZERO,
            opened_at: t.opened_at.unwrap_or(since),
            closed: true,
        });
        e.cost += Usd(t.cost.round_dp(6));
        e.pnl += Usd((t.proceeds + value - t.cost).round_dp(6));
        e.closed &= closed;
    }
    Ok(per_market.into_values().collect())
}

/// The replayed records with our booked results in their place for the markets we copied.
pub fn with_booked(replayed: Vec<CopyRecord>, booked: &[CopyRecord]) -> Vec<CopyRecord> {
    let ours: BTreeSet<&str> = booked.iter().map(|r| r.condition_id.as_str()).collect();
    let mut out: Vec<CopyRecord> = replayed.into_iter().filter(|r| !ours.contains(r.condition_id.as_str())).collect();
    out.extend(booked.iter().cloned());
    out
}
