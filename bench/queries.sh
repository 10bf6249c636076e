#!/usr/bin/env bash
# Research query benchmark: one bounded run on 127.0.0.1 (a few minutes with the defaults, once built).
#
# Generates a year of one-minute readings for DEVICES bench devices × 2 quantities (50 × 2 = 100 sensors, 52.6 million
# readings) into a DuckDB file with the store's own schema and a bench registry, times DuckDB's own SQL on that file
# (the baseline), then starts `urbansensing run --devices 0` on it and times the same questions through the HTTP API:
#   hourly means of one district over the range, daily maxima of every sensor on Paris days, one month raw as
#   Parquet and as CSV. Each figure is the best of three. Prints a Markdown table with the ratios the targets use.
# With INFLUX=1 (the default) it then copies the same readings into InfluxDB 1.x (Debian package influxdb, started on
# 127.0.0.1 with its own data folder) through the InfluxDB store, and times the same questions in InfluxQL and through
# the API backed by that store, once each (InfluxDB takes tens of seconds on some of them).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

DAYS=${DAYS:-365}
DEVICES=${DEVICES:-50}
DISTRICT=${DISTRICT:-Fives}
MONTH=${MONTH:-2025-06}
NO_BUILD=${NO_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
INFLUX=${INFLUX:-1}

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
influxd=
stop_service() {
  if [ -n "$service" ]; then kill -TERM "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  service=
}
cleanup() {
  stop_service
  if [ -n "$influxd" ]; then kill -TERM "$influxd" 2>/dev/null || true; wait "$influxd" 2>/dev/null || true; fi
  if [ "$KEEP_WORK" = 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

say "generating $DAYS days × $DEVICES devices × 2 quantities into $work/year.duckdb"
generated=$(dotnet "$tool_dll" generate "$work/year.duckdb" "$work/registry" "$DEVICES" "$DAYS")
readings=$(jq -r .readings <<<"$generated")
say "$readings readings in $(jq -r '.seconds | floor' <<<"$generated") s; timing DuckDB's own SQL"
baseline=$(dotnet "$tool_dll" baseline "$work/year.duckdb" "$DISTRICT" "$MONTH" "$work" "$work/registry")

# start_service DATA [VARIABLE=VALUE...]: urbansensing run on the bench registry and DATA, its API at $api.
start_service() {
  local data=$1 api_port broker_port
  shift
  api_port=$(free_port)
  broker_port=$(free_port)
  env URBANSENSING_Registry__SitesPath="$work/registry/sites.geojson" URBANSENSING_Registry__DevicesPath="$work/registry/devices.json" "$@" \
    dotnet "$cli_dll" run --devices 0 --data "$data" --port "$api_port" --broker-port "$broker_port" >"$work/service.log" 2>&1 &
  service=$!
  api=http://127.0.0.1:$api_port
  for _ in $(seq 120); do curl -fsS "$api/api/v1/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$api/api/v1/health/live" >/dev/null || fail "the service did not start: $(tail -n 5 "$work/service.log")"
}
start_service "$work/year.duckdb"

from=2025-01-01T00:00:00Z
to=$(date -u -d "2025-01-01 + $DAYS days" +%Y-%m-%dT%H:%M:%SZ)
month_from=${MONTH}-01T00:00:00Z
month_to=$(date -u -d "${MONTH}-01 + 1 month" +%Y-%m-%dT%H:%M:%SZ)
# best URL BODY [RUNS [curl options...]]: the best of RUNS (3) total times of one request, its body saved to check its rows.
best() {
  local url=$1 body=$2 runs=${3:-3} best="" time
  shift $(($# < 3 ? $# : 3))
  for _ in $(seq "$runs"); do
    time=$(curl -fsS --max-time 900 "$@" -o "$body" -w '%{time_total}' "$url") || fail "request failed: $url"
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
echo "| one month raw ($month_rows rows) to Parquet (SQL: \`SELECT *\`, 8 columns) | $(b month_parquet) | $parquet | $(ratio "$parquet" "$(b month_parquet)") | ≤ 1.5, ≥ 4,000,000 rows/s |"
echo "| the same with the API's 11 columns (SQL: joined with each device's site, district, LCZ) | $(b month_parquet_places) | $parquet | $(ratio "$parquet" "$(b month_parquet_places)") | ≤ 1.5 |"
echo "| one month raw ($month_rows rows) to CSV (SQL: \`SELECT *\`, 8 columns) | $(b month_csv) | $csv | $(ratio "$csv" "$(b month_csv)") | ≤ 1.5, ≥ 4,000,000 rows/s |"
echo "| the same with the API's 11 columns | $(b month_csv_places) | $csv | $(ratio "$csv" "$(b month_csv_places)") | ≤ 1.5 |"
echo
echo "Export rates: API Parquet $(rate "$month_rows" "$parquet") rows/s, API CSV $(rate "$month_rows" "$csv") rows/s; DuckDB COPY Parquet $(rate "$month_rows" "$(b month_parquet)") rows/s, CSV $(rate "$month_rows" "$(b month_csv)") rows/s."

[ "$INFLUX" = 1 ] || exit 0

# --- the same readings and questions on InfluxDB 1.x -----------------------------------------------------------------
stop_service
if [ ! -x /usr/bin/influxd ]; then
  [ "$(id -u)" -eq 0 ] || fail "InfluxDB 1.x is needed: apt-get install influxdb (or INFLUX=0)"
  apt-get install -y -qq influxdb >/dev/null || { apt-get update -qq && apt-get install -y -qq influxdb >/dev/null; }
fi
influx_port=$(free_port)
mkdir -p "$work/influxdb"
cat >"$work/influxdb/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$(free_port)"
[meta]
  dir = "$work/influxdb/meta"
[data]
  dir = "$work/influxdb/data"
  wal-dir = "$work/influxdb/wal"
  query-log-enabled = false
  cache-max-memory-size = "2g"
[http]
  enabled = true
  bind-address = "127.0.0.1:$influx_port"
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[logging]
  level = "error"
CONF
/usr/bin/influxd run -config "$work/influxdb/influxdb.conf" >"$work/influxdb.log" 2>&1 &
influxd=$!
influx=http://127.0.0.1:$influx_port
for _ in $(seq 60); do curl -fsS "$influx/ping" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$influx/ping" >/dev/null || fail "influxd did not start: $(tail -n 5 "$work/influxdb.log")"
influx_version=$(curl -fsSI "$influx/ping" | awk 'tolower($1) == "x-influxdb-version:" { print $2 }' | tr -d '\r')
curl -fsS -XPOST "$influx/query" --data-urlencode "q=CREATE DATABASE bench" >/dev/null

say "copying the readings into InfluxDB $influx_version through the InfluxDB store"
loaded=$(dotnet "$tool_dll" influx "$work/year.duckdb" "$work/registry" "$influx" bench "$DAYS")
[ "$(jq -r .readings <<<"$loaded")" = "$readings" ] || fail "InfluxDB received $(jq -r .readings <<<"$loaded") readings, the file holds $readings"
say "$readings readings in $(jq -r '.seconds | floor' <<<"$loaded") s; timing InfluxQL"

influxql() { echo "$influx/query?db=bench&epoch=ns&chunked=true&chunk_size=10000&q=$(jq -rn --arg q "$1" '$q | @uri')"; }
q_hourly="SELECT mean(value) FROM air WHERE district = '$DISTRICT' AND quantity = 'air-temperature' AND time >= '$from' AND time < '$to' GROUP BY time(1h), device"
q_daily="SELECT max(value) FROM air WHERE time >= '$from' AND time < '$to' GROUP BY time(1d), device, sensor, quantity tz('Europe/Paris')"
q_month="SELECT * FROM air WHERE time >= '$month_from' AND time < '$month_to'"
i_hourly=$(best "$(influxql "$q_hourly")" "$work/influx-hourly.csv" 1 -H 'Accept: application/csv')
i_daily=$(best "$(influxql "$q_daily")" "$work/influx-daily.csv" 1 -H 'Accept: application/csv')
i_csv=$(best "$(influxql "$q_month")" "$work/influx-month.csv" 1 -H 'Accept: application/csv')
influx_month_rows=$(grep -c '^air,' "$work/influx-month.csv" || true)
[ "$influx_month_rows" = "$month_rows" ] || fail "InfluxQL's month has $influx_month_rows rows, DuckDB counts $month_rows"

say "timing the API on the InfluxDB store"
start_service "$work/influx-side.duckdb" URBANSENSING_Storage__Readings=InfluxDb URBANSENSING_Storage__InfluxDb__Url="$influx" \
  URBANSENSING_Storage__InfluxDb__WriteEndpoint=V1 URBANSENSING_Storage__InfluxDb__Database=bench URBANSENSING_Storage__InfluxDb__Timeout=00:15:00
a_hourly=$(best "$api/api/v1/readings?district=$DISTRICT&quantity=air-temperature&window=1h&aggregate=mean&from=$from&to=$to&format=csv" "$work/influx-api-hourly.csv" 1)
a_daily=$(best "$api/api/v1/readings?window=1d&aggregate=max&tz=Europe/Paris&from=$from&to=$to&format=csv" "$work/influx-api-daily.csv" 1)
a_parquet=$(best "$api/api/v1/readings?from=$month_from&to=$month_to&format=parquet" "$work/influx-api-month.parquet" 1)
a_csv=$(best "$api/api/v1/readings?from=$month_from&to=$month_to&format=csv" "$work/influx-api-month.csv" 1)
api_month_rows=$(($(wc -l <"$work/influx-api-month.csv") - 1))
[ "$api_month_rows" = "$month_rows" ] || fail "the API on InfluxDB gives $api_month_rows rows for the month, DuckDB counts $month_rows"
# same_answer A B: "identical", "same to 1e-9" (numbers equal to a relative 1e-9: sums in another order), or how many rows differ.
same_answer() {
  cmp -s "$1" "$2" && { echo identical; return; }
  awk -F, 'NR == FNR { a[FNR] = $0; n = FNR; next }
    { m = FNR; if (a[FNR] == $0) next; k = split(a[FNR], x, ","); if (k != NF) { bad++; next }
      for (i = 1; i <= NF; i++) if (x[i] != $i) {
        if (x[i] ~ /^-?[0-9.eE+-]+$/ && $i ~ /^-?[0-9.eE+-]+$/ && (x[i] - $i) ^ 2 <= 1e-18 * (x[i] ^ 2 + $i ^ 2)) continue
        bad++; next } }
    END { if (n != m) printf "%d rows vs %d\n", n, m; else if (bad) printf "%d of %d rows differ\n", bad, n; else print "same to 1e-9" }' "$1" "$2"
}
same_hourly=$(same_answer "$work/hourly.csv" "$work/influx-api-hourly.csv")
same_daily=$(same_answer "$work/daily.csv" "$work/influx-api-daily.csv")
load_seconds=$(jq -r .seconds <<<"$loaded")

echo
echo "### The same on InfluxDB $influx_version"
echo
echo "The $readings readings were copied through the InfluxDB store's \`/write\` path in $(printf '%.0f' "$load_seconds") s ($(rate "$readings" "$load_seconds") readings/s). One run each."
echo
echo "| question | DuckDB's own SQL s | InfluxQL s | InfluxQL ÷ DuckDB SQL | API on the InfluxDB store s | API on InfluxDB ÷ InfluxQL | CSV answer vs the API on DuckDB |"
echo "|---|---:|---:|---:|---:|---:|---|"
echo "| hourly means of $DISTRICT's air temperature | $(b hourly_district) | $i_hourly | $(ratio "$i_hourly" "$(b hourly_district)") | $a_hourly | $(ratio "$a_hourly" "$i_hourly") | $same_hourly |"
echo "| daily maxima of every sensor, Paris days | $(b daily_max_paris) | $i_daily | $(ratio "$i_daily" "$(b daily_max_paris)") | $a_daily | $(ratio "$a_daily" "$i_daily") | $same_daily |"
echo "| one month raw to Parquet | $(b month_parquet) | - (InfluxDB 1.x has no Parquet) | - | $a_parquet | - | - |"
echo "| one month raw to CSV | $(b month_csv) | $i_csv | $(ratio "$i_csv" "$(b month_csv)") | $a_csv | $(ratio "$a_csv" "$i_csv") | - |"
