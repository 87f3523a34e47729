import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { watchedChanges } from '../../server/src/lsp/watchers';
import { Workspace } from '../../server/src/lsp/workspace';

const WRITE = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "http://mimir:9009/api/v1/push"\n  }\n}\n';
const SCRAPE = 'prometheus.scrape "app" {\n  targets    = [{"__address__" = "app:8080"}]\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n';

/** A workspace over a temporary folder, with documents the test opens and closes. */
function setup(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'alloy-workspace-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const open = new Map<string, TextDocument>();
  const workspace = new Workspace(
    (path) => open.get(pathToFileURL(path).href),
    () => [...open.values()],
    () => [root],
  );
  return {
    root,
    workspace,
    open(name: string, text: string, version = 1): TextDocument {
      const document = TextDocument.create(pathToFileURL(join(root, name)).href, 'grafana-alloy', version, text);
      open.set(document.uri, document);
      return document;
    },
    close(document: TextDocument): void {
      open.delete(document.uri);
      workspace.evict(document.uri);
    },
  };
}

describe('Workspace', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('evicts a closed document and the disk files parsed for it, and only those', () => {
    const w = setup({ 'team/a.alloy': SCRAPE, 'team/b.alloy': WRITE, 'solo/c.alloy': WRITE });
    roots.push(w.root);
    const a = w.open('team/a.alloy', SCRAPE);
    const c = w.open('solo/c.alloy', WRITE);
    assert.deepEqual(
      w.workspace.configurationOf(a).map((x) => x.files.map((f) => f.path)),
      [[join(w.root, 'team/a.alloy'), join(w.root, 'team/b.alloy')]],
    );
    w.workspace.configurationOf(c);
    assert.deepEqual(w.workspace.stats().parsedPaths, [join(w.root, 'solo/c.alloy'), join(w.root, 'team/a.alloy'), join(w.root, 'team/b.alloy')]);
    w.close(a);
    assert.deepEqual(w.workspace.stats().parsedPaths, [join(w.root, 'solo/c.alloy')]);
    w.close(c);
    const held = w.workspace.stats();
    assert.deepEqual([held.openParses, held.diskParses, held.parsedPaths], [0, 0, []]);
  });

  it('re-discovers nothing for an edit, and follows an unsaved buffer that stops using its sibling', () => {
    const w = setup({ 'team/a.alloy': SCRAPE, 'team/b.alloy': WRITE });
    roots.push(w.root);
    let a = w.open('team/a.alloy', SCRAPE);
    assert.equal(w.workspace.configurationOf(a)[0]?.reason.kind, 'folder');
    const before = w.workspace.stats();
    a = w.open('team/a.alloy', `// typing\n${SCRAPE}`, 2);
    assert.equal(w.workspace.configurationOf(a)[0]?.reason.kind, 'folder');
    const after = w.workspace.stats();
    assert.equal(after.walks, before.walks);
    assert.equal(after.discoveryReads - before.discoveryReads, 1);
    a = w.open('team/a.alloy', SCRAPE.replace('remote_write.default', 'remote_write.gone'), 3);
    assert.equal(w.workspace.configurationOf(a)[0]?.reason.kind, 'file');
  });

  it('drops the parse of a disk file a watcher saw change, and reads it again', () => {
    const w = setup({ 'team/a.alloy': SCRAPE, 'team/b.alloy': WRITE });
    roots.push(w.root);
    const a = w.open('team/a.alloy', SCRAPE);
    w.workspace.configurationOf(a);
    assert.equal(w.workspace.stats().diskParses, 1);
    const b = join(w.root, 'team/b.alloy');
    writeFileSync(b, WRITE.replace('default', 'renamed'));
    w.workspace.invalidate([{ path: b, kind: 'changed' }]);
    assert.equal(w.workspace.stats().diskParses, 0);
    // b.alloy no longer defines what a.alloy uses: a stands alone.
    assert.equal(w.workspace.configurationOf(a)[0]?.reason.kind, 'file');
  });

  it('keeps at most 512 disk parses for requests no document owns', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`many/f${i}.alloy`] = `logging {\n  level = "info"\n}\n// ${i}\n`;
    const w = setup(files);
    roots.push(w.root);
    const loaded = w.workspace.load(Object.keys(files).map((f) => join(w.root, f)));
    assert.equal(loaded.length, 600);
    assert.equal(w.workspace.stats().diskParses, 512);
  });

  it('reads watched-file notifications as paths, and anything odd as "everything may have changed"', () => {
    assert.deepEqual(
      watchedChanges({ changes: [{ uri: 'file:///w/a.alloy', type: 1 }, { uri: 'file:///w/compose.yaml', type: 2 }, { uri: 'file:///w/b.alloy', type: 3 }] }),
      [{ path: '/w/a.alloy', kind: 'created' }, { path: '/w/compose.yaml', kind: 'changed' }, { path: '/w/b.alloy', kind: 'deleted' }],
    );
    assert.equal(watchedChanges(undefined), undefined);
    assert.equal(watchedChanges({ changes: [{ uri: 'untitled:1', type: 1 }] }), undefined);
    assert.equal(watchedChanges({ changes: [{ uri: 'file:///w/a.alloy', type: 9 as 1 }] }), undefined);
    assert.equal(watchedChanges({ changes: 'nonsense' } as unknown as Parameters<typeof watchedChanges>[0]), undefined);
  });
});
