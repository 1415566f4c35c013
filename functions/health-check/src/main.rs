//! The health-check Lambda: wiring only. The AWS backend (DynamoDB state table, SQS queues, EMF
//! metrics) is built once per process from the environment and borrowed by every invocation.
//! Market data comes from Polymarket over HTTP (the [venue] URLs); this function places no orders.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let deps = copycat_aws::AwsWiring::lambda_deps(copycat_polymarket::data_venue).await?;
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { health_check::handle(event, deps).await })).await
}
