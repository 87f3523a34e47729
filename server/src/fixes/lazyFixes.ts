/**
 * Findings carry the data their fixes need; the edits themselves are built
 * when someone reads `fixes` (a code action on the finding's range, fix all,
 * `--fix`). Diagnostics and `check` never read them, so they never pay for
 * rendering blocks, wiring targets or matching line endings.
 */
import type { Finding, Fix } from '../syntax/diagnostic';

/** What builds a finding's fixes: called at most once, on the first read. */
export type FixBuilder = () => Fix[];

/**
 * `finding` with fixes computed on first read and kept. The property is an
 * ordinary enumerable one to every reader (spread, JSON, `f.fixes?.length`).
 */
export function withLazyFixes(finding: Finding, compute: FixBuilder): Finding {
  let cached: Fix[] | undefined;
  let computed = false;
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!computed) {
        cached = compute();
        computed = true;
      }
      return cached;
    },
    set: (value: Fix[] | undefined) => {
      cached = value;
      computed = true;
    },
  });
  return finding;
}

/**
 * How `finding`'s fixes are obtained, without building them: the lazy getter's
 * builder, or the fixes already there. Undefined when it has none.
 */
export function fixesSource(finding: Finding): FixBuilder | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(finding, 'fixes');
  if (!descriptor) return undefined;
  const get = descriptor.get;
  if (get) return () => (get.call(finding) as Fix[] | undefined) ?? [];
  const value = descriptor.value as Fix[] | undefined;
  return value ? () => value : undefined;
}

export { copyFinding } from '../syntax/diagnostic';
