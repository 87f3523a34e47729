/**
 * Parser tests: snapshots of every fixture under test/fixtures/syntax (tree,
 * tokens, diagnostics), Alloy's exact messages at Alloy's positions (line and
 * byte column), tree shapes, and pathological nesting.
 *
 * Expected values come from Alloy's own scanner and parser (reference §1–3),
 * not from whatever this parser happens to do.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { childrenOf, type Node } from '../../server/src/syntax/ast';
import { MAX_DEPTH, parse, parseExpressionText } from '../../server/src/syntax/parser';
import { shiftStmt } from '../../server/src/syntax/shift';
import { sexpr } from '../support/sexpr';
import { assertSnapshot, assertSnapshotFile, SYNTAX_SNAPSHOT_DIR, updatingSnapshots } from '../support/snapshot';
import { alloyMessage, syntaxSnapshot } from '../support/syntaxSnapshot';

const FIXTURES = resolve(__dirname, '../fixtures/syntax');
const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.alloy'))
  .sort();

/** All diagnostics as `line:column message`, Alloy's way (column in bytes). */
function messages(text: string): string[] {
  const result = parse(text);
  return result.diagnostics.map((d) => alloyMessage(result.lineIndex, d));
}

function expr(text: string): string {
  const { expr: e, diagnostics } = parseExpressionText(text);
  assert.deepEqual(diagnostics, [], `diagnostics for ${text}`);
  return sexpr(e);
}

/** Every node's span lies in its parent's and in the text; returns the node count and the depth. */
function checkSpans(root: Node, textLength: number): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: Array<{ node: Node; parent: Node | undefined; level: number }> = [{ node: root, parent: undefined, level: 0 }];
  while (stack.length > 0) {
    const { node, parent, level } = stack.pop() as { node: Node; parent: Node | undefined; level: number };
    nodes++;
    depth = Math.max(depth, level);
    assert.ok(0 <= node.start && node.start <= node.end && node.end <= textLength, `${node.kind} [${node.start},${node.end}) outside the text`);
    if (parent) assert.ok(parent.start <= node.start && node.end <= parent.end, `${node.kind} [${node.start},${node.end}) outside its ${parent.kind} [${parent.start},${parent.end})`);
    for (const child of childrenOf(node)) stack.push({ node: child, parent: node, level: level + 1 });
  }
  return { nodes, depth };
}

describe('fixtures (snapshots of tokens, tree and diagnostics)', () => {
  for (const file of fixtureFiles) {
    const name = basename(file, '.alloy');
    test(name, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const result = parse(text);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (name.startsWith('valid-')) assert.deepEqual(errors.map((d) => alloyMessage(result.lineIndex, d)), [], 'a valid fixture has no diagnostics');
      else assert.ok(errors.length > 0, 'a broken fixture has diagnostics');
      checkSpans(result.file, text.length);
      assertSnapshot(name, syntaxSnapshot(result));
    });
  }

  test('every snapshot belongs to a fixture', () => {
    const names = new Set(fixtureFiles.map((f) => basename(f, '.alloy')));
    const orphans = readdirSync(SYNTAX_SNAPSHOT_DIR).filter((f) => f.endsWith('.json') && !names.has(basename(f, '.json')));
    assert.deepEqual(orphans, [], 'delete snapshots whose fixture is gone');
  });

  test('fixtures keep the bytes they are about (no line-ending or BOM normalisation)', () => {
    const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
    const crlf = read('valid-crlf.alloy');
    assert.ok(crlf.includes('\r\n') && !/[^\r]\n/.test(crlf), 'valid-crlf.alloy uses CRLF on every line');
    assert.equal(read('valid-bom.alloy').charCodeAt(0), 0xfeff);
    assert.ok(read('scan-nul.alloy').includes('\0'));
    assert.equal(read('valid-empty.alloy'), '');
    assert.ok(!read('scan-escape-eof.alloy').endsWith('\n'));
    assert.ok(!read('scan-string-eof.alloy').endsWith('\n'));
  });

  test('the three-mistakes fixture gives exactly three diagnostics', () => {
    const text = readFileSync(join(FIXTURES, 'three-mistakes.alloy'), 'utf8');
    assert.deepEqual(messages(text), [
      '2:18 expected TERMINATOR, got IDENT',
      '5:19 expected block label to be a valid identifier, but got "my-app"',
      "8:39 missing ',' in expression list",
    ]);
  });
});

describe('snapshot helper', () => {
  test('a missing snapshot fails unless updating', { skip: updatingSnapshots() ? 'UPDATE_SNAPSHOTS=1 is set' : false }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-snap-'));
    try {
      assert.throws(() => assertSnapshotFile(join(dir, 'missing.json'), { a: 1 }), /does not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** [input, every diagnostic as `line:column message`, in Alloy's order]. */
const scannerMessages: Array<[string, string[]]> = [
  ['a = "x\0y"', ['1:7 illegal character NUL']],
  ['a = \0', ['1:5 illegal character NUL', '1:5 illegal character U+0000', '1:5 expected expression, got ILLEGAL']],
  // A lone surrogate is what invalid UTF-8 looks like once it is a JavaScript string.
  ['a = "\uD800"', ['1:6 illegal UTF-8 encoding']],
  ['a = 1\uDC00', ['1:6 illegal UTF-8 encoding', "1:6 illegal character U+FFFD '�'", '1:6 expected TERMINATOR, got ILLEGAL']],
  ['\uFEFFa = 1', []],
  ['\uFEFF\uFEFFa = 1', ['1:4 illegal byte order mark', '1:4 expected identifier, got ILLEGAL']],
  ['a = "x\uFEFF"', ['1:7 illegal byte order mark']],
  ['a = 1 // x\uFEFF', ['1:11 illegal byte order mark']],
  ['a = #', ["1:5 illegal character U+0023 '#'", '1:5 expected expression, got ILLEGAL']],
  ['a = 1;', ["1:6 illegal character U+003B ';'", '1:6 expected TERMINATOR, got ILLEGAL']],
  ['a = \x07', ['1:5 illegal character U+0007', '1:5 expected expression, got ILLEGAL']],
  ['a = \u00a0', ['1:5 illegal character U+00A0', '1:5 expected expression, got ILLEGAL']],
  ['a = @', ["1:5 illegal character U+0040 '@'", '1:5 expected expression, got ILLEGAL']],
  ['a = 😀', ["1:5 illegal character U+1F600 '😀'", '1:5 expected expression, got ILLEGAL']],
  ['é = 1;', ["1:7 illegal character U+003B ';'", '1:7 expected TERMINATOR, got ILLEGAL']],
  ["a = 'x'", ['1:5 illegal single-quoted string; use double quotes', '1:5 expected expression, got ILLEGAL']],
  ['a = "x\nb = 1', ['1:5 string literal not terminated']],
  ['a = "x', ['1:5 string literal not terminated']],
  ['a = `x\ny', ['1:5 string literal not terminated']],
  ['a = b | c', ['1:8 missing second | in ||']],
  ['a = b & c', ['1:8 missing second & in &&']],
  ['a = 1e', ['1:5 exponent has no digits']],
  ['a = 10E+', ['1:5 exponent has no digits']],
  ['a = 2.5e-\n', ['1:5 exponent has no digits']],
  ['a = "\\q"', ['1:7 unknown escape sequence']],
  ['a = "\\\'"', ['1:7 unknown escape sequence']],
  ['a = "\\*"', ['1:7 unknown escape sequence']],
  ['a = "\\', ['1:7 escape sequence not terminated', '1:5 string literal not terminated']],
  ['a = "\\x4', ['1:7 escape sequence not terminated', '1:5 string literal not terminated']],
  ['a = "\\x4"', [`1:7 illegal character U+0022 '"' in escape sequence`]],
  ['a = "\\u12G4"', ["1:7 illegal character U+0047 'G' in escape sequence"]],
  ['a = "\\18"', ["1:7 illegal character U+0038 '8' in escape sequence"]],
  ['a = "\\x\n"', ['1:7 illegal character U+000A in escape sequence', '1:5 string literal not terminated', '2:1 string literal not terminated', '2:1 expected identifier, got STRING']],
  ['a = "\\uD800"', ['1:7 escape sequence is invalid Unicode code point']],
  ['a = "\\U00110000"', ['1:7 escape sequence is invalid Unicode code point']],
  ['a = "\\400"', ['1:7 escape sequence is invalid Unicode code point']],
  ['/* x', ['1:1 block comment not terminated']],
  ['a = 1 /* x', ['1:7 block comment not terminated']],
];

const parserMessages: Array<[string, string[]]> = [
  ['c { d = 1 e = 2 }', ['1:11 expected TERMINATOR, got IDENT']],
  ['a = 0x10', ['1:6 expected TERMINATOR, got IDENT']],
  ['a = 1 /* c */ b = 2', ['1:15 expected TERMINATOR, got IDENT']],
  ['a = 1, b = 2', ['1:6 expected TERMINATOR, got ,']],
  ['true = 1', ['1:1 expected identifier, got BOOL']],
  ['null { }', ['1:1 expected identifier, got NULL']],
  ['"x" = 1', ['1:1 expected identifier, got STRING']],
  ['a = 1\n+ 2', ['2:1 expected identifier, got +']],
  ['a = foo\n.bar', ['2:1 expected identifier, got .']],
  ['a. { }', ['1:4 expected identifier, got {']],
  ['a "" 1', ['1:6 expected attribute assignment or block body, got NUMBER']],
  ['a ""', ['1:5 expected attribute assignment or block body, got TERMINATOR']],
  ['a\n1', ['1:2 expected block label, got TERMINATOR', '2:1 expected attribute assignment or block body, got NUMBER']],
  ['a "x"\n{\n}', ['1:6 expected block body, got TERMINATOR']],
  ['block "a" "b" { }', ['1:11 expected block body, got STRING']],
  ['a "x" 1', ['1:7 expected block body, got NUMBER']],
  ['a\n{\n}', ['1:2 expected block label, got TERMINATOR']],
  ['a b { }', ['1:3 expected block label, got IDENT']],
  ['a (x) { }', ['1:3 expected block label, got (']],
  ['a `x` { }', ['1:3 expected block label to be a double quoted string, but got "`x`"']],
  ['a "with space" { }', ['1:3 expected block label to be a valid identifier, but got "with space"']],
  ['a "with-dash" { }', ['1:3 expected block label to be a valid identifier, but got "with-dash"']],
  ['a "1abc" { }', ['1:3 expected block label to be a valid identifier, but got "1abc"']],
  ['a "true" { }', ['1:3 expected block label to be a valid identifier, but got "true"']],
  ['a "false" { }', ['1:3 expected block label to be a valid identifier, but got "false"']],
  ['a "null" { }', ['1:3 expected block label to be a valid identifier, but got "null"']],
  ['a "x\\"y" { }', ['1:3 expected block label to be a valid identifier, but got "x\\\\\\"y"']],
  ['a "é" { }', []],
  ['a "" { }', []],
  ['a.b = 1', ['1:1 attribute names may only consist of a single identifier with no "."']],
  ['a "b" = 1', ['1:3 attribute names may not have labels']],
  ['a "" = 1', ['1:3 attribute names may not have labels']],
  ['a = 1 + + 2', ['1:9 expected expression, got +']],
  ['a = )', ['1:5 expected expression, got )']],
  ['a =', ['1:4 expected expression, got EOF']],
  ['a = (\n', ['2:1 expected expression, got EOF']],
  ['x = a(())', ['1:8 expected expression, got )']],
  ['a = ) ) )', ['1:5 expected expression, got )']],
  ['a = [\n1,\n2\n]', ["3:2 missing ',' in expression list"]],
  ['a = {\nb = 1,\nc = 2\n}', ["3:6 missing ',' in field list"]],
  ['a = f(\n1\n)', ["2:2 missing ',' in expression list"]],
  ['a = [1 2]', ["1:8 missing ',' in expression list"]],
  ['x = { true = 1 }', ['1:7 expected field name (string or identifier), got BOOL']],
  ['x = { 1337 = 1 }', ['1:7 expected field name (string or identifier), got NUMBER']],
  ['x = { a.b = 1 }', ['1:8 expected =, got .']],
  ['rw = prometheus.remote_write "x" {\n}', ['1:6 cannot use a block as an expression']],
  ['rw = a { b = 1 }', ['1:6 cannot use a block as an expression']],
  ['rw = a "x" "y" 1', ['1:12 expected {, got STRING']],
  ['a {', ['1:4 expected }, got EOF']],
  ['a = [1,', ['1:8 expected ], got EOF']],
  ['a = (1\n', ['1:7 expected ), got TERMINATOR']],
  ['x = a.true', ['1:7 expected IDENT, got BOOL']],
  ['x = {]', ['1:6 expected }, got ]']],
  ['x = {\n]', ['2:1 expected }, got ]']],
];

describe('exact messages at Alloy positions (line:byte-column)', () => {
  describe('scanner', () => {
    for (const [input, expected] of scannerMessages) test(JSON.stringify(input), () => assert.deepEqual(messages(input), expected));
  });
  describe('parser', () => {
    for (const [input, expected] of parserMessages) test(JSON.stringify(input), () => assert.deepEqual(messages(input), expected));
  });

  test('a scanner error and a parser error on one line: both reported, scanner first', () => {
    const result = parse('a = 1;');
    assert.deepEqual(
      result.diagnostics.map((d) => [d.start, d.end, d.message, d.severity]),
      [
        [5, 6, "illegal character U+003B ';'", 'error'],
        [5, 6, 'expected TERMINATOR, got ILLEGAL', 'error'],
      ],
    );
  });

  test('only the first parser error of a line is kept', () => {
    assert.deepEqual(messages('a = ) ]\nb = 1 + + 2 + + 3'), ['1:5 expected expression, got )', '2:9 expected expression, got +']);
  });

  test('three mistakes on three lines give three diagnostics, in order', () => {
    assert.deepEqual(messages('a = 1 b = 2\nc = [1 2]\nd = )\ne = "fine"\n'), [
      '1:7 expected TERMINATOR, got IDENT',
      "2:8 missing ',' in expression list",
      '3:5 expected expression, got )',
    ]);
  });

  test('columns count bytes: multi-byte characters before the error', () => {
    // é is 2 bytes, € 3, 😀 4 (and 2 UTF-16 units).
    assert.deepEqual(messages('a = "é€😀" + ;'), ["1:19 illegal character U+003B ';'", '1:19 expected expression, got ILLEGAL']);
    assert.deepEqual(messages('\uFEFFa = 1;'), ["1:9 illegal character U+003B ';'", '1:9 expected TERMINATOR, got ILLEGAL']);
  });

  test('diagnostic ranges are half-open UTF-16 ranges covering the offending text', () => {
    const ranges = (text: string) => parse(text).diagnostics.map((d) => text.slice(d.start, d.end));
    assert.deepEqual(ranges('a.b = 1'), ['a.b']);
    assert.deepEqual(ranges('a.b.c = 1'), ['a.b.c']);
    assert.deepEqual(ranges('a "b" = 1'), ['"b"']);
    assert.deepEqual(ranges('a "" = 1'), ['""']);
    assert.deepEqual(ranges('rw = b "x" {\n  c = 1\n}\n'), ['b "x" {\n  c = 1\n}']);
    assert.deepEqual(ranges('a = 😀'), ['😀', '😀']);
    assert.deepEqual(ranges('a = 1;'), [';', ';']);
    assert.deepEqual(ranges('a = "x" b'), ['b']);
    assert.deepEqual(ranges('a {'), ['']);
  });

  test('a lexical error does not stop parsing: later statements are in the tree', () => {
    const result = parse('a = "\\q"\nb = 1e\nc { d = 1 }\n');
    assert.deepEqual(
      result.file.body.map((s) => s.kind),
      ['Attribute', 'Attribute', 'Block'],
    );
  });
});

describe('tree shapes', () => {
  test('binary precedence and associativity', () => {
    assert.equal(expr('a || b && c'), '(|| a (&& b c))');
    assert.equal(expr('a && b || c'), '(|| (&& a b) c)');
    assert.equal(expr('1 == 2 == 3'), '(== (== 1 2) 3)');
    assert.equal(expr('1 + 2 * 3 - 4 / 5 % 6'), '(- (+ 1 (* 2 3)) (% (/ 4 5) 6))');
    assert.equal(expr('1 < 2 + 3'), '(< 1 (+ 2 3))');
    assert.equal(expr('2 ^ 3 ^ 2'), '(^ 2 (^ 3 2))');
    assert.equal(expr('2 * 3 ^ 2'), '(* 2 (^ 3 2))');
    assert.equal(expr('1 - 2 - 3'), '(- (- 1 2) 3)');
    assert.equal(expr('a != b || c >= d'), '(|| (!= a b) (>= c d))');
  });

  test('unary operators bind tighter than every binary operator and repeat', () => {
    assert.equal(expr('-2 ^ 2'), '(^ (- 2) 2)');
    assert.equal(expr('!!x'), '(! (! x))');
    assert.equal(expr('- -1'), '(- (- 1))');
    assert.equal(expr('!a && b'), '(&& (! a) b)');
  });

  test('postfix access, index and call bind tightest, left to right', () => {
    assert.equal(expr('-x.y[0](1)'), '(- (call (index (. x y) 0) 1))');
    assert.equal(expr('a.b.c'), '(. (. a b) c)');
    assert.equal(expr('f(1, 2,)(3)'), '(call (call f 1 2) 3)');
    assert.equal(expr('sys.env("X")'), '(call (. sys env) "X")');
    assert.equal(expr('(1 + 2) * 3'), '(* (paren (+ 1 2)) 3)');
    assert.equal(expr('json_decode(x)["k"].v'), '(. (index (call json_decode x) "k") v)');
  });

  test('literals, arrays and objects', () => {
    assert.equal(expr('[1, 2.5, .5, 1., "s", `r`, true, false, null,]'), '[1 2.5 .5 1. "s" `r` true false null]');
    assert.equal(expr('{ "app.kubernetes.io/name" = "x", ns = "y", `raw` = 1 }'), '{"app.kubernetes.io/name"="x" ns="y" "raw"=1}');
    assert.equal(expr('[]'), '[]');
    assert.equal(expr('{}'), '{}');
    assert.equal(expr('[\n1,\n2,\n]'), '[1 2]');
  });

  test('quoted object keys keep their escapes (Alloy does not unescape them)', () => {
    const { expr: e } = parseExpressionText('{ "a\\"b" = 1, "" = 2 }');
    assert.equal(e.kind, 'Object');
    if (e.kind !== 'Object') return;
    assert.deepEqual(
      e.fields.map((f) => [f.key, f.quoted]),
      [
        ['a\\"b', true],
        // An empty quoted key is not unwrapped: Alloy keeps its raw text.
        ['""', false],
      ],
    );
  });

  test('blocks: dotted names, label, braces', () => {
    const result = parse('prometheus.exporter.self "alloy" {\n  a = 1\n}\n');
    const block = result.file.body[0];
    assert.equal(block?.kind, 'Block');
    if (block?.kind !== 'Block') return;
    assert.equal(block.name, 'prometheus.exporter.self');
    assert.deepEqual(
      block.nameParts.map((p) => [p.name, p.start, p.end]),
      [
        ['prometheus', 0, 10],
        ['exporter', 11, 19],
        ['self', 20, 24],
      ],
    );
    assert.deepEqual(block.label, { value: 'alloy', start: 25, end: 32 });
    assert.equal(block.lbrace, 33);
    assert.equal(block.rbrace, 43);
    assert.deepEqual([block.start, block.end], [0, 44]);
    assert.equal(block.body.length, 1);
  });

  test('an empty label is no label', () => {
    const block = parse('a "" { }').file.body[0];
    assert.ok(block?.kind === 'Block' && block.label === undefined);
  });

  test('an unclosed block has rbrace -1 and ends at the last token', () => {
    const block = parse('a {\n  b = 1\n').file.body[0];
    assert.ok(block?.kind === 'Block');
    if (block?.kind !== 'Block') return;
    assert.equal(block.rbrace, -1);
    assert.equal(block.end, 12);
  });

  test('a block used as a value becomes an error expression spanning the block', () => {
    const text = 'rw = prometheus.remote_write "x" {\n  endpoint { }\n}\nafter = 1\n';
    const result = parse(text);
    const [rw, after] = result.file.body;
    assert.ok(rw?.kind === 'Attribute' && after?.kind === 'Attribute');
    if (rw?.kind !== 'Attribute') return;
    assert.equal(rw.value.kind, 'ErrorExpr');
    assert.equal(text.slice(rw.value.start, rw.value.end), 'prometheus.remote_write "x" {\n  endpoint { }\n}');
  });

  test('automatic terminators: operator at line end continues, comment after a value ends it', () => {
    assert.equal(expr('1 +\n2'), '(+ 1 2)');
    assert.deepEqual(messages('a = 1 // c\nb = 2 /* c */\nc = 3 /* multi\nline */ d = 4\n'), []);
    assert.deepEqual(messages('a = [\n  1, // one\n  2, /* two */\n]\n'), []);
    assert.deepEqual(messages('a = [\n  1,\n  2 // no comma\n]\n'), ["3:5 missing ',' in expression list"]);
  });

  test('CRLF line endings are plain whitespace', () => {
    assert.deepEqual(messages('a {\r\n  b = [\r\n    1,\r\n  ]\r\n}\r\n'), []);
    // The terminator is the \n: the missing comma is reported after the \r.
    assert.deepEqual(messages('a = [\r\n1\r\n]'), ["2:3 missing ',' in expression list"]);
  });

  test('parseExpressionText reads one expression', () => {
    const { expr: e, diagnostics } = parseExpressionText('1 +');
    assert.equal(sexpr(e), '(+ 1 <error>)');
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['expected expression, got EOF'],
    );
  });
});

describe('deep nesting', () => {
  const N = 100_000;
  const deep: Record<string, string> = {
    'arrays [[[…]]]': 'a = ' + '['.repeat(N) + ']'.repeat(N) + '\n',
    'objects {a = {a = …}}': 'a = ' + '{a = '.repeat(N) + '1' + '}'.repeat(N) + '\n',
    'parentheses ((…))': 'a = ' + '('.repeat(N) + '1' + ')'.repeat(N) + '\n',
    'blocks a { a { … } } on one line': 'a { '.repeat(N) + '}'.repeat(N) + '\n',
    'unary minus - - - …': 'a = ' + '- '.repeat(N) + '1\n',
    'unary not !!!…': 'a = ' + '!'.repeat(N) + 'true\n',
    'power a^a^a…': 'a = ' + 'a^'.repeat(N) + 'a\n',
    'calls f(f(f(…)))': 'a = ' + 'f('.repeat(N) + ')'.repeat(N) + '\n',
    'indexes x[x[x[…]]]': 'a = x' + '[x'.repeat(N) + ']'.repeat(N) + '\n',
    'mixed [{a = ([…])}]': 'a = ' + '[{a = ('.repeat(N / 4) + '1' + ')}]'.repeat(N / 4) + '\n',
  };

  for (const [name, text] of Object.entries(deep)) {
    test(`${name}: ${N.toLocaleString('en')} levels parse with one warning and no error`, () => {
      const result = parse(text + 'after = 1\n');
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.severity} ${d.message}`),
        [`warning nesting deeper than ${MAX_DEPTH} levels is not analysed`],
      );
      const last = result.file.body[result.file.body.length - 1];
      assert.ok(last?.kind === 'Attribute' && last.name.name === 'after', 'parsing goes on after the deep part');
      const { depth } = checkSpans(result.file, result.text.length);
      assert.ok(depth <= 2 * MAX_DEPTH + 10, `tree depth ${depth} is bounded`);
    });
  }

  test('unclosed nesting ([[[… to the end) does not throw', () => {
    const result = parse('a = ' + '['.repeat(N));
    assert.ok(result.diagnostics.some((d) => d.severity === 'warning'));
    assert.ok(result.diagnostics.some((d) => d.severity === 'error'));
  });

  test('blocks nested on separate lines (a {⏎ a {⏎ …}⏎}) parse with one warning and no error', () => {
    const text = 'a {\n'.repeat(N) + '}\n'.repeat(N) + 'after = 1\n';
    const result = parse(text);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.severity} ${d.message}`),
      [`warning nesting deeper than ${MAX_DEPTH} levels is not analysed`],
    );
    const last = result.file.body[result.file.body.length - 1];
    assert.ok(last?.kind === 'Attribute' && last.name.name === 'after', 'parsing goes on after the deep part');
  });

  const ordinary = 300;
  const shallow: Record<string, string> = {
    arrays: 'a = ' + '['.repeat(ordinary) + ']'.repeat(ordinary),
    objects: 'a = ' + '{a = '.repeat(ordinary) + '1' + '}'.repeat(ordinary),
    parentheses: 'a = ' + '('.repeat(ordinary) + '1' + ')'.repeat(ordinary),
    'blocks on one line': 'a { '.repeat(ordinary) + '}'.repeat(ordinary),
    'blocks on separate lines': 'a {\n'.repeat(ordinary) + '}\n'.repeat(ordinary),
    'unary minus': 'a = ' + '- '.repeat(ordinary) + '1',
    'unary not': 'a = ' + '!'.repeat(ordinary) + 'true',
    power: 'a = ' + 'a^'.repeat(ordinary) + 'a',
    calls: 'a = ' + 'f('.repeat(ordinary) + ')'.repeat(ordinary),
  };
  for (const [name, text] of Object.entries(shallow)) {
    test(`${ordinary} levels of ${name}: no diagnostics, full tree`, () => {
      const result = parse(text);
      assert.deepEqual(result.diagnostics, []);
      const { depth } = checkSpans(result.file, text.length);
      assert.ok(depth >= ordinary, `the whole nesting is in the tree (depth ${depth})`);
    });
  }

  test('long flat chains (1 + 1 + …, a.b.c…) are not nesting', () => {
    const sum = parse('a = ' + '1 + '.repeat(N) + '1\n');
    assert.deepEqual(sum.diagnostics, []);
    const chain = parse('a = x' + '.x'.repeat(N) + '\n');
    assert.deepEqual(chain.diagnostics, []);
  });
});

describe('block names and resume points', () => {
  test('a dotted name written with spaces or comments is still the dotted name', () => {
    const result = parse('prometheus . exporter /* c */ .self "a" { }\nprometheus.exporter.self "b" { }\n');
    const [spaced, tight] = result.file.body;
    assert.equal(spaced?.kind === 'Block' && spaced.name, 'prometheus.exporter.self');
    assert.equal(tight?.kind === 'Block' && tight.name, 'prometheus.exporter.self');
    assert.deepEqual(spaced?.kind === 'Block' && spaced.nameParts.map((p) => p.name), ['prometheus', 'exporter', 'self']);
  });

  test('a dotted attribute name: the error spans the name as Alloy joins it', () => {
    const result = parse('a . b = 1\n');
    assert.deepEqual(result.diagnostics.map((d) => [d.start, d.end, d.message]), [[0, 3, 'attribute names may only consist of a single identifier with no "."']]);
  });

  test('resume points: after each newline that ends a top-level statement, not inside blocks', () => {
    const text = 'a = 1\nb {\n  c = 2\n}\nd = 3 // the terminator is at the comment, not a newline\ne = 4\n';
    const result = parse(text);
    const offsets = Array.from(result.resumePoints, (i) => result.tokens.starts[i]);
    assert.deepEqual(offsets, [text.indexOf('b'), text.indexOf('d'), text.length]);
  });

  test('no resume point after a terminator that is not a newline', () => {
    const result = parse('a = 1 /* x\n */ b = 2');
    assert.deepEqual(Array.from(result.resumePoints), []);
  });
});

describe('big texts (identifiers and values interned)', () => {
  test('a text past the interning size parses to the statements of its parts', () => {
    const block = (i: number) => `prometheus.scrape "s_${i}" {\n  targets    = [{ "__address__" = "host-${i % 50}.svc.cluster.local:9090", job = "integrations/job" }]\n  forward_to = [prometheus.remote_write.default.receiver]\n  honor_labels = ${i % 2 === 0}\n}\n`;
    const parts = Array.from({ length: 2500 }, (_, i) => block(i));
    const text = parts.join('');
    assert.ok(text.length > 256 * 1024, 'large enough to intern');
    const big = parse(text);
    assert.deepEqual(big.diagnostics, []);
    let offset = 0;
    for (let i = 0; i < parts.length; i += 97) {
      offset = parts.slice(0, i).reduce((n, p) => n + p.length, 0);
      const alone = parse(parts[i] as string).file.body[0];
      assert.deepStrictEqual(big.file.body[i], alone && shiftStmt(alone, offset));
    }
  });
});
