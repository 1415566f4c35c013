//! `SimWorld`: the generated markets, population and trades, and every query the adapters make
//! of them at a given instant.

use crate::ledger::{self, replay};
use crate::market::{CENTS, Market, generate_markets};
use crate::noise::{hash3, hex64, random_hex};
use crate::params::{Outage, SimParams};
use crate::population::{HumanStyle, Row, WalletKind, WalletTruth, cast, pseudonym, simulate, skill_end, wallet_seed};
use copycat_core::dependency::Dependency;
use copycat_core::market::{Book, LeaderboardEntry, LeaderboardWindow, MarketInfo, WalletPosition};
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::time::{Timestamp, from_secs};
use copycat_core::trade::{Side, Trade, Wallet};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// A deterministic, seeded Polymarket: markets with hidden outcomes, a labelled population and
/// every trade it makes over the history and demo period.
#[derive(Debug)]
pub struct SimWorld {
    params: SimParams,
    markets: Vec<Market>,
    tokens: HashMap<String, (u16, u8)>,
    wallets: Vec<Wallet>,
    wallet_index: HashMap<Wallet, u32>,
    names: Vec<String>,
    truths: Vec<WalletTruth>,
    /// Per wallet, its fills sorted by time.
    rows: Vec<Vec<Row>>,
    /// Per market, `(second, wallet, row)` of every fill in it, sorted by time.
    by_market: Vec<Vec<(i64, u32, u32)>>,
    /// Per wallet, the seconds of its realisations and the running sum of realised PnL
    /// (`realized_sum[i]` = total of the first `i` realisations).
    realized_at: Vec<Vec<i64>>,
    realized_sum: Vec<Vec<Decimal>>,
    /// Manual outage switches, one per dependency (shared by the market data and the broker).
    switches: [AtomicBool; 4],
}

impl SimWorld {
    /// Generates the world: same params, byte-identical world.
    pub fn generate(params: SimParams) -> SimWorld {
        let t0 = params.history_start().timestamp();
        let t1 = params.end().timestamp();
        let mut rng = ChaCha8Rng::seed_from_u64(hash3(params.seed, 0x6d61_726b, 0));
        let markets = generate_markets(&mut rng, &params);
        let tokens = markets
            .iter()
            .enumerate()
            .flat_map(|(m, mk)| mk.token_ids.iter().enumerate().map(move |(o, id)| (id.clone(), (m as u16, o as u8))))
            .collect();

        let mut rng = ChaCha8Rng::seed_from_u64(hash3(params.seed, 0x706f_7075, 0));
        let n = params.wallets as usize;
        let mut truths = cast(n, &mut rng);
        let mut wallets = Vec::with_capacity(n);
        let mut names = Vec::with_capacity(n);
        let mut wallet_index = HashMap::with_capacity(n);
        while wallets.len() < n {
            let address = random_hex(&mut rng, 40);
            let Ok(w) = Wallet::parse(&address) else { continue };
            if wallet_index.contains_key(&w) {
                continue;
            }
            wallet_index.insert(w.clone(), wallets.len() as u32);
            wallets.push(w);
            names.push(pseudonym(&mut rng));
        }

        let mut rows = Vec::with_capacity(n);
        let mut realized_at = Vec::with_capacity(n);
        let mut realized_sum = Vec::with_capacity(n);
        let delay = params.follower_delay_secs();
        for (i, truth) in truths.iter_mut().enumerate() {
            let r = simulate(*truth, wallet_seed(params.seed, i), &markets, t0, t1);
            if truth.kind == WalletKind::Human(HumanStyle::Fading) {
                truth.skilled_until = Some(from_secs(skill_end(wallet_seed(params.seed, i), t0, t1)));
            }
            let edge = follower_edge(&r, &markets, delay, t1, i64::MIN, i64::MAX);
            truth.follower_edge = edge.0;
            truth.follower_copies = edge.1;
            let mut events: Vec<(i64, Decimal)> = Vec::new();
            replay(&r, &markets, i64::MAX, |ts, pnl| events.push((ts, pnl)));
            events.sort_by_key(|e| e.0);
            let mut sum = Vec::with_capacity(events.len() + 1);
            let mut acc = Decimal::ZERO;
            sum.push(acc);
            for (_, pnl) in &events {
                acc += *pnl;
                sum.push(acc);
            }
            realized_at.push(events.iter().map(|e| e.0).collect());
            realized_sum.push(sum);
            rows.push(r);
        }

        let mut by_market: Vec<Vec<(i64, u32, u32)>> = vec![Vec::new(); markets.len()];
        for (w, rs) in rows.iter().enumerate() {
            for (i, r) in rs.iter().enumerate() {
                by_market[r.market as usize].push((r.ts, w as u32, i as u32));
            }
        }
        for m in &mut by_market {
            m.sort_unstable();
        }
        SimWorld {
            by_market,
            params,
            markets,
            tokens,
            wallets,
            wallet_index,
            names,
            truths,
            rows,
            realized_at,
            realized_sum,
            switches: std::array::from_fn(|_| AtomicBool::new(false)),
        }
    }

    /// The params it was generated from.
    pub fn params(&self) -> &SimParams {
        &self.params
    }

    /// Every wallet of the population.
    pub fn wallets(&self) -> &[Wallet] {
        &self.wallets
    }

    /// Ground truth about a wallet (None for a wallet not in the population).
    pub fn truth(&self, wallet: &Wallet) -> Option<WalletTruth> {
        self.index(wallet).map(|w| self.truths[w])
    }

    /// What a follower would have earned per dollar copying the wallet's buys placed in
    /// `[from, to)`, under `SimParams::follower_latency_ms` (the same rule as
    /// [`WalletTruth::follower_edge`]; exits and resolutions after `to` still count, up to the
    /// end of the simulated period): the mean return per copy and the number of copies.
    /// None for an unknown wallet; `(0.0, 0)` when no buy in the window could be copied.
    pub fn follower_edge_between(&self, wallet: &Wallet, from: Timestamp, to: Timestamp) -> Option<(f64, u32)> {
        let w = self.index(wallet)?;
        let t1 = self.params.end().timestamp();
        Some(follower_edge(&self.rows[w], &self.markets, self.params.follower_delay_secs(), t1, ceil_secs(from), ceil_secs(to)))
    }

    /// Whether a wallet is a bot by ground truth (false for unknown wallets).
    pub fn is_bot(&self, wallet: &Wallet) -> bool {
        self.truth(wallet).is_some_and(|t| t.is_bot())
    }

    /// The wallet's leaderboard pseudonym.
    pub fn name_of(&self, wallet: &Wallet) -> Option<&str> {
        self.index(wallet).map(|w| self.names[w].as_str())
    }

    /// Every market, with its hidden outcome.
    pub fn markets(&self) -> &[Market] {
        &self.markets
    }

    /// The market an outcome token belongs to, and the token's outcome index.
    pub fn market_of_token(&self, token_id: &str) -> Option<(&Market, usize)> {
        self.tokens.get(token_id).map(|&(m, o)| (&self.markets[m as usize], o as usize))
    }

    /// Scheduled outages.
    pub fn outages(&self) -> &[Outage] {
        &self.params.outages
    }

    /// Turns a manual outage of `dependency` on or off (affects `SimMarket` and `SimBroker`).
    pub fn set_outage(&self, dependency: Dependency, on: bool) {
        self.switches[switch(dependency)].store(on, Ordering::SeqCst);
    }

    /// Whether `dependency` is down at `at`: a scheduled outage covers it or the switch is on.
    pub fn is_down(&self, dependency: Dependency, at: Timestamp) -> bool {
        self.switches[switch(dependency)].load(Ordering::Relaxed) || self.params.outages.iter().any(|o| o.covers(dependency, at))
    }

    /// Number of trade rows (fills) over the whole period.
    pub fn trade_count(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// Every trade of a wallet over the whole period, oldest first (ground truth; no clock).
    pub fn trades_of(&self, wallet: &Wallet) -> Vec<Trade> {
        self.index(wallet).map(|w| self.rows[w].iter().map(|r| self.trade(w, r)).collect()).unwrap_or_default()
    }

    /// A wallet's trades with `from ≤ timestamp < to`, oldest first.
    pub fn leader_trades_between(&self, wallet: &Wallet, from: Timestamp, to: Timestamp) -> Vec<Trade> {
        let Some(w) = self.index(wallet) else { return Vec::new() };
        let rows = &self.rows[w];
        let lo = rows.partition_point(|r| r.ts < ceil_secs(from));
        let hi = rows.partition_point(|r| r.ts < ceil_secs(to));
        rows[lo..hi.max(lo)].iter().map(|r| self.trade(w, r)).collect()
    }

    /// Everyone's trades in a market with `from ≤ timestamp ≤ to` (whole seconds), oldest first,
    /// at most `limit`; None for an unknown market.
    pub fn market_trades_between(&self, condition_id: &str, from: Timestamp, to: Timestamp, limit: usize) -> Option<Vec<Trade>> {
        let m = self.markets.iter().position(|m| m.condition_id == condition_id)?;
        let fills = &self.by_market[m];
        let lo = fills.partition_point(|f| f.0 < ceil_secs(from));
        let to = to.timestamp();
        Some(
            fills[lo..]
                .iter()
                .take_while(|f| f.0 <= to)
                .take(limit)
                .map(|&(_, w, i)| self.trade(w as usize, &self.rows[w as usize][i as usize]))
                .collect(),
        )
    }

    /// What the Data API would answer at `now` for a wallet's trades with `timestamp ≥ since`:
    /// oldest first, at most `limit` rows, never ending inside a timestamp (if one second alone
    /// holds more than `limit` rows, that second is returned whole). None for an unknown wallet.
    pub fn trades_since(&self, wallet: &Wallet, since: Option<Timestamp>, limit: usize, now: Timestamp) -> Option<Vec<Trade>> {
        let w = self.index(wallet)?;
        let rows = &self.rows[w];
        let lo = since.map_or(0, |s| {
            let s = ceil_secs(s);
            rows.partition_point(|r| r.ts < s)
        });
        let now = now.timestamp();
        if limit == 0 || lo >= rows.len() || rows[lo].ts > now {
            return Some(Vec::new());
        }
        let hi = lo + rows[lo..].partition_point(|r| r.ts <= now);
        let mut end = hi;
        if hi - lo > limit {
            let cut = rows[lo + limit].ts; // first row that does not fit
            end = lo + rows[lo..lo + limit].partition_point(|r| r.ts < cut);
            if end == lo {
                end = lo + rows[lo..hi].partition_point(|r| r.ts <= rows[lo].ts);
            }
        }
        Some(rows[lo..end].iter().map(|r| self.trade(w, r)).collect())
    }

    /// A wallet's positions at `at`, open and closed, with realised PnL from its trades and the
    /// resolutions so far. None for an unknown wallet.
    pub fn positions_at(&self, wallet: &Wallet, at: Timestamp) -> Option<Vec<WalletPosition>> {
        let w = self.index(wallet)?;
        let t = at.timestamp();
        let rows = &self.rows[w];
        let upto = rows.partition_point(|r| r.ts <= t);
        let lots = replay(&rows[..upto], &self.markets, t, |_, _| {});
        Some(lots.iter().map(|l| ledger::position(l, &self.markets, t)).collect())
    }

    /// A wallet's realised PnL over `(from, to]` (trades sold and markets resolved in it).
    pub fn realized_pnl_between(&self, wallet: &Wallet, from: Option<Timestamp>, to: Timestamp) -> Usd {
        self.index(wallet).map(|w| Usd(self.realized_in(w, from.map(|f| f.timestamp()), to.timestamp()))).unwrap_or_default()
    }

    fn realized_in(&self, w: usize, from: Option<i64>, to: i64) -> Decimal {
        let at = &self.realized_at[w];
        let hi = at.partition_point(|&ts| ts <= to);
        let lo = from.map_or(0, |f| at.partition_point(|&ts| ts <= f)).min(hi);
        (self.realized_sum[w][hi] - self.realized_sum[w][lo]).round_dp(6)
    }

    /// The leaderboard at `now`: wallets with realised PnL in the window, best first, ranks from 1.
    pub fn leaderboard_at(&self, window: LeaderboardWindow, limit: usize, now: Timestamp) -> Vec<LeaderboardEntry> {
        let to = now.timestamp();
        let from = match window {
            LeaderboardWindow::Day => Some(to - 86_400),
            LeaderboardWindow::Week => Some(to - 7 * 86_400),
            LeaderboardWindow::Month => Some(to - 30 * 86_400),
            LeaderboardWindow::All => None,
        };
        let mut rows: Vec<(Decimal, usize)> = (0..self.wallets.len())
            .filter_map(|w| {
                let at = &self.realized_at[w];
                let hi = at.partition_point(|&ts| ts <= to);
                let lo = from.map_or(0, |f| at.partition_point(|&ts| ts <= f));
                (hi > lo).then(|| (self.realized_in(w, from, to), w))
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| self.wallets[a.1].cmp(&self.wallets[b.1])));
        rows.into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, (pnl, w))| LeaderboardEntry {
                wallet: self.wallets[w].clone(),
                name: self.names[w].clone(),
                rank: i as u32 + 1,
                pnl: Usd(pnl.normalize()),
            })
            .collect()
    }

    /// A market's metadata at `at`, by token; None for unknown tokens and markets not yet created.
    pub fn market_info_at(&self, token_id: &str, at: Timestamp) -> Option<MarketInfo> {
        let (m, _) = self.market_of_token(token_id)?;
        m.exists_at(at).then(|| m.info_at(at))
    }

    /// A token's book at `at`, best-first (empty once its market closed); None for unknown
    /// tokens and markets not yet created.
    pub fn book_at(&self, token_id: &str, at: Timestamp) -> Option<Book> {
        let (m, o) = self.market_of_token(token_id)?;
        m.exists_at(at).then(|| m.book_at(o, at))
    }

    fn index(&self, wallet: &Wallet) -> Option<usize> {
        self.wallet_index.get(wallet).map(|&w| w as usize)
    }

    fn trade(&self, w: usize, r: &Row) -> Trade {
        let m = &self.markets[r.market as usize];
        let o = r.outcome as usize;
        Trade {
            wallet: self.wallets[w].clone(),
            side: r.side,
            asset: m.token_ids[o].clone(),
            condition_id: m.condition_id.clone(),
            size: Shares(Decimal::new(i64::from(r.size), 2).normalize()),
            price: Price(Decimal::new(i64::from(r.price), 2).normalize()),
            timestamp: from_secs(r.ts),
            transaction_hash: hex64(r.tx),
            outcome: m.outcomes[o].clone(),
            outcome_index: Some(o as u32),
            title: m.question.clone(),
            slug: m.slug.clone(),
        }
    }
}

fn switch(dependency: Dependency) -> usize {
    match dependency {
        Dependency::DataApi => 0,
        Dependency::Gamma => 1,
        Dependency::Clob => 2,
        Dependency::Chain => 3,
    }
}

/// Unix seconds, rounded up: a trade at whole second `s` is at or after `t` iff `s ≥ ceil(t)`.
fn ceil_secs(t: Timestamp) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// The dollar stake of every simulated copy when the ground truth measures follower edge: small
/// enough to fill at the top of most books, as a small account's copies do.
pub const COPY_STAKE_USD: f64 = 10.0;

/// Mean return per copy of following `rows`' buy orders placed in `[from, to)`: each copied
/// `delay` seconds later with [`COPY_STAKE_USD`] at the asks, sold `delay` seconds after each of
/// the wallet's sells of that token (the same fraction of what it held), else held to resolution
/// (or marked at the fair price at `end` when still open); taker fees on both legs.
pub(crate) fn follower_edge(rows: &[Row], markets: &[Market], delay: i64, end: i64, from: i64, to: i64) -> (f64, u32) {
    /// One copy: cost paid (with fee), shares still held, proceeds so far (net of fees).
    struct Copy {
        cost: f64,
        shares: f64,
        proceeds: f64,
    }
    let mut copies: Vec<Copy> = Vec::new();
    let mut open: HashMap<(u16, u8), Vec<usize>> = HashMap::new();
    let mut held: HashMap<(u16, u8), u64> = HashMap::new();
    let mut i = 0;
    while i < rows.len() {
        // One order: the consecutive fills of one transaction.
        let r = rows[i];
        let mut size = 0u64;
        while i < rows.len() && rows[i].tx == r.tx {
            size += u64::from(rows[i].size);
            i += 1;
        }
        let key = (r.market, r.outcome);
        let m = &markets[r.market as usize];
        let fee_rate = m.taker_fee_rate.to_string().parse::<f64>().unwrap_or(0.0);
        let t = r.ts + delay;
        match r.side {
            Side::Buy => {
                *held.entry(key).or_default() += size;
                if r.ts < from || r.ts >= to || t >= m.end || t < m.created {
                    continue;
                }
                let q = m.quotes(t, r.outcome);
                let (mut spend, mut shares, mut fee) = (COPY_STAKE_USD, 0.0, 0.0);
                for (price, depth) in q.asks() {
                    let p = f64::from(price) / 100.0;
                    let x = (spend / p).min(f64::from(depth) / CENTS as f64);
                    shares += x;
                    spend -= x * p;
                    fee += x * fee_rate * p * (1.0 - p);
                    if spend <= 1e-9 {
                        break;
                    }
                }
                if shares <= 0.0 {
                    continue;
                }
                open.entry(key).or_default().push(copies.len());
                copies.push(Copy { cost: COPY_STAKE_USD - spend + fee, shares, proceeds: 0.0 });
            }
            Side::Sell => {
                let before = held.get(&key).copied().unwrap_or(0);
                let sold = size.min(before);
                held.insert(key, before - sold);
                if before == 0 || t >= m.end {
                    continue;
                }
                let fraction = sold as f64 / before as f64;
                let bids: Vec<(f64, f64)> =
                    m.quotes(t, r.outcome).bids().map(|(p, d)| (f64::from(p) / 100.0, f64::from(d) / CENTS as f64)).collect();
                for &c in open.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                    let copy = &mut copies[c];
                    let mut left = copy.shares * fraction;
                    copy.shares -= left;
                    for &(p, depth) in &bids {
                        let x = left.min(depth);
                        copy.proceeds += x * p - x * fee_rate * p * (1.0 - p);
                        left -= x;
                        if left <= 1e-9 {
                            break;
                        }
                    }
                }
            }
        }
    }
    // What is still held settles at resolution, or at the fair price when the period ends first.
    for (key, list) in &open {
        let m = &markets[key.0 as usize];
        let value =
            if m.end <= end { if m.winner == key.1 as usize { 1.0 } else { 0.0 } } else { m.fair_price_at(key.1 as usize, from_secs(end)) };
        for &c in list {
            copies[c].proceeds += copies[c].shares * value;
            copies[c].shares = 0.0;
        }
    }
    if copies.is_empty() {
        return (0.0, 0);
    }
    let mean = copies.iter().map(|c| (c.proceeds - c.cost) / c.cost).sum::<f64>() / copies.len() as f64;
    (mean, copies.len() as u32)
}
