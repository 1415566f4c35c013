//! Data API trade pages (`/v2/trades`, v1 or v2 shape): rows parsed or refused, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = copycat_core::datapi::parse_trades_document(text) {
            for t in &doc.trades {
                assert!(
                    t.price.0 > rust_decimal::Decimal::ZERO && t.price.0 < rust_decimal::Decimal::ONE,
                    "a parsed trade's price is in (0, 1)"
                );
            }
        }
    }
});
