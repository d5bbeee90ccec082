#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz preset: clang, ASan + UBSan) into build-fuzz/ and runs
# each for a bounded time on a scratch copy of its seed corpus, so the checked-in corpus
# never changes. Usage: scripts/fuzz.sh [seconds per fuzzer, default 30].
# Exits non-zero when a fuzzer finds a crash, a hang, a leak or a sanitizer error; the
# offending input is kept in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"

cmake --preset fuzz
cmake --build --preset fuzz --target sse_parser_fuzz decoder_fuzz

# UBSan only prints by default; a finding must stop the fuzzer and fail the run.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p build-fuzz/artifacts

status=0
for pair in sse_parser_fuzz:sse decoder_fuzz:decoder; do
  fuzzer="${pair%%:*}"
  corpus="$scratch/${pair##*:}"
  cp -R "tests/fuzz/corpus/${pair##*:}" "$corpus"
  echo "== $fuzzer: ${seconds}s"
  if ! "build-fuzz/bin/$fuzzer" "$corpus" \
      -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/artifacts/$fuzzer-"; then
    echo "== $fuzzer FAILED: see build-fuzz/artifacts/" >&2
    status=1
  fi
done
exit "$status"
