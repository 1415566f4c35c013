//! The markets: sports games, politics and economics, futures groups (negRisk), weather bins,
//! tweet-count bins and crypto up/down intervals, each with a price path and a resolution.

use super::{DAY, DAY0, DAYS, HOUR, MIN, NOW, Rng, START, dow, hex, mix, sigmoid, token_id};
use copycat_core::time::from_secs;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum League {
    Mlb,
    Nba,
    Nhl,
    Soccer,
    Tennis,
    Esports,
    Ufc,
    Cricket,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Game(League),
    /// A standalone yes/no market on politics, economics, tech or culture.
    Long,
    /// A member of a negRisk group (candidate, bin).
    Member,
    /// Crypto up/down over `secs` seconds.
    UpDown(i64),
}

pub(crate) struct Market {
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    pub title: String,
    pub slug: String,
    pub kind: Kind,
    /// Listed (accepting orders).
    pub open: i64,
    /// The game or interval starts.
    pub live: i64,
    /// The outcome is known (game over, interval ended, data out).
    pub decided: i64,
    /// Orders stop.
    pub close: i64,
    /// (time, price of outcome 0).
    pub path: Vec<(i64, f64)>,
    pub winner: Option<usize>,
    pub group: Option<usize>,
    pub teams: [u16; 2],
    /// Relative popularity (depth and crowd size).
    pub pop: f64,
}

impl Market {
    pub fn p_yes(&self, t: i64) -> f64 {
        let p = &self.path;
        let i = p.partition_point(|k| k.0 <= t);
        if i == 0 {
            return p[0].1;
        }
        if i >= p.len() {
            return p[p.len() - 1].1;
        }
        let (t0, a) = p[i - 1];
        let (t1, b) = p[i];
        a + (b - a) * (t - t0) as f64 / (t1 - t0).max(1) as f64
    }
    pub fn p(&self, o: usize, t: i64) -> f64 {
        let y = self.p_yes(t);
        if o == 0 { y } else { 1.0 - y }
    }
    pub fn is_game(&self) -> bool {
        matches!(self.kind, Kind::Game(_))
    }
    pub fn league(&self) -> Option<League> {
        if let Kind::Game(l) = self.kind { Some(l) } else { None }
    }
}

pub(crate) struct Group {
    pub name: String,
    pub members: Vec<usize>,
    pub open: i64,
    pub decided: i64,
    pub close: i64,
}

/// A piece of news that moved a market: at `t`, outcome `up` of market `m` jumped.
#[derive(Clone, Copy)]
pub(crate) struct News {
    pub t: i64,
    pub m: usize,
    pub up: usize,
}

/// A big event that people watch live, with its markets.
pub(crate) struct Event {
    pub name: &'static str,
    pub t0: i64,
    pub t1: i64,
    pub markets: Vec<usize>,
}

pub(crate) struct Uni {
    pub m: Vec<Market>,
    pub touched: Vec<bool>,
    /// Game markets sorted by start.
    pub games: Vec<usize>,
    pub longs: Vec<usize>,
    pub groups: Vec<Group>,
    /// Politics and sports futures groups.
    pub futures: Vec<usize>,
    /// Weather groups per city: (city, group).
    pub weather: Vec<(usize, usize)>,
    pub tweets: Vec<usize>,
    pub news: Vec<News>,
    pub events: Vec<Event>,
    updown: BTreeMap<(usize, i64, i64), usize>,
}

pub(crate) const MLB: [&str; 30] = [
    "Yankees",
    "Red Sox",
    "Blue Jays",
    "Orioles",
    "Rays",
    "Guardians",
    "Tigers",
    "Royals",
    "Twins",
    "White Sox",
    "Astros",
    "Mariners",
    "Rangers",
    "Angels",
    "Athletics",
    "Braves",
    "Phillies",
    "Mets",
    "Marlins",
    "Nationals",
    "Cubs",
    "Brewers",
    "Cardinals",
    "Reds",
    "Pirates",
    "Dodgers",
    "Padres",
    "Giants",
    "Diamondbacks",
    "Rockies",
];
const SOCCER: [&str; 16] = [
    "Inter Miami",
    "LA Galaxy",
    "LAFC",
    "Seattle Sounders",
    "Columbus Crew",
    "FC Cincinnati",
    "Atlanta United",
    "NYCFC",
    "Flamengo",
    "Palmeiras",
    "Corinthians",
    "Boca Juniors",
    "River Plate",
    "Club America",
    "Monterrey",
    "Tigres",
];
const TENNIS: [&str; 24] = [
    "Sinner",
    "Alcaraz",
    "Djokovic",
    "Zverev",
    "Draper",
    "Fritz",
    "Rune",
    "Ruud",
    "Mensik",
    "Fils",
    "Shelton",
    "Paul",
    "Tiafoe",
    "de Minaur",
    "Medvedev",
    "Sabalenka",
    "Swiatek",
    "Gauff",
    "Rybakina",
    "Pegula",
    "Andreeva",
    "Paolini",
    "Zheng",
    "Mboko",
];
const ESPORTS: [&str; 14] =
    ["T1", "Gen.G", "G2", "Fnatic", "Team Liquid", "Cloud9", "Natus Vincere", "FaZe", "Vitality", "MOUZ", "Spirit", "Heroic", "BLG", "JDG"];
const UFC: [&str; 24] = [
    "Pereira",
    "Ankalaev",
    "Makhachev",
    "Topuria",
    "Du Plessis",
    "Chimaev",
    "Aspinall",
    "Jones",
    "Pantoja",
    "O'Malley",
    "Dvalishvili",
    "Holloway",
    "Oliveira",
    "Gaethje",
    "Tsarukyan",
    "Della Maddalena",
    "Muhammad",
    "Strickland",
    "Adesanya",
    "Zhang",
    "Shevchenko",
    "Grasso",
    "Harrison",
    "Pena",
];
const CRICKET: [&str; 6] =
    ["Mumbai Indians", "Chennai Super Kings", "Royal Challengers", "Knight Riders", "Gujarat Titans", "Punjab Kings"];
pub(crate) const CRYPTO: [(&str, &str); 4] = [("Bitcoin", "btc"), ("Ethereum", "eth"), ("Solana", "sol"), ("XRP", "xrp")];
pub(crate) const CITIES: [(&str, i64, f64); 5] =
    [("NYC", -4, 78.0), ("London", 1, 66.0), ("Seoul", 9, 77.0), ("Chicago", -5, 76.0), ("Toronto", -4, 72.0)];

fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn date(t: i64) -> String {
    from_secs(t).format("%Y-%m-%d").to_string()
}

fn long_date(t: i64) -> String {
    from_secs(t).format("%B %-d").to_string()
}

/// A logit random walk over `times`, with jumps; when `target` is (from, decided, x) it is pulled
/// from `from` on to reach x at `decided`.
fn walk(
    rng: &mut Rng,
    times: &[i64],
    x0: f64,
    vol: &dyn Fn(i64) -> f64,
    target: Option<(i64, i64, f64)>,
    jumps: &[(i64, f64)],
) -> Vec<f64> {
    let mut x = x0;
    let mut out = Vec::with_capacity(times.len());
    out.push(x);
    for k in 1..times.len() {
        let (a, b) = (times[k - 1], times[k]);
        let dt_h = (b - a) as f64 / HOUR as f64;
        x += vol(b) * dt_h.sqrt() * rng.normal();
        for &(jt, dj) in jumps {
            if jt > a && jt <= b {
                x += dj;
            }
        }
        if let Some((from, td, tx)) = target {
            if b >= td {
                x = tx;
            } else if b > from {
                x += (tx - x) * (b - a.max(from)) as f64 / (td - a.max(from)) as f64;
            }
        }
        x = x.clamp(-6.0, 6.0);
        out.push(x);
    }
    out
}

pub(crate) struct NewMarket {
    pub title: String,
    pub slug: String,
    pub outcomes: [String; 2],
    pub kind: Kind,
    pub open: i64,
    pub live: i64,
    pub decided: i64,
    pub close: i64,
    pub path: Vec<(i64, f64)>,
    pub winner: Option<usize>,
    pub group: Option<usize>,
    pub teams: [u16; 2],
    pub pop: f64,
}

impl Uni {
    fn add(&mut self, n: NewMarket) -> usize {
        let i = self.m.len();
        let id = i as u64;
        self.m.push(Market {
            cond: hex(0xc0d1_7100, id, 64),
            tokens: [token_id(0x70ce_0001, id * 2), token_id(0x70ce_0001, id * 2 + 1)],
            outcomes: n.outcomes,
            title: n.title,
            slug: n.slug,
            kind: n.kind,
            open: n.open,
            live: n.live,
            decided: n.decided,
            close: n.close,
            path: n.path,
            winner: n.winner,
            group: n.group,
            teams: n.teams,
            pop: n.pop,
        });
        self.touched.push(false);
        i
    }

    /// Game markets starting in [t0, t1).
    pub fn games_in(&self, t0: i64, t1: i64) -> &[usize] {
        let a = self.games.partition_point(|&g| self.m[g].live < t0);
        let b = self.games.partition_point(|&g| self.m[g].live < t1);
        &self.games[a..b]
    }

    /// Games being played at `t`.
    pub fn live_at(&self, t: i64) -> Vec<usize> {
        self.games_in(t - 5 * HOUR, t + 1).iter().copied().filter(|&g| self.m[g].live <= t && self.m[g].decided > t).collect()
    }

    /// The crypto up/down market of `asset` over the `secs` interval containing `t`, created on
    /// first use.
    pub fn updown(&mut self, asset: usize, secs: i64, t: i64) -> usize {
        let start = t - t.rem_euclid(secs);
        if let Some(&i) = self.updown.get(&(asset, secs, start)) {
            return i;
        }
        let mut rng = Rng::new(mix(start as u64 ^ ((asset as u64) << 56) ^ ((secs as u64) << 40)));
        let (name, tick) = CRYPTO[asset];
        let end = start + secs;
        let open = start - secs.min(HOUR);
        let step = secs / 30;
        let mut times = vec![open];
        let mut k = start;
        while k <= end {
            times.push(k);
            k += step;
        }
        let up = rng.chance(0.5);
        let target = if up { 5.2 } else { -5.2 };
        let v = 2.6 / (secs as f64 / HOUR as f64).sqrt();
        let xs = walk(&mut rng, &times, 0.0, &|tt| if tt <= start { 0.02 } else { v }, Some((start, end, target)), &[]);
        let path = times.iter().zip(xs).map(|(&t, x)| (t, sigmoid(x).clamp(0.005, 0.995))).collect();
        let et = from_secs(start - 4 * HOUR);
        let et_end = from_secs(end - 4 * HOUR);
        let (title, slug) = match secs {
            300 | 900 => (
                format!("{name} Up or Down - {}, {}-{} ET", et.format("%B %-d"), et.format("%-I:%M%p"), et_end.format("%-I:%M%p")),
                format!("{tick}-updown-{}m-{start}", secs / 60),
            ),
            _ => (
                format!("{name} Up or Down - {}, {} ET", et.format("%B %-d"), et.format("%-I%p")),
                format!(
                    "{}-up-or-down-{}-{}-et",
                    slugify(name),
                    slugify(&et.format("%B %-d").to_string()),
                    slugify(&et.format("%-I%p").to_string())
                ),
            ),
        };
        let pop = match secs {
            300 => 0.5,
            900 => 0.8,
            _ => 1.0,
        } * if asset == 0 { 1.5 } else { 0.7 };
        let i = self.add(NewMarket {
            title,
            slug,
            outcomes: ["Up".into(), "Down".into()],
            kind: Kind::UpDown(secs),
            open,
            live: start,
            decided: end,
            close: end,
            path,
            winner: Some(if up { 0 } else { 1 }),
            group: None,
            teams: [u16::MAX; 2],
            pop,
        });
        self.updown.insert((asset, secs, start), i);
        i
    }

    #[allow(clippy::too_many_arguments)]
    fn game(&mut self, rng: &mut Rng, league: League, a: (&str, u16), b: (&str, u16), live: i64, dur: i64, pop: f64) {
        let yes_no = league == League::Soccer;
        let open = live - 3 * DAY;
        let decided = live + dur + rng.range(-15 * MIN, 25 * MIN);
        let close = decided + rng.range(40 * MIN, 3 * HOUR);
        let x0 = rng.normal() * if yes_no { 0.7 } else { 0.8 } - if yes_no { 0.4 } else { 0.0 };
        let first = rng.chance(sigmoid(x0));
        let mut times = Vec::new();
        let mut t = open.max(START - DAY);
        while t < live {
            times.push(t);
            t += HOUR;
        }
        let mut t = live;
        while t < decided {
            times.push(t);
            t += 120;
        }
        times.push(decided);
        times.push(close);
        let inplay = match league {
            League::Tennis => 1.9,
            League::Ufc => 3.0,
            League::Mlb | League::Nba => 1.5,
            _ => 1.3,
        };
        let xs =
            walk(rng, &times, x0, &|tt| if tt < live { 0.07 } else { inplay }, Some((live, decided, if first { 5.3 } else { -5.3 })), &[]);
        let path = times.iter().zip(xs).map(|(&t, x)| (t, sigmoid(x).clamp(0.005, 0.995))).collect();
        let lg = format!("{league:?}").to_lowercase();
        let (title, outcomes) = if yes_no {
            (format!("Will {} win on {}?", a.0, date(live)), ["Yes".to_string(), "No".to_string()])
        } else {
            (format!("{} vs. {}", a.0, b.0), [a.0.to_string(), b.0.to_string()])
        };
        let slug = format!("{lg}-{}-{}-{}", slugify(a.0), slugify(b.0), date(live));
        self.add(NewMarket {
            title,
            slug,
            outcomes,
            kind: Kind::Game(league),
            open,
            live,
            decided,
            close,
            path,
            winner: Some(if first { 0 } else { 1 }),
            group: None,
            teams: [a.1, b.1],
            pop,
        });
    }

    /// A negRisk group whose members' prices sum to about 1.
    #[allow(clippy::too_many_arguments)]
    fn group(
        &mut self,
        rng: &mut Rng,
        name: &str,
        members: &[&str],
        title: &dyn Fn(&str) -> String,
        open: i64,
        decided: i64,
        step: i64,
        strength: &[f64],
        pop: f64,
    ) -> usize {
        let gid = self.groups.len();
        let close = decided + if decided < NOW { rng.range(HOUR, 6 * HOUR) } else { 0 };
        let mut times = Vec::new();
        let mut t = open.max(START - 2 * DAY);
        while t < decided.min(NOW + DAY) {
            times.push(t);
            t += step;
        }
        times.push(decided.min(NOW + DAY));
        if decided < NOW {
            times.push(close);
        }
        let w: Vec<f64> = strength.iter().map(|s| s * rng.lognormal(1.0, 0.3)).collect();
        let total: f64 = w.iter().sum();
        let winner = if decided < NOW { Some(rng.weighted(&w)) } else { None };
        let vol = 0.6 / (decided - open).max(DAY) as f64 * DAY as f64;
        let paths: Vec<Vec<f64>> = (0..members.len())
            .map(|i| {
                let x0 = (w[i] / total).max(0.003).ln();
                let target = winner.map(|win| (decided - (decided - open) / 6, decided, if win == i { 0.0 } else { -7.0 }));
                let j: Vec<(i64, f64)> = if rng.chance(0.3) { vec![(rng.range(START, NOW), rng.normal() * 0.6)] } else { vec![] };
                walk(rng, &times, x0, &|_| vol.clamp(0.02, 0.25), target, &j)
            })
            .collect();
        let mut ids = Vec::new();
        for (i, mname) in members.iter().enumerate() {
            let path: Vec<(i64, f64)> = times
                .iter()
                .enumerate()
                .map(|(k, &t)| {
                    let s: f64 = paths.iter().map(|p| p[k].exp()).sum();
                    (t, (paths[i][k].exp() / s).clamp(0.004, 0.996))
                })
                .collect();
            let title = title(mname);
            let slug = slugify(&title);
            ids.push(self.add(NewMarket {
                title,
                slug,
                outcomes: ["Yes".into(), "No".into()],
                kind: Kind::Member,
                open,
                live: open,
                decided,
                close,
                path,
                winner: winner.map(|win| if win == i { 0 } else { 1 }),
                group: Some(gid),
                teams: [u16::MAX; 2],
                pop: pop * (0.4 + (w[i] / total).sqrt()),
            }));
        }
        self.groups.push(Group { name: name.to_string(), members: ids, open, decided, close });
        gid
    }

    fn long(&mut self, rng: &mut Rng, title: &str, p0: f64, decided: i64, pop: f64) -> usize {
        let open = START - rng.range(20, 150) * DAY;
        let close = decided + if decided < NOW { rng.range(HOUR, 12 * HOUR) } else { 0 };
        let mut times = Vec::new();
        let mut t = START - 2 * DAY;
        while t < decided.min(NOW + DAY) {
            times.push(t);
            t += 2 * HOUR;
        }
        times.push(decided.min(NOW + DAY));
        if decided < NOW {
            times.push(close);
        }
        let x0 = (p0 / (1.0 - p0)).ln();
        let yes = rng.chance(p0);
        let target = if decided < NOW { Some((decided - rng.range(HOUR, 4 * DAY), decided, if yes { 5.3 } else { -5.3 })) } else { None };
        let mut jumps = Vec::new();
        for _ in 0..rng.range(0, 4) {
            let jt = rng.range(START + DAY, NOW - HOUR);
            if jt < decided {
                jumps.push((jt, rng.normal().signum() * rng.uni(0.5, 1.6)));
            }
        }
        let xs = walk(rng, &times, x0, &|_| 0.05, target, &jumps);
        let path = times.iter().zip(xs).map(|(&t, x)| (t, sigmoid(x).clamp(0.005, 0.995))).collect();
        let i = self.add(NewMarket {
            title: title.to_string(),
            slug: slugify(title),
            outcomes: ["Yes".into(), "No".into()],
            kind: Kind::Long,
            open,
            live: open,
            decided,
            close,
            path,
            winner: if decided < NOW { Some(if yes { 0 } else { 1 }) } else { None },
            group: None,
            teams: [u16::MAX; 2],
            pop,
        });
        for &(jt, dj) in &jumps {
            self.news.push(News { t: jt, m: i, up: if dj > 0.0 { 0 } else { 1 } });
        }
        i
    }

    pub fn build(rng: &mut Rng) -> Uni {
        let mut u = Uni {
            m: Vec::new(),
            touched: Vec::new(),
            games: Vec::new(),
            longs: Vec::new(),
            groups: Vec::new(),
            futures: Vec::new(),
            weather: Vec::new(),
            tweets: Vec::new(),
            news: Vec::new(),
            events: Vec::new(),
            updown: BTreeMap::new(),
        };
        let at = |d: i64, h: f64| DAY0 + d * DAY + (h * HOUR as f64) as i64;
        // MLB: every team nearly every day, 16:00-02:30 UTC starts.
        for d in -1..DAYS + 2 {
            let mut order: Vec<u16> = (0..30).collect();
            for i in (1..order.len()).rev() {
                let j = rng.range(0, i as i64 + 1) as usize;
                order.swap(i, j);
            }
            for pair in order.chunks(2) {
                if rng.chance(0.08) {
                    continue; // off day
                }
                let h = rng.pick(&[16.5, 17.1, 20.1, 22.7, 23.1, 23.2, 23.7, 24.1, 25.7, 26.1, 26.2]);
                let (a, b) = (pair[0], pair[1]);
                u.game(rng, League::Mlb, (MLB[a as usize], a), (MLB[b as usize], b), at(d, h), 3 * HOUR, 1.0);
            }
        }
        // NBA: conference finals in May, the Finals from June 3.
        let nba = [("Thunder", 100u16), ("Timberwolves", 101), ("Knicks", 102), ("Cavaliers", 103)];
        for (k, d) in [10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24].iter().enumerate() {
            let (a, b) = if k % 2 == 0 { (nba[0], nba[1]) } else { (nba[2], nba[3]) };
            u.game(rng, League::Nba, a, b, at(*d, 24.5), 150 * MIN, 5.0);
        }
        for d in [26, 28, 31] {
            u.game(rng, League::Nba, nba[0], nba[2], at(d, 24.5), 150 * MIN, 9.0);
        }
        // NHL
        let nhl = [("Panthers", 110u16), ("Hurricanes", 111), ("Oilers", 112), ("Stars", 113)];
        for (k, d) in [9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 21].iter().enumerate() {
            let (a, b) = if k % 2 == 0 { (nhl[0], nhl[1]) } else { (nhl[2], nhl[3]) };
            u.game(rng, League::Nhl, a, b, at(*d, 24.0), 160 * MIN, 2.5);
        }
        for d in [25, 27, 29, 32] {
            u.game(rng, League::Nhl, nhl[0], nhl[2], at(d, 24.0), 160 * MIN, 4.0);
        }
        // Soccer: weekends and Wednesdays; the Champions League final on May 29.
        for d in -1..DAYS + 2 {
            let wd = dow(DAY0 + d * DAY);
            let n = match wd {
                5 | 6 => 6,
                2 => 3,
                _ => 0,
            };
            for _ in 0..n {
                let a = rng.range(0, 16) as u16;
                let mut b = rng.range(0, 16) as u16;
                if b == a {
                    b = (a + 1) % 16;
                }
                let h = rng.pick(&[18.0, 20.5, 23.5, 24.5, 26.0]);
                u.game(rng, League::Soccer, (SOCCER[a as usize], 200 + a), (SOCCER[b as usize], 200 + b), at(d, h), 115 * MIN, 1.2);
            }
        }
        u.game(rng, League::Soccer, ("Arsenal", 230), ("Barcelona", 231), at(21, 19.0), 115 * MIN, 12.0);
        // Tennis: Roland Garros to June 6, then grass.
        for d in -1..DAYS + 2 {
            let n = if d <= 29 { if d >= 15 { 8 } else { 4 } } else { 5 };
            for _ in 0..n {
                let a = rng.range(0, 24) as u16;
                let mut b = rng.range(0, 24) as u16;
                if b == a || (a < 15) != (b < 15) {
                    b = if a < 15 { (a + 1) % 15 } else { 15 + (a - 14) % 9 };
                }
                let h = rng.uni(9.0, 19.0);
                u.game(rng, League::Tennis, (TENNIS[a as usize], 300 + a), (TENNIS[b as usize], 300 + b), at(d, h), 150 * MIN, 0.8);
            }
        }
        u.game(rng, League::Tennis, ("Sinner", 300), ("Alcaraz", 301), at(29, 13.0), 220 * MIN, 6.0);
        // Esports around the clock.
        for d in -1..DAYS + 2 {
            for _ in 0..5 {
                let a = rng.range(0, 14) as u16;
                let b = (a + 1 + rng.range(0, 13) as u16) % 14;
                let h = rng.uni(2.0, 22.0);
                u.game(rng, League::Esports, (ESPORTS[a as usize], 400 + a), (ESPORTS[b as usize], 400 + b), at(d, h), 100 * MIN, 0.5);
            }
        }
        // UFC cards on Saturday nights (US), fights in sequence.
        for d in -1..DAYS + 2 {
            if dow(DAY0 + d * DAY) != 5 {
                continue;
            }
            for f in 0..8 {
                let a = rng.range(0, 24) as u16;
                let b = (a + 1 + rng.range(0, 23) as u16) % 24;
                u.game(
                    rng,
                    League::Ufc,
                    (UFC[a as usize], 500 + a),
                    (UFC[b as usize], 500 + b),
                    at(d, 24.0 + f as f64 * 0.45),
                    25 * MIN,
                    1.5,
                );
            }
        }
        // Cricket to the end of May.
        for d in -1..24 {
            let a = rng.range(0, 6) as u16;
            let b = (a + 1 + rng.range(0, 5) as u16) % 6;
            u.game(rng, League::Cricket, (CRICKET[a as usize], 600 + a), (CRICKET[b as usize], 600 + b), at(d, 14.0), 4 * HOUR, 0.6);
        }
        let mut games: Vec<usize> = (0..u.m.len()).collect();
        games.sort_by_key(|&g| u.m[g].live);
        u.games = games;

        // Standalone long markets.
        let longs: [(&str, f64, i64, f64); 24] = [
            ("US recession in 2027?", 0.22, NOW + 200 * DAY, 3.0),
            ("Will Bitcoin reach $150,000 by June 30?", 0.12, NOW + 23 * DAY, 2.5),
            ("Russia x Ukraine ceasefire in 2027?", 0.31, NOW + 200 * DAY, 4.0),
            ("Fed rate cut in 2027?", 0.58, NOW + 200 * DAY, 2.5),
            ("Government shutdown by October 1?", 0.27, NOW + 110 * DAY, 1.5),
            ("Trump approval rating above 45% on June 30?", 0.18, NOW + 23 * DAY, 1.0),
            ("Will OpenAI release GPT-6 by June 30?", 0.21, NOW + 23 * DAY, 1.5),
            ("Will Apple announce a foldable iPhone at WWDC?", 0.15, at(30, 18.5), 2.0),
            ("Will Nvidia beat revenue estimates for Q1?", 0.81, at(18, 20.5), 1.5),
            ("Starship Flight 14 reaches orbit?", 0.66, at(12, 13.0), 1.2),
            ("Senate passes the appropriations package by May 31?", 0.45, at(23, 23.0), 1.0),
            ("Will Ethereum be above $5,000 on June 30?", 0.28, NOW + 23 * DAY, 1.5),
            ("Israel and Hamas sign a new agreement by June 30?", 0.17, NOW + 23 * DAY, 1.2),
            ("Will Taylor Swift announce a new album by June 30?", 0.24, NOW + 23 * DAY, 1.0),
            ("Tesla launches robotaxi in 10 US cities in 2027?", 0.33, NOW + 200 * DAY, 1.0),
            ("Will the Supreme Court rule on birthright citizenship by June 30?", 0.71, NOW + 23 * DAY, 1.0),
            ("Will Elon Musk leave the Tesla CEO role in 2027?", 0.07, NOW + 200 * DAY, 0.8),
            ("Will the May jobs report show over 150k jobs?", 0.42, at(28, 12.5), 1.3),
            ("China invades Taiwan in 2027?", 0.04, NOW + 200 * DAY, 1.5),
            ("Will Macron resign in 2027?", 0.06, NOW + 200 * DAY, 0.6),
            ("Will Sinners win Best Picture?", 0.01, at(5, 3.0), 0.3),
            ("Will the S&P 500 close above 7,000 on June 30?", 0.52, NOW + 23 * DAY, 1.2),
            ("Will GTA VI be delayed again?", 0.14, NOW + 150 * DAY, 1.0),
            ("Measles cases above 2,000 in the US in 2027?", 0.36, NOW + 200 * DAY, 0.5),
        ];
        for (title, p0, decided, pop) in longs {
            let i = u.long(rng, title, p0, decided, pop);
            u.longs.push(i);
        }

        // Futures groups (negRisk).
        let g = u.group(
            rng,
            "Democratic Presidential Nominee 2028",
            &[
                "Gavin Newsom",
                "Josh Shapiro",
                "Pete Buttigieg",
                "Alexandria Ocasio-Cortez",
                "Andy Beshear",
                "Wes Moore",
                "JB Pritzker",
                "Gretchen Whitmer",
                "Kamala Harris",
                "Jon Ossoff",
            ],
            &|n| format!("Will {n} win the 2028 Democratic presidential nomination?"),
            START - 300 * DAY,
            NOW + 450 * DAY,
            2 * HOUR,
            &[30.0, 12.0, 9.0, 14.0, 6.0, 5.0, 5.0, 3.0, 3.0, 4.0],
            4.0,
        );
        u.futures.push(g);
        let g = u.group(
            rng,
            "Republican Presidential Nominee 2028",
            &["JD Vance", "Marco Rubio", "Donald Trump Jr.", "Ron DeSantis", "Tucker Carlson", "Vivek Ramaswamy", "Glenn Youngkin"],
            &|n| format!("Will {n} win the 2028 Republican presidential nomination?"),
            START - 300 * DAY,
            NOW + 450 * DAY,
            2 * HOUR,
            &[52.0, 14.0, 8.0, 6.0, 4.0, 3.0, 2.0],
            3.5,
        );
        u.futures.push(g);
        let g = u.group(
            rng,
            "NBA Champion 2027",
            &["Thunder", "Knicks", "Timberwolves", "Cavaliers"],
            &|n| format!("Will the {n} win the 2027 NBA Finals?"),
            START - 200 * DAY,
            at(38, 3.0),
            HOUR,
            &[45.0, 25.0, 15.0, 15.0],
            3.0,
        );
        u.futures.push(g);
        let g = u.group(
            rng,
            "Stanley Cup Champion 2027",
            &["Panthers", "Oilers", "Hurricanes", "Stars"],
            &|n| format!("Will the {n} win the 2027 Stanley Cup?"),
            START - 200 * DAY,
            at(40, 3.0),
            HOUR,
            &[35.0, 30.0, 18.0, 17.0],
            1.5,
        );
        u.futures.push(g);
        let euro = u.group(
            rng,
            "Eurovision 2027 Winner",
            &["Sweden", "Italy", "Ukraine", "France", "Israel", "Finland", "Netherlands", "Norway", "Croatia", "Austria"],
            &|n| format!("Will {n} win Eurovision 2027?"),
            START - 90 * DAY,
            at(7, 22.6),
            30 * MIN,
            &[25.0, 14.0, 9.0, 12.0, 10.0, 8.0, 6.0, 4.0, 4.0, 8.0],
            2.0,
        );
        u.futures.push(euro);
        let rg = u.group(
            rng,
            "French Open Men's Champion 2027",
            &[
                "Jannik Sinner",
                "Carlos Alcaraz",
                "Novak Djokovic",
                "Alexander Zverev",
                "Jack Draper",
                "Casper Ruud",
                "Jakub Mensik",
                "Arthur Fils",
            ],
            &|n| format!("Will {n} win the 2027 French Open?"),
            START - 60 * DAY,
            at(29, 16.7),
            HOUR,
            &[38.0, 36.0, 8.0, 6.0, 4.0, 3.0, 2.0, 3.0],
            2.0,
        );
        u.futures.push(rg);
        let g = u.group(
            rng,
            "Fed decision in June",
            &["No change", "25 bps decrease", "50+ bps decrease", "25+ bps increase"],
            &|n| format!("Fed decision in June: {n}?"),
            START - 60 * DAY,
            NOW + 10 * DAY,
            HOUR,
            &[70.0, 24.0, 3.0, 3.0],
            3.0,
        );
        u.futures.push(g);
        let g = u.group(
            rng,
            "Largest company by market cap on June 30",
            &["Nvidia", "Microsoft", "Apple", "Alphabet", "Amazon"],
            &|n| format!("Will {n} be the largest company in the world by market cap on June 30?"),
            START - 60 * DAY,
            NOW + 23 * DAY,
            2 * HOUR,
            &[60.0, 20.0, 12.0, 6.0, 2.0],
            1.2,
        );
        u.futures.push(g);
        // Elon Musk tweet-count weeks (Friday noon ET to Friday noon ET).
        for wk in 0..5 {
            let end = at(6 + 7 * wk, 16.0);
            let start = end - 7 * DAY;
            let bins = ["<200", "200-224", "225-249", "250-274", "275-299", "300-324", "325+"];
            let label = format!("{}-{}", long_date(start), long_date(end));
            let g = u.group(
                rng,
                &format!("Elon Musk # tweets {label}"),
                &bins,
                &|n| format!("Will Elon Musk post {n} tweets from {label}?"),
                start - 2 * DAY,
                end,
                30 * MIN,
                &[5.0, 12.0, 20.0, 24.0, 18.0, 12.0, 9.0],
                0.8,
            );
            u.tweets.push(g);
        }
        // Weather: daily highest temperature bins per city, listed two days ahead.
        for (ci, &(city, tz, normal)) in CITIES.iter().enumerate() {
            let unit = if tz == 1 || tz == 9 { "°C" } else { "°F" };
            let base = if unit == "°C" { ((normal - 32.0) / 1.8).round() } else { (normal / 2.0).round() * 2.0 };
            for d in 0..DAYS + 2 {
                let centre = base + rng.normal().round() * if unit == "°C" { 1.0 } else { 2.0 };
                let wstep = if unit == "°C" { 1.0 } else { 2.0 };
                let names: Vec<String> = (-3..=3)
                    .map(|k| {
                        let lo = centre + k as f64 * wstep;
                        if k == -3 {
                            format!("{lo}{unit} or below")
                        } else if k == 3 {
                            format!("{lo}{unit} or higher")
                        } else if unit == "°C" {
                            format!("{lo}{unit}")
                        } else {
                            format!("{lo}-{}{unit}", lo + 1.0)
                        }
                    })
                    .collect();
                let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
                let day = long_date(DAY0 + d * DAY);
                let decided = DAY0 + d * DAY - tz * HOUR + 20 * HOUR;
                let g = u.group(
                    rng,
                    &format!("Highest temperature in {city} on {day}"),
                    &refs,
                    &|n| format!("Will the highest temperature in {city} be {n} on {day}?"),
                    decided - 3 * DAY,
                    decided,
                    30 * MIN,
                    &[4.0, 10.0, 20.0, 26.0, 20.0, 12.0, 8.0],
                    0.5,
                );
                u.weather.push((ci, g));
            }
        }
        // Big nights that people watch live.
        let euro_m = u.groups[euro].members.clone();
        u.events.push(Event { name: "Eurovision final", t0: at(7, 19.0), t1: at(7, 22.5), markets: euro_m });
        let ucl: Vec<usize> = u.games_in(at(21, 18.0), at(21, 20.0)).to_vec();
        u.events.push(Event { name: "Champions League final", t0: at(21, 18.0), t1: at(21, 21.0), markets: ucl });
        let rgm: Vec<usize> = u.games_in(at(29, 12.9), at(29, 13.1)).iter().copied().chain(u.groups[rg].members.iter().copied()).collect();
        u.events.push(Event { name: "French Open final", t0: at(29, 12.5), t1: at(29, 17.0), markets: rgm });
        for d in [26, 28] {
            let ms: Vec<usize> = u.games_in(at(d, 23.5), at(d, 25.5)).to_vec();
            u.events.push(Event { name: "NBA Finals game", t0: at(d, 23.0), t1: at(d, 27.0), markets: ms });
        }
        for d in [14, 21] {
            let ms: Vec<usize> =
                u.games_in(at(d, 23.9), at(d, 28.0)).iter().copied().filter(|&g| u.m[g].league() == Some(League::Ufc)).collect();
            u.events.push(Event { name: "UFC card", t0: at(d, 23.5), t1: at(d, 28.0), markets: ms });
        }
        // In-game swings of big games are news too.
        u.news.sort_by_key(|n| n.t);
        u
    }
}
