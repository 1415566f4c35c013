//! Progress on long work (discovery of many wallets, reading the ledger for a report): a bar
//! or a counter on stderr when it is a terminal, nothing at all when it is not (a pipe, a file,
//! CI), so output meant for machines stays clean.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A progress display that is quiet unless stderr is a terminal.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` items (`{msg}` names them), or a counter when the total is unknown.
    pub fn new(total: Option<u64>, what: &str) -> Progress {
        Self::to(std::io::stderr().is_terminal(), total, what)
    }

    /// As [`Progress::new`], drawing only when `visible`.
    pub fn to(visible: bool, total: Option<u64>, what: &str) -> Progress {
        let target = if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let bar = ProgressBar::with_draw_target(total, target);
        let template = match total {
            Some(_) => "{spinner} {msg} [{bar:30}] {pos}/{len} ({elapsed})",
            None => "{spinner} {msg}: {pos} ({elapsed})",
        };
        bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> "));
        bar.set_message(what.to_string());
        if visible {
            bar.enable_steady_tick(Duration::from_millis(120));
        }
        Progress { bar }
    }

    /// Renames what is being counted.
    pub fn set_message(&self, what: &str) {
        self.bar.set_message(what.to_string());
    }

    /// Sets the count.
    pub fn set(&self, n: u64) {
        self.bar.set_position(n);
    }

    /// Adds to the count.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_off_a_terminal_draws_nothing_and_still_counts() {
        let p = Progress::to(false, Some(10), "wallets");
        assert!(p.bar.is_hidden());
        p.inc(3);
        p.set(7);
        assert_eq!(p.bar.position(), 7);
    }
}
