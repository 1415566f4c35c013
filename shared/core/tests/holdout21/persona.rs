//! A person's clock: time zone, waking hours, which days they show up, and when sessions start.

use super::rng::Rng;
use super::world::{DAY, HOUR, MIN, NOW, START, weekday};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Region {
    UsEast,
    UsCentral,
    UsWest,
    Uk,
    Europe,
    LatAm,
    Asia,
    Korea,
    India,
    Australia,
}

impl Region {
    pub fn offset(self) -> i64 {
        match self {
            Region::UsEast => -4 * HOUR,
            Region::UsCentral => -5 * HOUR,
            Region::UsWest => -7 * HOUR,
            Region::Uk => HOUR,
            Region::Europe => 2 * HOUR,
            Region::LatAm => -3 * HOUR,
            Region::Asia => 8 * HOUR,
            Region::Korea => 9 * HOUR,
            Region::India => 5 * HOUR + 30 * MIN,
            Region::Australia => 10 * HOUR,
        }
    }

    /// Where Polymarket's traders live, roughly.
    pub fn random(rng: &mut Rng) -> Region {
        let all = [
            (Region::UsEast, 24.0),
            (Region::UsCentral, 8.0),
            (Region::UsWest, 10.0),
            (Region::Uk, 8.0),
            (Region::Europe, 17.0),
            (Region::LatAm, 8.0),
            (Region::Asia, 10.0),
            (Region::Korea, 5.0),
            (Region::India, 4.0),
            (Region::Australia, 4.0),
        ];
        let w: Vec<f64> = all.iter().map(|a| a.1).collect();
        all[rng.weighted(&w)].0
    }

    pub fn us(rng: &mut Rng) -> Region {
        [Region::UsEast, Region::UsEast, Region::UsEast, Region::UsCentral, Region::UsWest, Region::UsWest][rng.idx(6)]
    }

    pub fn is_us(self) -> bool {
        matches!(self, Region::UsEast | Region::UsCentral | Region::UsWest)
    }
}

#[derive(Clone, Debug)]
pub struct Persona {
    pub region: Region,
    pub off: i64,
    /// Local hour they get up.
    pub wake: f64,
    /// Local hour they go to bed; above 24 means after midnight.
    pub bed: f64,
    /// Chance of trading on a given weekday.
    pub day_p: f64,
    /// Multiplier on that chance at weekends.
    pub weekend: f64,
    /// Works office hours on weekdays (fewer sessions 9-17).
    pub office: bool,
    /// First and last moment they trade in the window.
    pub first: i64,
    pub last: i64,
    /// Preference for evening sessions over daytime ones.
    pub evening: f64,
    /// Activity trend over the month (-1 fading .. +1 growing).
    pub trend: f64,
}

impl Persona {
    pub fn new(rng: &mut Rng, region: Region) -> Persona {
        let wake = rng.uni(5.5, 10.5);
        let bed = (wake + rng.uni(15.0, 18.0)).min(wake + 18.5);
        Persona {
            region,
            off: region.offset(),
            wake,
            bed,
            day_p: rng.uni(0.35, 0.85),
            weekend: rng.uni(0.7, 1.6),
            office: rng.chance(0.55),
            first: START,
            last: NOW,
            evening: rng.uni(0.8, 2.5),
            trend: rng.uni(-0.6, 0.6),
        }
    }

    pub fn random(rng: &mut Rng) -> Persona {
        let r = Region::random(rng);
        Persona::new(rng, r)
    }

    pub fn local_hour(&self, t: i64) -> f64 {
        ((t + self.off).rem_euclid(DAY)) as f64 / HOUR as f64
    }

    pub fn weekday(&self, t: i64) -> i64 {
        weekday(t + self.off)
    }

    pub fn is_weekend(&self, t: i64) -> bool {
        self.weekday(t) >= 5
    }

    pub fn awake(&self, t: i64) -> bool {
        let h = self.local_hour(t);
        if self.bed > 24.0 { h >= self.wake || h < self.bed - 24.0 } else { h >= self.wake && h < self.bed }
    }

    /// Free to trade: awake and, for office workers, mostly not at their desk job.
    pub fn free(&self, t: i64) -> bool {
        if !self.awake(t) {
            return false;
        }
        if self.office && !self.is_weekend(t) {
            let h = self.local_hour(t);
            // Office hours still allow a glance at lunch.
            if (9.0..17.5).contains(&h) && !(12.0..13.3).contains(&h) {
                return false;
            }
        }
        true
    }

    /// Local midnight (as UTC seconds) of the day holding `t`.
    pub fn midnight(&self, t: i64) -> i64 {
        (t + self.off).div_euclid(DAY) * DAY - self.off
    }

    /// The days (local midnights) this person shows up in the window.
    pub fn active_days(&self, rng: &mut Rng) -> Vec<i64> {
        let mut out = vec![];
        let mut d = self.midnight(START);
        while d < NOW {
            if d + DAY > self.first && d <= self.last {
                let frac = ((d - START) as f64 / (NOW - START) as f64).clamp(0.0, 1.0);
                let trend = 1.0 + self.trend * (frac - 0.5);
                let mut p = self.day_p * trend;
                if self.is_weekend(d + 12 * HOUR) {
                    p *= self.weekend;
                }
                if rng.chance(p.clamp(0.0, 0.98)) {
                    out.push(d);
                }
            }
            d += DAY;
        }
        out
    }

    /// A session start within the waking hours of the local day starting at `midnight`.
    pub fn session_start(&self, rng: &mut Rng, midnight: i64) -> Option<i64> {
        for _ in 0..30 {
            let h = rng.uni(self.wake, self.bed);
            let t = midnight + (h * HOUR as f64) as i64;
            if t <= START || t > NOW || t < self.first || t > self.last {
                continue;
            }
            if !self.free(t) {
                continue;
            }
            let lh = h % 24.0;
            let w = if lh >= 18.0 || lh < 2.0 {
                self.evening
            } else if lh < 12.0 {
                0.9
            } else {
                0.7
            };
            if rng.f() * 2.5 < w {
                return Some(t);
            }
        }
        None
    }

    /// Session start times across the window: `per_day` sessions on an active day on average.
    pub fn sessions(&self, rng: &mut Rng, per_day: f64) -> Vec<i64> {
        let mut out = vec![];
        for d in self.active_days(rng) {
            let n = 1 + rng.poisson((per_day - 1.0).max(0.0));
            let mut ts: Vec<i64> = (0..n).filter_map(|_| self.session_start(rng, d)).collect();
            ts.sort();
            // Sessions on one day are at least half an hour apart.
            let mut last = START - DAY;
            for t in ts {
                if t - last >= 30 * MIN {
                    out.push(t);
                    last = t;
                }
            }
        }
        out
    }

    pub fn sessions_u(&self, rng: &mut Rng, a: f64, b: f64) -> Vec<i64> {
        let per_day = rng.uni(a, b);
        self.sessions(rng, per_day)
    }

    /// The first moment at or after `t` when they are awake (plus a sleepy delay).
    pub fn next_awake(&self, rng: &mut Rng, t: i64) -> i64 {
        let mut x = t;
        let mut steps = 0;
        while !self.awake(x) && steps < 200 {
            x += 10 * MIN;
            steps += 1;
        }
        if x != t { x + rng.range(0, 90 * MIN) } else { x }
    }
}

/// Rounds dollars the way people type them.
pub fn nice_usd(x: f64) -> f64 {
    if x < 1.0 {
        return 1.0;
    }
    let mag = 10f64.powf(x.log10().floor());
    let f = x / mag;
    let steps = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0];
    let mut best = steps[0];
    for s in steps {
        if (s - f).abs() < (best - f).abs() {
            best = s;
        }
    }
    best * mag
}

/// A human-typed stake around `unit`: mostly round, sometimes odd.
pub fn human_usd(rng: &mut Rng, unit: f64, spread: f64) -> f64 {
    let x = rng.lognorm(unit, spread);
    let r = rng.f();
    if r < 0.72 {
        nice_usd(x)
    } else if r < 0.92 {
        (x.round()).max(1.0)
    } else {
        (x * 100.0).round() / 100.0
    }
}
