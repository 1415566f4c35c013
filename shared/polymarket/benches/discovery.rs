//! Discovery speed against the local venue, with the limiter at the venue's real budgets,
//! time-scaled: the rate window shrinks by `COPYCAT_BENCH_SCALE` (default 2), the budgets
//! stay the documented ones, so "200 /trades per 10 s" becomes 200 per 5 s.
//!
//! Prints, for 1,000 candidate wallets judged with the configured concurrency: elapsed time
//! (and its real-time equivalent), `/trades` requests and the share of the `/trades` budget
//! used; then the client's per-request overhead (parse + bookkeeping) outside the network.
//!
//! Run: `cargo bench -p copycat-polymarket --bench discovery`
//! (`COPYCAT_BENCH_WALLETS`, `COPYCAT_BENCH_SCALE`, `COPYCAT_BENCH_CONCURRENCY` override).

use copycat_core::config::{Config, VenueConfig};
use copycat_core::time::{Clock, ManualClock, Span};
use copycat_polymarket::discover::judge_all;
use copycat_polymarket::server::LocalServer;
use copycat_polymarket::sim_venue::SimVenue;
use copycat_polymarket::{Family, PolymarketClient, RateLimits};
use copycat_sim::{SimParams, SimWorld};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let wallets: u32 = env_or("COPYCAT_BENCH_WALLETS", 1_000);
    let scale: u64 = env_or("COPYCAT_BENCH_SCALE", 2);
    let t = Instant::now();
    let params = SimParams { wallets, markets: 200, ..SimParams::default() };
    let clock = Arc::new(ManualClock::new(params.start + Span::hours(12)));
    let world = Arc::new(SimWorld::generate(params));
    println!("world: {wallets} wallets, {} trades, generated in {:.1} s", world.trade_count(), t.elapsed().as_secs_f64());
    let venue = SimVenue::new(world.clone(), clock.clone());
    let server = LocalServer::start(0, venue.handler()).await.expect("bind 127.0.0.1");
    let url = server.url();

    let real = VenueConfig::default();
    let cfg = VenueConfig {
        data_api_url: url.clone(),
        gamma_url: url.clone(),
        clob_url: url.clone(),
        rate_window_ms: real.rate_window_ms / scale,
        ..real.clone()
    };
    let concurrency: usize = env_or("COPYCAT_BENCH_CONCURRENCY", cfg.discovery_concurrency as usize);
    let limits = Arc::new(RateLimits::new(&cfg));
    let client = PolymarketClient::with_parts(&cfg, limits.clone(), clock.clone()).expect("client");
    let config = Arc::new(Config { venue: cfg.clone(), ..Config::default() });
    let candidates: Vec<_> = world.wallets().to_vec();

    let t = Instant::now();
    let judged = judge_all(Arc::new(client.clone()), candidates, config, clock.now(), concurrency).await;
    let elapsed = t.elapsed();
    let failed = judged.iter().filter(|(_, r)| r.is_err()).count();
    let hits = venue.hits();
    let trades_requests = hits.get("/v2/trades").copied().unwrap_or(0);
    let positions_requests = hits.get("/v2/positions").copied().unwrap_or(0);
    let window = cfg.rate_window_ms as f64 / 1000.0;
    let budget = cfg.data_trades_per_window as f64;
    // A run of N requests over elapsed time E can use at most: budget in the first window, then
    // budget per window — the first `budget` requests go out at once.
    let capacity = budget * (1.0 + elapsed.as_secs_f64() / window).floor().max(1.0);
    let steady = budget * elapsed.as_secs_f64() / window;
    println!(
        "discovery: {} candidates judged ({failed} failed) in {:.2} s at 1/{scale} time = {:.1} s real time, concurrency {concurrency}",
        judged.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * scale as f64
    );
    println!(
        "  /trades: {trades_requests} requests = {:.1} per real 10 s against a budget of {budget:.0}: {:.1}% of the budget \
         over the run ({:.1}% of the windows it touched); /positions: {positions_requests} (humans only)",
        trades_requests as f64 / elapsed.as_secs_f64() * window,
        trades_requests as f64 / steady * 100.0,
        trades_requests as f64 / capacity * 100.0,
    );
    println!("  limiter: callers waited {:.1} s in total (scaled)", limits.total_wait().as_secs_f64());
    println!("  client: {} requests, {} retries", client.stats().requests(), client.stats().retries());

    // Per-request client overhead, outside the network: parsing a full page of trades, and one
    // pass through the limiter's bookkeeping.
    let w = world.wallets().iter().max_by_key(|w| world.trades_of(w).len()).cloned().expect("a wallet");
    let since = Some(clock.now() - Span::days(30));
    let body = {
        let r = copycat_polymarket::server::Request {
            method: "GET".into(),
            path: "/v2/trades".into(),
            query: vec![("user".into(), w.to_string()), ("limit".into(), "500".into())],
            ..Default::default()
        };
        venue.answer(&r).body
    };
    let text = String::from_utf8(body).expect("utf-8");
    let rows = copycat_polymarket::parse::page(&text).expect("page").rows.len();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let p = copycat_polymarket::parse::page(&text).expect("page");
        let parsed: Vec<_> = p.rows.iter().filter_map(|r| copycat_core::datapi::parse_trade_row(r).ok()).collect();
        std::hint::black_box(parsed);
    }
    let per_page = t.elapsed() / n;
    let unlimited =
        Arc::new(RateLimits::new(&VenueConfig { data_api_per_window: u32::MAX, data_trades_per_window: u32::MAX, ..cfg.clone() }));
    let m = 100_000;
    let t = Instant::now();
    for _ in 0..m {
        let _ = unlimited.try_acquire(&[Family::DataApi, Family::DataTrades]);
    }
    let per_acquire = t.elapsed() / m;
    // A full round trip on loopback, budgets out of the way: one small page per request.
    let fast = PolymarketClient::with_parts(
        &VenueConfig { data_api_per_window: 1_000_000, data_trades_per_window: 1_000_000, ..cfg.clone() },
        Arc::new(RateLimits::new(&VenueConfig { data_api_per_window: 1_000_000, data_trades_per_window: 1_000_000, ..cfg.clone() })),
        clock.clone(),
    )
    .expect("client");
    let quiet = world.wallets().iter().min_by_key(|w| world.trades_of(w).len()).cloned().expect("a wallet");
    let k = 300;
    let t = Instant::now();
    for _ in 0..k {
        std::hint::black_box(fast.trades_since(&quiet, since).await.expect("trades"));
    }
    let per_round_trip = t.elapsed() / k;
    println!(
        "overhead: parse a {rows}-row trades page {:.0} µs ({:.2} µs/row); limiter bookkeeping {:.2} µs/request; \
         loopback round trip (client + local venue, small page) {:.0} µs",
        micros(per_page),
        micros(per_page) / rows.max(1) as f64,
        micros(per_acquire),
        micros(per_round_trip),
    );
    server.stop();
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
