#!/usr/bin/env bash
# Runs every UrbanSensing test, as CI does: installs what the tests need, builds, runs the tests,
# and ends with the count taken from the TRX results, alone on the last line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

results="$PWD/.test-results"
rm -rf "$results"
mkdir -p "$results"

# Servers the integration tests start on 127.0.0.1 (each with its own data folder): Debian's packages.
missing=()
[ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
[ -x /usr/bin/victoria-metrics ] || missing+=(victoria-metrics)
[ -x /usr/bin/influxd ] || missing+=(influxdb)
# The charts draw their text with DejaVu Sans; without a font Skia draws none (analytics/UrbanSensing.Analytics.Charts).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
    echo "could not install ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

if ! dotnet build UrbanSensing.sln --configuration Release --nologo; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# One run per test project, each into its own folder: TRX files of modules run together can overwrite each other.
test_exit=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  if ! dotnet test --project "$project" --configuration Release --no-build \
    --results-directory "$results/$name" --report-xunit-trx; then
    test_exit=1
  fi
  if ! compgen -G "$results/$name/*.trx" > /dev/null; then
    echo "no test results from $name"
    test_exit=1
  fi
done

passed=0 failed=0 skipped=0
shopt -s nullglob
trx_files=("$results"/*/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

if [ "${#trx_files[@]}" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "no test results were found in $results"
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
  summary="$summary, $skipped skipped"
fi

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $test_exit"
  failed=1
  summary="$passed passed, $failed failed"
fi

echo "$summary"
[ "$failed" -eq 0 ]
