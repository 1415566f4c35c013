//! Data API position pages, open and closed listings.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(page) = copycat_polymarket::parse::page(text)
    {
        for (i, row) in page.rows.iter().enumerate() {
            if let Ok(p) = copycat_polymarket::parse::position_row(i, row) {
                assert!(p.size.0 >= rust_decimal::Decimal::ZERO, "a parsed position's size is not negative");
            }
            if let Ok(p) = copycat_polymarket::parse::closed_position_row(i, row) {
                assert!(p.closed, "a row of a closed listing is closed");
            }
        }
    }
});
