//! The market universe: sports games, politics, economics, culture, weather, crypto price targets
//! and crypto up/down intervals, each with a price path the fills are priced from.

use super::names::*;
use super::rng::Rng;
use super::{NOW, W0};
use std::collections::HashMap;

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;
/// US daylight saving time ends on 2027-11-07 at 06:00 UTC.
pub const DST_END: i64 = 1_825_653_600;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Cat {
    Nfl,
    Nba,
    Nhl,
    Cfb,
    Soccer,
    Mlb,
    Ufc,
    Tennis,
    Esports,
    Futures,
    Politics,
    Election,
    Econ,
    Culture,
    Mentions,
    Weather,
    CryptoStrike,
    UpDown,
}

impl Cat {
    pub fn is_sport(self) -> bool {
        matches!(
            self,
            Cat::Nfl | Cat::Nba | Cat::Nhl | Cat::Cfb | Cat::Soccer | Cat::Mlb | Cat::Ufc | Cat::Tennis | Cat::Esports | Cat::Futures
        )
    }
    pub fn is_crypto(self) -> bool {
        matches!(self, Cat::CryptoStrike | Cat::UpDown)
    }
    pub fn group(self) -> usize {
        if self.is_sport() {
            0
        } else if self.is_crypto() {
            2
        } else if self == Cat::Weather {
            3
        } else {
            1
        }
    }
}

pub enum Path {
    /// Logit of outcome 0's probability at knot times, linearly interpolated.
    Knots { ts: Vec<i64>, lv: Vec<f32> },
    /// Outcome 0 wins when the asset's log price at close is at least `base` (the start price of
    /// an up/down interval, or a strike).
    Spot { asset: u8, base: f64, from: i64 },
}

pub struct Market {
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [&'static str; 2],
    pub title: String,
    pub slug: String,
    pub cat: Cat,
    pub open: i64,
    pub close: i64,
    /// When play / counting / the interval starts (games, election nights, speeches).
    pub live: i64,
    pub winner: u8,
    pub event: u32,
    pub vol: f64,
    pub hs: f64,
    /// News and scoring shocks: time and logit jump for outcome 0.
    pub shocks: Vec<(i64, f32)>,
    pub path: Path,
    pub ml: bool,
}

pub struct Event {
    pub name: String,
    pub live: i64,
    pub close: i64,
    pub markets: Vec<u32>,
    pub negrisk: bool,
    pub big: bool,
}

pub struct Spot {
    t0: i64,
    lp: Vec<Vec<f64>>,
    /// volatility per square-root second, per asset
    pub sig: Vec<f64>,
}

pub const SPOT_STEP: i64 = 10;

impl Spot {
    fn build(rng: &mut Rng) -> Spot {
        let t0 = W0 - 2 * DAY;
        let n = ((NOW + 2 * DAY - t0) / SPOT_STEP) as usize;
        let mut lp = Vec::new();
        let mut sig = Vec::new();
        for &(_, _, p0, yv) in CRYPTO {
            let s = yv / (365.25 * DAY as f64).sqrt();
            sig.push(s);
            let step_sd = s * (SPOT_STEP as f64).sqrt();
            let mut v = Vec::with_capacity(n);
            let mut x = p0.ln();
            let mut regime = 0.0f64;
            for i in 0..n {
                if i % 360 == 0 {
                    regime = 0.97 * regime + 0.07 * rng.normal();
                }
                let mut z = rng.normal();
                if rng.chance(0.0005) {
                    z *= 6.0;
                }
                x += step_sd * regime.exp() * z;
                v.push(x);
            }
            lp.push(v);
        }
        Spot { t0, lp, sig }
    }

    pub fn at(&self, asset: u8, t: i64) -> f64 {
        let v = &self.lp[asset as usize];
        let off = (t - self.t0).max(0);
        let i = ((off / SPOT_STEP) as usize).min(v.len() - 2);
        let fr = ((off % SPOT_STEP) as f64) / SPOT_STEP as f64;
        v[i] + (v[i + 1] - v[i]) * fr
    }
}

pub fn phi(z: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 on erf
    let x = z / std::f64::consts::SQRT_2;
    let s = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y =
        1.0 - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * (-x * x).exp();
    0.5 * (1.0 + s * y)
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(0.004, 0.996);
    (p / (1.0 - p)).ln()
}

pub struct Markets {
    pub list: Vec<Market>,
    pub events: Vec<Event>,
    pub spot: Spot,
    updown: HashMap<(u8, i64, i64), u32>,
    pub tags: HashMap<&'static str, Vec<u32>>,
    pub touched: Vec<u32>,
    rng: Rng,
}

/// Unix seconds of a calendar date's midnight UTC.
pub fn ymd(y: i32, m: u32, d: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(y, m, d).and_then(|x| x.and_hms_opt(0, 0, 0)).map(|x| x.and_utc().timestamp()).unwrap_or(0)
}

/// Unix seconds of a US Eastern wall-clock time on the day whose UTC midnight is `day`.
pub fn et(day: i64, h: i64, m: i64) -> i64 {
    let t = day + h * HOUR + m * MIN;
    if t + 4 * HOUR < DST_END { t + 4 * HOUR } else { t + 5 * HOUR }
}

pub fn et_offset(t: i64) -> i64 {
    if t < DST_END { -4 * HOUR } else { -5 * HOUR }
}

pub fn date_words(t: i64) -> (String, u32) {
    let d = chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
    use chrono::Datelike;
    (MONTHS[d.month0() as usize].to_string(), d.day())
}

pub fn iso_date(t: i64) -> String {
    let d = chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
    d.format("%Y-%m-%d").to_string()
}

const HEX: &[u8; 16] = b"0123456789abcdef";

pub fn hex_from(words: &[u64]) -> String {
    let mut s = String::with_capacity(2 + 16 * words.len());
    s.push_str("0x");
    for w in words {
        for i in (0..16).rev() {
            s.push(HEX[((w >> (i * 4)) & 15) as usize] as char);
        }
    }
    s
}

fn token_id(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(78);
    s.push((b'1' + rng.below(9) as u8) as char);
    let n = 75 + rng.below(3);
    for _ in 0..n {
        s.push((b'0' + rng.below(10) as u8) as char);
    }
    s
}

/// One segment of a price walk: from, to, knot spacing, logit volatility per square-root hour.
struct Seg(i64, i64, i64, f64);

fn walk(rng: &mut Rng, segs: &[Seg], l0: f64, shocks: &[(i64, f32)], bridge: Option<(i64, i64, f64)>) -> (Vec<i64>, Vec<f32>) {
    let mut ts = Vec::new();
    let mut lv: Vec<f64> = Vec::new();
    let mut l = l0;
    let mut si = 0;
    let mut last = i64::MIN;
    for s in segs {
        let mut t = s.0.max(last + 1);
        while t <= s.1 {
            while si < shocks.len() && shocks[si].0 <= t {
                let st = shocks[si].0;
                if st > last + 1 {
                    ts.push(st - 1);
                    lv.push(l);
                    l = (l + shocks[si].1 as f64).clamp(-5.3, 5.3);
                    ts.push(st);
                    lv.push(l);
                    last = st;
                } else {
                    l = (l + shocks[si].1 as f64).clamp(-5.3, 5.3);
                }
                si += 1;
            }
            if t > last {
                ts.push(t);
                lv.push(l);
                last = t;
            }
            let dt_h = s.2 as f64 / HOUR as f64;
            l += s.3 * dt_h.sqrt() * rng.normal();
            // soft pull away from the extremes
            if l.abs() > 4.0 {
                l -= 0.05 * (l - 4.0 * l.signum());
            }
            l = l.clamp(-5.3, 5.3);
            t += s.2;
        }
    }
    if let Some((from, to, target)) = bridge {
        let end = *lv.last().unwrap_or(&0.0);
        let span = (to - from).max(1) as f64;
        for (t, v) in ts.iter().zip(lv.iter_mut()) {
            if *t > from {
                let r = ((*t - from) as f64 / span).min(1.0);
                *v += r * r * (target - end);
                *v = v.clamp(-5.3, 5.3);
            }
        }
    }
    (ts, lv.into_iter().map(|x| x as f32).collect())
}

pub struct Spec {
    pub title: String,
    pub slug: String,
    pub outcomes: [&'static str; 2],
    pub cat: Cat,
    pub open: i64,
    pub close: i64,
    pub live: i64,
    pub event: u32,
    pub vol: f64,
    pub hs: f64,
    pub ml: bool,
}

const YN: [&str; 2] = ["Yes", "No"];

impl Markets {
    pub fn p(&self, m: u32, o: u8, t: i64) -> f64 {
        let mk = &self.list[m as usize];
        let p0 = match &mk.path {
            Path::Knots { ts, lv } => {
                let i = ts.partition_point(|&x| x <= t);
                let l = if i == 0 {
                    lv[0] as f64
                } else if i >= ts.len() {
                    *lv.last().unwrap_or(&0.0) as f64
                } else {
                    let (a, b) = (ts[i - 1], ts[i]);
                    let fr = (t - a) as f64 / (b - a).max(1) as f64;
                    lv[i - 1] as f64 + (lv[i] as f64 - lv[i - 1] as f64) * fr
                };
                sigmoid(l)
            }
            Path::Spot { asset, base, from } => {
                if t < *from {
                    0.5
                } else {
                    let rem = (mk.close - t).max(1) as f64;
                    let x = self.spot.at(*asset, t) - base;
                    phi(x / (self.spot.sig[*asset as usize] * rem.sqrt()))
                }
            }
        };
        let p = if o == 0 { p0 } else { 1.0 - p0 };
        p.clamp(0.003, 0.997)
    }

    /// Best ask in cents for buying outcome `o` at `t`, `extra` price units further away.
    pub fn ask(&self, m: u32, o: u8, t: i64, extra: f64) -> u8 {
        let mk = &self.list[m as usize];
        let p = self.p(m, o, t);
        (((p + mk.hs + extra) * 100.0).ceil() as i64).clamp(1, 99) as u8
    }

    /// Best bid in cents for selling outcome `o` at `t`.
    pub fn bid(&self, m: u32, o: u8, t: i64, extra: f64) -> u8 {
        let mk = &self.list[m as usize];
        let p = self.p(m, o, t);
        (((p - mk.hs - extra) * 100.0).floor() as i64).clamp(1, 99) as u8
    }

    pub fn mid_c(&self, m: u32, o: u8, t: i64) -> u8 {
        ((self.p(m, o, t) * 100.0).round() as i64).clamp(1, 99) as u8
    }

    pub fn is_open(&self, m: u32, t: i64) -> bool {
        let mk = &self.list[m as usize];
        t >= mk.open && t < mk.close && t > W0 && t <= NOW
    }

    pub fn tag(&self, name: &str) -> &[u32] {
        self.tags.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// A market from `ids` open at `t`, drawn by crowd volume (None when none is open).
    pub fn pick_open(&self, rng: &mut Rng, ids: &[u32], t: i64) -> Option<u32> {
        let mut tot = 0.0;
        for &m in ids {
            if self.is_open(m, t) {
                tot += self.list[m as usize].vol;
            }
        }
        if tot <= 0.0 {
            return None;
        }
        let mut x = rng.f() * tot;
        for &m in ids {
            if self.is_open(m, t) {
                x -= self.list[m as usize].vol;
                if x < 0.0 {
                    return Some(m);
                }
            }
        }
        None
    }

    fn add(&mut self, s: Spec, path: Path, winner: u8, shocks: Vec<(i64, f32)>, tags: &[&'static str]) -> u32 {
        let id = self.list.len() as u32;
        let cond = hex_from(&[self.rng.u64(), self.rng.u64(), self.rng.u64(), self.rng.u64()]);
        let tokens = [token_id(&mut self.rng), token_id(&mut self.rng)];
        self.list.push(Market {
            cond,
            tokens,
            outcomes: s.outcomes,
            title: s.title,
            slug: s.slug,
            cat: s.cat,
            open: s.open,
            close: s.close,
            live: s.live,
            winner,
            event: s.event,
            vol: s.vol,
            hs: s.hs,
            shocks,
            path,
            ml: s.ml,
        });
        self.touched.push(0);
        for t in tags {
            self.tags.entry(t).or_default().push(id);
        }
        id
    }

    fn new_event(&mut self, name: String, live: i64, close: i64, negrisk: bool, big: bool) -> u32 {
        self.events.push(Event { name, live, close, markets: Vec::new(), negrisk, big });
        (self.events.len() - 1) as u32
    }

    /// A market following a logit walk: pregame / quiet until `live`, then livelier to the close,
    /// where it resolves to `winner` (when the close is before the end of the window).
    #[allow(clippy::too_many_arguments)]
    fn knot_market(
        &mut self,
        s: Spec,
        l0: f64,
        quiet_vol: f64,
        live_vol: f64,
        n_shocks: f64,
        shock_sd: f64,
        live_shocks: f64,
        winner: Option<u8>,
        tags: &[&'static str],
    ) -> u32 {
        let mut rng = self.rng.fork(self.list.len() as u64);
        let to = s.close.min(NOW + DAY);
        let from = s.open.max(W0 - DAY).min(to - 60);
        let live = s.live.clamp(from, to);
        let mut shocks: Vec<(i64, f32)> = Vec::new();
        let ns = rng.poisson(n_shocks * ((live - from).max(0) as f64 / (30 * DAY) as f64));
        for _ in 0..ns {
            let t = rng.int(from, live);
            let j = rng.gauss(0.0, shock_sd);
            shocks.push((t, j as f32));
        }
        if to > live {
            let nl = rng.poisson(live_shocks);
            for _ in 0..nl {
                let t = rng.int(live, to - 60);
                let j = rng.gauss(0.0, 0.45) + 0.25 * rng.normal().signum();
                shocks.push((t, j as f32));
            }
        }
        shocks.sort_by_key(|x| x.0);
        let quiet_dt = if to - from > 20 * DAY { 1800 } else { 900 };
        let mut segs = vec![Seg(from, live, quiet_dt, quiet_vol)];
        if to > live {
            segs.push(Seg(live, to, 60, live_vol));
        }
        let resolves = s.close <= NOW + DAY;
        let w = winner.unwrap_or_else(|| if rng.chance(sigmoid(l0)) { 0 } else { 1 });
        let bridge = if resolves { Some((live.min(to - 1), to, if w == 0 { 5.0 } else { -5.0 })) } else { None };
        let (ts, lv) = walk(&mut rng, &segs, l0, &shocks, bridge);
        self.add(s, Path::Knots { ts, lv }, w, shocks, tags)
    }

    pub fn build(seed: u64) -> Markets {
        let mut rng = Rng::new(seed);
        let spot = Spot::build(&mut rng.fork(1));
        let mut mk = Markets {
            list: Vec::new(),
            events: Vec::new(),
            spot,
            updown: HashMap::new(),
            tags: HashMap::new(),
            touched: Vec::new(),
            rng: rng.fork(2),
        };
        let mut r = rng.fork(3);
        mk.build_sports(&mut r);
        mk.build_politics(&mut r);
        mk.build_econ_culture(&mut r);
        mk.build_weather(&mut r);
        mk.build_strikes(&mut r);
        mk
    }

    #[allow(clippy::too_many_arguments)]
    fn game(&mut self, r: &mut Rng, cat: Cat, league: &str, a: &'static str, b: &'static str, start: i64, dur: i64, vol: f64, big: bool) {
        let close = start + dur + r.int(0, 25 * MIN);
        let open = start - r.int(2 * DAY, 6 * DAY);
        let date = iso_date(start + et_offset(start));
        let name = format!("{a} vs. {b}");
        let ev = self.new_event(name.clone(), start, close, cat == Cat::Soccer, big);
        let base_slug = format!("{}-{}-{}-{}", league, slugify(a), slugify(b), date);
        let hs = if vol > 2.0 {
            0.005
        } else if vol > 0.8 {
            0.01
        } else {
            0.02
        };
        let (pre_vol, live_vol, live_shocks) = match cat {
            Cat::Nfl | Cat::Cfb => (0.035, 0.18, 7.0),
            Cat::Nba => (0.03, 0.3, 3.0),
            Cat::Nhl => (0.03, 0.12, 4.0),
            Cat::Soccer => (0.03, 0.1, 2.5),
            Cat::Mlb => (0.03, 0.15, 5.0),
            Cat::Ufc => (0.04, 0.5, 2.0),
            Cat::Tennis => (0.03, 0.35, 4.0),
            _ => (0.04, 0.3, 3.0),
        };
        let l0 = r.gauss(0.0, 0.9);
        let tags: Vec<&'static str> = match cat {
            Cat::Nfl => vec!["game", "nfl"],
            Cat::Nba => vec!["game", "nba"],
            Cat::Nhl => vec!["game", "nhl"],
            Cat::Cfb => vec!["game", "cfb"],
            Cat::Soccer => vec!["game", "soccer"],
            Cat::Mlb => vec!["game", "mlb"],
            Cat::Ufc => vec!["game", "ufc"],
            Cat::Tennis => vec!["game", "tennis"],
            _ => vec!["game", "esports"],
        };
        if cat == Cat::Soccer {
            // three Yes/No markets: home win, draw, away win; exactly one wins
            let ph = sigmoid(l0 * 0.8) * 0.72;
            let pd = 0.26 + r.uni(-0.03, 0.03);
            let pa = (1.0 - ph - pd).max(0.05);
            let x = r.f();
            let w = if x < ph {
                0
            } else if x < ph + pd {
                1
            } else {
                2
            };
            for (k, (p, title)) in [
                (ph, format!("Will {a} win on {date}?")),
                (pd, format!("Will {a} vs. {b} end in a draw?")),
                (pa, format!("Will {b} win on {date}?")),
            ]
            .into_iter()
            .enumerate()
            {
                let slug = format!("{}-{}", base_slug, ["home", "draw", "away"][k]);
                let s = Spec { title, slug, outcomes: YN, cat, open, close, live: start, event: ev, vol: vol * 0.6, hs, ml: k != 1 };
                let id = self.knot_market(
                    s,
                    logit(p),
                    pre_vol,
                    live_vol,
                    1.0,
                    0.2,
                    live_shocks * 0.6,
                    Some(if k == w { 0 } else { 1 }),
                    &[tags[0], tags[1], "soccer3"],
                );
                self.events[ev as usize].markets.push(id);
            }
            return;
        }
        let s = Spec {
            title: name.clone(),
            slug: base_slug.clone(),
            outcomes: [a, b],
            cat,
            open,
            close,
            live: start,
            event: ev,
            vol,
            hs,
            ml: true,
        };
        let id = self.knot_market(s, l0, pre_vol, live_vol, 1.2, 0.25, live_shocks, None, &[tags[0], tags[1], "moneyline"]);
        self.events[ev as usize].markets.push(id);
        if matches!(cat, Cat::Nfl | Cat::Nba | Cat::Cfb) && r.chance(0.6) {
            let line = (r.int(1, 9) as f64) + 0.5;
            let s = Spec {
                title: format!("Spread: {a} (-{line})"),
                slug: format!("{base_slug}-spread-home-{}pt5", line as i64),
                outcomes: [a, b],
                cat,
                open,
                close,
                live: start,
                event: ev,
                vol: vol * 0.35,
                hs: hs + 0.005,
                ml: false,
            };
            let id = self.knot_market(s, r.gauss(0.0, 0.15), pre_vol, live_vol, 1.0, 0.2, live_shocks, None, &[tags[0], tags[1], "props"]);
            self.events[ev as usize].markets.push(id);
            let tot = if cat == Cat::Nba { 210 + r.int(0, 25) } else { 38 + r.int(0, 14) };
            let s = Spec {
                title: format!("{a} vs. {b}: O/U {tot}.5"),
                slug: format!("{base_slug}-total-{tot}pt5"),
                outcomes: ["Over", "Under"],
                cat,
                open,
                close,
                live: start,
                event: ev,
                vol: vol * 0.3,
                hs: hs + 0.005,
                ml: false,
            };
            let id = self.knot_market(s, r.gauss(0.0, 0.12), pre_vol, live_vol, 1.0, 0.2, live_shocks, None, &[tags[0], tags[1], "props"]);
            self.events[ev as usize].markets.push(id);
        }
    }

    fn pairs(r: &mut Rng, teams: &'static [&'static str], n: usize) -> Vec<(&'static str, &'static str)> {
        let mut idx: Vec<usize> = (0..teams.len()).collect();
        r.shuffle(&mut idx);
        idx.chunks(2).take(n).filter(|c| c.len() == 2).map(|c| (teams[c[0]], teams[c[1]])).collect()
    }

    fn build_sports(&mut self, r: &mut Rng) {
        let first = ymd(2027, 10, 6);
        let last = ymd(2027, 11, 15);
        let mut day = first;
        while day <= last {
            let wd = ((day / DAY) + 3) % 7; // Monday = 0
            // NFL: Thursday, Sunday, Monday
            if wd == 3 {
                let (a, b) = Self::pairs(r, NFL, 1)[0];
                self.game(r, Cat::Nfl, "nfl", a, b, et(day, 20, 15), 3 * HOUR + 15 * MIN, 4.0, true);
            }
            if wd == 6 {
                let ps = Self::pairs(r, NFL, 14);
                for (i, &(a, b)) in ps.iter().enumerate() {
                    let (h, m, v, big) = match i {
                        0..=8 => (13, 0, 2.2, false),
                        9..=11 => (16, 25, 2.8, false),
                        12 => (20, 20, 4.5, true),
                        _ => (9, 30, 2.0, false),
                    };
                    self.game(r, Cat::Nfl, "nfl", a, b, et(day, h, m), 3 * HOUR + 10 * MIN, v, big);
                }
            }
            if wd == 0 {
                let (a, b) = Self::pairs(r, NFL, 1)[0];
                self.game(r, Cat::Nfl, "nfl", a, b, et(day, 20, 15), 3 * HOUR + 10 * MIN, 4.0, true);
            }
            // NBA from 19 October
            if day >= ymd(2027, 10, 19) {
                let n = r.int(4, 9) as usize;
                for (i, (a, b)) in Self::pairs(r, NBA, n).into_iter().enumerate() {
                    let (h, m) = [(19, 0), (19, 30), (20, 0), (19, 0), (22, 0), (22, 30), (20, 30), (19, 30), (21, 0)][i % 9];
                    let h16 = r.uni(0.9, 2.2);
                    self.game(r, Cat::Nba, "nba", a, b, et(day, h, m), 2 * HOUR + 25 * MIN, h16, false);
                }
            }
            // NHL
            let n = r.int(2, 7) as usize;
            for (i, (a, b)) in Self::pairs(r, NHL, n).into_iter().enumerate() {
                let (h, m) = [(19, 0), (19, 30), (20, 0), (22, 0), (19, 0), (21, 0), (22, 30)][i % 7];
                let h15 = r.uni(0.3, 0.8);
                self.game(r, Cat::Nhl, "nhl", a, b, et(day, h, m), 2 * HOUR + 35 * MIN, h15, false);
            }
            // College football on Saturdays
            if wd == 5 {
                for (i, (a, b)) in Self::pairs(r, CFB, 9).into_iter().enumerate() {
                    let (h, m) = [(12, 0), (15, 30), (19, 30)][i % 3];
                    let h14 = r.uni(0.8, 2.0);
                    self.game(r, Cat::Cfb, "cfb", a, b, et(day, h, m), 3 * HOUR + 30 * MIN, h14, i == 4);
                }
            }
            // European football: weekend league rounds, Tuesday/Wednesday Champions League
            if wd == 5 || wd == 6 {
                for (i, (a, b)) in Self::pairs(r, SOCCER, 7).into_iter().enumerate() {
                    let t = day + [11 * HOUR + 30 * MIN, 14 * HOUR, 14 * HOUR, 16 * HOUR + 30 * MIN, 19 * HOUR, 14 * HOUR, 13 * HOUR][i];
                    let h13 = r.uni(0.7, 1.8);
                    self.game(r, Cat::Soccer, "epl", a, b, t, HOUR + 55 * MIN, h13, false);
                }
            }
            if (wd == 1 || wd == 2) && [ymd(2027, 10, 19), ymd(2027, 10, 20), ymd(2027, 11, 2), ymd(2027, 11, 3)].contains(&day) {
                for (i, (a, b)) in Self::pairs(r, SOCCER, 6).into_iter().enumerate() {
                    let t = day + if i < 2 { 17 * HOUR + 45 * MIN } else { 20 * HOUR } - if day < DST_END - 7 * DAY { HOUR } else { 0 };
                    let h12 = r.uni(1.4, 2.6);
                    self.game(r, Cat::Soccer, "ucl", a, b, t, HOUR + 55 * MIN, h12, i == 3);
                }
            }
            // UFC Saturday nights
            if wd == 5 && r.chance(0.8) {
                for (i, (a, b)) in Self::pairs(r, FIGHTERS, 5).into_iter().enumerate() {
                    let t = day + DAY + 2 * HOUR + (i as i64) * 35 * MIN;
                    let h11 = r.int(8, 28);
                    self.game(r, Cat::Ufc, "ufc", a, b, t, h11 * MIN, if i == 4 { 2.0 } else { 0.7 }, i == 4);
                }
            }
            // Tennis: indoor season
            if day >= ymd(2027, 10, 25) {
                for (i, (a, b)) in Self::pairs(r, TENNIS, 3).into_iter().enumerate() {
                    let t = day + (11 + 3 * i as i64) * HOUR;
                    let h10 = r.int(80, 190);
                    let h9 = r.uni(0.3, 0.7);
                    self.game(r, Cat::Tennis, "atp", a, b, t, h10 * MIN, h9, false);
                }
            }
            // Esports: League worlds knockout stages and CS2
            if r.chance(0.45) {
                let (a, b) = Self::pairs(r, ESPORTS, 1)[0];
                let big = day == ymd(2027, 10, 31);
                let h8 = r.int(100, 240);
                self.game(r, Cat::Esports, "lol", a, b, day + 9 * HOUR, h8 * MIN, if big { 3.0 } else { 0.7 }, big);
            }
            day += DAY;
        }
        // World Series: Dodgers vs. Yankees, games on these nights
        let ws = [(10, 22), (10, 23), (10, 25), (10, 26), (10, 27), (10, 29)];
        for (i, (m, d)) in ws.into_iter().enumerate() {
            let (a, b) = if i % 2 == 0 { ("Dodgers", "Yankees") } else { ("Yankees", "Dodgers") };
            self.game(r, Cat::Mlb, "mlb", a, b, et(ymd(2027, m, d), 20, 8), 3 * HOUR + 10 * MIN, 4.0, true);
        }
        // Season futures (long-dated, neg-risk)
        for (name, slug, teams, vol) in [
            ("Super Bowl Champion 2028", "super-bowl-champion-2028", NFL, 1.5),
            ("NBA Champion 2028", "nba-champion-2028", NBA, 1.0),
            ("Champions League Winner 2028", "ucl-winner-2028", SOCCER, 0.6),
        ] {
            let ev = self.new_event(name.to_string(), NOW + 90 * DAY, NOW + 200 * DAY, true, false);
            let k = 10.min(teams.len());
            for (i, team) in teams.iter().take(k).enumerate() {
                let p = 0.18 / (1.0 + i as f64 * 0.6) + r.uni(0.0, 0.02);
                let s = Spec {
                    title: format!("Will the {team} win the {name}?"),
                    slug: format!("{slug}-{}", slugify(team)),
                    outcomes: YN,
                    cat: Cat::Futures,
                    open: W0 - 120 * DAY,
                    close: NOW + 200 * DAY,
                    live: NOW + 200 * DAY,
                    event: ev,
                    vol: vol * (0.4 + p * 3.0),
                    hs: 0.01,
                    ml: false,
                };
                let id = self.knot_market(s, logit(p), 0.03, 0.0, 1.5, 0.25, 0.0, None, &["futures", "long"]);
                self.events[ev as usize].markets.push(id);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn multi(
        &mut self,
        r: &mut Rng,
        cat: Cat,
        event_name: &str,
        names: &[&str],
        title: impl Fn(&str) -> String,
        slug_base: &str,
        open: i64,
        close: i64,
        live: i64,
        vol: f64,
        tags: &[&'static str],
        big: bool,
    ) -> u32 {
        let ev = self.new_event(event_name.to_string(), live, close, true, big);
        let mut ws: Vec<f64> = (0..names.len()).map(|i| r.uni(0.5, 1.5) / (1.0 + i as f64 * 0.7).powf(1.4)).collect();
        let tot: f64 = ws.iter().sum();
        ws.iter_mut().for_each(|w| *w /= tot);
        let resolves = close <= NOW + DAY;
        let wi = { r.weighted(&ws) };
        for (i, n) in names.iter().enumerate() {
            let s = Spec {
                title: title(n),
                slug: format!("{slug_base}-{}", slugify(n)),
                outcomes: YN,
                cat,
                open,
                close,
                live,
                event: ev,
                vol: vol * (0.25 + 3.0 * ws[i]),
                hs: if ws[i] > 0.1 { 0.005 } else { 0.01 },
                ml: false,
            };
            let (qv, lv) = if resolves { (0.05, 0.6) } else { (0.035, 0.0) };
            let winner = if resolves { Some(if i == wi { 0 } else { 1 }) } else { None };
            let id = self.knot_market(s, logit(ws[i]), qv, lv, 1.5, 0.35, if resolves { 1.0 } else { 0.0 }, winner, tags);
            self.events[ev as usize].markets.push(id);
        }
        ev
    }

    #[allow(clippy::too_many_arguments)]
    fn yes_no(&mut self, r: &mut Rng, cat: Cat, title: &str, p: f64, close: i64, live: i64, vol: f64, tags: &[&'static str]) -> u32 {
        let ev = self.new_event(title.to_string(), live, close, false, false);
        let s = Spec {
            title: title.to_string(),
            slug: slugify(title),
            outcomes: YN,
            cat,
            open: W0 - r.int(5, 200) * DAY,
            close,
            live,
            event: ev,
            vol,
            hs: if vol > 1.0 { 0.005 } else { 0.01 },
            ml: false,
        };
        let resolves = close <= NOW + DAY;
        let id =
            self.knot_market(s, logit(p), 0.04, if resolves { 0.5 } else { 0.0 }, 2.0, 0.45, if resolves { 1.5 } else { 0.0 }, None, tags);
        self.events[ev as usize].markets.push(id);
        id
    }

    fn build_politics(&mut self, r: &mut Rng) {
        let far = NOW + 380 * DAY;
        self.multi(
            r,
            Cat::Politics,
            "Democratic Presidential Nominee 2028",
            DEM_2028,
            |n| format!("Will {n} win the 2028 Democratic presidential nomination?"),
            "democratic-presidential-nominee-2028",
            W0 - 400 * DAY,
            far,
            far,
            2.5,
            &["politics", "long", "nominee"],
            false,
        );
        self.multi(
            r,
            Cat::Politics,
            "Republican Presidential Nominee 2028",
            GOP_2028,
            |n| format!("Will {n} win the 2028 Republican presidential nomination?"),
            "republican-presidential-nominee-2028",
            W0 - 400 * DAY,
            far,
            far,
            2.0,
            &["politics", "long", "nominee"],
            false,
        );
        for (t, p, v) in [
            ("Which party wins the 2028 US presidential election? Democratic", 0.52, 1.8),
            ("Russia x Ukraine ceasefire in 2027?", 0.12, 1.6),
            ("US government shutdown before December 1?", 0.22, 1.2),
            ("China invades Taiwan in 2027?", 0.03, 0.8),
            ("Will Trump's approval be above 44% on November 30?", 0.41, 0.7),
            ("Will the Supreme Court rule on birthright citizenship by December 31?", 0.35, 0.5),
            ("Netanyahu out as Prime Minister by December 31?", 0.14, 0.7),
            ("Will Zelenskyy and Putin meet in 2027?", 0.06, 0.6),
            ("US recession in 2027?", 0.09, 1.0),
            ("Will Elon Musk launch a new political party in 2027?", 0.05, 0.4),
            ("Will Trump pardon Ghislaine Maxwell in 2027?", 0.07, 0.5),
            ("Government of France collapses by December 31?", 0.25, 0.5),
        ] {
            self.yes_no(r, Cat::Politics, t, p, ymd(2028, 1, 1), ymd(2028, 1, 1), v, &["politics", "long"]);
        }
        // Election night, 2 November 2027 (polls close from 23:00 UTC)
        let night = ymd(2027, 11, 2) + 23 * HOUR;
        let ev = self.new_event("US elections, 2 November 2027".into(), night, night + 7 * HOUR, false, true);
        for (t, p) in [
            ("Kentucky Governor Election: Will the Democrat win?", 0.38),
            ("Mississippi Governor Election: Will the Republican win?", 0.83),
            ("Virginia House of Delegates: Will Democrats keep control?", 0.71),
            ("New Jersey General Assembly: Will Democrats keep control?", 0.8),
            ("Kentucky Governor: margin of victory over 5 points?", 0.46),
            ("Pennsylvania Supreme Court retention: all justices retained?", 0.77),
        ] {
            let s = Spec {
                title: t.to_string(),
                slug: slugify(t),
                outcomes: YN,
                cat: Cat::Election,
                open: W0 - r.int(30, 150) * DAY,
                close: night + r.int(3 * HOUR, 7 * HOUR),
                live: night,
                event: ev,
                vol: 2.5,
                hs: 0.01,
                ml: false,
            };
            let id = self.knot_market(s, logit(p), 0.05, 0.9, 2.5, 0.3, 3.0, None, &["election", "politics"]);
            self.events[ev as usize].markets.push(id);
        }
        // Argentina's presidential election, 24 October 2027 (results from 23:00 UTC)
        let arg = ymd(2027, 10, 24) + 23 * HOUR;
        self.multi(
            r,
            Cat::Election,
            "Argentina Presidential Election 2027",
            &["Javier Milei", "Axel Kicillof", "Juan Grabois", "Patricia Bullrich", "Other"],
            |n| format!("Will {n} win the first round of Argentina's 2027 presidential election?"),
            "argentina-presidential-election-2027",
            W0 - 200 * DAY,
            arg + 5 * HOUR,
            arg,
            1.8,
            &["election", "politics"],
            true,
        );
        // Louisiana runoff after the window
        self.yes_no(
            r,
            Cat::Election,
            "Louisiana Governor runoff: Will the Republican win?",
            0.88,
            ymd(2027, 11, 14),
            ymd(2027, 11, 14),
            0.6,
            &["election", "politics", "long"],
        );
    }

    fn build_econ_culture(&mut self, r: &mut Rng) {
        // FOMC on 27 October 2027, 18:00 UTC
        let fomc = ymd(2027, 10, 27) + 18 * HOUR;
        self.multi(
            r,
            Cat::Econ,
            "Fed decision in October",
            &["25 bps decrease", "No change", "50+ bps decrease", "25+ bps increase"],
            |n| format!("Fed {n} after October 2027 meeting?"),
            "fed-decision-in-october-2027",
            W0 - 60 * DAY,
            fomc + 10 * MIN,
            fomc,
            3.0,
            &["econ", "fomc"],
            true,
        );
        self.multi(
            r,
            Cat::Econ,
            "Fed decision in December",
            &["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"],
            |n| format!("Fed {n} after December 2027 meeting?"),
            "fed-decision-in-december-2027",
            W0 - 40 * DAY,
            NOW + 40 * DAY,
            NOW + 40 * DAY,
            1.5,
            &["econ", "long"],
            false,
        );
        // CPI on 13 October, jobs on 5 November, 12:30 UTC
        let cpi = ymd(2027, 10, 13) + 12 * HOUR + 30 * MIN;
        self.multi(
            r,
            Cat::Econ,
            "September CPI year over year",
            &["2.8%", "2.9%", "3.0%", "3.1%", "3.2% or more"],
            |n| format!("Will September CPI YoY be {n}?"),
            "september-cpi-yoy-2027",
            W0 - 25 * DAY,
            cpi + 5 * MIN,
            cpi,
            1.2,
            &["econ", "release"],
            false,
        );
        let nfp = ymd(2027, 11, 5) + 12 * HOUR + 30 * MIN;
        self.multi(
            r,
            Cat::Econ,
            "October jobs report",
            &["Below 50k", "50k-100k", "100k-150k", "150k-200k", "Above 200k"],
            |n| format!("October nonfarm payrolls {n}?"),
            "october-nonfarm-payrolls-2027",
            W0 - 25 * DAY,
            nfp + 5 * MIN,
            nfp,
            1.0,
            &["econ", "release"],
            false,
        );
        // Culture and tech
        self.multi(
            r,
            Cat::Culture,
            "Which company has the best AI model end of November?",
            &["Google", "OpenAI", "Anthropic", "xAI", "DeepSeek", "Meta"],
            |n| format!("Will {n} have the best AI model at the end of November 2027?"),
            "best-ai-model-end-of-november-2027",
            W0 - 20 * DAY,
            ymd(2027, 12, 1),
            ymd(2027, 12, 1),
            1.6,
            &["culture", "long"],
            false,
        );
        self.multi(
            r,
            Cat::Culture,
            "Time Person of the Year 2027",
            &["Donald Trump", "Elon Musk", "Pope Leo XIV", "Sam Altman", "Jensen Huang", "Taylor Swift"],
            |n| format!("Will {n} be Time's 2027 Person of the Year?"),
            "time-person-of-the-year-2027",
            W0 - 90 * DAY,
            ymd(2027, 12, 10),
            ymd(2027, 12, 10),
            0.8,
            &["culture", "long"],
            false,
        );
        for (wk, start) in [
            (1, ymd(2027, 10, 17) + 16 * HOUR),
            (2, ymd(2027, 10, 24) + 16 * HOUR),
            (3, ymd(2027, 10, 31) + 16 * HOUR),
            (4, ymd(2027, 11, 7) + 16 * HOUR),
        ] {
            let (mo, d) = date_words(start);
            let (mo2, d2) = date_words(start + 7 * DAY);
            let name = format!("Elon Musk # of tweets {mo} {d} - {mo2} {d2}?");
            let slug = format!("elon-musk-of-tweets-{}-{d}-{}-{d2}", mo.to_lowercase(), mo2.to_lowercase());
            self.multi(
                r,
                Cat::Culture,
                &name,
                &["<200", "200-299", "300-399", "400-499", "500-599", "600+"],
                |n| format!("Will Elon Musk post {n} tweets from {mo} {d} to {mo2} {d2}?"),
                &format!("{slug}-w{wk}"),
                start - 2 * DAY,
                start + 7 * DAY,
                start,
                0.9,
                &["culture", "tweets"],
                false,
            );
        }
        for (i, wkend) in [ymd(2027, 10, 15), ymd(2027, 10, 22), ymd(2027, 10, 29), ymd(2027, 11, 5)].into_iter().enumerate() {
            let films: &[&str] = [
                &["Dune Messiah", "The Batman Part II", "Shrek 5", "Other"][..],
                &["The Batman Part II", "Ocean's 14", "Spider-Verse 3", "Other"][..],
                &["Spider-Verse 3", "Halloween Returns", "Ocean's 14", "Other"][..],
                &["Avengers: Secret Wars", "Spider-Verse 3", "Wicked 3", "Other"][..],
            ][i];
            let (mo, d) = date_words(wkend);
            self.multi(
                r,
                Cat::Culture,
                &format!("Top grossing film, weekend of {mo} {d}"),
                films,
                |n| format!("Will {n} be the top grossing film the weekend of {mo} {d}?"),
                &format!("box-office-weekend-{}-{d}", mo.to_lowercase()),
                wkend - 5 * DAY,
                wkend + 3 * DAY + 18 * HOUR,
                wkend,
                0.5,
                &["culture"],
                false,
            );
        }
        for (t, p, close, v) in [
            ("GTA VI released before 2028?", 0.86, ymd(2028, 1, 1), 1.0),
            ("Will Taylor Swift announce a new tour in 2027?", 0.18, ymd(2028, 1, 1), 0.5),
            ("OpenAI announces GPT-6 before December?", 0.3, ymd(2027, 12, 1), 0.9),
            ("Will Bitcoin reach $150,000 in 2027?", 0.11, ymd(2028, 1, 1), 1.4),
            ("Will Ethereum reach $6,000 in 2027?", 0.13, ymd(2028, 1, 1), 0.8),
            ("MicroStrategy sells Bitcoin in 2027?", 0.04, ymd(2028, 1, 1), 0.4),
            ("Tesla launches unsupervised FSD in Europe in 2027?", 0.08, ymd(2028, 1, 1), 0.4),
            ("SpaceX Starship reaches orbit and lands booster before December?", 0.55, ymd(2027, 12, 1), 0.5),
        ] {
            self.yes_no(r, Cat::Culture, t, p, close, close, v, &["culture", "long"]);
        }
        // Mention markets around speeches
        let speeches = [
            (0usize, ymd(2027, 10, 14) + 23 * HOUR),
            (1, ymd(2027, 10, 27) + 18 * HOUR + 30 * MIN),
            (0, ymd(2027, 10, 21) + 23 * HOUR + 30 * MIN),
            (2, ymd(2027, 10, 29) + 17 * HOUR),
            (3, ymd(2027, 11, 4) + 20 * HOUR),
            (0, ymd(2027, 11, 1) + 22 * HOUR),
            (0, ymd(2027, 11, 8) + 21 * HOUR),
        ];
        for (who, t) in speeches {
            let (speaker, words) = SPEAKERS[who];
            let (mo, d) = date_words(t);
            let ev = self.new_event(format!("What will {speaker} say on {mo} {d}?"), t, t + HOUR, false, false);
            let k = 4.min(words.len());
            let mut ws: Vec<&str> = words.to_vec();
            r.shuffle(&mut ws);
            for w in ws.into_iter().take(k) {
                let title = format!("Will {speaker} say \"{w}\" on {mo} {d}?");
                let s = Spec {
                    title: title.clone(),
                    slug: slugify(&title),
                    outcomes: YN,
                    cat: Cat::Mentions,
                    open: t - 3 * DAY,
                    close: t + HOUR + r.int(0, 30 * MIN),
                    live: t,
                    event: ev,
                    vol: 0.6,
                    hs: 0.015,
                    ml: false,
                };
                let id = self.knot_market(s, r.gauss(0.3, 1.0), 0.06, 0.7, 0.5, 0.2, 1.0, None, &["mentions"]);
                self.events[ev as usize].markets.push(id);
            }
        }
    }

    fn build_weather(&mut self, r: &mut Rng) {
        let mut day = W0 - W0 % DAY - DAY;
        while day <= NOW + DAY {
            for (ci, city) in CITIES.iter().take(4).enumerate() {
                let (mo, d) = date_words(day);
                let c = *city == "London" || *city == "Seoul";
                let base = if c { r.int(8, 15) } else { r.int(46, 66) };
                let width = if c { 1 } else { 2 };
                let name = format!("Highest temperature in {city} on {mo} {d}?");
                let slug = format!("highest-temperature-in-{}-on-{}-{d}", slugify(city), mo.to_lowercase());
                let mut names: Vec<String> = Vec::new();
                let unit = if c { "°C" } else { "°F" };
                names.push(format!("{} {unit} or below", base - 1));
                for k in 0..5 {
                    let lo = base + k * width;
                    if width == 1 { names.push(format!("{lo}{unit}")) } else { names.push(format!("{lo}-{}{unit}", lo + 1)) }
                }
                names.push(format!("{} {unit} or higher", base + 5 * width));
                let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
                let tz = [-4, 1, -5, 9][ci] * HOUR;
                let local_noon = day + 12 * HOUR - tz;
                self.multi(
                    r,
                    Cat::Weather,
                    &name,
                    &refs,
                    |n| format!("Will the highest temperature in {city} be {n} on {mo} {d}?"),
                    &slug,
                    local_noon - 3 * DAY,
                    local_noon + 10 * HOUR,
                    local_noon - 6 * HOUR,
                    0.35,
                    &["weather"],
                    false,
                );
            }
            day += DAY;
        }
    }

    fn build_strikes(&mut self, _r: &mut Rng) {
        let mut day = W0 - W0 % DAY;
        while day <= NOW + DAY {
            let close = day + 16 * HOUR;
            let (mo, d) = date_words(close);
            for asset in 0..2u8 {
                let (name, tick, _, _) = CRYPTO[asset as usize];
                let ev = self.new_event(format!("{name} above ___ on {mo} {d}?"), close - DAY, close, false, false);
                let open = close - 3 * DAY;
                let ref_p = self.spot.at(asset, close - DAY).exp();
                let step = if asset == 0 { 2000.0 } else { 100.0 };
                let center = (ref_p / step).round() * step;
                for k in -2..=2 {
                    let strike = center + k as f64 * step;
                    let sk = format!("{}", strike as i64);
                    let title = format!("{name} above {} on {mo} {d}?", group_thousands(strike as i64));
                    let slug = format!("{}-above-{sk}-on-{}-{d}", slugify(name), mo.to_lowercase());
                    let s = Spec {
                        title,
                        slug,
                        outcomes: YN,
                        cat: Cat::CryptoStrike,
                        open,
                        close,
                        live: open,
                        event: ev,
                        vol: if k == 0 { 0.9 } else { 0.4 },
                        hs: 0.01,
                        ml: false,
                    };
                    let win = if self.spot.at(asset, close) >= strike.ln() { 0 } else { 1 };
                    let id = self.add(s, Path::Spot { asset, base: strike.ln(), from: open }, win, Vec::new(), &["strike"]);
                    self.events[ev as usize].markets.push(id);
                }
                let _ = tick;
            }
            day += DAY;
        }
    }

    /// The up/down market of `asset` over [start, start + len), created on first use.
    pub fn updown(&mut self, asset: u8, len: i64, start: i64) -> u32 {
        if let Some(&m) = self.updown.get(&(asset, len, start)) {
            return m;
        }
        let (name, tick, _, _) = CRYPTO[asset as usize];
        let local = start + et_offset(start);
        let d = chrono::DateTime::from_timestamp(local, 0).unwrap_or_default();
        let d2 = chrono::DateTime::from_timestamp(local + len, 0).unwrap_or_default();
        let (mo, day) = date_words(local);
        let hm = |x: &chrono::DateTime<chrono::Utc>| x.format("%-I:%M%p").to_string();
        let (title, slug) = if len == HOUR {
            let h = d.format("%-I%p").to_string();
            (
                format!("{name} Up or Down - {mo} {day}, {h} ET"),
                format!("{}-up-or-down-{}-{day}-{}-et", slugify(name), mo.to_lowercase(), h.to_lowercase()),
            )
        } else {
            let mins = len / 60;
            (format!("{name} Up or Down - {mo} {day}, {}-{} ET", hm(&d), hm(&d2)), format!("{tick}-updown-{mins}m-{start}"))
        };
        let vol = match len {
            300 => 1.0,
            900 => 1.8,
            _ => 1.5,
        } * [1.0, 0.55, 0.35, 0.3][asset as usize];
        let s = Spec {
            title,
            slug,
            outcomes: ["Up", "Down"],
            cat: Cat::UpDown,
            open: start - len.max(15 * MIN),
            close: start + len,
            live: start,
            event: u32::MAX,
            vol,
            hs: 0.01,
            ml: false,
        };
        let base = self.spot.at(asset, start);
        let win = if self.spot.at(asset, start + len) >= base { 0 } else { 1 };
        let id = self.add(s, Path::Spot { asset, base, from: start }, win, Vec::new(), &[]);
        self.updown.insert((asset, len, start), id);
        id
    }

    pub fn touch(&mut self, m: u32) {
        self.touched[m as usize] += 1;
    }
}

pub fn group_thousands(x: i64) -> String {
    let s = x.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
