/**
 * Wire tests for navigation: the bundled server over stdio, on a configuration
 * of two files that imports a module from another directory.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  DocumentHighlight,
  DocumentLink,
  InitializeResult,
  Location,
  Position,
  SemanticTokens,
  SignatureHelp,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { LIB, MAIN, WRITE } from '../support/navigationFixture';

/** The position of `needle` (plus `shift` characters) in `text`. */
function positionOf(text: string, needle: string, shift = 0): Position {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `no ${needle}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

describe('navigation over stdio', () => {
  let server: TestServer;
  const root = mkdtempSync(join(tmpdir(), 'alloy-nav-'));
  const main = join(root, 'cfg', 'main.alloy');
  const write = join(root, 'cfg', 'write.alloy');
  const lib = join(root, 'mods', 'lib.alloy');
  const uri = (path: string) => `file://${path}`;
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const at = (needle: string, shift = 0) => ({ textDocument: { uri: uri(main) }, position: positionOf(MAIN, needle, shift) });
  let capabilities: InitializeResult['capabilities'] | undefined;

  before(async () => {
    mkdirSync(join(root, 'cfg'));
    mkdirSync(join(root, 'mods'));
    // A folder whose name ends in .alloy: not a file of the module folder.
    mkdirSync(join(root, 'mods', 'old.alloy'));
    writeFileSync(main, MAIN);
    writeFileSync(write, WRITE);
    writeFileSync(lib, LIB);
    server = await startServer({ pull: true, workspaceFolder: root });
    capabilities = server.capabilities;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(main), languageId: 'grafana-alloy', version: 1, text: MAIN } });
  });
  after(async () => {
    await server.stop();
  });

  it('announces every navigation capability', () => {
    assert.ok(capabilities);
    for (const key of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'workspaceSymbolProvider', 'documentLinkProvider', 'signatureHelpProvider'] as const) {
      assert.ok(capabilities[key], key);
    }
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.semanticTokensProvider?.full);
  });

  it('goes to the definition in another file and in the imported module', async () => {
    const toWrite = await request<Location[]>('textDocument/definition', at('remote_write.default.receiver', 15));
    assert.deepEqual(toWrite, [{ uri: uri(write), range: { start: { line: 0, character: 25 }, end: { line: 0, character: 32 } } }]);
    const toLib = await request<Location[]>('textDocument/definition', at('relabel "default"', 2));
    assert.deepEqual(toLib, [{ uri: uri(lib), range: { start: { line: 0, character: 9 }, end: { line: 0, character: 16 } } }]);
    const toFile = await request<Location[]>('textDocument/definition', at('mods/lib'));
    assert.deepEqual(toFile.map((l) => l.uri), [uri(lib)]);
  });

  it('finds references across files and highlights them in the document', async () => {
    const refs = await request<Location[]>('textDocument/references', { ...at('"alloy" { }', 2), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => `${r.uri === uri(main) ? 'main' : 'write'}:${r.range.start.line}:${r.range.start.character}`), ['main:4:26', 'main:7:39', 'write:7:39']);
    const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', at('"alloy" { }', 2));
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]), [[4, 3], [7, 2]]);
  });

  it('prepares and performs a rename across files, and refuses a bad name with a message', async () => {
    const prepared = await request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', at('"lib"', 1));
    assert.equal(prepared.placeholder, 'lib');
    const edit = await request<WorkspaceEdit>('textDocument/rename', { ...at('"lib"', 1), newName: 'shared' });
    assert.deepEqual(Object.keys(edit.changes ?? {}), [uri(main)]);
    assert.deepEqual(edit.changes?.[uri(main)]?.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`), ['0:13 shared', '8:15 shared', '11:0 shared']);
    const declare = await request<WorkspaceEdit>('textDocument/rename', { ...at('relabel "default"', 2), newName: 'filter' });
    assert.deepEqual(Object.keys(declare.changes ?? {}).sort(), [uri(main), uri(lib)].sort());
    await assert.rejects(request('textDocument/rename', { ...at('"lib"', 1), newName: 'not-a-name' }), /not a valid name/);
    await assert.rejects(request('textDocument/prepareRename', at('targets    =', 2)), /can be renamed/);
  });

  it('follows an import of a folder to the .alloy files in it, passing over folders', async () => {
    const folderUser = join(root, 'folder', 'main.alloy');
    const text = 'import.file "lib" {\n\tfilename = "../mods"\n}\n\nlib.relabel "x" {\n\tforward_to = []\n}\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(folderUser), languageId: 'grafana-alloy', version: 1, text } });
    const toLib = await request<Location[]>('textDocument/definition', { textDocument: { uri: uri(folderUser) }, position: positionOf(text, 'relabel "x"', 2) });
    assert.deepEqual(toLib.map((l) => l.uri), [uri(lib)]);
  });

  it('from a module opened on its own, reaches the configuration that imports it', async () => {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(lib), languageId: 'grafana-alloy', version: 1, text: LIB } });
    const position = positionOf(LIB, 'relabel"', 1);
    const refs = await request<Location[]>('textDocument/references', { textDocument: { uri: uri(lib) }, position, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => `${r.uri === uri(lib) ? 'lib' : 'main'}:${r.range.start.line}:${r.range.start.character}`), ['main:8:19', 'main:11:4', 'lib:0:9']);
    const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri(lib) }, position, newName: 'filter' });
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [uri(main), uri(lib)].sort());
  });

  it('offers "did you mean" and "create" for an undefined reference', async () => {
    const u = uri(join(root, 'cfg', 'typo.alloy'));
    // The file stands alone (it uses none of its siblings' components), so the label to suggest is its own.
    const text =
      'prometheus.remote_write "primary" {\n\tendpoint {\n\t\turl = "http://mimir:9009/api/v1/push"\n\t}\n}\n\nprometheus.scrape "typo" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.primray.receiver]\n}\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'grafana-alloy', version: 1, text } });
    const position = positionOf(text, 'primray');
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: position, end: position },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Change to prometheus.remote_write.primary', true],
      ['Create prometheus.remote_write "primray"', false],
    ]);
    assert.deepEqual(actions[0]?.edit?.changes?.[u]?.map((e) => e.newText), ['primary']);
  });

  it('lists workspace symbols of every configuration, modules included', async () => {
    const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: 'relabel' });
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.location.uri === uri(lib) ? 'lib' : 'main'}`).sort(), ['declare "relabel" lib', 'lib.relabel "default" main', 'prometheus.relabel "inner" lib'].sort());
  });

  it('gives document links, signature help and semantic tokens', async () => {
    const links = await request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(main) } });
    assert.deepEqual(links.map((l) => l.target), [
      uri(lib),
      'https://grafana.com/docs/alloy/latest/reference/components/prometheus/prometheus.exporter.self/',
      'https://grafana.com/docs/alloy/latest/reference/components/prometheus/prometheus.scrape/',
    ]);
    const u = uri(join(root, 'cfg', 'sig.alloy'));
    const text = 'logging {\n\tlevel = string.format("%s", sys.env("L"))\n}\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'grafana-alloy', version: 1, text } });
    const help = await request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri: u }, position: positionOf(text, '"%s",', 5) });
    assert.equal(help.signatures[0]?.label, 'string.format(format: string, args: any...) → string');
    assert.equal(help.activeParameter, 1);
    const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(main) } });
    // First token: `import` at 0:0, length 6, type struct (2), no modifiers.
    assert.deepEqual(tokens.data.slice(0, 5), [0, 0, 6, 2, 0]);
    assert.equal(tokens.data.length % 5, 0);
  });
});
