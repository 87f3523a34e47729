/**
 * Statements and tokens moved by a reparse are copied only when `file.body`
 * or the token arrays are read: chains of reparses never read still end in
 * the full parse's tree and tokens (read through the runs, then as arrays),
 * and an unread version does not change when a later one is read.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Stmt } from '../../server/src/syntax/ast';
import { parse, type ParseResult } from '../../server/src/syntax/parser';
import { firstStartingAtOrAfter, joinRuns, lastStartingBefore, runsBefore, runsFrom, runsOf } from '../../server/src/syntax/pendingBody';
import { kindAt, startAt, tokenRunsOf } from '../../server/src/syntax/pendingTokens';
import { reparse } from '../../server/src/syntax/reparse';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

const BLOCKS = Array.from({ length: 12 }, (_, i) => `prometheus.scrape "s${i}" {\n  targets    = []\n  forward_to = [] // note ${i}\n}\n`);
const TEXT = `// header\n${BLOCKS.join('\n// between\n')}`;

/** What pending runs stand for: the tree, the token arrays (cut to their length), the diagnostics. */
const tree = (result: ParseResult) => ({
  body: result.file.body,
  start: result.file.start,
  end: result.file.end,
  diagnostics: result.diagnostics,
  count: result.tokens.count,
  kinds: Array.from(result.tokens.kinds.subarray(0, result.tokens.count)),
  starts: Array.from(result.tokens.starts.subarray(0, result.tokens.count + 1)),
});

/** Every token's kind and start read through the pending runs, before the arrays exist. */
const unmadeTokens = (result: ParseResult) => {
  const kinds: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < result.tokens.count; i++) {
    kinds.push(kindAt(result.tokens, i));
    starts.push(startAt(result.tokens, i));
  }
  starts.push(startAt(result.tokens, result.tokens.count));
  return { kinds, starts };
};

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 6 }),
  insert: fc.constantFrom('', 'x', ' ', '\n', '{', '}', '"', '/*', '*/', '// c\n', 'a = 1\n', 'b {\n'),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('pending bodies and token streams', () => {
  test('an edit in a comment near the start leaves the moved statements unread until asked for', () => {
    const previous = parse(TEXT);
    const text = TEXT.replace('// header', '// header!');
    const next = reparse(previous, text);
    const runs = runsOf(next.file);
    assert.ok(runs.some((r) => r.delta === 1), 'statements after the edit are a run moved by one');
    assert.ok(tokenRunsOf(next.tokens).some((r) => r.delta === 1), 'so are the tokens after it');
    const full = parse(text);
    assert.deepEqual(unmadeTokens(next), { kinds: Array.from(full.tokens.kinds.subarray(0, full.tokens.count)), starts: Array.from(full.tokens.starts.subarray(0, full.tokens.count + 1)) });
    assert.deepEqual(tree(next), tree(full));
    assert.equal(runsOf(next.file).length, 1, 'read once, the body is the only run');
    assert.equal(tokenRunsOf(next.tokens).length, 1, 'read once, the arrays are the only run');
  });

  test('two versions pending at once share one getter per property, and keep nothing per version in it', () => {
    // A getter closure made per version kept that version alive through V8's young collections.
    const previous = parse(TEXT);
    const one = reparse(previous, TEXT.replace('// header', '// header!'));
    const two = reparse(one, TEXT.replace('// header', '// header!!'));
    for (const [object, key] of [[one.file, 'body'], [one.tokens, 'kinds'], [one.tokens, 'starts']] as const) {
      const mine = Object.getOwnPropertyDescriptor(object, key)?.get;
      const other = Object.getOwnPropertyDescriptor(key === 'body' ? two.file : two.tokens, key)?.get;
      assert.equal(typeof mine, 'function', `${key} is pending`);
      assert.equal(other, mine, `${key}: one getter for both versions`);
    }
    assert.deepEqual(tree(two), tree(parse(TEXT.replace('// header', '// header!!'))));
    assert.deepEqual(tree(one), tree(parse(TEXT.replace('// header', '// header!'))));
  });

  test('a chain of unread versions ends in the full parse, and reading one does not change another', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (edits, reads) => {
        let current = TEXT;
        let previous = parse(TEXT);
        const versions: Array<{ text: string; result: ParseResult }> = [];
        edits.forEach((e, i) => {
          current = apply(current, e);
          previous = reparse(previous, current);
          versions.push({ text: current, result: previous });
          if (reads[i]) {
            const full = parse(current);
            assert.deepEqual(unmadeTokens(previous), { kinds: Array.from(full.tokens.kinds.subarray(0, full.tokens.count)), starts: Array.from(full.tokens.starts.subarray(0, full.tokens.count + 1)) });
            assert.deepEqual(tree(previous), tree(full));
          }
        });
        // Every version, read in any order afterwards, is still its own text's tree.
        for (const v of versions.reverse()) assert.deepEqual(tree(v.result), tree(parse(v.text)));
      }),
      { numRuns: RUNS },
    );
  });

  test('run lookups split, move and join by the moved offsets', () => {
    const stmts = parse(TEXT).file.body;
    const starts = stmts.map((s: Stmt) => s.start);
    const mid = starts[6] as number;
    const runs = joinRuns([...runsBefore([{ stmts, from: 0, to: stmts.length, delta: 0 }], mid), ...runsFrom([{ stmts, from: 0, to: stmts.length, delta: 0 }], mid, 5)]);
    assert.deepEqual(runs.map((r) => [r.from, r.to, r.delta]), [[0, 6, 0], [6, stmts.length, 5]]);
    assert.equal(firstStartingAtOrAfter(runs, mid)?.start, mid + 5);
    assert.equal(lastStartingBefore(runs, mid + 5)?.start, starts[5]);
    assert.deepEqual(joinRuns([...runsBefore(runs, mid + 5), ...runsFrom(runs, mid + 5, -5)]).map((r) => [r.from, r.to, r.delta]), [[0, stmts.length, 0]]);
  });
});
