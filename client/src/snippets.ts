/**
 * The snippets of snippets/alloy.json as completions offered only at the top
 * level of a file (a contributed snippet file would be offered everywhere,
 * inside blocks too).
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { isTopLevel } from './snippetContext';

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export function registerSnippets(file: string): vscode.Disposable {
  let entries: [string, SnippetEntry][] = [];
  try {
    entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, SnippetEntry>);
  } catch {
    // A damaged install: no snippets rather than a failed activation.
  }
  return vscode.languages.registerCompletionItemProvider({ language: 'grafana-alloy' }, {
    provideCompletionItems(document, position) {
      if (!isTopLevel(document.getText(), document.offsetAt(position))) return [];
      const line = document.lineAt(position.line).text.slice(0, position.character);
      const word = /[\w.-]*$/.exec(line)?.[0] ?? '';
      const range = new vscode.Range(position.translate(0, -word.length), position);
      return entries.flatMap(([name, s]) => {
        const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
        return (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).map((prefix) => {
          const item = new vscode.CompletionItem({ label: prefix, description: name }, vscode.CompletionItemKind.Snippet);
          item.insertText = new vscode.SnippetString(body);
          item.range = range;
          item.detail = s.description ?? name;
          item.documentation = new vscode.MarkdownString().appendCodeblock(body, 'alloy');
          return item;
        });
      });
    },
  });
}
