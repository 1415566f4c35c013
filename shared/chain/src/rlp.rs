//! Recursive Length Prefix (RLP), the serialisation of Ethereum transactions (Ethereum yellow
//! paper, appendix B; <https://ethereum.org/developers/docs/data-structures-and-encoding/rlp>).
//!
//! Encoding is total. Decoding reads bytes from outside (a raw transaction handed to the fake
//! node, a node's answer) and refuses, with a reason, anything that is not canonical RLP: a
//! length that runs past the input, a long form where the short form was required, leading
//! zeros in a length, trailing bytes.

/// One RLP item: a byte string or a list of items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A byte string.
    Bytes(Vec<u8>),
    /// A list.
    List(Vec<Item>),
}

impl Item {
    /// An unsigned integer as RLP wants it: big-endian without leading zeros (zero is empty).
    pub fn uint(n: u128) -> Item {
        Item::Bytes(trim(&n.to_be_bytes()).to_vec())
    }

    /// A 256-bit big-endian unsigned integer, leading zeros dropped.
    pub fn uint256(n: &[u8; 32]) -> Item {
        Item::Bytes(trim(n).to_vec())
    }

    /// The byte string, or `None` for a list.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Item::Bytes(b) => Some(b),
            Item::List(_) => None,
        }
    }

    /// The list, or `None` for a byte string.
    pub fn list(&self) -> Option<&[Item]> {
        match self {
            Item::List(l) => Some(l),
            Item::Bytes(_) => None,
        }
    }

    /// The byte string read as an unsigned integer that fits 128 bits (canonical: no leading zero).
    pub fn as_uint(&self) -> Result<u128, String> {
        let b = self.bytes().ok_or("expected an integer, got a list")?;
        if b.first() == Some(&0) {
            return Err("integer with a leading zero byte".into());
        }
        if b.len() > 16 {
            return Err(format!("integer of {} bytes does not fit 128 bits", b.len()));
        }
        Ok(b.iter().fold(0u128, |acc, x| (acc << 8) | u128::from(*x)))
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let first = b.iter().position(|x| *x != 0).unwrap_or(b.len());
    &b[first..]
}

/// The RLP encoding of `item`.
pub fn encode(item: &Item) -> Vec<u8> {
    let mut out = Vec::new();
    encode_into(item, &mut out);
    out
}

fn encode_into(item: &Item, out: &mut Vec<u8>) {
    match item {
        Item::Bytes(b) if b.len() == 1 && b[0] < 0x80 => out.push(b[0]),
        Item::Bytes(b) => {
            header(0x80, b.len(), out);
            out.extend_from_slice(b);
        }
        Item::List(items) => {
            let mut body = Vec::new();
            for i in items {
                encode_into(i, &mut body);
            }
            header(0xc0, body.len(), out);
            out.extend_from_slice(&body);
        }
    }
}

fn header(offset: u8, len: usize, out: &mut Vec<u8>) {
    if len < 56 {
        out.push(offset + len as u8);
    } else {
        let len_bytes = trim(&(len as u64).to_be_bytes()).to_vec();
        out.push(offset + 55 + len_bytes.len() as u8);
        out.extend_from_slice(&len_bytes);
    }
}

/// Decodes exactly one item that spans all of `input`.
pub fn decode(input: &[u8]) -> Result<Item, String> {
    let (item, used) = decode_one(input)?;
    if used != input.len() {
        return Err(format!("{} trailing bytes after the item", input.len() - used));
    }
    Ok(item)
}

/// Decodes the item at the start of `input`; returns it and how many bytes it took.
fn decode_one(input: &[u8]) -> Result<(Item, usize), String> {
    let Some(&first) = input.first() else { return Err("empty input".into()) };
    match first {
        0x00..=0x7f => Ok((Item::Bytes(vec![first]), 1)),
        0x80..=0xb7 => {
            let len = usize::from(first - 0x80);
            let body = slice(input, 1, len)?;
            if len == 1 && body[0] < 0x80 {
                return Err("a single byte below 0x80 must encode as itself".into());
            }
            Ok((Item::Bytes(body.to_vec()), 1 + len))
        }
        0xb8..=0xbf => {
            let (len, skip) = long_length(input, usize::from(first - 0xb7))?;
            Ok((Item::Bytes(slice(input, skip, len)?.to_vec()), skip + len))
        }
        0xc0..=0xf7 => {
            let len = usize::from(first - 0xc0);
            Ok((Item::List(decode_list(slice(input, 1, len)?)?), 1 + len))
        }
        0xf8..=0xff => {
            let (len, skip) = long_length(input, usize::from(first - 0xf7))?;
            Ok((Item::List(decode_list(slice(input, skip, len)?)?), skip + len))
        }
    }
}

fn decode_list(mut body: &[u8]) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    while !body.is_empty() {
        let (item, used) = decode_one(body)?;
        items.push(item);
        body = &body[used..];
    }
    Ok(items)
}

/// A long-form length of `n` bytes after the prefix byte; returns (length, header size).
fn long_length(input: &[u8], n: usize) -> Result<(usize, usize), String> {
    let bytes = slice(input, 1, n)?;
    if bytes[0] == 0 {
        return Err("length with a leading zero byte".into());
    }
    if n > 4 {
        return Err(format!("length of {n} bytes is too long"));
    }
    let len = bytes.iter().fold(0usize, |acc, x| (acc << 8) | usize::from(*x));
    if len < 56 {
        return Err(format!("length {len} used the long form (below 56 it must be short)"));
    }
    Ok((len, 1 + n))
}

fn slice(input: &[u8], start: usize, len: usize) -> Result<&[u8], String> {
    start
        .checked_add(len)
        .and_then(|end| input.get(start..end))
        .ok_or_else(|| format!("item of {len} bytes runs past the end of {} bytes", input.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> Item {
        Item::Bytes(s.as_bytes().to_vec())
    }

    fn hex(v: &[u8]) -> String {
        v.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// Vectors from Ethereum's RLP tests (ethereum/tests, `RLPTests/rlptest.json`) and the
    /// examples on ethereum.org's RLP page.
    #[test]
    fn encodes_the_published_vectors() {
        let lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
        let cases: Vec<(Item, &str)> = vec![
            (b(""), "80"),
            (b("dog"), "83646f67"),
            (Item::List(vec![b("cat"), b("dog")]), "c88363617483646f67"),
            (Item::List(vec![]), "c0"),
            (Item::uint(0), "80"),
            (Item::uint(15), "0f"),
            (Item::uint(1024), "820400"),
            (Item::Bytes(vec![0]), "00"),
            (Item::uint(0xffffff), "83ffffff"),
            (
                b(lorem),
                "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974",
            ),
            // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
            (
                Item::List(vec![
                    Item::List(vec![]),
                    Item::List(vec![Item::List(vec![])]),
                    Item::List(vec![Item::List(vec![]), Item::List(vec![Item::List(vec![])])]),
                ]),
                "c7c0c1c0c3c0c1c0",
            ),
            (Item::uint(u128::from(u64::MAX)), "88ffffffffffffffff"),
        ];
        for (item, want) in cases {
            let got = encode(&item);
            assert_eq!(hex(&got), want, "{item:?}");
            assert_eq!(decode(&got), Ok(item), "round trip of {want}");
        }
        let long_list = Item::List(vec![b(lorem)]);
        assert_eq!(hex(&encode(&long_list))[..6], *"f83ab8");
    }

    #[test]
    fn non_canonical_or_truncated_input_is_refused_with_a_reason() {
        for (input, says) in [
            (&[][..], "empty"),
            (&[0x83, b'd', b'o'][..], "runs past"),
            (&[0x81, 0x05][..], "encode as itself"),
            (&[0xb8, 0x05, 1, 2, 3, 4, 5][..], "long form"),
            (&[0xb9, 0x00, 0x40][..], "leading zero"),
            (&[0x80, 0x80][..], "trailing"),
            (&[0xc2, 0x83, 0x61][..], "runs past"),
            (&[0xbf, 1, 1, 1, 1, 1, 1, 1, 1][..], "too long"),
        ] {
            let err = decode(input).unwrap_err();
            assert!(err.contains(says), "{input:?}: {err}");
        }
        assert!(Item::Bytes(vec![0, 1]).as_uint().unwrap_err().contains("leading zero"));
        assert!(Item::Bytes(vec![1; 17]).as_uint().unwrap_err().contains("128 bits"));
        assert_eq!(Item::Bytes(vec![]).as_uint(), Ok(0));
    }
}
