//! The notifier Lambda: wiring only. The AWS backend is built once per process from the
//! environment and borrowed by every invocation; notifications go to the configured webhooks
//! (URLs validated at start), or to the log when none is configured.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let deps = copycat_aws::AwsWiring::lambda_deps(copycat_polymarket::data_venue).await?;
    let deps = &deps;
    let sink = notifier::sink_from_env(deps)?;
    let sink = sink.as_ref();
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { notifier::handle(event, deps, sink).await })).await
}
