//! A Polygon node's answers: the JSON-RPC 2.0 envelope, block numbers, and `eth_getLogs`
//! results decoded as `OrderFilled` fills and turned into trades.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let Ok(v) = copycat_chain::rpc::read_response("eth_getLogs", 1, data) else { return };
    let _ = copycat_chain::quantity::decode(&v);
    let Some(rows) = v.as_array() else { return };
    let logs: Vec<_> = rows.iter().filter_map(|l| copycat_chain::logs::decode_log(l).ok()).collect();
    let followed: HashSet<_> = logs.iter().flat_map(|l| [l.maker.clone(), l.taker.clone()]).collect();
    for fill in copycat_chain::logs::leader_fills(&logs, &followed) {
        let t = fill.to_trade(copycat_core::time::from_secs(1_700_000_000));
        assert!(t.size.0 >= rust_decimal::Decimal::ZERO, "a decoded fill's size is never negative: {t:?}");
        assert!(t.price.0 >= rust_decimal::Decimal::ZERO, "a decoded fill's price is never negative: {t:?}");
        assert!(fill.fee() >= rust_decimal::Decimal::ZERO, "a fee is never negative");
    }
});
