import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuzzyMatch, getWorkspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { parse } from '../../server/src/syntax/parser';
import { LIB, MAIN, WRITE } from '../support/navigationFixture';

const files = [
  { path: '/cfg/main.alloy', parse: parse(MAIN) },
  { path: '/cfg/write.alloy', parse: parse(WRITE) },
  { path: '/mods/lib.alloy', parse: parse(LIB) },
];

describe('workspace symbols', () => {
  it('lists components, declares, namespaces, arguments and exports of every file', () => {
    assert.deepEqual(
      getWorkspaceSymbols(files, '').map((s) => `${s.kind} ${s.name}${s.container ? ` in ${s.container}` : ''} @${s.file}`),
      [
        'namespace import.file "lib" @/cfg/main.alloy',
        'component prometheus.exporter.self "alloy" @/cfg/main.alloy',
        'component prometheus.scrape "alloy" @/cfg/main.alloy',
        'component lib.relabel "default" @/cfg/main.alloy',
        'component prometheus.remote_write "default" @/cfg/write.alloy',
        'component prometheus.scrape "other" @/cfg/write.alloy',
        'declare declare "relabel" @/mods/lib.alloy',
        'argument argument "forward_to" in declare "relabel" @/mods/lib.alloy',
        'component prometheus.relabel "inner" in declare "relabel" @/mods/lib.alloy',
        'export export "receiver" in declare "relabel" @/mods/lib.alloy',
      ],
    );
  });

  it('matches the query fuzzily, case ignored, and selects the label', () => {
    const found = getWorkspaceSymbols(files, 'scrapeALL');
    assert.deepEqual(found.map((s) => s.name), ['prometheus.scrape "alloy"']);
    const s = found[0];
    assert.ok(s);
    assert.equal(MAIN.slice(s.selection.start, s.selection.end), 'alloy');
    assert.ok(fuzzyMatch('prw', 'prometheus.remote_write'));
    assert.ok(!fuzzyMatch('wrp', 'prometheus.remote_write'));
  });

  it('survives broken files', () => {
    assert.deepEqual(getWorkspaceSymbols([{ path: '/x.alloy', parse: parse('a "b" {\n\tc = [\n') }], '').map((s) => s.name), ['a "b"']);
  });
});
