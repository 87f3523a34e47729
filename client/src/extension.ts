/**
 * The VS Code client: starts the bundled language server, registers the
 * compose check command, and disposes everything with the extension.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CHECK_COMPOSE_COMMAND,
  COMPOSE_REPORT_REQUEST,
  DOCUMENT_ENVIRONMENT_COMMAND,
  ENVIRONMENT_DOCS_REQUEST,
  type ComposeReportParams,
  type ComposeReportResult,
  type EnvironmentDocsParams,
  type EnvironmentDocsResult,
} from '../../server/src/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch';
import { renderComposeReport } from './composeReport';

let client: LanguageClient | undefined;

/** The report is a read-only virtual document: nothing to save, nothing to lose. */
const REPORT_SCHEME = 'alloy-selfmon-report';
const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Compose environment report.md' });
let reportText = '';
const reportChanged = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'grafana-alloy' }],
    synchronize: {
      configurationSection: 'alloySelfMonitoring',
      // The compose check depends on these files too: re-check when they change on disk.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.alloy'),
        vscode.workspace.createFileSystemWatcher('**/{compose,docker-compose}*.{yml,yaml}'),
        vscode.workspace.createFileSystemWatcher('**/.env*'),
      ],
    },
  };
  client = new LanguageClient('alloySelfMonitoring', 'Alloy Self-Monitoring', serverOptions, clientOptions);
  context.subscriptions.push(client);
  context.subscriptions.push(
    reportChanged,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, { onDidChange: reportChanged.event, provideTextDocumentContent: () => reportText }),
    vscode.commands.registerCommand(CHECK_COMPOSE_COMMAND, () => checkComposeEnvironment()),
    vscode.commands.registerCommand(DOCUMENT_ENVIRONMENT_COMMAND, () => documentEnvironment()),
  );
  await client.start();
}

/** Runs the compose check for the active `.alloy` file (or the whole workspace) and shows the report. */
async function checkComposeEnvironment(): Promise<ComposeReportResult | undefined> {
  if (!client) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  const uris = active && active.languageId === 'grafana-alloy' ? [active.uri.toString()] : [];
  const params: ComposeReportParams = { uris };
  const result = await client.sendRequest<ComposeReportResult>(COMPOSE_REPORT_REQUEST, params);
  // Open the configurations so their findings (missing variables) land in the Problems panel.
  for (const entry of result.entries) {
    for (const uri of entry.files) await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  }
  reportText = renderComposeReport(result, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
  reportChanged.fire(REPORT_URI);
  const doc = await vscode.workspace.openTextDocument(REPORT_URI);
  try {
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  } catch (error) {
    // Opening another editor at the same moment cancels this one; the report stays available.
    client.warn(`Could not show the compose report: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

/**
 * Brings the `.env.example` beside the compose file up to date with every
 * variable the active configuration reads (names and comments, never values),
 * saves it and shows it beside the configuration.
 */
async function documentEnvironment(): Promise<EnvironmentDocsResult | undefined> {
  if (!client) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  if (!active || active.languageId !== 'grafana-alloy') {
    void vscode.window.showInformationMessage('Open an Alloy configuration (.alloy) to document the environment variables it reads.');
    return undefined;
  }
  const params: EnvironmentDocsParams = { uri: active.uri.toString() };
  const result = await client.sendRequest<EnvironmentDocsResult | null>(ENVIRONMENT_DOCS_REQUEST, params);
  if (!result) return undefined;
  const uri = vscode.Uri.parse(result.envExample.uri);
  const count = result.document.variables.length;
  if (count === 0) {
    void vscode.window.showInformationMessage('This configuration reads no environment variable with sys.env.');
    return result;
  }
  if (result.envExample.changed) {
    const edit = new vscode.WorkspaceEdit();
    if (!result.envExample.exists) {
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), result.envExample.text);
    } else {
      // The update only appends: insert what is new at the end, so undo takes back exactly that.
      const document = await vscode.workspace.openTextDocument(uri);
      const current = document.getText();
      const end = document.positionAt(current.length);
      if (result.envExample.text.startsWith(current)) edit.insert(uri, end, result.envExample.text.slice(current.length));
      else edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), result.envExample.text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Could not update ${vscode.workspace.asRelativePath(uri)}.`);
      return result;
    }
    await (await vscode.workspace.openTextDocument(uri)).save();
  }
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const where = vscode.workspace.asRelativePath(uri);
  void vscode.window.showInformationMessage(
    result.envExample.changed ? `${where} now lists the ${count} variable${count === 1 ? '' : 's'} the configuration reads.` : `${where} already lists every variable the configuration reads.`,
  );
  return result;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
