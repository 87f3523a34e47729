/**
 * The language server: thin adapters from LSP requests to the language
 * service. Every handler is guarded: an exception is logged with the feature
 * and the URI, answered with an empty result, and the server keeps serving.
 */
import { dirname, sep } from 'node:path';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Hover,
  type Connection,
  type TextEdit,
  type WorkspaceEdit,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getFoldingRanges } from '../features/folding';
import { getDocumentSymbols, type OutlineSymbol } from '../features/symbols';
import { getCompletions, type CompletionItem as CoreCompletionItem } from '../features/completion';
import { getFormattingEdits } from '../features/formatting';
import { getHover } from '../features/hover';
import { buildModel } from '../semantic/model';
import { minimalEdit } from '../features/textDiff';
import { analyzeConfiguration, fixAll, isAutoFixable, type EnvironmentContext, type ParsedFile } from '../languageService';
import { overlayFileSystem } from '../compose/fileSystem';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import {
  COMPOSE_REPORT_REQUEST,
  ENVIRONMENT_DOCS_REQUEST,
  WORKSPACE_STATS_REQUEST,
  type ComposeReportEntry,
  type ComposeReportParams,
  type ComposeReportResult,
  type EnvironmentDocsParams,
  type EnvironmentDocsResult,
} from '../protocol';
import { environmentDocs } from './environmentDocs';
import { registerCommands } from './commands';
import type { FileEdit, Finding } from '../syntax/diagnostic';
import { LineIndex as Lines } from '../syntax/lineIndex';
import { defaultSettings, resolveSettings, type Settings } from '../settings';
import type { LineIndex } from '../syntax/lineIndex';
import { pathToUri, toDiagnostic, toRange, uriToPath } from './convert';
import type { Configuration, ConfigurationReason } from '../workspace/configurations';
import { configurationRole } from '../checks/rootBlocks';
import { unionFindings, withConfigurationReason } from '../workspace/configurationFindings';
import { MAX_FILE_BYTES, Workspace, type WatchedFileChange } from './workspace';
import { watchedChanges } from './watchers';
import { readTextFile } from '../textFiles';
import { navigationCapabilities, registerNavigation } from './navigation';
import { makeGuard } from './guard';
import { invalidParams, requireCodeActionOnly, requireDocumentUri, requireObject, requirePosition, requireRange, requireUris } from './params';

/** How long to wait for edits to pause before asking the client to re-pull every open document. */
const REFRESH_DEBOUNCE_MS = 150;

/** Push mode only (clients without pull diagnostics): how long to wait for typing to pause. */
const PUSH_DEBOUNCE_MS = 15;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace((path) => documents.get(pathToUri(path)), () => documents.all(), () => workspaceFolders);
  const settingsCache = new Map<string, Promise<Settings>>();
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationSupport = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let workspaceFolders: string[] = [];
  /** Compose/env files we published findings to, per configuration (its files), so they can be cleared. */
  const composePublished = new Map<string, Set<string>>();

  /**
   * The compose check reads open buffers first, then the disk; the host
   * environment is the server's; paths in settings and reports are relative to
   * the workspace folder holding the configuration.
   */
  function envContext(configPath: string | undefined): EnvironmentContext {
    const overlay = new Map<string, string>();
    for (const d of documents.all()) overlay.set(uriToPath(d.uri), d.getText());
    const folder = configPath ? workspaceFolders.filter((f) => configPath.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0] : undefined;
    return { fs: overlayFileSystem(overlay, nodeFileSystem), hostEnv: process.env, ...(folder ? { rootDir: folder } : {}) };
  }

  /** `reason` tells whether Alloy runs the files as its root configuration. */
  function analyze(files: ParsedFile[], settings: Settings, reason?: ConfigurationReason) {
    return analyzeConfiguration(files, settings, envContext(files[0]?.path), { role: configurationRole(reason) });
  }

  /** Findings on compose and env files are pushed: those files are not ours to pull for. */
  function publishComposeFindings(configKey: string, findings: Finding[], files: ParsedFile[]): void {
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) {
      if (files.some((x) => x.path === f.file)) continue;
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    const previous = composePublished.get(configKey) ?? new Set<string>();
    for (const path of previous) if (!byFile.has(path)) void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
    for (const [path, list] of byFile) {
      // A file that cannot be read (a device, a FIFO, too large) still gets its finding, at the start.
      const lines = new Lines(textOf(path) ?? '');
      void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: list.map((f) => toDiagnostic(f, lines, () => undefined)) });
    }
    composePublished.set(configKey, new Set(byFile.keys()));
  }

  const guard = makeGuard(connection);

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

  function linesOfAny(path: string): LineIndex | undefined {
    const text = textOf(path);
    return text === undefined ? undefined : new Lines(text);
  }

  /** The text of any file a fix may edit: an open buffer, else the disk. */
  function textOf(path: string): string | undefined {
    const open = documents.get(pathToUri(path));
    if (open) return open.getText();
    // The bounded reader: a compose finding may sit on /dev/zero or a FIFO.
    const read = readTextFile(path);
    return read.ok ? read.text : undefined;
  }

  function toWorkspaceEdit(edits: readonly FileEdit[]): WorkspaceEdit | undefined {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of edits) {
      const text = textOf(e.file);
      if (text === undefined) return undefined;
      const lines = new Lines(text);
      (changes[pathToUri(e.file)] ??= []).push({ range: toRange(lines, e.range), newText: e.newText });
    }
    return { changes };
  }

  /** The findings of every configuration the document belongs to, de-duplicated. */
  function findingsFor(document: TextDocument, settings: Settings): Finding[] {
    return unionFindings(workspace.configurationOf(document, settings.configurations).map((c) => analyze(c.files, settings).findings));
  }

  /** Diagnostics of one document, computed against its whole configuration. */
  function computeDiagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    const text = document.getText();
    const refuse = (code: string, message: string): Diagnostic[] => [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: 'alloy-selfmon', code, message },
    ];
    if (text.length > MAX_FILE_BYTES) return refuse('file-too-large', `This file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB and is not analysed.`);
    if (text.slice(0, 8000).includes('\0')) return refuse('binary-file', 'This file looks binary (it contains NUL characters) and is not analysed.');
    const configurations = workspace.configurationOf(document, settings.configurations);
    const self = configurations[0]?.files[0];
    if (!self) return [];
    const lines = self.parse.lineIndex;
    // Related locations may point into the configuration's other files, or into compose files.
    const lookup = (path: string) => configurations.flatMap((c) => c.files).find((f) => f.path === path)?.parse.lineIndex ?? linesOfAny(path);
    // A file several configurations load is checked in each; it shows the union of its own findings.
    const own = unionFindings(
      configurations.map(({ files, reason }) => {
        const { findings } = analyze(files, settings, reason);
        if (document.uri.startsWith('file:')) publishComposeFindings(files.map((f) => f.path).join('\0'), findings, files);
        return findings.filter((f) => f.file === self.path).map((f) => withConfigurationReason(f, reason));
      }),
    );
    // The core keeps at most 1,000 findings per file, and says so when it drops some.
    return own.map((f) => toDiagnostic(f, lines, lookup));
  }

  /** Whether another open document belongs to the same configuration (same directory on disk). */
  function siblingsOpen(document: TextDocument): boolean {
    if (!document.uri.startsWith('file:')) return false;
    const dir = dirname(uriToPath(document.uri));
    return documents.all().some((d) => d.uri !== document.uri && d.uri.startsWith('file:') && dirname(uriToPath(d.uri)) === dir);
  }

  /**
   * Asks the client to pull diagnostics again for every open document, once
   * typing or file changes pause: siblings of an edited file (duplicates span
   * files) and configurations whose compose files changed.
   */
  let refreshTimer: NodeJS.Timeout | undefined;
  function scheduleRefresh(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void connection.languages.diagnostics.refresh();
    }, REFRESH_DEBOUNCE_MS);
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

  const commands = registerCommands(connection, documents, {
    composeReport: (params) => composeReport(params),
    configurationOf: async (uri) => {
      const document = documents.get(uri);
      return document ? workspace.configurationOf(document, (await getSettings(uri)).configurations)[0]?.files : undefined;
    },
    settings: getSettings,
    analyze,
    filesChanged: (changes) => filesChanged(changes),
  });

  connection.onInitialize((params): InitializeResult => {
    const raw = requireObject('initialize', params).capabilities;
    if (typeof raw !== 'object' || raw === null) throw invalidParams('initialize', 'expected capabilities to be an object');
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationSupport = !!caps.workspace?.configuration;
    const folders: unknown = params.workspaceFolders;
    workspaceFolders = (Array.isArray(folders) ? folders : [])
      .map((f: unknown) => (typeof f === 'object' && f !== null && 'uri' in f && typeof f.uri === 'string' ? f.uri : undefined))
      .filter((uri): uri is string => uri !== undefined)
      .map(uriToPath);
    if (workspaceFolders.length === 0 && typeof params.rootUri === 'string') workspaceFolders = [uriToPath(params.rootUri)];
    commands.initialize(caps);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: ['.', '"', '='] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        foldingRangeProvider: true,
        ...navigationCapabilities,
        executeCommandProvider: commands.capability,
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
    const uri = requireDocumentUri('textDocument/diagnostic', params);
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
    else if (refreshSupport && siblingsOpen(event.document)) scheduleRefresh();
  });

  // Compose files, env files and .alloy files on disk changed (watched by the client, or by commands.ts).
  function filesChanged(changes?: readonly WatchedFileChange[]): void {
    workspace.invalidate(changes);
    if (pullDiagnostics && refreshSupport) scheduleRefresh();
    else for (const d of documents.all()) schedulePush(d);
  }
  connection.onDidChangeWatchedFiles((params) => filesChanged(watchedChanges(params)));

  connection.onRequest(COMPOSE_REPORT_REQUEST, composeReport);
  connection.onRequest(WORKSPACE_STATS_REQUEST, () => workspace.stats());
  async function composeReport(params: ComposeReportParams | undefined): Promise<ComposeReportResult> {
    const uris = requireUris(COMPOSE_REPORT_REQUEST, params);
    // The configurations of the given documents, else every configuration of the workspace folders.
    const configurations = new Map<string, Configuration>();
    const add = (c: Configuration) => configurations.set(c.files.join('\0'), c);
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const settings = await getSettings(uri);
      for (const c of guard('composeReport', uri, [] as Configuration[], () => workspace.configurationsOfPath(uriToPath(uri), settings.configurations))) add(c);
    }
    if (configurations.size === 0) {
      for (const folder of workspaceFolders) {
        const settings = await getSettings(pathToUri(folder));
        for (const c of guard('composeReport', folder, [] as Configuration[], () => workspace.configurationsIn(folder, settings.configurations))) add(c);
      }
    }
    const entries: ComposeReportEntry[] = [];
    for (const configuration of [...configurations.values()].sort((a, b) => ((a.files[0] ?? '') < (b.files[0] ?? '') ? -1 : 1))) {
      const settings = await getSettings(pathToUri(configuration.files[0] ?? ''));
      const entry = guard('composeReport', configuration.files[0] ?? '', undefined as ComposeReportEntry | undefined, () => composeReportFor(configuration, settings));
      if (entry) entries.push(entry);
    }
    return { entries };
  }

  connection.onRequest(ENVIRONMENT_DOCS_REQUEST, async (params: EnvironmentDocsParams | undefined): Promise<EnvironmentDocsResult | null> => {
    const uri = requireObject(ENVIRONMENT_DOCS_REQUEST, params).uri;
    if (typeof uri !== 'string') throw invalidParams(ENVIRONMENT_DOCS_REQUEST, 'uri must be the URI of an open .alloy document');
    const document = documents.get(uri);
    if (!document) return null;
    const settings = await getSettings(document.uri);
    return guard('environmentDocs', document.uri, null, () => {
      const files = workspace.configurationOf(document, settings.configurations)[0]?.files ?? [];
      const context = envContext(files[0]?.path);
      return environmentDocs(files, analyzeConfiguration(files, settings, context), context.rootDir, textOf);
    });
  });

  function composeReportFor(configuration: Configuration, settings: Settings): ComposeReportEntry | undefined {
    const files = workspace.load(configuration.files);
    const dir = dirname(configuration.files[0] ?? '');
    if (files.length === 0) return undefined;
    const { findings, env, envReports, explanation } = analyze(files, settings, configuration.reason);
    const counts: Record<string, number> = {};
    for (const f of findings) if (f.code.startsWith('env/') || f.code.startsWith('compose/')) counts[f.code] = (counts[f.code] ?? 0) + 1;
    const notes = findings.filter((f) => f.code.startsWith('compose/')).map((f) => f.message);
    if (!env) notes.unshift('No compose file applies to this configuration, or none of its services runs Alloy (by a volume mount of this config, or the grafana/alloy image).');
    return { files: files.map((f) => pathToUri(f.path)), directory: dir, reason: configuration.reason, env, envReports, explanation, notes, counts };
  }

  // Discovery follows opened, edited and closed documents by itself (see Workspace).
  documents.onDidClose((event) => {
    workspace.evict(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params) => {
    const uri = requireDocumentUri('textDocument/documentSymbol', params);
    return guard('documentSymbol', uri, [] as DocumentSymbol[], () => {
      const document = documents.get(uri);
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
    });
  });

  connection.onFoldingRanges((params) => {
    const uri = requireDocumentUri('textDocument/foldingRange', params);
    return guard('foldingRange', uri, [] as FoldingRange[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const parsed = workspace.parsedDocument(document).parse;
      return getFoldingRanges(parsed.file, parsed.tokens, parsed.lineIndex).map((r) => ({
        startLine: r.startLine,
        endLine: r.endLine,
        ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
      }));
    });
  });

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

  connection.onCompletion((params) => {
    const uri = requireDocumentUri('textDocument/completion', params);
    const position = requirePosition('textDocument/completion', params);
    return guard('completion', uri, [] as CompletionItem[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const files = workspace.configurationOf(document)[0]?.files ?? [];
      const self = files[0];
      if (!self) return [];
      const lines = self.parse.lineIndex;
      const offset = document.offsetAt(position);
      return getCompletions(buildModel(files), self, offset).map((item) => {
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
      });
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
      if (!self) return null;
      const hover = getHover(buildModel(files), self, document.offsetAt(position));
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(self.parse.lineIndex, hover.range) };
    });
  });

  connection.onDocumentFormatting((params) => {
    const uri = requireDocumentUri('textDocument/formatting', params);
    return guard('formatting', uri, [] as TextEdit[], () => {
      const document = documents.get(uri);
      if (!document) return [];
      const parsed = workspace.parsedDocument(document).parse;
      return getFormattingEdits(parsed).map((e) => ({ range: toRange(parsed.lineIndex, e.range), newText: e.newText }));
    });
  });

  connection.onCodeAction(async (params) => {
    const method = 'textDocument/codeAction';
    const uri = requireDocumentUri(method, params);
    const range = requireRange(method, params);
    const only = requireCodeActionOnly(method, params);
    const document = documents.get(uri);
    if (!document) return [];
    const settings = await getSettings(uri);
    return guard('codeAction', uri, [] as CodeAction[], () => {
      const self = workspace.parsedDocument(document);
      const lines = self.parse.lineIndex;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      const findings = findingsFor(document, settings);
      if (wants(CodeActionKind.QuickFix)) {
        const start = document.offsetAt(range.start);
        const end = document.offsetAt(range.end);
        for (const f of findings) {
          if (f.file !== self.path || !f.fixes?.length) continue;
          // Findings at a point (e.g. file start) match a cursor on their line.
          const touches = f.range.start <= end && f.range.end >= start;
          const sameLine = lines.lineOf(f.range.start) === lines.lineOf(start);
          if (!touches && !sameLine) continue;
          const diagnostic = toDiagnostic(f, lines, () => undefined);
          for (const fix of f.fixes) {
            const edit = toWorkspaceEdit(fix.edits);
            if (!edit) continue;
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
          }
        }
      }
      // Fix all re-checks the configuration once per fix: only when a client asks for it by kind
      // (on save, or the Source Action menu), never on the request every cursor move sends.
      const asked = only?.some((k) => CodeActionKind.SourceFixAll === k || CodeActionKind.SourceFixAll.startsWith(`${k}.`)) ?? false;
      if (asked && findings.some((f) => isAutoFixable(f.code) && f.fixes?.length)) {
        const files = workspace.configurationOf(document, settings.configurations)[0]?.files ?? [];
        const changed = fixAll(files.map((f) => ({ path: f.path, text: f.parse.text })), settings);
        const edits: FileEdit[] = [];
        for (const f of files) {
          const after = changed.get(f.path);
          const e = after === undefined ? undefined : minimalEdit(f.parse.text, after);
          if (e) edits.push({ file: f.path, ...e });
        }
        const edit = edits.length > 0 ? toWorkspaceEdit(edits) : undefined;
        if (edit) actions.push({ title: 'Fix all self-monitoring problems', kind: CodeActionKind.SourceFixAll, edit });
      }
      return actions;
    });
  });

  registerNavigation(connection, documents, workspace, () => workspaceFolders);
  documents.listen(connection);
  connection.listen();
}
