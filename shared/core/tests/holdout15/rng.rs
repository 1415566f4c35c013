//! A small seeded generator (SplitMix64) and the hashing used to name things.

/// SplitMix64's finaliser: a good 64-bit mixer.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes two words into one.
pub fn mix(a: u64, b: u64) -> u64 {
    mix64(a ^ mix64(b.wrapping_add(0x632B_E59B_D9B4_E019)))
}

/// FNV-1a of a string, mixed.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix64(h)
}

/// `n` lowercase hex digits derived from a seed.
pub fn hex_from(seed: u64, n: usize) -> String {
    let mut out = String::with_capacity(n);
    let mut k = 0u64;
    while out.len() < n {
        let w = mix(seed, k);
        for i in 0..16 {
            if out.len() == n {
                break;
            }
            let d = ((w >> (i * 4)) & 0xF) as u32;
            out.push(char::from_digit(d, 16).unwrap_or('0'));
        }
        k += 1;
    }
    out
}

/// `n` decimal digits derived from a seed, the first not zero.
pub fn digits_from(seed: u64, n: usize) -> String {
    let mut out = String::with_capacity(n);
    let mut k = 0u64;
    while out.len() < n {
        let w = mix(seed, k.wrapping_add(0x51));
        let d = (w % 10) as u32;
        let d = if out.is_empty() && d == 0 { 1 + (w >> 8) as u32 % 9 } else { d };
        out.push(char::from_digit(d, 10).unwrap_or('1'));
        k += 1;
    }
    out
}

#[derive(Clone, Debug)]
pub struct Rng(std::cell::Cell<u64>);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(std::cell::Cell::new(mix64(seed ^ 0x1F15_0000_C0DE_CA75)))
    }

    /// An independent stream derived from this one's state and a tag (does not advance it).
    pub fn fork(&self, tag: u64) -> Rng {
        Rng::new(mix(self.0.get(), tag))
    }

    pub fn next_u64(&self) -> u64 {
        let s = self.0.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.0.set(s);
        mix64(s)
    }

    /// Uniform in [0, 1).
    pub fn f(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [a, b).
    pub fn range(&self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.f()
    }

    /// Uniform integer in a..=b.
    pub fn int(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return a;
        }
        let span = (b - a + 1) as u64;
        a + (self.next_u64() % span) as i64
    }

    /// Uniform index below n (n > 0).
    pub fn below(&self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    pub fn chance(&self, p: f64) -> bool {
        self.f() < p
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn lognormal(&self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    /// Exponential with the given mean.
    pub fn exp(&self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }

    pub fn poisson(&self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            let x = lambda + lambda.sqrt() * self.normal();
            return x.round().max(0.0) as u32;
        }
        let l = (-lambda).exp();
        let mut k = 0u32;
        let mut p = 1.0;
        loop {
            p *= self.f();
            if p <= l {
                return k;
            }
            k += 1;
        }
    }

    pub fn pick<'a, T>(&self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// Index drawn in proportion to non-negative weights (the last index if all are zero).
    pub fn weighted(&self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        if total <= 0.0 {
            return w.len().saturating_sub(1);
        }
        let mut x = self.f() * total;
        for (i, &v) in w.iter().enumerate() {
            if x < v {
                return i;
            }
            x -= v;
        }
        w.len() - 1
    }

    /// Index with a Zipf-like preference for small indices.
    pub fn zipf(&self, n: usize, s: f64) -> usize {
        if n <= 1 {
            return 0;
        }
        let u = self.f();
        let x = ((n as f64 + 1.0).powf(1.0 - s) - 1.0) * u + 1.0;
        let k = x.powf(1.0 / (1.0 - s)) - 1.0;
        (k.max(0.0) as usize).min(n - 1)
    }

    pub fn shuffle<T>(&self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf).
pub fn phi(x: f64) -> f64 {
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-z * z).exp();
    let erf = if z >= 0.0 { y } else { -y };
    0.5 * (1.0 + erf)
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
