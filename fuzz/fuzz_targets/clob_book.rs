//! CLOB `/book` answers: levels parsed, range-checked and sorted best-first.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(book) = copycat_polymarket::parse::clob_book(text, "1", copycat_core::time::from_secs(1_780_000_000))
    {
        let _ = (book.best_bid(), book.best_ask(), book.mid());
    }
});
