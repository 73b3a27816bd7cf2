#!/usr/bin/env bash
# Install what building and testing Baogao needs, skipping what is already there:
# Debian's Chromium + ChromeDriver + a CJK font, the wasm32 target, Trunk,
# wasm-bindgen-cli at exactly the version Cargo.lock resolves, and the npm tools
# (binaryen's wasm-opt, playwright-core). Only package registries are used.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages (browser for tests, CJK font for screenshots).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Rust target and tools.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
export PATH="$HOME/.cargo/bin:$PATH"
if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "cargo install trunk 0.21.14 (several minutes)"
  cargo install trunk --version 0.21.14 --locked
fi
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "cargo install wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "cargo install cargo-fuzz (for the short fuzz run)"
  cargo install cargo-fuzz --locked || say "cargo-fuzz could not be installed: the fuzz run will be skipped"
fi

# 3. npm tools for wasm-opt and the browser tests (exact versions, from the lock file).
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ]; then
  say "npm ci (binaryen, playwright-core)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# 4. Crates, so that Trunk's offline build finds everything.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
say "ready"
