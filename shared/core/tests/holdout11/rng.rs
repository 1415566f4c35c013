//! A small seeded generator (splitmix64), so the set is the same on every machine.

use std::cell::Cell;

pub struct Rng(Cell<u64>);

pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(Cell::new(mix(seed ^ 0x5DEE_CE66_D1CE_4E5B)))
    }
    pub fn u64(&self) -> u64 {
        let v = self.0.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.0.set(v);
        mix(v)
    }
    pub fn fork(&self) -> Rng {
        Rng::new(self.u64())
    }
    /// Uniform in [0, 1).
    pub fn f(&self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn uni(&self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    /// Uniform integer in [lo, hi) (lo when the range is empty).
    pub fn range(&self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.u64() % (hi - lo) as u64) as i64 }
    }
    pub fn below(&self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.u64() % n as u64) as usize }
    }
    pub fn chance(&self, p: f64) -> bool {
        self.f() < p
    }
    pub fn normal(&self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
    pub fn lognormal(&self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }
    pub fn exp(&self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }
    pub fn poisson(&self, lambda: f64) -> usize {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as usize;
        }
        let l = (-lambda).exp();
        let mut k = 0;
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
        &v[self.below(v.len())]
    }
    /// Index chosen with the given weights.
    pub fn weighted(&self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        let mut x = self.f() * total;
        for (i, &wi) in w.iter().enumerate() {
            if x < wi {
                return i;
            }
            x -= wi;
        }
        w.len() - 1
    }
    pub fn hex(&self, n: usize) -> String {
        const H: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(n + 2);
        s.push_str("0x");
        let mut word = 0u64;
        for i in 0..n {
            if i % 16 == 0 {
                word = self.u64();
            }
            s.push(H[(word & 15) as usize] as char);
            word >>= 4;
        }
        s
    }
    /// A CLOB token id: a 76–77 digit decimal number.
    pub fn token_id(&self) -> String {
        let len = 76 + self.below(2);
        let mut s = String::with_capacity(len);
        s.push((b'1' + self.below(9) as u8) as char);
        while s.len() < len {
            s.push((b'0' + self.below(10) as u8) as char);
        }
        s
    }
    pub fn shuffle<T>(&self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
