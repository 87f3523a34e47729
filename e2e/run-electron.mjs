// The same extension tests in desktop VS Code through @vscode/test-electron,
// for a workstation that can download VS Code (or has one: set
// VSCODE_EXECUTABLE_PATH). The repository is loaded as a development
// extension, as test-electron does; run `npm run build` at the root first.
//
//   node e2e/run-electron.mjs [--grep REGEXP]
//
// VSCODE_VERSION picks the version to download (default: stable).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { REPO_ROOT } from './package-vsix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

const testsPath = await buildSuite();
const root = mkdtempSync(join(tmpdir(), 'alloy-e2e-electron-'));
const workspace = join(root, 'workspace');
cpSync(join(here, 'fixtures', 'workspace'), workspace, { recursive: true });
mkdirSync(join(root, 'user'));
mkdirSync(join(root, 'extensions'));
const resultFile = join(root, 'extension-tests.json');

let failed = 0;
let passed = 0;
let runFailed = false;
try {
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION || undefined,
    cachePath: join(here, '.vscode-test'),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: testsPath,
    extensionTestsEnv: {
      E2E_RESULT_FILE: resultFile,
      E2E_EXTENSION_MODE: 'dev',
      E2E_REPO_ROOT: REPO_ROOT,
      ...(options.grep ? { E2E_GREP: options.grep } : {}),
    },
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(root, 'user'), '--extensions-dir', join(root, 'extensions')],
  });
} catch (error) {
  runFailed = true;
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
}

try {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed = result.passed;
  failed = result.failed + (runFailed && result.failed === 0 ? 1 : 0);
} catch {
  failed = 1;
  console.error('e2e: the extension tests reported no result: VS Code could not be downloaded or started (VSCODE_EXECUTABLE_PATH=/path/to/code uses an installed one)');
}
rmSync(root, { recursive: true, force: true });
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
