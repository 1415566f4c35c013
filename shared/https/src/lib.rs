//! copycat-https: the one TLS client configuration of a process, shared by every outbound HTTPS
//! client we build (the Polymarket client, the live broker, the notifier's webhooks).
//!
//! reqwest builds a fresh certificate verifier for each client, and each one reads and parses the
//! platform trust store (on Lambda, a PEM bundle of ~150 roots; ~0.7 ms of CPU each on this
//! machine, several times that on a fractional Lambda vCPU). Here the verifier is built once per
//! process, on first use, and every client built from [`client_builder`] shares it. Verification
//! is what reqwest's `rustls` feature does by default: the platform verifier on the platform trust
//! store (`SSL_CERT_FILE` / `SSL_CERT_DIR` honoured), with the process's default crypto provider
//! (aws-lc-rs unless one was installed), every TLS version rustls supports, HTTP/1.1 by ALPN.

#![warn(missing_docs)]

use std::sync::{Arc, OnceLock};

/// Why the shared TLS configuration could not be built (the platform trust store is missing or
/// holds no usable certificate); the error of the first attempt, for every client.
#[derive(Clone, Debug, thiserror::Error)]
#[error("TLS client configuration: {0} (is there a CA bundle? SSL_CERT_FILE / SSL_CERT_DIR name one)")]
pub struct TlsError(String);

static SHARED: OnceLock<Result<rustls::ClientConfig, TlsError>> = OnceLock::new();

/// The process's TLS client configuration, built on the first call (this is when the platform
/// trust store is read and parsed) and shared after.
fn tls_config() -> Result<&'static rustls::ClientConfig, TlsError> {
    SHARED.get_or_init(build).as_ref().map_err(Clone::clone)
}

/// A reqwest client builder on the shared TLS configuration; set timeouts and the user agent on
/// it as usual.
pub fn client_builder() -> Result<reqwest::ClientBuilder, TlsError> {
    Ok(reqwest::Client::builder().tls_backend_preconfigured(tls_config()?.clone()))
}

fn build() -> Result<rustls::ClientConfig, TlsError> {
    let provider =
        rustls::crypto::CryptoProvider::get_default().cloned().unwrap_or_else(|| Arc::new(rustls::crypto::aws_lc_rs::default_provider()));
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone()).map_err(|e| TlsError(e.to_string()))?;
    // `dangerous()` is only rustls's door for a verifier of another type: this one verifies
    // chains and names against the platform store, as reqwest's own default does.
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .map_err(|e| TlsError(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}
