//! The unlabelled crowd: market makers resting the books, a few thousand ordinary people taking
//! liquidity in the markets they follow, and programs nobody labelled.

use super::engine::Intent;
use super::persona::{Region, nice_usd};
use super::rng::{Rng, hash};
use super::world::{CATS, Cat, DAY, ET, HOUR, MIN, Model, NOW, START, World, local_hour};

pub struct Pool {
    pub idx: Vec<u32>,
    pub cum: Vec<f64>,
}

pub struct Crowd {
    pub seed: u64,
    pub people: Vec<u32>,
    /// (utc offset, wake hour, bed hour) per person.
    pub clock: Vec<(i64, f64, f64)>,
    pub pools: Vec<Pool>,
    pub mm_general: Vec<u32>,
    pub mm_sports: Vec<u32>,
    pub mm_crypto: Vec<u32>,
    pub programs: Vec<u32>,
    pub leaders: Vec<u32>,
}

/// Wallet addresses, by id.
pub struct Reg {
    pub addr: Vec<String>,
    rng: Rng,
}

impl Reg {
    pub fn new(seed: u64) -> Reg {
        Reg { addr: Vec::new(), rng: Rng::sub(seed, "addresses", 0) }
    }

    pub fn add(&mut self) -> u32 {
        let a = format!("0x{}", self.rng.hex(40));
        self.addr.push(a);
        (self.addr.len() - 1) as u32
    }
}

impl Crowd {
    pub fn build(reg: &mut Reg, seed: u64, n_people: usize) -> Crowd {
        let mut rng = Rng::sub(seed, "crowd", 0);
        let mut people = vec![];
        let mut clock = vec![];
        let mut member: Vec<Vec<(u32, f64)>> = vec![vec![]; CATS.len()];
        let cat_w = [0.2, 0.1, 0.05, 0.3, 0.05, 0.05, 0.05, 0.16, 0.06];
        for i in 0..n_people {
            let w = reg.add();
            people.push(w);
            let r = Region::random(&mut rng);
            let wake = rng.uni(5.5, 10.5);
            clock.push((r.offset(), wake, wake + rng.uni(14.5, 18.5)));
            let weight = 1.0 / ((rng.idx(n_people) + 8) as f64).powf(0.9);
            let k = 1 + rng.idx(3);
            let mut cats = vec![];
            for _ in 0..k {
                let c = rng.weighted(&cat_w);
                if !cats.contains(&c) {
                    cats.push(c);
                }
            }
            for c in cats {
                member[c].push((i as u32, weight));
            }
        }
        let pools = member
            .into_iter()
            .map(|v| {
                let mut cum = vec![];
                let mut s = 0.0;
                for (_, w) in &v {
                    s += w;
                    cum.push(s);
                }
                Pool { idx: v.into_iter().map(|x| x.0).collect(), cum }
            })
            .collect();
        let mm_general = (0..16).map(|_| reg.add()).collect();
        let mm_sports = (0..12).map(|_| reg.add()).collect();
        let mm_crypto = (0..9).map(|_| reg.add()).collect();
        let programs = (0..60).map(|_| reg.add()).collect();
        let leaders = (0..8).map(|_| reg.add()).collect();
        Crowd { seed, people, clock, pools, mm_general, mm_sports, mm_crypto, programs, leaders }
    }

    fn awake(&self, i: usize, t: i64) -> bool {
        let (off, wake, bed) = self.clock[i];
        let h = local_hour(t, off);
        if bed > 24.0 { h >= wake || h < bed - 24.0 } else { h >= wake && h < bed }
    }

    fn pick_person(&self, rng: &mut Rng, cat: Cat, t: i64) -> u32 {
        let pool = &self.pools[cat as usize];
        let mut last = 0usize;
        for _ in 0..5 {
            let x = rng.f() * pool.cum.last().copied().unwrap_or(1.0);
            let j = pool.cum.partition_point(|&c| c < x).min(pool.idx.len() - 1);
            last = pool.idx[j] as usize;
            if self.awake(last, t) {
                break;
            }
        }
        self.people[last]
    }

    /// Someone taking the other side of a resting order.
    pub fn taker_for(&self, rng: &mut Rng, world: &World, m: usize, t: i64, not: u32) -> u32 {
        let cat = world.markets[m].cat;
        let p_prog = if cat == Cat::UpDown { 0.3 } else { 0.07 };
        for _ in 0..4 {
            let w = if rng.chance(p_prog) { self.programs[rng.idx(self.programs.len())] } else { self.pick_person(rng, cat, t) };
            if w != not {
                return w;
            }
        }
        self.people[0]
    }

    /// A resting order being hit: mostly the market's makers, sometimes a person's limit order.
    pub fn maker_for(&self, rng: &mut Rng, world: &World, m: usize, t: i64, not: u32) -> u32 {
        let mk = &world.markets[m];
        if rng.chance(0.8) {
            let pool = match mk.cat {
                Cat::UpDown | Cat::Above => &self.mm_crypto,
                Cat::Sports => &self.mm_sports,
                _ => &self.mm_general,
            };
            let n = 1 + (hash(&[self.seed, m as u64]) % 3) as usize;
            let k = rng.idx(n) as u64;
            let w = pool[(hash(&[self.seed, m as u64, k]) % pool.len() as u64) as usize];
            if w != not {
                return w;
            }
        }
        for _ in 0..4 {
            let w = self.pick_person(rng, mk.cat, t);
            if w != not {
                return w;
            }
        }
        self.mm_general[0]
    }

    /// Ordinary people's orders in every market.
    pub fn flow(&self, world: &World, scale: f64) -> Vec<Intent> {
        let mut rng = Rng::sub(self.seed, "flow", 0);
        let mut news_of: Vec<Vec<i64>> = vec![vec![]; world.markets.len()];
        for n in &world.news {
            news_of[n.m].push(n.t);
        }
        let mut speech_of: Vec<Option<usize>> = vec![None; world.markets.len()];
        for (i, s) in world.speeches.iter().enumerate() {
            for &m in &s.markets {
                speech_of[m] = Some(i);
            }
        }
        let mut out = vec![];
        let chunk = 10 * MIN;
        for m in 0..world.markets.len() {
            let mk = &world.markets[m];
            let a = mk.open.max(START + 1);
            let b = mk.close.min(NOW);
            let mut t = a;
            while t < b {
                let e = (t + chunk).min(b);
                let mid = (t + e) / 2;
                let r = rate(world, m, mid, &news_of[m], speech_of[m]) * scale;
                let n = rng.poisson(r * (e - t) as f64 / HOUR as f64);
                for _ in 0..n {
                    let tt = rng.range(t, e);
                    let w = self.pick_person(&mut rng, mk.cat, tt);
                    let buy = rng.chance(0.74);
                    let p = world.prob(m, 0, tt);
                    // People lean toward the favourite and, now and then, a cheap longshot.
                    let o = if rng.chance(0.6) {
                        if p >= 0.5 { 0 } else { 1 }
                    } else if p >= 0.5 {
                        1
                    } else {
                        0
                    };
                    let (bid, ask) = world.book(m, o, tt);
                    let c = if buy { ask } else { bid };
                    let median = match mk.cat {
                        Cat::UpDown => 12.0,
                        Cat::Weather | Cat::Mention => 15.0,
                        Cat::Sports => 40.0,
                        Cat::Politics | Cat::Econ => 50.0,
                        _ => 30.0,
                    };
                    let usd = rng.lognorm(median, 1.25);
                    let sh = match rng.idx(10) {
                        0..=3 => nice_usd(usd) * 100.0 / c as f64,
                        4..=6 => nice_usd(usd * 100.0 / c as f64),
                        _ => usd * 100.0 / c as f64,
                    };
                    let sh = ((sh.min(60_000.0)) * 100.0).floor() as i64;
                    out.push(Intent { w, m: m as u32, o, buy, t: tt, sh: sh.max(500), px: None, maker: false });
                }
                t = e;
            }
        }
        out
    }
}

/// Crowd orders an hour in market `m` around `t`.
fn rate(world: &World, m: usize, t: i64, news: &[i64], speech: Option<usize>) -> f64 {
    let mk = &world.markets[m];
    let et = local_hour(t, ET);
    let diurnal = if (9.0..24.0).contains(&et) {
        1.0
    } else if et < 3.0 {
        0.6
    } else {
        0.3
    };
    if t >= mk.decided {
        return 0.5 * mk.pop.min(2.0);
    }
    let mut r = match mk.cat {
        Cat::Politics | Cat::News | Cat::Culture => 0.2 * mk.pop * diurnal,
        Cat::Econ => {
            let g = mk.group.map(|g| world.groups[g].decided).unwrap_or(i64::MAX);
            let to = (g - t) as f64 / HOUR as f64;
            0.2 * mk.pop * diurnal * if (0.0..48.0).contains(&to) { 1.0 + 3.0 * (-to / 12.0).exp() } else { 1.0 }
        }
        Cat::Sports => {
            let g = &world.games[mk.game.unwrap()];
            if t < g.start {
                let h = (g.start - t) as f64 / HOUR as f64;
                0.08 * mk.pop * (1.0 + 6.0 * (-h / 4.0).exp()) * diurnal
            } else if t < g.end {
                2.2 * mk.pop
            } else {
                0.4
            }
        }
        Cat::Weather => {
            let d = mk.group.map(|g| world.groups[g].decided).unwrap_or(i64::MAX) - 18 * HOUR;
            0.05 * mk.pop * if t >= d { 2.5 } else { 1.0 }
        }
        Cat::Mention => match speech.map(|s| &world.speeches[s]) {
            Some(s) if t < s.start => {
                let h = (s.start - t) as f64 / HOUR as f64;
                0.06 * mk.pop * (1.0 + 5.0 * (-h / 6.0).exp())
            }
            Some(s) if t < s.end => 4.0 * mk.pop,
            _ => 0.3,
        },
        Cat::UpDown => match mk.model {
            Model::UpDown { start, len, .. } => {
                if t < start {
                    0.15 * mk.pop
                } else if len <= 15 * MIN {
                    3.0 * mk.pop * diurnal.sqrt()
                } else if len <= HOUR {
                    1.6 * mk.pop * diurnal.sqrt()
                } else {
                    0.5 * mk.pop
                }
            }
            _ => 0.0,
        },
        Cat::Above => match mk.model {
            Model::Above { expiry, .. } => 0.07 * mk.pop * (1.0 + 3.0 * (-((expiry - t) as f64) / (6.0 * HOUR as f64)).exp()),
            _ => 0.0,
        },
    };
    for &nt in news.iter().rev() {
        let dt = t - nt;
        if dt >= 0 && dt < 4 * HOUR {
            r *= 1.0 + 6.0 * (-(dt as f64) / (40.0 * MIN as f64)).exp();
            break;
        }
    }
    let _ = DAY;
    r
}
