//! A small seeded PRNG (splitmix64) and the few distributions the set needs.

/// The splitmix64 finaliser: a good 64-bit mixer.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes two values into one hash.
pub fn hash2(a: u64, b: u64) -> u64 {
    mix(mix(a) ^ b.rotate_left(23) ^ 0x5851_F42D_4C95_7F2D)
}

/// A hash as a uniform number in [0, 1).
pub fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / 9_007_199_254_740_992.0
}

/// FNV-1a over a string, for stable keys.
pub fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Interior mutability lets a draw appear inside the arguments of a call that also takes the rng.
#[derive(Clone, Debug)]
pub struct Rng {
    s: std::cell::Cell<u64>,
    spare: std::cell::Cell<Option<f64>>,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { s: std::cell::Cell::new(mix(seed ^ 0xD1B5_4A32_D192_ED03)), spare: std::cell::Cell::new(None) }
    }

    /// An independent stream for a sub-task, derived from this one's seed and a tag.
    pub fn derive(seed: u64, tag: u64) -> Self {
        Rng::new(hash2(seed, tag))
    }

    pub fn u64(&self) -> u64 {
        let mut z = self.s.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.s.set(z);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn f(&self) -> f64 {
        unit(self.u64())
    }

    pub fn range(&self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }

    /// Uniform integer in [lo, hi] inclusive.
    pub fn int(&self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.u64() % ((hi - lo + 1) as u64)) as i64
    }

    pub fn below(&self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.u64() % n as u64) as usize }
    }

    pub fn chance(&self, p: f64) -> bool {
        self.f() < p
    }

    pub fn normal(&self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let u1 = self.f().max(1e-300);
        let u2 = self.f();
        let r = (-2.0 * u1.ln()).sqrt();
        let th = std::f64::consts::TAU * u2;
        self.spare.set(Some(r * th.sin()));
        r * th.cos()
    }

    /// Log-normal with the given median and log-sd.
    pub fn lognormal(&self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    pub fn exp(&self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-300).ln()
    }

    pub fn poisson(&self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as u32;
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

    /// Geometric count >= 1 with the given mean.
    pub fn geometric(&self, mean: f64) -> u32 {
        let p = (1.0 / mean.max(1.0)).min(1.0);
        let mut k = 1;
        while !self.chance(p) && k < 1000 {
            k += 1;
        }
        k
    }

    pub fn pick<'a, T>(&self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn weighted(&self, ws: &[f64]) -> usize {
        let total: f64 = ws.iter().sum();
        let mut x = self.f() * total;
        for (i, w) in ws.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        ws.len() - 1
    }

    pub fn shuffle<T>(&self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// k distinct indices below n (k clamped to n).
    pub fn sample(&self, n: usize, k: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        self.shuffle(&mut v);
        v.truncate(k.min(n));
        v
    }
}

/// Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07 + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Standard normal CDF.
pub fn phi(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Inverse of `phi` by bisection (rarely called).
pub fn inv_phi(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    let (mut lo, mut hi) = (-9.0, 9.0);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if phi(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

pub fn logistic(l: f64) -> f64 {
    1.0 / (1.0 + (-l).exp())
}

/// 64 lower-case hex digits derived from a hash.
pub fn hex64(h: u64) -> String {
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for i in 0..4u64 {
        s.push_str(&format!("{:016x}", mix(h.wrapping_add(i.wrapping_mul(0x632B_E59B_D9B4_E019)))));
    }
    s
}

/// A decimal CLOB token id: 77 digits, no leading zero.
pub fn token_id(h: u64) -> String {
    let mut s = String::with_capacity(80);
    s.push(char::from(b'1' + (mix(h) % 9) as u8));
    for i in 0..4u64 {
        let v = mix(h ^ (i + 1).wrapping_mul(0xA076_1D64_78BD_642F)) % 10_000_000_000_000_000_000;
        s.push_str(&format!("{v:019}"));
    }
    s
}
