#!/usr/bin/env bash
# Runs every check and test CopyCat has: formatting, lints, the whole workspace test suite.
# Installs what the tests need by itself when missing: cargo-nextest; Debian's chromium (the
# report's rendering test); moto in infra/.venv (the
# AWS backend's emulator); cfn-lint and SAM CLI in infra/.venv-sam; cargo-lambda in
# infra/.venv-lambda (the function binaries run under `cargo lambda watch` in the tests);
# cargo-deny and cargo-fuzz (the fuzz targets build with RUSTC_BOOTSTRAP=1 on stable).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy with the live broker (feature live)"
cargo clippy -p copycat-polymarket --all-targets --features live --locked -- -D warnings

step "cargo clippy with redemption signing (copycat-chain fake-node, health-check redeem)"
cargo clippy -p copycat-chain --all-targets --features fake-node --locked -- -D warnings
cargo clippy -p health-check --all-targets --features redeem --locked -- -D warnings

step "rustdoc: the API docs build and every intra-doc link resolves (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked -p copycat-polymarket --features live

if ! cargo deny --version >/dev/null 2>&1; then
  step "installing cargo-deny"
  cargo install cargo-deny --locked
fi

step "cargo deny: licenses, bans, sources over every feature (deny.toml; advisories need the RustSec database from GitHub)"
cargo deny --log-level error check licenses bans sources

if ! cargo nextest --version >/dev/null 2>&1; then
  step "installing cargo-nextest"
  cargo install cargo-nextest --locked
fi

if ! command -v chromium >/dev/null 2>&1; then
  step "installing chromium (the report test renders the page in headless Chromium)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }
  else sudo apt-get install -y chromium || { sudo apt-get update && sudo apt-get install -y chromium; }; fi
fi

step "SAM template: cfn-lint (zero errors and warnings) and sam validate --lint"
bash infra/sam.sh validate

step "cargo-lambda (infra/.venv-lambda)"
bash infra/lambda-tools.sh install

step "AWS emulator (moto server in infra/.venv)"
bash infra/emulator.sh install
# One emulator for the whole run (nextest runs each test in its own process); the AWS tests
# start their own when COPYCAT_AWS_ENDPOINT is unset.
COPYCAT_AWS_ENDPOINT="$(bash infra/emulator.sh start)"
export COPYCAT_AWS_ENDPOINT
trap 'bash infra/emulator.sh stop "$COPYCAT_AWS_ENDPOINT"' EXIT

step "doc tests"
cargo test --workspace --locked --doc --quiet

step "tests (cargo nextest)"
cargo nextest run --workspace --locked --no-fail-fast

step "fuzzing: every parser of outside input, a few seconds each (scripts/fuzz.sh; longer runs in RELIABILITY.md)"
bash scripts/fuzz.sh 2

step "live broker tests (cargo nextest, feature live: the unit tests, tests/live_broker.rs and tests/signature_types.rs; the rest ran above)"
cargo nextest run -p copycat-polymarket --features live --locked --no-fail-fast --lib --test live_broker --test signature_types

step "redemption tests (cargo nextest, copycat-chain feature fake-node: RLP, signing, the redeem calls and the checking fake node)"
cargo nextest run -p copycat-chain --features fake-node --locked --no-fail-fast

if command -v npm >/dev/null 2>&1; then
  step "redemption on a real EVM (scripts/real-evm.sh: ganache, the real ConditionalTokens and Safe 1.3.0 from npm)"
  bash scripts/real-evm.sh
fi
