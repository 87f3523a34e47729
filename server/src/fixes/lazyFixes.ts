/**
 * Findings carry the data their fixes need; the edits themselves are built
 * when someone reads `fixes` (a code action on the finding's range, fix all,
 * `--fix`). Diagnostics and `check` never read them, so they never pay for
 * rendering blocks, wiring targets or matching line endings.
 */
import type { Finding, Fix } from '../syntax/diagnostic';
import { defineLazy, pendingMaker } from '../syntax/lazyProperties';

/** What builds a finding's fixes: called at most once, on the first read. */
export type FixBuilder = () => Fix[];

/**
 * `finding` with fixes computed on first read and kept. The property is an
 * ordinary enumerable one to every reader (spread, JSON, `f.fixes?.length`);
 * its getter is shared by all findings (see `syntax/lazyProperties.ts`).
 */
export function withLazyFixes(finding: Finding, compute: FixBuilder): Finding {
  defineLazy(finding, ['fixes'], compute, fixesOf);
  return finding;
}

function fixesOf(compute: FixBuilder): { fixes: Fix[] } {
  return { fixes: compute() };
}

/**
 * How `finding`'s fixes are obtained, without building them: the lazy getter's
 * builder, or the fixes already there. Undefined when it has none.
 */
export function fixesSource(finding: Finding): FixBuilder | undefined {
  const pending = pendingMaker(finding, 'fixes');
  if (pending) return () => (pending() as Fix[] | undefined) ?? [];
  const value = finding.fixes;
  return value ? () => value : undefined;
}

export { copyFinding } from '../syntax/diagnostic';
