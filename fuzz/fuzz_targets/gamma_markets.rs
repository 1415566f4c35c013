//! Gamma `/markets` answers: a page of markets, string-encoded arrays parsed twice.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(page) = copycat_polymarket::parse::page(text)
    {
        for row in &page.rows {
            if let Ok(m) = copycat_polymarket::parse::gamma_market(row, rust_decimal::Decimal::new(2, 2)) {
                assert!(!(m.resolution_unknown && m.winning_outcome.is_some()), "a market is settled or of unknown resolution, not both");
                for t in &m.token_ids {
                    let _ = m.settlement_price(t);
                }
            }
        }
    }
});
