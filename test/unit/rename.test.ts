import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareRename, rename } from '../../server/src/features/rename';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { applyEdits } from '../../server/src/fixes/edits';
import { defaultSettings } from '../../server/src/settings';
import { LIB, MAIN, WRITE, at, fixture, type Fixture } from '../support/navigationFixture';

const project = (main: string, write = WRITE, lib = LIB) => fixture({ 'main.alloy': main, 'write.alloy': write }, { '/mods/lib.alloy': lib });

/** The new text of each file the rename changes. */
function renamed(f: Fixture, newName: string): Map<string, string> {
  const result = rename(f.index, f.file, f.offset, newName);
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  const byFile = new Map<string, { range: { start: number; end: number }; newText: string }[]>();
  for (const e of result.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return new Map([...byFile].map(([path, edits]) => [path, applyEdits(f.texts.get(path) ?? '', edits)]));
}

/** Finding codes and messages of the configuration (/cfg) and of the module (/mods), each analysed as Alloy would. */
function findings(texts: Map<string, string>): string[] {
  const config = [...texts].filter(([p]) => p.startsWith('/cfg/')).map(([p, t]) => parseFile(p, t));
  const modules = [...texts].filter(([p]) => !p.startsWith('/cfg/')).map(([p, t]) => parseFile(p, t));
  return [...analyzeConfiguration(config, defaultSettings).findings, ...analyzeConfiguration(modules, defaultSettings).findings]
    .filter((x) => !x.code.startsWith('selfmon/'))
    .map((x) => `${x.file} ${x.code}: ${x.message}`);
}

/** Asserts the rename leaves exactly `expected` changed files and no finding that was not there before. */
function assertRename(f: Fixture, newName: string, expected: Record<string, string>): void {
  const changed = renamed(f, newName);
  assert.deepEqual(Object.fromEntries(changed), expected);
  const after = new Map(f.texts);
  for (const [p, t] of changed) after.set(p, t);
  assert.deepEqual(findings(after), findings(f.texts));
}

describe('rename', () => {
  it('renames a component label at its definition and every reference, across files', () => {
    const f = project(MAIN, at(WRITE, '"default" {', 1));
    assert.deepEqual(prepareRename(f.index, f.file, f.offset), { range: { start: 25, end: 32 }, placeholder: 'default' });
    assertRename(f, 'mimir', {
      '/cfg/main.alloy': MAIN.replace('remote_write.default.receiver', 'remote_write.mimir.receiver'),
      '/cfg/write.alloy': WRITE.replace('"default"', '"mimir"').replace('remote_write.default.receiver', 'remote_write.mimir.receiver'),
    });
  });

  it('renames from a reference too, and leaves a component of another name with the same label alone', () => {
    const f = project(at(MAIN, 'alloy.targets', 1));
    assertRename(f, 'self', {
      '/cfg/main.alloy': MAIN.replace('"alloy" { }', '"self" { }').replace('self.alloy.targets', 'self.self.targets'),
      '/cfg/write.alloy': WRITE.replace('self.alloy.targets', 'self.self.targets'),
    });
  });

  it('renames a declare in an imported module and its uses in the configuration', () => {
    const f = project(MAIN, WRITE, at(LIB, 'relabel"', 1));
    assertRename(f, 'filter', {
      '/cfg/main.alloy': MAIN.replace('lib.relabel.default', 'lib.filter.default').replace('lib.relabel "default"', 'lib.filter "default"'),
      '/mods/lib.alloy': LIB.replace('declare "relabel"', 'declare "filter"'),
    });
  });

  it('renames an argument: its block, argument.NAME.value, and NAME = in every instance', () => {
    const f = project(at(MAIN, 'forward_to = [prometheus.remote_write', 3));
    assertRename(f, 'send_to', {
      '/cfg/main.alloy': MAIN.replace('forward_to = [prometheus.remote_write', 'send_to = [prometheus.remote_write'),
      '/mods/lib.alloy': LIB.replace('argument "forward_to"', 'argument "send_to"').replace('argument.forward_to.value', 'argument.send_to.value'),
    });
  });

  it('renames an import namespace in the import, the instances and the references', () => {
    const f = project(at(MAIN, 'lib.relabel "default"', 2));
    assertRename(f, 'shared', {
      '/cfg/main.alloy': MAIN.replace('"lib"', '"shared"').replace('[lib.relabel', '[shared.relabel').replace('lib.relabel "default"', 'shared.relabel "default"'),
    });
  });

  it('renames a local declare and its instances in a single file', () => {
    const src = 'declare "pipe" {\n\targument "x" { }\n}\n\npi|pe "a" {\n\tx = 1\n}\n';
    const f = fixture({ 'main.alloy': src });
    const plain = src.replace('|', '');
    assertRename(f, 'tube', { '/cfg/main.alloy': plain.replace('"pipe"', '"tube"').replace('pipe "a"', 'tube "a"') });
  });

  it('refuses a new name that is not an identifier, or a keyword', () => {
    const f = project(MAIN, at(WRITE, '"default" {', 1));
    for (const bad of ['', '1abc', 'my-name', 'a.b', 'x y', '"x"', 'true', 'null']) {
      const result = rename(f.index, f.file, f.offset, bad);
      assert.ok('error' in result, `accepted ${JSON.stringify(bad)}`);
      assert.match(result.error, /is not a valid name/);
    }
  });

  it('refuses names that collide: a label of the same component name, a declare, an argument, a namespace', () => {
    const withTwo = project(MAIN, at(WRITE, '"other" {', 1));
    assert.deepEqual(rename(withTwo.index, withTwo.file, withTwo.offset, 'alloy'), { error: 'There is already a prometheus.scrape "alloy" component.' });
    // Another component name may carry the same label.
    assert.ok('edits' in rename(withTwo.index, withTwo.file, withTwo.offset, 'default'));
    const decl = fixture({ 'main.alloy': 'declare "a|" { }\ndeclare "b" { }\n' });
    assert.deepEqual(rename(decl.index, decl.file, decl.offset, 'b'), { error: 'There is already a declare "b".' });
    const arg = fixture({ 'main.alloy': 'declare "a" {\n\targument "x|" { }\n\targument "y" { }\n}\n' });
    assert.deepEqual(rename(arg.index, arg.file, arg.offset, 'y'), { error: 'There is already an argument "y".' });
    const ns = project(at(MAIN, '"lib"', 1));
    assert.match((rename(ns.index, ns.file, ns.offset, 'prometheus') as { error: string }).error, /namespace of Alloy's own components/);
  });

  it('refuses where there is nothing renameable: attribute names, built-in name fragments, exports, strings', () => {
    for (const f of [
      project(at(MAIN, 'targets    =', 2)),
      project(at(MAIN, 'scrape "alloy"', 2)),
      project(at(MAIN, 'receiver]\n}\n\nlib', 2)),
      project(MAIN, at(WRITE, 'mimir')),
    ]) {
      const prepared = prepareRename(f.index, f.file, f.offset);
      assert.ok('error' in prepared, JSON.stringify(prepared));
      assert.ok('error' in rename(f.index, f.file, f.offset, 'x'));
    }
  });
});
