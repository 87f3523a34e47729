/**
 * Special and oversized inputs, made on the spot: a FIFO, a unix socket, a
 * directory named `x.alloy`, an editor's dangling `.#config.alloy` lock,
 * `/dev/zero` as an env_file or compose file, a sparse 1 GB file. Every
 * reader (the CLI, the compose file system, the language server) answers at
 * once with a clear message and never reads such a file.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { isReadError } from '../../server/src/compose/fileSystem';
import { nodeFileSystem } from '../../server/src/compose/nodeFileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { Workspace } from '../../server/src/lsp/workspace';
import { defaultSettings } from '../../server/src/settings';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../../server/src/textFiles';
import { startServer } from '../support/lspClient';

const CLI = resolve(__dirname, '../../dist/cli.js');

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One directory holding one of each special file. */
const dir = mkdtempSync(join(tmpdir(), 'alloy-inputs-'));
const fifo = join(dir, 'fifo.alloy');
const socket = join(dir, 'socket.alloy');
const directory = join(dir, 'x.alloy');
const sparse = join(dir, 'sparse.alloy');
let socketServer: Server;

before(async () => {
  execFileSync('mkfifo', [fifo]);
  mkdirSync(directory);
  closeSync(openSync(sparse, 'w'));
  truncateSync(sparse, 1024 * 1024 * 1024);
  socketServer = createServer();
  await new Promise<void>((done) => socketServer.listen(socket, done));
});
after(() => new Promise<void>((done) => socketServer.close(() => done())));

describe('the bounded reader', () => {
  it('refuses FIFOs, sockets, devices and directories without reading or blocking', () => {
    assert.deepEqual(readTextFile(fifo), { ok: false, reason: 'not-a-file', kind: 'FIFO' });
    assert.deepEqual(readTextFile(socket), { ok: false, reason: 'not-a-file', kind: 'socket' });
    assert.deepEqual(readTextFile('/dev/zero'), { ok: false, reason: 'not-a-file', kind: 'character device' });
    assert.deepEqual(readTextFile('/dev/urandom'), { ok: false, reason: 'not-a-file', kind: 'character device' });
    assert.deepEqual(readTextFile(directory), { ok: false, reason: 'directory' });
  });

  it('refuses a file over the limit before reading it, naming the limit', () => {
    assert.deepEqual(readTextFile(sparse), { ok: false, reason: 'too-large', size: 1024 * 1024 * 1024, limit: MAX_TEXT_FILE_BYTES });
    const small = join(dir, 'eleven.env');
    writeFileSync(small, 'A=123456789');
    assert.deepEqual(readTextFile(small, 10), { ok: false, reason: 'too-large', size: 11, limit: 10 });
    assert.deepEqual(readTextFile(small, 11), { ok: true, text: 'A=123456789', bom: false });
  });

  it('the compose file system says what the file is and what the limit is', () => {
    const zero = nodeFileSystem.readFile('/dev/zero');
    assert.ok(isReadError(zero));
    assert.match(zero.error, /not a regular file \(it is a character device\)/);
    const big = nodeFileSystem.readFile(sparse);
    assert.ok(isReadError(big));
    assert.match(big.error, new RegExp(`limit of ${MAX_TEXT_FILE_BYTES} bytes`));
  });
});

describe('the compose check and the server workspace', () => {
  it('reports /dev/zero as an env_file, and as COMPOSE_FILE in .env, as unreadable', () => {
    const project = mkdtempSync(join(tmpdir(), 'alloy-inputs-compose-'));
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, 'config.alloy'), 'logging {\n\tlevel = sys.env("LEVEL")\n}\n');
    writeFileSync(join(project, 'compose.yaml'), 'services:\n  alloy:\n    image: grafana/alloy\n    env_file: /dev/zero\n');
    const files = [parseFile(join(project, 'config.alloy'), 'logging {\n\tlevel = sys.env("LEVEL")\n}\n')];
    const context = { fs: nodeFileSystem, hostEnv: {}, rootDir: project };
    const viaEnvFile = analyzeConfiguration(files, defaultSettings, context).findings.filter((f) => f.code.startsWith('compose/'));
    assert.deepEqual(viaEnvFile.map((f) => f.code), ['compose/env-file-unreadable']);
    assert.match(viaEnvFile[0]?.message ?? '', /not a regular file \(it is a character device\)/);

    writeFileSync(join(project, '.env'), 'COMPOSE_FILE=/dev/zero\n');
    const viaComposeFile = analyzeConfiguration(files, defaultSettings, context).findings.filter((f) => f.code.startsWith('compose/'));
    assert.deepEqual(viaComposeFile.map((f) => f.code), ['compose/file-unreadable']);
  });

  it("the server's workspace leaves out a FIFO, a socket or a 1 GB .alloy file of the directory", () => {
    const workspace = new Workspace(() => undefined);
    const names = workspace.configurationsIn(dir).flatMap((c) => workspace.load(c.files).map((f) => f.path));
    assert.deepEqual(names, []);
  });

  it('the language server publishes the finding on an env_file that is /dev/zero and keeps answering', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alloy-inputs-lsp-'));
    mkdirSync(join(root, '.git'));
    const composePath = join(root, 'compose.yaml');
    writeFileSync(composePath, 'services:\n  alloy:\n    image: grafana/alloy\n    env_file: /dev/zero\n');
    const configPath = join(root, 'config.alloy');
    const config = 'logging {\n\tlevel = sys.env("LEVEL")\n}\n';
    writeFileSync(configPath, config);
    const server = await startServer({ pull: true, workspaceFolder: root });
    try {
      const uri = `file://${configPath}`;
      const composeFindings = server.nextDiagnostics(`file://${composePath}`);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: config } });
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      const published = await composeFindings;
      assert.deepEqual(published.diagnostics.map((d: Diagnostic) => d.code), ['compose/env-file-unreadable']);
      // Still serving.
      const again = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      assert.equal(again.kind, 'full');
    } finally {
      await server.stop();
    }
  });
});

describe('the CLI on special files', () => {
  it('exits 2 with one line naming what a FIFO, a socket or a 1 GB file is', () => {
    for (const [path, message] of [
      [fifo, /fifo\.alloy: not a regular file \(a FIFO\)/],
      [socket, /socket\.alloy: not a regular file \(a socket\)/],
      [sparse, /sparse\.alloy: file is larger than the limit of 8 MB/],
      [directory, /x\.alloy: no \.alloy files in this directory/],
    ] as const) {
      const r = cli(['check', path]);
      assert.equal(r.status, 2, path);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.equal(r.stdout, '');
    }
  });

  it('exits 2 for a FIFO among the .alloy files of a directory instead of passing over it', () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-inputs-dir-'));
    writeFileSync(join(d, 'a.alloy'), 'logging { }\n');
    execFileSync('mkfifo', [join(d, 'b.alloy')]);
    const r = cli(['check', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /b\.alloy: not a regular file \(a FIFO\)/);
  });

  it("skips an editor's dangling .#config.alloy lock symlink in a directory", () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-inputs-lock-'));
    writeFileSync(join(d, 'config.alloy'), 'logging { }\n');
    symlinkSync('user@host.1234:1700000000', join(d, '.#config.alloy'));
    const r = cli(['check', '--format', 'json', d]);
    assert.notEqual(r.status, 2, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).configs[0].files.map((f: string) => f.replace(/.*\//, '')), ['config.alloy']);
  });
});
