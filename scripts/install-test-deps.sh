#!/usr/bin/env bash
# Everything the whole test suite needs beyond `npm ci`: Debian's packages
# (Neovim, Chromium, poppler, LibreOffice, pandoc) and the real VS Code
# (code-server with its Node 24, in .e2e/). The first part of the README's
# test command, and so of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/install-e2e-deps.sh
