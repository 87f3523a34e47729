/**
 * The equality that decides an "unchanged" diagnostics report: plain data,
 * compared by value, where any difference (a range, a key, an array's
 * length) makes a new report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameData } from '../../server/src/lsp/diagnostics';

const diagnostic = (line: number, message = 'm') => ({
  range: { start: { line, character: 0 }, end: { line, character: 4 } },
  severity: 1,
  code: 'syntax',
  source: 'alloy',
  message,
  relatedInformation: [{ location: { uri: 'file:///a.alloy', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: 'here' }],
});

describe('sameData', () => {
  it('is true for equal diagnostics made apart', () => {
    assert.ok(sameData([diagnostic(1), diagnostic(2)], [diagnostic(1), diagnostic(2)]));
    assert.ok(sameData([], []));
  });

  it('is false for any difference', () => {
    assert.ok(!sameData([diagnostic(1)], [diagnostic(2)]));
    assert.ok(!sameData([diagnostic(1)], [diagnostic(1, 'n')]));
    assert.ok(!sameData([diagnostic(1)], [diagnostic(1), diagnostic(1)]));
    assert.ok(!sameData({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!sameData({ a: 1, b: 2 }, { a: 1 }));
    assert.ok(!sameData({ a: undefined }, {}));
    assert.ok(!sameData([1], { 0: 1 }));
    assert.ok(!sameData({ 0: 1, length: 1 }, [1]));
    assert.ok(!sameData(null, {}));
    assert.ok(!sameData('1', 1));
  });
});
