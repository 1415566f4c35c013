#!/usr/bin/env bash
# Cold start of every function binary vs a hello-world lambda_runtime binary, both release
# builds of this machine's target: time from process start to the first
# GET /runtime/invocation/next on a local stand-in for the Lambda runtime API, the AWS backend
# pointed at the local emulator (started here, stopped on exit). Each function's TLS warm-up (from
# the cold_start line it writes on stderr, see copycat_aws::ColdStart) is reported separately, and
# its time without it. Honours CARGO_TARGET_DIR. Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p discovery -p bot-filter -p signal-poller -p signal-copier -p health-check -p notifier
cargo build --release --locked -p copycat-lambda-harness --example hello_lambda --example cold_start
bash infra/emulator.sh install
COPYCAT_AWS_ENDPOINT="$(bash infra/emulator.sh start)"
export COPYCAT_AWS_ENDPOINT
trap 'bash infra/emulator.sh stop "$COPYCAT_AWS_ENDPOINT"' EXIT
bin="${CARGO_TARGET_DIR:-target}/release"
"$bin/examples/cold_start" "$@" "$bin/examples/hello_lambda" \
  "$bin/discovery" "$bin/bot-filter" "$bin/signal-poller" "$bin/signal-copier" "$bin/health-check" "$bin/notifier"
