/**
 * The Alloy formatter: prints a parsed file exactly as `alloy fmt` does.
 *
 * The layout rules are those of Alloy's own printer (`syntax/printer`), which
 * works in three stages, reproduced here:
 *
 * 1. A walk over the tree sends tokens and *whitespace requests* (blank,
 *    soft tab, newline, formfeed, indent, unindent) to a printer. Requests
 *    are buffered and only turned into characters when the next token comes,
 *    so that comments found in between can take their place.
 * 2. Comments are not attached to nodes: they are re-inserted by position.
 *    Before each token the printer writes every comment group that starts at
 *    or before the token's position. Many tokens carry no position of their
 *    own (`=`, `.`, `,`, call parentheses...); for those the printer's running
 *    estimate is used (the end of the previous token in the source). All
 *    positions here are therefore kept in UTF-8 bytes, as Alloy counts them.
 * 3. The raw output, with `\v` before each `=` of an attribute or object
 *    field and escape markers around comments, goes through elastic tabstops
 *    and trailing-blank trimming.
 *
 * Stage 1 is this module, stage 2 `printerBuffer.ts` (with source positions
 * and comment groups from `printerSource.ts`), stage 3 `tabwriter.ts`.
 *
 * Three deliberate departures from `alloy fmt`, all where it would damage the
 * file (each is pinned by a unit test):
 *
 * - Quoted object keys. Alloy keeps a key's text between the quotes as the
 *   key itself (escapes are not decoded), but its printer re-quotes that text
 *   with Go's `%q`, so `{"a\"b" = 1}` becomes `{"a\\\"b" = 1}`, a different
 *   key, and grows on every run. Here a double-quoted key is printed as
 *   written; a backquoted key is turned into a double-quoted one only when
 *   that needs no escape (which is what Alloy prints then too), otherwise it
 *   is kept as written.
 * - A call without arguments whose `)` is on another line than `(`: Alloy
 *   prints `f(,` followed by `)`, which does not parse. Here it is `f()`.
 * - Comments between tokens that carry no position can end up where they
 *   swallow code: `a = [b.` ⏎ `// c` ⏎ `d, e]` becomes `a = [b.d` ⏎
 *   `// c, e]` with `alloy fmt`. Every result is therefore parsed again and
 *   compared with the input (same tokens, commas aside, same number of
 *   comments); when they differ the formatter refuses instead.
 *
 * The walk uses an explicit task stack, so no input can overflow the call
 * stack (left-nested chains such as `a.b.c...` or `1 + 1 + ...` are not
 * bounded by the parser's nesting cap).
 */
import type { Expr, Stmt } from './ast';
import { parse, type ParseResult } from './parser';
import { faithful } from './printerFaithful';
import { Printer, Unprintable, Ws } from './printerBuffer';
import { quotesVerbatim, Source, utf8Length } from './printerSource';
import { alignUnits, trimUnits } from './tabwriter';

/** A unit of work of the walk: an expression to expand, or an action. */
type Task = Expr | (() => void);

/** Stage 1: walks the tree and drives the printer (Alloy's `walker`). */
class Walker {
  private readonly stack: Task[] = [];

  constructor(
    private readonly src: Source,
    private readonly p: Printer,
  ) {}

  run(body: Stmt[]): void {
    this.schedule(this.statements(body));
    const stack = this.stack;
    while (stack.length > 0) {
      const task = stack.pop() as Task;
      if (typeof task === 'function') task();
      else this.schedule(this.expression(task));
    }
  }

  private schedule(tasks: Task[]): void {
    for (let i = tasks.length - 1; i >= 0; i--) this.stack.push(tasks[i] as Task);
  }

  private statements(ss: Stmt[]): Task[] {
    const { p, src } = this;
    const tasks: Task[] = [];
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i] as Stmt;
      if (s.kind === 'ErrorStmt') throw new Unprintable('unparsed statement');
      if (i > 0) {
        // Blocks are always set apart; other statements keep a blank line from the source.
        const prev = ss[i - 1] as Stmt;
        if (s.kind === 'Block' || src.startLine(s) - src.endLine(prev) > 1) tasks.push(() => p.space(Ws.Formfeed));
      }
      if (s.kind === 'Attribute') {
        tasks.push(() => {
          p.at(src.position(s.name.start));
          p.ident(s.name.name);
          p.space(Ws.VTab);
          p.token('=');
          p.space(Ws.Blank);
        });
        tasks.push(s.value);
      } else {
        const block = s;
        tasks.push(() => {
          p.at(src.position(block.start));
          p.ident(block.name);
          if (block.label) {
            p.space(Ws.Blank);
            p.at(src.position(block.label.start));
            // Alloy re-quotes labels with `%q`; a label is a valid identifier,
            // so that is the label between double quotes.
            p.literal(`"${block.label.value}"`, false);
          }
          p.space(Ws.Blank);
          p.at(src.position(block.lbrace));
          p.token('{');
          p.space(Ws.Indent);
          if (block.body.length > 0) {
            p.space(Ws.Formfeed);
            this.schedule(this.statements(block.body));
          } else {
            p.space(Ws.Blank);
          }
        });
        tasks.push(() => {
          if (block.rbrace < 0) throw new Unprintable('unclosed block');
          p.space(Ws.Unindent);
          p.at(src.position(block.rbrace));
          p.token('}');
        });
      }
      // A statement over several lines ends its alignment run.
      const multiline = src.nodeLines(s) > 1;
      tasks.push(() => p.space(multiline ? Ws.Formfeed : Ws.Newline));
    }
    return tasks;
  }

  private expression(e: Expr): Task[] {
    const { p, src } = this;
    switch (e.kind) {
      case 'Literal':
        return [
          () => {
            p.at(src.position(e.start));
            p.literal(e.raw, e.literal === 'number');
          },
        ];
      case 'IdentExpr':
        return [
          () => {
            p.at(src.position(e.start));
            p.ident(e.name);
          },
        ];
      case 'Access':
        return [
          e.value,
          () => {
            p.token('.');
            p.ident(e.name.name);
          },
        ];
      case 'Index': {
        const lbrack = src.nextToken(e.value.end);
        return [
          e.value,
          () => {
            p.at(src.position(lbrack));
            p.token('[');
          },
          e.index,
          () => {
            p.at(src.position(e.end - 1));
            p.token(']');
          },
        ];
      }
      case 'Unary':
        return [
          () => {
            p.at(src.position(e.start));
            p.token(e.op);
          },
          e.operand,
        ];
      case 'Binary': {
        const opPos = src.nextToken(e.left.end);
        return [
          e.left,
          () => {
            p.space(Ws.Blank);
            p.at(src.position(opPos));
            p.token(e.op);
            p.space(Ws.Blank);
          },
          e.right,
        ];
      }
      case 'Paren':
        return [() => p.token('('), e.inner, () => p.token(')')];
      case 'Array':
        return this.array(e.elements, e.start, e.end - 1);
      case 'Object':
        return this.object(e);
      case 'Call':
        return this.call(e.callee, e.args, e.end - 1);
      case 'ErrorExpr':
        throw new Unprintable('unparsed expression');
    }
  }

  private array(elements: Expr[], lbrack: number, rbrack: number): Task[] {
    const { p, src } = this;
    const tasks: Task[] = [
      () => {
        p.at(src.position(lbrack));
        p.token('[');
      },
    ];
    let prevLine = src.line(lbrack);
    elements.forEach((el, i) => {
      // An element starting on a new line goes on its own, indented line.
      const ownLine = src.startLine(el) !== prevLine;
      if (ownLine) {
        tasks.push(() => {
          p.space(Ws.Indent);
          p.space(Ws.Formfeed);
        });
      } else if (i > 0) {
        tasks.push(() => p.space(Ws.Blank));
      }
      prevLine = src.endLine(el);
      tasks.push(el);
      if (i + 1 < elements.length) tasks.push(() => p.token(','));
      if (ownLine) tasks.push(() => p.space(Ws.Unindent));
    });
    const trailing = elements.length > 0 && prevLine !== src.line(rbrack);
    tasks.push(() => {
      if (trailing) {
        p.token(',');
        p.space(Ws.Indent);
        p.space(Ws.Formfeed);
        p.space(Ws.Unindent);
      }
      p.at(src.position(rbrack));
      p.token(']');
    });
    return tasks;
  }

  private object(e: Extract<Expr, { kind: 'Object' }>): Task[] {
    const { p, src } = this;
    const lcurly = e.start;
    const rcurly = e.end - 1;
    const tasks: Task[] = [
      () => {
        p.at(src.position(lcurly));
        p.token('{');
        p.space(Ws.Indent);
      },
    ];
    let prevLine = src.line(lcurly);
    e.fields.forEach((f, i) => {
      let sep: Ws | undefined;
      if (src.line(f.keySpan.start) !== prevLine) {
        // Keep aligning `=` unless the previous value spanned several lines.
        const prev = e.fields[i - 1];
        sep = prev && src.nodeLines(prev.value) === 1 ? Ws.Newline : Ws.Formfeed;
      } else if (i > 0) {
        sep = Ws.Blank;
      }
      // Alloy measures the key from its position by the length of the key
      // without quotes, so a quoted key "ends" two bytes early.
      const keyStart = src.position(f.keySpan.start);
      prevLine = f.quoted ? src.bytes.lineOfByte(keyStart.offset + utf8Length(f.key) - 1) : src.line(f.keySpan.end - 1);
      const key = f.quoted ? this.quotedKey(f.keySpan.start, f.keySpan.end, f.key) : f.key;
      tasks.push(() => {
        if (sep !== undefined) p.space(sep);
        p.at(keyStart);
        if (f.quoted) p.literal(key, false);
        else p.ident(key);
        p.space(Ws.VTab);
        p.token('=');
        p.space(Ws.Blank);
      });
      tasks.push(f.value);
      if (i + 1 < e.fields.length) tasks.push(() => p.token(','));
    });
    const trailing = e.fields.length > 0 && prevLine !== src.line(rcurly);
    tasks.push(() => {
      if (trailing) {
        p.token(',');
        p.space(Ws.Formfeed);
      }
      p.space(Ws.Unindent);
      p.at(src.position(rcurly));
      p.token('}');
    });
    return tasks;
  }

  /** See the module comment: keys keep their meaning, unlike with `alloy fmt`. */
  private quotedKey(start: number, end: number, key: string): string {
    const written = this.src.text(start, end);
    if (written.startsWith('`') && quotesVerbatim(key)) return `"${key}"`;
    return written;
  }

  private call(callee: Expr, args: Expr[], rparen: number): Task[] {
    const { p, src } = this;
    const tasks: Task[] = [callee, () => p.token('(')];
    let prevLine = src.line(src.nextToken(callee.end));
    args.forEach((arg, i) => {
      const ownLine = src.startLine(arg) !== prevLine;
      if (ownLine) {
        tasks.push(() => {
          p.space(Ws.Formfeed);
          p.space(Ws.Indent);
        });
      }
      tasks.push(arg);
      prevLine = src.endLine(arg);
      if (i + 1 < args.length) {
        tasks.push(() => {
          p.token(',');
          p.space(Ws.Blank);
        });
      }
      if (ownLine) tasks.push(() => p.space(Ws.Unindent));
    });
    // Alloy checks this even without arguments and then prints `f(,`.
    const trailing = args.length > 0 && prevLine !== src.line(rparen);
    tasks.push(() => {
      if (trailing) {
        p.token(',');
        p.space(Ws.Formfeed);
      }
      p.token(')');
    });
    return tasks;
  }
}

/**
 * Prints a parsed body at `indentLevel`; undefined when the tree cannot be
 * printed or when the result would not read back as the same file.
 */
function print(result: ParseResult, indentLevel: number): string | undefined {
  const src = new Source(result);
  const printer = new Printer(indentLevel, src.groups, result.text.length);
  try {
    new Walker(src, printer).run(result.file.body);
  } catch (e) {
    if (e instanceof Unprintable) return undefined;
    throw e;
  }
  const printed = trimUnits(alignUnits(printer.finish()).view()).toString();
  return faithful(result, printed) ? printed : undefined;
}

/**
 * Formats a whole file as `alloy fmt` does: the printed file followed by one
 * newline. Returns undefined when the file has syntax errors (`alloy fmt`
 * refuses those too), and in the rare cases where `alloy fmt`'s layout would
 * break the file (see the module comment).
 */
export function format(result: ParseResult): string | undefined {
  if (result.diagnostics.length > 0) return undefined;
  const printed = print(result, 0);
  return printed === undefined ? undefined : printed + '\n';
}

/**
 * Formats `text`, read as a list of statements (attributes and blocks), for
 * insertion at `indentLevel` tabs of indentation: every line gets that
 * indentation and `=` signs are aligned exactly as `alloy fmt` aligns them.
 * The result ends with a newline (or is empty for empty input).
 * Throws when `text` has syntax errors or cannot be formatted: callers build
 * it themselves, so that is a bug of theirs.
 */
export function formatStatements(text: string, indentLevel: number): string {
  const result = parse(text);
  const first = result.diagnostics[0];
  if (first) throw new Error(`formatStatements: text does not parse: ${first.message}`);
  const printed = print(result, Math.max(0, Math.floor(indentLevel)));
  if (printed === undefined) throw new Error('formatStatements: text cannot be formatted without changing it');
  return printed.length > 0 ? printed + '\n' : '';
}
