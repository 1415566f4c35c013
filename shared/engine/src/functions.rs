//! Every function's deps, built from one set of ports: how the local engine (and the tests) run
//! the six handlers in one process. Each handler still receives only its own deps type, as on
//! Lambda; this is the factory, never passed to a handler whole.

use bot_filter::BotFilterDeps;
use copycat_core::ports::{Broker, MarketData};
use copycat_local::QueuePorts;
use copycat_state::{Base, Reporting, Sender};
use discovery::DiscoveryDeps;
use health_check::HealthDeps;
use signal_copier::CopierDeps;
use signal_poller::PollerDeps;
use std::ops::Deref;
use std::sync::Arc;

/// One deps value per function, over the same store, queues, clock, metrics and venue.
#[derive(Clone)]
pub struct FunctionDeps {
    /// What every function has (config, store, clock, metrics).
    pub base: Base,
    /// discovery's.
    pub discovery: DiscoveryDeps,
    /// bot-filter's.
    pub bot_filter: BotFilterDeps,
    /// signal-poller's.
    pub poller: PollerDeps,
    /// signal-copier's (the only one with the broker).
    pub copier: CopierDeps,
    /// health-check's.
    pub health: HealthDeps,
}

impl FunctionDeps {
    /// Each function's deps from `base`, the `queues`, market data and the broker.
    pub fn new(base: Base, queues: &QueuePorts, market: Arc<dyn MarketData>, broker: Arc<dyn Broker>) -> Self {
        let reporting = Reporting { base: base.clone(), notifications: Sender::new(queues.notifications.clone()) };
        FunctionDeps {
            discovery: DiscoveryDeps {
                reporting: reporting.clone(),
                market: market.clone(),
                candidates: Sender::new(queues.candidates.clone()),
            },
            bot_filter: BotFilterDeps { reporting: reporting.clone(), market: market.clone() },
            poller: PollerDeps {
                reporting: reporting.clone(),
                market: market.clone(),
                signals: Sender::new(queues.signals.clone()),
                chain: None,
            },
            copier: CopierDeps { reporting: reporting.clone(), market: market.clone(), broker },
            health: HealthDeps { reporting, market },
            base,
        }
    }

    /// The notifier's deps: its base alone.
    pub fn notifier(&self) -> &Base {
        &self.base
    }
}

/// `deps.store`, `deps.config`, … read the shared base.
impl Deref for FunctionDeps {
    type Target = Base;
    fn deref(&self) -> &Base {
        &self.base
    }
}
