//! The embedded backend: StateStore and Queue (SQS semantics) on one SQLite file
