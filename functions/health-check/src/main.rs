//! The health-check Lambda: wiring only. Dependencies are built once per process and borrowed by
//! every invocation.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let deps = copycat_local::lambda_deps_from_env()?;
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { health_check::handle(event, deps).await })).await
}
