//! What EventBridge (or a console test) invokes a scheduled function with.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Input {
    #[serde(default)]
    max_polls: Option<u32>,
}

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = copycat_core::schedule::schedule_input::<Input>(v);
    }
});
