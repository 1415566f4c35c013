//! The backend conformance suite, unchanged, against DynamoDB and SQS on a moto server.

mod common;

copycat_conformance::conformance_suite!(common::AwsBackend::new().await);
