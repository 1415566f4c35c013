//! A small seeded PRNG (splitmix64) and the draws the set needs.

/// One splitmix64 finalisation step.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a few integers into one.
pub fn hash(parts: &[u64]) -> u64 {
    let mut h: u64 = 0x2121_5151_A5A5_0F0F;
    for p in parts {
        h = mix(h ^ p.wrapping_mul(0x0000_0100_0000_01B3));
    }
    h
}

/// FNV-1a of a tag, to name sub-streams.
pub fn tag(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

#[derive(Clone, Debug)]
pub struct Rng {
    s: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { s: mix(seed) }
    }

    /// An independent stream for (`seed`, `name`, `i`).
    pub fn sub(seed: u64, name: &str, i: u64) -> Self {
        Rng::new(hash(&[seed, tag(name), i]))
    }

    pub fn u64(&mut self) -> u64 {
        self.s = self.s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn uni(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.f()
    }

    /// Uniform integer in [a, b); `a` when the range is empty.
    pub fn range(&mut self, a: i64, b: i64) -> i64 {
        if b <= a { a } else { a + (self.u64() % ((b - a) as u64)) as i64 }
    }

    pub fn idx(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.u64() % n as u64) as usize }
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }

    pub fn normal(&mut self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn gauss(&mut self, mu: f64, sd: f64) -> f64 {
        mu + sd * self.normal()
    }

    pub fn lognorm(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f()).max(1e-12).ln()
    }

    pub fn poisson(&mut self, lam: f64) -> u32 {
        if lam <= 0.0 {
            return 0;
        }
        if lam > 40.0 {
            return self.gauss(lam, lam.sqrt()).round().max(0.0) as u32;
        }
        let l = (-lam).exp();
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

    pub fn poisson_uni(&mut self, a: f64, b: f64) -> u32 {
        let lam = self.uni(a, b);
        self.poisson(lam)
    }

    pub fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.idx(v.len())]
    }

    pub fn weighted(&mut self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        if total <= 0.0 {
            return self.idx(w.len());
        }
        let mut x = self.f() * total;
        for (i, v) in w.iter().enumerate() {
            if x < *v {
                return i;
            }
            x -= v;
        }
        w.len() - 1
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.idx(i + 1);
            v.swap(i, j);
        }
    }

    /// `n` lower-case hex digits.
    pub fn hex(&mut self, n: usize) -> String {
        const H: &[u8] = b"0123456789abcdef";
        let mut s = String::with_capacity(n);
        let mut x = 0u64;
        for i in 0..n {
            if i % 16 == 0 {
                x = self.u64();
            }
            s.push(H[(x & 15) as usize] as char);
            x >>= 4;
        }
        s
    }

    /// `n` decimal digits, the first not zero.
    pub fn digits(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        s.push((b'1' + (self.u64() % 9) as u8) as char);
        for _ in 1..n {
            s.push((b'0' + (self.u64() % 10) as u8) as char);
        }
        s
    }
}

/// 64 hex digits derived from a number (transaction hashes).
pub fn hex64(seed: u64, n: u64) -> String {
    let mut r = Rng::new(hash(&[seed, 0x7478, n]));
    r.hex(64)
}
