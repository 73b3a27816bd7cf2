# Sourced by the scripts: tool paths and Trunk settings (no downloads at build time).
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
