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
});
