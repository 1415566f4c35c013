//! `copycat classify FILE`: one JSON line per wallet — wallet, verdict, kind, score, reasons.

use crate::CliError;
use copycat_core::botfilter::classify_all;
use copycat_core::config::Config;
use copycat_core::datapi::parse_trades_document;
use std::path::Path;

/// Classifies every wallet in the file and prints one JSON line each.
pub fn run(config: &Config, file: &Path) -> Result<(), CliError> {
    let text = std::fs::read_to_string(file).map_err(CliError::io(format!("cannot read {}", file.display())))?;
    let doc = parse_trades_document(&text).map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    for c in classify_all(&doc.trades, &config.bot_filter) {
        let line = serde_json::json!({
            "wallet": c.wallet,
            "verdict": c.verdict,
            "kind": c.kind,
            "score": (c.score * 1000.0).round() / 1000.0,
            "reasons": c.reasons,
            "trades": c.features.fills,
        });
        println!("{line}");
    }
    if doc.skipped_combo > 0 {
        eprintln!("skipped {} combo trades", doc.skipped_combo);
    }
    Ok(())
}
