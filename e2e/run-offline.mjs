// The editor tests offline: the real VS Code that the code-server npm package
// serves, driven by playwright-core and Debian's Chromium.
//
//   node e2e/run-offline.mjs [--dev | --vsix FILE] [--screenshots DIR] [--no-smoke] [--keep] [--grep REGEXP]
//
// 1. packages the extension (.vsix, @vscode/vsce) and installs it into a fresh
//    profile (--vsix installs a given one instead) — or, with --dev or when
//    packaging fails, loads the repository as a development extension (the
//    output says which);
// 2. starts code-server on a free loopback port;
// 3. runs the extension test module (suite/) in the real extension host;
// 4. runs the UI smoke test and saves its screenshots (default docs/images/);
// 5. prints `e2e: N passed, M failed` and exits non-zero on any failure.
//
// E2E_CHROMIUM overrides the browser (default /usr/bin/chromium).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildSuite } from './build-suite.mjs';
import { codeServerVersion, createDataDir, installVsix, logTail, startCodeServer } from './codeServer.mjs';
import { runExtensionTests } from './extensionTests.mjs';
import { REPO_ROOT, packageVsix } from './package-vsix.mjs';
import { runUiSmoke } from './uiSmoke.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const HARNESS = join(here, 'harness');
const EXTENSION_TESTS_TIMEOUT_MS = 180_000;
const COMPOSE_COMMAND_ID = 'alloy-selfmon.checkComposeEnv';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: options } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    vsix: { type: 'string' },
    screenshots: { type: 'string', default: join(REPO_ROOT, 'docs', 'images') },
    'no-smoke': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});
const pending = true; // every feature the smoke test looks at has landed
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`e2e: ${line}`);

let data;
const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) await cleanups.pop()().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`e2e: ${signal}, stopping code-server`);
    void cleanUp().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  });
}

function readResult(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const version = codeServerVersion();
  if (!version) throw new Error('code-server is not installed: run `npm ci --prefix e2e` (see e2e/README.md)');
  const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}: apt-get install chromium, or set E2E_CHROMIUM`);
  say(`${version}; browser ${chromiumPath}`);

  const testsPath = await buildSuite();
  data = createDataDir();
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

  // The extension under test: the packaged .vsix, as users get it, unless asked or forced otherwise.
  let mode = 'dev';
  if (options.dev) {
    say(`extension under test: development mode from ${REPO_ROOT} (--dev)`);
  } else if (options.vsix) {
    installVsix(data, resolve(options.vsix));
    mode = 'vsix';
    say(`extension under test: ${options.vsix} (--vsix), installed into the editor [${elapsed()}]`);
  } else {
    try {
      const vsix = await packageVsix({ out: join(data.root, `${manifest.name}-${manifest.version}.vsix`) });
      for (const note of vsix.notes) say(`vsce note: ${note}`);
      installVsix(data, vsix.path);
      mode = 'vsix';
      say(`extension under test: the packaged .vsix (${vsix.entries.length} entries, ${(vsix.bytes / 1024).toFixed(1)} KB), installed into the editor [${elapsed()}]`);
    } catch (error) {
      say(`extension under test: development mode from ${REPO_ROOT} (packaging or installing the .vsix failed: ${error instanceof Error ? error.message : String(error)})`);
    }
  }

  const resultFile = join(data.root, 'extension-tests.json');
  const server = await startCodeServer(data, {
    E2E_RESULT_FILE: resultFile,
    E2E_EXTENSION_MODE: mode,
    E2E_REPO_ROOT: REPO_ROOT,
    ...(options.grep ? { E2E_GREP: options.grep } : {}),
  });
  cleanups.push(() => server.stop());
  say(`code-server listening on ${server.baseUrl} [${elapsed()}]`);

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());

  let passed = 0;
  let failed = 0;

  say('extension tests (mocha, in the real extension host)');
  const testsStart = Date.now();
  const workbenchLog = [];
  try {
    const code = await runExtensionTests({
      browser,
      baseUrl: server.baseUrl,
      workspace: data.workspace,
      developmentPath: mode === 'vsix' ? HARNESS : REPO_ROOT,
      testsPath,
      timeoutMs: EXTENSION_TESTS_TIMEOUT_MS,
      workbenchLog,
    });
    const result = readResult(resultFile);
    if (!result) {
      failed++;
      say(`the extension tests reported no result (exit code ${code}); the workbench said:\n${workbenchLog.slice(-30).join('\n')}`);
      say(`the last lines of the server log:\n${logTail(data)}`);
    } else {
      passed += result.passed;
      failed += result.failed;
      if (code !== 0 && result.failed === 0) failed++;
    }
  } catch (error) {
    failed++;
    say(`extension tests: ${error instanceof Error ? error.message : String(error)}; the workbench said:\n${workbenchLog.slice(-30).join('\n')}`);
  }
  say(`extension tests took ${((Date.now() - testsStart) / 1000).toFixed(1)} s [${elapsed()}]`);

  if (!options['no-smoke']) {
    const smokeStart = Date.now();
    const composeCommand = (manifest.contributes?.commands ?? []).some((c) => c.command === COMPOSE_COMMAND_ID);
    say(`UI smoke test (screenshots to ${resolve(options.screenshots)})`);
    const steps = await runUiSmoke({
      browser,
      baseUrl: server.baseUrl,
      workspace: data.smokeWorkspace,
      developmentPath: mode === 'vsix' ? undefined : REPO_ROOT,
      screenshots: options.screenshots,
      failureScreenshot: join(data.root, 'ui-failure.png'),
      pending,
      composeCommand,
    });
    passed += steps.filter((s) => s.ok).length;
    failed += steps.filter((s) => !s.ok).length;
    say(`UI smoke took ${((Date.now() - smokeStart) / 1000).toFixed(1)} s [${elapsed()}]`);
  }

  await cleanUp();
  if (failed > 0 || options.keep) say(`kept the data dir (profile, workspace copy, code-server.log): ${data.root}`);
  else rmSync(data.root, { recursive: true, force: true });
  say(`total ${elapsed()}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    if (data) console.error(`e2e: data dir kept: ${data.root}`);
    await cleanUp();
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
