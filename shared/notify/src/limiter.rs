//! Per-webhook rate limiting: sliding windows over the times of earlier posts, plus a block
//! the server can impose (`Retry-After`, or Discord's `X-RateLimit-Remaining: 0`). Pure: it
//! takes `now` and says how long to wait; the caller waits through [`crate::Timing`].

use copycat_core::config::RateWindow;
use copycat_core::time::{Span, Timestamp};
use std::collections::VecDeque;

/// At most `requests` posts in any half-open interval `[t, t + window)`, for every window.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    windows: Vec<(u32, Span)>,
    sent: VecDeque<Timestamp>,
    blocked_until: Option<Timestamp>,
}

impl RateLimiter {
    /// A limiter holding every window in `limits` at once.
    pub fn new(limits: &[RateWindow]) -> Self {
        let windows: Vec<(u32, Span)> =
            limits.iter().map(|w| (w.requests.max(1), copycat_core::time::millis(w.window_ms.max(1)))).collect();
        RateLimiter { windows, sent: VecDeque::new(), blocked_until: None }
    }

    /// How long to wait before a post at `now` is allowed (zero: post now).
    pub fn wait_before_post(&mut self, now: Timestamp) -> Span {
        let longest = self.windows.iter().map(|(_, w)| *w).max().unwrap_or_default();
        while self.sent.front().is_some_and(|t| *t + longest <= now) {
            self.sent.pop_front();
        }
        let mut wait = self.blocked_until.map(|b| b - now).unwrap_or_default();
        for (requests, window) in &self.windows {
            let in_window: Vec<&Timestamp> = self.sent.iter().filter(|t| **t + *window > now).collect();
            if in_window.len() >= *requests as usize {
                // the post that must age out first: the `requests`-th most recent one
                let oldest_that_counts = in_window[in_window.len() - *requests as usize];
                wait = wait.max(*oldest_that_counts + *window - now);
            }
        }
        wait.max(Span::zero())
    }

    /// Records a post made at `now`.
    pub fn record_post(&mut self, now: Timestamp) {
        self.sent.push_back(now);
    }

    /// The server asked us to hold off until `until`.
    pub fn block_until(&mut self, until: Timestamp) {
        self.blocked_until = Some(self.blocked_until.map_or(until, |b| b.max(until)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::time::from_secs;

    fn discord() -> RateLimiter {
        RateLimiter::new(&[RateWindow { requests: 5, window_ms: 2_000 }, RateWindow { requests: 30, window_ms: 60_000 }])
    }

    /// Posts as soon as the limiter allows, `n` times; returns the post times.
    fn drive(l: &mut RateLimiter, n: usize) -> Vec<Timestamp> {
        let mut now = from_secs(1_000);
        let mut times = Vec::new();
        for _ in 0..n {
            let w = l.wait_before_post(now);
            now += w;
            assert_eq!(l.wait_before_post(now), Span::zero(), "after waiting, a post is allowed");
            l.record_post(now);
            times.push(now);
        }
        times
    }

    fn most_in_any_window(times: &[Timestamp], window: Span) -> usize {
        times.iter().map(|start| times.iter().filter(|t| **t >= *start && **t < *start + window).count()).max().unwrap_or(0)
    }

    #[test]
    fn a_burst_keeps_every_window() {
        let times = drive(&mut discord(), 100);
        assert_eq!(most_in_any_window(&times, Span::seconds(2)), 5);
        assert_eq!(most_in_any_window(&times, Span::seconds(60)), 30);
    }

    #[test]
    fn the_first_five_go_at_once_and_the_sixth_waits_two_seconds() {
        let times = drive(&mut discord(), 6);
        assert!(times[..5].iter().all(|t| *t == times[0]));
        assert_eq!(times[5] - times[0], Span::seconds(2));
    }

    #[test]
    fn a_server_block_holds_posts_until_it_ends() {
        let mut l = RateLimiter::new(&[RateWindow { requests: 1, window_ms: 1_000 }]);
        let now = from_secs(50);
        l.block_until(now + Span::milliseconds(2_500));
        assert_eq!(l.wait_before_post(now), Span::milliseconds(2_500));
        assert_eq!(l.wait_before_post(now + Span::seconds(3)), Span::zero());
    }
}
