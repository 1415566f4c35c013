//! The `Metrics` port as CloudWatch Embedded Metric Format: one JSON object per stdout line,
//! printed directly (not through the log formatter), so CloudWatch Logs extracts the metric.
//! Shape: <https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html>

use copycat_core::ports::Metrics;
use copycat_core::time::Clock;
use serde_json::{Map, Value, json};
use std::io::Write;
use std::sync::Arc;

/// Namespace of every CopyCat metric (alarms use the same).
pub const NAMESPACE: &str = "CopyCat";

/// Writes one EMF line per `count` call, with the `Stage` dimension and the call's properties
/// (e.g. `reason`, `Breaker`) as extra fields.
pub struct EmfMetrics {
    stage: String,
    clock: Arc<dyn Clock>,
    out: Box<dyn Fn(&str) + Send + Sync>,
}

impl EmfMetrics {
    /// EMF lines on stdout for `stage` (e.g. `prod`).
    pub fn stdout(stage: impl Into<String>, clock: Arc<dyn Clock>) -> Self {
        Self::with_writer(stage, clock, |line| {
            let mut stdout = std::io::stdout().lock();
            // A metric that cannot be written must not fail the handler.
            let _ = writeln!(stdout, "{line}");
        })
    }

    /// EMF lines to `write` (one call per line, without the newline); used by tests.
    pub fn with_writer(stage: impl Into<String>, clock: Arc<dyn Clock>, write: impl Fn(&str) + Send + Sync + 'static) -> Self {
        EmfMetrics { stage: stage.into(), clock, out: Box::new(write) }
    }

    /// The EMF document for one count.
    pub fn line(&self, name: &str, value: u64, properties: &[(&str, &str)]) -> String {
        let mut doc = Map::new();
        doc.insert(
            "_aws".into(),
            json!({
                "Timestamp": self.clock.now().timestamp_millis(),
                "CloudWatchMetrics": [{
                    "Namespace": NAMESPACE,
                    "Dimensions": [["Stage"]],
                    "Metrics": [{"Name": name, "Unit": "Count"}],
                }],
            }),
        );
        for (key, val) in properties {
            // Properties never overwrite the metric, its dimension or the metadata.
            if *key != name && *key != "Stage" && *key != "_aws" {
                doc.insert((*key).to_string(), Value::String((*val).to_string()));
            }
        }
        doc.insert("Stage".into(), Value::String(self.stage.clone()));
        doc.insert(name.to_string(), json!(value));
        Value::Object(doc).to_string()
    }
}

impl Metrics for EmfMetrics {
    fn count(&self, name: &str, value: u64, properties: &[(&str, &str)]) {
        (self.out)(&self.line(name, value, properties));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copycat_core::time::{ManualClock, from_secs};
    use std::sync::Mutex;

    #[test]
    fn breaker_trip_is_one_emf_line_with_stage_dimension_and_properties() {
        let lines = Arc::new(Mutex::new(Vec::<String>::new()));
        let sink = lines.clone();
        let clock = Arc::new(ManualClock::new(from_secs(1_767_225_600)));
        let metrics = EmfMetrics::with_writer("prod", clock, move |l| sink.lock().unwrap().push(l.to_string()));
        metrics.count("BreakerTripped", 1, &[("Breaker", "data-api")]);
        let lines = lines.lock().unwrap();
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].contains('\n'), "one JSON object per line");
        let doc: Value = serde_json::from_str(&lines[0]).unwrap();
        assert_eq!(
            doc,
            json!({"_aws":{"Timestamp":1_767_225_600_000_i64,"CloudWatchMetrics":[{"Namespace":"CopyCat","Dimensions":[["Stage"]],
                "Metrics":[{"Name":"BreakerTripped","Unit":"Count"}]}]},"Stage":"prod","BreakerTripped":1,"Breaker":"data-api"})
        );
    }

    #[test]
    fn a_property_cannot_overwrite_the_metric_value() {
        let clock = Arc::new(ManualClock::new(from_secs(0)));
        let metrics = EmfMetrics::with_writer("dev", clock, |_| {});
        let doc: Value = serde_json::from_str(&metrics.line("SignalRefused", 2, &[("reason", "stale"), ("SignalRefused", "x")])).unwrap();
        assert_eq!((doc["SignalRefused"].clone(), doc["reason"].clone()), (json!(2), json!("stale")));
    }
}
