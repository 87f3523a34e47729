import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHighlights, findReferences } from '../../server/src/features/references';
import { LIB, MAIN, WRITE, at, fixture, slice, type Fixture } from '../support/navigationFixture';

/** `path:line text` for each reference, line 1-based. */
function referencesAt(f: Fixture, includeDeclaration = true): string[] {
  return findReferences(f.index, f.file, f.offset, includeDeclaration).map((r) => {
    const text = f.texts.get(r.file) ?? '';
    const line = text.slice(0, r.range.start).split('\n').length;
    return `${r.file}:${line} ${slice(f, r.file, r.range)}${r.definition ? ' (definition)' : ''}`;
  });
}

const project = (main: string, write = WRITE, lib = LIB) => fixture({ 'main.alloy': main, 'write.alloy': write }, { '/mods/lib.alloy': lib });

describe('find references', () => {
  it('lists every use of a component across the files of the configuration, definition first', () => {
    assert.deepEqual(referencesAt(project(at(MAIN, '"alloy" { }', 2))), [
      '/cfg/main.alloy:5 alloy (definition)',
      '/cfg/main.alloy:8 alloy',
      '/cfg/write.alloy:8 alloy',
    ]);
    assert.deepEqual(referencesAt(project(at(MAIN, '"alloy" { }', 2)), false), ['/cfg/main.alloy:8 alloy', '/cfg/write.alloy:8 alloy']);
  });

  it('finds the same list from a reference as from the definition', () => {
    assert.deepEqual(referencesAt(project(MAIN, at(WRITE, 'self.alloy', 6))), [
      '/cfg/main.alloy:5 alloy (definition)',
      '/cfg/main.alloy:8 alloy',
      '/cfg/write.alloy:8 alloy',
    ]);
  });

  it('lists the uses of a declare from the module and from the configuration that imports it', () => {
    assert.deepEqual(referencesAt(project(MAIN, WRITE, at(LIB, 'relabel"', 1))), [
      '/cfg/main.alloy:9 relabel',
      '/cfg/main.alloy:12 relabel',
      '/mods/lib.alloy:1 relabel (definition)',
    ]);
  });

  it('lists the uses of an argument: argument.NAME.value inside, NAME = in each instance', () => {
    assert.deepEqual(referencesAt(project(MAIN, WRITE, at(LIB, 'forward_to" {', 1))), [
      '/cfg/main.alloy:13 forward_to',
      '/mods/lib.alloy:2 forward_to (definition)',
      '/mods/lib.alloy:7 forward_to',
    ]);
  });

  it('lists the uses of an export and of an import namespace', () => {
    assert.deepEqual(referencesAt(project(MAIN, WRITE, at(LIB, 'receiver"', 1))), ['/cfg/main.alloy:9 receiver', '/mods/lib.alloy:10 receiver (definition)']);
    assert.deepEqual(referencesAt(project(at(MAIN, '"lib"', 1))), ['/cfg/main.alloy:1 lib (definition)', '/cfg/main.alloy:9 lib', '/cfg/main.alloy:12 lib']);
  });

  it('says nothing on an attribute name, a string or a stdlib call', () => {
    assert.deepEqual(referencesAt(project(at(MAIN, 'targets    =', 2))), []);
    assert.deepEqual(referencesAt(project(MAIN, at(WRITE, 'mimir'))), []);
    assert.deepEqual(referencesAt(fixture({ 'main.alloy': 'logging {\n\tlevel = sys.e|nv("X")\n}\n' })), []);
  });
});

describe('document highlight', () => {
  it('marks the definition as written and the uses as read, in the file itself only', () => {
    const f = project(at(MAIN, '"alloy" { }', 2));
    assert.deepEqual(
      findHighlights(f.index, f.file, f.offset).map((h) => `${h.kind} ${slice(f, f.file.path, h.range)}@${h.range.start}`),
      [`write alloy@${MAIN.indexOf('"alloy" { }') + 1}`, `read alloy@${MAIN.indexOf('alloy.targets')}`],
    );
  });
});
