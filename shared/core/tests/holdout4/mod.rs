//! Holdout v4: a fourth labelled set of Polymarket wallets for measuring the bot filter on
//! wallets it was not tuned on, from a generator written independently of the filter.
//!
//! A deterministic simulation (splitmix64 under the frozen [`world::SEED`]) of 45 days of a
//! Polymarket ending at `NOW` = 2026-11-20T00:00:00Z: crypto up/down rounds and daily strikes
//! on a simulated spot price, sports games with in-play swings, politics and the 2026 midterms
//! (election night on 3 November), economic releases, culture, weather, tweet counts and
//! mention markets (see `world.rs`). Labelled wallets — people in `people.rs`, bots in
//! `bots.rs`, each behaviour with its parameters drawn per wallet — trade in it alongside an
//! unlabelled crowd, the liquidity providers in every book, and the unlabelled leaders that
//! copy bots and hand copiers follow.
//!
//! [`holdout4`] returns each labelled wallet's fills in the last 30 days (one `Trade` per fill,
//! newest first, as the Data API returns them) and the tape: every fill in the window by
//! anyone, the labelled wallets included, newest first — the public trade feed a filter may
//! read around a wallet's trades the way discovery would.

mod bots;
mod people;
mod world;

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::HashMap;
use world::{LEADER_BASE, NOW, Rng, Row, WINDOW_START, World, address, condition_id, token_id, tx_hash};

/// One labelled wallet of holdout v4.
pub struct Holdout4Wallet {
    /// The wallet.
    pub wallet: Wallet,
    /// A bot (its orders placed by software, no person deciding each one).
    pub bot: bool,
    /// The behaviour it was generated from.
    pub behaviour: &'static str,
    /// Its fills in the 30-day window, newest first.
    pub trades: Vec<Trade>,
}

/// Holdout v4: the labelled wallets and the public tape of the window.
pub struct Holdout4 {
    /// The labelled wallets.
    pub wallets: Vec<Holdout4Wallet>,
    /// Every fill in the window by anyone (labelled wallets included), newest first.
    pub tape: Vec<Trade>,
}

type Gen = fn(&mut World, &mut Rng, u32);

/// One behaviour: its name, its label, how many wallets, its generator, and whether copy bots
/// may follow its wallets.
struct Spec {
    name: &'static str,
    bot: bool,
    count: usize,
    generate: Gen,
    followable: bool,
}

const fn person(name: &'static str, count: usize, generate: Gen, followable: bool) -> Spec {
    Spec { name, bot: false, count, generate, followable }
}

const fn bot(name: &'static str, count: usize, generate: Gen) -> Spec {
    Spec { name, bot: true, count, generate, followable: false }
}

/// The behaviours (each documented at its generator) and how many wallets each has.
const SPECS: &[Spec] = &[
    person("sports_fan", 14, people::sports_fan, true),
    person("politics_holder", 14, people::politics_holder, true),
    person("crypto_clicker", 14, people::crypto_round_clicker, true),
    person("live_scalper", 14, people::live_scalper, true),
    person("whale_splitter", 14, people::whale_splitter, true),
    person("limit_ladder", 14, people::limit_ladder, false),
    person("longshot_buyer", 14, people::longshot_collector, false),
    person("prob_grinder", 14, people::high_prob_grinder, true),
    person("weather_routine", 14, people::weather_routine, false),
    person("news_trader", 14, people::news_trader, false),
    person("hand_copier", 14, people::hand_copier, false),
    person("airdrop_farmer", 14, people::airdrop_farmer, false),
    person("mentions_clicker", 14, people::mentions_clicker, false),
    bot("copy_poller", 11, bots::copy_poller),
    bot("copy_onchain", 11, bots::copy_onchain),
    bot("copy_stealth", 11, bots::copy_stealth),
    bot("market_maker", 11, bots::market_maker),
    bot("reward_farmer", 11, bots::reward_farmer),
    bot("latency_arb", 11, bots::latency_arb),
    bot("pair_arb", 11, bots::pair_arb),
    bot("closing_sweeper", 11, bots::closing_sweeper),
    bot("twap_desk", 11, bots::twap_desk),
    bot("news_sniper", 11, bots::news_sniper),
    bot("sports_feed", 11, bots::sports_feed),
    bot("wash_ring", 11, bots::wash_ring),
    bot("laptop_script", 11, bots::laptop_script),
    bot("llm_agent", 11, bots::llm_agent),
    bot("negrisk_arb", 11, bots::negrisk_arb),
];

/// The unlabelled people whom copy bots and hand copiers follow: busy, well-known traders.
const LEADERS: &[(Gen, usize)] = &[
    (people::live_scalper, 7),
    (people::politics_holder, 6),
    (people::sports_fan, 5),
    (people::whale_splitter, 3),
    (people::high_prob_grinder, 3),
    (people::crypto_round_clicker, 3),
];

/// Runs `generate` for wallet `id`, drawing again (a fresh stream, its rows discarded) until
/// the wallet has at least `min` fills in the window.
fn run(w: &mut World, stream: u64, k: usize, id: u32, generate: Gen, min: usize) {
    for attempt in 0..40u64 {
        let start = w.rows.len();
        let mut r = Rng::stream(stream << 8 | attempt, k as u64);
        generate(w, &mut r, id);
        let n = w.rows[start..].iter().filter(|x| x.w == id && (WINDOW_START..NOW).contains(&x.ts)).count();
        if n >= min {
            w.ranges.insert(id, (start, w.rows.len()));
            return;
        }
        w.rows.truncate(start);
    }
    panic!("holdout v4: wallet {id} (stream {stream}) has fewer than {min} fills in the window after 40 draws");
}

/// Builds holdout v4.
pub fn holdout4() -> Holdout4 {
    let mut w = World::new();
    w.boost = 2.0;
    let mut next = LEADER_BASE;
    for (i, &(generate, n)) in LEADERS.iter().enumerate() {
        for k in 0..n {
            run(&mut w, 100 + i as u64, k, next, generate, 10);
            w.leaders.push(next);
            next += 1;
        }
    }
    w.boost = 1.0;
    let mut labels: Vec<(u32, &Spec)> = Vec::new();
    let mut id = 0u32;
    for (i, spec) in SPECS.iter().enumerate() {
        for k in 0..spec.count {
            run(&mut w, 200 + i as u64, k, id, spec.generate, 3);
            if spec.followable {
                w.followable.push(id);
            }
            labels.push((id, spec));
            id += 1;
        }
    }
    w.background(&mut Rng::stream(3, 0));

    // the venue minimum: every order a labelled wallet sends to the book is for 5 shares or more
    let mut sent: HashMap<(u64, u32), u32> = HashMap::new();
    for x in w.rows.iter().filter(|x| x.taker && (x.w as usize) < labels.len()) {
        *sent.entry((x.tx, x.w)).or_default() += x.sz;
    }
    if let Some(((tx, who), sz)) = sent.iter().find(|e| *e.1 < 500) {
        panic!("holdout v4: wallet {who} sent an order of {sz} hundredths of a share (tx {tx}), below the venue minimum");
    }

    let mut rows: Vec<Row> = w.rows.iter().filter(|x| (WINDOW_START..NOW).contains(&x.ts)).copied().collect();
    rows.sort_by(|a, b| b.ts.cmp(&a.ts).then(b.tx.cmp(&a.tx)));
    let mut wallets: HashMap<u32, Wallet> = HashMap::new();
    let mut ids: HashMap<u32, (String, [String; 2])> = HashMap::new();
    let mut mine: Vec<Vec<Trade>> = vec![Vec::new(); labels.len()];
    let mut tape = Vec::with_capacity(rows.len());
    for x in &rows {
        let wallet = wallets.entry(x.w).or_insert_with(|| Wallet::parse(&address(x.w)).expect("a generated address is valid")).clone();
        let m = x.m as usize;
        let (cid, tokens) = ids.entry(x.m).or_insert_with(|| (condition_id(m), [token_id(m, 0), token_id(m, 1)]));
        let mk = &w.markets[m];
        let trade = Trade {
            wallet,
            side: if x.buy { Side::Buy } else { Side::Sell },
            asset: tokens[usize::from(x.tok)].clone(),
            condition_id: cid.clone(),
            size: Shares(Decimal::new(i64::from(x.sz), 2)),
            price: Price(Decimal::new(i64::from(x.px), 2)),
            timestamp: from_secs(x.ts),
            transaction_hash: tx_hash(x.tx),
            outcome: mk.outcomes[usize::from(x.tok)].clone(),
            outcome_index: Some(u32::from(x.tok)),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        };
        if (x.w as usize) < labels.len() {
            mine[x.w as usize].push(trade.clone());
        }
        tape.push(trade);
    }
    let wallets = labels
        .iter()
        .zip(mine)
        .map(|(&(id, spec), trades)| Holdout4Wallet {
            wallet: wallets.get(&id).cloned().unwrap_or_else(|| Wallet::parse(&address(id)).expect("valid")),
            bot: spec.bot,
            behaviour: spec.name,
            trades,
        })
        .collect();
    Holdout4 { wallets, tape }
}
