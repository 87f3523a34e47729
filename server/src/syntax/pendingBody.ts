/**
 * The top-level statements of a reparsed file, kept as runs of earlier
 * versions' statements, each with the distance its offsets moved, until
 * someone reads `file.body`. Only then are the moved statements copied with
 * their new offsets (`shiftStmt`), once per version.
 *
 * Typing in a large file makes a new version per keystroke, and most versions
 * are only diagnosed: when the edit changed no meaning the analysis is carried
 * over and never reads the tree, so copying everything after the edit would be
 * the whole cost of the keystroke. A chain of such reparses stays a few runs
 * long: each one splits the runs at the edit and adds its own statements.
 */
import type { FileNode, Span, Stmt } from './ast';
import { defineLazy, lazyState } from './lazyProperties';
import { shiftStmt } from './shift';

/** Statements `stmts[from, to)`, each moved by `delta`. */
export interface Run {
  stmts: readonly Stmt[];
  from: number;
  to: number;
  delta: number;
}

/** Past this many runs a new version copies its statements at once rather than keep a longer chain. */
const MAX_RUNS = 32;

/** The statements of `file` as runs: its pending runs, or its body as one run. */
export function runsOf(file: FileNode): readonly Run[] {
  const pending = lazyState<readonly Run[]>(file);
  if (pending) return pending;
  const body = file.body;
  return [{ stmts: body, from: 0, to: body.length, delta: 0 }];
}

/** A file node over `runs` whose `body` is made on first read (at once when nothing needs moving). */
export function fileOfRuns(runs: readonly Run[], end: number): FileNode {
  if (runs.length > MAX_RUNS || runs.every((r) => r.delta === 0)) return { kind: 'File', body: materialize(runs), start: 0, end };
  const file = { kind: 'File', start: 0, end } as FileNode;
  defineLazy(file, ['body'], runs, bodyOf);
  return file;
}

function bodyOf(runs: readonly Run[]): { body: Stmt[] } {
  return { body: materialize(runs) };
}

function materialize(runs: readonly Run[]): Stmt[] {
  const body: Stmt[] = [];
  for (const run of runs) {
    for (let i = run.from; i < run.to; i++) {
      const stmt = run.stmts[i] as Stmt;
      body.push(run.delta === 0 ? stmt : shiftStmt(stmt, run.delta));
    }
  }
  return body;
}

/** In `run`, the index of the first statement whose moved start is at or after `offset`. */
function splitAt(run: Run, offset: number): number {
  let lo = run.from;
  let hi = run.to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((run.stmts[mid] as Stmt).start + run.delta < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The runs of the statements starting before `offset`. */
export function runsBefore(runs: readonly Run[], offset: number): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const split = splitAt(run, offset);
    if (split > run.from) out.push({ stmts: run.stmts, from: run.from, to: split, delta: run.delta });
    if (split < run.to) break;
  }
  return out;
}

/** The runs of the statements starting at or after `offset`, moved by `delta` more. */
export function runsFrom(runs: readonly Run[], offset: number, delta: number): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const split = splitAt(run, offset);
    if (split < run.to) out.push({ stmts: run.stmts, from: split, to: run.to, delta: run.delta + delta });
  }
  return out;
}

/** `runs` with neighbours that continue each other (same array, same distance) joined. */
export function joinRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.from >= run.to) continue;
    const last = out[out.length - 1];
    if (last && last.stmts === run.stmts && last.to === run.from && last.delta === run.delta) last.to = run.to;
    else out.push({ ...run });
  }
  return out;
}

/** The span (moved) of the last statement starting before `offset`. */
export function lastStartingBefore(runs: readonly Run[], offset: number): Span | undefined {
  let found: Span | undefined;
  for (const run of runs) {
    const split = splitAt(run, offset);
    if (split > run.from) {
      const stmt = run.stmts[split - 1] as Stmt;
      found = { start: stmt.start + run.delta, end: stmt.end + run.delta };
    }
    if (split < run.to) break;
  }
  return found;
}

/** The span (moved) of the first statement starting at or after `offset`. */
export function firstStartingAtOrAfter(runs: readonly Run[], offset: number): Span | undefined {
  for (const run of runs) {
    const split = splitAt(run, offset);
    if (split < run.to) {
      const stmt = run.stmts[split] as Stmt;
      return { start: stmt.start + run.delta, end: stmt.end + run.delta };
    }
  }
  return undefined;
}
