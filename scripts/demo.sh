#!/usr/bin/env bash
# Installs what is missing, builds, and opens the dashboard on the bundled demo.
# Without a display it saves a screenshot of the running demo instead.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/bin/vantage --demo "$@"
fi

echo "No display found: running the demo offscreen and saving build/demo.png"
QT_QPA_PLATFORM=offscreen build/bin/vantage --demo --size 1920x1080 --screenshot build/demo.png --after 6 "$@"
echo "Saved build/demo.png (run from a desktop session to open the window)"
