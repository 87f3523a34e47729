/**
 * Wire tests: the bundled server (`dist/server.js`, built by `npm test`)
 * spawned over stdio and spoken to in LSP.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Hover, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const VALID = `prometheus.exporter.self "alloy" { }

prometheus.scrape "alloy" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.remote_write "default" {
	endpoint {
		url = "http://mimir:9009/api/v1/push"
	}
}
`;

async function pull(server: TestServer, uri: string, codes = ['syntax']): Promise<Diagnostic[]> {
  const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items.filter((d) => codes.includes(String(d.code))) : [];
}

/** Waits until `done()` holds (a notification arrives in its own time); fails after 20 s. */
async function waitFor(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > 20_000) assert.fail('waited 20 s for the server');
  }
}

function open(server: TestServer, uri: string, text: string, version = 1): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version, text } });
}

describe('language server over stdio (pull diagnostics)', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-'));
  const uri = `file://${join(dir, 'config.alloy')}`;

  before(async () => {
    server = await startServer({ pull: true });
  });
  after(async () => {
    await server.stop();
  });

  it('reports a syntax error with Alloy\'s message, then clears it when the text is fixed', async () => {
    await open(server, uri, 'prometheus.exporter.self "alloy" {\n');
    const broken = await pull(server, uri);
    assert.deepEqual(
      broken.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character]),
      [['syntax', 'expected }, got EOF', 1, 0]],
    );
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '}\n' }],
    });
    assert.deepEqual(await pull(server, uri), []);
  });

  it('reports each of three mistakes, as Alloy does', async () => {
    const u = `file://${join(dir, 'three.alloy')}`;
    await open(server, u, 'a "x" {\n  b = 1;\n}\nc "y" {\n  d = [1\n  ]\n}\ne "z" {\n  f = \'x\'\n}\n');
    const diagnostics = await pull(server, u);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [
        "2: illegal character U+003B ';'",
        '2: expected TERMINATOR, got ILLEGAL',
        "5: missing ',' in expression list",
        '9: illegal single-quoted string; use double quotes',
        '9: expected expression, got ILLEGAL',
      ],
    );
  });

  it('gives the outline and folding ranges', async () => {
    const u = `file://${join(dir, 'outline.alloy')}`;
    await open(server, u, VALID);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['prometheus.exporter.self "alloy"', 'prometheus.scrape "alloy"', 'prometheus.remote_write "default"'],
    );
    assert.deepEqual(symbols[1]?.children?.map((c) => c.name), ['targets', 'forward_to']);
    assert.deepEqual(symbols[2]?.children?.map((c) => c.name), ['endpoint']);
    const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: u } })) as FoldingRange[];
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]).sort((a, b) => (a[0] as number) - (b[0] as number)),
      [
        [2, 4],
        [7, 10],
        [8, 9],
      ],
    );
  });

  it('checks two alternative files of one folder apart: no duplicate-block', async () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-wire-alt-'));
    writeFileSync(join(d, 'config.alloy'), 'livedebugging {\n\tenabled = true\n}\n');
    const u = `file://${join(d, 'config-cloud.alloy')}`;
    await open(server, u, 'livedebugging {\n\tenabled = false\n}\n');
    assert.deepEqual(await pull(server, u, ['duplicate-block']), []);
  });

  it('reports blocks declared twice across the files a compose service loads as one folder, and says why', async () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-wire-dir-'));
    writeFileSync(join(d, 'compose.yaml'), 'services:\n  alloy:\n    image: grafana/alloy\n    volumes:\n      - ./:/etc/alloy\n    command: run /etc/alloy\n');
    writeFileSync(join(d, 'a.alloy'), 'logging {\n\tlevel = "info"\n}\n');
    const u = `file://${join(d, 'b.alloy')}`;
    writeFileSync(join(d, 'b.alloy'), 'logging {\n\tlevel = "debug"\n}\n');
    await open(server, u, 'logging {\n\tlevel = "debug"\n}\n');
    const diagnostics = await pull(server, u, ['duplicate-block']);
    assert.deepEqual(diagnostics.map((x) => [x.code, x.message]), [['duplicate-block', 'block logging already declared at a.alloy:1:1']]);
    assert.equal(diagnostics[0]?.relatedInformation?.[0]?.location.uri, `file://${join(d, 'a.alloy')}`);
    assert.equal(diagnostics[0]?.relatedInformation?.[1]?.message, 'configuration (compose-command): service "alloy" runs alloy run /etc/alloy (mounted from .)');
  });

  it('keeps serving after garbage and deep nesting', async () => {
    const u = `file://${join(dir, 'garbage.alloy')}`;
    let garbage = '';
    for (let i = 0; i < 20000; i++) garbage += String.fromCharCode(1 + ((i * 7919) % 0xd7fe));
    await open(server, u, garbage + '['.repeat(100000));
    const diagnostics = await pull(server, u);
    assert.ok(diagnostics.length > 0);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.ok(Array.isArray(symbols));
    const binary = `file://${join(dir, 'binary.alloy')}`;
    await open(server, binary, 'ELF\0\0\u0001\u0002' + '\0'.repeat(5000));
    assert.deepEqual((await pull(server, binary, ['binary-file'])).map((d) => d.message), ['This file looks binary (it contains NUL characters) and is not analysed.']);
    const noisy = `file://${join(dir, 'noisy.alloy')}`;
    await open(server, noisy, 'a = 1;\n'.repeat(3000));
    const all = await pull(server, noisy, ['syntax', 'top-level-attribute', 'too-many-problems']);
    assert.equal(all.length, 1001);
    assert.equal(all[1000]?.message, 'This file has more than 1,000 problems; only the first 1,000 are reported (limit: 1,000 findings per file).');
    await open(server, `${uri}.2`, VALID);
    assert.deepEqual(await pull(server, `${uri}.2`), []);
  });
});

describe('code actions and formatting over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ pull: true });
  });
  after(async () => {
    await server.stop();
  });

  const NO_TRACES = VALID.replace('prometheus.exporter.self "alloy" { }\n', 'prometheus.exporter.self "alloy" { }\n\nlogging {\n\tformat   = "json"\n\twrite_to = [loki.write.default.receiver]\n}\n\nloki.write "default" {\n\tendpoint {\n\t\turl = "http://loki:3100/loki/api/v1/push"\n\t}\n}\n\notelcol.exporter.otlp "tempo" {\n\tclient {\n\t\tendpoint = "tempo:4317"\n\t}\n}\n');

  it('offers the traces quick fix, wired to the existing OTLP exporter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-fix-'));
    const uri = `file://${join(dir, 'config.alloy')}`;
    await open(server, uri, NO_TRACES);
    const diagnostics = await pull(server, uri, ['selfmon/traces-missing']);
    assert.equal(diagnostics.length, 1);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range,
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ["Add a tracing block sending 10% of Alloy's traces to otelcol.exporter.otlp.tempo"]);
    const edits = actions[0]?.edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 1);
    // Inserted right after the logging block, whose `}` is on line 5 (0-based).
    assert.deepEqual(edits[0]?.range.start, { line: 5, character: 1 });
    assert.equal(
      edits[0]?.newText,
      "\n\n// Samples 10% of Alloy's own traces and sends them to otelcol.exporter.otlp.tempo.\ntracing {\n\tsampling_fraction = 0.1\n\twrite_to          = [otelcol.exporter.otlp.tempo.input]\n}",
    );
  });

  it('answers "unchanged" to a client that sends its result id back after typing in a comment, and still offers the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-unchanged-'));
    const uri = `file://${join(dir, 'config.alloy')}`;
    await open(server, uri, `// Self-monitoring\n${NO_TRACES}`);
    const request = (previousResultId?: string) =>
      server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<DocumentDiagnosticReport>;
    const first = await request();
    assert.ok(first.kind === 'full' && first.resultId !== undefined);
    const traces = first.items.filter((d) => d.code === 'selfmon/traces-missing');
    assert.equal(traces.length, 1);
    const type = async (version: number, line: number, character: number, text: string) =>
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
      });
    await type(2, 0, 18, ' of Alloy');
    const second = await request(first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
    // A client without that result id gets the whole report.
    const full = await request('no-such-id');
    assert.equal(full.kind, 'full');
    assert.deepEqual(full.kind === 'full' ? full.items : [], first.items);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: traces[0]?.range,
      context: { diagnostics: traces, only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ["Add a tracing block sending 10% of Alloy's traces to otelcol.exporter.otlp.tempo"]);
    // An edit that changes meaning: a new report.
    await type(3, 0, 0, 'logging {}\n');
    const third = await request(full.resultId);
    assert.equal(third.kind, 'full');
    assert.ok(third.kind === 'full' && third.items.some((d) => d.code === 'duplicate-block'));
  });

  it('offers a source.fixAll action that fixes every self-monitoring finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-wire-fixall-'));
    const uri = `file://${join(dir, 'config.alloy')}`;
    await open(server, uri, NO_TRACES.replace('format   = "json"', 'format   = "logfmt"'));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all self-monitoring problems', 'source.fixAll']]);
    const edits = actions[0]?.edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 1);
    // The request a cursor move sends (no `only`) gets the quick fixes there, never the whole fix-all.
    const lineCount = NO_TRACES.split('\n').length;
    const all = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.ok(all.length > 0, 'no quick fix without only');
    assert.ok(all.every((a) => a.kind === 'quickfix'), JSON.stringify(all.map((a) => a.kind)));
  });

  it('completes references of the right kind and hovers with the component docs', async () => {
    const uri = 'untitled:complete.alloy';
    const text = VALID.replace('forward_to = [prometheus.remote_write.default.receiver]', 'forward_to = []');
    await open(server, uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('forward_to = []'));
    const character = (text.split('\n')[line] ?? '').indexOf('[]') + 1;
    const completion = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
    assert.equal(completion[0]?.label, 'prometheus.remote_write.default.receiver');
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /prometheus\.scrape/);
  });

  it('formats as alloy fmt does, and leaves a broken file alone', async () => {
    const uri = 'untitled:fmt.alloy';
    await open(server, uri, 'logging {\n  level = "info"\n  format = "json"\n}\n');
    const edits = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    // One minimal edit: the shared tail `format = "json"…` is left alone.
    assert.deepEqual(edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 2 } }, newText: '\tlevel  = "info"\n\t' }]);
    const broken = 'untitled:broken.alloy';
    await open(server, broken, 'logging {\n  level = \n');
    assert.deepEqual(await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri: broken }, options: { tabSize: 4, insertSpaces: false } }), []);
  });
});

describe('compose environment over stdio', () => {
  it('flags a variable the compose service does not pass, offers the compose fix, and reports every variable', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alloy-wire-compose-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'grafana-alloy'));
    const compose = [
      '# Alloy and friends',
      'services:',
      '  alloy:',
      '    image: grafana/alloy:latest',
      '    volumes:',
      '      - ./grafana-alloy/config.alloy:/etc/alloy/config.alloy',
      '    environment:',
      '      LOKI_URL: http://loki:3100/loki/api/v1/push # local Loki',
      '',
    ].join('\n');
    writeFileSync(join(root, 'docker-compose.base.yml'), compose);
    const config = 'loki.write "default" {\n\tendpoint {\n\t\turl = sys.env("LOKI_URL")\n\n\t\tbasic_auth {\n\t\t\tusername = sys.env("LOKI_USER")\n\t\t}\n\t}\n}\n';
    const configPath = join(root, 'grafana-alloy', 'config.alloy');
    writeFileSync(configPath, config);
    const server = await startServer({ pull: true, workspaceFolder: root });
    try {
      const uri = `file://${configPath}`;
      await open(server, uri, config);
      const diagnostics = await pull(server, uri, ['env/missing', 'env/host', 'env/empty']);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['env/missing', 5]]);
      assert.match(diagnostics[0]?.message ?? '', /LOKI_USER/);
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]?.range,
        context: { diagnostics, only: ['quickfix'] },
      })) as CodeAction[];
      const composeUri = `file://${join(root, 'docker-compose.base.yml')}`;
      const fix = actions.find((a) => a.edit?.changes?.[composeUri]);
      assert.ok(fix, 'a quick fix edits the compose file');
      assert.deepEqual(fix?.edit?.changes?.[composeUri]?.map((e) => e.newText), ['\n      LOKI_USER: ${LOKI_USER}']);

      const report = (await server.connection.sendRequest('alloySelfMonitoring/composeReport', { uris: [] })) as {
        entries: { env: { service: string; variables: { name: string; status: string; source: string | null }[] } | null }[];
      };
      assert.equal(report.entries.length, 1);
      assert.equal(report.entries[0]?.env?.service, 'alloy');
      assert.deepEqual(
        report.entries[0]?.env?.variables.map((v) => [v.name, v.status, v.source]),
        [
          ['LOKI_URL', 'provided', 'docker-compose.base.yml:8'],
          ['LOKI_USER', 'missing', null],
        ],
      );
      assert.ok(!JSON.stringify(report).includes('loki:3100'), 'values are never sent');
    } finally {
      await server.stop();
    }
  });
  it('pushes a compose file\'s findings again only when they change', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alloy-wire-compose-push-'));
    mkdirSync(join(root, '.git'));
    const compose = ['services:', '  alloy:', '    image: grafana/alloy:latest', '    volumes:', '      - ./config.alloy:/etc/alloy/config.alloy', '    env_file: missing.env', ''].join('\n');
    writeFileSync(join(root, 'docker-compose.yml'), compose);
    const config = '// Alloy\nlogging {\n\tlevel = sys.env("LEVEL")\n}\n';
    const configPath = join(root, 'config.alloy');
    writeFileSync(configPath, config);
    const server = await startServer({ pull: true, workspaceFolder: root });
    try {
      const uri = `file://${configPath}`;
      const composeUri = `file://${join(root, 'docker-compose.yml')}`;
      const toCompose = () => server.published.filter((p) => p.uri === composeUri);
      await open(server, uri, config);
      await pull(server, uri, []);
      await waitFor(() => toCompose().length === 1);
      assert.deepEqual(toCompose()[0]?.diagnostics.map((d) => d.code), ['compose/env-file-missing']);
      const change = async (version: number, line: number, text: string) => {
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }],
        });
        await pull(server, uri, []);
      };
      // A comment, then an edit inside the block that leaves the compose findings as they were.
      await change(2, 0, '// ');
      await change(3, 2, '\tformat = "json"\n');
      // A server round trip after the pulls: a push would have arrived before its answer.
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(toCompose().length, 1, 'nothing new to push');
      writeFileSync(join(root, 'missing.env'), 'LEVEL=info\n');
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${join(root, 'missing.env')}`, type: 1 }] });
      await change(4, 0, '// ');
      await waitFor(() => toCompose().length === 2);
      assert.deepEqual(toCompose()[1]?.diagnostics, [], 'cleared once the env file exists');
    } finally {
      await server.stop();
    }
  });
});

describe('root configurations over stdio', () => {
  it('reports top-level argument blocks in the file a compose service runs, not in a lone file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alloy-wire-root-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'alloy'));
    mkdirSync(join(root, 'lone'));
    writeFileSync(join(root, 'docker-compose.yml'), 'services:\n  alloy:\n    image: grafana/alloy:latest\n    volumes:\n      - ./alloy/config.alloy:/etc/alloy/config.alloy\n');
    const text = 'argument "a" { }\n';
    const runPath = join(root, 'alloy', 'config.alloy');
    const lonePath = join(root, 'lone', 'module.alloy');
    writeFileSync(runPath, text);
    writeFileSync(lonePath, text);
    const server = await startServer({ pull: true, workspaceFolder: root });
    try {
      await open(server, `file://${runPath}`, text);
      await open(server, `file://${lonePath}`, text);
      const run = await pull(server, `file://${runPath}`, ['not-allowed']);
      assert.deepEqual(run.map((d) => [d.range.start.line, d.range.start.character, d.message.split('\n')[0]]), [[0, 0, 'argument blocks only allowed inside a module']]);
      assert.deepEqual(await pull(server, `file://${lonePath}`, ['not-allowed']), []);
    } finally {
      await server.stop();
    }
  });
});

describe('language server over stdio (push diagnostics)', () => {
  it('publishes diagnostics for the latest version only', async () => {
    const server = await startServer({ pull: false });
    try {
      const uri = 'untitled:push.alloy';
      const published = server.nextDiagnostics(uri, (p) => p.version === 3);
      await open(server, uri, 'a "b" {', 1);
      for (const [version, text] of [[2, 'a "b" {\n'], [3, 'a "b" { }\n']] as const) {
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
      const result = await published;
      assert.deepEqual(result.diagnostics.filter((d) => d.code === 'syntax'), []);
      assert.ok(result.diagnostics.some((d) => d.code === 'unknown-component'), 'semantic findings are published with the syntax ones');
    } finally {
      await server.stop();
    }
  });
});
