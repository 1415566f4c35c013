//! Money, prices and share quantities as distinct decimal types.
//!
//! The older design passed dollars where share counts were expected; separate types make that a
//! compile error. Arithmetic between them is limited to what is meaningful:
//! `Shares * Price = Usd`, `Usd / Price = Shares`.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// The longest text read as a decimal: 28 significant digits, a sign, a point and an exponent fit
/// with room to spare. rust_decimal's parser recurses once per `_` separator, so unbounded text
/// from outside (a queue body, an API field) could overflow the stack and kill the process.
pub const MAX_DECIMAL_TEXT: usize = 64;

/// Reads outside text as a decimal — plain (`0.53`, `-12`) or scientific (`5.3e-1`) — refusing
/// text longer than [`MAX_DECIMAL_TEXT`] and `_` separators (no API we read writes them) before
/// rust_decimal sees it. Surrounding whitespace is ignored.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() || t.len() > MAX_DECIMAL_TEXT || t.contains('_') {
        return None;
    }
    t.parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(t).ok())
}

/// Deserializes a decimal from a JSON string or number through [`parse_decimal`] (for
/// `#[serde(deserialize_with)]` on decimals read from outside).
pub fn deserialize_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct Visit;
    impl serde::de::Visitor<'_> for Visit {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a decimal number or numeric string of at most {MAX_DECIMAL_TEXT} characters")
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
            // The shortest text that reads back as `v`, so 0.53 stays exactly 0.53.
            let text = if v.is_finite() { v.to_string() } else { String::new() };
            parse_decimal(&text).ok_or_else(|| E::custom(format_args!("{v} is not a decimal in range")))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
            parse_decimal(v).ok_or_else(|| {
                let shown: String = v.chars().take(40).collect();
                E::custom(format_args!("`{shown}` is not a decimal"))
            })
        }
    }
    d.deserialize_any(Visit)
}

macro_rules! decimal_newtype {
    ($(#[$meta:meta])* $name:ident, $unit:literal) => {
        decimal_newtype!($(#[$meta])* $name);
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!("{}", $unit), self.0.normalize())
            }
        }
    };
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(#[serde(deserialize_with = "deserialize_decimal")] pub Decimal);

        impl $name {
            /// Zero of this quantity.
            pub const ZERO: Self = Self(Decimal::ZERO);
            /// The underlying decimal.
            pub fn value(self) -> Decimal {
                self.0
            }
            /// A lossy float for statistics and display only, never for money arithmetic.
            pub fn to_f64(self) -> f64 {
                self.0.to_f64().unwrap_or(0.0)
            }
            /// Scales by a dimensionless factor.
            pub fn times(self, factor: Decimal) -> Self {
                Self(self.0 * factor)
            }
            /// The smaller of two quantities.
            pub fn min(self, other: Self) -> Self {
                if self <= other { self } else { other }
            }
            /// The larger of two quantities.
            pub fn max(self, other: Self) -> Self {
                if self >= other { self } else { other }
            }
            /// True when strictly above zero.
            pub fn is_positive(self) -> bool {
                self.0 > Decimal::ZERO
            }
        }

        impl Add for $name {
            type Output = Self;
            fn add(self, rhs: Self) -> Self {
                Self(self.0 + rhs.0)
            }
        }
        impl Sub for $name {
            type Output = Self;
            fn sub(self, rhs: Self) -> Self {
                Self(self.0 - rhs.0)
            }
        }
        impl AddAssign for $name {
            fn add_assign(&mut self, rhs: Self) {
                self.0 += rhs.0;
            }
        }
        impl SubAssign for $name {
            fn sub_assign(&mut self, rhs: Self) {
                self.0 -= rhs.0;
            }
        }
        impl Neg for $name {
            type Output = Self;
            fn neg(self) -> Self {
                Self(-self.0)
            }
        }
        impl std::iter::Sum for $name {
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                iter.fold(Self::ZERO, |a, b| a + b)
            }
        }
    };
}

decimal_newtype!(
    /// An amount of collateral (USDC / pUSD), in dollars.
    Usd
);

/// Money reads as money: `$46.67`, `-$3.20` (to the cent, half away from zero); `{:+}` signs
/// it (`+$0.11`, `-$3.20`, `$0.00`); `{:#}` keeps every digit (`$0.1089027`), for details where a
/// fraction of a cent decides (a venue minimum, a fee).
impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = if f.alternate() {
            self.0.normalize()
        } else {
            self.0.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        };
        let sign = if shown < Decimal::ZERO {
            "-"
        } else if f.sign_plus() && shown > Decimal::ZERO {
            "+"
        } else {
            ""
        };
        let digits = if f.alternate() { format!("{}", shown.abs()) } else { format!("{:.2}", shown.abs()) };
        f.pad(&format!("{sign}${digits}"))
    }
}
decimal_newtype!(
    /// A quantity of outcome-token shares.
    Shares,
    " sh"
);
decimal_newtype!(
    /// A price per share, between 0 and 1 for a binary outcome token.
    Price,
    ""
);

impl Mul<Price> for Shares {
    type Output = Usd;
    fn mul(self, rhs: Price) -> Usd {
        Usd(self.0 * rhs.0)
    }
}

impl Div<Price> for Usd {
    type Output = Shares;
    /// Dollars to shares at a price; a zero price yields zero shares rather than a panic.
    fn div(self, rhs: Price) -> Shares {
        if rhs.0.is_zero() { Shares::ZERO } else { Shares(self.0 / rhs.0) }
    }
}

impl Price {
    /// One dollar: what a winning share redeems for.
    pub const ONE: Price = Price(Decimal::ONE);

    /// Rounds down to a multiple of `tick` (a buy never pays more than intended).
    pub fn floor_to_tick(self, tick: Price) -> Price {
        Price(floor_to_step(self.0, tick.0))
    }

    /// Rounds up to a multiple of `tick` (a sell never gives away more than intended).
    pub fn ceil_to_tick(self, tick: Price) -> Price {
        if tick.0.is_zero() {
            return self;
        }
        let floored = floor_to_step(self.0, tick.0);
        if floored == self.0 { self } else { Price(floored + tick.0) }
    }

    /// True for a price a binary outcome can trade at: strictly between 0 and 1.
    pub fn is_tradable(self) -> bool {
        self.0 > Decimal::ZERO && self.0 < Decimal::ONE
    }
}

impl Shares {
    /// Rounds down to a multiple of `step` (the venue's size increment).
    pub fn floor_to_step(self, step: Shares) -> Shares {
        Shares(floor_to_step(self.0, step.0))
    }
}

/// Rounds `value` down to a multiple of `step`; a zero step leaves it unchanged.
pub fn floor_to_step(value: Decimal, step: Decimal) -> Decimal {
    if step.is_zero() {
        return value;
    }
    (value / step).floor() * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn decimal_text_is_read_plain_or_scientific_and_long_or_separated_text_is_refused() {
        assert_eq!(parse_decimal(" 0.53 "), Some(dec!(0.53)));
        assert_eq!(parse_decimal("-12"), Some(dec!(-12)));
        assert_eq!(parse_decimal("5.3e-1"), Some(dec!(0.53)));
        assert_eq!(parse_decimal("1_000"), None, "no API we read writes separators");
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal(&"1".repeat(MAX_DECIMAL_TEXT + 1)), None);
        // rust_decimal recurses once per separator: this text overflowed the stack (found by
        // the queue_signals fuzz target) and must now be refused without parsing.
        let text = format!("1{}", "_".repeat(200_000));
        assert_eq!(parse_decimal(&text), None);
        let body = format!("{{\"p\": \"{text}\"}}");
        #[derive(Deserialize)]
        struct P {
            #[allow(dead_code)]
            p: Price,
        }
        assert!(serde_json::from_str::<P>(&body).is_err());
        let ok: P = serde_json::from_str(r#"{"p": 0.53}"#).unwrap();
        assert_eq!(ok.p, Price(dec!(0.53)));
        let ok: P = serde_json::from_str(r#"{"p": "0.5300"}"#).unwrap();
        assert_eq!(ok.p.0.to_string(), "0.5300", "a string keeps its scale, as before");
    }

    #[test]
    fn dollars_over_price_are_shares_not_dollars() {
        let shares = Usd(dec!(3)) / Price(dec!(0.30));
        assert_eq!(shares, Shares(dec!(10)));
        assert_eq!(shares * Price(dec!(0.30)), Usd(dec!(3)));
    }

    #[test]
    fn thirty_cents_stays_thirty_cents() {
        let p = Price(dec!(0.1) + dec!(0.2));
        assert_eq!(p, Price(dec!(0.3)));
    }

    #[test]
    fn tick_rounding_goes_the_safe_way() {
        let tick = Price(dec!(0.01));
        assert_eq!(Price(dec!(0.537)).floor_to_tick(tick), Price(dec!(0.53)));
        assert_eq!(Price(dec!(0.531)).ceil_to_tick(tick), Price(dec!(0.54)));
        assert_eq!(Price(dec!(0.53)).ceil_to_tick(tick), Price(dec!(0.53)));
        assert_eq!(Shares(dec!(7.39)).floor_to_step(Shares(dec!(0.1))), Shares(dec!(7.3)));
    }

    #[test]
    fn money_reads_as_money() {
        assert_eq!(Usd(dec!(46.6700)).to_string(), "$46.67");
        assert_eq!(Usd(dec!(0.1089027)).to_string(), "$0.11");
        assert_eq!(format!("{:+}", Usd(dec!(0.1089027))), "+$0.11");
        assert_eq!(format!("{:+}", Usd(dec!(-3.2))), "-$3.20");
        assert_eq!(format!("{:+}", Usd(dec!(0.001))), "$0.00");
        assert_eq!(Usd(dec!(-0.004)).to_string(), "$0.00", "no negative zero");
        assert_eq!(Usd(dec!(0.005)).to_string(), "$0.01", "half a cent rounds away from zero");
        assert_eq!(format!("{:#}", Usd(dec!(0.1089027))), "$0.1089027");
        assert_eq!(format!("{:>8}", Usd(dec!(5))), "   $5.00", "width and alignment apply to the whole");
    }

    #[test]
    fn zero_price_gives_zero_shares() {
        assert_eq!(Usd(dec!(5)) / Price(Decimal::ZERO), Shares::ZERO);
    }
}
