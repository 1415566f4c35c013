//! The market universe: sports games with start and finish, long-running futures and politics,
//! deadline and scheduled-release news markets, daily weather buckets and crypto up/down windows.
//! Every market carries one price path for its outcome 0 (outcome 1 trades at one minus it), so
//! the crowd, the leaders and the labelled wallets all trade near the same prices.

use super::NOW;
use super::rng::{Rng, label, logit, phi, phi_inv, sigmoid};
use copycat_core::time::from_secs;

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;
/// Start of the 30-day window.
pub const W0: i64 = NOW - 30 * DAY;
/// 2027-01-01 00:00 UTC.
pub const JAN1: i64 = 1_798_761_600;

/// UTC time on day `dd` counted from 1 January 2027 (negative for late December).
pub fn at(dd: i64, h: i64, m: i64) -> i64 {
    JAN1 + dd * DAY + h * HOUR + m * MIN
}

/// Monday = 0 … Sunday = 6, for a UTC day counted from 1 January 2027 (a Friday).
pub fn weekday_of_day(dd: i64) -> i64 {
    (4 + dd).rem_euclid(7)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum League {
    Nba,
    Nhl,
    Nfl,
    Ncaab,
    Epl,
    LaLiga,
    SerieA,
    Ucl,
    Tennis,
    Ufc,
}

impl League {
    pub const ALL: [League; 10] = [
        League::Nba,
        League::Nhl,
        League::Nfl,
        League::Ncaab,
        League::Epl,
        League::LaLiga,
        League::SerieA,
        League::Ucl,
        League::Tennis,
        League::Ufc,
    ];
    pub fn code(self) -> &'static str {
        match self {
            League::Nba => "nba",
            League::Nhl => "nhl",
            League::Nfl => "nfl",
            League::Ncaab => "cbb",
            League::Epl => "epl",
            League::LaLiga => "lal",
            League::SerieA => "sea",
            League::Ucl => "ucl",
            League::Tennis => "atp",
            League::Ufc => "ufc",
        }
    }
    pub fn soccer(self) -> bool {
        matches!(self, League::Epl | League::LaLiga | League::SerieA | League::Ucl)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    Game,
    Politics,
    Econ,
    SportsFuture,
    Culture,
    Weather,
    Crypto,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Game(League),
    Future,
    Deadline,
    Weather,
    Crypto { asset: usize, mins: i64 },
}

pub struct Market {
    pub kind: Kind,
    pub cat: Cat,
    pub title: String,
    pub slug: String,
    pub cond: String,
    pub tokens: [String; 2],
    pub outcomes: [String; 2],
    /// Trading opens.
    pub open: i64,
    /// Event start (game kick-off, window start); `open` for markets without one.
    pub start: i64,
    /// Event finish (final whistle, window end, release, deadline).
    pub fin: i64,
    /// Trading stops (resolution).
    pub end: i64,
    pub winner: u8,
    times: Vec<i64>,
    vals: Vec<f32>,
    /// News or scoring events: time and change of outcome 0's price.
    pub jumps: Vec<(i64, f32)>,
    /// Typical half spread.
    pub hs: f64,
    /// Relative popularity (crowd volume).
    pub pop: f64,
}

pub struct CryptoPath {
    t0: i64,
    px: Vec<f64>,
    sigma: f64,
}

impl CryptoPath {
    pub fn at(&self, t: i64) -> f64 {
        let x = (t - self.t0) as f64 / 60.0;
        if x <= 0.0 {
            return self.px[0];
        }
        let i = x.floor() as usize;
        if i + 1 >= self.px.len() {
            return *self.px.last().unwrap_or(&1.0);
        }
        let f = x - i as f64;
        self.px[i] * (1.0 - f) + self.px[i + 1] * f
    }
}

pub struct Series {
    pub asset: usize,
    pub mins: i64,
    pub first_start: i64,
    pub first: u32,
    pub count: u32,
}

pub struct Universe {
    pub markets: Vec<Market>,
    /// Game markets ordered by start.
    pub games: Vec<u32>,
    pub futures: Vec<u32>,
    pub deadlines: Vec<u32>,
    pub weather: Vec<u32>,
    pub series: Vec<Series>,
    crypto: Vec<CryptoPath>,
}

pub const ASSETS: [(&str, &str); 4] = [("Bitcoin", "btc"), ("Ethereum", "eth"), ("Solana", "sol"), ("XRP", "xrp")];

impl Universe {
    pub fn m(&self, m: u32) -> &Market {
        &self.markets[m as usize]
    }

    /// Price of outcome 0.
    pub fn p0(&self, m: u32, t: i64) -> f64 {
        let mk = &self.markets[m as usize];
        if let Kind::Crypto { asset, .. } = mk.kind {
            if t >= mk.fin {
                return if mk.winner == 0 { 0.995 } else { 0.005 };
            }
            if t < mk.start {
                return 0.5;
            }
            let path = &self.crypto[asset];
            let s0 = path.at(mk.start);
            let st = path.at(t);
            let rem = ((mk.fin - t) as f64 / 60.0).max(0.2);
            let z = (st / s0).ln() / (path.sigma * rem.sqrt());
            return phi(z).clamp(0.005, 0.995);
        }
        let ts = &mk.times;
        if ts.is_empty() {
            return 0.5;
        }
        if t <= ts[0] {
            return mk.vals[0] as f64;
        }
        let i = ts.partition_point(|&x| x <= t);
        if i >= ts.len() {
            return *mk.vals.last().unwrap_or(&0.5) as f64;
        }
        let (ta, tb) = (ts[i - 1], ts[i]);
        let (va, vb) = (mk.vals[i - 1] as f64, mk.vals[i] as f64);
        va + (vb - va) * (t - ta) as f64 / (tb - ta) as f64
    }

    /// Price of an outcome token.
    pub fn p(&self, m: u32, tok: u8, t: i64) -> f64 {
        let p = self.p0(m, t);
        if tok == 0 { p } else { 1.0 - p }
    }

    pub fn trading(&self, m: u32, t: i64) -> bool {
        let mk = &self.markets[m as usize];
        t >= mk.open && t < mk.end
    }

    /// Best ask in cents for a token.
    pub fn ask(&self, m: u32, tok: u8, t: i64) -> u32 {
        ask_cents(self.p(m, tok, t), self.markets[m as usize].hs)
    }

    /// Best bid in cents for a token.
    pub fn bid(&self, m: u32, tok: u8, t: i64) -> u32 {
        bid_cents(self.p(m, tok, t), self.markets[m as usize].hs)
    }

    /// The crypto up/down market of a series whose window contains `t`.
    pub fn crypto_at(&self, asset: usize, mins: i64, t: i64) -> Option<u32> {
        let s = self.series.iter().find(|s| s.asset == asset && s.mins == mins)?;
        if t < s.first_start {
            return None;
        }
        let k = (t - s.first_start) / (mins * MIN);
        if k >= s.count as i64 {
            return None;
        }
        Some(s.first + k as u32)
    }

    /// Games whose start lies in [t0, t1).
    pub fn games_starting(&self, t0: i64, t1: i64) -> &[u32] {
        let a = self.games.partition_point(|&g| self.markets[g as usize].start < t0);
        let b = self.games.partition_point(|&g| self.markets[g as usize].start < t1);
        &self.games[a..b.max(a)]
    }

    /// Games in play at `t`.
    pub fn live_games(&self, t: i64) -> impl Iterator<Item = u32> + '_ {
        self.games_starting(t - 6 * HOUR, t + 1).iter().copied().filter(move |&g| self.markets[g as usize].fin > t)
    }

    pub fn is_game(&self, m: u32) -> bool {
        matches!(self.markets[m as usize].kind, Kind::Game(_))
    }

    pub fn league(&self, m: u32) -> Option<League> {
        match self.markets[m as usize].kind {
            Kind::Game(l) => Some(l),
            _ => None,
        }
    }
}

pub fn ask_cents(p: f64, hs: f64) -> u32 {
    ((p + hs) * 100.0 - 1e-6).ceil().clamp(1.0, 99.0) as u32
}

pub fn bid_cents(p: f64, hs: f64) -> u32 {
    ((p - hs) * 100.0 + 1e-6).floor().clamp(1.0, 99.0) as u32
}

/// Path builder: strictly increasing times.
#[derive(Default)]
struct PathB {
    times: Vec<i64>,
    vals: Vec<f32>,
    jumps: Vec<(i64, f32)>,
}

impl PathB {
    fn push(&mut self, t: i64, p: f64) {
        let p = p.clamp(0.003, 0.997) as f32;
        match self.times.last() {
            Some(&last) if t < last => {}
            Some(&last) if t == last => {
                if let Some(v) = self.vals.last_mut() {
                    *v = p;
                }
            }
            _ => {
                self.times.push(t);
                self.vals.push(p);
            }
        }
    }
    fn last(&self) -> f64 {
        *self.vals.last().unwrap_or(&0.5) as f64
    }
    /// A sharp move at `t` to `p`.
    fn jump(&mut self, t: i64, p: f64) {
        let before = self.last();
        self.push(t - 1, before);
        self.push(t, p);
        let after = self.last();
        self.jumps.push((t, (after - before) as f32));
    }
}

/// Logit random walk from `t0` to `t1` with occasional news jumps; returns the final price.
#[allow(clippy::too_many_arguments)]
fn walk(b: &mut PathB, rng: &mut Rng, t0: i64, t1: i64, step: i64, p0: f64, vol_day: f64, jump_per_day: f64, jump_sd: f64) -> f64 {
    let mut l = logit(p0);
    let mut t = t0;
    b.push(t, p0);
    let dv = vol_day * (step as f64 / DAY as f64).sqrt();
    while t < t1 {
        let nt = (t + step).min(t1);
        if rng.chance(jump_per_day * step as f64 / DAY as f64) {
            let tj = t + rng.int(1, (nt - t).max(2) - 1);
            l = (l + jump_sd * rng.normal()).clamp(-5.5, 5.5);
            b.jump(tj, sigmoid(l));
        }
        l = (l + dv * rng.normal()).clamp(-5.5, 5.5);
        b.push(nt, sigmoid(l));
        t = nt;
    }
    sigmoid(l)
}

/// A latent outcome that becomes certain at `fin`: price = Φ(x / √(remaining variance)), with
/// diffusion and discrete events (scores, forecast runs). Returns the winning outcome index.
#[allow(clippy::too_many_arguments)]
fn latent(b: &mut PathB, rng: &mut Rng, start: i64, fin: i64, p_start: f64, events: &[i64], jv: f64, step: i64) -> u8 {
    let dur = (fin - start).max(60) as f64;
    let pf = |x: f64, t: i64| {
        let rem = ((fin - t) as f64 / dur).max(0.0004);
        phi(x / rem.sqrt()).clamp(0.004, 0.996)
    };
    let jsd = if events.is_empty() { 0.0 } else { (jv / events.len() as f64).sqrt() };
    let jv = if events.is_empty() { 0.0 } else { jv };
    let nsteps = ((fin - start) / step).max(1) as f64;
    let dsd = ((1.0 - jv) / nsteps).sqrt();
    let mut x = phi_inv(p_start);
    let mut t = start;
    let mut ei = 0;
    b.push(t, pf(x, t));
    while t < fin {
        let nt = (t + step).min(fin);
        while ei < events.len() && events[ei] <= nt {
            let te = events[ei].max(t + 1);
            x += jsd * rng.normal();
            b.jump(te, pf(x, te));
            ei += 1;
        }
        x += dsd * rng.normal();
        if nt < fin {
            b.push(nt, pf(x, nt));
        }
        t = nt;
    }
    let w = if x > 0.0 { 0 } else { 1 };
    b.push(fin, if w == 0 { 0.97 } else { 0.03 });
    w
}

fn token_id(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(77);
    s.push((b'1' + rng.below(9) as u8) as char);
    for _ in 0..76 {
        s.push((b'0' + rng.below(10) as u8) as char);
    }
    s
}

struct Builder {
    rng: Rng,
    markets: Vec<Market>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        kind: Kind,
        cat: Cat,
        title: String,
        slug: String,
        outcomes: [&str; 2],
        (open, start, fin, end): (i64, i64, i64, i64),
        b: PathB,
        winner: u8,
        pop: f64,
    ) -> u32 {
        let hs = (0.004 + 0.011 / pop.max(0.05).sqrt()).clamp(0.004, 0.03);
        let cond = format!("0x{}", self.rng.hex(64));
        let tokens = [token_id(&mut self.rng), token_id(&mut self.rng)];
        self.markets.push(Market {
            kind,
            cat,
            title,
            slug,
            cond,
            tokens,
            outcomes: [outcomes[0].to_string(), outcomes[1].to_string()],
            open,
            start,
            fin,
            end,
            winner,
            times: b.times,
            vals: b.vals,
            jumps: b.jumps,
            hs,
            pop,
        });
        (self.markets.len() - 1) as u32
    }

    /// A game: pre-game drift from `open`, then in-play until `fin`, settling soon after.
    #[allow(clippy::too_many_arguments)]
    fn game(
        &mut self,
        league: League,
        a: (&str, &str),
        b: (&str, &str),
        start: i64,
        dur: i64,
        open_lead: i64,
        p_open: f64,
        events: usize,
        pop: f64,
    ) -> Option<(u32, u8)> {
        let fin = start + dur;
        let open = start - open_lead;
        let settle = fin + self.rng.int(4, 25) * MIN;
        if settle < W0 - HOUR || open > NOW {
            return None;
        }
        let mut rng = self.rng.fork(label(a.0) ^ start as u64);
        let mut pb = PathB::default();
        let p_start = walk(&mut pb, &mut rng, open, start, 20 * MIN, p_open, 0.12, 0.35, 0.35);
        let mut ev: Vec<i64> = (0..events).map(|_| start + rng.int(90, (dur - 90).max(91))).collect();
        ev.sort_unstable();
        let jv = if league.soccer() || league == League::Nhl { 0.8 } else { 0.6 };
        let w = latent(&mut pb, &mut rng, start, fin, p_start, &ev, jv, 45);
        pb.push(fin + 90, if w == 0 { 0.995 } else { 0.005 });
        pb.push(settle, if w == 0 { 0.995 } else { 0.005 });
        let date = from_secs(start - 5 * HOUR).format("%Y-%m-%d").to_string();
        let code = league.code();
        let (title, slug, outcomes) = if league.soccer() {
            (format!("Will {} win on {}?", a.0, date), format!("{}-{}-{}-{}-{}", code, a.1, b.1, date, a.1), ["Yes", "No"])
        } else if league == League::Tennis {
            (format!("Australian Open: {} vs. {}", a.0, b.0), format!("aus-open-{}-{}-{}", a.1, b.1, date), [a.0, b.0])
        } else if league == League::Ufc {
            (format!("UFC: {} vs. {}", a.0, b.0), format!("ufc-{}-{}-{}", a.1, b.1, date), [a.0, b.0])
        } else {
            (format!("{} vs. {}", a.0, b.0), format!("{}-{}-{}-{}", code, a.1, b.1, date), [a.0, b.0])
        };
        let pop = pop * self.rng.lognormal(1.0, 0.35);
        let m = self.add(Kind::Game(league), Cat::Game, title, slug, outcomes, (open, start, fin, settle), pb, w, pop);
        Some((m, w))
    }
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
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

/// A team or player: display name and slug code.
type Team = (&'static str, &'static str);

const NBA: &[(&str, &str)] = &[
    ("Hawks", "atl"),
    ("Celtics", "bos"),
    ("Nets", "bkn"),
    ("Hornets", "cha"),
    ("Bulls", "chi"),
    ("Cavaliers", "cle"),
    ("Mavericks", "dal"),
    ("Nuggets", "den"),
    ("Pistons", "det"),
    ("Warriors", "gsw"),
    ("Rockets", "hou"),
    ("Pacers", "ind"),
    ("Clippers", "lac"),
    ("Lakers", "lal"),
    ("Grizzlies", "mem"),
    ("Heat", "mia"),
    ("Bucks", "mil"),
    ("Timberwolves", "min"),
    ("Pelicans", "nop"),
    ("Knicks", "nyk"),
    ("Thunder", "okc"),
    ("Magic", "orl"),
    ("76ers", "phi"),
    ("Suns", "phx"),
    ("Trail Blazers", "por"),
    ("Kings", "sac"),
    ("Spurs", "sas"),
    ("Raptors", "tor"),
    ("Jazz", "uta"),
    ("Wizards", "was"),
];

const NHL: &[(&str, &str)] = &[
    ("Bruins", "bos"),
    ("Sabres", "buf"),
    ("Red Wings", "det"),
    ("Panthers", "fla"),
    ("Canadiens", "mtl"),
    ("Senators", "ott"),
    ("Lightning", "tbl"),
    ("Maple Leafs", "tor"),
    ("Hurricanes", "car"),
    ("Blue Jackets", "cbj"),
    ("Devils", "njd"),
    ("Islanders", "nyi"),
    ("Rangers", "nyr"),
    ("Flyers", "phi"),
    ("Penguins", "pit"),
    ("Capitals", "wsh"),
    ("Blackhawks", "chi"),
    ("Avalanche", "col"),
    ("Stars", "dal"),
    ("Wild", "min"),
    ("Predators", "nsh"),
    ("Blues", "stl"),
    ("Jets", "wpg"),
    ("Ducks", "ana"),
    ("Flames", "cgy"),
    ("Oilers", "edm"),
    ("Kings", "lak"),
    ("Sharks", "sjs"),
    ("Kraken", "sea"),
    ("Canucks", "van"),
    ("Golden Knights", "vgk"),
    ("Mammoth", "uta"),
];

const NFL: &[(&str, &str)] = &[
    ("Bills", "buf"),
    ("Ravens", "bal"),
    ("Chiefs", "kc"),
    ("Texans", "hou"),
    ("Chargers", "lac"),
    ("Broncos", "den"),
    ("Steelers", "pit"),
    ("Eagles", "phi"),
    ("Lions", "det"),
    ("Rams", "lar"),
    ("Packers", "gb"),
    ("Buccaneers", "tb"),
    ("Seahawks", "sea"),
    ("49ers", "sf"),
    ("Dolphins", "mia"),
    ("Patriots", "ne"),
    ("Jets", "nyj"),
    ("Bengals", "cin"),
    ("Browns", "cle"),
    ("Colts", "ind"),
    ("Jaguars", "jax"),
    ("Titans", "ten"),
    ("Raiders", "lv"),
    ("Cowboys", "dal"),
    ("Giants", "nyg"),
    ("Commanders", "was"),
    ("Bears", "chi"),
    ("Vikings", "min"),
    ("Falcons", "atl"),
    ("Panthers", "car"),
    ("Saints", "no"),
    ("Cardinals", "ari"),
];

const NCAAB: &[(&str, &str)] = &[
    ("Duke", "duke"),
    ("North Carolina", "unc"),
    ("Kentucky", "uk"),
    ("Kansas", "ku"),
    ("Gonzaga", "gonz"),
    ("UConn", "conn"),
    ("Houston", "hou"),
    ("Purdue", "pur"),
    ("Arizona", "ariz"),
    ("Alabama", "ala"),
    ("Auburn", "aub"),
    ("Tennessee", "tenn"),
    ("Baylor", "bay"),
    ("Michigan State", "msu"),
    ("Marquette", "marq"),
    ("Creighton", "crei"),
    ("Iowa State", "isu"),
    ("Texas Tech", "ttu"),
    ("Illinois", "ill"),
    ("Wisconsin", "wis"),
    ("St. John's", "stj"),
    ("Florida", "fla"),
    ("UCLA", "ucla"),
    ("Villanova", "nova"),
    ("Arkansas", "ark"),
    ("Michigan", "mich"),
];

const EPL: &[(&str, &str)] = &[
    ("Arsenal", "ars"),
    ("Aston Villa", "avl"),
    ("Bournemouth", "bou"),
    ("Brentford", "bre"),
    ("Brighton", "bha"),
    ("Burnley", "bur"),
    ("Chelsea", "che"),
    ("Crystal Palace", "cry"),
    ("Everton", "eve"),
    ("Fulham", "ful"),
    ("Leeds United", "lee"),
    ("Liverpool", "liv"),
    ("Manchester City", "mci"),
    ("Manchester United", "mun"),
    ("Newcastle", "new"),
    ("Nottingham Forest", "nfo"),
    ("Sunderland", "sun"),
    ("Tottenham", "tot"),
    ("West Ham", "whu"),
    ("Wolves", "wol"),
];

const LALIGA: &[(&str, &str)] = &[
    ("Real Madrid", "rma"),
    ("Barcelona", "bar"),
    ("Atletico Madrid", "atm"),
    ("Athletic Club", "ath"),
    ("Villarreal", "vil"),
    ("Real Betis", "bet"),
    ("Real Sociedad", "rso"),
    ("Sevilla", "sev"),
    ("Girona", "gir"),
    ("Valencia", "val"),
    ("Celta Vigo", "cel"),
    ("Osasuna", "osa"),
    ("Mallorca", "mll"),
    ("Getafe", "get"),
];

const SERIEA: &[(&str, &str)] = &[
    ("Inter", "int"),
    ("AC Milan", "mil"),
    ("Juventus", "juv"),
    ("Napoli", "nap"),
    ("Atalanta", "ata"),
    ("Roma", "rom"),
    ("Lazio", "laz"),
    ("Fiorentina", "fio"),
    ("Bologna", "bol"),
    ("Como", "com"),
    ("Torino", "tor"),
    ("Genoa", "gen"),
];

const UCL: &[(&str, &str)] = &[
    ("Real Madrid", "rma"),
    ("Barcelona", "bar"),
    ("Bayern Munich", "bay"),
    ("Paris Saint-Germain", "psg"),
    ("Inter", "int"),
    ("Arsenal", "ars"),
    ("Liverpool", "liv"),
    ("Manchester City", "mci"),
    ("Borussia Dortmund", "bvb"),
    ("Atletico Madrid", "atm"),
    ("Juventus", "juv"),
    ("Benfica", "ben"),
    ("Porto", "por"),
    ("Napoli", "nap"),
    ("Chelsea", "che"),
    ("Bayer Leverkusen", "lev"),
    ("Newcastle", "new"),
    ("Club Brugge", "bru"),
    ("PSV", "psv"),
    ("Sporting CP", "scp"),
    ("Galatasaray", "gal"),
    ("AC Milan", "mil"),
    ("Atalanta", "ata"),
    ("Aston Villa", "avl"),
    ("Monaco", "mon"),
    ("Ajax", "aja"),
];

const TENNIS: &[(&str, &str)] = &[
    ("Jannik Sinner", "sinner"),
    ("Carlos Alcaraz", "alcaraz"),
    ("Novak Djokovic", "djokovic"),
    ("Alexander Zverev", "zverev"),
    ("Taylor Fritz", "fritz"),
    ("Jack Draper", "draper"),
    ("Ben Shelton", "shelton"),
    ("Jakub Mensik", "mensik"),
    ("Joao Fonseca", "fonseca"),
    ("Alex de Minaur", "de-minaur"),
    ("Holger Rune", "rune"),
    ("Daniil Medvedev", "medvedev"),
    ("Casper Ruud", "ruud"),
    ("Tommy Paul", "paul"),
    ("Learner Tien", "tien"),
    ("Lorenzo Musetti", "musetti"),
    ("Alexander Bublik", "bublik"),
    ("Jiri Lehecka", "lehecka"),
    ("Aryna Sabalenka", "sabalenka"),
    ("Iga Swiatek", "swiatek"),
    ("Coco Gauff", "gauff"),
    ("Amanda Anisimova", "anisimova"),
    ("Elena Rybakina", "rybakina"),
    ("Jessica Pegula", "pegula"),
    ("Jasmine Paolini", "paolini"),
    ("Mirra Andreeva", "andreeva"),
    ("Madison Keys", "keys"),
    ("Naomi Osaka", "osaka"),
    ("Victoria Mboko", "mboko"),
    ("Elina Svitolina", "svitolina"),
];

const UFC: &[(&str, &str)] = &[
    ("Islam Makhachev", "makhachev"),
    ("Ilia Topuria", "topuria"),
    ("Alex Pereira", "pereira"),
    ("Merab Dvalishvili", "dvalishvili"),
    ("Tom Aspinall", "aspinall"),
    ("Khamzat Chimaev", "chimaev"),
    ("Dricus du Plessis", "du-plessis"),
    ("Jack Della Maddalena", "della-maddalena"),
    ("Alexandre Pantoja", "pantoja"),
    ("Belal Muhammad", "muhammad"),
    ("Magomed Ankalaev", "ankalaev"),
    ("Arman Tsarukyan", "tsarukyan"),
    ("Shavkat Rakhmonov", "rakhmonov"),
    ("Sean O'Malley", "omalley"),
    ("Justin Gaethje", "gaethje"),
    ("Paddy Pimblett", "pimblett"),
    ("Umar Nurmagomedov", "nurmagomedov"),
    ("Bo Nickal", "nickal"),
    ("Jiri Prochazka", "prochazka"),
    ("Kayla Harrison", "harrison"),
];

fn pairs(rng: &mut Rng, teams: &[(&'static str, &'static str)], n: usize) -> Vec<(Team, Team)> {
    let mut idx: Vec<usize> = (0..teams.len()).collect();
    rng.shuffle(&mut idx);
    idx.chunks(2).take(n).filter(|c| c.len() == 2).map(|c| (teams[c[0]], teams[c[1]])).collect()
}

fn schedule_games(bd: &mut Builder) {
    let mut rng = bd.rng.fork(label("schedule"));
    // ET dates from 26 December to 28 January: US evening games start after midnight UTC.
    for dd in -6..=28 {
        let wd = weekday_of_day(dd);
        // NBA
        let n = if wd == 6 { rng.int(4, 8) } else { rng.int(5, 11) } as usize;
        for (a, b) in pairs(&mut rng, NBA, n) {
            let start = if wd >= 5 && rng.chance(0.3) {
                at(dd, *rng.pick(&[17, 20, 22]), *rng.pick(&[0, 30]))
            } else {
                at(dd + 1, *rng.pick(&[0, 0, 0, 1, 1, 2, 3]), *rng.pick(&[0, 0, 30]))
            };
            let p = (0.5 + 0.18 * rng.normal()).clamp(0.08, 0.92);
            let (dur, lead, ev) = (rng.int(135, 165) * MIN, rng.int(18, 40) * HOUR, rng.int(8, 14) as usize);
            bd.game(League::Nba, a, b, start, dur, lead, p, ev, 1.5);
        }
        // NHL
        let n = rng.int(3, 9) as usize;
        for (a, b) in pairs(&mut rng, NHL, n) {
            let start = if wd == 5 && rng.chance(0.25) {
                at(dd, 18, 0)
            } else {
                at(dd + 1, *rng.pick(&[0, 0, 0, 1, 2, 3]), *rng.pick(&[0, 0, 30]))
            };
            let p = (0.5 + 0.1 * rng.normal()).clamp(0.25, 0.75);
            let (dur, lead, ev) = (rng.int(140, 175) * MIN, rng.int(18, 40) * HOUR, rng.int(4, 8) as usize);
            bd.game(League::Nhl, a, b, start, dur, lead, p, ev, 0.6);
        }
        // College basketball (the matchups Polymarket lists)
        let n = rng.int(1, 5) as usize;
        for (a, b) in pairs(&mut rng, NCAAB, n) {
            let start =
                if wd == 5 { at(dd, *rng.pick(&[17, 19, 21, 23]), 0) } else { at(dd + 1, *rng.pick(&[0, 0, 1, 2]), *rng.pick(&[0, 30])) };
            let p = (0.5 + 0.2 * rng.normal()).clamp(0.08, 0.92);
            bd.game(League::Ncaab, a, b, start, rng.int(115, 135) * MIN, rng.int(18, 40) * HOUR, p, rng.int(8, 12) as usize, 0.5);
        }
        // Soccer
        let soccer: Vec<(League, Vec<(i64, i64)>)> = vec![
            (
                League::Epl,
                match wd {
                    5 => vec![(12, 30), (15, 0), (15, 0), (15, 0), (17, 30)],
                    6 => vec![(14, 0), (14, 0), (16, 30)],
                    0 => vec![(20, 0)],
                    1 | 2 if [-4, -3, 4, 5].contains(&dd) => vec![(19, 30), (19, 30), (20, 15), (20, 15)],
                    _ => vec![],
                },
            ),
            (
                League::LaLiga,
                match wd {
                    _ if dd < 2 => vec![],
                    4 => vec![(20, 0)],
                    5 | 6 => vec![(13, 0), (15, 15), (17, 30), (20, 0)],
                    _ => vec![],
                },
            ),
            (
                League::SerieA,
                match wd {
                    5 => vec![(14, 0), (17, 0), (19, 45)],
                    6 => vec![(11, 30), (14, 0), (14, 0), (17, 0), (19, 45)],
                    0 => vec![(19, 45)],
                    _ => vec![],
                },
            ),
            (
                League::Ucl,
                match dd {
                    18 | 19 => vec![(17, 45), (17, 45), (17, 45), (20, 0), (20, 0), (20, 0), (20, 0), (20, 0), (20, 0)],
                    26 => vec![(20, 0); 12],
                    _ => vec![],
                },
            ),
        ];
        for (lg, slots) in soccer {
            let teams = match lg {
                League::Epl => EPL,
                League::LaLiga => LALIGA,
                League::SerieA => SERIEA,
                _ => UCL,
            };
            let pop = match lg {
                League::Epl => 1.3,
                League::Ucl => 1.4,
                League::LaLiga => 0.8,
                _ => 0.6,
            };
            let ps = pairs(&mut rng, teams, slots.len());
            for ((a, b), (h, mi)) in ps.into_iter().zip(slots) {
                let p = (0.45 + 0.17 * rng.normal()).clamp(0.1, 0.85);
                bd.game(lg, a, b, at(dd, h, mi), rng.int(112, 120) * MIN, rng.int(3, 7) * DAY, p, rng.int(1, 5) as usize, pop);
            }
        }
        // Australian Open, 17–28 January (UTC dates of Melbourne sessions)
        if (16..=27).contains(&dd) {
            let n = (16 - (dd - 16)).clamp(4, 16) as usize;
            let slots = [(0, 0), (0, 0), (1, 30), (1, 30), (3, 0), (3, 0), (4, 30), (6, 0), (8, 0), (8, 0), (9, 30)];
            for (i, (a, b)) in pairs(&mut rng, TENNIS, n).into_iter().enumerate() {
                let (h, mi) = slots[i % slots.len()];
                let p = (0.5 + 0.22 * rng.normal()).clamp(0.06, 0.94);
                bd.game(
                    League::Tennis,
                    a,
                    b,
                    at(dd, h, mi),
                    rng.int(85, 240) * MIN,
                    rng.int(14, 30) * HOUR,
                    p,
                    rng.int(4, 10) as usize,
                    0.7,
                );
            }
        }
        // UFC cards (Saturday nights US time)
        if dd == 9 || dd == 23 {
            let base = if dd == 9 { at(dd + 1, 3, 0) } else { at(dd + 1, 0, 0) };
            for (i, (a, b)) in pairs(&mut rng, UFC, 5).into_iter().enumerate() {
                let p = (0.5 + 0.22 * rng.normal()).clamp(0.1, 0.9);
                bd.game(
                    League::Ufc,
                    a,
                    b,
                    base + i as i64 * 35 * MIN,
                    rng.int(6, 27) * MIN,
                    rng.int(4, 6) * DAY,
                    p,
                    rng.int(1, 3) as usize,
                    1.0,
                );
            }
        }
    }
    // NFL: late regular season then the playoffs (winners advance).
    let nfl_slots: &[(i64, i64, i64, usize)] = &[
        (-4, 1, 20, 1),
        (-3, 1, 15, 1),
        (1, 21, 30, 1),
        (2, 1, 0, 1),
        (2, 18, 0, 8),
        (2, 21, 5, 2),
        (2, 21, 25, 3),
        (3, 1, 20, 1),
        (4, 1, 15, 1),
        (8, 21, 30, 1),
        (9, 1, 0, 1),
        (9, 18, 0, 8),
        (9, 21, 25, 5),
        (10, 1, 20, 1),
    ];
    for &(dd, h, mi, n) in nfl_slots {
        for (a, b) in pairs(&mut rng, NFL, n) {
            let p = (0.5 + 0.18 * rng.normal()).clamp(0.1, 0.9);
            bd.game(League::Nfl, a, b, at(dd, h, mi), rng.int(185, 210) * MIN, 6 * DAY, p, rng.int(8, 12) as usize, 3.0);
        }
    }
    // Playoffs: AFC seeds are NFL[0..7], NFC seeds NFL[7..14].
    let seeds = |c: usize| -> Vec<usize> { (0..7).map(|i| c * 7 + i).collect() };
    let wc_times = [at(15, 21, 30), at(16, 1, 15), at(16, 18, 0), at(16, 21, 30), at(17, 1, 15), at(18, 1, 15)];
    let div_times = [at(22, 21, 30), at(23, 1, 15), at(23, 20, 0), at(23, 23, 30)];
    let conf_times = [at(30, 20, 0), at(30, 23, 30)];
    let mut wci = 0;
    let mut divi = 0;
    let mut sb_hooks: Vec<(usize, i64, bool)> = Vec::new();
    for (c, &conf_time) in conf_times.iter().enumerate() {
        let s = seeds(c);
        let mut alive: Vec<usize> = vec![s[0]];
        for (hi, lo) in [(1, 6), (2, 5), (3, 4)] {
            let (home, away) = (s[hi], s[lo]);
            let p = (0.55 + 0.03 * (lo - hi) as f64 + 0.08 * rng.normal()).clamp(0.3, 0.85);
            let t = wc_times[wci];
            wci += 1;
            if let Some((_, w)) =
                bd.game(League::Nfl, NFL[away], NFL[home], t, rng.int(185, 210) * MIN, 6 * DAY, 1.0 - p, rng.int(8, 12) as usize, 6.0)
            {
                let winner = if w == 0 { away } else { home };
                let loser = if w == 0 { home } else { away };
                sb_hooks.push((winner, t + 3 * HOUR + 20 * MIN, true));
                sb_hooks.push((loser, t + 3 * HOUR + 20 * MIN, false));
                alive.push(winner);
            }
        }
        if alive.len() < 4 {
            continue;
        }
        alive.sort_unstable();
        let games = [(alive[0], alive[3]), (alive[1], alive[2])];
        let mut final_two = Vec::new();
        for (home, away) in games {
            let p = (0.6 + 0.08 * rng.normal()).clamp(0.35, 0.85);
            let t = div_times[divi];
            divi += 1;
            if let Some((_, w)) =
                bd.game(League::Nfl, NFL[away], NFL[home], t, rng.int(185, 210) * MIN, 6 * DAY, 1.0 - p, rng.int(8, 12) as usize, 7.0)
            {
                let winner = if w == 0 { away } else { home };
                let loser = if w == 0 { home } else { away };
                sb_hooks.push((winner, t + 3 * HOUR + 20 * MIN, true));
                sb_hooks.push((loser, t + 3 * HOUR + 20 * MIN, false));
                final_two.push(winner);
            }
        }
        if final_two.len() == 2 {
            final_two.sort_unstable();
            let p = (0.58 + 0.06 * rng.normal()).clamp(0.4, 0.75);
            bd.game(League::Nfl, NFL[final_two[1]], NFL[final_two[0]], conf_time, rng.int(185, 210) * MIN, 7 * DAY, 1.0 - p, 10, 8.0);
        }
    }
    // Super Bowl futures for the fourteen playoff teams, moved by their playoff results.
    for (team, &(name, ab)) in NFL.iter().enumerate().take(14) {
        let seed = team % 7;
        let p0 = [0.17, 0.11, 0.08, 0.06, 0.04, 0.03, 0.02][seed] * rng.lognormal(1.0, 0.25);
        let mut hooks: Vec<(i64, bool)> = sb_hooks.iter().filter(|h| h.0 == team).map(|h| (h.1, h.2)).collect();
        hooks.sort_unstable();
        let mut pb = PathB::default();
        let t0 = W0 - 2 * DAY;
        let mut end = NOW + 20 * DAY;
        let mut l = logit(p0);
        let mut t = t0;
        pb.push(t, p0);
        let mut hi = 0;
        while t < NOW + DAY {
            let nt = t + 20 * MIN;
            l += 0.1 * (20.0 * 60.0 / DAY as f64).sqrt() * rng.normal();
            if hi < hooks.len() && hooks[hi].0 <= nt {
                let (th, won) = hooks[hi];
                hi += 1;
                if won {
                    l += rng.range(0.45, 0.8);
                    pb.jump(th, sigmoid(l));
                } else {
                    pb.jump(th, 0.004);
                    end = th + 20 * MIN;
                    break;
                }
            }
            pb.push(nt, sigmoid(l));
            t = nt;
        }
        let full = nfl_full(name);
        bd.add(
            Kind::Future,
            Cat::SportsFuture,
            format!("Will the {full} win Super Bowl LXI?"),
            format!("will-the-{}-win-super-bowl-lxi-{ab}", slugify(&full)),
            ["Yes", "No"],
            (t0, t0, end, end),
            pb,
            if end < NOW + DAY { 1 } else { 0 },
            [2.5, 2.0, 1.6, 1.3, 1.1, 0.9, 0.8][seed],
        );
    }
}

fn nfl_full(name: &str) -> String {
    let city = match name {
        "Bills" => "Buffalo",
        "Ravens" => "Baltimore",
        "Chiefs" => "Kansas City",
        "Texans" => "Houston",
        "Chargers" => "Los Angeles",
        "Broncos" => "Denver",
        "Steelers" => "Pittsburgh",
        "Eagles" => "Philadelphia",
        "Lions" => "Detroit",
        "Rams" => "Los Angeles",
        "Packers" => "Green Bay",
        "Buccaneers" => "Tampa Bay",
        "Seahawks" => "Seattle",
        _ => "San Francisco",
    };
    format!("{city} {name}")
}

/// (title, p at window start, vol per day, news per day, pop, category, end)
fn futures_list() -> Vec<(&'static str, f64, f64, f64, f64, Cat, i64)> {
    let far = NOW + 200 * DAY;
    vec![
        ("Will Gavin Newsom win the 2028 Democratic presidential nomination?", 0.27, 0.10, 0.12, 2.6, Cat::Politics, far),
        ("Will Alexandria Ocasio-Cortez win the 2028 Democratic presidential nomination?", 0.11, 0.12, 0.1, 1.6, Cat::Politics, far),
        ("Will Josh Shapiro win the 2028 Democratic presidential nomination?", 0.08, 0.12, 0.08, 1.0, Cat::Politics, far),
        ("Will Pete Buttigieg win the 2028 Democratic presidential nomination?", 0.07, 0.12, 0.08, 0.9, Cat::Politics, far),
        ("Will JD Vance win the 2028 Republican presidential nomination?", 0.52, 0.07, 0.08, 2.4, Cat::Politics, far),
        ("Will Marco Rubio win the 2028 Republican presidential nomination?", 0.12, 0.12, 0.08, 1.1, Cat::Politics, far),
        ("Will a Democrat win the 2028 US presidential election?", 0.53, 0.05, 0.06, 2.2, Cat::Politics, far),
        ("Will the Fed hold rates at its January 2027 meeting?", 0.88, 0.12, 0.15, 2.6, Cat::Econ, at(26, 19, 0)),
        ("Will the Fed cut rates at its March 2027 meeting?", 0.36, 0.14, 0.15, 1.6, Cat::Econ, far),
        ("Will Russia and Ukraine agree to a ceasefire in 2027?", 0.31, 0.10, 0.15, 1.8, Cat::Politics, far),
        ("Will China invade Taiwan in 2027?", 0.04, 0.10, 0.04, 0.8, Cat::Politics, far),
        ("Will Bitcoin reach $150,000 in 2027?", 0.38, 0.14, 0.1, 1.4, Cat::Crypto, far),
        ("Will Bitcoin dip below $80,000 in 2027?", 0.29, 0.14, 0.1, 1.0, Cat::Crypto, far),
        ("Will the Oklahoma City Thunder win the 2027 NBA Finals?", 0.31, 0.08, 0.08, 1.3, Cat::SportsFuture, far),
        ("Will the Boston Celtics win the 2027 NBA Finals?", 0.10, 0.1, 0.08, 0.8, Cat::SportsFuture, far),
        ("Will the Denver Nuggets win the 2027 NBA Finals?", 0.11, 0.1, 0.08, 0.8, Cat::SportsFuture, far),
        ("Will Arsenal win the 2026-27 Premier League?", 0.46, 0.09, 0.12, 1.5, Cat::SportsFuture, far),
        ("Will Liverpool win the 2026-27 Premier League?", 0.22, 0.1, 0.12, 1.1, Cat::SportsFuture, far),
        ("Will Manchester City win the 2026-27 Premier League?", 0.21, 0.1, 0.12, 1.1, Cat::SportsFuture, far),
        ("Will Real Madrid win the 2026-27 Champions League?", 0.14, 0.08, 0.06, 0.9, Cat::SportsFuture, far),
        ("Will Bayern Munich win the 2026-27 Champions League?", 0.12, 0.08, 0.06, 0.7, Cat::SportsFuture, far),
        ("Will OpenAI release GPT-6 before July 2027?", 0.42, 0.12, 0.1, 0.9, Cat::Culture, far),
        ("Will Taylor Swift release a new album in 2027?", 0.35, 0.08, 0.05, 0.6, Cat::Culture, far),
    ]
}

enum DeadlineType {
    /// The thing may happen at any time before the deadline.
    Hazard,
    /// Decided at a scheduled moment (data release, ceremony, decision).
    Release,
    /// A quantity settles gradually towards the deadline (counts, closes, ratings).
    Latent,
}

/// (title, p, deadline, type, pop, category)
fn deadline_list() -> Vec<(&'static str, f64, i64, DeadlineType, f64, Cat)> {
    use DeadlineType::*;
    vec![
        ("US government shutdown by January 31?", 0.22, at(31, 4, 59), Hazard, 1.6, Cat::Politics),
        ("Will the US strike Venezuela by January 15?", 0.12, at(15, 4, 59), Hazard, 1.1, Cat::Politics),
        ("Will Putin and Zelenskyy meet in person by January 31?", 0.05, at(31, 4, 59), Hazard, 0.6, Cat::Politics),
        ("Will Elon Musk post 400+ times from January 13 to January 20?", 0.45, at(19, 17, 0), Latent, 0.8, Cat::Culture),
        ("December CPI: Will annual inflation be above 2.9%?", 0.40, at(12, 13, 30), Release, 1.3, Cat::Econ),
        ("December jobs report: Will payrolls exceed 75,000?", 0.55, at(7, 13, 30), Release, 1.1, Cat::Econ),
        ("Will The Odyssey win Best Motion Picture - Drama at the Golden Globes?", 0.45, at(10, 3, 40), Release, 0.7, Cat::Culture),
        ("Will NVIDIA be the largest company in the world at the end of January?", 0.74, at(29, 21, 0), Latent, 0.8, Cat::Econ),
        ("Will Bitcoin reach $140,000 by January 31?", 0.14, at(31, 4, 59), Hazard, 1.0, Cat::Crypto),
        ("Will Ethereum dip below $3,000 by January 31?", 0.18, at(31, 4, 59), Hazard, 0.8, Cat::Crypto),
        ("Will Trump's approval rating be 42% or higher on January 30?", 0.40, at(29, 21, 0), Latent, 0.6, Cat::Politics),
        ("Will the Supreme Court rule on birthright citizenship by January 31?", 0.2, at(31, 4, 59), Hazard, 0.7, Cat::Politics),
        ("Will Trump sign an executive order on AI by January 20?", 0.3, at(20, 4, 59), Hazard, 0.6, Cat::Politics),
        ("Will Central Park record 6+ inches of snow in January?", 0.3, at(31, 4, 59), Latent, 0.5, Cat::Weather),
        ("Will the Bank of Japan raise rates in January?", 0.58, at(21, 3, 0), Release, 0.7, Cat::Econ),
        ("Will the ECB cut rates on January 28?", 0.1, at(27, 13, 15), Release, 0.6, Cat::Econ),
        ("Will OpenAI announce GPT-6 by January 31?", 0.08, at(31, 4, 59), Hazard, 0.7, Cat::Culture),
        ("Will Apple close above $280 on January 29?", 0.5, at(28, 21, 0), Latent, 0.5, Cat::Econ),
        ("Will Taylor Swift announce a tour by January 31?", 0.1, at(31, 4, 59), Hazard, 0.5, Cat::Culture),
        ("Will SpaceX launch Starship by January 20?", 0.35, at(20, 4, 59), Hazard, 0.6, Cat::Culture),
        ("Will the Dow close above 52,000 on January 22?", 0.45, at(21, 21, 0), Latent, 0.5, Cat::Econ),
        ("Will the French government fall by January 31?", 0.15, at(31, 4, 59), Hazard, 0.5, Cat::Politics),
    ]
}

fn build_futures(bd: &mut Builder) -> Vec<u32> {
    let mut rng = bd.rng.fork(label("futures"));
    let mut out = Vec::new();
    for (title, p, vol, news, pop, cat, end) in futures_list() {
        let t0 = W0 - 2 * DAY;
        let t1 = end.min(NOW + DAY);
        let mut pb = PathB::default();
        let last = walk(&mut pb, &mut rng, t0, t1, 15 * MIN, p, vol * 2.0, news, 0.45);
        let mut winner = 0;
        if end <= NOW + DAY {
            winner = if rng.chance(last) { 0 } else { 1 };
            pb.jump(end, if winner == 0 { 0.995 } else { 0.005 });
        }
        let m = bd.add(Kind::Future, cat, title.to_string(), slugify(title), ["Yes", "No"], (t0, t0, end, end), pb, winner, pop);
        out.push(m);
    }
    out
}

fn build_deadlines(bd: &mut Builder) -> Vec<u32> {
    let mut rng = bd.rng.fork(label("deadlines"));
    let mut out = Vec::new();
    for (title, p, deadline, ty, pop, cat) in deadline_list() {
        let t0 = W0 - 3 * DAY;
        let mut pb = PathB::default();
        let (fin, end, winner) = match ty {
            DeadlineType::Hazard => {
                let happens = rng.chance(p * 0.9);
                let tau = if happens { rng.range((W0 + 2 * DAY) as f64, deadline as f64) as i64 } else { deadline + 1 };
                let total = (deadline - t0) as f64;
                let mut l = logit(p);
                let mut t = t0;
                pb.push(t, p);
                while t < tau.min(deadline) {
                    let nt = (t + 15 * MIN).min(tau.min(deadline));
                    let rem = (deadline - nt) as f64 / total;
                    let target = logit((p * rem.powf(0.8)).max(0.004));
                    l += 0.03 * (target - l) + 0.2 * (15.0 / 1440.0f64).sqrt() * rng.normal();
                    if rng.chance(0.15 * 15.0 / 1440.0) {
                        l += 0.9 * rng.normal();
                        pb.jump(nt, sigmoid(l));
                    } else {
                        pb.push(nt, sigmoid(l));
                    }
                    t = nt;
                }
                if happens {
                    pb.jump(tau, rng.range(0.9, 0.97));
                    pb.push(tau + rng.int(10, 40) * MIN, 0.995);
                    let end = tau + rng.int(2, 6) * HOUR;
                    (tau, end, 0)
                } else {
                    pb.push(deadline, 0.006);
                    (deadline, deadline + HOUR, 1)
                }
            }
            DeadlineType::Release => {
                let last = walk(&mut pb, &mut rng, t0, deadline, 15 * MIN, p, 0.35, 0.1, 0.35);
                let w = if rng.chance(last) { 0 } else { 1 };
                let t = deadline + rng.int(0, 90);
                pb.jump(t, if w == 0 { rng.range(0.93, 0.985) } else { rng.range(0.015, 0.07) });
                pb.push(t + 15 * MIN, if w == 0 { 0.995 } else { 0.005 });
                (deadline, deadline + rng.int(30, 120) * MIN, w)
            }
            DeadlineType::Latent => {
                let n = ((deadline - t0) / DAY / 3) as usize;
                let mut ev: Vec<i64> = (0..n).map(|_| rng.int(t0 + HOUR, deadline - HOUR)).collect();
                ev.sort_unstable();
                let w = latent(&mut pb, &mut rng, t0, deadline, p, &ev, 0.4, 15 * MIN);
                pb.push(deadline + 30 * MIN, if w == 0 { 0.995 } else { 0.005 });
                (deadline, deadline + HOUR, w)
            }
        };
        let m = bd.add(Kind::Deadline, cat, title.to_string(), slugify(title), ["Yes", "No"], (t0, t0, fin, end), pb, winner, pop);
        out.push(m);
    }
    out
}

fn build_weather(bd: &mut Builder) -> Vec<u32> {
    let mut rng = bd.rng.fork(label("weather"));
    // (city, slug, utc offset hours, unit, typical January high)
    let cities: [(&str, &str, i64, &str, i64); 4] = [
        ("New York City", "nyc", -5, "°F", 39),
        ("London", "london", 0, "°C", 8),
        ("Chicago", "chicago", -6, "°F", 31),
        ("Seoul", "seoul", 9, "°C", 2),
    ];
    let mut out = Vec::new();
    for dd in -3..=27 {
        for &(city, cs, off, unit, typical) in &cities {
            let local_midnight = at(dd, 0, 0) - off * HOUR;
            let open = local_midnight - 2 * DAY;
            let fin = local_midnight + 16 * HOUR;
            let end = local_midnight + 27 * HOUR;
            if end < W0 || open > NOW {
                continue;
            }
            let lo = typical + rng.int(-6, 6);
            let (bucket, width) = if unit == "°F" { (lo - lo.rem_euclid(2), 1) } else { (lo, 0) };
            let label_b = if width == 0 { format!("{bucket}{unit}") } else { format!("{bucket}-{}{unit}", bucket + width) };
            let date = from_secs(local_midnight + 12 * HOUR).format("%B %-d").to_string();
            let title = format!("Will the highest temperature in {city} be {label_b} on {date}?");
            let slug = format!("highest-temperature-in-{cs}-on-{}-{}", slugify(&date), slugify(&label_b));
            let p = rng.range(0.08, 0.45);
            let mut ev: Vec<i64> = (0..4).map(|k| open + 6 * HOUR + k * 12 * HOUR + rng.int(0, 40) * MIN).filter(|&t| t < fin).collect();
            ev.sort_unstable();
            let mut pb = PathB::default();
            let w = latent(&mut pb, &mut rng, open, fin, p, &ev, 0.5, 20 * MIN);
            pb.push(fin + HOUR, if w == 0 { 0.995 } else { 0.005 });
            let pop = if cs == "nyc" || cs == "london" { 0.35 } else { 0.2 };
            let m = bd.add(Kind::Weather, Cat::Weather, title, slug, ["Yes", "No"], (open, open, fin, end), pb, w, pop);
            out.push(m);
        }
    }
    out
}

fn build_crypto(bd: &mut Builder) -> (Vec<CryptoPath>, Vec<Series>) {
    let mut rng = bd.rng.fork(label("crypto"));
    let t0 = W0 - 6 * HOUR;
    let t1 = NOW + 4 * HOUR;
    let n = ((t1 - t0) / 60) as usize + 2;
    // a volatility regime shared by all assets, one value per hour
    let hours = n / 60 + 2;
    let mut regime = Vec::with_capacity(hours);
    let mut r: f64 = 0.0;
    for h in 0..hours {
        r = 0.85 * r + 0.35 * rng.normal();
        let utc_h = ((t0 / HOUR + h as i64) % 24) as usize;
        let us_open = if (14..21).contains(&utc_h) { 1.3 } else { 1.0 };
        regime.push(r.exp() * us_open);
    }
    let specs = [(112_000.0, 0.0007), (3_900.0, 0.0009), (190.0, 0.0012), (2.4, 0.0012)];
    let mut paths = Vec::new();
    let mut common = vec![0.0; n];
    for c in common.iter_mut() {
        *c = rng.normal();
    }
    for (a, &(s0, sig)) in specs.iter().enumerate() {
        let mut px = Vec::with_capacity(n);
        let mut s: f64 = s0;
        let beta = if a == 0 { 1.0 } else { 0.8 };
        for (i, c) in common.iter().enumerate() {
            px.push(s);
            let e = beta * c + (1.0 - beta * beta).sqrt() * rng.normal();
            s *= (sig * regime[i / 60] * e).exp();
        }
        paths.push(CryptoPath { t0, px, sigma: sig });
    }
    let mut series = Vec::new();
    for &(asset, mins) in &[(0usize, 15i64), (1, 15), (0, 60), (1, 60), (2, 60), (3, 60)] {
        let len = mins * MIN;
        let first_start = (W0 - 2 * HOUR) / len * len;
        let first = bd.markets.len() as u32;
        let mut s = first_start;
        let mut count = 0;
        let (name, ab) = ASSETS[asset];
        while s < NOW + 2 * HOUR {
            let e = s + len;
            let up = paths[asset].at(e) >= paths[asset].at(s);
            let et = from_secs(s - 5 * HOUR);
            let (title, slug) = if mins == 15 {
                (
                    format!("{name} Up or Down - {}-{} ET", et.format("%B %-d, %-I:%M%p"), from_secs(e - 5 * HOUR).format("%-I:%M%p")),
                    format!("{ab}-updown-15m-{s}"),
                )
            } else {
                let t = format!("{name} Up or Down - {} ET", et.format("%B %-d, %-I%p"));
                let sl = slugify(&t);
                (t, sl)
            };
            let pop = match (asset, mins) {
                (0, 15) => 1.0,
                (1, 15) => 0.5,
                (0, _) => 1.2,
                (1, _) => 0.6,
                _ => 0.35,
            };
            let open = s - if mins == 15 { HOUR } else { 4 * HOUR };
            bd.add(
                Kind::Crypto { asset, mins },
                Cat::Crypto,
                title,
                slug,
                ["Up", "Down"],
                (open, s, e, e),
                PathB::default(),
                if up { 0 } else { 1 },
                pop,
            );
            // crypto books are tight
            if let Some(m) = bd.markets.last_mut() {
                m.hs = 0.005;
            }
            s = e;
            count += 1;
        }
        series.push(Series { asset, mins, first_start, first, count });
    }
    (paths, series)
}

pub fn build() -> Universe {
    let mut bd = Builder { rng: Rng::new(label("holdout7-markets")), markets: Vec::new() };
    schedule_games(&mut bd);
    let mut games: Vec<u32> = (0..bd.markets.len() as u32).filter(|&m| matches!(bd.markets[m as usize].kind, Kind::Game(_))).collect();
    let mut futures: Vec<u32> = (0..bd.markets.len() as u32).filter(|&m| matches!(bd.markets[m as usize].kind, Kind::Future)).collect();
    futures.extend(build_futures(&mut bd));
    let deadlines = build_deadlines(&mut bd);
    let weather = build_weather(&mut bd);
    let (crypto, series) = build_crypto(&mut bd);
    let markets = bd.markets;
    games.sort_by_key(|&g| (markets[g as usize].start, g));
    Universe { markets, games, futures, deadlines, weather, series, crypto }
}
