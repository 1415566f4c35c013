//! Cold start of function binaries: process start → first `GET /runtime/invocation/next` on a
//! stand-in for the Lambda runtime API on 127.0.0.1, each binary started `--runs` times (default
//! 15) on a fresh stack on the local AWS emulator; prints min / median / p90 per binary and each
//! one's median relative to the first (the baseline, e.g. the hello-world example).
//!
//! A CopyCat function writes one `copycat_aws::ColdStart` line on stderr when its init ends; for
//! those, the bench also prints the median TLS warm-up (trust-store loads, the warm-up call)
//! and the median of each run's time without it, relative to the baseline's median (the
//! baseline writes no such line: nothing is excluded from it).
//!
//!   bash scripts/bench-cold-start.sh          (builds the release binaries, then runs this)
//!   … [--env KEY=VALUE]…                      extra environment for every binary

use copycat_aws::ColdStart;
use copycat_lambda_harness::runtime_api::run_once;
use copycat_lambda_harness::{FreshStack, emulator_endpoint};
use std::path::PathBuf;
use std::time::Duration;

fn main() {
    let mut runs = 15usize;
    let mut binaries: Vec<PathBuf> = Vec::new();
    let mut extra: Vec<(String, String)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| usage("--runs takes a number")),
            "--env" => match args.next().as_deref().and_then(|kv| kv.split_once('=')) {
                Some((k, v)) => extra.push((k.to_string(), v.to_string())),
                None => usage("--env takes KEY=VALUE"),
            },
            _ => binaries.push(PathBuf::from(a)),
        }
    }
    if binaries.is_empty() {
        usage("name at least one binary (the first is the baseline)");
    }
    let endpoint = emulator_endpoint();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let stack = runtime.block_on(FreshStack::create(&endpoint, 5));
    let mut env = stack.env();
    env.extend(extra.iter().cloned());
    println!("cold start: process start → first GET /runtime/invocation/next ({runs} runs each; AWS calls go to {endpoint}, plain HTTP)");
    if !extra.is_empty() {
        println!("extra environment: {extra:?}");
    }
    let mut baseline: Option<Duration> = None;
    for binary in &binaries {
        let name = binary.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut times = Vec::new();
        let mut timings = Vec::new();
        for _ in 0..runs {
            let run = run_once(binary, &name, &env, None, Duration::from_secs(60)).unwrap_or_else(|e| panic!("{e}"));
            if let Some(timing) = run.stderr.lines().find_map(ColdStart::from_line) {
                timings.push((run.first_next, timing));
            }
            times.push(run.first_next);
        }
        let median = median_of(&mut times);
        let p90 = times[(times.len() * 9 / 10).min(times.len() - 1)];
        let size = std::fs::metadata(binary).map(|m| m.len()).unwrap_or(0);
        let ratio = |m: Duration| match baseline {
            Some(b) => format!("{:.2}× baseline", m.as_secs_f64() / b.as_secs_f64()),
            None => "baseline".into(),
        };
        println!(
            "{name:>16}: min {:>7.2} ms  median {:>7.2} ms  p90 {:>7.2} ms  ({}; binary {:.1} MB)",
            ms(times[0]),
            ms(median),
            ms(p90),
            ratio(median),
            size as f64 / 1_048_576.0
        );
        if timings.len() == runs {
            // Each run's time to the first poll less that run's own TLS warm-up.
            let mut without: Vec<Duration> = timings.iter().map(|(t, c)| t.saturating_sub(micros(c.tls_warmup_us))).collect();
            let part = |field: fn(&ColdStart) -> u64| median_of(&mut timings.iter().map(|(_, c)| micros(field(c))).collect::<Vec<_>>());
            let without_median = median_of(&mut without);
            println!(
                "{:>16}  TLS warm-up: median {:>7.2} ms (SDK clients {:.2}, warm-up call {:.2}, venue client {:.2}; all of init {:.2}, of which SDK config {:.2})",
                "",
                ms(part(|c| c.tls_warmup_us)),
                ms(part(|c| c.sdk_clients_us)),
                ms(part(|c| c.warm_up_us)),
                ms(part(|c| c.venue_us)),
                ms(part(|c| c.init_us)),
                ms(part(|c| c.sdk_config_us))
            );
            println!("{:>16}  without the TLS warm-up: median {:>7.2} ms  ({})", "", ms(without_median), ratio(without_median));
        } else if baseline.is_some() {
            println!("{:>16}  no cold_start line in {} of {runs} runs: TLS warm-up not reported", "", runs - timings.len());
        }
        baseline.get_or_insert(median);
    }
}

/// The median; sorts `values`.
fn median_of(values: &mut [Duration]) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn micros(us: u64) -> Duration {
    Duration::from_micros(us)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn usage(problem: &str) -> ! {
    eprintln!("cold_start: {problem}\nusage: cold_start [--runs N] [--env KEY=VALUE]... BASELINE_BINARY BINARY...");
    std::process::exit(2)
}
