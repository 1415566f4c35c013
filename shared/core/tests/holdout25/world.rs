//! A small world of markets: fair-price paths in logit space, news / score jumps, resolutions.

use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;

pub const DAY: i64 = 86_400;

/// SplitMix64: small, fixed, good enough.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next())
    }
    pub fn f(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in lo..hi (hi exclusive; hi <= lo gives lo).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.next() % (hi - lo) as u64) as i64 }
    }
    pub fn uf(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    pub fn normal(&mut self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
    /// Log-normal around `median` with log-sd `s`.
    pub fn logn(&mut self, median: f64, s: f64) -> f64 {
        median * (s * self.normal()).exp()
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.range(0, v.len() as i64) as usize]
    }
    pub fn hex(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n + 2);
        s.push_str("0x");
        while s.len() < n + 2 {
            s.push_str(&format!("{:016x}", self.next()));
        }
        s.truncate(n + 2);
        s
    }
    pub fn token(&mut self) -> String {
        let mut s = format!("{}", 1 + self.next() % 9);
        while s.len() < 77 {
            s.push_str(&format!("{:018}", self.next() % 1_000_000_000_000_000_000));
        }
        s.truncate(77);
        s
    }
    pub fn wallet(&mut self) -> Wallet {
        Wallet::parse(&self.hex(40)).expect("hex wallet")
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.range(0, i as i64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Politics,
    Macro,
    Weather,
    Mention,
    Culture,
    /// 0 NBA, 1 NHL, 2 MLB, 3 soccer, 4 tennis, 5 cricket.
    Sport(u8),
    Crypto15,
    Crypto60,
    Listing,
}

pub struct Market {
    pub cid: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub kind: Kind,
    pub open: i64,
    /// When trading stops (the event ends).
    pub close: i64,
    /// Game start / release time / window start.
    pub start: i64,
    pub yes_wins: bool,
    pub kt: Vec<i64>,
    pub kl: Vec<f32>,
    /// Times of sharp moves (news, scores, releases), with the direction (+1 YES up).
    pub events: Vec<(i64, i8)>,
    /// Related markets share a group (weather day-city, mention event, politics race).
    pub group: u32,
}

impl Market {
    pub fn logit(&self, t: i64) -> f64 {
        let i = self.kt.partition_point(|&k| k <= t);
        if i == 0 {
            return self.kl[0] as f64;
        }
        if i >= self.kt.len() {
            return *self.kl.last().unwrap() as f64;
        }
        let (t0, t1) = (self.kt[i - 1], self.kt[i]);
        let (l0, l1) = (self.kl[i - 1] as f64, self.kl[i] as f64);
        l0 + (l1 - l0) * (t - t0) as f64 / (t1 - t0).max(1) as f64
    }
    /// Fair price of outcome `idx` at `t`, whole cents in 1..=99.
    pub fn px(&self, idx: u32, t: i64) -> i64 {
        let p = 1.0 / (1.0 + (-self.logit(t)).exp());
        let yes = ((p * 100.0).round() as i64).clamp(1, 99);
        if idx == 0 { yes } else { 100 - yes }
    }
    pub fn live(&self, t: i64) -> bool {
        t >= self.open && t < self.close
    }
    pub fn winner(&self) -> u32 {
        if self.yes_wins { 0 } else { 1 }
    }
}

pub struct World {
    pub now: i64,
    pub start: i64,
    pub base: i64,
    pub markets: Vec<Market>,
    /// Every market but the crypto windows.
    pub others: Vec<usize>,
    /// [asset][window] for 15-minute (BTC, ETH) and hourly (BTC, ETH, SOL, XRP) windows.
    pub c15: Vec<Vec<usize>>,
    pub c60: Vec<Vec<usize>>,
    pub c15_0: i64,
    pub c60_0: i64,
    pub cids: std::collections::BTreeMap<String, usize>,
}

/// Builds a path over `times` starting at `l0`; `sig[i]` the step noise, `jp` jump chance per
/// step, `target` the resolution logit (None: unresolved inside the month).
#[allow(clippy::too_many_arguments)]
fn path(
    rng: &mut Rng,
    times: &[i64],
    l0r: (f64, f64),
    sig: &dyn Fn(i64) -> f64,
    jp: &dyn Fn(i64) -> f64,
    jump: f64,
    target: Option<f64>,
    resolve_from: i64,
) -> (Vec<i64>, Vec<f32>, Vec<(i64, i8)>) {
    let l0 = rng.uf(l0r.0, l0r.1);
    let mut walk = vec![l0];
    let mut jumps = vec![false];
    let mut l = l0;
    for w in times.windows(2) {
        let t = w[1];
        let mut d = sig(t) * rng.normal();
        let j = rng.chance(jp(t));
        if j {
            d += if rng.chance(0.5) { 1.0 } else { -1.0 } * jump * rng.uf(0.6, 1.6);
        }
        l = (l + d).clamp(-5.5, 5.5);
        walk.push(l);
        jumps.push(j);
    }
    let n = times.len();
    if let Some(tg) = target {
        let last = walk[n - 1];
        let t0 = resolve_from.max(times[0]);
        let span = (times[n - 1] - t0).max(1) as f64;
        for i in 0..n {
            let fr = ((times[i] - t0) as f64 / span).clamp(0.0, 1.0);
            walk[i] += (tg - last) * fr.powi(3);
        }
    }
    let mut kt = Vec::with_capacity(n + 16);
    let mut kl = Vec::with_capacity(n + 16);
    let mut ev = Vec::new();
    for i in 0..n {
        if jumps[i] && i > 0 && times[i] - times[i - 1] > 2 {
            kt.push(times[i] - 1);
            kl.push(walk[i - 1] as f32);
            ev.push((times[i], if walk[i] > walk[i - 1] { 1 } else { -1 }));
        }
        kt.push(times[i]);
        kl.push(walk[i] as f32);
    }
    (kt, kl, ev)
}

fn steps(a: i64, b: i64, dt: i64) -> Vec<i64> {
    let mut v = Vec::new();
    let mut t = a;
    while t < b {
        v.push(t);
        t += dt;
    }
    v.push(b);
    v
}

fn slugify(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            o.push(c.to_ascii_lowercase());
        } else if !o.ends_with('-') {
            o.push('-');
        }
    }
    o.trim_matches('-').to_string()
}

const POLITICS: &[&str] = &[
    "Will the Senate pass the housing bill by April 30?",
    "Fed chair nominee confirmed by May 15?",
    "Will the government shut down in May?",
    "Trump approval above 44% on April 30?",
    "Will the tariff pause be extended?",
    "Macron resigns before June?",
    "Will Canada call a snap election by June?",
    "Ukraine ceasefire by April 30?",
    "Will the Supreme Court rule on tariffs by May?",
    "Democratic nominee for Georgia Senate: Ossoff wins primary?",
    "Will Netanyahu remain PM through May?",
    "UK Labour leadership challenge in 2026?",
    "Will the debt ceiling be raised by June?",
    "Texas redistricting map upheld?",
    "Will Elon Musk endorse a midterm candidate in April?",
    "Japan PM to dissolve the Diet by June?",
    "NYC mayor approval above 50% in May poll?",
    "Will China announce new export controls in April?",
    "German coalition collapses before July?",
    "Iran nuclear deal signed by June 30?",
    "Will the House impeach a cabinet member in 2026?",
    "Brazil election: Lula leads May poll?",
    "South Korea snap election turnout above 75%?",
    "Will the VP cast a tie-breaking vote in April?",
    "Any new country joins NATO in 2026?",
    "Will the Attorney General resign by May?",
    "Governor of California recall qualifies?",
    "Will Trump meet Xi before June?",
];
const CULTURE: &[&str] = &[
    "Highest grossing movie this weekend: Sinners 2?",
    "Will Taylor Swift announce a new album in April?",
    "MrBeast video above 100M views in 7 days?",
    "Coachella headliner surprise guest: Beyonce?",
    "Will GTA VI release date slip again?",
    "Top Spotify song on April 20: Sabrina Carpenter?",
    "Elon Musk tweets above 400 times this week?",
    "Will the Met Gala theme leak before May?",
    "Netflix top show next week: Stranger Things?",
    "Will Drake release a diss track in April?",
    "Oscar host announced by May?",
    "Box office: Minecraft 2 opens above $100M?",
    "Will Kanye be on the Billboard Hot 100 next week?",
    "Survivor winner is a woman?",
    "Will OpenAI release GPT-6 before June?",
    "Will Apple announce a foldable at WWDC?",
    "Eurovision 2026 winner: Sweden?",
    "Time Person of the Year shortlist includes Musk?",
    "Will Joe Rogan host a sitting senator in April?",
    "Kendrick Lamar tops Billboard 200 next week?",
    "Will a new Pope encyclical be published in April?",
    "Twitch streamer with most viewers this week: Kai Cenat?",
];
const MENTION_EVENTS: &[&str] = &[
    "Trump press conference",
    "Powell press conference",
    "White House briefing",
    "Musk on All-In podcast",
    "Trump rally in Ohio",
    "Vance interview on Fox",
    "Biden book tour event",
    "Leavitt briefing",
];
const MENTION_WORDS: &[&str] = &["tariff", "crypto", "China", "fake news", "inflation", "Elon", "border", "beautiful", "AI", "Canada"];
const CITIES: &[(&str, f64)] = &[("NYC", 14.0), ("London", 13.0), ("Seoul", 17.0), ("Chicago", 12.0), ("Miami", 27.0)];
const TEAMS: &[&[&str]] = &[
    &["Lakers", "Celtics", "Knicks", "Nuggets", "Thunder", "Warriors", "Bucks", "Heat", "Suns", "Cavaliers", "Rockets", "Timberwolves"],
    &["Rangers", "Bruins", "Oilers", "Panthers", "Maple Leafs", "Avalanche", "Stars", "Jets", "Kings", "Lightning"],
    &["Yankees", "Dodgers", "Mets", "Braves", "Astros", "Phillies", "Cubs", "Padres", "Orioles", "Mariners", "Red Sox", "Guardians"],
    &[
        "Arsenal",
        "Liverpool",
        "Man City",
        "Chelsea",
        "Real Madrid",
        "Barcelona",
        "Bayern",
        "Inter",
        "PSG",
        "Napoli",
        "Tottenham",
        "Atletico",
    ],
    &["Sinner", "Alcaraz", "Djokovic", "Zverev", "Medvedev", "Fritz", "Ruud", "Draper", "Rune", "De Minaur", "Shelton", "Tsitsipas"],
    &[
        "Mumbai Indians",
        "Chennai Super Kings",
        "Royal Challengers",
        "Kolkata Knight Riders",
        "Rajasthan Royals",
        "Delhi Capitals",
        "Sunrisers",
        "Punjab Kings",
        "Gujarat Titans",
        "Lucknow",
    ],
];
const SPORT_NAME: &[&str] = &["NBA", "NHL", "MLB", "Soccer", "ATP", "IPL"];

impl World {
    pub fn build(rng: &mut Rng, now: i64) -> World {
        let start = now - 30 * DAY;
        let base = start.div_euclid(DAY) * DAY;
        let mut w = World {
            now,
            start,
            base,
            markets: Vec::new(),
            others: Vec::new(),
            c15: vec![Vec::new(); 2],
            c60: vec![Vec::new(); 4],
            c15_0: 0,
            c60_0: 0,
            cids: Default::default(),
        };
        let mut group = 0u32;
        let lo = start - DAY;
        let hi = now + 3600;
        let yn = || ["Yes".to_string(), "No".to_string()];

        // Politics: long-running, a few resolve inside the month.
        for (i, title) in POLITICS.iter().enumerate() {
            let resolves = i % 5 == 2;
            let close = if resolves { start + rng.range(12 * DAY, 29 * DAY) } else { now + rng.range(10 * DAY, 200 * DAY) };
            let yes = rng.chance(0.4);
            let times = steps(lo, close.min(hi), 3600);
            let (kt, kl, ev) = path(
                rng,
                &times,
                (-2.8, 2.2),
                &|_| 0.035,
                &|_| 0.012,
                0.7,
                resolves.then_some(if yes { 5.5 } else { -5.5 }),
                close - 4 * DAY,
            );
            group += 1;
            w.push(rng, Kind::Politics, title.to_string(), yn(), start - 60 * DAY, close, close, yes, kt, kl, ev, group);
        }
        // Culture: mixed horizons.
        for title in CULTURE {
            let close = if rng.chance(0.5) { start + rng.range(5 * DAY, 30 * DAY) } else { now + rng.range(5 * DAY, 60 * DAY) };
            let yes = rng.chance(0.35);
            let times = steps(lo, close.min(hi), 3600);
            let (kt, kl, ev) = path(
                rng,
                &times,
                (-2.5, 1.5),
                &|_| 0.04,
                &|_| 0.01,
                0.8,
                (close <= now).then_some(if yes { 5.5 } else { -5.5 }),
                close - 3 * DAY,
            );
            group += 1;
            w.push(rng, Kind::Culture, title.to_string(), yn(), start - 20 * DAY, close, close, yes, kt, kl, ev, group);
        }
        // Macro: Fed, CPI, jobs, GDP releases.
        let releases = [
            ("Fed cuts rates in April?", 19),
            ("March CPI above 0.3% m/m?", 3),
            ("April CPI YoY above 2.8%?", 26),
            ("Nonfarm payrolls above 150k?", 8),
            ("Q1 GDP growth above 2%?", 22),
            ("ECB cuts rates in April?", 12),
            ("Core PCE above 0.2%?", 15),
            ("Unemployment rate 4.3% or higher?", 8),
            ("Fed dot plot shows 2 cuts?", 19),
            ("BoJ hikes in April?", 24),
        ];
        for (title, d) in releases {
            let rel = base + d * DAY + 12 * 3600 + 30 * 60 + if title.contains("Fed") { 6 * 3600 } else { 0 };
            let close = rel + 1800;
            let yes = rng.chance(0.45);
            let mut times = steps(lo, rel - 60, 3600);
            times.push(rel);
            times.extend(steps(rel + 120, close, 300));
            let (kt, kl, mut ev) =
                path(rng, &times, (-1.5, 1.5), &|_| 0.04, &|_| 0.006, 0.5, Some(if yes { 5.5 } else { -5.5 }), rel - 3 * DAY);
            ev.push((rel, if yes { 1 } else { -1 }));
            ev.sort();
            group += 1;
            w.push(rng, Kind::Macro, title.to_string(), yn(), start - 25 * DAY, close, rel, yes, kt, kl, ev, group);
        }
        // Mentions: an event with several word markets.
        for e in 0..22 {
            let ev_name = MENTION_EVENTS[e % MENTION_EVENTS.len()];
            let at = base + rng.range(1, 31) * DAY + rng.range(14, 23) * 3600;
            let end = at + rng.range(40, 90) * 60;
            group += 1;
            for wi in 0..rng.range(3, 6) as usize {
                let word = MENTION_WORDS[(e * 3 + wi) % MENTION_WORDS.len()];
                let title = format!("Will they say \"{word}\" at the {ev_name} on day {e}?");
                let yes = rng.chance(0.55);
                let mut times = steps(at - 3 * DAY, at, 3600);
                times.extend(steps(at + 120, end, 120));
                let (kt, kl, ev) = path(
                    rng,
                    &times,
                    (-1.0, 2.0),
                    &|t| if t > at { 0.25 } else { 0.05 },
                    &|t| if t > at { 0.05 } else { 0.0 },
                    1.5,
                    Some(if yes { 5.5 } else { -5.5 }),
                    at,
                );
                w.push(rng, Kind::Mention, title, yn(), at - 3 * DAY, end, at, yes, kt, kl, ev, group);
            }
        }
        // Weather: daily highest-temperature brackets per city.
        for d in 0..31 {
            for (ci, (city, mean)) in CITIES.iter().enumerate() {
                if ci >= 3 && d % 2 == 1 {
                    continue;
                }
                let day_end = base + d * DAY + DAY + 4 * 3600;
                let open = day_end - 3 * DAY;
                let actual = mean + 3.0 * rng.normal();
                let centre = (mean + rng.normal() * 1.5).round() as i64;
                group += 1;
                for b in -2..=2i64 {
                    let lo_t = centre + b * 2;
                    let win = (actual.round() as i64) >= lo_t && (actual.round() as i64) < lo_t + 2;
                    let title = format!("Highest temperature in {city} on April {}: {}-{}°C?", d + 1, lo_t, lo_t + 1);
                    let prior = [0.1, 0.22, 0.35, 0.22, 0.1][(b + 2) as usize] * rng.uf(0.7, 1.3);
                    let l0 = (prior / (1.0 - prior)).ln();
                    let times = steps(open, day_end, 1800);
                    let (kt, kl, ev) =
                        path(rng, &times, (l0, l0), &|_| 0.06, &|_| 0.004, 0.8, Some(if win { 5.5 } else { -5.5 }), day_end - DAY);
                    w.push(rng, Kind::Weather, title, yn(), open, day_end, day_end - DAY, win, kt, kl, ev, group);
                }
            }
        }
        // Sports games.
        for d in 0..31i64 {
            for (sp, teams) in TEAMS.iter().enumerate() {
                let games = [4, 3, 5, 3, 3, 1][sp];
                for g in 0..games {
                    let hour = match sp {
                        0..=2 => rng.range(23, 27) as f64 + 0.5 * (g % 2) as f64,
                        3 => rng.range(11, 20) as f64 + 0.5,
                        4 => rng.range(8, 19) as f64,
                        _ => [10.0, 14.0][g % 2],
                    };
                    let st = base + d * DAY + (hour * 3600.0) as i64;
                    let dur = [150, 160, 180, 115, 140, 210][sp] * 60 + rng.range(-15, 30) * 60;
                    let close = st + dur;
                    if close <= start || st - 3 * DAY > now {
                        continue;
                    }
                    let a = rng.range(0, teams.len() as i64) as usize;
                    let mut b = rng.range(0, teams.len() as i64 - 1) as usize;
                    if b >= a {
                        b += 1;
                    }
                    let (ta, tb) = (teams[a], teams[b]);
                    let l0 = rng.uf(-1.6, 1.6);
                    let yes = rng.chance(1.0 / (1.0 + (-l0).exp()));
                    let mut times = steps(st - 3 * DAY, st, 4 * 3600);
                    times.pop();
                    times.extend(steps(st, close, 120));
                    let (kt, kl, ev) = path(
                        rng,
                        &times,
                        (l0, l0),
                        &|t| if t >= st { 0.09 } else { 0.05 },
                        &|t| if t > st { 0.07 } else { 0.0 },
                        0.9,
                        Some(if yes { 5.5 } else { -5.5 }),
                        st,
                    );
                    let title = if sp == 4 {
                        format!("{}: {ta} vs {tb}", SPORT_NAME[sp])
                    } else {
                        format!("{}: {ta} vs. {tb} (April {})", SPORT_NAME[sp], d + 1)
                    };
                    group += 1;
                    w.push(
                        rng,
                        Kind::Sport(sp as u8),
                        title,
                        [ta.to_string(), tb.to_string()],
                        st - 3 * DAY,
                        close,
                        st,
                        yes,
                        kt,
                        kl,
                        ev,
                        group,
                    );
                }
            }
        }
        // New listings created during the month.
        for i in 0..36 {
            let open = start + rng.range(DAY, 29 * DAY);
            let close = open + rng.range(3 * DAY, 40 * DAY);
            let yes = rng.chance(0.4);
            let mut times = steps(open, open + 3600, 300);
            times.pop();
            times.extend(steps(open + 3600, close.min(hi), 3600));
            let (kt, kl, ev) = path(
                rng,
                &times,
                (-2.0, 1.0),
                &|t| if t < open + 3600 { 0.2 } else { 0.04 },
                &|_| 0.01,
                0.7,
                (close <= now).then_some(if yes { 5.5 } else { -5.5 }),
                close - 2 * DAY,
            );
            let base_t = if i % 2 == 0 { POLITICS[i % POLITICS.len()] } else { CULTURE[i % CULTURE.len()] };
            let title = format!("{} (new #{i})", base_t.trim_end_matches('?'));
            group += 1;
            w.push(rng, Kind::Listing, title, yn(), open, close, open, yes, kt, kl, ev, group);
        }
        w.others = (0..w.markets.len()).collect();
        // Crypto windows.
        let assets = ["Bitcoin", "Ethereum", "Solana", "XRP"];
        w.c15_0 = start.div_euclid(900) * 900;
        w.c60_0 = start.div_euclid(3600) * 3600;
        for a in 0..2 {
            let mut ws = w.c15_0;
            while ws < now {
                let yes_l = crypto_path(rng, ws, 900, 30);
                let (kt, kl, ev, yes) = yes_l;
                let title = format!("{} Up or Down - 15m {}", assets[a], ws);
                let i = w.push(rng, Kind::Crypto15, title, ["Up".to_string(), "Down".to_string()], ws, ws + 900, ws, yes, kt, kl, ev, 0);
                w.c15[a].push(i);
                ws += 900;
            }
        }
        for a in 0..4 {
            let mut ws = w.c60_0;
            while ws < now {
                let (kt, kl, ev, yes) = crypto_path(rng, ws, 3600, 60);
                let title = format!("{} Up or Down - hourly {}", assets[a], ws);
                let i = w.push(rng, Kind::Crypto60, title, ["Up".to_string(), "Down".to_string()], ws, ws + 3600, ws, yes, kt, kl, ev, 0);
                w.c60[a].push(i);
                ws += 3600;
            }
        }
        w.cids = w.markets.iter().enumerate().map(|(i, m)| (m.cid.clone(), i)).collect();
        w
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rng: &mut Rng,
        kind: Kind,
        title: String,
        outcomes: [String; 2],
        open: i64,
        close: i64,
        start: i64,
        yes_wins: bool,
        kt: Vec<i64>,
        kl: Vec<f32>,
        events: Vec<(i64, i8)>,
        group: u32,
    ) -> usize {
        let slug = slugify(&title);
        self.markets.push(Market {
            cid: rng.hex(64),
            tokens: [rng.token(), rng.token()],
            outcomes,
            title,
            slug,
            kind,
            open,
            close,
            start,
            yes_wins,
            kt,
            kl,
            events,
            group,
        });
        self.markets.len() - 1
    }

    pub fn by_cid(&self, cid: &str) -> Option<usize> {
        self.cids.get(cid).copied()
    }

    pub fn c15_at(&self, a: usize, t: i64) -> Option<usize> {
        let k = (t - self.c15_0).div_euclid(900);
        self.c15[a].get(usize::try_from(k).ok()?).copied()
    }
    pub fn c60_at(&self, a: usize, t: i64) -> Option<usize> {
        let k = (t - self.c60_0).div_euclid(3600);
        self.c60[a].get(usize::try_from(k).ok()?).copied()
    }

    /// Markets of a kind accepted by `f`, live at `t` with at least `left` seconds to go.
    pub fn live(&self, t: i64, left: i64, f: &dyn Fn(Kind) -> bool) -> Vec<usize> {
        self.others
            .iter()
            .copied()
            .filter(|&i| {
                let m = &self.markets[i];
                f(m.kind) && m.open <= t && t + left < m.close
            })
            .collect()
    }

    pub fn ok_t(&self, t: i64) -> bool {
        t > self.start && t <= self.now
    }

    /// One fill row.
    #[allow(clippy::too_many_arguments)]
    pub fn row(&self, w: &Wallet, m: usize, idx: u32, side: Side, t: i64, cents: i64, hundredths: i64, tx: &str) -> Trade {
        let mk = &self.markets[m];
        Trade {
            wallet: w.clone(),
            side,
            asset: mk.tokens[idx as usize].clone(),
            condition_id: mk.cid.clone(),
            size: Shares(Decimal::new(hundredths.max(500), 2)),
            price: Price(Decimal::new(cents.clamp(1, 99), 2)),
            timestamp: from_secs(t),
            transaction_hash: tx.to_string(),
            outcome: mk.outcomes[idx as usize].clone(),
            outcome_index: Some(idx),
            title: mk.title.clone(),
            slug: mk.slug.clone(),
        }
    }
}

fn crypto_path(rng: &mut Rng, ws: i64, len: i64, dt: i64) -> (Vec<i64>, Vec<f32>, Vec<(i64, i8)>, bool) {
    // The underlying's return drives the window's odds; late moves matter more.
    let n = (len / dt) as usize;
    let mut kt = Vec::with_capacity(n + 4);
    let mut kl = Vec::with_capacity(n + 4);
    let mut ev = Vec::new();
    let mut r = 0.0f64;
    let vol = rng.uf(0.6, 1.6);
    kt.push(ws);
    kl.push(0.0);
    for i in 1..=n {
        let t = ws + i as i64 * dt;
        let mut d = vol * rng.normal() / (n as f64).sqrt();
        let jump = rng.chance(0.04);
        if jump {
            d += if rng.chance(0.5) { 1.0 } else { -1.0 } * vol * rng.uf(0.5, 1.0);
        }
        r += d;
        let left = (n - i) as f64 / n as f64;
        let l = (r * 2.2 / (left + 0.08).sqrt()).clamp(-5.5, 5.5);
        if jump {
            kt.push(t - 1);
            kl.push(*kl.last().unwrap());
            ev.push((t, if d > 0.0 { 1 } else { -1 }));
        }
        kt.push(t);
        kl.push(l as f32);
    }
    let yes = r > 0.0;
    *kl.last_mut().unwrap() = if yes { 5.5 } else { -5.5 };
    (kt, kl, ev, yes)
}
