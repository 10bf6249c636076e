#!/usr/bin/env bash
# Ingestion benchmark: one bounded run on 127.0.0.1 (about 3 minutes with the defaults, once built).
#
# Starts its own Mosquitto and VictoriaMetrics on free loopback ports, then, one system under test at a time,
# drives the same load (bench/UrbanSensing.Bench.LoadGenerator) and measures what each system stores:
#   c-clients          4 × mosquitto_pub -l → Mosquitto → mosquitto_sub (the broker's own limit, no .NET at all)
#   mosquitto-sub      load generator → Mosquitto → mosquitto_sub (the rate a consumer that stores nothing reaches)
#   mqttnet-sub        load generator → Mosquitto → one MQTTnet connection set up as ingestion's, acknowledging and
#                      counting each message (what the MQTT client alone costs ingestion)
#   urbansensing       load generator → Mosquitto → urbansensing ingest → DuckDB
#   urbansensing-half  the same at half the rate mosquitto_sub reached, for the latency target
#   naive              load generator → Mosquitto → MQTTnet handler + InfluxDB.Client → VictoriaMetrics
#   node-red           load generator → Mosquitto → Node-RED 4 (mqtt in → function → influxdb batch) → VictoriaMetrics
#   embedded           load generator → urbansensing run --devices 0 (embedded MQTTnet broker) → DuckDB
# and prints a Markdown table of the figures and of the targets' ratios, also written to $RESULTS.
# Parameters are environment variables; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
DEVICES=${DEVICES:-1000}
CONNECTIONS=${CONNECTIONS:-4}
IN_FLIGHT=${IN_FLIGHT:-100}
REPRESENTATION=${REPRESENTATION:-json}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-15}
STALL_SECONDS=${STALL_SECONDS:-5}
C_CLIENT_MESSAGES=${C_CLIENT_MESSAGES:-25000}
HALF_RATE=${HALF_RATE:-}
MOSQUITTO_MAX_INFLIGHT=${MOSQUITTO_MAX_INFLIGHT:-2000}
SYSTEMS=${SYSTEMS:-c-clients mosquitto-sub mqttnet-sub urbansensing urbansensing-half naive node-red embedded}
RESULTS=${RESULTS:-/tmp/urbansensing-bench/ingestion-$(date -u +%Y%m%dT%H%M%SZ).md}
NO_BUILD=${NO_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}

readings_per_message=10
telemetry_filter='urbansensing/v1/devices/+/telemetry'
series_selector='{__name__=~"(air|rain|water|surface)_value",device=~"bench-.*"}'
configuration=Release
load_dll=$repo/bench/UrbanSensing.Bench.LoadGenerator/bin/$configuration/net10.0/urbansensing-load.dll
naive_dll=$repo/bench/UrbanSensing.Bench.NaiveConsumer/bin/$configuration/net10.0/urbansensing-naive-consumer.dll
mqtt_subscriber_dll=$repo/bench/UrbanSensing.Bench.MqttSubscriber/bin/$configuration/net10.0/urbansensing-mqtt-subscriber.dll
cli_dll=${URBANSENSING_DLL:-$repo/cli/UrbanSensing.Cli/bin/$configuration/net10.0/urbansensing.dll}
node_red_dir=$repo/bench/node-red
clock_ticks=$(getconf CLK_TCK)

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
fail() { say "error: $*"; exit 1; }

is_number() { [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; }
for name in DURATION WARMUP DEVICES CONNECTIONS IN_FLIGHT DRAIN_TIMEOUT STALL_SECONDS C_CLIENT_MESSAGES MOSQUITTO_MAX_INFLIGHT; do
  is_number "${!name}" || fail "$name must be a number, not '${!name}'"
done
awk -v d="$DURATION" 'BEGIN { exit !(d > 0 && d <= 120) }' || fail "DURATION must be from 1 to 120 seconds (every run is bounded)"
awk -v d="$WARMUP" 'BEGIN { exit !(d <= 60) }' || fail "WARMUP must be from 0 to 60 seconds"
awk -v d="$DRAIN_TIMEOUT" 'BEGIN { exit !(d <= 120) }' || fail "DRAIN_TIMEOUT must be at most 120 seconds"
[ "$C_CLIENT_MESSAGES" -le 200000 ] || fail "C_CLIENT_MESSAGES must be at most 200000 per publisher"
[ -z "$HALF_RATE" ] || is_number "$HALF_RATE" || fail "HALF_RATE must be a number of messages per second"

# --- prerequisites -------------------------------------------------------------------------------------------
missing=()
for tool in /usr/sbin/mosquitto:mosquitto /usr/bin/mosquitto_sub:mosquitto-clients /usr/bin/mosquitto_pub:mosquitto-clients \
            /usr/bin/victoria-metrics:victoria-metrics /usr/bin/jq:jq /usr/bin/curl:curl; do
  [ -x "${tool%%:*}" ] || missing+=("${tool##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing Debian packages: ${missing[*]}"
  say "installing ${missing[*]}"
  apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
command -v dotnet >/dev/null || fail "the .NET SDK is needed"

work=$(mktemp -d /tmp/urbansensing-bench.XXXXXX)
started=()
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$KEEP_WORK" = 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ "$NO_BUILD" != 1 ]; then
  for project in bench/UrbanSensing.Bench.LoadGenerator bench/UrbanSensing.Bench.NaiveConsumer bench/UrbanSensing.Bench.MqttSubscriber; do
    say "building $project"
    dotnet build "$project" -c $configuration --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "build of $project failed"; }
  done
  if [ -z "${URBANSENSING_DLL:-}" ]; then
    say "building cli/UrbanSensing.Cli"
    dotnet build cli/UrbanSensing.Cli -c $configuration --nologo -v q >"$work/build.log" 2>&1 || { tail -n 20 "$work/build.log" >&2; say "urbansensing did not build: its rows are skipped"; }
  fi
fi
ours_available=0
[ -f "$cli_dll" ] && dotnet "$cli_dll" ingest --help >/dev/null 2>&1 && ours_available=1
embedded_available=0
[ -f "$cli_dll" ] && dotnet "$cli_dll" run --help >/dev/null 2>&1 && embedded_available=1

if [[ " $SYSTEMS " == *" node-red "* ]] && [ ! -d "$node_red_dir/node_modules/node-red-contrib-influxdb" ]; then
  say "installing Node-RED 4 and node-red-contrib-influxdb into bench/node-red"
  npm install --prefix "$node_red_dir" node-red@4 node-red-contrib-influxdb --no-audit --no-fund >"$work/npm.log" 2>&1 || { cat "$work/npm.log" >&2; fail "npm install failed"; }
fi

# --- helpers -------------------------------------------------------------------------------------------------
now() { date +%s.%N; }

# A port no socket uses, below the ephemeral range (32768-60999) that outgoing connections take theirs from.
handed_out=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    [[ $handed_out != *" $port "* ]] || continue
    ss -Htan "sport = :$port" | grep -q . && continue
    handed_out+="$port "
    echo "$port"
    return
  done
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; fails after SECONDS.
wait_for() {
  local deadline
  deadline=$(awk -v n="$(now)" -v s="$1" 'BEGIN { printf "%.3f", n + s }')
  shift
  until "$@" >/dev/null 2>&1; do
    awk -v n="$(now)" -v d="$deadline" 'BEGIN { exit !(n < d) }' || return 1
    sleep 0.2
  done
}

# start NAME COMMAND...: runs COMMAND in the background (stdout and stderr to $work/NAME.out/.err); pid in $last_pid.
start() {
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  last_pid=$!
  started+=("$last_pid")
}

stop() {
  local pid=$1 waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 150 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# CPU seconds (user + system) of a live process, from /proc/PID/stat (fields after the command name).
cpu_seconds() { sed 's/^.*) //' "/proc/$1/stat" | awk -v t="$clock_ticks" '{ printf "%.2f", ($12 + $13) / t }'; }

# CPU seconds the whole machine was busy (all cores), from /proc/stat.
machine_busy_seconds() { awk -v t="$clock_ticks" '$1 == "cpu" { printf "%.3f", ($2 + $3 + $4 + $7 + $8 + $9) / t }' /proc/stat; }

peak_rss_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

to_epoch() { date -d "$1" +%s.%N; }

listening() { ss -Htln "sport = :$1" | grep -q .; }

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# --- the broker and the store ----------------------------------------------------------------------------------
start_mosquitto() {
  mqtt_port=$(free_port)
  cat >"$work/mosquitto.conf" <<EOF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
# Our ingestion keeps up to 2000 messages unacknowledged (Ingestion:MaxInFlightMessages); the broker's default of 20
# would starve its batches. MOSQUITTO_MAX_INFLIGHT changes it.
max_inflight_messages $MOSQUITTO_MAX_INFLIGHT
# A slow consumer's backlog stays at the broker for the whole (bounded) run instead of being dropped at 1000.
max_queued_messages 1000000
set_tcp_nodelay true
sys_interval 1
log_dest stderr
log_type error
log_type warning
EOF
  start mosquitto /usr/sbin/mosquitto -c "$work/mosquitto.conf"
  mosquitto_pid=$last_pid
  wait_for 10 listening "$mqtt_port" || fail "mosquitto did not start: $(cat "$work/mosquitto.err")"
}

stop_mosquitto() { stop "$mosquitto_pid"; }

# Messages Mosquitto dropped since it started ($SYS counter; queue limits reached).
mosquitto_dropped() {
  # shellcheck disable=SC2016 # $SYS is a topic, not a variable.
  timeout 5 mosquitto_sub -p "$mqtt_port" -C 1 -W 4 -t '$SYS/broker/publish/messages/dropped' 2>/dev/null || echo "?"
}

start_victoria_metrics() {
  vm_port=$(free_port)
  vm_url=http://127.0.0.1:$vm_port
  # Many connections (one per HTTP client) need many files; raise the soft limit as far as allowed.
  start victoria-metrics bash -c "ulimit -n 65536 2>/dev/null || ulimit -n \$(ulimit -Hn); exec /usr/bin/victoria-metrics \
    -httpListenAddr 127.0.0.1:$vm_port -storageDataPath '$work/victoria-metrics' -retentionPeriod 100y \
    -dedup.minScrapeInterval 1ms -search.latencyOffset 0s -search.disableCache -loggerLevel WARN"
  vm_pid=$last_pid
  wait_for 20 http_ok "$vm_url/health" || fail "victoria-metrics did not start: $(cat "$work/victoria-metrics.err")"
  say "victoria-metrics on 127.0.0.1:$vm_port, open files limit $(awk '/Max open files/ { print $4 }' "/proc/$vm_pid/limits")"
}

# Readings of the bench devices VictoriaMetrics holds with a time in [FROM, TO] (epoch seconds), duplicates removed.
vm_stored_between() {
  local from=$1 to=$2 window_ms
  curl -fsS --max-time 10 "$vm_url/internal/force_flush" >/dev/null || true
  window_ms=$(awk -v f="$from" -v t="$to" 'BEGIN { printf "%d", (t - f) * 1000 + 1 }')
  curl -fsS --max-time 30 "$vm_url/api/v1/query" \
    --data-urlencode "query=sum(count_over_time(${series_selector}[${window_ms}ms]))" \
    --data-urlencode "time=$to" | jq -r '.data.result[0].value[1] // "0"'
}

# --- progress: readings a system has stored (or received) so far ------------------------------------------------
progress_vm() { curl -fsS --max-time 2 "$vm_url/metrics" | awk '/^vm_rows_inserted_total\{type="influx"\}/ { print $2 }'; }

progress_subscriber() { echo $(($(wc -l <"$work/$1.out") * readings_per_message)); }

progress_counter() { awk -v r="$readings_per_message" '/^received / { n = $2 } END { print n * r }' "$work/$1.err"; }

progress_ours() {
  local value
  value=$(curl -fsS --max-time 2 "http://127.0.0.1:$api_port/metrics" 2>/dev/null \
    | awk '$1 ~ /^urbansensing_ingestion_readings_stored_total($|\{)/ { sum += $2; found = 1 } END { if (found) printf "%.0f", sum }')
  if [ -z "$value" ]; then
    # Before /metrics existed, the health check said how many readings were stored.
    value=$(curl -sS --max-time 2 "http://127.0.0.1:$api_port/api/v1/health" | grep -o '[0-9]* readings stored' | head -n 1 | awk '{ print $1 }')
  fi
  echo "${value:-0}"
}

# poll_progress FILE COMMAND...: appends "epoch value" every 0.25 s until killed.
poll_progress() {
  local file=$1
  shift
  while :; do
    echo "$(now) $("$@" 2>/dev/null || echo -1)" >>"$file"
    sleep 0.25
  done
}

# drain PROGRESS_FILE BASE EXPECTED: after the load, waits until EXPECTED readings are stored ("drained"), the count
# stops moving for STALL_SECONDS ("stalled": the rest is lost) or DRAIN_TIMEOUT passes ("backlog": still storing).
drain() {
  local file=$1 base=$2 expected=$3 started_at last_value=-2 last_change value t
  started_at=$(now)
  last_change=$started_at
  while :; do
    sleep 0.25
    t=$(now) value=-1
    read -r t value < <(tail -n 1 "$file") || true
    value=${value:--1}
    if [ "$value" != "$last_value" ]; then
      last_value=$value
      last_change=$t
    fi
    if awk -v v="$value" -v b="$base" -v e="$expected" 'BEGIN { exit !(v - b >= e) }'; then drain_state=drained; return; fi
    if awk -v n="$(now)" -v c="$last_change" -v s="$STALL_SECONDS" 'BEGIN { exit !(n - c >= s) }'; then drain_state=stalled; return; fi
    if awk -v n="$(now)" -v s="$started_at" -v d="$DRAIN_TIMEOUT" 'BEGIN { exit !(n - s >= d) }'; then drain_state=backlog; return; fi
  done
}

# The first time the progress reached its final value: when the last reading was stored.
done_time() { awk 'NF == 2 && $2 >= 0 { t[NR] = $1; v[NR] = $2; last = $2 } END { for (i = 1; i <= NR; i++) if ((i in v) && v[i] == last) { print t[i]; exit } }' "$1"; }

# histogram_quantile Q BEFORE AFTER: the Q quantile (seconds) of the end-to-end lag histogram between two scrapes,
# interpolated within its bucket as Prometheus' histogram_quantile does; "> B s" when above the last bound.
histogram_quantile() {
  local q=$1 before=$2 after=$3
  awk -v q="$q" '
    function bound(line) { match(line, /le="[^"]*"/); return substr(line, RSTART + 4, RLENGTH - 5) }
    $1 ~ /^urbansensing_ingestion_end_to_end_lag_seconds_bucket\{/ {
      le = bound($1); if (FILENAME == ARGV[1]) b[le] += $2; else a[le] += $2; seen[le] = 1 }
    END {
      n = 0
      for (le in seen) if (le != "+Inf") bounds[++n] = le + 0
      for (i = 2; i <= n; i++) { x = bounds[i]; for (j = i - 1; j >= 1 && bounds[j] > x; j--) bounds[j + 1] = bounds[j]; bounds[j + 1] = x }
      total = a["+Inf"] - b["+Inf"]
      if (total <= 0) { print "no data"; exit }
      rank = q * total; previous = 0; lower = 0
      for (i = 1; i <= n; i++) {
        count = 0
        for (le in seen) if (le != "+Inf" && le + 0 == bounds[i]) count = a[le] - b[le]
        if (count >= rank) { printf "%.3f", lower + (bounds[i] - lower) * (rank - previous) / (count - previous); exit }
        previous = count; lower = bounds[i]
      }
      printf "> %g s", lower
    }' "$before" "$after"
}

scrape() { curl -fsS --max-time 5 "http://127.0.0.1:$api_port/metrics" >"$1" 2>/dev/null || : >"$1"; }

# run_load NAME BROKER_PORT RATE [DURATION [FILE_STEM]]: the load generator, bounded by its own --duration and by timeout.
run_load() {
  local name=$1 port=$2 rate=$3 duration=${4:-$DURATION} stem=${5:-$1.load} shown=$3
  [ "$rate" != 0 ] || shown=maximum
  say "$name: load for $duration s at $shown msg/s from $DEVICES devices over $CONNECTIONS connections"
  timeout $((${duration%.*} + 60)) dotnet "$load_dll" --broker "127.0.0.1:$port" --devices "$DEVICES" --connections "$CONNECTIONS" \
    --rate "$rate" --duration "$duration" --in-flight "$IN_FLIGHT" --representation "$REPRESENTATION" \
    >"$work/$stem.json" 2>"$work/$stem.err" || true
  jq -e .messagesAcknowledged "$work/$stem.json" >/dev/null 2>&1
}

# warm_up NAME BROKER_PORT RATE PROGRESS...: WARMUP seconds of the same load before the measured one, drained, so the
# figures are those of a service that has run for a while (the .NET JIT compiles and re-optimises its hot code in the
# first seconds of load: about a fifth of a cold 10-second run's CPU, see docs/benchmarks.md).
warm_up() {
  local name=$1 port=$2 rate=$3 base
  shift 3
  base=$("$@")
  run_load "$name (warm-up)" "$port" "$rate" "$WARMUP" "$name.warmup" || return 1
  poll_progress "$work/$name.warmup.progress" "$@" &
  local poller=$!
  started+=("$poller")
  drain "$work/$name.warmup.progress" "$base" "$(jq -r .readingsAcknowledged "$work/$name.warmup.json")"
  kill "$poller" 2>/dev/null || true
  wait "$poller" 2>/dev/null || true
  [ "$drain_state" = drained ]
}

load_field() { jq -r ".$2" "$work/$1.load.json"; }

# --- results -------------------------------------------------------------------------------------------------
rows=$work/rows.tsv
: >"$rows"
# row NAME LOAD_MSG_S PUBLISHED STORED RATE STATE CPU_S RSS_MB P50 P99 BROKER_CPU_S VM_CPU_S LOAD_CPU_S OTHER_CPU_S NOTE
row() {
  local field line=""
  for field in "$@"; do line+="${field:--}"$'\t'; done
  echo "${line%$'\t'}" >>"$rows"
}
skipped() { row "$1" - - - - - - - - - - - - - "$2"; say "$1: skipped: $2"; }

rate_of() { awk -v s="$1" -v a="$2" -v b="$3" 'BEGIN { if (b > a) printf "%.0f", s / (b - a); else print "-" }'; }

# measure NAME KIND RATE: one system under test, from start to stop. KIND: subscriber, ours, naive, node-red, embedded.
measure() {
  local name=$1 kind=$2 rate=$3 broker_port pid progress base cpu0 cpu1 broker_cpu0=0 broker_cpu1=0 vm_cpu0 vm_cpu1
  local poller first last expected stored done_at p50=- p99=- rss note="" dropped machine0 machine1 other ready=1 warmed
  api_port=
  if [ "$kind" != embedded ]; then
    start_mosquitto
    broker_port=$mqtt_port
  fi
  case $kind in
    subscriber)
      start "$name" mosquitto_sub -p "$mqtt_port" -q 1 -c -i bench-sub -t "$telemetry_filter" -F x
      pid=$last_pid; sleep 1
      progress=(progress_subscriber "$name") ;;
    counter)
      start "$name" dotnet "$mqtt_subscriber_dll" --broker "127.0.0.1:$mqtt_port"
      pid=$last_pid
      wait_for 30 grep -q subscribed "$work/$name.err" || ready=0
      sleep 0.3
      progress=(progress_counter "$name") ;;
    ours)
      api_port=$(free_port)
      start "$name" dotnet "$cli_dll" ingest --broker "127.0.0.1:$mqtt_port" --data "$work/$name.duckdb" --port "$api_port"
      pid=$last_pid
      wait_for 60 http_ok "http://127.0.0.1:$api_port/api/v1/health" || ready=0
      progress=(progress_ours) ;;
    embedded)
      api_port=$(free_port)
      broker_port=$(free_port)
      start "$name" dotnet "$cli_dll" run --devices 0 --broker-port "$broker_port" --data "$work/$name.duckdb" --port "$api_port"
      pid=$last_pid
      wait_for 60 http_ok "http://127.0.0.1:$api_port/api/v1/health" || ready=0
      progress=(progress_ours) ;;
    naive)
      start "$name" dotnet "$naive_dll" --broker "127.0.0.1:$mqtt_port" --influx-url "$vm_url"
      pid=$last_pid
      wait_for 30 grep -q subscribed "$work/$name.err" || ready=0
      progress=(progress_vm) ;;
    node-red)
      mkdir -p "$work/node-red"
      cp "$node_red_dir/flows.json" "$work/node-red/flows.json"
      start "$name" env BENCH_MQTT_PORT="$mqtt_port" BENCH_VM_URL="$vm_url" BENCH_NODE_RED_PORT="$(free_port)" \
        node "$node_red_dir/node_modules/node-red/red.js" --settings "$node_red_dir/settings.js" --userDir "$work/node-red" "$work/node-red/flows.json"
      pid=$last_pid
      wait_for 60 grep -q "Connected to broker" "$work/$name.out" || ready=0
      progress=(progress_vm) ;;
  esac
  if [ $ready = 0 ]; then
    stop "$pid"
    [ "$kind" = embedded ] || stop_mosquitto
    skipped "$name" "did not become ready within its bound; see $name.out and $name.err (KEEP_WORK=1 keeps them)"
    return 0
  fi
  # The peers that keep up are warmed up as ours is; the naive consumer and Node-RED would still be draining the
  # warm-up's backlog when the measured load starts.
  warmed=no
  if [ "$WARMUP" != 0 ] && [[ $kind =~ ^(counter|ours|embedded)$ ]]; then
    if warm_up "$name" "$broker_port" "$rate" "${progress[@]}"; then warmed=yes; else warmed="failed ($drain_state)"; fi
  fi
  if [ "$kind" = ours ] || [ "$kind" = embedded ]; then
    sleep 0.5
    scrape "$work/$name.metrics.before"
  fi

  base=$("${progress[@]}")
  machine0=$(machine_busy_seconds)
  cpu0=$(cpu_seconds "$pid")
  [ "$kind" = embedded ] || broker_cpu0=$(cpu_seconds "$mosquitto_pid")
  vm_cpu0=$(cpu_seconds "$vm_pid")
  poll_progress "$work/$name.progress" "${progress[@]}" &
  poller=$!
  started+=("$poller")

  if ! run_load "$name" "$broker_port" "$rate"; then
    kill "$poller" 2>/dev/null || true
    stop "$pid"
    [ "$kind" = embedded ] || stop_mosquitto
    skipped "$name" "the load generator failed: $(head -c 300 "$work/$name.load.err" | tr '\n\t' '  ')"
    return 0
  fi
  expected=$(load_field "$name" readingsAcknowledged)
  drain "$work/$name.progress" "$base" "$expected"
  kill "$poller" 2>/dev/null || true
  wait "$poller" 2>/dev/null || true

  cpu1=$(cpu_seconds "$pid")
  rss=$(peak_rss_mb "$pid")
  [ "$kind" = embedded ] || broker_cpu1=$(cpu_seconds "$mosquitto_pid")
  vm_cpu1=$(cpu_seconds "$vm_pid")
  machine1=$(machine_busy_seconds)
  # Whatever else ran on the machine meanwhile: other sessions' builds and tests, this script's pollers.
  other=$(awk -v m="$machine1" -v n="$machine0" -v c="$cpu1" -v d="$cpu0" -v b="$broker_cpu1" -v e="$broker_cpu0" \
    -v v="$vm_cpu1" -v w="$vm_cpu0" -v l="$(load_field "$name" cpuSeconds)" 'BEGIN { printf "%.2f", (m - n) - (c - d) - (b - e) - (v - w) - l }')
  first=$(to_epoch "$(load_field "$name" firstPublishUtc)")
  last=$(to_epoch "$(load_field "$name" lastAcknowledgedUtc)")
  done_at=$(done_time "$work/$name.progress")
  case $kind in
    naive | node-red) stored=$(vm_stored_between "$(awk -v t="$first" 'BEGIN { printf "%.3f", t - 1 }')" "$(awk -v t="$last" 'BEGIN { printf "%.3f", t + 1 }')") ;;
    *) stored=$(awk -v v="$("${progress[@]}")" -v b="$base" 'BEGIN { printf "%.0f", v - b }') ;;
  esac
  if [ "$kind" = ours ] || [ "$kind" = embedded ]; then
    scrape "$work/$name.metrics.after"
    p50=$(histogram_quantile 0.50 "$work/$name.metrics.before" "$work/$name.metrics.after")
    p99=$(histogram_quantile 0.99 "$work/$name.metrics.before" "$work/$name.metrics.after")
  fi
  if [ "$kind" != embedded ]; then
    dropped=$(mosquitto_dropped)
    [ "$dropped" = 0 ] || note="Mosquitto dropped $dropped messages; "
  fi
  stop "$pid"
  if [ "$kind" = naive ]; then
    p50=$(jq -r '.latencyP50Seconds // "-"' "$work/$name.out" 2>/dev/null || echo -)
    p99=$(jq -r '.latencyP99Seconds // "-"' "$work/$name.out" 2>/dev/null || echo -)
    note+="latency measured by the consumer: device time to the end of its write; "
  fi
  [ "$kind" = embedded ] || stop_mosquitto
  [ "$kind" != subscriber ] || note+="stores nothing; "
  [ "$kind" != node-red ] || note+="latency not measured; "
  [ "$kind" != embedded ] || note+="broker in the same process, its CPU included; "
  [ "$warmed" = no ] || note+="after a ${WARMUP} s warm-up load: $warmed; "
  [ "$(load_field "$name" timestampsAdjusted)" = 0 ] || note+="$(load_field "$name" timestampsAdjusted) device times moved to keep one message per ms per device; "

  row "$name" "$(load_field "$name" messagesPerSecond)" "$expected" "$stored" "$(rate_of "$stored" "$first" "$done_at")" "$drain_state" \
    "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.2f", b - a }')" "$rss" "$p50" "$p99" \
    "$(awk -v k="$kind" -v a="$broker_cpu0" -v b="$broker_cpu1" 'BEGIN { if (k == "embedded") print "-"; else printf "%.2f", b - a }')" \
    "$(awk -v a="$vm_cpu0" -v b="$vm_cpu1" 'BEGIN { printf "%.2f", b - a }')" "$(load_field "$name" cpuSeconds)" "$other" "${note%; }"
  say "$name: $stored of $expected readings stored ($drain_state)"
}

# The broker's own limit: four mosquitto_pub -l publishers (QoS 1) and one mosquitto_sub, no load generator.
measure_c_clients() {
  local name=c-clients pid poller payload expected first done_at broker_cpu0 vm_cpu0 machine0 pubs=() publisher
  start_mosquitto
  start "$name" mosquitto_sub -p "$mqtt_port" -q 1 -c -i bench-sub -t "$telemetry_filter" -F x
  pid=$last_pid
  sleep 1
  payload='[{"bn":"bench-00001/","bt":1800000000.123456,"n":"sht31/air-temperature","u":"Cel","v":12.5,"seq":0}'
  for index in 1 2 3 4 5 6 7 8 9; do
    payload+=',{"n":"sensor'$index'/air-temperature","u":"Cel","v":12.5,"seq":'$index'}'
  done
  payload+=']'
  awk -v line="$payload" -v n="$C_CLIENT_MESSAGES" 'BEGIN { for (i = 0; i < n; i++) print line }' >"$work/$name.lines"
  expected=$((4 * C_CLIENT_MESSAGES * readings_per_message))
  broker_cpu0=$(cpu_seconds "$mosquitto_pid")
  vm_cpu0=$(cpu_seconds "$vm_pid")
  machine0=$(machine_busy_seconds)
  poll_progress "$work/$name.progress" progress_subscriber "$name" &
  poller=$!
  started+=("$poller")
  say "$name: 4 × mosquitto_pub -l -q 1, $C_CLIENT_MESSAGES messages each"
  first=$(now)
  for publisher in 1 2 3 4; do
    timeout $((${DURATION%.*} + DRAIN_TIMEOUT)) mosquitto_pub -p "$mqtt_port" -q 1 -l -i "bench-pub-$publisher" \
      -t "urbansensing/v1/devices/bench-0000$publisher/telemetry" <"$work/$name.lines" 2>>"$work/$name.pub.err" &
    pubs+=("$!")
    started+=("$!")
  done
  for publisher in "${pubs[@]}"; do wait "$publisher" || true; done
  drain "$work/$name.progress" 0 "$expected"
  kill "$poller" 2>/dev/null || true
  wait "$poller" 2>/dev/null || true
  done_at=$(done_time "$work/$name.progress")
  local stored cpu broker_cpu vm_cpu rss other
  stored=$(progress_subscriber "$name")
  cpu=$(cpu_seconds "$pid")
  rss=$(peak_rss_mb "$pid")
  broker_cpu=$(awk -v a="$broker_cpu0" -v b="$(cpu_seconds "$mosquitto_pid")" 'BEGIN { printf "%.2f", b - a }')
  vm_cpu=$(awk -v a="$vm_cpu0" -v b="$(cpu_seconds "$vm_pid")" 'BEGIN { printf "%.2f", b - a }')
  other=$(awk -v m="$(machine_busy_seconds)" -v n="$machine0" -v c="$cpu" -v b="$broker_cpu" -v v="$vm_cpu" 'BEGIN { printf "%.2f", (m - n) - c - b - v }')
  stop "$pid"
  stop_mosquitto
  row "$name" "$(awk -v s="$stored" -v a="$first" -v b="$done_at" -v r="$readings_per_message" 'BEGIN { if (b > a) printf "%.1f", s / r / (b - a); else print "-" }')" \
    "$expected" "$stored" "$(rate_of "$stored" "$first" "$done_at")" "$drain_state" "$cpu" "$rss" - - "$broker_cpu" "$vm_cpu" - "$other" \
    "no .NET load generator: 4 mosquitto_pub (their CPU is in other CPU) and 1 mosquitto_sub; stores nothing"
  say "$name: $stored of $expected readings received ($drain_state)"
}

# --- the runs ------------------------------------------------------------------------------------------------
say "work folder $work; systems: $SYSTEMS"
load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
start_victoria_metrics
for system in $SYSTEMS; do
  case $system in
    c-clients) measure_c_clients ;;
    mosquitto-sub) measure mosquitto-sub subscriber 0 ;;
    mqttnet-sub) measure mqttnet-sub counter 0 ;;
    urbansensing)
      if [ $ours_available = 1 ]; then measure urbansensing ours 0; else skipped urbansensing "urbansensing ingest is not available in $cli_dll"; fi ;;
    urbansensing-half)
      half=$HALF_RATE
      if [ -z "$half" ]; then
        half=$(awk -F '\t' '$1 == "mosquitto-sub" && $2 != "-" { printf "%.0f", $2 / 2 }' "$rows")
      fi
      if [ $ours_available != 1 ]; then skipped urbansensing-half "urbansensing ingest is not available in $cli_dll"
      elif [ -z "$half" ]; then skipped urbansensing-half "no rate: run mosquitto-sub first or set HALF_RATE"
      else measure urbansensing-half ours "$half"; fi ;;
    naive) measure naive naive 0 ;;
    node-red)
      if [ "$REPRESENTATION" = json ]; then measure node-red node-red 0; else skipped node-red "the flow reads JSON SenML only"; fi ;;
    embedded)
      if [ $embedded_available = 1 ]; then measure embedded embedded 0; else skipped embedded "urbansensing run is not available in $cli_dll"; fi ;;
    *) fail "unknown system '$system'" ;;
  esac
done

# --- report --------------------------------------------------------------------------------------------------
value() { awk -F '\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$rows"; }
check() { # check LABEL MEASURED TARGET_TEXT [AWK_CONDITION on x]
  local verdict=-
  if [ -n "${4:-}" ] && [ -n "$2" ] && [ "$2" != - ] && [[ $2 != "no data" ]]; then
    if [[ $2 == ">"* ]]; then verdict=miss; else
      awk -v x="$2" "BEGIN { exit !($4) }" && verdict=met || verdict=miss
    fi
  fi
  echo "| $1 | $2 | $3 | $verdict |"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }

mkdir -p "$(dirname "$RESULTS")"
{
  echo "## Ingestion benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "Mosquitto $(dpkg-query -W -f '${Version}' mosquitto 2>/dev/null), VictoriaMetrics $(dpkg-query -W -f '${Version}' victoria-metrics 2>/dev/null)," \
    "Node-RED $(jq -r .version "$node_red_dir/node_modules/node-red/package.json" 2>/dev/null || echo -), .NET $(dotnet --version);" \
    "commit $(git rev-parse --short HEAD 2>/dev/null || echo -)$(git diff --quiet HEAD -- . ':!bench' ':!docs' 2>/dev/null || echo ' with uncommitted changes')."
  echo
  echo "Command: \`DURATION=$DURATION WARMUP=$WARMUP DEVICES=$DEVICES CONNECTIONS=$CONNECTIONS IN_FLIGHT=$IN_FLIGHT REPRESENTATION=$REPRESENTATION DRAIN_TIMEOUT=$DRAIN_TIMEOUT${HALF_RATE:+ HALF_RATE=$HALF_RATE} bench/ingestion.sh\`" \
    "(load: $DURATION s per system, $DEVICES devices over $CONNECTIONS connections, $readings_per_message readings per $REPRESENTATION message, QoS 1, at most $IN_FLIGHT publishes in flight per connection)."
  echo
  echo "Load average (1, 5, 15 min) at the start: $load_at_start; at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)."
  echo
  echo "| system | load (msg/s acked by broker) | readings published | readings stored | stored readings/s | end state | consumer CPU s | CPU µs per reading | p50 latency s | p99 latency s | peak RSS MB | broker CPU s | VictoriaMetrics CPU s | load generator CPU s | other CPU s | notes |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  while IFS=$'\t' read -r name load published stored rate state cpu rss p50 p99 broker vm generator other note; do
    per_reading=$(awk -v c="$cpu" -v s="$stored" 'BEGIN { if (c == "-" || s == "-" || s == 0) print "-"; else printf "%.2f", c / s * 1e6 }')
    lost=$(awk -v p="$published" -v s="$stored" 'BEGIN { if (p == "-" || s == "-") print ""; else if (p - s > 0) printf " (%d unstored)", p - s }')
    echo "| $name | $load | $published | $stored | $rate | $state$lost | $cpu | $per_reading | $p50 | $p99 | $rss | $broker | $vm | $generator | $other | $note |"
  done <"$rows"
  echo
  ours_rate=$(value urbansensing 5)
  echo "| target (same run) | measured | target | verdict |"
  echo "|---|---:|---|---|"
  check "urbansensing ÷ mosquitto_sub, stored readings/s" "$(ratio "$ours_rate" "$(value mosquitto-sub 5)")" "≥ 0.90" "x >= 0.90"
  check "urbansensing ÷ Node-RED, stored readings/s" "$(ratio "$ours_rate" "$(value node-red 5)")" "≥ 10" "x >= 10"
  check "urbansensing readings unstored" "$(awk -v p="$(value urbansensing 3)" -v s="$(value urbansensing 4)" 'BEGIN { if (p == "" || p == "-") print "-"; else print p - s }')" "0" "x == 0"
  check "urbansensing CPU µs per reading" "$(awk -v c="$(value urbansensing 7)" -v s="$(value urbansensing 4)" 'BEGIN { if (c == "" || c == "-" || s == 0) print "-"; else printf "%.2f", c / s * 1e6 }')" "≤ 1" "x <= 1"
  check "urbansensing-half p99 latency s (at $(value urbansensing-half 2) msg/s)" "$(value urbansensing-half 10)" "< 1" "x < 1"
  check "urbansensing peak RSS MB" "$(value urbansensing 8)" "< 300" "x < 300"
  check "embedded ÷ mosquitto_sub, stored readings/s" "$(ratio "$(value embedded 5)" "$(value mosquitto-sub 5)")" "(no target)"
  check "mqttnet-sub CPU µs per reading (the MQTT client alone)" "$(awk -v c="$(value mqttnet-sub 7)" -v s="$(value mqttnet-sub 4)" 'BEGIN { if (c == "" || c == "-" || s == 0) print "-"; else printf "%.2f", c / s * 1e6 }')" "(no target)"
  check "mqttnet-sub ÷ mosquitto_sub, received readings/s" "$(ratio "$(value mqttnet-sub 5)" "$(value mosquitto-sub 5)")" "(no target)"
} | tee "$RESULTS"
say "results written to $RESULTS"
