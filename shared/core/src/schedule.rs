//! What a scheduled function is invoked with.
//!
//! The SAM template gives each schedule an `Input` of `{}`, and EventBridge Scheduler delivers
//! exactly that. But real invocations also arrive as a whole EventBridge event: a console test,
//! a plain schedule rule (`"detail-type": "Scheduled Event"`, `"detail": {}`), or Scheduler's
//! own envelope, which carries the input as a *string* (`"detail": "{}"`). Each is read as the
//! function's input; anything else is refused with an error saying what was expected.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Why a scheduled invocation's payload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleInputError {
    /// The payload is not a JSON object.
    #[error("expected the schedule input (a JSON object such as {{}}) or an EventBridge event, found {found}")]
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// An EventBridge event without a usable `detail`.
    #[error("EventBridge event: `detail` {problem}")]
    Detail {
        /// What was wrong with it.
        problem: String,
    },
    /// The input (or the event's detail) has a field the function does not take, or a bad value.
    #[error("schedule input: {reason}")]
    Input {
        /// The deserializer's message, naming the field.
        reason: String,
    },
}

/// Fields every EventBridge event carries; an object with `detail-type` or a `source` of
/// `aws.events` / `aws.scheduler` is an event, not the input itself.
fn is_event(obj: &Map<String, Value>) -> bool {
    obj.contains_key("detail-type") || obj.get("source").and_then(Value::as_str).is_some_and(|s| s.starts_with("aws."))
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a scheduled function's input `T` from `payload`: `T` itself, or an EventBridge event
/// whose `detail` (an object, or a string holding one) is `T`.
pub fn schedule_input<T: DeserializeOwned>(payload: Value) -> Result<T, ScheduleInputError> {
    let Value::Object(mut obj) = payload else {
        return Err(ScheduleInputError::NotAnObject { found: json_type(&payload) });
    };
    let input = if is_event(&obj) {
        match obj.remove("detail") {
            Some(Value::Object(detail)) => Value::Object(detail),
            Some(Value::String(text)) => match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(detail)) => Value::Object(detail),
                Ok(other) => {
                    return Err(ScheduleInputError::Detail { problem: format!("holds {}, expected an object", json_type(&other)) });
                }
                Err(e) => return Err(ScheduleInputError::Detail { problem: format!("is a string that is not JSON: {e}") }),
            },
            Some(other) => return Err(ScheduleInputError::Detail { problem: format!("is {}, expected an object", json_type(&other)) }),
            None => return Err(ScheduleInputError::Detail { problem: "is missing".into() }),
        }
    } else {
        Value::Object(obj)
    };
    serde_json::from_value(input).map_err(|e| ScheduleInputError::Input { reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Input {
        #[serde(default)]
        max_polls: Option<u32>,
    }

    fn rule_event(detail: Value) -> Value {
        json!({
            "version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
            "source": "aws.events", "account": "123456789012", "time": "2026-12-01T00:00:00Z", "region": "eu-west-1",
            "resources": ["arn:aws:events:eu-west-1:123456789012:rule/poller"], "detail": detail
        })
    }

    #[test]
    fn the_configured_input_and_both_event_shapes_are_accepted() {
        assert_eq!(schedule_input::<Input>(json!({})).unwrap(), Input { max_polls: None });
        assert_eq!(schedule_input::<Input>(json!({"max_polls": 2})).unwrap(), Input { max_polls: Some(2) });
        assert_eq!(schedule_input::<Input>(rule_event(json!({}))).unwrap(), Input { max_polls: None });
        let scheduler = json!({"detail-type": "Scheduled Event", "source": "aws.scheduler", "detail": "{}"});
        assert_eq!(schedule_input::<Input>(scheduler).unwrap(), Input { max_polls: None });
        let scheduler = json!({"detail-type": "Scheduled Event", "source": "aws.scheduler", "detail": "{\"max_polls\": 1}"});
        assert_eq!(schedule_input::<Input>(scheduler).unwrap(), Input { max_polls: Some(1) });
    }

    #[test]
    fn anything_else_is_refused_saying_what_was_expected() {
        let err = schedule_input::<Input>(json!([1])).unwrap_err();
        assert_eq!(err, ScheduleInputError::NotAnObject { found: "an array" });
        assert!(err.to_string().contains("EventBridge event"), "{err}");
        let err = schedule_input::<Input>(json!({"max_pols": 1})).unwrap_err();
        assert!(matches!(err, ScheduleInputError::Input { ref reason } if reason.contains("max_pols")), "{err}");
        let err = schedule_input::<Input>(rule_event(json!("not json"))).unwrap_err();
        assert!(matches!(err, ScheduleInputError::Detail { .. }), "{err}");
        let err = schedule_input::<Input>(rule_event(json!(7))).unwrap_err();
        assert!(err.to_string().contains("is a number"), "{err}");
        let mut no_detail = rule_event(json!({}));
        no_detail.as_object_mut().unwrap().remove("detail");
        assert!(schedule_input::<Input>(no_detail).unwrap_err().to_string().contains("missing"));
        let err = schedule_input::<Input>(rule_event(json!({"surprise": true}))).unwrap_err();
        assert!(err.to_string().contains("surprise"), "{err}");
        assert!(schedule_input::<Input>(Value::Null).is_err());
    }
}
