//! The audit: the ledger, the portfolio and every fill the venue made, held against the leader
//! trades that were sent.

use crate::faults::FaultCounts;
use crate::venue::VenueFill;
use copycat_core::money::Usd;
use copycat_core::ports::{StateStore, StoreError};
use copycat_core::records::{LedgerEntry, PortfolioState, SignalOutcome, keys};
use copycat_core::signal::Signal;
use copycat_core::trade::Side;
use copycat_state::{decode, load};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the soak found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Audit {
    /// Leader trades sent as signals (distinct keys).
    pub signals: u64,
    /// Orders the venue filled (shares above zero).
    pub fills: u64,
    /// Fills beyond the first for one signal.
    pub duplicate_fills: u64,
    /// Signals with no outcome in the ledger.
    pub lost_signals: u64,
    /// Ledger entries and venue fills that do not match one another or a sent signal (a second
    /// outcome for a signal, a copied entry whose fill the venue never made, a venue fill that
    /// no ledger entry records).
    pub unexplained: u64,
    /// The portfolio's cash minus what the venue's fills say it should be.
    pub balance_drift_usd: String,
    /// Signals copied (an order filled).
    pub copied: u64,
    /// Signals refused, with a reason in the ledger.
    pub refused: u64,
    /// Signals that reached the dead-letter queue during the soak and were redriven after it.
    pub redriven: u64,
    /// Faults injected, by kind (`worker_killed` counts real SIGKILLs).
    pub faults_injected: FaultCounts,
}

impl Audit {
    /// True when nothing was duplicated, lost, unexplained or off by a cent.
    pub fn clean(&self) -> bool {
        self.duplicate_fills == 0 && self.lost_signals == 0 && self.unexplained == 0 && self.balance_drift_usd == "0"
    }
}

/// Audits the state in `store` and the venue's `fills` against the `signals` sent, for a
/// portfolio that started with `starting_balance`.
pub async fn audit(store: &dyn StateStore, signals: &[Signal], fills: &[VenueFill], starting_balance: Usd) -> Result<Audit, StoreError> {
    let sent: HashSet<&str> = signals.iter().map(|s| s.key.0.as_str()).collect();
    let mut ledger: HashMap<String, Vec<LedgerEntry>> = HashMap::new();
    for rec in store.query(keys::LEDGER_PK, "").await? {
        let e: LedgerEntry = decode(&rec)?.value;
        ledger.entry(e.key.0.clone()).or_default().push(e);
    }
    let mut a = Audit { signals: sent.len() as u64, ..Audit::default() };
    let filled: Vec<&VenueFill> = fills.iter().filter(|f| f.shares > Decimal::ZERO).collect();
    a.fills = filled.len() as u64;
    let mut per_key: BTreeMap<&str, u64> = BTreeMap::new();
    for f in &filled {
        *per_key.entry(f.key.as_str()).or_default() += 1;
    }
    a.duplicate_fills = per_key.values().map(|n| n.saturating_sub(1)).sum();
    a.lost_signals = sent.iter().filter(|k| !ledger.contains_key(**k)).count() as u64;

    let by_order: HashMap<&str, &VenueFill> = filled.iter().map(|f| (f.order_id.as_str(), *f)).collect();
    let mut recorded_orders: HashSet<String> = HashSet::new();
    for (key, entries) in &ledger {
        if !sent.contains(key.as_str()) {
            a.unexplained += entries.len() as u64;
            continue;
        }
        a.unexplained += entries.len().saturating_sub(1) as u64;
        match &entries[0].outcome {
            SignalOutcome::Copied { fill, .. } if fill.shares.0 > Decimal::ZERO => {
                a.copied += 1;
                match by_order.get(fill.order_id.as_str()) {
                    Some(v) if v.key == *key && v.shares == fill.shares.0 && v.price == fill.avg_price.0 => {
                        recorded_orders.insert(fill.order_id.clone());
                    }
                    _ => a.unexplained += 1,
                }
            }
            SignalOutcome::Copied { .. } => a.copied += 1,
            SignalOutcome::Refused { .. } => a.refused += 1,
        }
    }
    a.unexplained += filled.iter().filter(|f| !recorded_orders.contains(&f.order_id)).count() as u64;

    let mut expected = starting_balance.0;
    for f in &filled {
        let notional = f.shares * f.price;
        match f.side {
            Side::Buy => expected -= notional,
            Side::Sell => expected += notional,
        }
    }
    let cash = load::<PortfolioState>(store, &keys::portfolio()).await?.map(|v| v.value.cash.0).unwrap_or(starting_balance.0);
    a.balance_drift_usd = (cash - expected).normalize().to_string();
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::signals;
    use copycat_core::money::{Price, Shares};
    use copycat_core::order::Fill;
    use copycat_core::records::{PortfolioState, RefusalReason};
    use copycat_core::time::{Clock, ManualClock, from_secs};
    use copycat_embedded::EmbeddedBackend;
    use copycat_state::to_body;
    use std::sync::Arc;

    fn entry(s: &Signal, outcome: SignalOutcome, at: copycat_core::time::Timestamp) -> LedgerEntry {
        LedgerEntry {
            key: s.key.clone(),
            leader: s.leader.clone(),
            token_id: s.trade.asset.clone(),
            leader_at: s.trade.timestamp,
            at,
            outcome,
            seen_at: Some(s.seen_at),
        }
    }

    fn copied(order_id: &str, shares: i64) -> SignalOutcome {
        let fill = Fill {
            shares: Shares(Decimal::new(shares, 0)),
            avg_price: Price(Decimal::new(5, 1)),
            fee: Usd::ZERO,
            order_id: order_id.into(),
            at: from_secs(0),
        };
        SignalOutcome::Copied { fill, side: Side::Buy }
    }

    fn venue_fill(order_id: &str, key: &str, shares: i64) -> VenueFill {
        VenueFill {
            order_id: order_id.into(),
            key: key.into(),
            side: Side::Buy,
            shares: Decimal::new(shares, 0),
            price: Decimal::new(5, 1),
        }
    }

    #[tokio::test]
    async fn the_audit_finds_duplicates_losses_unexplained_fills_and_drift() {
        let clock = Arc::new(ManualClock::new(from_secs(1_780_000_000)));
        let backend = EmbeddedBackend::open_in_memory(clock.clone()).unwrap();
        let store = backend.store();
        let now = clock.now();
        let (sent, _) = signals(4, 1, now, 2, 2, 0.0);
        let [a, b, c, _never_handled] = [&sent[0], &sent[1], &sent[2], &sent[3]];
        // a: copied once; b: filled twice at the venue; c: refused; d: never handled.
        for (s, outcome) in [
            (a, copied("o-a", 10)),
            (b, copied("o-b1", 10)),
            (c, SignalOutcome::Refused { reason: RefusalReason::Exposure, detail: String::new() }),
        ] {
            store.put_if_absent(&keys::ledger(now, &s.key), to_body(&entry(s, outcome, now)), None).await.unwrap();
        }
        let fills = vec![venue_fill("o-a", &a.key.0, 10), venue_fill("o-b1", &b.key.0, 10), venue_fill("o-b2", &b.key.0, 10)];
        let start = Usd(Decimal::new(100, 0));
        let mut p = PortfolioState::new(start, now);
        p.cash = Usd(Decimal::new(90, 0)); // two fills of $5 booked, the third never
        store.put_if_absent(&keys::portfolio(), to_body(&p), None).await.unwrap();
        let audit = audit(store.as_ref(), &sent, &fills, start).await.unwrap();
        assert_eq!(audit.signals, 4);
        assert_eq!(audit.fills, 3);
        assert_eq!(audit.duplicate_fills, 1, "b filled twice");
        assert_eq!(audit.lost_signals, 1, "d has no outcome");
        assert_eq!(audit.unexplained, 1, "o-b2 is in no ledger entry");
        assert_eq!(audit.balance_drift_usd, "5", "cash is $5 above what the venue's fills say");
        assert_eq!((audit.copied, audit.refused), (2, 1));
        assert!(!audit.clean());
    }
}
