//! The control Lambda: wiring only. The AWS backend (the state table, EMF metrics, the
//! notifications queue a stop is announced on) is built once per process; the platforms' keys
//! come from the environment (the template fills them from the deployment secret). A platform
//! whose key is missing is turned off with an error in the log, not the whole function.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let init = copycat_aws::LambdaInit::start().await?;
    let keys = control::ControlKeys::from_env();
    for problem in keys.problems() {
        tracing::error!("{problem}");
    }
    let deps = control::ControlDeps { reporting: init.wiring().reporting().await?, keys };
    init.finish();
    let deps = &deps;
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { control::handle(event, deps).await })).await
}
