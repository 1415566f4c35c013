//! Deterministic hashing and the few float functions the price model needs.
//!
//! Books are a pure function of (token, second): they come from hashes, not from a stateful RNG,
//! so any instant can be read in any order and still give the same book.

use rand::Rng;
use rand_distr::{Distribution, Exp1, StandardNormal};

/// SplitMix64's finaliser: a fast, well-mixed hash of one 64-bit value.
pub(crate) fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of three values.
pub(crate) fn hash3(a: u64, b: u64, c: u64) -> u64 {
    mix64(mix64(mix64(a) ^ b) ^ c)
}

/// A hash mapped to [0, 1).
pub(crate) fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// `0x` followed by 64 lowercase hex digits derived from `seed` (transaction hashes).
pub(crate) fn hex64(seed: u64) -> String {
    let mut out = String::with_capacity(66);
    out.push_str("0x");
    let mut h = seed;
    for _ in 0..4 {
        h = mix64(h);
        push_hex(&mut out, h);
    }
    out
}

fn push_hex(out: &mut String, v: u64) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for i in (0..16).rev() {
        out.push(DIGITS[((v >> (i * 4)) & 0xf) as usize] as char);
    }
}

/// `0x` + `digits` random lowercase hex digits.
pub(crate) fn random_hex(rng: &mut impl Rng, digits: usize) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digits + 2);
    out.push_str("0x");
    for _ in 0..digits {
        out.push(DIGITS[rng.random_range(0..16)] as char);
    }
    out
}

/// A random decimal number of exactly `digits` digits (CLOB token ids are 256-bit integers).
pub(crate) fn random_decimal_digits(rng: &mut impl Rng, digits: usize) -> String {
    let mut out = String::with_capacity(digits);
    out.push(char::from(b'1' + rng.random_range(0..9u8)));
    for _ in 1..digits {
        out.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    out
}

/// A standard normal draw.
pub(crate) fn normal(rng: &mut impl Rng) -> f64 {
    StandardNormal.sample(rng)
}

/// An exponential draw with the given mean.
pub(crate) fn exponential(rng: &mut impl Rng, mean: f64) -> f64 {
    let e: f64 = Exp1.sample(rng);
    e * mean
}

/// A Poisson draw (Knuth's method; the means used here are small).
pub(crate) fn poisson(rng: &mut impl Rng, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    if mean > 60.0 {
        return (mean + mean.sqrt() * normal(rng)).round().max(0.0) as u32;
    }
    let limit = (-mean).exp();
    let mut k = 0;
    let mut p: f64 = rng.random();
    while p > limit {
        k += 1;
        p *= rng.random::<f64>();
    }
    k
}

/// The standard normal CDF Φ.
pub(crate) fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Complementary error function (Numerical Recipes `erfcc`, relative error < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07 + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.0) - 0.841_344_746).abs() < 1e-6);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
    }

    #[test]
    fn transaction_hashes_are_0x_and_64_hex_digits() {
        let h = hex64(42);
        assert_eq!(h.len(), 66);
        assert!(h.starts_with("0x") && h[2..].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_ne!(hex64(42), hex64(43));
    }
}
