//! Signed Polygon transactions: the sender's key, EIP-1559 (type 2) and EIP-155 legacy
//! transactions, their RLP form, hash and signature, and the reverse (a raw transaction read
//! back and its sender recovered), which the fake node uses to check what it is sent.
//!
//! Sources: EIP-155 (replay-protected legacy signing, `v = chain_id × 2 + 35 + y_parity`),
//! EIP-1559 (`0x02 ‖ rlp([chain_id, nonce, max_priority_fee_per_gas, max_fee_per_gas, gas_limit,
//! to, value, data, access_list, y_parity, r, s])`), EIP-2718 (typed envelopes). Signatures are
//! RFC 6979 deterministic and low-s, so the same transaction signed twice is the same bytes.

use crate::rlp::{self, Item};
use copycat_evm::recover_parts as recover;
pub use copycat_evm::{Address, keccak256};

/// The sender's secp256k1 key (shared with the order signer: `copycat-evm`).
pub type Key = copycat_evm::PrivateKey;

/// An EIP-1559 (type 2) transaction, unsigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eip1559 {
    /// Chain id (137 for Polygon).
    pub chain_id: u64,
    /// The sender's nonce.
    pub nonce: u64,
    /// Tip per gas, in wei.
    pub max_priority_fee_per_gas: u128,
    /// Most paid per gas (base fee + tip), in wei.
    pub max_fee_per_gas: u128,
    /// Gas limit.
    pub gas_limit: u64,
    /// The contract called.
    pub to: Address,
    /// Wei sent along (zero for a redemption).
    pub value: u128,
    /// The call data.
    pub data: Vec<u8>,
}

/// An EIP-155 legacy transaction, unsigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Legacy {
    /// Chain id, folded into `v`.
    pub chain_id: u64,
    /// The sender's nonce.
    pub nonce: u64,
    /// Price per gas, in wei.
    pub gas_price: u128,
    /// Gas limit.
    pub gas_limit: u64,
    /// The recipient.
    pub to: Address,
    /// Wei sent along.
    pub value: u128,
    /// The call data.
    pub data: Vec<u8>,
}

/// A signed transaction: the bytes `eth_sendRawTransaction` takes and their hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The raw transaction.
    pub raw: Vec<u8>,
    /// keccak256 of `raw`: the transaction hash.
    pub hash: [u8; 32],
}

impl Signed {
    fn of(raw: Vec<u8>) -> Signed {
        let hash = keccak256(&raw);
        Signed { raw, hash }
    }
    /// `0x` + hex of the raw bytes.
    pub fn raw_hex(&self) -> String {
        format!("0x{}", hex::encode(&self.raw))
    }
    /// `0x` + hex of the hash.
    pub fn hash_hex(&self) -> String {
        format!("0x{}", hex::encode(self.hash))
    }
}

impl Eip1559 {
    fn fields(&self) -> Vec<Item> {
        vec![
            Item::uint(self.chain_id.into()),
            Item::uint(self.nonce.into()),
            Item::uint(self.max_priority_fee_per_gas),
            Item::uint(self.max_fee_per_gas),
            Item::uint(self.gas_limit.into()),
            Item::Bytes(self.to.0.to_vec()),
            Item::uint(self.value),
            Item::Bytes(self.data.clone()),
            Item::List(vec![]), // access list
        ]
    }

    /// What is signed: keccak256(0x02 ‖ rlp(fields)).
    pub fn signing_hash(&self) -> [u8; 32] {
        let mut payload = vec![0x02];
        payload.extend(rlp::encode(&Item::List(self.fields())));
        keccak256(&payload)
    }

    /// Signs with `key`.
    pub fn sign(&self, key: &Key) -> Result<Signed, String> {
        let (rs, parity) = key.sign_parts(&self.signing_hash())?;
        let mut fields = self.fields();
        fields.push(Item::uint(parity.into()));
        fields.push(Item::uint256(&rs[..32].try_into().unwrap_or([0; 32])));
        fields.push(Item::uint256(&rs[32..].try_into().unwrap_or([0; 32])));
        let mut raw = vec![0x02];
        raw.extend(rlp::encode(&Item::List(fields)));
        Ok(Signed::of(raw))
    }
}

impl Legacy {
    fn fields(&self) -> Vec<Item> {
        vec![
            Item::uint(self.nonce.into()),
            Item::uint(self.gas_price),
            Item::uint(self.gas_limit.into()),
            Item::Bytes(self.to.0.to_vec()),
            Item::uint(self.value),
            Item::Bytes(self.data.clone()),
        ]
    }

    /// What EIP-155 signs: rlp([nonce, gas_price, gas, to, value, data, chain_id, 0, 0]).
    pub fn signing_payload(&self) -> Vec<u8> {
        let mut fields = self.fields();
        fields.extend([Item::uint(self.chain_id.into()), Item::uint(0), Item::uint(0)]);
        rlp::encode(&Item::List(fields))
    }

    /// Signs with `key` (v = chain_id × 2 + 35 + y parity).
    pub fn sign(&self, key: &Key) -> Result<Signed, String> {
        let (rs, parity) = key.sign_parts(&keccak256(&self.signing_payload()))?;
        let v = u128::from(self.chain_id) * 2 + 35 + u128::from(parity);
        let mut fields = self.fields();
        fields.push(Item::uint(v));
        fields.push(Item::uint256(&rs[..32].try_into().unwrap_or([0; 32])));
        fields.push(Item::uint256(&rs[32..].try_into().unwrap_or([0; 32])));
        Ok(Signed::of(rlp::encode(&Item::List(fields))))
    }
}

/// A raw transaction read back: what it asks for and who signed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// 2 for EIP-1559, 0 for legacy.
    pub tx_type: u8,
    /// The chain id it is signed for (for a legacy transaction, from `v`; `None` before EIP-155).
    pub chain_id: Option<u64>,
    /// Nonce.
    pub nonce: u64,
    /// Most paid per gas (the gas price of a legacy transaction).
    pub max_fee_per_gas: u128,
    /// Gas limit.
    pub gas_limit: u64,
    /// Recipient.
    pub to: Address,
    /// Wei sent.
    pub value: u128,
    /// Call data.
    pub data: Vec<u8>,
    /// The recovered sender.
    pub from: Address,
    /// The transaction hash.
    pub hash: [u8; 32],
}

/// Reads a raw transaction (type 2 or legacy) and recovers its sender; names what is wrong.
pub fn decode_raw(raw: &[u8]) -> Result<Decoded, String> {
    let hash = keccak256(raw);
    match raw.first() {
        Some(0x02) => decode_1559(&raw[1..], hash),
        Some(b) if *b >= 0xc0 => decode_legacy(raw, hash),
        Some(b) => Err(format!("transaction type {b:#04x} is not supported (only 0x02 and legacy)")),
        None => Err("empty transaction".into()),
    }
}

fn u64_of(i: &Item, name: &str) -> Result<u64, String> {
    let n = i.as_uint().map_err(|e| format!("`{name}`: {e}"))?;
    u64::try_from(n).map_err(|_| format!("`{name}` does not fit 64 bits"))
}

fn rs_of(r: &Item, s: &Item) -> Result<[u8; 64], String> {
    let mut rs = [0u8; 64];
    for (i, (item, name)) in [(r, "r"), (s, "s")].into_iter().enumerate() {
        let b = item.bytes().ok_or_else(|| format!("`{name}` is a list"))?;
        if b.len() > 32 {
            return Err(format!("`{name}` is longer than 32 bytes"));
        }
        rs[i * 32 + 32 - b.len()..(i + 1) * 32].copy_from_slice(b);
    }
    Ok(rs)
}

fn to_of(i: &Item) -> Result<Address, String> {
    let b = i.bytes().ok_or("`to` is a list")?;
    let arr: [u8; 20] = b.try_into().map_err(|_| format!("`to` is {} bytes (a contract creation is not expected)", b.len()))?;
    Ok(Address(arr))
}

fn decode_1559(body: &[u8], hash: [u8; 32]) -> Result<Decoded, String> {
    let item = rlp::decode(body)?;
    let f = item.list().ok_or("a type-2 transaction must be an RLP list")?;
    if f.len() != 12 {
        return Err(format!("a type-2 transaction has 12 fields, this has {}", f.len()));
    }
    let tx = Eip1559 {
        chain_id: u64_of(&f[0], "chain_id")?,
        nonce: u64_of(&f[1], "nonce")?,
        max_priority_fee_per_gas: f[2].as_uint().map_err(|e| format!("`max_priority_fee_per_gas`: {e}"))?,
        max_fee_per_gas: f[3].as_uint().map_err(|e| format!("`max_fee_per_gas`: {e}"))?,
        gas_limit: u64_of(&f[4], "gas_limit")?,
        to: to_of(&f[5])?,
        value: f[6].as_uint().map_err(|e| format!("`value`: {e}"))?,
        data: f[7].bytes().ok_or("`data` is a list")?.to_vec(),
    };
    if f[8].list().is_none_or(|l| !l.is_empty()) {
        return Err("access list must be empty".into());
    }
    let parity = u8::try_from(u64_of(&f[9], "y_parity")?).ok().filter(|p| *p <= 1).ok_or("`y_parity` must be 0 or 1")?;
    let rs = rs_of(&f[10], &f[11])?;
    let from = recover(&tx.signing_hash(), &rs, parity).ok_or("the signature does not recover to any key")?;
    Ok(Decoded {
        tx_type: 2,
        chain_id: Some(tx.chain_id),
        nonce: tx.nonce,
        max_fee_per_gas: tx.max_fee_per_gas,
        gas_limit: tx.gas_limit,
        to: tx.to,
        value: tx.value,
        data: tx.data,
        from,
        hash,
    })
}

fn decode_legacy(raw: &[u8], hash: [u8; 32]) -> Result<Decoded, String> {
    let item = rlp::decode(raw)?;
    let f = item.list().ok_or("a legacy transaction must be an RLP list")?;
    if f.len() != 9 {
        return Err(format!("a legacy transaction has 9 fields, this has {}", f.len()));
    }
    let v = f[6].as_uint().map_err(|e| format!("`v`: {e}"))?;
    let (chain_id, parity) = match v {
        27 | 28 => (None, (v - 27) as u8),
        v if v >= 35 => (Some(u64::try_from((v - 35) / 2).map_err(|_| "`v` is too large")?), ((v - 35) % 2) as u8),
        v => return Err(format!("`v` = {v} is neither 27/28 nor EIP-155")),
    };
    let tx = Legacy {
        chain_id: chain_id.unwrap_or(0),
        nonce: u64_of(&f[0], "nonce")?,
        gas_price: f[1].as_uint().map_err(|e| format!("`gas_price`: {e}"))?,
        gas_limit: u64_of(&f[2], "gas_limit")?,
        to: to_of(&f[3])?,
        value: f[4].as_uint().map_err(|e| format!("`value`: {e}"))?,
        data: f[5].bytes().ok_or("`data` is a list")?.to_vec(),
    };
    let digest = match chain_id {
        Some(_) => keccak256(&tx.signing_payload()),
        None => keccak256(&rlp::encode(&Item::List(tx.fields()))),
    };
    let rs = rs_of(&f[7], &f[8])?;
    let from = recover(&digest, &rs, parity).ok_or("the signature does not recover to any key")?;
    Ok(Decoded {
        tx_type: 0,
        chain_id,
        nonce: tx.nonce,
        max_fee_per_gas: tx.gas_price,
        gas_limit: tx.gas_limit,
        to: tx.to,
        value: tx.value,
        data: tx.data,
        from,
        hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in the text of EIP-155 (<https://eips.ethereum.org/EIPS/eip-155>).
    #[test]
    fn signs_the_eip155_example_byte_for_byte() {
        let key = Key::from_hex("0x4646464646464646464646464646464646464646464646464646464646464646").unwrap();
        let tx = Legacy {
            chain_id: 1,
            nonce: 9,
            gas_price: 20_000_000_000,
            gas_limit: 21_000,
            to: Address([0x35; 20]),
            value: 1_000_000_000_000_000_000,
            data: vec![],
        };
        assert_eq!(
            hex::encode(tx.signing_payload()),
            "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080"
        );
        assert_eq!(hex::encode(keccak256(&tx.signing_payload())), "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
        let signed = tx.sign(&key).unwrap();
        assert_eq!(
            hex::encode(&signed.raw),
            "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        );
        // The EIP gives r and s in decimal; the raw bytes above carry them in hex.
        let back = decode_raw(&signed.raw).unwrap();
        assert_eq!(back.chain_id, Some(1));
        assert_eq!(back.from, key.address());
        assert_eq!(back.to, Address([0x35; 20]));
        assert_eq!(back.value, 1_000_000_000_000_000_000);
    }

    #[test]
    fn an_eip1559_transaction_reads_back_with_its_chain_and_sender() {
        let key = Key::from_hex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").unwrap();
        assert_eq!(key.address().checksummed(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        let tx = Eip1559 {
            chain_id: 137,
            nonce: 7,
            max_priority_fee_per_gas: 30_000_000_000,
            max_fee_per_gas: 200_000_000_000,
            gas_limit: 300_000,
            to: Address([0xab; 20]),
            value: 0,
            data: vec![1, 2, 3, 4],
        };
        let a = tx.sign(&key).unwrap();
        assert_eq!(a, tx.sign(&key).unwrap(), "deterministic: the same transaction signs to the same bytes");
        assert_eq!(a.raw[0], 0x02);
        let back = decode_raw(&a.raw).unwrap();
        assert_eq!(
            (back.tx_type, back.chain_id, back.nonce, back.from, back.to, back.data.clone(), back.gas_limit),
            (2, Some(137), 7, key.address(), Address([0xab; 20]), vec![1, 2, 3, 4], 300_000)
        );
        assert_eq!(back.hash, a.hash);
        // One flipped byte in the signed body changes who it recovers to (or breaks it).
        let mut tampered = a.raw.clone();
        let n = tampered.len();
        tampered[n - 40] ^= 1;
        assert_ne!(decode_raw(&tampered).map(|d| d.from), Ok(key.address()));
    }

    #[test]
    fn every_truncation_and_byte_flip_of_a_signed_transaction_is_read_without_panicking() {
        let key = Key::from_hex(&"42".repeat(32)).unwrap();
        let tx = Eip1559 {
            chain_id: 137,
            nonce: 1,
            max_priority_fee_per_gas: 1,
            max_fee_per_gas: 2,
            gas_limit: 21_000,
            to: Address([9; 20]),
            value: 0,
            data: vec![0xab; 70],
        };
        let raw = tx.sign(&key).unwrap().raw;
        for cut in 0..raw.len() {
            assert!(decode_raw(&raw[..cut]).is_err(), "a transaction cut at {cut} is refused");
        }
        for i in 0..raw.len() {
            for bit in [0x01u8, 0x80] {
                let mut m = raw.clone();
                m[i] ^= bit;
                // Refused, or read as a transaction that does not come from the key: no altered
                // transaction passes as the key's.
                if let Ok(d) = decode_raw(&m) {
                    assert_ne!(d.from, key.address(), "byte {i} bit {bit:#x}");
                }
            }
        }
    }

    #[test]
    fn bad_keys_and_bad_transactions_are_refused_without_echoing_the_key() {
        let short = Key::from_hex("0x1234").unwrap_err();
        assert!(short.contains("2 bytes, a private key is 32"), "{short}");
        assert!(!short.contains("1234"));
        assert!(Key::from_hex("zz").unwrap_err().contains("not hex"));
        assert!(Key::from_hex(&"00".repeat(32)).unwrap_err().contains("not a valid"));
        assert!(format!("{:?}", Key::from_hex(&"11".repeat(32)).unwrap()).contains("redacted"));
        assert!(decode_raw(&[]).unwrap_err().contains("empty"));
        assert!(decode_raw(&[0x01, 0xc0]).unwrap_err().contains("not supported"));
        assert!(decode_raw(&[0x02, 0xc0]).unwrap_err().contains("12 fields"));
        assert!(Address::parse("0x12").unwrap_err().contains("1 bytes"));
        assert!(Address::parse("12").unwrap_err().contains("0x"));
    }
}
