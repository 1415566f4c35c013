//! copycat-notify: operator notifications to Discord and Slack webhooks.
//!
//! A [`Router`] is the notifier's [`NotificationSink`](copycat_core::ports::NotificationSink)
//! when any destination is configured. Each destination filters by severity and event kind,
//! renders the event for people ([`render`]), waits for its own rate limiter ([`limiter`]),
//! honours `Retry-After` on 429, retries 5xx and timeouts with back-off, and drops a
//! notification its webhook refuses for good (any other 4xx) with an error log. Waiting goes
//! through [`Timing`], so tests move a manual clock instead of sleeping.
//!
//! Webhook URLs are secrets: they live only inside [`WebhookUrl`], whose `Debug` and `Display`
//! are redacted, and no error or log line carries one.

pub mod capture;
pub mod limiter;
pub mod render;
pub mod router;
pub mod timing;
pub mod url;
pub mod webhook;

pub use router::{DISCORD_URL_ENV, Router, RouterError, SLACK_URL_ENV};
pub use timing::{Pause, RealTime, Timing};
pub use url::{Platform, UrlError, WebhookUrl};
pub use webhook::{Destination, PostError};
