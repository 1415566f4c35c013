//! The CLOB's small number answers: `/price`, `/midpoint`, `/tick-size`, `/fee-rate`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for names in [&["price"][..], &["mid"], &["minimum_tick_size"], &["base_fee"]] {
            let _ = copycat_polymarket::parse::number_field(text, names);
        }
    }
});
