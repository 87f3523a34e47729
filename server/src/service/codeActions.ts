/**
 * What a code action request costs: quick fixes are read only from the
 * findings on the requested range (checks build fixes lazily, so reading
 * `finding.fixes` is where the work happens), and fix-all runs only when asked
 * for by kind.
 */
import type { FileEdit, Finding, Fix } from '../syntax/diagnostic';
import { fixAll, isAutoFixable, type ParsedFile } from '../languageService';
import type { Settings } from '../settings';
import { minimalEdit } from '../features/textDiff';

/** One quick fix and the finding it answers. */
export interface QuickFix {
  finding: Finding;
  fix: Fix;
}

/**
 * The fixes of the findings of `file` that touch `[start, end]`, or sit on the
 * line where the range starts (a finding at a point, such as the start of a
 * file, matches a cursor on its line).
 */
export function quickFixesIn(findings: readonly Finding[], file: ParsedFile, start: number, end: number): QuickFix[] {
  const lines = file.parse.lineIndex;
  const line = lines.lineOf(start);
  const out: QuickFix[] = [];
  for (const finding of findings) {
    if (finding.file !== file.path) continue;
    const touches = finding.range.start <= end && finding.range.end >= start;
    if (!touches && lines.lineOf(finding.range.start) !== line) continue;
    // Only now are the fixes built: findings off the range never pay for theirs.
    for (const fix of finding.fixes ?? []) out.push({ finding, fix });
  }
  return out;
}

/** Whether fix-all has anything to do: some auto-fixable finding has a fix. */
export function hasAutoFix(findings: readonly Finding[]): boolean {
  return findings.some((f) => isAutoFixable(f.code) && !!f.fixes?.length);
}

/** Fix-all as one minimal edit per changed file of the configuration. */
export function fixAllEdits(files: readonly ParsedFile[], settings: Settings): FileEdit[] {
  const changed = fixAll(
    files.map((f) => ({ path: f.path, text: f.parse.text })),
    settings,
  );
  const edits: FileEdit[] = [];
  for (const f of files) {
    const after = changed.get(f.path);
    const e = after === undefined ? undefined : minimalEdit(f.parse.text, after);
    if (e) edits.push({ file: f.path, ...e });
  }
  return edits;
}
