/**
 * What every LSP client gets, not only VS Code: the compose check and the
 * pipeline data through `workspace/executeCommand`, and file watching
 * (registered with the client, or done by the server for clients that cannot).
 * server.ts calls `registerCommands` once and hands over what it owns.
 */
import { type ClientCapabilities, type Connection, type ExecuteCommandOptions, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, ParsedFile } from '../languageService';
import type { ConfigModel } from '../semantic/model';
import { getPipelineView, type PipelineViewData } from '../features/pipelineView';
import { COMPOSE_REPORT_COMMAND, PIPELINE_COMMAND, type ComposeReportParams, type ComposeReportResult } from '../protocol';
import { uriToPath } from './convert';
import { invalidParams, requireObject } from './params';
import { FileWatchers } from './watchers';
import type { WatchedFileChange } from './workspace';

/** What the commands need from the server. */
export interface CommandHost {
  /** The compose report, as the `alloySelfMonitoring/composeReport` request answers it. */
  composeReport(params: ComposeReportParams): Promise<ComposeReportResult>;
  /** The configuration of an open document, its analysis (from the service's cache) and model; undefined when it is not open. */
  analyzed(uri: string): Promise<{ files: readonly ParsedFile[]; analysis: Analysis; model: ConfigModel } | undefined>;
  /** Watched files changed: re-check the open documents (which, when known). */
  filesChanged(changes?: readonly WatchedFileChange[]): void;
}

export interface Commands {
  /** For InitializeResult.capabilities.executeCommandProvider. */
  capability: ExecuteCommandOptions;
  /** From onInitialize: what the client can do, kept for `initialized`. */
  initialize(capabilities: ClientCapabilities): void;
}

/** The compose report for a person, as plain lines (for clients that show the command's result as text). */
function composeReportText(result: ComposeReportResult): string {
  const out: string[] = [];
  if (result.entries.length === 0) out.push('No .alloy configuration was found in this workspace.');
  for (const entry of result.entries) {
    out.push(`${entry.directory}:`);
    for (const note of entry.notes) out.push(`  ${note}`);
    const env = entry.env;
    if (!env) continue;
    out.push(`  service ${env.service} (${env.composeFiles.join(', ')})`);
    if (env.variables.length === 0) out.push('  reads no environment variable with sys.env');
    const width = Math.max(0, ...env.variables.map((v) => v.name.length));
    for (const v of env.variables) out.push(`  ${v.name.padEnd(width)}  ${v.status.padEnd(8)}  ${v.source ?? '-'}`);
  }
  return out.join('\n') + '\n';
}

/** The first argument when it is a string (a URI), else undefined: arguments come from any client. */
function uriArgument(args: unknown[] | undefined): string | undefined {
  const first = args?.[0];
  return typeof first === 'string' ? first : undefined;
}

/** Registers the command handlers and the `initialized` hook that starts file watching. */
export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>, host: CommandHost): Commands {
  const watchers = new FileWatchers(connection, (changes) => host.filesChanged(changes));
  let capabilities: ClientCapabilities = {};
  const openPaths = () => documents.all().filter((d) => d.uri.startsWith('file:')).map((d) => uriToPath(d.uri));
  // The server's own watchers (when the client cannot watch) follow the open configurations.
  documents.onDidOpen(() => watchers.follow(openPaths()));
  documents.onDidClose(() => watchers.follow(openPaths()));

  async function pipeline(uri: string): Promise<PipelineViewData | null> {
    const analyzed = await host.analyzed(uri);
    return analyzed ? getPipelineView(analyzed.model, analyzed.analysis.findings) : null;
  }

  connection.onExecuteCommand(async (params) => {
    if (typeof requireObject('workspace/executeCommand', params).command !== 'string') throw invalidParams('workspace/executeCommand', 'expected command to be a string');
    try {
      if (params.command === COMPOSE_REPORT_COMMAND) {
        const uris = (params.arguments ?? []).filter((a): a is string => typeof a === 'string');
        const result = await host.composeReport({ uris });
        return { ...result, text: composeReportText(result) };
      }
      if (params.command === PIPELINE_COMMAND) {
        const uri = uriArgument(params.arguments);
        return uri ? await pipeline(uri) : null;
      }
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`[executeCommand ${params.command}] ${detail}`);
    }
    return null;
  });

  // The server's only `initialized` handler (a second onInitialized call would replace it).
  connection.onInitialized(() => {
    void watchers.start(capabilities).then(() => watchers.follow(openPaths()));
  });
  connection.onShutdown(() => watchers.dispose());

  return {
    capability: { commands: [COMPOSE_REPORT_COMMAND, PIPELINE_COMMAND] },
    initialize(caps) {
      capabilities = caps;
    },
  };
}
