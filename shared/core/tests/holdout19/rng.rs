//! Holdout 19's own seeded generator: a xorshift-multiply stream with named forks, so every
//! wallet, market and crowd member draws from its own sequence and adding one does not shift
//! the others. No system time, no hashing of addresses.

#[derive(Clone, Debug)]
pub struct Rng {
    s: u64,
    inc: u64,
}

/// A 64-bit finaliser (Moremur-style): turns counters into well-spread bits.
pub fn scramble(mut x: u64) -> u64 {
    x ^= x >> 27;
    x = x.wrapping_mul(0x3C79_AC49_2BA7_B653);
    x ^= x >> 33;
    x = x.wrapping_mul(0x1C69_B3F7_4AC4_AE35);
    x ^ (x >> 27)
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { s: scramble(seed ^ 0x1919_1919_5EED_0019), inc: scramble(seed.wrapping_add(0xA5A5)) | 1 }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.s = self.s.wrapping_add(self.inc.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        scramble(self.s)
    }

    /// An independent stream named by `salt`.
    pub fn fork(&mut self, salt: u64) -> Rng {
        let a = self.next_u64();
        Rng::new(a ^ scramble(salt.wrapping_mul(0xD6E8_FEB8_6659_FD93)))
    }

    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f64()
    }

    /// Inclusive integer range.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.next_u64() % (hi - lo + 1) as u64) as i64 }
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    pub fn normal(&mut self) -> f64 {
        // Marsaglia polar method, one value per call.
        loop {
            let u = 2.0 * self.f64() - 1.0;
            let v = 2.0 * self.f64() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
    }

    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f64()).max(1e-15).ln()
    }

    pub fn poisson(&mut self, lambda: f64) -> usize {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as usize;
        }
        let limit = (-lambda).exp();
        let mut k = 0;
        let mut prod = self.f64();
        while prod > limit {
            k += 1;
            prod *= self.f64();
        }
        k
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn weighted(&mut self, ws: &[f64]) -> usize {
        let total: f64 = ws.iter().sum();
        if total <= 0.0 {
            return self.below(ws.len());
        }
        let mut x = self.f64() * total;
        for (i, w) in ws.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= *w;
        }
        ws.len() - 1
    }

    /// `k` distinct indices below `n` (fewer if `n < k`), in draw order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }

    /// Between `lo` and `hi` distinct indices below `n`.
    pub fn sample_k(&mut self, n: usize, lo: i64, hi: i64) -> Vec<usize> {
        let k = self.int(lo, hi) as usize;
        self.sample(n, k)
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    pub fn hex(&mut self, n: usize) -> String {
        const H: &[u8; 16] = b"0123456789abcdef";
        (0..n).map(|_| H[(self.next_u64() >> 60) as usize] as char).collect()
    }

    /// `n` decimal digits, the first not zero.
    pub fn digits(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        s.push((b'1' + (self.next_u64() % 9) as u8) as char);
        while s.len() < n {
            s.push((b'0' + (self.next_u64() % 10) as u8) as char);
        }
        s
    }
}

/// The standard normal distribution function (Zelen & Severo).
pub fn phi(x: f64) -> f64 {
    if x > 8.0 {
        return 1.0;
    }
    if x < -8.0 {
        return 0.0;
    }
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let d = 0.398_942_28 * (-x * x / 2.0).exp();
    let q = d * t * (0.319_381_53 + t * (-0.356_563_78 + t * (1.781_477_9 + t * (-1.821_256 + t * 1.330_274_4))));
    if x >= 0.0 { 1.0 - q } else { q }
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}
