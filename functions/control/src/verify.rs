//! Each platform's request authentication, over the raw bytes as received:
//! - Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)>`
//!   with `X-Slack-Request-Timestamp` inside the replay window
//!   (<https://api.slack.com/authentication/verifying-requests-from-slack>);
//! - Discord: `X-Signature-Ed25519` over `X-Signature-Timestamp` + body, by the application's
//!   public key (<https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint>);
//! - Telegram: `X-Telegram-Bot-Api-Secret-Token` equal to the token given to `setWebhook`
//!   (<https://core.telegram.org/bots/api#setwebhook>).
//!
//! Comparisons of secrets are constant-time.

use copycat_core::control::within_replay_window;
use copycat_core::time::{Span, Timestamp, from_secs};
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Why a request was not accepted as coming from the platform.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// A header the platform always sends is missing.
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// A header is not in the platform's format.
    #[error("malformed header {0}")]
    MalformedHeader(&'static str),
    /// The signature or token does not match.
    #[error("signature does not match")]
    BadSignature,
    /// The signed timestamp is outside the replay window.
    #[error("request signed at {signed} is outside the {window_secs} s replay window")]
    Expired {
        /// When it says it was signed.
        signed: Timestamp,
        /// The window.
        window_secs: i64,
    },
}

/// Checks a Slack request; returns the signing timestamp.
pub fn slack(
    secret: &str,
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
    now: Timestamp,
    window: Span,
) -> Result<Timestamp, AuthError> {
    let ts = timestamp.ok_or(AuthError::MissingHeader("x-slack-request-timestamp"))?;
    let sig = signature.ok_or(AuthError::MissingHeader("x-slack-signature"))?;
    let signed = ts.trim().parse::<i64>().map(from_secs).map_err(|_| AuthError::MalformedHeader("x-slack-request-timestamp"))?;
    let hex_sig = sig.strip_prefix("v0=").ok_or(AuthError::MalformedHeader("x-slack-signature"))?;
    let expected = hex::decode(hex_sig).map_err(|_| AuthError::MalformedHeader("x-slack-signature"))?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|_| AuthError::BadSignature)?;
    mac.update(b"v0:");
    mac.update(ts.trim().as_bytes());
    mac.update(b":");
    mac.update(body);
    mac.verify_slice(&expected).map_err(|_| AuthError::BadSignature)?;
    // The signature first: an attacker learns nothing about the window from a forged request.
    if !within_replay_window(signed, now, window) {
        return Err(AuthError::Expired { signed, window_secs: window.num_seconds() });
    }
    Ok(signed)
}

/// The `v0=…` signature Slack would send for `body` at `timestamp` (for tests and local trials).
pub fn slack_signature(secret: &str, timestamp: &str, body: &[u8]) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(format!("v0:{timestamp}:").as_bytes());
    mac.update(body);
    format!("v0={}", hex::encode(mac.finalize().into_bytes()))
}

/// Parses Discord's application public key (64 hex digits).
pub fn discord_key(hex_key: &str) -> Result<VerifyingKey, String> {
    let bytes = hex::decode(hex_key.trim()).map_err(|_| "is not hex".to_string())?;
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| "is not 32 bytes (64 hex digits)".to_string())?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| "is not an Ed25519 public key".to_string())
}

/// Checks a Discord request; returns the signing timestamp.
pub fn discord(
    key: &VerifyingKey,
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
    now: Timestamp,
    window: Span,
) -> Result<Timestamp, AuthError> {
    let ts = timestamp.ok_or(AuthError::MissingHeader("x-signature-timestamp"))?;
    let sig = signature.ok_or(AuthError::MissingHeader("x-signature-ed25519"))?;
    let sig = hex::decode(sig.trim()).map_err(|_| AuthError::MalformedHeader("x-signature-ed25519"))?;
    let sig: [u8; 64] = sig.try_into().map_err(|_| AuthError::MalformedHeader("x-signature-ed25519"))?;
    let mut message = ts.as_bytes().to_vec();
    message.extend_from_slice(body);
    key.verify(&message, &Signature::from_bytes(&sig)).map_err(|_| AuthError::BadSignature)?;
    let signed = ts.trim().parse::<i64>().map(from_secs).map_err(|_| AuthError::MalformedHeader("x-signature-timestamp"))?;
    if !within_replay_window(signed, now, window) {
        return Err(AuthError::Expired { signed, window_secs: window.num_seconds() });
    }
    Ok(signed)
}

/// Checks a Telegram webhook's secret token.
pub fn telegram(secret: &str, token: Option<&str>) -> Result<(), AuthError> {
    let token = token.ok_or(AuthError::MissingHeader("x-telegram-bot-api-secret-token"))?;
    if constant_time_eq(secret.as_bytes(), token.as_bytes()) { Ok(()) } else { Err(AuthError::BadSignature) }
}

/// Equality whose time does not depend on where the inputs first differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slacks_documented_example_verifies() {
        // The worked example of Slack's "Verifying requests from Slack" page.
        let secret = "8f742231b10e8888abcd99yyyzzz85a5";
        let ts = "1531420618";
        let body = b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        let sig = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        assert_eq!(slack_signature(secret, ts, body), sig);
        let now = from_secs(1_531_420_618 + 60);
        assert_eq!(slack(secret, Some(ts), Some(sig), body, now, Span::seconds(300)), Ok(from_secs(1_531_420_618)));
    }

    #[test]
    fn telegram_tokens_compare_whole() {
        assert!(telegram("s3cret", Some("s3cret")).is_ok());
        assert_eq!(telegram("s3cret", Some("s3cre")), Err(AuthError::BadSignature));
        assert_eq!(telegram("s3cret", None), Err(AuthError::MissingHeader("x-telegram-bot-api-secret-token")));
    }
}
