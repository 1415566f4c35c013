//! One webhook destination: its filter, its rate limiter and how a post is retried.
//!
//! A post waits for the destination's limiter, then:
//! - 2xx: done (Discord's `X-RateLimit-Remaining: 0` blocks the limiter until the bucket resets);
//! - 429: blocks the limiter for `Retry-After` (Discord: body `retry_after` or the header, the
//!   longer wins) and tries again, unless the wait is longer than `max_retry_after_ms`;
//! - 5xx, timeout, connection failure: waits with doubling back-off and tries again;
//! - any other status: the webhook refuses it for good ([`PostError::Rejected`]).
//!
//! After `max_attempts` the post fails retryably: the notifier reports a batch-item failure and
//! the queue redelivers the notification later.

use crate::limiter::RateLimiter;
use crate::render::{self, Rendered};
use crate::timing::Timing;
use crate::url::{Platform, WebhookUrl};
use copycat_core::config::{DeliveryConfig, RateWindow};
use copycat_core::events::{Notification, Severity};
use copycat_core::time::Span;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;
use std::time::Duration;

/// Why a post did not get through. Never contains the URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    /// The webhook answered with a 4xx other than 429 (deleted webhook, bad payload): retrying
    /// will not help.
    #[error("{destination} refused the message with HTTP {status}: {detail}")]
    Rejected {
        /// `discord webhook `ops``.
        destination: String,
        /// The status code.
        status: u16,
        /// The start of the response body.
        detail: String,
    },
    /// Every attempt failed with a 5xx, a timeout or a connection error.
    #[error("{destination} failed {attempts} attempts; last: {last}")]
    Exhausted {
        /// Which destination.
        destination: String,
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
    /// The webhook asked for a wait longer than we hold a message for.
    #[error("{destination} is rate-limited for {retry_after_ms} ms; the message goes back to the queue")]
    RateLimited {
        /// Which destination.
        destination: String,
        /// The wait asked for.
        retry_after_ms: u64,
    },
}

impl PostError {
    /// Whether a later redelivery may succeed.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, PostError::Rejected { .. })
    }
}

/// One Discord or Slack webhook with its filter and limits.
pub struct Destination {
    url: WebhookUrl,
    min_severity: Severity,
    kinds: Vec<String>,
    limiter: tokio::sync::Mutex<RateLimiter>,
    http: reqwest::Client,
    timing: Timing,
    policy: DeliveryConfig,
}

impl std::fmt::Debug for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Destination").field("url", &self.url).field("min_severity", &self.min_severity).field("kinds", &self.kinds).finish()
    }
}

impl Destination {
    /// A destination; `limits` are its platform's rate windows.
    pub fn new(
        url: WebhookUrl,
        min_severity: Severity,
        kinds: Vec<String>,
        limits: &[RateWindow],
        policy: DeliveryConfig,
        http: reqwest::Client,
        timing: Timing,
    ) -> Self {
        Destination { url, min_severity, kinds, limiter: tokio::sync::Mutex::new(RateLimiter::new(limits)), http, timing, policy }
    }

    /// The destination's name.
    pub fn name(&self) -> &str {
        self.url.destination()
    }

    /// Discord or Slack.
    pub fn platform(&self) -> Platform {
        self.url.platform()
    }

    /// Whether this destination wants `n` (severity at least its minimum, kind in its list).
    pub fn wants(&self, n: &Notification) -> bool {
        n.severity >= self.min_severity && (self.kinds.is_empty() || self.kinds.iter().any(|k| k == n.event.kind().as_str()))
    }

    /// The body this destination posts for `r`.
    pub fn payload(&self, r: &Rendered) -> Value {
        match self.platform() {
            Platform::Discord => render::discord_payload(r),
            Platform::Slack => render::slack_payload(r),
        }
    }

    /// Posts `body`, waiting for the rate limiter, honouring 429 and retrying 5xx and timeouts.
    pub async fn post(&self, body: &Value) -> Result<(), PostError> {
        let who = self.url.to_string();
        let max_attempts = self.policy.max_attempts.max(1);
        let mut backoff = copycat_core::time::millis(self.policy.backoff_initial_ms);
        let backoff_max = copycat_core::time::millis(self.policy.backoff_max_ms);
        let mut last = String::new();
        for attempt in 1..=max_attempts {
            self.wait_for_slot().await;
            let sent = self
                .http
                .post(self.url.expose().clone())
                .timeout(Duration::from_millis(self.policy.request_timeout_ms))
                .json(body)
                .send()
                .await;
            let response = match sent {
                Ok(r) => r,
                Err(e) => {
                    last = if e.is_timeout() {
                        format!("timed out after {} ms", self.policy.request_timeout_ms)
                    } else if e.is_connect() {
                        "could not connect".to_string()
                    } else {
                        self.url.scrub(&e.without_url().to_string())
                    };
                    tracing::warn!(destination = %who, attempt, error = %last, "webhook post failed; backing off");
                    self.back_off(attempt, max_attempts, &mut backoff, backoff_max).await;
                    continue;
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            if status.is_success() {
                self.observe_bucket(&headers).await;
                return Ok(());
            }
            let text = response.text().await.unwrap_or_default();
            if status == StatusCode::TOO_MANY_REQUESTS {
                let wait = retry_after(&headers, &text).unwrap_or(backoff);
                let wait_ms = wait.num_milliseconds().max(0) as u64;
                if wait_ms > self.policy.max_retry_after_ms {
                    tracing::warn!(destination = %who, retry_after_ms = wait_ms, "webhook rate-limited for longer than we hold a message");
                    return Err(PostError::RateLimited { destination: who, retry_after_ms: wait_ms });
                }
                tracing::info!(destination = %who, attempt, retry_after_ms = wait_ms, "webhook answered 429; waiting as asked");
                let now = self.timing.clock.now();
                self.limiter.lock().await.block_until(now + wait);
                last = format!("HTTP 429 (retry after {wait_ms} ms)");
                continue;
            }
            if status.is_server_error() {
                last = format!("HTTP {}", status.as_u16());
                tracing::warn!(destination = %who, attempt, status = status.as_u16(), "webhook answered 5xx; backing off");
                self.back_off(attempt, max_attempts, &mut backoff, backoff_max).await;
                continue;
            }
            let detail = render::truncate(&self.url.scrub(text.trim()), 200);
            return Err(PostError::Rejected { destination: who, status: status.as_u16(), detail });
        }
        Err(PostError::Exhausted { destination: who, attempts: max_attempts, last })
    }

    async fn wait_for_slot(&self) {
        let mut limiter = self.limiter.lock().await;
        loop {
            let wait = limiter.wait_before_post(self.timing.clock.now());
            if wait <= Span::zero() {
                break;
            }
            // Held across the wait on purpose: posts to one webhook go out one at a time.
            self.timing.pause.pause(wait).await;
        }
        limiter.record_post(self.timing.clock.now());
    }

    async fn back_off(&self, attempt: u32, max_attempts: u32, backoff: &mut Span, max: Span) {
        if attempt < max_attempts {
            self.timing.pause.pause(*backoff).await;
            *backoff = (*backoff * 2).min(max);
        }
    }

    /// Discord says how many requests are left in the bucket; at zero, hold until it resets.
    async fn observe_bucket(&self, headers: &HeaderMap) {
        let remaining = header_f64(headers, "x-ratelimit-remaining");
        let reset_after = header_f64(headers, "x-ratelimit-reset-after");
        if let (Some(r), Some(after)) = (remaining, reset_after)
            && r <= 0.0
        {
            let now = self.timing.clock.now();
            self.limiter.lock().await.block_until(now + secs_to_span(after));
        }
    }
}

fn header_f64(headers: &HeaderMap, name: &str) -> Option<f64> {
    headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

fn secs_to_span(secs: f64) -> Span {
    Span::milliseconds((secs * 1000.0).ceil().min(86_400_000.0) as i64)
}

/// The wait a 429 asks for: Discord's body `retry_after` (seconds, fractional), the
/// `Retry-After` header (seconds), Discord's `X-RateLimit-Reset-After`; the longest wins.
pub fn retry_after(headers: &HeaderMap, body: &str) -> Option<Span> {
    let from_body =
        serde_json::from_str::<Value>(body).ok().and_then(|v| v.get("retry_after")?.as_f64()).filter(|v| v.is_finite() && *v >= 0.0);
    [from_body, header_f64(headers, "retry-after"), header_f64(headers, "x-ratelimit-reset-after")]
        .into_iter()
        .flatten()
        .map(secs_to_span)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_takes_the_longest_of_body_and_headers() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2"));
        assert_eq!(
            retry_after(&h, r#"{"message":"You are being rate limited.","retry_after":3.5,"global":false}"#),
            Some(Span::milliseconds(3_500))
        );
        assert_eq!(retry_after(&h, "not json"), Some(Span::seconds(2)));
        assert_eq!(retry_after(&HeaderMap::new(), ""), None);
    }
}
