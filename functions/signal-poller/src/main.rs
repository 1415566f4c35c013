//! The signal-poller Lambda: wiring only. The AWS backend (DynamoDB state table, EMF metrics, and the
//! queues this function sends to) is built once per process from the environment and borrowed by
//! every invocation. Leader trades come from Polymarket over HTTP (the [venue] URLs); this function places no orders.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let mut init = copycat_aws::LambdaInit::start().await?;
    let market = init.venue(|config, _clock| copycat_polymarket::market_data(config))?;
    let deps = signal_poller::PollerDeps { reporting: init.wiring().reporting().await?, market, signals: init.wiring().sender().await? };
    init.finish();
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { signal_poller::handle(event, deps).await })).await
}
