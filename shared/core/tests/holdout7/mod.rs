//! Bot-filter holdout v7: a labelled set of synthetic Polymarket wallets, written independently
//! of the filter from descriptions of how real people and real bots trade, plus the public tape
//! of the markets they trade in (background crowd, the leaders copiers follow, and other
//! unlabelled participants).
//!
//! Everything is deterministic: a splitmix64 generator seeded with constants.

#![allow(dead_code)]

mod bots;
mod common;
mod crowd;
mod markets;
mod people;
mod rng;

use common::{Cx, Fill, Leader, in_window};
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use markets::Universe;
use rng::{Cumulative, Rng, label, mix};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The moment the set is taken (2027-01-26 21:46:40 UTC); fills cover the 30 days before.
pub const NOW: i64 = 1_801_000_000;

pub struct Holdout7Wallet {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    /// Every fill of the last 30 days, newest first.
    pub trades: Vec<Trade>,
}

pub struct Holdout7 {
    pub wallets: Vec<Holdout7Wallet>,
    /// The markets' public trades: labelled wallets, crowd, leaders and other participants.
    pub tape: Vec<Trade>,
}

type GenFn = fn(&Cx, &mut Rng, u32, &mut Vec<Fill>);

/// A behaviour: its name, whether it is a bot, how many wallets, and its generator (`None` for
/// the wash-trading rings, which are generated a ring at a time).
struct Behaviour {
    name: &'static str,
    bot: bool,
    count: usize,
    f: Option<GenFn>,
}

const fn person(name: &'static str, count: usize, f: GenFn) -> Behaviour {
    Behaviour { name, bot: false, count, f: Some(f) }
}

const fn bot(name: &'static str, count: usize, f: GenFn) -> Behaviour {
    Behaviour { name, bot: true, count, f: Some(f) }
}

fn behaviours() -> Vec<Behaviour> {
    vec![
        person("casual_sports_bettor", 22, people::casual_sports_bettor),
        person("politics_position_holder", 18, people::politics_position_holder),
        person("in_play_bettor", 16, people::in_play_bettor),
        person("crypto_updown_phone_punter", 18, people::crypto_updown_phone_punter),
        person("longshot_buyer", 14, people::longshot_buyer),
        person("news_reactive_trader", 14, people::news_reactive_trader),
        person("day_trader_swing", 15, people::day_trader_swing),
        person("whale_few_big_bets", 10, people::whale_few_big_bets),
        person("limit_ladder_person", 12, people::limit_ladder_person),
        person("hand_copier", 14, people::hand_copier),
        person("hedger", 12, people::hedger),
        person("newcomer", 16, people::newcomer),
        person("weekend_evening_hobbyist", 15, people::weekend_evening_hobbyist),
        person("near_certainty_grinder_person", 12, people::near_certainty_grinder_person),
        person("heavy_active_degen", 12, people::heavy_active_degen),
        bot("market_maker_two_sided", 14, bots::market_maker_two_sided),
        bot("complement_arb_bot", 12, bots::complement_arb_bot),
        bot("copy_bot_polling", 14, bots::copy_bot_polling),
        bot("copy_bot_onchain", 10, bots::copy_bot_onchain),
        bot("near_resolution_sweeper", 13, bots::near_resolution_sweeper),
        bot("crypto_updown_interval_bot", 14, bots::crypto_updown_interval_bot),
        bot("twap_executor", 10, bots::twap_executor),
        bot("portfolio_rebalancer", 10, bots::portfolio_rebalancer),
        bot("grid_bot", 10, bots::grid_bot),
        bot("news_latency_bot", 11, bots::news_latency_bot),
        Behaviour { name: "wash_trading_ring", bot: true, count: 12, f: None },
        bot("liquidity_reward_farmer", 11, bots::liquidity_reward_farmer),
        bot("llm_agent_trader", 10, bots::llm_agent_trader),
        bot("sports_model_bot", 11, bots::sports_model_bot),
        bot("slow_copy_bot", 10, bots::slow_copy_bot),
    ]
}

const N_LEADERS: usize = 30;
const N_CROWD: usize = 5_000;
const N_MM: usize = 8;

pub fn holdout7() -> Holdout7 {
    let u = markets::build();
    let specs = behaviours();
    let n_labelled: usize = specs.iter().map(|b| b.count).sum();

    // Addresses: labelled wallets, then leaders, crowd, unlabelled market makers and other bots.
    let extra_bots: Vec<(GenFn, u64)> = vec![
        (bots::crypto_updown_interval_bot, 1),
        (bots::crypto_updown_interval_bot, 2),
        (bots::near_resolution_sweeper, 3),
        (bots::complement_arb_bot, 4),
        (bots::market_maker_two_sided, 5),
        (bots::market_maker_two_sided, 6),
    ];
    let total = n_labelled + N_LEADERS + N_CROWD + N_MM + extra_bots.len();
    let mut arng = Rng::new(label("holdout7-addresses"));
    let mut seen = HashSet::new();
    let mut addrs: Vec<Wallet> = Vec::with_capacity(total);
    while addrs.len() < total {
        let a = format!("0x{}", arng.hex(40));
        if seen.insert(a.clone()) {
            addrs.push(Wallet::parse(&a).expect("generated address"));
        }
    }
    let leader0 = n_labelled as u32;
    let crowd0 = leader0 + N_LEADERS as u32;
    let mm0 = crowd0 + N_CROWD as u32;
    let extra0 = mm0 + N_MM as u32;

    let mut lrng = Rng::new(label("holdout7-leaders"));
    let leader_ids: Vec<u32> = (0..N_LEADERS as u32).map(|i| leader0 + i).collect();
    let leaders: Vec<Leader> = crowd::leaders(&u, &mut lrng, &leader_ids);
    let fame: Vec<f64> = leaders.iter().map(|l| l.fame).collect();
    let mut crng = Rng::new(label("holdout7-crowd-weights"));
    let crowd_w: Vec<f64> = (0..N_CROWD).map(|_| (1.0 - crng.f()).powf(-1.0 / 1.3).min(300.0)).collect();
    let cx = Cx { u: &u, leaders: &leaders, leader_pick: Cumulative::new(&fame), crowd0, crowd_w: Cumulative::new(&crowd_w) };

    let mut fills: Vec<Fill> = Vec::with_capacity(350_000);
    for l in &leaders {
        fills.extend(l.fills.iter().copied());
    }

    // Labelled wallets.
    let mut labels: Vec<(u32, bool, &'static str)> = Vec::with_capacity(n_labelled);
    let mut next = 0u32;
    for b in &specs {
        let ids: Vec<u32> = (next..next + b.count as u32).collect();
        next += b.count as u32;
        for &id in &ids {
            labels.push((id, b.bot, b.name));
        }
        match b.f {
            Some(f) => {
                for (i, &me) in ids.iter().enumerate() {
                    let mut done = false;
                    for attempt in 0..8u64 {
                        let mut r = Rng::new(mix(mix(label(b.name), i as u64), attempt));
                        let mut out = Vec::new();
                        f(&cx, &mut r, me, &mut out);
                        if out.iter().any(|x| x.who == me && in_window(x.ts)) {
                            fills.extend(out);
                            done = true;
                            break;
                        }
                    }
                    if !done {
                        let mut r = Rng::new(mix(label(b.name), 1000 + i as u64));
                        let mut out = Vec::new();
                        if b.bot {
                            bots::fallback_bot(&cx, &mut r, me, &mut out);
                        } else {
                            people::fallback_person(&cx, &mut r, me, &mut out);
                        }
                        fills.extend(out);
                    }
                }
            }
            None => {
                for (ri, ring) in ids.chunks(4).enumerate() {
                    let mut r = Rng::new(mix(label(b.name), ri as u64));
                    bots::wash_trading_ring(&cx, &mut r, ring, &mut fills);
                }
            }
        }
    }

    // Other unlabelled bots in the same markets.
    for (k, (f, tag)) in extra_bots.iter().enumerate() {
        let mut r = Rng::new(mix(label("holdout7-extra-bots"), *tag));
        f(&cx, &mut r, extra0 + k as u32, &mut fills);
    }

    // The background crowd.
    let mm_ids: Vec<u32> = (0..N_MM as u32).map(|i| mm0 + i).collect();
    let mut crowd_rng = Rng::new(label("holdout7-crowd"));
    crowd::crowd((crowd0, &cx.crowd_w), &u, &mut crowd_rng, &mm_ids, &mut fills);

    fills.retain(|f| in_window(f.ts) && f.centi > 0 && (1..=99).contains(&f.cents));

    let tape: Vec<Trade> = fills.iter().map(|f| to_trade(&u, &addrs, f)).collect();
    let mut per: Vec<Vec<Trade>> = vec![Vec::new(); n_labelled];
    for (f, t) in fills.iter().zip(&tape) {
        if (f.who as usize) < n_labelled {
            per[f.who as usize].push(t.clone());
        }
    }
    let wallets = labels
        .into_iter()
        .zip(per)
        .map(|((id, bot, behaviour), mut trades)| {
            trades.sort_by_key(|t| std::cmp::Reverse(t.timestamp));
            Holdout7Wallet { wallet: addrs[id as usize].clone(), bot, behaviour, trades }
        })
        .collect();
    Holdout7 { wallets, tape }
}

fn tx_hash(tx: u64) -> String {
    let mut r = Rng::new(mix(tx, 0x7478_6861_7368));
    format!("0x{}", r.hex(64))
}

fn to_trade(u: &Universe, addrs: &[Wallet], f: &Fill) -> Trade {
    let mk = u.m(f.m);
    Trade {
        wallet: addrs[f.who as usize].clone(),
        side: if f.buy { Side::Buy } else { Side::Sell },
        asset: mk.tokens[f.tok as usize].clone(),
        condition_id: mk.cond.clone(),
        size: Shares(Decimal::new(f.centi as i64, 2).normalize()),
        price: Price(Decimal::new(f.cents as i64, 2).normalize()),
        timestamp: from_secs(f.ts),
        transaction_hash: tx_hash(f.tx),
        outcome: mk.outcomes[f.tok as usize].clone(),
        outcome_index: Some(f.tok as u32),
        title: mk.title.clone(),
        slug: mk.slug.clone(),
    }
}
