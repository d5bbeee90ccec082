#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks, printing each against the peer
# measured in the same run. Medians over repeated runs: the machine is shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
if [ ! -f build-release/build.ninja ]; then
  cmake --preset release
fi
cmake --build --preset release -j "$(nproc)" --target decoder_bench

repetitions="${BENCH_REPETITIONS:-7}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
build-release/bin/decoder_bench --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true | tee "$out"

# items_per_second of the median rows, e.g. "items_per_second=576.033k/s".
rate() {
  awk -v name="$1_median" '$1 == name {
    for (i = 1; i <= NF; ++i) if ($i ~ /^items_per_second=/) {
      v = $i; sub(/^items_per_second=/, "", v); sub(/\/s$/, "", v);
      m = 1; if (v ~ /k$/) m = 1e3; if (v ~ /M$/) m = 1e6; if (v ~ /G$/) m = 1e9;
      sub(/[kMG]$/, "", v); print v * m; exit } }' "$out"
}
ours="$(rate BM_SimdjsonDecoder)"
peer="$(rate BM_QJsonDocumentParseOnly)"
awk -v a="$ours" -v b="$peer" 'BEGIN {
  printf "\ndecoder: %.0f frames/s (%.2f us/frame); QJsonDocument parse only: %.0f frames/s; ratio %.2fx\n",
         a, 1e6 / a, b, a / b }'
