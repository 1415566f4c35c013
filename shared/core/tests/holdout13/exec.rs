//! Turning an intention (buy $50 of this, sell all of that) into fills on the market's book.

use super::rng::Rng;
use super::world::World;
use copycat_core::money::{Price, Shares};
use copycat_core::time::from_secs;
use copycat_core::trade::{Side, Trade, Wallet};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug)]
pub enum Amt {
    Usd(f64),
    Shares(f64),
    All,
    Frac(f64),
}

#[derive(Clone, Copy, Debug)]
pub enum How {
    /// Marketable order, sweeping levels if large.
    Take,
    /// Marketable only up to (buy) / down to (sell) this price in cents.
    Limit(i64),
    /// Resting order filled at the touch on its own side.
    Make,
    /// Resting order filled at this price.
    MakeAt(i64),
    /// One fill at exactly this price.
    At(i64),
}

#[derive(Clone, Copy, Debug)]
pub struct Order {
    pub t: i64,
    pub m: usize,
    pub oi: usize,
    pub side: Side,
    pub amt: Amt,
    pub how: How,
    /// Orders with the same non-zero group share one transaction.
    pub group: u64,
}

impl Order {
    pub fn buy(t: i64, m: usize, oi: usize, amt: Amt) -> Order {
        Order { t, m, oi, side: Side::Buy, amt, how: How::Take, group: 0 }
    }
    pub fn sell(t: i64, m: usize, oi: usize, amt: Amt) -> Order {
        Order { t, m, oi, side: Side::Sell, amt, how: How::Take, group: 0 }
    }
    pub fn how(mut self, how: How) -> Order {
        self.how = how;
        self
    }
    pub fn group(mut self, g: u64) -> Order {
        self.group = g;
        self
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Fill {
    pub t: i64,
    pub m: usize,
    pub oi: usize,
    pub side: Side,
    pub shares: f64,
    pub cents: i64,
}

#[allow(clippy::too_many_arguments)]
pub fn trade(w: &World, wallet: &Wallet, m: usize, oi: usize, side: Side, cents: i64, shares_c: i64, t: i64, tx: &str) -> Trade {
    let mk = &w.markets[m];
    Trade {
        wallet: wallet.clone(),
        side,
        asset: mk.assets[oi].clone(),
        condition_id: mk.cid.clone(),
        size: Shares(Decimal::new(shares_c, 2)),
        price: Price(Decimal::new(cents, 2)),
        timestamp: from_secs(t),
        transaction_hash: tx.to_string(),
        outcome: mk.outcomes[oi].clone(),
        outcome_index: Some(oi as u32),
        title: mk.title.clone(),
        slug: mk.slug.clone(),
    }
}

pub fn wallet(rng: &mut Rng) -> Wallet {
    Wallet::parse(&rng.hex(40)).expect("generated address")
}

pub struct Exec<'a> {
    w: &'a World,
    pub wallet: Wallet,
    split: bool,
    pub hold: BTreeMap<(usize, usize), f64>,
    groups: BTreeMap<u64, String>,
    pub out: Vec<Trade>,
    pub fills: Vec<Fill>,
    pub extra: Vec<Trade>,
    rng: Rng,
    crowd: &'a [Wallet],
    pub max_fills: usize,
}

impl<'a> Exec<'a> {
    pub fn new(w: &'a World, wallet: Wallet, split: bool, rng: Rng, crowd: &'a [Wallet]) -> Self {
        Exec {
            w,
            wallet,
            split,
            hold: BTreeMap::new(),
            groups: BTreeMap::new(),
            out: Vec::new(),
            fills: Vec::new(),
            extra: Vec::new(),
            rng,
            crowd,
            max_fills: 2500,
        }
    }

    pub fn run(&mut self, mut orders: Vec<Order>) {
        orders.sort_by_key(|o| o.t);
        for o in orders {
            if self.out.len() >= self.max_fills {
                break;
            }
            self.one(o);
        }
    }

    fn tx(&mut self, group: u64) -> String {
        if group == 0 {
            return self.rng.hex(64);
        }
        if let Some(h) = self.groups.get(&group) {
            return h.clone();
        }
        let h = self.rng.hex(64);
        self.groups.insert(group, h.clone());
        h
    }

    fn crowd_wallet(&mut self) -> Wallet {
        let u = self.rng.f64();
        let i = ((self.crowd.len() as f64) * u.powf(2.2)) as usize;
        self.crowd[i.min(self.crowd.len() - 1)].clone()
    }

    #[allow(clippy::too_many_arguments)]
    fn push(&mut self, m: usize, oi: usize, side: Side, cents: i64, shares: f64, t: i64, tx: &str) {
        let sc = (shares * 100.0).floor() as i64;
        self.out.push(trade(self.w, &self.wallet, m, oi, side, cents, sc, t, tx));
        self.fills.push(Fill { t, m, oi, side, shares: sc as f64 / 100.0, cents });
        let h = self.hold.entry((m, oi)).or_insert(0.0);
        match side {
            Side::Buy => *h += sc as f64 / 100.0,
            Side::Sell => *h = (*h - sc as f64 / 100.0).max(0.0),
        }
    }

    /// Executes one order; returns the shares filled.
    pub fn one(&mut self, o: Order) -> f64 {
        let w = self.w;
        if !w.tradable(o.m, o.t) || o.oi > 1 {
            return 0.0;
        }
        let buy = o.side == Side::Buy;
        let (bid, ask) = w.quote(o.m, o.oi, o.t);
        let touch = match o.how {
            How::Take | How::Limit(_) => {
                if buy {
                    ask
                } else {
                    bid
                }
            }
            How::Make => {
                if buy {
                    bid
                } else {
                    ask
                }
            }
            How::MakeAt(c) | How::At(c) => c.clamp(1, 99),
        };
        if let How::Limit(c) = o.how
            && ((buy && ask > c) || (!buy && bid < c))
        {
            return 0.0;
        }
        let held = *self.hold.get(&(o.m, o.oi)).unwrap_or(&0.0);
        let px = touch as f64 / 100.0;
        let mut shares = match o.amt {
            Amt::Usd(u) => u / px,
            Amt::Shares(s) => s,
            Amt::All => held,
            Amt::Frac(f) => held * f,
        };
        if !buy && !self.split {
            shares = shares.min(held);
        }
        shares = (shares * 100.0).floor() / 100.0;
        if shares < 5.0 {
            if !buy && !self.split && held < 5.0 {
                return 0.0;
            }
            shares = 5.0;
            if !buy && !self.split && shares > held {
                return 0.0;
            }
        }
        let tx = self.tx(o.group);
        match o.how {
            How::Take | How::Limit(_) => {
                let mk = &w.markets[o.m];
                let limit = match o.how {
                    How::Limit(c) => c,
                    _ => {
                        if buy {
                            99
                        } else {
                            1
                        }
                    }
                };
                let mut left = shares;
                let mut price = touch;
                let mut levels: Vec<(i64, f64)> = Vec::new();
                for lvl in 0..6 {
                    let depth = (mk.depth * self.rng.lognormal(1.0, 0.6)).max(8.0);
                    let take = if lvl == 5 { left } else { left.min(depth) };
                    let take = (take * 100.0).floor() / 100.0;
                    if take >= 5.0 && left - take >= 5.0 {
                        levels.push((price, take));
                        left -= take;
                    } else {
                        levels.push((price, left));
                        left = 0.0;
                    }
                    if left < 0.01 {
                        break;
                    }
                    let next = if buy { price + 1 } else { price - 1 };
                    if !(1..=99).contains(&next) || (buy && next > limit) || (!buy && next < limit) {
                        break;
                    }
                    price = next;
                }
                let mut filled = 0.0;
                for (c, s) in levels {
                    self.push(o.m, o.oi, o.side, c, s, o.t, &tx);
                    filled += s;
                }
                filled
            }
            How::Make | How::MakeAt(_) => {
                self.push(o.m, o.oi, o.side, touch, shares, o.t, &tx);
                let cw = self.crowd_wallet();
                let other = if buy { Side::Sell } else { Side::Buy };
                let sc = (shares * 100.0).floor() as i64;
                self.extra.push(trade(w, &cw, o.m, o.oi, other, touch, sc, o.t, &tx));
                shares
            }
            How::At(_) => {
                self.push(o.m, o.oi, o.side, touch, shares, o.t, &tx);
                shares
            }
        }
    }
}
