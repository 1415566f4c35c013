#!/usr/bin/env bash
# Lambda build and run tools for CopyCat, from PyPI, in infra/.venv-lambda:
#   bash infra/lambda-tools.sh install   install cargo-lambda and ziglang when missing
#   bash infra/lambda-tools.sh path      print the directory to put on PATH (cargo lambda …)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv-lambda"

install() {
  if [ -x "$venv/bin/cargo-lambda" ] && [ -x "$venv/bin/python-zig" ]; then return 0; fi
  # Several test processes may ask at once: one installs, the others wait for it.
  exec 9>"$here/.lambda-tools.lock"
  flock 9
  if [ -x "$venv/bin/cargo-lambda" ] && [ -x "$venv/bin/python-zig" ]; then return 0; fi
  echo "installing cargo-lambda and ziglang into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check cargo-lambda ziglang
}

case "${1:-}" in
  install) install ;;
  path) install; echo "$venv/bin" ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
