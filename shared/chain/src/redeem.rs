//! What a redemption sends, per account type: the contracts, the ABI-encoded calls, and the
//! route from the key to the wallet that holds the outcome tokens.
//!
//! Polymarket's documented path since the pUSD (CLOB V2) switch ("Redeem Tokens",
//! docs.polymarket.com/trading/ctf/redeem, and the contract table of its official SDK's
//! production environment): the holder calls `redeemPositions(collateralToken,
//! parentCollectionId, conditionId, indexSets)` on the *collateral adapter* of the market's kind
//! — the standard one, or the neg-risk one for neg-risk markets — with pUSD as the collateral,
//! a zero parent collection and index sets `[1, 2]` (both outcomes; only the winner pays). The
//! adapter burns the outcome tokens through the Conditional Tokens contract and pays pUSD back
//! to the holder, which must have approved the adapter as an ERC-1155 operator on the CTF.
//!
//! How the holder's call is made depends on `trading.signature_type`:
//!
//! | type | holder | the transaction the key sends |
//! |---|---|---|
//! | 0 EOA | the key's address | the call itself, to the adapter |
//! | 1 POLY_PROXY | the proxy wallet | `proxy([(1 = CALL, adapter, 0, call)])` to the proxy wallet factory, which forwards it through the caller's proxy |
//! | 2 POLY_GNOSIS_SAFE | the Safe | `execTransaction(adapter, 0, call, CALL, 0, 0, 0, 0, 0, sig)` to the Safe, `sig` the owner's pre-validated signature (the owner is the sender) |
//! | 3 POLY_1271 | the deposit wallet | none: the key signs a `WALLET` batch of the one call (EIP-712, the deposit wallet's own domain) and Polymarket's relayer sends it through the deposit wallet factory ([`crate::relayer`]) |
//!
//! The key pays the gas in POL for types 0–2; the relayer pays it for type 3.

use crate::tx::{Address, keccak256};
use copycat_core::config::SignatureType;
use copycat_core::ports::RedeemError;
use copycat_evm::hex20;

/// pUSD, the collateral of CLOB V2 markets.
pub const PUSD: Address = Address(hex20("C011a7E12a19f7B1f670d46F03B03f3342E82DFB"));
/// The Gnosis Conditional Tokens contract (ERC-1155 outcome tokens).
pub const CONDITIONAL_TOKENS: Address = Address(hex20("4D97DCd97eC945f40cF65F87097ACe5EA0476045"));
/// The collateral adapter of standard markets.
pub const COLLATERAL_ADAPTER: Address = Address(hex20("AdA100Db00Ca00073811820692005400218FcE1f"));
/// The collateral adapter of neg-risk markets.
pub const NEG_RISK_COLLATERAL_ADAPTER: Address = Address(hex20("adA2005600Dec949baf300f4C6120000bDB6eAab"));
/// Polymarket's deposit wallet factory (signature type 3): the relayer executes a deposit
/// wallet's signed batches through it.
pub const DEPOSIT_WALLET_FACTORY: Address = Address(hex20("00000000000Fb5C9ADea0298D729A0CB3823Cc07"));
/// Polymarket's proxy wallet factory (signature type 1).
pub const PROXY_FACTORY: Address = Address(hex20("aB45c5A4B0c941a2F231C04C3f49182e1A254052"));

/// `redeemPositions(address,bytes32,bytes32,uint256[])`.
pub const REDEEM_SIGNATURE: &str = "redeemPositions(address,bytes32,bytes32,uint256[])";
/// The proxy wallet factory's batch call.
pub const PROXY_SIGNATURE: &str = "proxy((uint8,address,uint256,bytes)[])";
/// The Safe's transaction entry point.
pub const EXEC_TRANSACTION_SIGNATURE: &str = "execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)";

/// The first four bytes of keccak256 of a function signature.
pub fn selector(signature: &str) -> [u8; 4] {
    let h = keccak256(signature.as_bytes());
    [h[0], h[1], h[2], h[3]]
}

/// The adapter that redeems a market of this kind.
pub fn adapter(neg_risk: bool) -> Address {
    if neg_risk { NEG_RISK_COLLATERAL_ADAPTER } else { COLLATERAL_ADAPTER }
}

/// A uint256 ABI word.
pub(crate) fn word_u(n: u128) -> [u8; 32] {
    let mut w = [0u8; 32];
    w[16..].copy_from_slice(&n.to_be_bytes());
    w
}

/// An address ABI word.
pub(crate) fn word_addr(a: Address) -> [u8; 32] {
    let mut w = [0u8; 32];
    w[12..].copy_from_slice(&a.0);
    w
}

/// Length word, then the bytes padded to a multiple of 32.
fn bytes_tail(data: &[u8]) -> Vec<u8> {
    let mut out = word_u(data.len() as u128).to_vec();
    out.extend_from_slice(data);
    out.resize(32 + data.len().div_ceil(32) * 32, 0);
    out
}

/// Parses a condition id: `0x` + 64 hex digits.
pub fn parse_condition_id(s: &str) -> Result<[u8; 32], String> {
    let h = s.strip_prefix("0x").ok_or_else(|| format!("condition id {s:?} does not start with 0x"))?;
    let b = hex::decode(h).map_err(|_| format!("condition id {s:?} is not hex"))?;
    b.try_into().map_err(|b: Vec<u8>| format!("condition id {s:?} is {} bytes, a condition id is 32", b.len()))
}

/// `redeemPositions(pUSD, 0x0, condition, [1, 2])`.
pub fn redeem_call(condition_id: &[u8; 32]) -> Vec<u8> {
    let mut out = selector(REDEEM_SIGNATURE).to_vec();
    out.extend(word_addr(PUSD));
    out.extend([0u8; 32]);
    out.extend(condition_id);
    out.extend(word_u(0x80));
    out.extend(word_u(2));
    out.extend(word_u(1));
    out.extend(word_u(2));
    out
}

/// The proxy factory's `proxy` with one CALL of `data` on `to`.
pub fn proxy_call(to: Address, data: &[u8]) -> Vec<u8> {
    let mut out = selector(PROXY_SIGNATURE).to_vec();
    out.extend(word_u(0x20)); // the array
    out.extend(word_u(1)); // one call
    out.extend(word_u(0x20)); // the tuple, after the one offset
    out.extend(word_u(1)); // type code 1: CALL
    out.extend(word_addr(to));
    out.extend(word_u(0)); // value
    out.extend(word_u(0x80)); // the bytes, after the tuple's four head words
    out.extend(bytes_tail(data));
    out
}

/// The owner's pre-validated Safe signature: r = the owner, s = 0, v = 1. Safe accepts it when
/// the transaction's sender is that owner (Safe `checkSignatures`, "approved hash" case).
pub fn prevalidated_signature(owner: Address) -> [u8; 65] {
    let mut sig = [0u8; 65];
    sig[..32].copy_from_slice(&word_addr(owner));
    sig[64] = 1;
    sig
}

/// `execTransaction(to, 0, data, CALL, 0, 0, 0, 0x0, 0x0, owner's pre-validated signature)`.
pub fn safe_exec_call(to: Address, data: &[u8], owner: Address) -> Vec<u8> {
    let data_tail = bytes_tail(data);
    let sig_tail = bytes_tail(&prevalidated_signature(owner));
    let mut out = selector(EXEC_TRANSACTION_SIGNATURE).to_vec();
    out.extend(word_addr(to));
    out.extend(word_u(0)); // value
    out.extend(word_u(10 * 32)); // data, after the ten head words
    out.extend(word_u(0)); // operation: CALL
    out.extend(word_u(0)); // safeTxGas
    out.extend(word_u(0)); // baseGas
    out.extend(word_u(0)); // gasPrice: no refund
    out.extend([0u8; 32]); // gasToken
    out.extend([0u8; 32]); // refundReceiver
    out.extend(word_u((10 * 32 + data_tail.len()) as u128)); // signatures
    out.extend(data_tail);
    out.extend(sig_tail);
    out
}

/// The key and the wallet the redemption is for, checked to fit together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// `trading.signature_type`.
    pub signature_type: SignatureType,
    /// The key's address (the transaction's sender).
    pub owner: Address,
    /// The wallet that holds the outcome tokens (`trading.funder`, or the key's own address).
    pub funder: Address,
}

impl Holder {
    /// Checks that `funder` fits `signature_type` for the key at `owner`: type 0 redeems from the
    /// key's own address, types 1–3 from another wallet; `derived` (the address the factory
    /// makes for this key, where computable) must match a proxy's or Safe's funder.
    pub fn new(
        signature_type: SignatureType,
        owner: Address,
        funder: Option<&str>,
        derived: Option<Address>,
    ) -> Result<Holder, RedeemError> {
        let refused = |reason: String| RedeemError::Refused { reason };
        let funder = match funder {
            Some(f) => Address::parse(f).map_err(|e| refused(format!("config key `trading.funder`: {e}")))?,
            None => owner,
        };
        let t = signature_type.code();
        if signature_type == SignatureType::Eoa && funder != owner {
            return Err(refused(format!(
                "config key `trading.funder` is {funder} but signature type {t} (EOA) redeems from the key's own address {owner}"
            )));
        }
        if signature_type != SignatureType::Eoa && funder == owner {
            return Err(refused(format!(
                "config key `trading.funder` is the key's own address, but signature type {t} ({}) holds the tokens in another wallet",
                signature_type.name()
            )));
        }
        if let Some(d) = derived.filter(|d| *d != funder) {
            return Err(refused(format!(
                "config key `trading.funder` is {funder}, but the {} this key owns is {d}: a redemption would redeem that wallet, not the funder",
                signature_type.name()
            )));
        }
        Ok(Holder { signature_type, owner, funder })
    }

    /// The call the holding wallet makes to redeem `condition_id`: (the adapter, call data).
    pub fn wallet_call(&self, condition_id: &[u8; 32], neg_risk: bool) -> (Address, Vec<u8>) {
        (adapter(neg_risk), redeem_call(condition_id))
    }

    /// The transaction the key sends to redeem `condition_id`: (to, call data). A deposit
    /// wallet (type 3) sends none: its batch goes through the relayer ([`crate::relayer`]).
    pub fn route(&self, condition_id: &[u8; 32], neg_risk: bool) -> Result<(Address, Vec<u8>), RedeemError> {
        let call = redeem_call(condition_id);
        let target = adapter(neg_risk);
        match self.signature_type {
            SignatureType::Eoa => Ok((target, call)),
            SignatureType::PolyProxy => Ok((PROXY_FACTORY, proxy_call(target, &call))),
            SignatureType::PolyGnosisSafe => Ok((self.funder, safe_exec_call(target, &call, self.owner))),
            SignatureType::Poly1271 => Err(RedeemError::Refused {
                reason: "signature type 3 (POLY_1271, deposit wallet) redeems through Polymarket's relayer, not a transaction from \
                         the key: give the health check a relayer API key (see README, Redeeming resolved positions)"
                    .into(),
            }),
        }
    }
}

// ---------------------------------------------------------------- reading calls back (the fake node)

fn word(data: &[u8], at: usize) -> Result<[u8; 32], String> {
    at.checked_add(32)
        .and_then(|end| data.get(at..end))
        .and_then(|w| w.try_into().ok())
        .ok_or_else(|| format!("call data of {} bytes has no word at {at}", data.len()))
}

fn word_usize(data: &[u8], at: usize) -> Result<usize, String> {
    let w = word(data, at)?;
    if w[..24].iter().any(|b| *b != 0) {
        return Err(format!("word at {at} is too large for an offset or length"));
    }
    Ok(u64::from_be_bytes(w[24..].try_into().unwrap_or([0; 8])) as usize)
}

fn word_address(data: &[u8], at: usize) -> Result<Address, String> {
    let w = word(data, at)?;
    if w[..12].iter().any(|b| *b != 0) {
        return Err(format!("word at {at} is not an address"));
    }
    Ok(Address(w[12..].try_into().unwrap_or([0; 20])))
}

fn dyn_bytes(data: &[u8], at: usize) -> Result<Vec<u8>, String> {
    let len = word_usize(data, at)?;
    at.checked_add(32)
        .and_then(|s| s.checked_add(len).map(|e| (s, e)))
        .and_then(|(s, e)| data.get(s..e))
        .map(<[u8]>::to_vec)
        .ok_or_else(|| format!("bytes of {len} at {at} run past the call data"))
}

fn strip_selector<'a>(data: &'a [u8], signature: &str) -> Result<&'a [u8], String> {
    match data.strip_prefix(&selector(signature)) {
        Some(rest) => Ok(rest),
        None => Err(format!("call is not {signature}")),
    }
}

/// A `redeemPositions` call read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedeemArgs {
    /// The collateral token.
    pub collateral: Address,
    /// The parent collection (zero on Polymarket).
    pub parent_collection: [u8; 32],
    /// The condition.
    pub condition_id: [u8; 32],
    /// The index sets.
    pub index_sets: Vec<u128>,
}

/// Reads a `redeemPositions` call.
pub fn read_redeem(data: &[u8]) -> Result<RedeemArgs, String> {
    let a = strip_selector(data, REDEEM_SIGNATURE)?;
    let at = word_usize(a, 96)?;
    let n = word_usize(a, at)?;
    if n > 256 {
        return Err(format!("{n} index sets is not a redemption"));
    }
    let index_sets = (0..n)
        .map(|i| word(a, at + 32 + 32 * i).map(|w| u128::from_be_bytes(w[16..].try_into().unwrap_or([0; 16]))))
        .collect::<Result<_, _>>()?;
    Ok(RedeemArgs { collateral: word_address(a, 0)?, parent_collection: word(a, 32)?, condition_id: word(a, 64)?, index_sets })
}

/// One call of a proxy factory batch: (type code, to, value, data).
pub type ProxiedCall = (u8, Address, u128, Vec<u8>);

/// Reads a proxy factory `proxy` call.
pub fn read_proxy(data: &[u8]) -> Result<Vec<ProxiedCall>, String> {
    let a = strip_selector(data, PROXY_SIGNATURE)?;
    let arr = word_usize(a, 0)?;
    let n = word_usize(a, arr)?;
    if n > 16 {
        return Err(format!("{n} calls in one proxy batch is not a redemption"));
    }
    let base = arr + 32;
    (0..n)
        .map(|i| {
            let t = base + word_usize(a, base + 32 * i)?;
            let code = word_usize(a, t)?;
            let code = u8::try_from(code).map_err(|_| format!("type code {code} is not a uint8"))?;
            let value = u128::from_be_bytes(word(a, t + 64)?[16..].try_into().unwrap_or([0; 16]));
            Ok((code, word_address(a, t + 32)?, value, dyn_bytes(a, t + word_usize(a, t + 96)?)?))
        })
        .collect()
}

/// A Safe `execTransaction` call read back (the fields a redemption sets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecArgs {
    /// The contract the Safe calls.
    pub to: Address,
    /// Wei sent.
    pub value: u128,
    /// The Safe's call data.
    pub data: Vec<u8>,
    /// 0 CALL, 1 DELEGATECALL.
    pub operation: u8,
    /// The owners' signatures.
    pub signatures: Vec<u8>,
}

/// Reads a Safe `execTransaction` call.
pub fn read_safe_exec(data: &[u8]) -> Result<ExecArgs, String> {
    let a = strip_selector(data, EXEC_TRANSACTION_SIGNATURE)?;
    let operation = word_usize(a, 96)?;
    Ok(ExecArgs {
        to: word_address(a, 0)?,
        value: u128::from_be_bytes(word(a, 32)?[16..].try_into().unwrap_or([0; 16])),
        data: dyn_bytes(a, word_usize(a, 64)?)?,
        operation: u8::try_from(operation).map_err(|_| format!("operation {operation} is not a uint8"))?,
        signatures: dyn_bytes(a, word_usize(a, 9 * 32)?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONDITION: &str = "0x4a629eb456c10ea56e4819f5b54c6727be8010b03c31375fed5b9f100f0dee53";

    #[test]
    fn contract_addresses_carry_their_published_checksums() {
        // EIP-55 checksums catch a mistyped digit: each must read back exactly as published.
        for (a, published) in [
            (PUSD, "0xC011a7E12a19f7B1f670d46F03B03f3342E82DFB"),
            (CONDITIONAL_TOKENS, "0x4D97DCd97eC945f40cF65F87097ACe5EA0476045"),
            (COLLATERAL_ADAPTER, "0xAdA100Db00Ca00073811820692005400218FcE1f"),
            (NEG_RISK_COLLATERAL_ADAPTER, "0xadA2005600Dec949baf300f4C6120000bDB6eAab"),
            (PROXY_FACTORY, "0xaB45c5A4B0c941a2F231C04C3f49182e1A254052"),
        ] {
            assert_eq!(a.checksummed(), published);
        }
    }

    #[test]
    fn selectors_are_the_known_ones() {
        assert_eq!(hex::encode(selector(REDEEM_SIGNATURE)), "01b7037c");
        assert_eq!(hex::encode(selector(PROXY_SIGNATURE)), "34ee9791");
        assert_eq!(hex::encode(selector(EXEC_TRANSACTION_SIGNATURE)), "6a761202");
        assert_eq!(hex::encode(selector("transfer(address,uint256)")), "a9059cbb");
    }

    #[test]
    fn the_redeem_call_is_abi_encoded_and_reads_back() {
        let c = parse_condition_id(CONDITION).unwrap();
        let call = redeem_call(&c);
        assert_eq!(call.len(), 4 + 32 * 7);
        assert_eq!(
            hex::encode(&call[4..]),
            format!(
                "{:0>64}{}{}{:0>64}{:0>64}{:0>64}{:0>64}",
                "c011a7e12a19f7b1f670d46f03b03f3342e82dfb",
                "0".repeat(64),
                &CONDITION[2..],
                "80",
                "2",
                "1",
                "2"
            )
        );
        let args = read_redeem(&call).unwrap();
        assert_eq!((args.collateral, args.condition_id, args.index_sets, args.parent_collection), (PUSD, c, vec![1, 2], [0; 32]));
    }

    #[test]
    fn each_account_type_routes_through_its_documented_contract() {
        let c = parse_condition_id(CONDITION).unwrap();
        let owner = Address([0x11; 20]);
        let wallet = Address([0x22; 20]);
        let eoa = Holder::new(SignatureType::Eoa, owner, None, None).unwrap();
        assert_eq!(eoa.route(&c, false).unwrap(), (COLLATERAL_ADAPTER, redeem_call(&c)));
        assert_eq!(eoa.route(&c, true).unwrap().0, NEG_RISK_COLLATERAL_ADAPTER);

        let proxy = Holder::new(SignatureType::PolyProxy, owner, Some(&wallet.lower()), Some(wallet)).unwrap();
        let (to, data) = proxy.route(&c, true).unwrap();
        assert_eq!(to, PROXY_FACTORY);
        assert_eq!(read_proxy(&data).unwrap(), vec![(1, NEG_RISK_COLLATERAL_ADAPTER, 0, redeem_call(&c))]);

        let safe = Holder::new(SignatureType::PolyGnosisSafe, owner, Some(&wallet.lower()), None).unwrap();
        let (to, data) = safe.route(&c, false).unwrap();
        assert_eq!(to, wallet);
        let exec = read_safe_exec(&data).unwrap();
        assert_eq!((exec.to, exec.value, exec.operation), (COLLATERAL_ADAPTER, 0, 0));
        assert_eq!(exec.data, redeem_call(&c));
        assert_eq!(exec.signatures, prevalidated_signature(owner).to_vec());

        let deposit = Holder::new(SignatureType::Poly1271, owner, Some(&wallet.lower()), None).unwrap();
        let err = deposit.route(&c, false).unwrap_err();
        assert!(
            matches!(&err, RedeemError::Refused { reason } if reason.contains("signature type 3") && reason.contains("relayer")),
            "{err}"
        );
    }

    #[test]
    fn a_funder_that_does_not_fit_the_type_is_refused_naming_the_key() {
        let owner = Address([0x11; 20]);
        let other = Address([0x33; 20]);
        for (t, funder, derived, says) in [
            (SignatureType::Eoa, Some(other.lower()), None, "EOA"),
            (SignatureType::PolyProxy, None, None, "key's own address"),
            (SignatureType::PolyGnosisSafe, Some(owner.lower()), None, "key's own address"),
            (SignatureType::PolyProxy, Some(other.lower()), Some(Address([0x44; 20])), "would redeem that wallet"),
            (SignatureType::PolyProxy, Some("0x12".to_owned()), None, "20"),
        ] {
            let err = Holder::new(t, owner, funder.as_deref(), derived).unwrap_err();
            assert!(matches!(&err, RedeemError::Refused { reason } if reason.contains("trading.funder") && reason.contains(says)), "{err}");
        }
    }

    #[test]
    fn garbage_call_data_is_refused_not_panicked_on() {
        for data in [&[][..], &[0x01, 0xb7, 0x03, 0x7c][..], &[0xff; 40][..]] {
            assert!(read_redeem(data).is_err());
            assert!(read_proxy(data).is_err());
            assert!(read_safe_exec(data).is_err());
        }
        let mut call = redeem_call(&[7; 32]);
        call.truncate(100);
        assert!(read_redeem(&call).unwrap_err().contains("no word"));
        assert!(parse_condition_id("0x12").unwrap_err().contains("1 bytes"));
    }
}
