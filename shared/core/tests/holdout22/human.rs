//! People's clocks: where they live, when they sleep, when they sit down to trade, and how their
//! activity changes over the month.

use super::rng::*;
use super::world::{DAY, HOUR, MIN};
use super::{NOW, START};

/// Sydney moves to daylight time on 4 October 2026 (02:00 local).
pub const AU_DST: i64 = 1_791_043_200;
/// Auckland moves to daylight time on 27 September 2026 (02:00 local).
pub const NZ_DST: i64 = 1_790_431_200;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Region {
    UsEast,
    UsCentral,
    UsWest,
    LatAm,
    Uk,
    Europe,
    EastEurope,
    Gulf,
    India,
    SeAsia,
    China,
    Korea,
    Australia,
    NewZealand,
}

pub const ALL_REGIONS: &[(Region, f64)] = &[
    (Region::UsEast, 0.2),
    (Region::UsCentral, 0.08),
    (Region::UsWest, 0.1),
    (Region::LatAm, 0.07),
    (Region::Uk, 0.08),
    (Region::Europe, 0.15),
    (Region::EastEurope, 0.06),
    (Region::Gulf, 0.02),
    (Region::India, 0.03),
    (Region::SeAsia, 0.04),
    (Region::China, 0.06),
    (Region::Korea, 0.04),
    (Region::Australia, 0.05),
    (Region::NewZealand, 0.02),
];

impl Region {
    pub fn base_tz(self) -> f64 {
        match self {
            Region::UsEast => -4.0,
            Region::UsCentral => -5.0,
            Region::UsWest => -7.0,
            Region::LatAm => -3.0,
            Region::Uk => 1.0,
            Region::Europe => 2.0,
            Region::EastEurope => 3.0,
            Region::Gulf => 4.0,
            Region::India => 5.5,
            Region::SeAsia => 7.0,
            Region::China => 8.0,
            Region::Korea => 9.0,
            Region::Australia => 10.0,
            Region::NewZealand => 12.0,
        }
    }
    /// The market region they follow most: 0 US, 1 Europe, 2 Asia, 3 Latin America.
    pub fn home(self) -> u8 {
        match self {
            Region::UsEast | Region::UsCentral | Region::UsWest => 0,
            Region::LatAm => 3,
            Region::Uk | Region::Europe | Region::EastEurope | Region::Gulf => 1,
            _ => 2,
        }
    }
    pub fn is_us(self) -> bool {
        self.home() == 0
    }
}

pub fn pick_region(rng: &Rng, allowed: &[Region]) -> Region {
    let pool: Vec<(Region, f64)> = ALL_REGIONS.iter().copied().filter(|(r, _)| allowed.is_empty() || allowed.contains(r)).collect();
    let w: Vec<f64> = pool.iter().map(|p| p.1).collect();
    pool[rng.weighted(&w)].0
}

#[derive(Clone, Debug)]
pub struct Person {
    pub region: Region,
    pub wake: f64,
    pub bed: f64,
    pub works: bool,
    pub seed: u64,
    pub days: Vec<f64>,
    pub jitter: f64,
}

pub const NDAYS: usize = 32;

impl Person {
    pub fn random(rng: &Rng, allowed: &[Region]) -> Person {
        let region = pick_region(rng, allowed);
        let owl = rng.chance(0.15);
        let wake = if owl { rng.range(9.5, 12.0) } else { (7.3 + 0.9 * rng.normal()).clamp(5.0, 10.0) };
        let bed = if owl { rng.range(25.5, 28.0) } else { (wake + 15.8 + 0.8 * rng.normal()).clamp(21.0, 26.5) };
        let days = pattern(rng);
        Person { region, wake, bed, works: rng.chance(0.65), seed: rng.u64(), days, jitter: rng.range(0.8, 1.8) }
    }

    pub fn offset(&self, t: i64) -> f64 {
        let base = self.region.base_tz();
        match self.region {
            Region::Australia if t >= AU_DST => base + 1.0,
            Region::NewZealand if t >= NZ_DST => base + 1.0,
            _ => base,
        }
    }

    /// (local day number, local hour, weekday 0 = Monday)
    pub fn local(&self, t: i64) -> (i64, f64, i64) {
        let lt = t + (self.offset(t) * HOUR as f64) as i64;
        let ld = lt.div_euclid(DAY);
        let h = lt.rem_euclid(DAY) as f64 / HOUR as f64;
        (ld, h, (ld + 3).rem_euclid(7))
    }

    /// UTC time of local midnight starting local day `ld`.
    pub fn day_start(&self, ld: i64) -> i64 {
        let guess = ld * DAY;
        guess - (self.offset(guess) * HOUR as f64) as i64
    }

    pub fn day_index(&self, t: i64) -> usize {
        let (ld, _, _) = self.local(t);
        let (l0, _, _) = self.local(START);
        (ld - l0).clamp(0, NDAYS as i64 - 1) as usize
    }

    pub fn day_mult(&self, t: i64) -> f64 {
        self.days[self.day_index(t)]
    }

    fn bounds(&self, ld: i64) -> (f64, f64) {
        let wd = (ld + 3).rem_euclid(7);
        let j = hash2(self.seed, ld as u64);
        let weekend = wd >= 5;
        let wake = self.wake + (unit(j) - 0.5) * self.jitter + if weekend { 0.9 } else { 0.0 };
        let bed = self.bed + (unit(mix(j)) - 0.5) * self.jitter + if wd == 4 || wd == 5 { 1.0 } else { 0.0 };
        (wake, bed)
    }

    pub fn awake(&self, t: i64) -> bool {
        let (ld, h, _) = self.local(t);
        let (w, b) = self.bounds(ld);
        if h >= w && h < b.min(24.0) {
            return true;
        }
        let (_, bp) = self.bounds(ld - 1);
        bp > 24.0 && h < bp - 24.0
    }

    /// How likely they are to be at a screen at t (0 when asleep).
    pub fn shape(&self, t: i64) -> f64 {
        if !self.awake(t) {
            return 0.0;
        }
        let (ld, h, wd) = self.local(t);
        let (w, _) = self.bounds(ld);
        let weekend = wd >= 5;
        let mut x = 1.0;
        if h >= w && h < w + 1.0 {
            x = 1.1;
        }
        if self.works && !weekend {
            if (9.0..12.0).contains(&h) || (13.5..17.5).contains(&h) {
                x = 0.3;
            } else if (12.0..13.5).contains(&h) {
                x = 0.8;
            }
        }
        if (18.5..23.5).contains(&h) {
            x = 1.5;
        }
        if h < 5.0 {
            x = 0.8;
        }
        if weekend {
            x *= 1.2;
        }
        x
    }

    /// Session start times between from and to, `per_day` sessions on an average active day.
    pub fn sessions(&self, rng: &Rng, from: i64, to: i64, per_day: f64) -> Vec<i64> {
        let mut out = Vec::new();
        let (l0, _, _) = self.local(from.max(START));
        let (l1, _, _) = self.local(to.min(NOW));
        for ld in l0..=l1 {
            let ds = self.day_start(ld);
            let mult = self.day_mult(ds + 12 * HOUR);
            if mult <= 0.0 {
                continue;
            }
            let wd = (ld + 3).rem_euclid(7);
            let k = rng.poisson(per_day * mult * if wd >= 5 { 1.2 } else { 1.0 });
            for _ in 0..k {
                for _ in 0..60 {
                    let t = ds + rng.int(0, DAY - 1);
                    if rng.f() * 1.8 < self.shape(t) {
                        if t > from && t < to && t > START && t <= NOW {
                            out.push(t);
                        }
                        break;
                    }
                }
            }
        }
        out.sort();
        out.dedup_by(|a, b| (*a - *b).abs() < 10 * MIN);
        out
    }

    /// The first time at or after t when they are awake (plus the time it takes to look).
    pub fn next_awake(&self, t: i64) -> i64 {
        let mut x = t;
        for _ in 0..200 {
            if self.awake(x) {
                return x;
            }
            x += 10 * MIN;
        }
        x
    }
}

/// A month of daily activity multipliers (0 = did not trade that day).
pub fn pattern(rng: &Rng) -> Vec<f64> {
    let n = NDAYS;
    let kind = rng.weighted(&[0.34, 0.2, 0.14, 0.12, 0.14, 0.06]);
    let p_on = match kind {
        0 => rng.range(0.65, 0.95),
        1 => rng.range(0.2, 0.5),
        5 => rng.range(0.15, 0.35),
        _ => rng.range(0.5, 0.9),
    };
    let (a, b) = match kind {
        2 => (rng.int(3, 22) as usize, n),
        3 => (0, rng.int(8, 27) as usize),
        _ => (0, n),
    };
    let (g0, g1) = if kind == 4 {
        let g = rng.int(3, 23) as usize;
        (g, g + rng.int(3, 9) as usize)
    } else {
        (n, n)
    };
    let mut v = vec![0.0; n];
    for (d, x) in v.iter_mut().enumerate() {
        if d < a || d >= b || (d >= g0 && d < g1) {
            continue;
        }
        if rng.chance(p_on) {
            *x = rng.lognormal(1.0, 0.45);
        }
    }
    if kind == 5 {
        for _ in 0..rng.int(2, 5) {
            let d = rng.below(n);
            v[d] = rng.range(2.5, 5.0);
        }
    }
    if v.iter().all(|x| *x == 0.0) {
        let d = rng.int(a as i64, b as i64 - 1) as usize;
        v[d.min(n - 1)] = 1.0;
    }
    v
}

/// A dollar amount as a person types it.
pub fn round_usd(rng: &Rng, x: f64) -> f64 {
    let x = x.max(1.0);
    if rng.chance(0.06) {
        // "Max": whatever was left in the account.
        return (x * rng.range(0.7, 1.3) * 100.0).round() / 100.0;
    }
    let step = if x < 8.0 {
        1.0
    } else if x < 40.0 {
        5.0
    } else if x < 150.0 {
        if rng.chance(0.6) { 10.0 } else { 25.0 }
    } else if x < 600.0 {
        if rng.chance(0.6) { 50.0 } else { 100.0 }
    } else if x < 3000.0 {
        if rng.chance(0.5) { 100.0 } else { 500.0 }
    } else if x < 20000.0 {
        if rng.chance(0.5) { 1000.0 } else { 500.0 }
    } else {
        5000.0
    };
    ((x / step).round() * step).max(step)
}

/// A share count as a person types it in a limit order.
pub fn round_shares(rng: &Rng, x: f64) -> u64 {
    let x = x.max(5.0);
    let step = if x < 30.0 {
        5.0
    } else if x < 150.0 {
        if rng.chance(0.5) { 10.0 } else { 25.0 }
    } else if x < 1500.0 {
        if rng.chance(0.5) { 50.0 } else { 100.0 }
    } else {
        500.0
    };
    (((x / step).round() * step).max(5.0) * 100.0) as u64
}
