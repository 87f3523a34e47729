/**
 * Stage 1 of the formatter (Alloy's `walker`, see `printer.ts`): walks the
 * tree and sends tokens and whitespace requests to the printer.
 *
 * The walk keeps its own stack, so no input can overflow the call stack
 * (left-nested chains such as `a.b.c...` or `1 + 1 + ...` are not bounded by
 * the parser's nesting cap). A stack entry is three slots in flat arrays (what
 * to do, the node, an index into its children) rather than a closure: a large
 * file has millions of steps, and a closure each was most of the formatter's
 * garbage.
 */
import type { ArrayExpr, BlockStmt, CallExpr, Expr, ObjectExpr, Stmt } from './ast';
import { Printer, Unprintable, Ws } from './printerBuffer';
import { quotesVerbatim, Source, utf8Length } from './printerSource';

/** What a stack entry does. */
const enum Op {
  /** Print the expression. */
  Expr,
  /** Print statement `i` of a body and the ones after it. */
  Stmt,
  /** After a statement: end its line (or its alignment run, when it spans lines). */
  StmtEnd,
  /** The `}` of a block. */
  BlockEnd,
  /** `.name` of an access. */
  AccessName,
  /** `[` of an index. */
  IndexOpen,
  /** `]` of an index. */
  IndexClose,
  /** The operator of a binary expression. */
  BinaryOp,
  /** `)` of a parenthesised expression. */
  ParenClose,
  /** Element `i` of an array and the ones after it (`i` = length: the `]`). */
  ArrayElem,
  /** After element `i` of an array. */
  ArrayAfter,
  /** Field `i` of an object and the ones after it (`i` = length: the `}`). */
  ObjectField,
  /** A `,` (between object fields). */
  Comma,
  /** `(` of a call, then its arguments. */
  CallOpen,
  /** Argument `i` of a call and the ones after it (`i` = length: the `)`). */
  CallArg,
  /** After argument `i` of a call. */
  CallAfter,
}

type Node = Expr | Stmt | Stmt[];

/** Walks the tree and drives the printer. */
export class Walker {
  private readonly ops: Op[] = [];
  private readonly nodes: Node[] = [];
  private readonly indices: number[] = [];
  /** The file's body, and the indices of its statements whose first text the printer marks. */
  private top: Stmt[] = [];
  private marked: readonly number[] = [];
  private nextMark = 0;

  constructor(
    private readonly src: Source,
    private readonly p: Printer,
  ) {}

  /**
   * Walks `body`. `continued`: the body is a unit of a larger file that
   * starts with comments and follows a top-level block (`formatUnits.ts`);
   * the printer is then left as the whole file's walk leaves it once the
   * first of those comments is placed: the previous statement's line end
   * spent, the block's formfeed still pending.
   */
  run(body: Stmt[], continued = false, marked: readonly number[] = []): void {
    this.top = body;
    this.marked = marked;
    if (continued) {
      this.p.space(Ws.Ignore);
      this.p.space(Ws.Formfeed);
    }
    this.push(Op.Stmt, body, 0);
    const { ops, nodes, indices } = this;
    while (ops.length > 0) {
      const op = ops.pop() as Op;
      const node = nodes.pop() as Node;
      const i = indices.pop() as number;
      this.step(op, node, i);
    }
  }

  private push(op: Op, node: Node, i: number): void {
    this.ops.push(op);
    this.nodes.push(node);
    this.indices.push(i);
  }

  /** Sets the printer's source position to the UTF-16 offset `offset`. */
  private at(offset: number): void {
    this.p.atByte(this.src.bytes.byteOf(offset), this.src.line(offset));
  }

  private step(op: Op, node: Node, i: number): void {
    const { p } = this;
    switch (op) {
      case Op.Expr:
        return this.expression(node as Expr);
      case Op.Stmt:
        return this.statement(node as Stmt[], i);
      case Op.StmtEnd:
        // A statement over several lines ends its alignment run.
        return p.space(this.src.nodeLines(node as Stmt) > 1 ? Ws.Formfeed : Ws.Newline);
      case Op.BlockEnd: {
        const block = node as BlockStmt;
        if (block.rbrace < 0) throw new Unprintable('unclosed block');
        p.space(Ws.Unindent);
        this.at(block.rbrace);
        return p.token('}');
      }
      case Op.AccessName:
        p.token('.');
        return p.ident((node as Extract<Expr, { kind: 'Access' }>).name.name);
      case Op.IndexOpen:
        this.at(this.src.nextToken((node as Extract<Expr, { kind: 'Index' }>).value.end));
        return p.token('[');
      case Op.IndexClose:
        this.at((node as Expr).end - 1);
        return p.token(']');
      case Op.BinaryOp: {
        const e = node as Extract<Expr, { kind: 'Binary' }>;
        p.space(Ws.Blank);
        this.at(this.src.nextToken(e.left.end));
        p.token(e.op);
        return p.space(Ws.Blank);
      }
      case Op.ParenClose:
        return p.token(')');
      case Op.ArrayElem:
        return this.arrayElement(node as ArrayExpr, i);
      case Op.ArrayAfter: {
        const e = node as ArrayExpr;
        if (i + 1 < e.elements.length) p.token(',');
        if (this.ownLine(e.elements, i, e.start)) p.space(Ws.Unindent);
        return;
      }
      case Op.ObjectField:
        return this.objectField(node as ObjectExpr, i);
      case Op.Comma:
        return p.token(',');
      case Op.CallOpen:
        p.token('(');
        return this.push(Op.CallArg, node, 0);
      case Op.CallArg:
        return this.callArgument(node as CallExpr, i);
      case Op.CallAfter: {
        const e = node as CallExpr;
        if (i + 1 < e.args.length) {
          p.token(',');
          p.space(Ws.Blank);
        }
        if (this.ownLine(e.args, i, this.src.nextToken(e.callee.end))) p.space(Ws.Unindent);
        return;
      }
    }
  }

  private statement(ss: Stmt[], i: number): void {
    const { p, src } = this;
    const s = ss[i];
    if (s === undefined) return;
    if (s.kind === 'ErrorStmt') throw new Unprintable('unparsed statement');
    if (ss === this.top && i === this.marked[this.nextMark]) {
      this.nextMark++;
      p.markNextText();
    }
    if (i > 0) {
      // Blocks are always set apart; other statements keep a blank line from the source.
      const prev = ss[i - 1] as Stmt;
      if (s.kind === 'Block' || src.startLine(s) - src.endLine(prev) > 1) p.space(Ws.Formfeed);
    }
    this.push(Op.Stmt, ss, i + 1);
    this.push(Op.StmtEnd, s, 0);
    if (s.kind === 'Attribute') {
      this.at(s.name.start);
      p.ident(s.name.name);
      p.space(Ws.VTab);
      p.token('=');
      p.space(Ws.Blank);
      this.next(s.value);
      return;
    }
    this.at(s.start);
    p.ident(s.name);
    if (s.label) {
      p.space(Ws.Blank);
      this.at(s.label.start);
      // Alloy re-quotes labels with `%q`; a label is a valid identifier,
      // so that is the label between double quotes.
      p.literal(`"${s.label.value}"`, false);
    }
    p.space(Ws.Blank);
    this.at(s.lbrace);
    p.token('{');
    p.space(Ws.Indent);
    this.push(Op.BlockEnd, s, 0);
    if (s.body.length > 0) {
      p.space(Ws.Formfeed);
      this.push(Op.Stmt, s.body, 0);
    } else {
      p.space(Ws.Blank);
    }
  }

  /**
   * The expression a step prints next, as its last action: a name or literal
   * is printed at once, anything else is pushed (nothing recurses). Most
   * values are leaves, and this spares them a round through the stack.
   */
  private next(e: Expr): void {
    if (e.kind === 'Literal') {
      this.at(e.start);
      this.p.literal(e.raw, e.literal === 'number');
    } else if (e.kind === 'IdentExpr') {
      this.at(e.start);
      this.p.ident(e.name);
    } else {
      this.push(Op.Expr, e, 0);
    }
  }

  private expression(e: Expr): void {
    const { p } = this;
    switch (e.kind) {
      case 'Literal':
        this.at(e.start);
        return p.literal(e.raw, e.literal === 'number');
      case 'IdentExpr':
        this.at(e.start);
        return p.ident(e.name);
      case 'Access':
        this.push(Op.AccessName, e, 0);
        return this.next(e.value);
      case 'Index':
        this.push(Op.IndexClose, e, 0);
        this.push(Op.Expr, e.index, 0);
        this.push(Op.IndexOpen, e, 0);
        return this.push(Op.Expr, e.value, 0);
      case 'Unary':
        this.at(e.start);
        p.token(e.op);
        return this.push(Op.Expr, e.operand, 0);
      case 'Binary':
        this.push(Op.Expr, e.right, 0);
        this.push(Op.BinaryOp, e, 0);
        return this.next(e.left);
      case 'Paren':
        p.token('(');
        this.push(Op.ParenClose, e, 0);
        return this.push(Op.Expr, e.inner, 0);
      case 'Array':
        this.at(e.start);
        p.token('[');
        return this.push(Op.ArrayElem, e, 0);
      case 'Object':
        this.at(e.start);
        p.token('{');
        p.space(Ws.Indent);
        return this.push(Op.ObjectField, e, 0);
      case 'Call':
        this.push(Op.CallOpen, e, 0);
        return this.next(e.callee);
      case 'ErrorExpr':
        throw new Unprintable('unparsed expression');
    }
  }

  /** Whether item `i` starts on another line than the previous item ends (the first: than `open`). */
  private ownLine(items: Expr[], i: number, open: number): boolean {
    const src = this.src;
    const prevLine = i === 0 ? src.line(open) : src.endLine(items[i - 1] as Expr);
    return src.startLine(items[i] as Expr) !== prevLine;
  }

  /** A trailing comma is written when the closer is on another line than the last item ends. */
  private trailing(items: Expr[], close: number): boolean {
    const last = items[items.length - 1];
    return last !== undefined && this.src.endLine(last) !== this.src.line(close);
  }

  private arrayElement(e: ArrayExpr, i: number): void {
    const { p } = this;
    const rbrack = e.end - 1;
    const el = e.elements[i];
    if (el === undefined) {
      if (this.trailing(e.elements, rbrack)) {
        p.token(',');
        p.space(Ws.Indent);
        p.space(Ws.Formfeed);
        p.space(Ws.Unindent);
      }
      this.at(rbrack);
      return p.token(']');
    }
    // An element starting on a new line goes on its own, indented line.
    if (this.ownLine(e.elements, i, e.start)) {
      p.space(Ws.Indent);
      p.space(Ws.Formfeed);
    } else if (i > 0) {
      p.space(Ws.Blank);
    }
    this.push(Op.ArrayElem, e, i + 1);
    this.push(Op.ArrayAfter, e, i);
    this.next(el);
  }

  /** Line of a field key's last byte, as Alloy measures it (see `objectField`). */
  private keyEndLine(f: ObjectExpr['fields'][number]): number {
    const src = this.src;
    if (!f.quoted) return src.line(f.keySpan.end - 1);
    return src.bytes.lineOfByte(src.bytes.byteOf(f.keySpan.start) + utf8Length(f.key) - 1);
  }

  private objectField(e: ObjectExpr, i: number): void {
    const { p, src } = this;
    const rcurly = e.end - 1;
    const f = e.fields[i];
    // Alloy measures a key from its position by the length of the key
    // without quotes, so a quoted key "ends" two bytes early.
    const prev = e.fields[i - 1];
    const prevLine = prev === undefined ? src.line(e.start) : this.keyEndLine(prev);
    if (f === undefined) {
      if (prev !== undefined && prevLine !== src.line(rcurly)) {
        p.token(',');
        p.space(Ws.Formfeed);
      }
      p.space(Ws.Unindent);
      this.at(rcurly);
      return p.token('}');
    }
    if (src.line(f.keySpan.start) !== prevLine) {
      // Keep aligning `=` unless the previous value spanned several lines.
      p.space(prev && src.nodeLines(prev.value) === 1 ? Ws.Newline : Ws.Formfeed);
    } else if (i > 0) {
      p.space(Ws.Blank);
    }
    this.at(f.keySpan.start);
    if (f.quoted) p.literal(this.quotedKey(f.keySpan.start, f.keySpan.end, f.key), false);
    else p.ident(f.key);
    p.space(Ws.VTab);
    p.token('=');
    p.space(Ws.Blank);
    this.push(Op.ObjectField, e, i + 1);
    if (i + 1 < e.fields.length) this.push(Op.Comma, e, 0);
    this.next(f.value);
  }

  /** See `printer.ts`: keys keep their meaning, unlike with `alloy fmt`. */
  private quotedKey(start: number, end: number, key: string): string {
    const written = this.src.text(start, end);
    if (written.startsWith('`') && quotesVerbatim(key)) return `"${key}"`;
    return written;
  }

  private callArgument(e: CallExpr, i: number): void {
    const { p } = this;
    const arg = e.args[i];
    if (arg === undefined) {
      // Alloy checks this even without arguments and then prints `f(,`.
      if (this.trailing(e.args, e.end - 1)) {
        p.token(',');
        p.space(Ws.Formfeed);
      }
      return p.token(')');
    }
    if (this.ownLine(e.args, i, this.src.nextToken(e.callee.end))) {
      p.space(Ws.Formfeed);
      p.space(Ws.Indent);
    }
    this.push(Op.CallArg, e, i + 1);
    this.push(Op.CallAfter, e, i);
    this.next(arg);
  }
}
