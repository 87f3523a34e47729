// UI smoke test through the code-server workbench with Debian's Chromium:
// open the fixture from the explorer, see the language mode and the grammar's
// colours, type a syntax error and see its squiggle, hover and Problems row,
// run a command from the palette; with the pending features, the lightbulb's
// quick fix too. Saves screenshots for the README.
//
// The selectors belong to VS Code 1.100 (code-server 4.100.3) and may change
// with the version: the real assertions live in the extension tests.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STEP_TIMEOUT_MS = 20_000;
const VIEWPORT = { width: 1200, height: 675 };
const MAX_SCREENSHOT_BYTES = 200 * 1024;
const TOGGLE_PROBLEMS = 'View: Toggle Problems';
const COMPOSE_COMMAND = 'Alloy: Check Compose Environment Variables';
const PIPELINE_COMMAND = 'Alloy: Show Pipeline';

/**
 * Runs the steps in order and stops at the first failure (later steps depend
 * on earlier ones). Screenshots go to `screenshots`, a failure's to
 * `failureScreenshot`. With `developmentPath`, the workbench loads that
 * extension in development mode. Resolves with one { name, ok, ms, error? }
 * per step run.
 */
export async function runUiSmoke({ browser, baseUrl, workspace, developmentPath, screenshots, failureScreenshot, pending, composeCommand, print = console.log }) {
  mkdirSync(screenshots, { recursive: true });
  // The smoke types a broken line right after `logging {`: this is its 1-based line number.
  const fixtureText = readFileSync(join(workspace, 'grafana-alloy', 'config.alloy'), 'utf8');
  const typedLine = fixtureText.split('\n').indexOf('logging {') + 2;
  if (typedLine < 2) throw new Error('the fixture has no "logging {" line');
  // The traces finding sits on the block its fix wires the tracing block to.
  const batchLine = fixtureText.split('\n').indexOf('otelcol.processor.batch "default" {') + 1;
  if (batchLine < 1) throw new Error('the fixture has no otelcol.processor.batch "default" block');
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const results = [];
  const started = Date.now();
  let openedAt = started;

  async function shot(name) {
    const path = join(screenshots, name);
    await page.screenshot({ path, animations: 'disabled' }); // finish fade-ins (hovers, menus)
    const bytes = statSync(path).size;
    if (bytes > MAX_SCREENSHOT_BYTES) throw new Error(`${name} is ${bytes} bytes, over ${MAX_SCREENSHOT_BYTES}`);
    return path;
  }

  /** Focuses the editor and puts the cursor on `line` (1-based) with Go to Line. */
  async function goToLine(line) {
    // Clicking the active tab focuses its editor without moving the cursor.
    await page.locator('.editor-group-container.active .tab.active').click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
  }

  /** The Alloy panel's page: a webview is an iframe holding the active frame. */
  function webview() {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    return row;
  }

  const steps = [
    ['the workbench opens the fixture workspace', async () => {
      let url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}`;
      if (developmentPath) {
        const payload = [['extensionDevelopmentPath', `vscode-remote://${new URL(baseUrl).host}${developmentPath}`]];
        url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      }
      await page.goto(url);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'grafana-alloy' }).waitFor({ state: 'visible' });
    }],
    ['config.alloy opens from the explorer', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'grafana-alloy' }).click();
      openedAt = Date.now();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'config.alloy' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'config.alloy' }).waitFor({ state: 'visible' });
      await editor.locator('.view-line', { hasText: 'otelcol.receiver.otlp' }).first().waitFor({ state: 'visible' });
    }],
    ['the first squiggle appears (open → first squiggle is printed)', async () => {
      // Measured from the click in the explorer, in a fresh profile: activation, server start, first diagnostics.
      await editor.locator('.squiggly-warning, .squiggly-info, .squiggly-error').first().waitFor({ state: 'attached' });
      print(`    open → first squiggle: ${Date.now() - openedAt} ms`);
    }],
    ['the status bar shows the language mode Grafana Alloy', async () => {
      await page.locator('[id="status.editor.mode"]', { hasText: 'Grafana Alloy' }).waitFor({ state: 'visible' });
    }],
    ['the grammar colours the tokens', async () => {
      // Until the grammar has tokenized the text, every token has the default colour class mtk1.
      // VS Code replaces the line elements when tokens arrive, so query afresh each time.
      // (Rendered lines use no-break spaces: match text with \s, not a space.)
      await page.waitForFunction(() => {
        const spans = document.querySelectorAll('.editor-instance .monaco-editor .view-lines span[class*="mtk"]');
        return new Set([...spans].map((s) => s.className)).size >= 4;
      });
    }],
    ['a typed syntax error gets a squiggle and a hover with Alloy\'s message', async () => {
      await goToLine(typedLine - 1);
      await editor.locator('.view-line', { hasText: /^logging\s\{$/ }).waitFor({ state: 'visible' });
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('foo = ;');
      await page.keyboard.press('Escape'); // close the suggestions typing may have opened
      await editor.locator('.squiggly-error').first().waitFor({ state: 'visible' });
      // Show the hover from the keyboard (Ctrl+K Ctrl+I) with the cursor on the `;`: pointing the mouse
      // at a squiggle that is redrawn as diagnostics arrive proved flaky.
      await page.keyboard.press('ArrowLeft');
      // A hover shows the diagnostics of the moment it opens: if it opened on an
      // intermediate state of the typing, open it again once they have settled.
      const hover = page.locator('.monaco-hover', { hasText: 'expected expression' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        try {
          await hover.waitFor({ state: 'visible', timeout: 4000 });
          break;
        } catch (error) {
          if (attempt === 5) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await shot('syntax-error-hover.png');
    }],
    ['the Problems panel lists the error', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'expected expression' }).first().waitFor({ state: 'visible' });
      await shot('problems-panel.png');
    }],
  ];

  if (pending) {
    steps.push(
      ['the lightbulb offers the quick fix that adds the tracing block', async () => {
        // Delete the typed line again; then the cursor goes where the traces finding is (the batch processor it wires to).
        await goToLine(typedLine);
        await page.keyboard.press('Control+Shift+K');
        await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
        await goToLine(batchLine);
        await editor.locator('.squiggly-warning').first().waitFor({ state: 'visible' });
        // In 1.100 the lightbulb sits in the gutter (glyph margin) when the line has room, else beside the text.
        await editor.locator('[class*="lightbulb"], [class*="lightBulb"]').filter({ visible: true }).first().waitFor({ state: 'visible' });
        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: /tracing/i }).first();
        await fix.waitFor({ state: 'visible' });
        await shot('quick-fix.png');
        await page.keyboard.press('Enter');
        // The block goes to the end of the file, out of view: the finding leaving the Problems panel shows it landed.
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'no tracing block' }).waitFor({ state: 'hidden' });
      }],
    );
  }

  if (composeCommand) {
    steps.push([`the palette runs "${COMPOSE_COMMAND}", whose report names the variable the compose service lacks`, async () => {
      const row = await runCommand(COMPOSE_COMMAND);
      await shot('command-palette.png');
      await row.click();
      // The report opens beside the configuration, in the Alloy panel, as a table naming the variable.
      await webview().locator('td.name', { hasText: 'GRAFANA_CLOUD_LOKI_USER' }).waitFor({ state: 'visible' });
      await shot('compose-check.png');
    }]);
    steps.push([`the palette runs "${PIPELINE_COMMAND}", which draws the pipeline with Alloy's own telemetry highlighted`, async () => {
      await page.locator('.tabs-container .tab', { hasText: 'config.alloy' }).first().click();
      const row = await runCommand(PIPELINE_COMMAND);
      await row.click();
      // The lightbulb step added the tracing block: all three of Alloy's own signals have a path now.
      await webview().locator('g.node.self', { hasText: 'tracing' }).waitFor({ state: 'visible' });
      await webview().locator('g.node.self', { hasText: 'prometheus.scrape' }).waitFor({ state: 'visible' });
      // Room for the graph: hide the side bar and the bottom panel (the last step, nothing after needs them).
      await page.keyboard.press('Control+B');
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').first().waitFor({ state: 'hidden' });
      await webview().locator('g.node.self', { hasText: 'tracing' }).waitFor({ state: 'visible' });
      await shot('pipeline.png');
    }]);
  } else {
    steps.push([`the palette runs "${TOGGLE_PROBLEMS}", which closes the Problems panel`, async () => {
      const panel = page.locator('.markers-panel').first();
      await panel.waitFor({ state: 'visible' });
      const row = await runCommand(TOGGLE_PROBLEMS);
      await shot('command-palette.png');
      await row.click();
      await panel.waitFor({ state: 'hidden' });
    }]);
  }

  try {
    for (const [name, run] of steps) {
      const t0 = Date.now();
      try {
        await run();
        results.push({ name, ok: true, ms: Date.now() - t0 });
        print(`  ✔ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        // Playwright's first lines name the call and the locator.
        const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' | ') : String(error);
        results.push({ name, ok: false, ms: Date.now() - t0, error: message });
        print(`  ✘ ${name}: ${message}`);
        if (await page.screenshot({ path: failureScreenshot }).then(() => true, () => false)) print(`    screenshot of the failure: ${failureScreenshot}`);
        break;
      }
    }
  } finally {
    await context.close();
  }
  return results;
}
