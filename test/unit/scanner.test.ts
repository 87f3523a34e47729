/**
 * Scanner tests: token kinds, automatic terminators, trivia, Unicode, and the
 * lexical errors of Alloy's scanner (reference §1 and §3) at the same offsets.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRune, isValidIdentifier, scan, scanWindow, type TokenStream } from '../../server/src/syntax/scanner';
import { Tok, tokenName } from '../../server/src/syntax/tokens';

interface Token {
  kind: Tok;
  start: number;
  end: number;
  text: string;
}

function tokensOf(stream: TokenStream): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < stream.count; i++) {
    const start = stream.starts[i] as number;
    const end = stream.starts[i + 1] as number;
    out.push({ kind: stream.kinds[i] as Tok, start, end, text: stream.text.slice(start, end) });
  }
  return out;
}

/**
 * Significant tokens and comments, Alloy-style: `IDENT(a)`, `=`, `TERMINATOR`.
 * A zero-width terminator (before a trailing comment, or at EOF) prints as `TERMINATOR(0)`.
 */
function lex(text: string): string[] {
  return tokensOf(scan(text))
    .filter((t) => t.kind !== Tok.Whitespace && t.kind !== Tok.EOF)
    .map((t) => {
      const name = tokenName(t.kind);
      if (t.kind === Tok.Terminator) return t.end === t.start ? 'TERMINATOR(0)' : 'TERMINATOR';
      if ([Tok.Ident, Tok.Number, Tok.Float, Tok.String, Tok.Bool, Tok.Null, Tok.Comment, Tok.Illegal].includes(t.kind)) return `${name}(${t.text})`;
      return name;
    });
}

function errorsOf(text: string): Array<[number, string]> {
  return scan(text).errors.map((e) => [e.offset, e.message]);
}

describe('token kinds', () => {
  test('operators and punctuation', () => {
    assert.deepEqual(lex('|| && ! = == != < <= > >= + - * / % ^ { } ( ) [ ] , .'), [
      '||', '&&', '!', '=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^', '{', '}', '(', ')', '[', ']', ',', '.',
    ]);
    assert.deepEqual(lex('a..b'), ['IDENT(a)', '.', '.', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('!==='), ['!=', '==']);
  });

  test('keywords are true, false and null only', () => {
    assert.deepEqual(lex('true false null'), ['BOOL(true)', 'BOOL(false)', 'NULL(null)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('True nullx declare import _'), ['IDENT(True)', 'IDENT(nullx)', 'IDENT(declare)', 'IDENT(import)', 'IDENT(_)', 'TERMINATOR(0)']);
  });

  test('numbers: integers, floats, exponents; no sign, no prefixes', () => {
    assert.deepEqual(lex('0 007 123'), ['NUMBER(0)', 'NUMBER(007)', 'NUMBER(123)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('1. .5 0.25 1e0 1E+100 2.71828e-1000'), [
      'FLOAT(1.)', 'FLOAT(.5)', 'FLOAT(0.25)', 'FLOAT(1e0)', 'FLOAT(1E+100)', 'FLOAT(2.71828e-1000)', 'TERMINATOR(0)',
    ]);
    assert.deepEqual(lex('0x10'), ['NUMBER(0)', 'IDENT(x10)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('1..2'), ['FLOAT(1.)', 'FLOAT(.2)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('-1'), ['-', 'NUMBER(1)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('1_000'), ['NUMBER(1)', 'IDENT(_000)', 'TERMINATOR(0)']);
  });

  test('identifiers: Unicode letters and digits, no dash, no dot', () => {
    assert.deepEqual(lex('métrica_café a۰۱۸ ŝfoo 日本語 _x9'), ['IDENT(métrica_café)', 'IDENT(a۰۱۸)', 'IDENT(ŝfoo)', 'IDENT(日本語)', 'IDENT(_x9)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a-b'), ['IDENT(a)', '-', 'IDENT(b)', 'TERMINATOR(0)']);
    // A digit cannot start an identifier, even a non-ASCII one.
    assert.deepEqual(lex('۰a'), ['ILLEGAL(۰)', 'IDENT(a)', 'TERMINATOR(0)']);
  });

  test('identifiers with letters outside the BMP (surrogate pairs)', () => {
    assert.deepEqual(lex('𝒳 a𝒳 𝒳𝒳 𐐀b'), ['IDENT(𝒳)', 'IDENT(a𝒳)', 'IDENT(𝒳𝒳)', 'IDENT(𐐀b)', 'TERMINATOR(0)']);
    assert.deepEqual(errorsOf('𝒳 = 1'), []);
  });

  test('strings: double-quoted with escapes, raw backtick strings over lines', () => {
    assert.deepEqual(lex('"a\\"b" "\\u00e9\\U0001F600\\x41\\101\\a\\b\\f\\n\\r\\t\\v\\\\"'), [
      'STRING("a\\"b")',
      'STRING("\\u00e9\\U0001F600\\x41\\101\\a\\b\\f\\n\\r\\t\\v\\\\")',
      'TERMINATOR(0)',
    ]);
    assert.deepEqual(lex('`a\\n\nb"c`'), ['STRING(`a\\n\nb"c`)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('``'), ['STRING(``)', 'TERMINATOR(0)']);
    assert.deepEqual(errorsOf('"a\\"b" `\\q`'), []);
  });

  test('comments: line and block, kept as trivia tokens', () => {
    assert.deepEqual(lex('// a\n/* b\nc */ x'), ['COMMENT(// a)', 'COMMENT(/* b\nc */)', 'IDENT(x)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('/**/'), ['COMMENT(/**/)']);
    assert.deepEqual(lex('/*/ x */'), ['COMMENT(/*/ x */)']);
    assert.deepEqual(lex('# x'), ['ILLEGAL(#)', 'IDENT(x)', 'TERMINATOR(0)']);
  });
});

describe('automatic terminators', () => {
  test('a newline is a terminator only after an identifier, literal or closer', () => {
    for (const before of ['a', 'true', 'false', 'null', '1', '1.5', '"s"', '`r`', ')', ']', '}']) {
      const tokens = lex(`${before}\nx`);
      assert.equal(tokens[tokens.length - 3], 'TERMINATOR', `after ${before}`);
    }
    for (const before of ['=', '+', '-', '*', '/', '%', '^', '||', '&&', '!', '==', '<', '(', '[', '{', ',', '.']) {
      assert.ok(!lex(`${before}\nx`).slice(0, -2).includes('TERMINATOR'), `no terminator after ${before}`);
    }
  });

  test('only one terminator for several newlines; blank lines are whitespace', () => {
    assert.deepEqual(lex('a\n\n\nb'), ['IDENT(a)', 'TERMINATOR', 'IDENT(b)', 'TERMINATOR(0)']);
  });

  test('the end of the file is a terminator after such a token', () => {
    assert.deepEqual(lex('a = 1'), ['IDENT(a)', '=', 'NUMBER(1)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a = '), ['IDENT(a)', '=']);
    const last = tokensOf(scan('a'));
    assert.deepEqual(
      last.map((t) => [tokenName(t.kind), t.start, t.end]),
      [
        ['IDENT', 0, 1],
        ['TERMINATOR', 1, 1],
        ['EOF', 1, 1],
      ],
    );
  });

  test('a trailing // comment still ends the statement: zero-width terminator before it', () => {
    assert.deepEqual(lex('a = 1 // c\nb'), ['IDENT(a)', '=', 'NUMBER(1)', 'TERMINATOR(0)', 'COMMENT(// c)', 'IDENT(b)', 'TERMINATOR(0)']);
    const t = tokensOf(scan('a = 1 // c\nb')).find((x) => x.kind === Tok.Terminator);
    assert.deepEqual([t?.start, t?.end], [6, 6]);
  });

  test('a /* */ comment reaching the end of the line ends the statement; one followed by a token does not', () => {
    assert.deepEqual(lex('a /* c */\nb'), ['IDENT(a)', 'TERMINATOR(0)', 'COMMENT(/* c */)', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a /* c */ b'), ['IDENT(a)', 'COMMENT(/* c */)', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a /* multi\nline */ b'), ['IDENT(a)', 'TERMINATOR(0)', 'COMMENT(/* multi\nline */)', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a /* x */ /* y */ // z\nb'), ['IDENT(a)', 'TERMINATOR(0)', 'COMMENT(/* x */)', 'COMMENT(/* y */)', 'COMMENT(// z)', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a /* x */ / b'), ['IDENT(a)', 'COMMENT(/* x */)', '/', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a /* x */'), ['IDENT(a)', 'TERMINATOR(0)', 'COMMENT(/* x */)']);
  });

  test('an illegal character keeps the pending terminator state', () => {
    assert.deepEqual(lex('a;\nb'), ['IDENT(a)', 'ILLEGAL(;)', 'TERMINATOR', 'IDENT(b)', 'TERMINATOR(0)']);
    assert.deepEqual(lex('a = $\nb'), ['IDENT(a)', '=', 'ILLEGAL($)', 'IDENT(b)', 'TERMINATOR(0)']);
  });

  test('CRLF: the \\r is whitespace, the terminator is the \\n', () => {
    const tokens = tokensOf(scan('a\r\nb'));
    assert.deepEqual(
      tokens.map((t) => [tokenName(t.kind), t.text]),
      [
        ['IDENT', 'a'],
        ['WHITESPACE', '\r'],
        ['TERMINATOR', '\n'],
        ['IDENT', 'b'],
        ['TERMINATOR', ''],
        ['EOF', ''],
      ],
    );
    assert.deepEqual(lex('// c\r\nx'), ['COMMENT(// c\r)', 'IDENT(x)', 'TERMINATOR(0)']);
  });
});

describe('byte order mark', () => {
  test('a leading BOM is whitespace', () => {
    const tokens = tokensOf(scan('\uFEFFa'));
    assert.deepEqual(tokens[0], { kind: Tok.Whitespace, start: 0, end: 1, text: '\uFEFF' });
    assert.deepEqual(scan('\uFEFFa').errors, []);
  });

  test('a BOM anywhere else is an error (once, not also an illegal character)', () => {
    assert.deepEqual(errorsOf('a\uFEFF'), [[1, 'illegal byte order mark']]);
    assert.deepEqual(errorsOf('\uFEFF\uFEFF'), [[1, 'illegal byte order mark']]);
    assert.deepEqual(errorsOf('"\uFEFF" // \uFEFF\n/* \uFEFF */ `\uFEFF`'), [
      [1, 'illegal byte order mark'],
      [7, 'illegal byte order mark'],
      [12, 'illegal byte order mark'],
      [18, 'illegal byte order mark'],
    ]);
  });
});

describe('lexical errors (offsets as Alloy reports them)', () => {
  test('NUL: in a string, and as a token (twice, like Alloy)', () => {
    assert.deepEqual(errorsOf('"\0"'), [[1, 'illegal character NUL']]);
    assert.deepEqual(errorsOf('\0'), [
      [0, 'illegal character NUL'],
      [0, 'illegal character U+0000'],
    ]);
    assert.deepEqual(errorsOf('// \0'), [[3, 'illegal character NUL']]);
  });

  test('lone surrogates are invalid UTF-8', () => {
    assert.deepEqual(errorsOf('"\uD800"'), [[1, 'illegal UTF-8 encoding']]);
    assert.deepEqual(errorsOf('\uDC00'), [
      [0, 'illegal UTF-8 encoding'],
      [0, "illegal character U+FFFD '�'"],
    ]);
    assert.deepEqual(errorsOf('/* \uD800 */'), [[3, 'illegal UTF-8 encoding']]);
    assert.deepEqual(errorsOf('`\uD83D`'), [[1, 'illegal UTF-8 encoding']]);
    assert.deepEqual(errorsOf('"😀"'), []);
  });

  test('illegal characters', () => {
    assert.deepEqual(errorsOf(';#@$?~\\'), [
      [0, "illegal character U+003B ';'"],
      [1, "illegal character U+0023 '#'"],
      [2, "illegal character U+0040 '@'"],
      [3, "illegal character U+0024 '$'"],
      [4, "illegal character U+003F '?'"],
      [5, "illegal character U+007E '~'"],
      [6, "illegal character U+005C '\\'"],
    ]);
    assert.deepEqual(errorsOf('\x07 \u00a0 \u200b 😀 …'), [
      [0, 'illegal character U+0007'],
      [2, 'illegal character U+00A0'],
      [4, 'illegal character U+200B'],
      [6, "illegal character U+1F600 '😀'"],
      [9, "illegal character U+2026 '…'"],
    ]);
  });

  test('an illegal character outside the BMP is one token', () => {
    const tokens = tokensOf(scan('😀'));
    assert.deepEqual(tokens[0], { kind: Tok.Illegal, start: 0, end: 2, text: '😀' });
  });

  test('single-quoted strings', () => {
    assert.deepEqual(errorsOf("'abc'"), [[0, 'illegal single-quoted string; use double quotes']]);
    assert.deepEqual(lex("'abc' x"), ["ILLEGAL('abc')", 'IDENT(x)', 'TERMINATOR(0)']);
  });

  test('unterminated strings are reported at the opening quote', () => {
    assert.deepEqual(errorsOf('a "bc\nd'), [[2, 'string literal not terminated']]);
    assert.deepEqual(errorsOf('a "bc'), [[2, 'string literal not terminated']]);
    assert.deepEqual(errorsOf('a `bc\nd'), [[2, 'string literal not terminated']]);
    assert.deepEqual(lex('"ab\nc'), ['STRING("ab)', 'TERMINATOR', 'IDENT(c)', 'TERMINATOR(0)']);
  });

  test('a lone | or & is reported after it and still scanned as || or &&', () => {
    assert.deepEqual(errorsOf('a | b'), [[3, 'missing second | in ||']]);
    assert.deepEqual(errorsOf('a & b'), [[3, 'missing second & in &&']]);
    assert.deepEqual(lex('a | b & c'), ['IDENT(a)', '||', 'IDENT(b)', '&&', 'IDENT(c)', 'TERMINATOR(0)']);
  });

  test('an exponent without digits is reported at the start of the number', () => {
    assert.deepEqual(errorsOf('x 1e'), [[2, 'exponent has no digits']]);
    assert.deepEqual(errorsOf('x 10E+'), [[2, 'exponent has no digits']]);
    assert.deepEqual(errorsOf('x .5e-y'), [[2, 'exponent has no digits']]);
    assert.deepEqual(lex('1e+x'), ['FLOAT(1e+)', 'IDENT(x)', 'TERMINATOR(0)']);
  });

  test('escape errors are reported at the character after the backslash', () => {
    assert.deepEqual(errorsOf('"\\q"'), [[2, 'unknown escape sequence']]);
    assert.deepEqual(errorsOf('"\\\'"'), [[2, 'unknown escape sequence']]);
    assert.deepEqual(errorsOf('"\\x4"'), [[2, `illegal character U+0022 '"' in escape sequence`]]);
    assert.deepEqual(errorsOf('"\\u00G0"'), [[2, "illegal character U+0047 'G' in escape sequence"]]);
    assert.deepEqual(errorsOf('"\\U0001F60"'), [[2, `illegal character U+0022 '"' in escape sequence`]]);
    assert.deepEqual(errorsOf('"\\19"'), [[2, "illegal character U+0039 '9' in escape sequence"]]);
    assert.deepEqual(errorsOf('"\\uDFFF"'), [[2, 'escape sequence is invalid Unicode code point']]);
    assert.deepEqual(errorsOf('"\\U00110000"'), [[2, 'escape sequence is invalid Unicode code point']]);
    assert.deepEqual(errorsOf('"\\777"'), [[2, 'escape sequence is invalid Unicode code point']]);
    assert.deepEqual(errorsOf('"\\377 \\xFF \\uFFFF \\U0010FFFF \\uE000"'), []);
  });

  test('an escape cut by the end of the file', () => {
    assert.deepEqual(errorsOf('"\\'), [
      [2, 'escape sequence not terminated'],
      [0, 'string literal not terminated'],
    ]);
    assert.deepEqual(errorsOf('"\\u12'), [
      [2, 'escape sequence not terminated'],
      [0, 'string literal not terminated'],
    ]);
  });

  test('an escape cut by a newline', () => {
    assert.deepEqual(errorsOf('"\\\n"'), [
      [2, 'unknown escape sequence'],
      [0, 'string literal not terminated'],
      [3, 'string literal not terminated'],
    ]);
  });

  test('raw strings have no escapes', () => {
    assert.deepEqual(errorsOf('`\\q \\x \\u`'), []);
  });

  test('unterminated block comment at its start', () => {
    assert.deepEqual(errorsOf('a = 1 /* x\ny'), [[6, 'block comment not terminated']]);
    assert.deepEqual(lex('/* x'), ['COMMENT(/* x)']);
  });
});

describe('the token stream', () => {
  const samples = [
    '',
    'a = 1',
    '\uFEFFlogging {\r\n  level = "info" // c\r\n}\r\n',
    'a = "x\nb = `y\nz` /* never closed',
    '😀 𝒳 \uD800 \0 \uFEFF ; # \'q\' "\\x" 1e',
    'a /* x */ /* y\n */ b // z',
  ];

  test('tiles the text exactly, ends with one zero-width EOF', () => {
    for (const text of samples) {
      const stream = scan(text);
      const tokens = tokensOf(stream);
      assert.equal(tokens.map((t) => t.text).join(''), text, JSON.stringify(text));
      for (const t of tokens) assert.ok(t.end >= t.start, `non-negative width in ${JSON.stringify(text)}`);
      const last = tokens[tokens.length - 1];
      assert.deepEqual([last?.kind, last?.start, last?.end], [Tok.EOF, text.length, text.length]);
      assert.equal(tokens.filter((t) => t.kind === Tok.EOF).length, 1);
      assert.equal(stream.count, tokens.length);
    }
  });

  test('grows past its initial capacity', () => {
    const text = 'a = [' + '1,'.repeat(50_000) + ']\n';
    const stream = scan(text);
    assert.equal(stream.count, 5 + 100_000 + 3);
    assert.equal(tokensOf(stream).map((t) => t.text).join(''), text);
  });
});

describe('helpers', () => {
  test("formatRune is Go's %#U", () => {
    assert.equal(formatRune(0x23), "U+0023 '#'");
    assert.equal(formatRune(0x20), "U+0020 ' '");
    assert.equal(formatRune(0x07), 'U+0007');
    assert.equal(formatRune(0x0a), 'U+000A');
    assert.equal(formatRune(0x7f), 'U+007F');
    assert.equal(formatRune(0xa0), 'U+00A0');
    assert.equal(formatRune(0xe9), "U+00E9 'é'");
    assert.equal(formatRune(0x1f600), "U+1F600 '😀'");
    assert.equal(formatRune(0xfffd), "U+FFFD '�'");
    assert.equal(formatRune(0x10ffff), 'U+10FFFF');
  });

  test('isValidIdentifier: what scans as exactly one IDENT', () => {
    for (const ok of ['a', '_', 'a1', 'métrica', '日本', 'a۰', '𝒳', 'True', 'nulls']) assert.ok(isValidIdentifier(ok), ok);
    for (const bad of ['', '1a', '۰a', 'a-b', 'a.b', 'a b', 'true', 'false', 'null', '\uFEFFa', 'a\0']) assert.ok(!isValidIdentifier(bad), JSON.stringify(bad));
  });

  test('scanWindow: a window starting after a newline scans as the whole text does there', () => {
    const text = 'a = 1\nb = "x" // c\nc { d = [1, 2] }\n';
    const from = text.indexOf('b');
    const to = text.indexOf('c {');
    const whole = tokensOf(scan(text)).filter((t) => t.start >= from && t.end <= to);
    const window = tokensOf(scanWindow(text, from, to));
    assert.deepEqual(window.slice(0, -1), whole, 'the same tokens, at the same offsets');
    assert.deepEqual(window.at(-1), { kind: Tok.EOF, start: to, end: to, text: '' });
  });

  test('scanWindow: the window ends where it is told, even inside a comment', () => {
    const text = 'a = 1\n/* open\nb = 2\n';
    const stream = scanWindow(text, 6, text.indexOf('b'));
    assert.deepEqual(stream.errors.map((e) => [e.offset, e.message]), [[6, 'block comment not terminated']]);
    assert.equal(stream.starts[stream.count - 1], text.indexOf('b'));
  });

  test('true, false and null are recognised in place; longer or shorter words are identifiers', () => {
    const kinds = tokensOf(scan('true false null truex nul True')).filter((t) => t.kind !== Tok.Whitespace && t.kind !== Tok.Terminator && t.kind !== Tok.EOF);
    assert.deepEqual(kinds.map((t) => t.kind), [Tok.Bool, Tok.Bool, Tok.Null, Tok.Ident, Tok.Ident, Tok.Ident]);
  });
});
