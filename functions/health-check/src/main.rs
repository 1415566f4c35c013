//! The health-check Lambda: wiring only. The AWS backend (DynamoDB state table, EMF metrics, and the
//! queues this function sends to) is built once per process from the environment and borrowed by
//! every invocation. Market data comes from Polymarket over HTTP (the [venue] URLs); this function
//! places no orders. With `chain.rpc_url` set it probes the Polygon node; built with
//! `--features redeem` and configured for live trading (`trading.mode = "live"`, the key in
//! COPYCAT_POLYMARKET_PRIVATE_KEY, `redemption.enabled`), it also redeems resolved positions on chain:
//! from the key for signature types 0–2, through Polymarket's relayer for a deposit wallet (type 3,
//! with a Relayer API key in COPYCAT_RELAYER_API_KEY and its address in
//! COPYCAT_RELAYER_API_KEY_ADDRESS).

use copycat_core::config::Config;
use health_check::ChainDeps;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let mut init = copycat_aws::LambdaInit::start().await?;
    let market = init.venue(|config, _clock| copycat_polymarket::market_data(config))?;
    let chain = init.venue(|config, _clock| chain_deps(config))?;
    let deps = health_check::HealthDeps { reporting: init.wiring().reporting().await?, market };
    init.finish();
    let (deps, chain) = (&deps, &chain);
    lambda_runtime::run(lambda_runtime::service_fn(move |event| async move { health_check::handle_with_chain(event, deps, chain).await }))
        .await
}

/// Why the chain side could not be built; the Lambda does not start.
#[derive(Debug, thiserror::Error)]
enum ChainWiringError {
    #[error("chain node: {0}")]
    Node(#[from] copycat_core::ports::ChainError),
    #[cfg(feature = "redeem")]
    #[error("redemption: {0} (or set redemption.enabled = false)")]
    Redeem(#[from] copycat_core::ports::RedeemError),
}

/// The node when `chain.rpc_url` is set, and the redeemer when this build and config redeem.
fn chain_deps(config: &Config) -> Result<ChainDeps, ChainWiringError> {
    if !config.chain.enabled() {
        return Ok(ChainDeps::default());
    }
    let rpc: std::sync::Arc<dyn copycat_core::ports::ChainRpc> = std::sync::Arc::new(copycat_chain::RpcClient::from_config(&config.chain)?);
    Ok(ChainDeps { redeemer: redeemer(config, rpc.clone())?, rpc: Some(rpc) })
}

#[cfg(not(feature = "redeem"))]
fn redeemer(
    config: &Config,
    _rpc: std::sync::Arc<dyn copycat_core::ports::ChainRpc>,
) -> Result<Option<std::sync::Arc<dyn copycat_core::ports::Redeemer>>, ChainWiringError> {
    if config.trading.mode == copycat_core::config::TradingMode::Live && config.redemption.enabled {
        tracing::warn!(
            "this health-check build has no redemption (build with --features redeem): resolved positions settle at resolution and must be redeemed by hand"
        );
    }
    Ok(None)
}

/// The key and account of `[trading]`, checked the way the live broker checks them (key length,
/// funder against the signature type and the factory-derived wallet), sending to the node.
#[cfg(feature = "redeem")]
fn redeemer(
    config: &Config,
    rpc: std::sync::Arc<dyn copycat_core::ports::ChainRpc>,
) -> Result<Option<std::sync::Arc<dyn copycat_core::ports::Redeemer>>, ChainWiringError> {
    use copycat_core::ports::RedeemError;
    use copycat_polymarket::live::{PRIVATE_KEY_ENV, account};
    if config.trading.mode != copycat_core::config::TradingMode::Live || !config.redemption.enabled {
        return Ok(None);
    }
    let refused = |reason: String| ChainWiringError::Redeem(RedeemError::Refused { reason });
    let key = std::env::var(PRIVATE_KEY_ENV).map_err(|_| refused(format!("the wallet key is not in {PRIVATE_KEY_ENV}")))?;
    let acct = account::Account::new(&config.trading, &key).map_err(|e| refused(e.to_string()))?;
    let owner = acct.key_address(); // one Address type (copycat-evm) for orders and redemptions
    let derived = match acct.expected_funder() {
        account::ExpectedFunder::Derived { address, .. } => Some(address),
        _ => None,
    };
    let holder = copycat_chain::redeem::Holder::new(config.trading.signature_type, owner, config.trading.funder.as_deref(), derived)?;
    if config.trading.signature_type == copycat_core::config::SignatureType::Poly1271 {
        // A deposit wallet redeems through Polymarket's relayer, with a Relayer API key.
        use copycat_chain::relayer::{RELAYER_API_KEY_ADDRESS_ENV, RELAYER_API_KEY_ENV, RelayerKey, RelayerRedeemer};
        let var =
            |name: &str| std::env::var(name).map_err(|_| refused(format!("a deposit wallet redeems through the relayer: set {name}")));
        let api = RelayerKey { key: var(RELAYER_API_KEY_ENV)?, address: var(RELAYER_API_KEY_ADDRESS_ENV)? };
        let clock = std::sync::Arc::new(copycat_core::time::SystemClock);
        let r = RelayerRedeemer::new(rpc, &key, holder, api, config.chain.chain_id, config.redemption.clone(), clock)?;
        return Ok(Some(std::sync::Arc::new(r)));
    }
    let r = copycat_chain::redeemer::ChainRedeemer::new(rpc, &key, holder, config.chain.chain_id, config.redemption.clone())?;
    Ok(Some(std::sync::Arc::new(r)))
}
