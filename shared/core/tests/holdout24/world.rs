//! The market world: markets with fair-price paths, a few followed whales, and the crowd.

use super::{DAY0, DAYS, NOW, Persona, Rng, START, row, usd_sh};
use copycat_core::time::from_secs;
use copycat_core::{Side, Trade, Wallet};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Sports,
    Esports,
    Crypto15,
    Crypto60,
    Politics,
    Macro,
    Weather,
    Mention,
    Culture,
    News,
}

pub struct Market {
    pub cid: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub open: i64,
    pub close: i64,
    /// In-play start (games), event start (mentions), release time (macro), window start (crypto).
    pub start: i64,
    pub step: i64,
    /// Fair probability of outcome 0 at open + k * step.
    pub path: Vec<f32>,
    pub kind: Kind,
    /// Moments that move the price: (time, outcome favoured).
    pub events: Vec<(i64, usize)>,
    pub group: usize,
    pub crowd: usize,
}

impl Market {
    pub fn p(&self, t: i64, oi: usize) -> f64 {
        let k = ((t - self.open) / self.step).clamp(0, self.path.len() as i64 - 1) as usize;
        let p = self.path[k] as f64;
        if oi == 0 { p } else { 1.0 - p }
    }
    pub fn live(&self, t: i64) -> bool {
        t >= self.open && t < self.close && t > START && t <= NOW
    }
}

pub struct World {
    pub m: Vec<Market>,
    pub sports: Vec<usize>,
    pub sports_by_day: Vec<Vec<usize>>,
    pub esports_by_day: Vec<Vec<usize>>,
    /// Crypto windows by (asset 0..4) for 15-minute windows, sorted by start.
    pub c15: Vec<Vec<usize>>,
    pub c60: Vec<Vec<usize>>,
    pub politics: Vec<usize>,
    pub macro_: Vec<usize>,
    /// Weather bracket groups: (city, day) -> bracket markets.
    pub weather: Vec<Vec<usize>>,
    pub weather_city: Vec<usize>,
    pub mentions: Vec<usize>,
    pub culture: Vec<usize>,
    pub news: Vec<usize>,
    /// Multi-candidate politics groups (negRisk events).
    pub groups: Vec<Vec<usize>>,
    /// Well-known wallets that copiers follow, with their fills oldest first.
    pub leaders: Vec<(Wallet, Vec<Trade>)>,
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}
fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn path(r: &mut Rng, open: i64, close: i64, step: i64, p0: f64, vol: f64, jumps: &[(i64, f64)], force: Option<bool>) -> Vec<f32> {
    let end = close.min(NOW);
    let n = ((end - open) / step + 1).max(1) as usize;
    let mut x = logit(p0.clamp(0.02, 0.98));
    let pull_from = open + (close - open) * 4 / 5;
    let mut target: Option<f64> = force.map(|b| if b { 6.5 } else { -6.5 });
    let mut out = Vec::with_capacity(n);
    let mut ji = 0;
    for k in 0..n {
        let t = open + k as i64 * step;
        x += vol * r.normal();
        while ji < jumps.len() && jumps[ji].0 <= t {
            x += jumps[ji].1;
            ji += 1;
        }
        if t >= pull_from && close <= NOW + 86_400 * 3 {
            let tg = *target.get_or_insert_with(|| if x + 0.8 * r.normal() > 0.0 { 6.5 } else { -6.5 });
            let f = (t - pull_from) as f64 / (close - pull_from).max(1) as f64;
            x += (tg - x) * (0.01 + 0.25 * f * f);
        }
        x = x.clamp(-6.5, 6.5);
        out.push(sigmoid(x) as f32);
    }
    out
}

fn date(t: i64) -> String {
    from_secs(t).format("%Y-%m-%d").to_string()
}
fn md(t: i64) -> String {
    from_secs(t).format("%B %-d").to_string()
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

const MLB: &[&str] = &[
    "Yankees",
    "Red Sox",
    "Dodgers",
    "Giants",
    "Mets",
    "Phillies",
    "Braves",
    "Cubs",
    "Cardinals",
    "Astros",
    "Rangers",
    "Mariners",
    "Padres",
    "Brewers",
    "Orioles",
    "Blue Jays",
    "Guardians",
    "Tigers",
    "Twins",
    "Royals",
    "Rays",
    "Diamondbacks",
    "Reds",
    "Pirates",
];
const WNBA: &[&str] =
    &["Liberty", "Aces", "Lynx", "Fever", "Sky", "Mercury", "Storm", "Sparks", "Dream", "Sun", "Wings", "Mystics", "Valkyries"];
const SOCCER: &[&str] = &[
    "Club América",
    "Chivas",
    "Monterrey",
    "Tigres UANL",
    "Flamengo",
    "Palmeiras",
    "Corinthians",
    "Inter Miami",
    "LA Galaxy",
    "LAFC",
    "Seattle Sounders",
    "Columbus Crew",
    "Atlanta United",
    "NYCFC",
];
const TENNIS: &[&str] = &[
    "Sinner",
    "Alcaraz",
    "Zverev",
    "Fritz",
    "Draper",
    "Medvedev",
    "Shelton",
    "Rune",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Pegula",
    "Rybakina",
    "Anisimova",
];
const NFL: &[&str] = &["Chiefs", "Eagles", "Bills", "Ravens", "Lions", "49ers", "Cowboys", "Packers", "Bengals", "Texans", "Jets", "Bears"];
const ESPORTS: &[(&str, &[&str])] = &[
    ("Counter-Strike", &["NAVI", "FaZe", "Vitality", "Spirit", "MOUZ", "G2", "Falcons", "The MongolZ", "Aurora"]),
    ("LoL", &["T1", "Gen.G", "Hanwha Life", "BLG", "AL", "G2", "Fnatic", "FlyQuest"]),
    ("Dota 2", &["Team Spirit", "Tundra", "Falcons", "Gaimin Gladiators", "Xtreme", "BetBoom", "PARIVISION"]),
    ("Valorant", &["Fnatic", "Sentinels", "Paper Rex", "G2", "Team Heretics", "EDG"]),
];
const CRYPTO: &[(&str, &str)] = &[("Bitcoin", "btc"), ("Ethereum", "eth"), ("Solana", "sol"), ("XRP", "xrp")];
const POLITICS: &[&str] = &[
    "Which party will win the House in 2026?",
    "Which party will win the Senate in 2026?",
    "Will Trump's approval rating be above 44% on August 31?",
    "Will there be a US government shutdown by October 1?",
    "Will the Supreme Court rule on tariffs by August 31?",
    "Will Zelenskyy and Putin meet in 2026?",
    "Russia x Ukraine ceasefire in 2026?",
    "Will Texas redistricting map be struck down by August 31?",
    "Will Newsom announce a 2028 presidential run by September 30?",
    "Will Elon Musk's America Party field a Senate candidate?",
    "Will the UK call a general election in 2026?",
    "Will Macron resign by September 30?",
    "Will Netanyahu remain Prime Minister through August?",
    "Will Trump invoke the Insurrection Act by August 31?",
    "Fed Chair nominee confirmed by September 30?",
    "Will Japan's Prime Minister resign by August 31?",
    "Georgia Senate Democratic primary runoff winner: Ossoff?",
    "Will a federal judge block the National Guard deployment?",
    "Will the debt ceiling be raised by September 30?",
    "Will Mamdani lead the NYC mayoral polls on August 31?",
    "Will Trump visit China in 2026?",
    "Will the Senate pass the crypto market structure bill by September 30?",
    "Will Iran and the US announce a nuclear deal by August 31?",
    "Will a new tariff on EU goods take effect by August 15?",
];
const CANDIDATES: &[(&str, &[&str])] = &[
    ("Michigan Senate Democratic primary winner", &["Haley Stevens", "Mallory McMorrow", "Abdul El-Sayed", "Other"]),
    ("Tennessee 7th District Republican primary winner", &["Candidate A", "Candidate B", "Candidate C"]),
    ("2028 Democratic presidential nominee", &["Gavin Newsom", "Alexandria Ocasio-Cortez", "Pete Buttigieg", "Josh Shapiro", "Other"]),
];
const CULTURE: &[&str] = &[
    "Will the new Superman sequel trailer drop by August 31?",
    "Highest grossing movie of the weekend (Aug 7-9): Freakier Friday?",
    "Will 'The Odyssey' gross over $100M domestic opening weekend?",
    "Love Island USA season 8 winner: couple from villa week 1?",
    "Taylor Swift new album announced by August 31?",
    "#1 song on Billboard Hot 100 on August 15: Golden?",
    "Will Drake top Spotify US daily chart on August 5?",
    "MrBeast video over 100M views in first week?",
    "Will Bad Bunny be announced as Super Bowl halftime headliner?",
    "Emmys 2026: Severance wins Best Drama nomination count over 20?",
    "Will GTA VI be delayed again before September?",
    "Top Netflix show this week: Wednesday?",
    "Will Kanye release an album in August?",
    "Will The Weeknd headline a stadium tour date in August?",
    "Box office: Jurassic sequel over $50M second weekend?",
    "Will Beyoncé announce a new tour leg by August 31?",
];
const NEWS: &[&str] = &[
    "Will Israel and Hamas agree to a ceasefire by August 31?",
    "Will the US strike Iran again by August 31?",
    "Will OpenAI release GPT-6 by September 30?",
    "Will Apple announce a foldable iPhone by September 30?",
    "Will Tesla launch robotaxi in a second city by August 31?",
    "Will a Category 4 hurricane make US landfall by August 31?",
    "Will Binance list a new memecoin this week?",
    "Will SpaceX Starship reach orbit on its next flight?",
    "Will TikTok US sale close by September 30?",
    "Will Nvidia be the largest company on August 31?",
    "Will Bitcoin reach $150k by August 31?",
    "Will Ethereum hit $5,000 by August 31?",
    "Will Ukraine strike a Russian refinery this week?",
    "Will India and Pakistan clash again by August 31?",
    "Will Elon Musk tweet over 500 times this week?",
    "Will the Pope visit the US in 2026?",
    "Will Diddy be sentenced to more than 5 years?",
    "Will Microstrategy buy Bitcoin this week?",
    "Will a US recession be declared in 2026?",
    "Will Google be forced to sell Chrome?",
    "Will China announce Taiwan exercises by August 31?",
    "Will gold close above $3,800 on August 31?",
    "Will Coinbase be added to a new index this month?",
    "Will Amazon announce layoffs of 10,000+ by August 31?",
    "Will a major airline declare bankruptcy by September 30?",
    "Will Venezuela hold a new election in 2026?",
];
const SPEECH: &[&str] = &[
    "Trump press conference",
    "White House press briefing",
    "Trump rally in Pennsylvania",
    "Powell speech at Jackson Hole preview",
    "Trump interview on Fox News",
    "Vance town hall",
];
const WORDS: &[&str] = &[
    "Tariff",
    "Crypto",
    "Sleepy Joe",
    "Fake News",
    "China",
    "Border",
    "Biden",
    "Elon",
    "Bitcoin",
    "Inflation",
    "Nuclear",
    "Epstein",
    "Rigged",
    "Beautiful",
    "Golf",
];
const CITIES: &[(&str, i64, i64)] =
    &[("NYC", -4, 84), ("London", 1, 24), ("Chicago", -5, 83), ("Seoul", 9, 31), ("Miami", -4, 91), ("Dallas", -5, 97)];

impl World {
    fn add(
        &mut self,
        r: &mut Rng,
        kind: Kind,
        title: String,
        outcomes: [&str; 2],
        open: i64,
        close: i64,
        start: i64,
        step: i64,
        p0: f64,
        vol: f64,
        events: Vec<(i64, usize, f64)>,
        force: Option<bool>,
        crowd: usize,
    ) -> usize {
        let mut jumps: Vec<(i64, f64)> = events.iter().map(|e| (e.0, if e.1 == 0 { e.2 } else { -e.2 })).collect();
        jumps.sort_by_key(|j| j.0);
        let path = path(r, open, close, step, p0, vol, &jumps, force);
        let slug = match kind {
            Kind::Crypto15 | Kind::Crypto60 | Kind::Sports | Kind::Esports | Kind::Weather | Kind::Mention => {
                format!("{}-{}", slugify(&title), date(start.max(open)))
            }
            _ => slugify(&title),
        };
        let mut ev: Vec<(i64, usize)> = events.iter().map(|e| (e.0, e.1)).collect();
        ev.sort();
        self.m.push(Market {
            cid: r.hex(64),
            tokens: [r.token(), r.token()],
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            title,
            slug,
            open,
            close,
            start,
            step,
            path,
            kind,
            events: ev,
            group: usize::MAX,
            crowd,
        });
        self.m.len() - 1
    }

    pub fn build(r: &mut Rng) -> World {
        let mut w = World {
            m: Vec::new(),
            sports: Vec::new(),
            sports_by_day: vec![Vec::new(); DAYS as usize],
            esports_by_day: vec![Vec::new(); DAYS as usize],
            c15: vec![Vec::new(); 4],
            c60: vec![Vec::new(); 4],
            politics: Vec::new(),
            macro_: Vec::new(),
            weather: Vec::new(),
            weather_city: Vec::new(),
            mentions: Vec::new(),
            culture: Vec::new(),
            news: Vec::new(),
            groups: Vec::new(),
            leaders: Vec::new(),
        };
        // Sports: MLB, WNBA, soccer, tennis and (from August) NFL preseason.
        for day in 0..DAYS {
            let base = DAY0 + day * 86_400;
            let n = r.range(20, 30);
            for _ in 0..n {
                let u = r.f();
                let (league, teams, dur, evs, jump, start) = if u < 0.45 {
                    ("mlb", MLB, 3 * 3600 - 600 + r.range(0, 3600), r.range(4, 12), 0.45, base + 17 * 3600 + r.range(0, 10) * 1800)
                } else if u < 0.6 {
                    ("wnba", WNBA, 2 * 3600 + r.range(0, 1200), r.range(6, 14), 0.35, base + 23 * 3600 + r.range(0, 6) * 1800)
                } else if u < 0.75 {
                    ("soccer", SOCCER, 2 * 3600 - 600, r.range(0, 5), 1.1, base + 18 * 3600 + r.range(0, 14) * 1800)
                } else if u < 0.9 {
                    ("atp", TENNIS, 5400 + r.range(0, 5400), r.range(3, 9), 0.6, base + 15 * 3600 + r.range(0, 18) * 1800)
                } else if day >= 22 {
                    ("nfl", NFL, 3 * 3600 + r.range(0, 1800), r.range(5, 10), 0.5, base + 23 * 3600 + r.range(0, 5) * 1800)
                } else {
                    ("mlb", MLB, 3 * 3600, r.range(4, 12), 0.45, base + 23 * 3600 + r.range(0, 4) * 1800)
                };
                let a = r.below(teams.len());
                let mut b = r.below(teams.len());
                if b == a {
                    b = (a + 1) % teams.len();
                }
                let close = start + dur;
                let events: Vec<(i64, usize, f64)> =
                    (0..evs).map(|_| (start + r.range(300, dur - 120), r.below(2), jump * r.uf(0.6, 1.6))).collect();
                let title = if league == "atp" {
                    format!("{} vs. {}", teams[a], teams[b])
                } else {
                    format!("{}: {} vs. {}", league.to_uppercase(), teams[a], teams[b])
                };
                let p0 = r.uf(0.3, 0.72);
                let mi = w.add(r, Kind::Sports, title, [teams[a], teams[b]], start - 86_400, close, start, 60, p0, 0.012, events, None, 55);
                if start > START && start <= NOW {
                    w.sports_by_day[((start - DAY0) / 86_400) as usize].push(mi);
                }
                w.sports.push(mi);
            }
            // Esports World Cup season: a handful of matches every day, many in Asian/European hours.
            for _ in 0..r.range(5, 10) {
                let (game, teams) = *r.pick(ESPORTS);
                let a = r.below(teams.len());
                let b = (a + 1 + r.below(teams.len() - 1)) % teams.len();
                let start = base + r.range(8, 22) * 3600;
                let dur = r.range(3600, 4 * 3600);
                let events: Vec<(i64, usize, f64)> =
                    (0..r.range(2, 6)).map(|_| (start + r.range(600, dur - 300), r.below(2), r.uf(0.5, 1.4))).collect();
                let mi = {
                    let p0 = r.uf(0.3, 0.7);
                    w.add(
                        r,
                        Kind::Esports,
                        format!("{game}: {} vs {} (BO3)", teams[a], teams[b]),
                        [teams[a], teams[b]],
                        start - 86_400,
                        start + dur,
                        start,
                        60,
                        p0,
                        0.01,
                        events,
                        None,
                        35,
                    )
                };
                if start > START && start <= NOW {
                    w.esports_by_day[((start - DAY0) / 86_400) as usize].push(mi);
                }
            }
        }
        // Crypto up/down windows.
        let first15 = START - START.rem_euclid(900);
        for (ai, (name, _)) in CRYPTO.iter().enumerate() {
            if ai < 2 {
                let mut s = first15;
                while s <= NOW {
                    let et = from_secs(s - 4 * 3600);
                    let title = format!(
                        "{name} Up or Down - {}, {}-{} ET",
                        et.format("%B %-d"),
                        et.format("%-I:%M%p"),
                        from_secs(s - 4 * 3600 + 900).format("%-I:%M%p")
                    );
                    let mi = w.add(r, Kind::Crypto15, title, ["Up", "Down"], s - 600, s + 900, s, 10, 0.5, 0.09, Vec::new(), None, 8);
                    w.c15[ai].push(mi);
                    s += 900;
                }
            }
            let mut s = START - START.rem_euclid(3600);
            while s <= NOW {
                let et = from_secs(s - 4 * 3600);
                let title = format!("{name} Up or Down - {}, {} ET", et.format("%B %-d"), et.format("%-I%p"));
                let mi = w.add(r, Kind::Crypto60, title, ["Up", "Down"], s - 1800, s + 3600, s, 30, 0.5, 0.08, Vec::new(), None, 12);
                w.c60[ai].push(mi);
                s += 3600;
            }
        }
        // Politics.
        for t in POLITICS {
            let close = if r.chance(0.3) { NOW - r.range(86_400, 20 * 86_400) } else { NOW + r.range(10 * 86_400, 400 * 86_400) };
            let open = START - 86_400;
            let evs: Vec<(i64, usize, f64)> =
                (0..r.range(1, 4)).map(|_| (START + r.range(0, 30 * 86_400), r.below(2), r.uf(0.3, 1.2))).collect();
            let mi = {
                let p0 = r.uf(0.1, 0.9);
                w.add(r, Kind::Politics, t.to_string(), ["Yes", "No"], open, close, open, 600, p0, 0.02, evs, None, 350)
            };
            w.politics.push(mi);
        }
        for (event, cands) in CANDIDATES {
            let close = if event.starts_with("Michigan") {
                DAY0 + 25 * 86_400 + 3 * 3600
            } else if event.starts_with("Tennessee") {
                DAY0 + 28 * 86_400 + 2 * 3600
            } else {
                NOW + 800 * 86_400
            };
            let winner = r.below(cands.len());
            let mut g = Vec::new();
            for (ci, c) in cands.iter().enumerate() {
                let force = if close < NOW { Some(ci == winner) } else { None };
                let p0 = if ci == winner { 0.45 } else { 0.5 / cands.len() as f64 };
                let mi = w.add(
                    r,
                    Kind::Politics,
                    format!("{event}: {c}?"),
                    ["Yes", "No"],
                    START - 86_400,
                    close,
                    START,
                    600,
                    p0,
                    0.02,
                    Vec::new(),
                    force,
                    150,
                );
                w.m[mi].group = w.groups.len();
                w.m[mi].slug = slugify(event);
                w.politics.push(mi);
                g.push(mi);
            }
            w.groups.push(g);
        }
        // Macro releases: Fed (Jul 29), CPI (Jul 14), GDP (Jul 30), jobs (Aug 7).
        let rel = [
            (
                "Fed decision in July",
                DAY0 + 19 * 86_400 + 18 * 3600,
                &["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"][..],
            ),
            (
                "June CPI year over year",
                DAY0 + 4 * 86_400 + 12 * 3600 + 1800,
                &["2.6% or less", "2.7%", "2.8%", "2.9%", "3.0% or more"][..],
            ),
            ("Q2 GDP growth (advance)", DAY0 + 20 * 86_400 + 12 * 3600 + 1800, &["Below 1.5%", "1.5% to 2.5%", "Above 2.5%"][..]),
            ("July jobs report (nonfarm payrolls)", DAY0 + 28 * 86_400 + 12 * 3600 + 1800, &["Below 50k", "50k to 125k", "Above 125k"][..]),
        ];
        for (name, at, brackets) in rel {
            let winner = r.below(brackets.len());
            let mut g = Vec::new();
            for (bi, b) in brackets.iter().enumerate() {
                let p0 = if bi == winner { r.uf(0.35, 0.8) } else { r.uf(0.03, 0.3) };
                let ev = vec![(at, if bi == winner { 0 } else { 1 }, 5.0)];
                let mi = w.add(
                    r,
                    Kind::Macro,
                    format!("{name}: {b}?"),
                    ["Yes", "No"],
                    START - 86_400,
                    at + 1800,
                    at,
                    300,
                    p0,
                    0.03,
                    ev,
                    Some(bi == winner),
                    250,
                );
                w.m[mi].group = w.groups.len();
                w.m[mi].slug = slugify(name);
                w.macro_.push(mi);
                g.push(mi);
            }
            w.groups.push(g);
        }
        // Weather: daily highest-temperature brackets per city.
        for (ci, (city, tz, normal)) in CITIES.iter().enumerate() {
            for day in 0..DAYS + 1 {
                let local_mid = DAY0 + day * 86_400 - tz * 3600;
                let close = local_mid + 86_400;
                let open = local_mid - 2 * 86_400;
                if close <= START || open > NOW {
                    continue;
                }
                let actual = normal + r.range(-4, 5);
                let lo = normal - 5;
                let mut g = Vec::new();
                let unit = if *city == "London" || *city == "Seoul" { "°C" } else { "°F" };
                let width = if unit == "°C" { 1 } else { 2 };
                for b in 0..6 {
                    let blo = lo + b * width;
                    let label = if width == 1 { format!("{blo}{unit}") } else { format!("{blo}-{}{unit}", blo + 1) };
                    let wins = actual >= blo && actual < blo + width;
                    let dist = ((blo as f64 + width as f64 / 2.0) - *normal as f64).abs() / (2.0 * width as f64);
                    let p0 = (0.35 * (-dist * dist).exp()).clamp(0.03, 0.4);
                    let mi = w.add(
                        r,
                        Kind::Weather,
                        format!("Highest temperature in {city} on {}? {label}", md(local_mid + 43_200)),
                        ["Yes", "No"],
                        open,
                        close,
                        local_mid,
                        600,
                        p0,
                        0.03,
                        Vec::new(),
                        Some(wins),
                        8,
                    );
                    w.m[mi].group = w.groups.len();
                    g.push(mi);
                }
                w.groups.push(g.clone());
                w.weather.push(g);
                w.weather_city.push(ci);
            }
        }
        // Mention markets: what will they say during an event.
        for day in 0..DAYS {
            for _ in 0..r.range(1, 3) {
                let speech = *r.pick(SPEECH);
                let start = DAY0 + day * 86_400 + r.range(15, 23) * 3600 + r.range(0, 4) * 900;
                let dur = r.range(1800, 5400);
                let mut words: Vec<&str> = WORDS.to_vec();
                r.shuffle(&mut words);
                for word in &words[..5] {
                    let p0 = r.uf(0.15, 0.85);
                    let said = r.chance(p0);
                    let ev = if said { vec![(start + r.range(60, dur), 0usize, 9.0)] } else { Vec::new() };
                    let mi = w.add(
                        r,
                        Kind::Mention,
                        format!("Will Trump say \"{word}\" during {speech} on {}?", md(start)),
                        ["Yes", "No"],
                        start - 2 * 86_400,
                        start + dur,
                        start,
                        60,
                        p0,
                        0.01,
                        ev,
                        Some(said),
                        14,
                    );
                    w.mentions.push(mi);
                }
            }
        }
        for t in CULTURE {
            let close = if r.chance(0.35) { NOW - r.range(86_400, 25 * 86_400) } else { NOW + r.range(5 * 86_400, 120 * 86_400) };
            let evs: Vec<(i64, usize, f64)> =
                (0..r.range(0, 3)).map(|_| (START + r.range(0, 30 * 86_400), r.below(2), r.uf(0.5, 1.5))).collect();
            let mi = {
                let p0 = r.uf(0.1, 0.9);
                w.add(r, Kind::Culture, t.to_string(), ["Yes", "No"], START - 86_400, close, START, 1800, p0, 0.03, evs, None, 150)
            };
            w.culture.push(mi);
        }
        for t in NEWS {
            let close = if r.chance(0.35) { NOW - r.range(3600, 20 * 86_400) } else { NOW + r.range(5 * 86_400, 90 * 86_400) };
            let evs: Vec<(i64, usize, f64)> =
                (0..r.range(1, 4)).map(|_| (START + r.range(3600, 30 * 86_400 - 3600), r.below(2), r.uf(1.0, 2.5))).collect();
            let mi = {
                let p0 = r.uf(0.1, 0.8);
                w.add(r, Kind::News, t.to_string(), ["Yes", "No"], START - 86_400, close, START, 300, p0, 0.012, evs, None, 250)
            };
            w.news.push(mi);
        }
        w.leaders = (0..6).map(|_| w.leader(r)).collect();
        w
    }

    pub fn cents(&self, mi: usize, t: i64, oi: usize) -> i64 {
        ((self.m[mi].p(t, oi) * 100.0).round() as i64).clamp(1, 99)
    }
    /// A taker's price: the fair price plus (buy) or minus (sell) up to a cent of spread.
    pub fn taker(&self, r: &mut Rng, mi: usize, t: i64, oi: usize, side: Side) -> i64 {
        let p = self.m[mi].p(t, oi) * 100.0;
        let c = match side {
            Side::Buy => p.ceil() as i64 + if r.chance(0.25) { 1 } else { 0 },
            Side::Sell => p.floor() as i64 - if r.chance(0.25) { 1 } else { 0 },
        };
        c.clamp(1, 99)
    }
    /// A resting order's price: the side of the spread a maker sits on.
    pub fn maker(&self, mi: usize, t: i64, oi: usize, side: Side) -> i64 {
        let p = self.m[mi].p(t, oi) * 100.0;
        let c = match side {
            Side::Buy => p.floor() as i64,
            Side::Sell => p.ceil() as i64,
        };
        c.clamp(1, 99)
    }
    /// First time in [from, to) that outcome `oi` trades at or through `cents` (down when buying).
    pub fn cross(&self, mi: usize, oi: usize, cents: i64, buy: bool, from: i64, to: i64) -> Option<i64> {
        let m = &self.m[mi];
        let mut t = from.max(m.open);
        let end = to.min(m.close).min(NOW);
        while t < end {
            let c = m.p(t, oi) * 100.0;
            if (buy && c <= cents as f64) || (!buy && c >= cents as f64) {
                return Some(t);
            }
            t += m.step;
        }
        None
    }
    pub fn live_in(&self, list: &[usize], t: i64) -> Vec<usize> {
        list.iter().copied().filter(|&mi| self.m[mi].live(t)).collect()
    }
    /// The crypto window (15m or 1h) of asset `ai` containing `t`.
    pub fn crypto_at(&self, ai: usize, hourly: bool, t: i64) -> Option<usize> {
        let list = if hourly { &self.c60[ai] } else { &self.c15[ai] };
        let len = if hourly { 3600 } else { 900 };
        let first = self.m[*list.first()?].start;
        let k = (t - first).div_euclid(len);
        if k < 0 {
            return None;
        }
        list.get(k as usize).copied()
    }

    fn leader(&self, r: &mut Rng) -> (Wallet, Vec<Trade>) {
        let me = r.wallet();
        let p = Persona::us(r);
        let mut out: Vec<Trade> = Vec::new();
        let mut held: Vec<(usize, usize, i64)> = Vec::new();
        for day in 0..DAYS {
            for _ in 0..r.range(3, 12) {
                let t = p.moment(r, day);
                if r.chance(0.3) && !held.is_empty() {
                    let k = r.below(held.len());
                    let (mi, oi, h) = held[k];
                    if self.m[mi].live(t) {
                        held.swap_remove(k);
                        let c = self.taker(r, mi, t, oi, Side::Sell);
                        out.push(row(self, &me, mi, oi, Side::Sell, c, h, t, &r.tx()));
                    }
                    continue;
                }
                let pool: Vec<usize> = match r.below(4) {
                    0 => self.live_in(&self.politics, t),
                    1 => self.live_in(&self.news, t),
                    2 => self.live_in(&self.sports, t),
                    _ => self.crypto_at(r.below(2), true, t).into_iter().collect(),
                };
                if pool.is_empty() {
                    continue;
                }
                let mi = *r.pick(&pool);
                let oi = r.below(2);
                let c = self.taker(r, mi, t, oi, Side::Buy);
                if !(8..=92).contains(&c) {
                    continue;
                }
                let h = usd_sh(r.uf(500.0, 12_000.0), c) + r.range(0, 100);
                held.push((mi, oi, h));
                out.push(row(self, &me, mi, oi, Side::Buy, c, h, t, &r.tx()));
            }
        }
        out.retain(|t| {
            let s = t.timestamp.timestamp();
            s > START && s <= NOW
        });
        out.sort_by(|a, b| a.timestamp.cmp(&b.timestamp));
        (me, out)
    }

    /// The unlabelled crowd: makers, ordinary people, other programs and the followed whales.
    pub fn crowd(&self, r: &mut Rng) -> Vec<Trade> {
        let pool: Vec<Wallet> = (0..1600).map(|_| r.wallet()).collect();
        let mut out: Vec<Trade> = Vec::with_capacity(260_000);
        for (_, ts) in &self.leaders {
            out.extend(ts.iter().cloned());
        }
        for (mi, m) in self.m.iter().enumerate() {
            let lo = m.open.max(START + 1);
            let hi = m.close.min(NOW);
            if hi <= lo {
                continue;
            }
            let n = m.crowd + r.below(m.crowd / 2 + 1);
            for _ in 0..n {
                let t = match m.kind {
                    Kind::Sports | Kind::Esports | Kind::Mention if r.chance(0.7) && m.start < hi => r.range(m.start.max(lo), hi),
                    Kind::Macro if r.chance(0.4) => r.range((m.start - 3 * 86_400).max(lo), hi),
                    _ => r.range(lo, hi + 1),
                };
                let oi = r.below(2);
                let u = r.f();
                let (who, side, c, h) = if u < 0.35 {
                    let side = if r.chance(0.5) { Side::Buy } else { Side::Sell };
                    let c = self.maker(mi, t, oi, side);
                    (&pool[r.below(50)], side, c, r.range(1, 30) * 2500)
                } else if u < 0.45 {
                    let side = if r.chance(0.55) { Side::Buy } else { Side::Sell };
                    let c = self.taker(r, mi, t, oi, side);
                    (&pool[50 + r.below(80)], side, c, r.range(500, 80_000))
                } else {
                    let side = if r.chance(0.65) { Side::Buy } else { Side::Sell };
                    let c = self.taker(r, mi, t, oi, side);
                    let usd = (r.normal() * 1.2 + 3.0).exp().min(20_000.0);
                    let idx = 130 + ((1470.0 * r.f().powf(1.5)) as usize).min(1469);
                    let h = if r.chance(0.5) { usd_sh(usd, c) } else { r.range(1, 40) * 500 };
                    (&pool[idx], side, c, h)
                };
                out.push(row(self, who, mi, oi, side, c, h, t, &r.tx()));
            }
        }
        out
    }
}
