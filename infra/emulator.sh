#!/usr/bin/env bash
# The local AWS-protocol emulator (moto server) for CopyCat.
#   bash infra/emulator.sh install   install moto into infra/.venv when missing
#   bash infra/emulator.sh start     start moto on 127.0.0.1 and a free port; prints its endpoint
#                                    (export AWS_ENDPOINT_URL=<that>); pid in infra/.venv/moto-<port>.pid
#   bash infra/emulator.sh create    create the table and queues of infra/resources.json on
#                                    $AWS_ENDPOINT_URL (idempotent)
#   bash infra/emulator.sh stop URL  stop the server `start` printed (several runs may share a
#                                    checkout, each with its own server); without URL, stop all
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"

install() {
  if [ -x "$venv/bin/moto_server" ]; then return 0; fi
  echo "installing moto[server] into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]'
}

start() {
  install
  local port
  port="$("$venv/bin/python3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  nohup "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$venv/moto-$port.log" 2>&1 &
  echo $! >"$venv/moto-$port.pid"
  for _ in $(seq 1 150); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/" 2>/dev/null \
       || "$venv/bin/python3" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null; then
      echo "http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.2
  done
  echo "moto server did not answer on port $port; see $venv/moto-$port.log" >&2
  stop "http://127.0.0.1:$port"
  return 1
}

stop() {
  local pidfiles
  if [ -n "${1:-}" ]; then pidfiles="$venv/moto-${1##*:}.pid"; else pidfiles="$(ls "$venv"/moto-*.pid 2>/dev/null || true)"; fi
  for f in $pidfiles; do
    if [ -f "$f" ]; then
      kill "$(cat "$f")" 2>/dev/null || true
      rm -f "$f" "${f%.pid}.log"
    fi
  done
}

create() {
  : "${AWS_ENDPOINT_URL:?set AWS_ENDPOINT_URL to the emulator endpoint (bash infra/emulator.sh start prints it)}"
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
  export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-west-1}"
  cd "$here/.." && cargo run --quiet -p copycat-aws --example create_resources
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop "${2:-}" ;;
  create) create ;;
  *) echo "usage: $0 install|start|stop|create" >&2; exit 2 ;;
esac
