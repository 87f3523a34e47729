/**
 * Format Document on a file with syntax errors says why it did nothing
 * instead of doing nothing silently.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { formatRefusal } from './formatNotice';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

export const formattingMiddleware: Middleware = {
  async provideDocumentFormattingEdits(document, options, token, next) {
    const edits = await next(document, options, token);
    if (edits && edits.length > 0) return edits;
    const errors = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => codeOf(d) === 'syntax' && d.severity === vscode.DiagnosticSeverity.Error)
      .map((d) => ({ line: d.range.start.line, message: d.message }));
    const notice = formatRefusal(path.basename(document.uri.path), errors);
    if (notice) void vscode.window.showWarningMessage(notice);
    return edits;
  },
};
