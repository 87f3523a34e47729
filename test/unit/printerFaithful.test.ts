/**
 * The formatter's safety net (`printerFaithful.ts`): a printed text is
 * accepted only when it reads back as the original. It scans the printed text
 * instead of parsing it; a property test holds it equal to the check it
 * replaced (parse the printed text, no syntax errors, same significant tokens
 * and comments) on generated files re-laid out at random.
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

  it('refuses printed text that does not scan', () => {
    assert.equal(check('a = "x"\n', 'a = "x'), false);
  });

  it('refuses the code a moved comment swallows', () => {
    // What alloy fmt prints for `a = [b.` ⏎ `// c` ⏎ `d, e]`.
    assert.equal(check('a = [b.\n// c\nd, e]\n', 'a = [b.d\n// c, e]'), false);
  });
});

// ---------------------------------------------------------------------------
// Equal to the check by parsing, on generated files re-laid out at random.

/** The check this one replaced: the printed text parses, with the same significant tokens and comments. */
function byParsing(original: string, printed: string): boolean {
  const reparsed = parse(printed);
  if (reparsed.diagnostics.length > 0) return false;
  const a = significant(parse(original).tokens);
  const b = significant(reparsed.tokens);
  return a.comments === b.comments && a.tokens.length === b.tokens.length && a.tokens.every((t, i) => t === b.tokens[i]);
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

test('faithful agrees with parsing the printed text', () => {
  fc.assert(
    fc.property(file, fc.array(fc.nat(SEPARATORS.length * 4 - 1), { minLength: 1 }), (original, picks) => {
      const tokens = parse(original).tokens;
      // Most gaps keep the original's separators; some get one from SEPARATORS.
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
      assert.equal(faithful(parse(original), printed), byParsing(original, printed), JSON.stringify(printed));
    }),
    { numRuns: RUNS },
  );
});
