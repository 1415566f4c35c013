//! Creates the table and queues of `infra/resources.json` on the endpoint in the environment
//! (`AWS_ENDPOINT_URL` for the emulator); idempotent. Run by `infra/emulator.sh create`.

use copycat_aws::{AwsClients, Resources, resources::create_resources};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clients = AwsClients::from_env().await;
    let provisioned = create_resources(&clients, &Resources::builtin()).await?;
    println!("table {}", provisioned.table);
    for (name, url) in &provisioned.queue_urls {
        println!("queue {name} {url}");
    }
    Ok(())
}
