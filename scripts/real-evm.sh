#!/usr/bin/env bash
# The redeemer against a real EVM: installs ganache 7.9.2 and the ConditionalTokens and Safe
# 1.3.0 artifacts from npm into infra/.evm (once), starts ganache on a free loopback port with
# chain id 137 and the public Hardhat test key funded, runs shared/chain/tests/real_evm.rs, and
# stops the node it started. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=infra/.evm
if [ ! -x "$dir/node_modules/.bin/ganache" ]; then
  mkdir -p "$dir"
  (cd "$dir" && echo '{"name": "copycat-real-evm", "private": true}' > package.json && npm install --no-audit --no-fund \
    ganache@7.9.2 @gnosis.pm/conditional-tokens-contracts@1.0.3 @gnosis.pm/safe-contracts@1.3.0 >/dev/null)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$dir/node_modules/.bin/ganache" --chain.chainId 137 --server.host 127.0.0.1 --server.port "$port" --logging.quiet \
  --wallet.accounts "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80,0x56BC75E2D63100000" &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -sf -X POST -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' \
    "http://127.0.0.1:$port" >/dev/null && break
  sleep 0.2
done
a="$PWD/$dir/node_modules/@gnosis.pm"
COPYCAT_TEST_EVM_URL="http://127.0.0.1:$port" \
COPYCAT_TEST_CTF_ARTIFACT="$a/conditional-tokens-contracts/build/contracts/ConditionalTokens.json" \
COPYCAT_TEST_SAFE_ARTIFACT="$a/safe-contracts/build/artifacts/contracts/GnosisSafe.sol/GnosisSafe.json" \
COPYCAT_TEST_SAFE_FACTORY_ARTIFACT="$a/safe-contracts/build/artifacts/contracts/proxies/GnosisSafeProxyFactory.sol/GnosisSafeProxyFactory.json" \
  cargo test -p copycat-chain --features signing --locked --test real_evm -- --ignored --test-threads 1
