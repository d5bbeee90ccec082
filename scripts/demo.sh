#!/usr/bin/env bash
# Installs what is missing, builds, starts vantage-relay on the bundled demo (127.0.0.1, a free
# port) and opens the dashboard on its WebSocket stream: the same live path a real backend
# takes. Without a display it saves a screenshot of the running dashboard instead.
# Extra arguments go to the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh

relay_log="$(mktemp)"
relay_pid=""
# The dashboard remembers the last stream it used; the demo's throwaway port must not become
# the operator's saved connection, so the demo keeps its settings apart.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
cleanup() {
  if [ -n "$relay_pid" ]; then
    kill "$relay_pid" 2>/dev/null || true
    wait "$relay_pid" 2>/dev/null || true
  fi
  rm -rf "$relay_log" "$XDG_CONFIG_HOME"
}
trap cleanup EXIT

build/bin/vantage-relay --demo --port 0 >"$relay_log" 2>&1 &
relay_pid=$!

# The relay prints "vantage-relay listening on http://127.0.0.1:PORT (epoch E)" once it listens.
port=""
for _ in $(seq 100); do
  port="$(sed -n 's|^vantage-relay listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$relay_log")"
  if [ -n "$port" ] || ! kill -0 "$relay_pid" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "error: vantage-relay did not start:" >&2
  cat "$relay_log" >&2
  exit 1
fi
stream="ws://127.0.0.1:${port}/stream"
echo "vantage-relay is serving the demo at ${stream}"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  build/bin/vantage --url "$stream" "$@"
  exit
fi

echo "No display found: running the dashboard offscreen and saving build/demo.png"
QT_QPA_PLATFORM=offscreen build/bin/vantage --url "$stream" --size 1920x1080 \
  --screenshot build/demo.png --after 10 "$@"
echo "Saved build/demo.png (run from a desktop session to open the window)"
