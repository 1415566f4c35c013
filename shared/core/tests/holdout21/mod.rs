//! Holdout v21: an independently written, labelled set of Polymarket wallets over the 30 days to
//! Mon 2026-09-21 14:13 UTC, with the public tape of every market they trade.
//!
//! Built in three layers:
//! - `world`: a few thousand markets of the kinds Polymarket lists in that month (US midterm and
//!   primary politics, the Swedish election, deadline news markets, jobs/CPI/FOMC brackets, NFL
//!   and college football, MLB, WNBA, Premier League and Champions League three-way markets, MLS,
//!   the US Open, daily high-temperature brackets for four cities, mention markets for speeches,
//!   Elon Musk tweet-count brackets, awards, Bitcoin/Ethereum/Solana Up or Down windows and daily
//!   "above $X" ladders), each with a fair-price path, the moment its outcome became known, its
//!   resolution time and its winner;
//! - `crowd`: market makers resting the books, ~2,800 ordinary people, unlabelled programs and a
//!   few well-known wallets that others copy;
//! - `people` and `bots`: the labelled wallets, each written from how that kind of trader acts.
//!
//! `engine` turns every order into fills as the venue reports them: a taker matched against one
//! or more makers in one transaction at the book's prices, each side its own row.

#![allow(dead_code, clippy::all)]

mod bots;
mod crowd;
mod engine;
mod people;
mod persona;
mod rng;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use crowd::{Crowd, Reg};
use engine::{Gen, Intent};
use people::Ctx;
use rng::{Rng, hex64};
use rust_decimal::Decimal;
use world::World;

pub use world::NOW;

const SEED: u64 = 0x0021_2026_0921_1413;
/// Crowd flow scale (orders per market-hour multiplier).
const FLOW: f64 = 0.75;

pub struct Labelled {
    pub wallet: Wallet,
    pub bot: bool,
    pub behaviour: &'static str,
    pub trades: Vec<Trade>,
}

pub struct Holdout {
    pub wallets: Vec<Labelled>,
    pub tape: Vec<Trade>,
}

type Behaviour = fn(&mut Gen, &mut Rng, u32, &Ctx);

/// (name, is a bot, wallets, generator)
const PLAN: &[(&str, bool, usize, Behaviour)] = &[
    // People.
    ("casual_sports_fan", false, 14, people::casual_sports_fan),
    ("casual_politics_bettor", false, 12, people::casual_politics_bettor),
    ("inplay_sports_trader", false, 14, people::inplay_sports_trader),
    ("news_day_trader", false, 13, people::news_day_trader),
    ("whale_conviction_bettor", false, 10, people::whale_conviction_bettor),
    ("manual_copier", false, 13, people::manual_copier),
    ("crypto_updown_gambler", false, 13, people::crypto_updown_gambler),
    ("weather_hobbyist", false, 11, people::weather_hobbyist),
    ("mention_market_player", false, 11, people::mention_market_player),
    ("longshot_lottery_buyer", false, 12, people::longshot_lottery_buyer),
    ("swing_trader", false, 12, people::swing_trader),
    ("new_user_first_bets", false, 12, people::new_user_first_bets),
    ("crypto_price_target_trader", false, 11, people::crypto_price_target_trader),
    ("heavy_multi_category_degen", false, 12, people::heavy_multi_category_degen),
    ("macro_data_trader", false, 11, people::macro_data_trader),
    ("soccer_weekend_bettor", false, 11, people::soccer_weekend_bettor),
    ("tennis_inplay_fan", false, 11, people::tennis_inplay_fan),
    ("manual_high_prob_grinder", false, 11, people::manual_high_prob_grinder),
    ("culture_tweet_counter", false, 10, people::culture_tweet_counter),
    // Programs.
    ("market_maker_quoter", true, 11, bots::market_maker_quoter),
    ("resolution_sniper", true, 12, bots::resolution_sniper),
    ("crypto_updown_momentum_bot", true, 12, bots::crypto_updown_momentum_bot),
    ("negrisk_bracket_arb", true, 10, bots::negrisk_bracket_arb),
    ("complement_pair_arb", true, 10, bots::complement_pair_arb),
    ("copy_trade_bot", true, 12, bots::copy_trade_bot),
    ("news_reaction_bot", true, 11, bots::news_reaction_bot),
    ("sports_feed_bot", true, 11, bots::sports_feed_bot),
    ("twap_slicer_bot", true, 10, bots::twap_slicer_bot),
    ("grid_ladder_bot", true, 10, bots::grid_ladder_bot),
    ("hourly_cron_rebalancer", true, 10, bots::hourly_cron_rebalancer),
    ("weather_model_bot", true, 11, bots::weather_model_bot),
    ("liquidity_reward_farmer", true, 10, bots::liquidity_reward_farmer),
    // Programs written to pass as people.
    ("hard_humanlike_copier", true, 12, bots::hard_humanlike_copier),
    ("hard_session_scalper", true, 12, bots::hard_session_scalper),
    ("hard_sleepy_sniper", true, 11, bots::hard_sleepy_sniper),
    ("hard_llm_agent", true, 11, bots::hard_llm_agent),
];

/// Unlabelled programs in the crowd, by generator.
const CROWD_PROGRAMS: &[(usize, Behaviour)] = &[
    (10, bots::copy_trade_bot),
    (8, bots::resolution_sniper),
    (10, bots::crypto_updown_momentum_bot),
    (4, bots::complement_pair_arb),
    (3, bots::news_reaction_bot),
    (3, bots::market_maker_quoter),
];

/// Runs `f` for wallet `w`, retrying on fresh streams until it trades at least once.
fn generate(world: &World, f: Behaviour, ctx: &Ctx, name: &str, w: u32) -> Vec<Intent> {
    for attempt in 0..12u64 {
        let mut g = Gen::new(world);
        let mut r = Rng::sub(SEED, name, (w as u64) * 64 + attempt);
        f(&mut g, &mut r, w, ctx);
        if !g.out.is_empty() {
            return g.out;
        }
    }
    panic!("{name} wallet {w} never traded");
}

pub fn holdout21() -> Holdout {
    let world = World::build(SEED);
    let mut reg = Reg::new(SEED);
    let crowd = Crowd::build(&mut reg, SEED, 2800);
    let mut all: Vec<Intent> = Vec::new();

    let mut decided: Vec<(i64, usize)> = world
        .markets
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.decided < m.close && m.decided > world::START && m.decided <= NOW && m.cat != world::Cat::UpDown && m.cat != world::Cat::Above
        })
        .map(|(i, m)| (m.decided, i))
        .collect();
    decided.sort();
    let mut ctx = Ctx { leaders: vec![], decided };

    // Well-known wallets first: others copy them.
    for &l in &crowd.leaders {
        let mut out = generate(&world, people::leader_whale, &ctx, "leader", l);
        out.sort_by_key(|i| i.t);
        all.extend(out.iter().copied());
        ctx.leaders.push((l, out));
    }

    // Labelled wallets, interleaved.
    let mut labelled: Vec<(u32, usize)> = vec![];
    for (b, (_, _, n, _)) in PLAN.iter().enumerate() {
        for _ in 0..*n {
            labelled.push((reg.add(), b));
        }
    }
    Rng::sub(SEED, "order", 0).shuffle(&mut labelled);
    for &(w, b) in &labelled {
        let (name, _, _, f) = PLAN[b];
        all.extend(generate(&world, f, &ctx, name, w));
    }

    // Unlabelled programs.
    let mut k = 0;
    for &(n, f) in CROWD_PROGRAMS {
        for _ in 0..n {
            let w = crowd.programs[k];
            k += 1;
            all.extend(generate(&world, f, &ctx, "crowd-program", w));
        }
    }

    // Everyone else.
    all.extend(crowd.flow(&world, FLOW));

    let mut rows = engine::run(&world, &crowd, &all, SEED);
    rows.sort_by(|a, b| b.t.cmp(&a.t).then(b.tx.cmp(&a.tx)));

    let wallets: Vec<Wallet> = reg.addr.iter().map(|a| Wallet::parse(a).expect("address")).collect();
    let mut tape = Vec::with_capacity(rows.len());
    let mut slot: Vec<Option<usize>> = vec![None; reg.addr.len()];
    for (i, &(w, _)) in labelled.iter().enumerate() {
        slot[w as usize] = Some(i);
    }
    let mut mine: Vec<Vec<Trade>> = vec![Vec::new(); labelled.len()];
    for r in &rows {
        let mk = &world.markets[r.m as usize];
        let t = Trade {
            wallet: wallets[r.w as usize].clone(),
            side: if r.buy { Side::Buy } else { Side::Sell },
            asset: mk.tokens[r.o as usize].clone(),
            condition_id: format!("0x{}", mk.cond),
            size: Shares(Decimal::new(r.sh, 2)),
            price: Price(Decimal::new(r.c, 2)),
            timestamp: from_secs(r.t),
            transaction_hash: format!("0x{}", hex64(SEED, r.tx as u64)),
            outcome: mk.outcomes[r.o as usize].clone(),
            outcome_index: Some(r.o as u32),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        };
        if let Some(i) = slot[r.w as usize] {
            mine[i].push(t.clone());
        }
        tape.push(t);
    }
    let wallets = labelled
        .iter()
        .zip(mine)
        .map(|(&(w, b), trades)| Labelled { wallet: wallets[w as usize].clone(), bot: PLAN[b].1, behaviour: PLAN[b].0, trades })
        .collect();
    Holdout { wallets, tape }
}
