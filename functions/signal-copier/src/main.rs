//! The signal-copier Lambda: wiring only. The AWS backend (DynamoDB state table, EMF metrics, the
//! notifications queue) is built once per process from the environment and borrowed by every
//! invocation. Market data comes from Polymarket over HTTP (the [venue] URLs); fills from the
//! paper broker, or real orders from the live broker when built with `--features live` and
//! configured for it (trading.mode = "live", trading.live_confirmed,
//! COPYCAT_POLYMARKET_PRIVATE_KEY). This is the only function that holds a broker.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let mut init = copycat_aws::LambdaInit::start().await?;
    let (market, broker) = init.venue(copycat_polymarket::venue_from_config)?;
    let deps = signal_copier::CopierDeps { reporting: init.wiring().reporting().await?, market, broker };
    init.finish();
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { signal_copier::handle(event, deps).await })).await
}
