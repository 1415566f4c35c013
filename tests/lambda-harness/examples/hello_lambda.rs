//! The smallest `lambda_runtime` function (echoes its event): the baseline of the cold-start
//! figure in BENCHMARKS.md, built with the same release profile as the CopyCat functions.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    lambda_runtime::run(lambda_runtime::service_fn(|event: lambda_runtime::LambdaEvent<serde_json::Value>| async move {
        Ok::<_, lambda_runtime::Error>(event.payload)
    }))
    .await
}
