//! A small deterministic generator (splitmix64) and the draws the set needs.

use std::cell::Cell;

/// The splitmix64 finaliser: a good 64-bit mixer, also used to derive ids.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64 (interior state, so a draw can sit inside the arguments of a call that also takes the generator).
#[derive(Clone, Debug)]
pub struct Rng(Cell<u64>);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(Cell::new(mix(seed ^ 0x6A09_E667_F3BC_C908)))
    }

    pub fn next_u64(&self) -> u64 {
        let z = self.0.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.0.set(z);
        mix(z)
    }

    /// A child generator, so one consumer's draws never shift another's.
    pub fn fork(&self) -> Rng {
        Rng(Cell::new(self.next_u64()))
    }

    /// Uniform in [0, 1).
    pub fn f(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn range(&self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }

    /// Uniform integer in [lo, hi] (inclusive).
    pub fn int(&self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }

    pub fn below(&self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    pub fn chance(&self, p: f64) -> bool {
        self.f() < p
    }

    pub fn normal(&self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Log-normal with the given median.
    pub fn lognormal(&self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    /// Pareto with scale `xm` and tail index `alpha`.
    pub fn pareto(&self, xm: f64, alpha: f64) -> f64 {
        xm / (1.0 - self.f()).max(1e-9).powf(1.0 / alpha)
    }

    pub fn exp(&self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
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

    pub fn pick<T: Copy>(&self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index drawn with the given (non-negative) weights.
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
}

/// Standard normal distribution function (Abramowitz–Stegun 26.2.17).
pub fn phi(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let d = 0.398_942_280_4 * (-z * z / 2.0).exp();
    let p = d * t * (0.319_381_530 + t * (-0.356_563_782 + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    if z >= 0.0 { 1.0 - p } else { p }
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}
