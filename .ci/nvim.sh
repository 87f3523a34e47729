#!/usr/bin/env bash
# The second real LSP client in CI: installs Debian's `neovim` (0.7 on
# bookworm) when it is missing, then runs test/nvim/run.sh, whose last line is
# `nvim: N passed, M failed`. Run after `npm ci && npm test` (dist/ is built).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvim >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "nvim: needs neovim and cannot apt-get install it (not root)"; echo "nvim: 0 passed, 1 failed"; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp "${TMPDIR:-/tmp}/alloy-nvim-apt.XXXXXX")
  { timeout 300 apt-get update -q && timeout 300 apt-get install -y -q neovim; } >"$log" 2>&1 ||
    { tail -n 20 "$log" >&2; echo "nvim: apt-get install neovim failed"; echo "nvim: 0 passed, 1 failed"; exit 1; }
fi
bash test/nvim/run.sh
