/**
 * The language server: thin adapters from LSP requests to the language
 * service. Every handler is guarded: an exception is logged with the feature
 * and the URI, answered with an empty result, and the server keeps serving.
 */
import {
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getFoldingRanges } from '../features/folding';
import { getDocumentSymbols, type OutlineSymbol } from '../features/symbols';
import { checkConfiguration } from '../languageService';
import { defaultSettings, resolveSettings, type Settings } from '../settings';
import type { LineIndex } from '../syntax/lineIndex';
import { pathToUri, toDiagnostic, toRange, uriToPath } from './convert';
import { MAX_FILE_BYTES, Workspace } from './workspace';

/** Push mode only (clients without pull diagnostics): how long to wait for typing to pause. */
const PUSH_DEBOUNCE_MS = 15;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace((path) => documents.get(pathToUri(path)));
  const settingsCache = new Map<string, Promise<Settings>>();
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationSupport = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();

  function guard<T>(feature: string, uri: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`[${feature}] ${uri}: ${detail}`);
      return fallback;
    }
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!configurationSupport) return Promise.resolve(defaultSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'alloySelfMonitoring' })
        .then((raw: unknown) => {
          const { settings, problems } = resolveSettings(raw);
          for (const p of problems) connection.console.warn(`settings: ${p}`);
          return settings;
        })
        .catch(() => defaultSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function linesOf(path: string): LineIndex | undefined {
    const open = documents.get(pathToUri(path));
    return open ? workspace.parsedDocument(open).parse.lineIndex : undefined;
  }

  /** Diagnostics of one document, computed against its whole configuration. */
  function computeDiagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    if (document.getText().length > MAX_FILE_BYTES) {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 2,
          source: 'alloy-selfmon',
          code: 'file-too-large',
          message: `This file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB and is not analysed.`,
        },
      ];
    }
    const files = workspace.configurationOf(document);
    const self = files[0];
    if (!self) return [];
    const lines = self.parse.lineIndex;
    const lookup = (path: string) => (path === self.path ? lines : (files.find((f) => f.path === path)?.parse.lineIndex ?? linesOf(path)));
    return checkConfiguration(files, settings)
      .filter((f) => f.file === self.path)
      .map((f) => toDiagnostic(f, lines, lookup));
  }

  function siblingsOpen(document: TextDocument): boolean {
    const path = uriToPath(document.uri);
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
    return documents.all().some((d) => d.uri !== document.uri && uriToPath(d.uri).startsWith(dir));
  }

  function schedulePush(document: TextDocument): void {
    const existing = pushTimers.get(document.uri);
    if (existing) clearTimeout(existing);
    pushTimers.set(
      document.uri,
      setTimeout(() => {
        pushTimers.delete(document.uri);
        const version = document.version;
        void getSettings(document.uri).then((settings) => {
          const current = documents.get(document.uri);
          if (!current || current.version !== version) return; // stale: a newer change will push
          const diagnostics = guard('diagnostics', document.uri, [] as Diagnostic[], () => computeDiagnostics(current, settings));
          void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
        });
      }, PUSH_DEBOUNCE_MS),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationSupport = !!caps.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'alloy-selfmon', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    if (pullDiagnostics && refreshSupport) void connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedulePush(d);
  });

  connection.languages.diagnostics.on(async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = document.version;
    const settings = await getSettings(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) {
      // The document moved on while we waited: let the client ask again.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    }
    const items = guard('diagnostics', uri, [] as Diagnostic[], () => computeDiagnostics(current, settings));
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  documents.onDidChangeContent((event) => {
    if (!pullDiagnostics) schedulePush(event.document);
    else if (refreshSupport && siblingsOpen(event.document)) void connection.languages.diagnostics.refresh();
  });

  documents.onDidClose((event) => {
    workspace.evict(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params) =>
    guard('documentSymbol', params.textDocument.uri, [] as DocumentSymbol[], () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const parsed = workspace.parsedDocument(document).parse;
      const convert = (s: OutlineSymbol): DocumentSymbol => ({
        name: s.name,
        kind: s.kind === 'attribute' ? SymbolKind.Property : s.topLevel ? SymbolKind.Module : SymbolKind.Struct,
        range: toRange(parsed.lineIndex, s.range),
        selectionRange: toRange(parsed.lineIndex, s.selectionRange),
        children: s.children.map(convert),
      });
      return getDocumentSymbols(parsed.file).map(convert);
    }),
  );

  connection.onFoldingRanges((params) =>
    guard('foldingRange', params.textDocument.uri, [] as FoldingRange[], () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const parsed = workspace.parsedDocument(document).parse;
      return getFoldingRanges(parsed.file, parsed.tokens, parsed.lineIndex).map((r) => ({
        startLine: r.startLine,
        endLine: r.endLine,
        ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
      }));
    }),
  );

  documents.listen(connection);
  connection.listen();
}
