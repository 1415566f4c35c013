//! The signal-poller Lambda: wiring only. The AWS backend (DynamoDB state table, EMF metrics, and the
//! queues this function sends to) is built once per process from the environment and borrowed by
//! every invocation. Leader trades come from the Polygon node ([chain]) and Polymarket over HTTP (the
//! [venue] URLs); this function places no orders.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let mut init = copycat_aws::LambdaInit::start().await?;
    let market = init.venue(|config, _clock| copycat_polymarket::market_data(config))?;
    // The Polygon node, when fills are detected from the chain (`chain.rpc_url` set and
    // `chain.detection = "chain"`); without one the Data API is polled per leader.
    let chain = init.venue(|config, _clock| match config.chain.detects() {
        true => copycat_chain::RpcClient::from_config(&config.chain)
            .map(|c| Some(std::sync::Arc::new(c) as std::sync::Arc<dyn copycat_core::ports::ChainRpc>)),
        false => Ok(None),
    })?;
    let deps =
        signal_poller::PollerDeps { reporting: init.wiring().reporting().await?, market, signals: init.wiring().sender().await?, chain };
    init.finish();
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { signal_poller::handle(event, deps).await })).await
}
