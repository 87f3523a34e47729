// Runs the extension test module inside code-server's real extension host.
// The workbench URL carries the same options @vscode/test-electron passes on
// the command line (extensionDevelopmentPath, extensionTestsPath); the
// workbench reports the module's console through window.codeAutomationLog and
// the result through window.codeAutomationExit(code).

import { format } from 'node:util';

/** The suite's own lines (index.ts prints them) open and close the output worth showing. */
const START = '[e2e] extension tests:';
const END = '[e2e] extension tests done:';

/**
 * Opens the workbench on `workspace` with the test payload and resolves with
 * the exit code the workbench reports (0 = all passed). The suite's output is
 * printed as it comes; the workbench's own console lines are kept in
 * `workbenchLog` (pass an array) for when the suite never starts.
 */
export async function runExtensionTests({ browser, baseUrl, workspace, developmentPath, testsPath, timeoutMs, print = console.log, workbenchLog = [] }) {
  const authority = new URL(baseUrl).host;
  const remote = (path) => `vscode-remote://${authority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const page = await browser.newPage();
  try {
    let showing = false;
    let timer;
    let finish;
    const exit = new Promise((resolve, reject) => {
      finish = resolve;
      timer = setTimeout(() => reject(new Error(`the extension tests did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The arguments of the extension host's console call: mocha's reporter passes a format string first.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.startsWith(START)) showing = true;
      if (showing) print(text.replace(/\n+$/, ''));
      else workbenchLog.push(`[${type}] ${text}`);
      if (text.startsWith(END)) showing = false;
    });
    await page.goto(url);
    try {
      return await exit;
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.close();
  }
}
