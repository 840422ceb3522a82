#!/usr/bin/env bash
# Installs what the tests need beyond npm. Nothing yet: the parser, checks and
# CLI run on Node alone. Real-editor tests (issue 5) and export checks
# (issue 6) will add Debian packages here (neovim, chromium, poppler-utils,
# libreoffice-writer), and a test that needs a missing tool will fail, not skip.
set -euo pipefail
node --version >/dev/null
