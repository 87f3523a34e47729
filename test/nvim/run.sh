#!/usr/bin/env bash
# Headless Neovim as a second LSP client (test/nvim/smoke.lua) over a copy of
# the real-editor fixture. Needs `nvim` (Debian's package `neovim`) and a built
# dist/server.js. Its last line is `nvim: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v nvim >/dev/null || { echo "nvim: not installed (apt-get install neovim)" >&2; echo "nvim: 0 passed, 1 failed"; exit 1; }
[ -f dist/server.js ] || { echo "nvim: run npm run build first" >&2; echo "nvim: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/alloy-nvim.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r e2e/fixtures/workspace/. "$work/"
mkdir -p "$work/.git" # the repository root: compose discovery stops here
echo "nvim: $(nvim --version | head -n 1)"
ALLOY_SERVER="$PWD/dist/server.js" ALLOY_FIXTURE="$work" HOME="$work" XDG_CONFIG_HOME="$work/.config" XDG_DATA_HOME="$work/.local" XDG_STATE_HOME="$work/.state" \
  timeout 120 nvim --headless --clean -u NONE -c "luafile test/nvim/smoke.lua" </dev/null 2>&1
status=$?
[ $status -eq 124 ] && { echo "nvim: did not finish within 120 s"; echo "nvim: 0 passed, 1 failed"; }
exit $status
