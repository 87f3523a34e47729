/**
 * The targets of issue 12 as the parts of the bench measure them, and the
 * final "target | measured | met?" table. Measurements only: nothing here
 * fails the run.
 */
import { table } from './stats';

/** The parts `--only` can name, in the order a full run takes them. */
export const PARTS = ['parse', 'check', 'lsp', 'workspace', 'memory', 'navigation', 'hostile'] as const;
export type PartName = (typeof PARTS)[number];

/** One target and what this run measured for it. */
export interface TargetResult {
  part: PartName;
  /** The target in words, e.g. `keystroke → diagnostics p99 at 2,000 lines <= 10 ms`. */
  target: string;
  /** The measured figure with its unit (and baseline, when it is a ratio). */
  measured: string;
  /** Undefined when the part could not measure it (skipped or failed). */
  met: boolean | undefined;
}

/** A target that was not measured, with the reason in place of the figure. */
export function notMeasured(part: PartName, target: string, why: string): TargetResult {
  return { part, target, measured: `not measured: ${why}`, met: undefined };
}

/** A target of the form "figure <= limit". */
export function atMost(part: PartName, target: string, value: number, limit: number, shown: string): TargetResult {
  return { part, target, measured: shown, met: Number.isFinite(value) ? value <= limit : undefined };
}

/** Prints the summary of every target the run measured. */
export function printSummary(results: readonly TargetResult[]): void {
  console.log('\nSummary: the targets of issue 12, and of navigation and hostile inputs (measurements only; nothing fails on a target)\n');
  const met = results.filter((r) => r.met === true).length;
  table(
    ['part', 'target', 'measured', 'met?'],
    results.map((r) => [r.part, r.target, r.measured, r.met === undefined ? 'n/a' : r.met ? 'yes' : 'NO']),
    3,
  );
  console.log(`\n${met} of ${results.length} targets met.`);
}
