#!/usr/bin/env bash
# Research query benchmark: one bounded run on 127.0.0.1 (a few minutes with the defaults, once built).
#
# Generates a year of one-minute readings for DEVICES bench devices × 2 quantities (50 × 2 = 100 sensors, 52.6 million
# readings) into a DuckDB file with the store's own schema and a bench registry, times DuckDB's own SQL on that file
# (the baseline), then starts `urbansensing run --devices 0` on it and times the same questions through the HTTP API:
#   hourly means of one district over the range, daily maxima of every sensor on Paris days, one month raw as
#   Parquet and as CSV. Each figure is the best of three. Prints a Markdown table with the ratios the targets use.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

DAYS=${DAYS:-365}
DEVICES=${DEVICES:-50}
DISTRICT=${DISTRICT:-Fives}
MONTH=${MONTH:-2025-06}
NO_BUILD=${NO_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
fail() { say "error: $*"; exit 1; }
[[ $DAYS =~ ^[0-9]+$ ]] && [ "$DAYS" -ge 31 ] && [ "$DAYS" -le 366 ] || fail "DAYS must be from 31 to 366"
[[ $DEVICES =~ ^[0-9]+$ ]] && [ "$DEVICES" -ge 1 ] && [ "$DEVICES" -le 500 ] || fail "DEVICES must be from 1 to 500"
[[ $MONTH =~ ^2025-(0[1-9]|1[0-2])$ ]] || fail "MONTH must be a month of 2025 (the data starts on 2025-01-01), such as 2025-06"
for tool in curl jq; do command -v $tool >/dev/null || fail "$tool is needed"; done

tool_dll=$repo/bench/UrbanSensing.Bench.Queries/bin/Release/net10.0/urbansensing-bench-queries.dll
cli_dll=$repo/cli/UrbanSensing.Cli/bin/Release/net10.0/urbansensing.dll
if [ "$NO_BUILD" != 1 ]; then
  for project in bench/UrbanSensing.Bench.Queries cli/UrbanSensing.Cli; do
    say "building $project"
    dotnet build "$project" -c Release --nologo -v q >/dev/null || fail "build of $project failed"
  done
fi

work=$(mktemp -d /tmp/urbansensing-queries.XXXXXX)
service=
cleanup() {
  if [ -n "$service" ]; then kill -TERM "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  if [ "$KEEP_WORK" = 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

say "generating $DAYS days × $DEVICES devices × 2 quantities into $work/year.duckdb"
generated=$(dotnet "$tool_dll" generate "$work/year.duckdb" "$work/registry" "$DEVICES" "$DAYS")
readings=$(jq -r .readings <<<"$generated")
say "$readings readings in $(jq -r '.seconds | floor' <<<"$generated") s; timing DuckDB's own SQL"
baseline=$(dotnet "$tool_dll" baseline "$work/year.duckdb" "$DISTRICT" "$MONTH" "$work")

api_port=$(free_port)
broker_port=$(free_port)
URBANSENSING_Registry__SitesPath="$work/registry/sites.geojson" URBANSENSING_Registry__DevicesPath="$work/registry/devices.json" \
  dotnet "$cli_dll" run --devices 0 --data "$work/year.duckdb" --port "$api_port" --broker-port "$broker_port" >"$work/service.log" 2>&1 &
service=$!
api=http://127.0.0.1:$api_port
for _ in $(seq 120); do curl -fsS "$api/api/v1/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$api/api/v1/health/live" >/dev/null || fail "the service did not start: $(tail -n 5 "$work/service.log")"

from=2025-01-01T00:00:00Z
to=$(date -u -d "2025-01-01 + $DAYS days" +%Y-%m-%dT%H:%M:%SZ)
month_from=${MONTH}-01T00:00:00Z
month_to=$(date -u -d "${MONTH}-01 + 1 month" +%Y-%m-%dT%H:%M:%SZ)
# best URL: the best of three total times of one request, its body saved once to check its rows.
best() {
  local url=$1 body=$2 best="" time
  for _ in 1 2 3; do
    time=$(curl -fsS -o "$body" -w '%{time_total}' "$url") || fail "request failed: $url"
    best=$(awk -v a="$best" -v b="$time" 'BEGIN { if (a == "" || b < a) print b; else print a }')
  done
  echo "$best"
}
say "timing the API"
hourly=$(best "$api/api/v1/readings?district=$DISTRICT&quantity=air-temperature&window=1h&aggregate=mean&from=$from&to=$to&format=csv" "$work/hourly.csv")
daily=$(best "$api/api/v1/readings?window=1d&aggregate=max&tz=Europe/Paris&from=$from&to=$to&format=csv" "$work/daily.csv")
parquet=$(best "$api/api/v1/readings?from=$month_from&to=$month_to&format=parquet" "$work/month.parquet")
csv=$(best "$api/api/v1/readings?from=$month_from&to=$month_to&format=csv" "$work/month.csv")
month_rows=$(jq -r .month_rows <<<"$baseline")
csv_rows=$(($(wc -l <"$work/month.csv") - 1))
[ "$csv_rows" = "$month_rows" ] || fail "the API's month has $csv_rows rows, DuckDB counts $month_rows"

b() { jq -r ".$1" <<<"$baseline"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
echo "## Research query benchmark, $(date -u +'%Y-%m-%d %H:%M') UTC"
echo
echo "Command: \`DAYS=$DAYS DEVICES=$DEVICES DISTRICT=$DISTRICT MONTH=$MONTH bench/queries.sh\`; $readings readings ($DEVICES devices × 2 quantities, one a minute); commit $(git rev-parse --short HEAD)."
echo
echo "| question | DuckDB's own SQL s | through the API s | API ÷ SQL | target |"
echo "|---|---:|---:|---:|---|"
echo "| hourly means of $DISTRICT's air temperature over the range | $(b hourly_district) | $hourly | $(ratio "$hourly" "$(b hourly_district)") | ≤ 1.5 |"
echo "| daily maxima of every sensor, Paris days (SQL: \`AT TIME ZONE\`) | $(b daily_max_paris) | $daily | $(ratio "$daily" "$(b daily_max_paris)") | ≤ 1.5, and < 2 s |"
echo "| daily maxima of every sensor, UTC days, no zone (reference) | $(b daily_max_utc) | - | - | - |"
echo "| one month raw ($month_rows rows) to Parquet | $(b month_parquet) | $parquet | $(ratio "$parquet" "$(b month_parquet)") | ≤ 1.5, ≥ 4,000,000 rows/s |"
echo "| one month raw ($month_rows rows) to CSV | $(b month_csv) | $csv | $(ratio "$csv" "$(b month_csv)") | ≤ 1.5, ≥ 4,000,000 rows/s |"
echo
echo "Export rates: API Parquet $(rate "$month_rows" "$parquet") rows/s, API CSV $(rate "$month_rows" "$csv") rows/s; DuckDB COPY Parquet $(rate "$month_rows" "$(b month_parquet)") rows/s, CSV $(rate "$month_rows" "$(b month_csv)") rows/s."
