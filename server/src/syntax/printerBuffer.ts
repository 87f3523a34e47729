/**
 * The middle stage of the formatter (Alloy's `printer`): receives tokens and
 * whitespace requests from the tree walk and produces raw output for the
 * tabwriter, re-inserting comments by position.
 *
 * Whitespace requests are buffered and turned into characters only when the
 * next token comes, so that comments found before that token can take their
 * place. Before each token, every comment group starting at or before the
 * token's source position is written. Tokens the walk gives no position
 * (`=`, `.`, `,`, call parentheses...) use a running estimate instead: the
 * end of the previous token, as if nothing separated them in the source.
 */
import { ESCAPE } from './tabwriter';
import { CodeUnits, type Units } from './codeUnits';
import { type Comment, type Position, utf8Length } from './printerSource';

/** Whitespace requests, buffered until the next token is written. */
export enum Ws {
  Ignore,
  Blank,
  VTab,
  Newline,
  Formfeed,
  Indent,
  Unindent,
}

const WS_CHAR: Record<Ws.Blank | Ws.VTab | Ws.Newline | Ws.Formfeed, string> = {
  [Ws.Blank]: ' ',
  [Ws.VTab]: '\v',
  [Ws.Newline]: '\n',
  [Ws.Formfeed]: '\f',
};

/** Alloy's printer forces the buffer out when it holds this many requests. */
const WS_CAPACITY = 16;
/** At most one blank line is kept around comments. */
const MAX_NEWLINES = 2;

/** The last token written, as far as the printer cares. */
const LAST_WS = 'ws';
const LAST_NUMBER = 'number';
const EOF = 'eof';

/** Thrown when the tree holds nodes the printer cannot print (only after syntax errors). */
export class Unprintable extends Error {}

/**
 * Stage 1 and 2: turns a stream of tokens and whitespace requests into raw
 * output, re-inserting comments by position (Alloy's `printer`).
 */
export class Printer {
  private readonly out: CodeUnits;
  private wrote = false;
  private indent = 0;
  private lastTok = '';
  /** Pending whitespace requests, `ws[0, wsCount)`: a fixed buffer, as this changes at every token. */
  private readonly ws = new Uint8Array(WS_CAPACITY);
  private wsCount = 0;
  /** Estimated position in the source of what is being written. */
  private readonly pos: Position = { offset: 0, line: 1 };
  /** Source position just after the last text written. */
  private readonly last: Position = { offset: 0, line: 0 };
  /** The position of the token being emitted (one object reused: there is one per token). */
  private readonly next: Position = { offset: 0, line: 0 };
  /** Column in the output (bytes, 1-based); only "at line start" matters. */
  private column = 1;
  private groupIndex = 0;
  private group: Comment[] = [];
  private commentOffset = -1;
  /** Whether the next text written is to be marked. */
  private marking = false;
  /** Offsets in the raw output where marked texts start (see `markNextText`). */
  readonly marks: number[] = [];

  /** `sizeHint`: the source's length, about the raw output's; `asciiSource`: whether the source is all ASCII. */
  constructor(
    private readonly baseIndent: number,
    private readonly groups: Comment[][],
    sizeHint = 0,
    private readonly asciiSource = false,
  ) {
    // Every text written comes from the source, so an ASCII source gives ASCII output.
    this.out = new CodeUnits(sizeHint + (sizeHint >> 3), asciiSource);
    this.nextGroup();
  }

  space(w: Ws): void {
    if (this.wsCount === WS_CAPACITY) this.writeWhitespace(WS_CAPACITY);
    this.ws[this.wsCount++] = w;
    this.lastTok = LAST_WS;
  }

  /** Sets the source position of the next text: a byte offset and its 1-based line. */
  atByte(offset: number, line: number): void {
    this.pos.offset = offset;
    this.pos.line = line;
  }

  ident(name: string): void {
    this.lastTok = 'ident';
    this.emit(name, true);
  }

  literal(text: string, isNumber: boolean): void {
    this.lastTok = isNumber ? LAST_NUMBER : 'literal';
    // A raw string can hold line breaks, a quoted one formfeeds.
    this.emit(text, false);
  }

  token(text: string): void {
    // Keep `1 .x` and `/ *` from fusing into other tokens when re-read.
    const first = text[0];
    if ((this.lastTok === LAST_NUMBER && first === '.') || (this.lastTok === '/' && first === '*')) {
      this.ws[0] = Ws.Blank;
      this.wsCount = 1;
    }
    this.lastTok = text;
    this.emit(text, true);
  }

  /**
   * Records where the next text (token or comment) starts in the raw output,
   * after its indentation: where a unit's output starts (`formatMarked`).
   */
  markNextText(): void {
    this.marking = true;
  }

  /** Writes the remaining comments; returns the raw output's code units. */
  finish(): Units {
    this.flush({ offset: Number.POSITIVE_INFINITY, line: Number.POSITIVE_INFINITY }, EOF);
    return this.out.view();
  }

  /** `singleLine`: `data` is known to hold no line break or formfeed (names, punctuation). */
  private emit(data: string, singleLine: boolean): void {
    const next = this.next;
    next.offset = this.pos.offset;
    next.line = this.pos.line;
    this.flush(next, this.lastTok);
    this.writeString(next, data, false, singleLine);
  }

  private flush(next: Position, tok: string): void {
    if (this.commentBefore(next)) this.injectComments(next, tok);
    else if (tok !== EOF) this.writeWhitespace(this.wsCount);
  }

  private commentBefore(next: Position): boolean {
    return this.commentOffset >= 0 && this.commentOffset <= next.offset;
  }

  private nextGroup(): void {
    while (this.groupIndex < this.groups.length) {
      const g = this.groups[this.groupIndex++] as Comment[];
      if (g.length > 0) {
        this.group = g;
        this.commentOffset = (g[0] as Comment).pos.offset;
        return;
      }
    }
    this.commentOffset = -1;
  }

  private injectComments(next: Position, tok: string): void {
    let lastComment: Comment | undefined;
    while (this.commentBefore(next)) {
      for (const c of this.group) {
        this.writeCommentPrefix(next, c);
        this.writeString(c.pos, c.text, true, false);
        lastComment = c;
      }
      this.nextGroup();
    }
    if (lastComment) this.writeCommentSuffix(next, tok, lastComment);
  }

  private writeCommentPrefix(next: Position, c: Comment): void {
    if (!this.wrote) return;
    if (c.pos.line === this.last.line) {
      // Same line as the previous token: a tab (alignment) before a trailing
      // comment, a space before a block comment followed by more code.
      this.writeByte(c.pos.line === next.line ? ' ' : '\t', 1);
      return;
    }
    // Own line: apply pending indentation changes, drop the first pending
    // space or line break, then reproduce the source's line breaks.
    let count = 0;
    for (let i = 0; i < this.wsCount; i++) {
      const w = this.ws[i] as Ws;
      if (w === Ws.Indent || w === Ws.Unindent) continue;
      if (w !== Ws.Ignore) this.ws[i] = Ws.Ignore;
      count = i;
      break;
    }
    this.writeWhitespace(count);
    const newlines = c.pos.line > 0 && this.last.line > 0 ? c.pos.line - this.last.line : 0;
    if (newlines > 0) this.writeByte('\f', Math.min(newlines, MAX_NEWLINES));
  }

  private writeCommentSuffix(next: Position, tok: string, lastComment: Comment): void {
    if (tok === EOF) return;
    if (lastComment.text[1] === '*' && next.line === lastComment.endLine) this.writeByte(' ', 1);
    const newlines = next.line - this.last.line;
    let droppedFormfeed = false;
    for (let i = 0; i < this.wsCount; i++) {
      const w = this.ws[i] as Ws;
      if (w === Ws.Indent || w === Ws.Unindent) continue;
      if (w === Ws.Formfeed) droppedFormfeed = true;
      this.ws[i] = Ws.Ignore;
    }
    this.writeWhitespace(this.wsCount);
    if (newlines > 0) this.writeByte(droppedFormfeed ? '\f' : '\n', Math.min(newlines, MAX_NEWLINES));
  }

  private push(s: string): void {
    if (s.length === 0) return;
    this.out.append(s);
    this.wrote = true;
  }

  private pushRepeated(ch: string, n: number): void {
    if (n <= 0) return;
    this.out.repeat(ch.charCodeAt(0), n);
    this.wrote = true;
  }

  private writeIndent(): void {
    const depth = this.baseIndent + this.indent;
    this.pushRepeated('\t', depth);
    this.pos.offset += depth;
    this.column += depth;
  }

  private writeString(pos: Position, s: string, isLiteral: boolean, singleLine: boolean): void {
    if (this.column === 1) this.writeIndent();
    if (this.marking) {
      this.marks.push(this.out.length);
      this.marking = false;
    }
    this.pos.offset = pos.offset;
    this.pos.line = pos.line;
    if (isLiteral) {
      this.push(ESCAPE);
      this.push(s);
      this.push(ESCAPE);
    } else {
      this.push(s);
    }
    // Every text written comes from the source, so an ASCII source writes ASCII.
    const bytes = this.asciiSource ? s.length : utf8Length(s);
    this.pos.offset += bytes;
    if (singleLine || (s.indexOf('\n') < 0 && s.indexOf('\f') < 0)) {
      // The usual token: no line break, nothing to count per character.
      this.column += bytes;
    } else {
      let newlines = 0;
      let lastNewline = -1;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 10 || c === 12) {
          newlines++;
          lastNewline = i;
        }
      }
      this.pos.line += newlines;
      this.column = utf8Length(s.slice(lastNewline + 1)) + 1;
    }
    this.last.offset = this.pos.offset;
    this.last.line = this.pos.line;
  }

  private writeByte(ch: string, n: number): void {
    if (this.column === 1) this.writeIndent();
    this.pushRepeated(ch, n);
    this.pos.offset += n;
    if (ch === '\n' || ch === '\f') {
      this.pos.line += n;
      this.column = 1;
    } else {
      this.column += n;
    }
  }

  private writeWhitespace(n: number): void {
    for (let i = 0; i < n; i++) {
      const w = this.ws[i] as Ws;
      switch (w) {
        case Ws.Ignore:
          break;
        case Ws.Indent:
          this.indent++;
          break;
        case Ws.Unindent:
          this.indent--;
          if (this.indent < 0) throw new Unprintable('negative indentation');
          break;
        default:
          this.writeByte(WS_CHAR[w], 1);
      }
    }
    // In place: this runs once per token.
    if (n >= this.wsCount) this.wsCount = 0;
    else if (n > 0) {
      this.ws.copyWithin(0, n, this.wsCount);
      this.wsCount -= n;
    }
  }
}
