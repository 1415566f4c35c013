//! A Discord / Slack webhook's answer: the wait a 429 asks for (body `retry_after`, the
//! `Retry-After` and `X-RateLimit-Reset-After` headers) and the error detail we keep.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderMap, HeaderValue};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // First line: Retry-After; second: X-RateLimit-Reset-After; the rest: the body.
    let mut parts = text.splitn(3, '\n');
    let (retry, reset, body) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(retry) {
        headers.insert("retry-after", v);
    }
    if let Ok(v) = HeaderValue::from_str(reset) {
        headers.insert("x-ratelimit-reset-after", v);
    }
    if let Some(wait) = copycat_notify::webhook::retry_after(&headers, body) {
        assert!(wait >= copycat_core::time::Span::zero(), "a wait is never negative");
    }
    let _ = copycat_notify::render::truncate(body, 200);
});
