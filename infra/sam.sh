#!/usr/bin/env bash
# The SAM template's offline tools, in their own venv (infra/.venv-sam; aws-sam-cli pins its own
# boto and cfn-lint versions, so it stays apart from the emulator's venv).
#   bash infra/sam.sh install    install aws-sam-cli and cfn-lint into infra/.venv-sam when missing
#   bash infra/sam.sh validate   cfn-lint template.yaml (zero errors AND warnings), then
#                                sam validate --lint; offline, no AWS credentials needed
#   bash infra/sam.sh sam ARGS   run the venv's sam (e.g. `bash infra/sam.sh sam build`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv-sam"

# Both tools need a region (not credentials) to load the resource specs.
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
export SAM_CLI_TELEMETRY=0

install() {
  if [ -x "$venv/bin/sam" ] && [ -x "$venv/bin/cfn-lint" ]; then return 0; fi
  echo "installing aws-sam-cli and cfn-lint into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check aws-sam-cli cfn-lint
}

validate() {
  install
  cd "$root"
  # cfn-lint exits non-zero on warnings too (exit code 4 for warnings, 2 for errors).
  "$venv/bin/cfn-lint" --format parseable template.yaml
  echo "cfn-lint: template.yaml has no errors and no warnings"
  "$venv/bin/sam" validate --lint --template-file template.yaml --region "$AWS_DEFAULT_REGION"
}

case "${1:-}" in
  install) install ;;
  validate) validate ;;
  sam) shift; install; cd "$root"; exec "$venv/bin/sam" "$@" ;;
  *) echo "usage: $0 install|validate|sam ARGS" >&2; exit 2 ;;
esac
