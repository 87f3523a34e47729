/**
 * Wire tests of the server's workspace: discovery follows opened, edited and
 * closed documents and watched files without walking the folder again, and a
 * closed document leaves no parse behind.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { WORKSPACE_STATS_REQUEST } from '../../server/src/protocol';
import type { WorkspaceStats } from '../../server/src/lsp/workspace';
import { startServer, type TestServer } from '../support/lspClient';

const SCRAPE = 'prometheus.scrape "app" {\n  targets    = [{"__address__" = "app:8080"}]\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n';
const WRITE = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "http://mimir:9009/api/v1/push"\n  }\n}\n';

async function codes(server: TestServer, uri: string): Promise<string[]> {
  const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return report.kind === 'full' ? report.items.map((d: Diagnostic) => String(d.code)) : [];
}

function stats(server: TestServer): Promise<WorkspaceStats> {
  return server.connection.sendRequest(WORKSPACE_STATS_REQUEST) as Promise<WorkspaceStats>;
}

describe('the server workspace over stdio', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-workspace-'));
  const team = join(dir, 'team');
  const a = join(team, 'a.alloy');
  const b = join(team, 'b.alloy');
  const uri = `file://${a}`;
  let version = 1;

  before(async () => {
    mkdirSync(team);
    writeFileSync(a, SCRAPE);
    writeFileSync(b, WRITE);
    // Other folders discovery must not look at again.
    for (let i = 0; i < 20; i++) {
      mkdirSync(join(dir, `other${i}`));
      writeFileSync(join(dir, `other${i}`, 'config.alloy'), WRITE);
    }
    server = await startServer({ pull: true, workspaceFolder: dir, watchedFilesDynamicRegistration: true });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const edit = (text: string) =>
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });

  it('checks an open file with the sibling it uses, parsed from disk', async () => {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version, text: SCRAPE } });
    assert.ok(!(await codes(server, uri)).includes('undefined-reference'));
    const held = await stats(server);
    assert.deepEqual([held.openParses, held.diskParses, held.parsedPaths], [1, 1, [a, b]]);
    assert.equal(held.walks, 1);
  });

  it('does no discovery for an edit that changes no import, block or reference', async () => {
    const before = await stats(server);
    await edit(`// a comment\n${SCRAPE}`);
    await codes(server, uri);
    await edit(`// a longer comment\n${SCRAPE.replace('app:8080', 'app:9090')}`);
    await codes(server, uri);
    const after = await stats(server);
    assert.equal(after.walks, before.walks);
    // The edited buffer itself, once per edit; no other file.
    assert.ok(after.discoveryReads - before.discoveryReads <= 2, `${after.discoveryReads - before.discoveryReads} reads`);
  });

  it('follows a sibling deleted and created on disk without walking the folder again', async () => {
    rmSync(b);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${b}`, type: 3 }] });
    assert.ok((await codes(server, uri)).includes('undefined-reference'));
    writeFileSync(b, WRITE);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${b}`, type: 1 }] });
    assert.ok(!(await codes(server, uri)).includes('undefined-reference'));
    assert.equal((await stats(server)).walks, 1);
  });

  it('sees an edit that stops using the sibling: the file stands alone, its reference undefined', async () => {
    await edit(SCRAPE.replace('remote_write.default', 'remote_write.other'));
    assert.ok((await codes(server, uri)).includes('undefined-reference'));
    await edit(SCRAPE);
    assert.ok(!(await codes(server, uri)).includes('undefined-reference'));
  });

  it('leaves no parse behind once the document closes', async () => {
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const held = await stats(server);
    assert.deepEqual([held.openParses, held.diskParses, held.parsedPaths], [0, 0, []]);
  });
});
