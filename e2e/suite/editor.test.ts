/**
 * The extension in a real VS Code: language registration, the language
 * server's diagnostics round trip through real edits, the outline and folding,
 * and a server that survives garbage.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  FIXTURE,
  LANGUAGE_ID,
  activateExtension,
  codeOf,
  formatDiagnostics,
  lineOf,
  restoreText,
  showFile,
  waitForDiagnostic,
  waitForDiagnostics,
  waitForNoDiagnostic,
  workspaceUri,
} from './helpers';

/** The top-level blocks of the fixture, in order: what the outline must list. */
const FIXTURE_TOP_LEVEL = [
  'otelcol.receiver.otlp "default"',
  'otelcol.processor.batch "default"',
  'otelcol.auth.basic "grafana_cloud"',
  'otelcol.exporter.otlphttp "grafana_cloud"',
  'prometheus.exporter.self "alloy"',
  'discovery.relabel "alloy"',
  'prometheus.scrape "alloy"',
  'otelcol.receiver.prometheus "alloy"',
  'logging',
  'loki.write "grafana_cloud"',
];

const isSyntax = (d: vscode.Diagnostic) => d.source === 'alloy' && codeOf(d) === 'syntax';

async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return symbols ?? [];
}

let untitledCount = 0;

/**
 * Opens a new untitled grafana-alloy document with `content` in a visible editor.
 *
 * Each document gets a name of its own: VS Code gives a new `Untitled-N`
 * document the name of one just closed, and can fill it with the closed one's
 * backup (seen here: the document opened after the garbage one held the
 * garbage text), so the test would check the wrong text.
 */
async function showUntitled(content: string): Promise<vscode.TextEditor> {
  untitledCount++;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/e2e-${process.pid}-${untitledCount}.alloy` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content)), `could not fill ${uri.toString()}`);
  // The editor keeps one kind of line ending: a lone CR in the garbage becomes LF.
  assert.ok(document.getText() === content.replace(/\r\n?/g, '\n'), `${uri.toString()} does not hold the text the test opened`);
  return editor;
}

/** Closes the active (untitled) editor without a save prompt. */
async function discardActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Text no one would write: random code points, stray quotes and escapes, unbalanced brackets. */
function garbageText(): string {
  let text = '\u001b[31m\uFFFD\uFEFF"unterminated\n';
  for (let i = 1; i <= 20_000; i++) {
    text += String.fromCharCode((i * 7919) % 0xd7ff); // never 0: 7919 is prime and i < 0xd7ff
    if (i % 97 === 0) text += '\n';
  }
  return `${text}\n${'{'.repeat(2000)}\n${'['.repeat(2000)}\n"\\q\\x${'}'.repeat(50)}`;
}

/** The start of a zip file: what opening a binary file as grafana-alloy gives. */
const BINARY = 'PK\u0003\u0004\u0014\u0000\b\u0000\b\u0000\u0000\u0000!\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[Content_Types].xml\u0000\u0001\u0002\u0003\n';

describe('Alloy extension in a real VS Code', function () {
  let fixture: vscode.Uri;

  before(async function () {
    fixture = workspaceUri(FIXTURE);
    await activateExtension();
  });

  afterEach(async function () {
    // A failed test must not leave the fixture edited for the next one.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixture.toString());
    if (document?.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert', fixture);
  });

  it('loads the extension the run asked for (the packaged .vsix or the repository)', function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is not active');
    const mode = process.env.E2E_EXTENSION_MODE;
    const repo = process.env.E2E_REPO_ROOT;
    if (!mode || !repo) this.skip();
    const fromRepo = path.resolve(extension.extensionPath) === path.resolve(repo);
    if (mode === 'vsix') assert.ok(!fromRepo, `expected the installed .vsix, but the extension runs from ${extension.extensionPath}`);
    else assert.ok(fromRepo, `expected the repository in development mode, but the extension runs from ${extension.extensionPath}`);
  });

  it('opens the fixture config.alloy as grafana-alloy', async function () {
    const editor = await showFile(FIXTURE);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.match(editor.document.getText(), /^logging \{/m);
  });

  it("reports a broken edit with Alloy's message and clears it on undo", async function () {
    const editor = await showFile(FIXTURE);
    const document = editor.document;
    const original = document.getText();
    assert.deepEqual(vscode.languages.getDiagnostics(fixture).filter(isSyntax), [], 'the fixture has syntax errors before the edit');

    const line = lineOf(document, 'logging {') + 1;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(fixture, new vscode.Position(line, 0), '\tfoo = ;\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was rejected');

    const diagnostic = await waitForDiagnostic(
      fixture,
      (d) => isSyntax(d) && /^expected expression, got \S+$/.test(d.message),
      'a syntax error "expected expression, got …" on the inserted line',
    );
    assert.equal(diagnostic.range.start.line, line, `on the wrong line: ${formatDiagnostics([diagnostic])}`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'undo did not restore the text');
    await waitForNoDiagnostic(fixture, isSyntax, 'the syntax error to clear after undo');
    await restoreText(document, original);
  });

  it('keeps serving after binary and garbage documents', async function () {
    // Whatever the server says about a binary file, it must answer and live on.
    const binary = await showUntitled(BINARY);
    await waitForDiagnostics(binary.document.uri, (all) => (all.length > 0 ? all : undefined), 'the server to answer for a binary document');
    await discardActiveEditor();

    const junk = await showUntitled(garbageText());
    await waitForDiagnostic(junk.document.uri, isSyntax, 'syntax errors for the garbage document');
    await discardActiveEditor();

    // The same server (no restart is needed for this) answers a new document and the fixture.
    const next = await showUntitled('prometheus.exporter.self "alloy" {\n');
    const missingBrace = await waitForDiagnostic(next.document.uri, isSyntax, 'a syntax error for a document opened after the garbage');
    assert.match(missingBrace.message, /^expected \}, got EOF$/);
    await discardActiveEditor();

    const symbols = await documentSymbols(fixture);
    assert.deepEqual(symbols.map((s) => s.name), FIXTURE_TOP_LEVEL);
  });

  it('lists the top-level components in the outline, with their attributes and blocks inside', async function () {
    await showFile(FIXTURE);
    const symbols = await documentSymbols(fixture);
    assert.deepEqual(symbols.map((s) => s.name), FIXTURE_TOP_LEVEL);
    const scrape = symbols.find((s) => s.name === 'prometheus.scrape "alloy"');
    assert.deepEqual(scrape?.children.map((c) => c.name), ['targets', 'forward_to']);
    const logging = symbols.find((s) => s.name === 'logging');
    assert.deepEqual(logging?.children.map((c) => c.name), ['level', 'format', 'write_to']);
    const lokiWrite = symbols.find((s) => s.name === 'loki.write "grafana_cloud"');
    assert.deepEqual(lokiWrite?.children.map((c) => c.name), ['endpoint']);
  });

  it('folds blocks, from the header to the line before the closing brace', async function () {
    const { document } = await showFile(FIXTURE);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', fixture);
    assert.ok(ranges && ranges.length > 0, 'no folding ranges');
    const shown = () => ranges.map((r) => `${r.start + 1}-${r.end + 1}`).join(', ');
    for (const header of ['otelcol.receiver.otlp "default" {', 'output {', 'logging {', 'loki.write "grafana_cloud" {', 'basic_auth {']) {
      const start = lineOf(document, header);
      const range = ranges.find((r) => r.start === start);
      assert.ok(range, `no folding range starts at line ${start + 1} (${header}); got ${shown()}`);
      // Like VS Code's own providers, the range ends on the line before the closing brace, which stays visible.
      assert.ok(range.end > range.start, `the folding range at line ${start + 1} is empty`);
      assert.match(document.lineAt(range.end + 1).text, /^\s*\}/, `the folding range at line ${start + 1} ends at line ${range.end + 1}, not before its closing brace`);
    }
  });
});
