#!/usr/bin/env bash
# The README's install line, checked as a new user meets it: a fresh clone of
# the committed tree, `npm ci && npm run package`, and the .vsix it writes
# (package-vsix.mjs itself refuses one over 1 MB, with node_modules, or
# without the bundles). Ends with `package: ok (SIZE)` or exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/alloy-package-ci.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-local . "$work/clone"
cd "$work/clone"
npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || { tail -n 20 "$work/npm-ci.log" >&2; echo "package: npm ci failed" >&2; exit 1; }
npm run -s package >"$work/package.log" 2>&1 || { tail -n 20 "$work/package.log" >&2; echo "package: npm run package failed" >&2; exit 1; }
vsix=$(ls ./*.vsix)
echo "package: ok ($vsix, $(du -k "$vsix" | cut -f1) KB)"
