/**
 * The Alloy parser: tokens → a typed tree, for any input.
 *
 * Recursive descent with the same grammar, the same recovery and the same
 * messages as Alloy's own parser (`syntax/parser`), so that our diagnostics
 * agree with `alloy` on where and what the first error is. Unlike Alloy's, it
 * always returns a tree. Nesting deeper than MAX_DEPTH is skipped (with a
 * warning) instead of recursing, so no input can overflow the stack.
 */
import type {
  AttributeStmt,
  BlockStmt,
  Expr,
  FileNode,
  Ident,
  Label,
  ObjectField,
  Span,
  Stmt,
} from './ast';
import { LineIndex } from './lineIndex';
import { isValidIdentifier, MAX_SYNTAX_ERRORS, scan, TokenStream } from './scanner';
import { binaryPrecedence, Tok, tokenName } from './tokens';

/** Nesting depth beyond which the parser stops descending. */
export const MAX_DEPTH = 400;

export interface SyntaxDiagnostic {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParseResult {
  text: string;
  tokens: TokenStream;
  file: FileNode;
  /** In the order Alloy reports them. */
  diagnostics: SyntaxDiagnostic[];
  lineIndex: LineIndex;
}

interface PendingDiagnostic extends SyntaxDiagnostic {
  order: number;
}

interface BlockName {
  parts: Ident[];
  label: Label | undefined;
  /** Offset of the label token, when there is one (even an empty `""`). */
  labelPos: number;
  start: number;
}

/** Go's `%q`: a double-quoted string with Go escapes. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\v': out += '\\v'; break;
      default:
        if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
        else out += ch;
    }
  }
  return out + '"';
}

class Parser {
  private readonly text: string;
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private i = -1;
  private tok: Tok = Tok.EOF;
  private pos = 0;
  /** End offset of the last significant token consumed. */
  private prevEnd = 0;
  private lastErrorLine = -1;
  private depth = 0;
  private tooDeepReported = false;
  readonly diagnostics: PendingDiagnostic[] = [];
  readonly lineIndex: LineIndex;

  constructor(private readonly tokens: TokenStream) {
    this.text = tokens.text;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.lineIndex = new LineIndex(tokens.text);
    for (const e of tokens.errors) {
      this.diagnostics.push({
        start: e.offset,
        end: Math.min(e.offset + ((this.text.codePointAt(e.offset) ?? 0) > 0xffff ? 2 : 1), this.text.length),
        message: e.message,
        severity: 'error',
        order: e.token * 2,
      });
    }
    this.next();
  }

  private next(): void {
    if (this.i >= 0) this.prevEnd = this.starts[this.i + 1] as number;
    const last = this.tokens.count - 1;
    let i = this.i;
    do {
      i++;
    } while (i < last && (this.kinds[i] === Tok.Whitespace || this.kinds[i] === Tok.Comment));
    if (i > last) i = last;
    this.i = i;
    this.tok = this.kinds[i] as Tok;
    this.pos = this.starts[i] as number;
  }

  /** The current token kind (a call, so that TypeScript does not narrow it across next()). */
  private cur(): Tok {
    return this.tok;
  }

  private get tokEnd(): number {
    return this.starts[this.i + 1] as number;
  }

  private get lit(): string {
    return this.text.slice(this.pos, this.tokEnd);
  }

  /** A parser error at the current token; only the first one on a line is kept, as in Alloy. */
  private addError(message: string): void {
    const line = this.lineIndex.lineOf(this.pos);
    if (line === this.lastErrorLine || this.diagnostics.length >= 2 * MAX_SYNTAX_ERRORS) return;
    this.lastErrorLine = line;
    this.diagnostics.push({ start: this.pos, end: this.tokEnd, message, severity: 'error', order: this.i * 2 + 1 });
  }

  /** An error Alloy reports unconditionally, with its own span. */
  private addSpanError(start: number, end: number, message: string): void {
    if (this.diagnostics.length >= 2 * MAX_SYNTAX_ERRORS) return;
    this.diagnostics.push({ start, end, message, severity: 'error', order: this.i * 2 + 1 });
  }

  private expect(kind: Tok): boolean {
    const ok = this.cur() === kind;
    if (!ok) this.addError(`expected ${tokenName(kind)}, got ${tokenName(this.cur())}`);
    this.next();
    return ok;
  }

  private advance(to: Tok): void {
    while (this.cur() !== Tok.EOF && this.cur() !== to) this.next();
  }

  private advanceToStatementEnd(): void {
    for (;;) {
      switch (this.cur()) {
        case Tok.EOF:
        case Tok.Terminator:
        case Tok.RParen:
        case Tok.RCurly:
        case Tok.RBrack:
        case Tok.Comma:
          return;
        default:
          this.next();
      }
    }
  }

  /** Skips the rest of a statement, balancing brackets (Alloy's consumeStatement). */
  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    while (this.cur() !== Tok.EOF) {
      switch (this.cur()) {
        case Tok.LCurly: curly++; break;
        case Tok.RCurly: curly--; break;
        case Tok.LBrack: brack++; break;
        case Tok.RBrack: brack--; break;
        case Tok.LParen: paren++; break;
        case Tok.RParen: paren--; break;
        case Tok.Terminator:
          if (curly <= 0 && brack <= 0 && paren <= 0) return;
          break;
        default:
          break;
      }
      this.next();
    }
  }

  /**
   * Skips nested content beyond MAX_DEPTH without recursing: stops before a
   * closer, comma or terminator at the current level — or, for a block body,
   * only before its closing brace.
   */
  private skipTooDeep(body = false): void {
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.diagnostics.push({
        start: this.pos,
        end: this.tokEnd,
        message: `nesting deeper than ${MAX_DEPTH} levels is not analysed`,
        severity: 'warning',
        order: this.i * 2 + 1,
      });
    }
    let level = 0;
    while (this.cur() !== Tok.EOF) {
      const t = this.cur();
      if (t === Tok.LCurly || t === Tok.LBrack || t === Tok.LParen) level++;
      else if (t === Tok.RCurly || t === Tok.RBrack || t === Tok.RParen) {
        if (level === 0) return;
        level--;
      } else if (!body && (t === Tok.Comma || t === Tok.Terminator) && level === 0) return;
      this.next();
    }
  }

  parseFile(): FileNode {
    const body = this.parseBody(Tok.EOF);
    return { kind: 'File', body, start: 0, end: this.text.length };
  }

  private parseBody(until: Tok): Stmt[] {
    const body: Stmt[] = [];
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      const start = this.pos;
      const stmt = this.parseStatement();
      if (stmt) body.push(stmt);
      else if (this.prevEnd > start) body.push({ kind: 'ErrorStmt', start, end: this.prevEnd });
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Terminator) {
        this.addError(`expected TERMINATOR, got ${tokenName(this.cur())}`);
        this.consumeStatement();
      }
      this.next();
    }
    return body;
  }

  private parseStatement(): Stmt | undefined {
    const name = this.parseBlockName();
    if (!name) {
      this.advance(Tok.Ident);
      return undefined;
    }
    switch (this.cur()) {
      case Tok.Assign: {
        this.next();
        const first = name.parts[0] as Ident;
        if (name.parts.length !== 1) {
          const joined = name.parts.map((p) => p.name).join('.');
          this.addSpanError(name.start, name.start + joined.length, 'attribute names may only consist of a single identifier with no "."');
        } else if (name.labelPos >= 0) {
          const labelLength = name.label ? name.label.value.length : 0;
          this.addSpanError(name.labelPos, name.labelPos + labelLength + 2, 'attribute names may not have labels');
        }
        const value = this.parseExpression();
        const attr: AttributeStmt = { kind: 'Attribute', name: first, value, start: name.start, end: Math.max(value.end, first.end) };
        return attr;
      }
      case Tok.LCurly: {
        const lbrace = this.pos;
        this.expect(Tok.LCurly);
        let body: Stmt[];
        if (++this.depth > MAX_DEPTH) {
          this.skipTooDeep(true);
          body = [];
        } else {
          body = this.parseBody(Tok.RCurly);
        }
        this.depth--;
        const rbrace = this.cur() === Tok.RCurly ? this.pos : -1;
        this.expect(Tok.RCurly);
        const block: BlockStmt = {
          kind: 'Block',
          nameParts: name.parts,
          name: name.parts.map((p) => p.name).join('.'),
          label: name.label,
          body,
          lbrace,
          rbrace,
          start: name.start,
          end: rbrace >= 0 ? rbrace + 1 : this.prevEnd,
        };
        return block;
      }
      default:
        if (name.parts.length === 1 && !name.label) {
          this.addError(`expected attribute assignment or block body, got ${tokenName(this.cur())}`);
        } else {
          this.addError(`expected block body, got ${tokenName(this.cur())}`);
        }
        this.advance(Tok.Ident);
        return undefined;
    }
  }

  private parseBlockName(): BlockName | undefined {
    if (this.cur() !== Tok.Ident) {
      this.addError(`expected identifier, got ${tokenName(this.cur())}`);
      return undefined;
    }
    const start = this.pos;
    const parts: Ident[] = [{ kind: 'Ident', name: this.lit, start: this.pos, end: this.tokEnd }];
    this.next();
    while (this.cur() === Tok.Dot) {
      this.next();
      if (this.cur() !== Tok.Ident) this.addError(`expected identifier, got ${tokenName(this.cur())}`);
      parts.push({ kind: 'Ident', name: this.cur() === Tok.Ident ? this.lit : '', start: this.pos, end: this.tokEnd });
      this.next();
    }
    let label: Label | undefined;
    let labelPos = -1;
    if (this.cur() !== Tok.Assign && this.cur() !== Tok.LCurly) {
      if (this.cur() === Tok.String) {
        const lit = this.lit;
        if (lit[0] !== '"') {
          this.addError(`expected block label to be a double quoted string, but got ${goQuote(lit)}`);
        }
        if (lit.length > 2) {
          const value = lit.slice(1, -1);
          label = { value, start: this.pos, end: this.tokEnd };
          if (!isValidIdentifier(value)) {
            this.addError(`expected block label to be a valid identifier, but got ${goQuote(value)}`);
          }
        }
        labelPos = this.pos;
      } else {
        this.addError(`expected block label, got ${tokenName(this.cur())}`);
      }
      this.next();
    }
    return { parts, label, labelPos, start };
  }

  parseExpression(): Expr {
    return this.parseBinOp(1);
  }

  private parseBinOp(inPrec: number): Expr {
    let lhs = this.parsePowExpr();
    for (;;) {
      const op = this.cur();
      const prec = binaryPrecedence(op);
      if (prec < inPrec) return lhs;
      const opText = tokenName(op);
      this.next();
      const rhs = this.parseBinOp(prec + 1);
      lhs = { kind: 'Binary', op: opText, left: lhs, right: rhs, start: lhs.start, end: rhs.end };
    }
  }

  private parsePowExpr(): Expr {
    const lhs = this.parseUnaryExpr();
    if (this.cur() !== Tok.Pow) return lhs;
    this.next();
    this.depth++; // right-associative `^` recurses: count it as nesting
    const rhs = this.parsePowExpr();
    this.depth--;
    return { kind: 'Binary', op: '^', left: lhs, right: rhs, start: lhs.start, end: rhs.end };
  }

  private parseUnaryExpr(): Expr {
    if (++this.depth > MAX_DEPTH) {
      const start = this.pos;
      this.skipTooDeep();
      this.depth--;
      return { kind: 'ErrorExpr', start, end: Math.max(start, this.prevEnd) };
    }
    try {
      return this.parseUnaryInner();
    } finally {
      this.depth--;
    }
  }

  private parseUnaryInner(): Expr {
    if (this.cur() === Tok.Not || this.cur() === Tok.Sub) {
      const op = this.cur() === Tok.Not ? '!' : '-';
      const start = this.pos;
      this.next();
      const operand = this.parseUnaryExpr();
      return { kind: 'Unary', op, operand, start, end: operand.end };
    }
    let primary = this.parsePrimaryExpr();
    for (;;) {
      switch (this.cur()) {
        case Tok.Dot: {
          this.next();
          const nameStart = this.pos;
          const nameEnd = this.tokEnd;
          const nameText = this.cur() === Tok.Ident ? this.lit : '';
          this.expect(Tok.Ident);
          const name: Ident = { kind: 'Ident', name: nameText, start: nameStart, end: nameEnd };
          primary = { kind: 'Access', value: primary, name, start: primary.start, end: this.prevEnd };
          break;
        }
        case Tok.LBrack: {
          this.expect(Tok.LBrack);
          const index = this.parseExpression();
          this.expect(Tok.RBrack);
          primary = { kind: 'Index', value: primary, index, start: primary.start, end: this.prevEnd };
          break;
        }
        case Tok.LParen: {
          this.expect(Tok.LParen);
          const args = this.cur() !== Tok.RParen ? this.parseExpressionList(Tok.RParen) : [];
          this.expect(Tok.RParen);
          primary = { kind: 'Call', callee: primary, args, start: primary.start, end: this.prevEnd };
          break;
        }
        case Tok.String:
        case Tok.LCurly: {
          // Someone assigning a block to an attribute: read it as a block to say so.
          if (this.cur() === Tok.String) this.next();
          if (!this.expect(Tok.LCurly)) {
            this.consumeStatement();
            return primary;
          }
          if (++this.depth > MAX_DEPTH) this.skipTooDeep(true);
          else this.parseBody(Tok.RCurly);
          this.depth--;
          const end = this.pos;
          if (!this.expect(Tok.RCurly)) {
            this.consumeStatement();
            return primary;
          }
          this.addSpanError(primary.start, end + 1, 'cannot use a block as an expression');
          primary = { kind: 'ErrorExpr', start: primary.start, end: this.prevEnd };
          break;
        }
        default:
          return primary;
      }
    }
  }

  private parsePrimaryExpr(): Expr {
    const start = this.pos;
    switch (this.cur()) {
      case Tok.Ident: {
        const name = this.lit;
        this.next();
        return { kind: 'IdentExpr', name, start, end: this.prevEnd };
      }
      case Tok.String:
      case Tok.Number:
      case Tok.Float:
      case Tok.Bool:
      case Tok.Null: {
        const literal =
          this.cur() === Tok.String ? 'string' : this.cur() === Tok.Number ? 'number' : this.cur() === Tok.Float ? 'float' : this.cur() === Tok.Bool ? 'bool' : 'null';
        const raw = this.lit;
        this.next();
        return { kind: 'Literal', literal, raw, start, end: this.prevEnd };
      }
      case Tok.LParen: {
        this.expect(Tok.LParen);
        const inner = this.parseExpression();
        this.expect(Tok.RParen);
        return { kind: 'Paren', inner, start, end: this.prevEnd };
      }
      case Tok.LBrack: {
        this.expect(Tok.LBrack);
        const elements = this.cur() !== Tok.RBrack ? this.parseExpressionList(Tok.RBrack) : [];
        this.expect(Tok.RBrack);
        return { kind: 'Array', elements, start, end: this.prevEnd };
      }
      case Tok.LCurly: {
        this.expect(Tok.LCurly);
        const fields = this.cur() !== Tok.RBrack ? this.parseFieldList(Tok.RCurly) : []; // Alloy tests RBRACK here: `{]` → `expected }, got ]`
        this.expect(Tok.RCurly);
        return { kind: 'Object', fields, start, end: this.prevEnd };
      }
      default: {
        this.addError(`expected expression, got ${tokenName(this.cur())}`);
        this.advanceToStatementEnd();
        return { kind: 'ErrorExpr', start, end: Math.max(start, this.prevEnd) };
      }
    }
  }

  private parseExpressionList(until: Tok): Expr[] {
    const exprs: Expr[] = [];
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      exprs.push(this.parseExpression());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Comma) this.addError("missing ',' in expression list");
      this.next();
    }
    return exprs;
  }

  private parseFieldList(until: Tok): ObjectField[] {
    const fields: ObjectField[] = [];
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      fields.push(this.parseField());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Comma) this.addError("missing ',' in field list");
      this.next();
    }
    return fields;
  }

  private parseField(): ObjectField {
    const start = this.pos;
    let key = '';
    let quoted = false;
    let keySpan: Span = { start, end: start };
    if (this.cur() === Tok.String || this.cur() === Tok.Ident) {
      const lit = this.lit;
      key = lit;
      keySpan = { start, end: this.tokEnd };
      if (this.cur() === Tok.String && lit.length > 2) {
        key = lit.slice(1, -1);
        quoted = true;
      }
      this.next();
    } else {
      this.addError(`expected field name (string or identifier), got ${tokenName(this.cur())}`);
      this.advance(Tok.Assign);
    }
    this.expect(Tok.Assign);
    const value = this.parseExpression();
    return { kind: 'Field', key, keySpan, quoted, value, start, end: Math.max(value.end, keySpan.end) };
  }
}

/** Parses an Alloy file. Never throws; always terminates; always returns a tree. */
export function parse(text: string): ParseResult {
  const tokens = scan(text);
  const parser = new Parser(tokens);
  const file = parser.parseFile();
  const pending = parser.diagnostics;
  // Stable: scanner errors of a token come before parser errors raised while it is current.
  const ordered = pending
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.order - b.d.order || a.index - b.index)
    .slice(0, MAX_SYNTAX_ERRORS)
    .map(({ d }) => ({ start: d.start, end: d.end, message: d.message, severity: d.severity }));
  return { text, tokens, file, diagnostics: ordered, lineIndex: parser.lineIndex };
}

/** Parses `text` as a single expression (used for values typed in settings and tests). */
export function parseExpressionText(text: string): { expr: Expr; diagnostics: SyntaxDiagnostic[] } {
  const parser = new Parser(scan(text));
  const expr = parser.parseExpression();
  return { expr, diagnostics: parser.diagnostics.map(({ start, end, message, severity }) => ({ start, end, message, severity })) };
}
