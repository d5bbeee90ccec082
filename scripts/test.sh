#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite offscreen through ctest.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh

export QT_QPA_PLATFORM=offscreen
# Tests must not read or write the operator's settings.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

ctest --preset dev -j "$(nproc)" "$@"

# The SSE parser and the decoder under libFuzzer with ASan/UBSan, briefly: a regression that
# crashes on odd input, or makes chunking change what the parser sees, fails the run.
scripts/fuzz.sh "${VANTAGE_FUZZ_SECONDS:-20}"
