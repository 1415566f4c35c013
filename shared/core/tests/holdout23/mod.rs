#![allow(dead_code, clippy::all)]
//! Holdout v23: an independently written, labelled set of Polymarket wallets over the month
//! before Thanksgiving 2026 (the US midterms, the NFL and NBA seasons, the European football
//! weekends, crypto up/down windows, weather brackets, mention markets), and the public tape of
//! every market they trade.
//!
//! The world: a few thousand markets with fair-price paths (a latent score per market whose price
//! is the chance it ends above zero; crypto markets priced off simulated spot paths; weather
//! brackets off a forecast that converges on the day's high; mention markets off whether and when
//! the word is said). Every fill happens at the book around that path at that second. People trade
//! in sessions while awake, react in minutes, type dollar amounts; programs trade around the clock,
//! react in seconds, repeat sizes and schedules. `hard_` programs are written to pass for people.

mod agent;
mod bots;
mod crowd;
mod people;
mod rng;
mod world;

use agent::Agent;
use copycat_core::trade::{Trade, Wallet};
use rng::Rng;
use std::collections::BTreeSet;
use world::{Move, World};

/// Thursday 26 November 2026, 18:30 UTC (Thanksgiving afternoon in New York).
pub const NOW: i64 = 1_795_717_800;
const SEED: u64 = 0x23A7_51D9_0E4C_B8F1;

pub struct LabelledWallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

pub struct Holdout23 {
    pub wallets: Vec<LabelledWallet>,
    pub tape: Vec<Trade>,
}

type Gen = fn(&mut Agent, usize);

/// (behaviour, bot?, wallets, generator)
const BEHAVIOURS: [(&str, bool, usize, Gen); 34] = [
    ("inplay_sports_bettor", false, 14, people::inplay_sports_bettor),
    ("crypto_updown_gambler", false, 14, people::crypto_updown_gambler),
    ("manual_favourite_buyer", false, 12, people::manual_favourite_buyer),
    ("casual_bettor", false, 16, people::casual_bettor),
    ("politics_heavy_trader", false, 12, people::politics_heavy_trader),
    ("resting_limit_orders", false, 12, people::resting_limit_orders),
    ("hand_whale_copier", false, 12, people::hand_whale_copier),
    ("weather_bracket_player", false, 11, people::weather_bracket_player),
    ("mention_market_player", false, 11, people::mention_market_player),
    ("news_swing_trader", false, 12, people::news_swing_trader),
    ("macro_data_trader", false, 11, people::macro_data_trader),
    ("longshot_buyer", false, 12, people::longshot_buyer),
    ("conviction_whale", false, 11, people::conviction_whale),
    ("culture_fan", false, 11, people::culture_fan),
    ("weekend_warrior", false, 12, people::weekend_warrior),
    ("asia_night_owl", false, 12, people::asia_night_owl),
    ("student_tiny_stakes", false, 12, people::student_tiny_stakes),
    ("arb_minded_human", false, 11, people::arb_minded_human),
    ("market_maker", true, 12, bots::market_maker),
    ("near_resolution_sweeper", true, 12, bots::near_resolution_sweeper),
    ("crypto_window_sniper", true, 12, bots::crypto_window_sniper),
    ("complement_arb", true, 11, bots::complement_arb),
    ("copy_trading_bot", true, 13, bots::copy_trading_bot),
    ("news_feed_bot", true, 11, bots::news_feed_bot),
    ("live_score_bot", true, 12, bots::live_score_bot),
    ("cron_schedule_bot", true, 12, bots::cron_schedule_bot),
    ("crypto_latency_arb", true, 12, bots::crypto_latency_arb),
    ("liquidity_reward_farmer", true, 11, bots::liquidity_reward_farmer),
    ("grid_ladder_bot", true, 11, bots::grid_ladder_bot),
    ("twap_executor", true, 11, bots::twap_executor),
    ("weather_model_bot", true, 11, bots::weather_model_bot),
    ("hard_jittered_copier", true, 12, bots::hard_jittered_copier),
    ("hard_session_sweeper", true, 11, bots::hard_session_sweeper),
    ("hard_humanlike_updown_bot", true, 11, bots::hard_humanlike_updown_bot),
];

pub fn holdout23() -> Holdout23 {
    let mut world = World::build(SEED);
    let (leaders, leader_rows) = crowd::leaders(&world, SEED);
    world.leaders = leaders;
    let w = &world;
    let mut wallets = Vec::new();
    let mut touched = BTreeSet::new();
    let mut labelled: Vec<(Move, String)> = Vec::new();
    for (b, &(name, bot, count, generate)) in BEHAVIOURS.iter().enumerate() {
        for i in 0..count {
            let mut written = None;
            for attempt in 0..12u64 {
                let mut a = Agent::new(w, Rng::fork(SEED, 100 + b as u64, i as u64 + attempt * 1_000));
                generate(&mut a, i + attempt as usize * 7);
                if !a.fills.is_empty() {
                    written = Some(a);
                    break;
                }
            }
            let mut a = written.unwrap_or_else(|| panic!("{name} {i} wrote no fills"));
            for (t, mv) in a.fills.iter().zip(&a.log) {
                touched.insert(mv.m);
                labelled.push((*mv, t.transaction_hash.clone()));
            }
            a.sort_newest_first();
            wallets.push(LabelledWallet { wallet: a.wallet.clone(), bot, behaviour: name, trades: a.fills });
        }
    }
    Rng::fork(SEED, 9, 0).shuffle(&mut wallets);
    let crowd_rows = crowd::crowd(w, SEED, &touched, &labelled);
    let mut tape: Vec<Trade> = Vec::with_capacity(labelled.len() + leader_rows.len() + crowd_rows.len());
    for lw in &wallets {
        tape.extend(lw.trades.iter().cloned());
    }
    tape.extend(leader_rows);
    tape.extend(crowd_rows);
    tape.sort_by(|a, b| b.timestamp.cmp(&a.timestamp));
    Holdout23 { wallets, tape }
}
