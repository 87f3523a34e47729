#!/usr/bin/env bash
# The editor tests (e2e/README.md), for CI after `npm ci && npm test`: installs
# what they need (Debian's Chromium, the pinned e2e npm packages), packages the
# .vsix, runs the extension tests and the UI smoke test in the real VS Code
# that code-server serves, and ends with `e2e: N passed, M failed`.
#
# Exit 0 with `e2e: skipped (reason)` only when the editor cannot be installed
# at all (no Debian archive, no npm registry, not root for apt). Any test
# failure, and any install failure while the registry answers, exits non-zero.

set -uo pipefail
cd "$(dirname "$0")/.."

logs=$(mktemp -d "${TMPDIR:-/tmp}/alloy-e2e-ci.XXXXXX")
start=$SECONDS
skip() { echo "e2e: skipped ($*)"; exit 0; }
fail() { echo "e2e: $* (logs: $logs)" >&2; echo "e2e: 0 passed, 1 failed"; exit 1; }
took() { echo "e2e: $1 took $((SECONDS - $2)) s"; }

# 1. Debian packages: Chromium drives the workbench; code-server's native build needs the Kerberos
#    headers; the emoji font lets the screenshots show the extension's reports as users see them.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in libkrb5-dev fonts-noto-color-emoji; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || skip "needs ${missing[*]}: not root, cannot apt-get install"
  t=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -q >"$logs/apt.log" 2>&1 &&
    timeout 300 apt-get install -y -q "${missing[@]}" >>"$logs/apt.log" 2>&1 ||
    skip "apt-get could not install ${missing[*]}; see $logs/apt.log"
  took "apt-get install ${missing[*]}" "$t"
fi

# 2. The e2e npm packages, pinned in e2e/package-lock.json; reinstalled only when the lockfile or Node changes.
stamp=e2e/node_modules/.installed-from
want="$(sha256sum e2e/package-lock.json | cut -d' ' -f1) node $(node --version)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  timeout 60 npm ping --fetch-retries=1 --fetch-timeout=15000 >"$logs/npm-ping.log" 2>&1 || skip "the npm registry is unreachable; see $logs/npm-ping.log"
  [ "$(uname -m)" = x86_64 ] || skip "the ripgrep workaround below is for x86_64 only, this is $(uname -m)"
  t=$SECONDS
  # code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from GitHub.
  # Seed the cache it looks in first with the rg binary of an npm package.
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  rg_tar="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$rg_tar" ]; then
    rg_tmp=$(mktemp -d)
    (cd "$rg_tmp" && npm pack -q @vscode/ripgrep-linux-x64@1.18.0 && tar xzf vscode-ripgrep-linux-x64-1.18.0.tgz) >"$logs/ripgrep.log" 2>&1 ||
      fail "could not fetch @vscode/ripgrep-linux-x64 from the registry"
    mkdir -p "$rg_cache" && tar czf "$rg_tar" -C "$rg_tmp/package/bin" rg || fail "could not seed the ripgrep cache"
    rm -rf "$rg_tmp"
  fi
  # As root, code-server's postinstall wants unsafe-perm; node-pty's runs `npx node-gyp`, which must not prompt.
  npm_config_unsafe_perm=true npm_config_yes=true timeout 600 npm ci --prefix e2e >"$logs/npm-ci.log" 2>&1 ||
    { tail -n 20 "$logs/npm-ci.log" >&2; fail "npm ci --prefix e2e failed"; }
  echo "$want" >"$stamp"
  took "npm ci --prefix e2e" "$t"
fi

# 3. The bundles the .vsix ships (minified, as released), and a type check of the test module.
[ -d node_modules ] || fail "run npm ci at the repository root first"
npm run -s build -- --production >"$logs/build.log" 2>&1 || fail "npm run build -- --production failed"
node e2e/node_modules/typescript/bin/tsc -p e2e >"$logs/tsc.log" 2>&1 || { cat "$logs/tsc.log" >&2; fail "the e2e test module does not type-check"; }

# 4. The run: packages and installs the .vsix, extension tests, UI smoke; its last line is the closing line.
echo "e2e: setup took $((SECONDS - start)) s"
timeout 420 node e2e/run-offline.mjs --screenshots "$logs/screenshots" </dev/null
status=$?
if [ $status -eq 0 ]; then
  rm -rf "$logs" # on failure the logs and screenshots stay (the run printed where)
elif [ $status -eq 124 ]; then
  echo "e2e: the run did not finish within 420 s (logs: $logs)" >&2
  echo "e2e: 0 passed, 1 failed"
fi
exit $status
