//! What can go wrong talking to the venue, typed, and how each case maps onto the port's
//! [`MarketError`] (which the dependency's breaker counts).

use copycat_core::dependency::Dependency;
use copycat_core::ports::MarketError;

/// One failed venue call, after retries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VenueError {
    /// No complete answer within the request timeout.
    #[error("{dependency} {route}: no answer within {timeout_ms} ms")]
    Timeout {
        /// Which API.
        dependency: Dependency,
        /// Route, e.g. `/v2/trades`.
        route: String,
        /// The timeout in force.
        timeout_ms: u64,
    },
    /// The connection failed or broke (refused, reset, body cut short).
    #[error("{dependency} {route}: connection failed: {reason}")]
    Connection {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// What the transport said.
        reason: String,
    },
    /// The venue answered 5xx on every attempt.
    #[error("{dependency} {route}: HTTP {status}")]
    ServerError {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// The status code.
        status: u16,
    },
    /// The venue answered 429 on every attempt, or asked us to wait longer than we may.
    #[error("{dependency} {route}: rate-limited (retry after {retry_after_ms:?} ms)")]
    RateLimited {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// The `Retry-After` hint of the last answer, if any.
        retry_after_ms: Option<u64>,
    },
    /// The venue refused the request (4xx other than 404 and 429): our request is wrong.
    #[error("{dependency} {route}: HTTP {status}: {body}")]
    Refused {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// The status code.
        status: u16,
        /// The start of the body, for the operator.
        body: String,
    },
    /// The thing asked for does not exist (404, or an empty answer to a lookup by id).
    #[error("{dependency}: {what} not found")]
    NotFound {
        /// Which API.
        dependency: Dependency,
        /// What was asked for.
        what: String,
    },
    /// The body could not be understood; names the field or position.
    #[error("{dependency} {route}: bad response: {reason}")]
    Malformed {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// What was wrong, and where.
        reason: String,
    },
    /// Paging did not end: the cursor repeated (a venue fault).
    #[error("{dependency} {route}: paging did not end: {reason}")]
    EndlessPaging {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// The repeated cursor.
        reason: String,
    },
    /// Still more after `max_pages` full pages: more rows than we read (not a venue fault).
    #[error("{dependency} {route}: still more after {pages} pages ({rows} rows); not read to the end")]
    TooMany {
        /// Which API.
        dependency: Dependency,
        /// Route.
        route: String,
        /// Pages read.
        pages: u32,
        /// Rows read.
        rows: usize,
    },
}

impl VenueError {
    /// The dependency that failed.
    pub fn dependency(&self) -> Dependency {
        match self {
            VenueError::Timeout { dependency, .. }
            | VenueError::Connection { dependency, .. }
            | VenueError::ServerError { dependency, .. }
            | VenueError::RateLimited { dependency, .. }
            | VenueError::Refused { dependency, .. }
            | VenueError::NotFound { dependency, .. }
            | VenueError::Malformed { dependency, .. }
            | VenueError::EndlessPaging { dependency, .. }
            | VenueError::TooMany { dependency, .. } => *dependency,
        }
    }
}

impl From<VenueError> for MarketError {
    fn from(e: VenueError) -> MarketError {
        let dependency = e.dependency();
        match e {
            VenueError::Timeout { .. } | VenueError::Connection { .. } | VenueError::ServerError { .. } => {
                MarketError::Unavailable { dependency, reason: e.to_string() }
            }
            VenueError::RateLimited { retry_after_ms, .. } => MarketError::RateLimited { dependency, retry_after_ms },
            VenueError::NotFound { what, .. } => MarketError::NotFound { dependency, what },
            VenueError::TooMany { route, rows, .. } => MarketError::TooMuch { dependency, what: route, bound: rows },
            VenueError::Refused { .. } | VenueError::Malformed { .. } | VenueError::EndlessPaging { .. } => {
                MarketError::BadResponse { dependency, reason: e.to_string() }
            }
        }
    }
}
