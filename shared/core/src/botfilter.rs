//! Is this wallet a bot? Features of a wallet's trade history, combined into a score and a verdict.
//!
//! Every feature is computed on the history sorted by time, whatever order the rows arrived in
//! (the Data API returns newest first; the older design read gaps and "hold times" off that
//! order and got them wrong). Fills of one order — same transaction hash, or the same second,
//! token and side (a sweep through several price levels) — are collapsed into one order before
//! timing, size and frequency are judged, so a human sweeping a book is not "sub-second".
//!
//! Signs are combined as independent evidence (noisy-OR): each contributes `weight × strength`,
//! where strength grows from 0 at its threshold in [`BotFilterConfig`] to 1 well past it. One
//! sign crossing one threshold is not evidence of a bot: a bot verdict needs the score at the
//! threshold *and* at least `min_corroborating_signs` independent signs present — a person who
//! day-trades is in and out of markets within the hour but sleeps, picks sizes from a balance
//! and keeps no book; a maker quotes both sides with flat inventory and regular lots all day; a
//! resolution sniper enters markets at near-certain prices day and night (a person adding to a
//! position that became a favourite entered it lower); a copy bot buys at one fixed dollar
//! stake, or at its leaders' size scaled down and clamped to the venue minimum again and again,
//! in whatever market its leaders trade, at every hour (a person who always stakes the same
//! sleeps; a person awake at odd hours varies the stake); a TWAP or iceberg executor cuts
//! parent orders into child orders of one token at a repeating interval, often of one size (a
//! whale chunking an order by hand repeats the size, not the clock). Signs that measure the
//! same thing (two-sided trading within the hour and short holds; the spread of sizes, a fixed
//! dollar stake, runs of equal child orders and clamping to the minimum; gaps regular overall
//! and child orders at a repeating interval; the longest quiet run and the quietest night-long
//! stretch; orders in one narrow slot of the day on most days, as a job on a clock places them;
//! a share of orders at one exact size, as a resting clip is taken whole) are one sign, at the
//! stronger of its readings. A job working through its book leaves orders in several markets
//! seconds apart, which a person moving from page to page cannot. Only what a person
//! physically cannot do — sustained sub-second reactions, hundreds of orders a day, farming
//! dust, buying both outcomes in the same seconds, cutting parent after parent into child
//! orders at one interval, working through several markets within seconds run after run,
//! trading what a few other wallets traded seconds before window after window — may decide
//! alone, at full strength.
//!
//! A history too thin to judge (fewer than `min_trades` orders or `min_active_days` days) never
//! makes a person, but it can make a bot: from `min_trades_to_convict` orders on, signs scoring
//! `thin_history_bot_score` or more, or one decisive sign at full strength, convict it (a TWAP
//! executor or a copy bot started two days ago is already plain).
//!
//! A copy bot whose leaders are people trades like a person on its own history; the markets'
//! public trades around some of its orders ([`tape_requests`], [`classify_wallet_with_tape`])
//! show it: in most windows one of a few wallets traded the same token and side seconds
//! before, and seldom after (a maker busy in the market all the time is as often after).
//! [`wants_tape`] says when those trades are worth reading: for a person on its own history,
//! and for a thin history that could be convicted.

use crate::config::BotFilterConfig;
use crate::time::Timestamp;
use crate::trade::{Side, Trade, Wallet};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// What the filter concluded about a wallet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Trades like a person: may be followed if its quality passes.
    Human,
    /// Trades like a machine: never followed.
    Bot,
    /// Too little history to judge (fewer orders or active days than configured).
    InsufficientData,
}

/// Which bot behaviour weighed most in a bot verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotKind {
    /// Many orders a day, or sustained sub-second reactions.
    HighFrequency,
    /// Both sides of the same markets, repeatedly.
    MarketMaker,
    /// Short round trips: buys sold again within minutes.
    Scalper,
    /// Mostly trades under the micro-trade notional.
    MicroTrader,
    /// Activity in every hour of the day, no quiet stretch.
    AroundTheClock,
    /// Machine-regular gaps between orders.
    Metronome,
    /// Near-constant order sizes.
    FixedSize,
    /// Buys near-certain outcomes (priced 0.90 and up), as resolution snipers do.
    ResolutionSniper,
    /// Buys both outcomes of a market within seconds (arbitrage).
    Arbitrage,
    /// Orders in several markets within seconds, as a job working through its book does.
    Batch,
    /// Trades what other wallets traded seconds before (a copy bot).
    CopyBot,
    /// Trades within seconds after a rush of other trades, again and again (a program on a
    /// news, score or price feed).
    FeedLatency,
}

impl BotKind {
    /// The serialized spelling, e.g. `market_maker`.
    pub fn as_str(self) -> &'static str {
        match self {
            BotKind::HighFrequency => "high_frequency",
            BotKind::MarketMaker => "market_maker",
            BotKind::Scalper => "scalper",
            BotKind::MicroTrader => "micro_trader",
            BotKind::AroundTheClock => "around_the_clock",
            BotKind::Metronome => "metronome",
            BotKind::FixedSize => "fixed_size",
            BotKind::ResolutionSniper => "resolution_sniper",
            BotKind::Arbitrage => "arbitrage",
            BotKind::Batch => "batch",
            BotKind::CopyBot => "copy_bot",
            BotKind::FeedLatency => "feed_latency",
        }
    }
}

/// The measured features of one wallet's history (after sorting and collapsing fills into orders).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Trade rows (fills) seen.
    pub fills: usize,
    /// Orders after collapsing the fills of one token and side within one second.
    pub orders: usize,
    /// Distinct UTC calendar days with at least one order.
    pub active_days: u32,
    /// Days between the first and the last order.
    pub span_days: f64,
    /// Orders per active day.
    pub trades_per_active_day: f64,
    /// Median gap between consecutive orders, seconds.
    pub median_gap_secs: Option<f64>,
    /// Coefficient of variation (std / mean) of gaps between consecutive orders.
    pub gap_cv: Option<f64>,
    /// Gaps of zero seconds between different orders (sub-second at Data API resolution).
    pub subsecond_gaps: usize,
    /// Share of gaps between orders that are zero seconds.
    pub subsecond_share: f64,
    /// Hours of the day (UTC, of 24) with at least one order.
    pub active_hours: u32,
    /// Longest run of consecutive quiet hours of the day, wrapping midnight (a person's night,
    /// in whatever time zone).
    pub longest_quiet_hours: u32,
    /// 1 − longest quiet run / 24: how much of the day the wallet covers.
    pub hour_coverage: f64,
    /// Share of orders in the quietest `sleep_window_hours` consecutive hours of the day (UTC,
    /// wrapping midnight): near zero for anyone who sleeps, about a third for a wallet spread
    /// over the clock. Unlike the longest quiet run, a few dozen orders measure it well.
    pub quietest_window_share: f64,
    /// Share of the history's days (each 24 h from the first order) with no gap between orders
    /// of `rest_gap_hours` in or across it: a person sleeps nearly every day, a program that
    /// only slows at night rarely stops that long.
    pub unrested_day_share: f64,
    /// Share of orders in the quietest `sleep_window_hours` of the day in the median week
    /// (windows of `weekly_window_days` holding `min_weekly_window_orders` orders or more;
    /// `None` with none): a person whose hours drift still sleeps within each week.
    pub weekly_quiet_share: Option<f64>,
    /// Weeks behind `weekly_quiet_share`.
    pub weekly_windows: usize,
    /// Share of orders repeating the price of an earlier order in the same token and side
    /// within `resting_repeat_window_secs`: resting limit orders filled piece by piece.
    pub resting_repeat_share: f64,
    /// Coefficient of variation of order sizes (the lower of shares and notional).
    pub size_cv: Option<f64>,
    /// Coefficient of variation of share counts alone, over every order, buys and sells.
    pub share_cv: Option<f64>,
    /// How far buy stakes stray from one fixed dollar amount: the median absolute deviation of
    /// buy notionals over their median (0 is one fixed stake; `None` with too few buys). Robust
    /// to the odd outlier, unlike `size_cv`.
    pub stake_dispersion: Option<f64>,
    /// Share of orders with round sizes (multiples of 5 shares or of $5).
    pub round_size_share: f64,
    /// Median order notional, dollars.
    pub median_order_notional: f64,
    /// Distinct markets (condition ids) traded.
    pub markets: usize,
    /// Markets traded on both sides within the two-sided window.
    pub two_sided_markets: usize,
    /// `two_sided_markets / markets`.
    pub two_sided_share: f64,
    /// Two-sided episodes (a fill with an opposite fill in the same market within the window).
    pub two_sided_events: usize,
    /// Sell fills matched FIFO to earlier buys of the same token.
    pub round_trips: usize,
    /// Share-weighted median time from buy to the sell that closed it, seconds.
    pub median_hold_secs: Option<f64>,
    /// Share of orders under the micro-trade notional.
    pub micro_share: f64,
    /// How far two-sided markets are from flat inventory: |bought − sold| / traded shares,
    /// median over two-sided markets (0 is perfectly flat, as a maker keeps it).
    pub two_sided_inventory_imbalance: Option<f64>,
    /// Buy orders seen.
    pub buys: usize,
    /// Share of bought shares sold again (FIFO) within the minimum human median hold.
    pub quick_close_share: f64,
    /// Share of buy orders at or above the sniper price.
    pub high_price_buy_share: f64,
    /// Share of buy orders at or above the sniper price in markets the wallet entered at or
    /// above it (its first buy there in the history): a sniper enters near certainty, a person
    /// adding to a position that became a favourite entered it lower.
    pub high_price_entry_share: f64,
    /// Share of buy orders with a buy of the market's other outcome within the pair window.
    pub paired_buy_share: f64,
    /// Share of orders inside sliced runs: at least `min_slice_orders` orders in a row of one
    /// token and side whose gaps repeat within the slice tolerance (a parent order cut into
    /// child orders at a fixed interval, as a TWAP or iceberg executor does).
    pub sliced_share: f64,
    /// Share of orders inside runs of at least `min_slice_orders` orders in a row of one token
    /// and side, each within `max_slice_gap_secs` of the last, all of one size (shares or
    /// dollars): equal child orders.
    pub equal_slice_share: f64,
    /// Share of buy orders of exactly the venue's minimum size: a copy bot that scales its
    /// leaders down is clamped to the minimum again and again.
    pub min_size_buy_share: f64,
    /// Orders inside sliced runs (the count behind `sliced_share`).
    pub sliced_orders: usize,
    /// Share of buys, other than those at the venue minimum, at the wallet's most common exact
    /// share size: a resting clip taken whole again and again (0 with too few buys).
    pub modal_size_share: f64,
    /// Share of active days with an order inside the wallet's busiest daily slot of
    /// `schedule_slot_secs` (a job on a clock; `None` with too few active days).
    pub schedule_day_share: Option<f64>,
    /// Share of sessions (runs of orders with no gap over `clock_session_gap_secs`) starting in
    /// one slot of `clock_slot_secs` of one of the `clock_periods_secs`, the best of them (a
    /// job on a timer; `None` with too few sessions).
    pub clock_share: Option<f64>,
    /// Sessions inside that slot (the count behind `clock_share`).
    pub clock_sessions: usize,
    /// The period of that slot, seconds (0 when not judged).
    pub clock_period_secs: u64,
    /// Bursts: orders each within `burst_gap_secs` of the last, across `min_burst_markets` or
    /// more markets.
    pub bursts: usize,
    /// Share of orders inside such bursts.
    pub burst_share: f64,
    /// Complete windows of the markets' public trades read around the wallet's orders (0
    /// when none were read).
    pub trail_windows: usize,
    /// Share of those windows in which a leader (another wallet that traded first again and
    /// again, and seldom after) traded the same token and side within `trail_window_secs`
    /// before the wallet did (`None` with too few windows).
    pub trailing_share: Option<f64>,
    /// The leaders it trailed, most windows first (at most three).
    pub trailed: Vec<Wallet>,
    /// Windows of market trades read whole within `follow_window_secs` of the order.
    pub follow_windows: usize,
    /// Share of those windows in which a leader traded the same token and side within
    /// `follow_window_secs` before the wallet did, however many others did too (`None` with
    /// too few windows).
    pub follow_share: Option<f64>,
    /// The leaders it followed, most windows first (at most three).
    pub followed: Vec<Wallet>,
    /// Windows of market trades read whole within `slow_follow_window_secs` of the order.
    pub slow_follow_windows: usize,
    /// Share of those windows in which a leader traded the same token and side within
    /// `slow_follow_window_secs` before the wallet did (`None` with too few windows).
    pub slow_follow_share: Option<f64>,
    /// The leaders it followed that slowly, most windows first (at most three).
    pub slow_followed: Vec<Wallet>,
    /// Where the wallet's orders fold onto one short period (a program polling on a timer): the
    /// period, seconds (0 when not read: only a wallet behind the same leaders is read).
    pub poll_period_secs: u64,
    /// Orders in that period's busiest slot of `poll_slot_secs`, and orders read.
    pub poll_hits: usize,
    /// Orders read for the timer.
    pub poll_orders: usize,
    /// How likely so many orders fall in one slot of some period by chance (a bound, over every
    /// period and slot tried; `None` when not read).
    pub poll_chance: Option<f64>,
    /// Windows of market trades with another wallet's trade within `lead_window_secs` before
    /// and after the wallet's order (where the price stood and went can be read).
    pub lead_windows: usize,
    /// Share of those windows in which the market's price moved `lead_move` the order's way
    /// within `lead_window_secs` after it from where it stood as long before, less the share it
    /// moved as far against (`None` with too few windows).
    pub lead_share: Option<f64>,
    /// Windows of market trades with another wallet's trade in them (where a rush can be read).
    pub rush_windows: usize,
    /// Share of those windows in which the order came within `rush_secs` after a rush of other
    /// wallets' trades in its market (`min_rush_trades` or more, and `rush_lift` times the
    /// window's pace; `None` with too few windows).
    pub rush_share: Option<f64>,
}

/// The filter's answer for one wallet (one JSON line in `copycat classify`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// The wallet judged.
    pub wallet: Wallet,
    /// Human, bot or insufficient data.
    pub verdict: Verdict,
    /// The behaviour that weighed most, for bots.
    pub kind: Option<BotKind>,
    /// Bot-likeness, 0..1.
    pub score: f64,
    /// Why, for people, with the numbers.
    pub reasons: Vec<String>,
    /// The measurements behind the score.
    pub features: Features,
}

/// The verdict on a wallet whose recent history is longer than we read (more than `bound`
/// trades in the window): only a machine trades that much.
pub fn too_busy_to_read(wallet: &Wallet, bound: usize) -> Classification {
    Classification {
        wallet: wallet.clone(),
        verdict: Verdict::Bot,
        kind: Some(BotKind::HighFrequency),
        score: 1.0,
        reasons: vec![format!("more than {bound} trades in the judged window (more than the bot filter reads): trades like a machine")],
        features: Features::default(),
    }
}

/// Classifies one wallet from its trades (any order; rows of other wallets are ignored).
pub fn classify_wallet(wallet: &Wallet, trades: &[Trade], cfg: &BotFilterConfig) -> Classification {
    classify_wallet_with_tape(wallet, trades, &[], cfg)
}

/// Classifies one wallet from its trades and the markets' public trades read around some of
/// its orders (the answers to [`tape_requests`]): whether it trades what a few other wallets
/// traded seconds before, again and again, as a copy bot does.
pub fn classify_wallet_with_tape(wallet: &Wallet, trades: &[Trade], tape: &[TapeWindow], cfg: &BotFilterConfig) -> Classification {
    let fills: Vec<&Trade> = trades.iter().filter(|t| &t.wallet == wallet).collect();
    classify_fills(wallet, fills, tape, cfg)
}

/// Whether the markets' trades around a wallet's orders are worth reading after judging it on
/// its own history: it is a person there, or its history is too thin to clear it but long
/// enough to convict it (trailing another wallet can make it a bot, never a person).
pub fn wants_tape(c: &Classification, cfg: &BotFilterConfig) -> bool {
    match c.verdict {
        Verdict::Human => true,
        Verdict::InsufficientData => c.features.orders as u64 >= u64::from(cfg.min_trades_to_convict),
        Verdict::Bot => false,
    }
}

/// Classifies every wallet present in `trades`, sorted by wallet.
pub fn classify_all(trades: &[Trade], cfg: &BotFilterConfig) -> Vec<Classification> {
    let mut by_wallet: BTreeMap<&Wallet, Vec<&Trade>> = BTreeMap::new();
    for t in trades {
        by_wallet.entry(&t.wallet).or_default().push(t);
    }
    by_wallet.into_iter().map(|(w, fills)| classify_fills(w, fills, &[], cfg)).collect()
}

/// One read of a market's public trades around one of a wallet's orders: from the longest of
/// `trail_window_secs`, `lead_window_secs`, `follow_window_secs` and `slow_follow_window_secs`
/// before it to as long after (within
/// `trail_window_secs`, the after half tells a wallet busy in the market all the time from a
/// leader the wallet follows; the whole window shows where the price was and went).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TapeRequest {
    /// The market read.
    pub condition_id: String,
    /// The token the wallet's order was in.
    pub asset: String,
    /// The order's side.
    pub side: Side,
    /// When the wallet's order was.
    pub at: Timestamp,
    /// Read from (inclusive).
    pub from: Timestamp,
    /// Read to (inclusive).
    pub to: Timestamp,
}

/// A [`TapeRequest`] with the venue's answer (everyone's trades in the market in the window,
/// oldest first, at most `trail_window_limit`).
#[derive(Clone, Debug, PartialEq)]
pub struct TapeWindow {
    /// What was asked.
    pub request: TapeRequest,
    /// What the venue answered.
    pub trades: Vec<Trade>,
}

/// The windows of market trades to read for `wallet`: around `trail_windows` of its orders,
/// spread evenly over its history, oldest first.
pub fn tape_requests(wallet: &Wallet, trades: &[Trade], cfg: &BotFilterConfig) -> Vec<TapeRequest> {
    let mut fills: Vec<&Trade> = trades.iter().filter(|t| &t.wallet == wallet).collect();
    sort_fills(&mut fills);
    let orders = collapse_orders(&fills);
    let want = (cfg.trail_windows as usize).min(orders.len());
    let reach = cfg.trail_window_secs.max(cfg.lead_window_secs).max(cfg.follow_window_secs).max(cfg.slow_follow_window_secs) as i64;
    let mut out: Vec<TapeRequest> = Vec::with_capacity(want);
    for i in 0..want {
        let o = &orders[i * orders.len() / want];
        let at = crate::time::from_secs(o.ts);
        let request = TapeRequest {
            condition_id: o.market.to_string(),
            asset: o.asset.to_string(),
            side: o.side,
            at,
            from: crate::time::from_secs(o.ts - reach),
            to: crate::time::from_secs(o.ts + reach),
        };
        if !out.contains(&request) {
            out.push(request);
        }
    }
    out
}

/// One order: the fills of one token and side within one second (one sweep of the book, however
/// the venue split it into transactions).
struct Order<'a> {
    ts: i64,
    asset: &'a str,
    market: &'a str,
    side: Side,
    shares: f64,
    notional: f64,
}

/// One sign of a machine: its name (for the reasons), what it points to, how much it weighs at
/// full strength, how strong it is here, and whether a person could do it at all.
struct Tell {
    sign: &'static str,
    kind: BotKind,
    weight: f64,
    strength: f64,
    /// Out of a person's reach at full strength: may decide alone.
    decisive: bool,
    reason: String,
}

impl Tell {
    fn contribution(&self) -> f64 {
        self.weight * self.strength
    }
}

/// A total order on every field, so the result never depends on the order rows arrived in.
fn sort_fills(fills: &mut [&Trade]) {
    fills.sort_unstable_by(|a, b| {
        (a.timestamp, &a.transaction_hash, &a.asset, a.side, a.price, a.size).cmp(&(
            b.timestamp,
            &b.transaction_hash,
            &b.asset,
            b.side,
            b.price,
            b.size,
        ))
    });
}

fn classify_fills(wallet: &Wallet, mut fills: Vec<&Trade>, tape: &[TapeWindow], cfg: &BotFilterConfig) -> Classification {
    sort_fills(&mut fills);
    let orders = collapse_orders(&fills);
    let mut features = measure(&fills, &orders, cfg);
    trailing(wallet, tape, cfg, &mut features);
    polled(&orders, cfg, &mut features);
    rushing(wallet, tape, cfg, &mut features);
    leading(wallet, tape, cfg, &mut features);
    let tells = tells(&features, cfg);

    let score = 1.0 - tells.iter().map(|t| 1.0 - t.contribution()).product::<f64>();
    let score = score.clamp(0.0, 1.0);
    let mut reasons = Vec::new();
    let insufficient = (features.orders as u64) < u64::from(cfg.min_trades) || features.active_days < cfg.min_active_days;
    if (features.orders as u64) < u64::from(cfg.min_trades) {
        reasons.push(format!("only {} orders ({} fills); need {}", features.orders, features.fills, cfg.min_trades));
    }
    if features.active_days < cfg.min_active_days {
        reasons.push(format!("active on only {} days; need {}", features.active_days, cfg.min_active_days));
    }
    let mut fired: Vec<&Tell> = tells.iter().filter(|t| t.contribution() > 0.0).collect();
    fired.sort_by(|a, b| b.contribution().total_cmp(&a.contribution()));
    reasons.extend(fired.iter().map(|t| t.reason.clone()));

    // Corroboration: enough independent signs present, or one a person cannot show at all.
    let present: Vec<&Tell> = fired.iter().copied().filter(|t| t.strength >= cfg.sign_present_strength).collect();
    let decisive = fired.iter().copied().find(|t| t.decisive && t.strength >= 1.0 && t.weight >= cfg.bot_score_threshold);
    let signs = independent(&present, &features, cfg);
    let corroborated = signs >= cfg.min_corroborating_signs as usize || decisive.is_some();
    let names = |ts: &[&Tell]| ts.iter().map(|t| t.sign).collect::<Vec<_>>().join(" + ");

    // A thin history cannot clear a wallet, but signs well past the threshold (or one beyond a
    // person at full strength) convict it; a daily schedule counts its days, not its orders.
    let thin_bar = cfg.thin_history_bot_score.max(cfg.bot_score_threshold);
    let enough_to_convict = features.orders as u64 >= u64::from(cfg.min_trades_to_convict);
    let thin_by_score = enough_to_convict && score >= thin_bar && corroborated;
    let convicted_thin =
        insufficient && (thin_by_score || (enough_to_convict && decisive.is_some()) || daily_schedule_decides(&features, cfg));
    let verdict = if convicted_thin || (!insufficient && score >= cfg.bot_score_threshold && corroborated) {
        Verdict::Bot
    } else if insufficient {
        Verdict::InsufficientData
    } else {
        Verdict::Human
    };
    let kind = if verdict == Verdict::Bot { fired.first().map(|t| t.kind) } else { None };
    if fired.is_empty() && !insufficient {
        reasons.push(format!(
            "no bot sign: {:.1} orders per active day, quiet {} h a day, {} markets",
            features.trades_per_active_day, features.longest_quiet_hours, features.markets
        ));
    } else if verdict == Verdict::Bot {
        let why = match decisive {
            Some(d) if signs < cfg.min_corroborating_signs as usize => {
                format!("{} at full strength, beyond a person", d.sign)
            }
            _ => {
                let apart = if exact_shares_apart(&present, &features, cfg) {
                    format!(
                        " (one exact share count on every order, buys and sells: CV {:.3} below {}, a number set in a program, which trading in and out does not explain)",
                        features.share_cv.unwrap_or(0.0),
                        cfg.max_exact_share_cv
                    )
                } else {
                    String::new()
                };
                format!("{signs} independent signs combined: {}{apart}", names(&present))
            }
        };
        if convicted_thin && thin_by_score {
            reasons.push(format!(
                "bot on a thin history: {why}; score {score:.2} ≥ {thin_bar:.2}, the bar for a history too short to clear a wallet"
            ));
        } else if convicted_thin {
            reasons.push(format!(
                "bot on a thin history: {why}; a sign beyond a person convicts without the bar of {thin_bar:.2} for a history too short to clear a wallet (score {score:.2})"
            ));
        } else {
            reasons.push(format!("bot: {why}; score {score:.2} ≥ threshold {:.2}", cfg.bot_score_threshold));
        }
    } else if !insufficient && score >= cfg.bot_score_threshold {
        reasons.push(format!(
            "human: score {score:.2} rests on {} independent sign(s) ({}); a bot needs {} together (trading in and out of markets and one stake again and again, unless every order is one exact share count, or closing every position quickly, are one habit of a person's, not two signs)",
            signs,
            names(&present),
            cfg.min_corroborating_signs
        ));
    } else if !insufficient {
        reasons.push(format!("human: score {score:.2} below bot threshold {:.2}", cfg.bot_score_threshold));
    }
    Classification { wallet: wallet.clone(), verdict, kind, score, reasons, features }
}

/// How many of the present signs are independent. Trading in and out of markets (both sides
/// within the hour, or in and out quickly) explains one other habit of a person's, so the two
/// count as one: re-using one stake (a person who trades in and out does so as often as a
/// machine), or, where the reading is trading both sides of a market within the hour with a
/// flat inventory, closing every position quickly, which is the same fact read twice (a flat
/// book within the hour is every position closed; a person scalping live games closes what they
/// opened before the game ends). Short holds are another measurement than the share closed, so
/// quick round trips and closing everything stay two. One exact share count on every order,
/// buys and sells, while trading both sides of markets, is not explained: a person trading in
/// and out types a dollar amount and the shares follow the price, where a quoting or scalping
/// program is set to a share count. A maker or scalper program shows a third
/// sign besides (the clock, one stake on top of the discipline, the cadence). A wallet that
/// never sold what it bought did not trade in and out: buying both outcomes of market after
/// market at one stake, holding both, is two signs.
fn independent(present: &[&Tell], f: &Features, cfg: &BotFilterConfig) -> usize {
    let has = |sign: &str| present.iter().any(|t| t.sign == sign);
    let sizes = present.iter().any(|t| t.kind == BotKind::FixedSize);
    let in_and_out = f.round_trips > 0 && (has(TWO_SIDED) || has(QUICK));
    let sizes_explained = in_and_out && sizes && !exact_shares_apart(present, f, cfg);
    let explained = sizes_explained || (f.round_trips > 0 && has(TWO_SIDED) && has(CLOSES));
    present.len() - usize::from(explained)
}

/// One exact share count on every order while trading both sides of markets, with sizes a
/// sign: the count stays a sign of its own (see [`independent`]).
fn exact_shares_apart(present: &[&Tell], f: &Features, cfg: &BotFilterConfig) -> bool {
    f.round_trips > 0
        && f.share_cv.is_some_and(|cv| cv < cfg.max_exact_share_cv)
        && present.iter().any(|t| t.sign == TWO_SIDED)
        && present.iter().any(|t| t.kind == BotKind::FixedSize)
}

const TWO_SIDED: &str = "two-sided quoting";
const QUICK: &str = "quick round trips";
const CLOSES: &str = "closes every position quickly";

/// Collapses time-sorted fills into orders: within one second, fills of one token and side are
/// one order. Fills of one transaction in several tokens stay several orders: a basket bought
/// across an event's markets at once is orders in several markets in the same second, which no
/// person placing orders by hand does.
fn collapse_orders<'a>(fills: &[&'a Trade]) -> Vec<Order<'a>> {
    let mut orders: Vec<Order<'a>> = Vec::with_capacity(fills.len());
    let mut group_start = 0; // index in `orders` where the current second's orders begin
    let mut group_ts = i64::MIN;
    for f in fills {
        let ts = f.timestamp.timestamp();
        if ts != group_ts {
            group_ts = ts;
            group_start = orders.len();
        }
        let shares = f.size.to_f64();
        let notional = shares * f.price.to_f64();
        let same = orders[group_start..].iter_mut().find(|o| o.asset == f.asset && o.side == f.side);
        match same {
            Some(o) => {
                o.shares += shares;
                o.notional += notional;
            }
            None => orders.push(Order { ts, asset: &f.asset, market: &f.condition_id, side: f.side, shares, notional }),
        }
    }
    orders
}

fn mean_cv(xs: impl Iterator<Item = f64> + Clone) -> Option<f64> {
    let n = xs.clone().count();
    if n < 2 {
        return None;
    }
    let mean = xs.clone().sum::<f64>() / n as f64;
    if mean <= 0.0 {
        return Some(0.0);
    }
    let var = xs.map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
    Some(var.sqrt() / mean)
}

fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable_by(f64::total_cmp);
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 })
}

fn is_round(shares: f64, notional: f64) -> bool {
    let round_to_5 = |x: f64, tol: f64| x >= 5.0 && (x - 5.0 * (x / 5.0).round()).abs() <= tol;
    round_to_5(shares, 1e-6) || round_to_5(notional, (0.005 * notional).max(0.05))
}

fn measure(fills: &[&Trade], orders: &[Order<'_>], cfg: &BotFilterConfig) -> Features {
    let mut f = Features { fills: fills.len(), orders: orders.len(), ..Features::default() };
    if orders.is_empty() {
        return f;
    }

    // Days.
    let mut last_day = i64::MIN;
    for o in orders {
        let day = o.ts.div_euclid(86_400);
        if day != last_day {
            f.active_days += 1;
            last_day = day;
        }
    }
    let (first, last) = (orders[0].ts, orders[orders.len() - 1].ts);
    f.span_days = (last - first) as f64 / 86_400.0;
    f.trades_per_active_day = orders.len() as f64 / f64::from(f.active_days.max(1));

    // Gaps between consecutive orders.
    let mut gaps: Vec<f64> = orders.windows(2).map(|w| (w[1].ts - w[0].ts) as f64).collect();
    f.subsecond_gaps = gaps.iter().filter(|g| **g == 0.0).count();
    f.subsecond_share = if gaps.is_empty() { 0.0 } else { f.subsecond_gaps as f64 / gaps.len() as f64 };
    f.gap_cv = mean_cv(gaps.iter().copied());
    f.median_gap_secs = median(&mut gaps);

    // Hours of the day: coverage judged by the longest quiet stretch, wherever it falls.
    let mut hours = [0usize; 24];
    for o in orders {
        hours[hour_of_day(o.ts)] += 1;
    }
    f.active_hours = hours.iter().filter(|c| **c > 0).count() as u32;
    let quiet = |c: usize| (c as f64) < cfg.quiet_hour_share * orders.len() as f64;
    let (mut run, mut longest) = (0u32, 0u32);
    for i in 0..48 {
        if quiet(hours[i % 24]) {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    f.longest_quiet_hours = longest.min(24);
    f.hour_coverage = 1.0 - f64::from(f.longest_quiet_hours) / 24.0;
    f.quietest_window_share = quietest_share(&hours, (cfg.sleep_window_hours as usize).clamp(1, 24));
    f.unrested_day_share = unrested_day_share(orders, cfg);
    (f.weekly_quiet_share, f.weekly_windows) = weekly_quiet_share(orders, cfg);
    f.resting_repeat_share = resting_repeat_share(orders, cfg);

    // Sizes.
    // The lowest of: shares, notional, and the notional of buys alone (a fixed stake per copy
    // shows there even when sells of whole positions vary).
    f.share_cv = mean_cv(orders.iter().map(|o| o.shares));
    let notional_cv = mean_cv(orders.iter().map(|o| o.notional));
    let buy_notional_cv = mean_cv(orders.iter().filter(|o| o.side == Side::Buy).map(|o| o.notional));
    f.size_cv = [f.share_cv, notional_cv, buy_notional_cv].into_iter().flatten().reduce(f64::min);
    let mut stakes: Vec<f64> = orders.iter().filter(|o| o.side == Side::Buy).map(|o| o.notional).collect();
    if stakes.len() >= cfg.min_stake_buys as usize
        && let Some(mid) = median(&mut stakes).filter(|m| *m > 0.0)
    {
        let mut deviations: Vec<f64> = stakes.iter().map(|x| (x - mid).abs()).collect();
        f.stake_dispersion = median(&mut deviations).map(|d| d / mid);
    }
    f.round_size_share = orders.iter().filter(|o| is_round(o.shares, o.notional)).count() as f64 / orders.len() as f64;
    let mut notionals: Vec<f64> = orders.iter().map(|o| o.notional).collect();
    f.median_order_notional = median(&mut notionals).unwrap_or(0.0);
    let micro = cfg.micro_trade_notional.to_f64();
    f.micro_share = orders.iter().filter(|o| o.notional < micro).count() as f64 / orders.len() as f64;

    two_sided(fills, crate::time::secs(cfg.two_sided_window_secs).num_seconds(), &mut f);
    hold_times(fills, crate::time::secs(cfg.min_human_median_hold_secs).num_seconds(), &mut f);
    buy_prices_and_pairs(orders, cfg, &mut f);
    slices(orders, cfg, &mut f);
    modal_size(orders, cfg, &mut f);
    schedule(orders, cfg, &mut f);
    clock(orders, cfg, &mut f);
    bursts(orders, cfg, &mut f);
    f
}

/// The share of buys at the most common exact share size (to the cent of a share), leaving
/// out buys at the venue minimum (read on their own).
fn modal_size(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    let min = cfg.venue_min_order_shares;
    // Buys only: a person who sells a whole position sells the size they bought.
    let sized: Vec<i64> = orders
        .iter()
        .filter(|o| o.side == Side::Buy && (o.shares - min).abs() >= 0.005)
        .map(|o| (o.shares * 100.0).round() as i64)
        .collect();
    if sized.len() < cfg.min_modal_size_orders as usize {
        return;
    }
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for s in &sized {
        *counts.entry(*s).or_default() += 1;
    }
    let top = counts.values().copied().max().unwrap_or(0);
    f.modal_size_share = top as f64 / sized.len() as f64;
}

/// The busiest daily slot: of all slots `schedule_slot_secs` wide (wrapping midnight), the one
/// holding orders on the most distinct days, as a share of active days.
fn schedule(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    if f.active_days < cfg.min_schedule_days {
        return;
    }
    let width = cfg.schedule_slot_secs as i64;
    let mut at: Vec<(i64, i64)> = orders.iter().map(|o| (o.ts.rem_euclid(86_400), o.ts.div_euclid(86_400))).collect();
    at.sort_unstable();
    // Twice round the clock, so a slot may wrap midnight.
    let n = at.len();
    let mut days: HashMap<i64, usize> = HashMap::new();
    let (mut end, mut best) = (0usize, 0usize);
    for start in 0..n {
        while end < start + n && {
            let (sod, _) = at[end % n];
            let sod = if end >= n { sod + 86_400 } else { sod };
            sod - at[start].0 <= width
        } {
            *days.entry(at[end % n].1).or_default() += 1;
            end += 1;
        }
        best = best.max(days.len());
        let day = at[start].1;
        if let Some(c) = days.get_mut(&day) {
            *c -= 1;
            if *c == 0 {
                days.remove(&day);
            }
        }
    }
    f.schedule_day_share = Some(best as f64 / f64::from(f.active_days.max(1)));
}

/// An order inside one daily slot on nearly every active day, over enough days: a job on a
/// daily clock, which decides alone however few its orders.
fn daily_schedule_decides(f: &Features, cfg: &BotFilterConfig) -> bool {
    f.active_days >= cfg.decisive_schedule_days && f.schedule_day_share.is_some_and(|s| s >= cfg.decisive_schedule_day_share)
}

/// The timer: the wallet's sessions folded onto each period of `clock_periods_secs`, and the
/// slot of `clock_slot_secs` (wrapping the period) where most of them start.
fn clock(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    let gap = cfg.clock_session_gap_secs as i64;
    let starts: Vec<i64> = orders.iter().enumerate().filter(|(i, o)| *i == 0 || o.ts - orders[i - 1].ts > gap).map(|(_, o)| o.ts).collect();
    if starts.len() < cfg.min_clock_sessions as usize {
        return;
    }
    let slot = cfg.clock_slot_secs as i64;
    let n = starts.len();
    let mut phases: Vec<i64> = Vec::with_capacity(n);
    let (mut best, mut best_period) = (0usize, 0u64);
    for &period in &cfg.clock_periods_secs {
        phases.clear();
        phases.extend(starts.iter().map(|t| t.rem_euclid(period as i64)));
        let hits = busiest_slot(&mut phases, period as i64, slot);
        // Of periods tied, the longest names the timer best (a daily job folds onto the hour
        // as well).
        if hits > best || (hits == best && period > best_period) {
            (best, best_period) = (hits, period);
        }
    }
    f.clock_share = Some(best as f64 / n as f64);
    f.clock_sessions = best;
    f.clock_period_secs = best_period;
}

/// Bursts: runs of orders each within `burst_gap_secs` of the last that reach
/// `min_burst_markets` distinct markets.
fn bursts(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    let gap = cfg.burst_gap_secs as i64;
    let (mut count, mut inside) = (0usize, 0usize);
    let mut start = 0usize;
    for i in 1..=orders.len() {
        if i < orders.len() && orders[i].ts - orders[i - 1].ts <= gap {
            continue;
        }
        let run = &orders[start..i];
        let mut markets: Vec<&str> = run.iter().map(|o| o.market).collect();
        markets.sort_unstable();
        markets.dedup();
        if markets.len() >= cfg.min_burst_markets as usize {
            count += 1;
            inside += run.len();
        }
        start = i;
    }
    f.bursts = count;
    f.burst_share = inside as f64 / orders.len().max(1) as f64;
}

/// The share of the days from the first order (whole 24 h periods) that no rest touches: a
/// gap of `rest_gap_hours` or more between consecutive orders rests the day it starts in and
/// every day up to the one it ends in. Zero for a history shorter than a day.
fn unrested_day_share(orders: &[Order], cfg: &BotFilterConfig) -> f64 {
    const DAY: i64 = 86_400;
    let (Some(first), Some(last)) = (orders.first(), orders.last()) else {
        return 0.0;
    };
    let days = ((last.ts - first.ts) / DAY) as usize;
    if days == 0 {
        return 0.0;
    }
    let rest = i64::from(cfg.rest_gap_hours) * 3600;
    let mut rested = vec![false; days];
    for w in orders.windows(2).filter(|w| w[1].ts - w[0].ts >= rest) {
        let from = ((w[0].ts - first.ts) / DAY) as usize;
        let to = (((w[1].ts - first.ts) / DAY) as usize).min(days - 1);
        for day in rested.iter_mut().take(to + 1).skip(from) {
            *day = true;
        }
    }
    rested.iter().filter(|r| !**r).count() as f64 / days as f64
}

/// The hour of the day (UTC, 0–23) of a Unix time.
fn hour_of_day(ts: i64) -> usize {
    (ts.rem_euclid(86_400) / 3600) as usize
}

/// Share of orders in the quietest `sleep_window_hours` of the day, from counts by hour.
fn quietest_share(hours: &[usize; 24], window: usize) -> f64 {
    let n: usize = hours.iter().sum();
    if n == 0 {
        return 0.0;
    }
    let quietest = (0..24).map(|start| (start..start + window).map(|h| hours[h % 24]).sum::<usize>()).min().unwrap_or(0);
    quietest as f64 / n as f64
}

/// The quietest hours week by week: windows of `weekly_window_days` starting at the first
/// order and a day apart, each with `min_weekly_window_orders` orders or more read; the median
/// of their quietest shares and how many were read.
fn weekly_quiet_share(orders: &[Order], cfg: &BotFilterConfig) -> (Option<f64>, usize) {
    const DAY: i64 = 86_400;
    let (Some(first), Some(last)) = (orders.first(), orders.last()) else {
        return (None, 0);
    };
    let span = i64::from(cfg.weekly_window_days) * DAY;
    let window = (cfg.sleep_window_hours as usize).clamp(1, 24);
    let (mut hours, mut lo, mut hi) = ([0usize; 24], 0, 0);
    let mut shares = Vec::new();
    // Whole weeks only, inside the history: a window running past the last order is part of
    // a week, whose hours cover less of the clock than a week's would.
    let mut start = first.ts;
    while start + span <= last.ts + 1 {
        while hi < orders.len() && orders[hi].ts < start + span {
            hours[hour_of_day(orders[hi].ts)] += 1;
            hi += 1;
        }
        while lo < hi && orders[lo].ts < start {
            hours[hour_of_day(orders[lo].ts)] -= 1;
            lo += 1;
        }
        if hi - lo >= cfg.min_weekly_window_orders as usize {
            shares.push(quietest_share(&hours, window));
        }
        start += DAY;
    }
    let n = shares.len();
    (median(&mut shares), n)
}

/// Share of orders at the price of an earlier order in the same token and side within
/// `resting_repeat_window_secs` (to the cent): a resting limit order filled by one taker after
/// another.
fn resting_repeat_share(orders: &[Order], cfg: &BotFilterConfig) -> f64 {
    if orders.is_empty() {
        return 0.0;
    }
    let reach = cfg.resting_repeat_window_secs as i64;
    // Grouped by token, side and cent, oldest first within each (the sort is stable and the
    // orders are in time order): an order repeats when the one before it in its group is near.
    let mut keyed: Vec<((&str, bool, i64), i64)> = orders
        .iter()
        .filter(|o| o.shares > 0.0)
        .map(|o| ((o.asset, o.side == Side::Buy, (o.notional / o.shares * 100.0).round() as i64), o.ts))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let repeats = keyed.windows(2).filter(|p| p[0].0 == p[1].0 && p[1].1 - p[0].1 <= reach).count();
    repeats as f64 / orders.len() as f64
}

/// Whether a window's trades within `trail_window_secs` of its order were read whole (the read
/// keeps the oldest `trail_window_limit`, so a full read is whole up to its last trade) and
/// number fewer than `max_trail_trades` (more is a busy market's crowd).
fn trail_complete(w: &TapeWindow, cfg: &BotFilterConfig) -> bool {
    let at = w.request.at.timestamp();
    let reach = cfg.trail_window_secs as i64;
    read_whole(w, reach, cfg)
        && w.trades.iter().filter(|t| (t.timestamp.timestamp() - at).abs() <= reach).count() < cfg.max_trail_trades as usize
}

/// The window's part within `reach` seconds of its order was read whole: the venue answered
/// fewer rows than the limit, or its last row is past that part.
fn read_whole(w: &TapeWindow, reach: i64, cfg: &BotFilterConfig) -> bool {
    let at = w.request.at.timestamp();
    w.trades.len() < cfg.trail_window_limit as usize || w.trades.last().is_some_and(|t| t.timestamp.timestamp() > at + reach)
}

/// Trailing: in each complete window of market trades around one of the wallet's orders,
/// which other wallets traded the same token and side within `trail_window_secs` before it,
/// and which after (a window with more than `max_trail_crowd` wallets first is a rush and shows
/// no leader). Following: the same over `follow_window_secs` in every window read whole,
/// without the crowd's cap — where the other followers of a famous wallet crowd in beside the
/// leader, only a program is behind the same wallets in nearly every window. The leaders'
/// lift over the crowd is what keeps a rush out of it: a busy wallet is as often after.
fn trailing(wallet: &Wallet, tape: &[TapeWindow], cfg: &BotFilterConfig, f: &mut Features) {
    let complete: Vec<&TapeWindow> = tape.iter().filter(|w| trail_complete(w, cfg)).collect();
    f.trail_windows = complete.len();
    if let Some((share, leaders)) = behind_leaders(wallet, &complete, cfg.trail_window_secs as i64, Some(cfg.max_trail_crowd), None, cfg) {
        f.trailing_share = Some(share);
        f.trailed = leaders;
    }
    // Following, over every window read whole within `reach`, the leader first among the others.
    let following = |reach: u64| {
        let reach = reach as i64;
        let whole: Vec<&TapeWindow> = tape.iter().filter(|w| read_whole(w, reach, cfg)).collect();
        let read = behind_leaders(wallet, &whole, reach, None, Some(cfg.min_opening_share), cfg);
        (whole.len(), read.map(|(share, leaders)| (Some(share), leaders)).unwrap_or_default())
    };
    (f.follow_windows, (f.follow_share, f.followed)) = following(cfg.follow_window_secs);
    (f.slow_follow_windows, (f.slow_follow_share, f.slow_followed)) = following(cfg.slow_follow_window_secs);
}

/// The poll timer: for a wallet behind the same leaders minutes later in at least
/// `min_slow_follow_share` of its windows, its latest `max_poll_orders` orders folded onto each
/// whole-second period from `min_poll_period_secs` to `max_poll_period_secs`, and the slot of
/// `poll_slot_secs` holding the most. A program that polls the venue for its leaders' trades
/// acts only on its ticks, so its orders crowd one slot of its period; a person copying by hand
/// acts whenever they look. `poll_chance` bounds how likely that crowding is by chance
/// (Chernoff, times the number of periods and slots tried).
fn polled(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    if f.slow_follow_share.is_none_or(|s| s < cfg.min_slow_follow_share) {
        return;
    }
    let from = orders.len().saturating_sub(cfg.max_poll_orders as usize);
    // Seconds since the first order read (folding is the same from any start; 32-bit
    // remainders are the cheap part of trying some 1,700 periods).
    let first = orders.get(from).map_or(0, |o| o.ts);
    let times: Vec<u32> = orders[from..].iter().map(|o| u32::try_from(o.ts - first).unwrap_or(u32::MAX)).collect();
    let n = times.len();
    if n < cfg.min_poll_orders as usize {
        return;
    }
    let slot = cfg.poll_slot_secs as i64;
    let (lo, hi) = (cfg.min_poll_period_secs.max(2 * cfg.poll_slot_secs), cfg.max_poll_period_secs);
    // Every period and slot tried: the bound on chance is multiplied by their number.
    let tries = (lo..=hi).map(|p| p as f64 / slot as f64).sum::<f64>();
    let limit = cfg.max_poll_chance / tries;
    // Bins an eighth of a slot wide: a slot's whole seconds (slot + 1 of them) touch at most
    // one bin more than they fill, so `span` neighbouring bins bound what the slot holds (one
    // bin more for the period's short last bin, one for a remainder on a bin's edge).
    let bin = (slot / 8).max(1);
    let span = ((slot + 1 + bin - 1) / bin + 3) as usize;
    let per_bin = 1.0 / bin as f64;
    let (mut phases, mut bins, mut rem) = (Vec::with_capacity(n), Vec::new(), Vec::with_capacity(n));
    let mut least = 1.0;
    for period in lo..=hi {
        let p = period as i64;
        let share = slot as f64 / p as f64;
        // Where even that bound could not reach the limit the period is not sorted, so for a
        // wallet nowhere near the limit the chance kept is the least of the periods read (or 1).
        // Remainders by multiplying (a division per order per period is the cost here).
        let inv = 1.0 / p as f64;
        rem.clear();
        rem.extend(times.iter().map(|&t| {
            let t = i64::from(t);
            let r = t - (t as f64 * inv) as i64 * p;
            if r < 0 {
                r + p
            } else if r >= p {
                r - p
            } else {
                r
            }
        }));
        let k = ((p + bin - 1) / bin) as usize;
        bins.clear();
        bins.resize(k, 0usize);
        for &r in &rem {
            bins[((r as f64 * per_bin) as usize).min(k - 1)] += 1;
        }
        let mut window: usize = (0..span).map(|i| bins[i % k]).sum();
        let mut most = window;
        for i in 0..k {
            window = window + bins[(i + span) % k] - bins[i];
            most = most.max(window);
        }
        if chernoff(most.min(n), n, share) > limit {
            continue;
        }
        phases.clear();
        phases.extend_from_slice(&rem);
        let hits = busiest_slot(&mut phases, p, slot);
        let chance = chernoff(hits, n, share);
        if chance < least {
            (least, f.poll_period_secs, f.poll_hits) = (chance, period, hits);
        }
    }
    f.poll_orders = n;
    f.poll_chance = Some((least * tries).min(1.0));
}

/// Of times folded onto `period` (`phases`, each in `0..period`), the most in one slot `slot`
/// wide (wrapping the period). Sorts `phases`.
fn busiest_slot(phases: &mut [i64], period: i64, slot: i64) -> usize {
    let n = phases.len();
    phases.sort_unstable();
    // Twice round the period, so a slot may wrap.
    let at = |k: usize| if k >= n { phases[k - n] + period } else { phases[k] };
    let (mut end, mut best) = (0usize, 0usize);
    for start in 0..n {
        end = end.max(start);
        while end < start + n && at(end) - at(start) <= slot {
            end += 1;
        }
        best = best.max(end - start);
    }
    best
}

/// A bound on the chance that `hits` or more of `n` independent draws land where each lands with
/// chance `p` (the Chernoff bound, `exp(-n KL(hits/n, p))`; 1 at or below the expected count).
fn chernoff(hits: usize, n: usize, p: f64) -> f64 {
    let q = hits as f64 / n.max(1) as f64;
    if q <= p || p <= 0.0 {
        return 1.0;
    }
    let kl = q * (q / p).ln() + if q < 1.0 { (1.0 - q) * ((1.0 - q) / (1.0 - p)).ln() } else { 0.0 };
    (-(n as f64) * kl).exp()
}

/// Over `windows`, the share in which a leader — another wallet that traded the same token and
/// side within `reach` before the wallet's order in at least `min_trail_matches` windows, and
/// `trail_lift` times as often before as after — came first, and the leaders (at most three,
/// most windows first). With `opens`, a leader counts only where it came before the other
/// leaders, and only if it did so in at least that share of the windows it was in: after a
/// rush of programs on one feed no one of them is first again and again; a famous wallet comes
/// before those who follow it every time. `None` with fewer than `min_trail_windows` windows.
fn behind_leaders(
    wallet: &Wallet,
    windows: &[&TapeWindow],
    reach: i64,
    crowd: Option<u32>,
    opens: Option<f64>,
    cfg: &BotFilterConfig,
) -> Option<(f64, Vec<Wallet>)> {
    if windows.len() < cfg.min_trail_windows as usize || windows.is_empty() {
        return None;
    }
    // Per window, the other wallets first (with their first trade's time) and after.
    let mut firsts: Vec<Vec<(&Wallet, i64)>> = Vec::with_capacity(windows.len());
    let mut before: HashMap<&Wallet, usize> = HashMap::new();
    let mut after: HashMap<&Wallet, usize> = HashMap::new();
    for w in windows {
        let at = w.request.at.timestamp();
        let mut first: Vec<(&Wallet, i64)> = Vec::new();
        let mut next: Vec<&Wallet> = Vec::new();
        for t in &w.trades {
            if &t.wallet == wallet || t.asset != w.request.asset || t.side != w.request.side {
                continue;
            }
            let ts = t.timestamp.timestamp();
            if ts < at && at - ts <= reach {
                first.push((&t.wallet, ts));
            } else if ts > at && ts - at <= reach {
                next.push(&t.wallet);
            }
        }
        first.sort_unstable();
        first.dedup_by(|b, a| a.0 == b.0);
        // A rush (many wallets on the same side within seconds, as after news) has a first
        // wallet too; only a few wallets ahead of the wallet is following one of them.
        if crowd.is_some_and(|c| first.len() > c as usize) {
            first.clear();
        }
        next.sort_unstable();
        next.dedup();
        for (l, _) in &first {
            *before.entry(l).or_default() += 1;
        }
        for l in &next {
            *after.entry(l).or_default() += 1;
        }
        firsts.push(first);
    }
    let mut leaders: Vec<(&Wallet, usize)> = before
        .iter()
        .filter(|(l, b)| **b >= cfg.min_trail_matches as usize && **b as f64 >= cfg.trail_lift * after.get(*l).copied().unwrap_or(0) as f64)
        .map(|(l, b)| (*l, *b))
        .collect();
    leaders.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let leader_set: HashSet<&Wallet> = leaders.iter().map(|(l, _)| *l).collect();
    let is_leader = |w: &Wallet| leader_set.contains(w);
    let trailed = match opens {
        None => firsts.iter().filter(|first| first.iter().any(|(l, _)| is_leader(l))).count(),
        Some(share) => {
            // Each window's opener, found once: counted per leader, then read for the trailing.
            let openers: Vec<Option<&Wallet>> = firsts.iter().map(|first| opener(first, is_leader)).collect();
            let mut opened: HashMap<&Wallet, usize> = HashMap::new();
            for l in openers.iter().flatten() {
                *opened.entry(l).or_default() += 1;
            }
            let first_again = |l: &Wallet| opened.get(l).copied().unwrap_or(0) as f64 >= share * before[l] as f64;
            let trailed = openers.iter().filter(|o| o.is_some_and(first_again)).count();
            leaders.retain(|(l, _)| first_again(l));
            trailed
        }
    };
    Some((trailed as f64 / windows.len() as f64, leaders.iter().take(3).map(|(l, _)| (*l).clone()).collect()))
}

/// The leader strictly first among those in one window's wallets ahead of the order, if one is.
fn opener<'a>(first: &[(&'a Wallet, i64)], is_leader: impl Fn(&Wallet) -> bool) -> Option<&'a Wallet> {
    let mut ls = first.iter().filter(|(l, _)| is_leader(l)).map(|(l, ts)| (*ts, *l)).collect::<Vec<_>>();
    ls.sort_unstable();
    match ls.as_slice() {
        [one] => Some(one.1),
        [a, b, ..] if a.0 < b.0 => Some(a.1),
        _ => None,
    }
}

/// Leading: in each window, the wallet's price against the market's last trade (another
/// wallet's, in the order's token or its complement) within `lead_window_secs` after the order,
/// and the market's first trade as long before it. A window is ahead when the price then moved
/// `lead_move` or more the order's way (up after a buy, down after a sell) from where it had
/// stood (the order within `lead_move` of the price before) — a program on a feed trades at the
/// start of the move, a person reading the same news or watching the same game arrives after
/// it; against when the price moved as far the other way. An order for a near-certain outcome
/// (at `sniper_min_price` or more) is never ahead: its price drifts to 1 as the market closes.
/// `lead_share` is ahead less against, over the windows with another wallet's trade both before
/// and after the order (where the price stood and went). A truncated read ends early; its last
/// trade is still after the order. Shown with the rush, not scored.
fn leading(wallet: &Wallet, tape: &[TapeWindow], cfg: &BotFilterConfig, f: &mut Features) {
    let reach = cfg.lead_window_secs as i64;
    let (mut read, mut ahead, mut against) = (0usize, 0usize, 0usize);
    for w in tape {
        let at = w.request.at.timestamp();
        let price = |t: &Trade| {
            let p = t.price.to_f64();
            if t.asset == w.request.asset { p } else { 1.0 - p }
        };
        let (mut own, mut own_n) = (0.0, 0usize);
        let (mut before, mut after) = (None, None);
        for t in &w.trades {
            let dt = t.timestamp.timestamp() - at;
            if &t.wallet == wallet {
                if dt == 0 && t.asset == w.request.asset && t.side == w.request.side {
                    own += t.price.to_f64();
                    own_n += 1;
                }
            } else if dt < 0 && dt >= -reach && before.is_none() {
                before = Some(price(t));
            } else if dt > 0 && dt <= reach {
                after = Some(price(t));
            }
        }
        let (Some(before), Some(after)) = (before, after) else { continue };
        if own_n == 0 {
            continue;
        }
        let own = own / own_n as f64;
        let sign = if w.request.side == Side::Buy { 1.0 } else { -1.0 };
        let (moved, came) = (sign * (after - own), sign * (own - before));
        read += 1;
        // A near-certain outcome's price drifts to 1 as its market closes: no news in that.
        let certain = sign * own + (1.0 - sign) / 2.0 >= cfg.sniper_min_price;
        if moved >= cfg.lead_move && came.abs() < cfg.lead_move {
            ahead += usize::from(!certain);
        } else if moved <= -cfg.lead_move {
            against += 1;
        }
    }
    f.lead_windows = read;
    if read >= cfg.min_lead_windows as usize {
        f.lead_share = Some(ahead.saturating_sub(against) as f64 / read as f64);
    }
}

/// In the rush: in each window with another wallet's trade within the longest of
/// `lead_window_secs`, `trail_window_secs` and `follow_window_secs` of the order, whether `min_rush_trades` or more
/// of them came within `rush_secs` before the order, and at least `rush_lift` times what the
/// window's own pace gives that many seconds (a busy market's steady flow is no rush).
/// `rush_share` is the share of such windows.
fn rushing(wallet: &Wallet, tape: &[TapeWindow], cfg: &BotFilterConfig, f: &mut Features) {
    let rush = cfg.rush_secs as i64;
    // The pace is read within the reach of the short readings, not the slow follower's.
    let reach = cfg.lead_window_secs.max(cfg.trail_window_secs).max(cfg.follow_window_secs) as i64;
    let (mut paced, mut rushed) = (0usize, 0usize);
    for w in tape {
        let at = w.request.at.timestamp();
        let (mut others, mut just_before) = (0usize, 0usize);
        for t in w.trades.iter().filter(|t| &t.wallet != wallet && (t.timestamp.timestamp() - at).abs() <= reach) {
            others += 1;
            just_before += usize::from((1..=rush).contains(&(at - t.timestamp.timestamp())));
        }
        if others == 0 {
            continue;
        }
        paced += 1;
        let (from, to) = (w.request.from.timestamp().max(at - reach), w.request.to.timestamp().min(at + reach));
        let span = (to - from).max(1) as f64;
        let pace = others as f64 * rush as f64 / span;
        if just_before >= cfg.min_rush_trades as usize && just_before as f64 >= cfg.rush_lift * pace {
            rushed += 1;
        }
    }
    f.rush_windows = paced;
    if paced >= cfg.min_rush_windows as usize {
        f.rush_share = Some(rushed as f64 / paced as f64);
    }
}

/// Runs of child orders: for each token and side, the orders in time order, scanned for runs
/// with repeating gaps (`sliced_share`) and runs of one size (`equal_slice_share`).
fn slices(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    let mut by_leg: BTreeMap<(&str, bool), Vec<&Order<'_>>> = BTreeMap::new();
    for o in orders {
        by_leg.entry((o.asset, o.side == Side::Buy)).or_default().push(o);
    }
    let min_run = (cfg.min_slice_orders as usize).max(2);
    let max_gap = cfg.max_slice_gap_secs as i64;
    let (mut sliced, mut equal) = (0usize, 0usize);
    for leg in by_leg.values() {
        // Repeating gaps: a run grows while each gap is within tolerance of the previous one.
        let mut run = 1usize; // orders in the current run
        for i in 1..leg.len() {
            let gap = leg[i].ts - leg[i - 1].ts;
            let fits = gap >= cfg.min_slice_gap_secs as i64 && gap <= max_gap;
            let repeats = i >= 2 && run >= 2 && {
                let prev = leg[i - 1].ts - leg[i - 2].ts;
                (gap - prev).abs() as f64 <= (cfg.slice_gap_tolerance * prev as f64).max(cfg.slice_gap_tolerance_secs as f64)
            };
            if fits && (run == 1 || repeats) {
                run += 1;
            } else {
                if run >= min_run {
                    sliced += run;
                }
                run = if fits { 2 } else { 1 };
            }
        }
        if run >= min_run {
            sliced += run;
        }
        // One size: a run grows while orders follow within the gap and match the run's first.
        let same = |a: &Order<'_>, b: &Order<'_>| {
            let close = |x: f64, y: f64| (x - y).abs() <= cfg.slice_size_tolerance * x.max(y);
            close(a.shares, b.shares) || close(a.notional, b.notional)
        };
        let mut start = 0usize;
        for i in 1..=leg.len() {
            let continues = i < leg.len() && leg[i].ts - leg[i - 1].ts <= max_gap && same(leg[start], leg[i]);
            if !continues {
                if i - start >= min_run {
                    equal += i - start;
                }
                start = i;
            }
        }
    }
    let n = orders.len().max(1) as f64;
    f.sliced_orders = sliced;
    f.sliced_share = sliced as f64 / n;
    f.equal_slice_share = equal as f64 / n;
    let min = cfg.venue_min_order_shares;
    let buys = orders.iter().filter(|o| o.side == Side::Buy).count();
    let at_min = orders.iter().filter(|o| o.side == Side::Buy && (o.shares - min).abs() < 0.005).count();
    f.min_size_buy_share = if buys == 0 { 0.0 } else { at_min as f64 / buys as f64 };
}

/// Which buys are of near-certain outcomes, and which buy both outcomes of one market within
/// the pair window.
fn buy_prices_and_pairs(orders: &[Order<'_>], cfg: &BotFilterConfig, f: &mut Features) {
    let buys: Vec<&Order<'_>> = orders.iter().filter(|o| o.side == Side::Buy && o.shares > 0.0).collect();
    f.buys = buys.len();
    if buys.is_empty() {
        return;
    }
    let is_high = |o: &Order<'_>| o.notional / o.shares >= cfg.sniper_min_price - 1e-9;
    let high = buys.iter().filter(|o| is_high(o)).count();
    f.high_price_buy_share = high as f64 / buys.len() as f64;
    let mut entered_high: HashMap<&str, bool> = HashMap::new();
    for o in &buys {
        entered_high.entry(o.market).or_insert_with(|| is_high(o));
    }
    let high_entries = buys.iter().filter(|o| is_high(o) && entered_high[o.market]).count();
    f.high_price_entry_share = high_entries as f64 / buys.len() as f64;
    let window = crate::time::secs(cfg.pair_window_secs).num_seconds();
    let paired = (0..buys.len())
        .filter(|&i| {
            let o = buys[i];
            let near = |j: &usize| buys[*j].market == o.market && buys[*j].asset != o.asset;
            let later = (i + 1..buys.len()).take_while(|&j| buys[j].ts - o.ts <= window).any(|j| near(&j));
            let earlier = (0..i).rev().take_while(|&j| o.ts - buys[j].ts <= window).any(|j| near(&j));
            later || earlier
        })
        .count();
    f.paired_buy_share = paired as f64 / buys.len() as f64;
}

/// Per market: the last buy and sell time of each of its tokens.
#[derive(Default)]
struct MarketSides<'a> {
    tokens: Vec<(&'a str, i64, i64)>,
    events: usize,
    last_event_tx: Option<&'a str>,
    bought: f64,
    sold: f64,
}

fn two_sided(fills: &[&Trade], window: i64, f: &mut Features) {
    let mut markets: HashMap<&str, MarketSides<'_>> = HashMap::new();
    for t in fills {
        let ts = t.timestamp.timestamp();
        let m = markets.entry(t.condition_id.as_str()).or_default();
        let recent = |x: i64| x != i64::MIN && ts - x <= window;
        let opposite = m.tokens.iter().any(|&(asset, last_buy, last_sell)| {
            if asset == t.asset {
                match t.side {
                    Side::Buy => recent(last_sell),
                    Side::Sell => recent(last_buy),
                }
            } else {
                // Buying both outcomes of one market.
                t.side == Side::Buy && recent(last_buy)
            }
        });
        // Count orders, not fills: a sell sweeping three levels is one episode.
        if opposite && m.last_event_tx != Some(t.transaction_hash.as_str()) {
            m.events += 1;
            m.last_event_tx = Some(t.transaction_hash.as_str());
        }
        let slot = match m.tokens.iter_mut().position(|e| e.0 == t.asset) {
            Some(i) => &mut m.tokens[i],
            None => {
                m.tokens.push((t.asset.as_str(), i64::MIN, i64::MIN));
                m.tokens.last_mut().expect("just pushed")
            }
        };
        match t.side {
            Side::Buy => slot.1 = ts,
            Side::Sell => slot.2 = ts,
        }
        match t.side {
            Side::Buy => m.bought += t.size.to_f64(),
            Side::Sell => m.sold += t.size.to_f64(),
        }
    }
    let mut imbalance: Vec<f64> = markets
        .values()
        .filter(|m| m.events > 0 && m.bought + m.sold > 0.0)
        .map(|m| (m.bought - m.sold).abs() / (m.bought + m.sold))
        .collect();
    f.two_sided_inventory_imbalance = median(&mut imbalance);
    f.markets = markets.len();
    f.two_sided_markets = markets.values().filter(|m| m.events > 0).count();
    f.two_sided_events = markets.values().map(|m| m.events).sum();
    f.two_sided_share = if f.markets == 0 { 0.0 } else { f.two_sided_markets as f64 / f.markets as f64 };
}

/// Real holding times: each sell is matched first-in-first-out to earlier buys of the same
/// token, and the hold is sell time minus buy time (never the gap between neighbouring rows).
/// Sells of shares bought before the history starts match nothing and are ignored.
fn hold_times(fills: &[&Trade], min_hold: i64, f: &mut Features) {
    let mut lots: HashMap<&str, VecDeque<(i64, f64)>> = HashMap::new();
    let mut holds: Vec<(f64, f64)> = Vec::new(); // (hold secs, shares)
    let mut bought = 0.0;
    for t in fills {
        let ts = t.timestamp.timestamp();
        let shares = t.size.to_f64();
        match t.side {
            Side::Buy => {
                bought += shares;
                lots.entry(t.asset.as_str()).or_default().push_back((ts, shares));
            }
            Side::Sell => {
                let Some(queue) = lots.get_mut(t.asset.as_str()) else { continue };
                let mut left = shares;
                let mut matched = false;
                while left > 1e-9 {
                    let Some(lot) = queue.front_mut() else { break };
                    let take = left.min(lot.1);
                    holds.push(((ts - lot.0) as f64, take));
                    matched = true;
                    lot.1 -= take;
                    left -= take;
                    if lot.1 <= 1e-9 {
                        queue.pop_front();
                    }
                }
                if matched {
                    f.round_trips += 1;
                }
            }
        }
    }
    if holds.is_empty() {
        return;
    }
    let quick: f64 = holds.iter().filter(|h| h.0 < min_hold as f64).map(|h| h.1).sum();
    f.quick_close_share = if bought > 0.0 { (quick / bought).min(1.0) } else { 0.0 };
    holds.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = holds.iter().map(|h| h.1).sum();
    let mut acc = 0.0;
    for (hold, w) in &holds {
        acc += w;
        if acc >= total / 2.0 {
            f.median_hold_secs = Some(*hold);
            break;
        }
    }
}

/// 0 at `at`, rising linearly to 1 at `full`.
fn ramp(x: f64, at: f64, full: f64) -> f64 {
    if full == at {
        return if x >= full { 1.0 } else { 0.0 };
    }
    ((x - at) / (full - at)).clamp(0.0, 1.0)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn duration(secs: f64) -> String {
    if secs < 120.0 {
        format!("{secs:.0} s")
    } else if secs < 7200.0 {
        format!("{:.0} min", secs / 60.0)
    } else if secs < 172_800.0 {
        format!("{:.1} h", secs / 3600.0)
    } else {
        format!("{:.1} days", secs / 86_400.0)
    }
}

fn tells(f: &Features, cfg: &BotFilterConfig) -> Vec<Tell> {
    let w = &cfg.weights;
    let mut out = Vec::with_capacity(10);

    // Decisive: hundreds of orders a day, day after day.
    let max_tpd = cfg.max_human_trades_per_day;
    out.push(Tell {
        sign: "hundreds of orders a day",
        kind: BotKind::HighFrequency,
        weight: w.busy,
        strength: ramp(f.trades_per_active_day, max_tpd, 4.0 * max_tpd),
        decisive: true,
        reason: format!("{:.1} orders per active day (human ceiling {max_tpd:.0})", f.trades_per_active_day),
    });

    // Decisive: sustained zero-second gaps between different orders.
    let max_sub = cfg.max_subsecond_share;
    let sub = if f.subsecond_gaps >= cfg.min_subsecond_gaps as usize { f.subsecond_share } else { 0.0 };
    out.push(Tell {
        sign: "sub-second reactions",
        kind: BotKind::HighFrequency,
        weight: w.subsecond,
        strength: ramp(sub, max_sub, 4.0 * max_sub),
        decisive: true,
        reason: format!(
            "{} of gaps between different orders are sub-second ({} times; limit {})",
            pct(f.subsecond_share),
            f.subsecond_gaps,
            pct(max_sub)
        ),
    });

    // Decisive: most orders are dust.
    let max_micro = cfg.max_micro_share;
    out.push(Tell {
        sign: "dust trades",
        kind: BotKind::MicroTrader,
        weight: w.dust,
        strength: ramp(f.micro_share, max_micro, max_micro + 0.8 * (1.0 - max_micro)),
        decisive: true,
        reason: format!(
            "{} of orders under ${} (limit {})",
            pct(f.micro_share),
            cfg.micro_trade_notional.value().normalize(),
            pct(max_micro)
        ),
    });

    // Decisive: both outcomes of a market bought within seconds, again and again.
    let max_pair = cfg.max_paired_buy_share;
    out.push(Tell {
        sign: "both outcomes bought together",
        kind: BotKind::Arbitrage,
        weight: w.paired_buys,
        strength: ramp(f.paired_buy_share, max_pair, (4.0 * max_pair).min(1.0)),
        decisive: true,
        reason: format!(
            "{} of buys have a buy of the other outcome within {} s (limit {})",
            pct(f.paired_buy_share),
            cfg.pair_window_secs,
            pct(max_pair)
        ),
    });

    // No sleep: no quiet stretch in the day, whatever the time zone. Two readings of one sign:
    // the longest quiet run (sharp with many orders) and the share of orders in the quietest
    // stretch a night would take (sharp with a few dozen, where empty hours are chance).
    let max_cov = cfg.max_human_hour_coverage;
    let min_window = cfg.min_sleepless_window_share;
    // Full strength once the longest quiet stretch is an hour or less: with tens of orders a
    // day, a single empty hour is sampling noise, not sleep.
    let by_run = ramp(f.hour_coverage, max_cov, 23.0 / 24.0);
    // Full strength at twice the floor: half of what a wallet spread evenly would show.
    let by_window = ramp(f.quietest_window_share, min_window, 2.0 * min_window);
    // Weeks of it: as many orders in the quietest eight hours as a wallet spread over most of
    // the clock, on hundreds of orders over weeks, is no person's (whose sleep may drift, but
    // not every night for weeks).
    let long = f.orders >= cfg.decisive_sleepless_orders as usize && f.active_days >= cfg.decisive_sleepless_days;
    // Or days on end without a rest: a program that only slows in the market's quiet hours
    // keeps trading through the night a person would sleep.
    let restless = long && f.unrested_day_share >= cfg.decisive_unrested_day_share;
    // Or no week with a night in it: a person whose hours drift (shifts, travel) still sleeps
    // at one time within a week. Not read where the fills look like resting limit orders,
    // which fill at whatever hour a taker comes.
    let weekly = f.weekly_windows >= cfg.min_weekly_windows as usize
        && f.resting_repeat_share < cfg.max_resting_repeat_share
        && f.weekly_quiet_share.is_some_and(|s| s >= cfg.decisive_weekly_quiet_share);
    let weeks = restless || weekly || (long && f.quietest_window_share >= cfg.decisive_sleepless_window_share);
    // On such a history, the sign weighs more the nearer the quietest hours come to the
    // decisive share (a program pausing in the market's own quiet hours stays below it).
    let toward_weeks = ramp(f.quietest_window_share, 2.0 * min_window, cfg.decisive_sleepless_window_share);
    let weight = if weeks {
        w.sleepless_weeks
    } else if long {
        w.sleepless + (w.sleepless_weeks - w.sleepless).max(0.0) * toward_weeks
    } else {
        w.sleepless
    };
    out.push(Tell {
        sign: "around the clock",
        kind: BotKind::AroundTheClock,
        weight,
        strength: if restless || weekly { 1.0 } else { by_run.max(by_window) },
        decisive: weeks,
        reason: format!(
            "active in {} hours of the day with no quiet stretch longer than {} h (coverage {:.2}, limit {max_cov:.2}); {} of orders in the quietest {} h (limit {}); {} of days without a {} h rest (decisive from {}); {} of orders in the quietest {} h of the median week over {} weeks (decisive from {} over {}, unless {} of orders repeat a price as resting orders do: {})",
            f.active_hours,
            f.longest_quiet_hours,
            f.hour_coverage,
            pct(f.quietest_window_share),
            cfg.sleep_window_hours,
            pct(min_window),
            pct(f.unrested_day_share),
            cfg.rest_gap_hours,
            pct(cfg.decisive_unrested_day_share),
            f.weekly_quiet_share.map_or("-".to_string(), pct),
            cfg.sleep_window_hours,
            f.weekly_windows,
            pct(cfg.decisive_weekly_quiet_share),
            cfg.min_weekly_windows,
            pct(cfg.max_resting_repeat_share),
            pct(f.resting_repeat_share)
        ),
    });

    // Machine-regular timing: one sign, read three ways. Gaps between all orders as regular as
    // a metronome at machine cadence; child orders of one token and side at a repeating
    // interval (a parent order cut up by a TWAP or iceberg executor), whatever the wallet does
    // between them; or orders inside one narrow slot of the day on most days (a job on a
    // clock: a person's habits drift by more than the slot). Slicing parent after parent is
    // beyond a person and decides alone.
    let min_cv = cfg.min_human_gap_cv;
    let by_gaps = match (f.gap_cv, f.median_gap_secs) {
        (Some(cv), Some(med)) if med <= cfg.max_regular_gap_secs as f64 => {
            let weight = if f.orders > cfg.regular_timing_min_orders as usize { w.regular_timing } else { w.regular_timing_few };
            Some((weight, ramp(min_cv - cv, 0.0, min_cv)))
        }
        _ => None,
    };
    let max_sliced = cfg.max_sliced_share;
    // Full strength at twice the floor.
    let by_slices = (w.slicing, ramp(f.sliced_share, max_sliced, (2.0 * max_sliced).min(1.0)));
    let max_sched = cfg.max_schedule_day_share;
    let by_schedule = f.schedule_day_share.map(|s| (w.regular_timing, ramp(s, max_sched, (max_sched + 0.3).min(1.0))));
    let schedule_decides = daily_schedule_decides(f, cfg);
    let max_clock = cfg.max_clock_share;
    // Full strength at 0.3 more.
    let by_clock = f.clock_share.map(|s| (w.timer, ramp(s, max_clock, (max_clock + 0.3).min(1.0))));
    // Slicing parent after parent, or a timer firing in one slot session after session,
    // decides alone, whatever the other readings show.
    let slicing_decides = by_slices.1 >= 1.0 && f.sliced_orders >= cfg.decisive_sliced_orders as usize;
    let clock_decides = by_clock.is_some_and(|c| c.1 >= 1.0) && f.clock_sessions >= cfg.decisive_clock_sessions as usize;
    let (weight, strength) = if slicing_decides {
        by_slices
    } else if clock_decides || schedule_decides {
        (w.timer, 1.0)
    } else {
        let readings = [by_gaps, Some(by_slices), by_schedule, by_clock];
        readings.into_iter().flatten().fold((w.regular_timing, 0.0), |best, r| if r.0 * r.1 > best.0 * best.1 { r } else { best })
    };
    if strength > 0.0 || by_gaps.is_some() {
        out.push(Tell {
            sign: "machine-regular timing",
            kind: BotKind::Metronome,
            weight,
            strength,
            decisive: slicing_decides || clock_decides || schedule_decides,
            reason: format!(
                "machine-regular timing: gaps between orders CV {} (humans ≥ {min_cv:.2}), median gap {}; {} of orders ({}) in child-order runs at a repeating interval (limit {}); {} of {} active days with an order in one {} slot of the day (limit {}; decisive from {} over {} days); {} of sessions ({}) starting in one {} slot of every {} (limit {})",
                f.gap_cv.map_or("-".to_string(), |cv| format!("{cv:.2}")),
                f.median_gap_secs.map_or("-".to_string(), duration),
                pct(f.sliced_share),
                f.sliced_orders,
                pct(max_sliced),
                f.schedule_day_share.map_or("-".to_string(), pct),
                f.active_days,
                duration(cfg.schedule_slot_secs as f64),
                pct(max_sched),
                pct(cfg.decisive_schedule_day_share),
                cfg.decisive_schedule_days,
                f.clock_share.map_or("-".to_string(), pct),
                f.clock_sessions,
                duration(cfg.clock_slot_secs as f64),
                if f.clock_period_secs == 0 { "-".to_string() } else { duration(f.clock_period_secs as f64) },
                pct(max_clock)
            ),
        });
    }

    // Near-identical sizes: one sign, read four ways. The spread of all sizes (shares or
    // dollars); one fixed dollar stake behind most buys whatever the price, as a copy bot
    // mirrors every trade with the same stake; runs of child orders of one size; or buys
    // clamped again and again to the venue's minimum, as a copy bot scaling its leaders down
    // is. A person who always types the same stake, or cuts a large order into equal chunks
    // by hand, shows one of these too, so the sign never decides alone.
    let min_cv = cfg.min_human_size_cv;
    // Full strength at half the floor: a fixed stake still varies a little with ticks.
    let by_cv = f.size_cv.map_or(0.0, |cv| ramp(min_cv - cv, 0.0, min_cv / 2.0));
    let max_disp = cfg.max_fixed_stake_dispersion;
    let by_stake = f.stake_dispersion.map_or(0.0, |d| ramp(max_disp - d, 0.0, max_disp / 2.0));
    // Full strength at twice the floor.
    let max_equal = cfg.max_equal_slice_share;
    let by_slices = ramp(f.equal_slice_share, max_equal, (2.0 * max_equal).min(1.0));
    let max_min = cfg.max_min_size_buy_share;
    let by_minimum = ramp(f.min_size_buy_share, max_min, (2.0 * max_min).min(1.0));
    let max_modal = cfg.max_modal_size_share;
    let by_modal = ramp(f.modal_size_share, max_modal, (max_modal + 0.25).min(1.0));
    if f.size_cv.is_some() || f.stake_dispersion.is_some() {
        let readings = [
            (w.constant_size, by_cv),
            (w.fixed_stake, by_stake),
            (w.constant_size, by_slices),
            (w.fixed_stake, by_minimum),
            (w.constant_size, by_modal),
        ];
        let (weight, strength) =
            readings.into_iter().fold((w.constant_size, 0.0), |best, r| if r.0 * r.1 > best.0 * best.1 { r } else { best });
        out.push(Tell {
            sign: "near-identical sizes",
            kind: BotKind::FixedSize,
            weight,
            strength,
            decisive: false,
            reason: format!(
                "near-constant order sizes: CV {} (humans ≥ {min_cv:.2}); buy stakes within {} of their median (fixed below {}); {} of orders in runs of one size (limit {}); {} of buys at the venue minimum of {} shares (limit {}); {} of other orders at one exact size (limit {})",
                f.size_cv.map_or("-".to_string(), |cv| format!("{cv:.2}")),
                f.stake_dispersion.map_or("-".to_string(), pct),
                pct(max_disp),
                pct(f.equal_slice_share),
                pct(max_equal),
                pct(f.min_size_buy_share),
                cfg.venue_min_order_shares,
                pct(max_min),
                pct(f.modal_size_share),
                pct(max_modal)
            ),
        });
    }

    // Both sides of the same markets: one sign, whether it reads as quoting (repeated in each
    // market, inventory kept flat) or as getting in and out quickly (short holds). A person
    // trading in and out shows it too, so it never decides alone.
    let max_two = cfg.max_two_sided_share;
    let per_market = if f.two_sided_markets == 0 { 0.0 } else { f.two_sided_events as f64 / f.two_sided_markets as f64 };
    let two_sided = ramp(f.two_sided_share, max_two, (2.0 * max_two).min(1.0));
    let repeated = ramp(per_market, 1.0, cfg.market_maker_events_per_market);
    let imbalance = f.two_sided_inventory_imbalance.unwrap_or(1.0);
    let flat = ramp(cfg.max_maker_inventory_imbalance - imbalance, 0.0, cfg.max_maker_inventory_imbalance / 2.0);
    let quoting = two_sided * (0.5 + 0.5 * repeated) * (0.5 + 0.5 * flat);
    let short_hold = match f.median_hold_secs.filter(|_| f.round_trips >= cfg.min_round_trips as usize) {
        Some(hold) => {
            let min_hold = cfg.min_human_median_hold_secs as f64;
            ramp(min_hold - hold, 0.0, min_hold)
        }
        None => 0.0,
    };
    let hold_text = match f.median_hold_secs {
        Some(hold) => format!("median buy-to-sell hold {} over {} round trips", duration(hold), f.round_trips),
        None => "no round trips".to_string(),
    };
    let quoting_contribution = w.maker_quoting * quoting;
    let quick_contribution = w.quick_round_trips * short_hold;
    let (kind, weight, strength) = if quoting_contribution >= quick_contribution {
        (BotKind::MarketMaker, w.maker_quoting, quoting)
    } else {
        (BotKind::Scalper, w.quick_round_trips, short_hold)
    };
    out.push(Tell {
        sign: if kind == BotKind::MarketMaker { TWO_SIDED } else { QUICK },
        kind,
        weight,
        strength,
        decisive: false,
        reason: format!(
            "trades both sides of {} of {} markets within {} ({}; limit {}), {:.1} times per such market, inventory imbalance {}; {hold_text}",
            f.two_sided_markets,
            f.markets,
            duration(cfg.two_sided_window_secs as f64),
            pct(f.two_sided_share),
            pct(max_two),
            per_market,
            f.two_sided_inventory_imbalance.map_or("-".to_string(), pct),
        ),
    });

    // Discipline no person keeps: nearly every position bought is closed again within the
    // hold floor (a day trader closes many, not all, and often only part).
    if f.round_trips >= cfg.min_round_trips as usize && f.active_days >= cfg.min_close_active_days {
        let floor = cfg.min_quick_close_share;
        out.push(Tell {
            sign: CLOSES,
            kind: BotKind::Scalper,
            weight: w.closes_everything,
            strength: ramp(f.quick_close_share, floor, (floor + 0.1).min(1.0)),
            decisive: false,
            reason: format!(
                "{} of bought shares sold again within {} (limit {})",
                pct(f.quick_close_share),
                duration(cfg.min_human_median_hold_secs as f64),
                pct(floor)
            ),
        });
    }

    // Entering markets at near-certain prices, as resolution snipers do (buys at those prices
    // in markets entered lower are a person adding to a winner, not sniping).
    let max_high = cfg.max_high_price_buy_share;
    out.push(Tell {
        sign: "buys near-certain outcomes",
        kind: BotKind::ResolutionSniper,
        weight: w.sniping,
        strength: ramp(f.high_price_entry_share, max_high, (max_high + 0.4).min(1.0)),
        decisive: false,
        reason: format!(
            "{} of {} buys at {:.2} or more, {} in markets entered at that price (limit {})",
            pct(f.high_price_buy_share),
            f.buys,
            cfg.sniper_min_price,
            pct(f.high_price_entry_share),
            pct(max_high)
        ),
    });

    // Working through a book: orders in several markets seconds apart, again and again (a
    // person needs longer to go from one market's page to the next). Run after run, it is a
    // program working through its list, and decides alone.
    if f.bursts >= cfg.min_bursts as usize {
        let max_burst = cfg.max_burst_share;
        out.push(Tell {
            sign: "orders across markets in seconds",
            kind: BotKind::Batch,
            weight: w.batched,
            strength: ramp(f.burst_share, max_burst, (2.0 * max_burst).min(1.0)),
            decisive: f.bursts >= cfg.decisive_bursts as usize,
            reason: format!(
                "{} bursts of orders in {}+ markets each within {} of the last, {} of orders (limit {})",
                f.bursts,
                cfg.min_burst_markets,
                duration(cfg.burst_gap_secs as f64),
                pct(f.burst_share),
                pct(max_burst)
            ),
        });
    }

    // Trailing other wallets: the same token and side seconds after one of a few wallets,
    // window after window, and seldom before them; or within a couple of minutes after the
    // same wallets in nearly every window, however many others followed them too (a program
    // polling the venue for its leaders' trades). At full strength beyond a person, who cannot
    // react to another wallet's trades within seconds again and again, nor be behind the same
    // wallets in nearly every market they trade. One sign: both are the same habit.
    if f.trailing_share.is_some() || f.follow_share.is_some() {
        let min_share = cfg.min_trailing_share;
        let names = |ls: &[Wallet]| {
            if ls.is_empty() { "no repeat leader".to_string() } else { ls.iter().map(Wallet::short).collect::<Vec<_>>().join(", ") }
        };
        let close = f.trailing_share.map(|share| ramp(share, min_share, (2.0 * min_share).min(1.0))).unwrap_or(0.0);
        let follow = f.follow_share.map(|share| ramp(share, cfg.min_follow_share, cfg.full_follow_share)).unwrap_or(0.0);
        let mut parts = Vec::new();
        if let Some(share) = f.trailing_share {
            parts.push(format!(
                "in {} of {} windows of market trades, traded the same token and side within {} after {} (limit {})",
                pct(share),
                f.trail_windows,
                duration(cfg.trail_window_secs as f64),
                names(&f.trailed),
                pct(min_share)
            ));
        }
        if let Some(share) = f.follow_share {
            parts.push(format!(
                "in {} of {} windows, within {} after {} among the others (limit {})",
                pct(share),
                f.follow_windows,
                duration(cfg.follow_window_secs as f64),
                names(&f.followed),
                pct(cfg.min_follow_share)
            ));
        }
        out.push(Tell {
            sign: "trails other wallets",
            kind: BotKind::CopyBot,
            weight: w.trailing,
            strength: close.max(follow),
            decisive: true,
            reason: parts.join("; "),
        });
    }

    // On a poll timer: behind the same leaders minutes later in nearly every window (as a person
    // copying by hand can be), with the orders crowding one slot of a short period (as a person
    // placing orders when they look cannot). Full strength when chance is `max_poll_chance`
    // squared or less: beyond a person.
    if let Some(chance) = f.poll_chance {
        let (lo, full) = (cfg.max_poll_chance.ln(), 2.0 * cfg.max_poll_chance.ln());
        let strength = ramp(-chance.max(f64::MIN_POSITIVE).ln(), -lo, -full);
        let names = f.slow_followed.iter().map(Wallet::short).collect::<Vec<_>>().join(", ");
        out.push(Tell {
            sign: "copies on a poll timer",
            kind: BotKind::CopyBot,
            weight: w.polling,
            strength,
            decisive: true,
            reason: format!(
                "in {} of {} windows, within {} after {}; {} of its last {} orders within one {} s slot of a {} period, as a program polling on a timer (chance {:.0e}, limit {:.0e})",
                pct(f.slow_follow_share.unwrap_or(0.0)),
                f.slow_follow_windows,
                duration(cfg.slow_follow_window_secs as f64),
                if names.is_empty() { "no repeat leader".to_string() } else { names },
                f.poll_hits,
                f.poll_orders,
                cfg.poll_slot_secs,
                duration(f.poll_period_secs as f64),
                chance,
                cfg.max_poll_chance
            ),
        });
    }

    // On a feed: the order comes within seconds after a rush of other wallets' trades in its
    // market, window after window — beyond a person at full strength, who learns the news or
    // the score after the feeds the market moves on. Where the price went after the orders
    // (ahead of the market) is shown beside it, not scored: a person at the game itself (a
    // courtsider) trades ahead of the market too, and in and out of it, which would make two
    // signs.
    if let Some(share) = f.rush_share {
        let mut reason = format!(
            "in {} of {} windows of market trades, the order came within {} after a rush of {}+ other trades (limit {})",
            pct(share),
            f.rush_windows,
            duration(cfg.rush_secs as f64),
            cfg.min_rush_trades,
            pct(cfg.min_rush_share)
        );
        if let Some(lead) = f.lead_share {
            reason.push_str(&format!(
                "; in {} of {} (net of moves against), the price moved {:.0}¢ or more its way within {} after the order",
                pct(lead),
                f.lead_windows,
                cfg.lead_move * 100.0,
                duration(cfg.lead_window_secs as f64)
            ));
        }
        let strength = ramp(share, cfg.min_rush_share, 2.0 * cfg.min_rush_share);
        out.push(Tell { sign: "trades in the rush", kind: BotKind::FeedLatency, weight: w.rush, strength, decisive: true, reason });
    }
    out
}
