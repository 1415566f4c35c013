//! The client over HTTP reads exactly what the simulator holds: the local venue serves the sim
//! world in Polymarket's shapes, and the client turns them back into the same domain values.

use copycat_core::config::{Config, VenueConfig};
use copycat_core::dependency::Dependency;
use copycat_core::market::LeaderboardWindow;
use copycat_core::money::{Price, Shares};
use copycat_core::order::{CopyOrder, TimeInForce};
use copycat_core::ports::{Broker, MarketData, MarketError};
use copycat_core::signal::SignalKey;
use copycat_core::time::{Clock, ManualClock, Span};
use copycat_core::trade::Side;
use copycat_polymarket::discover::{find_candidates, judge_all};
use copycat_polymarket::server::LocalServer;
use copycat_polymarket::sim_venue::SimVenue;
use copycat_polymarket::{PaperBroker, PolymarketClient, RateLimits};
use copycat_sim::{SimMarket, SimParams, SimWorld};
use std::sync::Arc;

struct Setup {
    _server: LocalServer,
    venue: Arc<SimVenue>,
    sim: SimMarket,
    client: PolymarketClient,
    clock: Arc<ManualClock>,
}

async fn setup() -> Setup {
    let params = SimParams { wallets: 40, markets: 12, days: 2, ..SimParams::default() };
    let clock = Arc::new(ManualClock::new(params.start + Span::hours(20)));
    let world = Arc::new(SimWorld::generate(params));
    let venue = SimVenue::new(world.clone(), clock.clone());
    let server = LocalServer::start(0, venue.handler()).await.unwrap();
    let url = server.url();
    // Small pages, so every history is read through several cursors.
    let cfg = VenueConfig {
        data_api_url: url.clone(),
        gamma_url: url.clone(),
        clob_url: url,
        page_limit: 40,
        max_pages: 200,
        ..VenueConfig::default()
    };
    let client = PolymarketClient::with_parts(&cfg, Arc::new(RateLimits::new(&cfg)), clock.clone()).unwrap();
    Setup { _server: server, venue, sim: SimMarket::new(world, clock.clone()), client, clock }
}

#[tokio::test]
async fn the_client_reads_back_what_the_simulator_holds() {
    let s = setup().await;
    for window in [LeaderboardWindow::Day, LeaderboardWindow::Month] {
        assert_eq!(s.client.leaderboard(window, 25).await.unwrap(), s.sim.leaderboard(window, 25).await.unwrap());
    }
    let now = s.clock.now();
    let wallets: Vec<_> = s.sim.world().wallets().iter().take(12).cloned().collect();
    let mut seen_trades = 0;
    for w in &wallets {
        for (since, limit) in [(None, 10_000), (Some(now - Span::days(3)), 50), (Some(now - Span::hours(6)), 5)] {
            let over_http = s.client.wallet_trades(w, since, limit).await.unwrap();
            assert_eq!(over_http, s.sim.wallet_trades(w, since, limit).await.unwrap(), "{w} since {since:?} limit {limit}");
            seen_trades += over_http.len();
        }
        let mut a = s.client.wallet_positions(w).await.unwrap();
        let mut b = s.sim.wallet_positions(w).await.unwrap();
        a.sort_by(|x, y| (&x.token_id, x.closed).cmp(&(&y.token_id, y.closed)));
        b.sort_by(|x, y| (&x.token_id, x.closed).cmp(&(&y.token_id, y.closed)));
        assert_eq!(a, b, "positions of {w}");
    }
    assert!(seen_trades > 100, "the comparison covered real histories ({seen_trades} trades)");
    for m in s.sim.world().markets().iter().take(6) {
        for token in &m.token_ids {
            match s.sim.market_by_token(token).await {
                Ok(info) => {
                    assert_eq!(s.client.market_by_token(token).await.unwrap(), info);
                    let (a, b) = (s.client.book(token).await.unwrap(), s.sim.book(token).await.unwrap());
                    assert_eq!((a.bids, a.asks), (b.bids, b.asks), "book of {token}");
                }
                Err(MarketError::NotFound { .. }) => {
                    assert!(matches!(s.client.market_by_token(token).await, Err(MarketError::NotFound { .. })));
                }
                Err(e) => panic!("{e}"),
            }
        }
    }
    let hits = s.venue.hits();
    assert!(hits["/v2/trades"] > wallets.len() as u64 * 3, "histories were paged: {hits:?}");
}

#[tokio::test]
async fn a_simulated_outage_is_unavailable_over_http_too() {
    let s = setup().await;
    s.venue.world().set_outage(Dependency::Clob, true);
    let token = s.sim.world().markets()[0].token_ids[0].clone();
    let e = s.client.book(&token).await.unwrap_err();
    assert!(matches!(e, MarketError::Unavailable { dependency: Dependency::Clob, ref reason } if reason.contains("HTTP 503")), "{e}");
    s.venue.world().set_outage(Dependency::Clob, false);
}

#[tokio::test]
async fn paper_orders_fill_against_the_served_book_once_per_key() {
    let s = setup().await;
    let now = s.clock.now();
    let info = {
        let mut found = None;
        for m in s.sim.world().markets() {
            if let Ok(i) = s.sim.market_by_token(&m.token_ids[0]).await
                && i.accepting_orders
                && i.end_date.is_some_and(|e| e > now)
            {
                found = Some(i);
                break;
            }
        }
        found.expect("an open market")
    };
    let token = info.token_ids[0].clone();
    let book = s.client.book(&token).await.unwrap();
    let best = book.asks[0];
    let broker = PaperBroker::new(Arc::new(s.client.clone()), s.clock.clone());
    let order = CopyOrder {
        key: SignalKey("0123456789abcdef0123456789abcdef".into()),
        token_id: token.clone(),
        side: Side::Buy,
        shares: Shares(best.size.0.min(rust_decimal::Decimal::from(5))),
        limit_price: best.price,
        time_in_force: TimeInForce::Fak,
    };
    let fill = broker.place(&order).await.unwrap();
    assert_eq!((fill.shares, fill.avg_price), (order.shares, best.price));
    assert_eq!(broker.place(&order).await.unwrap(), fill, "a retried copy is the same fill");
    let fok = CopyOrder {
        key: SignalKey("f".repeat(32)),
        shares: Shares(best.size.0 * rust_decimal::Decimal::from(1000)),
        time_in_force: TimeInForce::Fok,
        ..order
    };
    assert_eq!(broker.place(&fok).await.unwrap().shares, Shares::ZERO, "a fill-or-kill larger than the book inside the limit is killed");
    let _ = Price::ZERO;
}

#[tokio::test]
async fn discovery_judges_leaderboard_wallets_concurrently_over_http() {
    let s = setup().await;
    let mut cfg = Config::default();
    cfg.discovery.per_window = 30;
    let seed = s.sim.world().wallets()[39].clone();
    cfg.discovery.seed_wallets = vec![seed.as_str().to_uppercase().replacen("0X", "0x", 1)];
    let found = find_candidates(&s.client, &cfg).await;
    assert!(found.failed_windows.is_empty());
    assert!(found.wallets.iter().any(|(w, _)| *w == seed), "the seed wallet is a candidate, lowercased");
    let wallets: Vec<_> = found.wallets.iter().map(|(w, _)| w.clone()).collect();
    let judged = judge_all(Arc::new(s.client.clone()), wallets.clone(), Arc::new(cfg.clone()), s.clock.now(), 8).await;
    assert_eq!(judged.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>(), wallets, "one result per candidate, in order");
    let world = s.sim.world();
    let mut bots_caught = 0;
    for (w, r) in &judged {
        let j = r.as_ref().unwrap();
        // The same verdict as judging the simulator directly.
        let direct = copycat_polymarket::discover::judge(&s.sim, w, &cfg, s.clock.now()).await.unwrap();
        assert_eq!(j.classification.verdict, direct.classification.verdict, "{w}");
        if world.is_bot(w) && j.classification.verdict == copycat_core::botfilter::Verdict::Bot {
            bots_caught += 1;
        }
    }
    assert!(bots_caught > 0, "some labelled bots are among the candidates and caught");
}
