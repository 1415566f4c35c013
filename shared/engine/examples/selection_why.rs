//! Why a policy won or lost one walk-forward evaluation: for each policy, the wallets it
//! followed with their ground truth (kind, skill, the follower's edge per dollar over the
//! training and the test days), what the discovery verdict said, and, from the policy's own
//! ledger, what the follower copied of each and what it made, and the refusals by reason.
//!
//! `cargo run --release -p copycat-engine --example selection_why -- SEED [SEED …]`

use copycat_core::Config;
use copycat_core::records::{SignalOutcome, TraderStatus};
use copycat_core::trade::Side;
use copycat_engine::demo_start;
use copycat_engine::evaluate::{EvaluateOptions, POLICIES, evaluate_in_detail};
use std::collections::BTreeMap;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let config = Config::default();
    for seed in std::env::args().skip(1).filter_map(|s| s.parse::<u64>().ok()) {
        let opts = EvaluateOptions {
            seed,
            train_days: 21,
            test_days: 7,
            wallets: 120,
            work_dir: std::env::temp_dir().join(format!("copycat-why-{}-{seed}", std::process::id())),
            progress: None,
        };
        let d = evaluate_in_detail(&config, &opts).await.expect("evaluation");
        let _ = std::fs::remove_dir_all(&opts.work_dir);
        let (world, start) = (&d.world, demo_start());
        let end = world.params().end();
        let train_from = world.params().history_start();
        println!("=== seed {seed}");
        let line = |w: &copycat_core::trade::Wallet| {
            let t = world.truth(w).expect("known wallet");
            let (tr, trn) = world.follower_edge_between(w, train_from, start).unwrap_or((0.0, 0));
            let (te, ten) = world.follower_edge_between(w, start, end).unwrap_or((0.0, 0));
            let p = d.profiles.iter().find(|p| &p.wallet == w);
            let why = p.map(|p| format!("{:?} {}", p.status, p.reasons.join("; "))).unwrap_or_default();
            format!(
                "{} {:<28} skilled={:<5} train {:+.3}×{:<3} test {:+.3}×{:<3} roi {:+.2} | {}",
                w.short(),
                format!("{:?}", t.kind),
                t.skilled,
                tr,
                trn,
                te,
                ten,
                p.map_or(0.0, |p| p.roi),
                why.chars().take(220).collect::<String>()
            )
        };
        for name in POLICIES {
            let r = &d.evaluation.policies[name];
            let stop = r
                .stopped_at
                .map_or(String::new(), |at| format!(", emergency stop on day {:.1}", (at - start).num_seconds() as f64 / 86_400.0));
            println!("--- {name}: follower PnL {:+.2}, {} copies{stop}", r.follower_pnl, r.copies);
            let ledger = &d.ledgers[name];
            let mut refusals: BTreeMap<String, u32> = BTreeMap::new();
            for w in &r.followed {
                // What the follower's copies of this leader made, held shares valued at the end.
                let (mut cash, mut held, mut buys, mut sells) = (0.0, BTreeMap::<String, f64>::new(), 0, 0);
                for e in ledger.iter().filter(|e| &e.leader == w) {
                    match &e.outcome {
                        SignalOutcome::Copied { fill, side } if fill.shares.is_positive() => {
                            let (sh, px, fee) = (fill.shares.to_f64(), fill.avg_price.to_f64(), fill.fee.to_f64());
                            match side {
                                Side::Buy => {
                                    cash -= sh * px + fee;
                                    *held.entry(e.token_id.clone()).or_default() += sh;
                                    buys += 1;
                                }
                                Side::Sell => {
                                    cash += sh * px - fee;
                                    *held.entry(e.token_id.clone()).or_default() -= sh;
                                    sells += 1;
                                }
                            }
                        }
                        SignalOutcome::Copied { .. } => *refusals.entry("unfilled".into()).or_default() += 1,
                        SignalOutcome::Refused { reason, .. } => *refusals.entry(format!("{reason:?}")).or_default() += 1,
                    }
                }
                let value: f64 = held
                    .iter()
                    .map(|(tok, sh)| {
                        let (m, o) = world.market_of_token(tok).expect("known token");
                        let px = if m.is_resolved_at(end) { f64::from(u8::from(m.winner == o)) } else { m.fair_price_at(o, end) };
                        sh * px
                    })
                    .sum();
                println!("  {:+7.2} ({buys:>2} buys {sells:>2} sells) {}", cash + value, line(w));
            }
            println!("  refusals: {refusals:?}");
        }
        // The people discovery passed but did not follow, and the best by truth it missed.
        println!("--- passed, not followed:");
        for p in d.profiles.iter().filter(|p| p.status == TraderStatus::Approved) {
            println!("  {}", line(&p.wallet));
        }
    }
}
