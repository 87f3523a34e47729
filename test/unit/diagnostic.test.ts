import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniqueFindings, type Finding } from '../../server/src/syntax/diagnostic';

const at = (start: number, message = 'm', code = 'env/missing'): Finding => ({ file: '/a.alloy', range: { start, end: start + 1 }, code, severity: 'warning', message, source: 's' });

describe('uniqueFindings', () => {
  it('keeps the first of findings with the same code, file, range and message, in order', () => {
    const first = at(1);
    const kept = uniqueFindings([first, at(2), { ...at(1), severity: 'error' }, at(1, 'other'), at(1, 'm', 'env/empty')]);
    assert.deepEqual(kept.map((f) => [f.range.start, f.message, f.code]), [[1, 'm', 'env/missing'], [2, 'm', 'env/missing'], [1, 'other', 'env/missing'], [1, 'm', 'env/empty']]);
    assert.equal(kept[0], first);
  });

  it('takes compose problems too, and any iterable', () => {
    const problem = { code: 'compose/dotenv', file: '/.env', range: { start: 0, end: 3 }, message: 'x', severity: 'warning' as const };
    assert.deepEqual(uniqueFindings(new Set([problem, { ...problem }])), [problem]);
  });
});
