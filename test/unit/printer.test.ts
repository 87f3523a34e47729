/**
 * The formatter: `alloy fmt`'s rules one by one, its fixed points, and the
 * three places where it deliberately differs from `alloy fmt`.
 *
 * Expected outputs of the rule cases and of the fixtures under
 * test/fixtures/fmt/ are what `alloy fmt` prints for the same input.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '../../server/src/syntax/parser';
import { format, formatStatements } from '../../server/src/syntax/printer';
import { LineIndex } from '../../server/src/syntax/lineIndex';
import { ByteMap, Source } from '../../server/src/syntax/printerSource';
import { Tok } from '../../server/src/syntax/tokens';

const fixtures = join(__dirname, '..', 'fixtures', 'fmt');

function fmt(text: string): string | undefined {
  return format(parse(text));
}

/** Formats and checks that formatting the result again changes nothing. */
function fmtStable(text: string): string {
  const once = fmt(text);
  assert.ok(once !== undefined, `refused: ${JSON.stringify(text)}`);
  assert.equal(fmt(once), once, 'formatting formatted output changed it');
  return once;
}

function commentsOf(text: string): string[] {
  const { tokens } = parse(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] === Tok.Comment) out.push(text.slice(tokens.starts[i], tokens.starts[i + 1]).replace(/\r/g, ''));
  }
  return out;
}

/** [rule, input, `alloy fmt` output] */
const rules: [string, string, string][] = [
  ['one tab per level', 'a {\n  b {\n        c = 1\n  }\n}\n', 'a {\n\tb {\n\t\tc = 1\n\t}\n}\n'],
  ['= aligned over consecutive attributes', 'a = 1\nbbb = 2\ncc = "x"\n', 'a   = 1\nbbb = 2\ncc  = "x"\n'],
  ['alignment broken by a blank line', 'a = 1\nbbb = 2\n\ncccccc = 3\nd = 4\n', 'a   = 1\nbbb = 2\n\ncccccc = 3\nd      = 4\n'],
  ['alignment broken by a block', 'a = 1\nb { }\ncccc = 2\nd = 3\n', 'a = 1\n\nb { }\ncccc = 2\nd    = 3\n'],
  [
    'a multi-line attribute aligns its first line, then starts a new run',
    'a = 1\nbbbb = [\n1,\n]\nc = 2\ndddddd = 3\n',
    'a    = 1\nbbbb = [\n\t1,\n]\nc      = 2\ndddddd = 3\n',
  ],
  ['trailing comments aligned', 'a = 1 // one\nbbbbbb = 22 // two\n', 'a      = 1  // one\nbbbbbb = 22 // two\n'],
  ['spaces around operators, none after unary', 'a=1+2*-3\nb=!x&&y||z\nc = - -1\nd=(1+2)^3%4\n', 'a = 1 + 2 * -3\nb = !x && y || z\nc = --1\nd = (1 + 2) ^ 3 % 4\n'],
  ['lists and calls on one line', 'a = [1,2 , 3]\nb = f( 1,2 )\nc = [ ]\nd = x[ 0 ].y\n', 'a = [1, 2, 3]\nb = f(1, 2)\nc = []\nd = x[0].y\n'],
  ['single-line object: no spaces inside braces', 'a = { x = 1, yy = "2" }\nb = { }\n', 'a = {x = 1, yy = "2"}\nb = {}\n'],
  ['multi-line list: own lines, trailing comma added', 'a = [1,\n2]\n', 'a = [1,\n\t2]\n'],
  ['multi-line list: closer on its own line gets a trailing comma', 'a = [\n1,\n2,\n]\n', 'a = [\n\t1,\n\t2,\n]\n'],
  ['elements on the same line stay together', 'a = some_func(1,\n2, 3,\n4)\n', 'a = some_func(1,\n\t2, 3,\n\t4)\n'],
  ['multi-line object: fields aligned', 'a = {\nx = 1,\nyyy = 2,\n}\n', 'a = {\n\tx   = 1,\n\tyyy = 2,\n}\n'],
  [
    'a field after a multi-line field starts a new run',
    'a = {\nx = [\n1,\n],\nyyy = 2,\nz = 3,\n}\n',
    'a = {\n\tx = [\n\t\t1,\n\t],\n\tyyy = 2,\n\tz   = 3,\n}\n',
  ],
  ['one-line block expanded', 'b "x" { a = 1 }\n', 'b "x" {\n\ta = 1\n}\n'],
  ['empty block', 'b "x" {}\nc {\n\n}\n', 'b "x" { }\n\nc { }\n'],
  ['empty label dropped', 'b "" { }\n', 'b { }\n'],
  ['dotted names and labels', 'prometheus . scrape   "default" {\n}\n', 'prometheus.scrape "default" { }\n'],
  ['every block but the first is preceded by one blank line', 'a { }\nb { }\nc = 1\nd { }\n', 'a { }\n\nb { }\nc = 1\n\nd { }\n'],
  ['an attribute after a block keeps a blank line only from the source', 'a { }\nb = 1\n\n\n\nc = 2\n', 'a { }\nb = 1\n\nc = 2\n'],
  ['no blank lines at the start or end of a body or file', '\n\n\nb {\n\n\na = 1\n\n\n}\n\n\n', 'b {\n\ta = 1\n}\n'],
  ['comments kept, own-line comments indented', 'b {\n// inside\n  a = 1 /* after */\n    // last\n}\n// end\n', 'b {\n\t// inside\n\ta = 1 /* after */\n\t// last\n}\n// end\n'],
  ['comment between tokens on one line', 'a = /* c */ 1\n', 'a = /* c */ 1\n'],
  ['strings and numbers verbatim', 'a = `raw\n  text`\nb = 1.50\nc = "\\u00e9"\n', 'a = `raw\n  text`\nb = 1.50\nc = "\\u00e9"\n'],
  ['CRLF to LF, trailing blanks dropped (but kept inside comments)', 'a = 1   \r\nb = 2 // c  \r\n', 'a = 1\nb = 2 // c  \n'],
  ['labels re-quoted', 'b  "métrica_1"{ }\n', 'b "métrica_1" { }\n'],
  ['BOM dropped', '\ufeffa = 1\n', 'a = 1\n'],
  ['empty file', '', '\n'],
  ['comments only', '// a\n\n\n// b\n', '// a\n\n// b\n'],
];

describe('format: alloy fmt rules', () => {
  for (const [rule, input, expected] of rules) {
    it(rule, () => {
      assert.equal(fmtStable(input), expected);
    });
  }

  it('wide characters count as one column when aligning', () => {
    assert.equal(fmtStable('métrica = 1\nab = 2\n'), 'métrica = 1\nab      = 2\n');
  });
});

describe('format: fixtures', () => {
  const inputs = readdirSync(fixtures).filter((n) => n.endsWith('.alloy') && !n.endsWith('.expected.alloy'));
  it('has fixtures', () => assert.ok(inputs.length >= 2));
  for (const name of inputs) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name), 'utf8');
      const expected = readFileSync(join(fixtures, name.replace(/\.alloy$/, '.expected.alloy')), 'utf8');
      assert.equal(fmtStable(input), expected);
    });
  }
});

describe('format: invariants', () => {
  const samples = [
    ...rules.map(([, input]) => input),
    ...readdirSync(fixtures).map((n) => readFileSync(join(fixtures, n), 'utf8')),
  ];

  it('is idempotent', () => {
    for (const s of samples) fmtStable(s);
  });

  it('never loses a comment', () => {
    for (const s of samples) {
      const out = fmt(s);
      assert.ok(out !== undefined);
      for (const c of commentsOf(s)) assert.ok(out.includes(c), `lost ${JSON.stringify(c)}`);
    }
  });

  it('refuses a file with syntax errors', () => {
    assert.equal(fmt('a = [\n1,\n2\n]\n'), undefined);
    assert.equal(fmt('b "x" {\n'), undefined);
    assert.equal(fmt('a = 1;\n'), undefined);
    assert.equal(fmt('block `raw` { }\n'), undefined);
  });

  it('refuses what the parser only partly read (nesting deeper than 400)', () => {
    assert.equal(fmt('a = ' + '['.repeat(1000) + ']'.repeat(1000) + '\n'), undefined);
  });

  it('does not overflow the stack on long chains or deep nesting', () => {
    const chain = fmt('a = x' + '.y'.repeat(50000) + ' + 1'.repeat(50000) + '\n');
    assert.ok(chain?.startsWith('a = x.y.y'));
    const nested = fmt('a = ' + '[\n'.repeat(350) + '1' + ',\n]'.repeat(350) + '\n');
    assert.ok(nested?.includes('\t'.repeat(350) + '1,'));
  });
});

describe('format: deliberate departures from alloy fmt', () => {
  it('keeps quoted object keys as written (alloy fmt would write {"a\\\\\\"b" = 1})', () => {
    // Alloy uses the text between the quotes as the key without decoding
    // escapes, and its printer re-quotes that text, so every run of
    // `alloy fmt` adds backslashes and changes the key. We keep the key.
    assert.equal(fmtStable('a = {"a\\"b" = 1, "c\\\\d" = 2}\n'), 'a = {"a\\"b" = 1, "c\\\\d" = 2}\n');
    // Backquoted keys become double-quoted when no escape is needed (as with alloy fmt)...
    assert.equal(fmtStable('a = {`k.x` = 1}\n'), 'a = {"k.x" = 1}\n');
    // ...and stay as written otherwise, so that the key does not change.
    assert.equal(fmtStable('a = {`k\\x` = 1}\n'), 'a = {`k\\x` = 1}\n');
  });

  it('writes f() for a call without arguments spread over lines (alloy fmt writes f(, which does not parse)', () => {
    assert.equal(fmtStable('a = f(\n)\n'), 'a = f()\n');
  });

  it('refuses when alloy fmt would move a comment over code', () => {
    // alloy fmt prints `a = [b.d` ⏎ `// c, e]`: the comment swallows `, e]`.
    assert.equal(fmt('a = [b.\n// c\nd, e]\n'), undefined);
  });
});

describe('formatStatements', () => {
  const component = 'prometheus.scrape "alloy" {\ntargets = prometheus.exporter.self.alloy.targets\nforward_to = [prometheus.remote_write.default.receiver]\n}';

  it('prints a new component at indentation 0', () => {
    assert.equal(
      formatStatements(component, 0),
      'prometheus.scrape "alloy" {\n\ttargets    = prometheus.exporter.self.alloy.targets\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n',
    );
  });

  it('prints a new component at indentation 1', () => {
    assert.equal(
      formatStatements(component, 1),
      '\tprometheus.scrape "alloy" {\n\t\ttargets    = prometheus.exporter.self.alloy.targets\n\t\tforward_to = [prometheus.remote_write.default.receiver]\n\t}\n',
    );
  });

  it('aligns attributes and keeps comments', () => {
    assert.equal(formatStatements('// why\nurl = "x"\nbasic_auth_user = "u"', 1), '\t// why\n\turl             = "x"\n\tbasic_auth_user = "u"\n');
  });

  it('inserted text reads the same as alloy fmt prints it in place', () => {
    const inner = formatStatements('endpoint {\nurl = "http://localhost:9090/api/v1/write"\n}', 1);
    const file = 'prometheus.remote_write "default" {\n' + inner + '}\n';
    assert.equal(fmt(file), file);
  });

  it('is empty for empty text and throws on syntax errors', () => {
    assert.equal(formatStatements('', 2), '');
    assert.throws(() => formatStatements('a = ', 0), /does not parse/);
  });
});

describe('ByteMap', () => {
  it('maps UTF-16 offsets to UTF-8 bytes and bytes to lines, in ASCII and other text', () => {
    const ascii = new ByteMap('ab\ncd\n', new LineIndex('ab\ncd\n'));
    assert.deepEqual([ascii.byteOf(0), ascii.byteOf(4), ascii.byteOf(6)], [0, 4, 6]);
    assert.deepEqual([ascii.lineOfByte(2), ascii.lineOfByte(3), ascii.lineOfByte(6)], [1, 2, 3]);
    const text = 'é😀\n'.repeat(40) + 'x';
    const bytes = new ByteMap(text, new LineIndex(text));
    // é is 1 unit and 2 bytes, 😀 2 units and 4 bytes, so each line is 4 units and 7 bytes.
    assert.deepEqual([bytes.byteOf(1), bytes.byteOf(3), bytes.byteOf(4), bytes.byteOf(160)], [2, 6, 7, 280]);
    assert.deepEqual([bytes.lineOfByte(6), bytes.lineOfByte(7), bytes.lineOfByte(280)], [1, 2, 41]);
  });
});

describe('Source lines', () => {
  it('gives the line of any offset, whatever order they are asked in', () => {
    const text = 'a = 1\n\nb {\n\tc = [1,\n2]\n}\n// end';
    const src = new Source(parse(text));
    const index = new LineIndex(text);
    const offsets = [0, 5, 6, 7, 8, 30, 2, 12, 13, 13, 14, 7, 6, text.length, 0, text.length - 1, 9, 10, 11, 12];
    for (let o = 0; o <= text.length; o++) offsets.push(o);
    for (let o = text.length; o >= 0; o -= 3) offsets.push(o);
    for (const o of offsets) assert.equal(src.line(o), index.lineOf(o) + 1, `offset ${o}`);
  });
});
