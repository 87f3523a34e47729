/**
 * A minimal LSP client for wire tests: spawns the bundled server over stdio
 * and speaks JSON-RPC to it with the protocol library.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

export interface TestServer {
  connection: ProtocolConnection;
  /** What the server announced in its initialize result. */
  capabilities: InitializeResult['capabilities'];
  process: ChildProcess;
  /** Messages the server logged through window/logMessage. */
  logs: string[];
  /** What the server asked to register (client/registerCapability), in order. */
  registrations: { method: string; registerOptions?: unknown }[];
  /** Every publishDiagnostics the server sent, in order. */
  published: PublishDiagnosticsParams[];
  /** Waits for the next publishDiagnostics for a URI that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startServer(options: { pull: boolean; workspaceFolder?: string; watchedFilesDynamicRegistration?: boolean }): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
  );
  const logs: string[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    const i = waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
    if (i >= 0) {
      const [w] = waiters.splice(i, 1);
      w?.resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  const registrations: TestServer['registrations'] = [];
  connection.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.listen();
  const initialized = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolder ? [{ uri: `file://${options.workspaceFolder}`, name: 'ws' }] : null,
    capabilities: {
      workspace: {
        configuration: true,
        diagnostics: { refreshSupport: true },
        ...(options.watchedFilesDynamicRegistration ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      textDocument: {
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    capabilities: initialized.capabilities,
    process: child,
    logs,
    registrations,
    published,
    nextDiagnostics(uri, accept = () => true) {
      return new Promise((resolvePromise) => waiters.push({ uri, accept, resolve: resolvePromise }));
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      connection.dispose();
    },
  };
}
