//! copycat-report: the operator's report. Reads the state table in bounded pages
//! ([`mod@load`]), draws the charts as SVG ([`charts`]) and writes one static page beside them
//! ([`html`]): `index.html`, `equity.svg`, `drawdown.svg`, `leaders.svg`, `refusals.svg`,
//! `positions.svg`, `followed.svg`. The backtest's equity curve is drawn as SVG or, on a pixel
//! canvas of its own with a built-in bitmap font, as PNG.

pub mod charts;
mod glyphs;
pub mod html;
pub mod load;
mod raster;

use copycat_core::config::Config;
use copycat_core::ports::StoreError;
use copycat_core::time::Timestamp;
use copycat_state::StateError;
use std::path::{Path, PathBuf};

pub use load::{LoadOptions, ReportData, history_end, load, recent_refusals};

/// What can stop a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The state table could not be read.
    #[error("cannot read the state table")]
    State(#[source] StateError),
    /// A chart could not be drawn.
    #[error("cannot draw a chart: {0}")]
    Chart(String),
    /// A chart drawn as pixels could not be encoded as PNG.
    #[error("cannot encode the chart as PNG: {0}")]
    Png(png::EncodingError),
    /// The output could not be written.
    #[error("cannot write {path}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl From<StoreError> for ReportError {
    fn from(e: StoreError) -> Self {
        ReportError::State(StateError::Store(e))
    }
}

impl From<StateError> for ReportError {
    fn from(e: StateError) -> Self {
        ReportError::State(e)
    }
}

/// What a written report holds.
#[derive(Clone, Debug)]
pub struct Written {
    /// The page.
    pub index: PathBuf,
    /// The chart files, in page order.
    pub charts: Vec<PathBuf>,
}

/// Draws the charts of `data` and writes them and `index.html` into `dir` (created if missing).
pub fn write(dir: &Path, data: &ReportData, config: &Config, generated: Timestamp) -> Result<Written, ReportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ReportError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let charts = charts::all(data)?;
    let mut files = Vec::new();
    for c in &charts {
        let path = dir.join(c.file);
        std::fs::write(&path, &c.svg).map_err(io(&path))?;
        files.push(path);
    }
    let index = dir.join("index.html");
    std::fs::write(&index, html::page(data, &charts, config, generated)).map_err(io(&index))?;
    Ok(Written { index, charts: files })
}
