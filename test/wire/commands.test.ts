/**
 * What every LSP client gets: the compose check and the pipeline data through
 * `workspace/executeCommand`, and compose-file edits on disk refreshing the
 * diagnostics whether the client watches files (dynamic registration) or the
 * server has to watch for it (Neovim 0.7 does neither).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServer, type TestServer } from '../support/lspClient';

const CONFIG = 'loki.write "default" {\n\tendpoint {\n\t\turl = sys.env("LOKI_URL")\n\t}\n}\n\nlogging {\n\twrite_to = [loki.write.default.receiver]\n}\n';

function compose(environment: string[]): string {
  return ['services:', '  alloy:', '    image: grafana/alloy:latest', '    volumes:', '      - ./grafana-alloy/config.alloy:/etc/alloy/config.alloy', '    environment:', ...environment, ''].join('\n');
}

/** A project: a repository root with a compose file and grafana-alloy/config.alloy. */
function project(environment: string[]): { root: string; uri: string; composePath: string } {
  const root = mkdtempSync(join(tmpdir(), 'alloy-wire-commands-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'grafana-alloy'));
  const composePath = join(root, 'docker-compose.yml');
  writeFileSync(composePath, compose(environment));
  const configPath = join(root, 'grafana-alloy', 'config.alloy');
  writeFileSync(configPath, CONFIG);
  return { root, uri: `file://${configPath}`, composePath };
}

async function openConfig(server: TestServer, uri: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: CONFIG } });
}

const envCodes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code)).filter((c) => c.startsWith('env/'));

describe('workspace/executeCommand', () => {
  it('offers the compose report and the pipeline data to any client', async () => {
    const { root, uri } = project(['      LOKI_URL: http://loki:3100']);
    const server = await startServer({ pull: false, workspaceFolder: root });
    try {
      await openConfig(server, uri);
      const report = (await server.connection.sendRequest('workspace/executeCommand', { command: 'alloySelfMonitoring.composeReport', arguments: [uri] })) as {
        entries: { env: { service: string; variables: { name: string; status: string }[] } | null }[];
        text: string;
      };
      assert.deepEqual(report.entries[0]?.env?.variables.map((v) => [v.name, v.status]), [['LOKI_URL', 'provided']]);
      assert.match(report.text, /service alloy \(docker-compose\.yml\)\n  LOKI_URL {2}provided {2}docker-compose\.yml:7/);
      assert.ok(!report.text.includes('loki:3100'), 'values are never shown');

      const pipeline = (await server.connection.sendRequest('workspace/executeCommand', { command: 'alloySelfMonitoring.pipeline', arguments: [uri] })) as {
        nodes: { id: string }[];
        edges: { from: string; to: string; kind: string }[];
      };
      assert.deepEqual(pipeline.nodes.map((n) => n.id).sort(), ['logging', 'loki.write.default', 'missing:metrics', 'missing:traces']);
      assert.deepEqual(pipeline.edges.map((e) => [e.from, e.kind, e.to]), [['logging', 'logs', 'loki.write.default']]);

      for (const args of [[], [42], ['file:///nowhere/x.alloy'], [null]]) {
        assert.equal(await server.connection.sendRequest('workspace/executeCommand', { command: 'alloySelfMonitoring.pipeline', arguments: args }), null);
      }
    } finally {
      await server.stop();
    }
  });
});

describe('file watching', () => {
  it('registers its watchers with a client that supports dynamic registration', async () => {
    const server = await startServer({ pull: true, watchedFilesDynamicRegistration: true });
    try {
      // Registration follows `initialized`; a round trip lets it arrive.
      await server.connection.sendRequest('workspace/executeCommand', { command: 'alloySelfMonitoring.pipeline', arguments: [] });
      const watched = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual((watched?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern), [
        '**/*.alloy',
        '**/{compose,docker-compose}*.{yml,yaml}',
        '**/.env*',
      ]);
    } finally {
      await server.stop();
    }
  });

  it('watches for itself when the client cannot: a compose edit on disk refreshes the diagnostics', async () => {
    const { root, uri, composePath } = project([]);
    const server = await startServer({ pull: false, workspaceFolder: root });
    try {
      const first = server.nextDiagnostics(uri, (p) => envCodes(p).length > 0);
      await openConfig(server, uri);
      assert.deepEqual(envCodes(await first), ['env/missing']);
      assert.equal(server.registrations.length, 0, 'nothing registered with a client that cannot watch');
      const cleared = server.nextDiagnostics(uri, (p) => envCodes(p).length === 0);
      writeFileSync(composePath, compose(['      LOKI_URL: http://loki:3100']));
      await cleared;
    } finally {
      await server.stop();
    }
  });
});
