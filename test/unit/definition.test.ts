import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDefinition } from '../../server/src/features/definition';
import { LIB, MAIN, WRITE, at, fixture, slice, type Fixture } from '../support/navigationFixture';

/** Where definition leads from the cursor: `path: selected text` for each target. */
function definitionAt(f: Fixture): string[] {
  return findDefinition(f.index, f.file, f.offset).map((t) => `${t.file}: ${slice(f, t.file, t.selection)}`);
}

const project = (main: string, write = WRITE, lib = LIB) => fixture({ 'main.alloy': main, 'write.alloy': write }, { '/mods/lib.alloy': lib });

describe('go to definition', () => {
  it('goes from a reference label to the component, in another file of the configuration', () => {
    const f = project(at(MAIN, 'remote_write.default.receiver', 15));
    assert.deepEqual(definitionAt(f), ['/cfg/write.alloy: default']);
    const target = findDefinition(f.index, f.file, f.offset)[0];
    assert.ok(target);
    assert.match(slice(f, target.file, target.range), /^prometheus\.remote_write "default" \{[\s\S]*\}$/);
  });

  it('goes from the component name part of a reference to the component, and from a catalog export to it too', () => {
    assert.deepEqual(definitionAt(project(at(MAIN, 'exporter.self.alloy.targets', 2))), ['/cfg/main.alloy: alloy']);
    assert.deepEqual(definitionAt(project(at(MAIN, 'targets    =', 3))), []); // the attribute name is no reference
    assert.deepEqual(definitionAt(project(at(MAIN, 'alloy.targets', 8))), ['/cfg/main.alloy: alloy']);
  });

  it('stays silent on an export the catalog says the component does not have', () => {
    const f = project(MAIN.replace('alloy.targets', 'alloy.targetz').replace('alloy.targetz', 'alloy.targ|etz'));
    assert.deepEqual(definitionAt(f), []);
  });

  it('goes from a custom component export to its export block in the module', () => {
    assert.deepEqual(definitionAt(project(at(MAIN, 'receiver]\n}\n\nlib', 2))), ['/mods/lib.alloy: receiver']);
  });

  it('goes from a custom component name to its declare in the imported module, and from the namespace to the import', () => {
    assert.deepEqual(definitionAt(project(at(MAIN, 'relabel "default"', 2))), ['/mods/lib.alloy: relabel']);
    assert.deepEqual(definitionAt(project(at(MAIN, 'lib.relabel "default"', 1))), ['/cfg/main.alloy: lib']);
    assert.deepEqual(definitionAt(project(at(MAIN, 'relabel.default.receiver', 1))), ['/mods/lib.alloy: relabel']);
  });

  it('goes from argument.NAME.value and from an instance attribute to the argument block', () => {
    const inLib = fixture({ 'main.alloy': MAIN, 'write.alloy': WRITE }, { '/mods/lib.alloy': at(LIB, 'forward_to.value', 3) });
    // The cursor is in the module file: the project is still built from the configuration.
    assert.deepEqual(definitionAt(inLib), ['/mods/lib.alloy: forward_to']);
    assert.deepEqual(definitionAt(project(at(MAIN, 'forward_to = [prometheus.remote_write', 2))), ['/mods/lib.alloy: forward_to']);
  });

  it('goes from a local declare name to it, in a single file', () => {
    const src = 'declare "pipe" {\n\targument "x" { }\n}\n\npi|pe "a" {\n\tx = 1\n}\n';
    assert.deepEqual(definitionAt(fixture({ 'main.alloy': src })), ['/cfg/main.alloy: pipe']);
  });

  it('goes from an import.file filename to the module file', () => {
    assert.deepEqual(definitionAt(project(at(MAIN, 'mods/lib'))), ['/mods/lib.alloy: ']);
  });

  it('does not let components inside a declare be reached from outside, nor outside ones from inside', () => {
    const src = 'declare "d" {\n\tprometheus.relabel "inner" {\n\t\tforward_to = [prometheus.remote_write.x.receiver]\n\t}\n}\n\nprometheus.remote_write "x" { }\n\nprometheus.scrape "s" {\n\ttargets = []\n\tforward_to = [prometheus.relabel.in|ner.receiver]\n}\n';
    assert.deepEqual(definitionAt(fixture({ 'main.alloy': src })), []);
    assert.deepEqual(definitionAt(fixture({ 'main.alloy': src.replace('|', '').replace('write.x.receiver', 'write.|x.receiver') })), []);
  });

  it('never throws on broken text or an offset out of range', () => {
    const f = fixture({ 'main.alloy': 'prometheus.scrape "a" {\n\tforward_to = [prometheus.|\n' });
    assert.deepEqual(findDefinition(f.index, f.file, f.offset), []);
    assert.deepEqual(findDefinition(f.index, f.file, -5), []);
    assert.deepEqual(findDefinition(f.index, f.file, 1e9), []);
  });
});
