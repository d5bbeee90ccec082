#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks, printing each against the peer or floor
# measured in the same run. Medians over repeated runs: the machine is shared and noisy.
#   BENCH_BUILD_DIR   build directory (default build-release), configured with the release preset
#   BENCH_REPETITIONS decoder and dashboard repetitions (default 7)
#   E2E_REPETITIONS   end-to-end floor/pipeline pairs (default 5)
#   E2E_DURATION      seconds each end-to-end client is measured (default 5)
#   REPLAY_REPETITIONS replay repetitions of line count, index, replay and seek runs (default 5)
#   REPLAY_SEEKS      seeks in each seek run (default 20)
#   REPLAY_LINES      lines of the generated replay log (default 1000000, about 400 MB in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
build="${BENCH_BUILD_DIR:-build-release}"
if [ ! -f "$build/build.ninja" ]; then
  cmake --preset release -B "$build"
fi
cmake --build "$build" -j "$(nproc)" --target decoder_bench dashboard_bench ingest_e2e replay_e2e map_bench

repetitions="${BENCH_REPETITIONS:-7}"
out="$(mktemp)"
dashboard="$(mktemp)"
e2e="$(mktemp)"
replay="$(mktemp)"
map="$(mktemp)"
trap 'rm -f "$out" "$dashboard" "$e2e" "$replay" "$map"' EXIT
"$build/bin/decoder_bench" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true | tee "$out"

# items_per_second of a median row in a Google Benchmark report, e.g. "items_per_second=576.033k/s".
#   rate REPORT BENCHMARK
rate() {
  awk -v name="$2_median" '$1 == name {
    for (i = 1; i <= NF; ++i) if ($i ~ /^items_per_second=/) {
      v = $i; sub(/^items_per_second=/, "", v); sub(/\/s$/, "", v);
      m = 1; if (v ~ /k$/) m = 1e3; if (v ~ /M$/) m = 1e6; if (v ~ /G$/) m = 1e9;
      sub(/[kMG]$/, "", v); print v * m; exit } }' "$1"
}
ours="$(rate "$out" BM_SimdjsonDecoder)"
peer="$(rate "$out" BM_QJsonDocumentParseOnly)"
decoder="$(awk -v a="$ours" -v b="$peer" 'BEGIN {
  printf "decoder: %.0f frames/s (%.2f us/frame); QJsonDocument parse only: %.0f frames/s; ratio %.2fx",
         a, 1e6 / a, b, a / b }')"
printf '\n%s\n\n' "$decoder"

# DashboardModels::applyBatch on the demo log in 64-message batches: the default client-side alert
# rules against none. The two take turns (random interleaving), so load changes hit both alike.
"$build/bin/dashboard_bench" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true --benchmark_enable_random_interleaving=true | tee "$dashboard"
rules="$(rate "$dashboard" BM_ApplyBatches_DefaultRules)"
bare="$(rate "$dashboard" BM_ApplyBatches_NoRules)"
alertRules="$(awk -v a="$rules" -v b="$bare" 'BEGIN {
  printf "dashboard: default alert rules: %.0f messages/s (%.3f us/message); no rules: %.0f messages/s; ratio %.3fx",
         a, 1e6 / a, b, a / b }')"
printf '\n%s\n\n' "$alertRules"

# End to end: vantage-relay -> bare QWebSocket floor (a) and vantage --headless (b), alternated.
"$build/bin/ingest_e2e" --repetitions "${E2E_REPETITIONS:-5}" --duration "${E2E_DURATION:-5}" | tee "$e2e"

# Replay: a generated log (deleted afterwards); a line count (a), the replay index (b),
# vantage --headless --replay --speed max (c), and the index with seek points (d) then seeks (e) in one
# process, alternated.
"$build/bin/replay_e2e" --repetitions "${REPLAY_REPETITIONS:-5}" --lines "${REPLAY_LINES:-1000000}" \
  --seeks "${REPLAY_SEEKS:-20}" | tee "$replay"

# Activity map: paint time at 1920x1080 offscreen of the cached basemap (a) against 10,000 live
# markers in dots and heat mode (b), alternated in one process.
QT_QPA_PLATFORM=offscreen "$build/bin/map_bench" | tee "$map"

printf '\nratios\n%s\n%s\n' "$decoder" "$alertRules"
grep -E '^ingest_e2e: (floor|pipeline|relay) ' "$e2e"
grep -E '^replay_e2e: (index|line count|peak RSS|seek) ' "$replay"
grep -E '^summary: ' "$map" | sed 's/^/map_bench: /'
