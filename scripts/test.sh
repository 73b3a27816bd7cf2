#!/usr/bin/env bash
# Run every test: native (parser, CLI, charts, exports, properties), component tests
# in headless Chromium (wasm-bindgen-test), a release build of the page, end-to-end
# tests that drive it in headless Chromium, and a short fuzz run where cargo-fuzz works.
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
logs=$(mktemp -d)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (cargo test)"
cargo test --locked --no-fail-fast 2>&1 | tee "$logs/native.log"

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee "$logs/web.log"

step "release build of the page (trunk build --release --public-url ./)"
rm -rf dist
trunk build --release --public-url ./ --dist dist 2>&1 | tail -n 5

step "end-to-end tests in headless Chromium"
(cd e2e && BAOGAO_DIST="$PWD/../dist" node --test --test-concurrency=1 tests/) 2>&1 | tee "$logs/e2e.log"

if [ -x fuzz/run-short.sh ]; then
  step "short fuzz run"
  bash fuzz/run-short.sh 2>&1 | tee "$logs/fuzz.log"
fi

# One closing line over every runner.
passed=$(( $(grep -ho 'test result: [a-z]*\. [0-9]* passed' "$logs"/native.log "$logs"/web.log | awk '{s+=$4} END {print s+0}') + $(awk '/^# pass /{s+=$3} END {print s+0}' "$logs/e2e.log") ))
failed=$(( $(grep -ho '[0-9]* failed' "$logs"/native.log "$logs"/web.log | awk '{s+=$1} END {print s+0}') + $(awk '/^# fail /{s+=$3} END {print s+0}' "$logs/e2e.log") ))
echo
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
