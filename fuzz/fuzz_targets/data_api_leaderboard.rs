//! Data API leaderboard pages: a page split into rows, each row parsed or refused by name.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(page) = copycat_polymarket::parse::page(text)
    {
        for (i, row) in page.rows.iter().enumerate() {
            let _ = copycat_polymarket::parse::leaderboard_row(i, row);
        }
    }
});
