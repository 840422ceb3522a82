#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Neovim for the real-editor
# test (tests/editor-nvim.test.ts). A test that needs a missing tool fails
# rather than skips, so this runs before the tests in .ci/run.
set -euo pipefail
if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -n 1
