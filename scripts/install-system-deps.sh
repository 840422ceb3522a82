#!/usr/bin/env bash
# Installs what the tests need beyond npm, from Debian's packages: Neovim for
# the real-editor test, Chromium for the preview and VS Code (code-server)
# tests, poppler's tools to read and sign our PDFs (with NSS's tools),
# LibreOffice to open our DOCX, xmllint for the metadata's schema, and
# pandoc as the benchmarks' peer. A test that needs a missing tool fails
# rather than skips, so this runs before the tests in .ci/run.
set -euo pipefail
# fonts-liberation2: LibreOffice's stand-in for Times New Roman, so our DOCX paginates as in Word.
# libnss3-tools: the NSS database poppler's pdfsig signs the exported PDF from; libxml2-utils: xmllint, for the e-office XML's schema.
PACKAGES=(neovim chromium poppler-utils libreoffice-writer pandoc libkrb5-dev fonts-liberation2 libnss3-tools libxml2-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nvim --version | head -n 1
