/**
 * The extension test module: what VS Code loads through `extensionTestsPath`
 * (@vscode/test-electron, or the code-server runner) and calls `run()` on.
 *
 * Environment (set by the runners):
 * - E2E_RESULT_FILE        where to write the mocha counts as JSON for the runner's closing line
 * - E2E_GREP               run only the tests whose full title matches this regular expression
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** The counts the runners print; written to E2E_RESULT_FILE. */
export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  if (process.env.E2E_GREP) mocha.grep(new RegExp(process.env.E2E_GREP));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  console.log(`[e2e] extension tests: ${files.join(', ')}`);

  return new Promise((resolve, reject) => {
    const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };
    const runner = mocha.run((failures) => {
      const file = process.env.E2E_RESULT_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(result, null, 2));
      console.log(`[e2e] extension tests done: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => result.passed++);
    runner.on('pending', () => result.pending++);
    runner.on('fail', (test, error: unknown) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: error instanceof Error ? error.message : String(error) });
    });
  });
}
