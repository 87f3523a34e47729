/**
 * Reading the tokens before the cursor: one linear pass keeps a stack of the
 * open bodies, arrays, objects and parentheses; the top of that stack is the
 * completion context. Works on half-typed text, where the tree is a guess.
 */
import { Tok } from '../syntax/tokens';
import type { TokenStream } from '../syntax/scanner';

// ---------------------------------------------------------------------------------------
// Reading the tokens.

export interface BodyFrame {
  kind: 'body';
  /** Dotted block name ('' for the file and for bodies we could not name). */
  name: string;
  /** Token index of `{` (-1 for the file). */
  lbraceTok: number;
  /** Where the current statement is. */
  phase: 'start' | 'name' | 'dot' | 'label' | 'expr' | 'done';
  nameParts: string[];
  /** The attribute whose value is being read (phase `expr`). */
  attr: string | undefined;
}

export interface ExprFrame {
  kind: 'array' | 'paren' | 'object';
  /** Objects: whether the cursor is in a field value (after `=`) rather than at a key. */
  inValue: boolean;
}

export type Frame = BodyFrame | ExprFrame;

export const OPERAND_END: ReadonlySet<Tok> = new Set([Tok.Ident, Tok.String, Tok.Number, Tok.Float, Tok.Bool, Tok.Null, Tok.RParen, Tok.RBrack, Tok.RCurly]);

export class Tokens {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly count: number;
  constructor(readonly stream: TokenStream) {
    this.kinds = stream.kinds;
    this.starts = stream.starts;
    this.count = stream.count;
  }
  kind(i: number): Tok {
    return (i >= 0 && i < this.count ? this.kinds[i] : Tok.EOF) as Tok;
  }
  start(i: number): number {
    return (i >= 0 && i < this.count ? this.starts[i] : this.stream.text.length) as number;
  }
  end(i: number): number {
    return i + 1 < this.count ? (this.starts[i + 1] as number) : this.stream.text.length;
  }
  text(i: number): string {
    return this.stream.text.slice(this.start(i), this.end(i));
  }
  /** The token holding the character before `offset` (the one just typed), or -1 at the start. */
  before(offset: number): number {
    if (offset <= 0) return -1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start(mid) <= offset - 1) lo = mid;
      else hi = mid - 1;
    }
    // Skip zero-width tokens (a terminator at EOF) that start at the same place.
    while (lo > 0 && this.end(lo) === this.start(lo)) lo--;
    return lo;
  }
  nextSignificant(i: number): number {
    let j = i + 1;
    while (j < this.count && (this.kind(j) === Tok.Whitespace || this.kind(j) === Tok.Comment)) j++;
    return j;
  }
}

export function isWord(kind: Tok): boolean {
  return kind === Tok.Ident || kind === Tok.Bool || kind === Tok.Null;
}

/** Runs the frame machine over the significant tokens before `until`. */
export function frameStack(t: Tokens, until: number): { stack: Frame[]; prev: Tok | undefined } {
  const root: BodyFrame = { kind: 'body', name: '', lbraceTok: -1, phase: 'start', nameParts: [], attr: undefined };
  const stack: Frame[] = [root];
  let prev: Tok | undefined;
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const popTo = (pred: (f: Frame) => boolean): void => {
    while (stack.length > 1) {
      const f = stack.pop() as Frame;
      if (pred(f)) break;
    }
    const now = top();
    if (now.kind === 'body' && now.phase !== 'expr') now.phase = 'done';
  };

  for (let i = 0; i < until; i++) {
    const k = t.kind(i);
    if (k === Tok.Whitespace || k === Tok.Comment) continue;
    prev = k;
    const f = top();
    if (f.kind === 'body' && f.phase !== 'expr') {
      switch (f.phase) {
        case 'start':
          if (k === Tok.Ident) {
            f.phase = 'name';
            f.nameParts = [t.text(i)];
            f.attr = undefined;
          } else if (k === Tok.RCurly) {
            if (stack.length > 1) popTo((x) => x.kind === 'body');
          } else if (k === Tok.LCurly) {
            stack.push({ kind: 'body', name: '', lbraceTok: i, phase: 'start', nameParts: [], attr: undefined });
          } else if (k !== Tok.Terminator) {
            f.phase = 'done';
          }
          break;
        case 'name':
          if (k === Tok.Dot) f.phase = 'dot';
          else if (k === Tok.String) f.phase = 'label';
          else if (k === Tok.Assign) {
            f.phase = 'expr';
            f.attr = f.nameParts.length === 1 ? f.nameParts[0] : undefined;
          } else if (k === Tok.LCurly) {
            f.phase = 'done';
            stack.push({ kind: 'body', name: f.nameParts.join('.'), lbraceTok: i, phase: 'start', nameParts: [], attr: undefined });
          } else if (k === Tok.Terminator) f.phase = 'start';
          else if (k === Tok.RCurly) {
            if (stack.length > 1) popTo((x) => x.kind === 'body');
          } else f.phase = 'done';
          break;
        case 'dot':
          if (k === Tok.Ident) {
            f.nameParts.push(t.text(i));
            f.phase = 'name';
          } else if (k === Tok.Terminator) f.phase = 'start';
          else f.phase = 'done';
          break;
        case 'label':
          if (k === Tok.LCurly) {
            f.phase = 'done';
            stack.push({ kind: 'body', name: f.nameParts.join('.'), lbraceTok: i, phase: 'start', nameParts: [], attr: undefined });
          } else if (k === Tok.Terminator) f.phase = 'start';
          else f.phase = 'done';
          break;
        case 'done':
          if (k === Tok.Terminator) f.phase = 'start';
          else if (k === Tok.RCurly) {
            if (stack.length > 1) popTo((x) => x.kind === 'body');
          } else if (k === Tok.LCurly) {
            stack.push({ kind: 'body', name: '', lbraceTok: i, phase: 'start', nameParts: [], attr: undefined });
          } else if (k === Tok.LBrack) stack.push({ kind: 'array', inValue: false });
          else if (k === Tok.LParen) stack.push({ kind: 'paren', inValue: false });
          break;
      }
      continue;
    }
    // Expression context: a body in phase `expr`, or an array, object or parentheses.
    switch (k) {
      case Tok.LBrack:
        stack.push({ kind: 'array', inValue: false });
        break;
      case Tok.LParen:
        stack.push({ kind: 'paren', inValue: false });
        break;
      case Tok.LCurly:
        stack.push({ kind: 'object', inValue: false });
        break;
      case Tok.RBrack:
        if (stack.some((x) => x.kind === 'array')) popTo((x) => x.kind === 'array' || x.kind === 'body');
        break;
      case Tok.RParen:
        if (stack.some((x) => x.kind === 'paren')) popTo((x) => x.kind === 'paren' || x.kind === 'body');
        break;
      case Tok.RCurly:
        if (stack.length > 1) popTo((x) => x.kind === 'object' || x.kind === 'body');
        break;
      case Tok.Assign:
        if (f.kind === 'object') f.inValue = true;
        break;
      case Tok.Comma:
        if (f.kind === 'object') f.inValue = false;
        break;
      case Tok.Terminator:
        if (f.kind === 'body') f.phase = 'start';
        break;
      default:
        break;
    }
  }
  return { stack, prev };
}

/** Names of the attributes and blocks written directly in the body opened at `lbraceTok`, except the statement at `skipTok`. */
export function namesInBody(t: Tokens, lbraceTok: number, skipTok: number): { attributes: Set<string>; blocks: Set<string> } {
  const attributes = new Set<string>();
  const blocks = new Set<string>();
  let depth = 0;
  let atStart = true;
  for (let i = lbraceTok + 1; i < t.count; i++) {
    const k = t.kind(i);
    if (k === Tok.Whitespace || k === Tok.Comment) continue;
    if (k === Tok.EOF) break;
    if (depth === 0 && atStart && k === Tok.Ident) {
      atStart = false;
      // Read the dotted name, then look at what follows it.
      let j = i;
      let name = t.text(j);
      while (t.kind(j + 1) === Tok.Dot && t.kind(j + 2) === Tok.Ident) {
        j += 2;
        name += '.' + t.text(j);
      }
      const after = t.kind(t.nextSignificant(j));
      if (i !== skipTok) {
        if (after === Tok.Assign) attributes.add(name);
        else if (after === Tok.LCurly || after === Tok.String) blocks.add(name);
      }
      i = j;
      continue;
    }
    atStart = false;
    if (k === Tok.LCurly || k === Tok.LBrack || k === Tok.LParen) depth++;
    else if (k === Tok.RCurly || k === Tok.RBrack || k === Tok.RParen) {
      if (depth === 0) break;
      depth--;
    } else if (k === Tok.Terminator && depth === 0) atStart = true;
  }
  return { attributes, blocks };
}
