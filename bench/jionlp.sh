#!/usr/bin/env bash
# Compare Baogao's indicator extraction with JioNLP's jio.ner.extract_money on the
# fixture texts (decoded to UTF-8). Creates its own venv (bench/.venv), installs
# jionlp from PyPI, times both sides, prints MB/s and the ratio (budget ≥ 20×).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=bench/.venv
TMP=$(mktemp -d /tmp/baogao-jionlp.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

if [[ ! -x "$VENV/bin/python" ]]; then
  python3 -m venv "$VENV" || { echo "JioNLP: cannot create a venv (python3 -m venv failed)"; exit 0; }
fi
if ! "$VENV/bin/python" -c "import jionlp" >/dev/null 2>&1; then
  echo "installing jionlp into $VENV (pip) …"
  if ! "$VENV/bin/pip" install -q jionlp >"$TMP/pip.log" 2>&1; then
    echo "JioNLP: could NOT be installed here (pip install jionlp failed):"
    tail -n 5 "$TMP/pip.log" | sed 's/^/    /'
    echo "JioNLP ratio: unavailable"
    exit 0
  fi
fi

echo "== JioNLP jio.ner.extract_money =="
"$VENV/bin/python" bench/jionlp.py tests/fixtures "$TMP/texts" | tee "$TMP/jio.txt"
JIO=$(awk '/^JIONLP_MBPS/ { print $2 }' "$TMP/jio.txt")
if [[ -z "$JIO" ]]; then
  echo "JioNLP: did not run (see above). JioNLP ratio: unavailable"
  exit 0
fi

JIO_WALL=$(awk '/^JioNLP wall-clock:/ { print $3 }' "$TMP/jio.txt")

echo "== Baogao, native (cargo bench --bench parse: opt-level 3) =="
if cargo bench --bench parse -- --noplot __plain_lines_only__ >"$TMP/bench.txt" 2>"$TMP/bench.err"; then
  grep -E 'MB/s' "$TMP/bench.txt" | sed 's/^/  /'
  num() { sed -n "s/^$1[^:]*: \([0-9.]*\) MB\/s (CPU time), \([0-9.]*\) MB\/s (wall clock).*/\\$2/p" "$TMP/bench.txt"; }
  EX_CPU=$(num 'extract only' 1); EX_WALL=$(num 'extract only' 2)
  PE_CPU=$(num 'parse+extract' 1)
  echo "JioNLP extract_money: $JIO MB/s CPU time, $JIO_WALL MB/s wall clock"
  awk -v o="$EX_CPU" -v j="$JIO" 'BEGIN { if (j > 0 && o > 0) printf "ratio (indicators vs extract_money, CPU time): %.0f×\n", o / j }'
  awk -v o="$EX_WALL" -v j="$JIO_WALL" 'BEGIN { if (j > 0 && o > 0) printf "ratio (indicators vs extract_money, wall clock): %.0f×   (budget ≥ 20×)\n", o / j }'
  awk -v o="$PE_CPU" -v j="$JIO" 'BEGIN { if (j > 0 && o > 0) printf "ratio (whole parse+extract vs extract_money, CPU time): %.0f×\n", o / j }'
else
  echo "cargo bench failed:"; tail -n 5 "$TMP/bench.err"
fi

echo "== Baogao CLI (target/release/baogao extract on the same UTF-8 texts; release profile as configured) =="
cargo build --release --bin baogao >/dev/null 2>"$TMP/build.err" || { echo "build failed"; tail "$TMP/build.err"; exit 0; }
BYTES=$(cat "$TMP"/texts/*.txt | wc -c)
ROUNDS=${JIONLP_ROUNDS:-30}
TIMEFORMAT='%3U %3S %3R'
T=$( { time (for _ in $(seq "$ROUNDS"); do target/release/baogao extract "$TMP"/texts/*.txt --format json >/dev/null 2>&1; done) ; } 2>&1 | tail -n 1 )
read -r U S R <<<"$T"
OURS=$(awk -v b="$BYTES" -v r="$ROUNDS" -v u="$U" -v s="$S" 'BEGIN { printf "%.2f", b * r / 1e6 / (u + s) }')
WALL=$(awk -v b="$BYTES" -v r="$ROUNDS" -v t="$R" 'BEGIN { printf "%.2f", b * r / 1e6 / t }')
echo "baogao extract: $OURS MB/s CPU time ($WALL MB/s wall clock; decode+clean+outline+indicators+JSON, process start included; $ROUNDS rounds over $(awk -v b="$BYTES" 'BEGIN{printf "%.2f", b/1e6}') MB)"
awk -v o="$OURS" -v j="$JIO" 'BEGIN { printf "ratio (CLI vs extract_money, CPU time): %.0f×\n", o / j }'
