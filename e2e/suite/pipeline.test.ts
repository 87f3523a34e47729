/**
 * The Alloy panel in the real editor: "Alloy: Show Pipeline" draws the
 * fixture's graph with the missing traces link marked, a click on a node
 * reveals its block, an edit redraws it; the compose check renders its report
 * as a table in the same panel. The webview cannot be read from outside, so
 * it reports what it drew (RenderSummary) through the extension's API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE, WAIT_MS, activateExtension, lineOf, restoreText, showFile, waitFor, workspaceUri } from './helpers';

interface RenderSummary {
  view: 'pipeline' | 'environment';
  nodes: string[];
  edges: string[];
  broken: string[];
  self: string[];
  rows: string[][];
}
interface ExtensionApi {
  rendered(view: RenderSummary['view'], accept: (s: RenderSummary) => boolean): Promise<RenderSummary>;
  clickNode(id: string): void;
}

/** `api.rendered` with a deadline that says what was last drawn. */
async function drawn(api: ExtensionApi, view: RenderSummary['view'], accept: (s: RenderSummary) => boolean, what: string): Promise<RenderSummary> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for the ${view} view to draw ${what}`)), WAIT_MS);
  });
  try {
    return await Promise.race([api.rendered(view, accept), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the Alloy panel: pipeline and compose environment', function () {
  let api: ExtensionApi;
  let document: vscode.TextDocument;
  let original: string;

  before(async function () {
    api = (await activateExtension()).exports as ExtensionApi;
    document = (await showFile(FIXTURE)).document;
    original = document.getText();
  });

  afterEach(async function () {
    await restoreText(document, original);
  });

  it("draws the fixture's components and links, with Alloy's own metrics highlighted and the missing traces link in red", async function () {
    await showFile(FIXTURE);
    await vscode.commands.executeCommand('alloy-selfmon.showPipeline');
    const s = await drawn(api, 'pipeline', (x) => x.nodes.includes('prometheus.scrape.alloy'), 'the fixture');
    for (const id of ['prometheus.exporter.self.alloy', 'prometheus.scrape.alloy', 'logging', 'loki.write.grafana_cloud', 'missing:traces']) assert.ok(s.nodes.includes(id), `no node ${id}; drew ${s.nodes.join(', ')}`);
    for (const e of ['prometheus.exporter.self.alloy -targets-> discovery.relabel.alloy', 'discovery.relabel.alloy -targets-> prometheus.scrape.alloy', 'logging -logs-> loki.write.grafana_cloud']) assert.ok(s.edges.includes(e), `no edge ${e}; drew ${s.edges.join(', ')}`);
    assert.ok(s.broken.includes('missing:traces'), `the missing tracing block is not marked; broken: ${s.broken.join(', ')}`);
    assert.ok(s.self.includes('prometheus.scrape.alloy') && s.self.includes('loki.write.grafana_cloud'), `Alloy's own paths: ${s.self.join(', ')}`);
  });

  it('reveals the block of a clicked node', async function () {
    const editor = await showFile(FIXTURE);
    await vscode.commands.executeCommand('alloy-selfmon.showPipeline');
    await drawn(api, 'pipeline', (x) => x.nodes.includes('loki.write.grafana_cloud'), 'the fixture');
    const line = lineOf(editor.document, 'loki.write "grafana_cloud" {');
    api.clickNode('loki.write.grafana_cloud');
    await waitFor(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === workspaceUri(FIXTURE).toString() && active.selection.start.line === line ? true : undefined;
      },
      `the cursor on line ${line + 1}`,
      () => `${vscode.window.activeTextEditor?.document.uri.toString()} line ${vscode.window.activeTextEditor?.selection.start.line}`,
    );
  });

  it('follows edits', async function () {
    const editor = await showFile(FIXTURE);
    await vscode.commands.executeCommand('alloy-selfmon.showPipeline');
    await drawn(api, 'pipeline', (x) => x.nodes.includes('prometheus.scrape.alloy'), 'the fixture');
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, '\nloki.echo "pipeline_view" { }\n')), 'the edit was rejected');
    await drawn(api, 'pipeline', (x) => x.nodes.includes('loki.echo.pipeline_view'), 'the new component');
  });

  it('shows the compose report as a table', async function () {
    await showFile(FIXTURE);
    await vscode.commands.executeCommand('alloy-selfmon.checkComposeEnv');
    const s = await drawn(api, 'environment', (x) => x.rows.length > 1, 'a table');
    assert.deepEqual(s.rows[0], ['Variable', 'Status', 'Source']);
    const row = s.rows.find((r) => r[0] === 'GRAFANA_CLOUD_LOKI_USER');
    assert.deepEqual(row?.slice(1), ['missing', '—']);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'alloy-selfmon-report'), 'the report is no longer a Markdown document');
  });
});
