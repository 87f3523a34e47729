/**
 * A language-server client for the bench: spawns `dist/server.js --stdio` the
 * way the client starts it (with the server's node flags, if any), speaks LSP
 * with pull diagnostics, and, when asked, loads a probe beside the server that
 * answers over an IPC channel with the heap after a full GC. The server's code
 * is not changed: everything is measured from outside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import * as launch from '../../server/src/lsp/launch';

/** The flags the client starts the server with; none when launch.ts no longer has any. */
export function serverNodeFlags(): readonly string[] {
  return (launch as { SERVER_NODE_FLAGS?: readonly string[] }).SERVER_NODE_FLAGS ?? [];
}

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What the bench reads of a diagnostic. */
export interface BenchDiagnostic {
  range: Range;
  code?: string | number;
}

/** `process.memoryUsage()` of the server, after two full GCs. */
export interface Memory {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
}

export interface BenchServer {
  connection: ProtocolConnection;
  /** Sends `didOpen` (version 1). */
  open(uri: string, text: string): Promise<void>;
  /** Inserts `text` at `at` as one incremental `didChange`. */
  insert(uri: string, at: Position, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  /**
   * Pulls the document's diagnostics, asking again when the server cancels because the document moved on.
   * Like VS Code's client, it sends the last report's result id and keeps its diagnostics on "unchanged".
   */
  pull(uri: string): Promise<BenchDiagnostic[]>;
  /** The server's memory after a full GC (only when started with `memoryProbe`). */
  memory(): Promise<Memory>;
  /** Pulls the server cancelled and the bench asked again. */
  retries(): number;
  stderr(): string;
  stop(): Promise<void>;
}

/** Answers 'memory' on the IPC channel; the channel is unref'd so it never keeps the server alive. */
const PROBE = `'use strict';
process.on('message', (m) => {
  if (m !== 'memory' || typeof globalThis.gc !== 'function') return;
  globalThis.gc();
  globalThis.gc();
  process.send(process.memoryUsage());
});
if (process.channel) process.channel.unref();
`;

/** Starts the server with `folder` as its only workspace folder and initializes it. */
export async function startServer(folder: string, options: { memoryProbe?: boolean } = {}): Promise<BenchServer> {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} does not exist (built by \`npm run build\`)`);
  const probeDir = options.memoryProbe ? mkdtempSync(join(tmpdir(), 'alloy-bench-probe-')) : undefined;
  const args = [...serverNodeFlags()];
  if (probeDir) {
    writeFileSync(join(probeDir, 'probe.cjs'), PROBE);
    args.push('--expose-gc', '--require', join(probeDir, 'probe.cjs'));
  }
  const child: ChildProcess = spawn(process.execPath, [...args, SERVER_PATH, '--stdio'], {
    stdio: probeDir ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  if (!child.stdout || !child.stdin) throw new Error('the server was spawned without stdio pipes');
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  const exited = new Promise<void>((done) => child.on('exit', () => done()));

  const versions = new Map<string, number>();
  const lastReports = new Map<string, { resultId: string; items: BenchDiagnostic[] }>();
  let retries = 0;
  const folderUri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: false } },
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        synchronization: { dynamicRegistration: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    open: async (uri, text) => {
      versions.set(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text } });
    },
    insert: async (uri, at, text) => {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
    },
    close: async (uri) => {
      versions.delete(uri);
      lastReports.delete(uri);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    pull: async (uri) => {
      for (;;) {
        try {
          const last = lastReports.get(uri);
          const params = { textDocument: { uri }, ...(last ? { previousResultId: last.resultId } : {}) };
          const report = (await connection.sendRequest('textDocument/diagnostic', params)) as { kind: string; resultId?: string; items?: BenchDiagnostic[] };
          if (report.kind === 'unchanged' && last) return last.items;
          const items = report.items ?? [];
          if (report.resultId !== undefined) lastReports.set(uri, { resultId: report.resultId, items });
          else lastReports.delete(uri);
          return items;
        } catch (error) {
          if ((error as { code?: number }).code !== -32802) throw error;
          retries++;
        }
      }
    },
    memory: () =>
      new Promise<Memory>((done, fail) => {
        if (!probeDir || !child.send) return fail(new Error('the server was started without the memory probe'));
        // Two full GCs of a large heap take well under a second: a minute means the server is gone.
        const timer = setTimeout(() => fail(new Error('the memory probe did not answer')), 60_000);
        child.once('message', (m) => {
          clearTimeout(timer);
          done(m as Memory);
        });
        child.send('memory');
      }),
    retries: () => retries,
    stderr: () => stderr,
    stop: async () => {
      try {
        await Promise.race([
          (async () => {
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
            await exited;
          })(),
          new Promise((done) => setTimeout(done, 5000)),
        ]);
      } catch {
        // A server that does not answer is killed below.
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
        if (probeDir) rmSync(probeDir, { recursive: true, force: true });
      }
    },
  };
}

/** A file URI for `path`. */
export const uriOf = (path: string): string => pathToFileURL(path).href;
