//! The shared TLS configuration verifies servers against the platform trust store, reads that
//! store once per process, and refuses a certificate it does not chain to. One test, alone in its
//! process: it points `SSL_CERT_FILE` at a CA made here before anything reads the trust store.

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A certificate authority and a server certificate for 127.0.0.1 it signed.
struct Pki {
    ca_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
}

fn pki(name: &str) -> Pki {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, format!("{name} test CA"));
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("CA key")).expect("CA certificate");
    let server_key = KeyPair::generate().expect("server key");
    let server = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .expect("server params")
        .signed_by(&server_key, &ca)
        .expect("server certificate");
    Pki { ca_pem: ca.pem(), chain: vec![server.der().clone(), ca.der().clone()], key: server_key.serialize_der() }
}

/// An HTTPS server on 127.0.0.1 presenting `pki`'s certificate, answering every request `ok`.
async fn serve(pki: &Pki) -> String {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(pki.chain.clone(), PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.key.clone())))
        .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("https://127.0.0.1:{}/", listener.local_addr().expect("address").port());
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A refused handshake (the client distrusts us) ends here.
                let Ok(mut tls) = acceptor.accept(socket).await else { return };
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = tls.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok").await;
                let _ = tls.shutdown().await;
            });
        }
    });
    url
}

async fn get(url: &str) -> Result<String, String> {
    let client = copycat_https::client_builder().map_err(|e| e.to_string())?.build().map_err(|e| e.to_string())?;
    let answer = client.get(url).send().await.map_err(|e| format!("{:?}", e))?;
    answer.text().await.map_err(|e| e.to_string())
}

#[test]
fn clients_trust_the_platform_store_read_once_and_refuse_what_it_does_not_hold() {
    let trusted = pki("trusted");
    let stranger = pki("stranger");
    let dir = std::env::temp_dir().join(format!("copycat-https-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("no-certs")).expect("temp dir");
    let bundle = dir.join("bundle.pem");
    std::fs::write(&bundle, &trusted.ca_pem).expect("bundle");
    // SAFETY: the only test of this binary, before any thread exists or reads the environment.
    unsafe {
        std::env::set_var("SSL_CERT_FILE", &bundle);
        std::env::set_var("SSL_CERT_DIR", dir.join("no-certs"));
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let trusted_url = serve(&trusted).await;
        let stranger_url = serve(&stranger).await;

        assert_eq!(get(&trusted_url).await.as_deref(), Ok("ok"), "a server the platform store vouches for");
        let refused = get(&stranger_url).await.expect_err("a certificate from an unknown CA must be refused");
        assert!(refused.contains("UnknownIssuer"), "{refused}");

        // The store was read when the first client was built: emptying it now changes nothing for
        // the clients built after (no second read, no second parse).
        std::fs::write(&bundle, "").expect("empty the bundle");
        assert_eq!(get(&trusted_url).await.as_deref(), Ok("ok"), "a later client shares the first one's trust store");
    });
    let _ = std::fs::remove_dir_all(&dir);
}
