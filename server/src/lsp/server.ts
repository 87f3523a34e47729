/**
 * The language server: wires the LSP connection to the handler files, each a
 * thin adapter from LSP types to the language service and back. Every
 * handler is guarded: an exception is logged with the feature and the URI,
 * answered with an empty result, and the server keeps serving.
 */
import { dirname } from 'node:path';
import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { registerCommands } from './commands';
import { WORKSPACE_STATS_REQUEST } from '../protocol';
import { watchedChanges } from './watchers';
import type { WatchedFileChange } from './workspace';
import { registerCodeActions } from './codeActions';
import { registerCompose } from './compose';
import { registerDiagnostics } from './diagnostics';
import { registerFeatures } from './features';
import { navigationCapabilities, registerNavigation } from './navigation';
import { invalidParams, requireObject } from './params';
import { createServerContext } from './serverContext';
import { uriToPath } from './convert';

export function startServer(connection: Connection): void {
  const ctx = createServerContext(connection);
  const { documents, workspace, service } = ctx;
  const diagnostics = registerDiagnostics(ctx);
  const composeReport = registerCompose(ctx);
  registerCodeActions(ctx);
  registerFeatures(ctx);

  // Compose files, env files and .alloy files on disk changed (watched by the client, or by commands.ts).
  function filesChanged(changes?: readonly WatchedFileChange[]): void {
    workspace.invalidate(changes);
    diagnostics.filesChanged();
  }

  const commands = registerCommands(connection, documents, {
    composeReport,
    analyzed: async (uri) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      const settings = await ctx.settings.get(uri);
      const configuration = workspace.configurationOf(document, settings.configurations)[0];
      if (!configuration) return undefined;
      const { files, reason } = configuration;
      return { files, analysis: ctx.analyze(files, settings, reason), model: service.model(files) };
    },
    filesChanged,
  });

  connection.onInitialize((params): InitializeResult => {
    const raw = requireObject('initialize', params).capabilities;
    if (typeof raw !== 'object' || raw === null) throw invalidParams('initialize', 'expected capabilities to be an object');
    const caps = params.capabilities;
    ctx.client.pullDiagnostics = !!caps.textDocument?.diagnostic;
    ctx.client.refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    ctx.settings.supported = !!caps.workspace?.configuration;
    const folders: unknown = params.workspaceFolders;
    const paths = (Array.isArray(folders) ? folders : [])
      .map((f: unknown) => (typeof f === 'object' && f !== null && 'uri' in f && typeof f.uri === 'string' ? f.uri : undefined))
      .filter((uri): uri is string => uri !== undefined)
      .map(uriToPath);
    if (paths.length === 0 && typeof params.rootUri === 'string') paths.push(uriToPath(params.rootUri));
    ctx.folders.splice(0, ctx.folders.length, ...paths);
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
        ...(ctx.client.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'alloy-selfmon', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    ctx.settings.clear();
    diagnostics.settingsChanged();
  });
  connection.onDidChangeWatchedFiles((params) => filesChanged(watchedChanges(params)));
  connection.onRequest(WORKSPACE_STATS_REQUEST, () => workspace.stats());

  // Discovery follows opened, edited and closed documents by itself (see Workspace); analyses
  // that listed the folder are forgotten (its listing now has, or lacks, the buffer).
  documents.onDidOpen((event) => {
    service.forget(dirname(uriToPath(event.document.uri)));
  });
  documents.onDidClose((event) => {
    const path = uriToPath(event.document.uri);
    workspace.evict(event.document.uri);
    service.forget(path);
    service.forget(dirname(path));
    ctx.settings.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
  });

  registerNavigation(connection, documents, workspace, () => ctx.folders, (files) => service.model(files));
  documents.listen(connection);
  connection.listen();
}
