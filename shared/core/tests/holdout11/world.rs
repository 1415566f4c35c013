//! The markets: sports games, politics, culture, economic releases, weather buckets, crypto
//! up/down intervals. Each market has a price path (probability of outcome 0) drawn lazily from
//! its own seed as a bridge to the outcome it resolves to.

use super::NOW;
use super::rng::{Rng, mix};
use std::cell::OnceCell;
use std::collections::HashMap;

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
/// First second of the labelled window.
pub const W0: i64 = NOW - 30 * DAY;
/// The tape starts a little earlier than the window.
pub const TAPE0: i64 = NOW - 32 * DAY;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Sports,
    Soccer,
    Esports,
    Politics,
    Crypto,
    Weather,
    Culture,
    Econ,
    Mentions,
}

pub struct Market {
    pub cid: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub kind: Kind,
    pub league: &'static str,
    pub open: i64,
    pub start: i64,
    pub end: i64,
    step_pre: i64,
    step_live: i64,
    sd_pre: f64,
    sd_live: f64,
    pub p0: f64,
    pub winner: u8,
    seed: u64,
    pub group: Option<(u32, u16)>,
    /// Crowd trades expected in this market over the tape.
    pub crowd: f64,
    pub spread: i64,
    path: OnceCell<Vec<f32>>,
}

impl Market {
    fn n_pre(&self) -> usize {
        ((self.start - self.open + self.step_pre - 1) / self.step_pre).max(0) as usize
    }
    fn len(&self) -> usize {
        self.n_pre() + ((self.end - self.start + self.step_live - 1) / self.step_live).max(0) as usize + 1
    }
    fn index(&self, t: i64) -> usize {
        let n_pre = self.n_pre();
        let i = if t < self.start {
            ((t - self.open).max(0) / self.step_pre) as usize
        } else {
            n_pre + ((t - self.start) / self.step_live) as usize
        };
        i.min(self.len() - 1)
    }
    fn sds(&self) -> Vec<f64> {
        let n_pre = self.n_pre();
        (0..self.len()).map(|i| if i < n_pre { self.sd_pre } else { self.sd_live }).collect()
    }
    pub fn is_open(&self, t: i64) -> bool {
        t >= self.open && t < self.end
    }
    pub fn live(&self, t: i64) -> bool {
        t >= self.start && t < self.end
    }
}

pub struct Event {
    pub title: String,
    pub kind: Kind,
    pub markets: Vec<u32>,
    pub start: i64,
    pub end: i64,
    pub winner: usize,
    base: Vec<f64>,
    seed: u64,
    paths: OnceCell<Vec<Vec<f32>>>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
fn logit(p: f64) -> f64 {
    let p = p.clamp(0.005, 0.995);
    (p / (1.0 - p)).ln()
}

/// A random walk bridged to `target` at the last step, with per-step deviations `sds`.
fn bridge(rng: &Rng, x0: f64, target: f64, sds: &[f64]) -> Vec<f64> {
    let n = sds.len();
    let mut w = vec![0.0; n];
    let mut v = vec![0.0; n];
    for i in 1..n {
        w[i] = w[i - 1] + sds[i] * rng.normal();
        v[i] = v[i - 1] + sds[i] * sds[i];
    }
    let (wn, vn) = (w[n - 1], v[n - 1].max(1e-9));
    (0..n).map(|i| x0 + w[i] + v[i] / vn * (target - x0 - wn)).collect()
}

pub struct Universe {
    pub markets: Vec<Market>,
    pub events: Vec<Event>,
    /// Sports markets ordered by game start.
    pub games: Vec<u32>,
    pub politics: Vec<u32>,
    pub culture: Vec<u32>,
    pub oscars: Vec<u32>,
    pub tweets: Vec<u32>,
    pub weather: Vec<u32>,
    pub mentions: Vec<u32>,
    /// Economic releases: (time, markets).
    pub releases: Vec<(i64, Vec<u32>)>,
    crypto: HashMap<(usize, i64, i64), u32>,
    rng: Rng,
}

pub const COINS: [(&str, &str, &str); 4] =
    [("Bitcoin", "btc", "bitcoin"), ("Ethereum", "eth", "ethereum"), ("Solana", "sol", "solana"), ("XRP", "xrp", "xrp")];

struct League {
    code: &'static str,
    teams: &'static [&'static str],
    per_day: f64,
    weekend: f64,
    hours: (f64, f64),
    dur: i64,
    kind: Kind,
    crowd: f64,
    spread: i64,
}

const NBA: &[&str] = &[
    "Lakers",
    "Celtics",
    "Warriors",
    "Knicks",
    "Bucks",
    "Nuggets",
    "Suns",
    "Heat",
    "76ers",
    "Mavericks",
    "Thunder",
    "Cavaliers",
    "Timberwolves",
    "Kings",
    "Pacers",
    "Magic",
    "Rockets",
    "Grizzlies",
    "Hawks",
    "Bulls",
    "Clippers",
    "Spurs",
    "Pelicans",
    "Raptors",
];
const NHL: &[&str] = &[
    "Rangers",
    "Bruins",
    "Maple Leafs",
    "Oilers",
    "Panthers",
    "Avalanche",
    "Stars",
    "Golden Knights",
    "Canucks",
    "Lightning",
    "Jets",
    "Devils",
    "Hurricanes",
    "Kings",
    "Capitals",
    "Penguins",
];
const NCAAB: &[&str] = &[
    "Duke",
    "UConn",
    "Kansas",
    "Houston",
    "Purdue",
    "Arizona",
    "Gonzaga",
    "Kentucky",
    "Auburn",
    "Alabama",
    "Tennessee",
    "North Carolina",
    "Marquette",
    "Baylor",
    "Creighton",
    "Iowa State",
    "Michigan State",
    "St. John's",
];
const EPL: &[&str] = &[
    "Arsenal",
    "Liverpool",
    "Manchester City",
    "Chelsea",
    "Tottenham",
    "Manchester United",
    "Newcastle",
    "Aston Villa",
    "Brighton",
    "West Ham",
    "Nottingham Forest",
    "Bournemouth",
    "Brentford",
    "Fulham",
    "Everton",
    "Crystal Palace",
];
const EURO: &[&str] = &[
    "Real Madrid",
    "Barcelona",
    "Atletico Madrid",
    "Sevilla",
    "Villarreal",
    "Inter",
    "AC Milan",
    "Juventus",
    "Napoli",
    "Roma",
    "Bayern Munich",
    "Borussia Dortmund",
    "Leverkusen",
    "RB Leipzig",
    "PSG",
    "Marseille",
    "Monaco",
    "Lyon",
];
const UCL: &[&str] = &[
    "Real Madrid",
    "Barcelona",
    "Bayern Munich",
    "Arsenal",
    "Liverpool",
    "Manchester City",
    "Inter",
    "PSG",
    "Leverkusen",
    "Atletico Madrid",
    "Napoli",
    "Borussia Dortmund",
    "Chelsea",
    "Benfica",
    "Porto",
    "Juventus",
];
const TENNIS: &[&str] = &[
    "Jannik Sinner",
    "Carlos Alcaraz",
    "Novak Djokovic",
    "Alexander Zverev",
    "Taylor Fritz",
    "Jack Draper",
    "Ben Shelton",
    "Holger Rune",
    "Jakub Mensik",
    "Joao Fonseca",
    "Casper Ruud",
    "Alex de Minaur",
    "Aryna Sabalenka",
    "Iga Swiatek",
    "Coco Gauff",
    "Mirra Andreeva",
    "Elena Rybakina",
    "Jessica Pegula",
    "Madison Keys",
    "Qinwen Zheng",
];
const CS2: &[&str] =
    &["Vitality", "NAVI", "FaZe", "G2", "Spirit", "MOUZ", "Falcons", "Astralis", "The MongolZ", "Aurora", "FURIA", "Liquid"];
const LOL: &[&str] = &["T1", "Gen.G", "Hanwha Life", "BLG", "JDG", "G2 Esports", "Fnatic", "KT Rolster", "Dplus KIA", "Top Esports"];
const UFC: &[&str] = &[
    "Alex Pereira",
    "Magomed Ankalaev",
    "Islam Makhachev",
    "Ilia Topuria",
    "Dricus Du Plessis",
    "Khamzat Chimaev",
    "Merab Dvalishvili",
    "Tom Aspinall",
    "Belal Muhammad",
    "Jack Della Maddalena",
    "Arman Tsarukyan",
    "Sean O'Malley",
    "Max Holloway",
    "Charles Oliveira",
    "Justin Gaethje",
    "Paddy Pimblett",
    "Shavkat Rakhmonov",
    "Umar Nurmagomedov",
];

const LEAGUES: &[League] = &[
    League {
        code: "nba",
        teams: NBA,
        per_day: 7.0,
        weekend: 1.0,
        hours: (23.5, 27.5),
        dur: 150 * MIN,
        kind: Kind::Sports,
        crowd: 70.0,
        spread: 1,
    },
    League {
        code: "nhl",
        teams: NHL,
        per_day: 5.0,
        weekend: 1.1,
        hours: (23.0, 27.0),
        dur: 160 * MIN,
        kind: Kind::Sports,
        crowd: 25.0,
        spread: 1,
    },
    League {
        code: "cbb",
        teams: NCAAB,
        per_day: 6.0,
        weekend: 1.3,
        hours: (16.0, 28.0),
        dur: 130 * MIN,
        kind: Kind::Sports,
        crowd: 30.0,
        spread: 2,
    },
    League {
        code: "epl",
        teams: EPL,
        per_day: 0.6,
        weekend: 5.5,
        hours: (12.5, 20.0),
        dur: 115 * MIN,
        kind: Kind::Soccer,
        crowd: 30.0,
        spread: 1,
    },
    League {
        code: "euro",
        teams: EURO,
        per_day: 0.8,
        weekend: 5.0,
        hours: (13.0, 21.0),
        dur: 115 * MIN,
        kind: Kind::Soccer,
        crowd: 20.0,
        spread: 1,
    },
    League {
        code: "atp",
        teams: TENNIS,
        per_day: 7.0,
        weekend: 0.9,
        hours: (9.0, 30.0),
        dur: 120 * MIN,
        kind: Kind::Sports,
        crowd: 18.0,
        spread: 2,
    },
    League {
        code: "cs2",
        teams: CS2,
        per_day: 3.0,
        weekend: 1.4,
        hours: (11.0, 23.0),
        dur: 110 * MIN,
        kind: Kind::Esports,
        crowd: 12.0,
        spread: 2,
    },
    League {
        code: "lol",
        teams: LOL,
        per_day: 2.0,
        weekend: 1.4,
        hours: (7.0, 15.0),
        dur: 100 * MIN,
        kind: Kind::Esports,
        crowd: 10.0,
        spread: 3,
    },
    League {
        code: "ufc",
        teams: UFC,
        per_day: 0.0,
        weekend: 0.0,
        hours: (0.0, 0.0),
        dur: 25 * MIN,
        kind: Kind::Sports,
        crowd: 25.0,
        spread: 2,
    },
];

const POLITICS: &[(&str, f64, i64)] = &[
    ("Will the US government shut down before April 1?", 0.18, 17),
    ("Will the Supreme Court rule on the tariff case by March 31?", 0.55, 16),
    ("Will Trump's approval be above 42% on March 31?", 0.35, 16),
    ("Will the Senate confirm the new Fed Chair by March 31?", 0.7, 16),
    ("Will Ukraine and Russia sign a ceasefire in 2027?", 0.24, 290),
    ("Will Keir Starmer be UK Prime Minister on June 30?", 0.62, 107),
    ("Will Israel and Saudi Arabia normalize relations in 2027?", 0.12, 290),
    ("Will China invade Taiwan in 2027?", 0.04, 290),
    ("Will Gavin Newsom announce a 2028 run before July?", 0.41, 107),
    ("Will JD Vance announce a 2028 run before July?", 0.09, 107),
    ("Will the Texas Senate primary runoff be won by Paxton?", 0.57, 72),
    ("Will Friedrich Merz remain Chancellor through 2027?", 0.81, 290),
    ("Will there be a snap election in Japan before June?", 0.22, 78),
    ("Will Venezuela hold a presidential election in 2027?", 0.19, 290),
    ("Will the EU announce new sanctions on Russia by March 20?", 0.66, 5),
    ("Will Trump sign an executive order on crypto in March?", 0.3, 16),
    ("Will the debt ceiling be raised before May?", 0.44, 47),
    ("Will Zelensky meet Putin in 2027?", 0.15, 290),
    ("Will Iran and the US reach a nuclear deal in 2027?", 0.2, 290),
    ("Will Canada hold a federal election in 2027?", 0.28, 290),
    ("Will the Virginia redistricting referendum pass?", 0.52, -4),
    ("Will the House pass the stablecoin bill by March 10?", 0.61, -5),
    ("Will the State of the Union mention Greenland?", 0.47, -18),
    ("Will Marco Rubio visit Beijing in February?", 0.2, -14),
    ("Will the Prime Minister of Thailand be removed by March 1?", 0.25, -14),
    ("Will NATO agree the new spending target by March 7?", 0.72, -8),
    ("Will Argentina's midterm-backed reform pass the Senate by March 12?", 0.48, -3),
    ("Will the Portugal government fall before March 15?", 0.16, -1),
];

const CULTURE: &[(&str, f64, i64)] = &[
    ("Will GTA VI be delayed again before May?", 0.14, 47),
    ("Will Taylor Swift release a new album before April?", 0.09, 17),
    ("Will 'Avengers: Doomsday' gross over $250M opening weekend?", 0.46, 60),
    ("Will MrBeast hit 500M YouTube subscribers by March 31?", 0.38, 16),
    ("Will Drake release an album in March?", 0.27, 16),
    ("Will Elon Musk become a trillionaire in 2027?", 0.21, 290),
    ("Will 'The Mandalorian & Grogu' gross over $100M in its first weekend?", 0.52, 70),
    ("Will Rihanna perform at the Grammys?", 0.12, -24),
    ("Will Kanye West release 'Bully' in February?", 0.18, -15),
    ("Will Bad Bunny announce a world tour by March 10?", 0.35, -5),
    ("Will the Pope visit the United States in 2027?", 0.11, 290),
    ("Will OpenAI release GPT-6 before June?", 0.31, 107),
    ("Will Apple announce a foldable iPhone before July?", 0.26, 107),
    ("Will Spotify raise US prices in March?", 0.4, 16),
    ("Will a new Pokémon game be announced on Pokémon Presents?", 0.73, -17),
    ("Will 'Severance' win Best Drama at the SAG Awards?", 0.55, -21),
];

pub fn day_str(t: i64) -> String {
    copycat_core::time::from_secs(t).format("%Y-%m-%d").to_string()
}
pub fn long_day(t: i64) -> String {
    copycat_core::time::from_secs(t).format("%B %-d").to_string()
}
fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.chars().take(80).collect()
}
fn abbr(team: &str) -> String {
    team.chars().filter(|c| c.is_ascii_alphanumeric()).take(3).collect::<String>().to_ascii_lowercase()
}

struct Spec {
    title: String,
    slug: String,
    outcomes: [String; 2],
    kind: Kind,
    league: &'static str,
    open: i64,
    start: i64,
    end: i64,
    steps: (i64, i64),
    sds: (f64, f64),
    p0: f64,
    crowd: f64,
    spread: i64,
}

impl Universe {
    pub fn build(seed: u64) -> Universe {
        let mut u = Universe {
            markets: Vec::new(),
            events: Vec::new(),
            games: Vec::new(),
            politics: Vec::new(),
            culture: Vec::new(),
            oscars: Vec::new(),
            tweets: Vec::new(),
            weather: Vec::new(),
            mentions: Vec::new(),
            releases: Vec::new(),
            crypto: HashMap::new(),
            rng: Rng::new(seed),
        };
        u.sports();
        u.long_markets();
        u.events_negrisk();
        u.econ();
        u.weather_events();
        u.mention_events();
        let mut games = std::mem::take(&mut u.games);
        games.sort_by_key(|&m| (u.markets[m as usize].start, m));
        u.games = games;
        u
    }

    fn add(&mut self, s: Spec, seed: u64, winner: u8, group: Option<(u32, u16)>) -> u32 {
        let cid = self.rng.hex(64);
        let tokens = [self.rng.token_id(), self.rng.token_id()];
        self.markets.push(Market {
            cid,
            tokens,
            outcomes: s.outcomes,
            title: s.title,
            slug: s.slug,
            kind: s.kind,
            league: s.league,
            open: s.open,
            start: s.start,
            end: s.end,
            step_pre: s.steps.0,
            step_live: s.steps.1,
            sd_pre: s.sds.0,
            sd_live: s.sds.1,
            p0: s.p0,
            winner,
            seed,
            group,
            crowd: s.crowd,
            spread: s.spread,
            path: OnceCell::new(),
        });
        (self.markets.len() - 1) as u32
    }

    fn single(&mut self, s: Spec) -> u32 {
        let seed = self.rng.u64();
        let winner = if Rng::new(seed ^ 7).f() < s.p0 { 0 } else { 1 };
        self.add(s, seed, winner, None)
    }

    /// A negRisk event: one Yes/No market per outcome, Yes prices summing to one.
    fn group(&mut self, title: &str, kind: Kind, names: &[String], weights: &[f64], mk: &dyn Fn(&str) -> Spec) -> u32 {
        let e = self.events.len() as u32;
        let seed = self.rng.u64();
        let total: f64 = weights.iter().sum();
        let probs: Vec<f64> = weights.iter().map(|w| w / total).collect();
        let winner = Rng::new(seed ^ 11).weighted(&probs);
        let mut ids = Vec::new();
        let (mut start, mut end) = (0, 0);
        for (j, name) in names.iter().enumerate() {
            let mut s = mk(name);
            s.p0 = probs[j];
            start = s.start;
            end = s.end;
            let id = self.add(s, seed, if j == winner { 0 } else { 1 }, Some((e, j as u16)));
            ids.push(id);
        }
        self.events.push(Event {
            title: title.to_string(),
            kind,
            markets: ids,
            start,
            end,
            winner,
            base: probs.iter().map(|p| p.max(1e-4).ln()).collect(),
            seed,
            paths: OnceCell::new(),
        });
        e
    }

    fn sports(&mut self) {
        let first = (NOW - 33 * DAY) / DAY * DAY;
        for d in 0..36 {
            let day = first + d * DAY;
            let wd = ((day / DAY) + 4).rem_euclid(7); // 0 = Sunday
            let weekend = wd == 0 || wd == 6;
            for lg in LEAGUES {
                let mut n = if weekend { lg.per_day * lg.weekend } else { lg.per_day };
                if lg.code == "ufc" && wd == 0 {
                    n = 11.0;
                }
                let n = self.rng.poisson(n);
                let mut teams: Vec<&str> = lg.teams.to_vec();
                self.rng.shuffle(&mut teams);
                for g in 0..n.min(teams.len() / 2) {
                    let (a, b) = (teams[2 * g], teams[2 * g + 1]);
                    let start = if lg.code == "ufc" {
                        day + HOUR / 2 + (g as i64) * 22 * MIN
                    } else {
                        let h = self.rng.uni(lg.hours.0, lg.hours.1);
                        day + ((h * 4.0).round() as i64) * 15 * MIN
                    };
                    let date = day_str(start - 5 * HOUR);
                    let open = start - 2 * DAY - self.rng.range(0, DAY);
                    let end = start + lg.dur + self.rng.range(0, 30 * MIN);
                    let fav = self.rng.uni(0.0, 1.0).powf(1.5) * 0.42;
                    let p0 = if self.rng.chance(0.5) { 0.5 + fav } else { 0.5 - fav };
                    let big = self.rng.chance(0.12);
                    let crowd = lg.crowd * self.rng.lognormal(1.0, 0.5) * if big { 3.0 } else { 1.0 };
                    if lg.kind == Kind::Soccer {
                        let code = if wd == 2 || wd == 3 { "ucl" } else { lg.code };
                        let (a, b) = if code == "ucl" {
                            let i = self.rng.below(UCL.len());
                            let j = (i + 1 + self.rng.below(UCL.len() - 1)) % UCL.len();
                            (UCL[i], UCL[j])
                        } else {
                            (a, b)
                        };
                        let slug = format!("{}-{}-{}-{}", code, abbr(a), abbr(b), date);
                        let names = vec![a.to_string(), "Draw".to_string(), b.to_string()];
                        let draw = 0.26;
                        let weights = [(1.0 - draw) * p0, draw, (1.0 - draw) * (1.0 - p0)];
                        let title = format!("{a} vs. {b}");
                        let spread = lg.spread;
                        let e = self.group(&title, Kind::Soccer, &names, &weights, &|name: &str| Spec {
                            title: if name == "Draw" {
                                format!("Will {a} vs. {b} end in a draw?")
                            } else {
                                format!("Will {name} win on {date}?")
                            },
                            slug: if name == "Draw" { format!("{slug}-draw") } else { format!("{slug}-{}", abbr(name)) },
                            outcomes: ["Yes".into(), "No".into()],
                            kind: Kind::Soccer,
                            league: if code == "ucl" { "ucl" } else { lg.code },
                            open,
                            start,
                            end,
                            steps: (600, 30),
                            sds: (0.008, 0.05),
                            p0: 0.0,
                            crowd: crowd * if code == "ucl" { 2.0 } else { 1.0 },
                            spread,
                        });
                        let ids = self.events[e as usize].markets.clone();
                        self.games.extend(ids);
                    } else {
                        let title = format!("{a} vs. {b}");
                        let slug = format!("{}-{}-{}-{}", lg.code, abbr(a), abbr(b), date);
                        let m = self.single(Spec {
                            title,
                            slug,
                            outcomes: [a.to_string(), b.to_string()],
                            kind: lg.kind,
                            league: lg.code,
                            open,
                            start,
                            end,
                            steps: (600, 30),
                            sds: (0.008, 0.06),
                            p0,
                            crowd,
                            spread: lg.spread,
                        });
                        self.games.push(m);
                    }
                }
            }
        }
    }

    fn long_markets(&mut self) {
        for &(title, p0, days) in POLITICS {
            let end = NOW + days * DAY + self.rng.range(-6 * HOUR, 6 * HOUR);
            let crowd = self.rng.lognormal(260.0, 0.6);
            let m = self.single(Spec {
                title: title.to_string(),
                slug: slugify(title),
                outcomes: ["Yes".into(), "No".into()],
                kind: Kind::Politics,
                league: "politics",
                open: NOW - 60 * DAY,
                start: end,
                end,
                steps: (HOUR, HOUR),
                sds: (0.045, 0.045),
                p0,
                crowd,
                spread: 1,
            });
            self.politics.push(m);
        }
        for &(title, p0, days) in CULTURE {
            let end = NOW + days * DAY + self.rng.range(-6 * HOUR, 6 * HOUR);
            let crowd = self.rng.lognormal(110.0, 0.6);
            let m = self.single(Spec {
                title: title.to_string(),
                slug: slugify(title),
                outcomes: ["Yes".into(), "No".into()],
                kind: Kind::Culture,
                league: "culture",
                open: NOW - 60 * DAY,
                start: end,
                end,
                steps: (HOUR, HOUR),
                sds: (0.05, 0.05),
                p0,
                crowd,
                spread: 2,
            });
            self.culture.push(m);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn long_group(&mut self, title: &str, q: &str, kind: Kind, names: &[&str], weights: &[f64], start: i64, end: i64, crowd: f64) -> u32 {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let base = slugify(title);
        let q = q.to_string();
        self.group(title, kind, &names, weights, &|name: &str| Spec {
            title: q.replace("{}", name),
            slug: format!("{}-{}", base, slugify(name)),
            outcomes: ["Yes".into(), "No".into()],
            kind,
            league: "event",
            open: NOW - 60 * DAY,
            start,
            end,
            steps: (HOUR, 5 * MIN),
            sds: (0.04, 0.12),
            p0: 0.0,
            crowd,
            spread: 1,
        })
    }

    fn events_negrisk(&mut self) {
        let far = |d: i64| NOW + d * DAY;
        let e = self.long_group(
            "French Presidential Election 2027",
            "Will {} win the 2027 French presidential election?",
            Kind::Politics,
            &[
                "Jordan Bardella",
                "Marine Le Pen",
                "Edouard Philippe",
                "Gabriel Attal",
                "Jean-Luc Melenchon",
                "Bruno Retailleau",
                "Raphael Glucksmann",
            ],
            &[34.0, 8.0, 27.0, 9.0, 6.0, 7.0, 5.0],
            far(55),
            far(56),
            120.0,
        );
        let ids = self.events[e as usize].markets.clone();
        self.politics.extend(ids);
        let fomc = NOW + 2 * DAY + 5 * HOUR + 14 * MIN;
        let e = self.long_group(
            "Fed decision in March 2027",
            "Fed decision in March: {}?",
            Kind::Econ,
            &["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"],
            &[71.0, 25.0, 2.0, 2.0],
            fomc,
            fomc + HOUR,
            200.0,
        );
        let ids = self.events[e as usize].markets.clone();
        self.politics.extend(ids);
        let e = self.long_group(
            "NBA Champion 2027",
            "Will the {} win the 2027 NBA Finals?",
            Kind::Sports,
            &["Thunder", "Celtics", "Cavaliers", "Nuggets", "Knicks", "Rockets", "Lakers", "Timberwolves", "Warriors", "Magic"],
            &[28.0, 12.0, 14.0, 8.0, 9.0, 7.0, 6.0, 5.0, 4.0, 3.0],
            far(100),
            far(101),
            60.0,
        );
        let ids = self.events[e as usize].markets.clone();
        self.politics.extend(ids);
        let e = self.long_group(
            "Champions League Winner 2026-27",
            "Will {} win the 2026-27 Champions League?",
            Kind::Soccer,
            &["Real Madrid", "Barcelona", "Bayern Munich", "Arsenal", "Liverpool", "PSG", "Manchester City", "Inter"],
            &[16.0, 17.0, 14.0, 15.0, 12.0, 11.0, 9.0, 6.0],
            far(75),
            far(76),
            50.0,
        );
        let ids = self.events[e as usize].markets.clone();
        self.politics.extend(ids);
        // Oscars night, a week before NOW.
        let night = NOW - 8 * DAY + 13 * HOUR;
        let cats: [(&str, &[&str], &[f64]); 4] = [
            (
                "Best Picture",
                &[
                    "The Long Tide",
                    "Harbor Lights",
                    "Saint Agnes",
                    "Paper Kingdom",
                    "Winter Orchard",
                    "Northbound",
                    "The Glass Choir",
                    "Ember",
                ],
                &[38.0, 22.0, 14.0, 9.0, 7.0, 4.0, 3.0, 3.0],
            ),
            ("Best Actor", &["Colman Reyes", "Adrian Holt", "Tomás Vidal", "Kwame Osei", "Peter Lindqvist"], &[48.0, 27.0, 12.0, 8.0, 5.0]),
            (
                "Best Actress",
                &["Maya Okafor", "Lena Brandt", "Sofia Marchetti", "Hannah Cole", "Aiko Tanaka"],
                &[41.0, 33.0, 13.0, 8.0, 5.0],
            ),
            ("Best Director", &["Ines Duarte", "Marcus Webb", "Yuki Sato", "Daniel Frey", "Amara Nwosu"], &[44.0, 29.0, 14.0, 8.0, 5.0]),
        ];
        for (cat, names, w) in cats {
            let title = format!("Oscars 2027: {cat}");
            let q = format!("Will {{}} win {cat} at the 2027 Oscars?");
            let e = self.long_group(&title, &q, Kind::Culture, names, w, night, night + 4 * HOUR, 90.0);
            let ids = self.events[e as usize].markets.clone();
            self.oscars.extend(ids);
        }
        // Elon Musk tweet-count weeks, Friday noon ET to Friday noon ET.
        let mut fri = (NOW - 35 * DAY) / DAY * DAY + 17 * HOUR;
        while ((fri / DAY) + 4).rem_euclid(7) != 5 {
            fri += DAY;
        }
        while fri < NOW + 7 * DAY {
            let end = fri + 7 * DAY;
            let title = format!("Elon Musk # of tweets {} - {}, 2027?", long_day(fri), long_day(end));
            let names: Vec<String> =
                ["<200", "200-239", "240-279", "280-319", "320-359", "360-399", "400+"].iter().map(|s| s.to_string()).collect();
            let base = slugify(&title);
            let center = self.rng.uni(2.0, 4.5);
            let w: Vec<f64> = (0..names.len()).map(|i| (-(i as f64 - center).powi(2) / 2.5).exp()).collect();
            let e = self.group(&title, Kind::Culture, &names, &w, &|name: &str| Spec {
                title: format!("Will Elon Musk post {name} tweets from {} to {}, 2027?", long_day(fri), long_day(end)),
                slug: format!("{}-{}", base, slugify(name)),
                outcomes: ["Yes".into(), "No".into()],
                kind: Kind::Culture,
                league: "tweets",
                open: fri - 2 * DAY,
                start: fri,
                end,
                steps: (HOUR, 10 * MIN),
                sds: (0.01, 0.035),
                p0: 0.0,
                crowd: 35.0,
                spread: 1,
            });
            let ids = self.events[e as usize].markets.clone();
            self.tweets.extend(ids);
            fri = end;
        }
    }

    fn econ(&mut self) {
        let at = |d: i64, h: i64, m: i64| (NOW - d * DAY) / DAY * DAY + h * HOUR + m * MIN;
        let rel: Vec<(i64, &str, Vec<f64>, &str, f64)> = vec![
            (at(5, 13, 30), "Will February CPI (YoY) be above {}%?", vec![2.4, 2.5, 2.6, 2.7, 2.8], "cpi", 2.58),
            (at(10, 13, 30), "Will February nonfarm payrolls exceed {}k?", vec![75.0, 100.0, 150.0, 200.0], "nfp", 128.0),
            (at(18, 13, 30), "Will Q4 GDP growth (second estimate) be above {}%?", vec![1.5, 2.0, 2.5], "gdp", 2.1),
            (at(17, 13, 30), "Will January core PCE (YoY) be above {}%?", vec![2.6, 2.7, 2.8], "pce", 2.72),
            (at(25, 13, 30), "Will initial jobless claims exceed {}k this week?", vec![215.0, 225.0], "claims", 219.0),
            (at(18, 13, 30), "Will initial jobless claims exceed {}k (week of Feb 20)?", vec![215.0, 225.0], "claims", 228.0),
            (at(11, 13, 30), "Will initial jobless claims exceed {}k (week of Feb 27)?", vec![215.0, 225.0], "claims", 212.0),
            (at(4, 12, 30), "Will initial jobless claims exceed {}k (week of Mar 6)?", vec![215.0, 225.0], "claims", 221.0),
            (at(1, 15, 0), "Will the March Michigan consumer sentiment be above {}?", vec![55.0, 58.0], "umich", 56.4),
        ];
        for (t, q, th, code, truth) in rel {
            let mut ids = Vec::new();
            let scale = (th.last().copied().unwrap_or(1.0) - th[0]).abs().max(0.2) / 2.0;
            for x in th {
                let title = q.replace("{}", &format!("{x}"));
                let prior = truth + self.rng.normal() * scale * 0.6;
                let p0 = sigmoid((prior - x) / (scale * 0.5)).clamp(0.03, 0.97);
                let seed = self.rng.u64();
                let winner = if truth > x { 0 } else { 1 };
                let m = self.add(
                    Spec {
                        slug: format!("{}-{}", slugify(&title), day_str(t)),
                        title,
                        outcomes: ["Yes".into(), "No".into()],
                        kind: Kind::Econ,
                        league: code,
                        open: t - 12 * DAY,
                        start: t,
                        end: t + 3 * HOUR,
                        steps: (HOUR, 5),
                        sds: (0.03, 0.5),
                        p0,
                        crowd: 45.0,
                        spread: 1,
                    },
                    seed,
                    winner,
                    None,
                );
                ids.push(m);
            }
            self.releases.push((t, ids));
        }
    }

    fn weather_events(&mut self) {
        let cities: [(&str, i64, &str, i64); 5] =
            [("NYC", -5, "°F", 44), ("London", 0, "°C", 11), ("Chicago", -6, "°F", 38), ("Seoul", 9, "°C", 9), ("Miami", -5, "°F", 79)];
        let first = (NOW - 31 * DAY) / DAY * DAY;
        for d in 0..33 {
            for &(city, tz, unit, normal) in &cities {
                let day = first + d * DAY - tz * HOUR; // local midnight
                let centre = normal + (self.rng.normal() * 4.0).round() as i64;
                let lo = centre - 3;
                let mut names = vec![format!("{}{unit} or below", lo)];
                for v in lo + 1..lo + 6 {
                    names.push(format!("{v}{unit}"));
                }
                names.push(format!("{}{unit} or higher", lo + 6));
                let fc = self.rng.normal() * 1.3 + 3.0;
                let w: Vec<f64> = (0..names.len()).map(|i| (-(i as f64 - fc).powi(2) / 3.0).exp() + 0.02).collect();
                let title = format!("Highest temperature in {city} on {}?", long_day(day + 12 * HOUR));
                let base = slugify(&title);
                let e = self.group(&title, Kind::Weather, &names, &w, &|name: &str| Spec {
                    title: format!("Will the highest temperature in {city} be {name} on {}?", long_day(day + 12 * HOUR)),
                    slug: format!("{}-{}", base, slugify(name)),
                    outcomes: ["Yes".into(), "No".into()],
                    kind: Kind::Weather,
                    league: city_code(city),
                    open: day - 2 * DAY,
                    start: day + 6 * HOUR,
                    end: day + 26 * HOUR,
                    steps: (2 * HOUR, 10 * MIN),
                    sds: (0.12, 0.09),
                    p0: 0.0,
                    crowd: 9.0,
                    spread: 2,
                });
                self.weather.push(e);
            }
        }
    }

    fn mention_events(&mut self) {
        let evs: [(&str, i64, &[&str]); 5] = [
            ("Trump press conference", 22, &["Tariff", "Crypto", "Fake News", "Biden", "China", "Greenland"]),
            ("Powell testimony to Congress", 13, &["Recession", "Inflation", "AI", "Tariff", "Labor market"]),
            ("Trump rally in Pennsylvania", 9, &["Sleepy Joe", "Border", "Bitcoin", "Rigged", "Steel"]),
            ("White House press briefing", 6, &["Iran", "Ukraine", "Shutdown", "Elon", "Eggs"]),
            ("Trump address to the nation", 2, &["Peace", "Tariff", "Drill", "Golden Dome", "Venezuela"]),
        ];
        for (name, days_ago, words) in evs {
            let start = (NOW - days_ago * DAY) / DAY * DAY + self.rng.range(15, 24) * HOUR;
            for w in words {
                let title = format!("Will Trump say \"{w}\" during the {name}?");
                let p0 = self.rng.uni(0.1, 0.9);
                let m = self.single(Spec {
                    slug: format!("{}-{}", slugify(&title), day_str(start)),
                    title,
                    outcomes: ["Yes".into(), "No".into()],
                    kind: Kind::Mentions,
                    league: "mentions",
                    open: start - 3 * DAY,
                    start,
                    end: start + 80 * MIN,
                    steps: (HOUR, 20),
                    sds: (0.03, 0.1),
                    p0,
                    crowd: 35.0,
                    spread: 2,
                });
                self.mentions.push(m);
            }
        }
    }

    /// The up/down market of `coin` for the interval of length `iv` holding `t`.
    pub fn crypto(&mut self, coin: usize, iv: i64, t: i64) -> u32 {
        let start = t - t.rem_euclid(iv);
        if let Some(&m) = self.crypto.get(&(coin, iv, start)) {
            return m;
        }
        let seed = mix(mix(coin as u64 * 1_000_003 + iv as u64) ^ start as u64);
        let r = Rng::new(seed);
        let (name, code, long) = COINS[coin];
        let et = start - 5 * HOUR + if start >= 1_805_007_600 { HOUR } else { 0 };
        let f = |x: i64| copycat_core::time::from_secs(x).format("%-I:%M%p").to_string();
        let (title, slug) = match iv {
            300 => (format!("{name} Up or Down - {}, {}-{} ET", long_day(et), f(et), f(et + iv)), format!("{code}-updown-5m-{start}")),
            900 => (format!("{name} Up or Down - {}, {}-{} ET", long_day(et), f(et), f(et + iv)), format!("{code}-updown-15m-{start}")),
            _ => {
                let h = copycat_core::time::from_secs(et).format("%-I%p").to_string().to_ascii_lowercase();
                (
                    format!("{name} Up or Down - {}, {} ET", long_day(et), h.to_ascii_uppercase()),
                    format!("{long}-up-or-down-{}-{h}-et", slugify(&long_day(et))),
                )
            }
        };
        let winner = if r.chance(0.5) { 0 } else { 1 };
        let m = Market {
            cid: r.hex(64),
            tokens: [r.token_id(), r.token_id()],
            outcomes: ["Up".into(), "Down".into()],
            title,
            slug,
            kind: Kind::Crypto,
            league: code,
            open: start - iv,
            start,
            end: start + iv,
            step_pre: iv / 10,
            step_live: iv / 60,
            sd_pre: 0.015,
            sd_live: 0.2,
            p0: 0.5,
            winner,
            seed: r.u64(),
            group: None,
            crowd: match iv {
                300 => 5.0,
                900 => 8.0,
                _ => 14.0,
            } * if coin == 0 { 1.4 } else { 0.6 },
            spread: 1,
            path: OnceCell::new(),
        };
        self.markets.push(m);
        let id = (self.markets.len() - 1) as u32;
        self.crypto.insert((coin, iv, start), id);
        id
    }

    /// Probability of outcome 0 of market `m` at `t`.
    pub fn p(&self, m: u32, t: i64) -> f64 {
        let mk = &self.markets[m as usize];
        let i = mk.index(t);
        match mk.group {
            Some((e, j)) => {
                let ev = &self.events[e as usize];
                let paths = ev.paths.get_or_init(|| self.group_paths(ev));
                paths[j as usize][i] as f64
            }
            None => mk.path.get_or_init(|| {
                let r = Rng::new(mk.seed);
                let target = if mk.winner == 0 { 5.3 } else { -5.3 };
                bridge(&r, logit(mk.p0), target, &mk.sds()).into_iter().map(|x| sigmoid(x) as f32).collect()
            })[i] as f64,
        }
    }

    #[allow(clippy::needless_range_loop)]
    fn group_paths(&self, ev: &Event) -> Vec<Vec<f32>> {
        let first = &self.markets[ev.markets[0] as usize];
        let sds = first.sds();
        let r = Rng::new(ev.seed);
        let xs: Vec<Vec<f64>> = ev
            .base
            .iter()
            .enumerate()
            .map(|(j, &b)| {
                let target = if j == ev.winner { 6.5 } else { -1.0 };
                let sds: Vec<f64> = sds.iter().map(|s| s * 0.8).collect();
                bridge(&r, b, target, &sds)
            })
            .collect();
        let n = sds.len();
        let k = xs.len();
        let mut out = vec![Vec::with_capacity(n); k];
        for i in 0..n {
            let mx = (0..k).map(|j| xs[j][i]).fold(f64::MIN, f64::max);
            let z: f64 = (0..k).map(|j| (xs[j][i] - mx).exp()).sum();
            for j in 0..k {
                out[j].push(((xs[j][i] - mx).exp() / z) as f32);
            }
        }
        out
    }

    /// Probability of `o` at `t`.
    pub fn q(&self, m: u32, o: u8, t: i64) -> f64 {
        let p = self.p(m, t);
        if o == 0 { p } else { 1.0 - p }
    }

    /// (bid, ask) in cents for outcome `o` at `t`.
    pub fn quote(&self, m: u32, o: u8, t: i64) -> (i64, i64) {
        let s = self.markets[m as usize].spread;
        let mid = self.q(m, o, t) * 100.0;
        let bid = ((mid - s as f64 / 2.0).round() as i64).clamp(1, 98);
        let ask = (bid + s).clamp(bid + 1, 99);
        (bid, ask)
    }

    /// Sports games starting in [t0, t1).
    pub fn games_between(&self, t0: i64, t1: i64) -> &[u32] {
        let a = self.games.partition_point(|&m| self.markets[m as usize].start < t0);
        let b = self.games.partition_point(|&m| self.markets[m as usize].start < t1);
        &self.games[a..b]
    }

    /// Times in [t0, t1) where the price of outcome 0 moved by at least `by` within `win`.
    pub fn jumps(&self, m: u32, t0: i64, t1: i64, win: i64, by: f64) -> Vec<(i64, f64)> {
        let mut out = Vec::new();
        let step = (win / 4).max(5);
        let mut t = t0;
        while t + win < t1 {
            let d = self.p(m, t + win) - self.p(m, t);
            if d.abs() >= by {
                out.push((t + win, d));
                t += win * 3;
            } else {
                t += step;
            }
        }
        out
    }
}

fn city_code(city: &str) -> &'static str {
    match city {
        "NYC" => "nyc",
        "London" => "london",
        "Chicago" => "chicago",
        "Seoul" => "seoul",
        _ => "miami",
    }
}
