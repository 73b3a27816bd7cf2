#!/usr/bin/env bash
# Short fuzz run over every target in fuzz/Cargo.toml (FUZZ_SECONDS each, default 10),
# seeded from the fixtures. Prints executions per target; exits non-zero if any target
# found a crash (the reproducer is left in fuzz/artifacts/<target>/).
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and nightly -Z flags: the nightly
# toolchain when installed, else RUSTC_BOOTSTRAP=1 on stable. Skips when unavailable.
set -uo pipefail
cd "$(dirname "$0")"
SECS=${FUZZ_SECONDS:-10}
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz not installed (cargo install cargo-fuzz): skipped"
  exit 0
fi
TC=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then TC=(+nightly); else export RUSTC_BOOTSTRAP=1; fi

# Seeds: real fixtures, plus a few links and .docx shapes (written once, not committed).
seed() {
  local t=$1 d=corpus/$1
  mkdir -p "$d"
  [ -n "$(ls -A "$d" 2>/dev/null)" ] && return
  case "$t" in
    parse_bytes) cp ../tests/fixtures/*.txt ../tests/fixtures/*.docx ../tests/fixtures/*.doc ../tests/fixtures/synthetic/*.mhtml "$d"/ ;;
    parse_text) cp ../tests/fixtures/beijing-2024.txt ../tests/fixtures/bozhou-2024.txt ../tests/fixtures/luzhou-2024-oneline.txt ../tests/fixtures/synthetic/2025-city-pdf-table.txt "$d"/ ;;
    share_link)
      printf '%s' '?url=https%3A%2F%2Fexample.org%2Fr.txt#s=s1.2&i=i3&tab=indicators' >"$d/view"
      printf '%s' '#doc=C0_OyU7NyUxNzM5' >"$d/doc"
      printf '%s' '#sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef&name=a.txt' >"$d/sha"
      ;;
    docx)
      printf '\000%s' '<w:document><w:body><w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p><w:p><w:r><w:t>增长5%左右</w:t></w:r></w:p></w:body></w:document>' >"$d/stored"
      printf '\001%s' '<w:p><w:r><w:t xml:space="preserve">地区生产总值 </w:t></w:r><w:r><w:tab/><w:t>1230亿元</w:t></w:r></w:p>' >"$d/deflated"
      for f in ../tests/fixtures/*.docx; do { printf '\002'; tail -c +5 "$f"; } >"$d/$(basename "$f")"; done
      # list definitions, NUL, a document numbered by them
      printf '\003%s\000%s' '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' \
        '<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>2023年工作回顾</w:t></w:r></w:p></w:body></w:document>' >"$d/numbered"
      # Word 97–2003 files after their OLE signature
      for f in ../tests/fixtures/*.doc ../tests/fixtures/synthetic/*.doc; do { printf '\004'; tail -c +9 "$f"; } >"$d/$(basename "$f")"; done
      ;;
  esac
}

# Build once (no sanitizer: the run checks panics, and needs no sanitizer runtime).
if ! cargo "${TC[@]}" fuzz build -s none >/tmp/baogao-fuzz-build.log 2>&1; then
  echo "fuzz: the fuzz targets did not build here (see /tmp/baogao-fuzz-build.log): skipped"
  tail -n 5 /tmp/baogao-fuzz-build.log | sed 's/^/  /'
  exit 0
fi

status=0
for t in $(cargo "${TC[@]}" fuzz list 2>/dev/null); do
  seed "$t"
  log=$(mktemp)
  cargo "${TC[@]}" fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$SECS" -rss_limit_mb=4096 -timeout=30 >"$log" 2>&1
  rc=$?
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -n1 | grep -oE '[0-9]+')
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ${runs:-?} executions in ${SECS}s, no crash"
  else
    status=1
    echo "fuzz $t: CRASH (exit $rc) after ${runs:-?} executions"
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written|deadly signal|timeout' "$log" | head -n 8 | sed 's/^/  /'
  fi
  rm -f "$log"
done
exit $status
