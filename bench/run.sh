#!/usr/bin/env bash
# Baogao benchmarks: prints each figure beside its budget; asserts nothing.
#
#   bench/run.sh            everything (native, CLI, JioNLP if present, sizes, browser)
#   BENCH_SKIP=browser,criterion bench/run.sh   skip parts (criterion, cli, jionlp, size, browser)
#
# Env: BENCH_DIST (release dist/, default /tmp/bench-dist: built when absent),
#      BENCH_BIG_BYTES (CLI input, default 50 MB), BENCH_RUNS (browser repeats, default 5).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
DIST=${BENCH_DIST:-/tmp/bench-dist}
BIG_BYTES=${BENCH_BIG_BYTES:-50000000}
SKIP=",${BENCH_SKIP:-},"
TMP=$(mktemp -d /tmp/baogao-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

skip() { [[ "$SKIP" == *",$1,"* ]]; }
hr() { printf '\n== %s ==\n' "$1"; }
row() { printf '  %-46s %14s   %s\n' "$1" "$2" "${3:-}"; }
gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
now() { date +%s.%N; }

# 1. Native parse + extract throughput (criterion; benches/parse.rs).
if ! skip criterion; then
  hr "native parse + extract (cargo bench --bench parse)"
  if cargo bench --bench parse -- --noplot >"$TMP/criterion.txt" 2>"$TMP/criterion.err"; then
    grep -E '^[^ ].*|time:|thrpt:' "$TMP/criterion.txt" | grep -vE '^(Benchmarking|Gnuplot|Found|  [0-9]+ \()' | sed 's/^/  /'
    echo "  budget: ≥ 50 MB/s native (thrpt lines above)"
  else
    echo "  cargo bench failed:"; tail -n 20 "$TMP/criterion.err" | sed 's/^/    /'
  fi
fi

# 2. The CLI on a big concatenation of report text.
if ! skip cli; then
  hr "CLI: baogao extract on $((BIG_BYTES / 1000000)) MB"
  if cargo build --release --bin baogao >/dev/null 2>"$TMP/build.err"; then
    BIG="$TMP/big.txt"
    node bench/bigtext.mjs "$BIG_BYTES" "$BIG" >/dev/null
    size=$(stat -c %s "$BIG")
    # Five runs (the machine's speed moves from run to run): the median and the range.
    times=()
    for _ in 1 2 3 4 5; do
      t0=$(now)
      if ! target/release/baogao extract "$BIG" --format json >/dev/null 2>"$TMP/cli.err"; then
        echo "  baogao extract failed:"; tail -n 5 "$TMP/cli.err" | sed 's/^/    /'
        times=(); break
      fi
      t1=$(now)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    done
    if [[ ${#times[@]} -gt 0 ]]; then
      sorted=$(printf '%s\n' "${times[@]}" | sort -n)
      secs=$(sed -n 3p <<<"$sorted")
      row "input" "$(awk -v s="$size" 'BEGIN { printf "%.1f MB", s / 1e6 }')"
      row "wall time, median of 5 (all runs)" "${secs} s" "($(tr '\n' ' ' <<<"$sorted"| sed 's/ $//'))"
      row "threads used (cores)" "$(nproc)" "big inputs are read in one piece per core"
      row "throughput (decode+clean+outline+extract+JSON)" "$(awk -v s="$size" -v t="$secs" 'BEGIN { printf "%.1f MB/s", s / 1e6 / t }')" "budget ≥ 50 MB/s"
    fi
  else
    echo "  release build failed:"; tail -n 20 "$TMP/build.err" | sed 's/^/    /'
  fi
fi

# 3. Against JioNLP (bench/jionlp.sh, written by the indicators engineer), if present.
if ! skip jionlp; then
  hr "JioNLP comparison"
  if [[ -x bench/jionlp.sh || -f bench/jionlp.sh ]]; then
    bash bench/jionlp.sh 2>&1 | sed 's/^/  /'
    echo "  budget: ≥ 20× JioNLP"
  else
    echo "  bench/jionlp.sh not present: skipped"
  fi
fi

# 4. Sizes from a release dist/.
if ! skip size || ! skip browser; then
  if [[ ! -f "$DIST/index.html" ]]; then
    hr "building release dist in $DIST"
    trunk build --release --public-url ./ --dist "$DIST" >"$TMP/trunk.log" 2>&1 || { echo "  trunk build failed:"; tail -n 30 "$TMP/trunk.log" | sed 's/^/    /'; }
  fi
fi
if ! skip size && [[ -f "$DIST/index.html" ]]; then
  hr "sizes (release dist: $DIST)"
  first=0
  for f in "$DIST"/*.wasm; do
    [[ -e "$f" ]] || continue
    raw=$(stat -c %s "$f"); z=$(gz "$f")
    name=$(basename "$f")
    if [[ "$name" == baogao-worker* ]]; then
      row "worker wasm $name raw / gzip" "$(kb "$raw") / $(kb "$z")" "(a spare starts 3 s after the first picture; files ≥ 1 MB, Word, non-UTF-8)"
    elif [[ "$name" == baogao-pdf* ]]; then
      row "PDF worker wasm $name raw / gzip" "$(kb "$raw") / $(kb "$z")" "(loaded only when a PDF is opened)"
    else
      row "wasm $name raw" "$(kb "$raw")"
      row "wasm $name gzip" "$(kb "$z")" "budget ≤ 300 KB gzip"
      first=$((first + z))
    fi
  done
  # First load: index.html + the main JS loader + main wasm + CSS (the worker is not loaded).
  for f in "$DIST"/index.html "$DIST"/*.js "$DIST"/*.css; do
    [[ -e "$f" ]] || continue
    case "$(basename "$f")" in baogao-worker* | baogao-pdf*) continue ;; esac
    first=$((first + $(gz "$f")))
  done
  row "first-load transfer (html+js+wasm+css, gzip)" "$(kb "$first")"
  wz=0
  for f in "$DIST"/baogao-worker*; do [[ -e "$f" ]] && wz=$((wz + $(gz "$f"))); done
  row "worker (js+wasm+loader, gzip, after the first picture)" "$(kb "$wz")"
fi

# 5. Headless Chromium.
if ! skip browser && [[ -f "$DIST/index.html" ]]; then
  hr "browser (headless Chromium, $DIST)"
  node bench/browser.mjs "$DIST" 2>&1 | sed 's/^/  /'
fi
