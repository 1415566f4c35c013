#!/usr/bin/env bash
# Runs every check and test CopyCat has: formatting, lints, the whole workspace test suite.
# Installs what the tests need by itself (cargo-nextest when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

if ! cargo nextest --version >/dev/null 2>&1; then
  step "installing cargo-nextest"
  cargo install cargo-nextest --locked
fi

step "doc tests"
cargo test --workspace --locked --doc --quiet

step "tests (cargo nextest)"
cargo nextest run --workspace --locked --no-fail-fast
