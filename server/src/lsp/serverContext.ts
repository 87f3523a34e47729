/**
 * What every handler shares: the open documents, the workspace's
 * configurations, the language service with its caches, the settings, and the
 * few helpers that need the editor's view of files (open buffers first).
 */
import { sep } from 'node:path';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, EnvironmentContext, ParsedFile } from '../languageService';
import { createLanguageService, type AnalyzeContext, type LanguageService } from '../service/languageService';
import { diskStamp } from '../service/dependencies';
import { overlayFileSystem } from '../compose/fileSystem';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import { configurationRole } from '../checks/rootBlocks';
import type { ConfigurationReason } from '../workspace/configurations';
import { readTextFile } from '../textFiles';
import { LineIndex } from '../syntax/lineIndex';
import type { FileEdit } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { Workspace } from './workspace';
import { pathToUri, toRange, uriToPath } from './convert';
import { makeGuard, type Guard } from './guard';
import { SettingsStore } from './settings';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  service: LanguageService;
  settings: SettingsStore;
  guard: Guard;
  /** Workspace folder paths, from `initialize`. */
  folders: string[];
  /** What the client said it can do, from `initialize`. */
  client: { pullDiagnostics: boolean; refreshSupport: boolean };
  /** The analysis of a configuration as the editor sees it (open buffers first), from the service's cache. */
  analyze(files: readonly ParsedFile[], settings: Settings, reason?: ConfigurationReason): Analysis;
  /** The environment context of a configuration whose first file is `configPath`. */
  envContext(configPath: string | undefined): EnvironmentContext;
  /** Where and how a configuration runs, for the service. */
  contextOf(files: readonly ParsedFile[], reason?: ConfigurationReason): AnalyzeContext;
  /** The text of any file a fix or finding may name: an open buffer, else the disk. */
  textOf(path: string): string | undefined;
  /** Core edits as an LSP workspace edit; undefined when a file they edit cannot be read. */
  toWorkspaceEdit(edits: readonly FileEdit[]): WorkspaceEdit | undefined;
}

/** The shared state of one server; `folders` and `client` are filled in by `initialize`. */
export function createServerContext(connection: Connection): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const folders: string[] = [];
  const workspace = new Workspace((path) => documents.get(pathToUri(path)), () => documents.all(), () => folders);
  // An open buffer's content is its version; a file on disk's, its mtime and size.
  const stampOf = (path: string): string => {
    const open = documents.get(pathToUri(path));
    return open ? `v${open.version}` : diskStamp(path);
  };
  const service = createLanguageService({ stampOf });

  function textOf(path: string): string | undefined {
    const open = documents.get(pathToUri(path));
    if (open) return open.getText();
    // The bounded reader: a compose finding may sit on /dev/zero or a FIFO.
    const read = readTextFile(path);
    return read.ok ? read.text : undefined;
  }

  const context: ServerContext = {
    connection,
    documents,
    workspace,
    service,
    settings: new SettingsStore(connection),
    guard: makeGuard(connection),
    folders,
    client: { pullDiagnostics: false, refreshSupport: false },
    envContext(configPath) {
      const overlay = new Map<string, string>();
      for (const d of documents.all()) overlay.set(uriToPath(d.uri), d.getText());
      const folder = configPath ? folders.filter((f) => configPath.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0] : undefined;
      return { fs: overlayFileSystem(overlay, nodeFileSystem), hostEnv: process.env, ...(folder ? { rootDir: folder } : {}) };
    },
    contextOf(files, reason) {
      return { env: context.envContext(files[0]?.path), role: configurationRole(reason) };
    },
    analyze(files, settings, reason) {
      return service.analyze(files, settings, context.contextOf(files, reason));
    },
    textOf,
    toWorkspaceEdit(edits) {
      const changes: Record<string, TextEdit[]> = {};
      const lines = new Map<string, LineIndex>();
      for (const e of edits) {
        let index = lines.get(e.file);
        if (!index) {
          const text = textOf(e.file);
          if (text === undefined) return undefined;
          index = new LineIndex(text);
          lines.set(e.file, index);
        }
        (changes[pathToUri(e.file)] ??= []).push({ range: toRange(index, e.range), newText: e.newText });
      }
      return { changes };
    },
  };
  return context;
}
