//! Bodies of the notifications queue, as the notifier reads them; a parsed one renders.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(n) = notifier::parse_notification(Some(text))
    {
        let _ = n.render_line();
        let _ = copycat_notify::render::render(&n);
    }
});
