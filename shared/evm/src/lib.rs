//! copycat-evm: the Ethereum primitives both signing paths use — Keccak-256, 20-byte addresses
//! (parsed, lowercase, EIP-55 checksummed), the secp256k1 key that signs digests (RFC 6979
//! deterministic, low-s) and recovery of a signer from a signature. The CLOB order signer
//! (`copycat-polymarket`, EIP-712) and the chain redeemer (`copycat-chain`, transactions and
//! relayer batches) build on these, so one implementation is checked against the published
//! vectors once.

#![warn(missing_docs)]

use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use sha3::{Digest, Keccak256};
use std::fmt;

/// Keccak-256, Ethereum's hash.
pub fn keccak256(data: &[u8]) -> [u8; 32] {
    Keccak256::digest(data).into()
}

/// `2 × N` hex digits (no `0x`) as `N` bytes, at compile time.
const fn hex_bytes<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = nibble(b[2 * i]) * 16 + nibble(b[2 * i + 1]);
        i += 1;
    }
    out
}

/// 40 hex digits (no `0x`) as 20 bytes, at compile time: for contract address constants.
pub const fn hex20(s: &str) -> [u8; 20] {
    hex_bytes(s)
}

/// 64 hex digits (no `0x`) as 32 bytes, at compile time: for hash constants.
pub const fn hex32(s: &str) -> [u8; 32] {
    hex_bytes(s)
}

const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => panic!("not a hex digit"),
    }
}

/// A 20-byte account or contract address; displays EIP-55 checksummed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Address(pub [u8; 20]);

impl Address {
    /// Parses `0x` + 40 hex digits (any case, surrounding spaces ignored); the error names what
    /// was wrong.
    pub fn parse(s: &str) -> Result<Address, String> {
        let h = s.trim().strip_prefix("0x").ok_or_else(|| format!("address {s:?} does not start with 0x"))?;
        let bytes = hex::decode(h).map_err(|_| format!("address {s:?} is not hex"))?;
        let arr: [u8; 20] = bytes.try_into().map_err(|b: Vec<u8>| format!("address {s:?} is {} bytes, an address is 20", b.len()))?;
        Ok(Address(arr))
    }

    /// `0x` + 40 lowercase hex digits.
    pub fn lower(&self) -> String {
        format!("0x{}", hex::encode(self.0))
    }

    /// EIP-55 mixed-case checksum form.
    pub fn checksummed(&self) -> String {
        let lower = hex::encode(self.0);
        let hash = keccak256(lower.as_bytes());
        let mut out = String::with_capacity(42);
        out.push_str("0x");
        for (i, c) in lower.chars().enumerate() {
            let nib = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
            out.push(if c.is_ascii_alphabetic() && nib >= 8 { c.to_ascii_uppercase() } else { c });
        }
        out
    }

    /// The address as an ABI word (left-padded to 32 bytes).
    pub fn word(&self) -> [u8; 32] {
        let mut w = [0u8; 32];
        w[12..].copy_from_slice(&self.0);
        w
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.checksummed())
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.checksummed())
    }
}

/// The wallet's secp256k1 key. Its `Debug` never shows the key, and parse errors never repeat it.
pub struct PrivateKey(SigningKey);

impl PrivateKey {
    /// Parses 64 hex digits, with or without `0x`; a key of another length is refused.
    pub fn from_hex(s: &str) -> Result<PrivateKey, String> {
        let s = s.trim();
        let h = s.strip_prefix("0x").unwrap_or(s);
        let bytes = hex::decode(h).map_err(|_| "is not hex".to_owned())?;
        if bytes.len() != 32 {
            return Err(format!("is {} bytes, a private key is 32", bytes.len()));
        }
        SigningKey::from_slice(&bytes).map(PrivateKey).map_err(|_| "is not a valid secp256k1 private key".to_owned())
    }

    /// The address the key controls.
    pub fn address(&self) -> Address {
        address_of(self.0.verifying_key())
    }

    /// Signs a 32-byte digest: (`r ‖ s`, y parity 0 or 1), low-s and RFC 6979 deterministic.
    pub fn sign_parts(&self, hash: &[u8; 32]) -> Result<([u8; 64], u8), String> {
        let (sig, rid) = self.0.sign_prehash_recoverable(hash).map_err(|e| format!("signing failed: {e}"))?;
        let mut rs = [0u8; 64];
        rs.copy_from_slice(&sig.to_bytes());
        Ok((rs, rid.to_byte() & 1))
    }

    /// Signs a 32-byte digest as `r ‖ s ‖ v` with v = 27 or 28.
    pub fn sign_hash(&self, hash: &[u8; 32]) -> Result<[u8; 65], String> {
        let (rs, parity) = self.sign_parts(hash)?;
        let mut out = [0u8; 65];
        out[..64].copy_from_slice(&rs);
        out[64] = 27 + parity;
        Ok(out)
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey(<redacted>, address {})", self.address())
    }
}

fn address_of(key: &VerifyingKey) -> Address {
    let point = key.to_encoded_point(false);
    let hash = keccak256(&point.as_bytes()[1..]);
    let mut a = [0u8; 20];
    a.copy_from_slice(&hash[12..]);
    Address(a)
}

/// Who signed `hash` with (`r ‖ s`, y parity); `None` when the signature is not valid.
pub fn recover_parts(hash: &[u8; 32], rs: &[u8; 64], parity: u8) -> Option<Address> {
    let signature = Signature::from_slice(rs).ok()?;
    let key = VerifyingKey::recover_from_prehash(hash, &signature, RecoveryId::from_byte(parity)?).ok()?;
    Some(address_of(&key))
}

/// Who signed `hash` with the 65-byte signature `sig` (v = 27/28 or 0/1).
pub fn recover(hash: &[u8; 32], sig: &[u8; 65]) -> Option<Address> {
    let parity = match sig[64] {
        27 | 28 => sig[64] - 27,
        0 | 1 => sig[64],
        _ => return None,
    };
    let rs: [u8; 64] = sig[..64].try_into().ok()?;
    recover_parts(hash, &rs, parity)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hardhat/Anvil account 0: its address and checksum are published.
    const KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    #[test]
    fn the_known_key_has_its_known_address_and_checksum() {
        let k = PrivateKey::from_hex(KEY).unwrap();
        assert_eq!(k.address().checksummed(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assert_eq!(Address::parse(" 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266 ").unwrap(), k.address());
        assert!(format!("{k:?}").contains("<redacted>") && !format!("{k:?}").contains("ac0974"));
        assert_eq!(hex::encode(keccak256(b"")), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    #[test]
    fn a_signature_recovers_to_its_signer_in_both_forms() {
        let k = PrivateKey::from_hex(KEY).unwrap();
        let hash = keccak256(b"copycat");
        let sig = k.sign_hash(&hash).unwrap();
        assert!(sig[64] == 27 || sig[64] == 28);
        assert_eq!(recover(&hash, &sig), Some(k.address()));
        let (rs, parity) = k.sign_parts(&hash).unwrap();
        assert_eq!((&rs[..], parity + 27), (&sig[..64], sig[64]), "the same deterministic signature");
        assert_eq!(recover_parts(&hash, &rs, parity), Some(k.address()));
        let mut other = sig;
        other[64] = 29;
        assert_eq!(recover(&hash, &other), None);
    }

    #[test]
    fn bad_text_is_refused_naming_the_problem_without_repeating_a_key() {
        assert!(Address::parse("f39fd6e51aad88f6f4ce6ab8827279cfffb92266").unwrap_err().contains("0x"));
        assert!(Address::parse("0xzz").unwrap_err().contains("not hex"));
        assert!(Address::parse("0x1234").unwrap_err().contains("2 bytes"));
        assert_eq!(PrivateKey::from_hex(&KEY[..40]).unwrap_err(), "is 19 bytes, a private key is 32");
        assert!(!PrivateKey::from_hex("0xnothex").unwrap_err().contains("nothex"));
        assert_eq!(hex20("f39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), PrivateKey::from_hex(KEY).unwrap().address().0);
    }
}
