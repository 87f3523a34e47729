import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { memoryFileSystem, overlayFileSystem } from '../../server/src/compose/fileSystem';
import { nodeFileSystem } from '../../server/src/compose/nodeFileSystem';

describe('directory listings for discovery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alloy-listing-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sees entries created and deleted after a folder was listed, settled or not', () => {
    writeFileSync(join(dir, 'b.alloy'), '');
    mkdirSync(join(dir, 'sub'));
    assert.deepEqual(nodeFileSystem.listDir(dir), ['b.alloy', 'sub']);
    // Created just now: listed again, not trusted by its stamp.
    writeFileSync(join(dir, 'a.alloy'), '');
    assert.deepEqual(nodeFileSystem.listDir(dir), ['a.alloy', 'b.alloy', 'sub']);
    // A folder left alone a while is kept by its stamp, until the next change moves it.
    const past = new Date(Date.now() - 60_000);
    utimesSync(dir, past, past);
    assert.deepEqual(nodeFileSystem.listDir(dir), ['a.alloy', 'b.alloy', 'sub']);
    rmSync(join(dir, 'b.alloy'));
    assert.deepEqual(nodeFileSystem.listDir(dir), ['a.alloy', 'sub']);
    assert.deepEqual(nodeFileSystem.listEntries?.(dir), [
      { name: 'a.alloy', directory: false },
      { name: 'sub', directory: true },
    ]);
    // Callers may change what they get.
    nodeFileSystem.listDir(dir)?.pop();
    assert.deepEqual(nodeFileSystem.listDir(dir), ['a.alloy', 'sub']);
    assert.equal(nodeFileSystem.listDir(join(dir, 'a.alloy')), undefined);
    assert.equal(nodeFileSystem.listDir(join(dir, 'missing')), undefined);
  });

  it('adds unsaved buffers to their folder, sorted, and leaves a listing holding them as it is', () => {
    const base = memoryFileSystem({ '/w/b.alloy': '', '/w/c.alloy': '' });
    assert.deepEqual(overlayFileSystem(new Map([['/w/a.alloy', '']]), base).listDir('/w'), ['a.alloy', 'b.alloy', 'c.alloy']);
    assert.deepEqual(overlayFileSystem(new Map([['/w/b.alloy', '']]), base).listDir('/w'), ['b.alloy', 'c.alloy']);
    assert.deepEqual(overlayFileSystem(new Map([['/elsewhere/x.alloy', '']]), base).listDir('/w'), ['b.alloy', 'c.alloy']);
    assert.equal(overlayFileSystem(new Map(), base).listDir('/none'), undefined);
  });
});
