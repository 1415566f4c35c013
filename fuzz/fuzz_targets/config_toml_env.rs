//! The config file with environment overrides: the input is TOML, then optionally a line
//! `---` and `NAME=value` lines taken as the environment.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (toml, env) = text.split_once("\n---\n").unwrap_or((text, ""));
    let env: Vec<(String, String)> = env.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    if let Ok(config) = copycat_core::Config::from_toml_with_env(toml, env) {
        // A config that loads is valid, and every number in it is usable.
        config.validate().expect("a loaded config validates");
        let _ = config.modes.tier_for_balance(config.trading.starting_balance);
        for (_, v, _) in config.durations() {
            let _ = (copycat_core::time::secs(v), copycat_core::time::millis(v));
        }
        let _ = config.notifications.per_process(&config.notifications.discord_rate_limits);
    }
});
