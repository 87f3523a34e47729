/**
 * Outline, folding, completion, hover and formatting: each handler finds the
 * document's parse (or its configuration's cached model, through the service),
 * calls the service, and turns offsets into LSP positions.
 */
import {
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { CompletionItem as CoreCompletionItem } from '../features/completion';
import type { OutlineSymbol } from '../features/symbols';
import type { LineIndex } from '../syntax/lineIndex';
import { toRange } from './convert';
import { requireDocumentUri, requirePosition } from './params';
import type { ServerContext } from './serverContext';

const completionKinds: Record<CoreCompletionItem['kind'], CompletionItemKind> = {
  component: CompletionItemKind.Class,
  block: CompletionItemKind.Struct,
  attribute: CompletionItemKind.Property,
  function: CompletionItemKind.Function,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(item: CoreCompletionItem, lines: LineIndex): CompletionItem {
  const out: CompletionItem = { label: item.label, kind: completionKinds[item.kind] };
  if (item.detail) out.detail = item.detail;
  if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  if (item.sortText) out.sortText = item.sortText;
  if (item.deprecated) out.tags = [1];
  if (item.insertTextFormat === 'snippet') out.insertTextFormat = InsertTextFormat.Snippet;
  const newText = item.insertText ?? item.label;
  if (item.replaceRange) out.textEdit = { range: toRange(lines, item.replaceRange), newText };
  else out.insertText = newText;
  return out;
}

function toDocumentSymbol(s: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: s.name,
    kind: s.kind === 'attribute' ? SymbolKind.Property : s.topLevel ? SymbolKind.Module : SymbolKind.Struct,
    range: toRange(lines, s.range),
    selectionRange: toRange(lines, s.selectionRange),
  };
  // Leaves carry no `children` array: an outline of thousands of blocks is sent as JSON.
  if (s.children.length > 0) symbol.children = s.children.map((c) => toDocumentSymbol(c, lines));
  return symbol;
}

/** Registers documentSymbol, foldingRange, completion, hover and formatting. */
export function registerFeatures(ctx: ServerContext): void {
  const { connection, documents, workspace, service, guard } = ctx;

  connection.onDocumentSymbol((params) => {
    const uri = requireDocumentUri('textDocument/documentSymbol', params);
    return guard('documentSymbol', uri, [] as DocumentSymbol[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const file = workspace.parsedDocument(document);
      return service.symbols(file).map((s) => toDocumentSymbol(s, file.parse.lineIndex));
    });
  });

  connection.onFoldingRanges((params) => {
    const uri = requireDocumentUri('textDocument/foldingRange', params);
    return guard('foldingRange', uri, [] as FoldingRange[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      return service.folding(workspace.parsedDocument(document)).map((r) => ({
        startLine: r.startLine,
        endLine: r.endLine,
        ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
      }));
    });
  });

  connection.onCompletion((params) => {
    const uri = requireDocumentUri('textDocument/completion', params);
    const position = requirePosition('textDocument/completion', params);
    return guard('completion', uri, [] as CompletionItem[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const files = workspace.configurationOf(document)[0]?.files ?? [];
      const lines = files[0]?.parse.lineIndex;
      if (!lines) return [];
      return service.complete(files, document.offsetAt(position)).map((item) => toCompletionItem(item, lines));
    });
  });

  connection.onHover((params) => {
    const uri = requireDocumentUri('textDocument/hover', params);
    const position = requirePosition('textDocument/hover', params);
    return guard('hover', uri, null as Hover | null, () => {
      const document = documents.get(uri);
      if (!document) return null;
      const files = workspace.configurationOf(document)[0]?.files ?? [];
      const self = files[0];
      const hover = self ? service.hover(files, document.offsetAt(position)) : undefined;
      if (!self || !hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(self.parse.lineIndex, hover.range) };
    });
  });

  connection.onDocumentFormatting((params) => {
    const uri = requireDocumentUri('textDocument/formatting', params);
    return guard('formatting', uri, [] as TextEdit[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const file = workspace.parsedDocument(document);
      return service.format(file).map((e) => ({ range: toRange(file.parse.lineIndex, e.range), newText: e.newText }));
    });
  });
}
