#!/usr/bin/env bash
# Install what is missing, build the page and serve it on http://127.0.0.1:8080/
# (the built-in sample report opens at once). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release --public-url / "$@"
