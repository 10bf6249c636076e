#!/usr/bin/env bash
# Analytics benchmark: one bounded run in this process alone (about a minute once built), no services.
#
# Generates 500 sites around Lille (5 of them reference sites) with a year of hourly mean air temperatures each, in
# memory from a fixed seed, then times, after warm-ups and interleaved with their baselines:
#   the heat-island computation of `urbansensing analyze uhi` (hourly series, each urban site's hourly heat island,
#   its daily and nocturnal summaries, the command's report rows, the zones and districts) against a hand-written
#   array loop doing the same sums; inverse distance weighting of 500 stations onto 200 × 200 cells (the options of
#   `analyze uhi --map`, and with a 3 km radius and 12 neighbours) and the leave-one-out error, against brute-force
#   loops; and the grid's GeoJSON.
# Prints a Markdown table (best and median of RUNS runs, the targets, the ratios to the baselines), also written to
# $RESULTS. Exits 3 when the library and a baseline disagree.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
WARMUPS=${WARMUPS:-2}
SEED=${SEED:-2025}
NO_BUILD=${NO_BUILD:-0}
RESULTS=${RESULTS:-/tmp/urbansensing-bench/analytics-$(date -u +%Y%m%dT%H%M%SZ).md}

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
fail() { say "error: $*"; exit 1; }
for value in "$RUNS" "$WARMUPS" "$SEED"; do [[ $value =~ ^[0-9]+$ ]] || fail "RUNS, WARMUPS and SEED must be whole numbers"; done
if [ "$RUNS" -lt 1 ] || [ "$RUNS" -gt 50 ]; then fail "RUNS must be from 1 to 50"; fi
if [ "$WARMUPS" -gt 10 ]; then fail "WARMUPS must be from 0 to 10"; fi

project=bench/UrbanSensing.Bench.Analytics
dll=$project/bin/Release/net10.0/urbansensing-bench-analytics.dll
if [ "$NO_BUILD" != 1 ]; then
  say "building $project"
  dotnet build "$project" -c Release --nologo -v q >/dev/null || fail "build of $project failed"
fi

load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
say "running $RUNS runs after $WARMUPS warm-ups"
mkdir -p "$(dirname "$RESULTS")"
status=0
{
  echo "## Analytics benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version);" \
    "commit $(git rev-parse --short HEAD 2>/dev/null || echo -)$(git diff --quiet HEAD -- . ':!bench' ':!docs' 2>/dev/null || echo ' with uncommitted changes')."
  echo
  echo "Command: \`RUNS=$RUNS WARMUPS=$WARMUPS SEED=$SEED bench/analytics.sh\`; load average (1, 5, 15 min) at the start: $load_at_start."
  echo
  dotnet "$dll" --runs "$RUNS" --warmups "$WARMUPS" --seed "$SEED"
} | tee "$RESULTS" || status=$?
say "results written to $RESULTS"
exit "$status"
