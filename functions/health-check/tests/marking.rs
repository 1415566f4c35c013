//! The health check's marking: the portfolio's peak is the equity after every position is
//! re-marked, never a partial sum on the way (one position marked up before another is marked
//! down), so a drawdown is measured from a high the portfolio really had.

use copycat_core::config::Config;
use copycat_core::market::MarketInfo;
use copycat_core::money::Usd;
use copycat_core::records::{PortfolioState, keys};
use copycat_state::load;
use health_check::run_health_check;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

mod support;

/// An open market of its own for each token.
fn market(token: &str) -> MarketInfo {
    support::binary_market(&format!("0x{token:0>64}"), &format!("Market {token}?"), [token, "0"], None)
}

#[tokio::test]
async fn the_peak_is_the_equity_after_all_marks_not_a_partial_sum_on_the_way() {
    // $100: 100 shares of "1111" and of "2222" bought at $0.40, $20 cash. The first (by key)
    // rises to $0.60 and the second falls to $0.20: equity ends where it began.
    let books = support::Venue { market, mids: BTreeMap::from([("1111".into(), dec!(0.60)), ("2222".into(), dec!(0.20))]) };
    let (deps, _clock, _notifications) =
        support::holding(Config::default(), books, &[(market("1111"), "1111"), (market("2222"), "2222")]).await;
    let p: PortfolioState = load(deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    assert_eq!((p.equity(), p.peak_equity), (Usd(dec!(100)), Usd(dec!(100))));

    let r = run_health_check(&deps).await.unwrap();

    assert_eq!(r.positions_marked, 2, "{r:?}");
    let after: PortfolioState = load(deps.store.as_ref(), &keys::portfolio()).await.unwrap().unwrap().value;
    assert_eq!(after.equity(), Usd(dec!(100)), "$20 + $60 + $20");
    assert_eq!(after.peak_equity, Usd(dec!(100)), "not $120, the sum after only the first mark");
    assert_eq!(r.drawdown, 0.0);
}
