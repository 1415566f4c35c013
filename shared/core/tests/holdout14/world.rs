//! The universe of markets over the window: price paths, spreads and how busy each one is.

use super::rng::{Rng, phi};

/// 2027-03-14 18:00:00 UTC.
pub const NOW: i64 = 1_805_047_200;
pub const DAY: i64 = 86_400;
pub const START: i64 = NOW - 30 * DAY;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Sports,
    Crypto,
    Politics,
    Economics,
    Weather,
    Culture,
    NegRisk,
}

pub const KINDS: [Kind; 7] = [Kind::Sports, Kind::Crypto, Kind::Politics, Kind::Economics, Kind::Weather, Kind::Culture, Kind::NegRisk];

pub fn kind_ix(k: Kind) -> usize {
    KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

pub struct Market {
    pub kind: Kind,
    pub cond: String,
    pub assets: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub open: i64,
    pub close: i64,
    /// Kick-off, interval start, speech or release time (0 when none).
    pub start: i64,
    pub path0: i64,
    /// Price of outcome 0, one point a minute from `path0`.
    pub path: Vec<f32>,
    pub spread: i64,
    pub busy: f64,
    pub event: Option<usize>,
    pub jumps: Vec<i64>,
    pub coin: usize,
    pub team: [usize; 2],
}

impl Market {
    pub fn end(&self) -> i64 {
        self.close.min(NOW)
    }
    pub fn live(&self, t: i64) -> bool {
        t >= self.path0 && t < self.end()
    }
    pub fn p(&self, t: i64) -> f64 {
        let i = ((t - self.path0).max(0) / 60) as usize;
        self.path[i.min(self.path.len() - 1)] as f64
    }
    pub fn mid(&self, t: i64, o: usize) -> f64 {
        let p = self.p(t);
        if o == 0 { p } else { 1.0 - p }
    }
    pub fn bid(&self, t: i64, o: usize) -> i64 {
        let m = self.mid(t, o) * 100.0;
        ((m - (self.spread - 1) as f64 / 2.0).floor() as i64).clamp(1, 98)
    }
    pub fn ask(&self, t: i64, o: usize) -> i64 {
        (self.bid(t, o) + self.spread).clamp(2, 99)
    }
    pub fn resolves(&self) -> bool {
        self.close <= NOW
    }
}

pub struct Event {
    pub title: String,
    pub markets: Vec<usize>,
    pub kind: Kind,
}

pub struct World {
    pub markets: Vec<Market>,
    pub events: Vec<Event>,
    pub by_kind: Vec<Vec<usize>>,
    /// coin -> markets in hour order.
    pub crypto: Vec<Vec<usize>>,
    pub crypto_h0: i64,
}

pub const COINS: [&str; 3] = ["Bitcoin", "Ethereum", "Solana"];
pub const COIN_SLUG: [&str; 3] = ["bitcoin", "ethereum", "solana"];

pub const TEAMS: [&str; 40] = [
    "Lakers",
    "Celtics",
    "Warriors",
    "Knicks",
    "Nuggets",
    "Bucks",
    "Suns",
    "Heat",
    "76ers",
    "Mavericks",
    "Thunder",
    "Cavaliers",
    "Rangers",
    "Bruins",
    "Oilers",
    "Maple Leafs",
    "Panthers",
    "Avalanche",
    "Arsenal",
    "Liverpool",
    "Man City",
    "Chelsea",
    "Tottenham",
    "Newcastle",
    "Real Madrid",
    "Barcelona",
    "Bayern",
    "PSG",
    "Inter",
    "Juventus",
    "Duke",
    "Kentucky",
    "Gonzaga",
    "UConn",
    "Sinner",
    "Alcaraz",
    "Djokovic",
    "Sabalenka",
    "Swiatek",
    "Gauff",
];

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

pub fn weekday(t: i64) -> i64 {
    (t.div_euclid(DAY) + 3).rem_euclid(7)
}

fn date_str(t: i64) -> String {
    let d = (t - 1_798_761_600).div_euclid(DAY); // days since 2027-01-01
    let months = [("January", 31), ("February", 28), ("March", 31), ("April", 30)];
    let mut d = d;
    if d < 0 {
        return format!("December {}", 31 + d + 1);
    }
    for (name, len) in months {
        if d < len {
            return format!("{} {}", name, d + 1);
        }
        d -= len;
    }
    "May 1".to_string()
}

struct Builder<'a> {
    r: &'a mut Rng,
    w: World,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: Kind,
        title: String,
        outcomes: [&str; 2],
        open: i64,
        close: i64,
        start: i64,
        path: Vec<f32>,
        spread: i64,
        busy: f64,
    ) -> usize {
        let path0 = open.max(START);
        let cond = format!("0x{}", self.r.hex(64));
        let n2 = 76 + self.r.below(2);
        let assets = [self.r.digits(77), self.r.digits(n2)];
        let slug = format!("{}-{}", slugify(&title), self.r.int(100, 999));
        let m = Market {
            kind,
            cond,
            assets,
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            title,
            slug,
            open,
            close,
            start,
            path0,
            path,
            spread,
            busy,
            event: None,
            jumps: Vec::new(),
            coin: 0,
            team: [0, 0],
        };
        let mut m = m;
        m.jumps = find_jumps(&m);
        self.w.markets.push(m);
        self.w.by_kind[kind_ix(kind)].push(self.w.markets.len() - 1);
        self.w.markets.len() - 1
    }
}

fn find_jumps(m: &Market) -> Vec<i64> {
    let mut out = Vec::new();
    let mut last = i64::MIN / 2;
    for i in 1..m.path.len() {
        let t = m.path0 + i as i64 * 60;
        if (m.path[i] - m.path[i - 1]).abs() > 0.05 && t - last > 600 {
            out.push(t);
            last = t;
        }
    }
    out
}

fn minutes(path0: i64, close: i64) -> usize {
    ((close.min(NOW) - path0).max(60) / 60 + 1) as usize
}

/// A game or interval: a Brownian score whose remaining variance shrinks to the end.
fn score_path(r: &mut Rng, path0: i64, close: i64, start: i64, a: f64, pre_sigma: f64, jump: f64) -> Vec<f32> {
    let n = minutes(path0, close);
    let len = ((close - start) / 60).max(1) as f64;
    let mut w = 0.0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = path0 + i as i64 * 60;
        if t < start {
            w += pre_sigma * r.normal();
        } else if t < close {
            w += r.normal();
            if r.chance(jump) {
                w += if r.chance(0.5) { 4.0 } else { -4.0 };
            }
        }
        let rem = if t < start { len } else { ((close - t) as f64 / 60.0).max(0.0) };
        let p = if t >= close { if a + w > 0.0 { 0.995 } else { 0.005 } } else { phi((a + w) / (rem.sqrt() + 0.3)) };
        out.push(p.clamp(0.005, 0.995) as f32);
    }
    out
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// A belief that wanders, with news jumps; `release` fixes the answer at that time.
fn belief_path(r: &mut Rng, path0: i64, close: i64, x0: f64, sigma: f64, jump_rate: f64, release: Option<i64>) -> Vec<f32> {
    let n = minutes(path0, close);
    let mut x = x0;
    let mut out = Vec::with_capacity(n);
    let mut settled = false;
    for i in 0..n {
        let t = path0 + i as i64 * 60;
        if !settled {
            x += sigma * r.normal();
            if r.chance(jump_rate) {
                x += 0.6 * r.normal();
            }
            x = x.clamp(-5.0, 5.0);
            if let Some(rt) = release {
                if t >= rt {
                    x = if r.chance(logistic(x)) { 5.3 } else { -5.3 };
                    settled = true;
                }
            }
        }
        out.push(logistic(x).clamp(0.005, 0.995) as f32);
    }
    out
}

pub fn build(r: &mut Rng) -> World {
    let w = World { markets: Vec::new(), events: Vec::new(), by_kind: vec![Vec::new(); 7], crypto: vec![Vec::new(); 3], crypto_h0: 0 };
    let mut b = Builder { r, w };
    sports(&mut b);
    crypto(&mut b);
    politics(&mut b);
    economics(&mut b);
    culture(&mut b);
    weather(&mut b);
    negrisk(&mut b);
    b.w
}

fn sports(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    for d in 0..34 {
        let day = day0 + d * DAY;
        let wd = weekday(day);
        // (league, team range, count, start hour UTC lo..hi, minutes, busy, jump)
        let mut slate: Vec<(&str, usize, usize, f64, f64, i64, f64, f64)> =
            vec![("NBA", 0, 12, 23.5, 27.0, 150, 2.0, 0.0), ("NHL", 12, 18, 23.0, 26.0, 160, 0.8, 0.01)];
        if wd >= 5 {
            slate.push(("EPL", 18, 24, 12.5, 19.0, 115, 2.5, 0.012));
            slate.push(("La Liga", 24, 30, 13.0, 21.0, 115, 1.5, 0.012));
        }
        if wd == 1 || wd == 2 {
            slate.push(("UCL", 18, 30, 20.0, 20.0, 115, 3.0, 0.012));
        }
        if d >= 24 {
            slate.push(("NCAAB", 30, 34, 16.0, 26.0, 140, 1.2, 0.0));
        }
        if (5..20).contains(&d) {
            slate.push(("ATP", 34, 40, 18.0, 29.0, 130, 0.7, 0.0));
        }
        for (league, lo, hi, h_lo, h_hi, mins, busy, jump) in slate {
            let games = if league == "NBA" { 2 } else { 1 };
            for _ in 0..games {
                let a = lo + b.r.below(hi - lo);
                let mut h = lo + b.r.below(hi - lo);
                if h == a {
                    h = if a + 1 < hi { a + 1 } else { lo };
                }
                let start = day + (b.r.range(h_lo, h_hi) * 4.0).round() as i64 * 900;
                if start < START + 4 * 3600 || start > NOW + 2 * DAY {
                    continue;
                }
                let open = start - b.r.int(26, 72) * 3600;
                let close = start + mins * 60 + b.r.int(-10, 25) * 60;
                let title = if league == "ATP" {
                    format!("Indian Wells: {} vs {}", TEAMS[a], TEAMS[h])
                } else {
                    format!("{} vs. {}", TEAMS[a], TEAMS[h])
                };
                let aa = b.r.normal() * 0.6 * ((close - start) as f64 / 60.0).sqrt();
                let pre = b.r.range(0.02, 0.06);
                let path = score_path(b.r, open.max(START), close, start, aa, pre, jump);
                let busy = busy * b.r.lognormal(1.0, 0.6);
                let spread = if busy > 1.5 { 1 } else { 2 };
                let i = b.push(Kind::Sports, title, [TEAMS[a], TEAMS[h]], open, close, start, path, spread, busy);
                b.w.markets[i].team = [a, h];
            }
        }
    }
}

fn crypto(b: &mut Builder) {
    let h0 = START - START.rem_euclid(3600) - 3 * 3600;
    b.w.crypto_h0 = h0;
    let mut h = h0;
    while h < NOW + 3 * 3600 {
        for c in 0..3 {
            let open = h - 4 * 3600;
            let close = h + 3600;
            let et = (h - 5 * 3600).rem_euclid(DAY) / 3600;
            let (hr, ap) = if et == 0 {
                (12, "AM")
            } else if et < 12 {
                (et, "AM")
            } else if et == 12 {
                (12, "PM")
            } else {
                (et - 12, "PM")
            };
            let title = format!("{} Up or Down - {}, {}{} ET", COINS[c], date_str(h - 5 * 3600), hr, ap);
            let path = score_path(b.r, open.max(START), close, h, 0.0, 0.0, 0.0);
            let busy = [22.0, 11.0, 5.0][c] * b.r.lognormal(1.0, 0.3);
            let i = b.push(Kind::Crypto, title, ["Up", "Down"], open, close, h, path, 1, busy);
            b.w.markets[i].coin = c;
            b.w.crypto[c].push(i);
        }
        h += 3600;
    }
}

fn politics(b: &mut Builder) {
    let titles = [
        "Will the government shut down before April 1?",
        "Will Trump sign the tariff relief bill by March 31?",
        "Will the Senate confirm the new Fed Vice Chair in March?",
        "Will Zelensky and Putin meet before June?",
        "Russia x Ukraine ceasefire in 2027?",
        "Will Newsom announce a 2028 run before July?",
        "Will JD Vance announce a 2028 run before July?",
        "Trump approval above 45% on April 1?",
        "Will the Supreme Court strike down the tariffs?",
        "Will Netanyahu remain PM through June?",
        "Will Macron resign before 2028?",
        "Will Canada hold a snap election in 2027?",
        "Will the US acquire Greenland in 2027?",
        "Will Elon Musk launch a new party in 2027?",
        "Will there be a US recession in 2027?",
        "Will China invade Taiwan before 2028?",
        "Will the debt ceiling be raised by April?",
        "Will Iran and the US sign a nuclear deal in 2027?",
    ];
    for t in titles {
        let open = START - b.r.int(10, 200) * DAY;
        let close = NOW + b.r.int(15, 400) * DAY;
        let x0 = b.r.normal() * 1.5;
        let (sg, jr) = (b.r.range(0.0015, 0.004), b.r.range(0.0003, 0.001));
        let path = belief_path(b.r, START, close, x0, sg, jr, None);
        let busy = b.r.lognormal(2.5, 0.8);
        let spread = if busy > 2.0 { 1 } else { 2 };
        b.push(Kind::Politics, t.to_string(), ["Yes", "No"], open, close, 0, path, spread, busy);
    }
}

fn economics(b: &mut Builder) {
    // (title, release offset days from START, hour UTC)
    let items = [
        ("Will February CPI YoY be above 2.8%?", 18.0, 12.5),
        ("Will February core CPI MoM be 0.3% or higher?", 18.0, 12.5),
        ("Will February nonfarm payrolls beat 150k?", 11.0, 13.5),
        ("Will the unemployment rate be 4.4% or higher in February?", 11.0, 13.5),
        ("Will the ECB cut rates in March?", 18.0, 13.25),
        ("Will the Bank of Canada cut rates in March?", 16.0, 13.75),
        ("Will Q4 GDP (third estimate) exceed 2.0%?", 26.0, 12.5),
        ("Will January PCE inflation be above 2.5%?", 1.0, 13.5),
        ("Will the Fed cut rates in March?", 33.0, 18.0),
        ("Will February retail sales MoM be positive?", 34.0, 12.5),
    ];
    for (t, d, h) in items {
        let release = START - START.rem_euclid(DAY) + (d * DAY as f64) as i64 + (h * 3600.0) as i64;
        let open = release - b.r.int(20, 40) * DAY;
        let close = release + b.r.int(30, 120) * 60;
        let (x0, sg) = (b.r.normal(), b.r.range(0.002, 0.004));
        let path = belief_path(b.r, open.max(START), close, x0, sg, 0.0004, Some(release));
        let busy = b.r.lognormal(1.2, 0.6);
        let sp = 1 + b.r.below(2) as i64;
        b.push(Kind::Economics, t.to_string(), ["Yes", "No"], open, close, release, path, sp, busy);
    }
}

fn culture(b: &mut Builder) {
    let who = ["Trump", "Powell", "Leavitt", "Vance", "MrBeast", "Elon Musk"];
    let words = ["tariff", "crypto", "Greenland", "AI", "inflation", "fake news", "China", "Bitcoin", "beautiful", "Canada"];
    let settings = ["press conference", "rally", "interview", "briefing", "livestream", "speech"];
    for _ in 0..44 {
        let p = *b.r.pick(&who);
        let wd = *b.r.pick(&words);
        let s = *b.r.pick(&settings);
        let ev = START + b.r.int(1, 32) * DAY - START.rem_euclid(DAY) + b.r.int(14, 26) * 3600;
        let title = format!("Will {} say \"{}\" during the {} {}?", p, wd, date_str(ev), s);
        let open = ev - b.r.int(2, 5) * DAY;
        let close = ev + b.r.int(60, 150) * 60;
        let path0 = open.max(START);
        let n = minutes(path0, close);
        let mut x: f64 = b.r.normal() * 1.2;
        let mut said = false;
        let hazard = b.r.range(0.005, 0.05);
        let mut path = Vec::with_capacity(n);
        for i in 0..n {
            let t = path0 + i as i64 * 60;
            if t < ev {
                x += 0.004 * b.r.normal();
            } else if t < ev + 3600 {
                if !said && b.r.chance(hazard) {
                    said = true;
                }
                x = if said { 5.3 } else { x - 0.04 };
            } else {
                x = if said { 5.3 } else { -5.3 };
            }
            path.push(logistic(x).clamp(0.005, 0.995) as f32);
        }
        let busy = b.r.lognormal(0.6, 0.7);
        let sp = 1 + b.r.below(3) as i64;
        b.push(Kind::Culture, title, ["Yes", "No"], open, close, ev, path, sp, busy);
    }
}

fn softmax_paths(r: &mut Rng, k: usize, path0: i64, close: i64, sigma: f64, settle: Option<(i64, i64)>) -> Vec<Vec<f32>> {
    let n = minutes(path0, close);
    let mut x: Vec<f64> = (0..k).map(|_| r.normal() * 1.3).collect();
    let mut out = vec![Vec::with_capacity(n); k];
    let mut winner = None;
    for i in 0..n {
        let t = path0 + i as i64 * 60;
        for v in x.iter_mut() {
            *v += sigma * r.normal();
            if r.chance(0.0004) {
                *v += 0.5 * r.normal();
            }
        }
        if let Some((from, to)) = settle {
            if t >= from {
                let wi = *winner.get_or_insert_with(|| {
                    let mx = x.iter().cloned().fold(f64::MIN, f64::max);
                    let ws: Vec<f64> = x.iter().map(|v| (v - mx).exp()).collect();
                    r.weighted(&ws)
                });
                x[wi] += 10.0 / ((to - from) as f64 / 60.0);
            }
        }
        let mx = x.iter().cloned().fold(f64::MIN, f64::max);
        let e: Vec<f64> = x.iter().map(|v| (v - mx).exp()).collect();
        let s: f64 = e.iter().sum();
        for j in 0..k {
            out[j].push(((e[j] / s) * 1.01).clamp(0.005, 0.995) as f32);
        }
    }
    out
}

fn weather(b: &mut Builder) {
    let day0 = START - START.rem_euclid(DAY);
    for (city, unit, base, tz) in [("NYC", "°F", 44, 5), ("London", "°C", 9, 0)] {
        for d in 0..32 {
            let day = day0 + d * DAY + tz * 3600;
            let open = day - 2 * DAY;
            let close = day + DAY + 6 * 3600;
            if close < START + DAY || open > NOW {
                continue;
            }
            let lo = base + b.r.int(-4, 4) + d / 6;
            let step = if unit == "°F" { 2 } else { 1 };
            let labels: Vec<String> = (0..6)
                .map(|i| match i {
                    0 => format!("{}{} or below", lo, unit),
                    5 => format!("{}{} or higher", lo + 5 * step - step + 1, unit),
                    _ => {
                        let a = lo + (i - 1) * step + 1;
                        if step == 1 { format!("{}{}", a, unit) } else { format!("{}-{}{}", a, a + 1, unit) }
                    }
                })
                .collect();
            let et = format!("Highest temperature in {} on {}?", city, date_str(day));
            let paths = softmax_paths(b.r, 6, open.max(START), close, 0.01, Some((day + 6 * 3600, day + 20 * 3600)));
            let ev = b.w.events.len();
            let mut ms = Vec::new();
            for (j, path) in paths.into_iter().enumerate() {
                let t = format!("Will the highest temperature in {} be {} on {}?", city, labels[j], date_str(day));
                let busy = b.r.lognormal(0.35, 0.6);
                let sp = 1 + b.r.below(3) as i64;
                let i = b.push(Kind::Weather, t, ["Yes", "No"], open, close, day, path, sp, busy);
                b.w.markets[i].event = Some(ev);
                ms.push(i);
            }
            b.w.events.push(Event { title: et, markets: ms, kind: Kind::Weather });
        }
    }
}

fn negrisk(b: &mut Builder) {
    let evs: [(&str, &[&str]); 6] = [
        (
            "Democratic Presidential Nominee 2028",
            &["Gavin Newsom", "Josh Shapiro", "AOC", "Pete Buttigieg", "Wes Moore", "Gretchen Whitmer", "Andy Beshear", "JB Pritzker"],
        ),
        (
            "Republican Presidential Nominee 2028",
            &["JD Vance", "Marco Rubio", "Donald Trump Jr.", "Ron DeSantis", "Tucker Carlson", "Vivek Ramaswamy"],
        ),
        ("Fed decision in April", &["50+ bps decrease", "25 bps decrease", "No change", "25+ bps increase"]),
        ("NBA Champion 2027", &["Thunder", "Celtics", "Nuggets", "Knicks", "Cavaliers", "Lakers", "Warriors"]),
        ("Champions League Winner 2027", &["Real Madrid", "Arsenal", "Bayern", "PSG", "Barcelona", "Liverpool", "Inter"]),
        ("Next UK Prime Minister", &["Andy Burnham", "Wes Streeting", "Kemi Badenoch", "Nigel Farage", "Angela Rayner", "Shabana Mahmood"]),
    ];
    for (title, names) in evs {
        let close = NOW + b.r.int(30, 600) * DAY;
        let open = START - b.r.int(30, 300) * DAY;
        let paths = softmax_paths(b.r, names.len(), START, close, 0.0025, None);
        let ev = b.w.events.len();
        let mut ms = Vec::new();
        let ebusy = b.r.lognormal(1.5, 0.5);
        for (j, path) in paths.into_iter().enumerate() {
            let p0 = path[path.len() / 2] as f64;
            let t = format!("Will {} win the {}?", names[j], title.replace(" 2027", " 2027 title").replace("Next UK", "next UK"));
            let busy = ebusy * (0.2 + 2.0 * p0);
            let i = b.push(Kind::NegRisk, t, ["Yes", "No"], open, close, 0, path, if busy > 1.0 { 1 } else { 2 }, busy);
            b.w.markets[i].event = Some(ev);
            ms.push(i);
        }
        b.w.events.push(Event { title: title.to_string(), markets: ms, kind: Kind::NegRisk });
    }
}

impl World {
    /// The crypto interval market of `coin` whose hour contains `t`.
    pub fn crypto_at(&self, coin: usize, t: i64) -> Option<usize> {
        let h = ((t - self.crypto_h0) / 3600) as usize;
        let ms = &self.crypto[coin];
        if h < ms.len() {
            let m = ms[h];
            if self.markets[m].live(t) && self.markets[m].start <= t {
                return Some(m);
            }
        }
        None
    }

    /// Live markets of the given kinds (crypto excluded: use `crypto_at`).
    pub fn live_of(&self, kinds: &[Kind], t: i64) -> Vec<usize> {
        let mut out = Vec::new();
        for k in kinds {
            if *k == Kind::Crypto {
                continue;
            }
            for &m in &self.by_kind[kind_ix(*k)] {
                if self.markets[m].live(t) {
                    out.push(m);
                }
            }
        }
        out
    }
}
