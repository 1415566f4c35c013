//! A small seeded PRNG (xoshiro256**) and the draws the set needs.

pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// `n` lowercase hex digits drawn from a key.
pub fn hex_of(key: u64, n: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(n + 2);
    out.push_str("0x");
    let mut z = key;
    let mut word = 0u64;
    for i in 0..n {
        if i % 16 == 0 {
            z = mix(z ^ (i as u64).wrapping_mul(0x1234_5678_9abc_def1));
            word = z;
        }
        out.push(HEX[(word & 15) as usize] as char);
        word >>= 4;
    }
    out
}

/// A decimal token id of `n` digits with no leading zero.
pub fn digits_of(key: u64, n: usize) -> String {
    let mut out = String::with_capacity(n);
    let mut z = key;
    for i in 0..n {
        z = mix(z ^ i as u64);
        let d = if i == 0 { 1 + z % 9 } else { z % 10 };
        out.push((b'0' + d as u8) as char);
    }
    out
}

#[derive(Clone, Debug)]
pub struct Rng {
    s: std::cell::Cell<[u64; 4]>,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut z = seed;
        let mut s = [0u64; 4];
        for x in &mut s {
            z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
            *x = mix(z);
        }
        Rng { s: std::cell::Cell::new(s) }
    }

    pub fn derive(seed: u64, a: u64) -> Self {
        Rng::new(mix(seed ^ mix(a.wrapping_add(0x5151))))
    }

    pub fn u64(&self) -> u64 {
        let mut s = self.s.get();
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        self.s.set(s);
        result
    }

    pub fn f(&self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.u64() % n }
    }

    /// Uniform in lo..hi (hi exclusive; lo when empty).
    pub fn range(&self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + self.below((hi - lo) as u64) as i64 }
    }

    pub fn uni(&self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }

    pub fn chance(&self, p: f64) -> bool {
        self.f() < p
    }

    pub fn normal(&self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn exp(&self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }

    pub fn lognormal(&self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    pub fn poisson(&self, lambda: f64) -> u64 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            let x = lambda + lambda.sqrt() * self.normal();
            return x.round().max(0.0) as u64;
        }
        let l = (-lambda).exp();
        let mut k = 0u64;
        let mut p = 1.0;
        loop {
            p *= self.f();
            if p <= l {
                return k;
            }
            k += 1;
        }
    }

    pub fn pick<'a, T>(&self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }

    pub fn weighted(&self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        let mut x = self.f() * total;
        for (i, &v) in w.iter().enumerate() {
            if x < v {
                return i;
            }
            x -= v;
        }
        w.len() - 1
    }

    /// An index in 0..n biased towards the front (a few regulars, a long tail).
    pub fn skewed(&self, n: usize, power: f64) -> usize {
        ((n as f64) * self.f().powf(power)).floor().min(n as f64 - 1.0).max(0.0) as usize
    }

    pub fn shuffle<T>(&self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

/// Standard normal cumulative distribution.
pub fn phi(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 on erf.
    let z = x / std::f64::consts::SQRT_2;
    let s = if z < 0.0 { -1.0 } else { 1.0 };
    let a = z.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-a * a).exp();
    0.5 * (1.0 + s * y)
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}
