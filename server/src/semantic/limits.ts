/**
 * Budgets of the analysis, fixed before the work so that no input costs more
 * than a bounded amount. Each limit reached is reported as a finding naming it.
 */

/**
 * Findings kept per file; the editor shows no more than this either. A check
 * may stop after one more than this in a file (the one more places the notice).
 */
export const MAX_FINDINGS_PER_FILE = 1000;

/** Findings kept per configuration (all files of a directory, and their compose files). */
export const MAX_FINDINGS_PER_CONFIGURATION = 10_000;

/**
 * Counts findings per file for a check that stops producing them once a file
 * has more than the budget can keep.
 */
export class PerFileCap {
  private readonly counts = new Map<string, number>();

  /** Whether `file` has room for more findings. */
  hasRoom(file: string): boolean {
    return (this.counts.get(file) ?? 0) <= MAX_FINDINGS_PER_FILE;
  }

  /** Whether one more finding in `file` can still matter; counts it if so. */
  take(file: string): boolean {
    const n = this.counts.get(file) ?? 0;
    if (n > MAX_FINDINGS_PER_FILE) return false;
    this.counts.set(file, n + 1);
    return true;
  }
}
