//! The notifier Lambda: wiring only. The AWS backend is built once per process from the
//! environment and borrowed by every invocation; notifications go to the log until webhook
//! destinations are configured.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let deps = copycat_aws::AwsWiring::lambda_deps(copycat_local::simulated_venue).await?;
    let deps = &deps;
    let sink = &notifier::TerminalSink;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { notifier::handle(event, deps, sink).await })).await
}
