//! A deterministic, seeded Polymarket: markets, books, wallets with ground truth, outages; MarketData and a paper Broker
