/**
 * The VS Code client: starts the bundled language server, registers the
 * commands, the Alloy panel and the language status item, and disposes
 * everything with the extension. A server that fails to start is logged and
 * shown, never an activation crash.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CHECK_COMPOSE_COMMAND,
  COMPOSE_REPORT_REQUEST,
  DOCUMENT_ENVIRONMENT_COMMAND,
  SHOW_PIPELINE_COMMAND,
  type ComposeReportParams,
  type ComposeReportResult,
} from '../../server/src/protocol';
import { AlloyPanel } from './pipeline/panel';
import type { PanelView, RenderSummary } from './pipeline/messages';
import { documentEnvironment } from './documentEnvironment';
import { fixMiddleware, registerFixCommands } from './fixes';
import { formattingMiddleware } from './formatting';
import { registerSnippets } from './snippets';
import { ServerStatus } from './status';

export const RESTART_COMMAND = 'alloy-selfmon.restartServer';
export const SHOW_OUTPUT_COMMAND = 'alloy-selfmon.showOutput';

let client: LanguageClient | undefined;
let panel: AlloyPanel | undefined;

/** What the real-editor tests read: the panel cannot be inspected from outside its webview. */
export interface ExtensionApi {
  client(): LanguageClient | undefined;
  /** Resolves with the next drawing of `view` that satisfies `accept` (or the current one if it does). */
  rendered(view: PanelView, accept: (s: RenderSummary) => boolean): Promise<RenderSummary>;
  clickNode(id: string): void;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const activatedAt = Date.now();
  const output = vscode.window.createOutputChannel('Alloy Self-Monitoring');
  // Startup, measured where it can be: activation → server running → first diagnostics shown.
  const firstDiagnostics = vscode.languages.onDidChangeDiagnostics((e) => {
    if (!e.uris.some((u) => u.path.endsWith('.alloy') && vscode.languages.getDiagnostics(u).length > 0)) return;
    output.appendLine(`first diagnostics ${Date.now() - activatedAt} ms after activation`);
    firstDiagnostics.dispose();
  });
  context.subscriptions.push(firstDiagnostics);
  const status = new ServerStatus(SHOW_OUTPUT_COMMAND);
  panel = new AlloyPanel(context.extensionUri, () => client);
  context.subscriptions.push(
    output,
    status,
    panel,
    vscode.commands.registerCommand(CHECK_COMPOSE_COMMAND, () => checkComposeEnvironment()),
    vscode.commands.registerCommand(DOCUMENT_ENVIRONMENT_COMMAND, () => (client ? documentEnvironment(client) : undefined)),
    vscode.commands.registerCommand(SHOW_PIPELINE_COMMAND, () => panel?.showPipeline(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand(RESTART_COMMAND, () => startClient(context, output, status)),
    ...registerFixCommands(),
    registerSnippets(context.asAbsolutePath(path.join('snippets', 'alloy.json'))),
  );
  await startClient(context, output, status);
  output.appendLine(`language server running ${Date.now() - activatedAt} ms after activation`);
  return {
    client: () => client,
    rendered: (view, accept) => {
      const current = panel?.rendered.get(view);
      if (current && accept(current)) return Promise.resolve(current);
      return new Promise((resolve) => {
        const subscription = panel?.onDidRender((s) => {
          if (s.view !== view || !accept(s)) return;
          subscription?.dispose();
          resolve(s);
        });
      });
    },
    clickNode: (id) => panel?.click(id),
  };
}

/** Starts the language client (stopping a running one first); a failure is logged and shown, not thrown. */
async function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, status: ServerStatus): Promise<void> {
  if (client) {
    const old = client;
    client = undefined;
    await old.stop().catch(() => undefined);
    old.dispose();
  }
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'grafana-alloy' }],
    outputChannel: output,
    // The server registers its own file watchers (compose, .env, .alloy) through dynamic registration.
    synchronize: { configurationSection: 'alloySelfMonitoring' },
    middleware: { ...fixMiddleware, ...formattingMiddleware },
  };
  // The id makes `alloySelfMonitoring.trace.server` the trace setting.
  const next = new LanguageClient('alloySelfMonitoring', 'Alloy Self-Monitoring', serverOptions, clientOptions);
  next.onDidChangeState((e) => status.set(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'));
  client = next;
  status.set('starting');
  try {
    await next.start();
    status.set('running');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`The Alloy language server did not start: ${message}`);
    status.set('failed', message);
    void vscode.window.showErrorMessage(`The Alloy language server did not start: ${message}`, 'Show Output').then((choice) => {
      if (choice) output.show(true);
    });
  }
}

/** Runs the compose check for the active `.alloy` file (or the whole workspace) and shows the report as a table in the Alloy panel. */
async function checkComposeEnvironment(): Promise<ComposeReportResult | undefined> {
  if (!client || !panel) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  const uris = active && active.languageId === 'grafana-alloy' ? [active.uri.toString()] : [];
  const params: ComposeReportParams = { uris };
  const result = await client.sendRequest<ComposeReportResult>(COMPOSE_REPORT_REQUEST, params);
  // Open the configurations so their findings (missing variables) land in the Problems panel.
  for (const entry of result.entries) {
    for (const uri of entry.files) await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  }
  const names: Record<string, string> = {};
  for (const entry of result.entries) for (const uri of entry.files) names[uri] = vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  panel.showEnvironment({ report: result, names });
  return result;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
