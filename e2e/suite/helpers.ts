/**
 * Helpers for the extension tests. Every wait here is on a real editor event
 * (diagnostics changed, a document changed) with a deadline that fails the
 * test with what was expected and what was last seen; nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'alloy-tools.alloy-self-monitoring';
export const LANGUAGE_ID = 'grafana-alloy';
/** The fixture file, relative to the workspace folder. */
export const FIXTURE = 'grafana-alloy/config.alloy';
export const COMPOSE_FILE = 'docker-compose.base.yml';

/** Long enough for a cold language server on a busy 2-core CI machine, short enough to fail fast. */
export const WAIT_MS = 15_000;

/** The extension under test, activated (which awaits the language client's start). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor was started without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a file of the workspace in a visible editor (the client pulls diagnostics only for visible documents). */
export async function showFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Resolves with `probe()`'s value as soon as it is defined: checked now and
 * after each `event`; rejects after `timeoutMs` with `describe()` of the last state.
 */
export function waitFor<T, E>(event: vscode.Event<E>, probe: () => T | undefined, what: string, describe: () => string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const initial = probe();
    if (initial !== undefined) {
      resolve(initial);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe()}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function formatDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no diagnostics';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source ?? '?'}/${codeOf(d) ?? '?'} ${d.message}`).join(' | ');
}

/** Waits until the diagnostics of `uri` satisfy `accept`, which returns the value to resolve with. */
export function waitForDiagnostics<T>(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => T | undefined, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const key = uri.toString();
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => accept(vscode.languages.getDiagnostics(uri)),
    `${what} in ${key}`,
    () => formatDiagnostics(vscode.languages.getDiagnostics(uri)),
    timeoutMs,
  );
}

/** Waits for a diagnostic matching `match` and returns it. */
export function waitForDiagnostic(uri: vscode.Uri, match: (d: vscode.Diagnostic) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic> {
  return waitForDiagnostics(uri, (all) => all.find(match), what, timeoutMs);
}

/** Waits until no diagnostic matches `match`. */
export function waitForNoDiagnostic(uri: vscode.Uri, match: (d: vscode.Diagnostic) => boolean, what: string, timeoutMs = WAIT_MS): Promise<true> {
  return waitForDiagnostics(uri, (all) => (all.some(match) ? undefined : true), what, timeoutMs);
}

/** Replaces the whole text of `document` (e.g. to undo what a test changed) and saves it. */
export async function restoreText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.toString()}`);
  }
  if (document.isDirty) await document.save();
}

/** The line (0-based) of the first line of `document` that equals `text` after trimming. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.trim() === text) return line;
  }
  assert.fail(`no line "${text}" in ${document.uri.toString()}`);
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
