/**
 * The server over stdio with hostile clients: parameters missing or of the
 * wrong shape are answered with InvalidParams (and the server keeps serving);
 * a frame it cannot read ends the process with a reason on stderr, so the
 * client restarts it instead of waiting forever.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError, type DocumentDiagnosticReport, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { COMPOSE_REPORT_REQUEST } from '../../server/src/protocol';
import { SERVER_PATH, startServer, type TestServer } from '../support/lspClient';

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('parameters', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'alloy-robust-'));
  const uri = `file://${join(dir, 'config.alloy')}`;

  before(async () => {
    server = await startServer({ pull: true });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: 'logging {\r\tlevel = "info"\r\tformat = 1 +\r}\r' },
    });
  });
  after(async () => {
    await server.stop();
  });

  const cases: [string, string, unknown, string][] = [
    ['documentSymbol without textDocument', 'textDocument/documentSymbol', {}, 'textDocument/documentSymbol: expected textDocument.uri to be a string'],
    ['the compose report without params', COMPOSE_REPORT_REQUEST, undefined, `${COMPOSE_REPORT_REQUEST}: expected uris to be a list of strings`],
    ['the compose report with uris not a list', COMPOSE_REPORT_REQUEST, { uris: 'x' }, `${COMPOSE_REPORT_REQUEST}: expected uris to be a list of strings`],
    ['hover without a position', 'textDocument/hover', { textDocument: { uri } }, 'textDocument/hover: expected position to be { line, character } with non-negative integers'],
    ['completion with a negative line', 'textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }, 'textDocument/completion: expected position to be { line, character } with non-negative integers'],
    ['codeAction without a context', 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, 'textDocument/codeAction: expected context to be an object'],
    ['diagnostics with a number for a URI', 'textDocument/diagnostic', { textDocument: { uri: 7 } }, 'textDocument/diagnostic: expected textDocument.uri to be a string'],
    ['formatting with an empty textDocument', 'textDocument/formatting', { textDocument: {} }, 'textDocument/formatting: expected textDocument.uri to be a string'],
    ['foldingRange with a null textDocument', 'textDocument/foldingRange', { textDocument: null }, 'textDocument/foldingRange: expected textDocument.uri to be a string'],
    ['definition without a position', 'textDocument/definition', { textDocument: { uri } }, 'textDocument/definition: expected position to be { line, character } with non-negative integers'],
    ['rename without textDocument', 'textDocument/rename', { position: { line: 0, character: 0 }, newName: 'x' }, 'textDocument/rename: expected textDocument.uri to be a string'],
    ['semantic tokens without params', 'textDocument/semanticTokens/full', {}, 'textDocument/semanticTokens/full: expected textDocument.uri to be a string'],
    // The JSON-RPC layer answers this one itself, with InvalidParams too.
    ['workspace symbols without params', 'workspace/symbol', undefined, 'Request workspace/symbol defines 1 params but received none.'],
    ['executeCommand without a command', 'workspace/executeCommand', {}, 'workspace/executeCommand: expected command to be a string'],
    ['the environment documentation without a uri', 'alloySelfMonitoring/environmentDocs', {}, 'alloySelfMonitoring/environmentDocs: uri must be the URI of an open .alloy document'],
  ];
  for (const [name, method, params, message] of cases) {
    it(`answers InvalidParams to ${name}`, async () => {
      const error = await rejection(params === undefined ? server.connection.sendRequest(method) : server.connection.sendRequest(method, params));
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.equal(error.message, message);
    });
  }

  it('keeps serving, and puts ranges of a CR-only file on the lines an editor shows', async () => {
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    const syntax = report.kind === 'full' ? report.items.filter((d) => d.code === 'syntax') : [];
    // Alloy's scanner sees one line (it only breaks at \n), so its error is the missing terminator before
    // `format`; the editor shows `format` on line 2, and that is where the range points.
    assert.deepEqual(
      syntax.map((d) => [d.message, d.range.start.line, d.range.start.character]),
      [['expected TERMINATOR, got IDENT', 2, 1]],
    );
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols[0]?.children?.map((c) => [c.name, c.selectionRange.start.line]),
      [['level', 1]],
    );
  });
});

describe('large documents', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ pull: true });
  });
  after(async () => {
    await server.stop();
  });

  it('answers for 130,000 errors and a 10,000-component chain, then keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-large-'));
    const noisy = `file://${join(dir, 'noisy.alloy')}`;
    let chain = 'tracing {\n\twrite_to = [otelcol.processor.batch.p0.input]\n}\n';
    for (let i = 0; i < 10_000; i++) chain += `otelcol.processor.batch "p${i}" {\n\toutput {\n\t\ttraces = [otelcol.processor.batch.p${(i + 1) % 10_000}.input]\n\t}\n}\n`;
    const looped = `file://${join(dir, 'chain', 'config.alloy')}`;
    for (const [uri, text] of [[noisy, ';\n'.repeat(130_000)], [looped, chain]] as const) {
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text } });
    }
    const pull = async (uri: string) => {
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      return report.kind === 'full' ? report.items : [];
    };
    const items = await pull(noisy);
    assert.equal(items.length, 1001);
    assert.equal(items[1000]?.code, 'too-many-problems');
    // The loop is a cycle Alloy refuses: its components' errors fill the file's budget.
    const loopedItems = await pull(looped);
    assert.ok(loopedItems.some((d) => d.code === 'cycle'));
    assert.equal(loopedItems[loopedItems.length - 1]?.code, 'too-many-problems');
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: looped } })) as DocumentSymbol[];
    assert.equal(symbols.length, 10_001);
  });
});

describe('framing', () => {
  for (const [name, frame] of [
    ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}'],
  ] as const) {
    it(`exits with a reason on stderr after ${name}`, async () => {
      const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', (c) => resolve(c));
        child.stdin.write(frame);
      });
      assert.equal(code, 2);
      assert.match(stderr, /^alloy-selfmon server: cannot read a message from the client \(.+\); exiting so that the client restarts the server\.\n$/);
    });
  }
});
