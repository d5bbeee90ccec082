#!/usr/bin/env bash
# Configures (once) and builds the dev preset into build/. Binaries land in build/bin/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f build/build.ninja ]; then
  cmake --preset dev
fi
cmake --build --preset dev -j "$(nproc)"
