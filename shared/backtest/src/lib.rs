//! copycat-backtest: what copying leaders would have earned a follower.
//!
//! [`replay`] feeds each leader trade, in time order and `latency` late, through the same
//! functions the signal copier uses — [`decide`] (risk checks, copy policy, sizing, venue
//! minimums), [`apply_fill`] for the booking, [`settle`] at resolution, [`next_mode`] for the
//! balance tiers — against a [`ReplayVenue`] that says what the market, the book and a fill
//! would have been when our order arrived. There is no second implementation of any rule.
//!
//! Two venues: [`TradesVenue`] prices a copy from the market's own trades after our arrival
//! (the live bot filter and `copycat backtest` on the venue use it: no historical books exist),
//! and the simulator's exact books (`copycat_sim::SimVenue`).

mod measure;
mod trades_venue;

pub use measure::{History, Measured, TRADES_PER_WINDOW, gather, measure_edge, read_tape, scoring_config, with_booked};
pub use trades_venue::{TradesVenue, TradesVenueData};

use copycat_core::Config;
use copycat_core::decision::{Decision, DecisionInput, decide};
use copycat_core::edge::CopyRecord;
use copycat_core::market::{Book, MarketInfo};
use copycat_core::mode::{PortfolioView, current_tier, initial_mode, next_mode};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::order::{CopyOrder, Fill};
use copycat_core::portfolio::{BookedFill, apply_fill, mark, roll_day, settle};
use copycat_core::ports::BrokerError;
use copycat_core::records::{Leader, PortfolioState, Position, RefusalReason};
use copycat_core::signal::keyed_trades;
use copycat_core::time::{Span, Timestamp};
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the market looked like when our order would have arrived.
pub trait ReplayVenue {
    /// The market of `token_id` as it stood at `at`, or why it is unknown (the message names
    /// the token or market).
    fn market_at(&self, token_id: &str, at: Timestamp) -> Result<MarketInfo, String>;
    /// The token's book at `at` (an empty book when none is known).
    fn book_at(&self, token_id: &str, at: Timestamp) -> Book;
    /// What `order` would have filled at `at`.
    fn fill(&self, order: &CopyOrder, at: Timestamp) -> Result<Fill, BrokerError>;
    /// When the token's market resolved and what the token paid, if it did.
    fn resolution(&self, token_id: &str) -> Option<(Timestamp, Price)>;
    /// The token's price at `at`, to mark what is still held (None: keep the last mark).
    fn mark_at(&self, token_id: &str, at: Timestamp) -> Option<Price>;
}

/// One leader to replay: its entry in the followed set (allocation, realised return for the
/// Kelly estimate) and its trades, oldest first (trades before the window only count toward
/// what the leader held).
#[derive(Clone, Debug)]
pub struct ReplayLeader {
    /// As the followed set would hold it.
    pub leader: Leader,
    /// Its trades, oldest first (the replay finds its window and the leader's holdings by time).
    pub trades: Vec<Trade>,
}

/// The window and the assumptions of a replay.
#[derive(Clone, Debug)]
pub struct ReplayOptions {
    /// First leader trade copied.
    pub from: Timestamp,
    /// End of the window (exclusive); what is still held is marked here.
    pub to: Timestamp,
    /// Leader's trade → our order at the venue (after `detect_every`'s wait, when set).
    pub latency: Span,
    /// Detection on a fixed grid from `from` (the poller's ticks): a trade is seen at the first
    /// tick at or after it, and `latency` runs from there. `None`: `latency` alone.
    pub detect_every: Option<Span>,
    /// How often the balance tiers are looked at and positions marked (the health check's
    /// cadence).
    pub mode_every: Span,
    /// Keep every signal's outcome in [`ReplayReport::decisions`].
    pub record_decisions: bool,
}

/// What became of one replayed signal (kept when [`ReplayOptions::record_decisions`] is set).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReplayDecision {
    /// The signal key, as the poller would have made it.
    pub key: String,
    /// Copied (`None`) or refused with this reason code.
    pub refused: Option<String>,
    /// Shares filled when copied.
    pub shares: Shares,
}

/// One leader's figures in a replay.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LeaderResult {
    /// The leader.
    pub wallet: Option<Wallet>,
    /// Leader trades in the window.
    pub signals: u32,
    /// Copies that filled.
    pub copies: u32,
    /// Refusals by reason code.
    pub refusals: BTreeMap<String, u32>,
    /// Dollars paid for copies, fees included.
    pub cost: Usd,
    /// Follower profit from this leader's copies (sales, settlements, marks).
    pub pnl: Usd,
    /// Mean of (our price − leader's price) / leader's price, buys and sells signed so that
    /// positive is worse for us.
    pub mean_slippage: f64,
    /// Per market: cost, profit, whether final.
    pub records: Vec<CopyRecord>,
}

impl LeaderResult {
    /// Copies / signals (0 when there were none).
    pub fn fill_rate(&self) -> f64 {
        if self.signals == 0 { 0.0 } else { f64::from(self.copies) / f64::from(self.signals) }
    }
    /// Profit per dollar copied.
    pub fn roi(&self) -> f64 {
        let c = self.cost.to_f64();
        if c > 0.0 { self.pnl.to_f64() / c } else { 0.0 }
    }
}

/// A whole replay: per leader, in total, the equity curve, and what was skipped.
#[derive(Clone, Debug, Serialize)]
pub struct ReplayReport {
    /// Per leader, in the order given.
    pub leaders: Vec<LeaderResult>,
    /// Starting equity.
    pub starting_balance: Usd,
    /// Equity at the end (cash + marked positions).
    pub final_equity: Usd,
    /// Largest fall of equity from its running peak, as a share of the peak.
    pub max_drawdown: f64,
    /// `(time, equity)` after every fill and settlement and at every mode check.
    pub equity_curve: Vec<(Timestamp, Usd)>,
    /// Mode transitions `(time, from, to)`.
    pub mode_changes: Vec<(Timestamp, String, String)>,
    /// Trades not replayed, each with why (unknown market, …).
    pub skipped: Vec<String>,
    /// Every signal's outcome, in time order (empty unless asked for).
    pub decisions: Vec<ReplayDecision>,
}

impl ReplayReport {
    /// Follower profit over the window.
    pub fn pnl(&self) -> Usd {
        self.final_equity - self.starting_balance
    }
    /// Profit over the starting balance.
    pub fn roi(&self) -> f64 {
        let s = self.starting_balance.to_f64();
        if s > 0.0 { self.pnl().to_f64() / s } else { 0.0 }
    }
    /// Copies that filled, all leaders.
    pub fn copies(&self) -> u32 {
        self.leaders.iter().map(|l| l.copies).sum()
    }
    /// Leader trades in the window, all leaders.
    pub fn signals(&self) -> u32 {
        self.leaders.iter().map(|l| l.signals).sum()
    }
    /// Refusals by reason, all leaders.
    pub fn refusals(&self) -> BTreeMap<String, u32> {
        let mut out = BTreeMap::new();
        for l in &self.leaders {
            for (k, v) in &l.refusals {
                *out.entry(k.clone()).or_default() += v;
            }
        }
        out
    }
}

/// Per (leader, token): what our copies of that leader hold, cost and raised.
#[derive(Clone, Debug, Default)]
struct TokenBook {
    condition_id: String,
    shares: Decimal,
    cost: Decimal,
    proceeds: Decimal,
    opened_at: Option<Timestamp>,
    mark: Decimal,
}

/// Replays `leaders` from one account of `config.trading.starting_balance`, the way the copier
/// would have copied them.
pub fn replay(venue: &dyn ReplayVenue, leaders: &[ReplayLeader], config: &Config, opts: &ReplayOptions) -> ReplayReport {
    let start = config.trading.starting_balance;
    let mut portfolio = PortfolioState::new(start, opts.from);
    let mut mode = initial_mode(&config.modes, start, opts.from);
    let mut positions: BTreeMap<String, Position> = BTreeMap::new();
    let mut settlements: BTreeMap<(Timestamp, String), Price> = BTreeMap::new();
    let mut results: Vec<LeaderResult> =
        leaders.iter().map(|l| LeaderResult { wallet: Some(l.leader.wallet.clone()), ..LeaderResult::default() }).collect();
    let mut books: Vec<BTreeMap<String, TokenBook>> = vec![BTreeMap::new(); leaders.len()];
    let mut slips: Vec<(f64, u32)> = vec![(0.0, 0); leaders.len()];
    let mut skipped = Vec::new();
    let mut curve = vec![(opts.from, start)];
    let mut mode_changes = Vec::new();
    let mut decisions = Vec::new();
    let mut decided = |key: &copycat_core::signal::SignalKey, refused: Option<String>, shares: Shares| {
        if opts.record_decisions {
            decisions.push(ReplayDecision { key: key.as_str().to_string(), refused, shares });
        }
    };

    // Every trade in the window with its leader and signal key, in time order. Fills of one
    // order are one trade, as the poller sees them (`merge_fills`); only the window's fills are
    // merged (the fills of one order share a timestamp, so the window never splits one), which
    // keeps a second copy of each leader's whole history out of memory.
    let mut events: Vec<(Timestamp, usize, usize)> = Vec::new();
    let mut keys = Vec::with_capacity(leaders.len());
    let mut merged = Vec::with_capacity(leaders.len());
    for (li, l) in leaders.iter().enumerate() {
        debug_assert!(l.trades.is_sorted_by_key(|t| t.timestamp), "{}: trades not oldest first", l.leader.wallet);
        let from = l.trades.partition_point(|t| t.timestamp < opts.from);
        let upto = from + l.trades[from..].partition_point(|t| t.timestamp < opts.to);
        let (trades, k) = keyed_trades(&l.trades[from..upto]);
        events.extend(trades.iter().enumerate().map(|(ti, t)| (t.timestamp, li, ti)));
        keys.push(k);
        merged.push(trades);
    }
    events.sort();
    // What each leader holds of each token as of the copy's arrival: the copier reads the
    // leader's open positions when it copies a sell and adds the sell back, so the replay does
    // the same from the trades up to that moment (the fills themselves: merging them changes
    // no sum).
    let mut held: Vec<BTreeMap<String, Decimal>> = vec![BTreeMap::new(); leaders.len()];
    let mut held_upto = vec![0usize; leaders.len()];

    let mut next_mode_check = opts.from;
    for &(ts, li, ti) in &events {
        let trade = &merged[li][ti];
        let arrival = seen_at(ts, opts) + opts.latency;
        settle_due(&mut settlements, arrival, &mut portfolio, &mut positions, &mut books, &mut curve);
        while next_mode_check <= arrival {
            // The health check rolls the day before it marks, so a day starts from the last
            // marks of the day before, as it does in production.
            roll_day(&mut portfolio, next_mode_check);
            remark(venue, next_mode_check, &mut portfolio, &mut positions, &mut books);
            curve.push((next_mode_check, portfolio.equity()));
            let view = PortfolioView { equity: portfolio.equity(), drawdown: portfolio.drawdown(), win_streak: portfolio.win_streak };
            if let Some(t) = next_mode(&config.modes, &mode, &view, next_mode_check) {
                mode_changes.push((next_mode_check, t.from, t.to));
                mode = t.next;
            }
            next_mode_check += opts.mode_every;
        }
        let own = &leaders[li].trades;
        while held_upto[li] < own.len() && own[held_upto[li]].timestamp <= arrival {
            let t = &own[held_upto[li]];
            *held[li].entry(t.asset.clone()).or_default() += signed(t);
            held_upto[li] += 1;
        }
        let now_held = held[li].get(&trade.asset).copied().unwrap_or_default().max(Decimal::ZERO);
        let result = &mut results[li];
        result.signals += 1;
        let market = match venue.market_at(&trade.asset, arrival) {
            Ok(m) => m,
            Err(why) => {
                skipped.push(format!("{} trade at {}: {why}", trade.wallet, ts.format("%Y-%m-%d %H:%M:%S")));
                *result.refusals.entry("unknown_market".into()).or_default() += 1;
                decided(&keys[li][ti], Some("unknown_market".into()), Shares::ZERO);
                continue;
            }
        };
        let book = venue.book_at(&trade.asset, arrival);
        roll_day(&mut portfolio, arrival);
        let position = positions.get(&trade.asset);
        let input = DecisionInput {
            key: &keys[li][ti],
            trade,
            now: arrival,
            stopped: false,
            open_breaker: None,
            leader: Some(&leaders[li].leader),
            market: &market,
            book: &book,
            portfolio: &portfolio,
            position,
            tier: current_tier(&config.modes, &mode),
            leader_held_before: (trade.side == Side::Sell && position.is_some()).then_some(Shares(now_held + trade.size.0)),
        };
        let intent = match decide(&input, config) {
            Decision::Refuse(r) => {
                *result.refusals.entry(r.reason.code()).or_default() += 1;
                decided(&keys[li][ti], Some(r.reason.code()), Shares::ZERO);
                continue;
            }
            Decision::Place(intent) => intent,
        };
        let fill = match venue.fill(&intent.order, arrival) {
            Ok(f) if f.shares.is_positive() => f,
            Ok(_) => {
                *result.refusals.entry(RefusalReason::NoLiquidity.code()).or_default() += 1;
                decided(&keys[li][ti], Some(RefusalReason::NoLiquidity.code()), Shares::ZERO);
                continue;
            }
            Err(e) => {
                *result.refusals.entry(broker_reason(&e)).or_default() += 1;
                decided(&keys[li][ti], Some(broker_reason(&e)), Shares::ZERO);
                continue;
            }
        };
        decided(&keys[li][ti], None, fill.shares);
        let (next_portfolio, next_position) = apply_fill(&portfolio, position, &BookedFill::of(trade, &fill, &market));
        portfolio = next_portfolio;
        let opened = !positions.contains_key(&trade.asset);
        match next_position {
            Some(p) => {
                positions.insert(trade.asset.clone(), p);
            }
            None => {
                positions.remove(&trade.asset);
            }
        }
        if opened && let Some((at, price)) = venue.resolution(&trade.asset) {
            settlements.insert((at.max(arrival), trade.asset.clone()), price);
        }
        result.copies += 1;
        let book = books[li].entry(trade.asset.clone()).or_insert_with(|| TokenBook {
            condition_id: market.condition_id.clone(),
            opened_at: Some(arrival),
            ..TokenBook::default()
        });
        let (px, lp) = (fill.avg_price.0, trade.price.0);
        match trade.side {
            Side::Buy => {
                book.shares += fill.shares.0;
                book.cost += fill.shares.0 * px + fill.fee.0;
            }
            Side::Sell => {
                book.shares = (book.shares - fill.shares.0).max(Decimal::ZERO);
                book.proceeds += fill.shares.0 * px - fill.fee.0;
            }
        }
        book.mark = px;
        if lp > Decimal::ZERO {
            let s = ((px - lp) / lp).to_f64().unwrap_or(0.0);
            let s = if trade.side == Side::Buy { s } else { -s };
            slips[li].0 += s;
            slips[li].1 += 1;
        }
        curve.push((arrival, portfolio.equity()));
    }
    settle_due(&mut settlements, opts.to, &mut portfolio, &mut positions, &mut books, &mut curve);
    remark(venue, opts.to, &mut portfolio, &mut positions, &mut books);
    curve.push((opts.to, portfolio.equity()));

    for (li, r) in results.iter_mut().enumerate() {
        let mut per_market: BTreeMap<String, CopyRecord> = BTreeMap::new();
        for b in books[li].values() {
            let value = b.shares * b.mark;
            let e = per_market.entry(b.condition_id.clone()).or_insert_with(|| CopyRecord {
                condition_id: b.condition_id.clone(),
                cost: Usd::ZERO,
                pnl: Usd::ZERO,
                opened_at: b.opened_at.unwrap_or(opts.from),
                closed: true,
            });
            e.cost += Usd(b.cost.round_dp(6));
            e.pnl += Usd((b.proceeds + value - b.cost).round_dp(6));
            e.closed &= b.shares.is_zero();
            if let Some(at) = b.opened_at {
                e.opened_at = e.opened_at.min(at);
            }
        }
        r.records = per_market.into_values().collect();
        r.cost = r.records.iter().map(|c| c.cost).sum();
        r.pnl = r.records.iter().map(|c| c.pnl).sum();
        r.mean_slippage = if slips[li].1 > 0 { slips[li].0 / f64::from(slips[li].1) } else { 0.0 };
    }
    ReplayReport {
        leaders: results,
        starting_balance: start,
        final_equity: portfolio.equity(),
        max_drawdown: max_drawdown(&curve),
        equity_curve: curve,
        mode_changes,
        skipped,
        decisions,
    }
}

fn signed(t: &Trade) -> Decimal {
    match t.side {
        Side::Buy => t.size.0,
        Side::Sell => -t.size.0,
    }
}

/// The refusal code the copier records for a broker error.
fn broker_reason(e: &BrokerError) -> String {
    match e {
        BrokerError::Unavailable(_) => "venue_unavailable".into(),
        BrokerError::Geoblocked { .. } => RefusalReason::VenueGeoblocked.code(),
        BrokerError::InsufficientFunds { .. } => RefusalReason::InsufficientFunds.code(),
        BrokerError::BelowMinimum { .. } => RefusalReason::BelowVenueMinimum.code(),
        BrokerError::Rejected { .. } => RefusalReason::VenueRejected.code(),
    }
}

/// Settles every position whose market resolved by `until`, as the health check does, and
/// credits the payout to the leaders whose copies held it.
fn settle_due(
    due: &mut BTreeMap<(Timestamp, String), Price>,
    until: Timestamp,
    portfolio: &mut PortfolioState,
    positions: &mut BTreeMap<String, Position>,
    books: &mut [BTreeMap<String, TokenBook>],
    curve: &mut Vec<(Timestamp, Usd)>,
) {
    while let Some(entry) = due.first_entry() {
        let (at, token) = entry.key().clone();
        if at > until {
            break;
        }
        let price = entry.remove();
        if let Some(pos) = positions.remove(&token) {
            *portfolio = settle(portfolio, &pos, price, at);
            curve.push((at, portfolio.equity()));
        }
        for b in books.iter_mut() {
            if let Some(tb) = b.get_mut(&token) {
                tb.proceeds += tb.shares * price.0;
                tb.shares = Decimal::ZERO;
                tb.mark = price.0;
            }
        }
    }
}

/// When a trade at `ts` is detected: at once, or at the next tick of `opts.detect_every`.
fn seen_at(ts: Timestamp, opts: &ReplayOptions) -> Timestamp {
    let Some(every) = opts.detect_every.filter(|e| *e > Span::zero()) else { return ts };
    let (since, step) = ((ts - opts.from).num_milliseconds(), every.num_milliseconds());
    if since <= 0 {
        return opts.from;
    }
    opts.from + copycat_core::time::millis(((since + step - 1) / step * step) as u64)
}

/// Marks every open position at the venue's price at `at`.
fn remark(
    venue: &dyn ReplayVenue,
    at: Timestamp,
    portfolio: &mut PortfolioState,
    positions: &mut BTreeMap<String, Position>,
    books: &mut [BTreeMap<String, TokenBook>],
) {
    for (token, pos) in positions.iter_mut() {
        if let Some(price) = venue.mark_at(token, at) {
            let (p, next) = mark(portfolio, pos, price, at);
            *portfolio = p;
            *pos = next;
            for b in books.iter_mut() {
                if let Some(tb) = b.get_mut(token) {
                    tb.mark = price.0;
                }
            }
        }
    }
}

/// Replays each leader alone in its own account (the per-leader figures, each at the top rank's
/// allocation) and all of them together in one (the total), each on a fresh venue from `venue`.
pub fn each_and_together<V: ReplayVenue>(
    venue: impl Fn() -> V,
    leaders: &[ReplayLeader],
    config: &Config,
    opts: &ReplayOptions,
) -> (Vec<ReplayReport>, ReplayReport) {
    let top = copycat_core::policy::allocation_for_rank(&config.copy, 1);
    let alone = leaders
        .iter()
        .map(|l| {
            let mut one = l.clone();
            one.leader.allocation = top;
            replay(&venue(), &[one], config, opts)
        })
        .collect();
    (alone, replay(&venue(), leaders, config, opts))
}

/// Largest fall of an equity curve from its running peak, as a share of the peak.
pub fn max_drawdown(curve: &[(Timestamp, Usd)]) -> f64 {
    let (mut peak, mut worst) = (f64::MIN, 0.0f64);
    for (_, e) in curve {
        let e = e.to_f64();
        peak = peak.max(e);
        if peak > 0.0 {
            worst = worst.max((peak - e) / peak);
        }
    }
    worst
}
