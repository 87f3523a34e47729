/**
 * The token stream of a reparsed file, kept as runs of earlier versions'
 * token arrays (with the distance their offsets moved) until someone reads
 * `kinds` or `starts`: the same idea as `pendingBody.ts`, for the arrays.
 *
 * Allocating two arrays as long as the file per keystroke (6 MB at 3.4 MB)
 * cost more than the rest of a keystroke whose analysis is carried over:
 * `reparse` reads the few offsets it needs through `startAt` and `kindAt`,
 * and the arrays are made once, when a feature or check asks for them.
 */
import { defineLazy, lazyState } from './lazyProperties';
import { lastStartAtOrBefore } from './lineIndex';
import type { TokenStream } from './scanner';

/** Tokens `[from, to)` of the arrays, their offsets moved by `delta`. */
export interface TokenRun {
  kinds: Uint8Array;
  starts: Int32Array;
  from: number;
  to: number;
  delta: number;
}

/** Past this many runs a new version's arrays are made at once. */
const MAX_RUNS = 32;

interface Pending {
  runs: readonly TokenRun[];
  /** Index of each run's first token in the stream. */
  firsts: Int32Array;
  count: number;
  end: number;
}

/** The tokens of `tokens` as runs: its pending runs, or its arrays as one run. */
export function tokenRunsOf(tokens: TokenStream): readonly TokenRun[] {
  const pending = lazyState<Pending>(tokens);
  if (pending) return pending.runs;
  return [{ kinds: tokens.kinds, starts: tokens.starts, from: 0, to: tokens.count, delta: 0 }];
}

/** The runs of tokens `[from, to)` of `runs` (stream indices), moved by `delta` more. */
export function sliceRuns(runs: readonly TokenRun[], from: number, to: number, delta: number): TokenRun[] {
  const out: TokenRun[] = [];
  let first = 0;
  for (const run of runs) {
    const length = run.to - run.from;
    const lo = Math.max(from, first);
    const hi = Math.min(to, first + length);
    if (lo < hi) out.push({ kinds: run.kinds, starts: run.starts, from: run.from + lo - first, to: run.from + hi - first, delta: run.delta + delta });
    first += length;
  }
  return out;
}

/** `runs` with neighbours that continue each other joined. */
function joinRuns(runs: readonly TokenRun[]): TokenRun[] {
  const out: TokenRun[] = [];
  for (const run of runs) {
    if (run.from >= run.to) continue;
    const last = out[out.length - 1];
    if (last && last.kinds === run.kinds && last.starts === run.starts && last.to === run.from && last.delta === run.delta) last.to = run.to;
    else out.push({ ...run });
  }
  return out;
}

/** A token stream over `runs` whose arrays are made on first read (at once when there are many runs). */
export function streamOfRuns(text: string, parts: readonly TokenRun[], errors: TokenStream['errors']): TokenStream {
  const runs = joinRuns(parts);
  const count = runs.reduce((n, r) => n + r.to - r.from, 0);
  if (runs.length > MAX_RUNS) return { text, ...materialize(runs, count, text.length), count, errors };
  const firsts = new Int32Array(runs.length);
  for (let i = 1; i < runs.length; i++) firsts[i] = (firsts[i - 1] as number) + (runs[i - 1] as TokenRun).to - (runs[i - 1] as TokenRun).from;
  const stream = { text, count, errors } as TokenStream;
  defineLazy(stream, ['kinds', 'starts'], { runs, firsts, count, end: text.length }, arraysOf);
  return stream;
}

function arraysOf(pending: Pending): { kinds: Uint8Array; starts: Int32Array } {
  return materialize(pending.runs, pending.count, pending.end);
}

function materialize(runs: readonly TokenRun[], count: number, end: number): { kinds: Uint8Array; starts: Int32Array } {
  const kinds = new Uint8Array(count);
  const starts = new Int32Array(count + 1);
  let at = 0;
  for (const run of runs) {
    kinds.set(run.kinds.subarray(run.from, run.to), at);
    starts.set(run.starts.subarray(run.from, run.to), at);
    if (run.delta !== 0) for (let j = at, n = at + run.to - run.from; j < n; j++) starts[j] = (starts[j] as number) + run.delta;
    at += run.to - run.from;
  }
  starts[count] = end;
  return { kinds, starts };
}

/** Where in its run's arrays token `i` of a pending stream is. */
function locate(pending: Pending, i: number): { run: TokenRun; index: number } | undefined {
  const { runs, firsts } = pending;
  const lo = lastStartAtOrBefore(firsts, i);
  const run = runs[lo];
  return run ? { run, index: run.from + i - (firsts[lo] as number) } : undefined;
}

/** The offset where token `i` starts (`count`: the text's end), without making the arrays. */
export function startAt(tokens: TokenStream, i: number): number {
  const pending = lazyState<Pending>(tokens);
  if (!pending) return tokens.starts[i] as number;
  if (i >= tokens.count) return tokens.text.length;
  const at = locate(pending, i);
  return at ? (at.run.starts[at.index] as number) + at.run.delta : tokens.text.length;
}

/** The kind of token `i`, without making the arrays. */
export function kindAt(tokens: TokenStream, i: number): number {
  const pending = lazyState<Pending>(tokens);
  if (!pending) return tokens.kinds[i] as number;
  const at = locate(pending, i);
  return at ? (at.run.kinds[at.index] as number) : -1;
}
