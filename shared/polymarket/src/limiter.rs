//! Request budgets per endpoint family, shared by every client in the process.
//!
//! The venue counts requests in sliding 10 s windows (`reference/polymarket.md`, "Rate limits"):
//! Data API 1,000 overall with `/trades` 200 and `/positions` 150; Gamma 4,000 with `/markets`
//! 300; CLOB 9,000 with `/book` and `/price` 1,500 each. Each family keeps a log of the instants
//! of its last `budget` requests, so no window of the venue's length ever holds more than the
//! budget — a token bucket of the same size would allow twice the budget across a window edge.
//! A request takes a slot in its route's family and its API's overall family at once, or waits.
//! Time comes from a [`Ticker`], so tests drive the limiter without sleeping.

use copycat_core::config::VenueConfig;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// An endpoint family with its own budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Every Data API route.
    DataApi,
    /// Data API `/trades`.
    DataTrades,
    /// Data API `/positions`.
    DataPositions,
    /// Every Gamma route.
    Gamma,
    /// Gamma `/markets`.
    GammaMarkets,
    /// Every CLOB route.
    Clob,
    /// CLOB `/book`.
    ClobBook,
    /// CLOB `/price`.
    ClobPrice,
}

impl Family {
    /// Every family.
    pub const ALL: [Family; 8] = [
        Family::DataApi,
        Family::DataTrades,
        Family::DataPositions,
        Family::Gamma,
        Family::GammaMarkets,
        Family::Clob,
        Family::ClobBook,
        Family::ClobPrice,
    ];

    /// This family's budget per window in `cfg`.
    pub fn budget(self, cfg: &VenueConfig) -> u32 {
        match self {
            Family::DataApi => cfg.data_api_per_window,
            Family::DataTrades => cfg.data_trades_per_window,
            Family::DataPositions => cfg.data_positions_per_window,
            Family::Gamma => cfg.gamma_per_window,
            Family::GammaMarkets => cfg.gamma_markets_per_window,
            Family::Clob => cfg.clob_per_window,
            Family::ClobBook | Family::ClobPrice => cfg.clob_book_per_window,
        }
    }
}

/// Where the limiter's time comes from: a monotonic offset from an origin.
pub trait Ticker: Send + Sync {
    /// Time since the origin.
    fn now(&self) -> Duration;
}

/// The machine's monotonic clock.
#[derive(Debug)]
pub struct RealTicker(Instant);

impl Default for RealTicker {
    fn default() -> Self {
        RealTicker(Instant::now())
    }
}

impl Ticker for RealTicker {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
}

#[derive(Debug)]
struct Window {
    budget: usize,
    log: VecDeque<Duration>,
}

impl Window {
    /// How long until a slot frees at `now` (zero: one is free).
    fn wait(&mut self, now: Duration, length: Duration) -> Duration {
        while self.log.front().is_some_and(|&t| t + length <= now) {
            self.log.pop_front();
        }
        if self.log.len() < self.budget { Duration::ZERO } else { (self.log[self.log.len() - self.budget] + length).saturating_sub(now) }
    }
}

/// The budgets of every family, and the log of recent requests.
pub struct RateLimits {
    window: Duration,
    ticker: Arc<dyn Ticker>,
    families: Mutex<HashMap<Family, Window>>,
    waited: Mutex<Duration>,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimits").field("window", &self.window).finish_non_exhaustive()
    }
}

type SharedKey = (u64, [u32; 8]);

impl RateLimits {
    /// Budgets from `cfg`, on the machine's clock.
    pub fn new(cfg: &VenueConfig) -> Self {
        Self::with_ticker(cfg, Arc::new(RealTicker::default()))
    }

    /// Budgets from `cfg`, on `ticker`'s time.
    pub fn with_ticker(cfg: &VenueConfig, ticker: Arc<dyn Ticker>) -> Self {
        let families = Family::ALL.iter().map(|&f| (f, Window { budget: f.budget(cfg) as usize, log: VecDeque::new() })).collect();
        RateLimits {
            window: Duration::from_millis(cfg.rate_window_ms),
            ticker,
            families: Mutex::new(families),
            waited: Mutex::new(Duration::ZERO),
        }
    }

    /// The one set of budgets of this process for `cfg`'s numbers: every client built from the
    /// same venue config spends from the same budgets.
    pub fn shared(cfg: &VenueConfig) -> Arc<RateLimits> {
        static SHARED: OnceLock<Mutex<HashMap<SharedKey, Arc<RateLimits>>>> = OnceLock::new();
        let key = (cfg.rate_window_ms, Family::ALL.map(|f| f.budget(cfg)));
        let mut all = SHARED.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
        all.entry(key).or_insert_with(|| Arc::new(RateLimits::new(cfg))).clone()
    }

    /// Takes a slot in every family of `families` at the ticker's now, or says how long to wait
    /// before asking again (nothing is taken then).
    pub fn try_acquire(&self, families: &[Family]) -> Result<(), Duration> {
        let now = self.ticker.now();
        let mut all = self.families.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = Duration::ZERO;
        for f in families {
            if let Some(w) = all.get_mut(f) {
                wait = wait.max(w.wait(now, self.window));
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        for f in families {
            if let Some(w) = all.get_mut(f) {
                w.log.push_back(now);
            }
        }
        Ok(())
    }

    /// Waits (on the runtime's timer) until every family of `families` has a slot, and takes them.
    pub async fn acquire(&self, families: &[Family]) {
        loop {
            match self.try_acquire(families) {
                Ok(()) => return,
                Err(wait) => {
                    *self.waited.lock().unwrap_or_else(|p| p.into_inner()) += wait;
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// Requests counted in `family`'s current window.
    pub fn in_window(&self, family: Family) -> usize {
        let now = self.ticker.now();
        let mut all = self.families.lock().unwrap_or_else(|p| p.into_inner());
        all.get_mut(&family)
            .map(|w| {
                w.wait(now, self.window);
                w.log.len()
            })
            .unwrap_or(0)
    }

    /// Total time callers have been told to wait (summed over callers; for benches and logs).
    pub fn total_wait(&self) -> Duration {
        *self.waited.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The window length.
    pub fn window(&self) -> Duration {
        self.window
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[derive(Default)]
    struct Manual(AtomicU64);
    impl Manual {
        fn set_ms(&self, ms: u64) {
            self.0.store(ms, Ordering::SeqCst);
        }
    }
    impl Ticker for Manual {
        fn now(&self) -> Duration {
            Duration::from_millis(self.0.load(Ordering::SeqCst))
        }
    }

    #[test]
    fn trades_budget_allows_200_per_sliding_window_and_no_more() {
        let cfg = VenueConfig::default();
        let t = Arc::new(Manual::default());
        let limits = RateLimits::with_ticker(&cfg, t.clone());
        let trades = [Family::DataApi, Family::DataTrades];
        for i in 0..200 {
            t.set_ms(i * 10); // 200 requests over the first 2 s
            limits.try_acquire(&trades).unwrap();
        }
        t.set_ms(5_000);
        // The 201st must wait until the first request (at 0 ms) leaves the window at 10 s.
        assert_eq!(limits.try_acquire(&trades), Err(Duration::from_millis(5_000)));
        // Other Data API routes still have budget left.
        assert!(limits.try_acquire(&[Family::DataApi]).is_ok());
        t.set_ms(10_000);
        assert!(limits.try_acquire(&trades).is_ok());
        assert_eq!(limits.try_acquire(&trades), Err(Duration::from_millis(10)));
        assert_eq!(limits.in_window(Family::DataTrades), 200);
    }

    #[test]
    fn the_overall_budget_binds_across_routes_and_nothing_is_taken_on_refusal() {
        let cfg = VenueConfig { data_api_per_window: 3, data_trades_per_window: 2, data_positions_per_window: 2, ..VenueConfig::default() };
        let limits = RateLimits::with_ticker(&cfg, Arc::new(Manual::default()));
        let trades = [Family::DataApi, Family::DataTrades];
        let positions = [Family::DataApi, Family::DataPositions];
        limits.try_acquire(&trades).unwrap();
        limits.try_acquire(&trades).unwrap();
        assert!(limits.try_acquire(&trades).is_err());
        assert_eq!(limits.in_window(Family::DataApi), 2, "a refused request takes no slot");
        limits.try_acquire(&positions).unwrap();
        assert!(limits.try_acquire(&positions).is_err(), "the overall Data API budget (3) is spent");
    }

    #[test]
    fn clients_of_one_config_share_one_budget() {
        let cfg = VenueConfig { rate_window_ms: 12_345, ..VenueConfig::default() };
        let a = RateLimits::shared(&cfg);
        let b = RateLimits::shared(&cfg);
        assert!(Arc::ptr_eq(&a, &b));
        let other = RateLimits::shared(&VenueConfig { rate_window_ms: 12_346, ..VenueConfig::default() });
        assert!(!Arc::ptr_eq(&a, &other));
    }
}
