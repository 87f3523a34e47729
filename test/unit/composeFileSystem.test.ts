import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isReadError, memoryFileSystem, overlayFileSystem, pathExists } from '../../server/src/compose/fileSystem';
import { nodeFileSystem } from '../../server/src/compose/nodeFileSystem';
import { MAX_TEXT_FILE_BYTES } from '../../server/src/textFiles';

describe('nodeFileSystem', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compose-fs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads text, dropping a BOM', () => {
    writeFileSync(path.join(dir, 'a.yml'), '\uFEFFservices: {}\n');
    assert.equal(nodeFileSystem.readFile(path.join(dir, 'a.yml')), 'services: {}\n');
  });

  it('answers undefined for a missing file, never throwing', () => {
    assert.equal(nodeFileSystem.readFile(path.join(dir, 'missing.yml')), undefined);
    assert.equal(nodeFileSystem.readFile(path.join(dir, 'missing-dir', 'x.yml')), undefined);
  });

  it('refuses binary files, directories and oversized files with a message', () => {
    writeFileSync(path.join(dir, 'bin.yml'), Buffer.from([0x73, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, 'latin1.env'), Buffer.from([0x41, 0x3d, 0xe9, 0xff]));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'big.yml'), Buffer.alloc(MAX_TEXT_FILE_BYTES + 1, 0x61));
    for (const [name, pattern] of [
      ['bin.yml', /binary/],
      ['latin1.env', /UTF-8/],
      ['sub', /directory/],
      ['big.yml', /too large/],
    ] as const) {
      const result = nodeFileSystem.readFile(path.join(dir, name));
      assert.ok(isReadError(result), name);
      assert.match(result.error, pattern);
    }
  });

  it('lists directories and tells existence', () => {
    assert.ok(nodeFileSystem.listDir(dir)?.includes('a.yml'));
    assert.equal(nodeFileSystem.listDir(path.join(dir, 'nope')), undefined);
    assert.equal(nodeFileSystem.exists?.(path.join(dir, 'a.yml')), true);
    assert.equal(nodeFileSystem.exists?.(path.join(dir, 'nope')), false);
  });
});

describe('memoryFileSystem and overlayFileSystem', () => {
  const base = memoryFileSystem({ '/p/compose.yaml': 'on disk', '/p/sub/x.env': 'A=1' });

  it('implies directories from file paths', () => {
    assert.deepEqual(base.listDir('/p'), ['compose.yaml', 'sub']);
    assert.deepEqual(base.listDir('/'), ['p']);
    assert.equal(base.listDir('/q'), undefined);
    assert.equal(pathExists(base, '/p/sub'), true);
    assert.equal(pathExists(base, '/p/none'), false);
  });

  it('serves open buffers first', () => {
    const fs = overlayFileSystem(new Map([['/p/compose.yaml', 'in editor'], ['/p/new.env', 'B=2']]), base);
    assert.equal(fs.readFile('/p/compose.yaml'), 'in editor');
    assert.equal(fs.readFile('/p/sub/x.env'), 'A=1');
    assert.deepEqual(fs.listDir('/p'), ['compose.yaml', 'new.env', 'sub']);
  });
});
