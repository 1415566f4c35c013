//! Measuring a candidate's copyable edge: its trades over the training window replayed through
//! the copier's own decision path ([`copycat_backtest::replay`]) against the market's trades
//! after each copy would have arrived ([`copycat_backtest::TradesVenue`]), plus, for a followed leader, what our
//! own booked copies of it made (which replace the replay's figures for the same markets).

use crate::{BotFilterDeps, JudgeError};
use async_trait::async_trait;
use copycat_backtest::{History, Measured, measure_edge, read_tape};
use copycat_core::botfilter::TapeWindow;
use copycat_core::dependency::Dependency;
use copycat_core::edge::CopyRecord;
use copycat_core::market::MarketInfo;
use copycat_core::money::{Price, Usd};
use copycat_core::ports::MarketError;
use copycat_core::records::{LedgerEntry, Position, SignalOutcome, keys};
use copycat_core::time::Timestamp;
use copycat_core::trade::{Side, Trade, Wallet};
use copycat_state::{BreakerGate, GateError, decode, load};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// The venue's history through the bot filter's breakers: markets through Gamma's (read when
/// a market is first asked for: reading only trades costs no Gamma breaker read), trades
/// through the Data API's. An unknown market or token is not a failure.
struct Gated<'a> {
    deps: &'a BotFilterDeps,
    gamma: Option<BreakerGate>,
    data: &'a mut BreakerGate,
}

#[async_trait]
impl History for Gated<'_> {
    type Error = JudgeError;

    async fn market(&mut self, token_id: &str) -> Result<Option<MarketInfo>, JudgeError> {
        if self.gamma.is_none() {
            self.gamma = Some(BreakerGate::read(self.deps, Dependency::Gamma, "bot-filter").await);
        }
        let gamma = self.gamma.as_mut().expect("read just above");
        match gamma.call(self.deps, self.deps.market.market_by_token(token_id)).await {
            Ok(m) => Ok(Some(m)),
            Err(GateError::Call(MarketError::NotFound { .. })) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn market_trades(&mut self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Result<Vec<Trade>, JudgeError> {
        match self.data.call(self.deps, self.deps.market.market_trades(condition_id, from, to, limit)).await {
            Ok(t) => Ok(t),
            Err(GateError::Call(MarketError::NotFound { .. })) => Ok(Vec::new()),
            Err(e) => Err(e.into()),
        }
    }
}

/// Measures a candidate's copyable edge (see [`copycat_backtest::measure_edge`]) through the
/// bot filter's breakers; `data_gate` is the Data API gate the caller already holds.
pub async fn measure(
    deps: &BotFilterDeps,
    data_gate: &mut BreakerGate,
    wallet: &Wallet,
    trades: &[Trade],
    roi: f64,
    from: Timestamp,
    to: Timestamp,
) -> Result<Measured, JudgeError> {
    let mut history = Gated { deps, gamma: None, data: data_gate };
    measure_edge(&mut history, wallet, trades, roi, from, to, &deps.config).await
}

/// Reads the markets' public trades around some of `wallet`'s orders (see
/// [`copycat_backtest::read_tape`]) through the Data API gate the caller holds.
pub async fn tape(
    deps: &BotFilterDeps,
    data_gate: &mut BreakerGate,
    wallet: &Wallet,
    trades: &[Trade],
) -> Result<Vec<TapeWindow>, JudgeError> {
    let mut history = Gated { deps, gamma: None, data: data_gate };
    read_tape(&mut history, wallet, trades, &deps.config.bot_filter).await
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
