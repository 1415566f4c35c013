//! copycat-chain: the Polygon node over JSON-RPC.
//!
//! [`RpcClient`] is the one HTTP client behind the core's `ChainRpc` port: JSON-RPC 2.0 over
//! POST, the configured timeouts, jittered retries on 429 / 5xx / timeouts / broken connections,
//! and the node's chain id checked once before its first answer is trusted. [`quantity`] reads
//! and writes the `0x…` hex quantities JSON-RPC uses.

#![warn(missing_docs)]

#[cfg(feature = "fake-node")]
pub mod fake_node;
#[cfg(feature = "fake-node")]
pub mod fake_relayer;
pub mod follow;
pub mod logs;
pub mod quantity;
#[cfg(feature = "signing")]
pub mod redeem;
#[cfg(feature = "signing")]
pub mod redeemer;
#[cfg(feature = "signing")]
pub mod relayer;
pub mod relayer_api;
pub mod rlp;
pub mod rpc;
#[cfg(feature = "signing")]
pub mod tx;

pub use rpc::{RpcClient, RpcStats};
