/**
 * Quick fixes as a person expects them: after a fix, the inserted text is on
 * screen; a fix that edits another file (the compose file) opens that file
 * beside the configuration and leaves it unsaved, instead of editing and
 * saving it out of sight (VS Code saves files a refactoring-style edit
 * touched in the background).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const REVEAL_FIX_COMMAND = 'alloy-selfmon.revealFix';
export const APPLY_OTHER_FILE_FIX_COMMAND = 'alloy-selfmon.applyOtherFileFix';

/** Where the longest inserted text of `edits` lands once they are applied (edits before it shift its lines). */
export function insertedRange(edits: readonly vscode.TextEdit[]): vscode.Range | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start.compareTo(b.range.start));
  const main = sorted.reduce<vscode.TextEdit | undefined>((best, e) => (!best || e.newText.length > best.newText.length ? e : best), undefined);
  if (!main || main.newText.length === 0) return undefined;
  let shift = 0;
  for (const e of sorted) {
    if (e === main) break;
    shift += e.newText.split('\n').length - 1 - (e.range.end.line - e.range.start.line);
  }
  // Skip the line breaks that only separate the new text from what precedes it.
  const leading = /^\r?\n*/.exec(main.newText)?.[0] ?? '';
  const breaks = leading.split('\n').length - 1;
  const body = main.newText.slice(leading.length).replace(/\s+$/, '');
  const lines = body.split('\n');
  const startLine = main.range.start.line + shift + breaks;
  const start = new vscode.Position(startLine, breaks > 0 ? 0 : main.range.start.character);
  const last = lines[lines.length - 1] ?? '';
  const end = lines.length === 1 ? start.translate(0, last.length) : new vscode.Position(startLine + lines.length - 1, last.length);
  return new vscode.Range(start, end);
}

async function revealIn(uri: vscode.Uri, range: vscode.Range, column?: vscode.ViewColumn): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = visible ?? (await vscode.window.showTextDocument(uri, { viewColumn: column ?? vscode.ViewColumn.Active, preserveFocus: true, preview: false }));
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Code actions from the server, reshaped: a reveal after a fix in this file; another file's fix applied through our command. */
export const fixMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (!actions) return actions;
    for (const action of actions) {
      if (!(action instanceof vscode.CodeAction) || !action.edit || action.command) continue;
      if (!action.kind || !vscode.CodeActionKind.QuickFix.contains(action.kind)) continue;
      const entries = action.edit.entries();
      const elsewhere = entries.some(([uri]) => uri.toString() !== document.uri.toString());
      if (elsewhere) {
        action.command = { title: action.title, command: APPLY_OTHER_FILE_FIX_COMMAND, arguments: [action.edit, document.uri.toString()] };
        action.edit = undefined;
        continue;
      }
      const here = entries.find(([uri]) => uri.toString() === document.uri.toString());
      const inserted = here ? insertedRange(here[1]) : undefined;
      if (inserted) action.command = { title: 'Show the inserted text', command: REVEAL_FIX_COMMAND, arguments: [document.uri.toString(), inserted] };
    }
    return actions;
  },
};

/** The commands the reshaped code actions run. */
export function registerFixCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(REVEAL_FIX_COMMAND, (uri: string, range: vscode.Range) => revealIn(vscode.Uri.parse(uri), range)),
    vscode.commands.registerCommand(APPLY_OTHER_FILE_FIX_COMMAND, async (edit: vscode.WorkspaceEdit, from: string): Promise<boolean> => {
      const others = edit.entries().filter(([uri]) => uri.toString() !== from);
      // Open the other files beside first, so the edit happens where it can be seen (and stays unsaved).
      for (const [uri] of others) await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
      if (!(await vscode.workspace.applyEdit(edit))) return false;
      for (const [uri, edits] of others) {
        const inserted = insertedRange(edits);
        if (inserted) await revealIn(uri, inserted, vscode.ViewColumn.Beside);
      }
      return true;
    }),
  ];
}
