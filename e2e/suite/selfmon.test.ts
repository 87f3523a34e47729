/**
 * The product's own features in the real editor: the self-monitoring finding
 * and its quick fix, fix all, the compose environment command and its fix on
 * the compose file, snippets and completion.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  COMPOSE_FILE,
  EXTENSION_ID,
  FIXTURE,
  activateExtension,
  applyCodeAction,
  codeOf,
  lineOf,
  restoreText,
  showFile,
  waitForDiagnostic,
  waitFor,
  waitForNoDiagnostic,
  workspaceUri,
} from './helpers';

const TRACES_MISSING = 'selfmon/traces-missing';
const COMPOSE_COMMAND = 'alloy-selfmon.checkComposeEnv';
/** Read by the fixture with sys.env, not passed to the compose service `alloy`. */
const MISSING_VARIABLE = 'GRAFANA_CLOUD_LOKI_USER';

const isTracesMissing = (d: vscode.Diagnostic) => d.source === 'alloy-selfmon' && codeOf(d) === TRACES_MISSING;
const isMissingVariable = (d: vscode.Diagnostic) => codeOf(d) === 'env/missing' && d.message.includes(MISSING_VARIABLE);

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Thenable<vscode.CodeAction[] | undefined> {
  // Resolve up to 20 actions so that lazily computed edits are filled in.
  return vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind?.value, 20);
}

/**
 * The quick fixes among `actions` whose title matches `title`. (The API command
 * vscode.executeCodeActionProvider does not return an action's `diagnostics`,
 * so the action cannot be matched to its diagnostic by code.)
 */
function quickFixes(actions: readonly vscode.CodeAction[] | undefined, title: RegExp): vscode.CodeAction[] {
  return (actions ?? []).filter((a) => a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind) && title.test(a.title));
}

function titles(actions: readonly vscode.CodeAction[] | undefined): string {
  return (actions ?? []).map((a) => `${a.kind?.value ?? '?'} "${a.title}"`).join(', ') || 'none';
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

/** Inserts `text` at `position` and returns the position right after it. */
async function insert(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<vscode.Position> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was rejected');
  return document.positionAt(document.offsetAt(position) + text.length);
}

describe('self-monitoring, compose environment, snippets and completion', function () {
  let fixture: vscode.Uri;
  let document: vscode.TextDocument;
  let original: string;

  before(async function () {
    fixture = workspaceUri(FIXTURE);
    await activateExtension();
    document = (await showFile(FIXTURE)).document;
    original = document.getText();
  });

  afterEach(async function () {
    await restoreText(document, original);
  });

  it("reports that Alloy's own traces are not exported, and nothing about the metrics and logs it does export", async function () {
    await showFile(FIXTURE);
    const diagnostic = await waitForDiagnostic(fixture, isTracesMissing, `${TRACES_MISSING} from alloy-selfmon`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const others = vscode.languages.getDiagnostics(fixture).filter((d) => /^selfmon\/(metrics|logs)/.test(codeOf(d) ?? ''));
    assert.deepEqual(others.map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  it('offers a quick fix that inserts a tracing block, which clears the finding', async function () {
    await showFile(FIXTURE);
    const diagnostic = await waitForDiagnostic(fixture, isTracesMissing, TRACES_MISSING);
    const actions = await codeActions(fixture, diagnostic.range, vscode.CodeActionKind.QuickFix);
    const fixes = quickFixes(actions, /tracing/i);
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    assert.ok(fix, `no quick fix about tracing for ${TRACES_MISSING}; got ${titles(actions)}`);
    await applyCodeAction(fix);
    const text = document.getText();
    assert.match(text, /^tracing \{$/m, 'no tracing block was inserted');
    const tracingLine = lineOf(document, 'tracing {');
    const onScreen = () => vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges.some((r) => r.start.line <= tracingLine && tracingLine <= r.end.line);
    await waitFor(vscode.window.onDidChangeTextEditorVisibleRanges, () => (onScreen() ? true : undefined), `the inserted block (line ${tracingLine + 1}) on screen`, () =>
      JSON.stringify(vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges.map((r) => [r.start.line + 1, r.end.line + 1])),
    );
    assert.match(text.slice(text.search(/^tracing \{$/m)), /^\s+write_to\s*=\s*\[\s*\S/m, 'the tracing block has no write_to target');
    await waitForNoDiagnostic(fixture, isTracesMissing, `${TRACES_MISSING} to clear after the quick fix`);
  });

  it('fixes everything with the source.fixAll action', async function () {
    await showFile(FIXTURE);
    await waitForDiagnostic(fixture, isTracesMissing, TRACES_MISSING);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActions(fixture, whole, vscode.CodeActionKind.SourceFixAll);
    const fixAll = (actions ?? []).find((a) => a.kind !== undefined && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
    assert.ok(fixAll, `no source.fixAll action; got ${titles(actions)}`);
    await applyCodeAction(fixAll);
    assert.match(document.getText(), /^tracing \{$/m, 'fix all did not insert the tracing block');
    await waitForNoDiagnostic(fixture, isTracesMissing, `${TRACES_MISSING} to clear after fix all`);
  });

  it('checks the compose environment from the command palette and fixes the compose file', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (extension?.packageJSON?.contributes?.commands ?? []) as { command: string; title: string; category?: string }[];
    const entry = contributed.find((c) => c.command === COMPOSE_COMMAND);
    assert.ok(entry, `${COMPOSE_COMMAND} is not contributed`);
    assert.equal(entry.category ? `${entry.category}: ${entry.title}` : entry.title, 'Alloy: Check Compose Environment Variables');
    assert.ok((await vscode.commands.getCommands(true)).includes(COMPOSE_COMMAND), `${COMPOSE_COMMAND} is not registered`);

    const composeUri = workspaceUri(COMPOSE_FILE);
    const compose = await vscode.workspace.openTextDocument(composeUri);
    const composeOriginal = compose.getText();
    try {
      await showFile(FIXTURE);
      await vscode.commands.executeCommand(COMPOSE_COMMAND);
      const diagnostic = await waitForDiagnostic(fixture, isMissingVariable, `env/missing for ${MISSING_VARIABLE}`);
      const actions = await codeActions(fixture, diagnostic.range, vscode.CodeActionKind.QuickFix);
      // The fix edits another file: the client applies it through a command that opens that file beside.
      const fix = quickFixes(actions, new RegExp(MISSING_VARIABLE)).find((a) => a.command?.command === 'alloy-selfmon.applyOtherFileFix');
      assert.ok(fix, `no quick fix naming ${MISSING_VARIABLE} that edits ${COMPOSE_FILE}; got ${titles(actions)}`);
      await applyCodeAction(fix);

      const alloyService = compose.getText().slice(compose.getText().indexOf('\n  alloy:'));
      assert.match(alloyService, new RegExp(`^\\s+-?\\s*${MISSING_VARIABLE}\\b`, 'm'), `${MISSING_VARIABLE} was not added to the alloy service`);
      assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === composeUri.toString()), `${COMPOSE_FILE} is not shown beside`);
      assert.ok(compose.isDirty, `${COMPOSE_FILE} was saved behind the user's back`);
      await compose.save();
      await vscode.commands.executeCommand(COMPOSE_COMMAND);
      await waitForNoDiagnostic(fixture, isMissingVariable, `env/missing for ${MISSING_VARIABLE} to clear`);
    } finally {
      await restoreText(compose, composeOriginal);
    }
  });

  it('offers the self-monitoring snippets at the top level', async function () {
    await showFile(FIXTURE);
    const at = await insert(document, document.positionAt(document.getText().length), '\n');
    const items = await completionsAt(fixture, at);
    const snippet = items.find((i) => labelOf(i) === 'selfmon-traces');
    assert.ok(snippet, `no selfmon-traces snippet; got ${items.slice(0, 30).map(labelOf).join(', ')}`);
    assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);
  });

  it('does not offer the top-level snippets inside a block', async function () {
    await showFile(FIXTURE);
    const header = lineOf(document, 'prometheus.scrape "alloy" {');
    await insert(document, new vscode.Position(header + 1, 0), '\t\n');
    const items = await completionsAt(fixture, new vscode.Position(header + 1, 1));
    assert.ok(items.length > 0, 'nothing is offered inside the block');
    const snippets = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('selfmon-'));
    assert.deepEqual(snippets.map(labelOf), []);
  });

  it('completes component names and the arguments of a block', async function () {
    await showFile(FIXTURE);
    const afterDot = await insert(document, document.positionAt(document.getText().length), '\nprometheus.');
    const components = (await completionsAt(fixture, afterDot)).map(labelOf);
    assert.ok(components.some((l) => /(^|\.)exporter\.self$/.test(l)), `prometheus.exporter.self is not offered; got ${components.slice(0, 30).join(', ')}`);
    await restoreText(document, original);

    const header = lineOf(document, 'prometheus.scrape "alloy" {');
    await insert(document, new vscode.Position(header + 1, 0), '\t\n');
    const argumentsOffered = (await completionsAt(fixture, new vscode.Position(header + 1, 1))).map(labelOf);
    assert.ok(argumentsOffered.includes('scrape_interval'), `scrape_interval is not offered inside prometheus.scrape; got ${argumentsOffered.slice(0, 30).join(', ')}`);
  });
});
