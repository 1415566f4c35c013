//! Bodies of the signals queue, as the copier reads them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = signal_copier::parse_signal(Some(text));
    }
});
