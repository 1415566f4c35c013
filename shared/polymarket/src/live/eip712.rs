//! EIP-712 signing for the CLOB: the V2 order struct under the "Polymarket CTF Exchange" domain
//! (version "2", chain 137) and the `ClobAuth` struct under "ClobAuthDomain" (version "1") that
//! derives API keys. Hashing follows EIP-712 (<https://eips.ethereum.org/EIPS/eip-712>); field
//! lists and addresses are the ones the official V2 SDK (`polymarket_client_sdk_v2`) signs.

use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use sha3::{Digest, Keccak256};
use std::fmt;

/// Polygon mainnet.
pub const POLYGON: u64 = 137;
/// CTF Exchange V2, the verifying contract of orders on ordinary markets.
pub const EXCHANGE_V2: Address = Address(hex20("E111180000d2663C0091e4f400237545B87B996B"));
/// Neg-risk CTF Exchange V2, the verifying contract of orders on neg-risk markets.
pub const NEG_RISK_EXCHANGE_V2: Address = Address(hex20("e2222d279d744050d28e00520010520000310F59"));

const ORDER_TYPE: &str = "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)";
const CLOB_AUTH_TYPE: &str = "ClobAuth(address address,string timestamp,uint256 nonce,string message)";
/// The text every L1 (`ClobAuth`) signature attests.
pub const CLOB_AUTH_MESSAGE: &str = "This message attests that I control the given wallet";

const fn hex20(s: &str) -> [u8; 20] {
    let b = s.as_bytes();
    let mut out = [0u8; 20];
    let mut i = 0;
    while i < 20 {
        out[i] = nibble(b[2 * i]) * 16 + nibble(b[2 * i + 1]);
        i += 1;
    }
    out
}

const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => panic!("not a hex digit"),
    }
}

/// Keccak-256, Ethereum's hash.
pub fn keccak256(data: &[u8]) -> [u8; 32] {
    Keccak256::digest(data).into()
}

/// A 20-byte account address; displays EIP-55 checksummed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Address(pub [u8; 20]);

impl Address {
    /// Parses `0x` + 40 hex digits (any case).
    pub fn parse(s: &str) -> Result<Address, String> {
        let h = s.strip_prefix("0x").ok_or_else(|| format!("address {s:?} does not start with 0x"))?;
        let bytes = hex::decode(h).map_err(|e| format!("address {s:?}: {e}"))?;
        let arr: [u8; 20] = bytes.try_into().map_err(|_| format!("address {s:?} is not 20 bytes"))?;
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
            let nib = (hash[i / 2] >> (if i % 2 == 0 { 4 } else { 0 })) & 0x0f;
            out.push(if c.is_ascii_alphabetic() && nib >= 8 { c.to_ascii_uppercase() } else { c });
        }
        out
    }

    fn word(&self) -> [u8; 32] {
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

/// The trading wallet's secp256k1 key. Its `Debug` never shows the key.
pub struct PrivateKey(SigningKey);

impl PrivateKey {
    /// Parses 64 hex digits, with or without `0x`. The error never repeats the input.
    pub fn from_hex(s: &str) -> Result<PrivateKey, String> {
        let s = s.trim();
        let h = s.strip_prefix("0x").unwrap_or(s);
        let bytes = hex::decode(h).map_err(|_| "is not hex".to_owned())?;
        if bytes.len() != 32 {
            return Err(format!("is {} bytes, a private key is 32", bytes.len()));
        }
        SigningKey::from_slice(&bytes).map(PrivateKey).map_err(|_| "is not a valid secp256k1 private key".to_owned())
    }

    /// The account address the key controls.
    pub fn address(&self) -> Address {
        address_of(self.0.verifying_key())
    }

    /// Signs a 32-byte digest: `r ‖ s ‖ v` with v = 27 or 28 (low-s, RFC 6979 deterministic).
    pub fn sign_hash(&self, hash: &[u8; 32]) -> Result<[u8; 65], String> {
        let (sig, rid) = self.0.sign_prehash_recoverable(hash).map_err(|e| format!("signing failed: {e}"))?;
        let mut out = [0u8; 65];
        out[..64].copy_from_slice(&sig.to_bytes());
        out[64] = 27 + rid.to_byte();
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

/// The address that signed `hash` with the 65-byte signature `sig` (v = 27/28 or 0/1).
pub fn recover(hash: &[u8; 32], sig: &[u8; 65]) -> Option<Address> {
    let v = match sig[64] {
        27 | 28 => sig[64] - 27,
        0 | 1 => sig[64],
        _ => return None,
    };
    let signature = Signature::from_slice(&sig[..64]).ok()?;
    let key = VerifyingKey::recover_from_prehash(hash, &signature, RecoveryId::from_byte(v)?).ok()?;
    Some(address_of(&key))
}

/// `0x` + 130 hex digits → 65 bytes.
pub fn parse_signature(s: &str) -> Option<[u8; 65]> {
    hex::decode(s.strip_prefix("0x")?).ok()?.try_into().ok()
}

/// An EIP-712 domain: name, version, chain and, for orders, the verifying contract.
#[derive(Clone, Copy, Debug)]
pub struct Domain {
    /// `name`.
    pub name: &'static str,
    /// `version`.
    pub version: &'static str,
    /// `chainId`.
    pub chain_id: u64,
    /// `verifyingContract`, when the domain has one.
    pub verifying_contract: Option<Address>,
}

impl Domain {
    /// The order domain for an ordinary or a neg-risk market on `chain_id`.
    pub fn exchange(chain_id: u64, neg_risk: bool) -> Domain {
        let contract = if neg_risk { NEG_RISK_EXCHANGE_V2 } else { EXCHANGE_V2 };
        Domain { name: "Polymarket CTF Exchange", version: "2", chain_id, verifying_contract: Some(contract) }
    }

    /// The `ClobAuth` domain on `chain_id`.
    pub fn clob_auth(chain_id: u64) -> Domain {
        Domain { name: "ClobAuthDomain", version: "1", chain_id, verifying_contract: None }
    }

    fn separator(&self) -> [u8; 32] {
        let mut enc = Vec::with_capacity(160);
        let type_string = match self.verifying_contract {
            Some(_) => "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
            None => "EIP712Domain(string name,string version,uint256 chainId)",
        };
        enc.extend_from_slice(&keccak256(type_string.as_bytes()));
        enc.extend_from_slice(&keccak256(self.name.as_bytes()));
        enc.extend_from_slice(&keccak256(self.version.as_bytes()));
        enc.extend_from_slice(&u64_word(self.chain_id));
        if let Some(c) = self.verifying_contract {
            enc.extend_from_slice(&c.word());
        }
        keccak256(&enc)
    }

    /// The digest to sign for a struct with hash `struct_hash` in this domain.
    pub fn signing_hash(&self, struct_hash: &[u8; 32]) -> [u8; 32] {
        let mut enc = Vec::with_capacity(66);
        enc.extend_from_slice(&[0x19, 0x01]);
        enc.extend_from_slice(&self.separator());
        enc.extend_from_slice(struct_hash);
        keccak256(&enc)
    }
}

fn u64_word(v: u64) -> [u8; 32] {
    u128_word(u128::from(v))
}

fn u128_word(v: u128) -> [u8; 32] {
    let mut w = [0u8; 32];
    w[16..].copy_from_slice(&v.to_be_bytes());
    w
}

/// A decimal uint256 (e.g. a token id) as a big-endian word; None if not digits or too large.
pub fn u256_from_decimal(s: &str) -> Option<[u8; 32]> {
    if s.is_empty() || s.len() > 78 {
        return None;
    }
    let mut out = [0u8; 32];
    for c in s.bytes() {
        let mut carry = u32::from((c as char).to_digit(10)? as u8);
        for byte in out.iter_mut().rev() {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
        if carry != 0 {
            return None;
        }
    }
    Some(out)
}

/// Buy (0) or sell (1), as the order struct encodes it.
pub const SIDE_BUY: u8 = 0;
/// See [`SIDE_BUY`].
pub const SIDE_SELL: u8 = 1;
/// The signer is the funding wallet (an externally owned account).
pub const SIGNATURE_TYPE_EOA: u8 = 0;

/// The V2 order struct, as signed. Amounts are in 10⁻⁶ units (pUSD and shares both have 6
/// decimals); `expiration` is not signed in V2 and travels in the posted JSON only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderV2 {
    /// Uniqueness; the CLOB wants it to fit a JSON number (< 2⁵³).
    pub salt: u64,
    /// Funds the order.
    pub maker: Address,
    /// Signs it.
    pub signer: Address,
    /// Outcome token, big-endian.
    pub token_id: [u8; 32],
    /// What the maker gives.
    pub maker_amount: u128,
    /// What the maker receives at least.
    pub taker_amount: u128,
    /// [`SIDE_BUY`] or [`SIDE_SELL`].
    pub side: u8,
    /// [`SIGNATURE_TYPE_EOA`] for a plain wallet.
    pub signature_type: u8,
    /// Creation time, Unix milliseconds.
    pub timestamp_ms: u64,
    /// Reserved; zero.
    pub metadata: [u8; 32],
    /// Builder code; zero.
    pub builder: [u8; 32],
}

impl OrderV2 {
    /// `hashStruct(order)`.
    pub fn struct_hash(&self) -> [u8; 32] {
        let mut enc = Vec::with_capacity(12 * 32);
        enc.extend_from_slice(&keccak256(ORDER_TYPE.as_bytes()));
        enc.extend_from_slice(&u64_word(self.salt));
        enc.extend_from_slice(&self.maker.word());
        enc.extend_from_slice(&self.signer.word());
        enc.extend_from_slice(&self.token_id);
        enc.extend_from_slice(&u128_word(self.maker_amount));
        enc.extend_from_slice(&u128_word(self.taker_amount));
        enc.extend_from_slice(&u64_word(u64::from(self.side)));
        enc.extend_from_slice(&u64_word(u64::from(self.signature_type)));
        enc.extend_from_slice(&u64_word(self.timestamp_ms));
        enc.extend_from_slice(&self.metadata);
        enc.extend_from_slice(&self.builder);
        keccak256(&enc)
    }
}

/// The digest an L1 header signs: `ClobAuth{address, timestamp, nonce, message}`.
pub fn clob_auth_hash(address: Address, timestamp: &str, nonce: u64, chain_id: u64) -> [u8; 32] {
    let mut enc = Vec::with_capacity(5 * 32);
    enc.extend_from_slice(&keccak256(CLOB_AUTH_TYPE.as_bytes()));
    enc.extend_from_slice(&address.word());
    enc.extend_from_slice(&keccak256(timestamp.as_bytes()));
    enc.extend_from_slice(&u64_word(nonce));
    enc.extend_from_slice(&keccak256(CLOB_AUTH_MESSAGE.as_bytes()));
    Domain::clob_auth(chain_id).signing_hash(&keccak256(&enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Hardhat/Anvil account 0: a publicly known throwaway key, never funded on Polygon.
    const TEST_KEY: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    #[test]
    fn address_of_the_test_key_is_the_known_one_and_checksums() {
        let key = PrivateKey::from_hex(TEST_KEY).unwrap();
        assert_eq!(key.address().checksummed(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assert_eq!(EXCHANGE_V2.checksummed(), "0xE111180000d2663C0091e4f400237545B87B996B");
    }

    // Known answers from the official V2 SDK's own tests (same key): a ClobAuth signature on
    // Amoy (80002) at timestamp 10000000, nonce 23, and an all-zero V2 order on Polygon's
    // ordinary exchange. Matching them byte for byte pins the type strings, the domains and the
    // signature encoding.
    #[test]
    fn clob_auth_signature_matches_the_sdk() {
        let key = PrivateKey::from_hex(TEST_KEY).unwrap();
        let hash = clob_auth_hash(key.address(), "10000000", 23, 80002);
        let sig = key.sign_hash(&hash).unwrap();
        assert_eq!(
            format!("0x{}", hex::encode(sig)),
            "0xf62319a987514da40e57e2f4d7529f7bac38f0355bd88bb5adbb3768d80de6c1682518e0af677d5260366425f4361e7b70c25ae232aff0ab2331e2b164a1aedc1b"
        );
        assert_eq!(recover(&hash, &sig), Some(key.address()));
    }

    #[test]
    fn zero_order_signature_matches_the_sdk() {
        let key = PrivateKey::from_hex(TEST_KEY).unwrap();
        let zero = OrderV2 {
            salt: 0,
            maker: Address([0; 20]),
            signer: Address([0; 20]),
            token_id: [0; 32],
            maker_amount: 0,
            taker_amount: 0,
            side: SIDE_BUY,
            signature_type: SIGNATURE_TYPE_EOA,
            timestamp_ms: 0,
            metadata: [0; 32],
            builder: [0; 32],
        };
        let sig = key.sign_hash(&Domain::exchange(POLYGON, false).signing_hash(&zero.struct_hash())).unwrap();
        assert_eq!(
            format!("0x{}", hex::encode(sig)),
            "0x8a6edfe94a2169c3d05673521b53b7aee2205288f1363f1c9e24716317eebe6a17ca4bc397b85a5f39be21f32d0d8b38e0fd6de6af091dc0f4ba1f667d1883981c"
        );
    }

    #[test]
    fn token_ids_parse_as_uint256() {
        let one = u256_from_decimal("1").unwrap();
        assert_eq!(one[31], 1);
        let two_64 = u256_from_decimal("18446744073709551616").unwrap();
        assert_eq!(two_64[23], 1);
        assert!(two_64.iter().enumerate().all(|(i, b)| i == 23 || *b == 0));
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        assert_eq!(u256_from_decimal(max), Some([0xff; 32]));
        assert!(u256_from_decimal("115792089237316195423570985008687907853269984665640564039457584007913129639936").is_none());
        assert!(u256_from_decimal("").is_none());
        assert!(u256_from_decimal("12a").is_none());
        assert!(u256_from_decimal(&"9".repeat(78)).is_none(), "above 2^256");
    }

    #[test]
    fn bad_private_keys_are_refused_without_echoing_them() {
        let err = PrivateKey::from_hex("0xnot-a-key-but-a-secret").unwrap_err();
        assert!(!err.contains("secret"), "{err}");
        assert!(PrivateKey::from_hex("0x1234").is_err());
        assert!(format!("{:?}", PrivateKey::from_hex(TEST_KEY).unwrap()).contains("redacted"));
        assert!(!format!("{:?}", PrivateKey::from_hex(TEST_KEY).unwrap()).contains("ac0974bec39a17e3"));
    }
}
