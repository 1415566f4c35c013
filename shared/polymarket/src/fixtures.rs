//! Fault fixtures: a venue that answers from a script, so a test (or `copycat sim serve
//! --fixture NAME`) can serve exactly the bad day it wants — malformed and truncated bodies,
//! empty pages, a cursor that never ends, 429 with and without `Retry-After`, 500s, an answer
//! slower than the client's timeout.

use crate::server::{Handler, Request, Response};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A named fault, served on every route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 200 with a body that is not JSON.
    Malformed,
    /// 200 announcing more bytes than it sends, then the connection closes.
    Truncated,
    /// An empty v2 page.
    EmptyPage,
    /// Pages that always have more, each with a new cursor.
    EndlessCursor,
    /// 429 with `Retry-After: 1`.
    RateLimitedRetryAfter,
    /// 429 without `Retry-After`.
    RateLimited,
    /// 500.
    ServerError,
    /// An answer after 30 s.
    Slow,
}

impl Fault {
    /// Every fault, with its name on the command line.
    pub const ALL: [(&'static str, Fault); 8] = [
        ("malformed", Fault::Malformed),
        ("truncated", Fault::Truncated),
        ("empty-page", Fault::EmptyPage),
        ("endless-cursor", Fault::EndlessCursor),
        ("429-retry-after", Fault::RateLimitedRetryAfter),
        ("429", Fault::RateLimited),
        ("500", Fault::ServerError),
        ("slow", Fault::Slow),
    ];

    /// The fault called `name`.
    pub fn by_name(name: &str) -> Option<Fault> {
        Fault::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    /// The answer this fault gives to its `nth` request (0-based).
    pub fn response(self, nth: u64) -> Response {
        match self {
            Fault::Malformed => Response::json(r#"{"data": [{"proxy_wallet": "0xab", "side": BUY}"#),
            Fault::Truncated => {
                let body = json!({ "data": [{ "side": "BUY", "size": "1" }], "pagination": { "has_more": false } }).to_string();
                Response { cut_after: Some(body.len() / 2), ..Response::json(body) }
            }
            Fault::EmptyPage => Response::json(json!({ "data": [], "pagination": { "has_more": false, "next_cursor": "" } }).to_string()),
            Fault::EndlessCursor => Response::json(
                json!({ "data": [{ "user_id": "0x1111111111111111111111111111111111111111", "pnl": "1", "rank": nth + 1,
                                   "condition_id": "0x", "token_id": "1", "current_size": "1" }],
                        "pagination": { "has_more": true, "next_cursor": format!("page-{}", nth + 1) } })
                .to_string(),
            ),
            Fault::RateLimitedRetryAfter => Response::error(429, "Too Many Requests").header("retry-after", "1"),
            Fault::RateLimited => Response::error(429, "Too Many Requests"),
            Fault::ServerError => Response::error(500, "internal error"),
            Fault::Slow => Response { delay: Duration::from_secs(30), ..Response::json(r#"{"data": [], "pagination": {}}"#) },
        }
    }
}

/// Answers each route from its script: the nth request to a path gets the nth response, and
/// the last response repeats. Records every request.
#[derive(Default)]
pub struct ScriptedVenue {
    scripts: Mutex<HashMap<String, Vec<Response>>>,
    fallback: Mutex<Option<Fault>>,
    seen: Mutex<Vec<Request>>,
}

impl ScriptedVenue {
    /// An empty script (every path answers 404 until scripted).
    pub fn new() -> Arc<ScriptedVenue> {
        Arc::new(ScriptedVenue::default())
    }

    /// Serves `fault` on every path without a script.
    pub fn with_fault(fault: Fault) -> Arc<ScriptedVenue> {
        let v = ScriptedVenue::default();
        *v.fallback.lock().unwrap_or_else(|p| p.into_inner()) = Some(fault);
        Arc::new(v)
    }

    /// Scripts `path`: its requests get `responses` in order, the last one repeating.
    pub fn script(&self, path: &str, responses: Vec<Response>) {
        self.scripts.lock().unwrap_or_else(|p| p.into_inner()).insert(path.into(), responses);
    }

    /// Requests to `path` so far.
    pub fn hits(&self, path: &str) -> usize {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).iter().filter(|r| r.path == path).count()
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The handler to give a [`crate::server::LocalServer`].
    pub fn handler(self: &Arc<Self>) -> Handler {
        let me = self.clone();
        Arc::new(move |r: &Request| me.answer(r))
    }

    fn answer(&self, r: &Request) -> Response {
        let nth = {
            let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
            let n = seen.iter().filter(|s| s.path == r.path).count();
            seen.push(r.clone());
            n
        };
        let scripts = self.scripts.lock().unwrap_or_else(|p| p.into_inner());
        match scripts.get(&r.path) {
            Some(list) if !list.is_empty() => list[nth.min(list.len() - 1)].clone(),
            _ => match *self.fallback.lock().unwrap_or_else(|p| p.into_inner()) {
                Some(f) => f.response(nth as u64),
                None => Response::error(404, "not scripted"),
            },
        }
    }
}
