//! Holdout set 8: labelled synthetic Polymarket wallets (people and programs) and the public tape
//! of the markets they trade, written from descriptions of how people and bots trade on the venue.
//!
//! Everything is deterministic: one seeded splitmix64 stream, forked per part.
#![allow(dead_code)]

mod bots;
mod crowd;
mod ctx;
mod markets;
mod names;
mod people;
mod rng;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use ctx::{Ctx, Fill};
use markets::Markets;
use rng::{Rng, mix};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// When the set is taken: Monday 15 March 2027, 12:22:17 UTC.
pub const NOW: i64 = 1_805_113_337;
/// Start of the 30-day window.
const W0: i64 = NOW - 30 * 86_400;

const SEED: u64 = 0x4830_4C44_3038_2027;
/// Rough number of background crowd trades on the tape.
const BACKGROUND: usize = 150_000;

pub struct Holdout8Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the wallet in the 30 days before `NOW`, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout8 {
    pub wallets: Vec<Holdout8Wallet>,
    /// The public trades of the markets the labelled wallets trade in, newest first.
    pub tape: Vec<Trade>,
}

type Gen = fn(&mut Ctx, &Rng, &[u32]);

/// (behaviour, is a program, wallets, writer)
fn behaviours() -> Vec<(&'static str, bool, usize, Gen)> {
    vec![
        ("casual_sports_bettor", false, 25, people::casual_sports),
        ("politics_position_holder", false, 16, people::politics_holder),
        ("in_play_sports_trader", false, 15, people::in_play_trader),
        ("crypto_updown_phone_punter", false, 15, people::crypto_phone_punter),
        ("longshot_lottery_buyer", false, 12, people::longshot_buyer),
        ("breaking_news_reactor", false, 12, people::news_reactor),
        ("swing_day_trader", false, 12, people::swing_trader),
        ("whale_few_big_bets", false, 10, people::whale),
        ("limit_order_ladder_user", false, 12, people::limit_ladder),
        ("manual_alert_copier", false, 12, people::manual_copier),
        ("position_hedger", false, 10, people::hedger),
        ("newcomer_first_weeks", false, 18, people::newcomer),
        ("weekend_hobbyist", false, 14, people::weekend_hobbyist),
        ("near_certainty_grinder", false, 12, people::certainty_grinder),
        ("hyperactive_degen", false, 12, people::degen),
        ("event_night_multi_market", false, 12, people::event_night),
        ("local_weather_bettor", false, 10, people::weather_local),
        ("mention_and_tweet_count_player", false, 10, people::mentions_player),
        ("two_sided_market_maker", true, 14, bots::market_maker),
        ("complement_arbitrage_bot", true, 12, bots::complement_arb),
        ("data_api_polling_copy_bot", true, 14, bots::datapi_copy_bot),
        ("onchain_copy_bot", true, 10, bots::onchain_copy_bot),
        ("resolution_sweeper_bot", true, 12, bots::resolution_sweeper),
        ("crypto_interval_bot", true, 14, bots::crypto_interval_bot),
        ("twap_slicer_bot", true, 10, bots::twap_slicer),
        ("portfolio_rebalancer_bot", true, 10, bots::rebalancer),
        ("grid_bot", true, 10, bots::grid_bot),
        ("feed_latency_bot", true, 10, bots::latency_bot),
        ("wash_trading_ring", true, 15, bots::wash_ring),
        ("liquidity_reward_farmer", true, 12, bots::reward_farmer),
        ("airdrop_volume_farmer", true, 12, bots::airdrop_farmer),
        ("llm_agent_trader", true, 14, bots::llm_agent),
        ("forecast_model_script", true, 10, bots::forecast_model),
        ("sportsbook_line_arbitrage_bot", true, 10, bots::line_arbitrage),
    ]
}

fn address(id: u32) -> String {
    markets::hex_id(mix(SEED ^ 0x5EED_0000_0000 ^ id as u64), 40)
}

fn tx_hash(tx: u64) -> String {
    markets::hex_id(mix(SEED ^ 0x7A5F_0000_0000_0000 ^ tx), 64)
}

fn trade(mk: &Markets, wallets: &[Wallet], hashes: &mut [Option<String>], f: &Fill) -> Trade {
    let m = mk.get(f.m);
    let hash = hashes[f.tx as usize].get_or_insert_with(|| tx_hash(f.tx)).clone();
    Trade {
        wallet: wallets[f.w as usize].clone(),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: m.tokens[f.o as usize].clone(),
        condition_id: m.cid.clone(),
        size: Shares(Decimal::new(f.sz as i64, 2)),
        price: Price(Decimal::new(f.c as i64, 2)),
        timestamp: from_secs(f.t),
        transaction_hash: hash,
        outcome: m.outcomes[f.o as usize].clone(),
        outcome_index: Some(f.o as u32),
        title: m.title.clone(),
        slug: m.slug.clone(),
    }
}

pub fn holdout8() -> Holdout8 {
    let r = Rng::new(SEED);
    let mk = Markets::new(SEED ^ 0x0BAD_CAFE);
    let mut c = Ctx::new(mk);
    crowd::leaders(&mut c, &r.fork(), 24);

    let mut labelled: Vec<(u32, &'static str, bool)> = Vec::new();
    for (name, bot, n, gen_fn) in behaviours() {
        let ws: Vec<u32> = (0..n).map(|_| c.wallet()).collect();
        let rr = r.fork();
        gen_fn(&mut c, &rr, &ws);
        labelled.extend(ws.iter().map(|&w| (w, name, bot)));
    }

    crowd::unlabelled(&mut c, &r.fork());
    let crowd = crowd::Crowd::new(&mut c, &r.fork(), &[2_600, 1_400, 1_700, 400, 900]);
    let makers: Vec<u32> = (0..40).map(|_| c.wallet()).collect();
    crowd::counterparties(&mut c, &r.fork(), &crowd, &makers);
    crowd::background(&mut c, &r.fork(), &crowd, BACKGROUND);

    // Addresses: unique by construction (checked anyway).
    let mut seen = HashSet::new();
    let wallets: Vec<Wallet> = (0..c.count.len() as u32)
        .map(|id| {
            let mut a = address(id);
            let mut salt = 1u32;
            while !seen.insert(a.clone()) {
                a = address(id ^ (salt << 24));
                salt += 1;
            }
            Wallet::parse(&a).expect("generated address is valid")
        })
        .collect();

    let mut order: Vec<usize> = (0..c.fills.len()).collect();
    order.sort_unstable_by_key(|&i| (std::cmp::Reverse(c.fills[i].t), std::cmp::Reverse(c.fills[i].tx), i));
    let max_tx = c.fills.iter().map(|f| f.tx).max().unwrap_or(0) as usize;
    let mut hashes: Vec<Option<String>> = vec![None; max_tx + 1];
    let mut per_wallet: Vec<Vec<Trade>> = vec![Vec::new(); c.count.len()];
    let mut is_labelled = vec![false; c.count.len()];
    for l in &labelled {
        is_labelled[l.0 as usize] = true;
    }
    let mut tape = Vec::with_capacity(order.len());
    for &i in &order {
        let f = &c.fills[i];
        let t = trade(&c.mk, &wallets, &mut hashes, f);
        if is_labelled[f.w as usize] {
            per_wallet[f.w as usize].push(t.clone());
        }
        tape.push(t);
    }

    r.shuffle(&mut labelled);
    let wallets = labelled
        .into_iter()
        .map(|(w, behaviour, bot)| Holdout8Wallet {
            wallet: wallets[w as usize].clone(),
            bot,
            behaviour,
            trades: std::mem::take(&mut per_wallet[w as usize]),
        })
        .collect();
    Holdout8 { wallets, tape }
}
