/**
 * Property tests of the scanner and parser (fast-check).
 *
 *  - Any input (full Unicode, lone surrogates, Alloy-ish fragments, mangled
 *    valid files): scanning and parsing return without throwing, the tokens
 *    tile the text, the tree's spans nest, the fields computed when read
 *    (name parts, key spans, name identifiers) agree with the text,
 *    diagnostics lie in the text.
 *  - Generated valid configurations: no diagnostics, and the tree read back
 *    is the tree that was printed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { childrenOf, type Node, type Stmt } from '../../server/src/syntax/ast';
import { sexpr } from '../support/sexpr';
import { parse, parseExpressionText, type ParseResult } from '../../server/src/syntax/parser';
import { Tok } from '../../server/src/syntax/tokens';

/** Runs per property; the whole file takes a few seconds. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);

// ---------------------------------------------------------------------------
// Invariants that hold for every input.

function checkTokens(result: ParseResult): void {
  const { text, tokens } = result;
  assert.ok(tokens.count >= 1);
  assert.equal(tokens.starts[0], 0, 'the first token starts at 0');
  let rebuilt = '';
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.starts[i] as number;
    const end = tokens.starts[i + 1] as number;
    assert.ok(start <= end, `token ${i} has negative width`);
    const kind = tokens.kinds[i] as Tok;
    assert.equal(kind === Tok.EOF, i === tokens.count - 1, 'exactly one EOF, the last token');
    rebuilt += text.slice(start, end);
  }
  assert.equal(tokens.starts[tokens.count - 1], text.length, 'EOF is at the end');
  assert.equal(tokens.starts[tokens.count], text.length, 'EOF is zero-width');
  assert.equal(rebuilt, text, 'the tokens tile the text');
}

function checkTree(result: ParseResult): void {
  const length = result.text.length;
  assert.deepEqual([result.file.start, result.file.end], [0, length]);
  const stack: Node[] = [result.file];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    assert.ok(0 <= node.start && node.start <= node.end && node.end <= length, `${node.kind} [${node.start},${node.end}) is not in the text`);
    let previousEnd = node.start;
    for (const child of childrenOf(node)) {
      assert.ok(node.start <= child.start && child.end <= node.end, `${child.kind} [${child.start},${child.end}) is not inside ${node.kind} [${node.start},${node.end})`);
      assert.ok(previousEnd <= child.start, `${child.kind} at ${child.start} overlaps its previous sibling (ends at ${previousEnd})`);
      previousEnd = child.end;
      stack.push(child);
    }
  }
}

/**
 * The fields the tree computes when read (a block's name parts, a field's key
 * span, the name identifiers of attributes and accesses) say what the text says.
 */
function checkDerived(result: ParseResult): void {
  const { text } = result;
  const stack: Node[] = [result.file];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    switch (node.kind) {
      case 'Attribute':
        assert.equal(node.name.start, node.start, 'an attribute starts with its name');
        assert.equal(text.slice(node.name.start, node.name.end), node.name.name);
        break;
      case 'Access':
        assert.equal(node.name.end, node.end, 'an access ends with its name');
        if (node.name.name !== '') assert.equal(text.slice(node.name.start, node.name.end), node.name.name);
        break;
      case 'Block': {
        const parts = node.nameParts;
        assert.equal(parts[0]?.start, node.start, 'a block starts with its name');
        assert.equal(parts.map((p) => p.name).join('.'), node.name);
        for (const p of parts) if (p.name !== '') assert.equal(text.slice(p.start, p.end), p.name);
        break;
      }
      case 'Field':
        assert.equal(node.keySpan.start, node.start, 'a field starts with its key');
        // A quoted key is its token without the first and last characters (its quotes, unless the string is unterminated).
        if (node.quoted) assert.equal(text.slice(node.keySpan.start + 1, node.keySpan.end - 1), node.key);
        else assert.equal(text.slice(node.keySpan.start, node.keySpan.end), node.key);
        break;
      default:
        break;
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
}

function checkDiagnostics(result: ParseResult): void {
  for (const d of result.diagnostics) {
    assert.ok(0 <= d.start && d.start <= d.end && d.end <= result.text.length, `diagnostic [${d.start},${d.end}) ${d.message}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
    assert.ok(d.message.length > 0);
  }
}

function checkAll(text: string): ParseResult {
  const result = parse(text);
  checkTokens(result);
  checkTree(result);
  checkDerived(result);
  checkDiagnostics(result);
  return result;
}

// ---------------------------------------------------------------------------
// Arbitrary text.

const FRAGMENTS = [
  'a', 'b', 'foo', 'prometheus', 'remote_write', 'sys', 'env', 'true', 'false', 'null', 'é', 'ŝ', '日本', '𝒳', '_',
  '{', '}', '[', ']', '(', ')', '=', '==', '!=', '.', ',', '"', '`', '\\', '/', '*', '//', '/*', '*/',
  '\n', '\r\n', '\r', ' ', '\t', '0', '1', '42', '1.5', '.5', '1.', '1e', 'e', 'E+', '+', '-', '!', '^', '%', '<', '<=', '>', '>=',
  '|', '&', '||', '&&', "'", '#', ';', '$', '\uFEFF', '\0', '"x"', '"', '`raw`', '\\u', '\\x', '\\U', '\\n', '\\"', '"\\',
  '😀', '\uD800', '\uDC00', '\u00a0', '"label"', 'a "b" {', '= [', '],', '{ a = 1 }', 'x.y', '(1)',
];

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300, size: 'medium' }),
  fc.string({ unit: anyUnit, maxLength: 300, size: 'medium' }),
  fc.string({ unit: fc.constantFrom(...FRAGMENTS), maxLength: 300, size: 'medium' }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 500, size: 'medium' }),
);

// ---------------------------------------------------------------------------
// Valid configurations: a model, a printer that only prints valid Alloy, and
// a canonical form to compare the model with the parsed tree.

type MExpr =
  | { k: 'ident'; name: string }
  | { k: 'lit'; raw: string; numeric: boolean }
  | { k: 'array'; items: MExpr[] }
  | { k: 'object'; fields: Array<{ key: string; value: MExpr }> }
  | { k: 'access'; value: MExpr; name: string }
  | { k: 'index'; value: MExpr; index: MExpr }
  | { k: 'call'; callee: MExpr; args: MExpr[] }
  | { k: 'unary'; op: '-' | '!'; operand: MExpr }
  | { k: 'binary'; op: string; left: MExpr; right: MExpr }
  | { k: 'paren'; inner: MExpr };

type MStmt = { k: 'attr'; name: string; value: MExpr } | { k: 'block'; parts: string[]; label: string; body: MStmt[] };

interface Layout {
  /** Multi-line lists (one element per line, trailing comma). */
  multiline: boolean;
  /** Trailing comma on a one-line list. */
  trailingComma: boolean;
  /** A comment after each comma of a multi-line list. */
  comment: string;
  /** A newline after a binary operator. */
  breakAfterOp: boolean;
}

const KEYWORDS = new Set(['true', 'false', 'null']);
const identifier = fc
  .oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/) },
    { weight: 1, arbitrary: fc.constantFrom('métrica_café', 'a۰۱۸', 'ŝfoo', '日本語', '𝒳', 'x𝒳9', 'Δ', 'True', 'nullable', '_') },
  )
  .filter((s) => !KEYWORDS.has(s));

const stringContent = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('a', 'Z', ' ', '.', '/', ':', '-', '_', '{', '}', '[', '#', "'", '`', 'é', '😀', '値', '$', '*') },
    { weight: 2, arbitrary: fc.constantFrom('\\n', '\\t', '\\"', '\\\\', '\\u00e9', '\\x41', '\\101', '\\U0001F600', '\\a', '\\v') },
  ),
  maxLength: 12,
});
const rawContent = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\\', '"', '\\d+', '😀', '{', '*/', '//'), maxLength: 10 });

const literal: fc.Arbitrary<MExpr> = fc.oneof(
  fc.nat({ max: 100000 }).map((n) => ({ k: 'lit' as const, raw: String(n), numeric: true })),
  fc.constantFrom('007', '1.', '.5', '0.25', '1e3', '1E+100', '2.5e-3', '6.02e23').map((raw) => ({ k: 'lit' as const, raw, numeric: true })),
  stringContent.map((s) => ({ k: 'lit' as const, raw: `"${s}"`, numeric: false })),
  rawContent.map((s) => ({ k: 'lit' as const, raw: `\`${s}\``, numeric: false })),
  fc.constantFrom('true', 'false', 'null').map((raw) => ({ k: 'lit' as const, raw, numeric: false })),
);

const BINARY_OPS = ['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^'];

function exprArbitraries(maxDepth: number): fc.Arbitrary<MExpr>[] {
  const leaf: fc.Arbitrary<MExpr> = fc.oneof(identifier.map((name) => ({ k: 'ident' as const, name })), literal);
  const levels: fc.Arbitrary<MExpr>[] = [leaf];
  for (let d = 1; d <= maxDepth; d++) {
    const sub = levels[d - 1] as fc.Arbitrary<MExpr>;
    const list = fc.array(sub, { maxLength: 4 });
    levels.push(
      fc.oneof(
        { weight: 3, arbitrary: leaf },
        { weight: 1, arbitrary: list.map((items) => ({ k: 'array' as const, items })) },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.record({ key: fc.oneof(identifier, stringContent.map((s) => `"${s}"`)), value: sub }), { maxLength: 3 })
            .map((fields) => ({ k: 'object' as const, fields })),
        },
        { weight: 1, arbitrary: fc.record({ value: sub, name: identifier }).map((r) => ({ k: 'access' as const, ...r })) },
        { weight: 1, arbitrary: fc.record({ value: sub, index: sub }).map((r) => ({ k: 'index' as const, ...r })) },
        { weight: 1, arbitrary: fc.record({ callee: sub, args: list }).map((r) => ({ k: 'call' as const, ...r })) },
        { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('-' as const, '!' as const), operand: sub }).map((r) => ({ k: 'unary' as const, ...r })) },
        { weight: 3, arbitrary: fc.record({ op: fc.constantFrom(...BINARY_OPS), left: sub, right: sub }).map((r) => ({ k: 'binary' as const, ...r })) },
        { weight: 1, arbitrary: sub.map((inner) => ({ k: 'paren' as const, inner })) },
      ),
    );
  }
  return levels;
}

const EXPR_LEVELS = exprArbitraries(4);
const expression = EXPR_LEVELS[EXPR_LEVELS.length - 1] as fc.Arbitrary<MExpr>;

function precedenceOf(op: string): number {
  if (op === '||') return 1;
  if (op === '&&') return 2;
  if (['==', '!=', '<', '<=', '>', '>='].includes(op)) return 3;
  if (op === '+' || op === '-') return 4;
  if (op === '*' || op === '/' || op === '%') return 5;
  return 6; // ^
}

/** How tightly an expression binds when printed without parentheses. */
function bindingOf(e: MExpr): number {
  switch (e.k) {
    case 'binary':
      return precedenceOf(e.op);
    case 'unary':
      return 7;
    case 'access':
    case 'index':
    case 'call':
      return 8;
    default:
      return 9;
  }
}

/**
 * Inserts the parentheses needed for the expression to read back as the same
 * tree (binary precedence and associativity, unary and postfix binding, and
 * `1.x` which would scan as the float `1.`).
 */
function parenthesize(e: MExpr): MExpr {
  const wrap = (x: MExpr, needed: boolean): MExpr => (needed ? { k: 'paren', inner: x } : x);
  switch (e.k) {
    case 'ident':
    case 'lit':
      return e;
    case 'array':
      return { k: 'array', items: e.items.map(parenthesize) };
    case 'object':
      return { k: 'object', fields: e.fields.map((f) => ({ key: f.key, value: parenthesize(f.value) })) };
    case 'paren':
      return { k: 'paren', inner: parenthesize(e.inner) };
    case 'access': {
      const value = parenthesize(e.value);
      return { k: 'access', value: wrap(value, bindingOf(value) < 8 || (value.k === 'lit' && value.numeric)), name: e.name };
    }
    case 'index': {
      const value = parenthesize(e.value);
      return { k: 'index', value: wrap(value, bindingOf(value) < 8), index: parenthesize(e.index) };
    }
    case 'call': {
      const callee = parenthesize(e.callee);
      return { k: 'call', callee: wrap(callee, bindingOf(callee) < 8), args: e.args.map(parenthesize) };
    }
    case 'unary': {
      const operand = parenthesize(e.operand);
      return { k: 'unary', op: e.op, operand: wrap(operand, bindingOf(operand) < 7) };
    }
    case 'binary': {
      const p = precedenceOf(e.op);
      const left = parenthesize(e.left);
      const right = parenthesize(e.right);
      const rightAssoc = e.op === '^';
      return {
        k: 'binary',
        op: e.op,
        left: wrap(left, rightAssoc ? bindingOf(left) <= p : bindingOf(left) < p),
        right: wrap(right, rightAssoc ? bindingOf(right) < p : bindingOf(right) <= p),
      };
    }
  }
}

function printList(items: string[], open: string, close: string, layout: Layout, indent: string): string {
  if (items.length === 0) return open + close;
  if (!layout.multiline) return open + items.join(', ') + (layout.trailingComma ? ',' : '') + close;
  const inner = indent + '  ';
  return `${open}\n${items.map((s) => `${inner}${s},${layout.comment}\n`).join('')}${indent}${close}`;
}

function printExpr(e: MExpr, layout: Layout, indent: string): string {
  const p = (x: MExpr) => printExpr(x, layout, indent + '  ');
  switch (e.k) {
    case 'ident':
      return e.name;
    case 'lit':
      return e.raw;
    case 'array':
      return printList(e.items.map(p), '[', ']', layout, indent);
    case 'object':
      return printList(
        e.fields.map((f) => `${f.key} = ${p(f.value)}`),
        '{',
        '}',
        layout,
        indent,
      );
    case 'access':
      return `${p(e.value)}.${e.name}`;
    case 'index':
      return `${p(e.value)}[${p(e.index)}]`;
    case 'call':
      return p(e.callee) + printList(e.args.map(p), '(', ')', layout, indent);
    case 'unary':
      return e.op + p(e.operand);
    case 'binary':
      return `${p(e.left)} ${e.op}${layout.breakAfterOp ? `\n${indent}  ` : ' '}${p(e.right)}`;
    case 'paren':
      return `(${p(e.inner)})`;
  }
}

/** The canonical form of a model expression; `sexpr` gives the same for the parsed tree. */
function canonicalModel(e: MExpr): string {
  switch (e.k) {
    case 'ident':
      return e.name;
    case 'lit':
      return e.raw;
    case 'array':
      return `[${e.items.map(canonicalModel).join(' ')}]`;
    case 'object':
      return `{${e.fields.map((f) => `${f.key}=${canonicalModel(f.value)}`).join(' ')}}`;
    case 'access':
      return `(. ${canonicalModel(e.value)} ${e.name})`;
    case 'index':
      return `(index ${canonicalModel(e.value)} ${canonicalModel(e.index)})`;
    case 'call':
      return `(call ${[e.callee, ...e.args].map(canonicalModel).join(' ')})`;
    case 'unary':
      return `(${e.op} ${canonicalModel(e.operand)})`;
    case 'binary':
      return `(${e.op} ${canonicalModel(e.left)} ${canonicalModel(e.right)})`;
    case 'paren':
      return `(paren ${canonicalModel(e.inner)})`;
  }
}

const layout: fc.Arbitrary<Layout> = fc.record({
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  comment: fc.constantFrom('', '', ' // note', ' /* note */'),
  breakAfterOp: fc.boolean(),
});

const label = fc.oneof(identifier, fc.constant(''));
const blockName = fc.array(identifier, { minLength: 1, maxLength: 3 });

function bodyArbitrary(depth: number): fc.Arbitrary<MStmt[]> {
  const attr: fc.Arbitrary<MStmt> = fc.record({ name: identifier, value: expression }).map((r) => ({ k: 'attr' as const, ...r }));
  if (depth === 0) return fc.array(attr, { maxLength: 4 });
  const block: fc.Arbitrary<MStmt> = fc
    .record({ parts: blockName, label, body: bodyArbitrary(depth - 1) })
    .map((r) => ({ k: 'block' as const, ...r }));
  return fc.array(fc.oneof({ weight: 3, arbitrary: attr }, { weight: 2, arbitrary: block }), { minLength: depth === 3 ? 1 : 0, maxLength: 5 });
}

interface FileStyle {
  layouts: Layout[];
  newline: '\n' | '\r\n';
  separators: string[];
  trailing: string[];
  oneLine: boolean[];
}

const fileStyle: fc.Arbitrary<FileStyle> = fc.record({
  layouts: fc.array(layout, { minLength: 1, maxLength: 8 }),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  separators: fc.array(fc.constantFrom('', '', '\n', '// a comment line\n', '/* block\n comment */\n', '\n\n'), { minLength: 1, maxLength: 8 }),
  trailing: fc.array(fc.constantFrom('', '', '', ' // trailing', ' /* trailing */'), { minLength: 1, maxLength: 8 }),
  oneLine: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
});

function printBody(body: MStmt[], style: FileStyle, indent: string, counter: { n: number }): string {
  const pick = <T>(list: T[]): T => list[counter.n++ % list.length] as T;
  let out = '';
  for (const stmt of body) {
    out += pick(style.separators).replace(/^(?=.)/gm, indent);
    if (stmt.k === 'attr') {
      out += `${indent}${stmt.name} = ${printExpr(parenthesize(stmt.value), pick(style.layouts), indent)}${pick(style.trailing)}\n`;
      continue;
    }
    const header = `${indent}${stmt.parts.join('.')}${stmt.label || pick(style.oneLine) ? ` "${stmt.label}"` : ''} {`;
    const only = stmt.body[0];
    if (stmt.body.length === 0) out += `${header}${pick(style.oneLine) ? '' : ' '}}${pick(style.trailing)}\n`;
    else if (stmt.body.length === 1 && only?.k === 'attr' && pick(style.oneLine)) {
      out += `${header} ${only.name} = ${printExpr(parenthesize(only.value), pick(style.layouts), indent)} }\n`;
    } else out += `${header}${pick(style.trailing)}\n${printBody(stmt.body, style, indent + '  ', counter)}${indent}}\n`;
  }
  return out;
}

function printFile(body: MStmt[], style: FileStyle): string {
  const text = printBody(body, style, '', { n: 0 });
  return style.newline === '\n' ? text : text.replace(/\n/g, '\r\n');
}

function canonicalModelBody(body: MStmt[]): string[] {
  return body.map((s) =>
    s.k === 'attr'
      ? `${s.name} = ${canonicalModel(parenthesize(s.value))}`
      : `${s.parts.join('.')}${s.label ? ` "${s.label}"` : ''} { ${canonicalModelBody(s.body).join('; ')} }`,
  );
}

function canonicalBody(body: Stmt[]): string[] {
  return body.map((s) => {
    switch (s.kind) {
      case 'Attribute':
        return `${s.name.name} = ${sexpr(s.value)}`;
      case 'Block':
        return `${s.name}${s.label ? ` "${s.label.value}"` : ''} { ${canonicalBody(s.body).join('; ')} }`;
      case 'ErrorStmt':
        return '<error>';
    }
  });
}

const validFile = fc.record({ body: bodyArbitrary(3), style: fileStyle }).map(({ body, style }) => ({ body, text: printFile(body, style) }));

// ---------------------------------------------------------------------------

describe('parser properties', () => {
  test('any text: no exception, tokens tile the text, spans nest, diagnostics in range', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        checkAll(text);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  test('generated valid configurations parse without diagnostics, to the tree that was printed', () => {
    fc.assert(
      fc.property(validFile, ({ body, text }) => {
        const result = checkAll(text);
        assert.deepEqual(
          result.diagnostics.map((d) => `${result.lineIndex.alloyPosition(d.start).line}:${result.lineIndex.alloyPosition(d.start).column} ${d.message}`),
          [],
          text,
        );
        // Raw strings keep their line breaks, which a CRLF file turns into \r\n.
        const lf = (lines: string[]) => lines.map((l) => l.replace(/\r\n/g, '\n'));
        assert.deepEqual(lf(canonicalBody(result.file.body)), lf(canonicalModelBody(body)));
      }),
      { numRuns: RUNS },
    );
  });

  test('expressions printed with minimal parentheses read back as the same tree', () => {
    fc.assert(
      fc.property(expression, layout, (e, l) => {
        const model = parenthesize(e);
        const text = printExpr(model, l, '');
        const { expr, diagnostics } = parseExpressionText(text);
        assert.deepEqual(diagnostics, [], text);
        assert.equal(sexpr(expr), canonicalModel(model), text);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('valid configurations with random damage: no exception, invariants hold', () => {
    const damage = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 8 }),
      insert: fc.string({ unit: fc.constantFrom(...FRAGMENTS), maxLength: 4 }),
    });
    fc.assert(
      fc.property(validFile, fc.array(damage, { minLength: 1, maxLength: 4 }), ({ text }, edits) => {
        let damaged = text;
        for (const { at, remove, insert } of edits) {
          const pos = damaged.length === 0 ? 0 : at % (damaged.length + 1);
          damaged = damaged.slice(0, pos) + insert + damaged.slice(pos + remove);
        }
        checkAll(damaged);
      }),
      { numRuns: RUNS },
    );
  });

  test('truncating a valid configuration anywhere keeps the invariants', () => {
    fc.assert(
      fc.property(validFile, fc.nat(), ({ text }, at) => {
        checkAll(text.slice(0, at % (text.length + 1)));
      }),
      { numRuns: RUNS },
    );
  });
});
