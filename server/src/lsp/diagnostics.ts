/**
 * Diagnostics: pulled by clients that can (`textDocument/diagnostic`), pushed
 * after typing pauses to those that cannot. A document's diagnostics are its
 * own findings in every configuration it belongs to; findings on compose and
 * env files are always pushed (those files are not ours to pull for).
 */
import { dirname } from 'node:path';
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, ParsedFile } from '../languageService';
import type { Finding } from '../syntax/diagnostic';
import { LineIndex } from '../syntax/lineIndex';
import type { Settings } from '../settings';
import { unionFindings, withConfigurationReason } from '../workspace/configurationFindings';
import { BINARY_SNIFF_BYTES, MAX_TEXT_FILE_BYTES } from '../textFiles';
import { severityOf, type Code } from '../codes';
import { unmovedSince } from '../service/carriedAnalysis';
import { Serials } from '../syntax/serials';
import { pathToUri, toDiagnostic, uriToPath } from './convert';
import { requireDocumentUri } from './params';
import type { ServerContext } from './serverContext';

/** How long to wait for edits to pause before asking the client to re-pull every open document. */
const REFRESH_DEBOUNCE_MS = 150;

/** Push mode only (clients without pull diagnostics): how long to wait for typing to pause. */
const PUSH_DEBOUNCE_MS = 15;

export interface DiagnosticsHandlers {
  /** Files on disk changed: every open document is checked again once changes pause. */
  filesChanged(): void;
  /** The settings changed: every open document is checked again now. */
  settingsChanged(): void;
  /** A document closed: push mode clears what was pushed for it. */
  closed(uri: string): void;
}

/**
 * Whether two JSON-like values (what the server sends: plain objects, arrays,
 * strings, numbers) are equal. Written for diagnostics: a thousand of them
 * compare in well under a millisecond, where a general deep equality took ten.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

/** The key of a configuration's compose publications: its files' paths. */
function composeKey(files: readonly ParsedFile[]): string {
  return files.map((f) => f.path).join('\0');
}

/** Registers the pull handler and the change listeners that refresh or push. */
export function registerDiagnostics(ctx: ServerContext): DiagnosticsHandlers {
  const { connection, documents, workspace, service } = ctx;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  /** Compose/env files we published findings to, per configuration (its files), so they can be cleared. */
  const composePublished = new Map<string, Set<string>>();
  /** What each compose/env file was last sent: a new analysis with the same findings (typing in the configuration) sends nothing. */
  const lastSent = new Map<string, Diagnostic[]>();

  function send(path: string, diagnostics: Diagnostic[]): void {
    if (sameData(lastSent.get(path), diagnostics)) return;
    lastSent.set(path, diagnostics);
    void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics });
  }

  /** The diagnostics last computed per document, with the analyses they came from. */
  const lastItems = new Map<string, { analyses: readonly Analysis[]; items: Diagnostic[] }>();
  /**
   * The findings last published per configuration, by number: a cached analysis has
   * nothing new to push. Not held: findings keep their analysis's trees alive (their
   * fixes are built from them), and a closed document's trees must go (a `WeakRef`
   * would also keep them through every young collection, see `syntax/serials.ts`).
   */
  const publishedFrom = new Map<string, number>();
  const findingLists = new Serials<readonly Finding[]>();
  /**
   * The last full report pulled per document: a client that sends its result id
   * back is told "unchanged" when the diagnostics are the same (typing in a
   * comment), instead of being sent them all again.
   */
  const reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let nextResultId = 0;

  function publishComposeFindings(configKey: string, findings: readonly Finding[], files: readonly ParsedFile[]): void {
    const id = findingLists.of(findings);
    if (publishedFrom.get(configKey) === id) return;
    publishedFrom.set(configKey, id);
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) {
      if (files.some((x) => x.path === f.file)) continue;
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    const previous = composePublished.get(configKey) ?? new Set<string>();
    for (const path of previous) if (!byFile.has(path)) send(path, []);
    for (const [path, list] of byFile) {
      // A file that cannot be read (a device, a FIFO, too large) still gets its finding, at the start.
      const lines = new LineIndex(ctx.textOf(path) ?? '');
      send(path, list.map((f) => toDiagnostic(f, lines, () => undefined)));
    }
    composePublished.set(configKey, new Set(byFile.keys()));
  }

  /** Diagnostics of one document, computed against its whole configuration. */
  function computeDiagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    const text = document.getText();
    // The reader's limits, applied to a buffer the editor holds: one finding at the start instead of an analysis.
    const refuse = (code: Code, message: string): Diagnostic[] => {
      const finding: Finding = { file: uriToPath(document.uri), range: { start: 0, end: 0 }, code, severity: severityOf(code), message, source: 'alloy-selfmon' };
      return [toDiagnostic(finding, new LineIndex(''), () => undefined)];
    };
    if (text.length > MAX_TEXT_FILE_BYTES) return refuse('file-too-large', `This file is larger than ${MAX_TEXT_FILE_BYTES / (1024 * 1024)} MB and is not analysed.`);
    if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0')) return refuse('binary-file', 'This file looks binary (it contains NUL characters) and is not analysed.');
    const configurations = workspace.configurationOf(document, settings.configurations);
    const self = configurations[0]?.files[0];
    if (!self) return [];
    const lines = self.parse.lineIndex;
    // Related locations may point into the configuration's other files, or into compose files.
    const lookup = (path: string) => {
      const file = configurations.flatMap((c) => c.files).find((f) => f.path === path);
      if (file) return file.parse.lineIndex;
      const other = ctx.textOf(path);
      return other === undefined ? undefined : new LineIndex(other);
    };
    const analyses = configurations.map(({ files, reason }) => ctx.analyze(files, settings, reason));
    // The same analyses (the service kept them: nothing they read changed) give the same diagnostics.
    const last = lastItems.get(document.uri);
    if (last && last.analyses.length === analyses.length && last.analyses.every((a, i) => a === analyses[i])) return last.items;
    // Analyses carried over an edit that moved no finding's line or column: the same diagnostics.
    if (last && last.analyses.length === analyses.length && analyses.every((a, i) => unmovedSince(a, last.analyses[i] as Analysis, self.path))) {
      if (document.uri.startsWith('file:')) configurations.forEach(({ files }, i) => publishComposeFindings(composeKey(files), analyses[i]?.findings ?? [], files));
      lastItems.set(document.uri, { analyses, items: last.items });
      return last.items;
    }
    // A file several configurations load is checked in each; it shows the union of its own findings.
    const own = unionFindings(
      configurations.map(({ files, reason }, i) => {
        const findings = analyses[i]?.findings ?? [];
        if (document.uri.startsWith('file:')) publishComposeFindings(composeKey(files), findings, files);
        return findings.filter((f) => f.file === self.path).map((f) => withConfigurationReason(f, reason));
      }),
    );
    // The core keeps at most 1,000 findings per file, and says so when it drops some.
    const items = own.map((f) => toDiagnostic(f, lines, lookup));
    lastItems.set(document.uri, { analyses, items });
    return items;
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
        void ctx.settings.get(document.uri).then((settings) => {
          const current = documents.get(document.uri);
          if (!current || current.version !== version) return; // stale: a newer change will push
          const diagnostics = ctx.guard('diagnostics', document.uri, [] as Diagnostic[], () => computeDiagnostics(current, settings));
          void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
        });
      }, PUSH_DEBOUNCE_MS),
    );
  }

  connection.languages.diagnostics.on(async (params) => {
    const uri = requireDocumentUri('textDocument/diagnostic', params);
    const document = documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = document.version;
    const settings = await ctx.settings.get(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) {
      // The document moved on while we waited: let the client ask again.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    }
    const items = ctx.guard('diagnostics', uri, [] as Diagnostic[], () => computeDiagnostics(current, settings));
    const last = reports.get(uri);
    if (last && params.previousResultId === last.resultId && sameData(last.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = String(++nextResultId);
    reports.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  documents.onDidChangeContent((event) => {
    if (!ctx.client.pullDiagnostics) schedulePush(event.document);
    else if (ctx.client.refreshSupport && siblingsOpen(event.document)) scheduleRefresh();
  });

  return {
    filesChanged() {
      service.clear();
      if (ctx.client.pullDiagnostics && ctx.client.refreshSupport) scheduleRefresh();
      else for (const d of documents.all()) schedulePush(d);
    },
    settingsChanged() {
      service.clear();
      if (ctx.client.pullDiagnostics && ctx.client.refreshSupport) void connection.languages.diagnostics.refresh();
      else for (const d of documents.all()) schedulePush(d);
    },
    closed(uri) {
      lastItems.delete(uri);
      reports.delete(uri);
      if (!ctx.client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}
