//! What the control function reads from a chat platform once the request is authenticated: a
//! Slack form body, a Discord interaction's `data`, and the command text all three become.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for (_, value) in control::parse_form(text) {
        let _ = copycat_core::control::ChatCommand::parse(&value);
    }
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = copycat_core::control::ChatCommand::parse(&control::discord_text(&v["data"]));
    }
    let _ = copycat_core::control::ChatCommand::parse(text);
});
