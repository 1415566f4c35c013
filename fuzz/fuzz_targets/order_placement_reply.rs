//! The CLOB's answer to `POST /order` (any status, any body): a fill, a typed refusal or "not
//! known yet"; a fill is always a price in (0, 1] and a positive size.
#![no_main]
use copycat_core::trade::Side;
use libfuzzer_sys::fuzz_target;

const STATUSES: [u16; 6] = [200, 201, 400, 404, 429, 500];

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let status = STATUSES[usize::from(head) % STATUSES.len()];
    let side = if head & 0x80 == 0 { Side::Buy } else { Side::Sell };
    let now = copycat_core::time::from_secs(1_780_000_000);
    if let Ok(fill) = copycat_polymarket::live::read_placement_answer(status, text, side, rust_decimal::Decimal::new(2, 2), now)
        && fill.shares.0 > rust_decimal::Decimal::ZERO
    {
        assert!(fill.avg_price.0 > rust_decimal::Decimal::ZERO && fill.avg_price.0 <= rust_decimal::Decimal::ONE);
    }
});
