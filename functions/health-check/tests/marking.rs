//! The health check's marking: the portfolio's peak is the equity after every position is
//! re-marked, never a partial sum on the way (one position marked up before another is marked
//! down), so a drawdown is measured from a high the portfolio really had.

use copycat_core::config::Config;
use copycat_core::market::MarketInfo;
use copycat_core::money::{Price, Shares, Usd};
use copycat_core::portfolio::{BookedFill, apply_fill};
use copycat_core::ports::Queue;
use copycat_core::records::{PortfolioState, keys};
use copycat_core::time::{Clock, ManualClock, from_secs};
use copycat_core::trade::{Side, Wallet};
use copycat_embedded::{EmbeddedBackend, QueueSettings};
use copycat_state::{Base, CounterMetrics, Reporting, Sender, load, to_body};
use health_check::{HealthDeps, run_health_check};
use rust_decimal_macros::dec;
use std::collections::BTreeMap;
use std::sync::Arc;

mod support;

/// An open market of its own for each token.
fn market(token: &str) -> MarketInfo {
    support::binary_market(&format!("0x{token:0>64}"), &format!("Market {token}?"), [token, "0"], None)
}

#[tokio::test]
async fn the_peak_is_the_equity_after_all_marks_not_a_partial_sum_on_the_way() {
    // $100: 100 shares of "1111" and of "2222" bought at $0.40, $20 cash. The first (by key)
    // rises to $0.60 and the second falls to $0.20: equity ends where it began.
    let clock = Arc::new(ManualClock::new(from_secs(1_796_083_200)));
    let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
    let notifications: Arc<dyn Queue> = backend.queue("notifications", QueueSettings::standard());
    let mut config = Config::default();
    config.trading.starting_balance = Usd(dec!(100));
    let base =
        Base { config: Arc::new(config), store: backend.store(), clock: clock.clone(), metrics: Arc::new(CounterMetrics::default()) };
    let books = support::Venue { market, mids: BTreeMap::from([("1111".into(), dec!(0.60)), ("2222".into(), dec!(0.20))]) };
    let deps = HealthDeps { reporting: Reporting { base, notifications: Sender::new(notifications) }, market: Arc::new(books) };
    let now = clock.now();
    let leader = Wallet::parse("0x2222222222222222222222222222222222222222").unwrap();
    let mut p = PortfolioState::new(Usd(dec!(100)), now);
    for token in ["1111", "2222"] {
        let m = market(token);
        let fill = BookedFill {
            leader: &leader,
            side: Side::Buy,
            shares: Shares(dec!(100)),
            price: Price(dec!(0.40)),
            fee: Usd::ZERO,
            market: &m,
            token_id: token,
            at: now,
        };
        let (next, pos) = apply_fill(&p, None, &fill);
        p = next;
        deps.store.put_if_absent(&keys::position(token), to_body(&pos.unwrap()), None).await.unwrap();
    }
    assert_eq!((p.equity(), p.peak_equity), (Usd(dec!(100)), Usd(dec!(100))));
    deps.store.put_if_absent(&keys::portfolio(), to_body(&p), None).await.unwrap();

    let r = run_health_check(&deps).await.unwrap();

    assert_eq!(r.positions_marked, 2, "{r:?}");
    let after: PortfolioState = load(deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    assert_eq!(after.equity(), Usd(dec!(100)), "$20 + $60 + $20");
    assert_eq!(after.peak_equity, Usd(dec!(100)), "not $120, the sum after only the first mark");
    assert_eq!(r.drawdown, 0.0);
}
