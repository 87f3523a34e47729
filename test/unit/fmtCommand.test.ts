import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';

const UGLY = 'logging {\n  level = "info"\n    format="json"\n}\n';
const PRETTY = 'logging {\n\tlevel  = "info"\n\tformat = "json"\n}\n';
const BROKEN = 'logging {\n  level = \n';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = run(['fmt', ...args], (s) => (out += s), (s) => (err += s));
  return { status, out, err };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('alloy-selfmon fmt', () => {
  it('prints the formatted text and leaves the file alone', () => {
    const path = file('a.alloy', UGLY);
    assert.deepEqual(cli(path), { status: 0, out: PRETTY, err: '' });
    assert.equal(readFileSync(path, 'utf8'), UGLY);
  });

  it('--check lists the files that would change and exits 1; 0 when all are formatted', () => {
    const ugly = file('a.alloy', UGLY);
    file('b.alloy', PRETTY);
    const checked = cli('--check', dir);
    assert.equal(checked.status, 1);
    assert.equal(checked.out.trim().split('\n').length, 1);
    assert.ok(checked.out.trim().endsWith('a.alloy'));
    writeFileSync(ugly, PRETTY);
    assert.deepEqual(cli('--check', dir), { status: 0, out: '', err: '' });
  });

  it('--write rewrites only the files that change', () => {
    const ugly = file('a.alloy', UGLY);
    const result = cli('--write', ugly);
    assert.equal(result.status, 0);
    assert.equal(readFileSync(ugly, 'utf8'), PRETTY);
    assert.deepEqual(cli('--write', ugly), { status: 0, out: '', err: '' });
  });

  it('--diff prints a unified diff', () => {
    const result = cli('--diff', file('a.alloy', UGLY));
    assert.equal(result.status, 0);
    assert.match(result.out, /^--- a\/.*a\.alloy\n\+\+\+ b\/.*a\.alloy\n@@/);
    assert.match(result.out, /^-    format="json"$/m);
    assert.match(result.out, /^\+\tformat = "json"$/m);
  });

  it('leaves a file with syntax errors alone, with its errors on stderr and exit 2', () => {
    const broken = file('broken.alloy', BROKEN);
    const ugly = file('ugly.alloy', UGLY);
    const result = cli('--write', broken, ugly);
    assert.equal(result.status, 2);
    assert.match(result.err, /broken\.alloy:3:1: expected expression, got EOF/);
    assert.equal(readFileSync(broken, 'utf8'), BROKEN);
    assert.equal(readFileSync(ugly, 'utf8'), PRETTY, 'the other files are still formatted');
  });

  it('refuses conflicting flags and missing paths', () => {
    assert.equal(cli('--check', '--write', 'x.alloy').status, 2);
    assert.equal(cli().status, 2);
    assert.equal(cli(join(dir, 'missing.alloy')).status, 2);
  });
});
