#![allow(dead_code, clippy::all)]
//! Holdout v25: an independently written, labelled set of Polymarket wallets (people and
//! programs) trading in a small simulated world of markets, plus the public tape of every market.

mod acc;
mod bots;
mod people;
mod world;

use acc::*;
use copycat_core::trade::{Side, Trade, Wallet};
use world::{DAY, Kind, Rng, World};

/// Fri 17 Apr 2026 10:00:00 UTC.
pub const NOW: i64 = 1_776_420_000;
const SEED: u64 = 0x2525_c0de_7a11_0425;

pub struct LabelledWallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

pub struct Holdout25 {
    pub wallets: Vec<LabelledWallet>,
    pub tape: Vec<Trade>,
}

type Leaders = Vec<(bool, Vec<Trade>)>;

enum Gen {
    P(fn(&mut Rng, &mut Acc)),
    L(fn(&mut Rng, &mut Acc, &[(bool, Vec<Trade>)])),
}

fn specs() -> Vec<(&'static str, bool, usize, Gen)> {
    use Gen::*;
    vec![
        ("inplay_sports_bettor", false, 14, P(people::inplay_sports_bettor)),
        ("crypto_updown_gambler", false, 14, P(people::crypto_updown_gambler)),
        ("manual_favourite_buyer", false, 13, P(people::manual_favourite_buyer)),
        ("casual_bettor", false, 16, P(people::casual_bettor)),
        ("politics_heavy_trader", false, 13, P(people::politics_heavy_trader)),
        ("limit_order_human", false, 13, P(people::limit_order_human)),
        ("manual_whale_copier", false, 13, L(people::manual_whale_copier)),
        ("weather_mention_player", false, 13, P(people::weather_mention_player)),
        ("news_swing_trader", false, 13, P(people::news_swing_trader)),
        ("macro_data_trader", false, 12, P(people::macro_data_trader)),
        ("longshot_buyer", false, 13, P(people::longshot_buyer)),
        ("conviction_whale", false, 12, P(people::conviction_whale)),
        ("culture_fan", false, 13, P(people::culture_fan)),
        ("overseas_sports_fan", false, 13, P(people::overseas_sports_fan)),
        ("lunch_break_trader", false, 12, P(people::lunch_break_trader)),
        ("fulltime_pro_trader", false, 12, P(people::fulltime_pro_trader)),
        ("average_down_holder", false, 12, P(people::average_down_holder)),
        ("cross_market_hedger", false, 12, P(people::cross_market_hedger)),
        ("market_maker", true, 11, P(bots::market_maker)),
        ("near_resolution_sweeper", true, 11, P(bots::near_resolution_sweeper)),
        ("crypto_window_sniper", true, 11, P(bots::crypto_window_sniper)),
        ("complement_arb", true, 11, P(bots::complement_arb)),
        ("copy_trading_bot", true, 11, L(bots::copy_trading_bot)),
        ("news_feed_bot", true, 11, P(bots::news_feed_bot)),
        ("live_score_bot", true, 11, P(bots::live_score_bot)),
        ("cron_schedule_bot", true, 11, P(bots::cron_schedule_bot)),
        ("crypto_latency_arb", true, 11, P(bots::crypto_latency_arb)),
        ("liquidity_reward_farmer", true, 11, P(bots::liquidity_reward_farmer)),
        ("grid_ladder_bot", true, 11, P(bots::grid_ladder_bot)),
        ("twap_iceberg_executor", true, 11, P(bots::twap_iceberg_executor)),
        ("weather_model_bot", true, 11, P(bots::weather_model_bot)),
        ("sports_odds_model_bot", true, 11, P(bots::sports_odds_model_bot)),
        ("listing_sniper", true, 11, P(bots::listing_sniper)),
        ("mean_reversion_bot", true, 11, P(bots::mean_reversion_bot)),
        ("hard_jittered_copy_bot", true, 11, L(bots::hard_jittered_copy_bot)),
        ("hard_session_market_maker", true, 11, P(bots::hard_session_market_maker)),
        ("hard_humanlike_sniper", true, 11, P(bots::hard_humanlike_sniper)),
    ]
}

/// Well-known wallets others follow: big hand traders and busy programs.
fn leaders(rng: &mut Rng, w: &World) -> Leaders {
    let mut out = Vec::new();
    for k in 0..16 {
        let human = k < 9;
        let mut a = Acc::new(w, rng.wallet());
        if human {
            let tz = *rng.pick(&[-5.0, -4.0, 0.0, -7.0]);
            for d in 0..31 {
                for _ in 0..rng.range(0, 6) {
                    let t = human_t(rng, w, d, tz);
                    let c = w.live(t, 3 * 3600, &|k| matches!(k, Kind::Politics | Kind::Sport(_) | Kind::Culture | Kind::Macro));
                    if c.is_empty() {
                        continue;
                    }
                    let m = *rng.pick(&c);
                    let i = if rng.chance(0.5) { 0 } else { 1 };
                    let held = a.held(m, i);
                    if held > 0 && rng.chance(0.3) {
                        a.take(rng, m, i, Side::Sell, t, held);
                    } else {
                        let usd = human_usd(rng, 1000.0, 25000.0);
                        a.usd(rng, m, i, Side::Buy, t, usd);
                    }
                }
            }
        } else {
            let per_day = rng.uf(8.0, 25.0);
            let mut t = w.start + rng.range(1, 3600);
            while t < w.now {
                let c = w.live(t, 1800, &|k| matches!(k, Kind::Politics | Kind::Sport(_) | Kind::Weather | Kind::Crypto60));
                let c60: Vec<usize> = (0..4).filter_map(|x| w.c60_at(x, t)).collect();
                let all: Vec<usize> = c.into_iter().chain(c60).collect();
                if !all.is_empty() {
                    let m = *rng.pick(&all);
                    let i = if rng.chance(0.5) { 0 } else { 1 };
                    let held = a.held(m, i);
                    if held > 0 && rng.chance(0.35) {
                        a.take(rng, m, i, Side::Sell, t, held);
                    } else {
                        let h = rng.range(2000, 150_000);
                        a.take(rng, m, i, Side::Buy, t, h);
                    }
                }
                t += (rng.logn(DAY as f64 / per_day, 1.0) as i64).max(2);
            }
        }
        out.push((human, a.v));
    }
    out
}

/// The crowd: makers, ordinary people and other programs trading every market.
fn crowd(rng: &mut Rng, w: &World, labelled: &std::collections::BTreeSet<usize>) -> Vec<Trade> {
    let pool: Vec<Wallet> = (0..1700).map(|_| rng.wallet()).collect();
    let mut out = Vec::new();
    for (m, mk) in w.markets.iter().enumerate() {
        let has = labelled.contains(&m);
        let n = match mk.kind {
            Kind::Crypto15 => {
                if has || rng.chance(0.3) {
                    rng.range(4, 13)
                } else {
                    0
                }
            }
            Kind::Crypto60 => rng.range(8, 22),
            Kind::Sport(_) => rng.range(25, 80),
            Kind::Weather => rng.range(6, 22),
            Kind::Mention => rng.range(10, 30),
            Kind::Politics => rng.range(500, 1400),
            Kind::Culture => rng.range(250, 700),
            Kind::Macro => rng.range(250, 600),
            Kind::Listing => rng.range(80, 250),
        };
        let lo = mk.open.max(w.start + 1);
        let hi = (mk.close - 1).min(w.now);
        if hi <= lo {
            continue;
        }
        for _ in 0..n {
            let t = if matches!(mk.kind, Kind::Sport(_)) && rng.chance(0.7) && mk.start < hi {
                rng.range(mk.start.max(lo), hi + 1)
            } else {
                rng.range(lo, hi + 1)
            };
            let who = &pool[((rng.f().powf(2.2)) * pool.len() as f64) as usize];
            let i = if rng.chance(0.5) { 0 } else { 1 };
            let s = if rng.chance(0.68) { Side::Buy } else { Side::Sell };
            let p = mk.px(i, t)
                + if rng.chance(0.5) {
                    0
                } else if s == Side::Buy {
                    1
                } else {
                    -1
                };
            let h = h_usd(rng.logn(30.0, 1.4).min(50_000.0), p.clamp(1, 99));
            let tx = rng.hex(64);
            out.push(w.row(who, m, i, s, t, p, h, &tx));
        }
    }
    out
}

pub fn holdout25() -> Holdout25 {
    let mut rng = Rng::new(SEED);
    let world = World::build(&mut rng.fork(), NOW);
    let leaders = leaders(&mut rng.fork(), &world);

    let mut drawn: Vec<(f64, LabelledWallet)> = Vec::new();
    for (b, (name, bot, count, make)) in specs().into_iter().enumerate() {
        let mut brng = Rng::new(SEED ^ ((b as u64 + 1) * 0x0100_0000_01b3));
        for j in 0..count {
            let who = brng.wallet();
            let mut trades = Vec::new();
            for _ in 0..8 {
                let mut wr = brng.fork();
                let mut a = Acc::new(&world, who.clone());
                match &make {
                    Gen::P(f) => f(&mut wr, &mut a),
                    Gen::L(f) => f(&mut wr, &mut a, &leaders),
                }
                if !a.v.is_empty() {
                    trades = a.v;
                    break;
                }
            }
            assert!(!trades.is_empty(), "{name} drew an empty wallet");
            trades.sort_by(|x, y| y.timestamp.cmp(&x.timestamp));
            let key = (j as f64 + brng.f()) / count as f64;
            drawn.push((key, LabelledWallet { wallet: who, bot, behaviour: name, trades }));
        }
    }
    drawn.sort_by(|x, y| x.0.total_cmp(&y.0));
    let wallets: Vec<LabelledWallet> = drawn.into_iter().map(|x| x.1).collect();

    let labelled: std::collections::BTreeSet<usize> =
        wallets.iter().flat_map(|l| l.trades.iter().filter_map(|t| world.by_cid(&t.condition_id))).collect();
    let mut tape: Vec<Trade> = wallets.iter().flat_map(|l| l.trades.iter().cloned()).collect();
    for (_, v) in &leaders {
        tape.extend(v.iter().cloned());
    }
    tape.extend(crowd(&mut rng.fork(), &world, &labelled));
    tape.sort_by(|x, y| y.timestamp.cmp(&x.timestamp));
    Holdout25 { wallets, tape }
}
