#!/usr/bin/env python3
"""Seeds each fuzz target's corpus from the repository's fixtures.

fuzz/corpus/<target>/ gets: rows and pages built from tests/fixtures/wallets (real-shaped Data API
trade pages), the SQS bodies of events/*.json, the ```toml blocks of README.md, and the shapes
the parsers' unit tests use (v1 and v2 Data API rows, Gamma's string-encoded arrays, CLOB books
and replies, EventBridge events). libFuzzer mutates from there.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "fuzz" / "corpus"


def put(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, (dict, list)):
        data = json.dumps(data)
    if isinstance(data, str):
        data = data.encode()
    (d / name).write_bytes(data)


wallet_files = sorted((root / "tests" / "fixtures" / "wallets").glob("0x*.json"), key=lambda p: p.stat().st_size)[:12]
rows = []
for i, f in enumerate(wallet_files):
    text = f.read_text()
    doc = json.loads(text)
    page = doc["data"] if isinstance(doc, dict) else doc
    put("data_api_trades", f"wallet{i}.json", {"data": page[:40], "pagination": {"has_more": True, "next_cursor": "c1"}})
    put("data_api_trades", f"wallet{i}_v1.json", page[:20])
    rows.extend(page[:5])

wallets = sorted({r.get("proxy_wallet") or r.get("proxyWallet") for r in rows if isinstance(r, dict)})
lb_v2 = [{"user_id": w, "user_name": f"u{i}", "rank": str(i + 1), "pnl": str(1000 - i * 7.5), "volume": 99} for i, w in enumerate(wallets)]
lb_v1 = [{"proxyWallet": w, "userName": f"u{i}", "rank": i + 1, "pnl": 1000 - i} for i, w in enumerate(wallets)]
put("data_api_leaderboard", "v2.json", {"data": lb_v2, "pagination": {"has_more": False, "next_cursor": ""}})
put("data_api_leaderboard", "v1.json", lb_v1)

pos_v2, pos_v1, closed_v1, markets = [], [], [], {}
for r in rows:
    tok, cond = r.get("token_id") or r.get("asset"), r.get("condition_id") or r.get("conditionId")
    pos_v2.append({"condition_id": cond, "token_id": tok, "status": "OPEN", "current_size": r["size"], "avg_price": r["price"],
                   "realized_pnl": "0", "unrealized_pnl": "-1.5"})
    pos_v1.append({"conditionId": cond, "asset": tok, "size": float(r["size"]), "avgPrice": float(r["price"]), "realizedPnl": 0,
                   "cashPnl": 1.25, "redeemable": False})
    closed_v1.append({"proxyWallet": r.get("proxy_wallet"), "asset": tok, "conditionId": cond, "avgPrice": float(r["price"]),
                      "totalBought": 120, "realizedPnl": 31.2, "curPrice": 1, "outcome": r.get("outcome", "Yes")})
    markets.setdefault(cond, set()).add(tok)
put("data_api_positions", "v2.json", {"data": pos_v2, "pagination": {"has_more": False}})
put("data_api_positions", "v1.json", pos_v1)
put("data_api_positions", "closed_v1.json", closed_v1)

gamma = []
for i, (cond, toks) in enumerate(sorted(markets.items())):
    toks = sorted(toks) + ["1"] * (2 - len(toks))
    gamma.append({"conditionId": cond, "question": f"Market {i}?", "outcomes": "[\"Yes\", \"No\"]",
                  "outcomePrices": ["[\"0.4\", \"0.6\"]", "[\"0\", \"1\"]", "[\"0\", \"0\"]"][i % 3], "clobTokenIds": json.dumps(toks[:2]),
                  "orderPriceMinTickSize": 0.01, "orderMinSize": "5", "endDate": "2026-12-31T00:00:00Z", "closed": i % 3 != 0,
                  "acceptingOrders": i % 3 == 0, "liquidity": "1234.5", "version": 1 + i % 2})
put("gamma_markets", "markets.json", gamma)
put("gamma_markets", "one.json", gamma[:1])

put("clob_book", "book.json", {"market": "0xc1", "asset_id": "111", "bids": [{"price": "0.40", "size": "10"}, {"price": "0.45", "size": "3"}],
                               "asks": [{"price": "0.60", "size": "5"}, {"price": "0.55", "size": "7"}], "tick_size": "0.01"})
put("clob_book", "empty.json", {"asset_id": "1", "bids": [], "asks": None})
for name, body in [("price", {"price": "0.52"}), ("mid", {"mid": 0.5}), ("tick", {"minimum_tick_size": "0.001"}), ("fee", {"base_fee": 30})]:
    put("clob_numbers", f"{name}.json", body)

for i, (status, body) in enumerate([
    (0, {"success": True, "status": "matched", "orderID": "0xabc", "makingAmount": "5.2", "takingAmount": "10"}),
    (0, {"success": True, "status": "unmatched", "orderID": "0xabc"}),
    (2, {"error": "not enough balance / allowance", "errorCode": "INSUFFICIENT"}),
    (0, {"success": False, "errorMsg": "order size lower than the minimum"}),
]):
    put("order_placement_reply", f"reply{i}", bytes([status]) + json.dumps(body).encode())
for i, (status, body) in enumerate([
    (0, {"id": "0x1", "status": "ORDER_STATUS_MATCHED", "size_matched": "10", "price": "0.52"}),
    (0, {"id": "0x1", "status": "LIVE", "size_matched": "0", "price": "0.5"}),
    (0, {"id": "0x1", "status": "CANCELED", "size_matched": "", "price": "0.5"}),
    (1, "null"),
]):
    put("order_lookup_reply", f"reply{i}", bytes([status]) + (body if isinstance(body, str) else json.dumps(body)).encode())

# A node's answers: eth_getLogs with an OrderFilled log shaped as copycat_chain::logs::encode_log
# writes it (the V2 exchange, the event's topic, maker and taker topics, seven data words), a block
# number, and an error object.
def word(n):
    return f"{n:064x}"
maker, taker = "11" * 20, "22" * 20
log = {"address": "0xe111180000d2663c0091e4f400237545b87b996b",
       "topics": ["0xd543adfd945773f1a62f74f0ee55a5e3b9b1a28262980ba90b1a89f2ea84d8ee", "0x" + word(7), "0x" + "0" * 24 + maker, "0x" + "0" * 24 + taker],
       "data": "0x" + word(0) + word(1001) + word(5_200_000) + word(10_000_000) + word(0) + word(0) + word(0),
       "blockNumber": "0x10", "blockHash": "0x" + "ab" * 32, "transactionHash": "0x" + "cd" * 32, "logIndex": "0x0", "removed": False}
put("chain_rpc_reply", "logs.json", {"jsonrpc": "2.0", "id": 1, "result": [log, dict(log, logIndex="0x1", data="0x" + word(1) + word(1001) + word(10_000_000) + word(4_800_000) + word(20_000) + word(0) + word(0))]})
put("chain_rpc_reply", "head.json", {"jsonrpc": "2.0", "id": 1, "result": "0x4b7"})
put("chain_rpc_reply", "error.json", {"jsonrpc": "2.0", "id": 1, "error": {"code": -32005, "message": "query returned more than 10000 results"}})

put("control_command", "slack.form", "token=x&team_id=T1&user_id=U024BE7LH&user_name=ana&command=%2Fcopycat&text=stop+the+venue+looks%20wrong")
put("control_command", "discord.json", {"type": 2, "id": "1", "data": {"name": "copycat", "options": [{"type": 1, "name": "stop", "options": [{"type": 3, "name": "reason", "value": "venue down"}]}]}})
put("control_command", "status.txt", "/status@CopyCatBot")

for fixture, target in [("bot-filter.json", "queue_candidates"), ("signal-copier.json", "queue_signals"), ("notifier.json", "queue_notifications")]:
    event = json.loads((root / "events" / fixture).read_text())
    for i, rec in enumerate(event["Records"]):
        put(target, f"{fixture}.{i}", rec["body"])

for i, block in enumerate(re.findall(r"```toml\n(.*?)```", (root / "README.md").read_text(), re.S)):
    put("config_toml_env", f"readme{i}.toml", block)
put("config_toml_env", "env.toml", "[risk]\nmax_open_positions = 9\n\n---\nCOPYCAT__RISK__MAX_OPEN_POSITIONS=3\nCOPYCAT__POLLER__LEASE_SECS=90\n")
put("config_toml_env", "modes.toml", "[[modes.tiers]]\nname = \"ONLY\"\nordinal = 0\nmin_balance = \"0\"\nposition_pct = \"0.5\"\n"
    "kelly_fraction = \"0.5\"\nmax_drawdown = \"0.3\"\ndrawdown_ladder = [{at = \"0.1\", multiplier = \"0.5\"}]\n")

put("webhook_reply", "discord429", "1.5\n2\n{\"message\": \"You are being rate limited.\", \"retry_after\": 0.64, \"global\": false}")
put("webhook_reply", "slack", "30\n\ninvalid_payload")

for name in ["discovery.json", "health-check.json", "signal-poller.json"]:
    put("schedule_input", name, (root / "events" / name).read_text())
put("schedule_input", "rule.json", {"version": "0", "id": "1", "detail-type": "Scheduled Event", "source": "aws.events", "detail": {}})
put("schedule_input", "scheduler.json", {"detail-type": "Scheduled Event", "source": "aws.scheduler", "detail": "{\"max_polls\": 1}"})
print(f"seeded {sum(1 for _ in out.rglob('*') if _.is_file())} files under {out}")
