#![allow(dead_code, clippy::all)]
//! Holdout v22: an independently written, labelled set of Polymarket wallets and the public tape
//! of every market they trade.
//!
//! The set is built from a small world: markets of the kinds Polymarket lists (midterm and
//! international politics, deadline news, NFL/college/MLB/NHL/soccer/tennis/UFC/esports games
//! with in-play prices, crypto Up/Down windows and strike markets on a simulated underlying,
//! city temperature brackets, Fed/CPI/jobs brackets, mention markets around live speeches and
//! calls, Nobel/Billboard/tweet-count markets), each with a fair-price path and a resolution.
//! A crowd of makers, ordinary people, other programs and a few well-known wallets trades them;
//! the labelled wallets are written from how each kind of trader behaves. Every fill is a taker
//! matched against makers at the market's price at that moment, reported once per participant.

mod bots;
mod crowd;
mod human;
mod people;
mod rng;
mod tape;
mod world;

use copycat_core::trade::{Trade, Wallet};
use rng::Rng;

/// "Now" for the set: 2026-10-14 17:46:40 UTC.
pub const NOW: i64 = 1_792_000_000;
/// The month of history starts here.
pub const START: i64 = NOW - 30 * 86_400;

const SEED: u64 = 0x4b22_5eed_2026_1014;

pub struct LabelledWallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

pub struct Holdout22 {
    pub wallets: Vec<LabelledWallet>,
    pub tape: Vec<Trade>,
}

type Gen = fn(&mut tape::Ctx, &Rng, u32);

/// (behaviour, bot, wallets, generator)
const PLAN: &[(&str, bool, usize, Gen)] = &[
    ("inplay_sports_scalper", false, 15, people::inplay_scalper),
    ("crypto_updown_daytrader", false, 13, people::crypto_daytrader),
    ("manual_favourite_buyer", false, 14, people::favourite_buyer),
    ("casual_bettor", false, 22, people::casual),
    ("heavy_politics_trader", false, 13, people::politics_heavy),
    ("resting_limit_orders", false, 14, people::limit_orders),
    ("hand_copier_of_whale", false, 13, people::hand_copier),
    ("weather_bracket_hobbyist", false, 12, people::weather_hobbyist),
    ("mention_market_player", false, 12, people::mention_player),
    ("news_swing_trader", false, 13, people::news_swing),
    ("pregame_sports_bettor", false, 15, people::pregame_bettor),
    ("longshot_buyer", false, 12, people::longshot),
    ("conviction_whale", false, 10, people::conviction_whale),
    ("macro_data_trader", false, 11, people::macro_trader),
    ("culture_markets_fan", false, 11, people::culture_fan),
    ("market_maker", true, 13, bots::market_maker),
    ("near_resolution_sweeper", true, 14, bots::near_res_sweeper),
    ("crypto_window_sniper", true, 13, bots::crypto_sniper),
    ("complement_arbitrage", true, 12, bots::complement_arb),
    ("copy_trading_bot", true, 14, bots::copy_bot),
    ("news_feed_bot", true, 12, bots::news_bot),
    ("cron_schedule_bot", true, 12, bots::cron_bot),
    ("crypto_latency_arb", true, 12, bots::latency_arb),
    ("live_score_feed_bot", true, 11, bots::score_bot),
    ("weather_model_bot", true, 11, bots::weather_bot),
    ("liquidity_rewards_farmer", true, 11, bots::rewards_farmer),
    ("grid_ladder_bot", true, 11, bots::grid_bot),
    ("twap_executor", true, 10, bots::twap),
    ("hard_humanised_copier", true, 12, bots::hard_copier),
    ("hard_jittered_favourite_sniper", true, 12, bots::hard_sniper),
    ("hard_agent_sessions", true, 11, bots::hard_agent),
];

pub fn holdout22() -> Holdout22 {
    let mut ctx = tape::Ctx::new(SEED);
    let rng = Rng::new(SEED ^ 0xC0DE);
    crowd::setup(&mut ctx, &rng);
    crowd::leaders(&mut ctx, &rng);
    crowd::crowd_copiers(&mut ctx, &rng);

    // Interleave the behaviours: one shuffled list of wallets.
    let mut slots: Vec<usize> = PLAN.iter().enumerate().flat_map(|(i, p)| std::iter::repeat(i).take(p.2)).collect();
    rng.shuffle(&mut slots);
    let mut labelled: Vec<(u32, bool, &'static str)> = Vec::new();
    for (k, &i) in slots.iter().enumerate() {
        let (name, bot, _, run_gen) = PLAN[i];
        let w = ctx.new_wallet(&rng, true);
        let r = Rng::derive(SEED, 1_000 + k as u64);
        run_gen(&mut ctx, &r, w);
        labelled.push((w, bot, name));
    }
    // A wallet that ended up with no fills (a quiet month) is re-drawn with a fresh stream: every
    // labelled wallet traded at least once in the month.
    let traded: std::collections::HashSet<u32> = ctx.rows.iter().map(|r| r.w).collect();
    for k in 0..labelled.len() {
        let (w, _, name) = labelled[k];
        let mut tries = 0;
        while !traded.contains(&w) && !ctx.rows.iter().any(|r| r.w == w) && tries < 5 {
            let run_gen = PLAN.iter().find(|p| p.0 == name).unwrap().3;
            let r = Rng::derive(SEED, 50_000 + (k * 10 + tries) as u64);
            run_gen(&mut ctx, &r, w);
            tries += 1;
        }
    }
    crowd::crypto_listing(&mut ctx);
    let brng = Rng::new(SEED ^ 0xB00C);
    crowd::background(&mut ctx, &brng, 1.0);

    let (wallets, tape) = ctx.finish(&labelled);
    Holdout22 {
        wallets: wallets.into_iter().map(|(wallet, bot, behaviour, trades)| LabelledWallet { wallet, bot, behaviour, trades }).collect(),
        tape,
    }
}
