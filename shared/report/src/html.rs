//! The report page: one static `index.html` (inline CSS, no JavaScript, nothing fetched from
//! elsewhere) that shows the headline figures, the charts beside it and the tables behind them.

use crate::charts::Chart;
use crate::load::ReportData;
use copycat_core::Usd;
use copycat_core::config::Config;
use copycat_core::time::Timestamp;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write as _;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --gain:#15803d; --loss:#b91c1c; --bg:#f8fafc; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header { padding:28px 40px 8px; }
h1 { margin:0; font-size:28px; }
.sub { color:var(--muted); margin-top:4px; }
main { padding:0 40px 40px; max-width:1120px; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(170px, 1fr)); gap:12px; margin:18px 0 8px; }
.card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:12px 14px; }
.card .k { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.card .v { font-size:22px; font-weight:600; margin-top:2px; }
.gain { color:var(--gain); } .loss { color:var(--loss); }
section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:16px 20px; margin:18px 0; }
section h2 { margin:0 0 4px; font-size:18px; }
section p.cap { margin:0 0 8px; color:var(--muted); }
img.chart { display:block; width:100%; max-width:1000px; height:auto; }
table { border-collapse:collapse; width:100%; margin-top:8px; font-variant-numeric:tabular-nums; }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); }
th { color:var(--muted); font-weight:600; font-size:13px; }
td.n, th.n { text-align:right; }
code { font-size:13px; }
.note { color:var(--muted); font-size:13px; }
"#;

fn card(out: &mut String, key: &str, value: &str, class: &str) {
    let _ = write!(out, r#"<div class="card"><div class="k">{}</div><div class="v {class}">{}</div></div>"#, escape(key), escape(value));
}

fn sign_class(u: Usd) -> &'static str {
    if u.0.round_dp(2) > Decimal::ZERO {
        "gain"
    } else if u.0.round_dp(2) < Decimal::ZERO {
        "loss"
    } else {
        ""
    }
}

fn when(t: Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// The page, linking each chart by its file name.
pub fn page(d: &ReportData, charts: &[Chart], config: &Config, generated: Timestamp) -> String {
    let mut h = String::new();
    let start = config.trading.starting_balance;
    let equity = d.portfolio.as_ref().map(|p| p.equity()).unwrap_or(start);
    let pnl = equity - start;
    let worst = d.snapshots.iter().map(|s| s.drawdown).max().unwrap_or_default();
    let _ = write!(
        h,
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CopyCat report</title><style>{STYLE}</style></head><body>"#
    );
    let _ = write!(
        h,
        r#"<header><h1>CopyCat report</h1><div class="sub">{} to {} · generated {}</div></header><main>"#,
        escape(&when(d.since.max(d.snapshots.first().map(|s| s.at).unwrap_or(d.since)))),
        escape(&when(d.end)),
        escape(&when(generated))
    );
    h.push_str(r#"<div class="cards">"#);
    card(&mut h, "Equity", &equity.to_string(), "");
    card(&mut h, "PnL since start", &format!("{pnl:+}"), sign_class(pnl));
    if let Some(p) = &d.portfolio {
        card(&mut h, "Realised", &format!("{:+}", p.realized_pnl), sign_class(p.realized_pnl));
        card(&mut h, "Fees paid", &p.fees_paid.to_string(), "");
    }
    card(&mut h, "Worst drawdown", &format!("{:.1}%", worst.to_f64().unwrap_or(0.0) * 100.0), "");
    card(&mut h, "Mode", d.mode.as_ref().map(|m| m.tier.as_str()).unwrap_or("—"), "");
    let stopped = d.control.as_ref().is_some_and(|c| c.stopped);
    card(&mut h, "Trading", if stopped { "STOPPED" } else { "running" }, if stopped { "loss" } else { "gain" });
    card(&mut h, "Copied / refused", &format!("{} / {}", d.fold.copies, d.fold.refused), "");
    card(&mut h, "Leaders followed", &d.leaders.leaders.len().to_string(), "");
    let trips: u64 = d.breakers.iter().map(|b| b.trips).sum();
    card(&mut h, "Breaker trips", &trips.to_string(), "");
    h.push_str("</div>");
    if stopped && let Some(c) = &d.control {
        let _ = write!(h, r#"<p class="note">Trading stopped since {}: {}</p>"#, escape(&when(c.at)), escape(&c.reason));
    }

    for c in charts {
        let _ = write!(
            h,
            r#"<section id="{id}"><h2>{title}</h2><p class="cap">{cap}</p><img class="chart" src="{file}" width="1000" height="380" alt="{title}"></section>"#,
            id = escape(c.file.trim_end_matches(".svg")),
            title = escape(c.title),
            cap = escape(&c.caption),
            file = escape(c.file)
        );
        match c.file {
            "leaders.svg" => leader_table(&mut h, d),
            "refusals.svg" => refusal_table(&mut h, d),
            "positions.svg" => position_table(&mut h, d),
            _ => {}
        }
    }
    command_table(&mut h, d);
    if d.ledger_truncated {
        let _ = write!(
            h,
            r#"<p class="note">The ledger holds more than report.max_ledger_entries ({}) entries in this window: the newest were not read. Pass a shorter --days.</p>"#,
            config.report.max_ledger_entries
        );
    }
    if d.unreadable > 0 {
        let _ = write!(h, r#"<p class="note">{} records could not be read and were skipped.</p>"#, d.unreadable);
    }
    h.push_str("</main></body></html>\n");
    h
}

fn leader_table(h: &mut String, d: &ReportData) {
    let rows = d.fold.leaders_by_pnl();
    if rows.is_empty() {
        return;
    }
    h.push_str(r#"<section><h2>Leaders</h2><table><tr><th>leader</th><th class="n">PnL</th><th class="n">copies</th><th class="n">refusals</th><th class="n">latency p50</th><th class="n">detection p50 / p99</th><th class="n">missed</th><th>followed now (copyable edge)</th></tr>"#);
    for (w, f) in rows {
        let pnl = f.pnl();
        let secs = copycat_core::report::secs_label;
        let now = d.leaders.get(w).map(|l| format!("yes ({:+.3})", l.score)).unwrap_or_default();
        let _ = write!(
            h,
            r#"<tr><td><code>{}</code></td><td class="n {}">{:+}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{} / {}</td><td class="n">{}</td><td>{now}</td></tr>"#,
            escape(&w.to_string()),
            sign_class(pnl),
            pnl,
            f.copies,
            f.refusals,
            secs(f.latency_p50_secs()),
            secs(f.detection_secs_at(0.5)),
            secs(f.detection_secs_at(0.99)),
            f.missed
        );
    }
    h.push_str("</table></section>");
}

fn refusal_table(h: &mut String, d: &ReportData) {
    let rows = d.fold.refusals_by_reason();
    if rows.is_empty() {
        return;
    }
    h.push_str(r#"<section><h2>Refusals in the window</h2><table><tr><th>reason</th><th class="n">refusals</th></tr>"#);
    for (r, n) in rows {
        let _ = write!(h, r#"<tr><td><code>{}</code></td><td class="n">{n}</td></tr>"#, escape(&r.code()));
    }
    h.push_str("</table></section>");
}

fn position_table(h: &mut String, d: &ReportData) {
    if d.positions.is_empty() {
        return;
    }
    h.push_str(r#"<section><h2>Positions held</h2><table><tr><th>market</th><th class="n">shares</th><th class="n">cost</th><th class="n">mark</th><th class="n">value</th><th class="n">unrealised</th><th>since</th></tr>"#);
    for p in &d.positions {
        let unrealised = p.marked_value() - p.cost;
        let _ = write!(
            h,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n {}">{:+}</td><td>{}</td></tr>"#,
            escape(&p.title),
            p.shares.0.round_dp(2),
            p.cost,
            p.mark.0.normalize(),
            p.marked_value(),
            sign_class(unrealised),
            unrealised,
            escape(&when(p.opened_at))
        );
    }
    h.push_str("</table></section>");
}

fn command_table(h: &mut String, d: &ReportData) {
    if d.commands.is_empty() {
        return;
    }
    h.push_str(r#"<section><h2>Commands from chat</h2><table><tr><th>when</th><th>from</th><th>command</th><th>answer</th></tr>"#);
    for c in d.commands.iter().rev().take(50) {
        let who = format!("{}:{}{}", c.platform, c.user, c.user_name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default());
        let what = match &c.command {
            copycat_core::control::ChatCommand::Stop { reason: Some(r) } => format!("stop {r}"),
            other => other.name().to_string(),
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            escape(&when(c.at)),
            escape(&who),
            escape(&what),
            escape(c.answer.lines().next().unwrap_or_default())
        );
    }
    h.push_str("</table></section>");
}
