//! Bodies of the candidates queue, as the bot filter reads them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bot_filter::parse_candidate(Some(text));
    }
});
