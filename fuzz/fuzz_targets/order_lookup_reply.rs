//! The CLOB's answer to `GET /order/{hash}` (any status, any body).
#![no_main]
use libfuzzer_sys::fuzz_target;

const STATUSES: [u16; 5] = [200, 404, 400, 429, 500];

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let status = STATUSES[usize::from(head) % STATUSES.len()];
    let now = copycat_core::time::from_secs(1_780_000_000);
    if let Ok(Some(fill)) = copycat_polymarket::live::read_lookup_answer(status, text, "0x1", rust_decimal::Decimal::new(2, 2), now) {
        assert!(fill.avg_price.0 >= rust_decimal::Decimal::ZERO && fill.avg_price.0 <= rust_decimal::Decimal::ONE);
    }
});
