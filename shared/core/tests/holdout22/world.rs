//! The world: markets of the kinds Polymarket lists, each with a fair-price path, an end, a
//! resolution time and (when it resolves inside the month) a winner.

use super::rng::*;
use super::{NOW, START};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{HashMap, HashSet};

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
/// Paths and underlyings cover [T0, T1].
pub const T0: i64 = START - DAY;
pub const T1: i64 = NOW + 2 * HOUR;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    Politics,
    News,
    Sports,
    Crypto,
    Weather,
    Econ,
    Mention,
    Culture,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sport {
    Nfl,
    Cfb,
    Mlb,
    Soccer,
    Nhl,
    Tennis,
    Ufc,
    Esports,
}

/// Crypto market kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Ck {
    M15,
    H1,
    H4,
    Day,
    Above,
}

impl Ck {
    pub fn len(self) -> i64 {
        match self {
            Ck::M15 => 15 * MIN,
            Ck::H1 => HOUR,
            Ck::H4 => 4 * HOUR,
            Ck::Day | Ck::Above => DAY,
        }
    }
    /// Window start containing t (windows are aligned to UTC; days end at noon ET = 16:00 UTC).
    pub fn window_at(self, t: i64) -> i64 {
        match self {
            Ck::Day | Ck::Above => (t - 16 * HOUR).div_euclid(DAY) * DAY + 16 * HOUR,
            k => t.div_euclid(k.len()) * k.len(),
        }
    }
}

pub enum Src {
    Path(Vec<(i64, f32)>),
    UpDown { asset: usize, start: i64, end: i64 },
    Above { asset: usize, k: f64, end: i64 },
}

pub struct Market {
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub cat: Cat,
    pub sport: Option<Sport>,
    pub open: i64,
    pub close: i64,
    pub end: i64,
    pub winner: Option<u8>,
    pub src: Src,
    pub hs: f64,
    pub depth: f64,
    pub flow: f64,
    pub live: Option<(i64, i64)>,
    pub jumps: Vec<(i64, f32)>,
    pub group: Option<u32>,
    pub region: u8,
    pub big: bool,
}

pub struct Game {
    pub sport: Sport,
    pub start: i64,
    pub end: i64,
    pub markets: Vec<usize>,
    /// Score events: (time, team 0 = first outcome / home, 1 = other).
    pub events: Vec<(i64, u8)>,
    pub region: u8,
    pub big: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupKind {
    Weather,
    Econ,
    Culture,
    Mention,
}

pub struct Group {
    pub kind: GroupKind,
    pub title: String,
    pub markets: Vec<usize>,
    pub open: i64,
    pub start: i64,
    pub release: i64,
    pub close: i64,
    pub updates: Vec<i64>,
    pub city: usize,
    pub region: u8,
}

pub struct Asset {
    pub name: &'static str,
    pub sym: &'static str,
    pub s0: f64,
    pub vol: f64,
    pub step: f64,
    pub x: Vec<f32>,
    pub regime: Vec<f32>,
}

impl Asset {
    pub fn x(&self, t: i64) -> f64 {
        let i = (t.clamp(T0, T1) - T0) as usize;
        self.x[i.min(self.x.len() - 1)] as f64
    }
    pub fn sigma(&self, t: i64) -> f64 {
        let h = ((t.clamp(T0, T1) - T0) / HOUR) as usize;
        self.vol * self.regime[h.min(self.regime.len() - 1)] as f64
    }
    pub fn price(&self, t: i64) -> f64 {
        self.s0 * self.x(t).exp()
    }
}

pub struct World {
    pub seed: u64,
    pub markets: Vec<Market>,
    pub by_cat: [Vec<usize>; 8],
    pub games: Vec<Game>,
    pub groups: Vec<Group>,
    pub assets: Vec<Asset>,
    crypto_idx: HashMap<(Ck, usize, i64), usize>,
    pub crypto_made: Vec<usize>,
    slugs: HashSet<String>,
}

pub struct Spec {
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub cat: Cat,
    pub sport: Option<Sport>,
    pub open: i64,
    pub close: i64,
    pub end: i64,
    pub winner: Option<u8>,
    pub src: Src,
    pub hs: f64,
    pub depth: f64,
    pub flow: f64,
    pub live: Option<(i64, i64)>,
    pub jumps: Vec<(i64, f32)>,
    pub group: Option<u32>,
    pub region: u8,
    pub big: bool,
}

impl Spec {
    pub fn new(title: String, slug: String, cat: Cat, open: i64, close: i64, end: i64, src: Src) -> Spec {
        Spec {
            title,
            slug,
            outcomes: ["Yes".into(), "No".into()],
            cat,
            sport: None,
            open,
            close,
            end,
            winner: None,
            src,
            hs: 0.006,
            depth: 400.0,
            flow: 10.0,
            live: None,
            jumps: Vec::new(),
            group: None,
            region: 0,
            big: false,
        }
    }
}

/// 2026 calendar time to unix seconds (UTC).
pub fn utc(mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    NaiveDate::from_ymd_opt(2026, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap().and_utc().timestamp()
}

fn at(t: i64, off_h: i32) -> DateTime<FixedOffset> {
    DateTime::from_timestamp(t, 0).unwrap().with_timezone(&FixedOffset::east_opt(off_h * 3600).unwrap())
}

/// "October 3" in the given offset.
pub fn md(t: i64, off_h: i32) -> String {
    at(t, off_h).format("%B %-d").to_string()
}

/// "october-3" in the given offset.
pub fn md_slug(t: i64, off_h: i32) -> String {
    md(t, off_h).to_lowercase().replace(' ', "-")
}

/// "2026-10-03" in the given offset.
pub fn ymd(t: i64, off_h: i32) -> String {
    at(t, off_h).format("%Y-%m-%d").to_string()
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        let c = match ch {
            'á' | 'à' | 'ã' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ï' => 'i',
            'ó' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ü' => 'u',
            'ç' => 'c',
            'ă' => 'a',
            'ş' | 'ș' => 's',
            'ţ' | 'ț' => 't',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn interp(pts: &[(i64, f32)], t: i64) -> f64 {
    if pts.is_empty() {
        return 0.5;
    }
    let i = pts.partition_point(|p| p.0 <= t);
    if i == 0 {
        return pts[0].1 as f64;
    }
    if i >= pts.len() {
        return pts[pts.len() - 1].1 as f64;
    }
    let (ta, a) = pts[i - 1];
    let (tb, b) = pts[i];
    if tb == ta {
        return b as f64;
    }
    let f = (t - ta) as f64 / (tb - ta) as f64;
    a as f64 + (b as f64 - a as f64) * f
}

/// Crowd time-of-day factor (UTC hour), peaking in the US afternoon and evening.
pub fn tod(t: i64) -> f64 {
    let h = (t.rem_euclid(DAY)) as f64 / HOUR as f64;
    let c = (std::f64::consts::TAU * (h - 20.0) / 24.0).cos();
    0.35 + 0.65 * (0.5 + 0.5 * c)
}

/// A free logit random walk with occasional jumps; returns points and the big jumps.
pub fn walk(
    rng: &Rng,
    t0: i64,
    t1: i64,
    step: i64,
    p0: f64,
    vol_day: f64,
    jumps_day: f64,
    jump_sd: f64,
) -> (Vec<(i64, f32)>, Vec<(i64, f32)>) {
    let mut pts = Vec::new();
    let mut jumps = Vec::new();
    let l0 = logit(p0);
    let mut l = l0;
    let mut t = t0;
    let dt = step as f64 / DAY as f64;
    while t <= t1 {
        pts.push((t, logistic(l) as f32));
        let before = logistic(l);
        l += vol_day * dt.sqrt() * rng.normal() - 0.02 * dt * (l - l0);
        if rng.chance(jumps_day * dt) {
            l += jump_sd * rng.normal();
            let after = logistic(l);
            if (after - before).abs() > 0.03 {
                jumps.push((t + step / 2, (after - before) as f32));
                pts.push((t + step / 2, before as f32));
                pts.push((t + step / 2 + 1, after as f32));
            }
        }
        l = l.clamp(-7.0, 7.0);
        t += step;
    }
    (pts, jumps)
}

/// Bracket path specification for a latent scalar revealed at `release`.
pub struct Latent {
    pub open: i64,
    pub release: i64,
    pub close: i64,
    pub step: i64,
    pub truth: f64,
    pub err0: f64,
    pub sig0: f64,
    pub floor: f64,
    /// Forecast updates only at these times (None: continuously).
    pub updates: Option<Vec<i64>>,
    pub brackets: Vec<(f64, f64)>,
}

/// Paths of each bracket's Yes price, the winning bracket, and update times with big moves.
pub fn latent_paths(rng: &Rng, s: &Latent) -> (Vec<Vec<(i64, f32)>>, usize, Vec<Vec<(i64, f32)>>) {
    let n = s.brackets.len();
    let winner = s.brackets.iter().position(|(lo, hi)| s.truth >= *lo && s.truth < *hi).unwrap_or(n - 1);
    let mut times: Vec<i64> = Vec::new();
    let mut t = s.open;
    while t <= s.close {
        times.push(t);
        t += s.step;
    }
    times.push(s.release - 1);
    times.push(s.release);
    if let Some(u) = &s.updates {
        for &x in u {
            if x > s.open && x < s.release {
                times.push(x);
                times.push(x - 1);
            }
        }
    }
    times.sort();
    times.dedup();
    let tot = (s.release - s.open).max(1) as f64;
    let mut e = s.err0 * rng.normal();
    let mut last_rem = tot;
    let mut paths = vec![Vec::with_capacity(times.len()); n];
    let mut jumps = vec![Vec::new(); n];
    let mut prev = vec![-1.0f64; n];
    let upd: Option<HashSet<i64>> = s.updates.as_ref().map(|u| u.iter().copied().collect());
    for &t in &times {
        let rem = (s.release - t).max(0) as f64;
        let is_update = match &upd {
            None => true,
            Some(u) => u.contains(&t),
        };
        if t < s.release && is_update && rem < last_rem {
            // Brownian bridge toward 0 at release.
            let ratio = rem / last_rem;
            let var = s.err0 * s.err0 / tot * (last_rem - rem) * ratio;
            e = e * ratio + var.sqrt() * rng.normal();
            last_rem = rem;
        }
        for (i, (lo, hi)) in s.brackets.iter().enumerate() {
            let p = if t >= s.release {
                if i == winner { 0.9995 } else { 0.0005 }
            } else {
                let sig = (s.floor * s.floor + s.sig0 * s.sig0 * rem / tot).sqrt();
                let f = s.truth + e;
                let a = if hi.is_finite() { phi((hi - f) / sig) } else { 1.0 };
                let b = if lo.is_finite() { phi((lo - f) / sig) } else { 0.0 };
                (a - b).clamp(0.0005, 0.9995)
            };
            if prev[i] >= 0.0 && (p - prev[i]).abs() > 0.04 {
                jumps[i].push((t, (p - prev[i]) as f32));
            }
            prev[i] = p;
            paths[i].push((t, p as f32));
        }
    }
    (paths, winner, jumps)
}

/// Candidates with logit walks, one winner revealed at `reveal` (None if after the month).
pub fn categorical_paths(
    rng: &Rng,
    open: i64,
    reveal: i64,
    close: i64,
    step: i64,
    p0: &[f64],
    vol_day: f64,
) -> (Vec<Vec<(i64, f32)>>, Option<usize>, Vec<Vec<(i64, f32)>>) {
    let n = p0.len();
    let mut l: Vec<f64> = p0.iter().map(|p| p.max(1e-4).ln()).collect();
    let mut paths = vec![Vec::new(); n];
    let mut jumps = vec![Vec::new(); n];
    let dt = step as f64 / DAY as f64;
    let mut t = open;
    let mut probs = p0.to_vec();
    let mut winner = None;
    let mut prev = p0.to_vec();
    while t <= close {
        if t >= reveal && winner.is_none() {
            winner = Some(rng.weighted(&probs));
        }
        if let Some(wn) = winner {
            for i in 0..n {
                let p = if i == wn { 0.9995 } else { 0.0005 };
                if (p - prev[i]).abs() > 0.04 {
                    jumps[i].push((t, (p - prev[i]) as f32));
                }
                prev[i] = p;
                paths[i].push((t, p as f32));
            }
        } else {
            let z: f64 = l.iter().map(|x| x.exp()).sum();
            for i in 0..n {
                probs[i] = l[i].exp() / z;
                let p = probs[i].clamp(0.0005, 0.9995);
                if (p - prev[i]).abs() > 0.04 {
                    jumps[i].push((t, (p - prev[i]) as f32));
                }
                prev[i] = p;
                paths[i].push((t, p as f32));
            }
            let news = rng.chance(0.25 * dt);
            for x in l.iter_mut() {
                *x += vol_day * dt.sqrt() * rng.normal();
                if news {
                    *x += 0.35 * rng.normal();
                }
            }
        }
        if t < reveal && t + step > reveal {
            t = reveal;
        } else {
            t += step;
        }
    }
    (paths, winner, jumps)
}

struct Two {
    lam: f64,
    pts: &'static [(f64, f64)],
    dur: (i64, i64),
}

fn two_way(s: Sport) -> Two {
    match s {
        Sport::Nfl => Two { lam: 9.0, pts: &[(7.0, 0.55), (3.0, 0.38), (2.0, 0.02), (6.0, 0.05)], dur: (185, 205) },
        Sport::Cfb => Two { lam: 10.0, pts: &[(7.0, 0.58), (3.0, 0.35), (6.0, 0.07)], dur: (200, 225) },
        Sport::Mlb => Two { lam: 6.5, pts: &[(1.0, 0.6), (2.0, 0.25), (3.0, 0.1), (4.0, 0.05)], dur: (160, 195) },
        Sport::Nhl => Two { lam: 5.8, pts: &[(1.0, 1.0)], dur: (145, 165) },
        Sport::Tennis => Two { lam: 5.0, pts: &[(1.0, 1.0)], dur: (80, 190) },
        Sport::Ufc => Two { lam: 2.5, pts: &[(1.0, 1.0)], dur: (6, 25) },
        Sport::Esports => Two { lam: 4.0, pts: &[(1.0, 1.0)], dur: (70, 150) },
        Sport::Soccer => Two { lam: 2.7, pts: &[(1.0, 1.0)], dur: (112, 118) },
    }
}

fn poisson_pmf(l: f64, n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    let mut p = (-l).exp();
    for (k, x) in v.iter_mut().enumerate() {
        *x = p;
        p *= l / (k as f64 + 1.0);
    }
    v
}

/// Soccer 3-way probabilities (home, draw, away) given goal difference and remaining rates.
fn soccer_probs(diff: i32, lh: f64, la: f64) -> (f64, f64, f64) {
    let ph = poisson_pmf(lh, 11);
    let pa = poisson_pmf(la, 11);
    let (mut h, mut d, mut a) = (0.0, 0.0, 0.0);
    for (i, x) in ph.iter().enumerate() {
        for (j, y) in pa.iter().enumerate() {
            let f = diff + i as i32 - j as i32;
            let p = x * y;
            if f > 0 {
                h += p
            } else if f == 0 {
                d += p
            } else {
                a += p
            }
        }
    }
    let z = h + d + a;
    (h / z, d / z, a / z)
}

pub struct GameOut {
    pub paths: Vec<Vec<(i64, f32)>>,
    /// Two-way: 0 first team, 1 second; soccer: 0 home, 1 draw, 2 away.
    pub winner: usize,
    pub end: i64,
    pub events: Vec<(i64, u8)>,
}

/// Simulates a game: pre-game line moves, then in-play scoring, then the result.
pub fn game_paths(rng: &Rng, sport: Sport, open: i64, start: i64, close_after: i64, pre: f64) -> GameOut {
    let spec = two_way(sport);
    let pre_step = 20 * MIN;
    // Pre-game: logit walk of the first team's (home's) strength.
    let (pre_pts, _) = walk(rng, open, start, pre_step, pre, 0.22, 0.3, 0.25);
    let p_start = pre_pts.last().map(|p| p.1 as f64).unwrap_or(pre);
    let dur = rng.int(spec.dur.0, spec.dur.1) * MIN;
    let mut end = start + dur;
    let step = 30;
    if sport == Sport::Soccer {
        // pre_pts is the home share of goal expectancy.
        let tot = rng.range(2.3, 3.1);
        let s_start = p_start;
        let gh = rng.poisson(tot * s_start);
        let ga = rng.poisson(tot * (1.0 - s_start));
        // Play minutes to wall clock: 0-45 -> 0-47, 45-90 -> 62-112.
        let wall = |m: f64| -> i64 {
            if m < 45.0 { start + (m * 47.0 / 45.0 * 60.0) as i64 } else { start + (62.0 * 60.0 + (m - 45.0) * 50.0 / 45.0 * 60.0) as i64 }
        };
        let mut events: Vec<(i64, u8)> = Vec::new();
        for _ in 0..gh {
            events.push((wall(rng.range(0.5, 89.9)), 0));
        }
        for _ in 0..ga {
            events.push((wall(rng.range(0.5, 89.9)), 1));
        }
        events.sort();
        end = start + 114 * MIN + rng.int(0, 5) * MIN;
        let winner = if gh > ga {
            0
        } else if gh == ga {
            1
        } else {
            2
        };
        let mut paths = vec![Vec::new(), Vec::new(), Vec::new()];
        for &(t, s) in &pre_pts {
            let (h, d, a) = soccer_probs(0, tot * s as f64, tot * (1.0 - s as f64));
            paths[0].push((t, h as f32));
            paths[1].push((t, d as f32));
            paths[2].push((t, a as f32));
        }
        let play_rem = |t: i64| -> f64 {
            let e = t - start;
            let m = if e < 47 * 60 {
                e as f64 / 60.0 * 45.0 / 47.0
            } else if e < 62 * 60 {
                45.0
            } else {
                45.0 + (e - 62 * 60) as f64 / 60.0 * 45.0 / 50.0
            };
            ((90.0 - m) / 90.0).clamp(0.0, 1.0)
        };
        let mut times: Vec<i64> = (0..).map(|k| start + k * step).take_while(|t| *t < end).collect();
        for &(t, _) in &events {
            times.push(t - 1);
            times.push(t);
        }
        times.sort();
        times.dedup();
        for &t in &times {
            let diff: i32 = events.iter().filter(|e| e.0 <= t).map(|e| if e.1 == 0 { 1 } else { -1 }).sum();
            let r = play_rem(t);
            let noise = 1.0 + 0.03 * rng.normal();
            let (h, d, a) = soccer_probs(diff, tot * s_start * r * noise, tot * (1.0 - s_start) * r * noise);
            paths[0].push((t, h.clamp(0.0005, 0.9995) as f32));
            paths[1].push((t, d.clamp(0.0005, 0.9995) as f32));
            paths[2].push((t, a.clamp(0.0005, 0.9995) as f32));
        }
        for (i, p) in paths.iter_mut().enumerate() {
            let v = if i == winner { 0.9995 } else { 0.0005 };
            p.push((end, v));
            p.push((end + close_after + HOUR, v));
        }
        return GameOut { paths, winner, end, events };
    }
    let e1: f64 = spec.pts.iter().map(|(v, w)| v * w).sum();
    let e2: f64 = spec.pts.iter().map(|(v, w)| v * v * w).sum();
    let sd0 = (spec.lam * e2 + 0.25).sqrt();
    let q = (0.5 + 0.5 * inv_phi(p_start) * sd0 / (spec.lam * e1)).clamp(0.03, 0.97);
    let n = rng.poisson(spec.lam);
    let mut events: Vec<(i64, u8, f64)> = Vec::new();
    for _ in 0..n {
        let t = start + rng.int(60, dur - 60);
        let team = if rng.chance(q) { 0 } else { 1 };
        let w: Vec<f64> = spec.pts.iter().map(|p| p.1).collect();
        let v = spec.pts[rng.weighted(&w)].0;
        events.push((t, team, v));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0));
    if sport == Sport::Ufc {
        // A finish ends the fight at that event.
        if let Some(k) = events.iter().position(|_| rng.chance(0.35)) {
            end = events[k].0 + 30;
            events.truncate(k + 1);
        }
    }
    let mut diff: f64 = events.iter().map(|e| if e.1 == 0 { e.2 } else { -e.2 }).sum();
    if diff == 0.0 {
        // Overtime / extra innings / tie-break.
        let team = if rng.chance(q) { 0 } else { 1 };
        let t = end + rng.int(5, 20) * MIN;
        events.push((t, team, 1.0));
        end = t + 60;
        diff = if team == 0 { 1.0 } else { -1.0 };
    }
    let winner = if diff > 0.0 { 0 } else { 1 };
    let mut path = pre_pts.clone();
    let mut times: Vec<i64> = (0..).map(|k| start + k * step).take_while(|t| *t < end).collect();
    for e in &events {
        times.push(e.0 - 1);
        times.push(e.0);
    }
    times.sort();
    times.dedup();
    let play = (end - start).max(1) as f64;
    for &t in &times {
        let d: f64 = events.iter().filter(|e| e.0 <= t).map(|e| if e.1 == 0 { e.2 } else { -e.2 }).sum();
        let r = ((end - t) as f64 / play).clamp(0.0, 1.0);
        let mu = spec.lam * r * (2.0 * q - 1.0) * e1;
        let sd = (spec.lam * r * e2 + 0.25).sqrt() * (1.0 + 0.04 * rng.normal());
        let p = phi((d + mu) / sd).clamp(0.0005, 0.9995);
        path.push((t, p as f32));
    }
    let v = if winner == 0 { 0.9995 } else { 0.0005 };
    path.push((end, v));
    path.push((end + close_after + HOUR, v));
    GameOut { paths: vec![path], winner, end, events: events.iter().map(|e| (e.0, e.1)).collect() }
}

/// Mention market path: pre-event walk, then a constant hazard of the word being said.
pub fn mention_path(rng: &Rng, open: i64, start: i64, end: i64, close: i64, p0: f64) -> (Vec<(i64, f32)>, u8, Option<i64>) {
    let (mut pts, _) = walk(rng, open, start, 30 * MIN, p0, 0.35, 0.2, 0.3);
    let ps = pts.last().map(|p| p.1 as f64).unwrap_or(p0).clamp(0.02, 0.98);
    let d = (end - start) as f64;
    let h = -(1.0 - ps).ln() / d;
    let said = rng.chance(ps);
    let tau = if said { Some(start + (-(1.0 - rng.f() * ps).ln() / h) as i64) } else { None };
    let mut t = start;
    while t < end {
        if let Some(x) = tau {
            if t >= x {
                break;
            }
        }
        let p = 1.0 - (-h * (end - t) as f64).exp();
        pts.push((t, p.clamp(0.0005, 0.9995) as f32));
        t += 30;
    }
    match tau {
        Some(x) => {
            let p = 1.0 - (-h * (end - x) as f64).exp();
            pts.push((x - 1, p as f32));
            pts.push((x, 0.9995));
            pts.push((close + HOUR, 0.9995));
        }
        None => {
            pts.push((end, 0.0005));
            pts.push((close + HOUR, 0.0005));
        }
    }
    pts.sort_by(|a, b| a.0.cmp(&b.0));
    (pts, if said { 0 } else { 1 }, tau)
}

const NFL: &[(&str, &str)] = &[
    ("Chiefs", "kc"),
    ("Bills", "buf"),
    ("Ravens", "bal"),
    ("Bengals", "cin"),
    ("Browns", "cle"),
    ("Steelers", "pit"),
    ("Texans", "hou"),
    ("Colts", "ind"),
    ("Jaguars", "jax"),
    ("Titans", "ten"),
    ("Broncos", "den"),
    ("Raiders", "lv"),
    ("Chargers", "lac"),
    ("Dolphins", "mia"),
    ("Patriots", "ne"),
    ("Jets", "nyj"),
    ("Cowboys", "dal"),
    ("Giants", "nyg"),
    ("Eagles", "phi"),
    ("Commanders", "was"),
    ("Bears", "chi"),
    ("Lions", "det"),
    ("Packers", "gb"),
    ("Vikings", "min"),
    ("Falcons", "atl"),
    ("Panthers", "car"),
    ("Saints", "no"),
    ("Buccaneers", "tb"),
    ("Cardinals", "ari"),
    ("Rams", "lar"),
    ("49ers", "sf"),
    ("Seahawks", "sea"),
];
const CFB: &[(&str, &str)] = &[
    ("Alabama", "bama"),
    ("Georgia", "uga"),
    ("Ohio State", "osu"),
    ("Michigan", "mich"),
    ("Texas", "tex"),
    ("Oregon", "ore"),
    ("Penn State", "psu"),
    ("Notre Dame", "nd"),
    ("LSU", "lsu"),
    ("Tennessee", "tenn"),
    ("Clemson", "clem"),
    ("Miami", "mia"),
    ("Oklahoma", "okla"),
    ("USC", "usc"),
    ("Florida State", "fsu"),
    ("Texas A&M", "tamu"),
    ("Ole Miss", "miss"),
    ("Florida", "fla"),
    ("Auburn", "aub"),
    ("Wisconsin", "wis"),
];
const MLB: &[(&str, &str)] = &[
    ("Yankees", "nyy"),
    ("Red Sox", "bos"),
    ("Blue Jays", "tor"),
    ("Orioles", "bal"),
    ("Rays", "tb"),
    ("Guardians", "cle"),
    ("Tigers", "det"),
    ("Royals", "kc"),
    ("Twins", "min"),
    ("Astros", "hou"),
    ("Mariners", "sea"),
    ("Rangers", "tex"),
    ("Braves", "atl"),
    ("Phillies", "phi"),
    ("Mets", "nym"),
    ("Cubs", "chc"),
    ("Brewers", "mil"),
    ("Cardinals", "stl"),
    ("Reds", "cin"),
    ("Dodgers", "lad"),
    ("Padres", "sd"),
    ("Giants", "sf"),
    ("Diamondbacks", "ari"),
    ("Athletics", "ath"),
];
const NHL: &[(&str, &str)] = &[
    ("Maple Leafs", "tor"),
    ("Canadiens", "mtl"),
    ("Bruins", "bos"),
    ("Rangers", "nyr"),
    ("Devils", "nj"),
    ("Hurricanes", "car"),
    ("Panthers", "fla"),
    ("Lightning", "tb"),
    ("Capitals", "wsh"),
    ("Penguins", "pit"),
    ("Oilers", "edm"),
    ("Avalanche", "col"),
    ("Stars", "dal"),
    ("Golden Knights", "vgk"),
    ("Kings", "la"),
    ("Jets", "wpg"),
    ("Canucks", "van"),
    ("Wild", "min"),
];
const TENNIS: &[&str] = &[
    "Jannik Sinner",
    "Carlos Alcaraz",
    "Novak Djokovic",
    "Alexander Zverev",
    "Taylor Fritz",
    "Jack Draper",
    "Ben Shelton",
    "Alex de Minaur",
    "Holger Rune",
    "Lorenzo Musetti",
    "Casper Ruud",
    "Daniil Medvedev",
    "Jakub Mensik",
    "Joao Fonseca",
    "Tommy Paul",
    "Stefanos Tsitsipas",
    "Andrey Rublev",
    "Frances Tiafoe",
];
const UFC: &[&str] = &[
    "Ilia Topuria",
    "Islam Makhachev",
    "Alex Pereira",
    "Tom Aspinall",
    "Merab Dvalishvili",
    "Khamzat Chimaev",
    "Dricus du Plessis",
    "Jack Della Maddalena",
    "Charles Oliveira",
    "Arman Tsarukyan",
    "Justin Gaethje",
    "Max Holloway",
    "Sean O'Malley",
    "Umar Nurmagomedov",
    "Magomed Ankalaev",
    "Jiri Prochazka",
    "Shavkat Rakhmonov",
    "Movsar Evloev",
    "Diego Lopes",
    "Alexander Volkanovski",
    "Paddy Pimblett",
    "Bo Nickal",
    "Alexandre Pantoja",
    "Belal Muhammad",
];
const ESPORTS: &[(&str, &str, &str)] = &[
    ("T1", "t1", "lol"),
    ("Gen.G", "gen", "lol"),
    ("Hanwha Life", "hle", "lol"),
    ("Bilibili Gaming", "blg", "lol"),
    ("JD Gaming", "jdg", "lol"),
    ("G2 Esports", "g2", "lol"),
    ("Fnatic", "fnc", "lol"),
    ("Top Esports", "tes", "lol"),
    ("Team Vitality", "vit", "cs2"),
    ("Natus Vincere", "navi", "cs2"),
    ("FaZe Clan", "faze", "cs2"),
    ("Team Spirit", "spirit", "cs2"),
    ("MOUZ", "mouz", "cs2"),
    ("The MongolZ", "mongolz", "cs2"),
    ("Falcons", "fal", "cs2"),
    ("FURIA", "furia", "cs2"),
];
/// (league slug, team, code)
const SOCCER: &[(&str, &[(&str, &str)])] = &[
    (
        "epl",
        &[
            ("Arsenal", "ars"),
            ("Chelsea", "che"),
            ("Liverpool", "liv"),
            ("Manchester City", "mci"),
            ("Manchester United", "mun"),
            ("Tottenham", "tot"),
            ("Newcastle", "new"),
            ("Aston Villa", "avl"),
            ("Brighton", "bha"),
            ("West Ham", "whu"),
            ("Crystal Palace", "cry"),
            ("Fulham", "ful"),
            ("Brentford", "bre"),
            ("Everton", "eve"),
            ("Nottingham Forest", "nfo"),
            ("Bournemouth", "bou"),
        ],
    ),
    (
        "lal",
        &[
            ("Real Madrid", "rma"),
            ("Barcelona", "bar"),
            ("Atletico Madrid", "atm"),
            ("Athletic Club", "ath"),
            ("Real Sociedad", "rso"),
            ("Villarreal", "vil"),
            ("Real Betis", "bet"),
            ("Sevilla", "sev"),
            ("Valencia", "val"),
            ("Girona", "gir"),
        ],
    ),
    (
        "sea",
        &[
            ("Inter", "int"),
            ("AC Milan", "mil"),
            ("Juventus", "juv"),
            ("Napoli", "nap"),
            ("Roma", "rom"),
            ("Lazio", "laz"),
            ("Atalanta", "ata"),
            ("Fiorentina", "fio"),
            ("Bologna", "bol"),
            ("Como", "com"),
        ],
    ),
    (
        "bun",
        &[
            ("Bayern Munich", "bay"),
            ("Borussia Dortmund", "bvb"),
            ("Bayer Leverkusen", "lev"),
            ("RB Leipzig", "rbl"),
            ("Eintracht Frankfurt", "sge"),
            ("VfB Stuttgart", "vfb"),
            ("SC Freiburg", "scf"),
            ("Wolfsburg", "wob"),
        ],
    ),
];
const NATIONS: &[(&str, &str)] = &[
    ("England", "eng"),
    ("France", "fra"),
    ("Spain", "esp"),
    ("Germany", "ger"),
    ("Portugal", "por"),
    ("Italy", "ita"),
    ("Netherlands", "ned"),
    ("Belgium", "bel"),
    ("Croatia", "cro"),
    ("Denmark", "den"),
    ("Switzerland", "sui"),
    ("Norway", "nor"),
];

pub struct City {
    pub short: &'static str,
    pub name: &'static str,
    pub slug: &'static str,
    pub fahrenheit: bool,
    pub tz: i32,
    pub clim: (f64, f64),
    pub region: u8,
}

pub const CITIES: &[City] = &[
    City { short: "NYC", name: "New York City", slug: "nyc", fahrenheit: true, tz: -4, clim: (77.0, 65.0), region: 0 },
    City { short: "Chicago", name: "Chicago", slug: "chicago", fahrenheit: true, tz: -5, clim: (76.0, 63.0), region: 0 },
    City { short: "Miami", name: "Miami", slug: "miami", fahrenheit: true, tz: -4, clim: (89.0, 86.0), region: 0 },
    City { short: "Dallas", name: "Dallas", slug: "dallas", fahrenheit: true, tz: -5, clim: (91.0, 81.0), region: 0 },
    City { short: "Seattle", name: "Seattle", slug: "seattle", fahrenheit: true, tz: -7, clim: (71.0, 60.0), region: 0 },
    City { short: "London", name: "London", slug: "london", fahrenheit: false, tz: 1, clim: (20.0, 15.5), region: 1 },
    City { short: "Seoul", name: "Seoul", slug: "seoul", fahrenheit: false, tz: 9, clim: (26.5, 21.0), region: 2 },
    City { short: "Toronto", name: "Toronto", slug: "toronto", fahrenheit: false, tz: -4, clim: (21.5, 14.5), region: 0 },
];

impl World {
    pub fn build(seed: u64) -> World {
        let mut w = World {
            seed,
            markets: Vec::new(),
            by_cat: Default::default(),
            games: Vec::new(),
            groups: Vec::new(),
            assets: Vec::new(),
            crypto_idx: HashMap::new(),
            crypto_made: Vec::new(),
            slugs: HashSet::new(),
        };
        w.build_assets();
        w.build_politics();
        w.build_news();
        w.build_sports();
        w.build_weather();
        w.build_econ();
        w.build_mentions();
        w.build_culture();
        w
    }

    fn rng(&self, tag: &str) -> Rng {
        Rng::derive(self.seed, fnv(tag))
    }

    pub fn add(&mut self, mut s: Spec) -> usize {
        while !self.slugs.insert(s.slug.clone()) {
            s.slug.push_str("-2");
        }
        let key = hash2(fnv(&s.slug), self.seed);
        let m = Market {
            cond: hex64(hash2(key, 1)),
            tokens: [token_id(hash2(key, 2)), token_id(hash2(key, 3))],
            outcomes: s.outcomes,
            title: s.title,
            slug: s.slug,
            cat: s.cat,
            sport: s.sport,
            open: s.open,
            close: s.close,
            end: s.end,
            winner: s.winner,
            src: s.src,
            hs: s.hs,
            depth: s.depth,
            flow: s.flow,
            live: s.live,
            jumps: s.jumps,
            group: s.group,
            region: s.region,
            big: s.big,
        };
        let i = self.markets.len();
        self.by_cat[m.cat as usize].push(i);
        self.markets.push(m);
        i
    }

    // ----- prices -----

    /// Fair probability of outcome 0 at t.
    pub fn fair(&self, m: usize, t: i64) -> f64 {
        let mk = &self.markets[m];
        if let Some(wn) = mk.winner {
            if t >= mk.end {
                return if wn == 0 { 0.9995 } else { 0.0005 };
            }
        }
        let p = match &mk.src {
            Src::Path(pts) => interp(pts, t),
            Src::UpDown { asset, start, end } => self.updown_fair(*asset, *start, *end, t),
            Src::Above { asset, k, end } => {
                let a = &self.assets[*asset];
                let rem = (*end - t).max(1) as f64;
                phi((a.x(t) - k) / (a.sigma(t) * rem.sqrt()))
            }
        };
        p.clamp(0.0005, 0.9995)
    }

    pub fn updown_fair(&self, asset: usize, start: i64, end: i64, t: i64) -> f64 {
        if t < start {
            return 0.5;
        }
        let a = &self.assets[asset];
        if t >= end {
            return if a.x(end) >= a.x(start) { 0.9995 } else { 0.0005 };
        }
        let rem = (end - t) as f64;
        phi((a.x(t) - a.x(start)) / (a.sigma(t) * rem.sqrt())).clamp(0.0005, 0.9995)
    }

    pub fn p(&self, m: usize, o: u8, t: i64) -> f64 {
        let f = self.fair(m, t);
        if o == 0 { f } else { 1.0 - f }
    }

    /// Best ask for outcome o, in cents.
    pub fn ask(&self, m: usize, o: u8, t: i64) -> u8 {
        let hs = self.markets[m].hs;
        ((self.p(m, o, t) + hs) * 100.0 - 1e-6).ceil().clamp(1.0, 99.0) as u8
    }

    /// Best bid for outcome o, in cents.
    pub fn bid(&self, m: usize, o: u8, t: i64) -> u8 {
        let hs = self.markets[m].hs;
        ((self.p(m, o, t) - hs) * 100.0 + 1e-6).floor().clamp(1.0, 99.0) as u8
    }

    pub fn tradable(&self, m: usize, t: i64) -> bool {
        let mk = &self.markets[m];
        t > START && t <= NOW && t >= mk.open && t < mk.close
    }

    /// The outcome currently favoured.
    pub fn leader(&self, m: usize, t: i64) -> u8 {
        if self.fair(m, t) >= 0.5 { 0 } else { 1 }
    }

    // ----- crypto -----

    fn build_assets(&mut self) {
        let rng = self.rng("assets");
        let spec: [(&str, &str, f64, f64, f64); 4] = [
            ("Bitcoin", "btc", 112_400.0, 0.42, 1000.0),
            ("Ethereum", "eth", 4_310.0, 0.62, 50.0),
            ("Solana", "sol", 211.0, 0.80, 5.0),
            ("XRP", "xrp", 2.87, 0.78, 0.05),
        ];
        let n = (T1 - T0 + 1) as usize;
        let hours = n / HOUR as usize + 2;
        let mut xs: Vec<Vec<f32>> = vec![Vec::with_capacity(n); 4];
        let mut regimes: Vec<Vec<f32>> = vec![Vec::with_capacity(hours); 4];
        let mut reg = [0.0f64; 4];
        let mut x = [0.0f64; 4];
        let per_sec: Vec<f64> = spec.iter().map(|s| s.3 / (365.0f64 * 86_400.0).sqrt()).collect();
        let mut common_reg = 0.0f64;
        for h in 0..hours {
            common_reg = 0.9 * common_reg + 0.2 * rng.normal();
            for a in 0..4 {
                reg[a] = 0.85 * reg[a] + 0.12 * rng.normal();
                let utc_h = ((T0 + h as i64 * HOUR).rem_euclid(DAY) / HOUR) as f64;
                let intraday = if (13.0..21.0).contains(&utc_h) {
                    1.25
                } else if (2.0..8.0).contains(&utc_h) {
                    0.8
                } else {
                    1.0
                };
                regimes[a].push(((common_reg + reg[a]).exp() * intraday) as f32);
            }
        }
        for i in 0..n {
            let h = i / HOUR as usize;
            let zc = rng.normal();
            let jump = rng.chance(2.0 / 86_400.0);
            let jz = if jump { rng.normal() } else { 0.0 };
            for a in 0..4 {
                let z = 0.75 * zc + 0.66 * rng.normal();
                let s = per_sec[a] * regimes[a][h] as f64;
                x[a] += s * z;
                if jump {
                    x[a] += 0.005 * (1.0 + a as f64 * 0.3) * jz;
                }
                xs[a].push(x[a] as f32);
            }
        }
        for (a, (xv, rv)) in xs.into_iter().zip(regimes).enumerate() {
            self.assets.push(Asset { name: spec[a].0, sym: spec[a].1, s0: spec[a].2, vol: per_sec[a], step: spec[a].4, x: xv, regime: rv });
        }
    }

    /// The crypto market of this kind whose window starts at `start` (for Above: ends at `start`
    /// + one day, strike index `k`), created on first use.
    pub fn crypto(&mut self, kind: Ck, asset: usize, start: i64, strike: usize) -> usize {
        let key_t = if kind == Ck::Above { start * 16 + strike as i64 } else { start };
        if let Some(&i) = self.crypto_idx.get(&(kind, asset, key_t)) {
            return i;
        }
        let a = &self.assets[asset];
        let end = start + kind.len();
        let (name, sym) = (a.name, a.sym);
        let et = -4;
        let (title, slug, open, flow, hs, depth) = match kind {
            Ck::M15 => (
                format!(
                    "{name} Up or Down - {}, {}-{} ET",
                    md(start, et),
                    at(start, et).format("%-I:%M%p"),
                    at(end, et).format("%-I:%M%p")
                ),
                format!("{sym}-updown-15m-{start}"),
                start - 30 * MIN,
                90.0,
                0.01,
                250.0,
            ),
            Ck::H1 => (
                format!("{name} Up or Down - {}, {} ET", md(start, et), at(start, et).format("%-I%p")),
                format!(
                    "{}-up-or-down-{}-{}-et",
                    name.to_lowercase(),
                    md_slug(start, et),
                    at(start, et).format("%-I%p").to_string().to_lowercase()
                ),
                start - 4 * HOUR,
                50.0,
                0.01,
                350.0,
            ),
            Ck::H4 => (
                format!("{name} Up or Down - {}, {}-{} ET", md(start, et), at(start, et).format("%-I%p"), at(end, et).format("%-I%p")),
                format!("{sym}-updown-4h-{start}"),
                start - 8 * HOUR,
                25.0,
                0.01,
                400.0,
            ),
            Ck::Day => (
                format!("{name} Up or Down on {}?", md(end, et)),
                format!("{}-up-or-down-on-{}", name.to_lowercase(), md_slug(end, et)),
                start - DAY,
                18.0,
                0.006,
                800.0,
            ),
            Ck::Above => {
                let open = end - 2 * DAY;
                let s = a.price(open);
                let k = ((s / a.step).round() + strike as f64 - 3.0) * a.step;
                let ks = if a.step >= 1.0 { format!("{}", fmt_thousands(k as i64)) } else { format!("{k:.2}") };
                let kslug = if k >= 1000.0 { format!("{}k", (k / 1000.0).round() as i64) } else { slugify(&ks) };
                (
                    format!("{name} above {ks} on {}?", md(end, et)),
                    format!("{}-above-{kslug}-on-{}", name.to_lowercase(), md_slug(end, et)),
                    open,
                    8.0,
                    0.008,
                    500.0,
                )
            }
        };
        let src = match kind {
            Ck::Above => {
                let s = a.price(end - 2 * DAY);
                let k = ((s / a.step).round() + strike as f64 - 3.0) * a.step;
                Src::Above { asset, k: (k / a.s0).ln(), end }
            }
            _ => Src::UpDown { asset, start, end },
        };
        let winner = if end <= NOW {
            let up = match &src {
                Src::Above { k, .. } => a.x(end) >= *k,
                _ => a.x(end) >= a.x(start),
            };
            Some(if up { 0 } else { 1 })
        } else {
            None
        };
        let mut s = Spec::new(title, slug, Cat::Crypto, open, end, end, src);
        if kind != Ck::Above {
            s.outcomes = ["Up".into(), "Down".into()];
        }
        s.winner = winner;
        s.flow = flow;
        s.hs = hs;
        s.depth = depth;
        s.live = Some((start, end));
        s.region = 4;
        s.big = kind == Ck::Day;
        let i = self.add(s);
        self.crypto_idx.insert((kind, asset, key_t), i);
        self.crypto_made.push(i);
        i
    }

    // ----- politics -----

    fn build_politics(&mut self) {
        let rng = self.rng("politics");
        let long: Vec<(String, String, [&str; 2], f64, f64, u8)> = vec![
            (
                "Will the Democrats win the House in 2026?".into(),
                "will-the-democrats-win-the-house-in-2026".into(),
                ["Yes", "No"],
                0.74,
                70.0,
                0,
            ),
            (
                "Will the Republicans keep the Senate in 2026?".into(),
                "will-the-republicans-keep-the-senate-in-2026".into(),
                ["Yes", "No"],
                0.66,
                55.0,
                0,
            ),
            (
                "Balance of Power: Democratic House, Republican Senate?".into(),
                "balance-of-power-2026-d-house-r-senate".into(),
                ["Yes", "No"],
                0.48,
                20.0,
                0,
            ),
            (
                "Will Lula win the 2026 Brazilian presidential election?".into(),
                "brazil-presidential-election-2026-lula".into(),
                ["Yes", "No"],
                0.54,
                30.0,
                3,
            ),
            (
                "Will Gavin Newsom be the 2028 Democratic nominee?".into(),
                "democratic-nominee-2028-gavin-newsom".into(),
                ["Yes", "No"],
                0.31,
                15.0,
                0,
            ),
            (
                "Will JD Vance be the 2028 Republican nominee?".into(),
                "republican-nominee-2028-jd-vance".into(),
                ["Yes", "No"],
                0.52,
                14.0,
                0,
            ),
            ("Will AOC be the 2028 Democratic nominee?".into(), "democratic-nominee-2028-aoc".into(), ["Yes", "No"], 0.11, 10.0, 0),
            (
                "Trump approval rating above 43% on October 31?".into(),
                "trump-approval-above-43-on-october-31".into(),
                ["Yes", "No"],
                0.38,
                12.0,
                0,
            ),
        ];
        for (title, slug, oc, p0, flow, region) in long {
            let (pts, jumps) = walk(&rng, T0, T1, 20 * MIN, p0, 0.09, 0.12, 0.22);
            let mut s = Spec::new(title, slug, Cat::Politics, T0, T1 + DAY, T1 + DAY, Src::Path(pts));
            s.outcomes = [oc[0].into(), oc[1].into()];
            s.flow = flow;
            s.jumps = jumps;
            s.depth = 2500.0;
            s.hs = 0.005;
            s.region = region;
            s.big = flow >= 30.0;
            self.add(s);
        }
        let senate = [
            ("Georgia", 0.63),
            ("Michigan", 0.57),
            ("North Carolina", 0.58),
            ("Maine", 0.44),
            ("Ohio", 0.36),
            ("Texas", 0.21),
            ("Iowa", 0.26),
            ("New Hampshire", 0.79),
            ("Alaska", 0.22),
            ("Minnesota", 0.86),
            ("Nebraska", 0.24),
        ];
        for (st, p0) in senate {
            let (pts, jumps) = walk(&rng, T0, T1, 30 * MIN, p0, 0.1, 0.1, 0.25);
            let mut s = Spec::new(
                format!("{st} Senate Election Winner"),
                format!("{}-senate-election-winner-2026", slugify(st)),
                Cat::Politics,
                T0,
                T1 + DAY,
                T1 + DAY,
                Src::Path(pts),
            );
            s.outcomes = ["Democratic".into(), "Republican".into()];
            s.flow = rng.range(8.0, 22.0);
            s.jumps = jumps;
            s.depth = 900.0;
            s.hs = 0.008;
            self.add(s);
        }
        let gov = [
            ("Pennsylvania", 0.8),
            ("Arizona", 0.55),
            ("Georgia", 0.34),
            ("Michigan", 0.49),
            ("Wisconsin", 0.56),
            ("Nevada", 0.45),
            ("Ohio", 0.31),
            ("New York", 0.86),
            ("Kansas", 0.33),
            ("Iowa", 0.29),
        ];
        for (st, p0) in gov {
            let (pts, jumps) = walk(&rng, T0, T1, 30 * MIN, p0, 0.1, 0.08, 0.25);
            let mut s = Spec::new(
                format!("{st} Governor Election Winner"),
                format!("{}-governor-election-winner-2026", slugify(st)),
                Cat::Politics,
                T0,
                T1 + DAY,
                T1 + DAY,
                Src::Path(pts),
            );
            s.outcomes = ["Democratic".into(), "Republican".into()];
            s.flow = rng.range(4.0, 12.0);
            s.jumps = jumps;
            s.depth = 600.0;
            s.hs = 0.01;
            self.add(s);
        }
        // Brazil's first round (October 4): counted on the night, resolved next morning.
        let count_start = utc(10, 4, 20, 0);
        let count_end = utc(10, 5, 1, 30);
        for (title, slug, p0) in [
            ("Will the Brazil presidential election go to a runoff?", "brazil-presidential-election-runoff-2026", 0.82),
            ("Will Lula finish first in the first round?", "lula-first-place-first-round-brazil-2026", 0.77),
        ] {
            let r = Rng::derive(self.seed, fnv(slug));
            let win_yes = r.chance(p0);
            let (mut pts, mut jumps) = walk(&r, T0, count_start, 30 * MIN, p0, 0.12, 0.1, 0.2);
            // Counting: converge to the result over the evening.
            let last = pts.last().unwrap().1 as f64;
            let target = if win_yes { 0.9995 } else { 0.0005 };
            let mut t = count_start + 60;
            while t <= count_end {
                let f = ((t - count_start) as f64 / (count_end - count_start) as f64).powf(0.6);
                let p = last + (target - last) * f + 0.01 * r.normal() * (1.0 - f);
                pts.push((t, p.clamp(0.0005, 0.9995) as f32));
                t += 2 * MIN;
            }
            jumps.push((count_start + HOUR, ((target - last) * 0.4) as f32));
            pts.push((T1 + DAY, target as f32));
            let mut s =
                Spec::new(title.into(), slug.into(), Cat::Politics, T0, count_end + rng.int(3, 10) * HOUR, count_end, Src::Path(pts));
            s.winner = Some(if win_yes { 0 } else { 1 });
            s.flow = 20.0;
            s.jumps = jumps;
            s.depth = 1200.0;
            s.live = Some((count_start, count_end));
            s.region = 3;
            s.big = true;
            self.add(s);
        }
    }

    // ----- news -----

    fn build_news(&mut self) {
        let deadline_sep = utc(10, 1, 4, 0);
        // (title, slug, p0, deadline or None, flow)
        let items: Vec<(&str, &str, f64, Option<i64>, f64)> = vec![
            ("US government shutdown by October 1?", "us-government-shutdown-by-october-1", 0.46, Some(deadline_sep), 45.0),
            (
                "Russia x Ukraine ceasefire by September 30?",
                "russia-x-ukraine-ceasefire-by-september-30-2026",
                0.05,
                Some(deadline_sep),
                20.0,
            ),
            ("Will Israel strike Iran by September 30?", "israel-strike-iran-by-september-30-2026", 0.12, Some(deadline_sep), 14.0),
            ("Will OpenAI release GPT-6 by September 30?", "openai-gpt-6-by-september-30", 0.07, Some(deadline_sep), 10.0),
            (
                "Tesla launches unsupervised FSD in California by September 30?",
                "tesla-unsupervised-fsd-california-by-september-30",
                0.13,
                Some(deadline_sep),
                6.0,
            ),
            ("Will Trump meet Xi Jinping by October 31?", "trump-meets-xi-by-october-31", 0.36, None, 16.0),
            ("US military action against Venezuela by October 31?", "us-military-action-venezuela-by-october-31", 0.14, None, 12.0),
            ("Will China invade Taiwan in 2026?", "will-china-invade-taiwan-in-2026", 0.03, None, 8.0),
            ("Will Jesus Christ return before 2027?", "will-jesus-christ-return-before-2027", 0.02, None, 5.0),
            ("Will the US confirm that aliens exist before 2027?", "us-confirms-aliens-exist-before-2027", 0.025, None, 4.0),
            ("GTA VI delayed again by October 31?", "gta-vi-delayed-again-by-october-31", 0.18, None, 9.0),
            ("Netanyahu out as Israeli PM by December 31?", "netanyahu-out-by-december-31-2026", 0.21, None, 7.0),
            ("Will Putin and Zelenskyy meet by December 31?", "putin-zelenskyy-meet-by-december-31-2026", 0.09, None, 6.0),
            ("Will Bitcoin reach $150,000 by December 31?", "bitcoin-150k-by-december-31-2026", 0.24, None, 18.0),
            ("Will MicroStrategy sell Bitcoin by December 31?", "microstrategy-sells-bitcoin-by-december-31-2026", 0.05, None, 5.0),
            ("Will Elon Musk announce a new political party by December 31?", "elon-musk-new-party-by-december-31", 0.06, None, 4.0),
            (
                "Supreme Court rules on birthright citizenship by October 31?",
                "scotus-birthright-citizenship-ruling-by-october-31",
                0.12,
                None,
                5.0,
            ),
            ("Will Kim Jong Un meet Trump in 2026?", "kim-jong-un-meets-trump-in-2026", 0.13, None, 6.0),
        ];
        let mut shutdown = false;
        for (title, slug, p0, deadline, flow) in items {
            let r = Rng::derive(self.seed, fnv(slug));
            let mut s;
            match deadline {
                Some(d) => {
                    let yes = r.chance(p0);
                    if slug.starts_with("us-government-shutdown") {
                        shutdown = yes;
                    }
                    let (mut pts, mut jumps) = walk(&r, T0, d, 20 * MIN, p0, 0.25, 0.25, 0.35);
                    // Time decay toward the result: the event either happens (a jump up) or the
                    // deadline approaches with nothing.
                    let tau = if yes { d - r.int(HOUR, 5 * DAY) } else { d };
                    let start_decay = T0 + (d - T0) / 3;
                    for p in pts.iter_mut() {
                        if p.0 > start_decay && p.0 < tau {
                            let f = (p.0 - start_decay) as f64 / (d - start_decay) as f64;
                            let l = logit(p.1 as f64) - if yes { -0.8 * f } else { 3.5 * f * f };
                            p.1 = logistic(l) as f32;
                        }
                    }
                    pts.retain(|p| p.0 < tau);
                    let before = pts.last().map(|p| p.1).unwrap_or(p0 as f32);
                    let after = if yes { 0.97f32 } else { 0.004 };
                    pts.push((tau, after));
                    if yes {
                        jumps.push((tau, after - before));
                        pts.push((d, 0.995));
                    }
                    let end = d;
                    pts.push((T1 + DAY, if yes { 0.9995 } else { 0.0005 }));
                    s = Spec::new(title.into(), slug.into(), Cat::News, T0, d + r.int(2, 20) * HOUR, end, Src::Path(pts));
                    s.winner = Some(if yes { 0 } else { 1 });
                    s.jumps = jumps;
                }
                None => {
                    let (pts, jumps) = walk(&r, T0, T1, 20 * MIN, p0, 0.2, 0.15, 0.35);
                    s = Spec::new(title.into(), slug.into(), Cat::News, T0, T1 + DAY, T1 + DAY, Src::Path(pts));
                    s.jumps = jumps;
                }
            }
            s.flow = flow;
            s.depth = 700.0 + flow * 30.0;
            s.hs = if flow > 12.0 { 0.006 } else { 0.012 };
            s.region = 4;
            s.big = flow >= 16.0;
            self.add(s);
        }
        if shutdown {
            let r = self.rng("shutdown-end");
            let open = utc(10, 1, 6, 0);
            let (pts, jumps) = walk(&r, open, T1, 20 * MIN, 0.55, 0.5, 0.4, 0.4);
            let mut s = Spec::new(
                "Will the government shutdown end by October 15?".into(),
                "government-shutdown-ends-by-october-15".into(),
                Cat::News,
                open,
                T1 + DAY,
                T1 + DAY,
                Src::Path(pts),
            );
            s.jumps = jumps;
            s.flow = 40.0;
            s.depth = 1500.0;
            s.big = true;
            self.add(s);
        }
    }

    // ----- sports -----

    fn add_two_way(
        &mut self,
        rng: &Rng,
        sport: Sport,
        league: &str,
        a: (&str, &str),
        b: (&str, &str),
        start: i64,
        flow: f64,
        region: u8,
        big: bool,
    ) {
        let open = start - rng.int(36, 120) * HOUR;
        let close_after = rng.int(15, 200) * MIN;
        let pre = rng.range(0.25, 0.75);
        let g = game_paths(rng, sport, open, start, close_after, pre);
        let date = ymd(start, -4);
        let mut s = Spec::new(
            format!("{} vs. {}", a.0, b.0),
            format!("{league}-{}-{}-{date}", a.1, b.1),
            Cat::Sports,
            open,
            g.end + close_after,
            g.end,
            Src::Path(g.paths[0].clone()),
        );
        s.outcomes = [a.0.into(), b.0.into()];
        s.sport = Some(sport);
        s.winner = Some(g.winner as u8);
        s.flow = flow;
        s.live = Some((start, g.end));
        s.depth = 300.0 + flow * 25.0;
        s.hs = if flow >= 20.0 { 0.005 } else { 0.01 };
        s.region = region;
        s.big = big;
        s.jumps = jumps_of(&g.paths[0], start, g.end);
        let m = self.add(s);
        self.games.push(Game { sport, start, end: g.end, markets: vec![m], events: g.events, region, big });
    }

    fn add_soccer(&mut self, rng: &Rng, league: &str, h: (&str, &str), a: (&str, &str), start: i64, flow: f64, big: bool) {
        let open = start - rng.int(48, 140) * HOUR;
        let close_after = rng.int(20, 180) * MIN;
        let share = rng.range(0.3, 0.7);
        let g = game_paths(rng, Sport::Soccer, open, start, close_after, share);
        let date = ymd(start, 0);
        let titles = [
            (format!("Will {} win on {date}?", h.0), format!("{league}-{}-{}-{date}-{}", h.1, a.1, h.1)),
            (format!("Will {} vs. {} end in a draw?", h.0, a.0), format!("{league}-{}-{}-{date}-draw", h.1, a.1)),
            (format!("Will {} win on {date}?", a.0), format!("{league}-{}-{}-{date}-{}", h.1, a.1, a.1)),
        ];
        let mut ms = Vec::new();
        for (k, (title, slug)) in titles.into_iter().enumerate() {
            let mut s = Spec::new(title, slug, Cat::Sports, open, g.end + close_after, g.end, Src::Path(g.paths[k].clone()));
            s.sport = Some(Sport::Soccer);
            s.winner = Some(if g.winner == k { 0 } else { 1 });
            s.flow = if k == 1 { flow * 0.5 } else { flow };
            s.live = Some((start, g.end));
            s.depth = 300.0 + flow * 25.0;
            s.hs = if flow >= 15.0 { 0.006 } else { 0.01 };
            s.region = 1;
            s.big = big;
            s.jumps = jumps_of(&g.paths[k], start, g.end);
            ms.push(self.add(s));
        }
        self.games.push(Game { sport: Sport::Soccer, start, end: g.end, markets: ms, events: g.events, region: 1, big });
    }

    fn build_sports(&mut self) {
        let rng = self.rng("sports");
        // NFL weeks 1 (Monday night) to 6 (Thursday).
        let mut nfl_slots: Vec<i64> = vec![utc(9, 15, 0, 15), utc(9, 15, 2, 0)];
        for (thu, sun, mon) in
            [((9, 18), (9, 20), (9, 22)), ((9, 25), (9, 27), (9, 29)), ((10, 2), (10, 4), (10, 6)), ((10, 9), (10, 11), (10, 13))]
        {
            nfl_slots.push(utc(thu.0, thu.1, 0, 15));
            if sun.1 == 4 || sun.1 == 11 {
                nfl_slots.push(utc(sun.0, sun.1, 13, 30));
            }
            for _ in 0..8 {
                nfl_slots.push(utc(sun.0, sun.1, 17, 0));
            }
            for _ in 0..2 {
                nfl_slots.push(utc(sun.0, sun.1, 20, 5));
            }
            for _ in 0..3 {
                nfl_slots.push(utc(sun.0, sun.1, 20, 25));
            }
            nfl_slots.push(utc(sun.0, sun.1 + 1, 0, 20));
            nfl_slots.push(utc(mon.0, mon.1, 0, 15));
        }
        nfl_slots.push(utc(10, 16, 0, 15));
        let mut teams: Vec<usize> = (0..NFL.len()).collect();
        let mut k = 0;
        for (i, &t) in nfl_slots.iter().enumerate() {
            if i == 0 || t - nfl_slots[i - 1] > 2 * DAY {
                rng.shuffle(&mut teams);
                k = 0;
            }
            let (a, b) = (NFL[teams[k % 32]], NFL[teams[(k + 1) % 32]]);
            k += 2;
            let prime = !(t % DAY == 17 * HOUR || t % DAY == 20 * HOUR + 5 * MIN);
            self.add_two_way(&rng, Sport::Nfl, "nfl", a, b, t, if prime { 60.0 } else { 35.0 }, 0, prime);
        }
        // College football Saturdays.
        for d in [(9, 19), (9, 26), (10, 3), (10, 10)] {
            let mut tm: Vec<usize> = (0..CFB.len()).collect();
            rng.shuffle(&mut tm);
            for (j, hm) in [(16, 0), (16, 0), (19, 30), (19, 30), (23, 30), (23, 30)].iter().enumerate() {
                self.add_two_way(&rng, Sport::Cfb, "cfb", CFB[tm[2 * j]], CFB[tm[2 * j + 1]], utc(d.0, d.1, hm.0, hm.1), 14.0, 0, j == 4);
            }
        }
        // MLB: end of the regular season, then the postseason.
        let mut day = utc(9, 15, 0, 0);
        while day < NOW + DAY {
            let playoff = day >= utc(9, 29, 0, 0);
            if day < utc(9, 28, 0, 0) || playoff {
                let n = if playoff { rng.int(2, 4) } else { 5 };
                let times = [(17, 5), (20, 10), (23, 5), (23, 40), (0, 10), (2, 10)];
                let mut tm: Vec<usize> = (0..MLB.len()).collect();
                rng.shuffle(&mut tm);
                for j in 0..n as usize {
                    let (h, mi) = times[(j * 2 + rng.below(2)) % times.len()];
                    let t = day + h * HOUR + mi * MIN + if h < 5 { DAY } else { 0 };
                    if MLB[tm[2 * j]].1 == MLB[tm[2 * j + 1]].1 {
                        continue;
                    }
                    self.add_two_way(
                        &rng,
                        Sport::Mlb,
                        "mlb",
                        MLB[tm[2 * j]],
                        MLB[tm[2 * j + 1]],
                        t,
                        if playoff { 40.0 } else { 9.0 },
                        0,
                        playoff,
                    );
                }
            }
            day += DAY;
        }
        // NHL from October 7.
        let mut day = utc(10, 7, 0, 0);
        while day < NOW + DAY {
            let mut tm: Vec<usize> = (0..NHL.len()).collect();
            rng.shuffle(&mut tm);
            for j in 0..rng.int(2, 4) as usize {
                let t = day + DAY + [23 * HOUR - DAY, 0, HOUR + 30 * MIN, 2 * HOUR][j % 4];
                self.add_two_way(&rng, Sport::Nhl, "nhl", NHL[tm[2 * j]], NHL[tm[2 * j + 1]], t, 7.0, 0, false);
            }
            day += DAY;
        }
        // Tennis: the Asian swing.
        let mut day = utc(9, 23, 0, 0);
        while day < NOW + DAY {
            for j in 0..rng.int(2, 4) {
                let p = rng.sample(TENNIS.len(), 2);
                let a = TENNIS[p[0]];
                let b = TENNIS[p[1]];
                let last = |s: &str| slugify(s.rsplit(' ').next().unwrap_or(s));
                let t = day + (4 + 3 * j) * HOUR + rng.int(0, 4) * 15 * MIN;
                let la = last(a);
                let lb = last(b);
                let la: &'static str = Box::leak(la.into_boxed_str());
                let lb: &'static str = Box::leak(lb.into_boxed_str());
                self.add_two_way(&rng, Sport::Tennis, "atp", (a, la), (b, lb), t, 8.0, 2, p.contains(&0) || p.contains(&1));
            }
            day += DAY;
        }
        // UFC main cards (Saturday nights, US time).
        for d in [(9, 20), (9, 27), (10, 4), (10, 11)] {
            let p = rng.sample(UFC.len(), 10);
            for j in 0..5 {
                let a = UFC[p[2 * j]];
                let b = UFC[p[2 * j + 1]];
                let la: &'static str = Box::leak(slugify(a.rsplit(' ').next().unwrap()).into_boxed_str());
                let lb: &'static str = Box::leak(slugify(b.rsplit(' ').next().unwrap()).into_boxed_str());
                let t = utc(d.0, d.1, 2, 0) + j as i64 * 35 * MIN;
                self.add_two_way(&rng, Sport::Ufc, "ufc", (a, la), (b, lb), t, if j == 4 { 30.0 } else { 10.0 }, 0, j == 4);
            }
        }
        // Esports: LoL Worlds and CS2 events (Asian/European hours).
        let mut day = utc(9, 17, 0, 0);
        while day < NOW + DAY {
            for j in 0..rng.int(1, 3) {
                let lol = rng.chance(0.5);
                let pool: Vec<&(&str, &str, &str)> = ESPORTS.iter().filter(|e| (e.2 == "lol") == lol).collect();
                let p = rng.sample(pool.len(), 2);
                let (a, b) = (pool[p[0]], pool[p[1]]);
                let t = day + if lol { (8 + 3 * j) * HOUR } else { (13 + 3 * j) * HOUR };
                self.add_two_way(&rng, Sport::Esports, a.2, (a.0, a.1), (b.0, b.1), t, 6.0, 2, false);
            }
            day += DAY;
        }
        // Soccer: club weekends, Champions League midweeks, Nations League in October.
        let weekends = [(9, 19), (9, 20), (9, 26), (9, 27), (10, 3), (10, 4)];
        for d in weekends {
            for (li, (league, teams)) in SOCCER.iter().enumerate() {
                let n = if li == 0 { 4 } else { 2 };
                let p = rng.sample(teams.len(), 2 * n);
                for j in 0..n {
                    let ko = match li {
                        0 => [(11, 30), (14, 0), (14, 0), (16, 30)][j],
                        1 => [(14, 0), (19, 0)][j],
                        2 => [(16, 0), (18, 45)][j],
                        _ => [(13, 30), (16, 30)][j],
                    };
                    let big = j == n - 1 && li <= 1;
                    self.add_soccer(
                        &rng,
                        league,
                        teams[p[2 * j]],
                        teams[p[2 * j + 1]],
                        utc(d.0, d.1, ko.0, ko.1),
                        if li == 0 { 16.0 } else { 9.0 },
                        big,
                    );
                }
            }
        }
        let all: Vec<(&str, &str)> = SOCCER.iter().flat_map(|(_, t)| t.iter().copied()).collect();
        for d in [(9, 15), (9, 16), (9, 29), (9, 30)] {
            let p = rng.sample(all.len(), 8);
            for j in 0..4 {
                let ko = if j == 0 { (16, 45) } else { (19, 0) };
                self.add_soccer(&rng, "ucl", all[p[2 * j]], all[p[2 * j + 1]], utc(d.0, d.1, ko.0, ko.1), 18.0, j == 3);
            }
        }
        for d in [(10, 9), (10, 10), (10, 12), (10, 13)] {
            let p = rng.sample(NATIONS.len(), 4);
            for j in 0..2 {
                self.add_soccer(
                    &rng,
                    "unl",
                    NATIONS[p[2 * j]],
                    NATIONS[p[2 * j + 1]],
                    utc(d.0, d.1, if j == 0 { 16 } else { 18 }, if j == 0 { 0 } else { 45 }),
                    12.0,
                    false,
                );
            }
        }
        self.games.sort_by_key(|g| g.start);
        // Futures: long-dated sports markets.
        for (title, slug, p0, flow) in [
            ("Will the Dodgers win the 2026 World Series?", "world-series-2026-dodgers", 0.22, 14.0),
            ("Will the Yankees win the 2026 World Series?", "world-series-2026-yankees", 0.12, 8.0),
            ("Will the Chiefs win Super Bowl LXI?", "super-bowl-lxi-chiefs", 0.11, 9.0),
            ("Will the Eagles win Super Bowl LXI?", "super-bowl-lxi-eagles", 0.13, 9.0),
            ("Will the Thunder win the 2027 NBA Finals?", "nba-champion-2027-thunder", 0.24, 8.0),
            ("Will Arsenal win the 2026-27 Premier League?", "premier-league-2026-27-arsenal", 0.28, 7.0),
            ("Will Liverpool win the 2026-27 Premier League?", "premier-league-2026-27-liverpool", 0.24, 7.0),
        ] {
            let r = Rng::derive(self.seed, fnv(slug));
            let (pts, jumps) = walk(&r, T0, T1, 30 * MIN, p0, 0.12, 0.15, 0.2);
            let mut s = Spec::new(title.into(), slug.into(), Cat::Sports, T0, T1 + DAY, T1 + DAY, Src::Path(pts));
            s.flow = flow;
            s.jumps = jumps;
            s.depth = 1500.0;
            s.hs = 0.006;
            self.add(s);
        }
    }

    // ----- weather -----

    fn build_weather(&mut self) {
        for (ci, c) in CITIES.iter().enumerate() {
            let rng = Rng::derive(self.seed, fnv(c.slug));
            let mut anomaly = 0.0f64;
            for d in 0..33i64 {
                let date_utc = utc(9, 13, 0, 0) + d * DAY;
                let day_start = date_utc - c.tz as i64 * HOUR;
                let day_end = day_start + DAY;
                let open = day_start - 2 * DAY + rng.int(14, 20) * HOUR;
                let close = day_end + rng.int(5, 12) * HOUR;
                if close <= START + HOUR || open >= NOW {
                    anomaly = 0.6 * anomaly + rng.normal();
                    continue;
                }
                let f = (d as f64 / 32.0).clamp(0.0, 1.0);
                let clim = c.clim.0 + (c.clim.1 - c.clim.0) * f;
                let unit = if c.fahrenheit { 1.0 } else { 0.55 };
                anomaly = 0.6 * anomaly + 0.8 * rng.normal();
                let truth_raw = clim + anomaly * 5.0 * unit;
                let truth = truth_raw.round();
                // The forecast at listing decides the brackets.
                let e_open = 3.2 * unit * rng.normal();
                let centre = (truth_raw + e_open).round();
                let brackets: Vec<(f64, f64, String, String)> = if c.fahrenheit {
                    let lo0 = centre - 5.0;
                    let mut v = vec![(f64::NEG_INFINITY, lo0 - 0.5, format!("{}°F or below", lo0 - 1.0), format!("{}forbelow", lo0 - 1.0))];
                    for k in 0..5 {
                        let a = lo0 + 2.0 * k as f64;
                        v.push((a - 0.5, a + 1.5, format!("between {}-{}°F", a, a + 1.0), format!("{}-{}f", a, a + 1.0)));
                    }
                    let hi = lo0 + 10.0;
                    v.push((hi - 0.5, f64::INFINITY, format!("{}°F or higher", hi), format!("{}forhigher", hi)));
                    v
                } else {
                    let lo0 = centre - 2.0;
                    let mut v = vec![(f64::NEG_INFINITY, lo0 - 0.5, format!("{}°C or below", lo0 - 1.0), format!("{}corbelow", lo0 - 1.0))];
                    for k in 0..5 {
                        let a = lo0 + k as f64;
                        v.push((a - 0.5, a + 0.5, format!("{}°C", a), format!("{}c", a)));
                    }
                    let hi = lo0 + 5.0;
                    v.push((hi - 0.5, f64::INFINITY, format!("{}°C or higher", hi), format!("{}corhigher", hi)));
                    v
                };
                // Model runs: 00/06/12/18Z available about 4h later.
                let mut updates = Vec::new();
                let mut u = (open / (6 * HOUR)) * 6 * HOUR + 4 * HOUR;
                while u < day_end {
                    if u > open {
                        updates.push(u);
                    }
                    u += 6 * HOUR;
                }
                // On the day itself observations arrive hourly.
                let mut u = day_start + 9 * HOUR;
                while u < day_start + 19 * HOUR {
                    updates.push(u);
                    u += HOUR;
                }
                updates.sort();
                let release = day_start + 18 * HOUR;
                let spec = Latent {
                    open,
                    release,
                    close,
                    step: 10 * MIN,
                    truth,
                    err0: 3.2 * unit,
                    sig0: 3.4 * unit,
                    floor: 0.45 * unit,
                    updates: Some(updates.clone()),
                    brackets: brackets.iter().map(|b| (b.0, b.1)).collect(),
                };
                let (paths, winner, jumps) = latent_paths(&rng, &spec);
                let when = md(date_utc + 12 * HOUR, 0);
                let when_slug = md_slug(date_utc + 12 * HOUR, 0);
                let gi = self.groups.len() as u32;
                let mut ms = Vec::new();
                for (k, (path, b)) in paths.into_iter().zip(brackets.iter()).enumerate() {
                    let mut s = Spec::new(
                        format!("Will the highest temperature in {} be {} on {when}?", c.name, b.2),
                        format!("highest-temperature-in-{}-on-{when_slug}-2026-{}", c.slug, slugify(&b.3)),
                        Cat::Weather,
                        open,
                        close,
                        release,
                        Src::Path(path),
                    );
                    s.winner = if release <= NOW { Some(if k == winner { 0 } else { 1 }) } else { None };
                    s.flow = rng.range(3.0, 7.0);
                    s.live = Some((day_start + 8 * HOUR, release));
                    s.depth = 180.0;
                    s.hs = 0.01;
                    s.group = Some(gi);
                    s.region = c.region;
                    s.jumps = jumps[k].clone();
                    ms.push(self.add(s));
                }
                self.groups.push(Group {
                    kind: GroupKind::Weather,
                    title: format!("Highest temperature in {} on {when}?", c.short),
                    markets: ms,
                    open,
                    start: day_start,
                    release,
                    close,
                    updates,
                    city: ci,
                    region: c.region,
                });
            }
        }
    }

    // ----- economics -----

    fn latent_group(
        &mut self,
        rng: &Rng,
        kind: GroupKind,
        cat: Cat,
        title: &str,
        names: &[(String, String)],
        spec: Latent,
        flow: f64,
        region: u8,
    ) {
        let (paths, winner, jumps) = latent_paths(rng, &spec);
        let gi = self.groups.len() as u32;
        let mut ms = Vec::new();
        for (k, (path, (t, sl))) in paths.into_iter().zip(names.iter()).enumerate() {
            let mut s = Spec::new(t.clone(), sl.clone(), cat, spec.open, spec.close, spec.release, Src::Path(path));
            s.winner = if spec.release <= NOW { Some(if k == winner { 0 } else { 1 }) } else { None };
            s.flow = flow;
            s.live = Some((spec.release - 10 * MIN, spec.release + 30 * MIN));
            s.depth = 900.0;
            s.hs = 0.006;
            s.group = Some(gi);
            s.region = region;
            s.jumps = jumps[k].clone();
            s.big = true;
            ms.push(self.add(s));
        }
        self.groups.push(Group {
            kind,
            title: title.into(),
            markets: ms,
            open: spec.open,
            start: spec.release - HOUR,
            release: spec.release,
            close: spec.close,
            updates: Vec::new(),
            city: 0,
            region,
        });
    }

    fn build_econ(&mut self) {
        let rng = self.rng("econ");
        // Fed decisions: latent rate change in bps.
        for (month, release, truth, m0) in [("September", utc(9, 16, 18, 0), -25.0, -21.0), ("October", utc(10, 28, 18, 0), -25.0, -15.0)] {
            let br = [(f64::NEG_INFINITY, -37.5), (-37.5, -12.5), (-12.5, 12.5), (12.5, f64::INFINITY)];
            let names: Vec<(String, String)> = [
                ("decrease interest rates by 50+ bps", "fed-decreases-interest-rates-by-50-bps"),
                ("decrease interest rates by 25 bps", "fed-decreases-interest-rates-by-25-bps"),
                ("make no change to interest rates", "no-change-in-fed-interest-rates"),
                ("increase interest rates by 25+ bps", "fed-increases-interest-rates-by-25-bps"),
            ]
            .iter()
            .map(|(a, b)| {
                (format!("Will the Fed {a} after the {month} 2026 meeting?"), format!("{b}-after-{}-2026-meeting", month.to_lowercase()))
            })
            .collect();
            let spec = Latent {
                open: T0,
                release,
                close: release + rng.int(1, 4) * HOUR,
                step: 15 * MIN,
                truth,
                err0: (m0 - truth as f64).abs().max(3.0),
                sig0: 9.0,
                floor: 0.5,
                updates: None,
                brackets: br.to_vec(),
            };
            self.latent_group(&rng, GroupKind::Econ, Cat::Econ, &format!("Fed decision in {month}?"), &names, spec, 35.0, 0);
        }
        // September payrolls, released October 2.
        let rel = utc(10, 2, 12, 30);
        let truth = 20.0 + 70.0 * rng.normal();
        let br = [(f64::NEG_INFINITY, 0.0), (0.0, 50.0), (50.0, 100.0), (100.0, 150.0), (150.0, 200.0), (200.0, f64::INFINITY)];
        let labels = ["below 0", "0-49k", "50k-99k", "100k-149k", "150k-199k", "200k or more"];
        let names: Vec<(String, String)> = labels
            .iter()
            .map(|l| (format!("Will September nonfarm payrolls be {l}?"), format!("september-2026-nonfarm-payrolls-{}", slugify(l))))
            .collect();
        let spec = Latent {
            open: T0,
            release: rel,
            close: rel + 2 * HOUR,
            step: 15 * MIN,
            truth,
            err0: 35.0,
            sig0: 55.0,
            floor: 4.0,
            updates: None,
            brackets: br.to_vec(),
        };
        self.latent_group(&rng, GroupKind::Econ, Cat::Econ, "How many jobs added in September?", &names, spec, 18.0, 0);
        // Unemployment rate.
        let truth = (4.5 + 0.1 * rng.normal()).mul_add(10.0, 0.0).round() / 10.0;
        let br = [(f64::NEG_INFINITY, 4.35), (4.35, 4.45), (4.45, 4.55), (4.55, 4.65), (4.65, f64::INFINITY)];
        let labels = ["4.3% or lower", "4.4%", "4.5%", "4.6%", "4.7% or higher"];
        let names: Vec<(String, String)> = labels
            .iter()
            .map(|l| (format!("Will the September unemployment rate be {l}?"), format!("september-2026-unemployment-rate-{}", slugify(l))))
            .collect();
        let spec = Latent {
            open: T0,
            release: rel,
            close: rel + 2 * HOUR,
            step: 15 * MIN,
            truth,
            err0: 0.08,
            sig0: 0.1,
            floor: 0.01,
            updates: None,
            brackets: br.to_vec(),
        };
        self.latent_group(&rng, GroupKind::Econ, Cat::Econ, "September unemployment rate?", &names, spec, 8.0, 0);
        // September CPI, released October 14.
        let rel = utc(10, 14, 12, 30);
        let truth = ((0.25 + 0.1 * rng.normal()) * 10.0).round() / 10.0;
        let br = [(f64::NEG_INFINITY, 0.05), (0.05, 0.15), (0.15, 0.25), (0.25, 0.35), (0.35, 0.45), (0.45, f64::INFINITY)];
        let labels = ["0.0% or lower", "0.1%", "0.2%", "0.3%", "0.4%", "0.5% or higher"];
        let names: Vec<(String, String)> = labels
            .iter()
            .map(|l| (format!("Will September CPI increase by {l} month over month?"), format!("september-2026-cpi-mom-{}", slugify(l))))
            .collect();
        let spec = Latent {
            open: T0 + 6 * DAY,
            release: rel,
            close: rel + 2 * HOUR,
            step: 15 * MIN,
            truth,
            err0: 0.07,
            sig0: 0.11,
            floor: 0.01,
            updates: None,
            brackets: br.to_vec(),
        };
        self.latent_group(&rng, GroupKind::Econ, Cat::Econ, "September CPI (MoM)?", &names, spec, 14.0, 0);
        // Weekly jobless claims (binary: above 230k?).
        for d in [(9, 17), (9, 24), (10, 1), (10, 8)] {
            let rel = utc(d.0, d.1, 12, 30);
            let truth = 228.0 + 9.0 * rng.normal();
            let names = vec![(
                format!("Initial jobless claims above 230k for the week reported {}?", md(rel, 0)),
                format!("initial-jobless-claims-above-230k-{}", md_slug(rel, 0)),
            )];
            let spec = Latent {
                open: rel - 6 * DAY,
                release: rel,
                close: rel + HOUR,
                step: 15 * MIN,
                truth,
                err0: 6.0,
                sig0: 9.0,
                floor: 0.5,
                updates: None,
                brackets: vec![(230.5, f64::INFINITY)],
            };
            if spec.close > START {
                self.latent_group(&rng, GroupKind::Econ, Cat::Econ, "Jobless claims", &names, spec, 5.0, 0);
            }
        }
        // Long-dated macro.
        for (title, slug, p0, flow) in [
            ("US recession in 2026?", "us-recession-in-2026", 0.17, 16.0),
            ("Will the Fed cut rates 3 or more times in 2026?", "fed-3-or-more-cuts-in-2026", 0.42, 10.0),
            ("Will 10-year Treasury yield be above 4.5% on December 31?", "10y-treasury-above-4-5-december-31-2026", 0.3, 5.0),
        ] {
            let r = Rng::derive(self.seed, fnv(slug));
            let (pts, jumps) = walk(&r, T0, T1, 30 * MIN, p0, 0.12, 0.2, 0.2);
            let mut s = Spec::new(title.into(), slug.into(), Cat::Econ, T0, T1 + DAY, T1 + DAY, Src::Path(pts));
            s.flow = flow;
            s.jumps = jumps;
            s.depth = 1200.0;
            self.add(s);
        }
    }

    // ----- mentions -----

    fn build_mentions(&mut self) {
        let rng = self.rng("mentions");
        struct Ev {
            who: &'static str,
            what: String,
            slug: String,
            start: i64,
            mins: i64,
            words: &'static [&'static str],
            n: usize,
            flow: f64,
        }
        let mut evs: Vec<Ev> = Vec::new();
        evs.push(Ev {
            who: "the Fed Chair",
            what: "the September press conference".into(),
            slug: "fed-chair-september-press-conference".into(),
            start: utc(9, 16, 18, 30),
            mins: 55,
            words: &["Tariff", "Recession", "Inflation", "Shutdown", "AI", "Soft landing", "Labor market", "Crypto"],
            n: 7,
            flow: 10.0,
        });
        evs.push(Ev {
            who: "Trump",
            what: "his UN General Assembly speech".into(),
            slug: "trump-unga-speech".into(),
            start: utc(9, 22, 14, 30),
            mins: 58,
            words: &["Biden", "China", "Nobel", "Ukraine", "Tariff", "Climate", "Migration", "Windmill"],
            n: 8,
            flow: 14.0,
        });
        for (mo, d, h, mi) in [(9, 19, 23, 0), (9, 26, 23, 30), (10, 3, 22, 0), (10, 10, 23, 0)] {
            let t = utc(mo, d, h, mi);
            evs.push(Ev {
                who: "Trump",
                what: format!("his rally on {}", md(t, -4)),
                slug: format!("trump-rally-{}", md_slug(t, -4)),
                start: t,
                mins: rng.int(70, 105),
                words: &[
                    "Crypto",
                    "Biden",
                    "Sleepy Joe",
                    "Fake News",
                    "Tariff",
                    "Midterms",
                    "Rigged",
                    "Elon",
                    "Kamala",
                    "Windmill",
                    "Golden Dome",
                    "Nobel",
                ],
                n: 8,
                flow: 12.0,
            });
        }
        for (mo, d, h, mi) in [(9, 17, 17, 0), (9, 24, 17, 30), (10, 6, 17, 0), (10, 13, 17, 0)] {
            let t = utc(mo, d, h, mi);
            evs.push(Ev {
                who: "Karoline Leavitt",
                what: format!("the White House press briefing on {}", md(t, -4)),
                slug: format!("leavitt-press-briefing-{}", md_slug(t, -4)),
                start: t,
                mins: rng.int(35, 60),
                words: &["Shutdown", "Tariff", "Biden", "Fake News", "China", "Democrats", "Venezuela"],
                n: 6,
                flow: 6.0,
            });
        }
        for (co, mo, d, h, mi) in [
            ("FedEx", 9, 22, 20, 30),
            ("Micron", 9, 23, 20, 30),
            ("Nike", 9, 29, 21, 0),
            ("Delta", 10, 8, 12, 0),
            ("JPMorgan", 10, 13, 12, 30),
        ] {
            let t = utc(mo, d, h, mi);
            evs.push(Ev {
                who: co,
                what: "its earnings call".into(),
                slug: format!("{}-earnings-call-{}", slugify(co), md_slug(t, -4)),
                start: t,
                mins: rng.int(50, 70),
                words: &["Tariff", "AI", "Recession", "China", "Consumer", "Uncertainty"],
                n: 5,
                flow: 5.0,
            });
        }
        for (mo, d) in [(9, 21), (9, 28), (10, 5), (10, 12)] {
            let t = utc(mo, d, 0, 20);
            evs.push(Ev {
                who: "the announcers",
                what: format!("Sunday Night Football on {}", md(t, -4)),
                slug: format!("snf-announcers-{}", md_slug(t, -4)),
                start: t,
                mins: 195,
                words: &["Taylor Swift", "Fantasy", "Playoffs", "Travis Kelce", "Hall of Fame", "Super Bowl"],
                n: 5,
                flow: 6.0,
            });
        }
        for ev in evs {
            let end = ev.start + ev.mins * MIN;
            let open = ev.start - rng.int(20, 72) * HOUR;
            let close = end + rng.int(1, 6) * HOUR;
            if close <= START {
                continue;
            }
            let gi = self.groups.len() as u32;
            let mut ms = Vec::new();
            for wi in rng.sample(ev.words.len(), ev.n) {
                let word = ev.words[wi];
                let p0 = rng.range(0.08, 0.92);
                let (pts, winner, tau) = mention_path(&rng, open, ev.start, end, close, p0);
                let who = if ev.who == "Trump" || ev.who == "Karoline Leavitt" { ev.who.to_string() } else { ev.who.to_string() };
                let mut s = Spec::new(
                    format!("Will {who} say \"{word}\" during {}?", ev.what),
                    format!("{}-{}", ev.slug, slugify(word)),
                    Cat::Mention,
                    open,
                    close,
                    tau.unwrap_or(end),
                    Src::Path(pts),
                );
                s.winner = if close <= NOW || end <= NOW { Some(winner) } else { None };
                if tau.map_or(end > NOW, |x| x > NOW) {
                    s.winner = None;
                }
                s.flow = ev.flow;
                s.live = Some((ev.start, end));
                s.depth = 250.0;
                s.hs = 0.01;
                s.group = Some(gi);
                if let Some(x) = tau {
                    s.jumps = vec![(x, 0.3)];
                }
                ms.push(self.add(s));
            }
            self.groups.push(Group {
                kind: GroupKind::Mention,
                title: format!("What will {} say during {}?", ev.who, ev.what),
                markets: ms,
                open,
                start: ev.start,
                release: end,
                close,
                updates: Vec::new(),
                city: 0,
                region: 0,
            });
        }
    }

    // ----- culture -----

    fn cat_group(
        &mut self,
        rng: &Rng,
        title: &str,
        names: &[(String, String)],
        p0: &[f64],
        open: i64,
        reveal: i64,
        close: i64,
        flow: f64,
        region: u8,
    ) {
        let (paths, winner, jumps) = categorical_paths(rng, open, reveal, close.min(T1 + DAY), 30 * MIN, p0, 0.25);
        let gi = self.groups.len() as u32;
        let mut ms = Vec::new();
        for (k, (path, (t, sl))) in paths.into_iter().zip(names.iter()).enumerate() {
            let mut s = Spec::new(t.clone(), sl.clone(), Cat::Culture, open, close, reveal, Src::Path(path));
            s.winner = if reveal <= NOW { winner.map(|w| if w == k { 0 } else { 1 }) } else { None };
            s.flow = flow * (0.4 + p0[k]);
            s.live = Some((reveal - 2 * HOUR, reveal + 10 * MIN));
            s.depth = 300.0;
            s.hs = 0.01;
            s.group = Some(gi);
            s.region = region;
            s.jumps = jumps[k].clone();
            ms.push(self.add(s));
        }
        self.groups.push(Group {
            kind: GroupKind::Culture,
            title: title.into(),
            markets: ms,
            open,
            start: reveal - HOUR,
            release: reveal,
            close,
            updates: Vec::new(),
            city: 0,
            region,
        });
    }

    fn build_culture(&mut self) {
        let rng = self.rng("culture");
        let nobel: [(&str, i64, &[&str], &[f64]); 3] = [
            (
                "Literature",
                utc(10, 8, 11, 0),
                &[
                    "Can Xue",
                    "Haruki Murakami",
                    "Gerald Murnane",
                    "Anne Carson",
                    "Mircea Cartarescu",
                    "Salman Rushdie",
                    "Thomas Pynchon",
                    "Other",
                ],
                &[0.12, 0.1, 0.08, 0.09, 0.1, 0.06, 0.04, 0.41],
            ),
            (
                "Peace",
                utc(10, 9, 9, 0),
                &[
                    "Donald Trump",
                    "Yulia Navalnaya",
                    "UNRWA",
                    "Sudan Emergency Response Rooms",
                    "Doctors Without Borders",
                    "International Court of Justice",
                    "Other",
                ],
                &[0.08, 0.1, 0.07, 0.16, 0.08, 0.06, 0.45],
            ),
            (
                "Economics",
                utc(10, 12, 9, 45),
                &["Raj Chetty", "Olivier Blanchard", "Richard Blundell", "Robert Barro", "Edward Glaeser", "Other"],
                &[0.14, 0.13, 0.11, 0.07, 0.06, 0.49],
            ),
        ];
        for (field, reveal, names, p0) in nobel {
            let nm: Vec<(String, String)> = names
                .iter()
                .map(|n| {
                    (
                        if *n == "Other" {
                            format!("Will someone else win the 2026 Nobel {field} Prize?")
                        } else {
                            format!("Will {n} win the 2026 Nobel {field} Prize?")
                        },
                        format!("nobel-{}-prize-2026-{}", field.to_lowercase(), slugify(n)),
                    )
                })
                .collect();
            let open = utc(9, 1, 0, 0);
            self.cat_group(
                &rng,
                &format!("Nobel {field} Prize winner 2026?"),
                &nm,
                p0,
                T0.max(open),
                reveal,
                reveal + rng.int(2, 8) * HOUR,
                10.0,
                1,
            );
        }
        // Billboard Hot 100 #1 (chart revealed Tuesdays).
        let artists = ["Taylor Swift", "Sabrina Carpenter", "Morgan Wallen", "Bad Bunny", "Olivia Rodrigo", "Other"];
        for d in [(9, 15), (9, 22), (9, 29), (10, 6), (10, 13), (10, 20)] {
            let reveal = utc(d.0, d.1, 16, 0);
            let open = reveal - 8 * DAY;
            let when = md(reveal, -4);
            let nm: Vec<(String, String)> = artists
                .iter()
                .map(|a| {
                    (
                        if *a == "Other" {
                            format!("Will another artist have the #1 song on the Billboard Hot 100 on {when}?")
                        } else {
                            format!("Will {a} have the #1 song on the Billboard Hot 100 on {when}?")
                        },
                        format!("billboard-hot-100-number-1-{}-{}", md_slug(reveal, -4), slugify(a)),
                    )
                })
                .collect();
            let mut p: Vec<f64> = (0..6).map(|_| rng.range(0.02, 1.0)).collect();
            p[0] *= 1.8;
            let z: f64 = p.iter().sum();
            let p: Vec<f64> = p.iter().map(|x| x / z).collect();
            self.cat_group(&rng, &format!("Billboard Hot 100 #1 on {when}?"), &nm, &p, open, reveal, reveal + 3 * HOUR, 5.0, 0);
        }
        // Elon Musk posts per week: count brackets, the count accrues through the week.
        for d in [(9, 11), (9, 18), (9, 25), (10, 2), (10, 9)] {
            let start = utc(d.0, d.1, 16, 0);
            let release = start + 7 * DAY;
            let truth = (420.0 + 60.0 * rng.normal()).round();
            let mut br = vec![(f64::NEG_INFINITY, 300.0)];
            let mut labels = vec!["fewer than 300".to_string()];
            let mut a = 300.0;
            while a < 560.0 {
                br.push((a, a + 40.0));
                labels.push(format!("{}-{}", a, a + 39.0));
                a += 40.0;
            }
            br.push((a, f64::INFINITY));
            labels.push(format!("{a} or more"));
            let (s1, s2) = (md(start, -4), md(release, -4));
            let names: Vec<(String, String)> = labels
                .iter()
                .map(|l| {
                    (
                        format!("Will Elon Musk post {l} tweets from {s1} to {s2}?"),
                        format!("elon-musk-tweets-{}-{}-{}", md_slug(start, -4), md_slug(release, -4), slugify(l)),
                    )
                })
                .collect();
            let spec = Latent {
                open: start - 2 * DAY,
                release,
                close: release + 2 * HOUR,
                step: 20 * MIN,
                truth,
                err0: 45.0,
                sig0: 60.0,
                floor: 2.0,
                updates: None,
                brackets: br,
            };
            if spec.close > START {
                self.latent_group(
                    &rng,
                    GroupKind::Culture,
                    Cat::Culture,
                    &format!("Elon Musk # of tweets {s1} - {s2}?"),
                    &names,
                    spec,
                    5.0,
                    4,
                );
            }
        }
        // Long-dated: TIME Person of the Year.
        let people = ["Donald Trump", "Elon Musk", "Pope Leo XIV", "Sam Altman", "Jensen Huang", "Other"];
        let nm: Vec<(String, String)> = people
            .iter()
            .map(|a| (format!("Will {a} be named TIME Person of the Year 2026?"), format!("time-person-of-the-year-2026-{}", slugify(a))))
            .collect();
        self.cat_group(
            &rng,
            "TIME Person of the Year 2026?",
            &nm,
            &[0.24, 0.12, 0.1, 0.14, 0.12, 0.28],
            T0,
            T1 + 30 * DAY,
            T1 + 40 * DAY,
            4.0,
            4,
        );
    }

    // ----- lookups -----

    /// Markets of a category tradable at t with at least `margin` seconds before they close.
    pub fn open_in(&self, cat: Cat, t: i64, margin: i64) -> Vec<usize> {
        self.by_cat[cat as usize]
            .iter()
            .copied()
            .filter(|&m| {
                let mk = &self.markets[m];
                mk.open <= t && t + margin < mk.close && t > START && t <= NOW
            })
            .collect()
    }
}

fn jumps_of(path: &[(i64, f32)], from: i64, to: i64) -> Vec<(i64, f32)> {
    let mut v = Vec::new();
    for w in path.windows(2) {
        if w[1].0 >= from && w[1].0 <= to && w[1].0 - w[0].0 <= 2 && (w[1].1 - w[0].1).abs() > 0.05 {
            v.push((w[1].0, w[1].1 - w[0].1));
        }
    }
    v
}

fn fmt_thousands(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
