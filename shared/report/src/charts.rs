//! The report's charts, drawn with plotters as SVG text: equity (with mode changes, breaker trips
//! and stopped periods marked), drawdown, profit by leader, refusals by reason over time, open
//! positions and the followed set's history. Money is plotted as floats: display only. The
//! backtest's equity curve is laid out once and drawn either as SVG or, on the crate's own pixel
//! canvas (`raster`), as PNG.

use crate::ReportError;
use crate::load::ReportData;
use crate::raster::Canvas;
use copycat_core::records::RefusalReason;
use copycat_core::report::{FollowChange, history_marks};
use copycat_core::time::{Timestamp, from_millis};
use copycat_core::{Usd, Wallet};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// One chart: its file name, title, a sentence saying what it shows, and the SVG.
#[derive(Clone, Debug)]
pub struct Chart {
    /// File name in the output directory, e.g. `equity.svg`.
    pub file: &'static str,
    /// Heading.
    pub title: &'static str,
    /// What to read from it.
    pub caption: String,
    /// The drawing.
    pub svg: String,
}

const WIDTH: u32 = 1000;
const HEIGHT: u32 = 380;
const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
const MUTED: RGBColor = RGBColor(0x6b, 0x72, 0x80);
const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
const EQUITY: RGBColor = RGBColor(0x25, 0x63, 0xeb);
const GAIN: RGBColor = RGBColor(0x16, 0xa3, 0x4a);
const LOSS: RGBColor = RGBColor(0xdc, 0x26, 0x26);
const MODE: RGBColor = RGBColor(0x7c, 0x3a, 0xed);
const STOPPED: RGBColor = RGBColor(0xf5, 0x9e, 0x0b);
/// Colours of refusal reasons, most frequent first (the rest share the last, "other").
const REASON_COLOURS: [RGBColor; 8] = [
    RGBColor(0x25, 0x63, 0xeb),
    RGBColor(0xf5, 0x9e, 0x0b),
    RGBColor(0x10, 0xb9, 0x81),
    RGBColor(0xef, 0x44, 0x44),
    RGBColor(0x8b, 0x5c, 0xf6),
    RGBColor(0x06, 0xb6, 0xd4),
    RGBColor(0xec, 0x48, 0x99),
    RGBColor(0x9c, 0xa3, 0xaf),
];

fn chart_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ReportError {
    ReportError::Chart(e.to_string())
}

fn secs(t: Timestamp) -> f64 {
    t.timestamp_millis() as f64 / 1000.0
}

fn time_label(x: &f64, span_secs: f64) -> String {
    let t = from_millis((*x * 1000.0) as i64);
    if span_secs > 3.0 * 86_400.0 { t.format("%b %d").to_string() } else { t.format("%b %d %H:%M").to_string() }
}

fn usd_f(u: Usd) -> f64 {
    u.0.to_f64().unwrap_or(0.0)
}

fn dollars(x: f64) -> String {
    if x < 0.0 { format!("-${:.2}", -x) } else { format!("${x:.2}") }
}

/// Pads a range so a flat series still has height.
fn padded(lo: f64, hi: f64, pad_frac: f64) -> (f64, f64) {
    let span = (hi - lo).abs().max(1e-6);
    let pad = (span * pad_frac).max(if hi.abs() > 1.0 { hi.abs() * 0.02 } else { 0.01 });
    (lo - pad, hi + pad)
}

/// Paints `draw` over a white `root` and finishes the drawing.
fn paint<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    draw: impl FnOnce(&DrawingArea<DB, Shift>) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    root.fill(&WHITE).map_err(chart_error)?;
    draw(&root)?;
    root.present().map_err(chart_error)
}

/// Draws into an SVG string of the report's size.
fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ReportError>) -> Result<String, ReportError> {
    let mut out = String::new();
    paint(SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area(), draw)?;
    Ok(out)
}

/// Draws into a PNG of the report's size.
fn png(draw: impl FnOnce(&DrawingArea<&mut Canvas, Shift>) -> Result<(), ReportError>) -> Result<Vec<u8>, ReportError> {
    let mut canvas = Canvas::new(WIDTH, HEIGHT);
    paint(canvas.area(), draw)?;
    canvas.to_png()
}

/// A chart over time (x in seconds since the epoch) with the report's axes and grid; `y_label`
/// formats the values; `vertical_grid` draws the time grid lines too.
fn time_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    caption: Option<&str>,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    y_label: &dyn Fn(&f64) -> String,
    vertical_grid: bool,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, ReportError> {
    let span = x.end - x.start;
    let mut builder = ChartBuilder::on(root);
    if let Some(c) = caption {
        builder.caption(c, (FONT, 16).into_font().color(&INK));
    }
    let mut chart = builder.margin(16).x_label_area_size(32).y_label_area_size(70).build_cartesian_2d(x, y).map_err(chart_error)?;
    let mut mesh = chart.configure_mesh();
    if !vertical_grid {
        mesh.disable_x_mesh();
    }
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .axis_style(MUTED)
        .label_style((FONT, 13).into_font().color(&INK))
        .x_labels(8)
        .x_label_formatter(&|x| time_label(x, span))
        .y_label_formatter(y_label)
        .draw()
        .map_err(chart_error)?;
    Ok(chart)
}

/// A chart with nothing to plot yet says so, rather than drawing empty axes.
fn empty(message: &str) -> Result<String, ReportError> {
    svg(|root| say(root, message))
}

/// Writes `message` across the middle of `root`.
fn say<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, message: &str) -> Result<(), ReportError> {
    root.draw(&Text::new(message.to_string(), (40, (HEIGHT / 2) as i32), (FONT, 18).into_font().color(&MUTED))).map_err(chart_error)
}

/// Every chart of the report, in page order.
pub fn all(d: &ReportData) -> Result<Vec<Chart>, ReportError> {
    Ok(vec![equity(d)?, drawdown(d)?, leaders(d)?, refusals(d)?, positions(d)?, followed(d)?])
}

/// Equity over time, with mode changes (violet), breaker trips (red) and stopped periods (amber).
pub fn equity(d: &ReportData) -> Result<Chart, ReportError> {
    let (modes, trips, _) = history_marks(&d.snapshots);
    let caption = format!(
        "Equity at every health check ({} points). Violet lines: mode changes ({}); red marks: breaker trips ({}); amber: trading stopped.",
        d.snapshots.len(),
        modes.len(),
        trips.iter().map(|(_, n)| n).sum::<u64>()
    );
    if d.snapshots.len() < 2 {
        return Ok(Chart {
            file: "equity.svg",
            title: "Equity",
            caption,
            svg: empty("No history yet: the health check records a point each run.")?,
        });
    }
    let pts: Vec<(f64, f64)> = d.snapshots.iter().map(|s| (secs(s.at), usd_f(s.equity))).collect();
    let peaks: Vec<(f64, f64)> = d.snapshots.iter().map(|s| (secs(s.at), usd_f(s.peak_equity))).collect();
    let (x0, x1) = (pts[0].0, pts[pts.len() - 1].0.max(pts[0].0 + 1.0));
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().chain(&peaks).map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (y0, y1) = padded(lo, hi, 0.12);
    // Headroom above the curve for the legend and the mode-change labels.
    let y1 = y1 + (y1 - y0) * 0.35;
    let out = svg(|root| {
        let mut chart = time_chart(root, None, x0..x1, y0..y1, &|y| dollars(*y), true)?;
        // Stopped periods: consecutive snapshots with the switch set.
        let mut start: Option<f64> = None;
        let mut bands = Vec::new();
        for s in &d.snapshots {
            match (s.stopped, start) {
                (true, None) => start = Some(secs(s.at)),
                (false, Some(a)) => {
                    bands.push((a, secs(s.at)));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(a) = start {
            bands.push((a, x1));
        }
        chart
            .draw_series(bands.iter().map(|(a, b)| Rectangle::new([(*a, y0), (*b, y1)], STOPPED.mix(0.18).filled())))
            .map_err(chart_error)?
            .label("trading stopped")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], STOPPED.mix(0.4).filled()));
        chart
            .draw_series(LineSeries::new(peaks.clone(), MUTED.mix(0.6).stroke_width(1)))
            .map_err(chart_error)?
            .label("peak")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], MUTED.mix(0.6)));
        chart
            .draw_series(LineSeries::new(pts.clone(), EQUITY.stroke_width(2)))
            .map_err(chart_error)?
            .label("equity")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], EQUITY.stroke_width(2)));
        chart
            .draw_series(modes.iter().map(|m| PathElement::new(vec![(secs(m.at), y0), (secs(m.at), y1)], MODE.stroke_width(2))))
            .map_err(chart_error)?
            .label("mode change")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], MODE.stroke_width(2)));
        chart
            .draw_series(modes.iter().map(|m| {
                Text::new(
                    format!("{} → {}", m.from, m.to),
                    (secs(m.at), y1),
                    (FONT, 13).into_font().color(&MODE).pos(Pos::new(HPos::Left, VPos::Top)),
                )
            }))
            .map_err(chart_error)?;
        let at_equity =
            |t: Timestamp| -> f64 { d.snapshots.iter().find(|s| s.at >= t).map(|s| usd_f(s.equity)).unwrap_or(pts[pts.len() - 1].1) };
        chart
            .draw_series(trips.iter().map(|(t, _)| TriangleMarker::new((secs(*t), at_equity(*t)), 7, LOSS.filled())))
            .map_err(chart_error)?
            .label("breaker trip")
            .legend(|(x, y)| TriangleMarker::new((x + 8, y), 6, LOSS.filled()));
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font((FONT, 13).into_font().color(&INK))
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .draw()
            .map_err(chart_error)
    })?;
    Ok(Chart { file: "equity.svg", title: "Equity", caption, svg: out })
}

/// Drawdown from the running peak, as a filled area below zero.
pub fn drawdown(d: &ReportData) -> Result<Chart, ReportError> {
    let worst = d.snapshots.iter().map(|s| s.drawdown.to_f64().unwrap_or(0.0)).fold(0.0, f64::max);
    let caption = format!("Fall from the running peak at every health check; worst {:.1}%.", worst * 100.0);
    if d.snapshots.len() < 2 {
        return Ok(Chart { file: "drawdown.svg", title: "Drawdown", caption, svg: empty("No history yet.")? });
    }
    let pts: Vec<(f64, f64)> = d.snapshots.iter().map(|s| (secs(s.at), -s.drawdown.to_f64().unwrap_or(0.0) * 100.0)).collect();
    let (x0, x1) = (pts[0].0, pts[pts.len() - 1].0.max(pts[0].0 + 1.0));
    let y0 = -(worst * 100.0 * 1.15).max(1.0);
    let out = svg(|root| {
        let mut chart = time_chart(root, None, x0..x1, y0..0.5, &|y| format!("{y:.1}%"), true)?;
        chart.draw_series(AreaSeries::new(pts.clone(), 0.0, LOSS.mix(0.25)).border_style(LOSS.stroke_width(1))).map_err(chart_error)?;
        Ok(())
    })?;
    Ok(Chart { file: "drawdown.svg", title: "Drawdown", caption, svg: out })
}

/// Horizontal bars for values by label, green above zero and red below.
fn bars(rows: &[(String, f64)], value_label: &dyn Fn(f64) -> String) -> Result<String, ReportError> {
    let n = rows.len().max(1) as f64;
    let lo = rows.iter().map(|r| r.1).fold(0.0, f64::min);
    let hi = rows.iter().map(|r| r.1).fold(0.0, f64::max);
    let (x0, x1) = padded(lo, hi, 0.25);
    svg(|root| {
        let mut chart = ChartBuilder::on(root)
            .margin(16)
            .x_label_area_size(32)
            .y_label_area_size(150)
            .build_cartesian_2d(x0..x1, 0.0..n)
            .map_err(chart_error)?;
        let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .label_style((FONT, 13).into_font().color(&INK))
            .y_labels(rows.len().max(1) * 2 + 1)
            .y_label_formatter(&|y| {
                let i = y.floor();
                if (y - i - 0.5).abs() < 0.01 {
                    names.get(rows.len().saturating_sub(1 + i as usize)).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| value_label(*x))
            .draw()
            .map_err(chart_error)?;
        // Best first, drawn from the top.
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, v))| {
                let y = n - 1.0 - i as f64;
                let colour = if *v >= 0.0 { GAIN } else { LOSS };
                Rectangle::new([(0.0, y + 0.18), (*v, y + 0.82)], colour.mix(0.85).filled())
            }))
            .map_err(chart_error)?;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, v))| {
                let y = n - 1.0 - i as f64 + 0.5;
                let pos = if *v >= 0.0 { Pos::new(HPos::Left, VPos::Center) } else { Pos::new(HPos::Right, VPos::Center) };
                Text::new(format!(" {} ", value_label(*v)), (*v, y), (FONT, 12).into_font().color(&INK).pos(pos))
            }))
            .map_err(chart_error)?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, 0.0), (0.0, n)], MUTED))).map_err(chart_error)?;
        Ok(())
    })
}

/// Profit attributed to each leader: fills, settlements and open positions.
pub fn leaders(d: &ReportData) -> Result<Chart, ReportError> {
    let rows: Vec<(String, f64)> =
        d.fold.leaders_by_pnl().into_iter().filter(|(_, f)| f.copies > 0).map(|(w, f)| (w.short(), usd_f(f.pnl()))).collect();
    let caption = format!(
        "What copying each leader earned: sells and settlements received, open shares at their marks, less what the buys cost (fees included). {} leaders with copies.",
        rows.len()
    );
    let out = if rows.is_empty() { empty("No copies yet.")? } else { bars(&rows, &dollars)? };
    Ok(Chart { file: "leaders.svg", title: "Profit by leader", caption, svg: out })
}

/// One reason's bars in the stacked refusals chart.
struct Layer {
    name: String,
    colour: RGBColor,
    rects: Vec<Rectangle<(f64, f64)>>,
}

/// Refusals per time bucket, stacked by reason.
pub fn refusals(d: &ReportData) -> Result<Chart, ReportError> {
    let top: Vec<_> = d.fold.refusals_by_reason().into_iter().map(|(r, _)| r).collect();
    let shown = &top[..top.len().min(REASON_COLOURS.len() - 1)];
    let hours = d.fold.bucket.num_hours().max(1);
    let caption = format!("Signals refused per {hours} h, by reason ({} refusals in all).", d.fold.refused);
    if d.fold.refusals.is_empty() {
        return Ok(Chart { file: "refusals.svg", title: "Refusals by reason", caption, svg: empty("No refusals.")? });
    }
    let width = d.fold.bucket.num_milliseconds() as f64 / 1000.0;
    let x0 = d.fold.refusals.keys().next().map(|t| secs(*t)).unwrap_or(0.0);
    let x1 = d.fold.refusals.keys().last().map(|t| secs(*t) + width).unwrap_or(x0 + width);
    let max = d.fold.refusals.values().map(|m| m.values().sum::<u64>()).max().unwrap_or(1) as f64;
    let out = svg(|root| {
        // Headroom above the tallest bar for the legend.
        let mut chart = time_chart(root, None, x0..x1, 0.0..max * 1.6, &|y| format!("{y:.0}"), false)?;
        // Stack each bucket: the shown reasons in order, then everything else as "other" (None).
        let mut layers: Vec<(String, Option<RefusalReason>)> = shown.iter().map(|r| (r.code(), Some(*r))).collect();
        if top.len() > shown.len() {
            layers.push(("other".into(), None));
        }
        let count = |layer: Option<RefusalReason>, m: &BTreeMap<RefusalReason, u64>| -> u64 {
            match layer {
                Some(r) => m.get(&r).copied().unwrap_or(0),
                None => m.iter().filter(|(r, _)| !shown.contains(r)).map(|(_, n)| n).sum(),
            }
        };
        let mut base: BTreeMap<Timestamp, f64> = BTreeMap::new();
        let mut series: Vec<Layer> = Vec::new();
        for (i, (name, layer)) in layers.iter().enumerate() {
            let colour = REASON_COLOURS[i.min(REASON_COLOURS.len() - 1)];
            let mut rects = Vec::new();
            for (t, by_reason) in &d.fold.refusals {
                let n = count(*layer, by_reason) as f64;
                if n == 0.0 {
                    continue;
                }
                let b = base.entry(*t).or_insert(0.0);
                let x = secs(*t);
                rects.push(Rectangle::new([(x + width * 0.08, *b), (x + width * 0.92, *b + n)], colour.filled()));
                *b += n;
            }
            series.push(Layer { name: name.clone(), colour, rects });
        }
        for Layer { name, colour, rects } in series {
            chart
                .draw_series(rects)
                .map_err(chart_error)?
                .label(name)
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font((FONT, 12).into_font().color(&INK))
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .draw()
            .map_err(chart_error)
    })?;
    Ok(Chart { file: "refusals.svg", title: "Refusals by reason", caption, svg: out })
}

/// Open positions: each one's unrealised result at its mark.
pub fn positions(d: &ReportData) -> Result<Chart, ReportError> {
    let mut rows: Vec<(String, f64)> = d
        .positions
        .iter()
        .map(|p| {
            let title: String =
                if p.title.chars().count() > 22 { p.title.chars().take(21).chain(['…']).collect() } else { p.title.clone() };
            (title, usd_f(p.marked_value() - p.cost))
        })
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let value: Usd = d.positions.iter().map(|p| p.marked_value()).sum();
    let caption = format!("Unrealised result of each open position at its last mark ({} open, worth {value}).", d.positions.len());
    let out = if rows.is_empty() { empty("No open positions.")? } else { bars(&rows, &dollars)? };
    Ok(Chart { file: "positions.svg", title: "Open positions", caption, svg: out })
}

/// Who was followed when: one bar per leader from when it was first seen followed to when it
/// was dropped (or now).
pub fn followed(d: &ReportData) -> Result<Chart, ReportError> {
    let (_, _, changes) = history_marks(&d.snapshots);
    let spans = follow_spans(&changes, d.snapshots.last().map(|s| s.at).unwrap_or(d.end));
    let caption = format!(
        "Each leader's time in the followed set ({} leaders over the window, {} followed now).",
        spans.len(),
        d.leaders.leaders.len()
    );
    if spans.is_empty() {
        return Ok(Chart { file: "followed.svg", title: "Followed set", caption, svg: empty("No leaders followed yet.")? });
    }
    let x0 = spans.iter().map(|s| secs(s.1)).fold(f64::INFINITY, f64::min);
    let x1 = spans.iter().map(|s| secs(s.2)).fold(f64::NEG_INFINITY, f64::max).max(x0 + 1.0);
    let n = spans.len() as f64;
    let span = x1 - x0;
    let names: Vec<String> = spans.iter().map(|s| s.0.short()).collect();
    let out = svg(|root| {
        let mut chart = ChartBuilder::on(root)
            .margin(16)
            .x_label_area_size(32)
            .y_label_area_size(150)
            .build_cartesian_2d(x0..x1, 0.0..n)
            .map_err(chart_error)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .label_style((FONT, 13).into_font().color(&INK))
            .x_labels(8)
            .x_label_formatter(&|x| time_label(x, span))
            .y_labels(spans.len() * 2 + 1)
            .y_label_formatter(&|y| {
                let i = y.floor();
                if (y - i - 0.5).abs() < 0.01 {
                    names.get(spans.len().saturating_sub(1 + i as usize)).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .draw()
            .map_err(chart_error)?;
        chart
            .draw_series(spans.iter().enumerate().map(|(i, (_, a, b, still))| {
                let y = n - 1.0 - i as f64;
                let colour = if *still { EQUITY } else { MUTED };
                Rectangle::new([(secs(*a), y + 0.2), (secs(*b).max(secs(*a) + span / 400.0), y + 0.8)], colour.mix(0.8).filled())
            }))
            .map_err(chart_error)?;
        Ok(())
    })?;
    Ok(Chart { file: "followed.svg", title: "Followed set", caption, svg: out })
}

/// (wallet, from, to, still followed) per followed stretch, in the order first followed.
fn follow_spans(changes: &[FollowChange], end: Timestamp) -> Vec<(Wallet, Timestamp, Timestamp, bool)> {
    let mut open: BTreeMap<Wallet, Timestamp> = BTreeMap::new();
    let mut spans = Vec::new();
    for c in changes {
        if c.followed {
            open.entry(c.wallet.clone()).or_insert(c.at);
        } else if let Some(from) = open.remove(&c.wallet) {
            spans.push((c.wallet.clone(), from, c.at, false));
        }
    }
    spans.extend(open.into_iter().map(|(w, from)| (w, from, end, true)));
    spans.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    spans
}

/// An equity curve with its mode changes marked, as SVG: what `copycat backtest --plot FILE.svg`
/// draws.
pub fn equity_curve(title: &str, points: &[(Timestamp, Usd)], mode_changes: &[(Timestamp, String, String)]) -> Result<String, ReportError> {
    svg(|root| draw_equity_curve(root, title, points, mode_changes))
}

/// The same chart as [`equity_curve`], as a PNG file's bytes: what `copycat backtest --plot
/// FILE.png` draws.
pub fn equity_curve_png(
    title: &str,
    points: &[(Timestamp, Usd)],
    mode_changes: &[(Timestamp, String, String)],
) -> Result<Vec<u8>, ReportError> {
    png(|root| draw_equity_curve(root, title, points, mode_changes))
}

/// The equity curve on any backend: one layout (scales, ticks, labels) for the SVG and the PNG.
/// Points that span no time are no curve, and the chart says so.
fn draw_equity_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    points: &[(Timestamp, Usd)],
    mode_changes: &[(Timestamp, String, String)],
) -> Result<(), ReportError> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return say(root, "Nothing was replayed: no equity curve to draw.");
    };
    if first.0 >= last.0 {
        return say(root, &format!("No time was replayed (equity {}): no curve to draw.", dollars(usd_f(last.1))));
    }
    let pts: Vec<(f64, f64)> = points.iter().map(|(t, e)| (secs(*t), usd_f(*e))).collect();
    let (x0, x1) = (pts[0].0, pts[pts.len() - 1].0.max(pts[0].0 + 1.0));
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (y0, y1) = padded(lo, hi, 0.12);
    let y1 = y1 + (y1 - y0) * 0.25;
    let mut chart = time_chart(root, Some(title), x0..x1, y0..y1, &|y| dollars(*y), true)?;
    chart.draw_series(LineSeries::new(pts, EQUITY.stroke_width(2))).map_err(chart_error)?;
    chart
        .draw_series(mode_changes.iter().map(|(t, _, _)| PathElement::new(vec![(secs(*t), y0), (secs(*t), y1)], MODE.stroke_width(2))))
        .map_err(chart_error)?;
    // Each name beside its line, on the side with room (left of a change in the right half), a
    // few pixels off it; neighbouring changes take turns over three rows so their names do not
    // overlap.
    chart
        .draw_series(mode_changes.iter().enumerate().map(|(i, (t, from, to))| {
            let right_half = secs(*t) > (x0 + x1) / 2.0;
            let (dx, side) = if right_half { (-5, HPos::Right) } else { (5, HPos::Left) };
            let style = (FONT, 13).into_font().color(&MODE).pos(Pos::new(side, VPos::Top));
            EmptyElement::at((secs(*t), y1)) + Text::new(format!("{from} → {to}"), (dx, 4 + 16 * (i as i32 % 3)), style)
        }))
        .map_err(chart_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raster::Decoded;
    use rust_decimal_macros::dec;

    fn colour(c: RGBColor) -> [u8; 3] {
        [c.0, c.1, c.2]
    }

    /// Rows of the pixels of colour `c` in column `x`.
    fn rows_of(image: &Decoded, x: u32, c: RGBColor) -> Vec<u32> {
        (0..image.height).filter(|y| image.at(x, *y) == colour(c)).collect()
    }

    /// Middle row of the equity line in column `x`.
    fn line_row(image: &Decoded, x: u32) -> f64 {
        let rows = rows_of(image, x, EQUITY);
        assert!(!rows.is_empty(), "the line crosses column {x}");
        rows.iter().sum::<u32>() as f64 / rows.len() as f64
    }

    type ModeChanges = Vec<(Timestamp, String, String)>;

    /// Up from $100 to $200 in an hour, then down to $150; the mode changes at the peak.
    fn up_then_down() -> (Vec<(Timestamp, Usd)>, ModeChanges) {
        let t = |h: i64| from_millis(1_700_000_000_000 + h * 3_600_000);
        let curve = vec![(t(0), Usd(dec!(100))), (t(1), Usd(dec!(200))), (t(2), Usd(dec!(150)))];
        (curve, vec![(t(1), "MICRO".into(), "MINI".into())])
    }

    #[test]
    fn the_png_equity_curve_decodes_at_the_chart_size() {
        let (curve, modes) = up_then_down();
        let image = Decoded::new(&equity_curve_png("Follower equity", &curve, &modes).unwrap());
        assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    }

    #[test]
    fn the_png_line_rises_where_equity_rises_and_the_mode_change_is_at_the_peak() {
        let (curve, modes) = up_then_down();
        let image = Decoded::new(&equity_curve_png("Follower equity", &curve, &modes).unwrap());
        let columns: Vec<u32> = (0..image.width).filter(|x| !rows_of(&image, *x, EQUITY).is_empty()).collect();
        let (first, last) = (columns[0], columns[columns.len() - 1]);
        // The plot area starts right of the dollar labels and the line spans most of the width.
        assert!(first > 60 && last < WIDTH && last - first > WIDTH / 2, "line from x {first} to {last}");
        // $100 at the start, $150 a quarter across, $175 three quarters across, $150 at the end
        // (the peak itself is under the mode line).
        let quarter = (last - first) / 4;
        let [start, rising, falling, end] = [first + 1, first + quarter, last - quarter, last - 1].map(|x| line_row(&image, x));
        assert!(falling < rising && rising < start, "rows (smaller is higher): {start}, {rising}, {falling}");
        assert!((end - rising).abs() <= 2.0, "the same equity at the same height: {rising} and {end}");
        let ratio = (start - rising) / (rising - falling);
        assert!((ratio - 2.0).abs() < 0.2, "$50 up is twice $25 up: {ratio}");
        // The violet mode line stands at the peak's column, over most of the plot's height.
        let mode_column = (0..image.width).max_by_key(|x| rows_of(&image, *x, MODE).len()).unwrap();
        assert!(mode_column.abs_diff((first + last) / 2) <= 2, "mode line at x {mode_column}");
        assert!(rows_of(&image, mode_column, MODE).len() > (HEIGHT / 2) as usize);
    }

    #[test]
    fn the_png_title_is_drawn_above_the_plot() {
        let (curve, modes) = up_then_down();
        let inked = |title: &str| {
            let image = Decoded::new(&equity_curve_png(title, &curve, &modes).unwrap());
            (0..image.width).flat_map(|x| (0..30).map(move |y| (x, y))).filter(|(x, y)| image.at(*x, *y) == colour(INK)).count()
        };
        assert_eq!(inked(""), 0, "without a title the band above the plot is blank");
        assert!(inked("Follower equity, 30 days replayed (+$12.34)") > 200, "the title is set in ink");
    }

    #[test]
    fn a_curve_over_no_time_draws_a_sentence_not_a_panic() {
        let at = from_millis(1_700_000_000_000);
        let one = [(at, Usd(dec!(24)))];
        let same_moment = [(at, Usd(dec!(24))), (at, Usd(dec!(24)))];
        for curve in [&one[..], &same_moment, &[]] {
            let image = Decoded::new(&equity_curve_png("Follower equity", curve, &[]).unwrap());
            assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
            let muted = image.rgb.chunks(3).filter(|p| *p == colour(MUTED)).count();
            assert!(muted > 100, "the sentence is written ({muted} pixels)");
            assert!(!image.rgb.chunks(3).any(|p| p == colour(EQUITY)), "no line is drawn");
        }
        let svg = equity_curve("Follower equity", &one, &[]).unwrap();
        assert!(svg.contains("No time was replayed (equity $24.00): no curve to draw."), "{svg}");
        assert!(equity_curve("Follower equity", &[], &[]).unwrap().contains("Nothing was replayed"));
    }

    #[test]
    fn the_svg_and_the_png_share_one_layout() {
        let (curve, modes) = up_then_down();
        let svg = equity_curve("Follower equity", &curve, &modes).unwrap();
        let image = Decoded::new(&equity_curve_png("Follower equity", &curve, &modes).unwrap());
        // The SVG's mode line, at the column the PNG draws it in.
        let mode_column = (0..image.width).max_by_key(|x| rows_of(&image, *x, MODE).len()).unwrap();
        let line = svg.lines().find(|l| l.contains("<polyline") && l.contains("#7C3AED")).expect("the SVG's mode line");
        let x: f64 = line.split("points=\"").nth(1).and_then(|p| p.split(',').next()).and_then(|x| x.parse().ok()).expect("its x");
        assert!((x - f64::from(mode_column)).abs() <= 2.0, "SVG x {x}, PNG x {mode_column}");
    }
}
