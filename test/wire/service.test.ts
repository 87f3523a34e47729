/**
 * Wire tests of what the server keeps between requests: an analysis is reused
 * while nothing it read changed, and given up when a compose file it read
 * changes on disk or in an open buffer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const CONFIG = 'logging {\n\tlevel = sys.env("LEVEL")\n}\n';
const compose = (environment: string) =>
  `services:\n  alloy:\n    image: grafana/alloy:v1.9.1\n    volumes:\n      - ./config.alloy:/etc/alloy/config.alloy\n${environment}`;

async function pull(server: TestServer, uri: string): Promise<Diagnostic[]> {
  const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return report.kind === 'full' ? report.items.filter((d) => String(d.code).startsWith('env/')) : [];
}

function project(): { dir: string; uri: string; composePath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-service-'));
  writeFileSync(join(dir, '.git'), '');
  writeFileSync(join(dir, 'config.alloy'), CONFIG);
  const composePath = join(dir, 'compose.yaml');
  writeFileSync(composePath, compose(''));
  return { dir, uri: `file://${join(dir, 'config.alloy')}`, composePath };
}

describe('the server keeps analyses while nothing they read changed', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ pull: true });
  });
  after(async () => {
    await server.stop();
  });

  it('answers a second pull and a code action from the same analysis', async () => {
    const { uri } = project();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: CONFIG } });
    const first = await pull(server, uri);
    assert.deepEqual(first.map((d) => d.code), ['env/missing']);
    assert.deepEqual(await pull(server, uri), first);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first[0]?.range,
      context: { diagnostics: first },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.kind === 'quickfix' && /LEVEL/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
  });

  it('analyses again when the compose file changes on disk, before any watcher reports it', async () => {
    const { uri, composePath } = project();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: CONFIG } });
    assert.deepEqual((await pull(server, uri)).map((d) => d.code), ['env/missing']);
    // Its stamp (mtime and size) changed: no didChangeWatchedFiles is needed to see it.
    writeFileSync(composePath, compose('    environment:\n      LEVEL: info\n'));
    assert.deepEqual(await pull(server, uri), []);
    writeFileSync(composePath, compose(''));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${composePath}`, type: 2 }] });
    assert.deepEqual((await pull(server, uri)).map((d) => d.code), ['env/missing']);
  });

  it('analyses again when the compose file is edited in an open buffer, unsaved', async () => {
    const { uri, composePath } = project();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: CONFIG } });
    assert.deepEqual((await pull(server, uri)).map((d) => d.code), ['env/missing']);
    const composeUri = `file://${composePath}`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: composeUri, languageId: 'yaml', version: 1, text: compose('') } });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: composeUri, version: 2 },
      contentChanges: [{ text: compose('    environment:\n      LEVEL: info\n') }],
    });
    assert.deepEqual(await pull(server, uri), []);
  });
});
