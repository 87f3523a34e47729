/**
 * The Alloy parser: tokens → a typed tree, for any input.
 *
 * Recursive descent with the same grammar, the same recovery and the same
 * messages as Alloy's own parser (`syntax/parser`), so that our diagnostics
 * agree with `alloy` on where and what the first error is. Unlike Alloy's, it
 * always returns a tree. Nesting deeper than MAX_DEPTH is skipped (with a
 * warning) instead of recursing, so no input can overflow the stack.
 */
import type { Expr, FileNode, Ident, Label, ObjectField, Stmt } from './ast';
import { Interner, INTERN_MIN_TEXT, own } from './interner';
import { LineIndex } from './lineIndex';
import {
  AccessNode,
  ArrayNode,
  AttributeNode,
  BinaryNode,
  BlockNode,
  CallNode,
  ErrorExprNode,
  ErrorStmtNode,
  FieldNode,
  IdentExprNode,
  IdentNode,
  IndexNode,
  labelNode,
  LiteralNode,
  ObjectNode,
  ParenNode,
  UnaryNode,
} from './nodes';
import { isValidIdentifier, MAX_SYNTAX_ERRORS, scan, scanWindow, TokenStream } from './scanner';
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
  /**
   * Token indices where the parser was back at the top level in a fresh state:
   * just after a newline (one character) that ended a top-level statement.
   * Parsing again from one of them gives what the whole parse gave, which is
   * what `reparse` relies on.
   */
  resumePoints: Int32Array;
}

/** A diagnostic with its place in Alloy's order (token index × 2, +1 for the parser's). */
export interface PendingDiagnostic extends SyntaxDiagnostic {
  order: number;
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

/** The parser; `parseWindow` below runs it over part of a text. */
export class Parser {
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
  /** See ParseResult.resumePoints; grown by doubling, trimmed by `takeResumePoints`. */
  private resume = new Int32Array(16);
  private resumeCount = 0;
  /**
   * One shared stack for the children of the lists being built (bodies, name
   * parts, elements, fields, arguments): each list is sliced off it at its
   * exact length when complete, instead of growing an array of its own.
   */
  private readonly scratch: unknown[] = [];
  /**
   * The scratch stack's height. Kept apart from `scratch.length`: shrinking an
   * array's length can shrink its storage, and the next push would copy it
   * back (at the top level, once per statement: quadratic on a big file).
   */
  private top = 0;
  /**
   * Repeated texts (attribute and block names, common values) share one string
   * per parse instead of one per occurrence: less to allocate, less for the
   * garbage collector to copy. Dropped with the parser.
   */
  private readonly interner: Interner | undefined;
  /** The label of the block name just read (parseBlockName), and its token's offset or -1. */
  private nameLabel: Label | undefined = undefined;
  private nameLabelPos = -1;
  /**
   * The parts of the block or attribute name just read (parseBlockName), kept
   * as texts and offsets: a block written as usual makes no object for them.
   */
  private readonly partNames: string[] = [];
  private partStarts = new Int32Array(8);
  private partEnds = new Int32Array(8);
  private partCount = 0;

  constructor(
    private readonly tokens: TokenStream,
    lineIndex?: LineIndex,
    /** Offset where the text before the first token ends (where a window starts). */
    start = 0,
    /** Whether the tree's strings must not keep the text alive (a window that reparse joins to older statements). */
    private readonly owned = false,
  ) {
    this.text = tokens.text;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.lineIndex = lineIndex ?? new LineIndex(tokens.text);
    this.prevEnd = start;
    this.interner = tokens.text.length >= INTERN_MIN_TEXT ? new Interner(tokens.text, owned) : undefined;
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

  /** `text[start, end)`, as the string already made for the same text when there is one. */
  private intern(start: number, end: number): string {
    if (this.interner) return this.interner.get(start, end);
    return this.owned ? own(this.text.slice(start, end)) : this.text.slice(start, end);
  }

  private push(entry: unknown): void {
    this.scratch[this.top++] = entry;
  }

  /** The list of the scratch entries from `mark` on, which are removed from the scratch stack. */
  private takeList<T>(mark: number): T[] {
    // `slice`, not array literals: a literal's allocation site lets V8 decide
    // to allocate the lists in the old generation (see nodes.ts for why not).
    const list = this.scratch.slice(mark, this.top);
    this.top = mark;
    return list as T[];
  }

  /** The resume points recorded, at their exact length. */
  takeResumePoints(): Int32Array {
    return this.resume.slice(0, this.resumeCount);
  }

  private addResumePoint(token: number): void {
    if (this.resumeCount === this.resume.length) {
      const grown = new Int32Array(this.resume.length * 2);
      grown.set(this.resume);
      this.resume = grown;
    }
    this.resume[this.resumeCount++] = token;
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

  parseBody(until: Tok): Stmt[] {
    const mark = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      const start = this.pos;
      const stmt = this.parseStatement();
      if (stmt) this.push(stmt);
      else if (this.prevEnd > start) {
        this.push(new ErrorStmtNode(start, this.prevEnd));
      }
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Terminator) {
        this.addError(`expected TERMINATOR, got ${tokenName(this.cur())}`);
        this.consumeStatement();
      }
      // A newline ending a top-level statement: everything after it parses the same whatever came before.
      if (until === Tok.EOF && this.cur() === Tok.Terminator && this.text.charCodeAt(this.pos) === 10) this.addResumePoint(this.i + 1);
      this.next();
    }
    return this.takeList<Stmt>(mark);
  }

  private parseStatement(): Stmt | undefined {
    const start = this.pos;
    if (!this.parseBlockName()) {
      this.advance(Tok.Ident);
      return undefined;
    }
    const partCount = this.partCount;
    const label = this.nameLabel;
    const labelPos = this.nameLabelPos;
    switch (this.cur()) {
      case Tok.Assign: {
        this.next();
        // The first part is an identifier starting the statement: AttributeNode derives its span.
        const nameText = this.partNames[0] as string;
        const nameEnd = this.partEnds[0] as number;
        if (partCount !== 1) {
          let joinedLength = -1;
          for (let k = 0; k < partCount; k++) joinedLength += (this.partNames[k] as string).length + 1;
          this.addSpanError(start, start + joinedLength, 'attribute names may only consist of a single identifier with no "."');
        } else if (labelPos >= 0) {
          const labelLength = label ? label.value.length : 0;
          this.addSpanError(labelPos, labelPos + labelLength + 2, 'attribute names may not have labels');
        }
        const value = this.parseExpression();
        return new AttributeNode(nameText, value, start, Math.max(value.end, nameEnd));
      }
      case Tok.LCurly: {
        const derivable = this.partsDerivable();
        const name = this.blockName(derivable);
        const parts = derivable ? undefined : this.partIdents();
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
        return new BlockNode(name, label, body, lbrace, rbrace, start, rbrace >= 0 ? rbrace + 1 : this.prevEnd, parts);
      }
      default:
        if (partCount === 1 && !label) {
          this.addError(`expected attribute assignment or block body, got ${tokenName(this.cur())}`);
        } else {
          this.addError(`expected block body, got ${tokenName(this.cur())}`);
        }
        this.advance(Tok.Ident);
        return undefined;
    }
  }

  /** Whether the name parts just read are what BlockNode derives from the dotted name: all named, only dots between them. */
  private partsDerivable(): boolean {
    let at = this.partStarts[0] as number;
    for (let k = 0; k < this.partCount; k++) {
      const length = (this.partNames[k] as string).length;
      if (length === 0 || this.partStarts[k] !== at || this.partEnds[k] !== at + length) return false;
      at += length + 1;
    }
    return true;
  }

  /** The name parts just read, as identifiers. */
  private partIdents(): Ident[] {
    const out: Ident[] = [];
    for (let k = 0; k < this.partCount; k++) out.push(new IdentNode(this.partNames[k] as string, this.partStarts[k] as number, this.partEnds[k] as number));
    return out;
  }

  /** The dotted name of the block just read: one interned string, sliced at once when the parts are written without spaces. */
  private blockName(derivable: boolean): string {
    if (this.partCount === 1) return this.partNames[0] as string;
    if (derivable) return this.intern(this.partStarts[0] as number, this.partEnds[this.partCount - 1] as number);
    return this.partNames.slice(0, this.partCount).join('.');
  }

  /**
   * Reads a block or attribute name: its parts into partNames/partStarts/partEnds
   * (an empty name where an identifier is missing), its label into
   * nameLabel/nameLabelPos. Returns false when there is no name.
   */
  private parseBlockName(): boolean {
    if (this.cur() !== Tok.Ident) {
      this.addError(`expected identifier, got ${tokenName(this.cur())}`);
      return false;
    }
    this.partCount = 0;
    this.namePart();
    while (this.cur() === Tok.Dot) {
      this.next();
      if (this.cur() !== Tok.Ident) this.addError(`expected identifier, got ${tokenName(this.cur())}`);
      this.namePart();
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
          const sliced = this.text.slice(this.pos + 1, this.tokEnd - 1);
          const value = this.owned ? own(sliced) : sliced;
          label = labelNode(value, this.pos, this.tokEnd);
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
    this.nameLabel = label;
    this.nameLabelPos = labelPos;
    return true;
  }

  /** Records the current token as a name part (empty name when it is not an identifier), then advances. */
  private namePart(): void {
    const k = this.partCount;
    if (k === this.partStarts.length) {
      const starts = new Int32Array(k * 2);
      starts.set(this.partStarts);
      this.partStarts = starts;
      const ends = new Int32Array(k * 2);
      ends.set(this.partEnds);
      this.partEnds = ends;
    }
    const start = this.pos;
    const end = this.tokEnd;
    this.partNames[k] = this.cur() === Tok.Ident ? this.intern(start, end) : '';
    this.partStarts[k] = start;
    this.partEnds[k] = end;
    this.partCount = k + 1;
    this.next();
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
      lhs = new BinaryNode(opText, lhs, rhs, lhs.start, rhs.end);
    }
  }

  private parsePowExpr(): Expr {
    const lhs = this.parseUnaryExpr();
    if (this.cur() !== Tok.Pow) return lhs;
    this.next();
    this.depth++; // right-associative `^` recurses: count it as nesting
    const rhs = this.parsePowExpr();
    this.depth--;
    return new BinaryNode('^', lhs, rhs, lhs.start, rhs.end);
  }

  private parseUnaryExpr(): Expr {
    if (++this.depth > MAX_DEPTH) {
      const start = this.pos;
      this.skipTooDeep();
      this.depth--;
      return new ErrorExprNode(start, Math.max(start, this.prevEnd));
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
      return new UnaryNode(op, operand, start, operand.end);
    }
    let primary = this.parsePrimaryExpr();
    for (;;) {
      switch (this.cur()) {
        case Tok.Dot: {
          this.next();
          const nameStart = this.pos;
          const nameEnd = this.tokEnd;
          const nameText = this.cur() === Tok.Ident ? this.intern(nameStart, nameEnd) : '';
          this.expect(Tok.Ident);
          // expect() consumed the name's token, so prevEnd is nameEnd: AccessNode derives the name's span.
          primary = new AccessNode(primary, nameText, nameStart, primary.start, this.prevEnd);
          break;
        }
        case Tok.LBrack: {
          this.expect(Tok.LBrack);
          const index = this.parseExpression();
          this.expect(Tok.RBrack);
          primary = new IndexNode(primary, index, primary.start, this.prevEnd);
          break;
        }
        case Tok.LParen: {
          this.expect(Tok.LParen);
          const args = this.cur() !== Tok.RParen ? this.parseExpressionList(Tok.RParen) : [];
          this.expect(Tok.RParen);
          primary = new CallNode(primary, args, primary.start, this.prevEnd);
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
          primary = new ErrorExprNode(primary.start, this.prevEnd);
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
        const name = this.intern(start, this.tokEnd);
        this.next();
        return new IdentExprNode(name, start, this.prevEnd);
      }
      case Tok.String:
      case Tok.Number:
      case Tok.Float:
      case Tok.Bool:
      case Tok.Null: {
        const literal =
          this.cur() === Tok.String ? 'string' : this.cur() === Tok.Number ? 'number' : this.cur() === Tok.Float ? 'float' : this.cur() === Tok.Bool ? 'bool' : 'null';
        const raw = this.intern(start, this.tokEnd);
        this.next();
        return new LiteralNode(literal, raw, start, this.prevEnd);
      }
      case Tok.LParen: {
        this.expect(Tok.LParen);
        const inner = this.parseExpression();
        this.expect(Tok.RParen);
        return new ParenNode(inner, start, this.prevEnd);
      }
      case Tok.LBrack: {
        this.expect(Tok.LBrack);
        const elements = this.cur() !== Tok.RBrack ? this.parseExpressionList(Tok.RBrack) : [];
        this.expect(Tok.RBrack);
        return new ArrayNode(elements, start, this.prevEnd);
      }
      case Tok.LCurly: {
        this.expect(Tok.LCurly);
        const fields = this.cur() !== Tok.RBrack ? this.parseFieldList(Tok.RCurly) : []; // Alloy tests RBRACK here: `{]` → `expected }, got ]`
        this.expect(Tok.RCurly);
        return new ObjectNode(fields, start, this.prevEnd);
      }
      default: {
        this.addError(`expected expression, got ${tokenName(this.cur())}`);
        this.advanceToStatementEnd();
        return new ErrorExprNode(start, Math.max(start, this.prevEnd));
      }
    }
  }

  private parseExpressionList(until: Tok): Expr[] {
    const mark = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      this.push(this.parseExpression());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Comma) this.addError("missing ',' in expression list");
      this.next();
    }
    return this.takeList<Expr>(mark);
  }

  private parseFieldList(until: Tok): ObjectField[] {
    const mark = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      this.push(this.parseField());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.Comma) this.addError("missing ',' in field list");
      this.next();
    }
    return this.takeList<ObjectField>(mark);
  }

  private parseField(): ObjectField {
    const start = this.pos;
    let key = '';
    let quoted = false;
    let keyEnd = start;
    if (this.cur() === Tok.String || this.cur() === Tok.Ident) {
      const end = this.tokEnd;
      keyEnd = end;
      if (this.cur() === Tok.String && end - start > 2) {
        key = this.intern(start + 1, end - 1);
        quoted = true;
      } else {
        key = this.intern(start, end);
      }
      this.next();
    } else {
      this.addError(`expected field name (string or identifier), got ${tokenName(this.cur())}`);
      this.advance(Tok.Assign);
    }
    this.expect(Tok.Assign);
    const value = this.parseExpression();
    // FieldNode computes keySpan from `start` and the key: [start, keyEnd).
    return new FieldNode(key, quoted, value, start, Math.max(value.end, keyEnd));
  }
}

/** Parses an Alloy file. Never throws; always terminates; always returns a tree. */
export function parse(text: string): ParseResult {
  const tokens = scan(text);
  const parser = new Parser(tokens);
  const file = parser.parseFile();
  return {
    text,
    tokens,
    file,
    diagnostics: orderDiagnostics(parser.diagnostics, MAX_SYNTAX_ERRORS),
    lineIndex: parser.lineIndex,
    resumePoints: parser.takeResumePoints(),
  };
}

/** Diagnostics in Alloy's order, at most `max`. Stable: scanner errors of a token come before parser errors raised while it is current. */
export function orderDiagnostics(pending: PendingDiagnostic[], max: number): SyntaxDiagnostic[] {
  const sorted = pending.every((d, i) => i === 0 || (pending[i - 1] as PendingDiagnostic).order <= d.order)
    ? pending
    : pending
        .map((d, index) => ({ d, index }))
        .sort((a, b) => a.d.order - b.d.order || a.index - b.index)
        .map(({ d }) => d);
  const out: SyntaxDiagnostic[] = [];
  for (const d of sorted) {
    if (out.length >= max) break;
    out.push({ start: d.start, end: d.end, message: d.message, severity: d.severity });
  }
  return out;
}

/** What parsing a window of a text gives: its top-level statements, diagnostics and resume points. */
export interface WindowParse {
  tokens: TokenStream;
  body: Stmt[];
  /** In Alloy's order; `order` counts tokens from the window's first. */
  diagnostics: SyntaxDiagnostic[];
  resumePoints: Int32Array;
}

/**
 * Scans and parses `text[from, to)` as top-level statements, starting as the
 * parser starts after a newline that ended a top-level statement (`from` is a
 * resume point, or 0). `lineIndex` is the index of the whole `text`.
 */
export function parseWindow(text: string, from: number, to: number, lineIndex: LineIndex): WindowParse {
  const tokens = scanWindow(text, from, to);
  const parser = new Parser(tokens, lineIndex, from, true);
  const body = parser.parseBody(Tok.EOF);
  return {
    tokens,
    body,
    diagnostics: orderDiagnostics(parser.diagnostics, 2 * MAX_SYNTAX_ERRORS),
    resumePoints: parser.takeResumePoints(),
  };
}

/** Parses `text` as a single expression (used for values typed in settings and tests). */
export function parseExpressionText(text: string): { expr: Expr; diagnostics: SyntaxDiagnostic[] } {
  const parser = new Parser(scan(text));
  const expr = parser.parseExpression();
  return { expr, diagnostics: parser.diagnostics.map(({ start, end, message, severity }) => ({ start, end, message, severity })) };
}
