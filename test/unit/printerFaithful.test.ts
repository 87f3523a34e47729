/**
 * The formatter's safety net (`printerFaithful.ts`): a printed text is
 * accepted only when it reads back as the original. It scans the printed text
 * instead of parsing it. Property tests on generated files re-laid out at
 * random: whatever it accepts parses to the same tree (positions aside) with
 * the same comments, and it accepts every file as its own printing.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { parse } from '../../server/src/syntax/parser';
import { faithful } from '../../server/src/syntax/printerFaithful';
import { Tok } from '../../server/src/syntax/tokens';
import type { TokenStream } from '../../server/src/syntax/scanner';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

function check(original: string, printed: string): boolean {
  const result = parse(original);
  assert.deepEqual(result.diagnostics, [], 'the original parses');
  return faithful(result, printed);
}

describe('faithful', () => {
  it('accepts a re-laid-out file with the same tokens', () => {
    assert.ok(check('a  =  [1,2]\nb {\nc=f(1,\n2)\n}\n', 'a = [1, 2]\nb {\n\tc = f(1,\n\t\t2)\n}'));
  });

  it('accepts trailing commas added or dropped before a closer', () => {
    assert.ok(check('a = [\n1,\n2,\n]\n', 'a = [\n1,\n2]'));
    assert.ok(check('a = f(1,\n2)\n', 'a = f(1,\n2,\n)'));
    assert.ok(check('a = {b = 1}\n', 'a = {b = 1,}'));
  });

  it('accepts a one-line block body spread over lines', () => {
    assert.ok(check('b { c = 1 }\n', 'b {\n\tc = 1\n}'));
  });

  it('accepts a dropped empty label and a re-quoted key', () => {
    assert.ok(check('b "" {\n}\n', 'b {\n}'));
    assert.ok(check('a = {`k` = 1}\n', 'a = {"k" = 1}'));
  });

  it('refuses a changed, missing or extra token', () => {
    assert.equal(check('a = 1\n', 'a = 2'), false);
    assert.equal(check('a = [b, c]\n', 'a = [b]'), false);
    assert.equal(check('a = b\n', 'a = b.c'), false);
  });

  it('refuses a comment lost or added', () => {
    assert.equal(check('a = 1 // c\n', 'a = 1'), false);
    assert.equal(check('a = 1\n', 'a = 1 // c'), false);
  });

  it('refuses a line break where the grammar does not take one', () => {
    assert.equal(check('a = [b, c]\n', 'a = [b\n, c]'), false);
    assert.equal(check('a = [b]\n', 'a = [b\n]'), false);
    assert.equal(check('a = b.c\n', 'a = b\n.c'), false);
    assert.equal(check('a = {k = 1}\n', 'a = {k = 1\n}'), false);
  });

  it('refuses a comma where the grammar takes a line break', () => {
    assert.equal(check('b {\nc = 1\n}\n', 'b {\nc = 1,\n}'), false);
    assert.equal(check('a = 1\nb = 2\n', 'a = 1, b = 2'), false);
  });

  it('refuses a dropped comma that turns list elements into an index', () => {
    // Found by the property test below: `[a, a [a]]` parses, but `a [a]` indexes `a`.
    assert.equal(check('a = [a, a, [a]]\n', 'a = [a, a  [a]]'), false);
  });

  it('refuses printed text that does not scan', () => {
    assert.equal(check('a = "x"\n', 'a = "x'), false);
  });

  it('refuses the code a moved comment swallows', () => {
    // What alloy fmt prints for `a = [b.` ⏎ `// c` ⏎ `d, e]`.
    assert.equal(check('a = [b.\n// c\nd, e]\n', 'a = [b.d\n// c, e]'), false);
  });
});

// ---------------------------------------------------------------------------
// On generated files re-laid out at random.

/** Whether `printed` means what `original` does: it parses cleanly to the same tree (positions aside), comments kept. */
function sameMeaning(original: string, printed: string): boolean {
  const reparsed = parse(printed);
  if (reparsed.diagnostics.length > 0) return false;
  return significant(parse(original).tokens).comments === significant(reparsed.tokens).comments && shape(parse(original).file) === shape(reparsed.file);
}

const POSITION_KEYS = new Set(['start', 'end', 'lbrace', 'rbrace', 'keySpan', 'nameStart']);

/** A tree as JSON without its offsets; each node with its kind (which the parser's nodes keep on their prototypes). */
function shape(tree: unknown): string {
  return JSON.stringify(tree, (key, value: unknown) => {
    if (POSITION_KEYS.has(key)) return undefined;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'kind' in value) return { ...value, kind: (value as { kind: unknown }).kind };
    return value;
  });
}

function significant(t: TokenStream): { tokens: string[]; comments: number } {
  const tokens: string[] = [];
  let comments = 0;
  for (let i = 0; i < t.count; i++) {
    const kind = t.kinds[i] as Tok;
    if (kind === Tok.Comment) comments++;
    if (kind === Tok.Comment || kind === Tok.Whitespace || kind === Tok.Terminator || kind === Tok.Comma || kind === Tok.EOF) continue;
    tokens.push(kind === Tok.String ? '<string>' : t.text.slice(t.starts[i], t.starts[i + 1]));
  }
  return { tokens, comments };
}

const ident = fc.constantFrom('a', 'b', 'foo', 'x_1');
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ident,
    fc.constantFrom('1', '2.5', '"s"', 'true', 'null'),
    fc.tuple(ident, ident).map(([x, y]) => `${x}.${y}`),
    fc.tuple(tie('e'), fc.constantFrom('+', '==', '&&'), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(ident, tie('e')), { maxLength: 3 }).map((fs) => `{${fs.map(([k, v]) => `${k} = ${v}`).join(', ')}}`),
    fc.tuple(ident, fc.array(tie('e'), { maxLength: 3 })).map(([f, xs]) => `${f}(${xs.join(', ')})`),
  ),
})).e;

const stmt: fc.Arbitrary<string> = fc.letrec<{ s: string }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(ident, expr).map(([n, v]) => `${n} = ${v}`),
    fc.tuple(ident, fc.constantFrom('', ' "l"', ' ""'), fc.array(tie('s'), { maxLength: 3 })).map(([n, l, body]) => `${n}${l} {\n${body.join('\n')}\n}`),
  ),
})).s;

const file = fc.tuple(fc.array(stmt, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([ss, comment]) => ss.join('\n') + (comment ? ' // c\n' : '\n'));

/** Separators put between the significant tokens of a re-laid-out file. */
const SEPARATORS = [' ', '\n', ', ', ',\n', '\n, ', ' // d\n', '\t'];

/** A file re-laid out: most gaps between significant tokens keep their separators, some get one from SEPARATORS. */
function relaid(original: string, picks: readonly number[]): string {
  const tokens = parse(original).tokens;
  let printed = '';
  let n = 0;
  for (let i = 0; i < tokens.count; i++) {
    const kind = tokens.kinds[i] as Tok;
    const text = original.slice(tokens.starts[i], tokens.starts[i + 1]);
    if (kind === Tok.Comma || kind === Tok.Terminator || kind === Tok.Whitespace) {
      const pick = picks[n++ % picks.length] as number;
      printed += pick < SEPARATORS.length ? (SEPARATORS[pick] as string) : text;
    } else {
      printed += text;
    }
  }
  return printed;
}

test('faithful accepts only a printing that parses to the same tree, with the same comments', () => {
  let accepted = 0;
  fc.assert(
    fc.property(file, fc.array(fc.nat(SEPARATORS.length * 4 - 1), { minLength: 1 }), (original, picks) => {
      const printed = relaid(original, picks);
      if (!faithful(parse(original), printed)) return;
      accepted++;
      assert.ok(sameMeaning(original, printed), JSON.stringify(printed));
    }),
    { numRuns: RUNS },
  );
  assert.ok(accepted > 0, 'some re-laid-out files are accepted');
});

test('faithful accepts every file as its own printing', () => {
  fc.assert(
    fc.property(file, (original) => {
      assert.ok(faithful(parse(original), original), JSON.stringify(original));
    }),
    { numRuns: RUNS },
  );
});
