//! The backend conformance suite every StateStore and Queue implementation must pass
