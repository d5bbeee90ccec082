#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks, printing each against the peer or floor
# measured in the same run. Medians over repeated runs: the machine is shared and noisy.
#   BENCH_BUILD_DIR   build directory (default build-release), configured with the release preset
#   BENCH_REPETITIONS decoder, dashboard and sparkline repetitions (default 7)
#   E2E_REPETITIONS   end-to-end floor/pipeline pairs (default 5)
#   E2E_DURATION      seconds each end-to-end client is measured (default 5)
#   E2E_LATENCY_RATES latency at these events/s (default 1000,10000,50000; "none" to skip)
#   E2E_LATENCY_DURATION seconds each latency client is measured (default 10)
#   E2E_SOAK_EVENTS   frames of the memory soak, a power of ten (default 10000000; 0 to skip)
#   REPLAY_REPETITIONS replay repetitions of line count, index, replay and seek runs (default 5)
#   REPLAY_SEEKS      seeks in each seek run (default 20)
#   REPLAY_LINES      lines of the generated replay log (default 1000000, about 400 MB in /tmp)
#   STARTUP_REPETITIONS starts of vantage and of a bare QMainWindow each (default 11)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
build="${BENCH_BUILD_DIR:-build-release}"
if [ ! -f "$build/build.ninja" ]; then
  cmake --preset release -B "$build"
fi
cmake --build "$build" -j "$(nproc)" --target decoder_bench dashboard_bench sparkline_bench ingest_e2e replay_e2e \
  map_bench overview_bench startup_bench startup_bare

repetitions="${BENCH_REPETITIONS:-7}"
out="$(mktemp)"
dashboard="$(mktemp)"
sparkline="$(mktemp)"
e2e="$(mktemp)"
replay="$(mktemp)"
map="$(mktemp)"
overview="$(mktemp)"
startup="$(mktemp)"
trap 'rm -f "$out" "$dashboard" "$sparkline" "$e2e" "$replay" "$map" "$overview" "$startup"' EXIT
"$build/bin/decoder_bench" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true | tee "$out"

# A counter of a median row in a Google Benchmark report, e.g. "items_per_second=576.033k/s".
#   rate REPORT BENCHMARK [COUNTER]   (COUNTER: items_per_second unless given)
rate() {
  awk -v name="$2_median" -v counter="${3:-items_per_second}" '$1 == name {
    for (i = 1; i <= NF; ++i) if (index($i, counter "=") == 1) {
      v = substr($i, length(counter) + 2); sub(/\/s$/, "", v);
      m = 1; if (v ~ /k$/) m = 1e3; if (v ~ /M$/) m = 1e6; if (v ~ /G$/) m = 1e9;
      sub(/[kMG]$/, "", v); print v * m; exit } }' "$1"
}
ours="$(rate "$out" BM_SimdjsonDecoder)"
peer="$(rate "$out" BM_QJsonDocumentParseOnly)"
oursBytes="$(rate "$out" BM_SimdjsonDecoder bytes_per_second)"
peerBytes="$(rate "$out" BM_QJsonDocumentParseOnly bytes_per_second)"
decoder="$(awk -v a="$ours" -v b="$peer" -v ab="$oursBytes" -v bb="$peerBytes" 'BEGIN {
  printf "decoder: %.0f frames/s, %.0f MB/s (%.2f us/frame); QJsonDocument parse only: %.0f frames/s, %.0f MB/s; ratio %.2fx",
         a, ab / 1e6, 1e6 / a, b, bb / 1e6, a / b }')"
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

# A health card's sparkline: its line filled as the band a round pen would ink, as Sparkline::paint
# draws it, against the same points stroked with that pen; and the whole paint. 900 samples in
# 296 px and 180 in 230 px, in turns.
QT_QPA_PLATFORM=offscreen "$build/bin/sparkline_bench" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true --benchmark_enable_random_interleaving=true | tee "$sparkline"
sparklines=""
for size in 900/296 180/230; do
  band="$(rate "$sparkline" "BM_SparklineLineBand/$size")"
  pen="$(rate "$sparkline" "BM_SparklineLineRoundPen/$size")"
  whole="$(rate "$sparkline" "BM_SparklinePaint/$size")"
  sparklines="$sparklines${sparklines:+$'\n'}$(awk -v a="$band" -v b="$pen" -v w="$whole" -v size="$size" 'BEGIN {
    split(size, s, "/");
    printf "sparkline: %d samples in %d px: line %.0f us as a band, %.0f us with a round pen, ratio %.2fx; whole sparkline %.0f us",
           s[1], s[2], 1e6 / a, 1e6 / b, a / b, 1e6 / w }')"
done
printf '\n%s\n\n' "$sparklines"

# End to end: vantage-relay -> bare QWebSocket floor (a), vantage --headless (b) and the window
# painting offscreen at 1920x1080 (c), taking turns; then latency at fixed rates, and memory after
# a tenth of the soak's events against all of them.
"$build/bin/ingest_e2e" --repetitions "${E2E_REPETITIONS:-5}" --duration "${E2E_DURATION:-5}" \
  --latency-rates "${E2E_LATENCY_RATES:-1000,10000,50000}" --latency-duration "${E2E_LATENCY_DURATION:-10}" \
  --soak-events "${E2E_SOAK_EVENTS:-10000000}" | tee "$e2e"

# Replay: a generated log (deleted afterwards); a line count (a), the replay index (b), the index
# with the gauges' history as a live session reads its journal (f),
# vantage --headless --replay --speed max (c), and the index with seek points (d) then seeks (e) in one
# process, alternated.
"$build/bin/replay_e2e" --repetitions "${REPLAY_REPETITIONS:-5}" --lines "${REPLAY_LINES:-1000000}" \
  --seeks "${REPLAY_SEEKS:-20}" | tee "$replay"

# Activity map: paint time at 1920x1080 offscreen of the cached basemap (a) against 10,000 live
# markers in dots and heat mode (b), alternated in one process.
QT_QPA_PLATFORM=offscreen "$build/bin/map_bench" | tee "$map"

# The overview at 1920x1080 offscreen with a full feed, every sparkline and 10,000 events on the
# map: a bare QMainWindow (a), a full repaint (b), frames at 50,000 and 10,000 events/s (c, d) and
# the app's own repaint (e), taking turns.
QT_QPA_PLATFORM=offscreen "$build/bin/overview_bench" | tee "$overview"

# Spawn to the first painted frame: vantage on the demo against a bare QMainWindow, taking turns.
"$build/bin/startup_bench" --repetitions "${STARTUP_REPETITIONS:-11}" | tee "$startup"

printf '\nratios\n%s\n%s\n%s\n' "$decoder" "$alertRules" "$sparklines"
grep -E '^ingest_e2e: (floor|window|pipeline|relay|latency|memory) ' "$e2e"
grep -E '^replay_e2e: (index|line count|peak RSS|seek) ' "$replay"
grep -E '^summary: ' "$map" | sed 's/^/map_bench: /'
grep -E '^summary: ' "$overview" | sed 's/^/overview_bench: /'
grep -E '^startup_bench: vantage ' "$startup"
