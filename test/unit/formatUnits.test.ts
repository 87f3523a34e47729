/**
 * Formatting by units: the assembled output is `format` of the whole file,
 * byte for byte, whether every unit is formatted or most are copied from a
 * previous format; and after an edit only the units whose text changed are
 * formatted again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/reparse';
import { format } from '../../server/src/syntax/printer';
import { formatByUnits, formatUnits, topLevelSpans, type UnitCache, type UnitFormatter } from '../../server/src/syntax/formatUnits';
import { formatUnit } from '../../server/src/syntax/printer';

/** The units' texts of `text`. */
function unitTexts(text: string): string[] {
  return formatUnits(text, topLevelSpans(parse(text).file)).map((u) => text.slice(u.start, u.end));
}

/**
 * Asserts that the assembled output is the whole file's, cold and with a
 * cache from `before`, with units formatted from their texts and from the
 * file's tree.
 */
function assertSame(text: string, before?: string): void {
  const result = parse(text);
  const whole = format(result);
  // When the whole file formats, so does every unit: the whole file is never the fallback then.
  const strict: UnitFormatter = (t, continued) => {
    const out = formatUnit(t, continued);
    if (whole !== undefined) assert.notEqual(out, undefined, `unit ${JSON.stringify(t)} of ${JSON.stringify(text)}`);
    return out;
  };
  assert.equal(formatByUnits(result, undefined, { formatter: strict }).text, whole, `cold: ${JSON.stringify(text)}`);
  // The whole file's output cut at the marks gives each unit's own output.
  const units = formatUnits(text, topLevelSpans(result.file));
  const cut = formatByUnits(result, undefined, { strategy: 'whole' }).cache;
  if (whole !== undefined) {
    for (const u of units) {
      const source = text.slice(u.start, u.end);
      assert.equal((u.continued ? cut.continued : cut.plain).get(source), formatUnit(source, u.continued), `cut: ${JSON.stringify(source)} of ${JSON.stringify(text)}`);
    }
  }
  for (const strategy of ['slices', 'whole'] as const) {
    assert.equal(formatByUnits(result, undefined, { strategy }).text, whole, `cold, ${strategy}: ${JSON.stringify(text)}`);
    if (before === undefined) continue;
    const cache = formatByUnits(parse(before)).cache;
    assert.equal(formatByUnits(result, cache, { strategy }).text, whole, `warm, ${strategy}: ${JSON.stringify(before)} → ${JSON.stringify(text)}`);
  }
}

const FIXTURES: Record<string, string> = {
  'blocks, blank lines kept and collapsed': 'a {\n  x = 1\n}\nb {\n y = 2\n}\n\n\n\nc {}\n',
  'single-line blocks': 'a { }\nb {}\nc { x = 1 }\n',
  'comments between blocks, no blank line': 'a {\n}\n// one\n// two\nb {\n}\n',
  'comments between blocks, blank lines around': 'a {\n}\n\n\n// one\n\n\n// two\n\n\nb {\n}\n',
  'a comment on the line of the closing brace': 'a {\n}  // trailing\nb {\n}\n',
  'a trailing comment that aligns with the next lines': 'a {\n\tx = 1 // c\n\tlonger = 2 // d\n}\nb {\n}\n',
  'block comments, one before the next block on its line': 'a {\n}\n/* one\n two */ b {\n}\n/* x */\nc {}\n',
  'two block comments on a line, then a block with a trailing comment': 'x {}\n/* a */ /* b */\ny { // c\n  z = 1\n}\n',
  'a comment group ending in two block comments on a line': 'x {}\n// one\n/* a */ /* b */\ny { // c\n  z = 1\n}\n',
  'top-level attributes aligned with their neighbours': 'a = 1\nbbb = 2\nblk {\n}\nc = 3\ndddd = 4\nblk2 {}\ne = 5\n',
  'attributes with comments around them': 'a {}\n// about x\nx = 1 // trailing\n// after\nyy = 2\nb {}\n',
  'a file starting and ending with comments': '// head\n\n/* more */\na {\n}\n\nb {\n}\n// tail\n\n/* end */',
  'only comments': '// one\n\n// two\n',
  'empty': '',
  'no final newline': 'a {\n}\nb {\n  x = 1\n}',
  CRLF: 'a {\r\n  x = 1\r\n}\r\n\r\n// c\r\nb {\r\n  yy = 2\r\n  z = 3\r\n}\r\n',
  BOM: '\ufeffa {\n  x = 1\n}\nb {\n}\n',
  'non-ASCII text (bytes, code points)': 'a {\n  é = "😀"\n  xy = "é" // ü\n}\n// 日本\nb {\n  😀x = 1\n  y = "é"\n}\n',
  'nested blocks and objects': 'a "l" {\n  b {\n    c = {x = 1,\n      yyy = 2}\n  }\n}\n\nd "m" {\n  e = [1,\n  2]\n}\n',
  'labels re-quoted': 'a `l` {\n}\nb "m" {}\n',
  'a refusal of the safety net in one unit': 'a {\n}\nb {\n  x = [y.\n// c\nz, w]\n}\nc {\n}\n',
  'a syntax error': 'a {\n}\nb {\n  x = \n}\nc {\n}\n',
  'a comment between tokens without positions': 'a {\n  x = f(1 // c\n  )\n}\nb {\n}\n',
};

describe('formatByUnits', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`is format of the whole file: ${name}`, () => assertSame(text, text.replace(/x/g, 'xx')));
  }

  it('cuts between blocks only, and keeps comments with the block after them', () => {
    assert.deepEqual(unitTexts('a {}\nb {}\n'), ['a {}\n', 'b {}\n']);
    assert.deepEqual(unitTexts('a {}\n\n// c\nb {}\n'), ['a {}\n\n', '// c\nb {}\n']);
    // Attributes stay with their neighbours; a comment on `}`'s line stops a cut.
    assert.deepEqual(unitTexts('a {}\nx = 1\nb {}\nc {} // t\nd {}\n'), ['a {}\nx = 1\nb {}\n', 'c {} // t\nd {}\n']);
    const units = formatUnits('a {}\n\n// c\nb {}\nd {}\n', topLevelSpans(parse('a {}\n\n// c\nb {}\nd {}\n').file));
    assert.deepEqual(
      units.map((u) => [u.continued, u.separator]),
      [
        [false, ''],
        [true, '\n'],
        [false, '\n'],
      ],
    );
  });

  it('refuses as format refuses, and leaves the cache of the last format when the file does not parse', () => {
    const good = formatByUnits(parse('a {}\nb {}\n'));
    const broken = formatByUnits(parse('a {}\nb {\n'), good.cache);
    assert.equal(broken.text, undefined);
    assert.equal(broken.cache, good.cache);
    assert.equal(formatByUnits(parse(FIXTURES['a refusal of the safety net in one unit'] as string)).text, undefined);
  });

  it('formats again only the unit an edit touched, and copies the others', () => {
    const blocks = Array.from({ length: 50 }, (_, i) => `// block ${i}\nb_${i} "l" {\n  x = ${i}\n  yy = "v"\n}\n`);
    const text = blocks.join('\n');
    const calls: string[] = [];
    const counting: UnitFormatter = (t, continued) => {
      calls.push(t);
      return formatUnit(t, continued);
    };
    const first = formatByUnits(parse(text), undefined, { formatter: counting });
    assert.equal(first.units, 50);
    assert.equal(first.formatted, 50);
    const at = text.indexOf('x = 17');
    const edited = `${text.slice(0, at)}x = 170${text.slice(at + 'x = 17'.length)}`;
    calls.length = 0;
    const second = formatByUnits(reparse(parse(text), edited), first.cache, { formatter: counting });
    assert.equal(second.formatted, 1);
    assert.deepEqual(calls, ['// block 17\nb_17 "l" {\n  x = 170\n  yy = "v"\n}\n\n']);
    assert.equal(second.text, format(parse(edited)));
    // The new cache holds this format's units only.
    assert.equal(second.cache.plain.size + second.cache.continued.size, 50);
  });
});

/** Statements, comments and blank lines to put together. */
const piece = fc.constantFrom(
  'a {\n  x = 1\n  long_name = "v" // t\n}',
  'b "l" {\n  c {\n    y = [1,\n    2]\n  }\n}',
  'e {}',
  'f { g = 1 }',
  'x = 1',
  'yyyy = "é"',
  'z = {a = 1,\n  bb = 2}',
  '// comment',
  '/* block\n comment */',
  '/* c */ h {}',
  'k {\n} // trailing',
  '',
  'u = f(1 // c\n)',
  '😀 = 2',
  '/* a */ /* b */',
  'y { // c\n  z = 1\n}',
);

describe('formatByUnits on random files', () => {
  it('is format of the whole file, cold and after edits, for any mix of statements, comments and blank lines', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.array(piece, { maxLength: 14 }), fc.boolean(), fc.boolean(), (xs, ys, crlf, finalNewline) => {
        const eol = crlf ? '\r\n' : '\n';
        const join = (ps: string[]) => ps.join('\n').replace(/\n/g, eol) + (finalNewline ? eol : '');
        assertSame(join(xs), join(ys));
      }),
      { numRuns: 300 },
    );
  });

  it('is format of the whole file after a one-character edit of a reparsed file', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), fc.nat(), fc.constantFrom('z', ' ', '\n', '/', '}', '#'), (xs, k, ch) => {
        const text = `${xs.join('\n')}\n`;
        const before = parse(text);
        const cache: UnitCache = formatByUnits(before).cache;
        const at = k % (text.length + 1);
        const edited = text.slice(0, at) + ch + text.slice(at);
        const whole = format(parse(edited));
        for (const strategy of ['slices', 'whole'] as const) {
          assert.equal(formatByUnits(reparse(before, edited), cache, { strategy }).text, whole, `${strategy}: ${JSON.stringify(edited)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
