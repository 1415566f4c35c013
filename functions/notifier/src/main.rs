//! The notifier Lambda: wiring only. The AWS backend (the state table, for delivery records, and
//! EMF metrics) is built once per process from the environment and borrowed by every invocation;
//! notifications go to the configured webhooks (URLs validated at start), or to the log when none
//! is configured. It reads no market data and sends to no queue.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let init = copycat_aws::LambdaInit::start().await?;
    let base = init.wiring().base();
    let sink = notifier::sink_from_env(&base).map_err(|e| copycat_aws::WiringError::Notifications(Box::new(e)))?;
    init.finish();
    let (base, sink) = (&base, sink.as_ref());
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { notifier::handle(event, base, sink).await })).await
}
