import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDocumentSymbols, type OutlineSymbol } from '../../server/src/features/symbols';
import { parse } from '../../server/src/syntax/parser';

const TEXT = [
  'tracing {',
  '\tsampling_fraction = 0.1',
  '}',
  'prometheus.remote_write "default" {',
  '\tendpoint {',
  '\t\turl = "http://mimir:9009/api/v1/push"',
  '\t\tbasic_auth {',
  '\t\t\tusername = "u"',
  '\t\t}',
  '\t}',
  '\texternal_labels = { cluster = "a" }',
  '}',
  'top = 1',
  '',
].join('\n');

type Shape = [string, string, Shape[]];
const shape = (symbols: OutlineSymbol[]): Shape[] => symbols.map((s) => [s.name, s.kind, shape(s.children)]);

describe('getDocumentSymbols', () => {
  it('lists blocks at every depth, top-level attributes and a top-level block\'s own attributes', () => {
    assert.deepEqual(shape(getDocumentSymbols(parse(TEXT).file)), [
      ['tracing', 'block', [['sampling_fraction', 'attribute', []]]],
      [
        'prometheus.remote_write "default"',
        'block',
        [
          ['endpoint', 'block', [['basic_auth', 'block', []]]],
          ['external_labels', 'attribute', []],
        ],
      ],
      ['top', 'attribute', []],
    ]);
  });

  it('leaves out attributes inside nested blocks: they are their block\'s content', () => {
    const names: string[] = [];
    const walk = (symbols: OutlineSymbol[]) => symbols.forEach((s) => (names.push(s.name), walk(s.children)));
    walk(getDocumentSymbols(parse(TEXT).file));
    assert.equal(names.includes('url'), false);
    assert.equal(names.includes('username'), false);
  });

  it('gives a labelled block its label, and the header as the selection', () => {
    const [, remote] = getDocumentSymbols(parse(TEXT).file);
    assert.equal(remote?.topLevel, true);
    assert.equal(TEXT.slice(remote?.selectionRange.start, remote?.selectionRange.end), 'prometheus.remote_write "default"');
    assert.equal(remote?.children[0]?.topLevel, false);
  });

  it('keeps its shape at a nesting depth the parser allows, without recursion', () => {
    const depth = 300;
    const text = 'a {\n'.repeat(depth) + '}\n'.repeat(depth);
    let symbols = getDocumentSymbols(parse(text).file);
    let levels = 0;
    while (symbols.length > 0) {
      levels++;
      symbols = symbols[0]?.children ?? [];
    }
    assert.equal(levels, depth);
  });

  it('lists every top-level statement of a large file, and only the levels that fit under the limit', () => {
    // 6 symbols per component: the block, its 2 attributes, 1 nested block, 2 nested blocks deeper.
    const component = (i: number) => `c.x "n${i}" {\n\ta = 1\n\tb = 2\n\tinner {\n\t\tdeep {\n\t\t}\n\t\tdeeper {\n\t\t}\n\t}\n}\n`;
    const text = Array.from({ length: 10 }, (_, i) => component(i)).join('');
    const depthOf = (symbols: OutlineSymbol[]): number => Math.max(0, ...symbols.map((s) => 1 + depthOf(s.children)));
    const file = parse(text).file;
    assert.equal(depthOf(getDocumentSymbols(file)), 3); // everything: 60 symbols
    assert.equal(depthOf(getDocumentSymbols(file, 60)), 3);
    assert.equal(depthOf(getDocumentSymbols(file, 59)), 2); // the third level would pass the limit
    assert.equal(depthOf(getDocumentSymbols(file, 40)), 2); // 10 blocks + 30 children
    assert.equal(depthOf(getDocumentSymbols(file, 39)), 1);
    const top = getDocumentSymbols(file, 3);
    assert.equal(top.length, 10); // the top level is never cut
    assert.ok(top.every((s) => s.children.length === 0));
  });
});
